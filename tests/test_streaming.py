"""Inputs are read lazily through the command line: never a list of all the articles."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from kgraph.cli import _Articles, cli
from kgraph.reader import Article, Skipped


def _items(taken: list[int], n: int = 1000):
    yield Skipped("bad.jsonl:1", "broken JSON")
    for i in range(n):
        taken.append(i)
        yield Article(doc_id=f"a{i}", text=f"text {i}")


def test_articles_read_ahead_only_to_the_first_and_count_as_they_go(capsys):
    taken: list[int] = []
    articles = _Articles(_items(taken))
    assert articles.any() and taken == [0]  # one article read ahead, not the input
    stream = iter(articles)
    assert [next(stream).doc_id for _ in range(3)] == ["a0", "a1", "a2"]
    assert len(taken) == 3 and articles.read == 3
    assert sum(1 for _ in stream) == 997 and articles.read == 1000
    err = capsys.readouterr().err
    assert "kgraph: skipped bad.jsonl:1" in err and err.count("1 input item skipped") == 1


def test_no_article_at_all_is_known_before_any_work(capsys):
    articles = _Articles(iter([Skipped("x.txt", "empty text")]))
    assert not articles.any() and list(articles) == [] and articles.read == 0


def test_build_with_nothing_readable_leaves_the_graph_untouched(tmp_path):
    graph = tmp_path / "g.ttl"
    graph.write_text("# keep me\n", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(bad), "-o", str(graph), "--jobs", "1"])
    assert result.exit_code == 1 and "left untouched" in result.output
    assert graph.read_text(encoding="utf-8") == "# keep me\n"


@pytest.mark.slow
def test_counts_stay_right_when_an_event_spans_batches(tmp_path):
    """Two articles reporting the same event in different batches of a streamed store build."""
    from kgraph.graph import GraphBuilder, open_graph
    from kgraph.graph.namespace import KG
    from kgraph.graph.store import stream_store
    from kgraph.graph.stream import graph_batches
    from kgraph.extract import Extractor
    from kgraph.reader import Article

    extractor = Extractor(lang="en")
    articles = [Article(f"a{i}", "Russia condemned the United States.", "en", "2021-03-01", url=f"https://site{i}.example/x")
                for i in range(3)]
    builder = GraphBuilder(models=extractor.models)
    batches = graph_batches(builder, extractor.extract_many(articles), size=1)
    stream_store(batches, tmp_path / "store")
    with open_graph(tmp_path / "store") as graph:
        counts = {int(o) for o in graph.objects(None, KG.numMentions)}
    assert counts == {3}
