"""Turning events into RDF: deterministic IRIs, provenance, direct actor→actor triples.

IRIs are built from content, never from counters or blank nodes, so building
the same input twice, or appending it to a graph that has it, adds nothing,
and the same event reported by two articles is one node with two mentions.

Beside each asserted event sit two direct relation triples, one between the
actors as coded (``actor:RUSGOV rel:disapprove actor:UKRGOV``) and one between
their countries (``actor:RUS rel:disapprove actor:UKR``), so "what did Russia
do to Ukraine" is ``SELECT ?p WHERE { actor:RUS ?p actor:UKR }``. Negated
events (typed ``kg:NegatedEvent``) and hypothetical ones (a ``mode``, typed
``kg:HypotheticalEvent``) are kept but give no direct triple.

Each of those country-level triples also has a dated relation node
(``kg:DatedRelation``, a reified ``rdf:Statement``): one per source country,
relation, target country and day, linked to its events by
``kg:relationEvent``, so "what did Russia do to Ukraine in March 2022" is one
pattern with a date filter (the shipped query ``did``).

Each event node carries ``kg:numMentions``, ``kg:numArticles`` and
``kg:numSources``, recomputed from its mentions (:func:`recount`) whenever
mentions are added, and again by :func:`kgraph.graph.store.write_graph` after
an ``--append`` merge, so the counts are those of the merged graph. The dyad
summaries (``kg:Dyad``, ``kg:DyadAction``) follow the same rule
(:mod:`kgraph.graph.dyads`).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING
from decimal import Decimal
from urllib.parse import urlsplit

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from .. import __version__
from ..actors.labels import actor_info
from ..cameo import cameo_code
from ..model import Event, stable_hash
from ..reader import Article
from ..resources import ontology_graph
from .dyads import DyadSummaries
from .namespace import ACTOR, ARTICLE, CAMEO, DATED, EVENT, KG, MENTION, PREFIXES, REL, RUN, WD

if TYPE_CHECKING:  # spaCy is not loaded to build or export a graph
    from ..extract.pipeline import ExtractionResult

__all__ = ["GraphBuilder", "event_iri", "new_graph", "recount", "relation_iri", "source_of"]


def new_graph() -> Graph:
    """An empty graph with kgraph's prefixes bound."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def event_iri(event: Event) -> URIRef:
    """The event node: who, what, to whom, when (and whether negated), not where it was said."""
    return EVENT[
        stable_hash(event.source.code, event.action.cameo, event.target.code if event.target else None, event.date, event.negated)
    ]


def relation_iri(source: str, relation: str, target: str, date: str | None) -> URIRef:
    """The dated relation node of ``source`` (a country code) doing ``relation`` to ``target`` on ``date``."""
    return DATED[stable_hash(source, relation, target, date)]


def source_of(graph: Graph, article: URIRef) -> str:
    """The news source of an article: the host of its URL, else the article itself (one source each)."""
    url = graph.value(article, KG.url)
    host = urlsplit(str(url)).hostname if url is not None else None
    if host:
        return host.removeprefix("www.")
    return str(article)


def recount(graph: Graph, events: Iterable[URIRef] | None = None) -> None:
    """Set ``kg:numMentions``, ``kg:numArticles``, ``kg:numSources`` of ``events`` (default: all) from their mentions.

    Counting from the mentions present, rather than adding to a stored number,
    keeps the counts right after merging graphs and when an article is added again.
    """
    nodes = set(graph.subjects(RDF.type, KG.Event)) if events is None else set(events)
    for node in nodes:
        mentions = set(graph.objects(node, KG.mention))
        articles = {a for m in mentions for a in graph.objects(m, KG.inArticle)}
        sources = {source_of(graph, a) for a in articles}
        for prop, value in ((KG.numMentions, len(mentions)), (KG.numArticles, len(articles)), (KG.numSources, len(sources))):
            graph.set((node, prop, Literal(value)))


