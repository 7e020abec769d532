"""`kgraph export` from the command line: options reach the exporters, bad requests fail in one line."""
from __future__ import annotations

import os

import networkx as nx
import pytest
from click.testing import CliRunner

from kgraph.cli import cli
from kgraph.graph import save_graph, new_graph

from tests.export.helpers import mixed_graph, timeline_graph


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "events.ttl"
    save_graph(mixed_graph(), path)
    return path


@pytest.fixture()
def runner():
    return CliRunner()


def _one_line_error(result):
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("kgraph: error: ") and "Traceback" not in result.output
    return lines[0]


def test_gexf_options_from_the_command_line(runner, graph_file, tmp_path):
    out = tmp_path / "g.gexf"
    result = runner.invoke(cli, ["export", str(graph_file), "--to", "gephi", "-o", str(out), "--roots", "16",
                                 "--level", "actor", "--label-lang", "fr"])
    assert result.exit_code == 0, result.output
    net = nx.read_gexf(out, version="1.3")
    assert set(net.edges()) == {("USA", "TURGOV")} and net.nodes["USA"]["label"] == "États-Unis"


def test_dynamic_from_the_command_line(runner, tmp_path):
    source = tmp_path / "t.ttl"
    save_graph(timeline_graph(), source)
    out = tmp_path / "t.gexf"
    result = runner.invoke(cli, ["export", str(source), "--to", "gexf", "--dynamic", "--bin", "month", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert 'start="2020-03-01" end="2020-03-31"' in out.read_text(encoding="utf-8")


def test_unknown_format_is_one_line(runner, graph_file, tmp_path):
    line = _one_line_error(runner.invoke(cli, ["export", str(graph_file), "--to", "pdf", "-o", str(tmp_path / "x.pdf")]))
    assert "unknown export format 'pdf'" in line and "gexf" in line


def test_missing_directory_is_one_line(runner, graph_file, tmp_path):
    line = _one_line_error(runner.invoke(cli, ["export", str(graph_file), "--to", "gexf", "-o", str(tmp_path / "no" / "x.gexf")]))
    assert "no such directory" in line


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_directory_is_one_line(runner, graph_file, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    _one_line_error(runner.invoke(cli, ["export", str(graph_file), "--to", "gexf", "-o", str(locked / "x.gexf")]))


@pytest.mark.skipif(not os.path.isdir("/sys/kernel"), reason="needs Linux sysfs, read-only even for root")
def test_read_only_filesystem_is_one_line(runner, graph_file):
    line = _one_line_error(runner.invoke(cli, ["export", str(graph_file), "--to", "gexf", "-o", "/sys/kgraph-test.gexf"]))
    assert "/sys/kgraph-test.gexf: cannot write" in line


def test_output_that_is_a_directory_is_one_line(runner, graph_file, tmp_path):
    (tmp_path / "dir.gexf").mkdir()
    line = _one_line_error(runner.invoke(cli, ["export", str(graph_file), "--to", "gexf", "-o", str(tmp_path / "dir.gexf")]))
    assert "is a directory" in line


def test_empty_graph_is_one_line(runner, tmp_path):
    empty = tmp_path / "empty.nt"
    empty.write_text("", encoding="utf-8")
    line = _one_line_error(runner.invoke(cli, ["export", str(empty), "--to", "gexf", "-o", str(tmp_path / "x.gexf")]))
    assert "empty" in line
    assert not (tmp_path / "x.gexf").exists()


def test_graph_without_events_is_one_line(runner, tmp_path):
    graph = new_graph()
    from rdflib import Literal, URIRef

    graph.add((URIRef("urn:x"), URIRef("urn:p"), Literal("y")))
    path = tmp_path / "noevents.ttl"
    save_graph(graph, path)
    line = _one_line_error(runner.invoke(cli, ["export", str(path), "--to", "graphml", "-o", str(tmp_path / "x.graphml")]))
    assert "no events" in line


def test_broken_graph_file_is_one_line(runner, tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix kg: <https://w3id.org/kgraph/ontology#> .\nkg:a kg:b", encoding="utf-8")
    line = _one_line_error(runner.invoke(cli, ["export", str(broken), "--to", "gexf", "-o", str(tmp_path / "x.gexf")]))
    assert "broken.ttl: cannot parse" in line


@pytest.mark.parametrize("suffix", [".nq", ".trig", ".jsonld", ".nt"])
def test_export_reads_every_graph_syntax(runner, tmp_path, suffix):
    source = tmp_path / f"events{suffix}"
    save_graph(mixed_graph(), source)
    out = tmp_path / "g.gexf"
    result = runner.invoke(cli, ["export", str(source), "--to", "gexf", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert ("USA", "TUR") in set(nx.read_gexf(out, version="1.3").edges())


@pytest.mark.parametrize("fmt", ["nt", "ttl", "jsonld"])
@pytest.mark.parametrize("suffix", [".nt", ".ttl"])
def test_one_graph_file_to_one_graph_syntax_streams_without_a_store(runner, tmp_path, monkeypatch, suffix, fmt):
    import kgraph.export.sparql
    from kgraph.graph import load_graph

    from tests.export.test_rdf import _same_triples

    def no_store(path):
        raise AssertionError("a streamed conversion opened the graph")

    monkeypatch.setattr(kgraph.export.sparql, "open_export_graph", no_store)
    source = tmp_path / f"events{suffix}"
    save_graph(mixed_graph(), source)
    out = tmp_path / f"g.{fmt}"
    result = runner.invoke(cli, ["export", str(source), "--to", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert _same_triples(load_graph(out), mixed_graph()) and len(load_graph(out)) == len(mixed_graph())


def test_streamed_conversion_of_an_empty_or_broken_file_is_one_line(runner, tmp_path):
    empty, broken = tmp_path / "empty.ttl", tmp_path / "broken.nt"
    empty.write_text("@prefix kg: <https://w3id.org/kgraph/ontology#> .\n", encoding="utf-8")
    broken.write_text("<urn:a> <urn:b> .\n", encoding="utf-8")
    assert "empty" in _one_line_error(runner.invoke(cli, ["export", str(empty), "--to", "nt", "-o", str(tmp_path / "x.nt")]))
    line = _one_line_error(runner.invoke(cli, ["export", str(broken), "--to", "ttl", "-o", str(tmp_path / "x.ttl")]))
    assert "broken.nt: cannot parse as N-Triples" in line
    assert not (tmp_path / "x.nt").exists() and not (tmp_path / "x.ttl").exists()
