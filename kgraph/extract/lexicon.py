"""The event lexicon and grammatical markers, loaded from ``kgraph/extract/data``.

``verbs.tsv`` maps a verb lemma (optionally with its object's lemma) to a
CAMEO code, ``nouns.tsv`` maps event nouns, ``markers.tsv`` lists negation
words, modals, recipient and agent prepositions, verbs of saying and
pronouns. See each file's header for its columns.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ..text import fold
from ..cameo import cameo_codes
from ..errors import DataError
from ..resources import read_tsv

__all__ = ["LexEntry", "Lexicon", "lexicon", "SUPPORT"]

_PKG = "kgraph.extract"
#: The cameo column value of a support verb ("entamer des pourparlers", "hold talks").
SUPPORT = "*"


@dataclass(frozen=True)
class LexEntry:
    """One lexicon row: a predicate and the CAMEO code it signals."""

    lemma: str
    cameo: str
    objects: frozenset[str] = frozenset()
    joint: bool = False
    needs_target: bool = False
    place: bool = False

    @property
    def is_support(self) -> bool:
        return self.cameo == SUPPORT


@dataclass
class Lexicon:
    """Verbs, event nouns and markers of one language."""

    lang: str
    verbs: dict[str, list[LexEntry]] = field(default_factory=lambda: defaultdict(list))
    nouns: dict[str, LexEntry] = field(default_factory=dict)
    negation: frozenset[str] = frozenset()
    modals: dict[str, str] = field(default_factory=dict)
    target_preps: frozenset[str] = frozenset()
    nominal_target_preps: frozenset[str] = frozenset()
    joint_preps: frozenset[str] = frozenset()
    between_preps: frozenset[str] = frozenset()
    instrument_roots: frozenset[str] = frozenset()
    domestic_roots: frozenset[str] = frozenset()
    announced_threat_roots: frozenset[str] = frozenset()
    frame_nouns: frozenset[str] = frozenset()
    reciprocal: frozenset[str] = frozenset()
    addressee_preps: frozenset[str] = frozenset()
    measure_nouns: frozenset[str] = frozenset()
    nominal_source_preps: frozenset[str] = frozenset()
    locative_preps: frozenset[str] = frozenset()
    locative_roots: frozenset[str] = frozenset()
    addressee_roots: frozenset[str] = frozenset()
    solo_roots: frozenset[str] = frozenset()
    threat_codes: dict[str, str] = field(default_factory=dict)
    intent_modes: frozenset[str] = frozenset()
    intent_codes: dict[str, str] = field(default_factory=dict)
    agent_preps: frozenset[str] = frozenset()
    report_verbs: frozenset[str] = frozenset()
    pronouns: dict[str, str] = field(default_factory=dict)
    quantities: frozenset[str] = frozenset()

    def verb_lemmas(self, lemma: str, text: str) -> list[str]:
        """Lemma candidates for a verb token.

        The French model leaves some finite forms unlemmatised ("signe", "signent" as
        their own lemma); for those, the -er infinitive is tried too.
        """
        candidates = [fold(lemma)]
        if self.lang == "fr" and fold(lemma) == fold(text):
            word = fold(text)
            for ending, infinitive in (("ent", "er"), ("es", "er"), ("e", "er"), ("é", "er"), ("ée", "er"), ("és", "er"), ("ées", "er")):
                if word.endswith(fold(ending)) and len(word) > len(ending) + 2:
                    candidates.append(word[: -len(fold(ending))] + infinitive)
        return candidates

    def verb(self, lemma: str, object_lemmas: set[str]) -> LexEntry | None:
        """The entry for a verb: one whose object matches first, then one for any object."""
        entries = self.verbs.get(fold(lemma), [])
        folded = {fold(o) for o in object_lemmas}
        for entry in entries:
            if entry.objects and entry.objects & folded:
                return entry
        for entry in entries:
            if not entry.objects:
                return entry
        return None

    def noun(self, lemma: str) -> LexEntry | None:
        """The entry for an event noun, if ``lemma`` is one."""
        return self.nouns.get(fold(lemma))


def _flags(cell: str) -> set[str]:
    return {f.strip() for f in cell.split(",") if f.strip()}


@lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    """The (cached) lexicon of ``lang``.

    Raises:
        DataError: a row naming a CAMEO code that the scheme does not have.
    """
    codes = cameo_codes()
    lex = Lexicon(lang)

    def check(code: str, where: str) -> None:
        if code != SUPPORT and code not in codes:
            raise DataError(f"{where}: unknown CAMEO code {code!r}")

    for row in read_tsv(_PKG, "data/verbs.tsv"):
        if row["lang"] != lang:
            continue
        check(row["cameo"], f"verbs.tsv {row['lemma']}")
        flags = _flags(row.get("flags", ""))
        objects = frozenset(fold(o) for o in row.get("object", "").split("|") if o.strip())
        entry = LexEntry(fold(row["lemma"]), row["cameo"], objects, "joint" in flags, "needs_target" in flags, "place" in flags)
        lex.verbs[entry.lemma].append(entry)
    for row in read_tsv(_PKG, "data/nouns.tsv"):
        if row["lang"] != lang:
            continue
        check(row["cameo"], f"nouns.tsv {row['lemma']}")
        flags = _flags(row.get("flags", ""))
        entry = LexEntry(fold(row["lemma"]), row["cameo"], frozenset(), "joint" in flags, "needs_target" in flags)
        lex.nouns.setdefault(entry.lemma, entry)
    markers: dict[str, dict[str, str]] = defaultdict(dict)
    for row in read_tsv(_PKG, "data/markers.tsv"):
        if row["lang"] in (lang, "*"):
            markers[row["kind"]][fold(row["word"])] = row.get("value", "")
    lex.negation = frozenset(markers["negation"])
    lex.modals = dict(markers["modal"])
    lex.target_preps = frozenset(markers["target_prep"])
    lex.nominal_target_preps = frozenset(markers["nominal_target_prep"])
    lex.joint_preps = frozenset(markers["joint_prep"])
    lex.between_preps = frozenset(markers["between_prep"])
    lex.instrument_roots = frozenset(markers["instrument_root"])
    lex.domestic_roots = frozenset(markers["domestic_root"])
    lex.announced_threat_roots = frozenset(markers["announced_threat_root"])
    lex.frame_nouns = frozenset(markers["frame_noun"])
    lex.reciprocal = frozenset(markers["reciprocal"])
    lex.addressee_preps = frozenset(markers["addressee_prep"])
    lex.measure_nouns = frozenset(markers["measure_noun"])
    lex.nominal_source_preps = frozenset(markers["nominal_source_prep"])
    lex.agent_preps = frozenset(markers["agent_prep"])
    lex.locative_preps = frozenset(markers["locative_prep"])
    lex.locative_roots = frozenset(markers["locative_root"])
    lex.addressee_roots = frozenset(markers["addressee_root"])
    lex.solo_roots = frozenset(markers["solo_root"])
    lex.threat_codes = dict(markers["threat_code"])
    for code in lex.threat_codes.values():
        check(code, "markers.tsv threat_code")
    lex.intent_modes = frozenset(markers["intent_mode"])
    lex.intent_codes = dict(markers["intent_code"])
    for code in lex.intent_codes.values():
        check(code, "markers.tsv intent_code")
    lex.report_verbs = frozenset(markers["report"])
    lex.pronouns = dict(markers["pronoun"])
    lex.quantities = frozenset(markers["quantity"])
    return lex
