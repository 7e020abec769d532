"""Events straight to N-Quads text: the write path of ``kgraph build``, without an rdflib graph.

:class:`~kgraph.graph.builder.GraphBuilder` fills an rdflib graph, and most of
a build's own time went into it (``Graph.add`` and term objects, then
serialising the terms again for Oxigraph). :class:`QuadWriter` writes the same
triples as N-Quads lines directly from the events — each in the graph
:func:`kgraph.graph.named.quads` puts it in (the article's evidence in the
article's named graph, the merged layer in the default graph) — so a store is
bulk-loaded from text made with string formatting alone, and a graph file
(Turtle, N-Triples, N-Quads, TriG) is written by Oxigraph from the same lines,
sorted (:func:`kgraph.graph.store.write_text`). Other syntaxes (JSON-LD,
RDF/XML) and ``--append`` merges still go through ``GraphBuilder``.

The triples are those of ``GraphBuilder``, triple for triple (a test builds
both ways and compares): the same IRIs, the same literals with the same
lexical forms, the same nodes shared across batches written once (actors,
CAMEO concepts, the extraction run), and the counts of each batch's events
(``kg:numMentions``, ``kg:numArticles``, ``kg:numSources``) from the mentions
in that batch, as :func:`~kgraph.graph.builder.recount` gives them; a store
fixes the events that span batches at the end
(:func:`kgraph.graph.store.stream_store`).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD
from rdflib.plugins.serializers.nt import _nt_row

from .. import __version__
from ..actors.labels import actor_info
from ..cameo import cameo_code
from ..model import Event, stable_hash
from ..reader import Article
from ..resources import ontology_graph
from .dyads import EventTally
from .namespace import ACTOR, ARTICLE, CAMEO, DATED, EVENT, KG, MENTION, PREFIXES, REL, RUN, WD

if TYPE_CHECKING:  # spaCy is not loaded to build a graph
    from ..extract.pipeline import ExtractionResult

__all__ = ["BATCH_ARTICLES", "QuadWriter", "news_source"]

#: Articles per N-Quads batch of a store build: a few megabytes of text, so memory stays flat; fewer,
#: larger bulk loads leave fewer events spanning batches to recount (250 against 100: 25 % less store time).
BATCH_ARTICLES = 250


def _iri(term: object) -> str:
    return f"<{term}>"


# The IRIs the writer uses, in N-Triples form, once.
_TYPE = _iri(RDF.type)
_LABEL = _iri(RDFS.label)
_SUBJECT, _PREDICATE, _OBJECT = _iri(RDF.subject), _iri(RDF.predicate), _iri(RDF.object)
_GENERATED = _iri(PROV.wasGeneratedBy)
_DCT = PREFIXES["dcterms"]
_LANGUAGE, _TITLE, _DATE_DCT = _iri(_DCT.language), _iri(_DCT.title), _iri(_DCT.date)
_K = {name: _iri(KG[name]) for name in (
    "Event", "Mention", "Article", "Actor", "ExtractionRun", "NegatedEvent", "HypotheticalEvent", "DatedRelation",
    "code", "country", "partOf", "sector", "wikidata", "eventType", "cameoRoot", "source", "target", "date",
    "negated", "mode", "goldstein", "quadClass", "ploverCategory", "mention", "mentionOf", "inArticle", "recordId",
    "sentenceIndex", "sentenceText", "charStart", "charEnd", "sourceText", "actionText", "targetText", "confidence",
    "extractor", "docId", "url", "softwareVersion", "model", "relationEvent", "numMentions", "numArticles",
    "numSources",
)}
_INTEGER, _BOOLEAN, _DECIMAL = f"^^<{XSD.integer}>", f"^^<{XSD.boolean}>", f"^^<{XSD.decimal}>"
_XSD_DATE, _ANY_URI = f"^^<{XSD.date}>", f"^^<{XSD.anyURI}>"
_TRUE, _FALSE = f'"true"{_BOOLEAN}', f'"false"{_BOOLEAN}'
# Namespaces as plain strings: ``f"<{_EVENT}{local}>"`` is much cheaper than ``EVENT[local]``.
_ACTOR, _ARTICLE, _CAMEO, _DATED, _EVENT, _MENTION, _REL, _WD = (
    str(ns) for ns in (ACTOR, ARTICLE, CAMEO, DATED, EVENT, MENTION, REL, WD))


def _text(value: str) -> str:
    """A plain literal, escaped as rdflib's N-Triples writer does."""
    return '"' + value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r") + '"'


