"""Reading PETRARCH/TABARI verb dictionaries and turning them into kgraph lexicon rows.

A PETRARCH verb dictionary (format: ``dictionaries.rst`` of PETRARCH 2) holds
synonym sets (``&NAME`` then ``+word`` lines), then verb families::

    ---  ARRANGE   [---]  ---          a family, with its default code ("---": no event)
    STAGE                              a verb of the family (regular forms are implied)
    PUT {PUTS PUTTING }  [014]         irregular forms in {...}, an own code in [...]
    +CORDON_OFF                        a multi-word verb: '+' marks the verb word
    - * PROTEST          [141]  # STAGE    a pattern: pre-verb words * post-verb words
    - * (ON ALERT)       [152]  # PUT      a prepositional phrase after the verb

:func:`parse_verb_dictionary` reads the file into :class:`VerbDictionary` (raising,
or collecting, line-numbered errors for malformed lines); :func:`lexicon_rows`
keeps what kgraph's matcher can honour (a verb alone, verb + object head, verb +
particle, verb + preposition with an optional object head) as rows of the
verbs.tsv format, and counts what it skips and why.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field

from ..errors import DataError

__all__ = [
    "PARTICLES",
    "Pattern",
    "PetrarchFormatError",
    "Verb",
    "VerbDictionary",
    "VerbFamily",
    "ImportResult",
    "lexicon_rows",
    "parse_verb_dictionary",
]

#: Words after a multi-word verb or before a pattern's object that are verb particles
#: ("BEEF_UP", "- * OUT VIEWS"): they form a phrasal key. Other words after a verb are
#: prepositions ("+ASK_FOR" is "ask" with a "for" phrase).
PARTICLES: frozenset[str] = frozenset({"up", "down", "off", "out", "back", "away", "forward", "aside", "together", "apart"})

# "---  NAME   [CODE]  ---"; the code may be missing (null), and PETRARCH itself also reads the
# "[110]---  ---" spacing some lines of CAMEO.2.0.txt have.
#: Prepositions: a bare one after the verb ("- * AGAINST") is read as a prepositional condition.
PREPOSITIONS: frozenset[str] = frozenset(
    "about above across after against along amid among around at before behind below beside between beyond by "
    "despite during for from in inside into near of on onto outside over since through throughout to toward towards "
    "under until upon with within without".split()
)
#: Words that are no object head ("- * IF", "- * THAT").
FUNCTION_WORDS: frozenset[str] = frozenset("if that whether as than when while because so not the a an it this".split())
_FAMILY = re.compile(r"^---\s+(?P<name>[^\[\]\s][^\[\]]*?)\s*(?:\[(?P<code>[^\]]*)\])?[\s-]*$")
_VERB = re.compile(r"^(?P<verb>[A-Za-z0-9'+_-]+)\s*(?:\{(?P<forms>[^}]*)\})?\s*(?:\[(?P<code>[^\]]*)\])?\s*(?:[#;].*)?$")
_PATTERN = re.compile(r"^-\s*(?P<body>.*?)\s*\[(?P<code>[^\]]*)\]\s*(?:#\s*(?P<comment>.*))?$")
_CODE = re.compile(r"^(?P<main>\d{2,4}|---)?(?::(?P<other>\d{2,4}|---))?$")
_SYNSET = re.compile(r"^&[A-Za-z0-9_]+$")
_TOKEN = re.compile(r"\([^)]*\)|\{[^}]*\}|\S+")


class PetrarchFormatError(DataError):
    """A malformed line of a PETRARCH dictionary (the message names file and line)."""


@dataclass(frozen=True)
class Verb:
    """A verb of a family: its words (lower case), the index of the verb word, an own code."""

    words: tuple[str, ...]
    head: int
    code: str | None
    line: int

    @property
    def lemma(self) -> str:
        return self.words[self.head]


@dataclass(frozen=True)
class Pattern:
    """A pattern line: the words before and after the verb, its code and its comment."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    code: str
    comment: str
    line: int


@dataclass
class VerbFamily:
    """A verb synonym block with its default code (``None`` for the null code ``---``)."""

    name: str
    code: str | None
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


@dataclass
class VerbDictionary:
    """A parsed verb dictionary.

    Attributes:
        synsets: synonym set name (``&WEAPON``) to its phrases, lower case, spaces for ``_``.
        families: the verb families, in file order.
        transformations: how many ``~`` transformation lines there were (not imported).
        errors: ``(line, message)`` of the malformed lines skipped (when not strict).
    """

    synsets: dict[str, list[str]] = field(default_factory=dict)
    families: list[VerbFamily] = field(default_factory=list)
    transformations: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def verb_count(self) -> int:
        return sum(len(f.verbs) for f in self.families)

    @property
    def pattern_count(self) -> int:
        return sum(len(f.patterns) for f in self.families)


