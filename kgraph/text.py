"""Text clean-up that keeps character offsets valid.

spaCy's French models mis-tokenise typographic apostrophes (``l’achat`` stays
one token) and quotes, so text is normalised before parsing. Every
replacement is one character for one character, so offsets computed on the
normalised text are offsets into the original text too.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "normalise", "split_front_matter"]

# One-for-one replacements: typographic apostrophes, quotes and spaces.
_TRANSLATION = str.maketrans(
    {
        "\u2019": "'",  # right single quotation mark (apostrophe)
        "\u2018": "'",  # left single quotation mark
        "\u02bc": "'",  # modifier letter apostrophe
        "\u00ab": '"',  # «
        "\u00bb": '"',  # »
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space (French typography)
        "\u2009": " ",  # thin space
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
    }
)


def normalise(text: str) -> str:
    """Return ``text`` with typographic characters replaced, length unchanged."""
    out = text.translate(_TRANSLATION)
    assert len(out) == len(text)
    return out


_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split optional front matter from an article.

    Front matter is a block of ``key: value`` lines between two ``---`` lines
    at the very start of the file (``date``, ``title``, ``url``, ``lang``,
    ``id``). Without it the whole text is the body.

    Returns:
        The fields (lower-cased keys, unquoted values) and the body text.
    """
    match = _FRONT.match(text)
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    for line in match.group(1).splitlines():
        field = _FIELD.match(line)
        if field:
            fields[field.group(1).lower()] = field.group(2).strip("\"'")
    return fields, text[match.end():]


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accent-free form of ``text``, used as a matching key in lexicons and tables."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
