"""Node positions for the pictures and the HTML page: a seeded force-directed layout per component."""
from __future__ import annotations

import math

import networkx as nx

from .network import Network

__all__ = ["layout"]


def _component(pairs: nx.Graph, nodes: set[str], seed: int) -> dict[str, tuple[float, float]]:
    """Positions of one connected part, centred, spanning about [-1, 1]²."""
    if len(nodes) == 1:
        return {next(iter(nodes)): (0.0, 0.0)}
    part = pairs.subgraph(nodes)
    raw = nx.spring_layout(part, k=1.8 / math.sqrt(len(nodes)), iterations=200, seed=seed, weight="weight")
    xs = [p[0] for p in raw.values()]
    ys = [p[1] for p in raw.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    span = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    return {n: ((x - cx) / span, (y - cy) / span) for n, (x, y) in raw.items()}


def layout(net: Network, *, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1]² for every node, the same for the same network.

    Pairs with more events pull harder (weight = 1 + log of events between
    them). Each connected part is laid out on its own, sized by the square
    root of its number of nodes, and the parts are packed in rows, biggest
    first, so a small separate dyad does not push the rest into a corner.
    """
    pairs = nx.Graph()
    pairs.add_nodes_from(net.nodes)
    for edge in net.edges:
        old = pairs.get_edge_data(edge.source, edge.target, {}).get("events", 0)
        pairs.add_edge(edge.source, edge.target, events=old + edge.events)
    for _, _, data in pairs.edges(data=True):
        data["weight"] = 1.0 + math.log(data["events"])
    parts = sorted(nx.connected_components(pairs), key=lambda c: (-len(c), min(c)))
    sizes = [math.sqrt(len(c)) for c in parts]
    row_width = max(max(sizes, default=1.0), math.sqrt(sum(s * s for s in sizes)) * 1.5)
    placed: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for part, size in zip(parts, sizes, strict=True):
        if x > 0 and x + size > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in _component(pairs, part, seed).items():
            placed[node] = (x + size / 2 + px * size * 0.38, -(y + size / 2) + py * size * 0.38)
        x += size
        row_height = max(row_height, size)
    xs = [p[0] for p in placed.values()] or [0.0]
    ys = [p[1] for p in placed.values()] or [0.0]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    span = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    return {n: ((px - cx) / span, (py - cy) / span) for n, (px, py) in placed.items()}
