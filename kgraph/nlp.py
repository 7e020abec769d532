"""Loading spaCy pipelines and parsing articles into ``Doc`` objects.

Models are loaded once per process and language. A small component,
``kgraph_paragraphs``, runs before the parser and starts a new sentence after
every line break, since news text puts one paragraph per line and the parser
otherwise runs sentences together across paragraphs.
"""
from __future__ import annotations

from functools import lru_cache

import numpy
import spacy
from spacy.attrs import DEP, ORTH, POS, SENT_START
from spacy.parts_of_speech import NAMES as _POS_NAMES
from spacy.language import Language
from spacy.tokens import Doc, Token

from .config import model_name
from .errors import ModelError
from .text import fold, normalise

__all__ = ["load_model", "parse", "token_texts", "token_pos"]


#: Tokens after which a sentence may start (with closing quotes and brackets after them).
_TERMINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
_CLOSING = frozenset({'"', "'", ")", "]", "»", "”", "’"})
#: ``SENT_START`` -1 (not a sentence start) as ``Doc.to_array`` stores it (unsigned 64 bits).
_NOT_START = numpy.uint64(2**64 - 1)


def _texts(doc: Doc) -> list[str]:
    """``[t.text for t in doc]`` from the token array (no Token objects)."""
    strings = doc.vocab.strings
    return [strings[orth] for orth in doc.to_array(ORTH).tolist()]


def _where(doc: Doc, attr: int, values: frozenset[str]) -> list[int]:
    """Indices of the tokens whose ``attr`` (POS or DEP) is in ``values``, read from the token array."""
    if not len(doc):
        return []
    column = doc.to_array(attr).tolist()
    strings = doc.vocab.strings
    wanted = {key for key in set(column) if (_POS_NAMES[key] if attr == POS else strings[key]) in values}
    return [i for i, key in enumerate(column) if key in wanted]


@Language.component("kgraph_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


@Language.component("kgraph_sentence_starts")
def sentence_starts(doc: Doc) -> Doc:
    """Allow a sentence to start only after . ! ? … (or a closing quote after them) or a line break.

    The French parser otherwise splits sentences at capitalised words in mid-sentence
    ("… de la Cour permanente d'arbitrage de La Haye …").
    """
    # Read the token texts once and write the starts back as one array: the same values as
    # setting ``token.is_sent_start`` token by token, without a Token object per look-up.
    texts = _texts(doc)
    # (``whitespace_`` is " " or "": a line break is always a token of its own or inside one.)
    breaks = ["\n" in text for text in texts]
    starts = doc.to_array(SENT_START)
    changed = False
    for i in range(1, len(texts)):
        if breaks[i - 1]:
            starts[i] = 1
            changed = True
            continue
        j = i - 1
        while j > 0 and texts[j] in _CLOSING:
            j -= 1
        if texts[j] not in _TERMINAL and not texts[j].endswith((".", "!", "?")):
            starts[i] = _NOT_START
            changed = True
    if changed:
        doc.from_array([SENT_START], starts)
    return doc


_VERB, _AMOD, _CONJ = frozenset({"VERB"}), frozenset({"amod"}), frozenset({"conj"})
#: Articles that make the word they introduce a noun.
_ARTICLES = frozenset({"le", "la", "les", "l'", "un", "une", "des", "du", "the", "a", "an"})


@Language.component("kgraph_noun_repair")
def noun_repair(doc: Doc) -> Doc:
    """A "verb" with a determiner is a noun the tagger missed: "l'opposant Navalny", "the killing of".

    Its part of speech becomes NOUN and its lemma the word itself (singular), so that the
    actor tables and the event-noun lexicon see it.
    """
    # Only verbs can change here (each loop tests its own candidates as before, read from the
    # token arrays first: a Token object for every word cost more than the repairs).
    for i in _where(doc, POS, _VERB):
        token = doc[i]
        if token.pos_ == "VERB" and any(
            c.dep_ == "det" and c.i < token.i and c.lower_ in _ARTICLES for c in token.children
        ):
            token.pos_ = "NOUN"
            word = token.lower_
            if token.lang_ == "fr" and word.endswith("s") and "Plur" in token.morph.get("Number"):
                word = word[:-1]
            token.lemma_ = word
    # (Only a noun "amod" changes below; none becomes one.)
    for i in _where(doc, DEP, _AMOD) if doc.lang_ == "fr" else ():
        token = doc[i]
        # Stacked adjectives read as a noun and its modifier: in "les chefs rebelles soudanais"
        # the tagger makes "soudanais" a noun modifying "chefs" with "rebelles" under it; both
        # qualify "chefs".
        head = token.head
        if token.dep_ != "amod" or token.pos_ != "NOUN" or head.pos_ != "NOUN" or head.i > token.i or token.lang_ != "fr":
            continue
        stacked = [c for c in token.children if c.dep_ == "amod" and c.pos_ == "ADJ" and head.i < c.i < token.i]
        if stacked:
            token.pos_ = "ADJ"
            for adjective in stacked:
                adjective.head = head
    return doc


#: Words that join coordinated subjects.
_COORDINATORS = frozenset({"et", "ou", "and", "or", ","})
#: Relations under which the parser hangs the real main verb on a misread nominal root.
_HUNG_VERB_DEPS = frozenset({"conj", "advcl", "acl", "parataxis", "dep"})
_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})


