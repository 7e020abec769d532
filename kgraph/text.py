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

__all__ = ["fold", "normalise", "split_chunks", "split_front_matter"]

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


_SENTENCE_END = re.compile(r"[.!?][\"')\]\u00bb\u201d]*\s+")


def split_chunks(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` into pieces of at most ``max_chars`` characters.

    Cuts fall after a line break when there is one in the second half of a piece,
    else after a sentence end, else at a space, so that no sentence is split
    unless a single one is longer than ``max_chars``. Returns ``(start, end)``
    offsets into ``text``; together they cover the span exactly.
    """
    if max_chars < 2:
        raise ValueError("max_chars must be at least 2")
    pieces: list[tuple[int, int]] = []
    position = start
    while end - position > max_chars:
        limit = position + max_chars
        floor = position + max_chars // 2
        cut = text.rfind("\n", floor, limit)
        if cut != -1:
            cut += 1
        else:
            ends = [m.end() for m in _SENTENCE_END.finditer(text, floor, limit)]
            if ends:
                cut = ends[-1]
            else:
                space = text.rfind(" ", floor, limit)
                cut = space + 1 if space != -1 else limit
        pieces.append((position, cut))
        position = cut
    pieces.append((position, end))
    return pieces
