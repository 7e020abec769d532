#!/usr/bin/env python3
"""How well actor phrases resolve, measured two ways.

Usage::

    python tools/actor_eval.py [--plover FILE] [--dev FILE ...] [--phrases FILE ...] [--misses N]

1. **Phrases alone** (the ``kgraph actors lookup`` view): every actor phrase of
   the PLOVER gold records (``actorText`` with its gold ``code``) is parsed
   and resolved on its own, on the record's date; a phrase is right when the
   first three letters of its code equal the gold code (``IGO``/``NGO`` for
   organisations).
2. **Gold actors in context** (dev sets without phrase annotations): for each
   gold actor of a sentence (a code of a gold event), whether some noun
   phrase of that sentence, resolved as the extractor resolves it with the
   article's date and memory, gets that code.

3. **Gold actor phrases** (``--phrases``: ``tests/data/gold/actors_{dev,test}_{en,fr}.jsonl``,
   written from ``tests/data/gold/ACTORS_BRIEF.md`` by helpers who never saw the code): every
   phrase goes through ``kgraph actors lookup -`` as a user would send it (one JSON line with
   ``text``, ``lang`` and ``date``); a phrase is right when the result's ``country`` (or, for
   organisations and international militant groups, the first three letters of ``code``) is the
   gold ``country``. Shares are printed per ``kind`` of phrase.

The script only uses ``ActorResolver(doc, text, dictionary, lexicon)``, so it
also runs against older checkouts (``PYTHONPATH=old-checkout``) for a
before/after comparison.
"""
from __future__ import annotations

import argparse
import inspect
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "benchmarks"

from kgraph.actors.resolver import ActorResolver  # noqa: E402
from kgraph.extract import Extractor  # noqa: E402
from kgraph.extract.lexicon import lexicon  # noqa: E402
from kgraph.nlp import load_model  # noqa: E402
from kgraph.text import normalise  # noqa: E402

_DATED = "date" in inspect.signature(ActorResolver.__init__).parameters


def _resolver(extractor: Extractor, doc, text: str, lang: str, date: str | None) -> ActorResolver:
    dictionary = extractor.dictionary(lang) if hasattr(extractor, "dictionary") else _old_dictionary(extractor, lang)
    if _DATED:
        return ActorResolver(doc, text, dictionary, lexicon(lang), date=date)
    return ActorResolver(doc, text, dictionary, lexicon(lang))


def _old_dictionary(extractor: Extractor, lang: str):
    from kgraph.extract.pipeline import _dictionary

    return _dictionary(lang, extractor.models[lang])


def _code3(code: str | None) -> str | None:
    return code[:3] if code else None


def phrase_alone(extractor: Extractor, text: str, lang: str, date: str | None) -> str | None:
    nlp = load_model(lang, extractor.models[lang])
    doc = nlp(normalise(text))
    resolver = _resolver(extractor, doc, text, lang, date)
    for index, sent in enumerate(doc.sents):
        resolver.start_sentence(index, sent)
    sent = next(iter(doc.sents))
    root = sent.root
    heads = [root] if root.pos_ in ("NOUN", "PROPN", "PRON", "NUM") else []
    heads += [t for t in sent if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "flat", "flat:name")]
    heads += list(doc)
    for head in heads:
        refs = [r for r in resolver.resolve(head) if r.how != "pronoun"]
        if refs:
            return refs[0].code
    if hasattr(resolver, "named"):
        for token in doc:
            ref = resolver.named(token)
            if ref is not None:
                return ref.code
    return None


def plover_phrases(path: Path) -> list[tuple[str, str, str | None]]:
    records = json.loads(path.read_text(encoding="utf-8"))
    phrases = []
    for record in records:
        if not isinstance(record, dict) or "text" not in record:
            continue
        for side in ("source", "target"):
            for actor in record.get(side) or []:
                if isinstance(actor, dict) and actor.get("actorText") and actor.get("code"):
                    code = {"JAP": "JPN", "ITL": "ITA"}.get(actor["code"], actor["code"])
                    phrases.append((actor["actorText"], code[:3], record.get("date")))
    return phrases


