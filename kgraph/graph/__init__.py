"""The RDF graph: vocabulary, building from events, files and stores, SHACL validation."""
from __future__ import annotations

from .builder import GraphBuilder, new_graph
from .namespace import KG, PREFIXES
from .store import FORMATS, load_graph, open_graph, save_graph, write_graph
from .validate import validate_graph

__all__ = ["GraphBuilder", "new_graph", "KG", "PREFIXES", "FORMATS", "load_graph", "open_graph", "save_graph", "write_graph", "validate_graph"]
