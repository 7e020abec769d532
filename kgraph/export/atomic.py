"""Atomic file writing shared by the exporters (see :mod:`kgraph.safeio`)."""
from __future__ import annotations

from ..safeio import atomic_open, atomic_path

__all__ = ["atomic_open", "atomic_path"]
