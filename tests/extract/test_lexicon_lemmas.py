"""Every lemma of the lexicon is the lemma the language's spaCy model gives a typical form (slow).

A row that spaCy never produces is a row that never matches: the verb and noun files are
checked through their ``example`` sentences (the row's lemma must be the lemma of one of
the example's words), the word classes through a short sentence using the word, and the
imported PETRARCH verb keys through "They will VERB it.".
"""
from __future__ import annotations

import pytest

from kgraph.extract.lexicon import lexicon, verb_key
from kgraph.nlp import load_model
from kgraph.resources import read_tsv
from kgraph.text import fold, normalise

pytestmark = pytest.mark.slow

_PKG = "kgraph.extract"


def _example_misses(lang: str, name: str) -> list[str]:
    nlp, lex = load_model(lang), lexicon(lang)
    rows = [r for r in read_tsv(_PKG, name) if r["lang"] == lang]
    assert all(r.get("example") for r in rows), f"{name}: every {lang} row needs an example"
    misses = []
    for row, doc in zip(rows, nlp.pipe(normalise(r["example"]) for r in rows), strict=True):
        words = (verb_key(row["lemma"]) if "verbs" in name else fold(row["lemma"])).split()
        head, rest = (words[1], words[2:]) if words[0] == "se" and len(words) > 1 else (words[0], words[1:])
        lemmas = {candidate for t in doc for candidate in lex.verb_lemmas(t.lemma_, t.text)} if "verbs" in name \
            else {fold(t.lemma_) for t in doc}
        if head not in lemmas or any(p not in {fold(t.lemma_) for t in doc} for p in rest):
            misses.append(f"{row['lemma']!r}: {row['example']!r} -> {' '.join(t.lemma_ for t in doc)}")
    return misses


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", ["data/verbs.tsv", "data/nouns.tsv"])
def test_row_lemmas_are_the_models_lemmas(lang, name):
    misses = _example_misses(lang, name)
    assert not misses, f"{len(misses)} {lang} rows of {name} whose lemma the model does not give:\n" + "\n".join(misses)


@pytest.mark.parametrize(("lang", "frames"), [
    ("fr", ("Ils ont vu le {} hier.", "Ils ont vu les {}s hier.")),
    ("en", ("They saw the {} yesterday.", "They saw the {}s yesterday.")),
])
def test_word_class_members_are_the_models_lemmas(lang, frames):
    nlp = load_model(lang)
    words = sorted({r["word"] for r in read_tsv(_PKG, "data/classes.tsv") if r["lang"] == lang})
    misses = []
    for word in words:
        lemmas = set()
        for doc in nlp.pipe(f.format(word) for f in frames):
            lemmas |= {fold(t.lemma_) for t in doc if fold(t.text).startswith(fold(word)[:-1] if len(word) > 3 else fold(word))}
        if fold(word) not in lemmas:
            misses.append(f"{word!r} -> {sorted(lemmas)}")
    assert not misses, f"{lang} class words the model does not give as lemmas: {misses}"


def test_imported_verb_keys_are_the_models_lemmas():
    nlp = load_model("en")
    keys = sorted({verb_key(r["lemma"]).split()[0] for r in read_tsv(_PKG, "data/verbs_petrarch.tsv")})
    docs = nlp.pipe(f"They will {k} it." for k in keys)
    misses = [k for k, doc in zip(keys, docs, strict=True) if fold(doc[2].lemma_) != k]
    # The dictionary lists a few inflected forms as verbs ("KILLED", "BURNT"): dead rows, not wrong ones.
    assert len(misses) <= 0.01 * len(keys), misses
