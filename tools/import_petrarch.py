#!/usr/bin/env python3
"""Convert PETRARCH/TABARI actor and agent dictionaries into kgraph's own tables.

Usage::

    # any dictionaries → kgraph tables (actors: kgraph/actors/table.py format; agents: lang term sector note)
    python tools/import_petrarch.py --actors A.actors.txt [...] --agents B.agents.txt -o OUTDIR

    # the built-in English tables, from the Phoenix dictionaries (MIT, Open Event Data Alliance)
    python tools/import_petrarch.py --builtin [--source ../shared/reference/petrarch2]

The built-in conversion keeps people with their dated roles, IGOs, NGOs,
armed groups and the names and places of each country; it drops
multinational companies (``MNC``), records with only the null code, and
one-word person names that the data gives to people of different countries
("Kim", "Singh"): those would resolve at random. Malformed source lines are
reported with file and line and skipped.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kgraph.actors.petrarch import ActorRecord, parse_actors, parse_agents  # noqa: E402
from kgraph.actors.table import ActorRow, actor_rows, write_actor_table  # noqa: E402
from kgraph.errors import DataError  # noqa: E402

DATA = ROOT / "kgraph" / "actors" / "data"
# One-word variants that are generic geography or ordinary words ("West*" for a PNG province,
# "United*" for the USA): dropped, a longer phrase still names the place.
GENERIC = frozenset("""west east north south western eastern northern southern central united new republic
state states union island islands city kingdom great upper lower coast gulf bay river lake mount sea valley
plateau province region district capital national federal democratic people peoples island moron hippo""".split())
# Phoenix agent codes folded into kgraph's sectors: unspecified people are civilians.
SECTORS = {"PPL": "CVL"}
PHOENIX = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
LICENCE = """\
Licence of the source data: The MIT License (MIT), Copyright (c) 2014 Open Event Data Alliance.
Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
documentation files (the "Software"), to deal in the Software without restriction, including without limitation
the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and
to permit persons to whom the Software is furnished to do so, subject to the following conditions: The above
copyright notice and this permission notice shall be included in all copies or substantial portions of the
Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED."""


def _warn(errors: list[DataError]):
    def report(err: DataError) -> None:
        errors.append(err)
        print(f"import_petrarch: skipped {err}", file=sys.stderr)

    return report


def _countries_of(record: ActorRecord) -> set[str]:
    return {p.code[:3] for p in record.periods if p.code}


def _ambiguous_names(records: list[ActorRecord]) -> set[str]:
    """One-word person names given to people of more than one country."""
    owners: dict[str, set[str]] = defaultdict(set)
    for record in records:
        if any(p.dated for p in record.periods):
            for phrase in record.phrases:
                if len(phrase.words) == 1:
                    owners[phrase.words[0]] |= _countries_of(record)
    return {name for name, countries in owners.items() if len(countries) > 1}


def state_codes() -> set[str]:
    """ISO 3166 alpha-3 codes, the curated table's states and the CAMEO codes of former states."""
    import pycountry

    from kgraph.resources import read_tsv

    codes = {c.alpha_3 for c in pycountry.countries} | {r["code"] for r in read_tsv("kgraph.actors", "data/countries.tsv")}
    return codes | {"SUN", "YUG", "CSK", "DDR", "SCG", "ZAR", "PSE", "XKX"}


def _kept(record: ActorRecord, states: set[str]) -> bool:
    """Whether a record's codes name a state, an IGO, an NGO or an armed group: regions
    ("EUROPE [EUR]") and bare sectors ("AFP [MED]") are not actors kgraph can place."""
    codes = [c for c in [record.default, *(p.code for p in record.periods)] if c]
    return bool(codes) and all(c[:3] in states or c[:3] in ("IGO", "NGO", "IMG") for c in codes)


def builtin_actor_rows(source: Path, errors: list[DataError]) -> list[ActorRow]:
    records: list[tuple[str, ActorRecord]] = []
    for name in PHOENIX:
        records += [(name, r) for r in parse_actors(source / name, warn=_warn(errors))]
    ambiguous = _ambiguous_names([r for _, r in records])
    states = state_codes()
    rows: list[ActorRow] = []
    for name, record in records:
        if (record.default or "").startswith("MNC") or not _kept(record, states):
            continue
        if any(p.dated for p in record.periods):
            phrases = tuple(p for p in record.phrases if not (len(p.words) == 1 and p.words[0] in ambiguous))
            if not phrases:
                continue
            record = ActorRecord(phrases, record.periods, record.line)
        for row in actor_rows([record], source=name):
            variants = tuple(v for v in row.variants if (len(v.rstrip("*")) >= 3 or v.isupper())
                             and v.rstrip("*").lower() not in GENERIC)
            if variants:
                rows.append(ActorRow(row.code, row.kind, row.label, variants, row.periods, row.wikidata, row.note))
    return rows


