"""Named graphs: the evidence of each article in its own graph, the merged layer in the default graph.

A built graph has two layers:

- the **merged layer**, in the default graph: events (one node per
  who-what-whom-when, whatever the number of reports), actors, CAMEO
  concepts, the direct relation triples, the dated relation nodes, the
  extraction run, and the counts (``kg:numMentions`` …);
- the **evidence**, one named graph per article, named by the article's IRI
  (``article:…``): the article's own triples (``kg:docId``, title, URL,
  date, language), its mentions (sentence, offsets, the text of each role)
  and the ``kg:mention`` links from events to those mentions, i.e. what that
  article says.

Which layer a triple belongs to follows from the triple itself (its subject
is an article, a mention of an article, or an event's ``kg:mention`` link to
such a mention), so the split is made when a graph is written
(:func:`quads`), never stored beside it: an rdflib graph in memory stays a
plain set of triples, and ``--append`` merges, recounts and splits again.

TriG and N-Quads files and stores keep the named graphs; Turtle, N-Triples
and JSON-LD files (which hold one graph) get the union, as before. A query
answers as over the union of all graphs (rdflib reads quad files into one
graph), so the same query answers on every syntax; Oxigraph reads the default
graph alone when that gives the same answer, which is most queries of the
merged layer (:mod:`kgraph.graph.dataset`). ``GRAPH ?article { … }`` selects
one article's evidence. ``kgraph export --to trig|nq`` splits a graph the same
way (:mod:`kgraph.export.rdf`).
"""
from __future__ import annotations

from collections.abc import Iterator

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF
from rdflib.plugins.serializers.nt import _nt_row
from rdflib.term import Node

from .namespace import KG

__all__ = ["add_nquads", "evidence_graphs", "nquads", "quads"]

def evidence_graphs(graph: Graph) -> dict[Node, Node]:
    """Subject → the article whose named graph holds its triples (articles and their mentions)."""
    home: dict[Node, Node] = {}
    for mention, article in graph.subject_objects(KG.inArticle):
        home[mention] = article
    for article in graph.subjects(RDF.type, KG.Article):
        home[article] = article
    return home


def quads(graph: Graph) -> Iterator[tuple[Node, Node, Node, Node | None]]:
    """Every triple of ``graph`` with the graph it belongs in (``None``: the default graph).

    The default graph comes first, then each article's graph in turn, and each
    subject's triples together (so TriG writers open each graph once and group
    the triples of a node).
    """
    home = evidence_graphs(graph)
    graphs: dict[Node | None, dict[Node, list[tuple[Node, Node]]]] = {None: {}}
    for s, p, o in graph:
        name = home.get(s)
        if name is None and p == KG.mention:
            name = home.get(o)
        graphs.setdefault(name, {}).setdefault(s, []).append((p, o))
    for name in [None, *sorted(n for n in graphs if n is not None)]:
        for s, pairs in graphs[name].items():
            for p, o in pairs:
                yield s, p, o, name


def nquads(graph: Graph) -> bytes:
    """``graph`` as N-Quads, split into the default graph and one named graph per article (see :func:`quads`)."""
    lines = []
    for s, p, o, name in quads(graph):
        row = _nt_row((s, p, o))
        if name is not None:
            assert isinstance(name, URIRef)
            row = f"{row[:-3]} <{name}> .\n"
        lines.append(row)
    return "".join(lines).encode("utf-8")


def add_nquads(graph: Graph, data: bytes) -> Graph:
    """Add the triples of N-Quads ``data`` to ``graph`` (the union: graph names are dropped); returns ``graph``."""
    dataset = Dataset()
    dataset.parse(data=data, format="nquads")
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph
