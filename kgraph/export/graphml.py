"""GraphML with the attributes of the GEXF export (yEd, Cytoscape, igraph, networkx).

Nodes are actors (label, code, country, sector, kind, Wikidata id, degree,
events, display size and colour); edges are aggregated per (source, target,
CAMEO root) with the relation name, events (also as ``weight``), mentions,
articles, sources, mean Goldstein score, QuadClass, first and last dates and
a colour. Written element by element, like the GEXF.
"""
from __future__ import annotations

import os
import re
from xml.sax.saxutils import quoteattr

from rdflib import Graph

from .atomic import atomic_path
from .network import NetworkOptions, actor_network
from .registry import register

__all__ = ["write_graphml", "GRAPHML_NODE_KEYS", "GRAPHML_EDGE_KEYS"]

_NS = "http://graphml.graphdrawing.org/xmlns"
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

#: (key, GraphML type) of node data.
GRAPHML_NODE_KEYS = [
    ("label", "string"), ("code", "string"), ("country", "string"), ("sector", "string"), ("kind", "string"),
    ("wikidata", "string"), ("degree", "int"), ("events", "int"), ("size", "double"), ("color", "string"),
]
#: (key, GraphML type) of edge data.
GRAPHML_EDGE_KEYS = [
    ("relation", "string"), ("root_label", "string"), ("cameo_root", "string"), ("cameo", "string"), ("weight", "double"),
    ("events", "int"), ("mentions", "int"), ("articles", "int"), ("sources", "int"), ("goldstein", "double"),
    ("quad_class", "int"), ("first", "string"), ("last", "string"), ("color", "string"),
]


def _q(value: object) -> str:
    return quoteattr(_BAD_XML.sub("", str(value)))


def _data(values: dict[str, object]) -> str:
    from xml.sax.saxutils import escape

    return "".join(
        f'<data key="{k}">{escape(_BAD_XML.sub("", str(v)))}</data>' for k, v in values.items() if v is not None and v != ""
    )


@register("graphml")
def write_graphml(graph: Graph, path: str | os.PathLike[str], **options: object) -> None:
    """Write the actor network as GraphML (same filters as GEXF: level, label_lang, roots, since, until, min_weight, top)."""
    net = actor_network(graph, NetworkOptions.from_options(options))
    with atomic_path(path) as tmp:
        with open(tmp, "w", encoding="utf-8", newline="\n") as out:
            w = out.write
            w('<?xml version="1.0" encoding="UTF-8"?>\n')
            w(f'<graphml xmlns="{_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
              f'xsi:schemaLocation="{_NS} {_NS}/1.0/graphml.xsd">\n')
            for cls, keys in (("node", GRAPHML_NODE_KEYS), ("edge", GRAPHML_EDGE_KEYS)):
                for key, kind in keys:
                    w(f'  <key id="{key}" for="{cls}" attr.name="{key}" attr.type="{kind}"/>\n')
            w('  <graph id="kgraph" edgedefault="directed">\n')
            for node in net.nodes.values():
                values = {"label": node.label, "code": node.code, "country": node.country, "sector": node.sector,
                          "kind": node.kind, "wikidata": node.wikidata, "degree": node.degree, "events": node.events,
                          "size": net.size(node), "color": node.color}
                w(f"    <node id={_q(node.id)}>{_data(values)}</node>\n")
            for edge in net.edges:
                values = {"relation": edge.relation, "root_label": edge.label, "cameo_root": edge.root, "cameo": edge.cameo,
                          "weight": float(edge.events), "events": edge.events, "mentions": edge.mentions,
                          "articles": len(edge.articles), "sources": len(edge.outlets), "goldstein": edge.goldstein,
                          "quad_class": edge.quad, "first": edge.first, "last": edge.last, "color": edge.color}
                w(f"    <edge id={_q(edge.id)} source={_q(edge.source)} target={_q(edge.target)}>{_data(values)}</edge>\n")
            w("  </graph>\n</graphml>\n")
