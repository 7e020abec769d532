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
    context: bool = False,
    explain: bool = False,
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[Candidate]]]:
    """Event records (CONTRACT §3) and traced candidates per gold item id.

    Args:
        items: the gold items; those with an empty text are left out.
        extractor: a :class:`kgraph.extract.Extractor` (candidates are empty unless it traces).
        origin: where the items came from, for messages.
        progress: turns the articles into the extraction results to score (the command
            line's progress bar); default ``extractor.extract_many``.
        context: read consecutive lines of one article (see :func:`_articles`) as that article,
            so pronouns, titles and the article's countries carry from line to line; events are
            scored on the line they are in.
        explain: give each record its ``explain`` trace (the lexicon row and the rules, as
            ``kgraph extract --explain`` writes it), for :func:`kgraph.evaluate.byrule.by_rule`.
    """
    kept = [i for i in items if i.text.strip()]
    groups = _articles(kept) if context else [[i] for i in kept]
    articles: list[Article] = []
    lines: dict[str, list[tuple[int, str]]] = {}  # article id -> (offset, item id) per line
    for group in groups:
        offsets, offset = [], 0
        for item in group:
            offsets.append((offset, item.id))
            offset += len(item.text) + 1
        doc_id = group[0].id
        lines[doc_id] = offsets
        text = "\n".join(i.text for i in group)
        articles.append(Article(doc_id=doc_id, text=text, lang=group[0].lang, date=group[0].date, origin=origin))
    results = progress(articles) if progress is not None else extractor.extract_many(articles)
    predictions: dict[str, list[dict[str, Any]]] = {i.id: [] for i in kept}
    candidates: dict[str, list[Candidate]] = {i.id: [] for i in kept}
    for result in results:
        offsets = lines[result.article.doc_id]
        for event in result.events:
            line = _line(offsets, event.action.start)
            predictions[line].append({**event.to_record(explain=explain), "doc_id": line})  # offsets stay the article's
        for candidate in result.candidates:
            candidates[_line(offsets, candidate.start)].append(candidate)
    return predictions, candidates


def _articles(items: Sequence[GoldItem]) -> list[list[GoldItem]]:
    """Consecutive items of one article: same language and date, and ids that differ only
    after their last "-" ("seed-01", "seed-02", …)."""
    groups: list[list[GoldItem]] = []
    for item in items:
        last = groups[-1][-1] if groups else None
        if last is not None and (last.lang, last.date, last.id.rsplit("-", 1)[0]) == (item.lang, item.date, item.id.rsplit("-", 1)[0]):
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def _line(offsets: list[tuple[int, str]], start: int) -> str:
    """The id of the line a character offset of the joined article falls in."""
    found = offsets[0][1]
    for offset, item_id in offsets:
        if start >= offset:
            found = item_id
    return found
