"""Actor networks for Gephi and other graph tools: GEXF and GraphML.

Actors are nodes (labelled, with code, country and sector); every pair of
actors with a relation gets one weighted edge per CAMEO root, weighted by the
number of events, with first and last dates, so Gephi can play the network as
a timeline. ``level="country"`` (default) merges sectors into their country
(TURGOV → TUR); ``level="actor"`` keeps them apart.
"""
from __future__ import annotations

import os
from collections import defaultdict

import networkx as nx
from rdflib import Graph

from ..graph.namespace import PREFIXES
from .atomic import atomic_path
from .registry import register

__all__ = ["actor_network", "write_gexf", "write_graphml"]

_EDGES = """
SELECT ?event ?s ?t ?sc ?tc ?scountry ?tcountry ?root ?code ?date ?g ?quad ?mentions WHERE {
  { SELECT ?event (COUNT(?m) AS ?mentions) WHERE { ?event a kg:Event ; kg:negated false ; kg:target ?any ; kg:mention ?m } GROUP BY ?event }
  ?event kg:source ?s ; kg:target ?t ; kg:eventType ?type ; kg:cameoRoot ?root .
  ?type skos:notation ?code .
  ?s kg:code ?sc . ?t kg:code ?tc .
  OPTIONAL { ?s kg:country/kg:code ?scountry }
  OPTIONAL { ?t kg:country/kg:code ?tcountry }
  OPTIONAL { ?event kg:date ?date }
  OPTIONAL { ?event kg:goldstein ?g }
  OPTIONAL { ?event kg:quadClass ?quad }
}
"""
_ACTORS = """
SELECT ?code ?label ?country ?sector WHERE {
  ?a a kg:Actor ; kg:code ?code .
  OPTIONAL { ?a rdfs:label ?label FILTER(lang(?label) = "en") }
  OPTIONAL { ?a kg:country/kg:code ?country }
  OPTIONAL { ?a kg:sector ?sector }
}
"""
_ROOTS = """SELECT ?root ?label ?relation WHERE { ?c skos:notation ?root ; skos:prefLabel ?label . OPTIONAL { ?c kg:relation ?relation } FILTER(STRLEN(?root) = 2) }"""


def actor_network(graph: Graph, *, level: str = "country") -> nx.MultiDiGraph:
    """The actor network of ``graph``: nodes are actor codes, edges per (source, target, CAMEO root)."""
    ns = dict(PREFIXES)
    actors = {}
    for row in graph.query(_ACTORS, initNs=ns):
        actors[str(row.code)] = row
    roots = {str(r.root): (str(r.label), str(r.relation).rsplit("/", 1)[-1] if r.relation else "") for r in graph.query(_ROOTS, initNs=ns)}
    edges: dict[tuple[str, str, str], dict] = defaultdict(lambda: {"events": 0, "mentions": 0, "dates": [], "goldstein": [], "codes": defaultdict(int), "quad": None})

    def node(code: str, country: object) -> str:
        return str(country) if level == "country" and country is not None else code

    net = nx.MultiDiGraph()
    for row in graph.query(_EDGES, initNs=ns):
        s, t = node(str(row.sc), row.scountry), node(str(row.tc), row.tcountry)
        if s == t:
            continue
        root = str(row.root)
        data = edges[(s, t, root)]
        data["events"] += 1
        data["mentions"] += int(row.mentions)
        data["codes"][str(row.code)] += 1
        data["quad"] = int(row.quad) if row.quad is not None else data["quad"]
        if row.date is not None:
            data["dates"].append(str(row.date))
        if row.g is not None:
            data["goldstein"].append(float(row.g))
    used = {code for key in edges for code in key[:2]}
    for code in sorted(used):
        info = actors.get(code)
        attrs = {"label": str(info.label) if info is not None and info.label is not None else code, "code": code}
        if info is not None and info.country is not None:
            attrs["country"] = str(info.country)
        elif len(code) == 3 and not code.startswith(("IGO", "NGO")):
            attrs["country"] = code
        if info is not None and info.sector is not None:
            attrs["sector"] = str(info.sector)
        net.add_node(code, **attrs)
    for (s, t, root), data in sorted(edges.items()):
        label, relation = roots.get(root, (root, root))
        attrs = {
            "weight": float(data["events"]),
            "events": data["events"],
            "mentions": data["mentions"],
            "relation": relation or label,
            "label": label.lower(),
            "cameo_root": root,
            "cameo": max(data["codes"], key=lambda c: data["codes"][c]),
        }
        if data["quad"] is not None:
            attrs["quad_class"] = data["quad"]
        if data["goldstein"]:
            attrs["goldstein"] = round(sum(data["goldstein"]) / len(data["goldstein"]), 2)
        if data["dates"]:
            attrs["start"] = min(data["dates"])
            attrs["end"] = max(data["dates"])
        net.add_edge(s, t, key=root, **attrs)
    return net


@register("gexf", "gephi")
def write_gexf(graph: Graph, path: str | os.PathLike[str], *, level: str = "country", **_: object) -> None:
    """GEXF 1.2 for Gephi: labelled actor nodes, weighted relation edges, dated (dynamic) edges."""
    net = actor_network(graph, level=level)
    dynamic = any("start" in d for _, _, d in net.edges(data=True))
    if dynamic:
        net.graph["mode"] = "dynamic"
        net.graph["timeformat"] = "date"
    with atomic_path(path) as tmp:
        nx.write_gexf(net, tmp, version="1.2draft")


@register("graphml")
def write_graphml(graph: Graph, path: str | os.PathLike[str], *, level: str = "country", **_: object) -> None:
    """GraphML with the same nodes and edges as the GEXF export."""
    net = actor_network(graph, level=level)
    with atomic_path(path) as tmp:
        nx.write_graphml(net, tmp)
