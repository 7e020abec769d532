"""RDF syntaxes: Turtle, TriG, N-Triples, JSON-LD (through the graph store writer)."""
from __future__ import annotations

import os

from rdflib import Graph

from ..graph.store import save_graph
from .registry import register

__all__ = ["export_rdf"]


def _writer(fmt: str):
    def write(graph: Graph, path: str | os.PathLike[str], **_: object) -> None:
        save_graph(graph, path, fmt)

    write.__doc__ = f"Write the graph as {fmt}."
    return write


for _name, _fmt, _aliases in (
    ("ttl", "turtle", ("turtle",)),
    ("trig", "trig", ()),
    ("nt", "nt", ("ntriples", "n-triples")),
    ("nq", "nquads", ("nquads",)),
    ("jsonld", "json-ld", ("json-ld",)),
):
    register(_name, *_aliases)(_writer(_fmt))

export_rdf = _writer
