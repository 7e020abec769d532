"""Precision per rule, lexicon-row kind and actor route (``kgraph evaluate --by-rule``)."""
from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from kgraph.cli import cli
from kgraph.evaluate import by_rule, format_by_rule, predict, read_gold, record_matches, score
from kgraph.evaluate.byrule import RuleRow, row_kind, trace_parts
from kgraph.evaluate.gold import GoldEvent, GoldItem

# Four sentences of our own, English and French. The gold codes the accusation, the threat and
# the condemnation, and Japan's promised support; not what "officials in Tokyo told China" (a
# statement we choose not to code) nor what Algeria is accused of (only alleged). So "subject"
# is right four times out of five, "inherited subject" wrong in its one event, and the actor
# route "role+place" (officials in Tokyo → JPNGOV) wrong in its one event.
MINI_GOLD = [
    {"id": "mini-en-1", "lang": "en", "date": "2021-03-02", "text": "Russia condemned the United States on Tuesday.",
     "events": [{"source": ["RUS"], "target": ["USA"], "root": ["11"]}]},
    {"id": "mini-en-2", "lang": "en", "date": "2021-03-02",
     "text": "Japan said it would support India, officials in Tokyo told China.",
     "events": [{"source": ["JPN"], "target": ["IND"], "root": ["03"]}]},
    {"id": "mini-fr-1", "lang": "fr", "date": "2021-03-02",
     "text": "Le Maroc a accusé l'Algérie de soutenir les rebelles, selon le Mali.",
     "events": [{"source": ["MAR"], "target": ["DZA"], "root": ["11"]}]},
    {"id": "mini-fr-2", "lang": "fr", "date": "2021-03-02",
     "text": "Le président russe a menacé l'Ukraine, a déclaré la Pologne.",
     "events": [{"source": ["RUS"], "target": ["UKR"], "root": ["13"]}]},
]


def _item(item_id: str, *events: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]) -> GoldItem:
    return GoldItem(item_id, "text", "en", None, tuple(GoldEvent(s, t, r) for s, t, r in events))


def _rec(source: str, target: str | None, root: str, rules: list[str] | None = None, row: str = "verb x → 010",
         *, how: str = "country", negated: bool = False) -> dict[str, Any]:
    record: dict[str, Any] = {
        "source": {"code": source, "rule": how},
        "target": {"code": target, "rule": "country"} if target else None,
        "action": {"root": root, "cameo": root + "0"},
        "negated": negated,
    }
    if rules is not None:
        record["explain"] = {"row": row, "rules": rules}
    return record


def _rows(rows: list[RuleRow]) -> dict[tuple[str, str], tuple[int, int, str | None]]:
    return {(r.kind, r.name): (r.events, r.tp, r.false_positive) for r in rows}


def test_row_kinds_are_read_from_the_trace_row():
    assert row_kind("verb impose +sanction|embargo → 163") == "verb +object"
    assert row_kind("verb turn down → 120") == "verb"
    assert row_kind("noun protest → 140") == "noun"
    assert row_kind("verb expulsion (event noun expulsion) → 174") == "verb +event noun"
    assert row_kind("verb decide → 010 absorbing 163") == "verb absorbing"
    assert row_kind("") == "(none)"


def test_trace_parts_name_each_rule_once_and_the_actor_routes():
    record = _rec("FRA", None, "04", ["subject", "subject", "next actor"], how="pronoun")
    assert trace_parts(record) == [("rule", "subject"), ("rule", "next actor"), ("row", "verb"),
                                   ("source", "pronoun"), ("target", "none")]
    assert trace_parts(_rec("FRA", "DEU", "04")) == [("source", "country"), ("target", "country")]  # no trace
    assert ("rule", "(none)") in trace_parts(_rec("FRA", "DEU", "04", []))


