"""Resolving noun phrases, titles and pronouns to actors, one document at a time.

The resolver keeps a short discourse memory, so that a pronoun ("il",
"nous", "they") or a bare title ("le ministre") refers back to the actor
last named, and knows each sentence's speaker ("…, a déclaré Cavusoglu"),
so that "nous" inside a quotation is the speaker's government.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..model import ActorRef
from ..nlp import token_pos, token_texts
from ..text import fold
from .dictionary import ActorDictionary, ActorMatch, phrase_key
from .table import NON_STATE

if TYPE_CHECKING:
    from ..extract.lexicon import Lexicon

__all__ = ["ActorResolver", "clause_head", "phrase_bounds"]

# Dependents that are part of a name ("Mike" ← "Pompeo", "Mevlut" ← "Cavusoglu").
NAME_DEPS = frozenset({"flat", "flat:name", "flat:foreign", "fixed", "compound", "goeswith"})
# Dependents that are not part of a noun phrase's words.
CUT_DEPS = frozenset({"conj", "cc", "acl", "acl:relcl", "relcl", "advcl", "parataxis", "ccomp", "xcomp", "punct", "dep", "cc:preconj", "mark"})
# Dependents of a role noun that may name its country ("ministre turc", "experts de Turquie",
# "US officials", "Russia's president", "secretary of state of the US").
OWNER_DEPS = frozenset({"amod", "nmod", "compound", "poss", "nmod:poss", "obl:arg", "npadvmod"})
# French articles that make a bare title definite ("le ministre" refers back).
_DEFINITE = frozenset({"le", "la", "les", "l'", "the", "ce", "cette"})
_PERSONS = frozenset({"person", "agent", "context"})
# Prepositions of place whose object gives a role noun its country: "police in Nepal",
# "students at a university in Ankara", "les manifestants à Ankara".
_LOCATIVE = frozenset(fold(w) for w in ("in", "at", "inside", "across", "throughout", "à", "au", "aux", "en", "dans"))
#: Nouns of a part of an organisation, which stands for it ("la branche afghane de l'EI", "the military wing of Hamas").
_PART_NOUNS = frozenset({"branche", "aile", "faction", "cellule", "filiale", "branch", "wing", "affiliate", "cell", "offshoot", "franchise"})
#: Sectors of non-state groups whose adjective on a leader noun makes it their leader ("chefs rebelles").
_LED_GROUPS = frozenset({"REB", "INS", "OPP", "SEP", "UAF"})
# Participles that make their modifier the leader or backer of a group: "Saudi-led", "Iranian-backed".
_LED = frozenset(fold(w) for w in ("led", "backed", "sponsored", "supported", "dirigé", "dirigée", "dirigés", "dirigées",
                                   "soutenu", "soutenue", "soutenus", "soutenues"))
# The participles of _LED that name a backer, not a leader: the group belongs elsewhere.
_SPONSORED = frozenset(fold(w) for w in ("backed", "sponsored", "supported", "soutenu", "soutenue", "soutenus", "soutenues"))
# Modifiers that make a demonym an ethnic group living elsewhere: "ethnic Albanians in Serbia".
_ETHNIC = frozenset(fold(w) for w in ("ethnic", "ethnique", "ethniques", "origine"))
# A prefix that makes a demonym an affiliation, not an owner: "pro-Russian separatists".
_PRO = frozenset({"pro", "anti", "non"})
_PRO_HYPHENATED = tuple(sorted(p + "-" for p in _PRO))
# Kinds of dictionary entry that name a state (or a place in it) and count towards the context country.
_STATE_KINDS = frozenset({"country", "capital", "place", "demonym", "metonym"})
#: The sector column value of a collective noun that stands for its owner ("side", "forum").
NO_SECTOR = "-"
# How many sentences back a pronoun or a bare title may look for its actor.
_REACH = 6
_DOCUMENT = 10_000


@dataclass(frozen=True)
class _Memory:
    ref: ActorRef
    sentence: int
    token: int
    person: bool
    subject: bool
    title: str | None  # the role noun the actor was named with ("ministre", "spokesman")
    gender: str | None
    number: str | None
    clause: int = -1  # token index of the head of the clause the actor was named in
    main: bool = False  # the subject of the sentence's main clause (the most salient antecedent)


_MORPH_VALUES: dict[tuple[str, str], tuple[str, ...]] = {}


def morph_values(token: Token, field: str) -> list[str]:
    """``token.morph.get(field)``, worked out once per analysis and field (``get`` parses it each time)."""
    morph = token.morph
    key = (str(morph), field)
    values = _MORPH_VALUES.get(key)
    if values is None:
        if len(_MORPH_VALUES) >= 1 << 16:
            _MORPH_VALUES.clear()
        values = _MORPH_VALUES[key] = tuple(morph.get(field))
    return list(values)


def clause_head(token: Token) -> Token:
    """The verb (or the root) heading the clause ``token`` belongs to."""
    head = token.head
    while head.i != head.head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    return head


def phrase_bounds(head: Token) -> tuple[int, int]:
    """Character offsets of the noun phrase headed by ``head`` (without conjuncts, clauses)."""
    keep = [head]
    # The phrase's own preposition is not part of it: "contre [la présidence turque]".
    stack = [c for c in head.children if c.dep_ not in CUT_DEPS and c.dep_ != "case"]
    while stack:
        token = stack.pop()
        keep.append(token)
        stack.extend(c for c in token.children if c.dep_ not in CUT_DEPS)
    first = min(keep, key=lambda t: t.i)
    last = max(keep, key=lambda t: t.i)
    doc = head.doc
    # Close a bracket the phrase opened: "la présidence (SSB)".
    if last.i + 1 < len(doc) and doc[last.i + 1].text == ")" and any(t.text == "(" for t in doc[first.i : last.i + 1]):
        last = doc[last.i + 1]
    return first.idx, last.idx + len(last.text)


def _bare(token: Token) -> bool:
    """A role noun with no name of its own attached ("police", "les manifestants"), unlike
    "the Lord's Resistance Army" or "Resistance Army", whose owner is named but unknown."""
    return not any(
        c.dep_ in ("poss", "nmod:poss") or "Yes" in morph_values(c, "Poss")
        or (c.dep_ in NAME_DEPS and c.pos_ == "PROPN" and c.i != c.sent.start)  # "Riot police" opening a sentence is no name
        or (c.dep_ == "nmod" and c.pos_ == "PROPN")  # "les rebelles du M23": named, if unknown
        or (c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children))
        for c in token.children
    ) and token.pos_ == "NOUN"


class ActorResolver:
    """Finds the actors of noun phrases in one parsed document.

    Args:
        doc: the parsed article (normalised text).
        text: the original article text, for the ``text`` of actor mentions.
        dictionary: the actor tables of the document's language.
        lexicon: the language's markers (pronouns, verbs of saying).
        date: the article's date (ISO): people are resolved to the office they held then.
    """

    def __init__(self, doc: Doc, text: str, dictionary: ActorDictionary, lexicon: Lexicon, *, date: str | None = None) -> None:
        self.doc = doc
        self.text = text
        self.dictionary = dictionary
        self.lexicon = lexicon
        self.date = date
        self._matches: dict[int, ActorMatch] = {}
        for match in dictionary.match(doc, date=date):
            for i in range(match.start, match.end):
                self._matches[i] = match
        self._cache: dict[int, list[ActorRef]] = {}
        # Per-document memos of what depends on the parse and the matches only, never on the
        # discourse memory: each is worked out once per token or sentence (the same values).
        self._sents: list[Span] | None = None  # doc.sents, and the sentence of each token (on first use)
        self._sentence_of: list[int] = []
        self._bounds: dict[int, tuple[int, int]] = {}
        self._sectors: dict[int, str | None] = {}
        self._located_in: dict[int, Counter[str]] = {}
        self._context_in: dict[int, str | None] = {}
        self._quoted_in: dict[int, set[int]] = {}
        self._reporting_in: dict[int, list[int]] = {}
        # The article's countries, by how often they are named (for domestic actors with no country).
        self._countries: Counter[str] = Counter(
            m.entry.country for m in {id(m): m for m in self._matches.values()}.values()
            if m.entry.country and m.entry.kind in _STATE_KINDS | {"person"}
        )
        self._disambiguate()
        self._memory: list[_Memory] = []
        self._speaker: ActorRef | None = None
        self._sentence = -1

    def _disambiguate(self) -> None:
        """A name several states share ("Congo", "Georgia") takes the state the article names
        more often otherwise ("Kinshasa", "Tshisekedi" → DR Congo)."""
        for match in {id(m): m for m in self._matches.values()}.values():
            choices = self.dictionary.ambiguous.get(phrase_key(self.doc[match.start:match.end].text))
            own = match.entry.country
            if not choices or own not in choices:
                continue
            counts = {code: self._countries[code] - (code == own) for code in choices}
            best = max(choices, key=lambda code: (counts[code], code == own))
            if best != own and counts[best] > counts[own]:
                # "Tripoli" in a story about Lebanon: the Lebanese city, standing for its country.
                entry = replace(match.entry, code=best, country=best, sector=None, label=self.dictionary.label_for(best),
                                wikidata=None, kind="place" if match.entry.kind == "capital" else match.entry.kind,
                                rule="ambiguous")
                moved = ActorMatch(match.start, match.end, entry)
                for i in range(match.start, match.end):
                    self._matches[i] = moved

    def _sent(self, token: Token) -> Span:
        """``token.sent``, looked up (``Token.sent`` scans the document each time)."""
        if self._sents is None:
            self._sents = list(self.doc.sents)
            self._sentence_of = [k for k, sent in enumerate(self._sents) for _ in range(len(sent))]
        return self._sents[self._sentence_of[token.i]]

    def _role_sector(self, token: Token) -> str | None:
        """:meth:`ActorDictionary.role_sector` of ``token``, once per token."""
        i = token.i
        if i not in self._sectors:
            self._sectors[i] = self.dictionary.role_sector(token)
        return self._sectors[i]

    # ------------------------------------------------------------ sentences
    def start_sentence(self, index: int, sent: Span) -> None:
        """Resolve every noun phrase of ``sent`` in reading order, updating the memory."""
        self._sentence = index
        self._speaker = self._find_speaker(sent)
        if self._speaker is None and sent.end < len(self.doc):
            # « … nous avons dit … » a expliqué le ministre: the speaker of a quotation may be
            # named in the clause that follows it.
            following = self._sent(self.doc[sent.end])
            first = next((t for t in following if not t.is_punct), None)
            if first is not None and (first.is_lower or first.pos_ in ("AUX", "VERB")):
                self._speaker = self._find_speaker(following, roles=True)
        tokens, pos = _tokens(self.doc), token_pos(self.doc)
        for i in range(sent.start, sent.end):
            if pos[i] not in ("NOUN", "PROPN", "PRON"):
                continue
            token = tokens[i]
            if token.dep_ not in NAME_DEPS:
                refs = self.resolve_one(token)
                # A pronoun subject keeps its antecedent salient: "Il a noté que Pompeo …" leaves
                # the minister, not Pompeo, as the one the next "Il" refers to.
                if len(refs) == 1 and (refs[0].how != "pronoun" or token.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")):
                    self._remember(refs[0], token)

    def _find_speaker(self, sent: Span, *, roles: bool = False) -> ActorRef | None:
        """The speaker of a verb of saying in ``sent``: its subject or inverted object (with
        ``roles``, also a role noun known from the article: "a expliqué le ministre")."""
        for i in self._reporting(sent):
            token = self.doc[i]
            for child in token.children:
                inverted = child.dep_ in ("obj", "dobj") and child.i > token.i
                if child.dep_ == "nsubj" or inverted:
                    refs = self._resolve_named(child) or ([r for r in self.resolve_one(child) if r.how != "pronoun"] if roles else [])
                    if refs:
                        return refs[0]
        return None

    def _reporting(self, sent: Span) -> list[int]:
        """The verbs of saying of ``sent`` outside quotations, once per sentence: "nous avons dit"
        inside the quotation is the quoted speaker's own report."""
        verbs = self._reporting_in.get(sent.start)
        if verbs is None:
            quoted = _quoted(sent)
            tokens, pos, report = _tokens(self.doc), token_pos(self.doc), self.lexicon.report_verbs
            verbs = self._reporting_in[sent.start] = [
                i for i in range(sent.start, sent.end)
                if pos[i] == "VERB" and i not in quoted and fold(tokens[i].lemma_) in report
            ]
        return verbs

    def _remember(self, ref: ActorRef, token: Token) -> None:
        gender = morph_values(token, "Gender")
        number = morph_values(token, "Number")
        subject = token.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")
        clause = clause_head(token).i
        self._memory.append(
            _Memory(ref, self._sentence, token.i, ref.how in _PERSONS or self._is_person(token) or ref.rule == "pronoun-person",
                    subject, self._title(token),
                    gender[0] if gender else None, number[0] if number else None, clause,
                    subject and clause == self._sent(token).root.i)
        )

    def _title(self, token: Token) -> str | None:
        """The role noun of a phrase: itself ("le ministre turc") or the noun a name is apposed to."""
        if self._role_sector(token) not in (None, NO_SECTOR):
            return fold(token.lemma_)
        if token.dep_ == "appos" and self._role_sector(token.head):
            return fold(token.head.lemma_)
        return None

    def _is_person(self, token: Token) -> bool:
        match = self._matches.get(token.i)
        return token.ent_type_ == "PER" or token.ent_type_ == "PERSON" or (match is not None and match.entry.kind == "person")

    # ------------------------------------------------------------ resolution
    def named(self, token: Token) -> ActorRef | None:
        """The dictionary entry matched at ``token`` as an actor, whatever its part of speech
        ("Hungarian" alone is Hungary): the last resort of a phrase looked up alone."""
        match = self._matches.get(token.i)
        if match is None or _prefixed(token):
            return None
        e = match.entry
        return self._ref(token, e.code, e.country, e.sector, e.label, e.wikidata, "dictionary", _rule(match))

    def resolve(self, head: Token) -> list[ActorRef]:
        """Actors of ``head`` and of the phrases coordinated with it ("X et Y")."""
        refs: list[ActorRef] = []
        members = [head, *[c for c in head.conjuncts if c.i > head.i]]
        match = self._matches.get(head.i)
        if match is not None:
            # The parser may hang the coordination on another word of a multiword name:
            # "Barack Obama and Vladimir Putin" with "Putin" a conjunct of "Obama".
            for i in range(match.start, match.end):
                members += [c for c in self.doc[i].conjuncts if c.i > head.i and c not in members]
        for apposition in (c for c in head.children if c.dep_ in ("appos", "flat:name", "flat")):
            # Or on the name in apposition: "U.S. envoy Zalmay Khalilzad and Taliban negotiators"
            # with "negotiators" a conjunct of "Khalilzad".
            members += [c for c in apposition.conjuncts if c.i > head.i and c not in members]
        for token in members:
            for ref in self.resolve_one(token):
                if all(r.code != ref.code for r in refs):
                    refs.append(ref)
        return refs

    def resolve_one(self, token: Token) -> list[ActorRef]:
        """Actors of the phrase headed by ``token`` alone (cached per token)."""
        if token.i not in self._cache:
            self._cache[token.i] = [self._operating(ref, token) for ref in self._resolve(token)]
        return self._cache[token.i]

    def _operating(self, ref: ActorRef, token: Token) -> ActorRef:
        """An international armed group (IMG: Islamic State, al-Qaeda) acts as the rebels of the
        country it acts in, as the gold data codes it: "Islamic State fighters seized Palmyra" is
        SYRREB. The country is the one place its sentence names, else the article's dominant one."""
        if not ref.code.startswith("IMG") or ref.country:
            return ref
        places = self._located(self._sent(token))
        country = next(iter(places)) if len(places) == 1 else self.context_country(token)
        return rebels_of(ref, country) if country else ref

    def _resolve(self, token: Token) -> list[ActorRef]:
        if token.pos_ == "PRON" and fold(token.text) not in self.lexicon.pronouns and token.i in self._matches:
            return self._resolve_named(token)  # a name the tagger took for a pronoun: "les Vingt-Sept"
        if token.pos_ == "PRON":
            ref = self._pronoun(token)
            return [ref] if ref else []
        return self._resolve_named(token)

    def _resolve_named(self, token: Token) -> list[ActorRef]:
        if token.pos_ in ("NOUN", "PROPN") and _prefixed(token):
            return []  # "non-Muslims", "anti-Americans" are not who they name
        match = self._matches.get(token.i)
        if match is not None and match.entry.kind == "demonym" and token.pos_ in ("NOUN", "PROPN"):
            # A people named with where it lives takes that country: "ethnic Albanians in Serbia"
            # is SRB, "les Serbes de Bosnie" and "Bosnian Serbs" BIH.
            country = self._residence(token, match)
            if country:
                return [self._ref(token, country + "ETH", country, "ETH", self.dictionary.label_for(country + "ETH"), None,
                                  "agent", "ethnic+place")]
        if match is not None and (match.entry.kind != "demonym" or token.pos_ in ("NOUN", "PROPN")):
            if not (token.pos_ == "NOUN" and self._role_sector(token)):
                owned = self._owned_institution(token, match)
                if owned:
                    return owned
                if match.entry.kind == "person" and match.entry.sector in (None, "ELI") and token.pos_ == "PROPN":
                    # A person out of office whose title says what they are now: "opposition
                    # leader Nana Akufo-Addo", "le général à la retraite …".
                    titled = self._titled_name(token)
                    if titled and titled[0].country == match.entry.country:
                        return titled
                return [self._ref(token, match.entry.code, match.entry.country, match.entry.sector,
                                  match.entry.label, match.entry.wikidata, "dictionary", _rule(match))]
        if token.pos_ == "NOUN":
            named = self._named_collective(token)  # before quantities: "a group of …" counts, "the ELN group" names
            if named:
                return named
        if token.pos_ in ("NOUN", "PROPN", "NUM"):
            if fold(token.lemma_) in self.lexicon.quantities or token.pos_ == "NUM":
                # A quantity stands for what it counts: "des milliers de Polonais", "thousands of Iranians".
                for child in token.children:
                    if child.dep_ in ("nmod", "obl:arg") and not any(
                        c.dep_ == "case" and fold(c.text) not in ("de", "d'", "des", "du") for c in child.children
                    ):  # "des milliers de Polonais", not "2 milliards de dollars à l'Ukraine"
                        heads = [child]
                    elif child.dep_ == "prep" and fold(child.text) == "of":
                        heads = [c for c in child.children if c.dep_ == "pobj"]
                    else:
                        continue
                    for head in heads:
                        refs = self.resolve(head)
                        if refs:
                            return refs
                return []  # a count of something else ("2 milliards de dollars à l'Ukraine") is no actor
        if token.pos_ == "NOUN":
            pair = self._pair(token)
            if pair:
                return pair
        if token.pos_ in ("NOUN", "PROPN"):
            sector = self._role_sector(token)
            if sector == "GOV" and (fold(token.lemma_) in self.dictionary.leader_nouns or fold(token.text) in self.dictionary.leader_nouns):
                # A leader qualified by a group's adjective leads that group: "les chefs rebelles",
                # "rebel commanders", "un dirigeant insurgé".
                sector = next((found for c in token.children if c.dep_ in ("amod", "compound") and c.i != token.i
                               for found in (self.dictionary.agent_sector(c.lemma_) or self.dictionary.agent_sector(c.text),)
                               if found in _LED_GROUPS), sector)
            if sector:
                return self._role(token, sector)
            # A name whose parts are split over flat/compound dependents: "Mike Pompeo".
            for child in token.children:
                if child.dep_ in NAME_DEPS and child.pos_ == "PROPN":
                    match = self._matches.get(child.i)
                    if match is not None and match.entry.kind == "person":
                        e = match.entry
                        return [self._ref(token, e.code, e.country, e.sector, e.label, e.wikidata, "dictionary", _rule(match))]
            if token.pos_ == "PROPN":
                titled = self._titled_name(token)
                if titled:
                    return titled
            return self._owned(token)
        return []

    def _residence(self, token: Token, match: ActorMatch) -> str | None:
        """The country a people (a demonym used as a noun) is said to live in, if not its own:
        a place after "in"/"à" (with "ethnic" before the people), a "de"/"of" complement
        ("les Serbes de Bosnie", "Arméniens du Haut-Karabakh") or another state's adjective
        ("Bosnian Serbs", "Kurdes irakiens")."""
        own = match.entry.country
        ethnic = any(fold(c.text) in _ETHNIC for c in token.children if c.dep_ in ("amod", "nmod", "compound"))
        if ethnic:
            for ref in self.places(token):
                if ref.country != own:
                    return ref.country
        for child in token.children:
            if child.i in range(match.start, match.end):
                continue
            heads: list[Token] = []
            if child.dep_ in ("amod", "compound"):
                heads = [child]
            elif child.dep_ == "prep" and fold(child.text) in ("of", "from"):
                heads = [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ in ("nmod", "obl:arg") and any(
                fold(c.text) in ("de", "du", "des", "d'", "d") for c in child.children if c.dep_ == "case"
            ):
                heads = [child]
            for head in heads:
                place = self._matches.get(head.i)
                kinds = ("demonym",) if child.dep_ in ("amod", "compound") else ("country", "place", "capital")
                if place is not None and place.entry.kind in kinds and place.entry.country not in (None, own):
                    return place.entry.country
        return None

    def _owned_institution(self, token: Token, match: ActorMatch) -> list[ActorRef]:
        """An institution's one-word name owned by another state: "the Peruvian Congress",
        "Brazil's Senate" are not the US Congress; the owner's country keeps the name's sector."""
        entry = match.entry
        if entry.kind not in ("metonym", "group", "organization") or not entry.country:
            return []
        for owner in self.owners(token, sponsors=False, skip=frozenset(range(match.start, match.end))):
            if owner.country and owner.country != entry.country and owner.how != "context":
                code = owner.country + entry.code[3:]
                return [self._ref(token, code, owner.country, entry.sector, self.dictionary.label_for(code), None,
                                  "agent", "institution+" + _kind(owner))]
        return []

    def _owned(self, token: Token) -> list[ActorRef]:
        """An unknown noun stands for the actor owning it or the place it is in: "Iran's
        Revolutionary Guards", "Israeli helicopter gunships", "les Gardiens de la révolution
        iraniens", "garment workers in Bangladesh", "des ouvriers à Dacca"."""
        if token.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"):
            return []
        if fold(token.lemma_) in self.lexicon.frame_nouns:
            return []  # "à l'issue d'une visite de l'émissaire américain" is a time, not an actor
        if fold(token.lemma_) in _PART_NOUNS:
            # A branch of a group is that group: "la branche afghane de l'organisation État
            # islamique", "the Syrian wing of al-Qaeda" (the group's own code, placed by the events).
            for child in token.children:
                heads = [c for c in child.children if c.dep_ == "pobj"] if child.dep_ == "prep" and fold(child.text) == "of" else (
                    [child] if child.dep_ == "nmod" and any(fold(c.text) in ("de", "du", "des", "d'") for c in child.children if c.dep_ == "case") else [])
                for head in heads:
                    groups = [r for r in self.resolve(head) if r.code[:3] in NON_STATE or r.sector in ("REB", "INS", "SEP", "OPP")]
                    if groups:
                        g = groups[0]
                        return [self._ref(token, g.code, g.country, g.sector, g.label, g.wikidata, g.how, "branch of group")]
        owners = [r for r in self.owners(token) if r.how != "pronoun"]
        if owners:
            o = owners[0]
            return [self._ref(token, o.code, o.country, o.sector, o.label, o.wikidata, "owner")]
        if self.lexicon.noun(token.lemma_) is not None or fold(token.lemma_) in self.lexicon.measure_nouns:
            return []  # where talks or a strike happen is their venue, not an actor
        country = self._place_in(token)
        if country:
            return [self._ref(token, country, country, None, self.dictionary.label_for(country), None, "place")]
        return []

    def _place_in(self, token: Token) -> str | None:
        """The country of a place phrase under ``token``: "in Nepal", "à Ankara", "au Kenya"."""
        for child in token.children:
            heads: list[Token] = []
            if child.dep_ == "prep" and fold(child.text) in self.lexicon.locative_preps:
                heads = [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ in ("nmod", "obl", "obl:mod") and any(
                fold(c.text) in self.lexicon.locative_preps | {"au", "aux"} for c in child.children if c.dep_ == "case"
            ):
                heads = [child]
            for head in heads:
                match = self._matches.get(head.i)
                if match is not None and match.entry.kind in ("country", "capital", "place") and match.entry.country:
                    return match.entry.country
        return None

    def _context_country(self, token: Token, *, after: bool = True, memory: bool = True) -> str | None:
        """The country a bare domestic actor ("police", "protesters", "l'opposition") belongs to:
        a place named in its phrase or in its clause, else the country named nearest to it in
        the sentence (only before it unless ``after``), else the last country the article named."""
        place = self._place_in(token)
        if place:
            return place
        head = token.head
        for _ in range(3):
            place = self._place_in(head)
            if place:
                return place
            if head.head.i == head.i:
                break
            head = head.head
        nearest: tuple[int, str] | None = None
        sent = self._sent(token)
        for i in range(sent.start, sent.end):
            match = self._matches.get(i)
            if match is None or not match.entry.country or match.entry.kind == "person" or (i > token.i and not after):
                continue
            if _prefixed(self.doc[i]):
                continue  # "pro-Russian separatists" are not Russian
            distance = abs(i - token.i)
            if nearest is None or distance < nearest[0]:
                nearest = (distance, match.entry.country)
        if nearest is not None:
            return nearest[1]
        for remembered in reversed(self._memory) if memory else ():
            if remembered.ref.country:
                return remembered.ref.country
        return None

    def _place_under(self, token: Token) -> str | None:
        """The country of a place inside a phrase of place under ``token``: "dans l'enceinte de
        l'école de police de Bogota", "near the town of Samarra"."""
        for child in token.children:
            if child.dep_ == "prep" and fold(child.text) in _LOCATIVE | {"near", "outside"}:
                phrase = child
            elif child.dep_ in ("nmod", "obl", "obl:mod") and any(
                fold(c.text) in _LOCATIVE | {"près", "devant"} for c in child.children if c.dep_ == "case"
            ):
                phrase = child
            else:
                continue
            for word in phrase.subtree:
                match = self._matches.get(word.i)
                if match is not None and match.entry.kind in ("country", "capital", "place") and match.entry.country:
                    return match.entry.country
        return None

    def at_place(self, token: Token, sector: str) -> list[ActorRef]:
        """An actor of ``sector`` of the country where ``token`` happens: a place named in its
        clause ("a explosé à Bogota", "killed in Mali"), else the one place the sentence names
        after a preposition of place. Unlike :meth:`in_context`, never a country merely mentioned."""
        country = None
        head = token
        for _ in range(3):
            country = self._place_in(head) or self._place_under(head)
            if country or head.head.i == head.i:
                break
            head = head.head
        if not country:
            places = self._located(self._sent(token))
            country = next(iter(places)) if len(places) == 1 else None
        if not country:
            return []
        code = country + sector
        return [self._ref(token, code, country, sector, self.dictionary.label_for(code), None, "context", "place of the event")]

    def in_context(self, token: Token, sector: str) -> list[ActorRef]:
        """An actor of ``sector`` from the country in context of ``token`` (see :meth:`_context_country`)."""
        country = self._context_country(token)
        if not country:
            return []
        code = country + sector
        return [self._ref(token, code, country, sector, self.dictionary.label_for(code), None, "context")]

    def _titled_name(self, token: Token) -> list[ActorRef]:
        """An unknown name with a title before it: "Japanese Prime Minister Ryutaro Hashimoto",
        "Iraqi President Saddam Hussein" — the title gives the sector, its modifiers the country."""
        prefix = [t for t in token.subtree if t.i < token.i and t.dep_ in NAME_DEPS | {"amod", "poss", "nmod:poss", "nmod"}]
        for title in prefix:
            sector = self._role_sector(title) if title.pos_ in ("NOUN", "PROPN") else None
            if not sector:
                continue
            owners: list[ActorRef] = []
            for holder in (title, token):
                for ref in self.owners(holder):
                    if all(r.code != ref.code for r in owners):
                        owners.append(ref)
            for owner in owners[:1]:
                if owner.code[:3] in NON_STATE:
                    return [self._ref(token, owner.code, None, None, owner.label, None, "agent", "title+" + _kind(owner))]
                country = owner.country or owner.code[:3]
                return [self._ref(token, country + sector, country, sector, self.dictionary.label_for(country + sector), None,
                                  "agent", "title+" + _kind(owner))]
            if sector != NO_SECTOR and not owners:
                # "opposition leader Nana Akufo-Addo", "Kremlin critic …" with no country given:
                # the country in context, as for a bare domestic actor (most such events are
                # domestic: "President Museveni threatened Ugandan opposition candidates").
                country = self.context_country(token) or self._context_country(token)
                if country:
                    code = country + sector
                    return [self._ref(token, code, country, sector, self.dictionary.label_for(code), None, "context",
                                      "title+context-country")]
        return []

    def _represented(self, token: Token) -> list[ActorRef]:
        """Whom a role noun speaks or acts for: "negotiators for the Philippine government",
        "a spokesman for the ministry", "le porte-parole pour l'ONU"."""
        for child in token.children:
            heads: list[Token] = []
            if child.dep_ == "prep" and fold(child.text) == "for":
                heads = [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ in ("nmod", "obl:arg") and any(c.dep_ == "case" and fold(c.text) == "pour" for c in child.children):
                heads = [child]
            for head in heads:
                refs = self.resolve(head)
                if refs:
                    return refs
        return []

    def _role(self, token: Token, sector: str) -> list[ActorRef]:
        """A role noun: its country from its modifiers, an apposed name, the place it is in,
        the actor it refers back to, else the country the sentence or the article is about."""
        # A group's backer names its country only when nothing else does: "Turkish-backed Syrian
        # rebels" are Syrian, "Moscow-backed separatists in South Ossetia" Georgian.
        owners = self.owners(token, sponsors=False) or self._represented(token) or self.places(token) or self.owners(token)
        how = "agent"
        if owners:
            refs = []
            for owner in owners:
                if owner.code[:3] in NON_STATE:
                    code, country, label = owner.code, None, owner.label
                elif sector == NO_SECTOR or (sector == "GOV" and owner.sector and owner.sector != "GOV"):
                    # A collective noun stands for its owner itself: "the Turkish side", "la partie turque";
                    # so does a leader of a sector: "le dirigeant de l'opposition", "the rebels' chief".
                    code, country, label = owner.code, owner.country, owner.label
                else:
                    country = owner.country or owner.code[:3]
                    code = self._sector_code(country, sector)
                    label = self.dictionary.label_for(code)
                actor_sector = None if sector == NO_SECTOR or not country else sector
                how = "dictionary" if sector == NO_SECTOR else "agent"  # a collective is no person
                refs.append(self._ref(token, code, country, actor_sector, label, None, how, "role+" + _kind(owner)))
            return refs
        for child in token.children:
            if child.dep_ == "appos":
                named = self._resolve_named(child)
                if named:
                    return [self._ref(token, r.code, r.country, r.sector, r.label, r.wikidata, "agent", "role+appos") for r in named[:1]]
        if sector == NO_SECTOR:
            return []
        holder = self._holder(token)
        if holder is not None:
            return [self._ref(token, holder.code, holder.country, holder.sector, holder.label, holder.wikidata,
                              "dictionary", "role+holder")]
        if any(fold(c.text) in _DEFINITE for c in token.children if c.dep_ == "det"):
            # A bare definite title refers back: "le ministre" is the minister named before —
            # never an actor of its own clause ("Erdogan a critiqué le ministre" is not Erdogan).
            clause = clause_head(token).i
            same = self._recall(person=True, gender=None, within=_DOCUMENT, title=fold(token.lemma_), other_clause=clause)
            if same is not None:
                return [self._ref(token, same.code, same.country, same.sector, same.label, same.wikidata, "context", "title-coreference")]
            # Without a matching title, the country of the last subject of an earlier sentence:
            # "le gouvernement", "the police" of the state the story is about.
            previous = self._recall(person=True, gender=None, within=_REACH, subject=True, earlier=True)
            if previous is not None and (previous.country or previous.code[:3] in ("IGO", "NGO")):
                if previous.code[:3] in ("IGO", "NGO"):
                    return [self._ref(token, previous.code, None, None, previous.label, previous.wikidata, "context", "title-coreference")]
                code = self._sector_code(previous.country, sector)
                if previous.sector == sector or code == previous.code:
                    return [self._ref(token, previous.code, previous.country, previous.sector, previous.label,
                                      previous.wikidata, "context", "title-coreference")]
                return [self._ref(token, code, previous.country, sector, self.dictionary.label_for(code), None,
                                  "context", "role+previous-subject")]
        country = self.context_country(token)
        if country is not None:
            code = self._sector_code(country, sector)
            return [self._ref(token, code, country, sector, self.dictionary.label_for(code), None, "context", "role+context-country")]
        if sector != NO_SECTOR and _bare(token):
            # Else the country of a place in its clause or named nearest to it in the sentence:
            # "Police fired tear gas at protesters in Nairobi", "Kenyan police … protesters".
            country = self._context_country(token, memory=False)
            if country:
                code = self._sector_code(country, sector)
                return [self._ref(token, code, country, sector, self.dictionary.label_for(code), None, "context",
                                  "role+sentence-country")]
        return []

    def _named_collective(self, token: Token) -> list[ActorRef]:
        """A group noun with the group's name as its modifier: "the ELN guerrilla group" (ELN ←
        guerrilla ← group), "le groupe État islamique", "the Wagner group"."""
        if fold(token.lemma_) not in self.lexicon.classes.get("collective_heads", ()):
            return []
        kids = [c for c in token.children if c.dep_ in NAME_DEPS | {"appos", "amod"}]
        kids += [g for c in kids if c.dep_ in NAME_DEPS for g in c.children if g.dep_ in NAME_DEPS]
        for child in kids:
            match = self._matches.get(child.i)
            if child.pos_ == "PROPN" and match is not None and match.entry.kind not in ("country", "capital", "place", "demonym", "person"):
                e = match.entry
                return [self._ref(token, e.code, e.country, e.sector, e.label, e.wikidata, "dictionary", _rule(match))]
        return []

    def _pair(self, token: Token) -> list[ActorRef]:
        """"The two countries", "les deux voisins", "both sides", "les deux camps": the last two
        actors named before, as states for a noun of states, as themselves for a noun of sides."""
        lemma = fold(token.lemma_)
        states = lemma in self.lexicon.classes.get("pair_states", ())
        if not states and lemma not in self.lexicon.classes.get("pair_sides", ()):
            return []
        two = self.lexicon.classes.get("pair_numbers", frozenset())
        if not any(fold(c.text) in two for c in token.children if c.dep_ in ("nummod", "det", "predet", "amod", "advmod")):
            return []
        found: list[ActorRef] = []
        for memory in self._before_clause(token, _REACH):  # not who acts on them: "China urged the two countries"
            ref = memory.ref
            country = ref.country or (ref.code[:3] if ref.code[:3] not in ("IGO", "NGO") else None)
            if states:
                if not country or any(f.code == country for f in found):
                    continue
                ref = ActorRef(ref.text, country, country, None, self.dictionary.label_for(country), None,
                               ref.start, ref.end, ref.how, ref.rule)
            elif any(f.code == ref.code for f in found):
                continue
            found.append(ref)
            if len(found) == 2:
                break
        if len(found) < 2:
            return []
        return [self._ref(token, r.code, r.country, r.sector, r.label, r.wikidata, "context", "pair") for r in reversed(found)]

    def _before_clause(self, token: Token, within: int) -> Iterator[_Memory]:
        """The actors remembered before ``token``, latest first, up to ``within`` sentences back,
        leaving out those of ``token``'s own clause."""
        clause = clause_head(token).i
        for memory in reversed(self._memory):
            if self._sentence - memory.sentence > within:
                return
            if memory.sentence == self._sentence and (memory.token >= token.i or memory.clause == clause):
                continue
            yield memory

    def counterpart(self, token: Token, sources: list[ActorRef]) -> ActorRef | None:
        """The other party of the story for an act of ``sources`` at ``token`` with no recipient: the
        last actor named before, in an earlier clause of the sentence or in the two sentences
        before, of another country than every source (or, in a domestic story, another sector)."""
        countries = {s.country or s.code[:3] for s in sources}
        codes = {s.code for s in sources}
        domestic = None
        for memory in self._before_clause(token, 2):
            ref = memory.ref
            if ref.how == "pronoun" or ref.code in codes:
                continue
            if any(s.start <= ref.start < s.end for s in sources):
                continue  # a name in the source's own phrase: "the U.N. rights chief, Zeid Ra'ad al-Hussein"
            named = self.doc[memory.token]
            case = [fold(c.text) for c in named.children if c.dep_ == "case"] or (
                [fold(named.head.text)] if named.dep_ == "pobj" else [])
            if any(c in self.lexicon.locative_preps or c in ("to", "vers") for c in case):
                continue  # a place of the story, not a party: "flew to Florida", "returning to Vienna"
            if (ref.country or ref.code[:3]) not in countries:
                return ref
            if domestic is None and ref.sector and all(s.sector != ref.sector for s in sources) and ref.sector in ("REB", "OPP", "CVL", "MIL", "GOV"):
                domestic = ref
        return domestic

    def _holder(self, token: Token) -> ActorRef | None:
        """A known person named inside a title's own phrase that the parser hung on a modifier
        of the title, not on the title: "le président élu Donald Trump" (Donald ← élu),
        "the newly elected President X". No preposition, clause or comma on the way up."""
        for t in token.subtree:
            if t.i <= token.i or t.pos_ != "PROPN":
                continue
            match = self._matches.get(t.i)
            if match is None or match.entry.kind != "person":
                continue
            node, ok = t, True
            while node.i != token.i:
                if node.dep_ in ("case", "acl:relcl", "relcl", "advcl", "conj", "parataxis", "ccomp", "xcomp") or any(
                        c.dep_ in ("case", "mark", "punct") and c.i < t.i for c in node.children if c.i > token.i):
                    ok = False
                    break
                node = node.head
            if ok and all(self.doc[k].pos_ in ("ADJ", "VERB", "PROPN", "ADV") or self.doc[k].dep_ in NAME_DEPS
                          for k in range(token.i + 1, t.i)):
                ref = self.resolve_one(t)
                if ref and ref[0].how == "dictionary":
                    return ref[0]
        return None

    @staticmethod
    def _sector_code(country: str | None, sector: str) -> str:
        if sector in ("NGO", "IGO"):
            return sector + (country or "")
        return (country or "") + sector

    def places(self, token: Token) -> list[ActorRef]:
        """Countries of the places a role noun is in: "police in Nepal", "students at a
        university in Ankara", "les manifestants à Ankara" (two levels down)."""
        frontier = [token]
        for _ in range(2):
            following: list[Token] = []
            for head in frontier:
                for child in head.children:
                    if child.dep_ == "prep" and fold(child.text) in _LOCATIVE:
                        objects = [c for c in child.children if c.dep_ == "pobj"]
                    elif child.dep_ in ("nmod", "obl", "obl:mod") and any(
                        fold(c.text) in _LOCATIVE for c in child.children if c.dep_ == "case"
                    ):
                        objects = [child]
                    else:
                        if child.dep_ in ("prep", "pobj", "nmod"):
                            following.append(child)
                        continue
                    for place in objects:
                        match = self._matches.get(place.i)
                        if match is not None and match.entry.country and match.entry.kind in _STATE_KINDS:
                            country = match.entry.country
                            return [ActorRef(place.text, country, country, None, self.dictionary.label_for(country),
                                             None, place.idx, place.idx + len(place.text), "dictionary", "place")]
                        following.append(place)
            frontier = following
        return []

    def _located(self, sent: Span) -> Counter[str]:
        """Countries of the places ``sent`` names after a preposition of place ("in Kathmandu",
        "à Bogota"), with how often each is named (worked out once per sentence; do not change it)."""
        here = self._located_in.get(sent.start)
        if here is None:
            here = self._located_in[sent.start] = self._located_now(sent)
        return here

    def _located_now(self, sent: Span) -> Counter[str]:
        here: Counter[str] = Counter()
        for other in sent:
            match = self._matches.get(other.i)
            if match is None or match.start != other.i or not match.entry.country or match.entry.kind not in _STATE_KINDS:
                continue
            case = [c for c in other.children if c.dep_ == "case"] or ([other.head] if other.dep_ == "pobj" else [])
            if any(fold(c.text) in _LOCATIVE for c in case):
                here[match.entry.country] += 1
        return here

    def context_country(self, token: Token) -> str | None:
        """The country a domestic actor with no country of its own belongs to: the one
        named in the sentence's places ("in Kathmandu"), else the article's dominant one."""
        sent = self._sent(token)
        if sent.start not in self._context_in:
            self._context_in[sent.start] = self._context_country_of(sent)
        return self._context_in[sent.start]

    def _context_country_of(self, sent: Span) -> str | None:
        here = self._located(sent)
        for counter in (here, self._countries):
            ranked = counter.most_common(2)
            if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
                if counter is here or ranked[0][1] >= 2:
                    return ranked[0][0]
        return None

    def owners(self, token: Token, skip: frozenset[int] = frozenset(), *, sponsors: bool = True) -> list[ActorRef]:
        """Actors named in the modifiers of ``token``: "sanctions américaines", "experts de Turquie".

        Modifiers whose token index is in ``skip`` (an agent phrase already used) are left out;
        with ``sponsors=False``, so are backers ("Iranian-backed", "soutenus par Moscou").
        """
        refs: list[ActorRef] = []
        for child in token.children:
            if child.i in skip or fold(child.lemma_) in self.lexicon.mediation_nouns:
                continue  # "sous l'égide de Cuba": a broker, not an owner
            heads = [child]
            if child.dep_ == "prep" and fold(child.text) in ("of", "from"):
                heads = [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ in ("flat", "flat:name") and token.pos_ == "NOUN" and getattr(
                self._matches.get(child.i), "entry", None
            ) is not None and self._matches[child.i].entry.kind == "demonym":
                pass  # a demonym the French model hangs on a title as part of a name: "la Cour suprême kényane"
            elif child.dep_ not in OWNER_DEPS:
                continue
            elif child.dep_ in ("nmod", "obl:arg") and any(
                fold(c.text) in self.lexicon.target_preps for c in child.children if c.dep_ == "case"
            ):
                continue  # "sanctions contre la Turquie": a recipient, not an owner
            if child.dep_ in ("amod", "compound") and fold(child.text) in _LED:
                if not sponsors and fold(child.text) in _SPONSORED:
                    continue
                heads = [c for c in child.children if c.dep_ in ("npadvmod", "compound", "amod", "nmod", "obl", "advmod")] or heads
            for head in heads:
                if _prefixed(head):
                    continue  # "pro-Russian separatists" are not Russian
                for member in (head, *[c for c in head.conjuncts if c.i > head.i]):
                    match = self._matches.get(member.i)
                    if match is not None:
                        e = match.entry
                        ref = self._ref(member, e.code, e.country, e.sector, e.label, e.wikidata, "dictionary", _rule(match))
                    else:
                        # A named or titled owner: "the right of Russian troops", "Reagan's statement".
                        named = self._resolve_named(member) if member.pos_ in ("PROPN", "NOUN") else []
                        if not named:
                            continue
                        ref = named[0]
                    if all(r.code != ref.code for r in refs):
                        refs.append(ref)
        # An owner found only from context ("des industries de défense" → the country in context)
        # counts only when no owner is named: "la présidence turque des industries" is Turkish.
        named = [r for r in refs if r.how != "context"]
        return named or refs

    # ------------------------------------------------------------ pronouns
    def _pronoun(self, token: Token) -> ActorRef | None:
        kind = self.lexicon.pronouns.get(fold(token.text))
        if kind is None:
            return None
        if kind.startswith("1"):
            ref = self._speaker or self._recall(person=True, gender=None, within=_REACH, subject=True)
            if ref is None:
                return None
            country = ref.country or ref.code[:3]
            code = ref.code if ref.code[:3] in ("IGO", "NGO") or kind == "1s" else (ref.code if len(ref.code) > 3 else country + "GOV")
            return self._ref(token, code, ref.country, ref.sector or "GOV", ref.label, None, "pronoun", "pronoun-speaker")
        gender = morph_values(token, "Gender")
        wanted = gender[0] if gender else None
        ref = None
        if kind == "3s":
            # A subject pronoun first looks for a named actor earlier in the same sentence
            # ("La Turquie dit qu'elle …"), then for the last person named.
            # Salience: a person who was a subject beats one who was only mentioned.
            ref = (
                self._recall(person=None, gender=wanted, within=0, before=token.i)
                or self._recall(person=True, gender=wanted, within=_REACH, subject=True, main=True, earlier=True)
                or self._recall(person=True, gender=wanted, within=_REACH, subject=True)
                or self._recall(person=True, gender=wanted, within=_REACH)
            )
        else:
            ref = self._recall(person=None, gender=None, within=1, before=token.i)
        if ref is None:
            return None
        person = any(m.person for m in self._memory if m.ref is ref)
        return self._ref(token, ref.code, ref.country, ref.sector, ref.label, ref.wikidata, "pronoun",
                         "pronoun-person" if person else "pronoun")

    def _recall(
        self, *, person: bool | None, gender: str | None, within: int, before: int | None = None,
        subject: bool = False, title: str | None = None, other_clause: int | None = None, earlier: bool = False,
        main: bool = False,
    ) -> ActorRef | None:
        for memory in reversed(self._memory):
            if main and not memory.main:
                continue
            if self._sentence - memory.sentence > within:
                break
            if before is not None and memory.token >= before:
                continue
            if earlier and memory.sentence >= self._sentence:
                continue
            if other_clause is not None and memory.sentence == self._sentence and memory.clause == other_clause:
                continue
            if subject and not memory.subject:
                continue
            if title is not None and memory.title != title:
                continue
            if person is not None and memory.person != person:
                continue
            if gender and memory.gender and gender != memory.gender:
                continue
            return memory.ref
        return None

    # ------------------------------------------------------------ helpers
    def _ref(self, token: Token, code: str, country: str | None, sector: str | None, label: str | None,
             wikidata: str | None, how: str, rule: str | None = None) -> ActorRef:
        bounds = self._bounds.get(token.i)
        if bounds is None:
            bounds = self._bounds[token.i] = phrase_bounds(token)
        start, end = bounds
        return ActorRef(self.text[start:end], code, country, sector, label, wikidata, start, end, how, rule)


_OPENING = frozenset({"«", "“", "‹"})
_CLOSING_QUOTES = frozenset({"»", "”", "›"})


def _quoted(sent: Span) -> set[int]:
    """Indices of the tokens of ``sent`` inside quotation marks (« », “ ”, or paired ")."""
    inside: set[int] = set()
    open_at: int | None = None
    texts = token_texts(sent.doc)
    for i in range(sent.start, sent.end):
        text = texts[i]
        if open_at is None and (text in _OPENING or text == '"'):
            open_at = i
        elif open_at is not None and (text in _CLOSING_QUOTES or text == '"'):
            inside.update(range(open_at + 1, i))
            open_at = None
    if open_at is not None and open_at == sent.start:
        inside.update(range(open_at + 1, sent.end))  # a quotation that runs to the end of the sentence
    return inside


def _tokens(doc: Doc) -> Sequence[Token]:
    """The tokens of ``doc`` by index: a DocView's list of views (plain list indexing), else the Doc."""
    return getattr(doc, "views", doc)


def _rule(match: ActorMatch) -> str:
    """The rule of a dictionary match: its kind and, for other tables, which one ("person:office-holders")."""
    entry = match.entry
    return entry.kind if entry.rule == "dictionary" else f"{entry.kind}:{entry.rule}"


def _kind(ref: ActorRef) -> str:
    """The first part of a ref's rule: what kind of name gave it ("demonym", "country")."""
    return (ref.rule or ref.how).split(":")[0].split("+")[0]


def rebels_of(ref: ActorRef, country: str) -> ActorRef:
    """An international armed group (IMG) as the rebels of ``country``, where it acts."""
    return ActorRef(ref.text, country + "REB", country, "REB", ref.label, ref.wikidata, ref.start, ref.end, ref.how,
                    (ref.rule or ref.how) + "+operating-country")


def _prefixed(token: Token) -> bool:
    """Whether ``token`` carries a "pro-"/"anti-"/"non-" prefix: "pro-Russian", "pro-russes",
    "non-Muslims"."""
    doc = token.doc
    flags = getattr(doc, "memo", None)
    if flags is not None:  # a DocView: worked out once per document
        prefixed = flags.get("prefixed")
        if prefixed is None:
            prefixed = flags["prefixed"] = [None] * len(doc)
        i = token.i
        found = prefixed[i]
        if found is None:
            found = prefixed[i] = _prefixed_at(token_texts(doc), i)
        return found
    return _prefixed_at(token_texts(doc), token.i)


def _prefixed_at(texts: list[str], i: int) -> bool:
    if fold(texts[i]).startswith(_PRO_HYPHENATED):
        return True
    if i >= 2 and texts[i - 1] == "-" and fold(texts[i - 2]) in _PRO:
        return True
    return i >= 1 and fold(texts[i - 1]) in _PRO_HYPHENATED
