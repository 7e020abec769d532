"""SHACL validation of a graph against ``ontology/shapes.ttl`` (pySHACL)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph

from ..resources import ontology_graph

__all__ = ["ValidationReport", "validate_graph", "shapes_graph"]


@dataclass(frozen=True)
class ValidationReport:
    """Whether a graph conforms, how many violations it has, and pySHACL's text report."""

    conforms: bool
    violations: int
    text: str


def shapes_graph() -> Graph:
    """The SHACL shapes of ``ontology/shapes.ttl``."""
    return ontology_graph("shapes.ttl")


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return ontology_graph("kgraph.ttl") + ontology_graph("cameo.ttl")


def validate_graph(graph: Graph) -> ValidationReport:
    """Validate ``graph`` with the kgraph shapes (the ontology supplies class declarations)."""
    from pyshacl import validate
    from rdflib.namespace import SH

    conforms, results, text = validate(
        graph,
        shacl_graph=shapes_graph(),
        ont_graph=_ontology(),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
    )
    violations = len(set(results.subjects(predicate=SH.resultSeverity, object=SH.Violation)))
    return ValidationReport(bool(conforms), violations, str(text))
