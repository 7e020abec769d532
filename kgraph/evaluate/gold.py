"""Read gold-standard event files and prediction files.

Three gold formats are understood, all turned into the same
:class:`GoldItem` / :class:`GoldEvent` records (CONTRACT.md §4):

``jsonl``
    The project's own format, one sentence (or short passage) a line::

        {"id": "seed-03", "lang": "fr", "date": "2020-12-14", "text": "…",
         "events": [{"source": ["USA"], "target": ["TUR"], "root": ["16"]}]}

    This format is read strictly: anything unexpected raises
    :class:`~kgraph.errors.GoldFormatError` naming the file and line.
    ``id`` defaults to ``"<file name>:<line>"``; ``lang`` and ``date`` are
    optional; ``target`` may be ``[]`` (or missing / null) for no recipient;
    ``root`` is a list of CAMEO roots ``"01"``…``"20"`` (a bare string is
    accepted as a one-element list); extra keys such as ``note`` are ignored.

``plover``
    The PLOVER gold-standard-record JSON array (openeventdata/PLOVER). The
    ``DOCUMENT`` entries are documentation and are skipped. Each other record
    becomes one item with one event. ``source`` / ``target`` are lists of
    ``{"actorText", "code", …}`` objects, or ``""`` / absent. The old PLOVER
    ``event`` label is mapped to acceptable CAMEO roots with
    :data:`PLOVER_ROOTS`; records with an unknown label are skipped with a
    warning. The code quirks ``JAP`` and ``ITL`` become ``JPN`` and ``ITA``.

``petrarch``
    PETRARCH validation records (``<Sentence>`` / ``<EventCoding>`` /
    ``<Text>``), which are not well-formed XML (a ``<Sentence …/>`` tag
    self-closed and then closed again by ``</Sentence>``, free ``#`` banner
    lines, ``attr = "value"`` spacing, actor codes in single quotes…), so
    they are read with regular expressions, never with an XML parser.

Lenient rules for the third-party formats (each deviation is reported as a
warning string ``"<file>:<line>: …"`` by :func:`read_gold_with_warnings`):

* PLOVER: a record with no source actor cannot be scored (predictions with
  no source are ignored) and is skipped; a ``target`` that is a non-empty
  string instead of a list (``"diplomatic"``) means no recipient; repeated
  codes in a compound actor (``["SDN", "SDN"]``: two Sudanese parties) are
  kept, since each is a distinct actor.
* PETRARCH: source/target are the first three letters of the CAMEO actor
  code (``IGOUNO`` → ``IGO``), kept verbatim even for the unknown-country
  codes ``---`` and the discard code ``###``; a code in quotes
  (``'"INJURY TOLL"'``, an uncoded noun phrase) becomes ``---`` (unknown
  actor); an empty or absent ``targetcode`` means no recipient; the root is
  the first two digits of ``eventcode`` (roots outside 01–20 are kept but
  warned about); ``noevents="True"`` on the sentence or on an
  ``<EventCoding>`` means events ``()``; a sentence with
  ``evaluate="false"`` or ``disabled="true"`` is skipped; a sentence whose
  only codings are ``<EventCoding error="…">`` (a test of PETRARCH's own
  error handling, not of the text) is skipped, and so is a sentence with no
  ``<EventCoding>`` at all (no gold is given for it). Categories and the
  ``<Include>`` list are not used for filtering. Dates ``YYYYMMDD`` become
  ``YYYY-MM-DD``; anything else becomes ``None``. An empty ``<Text>`` is
  rebuilt from the CoNLL-U ``<Parse>`` tokens when there are any (else the
  sentence is skipped).
* Both: a repeated record id gets a ``#2``, ``#3``… suffix so that every
  item can be scored on its own.
"""
from __future__ import annotations

import datetime as _dt
import html
import json
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from kgraph.errors import GoldFormatError

