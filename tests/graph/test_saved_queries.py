"""Saved queries: parameters, answers on built graphs, rounding for display only."""
from __future__ import annotations

import csv
import io
import json
from collections import Counter
from decimal import Decimal

import pytest
from click.testing import CliRunner
from rdflib import Literal
from rdflib.namespace import RDF, SKOS

XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"

from kgraph.cameo import cameo_code
from kgraph.cli import cli
from kgraph.errors import QueryError
from kgraph.extract.pipeline import ExtractionResult
from kgraph.graph import KG, GraphBuilder, load_graph, save_graph
from kgraph.graph.namespace import ACTOR, REL
from kgraph.graph.query import QueryResult, SavedQuery, bind_params, format_result, run_query, shipped_queries, shipped_query
from kgraph.model import Action, ActorRef, Event
from kgraph.reader import Article

EXAMPLES = __import__("pathlib").Path(__file__).resolve().parents[2] / "examples"


def ev(doc, source, cameo, target, date, start=0, negated=False, mode=None):
    code = cameo_code(cameo)
    return Event(
        doc_id=doc, sentence_id=start, sentence=f"{source} {cameo} {target}", lang="en", date=date,
        source=ActorRef(source, source, source[:3], source[3:] or None, None, None, start, start + 3),
        action=Action(cameo, code.code, code.root, code.label, code.plover, code.quad_class, code.goldstein, start + 4, start + 7),
        target=ActorRef(target, target, target[:3], target[3:] or None, None, None, start + 8, start + 11),
        negated=negated, mode=mode,
    )


@pytest.fixture(scope="module")
def graph():
    builder = GraphBuilder()
    builder.add_result(ExtractionResult(Article("a", "…", date="2021-01-10"), "en", [
        ev("a", "RUSGOV", "042", "UKRGOV", "2021-01-10"),
        ev("a", "RUS", "057", "UKR", "2021-01-20", start=20),
        ev("a", "RUSMIL", "190", "UKRMIL", "2022-02-24", start=40),
        ev("a", "RUSGOV", "112", "UKR", "2022-03-01", start=60),
        ev("a", "RUS", "163", "UKR", "2022-03-02", start=80, mode="conditional"),  # hypothetical: not counted
        ev("a", "UKRGOV", "112", "RUSGOV", "2022-03-03", start=100, negated=True),  # negated: not counted
        ev("a", "USA", "163", "RUSGOV", "2022-03-05", start=120),
    ]))
    builder.add_result(ExtractionResult(Article("b", "…", date="2022-03-05"), "en", [ev("b", "USA", "163", "RUSGOV", "2022-03-05")]))
    return builder.graph


def rows(graph, name, **params):
    result = run_query(graph, bind_params(shipped_query(name), params, name))
    return [dict(zip(result.columns, [None if v is None else v.toPython() if isinstance(v, Literal) else str(v) for v in row])) for row in result.rows]


def test_parameters_are_declared_typed_and_checked():
    query = SavedQuery.parse(shipped_query("between"), "between")
    assert list(query.params) == ["a", "b", "from", "to"]
    text = query.bind({"a": "rus", "b": "UKR", "from": "2022-01-01"})
    assert '"RUS"' in text and '"2022-01-01"^^<http://www.w3.org/2001/XMLSchema#date>' in text and "$a" not in text
    with pytest.raises(QueryError, match="unknown parameter 'c'"):
        query.bind({"c": "x"})
    with pytest.raises(QueryError, match="not a valid date"):
        query.bind({"from": "yesterday"})
    with pytest.raises(QueryError, match="not a valid country"):
        query.bind({"a": 'RUS" } ; DROP ALL #'})
    assert bind_params("SELECT * WHERE { ?s ?p ?o }") == "SELECT * WHERE { ?s ?p ?o }"  # nothing declared: as it is


def test_every_shipped_query_runs_with_its_defaults(graph):
    for name in shipped_queries():
        run_query(graph, bind_params(shipped_query(name), {}, name))


def test_top_dyads_at_country_level_without_negated_or_hypothetical(graph):
    found = {(r["source"], r["target"]): (r["events"], r["mentions"]) for r in rows(graph, "top_dyads")}
    assert found == {("RUS", "UKR"): (4, 4), ("USA", "RUS"): (1, 2)}
    assert len(rows(graph, "top_dyads", limit=1)) == 1


def test_between_two_countries_in_a_period_both_directions(graph):
    assert [r["code"] for r in rows(graph, "between", a="UKR", b="RUS")] == ["042", "057", "190", "112"]
    assert [r["code"] for r in rows(graph, "between", a="RUS", b="UKR", **{"from": "2022-01-01"})] == ["190", "112"]


