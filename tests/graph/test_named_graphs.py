"""One named graph per article for its evidence, the merged layer in the default graph (issue 8)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kgraph.cli import cli
from kgraph.extract.pipeline import ExtractionResult
from kgraph.graph import GraphBuilder, load_graph, write_graph
from kgraph.graph.named import nquads, quads
from kgraph.graph.namespace import ARTICLE, KG
from kgraph.graph.query import bind_params, run_query, shipped_queries, shipped_query
from kgraph.graph.store import query_graph
from kgraph.model import stable_hash
from kgraph.reader import Article

from tests.graph.test_saved_queries import ev

KGNS = str(KG._NS)


def report(doc: str, host: str, start: int = 0) -> ExtractionResult:
    """One article reporting the same sanctions event (USA 163 TUR on 2021-01-10)."""
    article = Article(doc, "…", date="2021-01-11", url=f"https://{host}/{doc}")
    return ExtractionResult(article, "en", [ev(doc, "USA", "163", "TUR", "2021-01-10", start=start)])


def built(*results: ExtractionResult):
    builder = GraphBuilder()
    builder.add_results(results)
    return builder.graph


def read_quads(path: Path) -> set[tuple[str, str, str, str | None]]:
    """Every quad at ``path`` (a TriG or N-Quads file, or a store) as strings; ``None`` names the default graph."""
    if path.is_dir():
        store = ox.Store.read_only(str(path))
        found = list(store.quads_for_pattern(None, None, None))
    else:
        fmt = ox.RdfFormat.TRIG if path.suffix == ".trig" else ox.RdfFormat.N_QUADS
        found = list(ox.parse(path=str(path), format=fmt))
    return {(str(q.subject), str(q.predicate), str(q.object),
             None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value) for q in found}


def value(quads_: set, subject: str, predicate: str) -> list[tuple[str, str | None]]:
    return sorted((o, g) for s, p, o, g in quads_ if s == subject and p == f"<{KGNS}{predicate}>")


def check(path: Path, docs: list[str]) -> None:
    """One event node in the default graph, counted right; each mention in its own article's graph."""
    found = read_quads(path)
    events = {s for s, p, o, g in found if p.endswith("22-rdf-syntax-ns#type>") and o == f"<{KGNS}Event>"}
    assert len(events) == 1
    (event,) = events
    assert value(found, event, "numMentions") == [(f'"{len(docs)}"^^<http://www.w3.org/2001/XMLSchema#integer>', None)]
    assert value(found, event, "numArticles")[0][0].startswith(f'"{len(docs)}"')
    assert value(found, event, "numSources")[0][0].startswith(f'"{len(docs)}"')
    links = value(found, event, "mention")
    assert len(links) == len(docs)
    articles = {str(ARTICLE[stable_hash(doc)]) for doc in docs}
    for mention, graph in links:  # the link, the mention and its article all sit in that article's graph
        assert graph in articles
        assert value(found, mention, "inArticle") == [(f"<{graph}>", graph)]
        assert all(g == graph for s, p, o, g in found if s == mention)
        assert all(g == graph for s, p, o, g in found if s == f"<{graph}>")
    assert {g for _, g in links} == articles  # one mention per article, each in its own graph
    assert {g for *_, g in found} == articles | {None}
    # every triple once: no triple in two graphs
    assert len({q[:3] for q in found}) == len(found)


@pytest.mark.parametrize("name", ["g.trig", "g.nq", "store"])
def test_two_reports_one_event_two_mentions_each_in_its_article_graph(tmp_path, name):
    path = tmp_path / name
    write_graph(built(report("a", "one.example"), report("b", "two.example", start=30)), path)
    check(path, ["a", "b"])
    # a third report appended, then the same article added again: the counts stay right
    write_graph(built(report("c", "three.example", start=60)), path, append=True)
    check(path, ["a", "b", "c"])
    size = len(read_quads(path))
    write_graph(built(report("b", "two.example", start=30)), path, append=True)
    check(path, ["a", "b", "c"])
    assert len(read_quads(path)) == size


