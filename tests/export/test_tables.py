"""GDELT event and mentions tables and the readable CSV, read back by pandas with the documented dtypes."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kgraph.export import export
from kgraph.export.table import columns, global_event_id, pandas_dtypes

from tests.export.helpers import mixed_graph, timeline_graph

pd = pytest.importorskip("pandas")
DOCS = Path(__file__).resolve().parents[2] / "docs" / "exports.md"


@pytest.fixture(scope="module")
def graph():
    return mixed_graph()


def _gdelt(path, fmt="gdelt", header=None):
    return pd.read_csv(path, sep="\t", header=header, names=None if header == 0 else columns(fmt),
                       dtype=pandas_dtypes(fmt), keep_default_na=False, na_values=[""], quoting=3)


def test_gdelt_table_has_61_columns_in_gdelt_order_one_row_per_event(graph, tmp_path):
    path = tmp_path / "events.tsv"
    export(graph, "gdelt", path)
    names = columns("gdelt")
    assert len(names) == 61 and names[:5] == ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    assert names[25:35] == ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                            "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    assert names[-2:] == ["DATEADDED", "SOURCEURL"] and names[39] == "Actor1Geo_ADM2Code"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert all(len(line.split("\t")) == 61 for line in lines)
    assert not lines[0].startswith("GLOBALEVENTID")  # no header by default, as GDELT publishes it
    df = _gdelt(path)
    assert len(df) == 8  # 9 events, the negated one left out
    assert pd.api.types.is_string_dtype(df["EventCode"]) and df["GLOBALEVENTID"].dtype == "int64"
    assert df["GoldsteinScale"].dtype == "float64" and df["NumMentions"].dtype == "int64"
    appeal = df[df["EventCode"] == "020"].iloc[0]  # the leading zero survives
    assert (appeal["EventRootCode"], appeal["EventBaseCode"], appeal["QuadClass"]) == ("02", "020", 1)
    sanction = df[(df["EventCode"] == "163") & (df["SQLDATE"] == 20201214)].iloc[0]
    assert (sanction["Actor1Code"], sanction["Actor1Name"], sanction["Actor1CountryCode"]) == ("USA", "United States", "USA")
    assert (sanction["Actor2Code"], sanction["Actor2CountryCode"], sanction["Actor2Type1Code"]) == ("TURGOV", "TUR", "GOV")
    assert (sanction["NumMentions"], sanction["NumArticles"], sanction["NumSources"]) == (2, 2, 2)
    assert (sanction["SQLDATE"], sanction["MonthYear"], sanction["Year"]) == (20201214, 202012, 2020)
    assert sanction["FractionDate"] == pytest.approx(2020 + 349 / 366, abs=1e-4)
    assert sanction["DATEADDED"] == 20201214000000 and sanction["SOURCEURL"] == "https://example.org/a"
    assert sanction["IsRootEvent"] == 1 and pd.isna(sanction["AvgTone"]) and pd.isna(sanction["ActionGeo_Lat"])
    un = df[df["Actor1Code"] == "IGOUNO"].iloc[0]
    assert (un["Actor1Type1Code"], un["Actor1KnownGroupCode"]) == ("IGO", "UNO") and pd.isna(un["Actor1CountryCode"])
    hamas = df[df["Actor1Code"] == "PSEREB"].iloc[0]
    assert (hamas["Actor1CountryCode"], hamas["Actor1Type1Code"]) == ("PSE", "REB")
    protest = df[df["EventCode"] == "141"].iloc[0]
    assert pd.isna(protest["Actor2Code"]) and protest["Actor1Code"] == "RUS"
    assert df["GLOBALEVENTID"].is_unique


def test_global_event_id_is_stable_across_builds(tmp_path):
    first, second = tmp_path / "1.tsv", tmp_path / "2.tsv"
    export(mixed_graph(), "gdelt", first)
    export(mixed_graph(), "gdelt", second)
    assert sorted(_gdelt(first)["GLOBALEVENTID"]) == sorted(_gdelt(second)["GLOBALEVENTID"])
    assert global_event_id("https://w3id.org/kgraph/event/ffffffffffffffff") == 2**60 - 1


def test_header_option(graph, tmp_path):
    path = tmp_path / "h.tsv"
    export(graph, "gdelt", path, header=True)
    df = _gdelt(path, header=0)
    assert list(df.columns) == columns("gdelt") and len(df) == 8


def test_mentions_table_one_row_per_mention(graph, tmp_path):
    events, mentions = tmp_path / "e.tsv", tmp_path / "m.tsv"
    export(graph, "gdelt", events)
    export(graph, "gdelt-mentions", mentions)
    df = _gdelt(mentions, "gdelt-mentions")
    assert list(df.columns[:16]) == [
        "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
        "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
        "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras"]
    ev = _gdelt(events)
    assert len(df) == ev["NumMentions"].sum() == 9  # the negated event's mention is left out
    assert set(df["GLOBALEVENTID"]) == set(ev["GLOBALEVENTID"])
    sanction_id = ev[(ev["EventCode"] == "163") & (ev["SQLDATE"] == 20201214)]["GLOBALEVENTID"].iloc[0]
    rows = df[df["GLOBALEVENTID"] == sanction_id]
    assert sorted(rows["DocID"]) == ["a", "b"] and set(rows["Confidence"]) == {80}
    assert set(rows["MentionSourceName"]) == {"example.org", "news.example.com"}
    assert rows["Sentence"].str.contains("sanctions").all() and rows["CharEnd"].dtype == "int64"
    assert df["SentenceID"].min() == 1


def test_csv_is_one_readable_row_per_event_with_header(graph, tmp_path):
    path = tmp_path / "e.csv"
    export(graph, "csv", path)
    df = pd.read_csv(path, dtype=pandas_dtypes("csv"), keep_default_na=False, na_values=[""])
    assert list(df.columns) == columns("csv") and len(df) == 9
    assert df["IsNegated"].dtype == bool and df["IsNegated"].sum() == 1
    appeal = df[df["EventCode"] == "020"].iloc[0]
    assert (appeal["Relation"], appeal["Actor2Name"], appeal["EventRootCode"]) == ("appeal", "Turkey", "02")
    sanction = df[(df["EventCode"] == "163") & (df["Date"] == "2020-12-14")].iloc[0]
    assert sanction["DocID"] == "a" and sanction["NumMentions"] == 2 and "sanctions" in sanction["Sentence"]


def test_tabs_and_newlines_in_sentences_do_not_break_rows(tmp_path):
    from tests.export.helpers import article, build, make_event
    import dataclasses

    event = dataclasses.replace(make_event("t"), sentence="Line one\twith a tab\nand a line break.")
    path = tmp_path / "m.tsv"
    export(build(article("t", event)), "gdelt-mentions", path)
    (line,) = path.read_text(encoding="utf-8").splitlines()
    assert len(line.split("\t")) == len(columns("gdelt-mentions")) and line.endswith("Line one with a tab and a line break.")


@pytest.mark.parametrize("fmt", ["gdelt", "gdelt-mentions", "csv"])
def test_every_column_is_documented_in_order(fmt):
    text = DOCS.read_text(encoding="utf-8")
    section = text.split(f"<!-- columns:{fmt} -->", 1)[1].split("<!-- /columns -->", 1)[0]
    documented = re.findall(r"^\| \d+ \| `([^`]+)` \|", section, flags=re.M)
    assert documented == columns(fmt)
