"""Language-independent facts about actor codes: labels in every language, Wikidata ids."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..resources import read_tsv

__all__ = ["ActorInfo", "actor_info", "LABEL_LANGS"]

_PKG = "kgraph.actors"
#: Languages actor labels are given in.
LABEL_LANGS = ("en", "fr")


@dataclass(frozen=True)
class ActorInfo:
    """What the tables say about an actor code."""

    code: str
    country: str | None
    sector: str | None
    labels: dict[str, str]
    wikidata: str | None


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    named: dict[str, dict[str, str]] = {}
    for name in ("data/countries.tsv", "data/organizations.tsv"):
        for row in read_tsv(_PKG, name):
            named[row["code"]] = row
    sectors = {row["code"]: row for row in read_tsv(_PKG, "data/sectors.tsv")}
    return named, sectors


@lru_cache(maxsize=None)
def actor_info(code: str) -> ActorInfo:
    """Labels (en, fr) and Wikidata id of an actor code such as ``USA``, ``TURGOV``, ``IGONATO``."""
    named, sectors = _tables()
    if code in named:
        row = named[code]
        labels = {lang: row.get(f"label_{lang}") or row.get("label_en") or code for lang in LABEL_LANGS}
        is_org = code[:3] in ("IGO", "NGO")
        return ActorInfo(code, None if is_org else code, None, labels, row.get("wikidata") or None)
    if code[:3] in ("IGO", "NGO"):
        return ActorInfo(code, None, None, {lang: code for lang in LABEL_LANGS}, None)
    country, sector = code[:3], code[3:] or None
    base = named.get(country, {})
    labels = {}
    for lang in LABEL_LANGS:
        name = base.get(f"label_{lang}") or base.get("label_en") or country
        if sector:
            word = sectors.get(sector, {}).get(f"label_{lang}") or sector
            name = f"{name} ({word})"
        labels[lang] = name
    return ActorInfo(code, country, sector, labels, None)
