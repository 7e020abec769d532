"""GraphML: the GEXF attributes, read back by networkx and igraph."""
from __future__ import annotations

import networkx as nx
import pytest

from kgraph.export import export

from tests.export.helpers import mixed_graph


@pytest.fixture(scope="module")
def graphml(tmp_path_factory):
    path = tmp_path_factory.mktemp("graphml") / "g.graphml"
    export(mixed_graph(), "graphml", path, level="actor")
    return path


def test_networkx_reads_nodes_and_parallel_relations(graphml):
    net = nx.read_graphml(graphml)
    assert isinstance(net, nx.MultiDiGraph)  # appeal and disapprove between USA and TUR stay apart
    assert net.nodes["USA"]["label"] == "United States" and net.nodes["USA"]["kind"] == "state"
    assert net.nodes["TURGOV"]["sector"] == "GOV" and net.nodes["TURGOV"]["country"] == "TUR"
    relations = sorted(d["relation"] for u, v, d in net.edges(data=True) if (u, v) == ("USA", "TUR"))
    assert relations == ["appeal", "disapprove"]
    sanction = next(d for u, v, d in net.edges(data=True) if (u, v) == ("USA", "TURGOV"))
    assert sanction["weight"] == 2.0 and sanction["events"] == 2 and sanction["quad_class"] == 4
    assert sanction["color"] == "#d73027" and sanction["first"] == "2020-12-14"


def test_igraph_reads_it(graphml):
    igraph = pytest.importorskip("igraph")
    g = igraph.Graph.Read_GraphML(str(graphml))
    assert g.is_directed()
    names = g.vs["id"]
    usa, tur = names.index("USA"), names.index("TUR")
    kinds = sorted(e["relation"] for e in g.es if (e.source, e.target) == (usa, tur))
    assert kinds == ["appeal", "disapprove"]
    assert set(g.vs["kind"]) >= {"state", "sector", "IGO", "armed group"}
