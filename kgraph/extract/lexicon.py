"""The event lexicon and grammatical markers, loaded from ``kgraph/extract/data``.

``verbs.tsv`` (hand-written, both languages) and ``verbs_petrarch.tsv`` (English,
imported from the PETRARCH CAMEO verb dictionary by ``tools/import_petrarch_verbs.py``)
map a verb key to a CAMEO code, under conditions on the verb's object, subject and
prepositions; ``classes.tsv`` names word classes the conditions use (``@sanction_words``);
``nouns.tsv`` maps event nouns; ``markers.tsv`` lists negation words, modals, recipient
and agent prepositions, verbs of saying and pronouns. See each file's header for its
columns. Users add verb files of their own in the same format (``--verbs FILE``).

A verb key is the lemma, a phrasal verb (lemma and particle: ``back down``, ``pull out``)
or a French pronominal verb (``se retirer``; ``s'engager`` is written either way).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from ..text import fold
from ..cameo import cameo_codes
from ..errors import DataError
from ..resources import package_file, read_tsv, read_tsv_file

__all__ = ["LexEntry", "Lexicon", "lexicon", "coverage", "verb_key", "SUPPORT", "NULL", "VERB_FILES"]

_PKG = "kgraph.extract"
#: The cameo column value of a support verb ("entamer des pourparlers", "hold talks").
SUPPORT = "*"
#: The cameo column value of a sense that is no event ("fire the coach"): it blocks the verb's default.
NULL = "-"
#: The verb files shipped with kgraph, in priority order (earlier rows win ties).
VERB_FILES: tuple[str, ...] = ("data/verbs.tsv", "data/verbs_petrarch.tsv")


def verb_key(lemma: str) -> str:
    """The matching key of a lemma cell: folded, spaces normalised, ``s'engager`` as ``se engager``."""
    key = " ".join(fold(lemma).split())
    if key.startswith("s'"):
        key = "se " + key[2:].lstrip()
    return key


@dataclass(frozen=True)
class LexEntry:
    """One lexicon row: a predicate, the conditions it is listed under, and the CAMEO code it signals.

    Attributes:
        lemma: the verb key (``lift``, ``back down``, ``se retirer``) or the event noun.
        cameo: a CAMEO code, :data:`SUPPORT` or :data:`NULL`.
        objects: head lemmas, one of which must be the verb's object (empty: no condition).
        joint: reciprocal action (see verbs.tsv).
        needs_target: only an event when a recipient is found.
        place: the place where it happens is the recipient.
        prep: a preposition the verb must govern ("crack down on", "se retirer de"); empty: none.
        prep_objects: head lemmas, one of which must be the object of ``prep`` (empty: any).
        subjects: head lemmas, one of which must be the verb's subject (empty: no condition).
        origin: the file and line the row comes from.
        tier: the rank of its file: 0 for user files (``--verbs``), 1 for verbs.tsv, 2 for the
            imported verbs_petrarch.tsv. Under one key, a fitting row of a lower tier wins.
        conditions: the row's conditions as written (``+@sanction_words on:strike``), for display.
        received: the subject receives and the "from"/"de" complement gives ("Kyiv received
            Patriot systems from Germany" is Germany's act on Ukraine)
        deep: the recipient is found deep in what the verb is about: the doer, owner or place
            of its object ("a qualifié d'inacceptable le plan présenté par Washington").
    """

    lemma: str
    cameo: str
    objects: frozenset[str] = frozenset()
    joint: bool = False
    needs_target: bool = False
    place: bool = False
    prep: str = ""
    prep_objects: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    origin: str = ""
    tier: int = 1
    conditions: str = ""
    deep: bool = False
    received: bool = False

    def describe(self) -> str:
        """The row for people, with its conditions as written and where it comes from:
        ``lift +@sanction_words → 085 (verbs.tsv:1502)``."""
        conditions = f" {self.conditions}" if self.conditions else ""
        origin = f" ({self.origin})" if self.origin else ""
        return f"{self.lemma}{conditions} → {self.cameo}{origin}"

    @property
    def is_support(self) -> bool:
        return self.cameo == SUPPORT

    @property
    def is_null(self) -> bool:
        return self.cameo == NULL

    def score(self, objects: Collection[str], subjects: Collection[str], preps: Mapping[str, Collection[str]]) -> int | None:
        """How specifically this row fits a verb occurrence, or ``None`` if a condition fails.

        Arguments are folded lemmas: the verb's object heads, subject heads, and its
        prepositions with the heads of their objects.
        """
        score = 0
        if self.objects:
            if not self.objects.intersection(objects):
                return None
            score += 2
        if self.subjects:
            if not self.subjects.intersection(subjects):
                return None
            score += 2
        if self.prep:
            if self.prep not in preps:
                return None
            score += 1
            if self.prep_objects:
                if not self.prep_objects.intersection(preps[self.prep]):
                    return None
                score += 2
        return score


