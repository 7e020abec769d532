"""Score extracted event records against gold items (CONTRACT.md §4).

Per gold item:

* each gold event expands to one :class:`GoldTuple` ``(s, t, roots)`` for
  every ``s`` in its sources and ``t`` in its targets (``t = None`` when it
  has no target); a joint event (≥ 2 sources, no target) therefore gives one
  tuple ``(s, None)`` per party;
* each predicted record that is not negated and has a source gives one
  :class:`PredictedTuple` ``(source.code[:3], target.code[:3] or None,
  action.root)`` (``IGOUNO`` → ``IGO``);
* a prediction matches an unmatched gold tuple with equal source, equal
  target and its root among the acceptable roots (*exact* match); for a
  joint event, a prediction ``(a, b)`` where ``a`` and ``b`` are two of the
  listed parties also matches the party tuple ``(a, None)`` (*joint* match:
  the record "a did X with b" accounts for a's participation). Each gold
  tuple and each prediction is used at most once, so duplicates count as
  false positives.

The matching is a maximum one-to-one matching, built in two stages: first
with exact matches only, then extended with joint-party matches by
augmenting paths. The number of matches is therefore the largest possible and
cannot depend on the order of the predictions; predictions are also sorted
before matching so that the reported pairs are deterministic.

Precision = matched / predicted, recall = matched / gold, micro-averaged over
all items; F1 is their harmonic mean (0.0 whenever a denominator is 0). The
same is computed with the roots ignored (*dyad* scores). Predictions whose
``doc_id`` is not a gold id are ignored (their ids are listed in
:attr:`Report.unknown_ids`).
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kgraph.evaluate.gold import GoldItem

__all__ = [
    "GoldTuple",
    "PredictedTuple",
    "Match",
    "Scores",
    "ItemResult",
    "Report",
    "gold_tuples",
    "predicted_tuple",
    "record_matches",
    "score",
]


@dataclass(frozen=True)
class GoldTuple:
    """One expanded gold tuple.

    Attributes:
        source: Source code.
        target: Target code, or ``None`` for no recipient.
        roots: Acceptable CAMEO roots.
        event: Index of the gold event it comes from, within its item.
        parties: The sources of a joint event (for joint matching); ``()``
            when the event is not joint.
    """

    source: str
    target: str | None
    roots: tuple[str, ...]
    event: int
    parties: tuple[str, ...] = ()

    @property
    def joint(self) -> bool:
        """Whether the tuple belongs to a joint event."""
        return bool(self.parties)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form."""
        return {
            "source": self.source,
            "target": self.target,
            "roots": list(self.roots),
            "event": self.event,
            "joint": self.joint,
        }


@dataclass(frozen=True)
class PredictedTuple:
    """What one predicted event record is scored as.

    Attributes:
        source: First three letters of ``source.code``.
        target: First three letters of ``target.code``, or ``None``.
        root: ``action.root`` (or the first two digits of ``action.cameo``),
            or ``None`` when the record gives neither.
    """

    source: str
    target: str | None
    root: str | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form."""
        return {"source": self.source, "target": self.target, "root": self.root}


@dataclass(frozen=True)
class Match:
    """A prediction paired with the gold tuple it matched.

    Attributes:
        predicted: The prediction.
        gold: The gold tuple.
        joint: True when matched through the joint-event rule (a prediction
            from one party of a joint event to another party).
    """

    predicted: PredictedTuple
    gold: GoldTuple
    joint: bool

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form."""
        return {
            "predicted": self.predicted.to_dict(),
            "gold": self.gold.to_dict(),
            "joint": self.joint,
        }


