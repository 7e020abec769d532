"""Reading articles from files, directories, JSONL and stdin (CONTRACT §2).

:func:`read_inputs` yields :class:`Article` for every readable article and
:class:`Skipped` for every bad item (binary file, wrong encoding, broken JSON
line, empty text), so that one bad file never stops the others.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .text import split_front_matter

__all__ = ["Article", "Skipped", "json_lines", "read_inputs", "parse_date"]

#: File endings read from directories.
INPUT_SUFFIXES = (".txt", ".jsonl", ".json")


@dataclass(frozen=True)
class Article:
    """One news article to extract events from.

    Attributes:
        doc_id: the article's ``id``, else the file name (with ``:LINE`` for JSONL lines).
        text: the article text (front matter removed).
        lang: ``fr``/``en`` when known, else ``None`` (detected later).
        date: ISO date of the article, or ``None``.
        url: source address, when known.
        title: headline, when known.
        origin: where it came from, ``file`` or ``file:line``, for messages.
        date_source: where ``date`` came from: ``article`` (the article's own date or
            ``--date``), ``file`` (the file's modification date, or the time stdin was read).
    """

    doc_id: str
    text: str
    lang: str | None = None
    date: str | None = None
    url: str | None = None
    title: str | None = None
    origin: str = ""
    date_source: str | None = None


@dataclass(frozen=True)
class Skipped:
    """An input item that could not be read, with the reason."""

    origin: str
    reason: str

    def message(self) -> str:
        """One line for stderr: ``origin: reason``."""
        return f"{self.origin}: {self.reason}"


Item = Article | Skipped


def parse_date(value: object) -> str | None:
    """Return ``value`` as ``YYYY-MM-DD`` or raise ``ValueError``."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise ValueError(f"invalid date {text!r} (expected YYYY-MM-DD)") from None


def read_inputs(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    date: str | None = None,
    lang: str | None = None,
    stdin: IO[bytes] | None = None,
) -> Iterator[Item]:
    """Yield every article (or skipped item) found in ``inputs``.

    Args:
        inputs: paths to ``.txt``/``.jsonl``/``.json`` files or directories; ``-`` is stdin.
        date: article date to use when an article carries none (``--date``).
        lang: force this language for every article (``--lang``), else per-article.
        stdin: byte stream to read for ``-`` (defaults to ``sys.stdin.buffer``).
    """
    for item in inputs:
        name = os.fspath(item)
        if name == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_stream(stream.read(), "<stdin>", date=date, lang=lang)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES
            )
            for file in files:
                yield from _read_file(file, file.relative_to(path).as_posix(), date=date, lang=lang)
        elif path.is_file():
            yield from _read_file(path, path.name, date=date, lang=lang)
        else:
            yield Skipped(name, "no such file or directory")


def _read_file(path: Path, doc_name: str, *, date: str | None, lang: str | None) -> Iterator[Item]:
    origin = str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        yield Skipped(origin, f"cannot read: {err.strerror or err}")
        return
    suffix = path.suffix.lower()
    dates = _Dates(date, dt.date.fromtimestamp(path.stat().st_mtime).isoformat())
    if suffix == ".jsonl":
        yield from _read_jsonl(data, origin, doc_name, dates=dates, lang=lang)
    elif suffix == ".json":
        yield from _read_json(data, origin, doc_name, dates=dates, lang=lang)
    else:
        yield from _read_text(data, origin, doc_name, dates=dates, lang=lang)


@dataclass(frozen=True)
class _Dates:
    """The fallback dates of one input: ``--date``, else the file's own date."""

    given: str | None
    file: str | None

    def pick(self, own: str | None) -> tuple[str | None, str | None]:
        """``(date, date_source)`` for an article whose own date is ``own``."""
        if own:
            return own, "article"
        if self.given:
            return self.given, "article"
        if self.file:
            return self.file, "file"
        return None, None