@dataclass
class Lexicon:
    """Verbs, event nouns and markers of one language."""

    lang: str
    verbs: dict[str, list[LexEntry]] = field(default_factory=lambda: defaultdict(list))
    nouns: dict[str, LexEntry] = field(default_factory=dict)
    classes: dict[str, frozenset[str]] = field(default_factory=dict)
    negation: frozenset[str] = frozenset()
    modals: dict[str, str] = field(default_factory=dict)
    modal_nouns: dict[str, str] = field(default_factory=dict)
    target_preps: frozenset[str] = frozenset()
    nominal_target_preps: frozenset[str] = frozenset()
    joint_preps: frozenset[str] = frozenset()
    between_preps: frozenset[str] = frozenset()
    instrument_roots: frozenset[str] = frozenset()
    domestic_roots: frozenset[str] = frozenset()
    announced_threat_roots: frozenset[str] = frozenset()
    frame_nouns: frozenset[str] = frozenset()
    beneficiary_nouns: frozenset[str] = frozenset()
    reciprocal: frozenset[str] = frozenset()
    addressee_preps: frozenset[str] = frozenset()
    measure_nouns: frozenset[str] = frozenset()
    nominal_source_preps: frozenset[str] = frozenset()
    locative_preps: frozenset[str] = frozenset()
    locative_roots: frozenset[str] = frozenset()
    addressee_roots: frozenset[str] = frozenset()
    solo_roots: frozenset[str] = frozenset()
    side_roots: frozenset[str] = frozenset()
    purpose_marks: frozenset[str] = frozenset()
    unattributed_roots: frozenset[str] = frozenset()
    authority_roots: frozenset[str] = frozenset()
    claim_nouns: frozenset[str] = frozenset()
    patient_roots: frozenset[str] = frozenset()
    refusal_roots: frozenset[str] = frozenset()
    refusal_modes: frozenset[str] = frozenset()
    refusal_code: str | None = None
    pitting_verbs: frozenset[str] = frozenset()
    noun_senses: dict[str, str] = field(default_factory=dict)
    counterpart_roots: frozenset[str] = frozenset()
    source_preps: frozenset[str] = frozenset()
    threat_codes: dict[str, str] = field(default_factory=dict)
    intent_modes: frozenset[str] = frozenset()
    intent_codes: dict[str, str] = field(default_factory=dict)
    agent_preps: frozenset[str] = frozenset()
    report_verbs: frozenset[str] = frozenset()
    object_control: dict[str, str] = field(default_factory=dict)
    subject_control: frozenset[str] = frozenset()
    stative_participles: frozenset[str] = frozenset()
    nominal_agent_verbs: dict[str, str] = field(default_factory=dict)
    aiming_verbs: frozenset[str] = frozenset()
    decision_verbs: frozenset[str] = frozenset()
    population_codes: frozenset[str] = frozenset()
    allegation_verbs: frozenset[str] = frozenset()
    reported_violence_roots: frozenset[str] = frozenset()
    accusation_code: str = "112"
    pronouns: dict[str, str] = field(default_factory=dict)
    quantities: frozenset[str] = frozenset()
    portions: frozenset[str] = frozenset()
    transfer_roots: frozenset[str] = frozenset()
    sale_words: frozenset[str] = frozenset()
    command_verbs: frozenset[str] = frozenset()
    deadline_codes: frozenset[str] = frozenset()
    blame_verbs: frozenset[str] = frozenset()
    deadline_senses: dict[str, str] = field(default_factory=dict)
    sale_codes: dict[str, str] = field(default_factory=dict)
    possessives: frozenset[str] = frozenset()
    riot_codes: dict[str, str] = field(default_factory=dict)
    protest_sectors: frozenset[str] = frozenset()
    joint_codes: dict[str, str] = field(default_factory=dict)
    joint_words: frozenset[str] = frozenset()
    destination_codes: frozenset[str] = frozenset()
    destination_preps: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    reflexives: frozenset[str] = frozenset()
    assault_codes: dict[str, str] = field(default_factory=dict)
    irregular_sectors: frozenset[str] = frozenset()
    victim_sectors: frozenset[str] = frozenset()
    battle_words: frozenset[str] = frozenset()
    killing_verbs: frozenset[str] = frozenset()
    mass_code: str | None = None
    mediation_roots: frozenset[str] = frozenset()
    mediation_code: str | None = None
    mediation_verbs: frozenset[str] = frozenset()
    mediation_nouns: frozenset[str] = frozenset()
    circumstance_roots: frozenset[str] = frozenset()
    modal_adjectives: frozenset[str] = frozenset()
    responsible_adjectives: frozenset[str] = frozenset()
    multilateral_nouns: frozenset[str] = frozenset()
    visit_codes: frozenset[str] = frozenset()
    visit_preps: frozenset[str] = frozenset()
    circumstance_preps: frozenset[str] = frozenset()
    threat_roots: frozenset[str] = frozenset()
    condition_marks: frozenset[str] = frozenset()
    infinitive_verbs: frozenset[str] = frozenset()
    probe_roots: frozenset[str] = frozenset()
    probe_preps: frozenset[str] = frozenset()
    bombing_code: str | None = None
    mass_victims: int = 100
    mass_quantities: frozenset[str] = frozenset()

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

    def may_have_keys(self, lemmas: Sequence[str]) -> bool:
        """``False`` when :meth:`verb_keys` of ``lemmas`` is empty whatever the particles and the
        clitic: no verb key starts with (or, after "se", is) one of them. A cheap test before
        reading a verb's dependents (most verbs are in no row)."""
        words = self.__dict__.get("_key_words")
        if words is None or words[0] != len(self.verbs):
            heads: set[str] = set()
            for key in self.verbs:
                parts = key.split(" ")
                heads.add(parts[0])
                if parts[0] == "se" and len(parts) > 1:
                    heads.add(parts[1])
            words = self.__dict__["_key_words"] = (len(self.verbs), heads)
        for lemma in lemmas:
            lemma = fold(lemma)
            if " " in lemma or lemma in words[1]:
                return True
        return False

    def verb_keys(self, lemmas: Sequence[str], *, particles: Iterable[str] = (), reflexive: bool = False) -> list[str]:
        """The keys to look a verb up by, most specific first.

        Args:
            lemmas: lemma candidates of the verb (see :meth:`verb_lemmas`).
            particles: lemmas of its particle dependents ("down" in "backed down").
            reflexive: it has a reflexive clitic ("s'est retiré").

        The phrasal or pronominal key comes first; the bare lemma follows, so a
        pronominal verb listed only bare ("s'inquiéter" as ``inquiéter``) still matches.
        """
        keys: list[str] = []
        for lemma in lemmas:
            lemma = fold(lemma)
            keys += [f"{lemma} {fold(p)}" for p in particles if fold(p) in self.particles]
            if reflexive:
                keys.append(f"se {lemma}")
        keys += [fold(lemma) for lemma in lemmas]
        return [k for k in dict.fromkeys(keys) if k in self.verbs]

    def match(
        self,
        keys: Sequence[str],
        *,
        objects: Collection[str] = (),
        subjects: Collection[str] = (),
        preps: Mapping[str, Collection[str]] | None = None,
    ) -> LexEntry | None:
        """The row for a verb occurrence: under the first key that has a fitting row, the row of the
        best tier (user, hand-written, imported) and, within it, the most specific one.

        A :data:`NULL` row is returned like any other: the caller treats it as "no event".
        Arguments are lemmas (folded here); ``preps`` maps each preposition the verb
        governs to the heads of its objects.
        """
        folded_objects = {fold(o) for o in objects}
        folded_subjects = {fold(s) for s in subjects}
        folded_preps = {fold(p): {fold(o) for o in heads} for p, heads in (preps or {}).items()}
        for key in keys:
            best, best_rank = None, (-99, -1)
            for entry in self.verbs.get(verb_key(key), []):
                score = entry.score(folded_objects, folded_subjects, folded_preps)
                if score is not None and (-entry.tier, score) > best_rank:
                    best, best_rank = entry, (-entry.tier, score)
            if best is not None:
                return best
        return None

    def verb(self, lemma: str, object_lemmas: set[str]) -> LexEntry | None:
        """The entry for a bare verb: one whose object matches first, then one for any object."""
        entry = self.match([lemma], objects=object_lemmas)
        return None if entry is None or entry.is_null else entry

    def noun(self, lemma: str) -> LexEntry | None:
        """The entry for an event noun, if ``lemma`` is one."""
        return self.nouns.get(fold(lemma))

    def noun_at(self, token: Token) -> LexEntry | None:
        """The entry for the event noun ``token``, in the sense its modifiers give (see
        :meth:`noun_sense`)."""
        entry = self.nouns.get(fold(token.lemma_))
        code = self.noun_sense(token) if entry is not None else None
        return entry if code is None else replace(entry, cameo=code)

    def noun_sense(self, token: Token) -> str | None:
        """The code the modifiers of the event noun ``token`` give it (markers.tsv ``noun_sense``):
        "a hunger strike" protests (142), "a general strike" (143), unlike "US strikes"; ``None``
        when no modifier changes it or ``token`` is no event noun."""
        lemma = fold(token.lemma_)
        if not self.noun_senses or lemma not in self.nouns:
            return None
        for child in token.children:
            code = self.noun_senses.get(f"{lemma} {fold(child.lemma_)}")
            if code is None and child.dep_ in ("nmod", "prep"):
                # "une grève de la faim", "a strike by workers": one level down
                code = next((c for g in child.children if (c := self.noun_senses.get(f"{lemma} {fold(g.lemma_)}"))), None)
            if code is not None:
                return code
        return None


