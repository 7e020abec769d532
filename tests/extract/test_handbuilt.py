"""Rules on Docs built by hand (no model): the rules, not the parser, are under test."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kgraph.actors.dictionary import actor_dictionary
from kgraph.extract.dependency import extract_events
from kgraph.extract.lexicon import lexicon


def make_doc(lang, rows):
    """rows: (word, lemma, pos, dep, head index) with head == own index for the root."""
    nlp = spacy.blank(lang)
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][2] != "PUNCT" and not rows[i][0].endswith("'") for i in range(len(rows))]
    return Doc(nlp.vocab, words=words, spaces=spaces, lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
               deps=[r[3] for r in rows], heads=[r[4] for r in rows])


def run(doc, lang):
    return [
        (e.source.code, e.action.cameo, e.target.code if e.target else None, e.negated)
        for e in extract_events(doc, text=doc.text, doc_id="t", lang=lang, date="2020-12-30",
                                dictionary=actor_dictionary(lang), lexicon=lexicon(lang))
    ]


def test_passive_agent_is_the_source_french():
    # "La Turquie a été sanctionnée par les États-Unis ." — the subject is the recipient.
    doc = make_doc("fr", [
        ("La", "le", "DET", "det", 1), ("Turquie", "Turquie", "PROPN", "nsubj:pass", 4),
        ("a", "avoir", "AUX", "aux:tense", 4), ("été", "être", "AUX", "aux:pass", 4),
        ("sanctionnée", "sanctionner", "VERB", "ROOT", 4), ("par", "par", "ADP", "case", 7),
        ("les", "le", "DET", "det", 7), ("États-Unis", "États-Unis", "PROPN", "obl:agent", 4),
        (".", ".", "PUNCT", "punct", 4),
    ])
    (event,) = run(doc, "fr")
    assert (event[0], event[1][:2], event[2]) == ("USA", "16", "TUR")


def test_passive_agent_is_the_source_english():
    # "Iran was condemned by France ."
    doc = make_doc("en", [
        ("Iran", "Iran", "PROPN", "nsubjpass", 2), ("was", "be", "AUX", "auxpass", 2),
        ("condemned", "condemn", "VERB", "ROOT", 2), ("by", "by", "ADP", "agent", 2),
        ("France", "France", "PROPN", "pobj", 3), (".", ".", "PUNCT", "punct", 2),
    ])
    assert run(doc, "en") == [("FRA", "111", "IRN", False)]


def test_negation_flags_the_event():
    # "La Chine n' a pas condamné la Russie ."
    doc = make_doc("fr", [
        ("La", "le", "DET", "det", 1), ("Chine", "Chine", "PROPN", "nsubj", 5),
        ("n'", "ne", "ADV", "advmod", 5), ("a", "avoir", "AUX", "aux:tense", 5),
        ("pas", "pas", "ADV", "advmod", 5), ("condamné", "condamner", "VERB", "ROOT", 5),
        ("la", "le", "DET", "det", 7), ("Russie", "Russie", "PROPN", "obj", 5), (".", ".", "PUNCT", "punct", 5),
    ])
    assert run(doc, "fr") == [("CHN", "111", "RUS", True)]


def test_nominal_event_takes_demonym_source_and_contre_target():
    # "les sanctions américaines contre la Turquie inquiètent ."
    doc = make_doc("fr", [
        ("les", "le", "DET", "det", 1), ("sanctions", "sanction", "NOUN", "nsubj", 6),
        ("américaines", "américain", "ADJ", "amod", 1), ("contre", "contre", "ADP", "case", 5),
        ("la", "le", "DET", "det", 5), ("Turquie", "Turquie", "PROPN", "nmod", 1),
        ("inquiètent", "inquiéter", "VERB", "ROOT", 6), (".", ".", "PUNCT", "punct", 6),
    ])
    assert run(doc, "fr") == [("USA", "163", "TUR", False)]


def test_second_subject_adds_to_the_sources():
    # "Russia , China condemned Iran ." parsed with two nsubj children: both act.
    doc = make_doc("en", [
        ("Russia", "Russia", "PROPN", "nsubj", 3), (",", ",", "PUNCT", "punct", 3),
        ("China", "China", "PROPN", "nsubj", 3), ("condemned", "condemn", "VERB", "ROOT", 3),
        ("Iran", "Iran", "PROPN", "dobj", 3), (".", ".", "PUNCT", "punct", 3),
    ])
    assert sorted(run(doc, "en")) == [("CHN", "111", "IRN", False), ("RUS", "111", "IRN", False)]


def test_definite_title_is_not_its_own_clause_subject():
    # "Lavrov a parlé . Erdogan a critiqué le ministre ." — "le ministre" is Lavrov, named
    # before, not Erdogan, the subject of its own clause.
    doc = make_doc("fr", [
        ("Lavrov", "Lavrov", "PROPN", "nsubj", 2), ("a", "avoir", "AUX", "aux:tense", 2),
        ("parlé", "parler", "VERB", "ROOT", 2), (".", ".", "PUNCT", "punct", 2),
        ("Erdogan", "Erdogan", "PROPN", "nsubj", 6), ("a", "avoir", "AUX", "aux:tense", 6),
        ("critiqué", "critiquer", "VERB", "ROOT", 6), ("le", "le", "DET", "det", 8),
        ("ministre", "ministre", "NOUN", "obj", 6), (".", ".", "PUNCT", "punct", 6),
    ])
    assert run(doc, "fr") == [("TURGOV", "111", "RUSGOV", False)]


def test_definite_title_with_its_subject_in_the_same_sentence_english():
    # "Erdogan criticised the minister ." with no earlier actor: "the minister" stays unresolved.
    from kgraph.actors.resolver import ActorResolver

    doc = make_doc("en", [
        ("Erdogan", "Erdogan", "PROPN", "nsubj", 1), ("criticised", "criticise", "VERB", "ROOT", 1),
        ("the", "the", "DET", "det", 3), ("minister", "minister", "NOUN", "dobj", 1), (".", ".", "PUNCT", "punct", 1),
    ])
    resolver = ActorResolver(doc, doc.text, actor_dictionary("en"), lexicon("en"))
    resolver.start_sentence(0, next(iter(doc.sents)))
    assert [r.code for r in resolver.resolve(doc[0])] == ["TURGOV"]
    assert resolver.resolve(doc[3]) == []
