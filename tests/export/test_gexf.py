"""GEXF 1.3: read back by networkx, checked element by element, and the dynamic timeline."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from kgraph.cameo import cameo_code
from kgraph.errors import KGraphError
from kgraph.export import export
from kgraph.export.gexf import GEXF_NS, VIZ_NS

from tests.export.helpers import mixed_graph, timeline_graph

NS = {"g": GEXF_NS, "viz": VIZ_NS}


def _root(path):
    return ET.parse(path).getroot()


def _edges(root):
    return {e.get("id"): e for e in root.iter(f"{{{GEXF_NS}}}edge")}


def _values(element, key):
    """(value, start, end) of every attvalue of ``key`` on an element."""
    return [(a.get("value"), a.get("start"), a.get("end"))
            for a in element.iter(f"{{{GEXF_NS}}}attvalue") if a.get("for") == key]


def _weight_in_window(edge, start, end):
    """What Gephi's Timeline shows as an edge's weight for [start, end]: the bins that overlap it."""
    values = [float(v) for v, s, e in _values(edge, "weight") if s <= end and e >= start]
    return sum(values) if values else None


@pytest.fixture(scope="module")
def mixed():
    return mixed_graph()


def test_networkx_reads_labelled_nodes_and_one_edge_per_root(mixed, tmp_path):
    path = tmp_path / "g.gexf"
    export(mixed, "gexf", path)
    net = nx.read_gexf(path, version="1.3")
    assert net.nodes["USA"]["label"] == "United States"
    assert net.nodes["USA"]["wikidata"] == "Q30" and net.nodes["USA"]["kind"] == "state"
    assert net.nodes["IGOUNO"]["kind"] == "IGO"
    assert net.nodes["PSE"]["kind"] == "state"  # country level: Hamas (PSEREB) merges into Palestine
    roots = {d["cameo_root"]: d for u, v, d in net.edges(data=True) if (u, v) == ("USA", "TUR")}
    assert set(roots) == {"02", "11", "16"}
    assert roots["16"]["weight"] == 2.0 and roots["16"]["events"] == 2 and roots["16"]["mentions"] == 3
    assert roots["16"]["sources"] == 2 and roots["16"]["articles"] == 2  # example.org and news.example.com
    assert roots["11"]["weight"] == 2.0 and roots["11"]["goldstein"] == pytest.approx(
        (cameo_code("111").goldstein + cameo_code("112").goldstein) / 2, abs=0.01)
    assert roots["11"]["quad_class"] == 3 and roots["11"]["relation"] == "disapprove"
    assert not any(u == "FRA" for u, v in net.edges())  # negated: did not happen
    assert "RUS" not in net  # no recipient: no edge


def test_structure_is_gexf_1_3_with_kinds_colours_and_declared_attributes(mixed, tmp_path):
    path = tmp_path / "g.gexf"
    export(mixed, "gephi", path, level="actor")
    root = _root(path)
    assert root.tag == f"{{{GEXF_NS}}}gexf" and root.get("version") == "1.3"
    assert "http://gexf.net/1.3/gexf.xsd" in root.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation")
    graph = root.find("g:graph", NS)
    assert graph.get("defaultedgetype") == "directed" and graph.get("mode") == "static"
    declared = {(a.get("class"), x.get("id")) for a in graph.findall("g:attributes", NS) for x in a.findall("g:attribute", NS)}
    for cls in ("node", "edge"):
        for element in graph.iter(f"{{{GEXF_NS}}}{cls}"):
            for value in element.iter(f"{{{GEXF_NS}}}attvalue"):
                assert (cls, value.get("for")) in declared
    edges = _edges(root)
    kinds = {e.get("kind") for e in edges.values() if (e.get("source"), e.get("target")) == ("USA", "TUR")}
    assert kinds == {"appeal", "disapprove"}
    assert edges["USA|TURGOV|16"].get("kind") == "reduceRelations" and edges["USA|TURGOV|16"].get("weight") == "2"
    red = edges["USA|TURGOV|16"].find("viz:color", NS)
    green = edges["USA|TUR|02"].find("viz:color", NS)
    assert int(red.get("r")) > int(red.get("g")) and int(green.get("g")) > int(green.get("r"))
    nodes = {n.get("id"): n for n in root.iter(f"{{{GEXF_NS}}}node")}
    assert set(nodes) >= {"TURGOV", "TUR", "PSEREB", "IGOUNO"}
    assert [v for v, _, _ in _values(nodes["PSEREB"], "kind")] == ["armed group"]
    assert [v for v, _, _ in _values(nodes["TURGOV"], "kind")] == ["sector"]
    assert [v for v, _, _ in _values(nodes["TURGOV"], "sector")] == ["GOV"]
    sizes = {k: float(n.find("viz:size", NS).get("value")) for k, n in nodes.items()}
    assert sizes["TUR"] > sizes["IGOUNO"]  # TUR has more relations
    assert "networkx_key" not in path.read_text(encoding="utf-8")


def test_french_labels(mixed, tmp_path):
    path = tmp_path / "fr.gexf"
    export(mixed, "gexf", path, label_lang="fr")
    net = nx.read_gexf(path, version="1.3")
    assert net.nodes["TUR"]["label"] == "Turquie" and net.nodes["USA"]["label"] == "États-Unis"


@pytest.mark.parametrize("bin_", ["day", "week", "month"])
def test_dynamic_february_window_shows_no_weight_on_a_january_and_march_dyad(tmp_path, bin_):
    path = tmp_path / "t.gexf"
    export(timeline_graph(), "gexf", path, dynamic=True, bin=bin_)
    root = _root(path)
    graph = root.find("g:graph", NS)
    assert graph.get("mode") == "dynamic" and graph.get("timerepresentation") == "interval"
    edges = _edges(root)
    sanctions = edges["USA|TUR|16"]
    assert _weight_in_window(sanctions, "2020-02-01", "2020-02-29") is None
    assert _weight_in_window(sanctions, "2020-01-01", "2020-01-31") == 1.0
    assert _weight_in_window(sanctions, "2020-03-01", "2020-03-31") == 1.0
    spells = [(s.get("start"), s.get("end")) for s in sanctions.iter(f"{{{GEXF_NS}}}spell")]
    assert len(spells) == 2 and not any(s <= "2020-02-29" and e >= "2020-02-01" for s, e in spells)
    assert _weight_in_window(edges["TUR|USA|04"], "2020-02-01", "2020-02-29") == 1.0
    nodes = {n.get("id"): n.get("start") for n in root.iter(f"{{{GEXF_NS}}}node")}
    assert nodes == {"USA": "2020-01-15", "TUR": "2020-01-15"}
    net = nx.read_gexf(path, version="1.3")  # networkx reads the dynamic file too
    assert net.has_edge("USA", "TUR")


def test_filters_roots_dates_weight_and_level(mixed, tmp_path):
    path = tmp_path / "f.gexf"
    export(mixed, "gexf", path, roots="16,19")
    assert {d["cameo_root"] for _, _, d in nx.read_gexf(path, version="1.3").edges(data=True)} == {"16", "19"}
    export(mixed, "gexf", path, since="2020-12-15", until="2020-12-20")
    assert {(u, v, d["cameo_root"]) for u, v, d in nx.read_gexf(path, version="1.3").edges(data=True)} == {
        ("PSE", "ISR", "19"), ("USA", "TUR", "16")}
    export(mixed, "gexf", path, min_weight=2)
    assert {d["cameo_root"] for _, _, d in nx.read_gexf(path, version="1.3").edges(data=True)} == {"11", "16"}
    with pytest.raises(KGraphError, match="no relation"):
        export(mixed, "gexf", path, since="2030-01-01")


def test_bipartite_has_actor_and_event_nodes(mixed, tmp_path):
    path = tmp_path / "b.gexf"
    export(mixed, "gexf", path, bipartite=True)
    net = nx.read_gexf(path, version="1.3")
    events = [n for n, d in net.nodes(data=True) if d.get("kind") == "event"]
    assert len(events) == 8  # every non-negated event, with or without a recipient
    assert {"USA", "TUR", "RUS", "IGOUNO"} <= set(net)
    assert net.out_degree("RUS") == 1 and all(net.in_degree(e) == 1 for e in events)
    assert sum(net.out_degree(e) for e in events) == 7  # the untargeted protest has no target edge
