"""The N-Quads writer gives GraphBuilder's graph, triple for triple and graph for graph."""
from __future__ import annotations

import dataclasses

import pyoxigraph as ox
import pytest

from kgraph.cameo import cameo_code
from kgraph.extract.pipeline import ExtractionResult
from kgraph.graph import GraphBuilder, open_graph
from kgraph.graph.named import nquads
from kgraph.errors import GraphError
from kgraph.graph.store import stream_store, write_graph, write_text
from kgraph.graph.stream import graph_batches
from kgraph.graph.writer import QuadWriter, news_source
from kgraph.model import Action, ActorRef, Event
from kgraph.reader import Article, read_inputs
from tests.conftest import EXAMPLES


def _actor(code: str, text: str, start: int) -> ActorRef:
    return ActorRef(text, code, code[:3], code[3:] or None, None, None, start, start + len(text))


def _event(doc: str, source: str, cameo: str, target: str | None, *, sentence: int = 0, **fields) -> Event:
    code = cameo_code(cameo)
    return Event(
        doc_id=doc, sentence_id=sentence, sentence='He said "no"\\ then\nleft.\r', lang="en", date=fields.pop("date", "2021-05-04"),
        source=_actor(source, "the \"source\"", 0),
        action=Action("met", code.code, code.root, code.label, code.plover, code.quad_class, code.goldstein, 14, 17),
        target=_actor(target, "l’État\tcible", 18) if target else None, **fields,
    )


def _results() -> list[ExtractionResult]:
    """Articles covering every branch of the builder: titles, URLs, negation, modes, no target, domestic events."""
    def article(i: int, **fields) -> Article:
        return Article(doc_id=f"doc \"{i}\"", text="x", lang="en", **fields)

    return [
        ExtractionResult(article(0, date="2021-05-04", title='A "title"\nwith lines', url="https://www.example.org/a"), "en", [
            _event("d0", "USA", "163", "TURGOV"), _event("d0", "USAGOV", "036", "USA", sentence=1),
            _event("d0", "IGONATO", "042", None, sentence=2, confidence=0.855),
        ]),
        ExtractionResult(article(1, url="http://example.org/b"), "fr", [
            _event("d1", "USA", "163", "TURGOV"),  # the same event as in article 0, same news source
            _event("d1", "RUS", "190", "UKR", negated=True), _event("d1", "FRA", "057", "DEU", mode="conditional"),
        ]),
        ExtractionResult(article(2), "en", []),
        ExtractionResult(article(3, date="2022-01-01"), "en", [
            _event("d3", "USA", "163", "TURGOV", date=None), _event("d3", "USA", "163", "TURGOV", sentence=4),
            _event("d3", "CHN", "111", "JPNMIL", date="2022-01-02", extractor="petrarch"),
        ]),
    ]


def _quads(data: bytes) -> set[str]:
    return {str(quad) for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS)}


@pytest.mark.parametrize("size", [1, 2, 10])
def test_writer_batches_are_the_builders_batches(size):
    models = {"en": "en_core_web_sm", "fr": "fr_core_news_sm"}
    old = [nquads(graph) for graph in graph_batches(GraphBuilder(models=models), _results(), size=size)]
    writer = QuadWriter(models=models)
    new = list(writer.batches(_results(), size=size))
    assert len(old) == len(new)
    for a, b in zip(old, new):
        # A builder batch carries the dyad summaries of its own events; writer batches carry none,
        # since stores and files summarise all events once they are loaded (stream_store, write_text).
        assert _quads(b) == {q for q in _quads(a) if not q.startswith("<https://w3id.org/kgraph/dyad/")}
    assert (writer.articles, writer.mentions) == (4, 9)


def test_writer_lines_hold_each_triple_once():
    writer = QuadWriter()
    writer.add_results(_results())
    lines = writer.lines()
    assert len(lines) == len(set(lines)) == len(_quads("".join(lines).encode()))
    assert writer.lines() == []  # the next batch starts empty


