"""Exports from a graph file bigger than KGRAPH_EXPORT_MEMORY_MIB go through a temporary store on disk.

The threshold is set to 0 here, so a small file takes the disk path: the outputs must be those of the
in-memory path, and the temporary directory must be gone afterwards, whatever ended the export.
"""
from __future__ import annotations

import tempfile

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import kgraph.export
import kgraph.export.sparql as sparql
from kgraph.cli import cli
from kgraph.errors import GraphError
from kgraph.graph import save_graph

from tests.export.helpers import busy_graph, mixed_graph

#: (format, options, how outputs are compared): the disk store returns rows in its index order, the
#: in-memory store in insertion order, so some outputs hold the same lines in another order. (N-Quads
#: and TriG from an N-Triples file are streamed without a store: see the last tests.)
CASES = [
    ("gexf", [], "bytes"),
    ("gexf", ["--dynamic", "--bin", "week"], "bytes"),
    ("gexf", ["--bipartite"], "lines"),
    ("graphml", [], "bytes"),
    ("gdelt", ["--header"], "lines"),
    ("gdelt-mentions", [], "lines"),
    ("csv", [], "lines"),
]


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("disk") / "events.nt"
    save_graph(busy_graph(20, 100), path)
    return path


@pytest.fixture()
def temp_root(tmp_path, monkeypatch):
    """The system's temporary directory, pointed at an empty folder of the test's own (as TMPDIR would)."""
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


@pytest.fixture()
def runner():
    return CliRunner()


def _export(runner, source, fmt, options, out):
    result = runner.invoke(cli, ["export", str(source), "--to", fmt, "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    return out


def _spy_on_stores(monkeypatch, temp_root):
    """Record, for each export, the kgraph-export-* directories that exist while the exporter runs."""
    seen: list[list[str]] = []
    real = kgraph.export.export

    def spying(graph, *args, **kwargs):
        seen.append(sorted(p.name for p in temp_root.iterdir()))
        return real(graph, *args, **kwargs)

    monkeypatch.setattr(kgraph.export, "export", spying)
    return seen


def _one_line_error(result):
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("kgraph: error: ") and "Traceback" not in result.output
    return lines[0]


@pytest.mark.parametrize(("fmt", "options", "compare"), CASES, ids=[f"{c[0]}{''.join(c[1])}" for c in CASES])
def test_disk_store_export_equals_the_in_memory_one(runner, graph_file, tmp_path, temp_root, monkeypatch,
                                                    fmt, options, compare):
    seen = _spy_on_stores(monkeypatch, temp_root)
    monkeypatch.setenv(sparql.MEMORY_ENV, "1024")
    memory = _export(runner, graph_file, fmt, options, tmp_path / f"memory.{fmt}")
    monkeypatch.setenv(sparql.MEMORY_ENV, "0")
    disk = _export(runner, graph_file, fmt, options, tmp_path / f"disk.{fmt}")
    assert seen[0] == [] and len(seen[1]) == 1 and seen[1][0].startswith("kgraph-export-")
    assert list(temp_root.iterdir()) == []
    if compare == "bytes":
        assert disk.read_bytes() == memory.read_bytes()
    elif compare == "lines":
        assert sorted(disk.read_text().splitlines()) == sorted(memory.read_text().splitlines())
    else:
        assert set(ox.parse(path=str(disk))) == set(ox.parse(path=str(memory)))
    assert memory.stat().st_size > 1000


@pytest.mark.parametrize("syntax", [".ttl", ".trig", ".nq", ".jsonld"])
def test_every_graph_syntax_loads_into_the_disk_store(runner, tmp_path, temp_root, monkeypatch, syntax):
    source = tmp_path / f"events{syntax}"
    save_graph(mixed_graph(), source)
    monkeypatch.setenv(sparql.MEMORY_ENV, "0")
    seen = _spy_on_stores(monkeypatch, temp_root)
    out = _export(runner, source, "csv", [], tmp_path / "events.csv")
    assert len(seen[0]) == 1 and "USA" in out.read_text()
    assert list(temp_root.iterdir()) == []


def test_threshold_in_mib_decides_which_store(graph_file, temp_root, monkeypatch):
    size_mib = graph_file.stat().st_size / 2**20
    for value, on_disk in [(size_mib * 1.01, False), (size_mib * 0.99, True), ("", False)]:
        monkeypatch.setenv(sparql.MEMORY_ENV, str(value))
        with sparql.open_export_graph(graph_file) as graph:
            store = sparql.oxigraph_store(graph)
            assert len(store) > 1000
            assert len(list(temp_root.iterdir())) == on_disk, value
            del store
        assert list(temp_root.iterdir()) == []


@pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt])
def test_temporary_store_is_removed_when_the_export_raises(graph_file, temp_root, monkeypatch, error):
    monkeypatch.setenv(sparql.MEMORY_ENV, "0")
    with pytest.raises(error):
        with sparql.open_export_graph(graph_file) as graph:
            rows = sparql.select(graph, "SELECT ?s WHERE { ?s ?p ?o }")
            next(rows)  # a half-read query keeps the store referenced from the traceback's frames
            assert len(list(temp_root.iterdir())) == 1
            raise error("stop")
    assert list(temp_root.iterdir()) == []


