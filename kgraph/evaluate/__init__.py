"""Evaluation of extracted events against gold files (CONTRACT.md §4).

Typical use::

    from kgraph.evaluate import read_gold, read_predictions, score

    report = score(read_gold("gold.jsonl"), read_predictions("pred.jsonl"))
    print(report.format_table())
"""
from __future__ import annotations

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
    score,
)

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
    "Report",
    "Scores",
    "detect_format",
    "gold_tuples",
    "predicted_tuple",
    "read_gold",
    "read_gold_with_warnings",
    "read_predictions",
    "score",
]
