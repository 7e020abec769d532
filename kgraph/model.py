"""The event record: frozen dataclasses of plain values and offsets (CONTRACT §3).

Extraction produces :class:`Event` objects; they never hold spaCy tokens, so
they can be serialised, compared and hashed freely.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

__all__ = ["ActorRef", "Action", "Candidate", "Event", "stable_hash"]


def stable_hash(*parts: object, length: int = 16) -> str:
    """A short deterministic hex digest of ``parts`` (same input, same id, every run)."""
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


@dataclass(frozen=True)
class ActorRef:
    """An actor as mentioned in a sentence, resolved to a CAMEO-style code.

    ``start``/``end`` are character offsets of ``text`` in the article.
    """

    text: str
    code: str
    country: str | None
    sector: str | None
    label: str | None
    wikidata: str | None
    start: int
    end: int
    how: str = "dictionary"  # dictionary, agent, pronoun, context: how the code was found
    rule: str | None = None  # the resolution rule in detail (CONTRACT §3 optional ``rule``)

    def to_record(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "label": self.label,
            "wikidata": self.wikidata,
            "rule": self.rule or self.how,
        }


@dataclass(frozen=True)
class Action:
    """The action of an event: its words and its CAMEO code with the scheme's data."""

    text: str
    cameo: str
    root: str
    label: str
    plover: str | None
    quad_class: int
    goldstein: float | None
    start: int
    end: int

    def to_record(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "cameo": self.cameo,
            "root": self.root,
            "label": self.label,
            "plover": self.plover,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
        }


@dataclass(frozen=True)
class Event:
    """One extracted event: who did what to whom, where it was said, how sure we are."""

    doc_id: str
    sentence_id: int
    sentence: str
    lang: str
    date: str | None
    source: ActorRef
    action: Action
    target: ActorRef | None
    negated: bool = False
    mode: str | None = None
    confidence: float = 0.5
    extractor: str = "dependency"
    date_source: str | None = None  # text, article or file: where ``date`` came from
    row: str = ""  # the lexicon row that fired, e.g. "verb impose +sanction → 163"
    rules: tuple[str, ...] = ()  # the construction rules that found the actors

    @property
    def char_start(self) -> int:
        spans = [self.source, self.action] + ([self.target] if self.target else [])
        return min(s.start for s in spans)

    @property
    def char_end(self) -> int:
        spans = [self.source, self.action] + ([self.target] if self.target else [])
        return max(s.end for s in spans)

    @property
    def event_id(self) -> str:
        """Stable id of this record: same article, place and coding give the same id."""
        return stable_hash(
            self.doc_id,
            self.sentence_id,
            self.source.code,
            self.action.cameo,
            self.target.code if self.target else None,
            self.char_start,
            self.char_end,
            self.negated,
        )

    def to_record(self, *, explain: bool = False) -> dict[str, Any]:
        """The JSON-able record of CONTRACT §3 (with ``explain``: the lexicon row and the rules)."""
        record = {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence_id": self.sentence_id,
            "sentence": self.sentence,
            "lang": self.lang,
            "date": self.date,
            "date_source": self.date_source,
            "source": self.source.to_record(),
            "action": self.action.to_record(),
            "target": self.target.to_record() if self.target else None,
            "negated": self.negated,
            "mode": self.mode,
            "confidence": round(self.confidence, 2),
            "char_start": self.char_start,
            "char_end": self.char_end,
            "extractor": self.extractor,
        }
        if explain:
            record["explain"] = {"row": self.row, "rules": list(self.rules)}
        return record


@dataclass(frozen=True)
class Candidate:
    """A trigger the rules considered and what became of it (``--explain``, error analysis).

    ``sources`` and ``targets`` are ``(text, code, rule)`` triples; ``outcome`` is
    ``event`` or why no event was made (``no source``, ``no target``, ``same actor``).
    ``start`` is the trigger's character offset in the article.
    """

    sentence_id: int
    trigger: str
    row: str
    cameo: str
    sources: tuple[tuple[str, str, str], ...]
    targets: tuple[tuple[str, str, str], ...]
    rules: tuple[str, ...]
    outcome: str
    start: int = -1  # character offset of the trigger word in the article

    def describe(self) -> str:
        """One line for people: trigger, row, actors with their rules, outcome."""
        def actors(refs: tuple[tuple[str, str, str], ...]) -> str:
            return ", ".join(f"{code} «{text}» ({rule})" for text, code, rule in refs) or "-"

        rules = f" [{', '.join(self.rules)}]" if self.rules else ""
        return (f"s{self.sentence_id} «{self.trigger}» {self.row}: source {actors(self.sources)}; "
                f"target {actors(self.targets)}{rules} → {self.outcome}")
