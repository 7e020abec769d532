"""Plain-value views of a parsed ``Doc`` for the extraction rules (issue 10, cheap extraction).

Each spaCy ``Token`` attribute read (``token.dep_``, ``token.lemma_``, ``token.head``,
``token.children``…) goes through Cython, decodes a string from the ``StringStore`` or
makes new ``Token`` objects; the rules read such attributes millions of times per thousand
articles. A :class:`DocView` reads the document's columns once (``Doc.to_array``) and makes
one :class:`TokenView` per token, whose attributes are plain Python values: the same
strings, the same heads and children (other views), in the same order. The rules work
unchanged on either kind of object.

What the rules read rarely (morphology, sentences, edges, the root of a span) is taken from
the spaCy objects when first asked for. The rules change the parse in a few places
(:func:`set_parse`); the change is written to the ``Doc`` and the views read again, so that
views and ``Doc`` never disagree.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_LOWER, IS_PUNCT, LEMMA, LIKE_NUM, LOWER, MORPH, ORTH, POS, SPACY, TAG
from spacy.parts_of_speech import NAMES as _POS_NAMES
from spacy.tokens import Doc, MorphAnalysis, Span, Token
from spacy.util import normalize_slice

__all__ = ["DocView", "SpanView", "TokenView", "as_view", "set_parse"]

_COLUMNS = [ORTH, LEMMA, POS, TAG, DEP, LOWER, HEAD, IDX, ENT_TYPE, SPACY, IS_PUNCT, LIKE_NUM, IS_LOWER, MORPH]
_CONJ = "conj"
_SIGNED, _WRAP = 1 << 63, 1 << 64


class _Names(dict):
    """Strings of a ``StringStore`` by hash, decoded once per process."""

    def __init__(self, strings: Any) -> None:
        super().__init__()
        self.strings = strings

    def __missing__(self, key: int) -> str:
        text = self[key] = self.strings[key]
        return text


_NAMES: dict[int, _Names] = {}


def _names(strings: Any) -> _Names:
    names = _NAMES.get(id(strings))
    if names is None or names.strings is not strings:
        names = _NAMES[id(strings)] = _Names(strings)
    return names


class TokenView:
    """One token of a :class:`DocView`: the ``Token`` attributes the rules read, as plain values."""

    __slots__ = ("doc", "i", "text", "lemma_", "pos_", "tag_", "dep_", "lower_", "idx", "ent_type_", "whitespace_",
                 "is_punct", "like_num", "is_lower", "head", "children", "_subtree", "_conjuncts", "_morph", "_edges")

    # ---------------------------------------------------------------- tree
    @property
    def lefts(self) -> tuple[TokenView, ...]:
        i = self.i
        return tuple(c for c in self.children if c.i < i)

    @property
    def rights(self) -> tuple[TokenView, ...]:
        i = self.i
        return tuple(c for c in self.children if c.i > i)

    @property
    def subtree(self) -> tuple[TokenView, ...]:
        """As ``Token.subtree``: each left child's subtree, the token, each right child's subtree."""
        subtree = self._subtree
        if subtree is None:
            i = self.i
            words: list[TokenView] = []
            for child in self.children:
                if child.i < i:
                    words.extend(child.subtree)
            words.append(self)
            for child in self.children:
                if child.i > i:
                    words.extend(child.subtree)
            subtree = self._subtree = tuple(words)
        return subtree

    @property
    def ancestors(self) -> Iterator[TokenView]:
        token, steps, size = self, 0, len(self.doc.views)
        while token.head is not token and steps < size:
            token = token.head
            yield token
            steps += 1

    def is_ancestor(self, descendant: TokenView) -> bool:
        if descendant.doc is not self.doc:
            return False
        return any(ancestor.i == self.i for ancestor in descendant.ancestors)

    @property
    def conjuncts(self) -> tuple[TokenView, ...]:
        """As ``Token.conjuncts``: the tokens coordinated with this one (``conj`` relations)."""
        conjuncts = self._conjuncts
        if conjuncts is None:
            start = self
            while start.head is not start and start.dep_ == _CONJ:
                start = start.head
            queue = [start]
            output = [start]
            for word in queue:
                for child in word.rights:
                    if child.dep_ == _CONJ:
                        output.append(child)
                        queue.append(child)
            conjuncts = self._conjuncts = tuple(w for w in output if w.i != self.i)
        return conjuncts

    def _edge(self, which: int) -> TokenView:
        edges = self._edges
        if edges is None:
            token = self.doc.real[self.i]
            edges = self._edges = (token.left_edge.i, token.right_edge.i)
        return self.doc.views[edges[which]]

    @property
    def left_edge(self) -> TokenView:
        return self._edge(0)

    @property
    def right_edge(self) -> TokenView:
        return self._edge(1)

    @property
    def sent(self) -> SpanView:
        return self.doc.wrap(self.doc.real[self.i].sent)

    # ---------------------------------------------------------------- other attributes
    @property
    def morph(self) -> MorphAnalysis:
        """As ``Token.morph`` (one analysis object per document and analysis)."""
        key = self._morph
        morphs = self.doc.morphs
        morph = morphs.get(key)
        if morph is None:
            morph = morphs[key] = MorphAnalysis.from_id(self.doc.vocab, key)
        return morph

    @property
    def lang_(self) -> str:
        return self.doc.lang_

    @property
    def vocab(self) -> Any:
        return self.doc.vocab

    @property
    def text_with_ws(self) -> str:
        return self.text + self.whitespace_

    def __getattr__(self, name: str) -> Any:
        # Anything else a rule may read, from the spaCy token (not a tree attribute: those are above).
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.doc.real[self.i], name)

    # ---------------------------------------------------------------- as Token
    def __len__(self) -> int:
        return len(self.text)

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__

    # Token orders tokens by character offset (``==`` is identity here: one view per token).
    def __lt__(self, other: TokenView) -> bool:
        return self.idx < other.idx

    def __le__(self, other: TokenView) -> bool:
        return self.idx <= other.idx

    def __gt__(self, other: TokenView) -> bool:
        return self.idx > other.idx

    def __ge__(self, other: TokenView) -> bool:
        return self.idx >= other.idx


class SpanView:
    """A slice of a :class:`DocView` (a sentence, a phrase): its tokens are the document's views."""

    __slots__ = ("doc", "start", "end", "_real")

    def __init__(self, doc: DocView, start: int, end: int, real: Span | None = None) -> None:
        self.doc = doc
        self.start = start
        self.end = end
        self._real = real

    @property
    def real(self) -> Span:
        if self._real is None:
            self._real = self.doc.real[self.start : self.end]
        return self._real

    def __iter__(self) -> Iterator[TokenView]:
        return iter(self.doc.views[self.start : self.end])

    def __len__(self) -> int:
        return self.end - self.start

    def __getitem__(self, key: int | slice) -> Any:
        if isinstance(key, slice):
            start, end = normalize_slice(len(self), key.start, key.stop, key.step)
            return SpanView(self.doc, self.start + start, self.start + end)
        i = self.end + key if key < 0 else self.start + key
        if not self.start <= i < self.end:
            raise IndexError(key)
        return self.doc.views[i]

    @property
    def root(self) -> TokenView:
        return self.doc.views[self.real.root.i]

    @property
    def sent(self) -> SpanView:
        return self.doc.wrap(self.real.sent)

    @property
    def text(self) -> str:
        """As ``Span.text``: the tokens with their spaces, less the last token's."""
        views = self.doc.views[self.start : self.end]
        text = "".join([v.text + v.whitespace_ for v in views])
        return text[:-1] if views and views[-1].whitespace_ else text

    @property
    def start_char(self) -> int:
        return self.real.start_char

    @property
    def end_char(self) -> int:
        return self.real.end_char

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.real, name)

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__


