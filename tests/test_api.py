"""The Python API: extract, build, load, query (rows and DataFrames)."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest
from rdflib.namespace import RDF

import kgraph
from kgraph.cameo import cameo_code
from kgraph.errors import QueryError
from kgraph.graph import KG, save_graph
from kgraph.model import Action, ActorRef, Event


def event(doc, source, cameo, target, start=0):
    code = cameo_code(cameo)
    return Event(
        doc_id=doc, sentence_id=0, sentence="s", lang="en", date="2022-03-01",
        source=ActorRef(source, source, source[:3], source[3:] or None, None, None, start, start + 3),
        action=Action(cameo, code.code, code.root, code.label, code.plover, code.quad_class, code.goldstein, start + 4, start + 7),
        target=ActorRef(target, target, target[:3], target[3:] or None, None, None, start + 8, start + 11),
    )


def test_build_from_events_and_records_then_query_by_name_and_sparql(tmp_path):
    records = [event("a", "RUSGOV", "112", "UKRGOV").to_record(), event("b", "RUSGOV", "112", "UKRGOV", start=4).to_record()]
    graph = kgraph.build(records)
    assert len(set(graph.subjects(RDF.type, KG.Event))) == 1
    rows = kgraph.query(graph, "SELECT ?p WHERE { actor:RUS ?p actor:UKR }")
    assert rows.columns == ["p"] and [str(r["p"]).rsplit("/", 1)[-1] for r in rows] == [cameo_code("112").relation]
    kgraph.build([event("c", "USA", "163", "RUS")], graph)  # added in place
    dyads = kgraph.query(graph, "top_dyads", limit=5)
    assert [(r["source"], r["target"], r["events"], r["mentions"]) for r in dyads] == [("RUS", "UKR", 1, 2), ("USA", "RUS", 1, 1)]
    assert isinstance(dyads[0]["goldstein"], Decimal)
    path = tmp_path / "g.ttl"
    save_graph(graph, path)
    assert len(kgraph.load(path)) == len(graph)
    assert kgraph.query(str(path), "between", a="RUS", b="UKR")[0]["code"] == "112"
    query_file = tmp_path / "q.rq"
    query_file.write_text("# count\n# @param code country RUS  a country\nSELECT (COUNT(*) AS ?n) WHERE { ?a kg:code $code }\n")
    assert kgraph.query(graph, str(query_file), code="UKR")[0]["n"] == 1
    with pytest.raises(QueryError):
        kgraph.query(graph, "top_dyads", nope=1)


def test_rows_as_a_dataframe():
    pd = pytest.importorskip("pandas")
    graph = kgraph.build([event("a", "RUSGOV", "112", "UKRGOV").to_record()])
    frame = kgraph.query(graph, "top_dyads").df
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == ["source", "target", "events", "mentions", "goldstein"]
    assert frame.loc[0, "goldstein"] == pytest.approx(cameo_code("112").goldstein)


def test_record_files_build_without_the_models(tmp_path, monkeypatch):
    path = tmp_path / "events.jsonl"
    path.write_text(json.dumps(event("a", "USA", "163", "RUS").to_record()) + "\n", encoding="utf-8")
    import kgraph.nlp

    monkeypatch.setattr(kgraph.nlp, "load_model", lambda *a, **k: pytest.fail("a model was loaded"))
    graph = kgraph.build(path)
    assert kgraph.query(graph, "by_root", root="16")[0]["target"] == "RUS"


@pytest.mark.slow
def test_extract_texts_then_build_like_the_command_line():
    records = kgraph.extract(["The Russian government accused the Ukrainian government of shelling Donetsk."],
                             lang="en", date="2022-02-20")
    assert records and records[0]["source"]["code"].startswith("RUS") and records[0]["article"]["date"] == "2022-02-20"
    direct = kgraph.build("The Russian government accused the Ukrainian government of shelling Donetsk.", lang="en", date="2022-02-20")
    assert kgraph.query(direct, "SELECT ?p WHERE { actor:RUS ?p actor:UKR }")
    assert {str(t) for t in kgraph.build(records)} and len(set(kgraph.build(records).subjects(RDF.type, KG.Event))) == len(
        set(direct.subjects(RDF.type, KG.Event)))


def test_long_texts_are_texts_not_paths(monkeypatch):
    from kgraph import api

    text = "The United States imposed sanctions on Turkey " * 20  # longer than any file name
    skipped = []
    (article,) = list(api._articles([text, "news.jsonl"], date="2020-12-14", lang="en", skipped=skipped))
    assert article.text == text and article.date == "2020-12-14"
    assert [item.message() for item in skipped] == ["news.jsonl: no such file or directory"]


def test_unreadable_inputs_are_warned_about(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_text(json.dumps(event("a", "USA", "163", "RUS").to_record()) + "\n{broken\n", encoding="utf-8")
    with pytest.warns(UserWarning, match=r"events.jsonl:2: invalid JSON"):
        graph = kgraph.build([path])
    assert len(set(graph.subjects(RDF.type, KG.Event))) == 1
