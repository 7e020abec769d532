"""Actor tables and the matcher that finds their mentions in a parsed text.

The tables are data files in ``kgraph/actors/data/`` (see their headers);
country names in English and French also come from ``pycountry`` (ISO 3166
names and their gettext translations), so that every state is known even
where the curated table has no alias for it.
"""
from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from spacy.tokens import Doc, Token

from ..errors import DataError
from ..nlp import token_texts
from ..tokenview import DocView
from ..resources import package_file, read_tsv
from ..text import fold
from .petrarch import Period, is_petrarch_file, parse_agents
from .table import NON_STATE, ActorRow, read_actor_file, read_actor_table

__all__ = ["ActorEntry", "ActorMatch", "ActorDictionary", "actor_dictionary", "fold", "phrase_key"]

_PKG = "kgraph.actors"
# When two tables give the same words, the more specific reading wins.
_PRIORITY = {"person": 0, "metonym": 1, "organization": 2, "group": 2, "country": 3, "capital": 4, "demonym": 5, "place": 6}
# Where a phrase comes from: the user's own files win over the dated office holders, then the
# other curated tables, then the tables converted from the Phoenix dictionaries.
USER, DATED, CURATED, IMPORTED = 0, 1, 2, 3
#: Built-in tables converted from the Phoenix dictionaries (tools/import_petrarch.py): English phrases;
#: other languages take their people's names and the acronyms of their organisations and groups
#: (see ``_names_any_language``).
IMPORTED_ACTORS = ("data/phoenix_actors.tsv",)
#: Places standing for their country, loaded in every language: the Phoenix country records
#: (names, cities, regions) and the GeoNames cities (tools/import_places.py).
IMPORTED_PLACES = ("data/phoenix_places.tsv", "data/geonames_places.tsv")
IMPORTED_AGENTS = "data/phoenix_agents.tsv"
#: Curated regions, provinces and conflict towns standing for their country, loaded in every language.
CURATED_PLACES = ("data/regions.tsv",)
#: Curated parties, movements, armed groups and unions (country + sector, dated codes), every language.
CURATED_GROUPS = ("data/groups.tsv",)
#: Curated tables of people with dated offices.
DATED_PEOPLE = ("data/office_holders.tsv",)
_WORD = re.compile(r"\w+")
# A phrase never runs across these tokens ("Turkey, Russia" is not one name).
_BREAK = frozenset(',;:()[]{}"!?«»“”')


def phrase_key(text: str) -> tuple[str, ...]:
    """The matching key of a phrase: its folded words, whatever the tokenizer ("U.S." → ``("u", "s")``).

    The Arabic article is one word whatever its spelling: "el-Bashir" and "al-Bashir" match.
    """
    words = _WORD.findall(text.lower() if text.isascii() else fold(text))
    if "el" in words:
        words = ["al" if w == "el" else w for w in words]
    return tuple(words)


#: How many token keys (and their stem phrases) are remembered: common words are seen again
#: and again, so each is worked out about once per process.
_MEMO_SIZE = 1 << 16
#: :func:`phrase_key` of token texts, cached.
_token_key = lru_cache(maxsize=_MEMO_SIZE)(phrase_key)


@dataclass(frozen=True)
class ActorEntry:
    """What a dictionary phrase stands for.

    ``periods`` are dated codes (people in office); :meth:`on` picks the one of a date.
    """

    code: str
    country: str | None
    sector: str | None
    label: str
    wikidata: str | None
    kind: str  # country, demonym, capital, metonym, organization, group, place, person
    periods: tuple[Period, ...] = ()
    rule: str = "dictionary"  # which table: dictionary, office-holders, phoenix, user

    def on(self, date: str | None) -> ActorEntry | None:
        """This entry with the code valid on ``date`` (ISO); ``None`` if it names no actor then.

        Without a date the current role (a period still open) is used, else the default code,
        else the code of the latest period.
        """
        if not self.periods:
            return self
        code: str | None = self.code or None
        if date:
            for period in self.periods:
                if period.covers(date[:10]):
                    code = period.code
                    break
        else:
            latest = max(self.periods, key=lambda p: p.start or "")
            if latest.end is None or not code:
                code = latest.code
        if not code and date and self.rule == "phoenix":
            code = self._former(date[:10])
        if not code:
            return None
        country, sector = split_code(code)
        return replace(self, code=code, country=country, sector=sector, periods=())

    def _former(self, date: str) -> str | None:
        """An imported person outside every dated role: an elite (ELI) of the state of their
        nearest role. The Phoenix records stop in 2014 and leave gaps ("Denis Sassou Nguesso"
        has no period after 1997); such a person still acts for their country, as CAMEO codes
        former officials. The curated office holders never get here: their table says when a
        person stops naming an actor."""
        if self.kind != "person" or len({p.code[:3] for p in self.periods}) != 1 or any(len(p.code) <= 3 for p in self.periods):
            return None  # a state's own record ("Russian Sfsr": SUNRUS, then RUS) or a person of several states
        before = [p for p in self.periods if (p.start or "") <= date]
        period = max(before, key=lambda p: p.start or "") if before else min(self.periods, key=lambda p: p.start or "")
        if period.code[:3] in NON_STATE or len(period.code) < 3:
            return period.code
        return period.code[:3] + "ELI"


