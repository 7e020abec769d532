"""RDF syntaxes: Turtle, TriG, N-Triples, N-Quads and JSON-LD, streamed from the Oxigraph store.

Quads come out of the store's indexes (``quads_for_pattern``; SPARQL only for
the list of subjects and of articles) and go straight to pyoxigraph's
streaming serialisers (Turtle, TriG, N-Quads), to Oxigraph's own dump
(N-Triples) or to kgraph's own JSON-LD writer, so no document is built in
memory.

TriG and N-Quads split the graph as a build writes them
(:mod:`kgraph.graph.named`): each article's graph (named by the article's
IRI) holds the article, its mentions and the ``kg:mention`` links to them,
i.e. what that article says; the default graph holds the merged layer (the
events, actors, CAMEO concepts, relations, summaries and extraction runs).
Without article provenance everything is in the default graph.

JSON-LD uses the ``@context`` shipped in the package
(``kgraph/export/data/context.jsonld``, also available through
:func:`jsonld_context`), embedded in the file so it reads offline; one node
object per subject.
"""
from __future__ import annotations

import json
import os
import zlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import RDF, Graph

from ..errors import GraphError, KGraphError
from ..graph.namespace import KG, PREFIXES
from ..resources import package_file
from .atomic import atomic_path
from .registry import register
from .sparql import contains_bytes, oxigraph_store, select_terms, single_graph, temporary_directory

__all__ = ["jsonld_context", "stream_file", "write_rdf"]

# ---------------------------------------------------------------- SPARQL: every read of the graph
# Graphs spread over several graphs of a store (a store directory, a TriG or N-Quads file) are read quad
# by quad with ``quads_for_pattern``, graph by graph: a subject's triples in two graphs come out apart,
# which is still valid Turtle and JSON-LD (a subject split in two). One graph is read subject by subject.
#: Which article each mention comes from: its triples, and the kg:mention links to it, go in that article's graph.
MENTION_ARTICLES = "SELECT ?m ?a WHERE { ?m kg:inArticle ?a }"
#: The articles: their own triples go in their graph.
ARTICLES = "SELECT ?a WHERE { ?a a kg:Article }"
#: Every subject once: the writers read each subject's triples together.
SUBJECTS = "SELECT DISTINCT ?s WHERE { ?s ?p ?o }"

_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
_SYNTAXES = {
    "ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS,
}
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _subjects_grouped(graph: Graph) -> Iterator[ox.Quad]:
    """Every triple of ``graph`` as a quad, each subject's triples together.

    When one graph of its Oxigraph store holds them all (a kgraph store, a graph file), each subject's
    triples are read with one index lookup (Oxigraph's in-memory store returns a full scan in no
    useful order); otherwise (a union of graphs) through SPARQL, in the store's order.
    """
    store = oxigraph_store(graph)
    name = single_graph(store)
    if name is None:  # every quad of every graph, read by Oxigraph without a SPARQL row per triple
        return store.quads_for_pattern(None, None, None, None)
    # chain and map run in C: no Python frame per triple, one call per subject.
    return chain.from_iterable(
        map(lambda row: store.quads_for_pattern(row[0], None, None, name), select_terms(graph, SUBJECTS))
    )


