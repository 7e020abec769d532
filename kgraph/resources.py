"""Access to data shipped inside the package (ontology, lexicons, actor tables, queries)."""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

from rdflib import Graph

from .errors import DataError

__all__ = ["ontology_file", "ontology_graph", "package_file", "read_tsv"]


def ontology_file(name: str) -> Traversable:
    """A Turtle file of the ontology (``kgraph.ttl``, ``cameo.ttl``, ``shapes.ttl``)."""
    return resources.files("kgraph.ontology") / name


@lru_cache(maxsize=None)
def ontology_graph(name: str) -> Graph:
    """The parsed Turtle file ``name`` of the ontology, read once per process (do not modify it)."""
    graph = Graph()
    with ontology_file(name).open("rb") as handle:
        graph.parse(handle, format="turtle")
    return graph


def package_file(package: str, name: str) -> Traversable:
    """A data file shipped in ``package`` (e.g. ``kgraph.actors``, ``data/countries.tsv``)."""
    return resources.files(package) / name


def read_tsv(package: str, name: str) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated data file with a header line; ``#`` lines are comments.

    Raises:
        DataError: a row whose number of cells differs from the header's.
    """
    source = package_file(package, name)
    try:
        text = source.read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise DataError(f"{package}/{name}: data file missing") from err
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]
    if not lines:
        return
    header = lines[0][1].split("\t")
    for number, line in lines[1:]:
        cells = line.split("\t")
        if len(cells) < len(header):
            cells += [""] * (len(header) - len(cells))
        if len(cells) != len(header):
            raise DataError(f"{package}/{name}:{number}: {len(cells)} cells, header has {len(header)}")
        yield {key: value.strip() for key, value in zip(header, cells, strict=True)}
