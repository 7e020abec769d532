"""Reading and writing graphs: files by extension, or a persistent store directory.

Quad syntaxes (TriG, N-Quads) and stores keep the evidence of each article in
its own named graph and the merged layer in the default graph
(:mod:`kgraph.graph.named`); other syntaxes hold the union. Readers see the
union of all graphs, and queries answer as over it (Oxigraph reads the default
graph alone when that gives the same answer, :mod:`kgraph.graph.dataset`).

A graph path with a known extension (``.ttl``, ``.trig``, ``.nt``, ``.nq``,
``.jsonld``) is a file; ``-`` is standard output (Turtle). A directory is a
persistent Oxigraph store only if kgraph created it: a store carries the
marker file :data:`STORE_MARKER`, and every other existing directory is
refused, never written into or replaced. A new path without an extension
becomes a new store.

Nothing already written is corrupted by a failure: files are written through
:func:`kgraph.safeio.atomic_path` (a temporary file renamed over the target);
a store is replaced by building a new one beside it and swapping the
directories; appending to a store is one Oxigraph transaction. Writers hold
an exclusive lock on the target (:func:`kgraph.safeio.locked`), readers of a
store a shared one, so two builds never interleave.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from datetime import datetime, timezone
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import RDF, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.paths import Path as PropertyPath

from .. import __version__
from ..errors import GraphError, OutputError
from ..safeio import DEFAULT_LOCK_TIMEOUT, STDOUT, STORE_MARKER, atomic_path, locked, real_target, sweep_leftovers
from .builder import new_graph, recount
from .dataset import count_all_triples
from .dyads import EventTally, merge_dyads, merge_store_dyads, rebuild_store_dyads
from .named import nquads, quads
from .writer import QuadWriter, news_source
from .namespace import BASE, KG, PREFIXES
from .query import QueryResult, is_shipped_dyads, run_oxigraph_query, run_query

__all__ = [
    "FORMATS", "OXIGRAPH_THRESHOLD", "STORE_MARKER", "event_count", "graph_format", "is_store", "load_graph", "open_graph",
    "query_graph", "recorded_size", "save_graph", "stream_store", "write_graph", "write_text",
]

#: rdflib syntax per file extension.
FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".trig": "trig",
    ".nt": "nt",
    ".nq": "nquads",
    ".jsonld": "json-ld",
    ".json-ld": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
}
_QUADS = {"trig", "nquads"}
#: Syntaxes of one graph written by Oxigraph rather than rdflib (:func:`_oxigraph_serialize`);
#: TriG and N-Quads, with one named graph per article, are written from :func:`kgraph.graph.named.nquads`.
_OXIGRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}
#: The one named graph that held everything in stores and quad files before per-article graphs
#: (still read, as part of the union; the exporters name their events graph after it).
GRAPH_NAME = URIRef(BASE + "graph/events")




def is_store(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a store directory kgraph created (it carries :data:`STORE_MARKER`)."""
    path = Path(path)
    return path.is_dir() and (path / STORE_MARKER).is_file()


def _foreign_directory(path: Path) -> GraphError:
    hint = " (an earlier kgraph store? add the marker with: touch {}/{})".format(path, STORE_MARKER) if (path / "CURRENT").exists() else ""
    return OutputError(
        f"{path}: is a directory but not a kgraph store; refusing to touch it{hint}. "
        f"Give a graph file (e.g. {path / 'events.ttl'}) or a new directory name for a store"
    )


def graph_format(path: str | os.PathLike[str]) -> str:
    """The rdflib syntax for a graph file (``store`` for a store directory, ``turtle`` for ``-``).

    Raises:
        GraphError: an unknown extension, or an existing directory that is not a kgraph store.
    """
    if os.fspath(path) == STDOUT:
        return "turtle"
    path = Path(path)
    if path.is_dir():
        if is_store(path):
            return "store"
        raise _foreign_directory(path)
    if not path.exists() and path.suffix == "":
        return "store"
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise GraphError(f"{path}: unknown graph format {path.suffix!r} (use one of {known}, or a directory)") from None


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


