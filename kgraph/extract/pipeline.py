"""Running articles through spaCy and the dependency rules."""
from __future__ import annotations

from collections import Counter
import copy
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..actors.dictionary import ActorDictionary
from ..config import SUPPORTED_LANGS, model_name
from ..lang import detect_language, language_runs, unsupported_language
from ..model import ActorRef, Candidate, Event
from ..nlp import load_model
from ..reader import Article, Item, Skipped
from ..text import normalise, split_chunks
from .dependency import extract_events
from .lexicon import lexicon

__all__ = ["Extractor", "ExtractionResult", "Segment", "MAX_CHUNK_CHARS"]

#: The most characters parsed at once. Far below spaCy's ``max_length`` (1,000,000):
#: the parser needs about 1 GB of memory per 100,000 characters.
MAX_CHUNK_CHARS = 100_000


@dataclass(frozen=True)
class Segment:
    """A piece of an article parsed on its own: a run of one language, cut below the length limit."""

    start: int
    end: int
    lang: str


@dataclass(frozen=True)
class ExtractionResult:
    """The events of one article, with the language it was read in."""

    article: Article
    lang: str
    events: list[Event] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)  # with ``trace``: every trigger considered


@lru_cache(maxsize=None)
def _dictionary(lang: str, model: str, actors: tuple[str, ...] = (), agents: tuple[str, ...] = ()) -> ActorDictionary:
    nlp = load_model(lang, model)
    return ActorDictionary(lang, lambda phrase: [t.text for t in nlp.make_doc(normalise(phrase))], actors=actors, agents=agents)


