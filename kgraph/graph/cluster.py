"""Building on a Dask distributed cluster: partitions of articles become N-Quads shards.

``kgraph build --engine dask`` sends partitions of articles to the workers of a
cluster (a ``distributed.LocalCluster`` on loopback when no scheduler is
given). Each worker extracts its partition — its models load once per worker
process, on first use — builds the partition's graph and sends it back as
N-Quads (each article's evidence in its named graph, :mod:`kgraph.graph.named`). Event IRIs are deterministic, so shards merge by concatenation:
the parent bulk-loads them into a store as they arrive, or gathers them into
one graph for a file. At most two partitions per worker are in flight, and
the input is read only as fast as shards come back.

Workers on a real cluster need kgraph and the spaCy models installed
(``pip install kgraph``), nothing else: articles travel with the tasks.
"""
from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any

from ..errors import KGraphError

if TYPE_CHECKING:
    from ..extract.pipeline import Extractor
    from .dyads import EventTally
    from ..reader import Article

__all__ = ["PARTITION_ARTICLES", "Shard", "cluster_shards"]

#: Articles per task: big enough to amortise the trip to a worker, small enough to balance load.
PARTITION_ARTICLES = 64


@dataclass(frozen=True)
class Shard:
    """One partition's graph as N-Quads, with what went into it."""

    nquads: bytes
    articles: int
    mentions: int
    #: the facts of its events for the dyad summaries (:class:`~kgraph.graph.dyads.EventTally`), joined across shards
    dyads: EventTally | None = None


def _build_partition(extractor: Extractor, models: dict[str, str], articles: list[Article]) -> Shard:
    """Runs on a worker: extract the partition and write its graph as N-Quads (no rdflib graph)."""
    from .writer import QuadWriter

    writer = QuadWriter(models=models)
    mentions = writer.add_results(extractor.single().extract_many(articles))
    return Shard(writer.take(), len(articles), mentions, writer.dyads)


def _client(scheduler: str | None, workers: int) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise KGraphError("--engine dask needs dask[distributed]: pip install 'dask[distributed]'") from err
    if scheduler:
        try:
            return Client(scheduler, timeout=30), None
        except (OSError, TimeoutError) as err:
            raise KGraphError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from err
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster


def cluster_shards(
    extractor: Extractor,
    articles: Iterable[Article],
    *,
    models: dict[str, str],
    scheduler: str | None = None,
    workers: int = 2,
    partition: int = PARTITION_ARTICLES,
) -> Iterator[Shard]:
    """Shards of ``articles`` built on a Dask cluster, in input order.

    Args:
        extractor: the extraction settings every worker copies.
        articles: read lazily.
        models: the model per language, recorded on the extraction run.
        scheduler: a scheduler address (``tcp://HOST:PORT``); ``None`` starts a local cluster.
        workers: worker processes of the local cluster.
        partition: articles per task.
    """
    client, cluster = _client(scheduler, workers)
    try:
        ahead = 2 * max(1, len(client.scheduler_info().get("workers", {})) or workers)
        pending: deque[Any] = deque()
        iterator = iter(articles)
        single = extractor.single()
        while chunk := list(islice(iterator, partition)):
            pending.append(client.submit(_build_partition, single, models, chunk, pure=False))
            while len(pending) >= ahead:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
