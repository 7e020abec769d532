"""Errors raised by kgraph.

The hierarchy::

    KGraphError                 base: every error kgraph raises on purpose
    ├── InputError              an article, file or JSON line that cannot be read
    ├── ModelError              a spaCy model that is not installed or will not load
    ├── GraphError              a graph file or store that cannot be read or written
    │   └── QueryError          a SPARQL query that does not parse or run
    ├── OutputError             a path kgraph will not or cannot write to
    │   └── LockError           the target is being written by another kgraph process
    ├── DataError               a broken lexicon, actor table or ontology file
    └── GoldFormatError         a gold or prediction file that cannot be read

The command line turns any of these into one line on stderr and exit status 1.
"""
from __future__ import annotations

__all__ = [
    "KGraphError",
    "InputError",
    "ModelError",
    "GraphError",
    "QueryError",
    "OutputError",
    "LockError",
    "DataError",
    "GoldFormatError",
]


class KGraphError(Exception):
    """Base class of every error kgraph raises on purpose."""


class InputError(KGraphError):
    """An input article, file or line that cannot be read."""


class ModelError(KGraphError):
    """A spaCy model that is not installed or cannot be loaded."""


class GraphError(KGraphError):
    """A graph file or store that cannot be read or written."""


class QueryError(GraphError):
    """A SPARQL query that does not parse or fails to run."""


class OutputError(KGraphError):
    """A path kgraph will not write to (a foreign directory) or cannot write to."""


class LockError(OutputError):
    """The target is locked by another kgraph process for longer than the wait allowed."""


class DataError(KGraphError):
    """A lexicon, actor table or ontology file that is malformed."""


class GoldFormatError(KGraphError):
    """A gold-standard or prediction file that cannot be read."""
