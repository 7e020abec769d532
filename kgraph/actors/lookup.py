"""Resolving an actor phrase on its own: ``kgraph actors lookup``.

The phrase is parsed with the language's spaCy model and its head resolved
the way the extractor resolves a subject or an object, so a lookup shows what
extraction would make of the same words ("la police turque" → ``TURCOP``,
"Tusk" on 2017-05-01 → ``IGOEUR``). An unresolvable phrase gives a result with
``code`` None, never an error.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

from spacy.tokens import Doc, Token

from ..model import ActorRef

__all__ = ["LookupResult", "ActorLookup"]


@dataclass(frozen=True)
class LookupResult:
    """How one phrase resolves (``code`` None when it does not)."""

    text: str
    code: str | None
    country: str | None
    sector: str | None
    label: str | None
    wikidata: str | None
    rule: str | None

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


def _head(doc: Doc) -> Token:
    """The head of a phrase parsed alone: the root of its first sentence, or its last noun
    when the parser took the phrase for a clause ("Police fired")."""
    sent = next(iter(doc.sents))
    root = sent.root
    if root.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        return root
    nouns = [t for t in sent if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "flat", "flat:name")]
    return nouns[0] if nouns else root


class ActorLookup:
    """Resolves actor phrases one at a time, with the extractor's models and dictionaries.

    Args:
        extractor: a :class:`kgraph.extract.Extractor` (its models, ``--actors`` and ``--agents`` files).
    """

    def __init__(self, extractor: Any) -> None:
        self.extractor = extractor

    def lookup(self, text: str, *, lang: str | None = None, date: str | None = None) -> LookupResult:
        """How ``text`` resolves in ``lang`` (detected if None) on ``date`` (ISO)."""
        from ..extract.lexicon import lexicon
        from ..nlp import load_model
        from ..reader import Article
        from ..text import normalise
        from ..tokenview import as_view
        from .resolver import ActorResolver

        if not text.strip():
            return LookupResult(text, None, None, None, None, None, None)
        lang = lang if lang not in (None, "auto") else self.extractor.language_of(Article(doc_id="-", text=text))
        nlp = load_model(lang, self.extractor.models[lang])
        doc = as_view(nlp(normalise(text)))
        resolver = ActorResolver(doc, text, self.extractor.dictionary(lang), lexicon(lang), date=date)
        for index, sent in enumerate(doc.sents):
            resolver.start_sentence(index, sent)
        refs = resolver.resolve(_head(doc))
        if not refs:
            # Words the parse does not join (a list, a headline): the first phrase that resolves,
            # else the first dictionary phrase of any kind ("Hungarian" alone is Hungary).
            for token in doc:
                refs = [r for r in resolver.resolve_one(token) if r.how != "pronoun"]
                if refs:
                    break
            else:
                refs = [ref for ref in (resolver.named(t) for t in doc) if ref is not None][:1]
        return _result(text, refs[0] if refs else None)

    def lookup_many(self, items: Iterable[dict[str, Any]]) -> Iterator[LookupResult]:
        """Results for ``{"text", "lang", "date"}`` items, in order."""
        for item in items:
            yield self.lookup(str(item.get("text") or ""), lang=item.get("lang"), date=item.get("date"))


def _result(text: str, ref: ActorRef | None) -> LookupResult:
    if ref is None:
        return LookupResult(text, None, None, None, None, None, None)
    return LookupResult(text, ref.code, ref.country, ref.sector, ref.label, ref.wikidata, ref.rule or ref.how)
