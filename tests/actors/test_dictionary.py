"""The actor dictionary: loading the tables and matching phrases (no model needed)."""
from __future__ import annotations

import pytest
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

    assert code("the Kurdistan Workers' Party") == ["TURREB"]
    assert code("the Revolutionary Armed Forces of Colombia") == ["COLREB"]
    assert code("AFP said") == []  # Phoenix "AFP [MED]" names no state: not imported
    assert code("Bulent Ecevit", "2000-06-01") == ["TURGOV"]  # prime minister 1999-2002
    assert code("Bulent Ecevit", "1995-06-01") == ["TURELI"]  # the record's default, out of office
    assert dictionary.agent_sector("sharecropper") == "AGR"  # a Phoenix-only role noun
    assert dictionary.agent_sector("militiaman") == "REB"  # the curated table wins over Phoenix (UAF)


def _people(lang, text, date):
    doc = spacy.blank(lang)(text)
    return [(doc[m.start:m.end].text, m.entry.code) for m in actor_dictionary(lang).match(doc, date=date)]


def test_people_resolve_by_the_article_date():
    # Donald Tusk: Polish PM, then European Council president, then Polish PM again.
    assert _people("en", "Tusk said", "2012-05-01") == [("Tusk", "POLGOV")]
    assert _people("en", "Tusk said", "2017-05-01") == [("Tusk", "IGOEUR")]
    assert _people("fr", "Donald Tusk a dit", "2024-05-01") == [("Donald Tusk", "POLGOV")]
    # Keir Starmer: opposition leader, then prime minister.
    assert _people("en", "Keir Starmer said", "2022-03-01") == [("Keir Starmer", "GBROPP")]
    assert _people("en", "Keir Starmer said", "2025-03-01") == [("Keir Starmer", "GBRGOV")]
    # Armed groups whose status changed: the Taliban in power from 15 August 2021.
    assert _people("en", "the Taliban said", "2019-01-01") == [("Taliban", "AFGREB")]
    assert _people("fr", "les talibans ont dit", "2023-01-01") == [("talibans", "AFGGOV")]


def test_people_on_a_wrong_date():
    # Out of office: the default code (elite), not the office.
    assert _people("en", "Liz Truss said", "2023-06-01") == [("Liz Truss", "GBRELI")]
    # After death there is no actor at all (no default code), not the last office.
    assert _people("en", "Ismail Haniyeh said", "2025-03-01") == []
    assert _people("en", "Ismail Haniyeh said", "2023-03-01") == [("Ismail Haniyeh", "PSEREB")]
    # Without a date a sitting office holder takes the current role.
    assert _people("en", "Keir Starmer said", None) == [("Keir Starmer", "GBRGOV")]


def test_office_holders_table_is_valid_and_dated():
    from kgraph.actors.table import read_actor_table
    from kgraph.resources import package_file

    text = package_file("kgraph.actors", "data/office_holders.tsv").read_text(encoding="utf-8")
    rows = read_actor_table("office_holders.tsv", text=text)
    assert "Licence" in text[:3000] and len(rows) >= 300
    assert all(row.periods for row in rows)


def test_office_holders_beyond_the_g20():
    # Francophone Africa: a coup leader is MIL before his takeover, GOV after it.
    assert _people("fr", "Mamadi Doumbouya a dit", "2020-05-01") == [("Mamadi Doumbouya", "GINMIL")]
    assert _people("fr", "Doumbouya a dit", "2022-05-01") == [("Doumbouya", "GINGOV")]
    assert _people("fr", "Macky Sall a dit", "2018-05-01") == [("Macky Sall", "SENGOV")]
    assert _people("fr", "Macky Sall a dit", "2025-05-01") == [("Macky Sall", "SENELI")]
    # Accent-free spellings and the surname alone; Europe and Asia.
    assert _people("en", "Pedro Sanchez said", "2019-11-12") == [("Pedro Sanchez", "ESPGOV")]
    assert _people("en", "Kais Saied said", "2022-05-01") == [("Kais Saied", "TUNGOV")]
    assert _people("en", "Maia Sandu said", "2017-05-01") == [("Maia Sandu", "MDAOPP")]
    assert _people("en", "To Lam said", "2025-05-01") == [("To Lam", "VNMGOV")]
    # Dead leaders name no actor after their death.
    assert _people("fr", "Idriss Déby a dit", "2019-05-01") == [("Idriss Déby", "TCDGOV")]
    assert _people("fr", "Idriss Déby a dit", "2022-05-01") == []


def test_arabic_article_spellings_match_each_other():
    assert _people("en", "Omar el-Bashir said", "2010-01-01") == [("Omar el-Bashir", "SDNGOV")]
    assert _people("fr", "Abdel Fattah el-Sissi a dit", "2020-01-01") == [("Abdel Fattah el-Sissi", "EGYGOV")]
    assert [m.entry.code for m in actor_dictionary("en").match(spacy.blank("en")("El Salvador"))] == ["SLV"]


