#!/usr/bin/env python3
"""Export speed and peak memory per format on a synthetic graph built with kgraph's GraphBuilder.

Usage::

    python tools/bench_export.py [--events 100000] [--formats gexf,gdelt,...] [--out out/bench-export]
                                 [--graph nt|store]

Builds ``--events`` distinct events (actors drawn from a Zipf-like law over
the states of ``kgraph/actors/data/countries.tsv``, 20 % of them sectors;
CAMEO codes from the scheme; dates over 2019-2020; each event reported by 1
to 3 articles) once through :class:`kgraph.graph.GraphBuilder`, written both as
an N-Triples file and as a persistent Oxigraph store directory (as ``kgraph
build`` writes them; both reused while they are there with the same size),
then runs ``kgraph export GRAPH --to FORMAT`` for each format in a fresh
process, from the file (``--graph nt``, default) or the store (``--graph
store``), and prints a Markdown table: wall time, CPU time (user + system),
events per second and the process's peak resident memory (``ru_maxrss`` from
``wait4``, what ``/usr/bin/time -v`` reports as "Maximum resident set size").
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kgraph.cameo import cameo_code, cameo_codes  # noqa: E402
from kgraph.extract.pipeline import ExtractionResult  # noqa: E402
from kgraph.graph import GraphBuilder  # noqa: E402
from kgraph.graph.store import write_graph  # noqa: E402
from kgraph.model import Action, ActorRef, Event  # noqa: E402
from kgraph.reader import Article  # noqa: E402
from kgraph.resources import read_tsv  # noqa: E402

FORMATS = ["gexf", "gexf-dynamic", "gexf-bipartite", "graphml", "gdelt", "gdelt-mentions", "csv",
           "ttl", "trig", "nt", "nq", "jsonld", "png", "svg", "html"]
SECTORS = ["GOV", "MIL", "LEG", "OPP", "REB", "BUS", "MED", "CVL"]
SENTENCE = "{s} a annoncé des mesures visant {t} lors d'une réunion tenue à huis clos, selon plusieurs sources diplomatiques."


def synthetic_results(events: int, seed: int = 11) -> list[ExtractionResult]:
    """Articles with ``events`` distinct events, each reported 1 to 3 times."""
    rng = random.Random(seed)
    states = [row["code"] for row in read_tsv("kgraph.actors", "data/countries.tsv")]
    weights = [1 / (rank + 1) ** 1.1 for rank in range(len(states))]
    codes = sorted(c for c in cameo_codes() if len(c) >= 3)
    days = [f"{y}-{m:02d}-{d:02d}" for y in (2019, 2020) for m in range(1, 13) for d in range(1, 29)]
    articles = max(1, events * 2 // 5)
    seen: set[tuple[str, str, str, str]] = set()
    per_article: dict[int, list[Event]] = {}
    made = 0
    while made < events:
        source, target = rng.choices(states, weights, k=2)
        if source == target:
            continue
        if rng.random() < 0.2:
            source += rng.choice(SECTORS)
        if rng.random() < 0.2:
            target += rng.choice(SECTORS)
        code, day = rng.choice(codes), rng.choice(days)
        if (source, code, target, day) in seen:
            continue
        seen.add((source, code, target, day))
        made += 1
        cameo = cameo_code(code)
        for _ in range(1 + (rng.random() < 0.4) + (rng.random() < 0.15)):
            number = rng.randrange(articles)
            batch = per_article.setdefault(number, [])
            start = 120 * len(batch)
            text = SENTENCE.format(s=source, t=target)
            batch.append(Event(
                doc_id=f"art{number}", sentence_id=len(batch), sentence=text, lang="fr", date=day,
                source=ActorRef(source, source, source[:3], source[3:] or None, None, None, start, start + 3),
                action=Action("a annoncé des mesures", cameo.code, cameo.root, cameo.label, cameo.plover,
                              cameo.quad_class, cameo.goldstein, start + 4, start + 25),
                target=ActorRef(target, target, target[:3], target[3:] or None, None, None, start + 40, start + 43),
                confidence=round(rng.uniform(0.5, 0.95), 2),
            ))
    return [
        ExtractionResult(Article(doc_id=f"art{n}", text="…", date=batch[0].date,
                                 url=f"https://outlet{n % 97}.example.com/{n}"), "fr", batch)
        for n, batch in sorted(per_article.items())
    ]


def build(events: int, out: Path) -> dict[str, dict[str, float]]:
    """Build the synthetic graph once, written both as ``graph-N.nt`` and as the store ``graph-N`` in ``out``.

    Both are reused when already there with the same number of events (``graph-N*.json`` records it).
    Returns what each marker records (events, mentions, articles, triples, seconds).
    """
    paths = {"nt": out / f"graph-{events}.nt", "store": out / f"graph-{events}"}

    def marker(path: Path) -> Path:
        return path.with_name(path.name + ".json")

    def ready(path: Path) -> bool:
        return path.exists() and marker(path).exists() and json.loads(marker(path).read_text())["events"] == events

    if all(ready(path) for path in paths.values()):
        return {kind: json.loads(marker(path).read_text()) for kind, path in paths.items()}
    started = time.perf_counter()
    results = synthetic_results(events)
    generated = time.perf_counter()
    builder = GraphBuilder(models={"fr": "synthetic"})
    mentions = builder.add_results(results)
    graph = builder.graph
    built = time.perf_counter()
    base = {"events": events, "mentions": mentions, "articles": len(results), "triples": len(graph),
            "generate_s": round(generated - started, 1), "build_s": round(built - generated, 1)}
    infos = {}
    for kind, path in paths.items():
        began = time.perf_counter()
        write_graph(graph, path)  # a store directory (no suffix, compacted by kgraph) or an N-Triples file
        infos[kind] = {**base, "write_s": round(time.perf_counter() - began, 1)}
        marker(path).write_text(json.dumps(infos[kind]))
    return infos


def run_export(graph: Path, fmt: str, out: Path) -> tuple[float, float, int, int, int]:
    """Wall seconds, CPU seconds, peak RSS (KiB), output bytes and exit status of one ``kgraph export``."""
    name, _, variant = fmt.partition("-")
    if fmt in ("gdelt-mentions",):
        name, variant = fmt, ""
    args = [sys.executable, "-m", "kgraph.cli", "export", str(graph), "--to", name,
            "-o", str(out / f"bench.{fmt}.{ 'tsv' if name.startswith('gdelt') else name}")]
    if variant == "dynamic":
        args += ["--dynamic", "--bin", "week"]
    elif variant == "bipartite":
        args += ["--bipartite"]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    error = process.stderr.read() if process.stderr else ""
    if status:
        print(f"  {fmt}: failed: {error.strip()[-300:]}", file=sys.stderr)
    target = Path(args[args.index("-o") + 1])
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, cpu, usage.ru_maxrss, target.stat().st_size if target.exists() else 0, status


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--out", default=str(ROOT / "out" / "bench-export"))
    parser.add_argument("--graph", choices=["store", "nt"], default="nt", help="export from the store or the N-Triples file")
    parser.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.build_only:
        build(args.events, out)
        return 0
    # Build in a child process: a forked child counts its parent's resident pages in its peak RSS.
    subprocess.run([sys.executable, __file__, "--build-only", "--events", str(args.events), "--out", str(out)], check=True)
    graph = out / (f"graph-{args.events}" + (".nt" if args.graph == "nt" else ""))
    info = json.loads(graph.with_name(graph.name + ".json").read_text())
    warm, _, _, _, _ = run_export(graph, "nt", out)  # the first read of a graph warms the page cache
    print(f"(warm-up export to nt: {warm:.1f} s)")
    print(f"graph: {graph} ({info['events']} events, {info['mentions']} mentions, {info['articles']} articles, "
          f"{info['triples']} triples; generated in {info['generate_s']} s, built in {info['build_s']} s, "
          f"written in {info['write_s']} s)")
    print("| format | wall s | CPU s | events/s | peak MiB | output MiB |")
    print("|---|---:|---:|---:|---:|---:|")
    for fmt in args.formats.split(","):
        seconds, cpu, rss, size, status = run_export(graph, fmt, out)
        mark = "" if status == 0 else " FAILED"
        print(f"| {fmt}{mark} | {seconds:.1f} | {cpu:.1f} | {info['events'] / seconds:,.0f} | {rss / 1024:,.0f} | "
              f"{size / 2**20:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
