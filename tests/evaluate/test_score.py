"""Tests for kgraph.evaluate.score (CONTRACT.md §4 scoring rule)."""
from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from kgraph.evaluate.gold import GoldEvent, GoldItem, read_gold
from kgraph.evaluate.score import (
    GoldTuple,
    PredictedTuple,
    Report,
    Scores,
    gold_tuples,
    predicted_tuple,
    score,
)

BENCHMARKS = Path(__file__).resolve().parents[2].parent / "shared" / "benchmarks"


def item(item_id: str, *events: tuple[Sequence[str], Sequence[str], Sequence[str]]) -> GoldItem:
    """A gold item from (sources, targets, roots) triples."""
    return GoldItem(
        item_id, "text", "en", None,
        tuple(GoldEvent(tuple(s), tuple(t), tuple(r)) for s, t, r in events),
    )


def rec(
    source: str | None, target: str | None, root: str | None = "16", *, negated: bool = False,
    cameo: str | None = None,
) -> dict[str, Any]:
    """A minimal CONTRACT §3 event record."""
    action: dict[str, Any] = {"root": root}
    if cameo is not None:
        action["cameo"] = cameo
    return {
        "source": None if source is None else {"code": source},
        "target": None if target is None else {"code": target},
        "action": action,
        "negated": negated,
    }


def prf(report_scores: Scores) -> tuple[float, float, float]:
    return report_scores.precision, report_scores.recall, report_scores.f1


def counts(report_scores: Scores) -> tuple[int, int, int]:
    return report_scores.matched, report_scores.predicted, report_scores.gold


# --------------------------------------------------------------------------
# tuples
# --------------------------------------------------------------------------


def test_gold_tuples_expand_sources_and_targets() -> None:
    gold = item("x", (["USA", "GBR"], ["IRQ", "SYR"], ["19"]), (["TUR", "RUS"], [], ["04"]),
                (["FRA"], [], ["01"]))
    tuples = gold_tuples(gold)
    assert [(t.source, t.target) for t in tuples] == [
        ("USA", "IRQ"), ("USA", "SYR"), ("GBR", "IRQ"), ("GBR", "SYR"),
        ("TUR", None), ("RUS", None), ("FRA", None),
    ]
    assert [t.event for t in tuples] == [0, 0, 0, 0, 1, 1, 2]
    assert [t.joint for t in tuples] == [False] * 4 + [True, True, False]
    assert tuples[4] == GoldTuple("TUR", None, ("04",), 1, ("TUR", "RUS"))


def test_predicted_tuple() -> None:
    assert predicted_tuple(rec("USAGOV", "turmil", "16")) == PredictedTuple("USA", "TUR", "16")
    assert predicted_tuple(rec("IGOUNO", "NGOXYZ", "07")) == PredictedTuple("IGO", "NGO", "07")
    assert predicted_tuple(rec("USA", None, "01")) == PredictedTuple("USA", None, "01")
    assert predicted_tuple(rec("USA", "", "01")) == PredictedTuple("USA", None, "01")
    assert predicted_tuple(rec("USA", "TUR", None, cameo="0431")) == PredictedTuple(
        "USA", "TUR", "04")
    assert predicted_tuple(rec("USA", "TUR", None)) == PredictedTuple("USA", "TUR", None)
    assert predicted_tuple(rec(None, "TUR")) is None
    assert predicted_tuple(rec("USA", "TUR", negated=True)) is None
    assert predicted_tuple({"source": {"code": None}, "action": {"root": "01"}}) is None


# --------------------------------------------------------------------------
# hand-computed cases
# --------------------------------------------------------------------------


def test_exact_match() -> None:
    report = score([item("a", (["USA"], ["TUR"], ["16"]))], {"a": [rec("USA", "TUR", "16")]})
    assert counts(report.events) == (1, 1, 1)
    assert prf(report.events) == (1.0, 1.0, 1.0)
    assert prf(report.dyads) == (1.0, 1.0, 1.0)
    assert report.items[0].correct


def test_sector_codes_are_cut_to_three_letters() -> None:
    report = score([item("a", (["USA"], ["TUR"], ["16"]))],
                   {"a": [rec("USAGOV", "TURGOV", "16")]})
    assert counts(report.events) == (1, 1, 1)


