"""RDF syntaxes read back by rdflib: same triples, named graphs per article, JSON-LD with the shipped context."""
from __future__ import annotations

import json

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import OWL, RDF

from kgraph.export import export
from kgraph.export.rdf import jsonld_context
from kgraph.graph import KG, load_graph
from kgraph.resources import ontology_graph

from tests.export.helpers import mixed_graph


@pytest.fixture(scope="module")
def graph():
    return mixed_graph()


def _same_triples(a: Graph, b: Graph) -> bool:
    """Equal triples, literals compared by value (Oxigraph writes 0.80 as 0.8)."""

    def plain(graph):
        return {(s, p, (o.datatype, o.language, o.toPython()) if isinstance(o, Literal) else o) for s, p, o in graph}

    return plain(a) == plain(b)


@pytest.mark.parametrize("fmt", ["ttl", "nt", "trig", "nq", "jsonld"])
def test_round_trip_keeps_every_triple(graph, tmp_path, fmt):
    path = tmp_path / f"g.{fmt}"
    export(graph, fmt, path)
    back = load_graph(path)
    assert len(back) == len(graph) and _same_triples(back, graph)


@pytest.mark.parametrize("fmt", ["trig", "nq"])
def test_quads_put_each_article_in_its_own_named_graph(graph, tmp_path, fmt):
    path = tmp_path / f"g.{fmt}"
    export(graph, fmt, path)
    dataset = Dataset()
    dataset.parse(path, format="trig" if fmt == "trig" else "nquads")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    articles = {str(a) for a in graph.subjects(RDF.type, KG.Article)}
    assert names == articles | {str(DATASET_DEFAULT_GRAPH_ID)} and len(articles) == 2
    for article in articles:
        named = dataset.graph(URIRef(article))
        mentions = set(named.subjects(RDF.type, KG.Mention))
        assert mentions and all(named.value(m, KG.inArticle) == URIRef(article) for m in mentions)
        assert {o for _, _, o in named.triples((None, KG.mention, None))} == mentions
    events = dataset.default_graph  # the merged layer, as a build writes it
    assert set(events.subjects(RDF.type, KG.Event)) == set(graph.subjects(RDF.type, KG.Event))
    assert not set(events.subjects(RDF.type, KG.Mention))


def test_jsonld_embeds_the_shipped_context_and_uses_its_terms(graph, tmp_path):
    path = tmp_path / "g.jsonld"
    export(graph, "jsonld", path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["@context"] == jsonld_context()
    event = next(n for n in document["@graph"] if n.get("@type") == "Event" or n.get("@type") == "kg:Event")
    assert "source" in event and "eventType" in event and event["source"].startswith("actor:")
    assert event["date"] in {"2020-12-14", "2020-12-15", "2020-12-20"}


def test_context_covers_every_ontology_property():
    ontology = ontology_graph("kgraph.ttl")
    context = jsonld_context()
    expanded = {v if isinstance(v, str) else v["@id"] for v in context.values()}
    for prop in set(ontology.subjects(RDF.type, OWL.ObjectProperty)) | set(ontology.subjects(RDF.type, OWL.DatatypeProperty)):
        local = str(prop).rsplit("#", 1)[-1]
        assert f"kg:{local}" in expanded, local


def test_graph_without_articles_goes_to_the_default_graph(tmp_path):
    g = Graph()
    g.add((URIRef("urn:a"), URIRef("urn:p"), URIRef("urn:b")))
    export(g, "nq", tmp_path / "g.nq")
    assert (tmp_path / "g.nq").read_text(encoding="utf-8").strip() == "<urn:a> <urn:p> <urn:b> ."


def test_exports_from_a_store_directory_match_the_in_memory_graph(graph, tmp_path):
    from kgraph.graph import open_graph, write_graph

    store = tmp_path / "store"
    write_graph(graph, store)
    # A store keeps one named graph per article: RDF syntaxes read it graph by graph, not subject by subject.
    for fmt, options in (("nq", {}), ("nt", {}), ("ttl", {}), ("trig", {}), ("jsonld", {}), ("gdelt", {}),
                         ("gdelt-mentions", {}), ("gexf", {}), ("gexf", {"bipartite": True, "dynamic": True})):
        export(graph, fmt, tmp_path / f"memory.{fmt}", **options)
        with open_graph(store) as on_disk:
            export(on_disk, fmt, tmp_path / f"disk.{fmt}", **options)
        if fmt in ("nq", "nt", "ttl", "trig", "jsonld"):
            assert _same_triples(load_graph(tmp_path / f"disk.{fmt}"), graph)
        else:
            memory = (tmp_path / f"memory.{fmt}").read_text(encoding="utf-8").splitlines()
            disk = (tmp_path / f"disk.{fmt}").read_text(encoding="utf-8").splitlines()
            assert sorted(memory) == sorted(disk)


def test_shipped_context_is_regenerated_from_the_ontology():
    import subprocess
    import sys
    from pathlib import Path

    tool = Path(__file__).resolve().parents[2] / "tools" / "jsonld_context.py"
    assert subprocess.run([sys.executable, str(tool), "--check"], check=False).returncode == 0
