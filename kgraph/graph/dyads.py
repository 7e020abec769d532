"""Dyad summaries: the asserted events between two actors, counted when the graph is built.

"Who does what to whom, how often" is the question asked most, and answering
it by grouping every event at query time costs seconds at 100,000 events. So
the merged layer carries two kinds of summary nodes (``ontology/kgraph.ttl``):

- ``kg:Dyad``, one per (source actor, target actor): ``kg:eventCount``,
  ``kg:mentionCount`` (the sum of the events' ``kg:numMentions``),
  ``kg:goldsteinSum`` and ``kg:goldsteinCount`` (the shipped ``top_dyads``);
- ``kg:DyadAction``, one per (source actor, CAMEO event type, target actor):
  ``kg:eventCount`` and ``kg:mentionCount`` (the shipped ``dyads``).

They count exactly what the grouping queries counted: events with a target,
``kg:negated false`` and no ``kg:mode``. IRIs come from the actors (and the
event type), so the same dyad is one node in every graph.

Like the mention counts (:func:`kgraph.graph.builder.recount`) they are always
recomputed from the events present, never incremented from a stored number:
:class:`DyadSummaries` keeps a graph's summaries right as a builder adds
events; :func:`summarise_dyads` recomputes them all after two graphs were
merged (``--append`` to a file); :func:`store_dyad_update` and
:func:`rebuild_store_dyads` do the same in an Oxigraph store (``--append`` to
a store, a store filled batch by batch). An article added again changes no
event, so no summary.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.plugins.serializers.nt import _nt_row
from rdflib.term import Node

from ..model import stable_hash
from .namespace import DYAD, KG

__all__ = ["DyadSummaries", "SUMMARY_CLASSES", "dyad_iri", "rebuild_store_dyads", "store_dyad_update", "summarise_dyads"]

#: The classes of summary nodes (every triple of such a node is written by this module).
SUMMARY_CLASSES = (KG.Dyad, KG.DyadAction)
_FALSE = Literal(False)
_ZERO = Decimal(0)

Pair = tuple[str, str]
Action = tuple[str, str, str]


def dyad_iri(source: str, target: str, event_type: str | None = None) -> URIRef:
    """The summary node of ``source`` → ``target`` (actor IRIs), per ``event_type`` (a CAMEO concept IRI) if given."""
    if event_type is None:
        return DYAD[stable_hash(source, target)]
    return DYAD[stable_hash(source, target, event_type)]


class _Share:
    """What one asserted event adds to its summaries."""

    __slots__ = ("pair", "event_type", "mentions", "goldstein")

    def __init__(self, pair: Pair, event_type: str | None, mentions: int, goldstein: Decimal | None) -> None:
        self.pair, self.event_type, self.mentions, self.goldstein = pair, event_type, mentions, goldstein


def _share(graph: Graph, event: Node) -> _Share | None:
    """The share of ``event`` in ``graph``, or ``None`` if it counts in no summary (no target, negated, hypothetical)."""
    source, target, mentions = graph.value(event, KG.source), graph.value(event, KG.target), graph.value(event, KG.numMentions)
    if source is None or target is None or mentions is None or graph.value(event, KG.negated) != _FALSE:
        return None
    if (event, KG.mode, None) in graph:
        return None
    event_type = graph.value(event, KG.eventType)
    goldstein = graph.value(event, KG.goldstein)
    return _Share((str(source), str(target)), None if event_type is None else str(event_type), int(mentions.toPython()),
                  None if goldstein is None else Decimal(str(goldstein)))


class _Totals:
    """Running totals of one summary node."""

    __slots__ = ("events", "mentions", "goldstein_sum", "goldstein_count")

    def __init__(self) -> None:
        self.events = self.mentions = self.goldstein_count = 0
        self.goldstein_sum = _ZERO

    def add(self, share: _Share, sign: int) -> None:
        self.events += sign
        self.mentions += sign * share.mentions
        if share.goldstein is not None:
            self.goldstein_sum += sign * share.goldstein
            self.goldstein_count += sign


class _Tally:
    """Totals per pair and per (pair, event type) of a set of event shares."""

    def __init__(self) -> None:
        self.pairs: dict[Pair, _Totals] = {}
        self.actions: dict[Action, _Totals] = {}

    def add(self, share: _Share, sign: int = 1) -> tuple[Pair, Action | None]:
        pair = share.pair
        self.pairs.setdefault(pair, _Totals()).add(share, sign)
        if share.event_type is None:
            return pair, None
        action = (*pair, share.event_type)
        self.actions.setdefault(action, _Totals()).add(share, sign)
        return pair, action

    def triples(self, pairs: Iterable[Pair] | None = None, actions: Iterable[Action] | None = None,
                ) -> Iterator[tuple[URIRef, URIRef, Node]]:
        """The triples of the summaries of ``pairs`` and ``actions`` (default: all) that count an event."""
        for pair in self.pairs if pairs is None else pairs:
            totals = self.pairs.get(pair)
            if totals is None or totals.events <= 0:
                continue
            node = dyad_iri(*pair)
            yield from _common(node, KG.Dyad, pair, totals)
            yield node, KG.goldsteinSum, Literal(_one_place(totals.goldstein_sum), datatype=XSD.decimal)
            yield node, KG.goldsteinCount, Literal(totals.goldstein_count)
        for action in self.actions if actions is None else actions:
            totals = self.actions.get(action)
            if totals is None or totals.events <= 0:
                continue
            node = dyad_iri(*action)
            yield from _common(node, KG.DyadAction, action[:2], totals)
            yield node, KG.dyadEventType, URIRef(action[2])


def _common(node: URIRef, kind: URIRef, pair: Pair, totals: _Totals) -> Iterator[tuple[URIRef, URIRef, Node]]:
    yield node, RDF.type, kind
    yield node, KG.dyadSource, URIRef(pair[0])
    yield node, KG.dyadTarget, URIRef(pair[1])
    yield node, KG.eventCount, Literal(totals.events)
    yield node, KG.mentionCount, Literal(totals.mentions)


def _summary_nodes(graph: Graph) -> set[Node]:
    return {node for kind in SUMMARY_CLASSES for node in graph.subjects(RDF.type, kind)}


def _drop(graph: Graph, nodes: Iterable[Node]) -> None:
    for node in nodes:
        graph.remove((node, None, None))


def summarise_dyads(graph: Graph) -> Graph:
    """Recompute every dyad summary of ``graph`` from its events (stale summaries are dropped); returns ``graph``."""
    _drop(graph, _summary_nodes(graph))
    tally = _Tally()
    for event in set(graph.subjects(RDF.type, KG.Event)):
        share = _share(graph, event)
        if share is not None:
            tally.add(share)
    for triple in list(tally.triples()):
        graph.add(triple)
    return graph


class DyadSummaries:
    """Keeps the dyad summaries of a graph right as events are added to it (:class:`~kgraph.graph.builder.GraphBuilder`).

    Each event's share is remembered, so an event whose counts change (a new
    mention) or that stops counting (a report with a modality) moves only its
    own summaries. Given another graph than last time (a builder filling one
    batch after another), the summaries are recomputed from that graph's events.
    """

    def __init__(self) -> None:
        self._graph: Graph | None = None
        self._shares: dict[Node, _Share] = {}
        self._tally = _Tally()

    def update(self, graph: Graph, events: Iterable[Node]) -> None:
        """Bring the summaries of ``events`` (whose triples or counts changed) up to date in ``graph``."""
        if graph is not self._graph:
            self._graph, self._shares, self._tally = graph, {}, _Tally()
            _drop(graph, _summary_nodes(graph))
            events = set(graph.subjects(RDF.type, KG.Event))
        pairs: set[Pair] = set()
        actions: set[Action] = set()
        for event in events:
            for share, sign in ((self._shares.pop(event, None), -1), (_share(graph, event), 1)):
                if share is None:
                    continue
                pair, action = self._tally.add(share, sign)
                pairs.add(pair)
                if action is not None:
                    actions.add(action)
                if sign == 1:
                    self._shares[event] = share
        for pair in pairs:
            graph.remove((dyad_iri(*pair), None, None))
        for action in actions:
            graph.remove((dyad_iri(*action), None, None))
        for triple in list(self._tally.triples(pairs, actions)):
            graph.add(triple)


# ---------------------------------------------------------------- stores
_KG = str(KG._NS)
#: The facts of events a summary depends on, as one SELECT row per event (and mode); ``$values`` restricts the pairs.
_EVENTS = f"""SELECT ?e ?s ?t ?negated ?mode ?type ?n ?g WHERE {{
  $values ?e a <{_KG}Event> ; <{_KG}source> ?s ; <{_KG}target> ?t .
  OPTIONAL {{ ?e <{_KG}negated> ?negated }} OPTIONAL {{ ?e <{_KG}mode> ?mode }} OPTIONAL {{ ?e <{_KG}eventType> ?type }}
  OPTIONAL {{ ?e <{_KG}numMentions> ?n }} OPTIONAL {{ ?e <{_KG}goldstein> ?g }} }}"""
_ASSERTED = f"""SELECT ?s ?t ?type ?n ?g WHERE {{
  ?e a <{_KG}Event> ; <{_KG}negated> false ; <{_KG}source> ?s ; <{_KG}target> ?t ; <{_KG}numMentions> ?n .
  FILTER NOT EXISTS {{ ?e <{_KG}mode> ?mode }}
  OPTIONAL {{ ?e <{_KG}eventType> ?type }} OPTIONAL {{ ?e <{_KG}goldstein> ?g }} }}"""


def _one_place(value: Decimal) -> str:
    """A decimal's lexical form with at least one decimal place ("-16.0"), whatever the
    events' own forms were ("-8" from N-Quads text, "-8.0" from rdflib): the same graph either way."""
    text = format(value, "f")
    return text if "." in text else text + ".0"


