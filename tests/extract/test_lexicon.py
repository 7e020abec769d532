"""The structural lexicon and its matcher, on parses built by hand (no model needed).

Phrasal and pronominal keys, verb + object rows matched through passive subjects and
conjuncts, word classes, a verb's default code, sense rows chosen by the object or the
subject, no-event senses, prepositional conditions, user verb files.
"""
from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kgraph.errors import DataError
from kgraph.extract.dependency import _triggers
from kgraph.extract.lexicon import coverage, lexicon

VOCAB = Vocab()


def parse(spec: str) -> Doc:
    """A Doc from lines ``word lemma POS dep head`` (head = index of the head word, itself for the root)."""
    rows = [line.split() for line in spec.strip().splitlines()]
    return Doc(VOCAB, words=[r[0] for r in rows], lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
               deps=[r[3] for r in rows], heads=[int(r[4]) for r in rows], sent_starts=[True] + [False] * (len(rows) - 1))


def codes(doc: Doc, lang: str = "en", extra: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(trigger word, CAMEO code) of every verbal trigger."""
    return [(t.token.text, t.entry.cameo) for t in _triggers(doc[:], lexicon(lang, extra)) if not t.nominal]


def test_phrasal_verb_is_distinct_from_the_bare_verb():
    backed_down = parse("""
        Rebels rebel NOUN nsubj 1
        backed back VERB ROOT 1
        down down ADP prt 1""")
    backed = parse("""
        Paris Paris PROPN nsubj 1
        backed back VERB ROOT 1
        Kyiv Kyiv PROPN dobj 1""")
    assert codes(backed_down) == [("backed", "080")]
    assert codes(backed) == [("backed", "051")]


def test_particle_parsed_as_a_preposition_without_object():
    doc = parse("""
        Troops troop NOUN nsubj 1
        pulled pull VERB ROOT 1
        out out ADP prep 1
        of of ADP prep 2
        talks talk NOUN pobj 3""")
    assert codes(doc) == [("pulled", "164")]  # "pull out" + of:@talks_words


def test_phrasal_verb_with_a_preposition_condition():
    doc = parse("""
        Police police NOUN nsubj 1
        cracked crack VERB ROOT 1
        down down ADP prt 1
        on on ADP prep 1
        protesters protester NOUN pobj 3""")
    assert codes(doc) == [("cracked", "175")]


def test_verb_object_row_matches_a_passive_subject():
    doc = parse("""
        Sanctions sanction NOUN nsubjpass 2
        were be AUX auxpass 2
        lifted lift VERB ROOT 2""")
    assert codes(doc) == [("lifted", "085")]


def test_verb_object_row_matches_a_conjunct_of_the_object():
    doc = parse("""
        Cuba Cuba PROPN nsubj 1
        relaxed relax VERB ROOT 1
        visas visa NOUN dobj 1
        and and CCONJ cc 2
        restrictions restriction NOUN conj 2""")
    assert codes(doc) == [("relaxed", "081")]  # relax + @restriction_words


def test_word_class_gives_one_row_family():
    for noun, code in (("embargo", "085"), ("curfew", "081"), ("tariff", "085")):
        doc = parse(f"""
            Rome Rome PROPN nsubj 1
            eased ease VERB ROOT 1
            the the DET det 3
            {noun} {noun} NOUN dobj 1""")
        assert codes(doc) == [("eased", code)], noun


def test_default_code_when_no_listed_object_is_present():
    listed = parse("""
        Moscow Moscow PROPN nsubj 1
        withdrew withdraw VERB ROOT 1
        envoys envoy NOUN dobj 1""")
    other = parse("""
        Moscow Moscow PROPN nsubj 1
        withdrew withdraw VERB ROOT 1
        offer offer NOUN dobj 1""")
    assert codes(listed) == [("withdrew", "161")]
    assert codes(other) == [("withdrew", "0874")]


def test_sense_row_chosen_by_the_subject_class():
    labour = parse("""
        Teachers teacher NOUN nsubj 1
        struck strike VERB ROOT 1""")
    military = parse("""
        Jets jet NOUN nsubj 1
        struck strike VERB ROOT 1
        Gaza Gaza PROPN dobj 1""")
    assert codes(labour) == [("struck", "143")]
    assert codes(military) == [("struck", "190")]


def test_sense_row_chosen_by_the_object_class_and_no_event_senses():
    dismissed = parse("""
        Biden Biden PROPN nsubj 1
        fired fire VERB ROOT 1
        the the DET det 3
        minister minister NOUN dobj 1""")
    shot = parse("""
        Troops troop NOUN nsubj 1
        fired fire VERB ROOT 1
        rockets rocket NOUN dobj 1""")
    assert codes(dismissed) == []
    assert codes(shot) == [("fired", "194")]


def test_french_pronominal_verb_needs_its_clitic():
    pronominal = parse("""
        armée armée NOUN nsubj 2
        s' se PRON expl:comp 2
        rendue rendre VERB ROOT 2
        aux à ADP case 4
        autorités autorité NOUN obl:arg 2""")
    visit = parse("""
        ministre ministre NOUN nsubj 2
        s' se PRON expl:comp 2
        rendu rendre VERB ROOT 2
        à à ADP case 4
        Moscou Moscou PROPN obl:arg 2""")
    bare = parse("""
        Paris Paris PROPN nsubj 1
        rendu rendre VERB ROOT 1
        visite visite NOUN obj 1""")
    assert codes(pronominal, "fr") == [("rendue", "0874")]
    assert codes(visit, "fr") == [("rendu", "042")]
    assert codes(bare, "fr") == [("rendu", "042")]
    withdrawn = parse("""
        Washington Washington PROPN nsubj 2
        se se PRON expl:comp 2
        retire retirer VERB ROOT 2
        de de ADP case 4
        accord accord NOUN obl:arg 2""")
    assert codes(withdrawn, "fr") == [("retire", "160")]


def test_user_verb_file_comes_first(tmp_path):
    user = tmp_path / "mine.tsv"
    user.write_text("# mine\nlang\tlemma\tobject\tcameo\nen\tback down\t\t0874\nen\tzap\t\t190\n", encoding="utf-8")
    doc = parse("""
        Rebels rebel NOUN nsubj 1
        backed back VERB ROOT 1
        down down ADP prt 1""")
    assert codes(doc, extra=(str(user),)) == [("backed", "0874")]
    assert lexicon("en", (str(user),)).match(["zap"]).origin == f"{user}:4"


def test_bad_user_files_give_one_clear_error(tmp_path):
    bad_code = tmp_path / "code.tsv"
    bad_code.write_text("lang\tlemma\tobject\tcameo\nen\tzap\t\t999\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"code.tsv:2: unknown CAMEO code '999'"):
        lexicon("en", (str(bad_code),))
    bad_class = tmp_path / "class.tsv"
    bad_class.write_text("lang\tlemma\tobject\tcameo\nen\tzap\t@nothing\t190\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"class.tsv:2: unknown word class '@nothing'"):
        lexicon("en", (str(bad_class),))
    with pytest.raises(DataError, match="cannot read"):
        lexicon("en", (str(tmp_path / "missing.tsv"),))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_coverage_counts(lang):
    report = coverage(lang)
    assert report["codes"] > 280 and report["roots_covered"] == 20
    assert report["covered"] + len(report["missing"]) == report["codes"]
    assert report["covered"] >= 220
    assert report["phrasal"] >= 25


def test_coverage_tool_prints_json():
    import json
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, str(root / "tools" / "lexicon_coverage.py"), "--json"], capture_output=True,
                          text=True, env={"PYTHONPATH": str(root)}, check=True)
    reports = {r["lang"]: r for r in json.loads(done.stdout)}
    assert set(reports) == {"fr", "en"}
    assert reports["en"]["verb_rows_by_file"]["verbs_petrarch.tsv"] > 3000


def test_a_verb_complement_counts_as_the_object_for_conditions():
    doc = parse("""
        Beijing Beijing PROPN nsubj 1
        declined decline VERB ROOT 1
        to to PART aux 3
        comment comment VERB xcomp 1""")
    assert codes(doc) == [("declined", "011")]


def test_rows_describe_themselves_with_their_conditions_and_origin():
    entry = lexicon("en").match(["relax"], objects=["blockade"])
    assert entry.describe().startswith("relax +@sanction_words → 085 (verbs.tsv:")
    crack = lexicon("en").match(["crack down"], preps={"on": ["protester"]})
    assert crack.describe().startswith("crack down") and "verbs.tsv:" in crack.describe()