def _code(text: str) -> str | None:
    """A code cell's main code: ``None`` for the null code; raises ValueError when malformed."""
    match = _CODE.match(text.strip())
    if not match or not (match.group("main") or match.group("other")):
        raise ValueError(f"malformed code [{text}]")
    main = match.group("main")
    return None if main in (None, "---") else main


def _verb(token: str, code: str | None, line: int) -> Verb:
    words = token.lower().split("_")
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    if len(words) > 1 and len(marked) != 1:
        raise ValueError(f"multi-word verb {token!r} needs exactly one '+' on its verb word")
    words = [w.lstrip("+") for w in words]
    if not all(words):
        raise ValueError(f"empty word in verb {token!r}")
    return Verb(tuple(words), marked[0] if marked else 0, code, line)


def parse_verb_dictionary(text: str, *, name: str = "<verbs>", strict: bool = True) -> VerbDictionary:
    """Parse the text of a PETRARCH verb dictionary.

    Args:
        text: the dictionary file's text.
        name: its name, for error messages.
        strict: raise on the first malformed line; otherwise skip it and record it in
            ``errors``.

    Raises:
        PetrarchFormatError: (strict) a malformed line, as ``name:line: what is wrong``.
    """
    result = VerbDictionary()
    family: VerbFamily | None = None
    synset: str | None = None
    started = False  # the verb families have begun

    def fail(number: int, message: str) -> None:
        if strict:
            raise PetrarchFormatError(f"{name}:{number}: {message}")
        result.errors.append((number, message))

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip() if not raw.lstrip().startswith("-") else raw.rstrip()
        if not line.strip() or line.lstrip().startswith("<"):
            continue
        line = line.strip()
        try:
            if line.startswith("---"):
                started = True
                family = None  # until the header is known good: a bad one skips its block
                synset = None
                match = _FAMILY.match(line)
                if not match:
                    raise ValueError("malformed family header (expected '--- NAME [CODE] ---')")
                family = VerbFamily(match.group("name").strip(), _code(match.group("code") or "---"), number)
                result.families.append(family)
            elif line.startswith("&"):
                if not _SYNSET.match(line):
                    raise ValueError(f"malformed synonym set label {line!r}")
                if started:
                    raise ValueError("synonym set defined after the verb families began")
                synset = line.rstrip("_")
                result.synsets[synset] = []
            elif line.startswith("+") and not started:
                if synset is None:
                    raise ValueError("'+' line outside a synonym set or verb family")
                phrase = line[1:].strip().rstrip("_").replace("_", " ").lower()
                if not phrase or any(c in phrase for c in "$+%^&{}()[]*"):
                    raise ValueError(f"synonym set phrase {line[1:]!r} may only contain words")
                result.synsets[synset].append(phrase)
            elif line.startswith("~"):
                result.transformations += 1
            elif line.startswith("-"):
                if family is None:
                    raise ValueError("pattern outside a (well-formed) verb family")
                match = _PATTERN.match(line)
                if not match:
                    raise ValueError("malformed pattern (expected '- ... * ... [CODE]')")
                body = match.group("body")
                if body.count("*") != 1:
                    raise ValueError("a pattern needs exactly one '*' for the verb")
                _code(match.group("code"))  # validated here, interpreted by lexicon_rows
                before, _, after = body.partition("*")
                family.patterns.append(
                    Pattern(tuple(_TOKEN.findall(before)), tuple(_TOKEN.findall(after)), match.group("code").strip(),
                            (match.group("comment") or "").strip(), number)
                )
            else:
                if family is None:
                    raise ValueError("verb line outside a (well-formed) verb family")
                match = _VERB.match(line)
                if not match:
                    raise ValueError(f"malformed verb line {line!r}")
                code = _code(match.group("code")) if match.group("code") is not None else family.code
                family.verbs.append(_verb(match.group("verb"), code, number))
        except ValueError as err:
            fail(number, str(err))
    return result


# ---------------------------------------------------------------- conversion
@dataclass
class ImportResult:
    """Rows for kgraph's verb lexicon and what was left out.

    Attributes:
        rows: dicts with the verbs.tsv columns plus ``origin`` (file line and verb).
        skipped: reason -> number of (pattern, verb) pairs or verbs left out.
    """

    rows: list[dict[str, str]] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)


