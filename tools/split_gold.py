"""Split the written gold sets once, by a fixed seed, into a dev and a test half.

    python tools/split_gold.py            # writes tests/data/gold/{dev,test}_{en,fr}.jsonl

The sources (``tests/data/gold/{en,fr}_{a,b}.jsonl``) were written by helpers who never saw
kgraph's code. Lines are shuffled per language with ``random.Random(SEED)`` and cut in half:
**dev** is for error analysis; **test** is scored only (never read its errors, never change a
rule for it).
"""
from __future__ import annotations

import random
from pathlib import Path

SEED = 20261201
GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "gold"


def main() -> None:
    for lang in ("en", "fr"):
        lines: list[str] = []
        for part in ("a", "b"):
            lines += [line for line in (GOLD / f"{lang}_{part}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
        random.Random(SEED).shuffle(lines)
        half = len(lines) // 2
        for name, chunk in (("dev", lines[:half]), ("test", lines[half:])):
            (GOLD / f"{name}_{lang}.jsonl").write_text("\n".join(chunk) + "\n", encoding="utf-8")
            print(f"{name}_{lang}.jsonl: {len(chunk)} lines")


if __name__ == "__main__":
    main()
