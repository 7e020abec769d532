"""Dyad summaries: the asserted events between two actors, counted when the graph is built.

"Who does what to whom, how often" is the question asked most, and answering
it by grouping every event at query time costs seconds at 100,000 events. So
the merged layer carries two kinds of summary nodes (``ontology/kgraph.ttl``):

- ``kg:Dyad``, one per (source actor, target actor): ``kg:eventCount``,
  ``kg:mentionCount`` (the sum of the events' ``kg:numMentions``),
  ``kg:goldsteinSum`` and ``kg:goldsteinCount`` (the shipped ``top_dyads``), and
  ``kg:dyadActions``, the totals of all its ``kg:DyadAction`` nodes in one string
  (the shipped ``dyads`` reads a store from them, :func:`dyads_rows`: one pattern
  instead of a join a row);
- ``kg:DyadAction``, one per (source actor, CAMEO event type, target actor):
  ``kg:eventCount`` and ``kg:mentionCount`` (the shipped ``dyads``).

They count exactly what the grouping queries counted: events with a target,
``kg:negated false`` and no ``kg:mode``. IRIs come from the actors (and the
event type), so the same dyad is one node in every graph.

They are always those a recompute from the events present gives (a test
compares every path with :func:`summarise_dyads`): :class:`DyadSummaries` keeps
a graph's summaries right as a builder adds events; :class:`EventTally`
gathers the facts of the events a :class:`~kgraph.graph.writer.QuadWriter`
writes, across its batches, and gives the summaries of all of them at the end
(a graph file written from N-Quads text, the shards of ``--engine dask``; it holds every event
and mention, so ``kgraph build`` to a store recounts from the store instead); an
``--append`` merges: :func:`merge_dyads` (files) and :func:`merge_store_dyads`
(stores) read the totals of the summaries the new events count in, take each
event's old share out and put its new one in, leaving the others as they are.
:func:`summarise_dyads`, :func:`rebuild_store_dyads` and
:func:`store_dyad_update` recompute from the events (a graph written before a
summary it lacks, batches that carry only their own). An article added again
changes no event, so no summary.
"""
from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD
from rdflib.plugins.serializers.nt import _nt_row
from rdflib.term import Node

from ..model import stable_hash
from .namespace import DYAD, KG

__all__ = ["DyadSummaries", "EventTally", "SUMMARY_CLASSES", "dyad_iri", "merge_dyads", "merge_store_dyads", "rebuild_store_dyads", "store_dyad_update", "summarise_dyads"]

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
        self.types: dict[Pair, set[str]] = {}  # the event types of each pair's actions

    def action(self, action: Action) -> _Totals:
        """The totals of ``action`` (new ones start at zero)."""
        totals = self.actions.get(action)
        if totals is None:
            totals = self.actions[action] = _Totals()
            self.types.setdefault(action[:2], set()).add(action[2])
        return totals

    def add(self, share: _Share, sign: int = 1) -> tuple[Pair, Action | None]:
        pair = share.pair
        self.pairs.setdefault(pair, _Totals()).add(share, sign)
        if share.event_type is None:
            return pair, None
        action = (*pair, share.event_type)
        self.action(action).add(share, sign)
        return pair, action

    def table(self, pair: Pair) -> str:
        """The ``kg:dyadActions`` of ``pair``: its actors, then type, events and mentions of each of its actions."""
        parts = [pair[0], pair[1]]
        for event_type in sorted(self.types.get(pair, ())):
            totals = self.actions[(*pair, event_type)]
            if totals.events > 0:
                parts += (event_type, str(totals.events), str(totals.mentions))
        return " ".join(parts)

    def read_table(self, text: str) -> Pair | None:
        """Take the action totals of a pair from its ``kg:dyadActions``; returns the pair (``None`` if unreadable)."""
        parts = text.split(" ")
        if len(parts) < 2 or (len(parts) - 2) % 3:
            return None
        pair = (parts[0], parts[1])
        for i in range(2, len(parts), 3):
            totals = self.action((*pair, parts[i]))
            totals.events, totals.mentions = int(parts[i + 1]), int(parts[i + 2])
        return pair

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
            yield node, KG.dyadActions, Literal(self.table(pair))
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


def _keys(graph: Graph, events: Iterable[Node]) -> tuple[set[Pair], set[Action]]:
    """The summaries the events of ``graph`` may count in (their IRIs fix actors and type, whatever they count)."""
    pairs: set[Pair] = set()
    actions: set[Action] = set()
    for event in events:
        source, event_type = graph.value(event, KG.source), graph.value(event, KG.eventType)
        if source is None:
            continue
        for target in graph.objects(event, KG.target):
            pairs.add((str(source), str(target)))
            if event_type is not None:
                actions.add((str(source), str(target), str(event_type)))
    return pairs, actions