__all__ = [
    "GoldEvent",
    "GoldItem",
    "GoldFormat",
    "GoldFormatError",
    "PLOVER_ROOTS",
    "PLOVER_CODE_FIXES",
    "detect_format",
    "read_gold",
    "read_gold_with_warnings",
    "read_predictions",
]

GoldFormat = Literal["jsonl", "plover", "petrarch"]

#: Acceptable CAMEO roots for each (old) PLOVER event label
#: (``../shared/benchmarks/README.md``).
PLOVER_ROOTS: Mapping[str, tuple[str, ...]] = {
    "AGREE": ("03",),
    "CONSULT": ("04",),
    "SUPPORT": ("05",),
    "COOPERATE": ("06",),
    "AID": ("07",),
    "CONCEDE": ("08",),
    "RETREAT": ("08",),
    "INVESTIGATE": ("09",),
    "DEMAND": ("10", "02"),
    "DISAPPROVE": ("11",),
    "REJECT": ("12",),
    "THREATEN": ("13",),
    "PROTEST": ("14",),
    "MOBILIZE": ("15",),
    "SANCTION": ("16",),
    "COERCE": ("17",),
    "ASSAULT": ("18",),
    "FIGHT": ("19", "18"),
}

#: Country-code quirks of the PLOVER gold records, mapped to ISO alpha-3.
PLOVER_CODE_FIXES: Mapping[str, str] = {"JAP": "JPN", "ITL": "ITA"}

