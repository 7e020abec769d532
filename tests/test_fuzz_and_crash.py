"""Fuzzing the readers and killing builds: no traceback, no partial graph (bounded for CI)."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from kgraph.cli import cli
from kgraph.graph.store import open_graph
from kgraph.reader import Article, Skipped, read_inputs

from tests.conftest import ROOT

_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=200)  # any code point: NUL, surrogates, RTL marks
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | _TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["id", "text", "date", "lang", "url", "title", "x"]), inner, max_size=5),
    max_leaves=8,
)
_FILE = st.one_of(
    st.tuples(st.just(".txt"), st.binary(max_size=300)),
    st.tuples(st.just(".txt"), _TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))),
    st.tuples(st.just(".jsonl"), st.lists(_JSON, max_size=4).map(lambda vs: "\n".join(json.dumps(v) for v in vs).encode())),
    st.tuples(st.just(".jsonl"), st.binary(max_size=200)),
    st.tuples(st.just(".json"), _JSON.map(lambda v: json.dumps(v).encode())),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=st.lists(_FILE, min_size=1, max_size=4))
def test_readers_never_raise_and_name_every_skipped_item(tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("fuzz")
    for n, (suffix, data) in enumerate(files):
        (folder / f"f{n}{suffix}").write_bytes(data)
    for item in read_inputs([folder]):
        if isinstance(item, Skipped):
            assert item.origin.startswith(str(folder)) and item.reason
        else:
            assert isinstance(item, Article) and isinstance(item.text, str) and item.text.strip()
            item.text.encode("utf-8")  # no lone surrogate reaches the parser or the output
            assert isinstance(item.doc_id, str)


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=st.lists(_FILE, min_size=1, max_size=3))
def test_extract_on_random_input_exits_cleanly(tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("fuzzcli")
    for n, (suffix, data) in enumerate(files):
        (folder / f"f{n}{suffix}").write_bytes(data)
    result = CliRunner().invoke(cli, ["extract", str(folder), "--lang", "en"])
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    skipped = [line for line in result.stderr.splitlines() if line.startswith("kgraph: skipped ")]
    for line in skipped:
        assert str(folder) in line or "<stdin>" in line
    read = {item.origin for item in read_inputs([folder]) if isinstance(item, Skipped)}
    assert len(skipped) == len(read) or result.exit_code == 1


# ------------------------------------------------------------------ crash test
_NEWS = "\n".join([
    "Russia condemned the United States on Monday.",
    "France and Germany signed a trade agreement in Berlin.",
    "Iran threatened Israel with retaliation after the strike.",
    "China criticised Japan over the disputed islands.",
    "Turkey accused Greece of violating its airspace.",
] * 4)


def _build(*args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "kgraph", "build", *args, "--lang", "en", "--date", "2021-03-01"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)


def _kill_at_random(args: list[str], duration: float, rng: random.Random) -> None:
    proc = _build(*args)
    time.sleep(rng.uniform(0.5, 1.05) * duration)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)


@pytest.mark.slow
def test_sigkill_never_leaves_a_partial_graph(tmp_path):
    """Kill builds at random moments: the graph is the old one byte for byte, or the whole new one."""
    rng = random.Random(20261201)
    old_news, new_news = tmp_path / "old.txt", tmp_path / "new.txt"
    old_news.write_text("Russia condemned the United States on Monday.\n", encoding="utf-8")
    new_news.write_text(_NEWS, encoding="utf-8")
    graph, reference = tmp_path / "g.ttl", tmp_path / "ref.ttl"
    assert _build(str(old_news), "-o", str(graph)).wait(120) == 0
    started = time.monotonic()
    assert _build(str(new_news), "-o", str(reference)).wait(120) == 0
    duration = time.monotonic() - started
    old_bytes, new_triples = graph.read_bytes(), len(Graph().parse(reference))
    for _ in range(3):
        _kill_at_random([str(new_news), "-o", str(graph)], duration, rng)
        if graph.read_bytes() != old_bytes:
            assert len(Graph().parse(graph)) == new_triples
            graph.write_bytes(old_bytes)
    # the same for --append on a store: the old count, or the whole merged one (appends are idempotent)
    store, merged = tmp_path / "store", tmp_path / "merged"
    for target in (store, merged):
        assert _build(str(old_news), "-o", str(target)).wait(120) == 0
    assert _build(str(new_news), "-o", str(merged), "--append").wait(120) == 0
    with open_graph(store) as g:
        before = len(g)
    with open_graph(merged) as g:
        complete = len(g)
    assert complete > before
    for _ in range(3):
        _kill_at_random([str(new_news), "-o", str(store), "--append"], duration, rng)
        with open_graph(store) as g:
            assert len(g) in (before, complete)
    # a killed build may leave its temporary file or store behind; the next build sweeps them away
    for args in ([str(old_news), "-o", str(graph)], [str(old_news), "-o", str(store), "--append"]):
        assert _build(*args).wait(120) == 0
    assert not [p.name for p in tmp_path.iterdir() if ".new." in p.name or p.name.endswith(".tmp")]
