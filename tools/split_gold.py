"""Split the written gold sets once, by a fixed seed, into dev and test halves.

    python tools/split_gold.py            # writes the dev/test files of tests/data/gold/

Every source was written by helpers who never saw kgraph's code (``tests/data/gold/BRIEF.md``,
``ACTORS_BRIEF.md``). Each is shuffled per language with a fixed seed and cut in half: **dev** is
for error analysis; **test** is scored only (never read its errors, never change a rule for it).

- Round 1 (2026-12-01, seed 20261201): ``{en,fr}_{a,b}.jsonl`` → ``dev_{lang}``, ``test_{lang}``.
- Round 2 (2026-12-02, seed 20261202): ``{en,fr}_c.jsonl`` → ``dev_c_{lang}``, ``test_c_{lang}``.
  Lines of one short article (ids ``…-artNN-K``) stay together and in order, so article context
  (``kgraph evaluate --article-context``) sees the whole article in whichever half it falls.
- Round 3 (2026-12-02): ``test_d_{lang}.jsonl`` is test only and is not split (see the gold README).
- Actor phrases (seed 20261202): ``actors_{lang}.jsonl`` → ``actors_dev_{lang}``, ``actors_test_{lang}``.
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "gold"
_ARTICLE = re.compile(r"^(.*-art\d+)-\d+$")


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _write(name: str, lines: list[str]) -> None:
    (GOLD / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{name}: {len(lines)} lines")


def round_one() -> None:
    """The first split, unchanged: lines shuffled one by one."""
    for lang in ("en", "fr"):
        lines: list[str] = []
        for part in ("a", "b"):
            lines += _lines(GOLD / f"{lang}_{part}.jsonl")
        random.Random(20261201).shuffle(lines)
        half = len(lines) // 2
        _write(f"dev_{lang}.jsonl", lines[:half])
        _write(f"test_{lang}.jsonl", lines[half:])


def _groups(lines: list[str]) -> list[list[str]]:
    """Lines grouped by article: an ``-artNN-K`` run is one group, any other line its own."""
    groups: list[list[str]] = []
    keys: dict[str, list[str]] = {}
    for line in lines:
        match = _ARTICLE.match(json.loads(line)["id"])
        if match and match.group(1) in keys:
            keys[match.group(1)].append(line)
            continue
        group = [line]
        groups.append(group)
        if match:
            keys[match.group(1)] = group
    return groups


def _halves(lines: list[str], seed: int) -> tuple[list[str], list[str]]:
    groups = _groups(lines)
    random.Random(seed).shuffle(groups)
    dev: list[str] = []
    test: list[str] = []
    for group in groups:  # fill dev up to half the lines, the rest to test
        target = dev if len(dev) < len(lines) // 2 else test
        target.extend(group)
    return dev, test


def round_two() -> None:
    for lang in ("en", "fr"):
        source = GOLD / f"{lang}_c.jsonl"
        if source.exists():
            dev, test = _halves(_lines(source), 20261202)
            _write(f"dev_c_{lang}.jsonl", dev)
            _write(f"test_c_{lang}.jsonl", test)
        phrases = GOLD / f"actors_{lang}.jsonl"
        if phrases.exists():
            dev, test = _halves(_lines(phrases), 20261202)
            _write(f"actors_dev_{lang}.jsonl", dev)
            _write(f"actors_test_{lang}.jsonl", test)


def main() -> None:
    round_one()
    round_two()


if __name__ == "__main__":
    main()
