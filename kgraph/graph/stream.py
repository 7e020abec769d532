"""Building a graph in batches: one small rdflib graph at a time, never the whole corpus.

:func:`graph_batches` turns a stream of extraction results into a stream of
graphs of at most ``size`` articles each; a store is filled from them one by
one (:func:`kgraph.graph.store.stream_store`), so memory does not grow with the
corpus. Nodes shared across batches (actors, CAMEO concepts, the extraction
run) are written once, in the first batch that needs them; event IRIs are
deterministic, so an event reported in two batches merges in the store.

``kgraph build`` itself writes store batches as N-Quads text with
:class:`kgraph.graph.writer.QuadWriter` (the same triples, without an rdflib
graph); these rdflib batches serve the library API and its tests.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib import Graph

from ..extract.pipeline import ExtractionResult
from .builder import GraphBuilder, new_graph

__all__ = ["BATCH_ARTICLES", "BatchCounter", "graph_batches"]

#: Articles per graph batch: large enough for fast bulk loads, small enough to keep memory flat.
BATCH_ARTICLES = 100


class BatchCounter:
    """What :func:`graph_batches` has seen so far: articles and event mentions."""

    def __init__(self) -> None:
        self.articles = 0
        self.mentions = 0


def graph_batches(
    builder: GraphBuilder, results: Iterable[ExtractionResult], *, size: int = BATCH_ARTICLES,
    counter: BatchCounter | None = None,
) -> Iterator[Graph]:
    """Graphs of the results, ``size`` articles each; ``builder`` moves to a new graph after each.

    Args:
        builder: adds the triples; its memory of shared nodes spans the batches.
        results: read lazily.
        size: articles per graph.
        counter: updated as results are added.
    """
    counter = counter if counter is not None else BatchCounter()
    builder.graph = new_graph()
    pending = 0
    for result in results:
        counter.mentions += builder.add_result(result)
        counter.articles += 1
        pending += 1
        if pending >= size:
            yield builder.graph
            builder.graph = new_graph()
            pending = 0
    yield builder.graph