@Language.component("kgraph_coordination_repair")
def coordination_repair(doc: Doc) -> Doc:
    """Coordinated subjects read as a nominal root: "Pékin et Islamabad ont inauguré …"; and
    coordinated adjectives read as conjuncts of their noun ("les armées nigériane et camerounaise").

    The French model often parses "X et Y ont <verb>" with X as the sentence root and the
    verb as its conjunct (or adverbial clause), Y alone as the verb's subject. When the root
    is a noun phrase with no preposition, and all that separates it from the verb's subject
    is "et"/"ou"/"and"/"or" or a comma, the tree is rebuilt as the coordination it is: the
    verb becomes the root, X its subject, Y (and Y's own conjuncts) conjuncts of X.
    """
    for sent in doc.sents:
        root = sent.root
        if root.pos_ not in ("PROPN", "NOUN") or any(c.dep_ == "case" for c in root.children):
            continue
        for verb in root.children:
            if verb.dep_ not in _HUNG_VERB_DEPS or verb.pos_ not in ("VERB", "AUX") or verb.i < root.i:
                continue
            subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and root.i < c.i < verb.i]
            if len(subjects) != 1:
                continue
            subject = subjects[0]
            own = [t for t in root.subtree if t.i < min(verb.left_edge.i, subject.left_edge.i)]
            words = [t.i for t in own if t.lower_ not in _COORDINATORS]
            gap = [t for t in doc[max(words, default=root.i) + 1 : subject.left_edge.i]]
            if not gap or any(t.lower_ not in _COORDINATORS for t in gap):
                continue
            if all(t.lower_ == "," for t in gap) and not any(c.dep_ == "conj" for c in subject.children):
                continue  # "X, Y a dit" may be an apposition; "X, Y et Z ont dit" is a list
            for child in [c for c in root.children if c.i > verb.i]:
                child.head = verb
            verb.head = verb
            verb.dep_ = "ROOT"
            root.head = verb
            root.dep_ = subject.dep_
            subject.head = root
            subject.dep_ = "conj"
            for word in gap:
                word.head = subject
                word.dep_ = "cc" if word.lower_ != "," else "punct"
            break
    for i in _where(doc, DEP, _CONJ):  # (read after the loop above, which changes relations)
        adjective = doc[i]
        # Coordinated adjectives read as a conjunct of their noun: in "les armées nigériane et
        # camerounaise" the second adjective qualifies the noun as the first does.
        noun = adjective.head
        if adjective.dep_ != "conj" or adjective.pos_ != "ADJ" or noun.pos_ != "NOUN" or adjective.i < noun.i:
            continue
        first = next((c for c in noun.children if c.dep_ == "amod" and c.pos_ == "ADJ" and noun.i < c.i < adjective.i), None)
        if first is not None and all(t.lower_ in _COORDINATORS for t in doc[first.right_edge.i + 1 : adjective.i]):
            adjective.head = first
    return doc


#: Parts of a date that stay on it: "lundi soir", "le 2 octobre 2024", "à l'aube".
_DATE_PARTS = frozenset({"soir", "matin", "aube", "midi", "apres-midi", "nuit", "soiree", "matinee", "dernier", "derniere",
                         "prochain", "prochaine", "precedent", "suivant"})
#: Prepositions of a complement that belongs to the verb, not to the date it was hung on.
_VERB_CASES = frozenset({"a", "au", "aux", "de", "d'", "du", "des", "contre", "avec", "vers", "envers", "sur", "pour"})


