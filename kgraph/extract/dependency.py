"""The dependency extractor: actor–action–target from spaCy parses (French and English).

Each rule handles one construction and is named in a comment where it is
applied. Dependency labels differ between the French models (Universal
Dependencies: ``obj``, ``obl:agent``, ``nsubj:pass``) and the English ones
(ClearNLP: ``dobj``, ``agent``/``pobj``, ``nsubjpass``); the label sets below
cover both.
"""
from __future__ import annotations

import re

from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import permutations, product

from spacy.tokens import Doc, Span, Token

from ..actors.dictionary import ActorDictionary, split_code
from ..text import fold
from ..actors.resolver import ActorResolver, rebels_of
from ..cameo import cameo_code
from ..model import Action, ActorRef, Candidate, Event
from ..nlp import token_pos
from ..tokenview import as_view, set_parse
from .dates import find_dates, is_date_word
from .lexicon import LexEntry, Lexicon

__all__ = ["extract_events", "EXTRACTOR"]

EXTRACTOR = "dependency"

SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl:subj"})  # the French model labels some subject "il" expl:subj
PASSIVE_SUBJECT_DEPS = frozenset({"nsubj:pass", "nsubjpass"})
PASSIVE_AUX_DEPS = frozenset({"aux:pass", "auxpass"})
OBJECT_DEPS = frozenset({"obj", "dobj"})
INDIRECT_DEPS = frozenset({"iobj", "dative"})
OBLIQUE_DEPS = frozenset({"obl", "obl:arg", "obl:mod", "nmod", "obl:agent", "iobj"})
AUX_DEPS = frozenset({"aux", "aux:tense", "aux:pass", "auxpass", "cop"})
NEGATION_DEPS = frozenset({"neg", "advmod"})
# Clauses whose verb takes its subject from the verb it depends on.
CONTROL_DEPS = frozenset({"xcomp", "conj", "acomp"})
# Adverbial clauses: a non-finite one ("…, accusing Islamabad of", "tuant deux soldats",
# "to protest against") takes the subject of the clause it modifies.
ADVERBIAL_DEPS = frozenset({"advcl"})
RELATIVE_DEPS = frozenset({"acl:relcl", "relcl"})


@dataclass(frozen=True)
class _Trigger:
    """An event-signalling word with its lexicon entry and (for patterns) its event noun."""

    token: Token
    entry: LexEntry
    noun: Token | None  # the object noun of a support verb or verb+object pattern
    nominal: bool = False
    complement: LexEntry | None = None  # the event of an absorbed complement ("ready to attack")


def extract_events(
    doc: Doc,
    *,
    text: str,
    doc_id: str,
    lang: str,
    date: str | None,
    dictionary: ActorDictionary,
    lexicon: Lexicon,
    untargeted: bool = False,
    candidates: list[Candidate] | None = None,
) -> Iterator[Event]:
    """Yield every event of ``doc`` (parsed from the normalised ``text``).

    Events with no recipient are kept only for roots that are complete without one
    (``solo_root`` in markers.tsv: protests, force postures), unless ``untargeted``.
    Every trigger considered, with what became of it, is appended to ``candidates``
    when a list is given (``--explain``, ``evaluate --errors``).
    """
    doc = as_view(doc)  # plain-value tokens for the rules (the same attributes, read once)
    resolver = ActorResolver(doc, text, dictionary, lexicon, date=date)
    for index, sent in enumerate(doc.sents):
        # ``text`` is the doc's text before normalising, character for character (space for space).
        sentence = text[sent.start_char : sent.end_char].strip()
        if not sentence:
            continue
        _repair_infinitives(sent, lexicon)
        _repair_fronted_conjuncts(sent, lexicon)
        resolver.start_sentence(index, sent)
        triggers = _triggers(sent, lexicon)
        dates = _event_dates(sent, lang, date, triggers) if triggers else {}
        seen: set[tuple] = set()
        found = [
            (trigger, event) for trigger in triggers
            for event in _events(trigger, resolver, lexicon, doc_id, index, sentence, lang, dates.get(trigger.token.i, date),
                                 untargeted, candidates)
        ]
        if not untargeted:
            found = _other_side(found, triggers, resolver, lexicon, doc_id, index, sentence, lang, dates, date, candidates)
            found = _brokered(found, triggers, resolver, lexicon, doc_id, index, sentence, lang, dates, date, candidates)
        # A verb whose object event noun took its subject ("a promis des mesures de rétorsion",
        # "announced a wave of arrests") is that event; its own default reading is dropped.
        governors = {
            _agentive_governor(t.token, lexicon).i for t, e in found if t.nominal and "governing verb" in e.rules
        }
        for trigger, event in found:
            if not trigger.nominal and trigger.token.i in governors and not trigger.entry.objects and trigger.noun is None:
                continue
            # One act told twice in a sentence is one event: "shelled the island, killing two
            # marines", "a fait exploser une bombe, tuant quatre soldats" (same countries, same
            # root; the first telling, usually the main clause, is kept).
            # So is a joint event between two sides of one country ("talks between the Colombian
            # government and the FARC" is one record, COLGOV → COLREB, as the gold data counts it).
            key = (event.source.code[:3], event.action.root, event.target.code[:3] if event.target else None, event.negated)
            if key not in seen:
                seen.add(key)
                yield event


def _other_side(
    found: list[tuple[_Trigger, Event]], triggers: list[_Trigger], resolver: ActorResolver, lexicon: Lexicon,
    doc_id: str, index: int, sentence: str, lang: str, dates: dict[int, str | None], date: str | None,
    candidates: list[Candidate] | None,
) -> list[tuple[_Trigger, Event]]:
    """Conflict between two sides: in a sentence whose conflict events (``side_root``) involve
    exactly two countries, an act of one side with no recipient is addressed to the other ("North
    Korea fired artillery shells across the border and South Korea put its troops on alert": each
    acts on the other; "India struck nine sites in Pakistan, and Islamabad vowed to retaliate").
    Not for nominal events, rows that need a named recipient, what modifies a noun ("Moscow's plan to
    annex …", "sa frontière contestée avec la Chine") or is only planned, nor between actors of one country."""
    roots = lexicon.side_roots
    produced = {t.token.i for t, _ in found}
    loose = [
        (t, e) for t in triggers
        if t.token.i not in produced and not t.nominal and not t.entry.needs_target
        and t.token.head.pos_ not in ("NOUN", "PROPN", "PRON")  # "a plan to annex", "la frontière contestée"
        and (t.entry.cameo[:2] in roots or (t.complement is not None and t.complement.cameo[:2] in roots))
        for e in _events(t, resolver, lexicon, doc_id, index, sentence, lang, dates.get(t.token.i, date), True, None)
        if e.target is None and not e.negated and e.mode is None and e.action.root in roots
    ]
    solo = [(t, e) for t, e in found if e.target is None and e.action.root in roots and not e.negated]
    if not loose and not solo:
        return found
    sides: dict[str, ActorRef] = {}
    spans: dict[tuple[int, int], set[str]] = {}
    for _, e in found + loose:
        if e.action.root not in roots or e.negated or e.mode is not None:
            continue
        for ref in (e.source, e.target):
            # Actors, not the places where things happen ("near the Thai border").
            if ref is not None and ref.country and not ref.code.startswith(("IGO", "NGO", "IMG")) and ref.how != "place":
                sides.setdefault(ref.country, ref)
                spans.setdefault((ref.start, ref.end), set()).add(ref.country)
    allies: dict[int, set[str]] = {}
    for trigger, e in found + loose:
        allies.setdefault(trigger.token.i, set()).add(e.source.country or "")
    if len(sides) != 2 or any(len(countries) > 1 for countries in spans.values()) or any(
            set(sides) <= countries for countries in allies.values()):
        # Not two sides, one phrase read as two countries ("les forces serbes de Bosnie"), or the
        # two acting together ("Washington et Bruxelles ont annoncé des gels d'avoirs").
        return found
    out: list[tuple[_Trigger, Event]] = []
    for trigger, event in found + loose:
        if event.target is None and (trigger, event) in solo + loose and event.source.country in sides:
            other = next(ref for country, ref in sides.items() if country != event.source.country)
            event = replace(event, target=_country_of(other) if other.sector is None else other,
                            rules=event.rules + ("other side",), confidence=max(0.1, event.confidence - 0.2))
            if candidates is not None and (trigger, event) not in found:
                candidates.append(Candidate(
                    index, trigger.token.text, _row(trigger), trigger.entry.cameo,
                    ((event.source.text, event.source.code, event.source.how),),
                    ((event.target.text, event.target.code, event.target.how),),
                    event.rules, "event", trigger.token.idx,
                ))
        elif (trigger, event) in loose:
            continue
        out.append((trigger, event))
    return out


def _brokered(
    found: list[tuple[_Trigger, Event]], triggers: list[_Trigger], resolver: ActorResolver, lexicon: Lexicon,
    doc_id: str, index: int, sentence: str, lang: str, dates: dict[int, str | None], date: str | None,
    candidates: list[Candidate] | None,
) -> list[tuple[_Trigger, Event]]:
    """A broker whose parties are not named with it mediates (``mediation_code``) between those who act in
    its sentence: "Iran and the United States released five detainees in a swap brokered by Qatar",
    "Israël et le Hamas ont accepté un cessez-le-feu négocié par l'Égypte", "l'Arménie et
    l'Azerbaïdjan ont accepté un cessez-le-feu, à l'issue d'une médiation russe". The broker is a
    mediation row (045) or a participle of negotiating ("negotiated by", "négocié par") on what
    was agreed; the parties are the doers of the sentence's other events, of other countries."""
    code = lexicon.mediation_code
    if code is None:
        return found
    produced = {t.token.i for t, _ in found}
    keyed = {t.noun.i for t in triggers if t.noun is not None}
    brokers = [
        t for t in triggers if t.token.i not in produced and not t.entry.needs_target and not (
            # A mediation accepted, sought or refused is that act's object, not done ("ruled out any US
            # mediation", "agreed to US mediation").
            t.nominal and (t.token.i in keyed or t.token.dep_ in OBJECT_DEPS or (
                t.token.dep_ == "pobj" and fold(t.token.head.text) in ("to", "à")))
        ) and (
            t.entry.cameo == code or (
                t.entry.cameo[:2] in lexicon.mediation_roots and not t.nominal and t.token.dep_ in ("acl", "amod")
                and t.token.head.pos_ == "NOUN" and _passive(t.token, lexicon) and _marked_agent(t.token, lexicon)))
    ]
    if not brokers:
        return found
    out = list(found)
    told = [
        (trigger, event) for trigger in brokers
        for event in _events(trigger, resolver, lexicon, doc_id, index, sentence, lang, dates.get(trigger.token.i, date),
                             True, None, loose=True)
        if event.target is None and not event.negated and event.mode is None
    ]
    # Co-brokers ("brokered by Saudi Arabia and the United States") are no parties.
    broking = {event.source.country for _, event in told if event.source.country}
    for trigger, event in told:
        parties: dict[str, ActorRef] = {}
        for other, e in found:
            ref = e.source
            if (other.token.i != trigger.token.i and ref.country and ref.country not in broking
                    and ref.how != "place" and not e.negated):
                parties.setdefault(ref.country, ref)
        if not parties or len(parties) > 4:
            continue
        for party in parties.values():
            brokered = replace(event, action=event.action if event.action.cameo == code else _action(trigger, resolver.text, code),
                               target=party, rules=event.rules + ("mediated parties",), confidence=max(0.1, event.confidence - 0.2))
            out.append((trigger, brokered))
            if candidates is not None:
                candidates.append(Candidate(
                    index, trigger.token.text, _row(trigger), trigger.entry.cameo,
                    ((brokered.source.text, brokered.source.code, brokered.source.how),),
                    ((party.text, party.code, party.how),), brokered.rules, "event", trigger.token.idx,
                ))
    return out


# ---------------------------------------------------------------- triggers
def _repair_fronted_conjuncts(sent: Span, lexicon: Lexicon) -> None:
    """Lists the parser broke. The first of a list of subjects the French parser hung on the verb as a bare adverbial
    ("L'Arabie saoudite, les Emirats arabes unis, Bahreïn et l'Egypte ont rompu …": "Arabie" as
    obl:mod) is a subject too: a noun phrase with no preposition, before the verb, followed by a
    comma and a subject that has conjuncts of its own."""
    for token in sent:
        if token.dep_ == "appos" and token.pos_ == "PROPN" and token.head.pos_ == "PROPN" and any(
                c.dep_ == "conj" and c.pos_ == "PROPN" for c in token.children):
            # An apposition that is itself a list is the list's second item: "Saudi Arabia, the
            # United Arab Emirates, Bahrain and Egypt cut ties" (Emirates parsed as appos).
            set_parse(token, dep="conj")
            continue
        verb = token.head
        if (
            token.dep_ in ("obl:mod", "obl", "nmod") and token.pos_ in ("PROPN", "NOUN") and token.i < verb.i
            and verb.pos_ in ("VERB", "AUX") and not is_date_word(token, lexicon.lang)
            and not any(c.dep_ == "case" for c in token.children)
        ):
            end = max(t.i for t in token.subtree)
            subject = next((c for c in verb.children if c.dep_ == "nsubj" and end < c.i < verb.i), None)
            if subject is not None and sent.doc[end + 1].text == "," and any(c.dep_ == "conj" for c in subject.children):
                set_parse(token, dep="nsubj")


def _repair_infinitives(sent: Span, lexicon: Lexicon) -> None:
    """An infinitive complement the English parser took for an adverbial clause because a date
    came between ("threatened on Tuesday to attack", "vowed last week to retaliate") is made the
    complement (xcomp) it is: only under a verb that takes an infinitive complement (markers.tsv
    ``infinitive``) and with no object before it, so that a purpose clause ("sent troops on
    Monday to help") stays adverbial."""
    for token in sent:
        head = token.head
        if (
            token.dep_ == "advcl" and token.tag_ == "VB" and head.i < token.i
            and fold(head.lemma_) in lexicon.infinitive_verbs
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
            and not any(c.dep_ in OBJECT_DEPS | {"ccomp", "xcomp"} and head.i < c.i < token.i for c in head.children)
        ):
            set_parse(token, dep="xcomp")
        elif (
            # French: "a sommé l'ambassadeur de France de quitter le pays", "a demandé à Paris de
            # retirer …": the parser hangs the infinitive on the addressee noun; it is the verb's.
            token.dep_ == "acl" and "Inf" in token.morph.get("VerbForm") and head.pos_ in ("NOUN", "PROPN")
            and any(c.dep_ == "mark" and fold(c.text) in ("de", "d'", "d’") for c in token.children)
        ):
            verb = head.head if head.dep_ in ("nmod",) and head.head.pos_ in ("NOUN", "PROPN") else head
            verb = verb.head
            if verb.pos_ == "VERB" and fold(verb.lemma_) in lexicon.infinitive_verbs and verb.i < token.i:
                set_parse(token, head=verb, dep="xcomp")


