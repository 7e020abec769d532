"""Actors: from words in a sentence to CAMEO-style actor codes.

``dictionary`` holds the actor tables (countries, capitals, demonyms,
metonyms, organisations, people, sector nouns) and finds their mentions in a
parsed sentence; ``resolver`` turns a noun phrase, a title or a pronoun into
:class:`kgraph.model.ActorRef` objects.
"""
from __future__ import annotations

from .dictionary import ActorDictionary, ActorEntry, actor_dictionary
from .resolver import ActorResolver

__all__ = ["ActorDictionary", "ActorEntry", "ActorResolver", "actor_dictionary"]
