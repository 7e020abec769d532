"""Readers for PETRARCH/TABARI actor and agent dictionaries.

The formats are described in PETRARCH's ``dictionaries.rst`` (MIT,
openeventdata/petrarch2). An **actor** record is a primary phrase, optional
synonyms on ``+`` lines, and codes, possibly dated, on the same line or on
indented lines::

    RECEP_TAYYIP_ERDOGAN_  # CountryInfo.txt
    +ERDOGAN_
        [TURELI 720101-021118]
        [TURGOV >030314]
        [TURELI]

An **agent** record is a role phrase, optional plurals in ``{…}`` and a code
with a ``~`` saying on which side of the actor code it goes::

    !MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES
    FOREIGN_MINISTER [~GOVFRM]
    HUMAN_RIGHTS_ACTIVISTS [NGM~]

Comments run from ``#`` or ``;`` to the end of a line; ``<!-- … -->`` blocks
(the validation files use them) are skipped. A phrase ending in ``_`` must
match whole words; without it its last word is a stem ("ARGENTIN" matches
"Argentina" and "Argentine"). Malformed lines raise
:class:`kgraph.errors.DataError` naming the file and line.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError

__all__ = [
    "AgentRecord",
    "ActorRecord",
    "Period",
    "Phrase",
    "is_petrarch_file",
    "parse_actors",
    "parse_agents",
    "parse_date",
]

_CODES = re.compile(r"\[([^\[\]]*)\]")
_SUBSTITUTION = re.compile(r"^!(\w+)!\s*=\s*(.+)$")
_DATE = re.compile(r"^(\d{6}|\d{8})$")
# Two-digit years below this are 20yy, others 19yy (the Phoenix data ends in 2014).
_PIVOT = 30


@dataclass(frozen=True)
class Period:
    """A code valid from ``start`` to ``end`` (ISO dates, both inclusive, ``None`` = open)."""

    code: str | None  # None: the null code "---" (no actor in that period)
    start: str | None = None
    end: str | None = None

    def covers(self, date: str) -> bool:
        """Whether the ISO ``date`` falls inside this period."""
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True)
class Phrase:
    """A dictionary phrase: its words (as written) and whether the last word is a stem."""

    words: tuple[str, ...]
    stem: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class ActorRecord:
    """One actor record: its phrases and codes, with the line it starts on."""

    phrases: tuple[Phrase, ...]
    periods: tuple[Period, ...]
    line: int

    @property
    def default(self) -> str | None:
        """The code used when no dated period applies (the last undated one)."""
        for period in reversed(self.periods):
            if not period.dated:
                return period.code
        return None


@dataclass(frozen=True)
class AgentRecord:
    """One agent phrase (a role noun) and its code.

    ``prefix`` is true for codes written ``NGO~``: the agent code goes before the
    actor code (organisations) instead of after it (``~GOV`` → ``TURGOV``).
    """

    phrase: Phrase
    code: str
    prefix: bool
    line: int


def parse_date(text: str, *, where: str = "") -> str:
    """``YYMMDD`` or ``YYYYMMDD`` as an ISO date (two-digit years below 30 are 20yy)."""
    text = text.strip()
    if not _DATE.match(text):
        raise DataError(f"{where}bad date {text!r} (want YYMMDD or YYYYMMDD)")
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year < _PIVOT else 1900 + year}{text[2:]}"
    month, day = int(text[4:6]), int(text[6:8])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise DataError(f"{where}bad date {text!r}")
    return f"{text[:4]}-{text[4:6]}-{text[6:8]}"


def _period(cell: str, where: str) -> Period:
    """``CODE``, ``CODE <date``, ``CODE >date`` or ``CODE date-date``."""
    parts = cell.split(None, 1)
    if not parts:
        raise DataError(f"{where}empty code []")
    code = parts[0].upper()
    value = None if code in ("---", "###") else code
    if len(parts) == 1:
        return Period(value)
    restriction = parts[1].replace(" ", "")
    if restriction.startswith("<"):
        return Period(value, None, parse_date(restriction[1:], where=where))
    if restriction.startswith(">"):
        return Period(value, parse_date(restriction[1:], where=where), None)
    if "-" in restriction:
        start, _, end = restriction.partition("-")
        first, last = parse_date(start, where=where), parse_date(end, where=where)
        if last < first:
            raise DataError(f"{where}period ends before it starts: [{cell}]")
        return Period(value, first, last)
    raise DataError(f"{where}bad date restriction {parts[1]!r} in [{cell}] (want <date, >date or date-date)")


def _phrase(text: str, where: str) -> Phrase:
    text = text.strip()
    if not text:
        raise DataError(f"{where}empty phrase")
    stem = not text.endswith("_")
    words = tuple(w for w in re.split(r"[_\s]+", text) if w)
    if not words:
        raise DataError(f"{where}empty phrase")
    return Phrase(words, stem)


def _lines(path: Path) -> Iterator[tuple[int, str, str]]:
    """(line number, raw line, content without comments) of ``path``, skipping ``<!-- -->`` blocks."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        raise DataError(f"{path}: cannot read ({err.strerror or err})") from err
    in_comment = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_comment:
            if "-->" not in line:
                continue
            line = line.split("-->", 1)[1]
            in_comment = False
        while "<!--" in line:
            before, _, after = line.partition("<!--")
            if "-->" in after:
                line = before + after.split("-->", 1)[1]
            else:
                line, in_comment = before, True
        content = re.split(r"[#;]", line, maxsplit=1)[0]
        if content.strip():
            yield number, raw, content.rstrip()