class DocView:
    """A parsed ``Doc`` read once into :class:`TokenView` objects (see the module)."""

    def __init__(self, doc: Doc) -> None:
        self.real = doc
        self.vocab = doc.vocab
        self.lang_ = doc.lang_
        self.views: list[TokenView] = []
        #: Per-document results of pure functions of the tokens' texts (never of the parse).
        self.memo: dict[str, Any] = {}
        self._read()

    def _read(self) -> None:
        """(Re)read the columns of the ``Doc`` into the views (the same objects when re-read)."""
        doc = self.real
        size = len(doc)
        names = _names(self.vocab.strings)
        name = names.__getitem__
        columns = doc.to_array(_COLUMNS).T.tolist() if size else [[] for _ in _COLUMNS]
        orth, lemma, pos, tag, dep, lower, head, idx, ent, space, punct, num, low, morph = columns
        heads = [h - _WRAP if h >= _SIGNED else h for h in head]  # HEAD: a signed offset, stored unsigned
        deps = list(map(name, dep))
        fresh = not self.views
        if fresh:
            new = TokenView.__new__
            views = self.views = [new(TokenView) for _ in range(size)]
            self.texts = texts = list(map(name, orth))
            self.pos = tags = [_POS_NAMES[p] for p in pos]
            self.morphs: dict[int, MorphAnalysis] = {}
            for view, i, text, lemma_, pos_, tag_, lower_, idx_, ent_, space_, punct_, num_, low_, morph_ in zip(
                    views, range(size), texts, map(name, lemma), tags, map(name, tag), map(name, lower), idx, map(name, ent),
                    space, punct, num, low, morph):
                view.doc = self
                view.i = i
                view.text = text
                view.lemma_ = lemma_
                view.pos_ = pos_
                view.tag_ = tag_
                view.lower_ = lower_
                view.idx = idx_
                view.ent_type_ = ent_
                view.whitespace_ = " " if space_ else ""
                view.is_punct = punct_ == 1
                view.like_num = num_ == 1
                view.is_lower = low_ == 1
                view._morph = morph_
        views = self.views
        children: list[list[TokenView]] = [[] for _ in range(size)]
        for i, view, offset, dep_ in zip(range(size), views, heads, deps):
            view.dep_ = dep_
            view._subtree = view._conjuncts = view._edges = None
            if offset:
                children[i + offset].append(view)
            view.head = views[i + offset]
        for view, kids in zip(views, children):
            view.children = tuple(kids)

    def refresh(self) -> None:
        """Read heads and relations again after the ``Doc``'s parse was changed."""
        self._read()

    def wrap(self, span: Span) -> SpanView:
        return SpanView(self, span.start, span.end, span)

    # ---------------------------------------------------------------- as Doc
    def __len__(self) -> int:
        return len(self.views)

    def __iter__(self) -> Iterator[TokenView]:
        return iter(self.views)

    def __getitem__(self, key: int | slice) -> Any:
        if isinstance(key, slice):
            start, end = normalize_slice(len(self.views), key.start, key.stop, key.step)
            return SpanView(self, start, end)
        return self.views[key]

    @property
    def sents(self) -> Iterator[SpanView]:
        for sent in self.real.sents:
            yield SpanView(self, sent.start, sent.end, sent)

    @property
    def text(self) -> str:
        return self.real.text

    def char_span(self, *args: Any, **kwargs: Any) -> SpanView | None:
        span = self.real.char_span(*args, **kwargs)
        return None if span is None else self.wrap(span)

    def to_array(self, *args: Any, **kwargs: Any) -> Any:
        return self.real.to_array(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.real, name)


def as_view(doc: Doc | DocView) -> DocView:
    """``doc`` as a :class:`DocView` (itself if it already is one)."""
    return doc if isinstance(doc, DocView) else DocView(doc)


def set_parse(token: Token | TokenView, head: Token | TokenView | None = None, dep: str | None = None) -> None:
    """Give ``token`` a new head and/or relation, on the ``Doc`` (and its views)."""
    if isinstance(token, TokenView):
        real = token.doc.real[token.i]
        if head is not None:
            real.head = token.doc.real[head.i]
        if dep is not None:
            real.dep_ = dep
        token.doc.refresh()
        return
    if head is not None:
        token.head = head
    if dep is not None:
        token.dep_ = dep