def _nt(triples: Iterable[tuple[Node, Node, Node]]) -> str:
    return "".join(_nt_row(triple) for triple in triples)


def _values(pairs: list[Pair]) -> str:
    return "VALUES (?s ?t) { " + " ".join(f"(<{s}> <{t}>)" for s, t in pairs) + " }"


def _store_tally(store: ox.Store) -> _Tally:
    tally = _Tally()
    for solution in store.query(_ASSERTED):
        s, t, event_type, n, g = (solution[i] for i in range(5))
        tally.add(_Share((s.value, t.value), None if event_type is None else event_type.value, int(n.value),
                         None if g is None else Decimal(g.value)))
    return tally


def dyad_lines(store: ox.Store) -> list[str]:
    """The dyad summaries of the events in ``store`` (which holds none yet), as sorted N-Triples lines.

    Used by graph files written from N-Quads text (:func:`kgraph.graph.store.write_text`), which
    have no builder to summarise them.
    """
    data = _nt(_store_tally(store).triples())
    return sorted(line + "\n" for line in data.splitlines() if line.strip())


def rebuild_store_dyads(store: ox.Store) -> None:
    """Recompute every dyad summary of a store (filled batch by batch) from its events, in its default graph.

    Each batch summarised only its own events, so an actor pair reported in two
    batches has two partial summaries: they are all dropped, then written again
    from one pass over the asserted events.
    """
    tally = _store_tally(store)
    for kind in SUMMARY_CLASSES:
        store.update(f"DELETE {{ ?d ?p ?o }} WHERE {{ ?d a <{kind}> ; ?p ?o }}")
    data = _nt(tally.triples())
    if data:
        store.bulk_load(data.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)


