"""Exporters: from an RDF graph to files other tools open.

Exporters are registered by name with aliases (``gexf``/``gephi``), each a
function ``(graph, path, **options) -> None`` writing atomically. Third-party
packages can add their own through the ``kgraph.exporters`` entry-point group.
"""
from __future__ import annotations

from .registry import EXPORTERS, export, exporter_names, register, resolve_format

__all__ = ["EXPORTERS", "export", "exporter_names", "register", "resolve_format"]
