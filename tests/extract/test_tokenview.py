"""The plain-value token views (kgraph.tokenview) read exactly what spaCy's tokens give."""
from __future__ import annotations

import json

import pytest

from tests.conftest import EXAMPLES, ROOT

_ATTRS = ("text", "lemma_", "pos_", "tag_", "dep_", "lower_", "idx", "ent_type_", "whitespace_", "is_punct",
          "like_num", "is_lower", "lang_")


def _texts(lang: str) -> list[str]:
    texts = []
    for line in (ROOT / "tests" / "data" / "gold" / f"dev_{lang}.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            texts.append(json.loads(line)["text"])
    example = "rt_fr_turquie_s400.txt" if lang == "fr" else "en_japan_korea_talks.txt"
    texts.append((EXAMPLES / example).read_text(encoding="utf-8"))
    return texts


def _indices(tokens) -> list[int]:
    return [t.i for t in tokens]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_views_read_what_tokens_give(lang):
    from kgraph.nlp import load_model
    from kgraph.text import normalise
    from kgraph.tokenview import DocView

    nlp = load_model(lang)
    for doc in nlp.pipe(normalise(t) for t in _texts(lang)):
        view = DocView(doc)
        assert len(view) == len(doc) and view.texts == [t.text for t in doc] and view.pos == [t.pos_ for t in doc]
        for token in doc:
            seen = view[token.i]
            assert seen.i == token.i and seen.doc is view
            assert [getattr(seen, a) for a in _ATTRS] == [getattr(token, a) for a in _ATTRS]
            assert seen.head.i == token.head.i
            for tree in ("children", "lefts", "rights", "subtree", "conjuncts", "ancestors"):
                assert _indices(getattr(seen, tree)) == _indices(getattr(token, tree)), tree
            assert (seen.left_edge.i, seen.right_edge.i) == (token.left_edge.i, token.right_edge.i)
            assert (seen.sent.start, seen.sent.end) == (token.sent.start, token.sent.end)
            assert str(seen.morph) == str(token.morph)
            assert all(view[a.i].is_ancestor(seen) == a.is_ancestor(token) for a in token.ancestors)
        assert [(s.start, s.end, s.root.i, s.text) for s in view.sents] == [(s.start, s.end, s.root.i, s.text) for s in doc.sents]
        span = view[2:5]
        assert (span.start, span.end, span.text, span.root.i) == (2, 5, doc[2:5].text, doc[2:5].root.i)
        assert _indices(span) == [2, 3, 4]


@pytest.mark.slow
def test_a_changed_parse_is_read_again():
    from kgraph.nlp import load_model
    from kgraph.tokenview import DocView, set_parse

    doc = load_model("en")("Russia threatened on Tuesday to attack Ukraine.")
    view = DocView(doc)
    verb = next(t for t in view if t.lemma_ == "attack")
    head = next(t for t in view if t.lemma_ == "threaten")
    set_parse(verb, head=head, dep="xcomp")
    assert doc[verb.i].dep_ == "xcomp" and doc[verb.i].head.i == head.i
    assert verb.dep_ == "xcomp" and verb.head is head and verb in head.children
    assert view[verb.i] is verb  # the same objects, read again
    assert _indices(head.subtree) == _indices(doc[head.i].subtree)
    assert _indices(head.children) == _indices(doc[head.i].children)
