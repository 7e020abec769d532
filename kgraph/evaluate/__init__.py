"""Evaluation of extracted events against gold files (CONTRACT.md §4).

Typical use::

    from kgraph.evaluate import read_gold, read_predictions, score

    report = score(read_gold("gold.jsonl"), read_predictions("pred.jsonl"))
    print(report.format_table())

Which rules of the extractor make the false positives (the records need their explain trace)::

    from kgraph.evaluate import by_rule, format_by_rule, predict
    from kgraph.extract import Extractor

    items = read_gold("gold.jsonl")
    predictions, _ = predict(items, Extractor(), explain=True)
    print(format_by_rule(by_rule(items, predictions), min_events=3))
"""
from __future__ import annotations

from kgraph.evaluate.byrule import RuleRow, by_rule, format_by_rule
from kgraph.evaluate.gold import (
    PLOVER_CODE_FIXES,
    PLOVER_ROOTS,
    GoldEvent,
    GoldFormat,
    GoldFormatError,
    GoldItem,
    detect_format,
    read_gold,
    read_gold_with_warnings,
    read_predictions,
)
from kgraph.evaluate.score import (
    GoldTuple,
    ItemResult,
    Match,
    PredictedTuple,
    Report,
    Scores,
    gold_tuples,
    predicted_tuple,
    record_matches,
    score,
)
from kgraph.evaluate.predict import predict

__all__ = [
    "GoldEvent",
    "GoldFormat",
    "GoldFormatError",
    "GoldItem",
    "GoldTuple",
    "ItemResult",
    "Match",
    "PLOVER_CODE_FIXES",
    "PLOVER_ROOTS",
    "PredictedTuple",
    "RuleRow",
    "Report",
    "Scores",
    "by_rule",
    "detect_format",
    "format_by_rule",
    "gold_tuples",
    "predicted_tuple",
    "read_gold",
    "read_gold_with_warnings",
    "predict",
    "read_predictions",
    "record_matches",
    "score",
]