def test_wrong_root_counts_for_dyad_only() -> None:
    report = score([item("a", (["USA"], ["TUR"], ["16"]))], {"a": [rec("USA", "TUR", "11")]})
    assert counts(report.events) == (0, 1, 1)
    assert prf(report.events) == (0.0, 0.0, 0.0)
    assert counts(report.dyads) == (1, 1, 1)
    assert prf(report.dyads) == (1.0, 1.0, 1.0)
    result = report.items[0]
    assert result.missed == (GoldTuple("USA", "TUR", ("16",), 0),)
    assert result.spurious == (PredictedTuple("USA", "TUR", "11"),)
    assert result.dyad_missed == () and result.dyad_spurious == ()


def test_any_listed_root_is_accepted() -> None:
    gold = [item("a", (["TUR"], ["USA"], ["02", "10"]))]
    assert score(gold, {"a": [rec("TUR", "USA", "10")]}).events.matched == 1
    assert score(gold, {"a": [rec("TUR", "USA", "02")]}).events.matched == 1
    assert score(gold, {"a": [rec("TUR", "USA", "11")]}).events.matched == 0


def test_reversed_dyad_does_not_match() -> None:
    report = score([item("a", (["USA"], ["TUR"], ["16"]))], {"a": [rec("TUR", "USA", "16")]})
    assert counts(report.events) == (0, 1, 1)
    assert counts(report.dyads) == (0, 1, 1)


def test_target_none() -> None:
    gold = [item("a", (["FRA"], [], ["01"]))]
    report = score(gold, {"a": [rec("FRA", None, "01"), rec("FRA", "DEU", "01")]})
    # (FRA, None) matches; (FRA, DEU) does not: a single-source event is not joint
    assert counts(report.events) == (1, 2, 1)
    p, r, f = prf(report.events)
    assert (p, r) == (0.5, 1.0)
    assert f == pytest.approx(2 / 3)
    assert report.items[0].spurious == (PredictedTuple("FRA", "DEU", "01"),)
    # a prediction with a target never matches a gold tuple without one, and vice versa
    gold2 = [item("b", (["FRA"], ["DEU"], ["01"]))]
    assert score(gold2, {"b": [rec("FRA", None, "01")]}).dyads.matched == 0


def test_joint_event_matched_by_party_to_party() -> None:
    gold = [item("a", (["TUR", "USA"], [], ["04"]))]  # 2 gold tuples: (TUR,-), (USA,-)
    one = score(gold, {"a": [rec("TUR", "USA", "04")]})
    assert counts(one.events) == (1, 1, 2)
    p, r, f = prf(one.events)
    assert (p, r) == (1.0, 0.5)
    assert f == pytest.approx(2 / 3)
    assert one.items[0].matched[0].joint
    assert one.items[0].matched[0].gold.source == "TUR"

    both = score(gold, {"a": [rec("TUR", "USA", "04"), rec("USA", "TUR", "04")]})
    assert counts(both.events) == (2, 2, 2)
    assert prf(both.events) == (1.0, 1.0, 1.0)


def test_joint_event_rules() -> None:
    gold = [item("a", (["TUR", "USA"], [], ["04"]))]
    # outsider as target, self as target, wrong root: no match
    assert score(gold, {"a": [rec("TUR", "RUS", "04")]}).events.matched == 0
    assert score(gold, {"a": [rec("TUR", "TUR", "04")]}).events.matched == 0
    wrong_root = score(gold, {"a": [rec("TUR", "USA", "16")]})
    assert wrong_root.events.matched == 0 and wrong_root.dyads.matched == 1
    # a party tuple is consumed once: duplicate a→b is one match + one false positive
    dup = score(gold, {"a": [rec("TUR", "USA", "04"), rec("TUR", "USA", "04")]})
    assert counts(dup.events) == (1, 2, 2)
    # exact first: (TUR, None) takes TUR's tuple, so TUR→USA has nothing left
    mixed = score(gold, {"a": [rec("TUR", "USA", "04"), rec("TUR", None, "04")]})
    assert counts(mixed.events) == (1, 2, 2)
    assert [m.joint for m in mixed.items[0].matched] == [False]
    assert mixed.items[0].spurious == (PredictedTuple("TUR", "USA", "04"),)
    # two parties with the same country code may code each other
    same = [item("b", (["SDN", "SDN"], [], ["03"]))]
    assert score(same, {"b": [rec("SDN", "SDN", "03")] * 2}).events.matched == 2
    # an event with a target is never joint
    directed = [item("c", (["TUR", "USA"], ["RUS"], ["04"]))]
    assert score(directed, {"c": [rec("TUR", "USA", "04")]}).dyads.matched == 0


