"""The benchmark script's corpus and report (benchmarks/run.py), without running any model."""
from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    spec = importlib.util.spec_from_file_location("kgraph_bench_run", ROOT / "benchmarks" / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_corpus_alternates_languages_with_paragraphs_of_sentences(tmp_path):
    bench = _bench()
    info = bench.make_corpus(tmp_path / "c.jsonl", 6, 15)
    records = [json.loads(line) for line in (tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["lang"] for r in records] == ["en", "fr"] * 3
    assert all(r["text"].count("\n") == 4 for r in records)  # five paragraphs of three sentences
    assert info["sentences"] == 90 and info["pool_en"] > 100 and info["pool_fr"] > 100
    again = tmp_path / "d.jsonl"
    bench.make_corpus(again, 6, 15)
    assert again.read_bytes() == (tmp_path / "c.jsonl").read_bytes()  # seeded: the same corpus every run


def test_measure_reports_a_process_memory_and_ratios():
    bench = _bench()
    m = bench.measure("alloc", [sys.executable, "-c", "x = bytearray(200 * 2**20); x[::4096] = b'1' * len(x[::4096])"],
                      dict(os.environ))
    assert m.status == 0 and m.max_rss_mb >= 200 and m.tree_rss_mb >= m.max_rss_mb * 0.5
    fake = {name: bench.Measure(name, "", wall, wall, 1, 1, 0)
            for name, wall in [("bare spaCy", 9.0), ("extract -j1", 10.0), ("extract -j2", 5.0), ("build ttl -j1", 11.0)]}
    got = {what: round(value, 2) for what, value, _ in bench.ratios(fake, [1, 2])}
    assert got["extract -j1 throughput / bare spaCy"] == 0.9
    assert got["extract -j2 throughput / -j1"] == 2.0
    assert got["build ttl -j1 time / extract -j1"] == 1.1
    assert "bare spaCy" in bench.table(list(fake.values()), 10)