def _flags(cell: str) -> set[str]:
    return {f.strip() for f in cell.split(",") if f.strip()}


def _classes(lang: str) -> dict[str, frozenset[str]]:
    words: dict[str, set[str]] = defaultdict(set)
    for row in read_tsv(_PKG, "data/classes.tsv"):
        if row["lang"] in (lang, "*"):
            words[row["class"]].add(fold(row["word"]))
    return {name: frozenset(members) for name, members in words.items()}


def _words(cell: str, classes: Mapping[str, frozenset[str]], where: str) -> frozenset[str]:
    """The lemmas of a cell: ``|``-separated words and ``@class`` names."""
    words: set[str] = set()
    for item in (i.strip() for i in cell.split("|")):
        if not item:
            continue
        if item.startswith("@"):
            if item[1:] not in classes:
                raise DataError(f"{where}: unknown word class {item!r} (see classes.tsv)")
            words |= classes[item[1:]]
        else:
            words.add(fold(item))
    return frozenset(words)


def _verb_rows(extra: Sequence[str]) -> Iterable[tuple[str, int, dict[str, str]]]:
    """(file name, tier, row) of every verb file: the user's (tier 0), then the shipped ones."""
    for path in extra:
        for row in read_tsv_file(Path(path), path, numbered=True):
            yield path, 0, row
    for tier, name in enumerate(VERB_FILES, 1):
        for row in read_tsv_file(package_file(_PKG, name), f"{name.rsplit('/', 1)[-1]}", numbered=True):
            yield name.rsplit("/", 1)[-1], tier, row


