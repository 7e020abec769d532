#!/usr/bin/env python3
"""Refresh the column tables of docs/exports.md from kgraph/export/data/*.tsv.

Usage::

    python tools/export_docs.py          # rewrite the tables between <!-- columns:FMT --> markers
    python tools/export_docs.py --check  # exit 1 if the docs are out of date
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kgraph.export.table import _table  # noqa: E402

DOCS = ROOT / "docs" / "exports.md"


def table(fmt: str) -> str:
    lines = ["| # | column | pandas dtype | from kgraph |", "|---|---|---|---|"]
    for number, (name, dtype, meaning) in enumerate(_table(fmt), 1):
        lines.append(f"| {number} | `{name}` | {dtype} | {meaning} |")
    return "\n".join(lines)


def refresh(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        return f"<!-- columns:{match.group(1)} -->\n{table(match.group(1))}\n<!-- /columns -->"

    return re.sub(r"<!-- columns:([a-z-]+) -->.*?<!-- /columns -->", replace, text, flags=re.S)


def main() -> int:
    text = DOCS.read_text(encoding="utf-8")
    fresh = refresh(text)
    if "--check" in sys.argv:
        return 0 if fresh == text else 1
    DOCS.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
