"""Reading and writing graphs: files by extension, or a store directory.

Writes are atomic: the graph goes to a temporary file beside the target,
which is then renamed over it, so a failure never leaves a half-written or
corrupted graph behind.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from ..errors import GraphError
from .builder import new_graph
from .namespace import BASE

__all__ = ["FORMATS", "graph_format", "load_graph", "save_graph", "STORE_FILE"]

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
#: The named graph used in quad formats.
GRAPH_NAME = URIRef(BASE + "graph/events")
#: The file inside a store directory.
STORE_FILE = "graph.nq"


def _is_store(path: Path) -> bool:
    return path.is_dir() or (not path.exists() and path.suffix.lower() not in FORMATS and path.suffix == "")


def graph_format(path: str | os.PathLike[str]) -> str:
    """The rdflib syntax for ``path`` (``nquads`` for a store directory)."""
    path = Path(path)
    if _is_store(path):
        return "nquads"
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise GraphError(f"{path}: unknown graph format {path.suffix!r} (use one of {known}, or a directory)") from None


def load_graph(path: str | os.PathLike[str], *, missing_ok: bool = False) -> Graph:
    """Read a graph file or store directory into a graph.

    Raises:
        GraphError: the file is missing (unless ``missing_ok``) or does not parse.
    """
    path = Path(path)
    fmt = graph_format(path)
    source = path / STORE_FILE if _is_store(path) else path
    graph = new_graph()
    if not source.exists():
        if missing_ok:
            return graph
        raise GraphError(f"{path}: no such graph")
    try:
        if fmt in _QUADS:
            dataset = Dataset()
            dataset.parse(source, format=fmt)
            for s, p, o, _ in dataset.quads((None, None, None, None)):
                graph.add((s, p, o))
        else:
            graph.parse(source, format=fmt)
    except Exception as err:  # rdflib raises many types for bad syntax
        raise GraphError(f"{source}: cannot parse as {fmt}: {str(err).splitlines()[0] if str(err) else type(err).__name__}") from err
    return graph


def save_graph(graph: Graph, path: str | os.PathLike[str], fmt: str | None = None) -> Path:
    """Write ``graph`` to ``path`` atomically (a store directory is created if needed)."""
    path = Path(path)
    fmt = fmt or graph_format(path)
    if _is_store(path):
        path.mkdir(parents=True, exist_ok=True)
        target = path / STORE_FILE
    else:
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
