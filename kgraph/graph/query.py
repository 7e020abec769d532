"""SPARQL 1.1 over a graph, the queries shipped with kgraph, and result formatting."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from importlib import resources

from rdflib import BNode, Graph, Literal, URIRef

from ..errors import QueryError
from .namespace import PREFIXES

__all__ = ["QueryResult", "run_query", "shipped_queries", "shipped_query", "format_result"]


@dataclass(frozen=True)
class QueryResult:
    """Column names and rows of a SELECT (or the boolean of an ASK, or triples of CONSTRUCT)."""

    columns: list[str]
    rows: list[list[object]]
    boolean: bool | None = None
    graph: Graph | None = None


def run_query(graph: Graph, text: str) -> QueryResult:
    """Run a SPARQL query; kgraph's prefixes (kg:, actor:, rel:, cameo:, …) are predeclared."""
    try:
        result = graph.query(text, initNs=dict(PREFIXES))
        if result.type == "ASK":
            return QueryResult(["ask"], [[bool(result.askAnswer)]], boolean=bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return QueryResult(["subject", "predicate", "object"], [list(t) for t in result.graph], graph=result.graph)
        columns = [str(v) for v in result.vars]
        rows = [[row[v] for v in result.vars] for row in result]
    except Exception as err:  # pyparsing and rdflib raise many types
        message = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise QueryError(f"SPARQL error: {message}") from err
    return QueryResult(columns, rows)


def shipped_queries() -> dict[str, str]:
    """Name → first comment line of every query shipped in ``kgraph/queries``."""
    found = {}
    for entry in sorted(resources.files("kgraph.queries").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            first = entry.read_text(encoding="utf-8").splitlines()[0] if entry.read_text(encoding="utf-8") else ""
            found[entry.name[:-3]] = first.lstrip("# ").strip()
    return found


def shipped_query(name: str) -> str:
    """The text of a shipped query. Raises QueryError for an unknown name."""
    entry = resources.files("kgraph.queries") / f"{name}.rq"
    if not entry.is_file():
        raise QueryError(f"no shipped query named {name!r} (see: kgraph query --list)")
    return entry.read_text(encoding="utf-8")


def _plain(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, Literal):
        python = value.toPython()
        return python if isinstance(python, (int, float, bool, str)) else str(value)
    return str(value)


def _short(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, URIRef):
        for prefix, namespace in PREFIXES.items():
            if str(value).startswith(str(namespace)):
                return f"{prefix}:{str(value)[len(str(namespace)):]}"
        return str(value)
    if isinstance(value, BNode):
        return f"_:{value}"
    return str(value)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render as an aligned ``table``, ``csv``, or ``json`` (SPARQL 1.1 JSON results)."""
    if fmt == "json":
        if result.boolean is not None:
            return json.dumps({"head": {}, "boolean": result.boolean})
        bindings = []
        for row in result.rows:
            binding = {}
            for column, value in zip(result.columns, row, strict=True):
                if value is None:
                    continue
                if isinstance(value, URIRef):
                    binding[column] = {"type": "uri", "value": str(value)}
                elif isinstance(value, BNode):
                    binding[column] = {"type": "bnode", "value": str(value)}
                else:
                    item = {"type": "literal", "value": str(value)}
                    if isinstance(value, Literal) and value.language:
                        item["xml:lang"] = value.language
                    elif isinstance(value, Literal) and value.datatype:
                        item["datatype"] = str(value.datatype)
                    binding[column] = item
            bindings.append(binding)
        return json.dumps({"head": {"vars": result.columns}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=1)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(result.columns)
        for row in result.rows:
            writer.writerow(["" if v is None else str(v) for v in row])
        return out.getvalue().rstrip("\n")
    cells = [[_short(v) for v in row] for row in result.rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(result.columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(result.columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines)
