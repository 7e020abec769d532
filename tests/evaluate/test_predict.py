"""Gold lines read in article context (``kgraph evaluate --article-context``)."""
from __future__ import annotations

from dataclasses import dataclass, field

from kgraph.evaluate.gold import GoldItem
from kgraph.evaluate.predict import _articles, predict
from kgraph.model import Action, ActorRef, Candidate, Event
from kgraph.extract.pipeline import ExtractionResult


def _item(item_id: str, text: str, lang: str = "fr", date: str = "2020-12-30") -> GoldItem:
    return GoldItem(id=item_id, lang=lang, date=date, text=text, events=[])


def test_consecutive_lines_of_one_article_are_grouped():
    items = [_item("seed-01", "a"), _item("seed-02", "b"), _item("gen-a-001", "c"), _item("seed-03", "d"),
             _item("seed-04", "e", date="2021-01-01")]
    assert [[i.id for i in g] for g in _articles(items)] == [["seed-01", "seed-02"], ["gen-a-001"], ["seed-03"], ["seed-04"]]


@dataclass
class _Recorder:
    """An extractor stand-in: one event at the start of each line of each article it is given."""

    seen: list = field(default_factory=list)

    def extract_many(self, articles):
        for article in articles:
            self.seen.append(article.text)
            events, candidates, start = [], [], 0
            for n, line in enumerate(article.text.split("\n")):
                ref = ActorRef(line, "TUR", "TUR", None, None, None, start, start + len(line), "dictionary")
                action = Action(line, "040", "04", "discuss", None, 1, 1.0, start, start + len(line))
                events.append(Event(article.doc_id, n, line, "fr", None, ref, action, None))
                candidates.append(Candidate(n, line, "row", "040", (), (), (), "no target", start))
                start += len(line) + 1
            yield ExtractionResult(article, "fr", events, candidates)


def test_events_are_scored_on_the_line_they_are_in():
    items = [_item("seed-01", "Il a dit."), _item("seed-02", "Le ministre a discuté.")]
    recorder = _Recorder()
    predictions, candidates = predict(items, recorder, context=True)
    assert recorder.seen == ["Il a dit.\nLe ministre a discuté."]
    assert [r["doc_id"] for r in predictions["seed-02"]] == ["seed-02"]
    assert len(predictions["seed-01"]) == len(candidates["seed-02"]) == 1
    predictions, _ = predict(items, _Recorder())
    assert set(predictions) == {"seed-01", "seed-02"}
