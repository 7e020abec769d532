"""Tables: GDELT 2.0 events (``gdelt``), GDELT 2.0 mentions (``gdelt-mentions``), a readable CSV (``csv``).

The GDELT tables have GDELT's columns in GDELT's order (names of GDELT's
BigQuery tables), tab-separated, without a header unless ``header=True``, as
GDELT publishes them; ``gdelt`` has one row per event, ``gdelt-mentions`` one
per mention. Negated events (the text says they did not happen) are left
out of both; the CSV keeps them, flagged. Each column, its pandas dtype and
where kgraph takes it from are listed in ``data/gdelt_events.tsv``,
``data/gdelt_mentions.tsv`` and ``data/csv_columns.tsv`` (and in
``docs/exports.md``); :func:`pandas_dtypes` gives the dtypes to read a file
with.

SPARQL queries (below) give one row per event (aggregated over its mentions
by the query engine) and one row per mention; rows are written as they
arrive, so memory stays flat whatever the graph size (the mentions table
keeps one date per event, for DATEADDED).
"""
from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date as Date
from functools import lru_cache
from typing import IO

from rdflib import Graph

from ..errors import KGraphError
from ..resources import read_tsv
from .atomic import atomic_path
from .network import actor_table, code_table, root_table
from .registry import register
from .sparql import select

__all__ = ["columns", "pandas_dtypes", "global_event_id", "write_gdelt", "write_gdelt_mentions", "write_csv"]

# ---------------------------------------------------------------- SPARQL: every read of the graph
_OUTLET = 'COALESCE(REPLACE(STR(?url), "^[A-Za-z][A-Za-z0-9+.-]*://([^/:?#@]*@)?([^/:?#]+).*$", "$2"), ?doc)'
# Event queries return actor and concept IRIs, mapped to codes in Python (network.CODES_QUERY): Oxigraph
# plans joins from events to the few actors and concepts badly (time grows with events × actors).
#: One row per event: its coding and, over its mentions, the counts, the lead flag, the first report and the
#: best confidence. ``?first`` is "article date, id, URL, padded sentence index, sentence" of the earliest
#: mention, tab-separated (the smallest such string).
EVENTS_QUERY = r"""
SELECT ?event ?s ?t ?type ?root ?date ?g ?quad ?negated ?mode ?plover
       (COUNT(DISTINCT ?m) AS ?mentions) (COUNT(DISTINCT ?a) AS ?articles)
       (COUNT(DISTINCT ?outlet) AS ?outlets) (MIN(?sid) AS ?lead) (MIN(?adate) AS ?added) (MAX(?conf) AS ?confidence)
       (MIN(CONCAT(COALESCE(STR(?adate), "9999-12-31"), "\t", COALESCE(?doc, ""), "\t", COALESCE(STR(?url), ""), "\t",
                   SUBSTR(CONCAT("000000", STR(COALESCE(?sid, 0))), STRLEN(STR(COALESCE(?sid, 0))) + 1), "\t",
                   COALESCE(?sentence, ""))) AS ?first)
WHERE {
  ?event a kg:Event ; kg:source ?s ; kg:eventType ?type ; kg:cameoRoot ?root ; kg:negated ?negated .
  OPTIONAL { ?event kg:target ?t }
  OPTIONAL { ?event kg:date ?date }
  OPTIONAL { ?event kg:goldstein ?g }
  OPTIONAL { ?event kg:quadClass ?quad }
  OPTIONAL { ?event kg:mode ?mode }
  OPTIONAL { ?event kg:ploverCategory ?plover }
  OPTIONAL { ?event kg:mention ?m .
             OPTIONAL { ?m kg:sentenceIndex ?sid } OPTIONAL { ?m kg:confidence ?conf } OPTIONAL { ?m kg:sentenceText ?sentence }
             OPTIONAL { ?m kg:inArticle ?a . OPTIONAL { ?a kg:docId ?doc } OPTIONAL { ?a kg:url ?url }
                        OPTIONAL { ?a dcterms:date ?adate } BIND(""" + _OUTLET + """ AS ?outlet) } }
} GROUP BY ?event ?s ?t ?type ?root ?date ?g ?quad ?negated ?mode ?plover
"""
#: One row per mention of a non-negated event (no aggregate: the rows stream as Oxigraph finds them).
MENTIONS_QUERY = r"""
SELECT ?event ?date ?m ?doc ?url ?adate ?lang ?sid ?start ?end ?conf ?sentence ?stext ?atext ?ttext
WHERE {
  ?event a kg:Event ; kg:negated false ; kg:mention ?m .
  OPTIONAL { ?event kg:date ?date }
  OPTIONAL { ?m kg:inArticle ?a .
             OPTIONAL { ?a kg:docId ?doc } OPTIONAL { ?a kg:url ?url }
             OPTIONAL { ?a dcterms:date ?adate } OPTIONAL { ?a dcterms:language ?lang } }
  OPTIONAL { ?m kg:sentenceIndex ?sid } OPTIONAL { ?m kg:charStart ?start } OPTIONAL { ?m kg:charEnd ?end }
  OPTIONAL { ?m kg:confidence ?conf } OPTIONAL { ?m kg:sentenceText ?sentence }
  OPTIONAL { ?m kg:sourceText ?stext } OPTIONAL { ?m kg:actionText ?atext } OPTIONAL { ?m kg:targetText ?ttext }
}
"""
#: The earliest date of each event's articles (DATEADDED of the mentions table): one small row per event,
#: read before the mentions (grouping the mention rows themselves made Oxigraph hash every column).
ADDED_QUERY = """
SELECT ?event (MIN(?other) AS ?added) WHERE { ?event kg:mention/kg:inArticle/dcterms:date ?other } GROUP BY ?event
"""