class Extractor:
    """Extracts events from articles, French and English, with one engine.

    Args:
        lang: force a language (``fr``/``en``); ``None`` or ``auto`` detects it per article.
        models: spaCy model name per language, overriding the configuration.
        batch_size: articles parsed together by ``nlp.pipe``.
        untargeted: also keep events whose recipient was not found.
        max_chars: the most characters parsed at once; longer articles are cut on
            paragraph and sentence boundaries (offsets stay those of the article).
        trace: also keep every trigger considered and what became of it
            (:attr:`ExtractionResult.candidates`, for ``--explain`` and error analysis).
        verbs: paths of user verb lexicon files (verbs.tsv format), matched before the shipped ones.
        actors: extra actor dictionaries (PETRARCH ``.actors`` or kgraph tables), winning over the built-in ones.
        agents: extra agent dictionaries (PETRARCH ``.agents`` or kgraph agent tables).
        jobs: worker processes parsing at once (:mod:`kgraph.extract.parallel`); the
            results are the same, in the same order, for every value.
    """

    def __init__(
        self,
        *,
        lang: str | None = None,
        models: dict[str, str | None] | None = None,
        batch_size: int = 32,
        untargeted: bool = False,
        max_chars: int = MAX_CHUNK_CHARS,
        trace: bool = False,
        verbs: tuple[str, ...] = (),
        actors: tuple[str, ...] = (),
        agents: tuple[str, ...] = (),
        jobs: int = 1,
    ) -> None:
        self.untargeted = untargeted
        self.actors = tuple(str(p) for p in actors)
        self.agents = tuple(str(p) for p in agents)
        self.verbs = tuple(str(v) for v in verbs)
        for code in SUPPORTED_LANGS if self.verbs else ():
            lexicon(code, self.verbs)  # a broken user file fails here, before any output
        self.lang = None if lang in (None, "auto") else lang
        self.models = {code: model_name(code, (models or {}).get(code)) for code in SUPPORTED_LANGS}
        self.batch_size = batch_size
        self.max_chars = max_chars
        self.trace = trace
        self.jobs = max(1, jobs)

    def single(self) -> Extractor:
        """This extractor working in the calling process only (``jobs=1``)."""
        clone = copy.copy(self)
        clone.jobs = 1
        return clone

    def dictionary(self, lang: str) -> ActorDictionary:
        """The actor dictionary of ``lang`` with this extractor's extra files (loaded once)."""
        return _dictionary(lang, self.models[lang], self.actors, self.agents)

    def language_of(self, article: Article) -> str:
        """The language an article is read in: forced, given, else detected."""
        return self.lang or article.lang or detect_language(article.text)

    def screen(self, items: Iterable[Item]) -> Iterator[Item]:
        """Pass readable articles on; turn articles in unsupported languages into :class:`Skipped`.

        A language given with the article (JSONL ``lang``) must be supported; an
        article without one is skipped only when it is clearly in another language.
        ``--lang`` (``lang`` here) forces the language and skips nothing.
        """
        supported = ", ".join(SUPPORTED_LANGS)
        for item in items:
            if isinstance(item, Skipped) or self.lang:
                yield item
                continue
            foreign = item.lang if item.lang and item.lang not in SUPPORTED_LANGS else None
            if foreign is None and item.lang is None:
                foreign = unsupported_language(item.text)
            if foreign:
                yield Skipped(item.origin, f"language {foreign} is not supported ({supported})")
            else:
                yield item

    def segments(self, article: Article) -> list[Segment]:
        """How an article is parsed: runs of one language (detected per paragraph when the
        language is neither forced nor given), each cut below :attr:`max_chars`."""
        lang = self.language_of(article)
        text = article.text
        runs = language_runs(text, lang) if not (self.lang or article.lang) else [(0, len(text), lang)]
        return [
            Segment(start, end, run_lang)
            for run_start, run_end, run_lang in runs
            for start, end in split_chunks(text, run_start, run_end, self.max_chars)
        ]

    def extract(self, article: Article) -> ExtractionResult:
        """Events of one article."""
        return next(iter(self.extract_many([article])))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[ExtractionResult]:
        """Events of many articles, in input order, parsing in batches per language.

        ``articles`` is read lazily, a batch (or, with several jobs, a few batches per
        worker) ahead of the results consumed; each batch's Docs are dropped once its
        events are extracted.
        """
        if self.jobs > 1:
            from .parallel import extract_parallel

            yield from extract_parallel(self, articles, self.jobs)
            return
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, articles: list[Article]) -> Iterator[ExtractionResult]:
        plans = [self.segments(a) for a in articles]
        pieces = [(i, j, seg) for i, plan in enumerate(plans) for j, seg in enumerate(plan)]
        docs: dict[tuple[int, int], object] = {}
        for lang in dict.fromkeys(seg.lang for _, _, seg in pieces):
            mine = [(i, j, seg) for i, j, seg in pieces if seg.lang == lang]
            nlp = load_model(lang, self.models[lang])
            texts = (normalise(articles[i].text[seg.start : seg.end]) for i, _, seg in mine)
            for (i, j, _), doc in zip(mine, nlp.pipe(texts, batch_size=self.batch_size), strict=True):
                docs[i, j] = doc
        for i, article in enumerate(articles):
            events: list[Event] = []
            candidates: list[Candidate] = []
            sentences = 0
            for j, seg in enumerate(plans[i]):
                doc = docs.pop((i, j))
                seen: list[Candidate] | None = [] if self.trace else None
                found = extract_events(
                    doc,
                    text=article.text[seg.start : seg.end],
                    doc_id=article.doc_id,
                    lang=seg.lang,
                    date=article.date,
                    dictionary=self.dictionary(seg.lang),
                    lexicon=lexicon(seg.lang, self.verbs),
                    untargeted=self.untargeted,
                    candidates=seen,
                )
                events.extend(_placed(event, seg.start, sentences, article) for event in found)
                if seen:
                    candidates.extend(replace(c, sentence_id=c.sentence_id + sentences, start=c.start + seg.start) for c in seen)
                sentences += sum(1 for _ in doc.sents)
            sizes = Counter()
            for seg in plans[i]:
                sizes[seg.lang] += seg.end - seg.start
            main = sizes.most_common(1)[0][0] if sizes else self.language_of(article)
            yield ExtractionResult(article, main, events, candidates)


def _moved(ref: ActorRef | None, offset: int) -> ActorRef | None:
    return None if ref is None else replace(ref, start=ref.start + offset, end=ref.end + offset)


def _placed(event: Event, offset: int, sentences: int, article: Article) -> Event:
    """An event of one segment placed in its article: offsets, sentence number, date source."""
    date_source = article.date_source if event.date == article.date else "text"
    if event.date is None:
        date_source = None
    if not offset and not sentences:
        return replace(event, date_source=date_source)
    action = replace(event.action, start=event.action.start + offset, end=event.action.end + offset)
    return replace(
        event,
        sentence_id=event.sentence_id + sentences,
        source=_moved(event.source, offset),
        target=_moved(event.target, offset),
        action=action,
        date_source=date_source,
    )
