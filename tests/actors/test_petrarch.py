"""PETRARCH dictionary readers, the kgraph actor-table format and the converter's output."""
from __future__ import annotations

import pytest
import spacy

from kgraph.actors.dictionary import ActorDictionary, _regex_tokenize
from kgraph.actors.petrarch import Period, is_petrarch_file, parse_actors, parse_agents
from kgraph.actors.table import read_actor_file, read_actor_table, write_actor_table
from kgraph.errors import DataError

ACTORS = """\
# a comment
<!-- a block
comment -->
ARNOR_  [ARN] # the north kingdom
+ARNORIAN_
ARGENTIN  [ARG]
RECEP_TAYYIP_ERDOGAN_  ; CountryInfo.txt
+ERDOGAN_
\t[TURELI 720101-021118]
\t[TURGOV 021118-030314]
\t[TURGOV >030314]
\t[TURELI]
GOLLUM
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
BOROMIR  [---]
EGYPT  [UAR]
"""

AGENTS = """\
!MINIST! = MINISTER, MINISTRY
FOREIGN_!MINIST! [~GOV]
ARMED_FORCES {} [~MIL]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]
POLICEMAN {POLICEMEN} [~COP]
MILITIA [~REB]
HUMAN_RIGHTS_ACTIVIST [NGM~]
"""


@pytest.fixture()
def actors_file(tmp_path):
    path = tmp_path / "test.actors.txt"
    path.write_text(ACTORS, encoding="utf-8")
    return path


def test_actor_records_with_synonyms_and_dated_codes(actors_file):
    records = parse_actors(actors_file)
    assert [r.phrases[0].text for r in records] == ["ARNOR", "ARGENTIN", "RECEP TAYYIP ERDOGAN", "GOLLUM", "BOROMIR", "EGYPT"]
    arnor, argentin, erdogan, gollum, boromir, _ = records
    assert [p.text for p in arnor.phrases] == ["ARNOR", "ARNORIAN"] and arnor.default == "ARN"
    assert not arnor.phrases[0].stem and argentin.phrases[0].stem  # no trailing "_": a stem
    assert erdogan.periods == (
        Period("TURELI", "1972-01-01", "2002-11-18"), Period("TURGOV", "2002-11-18", "2003-03-14"),
        Period("TURGOV", "2003-03-14", None), Period("TURELI"),
    )
    assert erdogan.default == "TURELI" and erdogan.line == 7
    assert gollum.periods[0] == Period("HOB", None, "1995-06-01") and gollum.default is None
    assert boromir.default is None


@pytest.mark.parametrize("text, message", [
    ("ARNOR [ARN 990101-9901]\n", ":1: bad date '9901'"),
    ("+ARNORIAN\n", ":1: synonym '+…' before any actor phrase"),
    ("ARNOR [ARN\n", ":1: unbalanced brackets"),
    ("ARNOR\n\t[ARN 990101-980101]\n", ":2: period ends before it starts"),
    ("ARNOR\n\t[ARN ~990101]\n", ":2: bad date restriction"),
    ("ARNOR [ARN]\n  GONDOR\n", ":2: indented line is neither"),
])
def test_malformed_actor_lines_name_file_and_line(tmp_path, text, message):
    path = tmp_path / "bad.actors.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=str(path).replace(".", r"\.") + message.replace("(", r"\(").replace("+", r"\+")):
        parse_actors(path)
    warnings: list[DataError] = []
    parse_actors(path, warn=warnings.append)  # the converter's lenient mode skips the line
    assert len(warnings) == 1


def test_agent_records_expand_substitutions_and_plurals(tmp_path):
    path = tmp_path / "test.agents.txt"
    path.write_text(AGENTS, encoding="utf-8")
    forms = {(" ".join(r.phrase.words), r.code, r.prefix) for r in parse_agents(path)}
    assert ("FOREIGN MINISTER", "GOV", False) in forms and ("FOREIGN MINISTRY", "GOV", False) in forms
    assert ("ARMED FORCES", "MIL", False) in forms and ("ARMED FORCESES", "MIL", False) not in forms
    assert ("ATTORNEYS GENERAL", "JUD", False) in forms
    assert ("POLICEMEN", "COP", False) in forms
    assert ("MILITIAS", "REB", False) in forms  # a regular plural made by rule
    assert ("HUMAN RIGHTS ACTIVISTS", "NGM", True) in forms


def test_malformed_agent_line(tmp_path):
    path = tmp_path / "bad.agents.txt"
    path.write_text("MILITIA [~REB]\nSOLDIER [MIL]\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"bad\.agents\.txt:2: agent code 'MIL' needs a '~'"):
        parse_agents(path)


def test_table_round_trip_and_format_detection(actors_file, tmp_path):
    rows = read_actor_file(actors_file)
    assert is_petrarch_file(actors_file)
    out = tmp_path / "actors.tsv"
    write_actor_table(rows, out, header="test table\nLicence: MIT")
    assert not is_petrarch_file(out)
    assert out.read_text(encoding="utf-8").startswith("# test table\n# Licence: MIT\ncode\tkind")
    again = read_actor_table(out)
    assert again == rows
    erdogan = next(r for r in again if r.label == "Recep Tayyip Erdogan")
    assert erdogan.kind == "person" and erdogan.code == "TURELI" and erdogan.variants == ("Recep Tayyip Erdogan", "Erdogan")
    assert all(r.label != "Boromir" for r in again)  # the null code names no actor


def test_malformed_table_row(tmp_path):
    path = tmp_path / "actors.tsv"
    path.write_text("code\tkind\tlabel\tvariants\tperiods\nTURGOV\tperson\tX\tX\tTURGOV 2003-03-14\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"actors\.tsv:2: bad period"):
        read_actor_table(path)


def test_user_dictionary_wins_and_people_follow_the_date(actors_file):
    dictionary = ActorDictionary("en", _regex_tokenize, actors=[actors_file])
    nlp = spacy.blank("en")

    def codes(text, date=None):
        return [m.entry.code for m in dictionary.match(nlp(text), date=date)]

    assert codes("Erdogan spoke", "2002-12-01") == ["TURGOV"]
    assert codes("Erdogan spoke", "1990-05-01") == ["TURELI"]
    assert codes("Arnorian and Argentina", None) == ["ARN", "ARG"]  # "Argentin" is a stem
    assert codes("Egypt") == ["UAR"]  # the user's code beats the built-in EGY
    assert codes("Gollum", "1997-01-01") == ["HOBGOV"]
    assert codes("Gollum", "2005-01-01") == []  # no default code: no actor outside the periods
