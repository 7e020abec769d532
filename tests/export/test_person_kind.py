"""Actors the graph types as people get the kind ``person`` in every network export and picture legend.

kgraph's builder codes a person by the role they hold (an office-holder becomes ``USAGOV``), so a
person node exists when the graph says an actor is a person: ``rdf:type`` foaf:Person, schema:Person
or any class whose IRI ends in ``Person`` (``data/kinds.tsv``, rule ``person``).
"""
from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from rdflib import URIRef
from rdflib.namespace import FOAF, RDF, SDO

from kgraph.export import export
from kgraph.export.network import NetworkOptions, actor_network, kind_color
from kgraph.export.picture import draw_network
from kgraph.graph.namespace import ACTOR

from tests.export.helpers import article, build, make_event

PERSON_CLASSES = [FOAF.Person, SDO.Person, URIRef("https://w3id.org/kgraph/ontology#Person")]


def _graph(person_class: URIRef):
    graph = build(article("p", make_event("p", source="USAELI", target="TUR", cameo="036"),
                          make_event("p", source="TUR", target="RUSREB", cameo="190", start=60)))
    graph.add((ACTOR["USAELI"], RDF.type, person_class))
    return graph


@pytest.mark.parametrize("person_class", PERSON_CLASSES, ids=["foaf", "schema", "kg"])
def test_person_kind_in_gexf_and_graphml(tmp_path, person_class):
    graph = _graph(person_class)
    for fmt, read in (("gexf", lambda p: nx.read_gexf(p, version="1.3")), ("graphml", nx.read_graphml)):
        path = tmp_path / f"g.{fmt}"
        export(graph, fmt, path, level="actor")
        kinds = {node: data["kind"] for node, data in read(path).nodes(data=True)}
        assert kinds == {"USAELI": "person", "TUR": "state", "RUSREB": "armed group"}, fmt
    text = (tmp_path / "g.gexf").read_text(encoding="utf-8")
    r, g, b = (int(kind_color("person")[i:i + 2], 16) for i in (1, 3, 5))
    assert re.search(rf'<node id="USAELI".*?<viz:color r="{r}" g="{g}" b="{b}"', text, re.S)


def test_untyped_actor_of_the_same_code_is_no_person(tmp_path):
    graph = build(article("p", make_event("p", source="USAELI", target="TUR", cameo="036")))
    export(graph, "graphml", tmp_path / "g.graphml", level="actor")
    assert nx.read_graphml(tmp_path / "g.graphml").nodes["USAELI"]["kind"] == "sector"


def test_person_in_the_page_and_the_picture_legend(tmp_path):
    graph = _graph(FOAF.Person)
    export(graph, "html", tmp_path / "g.html", level="actor")
    page = (tmp_path / "g.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script id="kgraph-data" type="application/json">(.*?)</script>', page, re.S).group(1))
    assert {n["id"]: n["kind"] for n in data["nodes"]}["USAELI"] == "person"
    assert ["person", kind_color("person")] in data["legend"]["kinds"]
    fig = draw_network(actor_network(graph, NetworkOptions(level="actor")))
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert "person" in legend and "armed group" in legend and "state" in legend
