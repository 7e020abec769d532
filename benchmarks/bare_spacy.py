#!/usr/bin/env python3
"""The baseline: bare spaCy ``nlp.pipe`` over a corpus, the same models and batch size as kgraph.

Usage::

    python benchmarks/bare_spacy.py CORPUS.jsonl [--batch-size 32]

Reads the JSONL corpus :mod:`benchmarks.run` writes (``text`` and ``lang`` per
line), parses every article with the plain pipeline of the model kgraph uses
for its language (``spacy.load``, no kgraph component), in batches of the
given size, and drops each ``Doc``. Prints the articles and tokens parsed.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from itertools import groupby, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from kgraph.config import model_name  # noqa: E402


def _articles(path: Path) -> Iterator[tuple[str, str]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                yield record["lang"], record["text"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args(argv)
    models: dict[str, spacy.language.Language] = {}
    articles = tokens = 0
    stream = _articles(args.corpus)
    # kgraph's own batching: batch_size consecutive articles, parsed per language within the batch.
    while batch := list(islice(stream, args.batch_size)):
        for lang, group in groupby(sorted(batch, key=lambda item: item[0]), key=lambda item: item[0]):
            nlp = models.get(lang) or models.setdefault(lang, spacy.load(model_name(lang)))
            for doc in nlp.pipe((text for _, text in group), batch_size=args.batch_size):
                articles += 1
                tokens += len(doc)
    print(json.dumps({"articles": articles, "tokens": tokens}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
