"""`kgraph extract --explain` and `kgraph evaluate --errors` show how events were found (slow)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kgraph.cli import cli

pytestmark = pytest.mark.slow


def test_explain_lists_triggers_rules_and_actor_resolution():
    result = CliRunner().invoke(cli, ["extract", "-", "--lang", "en", "--explain"],
                                input="Russia condemned the United States. Thousands of people marched.\n")
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{") and '"11"' in line]
    assert record["explain"]["row"].startswith("verb condemn") and "subject" in record["explain"]["rules"]
    assert record["source"]["rule"] and record["target"]["rule"]
    lines = [line for line in result.stderr.splitlines() if line.startswith("kgraph: explain")]
    assert any("«condemned»" in line and "→ event" in line for line in lines)
    assert any("«marched»" in line and "protesters of the place" in line for line in lines)


def test_evaluate_errors_groups_misses_by_cause(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"id": "g1", "lang": "en", "text": "Russia condemned the United States.",
                    "events": [{"source": ["RUS"], "target": ["USA"], "root": ["11"]}]}) + "\n"
        + json.dumps({"id": "g2", "lang": "en", "text": "The weather was fine in Paris.",
                      "events": [{"source": ["FRA"], "target": ["DEU"], "root": ["04"]}]}) + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["evaluate", str(gold), "--errors"])
    assert result.exit_code == 0, result.output
    assert "per CAMEO root" in result.stdout and "false alarms" in result.stdout
    assert "misses by cause: no trigger 1" in result.stdout
    assert "g2: missed FRA —04→ DEU" in result.stdout