def _graph_totals(graph: Graph, node: Node) -> _Totals | None:
    events, mentions = graph.value(node, KG.eventCount), graph.value(node, KG.mentionCount)
    if events is None or mentions is None:
        return None
    totals = _Totals()
    totals.events, totals.mentions = int(events.toPython()), int(mentions.toPython())
    gsum, gcount = graph.value(node, KG.goldsteinSum), graph.value(node, KG.goldsteinCount)
    if gsum is not None and gcount is not None:
        totals.goldstein_sum, totals.goldstein_count = Decimal(str(gsum)), int(gcount.toPython())
    return totals


def merge_dyads(existing: Graph, graph: Graph, merge: Callable[[], None]) -> None:
    """Merge ``graph`` into ``existing`` with ``merge()`` (which adds the triples and recounts), updating the summaries.

    The summaries ``existing`` holds stay as they are but for those the events of
    ``graph`` count in: their totals are read before the merge, each event's old
    share (in ``existing``) taken out and its new share (in the merged graph) put
    in, as a full recompute (:func:`summarise_dyads`) would count them. A graph
    that has events but no summary at all (written before summaries) is
    summarised whole.
    """
    events = set(graph.subjects(RDF.type, KG.Event))
    if next(iter(_summary_nodes(existing)), None) is None and (None, RDF.type, KG.Event) in existing:
        merge()
        summarise_dyads(existing)
        return
    pairs, actions = _keys(graph, events)
    for node in _summary_nodes(graph):  # summaries ``graph`` carries (of its own events): rewritten from ``existing``'s
        source, target, event_type = (graph.value(node, p) for p in (KG.dyadSource, KG.dyadTarget, KG.dyadEventType))
        if source is not None and target is not None:
            if event_type is None:
                pairs.add((str(source), str(target)))
            else:
                actions.add((str(source), str(target), str(event_type)))
    tally = _Tally()
    for pair in pairs:  # the totals of the pair and of all its actions (kg:dyadActions), before the merge
        node = dyad_iri(*pair)
        totals, table = _graph_totals(existing, node), existing.value(node, KG.dyadActions)
        if totals is not None and (table is None or tally.read_table(str(table)) != pair):
            merge()  # a summary written before kg:dyadActions
            summarise_dyads(existing)
            return
        tally.pairs[pair] = totals if totals is not None else _Totals()
    for action in actions:
        tally.action(action)
    old = {event: _share(existing, event) for event in events if (event, RDF.type, KG.Event) in existing}
    merge()
    for event in events:
        for share, sign in ((old.get(event), -1), (_share(existing, event), 1)):
            if share is not None:
                tally.add(share, sign)
    _drop(existing, [dyad_iri(*key) for key in (*pairs, *actions)])
    for triple in list(tally.triples(pairs, actions)):
        existing.add(triple)


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


class EventTally:
    """The facts of every event a build writes that its summaries depend on, gathered as the events are written.

    :class:`~kgraph.graph.writer.QuadWriter` records each report of an event with a
    target that is not negated (the only ones a summary may count): its actors, CAMEO
    type, Goldstein score, whether the report has a modality, and its mention. At the
    end, :meth:`lines` gives the summaries of all of them, as a full recompute over
    the written graph would: an event counts unless some report of it had a modality,
    with the number of distinct mentions across every batch. Tallies of shards built
    apart (``--engine dask``) are joined with :meth:`merge`.
    """

    __slots__ = ("_events", "complete")

    def __init__(self) -> None:
        # event IRI -> [share, hypothetical, mention IRIs]
        self._events: dict[str, list] = {}
        #: False once a shard came without its tally (a worker of an older kgraph): the summaries must then be recomputed
        self.complete = True

    def __len__(self) -> int:
        return len(self._events)

    def add(self, event: str, source: str, target: str, event_type: str | None, goldstein: Decimal | None,
            hypothetical: bool, mention: str) -> None:
        """One report of ``event`` (plain IRIs, no angle brackets), with a target and not negated."""
        facts = self._events.get(event)
        if facts is None:
            self._events[event] = [_Share((source, target), event_type, 0, goldstein), hypothetical, {mention}]
            return
        facts[1] = facts[1] or hypothetical
        facts[2].add(mention)

    def merge(self, other: EventTally | None) -> EventTally:
        """Add the reports of ``other`` (e.g. another shard's; ``None``: a shard without, see :attr:`complete`); returns ``self``."""
        if other is None or not other.complete:
            self.complete = False
            return self
        for event, (share, hypothetical, mentions) in other._events.items():
            facts = self._events.get(event)
            if facts is None:
                self._events[event] = [share, hypothetical, set(mentions)]
            else:
                facts[1] = facts[1] or hypothetical
                facts[2] |= mentions
        return self

    def tally(self) -> _Tally:
        tally = _Tally()
        for share, hypothetical, mentions in self._events.values():
            if not hypothetical:
                tally.add(_Share(share.pair, share.event_type, len(mentions), share.goldstein))
        return tally

    def lines(self) -> list[str]:
        """The summaries of the events recorded, as sorted N-Triples lines."""
        return _lines(self.tally())


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
    return _lines(_store_tally(store))