_TABLES = {"gdelt": "data/gdelt_events.tsv", "gdelt-mentions": "data/gdelt_mentions.tsv", "csv": "data/csv_columns.tsv"}
#: Mentions in the first sentences of an article count as the lead (GDELT's IsRootEvent).
LEAD_SENTENCES = 2


@lru_cache(maxsize=None)
def _table(fmt: str) -> tuple[tuple[str, str, str], ...]:
    return tuple((r["column"], r["dtype"], r["kgraph"]) for r in read_tsv("kgraph.export", _TABLES[fmt]))


def columns(fmt: str) -> list[str]:
    """Column names of a table format (``gdelt``, ``gdelt-mentions``, ``csv``), in order."""
    return [name for name, _, _ in _table(fmt)]


def pandas_dtypes(fmt: str) -> dict[str, str]:
    """``dtype=`` for ``pandas.read_csv``: every column with its type (codes as strings).

    Example:
        >>> import pandas  # doctest: +SKIP
        >>> pandas.read_csv("events.tsv", sep="\\t", header=None, names=columns("gdelt"),
        ...                 dtype=pandas_dtypes("gdelt"))  # doctest: +SKIP
    """
    return {name: dtype for name, dtype, _ in _table(fmt) if dtype != "bool"}


def global_event_id(iri: str) -> int:
    """GDELT's integer GLOBALEVENTID for a kgraph event IRI: the first 60 bits of its hash (stable across runs)."""
    local = iri.rsplit("/", 1)[-1]
    try:
        return int(local[:15], 16)
    except ValueError:
        import hashlib

        return int(hashlib.sha1(iri.encode("utf-8")).hexdigest()[:15], 16)


