"""Running articles through spaCy and the dependency rules."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from ..actors.dictionary import ActorDictionary
from ..config import SUPPORTED_LANGS, model_name
from ..lang import detect_language
from ..model import Event
from ..nlp import load_model
from ..reader import Article
from ..text import normalise
from .dependency import extract_events
from .lexicon import lexicon

__all__ = ["Extractor", "ExtractionResult"]


@dataclass(frozen=True)
class ExtractionResult:
    """The events of one article, with the language it was read in."""

    article: Article
    lang: str
    events: list[Event] = field(default_factory=list)


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
        actors: extra actor dictionaries (PETRARCH ``.actors`` or kgraph tables), winning over the built-in ones.
        agents: extra agent dictionaries (PETRARCH ``.agents`` or kgraph agent tables).
    """

    def __init__(
        self, *, lang: str | None = None, models: dict[str, str | None] | None = None, batch_size: int = 32, untargeted: bool = False,
        actors: tuple[str, ...] = (), agents: tuple[str, ...] = (),
    ) -> None:
        self.untargeted = untargeted
        self.actors = tuple(str(p) for p in actors)
        self.agents = tuple(str(p) for p in agents)
        self.lang = None if lang in (None, "auto") else lang
        self.models = {code: model_name(code, (models or {}).get(code)) for code in SUPPORTED_LANGS}
        self.batch_size = batch_size

    def dictionary(self, lang: str) -> ActorDictionary:
        """The actor dictionary of ``lang`` with this extractor's extra files (loaded once)."""
        return _dictionary(lang, self.models[lang], self.actors, self.agents)

    def language_of(self, article: Article) -> str:
        """The language an article is read in: forced, given, else detected."""
        return self.lang or article.lang or detect_language(article.text)

    def extract(self, article: Article) -> ExtractionResult:
        """Events of one article."""
        return next(iter(self.extract_many([article])))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[ExtractionResult]:
        """Events of many articles, in input order, parsing in batches per language."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, articles: list[Article]) -> Iterator[ExtractionResult]:
        langs = [self.language_of(a) for a in articles]
        docs: dict[int, object] = {}
        for lang in dict.fromkeys(langs):
            indices = [i for i, code in enumerate(langs) if code == lang]
            nlp = load_model(lang, self.models[lang])
            texts = (normalise(articles[i].text) for i in indices)
            for i, doc in zip(indices, nlp.pipe(texts, batch_size=self.batch_size), strict=True):
                docs[i] = doc
        for i, article in enumerate(articles):
            lang = langs[i]
            events = list(
                extract_events(
                    docs[i],
                    text=article.text,
                    doc_id=article.doc_id,
                    lang=lang,
                    date=article.date,
                    dictionary=self.dictionary(lang),
                    lexicon=lexicon(lang),
                    untargeted=self.untargeted,
                )
            )
            yield ExtractionResult(article, lang, events)