_TYPE_NT = f"<{RDF.type}>"
_NT = {name: f"<{KG[name]}>" for name in ("Dyad", "DyadAction", "dyadSource", "dyadTarget", "dyadEventType", "eventCount",
                                           "mentionCount", "goldsteinSum", "goldsteinCount", "dyadActions")}
_INT_NT, _DEC_NT = f"^^<{XSD.integer}>", f"^^<{XSD.decimal}>"


def _summary_lines(tally: _Tally) -> Iterator[list[str]]:
    """The N-Triples lines of :meth:`_Tally.triples`, one summary node at a time, made with string formatting
    alone (rdflib terms for each of a million summary triples cost seconds)."""
    for kind, items in ((_NT["Dyad"], tally.pairs.items()), (_NT["DyadAction"], tally.actions.items())):
        for key, totals in items:
            if totals.events <= 0:
                continue
            node = f"<{dyad_iri(*key)}>"
            out = [
                f"{node} {_TYPE_NT} {kind} .\n",
                f"{node} {_NT['dyadSource']} <{key[0]}> .\n",
                f"{node} {_NT['dyadTarget']} <{key[1]}> .\n",
                f'{node} {_NT["eventCount"]} "{totals.events}"{_INT_NT} .\n',
                f'{node} {_NT["mentionCount"]} "{totals.mentions}"{_INT_NT} .\n',
            ]
            if len(key) == 2:
                out.append(f'{node} {_NT["goldsteinSum"]} "{_one_place(totals.goldstein_sum)}"{_DEC_NT} .\n')
                out.append(f'{node} {_NT["goldsteinCount"]} "{totals.goldstein_count}"{_INT_NT} .\n')
                out.append(f'{node} {_NT["dyadActions"]} "{tally.table(key)}" .\n')
            else:
                out.append(f"{node} {_NT['dyadEventType']} <{key[2]}> .\n")
            yield out


def _lines(tally: _Tally) -> list[str]:
    """The N-Triples lines of :meth:`_Tally.triples`, sorted."""
    out = [line for lines in _summary_lines(tally) for line in lines]
    out.sort()
    return out


#: Summary nodes bulk-loaded at a time by :func:`rebuild_store_dyads` (a few megabytes of N-Triples).
LOAD_NODES = 10_000


