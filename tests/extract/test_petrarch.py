"""The PETRARCH verb-dictionary reader and importer, on a small dictionary and on the shared one."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kgraph.cameo import cameo_codes
from kgraph.extract.petrarch import PetrarchFormatError, lexicon_rows, parse_verb_dictionary

DATA = Path(__file__).resolve().parents[1] / "data"
ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "reference" / "petrarch2" / "CAMEO.2.0.txt"
CODES = {"085", "0871", "152", "080", "0874", "164", "190", "138", "057", "143", "195"}


@pytest.fixture(scope="module")
def small():
    return parse_verb_dictionary((DATA / "petrarch_small.txt").read_text(encoding="utf-8"), name="small", strict=False)


def _rows(result):
    return {(r["lemma"], r["object"], r["prep"], r["cameo"], r["flags"]) for r in result.rows}


def test_strict_parse_names_the_first_malformed_line():
    with pytest.raises(PetrarchFormatError, match=r"^small:10: malformed synonym set label"):
        parse_verb_dictionary((DATA / "petrarch_small.txt").read_text(encoding="utf-8"), name="small")


def test_lenient_parse_records_every_malformed_line(small):
    assert [n for n, _ in small.errors] == [10, 38, 40, 41, 42]
    assert "outside a (well-formed) verb family" in dict(small.errors)[41]


def test_families_verbs_and_synsets(small):
    assert [(f.name, f.code) for f in small.families] == [("LIFT", None), ("RETREAT", "080"), ("STRIKE", "190")]
    retreat = small.families[1]
    assert [v.words for v in retreat.verbs] == [("back", "down"), ("pull", "out"), ("withdraw",), ("wire", "tap")]
    assert retreat.verbs[2].code == "0874"
    assert small.synsets["&ARMS"] == ["missile", "rocket", "tear gas"]


def test_rows_the_matcher_can_honour(small):
    rows = _rows(lexicon_rows(small, codes=CODES))
    assert rows == {
        ("lift", "sanction", "", "085", ""),           # verb + object, plural written literally
        ("lift", "missile|rocket", "", "0871", ""),    # synonym set: its one-word members
        ("raise", "", "on:alert", "152", ""),          # verb + preposition with its object
        ("back down", "", "", "080", ""),              # multi-word verb = phrasal key
        ("pull out", "", "", "080", ""),
        ("withdraw", "", "", "0874", ""),              # the verb's own code over the family's
        ("withdraw", "", "from:talk", "164", ""),
        ("strike", "", "", "190", ""),
        ("strike", "", "against", "190", ""),          # a bare preposition
        ("strike", "deal", "", "057", "joint"),        # A:A codes are joint
    }


def test_skipped_patterns_are_counted_by_reason(small):
    skipped = lexicon_rows(small, codes=CODES).skipped
    assert skipped["noun phrase with modifiers ({...})"] == 1
    assert skipped["words before the verb (subject or pre-verb pattern)"] == 1
    assert skipped["actor or skip marker ($ + % ^)"] == 1
    assert skipped["several prepositional phrases"] == 1
    assert skipped["reverse-direction code only ([:CODE])"] == 1
    assert skipped["function word after the verb (IF, THAT)"] == 1
    assert skipped["verb preceded by other words (WIRE_+TAP)"] == 1


def test_defaults_and_exclusions(small):
    rows = _rows(lexicon_rows(small, codes=CODES, defaults="specific", exclude_verbs=["PULL_OUT"]))
    assert ("withdraw", "", "", "0874", "") in rows            # a specific code stays
    assert ("strike", "", "", "190", "") not in rows           # a root's general cue code goes
    assert not any(r[0] == "pull out" for r in rows)
    assert not any(r["lemma"] == "lift" for r in lexicon_rows(small, codes=CODES, exclude_families=["lift"]).rows)


def test_unknown_codes_are_skipped(small):
    result = lexicon_rows(small, codes=CODES - {"057"})
    assert result.skipped["code not in kgraph's CAMEO scheme"] == 1


@pytest.mark.skipif(not SHARED.exists(), reason="shared PETRARCH dictionary not present")
def test_shared_dictionary_counts_and_known_verbs():
    dictionary = parse_verb_dictionary(SHARED.read_text(encoding="utf-8"), name=SHARED.name, strict=False)
    assert 380 <= len(dictionary.families) <= 420
    assert dictionary.pattern_count > 4000 and dictionary.verb_count > 1500
    assert len(dictionary.errors) <= 5
    result = lexicon_rows(dictionary, codes=set(cameo_codes()))
    assert 3000 < len(result.rows) < 8000
    rows = _rows(result)
    assert ("lift", "sanction", "", "0351", "") in rows or any(r[0] == "lift" and "sanction" in r[1] for r in rows)
    assert any(r[0] == "crack down" and r[3] == "170" for r in rows)
    assert any(r[0] == "back down" and r[3] == "080" for r in rows)
    assert sum(result.skipped.values()) > 500


def test_import_tool_writes_a_lexicon_file_with_provenance(tmp_path):
    out = tmp_path / "mine.tsv"
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "import_petrarch_verbs.py"), str(DATA / "petrarch_small.txt"), "--defaults", "all", "-o", str(out)],
        capture_output=True, text=True, env={"PYTHONPATH": str(ROOT)}, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "small" not in done.stderr or "petrarch_small.txt:10: skipped" in done.stderr
    text = out.read_text(encoding="utf-8")
    assert "# kgraph verb lexicon rows imported from the PETRARCH verb dictionary petrarch_small.txt" in text
    assert "#   The MIT License (MIT)" in text and "rows imported" in text
    assert "\nen\tback down\t\t080\t" in text


def test_import_tool_strict_fails_with_one_line(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "import_petrarch_verbs.py"), str(DATA / "petrarch_small.txt"), "--strict"],
        capture_output=True, text=True, env={"PYTHONPATH": str(ROOT)}, check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip() == "import_petrarch_verbs: petrarch_small.txt:10: malformed synonym set label '&BADLABEL!'"


def test_exclude_default_keeps_the_patterns(small):
    rows = _rows(lexicon_rows(small, codes=CODES, exclude_defaults=["WITHDRAW"]))
    assert ("withdraw", "", "", "0874", "") not in rows
    assert ("withdraw", "", "from:talk", "164", "") in rows


def test_import_tool_reads_an_exclusions_file(tmp_path):
    exclusions = tmp_path / "exclusions.tsv"
    exclusions.write_text("# why\nkind\tname\treason\ndefault\tWITHDRAW\tnot in this test\nverb\tPULL_OUT\tnot either\n",
                          encoding="utf-8")
    out = tmp_path / "mine.tsv"
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "import_petrarch_verbs.py"), str(DATA / "petrarch_small.txt"),
         "--exclusions", str(exclusions), "-o", str(out)],
        capture_output=True, text=True, env={"PYTHONPATH": str(ROOT)}, check=False,
    )
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert "\nen\twithdraw\t\t0874\t" not in text and "\nen\twithdraw\t\t164\t\t\tfrom:talk" in text
    assert "pull out" not in text.split("lang\tlemma", 1)[1]
    bad = tmp_path / "bad.tsv"
    bad.write_text("kind\tname\nsomething\tX\n", encoding="utf-8")
    failed = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "import_petrarch_verbs.py"), str(DATA / "petrarch_small.txt"), "--exclusions", str(bad)],
        capture_output=True, text=True, env={"PYTHONPATH": str(ROOT)}, check=False,
    )
    assert failed.returncode == 1 and "bad.tsv:2: expected" in failed.stderr
