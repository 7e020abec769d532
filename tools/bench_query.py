"""Query timings on a synthetic graph made through the builder's own API (issue 8).

Makes ``--events`` events (random actors among ``--countries`` countries and
their sectors, random CAMEO codes and days, one to three mentions each in
``--events / 3`` articles) and builds them as ``kgraph build`` builds a store:
``--workers`` processes each build the graph of a share of the events with
:class:`~kgraph.graph.GraphBuilder` (every report of an event in the same
share, so its counts are whole) and hand it over as N-Quads; the shares are
bulk-loaded into a store by :func:`~kgraph.graph.store.stream_store`, which
merges the articles shared between them and summarises the dyads over all of
them. The store is then dumped as N-Quads (the build's own layout: the merged
layer in the default graph, one named graph per article) and as N-Triples.

Each query is then timed with every engine: the store in place (Oxigraph),
the N-Quads file parsed into an in-memory Oxigraph, and rdflib over the
N-Triples file. Times are wall-clock seconds of
:func:`kgraph.graph.store.query_graph` (parsing included for files), for the
store the best of ``--repeat`` runs, for files one run; ``--rdflib-parsed`` times rdflib on the file parsed once
instead (:func:`kgraph.graph.query.run_query`), since rdflib parses a large file
for minutes. With ``--dir`` the graphs are kept, and reused when present.

Example:
    PYTHONPATH=$PWD python tools/bench_query.py --events 100000 --dir /tmp/kgraph-bench-100k --rdflib-parsed
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from multiprocessing import get_context
from pathlib import Path

import pyoxigraph as ox

from kgraph.cameo import cameo_codes
from kgraph.extract.pipeline import ExtractionResult
from kgraph.graph import GraphBuilder, load_graph
from kgraph.graph.named import nquads
from kgraph.graph.query import bind_params, run_query, shipped_query
from kgraph.graph.store import is_store, query_graph, stream_store
from kgraph.model import Action, ActorRef, Event
from kgraph.reader import Article

COUNTRIES = ["USA", "RUS", "UKR", "TUR", "CHN", "FRA", "DEU", "GBR", "IRN", "ISR", "SYR", "JPN", "KOR", "PRK", "IND",
             "PAK", "BRA", "ZAF", "EGY", "SAU"]
SECTORS = ["", "", "GOV", "MIL", "JUD", "OPP"]

QUERIES = {
    "triple count": shipped_query("triples"),
    "dyads": shipped_query("dyads"),
    "top_dyads": bind_params(shipped_query("top_dyads"), {}),
    "lookup RUS→UKR": "SELECT ?p WHERE { actor:RUS ?p actor:UKR }",
    "timeline RUS": bind_params(shipped_query("timeline"), {"actor": "RUS"}),
    "between RUS UKR 2021": bind_params(shipped_query("between"), {"a": "RUS", "b": "UKR", "from": "2021-01-01", "to": "2021-12-31"}),
}


def synthetic_articles(events: int, countries: int, seed: int = 8) -> dict[int, list[tuple[int, Event]]]:
    """Article number → its (event number, event report) pairs: ``events`` random events, each reported one to three times."""
    rng = random.Random(seed)
    codes = [c for c in cameo_codes().values() if len(c.code) == 3]
    names = COUNTRIES[:countries]
    articles = max(1, events // 3)
    per_article: dict[int, list[tuple[int, Event]]] = {}
    for i in range(events):
        source = rng.choice(names) + rng.choice(SECTORS)
        target = rng.choice([n for n in names if n != source[:3]]) + rng.choice(SECTORS)
        code = rng.choice(codes)
        day = f"20{rng.randint(19, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        for _ in range(rng.choice((1, 1, 2, 3))):
            doc = rng.randrange(articles)
            start = 40 * len(per_article.get(doc, []))
            event = Event(
                doc_id=f"a{doc}", sentence_id=start // 40, sentence=f"{source} {code.label} {target}.", lang="en", date=day,
                source=ActorRef(source, source, source[:3], source[3:] or None, None, None, start, start + 6),
                action=Action(code.label, code.code, code.root, code.label, code.plover, code.quad_class, code.goldstein,
                              start + 7, start + 20),
                target=ActorRef(target, target, target[:3], target[3:] or None, None, None, start + 21, start + 27),
                negated=rng.random() < 0.03, mode="conditional" if rng.random() < 0.05 else None, confidence=0.7,
            )
            per_article.setdefault(doc, []).append((i, event))
    return per_article


def synthetic_graph(events: int, countries: int, seed: int = 8, *, share: int = 0, shares: int = 1) -> GraphBuilder:
    """A builder holding the events whose number is ``share`` modulo ``shares`` (all of them by default)."""
    builder = GraphBuilder(models={"en": "synthetic"})
    for doc, found in sorted(synthetic_articles(events, countries, seed).items()):
        mine = [event for i, event in found if i % shares == share]
        if mine:
            article = Article(f"a{doc}", "…", date="2021-06-01", url=f"https://source{doc % 50}.example/{doc}")
            builder.add_result(ExtractionResult(article, "en", mine))
    return builder


def _build_share(job: tuple[int, int, int, int, str]) -> str:
    """Runs in a worker process: build one share, write it as N-Quads, return the file's path."""
    events, countries, share, shares, workdir = job
    path = Path(workdir) / f"share-{share}.nq"
    path.write_bytes(nquads(synthetic_graph(events, countries, share=share, shares=shares).graph))
    return str(path)


