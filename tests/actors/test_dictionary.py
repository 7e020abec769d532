"""The actor dictionary: loading the tables and matching phrases (no model needed)."""
from __future__ import annotations

import spacy

from kgraph.actors.dictionary import actor_dictionary


def _codes(lang: str, text: str) -> list[str]:
    doc = spacy.blank(lang)(text)
    return [m.entry.code for m in actor_dictionary(lang).match(doc)]


def test_mixed_case_acronyms_match_in_english():
    # Bug: the all-caps variant hid the mixed-case one of the same entry.
    assert _codes("en", "Nato and Unicef") == ["IGONATO", "IGOUNICEF"]
    assert _codes("en", "NATO and UNICEF") == ["IGONATO", "IGOUNICEF"]


def test_mixed_case_acronyms_match_in_french():
    assert _codes("fr", "l' Otan et l' Unicef") == ["IGONATO", "IGOUNICEF"]
    assert _codes("fr", "l' OTAN") == ["IGONATO"]


def test_acronym_is_still_case_sensitive():
    # "who" the pronoun is not the WHO.
    assert _codes("en", "who said") == []
    assert _codes("en", "the WHO said") == ["IGOWHO"]