def test_timeline_gathers_sector_actors(graph):
    timeline = rows(graph, "timeline", actor="USA")
    assert [(r["role"], r["code"], r["mentions"]) for r in timeline] == [("source", "163", 2)]
    assert Counter(r["role"] for r in rows(graph, "timeline", actor="RUS")) == {"source": 4, "target": 1}


def test_by_root_roots_and_monthly_goldstein(graph):
    assert [r["target"] for r in rows(graph, "by_root", root="16")] == ["RUSGOV"]
    assert {r["root"]: r["events"] for r in rows(graph, "roots")} == {"04": 1, "05": 1, "11": 1, "16": 1, "19": 1}
    months = {r["month"]: r for r in rows(graph, "goldstein_monthly", a="RUS", b="UKR")}
    assert sorted(months) == ["2021-01", "2022-02", "2022-03"]
    expected = Decimal(str(cameo_code("042").goldstein)) + Decimal(str(cameo_code("057").goldstein))
    assert months["2021-01"]["goldstein_total"] == expected and months["2021-01"]["cooperation"] == 2


def test_sentences_behind_an_event(graph):
    (event,) = [e for e in graph.subjects(RDF.type, KG.Event) if graph.value(e, KG.numMentions).toPython() == 2]
    found = rows(graph, "sentences", event=str(event).rsplit("/", 1)[-1])
    assert [r["doc"] for r in found] == ["a", "b"] and all(r["sentence"] == "USA 163 RUSGOV" for r in found)


def test_who_changed_behaviour_between_two_periods(graph):
    changed = rows(graph, "changed", to1="2021-12-31", from2="2022-01-01")
    assert [(r["source"], r["target"], r["shift"]) for r in changed] == [("RUS", "UKR", "cooperation → conflict")]
    assert changed[0]["change"] < 0


def test_numbers_rounded_in_tables_and_exact_in_csv_and_json():
    value = Literal(Decimal("-1.3666666666666666666666666667"), datatype=XSD_DECIMAL)
    result = QueryResult(["a", "g", "n"], [["RUS", value, Literal(3)]])
    assert "-1.367" in format_result(result, "table") and "1.36666" not in format_result(result, "table")
    assert "-1.3666666666666666666666666667" in format_result(result, "csv")
    assert json.loads(format_result(result, "json"))["results"]["bindings"][0]["g"]["value"] == "-1.3666666666666666666666666667"
    assert format_result(QueryResult(["g"], [[Literal(Decimal("-8.0"), datatype=XSD_DECIMAL)]]), "table").splitlines()[2] == "-8.0"


