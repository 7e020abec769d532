"""The actor network behind GEXF, GraphML and the pictures.

Actors are nodes; each (source, target, CAMEO root) gets one edge carrying
the number of events, mentions, articles and outlets, the mean Goldstein
score and the QuadClass, plus the same counts per time bin for dynamic
exports. ``level="country"`` (default) merges sectors into their country
(TURGOV → TUR); ``level="actor"`` keeps them apart.

The network is aggregated while the event rows stream out of SPARQL, so
memory grows with the number of edges and bins, not with events. The three
queries below are the only place the network exporters read the graph.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import timedelta
from functools import lru_cache

from rdflib import Graph

from ..cameo import cameo_codes
from ..errors import KGraphError
from ..resources import read_tsv
from .sparql import select

__all__ = [
    "ActorNode", "EventRow", "NetworkOptions", "Network", "RelationEdge", "actor_network", "bin_of",
    "event_rows", "kind_color", "quad_color", "quad_name",
]

# ---------------------------------------------------------------- SPARQL: every read of the graph
# Oxigraph plans joins from events to the few actors and CAMEO concepts badly (time grows with events ×
# actors), so event queries return actor and concept IRIs and Python maps them through CODES_QUERY.
#: One row per non-negated event with its number of mentions, its articles (hashes) and outlets.
#: An outlet is the host of the article URL, or the article id when it has no URL.
EVENTS_QUERY = r"""
SELECT ?event ?s ?t ?type ?root ?date ?g ?quad (COUNT(DISTINCT ?m) AS ?mentions)
       (GROUP_CONCAT(DISTINCT STRAFTER(STR(?a), "article/"); separator="\t") AS ?articles)
       (GROUP_CONCAT(DISTINCT ?outlet; separator="\t") AS ?outlets) WHERE {
  ?event a kg:Event ; kg:negated false ; kg:source ?s ; kg:eventType ?type ; kg:cameoRoot ?root .
  OPTIONAL { ?event kg:target ?t }
  OPTIONAL { ?event kg:date ?date }
  OPTIONAL { ?event kg:goldstein ?g }
  OPTIONAL { ?event kg:quadClass ?quad }
  OPTIONAL { ?event kg:mention ?m .
             OPTIONAL { ?m kg:inArticle ?a .
                        OPTIONAL { ?a kg:docId ?doc } OPTIONAL { ?a kg:url ?url }
                        BIND(COALESCE(REPLACE(STR(?url), "^[A-Za-z][A-Za-z0-9+.-]*://([^/:?#]+).*$", "$1"), ?doc) AS ?outlet) } }
} GROUP BY ?event ?s ?t ?type ?root ?date ?g ?quad
"""
#: Codes of actors and CAMEO concepts by IRI (a few thousand rows), with concept labels.
CODES_QUERY = """
SELECT ?x ?code ?label WHERE {
  { ?x kg:code ?code } UNION { ?x skos:notation ?code OPTIONAL { ?x skos:prefLabel ?label } }
}
"""
#: Every actor with its labels in English and in the wanted language (``{lang}``).
ACTORS_QUERY = """
SELECT ?code ?en ?label ?country ?sector ?wikidata ?person WHERE {
  ?a a kg:Actor ; kg:code ?code .
  OPTIONAL { ?a rdfs:label ?en FILTER(LANGMATCHES(LANG(?en), "en")) }
  OPTIONAL { ?a rdfs:label ?label FILTER(LANGMATCHES(LANG(?label), "{lang}")) }
  OPTIONAL { ?a kg:country/kg:code ?country }
  OPTIONAL { ?a kg:sector ?sector }
  OPTIONAL { ?a kg:wikidata ?wikidata }
  BIND(EXISTS { ?a a ?class FILTER(STRENDS(STR(?class), "Person")) } AS ?person)
}
"""
#: CAMEO root concepts present in the graph: label and direct relation.
ROOTS_QUERY = """
SELECT ?root ?label ?relation WHERE {
  ?c skos:notation ?root ; skos:prefLabel ?label . OPTIONAL { ?c kg:relation ?relation }
  FILTER(STRLEN(?root) = 2)
}
"""

BINS = ("day", "week", "month")
LEVELS = ("country", "actor")


# ---------------------------------------------------------------- styles (data files)
@lru_cache(maxsize=1)
def _kind_rules() -> list[dict[str, str]]:
    return list(read_tsv("kgraph.export", "data/kinds.tsv"))


@lru_cache(maxsize=1)
def _quads() -> dict[int, dict[str, str]]:
    return {int(row["quad_class"]): row for row in read_tsv("kgraph.export", "data/quadclass.tsv")}


def actor_kind(code: str, *, sector: str | None = None, person: bool = False) -> str:
    """The kind of an actor code: state, sector, IGO, NGO, armed group or person (``data/kinds.tsv``)."""
    sector = sector or (code[3:] if len(code) > 3 and not code.startswith(("IGO", "NGO")) else None)
    for rule in _kind_rules():
        kind, value = rule["rule"], rule["value"]
        if (
            (kind == "person" and person)
            or (kind == "prefix" and code.startswith(value))
            or (kind == "sector" and sector == value)
            or (kind == "country" and re.fullmatch(r"[A-Z]{3}", code) is not None)
            or kind == "any"
        ):
            return rule["kind"]
    return "sector"


def kind_color(kind: str) -> str:
    """The ``#rrggbb`` colour of an actor kind."""
    return next((r["color"] for r in _kind_rules() if r["kind"] == kind), "#777777")


