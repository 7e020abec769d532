"""Extraction spread over worker processes, merged back in input order.

Each worker process builds its own :class:`~kgraph.extract.pipeline.Extractor`
once (the pool initializer), so each spaCy model loads once per process and
language, on first use. Articles travel to the workers in chunks of exactly
``batch_size`` consecutive articles — the same batches a single process would
hand to ``nlp.pipe`` — so the output of ``jobs=N`` is byte-identical to
``jobs=1``. Only the events and the trace come back; the article itself stays
in the parent.

Memory stays bounded: at most ``2 × jobs`` chunks are in flight, and the input
iterator is read only as fast as results are consumed (``Pool.imap`` would read
all of it ahead).
"""
from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from ..model import Candidate, Event
from ..reader import Article

if TYPE_CHECKING:
    from .pipeline import ExtractionResult, Extractor

__all__ = ["MAX_DEFAULT_JOBS", "available_cores", "default_jobs", "extract_parallel"]

#: The default ``--jobs`` never exceeds this: each worker holds its own models (~0.5 GB per language).
MAX_DEFAULT_JOBS = 8

#: Chunks in flight per worker: one being parsed, one waiting, so no worker idles.
_AHEAD = 2

_worker: Extractor | None = None


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where known, else ``os.cpu_count()``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def default_jobs() -> int:
    """The default number of worker processes: the available cores, at most :data:`MAX_DEFAULT_JOBS`."""
    return min(available_cores(), MAX_DEFAULT_JOBS)


def _context() -> multiprocessing.context.BaseContext:
    # forkserver where it exists (a clean, small process to fork from; no inherited threads or locks), else spawn.
    method = "forkserver" if sys.platform != "win32" and "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


def _init(extractor: Extractor) -> None:
    """Pool initializer: this worker's extractor, built once (its models load once, on first use)."""
    global _worker
    _worker = extractor.single()


def _run(chunk: list[Article]) -> list[tuple[str, list[Event], list[Candidate]]]:
    """Extract one chunk in a worker; send back what the parent does not already have."""
    assert _worker is not None, "worker not initialised"
    return [(r.lang, r.events, r.candidates) for r in _worker.extract_many(chunk)]


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(islice(iterator, size)):
        yield chunk


def extract_parallel(extractor: Extractor, articles: Iterable[Article], jobs: int) -> Iterator[ExtractionResult]:
    """Results of ``extractor`` over ``articles`` from ``jobs`` processes, in input order.

    Input of a single chunk (at most ``batch_size`` articles) is extracted in this
    process: starting workers and loading their models would cost more than it saves.

    Args:
        extractor: the configuration every worker copies (language, models, options).
        articles: read lazily, a few chunks ahead of the results consumed.
        jobs: worker processes (``1`` extracts in this process).
    """
    from .pipeline import ExtractionResult

    single = extractor.single()
    chunks = _chunks(articles, extractor.batch_size)
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    if jobs <= 1 or second is None:
        yield from single.extract_many(first)
        if second is not None:
            yield from single.extract_many(second)
            for chunk in chunks:
                yield from single.extract_many(chunk)
        return
    pool = _context().Pool(processes=jobs, initializer=_init, initargs=(single,))
    try:
        pending: deque[tuple[list[Article], Any]] = deque()
        for chunk in chain([first, second], chunks):
            pending.append((chunk, pool.apply_async(_run, (chunk,))))
            while len(pending) >= _AHEAD * jobs:
                yield from _collect(pending.popleft(), ExtractionResult)
        while pending:
            yield from _collect(pending.popleft(), ExtractionResult)
        pool.close()
        pool.join()
    finally:
        pool.terminate()


def _collect(item: tuple[list[Article], Any], result_type: type) -> Iterator[ExtractionResult]:
    chunk, future = item
    for article, (lang, events, candidates) in zip(chunk, future.get(), strict=True):
        yield result_type(article, lang, events, candidates)