def _quads(graph: Graph) -> Iterator[ox.Quad]:
    """Every triple in its graph (see the module docstring), each graph's triples together."""
    events = ox.DefaultGraph()  # the merged layer, as kgraph.graph.named.quads places it
    mention = ox.NamedNode(str(KG.mention))
    store = oxigraph_store(graph)
    name = single_graph(store)
    if name is None:  # triples over several graphs: decide quad by quad
        article_of = {m: a for m, a in select_terms(graph, MENTION_ARTICLES)}
        article_of.update((a, a) for (a,) in select_terms(graph, ARTICLES))
        where = article_of.get
        for quad in store.quads_for_pattern(None, None, None, None):
            s, p, o = quad.subject, quad.predicate, quad.object
            place = where(s)
            yield ox.Quad(s, p, o, place if place is not None else where(o, events) if p == mention else events)
        return
    mentions: dict[object, list[object]] = {}
    for (a,) in select_terms(graph, ARTICLES):
        mentions.setdefault(a, [])
    reported: set[object] = set()
    for m, a in select_terms(graph, MENTION_ARTICLES):
        mentions.setdefault(a, []).append(m)
        reported.add(m)
    for article, said in mentions.items():
        for q in store.quads_for_pattern(article, None, None, name):
            yield ox.Quad(q.subject, q.predicate, q.object, article)
        for m in said:
            for q in store.quads_for_pattern(m, None, None, name):
                yield ox.Quad(q.subject, q.predicate, q.object, article)
            for q in store.quads_for_pattern(None, mention, m, name):
                yield ox.Quad(q.subject, q.predicate, q.object, article)
    for (subject,) in select_terms(graph, SUBJECTS):
        if subject in mentions or subject in reported:
            continue
        for q in store.quads_for_pattern(subject, None, None, name):
            p, o = q.predicate, q.object
            if p == mention and o in reported:
                continue
            yield ox.Quad(subject, p, o, events)


def write_rdf(graph: Graph, path: str | os.PathLike[str], syntax: str) -> None:
    """Write ``graph`` as ``ttl``, ``nt``, ``trig``, ``nq`` or ``jsonld``.

    N-Triples are dumped by Oxigraph itself, graph by graph (no row crosses into Python); Turtle, TriG,
    N-Quads and JSON-LD stream the store's quads through Python once, a subject (or, in TriG and N-Quads,
    an article's graph) at a time.
    """
    with atomic_path(path) as tmp:
        if syntax == "jsonld":
            with open(tmp, "w", encoding="utf-8") as out:
                _write_jsonld(_subjects_grouped(graph), out)
            return
        fmt = _SYNTAXES[syntax]
        prefixes = _PREFIXES if syntax in ("ttl", "trig") else None
        with open(tmp, "wb") as out:
            if fmt.supports_datasets:
                ox.serialize(_quads(graph), out, fmt, prefixes=prefixes)
                return
            store = oxigraph_store(graph)
            name = single_graph(store)
            if syntax == "nt":  # line order does not matter: Oxigraph writes it all, graph by graph
                for one in [name] if name is not None else [ox.DefaultGraph(), *store.named_graphs()]:
                    store.dump(out, fmt, from_graph=one)
            else:
                ox.serialize(map(attrgetter("triple"), _subjects_grouped(graph)), out, fmt, prefixes=prefixes)


#: Graph files holding one graph, whose triples an export to one graph's syntax takes straight from
#: Oxigraph's parser (:func:`stream_file`), with no store in between.
STREAMED_INPUTS = {".nt": ox.RdfFormat.N_TRIPLES, ".ttl": ox.RdfFormat.TURTLE}
#: The export syntaxes :func:`stream_file` writes: N-Quads and TriG in two passes (the articles and their
#: mentions first, then each triple in its graph; TriG's article graphs through bucket files).
STREAMED_OUTPUTS = ("nt", "ttl", "jsonld", "nq", "trig")
#: TriG streamed from a file: the article graphs' quads go to this many bucket files (by graph), each read
#: back into a small in-memory store to write its graphs one by one (about 1/64 of the graph at a time).
TRIG_BUCKETS = 64
#: Quads a bucket holds in memory before they are appended to its file.
_BUCKET_FLUSH = 4096