def test_ethnic_groups_tied_to_one_state():
    assert _people("en", "the Uyghurs protested", None) == [("Uyghurs", "CHNETH")]
    assert _people("fr", "les Rohingyas fuient", None) == [("Rohingyas", "MMRETH")]


# ---------------------------------------------------------------- the compiled matcher
def _reference_match(dictionary, tokens, date=None):
    """The matcher as it was first written (token by token, every key tried): the compiled one must agree."""
    from kgraph.actors.dictionary import _BREAK, phrase_key

    found, words, i = [], [phrase_key(t.text) for t in tokens], 0
    while i < len(tokens):
        best, key = None, ()
        for j in range(i, len(tokens)):
            if not words[j]:
                if j == i or tokens[j].text in _BREAK:
                    break
                continue
            key += words[j]
            if len(key) > dictionary.max_len:
                break
            entry = dictionary._best(key, [t.text for t in tokens[i : j + 1]], date)
            if entry is not None:
                best = (j, entry)
            if key not in dictionary._prefixes:
                break
        if best is None:
            i += 1
            continue
        found.append((tokens[i].i, tokens[best[0]].i + 1, best[1].code))
        i = best[0] + 1
    return found


def _reference_role_sector(dictionary, token):
    from kgraph.text import fold

    doc = token.doc
    for form in {fold(token.lemma_), fold(token.text)}:
        for words, position, sector in dictionary._agents_by_word.get(form, ()):
            start = token.i - position
            if start < 0 or start + len(words) > len(doc):
                continue
            if tuple(form if k == position else fold(doc[start + k].text) for k in range(len(words))) == words:
                return sector
    return dictionary.agent_sector(token.lemma_)


_MIXED = {
    "en": "The U.S. Secretary of State and the Minister of Foreign Affairs of Turkey met NATO, the WHO and "
          "al-Shabaab in Addis Ababa; Bulent Ecevit, Turkish troops, the Argentine army - Kurdistan Workers' Party.",
    "fr": "Le ministre des Affaires étrangères de la Turquie, le chef de la diplomatie russe et l'Otan ont "
          "rencontré les États-Unis à Bruxelles ; le secrétaire d'État américain, l'armée turque.",
}


def test_compiled_matcher_agrees_with_the_word_by_word_one():
    for lang, text in _MIXED.items():
        dictionary = actor_dictionary(lang)
        doc = spacy.blank(lang)(text)
        for date in (None, "2000-06-01"):
            got = [(m.start, m.end, m.entry.code) for m in dictionary.match(doc, date=date)]
            assert got == _reference_match(dictionary, doc, date)
            assert got  # the sentences name actors
        span = doc[3:]  # a span: token indices stay those of the doc
        assert [(m.start, m.end, m.entry.code) for m in dictionary.match(span)] == _reference_match(dictionary, span)
        assert [dictionary.role_sector(t) for t in doc] == [_reference_role_sector(dictionary, t) for t in doc]


def test_multiword_title_listed_first_wins_and_titles_need_all_their_words(tmp_path):
    from kgraph.actors.dictionary import ActorDictionary

    table = tmp_path / "agents.tsv"
    table.write_text("lang\tterm\tsector\nen\tsecretary of state\tGOV\nen\tstate of emergency\t-\n"
                     "en\tsecretary\tCVL\n", encoding="utf-8")
    dictionary = ActorDictionary("en", str.split, agents=[table], builtin=False)
    doc = spacy.blank("en")("the secretary of state of emergency")
    assert [dictionary.role_sector(t) for t in doc] == [_reference_role_sector(dictionary, t) for t in doc]
    assert dictionary.role_sector(doc[1]) == "GOV"  # "secretary of state"
    assert dictionary.role_sector(doc[3]) == "GOV"  # "state": the first title listed that fits
    assert dictionary.role_sector(doc[5]) == "-"  # "emergency" only ends "state of emergency"
    assert dictionary.role_sector(spacy.blank("en")("a secretary")[1]) is None  # no lemma, no one-word row
    assert dictionary.agent_sector("secretary") == "CVL"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_built_in_dictionary_loads_in_about_a_second(lang):
    """Issue 7: loading (with the Phoenix and GeoNames tables) takes about a second or less: 0.5–0.7
    CPU s on one 2-core machine, 1.6 on a slower one, where a bare Python loop of 3 million additions
    took 0.15 and 0.2–0.45 s (load 10× the loop, in pytest, under load). The bound is relative to that loop, measured in the same process, so a
    slow or loaded machine still passes and a load grown several times over does not."""
    import time

    from kgraph.actors.dictionary import ActorDictionary, _regex_tokenize

    start = time.process_time()
    total = 0
    for i in range(3_000_000):
        total += i
    loop = time.process_time() - start
    # The cyclic garbage collector walks the whole heap of the test session (models, graphs) again
    # and again while the tables allocate: that is the session's cost, not the loader's.
    import gc

    gc.disable()
    try:
        start = time.process_time()
        ActorDictionary(lang, _regex_tokenize)
        elapsed = time.process_time() - start
    finally:
        gc.enable()
    assert elapsed < max(1.0, 15 * loop)


