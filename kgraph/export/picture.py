"""Pictures of the actor network: PNG and SVG drawn with matplotlib.

Node size follows the degree, node colour the actor kind; edges are coloured
by QuadClass (cooperation green, conflict red), one curved arrow per
(source, target, QuadClass) with a width from its number of events; a legend
names the colours. ``top`` (default 50) keeps the busiest actors so labels
stay readable.
"""
from __future__ import annotations

import math
import os

import matplotlib

matplotlib.use("Agg")  # no display needed

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import FancyArrowPatch  # noqa: E402
from rdflib import Graph  # noqa: E402

from .atomic import atomic_path  # noqa: E402
from .layout import layout  # noqa: E402
from .network import Network, NetworkOptions, actor_network, kind_color, quad_color, quad_name  # noqa: E402
from .registry import register  # noqa: E402

__all__ = ["draw_network", "write_png", "write_svg", "DEFAULT_TOP"]

#: Actors drawn when ``top`` is not given.
DEFAULT_TOP = 50


def draw_network(net: Network, *, title: str | None = None) -> plt.Figure:
    """A matplotlib figure of ``net`` (close it after saving)."""
    positions = layout(net)
    count = len(net.nodes)
    side = min(22.0, max(9.0, 2.2 * math.sqrt(count)))
    fig, ax = plt.subplots(figsize=(side * 1.25, side), dpi=100)
    ax.set_axis_off()
    font = 9 if count <= 60 else 7
    # edges: one per (source, target, QuadClass)
    merged: dict[tuple[str, str, int], int] = {}
    for edge in net.edges:
        key = (edge.source, edge.target, edge.quad or 0)
        merged[key] = merged.get(key, 0) + edge.events
    heaviest = max(merged.values(), default=1)
    radius = {node.id: 5 + 0.35 * net.size(node) for node in net.nodes.values()}  # points, for arrow clipping
    for (s, t, quad), events in sorted(merged.items(), key=lambda item: item[1]):
        arrow = FancyArrowPatch(
            positions[s], positions[t], connectionstyle=f"arc3,rad={0.12 + 0.06 * (quad % 4)}",
            arrowstyle="-|>", mutation_scale=10, color=quad_color(quad), alpha=0.75,
            linewidth=0.6 + 3.4 * math.sqrt(events / heaviest), shrinkA=radius[s], shrinkB=radius[t], zorder=1,
        )
        ax.add_patch(arrow)
    xs = [positions[n][0] for n in net.nodes]
    ys = [positions[n][1] for n in net.nodes]
    sizes = [(4 + 0.7 * net.size(node)) ** 2 for node in net.nodes.values()]
    colors = [node.color for node in net.nodes.values()]
    ax.scatter(xs, ys, s=sizes, c=colors, edgecolors="white", linewidths=1.2, zorder=2)
    for node in net.nodes.values():
        x, y = positions[node.id]
        label = node.label if len(node.label) <= 28 else node.label[:26] + "…"
        ax.annotate(label, (x, y), xytext=(0, 5 + 0.35 * net.size(node)), textcoords="offset points",
                    ha="center", va="bottom", fontsize=font, zorder=3,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})
    pad = 0.12
    ax.set_xlim(min(xs) - pad, max(xs) + pad)
    ax.set_ylim(min(ys) - pad, max(ys) + pad * 1.5)
    quads = sorted({q for (_, _, q) in merged})
    kinds = sorted({node.kind for node in net.nodes.values()})
    handles = [Line2D([0], [0], color=quad_color(q), linewidth=3, label=quad_name(q)) for q in quads]
    handles += [Line2D([0], [0], marker="o", linestyle="", markersize=9, markerfacecolor=kind_color(k),
                       markeredgecolor="white", label=k) for k in kinds]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=font + 1, frameon=True,
              framealpha=0.9, title="relations (QuadClass) · actors", title_fontsize=font + 1)
    heading = title or f"kgraph actor network: {count} actors, {sum(e.events for e in net.edges)} events"
    ax.set_title(heading, fontsize=font + 4)
    fig.tight_layout()
    return fig


def _write(graph: Graph, path: str | os.PathLike[str], fmt: str, options: dict[str, object]) -> None:
    settings = NetworkOptions.from_options({**options, "top": options.get("top") or DEFAULT_TOP})
    net = actor_network(graph, settings)
    with matplotlib.rc_context({"svg.fonttype": "none"}):  # SVG labels stay text (searchable, selectable)
        fig = draw_network(net)
    try:
        with atomic_path(path) as tmp, matplotlib.rc_context({"svg.fonttype": "none"}):
            fig.savefig(tmp, format=fmt, bbox_inches="tight", metadata={"Software": "kgraph"} if fmt == "png" else {"Creator": "kgraph", "Date": None})
    finally:
        plt.close(fig)


@register("png")
def write_png(graph: Graph, path: str | os.PathLike[str], **options: object) -> None:
    """Draw the actor network as PNG (options: top, level, label_lang, roots, since, until, min_weight)."""
    _write(graph, path, "png", options)


@register("svg")
def write_svg(graph: Graph, path: str | os.PathLike[str], **options: object) -> None:
    """Draw the actor network as SVG (same options as PNG)."""
    _write(graph, path, "svg", options)