def rebuild_store_dyads(store: ox.Store) -> None:
    """Recompute every dyad summary of a store (filled batch by batch) from its events, in its default graph.

    Each batch summarised only its own events, so an actor pair reported in two
    batches has two partial summaries: they are all dropped, then written again
    from one pass over the asserted events.

    The new summaries go in :data:`LOAD_NODES` nodes a bulk load, so that only the
    totals, not their text, are held whole.
    """
    tally = _store_tally(store)
    for kind in SUMMARY_CLASSES:
        store.update(f"DELETE {{ ?d ?p ?o }} WHERE {{ ?d a <{kind}> ; ?p ?o }}")
    pending: list[str] = []
    nodes = 0
    for lines in _summary_lines(tally):
        pending += lines
        nodes += 1
        if nodes >= LOAD_NODES:
            store.bulk_load("".join(pending).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
            pending, nodes = [], 0
    if pending:
        store.bulk_load("".join(pending).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)


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


_FACTS = f"""SELECT ?e ?s ?t ?negated ?mode ?type ?n ?g WHERE {{
  VALUES ?e {{ $events }} ?e <{_KG}source> ?s ; <{_KG}target> ?t .
  OPTIONAL {{ ?e <{_KG}negated> ?negated }} OPTIONAL {{ ?e <{_KG}mode> ?mode }} OPTIONAL {{ ?e <{_KG}eventType> ?type }}
  OPTIONAL {{ ?e <{_KG}numMentions> ?n }} OPTIONAL {{ ?e <{_KG}goldstein> ?g }} }}"""
_TOTALS = f"""SELECT ?d ?k ?m ?gs ?gk ?table WHERE {{
  VALUES ?d {{ $nodes }} ?d <{_KG}eventCount> ?k ; <{_KG}mentionCount> ?m .
  OPTIONAL {{ ?d <{_KG}goldsteinSum> ?gs ; <{_KG}goldsteinCount> ?gk }} OPTIONAL {{ ?d <{_KG}dyadActions> ?table }} }}"""


def merge_store_dyads(store: ox.Store, merged: Graph) -> str:
    """As :func:`store_dyad_update`, but merged with the store's summaries rather than recounted from its events.

    The totals of the summaries the events of ``merged`` count in are read from
    the store, each event's old share (its facts in the store) taken out and its
    new share (the store's facts with ``merged``'s, ``merged``'s counts winning)
    put in; the summaries go into ``merged`` and the returned update drops the
    store's old ones (run it first, in the same transaction). A store with events
    but no summary at all (written before summaries) gets :func:`store_dyad_update`.
    """
    if not store.query(f"ASK {{ ?d a <{KG.Dyad}> }}"):
        return store_dyad_update(store, merged)
    _drop(merged, _summary_nodes(merged))
    events = sorted(set(merged.subjects(RDF.type, KG.Event)))
    pairs, actions = _keys(merged, events)
    if not pairs:
        return ""
    facts = (KG.source, KG.target, KG.negated, KG.mode, KG.eventType, KG.numMentions, KG.goldstein)
    old_graph, new_graph = Graph(), Graph()  # the facts of the events, in the store; and merged with ``merged``'s
    for start in range(0, len(events), 1000):
        values = " ".join(f"<{e}>" for e in events[start:start + 1000])
        for solution in store.query(_FACTS.replace("$events", values), use_default_graph_as_union=True):
            e, *found = (_rdflib(solution[i]) for i in range(8))
            old_graph.add((e, RDF.type, KG.Event))
            new_graph.add((e, RDF.type, KG.Event))
            for prop, value in zip(facts, found, strict=True):
                if value is not None:
                    old_graph.add((e, prop, value))
                    if prop != KG.numMentions:  # merged counts win
                        new_graph.add((e, prop, value))
    for event in events:
        new_graph.add((event, RDF.type, KG.Event))
        for prop in facts:
            for value in merged.objects(event, prop):
                new_graph.add((event, prop, value))
    tally = _Tally()
    for key in pairs:
        tally.pairs[key] = _Totals()
    for key in actions:
        tally.action(key)
    nodes = {str(dyad_iri(*key)): key for key in pairs}
    keys = sorted(nodes)
    for start in range(0, len(keys), 1000):  # the totals of each pair and of all its actions (kg:dyadActions)
        values = " ".join(f"<{d}>" for d in keys[start:start + 1000])
        for solution in store.query(_TOTALS.replace("$nodes", values)):
            key = nodes[solution[0].value]
            if solution[5] is None or tally.read_table(solution[5].value) != key:
                return store_dyad_update(store, merged)  # a summary written before kg:dyadActions
            totals = tally.pairs[key]
            totals.events, totals.mentions = int(solution[1].value), int(solution[2].value)
            if solution[3] is not None:
                totals.goldstein_sum, totals.goldstein_count = Decimal(solution[3].value), int(solution[4].value)
    keys = sorted({*keys, *(str(dyad_iri(*key)) for key in actions)})
    for event in events:
        for graph, sign in ((old_graph, -1), (new_graph, 1)):
            share = _share(graph, event) if (event, RDF.type, KG.Event) in graph else None
            if share is not None:
                tally.add(share, sign)
    for triple in tally.triples(pairs, actions):
        merged.add(triple)
    return f"DELETE {{ ?d ?p ?o }} WHERE {{ VALUES ?d {{ {' '.join(f'<{d}>' for d in keys)} }} ?d ?p ?o }}"



# ---------------------------------------------------------------- the shipped ``dyads``, read from kg:dyadActions
def _objects(store: ox.Store, predicate: URIRef, graph: object) -> dict[str, list[object]]:
    """Subject IRI → objects of ``predicate`` in ``graph`` (for predicates of a few hundred triples)."""
    found: dict[str, list[object]] = {}
    for subject, _, obj, _ in store.quads_for_pattern(None, ox.NamedNode(str(predicate)), None, graph):
        if isinstance(subject, ox.NamedNode):
            found.setdefault(subject.value, []).append(obj)
    return found


def _count(store: ox.Store, kind: URIRef, graph: object) -> int:
    query = f"SELECT (COUNT(?d) AS ?n) WHERE {{ ?d a <{kind}> }}"
    return int(next(iter(store.query(query, default_graph=graph)))[0].value)


def dyads_rows(store: ox.Store, graph: object = None, *, term: Callable[[object], object] = lambda t: t,
               integer: Callable[[int], object] = int) -> list[list[object]] | None:
    """The rows of the shipped ``dyads`` query over ``graph`` (default: the default graph), in its order, from the tables.

    The query joins each ``kg:DyadAction`` summary with its counts, its actors'
    codes and its type's label; Oxigraph's plan looks each summary's facts up
    one at a time (five index seeks a row: seconds at 100,000 events). The same
    totals sit in one literal per actor pair (``kg:dyadActions``, written with
    the summaries), read here in one pattern, and joined with the few actor codes
    and labels in dictionaries. Rows are ``[source, relation, target, events,
    mentions]``: the codes and labels (pyoxigraph literals) through ``term``, the
    counts through ``integer``, each distinct value converted once.

    ``None`` (the caller runs the SPARQL) when the tables do not cover the
    summaries (a graph written before them: not one table per ``kg:Dyad``, or
    not one entry per ``kg:DyadAction``), or a code or label is not a literal of
    the one kind the order is sure for.
    """
    graph = ox.DefaultGraph() if graph is None else graph
    tables = [solution[0].value for solution in store.query(
        f"SELECT ?table WHERE {{ ?d <{KG.dyadActions}> ?table }}", default_graph=graph)]
    if len(tables) != _count(store, KG.Dyad, graph):
        return None
    codes, labels = _objects(store, KG.code, graph), _objects(store, SKOS.prefLabel, graph)
    for found in (codes, labels):
        terms = [t for values in found.values() for t in values]
        if not all(isinstance(t, ox.Literal) for t in terms) or len({(t.datatype.value, t.language) for t in terms}) > 1:
            return None  # not literals of one kind: SPARQL orders them by rules not worth copying
    # each distinct code and label once: (its rank in the order, its converted term)
    code_rank = {v: i for i, v in enumerate(sorted({t.value for values in codes.values() for t in values}))}
    label_rank = {v: i for i, v in enumerate(sorted({t.value for values in labels.values() for t in values}))}
    actor = {iri: [(code_rank[t.value], term(t)) for t in values] for iri, values in codes.items()}
    concept = {iri: [(label_rank[t.value], term(t)) for t in values] for iri, values in labels.items()}
    width_c, width_l = len(code_rank) or 1, len(label_rank) or 1
    numbers: dict[str, tuple[int, object]] = {}
    for text in {part for table in tables for part in table.split(" ")[2:][1::3]} | \
            {part for table in tables for part in table.split(" ")[2:][2::3]}:
        if not text.isdigit():
            return None
        numbers[text] = (int(text), integer(int(text)))
    keyed: list[tuple[int, list[object]]] = []
    add = keyed.append
    empty: list[tuple[int, object]] = []
    entries = 0
    collecting = gc.isenabled()
    gc.disable()  # a hundred thousand new rows, none in a cycle: no collection passes over them as they come
    try:
        for table in tables:
            parts = table.split(" ")
            if len(parts) < 2 or (len(parts) - 2) % 3:
                return None
            entries += (len(parts) - 2) // 3
            sources, targets = actor.get(parts[0], empty), actor.get(parts[1], empty)
            if not sources or not targets:
                continue
            rest = iter(parts[2:])
            for event_type, events_text, mentions_text in zip(rest, rest, rest):
                events, events_term = numbers[events_text]
                mentions_term = numbers[mentions_text][1]
                for relation_rank, relation in concept.get(event_type, empty):
                    for source_rank, source in sources:
                        for target_rank, target in targets:
                            # ORDER BY DESC(?events) ?source ?target ?relation, as one integer
                            key = ((-events * width_c + source_rank) * width_c + target_rank) * width_l + relation_rank
                            add((key, [source, relation, target, events_term, mentions_term]))
        if entries != _count(store, KG.DyadAction, graph):
            return None
        keyed.sort(key=lambda item: item[0])
        return [row for _, row in keyed]
    finally:
        if collecting:
            gc.enable()
