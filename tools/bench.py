#!/usr/bin/env python3
"""Speed of kgraph against bare spaCy on the same text, in the same run.

Usage::

    python tools/bench.py [--repeat N] [FILES...]

Default text: the gold sentences of ../shared/benchmarks (French seed article,
PETRARCH-2 AFP sentences, PLOVER records) plus examples/. For each language
it times (1) bare ``nlp.pipe`` of the spaCy model alone and (2) kgraph's full
extraction (the same parse plus actor resolution and rules), and reports
words per second and kgraph's overhead over spaCy.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kgraph.evaluate import read_gold  # noqa: E402
from kgraph.extract import Extractor  # noqa: E402
from kgraph.nlp import load_model  # noqa: E402
from kgraph.reader import Article, read_inputs  # noqa: E402
from kgraph.text import normalise  # noqa: E402


def corpus(files: list[str]) -> list[Article]:
    if files:
        return [a for a in read_inputs(files) if isinstance(a, Article)]
    bench = ROOT.parent / "shared" / "benchmarks"
    articles: list[Article] = []
    for name in ("seed_fr_gold.jsonl", "petr2_gsr_validation.xml", "plover_gsr_public.json"):
        if (bench / name).exists():
            articles += [Article(i.id, i.text, i.lang, i.date) for i in read_gold(bench / name) if i.text.strip()]
    articles += [a for a in read_inputs([ROOT / "examples"]) if isinstance(a, Article)]
    return articles


def best_of(repeat: int, func) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    articles = corpus(args.files)
    extractor = Extractor()
    by_lang: dict[str, list[Article]] = {}
    for article in articles:
        by_lang.setdefault(extractor.language_of(article), []).append(article)
    print(f"{'lang':4} {'articles':>8} {'words':>7} {'spaCy w/s':>10} {'kgraph w/s':>11} {'overhead':>9} {'events':>7}")
    for lang, group in sorted(by_lang.items()):
        nlp = load_model(lang, extractor.models[lang])
        texts = [normalise(a.text) for a in group]
        words = sum(len(t.split()) for t in texts)
        list(extractor.extract_many(group[:2]))  # warm up: load tables and lexicon
        bare = best_of(args.repeat, lambda nlp=nlp, texts=texts: list(nlp.pipe(texts, batch_size=extractor.batch_size)))
        events: list[int] = []
        full = best_of(args.repeat, lambda group=group, events=events: events.append(sum(len(r.events) for r in extractor.extract_many(group))))
        print(f"{lang:4} {len(group):8d} {words:7d} {words / bare:10.0f} {words / full:11.0f} {100 * (full - bare) / bare:8.1f}% {statistics.mode(events):7d}")


if __name__ == "__main__":
    main()