def test_record_matches_follow_the_scorer_duplicates_negations_and_joint_events():
    gold = _item("g", (("FRA", "DEU"), ("TUR",), ("04",)))  # joint event: FRA and DEU meet TUR
    gold2 = _item("h", (("USA",), ("TUR",), ("16",)))
    records = [
        _rec("USA", "TUR", "16"),  # matched
        _rec("USA", "TUR", "16"),  # the same tuple again: a duplicate, a false positive
        _rec("USA", "TUR", "16", negated=True),  # not counted
        _rec("USA", "TUR", "11"),  # wrong root
    ]
    assert record_matches(gold2, records) == [True, False, None, False]
    # Roots ignored there is still one gold tuple; the scorer's order (by root) gives it to the "11".
    assert record_matches(gold2, records, check_root=False) == [False, False, None, True]
    joint = [_rec("FRA", "TUR", "04"), _rec("DEU", "TUR", "04"), _rec("TUR", "FRA", "04")]
    assert record_matches(gold, joint) == [True, True, False]
    report = score([gold, gold2], {"g": joint, "h": records})
    matched = sum(sum(bool(m) for m in record_matches(i, r)) for i, r in ((gold, joint), (gold2, records)))
    assert matched == report.events.matched


def test_by_rule_counts_events_true_positives_and_a_false_positive_each():
    gold = [_item("a", (("RUS",), ("USA",), ("11",))), _item("b", (("FRA",), ("DEU",), ("04",))),
            _item("c")]
    predictions = {
        "a": [_rec("RUS", "USA", "11", ["subject", "recipient"]),
              _rec("RUS", "UKR", "11", ["inherited subject", "recipient"], how="pronoun")],
        "b": [_rec("FRA", "DEU", "04", ["subject", "next actor"], row="verb meet +minister → 040"),
              _rec("FRA", "DEU", "04", ["subject"], negated=True)],
        "c": [_rec("ITA", None, "01", ["subject"], row="noun statement → 010")],
        "not-gold": [_rec("ESP", "PRT", "04", ["subject"])],
    }
    rows = by_rule(gold, predictions)
    got = _rows(rows)
    assert got[("rule", "subject")] == (3, 2, "c")
    assert got[("rule", "recipient")] == (2, 1, "a")
    assert got[("rule", "inherited subject")] == (1, 0, "a")
    assert got[("rule", "next actor")] == (1, 1, None)
    assert got[("row", "verb")] == (2, 1, "a")
    assert got[("row", "verb +object")] == (1, 1, None)
    assert got[("row", "noun")] == (1, 0, "c")
    assert got[("source", "country")] == (3, 2, "c")
    assert got[("source", "pronoun")] == (1, 0, "a")
    assert got[("target", "none")] == (1, 0, "c")
    # Weakest first: precision up, then most events.
    assert [(r.kind, r.name) for r in rows[:3]] == [("rule", "inherited subject"), ("row", "noun"), ("source", "pronoun")]
    assert all((a.precision, -a.events) <= (b.precision, -b.events) for a, b in zip(rows, rows[1:]))
    # Every scored prediction has one row kind and one source route: their totals are the scorer's.
    report = score(gold, predictions)
    for kind in ("row", "source", "target"):
        assert sum(r.events for r in rows if r.kind == kind) == report.events.predicted
        assert sum(r.tp for r in rows if r.kind == kind) == report.events.matched
    table = format_by_rule(rows, min_events=2)
    assert table.splitlines()[0].split() == ["kind", "name", "events", "TP", "P", "false", "positive"]
    assert "inherited subject" not in table and "subject" in table


def _write_pred(tmp_path, predictions: dict[str, list[dict[str, Any]]]):
    path = tmp_path / "pred.jsonl"
    path.write_text("".join(json.dumps({**r, "doc_id": d}) + "\n" for d, rs in predictions.items() for r in rs),
                    encoding="utf-8")
    return path


def _write_gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in MINI_GOLD), encoding="utf-8")
    return path


