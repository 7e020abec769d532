"""What a store build leaves on disk: no write-ahead log holding the triples, compacted index files.

A store whose triples sit in RocksDB's write-ahead log is replayed into memory by every
read-only open (minutes and gigabytes at 100,000 events); hundreds of small index files
from a batched build slow every read.
"""
from __future__ import annotations

from pathlib import Path

from kgraph.graph import GraphBuilder, open_graph
from kgraph.graph.store import stream_store, write_graph
from kgraph.graph.stream import graph_batches
from tests.graph.test_stream import _results


def _log_bytes(store: Path) -> int:
    return sum(f.stat().st_size for f in store.glob("*.log"))


def _ntriples_bytes(graph) -> int:
    return len(graph.serialize(format="nt", encoding="utf-8"))


def test_written_store_keeps_no_triples_in_its_write_ahead_log(tmp_path):
    builder = GraphBuilder(models={"en": "m"})
    builder.add_results(_results(60))
    write_graph(builder.graph, tmp_path / "store")
    assert _log_bytes(tmp_path / "store") < _ntriples_bytes(builder.graph) / 20
    with open_graph(tmp_path / "store") as graph:
        assert len(graph) == len(builder.graph)


def test_streamed_store_is_compacted(tmp_path):
    whole = GraphBuilder(models={"en": "m"})
    whole.add_results(_results(60))
    batches = graph_batches(GraphBuilder(models={"en": "m"}), iter(_results(60)), size=2)  # 30 bulk loads
    stream_store(batches, tmp_path / "store")
    store = tmp_path / "store"
    assert _log_bytes(store) < _ntriples_bytes(whole.graph) / 20
    assert len(list(store.glob("*.sst"))) <= 15  # one file per index after compaction, not one per batch and index
    with open_graph(store) as graph:
        assert len(graph) == len(whole.graph)