def stream_file(source: str | os.PathLike[str], syntax: str, path: str | os.PathLike[str]) -> bool:
    """Convert the graph file ``source`` to ``syntax`` as Oxigraph parses it: memory stays flat and no store is built.

    Triples come out in the file's order (a file kgraph wrote is sorted, so each subject's triples are
    together, as Turtle and JSON-LD group them); a triple written twice in the file is written twice.
    N-Quads and TriG read the file twice: first which article each mention comes from (a dictionary of
    the articles and mentions, the only memory that grows with the graph), then each triple goes to its
    graph as :func:`_quads` places it; TriG writes the default graph first, then the article graphs
    gathered through bucket files in a temporary folder (:func:`_graph_by_graph`). TriG of a file
    with blank nodes goes through a store (``False``).

    Returns:
        ``False`` (nothing written) when ``source`` is not an N-Triples or Turtle file or ``syntax`` is not
        ``nt``, ``ttl`` or ``jsonld``: the caller then opens the graph and exports it.

    Raises:
        GraphError: the file is missing or does not parse.
        KGraphError: the file holds no triple.
    """
    source = Path(source)
    fmt_in = STREAMED_INPUTS.get(source.suffix.lower())
    if fmt_in is None or syntax not in STREAMED_OUTPUTS or not source.is_file():
        return False
    if syntax == "trig" and contains_bytes(source, b"_:"):  # the buckets are parsed again: blank nodes would split
        return False
    count = 0

    def counted(quads: Iterator[ox.Quad]) -> Iterator[ox.Quad]:
        nonlocal count
        for count, quad in enumerate(quads, 1):  # noqa: B007 (the count is read after the loop)
            yield quad

    try:
        with atomic_path(path) as tmp:
            quads = counted(ox.parse(path=str(source), format=fmt_in))
            if syntax == "jsonld":
                with open(tmp, "w", encoding="utf-8") as out:
                    _write_jsonld(quads, out)
            elif syntax in ("nq", "trig"):
                places = _article_places(ox.parse(path=str(source), format=fmt_in))
                with open(tmp, "wb") as out:
                    if syntax == "nq":
                        ox.serialize(_placed(quads, places), out, ox.RdfFormat.N_QUADS)
                    else:
                        with temporary_directory(source, "temporary folder") as folder:
                            ox.serialize(_graph_by_graph(_placed(quads, places), folder), out, ox.RdfFormat.TRIG,
                                         prefixes=_PREFIXES)
            else:
                with open(tmp, "wb") as out:
                    prefixes = _PREFIXES if syntax == "ttl" else None
                    ox.serialize(map(attrgetter("triple"), quads), out, _SYNTAXES[syntax], prefixes=prefixes)
            if not count:
                raise KGraphError("the graph is empty: nothing to export")
    except (SyntaxError, ValueError) as err:
        message = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise GraphError(f"{source}: cannot parse as {fmt_in.name}: {message}") from err
    return True


def _article_places(quads: Iterable[ox.Quad]) -> dict[object, object]:
    """Article of each mention (``kg:inArticle``) and of each article (itself), as :func:`_quads` reads them."""
    in_article, rdf_type, article = ox.NamedNode(str(KG.inArticle)), ox.NamedNode(str(RDF.type)), ox.NamedNode(str(KG.Article))
    mentions: dict[object, object] = {}
    articles: dict[object, object] = {}
    for quad in quads:
        p = quad.predicate
        if p == in_article:
            mentions[quad.subject] = quad.object
        elif p == rdf_type and quad.object == article:
            articles[quad.subject] = quad.subject
    mentions.update(articles)
    return mentions


def _placed(quads: Iterable[ox.Quad], places: dict[object, object]) -> Iterator[ox.Quad]:
    """Each triple in its graph: an article's or a mention's triples, and the ``kg:mention`` link to a
    mention, in the article's graph; everything else in the default graph (the merged layer)."""
    events = ox.DefaultGraph()
    mention = ox.NamedNode(str(KG.mention))
    where = places.get
    for quad in quads:
        s, p, o = quad.subject, quad.predicate, quad.object
        place = where(s)
        yield ox.Quad(s, p, o, place if place is not None else where(o, events) if p == mention else events)