def store_dyad_update(store: ox.Store, merged: Graph) -> str:
    """Summaries for ``merged`` (new triples, counts already merged) going into ``store``: the update to run first.

    The summaries ``merged`` carries (of its own events only) are replaced, in
    ``merged``, by those of every actor pair it touches, counted over the events
    of those pairs in the store and in ``merged`` together. The returned SPARQL
    update drops the store's old summaries of those pairs; run it in the same
    transaction as the insertion of ``merged``. Empty when ``merged`` has no event
    with a target.
    """
    _drop(merged, _summary_nodes(merged))
    new_events = set(merged.subjects(RDF.type, KG.Event))
    pairs = sorted({(str(merged.value(e, KG.source)), str(t)) for e in new_events for t in merged.objects(e, KG.target)
                    if merged.value(e, KG.source) is not None})
    if not pairs:
        return ""
    scratch = Graph()
    facts = (KG.source, KG.target, KG.negated, KG.mode, KG.eventType, KG.numMentions, KG.goldstein)
    for start in range(0, len(pairs), 500):
        chunk = pairs[start:start + 500]
        for solution in store.query(_EVENTS.replace("$values", _values(chunk)), use_default_graph_as_union=True):
            e, s, t, negated, mode, event_type, n, g = (_rdflib(solution[i]) for i in range(8))
            scratch.add((e, RDF.type, KG.Event))
            for prop, value in zip(facts, (s, t, negated, mode, event_type, n, g), strict=True):
                if value is not None and not (prop == KG.numMentions and e in new_events):  # merged counts win
                    scratch.add((e, prop, value))
    for event in new_events:
        scratch.add((event, RDF.type, KG.Event))
        for prop in facts:
            for value in merged.objects(event, prop):
                scratch.add((event, prop, value))
    summarise_dyads(scratch)
    for node in _summary_nodes(scratch):
        for triple in scratch.triples((node, None, None)):
            merged.add(triple)
    values = _values(pairs)
    return f"DELETE {{ ?d ?p ?o }} WHERE {{ {values} ?d <{_KG}dyadSource> ?s ; <{_KG}dyadTarget> ?t ; ?p ?o }}"


def _rdflib(term: object) -> Node | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        return Literal(term.value, datatype=URIRef(term.datatype.value)) if not term.language else Literal(term.value, lang=term.language)
    return Literal(str(term))
