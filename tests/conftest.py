"""Shared fixtures: the spaCy models load once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FRENCH_ARTICLE = EXAMPLES / "rt_fr_turquie_s400.txt"
BENCHMARKS = ROOT.parent / "shared" / "benchmarks"


@pytest.fixture(scope="session")
def extractor():
    """One extractor (and so one load of each model) for the whole session."""
    from kgraph.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def extract(extractor):
    """``extract(text, lang, date=None) -> list[Event]`` on one sentence or article."""
    from kgraph.reader import Article

    def run(text: str, lang: str, date: str | None = "2020-12-30"):
        return extractor.extract(Article(doc_id="t", text=text, lang=lang, date=date)).events

    return run


@pytest.fixture(scope="session")
def triples():
    """``triples(events) -> set of (source, cameo root, target, negated)`` for compact assertions."""

    def run(events):
        return {(e.source.code, e.action.root, e.target.code if e.target else None, e.negated) for e in events}

    return run


@pytest.fixture(scope="session")
def french_events(extractor):
    from kgraph.reader import read_inputs

    article = next(read_inputs([FRENCH_ARTICLE], date="2020-12-30"))
    return extractor.extract(article).events
