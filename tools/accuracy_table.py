"""Print the README's accuracy table: `kgraph evaluate` on every gold set, one model load.

    python tools/accuracy_table.py            # Markdown table on stdout

Each row is what `kgraph evaluate FILE` prints for that file (events with root: P, R, F1;
dyads with the root ignored: F1), plus predictions per sentence and false alarms.
"""
from __future__ import annotations

from pathlib import Path

from kgraph.evaluate import read_gold, score
from kgraph.evaluate.analysis import analyse
from kgraph.evaluate.predict import predict
from kgraph.extract import Extractor

ROOT = Path(__file__).resolve().parents[1]
SETS = [
    ("seed article (fr, lines read as one article)", ROOT.parent / "shared/benchmarks/seed_fr_gold.jsonl"),
    ("PETR-2 AFP (en)", ROOT.parent / "shared/benchmarks/petr2_gsr_validation.xml"),
    ("PLOVER public (en)", ROOT.parent / "shared/benchmarks/plover_gsr_public.json"),
    ("held-out dev, en", ROOT / "tests/data/gold/dev_en.jsonl"),
    ("held-out dev, fr", ROOT / "tests/data/gold/dev_fr.jsonl"),
    ("held-out **test**, en (scored only)", ROOT / "tests/data/gold/test_en.jsonl"),
    ("held-out **test**, fr (scored only)", ROOT / "tests/data/gold/test_fr.jsonl"),
    ("second dev set, en (articles read whole)", ROOT / "tests/data/gold/dev_c_en.jsonl"),
    ("second dev set, fr (articles read whole)", ROOT / "tests/data/gold/dev_c_fr.jsonl"),
    ("second **test** set, en (articles read whole; scored only)", ROOT / "tests/data/gold/test_c_en.jsonl"),
    ("second **test** set, fr (articles read whole; scored only)", ROOT / "tests/data/gold/test_c_fr.jsonl"),
    ("third **test** set, en (articles read whole; test only, never read)", ROOT / "tests/data/gold/test_d_en.jsonl"),
    ("third **test** set, fr (articles read whole; test only, never read)", ROOT / "tests/data/gold/test_d_fr.jsonl"),
    ("fourth dev set, en (articles read whole)", ROOT / "tests/data/gold/dev_e_en.jsonl"),
    ("fourth dev set, fr (articles read whole)", ROOT / "tests/data/gold/dev_e_fr.jsonl"),
    ("fourth **test** set, en (articles read whole; test only, never read)", ROOT / "tests/data/gold/test_e_en.jsonl"),
    ("fourth **test** set, fr (articles read whole; test only, never read)", ROOT / "tests/data/gold/test_e_fr.jsonl"),
    ("fifth dev set, en (articles read whole)", ROOT / "tests/data/gold/dev_f_en.jsonl"),
    ("fifth dev set, fr (articles read whole)", ROOT / "tests/data/gold/dev_f_fr.jsonl"),
    ("first dev set, en", ROOT / "tests/data/dev_en.jsonl"),
    ("first dev set, fr", ROOT / "tests/data/dev_fr.jsonl"),
]


def main() -> None:
    extractor = Extractor()
    print("| set | gold | P | R | F1 | dyad F1 | predictions / sentence | false alarms | command |")
    print("|---|---|---|---|---|---|---|---|---|")
    for label, path in SETS:
        items = read_gold(path)
        # Lines that are one article, in order, are read as one (--article-context).
        context = "seed article" in label or "articles read whole" in label
        predictions, _ = predict(items, extractor, context=context)
        report = score(items, predictions)
        analysis = analyse(items, report)
        e, d = report.events, report.dyads
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else Path("..") / path.relative_to(ROOT.parent)
        alarms = f"{analysis.false_alarms}/{analysis.empty_items}" if analysis.empty_items else "-"
        print(f"| {label} | {e.gold} | {e.precision:.3f} | {e.recall:.3f} | {e.f1:.3f} | {d.f1:.3f} | "
              f"{analysis.per_sentence:.2f} | {alarms} | `kgraph evaluate {shown}{' --article-context' if context else ''}` |")


if __name__ == "__main__":
    main()