def test_negated_record_ignored() -> None:
    gold = [item("a", (["USA"], ["TUR"], ["16"]))]
    report = score(gold, {"a": [rec("USA", "TUR", "16", negated=True)]})
    assert counts(report.events) == (0, 0, 1)
    assert prf(report.events) == (0.0, 0.0, 0.0)
    assert report.ignored_records == 1
    report = score(gold, {"a": [rec("USA", "TUR", "16", negated=True), rec("USA", "TUR", "16")]})
    assert counts(report.events) == (1, 1, 1)


def test_record_without_source_ignored() -> None:
    gold = [item("a", (["USA"], ["TUR"], ["16"]))]
    report = score(gold, {"a": [rec(None, "TUR", "16"), rec("USA", "TUR", "16")]})
    assert counts(report.events) == (1, 1, 1)
    assert report.ignored_records == 1


def test_duplicate_predictions_one_match_one_false_positive() -> None:
    gold = [item("a", (["USA"], ["TUR"], ["16"]))]
    report = score(gold, {"a": [rec("USA", "TUR", "16"), rec("USA", "TUR", "16")]})
    assert counts(report.events) == (1, 2, 1)
    p, r, f = prf(report.events)
    assert (p, r) == (0.5, 1.0)
    assert f == pytest.approx(2 / 3)
    assert report.items[0].spurious == (PredictedTuple("USA", "TUR", "16"),)


def test_empty_gold_item_makes_predictions_false_positives() -> None:
    report = score([item("a")], {"a": [rec("USA", "TUR", "16")]})
    assert counts(report.events) == (0, 1, 0)
    assert prf(report.events) == (0.0, 0.0, 0.0)


def test_nothing_at_all_does_not_divide_by_zero() -> None:
    report = score([item("a")], {})
    assert counts(report.events) == (0, 0, 0)
    assert prf(report.events) == (0.0, 0.0, 0.0)
    assert prf(report.dyads) == (0.0, 0.0, 0.0)


def test_micro_average_over_items() -> None:
    gold = [
        item("a", (["USA"], ["TUR"], ["16"]), (["TUR"], ["USA"], ["11"])),
        item("b", (["RUS"], ["UKR"], ["19"])),
    ]
    preds = {
        "a": [rec("USA", "TUR", "16")],
        "b": [rec("RUS", "UKR", "19"), rec("RUS", "UKR", "18"), rec("UKR", "RUS", "19")],
    }
    report = score(gold, preds)
    assert counts(report.events) == (2, 4, 3)
    assert report.events.precision == 0.5
    assert report.events.recall == pytest.approx(2 / 3)
    assert report.events.f1 == pytest.approx(4 / 7)  # 2·(1/2)(2/3) / (1/2 + 2/3)
    assert counts(report.dyads) == (2, 4, 3)  # RUS→UKR twice: still one gold tuple


def test_predictions_for_unknown_ids_are_ignored() -> None:
    gold = [item("a", (["USA"], ["TUR"], ["16"]))]
    report = score(gold, {"zzz": [rec("USA", "TUR", "16")], "b": [], "a": []})
    assert counts(report.events) == (0, 0, 1)
    assert report.unknown_ids == ("b", "zzz")


def test_result_does_not_depend_on_prediction_order() -> None:
    # greedy in the order (04, 03) would give the 04 to the first gold tuple and
    # leave the 03 unmatched; the maximum matching finds both.
    gold = [item("a", (["USA"], ["TUR"], ["03", "04"]), (["USA"], ["TUR"], ["04"]))]
    preds = [rec("USA", "TUR", "04"), rec("USA", "TUR", "03")]
    seen = set()
    for order in itertools.permutations(preds):
        report = score(gold, {"a": list(order)})
        seen.add((counts(report.events), report.items[0].matched))
    assert len(seen) == 1
    assert next(iter(seen))[0] == (2, 2, 2)