def test_cli_by_rule_on_given_predictions(tmp_path):
    gold = _write_gold(tmp_path)
    pred = _write_pred(tmp_path, {
        "mini-en-1": [_rec("RUS", "USA", "11", ["subject", "recipient"])],
        "mini-fr-1": [_rec("MAR", "DZA", "11", ["subject", "recipient"]),
                      _rec("DZA", "DZA", "05", ["inherited subject", "recipient"])],
    })
    plain = CliRunner().invoke(cli, ["evaluate", str(gold), "--pred", str(pred)])
    result = CliRunner().invoke(cli, ["evaluate", str(gold), "--pred", str(pred), "--by-rule"])
    assert plain.exit_code == result.exit_code == 0, result.output
    assert result.stdout.startswith(plain.stdout)  # the usual report, unchanged, then the table
    table = result.stdout[len(plain.stdout):].splitlines()
    assert table[1].startswith("by rule")
    assert table[3].split() == ["rule", "inherited", "subject", "1", "0", "0.000", "mini-fr-1"]
    assert any(line.split() == ["rule", "subject", "2", "2", "1.000", "-"] for line in table)
    as_json = CliRunner().invoke(cli, ["evaluate", str(gold), "--pred", str(pred), "--by-rule", "--json"])
    rows = json.loads(as_json.stdout)["by_rule"]
    assert rows[0] == {"kind": "rule", "name": "inherited subject", "events": 1, "tp": 0, "precision": 0.0,
                       "false_positive": "mini-fr-1"}
    assert "by_rule" not in json.loads(CliRunner().invoke(cli, ["evaluate", str(gold), "--pred", str(pred), "--json"]).stdout)


def test_cli_by_rule_says_when_records_have_no_trace(tmp_path):
    gold = _write_gold(tmp_path)
    pred = _write_pred(tmp_path, {"mini-en-1": [_rec("RUS", "USA", "11")]})
    result = CliRunner().invoke(cli, ["evaluate", str(gold), "--pred", str(pred), "--by-rule"])
    assert result.exit_code == 0, result.output
    assert "no explain trace" in result.stderr
    assert any(line.split() == ["source", "country", "1", "1", "1.000", "-"] for line in result.stdout.splitlines())


@pytest.mark.slow
def test_by_rule_on_a_mini_gold_file_in_english_and_french(tmp_path, extractor):
    items = read_gold(_write_gold(tmp_path))
    predictions, _ = predict(items, extractor, explain=True)
    rows = by_rule(items, predictions)
    got = _rows(rows)
    assert got[("rule", "subject")] == (5, 4, "mini-en-2")
    assert got[("rule", "inherited subject")] == (1, 0, "mini-fr-1")
    assert got[("source", "role+place")] == (1, 0, "mini-en-2")
    assert got[("source", "country")][:2] == (3, 2)
    assert rows[0].precision == 0.0 and rows[-1].precision == 1.0
    report = score(items, predictions)
    assert (report.events.matched, report.events.predicted) == (4, 6)
    assert sum(r.tp for r in rows if r.kind == "row") == report.events.matched


@pytest.mark.slow
def test_cli_by_rule_extracting(tmp_path):
    gold = _write_gold(tmp_path)
    saved = tmp_path / "saved.jsonl"
    result = CliRunner().invoke(cli, ["evaluate", str(gold), "--by-rule", "--json", "--save-pred", str(saved)])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)["by_rule"]
    rows = {(r["kind"], r["name"]): r for r in listed}
    assert (rows[("rule", "subject")]["events"], rows[("rule", "subject")]["tp"]) == (5, 4)
    assert rows[("rule", "inherited subject")]["false_positive"] == "mini-fr-1"
    # The saved records keep their trace: scoring them again gives the same table.
    again = CliRunner().invoke(cli, ["evaluate", str(gold), "--pred", str(saved), "--by-rule", "--json"])
    assert json.loads(again.stdout)["by_rule"] == listed
    text = CliRunner().invoke(cli, ["evaluate", str(gold), "--pred", str(saved), "--by-rule"])
    assert "by rule (" in text.stdout and "mini-fr-1" in text.stdout
