"""Extraction: from parsed text to :class:`kgraph.model.Event` records.

``lexicon`` loads the event lexicon and markers, ``dates`` resolves event
dates, ``dependency`` holds the rules over dependency parses, and
``pipeline`` runs articles through spaCy and the rules.
"""
from __future__ import annotations

from .pipeline import Extractor, ExtractionResult

__all__ = ["Extractor", "ExtractionResult"]
