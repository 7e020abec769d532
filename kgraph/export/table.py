"""GDELT-like CSV: one row per event mention, with GDELT's column names where they apply."""
from __future__ import annotations

import csv
import os

from rdflib import Graph

from ..graph.namespace import PREFIXES
from .atomic import atomic_path
from .registry import register

__all__ = ["write_csv", "CSV_COLUMNS"]

CSV_COLUMNS = [
    "GlobalEventID", "MentionID", "Day", "Actor1Code", "Actor1Name", "Actor1CountryCode",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "EventCode", "EventBaseCode", "EventRootCode",
    "QuadClass", "GoldsteinScale", "IsNegated", "Mode", "Confidence", "DocID", "SentenceID",
    "CharStart", "CharEnd", "SOURCEURL", "Sentence",
]

_QUERY = """
SELECT ?event ?m ?date ?sc ?sl ?scountry ?tc ?tl ?tcountry ?code ?root ?quad ?g ?negated ?mode ?conf ?doc ?sid ?start ?end ?url ?sentence
WHERE {
  ?event a kg:Event ; kg:source ?s ; kg:eventType ?type ; kg:cameoRoot ?root ; kg:negated ?negated ; kg:mention ?m .
  ?type skos:notation ?code .
  ?s kg:code ?sc .
  OPTIONAL { ?s rdfs:label ?sl FILTER(lang(?sl) = "en") }
  OPTIONAL { ?s kg:country/kg:code ?scountry }
  OPTIONAL { ?event kg:target ?t . ?t kg:code ?tc .
             OPTIONAL { ?t rdfs:label ?tl FILTER(lang(?tl) = "en") }
             OPTIONAL { ?t kg:country/kg:code ?tcountry } }
  OPTIONAL { ?event kg:date ?date }
  OPTIONAL { ?event kg:quadClass ?quad }
  OPTIONAL { ?event kg:goldstein ?g }
  OPTIONAL { ?event kg:mode ?mode }
  ?m kg:inArticle ?a ; kg:sentenceIndex ?sid ; kg:charStart ?start ; kg:charEnd ?end ; kg:sentenceText ?sentence .
  OPTIONAL { ?m kg:confidence ?conf }
  ?a kg:docId ?doc .
  OPTIONAL { ?a kg:url ?url }
}
ORDER BY ?date ?doc ?sid ?start
"""


@register("csv")
def write_csv(graph: Graph, path: str | os.PathLike[str], **_: object) -> None:
    """Write one row per mention, GDELT-style columns."""

    def text(value: object) -> str:
        return "" if value is None else str(value)

    with atomic_path(path) as tmp:
        with open(tmp, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_COLUMNS)
            for r in graph.query(_QUERY, initNs=dict(PREFIXES)):
                code = str(r.code)
                writer.writerow([
                    str(r.event).rsplit("/", 1)[-1], str(r.m).rsplit("/", 1)[-1],
                    text(r.date).replace("-", ""), text(r.sc), text(r.sl), text(r.scountry or (r.sc if len(str(r.sc)) == 3 else None)),
                    text(r.tc), text(r.tl), text(r.tcountry or (r.tc if r.tc is not None and len(str(r.tc)) == 3 else None)),
                    code, code[:3], text(r.root), text(r.quad), text(r.g), text(r.negated).lower(), text(r.mode),
                    text(r.conf), text(r.doc), text(r.sid), text(r.start), text(r.end), text(r.url), text(r.sentence),
                ])
