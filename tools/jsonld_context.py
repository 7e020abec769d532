#!/usr/bin/env python3
"""Regenerate kgraph/export/data/context.jsonld, the JSON-LD @context shipped with kgraph.

Usage::

    python tools/jsonld_context.py          # rewrite the file from ontology/kgraph.ttl
    python tools/jsonld_context.py --check  # exit 1 if it is out of date

Prefixes come from kgraph.graph.namespace.PREFIXES; every class and property of
ontology/kgraph.ttl gets a term (object properties coerce to @id, datatype
properties to their rdfs:range unless it is xsd:string); a few SKOS, PROV and
Dublin Core properties kgraph writes get short terms too. kg:mention is the
term ``mentions``, since ``mention`` is the prefix of mention IRIs.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rdflib import Graph  # noqa: E402
from rdflib.namespace import OWL, RDF, RDFS, XSD  # noqa: E402

from kgraph.graph.namespace import PREFIXES  # noqa: E402

TARGET = ROOT / "kgraph" / "export" / "data" / "context.jsonld"
EXTRA = {
    "label": "rdfs:label",
    "prefLabel": "skos:prefLabel",
    "notation": "skos:notation",
    "broader": {"@id": "skos:broader", "@type": "@id"},
    "inScheme": {"@id": "skos:inScheme", "@type": "@id"},
    "wasGeneratedBy": {"@id": "prov:wasGeneratedBy", "@type": "@id"},
    "title": "dcterms:title",
    "language": "dcterms:language",
    "published": {"@id": "dcterms:date", "@type": "xsd:date"},
}


def context() -> dict[str, object]:
    ontology = Graph().parse(ROOT / "ontology" / "kgraph.ttl")
    kg = str(PREFIXES["kg"])
    terms: dict[str, object] = {p: str(ns) for p, ns in PREFIXES.items()}
    terms["owl"] = str(OWL)
    for cls in sorted(ontology.subjects(RDF.type, OWL.Class)):
        if str(cls).startswith(kg):
            local = str(cls)[len(kg):]
            terms[local] = f"kg:{local}"
    properties = set(ontology.subjects(RDF.type, OWL.ObjectProperty)) | set(ontology.subjects(RDF.type, OWL.DatatypeProperty))
    for prop in sorted(properties):
        if not str(prop).startswith(kg):
            continue
        local = str(prop)[len(kg):]
        term = "mentions" if local in PREFIXES else local
        if (prop, RDF.type, OWL.ObjectProperty) in ontology:
            terms[term] = {"@id": f"kg:{local}", "@type": "@id"}
        else:
            value = ontology.value(prop, RDFS.range)
            terms[term] = f"kg:{local}" if value in (None, XSD.string) else {"@id": f"kg:{local}", "@type": "xsd:" + str(value)[len(str(XSD)):]}
    for term, value in EXTRA.items():
        if term in terms:
            raise SystemExit(f"term {term!r} defined twice")
        terms[term] = value
    return {"@context": terms}


def main() -> int:
    text = json.dumps(context(), indent=1, ensure_ascii=False) + "\n"
    if "--check" in sys.argv:
        return 0 if TARGET.read_text(encoding="utf-8") == text else 1
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
