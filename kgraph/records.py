"""Event-record JSONL (CONTRACT §3) back into events: extract once, build many.

``kgraph extract`` writes one event record a line; ``kgraph build`` recognises
such a file by its fields (every record has ``event_id`` and ``action``) and
builds from it without parsing any text, so extraction and graph building can
run apart, and a graph can be rebuilt from records alone.

Records carry the article's own facts (date, URL, title, language) in an
optional ``article`` object (:func:`record_of` writes it), so a graph built
from records is the graph built from the articles, apart from the PROV
activity of the run (the models are not known from records). Records without
it still build: the article date is then taken from an event whose date came
from the article.

Bad lines are reported like bad articles (:class:`kgraph.reader.Skipped`,
``file:line: reason``) and the other records are still built.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .cameo import cameo_code
from .extract.pipeline import ExtractionResult
from .model import Action, ActorRef, Event
from .reader import Article, Skipped, json_lines, parse_date

__all__ = ["RECORD_FIELDS", "event_from_record", "is_record", "is_record_file", "read_records", "record_of"]

#: The fields that tell an event record from an article (which has ``text``).
RECORD_FIELDS = ("event_id", "action")
_SUFFIXES = (".jsonl", ".ndjson")


def is_record(value: object) -> bool:
    """Whether a parsed JSON line is an event record (it has every field of :data:`RECORD_FIELDS`)."""
    return isinstance(value, dict) and all(key in value for key in RECORD_FIELDS)


def is_record_file(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a JSONL file whose first non-blank line is an event record."""
    path = Path(path)
    if path.suffix.lower() not in _SUFFIXES or not path.is_file():
        return False
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.strip():
                    try:
                        return is_record(json.loads(line))
                    except json.JSONDecodeError:
                        return False
    except OSError:
        return False
    return False


def record_of(event: Event, article: Article, lang: str, *, explain: bool = False) -> dict[str, Any]:
    """The record ``kgraph extract`` writes: the event's, with its article's own facts under ``article``."""
    record = event.to_record(explain=explain)
    record["article"] = {"date": article.date, "url": article.url, "title": article.title, "lang": lang}
    return record


def _actor(value: object, where: str, key: str, start: int, end: int) -> ActorRef:
    if not isinstance(value, dict) or not isinstance(value.get("code"), str) or not value["code"]:
        raise ValueError(f"'{key}' must be an object with a string 'code'")
    text = value.get("text")
    return ActorRef(
        text=text if isinstance(text, str) else "", code=value["code"], country=value.get("country"),
        sector=value.get("sector"), label=value.get("label"), wikidata=value.get("wikidata"),
        start=start, end=end, how=value.get("rule") or "dictionary",
    )


def event_from_record(record: dict[str, Any], where: str = "") -> Event:
    """The :class:`~kgraph.model.Event` a record was written from (spans collapse to the record's offsets).

    Raises:
        ValueError: a required field is missing or has the wrong type (the message names it).
    """
    for key, kind in (("doc_id", str), ("sentence_id", int), ("char_start", int), ("char_end", int)):
        if not isinstance(record.get(key), kind) or isinstance(record.get(key), bool):
            raise ValueError(f"'{key}' must be {'a string' if kind is str else 'an integer'}")
    start, end = record["char_start"], record["char_end"]
    action = record.get("action")
    if not isinstance(action, dict) or not isinstance(action.get("cameo"), str):
        raise ValueError("'action' must be an object with a string 'cameo'")
    try:
        code = cameo_code(action["cameo"])
    except (KeyError, ValueError):
        raise ValueError(f"unknown CAMEO code {action['cameo']!r}") from None
    date = parse_date(record.get("date"))
    confidence = record.get("confidence", 0.5)
    if not isinstance(confidence, (int, float)) or isinstance(confidence, bool):
        raise ValueError("'confidence' must be a number")
    return Event(
        doc_id=record["doc_id"],
        sentence_id=record["sentence_id"],
        sentence=str(record.get("sentence") or ""),
        lang=str(record.get("lang") or ""),
        date=date,
        source=_actor(record.get("source"), where, "source", start, end),
        action=Action(str(action.get("text") or ""), code.code, code.root, code.label, code.plover,
                      code.quad_class, code.goldstein, start, end),
        target=_actor(record["target"], where, "target", start, end) if record.get("target") is not None else None,
        negated=bool(record.get("negated", False)),
        mode=record.get("mode") or None,
        confidence=float(confidence),
        extractor=str(record.get("extractor") or "dependency"),
        date_source=record.get("date_source"),
    )


def _article(doc_id: str, records: list[dict[str, Any]]) -> tuple[Article, str]:
    given = next((r["article"] for r in records if isinstance(r.get("article"), dict)), None)
    lang = next((str(r["lang"]) for r in records if r.get("lang")), "")
    if given is not None:
        text = lambda key: given.get(key) if isinstance(given.get(key), str) else None  # noqa: E731
        return Article(doc_id=doc_id, text="", lang=text("lang") or lang, date=parse_date(text("date")),
                       url=text("url"), title=text("title")), text("lang") or lang
    # No article facts: an event dated from the article (or its file) tells the article's date.
    date = next((r.get("date") for r in records if r.get("date_source") in ("article", "file")), None)
    return Article(doc_id=doc_id, text="", lang=lang, date=parse_date(date)), lang


def read_records(paths: Iterable[str | os.PathLike[str]]) -> Iterator[ExtractionResult | Skipped]:
    """One :class:`ExtractionResult` per article in the record files, and a :class:`Skipped` per bad line.

    Records are grouped by ``doc_id`` in the order articles first appear.
    """
    grouped: dict[str, list[tuple[dict[str, Any], Event]]] = {}
    for path in paths:
        origin = os.fspath(path)
        try:
            data = Path(path).read_bytes()
        except OSError as err:
            yield Skipped(origin, f"cannot read: {err.strerror or err}")
            continue
        for item in json_lines(data, origin):  # the readers' own decoding and line errors
            if isinstance(item, Skipped):
                yield item
                continue
            where, _, record = item
            if not is_record(record):
                yield Skipped(where, "not an event record (needs " + " and ".join(f'"{k}"' for k in RECORD_FIELDS) + ")")
                continue
            try:
                event = event_from_record(record, where)
            except ValueError as err:
                yield Skipped(where, str(err))
                continue
            grouped.setdefault(event.doc_id, []).append((record, event))
    for doc_id, pairs in grouped.items():
        article, lang = _article(doc_id, [record for record, _ in pairs])
        yield ExtractionResult(article, lang, [event for _, event in pairs])