def in_context(extractor: Extractor, path: Path) -> tuple[int, int, list[str]]:
    found = total = 0
    misses: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        gold = {c[:3] for e in item.get("events", []) for side in ("source", "target") for c in e.get(side, [])}
        if not gold:
            continue
        lang = item.get("lang") or "en"
        nlp = load_model(lang, extractor.models[lang])
        doc = nlp(normalise(item["text"]))
        resolver = _resolver(extractor, doc, item["text"], lang, item.get("date"))
        codes: set[str] = set()
        for index, sent in enumerate(doc.sents):
            resolver.start_sentence(index, sent)
            for token in sent:
                if token.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
                    codes |= {c for c in (_code3(r.code) for r in resolver.resolve(token)) if c}
        for code in sorted(gold):
            total += 1
            if code in codes:
                found += 1
            else:
                misses.append(f"{item['id']}: {code} not found in: {item['text'][:100]}")
    return found, total, misses


def _lookup_country(result: dict) -> str | None:
    if result.get("country"):
        return result["country"]
    return _code3(result.get("code"))


def gold_phrases(path: Path, misses: int = 0) -> tuple[int, int]:
    """Score one actor-phrase gold file through ``kgraph actors lookup -``; returns (right, total)."""
    import subprocess

    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    request = "".join(json.dumps({"text": i["text"], "lang": i["lang"], "date": i.get("date")}, ensure_ascii=False) + "\n"
                      for i in items)
    env = dict(__import__("os").environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "kgraph", "actors", "lookup", "-"], input=request, text=True,
                          capture_output=True, env=env, check=True)
    results = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    assert len(results) == len(items), done.stderr
    per_kind: dict[str, list[int]] = {}
    shown = 0
    right = 0
    for item, result in zip(items, results):
        got = _lookup_country(result)
        ok = got == item["country"]
        right += ok
        per_kind.setdefault(item.get("kind", "?"), [0, 0])
        per_kind[item.get("kind", "?")][0] += ok
        per_kind[item.get("kind", "?")][1] += 1
        if not ok and shown < misses:
            print(f"  miss [{item.get('kind')}] {item['text']!r} ({item.get('date')}) -> {result.get('code')} "
                  f"(gold {item['country']}, rule {result.get('rule')})")
            shown += 1
    kinds = ", ".join(f"{k} {a}/{n}" for k, (a, n) in sorted(per_kind.items(), key=lambda kv: -kv[1][1]))
    print(f"gold phrases alone, {path.name}: {right}/{len(items)} = {right / max(len(items), 1):.3f} right ({kinds})")
    return right, len(items)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plover", type=Path, default=BENCH / "plover_gsr_public.json")
    parser.add_argument("--dev", type=Path, nargs="*", default=[ROOT / "tests" / "data" / "dev_en.jsonl", ROOT / "tests" / "data" / "dev_fr.jsonl"])
    parser.add_argument("--phrases", type=Path, nargs="*", default=[],
                        help="Actor-phrase gold files (JSONL: text, lang, date, country, kind).")
    parser.add_argument("--misses", type=int, default=0, help="Print this many misses of each measure.")
    args = parser.parse_args(argv)
    for path in args.phrases:
        gold_phrases(path, args.misses)
    if not (args.plover and args.plover.is_file()) and not args.dev:
        return 0
    extractor = Extractor()
    if args.plover and args.plover.is_file():
        phrases = plover_phrases(args.plover)
        right = 0
        wrong: Counter[str] = Counter()
        shown = 0
        for text, gold, date in phrases:
            got = _code3(phrase_alone(extractor, text, "en", date))
            if got == gold:
                right += 1
            else:
                wrong["unresolved" if got is None else "wrong country"] += 1
                if shown < args.misses:
                    print(f"  miss: {text!r} -> {got} (gold {gold})")
                    shown += 1
        print(f"phrases alone, {args.plover.name} (en): {right}/{len(phrases)} = {right / len(phrases):.3f} right "
              f"({dict(wrong)})")
    for path in args.dev:
        found, total, misses = in_context(extractor, path)
        print(f"gold actors in context, {path.name}: {found}/{total} = {found / max(total, 1):.3f}")
        for miss in misses[: args.misses]:
            print(f"  miss: {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