@dataclass(frozen=True)
class Scores:
    """Micro-averaged counts and scores for one mode.

    Attributes:
        predicted: Number of scored predictions.
        gold: Number of gold tuples.
        matched: Number of matched pairs.
    """

    predicted: int
    gold: int
    matched: int

    @property
    def precision(self) -> float:
        """matched / predicted (0.0 when nothing was predicted)."""
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """matched / gold (0.0 when there is no gold tuple)."""
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0.0 when both are 0)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form, counts and scores."""
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "matched": self.matched,
            "predicted": self.predicted,
            "gold": self.gold,
        }


@dataclass(frozen=True)
class ItemResult:
    """What happened to one gold item, for error analysis.

    Attributes:
        id: The gold item id.
        gold: Every expanded gold tuple of the item.
        predicted: Every scored prediction (sorted).
        matched: Pairs matched with roots checked.
        missed: Gold tuples left unmatched, roots checked.
        spurious: Predictions left unmatched, roots checked.
        dyad_matched: Pairs matched with roots ignored.
        dyad_missed: Gold tuples left unmatched, roots ignored.
        dyad_spurious: Predictions left unmatched, roots ignored.
    """

    id: str
    gold: tuple[GoldTuple, ...]
    predicted: tuple[PredictedTuple, ...]
    matched: tuple[Match, ...]
    missed: tuple[GoldTuple, ...]
    spurious: tuple[PredictedTuple, ...]
    dyad_matched: tuple[Match, ...]
    dyad_missed: tuple[GoldTuple, ...]
    dyad_spurious: tuple[PredictedTuple, ...]

    @property
    def correct(self) -> bool:
        """Whether the item was coded perfectly (roots checked)."""
        return not self.missed and not self.spurious

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form."""
        return {
            "id": self.id,
            "gold": len(self.gold),
            "predicted": len(self.predicted),
            "matched": [m.to_dict() for m in self.matched],
            "missed": [g.to_dict() for g in self.missed],
            "spurious": [p.to_dict() for p in self.spurious],
            "dyads": {
                "matched": [m.to_dict() for m in self.dyad_matched],
                "missed": [g.to_dict() for g in self.dyad_missed],
                "spurious": [p.to_dict() for p in self.dyad_spurious],
            },
        }