def _singular(word: str) -> str:
    """The lemma of a dictionary noun: PETRARCH writes plurals literally ("SANCTIONS")."""
    if word.endswith(("ss", "us", "is", "news", "gas", "series", "species")) or len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


class _Skip(Exception):
    """A pattern kgraph's matcher cannot honour; the message is the reason."""


def _heads(token: str, synsets: dict[str, list[str]]) -> list[str]:
    """The head lemmas a pattern word stands for: a word, or a synonym set's one-word members."""
    if token.startswith("&"):
        if token not in synsets:
            raise _Skip("undefined synonym set")
        words = sorted({_singular(p) for p in synsets[token] if " " not in p})
        if not words:
            raise _Skip("synonym set of multi-word phrases only")
        return words
    if token.startswith("{"):
        raise _Skip("noun phrase with modifiers ({...})")
    if any(c in token for c in "$+%^"):
        raise _Skip("actor or skip marker ($ + % ^)")
    if not re.fullmatch(r"[A-Za-z][A-Za-z'-]*", token):
        raise _Skip("word kgraph cannot match")
    return [_singular(token.lower())]


def _pattern_conditions(pattern: Pattern, synsets: dict[str, list[str]]) -> tuple[str, list[str], str, list[str]]:
    """(particle, object heads, preposition, its object heads) of a pattern, or raise _Skip."""
    if pattern.before:
        raise _Skip("words before the verb (subject or pre-verb pattern)")
    words = [t for t in pattern.after if not t.startswith("(")]
    phrases = [t for t in pattern.after if t.startswith("(")]
    if len(phrases) > 1:
        raise _Skip("several prepositional phrases")
    particle = ""
    if words and words[0].lower() in PARTICLES:
        particle = words.pop(0).lower()
    prep, prep_objects = "", []
    if words and words[-1].lower() in PREPOSITIONS and not phrases:
        prep = words.pop().lower()  # "- * AGAINST": a preposition without its object
    if len(words) > 1:
        raise _Skip("several words after the verb")
    if words and words[0].lower() in FUNCTION_WORDS:
        raise _Skip("function word after the verb (IF, THAT)")
    objects = _heads(words[0], synsets) if words else []
    if phrases:
        inner = phrases[0][1:-1].split(None, 1)
        if not inner or not re.fullmatch(r"[A-Za-z]+", inner[0]):
            raise _Skip("prepositional phrase without a preposition")
        prep = inner[0].lower()
        if len(inner) > 1:
            rest = _TOKEN.findall(inner[1])
            if len(rest) > 1:
                raise _Skip("prepositional phrase with several words")
            prep_objects = _heads(rest[0], synsets)
    return particle, objects, prep, prep_objects


def _verb_parts(verb: Verb) -> tuple[str, str, str]:
    """(lemma, particle, preposition) of a family verb, or raise _Skip."""
    if verb.head != 0:
        raise _Skip("verb preceded by other words (WIRE_+TAP)")
    rest = verb.words[1:]
    if len(rest) > 1:
        raise _Skip("verb with several following words")
    if not rest:
        return verb.lemma, "", ""
    return (verb.lemma, rest[0], "") if rest[0] in PARTICLES else (verb.lemma, "", rest[0])


def _comment_verbs(pattern: Pattern, family: VerbFamily) -> list[Verb]:
    """The family verbs a pattern was written for, from its comment ("# STAGE"); all if none named."""
    named = set(re.findall(r"[A-Z][A-Z_+-]*", pattern.comment.split(",")[0] if pattern.comment else ""))
    chosen = [v for v in family.verbs if "_".join(v.words).upper() in named or v.lemma.upper() in named]
    return chosen or list(family.verbs)