def quad_color(quad: int | None) -> str:
    """The ``#rrggbb`` colour of a QuadClass (green for cooperation, red for conflict)."""
    return _quads().get(quad or 0, _quads()[0])["color"]


def quad_name(quad: int | None) -> str:
    """The name of a QuadClass (``verbal cooperation`` …)."""
    return _quads().get(quad or 0, _quads()[0])["name"]


# ---------------------------------------------------------------- options
@dataclass(frozen=True)
class NetworkOptions:
    """What part of the graph a network export shows.

    Attributes:
        level: ``country`` merges sectors into their state; ``actor`` keeps TURGOV apart from TUR.
        label_lang: language of node labels (English when the graph has none in it).
        roots: keep only these CAMEO root codes (empty: all).
        since: keep events on or after this ISO date (undated events are dropped when set).
        until: keep events on or before this ISO date.
        min_weight: drop edges with fewer events.
        top: keep only the N busiest actors (by number of events), 0 for all.
        bin: time bin of dynamic exports (``day``, ``week``, ``month``).
    """

    level: str = "country"
    label_lang: str = "en"
    roots: frozenset[str] = frozenset()
    since: str | None = None
    until: str | None = None
    min_weight: float = 0.0
    top: int = 0
    bin: str = "day"

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise KGraphError(f"unknown level {self.level!r} (choose from {', '.join(LEVELS)})")
        if self.bin not in BINS:
            raise KGraphError(f"unknown time bin {self.bin!r} (choose from {', '.join(BINS)})")
        if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)?", self.label_lang):
            raise KGraphError(f"bad label language {self.label_lang!r} (a code such as en or fr)")
        for root in self.roots:
            if not re.fullmatch(r"\d{2}", root):
                raise KGraphError(f"bad CAMEO root {root!r} (two digits, e.g. 16,17)")
        for value in (self.since, self.until):
            if value is not None:
                _parse_day(value)

    @classmethod
    def from_options(cls, options: dict[str, object]) -> NetworkOptions:
        """Build from exporter keyword options, ignoring the ones networks do not use."""
        roots = options.get("roots") or ()
        if isinstance(roots, str):
            roots = [r for r in re.split(r"[,\s]+", roots) if r]
        return cls(
            level=str(options.get("level") or "country"),
            label_lang=str(options.get("label_lang") or "en"),
            roots=frozenset(f"{int(r):02d}" if str(r).isdigit() else str(r) for r in roots),  # type: ignore[union-attr]
            since=options.get("since") or None,  # type: ignore[arg-type]
            until=options.get("until") or None,  # type: ignore[arg-type]
            min_weight=float(options.get("min_weight") or 0),  # type: ignore[arg-type]
            top=int(options.get("top") or 0),  # type: ignore[call-overload]
            bin=str(options.get("bin") or "day"),
        )

    def keeps(self, row: EventRow) -> bool:
        """Whether an event passes the root and date filters."""
        if self.roots and row.root not in self.roots:
            return False
        if self.since or self.until:
            if row.date is None:
                return False
            if (self.since and row.date < self.since) or (self.until and row.date > self.until):
                return False
        return True


def _parse_day(value: str) -> Date:
    try:
        return Date.fromisoformat(value[:10])
    except ValueError:
        raise KGraphError(f"bad date {value!r} (use YYYY-MM-DD)") from None


