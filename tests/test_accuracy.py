"""Accuracy must not slide back: F1 floors on the gold sets (slow).

- ``tests/data/dev_*.jsonl``: the first development sets (60 + 60 sentences).
- ``tests/data/gold/dev_*.jsonl`` and ``test_*.jsonl``: the held-out sets written without sight
  of the code, split once by ``tools/split_gold.py``. **test** is scored only, never read: its
  floor is the F1 measured when it was set, a little rounded down. Raise floors as extraction improves.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kgraph.evaluate import read_gold, score
from kgraph.evaluate.predict import predict

pytestmark = pytest.mark.slow
DATA = Path(__file__).parent / "data"

FLOORS = [
    # (file, F1 floor, precision floor)  measured F1 when set: see the README's accuracy table
    ("dev_fr.jsonl", 0.49, 0.60),
    ("dev_en.jsonl", 0.58, 0.60),
    ("gold/dev_fr.jsonl", 0.36, 0.55),
    ("gold/dev_en.jsonl", 0.43, 0.55),
    ("gold/test_fr.jsonl", 0.35, 0.55),
    ("gold/test_en.jsonl", 0.40, 0.55),
]


@pytest.mark.parametrize(("name", "floor", "precision"), FLOORS)
def test_f1_floor(extractor, name, floor, precision):
    items = read_gold(DATA / name)
    predictions, _ = predict(items, extractor)
    report = score(items, predictions)
    assert report.events.f1 >= floor, report.format_table()
    assert report.events.precision >= precision, report.format_table()