_CODE_RE = re.compile(r"^[A-Z]{3}$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ROOT_RE = re.compile(r"^\d{2}$")
_UNKNOWN_ACTOR = "---"


@dataclass(frozen=True)
class GoldEvent:
    """One gold event: who did what to whom, at the CAMEO-root level.

    Attributes:
        sources: Three-letter codes of the acting parties (ISO 3166-1
            alpha-3, ``"IGO"`` or ``"NGO"``; PETRARCH files may also give
            ``"---"`` for an actor of unknown country). Never empty.
        targets: Codes of the recipients; empty when there is no recipient.
            An event with two or more sources and no target is a *joint*
            event (talks, a truce, a treaty).
        roots: Acceptable two-digit CAMEO root codes (``"01"``…``"20"``).
            Never empty.
    """

    sources: tuple[str, ...]
    targets: tuple[str, ...]
    roots: tuple[str, ...]

    def __post_init__(self) -> None:
        for name in ("sources", "targets", "roots"):
            if not isinstance(getattr(self, name), tuple):
                raise TypeError(f"GoldEvent.{name} must be a tuple")
        if not self.sources:
            raise ValueError("GoldEvent.sources must not be empty")
        if not self.roots:
            raise ValueError("GoldEvent.roots must not be empty")

    @property
    def is_joint(self) -> bool:
        """Whether this is a joint event (≥ 2 sources and no target)."""
        return len(self.sources) >= 2 and not self.targets


@dataclass(frozen=True)
class GoldItem:
    """One gold sentence or passage with the events it reports.

    Attributes:
        id: Identifier, matched against the predictions' ``doc_id``.
        text: The sentence or passage.
        lang: Language code (``"fr"``, ``"en"``) or ``None`` if unknown.
        date: ``YYYY-MM-DD`` or ``None``.
        events: The gold events; ``()`` means nothing should be extracted.
    """

    id: str
    text: str
    lang: str | None
    date: str | None
    events: tuple[GoldEvent, ...]


# --------------------------------------------------------------------------
# public entry points
# --------------------------------------------------------------------------


def detect_format(path: str | os.PathLike[str]) -> GoldFormat:
    """Tell which gold format a file holds.

    The extension decides for ``.jsonl`` and ``.xml``; otherwise the first
    non-blank character does: ``<`` PETRARCH XML, ``[`` PLOVER JSON array,
    ``{`` JSONL.

    Args:
        path: The gold file.

    Returns:
        ``"jsonl"``, ``"plover"`` or ``"petrarch"``.

    Raises:
        GoldFormatError: If the file cannot be read or its format is unknown.
    """
    name = os.fspath(path)
    return _detect(name, _read_text(name))


def read_gold(path: str | os.PathLike[str]) -> list[GoldItem]:
    """Read a gold file in any supported format.

    Args:
        path: A CONTRACT §4 JSONL file, a PLOVER gold-record JSON file or a
            PETRARCH validation XML file.

    Returns:
        The gold items, in file order.

    Raises:
        GoldFormatError: If the file cannot be read; the message names the
            file and line.
    """
    return read_gold_with_warnings(path)[0]


def read_gold_with_warnings(
    path: str | os.PathLike[str],
) -> tuple[list[GoldItem], list[str]]:
    """Read a gold file and report what was skipped or repaired.

    Args:
        path: The gold file (see :func:`read_gold`).

    Returns:
        The gold items and a list of warnings, each ``"<file>:<line>: …"``
        (records skipped for an unknown PLOVER label, missing actors,
        PETRARCH error records, renamed duplicate ids, …).

    Raises:
        GoldFormatError: If the file cannot be read; the message names the
            file and line.
    """
    name = os.fspath(path)
    text = _read_text(name)
    fmt = _detect(name, text)
    warnings: list[str] = []
    if fmt == "jsonl":
        items = _read_jsonl_gold(name, text)
    elif fmt == "plover":
        items = _dedupe_ids(name, _read_plover(name, text, warnings), warnings)
    else:
        items = _dedupe_ids(name, _read_petrarch(name, text, warnings), warnings)
    return [item for _, item in items], sorted(warnings, key=lambda w: _warning_line(name, w))


def read_predictions(path: str | os.PathLike[str]) -> dict[str, list[dict[str, Any]]]:
    """Read a JSONL file of event records (CONTRACT §3) grouped by document.

    Only the structure scoring relies on is checked: each non-blank line is a
    JSON object with a string ``doc_id``; ``source`` and ``target`` are
    objects or null; ``action`` is an object; ``negated`` is a boolean.

    Args:
        path: The ``kgraph extract --format jsonl`` output.

    Returns:
        ``doc_id`` → records of that document, in file order.

    Raises:
        GoldFormatError: On a line that is not such a record, naming the
            file and line.
    """
    name = os.fspath(path)
    text = _read_text(name)
    grouped: dict[str, list[dict[str, Any]]] = {}
    for lineno, record in _iter_jsonl(name, text):
        where = f"{name}:{lineno}"
        doc_id = record.get("doc_id")
        if not isinstance(doc_id, str) or not doc_id:
            raise GoldFormatError(f"{where}: event record has no string 'doc_id'")
        for key in ("source", "target"):
            if record.get(key) is not None and not isinstance(record[key], dict):
                raise GoldFormatError(f"{where}: '{key}' must be an object or null")
        if not isinstance(record.get("action"), dict):
            raise GoldFormatError(f"{where}: event record has no 'action' object")
        if not isinstance(record.get("negated", False), bool):
            raise GoldFormatError(f"{where}: 'negated' must be true or false")
        grouped.setdefault(doc_id, []).append(record)
    return grouped


# --------------------------------------------------------------------------
# shared helpers
# --------------------------------------------------------------------------


def _read_text(name: str) -> str:
    try:
        data = Path(name).read_bytes()
    except OSError as exc:
        raise GoldFormatError(f"{name}: cannot read file: {exc.strerror or exc}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise GoldFormatError(f"{name}:{line}: not UTF-8 text ({exc.reason})") from exc


def _detect(name: str, text: str) -> GoldFormat:
    suffix = Path(name).suffix.lower()
    if suffix == ".jsonl":
        return "jsonl"
    if suffix == ".xml":
        return "petrarch"
    first = text.lstrip()[:1]
    if first == "<":
        return "petrarch"
    if first == "[":
        return "plover"
    if first == "{":
        return "jsonl"
    if not first:
        raise GoldFormatError(f"{name}: empty file, cannot tell its gold format")
    raise GoldFormatError(
        f"{name}:1: unknown gold format (expected JSONL, PLOVER JSON or PETRARCH XML)"
    )


def _warning_line(name: str, warning: str) -> int:
    """The line number of a ``"<file>:<line>: …"`` warning (for sorting)."""
    digits = re.match(r"\d+", warning[len(name) + 1 :])
    return int(digits.group()) if digits else 0


def _line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _iter_jsonl(name: str, text: str) -> Iterator[tuple[int, dict[str, Any]]]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(
                f"{name}:{lineno}: invalid JSON: {exc.msg} (column {exc.colno})"
            ) from exc
        if not isinstance(obj, dict):
            raise GoldFormatError(
                f"{name}:{lineno}: expected a JSON object, got {type(obj).__name__}"
            )
        yield lineno, obj


def _dedupe_ids(
    name: str, items: list[tuple[int, GoldItem]], warnings: list[str]
) -> list[tuple[int, GoldItem]]:
    seen: set[str] = {item.id for _, item in items}
    counts: dict[str, int] = {}
    result: list[tuple[int, GoldItem]] = []
    for lineno, item in items:
        n = counts.get(item.id, 0) + 1
        counts[item.id] = n
        if n > 1:
            new_id = f"{item.id}#{n}"
            while new_id in seen:
                n += 1
                new_id = f"{item.id}#{n}"
            seen.add(new_id)
            warnings.append(f"{name}:{lineno}: duplicate id {item.id!r} renamed {new_id!r}")
            item = GoldItem(new_id, item.text, item.lang, item.date, item.events)
        result.append((lineno, item))
    return result


# --------------------------------------------------------------------------
# CONTRACT §4 JSONL
# --------------------------------------------------------------------------


def _read_jsonl_gold(name: str, text: str) -> list[tuple[int, GoldItem]]:
    items: list[tuple[int, GoldItem]] = []
    first_line: dict[str, int] = {}
    for lineno, obj in _iter_jsonl(name, text):
        where = f"{name}:{lineno}"
        item_id = obj.get("id", f"{Path(name).name}:{lineno}")
        if isinstance(item_id, int) and not isinstance(item_id, bool):
            item_id = str(item_id)
        if not isinstance(item_id, str) or not item_id:
            raise GoldFormatError(f"{where}: 'id' must be a non-empty string")
        if item_id in first_line:
            raise GoldFormatError(
                f"{where}: duplicate id {item_id!r} (first on line {first_line[item_id]})"
            )
        first_line[item_id] = lineno
        item_text = obj.get("text")
        if not isinstance(item_text, str) or not item_text.strip():
            raise GoldFormatError(f"{where}: 'text' must be a non-empty string")
        lang = obj.get("lang")
        if lang is not None and not isinstance(lang, str):
            raise GoldFormatError(f"{where}: 'lang' must be a string or null")
        date = obj.get("date")
        if date is not None and not (isinstance(date, str) and _valid_iso_date(date)):
            raise GoldFormatError(f"{where}: 'date' must be YYYY-MM-DD or null, got {date!r}")
        if "events" not in obj:
            raise GoldFormatError(f"{where}: missing 'events' (use [] for no event)")
        raw_events = obj["events"]
        if not isinstance(raw_events, list):
            raise GoldFormatError(f"{where}: 'events' must be a list")
        events = tuple(
            _jsonl_event(where, number, raw) for number, raw in enumerate(raw_events, start=1)
        )
        items.append((lineno, GoldItem(item_id, item_text, lang or None, date, events)))
    return items


def _valid_iso_date(value: str) -> bool:
    if not _DATE_RE.match(value):
        return False
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _jsonl_event(where: str, number: int, raw: Any) -> GoldEvent:
    here = f"{where}: event {number}"
    if not isinstance(raw, dict):
        raise GoldFormatError(f"{here}: expected an object")
    sources = _jsonl_codes(here, "source", raw.get("source"))
    if not sources:
        raise GoldFormatError(f"{here}: 'source' must list at least one code")
    targets = _jsonl_codes(here, "target", raw.get("target"))
    root = raw.get("root")
    if isinstance(root, str):
        root = [root]
    if not isinstance(root, list) or not root:
        raise GoldFormatError(f"{here}: 'root' must be a non-empty list of CAMEO roots")
    roots: list[str] = []
    for value in root:
        if not (isinstance(value, str) and _ROOT_RE.match(value) and 1 <= int(value) <= 20):
            raise GoldFormatError(f"{here}: invalid CAMEO root {value!r} (expected '01'…'20')")
        roots.append(value)
    return GoldEvent(sources, targets, tuple(roots))


def _jsonl_codes(here: str, key: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise GoldFormatError(f"{here}: '{key}' must be a list of codes")
    codes: list[str] = []
    for code in value:
        norm = code.strip().upper() if isinstance(code, str) else None
        if norm is None or not _CODE_RE.match(norm):
            raise GoldFormatError(
                f"{here}: invalid {key} code {code!r} (expected alpha-3, 'IGO' or 'NGO')"
            )
        codes.append(norm)
    return tuple(codes)


# --------------------------------------------------------------------------
# PLOVER gold-record JSON
# --------------------------------------------------------------------------


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _iter_json_array(name: str, text: str) -> Iterator[tuple[int, Any]]:
    """Yield (line, element) for each element of a top-level JSON array."""
    decoder = json.JSONDecoder()
    pos = _skip_ws(text, 0)
    if text[pos : pos + 1] != "[":
        raise GoldFormatError(f"{name}:{_line_of(text, pos)}: expected a JSON array")
    pos = _skip_ws(text, pos + 1)
    if text[pos : pos + 1] == "]":
        pos += 1
    else:
        while True:
            try:
                element, end = decoder.raw_decode(text, pos)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(
                    f"{name}:{exc.lineno}: invalid JSON: {exc.msg} (column {exc.colno})"
                ) from exc
            yield _line_of(text, pos), element
            pos = _skip_ws(text, end)
            sep = text[pos : pos + 1]
            if sep == ",":
                pos = _skip_ws(text, pos + 1)
                if text[pos : pos + 1] == "]":  # tolerate a trailing comma
                    pos += 1
                    break
                continue
            if sep == "]":
                pos += 1
                break
            raise GoldFormatError(
                f"{name}:{_line_of(text, pos)}: invalid JSON: expected ',' or ']'"
            )
    if text[pos:].strip():
        raise GoldFormatError(
            f"{name}:{_line_of(text, pos)}: invalid JSON: extra data after the array"
        )


def _read_plover(name: str, text: str, warnings: list[str]) -> list[tuple[int, GoldItem]]:
    items: list[tuple[int, GoldItem]] = []
    for lineno, record in _iter_json_array(name, text):
        where = f"{name}:{lineno}"
        if not isinstance(record, dict):
            raise GoldFormatError(f"{where}: expected a JSON object in the array")
        label = record.get("event")
        label = label.strip().upper() if isinstance(label, str) else ""
        if label == "DOCUMENT":
            continue
        record_id = record.get("id")
        if not isinstance(record_id, str) or not record_id.strip():
            raise GoldFormatError(f"{where}: PLOVER record has no string 'id'")
        record_id = record_id.strip()
        here = f"{where}: record {record_id}"
        roots = PLOVER_ROOTS.get(label)
        if roots is None:
            warnings.append(f"{here}: unknown PLOVER event {record.get('event')!r}; skipped")
            continue
        item_text = record.get("text")
        if not isinstance(item_text, str) or not item_text.strip():
            warnings.append(f"{here}: no text; skipped")
            continue
        sources = _plover_actors(here, "source", record.get("source"), warnings)
        if not sources:
            warnings.append(f"{here}: no source actor, cannot be scored; skipped")
            continue
        targets = _plover_actors(here, "target", record.get("target"), warnings)
        date = record.get("date")
        if not (isinstance(date, str) and _valid_iso_date(date)):
            if date is not None:
                warnings.append(f"{here}: invalid date {date!r}; set to None")
            date = None
        lang = record.get("language")
        lang = lang if isinstance(lang, str) and lang else "en"
        event = GoldEvent(sources, targets, roots)
        items.append((lineno, GoldItem(record_id, item_text, lang, date, (event,))))
    return items


def _plover_actors(here: str, key: str, value: Any, warnings: list[str]) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        warnings.append(f"{here}: {key} is the string {value!r}, not an actor list; no {key}")
        return ()
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        warnings.append(f"{here}: {key} is not an actor list; no {key}")
        return ()
    codes: list[str] = []
    for actor in value:
        raw = actor.get("code") if isinstance(actor, dict) else None
        code = raw.strip().upper() if isinstance(raw, str) else ""
        if code.startswith(("IGO", "NGO")):
            code = code[:3]
        code = PLOVER_CODE_FIXES.get(code, code)
        if not _CODE_RE.match(code):
            warnings.append(f"{here}: {key} actor with invalid code {raw!r} ignored")
            continue
        codes.append(code)
    return tuple(codes)


# --------------------------------------------------------------------------
# PETRARCH validation "XML"
# --------------------------------------------------------------------------

_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
_SENTENCE_RE = re.compile(r"<Sentence(?=[\s/>])([^>]*)>")
_END_RE = re.compile(r"</Sentences\s*>")
_CODING_RE = re.compile(r"<EventCoding(?=[\s/>])([^>]*)>")
_TEXT_RE = re.compile(r"<Text\s*>(.*?)</Text\s*>", re.DOTALL)
_PARSE_RE = re.compile(r"<Parse\s*>(.*?)</Parse\s*>", re.DOTALL)
_ATTR_RE = re.compile(r"([A-Za-z_][\w.-]*)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


def _attributes(tag_body: str) -> dict[str, str]:
    return {
        m.group(1).lower(): html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
        for m in _ATTR_RE.finditer(tag_body)
    }


def _true(value: str | None) -> bool:
    return value is not None and value.strip().lower() in {"true", "yes", "1"}


def _false(value: str | None) -> bool:
    return value is not None and value.strip().lower() in {"false", "no", "0"}


def _strip_comments(name: str, text: str) -> str:
    """Blank out ``<!-- … -->`` comments, keeping line numbers."""
    stripped = _COMMENT_RE.sub(lambda m: "\n" * m.group().count("\n"), text)
    dangling = stripped.find("<!--")
    if dangling >= 0:
        raise GoldFormatError(f"{name}:{_line_of(stripped, dangling)}: unterminated comment")
    return stripped


def _read_petrarch(name: str, text: str, warnings: list[str]) -> list[tuple[int, GoldItem]]:
    text = _strip_comments(name, text)
    starts = list(_SENTENCE_RE.finditer(text))
    if not starts and "<Sentences" not in text:
        raise GoldFormatError(f"{name}:1: no <Sentence> record found (not PETRARCH XML?)")
    items: list[tuple[int, GoldItem]] = []
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        closing = _END_RE.search(text, match.end(), end)
        body = text[match.end() : closing.start() if closing else end]
        item = _petrarch_record(name, text, match, body, warnings)
        if item is not None:
            items.append((_line_of(text, match.start()), item))
    return items


def _petrarch_record(
    name: str, text: str, match: re.Match[str], body: str, warnings: list[str]
) -> GoldItem | None:
    lineno = _line_of(text, match.start())
    where = f"{name}:{lineno}"
    attrs = _attributes(match.group(1))
    record_id = attrs.get("id", "").strip()
    if not record_id:
        raise GoldFormatError(f"{where}: <Sentence> without an id")
    here = f"{where}: record {record_id}"
    if _false(attrs.get("evaluate")) or _true(attrs.get("disabled")):
        warnings.append(f"{here}: marked as not to be evaluated; skipped")
        return None
    text_match = _TEXT_RE.search(body)
    item_text = " ".join(html.unescape(text_match.group(1)).split()) if text_match else ""
    if not item_text:
        item_text = _text_from_conllu(body)
        if not item_text:
            warnings.append(f"{here}: no text; skipped")
            return None
        warnings.append(f"{here}: empty <Text>; text rebuilt from the <Parse> tokens")
    date = _petrarch_date(attrs.get("date"))
    if date is None and attrs.get("date"):
        warnings.append(f"{here}: unrecognised date {attrs['date']!r}; set to None")

    no_events = _true(attrs.get("noevents"))
    errors: list[str] = []
    events: list[GoldEvent] = []
    coding_base = match.end()
    for coding in _CODING_RE.finditer(body):
        cline = _line_of(text, coding_base + coding.start())
        cwhere = f"{name}:{cline}: record {record_id}"
        cattrs = _attributes(coding.group(1))
        if _true(cattrs.get("noevents")):
            no_events = True
            continue
        if "error" in cattrs:
            errors.append(cattrs["error"])
            continue
        event = _petrarch_event(cwhere, cattrs, warnings)
        if event is not None:
            events.append(event)
    if no_events:
        if events:
            warnings.append(f"{here}: noevents=\"True\" with event codings; codings ignored")
        events = []
    elif not events:
        if errors:
            warnings.append(
                f"{here}: only error codings ({', '.join(errors)}), no gold events; skipped"
            )
        else:
            warnings.append(f"{here}: no <EventCoding>, no gold given; skipped")
        return None
    return GoldItem(record_id, item_text, "en", date, tuple(events))


def _text_from_conllu(body: str) -> str:
    """Rebuild a sentence from the CoNLL-U lines of a ``<Parse>`` block."""
    parse = _PARSE_RE.search(body)
    if parse is None:
        return ""
    pieces: list[str] = []
    for line in parse.group(1).splitlines():
        cols = line.split("\t")
        if len(cols) < 10 or not cols[0].strip().isdigit():
            continue  # not a CoNLL-U word line (a tree in brackets, a range…)
        pieces.append(cols[1])
        if "SpaceAfter=No" not in cols[9]:
            pieces.append(" ")
    return " ".join(html.unescape("".join(pieces)).split())


def _petrarch_date(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d{8}", value):
        value = f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return value if _valid_iso_date(value) else None


def _petrarch_event(
    where: str, attrs: Mapping[str, str], warnings: list[str]
) -> GoldEvent | None:
    eventcode = attrs.get("eventcode", "").strip()
    if not re.match(r"^\d{2}", eventcode):
        warnings.append(f"{where}: <EventCoding> with invalid eventcode {eventcode!r} ignored")
        return None
    root = eventcode[:2]
    if not 1 <= int(root) <= 20:
        warnings.append(
            f"{where}: eventcode {eventcode!r} is not a CAMEO code (root {root}); kept"
        )
    source = _petrarch_actor(where, "sourcecode", attrs.get("sourcecode", ""), warnings)
    if source is None:
        warnings.append(f"{where}: <EventCoding> without sourcecode ignored")
        return None
    target = _petrarch_actor(where, "targetcode", attrs.get("targetcode", ""), warnings)
    return GoldEvent((source,), (target,) if target else (), (root,))


def _petrarch_actor(where: str, key: str, value: str, warnings: list[str]) -> str | None:
    code = value.strip()
    if not code:
        return None
    if code.startswith('"'):
        warnings.append(f"{where}: {key} {code} is an uncoded phrase; read as {_UNKNOWN_ACTOR!r}")
        return _UNKNOWN_ACTOR
    return code.upper()[:3]
