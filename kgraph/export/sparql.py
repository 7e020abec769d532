"""SPARQL for exporters: every exporter reads the graph through :func:`select`.

Exports run their queries on Oxigraph (``pyoxigraph``), whose results stream
row by row from Rust instead of rdflib's pure-Python engine:

- a graph opened from a store directory is Oxigraph-backed and is queried in
  place;
- :func:`open_export_graph` loads a graph *file* with Oxigraph's own parser
  into an in-memory Oxigraph store (several times faster than rdflib's
  parser, compact, and queried about five times faster than a store on disk);
- any other rdflib graph is copied once into such a store, subject by
  subject (:func:`oxigraph_store`, cached per graph).

Oxigraph returns a subject's triples together when they were stored
together (index order on disk, insertion order in memory), which the Turtle
and JSON-LD writers use to group them without sorting.

Rows come back as tuples of plain strings (the lexical value of each term)
or ``None`` for unbound variables, which is what writers of text formats
need; :func:`select_terms` gives the pyoxigraph terms themselves for RDF
writers.
"""
from __future__ import annotations

import os
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from ..errors import GraphError
from ..graph.namespace import PREFIXES

__all__ = ["has_triples", "open_export_graph", "oxigraph_store", "select", "select_terms", "single_graph", "to_ox"]

_COPIES: weakref.WeakKeyDictionary[Graph, tuple[int, ox.Store]] = weakref.WeakKeyDictionary()
_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
#: Oxigraph's parser per graph file extension (the extensions kgraph's graph store knows).
FILE_SYNTAXES = {
    ".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG, ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS, ".jsonld": ox.RdfFormat.JSON_LD, ".json-ld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML, ".owl": ox.RdfFormat.RDF_XML,
}


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


def _wrap(store: ox.Store) -> Graph:
    """An rdflib graph over a pyoxigraph store (so exporters take one kind of argument)."""
    from oxrdflib import OxigraphStore

    return Graph(store=OxigraphStore(store=store))


@contextmanager
def open_export_graph(path: str | os.PathLike[str]) -> Iterator[Graph]:
    """The graph at ``path`` ready for exports: a store directory as it is, a file parsed by Oxigraph.

    Raises:
        GraphError: the file is missing or does not parse.
    """
    from ..graph import open_graph
    from ..graph.store import is_store

    target = Path(path)
    syntax = FILE_SYNTAXES.get(target.suffix.lower())
    if is_store(target) or syntax is None:
        with open_graph(target) as graph:  # a store, or an unknown extension (open_graph explains)
            yield graph
        return
    if not target.is_file():
        raise GraphError(f"{target}: no such graph")
    store = ox.Store()
    try:
        store.bulk_load(path=str(target), format=syntax)
    except (SyntaxError, ValueError, OSError) as err:
        message = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise GraphError(f"{target}: cannot parse as {syntax.name}: {message}") from err
    yield _wrap(store)


def oxigraph_store(graph: Graph) -> ox.Store:
    """The Oxigraph store holding ``graph``'s triples (its own, or an in-memory copy)."""
    inner = getattr(graph.store, "_inner", None)  # oxrdflib's OxigraphStore keeps its pyoxigraph store here
    if isinstance(inner, ox.Store):
        return inner
    size = len(graph)
    cached = _COPIES.get(graph)
    if cached is not None and cached[0] == size:
        return cached[1]
    store = ox.Store()
    store.bulk_extend(
        ox.Quad(to_ox(s), to_ox(p), to_ox(o)) for s in graph.subjects(unique=True) for p, o in graph.predicate_objects(s)
    )
    _COPIES[graph] = (size, store)
    return store


def _dataset(store: ox.Store) -> dict[str, object]:
    """Where queries look: the one graph holding everything when there is one, else the union of all graphs.

    A kgraph store keeps its triples in one named graph; querying it directly
    spares Oxigraph the merging of graphs that the union needs.
    """
    names = []
    for name in store.named_graphs():
        names.append(name)
        if len(names) > 1:
            return {"use_default_graph_as_union": True}
    default_empty = next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None
    if not names:
        return {}
    if default_empty:
        return {"default_graph": names[0]}
    return {"use_default_graph_as_union": True}


def single_graph(store: ox.Store) -> ox.NamedNode | ox.BlankNode | ox.DefaultGraph | None:
    """The one graph of ``store`` that holds every triple (a kgraph store's named graph, or the default
    graph of a graph file), or ``None`` when triples are spread over several graphs.

    Exporters read such a graph with ``quads_for_pattern`` or dump it natively, without SPARQL's row overhead.
    """
    dataset = _dataset(store)
    if not dataset:
        return ox.DefaultGraph()
    name = dataset.get("default_graph")
    return name if isinstance(name, (ox.NamedNode, ox.BlankNode)) else None


def select_terms(graph: Graph, query: str) -> Iterator[tuple[object, ...]]:
    """Rows of a SELECT query as pyoxigraph terms (``None`` where unbound) over all of the graph's graphs.

    kgraph's prefixes (``kg:``, ``actor:``, ``skos:``, ``dcterms:`` …) are predeclared.
    """
    store = oxigraph_store(graph)
    try:
        solutions = store.query(query, prefixes=_PREFIXES, **_dataset(store))  # type: ignore[arg-type]
    except (SyntaxError, ValueError, OSError) as err:
        raise GraphError(f"export query failed: {str(err).splitlines()[0] if str(err) else type(err).__name__}") from err
    width = len(solutions.variables)
    for solution in solutions:
        yield tuple(solution[i] for i in range(width))


def select(graph: Graph, query: str) -> Iterator[tuple[str | None, ...]]:
    """Rows of a SELECT query as lexical strings (``None`` where unbound)."""
    for row in select_terms(graph, query):
        yield tuple(None if term is None else term.value for term in row)


def has_triples(graph: Graph) -> bool:
    """Whether the graph holds anything at all."""
    return next(select_terms(graph, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"), None) is not None