def _verb_entry(row: dict[str, str], classes: Mapping[str, frozenset[str]], where: str, tier: int) -> LexEntry:
    flags = _flags(row.get("flags", ""))
    prep, _, prep_objects = row.get("prep", "").partition(":")
    return LexEntry(
        verb_key(row["lemma"]),
        row["cameo"],
        _words(row.get("object", ""), classes, where),
        "joint" in flags,
        "needs_target" in flags,
        "place" in flags,
        fold(prep.strip()),
        _words(prep_objects, classes, where),
        _words(row.get("subject", ""), classes, where),
        where,
        tier,
        " ".join(
            part for part in (
                f"+{row.get('object', '')}" if row.get("object") else "",
                row.get("prep", ""),
                f"subject {row.get('subject', '')}" if row.get("subject") else "",
            ) if part
        ),
        deep="deep" in flags,
        received="received" in flags,
    )


def _code_map(
    markers: Mapping[str, Mapping[str, str]], kind: str, check: Callable[[str, str], None], *, keys: bool = False
) -> dict[str, str]:
    """A marker kind mapping a word or code to a CAMEO code, each code checked against the scheme
    (with ``keys``, the words are codes too and are checked as well)."""
    mapping = dict(markers[kind])
    for key, code in mapping.items():
        if keys:
            check(key, f"markers.tsv {kind}")
        check(code, f"markers.tsv {kind}")
    return mapping