class UnionGraph(Graph):
    """An rdflib view of an Oxigraph store that reads the union of all its graphs (default and named).

    A kgraph store keeps each triple in one graph only (:mod:`kgraph.graph.named`),
    so the union holds every triple once.
    """

    def __init__(self, store: ox.Store) -> None:
        super().__init__(store=OxigraphStore(store=store))
        self.default_union = True  # rdflib's query() then asks the store for the union

    def triples(self, triple):  # type: ignore[no-untyped-def,override]
        """Triples matching ``triple`` in any graph of the store (property paths as in rdflib)."""
        s, p, o = triple
        if isinstance(p, PropertyPath):
            for s_, o_ in p.eval(self, s, o):
                yield s_, p, o_
            return
        for (s_, p_, o_), _ in self.store.triples((s, p, o), context=None):
            yield s_, p_, o_

    def __len__(self) -> int:
        return self.store.__len__(context=None)  # type: ignore[call-arg]


def _store_graph(store: ox.Store) -> Graph:
    graph = UnionGraph(store)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def _read_only_store(path: Path) -> ox.Store:
    try:
        return ox.Store.read_only(str(path))
    except OSError as err:
        raise GraphError(f"{path}: cannot open store: {_first_line(err)}") from err


@contextmanager
def open_graph(path: str | os.PathLike[str]) -> Iterator[Graph]:
    """Yield the graph at ``path``: a file read into memory, or the store itself, read-only.

    Raises:
        GraphError: no such graph, a directory that is not a store, or a file that does not parse.
    """
    path = Path(path)
    if path.is_dir() or (not path.exists() and path.suffix == ""):
        if not path.exists():
            raise GraphError(f"{path}: no such graph")
        if not is_store(path):
            raise _foreign_directory(path)
        with locked(path, shared=True):
            store = _read_only_store(path)
            try:
                yield _store_graph(store)
            finally:
                del store
    else:
        yield load_graph(path)


#: Graph files at least this large (bytes) are queried through an in-memory Oxigraph store instead of rdflib
#: (``KGRAPH_OXIGRAPH_THRESHOLD`` overrides it).
OXIGRAPH_THRESHOLD = 1_000_000
_OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG, "json-ld": ox.RdfFormat.JSON_LD, "xml": ox.RdfFormat.RDF_XML,
}
ENGINES = ("auto", "rdflib", "oxigraph")


def _threshold() -> int:
    try:
        return int(os.environ.get("KGRAPH_OXIGRAPH_THRESHOLD", OXIGRAPH_THRESHOLD))
    except ValueError:
        return OXIGRAPH_THRESHOLD


def query_graph(path: str | os.PathLike[str], text: str, *, engine: str = "auto") -> QueryResult:
    """Answer a SPARQL query over the graph at ``path`` with the fastest engine that fits.

    A store directory is queried in place by Oxigraph's own SPARQL engine
    (read-only, under a shared lock); a graph file of at least
    :data:`OXIGRAPH_THRESHOLD` bytes is parsed by Oxigraph into memory and queried
    there; a smaller file goes through rdflib. ``engine`` forces ``rdflib`` or
    ``oxigraph``.

    Raises:
        GraphError: no such graph, a foreign directory, or a file that does not parse.
        QueryError: a bad query.
    """
    if engine not in ENGINES:
        raise GraphError(f"unknown query engine {engine!r} (use one of {', '.join(ENGINES)})")
    path = Path(path)
    fmt = graph_format(path)
    if not path.exists():
        raise GraphError(f"{path}: no such graph")
    if fmt == "store" and engine != "rdflib":
        with locked(path, shared=True):
            column = count_all_triples(text)
            size = recorded_size(path) if column is not None or is_shipped_dyads(text) else None
            if size is not None and column is not None:  # "count every triple", and the store is as kgraph left it
                return QueryResult([column], [[Literal(size)]])
            store = _read_only_store(path)
            try:
                # the default graph, or the union when the query needs it; the shipped dyads from the
                # summaries' tables when the store is as kgraph left it
                return run_oxigraph_query(store, text, summaries=size is not None)
            finally:
                del store
    use_ox = engine == "oxigraph" or (engine == "auto" and fmt != "store" and path.stat().st_size >= _threshold())
    if use_ox and fmt in _OX_FORMATS:
        store = ox.Store()
        try:
            store.bulk_load(path=str(path), format=_OX_FORMATS[fmt])
        except (SyntaxError, ValueError) as err:
            raise GraphError(f"{path}: cannot parse as {fmt}: {_first_line(err)}") from err
        except OSError as err:
            raise GraphError(f"{path}: cannot read: {_first_line(err)}") from err
        return run_oxigraph_query(store, text)
    with open_graph(path) as graph:
        return run_query(graph, text)


_LINE = re.compile(r"\bat line (\d+)|\bline[ :](\d+)", re.I)
_BAD = re.compile(r"Bad syntax \((.*?)\) at \^", re.S)


