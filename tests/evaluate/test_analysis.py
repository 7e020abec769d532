"""Error analysis: per-root figures, false alarms and misses by cause (no model needed)."""
from __future__ import annotations

from kgraph.evaluate import score
from kgraph.evaluate.analysis import analyse
from kgraph.evaluate.gold import GoldEvent, GoldItem
from kgraph.model import Candidate


def _record(source: str, root: str, target: str | None) -> dict:
    return {"source": {"code": source}, "target": {"code": target} if target else None,
            "action": {"root": root, "cameo": root + "0"}, "negated": False}


def _candidate(cameo: str, sources: list[str], targets: list[str], outcome: str) -> Candidate:
    return Candidate(0, "w", "verb w → " + cameo, cameo, tuple(("x", s, "dictionary") for s in sources),
                     tuple(("y", t, "dictionary") for t in targets), (), outcome)


def test_causes_per_root_and_false_alarms():
    gold = [
        GoldItem("a", "A", "en", None, (GoldEvent(("RUS",), ("UKR",), ("11",)),)),   # found with another root
        GoldItem("b", "B", "en", None, (GoldEvent(("FRA",), ("DEU",), ("04",)),)),   # no trigger of root 04
        GoldItem("c", "C", "en", None, (GoldEvent(("IRN",), ("USA",), ("13",)),)),   # trigger, no source
        GoldItem("d", "D", "en", None, (GoldEvent(("CHN",), ("JPN",), ("17",)),)),   # event with another target
        GoldItem("e", "E", "en", None, ()),                                           # false alarm
        GoldItem("f", "F", "en", None, (GoldEvent(("TUR",), ("SYR",), ("19",)),)),   # matched
    ]
    predictions = {
        "a": [_record("RUS", "12", "UKR")],
        "d": [_record("CHN", "17", "KOR")],
        "e": [_record("USA", "01", "CAN")],
        "f": [_record("TUR", "19", "SYR")],
    }
    candidates = {
        "b": [_candidate("111", ["FRA"], ["DEU"], "event")],
        "c": [_candidate("130", [], ["USA"], "no source")],
        "d": [_candidate("173", ["CHN"], ["KOR"], "event")],
    }
    report = score(gold, predictions)
    analysis = analyse(gold, report, candidates)
    causes = {m.item: m.cause for m in analysis.misses}
    assert causes == {"a": "wrong root", "b": "no trigger", "c": "no source", "d": "wrong target"}
    assert (analysis.empty_items, analysis.false_alarms) == (1, 1) and analysis.false_alarm_rate == 1.0
    assert analysis.per_sentence == 4 / 6
    assert analysis.roots["19"].matched == 1 and analysis.roots["19"].precision == 1.0
    assert analysis.roots["11"].gold == 1 and analysis.roots["11"].matched == 0
    table = analysis.format_roots()
    assert table.splitlines()[0].split()[:4] == ["root", "P", "R", "F1"]
    assert analysis.to_dict()["causes"]["no trigger"] == 1
