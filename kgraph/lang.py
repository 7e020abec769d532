"""Language detection restricted to the languages kgraph supports."""
from __future__ import annotations

import re
from functools import lru_cache

from .config import SUPPORTED_LANGS

__all__ = ["detect_language"]

_WORD = re.compile(r"[^\W\d_]+", re.U)
# Function words, used when the statistical detector has no opinion (very short text).
_FUNCTION_WORDS = {
    "fr": {"le", "la", "les", "des", "du", "et", "est", "une", "un", "que", "qui", "dans", "pour", "avec", "sur", "pas", "au", "aux", "a", "ont"},
    "en": {"the", "of", "and", "is", "a", "an", "to", "in", "that", "with", "for", "on", "was", "has", "have", "by", "not", "are", "it", "said"},
}


@lru_cache(maxsize=1)
def _factory() -> object:
    from langdetect import DetectorFactory

    DetectorFactory.seed = 0  # deterministic answers
    return DetectorFactory


def detect_language(text: str, default: str = "en") -> str:
    """Guess whether ``text`` is French or English.

    Uses langdetect's n-gram profiles (offline), keeping only the supported
    languages; falls back to counting function words, then to ``default``.
    """
    sample = text[:4000]
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return default
    try:
        _factory()
        from langdetect import detect_langs
        from langdetect.lang_detect_exception import LangDetectException

        try:
            ranked = detect_langs(sample)
        except LangDetectException:
            ranked = []
        for guess in ranked:
            if guess.lang in SUPPORTED_LANGS and guess.prob >= 0.5:
                return guess.lang
    except ImportError:  # pragma: no cover - langdetect is a dependency
        pass
    scores = {lang: sum(w in fw for w in words) for lang, fw in _FUNCTION_WORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] > 0 else default
