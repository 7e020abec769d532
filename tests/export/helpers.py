"""Small graphs for the export tests, built through kgraph's own GraphBuilder."""
from __future__ import annotations

from functools import lru_cache

from rdflib import Graph

from kgraph.extract.pipeline import ExtractionResult
from kgraph.graph import GraphBuilder
from kgraph.reader import Article

from tests.graph.test_builder import make_event

__all__ = ["build", "article", "busy_graph", "make_event", "timeline_graph", "mixed_graph"]


def article(doc_id: str, *events, date: str = "2020-12-14", url: str | None = "https://example.org/a") -> ExtractionResult:
    return ExtractionResult(Article(doc_id=doc_id, text="…", date=date, url=url), "fr", list(events))


def build(*results: ExtractionResult) -> Graph:
    builder = GraphBuilder(models={"fr": "fr_core_news_md"})
    builder.add_results(results)
    return builder.graph


def timeline_graph() -> Graph:
    """Two articles: USA→TURGOV sanctions in January and in March; Turkey consults the US in February."""
    return build(
        article("jan", make_event("jan", date="2020-01-15"), date="2020-01-15", url="https://news.example.com/jan"),
        article("mar", make_event("mar", date="2020-03-10"), make_event("mar", source="TUR", target="USA", cameo="046", date="2020-02-11", start=60),
                date="2020-03-10", url="https://other.example.net/mar"),
    )


def mixed_graph() -> Graph:
    """Several roots between the same pair, an event reported twice, an IGO, an armed group, an untargeted and a negated event."""
    return build(
        article("a", make_event("a"), make_event("a", source="USA", target="TUR", cameo="111", start=60),
                make_event("a", source="USA", target="TUR", cameo="112", start=120),
                make_event("a", source="IGOUNO", target="TUR", cameo="020", start=180),
                make_event("a", source="PSEREB", target="ISR", cameo="190", start=240, date="2020-12-15"),
                make_event("a", source="RUS", target=None, cameo="141", start=300),
                make_event("a", source="FRA", target="TUR", cameo="042", start=360, negated=True),
                make_event("a", source="USA", target="TUR", cameo="020", start=420)),
        article("b", make_event("b", date="2020-12-20"), make_event("b", start=80), url="https://news.example.com/b"),
    )


@lru_cache(maxsize=4)
def busy_graph(actors: int = 60, events: int = 600, seed: int = 3) -> Graph:
    """Random events between ``actors`` states (and some sectors) over 2020, for pictures and pages (shared: do not modify)."""
    import random

    from kgraph.cameo import cameo_codes

    rng = random.Random(seed)
    states = sorted(code for code in _state_codes())[:actors]
    codes = sorted(c for c in cameo_codes() if len(c) == 3)
    results = []
    for n in range(events // 5):
        batch = []
        day = f"2020-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        for k in range(5):
            source, target = rng.sample(states[: max(2, int(len(states) * rng.random()) + 1)], 2) if rng.random() < 0.7 else rng.sample(states, 2)
            if rng.random() < 0.2:
                target += "GOV"
            batch.append(make_event(f"doc{n}", source=source, target=target, cameo=rng.choice(codes), date=day, start=60 * k))
        results.append(article(f"doc{n}", *batch, date=day, url=f"https://outlet{n % 7}.example.com/{n}"))
    return build(*results)


def _state_codes():
    from kgraph.resources import read_tsv

    return [row["code"] for row in read_tsv("kgraph.actors", "data/countries.tsv")]
