"""Nothing lost, ever: the reliability cases of the command line (issue "Nothing lost").

Each test reproduces one way a user could lose data or get a traceback.
"""
from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kgraph.cli import cli
from kgraph.graph.store import STORE_MARKER
from kgraph.safeio import locked

from tests.conftest import FRENCH_ARTICLE, ROOT

pytestmark = pytest.mark.slow

EN_NEWS = (
    "Russia condemned the United States on Monday.\n"
    "France and Germany signed a trade agreement in Berlin.\n"
)


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def _news(tmp_path: Path, text: str = EN_NEWS, name: str = "news.txt") -> Path:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def _kgraph(*args: str, **kwargs) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "kgraph", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, **kwargs)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _one_error_line(result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("kgraph: error:")]
    assert len(lines) == 1, result.stderr
    return lines[0]


# 1 ------------------------------------------------------------ foreign directories
def test_build_into_a_foreign_directory_is_refused_and_nothing_touched(runner, tmp_path, monkeypatch):
    news = _news(tmp_path)
    keep = tmp_path / "keep"
    keep.mkdir()
    (keep / "notes.txt").write_text("precious")
    before = _snapshot(tmp_path)
    for target in (str(keep), str(news), "."):
        monkeypatch.chdir(tmp_path)
        line = _one_error_line(runner.invoke(cli, ["build", str(news), "-o", target, "--lang", "en"]))
        assert "not a kgraph store" in line
        assert _snapshot(tmp_path) == before


def test_a_store_carries_its_marker_and_is_replaced_only_then(runner, tmp_path):
    news = _news(tmp_path)
    store = tmp_path / "store"
    assert runner.invoke(cli, ["build", str(news), "-o", str(store), "--lang", "en"]).exit_code == 0
    assert (store / STORE_MARKER).is_file()
    result = runner.invoke(cli, ["build", str(news), "-o", str(store), "--lang", "en"])
    assert result.exit_code == 0, result.output
    (store / STORE_MARKER).unlink()  # an Oxigraph directory kgraph did not mark is foreign
    assert "not a kgraph store" in _one_error_line(runner.invoke(cli, ["build", str(news), "-o", str(store), "--lang", "en"]))


# 2 ------------------------------------------------------------ nothing read, empty graphs
def test_mistyped_input_leaves_the_graph_untouched(runner, tmp_path):
    graph = tmp_path / "graph.ttl"
    news = _news(tmp_path)
    assert runner.invoke(cli, ["build", str(news), "-o", str(graph), "--lang", "en"]).exit_code == 0
    before = graph.read_bytes()
    line = _one_error_line(runner.invoke(cli, ["build", str(tmp_path / "nws"), "-o", str(graph)]))
    assert "no article could be read" in line and graph.read_bytes() == before
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\x00\x00\x00")
    _one_error_line(runner.invoke(cli, ["build", str(tmp_path / "bin.txt"), "-o", str(graph)]))
    assert graph.read_bytes() == before


def test_a_graph_is_not_replaced_by_one_without_events_unless_allowed(runner, tmp_path):
    graph = tmp_path / "graph.ttl"
    assert runner.invoke(cli, ["build", str(_news(tmp_path)), "-o", str(graph), "--lang", "en"]).exit_code == 0
    before = graph.read_bytes()
    quiet = _news(tmp_path, "It rained all day in the capital and the markets were closed.\n", "quiet.txt")
    quiet_file = quiet / "quiet.txt"
    line = _one_error_line(runner.invoke(cli, ["build", str(quiet_file), "-o", str(graph), "--lang", "en"]))
    assert "--allow-empty" in line and graph.read_bytes() == before
    result = runner.invoke(cli, ["build", str(quiet_file), "-o", str(graph), "--lang", "en", "--allow-empty"])
    assert result.exit_code == 0 and graph.read_bytes() != before


