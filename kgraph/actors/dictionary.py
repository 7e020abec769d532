"""Actor tables and the matcher that finds their mentions in a parsed text.

The tables are data files in ``kgraph/actors/data/`` (see their headers);
country names in English and French also come from ``pycountry`` (ISO 3166
names and their gettext translations), so that every state is known even
where the curated table has no alias for it.
"""
from __future__ import annotations

import gettext
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from ..resources import read_tsv
from ..text import fold

__all__ = ["ActorEntry", "ActorMatch", "ActorDictionary", "actor_dictionary", "fold"]

_PKG = "kgraph.actors"
# When two tables give the same words, the more specific reading wins.
_PRIORITY = {"person": 0, "metonym": 1, "organization": 2, "country": 3, "capital": 4, "demonym": 5}


@dataclass(frozen=True)
class ActorEntry:
    """What a dictionary phrase stands for."""

    code: str
    country: str | None
    sector: str | None
    label: str
    wikidata: str | None
    kind: str  # country, demonym, capital, metonym, organization, person


@dataclass(frozen=True)
class ActorMatch:
    """A dictionary phrase found at tokens ``start``..``end`` (exclusive) of a doc."""

    start: int
    end: int
    entry: ActorEntry


@dataclass(frozen=True)
class _Pattern:
    entry: ActorEntry
    case_sensitive: tuple[str, ...] | None  # exact token texts when the variant is an acronym
    capitalised: bool  # the first matched token must start with a capital