def test_regions_stand_for_their_country_in_both_languages():
    from kgraph.actors.dictionary import CURATED_PLACES
    from kgraph.resources import package_file

    assert "Licence" in package_file("kgraph.actors", CURATED_PLACES[0]).read_text(encoding="utf-8")[:3000]
    assert _people("en", "Crimea", None) == [("Crimea", "UKR")]
    assert _people("fr", "la Transnistrie", None) == [("Transnistrie", "MDA")]
    assert _people("fr", "le Haut-Karabakh", None) == [("Haut-Karabakh", "AZE")]
    assert _people("en", "Iraqi Kurdistan", None) == [("Iraqi Kurdistan", "IRQ")]
    assert _people("fr", "à Tombouctou", None) == [("Tombouctou", "MLI")]
    # Adjectives in every gender and number.
    assert _people("fr", "la police genevoise", None) == [("genevoise", "CHE")]
    assert _people("fr", "les élus bavarois", None) == [("bavarois", "DEU")]
    assert _people("fr", "les indépendantistes catalanes", None) == [("catalanes", "ESP")]
    assert _people("en", "the Scottish government", None) == [("Scottish", "GBR")]
    # Names several states share, and words, are left out.
    assert _people("en", "Kurdistan", None) == []
    assert _people("fr", "la situation se corse", None) == []
    assert [m.entry.kind for m in actor_dictionary("fr").match(spacy.blank("fr")("Genève"))] == ["place"]


def test_companies_media_and_seats_of_power():
    assert _people("fr", "Gazprom a coupé le gaz", None) == [("Gazprom", "RUSBUS")]
    assert _people("en", "Aramco said", None) == [("Aramco", "SAUBUS")]
    assert _people("fr", "le quotidien Le Monde", None) == [("quotidien Le Monde", "FRAMED")]
    assert _people("en", "Le Monde reported", None) == [("Le Monde", "FRAMED")]
    assert _people("fr", "Le monde entier regarde", None) == []  # the world, not the newspaper
    assert _people("fr", "la RTNC a annoncé", None) == [("RTNC", "CODMED")]
    assert _people("en", "Haaretz reported", None) == [("Haaretz", "ISRMED")]
    assert _people("fr", "le palais d'Etoudi", None) == [("palais d'Etoudi", "CMRGOV")]
    assert _people("fr", "Koulouba a démenti", None) == [("Koulouba", "MLIGOV")]
    assert _people("en", "Aso Rock said", None) == [("Aso Rock", "NGAGOV")]
    # The Iranian council is not the British newspaper; wire agencies cited as sources name no actor.
    assert _people("en", "the Guardian Council", None) == [("the Guardian Council", "IRNGOV")]
    assert _people("en", "The Guardian reported", None) == [("The Guardian", "GBRMED")]
    assert _people("fr", "a déclaré à l'AFP", None) == []


def test_parties_armed_groups_and_unions():
    # A party is its country's government while in power, the opposition otherwise.
    assert _people("en", "PiS said", "2020-01-01") == [("PiS", "POLGOV")]
    assert _people("en", "PiS said", "2024-06-01") == [("PiS", "POLOPP")]
    assert _people("fr", "les Frères musulmans", "2015-01-01") == [("Frères musulmans", "EGYOPP")]
    assert _people("fr", "le M23", None) == [("M23", "CODREB")]
    assert _people("fr", "le JNIM", None) == [("JNIM", "MLIREB")]
    assert _people("fr", "la CGT", None) == [("CGT", "FRALAB")]
    assert _people("en", "the BJP", "2020-01-01") == [("BJP", "INDGOV")]
    # Bare RSF: Sudan's Rapid Support Forces in English, Reporters sans frontières in French.
    assert _people("en", "the RSF said", None) == [("RSF", "SDNREB")]
    assert _people("fr", "RSF a dénoncé", None) == [("RSF", "NGORSF")]
    # A group shares its code with the state: the state keeps its own label.
    fr = actor_dictionary("fr")
    assert _people("fr", "l'ANC", "2020-01-01") == [("ANC", "ZAFGOV")]
    assert fr.label_for("ZAFGOV") == "Afrique du Sud (gouvernement)"
    assert _people("fr", "tant pis", None) == []


def test_a_multiword_title_reads_the_same_in_every_process():
    """'armed forces' (MIL) and 'armed force' (UAF) share a lemma: the written form decides, whatever
    the hash seed (it once depended on a set's order, so --jobs workers disagreed)."""
    import subprocess
    import sys

    code = ("import spacy; from kgraph.actors.dictionary import actor_dictionary; "
            "doc = spacy.blank('en')('the armed forces'); doc[2].lemma_ = 'force'; "
            "print(actor_dictionary('en').role_sector(doc[2]))")
    seen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**__import__("os").environ, "PYTHONHASHSEED": str(seed)}).stdout.strip()
            for seed in range(6)}
    assert seen == {"MIL"}
