"""``--verbs FILE``: a user's verb lexicon on extract and evaluate (model-backed: slow)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kgraph.cli import cli

pytestmark = pytest.mark.slow

SENTENCE = "The United States pummeled Iran."


@pytest.fixture()
def user_verbs(tmp_path):
    path = tmp_path / "my_verbs.tsv"
    path.write_text("# my verbs\nlang\tlemma\tobject\tcameo\tflags\texample\nen\tpummel\t\t195\t\tThe United States pummeled Iran.\n",
                    encoding="utf-8")
    return path


def _events(output: str):
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_extract_uses_a_user_verb_file(tmp_path, user_verbs):
    article = tmp_path / "a.jsonl"
    article.write_text(json.dumps({"id": "a", "text": SENTENCE, "lang": "en", "date": "2020-01-01"}) + "\n", encoding="utf-8")
    runner = CliRunner()
    without = runner.invoke(cli, ["extract", str(article)])
    with_verbs = runner.invoke(cli, ["extract", str(article), "--verbs", str(user_verbs)])
    assert without.exit_code == 0 and with_verbs.exit_code == 0, with_verbs.output
    assert not [e for e in _events(without.stdout) if e["action"]["cameo"] == "195"]
    found = {(e["source"]["code"], e["action"]["cameo"], e["target"]["code"]) for e in _events(with_verbs.stdout)}
    assert ("USA", "195", "IRN") in found


def test_evaluate_accepts_verbs_and_a_broken_file_is_one_line(tmp_path, user_verbs):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g", "lang": "en", "text": SENTENCE,
                                "events": [{"source": ["USA"], "target": ["IRN"], "root": ["19"]}]}) + "\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["evaluate", str(gold), "--verbs", str(user_verbs), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["events"]["matched"] == 1
    broken = tmp_path / "broken.tsv"
    broken.write_text("lang\tlemma\tobject\tcameo\nen\tpummel\t\t9999\n", encoding="utf-8")
    failed = runner.invoke(cli, ["evaluate", str(gold), "--verbs", str(broken)])
    assert failed.exit_code == 1
    assert failed.output.strip().splitlines()[-1].endswith("broken.tsv:2: unknown CAMEO code '9999'")
