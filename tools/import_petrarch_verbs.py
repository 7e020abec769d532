#!/usr/bin/env python3
"""Import a PETRARCH/TABARI verb dictionary as kgraph verb-lexicon rows (English).

Usage::

    PYTHONPATH=. python tools/import_petrarch_verbs.py DICTIONARY [-o FILE] [--defaults all|specific|none]
        [--all-verbs] [--exclude-family NAME ...] [--exclude-verb VERB ...] [--exclude-default VERB ...] [--strict]

The project builds ``kgraph/extract/data/verbs_petrarch.tsv`` with::

    PYTHONPATH=. python tools/import_petrarch_verbs.py ../shared/reference/petrarch2/CAMEO.2.0.txt \\
        --exclusions tools/petrarch_exclusions.tsv -o kgraph/extract/data/verbs_petrarch.tsv

(``tools/petrarch_exclusions.tsv`` lists, with reasons, the verb codes the project leaves out.)

A user imports a dictionary of their own the same way, into any file, and passes it to
``kgraph extract|build|evaluate --verbs FILE``. Only what kgraph's matcher can honour is
kept (a verb with its default code, verb + object head, verb + particle, verb +
preposition with an optional object head); the counts of imported rows and of skipped
patterns, by reason, are printed and written in the output's header. Malformed lines
are reported with their line numbers and skipped (``--strict``: exit 1 on the first).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from kgraph.cameo import cameo_codes
from kgraph.errors import KGraphError
from kgraph.extract.petrarch import iter_tsv, lexicon_rows, parse_verb_dictionary

COLUMNS = ("lang", "lemma", "object", "cameo", "flags", "example", "prep", "subject", "origin")


def _licence_lines(text: str) -> list[str]:
    """The licence and copyright lines of the dictionary's opening comment block."""
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if lines or line.strip():
                break
            continue
        body = line.lstrip("#").strip()
        if any(word in body for word in ("License", "Copyright", "LICENSE")):
            lines.append(body)
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dictionary", type=Path, help="a PETRARCH verb dictionary (e.g. CAMEO.2.0.txt)")
    parser.add_argument("-o", "--output", type=Path, help="the TSV file to write (default: stdout)")
    parser.add_argument("--all-verbs", action="store_true",
                        help="apply each pattern to every verb of its family, not only the verbs its comment names")
    parser.add_argument("--exclude-family", action="append", default=[], metavar="NAME",
                        help="leave out a verb family (its '--- NAME [CODE] ---' header name); repeatable")
    parser.add_argument("--exclude-verb", action="append", default=[], metavar="VERB",
                        help="leave out a verb (as the dictionary writes it: PULL_OUT); repeatable")
    parser.add_argument("--exclude-default", action="append", default=[], metavar="VERB",
                        help="leave out a verb's own code but keep its patterns (a verb whose common sense is not "
                             "its family's code); repeatable")
    parser.add_argument("--defaults", choices=("all", "specific", "none"), default="specific",
                        help="which verbs keep their code with no pattern: all; specific = not a root's general "
                             "cue code (010, 190...), which PETRARCH refines by patterns or verb combination and "
                             "which over-fire alone; none [default: specific]")
    parser.add_argument("--exclusions", type=Path, metavar="FILE",
                        help="a TSV of exclusions (kind: family, verb or default; name; reason), as tools/petrarch_exclusions.tsv")
    parser.add_argument("--strict", action="store_true", help="stop at the first malformed line")
    args = parser.parse_args(argv)
    try:
        text = args.dictionary.read_text(encoding="utf-8", errors="replace")
        dictionary = parse_verb_dictionary(text, name=args.dictionary.name, strict=args.strict)
    except (OSError, KGraphError) as err:
        print(f"import_petrarch_verbs: {err}", file=sys.stderr)
        return 1
    if args.exclusions is not None:
        try:
            for number, line in enumerate(args.exclusions.read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip() or line.startswith("#") or line.startswith("kind\t"):
                    continue
                kind, name, *_ = line.split("\t") + [""]
                targets = {"family": args.exclude_family, "verb": args.exclude_verb, "default": args.exclude_default}
                if kind not in targets or not name.strip():
                    print(f"import_petrarch_verbs: {args.exclusions}:{number}: expected 'family|verb|default<TAB>NAME'", file=sys.stderr)
                    return 1
                targets[kind].append(name.strip())
        except OSError as err:
            print(f"import_petrarch_verbs: {err}", file=sys.stderr)
            return 1
    for number, message in dictionary.errors:
        print(f"{args.dictionary.name}:{number}: skipped: {message}", file=sys.stderr)
    result = lexicon_rows(dictionary, codes=set(cameo_codes()), source=args.dictionary.name,
                          all_verbs=args.all_verbs, exclude_families=args.exclude_family,
                          exclude_verbs=args.exclude_verb, defaults=args.defaults,
                          exclude_defaults=args.exclude_default)
    skipped = sum(result.skipped.values())
    summary = [
        f"{len(dictionary.families)} verb families, {dictionary.verb_count} verbs, {dictionary.pattern_count} patterns, "
        f"{len(dictionary.synsets)} synonym sets, {dictionary.transformations} transformations (not imported), "
        f"{len(dictionary.errors)} malformed lines skipped",
        f"{len(result.rows)} rows imported; {skipped} pattern or verb uses skipped:",
        *(f"  {count:5d}  {reason}" for reason, count in result.skipped.most_common()),
    ]
    options = " --all-verbs" if args.all_verbs else ""
    options += f" --defaults {args.defaults}"
    if args.exclusions is not None:
        options += f" --exclusions {args.exclusions}"
    else:
        options += "".join(f" --exclude-family {name}" for name in args.exclude_family)
        options += "".join(f" --exclude-verb {name}" for name in args.exclude_verb)
        options += "".join(f" --exclude-default {name}" for name in args.exclude_default)
    header = [
        f"# kgraph verb lexicon rows imported from the PETRARCH verb dictionary {args.dictionary.name}",
        f"# source file: {args.dictionary}",
        f"# by: PYTHONPATH=. python tools/import_petrarch_verbs.py {args.dictionary.name}{options} -o FILE",
        "# Do not edit: re-run the importer. Columns as in verbs.tsv, plus origin (dictionary line and verb).",
        "# Provenance and licence of the source dictionary:",
        *(f"#   {line}" for line in _licence_lines(text) or ["(no licence statement found in the source file)"]),
        *(f"# {line}" for line in summary),
    ]
    lines = header + list(iter_tsv(result.rows, COLUMNS))
    output = "\n".join(lines) + "\n"
    if args.output is None:
        sys.stdout.write(output)
    else:
        fd, tmp = tempfile.mkstemp(dir=args.output.parent or Path("."), suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(output)
        os.replace(tmp, args.output)
    print("\n".join(summary), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
