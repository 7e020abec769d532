#!/usr/bin/env python3
"""Print the size of kgraph's event lexicon and its CAMEO coverage, per language.

Usage::

    PYTHONPATH=. python tools/lexicon_coverage.py [--missing] [--verbs FILE ...] [--json]

A code counts as covered when at least one verb row or event-noun row gives it
(support verbs and no-event rows do not count). The CAMEO codes are those of
``ontology/cameo.ttl`` with three or four digits (the twenty two-digit roots are
counted separately).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from kgraph.errors import KGraphError
from kgraph.extract.lexicon import coverage, lexicon


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--missing", action="store_true", help="also list the codes no row gives")
    parser.add_argument("--verbs", action="append", default=[], metavar="FILE", help="include a user verb file")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args(argv)
    reports = []
    try:
        for lang in ("fr", "en"):
            report = coverage(lang, tuple(args.verbs))
            lex = lexicon(lang, tuple(args.verbs))
            by_file = Counter(e.origin.rsplit(":", 1)[0] for entries in lex.verbs.values() for e in entries)
            report["verb_rows_by_file"] = dict(by_file)
            reports.append(report)
    except KGraphError as err:
        print(f"lexicon_coverage: {err}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(reports, indent=1, ensure_ascii=False))
        return 0
    for r in reports:
        files = ", ".join(f"{name} {count}" for name, count in r["verb_rows_by_file"].items())
        print(f"{r['lang']}: {r['verb_rows']} verb rows ({files}), {r['noun_rows']} noun rows, "
              f"{r['verb_keys']} verb keys of which {r['phrasal']} phrasal or pronominal")
        print(f"    CAMEO codes covered: {r['covered']} of {r['codes']} (by verbs {r['verb_codes']}, by nouns "
              f"{r['noun_codes']}); roots {r['roots_covered']} of 20")
        if args.missing:
            print(f"    missing: {' '.join(r['missing'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