def test_joint_and_exact_interplay_is_order_independent() -> None:
    gold = [item("a", (["TUR", "USA"], [], ["04"]), (["TUR"], [], ["04"]))]
    # gold tuples: (TUR,-) joint, (USA,-) joint, (TUR,-) plain
    preds = [rec("TUR", None, "04"), rec("TUR", "USA", "04"), rec("USA", "TUR", "04")]
    results = {counts(score(gold, {"a": list(p)}).events) for p in itertools.permutations(preds)}
    assert results == {(3, 3, 3)}


def test_duplicate_gold_ids_rejected() -> None:
    with pytest.raises(ValueError, match="duplicate gold ids: a"):
        score([item("a"), item("a")], {})


# --------------------------------------------------------------------------
# report output
# --------------------------------------------------------------------------


def test_report_to_dict_and_table() -> None:
    gold = [item("a", (["USA"], ["TUR"], ["16"]), (["TUR", "RUS"], [], ["04"]))]
    preds = {"a": [rec("USA", "TUR", "11"), rec("TUR", "RUS", "04"), rec("FRA", None, "01")],
             "other": [rec("USA", "TUR")]}
    report = score(gold, preds)
    assert isinstance(report, Report)
    data = json.loads(json.dumps(report.to_dict()))
    assert data["events"] == {
        "precision": pytest.approx(1 / 3), "recall": pytest.approx(1 / 3),
        "f1": pytest.approx(1 / 3), "matched": 1, "predicted": 3, "gold": 3,
    }
    assert data["dyads"]["matched"] == 2
    assert data["unknown_ids"] == ["other"]
    entry = data["items"][0]
    assert entry["id"] == "a" and entry["gold"] == 3 and entry["predicted"] == 3
    assert entry["matched"] == [{
        "predicted": {"source": "TUR", "target": "RUS", "root": "04"},
        "gold": {"source": "TUR", "target": None, "roots": ["04"], "event": 1, "joint": True},
        "joint": True,
    }]
    assert {m["source"] for m in entry["missed"]} == {"USA", "RUS"}
    assert len(entry["spurious"]) == 2
    assert len(entry["dyads"]["matched"]) == 2

    table = report.format_table()
    lines = table.splitlines()
    assert len(lines) == 3
    assert lines[0].split() == ["P", "R", "F1", "matched", "predicted", "gold"]
    assert lines[1].startswith("events (with root)")
    assert lines[1].split()[-6:] == ["0.333", "0.333", "0.333", "1", "3", "3"]
    assert lines[2].startswith("dyads (root ignored)")
    assert lines[2].split()[-6:] == ["0.667", "0.667", "0.667", "2", "3", "3"]


# --------------------------------------------------------------------------
# real gold files: perfect predictions score 1.0
# --------------------------------------------------------------------------


def _perfect_predictions(items: Sequence[GoldItem]) -> dict[str, list[dict[str, Any]]]:
    """One record per gold tuple, with the first acceptable root."""
    return {
        it.id: [rec(t.source, t.target, t.roots[0]) for t in gold_tuples(it)] for it in items
    }


@pytest.mark.parametrize(
    "name",
    ["seed_fr_gold.jsonl", "plover_gsr_public.json", "petr2_gsr_validation.xml",
     "petr_unittest/PETR.UnitTest.records.xml"],
)
def test_real_gold_scored_against_itself(name: str) -> None:
    path = BENCHMARKS / name
    if not path.exists():
        pytest.skip(f"benchmark file {path} not available")
    items = read_gold(path)
    report = score(items, _perfect_predictions(items))
    assert report.events.gold == sum(len(gold_tuples(i)) for i in items) > 0
    assert prf(report.events) == (1.0, 1.0, 1.0)
    assert prf(report.dyads) == (1.0, 1.0, 1.0)
    # and nothing predicted scores zero recall
    empty = score(items, {})
    assert counts(empty.events) == (0, 0, report.events.gold)
