"""One self-contained interactive HTML page of the actor network, working offline.

The page inlines Cytoscape.js (from the npm registry, pinned and vendored in
``kgraph/export/vendor/`` by ``tools/fetch_js.sh``; MIT licence, recorded in
``vendor/vendor.json`` and repeated in the page) and the network as JSON.
It offers pan and zoom, hover cards (an edge shows its relation, counts and
up to three sentences behind it; a node its kind and degree), a time window
(two sliders over the event dates, when the graph has dates) that hides
edges without events inside the window and resizes the others, and a search
box that highlights and centres the actors it matches. Node positions come
from the same seeded layout as the PNG, so the page draws at once.

When loaded, the page records its state on ``<body>``: ``data-ready``,
``data-nodes``, ``data-edges`` and ``data-errors`` (JavaScript errors
caught), which the tests read from headless Chromium.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from importlib import resources

from rdflib import Graph

from .. import __version__
from ..errors import DataError
from .atomic import atomic_path
from .layout import layout
from .network import (
    Network, NetworkOptions, actor_network, actor_table, code_table, kind_color, node_id, quad_color, quad_name,
)
from .registry import register
from .sparql import select

__all__ = ["write_html", "page", "SENTENCES_PER_EDGE"]

# ---------------------------------------------------------------- SPARQL: every read beyond the network's own
#: The sentences behind actor→actor events (the network itself comes from network.EVENTS_QUERY); actor IRIs
#: are mapped to codes through network.CODES_QUERY.
SENTENCES_QUERY = """
SELECT ?s ?t ?root ?date ?doc ?sentence WHERE {
  ?event a kg:Event ; kg:negated false ; kg:source ?s ; kg:target ?t ; kg:cameoRoot ?root ; kg:mention ?m .
  ?m kg:sentenceText ?sentence .
  OPTIONAL { ?event kg:date ?date }
  OPTIONAL { ?m kg:inArticle/kg:docId ?doc }
}
"""
#: Sentences shown per edge on hover.
SENTENCES_PER_EDGE = 3


@lru_cache(maxsize=1)
def _vendor() -> tuple[str, dict[str, dict[str, str]]]:
    folder = resources.files("kgraph.export") / "vendor"
    try:
        record = json.loads((folder / "vendor.json").read_text(encoding="utf-8"))
        script = (folder / record["cytoscape"]["file"]).read_text(encoding="utf-8")
    except (FileNotFoundError, KeyError) as err:
        raise DataError("kgraph/export/vendor: Cytoscape.js is missing (run: make vendor-js)") from err
    return script, record


def _sentences(graph: Graph, net: Network) -> dict[str, list[list[str]]]:
    actors = actor_table(graph, "en")
    level = net.options.level
    wanted = {e.id for e in net.edges}
    found: dict[str, list[list[str]]] = {}
    codes = code_table(graph)
    for s, t, root, day, doc, sentence in select(graph, SENTENCES_QUERY):
        if s is None or t is None or not sentence:
            continue
        sc, tc = codes.get(s, (s.rsplit("/", 1)[-1], None))[0], codes.get(t, (t.rsplit("/", 1)[-1], None))[0]
        if net.options.roots and root not in net.options.roots:
            continue
        key = f"{node_id(sc, actors, level)}|{node_id(tc, actors, level)}|{root}"
        if key not in wanted:
            continue
        kept = found.setdefault(key, [])
        if len(kept) < SENTENCES_PER_EDGE and all(s[2] != sentence for s in kept):
            kept.append([day[:10] if day else "", doc or "", sentence])
    return found


def _data(graph: Graph, net: Network) -> dict[str, object]:
    positions = layout(net)
    sentences = _sentences(graph, net)
    nodes = [{
        "id": n.id, "label": n.label, "code": n.code, "kind": n.kind, "country": n.country, "sector": n.sector,
        "degree": n.degree, "events": n.events, "first": n.first or "", "color": n.color,
        "size": round(10 + 1.2 * net.size(n), 1),
        "x": round(positions[n.id][0] * 1200, 1), "y": round(-positions[n.id][1] * 800, 1),
    } for n in net.nodes.values()]
    edges = [{
        "id": e.id, "source": e.source, "target": e.target, "relation": e.relation, "rootLabel": e.label,
        "root": e.root, "cameo": e.cameo, "events": e.events, "mentions": e.mentions, "articles": len(e.articles),
        "sources": len(e.outlets), "goldstein": e.goldstein, "quad": e.quad or 0, "quadName": quad_name(e.quad),
        "color": e.color, "first": e.first or "", "last": e.last or "",
        "bins": [[start, counts[1]] for start, counts in sorted(e.bins.items())],
        "sentences": sentences.get(e.id, []),
    } for e in net.edges]
    dates = sorted({b[0] for e in edges for b in e["bins"]})  # type: ignore[index, union-attr]
    quads = sorted({e.quad or 0 for e in net.edges})
    kinds = sorted({n.kind for n in net.nodes.values()})
    return {
        "nodes": nodes, "edges": edges, "dates": dates,
        "legend": {"quads": [[quad_name(q), quad_color(q)] for q in quads], "kinds": [[k, kind_color(k)] for k in kinds]},
    }


def page(graph: Graph, net: Network, *, title: str = "kgraph actor network") -> str:
    """The HTML text of the page for ``net``."""
    script, record = _vendor()
    data = json.dumps(_data(graph, net), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    lib = record["cytoscape"]
    credit = f"Cytoscape.js {lib['version']} ({lib['license']} licence, © The Cytoscape Consortium)"
    template = (resources.files("kgraph.export") / "data" / "page.html").read_text(encoding="utf-8")
    from xml.sax.saxutils import escape

    return (
        template.replace("{{TITLE}}", escape(title))
        .replace("{{CREDIT}}", escape(f"kgraph {__version__} · drawn with {credit}"))
        .replace("{{LIBRARY}}", script.replace("</script", "<\\/script"))
        .replace("{{DATA}}", data)
    )


@register("html")
def write_html(graph: Graph, path: str | os.PathLike[str], **options: object) -> None:
    """Write the interactive page (options: top, level, label_lang, roots, since, until, min_weight)."""
    net = actor_network(graph, NetworkOptions.from_options(options))
    text = page(graph, net, title=f"kgraph actor network: {len(net.nodes)} actors, {sum(e.events for e in net.edges)} events")
    with atomic_path(path) as tmp:
        with open(tmp, "w", encoding="utf-8") as out:
            out.write(text)
