"""Queries of the merged layer read the default graph alone; evidence queries the union; the same answers either way."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Literal

from kgraph.cli import cli
from kgraph.extract.pipeline import ExtractionResult
from kgraph.graph import GraphBuilder, load_graph, write_graph
from kgraph.graph.dataset import count_all_triples, dataset_options, query_patterns
from kgraph.graph.namespace import ARTICLE
from kgraph.graph.query import bind_params, run_query, shipped_queries, shipped_query
from kgraph.graph.store import query_graph
from kgraph.model import stable_hash
from kgraph.reader import Article

from tests.graph.test_saved_queries import ev

#: The shipped queries that read the evidence (mentions, sentences) or every triple, hence the union of all graphs;
#: ``actors`` has a path that may take zero steps (``kg:country?`` alone), which matches every node of the graph read.
UNION = {"events", "sentences", "triples", "actors"}


@pytest.fixture(scope="module")
def graph():
    builder = GraphBuilder()
    builder.add_result(ExtractionResult(Article("a", "…", date="2021-01-10", url="https://x.example/a"), "en", [
        ev("a", "RUSGOV", "042", "UKRGOV", "2021-01-10"), ev("a", "RUS", "112", "UKR", "2021-02-20", start=20),
        ev("a", "USA", "163", "RUSGOV", "2022-03-05", start=40), ev("a", "RUS", "163", "UKR", "2022-03-02", start=60, mode="conditional"),
    ]))
    builder.add_result(ExtractionResult(Article("b", "…", date="2022-03-05", url="https://y.example/b"), "en",
                                        [ev("b", "USA", "163", "RUSGOV", "2022-03-05")]))
    return builder.graph


@pytest.fixture(scope="module")
def store(graph, tmp_path_factory):
    path = tmp_path_factory.mktemp("dataset") / "store"
    write_graph(graph, path)
    return path


def read_quads(path):
    """Every quad at ``path`` as stored by Oxigraph (literals in their canonical form, 0.80 as 0.8)."""
    if path.is_dir():
        store = ox.Store.read_only(str(path))
    else:
        store = ox.Store()
        store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG if path.suffix == ".trig" else ox.RdfFormat.N_QUADS)
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in store.quads_for_pattern(None, None, None)}


def options(store, text):
    handle = ox.Store.read_only(str(store))
    try:
        return dataset_options(handle, text)
    finally:
        del handle


def plain(result):
    return sorted(tuple(_same_digits(v.toPython()) if isinstance(v, Literal) else v and str(v) for v in row) for row in result.rows)


def _same_digits(value):
    """A decimal to 12 places: rdflib divides with 28 digits, Oxigraph with 18 ("29/9" is
    3.222222222222222222222222222 in one and 3.222222222222222222 in the other)."""
    from decimal import Decimal

    return value.quantize(Decimal("1e-12")) if isinstance(value, Decimal) else value


@pytest.mark.parametrize("name", sorted(shipped_queries()))
def test_each_shipped_query_reads_the_layer_it_needs_and_answers_as_over_the_union(graph, store, name):
    text = bind_params(shipped_query(name), {}, name)
    chosen = options(store, text)
    assert chosen == ({"use_default_graph_as_union": True} if name in UNION else {"default_graph": ox.DefaultGraph()})
    assert plain(query_graph(store, text)) == plain(run_query(graph, text))


def test_lookups_read_the_default_graph_and_evidence_queries_the_union(graph, store):
    assert options(store, "SELECT ?p WHERE { actor:RUS ?p actor:UKR }") == {"default_graph": ox.DefaultGraph()}
    evidence = "SELECT ?sentence WHERE { ?m kg:sentenceText ?sentence }"  # mentions sit in the articles' graphs
    assert options(store, evidence) == {"use_default_graph_as_union": True}
    assert plain(query_graph(store, evidence)) == plain(run_query(graph, evidence)) and len(run_query(graph, evidence).rows) == 5
    # a zero-length path alone matches every node of the graph read: the union
    assert options(store, "SELECT ?x WHERE { ?x kg:country? ?y }") == {"use_default_graph_as_union": True}
    assert options(store, "SELECT ?x WHERE { ?x kg:country?/kg:code ?y }") == {"default_graph": ox.DefaultGraph()}
    assert options(store, "not SPARQL at all") == {"use_default_graph_as_union": True}


def test_queries_that_name_their_graphs(store):
    article = ARTICLE[stable_hash("a")]
    per_graph = "SELECT ?g (COUNT(?m) AS ?n) WHERE { GRAPH ?g { ?m a kg:Mention } } GROUP BY ?g ORDER BY ?g"
    assert options(store, per_graph) == {"default_graph": ox.DefaultGraph()}  # the default graph holds no pattern outside GRAPH
    rows = {str(g): n.toPython() for g, n in query_graph(store, per_graph).rows}
    assert rows == {str(article): 4, str(ARTICLE[stable_hash("b")]): 1}
    from_article = f"SELECT (COUNT(?m) AS ?n) FROM <{article}> WHERE {{ ?m a kg:Mention }}"
    assert query_patterns(from_article).own_dataset and options(store, from_article) == {}
    assert query_graph(store, from_article).rows[0][0].toPython() == 4


def test_triple_count_from_the_store_size(graph, store, tmp_path):
    assert count_all_triples(shipped_query("triples")) == "triples"
    assert count_all_triples("select (count(*) as ?n) { ?a ?b ?c . }") == "n"
    for other in ("SELECT (COUNT(*) AS ?n) WHERE { ?s ?s ?o }", "SELECT (COUNT(?s) AS ?n) WHERE { ?s ?p ?o }",
                  "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?o }", "SELECT (COUNT(*) AS ?n) FROM <urn:g> WHERE { ?s ?p ?o }"):
        assert count_all_triples(other) is None, other
    counted = "SELECT (COUNT(?s) AS ?n) WHERE { ?s ?p ?o }"  # counted by Oxigraph over the union
    for path in (store, tmp_path / "g.trig"):
        write_graph(graph, path) if path.suffix else None
        fast = query_graph(path, shipped_query("triples"), engine="oxigraph")
        assert fast.columns == ["triples"] and fast.rows[0][0] == Literal(len(graph))
        assert query_graph(path, counted, engine="oxigraph").rows[0][0].toPython() == len(graph)


@pytest.mark.parametrize("fmt", ["trig", "nq"])
def test_export_writes_the_article_graphs_as_a_build_does(graph, store, tmp_path, fmt):
    built = tmp_path / f"built.{fmt}"
    write_graph(graph, built)
    runner = CliRunner()
    for source in (store, built, tmp_path / "g.ttl"):
        if source.suffix == ".ttl":
            write_graph(graph, source)
        exported = tmp_path / f"exported-{source.name}.{fmt}"
        result = runner.invoke(cli, ["export", str(source), "--to", fmt, "-o", str(exported)])
        assert result.exit_code == 0, result.output
        assert read_quads(exported) == read_quads(built), source
    assert read_quads(built) == read_quads(store)
    assert len(read_quads(built)) == len(load_graph(built))


EXAMPLE_PARAMS = {"between": {"a": "USA", "b": "TUR"}, "did": {"a": "USA", "b": "TUR"}, "timeline": {"actor": "TUR"},
                  "goldstein_monthly": {"a": "USA", "b": "TUR"}}


@pytest.fixture(scope="module")
def examples(tmp_path_factory):
    """The examples built as TriG (through ``kgraph build``), and as a store."""
    from tests.graph.test_saved_queries import EXAMPLES

    root = tmp_path_factory.mktemp("examples")
    trig = root / "examples.trig"
    result = CliRunner().invoke(cli, ["build", str(EXAMPLES), "-o", str(trig)])
    assert result.exit_code == 0, result.output
    write_graph(load_graph(trig), root / "store")
    return trig, root / "store"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(shipped_queries()))
def test_every_shipped_query_answers_the_examples_alike_in_both_engines(examples, name):
    from tests.graph.test_dyads import GROUPED

    trig, store = examples
    text = bind_params(shipped_query(name), EXAMPLE_PARAMS.get(name, {}), name)
    expected = plain(query_graph(trig, text, engine="rdflib"))  # rdflib: one graph, the union
    assert expected or name in ("sentences", "changed")
    assert plain(query_graph(trig, text, engine="oxigraph")) == expected
    assert plain(query_graph(store, text)) == expected
    if name in GROUPED:  # the summaries give what grouping the events gave
        grouped = GROUPED[name].replace("LIMIT 1000", "LIMIT 20")
        assert plain(query_graph(store, grouped)) == expected


def test_a_store_counts_its_triples_from_what_kgraph_recorded_until_something_else_writes(graph, tmp_path, monkeypatch):
    from kgraph.graph import store as store_module

    path = tmp_path / "store"
    write_graph(graph, path)
    assert store_module.recorded_size(path) == len(graph)
    write_graph(GraphBuilder().graph, path, append=True, allow_empty=True)  # an append records the new size
    with monkeypatch.context() as patched:
        patched.setattr(store_module, "_read_only_store", lambda *a: pytest.fail("the store was opened"))
        assert query_graph(path, shipped_query("triples")).rows == [[Literal(len(graph))]]
    foreign = ox.Store(str(path))  # written behind kgraph's back: the record no longer holds, the store is counted
    foreign.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.NamedNode("urn:b")))
    foreign.flush()
    del foreign
    assert store_module.recorded_size(path) is None
    assert query_graph(path, shipped_query("triples")).rows == [[Literal(len(graph) + 1)]]