def _split_codes(content: str, where: str) -> tuple[str, list[str]]:
    """The text outside brackets and the bracket contents of a line."""
    if content.count("[") != content.count("]"):
        raise DataError(f"{where}unbalanced brackets")
    return _CODES.sub(" ", content), _CODES.findall(content)


def parse_actors(path: str | Path, *, warn: Callable[[DataError], None] | None = None) -> list[ActorRecord]:
    """Actor records of a PETRARCH/TABARI ``.actors`` file.

    Args:
        path: the dictionary file.
        warn: if given, malformed lines are passed to it and skipped instead of raised.

    Raises:
        DataError: a malformed line, as ``FILE:LINE: message`` (without ``warn``).
    """
    path = Path(path)
    records: list[ActorRecord] = []
    phrases: list[Phrase] = []
    periods: list[Period] = []
    start = 0

    def close() -> None:
        if phrases:
            records.append(ActorRecord(tuple(phrases), tuple(periods), start))

    for number, raw, content in _lines(path):
        where = f"{path}:{number}: "
        try:
            rest, cells = _split_codes(content, where)
            new_periods = [_period(cell, where) for cell in cells]
            stripped = rest.strip()
            if stripped.startswith("+"):
                if not phrases:
                    raise DataError(f"{where}synonym '+…' before any actor phrase")
                phrases.append(_phrase(stripped[1:], where))
                periods.extend(new_periods)
            elif not stripped:
                if not phrases:
                    raise DataError(f"{where}code without an actor phrase")
                periods.extend(new_periods)
            elif raw[:1] in (" ", "\t"):
                raise DataError(f"{where}indented line is neither a code nor a '+' synonym: {stripped!r}")
            else:
                close()
                phrases, periods, start = [_phrase(stripped, where)], list(new_periods), number
        except DataError as err:
            if warn is None:
                raise
            warn(err)
    close()
    return records


def _plural(word: str) -> str:
    """The regular English plural of an upper-case word (PETRARCH's rule)."""
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith(("SS", "S", "X", "CH", "SH")):
        return word + "ES"
    return word + "S"