def _graph_by_graph(quads: Iterable[ox.Quad], folder: Path) -> Iterator[ox.Quad]:
    """The default graph's quads as they come, then each named graph's quads together.

    Named-graph quads are spread over :data:`TRIG_BUCKETS` N-Quads files in ``folder`` (by graph) while
    the default graph streams; each bucket is then loaded into an in-memory store and written graph by
    graph, so memory holds one bucket, not the graph.
    """
    buckets: list[list[ox.Quad]] = [[] for _ in range(TRIG_BUCKETS)]
    paths = [folder / f"bucket-{n}.nq" for n in range(TRIG_BUCKETS)]

    def flush(n: int) -> None:
        with open(paths[n], "ab") as out:
            ox.serialize(buckets[n], out, ox.RdfFormat.N_QUADS)
        buckets[n].clear()

    for quad in quads:
        graph = quad.graph_name
        if isinstance(graph, ox.DefaultGraph):
            yield quad
            continue
        n = zlib.crc32(graph.value.encode()) % TRIG_BUCKETS  # the same bucket every run: a stable order
        buckets[n].append(quad)
        if len(buckets[n]) >= _BUCKET_FLUSH:
            flush(n)
    for n in range(TRIG_BUCKETS):
        if buckets[n]:
            flush(n)
        if not paths[n].exists():
            continue
        store = ox.Store()
        store.bulk_load(path=str(paths[n]), format=ox.RdfFormat.N_QUADS)
        paths[n].unlink()
        for name in sorted(store.named_graphs(), key=str):
            yield from store.quads_for_pattern(None, None, None, name)
        del store


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


@lru_cache(maxsize=1)
def _namespaces() -> dict[str, str]:
    """Namespace → prefix of the context."""
    _, ordered = _terms()
    return {namespace: prefix for namespace, prefix in ordered}


@lru_cache(maxsize=65536)
def _compact(iri: str) -> str:
    # The namespaces end in "/" or "#", so the longest one an IRI starts with ends at its last such
    # character, unless the local part holds one (then try every namespace, longest first).
    cut = max(iri.rfind("/"), iri.rfind("#")) + 1
    prefix = _namespaces().get(iri[:cut]) if 0 < cut < len(iri) else None
    if prefix is not None:
        return f"{prefix}:{iri[cut:]}"
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
    if isinstance(term, ox.NamedNode):
        return _compact(term.value) if coerce == "@id" else {"@id": _compact(term.value)}
    if isinstance(term, ox.BlankNode):
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


class _Nodes:
    """Node objects from a subject's (predicate, object) pairs; each predicate's term and coercion looked up once."""

    def __init__(self) -> None:
        self.terms, _ = _terms()
        self.rdf_type = ox.NamedNode(_RDF_TYPE)
        self.known: dict[object, tuple[str, str | None]] = {}

    def term(self, predicate: ox.NamedNode) -> tuple[str, str | None]:
        found = self.known.get(predicate)
        if found is None:
            iri = predicate.value
            found = self.known[predicate] = self.terms.get(iri, (_compact(iri), None))
        return found

    def node(self, subject: object, pairs: list[tuple[object, object]]) -> dict[str, object]:
        node: dict[str, object] = {"@id": _node_id(subject)}
        types = []
        values: dict[str, list[object]] = {}
        for p, o in pairs:
            if p == self.rdf_type and not isinstance(o, ox.Literal):
                types.append(_node_id(o))
                continue
            term, coerce = self.term(p)  # type: ignore[arg-type]
            found = values.get(term)
            if found is None:
                values[term] = [_value(o, coerce)]
            else:
                found.append(_value(o, coerce))
        if types:
            node["@type"] = types if len(types) > 1 else types[0]
        for term, found in values.items():
            node[term] = found[0] if len(found) == 1 else found
        return node


def _write_jsonld(quads: Iterable[ox.Quad], out: IO[str]) -> None:
    """One node object per run of quads with the same subject."""
    out.write('{"@context": ')
    out.write(json.dumps(jsonld_context(), ensure_ascii=False))
    out.write(',\n "@graph": [')
    nodes = _Nodes()
    encode = json.JSONEncoder(ensure_ascii=False).encode
    separator = "\n  "
    subject, pairs = None, []
    for quad in quads:
        s = quad.subject
        if s != subject:
            if subject is not None:
                out.write(separator + encode(nodes.node(subject, pairs)))
                separator = ",\n  "
            subject, pairs = s, []
        pairs.append((quad.predicate, quad.object))
    if subject is not None:
        out.write(separator + encode(nodes.node(subject, pairs)))
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