def split_code(code: str) -> tuple[str | None, str | None]:
    """(country, sector) of an actor code: ``TURGOV`` → (TUR, GOV), ``IGOUNO`` → (None, None)."""
    if code[:3] in NON_STATE or len(code) < 3:
        return None, None
    return code[:3], code[3:6] or None


@dataclass(frozen=True)
class ActorMatch:
    """A dictionary phrase found at tokens ``start``..``end`` (exclusive) of a doc."""

    start: int
    end: int
    entry: ActorEntry


class _Pattern(NamedTuple):  # a tuple: tens of thousands are made at load time
    entry: ActorEntry
    case_sensitive: tuple[str, ...] | None  # exact words when the variant is an acronym
    capitalised: bool  # the first matched token must start with a capital
    rank: int = CURATED


def _variants(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


class ActorDictionary:
    """All actor phrases of one language, ready to match against spaCy tokens.

    Phrases are matched on their folded words (:func:`phrase_key`), so that loading
    needs no tokenizer; multiword role nouns ("prime minister") are split with
    ``tokenize`` the way the spaCy model splits them.

    Args:
        lang: ``fr`` or ``en``.
        tokenize: splits a phrase into token texts the way the spaCy model does.
        actors: extra actor files (PETRARCH ``.actors`` dictionaries or kgraph tables); they win
            over the built-in tables.
        agents: extra agent files (PETRARCH ``.agents`` dictionaries or kgraph agent tables).
        builtin: also load the built-in tables (``False`` only checks the extra files).
    """

    def __init__(self, lang: str, tokenize: Callable[[str], list[str]], *, actors: Sequence[str | Path] = (),
                 agents: Sequence[str | Path] = (), builtin: bool = True) -> None:
        self.lang = lang
        self._tokenize = tokenize
        self._patterns: dict[tuple[str, ...], list[_Pattern]] = {}
        self._stems: dict[tuple[str, ...], list[_Pattern]] = {}
        self._stem_lengths: set[int] = set()
        self._prefixes: set[tuple[str, ...]] = set()
        self.max_len = 1
        self.sector_labels: dict[str, str] = {}
        self.country_labels: dict[str, str] = {}
        self.entries: dict[str, ActorEntry] = {}
        self.agents: dict[str, str] = {}
        self.multiword_agents: dict[tuple[str, ...], str] = {}
        #: Role nouns that lead the group an adjective names ("les chefs rebelles"): agents.tsv rows
        #: whose note starts "leader of the group".
        self.leader_nouns: set[str] = set()
        self._agents_by_word: dict[str, list[tuple[tuple[str, ...], int, str]]] = {}
        #: Names several states share ("Congo"): their folded words → candidate codes, default first.
        self.ambiguous: dict[tuple[str, ...], tuple[str, ...]] = {}
        for path in agents:
            self._load_agents(path)
        for path in actors:
            self._load_rows(read_actor_file(path), USER, "user")
        if builtin:
            self._load()
        self._rank_patterns()
        for words, sector in self.multiword_agents.items():
            for position, word in enumerate(words):
                self._agents_by_word.setdefault(word, []).append((words, position, sector))
        self._compile()

    # ------------------------------------------------------------ loading
    def _add(self, variant: str, entry: ActorEntry, rank: int = CURATED, *, exact: bool = False) -> None:
        if variant[:4] in ("The ", "THE ") and len(_WORD.findall(variant)) >= 3:
            # "The Islamic State": news also writes "Islamic State fighters", but only so spelt
            # ("a strict Islamic state" is no group); a one-word rest ("The Hague") is left alone.
            self._add(variant[4:].title() if variant.isupper() else variant[4:], entry, rank, exact=True)
        stem = variant.endswith("*")
        variant = variant.rstrip("*")
        key = phrase_key(variant)
        if not key:
            return
        acronym = variant.isupper() and 2 <= sum(c.isalpha() for c in variant) <= 6
        pattern = _Pattern(entry, tuple(_WORD.findall(variant)) if acronym or exact else None, variant[:1].isupper(), rank)
        table = self._stems if stem else self._patterns
        bucket = table.setdefault(key, [])
        # Dedupe on the whole pattern, not on the entry: "NATO" (exact case) and "Nato"
        # (any capitalised form) fold to the same key but match different spellings.
        if pattern not in bucket:
            bucket.append(pattern)  # buckets are sorted once, when loading ends (_rank_patterns)
        if stem:
            self._stem_lengths.add(len(key[-1]))
        for n in range(1, len(key) if not stem else len(key)):
            self._prefixes.add(key[:n])
        self.max_len = max(self.max_len, len(key))

    def _compile(self) -> None:
        """Index the loaded tables for matching, once per dictionary (so once per process).

        ``_stem_order``: the stem lengths, longest first; ``_stem_heads``: the words before the
        stemmed one of every stem phrase, so a key no stem can end is rejected with one lookup;
        ``_agent_groups``: per word of a multiword title, its titles grouped by (position of
        the word, length), each group a table from the title's words to (order, sector), so a
        token is checked against a group with one tuple lookup instead of word by word.
        """
        self._stem_order = tuple(sorted(self._stem_lengths, reverse=True))
        self._stem_heads = frozenset(key[:-1] for key in self._stems)
        self._stem_memo: dict[tuple[str, ...], list[_Pattern]] = {}
        self._starts: dict[tuple[str, ...], bool] = {}
        groups: dict[str, dict[tuple[int, int], dict[tuple[str, ...], tuple[int, str]]]] = {}
        for word, titles in self._agents_by_word.items():
            by_shape = groups.setdefault(word, {})
            for order, (words, position, sector) in enumerate(titles):
                by_shape.setdefault((position, len(words)), {}).setdefault(words, (order, sector))
        self._agent_groups = {word: tuple(by_shape.items()) for word, by_shape in groups.items()}

    def _rank_patterns(self) -> None:
        """Order each bucket: the user's files first, then by table rank, kind and exact case."""
        for table in (self._patterns, self._stems):
            for bucket in table.values():
                if len(bucket) > 1:
                    bucket.sort(key=lambda p: (p.rank, _PRIORITY[p.entry.kind], p.case_sensitive is None))

    def _load_rows(self, rows: Sequence[ActorRow], rank: int, rule: str, *, labels: bool = True) -> None:
        """Add the variants of actor-table rows; ``labels``: an organisation or group also names its code.

        The curated groups share their codes with the state ("ZAFGOV" for the ANC in power), so they are
        loaded with ``labels=False``: the South African government keeps its own label.
        """
        for row in rows:
            country, sector = split_code(row.code) if row.code else (None, None)
            code = row.code or ""
            entry = ActorEntry(code, country, sector, row.label, row.wikidata, row.kind, row.periods, rule)
            if labels and row.kind in ("organization", "group") and code and rank != IMPORTED and not (
                country and code[3:] in self.sector_labels
            ):  # "SYRREB" stays "Syria rebels", not the one group that happens to carry the code
                self.entries.setdefault(code, entry)
            for variant in row.variants:
                self._add(variant, entry, rank)

    def _load_agents(self, path: str | Path) -> None:
        """Role nouns of a PETRARCH ``.agents`` file or a kgraph agent table (lang, term, sector)."""
        if is_petrarch_file(path):
            for record in parse_agents(path):
                sector = "NGO" if record.prefix and record.code[:3] in ("NGO", "NGM") else record.code[:3]
                self._add_agent(" ".join(record.phrase.words).lower(), sector)
            return
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as err:
            raise DataError(f"{path}: cannot read ({err.strerror or err})") from err
        self._agent_rows(text.splitlines(), str(path))

    def _agent_rows(self, lines: list[str], name: str) -> None:
        header: list[str] | None = None
        for number, line in enumerate(lines, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = [c.strip() for c in line.split("\t")]
            if header is None:
                header = cells
                if not {"lang", "term", "sector"} <= set(header):
                    raise DataError(f"{name}:{number}: agent table header needs lang, term, sector")
                continue
            row = dict(zip(header, cells + [""] * (len(header) - len(cells))))
            if len(cells) > len(header) or not row["term"] or not row["sector"]:
                raise DataError(f"{name}:{number}: want {len(header)} cells with a term and a sector")
            if row["lang"] in (self.lang, "*"):
                self._add_agent(row["term"], row["sector"])

    def _add_agent(self, term: str, sector: str) -> None:
        # Plain words split on spaces the way every tokenizer does; others ("vice-president") by the model's.
        plain = term.replace(" ", "").isalnum()
        words = tuple(fold(w) for w in (term.split() if plain else self._tokenize(term)))
        if len(words) > 1:
            self.multiword_agents.setdefault(words, sector)
        elif words:
            self.agents.setdefault(words[0], sector)

    def _load(self) -> None:
        lang = self.lang
        for row in read_tsv(_PKG, "data/sectors.tsv"):
            self.sector_labels[row["code"]] = row.get(f"label_{lang}") or row["label_en"]
        for row in read_tsv(_PKG, "data/agents.tsv"):
            if row["lang"] in (lang, "*") and row["term"]:
                self._add_agent(row["term"], row["sector"])
                if row.get("note", "").startswith("leader of the group"):
                    self.leader_nouns.add(fold(row["term"]))
        for name in ("data/ambiguous.tsv", "data/ambiguous_cities.tsv"):
            for row in read_tsv(_PKG, name):
                self.ambiguous.setdefault(phrase_key(row["text"]), tuple(_variants(row["codes"])))
        if lang == "en":
            self._agent_rows(package_file(_PKG, IMPORTED_AGENTS).read_text(encoding="utf-8").splitlines(), IMPORTED_AGENTS)
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
            country, sector = split_code(code)  # "IGOEUR" has no country: "Bruxelles", "européen"
            entry = ActorEntry(code, country, sector, self.label_for(code), None, "metonym")
            for variant in _variants(row["variants"]):
                self._add(variant, entry)
        for row in read_tsv(_PKG, "data/people.tsv"):
            code = row["code"]
            country = None if code[:3] in ("IGO", "NGO") else code[:3]
            entry = ActorEntry(code, country, code[3:] or None if country else None, row["label"], row.get("wikidata") or None, "person")
            for variant in _variants(row["variants"]):
                self._add(variant, entry)
        for names, rule in ((CURATED_PLACES, "regions"), (CURATED_GROUPS, "groups")):
            for name in names:
                rows = _builtin_table(name)
                self._load_rows(rows, CURATED, rule, labels=False)
        for name in DATED_PEOPLE:
            if package_file(_PKG, name).is_file():
                self._load_rows(_builtin_table(name), DATED, "office-holders")
        for name in IMPORTED_ACTORS:
            rows = _builtin_table(name)
            self._load_rows(rows if lang == "en" else _names_any_language(rows), IMPORTED, "phoenix")
        for name, rule in zip(IMPORTED_PLACES, ("phoenix", "geonames"), strict=True):
            places = _builtin_table(name)
            self._load_rows(places, IMPORTED, rule)


    # ------------------------------------------------------------ lookups
    def label_for(self, code: str) -> str:
        """Display label of an actor code: ``United States``, ``Turkey government``."""
        if code in self.entries:
            return self.entries[code].label
        country, sector = code[:3], code[3:]
        if len(sector) > 3 and sector not in self.sector_labels:
            sector = sector[-3:]  # "BRAGOVLEG": the most specific sector, LEG
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
        When several titles fit, the one listed first wins.
        """
        doc = token.doc
        size = len(doc)
        at = token.i
        folded: dict[int, str] = {}
        written, lemma = fold(token.text), fold(token.lemma_)
        if written not in self._agent_groups and lemma not in self._agent_groups:
            return self.agents.get(lemma)  # in no multiword title: agent_sector(token.lemma_)
        # The word as written first, then its lemma: "the armed forces" is the army (MIL), not an
        # "armed force" (UAF). A fixed order, too: iterating a set made it depend on the hash seed,
        # so two processes (--jobs) could read the same title differently.
        for form in dict.fromkeys((written, lemma)):
            best: tuple[int, str] | None = None
            for (position, length), titles in self._agent_groups.get(form, ()):
                start = at - position
                if start < 0 or start + length > size:
                    continue
                words = []
                for k in range(start, start + length):
                    if k == at:
                        words.append(form)
                        continue
                    word = folded.get(k)
                    if word is None:
                        word = folded[k] = fold(doc[k].text)
                    words.append(word)
                hit = titles.get(tuple(words))
                if hit is not None and (best is None or hit[0] < best[0]):
                    best = hit
            if best is not None:
                return best[1]
        return self.agent_sector(token.lemma_)

    def match(self, tokens: Sequence[Token], *, date: str | None = None) -> list[ActorMatch]:
        """Longest non-overlapping dictionary phrases in ``tokens``, left to right.

        People with dated offices take the code valid on ``date`` (ISO), and are
        skipped when they held no coded role then. The tokens are read once (their
        texts and keys); matching then works on plain strings and the tables' indexes.
        """
        texts: list[str] = []
        index: Sequence[int] = []
        if isinstance(tokens, (Doc, DocView)):
            texts, index = token_texts(tokens), range(len(tokens))  # no Token objects
        else:
            index = []
            for token in tokens:
                texts.append(token.text)
                index.append(token.i)
        words = [_token_key(text) for text in texts]
        patterns, prefixes, max_len = self._patterns, self._prefixes, self.max_len
        stem_heads = self._stem_heads
        found: list[ActorMatch] = []
        size = len(texts)
        i = 0
        starts = self._starts
        while i < size:
            first = words[i]
            if not first:
                i += 1
                continue
            start = starts.get(first)
            if start is None:
                start = self._can_start(first)
            if not start:
                i += 1  # no phrase starts with this word (what the loop below finds at its first step)
                continue
            best: tuple[int, ActorEntry] | None = None
            key: tuple[str, ...] = ()
            for j in range(i, size):
                if not words[j]:
                    if texts[j] in _BREAK:
                        break
                    continue  # a hyphen or an apostrophe inside a name
                key += words[j]
                if len(key) > max_len:
                    break
                if key in patterns or (key[:-1] in stem_heads and self._stem_patterns(key)):
                    entry = self._best(key, texts[i : j + 1], date)
                    if entry is not None:
                        best = (j, entry)
                if key not in prefixes:
                    break
            if best is None:
                i += 1
                continue
            found.append(ActorMatch(index[i], index[best[0]] + 1, best[1]))
            i = best[0] + 1
        return found

    def _can_start(self, key: tuple[str, ...]) -> bool:
        """Whether a phrase may start with the token key ``key``: it is a phrase (or a stem phrase)
        or the start of a longer one; memoised (most words start none)."""
        start = len(key) <= self.max_len and (
            key in self._patterns or (key[:-1] in self._stem_heads and bool(self._stem_patterns(key)))
            or key in self._prefixes)
        if len(self._starts) >= _MEMO_SIZE:
            self._starts.clear()
        self._starts[key] = start
        return start

    def _stem_patterns(self, key: tuple[str, ...]) -> list[_Pattern]:
        """The stem phrases ``key`` ends (its last word cut to each stem length, longest first), memoised."""
        stems = self._stem_memo.get(key)
        if stems is None:
            last = key[-1]
            stems = [p for length in self._stem_order if length <= len(last)
                     for p in self._stems.get(key[:-1] + (last[:length],), ())]
            if len(self._stem_memo) >= _MEMO_SIZE:
                self._stem_memo.clear()
            self._stem_memo[key] = stems
        return stems

    def lookup(self, words: Sequence[Token], *, date: str | None = None) -> ActorEntry | None:
        """The entry of exactly the phrase ``words`` (no longer or shorter match)."""
        key = tuple(w for t in words for w in phrase_key(t.text))
        return self._best(key, [t.text for t in words], date) if key else None

    def _best(self, key: tuple[str, ...], texts: Sequence[str], date: str | None) -> ActorEntry | None:
        """The entry of the phrase ``key``, whose tokens read ``texts``, on ``date``."""
        candidates = list(self._patterns.get(key, ()))
        if key[:-1] in self._stem_heads:
            stems = self._stem_patterns(key)
            if stems:
                # A user's stem beats a built-in exact phrase; within a table the exact phrase wins.
                ranked = [(p.rank, 0, n) for n, p in enumerate(candidates)] + [(p.rank, 1, n) for n, p in enumerate(stems)]
                both = candidates + stems
                candidates = [both[n if stem == 0 else len(candidates) + n] for _, stem, n in sorted(ranked)]
        blocked = False
        for pattern in candidates:
            if pattern.case_sensitive is not None:
                if tuple(w for text in texts for w in _WORD.findall(text)) != pattern.case_sensitive:
                    continue
            elif pattern.capitalised and not texts[0][:1].isupper() and not _particle_name(texts):
                continue
            if blocked and pattern.entry.kind == "person" and pattern.rank == IMPORTED:
                continue
            entry = pattern.entry.on(date)
            if entry is not None:
                return entry
            # A curated person who names no actor at this date (dead, out of every role) is not
            # brought back by an older imported record of the same name ("Idriss Déby" in 2022).
            blocked = blocked or (pattern.entry.kind == "person" and pattern.rank in (USER, DATED))
        return None


#: Lower-case particles that begin names: "al Qaeda", "al-Shabaab", "de Villepin", "bin Salman".
_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "bin", "ibn", "ben", "bou", "abu", "de",
                        "da", "di", "do", "dos", "du", "van", "von", "der", "den", "ter"})


def _particle_name(texts: Sequence[str]) -> bool:
    """A capitalised name written with a lower-case particle first ("al Qaeda", "al-Qaïda")."""
    first = _WORD.findall(texts[0])
    if not first or first[0] not in _PARTICLES:
        return False
    rest = first[1:] + [w for t in texts[1:] for w in _WORD.findall(t)]
    return bool(rest) and rest[0][:1].isupper()


def _acronym(variant: str) -> bool:
    """An all-capitals short name ("MNLA", "M23", "ANC"): spelt the same in every language."""
    letters = sum(c.isalpha() for c in variant)
    return variant.rstrip("*").isupper() and 2 <= letters <= 6


def _names_any_language(rows: Sequence[ActorRow]) -> list[ActorRow]:
    """The part of an English actor table that other languages share.

    A person's name is the same in French and English news ("Paul Biya", "Jacques Chirac";
    accents are folded when matching), so people are kept whole. Organisations and groups keep
    only their acronyms: their spelled-out English names ("National Movement for the Liberation
    of Azawad") are not what a French article writes, and their English role phrases would
    never match French text.
    """
    kept: list[ActorRow] = []
    for row in rows:
        if row.kind == "person":
            kept.append(row)
            continue
        acronyms = tuple(v for v in row.variants if _acronym(v))
        if acronyms:
            kept.append(replace(row, variants=acronyms))
    return kept


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


def _builtin_table(name: str) -> tuple[ActorRow, ...]:
    """The rows of a built-in actor table, read once per process (both languages load the shared ones)."""
    try:
        stat = Path(str(package_file(_PKG, name))).stat()  # re-read should the file change
        version = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        version = (0, 0)
    return _read_builtin_table(name, *version)


@lru_cache(maxsize=None)
def _read_builtin_table(name: str, mtime: int, size: int) -> tuple[ActorRow, ...]:
    return tuple(read_actor_table(name, text=package_file(_PKG, name).read_text(encoding="utf-8")))


def _regex_tokenize(text: str) -> list[str]:
    return re.findall(r"\w+(?:[-']\w+)*|[^\w\s]", text)


@lru_cache(maxsize=None)
def actor_dictionary(lang: str, tokenize: Callable[[str], list[str]] | None = None, *,
                     actors: tuple[str, ...] = (), agents: tuple[str, ...] = ()) -> ActorDictionary:
    """The (cached) actor dictionary of ``lang``; pass the model's tokenizer for exact matching."""
    return ActorDictionary(lang, tokenize or _regex_tokenize, actors=actors, agents=agents)
