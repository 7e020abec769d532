"""RDF syntaxes: Turtle, TriG, N-Triples, N-Quads and JSON-LD, streamed from SPARQL.

Triples come out of a SPARQL SELECT and go straight to pyoxigraph's
streaming serialisers (Turtle, TriG, N-Triples, N-Quads) or to kgraph's own
JSON-LD writer, so no document is built in memory.

TriG and N-Quads split the graph into named graphs: each article's graph
(named by the article's IRI) holds the article, its mentions and the
``kg:mention`` links to them, i.e. what that article says; the events graph
(``https://w3id.org/kgraph/graph/events``) holds the events, actors, CAMEO
concepts and extraction runs. Without article provenance everything is in
the events graph.

JSON-LD uses the ``@context`` shipped in the package
(``kgraph/export/data/context.jsonld``, also available through
:func:`jsonld_context`), embedded in the file so it reads offline; one node
object per subject.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterator
from functools import lru_cache
from typing import IO

import pyoxigraph as ox
from rdflib import Graph

from ..graph.namespace import KG, PREFIXES
from ..graph.store import GRAPH_NAME
from ..resources import package_file
from .atomic import atomic_path
from .registry import register
from .sparql import select_terms

__all__ = ["jsonld_context", "write_rdf", "EVENTS_GRAPH"]

#: Name of the graph holding events, actors and concepts in TriG and N-Quads.
EVENTS_GRAPH = str(GRAPH_NAME)

# ---------------------------------------------------------------- SPARQL: every read of the graph
#: Every triple. Stores on disk return a subject's triples together (index order), which Turtle and
#: JSON-LD use to group them, so nothing is sorted (ORDER BY is slow on millions of rows). Nothing depends
#: on the grouping for correctness: a subject split in two is still valid Turtle and JSON-LD.
ALL_TRIPLES = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
#: Which article each mention comes from: its triples, and the kg:mention links to it, go in that article's graph.
MENTION_ARTICLES = "SELECT ?m ?a WHERE { ?m kg:inArticle ?a }"
#: The articles: their own triples go in their graph.
ARTICLES = "SELECT ?a WHERE { ?a a kg:Article }"

_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
_SYNTAXES = {
    "ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS,
}
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _triples(graph: Graph, query: str) -> Iterator[ox.Triple]:
    for s, p, o in select_terms(graph, query):
        yield ox.Triple(s, p, o)


def _quads(graph: Graph) -> Iterator[ox.Quad]:
    """Every triple in its named graph (see the module docstring); one pass over the triples."""
    events = ox.NamedNode(EVENTS_GRAPH)
    article_of = {m: a for m, a in select_terms(graph, MENTION_ARTICLES)}
    articles = {a for (a,) in select_terms(graph, ARTICLES)}
    mention = ox.NamedNode(str(KG.mention))
    for s, p, o in select_terms(graph, ALL_TRIPLES):
        if s in articles:
            name = s
        else:
            name = article_of.get(s) or (article_of.get(o) if p == mention else None) or events
        yield ox.Quad(s, p, o, name)


def write_rdf(graph: Graph, path: str | os.PathLike[str], syntax: str) -> None:
    """Write ``graph`` as ``ttl``, ``nt``, ``trig``, ``nq`` or ``jsonld``."""
    with atomic_path(path) as tmp:
        if syntax == "jsonld":
            with open(tmp, "w", encoding="utf-8") as out:
                _write_jsonld(graph, out)
            return
        fmt = _SYNTAXES[syntax]
        if fmt.supports_datasets:
            source: Iterator[object] = _quads(graph)
        else:
            source = _triples(graph, ALL_TRIPLES)
        with open(tmp, "wb") as out:
            ox.serialize(source, out, fmt, prefixes=_PREFIXES if syntax in ("ttl", "trig") else None)


# ---------------------------------------------------------------- JSON-LD
@lru_cache(maxsize=1)
def jsonld_context() -> dict[str, object]:
    """The JSON-LD ``@context`` shipped with kgraph (prefixes, classes and properties)."""
    with package_file("kgraph.export", "data/context.jsonld").open("r", encoding="utf-8") as handle:
        return json.load(handle)["@context"]


@lru_cache(maxsize=1)
def _terms() -> tuple[dict[str, tuple[str, str | None]], list[tuple[str, str]]]:
    """Property IRI → (term, coerced type), and (namespace, prefix) longest first."""
    context = jsonld_context()
    prefixes = {k: v for k, v in context.items() if isinstance(v, str) and v.endswith(("/", "#"))}

    def expand(value: str) -> str:
        head, _, tail = value.partition(":")
        return prefixes[head] + tail if head in prefixes else value

    terms: dict[str, tuple[str, str | None]] = {}
    for term, value in context.items():
        if term in prefixes:
            continue
        if isinstance(value, str):
            terms.setdefault(expand(value), (term, None))
        elif isinstance(value, dict) and "@id" in value:
            kind = value.get("@type")
            terms.setdefault(expand(value["@id"]), (term, expand(kind) if kind and kind != "@id" else kind))
    ordered = sorted(((ns, p) for p, ns in prefixes.items()), key=lambda item: -len(item[0]))
    return terms, ordered


def _compact(iri: str) -> str:
    _, prefixes = _terms()
    for namespace, prefix in prefixes:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def _node_id(term: object) -> str:
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return _compact(term.value)  # type: ignore[attr-defined]


def _value(term: object, coerce: str | None) -> object:
    if isinstance(term, (ox.NamedNode, ox.BlankNode)):
        return _node_id(term) if coerce == "@id" else {"@id": _node_id(term)}
    literal: ox.Literal = term  # type: ignore[assignment]
    if literal.language:
        return {"@value": literal.value, "@language": literal.language}
    datatype = literal.datatype.value
    if coerce is None and datatype == _XSD_STRING:
        return literal.value
    if coerce == datatype:
        return literal.value
    return {"@value": literal.value, "@type": _compact(datatype)}


def _node(subject: object, pairs: list[tuple[object, object]]) -> dict[str, object]:
    terms, _ = _terms()
    node: dict[str, object] = {"@id": _node_id(subject)}
    types = [_node_id(o) for p, o in pairs if p.value == _RDF_TYPE and not isinstance(o, ox.Literal)]  # type: ignore[attr-defined]
    if types:
        node["@type"] = types if len(types) > 1 else types[0]
    for p, o in pairs:
        iri = p.value  # type: ignore[attr-defined]
        if iri == _RDF_TYPE and not isinstance(o, ox.Literal):
            continue
        term, coerce = terms.get(iri, (_compact(iri), None))
        node.setdefault(term, [])
        node[term].append(_value(o, coerce))  # type: ignore[union-attr]
    return {k: (v[0] if isinstance(v, list) and len(v) == 1 else v) for k, v in node.items()}


def _write_jsonld(graph: Graph, out: IO[str]) -> None:
    out.write('{"@context": ')
    out.write(json.dumps(jsonld_context(), ensure_ascii=False))
    out.write(',\n "@graph": [')
    first = True
    subject, pairs = None, []
    for s, p, o in select_terms(graph, ALL_TRIPLES):
        if subject is not None and s != subject:
            out.write(("\n  " if first else ",\n  ") + json.dumps(_node(subject, pairs), ensure_ascii=False))
            first, pairs = False, []
        subject = s
        pairs.append((p, o))
    if subject is not None:
        out.write(("\n  " if first else ",\n  ") + json.dumps(_node(subject, pairs), ensure_ascii=False))
    out.write("\n]}\n")


def _writer(syntax: str):
    def write(graph: Graph, path: str | os.PathLike[str], **_: object) -> None:
        write_rdf(graph, path, syntax)

    write.__doc__ = f"Write the graph as {syntax} (streamed)."
    return write


for _name, _aliases in (
    ("ttl", ("turtle",)), ("trig", ()), ("nt", ("ntriples", "n-triples")), ("nq", ("nquads", "n-quads")),
    ("jsonld", ("json-ld",)),
):
    register(_name, *_aliases)(_writer(_name))