def _triggers(sent: Span, lexicon: Lexicon) -> list[_Trigger]:
    triggers: list[_Trigger] = []
    used_nouns: set[int] = set()
    doc, pos = sent.doc, token_pos(sent.doc)
    tokens = getattr(doc, "views", doc)  # a DocView's list of views (plain list indexing), else the Doc
    for i in range(sent.start, sent.end):
        if pos[i] not in _PREDICATE_POS:
            continue  # _is_predicate is false (read without a Token object)
        token = tokens[i]
        if not _is_predicate(token):
            continue
        if not lexicon.may_have_keys(lexicon.verb_lemmas(token.lemma_, token.text)):
            continue  # no row for this verb (_verb_entry is None): its objects need not be read
        objects = _objects(token, lexicon)
        entry = _verb_entry(token, objects, lexicon)
        if entry is None:
            continue
        noun = None
        if fold(token.lemma_) in lexicon.report_verbs and not entry.objects:
            # Announcing an event is doing it: "a annoncé l'expulsion de 34 diplomates" expels.
            for obj in objects:
                noun_entry = lexicon.noun_at(obj)
                if noun_entry is not None:
                    entry, noun = noun_entry, obj
                    break
        if entry.is_support:
            # Support verb: the event is its object noun ("entamer des pourparlers", "hold talks"),
            # also behind a measure noun ("began a new round of talks", "un nouveau cycle de négociations").
            for obj in [o for obj in objects for o in (obj, *_measured(obj, lexicon))]:
                noun_entry = lexicon.noun_at(obj)
                if noun_entry is not None:
                    entry, noun = noun_entry, obj
                    break
            else:
                continue
        elif entry.objects:
            # Verb+object pattern ("imposer des sanctions"): the object belongs to the event.
            noun = next((o for o in objects if fold(o.lemma_) in entry.objects or fold(_propn_singular(o) or "") in entry.objects), None)
            if noun is None:
                # The part or load that holds it: "delivered the first batch of missiles" (see _verb_entry).
                noun = next((o for o in objects if fold(o.lemma_) in lexicon.portions | lexicon.quantities and any(
                    fold(c.lemma_) in entry.objects for c in _counted(o))), None)
            sense = lexicon.noun_sense(noun) if noun is not None else None
            if sense is not None and sense[:2] != entry.cameo[:2]:
                sense = None  # the row's own act on it: "called off their nationwide strike" eases (08), no strike
            if sense is None and noun is not None and entry.cameo in lexicon.deadline_codes:
                # What the deadline is for gives the act: "gave the ambassador 72 hours to leave"
                # expels (166); "a donné une semaine à la junte pour rétablir Bazoum" is an ultimatum.
                sense = next((lexicon.deadline_senses[fold(c.lemma_)] for c in (*noun.children, *token.children)
                              if c.pos_ == "VERB" and c.i > noun.i and fold(c.lemma_) in lexicon.deadline_senses), None)
            if sense is not None:
                # The object's modifiers give its sense: "a entamé une grève de la faim" (142).
                entry = replace(entry, cameo=sense)
        if noun is not None:
            used_nouns.add(noun.i)
        if entry.prep and entry.prep_objects:
            # The noun a row names after its preposition is the row's, not an event of its own:
            # "a mis fin à leur grève" eases (082), it is no strike.
            for child in token.children:
                if child.dep_ == "prep" and fold(child.lemma_) == entry.prep:
                    held = [c for c in child.children if c.dep_ == "pobj"]
                elif child.dep_ in OBLIQUE_DEPS and any(c.dep_ == "case" and fold(c.lemma_) == entry.prep for c in child.children):
                    held = [child]
                else:
                    continue
                used_nouns.update(o.i for o in _with_conjuncts(held) if fold(o.lemma_) in entry.prep_objects)
        triggers.append(_Trigger(token, entry, noun))
    # A governing event verb absorbs the event of its complement: "threatened to break relations
    # with Russia" is one threat (with Russia as recipient), "refused to meet" one refusal.
    verbal = {t.token.i for t in triggers}
    # What one is accused of stays an event of its own, marked alleged (see _mode).
    def absorbable(t: _Trigger) -> bool:
        return (
            t.token.dep_ == "xcomp" and t.token.head.i in verbal and t.token.head.i != t.token.i
            and fold(t.token.head.lemma_) not in lexicon.allegation_verbs
        )

    absorbed = {t.token.head.i: t.entry for t in triggers if absorbable(t)}
    triggers = [
        _Trigger(t.token, t.entry, t.noun, t.nominal, absorbed.get(t.token.i))
        for t in triggers
        if not absorbable(t) and not _elaboration(t, verbal, lexicon)
    ]
    for i in range(sent.start, sent.end):
        # Nominal event: "les sanctions américaines contre la Turquie", "US sanctions on Iran".
        if pos[i] == "NOUN" and i not in used_nouns:
            token = tokens[i]
            entry = lexicon.noun_at(token)
            if entry is not None:
                triggers.append(_Trigger(token, entry, None, nominal=True))
    return triggers


def _elaboration(trigger: _Trigger, verbal: set[int], lexicon: Lexicon) -> bool:
    """A participle of saying that tells what another event of its clause was: "rejected the
    criticism, saying its troops …", "urged the United States to help, telling Congress …",
    "a rejeté la demande, estimant que …". It is the content of that event, not a statement of
    its own (CAMEO 01 is left to statements that are the news)."""
    token = trigger.token
    if trigger.noun is not None or trigger.entry.cameo[:2] != "01" or fold(token.lemma_) not in lexicon.report_verbs:
        return False
    participle = token.tag_ == "VBG" or bool({"Part", "Ger"} & set(token.morph.get("VerbForm")))
    return participle and token.dep_ in ADVERBIAL_DEPS and token.head.i in verbal and token.head.i > -1 and token.head.i < token.i


def _measured(noun: Token, lexicon: Lexicon) -> list[Token]:
    """The nouns a measure noun counts: "round of talks" → talks, "cycle de négociations"."""
    if fold(noun.lemma_) not in lexicon.measure_nouns:
        return []
    return _counted(noun)


