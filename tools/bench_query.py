"""Query timings on a synthetic graph made through the builder's own API (issue 8).

Builds ``--events`` events (random actors among ``--countries`` countries and
their sectors, random CAMEO codes and days, one to three mentions each in
``--events / 3`` articles), writes it as N-Triples and as a store, then times
each query with every engine: rdflib over the file, an in-memory Oxigraph
over the file, and the Oxigraph store in place. Times are wall-clock seconds
of :func:`kgraph.graph.store.query_graph`, parsing included for files.

Example:
    PYTHONPATH=$PWD python tools/bench_query.py --events 100000 --skip-rdflib
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from kgraph.cameo import cameo_codes
from kgraph.extract.pipeline import ExtractionResult
from kgraph.graph import GraphBuilder, save_graph, write_graph
from kgraph.graph.query import bind_params, shipped_query
from kgraph.graph.store import query_graph
from kgraph.model import Action, ActorRef, Event
from kgraph.reader import Article

COUNTRIES = ["USA", "RUS", "UKR", "TUR", "CHN", "FRA", "DEU", "GBR", "IRN", "ISR", "SYR", "JPN", "KOR", "PRK", "IND",
             "PAK", "BRA", "ZAF", "EGY", "SAU"]
SECTORS = ["", "", "GOV", "MIL", "JUD", "OPP"]

QUERIES = {
    "triple count": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "dyads": shipped_query("dyads"),
    "top_dyads": bind_params(shipped_query("top_dyads"), {}),
    "lookup RUS→UKR": "SELECT ?p WHERE { actor:RUS ?p actor:UKR }",
    "between RUS UKR 2021": bind_params(shipped_query("between"), {"a": "RUS", "b": "UKR", "from": "2021-01-01", "to": "2021-12-31"}),
}


def synthetic_graph(events: int, countries: int, seed: int = 8) -> GraphBuilder:
    """A builder holding ``events`` random events, each reported one to three times."""
    rng = random.Random(seed)
    codes = [c for c in cameo_codes().values() if len(c.code) == 3]
    names = COUNTRIES[:countries]
    builder = GraphBuilder(models={"en": "synthetic"})
    articles = max(1, events // 3)
    per_article: dict[int, list[Event]] = {}
    for i in range(events):
        source = rng.choice(names) + rng.choice(SECTORS)
        target = rng.choice([n for n in names if n != source[:3]]) + rng.choice(SECTORS)
        code = rng.choice(codes)
        day = f"20{rng.randint(19, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        for copy in range(rng.choice((1, 1, 2, 3))):
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
            per_article.setdefault(doc, []).append(event)
    for doc, found in sorted(per_article.items()):
        article = Article(f"a{doc}", "…", date="2021-06-01", url=f"https://source{doc % 50}.example/{doc}")
        builder.add_result(ExtractionResult(article, "en", found))
    return builder


def timed(path: Path, text: str, engine: str) -> tuple[float, int]:
    start = time.perf_counter()
    result = query_graph(path, text, engine=engine)
    return time.perf_counter() - start, len(result.rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--countries", type=int, default=20)
    parser.add_argument("--skip-rdflib", action="store_true", help="do not time rdflib (minutes at 100,000 events)")
    parser.add_argument("--dir", type=Path, help="where to write the graphs (default: a temporary directory)")
    args = parser.parse_args()
    workdir = args.dir or Path(tempfile.mkdtemp(prefix="kgraph-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    builder = synthetic_graph(args.events, args.countries)
    graph = builder.graph
    print(f"built {args.events} events, {len(graph)} triples in {time.perf_counter() - start:.1f} s")
    nt, store = workdir / "graph.nt", workdir / "store"
    start = time.perf_counter()
    save_graph(graph, nt)
    print(f"wrote {nt} ({nt.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    write_graph(graph, store)
    print(f"wrote store {store} in {time.perf_counter() - start:.1f} s")
    del graph, builder
    engines = [("store (Oxigraph in place)", store, "auto"), ("file, in-memory Oxigraph", nt, "oxigraph")]
    if not args.skip_rdflib:
        engines.append(("file, rdflib", nt, "rdflib"))
    print(f"\n{'query':24} " + " ".join(f"{label:>28}" for label, _, _ in engines))
    for name, text in QUERIES.items():
        cells = []
        for _, path, engine in engines:
            seconds, rows = timed(path, text, engine)
            cells.append(f"{seconds:9.3f} s ({rows:>5} rows)")
        print(f"{name:24} " + " ".join(f"{c:>28}" for c in cells))


if __name__ == "__main__":
    main()
