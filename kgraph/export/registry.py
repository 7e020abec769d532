"""The exporter registry."""
from __future__ import annotations

import os
from collections.abc import Callable
from importlib.metadata import entry_points

from rdflib import Graph

from ..errors import KGraphError

__all__ = ["Exporter", "EXPORTERS", "register", "export", "exporter_names", "resolve_format"]

Exporter = Callable[..., None]
EXPORTERS: dict[str, Exporter] = {}
_ALIASES: dict[str, str] = {}


def register(name: str, *aliases: str) -> Callable[[Exporter], Exporter]:
    """Decorator: register an exporter under ``name`` and its aliases."""

    def wrap(func: Exporter) -> Exporter:
        EXPORTERS[name] = func
        for alias in aliases:
            _ALIASES[alias] = name
        return func

    return wrap


def _load_builtin() -> None:
    from . import gexf, graphml, html, picture, rdf, table  # noqa: F401  (registration by import)

    for point in entry_points(group="kgraph.exporters"):
        if point.name not in EXPORTERS:
            EXPORTERS[point.name] = point.load()


def exporter_names() -> list[str]:
    """Every exporter name (aliases excluded)."""
    _load_builtin()
    return sorted(EXPORTERS)


def resolve_format(fmt: str) -> str:
    """The exporter name for a format name or alias.

    Raises:
        KGraphError: no exporter has that name.
    """
    _load_builtin()
    name = _ALIASES.get(fmt, fmt)
    if name not in EXPORTERS:
        raise KGraphError(f"unknown export format {fmt!r} (choose from {', '.join(exporter_names())})")
    return name


def export(graph: Graph, fmt: str, path: str | os.PathLike[str], **options: object) -> None:
    """Write ``graph`` as ``fmt`` to ``path``.

    Raises:
        KGraphError: unknown format, or an empty graph (nothing to export).
    """
    name = resolve_format(fmt)
    from .sparql import has_triples

    if not has_triples(graph):
        raise KGraphError("the graph is empty: nothing to export")
    EXPORTERS[name](graph, path, **options)
