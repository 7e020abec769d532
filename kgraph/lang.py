"""Language detection restricted to the languages kgraph supports."""
from __future__ import annotations

import re
from functools import lru_cache

from .config import SUPPORTED_LANGS

__all__ = ["detect_language", "language_runs", "unsupported_language"]

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


#: langdetect's confidence above which an article is taken to be in another language.
_FOREIGN_PROB = 0.9
#: Fewer words than this are never called foreign (detection is unreliable on them).
_FOREIGN_MIN_WORDS = 8


_KNOWN_WORDS = frozenset().union(*_FUNCTION_WORDS.values())


def _function_word_share(words: list[str]) -> float:
    return sum(w in _KNOWN_WORDS for w in words) / max(1, len(words))


def unsupported_language(text: str) -> str | None:
    """The language of ``text`` when it is clearly neither French nor English, else ``None``.

    Returns langdetect's code (``de``, ``ar``, …) only when it is confident and the
    text has few French or English function words, so short or mixed texts are
    never rejected by mistake.
    """
    sample = text[:4000]
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < _FOREIGN_MIN_WORDS or _function_word_share(words) >= 0.12:
        return None
    try:
        _factory()
        from langdetect import detect_langs
        from langdetect.lang_detect_exception import LangDetectException

        ranked = detect_langs(sample)
    except (ImportError, LangDetectException):
        return None
    if ranked and ranked[0].lang not in SUPPORTED_LANGS and ranked[0].prob >= _FOREIGN_PROB:
        return ranked[0].lang.split("-")[0]
    return None


_PARAGRAPH = re.compile(r"[^\n]+")
#: A paragraph is given its own language only with at least this many words.
_PARAGRAPH_MIN_WORDS = 6


#: Wider function-word lists for telling French from English paragraph by paragraph
#: (words that are not also common words of the other language).
_PARAGRAPH_WORDS = {
    "fr": _FUNCTION_WORDS["fr"] | {
        "de", "à", "ne", "été", "sont", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "après", "selon",
        "lors", "entre", "contre", "par", "il", "elle", "ils", "nous", "vous", "mais", "ou", "où", "aussi", "très",
        "sans", "sous", "vers", "depuis", "avait", "était", "sera", "fait", "dont", "d", "l", "qu", "n", "s", "c",
    },
    "en": _FUNCTION_WORDS["en"] | {
        "its", "their", "his", "her", "over", "after", "from", "at", "as", "had", "were", "be", "been", "this",
        "would", "will", "but", "who", "which", "they", "he", "she", "we", "against", "into", "than", "also",
        "about", "since", "while", "or", "there", "what", "when", "could", "should", "them", "these", "those",
    },
}


def _paragraph_language(text: str) -> str | None:
    """French or English by function words when one clearly dominates, else by langdetect."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < _PARAGRAPH_MIN_WORDS:
        return None
    scores = {lang: sum(w in fw for w in words) for lang, fw in _PARAGRAPH_WORDS.items()}
    (best, top), (_, second) = sorted(scores.items(), key=lambda kv: -kv[1])[:2]
    if top >= 2 and top >= 2 * max(second, 1):
        return best
    guess = detect_language(text, default="")
    return guess or None


def language_runs(text: str, default: str) -> list[tuple[int, int, str]]:
    """Split ``text`` into runs of paragraphs of one language: ``(start, end, lang)``.

    Each paragraph (line) is classified by French and English function words; a
    paragraph that is too short or unclear takes the language of the run it is in.
    Text in one language gives one run covering all of it, in ``default``.
    """
    runs: list[list] = []
    for match in _PARAGRAPH.finditer(text):
        lang = _paragraph_language(match.group())
        if runs and (lang is None or lang == runs[-1][2]):
            runs[-1][1] = match.end()
        elif not runs:
            runs.append([0, match.end(), lang])
        else:
            runs.append([match.start(), match.end(), lang])
    if not runs:
        return [(0, len(text), default)]
    for run in runs:
        if run[2] is None:
            run[2] = default
    merged: list[list] = []
    for run in runs:
        if merged and merged[-1][2] == run[2]:
            merged[-1][1] = run[1]
        else:
            merged.append(run)
    merged[-1][1] = len(text)
    for left, right in zip(merged, merged[1:]):
        left[1] = right[0]
    if len(merged) == 1:
        return [(0, len(text), merged[0][2])]
    return [(start, end, lang) for start, end, lang in merged]
