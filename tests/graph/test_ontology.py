"""The ontology: every kgraph term labelled and explained in English and French, reused vocabularies."""
from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS

from kgraph.graph import KG
from kgraph.resources import ontology_file


def ontology() -> Graph:
    graph = Graph()
    with ontology_file("kgraph.ttl").open("rb") as handle:
        graph.parse(handle, format="turtle")
    return graph


def test_every_term_has_a_label_and_a_comment_in_english_and_french():
    g = ontology()
    missing = []
    for name in KG.__annotations__:
        term = KG[name]
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in g.objects(term, prop)}
            missing += [f"{name} {prop.fragment}@{lang}" for lang in ("en", "fr") if lang not in langs]
    assert not missing


def test_new_terms_sit_under_reused_vocabularies():
    g = ontology()
    sem = "http://semanticweb.cs.vu.nl/2009/11/sem/"
    assert (KG.Event, RDFS.subClassOf, URIRef(sem + "Event")) in g
    assert (KG.NegatedEvent, RDFS.subClassOf, KG.Event) in g and (KG.HypotheticalEvent, RDFS.subClassOf, KG.Event) in g
    assert (KG.partOf, RDFS.subPropertyOf, URIRef("http://www.w3.org/2004/02/skos/core#broader")) in g
    assert (KG.Article, RDFS.subClassOf, URIRef("https://schema.org/NewsArticle")) in g
    for count in (KG.numMentions, KG.numArticles, KG.numSources):
        assert (count, RDF.type, URIRef("http://www.w3.org/2002/07/owl#DatatypeProperty")) in g
