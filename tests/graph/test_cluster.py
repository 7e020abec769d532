"""build --engine dask: a real two-worker LocalCluster on loopback gives the local graph, triple for triple."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph.cli import cli
from kgraph.graph import open_graph

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"


def test_scheduler_needs_the_dask_engine(tmp_path):
    result = CliRunner().invoke(cli, ["build", "x.txt", "-o", str(tmp_path / "g.ttl"), "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2 and "--engine dask" in result.output


@pytest.mark.slow
def test_dask_build_equals_the_local_build(tmp_path):
    pytest.importorskip("distributed")
    lines = []
    for name in ("dev_en.jsonl", "dev_fr.jsonl"):
        for line in (GOLD / name).read_text(encoding="utf-8").splitlines()[:40]:
            record = json.loads(line)
            lines.append(json.dumps({k: record[k] for k in ("id", "lang", "date", "text")}, ensure_ascii=False))
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")  # 80 articles: two partitions, one per worker
    runner = CliRunner()
    local = runner.invoke(cli, ["build", str(corpus), "-o", str(tmp_path / "local"), "--jobs", "1"])
    assert local.exit_code == 0, local.output
    dask = runner.invoke(cli, ["build", str(corpus), "-o", str(tmp_path / "dask"), "--engine", "dask", "--jobs", "2"])
    assert dask.exit_code == 0, dask.output
    with open_graph(tmp_path / "local") as graph:
        expected = set(graph)
    with open_graph(tmp_path / "dask") as graph:
        got = set(graph)
    assert len(expected) > 500 and got == expected
    assert "80 articles" in dask.output
