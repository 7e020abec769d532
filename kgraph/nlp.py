"""Loading spaCy pipelines and parsing articles into ``Doc`` objects.

Models are loaded once per process and language. A small component,
``kgraph_paragraphs``, runs before the parser and starts a new sentence after
every line break, since news text puts one paragraph per line and the parser
otherwise runs sentences together across paragraphs.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .config import model_name
from .errors import ModelError
from .text import normalise

__all__ = ["load_model", "parse"]


@Language.component("kgraph_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=None)
def _load(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelError(
            f"spaCy model {name!r} is not installed; install it with pip "
            f"(see README) or choose another with --model-fr/--model-en "
            f"or KGRAPH_MODEL_FR/KGRAPH_MODEL_EN"
        ) from err
    if "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy model {name!r} has no dependency parser")
    if "kgraph_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("kgraph_paragraphs", before="parser")
    return nlp


def load_model(lang: str, override: str | None = None) -> Language:
    """Return the (cached) spaCy pipeline for ``lang``."""
    return _load(model_name(lang, override))


def parse(text: str, lang: str, model: str | None = None) -> Doc:
    """Parse one text (normalised first; offsets stay those of ``text``)."""
    return load_model(lang, model)(normalise(text))