def test_cli_param_option(graph, tmp_path):
    path = tmp_path / "g.ttl"
    save_graph(graph, path)
    runner = CliRunner()
    result = runner.invoke(cli, ["query", str(path), "--name", "between", "--param", "a=RUS", "--param", "b=UKR", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert [row["code"] for row in csv.DictReader(io.StringIO(result.stdout))] == ["042", "057", "190", "112"]
    result = runner.invoke(cli, ["query", str(path), "--name", "between", "--param", "a"])
    assert result.exit_code == 1 and "NAME=VALUE" in result.stderr
    assert "--param a=<country>" in runner.invoke(cli, ["query", "--list"]).stdout


@pytest.fixture(scope="module")
def example_graph(tmp_path_factory):
    path = tmp_path_factory.mktemp("examples") / "examples.ttl"
    result = CliRunner().invoke(cli, ["build", str(EXAMPLES), "-o", str(path)])
    assert result.exit_code == 0, result.output
    return load_graph(path)


@pytest.mark.slow
def test_shipped_queries_on_the_examples(example_graph):
    g = example_graph
    for name in shipped_queries():
        run_query(g, bind_params(shipped_query(name), {}, name))
    asserted = [e for e in g.subjects(RDF.type, KG.Event)
                if not g.value(e, KG.negated).toPython() and g.value(e, KG.mode) is None and g.value(e, KG.target) is not None]
    assert sum(r["events"] for r in rows(g, "top_dyads", limit=1000)) == sum(
        1 for e in asserted
        if (g.value(g.value(e, KG.source), KG.country) or g.value(e, KG.source)) != (g.value(g.value(e, KG.target), KG.country) or g.value(e, KG.target))
    )
    between = rows(g, "between", a="USA", b="TUR")
    assert ("USA", "163", "TURGOV") in {(r["source"], r["code"], r["target"]) for r in between}  # the S-400 sanctions
    assert {(r["source"], r["target"]) for r in rows(g, "between", a="JPN", b="KOR")} >= {("JPN", "KOR")}
    sanction = next(r for r in between if r["code"] == "163")
    (mention,) = rows(g, "sentences", event=sanction["event"])
    assert "sanctions" in mention["sentence"] and mention["doc"] == "rt_fr_turquie_s400"


def _country(g, actor):
    return g.value(actor, KG.country) or actor


def _asserted(g):
    return [e for e in g.subjects(RDF.type, KG.Event)
            if not g.value(e, KG.negated).toPython() and g.value(e, KG.mode) is None and g.value(e, KG.target) is not None]


def _us_to_turkey(rows, g):
    expected = Counter()
    for e in _asserted(g):
        date = str(g.value(e, KG.date))
        if (_country(g, g.value(e, KG.source)), _country(g, g.value(e, KG.target))) == (ACTOR.USA, ACTOR.TUR) and "2020-12-15" <= date <= "2020-12-31":
            expected[(date, str(REL[cameo_code(str(g.value(g.value(e, KG.eventType), SKOS.notation))).relation]))] += 1
    assert ("2020-12-30", str(REL.reduceRelations)) in expected  # the S-400 sanctions
    return {(str(r["date"]), r["relation"]): r["events"] for r in rows} == dict(expected)


def _reports_per_article(rows, g):
    expected = {}
    for article in g.subjects(RDF.type, KG.Article):
        mentions = set(g.subjects(KG.inArticle, article))
        events = {g.value(m, KG.mentionOf) for m in mentions}
        shared = {e for e in events if g.value(e, KG.numArticles).toPython() > 1}
        expected[str(g.value(article, KG.docId))] = (len(mentions), len(events), len(shared))
    assert set(expected) == {"rt_fr_turquie_s400", "en_japan_korea_talks"}
    return {r["doc"]: (r["mentions"], r["events"], r["also_elsewhere"]) for r in rows} == expected


def _mutual_relations(rows, g):
    countries = {a for a in g.subjects(RDF.type, KG.Actor) if g.value(a, KG.country) is None}
    relations = set(g.objects(None, KG.relation))
    expected = {(str(g.value(x, KG.code)), str(p), str(g.value(y, KG.code)))
                for x, p, y in g if p in relations and x in countries and y in countries and (y, p, x) in g
                and str(g.value(x, KG.code)) < str(g.value(y, KG.code))}
    assert ("JPN", str(REL.consult), "KOR") in expected
    return {(r["a"], r["relation"], r["b"]) for r in rows} == expected


TOUR = {
    "what_the_us_did_to_turkey": lambda rows, g: {"rel:consult", "rel:reduceRelations"} <= {
        "rel:" + r["relation"].rsplit("/", 1)[-1] for r in rows},
    "sanctions_in_december_2020": lambda rows, g: ("USA", "TUR") in {(r["source"], r["target"]) for r in rows},
    "talks_with_turkey": lambda rows, g: "USA" in {r["partner"] for r in rows},
    "who_criticises_whom": lambda rows, g: ("CHN", "USAGOV") in {(r["source"], r["target"]) for r in rows},
    "turkish_actors": lambda rows, g: "TUR" in {r["code"] for r in rows} and all(r["code"].startswith("TUR") for r in rows),
    "most_reported_events": lambda rows, g: 0 < len(rows) <= 10 and [r["mentions"] for r in rows] == sorted(
        (r["mentions"] for r in rows), reverse=True),
    "not_asserted": lambda rows, g: all(r["kind"] in ("negated", "hypothetical") for r in rows),
    # the last three are checked against the answer computed from the graph in Python
    "what_the_us_did_to_turkey_late_december_2020": _us_to_turkey,
    "reports_per_article": _reports_per_article,
    "mutual_relations": _mutual_relations,
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(TOUR))
def test_the_examples_tour_answers(example_graph, tmp_path, name):
    from kgraph.graph.store import query_graph

    text = (EXAMPLES / "queries" / f"{name}.rq").read_text(encoding="utf-8")
    result = run_query(example_graph, text)
    found = [dict(zip(result.columns, [None if v is None else v.toPython() if isinstance(v, Literal) else str(v) for v in row]))
             for row in result.rows]
    assert TOUR[name](found, example_graph), found
    path = tmp_path / "examples.nt"
    save_graph(example_graph, path)
    assert query_graph(path, text, engine="oxigraph").rows == result.rows  # the same answer from Oxigraph


def test_every_tour_query_is_checked():
    assert {p.stem for p in (EXAMPLES / "queries").glob("*.rq")} == set(TOUR)