def _parse_error(path: Path, fmt: str, err: BaseException) -> GraphError:
    """One line for a parse failure: the file, the line and the parser's own reason."""
    text = str(err)
    line = _LINE.search(text)
    bad = _BAD.search(text)
    if bad:
        reason = bad.group(1)
    else:
        lines = [part.strip() for part in text.splitlines() if part.strip() and not _LINE.fullmatch(part.strip())]
        reason = " ".join(lines) or type(err).__name__
    reason = re.sub(r"\s+", " ", reason)
    if len(reason) > 240:
        reason = reason[:237] + "..."
    where = f"line {line.group(1) or line.group(2)}: " if line else ""
    return GraphError(f"{path}: {where}cannot parse as {fmt}: {reason}")


def load_graph(path: str | os.PathLike[str], *, missing_ok: bool = False) -> Graph:
    """Read a graph file (or a copy of a store) into memory.

    Raises:
        GraphError: the file is missing (unless ``missing_ok``) or does not parse.
    """
    path = Path(path)
    fmt = graph_format(path)
    graph = new_graph()
    if fmt == "store":
        if not path.exists():
            if missing_ok:
                return graph
            raise GraphError(f"{path}: no such graph")
        with open_graph(path) as store:
            for triple in store:
                graph.add(triple)
        return graph
    if not path.exists():
        if missing_ok:
            return graph
        raise GraphError(f"{path}: no such graph")
    try:
        if fmt in _QUADS:
            dataset = Dataset()
            dataset.parse(path, format=fmt)
            for s, p, o, _ in dataset.quads((None, None, None, None)):
                graph.add((s, p, o))
        else:
            graph.parse(path, format=fmt)
    except (OSError, UnicodeDecodeError) as err:
        raise GraphError(f"{path}: cannot read: {getattr(err, 'strerror', None) or _first_line(err)}") from err
    except Exception as err:  # rdflib raises many types for bad syntax
        raise _parse_error(path, fmt, err) from err
    return graph