def test_cli_build_append_keeps_article_graphs(tmp_path):
    """Through ``kgraph build``: event records in, TriG out, appended, the same article again."""
    import json

    from kgraph.records import record_of

    def records(result: ExtractionResult) -> Path:
        out = tmp_path / f"{result.article.doc_id}.jsonl"
        out.write_text("".join(json.dumps(record_of(e, result.article, "en")) + "\n" for e in result.events), encoding="utf-8")
        return out

    first, second, third = report("a", "one.example"), report("b", "two.example", start=30), report("c", "three.example", start=60)
    graph = tmp_path / "g.trig"
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(records(first)), str(records(second)), "-o", str(graph)]).exit_code == 0
    check(graph, ["a", "b"])
    for again in (third, second):
        result = runner.invoke(cli, ["build", str(records(again)), "-o", str(graph), "--append"])
        assert result.exit_code == 0, result.output
        check(graph, ["a", "b", "c"])


def test_turtle_holds_the_union(tmp_path):
    graph = built(report("a", "one.example"), report("b", "two.example", start=30))
    write_graph(graph, tmp_path / "g.ttl")
    write_graph(graph, tmp_path / "g.trig")
    assert set(load_graph(tmp_path / "g.ttl")) == set(graph) == set(load_graph(tmp_path / "g.trig"))
    assert len(read_quads(tmp_path / "g.trig")) == len(graph)


def test_quads_split_evidence_from_the_merged_layer():
    graph = built(report("a", "one.example"))
    split = list(quads(graph))
    assert len(split) == len(graph)
    evidence = {(p, g) for _, p, _, g in split if g is not None}
    assert (KG.mention, ARTICLE[stable_hash("a")]) in evidence and (KG.sentenceText, ARTICLE[stable_hash("a")]) in evidence
    merged = {p for _, p, _, g in split if g is None}
    assert {KG.numMentions, KG.source, KG.eventType} <= merged and KG.sentenceText not in merged
    assert nquads(graph).count(b"\n") == len(graph)


def test_every_shipped_query_answers_the_same_on_every_layout(tmp_path):
    """Union semantics: rdflib in memory, TriG through Oxigraph, the store, all give the same rows."""
    from rdflib import Literal

    def plain(rows):
        values = [tuple(v.toPython() if isinstance(v, Literal) else v and str(v) for v in r) for r in rows]
        return sorted(values, key=lambda r: [str(float(v)) if isinstance(v, Decimal) else repr(v) for v in r])

    builder = GraphBuilder()
    builder.add_result(ExtractionResult(Article("a", "…", date="2021-01-10", url="https://x.example/a"), "en", [
        ev("a", "RUSGOV", "042", "UKRGOV", "2021-01-10"), ev("a", "RUS", "112", "UKR", "2021-02-20", start=20),
        ev("a", "USA", "163", "RUSGOV", "2022-03-05", start=40), ev("a", "RUS", "163", "UKR", "2022-03-02", start=60, mode="conditional"),
    ]))
    builder.add_result(ExtractionResult(Article("b", "…", date="2022-03-05"), "en", [ev("b", "USA", "163", "RUSGOV", "2022-03-05")]))
    graph = builder.graph
    for name in ("g.ttl", "g.trig", "g.nq", "store"):
        write_graph(graph, tmp_path / name)
    for name in shipped_queries():
        text = bind_params(shipped_query(name), {}, name)
        expected = run_query(graph, text).rows
        for layout in ("g.trig", "g.nq", "store"):
            for engine in ("rdflib", "oxigraph"):
                got = query_graph(tmp_path / layout, text, engine=engine).rows
                assert plain(got) == plain(expected), (name, layout, engine)


def test_a_store_with_article_graphs_validates(tmp_path):
    from kgraph.graph import validate_graph

    write_graph(built(report("a", "one.example"), report("b", "two.example", start=30)), tmp_path / "store")
    graph = load_graph(tmp_path / "store")
    assert len(graph) == len(read_quads(tmp_path / "store"))
    assert validate_graph(graph).conforms
