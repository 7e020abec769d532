"""SPARQL for exporters: every exporter reads the graph through :func:`select`.

Exports run their queries on Oxigraph (``pyoxigraph``), whose results stream
row by row in Rust instead of rdflib's pure-Python engine. A graph opened
from a store directory is already Oxigraph-backed and is queried in place; a
graph read from a file into rdflib's memory store is copied once into an
in-memory Oxigraph store (:func:`oxigraph_store`), cached per graph.

Rows come back as tuples of plain strings (the lexical value of each term)
or ``None`` for unbound variables, which is what writers of text formats
need; :func:`select_terms` gives the pyoxigraph terms themselves for RDF
writers.
"""
from __future__ import annotations

import weakref
from collections.abc import Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from ..errors import GraphError
from ..graph.namespace import PREFIXES

__all__ = ["on_disk", "oxigraph_store", "select", "select_terms", "to_ox"]

_COPIES: weakref.WeakKeyDictionary[Graph, tuple[int, ox.Store]] = weakref.WeakKeyDictionary()
_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def to_ox(term: object) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term for an rdflib term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise GraphError(f"cannot export RDF term {term!r}")


def oxigraph_store(graph: Graph) -> tuple[ox.Store, bool]:
    """The Oxigraph store holding ``graph``'s triples, and whether to query the union of its graphs.

    A store-backed graph (a kgraph store directory, its triples in a named
    graph) is used as it is; any other graph is copied once into memory.
    """
    inner = getattr(graph.store, "_inner", None)  # oxrdflib's OxigraphStore keeps its pyoxigraph store here
    if isinstance(inner, ox.Store):
        return inner, True
    size = len(graph)
    cached = _COPIES.get(graph)
    if cached is not None and cached[0] == size:
        return cached[1], False
    store = ox.Store()
    store.bulk_extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph)
    _COPIES[graph] = (size, store)
    return store, False


def on_disk(graph: Graph) -> bool:
    """Whether ``graph`` is a persistent Oxigraph store, whose scans come in index (subject) order."""
    return isinstance(getattr(graph.store, "_inner", None), ox.Store)


def select_terms(graph: Graph, query: str) -> Iterator[tuple[object, ...]]:
    """Rows of a SELECT query as pyoxigraph terms (``None`` where unbound); kgraph's prefixes are predeclared."""
    store, union = oxigraph_store(graph)
    try:
        solutions = store.query(query, prefixes=_PREFIXES, use_default_graph_as_union=union)
    except (SyntaxError, ValueError, OSError) as err:
        raise GraphError(f"export query failed: {str(err).splitlines()[0] if str(err) else type(err).__name__}") from err
    width = len(solutions.variables)
    for solution in solutions:
        yield tuple(solution[i] for i in range(width))


def select(graph: Graph, query: str) -> Iterator[tuple[str | None, ...]]:
    """Rows of a SELECT query as lexical strings (``None`` where unbound)."""
    for row in select_terms(graph, query):
        yield tuple(None if term is None else term.value for term in row)
