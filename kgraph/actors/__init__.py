"""Actors: from words in a sentence to CAMEO-style actor codes.

``dictionary`` holds the actor tables (countries, capitals, demonyms,
metonyms, organisations, people with dated offices, places, sector nouns) and
finds their mentions in a parsed sentence; ``resolver`` turns a noun phrase,
a title or a pronoun into :class:`kgraph.model.ActorRef` objects; ``lookup``
resolves a phrase on its own (``kgraph actors lookup``); ``petrarch`` reads
PETRARCH/TABARI dictionaries and ``table`` kgraph's own actor-table format.
"""
from __future__ import annotations

from .dictionary import ActorDictionary, ActorEntry, actor_dictionary
from .lookup import ActorLookup, LookupResult
from .resolver import ActorResolver

__all__ = ["ActorDictionary", "ActorEntry", "ActorLookup", "ActorResolver", "LookupResult", "actor_dictionary"]
