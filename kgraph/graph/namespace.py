"""The kgraph vocabulary as rdflib namespaces.

``KG`` mirrors the classes and properties of ``ontology/kgraph.ttl`` as a
``DefinedNamespace`` with ``_fail = True``, so a misspelt term fails at once;
a test keeps the two equal.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = ["BASE", "KG", "ACTOR", "EVENT", "MENTION", "ARTICLE", "RUN", "REL", "DATED", "DYAD", "CAMEO", "WD", "PREFIXES"]

BASE = "https://w3id.org/kgraph/"


class KG(DefinedNamespace):
    """Classes and properties of the kgraph ontology (``ontology/kgraph.ttl``)."""

    _fail = True
    _NS = Namespace(BASE + "ontology#")

    # classes
    Actor: URIRef
    Event: URIRef
    Mention: URIRef
    Article: URIRef
    ExtractionRun: URIRef
    NegatedEvent: URIRef
    HypotheticalEvent: URIRef
    DatedRelation: URIRef
    Dyad: URIRef
    DyadAction: URIRef
    # actors
    code: URIRef
    country: URIRef
    sector: URIRef
    wikidata: URIRef
    relatedTo: URIRef
    partOf: URIRef
    cameoConcept: URIRef
    relation: URIRef
    relationEvent: URIRef
    # events
    eventType: URIRef
    source: URIRef
    target: URIRef
    date: URIRef
    negated: URIRef
    mode: URIRef
    goldstein: URIRef
    quadClass: URIRef
    ploverCategory: URIRef
    cameoRoot: URIRef
    mention: URIRef
    mentionOf: URIRef
    numMentions: URIRef
    numArticles: URIRef
    numSources: URIRef
    # dyad summaries
    dyadSource: URIRef
    dyadTarget: URIRef
    dyadEventType: URIRef
    eventCount: URIRef
    mentionCount: URIRef
    goldsteinSum: URIRef
    goldsteinCount: URIRef
    dyadActions: URIRef
    # mentions
    inArticle: URIRef
    sentenceIndex: URIRef
    sentenceText: URIRef
    charStart: URIRef
    charEnd: URIRef
    sourceText: URIRef
    actionText: URIRef
    targetText: URIRef
    confidence: URIRef
    extractor: URIRef
    recordId: URIRef
    # articles and runs
    docId: URIRef
    url: URIRef
    softwareVersion: URIRef
    model: URIRef


ACTOR = Namespace(BASE + "actor/")
EVENT = Namespace(BASE + "event/")
MENTION = Namespace(BASE + "mention/")
ARTICLE = Namespace(BASE + "article/")
RUN = Namespace(BASE + "run/")
REL = Namespace(BASE + "rel/")
DATED = Namespace(BASE + "dated/")
DYAD = Namespace(BASE + "dyad/")
CAMEO = Namespace(BASE + "cameo/")
WD = Namespace("http://www.wikidata.org/entity/")

#: Prefixes bound in written graphs and predeclared in ``kgraph query``.
PREFIXES: dict[str, Namespace] = {
    "kg": Namespace(BASE + "ontology#"),
    "actor": ACTOR,
    "event": EVENT,
    "mention": MENTION,
    "article": ARTICLE,
    "run": RUN,
    "rel": REL,
    "dated": DATED,
    "dyad": DYAD,
    "cameo": CAMEO,
    "wd": WD,
    "skos": Namespace("http://www.w3.org/2004/02/skos/core#"),
    "prov": Namespace("http://www.w3.org/ns/prov#"),
    "dcterms": Namespace("http://purl.org/dc/terms/"),
    "rdf": Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    "rdfs": Namespace("http://www.w3.org/2000/01/rdf-schema#"),
    "xsd": Namespace("http://www.w3.org/2001/XMLSchema#"),
}
