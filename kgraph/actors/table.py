"""kgraph's own actor-table format, and the conversion of PETRARCH records into it.

An actor table is a tab-separated file with ``#`` header lines (provenance and
licence) and the columns::

    code  kind  label  variants  periods  wikidata  note

- ``code``: the default actor code (``TUR``, ``IGOUNO``, ``TURELI``), empty if
  the actor has only dated codes;
- ``kind``: ``person``, ``organization``, ``group`` (armed groups, parties:
  a country + sector code), ``place`` (a name, city or region standing for a
  country) or ``country``;
- ``variants``: ``|``-separated phrases; a trailing ``*`` makes the last word
  a stem ("Argentin*" matches "Argentina"); a short all-capital word is an
  acronym and matches in that case only;
- ``periods``: ``;``-separated dated codes, ``CODE START/END`` with ISO dates,
  either side may be empty (``TURGOV 2003-03-14/``); ``---`` is the null code
  (no actor in that period);
- ``note``: where the row comes from.

The same format serves the tables converted from the Phoenix dictionaries and
the hand-curated office holders.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError
from .petrarch import ActorRecord, Period, Phrase, is_petrarch_file, parse_actors

__all__ = [
    "COLUMNS",
    "ActorRow",
    "actor_rows",
    "format_periods",
    "parse_periods",
    "read_actor_file",
    "read_actor_table",
    "write_actor_table",
]

COLUMNS = ("code", "kind", "label", "variants", "periods", "wikidata", "note")
KINDS = frozenset({"person", "organization", "group", "place", "country"})
_PERIOD = re.compile(r"^(\S+) +(\d{4}-\d{2}-\d{2})?/(\d{4}-\d{2}-\d{2})?$")
#: Code prefixes of actors that belong to no state.
NON_STATE = ("IGO", "NGO", "NGM", "IMG", "MNC", "INT")


@dataclass(frozen=True)
class ActorRow:
    """One row of an actor table."""

    code: str | None
    kind: str
    label: str
    variants: tuple[str, ...]
    periods: tuple[Period, ...] = ()
    wikidata: str | None = None
    note: str = ""

    def cells(self) -> list[str]:
        return [self.code or "", self.kind, self.label, "|".join(self.variants), format_periods(self.periods),
                self.wikidata or "", self.note]


def format_periods(periods: Iterable[Period]) -> str:
    """``TURGOV 2002-11-18/2003-03-14; TURGOV 2003-03-14/``."""
    return "; ".join(f"{p.code or '---'} {p.start or ''}/{p.end or ''}" for p in periods)


def parse_periods(cell: str, *, where: str = "") -> tuple[Period, ...]:
    """The periods of a ``periods`` cell (see :func:`format_periods`)."""
    if not cell:
        return ()
    periods = []
    for part in cell.split(";"):
        part = part.strip()
        if not part:
            continue
        found = _PERIOD.match(part)
        if found is None or not (found.group(2) or found.group(3)):
            raise DataError(f"{where}bad period {part!r} (want CODE YYYY-MM-DD/YYYY-MM-DD, one side may be empty)")
        code, start, end = found.groups()
        if start and end and end < start:
            raise DataError(f"{where}period ends before it starts: {part!r}")
        periods.append(Period(None if code == "---" else code.upper(), start, end))
    return tuple(periods)


def read_actor_table(path: str | Path, *, text: str | None = None) -> list[ActorRow]:
    """Rows of a kgraph actor table.

    Raises:
        DataError: a malformed row, as ``FILE:LINE: message``.
    """
    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as err:
            raise DataError(f"{path}: cannot read ({err.strerror or err})") from err
    rows: list[ActorRow] = []
    header: list[str] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        where = f"{path}:{number}: "
        if header is None:
            header = cells
            missing = [c for c in COLUMNS[:4] if c not in header]
            if missing:
                raise DataError(f"{where}header lacks {', '.join(missing)} (want {' '.join(COLUMNS)})")
            continue
        if len(cells) > len(header):
            raise DataError(f"{where}{len(cells)} cells, header has {len(header)}")
        row = dict(zip(header, cells))
        row.update((k, "") for k in header[len(cells):])
        kind = row["kind"].strip()
        if kind not in KINDS:
            raise DataError(f"{where}unknown kind {kind!r} (want one of {', '.join(sorted(KINDS))})")
        variants = tuple(v for v in (v.strip() for v in row["variants"].split("|")) if v)
        periods = parse_periods(row.get("periods", "").strip(), where=where)
        code = row["code"].strip().upper() or None
        if not variants:
            raise DataError(f"{where}no variants")
        if code is None and not periods:
            raise DataError(f"{where}no code and no dated code")
        rows.append(ActorRow(code, kind, row["label"].strip() or variants[0], variants, periods,
                             row.get("wikidata", "").strip() or None, row.get("note", "").strip()))
    return rows


def write_actor_table(rows: Iterable[ActorRow], path: str | Path, *, header: str) -> int:
    """Write ``rows`` under the ``#`` comment ``header`` (provenance, licence); returns the row count."""
    path = Path(path)
    count = 0
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        for line in header.strip("\n").splitlines():
            out.write(f"# {line}".rstrip() + "\n")
        out.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            out.write("\t".join(row.cells()) + "\n")
            count += 1
    tmp.replace(path)
    return count


