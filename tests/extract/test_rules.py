"""One test per extraction rule, on sentences parsed by the real models (slow).

Each test names the construction it shows. Known parser misses are marked
xfail, never removed.
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def roles(events):
    """(source country/org, root, target country/org or None, negated) per event."""
    return {(e.source.code[:3], e.action.root, e.target.code[:3] if e.target else None, e.negated) for e in events}


# ------------------------------------------------------------ French
def test_fr_active_subject_object(extract):
    assert ("FRA", "11", "RUS", False) in roles(extract("La France a condamné la Russie.", "fr"))


def test_fr_passive_agent_is_the_actor(extract):
    assert ("USA", "16", "TUR", False) in roles(extract("La Turquie a été sanctionnée par les États-Unis.", "fr"))


def test_fr_verb_object_pattern_with_prepositional_target(extract):
    events = extract("Les États-Unis ont imposé des sanctions contre la Turquie.", "fr")
    (event,) = [e for e in events if e.action.cameo == "163"]
    assert (event.source.code, event.target.code, event.action.text) == ("USA", "TUR", "ont imposé des sanctions")


def test_fr_coordinated_subjects_of_a_joint_action_give_both_directions(extract):
    found = roles(extract("La Turquie et les États-Unis ont entamé des pourparlers.", "fr"))
    assert {("TUR", "04", "USA", False), ("USA", "04", "TUR", False)} <= found


def test_fr_coordinated_subjects_each_act(extract):
    found = roles(extract("La France et l'Allemagne ont condamné la Russie.", "fr"))
    assert {("FRA", "11", "RUS", False), ("DEU", "11", "RUS", False)} <= found


def test_fr_nominal_event(extract):
    found = roles(extract("Les sanctions américaines contre la Turquie inquiètent les marchés.", "fr"))
    assert ("USA", "16", "TUR", False) in found


def test_fr_negation(extract):
    assert ("CHN", "11", "RUS", True) in roles(extract("La Chine n'a pas condamné la Russie.", "fr"))


def test_fr_modality(extract):
    (event,) = [e for e in extract("Les États-Unis pourraient imposer des sanctions contre l'Iran.", "fr") if e.action.root == "16"]
    assert event.mode == "possible" and not event.negated


def test_fr_metonymy_capitals_and_buildings_are_governments(extract):
    events = extract("Washington a critiqué Pékin. Le Kremlin a condamné Kiev.", "fr")
    codes = {(e.source.code, e.target.code if e.target else None) for e in events}
    assert {("USAGOV", "CHNGOV"), ("RUSGOV", "UKRGOV")} <= codes


def test_fr_title_with_demonym_and_counterpart(extract):
    events = extract("Le ministre turc de la Défense a rencontré son homologue russe.", "fr")
    assert ("TURGOV", "RUSGOV") in {(e.source.code, e.target.code if e.target else None) for e in events}


def test_fr_pronoun_refers_back_to_the_person_named_before(extract):
    text = "Le président français Emmanuel Macron est arrivé à Berlin. Il a rencontré le chancelier allemand."
    events = extract(text, "fr")
    (event,) = [e for e in events if e.source.code == "FRAGOV" and e.action.cameo == "040"]
    assert (event.target.code, event.source.text, event.source.how) == ("DEUGOV", "Il", "pronoun")
    # "est arrivé à Berlin" is a visit to Germany.
    assert any(e.action.cameo == "042" and e.target.code[:3] == "DEU" for e in events)


def test_fr_reported_speech_we_is_the_speaker(extract):
    events = extract("« Nous condamnons la Russie », a déclaré le ministre allemand des Affaires étrangères.", "fr")
    assert ("DEUGOV", "RUS") in {(e.source.code, e.target.code[:3] if e.target else None) for e in events}


def test_fr_event_date_from_weekday_and_day_month(extract):
    events = extract("Mardi, la Russie a condamné la Turquie. Le 22 décembre, la France a critiqué l'Iran.", "fr", date="2020-12-30")
    dates = {e.source.code: e.date for e in events}
    assert dates["RUS"] == "2020-12-29" and dates["FRA"] == "2020-12-22"


def test_fr_typographic_apostrophes_do_not_hurt(extract):
    events = extract("L’Allemagne a condamné l’Iran.", "fr")
    assert ("DEU", "11", "IRN", False) in roles(events)


# ------------------------------------------------------------ English
def test_en_active_and_prepositional_partner(extract):
    found = roles(extract("Japan held talks with South Korea on Thursday.", "en"))
    assert {("JPN", "04", "KOR", False), ("KOR", "04", "JPN", False)} <= found


def test_en_passive_agent(extract):
    assert ("FRA", "11", "IRN", False) in roles(extract("Iran was condemned by France.", "en"))


def test_en_nominal_event_with_compound_source(extract):
    assert ("USA", "16", "IRN", False) in roles(extract("New US sanctions against Iran took effect.", "en"))


def test_en_negation_and_modality(extract):
    negated = extract("China did not condemn Russia.", "en")
    assert ("CHN", "11", "RUS", True) in roles(negated)
    (event,) = [e for e in extract("The United States could impose sanctions on Iran.", "en") if e.action.root == "16"]
    assert event.mode == "possible"


def test_en_title_and_metonymy(extract):
    events = extract("The Russian foreign minister criticised the White House.", "en")
    assert ("RUSGOV", "USAGOV") in {(e.source.code, e.target.code if e.target else None) for e in events}


def test_en_relative_clause_subject(extract):
    found = roles(extract("Turkey, which condemned Israel last week, recalled its ambassador.", "en"))
    assert ("TUR", "11", "ISR", False) in found


# ------------------------------------------------------------ the French article (CONTRACT issue)
def test_article_has_the_sanctions_and_the_talks(french_events):
    found = {(e.source.code, e.action.root, e.target.code if e.target else None) for e in french_events}
    assert ("USA", "16", "TURGOV") in found
    assert {("TUR", "04", "USA"), ("USA", "04", "TUR")} <= found


def test_article_offsets_point_at_the_words(french_events):
    from kgraph.text import split_front_matter
    from tests.conftest import FRENCH_ARTICLE

    text = split_front_matter(FRENCH_ARTICLE.read_text(encoding="utf-8"))[1]
    for event in french_events:
        assert text[event.source.start : event.source.end] == event.source.text
        assert text[event.action.start : event.action.end] == event.action.text
        assert event.sentence in text


# ------------------------------------------------------------ rules added from error analysis
def test_en_unknown_name_with_title_and_demonym(extract):
    events = extract("Russian President Boris Yeltsin criticised Japanese Prime Minister Ryutaro Hashimoto.", "en")
    assert ("RUSGOV", "JPNGOV") in {(e.source.code, e.target.code if e.target else None) for e in events}


def test_en_recipient_inside_the_complement(extract):
    found = roles(extract("Libya has offered to hand over two suspects to Great Britain.", "en"))
    assert ("LBY", "03", "GBR", False) in found


def test_en_promised_cooperation_is_intent(extract):
    (event,) = [e for e in extract("Portugal will support Turkey.", "en") if e.target]
    assert (event.action.root, event.action.cameo, event.mode) == ("03", "032", "future")


def test_en_place_of_a_protest_is_its_recipient(extract):
    found = roles(extract("American activists staged a protest in Beijing.", "en"))
    assert ("USA", "14", "CHN", False) in found


def test_en_object_noun_partner(extract):
    found = roles(extract("Ukraine ratified an agreement with the European Union.", "en"))
    assert ("UKR", "05", "IGO", False) in found


def test_en_coordination_hung_on_another_word_of_a_name(extract):
    found = roles(extract("Barack Obama and Vladimir Putin met in Zurich.", "en"))
    assert ("USA", "04", "RUS", False) in found


def test_fr_unlemmatised_present_tense_verb(extract):
    # fr_core_news_md leaves "rencontre" (3rd person present) as its own lemma.
    found = roles(extract("Le président turc rencontre son homologue russe à Sotchi.", "fr"))
    assert ("TUR", "04", "RUS", False) in found


def test_en_demand_addressee_is_subject_of_demanded_clause(extract):
    found = roles(extract("The United States demanded that North Korea abandon its nuclear program.", "en"))
    assert ("USA", "10", "PRK", False) in found


def test_en_governing_event_absorbs_its_complement(extract):
    events = extract("The Azerbaijani parliament threatened to break relations with Russia.", "en")
    assert {(e.source.code[:3], e.action.root, e.target.code if e.target else None) for e in events} == {("AZE", "13", "RUS")}


def test_fr_threat_with_complement_recipient(extract):
    found = roles(extract("La Russie a menacé de rompre ses relations avec la Géorgie.", "fr"))
    assert ("RUS", "13", "GEO", False) in found


def test_en_place_verb_visit(extract):
    found = roles(extract("Iraqi President Saddam Hussein arrived in Amman on Wednesday.", "en"))
    assert ("IRQ", "04", "JOR", False) in found


def test_event_without_recipient_needs_untargeted_unless_solo(extract):
    from kgraph.extract import Extractor
    from kgraph.reader import Article

    assert extract("Seoul condemned the launch.", "en") == []
    kept = Extractor(untargeted=True).extract(Article("t", "Seoul condemned the launch.", "en", "2023-03-17")).events
    assert [(e.source.code, e.action.root, e.target) for e in kept] == [("KORGOV", "11", None)]
    # A protest is an event even with no recipient: addressed to its own government.
    assert ("USA", "14", "USA", False) in roles(extract("American students protested on Monday.", "en"))


def test_en_attribution_is_not_address(extract):
    # The clause before "said" is its content: no statement to Turkey, only the intent.
    events = extract("Portugal will support Turkey, Portuguese President Mario Soares said.", "en")
    assert {(e.source.code[:3], e.action.root, e.target.code[:3] if e.target else None) for e in events} == {("PRT", "03", "TUR")}


def test_en_announced_force_is_a_threat(extract):
    # Reported speech: the content is coded (not a statement to Georgia); force announced is a threat.
    found = roles(extract("Russia said it will attack Georgia.", "en"))
    assert ("RUS", "13", "GEO", False) in found and not any(root == "01" for _, root, _, _ in found)


def test_fr_announced_force_is_a_threat(extract):
    found = roles(extract("La Russie a déclaré qu'elle attaquerait la Géorgie.", "fr"))
    assert ("RUS", "13", "GEO", False) in found and not any(root == "01" for _, root, _, _ in found)


def test_en_demand_with_an_unknown_addressee_has_no_recipient(extract):
    assert extract("Washington demanded that the Lord's Resistance Army renounce its struggle against Uganda.", "en") == []


def test_collective_noun_is_its_nation(extract):
    # "agreed to meet" is one joint agreement (the meeting is absorbed) between both nations.
    found = roles(extract("The Turkish and Greek sides agreed to meet in Geneva.", "en"))
    assert found == {("TUR", "03", "GRC", False), ("GRC", "03", "TUR", False)}
    assert {e.source.code for e in extract("La partie turque a condamné la Grèce.", "fr")} == {"TUR"}


def test_adjectival_intent_and_threat(extract):
    assert ("NOR", "03", "SAU", False) in roles(extract("Norway is willing to send troops to Saudi Arabia.", "en"))
    events = extract("Iran is ready to attack Israel.", "en")
    assert {(e.source.code, e.action.cameo, e.target.code) for e in events} == {("IRN", "138", "ISR")}
    assert ("TUR", "03", "GRC", False) in roles(extract("La Turquie est prête à négocier avec la Grèce.", "fr"))


def test_fr_sentence_initial_name_misparsed_and_threat_with_owner_target(extract):
    # fr_core_news_md tags "Ankara" here as a determiner; the threat's recipient is the owner
    # of what would be blocked (Sweden's accession).
    found = roles(extract("Ankara menace de bloquer l'adhésion de la Suède à l'OTAN.", "fr"))
    assert ("TUR", "13", "SWE", False) in found


def test_fr_palestinian_territories(extract):
    assert ("ISR", "19", "PSE", False) in roles(extract("Les forces israéliennes ont bombardé Gaza mardi.", "fr"))


def test_fr_passive_subject_and_agent_owned_by_actors(extract):
    found = roles(extract("Les frappes israéliennes sur Gaza ont été dénoncées par la Ligue arabe.", "fr"))
    assert ("IGO", "11", "ISR", False) in found
    killed = roles(extract("Le général iranien Qassem Soleimani a été tué à Bagdad par une frappe de drone américaine.", "fr"))
    assert ("USA", "19", "IRN", False) in killed


def test_fr_announcing_an_event_is_doing_it(extract):
    found = roles(extract("Moscou a annoncé mercredi l'expulsion de 34 diplomates français.", "fr"))
    assert found == {("RUS", "17", "FRA", False)}


def test_fr_object_hung_on_a_date_word(extract):
    found = roles(extract("La France a rappelé vendredi ses ambassadeurs aux États-Unis et en Australie.", "fr"))
    assert {("FRA", "16", "USA", False), ("FRA", "16", "AUS", False)} <= found


def test_quantities_armed_groups_and_weapons(extract):
    assert ("POL", "14", "RUS", False) in roles(extract("Des milliers de Polonais ont manifesté devant l'ambassade de Russie.", "fr"))
    (hamas,) = extract("Hamas fired rockets at Israel.", "en")
    assert (hamas.source.code, hamas.action.cameo, hamas.target.code) == ("PSEREB", "194", "ISR")
    (drone,) = extract("Un drone russe a attaqué l'Ukraine.", "fr")
    assert (drone.source.code, drone.action.root, drone.target.code) == ("RUSMIL", "19", "UKR")
