"""Access to data shipped inside the package (ontology, lexicons, actor tables, queries)."""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from rdflib import Graph

from .errors import DataError

__all__ = ["ontology_file", "ontology_graph", "package_file", "read_tsv", "read_tsv_file"]


#: The source checkout this ``kgraph`` package sits in, if any (``ontology/`` is mapped to ``kgraph.ontology``).
_CHECKOUT = Path(__file__).resolve().parent.parent


def ontology_file(name: str) -> Traversable:
    """A Turtle file of the ontology (``kgraph.ttl``, ``cameo.ttl``, ``shapes.ttl``).

    In a source checkout the checkout's own ``ontology/`` is read, so a copy of the
    code run with ``PYTHONPATH`` (a worktree) never reads the ontology of the copy
    installed in editable mode; installed, the ``kgraph.ontology`` package data.
    """
    local = _CHECKOUT / "ontology" / name
    if (_CHECKOUT / "setup.cfg").is_file() and local.is_file():
        return local
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
    yield from read_tsv_file(package_file(package, name), f"{package}/{name}")


def read_tsv_file(source: Traversable, label: str | None = None, *, numbered: bool = False) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated file anywhere (a user's lexicon file, say); see :func:`read_tsv`.

    With ``numbered``, each row also carries its line number under the key ``"#line"``.

    Raises:
        DataError: a missing or unreadable file, or a row with the wrong number of cells.
    """
    label = label or str(source)
    try:
        text = source.read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError, UnicodeDecodeError) as err:
        raise DataError(f"{label}: cannot read the data file ({err.__class__.__name__})") from err
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]
    if not lines:
        return
    header = lines[0][1].split("\t")
    for number, line in lines[1:]:
        cells = line.split("\t")
        if len(cells) < len(header):
            cells += [""] * (len(header) - len(cells))
        if len(cells) != len(header):
            raise DataError(f"{label}:{number}: {len(cells)} cells, header has {len(header)}")
        row = {key: value.strip() for key, value in zip(header, cells, strict=True)}
        if numbered:
            row["#line"] = str(number)
        yield row