def build(events: int, countries: int, workers: int, workdir: Path) -> tuple[Path, Path, Path]:
    """The store, N-Quads and N-Triples files of the synthetic graph in ``workdir`` (made unless already there)."""
    store, nq, nt = workdir / "store", workdir / "graph.nq", workdir / "graph.nt"
    if is_store(store) and nq.is_file() and nt.is_file():
        print(f"reusing {store}, {nq}, {nt}")
        return store, nq, nt
    start = time.perf_counter()
    jobs = [(events, countries, k, workers, str(workdir)) for k in range(workers)]
    with get_context("fork").Pool(workers) as pool:
        shards = [Path(p) for p in pool.map(_build_share, jobs)]
    print(f"built {events} events in {workers} shares with GraphBuilder in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    stream_store((shard.read_bytes() for shard in shards), store)
    for shard in shards:
        shard.unlink()
    print(f"loaded the store (bulk load, recount, dyad summaries) in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    handle = ox.Store.read_only(str(store))
    with open(nq, "wb") as out:
        handle.dump(out, ox.RdfFormat.N_QUADS)
    with open(nt, "wb") as out:
        ox.serialize((quad.triple for quad in handle), out, ox.RdfFormat.N_TRIPLES)
    print(f"{len(handle)} triples; wrote {nq} ({nq.stat().st_size / 1e6:.0f} MB) and {nt} in {time.perf_counter() - start:.1f} s")
    del handle
    return store, nq, nt


def timed(run, repeat: int) -> tuple[float, int]:
    """The best wall time of ``repeat`` runs of ``run()``, and its number of rows."""
    best, rows = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
        rows = len(result.rows)
    return best, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--countries", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2, help="processes building shares of the graph")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each query; the best is shown")
    parser.add_argument("--skip-rdflib", action="store_true", help="do not time rdflib (minutes at 100,000 events)")
    parser.add_argument("--rdflib-parsed", action="store_true", help="time rdflib on the file parsed once, parsing apart")
    parser.add_argument("--skip-file", action="store_true", help="do not time the Oxigraph file (parsed again by every query)")
    parser.add_argument("--queries", help="comma-separated query names to time (default: all), e.g. 'dyads,top_dyads'")
    parser.add_argument("--rdflib-skip", default="", help="comma-separated query names not to time with rdflib")
    parser.add_argument("--dir", type=Path, help="where to write the graphs, reused when there (default: a temporary directory)")
    args = parser.parse_args()
    workdir = args.dir or Path(tempfile.mkdtemp(prefix="kgraph-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    store, nq, nt = build(args.events, args.countries, args.workers, workdir)
    engines = [  # (label, run, runs): a file is parsed again by every run, so it runs once
        ("store (Oxigraph)", lambda text: query_graph(store, text), args.repeat),
        ("N-Quads file, Oxigraph", lambda text: query_graph(nq, text, engine="oxigraph"), 1),
    ][:1 if args.skip_file else 2]
    if args.rdflib_parsed and not args.skip_rdflib:
        start = time.perf_counter()
        parsed = load_graph(nt)
        print(f"rdflib parsed {nt} in {time.perf_counter() - start:.1f} s")
        engines.append(("parsed N-Triples, rdflib", lambda text: run_query(parsed, text), 1))
    elif not args.skip_rdflib:
        engines.append(("N-Triples file, rdflib", lambda text: query_graph(nt, text, engine="rdflib"), 1))
    print(f"\n{'query':22} " + " ".join(f"{label:>28}" for label, _, _ in engines))
    chosen = [q.strip() for q in args.queries.split(",")] if args.queries else list(QUERIES)
    skip = {q.strip() for q in args.rdflib_skip.split(",") if q.strip()}
    for name in chosen:
        text = QUERIES[name]
        cells = []
        for label, run, runs in engines:
            if "rdflib" in label and name in skip:
                cells.append("not timed")
                continue
            seconds, rows = timed(lambda: run(text), runs)
            cells.append(f"{seconds:9.3f} s ({rows:>6} rows)")
        print(f"{name:22} " + " ".join(f"{c:>28}" for c in cells), flush=True)


if __name__ == "__main__":
    main()
