"""Extract once, build many: event-record JSONL read back into events and built without parsing."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kgraph.cameo import cameo_code
from kgraph.cli import cli
from kgraph.graph import GraphBuilder, load_graph
from kgraph.graph.namespace import RUN
from kgraph.model import Action, ActorRef, Event
from kgraph.reader import Article, Skipped
from kgraph.records import event_from_record, is_record_file, read_records, record_of

ARTICLES = [
    {"id": "a1", "date": "2020-12-14", "url": "https://www.example.org/a1", "title": "Sanctions", "lang": "en",
     "text": "The United States imposed sanctions on Turkey on Monday. Turkey condemned the sanctions."},
    {"id": "a2", "date": "2020-12-15", "lang": "fr",
     "text": "Les États-Unis ont imposé des sanctions à la Turquie. Ankara a condamné cette décision."},
]


CODE = cameo_code("112")


def sample_event(**changes):
    values = dict(
        doc_id="d", sentence_id=1, sentence="Russia accused Ukraine.", lang="en", date="2022-02-20",
        source=ActorRef("Russia", "RUS", "RUS", None, "Russia", "Q159", 10, 16),
        action=Action("accused", CODE.code, CODE.root, CODE.label, CODE.plover, CODE.quad_class, CODE.goldstein, 17, 24),
        target=ActorRef("Ukraine", "UKR", "UKR", None, "Ukraine", "Q212", 25, 32),
        confidence=0.83, date_source="article",
    )
    values.update(changes)
    return Event(**values)


def strip_run(graph: Graph) -> set:
    """The triples, apart from the run's PROV activity (its node and the links to it)."""
    return {t for t in graph if not any(str(term).startswith(str(RUN)) for term in t)}


def test_a_record_reads_back_as_the_same_event_id_and_offsets():
    event = sample_event()
    again = event_from_record(json.loads(json.dumps(event.to_record())))
    assert again.event_id == event.event_id
    assert (again.char_start, again.char_end) == (event.char_start, event.char_end)
    assert again.to_record() == event.to_record()


def test_records_build_the_graph_the_events_build():
    event = sample_event()
    article = Article(doc_id="d", text="…", lang="en", date="2022-02-19", url="https://example.org/d", title="T")
    from kgraph.extract.pipeline import ExtractionResult

    direct = GraphBuilder()
    direct.add_result(ExtractionResult(article, "en", [event]))
    record = record_of(event, article, "en")
    lines = [json.dumps(record)]

    def rebuild(tmp):
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        builder = GraphBuilder()
        builder.add_results(r for r in read_records([tmp]) if not isinstance(r, Skipped))
        return builder.graph

    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        rebuilt = rebuild(Path(tmp) / "events.jsonl")
    assert strip_run(rebuilt) == strip_run(direct.graph)


def test_record_files_are_recognised_by_their_fields(tmp_path):
    records = tmp_path / "events.jsonl"
    records.write_text(json.dumps(sample_event().to_record()) + "\n", encoding="utf-8")
    articles = tmp_path / "news.jsonl"
    articles.write_text(json.dumps(ARTICLES[0]) + "\n", encoding="utf-8")
    assert is_record_file(records) and not is_record_file(articles)
    assert not is_record_file(tmp_path / "missing.jsonl")


def test_bad_record_lines_are_reported_with_file_and_line_and_the_rest_built(tmp_path):
    good = sample_event().to_record()
    broken = dict(good, action={"text": "x"})
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join([json.dumps(good), "{not json", json.dumps(broken), json.dumps({"event_id": "x", "action": {}, "doc_id": 3}), ""]), encoding="utf-8")
    items = list(read_records([path]))
    skipped = [i.message() for i in items if isinstance(i, Skipped)]
    assert [m.split(": ")[0] for m in skipped] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert "invalid JSON" in skipped[0] and "'cameo'" in skipped[1] and "'doc_id'" in skipped[2]
    (result,) = [i for i in items if not isinstance(i, Skipped)]
    assert [e.event_id for e in result.events] == [good["event_id"]]
    assert result.article.date == "2022-02-20"  # from an event dated by its article


def test_build_reports_skipped_records_and_strict_refuses(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_text(json.dumps(sample_event().to_record()) + "\n{oops\n", encoding="utf-8")
    runner = CliRunner()
    out = tmp_path / "g.ttl"
    result = runner.invoke(cli, ["build", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{path}:2" in result.stderr and "1 event record skipped" in result.stderr
    assert len(load_graph(out)) > 0
    result = runner.invoke(cli, ["build", str(path), "-o", str(tmp_path / "h.ttl"), "--strict"])
    assert result.exit_code == 1 and not (tmp_path / "h.ttl").exists()


@pytest.mark.slow
def test_extract_then_build_equals_a_direct_build(tmp_path):
    news = tmp_path / "news.jsonl"
    news.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    runner = CliRunner()
    records = tmp_path / "events.jsonl"
    assert runner.invoke(cli, ["extract", str(news), "-o", str(records)]).exit_code == 0
    assert records.read_text(encoding="utf-8").strip()
    direct, rebuilt = tmp_path / "direct.ttl", tmp_path / "rebuilt.ttl"
    result = runner.invoke(cli, ["build", str(news), "-o", str(direct)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["build", str(records), "-o", str(rebuilt)])
    assert result.exit_code == 0, result.output
    assert strip_run(load_graph(rebuilt)) == strip_run(load_graph(direct))
    assert len(strip_run(load_graph(direct))) > 50
