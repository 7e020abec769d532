"""kgraph: diplomatic-event knowledge graphs from French and English news.

Data flows one way::

    text ─ kgraph.reader ─▶ Article ─ kgraph.nlp (spaCy Doc) ─ kgraph.extract ─▶ Event
         ─ kgraph.graph ─▶ RDF graph ─ kgraph.export / SPARQL query

For notebooks: ``kgraph.extract(texts)``, ``kgraph.build(inputs)``,
``kgraph.load(path)`` and ``kgraph.query(graph, name_or_sparql, **params)``
(:mod:`kgraph.api`), imported on first use so the command line starts fast.
``kgraph.extract`` is also the extraction package: calling it calls
:func:`kgraph.api.extract`, and ``kgraph.extract.Extractor`` stays what it is.
"""
from __future__ import annotations

import importlib
import sys
import types
from typing import Any

__version__ = "0.1.0"

__all__ = ["__version__", "Rows", "build", "extract", "load", "query"]

_API = {"build", "load", "query", "Rows"}


class _CallableExtract(types.ModuleType):
    """The ``kgraph.extract`` package, callable as :func:`kgraph.api.extract`."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from .api import extract

        return extract(*args, **kwargs)


class _Package(types.ModuleType):
    """The ``kgraph`` package: makes the ``extract`` subpackage callable as soon as it is imported."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "extract" and type(value) is types.ModuleType:
            value.__class__ = _CallableExtract
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    """The API of :mod:`kgraph.api`, loaded on first use."""
    if name == "extract":
        return importlib.import_module(".extract", __name__)
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'kgraph' has no attribute {name!r}")