@Language.component("kgraph_date_repair")
def date_repair(doc: Doc) -> Doc:
    """Complements the French parser hangs on a date next to the verb go back to the verb:
    "a approuvé vendredi un prêt" (prêt ← vendredi), "a été extradé mercredi par l'Espagne",
    "ont opposé vendredi les gardes-frontières", "a exigé mercredi de Moscou". The date's own
    parts ("lundi soir", "le 11 juillet 2024") stay on it."""
    if doc.lang_ != "fr":
        return doc
    from .extract.dates import _words as date_words, is_date_word  # (extract imports this module)

    # Date words by their text (which nothing here changes), then the tests as before.
    words = date_words("fr")
    for i in [i for i, text in enumerate(_texts(doc)) if fold(text) in words]:
        token = doc[i]
        verb = token.head
        if verb.i == token.i or verb.pos_ not in ("VERB", "AUX") or not is_date_word(token, "fr"):
            continue
        parts = [c for c in token.children if c.i > token.i and fold(c.text) in _DATE_PARTS]
        for child in [c for holder in (token, *parts) for c in holder.children if c.i > token.i]:
            first = child.left_edge
            if child.dep_ in ("acl:relcl", "acl") and child.pos_ in ("VERB", "AUX") and fold(first.text) in ("que", "qu'") and (
                    first.head.i == child.i):
                # "a annoncé mercredi qu'ils rencontreraient …": no relative clause on a date, the
                # verb's completive clause.
                child.head, child.dep_ = verb, "ccomp"
                first.dep_, first.pos_ = "mark", "SCONJ"
                continue
            if child.dep_ not in ("nmod", "obj", "obl", "obl:arg", "obl:agent", "obl:mod") or child.pos_ in ("NUM",) or (
                    fold(child.text) in _DATE_PARTS or is_date_word(child, "fr")):
                continue
            cases = [fold(c.text) for c in child.children if c.dep_ == "case"]
            if child.dep_ == "obl:agent" or "par" in cases:
                dep = "obl:agent"
            elif child.dep_ == "obj" or not cases or (
                    set(cases) <= {"des", "du"} and child.pos_ == "NOUN" and not any(c.dep_ == "obj" for c in verb.children)):
                dep = "obj"  # "a attaqué lundi des policiers": a partitive article the tagger read as "de"
            elif any(c in _VERB_CASES for c in cases):
                dep = "obl:arg"
            else:
                dep = "obl:mod"
            child.head = verb
            child.dep_ = dep
    return doc


#: Determiners that open a noun phrase: what follows them is not an apposition without a comma.
_OPENERS = frozenset({"un", "une", "des", "le", "la", "les", "l'", "son", "sa", "ses", "leur", "leurs", "ce", "cet",
                      "cette", "ces", "du", "au", "aux", "plusieurs", "deux", "trois", "quelque", "quelques"})


@Language.component("kgraph_object_repair")
def object_repair(doc: Doc) -> Doc:
    """The object of a French verb the parser hung elsewhere, most often because a date or a
    place stands between them:

    - a date read as the object ("ont ouvert lundi …", "a arrêté lundi à Dakar deux
      militants") becomes an adverbial when another word is, or is found to be, the object;
    - a noun phrase with no preposition hung as an apposition or a modifier, with no comma, on
      the verb's place or date complement ("ont entamé à Mexico un nouveau cycle de
      négociations", "ont libéré à Goma plusieurs otages") is the object;
    - a noun phrase read as the subject of a present participle that follows it after a comma
      ("a achevé son retrait de la rive droite, abandonnant …") is the main verb's object: a
      French present participle takes no subject of its own there.

    - a noun phrase with a determiner and no preposition read as an adverbial ("a dénoncé jeudi
      leur offensive") is the object, unless it is a date ("la semaine dernière").

    Only a verb with no object of its own (or only a date as its object) is given one.
    """
    if doc.lang_ != "fr":
        return doc
    from .extract.dates import is_date_word  # (extract imports this module)

    for i in _where(doc, POS, _VERB):  # (parts of speech do not change here)
        verb = doc[i]
        if verb.pos_ != "VERB":
            continue
        objects = [c for c in verb.children if c.dep_ == "obj"]
        dates = [o for o in objects if is_date_word(o, "fr")]
        if len(dates) < len(objects):  # a real object: a date beside it is an adverbial
            for date in dates:
                date.dep_ = "obl:mod"
            continue
        current = dates[0] if dates else None
        found: Token | None = None
        for complement in verb.children:
            if complement.i < verb.i or found is not None:
                continue
            if (complement.dep_ == "obl:mod" and complement.pos_ == "NOUN" and not is_date_word(complement, "fr")
                    and not any(c.dep_ == "case" for c in complement.children)
                    and any(c.dep_ == "det" and fold(c.text) in _OPENERS for c in complement.children)):
                found = complement  # "a dénoncé jeudi leur offensive": a bare noun phrase is no adverbial
                break
            if complement.dep_.startswith("obl") or complement.dep_ == "obj":
                for appos in complement.children:
                    if appos.dep_ not in ("appos", "nmod", "conj") or appos.i < complement.i or appos.pos_ != "NOUN":
                        continue
                    if appos.dep_ == "conj" and any(c.dep_ == "cc" for c in appos.children):
                        continue  # "à Paris et à Berlin": a real coordination ("à l'Ukraine un premier lot" is none)
                    if any(c.dep_ == "case" for c in appos.children):  # "à Goma de la province" is no object
                        continue
                    if any(t.is_punct for t in doc[complement.i + 1 : appos.left_edge.i]):
                        continue
                    if any(c.dep_ in ("det", "nummod") and c.i < appos.i and fold(c.text) in _OPENERS for c in appos.children):
                        found = appos
                        break
            elif complement.dep_ in ("advcl", "conj") and "Pres" in complement.morph.get("Tense") and (
                    "Part" in complement.morph.get("VerbForm")):
                subject = next((c for c in complement.children if c.dep_ == "nsubj" and verb.i < c.i < complement.i
                                and c.pos_ == "NOUN"), None)
                if subject is not None and doc[complement.i - 1].text == "," and not any(
                        c.dep_ == "obj" and c.i < complement.i for c in complement.children):
                    found = subject
        if found is None:
            continue
        if current is not None:
            current.dep_ = "obl:mod"
        found.head = verb
        found.dep_ = "obj"
    return doc