def test_temporary_store_is_removed_when_an_exporter_fails(runner, graph_file, tmp_path, temp_root, monkeypatch):
    monkeypatch.setenv(sparql.MEMORY_ENV, "0")

    def failing(graph, *args, **kwargs):
        assert next(sparql.select(graph, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"))
        raise GraphError("exporter gave up")

    monkeypatch.setattr(kgraph.export, "export", failing)
    line = _one_line_error(runner.invoke(cli, ["export", str(graph_file), "--to", "csv", "-o", str(tmp_path / "x.csv")]))
    assert "exporter gave up" in line
    assert list(temp_root.iterdir()) == [] and not (tmp_path / "x.csv").exists()


def test_broken_file_on_the_disk_path_is_one_line_and_leaves_nothing(runner, tmp_path, temp_root, monkeypatch):
    monkeypatch.setenv(sparql.MEMORY_ENV, "0")
    broken = tmp_path / "broken.nt"
    broken.write_text("<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> .\n", encoding="utf-8")
    line = _one_line_error(runner.invoke(cli, ["export", str(broken), "--to", "gexf", "-o", str(tmp_path / "x.gexf")]))
    assert "broken.nt: cannot parse as N-Triples" in line
    assert list(temp_root.iterdir()) == [] and sorted(p.name for p in tmp_path.iterdir()) == ["broken.nt", "tmp"]


def test_unusable_temporary_directory_is_one_line(runner, graph_file, tmp_path, monkeypatch):
    monkeypatch.setenv(sparql.MEMORY_ENV, "0")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "missing"))
    line = _one_line_error(runner.invoke(cli, ["export", str(graph_file), "--to", "csv", "-o", str(tmp_path / "x.csv")]))
    assert "cannot create a temporary store in" in line and "TMPDIR" in line
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize("value", ["lots", "-1", "nan", "inf"])
def test_bad_threshold_is_one_line(runner, graph_file, tmp_path, monkeypatch, value):
    monkeypatch.setenv(sparql.MEMORY_ENV, value)
    line = _one_line_error(runner.invoke(cli, ["export", str(graph_file), "--to", "csv", "-o", str(tmp_path / "x.csv")]))
    assert sparql.MEMORY_ENV in line and "MiB" in line


def test_temporary_store_is_made_under_the_temp_dir_not_beside_the_graph(graph_file, temp_root, monkeypatch):
    monkeypatch.setenv(sparql.MEMORY_ENV, "0")
    beside = sorted(p.name for p in graph_file.parent.iterdir())
    with sparql.open_export_graph(graph_file) as graph:
        assert sparql.has_triples(graph)
        (made,) = temp_root.iterdir()
        assert made.name.startswith("kgraph-export-") and any(made.iterdir())
        assert sorted(p.name for p in graph_file.parent.iterdir()) == beside
    assert not made.exists()