def lexicon_rows(
    dictionary: VerbDictionary,
    *,
    codes: Collection[str],
    source: str = "verbs",
    all_verbs: bool = False,
    exclude_families: Collection[str] = (),
    exclude_verbs: Collection[str] = (),
    defaults: str = "all",
    exclude_defaults: Collection[str] = (),
) -> ImportResult:
    """kgraph lexicon rows (English) for what the matcher can honour in ``dictionary``.

    Args:
        dictionary: a parsed verb dictionary.
        codes: the CAMEO codes kgraph knows; rows with other codes are skipped.
        source: the dictionary's name, written in each row's ``origin``.
        all_verbs: apply each pattern to every verb of its family. By default a pattern
            applies to the verbs its comment names (the dictionary records where each
            pattern was first found), or to all of them when it names none.
        exclude_families: family names (as in their ``---`` header) to leave out.
        exclude_verbs: verbs (as written in the dictionary, ``PULL_OUT``) to leave out.
        defaults: which verbs keep a row of their own code with no condition: ``all``;
            ``specific``: only those whose code is not a root's general cue code (``010``,
            ``190``...), which PETRARCH meant to be refined by patterns or combined with a
            complement verb; ``none``.
        exclude_defaults: verbs whose own code is left out (their patterns are kept): verbs
            whose common sense is not their family's code ("TAKE" in a seizing family).

    A code ``A:B`` gives ``A`` (``B`` is the reverse direction's code); ``A:A`` marks the
    row ``joint``. The null code ``---`` of a pattern gives a no-event row (``-``); a
    verb whose code is null gives no row of its own.
    """
    result = ImportResult()
    seen: set[tuple[str, str, str, str, str]] = set()

    def add(lemma: str, particle: str, objects: list[str], prep: str, prep_objects: list[str], code_cell: str,
            line: int, verb_name: str) -> None:
        match = _CODE.match(code_cell.strip())
        if not match:
            result.skipped["malformed code"] += 1
            return
        main, other = match.group("main"), match.group("other")
        if main is None:
            result.skipped["reverse-direction code only ([:CODE])"] += 1
            return
        code = "-" if main == "---" else main
        if code != "-" and code not in codes:
            result.skipped["code not in kgraph's CAMEO scheme"] += 1
            return
        key = f"{lemma} {particle}".strip()
        prep_cell = f"{prep}:{'|'.join(prep_objects)}" if prep_objects else prep
        identity = (key, "|".join(objects), prep_cell, "", "")
        if identity in seen:
            result.skipped["same conditions as an earlier row (first kept)"] += 1
            return
        seen.add(identity)
        result.rows.append({
            "lang": "en",
            "lemma": key,
            "object": "|".join(objects),
            "cameo": code,
            "flags": "joint" if other is not None and other == main and code != "-" else "",
            "example": "",
            "prep": prep_cell,
            "subject": "",
            "origin": f"{source}:{line} {verb_name}",
        })

    if defaults not in ("all", "specific", "none"):
        raise ValueError(f"defaults must be all, specific or none, not {defaults!r}")
    excluded = {e.upper() for e in exclude_families}
    excluded_verbs = {e.upper() for e in exclude_verbs}
    no_default = {e.upper() for e in exclude_defaults}
    for family in dictionary.families:
        if family.name.upper() in excluded:
            result.skipped["family excluded"] += len(family.verbs) + len(family.patterns)
            continue
        kept = [v for v in family.verbs if "_".join(v.words).upper() not in excluded_verbs]
        if len(kept) < len(family.verbs):
            result.skipped["verb excluded"] += len(family.verbs) - len(kept)
        family = VerbFamily(family.name, family.code, family.line, kept, family.patterns)
        for verb in family.verbs:
            if verb.code is None:
                continue
            general = len(verb.code) == 3 and verb.code.endswith("0")
            if "_".join(verb.words).upper() in no_default:
                result.skipped["verb default code excluded (--exclude-default)"] += 1
                continue
            if defaults == "none" or (defaults == "specific" and general):
                result.skipped["verb default code not kept (--defaults)"] += 1
                continue
            try:
                lemma, particle, prep = _verb_parts(verb)
            except _Skip as skip:
                result.skipped[str(skip)] += 1
                continue
            add(lemma, particle, [], prep, [], verb.code, verb.line, "_".join(verb.words).upper())
        for pattern in family.patterns:
            verbs = family.verbs if all_verbs else _comment_verbs(pattern, family)
            if not verbs:
                continue
            try:
                particle, objects, prep, prep_objects = _pattern_conditions(pattern, dictionary.synsets)
            except _Skip as skip:
                result.skipped[str(skip)] += len(verbs)
                continue
            for verb in verbs:
                try:
                    lemma, verb_particle, verb_prep = _verb_parts(verb)
                except _Skip as skip:
                    result.skipped[str(skip)] += 1
                    continue
                if (verb_particle and particle and verb_particle != particle) or (verb_prep and prep and verb_prep != prep):
                    result.skipped["pattern conflicts with a multi-word verb"] += 1
                    continue
                add(lemma, verb_particle or particle, objects, verb_prep or prep, prep_objects, pattern.code, pattern.line,
                    "_".join(verb.words).upper())
    return result


def iter_tsv(rows: list[dict[str, str]], columns: tuple[str, ...]) -> Iterator[str]:
    """Tab-separated lines of ``rows`` under ``columns`` (with a header line first)."""
    yield "\t".join(columns)
    for row in rows:
        yield "\t".join(row.get(c, "") for c in columns)