def agent_lines(paths: list[Path], errors: list[DataError]) -> list[str]:
    """kgraph agent-table rows (lang, term, sector, note); ``NGO~`` agents become sector NGO."""
    lines: list[str] = []
    seen: set[str] = set()
    for path in paths:
        for record in parse_agents(path, warn=_warn(errors)):
            if record.prefix and record.code[:3] not in ("NGO", "NGM"):
                continue  # IGO~/MNC~ role nouns name no sector of a country
            sector = "NGO" if record.prefix else SECTORS.get(record.code[:3], record.code[:3])
            term = " ".join(record.phrase.words).lower()
            if term in seen:
                continue
            seen.add(term)
            lines.append(f"en\t{term}\t{sector}\t{path.name}:{record.line} {'' if record.prefix else '~'}{record.code}{'~' if record.prefix else ''}")
    return lines


def write_agents(lines: list[str], path: Path, header: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        for line in header.strip("\n").splitlines():
            out.write(f"# {line}".rstrip() + "\n")
        out.write("lang\tterm\tsector\tnote\n")
        out.writelines(line + "\n" for line in lines)
    tmp.replace(path)


def header(kind: str, sources: list[Path], licence: str = "Licence: that of the source dictionaries.") -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    names = ", ".join(p.name for p in sources)
    return (
        f"{kind} converted by tools/import_petrarch.py on {stamp} from the PETRARCH dictionaries {names}\n"
        "(openeventdata/petrarch2, Phoenix dictionaries; format: kgraph/actors/table.py).\n"
        "Do not edit by hand: fix the source or the converter and re-run it.\n" + licence
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--builtin", action="store_true", help="Write the built-in English tables from the Phoenix files.")
    parser.add_argument("--source", type=Path, default=ROOT.parent / "shared" / "reference" / "petrarch2")
    parser.add_argument("--actors", nargs="*", type=Path, default=[], help="PETRARCH .actors files to convert.")
    parser.add_argument("--agents", nargs="*", type=Path, default=[], help="PETRARCH .agents files to convert.")
    parser.add_argument("-o", "--out", type=Path, help="Output directory (actors.tsv, agents.tsv).")
    args = parser.parse_args(argv)
    errors: list[DataError] = []
    try:
        if args.builtin:
            rows = builtin_actor_rows(args.source, errors)
            sources = [args.source / p for p in PHOENIX]
            n = write_actor_table([r for r in rows if r.kind != "place"], DATA / "phoenix_actors.tsv",
                                  header=header("Actors (English)", sources, LICENCE))
            # Country names, cities and regions standing for their country: loaded in every language.
            n += write_actor_table([r for r in rows if r.kind == "place"], DATA / "phoenix_places.tsv",
                                   header=header("Places standing for their country", sources, LICENCE))
            agents = agent_lines([args.source / "Phoenix.agents.txt"], errors)
            write_agents(agents, DATA / "phoenix_agents.tsv", header("Agents (role nouns → CAMEO sector)", [args.source / "Phoenix.agents.txt"], LICENCE))
            print(f"import_petrarch: {n} actor rows, {len(agents)} agent terms, {len(errors)} source lines skipped", file=sys.stderr)
            return 0
        if not args.out or not (args.actors or args.agents):
            parser.error("give --builtin, or --actors/--agents files and -o OUTDIR")
        args.out.mkdir(parents=True, exist_ok=True)
        if args.actors:
            rows = [row for path in args.actors for row in actor_rows(parse_actors(path, warn=_warn(errors)), source=path.name)]
            n = write_actor_table(rows, args.out / "actors.tsv", header=header("Actors", args.actors))
            print(f"import_petrarch: {n} actor rows -> {args.out / 'actors.tsv'}", file=sys.stderr)
        if args.agents:
            agents = agent_lines(args.agents, errors)
            write_agents(agents, args.out / "agents.tsv", header("Agents (role nouns → CAMEO sector)", args.agents))
            print(f"import_petrarch: {len(agents)} agent terms -> {args.out / 'agents.tsv'}", file=sys.stderr)
    except DataError as err:
        print(f"import_petrarch: error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
