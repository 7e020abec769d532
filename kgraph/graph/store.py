"""Reading and writing graphs: files by extension, or a persistent store directory.

A graph path with a known extension (``.ttl``, ``.trig``, ``.nt``, ``.nq``,
``.jsonld``) is a file; a directory (or a new path without extension) is a
persistent Oxigraph store (``oxrdflib``), queried in place.

Nothing already written is corrupted by a failure: files are written to a
temporary file beside the target and renamed over it; a store is replaced by
building a new one beside it and swapping the directories, and appending to a
store only adds triples.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from ..errors import GraphError
from .builder import new_graph
from .namespace import BASE, PREFIXES

__all__ = ["FORMATS", "graph_format", "is_store", "load_graph", "open_graph", "save_graph", "write_graph"]

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
#: The named graph used in quad formats and in stores.
GRAPH_NAME = URIRef(BASE + "graph/events")
#: rdflib store plugin of persistent stores (registered by oxrdflib).
STORE_PLUGIN = "Oxigraph"


def is_store(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names a store directory rather than a graph file."""
    path = Path(path)
    return path.is_dir() or (not path.exists() and path.suffix == "")


def graph_format(path: str | os.PathLike[str]) -> str:
    """The rdflib syntax for a graph file (``store`` for a store directory)."""
    path = Path(path)
    if is_store(path):
        return "store"
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise GraphError(f"{path}: unknown graph format {path.suffix!r} (use one of {known}, or a directory)") from None


def _open_store(path: Path, *, create: bool) -> Graph:
    graph = Graph(store=STORE_PLUGIN, identifier=GRAPH_NAME)
    try:
        graph.open(str(path), create=create and not path.exists())
    except Exception as err:  # pyoxigraph raises OSError subclasses and its own errors
        raise GraphError(f"{path}: cannot open store: {str(err).splitlines()[0] if str(err) else type(err).__name__}") from err
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def _empty_store(path: Path) -> bool:
    return not path.exists() or (path.is_dir() and not any(path.iterdir()))


@contextmanager
def open_graph(path: str | os.PathLike[str]) -> Iterator[Graph]:
    """Yield the graph at ``path``: a file read into memory, or the store itself (closed after)."""
    path = Path(path)
    if is_store(path):
        if _empty_store(path):
            raise GraphError(f"{path}: no such graph")
        graph = _open_store(path, create=False)
        try:
            yield graph
        finally:
            graph.close()
    else:
        yield load_graph(path)


def load_graph(path: str | os.PathLike[str], *, missing_ok: bool = False) -> Graph:
    """Read a graph file (or a copy of a store) into memory.

    Raises:
        GraphError: the file is missing (unless ``missing_ok``) or does not parse.
    """
    path = Path(path)
    fmt = graph_format(path)
    graph = new_graph()
    if fmt == "store":
        if _empty_store(path):
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
    except Exception as err:  # rdflib raises many types for bad syntax
        raise GraphError(f"{path}: cannot parse as {fmt}: {str(err).splitlines()[0] if str(err) else type(err).__name__}") from err
    return graph


def write_graph(graph: Graph, path: str | os.PathLike[str], *, append: bool = False) -> tuple[int, int]:
    """Write ``graph`` to a file or store, replacing it or (``append``) merging into it.

    Returns:
        The number of triples at ``path`` before and after.
    """
    path = Path(path)
    if graph_format(path) == "store":
        before = 0
        if append and not _empty_store(path):
            store = _open_store(path, create=False)
            try:
                before = len(store)
                store += graph
                return before, len(store)
            finally:
                store.close()
        if not _empty_store(path):
            with open_graph(path) as old:
                before = len(old)
        _replace_store(graph, path)
        return before, len(graph)
    existing = load_graph(path, missing_ok=True) if append else new_graph()
    before = len(existing)
    existing += graph
    save_graph(existing, path)
    return before, len(existing)


def _replace_store(graph: Graph, path: Path) -> None:
    """Build a new store beside ``path`` and swap it in, so a failure leaves the old one whole."""
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.exists():
        raise GraphError(f"{parent}: no such directory")
    fresh = Path(tempfile.mkdtemp(prefix=f".{path.name}.new.", dir=parent))
    fresh.rmdir()  # the store creates its own directory
    try:
        store = _open_store(fresh, create=True)
        try:
            store += graph
        finally:
            store.close()
        old = None
        if path.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{path.name}.old.", dir=parent))
            old.rmdir()
            os.replace(path, old)
        os.replace(fresh, path)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if fresh.exists():
            shutil.rmtree(fresh, ignore_errors=True)


def save_graph(graph: Graph, path: str | os.PathLike[str], fmt: str | None = None) -> Path:
    """Write ``graph`` to a file atomically, or replace a store (``fmt`` overrides the extension)."""
    path = Path(path)
    fmt = fmt or graph_format(path)
    if fmt == "store":
        _replace_store(graph, path)
        return path
    target = path
    if target.parent and not target.parent.exists():
        raise GraphError(f"{target.parent}: no such directory")
    if fmt in _QUADS:
        dataset = Dataset()
        for prefix, namespace in graph.namespaces():
            dataset.bind(prefix, namespace, override=True)
        named = dataset.graph(GRAPH_NAME)
        for triple in graph:
            named.add(triple)
        payload = dataset.serialize(format=fmt, encoding="utf-8")
    else:
        payload = graph.serialize(format=fmt, encoding="utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return target
