"""Extraction over worker processes: the same output, in the same order, as one process."""
from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph.cli import cli
from kgraph.extract import parallel
from kgraph.extract.parallel import _chunks, available_cores, default_jobs
from kgraph.reader import Article, read_inputs

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "gold"
FRENCH_ARTICLE = ROOT / "examples" / "rt_fr_turquie_s400.txt"


def _mixed(tmp_path: Path, per_lang: int = 24) -> Path:
    """A JSONL corpus of alternating English and French gold sentences (without ``lang``: detected)."""
    lines = []
    en = (GOLD / "dev_en.jsonl").read_text(encoding="utf-8").splitlines()[:per_lang]
    fr = (GOLD / "dev_fr.jsonl").read_text(encoding="utf-8").splitlines()[:per_lang]
    for a, b in zip(en, fr):
        for line in (a, b):
            record = json.loads(line)
            lines.append(json.dumps({"id": record["id"], "text": record["text"], "date": record["date"]}, ensure_ascii=False))
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_default_jobs_is_the_cores_capped():
    assert 1 <= default_jobs() <= min(available_cores(), parallel.MAX_DEFAULT_JOBS)


def test_chunks_keep_order_and_size():
    chunks = list(_chunks(iter(range(10)), 4))
    assert chunks == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]
    assert list(_chunks(iter([]), 4)) == []


def test_jobs_must_be_positive():
    result = CliRunner().invoke(cli, ["extract", "-", "--jobs", "0"], input="x")
    assert result.exit_code == 2


@pytest.mark.slow
def test_extract_jsonl_is_byte_identical_for_jobs_1_and_2(tmp_path):
    corpus = _mixed(tmp_path)  # 48 articles: two chunks of 32 at least, so workers really run
    runner = CliRunner()
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}.jsonl"
        result = runner.invoke(cli, ["extract", str(corpus), "--jobs", jobs, "-o", str(out)])
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0].count(b"\n") > 10  # enough events for the comparison to mean something


@pytest.mark.slow
def test_workers_keep_segments_trace_and_order(extractor, tmp_path):
    """Small batches and a small length limit: long articles cut in segments, traced, across processes."""
    from kgraph.extract import Extractor

    articles = [a for a in read_inputs([_mixed(tmp_path, 8)]) if isinstance(a, Article)]
    articles += list(read_inputs([FRENCH_ARTICLE], date="2020-12-30"))
    options = {"batch_size": 3, "max_chars": 400, "trace": True}
    serial = list(Extractor(**options).extract_many(articles))
    spread = list(Extractor(**options, jobs=2).extract_many(iter(articles)))
    assert [r.article.doc_id for r in spread] == [a.doc_id for a in articles]
    assert spread == serial
    assert len(Extractor(max_chars=400).segments(articles[-1])) > 1
    assert sum(len(r.candidates) for r in spread) > 0


@pytest.mark.slow
def test_workers_read_the_input_lazily(tmp_path):
    from kgraph.extract import Extractor

    articles = [a for a in read_inputs([GOLD / "dev_en.jsonl"]) if isinstance(a, Article)]  # one model per worker
    taken = 0

    def counted():
        nonlocal taken
        for article in articles:
            taken += 1
            yield article

    results = Extractor(batch_size=4, jobs=2).extract_many(counted())
    first = list(islice(results, 1))
    assert first[0].article.doc_id == articles[0].doc_id
    assert taken <= 4 * (parallel._AHEAD * 2 + 1)  # a few chunks ahead, not the whole input
    results.close()