@dataclass(frozen=True)
class Report:
    """Scores of a prediction set against a gold set.

    Attributes:
        events: Scores with the CAMEO root checked.
        dyads: Scores with the root ignored (source/target dyad only).
        items: One result per gold item, in gold order.
        unknown_ids: Sorted prediction ``doc_id`` values that are not gold
            ids (their records were ignored).
        ignored_records: Predicted records not scored in gold items because
            they are negated or have no source.
    """

    events: Scores
    dyads: Scores
    items: tuple[ItemResult, ...]
    unknown_ids: tuple[str, ...] = ()
    ignored_records: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form: both modes, per-item results and bookkeeping."""
        return {
            "events": self.events.to_dict(),
            "dyads": self.dyads.to_dict(),
            "items": [item.to_dict() for item in self.items],
            "unknown_ids": list(self.unknown_ids),
            "ignored_records": self.ignored_records,
        }

    def format_table(self) -> str:
        """A small text table of both modes.

        Returns:
            Three lines (header, ``events (with root)``,
            ``dyads (root ignored)``) with columns P, R, F1, matched,
            predicted, gold.
        """
        rows = [("events (with root)", self.events), ("dyads (root ignored)", self.dyads)]
        width = max(len(label) for label, _ in rows)
        header = (
            f"{'':<{width}}  {'P':>6} {'R':>6} {'F1':>6}"
            f"  {'matched':>7} {'predicted':>9} {'gold':>6}"
        )
        lines = [header]
        for label, s in rows:
            lines.append(
                f"{label:<{width}}  {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}"
                f"  {s.matched:>7d} {s.predicted:>9d} {s.gold:>6d}"
            )
        return "\n".join(lines)


# --------------------------------------------------------------------------
# tuples
# --------------------------------------------------------------------------


def gold_tuples(item: GoldItem) -> tuple[GoldTuple, ...]:
    """Expand the events of a gold item into scoring tuples.

    Args:
        item: A gold item.

    Returns:
        One tuple per (source, target) pair of each event, in event order;
        ``(source, None)`` per source for an event without target.
    """
    tuples: list[GoldTuple] = []
    for index, event in enumerate(item.events):
        parties = tuple(event.sources) if event.is_joint else ()
        targets: tuple[str | None, ...] = event.targets or (None,)
        for source in event.sources:
            for target in targets:
                tuples.append(GoldTuple(source, target, tuple(event.roots), index, parties))
    return tuple(tuples)


def _code3(actor: Any) -> str | None:
    if not isinstance(actor, Mapping):
        return None
    code = actor.get("code")
    if not isinstance(code, str) or not code.strip():
        return None
    return code.strip().upper()[:3]


def predicted_tuple(record: Mapping[str, Any]) -> PredictedTuple | None:
    """What an event record is scored as.

    Args:
        record: A CONTRACT §3 event record.

    Returns:
        The tuple, or ``None`` when the record does not count (negated, or
        with no source code).
    """
    if record.get("negated"):
        return None
    source = _code3(record.get("source"))
    if source is None:
        return None
    target = _code3(record.get("target"))
    action = record.get("action")
    root: str | None = None
    if isinstance(action, Mapping):
        raw = action.get("root")
        if isinstance(raw, int) and not isinstance(raw, bool):
            raw = f"{raw:02d}"
        if not (isinstance(raw, str) and raw.strip()):
            cameo = action.get("cameo")
            raw = cameo[:2] if isinstance(cameo, str) and len(cameo.strip()) >= 2 else None
        root = raw.strip() if isinstance(raw, str) else None
    return PredictedTuple(source, target, root)


# --------------------------------------------------------------------------
# matching
# --------------------------------------------------------------------------


def _exact(pred: PredictedTuple, gold: GoldTuple, check_root: bool) -> bool:
    return (
        pred.source == gold.source
        and pred.target == gold.target
        and (not check_root or pred.root in gold.roots)
    )


def _joint(pred: PredictedTuple, gold: GoldTuple, check_root: bool) -> bool:
    """(a, b) matches the party tuple (a, None) when b is another party."""
    if not gold.parties or gold.target is not None or pred.target is None:
        return False
    if pred.source != gold.source or pred.target not in gold.parties:
        return False
    if pred.target == pred.source and gold.parties.count(pred.source) < 2:
        return False  # "another party": a self-directed record needs two such parties
    return not check_root or pred.root in gold.roots


def _augment(
    preds: Sequence[PredictedTuple],
    golds: Sequence[GoldTuple],
    edge: Callable[[PredictedTuple, GoldTuple], bool],
    pred_match: list[int | None],
    gold_match: list[int | None],
) -> None:
    """Extend a matching by augmenting paths (Kuhn's algorithm, BFS)."""
    adjacency = [[g for g, gold in enumerate(golds) if edge(pred, gold)] for pred in preds]
    for start in range(len(preds)):
        if pred_match[start] is not None or not adjacency[start]:
            continue
        reached_from: dict[int, int] = {}
        queue: deque[int] = deque([start])
        free: int | None = None
        while queue and free is None:
            p = queue.popleft()
            for g in adjacency[p]:
                if g in reached_from:
                    continue
                reached_from[g] = p
                owner = gold_match[g]
                if owner is None:
                    free = g
                    break
                queue.append(owner)
        g_next = free
        while g_next is not None:
            p = reached_from[g_next]
            previous = pred_match[p]
            pred_match[p] = g_next
            gold_match[g_next] = p
            g_next = previous


def _pairing(
    preds: Sequence[PredictedTuple], golds: Sequence[GoldTuple], check_root: bool
) -> tuple[list[int | None], list[int | None]]:
    """The maximum matching: the gold index of each prediction and the prediction index of
    each gold tuple (``None`` when unmatched)."""
    pred_match: list[int | None] = [None] * len(preds)
    gold_match: list[int | None] = [None] * len(golds)
    _augment(preds, golds, lambda p, g: _exact(p, g, check_root), pred_match, gold_match)
    _augment(
        preds,
        golds,
        lambda p, g: _exact(p, g, check_root) or _joint(p, g, check_root),
        pred_match,
        gold_match,
    )
    return pred_match, gold_match


def _match(
    preds: Sequence[PredictedTuple], golds: Sequence[GoldTuple], check_root: bool
) -> tuple[tuple[Match, ...], tuple[GoldTuple, ...], tuple[PredictedTuple, ...]]:
    pred_match, gold_match = _pairing(preds, golds, check_root)
    matched = tuple(
        Match(preds[p], golds[g], not _exact(preds[p], golds[g], check_root))
        for g, p in enumerate(gold_match)
        if p is not None
    )
    missed = tuple(golds[g] for g, p in enumerate(gold_match) if p is None)
    spurious = tuple(preds[p] for p, g in enumerate(pred_match) if g is None)
    return matched, missed, spurious


def _scored(records: Sequence[Mapping[str, Any]]) -> list[tuple[int, PredictedTuple]]:
    """(index of the record, its tuple) for the records that count, in the order they are matched."""
    scored = [(n, tup) for n, record in enumerate(records) if (tup := predicted_tuple(record)) is not None]
    return sorted(scored, key=lambda pair: (pair[1].source, pair[1].target or "", pair[1].root or ""))


def record_matches(
    item: GoldItem, records: Sequence[Mapping[str, Any]], *, check_root: bool = True
) -> list[bool | None]:
    """Whether each predicted record of a gold item is a true positive, under :func:`score`'s matching.

    The matching is the one :func:`score` makes for the item (same tuples, same order), so the
    number of ``True`` values is the item's number of matches. Among records that give the same
    tuple, which one holds the match follows that order (the first record, as a rule).

    Args:
        item: A gold item.
        records: Its predicted records (CONTRACT §3), in any order.
        check_root: Match with the CAMEO root checked (the *events* mode) or ignored (*dyads*).

    Returns:
        One value per record, in the order given: ``True`` when matched, ``False`` when left
        unmatched, ``None`` when the record does not count (negated, or no source code).
    """
    scored = _scored(records)
    pred_match, _ = _pairing([tup for _, tup in scored], gold_tuples(item), check_root)
    outcome: list[bool | None] = [None] * len(records)
    for (n, _), gold_index in zip(scored, pred_match):
        outcome[n] = gold_index is not None
    return outcome


def score(
    gold: Sequence[GoldItem], predictions: Mapping[str, Sequence[Mapping[str, Any]]]
) -> Report:
    """Score predictions against gold items (CONTRACT §4).

    Args:
        gold: The gold items (ids must be unique).
        predictions: ``doc_id`` → event records (CONTRACT §3), as returned by
            :func:`kgraph.evaluate.gold.read_predictions`.

    Returns:
        The report, with and without roots.

    Raises:
        ValueError: If two gold items share an id.
    """
    ids = [item.id for item in gold]
    if len(set(ids)) != len(ids):
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        raise ValueError(f"duplicate gold ids: {', '.join(dupes)}")

    results: list[ItemResult] = []
    ignored = 0
    totals = {"events": [0, 0, 0], "dyads": [0, 0, 0]}
    for item in gold:
        golds = gold_tuples(item)
        records = predictions.get(item.id, ())
        scored = _scored(records)
        ignored += len(records) - len(scored)
        preds = tuple(tup for _, tup in scored)
        matched, missed, spurious = _match(preds, golds, check_root=True)
        d_matched, d_missed, d_spurious = _match(preds, golds, check_root=False)
        for mode, n in (("events", len(matched)), ("dyads", len(d_matched))):
            totals[mode][0] += len(preds)
            totals[mode][1] += len(golds)
            totals[mode][2] += n
        results.append(
            ItemResult(
                item.id, golds, preds, matched, missed, spurious, d_matched, d_missed, d_spurious
            )
        )
    known = set(ids)
    unknown = tuple(sorted(doc_id for doc_id in predictions if doc_id not in known))
    return Report(
        events=Scores(*totals["events"]),
        dyads=Scores(*totals["dyads"]),
        items=tuple(results),
        unknown_ids=unknown,
        ignored_records=ignored,
    )