def _oxigraph_serialize(graph: Graph, fmt: str) -> bytes | None:
    """``graph`` in the syntax ``fmt``, written by Oxigraph (rdflib's writers are the slowest part
    of a build); ``None`` if the graph holds a term Oxigraph has no counterpart for.

    The triples are sorted (the same graph gives the same bytes); quad syntaxes put them in
    :data:`GRAPH_NAME`, as the rdflib path does. kgraph's
    prefixes, then the graph's own bindings, are declared when an IRI of the graph uses them.
    """
    iris: dict[URIRef, ox.NamedNode] = {}

    def iri(term: URIRef) -> ox.NamedNode:
        node = iris.get(term)
        if node is None:
            node = iris[term] = ox.NamedNode(str(term))
        return node

    def convert(term: object) -> ox.NamedNode | ox.Literal | ox.BlankNode:
        if isinstance(term, URIRef):
            return iri(term)
        if isinstance(term, Literal):
            if term.language:
                return ox.Literal(str(term), language=term.language)
            if term.datatype is not None:
                return ox.Literal(str(term), datatype=iri(term.datatype))
            return ox.Literal(str(term))
        if isinstance(term, BNode):
            return ox.BlankNode(str(term))
        raise TypeError(type(term).__name__)

    graph_name = ox.NamedNode(str(GRAPH_NAME)) if fmt in _QUADS else ox.DefaultGraph()
    try:
        # Sorted, so the file is the same for the same graph and each subject's triples are grouped.
        triples = sorted(graph, key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
        quads = [ox.Quad(convert(s), convert(p), convert(o), graph_name) for s, p, o in triples]
    except (TypeError, ValueError):
        return None
    prefixes: dict[str, str] = {}
    if fmt in ("turtle", "trig"):
        used = [str(term) for term in iris]
        for prefix, namespace in [*PREFIXES.items(), *graph.namespaces()]:
            namespace = str(namespace)
            if prefix and prefix not in prefixes and namespace not in prefixes.values() \
                    and any(term.startswith(namespace) for term in used):
                prefixes[prefix] = namespace
    return ox.serialize(quads, format=_OXIGRAPH_FORMATS[fmt], prefixes=prefixes or None)


def event_count(graph: Graph) -> int:
    """The number of event nodes in ``graph``."""
    return sum(1 for _ in graph.subjects(RDF.type, KG.Event))


def _ntriples(graph: Graph) -> bytes:
    return graph.serialize(format="nt", encoding="utf-8")


def write_graph(
    graph: Graph,
    path: str | os.PathLike[str],
    *,
    append: bool = False,
    allow_empty: bool = False,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    notify: Callable[[str], None] | None = None,
) -> tuple[int, int]:
    """Write ``graph`` to a file or store, replacing it or (``append``) merging into it.

    The target is locked for the whole read-merge-write, so concurrent appends
    never lose each other's triples.

    Args:
        graph: the new triples.
        path: a graph file, a store directory, or ``-`` (Turtle on stdout).
        append: merge into the existing graph instead of replacing it.
        allow_empty: allow replacing an existing graph with one that has no event.
        lock_timeout: seconds to wait for another kgraph process writing ``path``.
        notify: called with a message when the lock has to be waited for.

    Returns:
        The number of triples at ``path`` before and after.

    Raises:
        GraphError: the target is a foreign directory, or would be replaced by an empty graph.
        LockError: the target stayed locked longer than ``lock_timeout``.
    """
    if os.fspath(path) == STDOUT:
        if append:
            raise OutputError("--append needs a graph file or store, not - (stdout)")
        save_graph(graph, STDOUT)
        return 0, len(graph)
    path = Path(path)
    fmt = graph_format(path)
    exists = is_store(path) if fmt == "store" else real_target(path).exists()
    with locked(path, timeout=lock_timeout, notify=notify):
        sweep_leftovers(path)  # what an earlier, killed build left beside the target
        if fmt == "store":
            if append and exists:
                return _append_store(graph, path)
            before = 0
            if exists:
                store = _read_only_store(path)
                before = len(store)
                del store
            _refuse_empty(graph, path, exists and before > 0, allow_empty)
            _replace_store(graph, path)
            return before, len(graph)
        if not append:
            _refuse_empty(graph, path, exists, allow_empty)
            save_graph(graph, path)  # written as it is: no copy of the whole graph
            return 0, len(graph)
        existing = load_graph(path, missing_ok=True)
        before = len(existing)

        def merge() -> None:
            existing.__iadd__(graph)
            recount(existing, graph.subjects(RDF.type, KG.Event))  # counts of the merged graph

        merge_dyads(existing, graph, merge)  # and the dyad summaries its events count in, merged with the file's
        save_graph(existing, path)
        return before, len(existing)


#: Syntaxes :func:`write_text` writes from a :class:`~kgraph.graph.writer.QuadWriter` without an rdflib graph.
TEXT_FORMATS = frozenset({"turtle", "nt", "nquads", "trig"})


def write_text(
    writer: QuadWriter,
    path: str | os.PathLike[str],
    *,
    allow_empty: bool = False,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    notify: Callable[[str], None] | None = None,
) -> tuple[int, int]:
    """Replace the graph file at ``path`` (or write ``-``) with what ``writer`` holds, as :func:`write_graph` would.

    The writer's lines are sorted (the same graph gives the same file) and handed to Oxigraph's
    writers: Turtle and N-Triples get the union, with kgraph's prefixes where used; N-Quads and
    TriG keep each article's evidence in its named graph (:mod:`kgraph.graph.named`).

    Returns:
        The number of triples at ``path`` before (0: a file is replaced) and after.

    Raises:
        GraphError: ``path`` is not a file of :data:`TEXT_FORMATS`, or an existing graph would be
            replaced by one with no event (unless ``allow_empty``).
        LockError: the target stayed locked longer than ``lock_timeout``.
    """
    fmt = graph_format(path)
    if fmt not in TEXT_FORMATS:
        raise GraphError(f"{path}: {fmt} is not written from N-Quads text")
    if writer.dyads is None:
        raise ValueError("write_text needs a QuadWriter that tallies its events (tally=True)")
    to_stdout = os.fspath(path) == STDOUT
    with locked(path, timeout=lock_timeout, notify=notify) if not to_stdout else nullcontext():
        if not to_stdout:
            sweep_leftovers(Path(path))
            if real_target(Path(path)).exists() and not allow_empty and writer.mentions == 0:
                raise GraphError(f"{path}: not replaced by a graph with no event (use --append to merge, or --allow-empty)")
        quads = fmt in _QUADS
        lines = writer.sorted_lines(quads=quads)
        # The dyad summaries (kgraph.graph.dyads) of the events written, in the default graph:
        # sorted in with the triples, or ahead of the default graph's quads.
        extra = writer.dyads.lines()  # tallied as the events were written
        lines = extra + lines if quads else sorted(lines + extra)
        count = len(lines)  # each triple sits in one graph only, so quads count triples too
        data = "".join(lines).encode("utf-8")
        del lines
        with atomic_path(path) as tmp:
            if fmt == "nquads":
                Path(tmp).write_bytes(data)
            else:
                parsed = ox.parse(data, format=ox.RdfFormat.N_QUADS if quads else ox.RdfFormat.N_TRIPLES)
                prefixes = _used_prefixes(data) if fmt == "turtle" else \
                    {prefix: str(namespace) for prefix, namespace in PREFIXES.items()} if fmt == "trig" else None
                target = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "trig": ox.RdfFormat.TRIG}[fmt]
                with open(tmp, "wb") as out:
                    ox.serialize(parsed, out, target, prefixes=prefixes)
        return 0, count