def _int(value: int) -> str:
    return f'"{value}"{_INTEGER}'


def _decimal(value: Decimal) -> str:
    return f'"{value:f}"{_DECIMAL}'  # rdflib's lexical form of a Decimal


def _date(value: str) -> str:
    return _text(value) + _XSD_DATE


@lru_cache(maxsize=None)
def _concept_lines(code: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The scheme's triples of one CAMEO concept (N-Triples lines), and the codes of its broader concepts."""
    node = CAMEO[code]
    lines, broader = [], []
    for p, o in ontology_graph("cameo.ttl").predicate_objects(node):
        lines.append(_nt_row((node, p, o)))
        if p == SKOS.broader:
            broader.append(str(o).rsplit("/", 1)[-1])
    return tuple(lines), tuple(broader)


def news_source(article: str, url: str | None) -> str:
    """As :func:`kgraph.graph.builder.source_of`: the URL's host, else the article itself."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else article


class QuadWriter:
    """Turns extraction results into N-Quads lines, batch by batch.

    Args:
        models: the spaCy model per language, recorded on the extraction run.
        tally: gather the facts of every event written for its dyad summaries (:attr:`dyads`). A store
            build recounts them from the store instead (:func:`~kgraph.graph.dyads.rebuild_store_dyads`):
            the tally holds every event and mention of the build, so its memory grows with the corpus.

    Example:
        >>> writer = QuadWriter(models={"en": "en_core_web_sm"})
        >>> for result in results:
        ...     writer.add_result(result)
        >>> data = writer.take()  # bytes of N-Quads, then the next batch
    """

    def __init__(self, *, models: dict[str, str] | None = None, tally: bool = True) -> None:
        self.models = dict(sorted((models or {}).items()))
        self.run = RUN[stable_hash(__version__, *(f"{k}={v}" for k, v in self.models.items()))]
        self._run_iri = _iri(self.run)
        self._actors: set[str] = set()
        self._concepts: set[str] = set()
        self._run_added = False
        self._lines: dict[str, None] = {}  # this batch's default-graph triples, in order, each once
        self._named: dict[str, dict[str, None]] = {}  # article IRI -> the triples of its graph
        # this batch's events: IRI -> (mentions, articles, sources)
        self._counts: dict[str, tuple[set[str], set[str], set[str]]] = {}
        self.mentions = 0
        self.articles = 0
        #: The facts of every event written, for its dyad summaries (:mod:`kgraph.graph.dyads`); kept across batches
        #: (``None`` without ``tally``).
        self.dyads: EventTally | None = EventTally() if tally else None

    # ------------------------------------------------------------ batches
    def add_results(self, results: Iterable[ExtractionResult]) -> int:
        """Add every result; returns the number of event mentions added."""
        return sum(self.add_result(result) for result in results)

    def add_result(self, result: ExtractionResult) -> int:
        """Add one article and its events; returns the number of mentions."""
        node, put, source = self._article(result.article, result.lang)
        for event in result.events:
            self._event(event, node, put, source)
        self.mentions += len(result.events)
        self.articles += 1
        return len(result.events)

    def _default(self) -> list[str]:
        """This batch's default-graph triples, with the counts of its events."""
        out = list(self._lines)
        for event, (mentions, articles, sources) in self._counts.items():
            out.append(f"{event} {_K['numMentions']} {_int(len(mentions))} .\n")
            out.append(f"{event} {_K['numArticles']} {_int(len(articles))} .\n")
            out.append(f"{event} {_K['numSources']} {_int(len(sources))} .\n")
        return out

    def _reset(self) -> None:
        self._lines, self._named, self._counts = {}, {}, {}

    def lines(self) -> list[str]:
        """This batch's N-Quads lines with its events' counts, each line once; starts the next batch."""
        out = self._default()
        for name, triples in self._named.items():
            out += [f"{line[:-2]}{name} .\n" for line in triples]  # "S P O .\n" -> "S P O <graph> .\n"
        self._reset()
        return out

    def sorted_lines(self, *, quads: bool) -> list[str]:
        """This batch in a canonical order: sorted N-Triples lines of the union (``quads=False``), or N-Quads
        lines, the default graph then each article's graph by name, sorted within each (``quads=True``).

        Sorted lines group each subject's triples (all start with the subject), and the same graph
        gives the same lines whatever the order the articles came in. Starts the next batch.
        """
        default = self._default()
        if not quads:
            out = sorted({*default, *(line for triples in self._named.values() for line in triples)})
        else:
            out = sorted(set(default))
            for name in sorted(self._named):
                out += [f"{line[:-2]}{name} .\n" for line in sorted(self._named[name])]
        self._reset()
        return out

    def take(self) -> bytes:
        """This batch as N-Quads bytes (see :meth:`lines`)."""
        return "".join(self.lines()).encode("utf-8")

    def batches(self, results: Iterable[ExtractionResult], *, size: int = BATCH_ARTICLES) -> Iterator[bytes]:
        """N-Quads of ``results``, ``size`` articles a batch (read lazily)."""
        pending = 0
        for result in results:
            self.add_result(result)
            pending += 1
            if pending >= size:
                yield self.take()
                pending = 0
        yield self.take()

    # ------------------------------------------------------------ nodes
    def _add(self, line: str) -> None:
        self._lines[line] = None

    def _add_run(self) -> None:
        run, add = self._run_iri, self._add
        add(f"{run} {_TYPE} {_K['ExtractionRun']} .\n")
        add(f"{run} {_LABEL} {_text(f'kgraph {__version__} extraction')} .\n")
        add(f"{run} {_K['softwareVersion']} {_text(__version__)} .\n")
        for lang, model in self.models.items():
            add(f"{run} {_K['model']} {_text(f'{lang}:{model}')} .\n")

    def _article(self, article: Article, lang: str) -> tuple[str, str, str]:
        """Writes the article's triples in its graph; returns its IRI, the adder of its graph and its news source."""
        name = _ARTICLE + stable_hash(article.doc_id)
        node = _iri(name)
        add = self._named.setdefault(node, {}).__setitem__
        add(f"{node} {_TYPE} {_K['Article']} .\n", None)
        add(f"{node} {_K['docId']} {_text(article.doc_id)} .\n", None)
        add(f"{node} {_LANGUAGE} {_text(lang)} .\n", None)
        if article.title:
            add(f"{node} {_TITLE} {_text(article.title)} .\n", None)
        if article.url:
            add(f"{node} {_K['url']} {_text(article.url)}{_ANY_URI} .\n", None)
        if article.date:
            add(f"{node} {_DATE_DCT} {_date(article.date)} .\n", None)
        return node, add, news_source(name, article.url)

    def _actor(self, code: str) -> str:
        node = f"<{_ACTOR}{code}>"
        if code in self._actors:
            return node
        self._actors.add(code)
        info = actor_info(code)
        add = self._add
        add(f"{node} {_TYPE} {_K['Actor']} .\n")
        add(f"{node} {_K['code']} {_text(code)} .\n")
        for lang, label in info.labels.items():
            add(f"{node} {_LABEL} {_text(label)}@{lang} .\n")
        if info.wikidata:
            add(f"{node} {_K['wikidata']} <{_WD}{info.wikidata}> .\n")
        if info.sector:
            add(f"{node} {_K['sector']} {_text(info.sector)} .\n")
        if info.country and info.country != code:
            country = self._actor(info.country)
            add(f"{node} {_K['country']} {country} .\n")
            add(f"{node} {_K['partOf']} {country} .\n")
        return node

    def _concept(self, code: str) -> str:
        if code not in self._concepts:
            self._concepts.add(code)
            lines, broader = _concept_lines(code)
            for line in lines:
                self._add(line)
            for other in broader:
                self._concept(other)
        return f"<{_CAMEO}{code}>"

    # ------------------------------------------------------------ events
    def _event(self, event: Event, article: str, put: Callable[[str, None], None], news_source: str) -> None:
        """The event node, its direct relation triples and its mention, as ``GraphBuilder.add_event``."""
        if not self._run_added:
            self._add_run()
            self._run_added = True
        add = self._add
        code = cameo_code(event.action.cameo)
        target_code = event.target.code if event.target else None
        node = f"<{_EVENT}{stable_hash(event.source.code, event.action.cameo, target_code, event.date, event.negated)}>"
        source = self._actor(event.source.code)
        target = self._actor(target_code) if target_code is not None else None
        add(f"{node} {_TYPE} {_K['Event']} .\n")
        add(f"{node} {_K['eventType']} {self._concept(code.code)} .\n")
        add(f"{node} {_K['cameoRoot']} {_text(code.root)} .\n")
        add(f"{node} {_K['source']} {source} .\n")
        if target is not None:
            add(f"{node} {_K['target']} {target} .\n")
        if event.date:
            add(f"{node} {_K['date']} {_date(event.date)} .\n")
        add(f"{node} {_K['negated']} {_TRUE if event.negated else _FALSE} .\n")
        if event.negated:
            add(f"{node} {_TYPE} {_K['NegatedEvent']} .\n")
        if event.mode:
            add(f"{node} {_TYPE} {_K['HypotheticalEvent']} .\n")
            add(f"{node} {_K['mode']} {_text(event.mode)} .\n")
        goldstein = None if code.goldstein is None else Decimal(str(code.goldstein))
        if goldstein is not None:
            add(f"{node} {_K['goldstein']} {_decimal(goldstein)} .\n")
        add(f"{node} {_K['quadClass']} {_int(code.quad_class)} .\n")
        if code.plover:
            add(f"{node} {_K['ploverCategory']} {_text(code.plover)} .\n")
        label = f"{event.source.code} {code.code} {target_code if target_code is not None else '-'}"
        add(f"{node} {_LABEL} {_text(label)} .\n")
        if target is not None and not event.negated and not event.mode:
            self._concept(code.root)
            relation = f"<{_REL}{code.relation}>"
            add(f"{source} {relation} {target} .\n")
            countries = actor_info(event.source.code).country or event.source.code, \
                actor_info(target_code).country or target_code  # type: ignore[arg-type]
            if countries[0] != countries[1]:
                subject, obj = self._actor(countries[0]), self._actor(countries[1])
                add(f"{subject} {relation} {obj} .\n")
                statement = f"<{_DATED}{stable_hash(countries[0], code.relation, countries[1], event.date)}>"
                add(f"{statement} {_TYPE} {_K['DatedRelation']} .\n")
                add(f"{statement} {_SUBJECT} {subject} .\n")
                add(f"{statement} {_PREDICATE} {relation} .\n")
                add(f"{statement} {_OBJECT} {obj} .\n")
                if event.date:
                    add(f"{statement} {_K['date']} {_date(event.date)} .\n")
                add(f"{statement} {_K['relationEvent']} {node} .\n")
        mention = self._mention(event, node, article, put)
        if target is not None and not event.negated and self.dyads is not None:
            self.dyads.add(node[1:-1], source[1:-1], target[1:-1], f"{_CAMEO}{code.code}", goldstein, bool(event.mode),
                           mention[1:-1])
        counts = self._counts.get(node)
        if counts is None:
            counts = self._counts[node] = (set(), set(), set())
        counts[0].add(mention)
        counts[1].add(article)
        counts[2].add(news_source)

    def _mention(self, event: Event, node: str, article: str, put: Callable[[str, None], None]) -> str:
        """The mention's triples, in the article's graph (with the event's ``kg:mention`` link)."""
        event_id = event.event_id  # a hash, computed once
        mention = f"<{_MENTION}{event_id}>"
        put(f"{node} {_K['mention']} {mention} .\n", None)
        put(f"{mention} {_TYPE} {_K['Mention']} .\n", None)
        put(f"{mention} {_K['mentionOf']} {node} .\n", None)
        put(f"{mention} {_K['inArticle']} {article} .\n", None)
        put(f"{mention} {_K['recordId']} {_text(event_id)} .\n", None)
        put(f"{mention} {_K['sentenceIndex']} {_int(event.sentence_id)} .\n", None)
        put(f"{mention} {_K['sentenceText']} {_text(event.sentence)} .\n", None)
        put(f"{mention} {_K['charStart']} {_int(event.char_start)} .\n", None)
        put(f"{mention} {_K['charEnd']} {_int(event.char_end)} .\n", None)
        put(f"{mention} {_K['sourceText']} {_text(event.source.text)} .\n", None)
        put(f"{mention} {_K['actionText']} {_text(event.action.text)} .\n", None)
        if event.target is not None:
            put(f"{mention} {_K['targetText']} {_text(event.target.text)} .\n", None)
        put(f"{mention} {_K['confidence']} {_decimal(Decimal(f'{event.confidence:.2f}'))} .\n", None)
        put(f"{mention} {_K['extractor']} {_text(event.extractor)} .\n", None)
        put(f"{mention} {_GENERATED} {self._run_iri} .\n", None)
        return mention