def display(phrase: Phrase, *, acronyms: bool) -> str:
    """A PETRARCH phrase in reading case: ``RECEP_TAYYIP_ERDOGAN_`` → ``Recep Tayyip Erdogan``.

    With ``acronyms`` (organisations), a one-word phrase of at most four letters stays in
    capitals (``UN``, ``IAEA``) and so matches in that case only.
    """
    words = []
    for word in phrase.words:
        if "." in word or (acronyms and len(phrase.words) == 1 and len(word) <= 4 and word.isalpha()):
            words.append(word.upper())
        else:
            words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(words) + ("*" if phrase.stem else "")


def _kind(record: ActorRecord) -> str:
    dated = [p.code for p in record.periods if p.dated and p.code]
    if dated and all(c.startswith("IMG") or c[3:6] in ("REB", "INS") for c in dated):
        return "group"  # "THE_ISLAMIC_STATE [IMGMUSISI >130408]": an armed group with a founding date
    if dated:
        return "person"
    code = record.default or ""
    if code.startswith(("IGO", "NGO", "NGM", "MNC")):
        return "organization"
    if len(code) == 3:
        return "place"
    return "group"


def actor_rows(records: Iterable[ActorRecord], *, source: str, skip: Callable[[ActorRecord], bool] | None = None) -> Iterator[ActorRow]:
    """kgraph rows for PETRARCH actor records (records without any code are dropped)."""
    for record in records:
        dated = tuple(p for p in record.periods if p.dated)
        if record.default is None and not any(p.code for p in dated):
            continue  # "BOROMIR [---]": explicitly no actor
        if skip is not None and skip(record):
            continue
        kind = _kind(record)
        phrases = [part for phrase in record.phrases for part in _unbracket(phrase)]
        variants = tuple(dict.fromkeys(display(p, acronyms=kind in ("organization", "group")) for p in phrases))
        if not variants:
            continue
        yield ActorRow(record.default, kind, variants[0].rstrip("*"), variants, dated, None, f"{source}:{record.line}")


def _unbracket(phrase: Phrase) -> list[Phrase]:
    """``LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)`` → the name without the bracket, and ``LTTE``."""
    inner = [w.strip("()") for w in phrase.words if w.startswith("(") or w.endswith(")")]
    if not inner:
        return [phrase]
    outer = tuple(w for w in phrase.words if not (w.startswith("(") or w.endswith(")")))
    parts = [Phrase(outer, phrase.stem)] if outer else []
    return parts + [Phrase((w,), False) for w in inner if w.isalpha() and len(w) >= 2]


def read_actor_file(path: str | Path, *, warn: Callable[[DataError], None] | None = None) -> list[ActorRow]:
    """Rows of an actor file in either format: a PETRARCH ``.actors`` dictionary or a kgraph table."""
    if is_petrarch_file(path):
        return list(actor_rows(parse_actors(path, warn=warn), source=Path(path).name))
    return read_actor_table(path)