def _used_prefixes(data: bytes) -> dict[str, str]:
    """kgraph's prefixes, then rdflib's defaults, for the namespaces some IRI of ``data`` (N-Triples) starts with.

    The same choice as :func:`_oxigraph_serialize`'s, so a Turtle file declares the same prefixes either way.
    """
    prefixes: dict[str, str] = {}
    for prefix, namespace in [*PREFIXES.items(), *new_graph().namespaces()]:
        namespace = str(namespace)
        if prefix and prefix not in prefixes and namespace not in prefixes.values() \
                and b"<" + namespace.encode("utf-8") in data:
            prefixes[prefix] = namespace
    return prefixes


def _refuse_empty(graph: Graph, path: Path, exists: bool, allow_empty: bool) -> None:
    if exists and not allow_empty and event_count(graph) == 0:
        raise GraphError(f"{path}: not replaced by a graph with no event (use --append to merge, or --allow-empty)")


def _append_store(graph: Graph, path: Path) -> tuple[int, int]:
    """Add ``graph`` to the store in one transaction (all or nothing)."""
    try:
        store = ox.Store(str(path))
    except OSError as err:
        raise GraphError(f"{path}: cannot open store: {_first_line(err)}") from err
    try:
        before = len(store)
        old_counts, merged = _merged_counts(graph, store)
        old_dyads = merge_store_dyads(store, merged)  # the summaries touched, merged with the store's
        # One update, so one transaction: the stale counts and summaries go out as the new triples come in.
        store.update("".join(f"{part} ;\n" for part in (old_dyads, _delete_data(old_counts)) if part) + _insert_data(merged))
        store.flush()
        after = len(store)
    except OSError as err:
        raise GraphError(f"{path}: cannot write store: {_first_line(err)}") from err
    finally:
        del store
    _write_marker(path, after)  # closed: its files stay as they are until the next write
    return before, after


_COUNTS = (KG.numMentions, KG.numArticles, KG.numSources)


def _delete_data(graph: Graph) -> str:
    """A DELETE DATA of ``graph``'s triples from the default graph (and from the graph of stores made before named graphs)."""
    data = _ntriples(graph).decode("utf-8")
    return f"DELETE DATA {{ {data} GRAPH <{GRAPH_NAME}> {{ {data} }} }}"


def _insert_data(graph: Graph) -> str:
    """An INSERT DATA of ``graph``, each triple into its graph (default or article, :func:`~kgraph.graph.named.quads`)."""
    from rdflib.plugins.serializers.nt import _nt_row

    parts: list[str] = ["INSERT DATA {"]
    current: object = None
    for s, p, o, name in quads(graph):
        if name != current:
            if current is not None:
                parts.append("}")
            parts.append(f"GRAPH <{name}> {{")
            current = name
        parts.append(_nt_row((s, p, o)).rstrip("\n"))
    if current is not None:
        parts.append("}")
    parts.append("}")
    return "\n".join(parts)


def _merged_counts(graph: Graph, store: ox.Store) -> tuple[Graph, Graph]:
    """The count triples to drop from ``store``, and ``graph`` with the counts of the merged graph.

    The mentions already in the store for the events of ``graph`` are read, with
    their articles and URLs, so :func:`~kgraph.graph.builder.recount` sees both sides
    (and :func:`~kgraph.graph.named.quads` puts them back in their articles' graphs).
    """
    events = sorted(set(graph.subjects(RDF.type, KG.Event)))
    merged, old = Graph(), Graph()
    merged += graph
    kg = str(KG._NS)
    # one branch a count property: a VALUES of properties joined with ``?e ?cp ?cv`` scans every triple
    counts = " UNION ".join(f"{{ ?e <{p}> ?cv BIND(<{p}> AS ?cp) }}" for p in _COUNTS)
    for start in range(0, len(events), 1000):
        values = " ".join(f"<{e}>" for e in events[start:start + 1000])
        text = f"""CONSTRUCT {{ ?e <{kg}mention> ?m . ?m <{kg}inArticle> ?a . ?a a <{kg}Article> ; <{kg}url> ?u . ?e ?cp ?cv }}
            WHERE {{ VALUES ?e {{ {values} }}
              {{ ?e <{kg}mention> ?m . ?m <{kg}inArticle> ?a OPTIONAL {{ ?a <{kg}url> ?u }} }}
              UNION {counts} }}"""
        found = store.query(text, use_default_graph_as_union=True).serialize(format=ox.RdfFormat.N_TRIPLES)
        for triple in Graph().parse(data=found, format="nt"):
            (old if triple[1] in _COUNTS else merged).add(triple)
    recount(merged, events)
    return old, merged