def test_streamed_store_from_the_writer_equals_the_whole_build(tmp_path):
    whole = GraphBuilder(models={"en": "m"})
    whole.add_results(_results())
    write_graph(whole.graph, tmp_path / "whole")
    stream_store(QuadWriter(models={"en": "m"}).batches(_results(), size=1), tmp_path / "streamed")
    stores = [ox.Store.read_only(str(tmp_path / name)) for name in ("whole", "streamed")]
    assert {str(q) for q in stores[0]} == {str(q) for q in stores[1]}  # counts recounted across batches too
    del stores
    with open_graph(tmp_path / "streamed") as graph:
        assert len(graph) == len(whole.graph)


def test_news_source_is_the_host_without_www_else_the_article():
    assert news_source("https://w3id.org/kgraph/article/1", "https://www.Example.org:8080/x") == "example.org"
    assert news_source("https://w3id.org/kgraph/article/1", None) == "https://w3id.org/kgraph/article/1"
    assert news_source("https://w3id.org/kgraph/article/1", "not a url") == "https://w3id.org/kgraph/article/1"


@pytest.mark.slow
def test_writer_matches_the_builder_on_real_extractions(extractor):
    articles = list(read_inputs([EXAMPLES], date="2020-12-30"))
    results = [*extractor.extract_many(articles), *extractor.extract_many(
        [dataclasses.replace(a, doc_id=a.doc_id + "-again", url="https://news.example/x") for a in articles])]
    assert sum(len(r.events) for r in results) > 5
    builder = GraphBuilder(models=extractor.models)
    builder.add_results(results)
    writer = QuadWriter(models=extractor.models)
    writer.add_results(results)
    dyad = "<https://w3id.org/kgraph/dyad/"  # summaries are the loader's (stream_store, write_text), not the writer's
    assert _quads(writer.take()) == {q for q in _quads(nquads(builder.graph)) if not q.startswith(dyad)}


_SYNTAXES = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}


@pytest.mark.parametrize("ext", sorted(_SYNTAXES))
def test_graph_files_from_the_writer_equal_the_builders(tmp_path, ext):
    builder = GraphBuilder(models={"en": "m"})
    builder.add_results(_results())
    old = write_graph(builder.graph, tmp_path / f"old.{ext}")
    writer = QuadWriter(models={"en": "m"})
    writer.add_results(_results())
    new = write_text(writer, tmp_path / f"new.{ext}")
    assert new == old == (0, len(builder.graph))
    files = [{str(q) for q in ox.parse(path=str(tmp_path / f"{name}.{ext}"), format=_SYNTAXES[ext])} for name in ("old", "new")]
    assert files[0] == files[1]
    if ext == "ttl":
        prefixes = [[line for line in (tmp_path / f"{name}.ttl").read_text().splitlines() if line.startswith("@prefix")]
                    for name in ("old", "new")]
        assert prefixes[0] == prefixes[1] and any("kg:" in line for line in prefixes[1])


def test_graph_file_bytes_do_not_depend_on_the_order_of_the_articles(tmp_path):
    for name, results in (("a", _results()), ("b", _results()[::-1])):
        writer = QuadWriter()
        writer.add_results(results)
        write_text(writer, tmp_path / f"{name}.trig")
    assert (tmp_path / "a.trig").read_bytes() == (tmp_path / "b.trig").read_bytes()


def test_writer_file_is_not_replaced_by_a_graph_without_events(tmp_path):
    writer = QuadWriter()
    writer.add_results(_results())
    write_text(writer, tmp_path / "g.ttl")
    kept = (tmp_path / "g.ttl").read_bytes()
    empty = QuadWriter()
    empty.add_results([ExtractionResult(Article(doc_id="z", text="x"), "en", [])])
    with pytest.raises(GraphError, match="not replaced"):
        write_text(empty, tmp_path / "g.ttl")
    assert (tmp_path / "g.ttl").read_bytes() == kept
    with pytest.raises(GraphError, match="not written from N-Quads"):
        write_text(empty, tmp_path / "g.jsonld")
