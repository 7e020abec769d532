"""SPARQL 1.1 over a graph, the queries shipped with kgraph, their parameters, and result formatting.

A saved query (``kgraph/queries/NAME.rq``, or any ``.rq`` file) opens with a
comment line saying what it answers, then declares its parameters::

    # Events between two countries over time, in both directions
    # @param a country RUS  one country (ISO alpha-3 code)
    # @param b country UKR  the other country

In the query body a parameter is the SPARQL variable ``$a``; before running,
every ``$a`` is replaced by the value given (``--param a=TUR``) or the
default, written as a SPARQL term of the declared type: ``string``,
``country``/``code`` (a string of capitals), ``actor`` (``actor:CODE``),
``event`` (``event:ID``), ``date`` (``xsd:date``), ``integer``, ``decimal``.
A query file without declarations runs as it is.

Tables round numbers for reading (3 decimals); CSV and JSON keep them exact.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date as _date
from decimal import Decimal
from functools import lru_cache
from importlib import resources

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from ..errors import QueryError
from .dataset import count_all_triples, dataset_options
from .namespace import PREFIXES

__all__ = [
    "Param", "QueryResult", "SavedQuery", "bind_params", "format_result", "parse_params", "run_oxigraph_query",
    "run_query", "shipped_queries", "shipped_query",
]


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


_PARAM_LINE = re.compile(r"^#\s*@param\s+(\w+)\s+(\w+)\s+(\S+)\s*(.*)$")
_CODE = re.compile(r"^[A-Z]{3}[A-Z0-9]*$")
_ID = re.compile(r"^[A-Za-z0-9_-]+$")
TYPES = ("string", "country", "code", "actor", "event", "date", "integer", "decimal")


@dataclass(frozen=True)
class Param:
    """A declared parameter of a saved query: name, type, default and what it means."""

    name: str
    type: str
    default: str
    doc: str = ""

    def term(self, value: str) -> str:
        """``value`` as a SPARQL term of this parameter's type.

        Raises:
            QueryError: the value does not fit the type.
        """
        kind, text = self.type, value.strip()
        bad = QueryError(f"parameter {self.name}: {value!r} is not a valid {kind}")
        if kind == "string":
            return json.dumps(text, ensure_ascii=False)
        if kind in ("country", "code", "actor"):
            code = text.upper()
            if not _CODE.match(code):
                raise bad
            return f"<{PREFIXES['actor']}{code}>" if kind == "actor" else f'"{code}"'
        if kind == "event":
            local = text.rsplit("/", 1)[-1]
            if not _ID.match(local):
                raise bad
            return f"<{PREFIXES['event']}{local}>"
        if kind == "date":
            try:
                return f'"{_date.fromisoformat(text).isoformat()}"^^<{PREFIXES["xsd"]}date>'
            except ValueError:
                raise bad from None
        if kind == "integer":
            if not re.fullmatch(r"[+-]?\d+", text):
                raise bad
            return str(int(text))
        try:
            return str(Decimal(text))
        except ArithmeticError:
            raise bad from None


@dataclass(frozen=True)
class SavedQuery:
    """A query text with its description and declared parameters."""

    name: str
    text: str
    description: str = ""
    params: dict[str, Param] = field(default_factory=dict)

    @classmethod
    def parse(cls, text: str, name: str = "") -> SavedQuery:
        """Read the description line and the ``# @param`` declarations at the top of ``text``.

        Raises:
            QueryError: a declaration names an unknown type or an invalid default.
        """
        lines = text.splitlines()
        description = lines[0].lstrip("# ").strip() if lines and lines[0].startswith("#") else ""
        params: dict[str, Param] = {}
        for line in lines:
            match = _PARAM_LINE.match(line.strip())
            if match:
                pname, kind, default, doc = match.groups()
                if kind not in TYPES:
                    raise QueryError(f"{name or 'query'}: parameter {pname}: unknown type {kind!r} (one of {', '.join(TYPES)})")
                param = Param(pname, kind, default, doc.strip())
                param.term(default)
                params[pname] = param
        return cls(name, text, description, params)

    def bind(self, values: dict[str, object] | None = None) -> str:
        """The query text with every ``$name`` replaced by its value (or default).

        Raises:
            QueryError: a value names no declared parameter, or does not fit its type.
        """
        values = {k: str(v) for k, v in (values or {}).items()}
        unknown = sorted(set(values) - set(self.params))
        if unknown:
            known = ", ".join(self.params) or "none"
            raise QueryError(f"{self.name or 'query'}: unknown parameter {unknown[0]!r} (parameters: {known})")
        terms = {n: p.term(values.get(n, p.default)) for n, p in self.params.items()}
        if not terms:
            return self.text
        body = "\n".join(line for line in self.text.splitlines() if not _PARAM_LINE.match(line.strip()))
        return re.sub(r"\$(\w+)\b", lambda m: terms.get(m.group(1), m.group(0)), body)


def parse_params(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``["a=RUS", "b=UKR"]`` → ``{"a": "RUS", "b": "UKR"}``.

    Raises:
        QueryError: an item without ``=``.
    """
    values = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"--param {pair!r}: expected NAME=VALUE")
        values[key.strip()] = value
    return values


