"""Predictions for a gold set: the gold texts run through an extractor, as ``kgraph evaluate`` does."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..model import Candidate
from ..reader import Article
from .gold import GoldItem

__all__ = ["predict"]


def predict(
    items: Sequence[GoldItem],
    extractor: Any,
    *,
    origin: str = "",
    progress: Callable[[list[Article]], Iterable[Any]] | None = None,
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[Candidate]]]:
    """Event records (CONTRACT §3) and traced candidates per gold item id.

    Args:
        items: the gold items; those with an empty text are left out.
        extractor: a :class:`kgraph.extract.Extractor` (candidates are empty unless it traces).
        origin: where the items came from, for messages.
        progress: turns the articles into the extraction results to score (the command
            line's progress bar); default ``extractor.extract_many``.
    """
    articles = [Article(doc_id=i.id, text=i.text, lang=i.lang, date=i.date, origin=origin) for i in items if i.text.strip()]
    results = progress(articles) if progress is not None else extractor.extract_many(articles)
    predictions: dict[str, list[dict[str, Any]]] = {}
    candidates: dict[str, list[Candidate]] = {}
    for result in results:
        predictions[result.article.doc_id] = [e.to_record() for e in result.events]
        candidates[result.article.doc_id] = result.candidates
    return predictions, candidates
