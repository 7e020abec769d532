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
import numpy as np  # noqa: E402
from matplotlib.collections import LineCollection, PolyCollection  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from rdflib import Graph  # noqa: E402

from .atomic import atomic_path  # noqa: E402
from .layout import layout  # noqa: E402
from .network import Network, NetworkOptions, actor_network, kind_color, quad_color, quad_name  # noqa: E402
from .registry import register  # noqa: E402

__all__ = ["draw_network", "write_png", "write_svg", "DEFAULT_TOP"]

#: Actors drawn when ``top`` is not given.
DEFAULT_TOP = 50


#: Points along each drawn edge (a quadratic curve); enough for a smooth arc at poster size.
CURVE_POINTS = 24


def _bezier(p0: np.ndarray, c: np.ndarray, p2: np.ndarray, t: np.ndarray) -> np.ndarray:
    """Points of quadratic Bézier curves (one per row of ``p0``, ``c``, ``p2``) at parameters ``t``."""
    t = t[..., None]
    return (1 - t) ** 2 * p0 + 2 * (1 - t) * t * c + t**2 * p2


def _cut(p0: np.ndarray, c: np.ndarray, p2: np.ndarray, end: np.ndarray, gap: np.ndarray, *, start: bool) -> np.ndarray:
    """For each curve, the parameter where it is ``gap`` pixels from ``end`` (its start or its end), by bisection."""
    low = np.zeros(len(p0)) if start else np.full(len(p0), 0.5)
    high = np.full(len(p0), 0.5) if start else np.ones(len(p0))
    for _ in range(24):
        middle = (low + high) / 2
        inside = np.hypot(*(_bezier(p0, c, p2, middle) - end).T) < gap
        if start:
            low, high = np.where(inside, middle, low), np.where(inside, high, middle)
        else:
            low, high = np.where(inside, low, middle), np.where(inside, middle, high)
    return (low + high) / 2


def _draw_edges(ax: plt.Axes, positions: dict[str, tuple[float, float]], radius: dict[str, float],
                arrows: list[tuple[str, str, int, int]]) -> None:
    """Draw every (source, target, QuadClass, events) as a curved arrow: two collections, however many arrows.

    Matplotlib's own arrows clip each curve to its nodes in Python at every draw, which took most of the
    time of a picture with thousands of edges; here curves are cut and sampled with numpy once, in
    pixels (the arc bends as ``arc3`` does), then drawn as one line collection and one of arrowheads.
    The axes' limits and position must be final.
    """
    if not arrows:
        return
    heaviest = max(events for *_, events in arrows)
    scale = ax.figure.dpi / 72  # points to pixels
    to_px = ax.transData.transform
    p0 = to_px(np.array([positions[s] for s, _, _, _ in arrows], dtype=float))
    p2 = to_px(np.array([positions[t] for _, t, _, _ in arrows], dtype=float))
    bend = np.array([0.12 + 0.06 * (quad % 4) for _, _, quad, _ in arrows])[:, None]
    d = p2 - p0
    c = (p0 + p2) / 2 + bend * np.column_stack([d[:, 1], -d[:, 0]])
    width = np.array([0.6 + 3.4 * math.sqrt(events / heaviest) for *_, events in arrows])
    head = (4.5 + 1.6 * width) * scale
    gap_start = np.array([radius[s] for s, _, _, _ in arrows]) * scale
    gap_end = np.array([radius[t] for _, t, _, _ in arrows]) * scale
    t0 = _cut(p0, c, p2, p0, gap_start, start=True)
    tip = _cut(p0, c, p2, p2, gap_end, start=False)
    t1 = _cut(p0, c, p2, p2, gap_end + head, start=False)
    keep = t0 < t1  # nodes that overlap leave no room for an arrow
    steps = np.linspace(0.0, 1.0, CURVE_POINTS)
    ts = t0[:, None] + (t1 - t0)[:, None] * steps[None, :]
    curves = _bezier(p0[:, None, :], c[:, None, :], p2[:, None, :], ts)
    base, point = curves[:, -1, :], _bezier(p0, c, p2, tip)
    along = point - base
    along /= np.maximum(np.hypot(*along.T), 1e-9)[:, None]
    across = np.column_stack([-along[:, 1], along[:, 0]]) * (head * 0.45)[:, None]
    heads = np.stack([point, base + across, base - across], axis=1)
    from_px = ax.transData.inverted().transform
    colours = [quad_color(quad) for _, _, quad, _ in arrows]
    lines = LineCollection([from_px(curve) for curve in curves[keep]], colors=[c for c, k in zip(colours, keep) if k],
                           linewidths=width[keep], alpha=0.75, zorder=1, capstyle="butt")
    tips = PolyCollection([from_px(h) for h in heads[keep]], facecolors=[c for c, k in zip(colours, keep) if k],
                          edgecolors="none", alpha=0.85, zorder=1)
    ax.add_collection(lines, autolim=False)
    ax.add_collection(tips, autolim=False)


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
    radius = {node.id: 5 + 0.35 * net.size(node) for node in net.nodes.values()}  # points, for arrow clipping
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
    fig.tight_layout()  # fixes the axes' place, so the edges can be cut to the nodes in pixels
    arrows = sorted(((s, t, q, n) for (s, t, q), n in merged.items()), key=lambda a: a[3])  # heaviest on top
    _draw_edges(ax, positions, radius, arrows)
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
