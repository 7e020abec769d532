"""Which graphs an Oxigraph query reads: the merged layer alone whenever that gives the same answer.

A store, and a TriG or N-Quads file, keep the merged layer (events, actors,
relations, counts, dyad summaries) in the default graph and each article's
evidence (the article, its mentions, the ``kg:mention`` links to them) in its
own named graph (:mod:`kgraph.graph.named`). A query means the whole graph, as
it does over a Turtle file, i.e. the union of all graphs; but the union costs
Oxigraph three to four times more on queries of the merged layer, and a
hundred times on a lookup.

So before a query runs, its triple patterns are read (rdflib's SPARQL parser,
the parse cached per query text) and the store is asked, for each pattern
with its constants, whether any *named* graph holds a matching triple (one
index lookup each, ``ASK { GRAPH ?g { … } }``). When none does, every pattern
matches the same triples in the default graph as in the union, so the default
graph alone gives the same answer, and the query runs there. Otherwise (the
shipped ``sentences`` and ``events``, which read mentions; ``?s ?p ?o``;
anything this module cannot read) it runs over the union, as before. Patterns
inside ``GRAPH`` blocks read the named graphs either way and are not asked
about; a query with its own ``FROM``/``FROM NAMED`` runs on the graphs it
names.

Property paths are asked about link by link. A path that can match with zero
steps (``kg:country?`` alone) matches every node of the graph it reads, so it
is only safe next to a step that cannot be skipped (``kg:country?/kg:code``).

:func:`count_all_triples` recognises the one query that is the size of the
graph, ``SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }`` (the shipped
``triples``), which the store answers from its own length.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox
from rdflib.paths import AlternativePath, InvPath, MulPath, NegatedPath, SequencePath
from rdflib.paths import Path as PropertyPath
from rdflib.term import BNode, Literal, URIRef, Variable

from .namespace import PREFIXES

__all__ = ["Patterns", "count_all_triples", "dataset_options", "query_patterns"]

#: A triple pattern's constants (``None`` for a variable or blank node): (subject, predicate, object).
Pattern = tuple[object, object, object]


@dataclass(frozen=True)
class Patterns:
    """What a query reads outside its ``GRAPH`` blocks.

    Attributes:
        patterns: the triple patterns (and path links) with their constants.
        union_only: the query may read something only the union answers alike (a zero-length or
            negated path, DESCRIBE, SERVICE) or could not be read.
        own_dataset: the query names its graphs (``FROM``, ``FROM NAMED``).
    """

    patterns: frozenset[Pattern]
    union_only: bool = False
    own_dataset: bool = False


_UNREADABLE = Patterns(frozenset(), union_only=True)


def _constant(term: object) -> object:
    return None if isinstance(term, (Variable, BNode)) else term


class _Walk:
    def __init__(self) -> None:
        self.patterns: set[Pattern] = set()
        self.union_only = False

    def path(self, path: object) -> bool:
        """Record the links of ``path``; whether it needs at least one step (a zero-length match is impossible)."""
        if isinstance(path, URIRef):
            self.patterns.add((None, path, None))
            return True
        if isinstance(path, InvPath):
            return self.path(path.arg)
        if isinstance(path, SequencePath):
            return any([self.path(arg) for arg in path.args])
        if isinstance(path, AlternativePath):
            return all([self.path(arg) for arg in path.args])
        if isinstance(path, MulPath):
            needed = self.path(path.path)
            return needed and path.mod == "+"
        if isinstance(path, NegatedPath):  # any predicate but these: as good as a variable
            self.patterns.add((None, None, None))
            return True
        self.union_only = True
        return True

    def triple(self, s: object, p: object, o: object) -> None:
        if isinstance(p, PropertyPath):
            if not self.path(p):
                self.union_only = True
            return
        self.patterns.add((_constant(s), _constant(p), _constant(o)))

    def node(self, node: object) -> None:
        if isinstance(node, dict):  # rdflib's CompValue
            name = getattr(node, "name", "")
            if name in ("DescribeQuery", "ServiceGraphPattern"):
                self.union_only = True
            if name == "BGP":
                for triple in node.get("triples") or ():
                    self.triple(*triple)
            for key, value in node.items():
                if (name == "Graph" and key == "p") or key == "template":
                    continue  # GRAPH blocks read named graphs in any case; a CONSTRUCT template reads nothing
                self.node(value)
        elif isinstance(node, (list, tuple)):
            for item in node:
                self.node(item)


@lru_cache(maxsize=512)
def query_patterns(text: str) -> Patterns:
    """The triple patterns ``text`` reads outside ``GRAPH`` blocks (kgraph's prefixes predeclared)."""
    try:
        from rdflib.plugins.sparql import prepareQuery

        query = prepareQuery(text, initNs=dict(PREFIXES))
    except Exception:  # not SPARQL rdflib reads (Oxigraph will say what is wrong, or answer it over the union)
        return _UNREADABLE
    walk = _Walk()
    walk.node(query.algebra)
    own = bool(query.algebra.get("datasetClause"))
    return Patterns(frozenset(walk.patterns), union_only=walk.union_only, own_dataset=own)


def _term(term: object) -> str | None:
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        return term.n3()
    return None


def _in_named_graph(store: ox.Store, pattern: Pattern) -> bool:
    s, p, o = (_term(t) for t in pattern)
    return bool(store.query(f"ASK {{ GRAPH ?g {{ {s or '?s'} {p or '?p'} {o or '?o'} }} }}"))


def _named_graphs(store: ox.Store) -> Iterator[object]:
    return iter(store.named_graphs())


def dataset_options(store: ox.Store, text: str) -> dict[str, object]:
    """The dataset arguments of ``store.query`` for ``text``: the default graph when it answers alike, else the union."""
    if next(_named_graphs(store), None) is None:
        return {}  # one graph holds everything: the default graph is the union
    found = query_patterns(text)
    if found.own_dataset:
        return {}
    if found.union_only or any(_in_named_graph(store, pattern) for pattern in found.patterns):
        return {"use_default_graph_as_union": True}
    return {"default_graph": ox.DefaultGraph()}


_COMMENT = re.compile(r"^\s*#.*$", re.M)
_COUNT_ALL = re.compile(
    r"SELECT\s*\(\s*COUNT\s*\(\s*\*\s*\)\s+AS\s+\?(\w+)\s*\)\s*(?:WHERE\s*)?"
    r"\{\s*\?(\w+)\s+\?(\w+)\s+\?(\w+)\s*\.?\s*\}", re.I)


def count_all_triples(text: str) -> str | None:
    """The result variable if ``text`` is exactly "count every triple", ``SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }``; else ``None``."""
    match = _COUNT_ALL.fullmatch(_COMMENT.sub("", text).strip())
    if match is None or len({match.group(2), match.group(3), match.group(4)}) != 3:
        return None
    return match.group(1)