def bind_params(text: str, values: dict[str, object] | None = None, name: str = "") -> str:
    """Bind ``values`` to the parameters a query text declares (see :class:`SavedQuery`)."""
    return SavedQuery.parse(text, name).bind(values)


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def _from_ox(term: object) -> object:
    """A pyoxigraph term as the rdflib term :func:`format_result` knows."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype in (_XSD_STRING, _LANG_STRING) else URIRef(datatype))
    return Literal(str(term))


def run_oxigraph_query(store: ox.Store, text: str, *, default_graph: str | None = None, summaries: bool = False,
                       ) -> QueryResult:
    """Run a SPARQL query with Oxigraph's own engine; kgraph's prefixes are predeclared.

    Without ``default_graph``, the query reads the default graph alone when that
    gives the answer the union of all graphs gives, else the union
    (:func:`kgraph.graph.dataset.dataset_options`); "count every triple" is
    answered from the store's size (:func:`kgraph.graph.dataset.count_all_triples`).

    Args:
        store: an Oxigraph store (on disk, read-only, or in memory).
        text: the query.
        default_graph: the named graph to use as the default graph.
        summaries: the store's dyad summaries are as kgraph wrote them (a store whose files are those
            it recorded, :func:`kgraph.graph.store.recorded_size`): the shipped ``dyads`` is then read
            from their tables (:func:`kgraph.graph.dyads.dyads_rows`), with the same rows.

    Raises:
        QueryError: a syntax or evaluation error, in one line.
    """
    options: dict[str, object] = {"prefixes": {k: str(v) for k, v in PREFIXES.items()}}
    if default_graph is not None:
        options["default_graph"] = ox.NamedNode(default_graph)
    else:
        column = count_all_triples(text)
        if column is not None:
            return QueryResult([column], [[Literal(len(store))]])
        options.update(dataset_options(store, text))
        if summaries and not options.get("use_default_graph_as_union") and is_shipped_dyads(text):
            fast = _dyads_result(store, options.get("default_graph"))
            if fast is not None:
                return fast
    try:
        result = store.query(text, **options)
        if isinstance(result, ox.QueryBoolean):
            return QueryResult(["ask"], [[bool(result)]], boolean=bool(result))
        if isinstance(result, ox.QueryTriples):
            graph = Graph()
            for triple in result:
                graph.add((_from_ox(triple.subject), _from_ox(triple.predicate), _from_ox(triple.object)))
            return QueryResult(["subject", "predicate", "object"], [list(t) for t in graph], graph=graph)
        columns = [v.value for v in result.variables]
        # Terms repeat across rows (actors, labels, small counts): each is converted once.
        seen: dict[object, object] = {}

        def term(value: object) -> object:
            found = seen.get(value, seen)
            if found is seen:
                found = seen[value] = _from_ox(value)
            return found

        width = range(len(columns))
        rows = [[term(solution[i]) for i in width] for solution in result]
    except (SyntaxError, OSError, ValueError, TypeError) as err:
        message = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise QueryError(f"SPARQL error: {message}") from err
    return QueryResult(columns, rows)


def _normal(text: str) -> str:
    return " ".join(_COMMENT_LINE.sub("", text).split())


_COMMENT_LINE = re.compile(r"^\s*#.*$", re.M)


@lru_cache(maxsize=1)
def _dyads_text() -> str:
    return _normal(shipped_query("dyads"))


def is_shipped_dyads(text: str) -> bool:
    """Whether ``text`` is the shipped ``dyads`` query (comments and layout aside)."""
    return len(text) < 4 * len(_dyads_text()) and _normal(text) == _dyads_text()


def _dyads_result(store: ox.Store, graph: object) -> QueryResult | None:
    """The shipped ``dyads`` read from the summaries' tables (:func:`kgraph.graph.dyads.dyads_rows`), the terms
    :func:`run_oxigraph_query` gives; ``None`` when the tables cannot answer."""
    from .dyads import dyads_rows

    try:
        found = dyads_rows(store, graph, term=_from_ox, integer=lambda value: Literal(str(value), datatype=_INTEGER))
    except (OSError, ValueError, TypeError, StopIteration):
        return None
    if found is None:
        return None
    return QueryResult(["source", "relation", "target", "events", "mentions"], found)


_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")


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


_NUMERIC = {"decimal", "double", "float"}


def _short(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Literal) and value.datatype is not None and str(value.datatype).rsplit("#", 1)[-1] in _NUMERIC:
        try:
            number = round(float(value), 3)
        except (TypeError, ValueError):
            return str(value)
        return f"{number:.3f}".rstrip("0").rstrip(".") if number != int(number) else str(int(number)) + ".0"
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
    # The same term objects repeat down a column (actors, labels, small counts; the engines convert each
    # distinct term once): each is shown once, keyed by identity (rdflib's hashing of terms is slow),
    # which holds while the rows keep them alive.
    shown: dict[int, str] = {}

    def short(value: object) -> str:
        text = shown.get(id(value))
        if text is None:
            text = shown[id(value)] = _short(value)
        return text

    cells = [[short(v) for v in row] for row in result.rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(result.columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(result.columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines)
