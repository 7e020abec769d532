from __future__ import annotations

import csv

import networkx as nx
import pytest

from kgraph.export import export, exporter_names
from kgraph.graph import GraphBuilder, load_graph

from tests.graph.test_builder import make_event, result


@pytest.fixture()
def graph():
    builder = GraphBuilder(models={"fr": "fr_core_news_md"})
    builder.add_results([
        result("a", make_event("a"), make_event("a", source="TUR", target="USA", cameo="046", date="2020-12-29")),
        result("b", make_event("b", date="2020-12-20")),
    ])
    return builder.graph


def test_gexf_round_trip_has_weighted_dated_edge_from_usa_to_turkey(graph, tmp_path):
    path = tmp_path / "g.gexf"
    export(graph, "gexf", path)
    net = nx.read_gexf(path, version="1.3")
    assert net.nodes["USA"]["label"] == "United States"
    edges = [d for u, v, d in net.edges(data=True) if (u, v) == ("USA", "TUR")]
    assert len(edges) == 1
    edge = edges[0]
    assert edge["weight"] == 2.0 and edge["cameo_root"] == "16" and edge["relation"] == "reduceRelations"
    assert (edge["first"], edge["last"]) == ("2020-12-14", "2020-12-20")
    assert any((u, v) == ("TUR", "USA") for u, v in net.edges())


def test_gexf_actor_level_keeps_sectors(graph, tmp_path):
    path = tmp_path / "g.gexf"
    export(graph, "gephi", path, level="actor")
    assert ("USA", "TURGOV") in set(nx.read_gexf(path, version="1.3").edges())


def test_csv(graph, tmp_path):
    export(graph, "csv", tmp_path / "g.csv")
    rows = list(csv.DictReader(open(tmp_path / "g.csv", encoding="utf-8")))
    assert len(rows) == 3
    sanction = next(r for r in rows if r["EventCode"] == "163" and r["DocID"] == "a")
    assert (sanction["Actor1Code"], sanction["Actor2Code"], sanction["Actor2CountryCode"], sanction["Date"]) == ("USA", "TURGOV", "TUR", "2020-12-14")


@pytest.mark.parametrize("fmt", ["ttl", "nt", "trig", "jsonld"])
def test_rdf_exports_round_trip(graph, tmp_path, fmt):
    path = tmp_path / f"g.{fmt}"
    export(graph, fmt, path)
    assert len(load_graph(path)) == len(graph)


def test_registry_lists_formats_and_rejects_unknown(graph, tmp_path):
    assert {"gexf", "graphml", "csv", "ttl", "trig", "nt", "jsonld"} <= set(exporter_names())
    from kgraph.errors import KGraphError

    with pytest.raises(KGraphError):
        export(graph, "pdf", tmp_path / "x.pdf")
