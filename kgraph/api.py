"""The Python API, for notebooks and scripts: extract, build, load, query.

Example::

    import kgraph

    records = kgraph.extract(["The United States imposed sanctions on Turkey on Monday."], date="2020-12-14")
    graph = kgraph.build(records)                    # or build(texts), build(["news/"]), build([...], graph)
    rows = kgraph.query(graph, "between", a="USA", b="TUR")
    rows.df                                          # a pandas DataFrame, when pandas is installed
    kgraph.query("events.ttl", "SELECT ?p WHERE { actor:RUS ?p actor:UKR }")

Inputs are read the way the command line reads them: a string is an article's
text, unless it names an existing file or directory (then it is read like
``kgraph build INPUT``); a dict is a JSONL article (``text``, ``id``, ``date``,
``url``, ``title``, ``lang``) or, with ``event_id`` and ``action``, an event
record as :func:`extract` returns it (built without parsing again).
"""
from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal

from .errors import KGraphError
from .model import Event
from .reader import INPUT_SUFFIXES, Article, Skipped, parse_date, read_inputs
from .records import event_from_record, is_record, is_record_file, read_records, record_of

__all__ = ["Rows", "build", "extract", "load", "query"]

Input = str | os.PathLike[str] | dict[str, Any] | Article | Event


class Rows(list):
    """Query answers: a list of dicts (column → Python value), with the column names.

    Literals become Python values (``Decimal`` stays exact, dates are
    ``datetime.date``); IRIs stay ``rdflib.URIRef`` (a ``str``); unbound is ``None``.
    """

    def __init__(self, columns: list[str], rows: Iterable[dict[str, Any]] = ()) -> None:
        super().__init__(rows)
        self.columns = columns

    @property
    def df(self) -> Any:
        """The rows as a pandas DataFrame (decimals as floats).

        Raises:
            KGraphError: pandas is not installed.
        """
        try:
            import pandas as pd
        except ImportError:
            raise KGraphError("Rows.df needs pandas: pip install pandas") from None
        data = [{k: float(v) if isinstance(v, Decimal) else v for k, v in row.items()} for row in self]
        return pd.DataFrame(data, columns=self.columns)


def _is_path(item: object) -> bool:
    """Whether a string names an existing file or directory (a text with a newline, or too long a name, does not)."""
    if not isinstance(item, str) or "\n" in item or not item.strip():
        return False
    try:
        return Path(item).exists()
    except (OSError, ValueError):
        return False


def _articles(inputs: Iterable[Input], *, date: str | None, lang: str | None, skipped: list[Skipped]) -> Iterator[Article]:
    """Articles from texts, dicts, paths and :class:`Article` objects (records and events are left out)."""
    for index, item in enumerate(inputs, 1):
        if isinstance(item, Article):
            yield item
        elif isinstance(item, dict):
            if is_record(item):
                continue
            text = item.get("text")
            if not isinstance(text, str) or not text.strip():
                skipped.append(Skipped(f"input[{index}]", 'missing or empty "text"'))
                continue
            yield Article(doc_id=str(item.get("id") or f"text-{index}"), text=text, lang=item.get("lang") or lang,
                          date=parse_date(item.get("date")) or date, url=item.get("url"), title=item.get("title"),
                          origin=f"input[{index}]", date_source="article" if item.get("date") or date else None)
        elif isinstance(item, Event):
            continue
        elif isinstance(item, os.PathLike) or _is_path(item):
            if is_record_file(item):
                continue
            for found in read_inputs([item], date=date, lang=lang):
                if isinstance(found, Skipped):
                    skipped.append(found)
                else:
                    yield found
        elif isinstance(item, str) and not any(c.isspace() for c in item) and Path(item).suffix.lower() in INPUT_SUFFIXES:
            skipped.append(Skipped(item, "no such file or directory"))  # a file name, not a text
        elif isinstance(item, str):
            if item.strip():
                yield Article(doc_id=f"text-{index}", text=item, lang=lang, date=date, origin=f"input[{index}]",
                              date_source="article" if date else None)
        else:
            raise KGraphError(f"input[{index}]: cannot read a {type(item).__name__} (give text, a path, a dict or an Article)")


def _warn(skipped: list[Skipped]) -> None:
    """Unreadable inputs are reported as warnings (the command line prints them on stderr)."""
    for item in skipped:
        warnings.warn(f"kgraph: skipped {item.message()}", stacklevel=3)


def _as_list(inputs: Input | Iterable[Input]) -> list[Input]:
    if isinstance(inputs, (str, os.PathLike, dict, Article, Event)):
        return [inputs]
    return list(inputs)


def _extractor(lang: str | None, models: dict[str, str] | None, untargeted: bool) -> Any:
    from .extract import Extractor

    return Extractor(lang=lang, models=dict(models or {}), untargeted=untargeted)


