"""GEXF 1.3 for Gephi, written by kgraph's own streaming writer.

Static (default): one edge per (source, target, CAMEO root) with ``kind``
= the root's relation name (so Gephi keeps "appeal" and "disapprove"
between the same pair apart), ``weight`` = events, and the counts, mean
Goldstein score and QuadClass as attributes; ``viz:color`` from QuadClass,
``viz:size`` from degree, node ``viz:color`` from the actor kind.

Dynamic (``dynamic=True``): ``mode="dynamic"``, ``timerepresentation=
"interval"``; each edge exists in the bins (``day``, ``week``, ``month``)
that hold its events, as ``<spell>`` intervals, and its ``weight``,
``events`` and ``mentions`` are ``<attvalue>``s per bin, so Gephi's
Timeline shows exactly the events inside its window; nodes start with their
first event.

Bipartite (``bipartite=True``): actor nodes and one node per event, with
``source`` edges from the acting actor to the event and ``target`` edges
from the event to its recipient. Event nodes and edges stream from one SPARQL
pass to temporary files, while the actors are counted.

Nothing is built in memory beyond the aggregated network: elements are
written as they are produced (no DOM).
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from typing import IO
from xml.sax.saxutils import escape, quoteattr

from rdflib import Graph

from .. import __version__
from ..errors import KGraphError
from .atomic import atomic_path
from .network import (
    ActorNode, Network, NetworkOptions, RelationEdge, actor_network, actor_table, event_rows, make_node, node_id,
    quad_color,
)
from .registry import register

__all__ = ["GexfWriter", "write_gexf", "GEXF_NS", "VIZ_NS"]

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

#: Node attributes: (id, title, GEXF type).
NODE_ATTRIBUTES = [(k, k, t) for k, t in (
    ("code", "string"), ("country", "string"), ("sector", "string"), ("kind", "string"), ("wikidata", "string"),
    ("degree", "integer"), ("events", "integer"),
)]
#: Extra node attributes of event nodes in the bipartite view.
EVENT_NODE_ATTRIBUTES = [(k, k, t) for k, t in (
    ("cameo", "string"), ("cameo_root", "string"), ("date", "string"), ("goldstein", "double"),
    ("quad_class", "integer"), ("mentions", "integer"),
)]
#: Edge attributes of the aggregated view (``root_label``: the CAMEO root's name; ``cameo``: its most frequent code).
EDGE_ATTRIBUTES = [(k, k, t) for k, t in (
    ("relation", "string"), ("root_label", "string"), ("cameo_root", "string"), ("cameo", "string"),
    ("events", "integer"), ("mentions", "integer"), ("articles", "integer"), ("sources", "integer"),
    ("goldstein", "double"), ("quad_class", "integer"), ("first", "string"), ("last", "string"),
)]
#: Edge attributes that change over time in dynamic mode: per bin, the events (as Gephi's weight) and mentions.
DYNAMIC_EDGE_ATTRIBUTES = [("weight", "Weight", "double"), ("events_t", "events_t", "integer"), ("mentions_t", "mentions_t", "integer")]


def _attr(value: object) -> str:
    return quoteattr(_BAD_XML.sub("", str(value)))


def _rgb(color: str) -> str:
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return f'<viz:color r="{r}" g="{g}" b="{b}"/>'


class GexfWriter:
    """Writes one GEXF 1.3 document element by element.

    Args:
        out: a text handle.
        dynamic: write a dynamic graph (intervals of dates).
    """

    def __init__(self, out: IO[str], *, dynamic: bool = False) -> None:
        self.out = out
        self.dynamic = dynamic

    def start(self, *, description: str) -> None:
        w = self.out.write
        w('<?xml version="1.0" encoding="UTF-8"?>\n')
        w(f'<gexf xmlns="{GEXF_NS}" xmlns:viz="{VIZ_NS}" xmlns:xsi="{_XSI}" '
          f'xsi:schemaLocation="{GEXF_NS} {GEXF_NS}/gexf.xsd" version="1.3">\n')
        w(f'  <meta><creator>kgraph {escape(__version__)}</creator><description>{escape(description)}</description></meta>\n')
        mode = ' mode="dynamic" timeformat="date" timerepresentation="interval"' if self.dynamic else ' mode="static"'
        w(f'  <graph defaultedgetype="directed"{mode}>\n')

    def attributes(self, cls: str, attributes: Iterable[tuple[str, str, str]], *, dynamic: bool = False) -> None:
        mode = "dynamic" if dynamic else "static"
        self.out.write(f'    <attributes class="{cls}" mode="{mode}">\n')
        for key, title, kind in attributes:
            self.out.write(f'      <attribute id="{key}" title={_attr(title)} type="{kind}"/>\n')
        self.out.write("    </attributes>\n")

    def open(self, section: str) -> None:
        self.out.write(f"    <{section}>\n")

    def close(self, section: str) -> None:
        self.out.write(f"    </{section}>\n")

    @staticmethod
    def _values(values: dict[str, object]) -> str:
        cells = "".join(
            f"<attvalue for=\"{k}\" value={_attr(v)}/>" for k, v in values.items() if v is not None and v != ""
        )
        return f"<attvalues>{cells}</attvalues>" if cells else ""

    def node(self, key: str, label: str, values: dict[str, object], *, color: str, size: float, start: str | None = None) -> None:
        when = f" start={_attr(start)}" if self.dynamic and start else ""
        self.out.write(
            f"      <node id={_attr(key)} label={_attr(label)}{when}>{self._values(values)}"
            f"{_rgb(color)}<viz:size value=\"{size}\"/></node>\n"
        )

    def edge(self, key: str, source: str, target: str, *, kind: str, weight: float | None, label: str,
             values: dict[str, object], color: str, spells: list[tuple[str, str]] = (),
             dynamic_values: list[tuple[str, object, str, str]] = ()) -> None:  # type: ignore[assignment]
        weight_attr = f' weight="{weight:g}"' if weight is not None else ""
        cells = "".join(
            f"<attvalue for=\"{k}\" value={_attr(v)}/>" for k, v in values.items() if v is not None and v != ""
        ) + "".join(
            f"<attvalue for=\"{k}\" value={_attr(v)} start=\"{s}\" end=\"{e}\"/>" for k, v, s, e in dynamic_values
        )
        body = f"<attvalues>{cells}</attvalues>" if cells else ""
        if spells:
            body += "<spells>" + "".join(f'<spell start="{s}" end="{e}"/>' for s, e in spells) + "</spells>"
        self.out.write(
            f"      <edge id={_attr(key)} source={_attr(source)} target={_attr(target)} kind={_attr(kind)}"
            f" label={_attr(label)}{weight_attr}>{body}{_rgb(color)}</edge>\n"
        )

    def end(self) -> None:
        self.out.write("  </graph>\n</gexf>\n")


def _node_values(node: ActorNode) -> dict[str, object]:
    return {"code": node.code, "country": node.country, "sector": node.sector, "kind": node.kind,
            "wikidata": node.wikidata, "degree": node.degree, "events": node.events}


def _edge_values(edge: RelationEdge) -> dict[str, object]:
    return {
        "relation": edge.relation, "root_label": edge.label, "cameo_root": edge.root, "cameo": edge.cameo,
        "events": edge.events, "mentions": edge.mentions, "articles": len(edge.articles), "sources": len(edge.outlets),
        "goldstein": edge.goldstein, "quad_class": edge.quad, "first": edge.first, "last": edge.last,
    }


def _write_network(net: Network, out: IO[str], *, dynamic: bool) -> None:
    dynamic = dynamic and net.dated
    writer = GexfWriter(out, dynamic=dynamic)
    writer.start(description=f"kgraph actor network ({net.options.level} level)")
    writer.attributes("node", NODE_ATTRIBUTES)
    writer.attributes("edge", EDGE_ATTRIBUTES)
    if dynamic:
        writer.attributes("edge", DYNAMIC_EDGE_ATTRIBUTES, dynamic=True)
    writer.open("nodes")
    for node in net.nodes.values():
        writer.node(node.id, node.label, _node_values(node), color=node.color, size=net.size(node), start=node.first)
    writer.close("nodes")
    writer.open("edges")
    for edge in net.edges:
        spells, timed = [], []
        if dynamic:
            for start, (end, events, mentions) in sorted(edge.bins.items()):
                spells.append((start, end))
                timed += [("weight", float(events), start, end), ("events_t", events, start, end), ("mentions_t", mentions, start, end)]
        writer.edge(
            edge.id, edge.source, edge.target, kind=edge.relation, weight=None if dynamic else float(edge.events),
            label=edge.relation, values=_edge_values(edge), color=edge.color, spells=spells, dynamic_values=timed,
        )
    writer.close("edges")
    writer.end()


def _write_bipartite(graph: Graph, options: NetworkOptions, out: IO[str], *, dynamic: bool) -> None:
    """Actor and event nodes, from one pass over the events.

    Event nodes and edges go to two temporary files as the rows stream in, while the actor nodes (which
    come first in the document, sized by degree) are counted; then the document is put together.
    """
    actors = actor_table(graph, options.label_lang)
    nodes: dict[str, ActorNode] = {}
    seen = 0
    with tempfile.TemporaryFile("w+", encoding="utf-8") as events, \
            tempfile.TemporaryFile("w+", encoding="utf-8") as edges:
        # Without any dated event no ``start`` or spell is written, so the files hold what the static
        # document needs too.
        event_writer, edge_writer = GexfWriter(events, dynamic=dynamic), GexfWriter(edges, dynamic=dynamic)
        for row in event_rows(graph):
            seen += 1
            if not options.keeps(row):
                continue
            ends = []
            for code in (row.source, row.target):
                if code is None:
                    continue
                key = node_id(code, actors, options.level)
                node = nodes.get(key) or nodes.setdefault(key, make_node(key, actors, options.level))
                node.degree += 1
                node.events += 1
                if row.date:
                    node.first = row.date if node.first is None else min(node.first, row.date)
                ends.append(key)
            key = "event:" + row.iri.rsplit("/", 1)[-1]
            values = {"kind": "event", "cameo": row.code, "cameo_root": row.root, "date": row.date,
                      "goldstein": row.goldstein, "quad_class": row.quad, "mentions": row.mentions}
            label = f"{row.source} {row.code} {row.target or '-'}"
            event_writer.node(key, label, values, color=quad_color(row.quad), size=3.0, start=row.date)
            spells = [(row.date, row.date)] if dynamic and row.date else []
            edge_writer.edge(f"{key}|source", ends[0], key, kind="source", weight=1.0, label="source",
                             values={"role": "source"}, color="#777777", spells=spells)
            if row.target is not None:
                edge_writer.edge(f"{key}|target", key, ends[1], kind="target", weight=1.0, label="target",
                                 values={"role": "target"}, color="#777777", spells=spells)
        if not seen:
            raise KGraphError("the graph has no events to export")
        if not nodes:
            raise KGraphError("no event is left to export (check --roots, --since/--until)")
        top = max(n.degree for n in nodes.values())
        writer = GexfWriter(out, dynamic=dynamic and any(n.first for n in nodes.values()))
        writer.start(description=f"kgraph actor-event network ({options.level} level)")
        writer.attributes("node", NODE_ATTRIBUTES + EVENT_NODE_ATTRIBUTES)
        writer.attributes("edge", [("role", "role", "string")])
        writer.open("nodes")
        for node in sorted(nodes.values(), key=lambda n: n.id):
            size = round(5 + 35 * (node.degree / top) ** 0.5, 2)
            writer.node(node.id, node.label, _node_values(node), color=node.color, size=size, start=node.first)
        events.seek(0)
        shutil.copyfileobj(events, out)
        writer.close("nodes")
        writer.open("edges")
        edges.seek(0)
        shutil.copyfileobj(edges, out)
    writer.close("edges")
    writer.end()


@register("gexf", "gephi")
def write_gexf(graph: Graph, path: str | os.PathLike[str], *, dynamic: bool = False, bipartite: bool = False,
               **options: object) -> None:
    """Write GEXF 1.3 for Gephi.

    Args:
        graph: the kgraph graph.
        path: the file to write (atomically).
        dynamic: weights over time for Gephi's Timeline (bins from ``bin``: day, week, month).
        bipartite: actor and event nodes instead of aggregated actor→actor edges.
        **options: :class:`~kgraph.export.network.NetworkOptions` fields (level, label_lang, roots,
            since, until, min_weight, top, bin).
    """
    settings = NetworkOptions.from_options(options)
    net = None if bipartite else actor_network(graph, settings)
    with atomic_path(path) as tmp:
        with open(tmp, "w", encoding="utf-8", newline="\n") as out:
            if net is None:
                _write_bipartite(graph, settings, out, dynamic=dynamic)
            else:
                _write_network(net, out, dynamic=dynamic)
