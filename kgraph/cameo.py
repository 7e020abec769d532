"""The CAMEO event codes, read from the SKOS scheme ``ontology/cameo.ttl``."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import Literal, URIRef
from rdflib.namespace import SKOS

from .resources import ontology_graph

__all__ = ["CameoCode", "cameo_code", "cameo_codes", "CAMEO_BASE"]

CAMEO_BASE = "https://w3id.org/kgraph/cameo/"
_KG = "https://w3id.org/kgraph/ontology#"


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with what the scheme says about it."""

    code: str
    label: str
    root: str
    goldstein: float | None
    plover: str | None
    quad_class: int
    relation: str  # local name of the direct relation property of its root, e.g. "reduceRelations"

    @property
    def iri(self) -> URIRef:
        return URIRef(CAMEO_BASE + self.code)


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, CameoCode]:
    """Every CAMEO code in the scheme, by code."""
    graph = ontology_graph("cameo.ttl")

    def value(subject: URIRef, local: str) -> Literal | URIRef | None:
        return graph.value(subject, URIRef(_KG + local))

    relations: dict[str, str] = {}
    rows: dict[str, tuple] = {}
    for concept, notation in graph.subject_objects(SKOS.notation):
        code = str(notation)
        relation = value(concept, "relation")
        if relation is not None:
            relations[code] = str(relation).rsplit("/", 1)[-1]
        goldstein = value(concept, "goldstein")
        plover = value(concept, "ploverCategory")
        rows[code] = (
            str(graph.value(concept, SKOS.prefLabel)),
            float(goldstein) if goldstein is not None else None,
            str(plover) if plover is not None else None,
            int(value(concept, "quadClass")),
        )
    return {
        code: CameoCode(code, label, code[:2], goldstein, plover, quad, relations.get(code[:2], ""))
        for code, (label, goldstein, plover, quad) in rows.items()
    }


def cameo_code(code: str) -> CameoCode:
    """Look up one code; ``KeyError`` if the scheme does not have it."""
    return cameo_codes()[code]