def bin_of(day: str, unit: str) -> tuple[str, str]:
    """The first and last day (ISO) of the ``day``/``week``/``month`` bin holding ``day``."""
    d = _parse_day(day)
    if unit == "day":
        return d.isoformat(), d.isoformat()
    if unit == "week":
        start = d - timedelta(days=d.weekday())
        return start.isoformat(), (start + timedelta(days=6)).isoformat()
    start = d.replace(day=1)
    following = (start + timedelta(days=32)).replace(day=1)
    return start.isoformat(), (following - timedelta(days=1)).isoformat()


# ---------------------------------------------------------------- rows
@dataclass(frozen=True)
class EventRow:
    """One event as the network sees it."""

    iri: str
    source: str
    target: str | None
    code: str
    root: str
    date: str | None
    goldstein: float | None
    quad: int | None
    mentions: int
    articles: frozenset[str]
    outlets: frozenset[str]


def code_table(graph: Graph) -> dict[str, tuple[str, str | None]]:
    """IRI → (code, label) of every actor and CAMEO concept in the graph."""
    return {x: (code, label) for x, code, label in select(graph, CODES_QUERY) if x and code}


def event_rows(graph: Graph) -> Iterator[EventRow]:
    """Stream the non-negated events of ``graph`` (one row each)."""
    codes = code_table(graph)

    def code(iri: str | None) -> str | None:
        return None if iri is None else codes.get(iri, (iri.rsplit("/", 1)[-1], None))[0]

    for iri, s, t, kind, root, day, g, quad, mentions, articles, outlets in select(graph, EVENTS_QUERY):
        yield EventRow(
            iri=iri or "", source=code(s) or "", target=code(t), code=code(kind) or "", root=root or "",
            date=day[:10] if day else None, goldstein=float(g) if g is not None else None,
            quad=int(quad) if quad is not None else None, mentions=int(mentions or 0),
            articles=frozenset(a for a in (articles or "").split("\t") if a),
            outlets=frozenset(o for o in (outlets or "").split("\t") if o),
        )


# ---------------------------------------------------------------- the network
@dataclass
class ActorNode:
    """A node: an actor (or, at country level, a state with its sectors merged)."""

    id: str
    label: str
    code: str
    country: str
    sector: str
    kind: str
    wikidata: str
    degree: int = 0
    events: int = 0
    first: str | None = None

    @property
    def color(self) -> str:
        return kind_color(self.kind)


@dataclass
class RelationEdge:
    """An aggregated edge: all events from ``source`` to ``target`` under one CAMEO root."""

    source: str
    target: str
    root: str
    relation: str
    label: str
    events: int = 0
    mentions: int = 0
    articles: set[str] = field(default_factory=set)
    outlets: set[str] = field(default_factory=set)
    goldstein_sum: float = 0.0
    goldstein_n: int = 0
    quad: int | None = None
    codes: dict[str, int] = field(default_factory=dict)
    first: str | None = None
    last: str | None = None
    #: bin start → [last day of bin, events, mentions]
    bins: dict[str, list] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.source}|{self.target}|{self.root}"

    @property
    def goldstein(self) -> float | None:
        return round(self.goldstein_sum / self.goldstein_n, 2) if self.goldstein_n else None

    @property
    def cameo(self) -> str:
        """The most frequent CAMEO code (ties: the smallest)."""
        return min(self.codes, key=lambda c: (-self.codes[c], c)) if self.codes else self.root

    @property
    def color(self) -> str:
        return quad_color(self.quad)

    def add(self, row: EventRow, unit: str) -> None:
        self.events += 1
        self.mentions += row.mentions
        self.articles |= row.articles
        self.outlets |= row.outlets
        if row.goldstein is not None:
            self.goldstein_sum += row.goldstein
            self.goldstein_n += 1
        if row.quad is not None:
            self.quad = row.quad
        self.codes[row.code] = self.codes.get(row.code, 0) + 1
        if row.date:
            self.first = row.date if self.first is None else min(self.first, row.date)
            self.last = row.date if self.last is None else max(self.last, row.date)
            start, end = bin_of(row.date, unit)
            counts = self.bins.setdefault(start, [end, 0, 0])
            counts[1] += 1
            counts[2] += row.mentions


@dataclass
class Network:
    """Nodes and aggregated edges, in a stable order (by id)."""

    nodes: dict[str, ActorNode]
    edges: list[RelationEdge]
    options: NetworkOptions

    @property
    def dated(self) -> bool:
        return any(e.bins for e in self.edges)

    @property
    def max_degree(self) -> int:
        return max((n.degree for n in self.nodes.values()), default=0)

    def size(self, node: ActorNode) -> float:
        """Display size from degree: 5 for the least connected, 40 for the most."""
        top = self.max_degree or 1
        return round(5 + 35 * math.sqrt(node.degree / top), 2)