def _single_code(markers: Mapping[str, Mapping[str, str]], kind: str, check: Callable[[str, str], None]) -> str | None:
    """The CAMEO code a one-code marker kind gives (the last row wins), checked against the scheme."""
    code = None
    for code in markers[kind]:
        check(code, f"markers.tsv {kind}")
    return code


@lru_cache(maxsize=None)
def lexicon(lang: str, extra: tuple[str, ...] = ()) -> Lexicon:
    """The (cached) lexicon of ``lang``.

    Args:
        lang: ``fr`` or ``en``.
        extra: paths of user verb files (verbs.tsv format), added after the shipped ones.

    Raises:
        DataError: a row naming a CAMEO code that the scheme does not have, an unknown
            word class, a row without lemma or code, or an unreadable file.
    """
    codes = cameo_codes()
    lex = Lexicon(lang)
    lex.classes = _classes(lang)

    def check(code: str, where: str) -> None:
        if code not in (SUPPORT, NULL) and code not in codes:
            raise DataError(f"{where}: unknown CAMEO code {code!r}")

    for name, tier, row in _verb_rows(extra):
        where = f"{name}:{row['#line']}"
        for column in ("lang", "lemma", "cameo"):
            if column not in row:
                raise DataError(f"{name}: no {column!r} column in the header")
        if row["lang"] != lang:
            continue
        if not row["lemma"] or not row["cameo"]:
            raise DataError(f"{where}: a verb row needs a lemma and a cameo code")
        check(row["cameo"], where)
        entry = _verb_entry(row, lex.classes, where, tier)
        lex.verbs[entry.lemma].append(entry)
    for row in read_tsv(_PKG, "data/nouns.tsv"):
        if row["lang"] != lang:
            continue
        check(row["cameo"], f"nouns.tsv {row['lemma']}")
        flags = _flags(row.get("flags", ""))
        entry = LexEntry(fold(row["lemma"]), row["cameo"], frozenset(), "joint" in flags, "needs_target" in flags, origin="nouns.tsv")
        lex.nouns.setdefault(entry.lemma, entry)
    markers: dict[str, dict[str, str]] = defaultdict(dict)
    for row in read_tsv(_PKG, "data/markers.tsv"):
        if row["lang"] in (lang, "*"):
            markers[row["kind"]][fold(row["word"])] = row.get("value", "")
    lex.negation = frozenset(markers["negation"])
    lex.modals = dict(markers["modal"])
    lex.modal_nouns = dict(markers["modal_noun"])
    lex.target_preps = frozenset(markers["target_prep"])
    lex.nominal_target_preps = frozenset(markers["nominal_target_prep"])
    lex.joint_preps = frozenset(markers["joint_prep"])
    lex.between_preps = frozenset(markers["between_prep"])
    lex.instrument_roots = frozenset(markers["instrument_root"])
    lex.domestic_roots = frozenset(markers["domestic_root"])
    lex.announced_threat_roots = frozenset(markers["announced_threat_root"])
    lex.frame_nouns = frozenset(markers["frame_noun"])
    lex.beneficiary_nouns = frozenset(fold(w) for w in markers["beneficiary_noun"])
    lex.reciprocal = frozenset(markers["reciprocal"])
    lex.addressee_preps = frozenset(markers["addressee_prep"])
    lex.measure_nouns = frozenset(markers["measure_noun"])
    lex.nominal_source_preps = frozenset(markers["nominal_source_prep"])
    lex.agent_preps = frozenset(markers["agent_prep"])
    lex.locative_preps = frozenset(markers["locative_prep"])
    lex.locative_roots = frozenset(markers["locative_root"])
    lex.addressee_roots = frozenset(markers["addressee_root"])
    lex.solo_roots = frozenset(markers["solo_root"])
    lex.side_roots = frozenset(markers["side_root"])
    lex.purpose_marks = frozenset(markers["purpose_mark"])
    lex.unattributed_roots = frozenset(markers["unattributed_root"])
    lex.authority_roots = frozenset(markers["authority_root"])
    lex.claim_nouns = frozenset(markers["claim_noun"])
    lex.patient_roots = frozenset(markers["patient_root"])
    lex.refusal_roots = frozenset(markers["refusal_root"])
    lex.refusal_modes = frozenset(markers["refusal_mode"])
    lex.refusal_code = _single_code(markers, "refusal_code", check)
    lex.pitting_verbs = frozenset(fold(w) for w in markers["pitting"])
    lex.noun_senses = {" ".join(fold(w).split()): code for w, code in markers["noun_sense"].items()}
    for code in lex.noun_senses.values():
        check(code, "markers.tsv noun_sense")
    lex.counterpart_roots = frozenset(markers["counterpart_root"])
    lex.source_preps = frozenset(fold(w) for w in markers["source_prep"])
    lex.threat_codes = _code_map(markers, "threat_code", check)
    lex.intent_modes = frozenset(markers["intent_mode"])
    lex.intent_codes = _code_map(markers, "intent_code", check)
    lex.report_verbs = frozenset(markers["report"])
    lex.object_control = {word: fold(prep) for word, prep in markers["object_control"].items()}
    lex.subject_control = frozenset(markers["subject_control"])
    lex.stative_participles = frozenset(markers["stative"])
    lex.nominal_agent_verbs = dict(markers["nominal_agent"])
    lex.aiming_verbs = frozenset(markers["aiming"])
    lex.decision_verbs = frozenset(markers["decision"])
    lex.population_codes = frozenset(markers["population_code"])
    lex.allegation_verbs = frozenset(markers["allegation"])
    lex.reported_violence_roots = frozenset(markers["reported_violence_root"])
    lex.accusation_code = _single_code(markers, "accusation_code", check) or lex.accusation_code
    lex.pronouns = dict(markers["pronoun"])
    lex.quantities = frozenset(markers["quantity"])
    lex.portions = frozenset(markers["portion"])
    lex.transfer_roots = frozenset(markers["transfer_root"])
    lex.sale_words = frozenset(markers["sale_word"])
    lex.command_verbs = frozenset(markers["command"])
    lex.deadline_codes = frozenset(markers["deadline_code"])
    lex.blame_verbs = frozenset(markers["blame"])
    lex.deadline_senses = _code_map(markers, "deadline_sense", check)
    lex.sale_codes = _code_map(markers, "sale_code", check, keys=True)
    lex.possessives = frozenset(fold(w) for w in markers["possessive"])
    lex.particles = frozenset(markers["particle"])
    lex.reflexives = frozenset(markers["reflexive"])
    lex.assault_codes = _code_map(markers, "assault_code", check, keys=True)
    lex.irregular_sectors = frozenset(word.upper() for word in markers["irregular_sector"])
    lex.victim_sectors = frozenset(word.upper() for word in markers["victim_sector"])
    lex.riot_codes = _code_map(markers, "riot_code", check, keys=True)
    lex.protest_sectors = frozenset(word.upper() for word in markers["protest_sector"])
    lex.joint_codes = _code_map(markers, "joint_code", check)
    lex.joint_words = frozenset(fold(w) for w in markers["joint_word"])
    lex.destination_codes = frozenset(markers["destination_code"])
    for code in lex.destination_codes:
        check(code, "markers.tsv destination_code")
    lex.destination_preps = frozenset(fold(w) for w in markers["destination_prep"])
    lex.battle_words = frozenset(markers["battle"])
    lex.killing_verbs = frozenset(markers["killing"])
    for code, victims in markers["mass_code"].items():
        check(code, "markers.tsv mass_code")
        lex.mass_code, lex.mass_victims = code, int(victims)
    lex.mass_quantities = frozenset(markers["mass_quantity"])
    lex.probe_roots = frozenset(markers["probe_root"])
    lex.mediation_roots = frozenset(markers["mediation_root"])
    lex.mediation_code = _single_code(markers, "mediation_code", check)
    lex.mediation_verbs = frozenset(markers["mediation_verb"])
    lex.mediation_nouns = frozenset(markers["mediation_noun"])
    lex.circumstance_roots = frozenset(markers["circumstance_root"])
    lex.modal_adjectives = frozenset(fold(w) for w in markers["modal_adjective"])
    lex.responsible_adjectives = frozenset(fold(w) for w in markers["responsible_adjective"])
    lex.multilateral_nouns = frozenset(fold(w) for w in markers["multilateral_noun"])
    lex.visit_codes = frozenset(markers["visit_code"])
    for code in lex.visit_codes:
        check(code, "markers.tsv visit_code")
    lex.visit_preps = frozenset(fold(w) for w in markers["visit_prep"])
    lex.circumstance_preps = frozenset(fold(w) for w in markers["circumstance_prep"])
    lex.threat_roots = frozenset(markers["threat_root"])
    lex.condition_marks = frozenset(markers["condition_mark"])
    lex.infinitive_verbs = frozenset(markers["infinitive"])
    lex.probe_preps = frozenset(markers["probe_prep"])
    lex.bombing_code = _single_code(markers, "bombing_code", check)
    return lex