def _clean(value: object) -> str:
    """A cell of a tab-separated table: no tabs or line breaks inside."""
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def _outlet(url: str | None, doc: str | None) -> str:
    if url and "://" in url:
        host = url.split("://", 1)[1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
        return host.rsplit("@", 1)[-1].split(":", 1)[0].lower()
    return doc or ""


def _ymd(day: str | None) -> str:
    return day[:10].replace("-", "") if day else ""


# ---------------------------------------------------------------- rows
@dataclass(frozen=True)
class EventRecord:
    """One event with what its mentions add up to."""

    iri: str
    source: str
    target: str | None
    code: str
    root: str
    date: str | None
    goldstein: str | None
    quad: str | None
    negated: bool
    mode: str | None
    plover: str | None
    label: str | None
    mentions: int
    articles: int
    outlets: int
    lead: bool
    first_date: str | None
    first_doc: str
    first_url: str
    first_sentence: str
    confidence: float | None

    @property
    def id(self) -> int:
        return global_event_id(self.iri)

    @property
    def added(self) -> str:
        """DATEADDED: the earliest article date (or the event date) as YYYYMMDDHHMMSS."""
        day = self.first_date or self.date
        return f"{_ymd(day)}000000" if day else ""

    @property
    def source_url(self) -> str:
        return self.first_url or self.first_doc


def event_records(graph: Graph) -> Iterator[EventRecord]:
    """Stream the events of ``graph``, one :class:`EventRecord` each."""
    codes = code_table(graph)

    def code(iri: str | None) -> str | None:
        return None if iri is None else codes.get(iri, (iri.rsplit("/", 1)[-1], None))[0]

    for row in select(graph, EVENTS_QUERY):
        (iri, s, t, kind, root, day, g, quad, negated, mode, plover,
         mentions, articles, outlets, lead, added, confidence, first) = row
        sc, tc, code_, label = code(s), code(t), code(kind), codes.get(kind or "", ("", None))[1]
        parts = (first or "").split("\t", 4) if mentions and mentions != "0" else []
        parts += [""] * (5 - len(parts))
        yield EventRecord(
            iri or "", sc or "", tc, code_ or "", root or "", day[:10] if day else None, g, quad, negated == "true",
            mode, plover, label, int(mentions or 0), int(articles or 0), int(outlets or 0),
            lead is not None and int(lead) < LEAD_SENTENCES, added[:10] if added else None,
            parts[1], parts[2], parts[4], float(confidence) if confidence is not None else None,
        )


def _date_parts(day: str | None) -> list[str]:
    """SQLDATE, MonthYear, Year, FractionDate."""
    if not day:
        return ["", "", "", ""]
    d = Date.fromisoformat(day[:10])
    days = 366 if (d.year % 4 == 0 and d.year % 100 != 0) or d.year % 400 == 0 else 365
    return [d.strftime("%Y%m%d"), d.strftime("%Y%m"), str(d.year), f"{d.year + d.timetuple().tm_yday / days:.4f}"]


class _Actors:
    """GDELT actor columns from the actor table."""

    def __init__(self, graph: Graph) -> None:
        self.table = actor_table(graph, "en")

    def name(self, code: str | None) -> str:
        info = self.table.get(code or "")
        return (info.en or info.label or code or "") if info is not None else (code or "")

    def country(self, code: str | None) -> str:
        if not code or code.startswith(("IGO", "NGO")):
            return ""
        info = self.table.get(code)
        if info is not None and info.country:
            return info.country
        return code[:3] if len(code) >= 3 and code[:3].isalpha() else ""

    def sector(self, code: str | None) -> str:
        if not code:
            return ""
        if code.startswith(("IGO", "NGO")):
            return code[:3]
        info = self.table.get(code)
        return (info.sector if info is not None and info.sector else code[3:]) or ""

    def gdelt(self, code: str | None) -> list[str]:
        """Code, Name, CountryCode, KnownGroupCode, Ethnic, Religion1, Religion2, Type1, Type2, Type3."""
        if not code:
            return [""] * 10
        group = code[3:] if code.startswith(("IGO", "NGO")) else ""
        return [code, self.name(code), self.country(code), group, "", "", "", self.sector(code), "", ""]


def _gdelt_row(event: EventRecord, actors: _Actors) -> list[str]:
    base = event.code[:3]
    row = [str(event.id), *_date_parts(event.date or event.first_date)]
    row += actors.gdelt(event.source) + actors.gdelt(event.target)
    row += ["1" if event.lead else "0", event.code, base, event.root, event.quad or "", event.goldstein or "",
            str(event.mentions), str(event.outlets), str(event.articles), ""]
    row += [""] * 24  # Actor1Geo_*, Actor2Geo_*, ActionGeo_*: kgraph does not geocode
    row += [event.added, event.source_url]
    return row


def _mention_rows(graph: Graph) -> Iterator[list[str]]:
    added_of = {iri: added for iri, added in select(graph, ADDED_QUERY) if iri is not None and added is not None}
    for (iri, day, _m, doc, url, adate, lang, sid, start, end, conf, sentence,
         stext, atext, ttext) in select(graph, MENTIONS_QUERY):
        first = added_of.get(iri) or day
        yield [
            str(global_event_id(iri or "")), f"{_ymd(first)}000000" if first else "",
            f"{_ymd(adate)}000000" if adate else "", "1" if url else "2", _outlet(url, doc), url or doc or "",
            str(int(sid) + 1) if sid is not None else "", "", "", "", "1",
            str(round(float(conf) * 100)) if conf is not None else "", "", "", "", "",
            start or "", end or "", doc or "", lang or "", stext or "", atext or "", ttext or "", sentence or "",
        ]


def _csv_row(event: EventRecord, actors: _Actors, roots: dict[str, tuple[str, str]]) -> list[str]:
    def sector(code: str | None) -> str:
        return actors.sector(code) if code and not code.startswith(("IGO", "NGO")) else ""

    return [
        str(event.id), event.iri, event.date or "",
        event.source, actors.name(event.source), actors.country(event.source), sector(event.source),
        event.target or "", actors.name(event.target) if event.target else "", actors.country(event.target), sector(event.target),
        event.code, event.label or "", event.root, roots.get(event.root, ("", ""))[1], event.quad or "", event.goldstein or "",
        event.plover or "", "true" if event.negated else "false", event.mode or "",
        str(event.mentions), str(event.outlets), str(event.articles),
        f"{event.confidence:.2f}" if event.confidence is not None else "",
        event.first_doc, event.first_url, event.first_sentence,
    ]


def _write_tsv(out: IO[str], header: list[str] | None, rows: Iterator[list[str]]) -> int:
    count = 0
    if header:
        out.write("\t".join(header) + "\n")
    for row in rows:
        out.write("\t".join(_clean(cell) for cell in row) + "\n")
        count += 1
    return count


def _fail_if_empty(rows: Iterator[object]) -> Iterator[object]:
    empty = True
    for row in rows:
        empty = False
        yield row
    if empty:
        raise KGraphError("the graph has no events to export")


@register("gdelt")
def write_gdelt(graph: Graph, path: str | os.PathLike[str], *, header: bool = False, **_: object) -> None:
    """GDELT 2.0 event table: 61 tab-separated columns, one row per (non-negated) event."""
    actors = _Actors(graph)
    rows = _fail_if_empty(_gdelt_row(e, actors) for e in event_records(graph) if not e.negated)
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as out:
        _write_tsv(out, columns("gdelt") if header else None, rows)


@register("gdelt-mentions", "mentions")
def write_gdelt_mentions(graph: Graph, path: str | os.PathLike[str], *, header: bool = False, **_: object) -> None:
    """GDELT 2.0 mentions table (16 columns) plus kgraph's offsets, texts and sentence; one row per mention."""
    rows = _fail_if_empty(_mention_rows(graph))
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as out:
        _write_tsv(out, columns("gdelt-mentions") if header else None, rows)


@register("csv")
def write_csv(graph: Graph, path: str | os.PathLike[str], **_: object) -> None:
    """Readable CSV, one row per event (negated ones flagged), with a header."""
    actors = _Actors(graph)
    roots = root_table(graph)
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(columns("csv"))
        for event in _fail_if_empty(event_records(graph)):
            writer.writerow(_csv_row(event, actors, roots))  # type: ignore[arg-type]
