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
    # (file, F1 floor, precision floor, read consecutive lines of one article as that article)
    # measured F1 when set: see the README's accuracy table
    ("dev_fr.jsonl", 0.63, 0.71, False),
    ("dev_en.jsonl", 0.72, 0.71, False),
    ("gold/dev_fr.jsonl", 0.57, 0.71, False),
    ("gold/dev_en.jsonl", 0.62, 0.68, False),
    ("gold/test_fr.jsonl", 0.48, 0.64, False),
    ("gold/test_en.jsonl", 0.54, 0.62, False),
    # second round (2026-12-02): short articles among the lines
    ("gold/dev_c_fr.jsonl", 0.58, 0.71, True),
    ("gold/dev_c_en.jsonl", 0.44, 0.49, True),
    # test_c_fr precision fell 0.609 → 0.589 in session 18 (F1 0.516 → 0.509; test_e en 0.506 → 0.500;
    # the other test sets rose): reported in the README, not tuned away (its errors are never read)
    ("gold/test_c_fr.jsonl", 0.49, 0.57, True),
    ("gold/test_c_en.jsonl", 0.48, 0.56, True),
    # third round (2026-12-02): test only
    ("gold/test_d_fr.jsonl", 0.45, 0.63, True),
    ("gold/test_d_en.jsonl", 0.45, 0.46, True),
    # fourth round (2026-12-02, session 15): dev_e read, test_e test only (baseline at 6a3bb5b: en 0.465, fr 0.458)
    ("gold/dev_e_fr.jsonl", 0.55, 0.65, True),
    ("gold/dev_e_en.jsonl", 0.56, 0.59, True),
    ("gold/test_e_fr.jsonl", 0.54, 0.62, True),
    ("gold/test_e_en.jsonl", 0.49, 0.51, True),
]


@pytest.mark.parametrize(("name", "floor", "precision", "context"), FLOORS)
def test_f1_floor(extractor, name, floor, precision, context):
    items = read_gold(DATA / name)
    predictions, _ = predict(items, extractor, context=context)
    report = score(items, predictions)
    assert report.events.f1 >= floor, report.format_table()
    assert report.events.precision >= precision, report.format_table()


SEED = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "seed_fr_gold.jsonl"


@pytest.mark.skipif(not SEED.exists(), reason="the shared benchmarks are not beside the project")
def test_the_seed_article_read_as_one_article(extractor):
    """Its lines are one article: "Il", "nous" and "le ministre" resolve from earlier lines."""
    items = read_gold(SEED)
    predictions, _ = predict(items, extractor, context=True)
    report = score(items, predictions)
    assert report.events.f1 >= 0.60, report.format_table()
    alone, _ = predict(items, extractor)
    assert report.events.f1 > score(items, alone).events.f1


PHRASE_FLOORS = [
    # (file, share of phrases resolved to the right country alone): tools/actor_eval.py --phrases
    ("gold/actors_dev_en.jsonl", 0.95),
    ("gold/actors_dev_fr.jsonl", 0.95),
    ("gold/actors_test_en.jsonl", 0.95),  # test: scored only
    ("gold/actors_test_fr.jsonl", 0.92),
]


@pytest.mark.parametrize(("name", "floor"), PHRASE_FLOORS)
def test_actor_phrases_looked_up_alone(extractor, name, floor):
    """Gold actor phrases (ACTORS_BRIEF.md) resolve on their own, as `kgraph actors lookup` does."""
    import json

    from kgraph.actors.lookup import ActorLookup

    finder = ActorLookup(extractor)
    items = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    wrong = []
    for item in items:
        result = finder.lookup(item["text"], lang=item["lang"], date=item.get("date"))
        got = result.country or (result.code[:3] if result.code else None)
        if got != item["country"]:
            wrong.append(f"{item['text']!r} -> {result.code} (gold {item['country']})")
    share = 1 - len(wrong) / len(items)
    assert share >= floor, f"{share:.3f} < {floor}: " + "; ".join(wrong[:20])
