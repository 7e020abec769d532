"""Error analysis of a scored run: per-root figures, false alarms, and misses by cause.

The causes come from what the extractor considered (:class:`kgraph.model.Candidate`,
recorded with ``Extractor(trace=True)``), so that a miss is put down to the first
thing that blocked it:

* ``wrong root`` — the dyad was found with another CAMEO root;
* ``no trigger`` — no word of the sentence signalled an event of the gold root;
* ``no source`` / ``no target`` — a trigger of the right root was found, but no actor
  (or no recipient) was resolved for it;
* ``wrong source`` / ``wrong target`` / ``wrong actors`` — a trigger of the right root
  made an event, with other actors;
* ``negated`` — the event was found but flagged as negated;
* ``same actor`` — source and target resolved to the same actor.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..model import Candidate
from .gold import GoldItem
from .score import GoldTuple, Report, Scores

__all__ = ["Analysis", "Miss", "analyse", "CAUSES"]

CAUSES = ("wrong root", "no trigger", "no source", "no target", "same actor", "wrong source", "wrong target",
          "wrong actors", "negated")


@dataclass(frozen=True)
class Miss:
    """One missed gold tuple with its cause and the candidates of its sentence."""

    item: str
    text: str
    gold: GoldTuple
    cause: str
    candidates: tuple[Candidate, ...] = ()


@dataclass
class Analysis:
    """Per-root scores, false alarms, predictions per sentence, and misses by cause."""

    roots: dict[str, Scores] = field(default_factory=dict)
    empty_items: int = 0
    false_alarms: int = 0
    sentences: int = 0
    predictions: int = 0
    misses: list[Miss] = field(default_factory=list)

    @property
    def false_alarm_rate(self) -> float:
        """Share of sentences with no gold event that got at least one prediction."""
        return self.false_alarms / self.empty_items if self.empty_items else 0.0

    @property
    def per_sentence(self) -> float:
        """Scored predictions per gold sentence."""
        return self.predictions / self.sentences if self.sentences else 0.0

    def causes(self) -> Counter[str]:
        """How many misses each cause explains."""
        return Counter(m.cause for m in self.misses)

    def to_dict(self) -> dict[str, object]:
        """JSON-able summary."""
        return {
            "roots": {root: s.to_dict() for root, s in sorted(self.roots.items())},
            "false_alarm_rate": round(self.false_alarm_rate, 4),
            "empty_items": self.empty_items,
            "predictions_per_sentence": round(self.per_sentence, 4),
            "causes": dict(self.causes().most_common()),
        }

    def format_roots(self) -> str:
        """A table: one row per CAMEO root, P/R/F1 with roots checked."""
        lines = [f"{'root':<5} {'P':>6} {'R':>6} {'F1':>6} {'matched':>8} {'predicted':>9} {'gold':>6}"]
        for root, s in sorted(self.roots.items()):
            lines.append(f"{root:<5} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} {s.matched:>8d} {s.predicted:>9d} {s.gold:>6d}")
        return "\n".join(lines)


def _cause(gold: GoldTuple, dyad_found: bool, candidates: Sequence[Candidate]) -> str:
    if dyad_found:
        return "wrong root"
    mine = [c for c in candidates if c.cameo[:2] in gold.roots]
    if not mine:
        return "no trigger"
    outcomes = {c.outcome for c in mine}
    for outcome in ("negated", "same actor"):
        if outcome in outcomes and not outcomes & {"event"}:
            return outcome
    made = [c for c in mine if c.outcome == "event"]
    for candidate in made:
        sources = {code[:3] for _, code, _ in candidate.sources}
        targets = {code[:3] for _, code, _ in candidate.targets}
        if gold.source in sources:
            return "wrong target"
        if gold.target is not None and gold.target in targets:
            return "wrong source"
    if made:
        return "wrong actors"
    if "no source" in outcomes:
        return "no source"
    return "no target"


def analyse(gold: Sequence[GoldItem], report: Report, candidates: Mapping[str, Sequence[Candidate]] | None = None) -> Analysis:
    """Per-root figures, false alarms and (with ``candidates`` per item id) the cause of each miss."""
    candidates = candidates or {}
    texts = {item.id: item.text for item in gold}
    analysis = Analysis()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # predicted, gold, matched
    for item in report.items:
        analysis.sentences += 1
        analysis.predictions += len(item.predicted)
        if not item.gold:
            analysis.empty_items += 1
            analysis.false_alarms += bool(item.predicted)
        for tup in item.gold:
            counts[tup.roots[0]][1] += 1
        # A matched prediction counts under its gold tuple's first root, the others under their own.
        for match in item.matched:
            counts[match.gold.roots[0]][0] += 1
            counts[match.gold.roots[0]][2] += 1
        for pred in item.spurious:
            counts[pred.root or "-"][0] += 1
        dyads = {(m.gold.source, m.gold.target, m.gold.event) for m in item.dyad_matched}
        for tup in item.missed:
            found = (tup.source, tup.target, tup.event) in dyads
            mine = tuple(candidates.get(item.id, ()))
            analysis.misses.append(Miss(item.id, texts.get(item.id, ""), tup, _cause(tup, found, mine), mine))
    for root, (predicted, gold_n, matched) in counts.items():
        analysis.roots[root] = Scores(predicted, gold_n, matched)
    return analysis
