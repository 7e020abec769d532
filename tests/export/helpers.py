"""Small graphs for the export tests, built through kgraph's own GraphBuilder."""
from __future__ import annotations

from rdflib import Graph

from kgraph.extract.pipeline import ExtractionResult
from kgraph.graph import GraphBuilder
from kgraph.reader import Article

from tests.graph.test_builder import make_event

__all__ = ["build", "article", "make_event", "timeline_graph", "mixed_graph"]


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