def extract(
    texts: Input | Iterable[Input],
    *,
    lang: str | None = None,
    date: str | None = None,
    models: dict[str, str] | None = None,
    untargeted: bool = False,
) -> list[dict[str, Any]]:
    """Extract events; one record (CONTRACT §3, as ``kgraph extract`` writes it) per event.

    Args:
        texts: article texts, paths, JSONL-style dicts or :class:`~kgraph.reader.Article` objects.
        lang: force ``fr`` or ``en`` (default: detected per article).
        date: article date for articles without one (``YYYY-MM-DD``).
        models: spaCy model name per language, overriding the configuration.
        untargeted: also keep events whose recipient was not found.

    Raises:
        KGraphError: an input that cannot be read at all.
    """
    extractor = _extractor(lang, models, untargeted)
    skipped: list[Skipped] = []
    articles = list(extractor.screen(_articles(_as_list(texts), date=parse_date(date), lang=lang, skipped=skipped)))
    readable = [a for a in articles if isinstance(a, Article)]
    _warn(skipped + [a for a in articles if isinstance(a, Skipped)])
    return [record_of(event, result.article, result.lang) for result in extractor.extract_many(readable) for event in result.events]


def build(
    inputs: Input | Iterable[Input],
    graph: Graph | None = None,
    *,
    lang: str | None = None,
    date: str | None = None,
    models: dict[str, str] | None = None,
    untargeted: bool = False,
) -> Graph:
    """Build (or extend) an RDF graph from articles, paths or event records.

    Event records (dicts from :func:`extract`, or record JSONL files) are built
    without parsing; everything else is extracted first. Adding to ``graph``
    merges as ``kgraph build --append`` does: one node per event, counts recomputed.

    Args:
        inputs: texts, paths, dicts (articles or records), Articles or Events.
        graph: the graph to add to (a new one if omitted); it is changed in place and returned.
        lang, date, models, untargeted: as for :func:`extract`.
    """
    from .extract.pipeline import ExtractionResult
    from .graph import GraphBuilder

    items = _as_list(inputs)
    record_dicts = [i for i in items if isinstance(i, dict) and is_record(i)]
    events = [i for i in items if isinstance(i, Event)]
    record_files = [i for i in items if (isinstance(i, os.PathLike) or _is_path(i)) and is_record_file(i)]
    skipped: list[Skipped] = []
    extractor = _extractor(lang, models, untargeted)
    screened = list(extractor.screen(_articles(items, date=parse_date(date), lang=lang, skipped=skipped)))
    articles = [a for a in screened if isinstance(a, Article)]
    records = list(read_records(record_files))
    _warn(skipped + [a for a in screened if isinstance(a, Skipped)] + [r for r in records if isinstance(r, Skipped)])
    builder = GraphBuilder(graph, models=extractor.models if articles else None)
    builder.add_results(r for r in records if not isinstance(r, Skipped))
    by_doc: dict[str, list[Event]] = {}
    for record in record_dicts:
        by_doc.setdefault(str(record.get("doc_id")), []).append(event_from_record(record))
    for event in events:
        by_doc.setdefault(event.doc_id, []).append(event)
    firsts = {doc: next((r for r in record_dicts if str(r.get("doc_id")) == doc), None) for doc in by_doc}
    for doc, doc_events in by_doc.items():
        facts = (firsts[doc] or {}).get("article") or {}
        article = Article(doc_id=doc, text="", lang=facts.get("lang") or doc_events[0].lang, date=parse_date(facts.get("date")),
                          url=facts.get("url"), title=facts.get("title"))
        builder.add_result(ExtractionResult(article, article.lang or "", doc_events))
    builder.add_results(extractor.extract_many(articles))  # counts are recomputed over the whole graph per event
    return builder.graph


def load(path: str | os.PathLike[str]) -> Graph:
    """Read a graph file, or copy a store, into memory.

    Raises:
        GraphError: no such graph, or it does not parse.
    """
    from .graph import load_graph

    return load_graph(path)


def _value(value: object) -> object:
    if isinstance(value, Literal):
        python = value.toPython()
        return python if not isinstance(python, Literal) else str(value)
    return value


def query(graph: Graph | str | os.PathLike[str], sparql_or_name: str, **params: object) -> Rows:
    """Answer a SPARQL query, a shipped query by name, or a ``.rq`` file, with its parameters.

    Args:
        graph: an rdflib graph, or the path of a graph file or store.
        sparql_or_name: SPARQL text, the name of a shipped query (``kgraph query --list``) or a ``.rq`` path.
        **params: values for the parameters the query declares (``a="RUS", b="UKR"``).

    Returns:
        The rows; ``Rows.df`` gives a pandas DataFrame.

    Raises:
        QueryError: a bad query, an unknown query name or parameter.
    """
    from .graph.query import bind_params, run_query, shipped_queries, shipped_query
    from .graph.store import query_graph

    name = ""
    text = sparql_or_name
    if sparql_or_name in shipped_queries():
        name, text = sparql_or_name, shipped_query(sparql_or_name)
    elif sparql_or_name.endswith(".rq") and Path(sparql_or_name).is_file():
        name, text = sparql_or_name, Path(sparql_or_name).read_text(encoding="utf-8")
    text = bind_params(text, params, name or "query")
    if isinstance(graph, Graph):
        result = run_query(graph, text)
    else:  # a store is answered by Oxigraph in place, a large file through an in-memory Oxigraph
        result = query_graph(graph, text)
    return Rows(result.columns, (dict(zip(result.columns, map(_value, row), strict=True)) for row in result.rows))
