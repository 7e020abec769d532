"""Oxigraph's own SPARQL engine answers stores and large files, with the answers rdflib gives."""
from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import Literal

from kgraph.cameo import cameo_code
from kgraph.errors import GraphError, QueryError
from kgraph.extract.pipeline import ExtractionResult
from kgraph.graph import GraphBuilder, save_graph, write_graph
from kgraph.graph import store as store_module
from kgraph.graph.query import bind_params, shipped_queries, shipped_query
from kgraph.graph.store import query_graph
from kgraph.model import Action, ActorRef, Event
from kgraph.reader import Article

PAIRS = [("RUSGOV", "UKRGOV"), ("USA", "RUSGOV"), ("TURMIL", "SYR"), ("IGONATO", "RUS"), ("CHN", "USAGOV")]
CODES = ["042", "057", "112", "163", "190", "036", "0874"]


def ev(doc, i):
    source, target = PAIRS[i % len(PAIRS)]
    code = cameo_code(CODES[i % len(CODES)] if CODES[i % len(CODES)] in __import__("kgraph.cameo").cameo.cameo_codes() else "042")
    start = 10 * (i % 7)
    return Event(
        doc_id=doc, sentence_id=i % 7, sentence=f"sentence {i}", lang="en", date=f"2022-0{1 + i % 6}-1{i % 9}",
        source=ActorRef(source, source, source[:3], None, None, None, start, start + 3),
        action=Action("x", code.code, code.root, code.label, code.plover, code.quad_class, code.goldstein, start + 4, start + 5),
        target=ActorRef(target, target, target[:3], None, None, None, start + 6, start + 9),
        negated=i % 11 == 0, mode="conditional" if i % 13 == 0 else None,
    )


@pytest.fixture(scope="module")
def graphs(tmp_path_factory):
    builder = GraphBuilder()
    for d in range(12):
        builder.add_result(ExtractionResult(Article(f"doc{d}", "…", date="2022-01-01", url=f"https://site{d % 3}.org/{d}"), "en",
                                            [ev(f"doc{d}", d * 5 + k) for k in range(9)]))
    root = tmp_path_factory.mktemp("ox")
    ttl, store = root / "g.ttl", root / "store"
    save_graph(builder.graph, ttl)
    write_graph(builder.graph, store)
    return ttl, store


def plain(result):
    def value(v):
        if isinstance(v, Literal):
            python = v.toPython()
            if isinstance(python, (Decimal, float)):
                return round(float(python), 9)
            return python if not isinstance(python, Literal) else str(v)
        return None if v is None else str(v)

    return result.columns, [[value(v) for v in row] for row in result.rows]


PARAMS = {"between": {"a": "RUS", "b": "UKR"}, "timeline": {"actor": "RUS"}, "goldstein_monthly": {"a": "RUS", "b": "UKR"},
          "changed": {"to1": "2022-03-31", "from2": "2022-04-01"}}


@pytest.mark.parametrize("name", sorted(shipped_queries()))
def test_every_shipped_query_answers_alike_in_rdflib_and_oxigraph(graphs, name):
    ttl, store = graphs
    text = bind_params(shipped_query(name), PARAMS.get(name, {}), name)
    expected = plain(query_graph(ttl, text, engine="rdflib"))
    assert expected[1] or name in ("sentences",)
    assert plain(query_graph(ttl, text, engine="oxigraph")) == expected
    assert plain(query_graph(store, text)) == expected


def test_stores_and_large_files_do_not_go_through_rdflib(graphs, monkeypatch):
    ttl, store = graphs
    monkeypatch.setattr(store_module, "run_query", lambda *a, **k: pytest.fail("rdflib was used"))
    assert query_graph(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0].toPython() > 500
    monkeypatch.setenv("KGRAPH_OXIGRAPH_THRESHOLD", "1")
    assert query_graph(ttl, "ASK { actor:RUS ?p actor:UKR }").boolean is True


def test_errors_stay_one_line(graphs, tmp_path, monkeypatch):
    ttl, store = graphs
    with pytest.raises(QueryError, match="^SPARQL error"):
        query_graph(store, "SELECT WHERE {")
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(GraphError, match="broken.ttl: cannot parse as turtle"):
        query_graph(broken, "SELECT * WHERE { ?s ?p ?o }", engine="oxigraph")
    with pytest.raises(GraphError, match="no such graph"):
        query_graph(tmp_path / "missing.ttl", "ASK {}")