def _counted(noun: Token) -> list[Token]:
    """The "of"/"de" nouns of a counting noun: "hundreds of civilians", "des centaines de civils"."""
    found = []
    for child in noun.children:
        if child.dep_ == "prep" and fold(child.text) == "of":
            found += [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ == "nmod" and any(fold(c.text) in _DE for c in child.children if c.dep_ == "case"):
            found.append(child)
    return found


#: The parts of speech :func:`_is_predicate` can be true of.
_PREDICATE_POS = frozenset({"VERB", "AUX", "ADJ", "NOUN"})


def _is_predicate(token: Token) -> bool:
    """A verb, a predicative adjective ("is willing to", "était prête à"), or a participle the
    tagger took for an adjective or noun ("a gelé", "s'est alarmée")."""
    if token.pos_ == "VERB":
        return True
    if token.pos_ == "AUX":
        return token.dep_ not in AUX_DEPS
    if token.pos_ == "ADJ" and (token.dep_ == "acomp" or any(c.dep_ == "cop" for c in token.children)):
        return True
    if token.pos_ in ("ADJ", "NOUN"):
        return any(c.dep_ in ("aux", "aux:tense", "aux:pass", "auxpass") and c.lemma_ in ("avoir", "être", "have", "be") for c in token.children) and not any(
            c.dep_ == "cop" for c in token.children
        )
    return False


def _is_predicate_like(token: Token) -> bool:
    """The head of a clause: a verb, or an adjective or noun with a copula ("Ankara était prête")."""
    return token.pos_ in ("VERB", "AUX") or any(c.dep_ == "cop" for c in token.children)


def _objects(verb: Token, lexicon: Lexicon) -> list[Token]:
    """Direct objects, partitive objects parsed as obliques ("demander de l'aide", "des explications"),
    objects the parser hung on a date word ("a rappelé vendredi ses ambassadeurs"), the passive
    subject ("sanctions were lifted", "les sanctions ont été levées"), and their conjuncts
    ("eased sanctions and restrictions")."""
    objects = [c for c in _argument_children(verb, lexicon) if c.dep_ in OBJECT_DEPS or _hung_object(c, verb, lexicon)]
    if lexicon.lang == "fr":
        objects += [
            c for c in verb.children
            if c.dep_ == "obl:arg" and c.pos_ == "NOUN" and any(k.dep_ == "case" and fold(k.lemma_) == "de" for k in c.children)
        ]
    objects += [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    # The second object of "gave the junta one week to …", which the English parser reads as an
    # adverbial noun phrase.
    objects += [c for c in verb.children if c.dep_ == "npadvmod" and c.pos_ == "NOUN"
                and any(o.dep_ == "dobj" and o.i < c.i for o in verb.children)]
    return _with_conjuncts(objects)


def _hung_object(child: Token, verb: Token, lexicon: Lexicon) -> bool:
    """An object the parser hung on a date word as a bare nmod ("a rejeté jeudi la demande",
    "a adopté lundi des sanctions"), or a bare noun phrase the French parser made an adverbial
    ("a libéré samedi l'opposant"): no preposition, not itself a date."""
    # Under a date word, "des"/"du" is the partitive article the parser took for "de": "lundi des sanctions".
    partitive = ("des", "du") if child.head != verb and is_date_word(child.head, lexicon.lang) else ()
    return (
        child.dep_ in ("nmod", "obl:mod", "obl") and child.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ == "case" and c.lower_ not in partitive for c in child.children)
        and not is_date_word(child, lexicon.lang)
        and (child.head != verb or child.dep_ != "nmod")
    )


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    """``tokens`` and the nouns coordinated with them ("sanctions and restrictions")."""
    result: dict[int, Token] = {}
    frontier = list(tokens)
    while frontier:
        token = frontier.pop(0)
        if token.i in result:
            continue
        result[token.i] = token
        frontier += [c for c in token.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON")]
    return list(result.values())


# Clitics of a French pronominal verb: "s'est retiré" (expl:pass), "se sont rendus" (expl:comp).
REFLEXIVE_DEPS = frozenset({"expl", "expl:pv", "expl:comp", "expl:pass", "obj", "iobj"})
# English particles parsed as a preposition without object ("pulled out of") or an adverb ("backed off").
PARTICLE_LIKE_DEPS = frozenset({"prep", "advmod", "compound:prt"})


def _verb_entry(verb: Token, objects: list[Token], lexicon: Lexicon) -> LexEntry | None:
    """The lexicon row of a verb occurrence, from its key (phrasal or pronominal first), its
    objects, its subject and its prepositions; ``None`` for no row or a no-event sense."""
    lemmas = lexicon.verb_lemmas(verb.lemma_, verb.text)
    if not lexicon.may_have_keys(lemmas):
        return None  # no key whatever its particles and clitics (the dependents need not be read)
    particles = [c for c in verb.children if _is_particle(c, verb, lexicon)]
    # "se" is reflexive as object or expletive; "nous", "vous"... only as expletive ("nous nous retirons"),
    # since as objects they are the patient ("il nous a attaqués").
    reflexive = any(
        c.pos_ == "PRON" and c.i < verb.i and fold(c.lemma_) in lexicon.reflexives
        and (c.dep_.startswith("expl") or (fold(c.lemma_) == "se" and c.dep_ in REFLEXIVE_DEPS))
        for c in verb.children
    )
    keys = lexicon.verb_keys(lemmas, particles=[p.lemma_ for p in particles], reflexive=reflexive)
    if not keys:
        return None
    # A verb or adjective complement counts as an object for the conditions: "declined to comment",
    # "refuse de commenter", "s'est montré pessimiste".
    complements = [c.lemma_ for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "ADJ")]
    # A counted object stands for what it counts ("killed hundreds of civilians", "des milliers de
    # manifestants"), a part or a load for what it holds ("delivered the first batch of missiles").
    counted = [c.lemma_ for o in objects if fold(o.lemma_) in lexicon.quantities | lexicon.portions for c in _counted(o)]
    # A capitalised plural is often left unlemmatised ("20 Benin Bronzes"): its singular too.
    plurals = [singular for o in objects if (singular := _propn_singular(o))]
    # The subject of an infinitive clause after the verb is what the verb acts on (_raised_subjects).
    raised = [s.lemma_ for s in _raised_subjects(verb)]
    entry = lexicon.match(
        keys,
        objects=[o.lemma_ for o in objects] + counted + complements + plurals + raised,
        subjects=[s.lemma_ for s in _subject_heads(verb)],
        preps=_prepositions(verb, particles, lexicon),
    )
    return None if entry is None or entry.is_null else entry


def _is_particle(child: Token, verb: Token, lexicon: Lexicon) -> bool:
    if child.dep_ in ("prt", "compound:prt"):
        return True
    return (
        child.dep_ in PARTICLE_LIKE_DEPS
        and fold(child.lemma_) in lexicon.particles
        and child.i > verb.i
        and not any(c.dep_ == "pobj" for c in child.children)
    )


def _subject_heads(verb: Token) -> list[Token]:
    """The verb's subject words for sense rows: its subject, the passive agent, or the subject of
    the verb it depends on ("workers threatened to strike")."""
    heads = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    for child in verb.children:
        if child.dep_ == "agent":
            heads += [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ == "obl:agent":
            heads.append(child)
    if not heads and verb.dep_ in CONTROL_DEPS and verb.head.i != verb.i:
        heads = [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS]
    return _with_conjuncts(heads)


def _prepositions(verb: Token, particles: list[Token], lexicon: Lexicon) -> dict[str, list[str]]:
    """Each preposition the verb governs, with the lemmas of its objects: English ``prep``/``agent``
    (also under a particle: "pulled out of"), French obliques with their ``case`` word."""
    preps: dict[str, list[str]] = {}
    heads = [verb, *particles]
    for head in heads:
        for child in head.children:
            if child.dep_ in ("prep", "agent") and child not in particles:
                objects = _with_conjuncts([c for c in child.children if c.dep_ in ("pobj", "pcomp")])
                preps.setdefault(fold(child.lemma_), []).extend(o.lemma_ for o in objects)
            elif child.dep_ in OBLIQUE_DEPS | {"obl:agent"}:
                for case in (c for c in child.children if c.dep_ == "case"):
                    preps.setdefault(fold(case.lemma_), []).extend(o.lemma_ for o in _with_conjuncts([child]))
    # A complement the French parser hangs on a named object goes with the verb: "a condamné le
    # journaliste Khaled Drareni à trois ans de prison" (ans ← journaliste).
    for obj in (c for c in verb.children if c.dep_ == "obj" and (
            c.pos_ == "PROPN" or any(g.pos_ == "PROPN" and g.dep_ in ("flat:name", "nmod", "appos") for g in c.children))):
        for child in (c for c in obj.subtree if c.dep_ == "nmod" and c.i > obj.i and c.head.dep_ in ("obj", "flat:name", "amod", "punct", "appos")):
            for case in (c for c in child.children if c.dep_ == "case" and fold(c.text) in ("a", "au", "aux")):
                preps.setdefault(fold(case.lemma_), []).append(child.lemma_)
    return preps


def _event_dates(sent: Span, lang: str, base: str | None, triggers: list[_Trigger]) -> dict[int, str]:
    """Attach each date expression to the nearest trigger above it in the tree."""
    by_token = {t.token.i for t in triggers}
    dates: dict[int, str] = {}
    for mention in find_dates(sent, lang, base):
        token = sent.doc[mention.start : mention.end].root
        while True:
            if token.i in by_token:
                dates.setdefault(token.i, mention.date)
                break
            if token.head.i == token.i:
                break
            token = token.head
    return dates


# ---------------------------------------------------------------- events
def _events(
    trigger: _Trigger,
    resolver: ActorResolver,
    lexicon: Lexicon,
    doc_id: str,
    sentence_id: int,
    sentence: str,
    lang: str,
    date: str | None,
    untargeted: bool,
    candidates: list[Candidate] | None = None,
    loose: bool = False,
) -> Iterator[Event]:
    """The events of one trigger. ``loose``: also an event noun or a row that needs a recipient
    with none found (for the sentence-level rules that look for one elsewhere)."""
    rules: list[str] = []
    governor = _agentive_governor(trigger.token, lexicon) if trigger.nominal else None
    circumstance = None
    if trigger.nominal and governor is None and trigger.entry.cameo[:2] in lexicon.circumstance_roots:
        circumstance = _circumstance_governor(trigger.token, lexicon)
    if trigger.nominal:
        sources, targets, penalty = _nominal_roles(trigger, resolver, lexicon, rules, governor or circumstance,
                                                   circumstance=circumstance is not None)
    else:
        sources, targets, penalty = _verbal_roles(trigger, resolver, lexicon, rules)
        if not sources and trigger.token.dep_ in SUBJECT_DEPS and (trigger.token.tag_ == "VBG" or "Ger" in trigger.token.morph.get("VerbForm")):
            # A gerund as subject is an event noun: "Fighting between Armenia and Azerbaijan killed …".
            rules = []
            sources, targets, penalty = _nominal_roles(trigger, resolver, lexicon, rules)
    row = _row(trigger)

    def note(outcome: str) -> None:
        if candidates is not None:
            words = trigger.token.text + (f" … {trigger.noun.text}" if trigger.noun is not None else "")
            candidates.append(Candidate(
                sentence_id, words, row, trigger.entry.cameo,
                tuple((r.text, r.code, r.how) for r in sources), tuple((r.text, r.code, r.how) for r in targets),
                tuple(rules), outcome, trigger.token.idx,
            ))

    if not sources:
        note("no source")
        return
    if trigger.entry.cameo in lexicon.destination_codes and not trigger.nominal:
        # Judicial cooperation is with the state the suspect is sent to: "Colombia extradited 14
        # warlords to the United States", "a été extradé par l'Espagne vers les États-Unis".
        exclude = {s.code for s in sources}
        destination = _prepositional(trigger.token, resolver, lexicon, exclude, preps=lexicon.destination_preps, places=True)
        for obj in (c for c in trigger.token.children if c.dep_ in OBJECT_DEPS | PASSIVE_SUBJECT_DEPS and not destination):
            # The parser may hang it on the suspect: "trois trafiquants présumés vers les États-Unis".
            destination = _prepositional(obj, resolver, lexicon, exclude, depth=2, preps=lexicon.destination_preps, places=True)
        if destination:
            targets = [_country_of(r) if r.country and r.sector is None else r for r in destination]
            rules.append("destination")
    jointly = len({s.code[:3] for s in sources}) >= 2 and trigger.entry.cameo[:2] in lexicon.joint_codes and _jointly(trigger, lexicon)
    if trigger.nominal and _demanded(trigger.token, lexicon):
        # What is demanded is not done: "protesters demanded the resignation of the chief
        # executive", "réclamant la démission du président" (the demand is the event).
        note("demanded")
        return
    if trigger.nominal and any(c.dep_ == "amod" and fold(c.lemma_) in lexicon.modal_adjectives for c in trigger.token.children):
        # An event noun said to be only possible or planned has not happened: "une possible visite de
        # Nancy Pelosi à Taïwan", "a proposed visit", "d'éventuelles sanctions".
        note("planned")
        return
    if _planned(trigger.token, lexicon, trigger.entry.cameo):
        # What a plan, a proposal or an attempt is to do has not been done, and the noun that
        # carries it is the event: "Moscow's plan to annex four regions", "le projet d'annexer".
        note("planned")
        return
    if _in_condition(trigger.token, lexicon):
        # What a condition supposes has not happened: "would close the strait if the United
        # States imposed sanctions", "s'ils ne levaient pas leur camp".
        note("condition")
        return
    answers: list[tuple[ActorRef, ActorRef]] = []
    if targets:
        # A place that is the recipient of a protest or a show of force in one's own country is
        # a domestic event ("thousands marched in Dhaka"), not a wrong guess of the context.
        domestic_place = "place as recipient" in rules
        pairs = [(s, t) for s, t in product(sources, targets) if s.code != t.code and (domestic_place or not _self_pair(s, t))]
        if trigger.entry.joint and "recipient in complement" not in rules and "circumstance" not in rules:
            # Reciprocal action with a partner ("a discuté avec son homologue", "held talks with"):
            # both sides act. Not a recipient of what was agreed ("agreed to send a mission to
            # Myanmar" does nothing with Myanmar's side).
            answers = [(t, s) for s, t in pairs]
            pairs += answers
    elif (trigger.entry.joint or _reciprocal(trigger.token, lexicon)) and len(sources) >= 2 and "circumstance" not in rules:
        # Joint action of coordinated actors ("la Turquie et les États-Unis ont entamé des
        # pourparlers"): one record per ordered pair of two parties; of three or more, each
        # party once towards the next ("the United States, South Korea and Japan began sharing
        # data"), one record a party as the gold data counts joint events.
        if len(sources) == 2:
            pairs = list(permutations(sources, 2))
        else:
            pairs = [(sources[i], sources[(i + 1) % len(sources)]) for i in range(len(sources))]
    elif trigger.entry.cameo[:2] in lexicon.domestic_roots and any(s.country and s.sector != "GOV" for s in sources):
        # A protest with no addressee is addressed to its own government: "thousands marched in
        # Dhaka", "les syndicats ont manifesté" (the convention of the gold data, CAMEO 14 X → X).
        rules.append("own government")
        pairs = [(s, _government(s)) if s.country and s.sector != "GOV" else (s, None) for s in sources]
    elif (trigger.entry.cameo[:3] in lexicon.population_codes or (
            # Refusing it falls on them too: "refused to resign", "a refusé de lever le couvre-feu".
            trigger.entry.cameo[:2] == "12" and trigger.complement is not None
            and trigger.complement.cameo[:3] in lexicon.population_codes
    )) and any(s.country and s.sector in (None, "GOV", "MIL", "COP") for s in sources):
        # A curfew, a state of emergency or its lifting, with no one named, falls on the state's
        # own people: "Tokaïev a levé l'état d'urgence", "the junta imposed a curfew" (X → X).
        rules.append("own population")
        pairs = [(s, _population(s)) for s in sources if s.country]
    elif jointly:
        # The partners' cooperation (below), besides the event itself where it needs no recipient.
        pairs = [(s, None) for s in sources] if untargeted or trigger.entry.cameo[:2] in lexicon.solo_roots else []
    elif (trigger.entry.needs_target or trigger.nominal) and not loose:
        note("no target")
        return
    elif untargeted or loose or trigger.entry.cameo[:2] in lexicon.solo_roots:
        pairs = [(s, None) for s in sources]
    else:
        note("no target")
        return
    mediated: set[tuple[str, str]] = set()
    if trigger.entry.cameo[:2] in lexicon.mediation_roots and lexicon.mediation_code:
        # Talks under a third party's auspices: the broker mediates between the parties
        # ("Malaysian-brokered peace talks", "sous l'égide de Cuba", "under the auspices of Russia").
        brokers = _mediators(trigger, resolver, lexicon, {s.code for s in sources})
        # The broker is no party, even where the recipient search took it for one ("ont entamé des
        # négociations sous l'égide de la Norvège").
        named = {b.code for b in brokers}
        if any(t.code in named for t in targets):
            targets = [t for t in targets if t.code not in named]
            pairs = [(s, t) for s, t in pairs if t is None or (t.code not in named and s.code not in named)]
        parties = {s.code: s for s in sources} | {t.code: t for t in targets}
        for broker in (b for b in brokers if b.code not in parties):
            for party in parties.values():
                if party.code[:3] != broker.code[:3]:
                    pairs.append((broker, party))
                    mediated.add((broker.code, party.code))
            if mediated and "mediator" not in rules:
                rules.append("mediator")
    partnered: set[tuple[str, str]] = set()
    if jointly:
        # Partners in a joint operation cooperate with each other (CAMEO 062) as well as acting on
        # whom it is against: "French and Malian troops launched a joint operation against
        # Islamist fighters", "les armées ougandaise et congolaise ont lancé une opération conjointe".
        for a, b in permutations(sources, 2):
            if a.code[:3] != b.code[:3] and (a.code, b.code) not in partnered:
                pairs.append((a, b))
                partnered.add((a.code, b.code))
        rules.append("joint operation")
    if not pairs:
        note("same actor")
        return
    inherited = governor is not None and "governing verb" in rules
    predicate = governor if inherited else trigger.token
    negated = (not trigger.nominal or inherited) and _negated(predicate, lexicon)
    mode = None if trigger.nominal and not inherited else _mode(predicate, lexicon)
    code = trigger.entry.cameo
    if code in lexicon.sale_codes and any(fold(t.lemma_) in lexicon.sale_words for t in trigger.token.sent):
        # Arms delivered under a deal are sold, not given (CAMEO 062, not 072): "delivered the first
        # batch of missiles under a $375 million deal", "as Turkey pressed ahead with the purchase".
        code = lexicon.sale_codes[code]
    if inherited and lexicon.nominal_agent_verbs.get(fold(governor.lemma_)) == "intent":
        # A promised event: "a promis des mesures de rétorsion" threatens (13), "pledged aid"
        # intends (03).
        if code[:2] in lexicon.threat_codes:
            code = lexicon.threat_codes[code[:2]]
        elif code[:2] in lexicon.intent_codes:
            code = lexicon.intent_codes[code[:2]]
    if trigger.complement is not None and (fold(trigger.token.lemma_) in lexicon.decision_verbs or (
            code[:2] == "01" and fold(trigger.token.lemma_) in lexicon.report_verbs)):
        # A decision is the act decided: "EU ministers decided to impose an embargo" sanctions (16),
        # "l'Otan a décidé de déployer des bataillons" shows force (15); one says oneself what one
        # is: "le Qatar s'est dit disposé à accueillir …" intends (03).
        code = trigger.complement.cameo
    elif trigger.complement is not None and code[:2] == "03" and trigger.complement.cameo[:2] in lexicon.threat_codes:
        # An intent whose content is coercion or force is a threat (CAMEO 13):
        # "ready to attack", "a proposé de sanctionner".
        code = lexicon.threat_codes[trigger.complement.cameo[:2]]
    elif (
        mode in ("future", "conditional") and code[:2] in lexicon.announced_threat_roots
        and trigger.token.dep_ in ("ccomp", "parataxis") and fold(trigger.token.head.lemma_) in lexicon.report_verbs
    ):
        # Force announced, not used, is a threat: "Russia said it will attack Georgia",
        # "La Russie a déclaré qu'elle attaquerait la Géorgie" (an announced expulsion stays one).
        code = lexicon.threat_codes[code[:2]]
    elif code[:2] in lexicon.intent_codes and (mode in lexicon.intent_modes or (
        mode == "conditional" and trigger.token.dep_ in ("ccomp", "parataxis")
        and fold(trigger.token.head.lemma_) in lexicon.report_verbs
    )):
        # (In reported speech "would" is the future: "Britain said it would send missiles".)
        # Cooperation that is promised, not done, is an intent to cooperate (CAMEO 03):
        # "Portugal will support Turkey" → 032, not 051.
        code = lexicon.intent_codes[code[:2]]
    if trigger.complement is not None and fold(trigger.token.lemma_) in lexicon.command_verbs:
        # An order to one's own forces is the act ordered: "Noboa ordered the armed forces to
        # neutralise the gangs", "a ordonné à l'armée de neutraliser les gangs" (19 on the gangs,
        # not a demand on the army); an order to another state stays a demand (10).
        own = [t for s, t in pairs if t is not None and t.country and t.country == s.country and t.sector in _FORCES]
        complement = next((c for c in trigger.token.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if own and complement is not None:
            exclude = {s.code for s in sources} | {t.code for t in own}
            acted_on, _ = _targets(complement, None, resolver, lexicon, exclude)
            code = trigger.complement.cameo
            pairs = [(s, t) for s in sources for t in acted_on if s.code != t.code] or (
                [(s, None) for s in sources] if untargeted or code[:2] in lexicon.solo_roots else [])
            rules.append("order to own forces")
            if not pairs:
                note("no target")
                return
    if answers and code[:2] == "03" and trigger.entry.cameo[:2] != "03":
        # A meeting only promised is the speaker's intent, not the partner's: "they would meet the
        # U.N. mediator", "Paris rencontrera …" (036 from the subject alone).
        pairs = [pair for pair in pairs if pair not in answers]
    if "reported violence" in rules:
        code = lexicon.accusation_code
    if negated and lexicon.refusal_code and trigger.entry.cameo[:2] in lexicon.refusal_roots and mode in lexicon.refusal_modes:
        # Cooperation or concession announced as not coming is a refusal (CAMEO 12): "will not bow
        # to calls to resign", "said it would not comply with the order", "ne cédera pas".
        code, negated = lexicon.refusal_code, False
        rules.append("announced refusal")
    actions: dict[str, Action] = {}
    note("negated" if negated else "event")
    for source, target in pairs:
        if source.code.startswith("IMG") and not source.country and target is not None and target.country and (
                code[:2] in lexicon.locative_roots):
            # An international armed group acts as the rebels of the country it strikes in (the
            # convention of the resolver's _operating): "une attaque revendiquée par l'EI" in Kandahar is AFGREB.
            source = rebels_of(source, target.country)
        # Deaths in a battle are part of the fighting (19), whoever the sides are.
        pair_code = code if "other side of the fight" in rules else _violence_sense(code, trigger, source, target, lexicon)
        if target is not None and (source.code, target.code) in mediated:
            pair_code = lexicon.mediation_code
        elif target is not None and (source.code, target.code) in partnered:
            pair_code = lexicon.joint_codes[code[:2]] if code[:2] in lexicon.joint_codes else pair_code
        if pair_code not in actions:
            actions[pair_code] = _action(trigger, resolver.text, pair_code)
        action = actions[pair_code]
        confidence = 0.9 - penalty
        for ref in (source, target):
            if ref is not None and ref.how in ("pronoun", "context"):
                confidence -= 0.15
        yield Event(
            doc_id=doc_id,
            sentence_id=sentence_id,
            sentence=sentence,
            lang=lang,
            date=date,
            source=source,
            action=action,
            target=target,
            negated=negated,
            mode=mode,
            confidence=max(0.1, confidence),
            extractor=EXTRACTOR,
            row=row,
            rules=tuple(rules),
        )


def _jointly(trigger: _Trigger, lexicon: Lexicon) -> bool:
    """Whether the event noun of ``trigger`` (or its object) is qualified as joint ("une
    opération conjointe", "joint exercises", "combined patrols")."""
    nouns = [t for t in (trigger.noun, trigger.token if trigger.nominal else None) if t is not None]
    nouns += [c for c in trigger.token.children if c.dep_ in OBJECT_DEPS and c.pos_ == "NOUN"]
    return any(
        c.dep_ in ("amod", "compound", "nmod", "advmod") and (fold(c.text) in lexicon.joint_words or fold(c.lemma_) in lexicon.joint_words)
        for noun in nouns for c in noun.children
    )


def _violence_sense(code: str, trigger: _Trigger, source: ActorRef, target: ActorRef | None, lexicon: Lexicon) -> str:
    """Conventional force (19), assault (18), mass killing (20) or a riot (14), by who acts on whom.

    The gold convention: CAMEO 19 is force between armed forces or states ("North Korea shelled
    the island", "les combats entre l'armée et les rebelles"); violence by irregulars on people
    or forces is assault, 18 ("gunmen ambushed a police convoy", "un engin explosif a tué trois
    soldats"), and so is force on those who do not fight ("troops fired on protesters"); the
    killing of hundreds of civilians or more is a mass killing, 20 ("ont exécuté des centaines
    d'hommes").
    """
    if code in lexicon.riot_codes and source.sector in lexicon.protest_sectors and (
            target is None or target.sector not in lexicon.victim_sectors) and not (
            {fold(trigger.token.lemma_), fold(trigger.noun.lemma_) if trigger.noun is not None else ""} & lexicon.killing_verbs):
        # People who protest and turn violent riot: "students pelted the embassy with stones" (145),
        # "des agriculteurs bloquaient les autoroutes" (144). Killing is no riot.
        return lexicon.riot_codes[code]
    if code not in lexicon.assault_codes and code[:2] not in ("18", "19"):
        return code
    words = {fold(trigger.token.lemma_)} | ({fold(trigger.noun.lemma_)} if trigger.noun is not None else set())
    if words & lexicon.battle_words or target is None:
        return code
    victims = target.sector in lexicon.victim_sectors
    if (
        lexicon.mass_code and victims and fold(trigger.token.lemma_) in lexicon.killing_verbs
        and _victim_count(trigger.token.doc, target, lexicon) >= lexicon.mass_victims
    ):
        return lexicon.mass_code
    if code not in lexicon.assault_codes:
        return code
    if not trigger.nominal and any(
        s.pos_ == "NOUN" and (noun := lexicon.nouns.get(fold(s.lemma_))) is not None and noun.cameo[:2] == "19"
        for s in _subject_heads(trigger.token)
    ):
        # The weapon of an air strike or a shelling is the event: "Israeli strikes killed 30 civilians".
        return code
    if lexicon.bombing_code and not trigger.nominal:
        agent = _agent(trigger.token, lexicon)
        doers = _subject_heads(trigger.token) + ([agent] if agent is not None else [])
        if any(fold(d.lemma_) in lexicon.classes.get("explosive_words", ()) for d in doers):
            return lexicon.bombing_code
    irregular = source.sector in lexicon.irregular_sectors and target.sector is not None
    return lexicon.assault_codes[code] if irregular or victims else code


def _victim_count(doc: Doc, target: ActorRef, lexicon: Lexicon) -> int:
    """How many people ``target`` counts: its number ("1,429 people", "au moins 817 personnes") or a
    counting noun before it ("hundreds of civilians", "des centaines d'hommes" count as 100)."""
    span = doc.char_span(target.start, target.end, alignment_mode="expand")
    if span is None:
        return 0
    best = 0
    for token in doc[max(span.start - 3, span.sent.start):span.end]:
        if fold(token.lemma_) in lexicon.mass_quantities or fold(token.text).rstrip("s") in lexicon.mass_quantities:
            best = max(best, 100)
        elif token.like_num:
            digits = re.sub(r"[\s,.\u202f\u00a0]", "", token.text)
            if digits.isdigit():
                best = max(best, int(digits))
    return best


def _reciprocal(verb: Token, lexicon: Lexicon) -> bool:
    """Coordinated subjects acting on each other: "s'accusant mutuellement", "accused each other"."""
    for child in verb.children:
        words = [child] + list(child.children)
        if any(fold(w.text) in lexicon.reciprocal and w.dep_ in ("advmod", "dobj", "pobj", "obj", "prep") for w in words):
            if lexicon.lang == "fr" or any(fold(w.text) in ("each", "one") for w in child.subtree):
                return True
    return False


def _government(ref: ActorRef) -> ActorRef:
    """The government of an actor's country, at the actor's words."""
    code = f"{ref.country}GOV"
    return ActorRef(ref.text, code, ref.country, "GOV", None, None, ref.start, ref.end, "domestic")


def _population(ref: ActorRef) -> ActorRef:
    """The civilians of an actor's country, at the actor's words."""
    code = f"{ref.country}CVL"
    return ActorRef(ref.text, code, ref.country, "CVL", None, None, ref.start, ref.end, "domestic")


def _row(trigger: _Trigger) -> str:
    """The lexicon row of a trigger, for people: ``verb impose +sanction → 163``."""
    entry = trigger.entry
    kind = "noun" if trigger.nominal else "verb"
    objects = f" +{'|'.join(sorted(entry.objects))}" if entry.objects else ""
    noun = f" (event noun {fold(trigger.noun.lemma_)})" if trigger.noun is not None and not entry.objects else ""
    complement = f" absorbing {trigger.complement.cameo}" if trigger.complement is not None else ""
    return f"{kind} {entry.lemma}{objects}{noun} → {entry.cameo}{complement}"


def _verbal_roles(
    trigger: _Trigger, resolver: ActorResolver, lexicon: Lexicon, rules: list[str]
) -> tuple[list[ActorRef], list[ActorRef], float]:
    """Sources and targets of a verbal trigger; the rules that found them are appended to ``rules``."""
    verb = trigger.token
    penalty = 0.0
    sources: list[ActorRef] = []
    targets: list[ActorRef] = []
    passive = _passive(verb, lexicon)
    speaker: Token | None = None  # an inverted subject, which is no recipient
    given: list[ActorRef] = []  # the owner of what a passive transfer hands over
    for child in verb.children:
        # A second subject (a misparsed coordination) adds to the sources, never replaces them.
        if child.dep_ in SUBJECT_DEPS or (child.dep_ in PASSIVE_SUBJECT_DEPS and not passive):
            sources = _merge(sources, resolver.resolve(child))
            if sources and "subject" not in rules:
                rules.append("subject")
        elif child.dep_ in PASSIVE_SUBJECT_DEPS and trigger.noun is not None and child.i == trigger.noun.i and (
                trigger.entry.cameo[:2] in lexicon.transfer_roots):
            # What is handed over is no recipient; its owner gives it when no agent is named: "les
            # premiers éléments du système russe S-400 ont été livrés à la Turquie" (Russia).
            given = [r for r in resolver.owners(child) if r.how != "context"]
        elif child.dep_ in PASSIVE_SUBJECT_DEPS:
            # Passive: the grammatical subject is the recipient ("la Turquie a été sanctionnée"),
            # or the actor owning it ("les frappes israéliennes … ont été dénoncées").
            targets = _merge(targets, resolver.resolve(child) or resolver.owners(child))
            if targets and "passive subject" not in rules:
                rules.append("passive subject")
    if passive:
        # Passive agent: "par Washington" (obl:agent) or "by Washington" (agent → pobj), or the
        # actor owning the agent ("tué par une frappe de drone américaine").
        agent = _agent(verb, lexicon)
        if agent is not None:
            sources = resolver.resolve(agent) or resolver.owners(agent)
            if sources:
                rules.append("passive agent")
        if not sources and given:
            sources = given
            rules.append("owner of what is given")
        if not sources and targets:
            # Struck in a fight with someone: "Eighteen soldiers were killed in a gunbattle with Abu
            # Sayyaf militants", "tués lors d'affrontements avec les rebelles" — the other side did it.
            sources = _fight_partners(verb, resolver, lexicon, {t.code for t in targets})
            if sources:
                rules.append("other side of the fight")
        if verb.dep_ == "acl" and not targets:
            # A participle's noun is what undergoes it: "Evan Gershkovich, arrêté par les services
            # russes", "a journalist detained by Iranian police".
            # Only a named or titled actor, not one guessed from context ("une démonstration de
            # force dénoncée par Pékin": the show of force is the target's deed, not an actor).
            targets = [r for r in resolver.resolve(verb.head) if r.code not in {s.code for s in sources} and r.how != "context"]
            if targets:
                rules.append("participle noun")
            else:
                targets = _summarised_doers(verb.head, resolver, lexicon, {s.code for s in sources})
                if targets:
                    rules.append("summarised act")
    if not sources and fold(verb.lemma_) in lexicon.report_verbs and (any(
        c.dep_ in ("ccomp", "parataxis", "advcl") and c.i < verb.i for c in verb.children
    ) or _incise(verb)):
        # The speaker after a fronted quotation: "…, a affirmé mardi Human Rights Watch",
        # "…, said the ministry" (the parser often misses the inverted subject).
        for child in (c for c in verb.children if c.i > verb.i and c.dep_ in ("dep", "obj", "dobj", "nsubj", "appos", "attr")):
            sources = [r for r in resolver.resolve(child) if r.how != "pronoun"]
            if sources:
                rules.append("inverted subject")
                speaker = child
                break
    if not sources:
        sources = _inherited_subject(verb, resolver, lexicon)
        penalty += 0.1 if sources else 0.0
        if sources:
            rules.append("inherited subject")
    if not sources and not passive:
        sources = _left_actor(verb, resolver)
        penalty += 0.2 if sources else 0.0
        if sources:
            rules.append("subject recovery")
    if passive and not sources and trigger.entry.cameo[:2] in lexicon.instrument_roots:
        # "89 000 policiers ont été mobilisés", "troops were deployed": the forces moved are the actor.
        moved = targets or (resolver.resolve(trigger.noun) if trigger.noun is not None and trigger.noun.dep_ in PASSIVE_SUBJECT_DEPS else [])
        if moved:
            sources, targets = moved, []
            rules.append("forces moved")
    if trigger.entry.received and sources:
        # "Ukraine has received its first Patriot systems from Germany and the United States",
        # "Kiev a réceptionné des drones livrés par Ankara": the giver acts on the receiver.
        taken = {s.code for s in sources}
        givers = _prepositional(verb, resolver, lexicon, taken, depth=2, preps=lexicon.source_preps)
        if not givers and trigger.noun is not None:
            givers = _prepositional(trigger.noun, resolver, lexicon, taken, depth=2, preps=lexicon.source_preps)
        if givers:
            sources, targets = givers, sources
            rules.append("received from")
    if not sources and trigger.entry.cameo[:2] in lexicon.domestic_roots and any(
        c.dep_ in SUBJECT_DEPS for c in verb.children
    ):
        # "Une trentaine de femmes ont manifesté à Kaboul", "thousands marched in Dhaka": the
        # people of the place protest.
        sources = resolver.in_context(verb, "CVL")
        if sources:
            penalty += 0.15
            rules.append("protesters of the place")
    if trigger.entry.cameo[:2] in lexicon.unattributed_roots and all(s.how == "context" for s in sources):
        # What the attack is blamed on did it, rather than unnamed gunmen: "A car bomb blamed on ETA
        # ripped through a barracks", "par des hommes armés attribués aux Groupes islamiques armés".
        blamed = _blamed(verb, trigger.noun, resolver, lexicon)
        if blamed:
            sources = blamed
            penalty += 0.1
            rules.append("blamed on")
    if not sources and trigger.entry.cameo[:2] in lexicon.unattributed_roots and not _has_actor_subject(verb):
        # An attack with no named perpetrator ("une voiture piégée a explosé à Bogota", "a bomb
        # killed three soldiers in Mali"): unidentified armed forces of the country where it
        # happened (CAMEO agent UAF), the convention of the gold data.
        sources = resolver.at_place(verb, "UAF")
        if sources:
            penalty += 0.2
            rules.append("unattributed attack")
    if not sources and passive and targets and trigger.entry.cameo[:2] in lexicon.authority_roots:
        # Coercion in the passive with no agent is done by the authorities of where it happens:
        # "two Canadians have been detained in China", "trois militants ont été arrêtés à Minsk".
        sources = resolver.at_place(verb, "GOV")
        if sources:
            penalty += 0.1
            rules.append("authorities of the place")
            # "Deux Canadiens, l'ancien diplomate Michael Kovrig …, ont été placés en détention en
            # Chine": a name guessed to be of the place's country beside foreigners is one of them.
            here = sources[0].country
            if any(t.how != "context" and t.country and t.country != here for t in targets):
                targets = [t for t in targets if not (t.how == "context" and t.country == here)]
    if not targets:
        exclude = {s.code for s in sources}
        instrument = trigger.entry.cameo[:2] in lexicon.instrument_roots
        targets, extra = _targets(verb, trigger.noun, resolver, lexicon, exclude, instrument)
        if speaker is not None:
            targets = [t for t in targets if not _within(t, speaker)]
        if trigger.entry.joint and len(sources) >= 2:
            # Parties acting together meet somewhere, not someone: "Israël et Bahreïn ont signé les
            # accords à la Maison-Blanche" (a seat of power named as a place is their venue).
            targets = [t for t in targets if not (t.rule or "").startswith("metonym")]
        if not targets and trigger.entry.cameo[:2] in lexicon.transfer_roots:
            # What is given to a capital goes to its government: "a livré à Moscou plus d'un million
            # d'obus" (a capital after "à" is otherwise where something happens: "réunis à Moscou").
            targets = [r for r in _prepositional(verb, resolver, lexicon, exclude, preps=_DESTINATION, places=True)
                       if (r.rule or "").startswith("capital")]
            if targets:
                rules.append("capital as destination")
        penalty += extra
        if targets:
            rules.append("recipient")
        # Attribution is not address: in "Portugal will support Turkey, Soares said" the clause
        # before the verb of saying is its content, not its recipient. After the verb
        # ("Obama and Putin said they will attack Iraq") the statement is about, and coded
        # towards, the actor in it (CAMEO 01).
        speech = fold(verb.lemma_) in lexicon.report_verbs
        complements = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and (not speech or c.i > verb.i)]
        if not targets and trigger.entry.cameo[:2] in lexicon.threat_roots:
            # A threat is made to whoever must meet its condition: "threatened to strike unless
            # President Jonathan reversed the decision", "a menacé de fermer le détroit si les
            # États-Unis sanctionnaient …".
            targets = _condition_subjects(verb, resolver, lexicon, exclude)
            if targets:
                rules.append("condition subject")
        if not targets and (trigger.entry.cameo[:2] in lexicon.probe_roots or trigger.entry.deep):
            # What is investigated (or qualified: verbs.tsv flag "deep") names its recipient deep in its phrase: its doer ("investigate
            # crimes committed by Syrian forces", "enquête sur les crimes imputés à l'armée
            # birmane"), its owner ("flux liés au fonds souverain malaisien") or its place ("the
            # gas attack in Douma", "crimes commis au Venezuela").
            targets = _investigated(verb, trigger.noun, resolver, lexicon, exclude)
            if targets:
                penalty += 0.1
                rules.append("deep recipient")
        if not targets and trigger.entry.cameo[:2] in lexicon.addressee_roots:
            # A demand's addressee is the subject of what is demanded: "demanded that the
            # United States match …", "exige que Moscou retire …".
            for complement in (c for c in complements if _is_predicate_like(c)):
                subjects = [c for c in complement.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
                for subject in subjects:
                    targets = [r for r in resolver.resolve(subject) if r.code not in exclude and r.how != "pronoun"]
                    if targets:
                        break
                if targets:
                    penalty += 0.1
                    rules.append("demand addressee")
                    break
                if any(s.pos_ in ("PROPN", "NOUN") for s in subjects):
                    complements = []  # "demanded that Hamas …": the addressee is named but unknown
                    break
        if not targets:
            # Whom the verb asks to act is its recipient: "a demandé à Moscou de retirer …",
            # "called on Japan to release …" (object control, see _controller).
            for complement in (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")):
                controller = _controller(verb, complement, lexicon)
                if controller is not None:
                    targets = [r for r in resolver.resolve(controller) if r.code not in exclude]
                if targets:
                    rules.append("controller")
                    break
        if not targets:
            # The recipient inside the complement: "offered to hand over two suspects to Britain",
            # "agreed to re-open its borders to UN peacekeepers".
            # Not for a verb of saying: "X said it would expel Y" codes the expulsion, not a statement to Y.
            # A verb of saying that absorbed its complement ("s'est dit disposé à …") or whose row is
            # no statement ("s'est dite prête à …", 030) is that event.
            absorbed = trigger.complement is not None or trigger.entry.cameo[:2] != "01"
            for complement in (c for c in complements if c.pos_ in ("VERB", "AUX", "ADJ") and (absorbed or not speech)):
                targets, extra = _targets(complement, None, resolver, lexicon, exclude) if complement.pos_ != "ADJ" else ([], 0.0)
                if targets:
                    penalty += 0.1 + extra
                    rules.append("recipient in complement")
                    break
                # Both sides of what the complement offers: "ready to mediate between Ethiopia and
                # Somalia", "disposé à accueillir des discussions entre les États-Unis et les talibans".
                targets = _between_parties(complement, resolver, lexicon, exclude)
                if targets:
                    penalty += 0.1
                    rules.append("parties in complement")
                    break
        if not targets and trigger.entry.cameo[:2] in lexicon.addressee_roots:
            # Whom a demand is made of: "a exigé de Moscou qu'elle retire …", "demanded of Iran".
            targets = [r for r in _prepositional(verb, resolver, lexicon, exclude, preps=lexicon.addressee_preps)
                       if r.how in ("dictionary", "agent")]
            if targets:
                rules.append("demand made of")
        if not targets and speech and sources:
            # A third party reporting violence accuses its perpetrator: "Eritrean troops killed
            # hundreds of civilians, Amnesty International said", "HRW a affirmé que l'armée
            # avait exécuté …" (CAMEO 112, the convention of the gold data).
            targets = _reported_perpetrators(verb, resolver, lexicon, sources)
            if targets:
                rules.append("reported violence")
        if not targets and speech and sources and trigger.entry.cameo[:2] == "01" and verb.dep_ not in ADVERBIAL_DEPS | {"acl", "xcomp", "conj"}:
            # A statement whose content is no event of its own is about the actor it names first
            # (CAMEO 01 and the gold data's convention): "Buhari said he was confident the army
            # would crush Boko Haram", "Ban a dit être pessimiste sur la Syrie".
            targets = _statement_topic(verb, resolver, lexicon, {s.code for s in sources})
            if targets:
                penalty += 0.2
                rules.append("statement topic")
        if not targets and not speech:
            # What brings two sides together is addressed to both: "offered to host talks between
            # Israel and Hamas", "accueillir des pourparlers entre le Mali et le Niger".
            targets = _between_parties(verb, resolver, lexicon, exclude, depth=1)
            if targets:
                penalty += 0.1
                rules.append("parties")
        if not targets and not speech and not (trigger.entry.joint and len(sources) >= 2):
            # TABARI's convention: the first actor after the verb in its clause is its recipient
            # ("threw his support behind Argentina's bid", "offered to host talks between …").
            targets = _next_actor(verb, resolver, lexicon, exclude)
            if targets:
                penalty += 0.25
                rules.append("next actor")
        if not targets and not speech and (trigger.entry.place or trigger.entry.cameo[:2] in lexicon.locative_roots):
            # Where a protest or an attack happens is its recipient: "protested in Beijing".
            targets = [
                r for head in ([verb] + ([trigger.noun] if trigger.noun is not None else []))  # "drills around Taiwan"
                for r in _prepositional(head, resolver, lexicon, exclude, preps=lexicon.locative_preps, places=True)
                if r.country and r.code[:3] not in exclude
            ]
            targets = [_country_of(r) for r in targets]
            penalty += 0.15 if targets else 0.0
            if targets:
                rules.append("place as recipient")
        if not targets and not speech and sources and (
                trigger.entry.cameo[:2] in lexicon.counterpart_roots or trigger.entry.cameo[:3] in lexicon.counterpart_roots) and not (
                trigger.entry.joint and len(sources) >= 2):
            # A reaction with no recipient named is addressed to the other party of the story:
            # "The Kremlin dismissed the allegations" (the accuser of the sentence before), "Paris
            # said it was recalling its envoy", "London warned of serious consequences".
            counterpart = resolver.counterpart(verb, sources)
            if counterpart is not None:
                targets = [counterpart]
                penalty += 0.3
                rules.append("counterpart")
    return sources, targets, penalty


def _pitted(noun: Token, resolver: ActorResolver, lexicon: Lexicon) -> list[ActorRef]:
    """The sides an event noun's verb of pitting sets against each other: "des combats opposent
    l'armée aux paramilitaires", "des affrontements ont opposé les gardes-frontières kirghizes et
    tadjiks", "clashes pitted police against protesters"."""
    verb = noun.head
    if noun.dep_ not in SUBJECT_DEPS or verb.pos_ not in ("VERB", "AUX") or fold(verb.lemma_) not in lexicon.pitting_verbs:
        return []
    sides: list[ActorRef] = []
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS or (child.dep_ in OBLIQUE_DEPS | {"prep"} and child.i > verb.i):
            heads = [c for c in child.children if c.dep_ == "pobj"] if child.dep_ == "prep" else [child]
            for head in heads:
                sides = _merge(sides, resolver.resolve(head))
                for other in head.children:
                    # "opposent l'armée aux paramilitaires", the second side hung on the first
                    if other.dep_ == "nmod" and any(fold(c.text) in ("a", "au", "aux") for c in other.children if c.dep_ == "case"):
                        sides = _merge(sides, resolver.resolve(other))
    return sides


def _summarised_doers(noun: Token, resolver: ActorResolver, lexicon: Lexicon, exclude: set[str]) -> list[ActorRef]:
    """Who did the act a noun after a comma sums up: "Spain recognised a Palestinian state, a
    move condemned by Israel", "…, une décision aussitôt dénoncée par Israël" — the subjects of
    the clause the noun is hung on."""
    if fold(noun.lemma_) not in lexicon.classes.get("summary_words", ()) or noun.i == 0:
        return []
    first = min(t.i for t in noun.subtree)
    if first == 0 or noun.doc[first - 1].text not in (",", "—", "–", ";", "-"):
        return []
    clause = noun.head
    if clause.pos_ not in ("VERB", "AUX"):
        return []
    deps = SUBJECT_DEPS if _passive(clause, lexicon) else SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
    return [r for c in clause.children if c.dep_ in deps for r in resolver.resolve(c) if r.code not in exclude]


def _has_actor_subject(verb: Token) -> bool:
    """Whether ``verb`` may have a perpetrator the rules did not resolve: a subject that is a name
    or a pronoun, or no subject at all (a participle clause, "…, tuant vingt cadets", takes its
    doer from the clause it depends on). A common-noun subject ("une bombe a explosé", "a car
    bomb exploded") or a passive subject with no agent leaves the attack unattributed."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
    return not subjects or any(c.dep_ in SUBJECT_DEPS and c.pos_ in ("PROPN", "PRON") for c in subjects)


def _reported_perpetrators(
    verb: Token, resolver: ActorResolver, lexicon: Lexicon, speakers: list[ActorRef]
) -> list[ActorRef]:
    """The doers of material conflict (CAMEO 17-20) in what ``verb`` (a verb of saying) reports,
    when a monitor (an NGO or an international organisation) reports it and the doers and the
    victims belong to other countries than every speaker."""
    if not any(s.code[:3] in ("NGO", "IGO") for s in speakers):
        return []  # monitors (rights groups, UN bodies) accuse; a government or a source reports
    countries = {s.country or s.code[:3] for s in speakers}
    contents = [c for c in verb.children if (c.dep_ in ("ccomp", "parataxis") or (c.dep_ == "advcl" and c.i < verb.i))
                and c.pos_ in ("VERB", "AUX")]
    if verb.dep_ in ("ccomp", "parataxis", "advcl") and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < verb.i:
        contents.append(verb.head)  # "X killed Y, Amnesty said"
    found: list[ActorRef] = []
    for content in contents:
        for clause in (content, *[c for c in content.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]):
            entry = _verb_entry(clause, _objects(clause, lexicon), lexicon)
            if entry is None or entry.cameo[:2] not in lexicon.reported_violence_roots:
                continue
            victims, _ = _targets(clause, None, resolver, lexicon, set())
            if any((v.country or v.code[:3]) in countries for v in victims):
                continue  # the victim's own side reporting: the attack is the event, not an accusation
            doers = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
            if _passive(clause, lexicon):
                agent = _agent(clause, lexicon)
                doers = [agent] if agent is not None else []
            for doer in doers:
                found += [r for r in resolver.resolve(doer)
                          if r.how != "pronoun" and (r.country or r.code[:3]) not in countries and all(f.code != r.code for f in found)]
    return found


def _passive(verb: Token, lexicon: Lexicon | None = None) -> bool:
    """Passive voice: a passive auxiliary, or a passive subject without the perfect's
    auxiliary (the French model marks "Moscou a officiellement rejeté" as passive), or a
    past participle modifying a noun ("le journaliste arrêté par …", "troops sent by …").

    Not passive: a French pronominal verb, which the model gives a passive subject ("l'UE
    s'est engagée à verser"), and a participle of state ("Téhéran est disposé à reprendre",
    "Iran is determined to"), which describes its subject (markers.tsv ``stative``)."""
    if any(c.dep_.startswith("expl") and fold(c.lemma_) in ("se", "soi") for c in verb.children):
        return False
    if lexicon is not None and fold(verb.lemma_) in lexicon.stative_participles:
        return False
    if verb.dep_ == "acl" and _past_participle(verb) and not any(c.dep_ in AUX_DEPS for c in verb.children):
        return True
    if any(c.dep_ in PASSIVE_AUX_DEPS for c in verb.children):
        return True
    if any(c.dep_ == "obl:agent" for c in verb.children) and not any(
            c.dep_ in ("aux", "aux:tense") and fold(c.lemma_) in ("avoir", "have") for c in verb.children):
        # An agent phrase makes a passive whatever the morphology says: the French model reads
        # some participles as infinitives ("un cessez-le-feu négocié par l'Égypte").
        return True
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children):
        return not any(c.dep_ in ("aux", "aux:tense") and fold(c.lemma_) in ("avoir", "have") for c in verb.children)
    return False


def _past_participle(verb: Token) -> bool:
    """A past participle: "arrêté", "sent" (VBN), by the parser's morphology."""
    return verb.tag_ == "VBN" or ("Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense"))


def _self_pair(source: ActorRef, target: ActorRef) -> bool:
    """A role noun given the story's country facing that country itself ("the army attacked
    Ukraine" in a story about Ukraine): the context guessed wrong, not a domestic event."""
    for guessed, named in ((source, target), (target, source)):
        if guessed.rule == "role+context-country" and named.sector is None and named.country == guessed.country:
            return True
    return False


def _merge(refs: list[ActorRef], more: list[ActorRef]) -> list[ActorRef]:
    """``refs`` followed by the actors of ``more`` with a code not yet among them."""
    return refs + [r for r in more if all(r.code != k.code for k in refs)]


def _country_of(ref: ActorRef) -> ActorRef:
    """A place stands for its country: "in Beijing" → China (not its government)."""
    country = ref.country or ref.code[:3]
    return ActorRef(ref.text, country, country, None, ref.label, None, ref.start, ref.end, ref.how)


def _nominal_roles(
    trigger: _Trigger, resolver: ActorResolver, lexicon: Lexicon, rules: list[str], governor: Token | None = None,
    circumstance: bool = False,
) -> tuple[list[ActorRef], list[ActorRef], float]:
    noun = trigger.token
    rules.append("nominal event")
    sources, targets, penalty = _nominal_own_roles(trigger, resolver, lexicon, rules, governed=governor is not None)
    if sources or governor is None:
        return sources, targets, penalty
    # An event noun whose doer is the subject of the verb that announces, orders, conducts or
    # promises it: "Washington a annoncé des interdictions de visa visant …", "procéderaient à
    # des exécutions", "ordered the arrest of …", "pledged an investigation".
    # (The French parser labels the subject of "est responsable de" a passive one.)
    subject_deps = SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS if governor.pos_ == "ADJ" else SUBJECT_DEPS
    sources = [r for c in governor.children if c.dep_ in subject_deps for r in resolver.resolve(c)]
    if not sources and trigger.entry.cameo[:2] in lexicon.domestic_roots:
        # The people of the place only when no verb names who holds the protest: "Navalny declared
        # a hunger strike" is Navalny's.
        sources = resolver.in_context(trigger.token, "CVL")
        if sources:
            rules.append("protesters of the place")
            return sources, targets, penalty
    if not sources and _passive(governor, lexicon):
        agent = _agent(governor, lexicon)
        sources = resolver.resolve(agent) if agent is not None else []
    if not sources:
        sources = _inherited_subject(governor, resolver, lexicon)
    if not sources:
        return [], targets, penalty
    # (A visit during which the clause's act is done is the subject's too, but the verb keeps its own event.)
    rules.append("circumstance" if circumstance else "governing verb")
    exclude = {r.code for r in sources}
    own_targets = bool(targets)
    targets = [r for r in targets if r.code not in exclude] or _aimed_at(noun, resolver, lexicon, exclude)
    if not targets:
        targets = [r for r in resolver.owners(noun) if r.code not in exclude]
    if not targets and trigger.entry.cameo[:2] in lexicon.probe_roots:
        targets = _investigated(noun, None, resolver, lexicon, exclude)
    if not targets and not (circumstance and fold(noun.lemma_) in lexicon.multilateral_nouns):
        targets, _ = _targets(governor, noun, resolver, lexicon, exclude)
    if not targets:
        # The victims of an attack are those its relative clause says it killed or wounded: "the
        # sarin attack that killed dozens of people in Idlib", "l'attaque au chlore qui a tué 43
        # personnes" (the parser may hang the clause on the noun's complement).
        for holder in [noun] + [c for c in noun.children if c.dep_ in ("nmod", "compound")]:
            for clause in (c for c in holder.children if c.dep_ in ("relcl", "acl:relcl") and fold(c.lemma_) in lexicon.killing_verbs):
                targets = [r for obj in clause.children if obj.dep_ in OBJECT_DEPS for r in resolver.resolve(obj) if r.code not in exclude]
                if targets:
                    rules.append("victims of its clause")
                    break
            if targets:
                break
    if circumstance:
        # The partner of a visit or a talk told as a circumstance is its own ("after talks with his
        # counterpart") or the clause's named recipient ("a exhorté M. Saïed, lors d'un entretien"),
        # not a guess, and of another country ("during a visit to Bucha" by Ukraine's president is no
        # consultation); a summit's partners are its own ("a fixé un ultimatum aux militaires
        # nigériens à l'issue d'un sommet" did not meet them).
        countries = {r.country for r in sources if r.country}
        targets = [r for r in targets if (own_targets or r.how != "context") and not (r.country and r.country in countries)]
    if not targets and trigger.entry.cameo[:2] in lexicon.locative_roots:
        # Where the attack claimed or carried out happened: "l'attentat … lors d'un mariage à
        # Kaboul a été revendiqué par l'EI", "claimed the bombing in Quetta".
        targets = [_country_of(r) for r in _prepositional(noun, resolver, lexicon, exclude, preps=lexicon.locative_preps, places=True)
                   if r.country and r.code[:3] not in exclude]
        if not targets:
            targets = [_country_of(r) for r in resolver.at_place(noun, "CVL") if r.code[:3] not in exclude]
        if targets:
            rules.append("place as recipient")
    return sources, targets, penalty + 0.1


def _agentive_governor(noun: Token, lexicon: Lexicon) -> Token | None:
    """The verb whose subject does the event noun ``noun`` (markers.tsv ``nominal_agent``, and
    support verbs): ``noun`` or the first of its conjuncts is its object, or the object of its
    preposition ("procéder à des exécutions", "proceed with the strikes")."""
    head = noun
    for _ in range(3):
        # Up through a coordination ("des gels d'avoirs et des interdictions de visa") and through
        # a measure noun it completes ("des mesures de rétorsion", "l'ouverture d'une enquête",
        # "a wave of arrests").
        above = head.head
        of = head.dep_ == "nmod" and any(fold(c.text) in _DE for c in head.children if c.dep_ == "case")
        if head.dep_ == "pobj" and fold(above.text) == "of":
            above, of = above.head, True
        elif head.dep_ == "pobj" and above.dep_ == "prep" and fold(above.head.lemma_) in lexicon.claim_nouns:
            above, of = above.head, True  # "claimed responsibility for the attack"
        if above.i == head.i or above.pos_ not in ("NOUN", "PROPN"):
            break
        if head.dep_ == "conj":
            head = above
            continue
        if of and fold(above.lemma_) in lexicon.measure_nouns | lexicon.claim_nouns:  # not another event: "le retrait de l'accord"
            head = above
            continue
        break
    # Who is responsible for it, or guilty of it, did it: "the air force was responsible for the
    # chlorine attack", "l'armée de l'air est responsable de l'attaque au chlore".
    adjective = None
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and fold(head.head.text) in ("for", "of"):
        adjective = head.head.head
    elif head.dep_ in ("nmod", "obl", "obl:arg") and any(c.dep_ == "case" and fold(c.text) in _DE for c in head.children):
        adjective = head.head
    if adjective is not None and adjective.pos_ == "ADJ" and fold(adjective.lemma_) in lexicon.responsible_adjectives:
        if adjective.dep_ == "acomp" and adjective.head.pos_ in ("AUX", "VERB"):
            adjective = adjective.head  # English: the subject is the copula's ("the air force was responsible")
        if any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in adjective.children):
            return adjective
    verb: Token | None = None
    if head.dep_ in OBJECT_DEPS or (head.dep_ in ("obl", "obl:arg") and any(c.dep_ == "case" for c in head.children)):
        verb = head.head
    elif head.dep_ in PASSIVE_SUBJECT_DEPS and _passive(head.head, lexicon):
        verb = head.head  # "l'attentat a été revendiqué par l'EI", "the strikes were ordered by …"
    elif head.i == noun.i:
        # A participle of the noun with its agent: "l'attaque du centre commercial, revendiquée
        # par les shebab", "the bombing, claimed by the Pakistani Taliban".
        verb = next((c for c in noun.children if c.dep_ == "acl" and _passive(c, lexicon) and _marked_agent(c, lexicon)
                     and fold(c.lemma_) in lexicon.nominal_agent_verbs), None)
    elif head.dep_ == "pobj" and head.head.dep_ == "prep":
        verb = head.head.head
    if verb is not None and verb.pos_ not in ("VERB", "AUX") and is_date_word(verb, lexicon.lang):
        verb = verb.head  # hung on a date next to the verb: "a approuvé vendredi un prêt"
    if verb is None or verb.i == noun.i or verb.pos_ not in ("VERB", "AUX"):
        return None
    lemma = fold(verb.lemma_)
    if lemma in lexicon.nominal_agent_verbs or any(e.is_support for e in lexicon.verbs.get(lemma, ())):
        return verb
    return None


def _demanded(noun: Token, lexicon: Lexicon) -> bool:
    """Whether the event noun ``noun`` (or the list it is in) is the object of a verb of demanding
    (a row of CAMEO 10 with no object condition)."""
    head = noun
    for _ in range(3):
        if head.dep_ != "conj":
            break
        head = head.head
    if head.dep_ not in OBJECT_DEPS or head.head.pos_ not in ("VERB", "AUX"):
        return False
    return any(e.cameo[:2] == "10" and not e.objects for e in lexicon.verbs.get(fold(head.head.lemma_), ()))


def _circumstance_governor(noun: Token, lexicon: Lexicon) -> Token | None:
    """The verb of the clause an event noun is a circumstance of: the noun in a phrase of time
    (``circumstance_prep``) on the verb or on its subject ("Erdogan, on a visit to Kyiv, offered …",
    "praised … during a visit to Athens", "a exhorté M. Saïed, lors d'un entretien téléphonique",
    "le président turc, en visite à Kiev, a proposé", "au cours d'une visite à Athènes")."""
    head = noun.head
    preps = lexicon.circumstance_preps
    if noun.dep_ == "pobj" and head.dep_ == "prep" and fold(head.text) in preps:
        attach = head.head  # English: "on a visit", the preposition on the verb or the subject
    elif any(c.dep_ == "case" and fold(c.text) in preps for c in noun.children) and head.i != noun.i:
        attach = head  # "en visite", "pendant sa visite", "après un entretien"
    elif fold(head.text) in preps and head.i != noun.i and any(c.dep_ == "case" and fold(c.text) in _DE for c in noun.children):
        attach = head.head  # "lors d'un entretien", "au cours d'une visite", "à l'issue d'une rencontre"
    else:
        return None
    if attach.pos_ in ("NOUN", "PROPN") and attach.dep_ in SUBJECT_DEPS:
        attach = attach.head  # the circumstance told of the subject: "X, on a visit to Kyiv, offered"
    for _ in range(2):
        # Hung on a participle of a noun ("the progress made by Greece during a visit"): the clause's verb.
        if attach.dep_ in ("acl", "amod") and attach.head.pos_ in ("NOUN", "PROPN") and attach.head.head.pos_ in ("VERB", "AUX"):
            attach = attach.head.head
    if attach.i == noun.i or attach.pos_ not in ("VERB", "AUX"):
        return None
    return attach


def _aimed_at(noun: Token, resolver: ActorResolver, lexicon: Lexicon, exclude: set[str]) -> list[ActorRef]:
    """The recipient of an event noun through a participle of aiming: "des interdictions de visa
    visant plusieurs responsables russes", "sanctions targeting Russian banks"."""
    for child in noun.children:
        if child.dep_ in ("acl", "amod") and fold(child.lemma_) in lexicon.aiming_verbs:
            for obj in (c for c in child.children if c.dep_ in OBJECT_DEPS):
                refs = [r for r in resolver.resolve(obj) if r.code not in exclude]
                if refs:
                    return refs
            refs = _prepositional(child, resolver, lexicon, exclude)
            if refs:
                return refs
    return []


def _nominal_own_roles(
    trigger: _Trigger, resolver: ActorResolver, lexicon: Lexicon, rules: list[str], governed: bool = False
) -> tuple[list[ActorRef], list[ActorRef], float]:
    """Sources and targets an event noun names in its own modifiers."""
    noun = trigger.token
    # Both sides after "between"/"entre" first: "les pourparlers entre le gouvernement afghan
    # et les talibans" has two parties, not an agent (see the end of this function).
    between = _prepositional(noun, resolver, lexicon, exclude=set(), preps=lexicon.between_preps)
    if len(between) == 1 and noun.dep_ in SUBJECT_DEPS:
        # The parser may hang the second side on the verb as another subject: "les pourparlers
        # entre le gouvernement afghan et les talibans se sont ouverts".
        for other in (c for c in noun.head.children if c.dep_ in SUBJECT_DEPS and c.i > noun.i):
            between = _merge(between, [r for r in resolver.resolve(other) if r.code != between[0].code])
    if len(between) >= 2:
        rules.append("between")
        return between, list(between), 0.1
    # The agent of an event noun: "the killing of protesters by security forces",
    # "l'exécution de 223 villageois par des soldats burkinabè"; then its "of"/"de" is the patient.
    agents = _prepositional(noun, resolver, lexicon, exclude=set(), preps=lexicon.agent_preps | lexicon.nominal_source_preps)
    if agents:
        rules.append("nominal agent")
        sources = agents
        agent_heads = frozenset(
            c.i for c in noun.children
            if any(fold(k.text) in lexicon.agent_preps | lexicon.nominal_source_preps for k in c.children if k.dep_ == "case")
            or (c.dep_ in ("prep", "agent") and fold(c.text) in lexicon.agent_preps | lexicon.nominal_source_preps)
        )
        patients = [r for r in resolver.owners(noun, skip=agent_heads) if r.code not in {a.code for a in agents}]
        if patients:
            return sources, patients, 0.1
    else:
        sources = resolver.owners(noun)
        if not sources:
            sources = _possessor(noun, resolver, lexicon)
            if sources:
                rules.append("possessor")
    patients: list[ActorRef] = []
    if not agents and trigger.entry.cameo[:2] in lexicon.patient_roots:
        sources, patients = _patient_of(noun, sources, resolver, lexicon)
        if patients:
            rules.append("patient complement")
    if not sources and not governed and trigger.entry.cameo[:2] in lexicon.domestic_roots:
        # "Protests spread to 15 Iranian cities", "une grève paralyse Lagos": the people of the place.
        sources = resolver.in_context(noun, "CVL")
        if sources:
            rules.append("protesters of the place")
    # A noun takes its recipient with "contre"/"against"/"on"; "avec"/"with" only when joint ("talks with").
    preps = lexicon.nominal_target_preps | (lexicon.joint_preps if trigger.entry.joint else frozenset())
    targets = _merge(patients, _prepositional(noun, resolver, lexicon, exclude={r.code for r in sources}, preps=preps))
    if not targets and trigger.entry.cameo in lexicon.visit_codes:
        # A visit's destination is its recipient: "sa visite à Athènes", "en visite en Chine".
        targets = _prepositional(noun, resolver, lexicon, exclude={r.code for r in sources}, preps=lexicon.visit_preps, places=True)
    if not sources:
        # Both sides after "between"/"entre": "clashes between the army and rebels",
        # "des combats entre l'armée philippine et des jihadistes" — each side acts on the other.
        # An event noun that is the subject of a verb of occurrence ("Clashes broke out between …",
        # "Des combats ont éclaté entre …") has its sides on that verb.
        holders = [noun] + ([noun.head] if noun.dep_ in SUBJECT_DEPS and noun.head.pos_ in ("VERB", "AUX") else [])
        for holder in holders:
            between = _prepositional(holder, resolver, lexicon, exclude=set(), preps=lexicon.between_preps)
            if len(between) >= 2:
                rules.append("between")
                return between, list(between), 0.1
        sides = _pitted(noun, resolver, lexicon)
        if len(sides) >= 2:
            rules.append("pitted sides")
            return sides, list(sides), 0.1
    if sources and not targets and trigger.entry.cameo[:2] in lexicon.probe_roots:
        targets = _investigated(noun, None, resolver, lexicon, {r.code for r in sources})
        if targets:
            rules.append("deep recipient")
    return sources, targets, 0.1


def _possessor(noun: Token, resolver: ActorResolver, lexicon: Lexicon) -> list[ActorRef]:
    """Who a third-person possessive on an event noun stands for, when the noun hangs from its
    clause's verb through prepositions: that clause's subject ("Le procureur s'est rendu au
    Bangladesh dans le cadre de son enquête", "travelled to Dhaka as part of his investigation",
    "furieux de la condamnation de son tir").

    Not when the noun, or a noun it completes, is the verb's subject or object: "Moscou a
    dénoncé leur offensive" is someone else's offensive (a verb whose subject does its object
    is the governing-verb rule, :func:`_nominal_roles`)."""
    if not any(fold(c.text) in lexicon.possessives for c in noun.children if c.dep_ in ("det", "poss", "nmod:poss")):
        return []
    head = noun
    for _ in range(6):
        above = head.head
        if above.i == head.i or head.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | OBJECT_DEPS | {"ROOT", "conj"}:
            return []
        if head.dep_ in OBLIQUE_DEPS and not any(c.dep_ == "case" for c in head.children):
            return []  # a bare noun phrase hung as an adverbial is an object the parser missed
        if above.pos_ in ("VERB", "AUX"):
            for child in above.children:
                if child.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
                    refs = resolver.resolve(child)
                    if refs:
                        return refs
            return _inherited_subject(above, resolver, lexicon)
        head = above
    return []


_ARMED_SECTORS = frozenset({"MIL", "REB", "COP", "UAF", "SPY", "INS", "SEP"})
#: The French genitive preposition in its contracted forms.
_DE = frozenset({"de", "d'", "du", "des"})


def _patient_of(
    noun: Token, owners: list[ActorRef], resolver: ActorResolver, lexicon: Lexicon
) -> tuple[list[ActorRef], list[ActorRef]]:
    """The "of"/"de" complement of a noun of force is what undergoes it: "the bombing of a
    police station", "the shelling of Gaza", "l'exécution de 223 villageois", "l'attaque du
    centre commercial" — its adjective or possessive is the doer ("Israeli strikes", "Russia's
    invasion of Ukraine"). In French "de" also names the doer ("l'offensive de l'armée", "les
    frappes de la coalition"): there, an armed actor alone after "de" stays the doer."""
    of_heads = frozenset(c.i for c in noun.children if _of_complement(c, lexicon))
    if not of_heads:
        return owners, []
    doers = resolver.owners(noun, skip=of_heads)
    rest = frozenset(c.i for c in noun.children if c.i not in of_heads)
    patients = [r for r in resolver.owners(noun, skip=rest) if all(r.code != d.code for d in doers)]
    if not patients:
        return owners, []
    if lexicon.lang != "en" and not doers and all(
            r.sector in _ARMED_SECTORS or r.code[:3] in ("IMG", "UAF") for r in patients):
        return owners, []
    return doers, patients


def _of_complement(child: Token, lexicon: Lexicon) -> bool:
    if child.dep_ == "prep":
        return fold(child.text) == "of"
    return child.dep_ == "nmod" and any(
        c.dep_ == "case" and fold(c.text) in _DE for c in child.children) and not any(
        c.dep_ == "case" and fold(c.text) not in _DE for c in child.children)


def _marked_agent(verb: Token, lexicon: Lexicon) -> bool:
    """Whether a passive verb has an agent introduced by its preposition ("par", "by"), not only
    a phrase the parser labelled so ("une offensive annoncée contre les forces kurdes")."""
    agent = _agent(verb, lexicon)
    if agent is None:
        return False
    if agent.head.dep_ == "agent":
        return True
    return any(c.dep_ == "case" and fold(c.text) in lexicon.agent_preps for c in agent.children)


def _agent(verb: Token, lexicon: Lexicon) -> Token | None:
    for child in verb.children:
        if child.dep_ == "obl:agent":
            return child
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ in OBLIQUE_DEPS and any(
            fold(c.text) in lexicon.agent_preps for c in child.children if c.dep_ == "case"
        ):
            return child
    if any(c.dep_ in ("auxpass", "aux:pass") for c in verb.children):
        # The agent of a passive hung on its complement: "was hit with sanctions by the EU", "a été
        # frappée de sanctions par l'Union européenne".
        for child in verb.children:
            # Only through what the verb is done with ("with sanctions", "de sanctions"), not an event
            # it follows ("placée en alerte après le pilonnage par l'artillerie nord-coréenne").
            nouns = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" and fold(child.text) == "with" else (
                [child] if child.dep_ in OBLIQUE_DEPS and any(
                    c.dep_ == "case" and fold(c.text) in ("de", "d'", "d’") for c in child.children) else [])
            for noun in nouns:
                for grand in noun.children:
                    if grand.dep_ == "prep" and fold(grand.text) in lexicon.agent_preps:
                        return next((c for c in grand.children if c.dep_ == "pobj"), None)
                    if grand.dep_ in ("nmod", "obl:agent") and any(
                            fold(c.text) in lexicon.agent_preps for c in grand.children if c.dep_ == "case"):
                        return grand
    return None


def _inherited_subject(verb: Token, resolver: ActorResolver, lexicon: Lexicon) -> list[ActorRef]:
    """The subject of a verb that has none of its own.

    Control and coordination ("Ankara a proposé de créer …", "X signed and ratified …")
    take the subject of the governing verb; a relative clause ("le pays qui a imposé …")
    takes the noun it modifies.
    """
    token = verb
    for _ in range(3):
        if token.dep_ in RELATIVE_DEPS:
            return resolver.resolve(token.head)
        if token.dep_ in ("acl", "advcl") and token.pos_ == "VERB" and _detached_participle(token):
            # A present participle set off by a comma is said of the clause's subject, wherever the
            # parser hung it: "L'Azerbaïdjan a lancé une opération au Haut-Karabakh, pilonnant les
            # positions …", "Israel launched strikes on Gaza, killing …".
            clause = token.head
            for _ in range(8):  # up through nouns and participles to the first verb with a subject
                subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
                if clause.pos_ in ("VERB", "AUX") and subjects:
                    return resolver.resolve(subjects[0])
                if clause.head.i == clause.i:
                    break
                clause = clause.head
        if token.dep_ == "acl" and not _passive(token, lexicon) and token.pos_ in ("VERB", "AUX"):
            # An active participle takes the noun it modifies ("des soldats tirant sur la foule"),
            # else the subject of the verb whose object that noun is: "Moscou a publié des projets
            # de traités exigeant des garanties", "issued a statement demanding …".
            refs = resolver.resolve(token.head) or resolver.owners(token.head)  # "le décret du président ordonnant"
            if refs or token.head.dep_ not in OBJECT_DEPS:
                return refs
            return next((resolver.resolve(c) for c in token.head.head.children if c.dep_ in SUBJECT_DEPS), [])
        gerund = token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head.pos_ in ("VERB", "AUX")
        adverbial = token.dep_ in ADVERBIAL_DEPS and "Fin" not in token.morph.get("VerbForm") and token.pos_ in ("VERB", "AUX")
        if (token.dep_ not in CONTROL_DEPS and not adverbial and not gerund) or token.head.i == token.i:
            return []
        controlled = token
        token = token.head.head if gerund else token.head
        if controlled.dep_ == "xcomp" or gerund:
            controller = _controller(token, controlled, lexicon)
            if controller is not None:
                refs = resolver.resolve(controller)
                if refs:
                    return refs
        for child in token.children:
            if child.dep_ in SUBJECT_DEPS:
                return resolver.resolve(child)
    return []


def _blamed(verb: Token, noun: Token | None, resolver: ActorResolver, lexicon: Lexicon) -> list[ActorRef]:
    """Whom a participle of blame on the verb's subject, agent or event noun names: "a car bomb
    blamed on ETA", "des hommes armés attribués aux GIA", "un attentat imputé au PKK"."""
    holders = [c for c in verb.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
    agent = _agent(verb, lexicon)
    holders += [h for h in (agent, noun, verb.head if verb.dep_ == "acl" else None) if h is not None]
    if verb.dep_ in ADVERBIAL_DEPS:  # "…, injuring 60 people": the clause's subject
        holders += [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS]
    for holder in holders:
        for participle in (c for c in holder.children if c.dep_ in ("acl", "amod") and fold(c.lemma_) in lexicon.blame_verbs):
            refs = [r for r in _prepositional(participle, resolver, lexicon, set(), preps=_BLAMED_ON) if r.how != "pronoun"]
            if refs:
                return refs
    return []


def _fight_partners(verb: Token, resolver: ActorResolver, lexicon: Lexicon, exclude: set[str]) -> list[ActorRef]:
    """The partners ("with"/"avec") of a fighting noun in an oblique of ``verb`` ("in a gunbattle
    with …", "lors d'affrontements avec …")."""
    nouns = [c for c in verb.children if c.dep_ in OBLIQUE_DEPS and c.pos_ == "NOUN"]
    nouns += [g for c in verb.children if c.dep_ in ("prep", "advmod") for g in c.children  # "lors d'affrontements"
              if g.dep_ in ("pobj", "obl:arg", "nmod") and g.pos_ == "NOUN"]
    for noun in nouns:
        entry = lexicon.noun(noun.lemma_)
        if entry is None or entry.cameo[:2] not in ("18", "19"):
            continue
        partners = [r for r in _prepositional(noun, resolver, lexicon, exclude, preps=lexicon.joint_preps) if r.how != "pronoun"]
        if partners:
            return partners
    return []


def _raised_subjects(verb: Token) -> list[Token]:
    """The noun subjects of "to"-infinitive clauses after ``verb``, which the verb acts on: "allowed
    U.N. inspectors to verify the closure" (the parser makes "inspectors" the subject of "verify")."""
    return [s for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for s in c.children if s.dep_ == "nsubj" and s.pos_ in ("NOUN", "PROPN")]


def _propn_singular(token: Token) -> str | None:
    """The singular of a capitalised plural the lemmatiser left alone ("Bronzes" → "Bronze"), else ``None``."""
    lemma = token.lemma_
    return lemma[:-1] if token.pos_ == "PROPN" and lemma.endswith("s") and len(lemma) > 3 else None


def _detached_participle(verb: Token) -> bool:
    """A present participle (or English gerund) right after a comma: "…, pilonnant les positions"."""
    present = verb.tag_ == "VBG" or ("Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense"))
    first = min((t.i for t in verb.subtree if not t.is_punct), default=verb.i)
    return present and first == verb.i and verb.i > 0 and verb.doc[verb.i - 1].text == ","


def _controller(verb: Token, clause: Token, lexicon: Lexicon) -> Token | None:
    """The object of ``verb`` that is the subject of its infinitive or gerund ``clause``.

    Object control: "urged Iran to stop", "accused Russia of abducting", "a exhorté Washington
    à lever", "a demandé à Moscou de retirer", "called on Israel to halt". Not for verbs whose
    subject controls ("promised Kyiv to deliver").
    """
    if fold(verb.lemma_) in lexicon.subject_control:
        return None
    prep = lexicon.object_control.get(fold(verb.lemma_))
    for child in verb.children:
        if child.i > clause.i or child is clause:
            continue
        if child.dep_ in OBJECT_DEPS or (child.dep_ == "xcomp" and child.pos_ == "PROPN"):
            return child
        if prep is None:
            continue
        if child.dep_ in ("obl:arg", "obl", "iobj") and any(fold(c.text) == prep for c in child.children if c.dep_ == "case"):
            return child
        if child.dep_ == "prep" and fold(child.text) == prep:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _left_actor(verb: Token, resolver: ActorResolver) -> list[ActorRef]:
    """Subject recovery for a misparsed clause: the actor named in the verb's left dependents.

    The small English model sometimes attaches a sentence-initial name as a preposition
    ("Barack" in "Barack Obama and Vladimir Putin met …"); the actor words are still
    there, left of the verb and inside its subtree.
    """
    for child in verb.lefts:
        # Only a dependent that opens the sentence and has no adjunct's role.
        if child.left_edge.i != child.sent.start or child.dep_ not in ("prep", "dep", "compound", "nmod", "appos", "det"):
            continue
        for token in child.subtree:
            refs = [r for r in resolver.resolve(token) if r.how != "pronoun"]
            if refs and not (token.dep_ in ("pobj", "nmod") and token.head.dep_ in ("prep", "case") and token.head != child):
                return refs
    return []


def _targets(
    verb: Token, noun: Token | None, resolver: ActorResolver, lexicon: Lexicon, exclude: set[str],
    instrument_roots: bool = False,
) -> tuple[list[ActorRef], float]:
    """The recipient of ``verb`` and a confidence penalty for how indirectly it was found.

    In order: a direct object, an indirect object, a recipient preposition (on the verb or
    one level down), the event noun's own recipient, the owner of the object ("a fustigé
    les sanctions américaines"), the object's own recipient or partner ("ratified an
    agreement with the EU", "break relations with Russia").
    """
    instrument = bool(instrument_roots) and verb.pos_ in ("VERB", "AUX")
    for child in _argument_children(verb, lexicon):
        # A named object the parser took for a predicate ("exhorté Washington à …" as xcomp).
        nominal_xcomp = child.dep_ == "xcomp" and child.pos_ in ("PROPN", "NOUN")
        hung = _hung_object(child, verb, lexicon)
        if instrument and (child.dep_ in OBJECT_DEPS or hung):
            continue  # "deployed troops": what a show of force moves is no recipient
        if (child.dep_ in OBJECT_DEPS or nominal_xcomp or hung) and not _instrument_noun(child, noun, lexicon) and not (
            noun is not None and fold(child.lemma_) in lexicon.measure_nouns and noun in child.subtree  # "a round of talks"
        ):
            refs = [r for r in resolver.resolve(child) if r.code not in exclude]
            if child == noun and refs and all(r.how == "owner" for r in refs):
                # What changes hands goes to the destination, not to its maker: "handed over 20
                # Benin Bronzes to Nigeria", "a remis vingt bronzes du Bénin au Nigeria".
                destination = [r for head in (child, verb) for r in _prepositional(
                    head, resolver, lexicon, exclude, preps=_DESTINATION) if r.code not in exclude]
                if destination:
                    return destination, 0.0
            if child == noun and not _located_victims(refs, verb, resolver, exclude):
                # The pattern's own object names its recipient only with a country of its own
                # ("expelled two Russian diplomats"), not one guessed from the sentence ("killed 23 people"),
                # unless the sentence says where they were struck ("killed 200 villagers in Bentalha, south of Algiers").
                refs = [r for r in refs if r.rule != "role+sentence-country"]
            if refs:
                return refs, 0.0
    for child in verb.children:
        if child.dep_ in INDIRECT_DEPS:
            refs = [r for r in resolver.resolve(child) if r.code not in exclude]
            if refs:
                return refs, 0.0
    for subject in _raised_subjects(verb):
        # "allowed U.N. inspectors to verify the closure": the subject of the infinitive is acted on.
        refs = [r for r in resolver.resolve(subject) if r.code not in exclude]
        if refs:
            return refs, 0.0
    # "discuté des sanctions avec son homologue": the recipient may hang one level down.
    refs = _prepositional(verb, resolver, lexicon, exclude, depth=2)
    if refs:
        return refs, 0.0
    if noun is not None:
        # The event noun's own recipient: "imposé des sanctions (liées au S-400) contre la SSB";
        # a joint noun's partner too: "suspended peace talks with the ELN", "rompu le dialogue avec".
        entry = lexicon.noun(noun.lemma_)
        preps = lexicon.target_preps | (lexicon.joint_preps if entry is not None and entry.joint else frozenset())
        refs = _prepositional(noun, resolver, lexicon, exclude, depth=2, preps=preps)
        if refs:
            return refs, 0.0
    if noun is not None and fold(noun.lemma_) not in lexicon.portions and (  # "the first parts of its system" is no recipient
            fold(noun.lemma_) not in lexicon.classes.get("weapon_words", frozenset())):  # nor "fired artillery shells"
        # The event noun's own object: "l'expulsion de 34 diplomates français" (French diplomats).
        refs = [r for r in resolver.owners(noun) if r.code not in exclude]
        if refs:
            return refs, 0.1
    for obj in (c for c in _argument_children(verb, lexicon) if c.dep_ in OBJECT_DEPS and c != noun):
        refs = [r for r in resolver.owners(obj) if r.code not in exclude] or _prepositional(obj, resolver, lexicon, exclude)
        if refs:
            return refs, 0.1
    for obj in (c for c in _argument_children(verb, lexicon) if c.dep_ in OBJECT_DEPS):
        # Whoever made what is acted on: "a écarté toute restitution des frises, réclamée par
        # Athènes", "rejected the plan proposed by Washington".
        # (The French parser hangs a participle after a comma on the verb: "…, réclamées par Athènes".)
        detached = [c for c in verb.children if c.dep_ == "advcl" and c.pos_ == "VERB" and c.i > obj.i
                    and "Part" in c.morph.get("VerbForm") and "Past" in c.morph.get("Tense")]
        hung = [t for t in obj.subtree if t.dep_ in ("acl", "amod") and t.pos_ == "VERB" and t.head.pos_ in ("NOUN", "PROPN")
                and t.head.i < t.i]
        for participle in (p for p in hung + detached if not _brokering(p, lexicon)):
            agent = _agent(participle, lexicon)
            refs = [r for r in resolver.resolve(agent) if r.code not in exclude and r.how != "pronoun"] if agent is not None else []
            if refs:
                return refs, 0.1
    return [], 0.0


def _located_victims(refs: list[ActorRef], verb: Token, resolver: ActorResolver, sources: set[str]) -> bool:
    """Victims guessed from the sentence's places, when the sentence names that country as
    where the act happened (a place phrase of the verb or its object), or the doers were
    guessed the same way ("militants killed 200 villagers in Bentalha, south of Algiers")."""
    guessed = [r for r in refs if r.rule == "role+sentence-country"]
    if not guessed:
        return False
    here = resolver.at_place(verb, "CVL")
    country = here[0].country if here else None
    return all(r.country == country or any(code[:3] == r.country for code in sources) for r in guessed)


def _mediators(trigger: _Trigger, resolver: ActorResolver, lexicon: Lexicon, exclude: set[str]) -> list[ActorRef]:
    """Third parties under whose auspices talks are held: an "X-brokered"/"X-led" modifier, a
    participle "brokered by X"/"parrainées par X", or "under the auspices of X"/"sous l'égide de X"."""
    holders = [t for t in (trigger.noun, trigger.token) if t is not None]
    if trigger.noun is not None and trigger.noun.head.i != trigger.token.i and trigger.noun.head.pos_ == "NOUN":
        holders.append(trigger.noun.head)  # the measure noun between: "un nouveau cycle de négociations sous l'égide de"
    found: list[ActorRef] = []

    def add(head: Token | None) -> None:
        if head is not None:
            found.extend(r for r in resolver.resolve(head) or resolver.owners(head) if r.code not in exclude and r.how != "pronoun")

    for holder in holders:
        for child in holder.children:
            lemma = fold(child.lemma_)
            if child.dep_ in ("amod", "acl", "compound") and lemma in lexicon.mediation_verbs:
                agent = _agent(child, lexicon)
                if agent is not None:
                    add(agent)
                for part in child.children:
                    if part.dep_ in ("npadvmod", "compound", "nmod", "amod") and part.pos_ in ("PROPN", "ADJ", "NOUN"):
                        add(part)
            nouns: list[Token] = []
            if child.dep_ == "prep":
                nouns = [c for c in child.children if c.dep_ == "pobj" and fold(c.lemma_) in lexicon.mediation_nouns]
            elif child.dep_ in OBLIQUE_DEPS and lemma in lexicon.mediation_nouns:
                nouns = [child]
            for noun in nouns:
                for part in noun.children:
                    if part.dep_ == "prep" and fold(part.text) == "of":
                        for pobj in (c for c in part.children if c.dep_ == "pobj"):
                            add(pobj)
                    elif part.dep_ in ("nmod", "amod") and (part.pos_ == "ADJ" or any(
                        c.dep_ == "case" and fold(c.text) in _DE for c in part.children
                    )):
                        add(part)
    return _unique(found)


def _is_condition(clause: Token, lexicon: Lexicon) -> bool:
    """A clause opened by "if"/"unless"/"si": adverbial, or a complement in the French model's
    parse ("qu'il riposterait si l'Inde attaquait", with "si" as mark or adverb)."""
    if clause.dep_ not in ADVERBIAL_DEPS | {"advcl:cond", "ccomp"}:
        return False
    if any(c.dep_ in ("mark", "advmod") and c.i < clause.i and fold(c.text) in lexicon.condition_marks for c in clause.children):
        return True
    # "menacé de faire grève si le président refusait": "si" hung on the governing verb, just before the clause.
    before = clause.left_edge.i - 1
    return before >= 0 and clause.doc[before].head == clause.head and fold(clause.doc[before].text) in lexicon.condition_marks


def _in_condition(token: Token, lexicon: Lexicon) -> bool:
    """Whether ``token`` (or the verb of an event noun) is inside an "if"/"unless"/"si" clause."""
    clause = token.head if token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("ROOT",) else token
    for _ in range(4):
        if _is_condition(clause, lexicon):
            return True
        if clause.dep_ in ("conj", "xcomp") and clause.head is not clause:
            clause = clause.head
            continue
        return False
    return False


def _condition_subjects(verb: Token, resolver: ActorResolver, lexicon: Lexicon, exclude: set[str]) -> list[ActorRef]:
    """The subjects of the conditions ("if"/"unless"/"si"/"à moins que") of ``verb``, of its
    complements and of what it says ("warned that … would … if the EU imposed sanctions")."""
    heads = [verb] + [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "advcl", "parataxis")]
    for head in heads:
        for clause in head.children:
            if clause == verb or not _is_condition(clause, lexicon):
                continue
            for subject in (c for c in clause.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS):
                refs = [r for r in resolver.resolve(subject) if r.code not in exclude]
                if refs:
                    return refs
    return []


def _investigated(verb: Token, noun: Token | None, resolver: ActorResolver, lexicon: Lexicon, exclude: set[str]) -> list[ActorRef]:
    """The actors of what an investigation is about, nearest first: searched through the verb's
    object (or event noun) and its "into"/"sur"/"on" phrases down to seven levels, doers
    (by/par/à after a participle) before the others, places counting as their country."""
    if verb.pos_ in ("NOUN", "PROPN"):
        # An event noun of investigation: its "sur"/"into" phrases ("son enquête sur les crimes
        # imputés à l'armée birmane"); not "de"/"of", which name its owner.
        probes = lexicon.probe_preps - _DE - {"of"}
        return _investigated_from(verb, [
            c for c in verb.children
            if (c.dep_ in ("nmod", "obl", "obl:arg") and any(k.dep_ == "case" and fold(k.text) in probes for k in c.children))
            or c.dep_ == "prep" and fold(c.text) in probes
        ], resolver, lexicon, exclude)
    heads = [c for c in _argument_children(verb, lexicon) if c.dep_ in OBJECT_DEPS or _hung_object(c, verb, lexicon)]
    if verb.dep_ in RELATIVE_DEPS and any(h.pos_ == "PRON" for h in heads):
        # A relative pronoun object stands for its noun: "le plan présenté par Trump, qu'il a qualifié de complot".
        heads = [verb.head] + [h for h in heads if h.pos_ != "PRON"]
    if noun is not None and noun not in heads:
        heads.append(noun)
    heads += [
        c for c in verb.children
        if c.dep_ in OBLIQUE_DEPS and any(k.dep_ == "case" and fold(k.text) in lexicon.probe_preps for k in c.children)
    ]
    heads += [p for c in verb.children if c.dep_ == "prep" and fold(c.text) in lexicon.probe_preps for p in c.children if p.dep_ == "pobj"]
    return _investigated_from(verb, heads, resolver, lexicon, exclude)


def _investigated_from(verb: Token, heads: list[Token], resolver: ActorResolver, lexicon: Lexicon,
                       exclude: set[str]) -> list[ActorRef]:
    heads = [p for h in heads for p in ([c for c in h.children if c.dep_ == "pobj"] if h.dep_ == "prep" else [h])]
    frontier = list(heads)
    seen = {verb.i}
    for _ in range(7):
        doers: list[ActorRef] = []
        others: list[ActorRef] = []
        following: list[Token] = []
        for token in frontier:
            if token.i in seen:
                continue
            seen.add(token.i)
            if token.pos_ in ("NOUN", "PROPN", "ADJ"):  # ADJ: a demonym the parser hung one level down
                doer = token.dep_ in ("obl:agent", "pobj") and fold(token.head.text if token.dep_ == "pobj" else next(
                    (k.text for k in token.children if k.dep_ == "case"), "")) in lexicon.agent_preps | {"à", "a", "to"} and token.head.pos_ in ("VERB", "ADP")
                refs = [r for r in resolver.resolve(token) or resolver.owners(token) if r.code not in exclude and r.how != "pronoun"]
                (doers if doer else others).extend(refs)
            for child in token.children:
                if child.dep_ in ("punct", "cc", "det", "case") or child.i in seen:
                    continue
                # A preposition is no level of its own: "committed by Syrian forces".
                following += [p for p in child.children if p.dep_ == "pobj"] if child.pos_ == "ADP" else [child]
        found = doers or others
        if found:
            return _unique(found)
        frontier = following
    return []


def _unique(refs: list[ActorRef]) -> list[ActorRef]:
    """The first reference of each actor code, in order."""
    unique: dict[str, ActorRef] = {}
    for ref in refs:
        unique.setdefault(ref.code, ref)
    return list(unique.values())


def _instrument_noun(child: Token, noun: Token | None, lexicon: Lexicon) -> bool:
    """Whether ``child`` is the event's own noun and not a party to it: the event noun of a support
    verb or pattern ("imposed sanctions", "held talks") or the weapon used ("fired a missile").
    A person the pattern names is its recipient ("a libéré l'opposant", "arrested the journalist")."""
    if noun is None or child != noun:
        return False
    return lexicon.noun(child.lemma_) is not None or fold(child.lemma_) in lexicon.classes.get("weapon_words", frozenset()) or (
        fold(child.lemma_) in lexicon.portions)  # "delivered the first batch of missiles"


def _argument_children(verb: Token, lexicon: Lexicon) -> list[Token]:
    """The verb's dependents, plus those the parser hung on a date word next to it."""
    children = list(verb.children)
    for child in verb.children:
        if is_date_word(child, lexicon.lang):
            children += [g for g in child.children if g.dep_ in OBJECT_DEPS | INDIRECT_DEPS | OBLIQUE_DEPS]
    return children


def _prepositional(
    head: Token, resolver: ActorResolver, lexicon: Lexicon, exclude: set[str], depth: int = 1, preps: frozenset[str] | None = None,
    places: bool = False,
) -> list[ActorRef]:
    """Actors introduced by a recipient preposition under ``head`` (searching ``depth`` levels).

    Places after a preposition of place are venues and left out, unless ``places`` (visits,
    protests and attacks, whose place is their recipient).
    """
    preps = lexicon.target_preps if preps is None else preps
    frontier = [head]
    for _ in range(depth):
        found: list[ActorRef] = []
        following: list[Token] = []
        for token in frontier:
            for child in token.children:
                if fold(child.text) == "according" or any(fold(c.text) == "selon" for c in child.children if c.dep_ == "case"):
                    continue  # who says so is no recipient: "according to Seoul", "selon les services sud-coréens"
                candidate = None
                prep = ""
                if child.dep_ in OBLIQUE_DEPS and any(fold(c.text) in preps for c in child.children if c.dep_ == "case"):
                    candidate = child  # French UD: obl/nmod with its preposition as a "case" child
                    prep = next(fold(c.text) for c in child.children if c.dep_ == "case" and fold(c.text) in preps)
                elif child.dep_ == "prep" and fold(child.text) in preps:
                    candidate = next((c for c in child.children if c.dep_ == "pobj"), None)  # English
                    prep = fold(child.text)
                if candidate is None and child.dep_ in OBLIQUE_DEPS and fold(child.lemma_) in lexicon.beneficiary_nouns and any(
                        c.dep_ in ("case", "fixed") for c in child.children):
                    # "un prêt en faveur de l'Égypte", "au profit de l'armée malienne": the one it is for.
                    candidate = next((c for c in child.children if c.dep_ in ("nmod", "obl:arg") and any(
                        fold(k.text) in _DE for k in c.children if k.dep_ == "case")), None)
                elif candidate is None and child.dep_ == "prep" and fold(child.text) in ("in", "for", "on") and any(
                        fold(p.lemma_) in lexicon.beneficiary_nouns for p in child.children if p.dep_ == "pobj"):
                    pobj = next(p for p in child.children if p.dep_ == "pobj")  # "in favour of", "for the benefit of"
                    candidate = next((g for c in pobj.children if c.dep_ == "prep" and fold(c.text) == "of"
                                      for g in c.children if g.dep_ == "pobj"), None)
                if candidate is not None and fold(candidate.lemma_) in lexicon.frame_nouns:
                    candidate = None  # "à l'issue de …", "on the eve of …": a time, not a recipient
                if candidate is not None:
                    found.extend(r for r in resolver.resolve(candidate) if r.code not in exclude and (places or not _venue(r, prep, lexicon)))
                if child.dep_ in ("acl", "nmod", "obl", "obl:mod", "obl:arg", "prep", "pobj"):
                    following.append(child)
        if found:
            return _unique(found)
        frontier = following
    return []




def _between_parties(verb: Token, resolver: ActorResolver, lexicon: Lexicon, exclude: set[str], depth: int = 2) -> list[ActorRef]:
    """The two or more sides a predicate (or its chain of complements, ``depth`` levels) names
    after "between"/"entre", on itself or on its objects: "mediate between Ethiopia and Somalia",
    "accueillir un nouveau cycle de discussions entre les États-Unis et les talibans"."""
    heads = [verb, *(c for c in verb.children if c.dep_ in OBJECT_DEPS)]
    for head in heads:
        sides = [r for r in _prepositional(head, resolver, lexicon, exclude=set(), depth=3, preps=lexicon.between_preps)
                 if r.code not in exclude and r.how != "pronoun"]
        if len(sides) >= 2:
            return sides
    if depth > 1:
        for complement in (c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX", "ADJ")):
            sides = _between_parties(complement, resolver, lexicon, exclude, depth - 1)
            if sides:
                return sides
    return []


def _within(ref: ActorRef, phrase: Token) -> bool:
    """Whether ``ref`` was found inside ``phrase``'s subtree (by character offsets)."""
    right = phrase.right_edge
    return phrase.left_edge.idx <= ref.start and ref.end <= right.idx + len(right.text)


def _incise(verb: Token) -> bool:
    """A verb of saying set after its quotation between commas that the parser hung on the quotation
    as a conjunct: "Le Qatar s'est dit disposé …, a indiqué la diplomatie qatarie" (no subject of its
    own, no coordinating conjunction, a comma just before it)."""
    if verb.dep_ not in ("conj", "parataxis") or verb.head.i > verb.i:
        return False
    if any(c.dep_ in SUBJECT_DEPS | {"cc"} for c in verb.children):
        return False
    first = min(t.i for t in verb.subtree if t.i <= verb.i and not t.is_punct)
    return first > 0 and verb.doc[first - 1].text == ","


def _clause_of(token: Token, verb: Token) -> bool:
    """``token`` is in ``verb``'s own clause (no other predicate between them)."""
    while token.i != verb.i:
        if token.head.i == token.i:
            return False
        token = token.head
        if token.i != verb.i and token.pos_ in ("VERB", "AUX") :
            return False
    return True


def _next_actor(verb: Token, resolver: ActorResolver, lexicon: Lexicon, exclude: set[str]) -> list[ActorRef]:
    """The first actor named after ``verb`` inside its clause, places of venue and times left out."""
    for token in verb.subtree:
        if token.i <= verb.i or token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("compound", "flat", "flat:name", "amod"):
            continue
        if not _clause_of(token, verb) or any(
            fold(t.lemma_) in lexicon.frame_nouns for t in (token, *token.ancestors) if verb.is_ancestor(t)
        ):
            continue  # another clause, or a phrase of time ("à l'issue d'une visite de …")
        prep = next((fold(c.text) for c in token.children if c.dep_ == "case"), "")
        if not prep and token.dep_ == "pobj":
            prep = fold(token.head.text)
        if prep in lexicon.locative_preps and prep not in ("à", "au", "aux"):
            continue  # a venue: "talks in Oman"
        if prep == "selon" or (token.dep_ == "pobj" and fold(token.head.head.text) == "according"):
            continue  # who says so: "selon les services sud-coréens", "according to officials"
        refs = [r for r in resolver.resolve_one(token) if r.code not in exclude and r.how != "pronoun"
                and r.code[:3] not in {e[:3] for e in exclude} and not _venue(r, prep, lexicon)]
        if refs:
            return refs
    return []


def _statement_topic(verb: Token, resolver: ActorResolver, lexicon: Lexicon, exclude: set[str]) -> list[ActorRef]:
    """The first actor named in what ``verb`` (a verb of saying) reports, when the report holds
    no event trigger of its own (that event is coded instead)."""
    content = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") or (c.dep_ == "xcomp" and c.pos_ in ("ADJ", "VERB"))]
    speakers = {country for country in (split_code(code)[0] for code in exclude) if country}
    words = sorted({t for c in content for t in c.subtree}, key=lambda t: t.i)
    if not words:
        return []
    for token in words:
        if token.pos_ == "NOUN" and lexicon.noun(token.lemma_) is not None:
            return []
        if _is_predicate(token) and _verb_entry(token, _objects(token, lexicon), lexicon) is not None:
            return []
    for token in words:
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("compound", "flat", "flat:name", "amod"):
            continue
        refs = [r for r in resolver.resolve_one(token) if r.code not in exclude and r.how not in ("pronoun", "context")]
        # The speaker's own state or government is the speaker talking about itself ("Lavrov
        # said Russia was not guilty"), not a topic; its other sectors are ("… crush Boko Haram").
        refs = [r for r in refs if not (r.country in speakers and r.sector in (None, "GOV"))]
        if refs:
            return refs
    return []


def _venue(ref: ActorRef, prep: str, lexicon: Lexicon) -> bool:
    """A place after a preposition of place is where something happens, not a recipient: "talks
    in Geneva", "ont entamé à Genève …". A capital after "à"/"at" may still be its government
    ("a écrit à Washington"); after "in"/"dans" it is a venue too."""
    if prep not in lexicon.locative_preps and prep not in ("at", "au", "aux"):
        return False
    rule = ref.rule or ""
    if rule.startswith("place"):
        return True
    if rule.startswith("metonym") and prep in ("at", "in", "dans"):
        return True  # a seat of power is where it happens: "signed the accords at the White House"
    return rule.startswith("capital") and prep not in ("à", "au", "aux", "at")


def _negated(verb: Token, lexicon: Lexicon) -> bool:
    """Negation on the verb, or on the modal verb that governs it ("n'a pas voulu imposer")."""
    tokens = [verb]
    if verb.dep_ == "xcomp" and fold(verb.head.lemma_) in lexicon.modals:
        tokens.append(verb.head)
    if any(c.dep_ in ("mark", "case") and fold(c.text) in _WITHOUT for c in verb.children) or (
            verb.dep_ == "pcomp" and fold(verb.head.text) in _WITHOUT):
        return True  # "sans exclure le recours à la force", "without ruling out force"
    return any(
        c.dep_ in NEGATION_DEPS and (fold(c.lemma_) in lexicon.negation or fold(c.text) in lexicon.negation)
        and (lexicon.lang != "fr" or fold(c.text) == "pas" or _ne(t))  # "ont tué plus de 200 villageois" is no negation
        for t in tokens
        for c in t.children
    )


def _brokering(participle: Token, lexicon: Lexicon) -> bool:
    """A participle that names a go-between, not the maker of what it qualifies: "un cessez-le-feu
    négocié par l'Égypte", "a truce brokered by Qatar" (mediation verbs, talks and joint verbs)."""
    if fold(participle.lemma_) in lexicon.mediation_verbs:
        return True
    entry = _verb_entry(participle, _objects(participle, lexicon), lexicon)
    return entry is not None and (entry.joint or entry.cameo[:2] == "04")


#: Prepositions of the destination of what is given ("à Moscou", "to Kyiv"), folded.
_DESTINATION = frozenset({"a", "au", "aux", "to"})
#: Prepositions naming whom something is blamed on ("blamed on", "attribué à"), folded.
_BLAMED_ON = _DESTINATION | {"on"}


#: Sectors that carry out a state's orders (see "order to own forces" in _events).
_FORCES = frozenset({"MIL", "COP", "SPY", "UAF"})


#: Prepositions whose verb is not done: "sans exclure", "without naming".
_WITHOUT = frozenset({"sans", "without"})


def _ne(verb: Token) -> bool:
    """Whether a French verb carries the "ne" of a negation ("n'a plus", "ne … jamais")."""
    return any(fold(c.text) in ("ne", "n'", "n’") for c in verb.children)


def _planned(verb: Token, lexicon: Lexicon, code: str) -> bool:
    """Whether ``verb`` is the infinitive complement of a noun of planning or trying (``modal_noun``
    in markers.tsv): "a plan to annex", "la tentative de renverser"."""
    if code[:2] in lexicon.side_roots and verb.dep_ == "advcl" and ("Inf" in verb.morph.get("VerbForm") or verb.tag_ == "VB") and any(
            c.dep_ in ("mark", "aux") and fold(c.text) in lexicon.purpose_marks for c in verb.children):
        # Force or coercion a deployment is for is not yet used: "deployed troops to prevent attacks",
        # "pour empêcher les combattants de s'y replier" (help, inquiries and protests a trip is for
        # are coded, as the gold data does: "entered Douma to investigate").
        return True
    # A planned cooperation is an intent (see _mode), a planned attack no event.
    return _modal_noun(verb, lexicon) is not None and code[:2] not in lexicon.intent_codes


def _modal_noun(verb: Token, lexicon: Lexicon) -> str | None:
    """The mode a noun of planning or trying gives its infinitive complement ("a plan to annex",
    "sa volonté de s'entretenir avec Zelensky"), or None."""
    if verb.dep_ == "acl" and fold(verb.head.lemma_) in lexicon.modal_nouns and (
            "Inf" in verb.morph.get("VerbForm") or verb.tag_ == "VB"):
        return lexicon.modal_nouns[fold(verb.head.lemma_)]
    return None


def _mode(verb: Token, lexicon: Lexicon) -> str | None:
    """Modality: a governing modal verb, a modal auxiliary, or the conditional or future; what
    someone is accused of is "alleged" ("accused Russia of abducting", "accusé Kiev de bombarder")."""
    governor = verb.head.head if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" else verb.head
    if verb.dep_ in ("xcomp", "pcomp") and fold(governor.lemma_) in lexicon.allegation_verbs:
        return "alleged"
    if verb.dep_ == "xcomp" and fold(verb.head.lemma_) in lexicon.modals:
        return lexicon.modals[fold(verb.head.lemma_)]
    if _modal_noun(verb, lexicon) is not None:
        return _modal_noun(verb, lexicon)
    for child in verb.children:
        if child.dep_ in AUX_DEPS and fold(child.lemma_) in lexicon.modals:
            return lexicon.modals[fold(child.lemma_)]
        if child.dep_ in AUX_DEPS and fold(child.text) in lexicon.modals:
            return lexicon.modals[fold(child.text)]
    for token in (verb, *[c for c in verb.children if c.dep_ in AUX_DEPS]):
        if "Cnd" in token.morph.get("Mood"):
            return "conditional"
        if lexicon.lang == "fr" and "Fin" in token.morph.get("VerbForm") and fold(token.text).endswith(_FR_CONDITIONAL):
            return "conditional"  # the French tagger reads many conditionals as imperfects ("expulserait")
        if "Fut" in token.morph.get("Tense"):
            return "future"
    return None


#: Endings of the French conditional (-rait, -raient, …), which the imperfect never has after an r
#: of the future stem: "expulserait", "sanctionneraient".
_FR_CONDITIONAL = ("erait", "eraient", "irait", "iraient", "rais", "rions", "riez", "drait", "draient")


def _action(trigger: _Trigger, text: str, cameo: str) -> Action:
    """The action's words (auxiliaries, negation, verb, event noun) and its CAMEO data."""
    verb = trigger.token
    tokens = [verb] + [c for c in verb.children if c.dep_ in AUX_DEPS or c.dep_ == "neg"]
    if trigger.noun is not None:
        tokens.append(trigger.noun)
        tokens.extend(c for c in trigger.noun.children if c.dep_ == "det")
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    code = cameo_code(cameo)
    return Action(text[start:end], code.code, code.root, code.label, code.plover, code.quad_class, code.goldstein, start, end)
