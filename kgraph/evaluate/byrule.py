"""Precision per extraction rule, lexicon-row kind and actor-resolution route (``kgraph evaluate --by-rule``).

Every scored prediction (not negated, with a source: what :func:`kgraph.evaluate.score.score`
counts) is put down to the parts of its explain trace (``kgraph extract --explain``):

* ``rule`` — each construction rule in ``explain.rules`` (``subject``, ``recipient``,
  ``governing verb``…); a record whose trace lists none counts under ``(none)``;
* ``row`` — the kind of lexicon row that fired, read from ``explain.row``: ``verb`` or
  ``noun``, with ``+object`` when the row requires an object, ``+event noun`` when a verb
  took its code from an event noun, ``absorbing`` when it took a complement's code;
* ``source`` / ``target`` — how the actor was resolved (the record's ``source.rule`` and
  ``target.rule``: ``country``, ``pronoun``, ``role+demonym``…; ``none`` for no target).

A prediction is correct when the scorer's own matching pairs it with a gold tuple, the CAMEO
root checked (:func:`kgraph.evaluate.score.record_matches`), so the true positives of any one
row never exceed what ``kgraph evaluate`` reports as matched. Records without an ``explain``
trace (``--pred`` files written without ``--explain``) still count under their actor routes.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .gold import GoldItem
from .score import record_matches

__all__ = ["RuleRow", "by_rule", "format_by_rule", "row_kind", "trace_parts"]

KINDS = ("rule", "row", "source", "target")


@dataclass(frozen=True)
class RuleRow:
    """The figures of one rule, row kind or actor route.

    Attributes:
        kind: ``rule``, ``row``, ``source`` or ``target``.
        name: The rule, row kind or resolution route.
        events: Scored predictions it took part in.
        tp: How many of those the scorer matched (true positives, root checked).
        false_positive: The gold id of the first sentence where it took part in a false
            positive, or ``None`` when it has none.
    """

    kind: str
    name: str
    events: int
    tp: int
    false_positive: str | None = None

    @property
    def precision(self) -> float:
        """tp / events (0.0 when there is no event)."""
        return self.tp / self.events if self.events else 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form."""
        return {
            "kind": self.kind,
            "name": self.name,
            "events": self.events,
            "tp": self.tp,
            "precision": self.precision,
            "false_positive": self.false_positive,
        }


_ROW = re.compile(r"^(?P<kind>\S+) (?P<body>.*?) → (?P<code>\S+)(?P<rest>.*)$")


def row_kind(row: str) -> str:
    """The kind of a lexicon row as the trace writes it (``verb impose +sanction → 163``).

    Returns:
        ``verb`` or ``noun``, then ``+object`` (the row names the objects it needs),
        ``+event noun`` (a verb coded by its event noun) and ``absorbing`` (the code of a
        complement was taken), in that order; the row itself when it has another shape.
    """
    found = _ROW.match(row.strip())
    if found is None:
        return row.strip() or "(none)"
    parts = [found["kind"]]
    if " +" in f" {found['body']}":
        parts.append("+object")
    if "(event noun " in found["body"]:
        parts.append("+event noun")
    if found["rest"].strip().startswith("absorbing"):
        parts.append("absorbing")
    return " ".join(parts)


def _route(actor: Any) -> str:
    if not isinstance(actor, Mapping):
        return "none"
    rule = actor.get("rule")
    return rule if isinstance(rule, str) and rule else "(unknown)"


def trace_parts(record: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The (kind, name) pairs a record is put down to, each once, in :data:`KINDS` order."""
    parts: list[tuple[str, str]] = []
    explain = record.get("explain")
    if isinstance(explain, Mapping):
        rules = [r for r in explain.get("rules") or () if isinstance(r, str) and r]
        parts += [("rule", r) for r in dict.fromkeys(rules)] or [("rule", "(none)")]
        row = explain.get("row")
        parts.append(("row", row_kind(row) if isinstance(row, str) else "(none)"))
    parts.append(("source", _route(record.get("source"))))
    parts.append(("target", _route(record.get("target"))))
    return parts


def by_rule(gold: Sequence[GoldItem], predictions: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[RuleRow]:
    """Events, true positives and precision of every rule, row kind and actor route.

    Args:
        gold: The gold items.
        predictions: ``doc_id`` → event records, as for :func:`kgraph.evaluate.score.score`
            (with an ``explain`` trace to count rules and row kinds: ``predict(...,
            explain=True)`` or ``kgraph extract --explain``).

    Returns:
        One row per (kind, name), the weakest first: lowest precision, then most events,
        then kind and name.
    """
    counts: dict[tuple[str, str], list[Any]] = {}  # events, tp, first false positive
    for item in gold:
        records = predictions.get(item.id, ())
        for record, matched in zip(records, record_matches(item, records)):
            if matched is None:
                continue
            for part in trace_parts(record):
                entry = counts.setdefault(part, [0, 0, None])
                entry[0] += 1
                entry[1] += matched
                if not matched and entry[2] is None:
                    entry[2] = item.id
    rows = [RuleRow(kind, name, events, tp, fp) for (kind, name), (events, tp, fp) in counts.items()]
    return sorted(rows, key=lambda r: (r.precision, -r.events, KINDS.index(r.kind), r.name))


def format_by_rule(rows: Sequence[RuleRow], *, min_events: int = 1, limit: int | None = None) -> str:
    """A text table of :func:`by_rule` rows (kind, name, events, TP, P, a false positive's id).

    Args:
        rows: The rows, in the order to print.
        min_events: Leave out rows with fewer events.
        limit: Print at most this many rows (after ``min_events``).
    """
    shown = [r for r in rows if r.events >= min_events][:limit]
    width = max([len(r.name) for r in shown] + [4])
    lines = [f"{'kind':<6}  {'name':<{width}}  {'events':>6} {'TP':>5} {'P':>6}  false positive"]
    for r in shown:
        lines.append(
            f"{r.kind:<6}  {r.name:<{width}}  {r.events:>6d} {r.tp:>5d} {r.precision:>6.3f}  {r.false_positive or '-'}"
        )
    return "\n".join(lines)