@dataclass(frozen=True)
class _Actor:
    en: str | None
    label: str | None
    country: str | None
    sector: str | None
    wikidata: str | None
    person: bool


def actor_table(graph: Graph, lang: str = "en") -> dict[str, _Actor]:
    """Actor code → labels, country, sector, Wikidata id, person flag."""
    table = {}
    for code, en, label, country, sector, wikidata, person in select(graph, ACTORS_QUERY.replace("{lang}", lang)):
        if code is None:
            continue
        old = table.get(code)
        table[code] = _Actor(
            en or (old.en if old else None), label or (old.label if old else None), country, sector,
            wikidata.rsplit("/", 1)[-1] if wikidata else None, person == "true",
        )
    return table


def root_table(graph: Graph) -> dict[str, tuple[str, str]]:
    """CAMEO root → (label, relation name): from the graph, else from kgraph's scheme."""
    roots = {
        code: (c.label, c.relation) for code, c in cameo_codes().items() if len(code) == 2
    }
    for root, label, relation in select(graph, ROOTS_QUERY):
        if root:
            roots[root] = (label or root, relation.rsplit("/", 1)[-1] if relation else roots.get(root, ("", root))[1])
    return roots


def node_id(code: str, actors: dict[str, _Actor], level: str) -> str:
    """The node an actor code belongs to at ``level``."""
    if level == "actor" or code.startswith(("IGO", "NGO")):
        return code
    info = actors.get(code)
    if info is not None and info.country:
        return info.country
    return code[:3] if re.fullmatch(r"[A-Z]{3}[A-Z]+", code) else code


def make_node(node: str, actors: dict[str, _Actor], level: str) -> ActorNode:
    """An :class:`ActorNode` with labels and kind from the actor table."""
    info = actors.get(node)
    label = (info.label or info.en) if info is not None else None
    sector = (info.sector if info is not None else None) or ""
    country = (info.country if info is not None else None) or (node if re.fullmatch(r"[A-Z]{3}", node) and not node.startswith(("IGO", "NGO")) else "")
    if not country and re.fullmatch(r"[A-Z]{3}[A-Z]+", node) and not node.startswith(("IGO", "NGO")):
        country = node[:3]
    kind = actor_kind(node, sector=sector or None, person=bool(info and info.person))
    return ActorNode(
        id=node, label=label or node, code=node, country=country, sector=sector, kind=kind,
        wikidata=(info.wikidata if info is not None else None) or "",
    )


def actor_network(graph: Graph, options: NetworkOptions | None = None) -> Network:
    """Aggregate the events of ``graph`` into an actor network.

    Raises:
        KGraphError: the graph has no events to draw (after the filters).
    """
    options = options or NetworkOptions()
    actors = actor_table(graph, options.label_lang)
    roots = root_table(graph)
    edges: dict[tuple[str, str, str], RelationEdge] = {}
    seen = 0
    for row in event_rows(graph):
        seen += 1
        if row.target is None or not options.keeps(row):
            continue
        s, t = node_id(row.source, actors, options.level), node_id(row.target, actors, options.level)
        if s == t:
            continue
        key = (s, t, row.root)
        edge = edges.get(key)
        if edge is None:
            label, relation = roots.get(row.root, (row.root, row.root))
            edge = edges[key] = RelationEdge(s, t, row.root, relation or label, label)
        edge.add(row, options.bin)
    if not seen:
        raise KGraphError("the graph has no events to export")
    kept = [e for e in edges.values() if e.events >= options.min_weight]
    if options.top:
        strength: dict[str, int] = {}
        for e in kept:
            strength[e.source] = strength.get(e.source, 0) + e.events
            strength[e.target] = strength.get(e.target, 0) + e.events
        busiest = set(sorted(strength, key=lambda n: (-strength[n], n))[: options.top])
        kept = [e for e in kept if e.source in busiest and e.target in busiest]
    if not kept:
        raise KGraphError("no relation between actors is left to export (check --roots, --since/--until, --min-weight)")
    kept.sort(key=lambda e: (e.source, e.target, e.root))
    nodes: dict[str, ActorNode] = {}
    for e in kept:
        for end in (e.source, e.target):
            node = nodes.get(end)
            if node is None:
                node = nodes[end] = make_node(end, actors, options.level)
            node.degree += 1
            node.events += e.events
            if e.first:
                node.first = e.first if node.first is None else min(node.first, e.first)
    return Network(dict(sorted(nodes.items())), kept, options)
