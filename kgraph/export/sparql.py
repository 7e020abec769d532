"""SPARQL for exporters: every exporter reads the graph through :func:`select`.

Exports run their queries on Oxigraph (``pyoxigraph``), whose results stream
row by row from Rust instead of rdflib's pure-Python engine:

- a graph opened from a store directory is Oxigraph-backed and is queried in
  place;
- :func:`open_export_graph` loads a graph *file* with Oxigraph's own parser
  (several times faster than rdflib's parser): a file of up to
  ``KGRAPH_EXPORT_MEMORY_MIB`` MiB (default :data:`DEFAULT_MEMORY_MIB`) into an
  in-memory Oxigraph store (compact, and queried several times faster than a
  store on disk, but holding the whole graph in memory: about 3 MiB of
  resident memory per MiB of N-Triples); a bigger file into a temporary
  Oxigraph store on disk, in a ``kgraph-export-*`` directory of the system's
  temporary directory (``TMPDIR``), removed when the export ends, also when
  it fails or is interrupted, so memory stays bounded whatever the file's
  size (the directory needs about twice the file's size of free disk).
  ``KGRAPH_EXPORT_MEMORY_MIB=0`` sends every file to disk;
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

import gc
import os
import re
import shutil
import tempfile
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from ..errors import GraphError
from ..graph.namespace import PREFIXES

__all__ = ["DEFAULT_MEMORY_MIB", "MEMORY_ENV", "contains_bytes", "has_triples", "open_export_graph", "oxigraph_store", "select", "select_terms", "single_graph", "to_ox"]

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


#: The environment variable giving the biggest graph file (in MiB) that an export loads into memory.
MEMORY_ENV = "KGRAPH_EXPORT_MEMORY_MIB"
#: Its default: bigger files go to a temporary store on disk (see the module docstring).
DEFAULT_MEMORY_MIB = 128.0


def memory_threshold() -> int:
    """The biggest graph file size (bytes) loaded into an in-memory store, from ``KGRAPH_EXPORT_MEMORY_MIB``.

    Raises:
        GraphError: the variable is set to something other than a number of MiB (0 or more).
    """
    raw = os.environ.get(MEMORY_ENV, "").strip()
    if not raw:
        return int(DEFAULT_MEMORY_MIB * 2**20)
    try:
        mib = float(raw)
    except ValueError:
        mib = -1.0
    if not mib >= 0 or mib == float("inf"):
        raise GraphError(f"{MEMORY_ENV}={raw!r}: expected a number of MiB (0 or more)")
    return int(mib * 2**20)


def _first_line(err: BaseException) -> str:
    return str(err).splitlines()[0] if str(err).strip() else type(err).__name__


@contextmanager
def open_export_graph(path: str | os.PathLike[str]) -> Iterator[Graph]:
    """The graph at ``path`` ready for exports: a store directory as it is, a file parsed by Oxigraph.

    A file bigger than :func:`memory_threshold` is loaded into a temporary store on disk, removed on exit.

    Raises:
        GraphError: the file is missing or does not parse, or the temporary store cannot be made or filled.
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
    try:
        size = target.stat().st_size
        with open(target, "rb"):  # an unreadable file fails here, not as a store error
            pass
    except OSError as err:
        raise GraphError(f"{target}: cannot read: {err.strerror or err}") from err
    if size <= memory_threshold():
        store = ox.Store()
        try:
            store.bulk_load(path=str(target), format=syntax)
        except (SyntaxError, ValueError, OSError) as err:
            raise GraphError(f"{target}: cannot parse as {syntax.name}: {_first_line(err)}") from err
        yield _wrap(store)
        return
    with _temporary_store(target) as (store, directory):
        try:
            _load_in_batches(store, target, syntax)
            store.optimize()  # merge the batches' files: the queries read one file per index, not dozens
        except (SyntaxError, ValueError) as err:
            raise GraphError(f"{target}: cannot parse as {syntax.name}: {_first_line(err)}") from err
        except OSError as err:  # the source was readable: writing the store failed (a full disk …)
            raise GraphError(f"{target}: cannot load into the temporary store {directory}: {_first_line(err)} "
                             f"(set TMPDIR to a disk with room, or {MEMORY_ENV} higher)") from err
        graph = _wrap(store)
        del store
        try:
            yield graph
        finally:
            graph.store._store = None  # type: ignore[attr-defined]  # oxrdflib's reference: let the store close
            del graph