def coverage(lang: str, extra: tuple[str, ...] = ()) -> dict[str, object]:
    """Lexicon size and CAMEO coverage of ``lang``.

    Returns:
        ``verb_rows``, ``noun_rows``, ``verb_keys`` (distinct keys), ``phrasal`` (keys with a
        particle or ``se``), ``codes`` (CAMEO codes of three or four digits in the scheme),
        ``covered`` (those with at least one verb or noun row), ``verb_codes``,
        ``noun_codes``, ``roots_covered`` (of 20) and ``missing`` (the uncovered codes).
    """
    lex = lexicon(lang, extra)
    scheme = sorted(c for c in cameo_codes() if len(c) >= 3)
    verb_codes = Counter(e.cameo for entries in lex.verbs.values() for e in entries if not (e.is_support or e.is_null))
    noun_codes = Counter(e.cameo for e in lex.nouns.values() if not e.is_support)
    covered = [c for c in scheme if c in verb_codes or c in noun_codes]
    return {
        "lang": lang,
        "verb_rows": sum(len(v) for v in lex.verbs.values()),
        "noun_rows": len(lex.nouns),
        "verb_keys": len(lex.verbs),
        "phrasal": sum(1 for k in lex.verbs if " " in k),
        "codes": len(scheme),
        "covered": len(covered),
        "verb_codes": sum(1 for c in scheme if c in verb_codes),
        "noun_codes": sum(1 for c in scheme if c in noun_codes),
        "roots_covered": len({c[:2] for c in covered}),
        "missing": [c for c in scheme if c not in covered],
    }