#: The sentence-boundary component per language (measured on the dev sets, see README).
_SENTENCE_COMPONENT = {"fr": "kgraph_sentence_starts", "en": "kgraph_sentence_starts"}


@lru_cache(maxsize=None)
def _load(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelError(
            f"spaCy model {name!r} is not installed; install it with pip "
            f"(see README) or choose another with --model-fr/--model-en "
            f"or KGRAPH_MODEL_FR/KGRAPH_MODEL_EN"
        ) from err
    if "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy model {name!r} has no dependency parser")
    if "kgraph_paragraphs" not in nlp.pipe_names and "kgraph_sentence_starts" not in nlp.pipe_names:
        nlp.add_pipe(_SENTENCE_COMPONENT.get(nlp.lang, "kgraph_paragraphs"), before="parser")
    if "kgraph_date_repair" not in nlp.pipe_names:
        nlp.add_pipe("kgraph_date_repair", last=True)
    if "kgraph_object_repair" not in nlp.pipe_names:
        nlp.add_pipe("kgraph_object_repair", last=True)
    if "kgraph_coordination_repair" not in nlp.pipe_names:
        nlp.add_pipe("kgraph_coordination_repair", last=True)
    if "kgraph_noun_repair" not in nlp.pipe_names:
        nlp.add_pipe("kgraph_noun_repair", last=True)
    return nlp


def load_model(lang: str, override: str | None = None) -> Language:
    """Return the (cached) spaCy pipeline for ``lang``."""
    return _load(model_name(lang, override))


def parse(text: str, lang: str, model: str | None = None) -> Doc:
    """Parse one text (normalised first; offsets stay those of ``text``)."""
    return load_model(lang, model)(normalise(text))


# ---------------------------------------------------------------- token columns
#: The document the columns below were read from, and the columns (one document: the one being extracted).
_COLUMNS: list = [None, {}]


def _columns(doc: Doc) -> dict[str, list[str]]:
    if _COLUMNS[0] is not doc or _COLUMNS[1].get("length") != len(doc):
        _COLUMNS[0], _COLUMNS[1] = doc, {"length": len(doc)}
    return _COLUMNS[1]


def token_texts(doc: Doc) -> list[str]:
    """``[t.text for t in doc]``, read once per document from the token array (no Token objects).

    Only for a document no longer changed (the columns are remembered for the last document asked about).
    """
    texts = getattr(doc, "texts", None)  # a DocView (kgraph.tokenview) has them
    if texts is not None:
        return texts
    columns = _columns(doc)
    texts = columns.get("texts")
    if texts is None:
        strings = doc.vocab.strings
        texts = columns["texts"] = [strings[orth] for orth in doc.to_array(ORTH).tolist()]
    return texts


def token_pos(doc: Doc) -> list[str]:
    """``[t.pos_ for t in doc]``, read once per document like :func:`token_texts`."""
    pos = getattr(doc, "pos", None)
    if pos is not None:
        return pos
    columns = _columns(doc)
    pos = columns.get("pos")
    if pos is None:
        pos = columns["pos"] = [_POS_NAMES[value] for value in doc.to_array(POS).tolist()]
    return pos