def _variants(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


class ActorDictionary:
    """All actor phrases of one language, ready to match against spaCy tokens.

    Args:
        lang: ``fr`` or ``en``.
        tokenize: splits a phrase into token texts the way the spaCy model does.
    """

    def __init__(self, lang: str, tokenize: Callable[[str], list[str]]) -> None:
        self.lang = lang
        self._tokenize = tokenize
        self._patterns: dict[tuple[str, ...], list[_Pattern]] = {}
        self.max_len = 1
        self.sector_labels: dict[str, str] = {}
        self.country_labels: dict[str, str] = {}
        self.entries: dict[str, ActorEntry] = {}
        self.agents: dict[str, str] = {}
        self.multiword_agents: dict[tuple[str, ...], str] = {}
        self._agents_by_word: dict[str, list[tuple[tuple[str, ...], int, str]]] = {}
        self._load()
        for words, sector in self.multiword_agents.items():
            for position, word in enumerate(words):
                self._agents_by_word.setdefault(word, []).append((words, position, sector))

    # ------------------------------------------------------------ loading
    def _add(self, variant: str, entry: ActorEntry) -> None:
        words = tuple(self._tokenize(variant))
        if not words:
            return
        key = tuple(fold(w) for w in words)
        letters = [c for c in variant if c.isalpha()]
        acronym = len(letters) >= 2 and all(c.isupper() for c in letters) and len(letters) <= 6
        pattern = _Pattern(entry, words if acronym else None, variant[:1].isupper())
        bucket = self._patterns.setdefault(key, [])
        # Dedupe on the whole pattern, not on the entry: "NATO" (exact case) and "Nato"
        # (any capitalised form) fold to the same key but match different spellings.
        if pattern not in bucket:
            bucket.append(pattern)
            bucket.sort(key=lambda p: (_PRIORITY[p.entry.kind], p.case_sensitive is None))
        self.max_len = max(self.max_len, len(key))

    def _load(self) -> None:
        lang = self.lang
        for row in read_tsv(_PKG, "data/sectors.tsv"):
            self.sector_labels[row["code"]] = row.get(f"label_{lang}") or row["label_en"]
        for row in read_tsv(_PKG, "data/agents.tsv"):
            if row["lang"] in (lang, "*") and row["term"]:
                words = tuple(fold(w) for w in self._tokenize(row["term"]))
                if len(words) > 1:
                    self.multiword_agents.setdefault(words, row["sector"])
                else:
                    self.agents.setdefault(fold(row["term"]), row["sector"])
        names = _pycountry_names(lang)
        for row in read_tsv(_PKG, "data/countries.tsv"):
            code = row["code"]
            label = row.get(f"label_{lang}") or row["label_en"] or code
            self.country_labels[code] = label
            country = ActorEntry(code, code, None, label, row.get("wikidata") or None, "country")
            self.entries[code] = country
            for variant in _variants(row.get(f"names_{lang}", "")) + names.pop(code, []) + [label]:
                self._add(variant, country)
            demonym = ActorEntry(code, code, None, label, country.wikidata, "demonym")
            for variant in _variants(row.get(f"demonyms_{lang}", "")):
                self._add(variant, demonym)
            capital = ActorEntry(code + "GOV", code, "GOV", self.label_for(code + "GOV"), None, "capital")
            for variant in _variants(row.get(f"capitals_{lang}", "")):
                self._add(variant, capital)
        for code, variants in names.items():  # states and territories the curated table lacks
            entry = ActorEntry(code, code, None, variants[0], None, "country")
            self.entries.setdefault(code, entry)
            self.country_labels.setdefault(code, variants[0])
            for variant in variants:
                self._add(variant, entry)
        for row in read_tsv(_PKG, "data/organizations.tsv"):
            code = row["code"]
            label = row.get(f"label_{lang}") or row["label_en"] or code
            entry = ActorEntry(code, None, None, label, row.get("wikidata") or None, "organization")
            self.entries[code] = entry
            for variant in _variants(row.get(f"names_{lang}", "")) + _variants(row.get("names_en", "")) + [label]:
                self._add(variant, entry)
        for row in read_tsv(_PKG, "data/metonyms.tsv"):
            if row["lang"] not in (lang, "*"):
                continue
            code = row["code"]
            entry = ActorEntry(code, code[:3], code[3:] or None, self.label_for(code), None, "metonym")
            for variant in _variants(row["variants"]):
                self._add(variant, entry)
        for row in read_tsv(_PKG, "data/people.tsv"):
            code = row["code"]
            country = None if code[:3] in ("IGO", "NGO") else code[:3]
            entry = ActorEntry(code, country, code[3:] or None if country else None, row["label"], row.get("wikidata") or None, "person")
            for variant in _variants(row["variants"]):
                self._add(variant, entry)

    # ------------------------------------------------------------ lookups
    def label_for(self, code: str) -> str:
        """Display label of an actor code: ``United States``, ``Turkey government``."""
        if code in self.entries:
            return self.entries[code].label
        country, sector = code[:3], code[3:]
        base = self.country_labels.get(country, country)
        if sector and sector in self.sector_labels:
            return f"{base} {self.sector_labels[sector]}" if self.lang == "en" else f"{base} ({self.sector_labels[sector]})"
        return base if not sector else f"{base} {sector}"

    def agent_sector(self, lemma: str) -> str | None:
        """The sector of a role noun (``ministre`` → GOV, ``army`` → MIL), if it is one."""
        return self.agents.get(fold(lemma))

    def role_sector(self, token: Token) -> str | None:
        """The sector of the role named at ``token``, alone or in a multiword title.

        Multiword titles are matched on the words around the head, the head by its
        lemma: "chef de la diplomatie", "prime minister", "secretary of state".
        """
        doc = token.doc
        for form in {fold(token.lemma_), fold(token.text)}:
            for words, position, sector in self._agents_by_word.get(form, ()):
                start = token.i - position
                if start < 0 or start + len(words) > len(doc):
                    continue
                keys = tuple(form if k == position else fold(doc[start + k].text) for k in range(len(words)))
                if keys == words:
                    return sector
        return self.agent_sector(token.lemma_)

    def match(self, tokens: Sequence[Token]) -> list[ActorMatch]:
        """Longest non-overlapping dictionary phrases in ``tokens``, left to right."""
        found: list[ActorMatch] = []
        keys = [fold(t.text) for t in tokens]
        i = 0
        while i < len(tokens):
            for n in range(min(self.max_len, len(tokens) - i), 0, -1):
                entry = self._best(tuple(keys[i : i + n]), tokens[i : i + n])
                if entry is not None:
                    found.append(ActorMatch(tokens[i].i, tokens[i].i + n, entry))
                    i += n
                    break
            else:
                i += 1
        return found

    def _best(self, key: tuple[str, ...], tokens: Sequence[Token]) -> ActorEntry | None:
        for pattern in self._patterns.get(key, ()):
            if pattern.case_sensitive is not None:
                if tuple(t.text for t in tokens) != pattern.case_sensitive:
                    continue
            elif pattern.capitalised and not tokens[0].text[:1].isupper():
                continue
            return pattern.entry
        return None


def _pycountry_names(lang: str) -> dict[str, list[str]]:
    """ISO 3166 short names of every country in ``lang`` (no names with commas)."""
    import pycountry

    translate: Callable[[str], str] = str
    if lang != "en":
        try:
            translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]).gettext
        except OSError:
            pass
    names: dict[str, list[str]] = {}
    for country in pycountry.countries:
        variants = []
        for attr in ("common_name", "name"):
            value = getattr(country, attr, None)
            if value:
                local = translate(value)
                if "," not in local and "(" not in local and local not in variants:
                    variants.append(local)
        if variants:
            names[country.alpha_3] = variants
    return names


@lru_cache(maxsize=None)
def actor_dictionary(lang: str, tokenize: Callable[[str], list[str]] | None = None) -> ActorDictionary:
    """The (cached) actor dictionary of ``lang``; pass the model's tokenizer for exact matching."""
    if tokenize is None:
        import re

        tokenize = lambda text: re.findall(r"\w+(?:[-']\w+)*|[^\w\s]", text)  # noqa: E731
    return ActorDictionary(lang, tokenize)
