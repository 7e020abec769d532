"""Event dates: "mardi", "le 22 décembre", "yesterday", resolved against the article date.

Date words come from ``data/dates.tsv``; the expression around each is handed
to dateparser with the article date as its base, preferring past dates (news
reports what has happened).
"""
from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from ..nlp import token_texts
from ..text import fold
from ..resources import read_tsv

__all__ = ["DateMention", "find_dates", "is_date_word", "resolve_date"]


@dataclass(frozen=True)
class DateMention:
    """A date expression: its tokens (``start``..``end``), its words and the resolved day."""

    start: int
    end: int
    text: str
    date: str


@lru_cache(maxsize=None)
def _words(lang: str) -> dict[str, str]:
    words: dict[str, str] = {}
    for row in read_tsv("kgraph.extract", "data/dates.tsv"):
        if row["lang"] == lang:
            words[fold(row["word"])] = row["kind"]
    return words


def is_date_word(token: Token, lang: str) -> bool:
    """Whether ``token`` is a weekday, month, relative-day or period word ("vendredi", "yesterday", "nuit")."""
    return fold(token.text) in _words(lang)


@lru_cache(maxsize=None)
def _weekdays(lang: str) -> frozenset[str]:
    return frozenset(word for word, kind in _words(lang).items() if kind == "weekday")


#: A day of known weekday (a Monday) from which a weekday's offset is measured once (:func:`_weekday_offset`).
_MONDAY = dt.date(2001, 1, 1)


def _dateparser(expression: str, lang: str, base_dt: dt.datetime) -> dt.datetime | None:
    import dateparser

    settings = {
        "RELATIVE_BASE": base_dt,
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return dateparser.parse(expression, languages=[lang], settings=settings)


@lru_cache(maxsize=None)
def _weekday_offset(expression: str, lang: str, weekday: int) -> int | None:
    """Days from a base date of weekday ``weekday`` to the day dateparser gives a bare weekday name.

    Resolving "mardi" depends only on the weekday of the base, so dateparser (about a
    millisecond a call, called for nearly every article since each has its own date)
    runs once per word and weekday; ``None`` if it cannot parse the word.
    """
    reference = _MONDAY + dt.timedelta(days=weekday)
    parsed = _dateparser(expression, lang, dt.datetime.combine(reference, dt.time()))
    return None if parsed is None else (parsed.date() - reference).days


def _parse(expression: str, lang: str, base_dt: dt.datetime) -> dt.date | None:
    """The day dateparser gives ``expression`` from ``base_dt``."""
    if fold(expression) in _weekdays(lang) and base_dt.time() == dt.time() and 1900 <= base_dt.year <= 2200:
        offset = _weekday_offset(expression, lang, base_dt.weekday())
        return None if offset is None else base_dt.date() + dt.timedelta(days=offset)
    parsed = _dateparser(expression, lang, base_dt)
    return None if parsed is None else parsed.date()


@lru_cache(maxsize=4096)
def resolve_date(expression: str, lang: str, base: str) -> str | None:
    """Resolve ``expression`` against ``base`` (ISO date); ``None`` if dateparser cannot."""
    base_dt = dt.datetime.fromisoformat(base)
    parsed = _parse(expression, lang, base_dt)
    if parsed is None:
        return None
    if (base_dt.date() - parsed).days == 7 and fold(expression) in _weekdays(lang):
        parsed = base_dt.date()  # "lundi" in an article dated a Monday is that very day
    # Without a year, a date after the article date is last year's (written in January about December).
    if parsed > base_dt.date() and not any(ch.isdigit() and len(w) == 4 for w in expression.split() for ch in w[:1]):
        try:
            parsed = parsed.replace(year=parsed.year - 1)
        except ValueError:
            return None
    return parsed.isoformat()


def find_dates(sent: Span, lang: str, base: str | None) -> list[DateMention]:
    """Date expressions in ``sent`` with their resolved day (none without a base date)."""
    if not base:
        return []
    words = _words(lang)
    found: list[DateMention] = []
    doc = sent.doc
    texts = token_texts(doc)  # the words read without a Token object each; tokens made only around a date word
    first, stop = sent.start, sent.end
    for k in range(first, stop):
        kind = words.get(fold(texts[k]))
        if kind is None or kind == "period":
            continue
        start = end = k
        if kind == "month":
            if k > first and doc[k - 1].like_num:
                start = k - 1
            if k + 1 < stop and doc[k + 1].like_num and len(texts[k + 1]) <= 2:
                end = k + 1
            if end + 1 < stop and texts[end + 1] == ",":
                end += 1
            if end + 1 < stop and doc[end + 1].like_num and len(texts[end + 1]) == 4:
                end += 1
            if start == end == k:
                continue  # a bare month name ("en mai") is too vague to date an event
        expression = doc[start : end + 1].text
        day = resolve_date(expression, lang, base)
        if day:
            found.append(DateMention(start, end + 1, expression, day))
    return found