def parse_agents(path: str | Path, *, warn: Callable[[DataError], None] | None = None) -> list[AgentRecord]:
    """Agent records of a PETRARCH ``.agents`` file, with plurals and substitutions expanded.

    Args:
        path: the dictionary file.
        warn: if given, malformed lines are passed to it and skipped instead of raised.

    Raises:
        DataError: a malformed line, as ``FILE:LINE: message`` (without ``warn``).
    """
    path = Path(path)
    substitutions: dict[str, list[str]] = {}
    records: list[AgentRecord] = []
    for number, _raw, content in _lines(path):
        where = f"{path}:{number}: "
        try:
            records += _agent_line(content, where, number, substitutions)
        except DataError as err:
            if warn is None:
                raise
            warn(err)
    return records


def _agent_line(content: str, where: str, number: int, substitutions: dict[str, list[str]]) -> list[AgentRecord]:
    records: list[AgentRecord] = []
    sub = _SUBSTITUTION.match(content.strip())
    if sub:
        substitutions[sub.group(1).upper()] = [v.strip().upper() for v in sub.group(2).split(",") if v.strip()]
        return records
    # "CONGRESS!PERSON! [~LEG}" (a typo in the documentation) closes the code with a brace.
    text = re.sub(r"\[([^\[\]{}]*)\}\s*$", r"[\1]", content)
    rest, cells = _split_codes(text, where)
    if len(cells) != 1:
        raise DataError(f"{where}want one [code], found {len(cells)}")
    cell = cells[0].strip().upper()
    if cell.startswith("~"):
        code, prefix = cell[1:], False
    elif cell.endswith("~"):
        code, prefix = cell[:-1], True
    else:
        raise DataError(f"{where}agent code {cell!r} needs a '~' (~GOV or NGO~)")
    if not re.fullmatch(r"[A-Z0-9]{3,}", code):
        raise DataError(f"{where}bad agent code {cell!r}")
    plurals: list[str] | None = None
    brace = re.search(r"\{([^{}]*)\}", rest)
    if brace:
        plurals = [p for p in re.split(r"[\s,]+", brace.group(1)) if p]
        rest = rest[: brace.start()] + rest[brace.end():]
    elif "{" in rest or "}" in rest:
        raise DataError(f"{where}unbalanced braces")
    base = rest.strip().upper()
    if not base:
        raise DataError(f"{where}agent code without a phrase")
    forms = _expand(base, substitutions, where)
    generated = []
    for form in forms:
        generated.append(form)
        if plurals is None and "!" not in base:
            # Regular plurals are made for the last word: "FOREIGN_MINISTER" → "FOREIGN_MINISTERS".
            last = re.split(r"[_\s]+", form.rstrip("_"))[-1]
            generated.append(form.rstrip("_")[: -len(last)] + _plural(last))
    generated += plurals or []
    for form in dict.fromkeys(generated):
        phrase = _phrase(form, where)
        records.append(AgentRecord(Phrase(phrase.words, False), code, prefix, number))
    return records


def _expand(phrase: str, substitutions: dict[str, list[str]], where: str) -> list[str]:
    """Every phrase a ``!SET!`` marker stands for."""
    marker = re.search(r"!(\w+)!", phrase)
    if marker is None:
        return [phrase]
    name = marker.group(1)
    if name not in substitutions:
        raise DataError(f"{where}unknown substitution set !{name}!")
    out: list[str] = []
    for value in substitutions[name]:
        out += _expand(phrase[: marker.start()] + value + phrase[marker.end():], substitutions, where)
    return out


def is_petrarch_file(path: str | Path) -> bool:
    """Whether ``path`` looks like a PETRARCH dictionary rather than a kgraph table.

    kgraph tables are tab-separated with a ``code``/``kind``/``term`` header line.
    """
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if not line.strip() or line.startswith("#"):
                    continue
                cells = line.rstrip("\n").split("\t")
                return not (cells[0] in ("code", "lang") and len(cells) >= 3)
    except OSError as err:
        raise DataError(f"{path}: cannot read ({err.strerror or err})") from err
    return True