_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _looks_utf16(data: bytes) -> bool:
    """Text in UTF-16 without a byte-order mark: NUL bytes at every other position."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    return any(half.count(0) >= 0.9 * len(half) and other.count(0) < 0.1 * len(other)
               for half, other in ((even, odd), (odd, even)))


def _decode(data: bytes, origin: str) -> str | Skipped:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as err:
                return Skipped(origin, f"not valid {codec.upper()} at byte {err.start}; re-save the file as UTF-8")
    if b"\x00" in data[:8192]:
        if _looks_utf16(data):
            return Skipped(origin, "UTF-16 without BOM is not supported; re-save the file as UTF-8 (or UTF-16 with a BOM)")
        return Skipped(origin, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return Skipped(
            origin,
            f"line {line}: not UTF-8 (byte 0x{data[err.start]:02x}); re-save the file as UTF-8",
        )


def _read_stream(data: bytes, origin: str, *, date: str | None, lang: str | None) -> Iterator[Item]:
    text = _decode(data, origin)
    if isinstance(text, Skipped):
        yield text
        return
    lines = [line for line in text.splitlines() if line.strip()]
    dates = _Dates(date, dt.date.today().isoformat())
    if lines and all(line.lstrip().startswith("{") for line in lines):
        yield from _read_jsonl(data, origin, "stdin", dates=dates, lang=lang)
    else:
        yield from _read_text(data, origin, "stdin", dates=dates, lang=lang)


def _read_text(data: bytes, origin: str, doc_id: str, *, dates: _Dates, lang: str | None) -> Iterator[Item]:
    text = _decode(data, origin)
    if isinstance(text, Skipped):
        yield text
        return
    fields, body = split_front_matter(text)
    if not body.strip():
        yield Skipped(origin, "empty text")
        return
    try:
        own_date = parse_date(fields.get("date"))
    except ValueError as err:
        yield Skipped(origin, f"front matter: {err}")
        return
    article_lang = lang or _lang_field(fields.get("lang"))
    article_date, date_source = dates.pick(own_date)
    yield Article(
        doc_id=fields.get("id") or doc_id,
        text=body,
        lang=article_lang,
        date=article_date,
        url=fields.get("url"),
        title=fields.get("title"),
        origin=origin,
        date_source=date_source,
    )


def _read_json(data: bytes, origin: str, doc_name: str, *, dates: _Dates, lang: str | None) -> Iterator[Item]:
    text = _decode(data, origin)
    if isinstance(text, Skipped):
        yield text
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        yield Skipped(f"{origin}:{err.lineno}", f"invalid JSON: {err.msg}")
        return
    records = value if isinstance(value, list) else [value]
    for index, record in enumerate(records, 1):
        yield _article_from_record(record, f"{origin}[{index}]", f"{doc_name}:{index}", dates=dates, lang=lang)


def json_lines(data: bytes, origin: str) -> Iterator[tuple[str, int, object] | Skipped]:
    """The JSON values of a JSONL file's lines, ``(origin:line, line number, value)``, and a
    :class:`Skipped` for an undecodable file or a line that is not JSON (blank lines are passed over)."""
    text = _decode(data, origin)
    if isinstance(text, Skipped):
        yield text
        return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            yield where, number, json.loads(line)
        except json.JSONDecodeError as err:
            yield Skipped(where, f"invalid JSON: {err.msg} (column {err.colno})")


def _read_jsonl(data: bytes, origin: str, doc_name: str, *, dates: _Dates, lang: str | None) -> Iterator[Item]:
    for item in json_lines(data, origin):
        if isinstance(item, Skipped):
            yield item
            continue
        where, number, record = item
        yield _article_from_record(record, where, f"{doc_name}:{number}", dates=dates, lang=lang)


def _article_from_record(record: object, where: str, fallback_id: str, *, dates: _Dates, lang: str | None) -> Item:
    if not isinstance(record, dict):
        return Skipped(where, "expected a JSON object with a \"text\" field")
    text = record.get("text")
    if text is None:
        return Skipped(where, "missing \"text\"")
    if not isinstance(text, str):
        return Skipped(where, f"\"text\" must be a string, not {_json_type(text)}")
    if not text.strip():
        return Skipped(where, "empty \"text\"")
    doc_id = record.get("id")
    if doc_id is not None and (isinstance(doc_id, bool) or not isinstance(doc_id, (str, int, float))):
        return Skipped(where, f"\"id\" must be a string or number, not {_json_type(doc_id)}")
    date_value = record.get("date")
    if date_value is not None and not isinstance(date_value, str):
        return Skipped(where, f"\"date\" must be a string YYYY-MM-DD, not {_json_type(date_value)}")
    try:
        own_date = parse_date(date_value)
    except ValueError as err:
        return Skipped(where, str(err))
    given_lang = record.get("lang")
    if given_lang is not None and not isinstance(given_lang, str):
        return Skipped(where, f"\"lang\" must be a string, not {_json_type(given_lang)}")
    article_date, date_source = dates.pick(own_date)
    return Article(
        doc_id=_clean(str(doc_id)) if doc_id not in (None, "") else fallback_id,
        text=_clean(text),
        lang=lang or _lang_field(given_lang),
        date=article_date,
        url=record.get("url") if isinstance(record.get("url"), str) else None,
        title=record.get("title") if isinstance(record.get("title"), str) else None,
        origin=where,
        date_source=date_source,
    )


_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(text: str) -> str:
    """Replace lone surrogates (valid in JSON, not in UTF-8) by U+FFFD, one for one."""
    return _SURROGATE.sub("\ufffd", text)


def _json_type(value: object) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object", str: "a string"}
    return names.get(type(value), type(value).__name__)


def _lang_field(value: object) -> str | None:
    """The language code given with an article (``fr``, ``en-GB`` → ``en``, ``de``), lower-cased.

    Unsupported languages are kept, so that they can be reported and skipped.
    """
    if isinstance(value, str) and value.strip():
        code = value.strip().lower().replace("_", "-").split("-")[0]
        return code or None
    return None
