"""Node positions for the pictures and the HTML page: a seeded force-directed layout."""
from __future__ import annotations

import math

import networkx as nx

from .network import Network

__all__ = ["layout"]


def layout(net: Network, *, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1]² for every node, the same for the same network.

    Pairs with more events pull harder (weight = log of events between them);
    unconnected parts are laid out side by side by networkx.
    """
    pairs = nx.Graph()
    pairs.add_nodes_from(net.nodes)
    for edge in net.edges:
        old = pairs.get_edge_data(edge.source, edge.target, {}).get("events", 0)
        pairs.add_edge(edge.source, edge.target, events=old + edge.events)
    for _, _, data in pairs.edges(data=True):
        data["weight"] = 1.0 + math.log(data["events"])
    n = max(len(pairs), 1)
    positions = nx.spring_layout(pairs, k=1.6 / math.sqrt(n), iterations=200, seed=seed, weight="weight")
    return {node: (float(x), float(y)) for node, (x, y) in positions.items()}