class GraphBuilder:
    """Adds extraction results to an RDF graph.

    Args:
        graph: the graph to add to (a new one if omitted).
        models: the spaCy model per language, recorded on the extraction run.
    """

    def __init__(self, graph: Graph | None = None, *, models: dict[str, str] | None = None) -> None:
        self.graph = graph if graph is not None else new_graph()
        self.models = dict(sorted((models or {}).items()))
        self.run = RUN[stable_hash(__version__, *(f"{k}={v}" for k, v in self.models.items()))]
        self._actors: set[str] = set()
        self._concepts: set[str] = set()
        self._run_added = False
        self._touched: set[URIRef] = set()
        self._dyads = DyadSummaries()

    def add_results(self, results: Iterable[ExtractionResult]) -> int:
        """Add every result; returns the number of event mentions added."""
        return sum(self.add_result(result) for result in results)

    def add_result(self, result: ExtractionResult) -> int:
        """Add one article and its events; returns the number of mentions."""
        article = self._article(result.article, result.lang)
        for event in result.events:
            self.add_event(event, article)
        self.recount()
        return len(result.events)

    def recount(self) -> None:
        """Recompute the mention counts, and the dyad summaries (:mod:`kgraph.graph.dyads`), of the events added since the last recount."""
        recount(self.graph, self._touched)
        self._dyads.update(self.graph, self._touched)
        self._touched.clear()

    # ------------------------------------------------------------ nodes
    def _run(self) -> None:
        g = self.graph
        g.add((self.run, RDF.type, KG.ExtractionRun))
        g.add((self.run, RDFS.label, Literal(f"kgraph {__version__} extraction")))
        g.add((self.run, KG.softwareVersion, Literal(__version__)))
        for lang, model in self.models.items():
            g.add((self.run, KG.model, Literal(f"{lang}:{model}")))

    def _article(self, article: Article, lang: str) -> URIRef:
        g = self.graph
        node = ARTICLE[stable_hash(article.doc_id)]
        g.add((node, RDF.type, KG.Article))
        g.add((node, KG.docId, Literal(article.doc_id)))
        g.add((node, PREFIXES["dcterms"].language, Literal(lang)))
        if article.title:
            g.add((node, PREFIXES["dcterms"].title, Literal(article.title)))
        if article.url:
            g.add((node, KG.url, Literal(article.url, datatype=XSD.anyURI)))
        if article.date:
            g.add((node, PREFIXES["dcterms"].date, Literal(article.date, datatype=XSD.date)))
        return node

    def _actor(self, code: str) -> URIRef:
        node = ACTOR[code]
        if code in self._actors:
            return node
        self._actors.add(code)
        info = actor_info(code)
        g = self.graph
        g.add((node, RDF.type, KG.Actor))
        g.add((node, KG.code, Literal(code)))
        for lang, label in info.labels.items():
            g.add((node, RDFS.label, Literal(label, lang=lang)))
        if info.wikidata:
            g.add((node, KG.wikidata, WD[info.wikidata]))
        if info.sector:
            g.add((node, KG.sector, Literal(info.sector)))
        if info.country and info.country != code:
            country = self._actor(info.country)
            g.add((node, KG.country, country))
            g.add((node, KG.partOf, country))
        return node

    @staticmethod
    def _country_code(code: str) -> str:
        """The country actor of an actor (RUS for RUSGOV), or the actor itself (RUS, IGONATO)."""
        return actor_info(code).country or code

    def _concept(self, code: str) -> URIRef:
        """Copy a CAMEO concept (and its broader ones) from the scheme, so the graph stands alone."""
        node = CAMEO[code]
        if code not in self._concepts:
            self._concepts.add(code)
            scheme = ontology_graph("cameo.ttl")
            for p, o in scheme.predicate_objects(node):
                self.graph.add((node, p, o))
                if p == SKOS.broader:
                    self._concept(str(o).rsplit("/", 1)[-1])
        return node

    # ------------------------------------------------------------ events
    def add_event(self, event: Event, article: URIRef) -> URIRef:
        """Add one event (merged with the same event from elsewhere) and its mention."""
        g = self.graph
        if not self._run_added:
            self._run()
            self._run_added = True
        code = cameo_code(event.action.cameo)
        node = event_iri(event)
        source = self._actor(event.source.code)
        target = self._actor(event.target.code) if event.target else None
        g.add((node, RDF.type, KG.Event))
        g.add((node, KG.eventType, self._concept(code.code)))
        g.add((node, KG.cameoRoot, Literal(code.root)))
        g.add((node, KG.source, source))
        if target is not None:
            g.add((node, KG.target, target))
        if event.date:
            g.add((node, KG.date, Literal(event.date, datatype=XSD.date)))
        g.add((node, KG.negated, Literal(event.negated)))
        if event.negated:
            g.add((node, RDF.type, KG.NegatedEvent))
        if event.mode:
            g.add((node, RDF.type, KG.HypotheticalEvent))
            g.add((node, KG.mode, Literal(event.mode)))
        if code.goldstein is not None:
            g.add((node, KG.goldstein, Literal(Decimal(str(code.goldstein)), datatype=XSD.decimal)))
        g.add((node, KG.quadClass, Literal(code.quad_class)))
        if code.plover:
            g.add((node, KG.ploverCategory, Literal(code.plover)))
        label = f"{event.source.code} {code.code} {event.target.code if event.target else '-'}"
        g.add((node, RDFS.label, Literal(label)))
        if target is not None and not event.negated and not event.mode:
            # The direct actor→actor triples beside the event, as coded and between countries:
            # actor:USA rel:reduceRelations actor:TURGOV, actor:USA rel:reduceRelations actor:TUR.
            self._concept(code.root)
            g.add((source, REL[code.relation], target))
            countries = self._country_code(event.source.code), self._country_code(event.target.code)
            if countries[0] != countries[1]:  # a domestic event gives no country self-loop
                subject, predicate, obj = self._actor(countries[0]), REL[code.relation], self._actor(countries[1])
                g.add((subject, predicate, obj))
                # ... and the same statement on its day, reified, pointing to its events
                statement = relation_iri(countries[0], code.relation, countries[1], event.date)
                g.add((statement, RDF.type, KG.DatedRelation))
                g.add((statement, RDF.subject, subject))
                g.add((statement, RDF.predicate, predicate))
                g.add((statement, RDF.object, obj))
                if event.date:
                    g.add((statement, KG.date, Literal(event.date, datatype=XSD.date)))
                g.add((statement, KG.relationEvent, node))
        self._mention(event, node, article)
        self._touched.add(node)
        return node

    def _mention(self, event: Event, node: URIRef, article: URIRef) -> None:
        g = self.graph
        mention = MENTION[event.event_id]
        g.add((node, KG.mention, mention))
        g.add((mention, RDF.type, KG.Mention))
        g.add((mention, KG.mentionOf, node))
        g.add((mention, KG.inArticle, article))
        g.add((mention, KG.recordId, Literal(event.event_id)))
        g.add((mention, KG.sentenceIndex, Literal(event.sentence_id)))
        g.add((mention, KG.sentenceText, Literal(event.sentence)))
        g.add((mention, KG.charStart, Literal(event.char_start)))
        g.add((mention, KG.charEnd, Literal(event.char_end)))
        g.add((mention, KG.sourceText, Literal(event.source.text)))
        g.add((mention, KG.actionText, Literal(event.action.text)))
        if event.target is not None:
            g.add((mention, KG.targetText, Literal(event.target.text)))
        g.add((mention, KG.confidence, Literal(Decimal(f"{event.confidence:.2f}"), datatype=XSD.decimal)))
        g.add((mention, KG.extractor, Literal(event.extractor)))
        g.add((mention, PROV.wasGeneratedBy, self.run))
