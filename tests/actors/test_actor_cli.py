"""--actors / --agents on the command line (model-backed: slow)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kgraph.cli import cli

pytestmark = pytest.mark.slow


def test_extract_with_a_petrarch_actor_dictionary(tmp_path):
    actors = tmp_path / "test.actors.txt"
    actors.write_text("ARNOR_ [ARN]\nGONDOR_ [GON]\n+MINAS_TIRITH_\n", encoding="utf-8")
    agents = tmp_path / "test.agents.txt"
    agents.write_text("STEWARD [~GOV]\n", encoding="utf-8")
    article = tmp_path / "a.jsonl"
    article.write_text(json.dumps({"id": "a", "lang": "en", "date": "2020-01-01",
                                   "text": "The steward of Arnor condemned Minas Tirith."}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article), "--actors", str(actors), "--agents", str(agents)])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert (record["source"]["code"], record["action"]["root"], record["target"]["code"]) == ("ARNGOV", "11", "GON")


def test_malformed_actor_dictionary_is_one_line_error(tmp_path):
    actors = tmp_path / "bad.actors.txt"
    actors.write_text("ARNOR_ [ARN]\n+GONDOR [GON 990101-98]\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Arnor condemned Gondor.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article), "--actors", str(actors)])
    assert result.exit_code == 1
    assert "bad.actors.txt:2: bad date '98'" in result.stderr
    assert "Traceback" not in result.stderr