# 3 ------------------------------------------------------------ concurrent appends
def test_a_second_build_waits_for_the_lock_or_gives_up_clearly(tmp_path):
    news = _news(tmp_path)
    graph = tmp_path / "g.ttl"
    with locked(graph):
        proc = _kgraph("build", str(news), "-o", str(graph), "--append", "--lang", "en", "--lock-timeout", "1")
        _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1 and "another kgraph process" in err and "Traceback" not in err
    assert not graph.exists()
    with locked(graph):
        proc = _kgraph("build", str(news), "-o", str(graph), "--append", "--lang", "en")
        # The model loads, then the build says it waits for the lock (however long loading takes
        # on a busy machine) and keeps waiting while the lock is held.
        first = proc.stderr.readline()
        while first and "waiting for another kgraph process" not in first:
            first = proc.stderr.readline()
        time.sleep(1)
        assert proc.poll() is None
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0 and "waiting for another kgraph process" in first
    assert len(Graph().parse(graph)) > 0


# 4 ------------------------------------------------------------ long articles
def test_an_article_over_the_model_limit_is_parsed_in_chunks(runner, tmp_path):
    # 1.2 M characters (spaCy's limit is 1 M): two events far apart, blank space between.
    text = "Russia condemned the United States.\n" + " " * 1_200_000 + "\nFrance criticised Iran.\n"
    news = _news(tmp_path, text, "long.txt")
    result = runner.invoke(cli, ["extract", str(news), "--lang", "en"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    found = {(r["source"]["code"], r["action"]["root"], r["target"]["code"]) for r in records}
    assert {("RUS", "11", "USA"), ("FRA", "11", "IRN")} <= found
    late = next(r for r in records if r["source"]["code"] == "FRA")
    assert text[late["char_start"] : late["char_end"]].startswith("France")


def test_chunked_and_whole_parses_give_the_same_events_and_offsets(extractor):
    from kgraph.extract import Extractor
    from kgraph.reader import Article

    text = "\n".join([
        "Russia condemned the United States on Monday.",
        "France and Germany signed a trade agreement.",
        "Iran threatened Israel with retaliation.",
        "China criticised Japan over the islands.",
    ] * 3)
    article = Article(doc_id="long", text=text, lang="en", date="2021-03-01")
    small = Extractor(lang="en", max_chars=120)
    assert len(small.segments(article)) > 3
    whole = [e.to_record() for e in extractor.extract(article).events]
    chunked = [e.to_record() for e in small.extract(article).events]
    key = lambda r: (r["char_start"], r["char_end"], r["source"]["code"], r["action"]["cameo"], (r["target"] or {}).get("code"))  # noqa: E731
    assert sorted(map(key, chunked)) == sorted(map(key, whole)) and whole
    for record in chunked:
        assert text[record["char_start"] : record["char_end"]] in record["sentence"]


# 5 ------------------------------------------------------------ unwritable outputs
@pytest.mark.parametrize("command", ["build", "extract", "export"])
def test_unwritable_outputs_are_one_line(runner, tmp_path, command):
    news = _news(tmp_path)
    graph = tmp_path / "g.ttl"
    assert runner.invoke(cli, ["build", str(news), "-o", str(graph), "--lang", "en"]).exit_code == 0
    (tmp_path / "file.ttl").write_text("x")
    for output in ("/proc/x.ttl", str(tmp_path / "file.ttl" / "x.ttl"), str(tmp_path / "nodir" / "x.ttl"),
                   str(tmp_path / "in")):
        if command == "export":
            args = ["export", str(graph), "--to", "ttl", "-o", output]
        else:
            args = [command, str(news), "-o", output, "--lang", "en"]
        line = _one_error_line(runner.invoke(cli, args))
        assert output in line


# 6 ------------------------------------------------------------ -o -, symlinks, FIFOs
def test_dash_is_stdout_for_every_text_output(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    news = _news(tmp_path)
    built = runner.invoke(cli, ["build", str(news), "-o", "-", "--lang", "en"])
    assert built.exit_code == 0 and "@prefix" in built.stdout
    assert runner.invoke(cli, ["build", str(news), "-o", "g.ttl", "--lang", "en"]).exit_code == 0
    for fmt in ("ttl", "csv", "gexf"):
        result = runner.invoke(cli, ["export", "g.ttl", "--to", fmt, "-o", "-"])
        assert result.exit_code == 0 and result.stdout.strip(), fmt
    extracted = runner.invoke(cli, ["extract", str(news), "-o", "-", "--lang", "en"])
    assert extracted.exit_code == 0 and extracted.stdout.startswith("{")
    assert not (tmp_path / "-").exists()


def test_symlinked_graph_is_followed(runner, tmp_path):
    news = _news(tmp_path)
    real = tmp_path / "real.ttl"
    link = tmp_path / "link.ttl"
    assert runner.invoke(cli, ["build", str(news), "-o", str(real), "--lang", "en"]).exit_code == 0
    link.symlink_to(real)
    assert runner.invoke(cli, ["build", str(news), "-o", str(link), "--lang", "en", "--append"]).exit_code == 0
    assert link.is_symlink() and len(Graph().parse(real)) > 0


# 7 ------------------------------------------------------------ modes
def test_modes_are_kept_on_replace_and_follow_the_umask_when_new(runner, tmp_path):
    news = _news(tmp_path)
    graph = tmp_path / "g.ttl"
    mask = os.umask(0o022)
    try:
        assert runner.invoke(cli, ["build", str(news), "-o", str(graph), "--lang", "en"]).exit_code == 0
        assert stat.S_IMODE(graph.stat().st_mode) == 0o644
        graph.chmod(0o664)
        assert runner.invoke(cli, ["build", str(news), "-o", str(graph), "--lang", "en"]).exit_code == 0
        assert stat.S_IMODE(graph.stat().st_mode) == 0o664
        out = tmp_path / "g.csv"
        assert runner.invoke(cli, ["export", str(graph), "--to", "csv", "-o", str(out)]).exit_code == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o644
    finally:
        os.umask(mask)


# 8 ------------------------------------------------------------ plain directories as graphs
@pytest.mark.parametrize("command", [["query", "{}", "--name", "triples"], ["validate", "{}"], ["export", "{}", "--to", "csv", "-o", "-"]])
def test_reading_a_plain_directory_is_an_error_and_writes_nothing(runner, tmp_path, command):
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "a.txt").write_text("a")
    before = _snapshot(tmp_path)
    line = _one_error_line(runner.invoke(cli, [part.format(plain) for part in command]))
    assert "not a kgraph store" in line and _snapshot(tmp_path) == before


# 9, 10 --------------------------------------------------------- languages
def test_unsupported_languages_are_skipped_and_counted(runner, tmp_path):
    news = _news(tmp_path, "Die Bundesregierung hat am Montag neue Sanktionen gegen Russland beschlossen, "
                           "teilte ein Sprecher in Berlin mit. Die Maßnahmen treten sofort in Kraft.\n", "de.txt")
    (news / "news.jsonl").write_text(
        json.dumps({"id": "ar", "text": "Russia condemned the United States.", "lang": "de"}) + "\n"
        + json.dumps({"id": "ok", "text": "Russia condemned the United States on Monday.", "lang": "en"}) + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["extract", str(news)])
    assert result.exit_code == 0, result.output
    assert sum("language de is not supported (fr, en)" in line for line in result.stderr.splitlines()) == 2
    assert "2 input items skipped" in result.stderr
    assert {json.loads(line)["doc_id"] for line in result.stdout.splitlines()} == {"ok"}


def test_an_article_mixing_french_and_english_is_parsed_per_language(runner, tmp_path):
    text = ("La Russie a condamné les États-Unis lundi après les nouvelles sanctions.\n"
            "France criticised Iran over its nuclear programme on Tuesday.\n")
    result = runner.invoke(cli, ["extract", str(_news(tmp_path, text, "mixed.txt")), "--date", "2021-03-03"])
    assert result.exit_code == 0, result.output
    langs = {(json.loads(line)["source"]["code"], json.loads(line)["lang"]) for line in result.stdout.splitlines()}
    assert ("RUS", "fr") in langs and ("FRA", "en") in langs


# 11, 12 -------------------------------------------------------- JSONL fields
def test_jsonl_without_date_takes_the_file_date_and_says_so(runner, tmp_path):
    news = tmp_path / "news.jsonl"
    news.write_text(
        json.dumps({"id": "a", "text": "Russia condemned the United States.", "lang": "en"}) + "\n"
        + json.dumps({"id": "b", "text": "Russia condemned the United States.", "lang": "en", "date": "2020-01-02"}) + "\n"
        + json.dumps({"id": "c", "text": "Russia condemned the United States on Tuesday.", "lang": "en", "date": "2021-03-05"}) + "\n",
        encoding="utf-8",
    )
    os.utime(news, (1_600_000_000, 1_600_000_000))  # 2020-09-13
    result = runner.invoke(cli, ["extract", str(news)])
    records = {json.loads(line)["doc_id"]: json.loads(line) for line in result.stdout.splitlines()}
    assert (records["a"]["date"], records["a"]["date_source"]) == ("2020-09-13", "file")
    assert (records["b"]["date"], records["b"]["date_source"]) == ("2020-01-02", "article")
    assert (records["c"]["date"], records["c"]["date_source"]) == ("2021-03-02", "text")


def test_wrong_json_types_are_named(runner, tmp_path):
    news = tmp_path / "news.jsonl"
    news.write_text('{"text": 12345}\n{"id": ["x"], "text": "Russia condemned the United States."}\n'
                    '{"id": "ok", "text": "Russia condemned the United States.", "lang": "en"}\n', encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(news)])
    assert result.exit_code == 0
    assert "news.jsonl:1: \"text\" must be a string, not a number" in result.stderr
    assert "news.jsonl:2: \"id\" must be a string or number, not a list" in result.stderr


# 13 ------------------------------------------------------------ SIGTERM
def test_sigterm_during_export_leaves_no_temporary_file(tmp_path):
    big = tmp_path / "big.nt"
    with open(big, "w", encoding="utf-8") as out:
        for i in range(150_000):
            out.write(f'<urn:s{i}> <urn:p{i % 7}> "value {i}" .\n')
    target = tmp_path / "out.ttl"
    proc = _kgraph("export", str(big), "--to", "ttl", "-o", str(target))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):
            break
        time.sleep(0.01)
    assert proc.poll() is None, "export finished before the test could interrupt it"
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.nt"]


# 14, 15 -------------------------------------------------------- broken graphs, UTF-16
def test_a_corrupt_graph_names_file_line_and_reason(runner, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix ex: <http://e/> .\nex:a ex:b ex:c ;\n  ex:d "open\n', encoding="utf-8")
    line = _one_error_line(runner.invoke(cli, ["query", str(bad), "--name", "triples"]))
    assert str(bad) in line and "line 3" in line and "newline found in string literal" in line


def test_utf16_with_bom_is_read_and_without_is_named(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bom.txt").write_bytes("Russia condemned the United States.\n".encode("utf-16"))
    (folder / "nobom.txt").write_bytes("Russia condemned the United States.\n".encode("utf-16-le"))
    result = runner.invoke(cli, ["extract", str(folder), "--lang", "en"])
    assert result.exit_code == 0
    assert [json.loads(line)["doc_id"] for line in result.stdout.splitlines()] == ["bom.txt"]
    assert "nobom.txt: UTF-16 without BOM is not supported" in result.stderr
