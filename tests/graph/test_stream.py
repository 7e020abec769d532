"""Building a store batch by batch gives the same graph as building it whole."""
from __future__ import annotations

import pytest

from kgraph.errors import GraphError
from kgraph.graph import GraphBuilder, open_graph
from kgraph.graph.store import STORE_MARKER, stream_store, write_graph
from kgraph.graph.stream import BatchCounter, graph_batches
from kgraph.model import Action, ActorRef, Event
from kgraph.extract.pipeline import ExtractionResult
from kgraph.reader import Article


def _actor(code: str, start: int) -> ActorRef:
    return ActorRef(text=code, code=code, country=code, sector=None, label=None, wikidata=None,
                    start=start, end=start + 3)


def _event(i: int, source: str, target: str, cameo: str = "036") -> Event:
    return Event(
        doc_id=f"d{i}", sentence_id=0, sentence=f"{source} met {target} on day {i}.", lang="en",
        date="2021-03-0%d" % (1 + i % 5), source=_actor(source, 0),
        action=Action(text="met", cameo=cameo, root=cameo[:2], label="x", plover=None, quad_class=1, goldstein=1.0,
                      start=4, end=7),
        target=_actor(target, 8),
    )


def _results(n: int) -> list[ExtractionResult]:
    pairs = [("USA", "TUR"), ("FRA", "DEU"), ("RUS", "UKR")]
    return [
        ExtractionResult(Article(doc_id=f"d{i}", text="x", lang="en", date="2021-03-01"), "en",
                         [_event(i, *pairs[i % 3]), _event(i + 100, *pairs[(i + 1) % 3], cameo="042")])
        for i in range(n)
    ]


def _triples(path) -> set:
    with open_graph(path) as graph:
        return set(graph)


def test_batched_store_equals_the_whole_build(tmp_path):
    whole = GraphBuilder(models={"en": "m"})
    whole.add_results(_results(23))
    write_graph(whole.graph, tmp_path / "whole")
    counter = BatchCounter()
    batches = graph_batches(GraphBuilder(models={"en": "m"}), iter(_results(23)), size=5, counter=counter)
    before, after = stream_store(batches, tmp_path / "streamed")
    assert (counter.articles, counter.mentions) == (23, 46)
    assert before == 0 and after == len(whole.graph)
    assert _triples(tmp_path / "streamed") == _triples(tmp_path / "whole")
    assert (tmp_path / "streamed" / STORE_MARKER).is_file()


def test_counts_across_batches_are_fixed_a_few_events_at_a_time(tmp_path, monkeypatch):
    """Events reported in several batches are found, recounted and updated a chunk of events at a time
    (the memory of one chunk, whatever the store holds), with flushes between: the graph of the whole build."""
    from kgraph.graph import store as store_module
    from kgraph.graph.writer import QuadWriter

    whole = GraphBuilder(models={"en": "m"})
    whole.add_results(_results(23))
    write_graph(whole.graph, tmp_path / "whole")
    sizes: list[int] = []
    recount = store_module._recount
    monkeypatch.setattr(store_module, "FIX_CHUNK", 2)
    monkeypatch.setattr(store_module, "FLUSH_EVERY", 1)
    monkeypatch.setattr(store_module, "_recount", lambda store, events: (sizes.append(len(events)), recount(store, events)))
    writer = QuadWriter(models={"en": "m"}, tally=False)
    stream_store(writer.batches(iter(_results(23)), size=5), tmp_path / "streamed")
    assert len(sizes) > 1 and max(sizes) <= 2
    assert _triples(tmp_path / "streamed") == _triples(tmp_path / "whole")


def test_graph_batches_hold_one_batch_at_a_time():
    sizes = [len({s for s, _, _ in g if "article" in str(s)}) for g in
             graph_batches(GraphBuilder(), iter(_results(12)), size=5)]
    assert sizes == [5, 5, 2]


def test_streamed_build_refuses_to_replace_a_store_by_an_empty_one(tmp_path):
    store = tmp_path / "s"
    stream_store(graph_batches(GraphBuilder(), iter(_results(3))), store)
    kept = _triples(store)
    empty = [ExtractionResult(Article(doc_id="z", text="x"), "en", [])]
    with pytest.raises(GraphError, match="not replaced"):
        stream_store(graph_batches(GraphBuilder(), iter(empty)), store)
    assert _triples(store) == kept
    assert not list(tmp_path.glob(".s.new.*"))  # the refused store was removed
    stream_store(graph_batches(GraphBuilder(), iter(empty)), store, allow_empty=True)
    assert len(_triples(store)) < len(kept)


def test_a_failure_while_streaming_leaves_the_old_store_whole(tmp_path):
    store = tmp_path / "s"
    stream_store(graph_batches(GraphBuilder(), iter(_results(3))), store)
    kept = _triples(store)

    def failing():
        yield from _results(2)
        raise RuntimeError("parser died")

    with pytest.raises(RuntimeError):
        stream_store(graph_batches(GraphBuilder(), failing(), size=1), store)
    assert _triples(store) == kept and not list(tmp_path.glob(".s.new.*"))
