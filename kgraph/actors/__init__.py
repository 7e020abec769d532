"""Actors: from words in a sentence to CAMEO-style actor codes.

``dictionary`` holds the actor tables (countries, capitals, demonyms,
metonyms, organisations, people with dated offices, places, sector nouns) and
finds their mentions in a parsed sentence; ``resolver`` turns a noun phrase,
a title or a pronoun into :class:`kgraph.model.ActorRef` objects; ``lookup``
resolves a phrase on its own (``kgraph actors lookup``); ``petrarch`` reads
PETRARCH/TABARI dictionaries and ``table`` kgraph's own actor-table format.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = ["ActorDictionary", "ActorEntry", "ActorLookup", "ActorResolver", "LookupResult", "actor_dictionary"]

_HOMES = {
    "ActorDictionary": "dictionary", "ActorEntry": "dictionary", "actor_dictionary": "dictionary",
    "ActorLookup": "lookup", "LookupResult": "lookup", "ActorResolver": "resolver",
}


def __getattr__(name: str) -> Any:
    """Load the spaCy-backed modules on first use, so that building or exporting a graph
    (``kgraph.actors.labels``) does not import spaCy."""
    if name in _HOMES:
        return getattr(import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