@pytest.mark.parametrize("suffix", [".nt", ".nq"])
def test_blank_nodes_stay_one_node_across_load_batches(tmp_path, temp_root, monkeypatch, suffix):
    monkeypatch.setenv(sparql.MEMORY_ENV, "0")
    monkeypatch.setattr(sparql, "BATCH_TRIPLES", 2)
    source = tmp_path / f"blank{suffix}"
    graph = " <urn:g>" if suffix == ".nq" else ""
    source.write_text("".join(f"_:b <urn:p{n}> \"{n}\"{graph} .\n" for n in range(7)), encoding="utf-8")
    with sparql.open_export_graph(source) as opened:
        store = sparql.oxigraph_store(opened)
        assert len(store) == 7 and len({q.subject for q in store}) == 1
        del store


def test_a_file_without_blank_nodes_loads_in_batches_with_file_line_numbers(runner, tmp_path, temp_root, monkeypatch):
    monkeypatch.setenv(sparql.MEMORY_ENV, "0")
    monkeypatch.setattr(sparql, "BATCH_TRIPLES", 3)
    source = tmp_path / "many.nt"
    lines = [f"<urn:s{n}> <urn:p> \"{n}\" .\n" for n in range(10)]
    source.write_text("".join(lines), encoding="utf-8")
    with sparql.open_export_graph(source) as opened:
        store = sparql.oxigraph_store(opened)
        assert len(store) == 10
        del store
    lines[7] = "<urn:s7> <urn:p> .\n"
    source.write_text("".join(lines), encoding="utf-8")
    line = _one_line_error(runner.invoke(cli, ["export", str(source), "--to", "csv", "-o", str(tmp_path / "x.csv")]))
    assert "line 8 " in line and list(temp_root.iterdir()) == []


@pytest.mark.parametrize("fmt", ["nq", "trig"])
@pytest.mark.parametrize("suffix", [".nt", ".ttl"])
def test_quads_of_a_one_graph_file_stream_without_a_store_and_match_the_store_path(
        runner, tmp_path, temp_root, monkeypatch, suffix, fmt):
    import kgraph.export.rdf as rdf

    source = tmp_path / f"events{suffix}"
    save_graph(busy_graph(20, 100), source)
    monkeypatch.setenv(sparql.MEMORY_ENV, "0")
    with sparql.open_export_graph(source) as graph:  # the store path: articles and mentions read from the store
        kgraph.export.export(graph, fmt, tmp_path / f"store.{fmt}")

    def no_store(path):
        raise AssertionError("the conversion opened the graph")

    monkeypatch.setattr(sparql, "open_export_graph", no_store)
    monkeypatch.setattr(rdf, "TRIG_BUCKETS", 3)  # several graphs a bucket, several appends a bucket file
    monkeypatch.setattr(rdf, "_BUCKET_FLUSH", 5)
    seen = []
    real = rdf._graph_by_graph
    monkeypatch.setattr(rdf, "_graph_by_graph", lambda quads, folder: (seen.append(folder), real(quads, folder))[1])
    out = _export(runner, source, fmt, [], tmp_path / f"streamed.{fmt}")
    streamed, stored = _by_value(out), _by_value(tmp_path / f"store.{fmt}")
    assert streamed == stored and len({q[3] for q in streamed}) == 21  # 20 articles and the default graph
    assert len(seen) == (fmt == "trig") and list(temp_root.iterdir()) == []
    if fmt == "trig":  # each graph written in one block
        text = out.read_text(encoding="utf-8")
        assert sum(line.rstrip().endswith("{") for line in text.splitlines()) == 20


def test_trig_of_a_file_with_blank_nodes_goes_through_a_store(tmp_path, temp_root):
    from kgraph.export.rdf import stream_file

    source = tmp_path / "blank.nt"
    source.write_text('_:b <urn:p> "1" .\n', encoding="utf-8")
    assert stream_file(source, "trig", tmp_path / "x.trig") is False and not (tmp_path / "x.trig").exists()
    assert stream_file(source, "nq", tmp_path / "x.nq") is True


def _by_value(path):
    """The quads of an N-Quads or TriG file, literals by value (the store writes ``-16.0`` as ``-16``, a stream as it read it)."""
    from rdflib import Literal, URIRef

    def plain(term):
        if isinstance(term, ox.Literal):
            return ("literal", term.datatype.value, term.language,
                    Literal(term.value, lang=term.language, datatype=None if term.language else URIRef(term.datatype.value)).toPython())
        return term

    return {tuple(plain(t) for t in (q.subject, q.predicate, q.object, q.graph_name)) for q in ox.parse(path=str(path))}
