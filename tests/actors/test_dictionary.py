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


def test_builtin_phoenix_tables_carry_provenance_and_licence():
    from kgraph.resources import package_file

    for name in ("data/phoenix_actors.tsv", "data/phoenix_agents.tsv"):
        head = package_file("kgraph.actors", name).read_text(encoding="utf-8")[:2000]
        assert "tools/import_petrarch.py" in head and "MIT License" in head and "Open Event Data Alliance" in head


def test_builtin_english_tables_know_armed_groups_and_dated_people():
    nlp = spacy.blank("en")
    dictionary = actor_dictionary("en")

    def code(text, date=None):
        return [m.entry.code for m in dictionary.match(nlp(text), date=date)]

    assert code("the Lord's Resistance Army")[0][3:6] == "REB"
    assert code("Bulent Ecevit", "2000-06-01") == ["TURGOV"]  # prime minister 1999-2002
    assert code("Bulent Ecevit", "1995-06-01") == ["TURELI"]  # the record's default, out of office
    assert dictionary.agent_sector("militiaman") == "UAF"  # Phoenix: unaligned armed forces