#: Triples per ``bulk_load`` into a disk store: Oxigraph's bulk loader holds a whole call's quads (and
#: their terms) in memory before writing them, about 1.6 GiB for the 5.4 million triples of 100,000
#: events in one call; 500,000 a call peaks near 550 MiB in all and loads as fast (measured).
BATCH_TRIPLES = 500_000


def _load_in_batches(store: ox.Store, target: Path, syntax: ox.RdfFormat) -> None:
    """Load the file into ``store`` :data:`BATCH_TRIPLES` at a time, so the loader's memory stays bounded.

    N-Triples and N-Quads without blank nodes are cut into runs of lines handed to Oxigraph's parser as
    they are (the fastest way); every other file is parsed once (``pyoxigraph.parse``, which streams) and
    its quads loaded in batches: each ``bulk_load`` call renames the blank nodes it reads, so a file's
    ``_:b1`` must come from a single parser to stay one node (about a fifth slower, Python quads).
    """
    if syntax in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS) and not contains_bytes(target, b"_:"):
        with open(target, "rb") as lines:
            first = 1
            while chunk := b"".join(islice(lines, BATCH_TRIPLES)):
                try:
                    store.bulk_load(chunk, format=syntax)
                except SyntaxError as err:  # line numbers count from the chunk: make them the file's
                    raise SyntaxError(re.sub(r"\bline (\d+)", lambda m: f"line {int(m[1]) + first - 1}",
                                             _first_line(err))) from err
                first += BATCH_TRIPLES
        return
    quads = ox.parse(path=str(target), format=syntax)
    while batch := list(islice(quads, BATCH_TRIPLES)):
        store.bulk_extend(batch)
        del batch


def contains_bytes(target: Path, needle: bytes) -> bool:
    """Whether the file's bytes contain ``needle`` anywhere (read a MiB at a time)."""
    tail = b""
    with open(target, "rb") as data:
        while block := data.read(1 << 20):
            if needle in tail + block[: len(needle) - 1] or needle in block:
                return True
            tail = block[-(len(needle) - 1):]
    return False


@contextmanager
def temporary_directory(target: Path, what: str = "temporary store") -> Iterator[Path]:
    """A new ``kgraph-export-*`` directory under the system's temporary directory (``TMPDIR``), removed on exit.

    Raises:
        GraphError: the directory cannot be created (one line, naming ``target`` and the temporary directory).
    """
    try:
        directory = Path(tempfile.mkdtemp(prefix="kgraph-export-"))
    except OSError as err:
        raise GraphError(f"{target}: cannot create a {what} in {tempfile.gettempdir()}: "
                         f"{err.strerror or err} (set TMPDIR to a writable directory)") from None
    try:
        yield directory
    finally:
        gc.collect()  # a store still referenced from a cycle (a traceback's frames …) closes here
        shutil.rmtree(directory, ignore_errors=True)


@contextmanager
def _temporary_store(target: Path) -> Iterator[tuple[ox.Store, Path]]:
    """A new Oxigraph store in a :func:`temporary_directory`.

    The directory is removed on exit, whatever ends the block (an error, ``KeyboardInterrupt``): the
    store is dropped first (references deleted, garbage collected) so RocksDB closes its files.
    """
    with temporary_directory(target) as directory:
        try:
            store = ox.Store(path=str(directory))
        except OSError as err:
            raise GraphError(f"{target}: cannot create a temporary store in {directory}: {_first_line(err)}") from err
        holder = [store]
        del store
        try:
            yield holder.pop(), directory
        finally:
            holder = []


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