#: Events checked (and recounted) at a time by :func:`_fix_counts`: its memory is that of one chunk.
FIX_CHUNK = 1000
#: Events recounted between two flushes of the store by :func:`_fix_counts` (each update stays in RocksDB's
#: write buffers until a flush: 100 MB for 30,000 recounted events).
FLUSH_EVERY = 5000


def _chunks(items: Iterable[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _events(store: ox.Store) -> Iterator[str]:
    """The IRIs of the events of ``store`` (typed in its default graph, as every batch writes them), in IRI order,
    read lazily from the index."""
    for quad in store.quads_for_pattern(None, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(KG.Event)), ox.DefaultGraph()):
        if isinstance(quad.subject, ox.NamedNode):
            yield quad.subject.value


def _fix_counts(store: ox.Store, *, chunk: int | None = None) -> int:
    """Recount the events whose mentions came in several batches of a streamed build; returns how many.

    Each batch counts its own mentions; an event reported by articles of two batches
    would keep one batch's count. Those events (count and mentions disagree) are
    recounted from all their mentions, as :func:`~kgraph.graph.builder.recount`
    counts (mentions, articles, news sources), with plain SPARQL results rather than
    an rdflib graph.

    The events are read from the index ``chunk`` at a time, and each chunk is checked,
    recounted and updated on its own: one ``GROUP BY`` over every event of the store
    held all their mentions at once (with the one update below, 500 MB more at 9,000 articles), and one
    update of every stale count as much again. The store is flushed every
    :data:`FLUSH_EVERY` recounted events, so the updates' write buffers do not pile up.
    """
    fixed = unflushed = 0
    for events in _chunks(_events(store), chunk or FIX_CHUNK):
        values = " ".join(f"<{e}>" for e in events)
        text = f"""SELECT ?e WHERE {{ VALUES ?e {{ {values} }} ?e <{_KG_NS}numMentions> ?n ; <{_KG_NS}mention> ?m }}
            GROUP BY ?e HAVING (COUNT(DISTINCT ?m) != MAX(?n) || COUNT(DISTINCT ?n) > 1)"""
        stale = sorted(solution["e"].value for solution in store.query(text, use_default_graph_as_union=True))
        if stale:
            _recount(store, stale)
            fixed += len(stale)
            unflushed += len(stale)
            if unflushed >= FLUSH_EVERY:
                store.flush()
                unflushed = 0
    return fixed


def _recount(store: ox.Store, events: list[str]) -> None:
    """Replace the counts of ``events`` (at most a chunk) by those of all their mentions, in one update."""
    kg = _KG_NS
    counts: dict[str, tuple[set[str], set[str], set[str]]] = {e: (set(), set(), set()) for e in events}
    values = " ".join(f"<{e}>" for e in events)
    found = f"""SELECT ?e ?m ?a ?u WHERE {{ VALUES ?e {{ {values} }}
        ?e <{kg}mention> ?m . ?m <{kg}inArticle> ?a OPTIONAL {{ ?a <{kg}url> ?u }} }}"""
    for row in store.query(found, use_default_graph_as_union=True):
        mentions, articles, sources = counts[row["e"].value]
        article, url = row["a"].value, row["u"]
        mentions.add(row["m"].value)
        articles.add(article)
        sources.add(news_source(article, url.value if url is not None else None))
    # one branch a count property (a VALUES of properties joined with ``?e ?p ?v`` scans every triple)
    branches = " UNION ".join(f"{{ ?e <{p}> ?v BIND(<{p}> AS ?p) }}" for p in _COUNTS)
    stale = f"SELECT ?e ?p ?v WHERE {{ VALUES ?e {{ {values} }} {branches} }}"
    old = [f"{row['e']} {row['p']} {row['v']} ." for row in store.query(stale, use_default_graph_as_union=True)]
    new = [
        f"<{event}> <{prop}> \"{len(found)}\"^^<{XSD.integer}> ."
        for event, sets in counts.items() for prop, found in zip(_COUNTS, sets)
    ]
    dropped = "\n".join(old)
    store.update(f"DELETE DATA {{ {dropped} GRAPH <{GRAPH_NAME}> {{ {dropped} }} }} ;\nINSERT DATA {{ {chr(10).join(new)} }}")


_KG_NS = str(KG._NS)


#: Files of a store that change without its data changing (RocksDB's info logs, its lock) or are kgraph's own.
_NOT_DATA = re.compile(r"^(LOG(\..*)?|LOCK|\..*)$")


def _fingerprint(path: Path) -> list[list[object]]:
    """Name, size and modification time of each data file of the store at ``path`` (any write changes one)."""
    found = []
    with os.scandir(path) as entries:
        for entry in entries:
            if entry.is_file() and not _NOT_DATA.match(entry.name):
                info = entry.stat()
                found.append([entry.name, info.st_size, info.st_mtime_ns])
    return sorted(found)


def _write_marker(path: Path, triples: int | None = None) -> None:
    """Mark ``path`` as a kgraph store; with ``triples``, record its size beside the fingerprint of its files.

    Call it once the store is closed, so that its files no longer change.
    """
    info: dict[str, object] = {"kgraph": __version__, "created": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    try:
        info["created"] = json.loads((path / STORE_MARKER).read_text(encoding="utf-8")).get("created", info["created"])
    except (OSError, ValueError, AttributeError):
        pass
    if triples is not None:
        info["triples"] = triples
        info["files"] = _fingerprint(path)
    tmp = path / f"{STORE_MARKER}.tmp"
    tmp.write_text(json.dumps(info) + "\n", encoding="utf-8")
    os.replace(tmp, path / STORE_MARKER)


def recorded_size(path: str | os.PathLike[str]) -> int | None:
    """The number of quads kgraph recorded when it last wrote the store at ``path``, if its files are still those it left.

    ``None`` when nothing was recorded, or when anything wrote to the store since
    (a data file was added, removed, grew or was rewritten): then only counting tells.
    """
    path = Path(path)
    try:
        info = json.loads((path / STORE_MARKER).read_text(encoding="utf-8"))
        triples, files = info["triples"], info["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(triples, int) or files != _fingerprint(path):
        return None
    return triples


def _replace_store(graph: Graph, path: Path) -> None:
    """Build a new store beside ``path`` and swap it in, so a failure leaves the old one whole.

    Only a directory that is a kgraph store (it carries the marker) is ever replaced.
    """
    def fill(store: ox.Store) -> None:
        # bulk_load writes index files directly: a transactional load would also leave every triple in the
        # write-ahead log, replayed into memory by each later read-only open (gigabytes at 100,000 events).
        # The new store is swapped in only when complete, so it needs no transaction; one named graph per article.
        store.bulk_load(nquads(graph), format=ox.RdfFormat.N_QUADS)

    _new_store(path, fill)


def _new_store(path: Path, fill: Callable[[ox.Store], None]) -> int:
    """Fill a new store beside ``path`` with ``fill``, then swap it in; returns its triple count.

    ``fill`` may raise (e.g. :class:`GraphError` to refuse the result): the new store
    is then removed and ``path`` left as it was.
    """
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{path}: no such directory {parent}")
    if path.exists() and not is_store(path):
        raise _foreign_directory(path)
    try:
        fresh = Path(tempfile.mkdtemp(prefix=f".{path.name}.new.", dir=parent))
    except OSError as err:
        raise OutputError(f"{path}: cannot write: {err.strerror}") from None
    old: Path | None = None
    try:
        store = ox.Store(str(fresh))
        fill(store)
        store.flush()
        store.optimize()  # compact the bulk-loaded files once, so reads do not merge hundreds of them
        del store
        store = ox.Store(str(fresh))  # reopening drops the write-ahead log the flush made obsolete
        size = len(store)
        del store
        _write_marker(fresh, size)
        if path.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{path.name}.old.", dir=parent))
            old.rmdir()
            os.replace(path, old)
        os.replace(fresh, path)
        return size
    except OSError as err:
        raise GraphError(f"{path}: cannot write store: {_first_line(err)}") from err
    finally:
        if fresh.exists():
            shutil.rmtree(fresh, ignore_errors=True)
        if old is not None and (old / STORE_MARKER).is_file():
            shutil.rmtree(old, ignore_errors=True)


def stream_store(
    graphs: Iterable[Graph | bytes],
    path: str | os.PathLike[str],
    *,
    allow_empty: bool = False,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    notify: Callable[[str], None] | None = None,
    dyads: EventTally | None = None,
) -> tuple[int, int]:
    """Replace the store at ``path`` with the triples of ``graphs``, bulk-loaded one graph at a time.

    Each item is a graph or a shard of N-Quads (bytes, e.g. from a cluster worker, split as
    :func:`~kgraph.graph.named.nquads` does).

    The dyad summaries are those of ``dyads`` when given (the tally of the
    :class:`~kgraph.graph.writer.QuadWriter` that wrote every item, read once all are
    loaded; the items then carry no summaries), else recomputed over the whole store
    (:func:`~kgraph.graph.dyads.rebuild_store_dyads`).

    Memory stays that of one graph, whatever the total: each is loaded into a new
    store beside ``path`` (``pyoxigraph.Store.bulk_load``) and may then be dropped;
    the counts of events spanning batches are then fixed a chunk of events at a
    time (:func:`_fix_counts`), and recomputed summaries loaded a few thousand nodes
    at a time (:func:`~kgraph.graph.dyads.rebuild_store_dyads`). A ``dyads`` tally
    holds every event and mention written, so its memory grows with the corpus.
    The safety of :func:`write_graph` holds: the target is locked for the whole
    build (so no other build sweeps the store being filled), the new store is
    swapped in only when complete, and an existing store is not replaced by one
    without events unless ``allow_empty``.

    Returns:
        The number of triples at ``path`` before and after.

    Raises:
        GraphError: ``path`` is not a store path, or the result would replace a store by one with no event.
        LockError: the target stayed locked longer than ``lock_timeout``.
    """
    path = Path(path)
    if graph_format(path) != "store":
        raise GraphError(f"{path}: not a store directory")
    with locked(path, timeout=lock_timeout, notify=notify):
        sweep_leftovers(path)
        before = 0
        if is_store(path):
            store = _read_only_store(path)
            before = len(store)
            del store

        def fill(store: ox.Store) -> None:
            loaded = 0
            for graph in graphs:
                data = graph if isinstance(graph, bytes) else nquads(graph) if len(graph) else b""
                if data.strip():
                    store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
                    loaded += 1
            if before > 0 and not allow_empty and not store.query(f"ASK {{ ?e a <{KG.Event}> }}", use_default_graph_as_union=True):
                raise GraphError(f"{path}: not replaced by a graph with no event (use --append to merge, or --allow-empty)")
            _fix_counts(store)
            if loaded and dyads is not None and dyads.complete:  # tallied by the writers of the batches, which carry none
                if len(dyads):  # (a tally holds every event: ``kgraph build`` to a store recounts instead, below)
                    store.bulk_load("".join(dyads.lines()).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
            elif loaded:  # a QuadWriter batch has no summaries, an rdflib batch only its own events
                rebuild_store_dyads(store)

        after = _new_store(path, fill)
    return before, after


def save_graph(graph: Graph, path: str | os.PathLike[str], fmt: str | None = None) -> Path | str:
    """Write ``graph`` to a file atomically, or replace a store (``fmt`` overrides the extension).

    ``-`` writes to standard output; symbolic links, FIFOs and devices are handled as
    :func:`kgraph.safeio.atomic_path` describes.
    """
    fmt = fmt or graph_format(path)
    if fmt == "store":
        _replace_store(graph, Path(path))
        return Path(path)
    if fmt == "nquads":
        data = nquads(graph)
        with atomic_path(path) as tmp:
            Path(tmp).write_bytes(data)
        return path
    if fmt == "trig":  # Oxigraph's TriG writer, one block per graph, with kgraph's prefixes
        prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
        with atomic_path(path) as tmp, open(tmp, "wb") as out:
            ox.serialize(ox.parse(nquads(graph), format=ox.RdfFormat.N_QUADS), out, ox.RdfFormat.TRIG, prefixes=prefixes)
        return path
    if fmt in _OXIGRAPH_FORMATS:
        data = _oxigraph_serialize(graph, fmt)
        if data is not None:
            with atomic_path(path) as tmp:
                Path(tmp).write_bytes(data)
            return path
    with atomic_path(path) as tmp:
        graph.serialize(destination=str(tmp), format=fmt, encoding="utf-8")
    return path
