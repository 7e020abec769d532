"""The ``kgraph`` command line (CONTRACT §1): thin commands over the library.

Library errors (:class:`kgraph.errors.KGraphError`) become one line on stderr
and exit status 1; usage errors are click's own (exit 2). Progress bars show
on a terminal only, so output pipes cleanly.
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from . import __version__
from .config import SUPPORTED_LANGS, model_names
from .errors import KGraphError
from .reader import Article, Skipped, parse_date, read_inputs

__all__ = ["cli", "main"]

TSV_COLUMNS = [
    "event_id", "doc_id", "sentence_id", "date", "source_code", "cameo", "target_code",
    "root", "negated", "mode", "confidence", "source_text", "action_text", "target_text",
]


class UserError(click.ClickException):
    """A user error: printed as one line, exit status 1."""

    def show(self, file: Any = None) -> None:
        click.echo(f"kgraph: error: {self.format_message()}", err=True)


def _fail_on_kgraph_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    import functools

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KGraphError as err:
            raise UserError(str(err)) from err

    return wrapper


def _validate_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    try:
        return parse_date(value)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


def extraction_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by every command that reads articles."""
    options = [
        click.option("--lang", type=click.Choice(["auto", *SUPPORTED_LANGS]), default="auto", show_default=True,
                     help="Language of the articles; auto detects it per article (a JSONL 'lang' field wins)."),
        click.option("--date", "date", callback=_validate_date, metavar="YYYY-MM-DD",
                     help="Article date for articles that carry none (default: the file's modification date)."),
        click.option("--strict", is_flag=True, help="Exit 1 without writing anything if any input item is unreadable."),
        click.option("--untargeted", is_flag=True,
                     help="Also keep events whose recipient was not found (by default only protests and force postures)."),
        click.option("--model-fr", envvar="KGRAPH_MODEL_FR", metavar="NAME", help="spaCy model for French [env KGRAPH_MODEL_FR]."),
        click.option("--model-en", envvar="KGRAPH_MODEL_EN", metavar="NAME", help="spaCy model for English [env KGRAPH_MODEL_EN]."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _progress(items: list[Any], label: str) -> contextlib.AbstractContextManager[Iterable[Any]]:
    if sys.stderr.isatty() and len(items) > 1:
        return click.progressbar(items, label=label, file=sys.stderr, show_pos=True)
    return contextlib.nullcontext(items)


def _read(inputs: tuple[str, ...], *, lang: str, date: str | None, strict: bool) -> list[Article]:
    """Read every input; report bad items on stderr; with --strict, stop on any."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in read_inputs(inputs, date=date, lang=None if lang == "auto" else lang):
        if isinstance(item, Skipped):
            skipped.append(item)
            click.echo(f"kgraph: skipped {item.message()}", err=True)
        else:
            articles.append(item)
    if skipped:
        click.echo(f"kgraph: {len(skipped)} input item{'s' if len(skipped) != 1 else ''} skipped", err=True)
        if strict:
            raise UserError("--strict: unreadable input, nothing written")
    return articles


def _extractor(lang: str, model_fr: str | None, model_en: str | None, untargeted: bool = False):
    from .extract import Extractor

    return Extractor(lang=lang, models={"fr": model_fr, "en": model_en}, untargeted=untargeted)


def _results(articles: list[Article], extractor: Any, label: str) -> Iterator[Any]:
    with _progress(articles, label) as bar:
        yield from extractor.extract_many(bar)


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[io.TextIOBase]:
    """stdout, or a file written to a temporary name and renamed on success."""
    if path in (None, "-"):
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    if not target.parent.exists():
        raise UserError(f"{target.parent}: no such directory")
    tmp = target.with_name(f".{target.name}.tmp{os.getpid()}")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


# ---------------------------------------------------------------- commands
@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="kgraph")
def cli() -> None:
    """kgraph: diplomatic-event knowledge graphs from French and English news.

    \b
    Example:
      kgraph build examples/ -o events.ttl
      kgraph query events.ttl --name dyads
      kgraph export events.ttl --to gexf -o events.gexf
    """


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", metavar="FILE", help="Write here instead of stdout ('-' is stdout).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "tsv"]), default="jsonl", show_default=True)
@extraction_options
@_fail_on_kgraph_errors
def extract(inputs: tuple[str, ...], output: str | None, fmt: str, lang: str, date: str | None, strict: bool,
            untargeted: bool, model_fr: str | None, model_en: str | None) -> None:
    """Extract events from news text, one record per line.

    INPUT is a .txt article, a .jsonl file (one article a line), a directory
    (read recursively) or - for stdin.

    \b
    Example:
      kgraph extract examples/rt_fr_turquie_s400.txt
      kgraph extract news/ --format tsv -o events.tsv
      echo "Russia condemned the US strike on Syria." | kgraph extract - --lang en
    """
    articles = _read(inputs, lang=lang, date=date, strict=strict)
    extractor = _extractor(lang, model_fr, model_en, untargeted)
    count = 0
    try:
        with _output(output) as out:
            writer = csv.writer(out, delimiter="\t", lineterminator="\n") if fmt == "tsv" else None
            if writer:
                writer.writerow(TSV_COLUMNS)
            for result in _results(articles, extractor, "extracting"):
                for event in result.events:
                    record = event.to_record()
                    count += 1
                    if writer:
                        writer.writerow(_tsv_row(record))
                    else:
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    except BrokenPipeError:  # `kgraph extract … | head`
        sys.stderr.close()
        os._exit(0)
    click.echo(f"kgraph: {count} events from {len(articles)} articles", err=True)


def _tsv_row(record: dict[str, Any]) -> list[Any]:
    source, target, action = record["source"], record["target"] or {}, record["action"]
    return [
        record["event_id"], record["doc_id"], record["sentence_id"], record["date"] or "",
        source["code"], action["cameo"], target.get("code", ""), action["root"],
        str(record["negated"]).lower(), record["mode"] or "", record["confidence"],
        source["text"], action["text"], target.get("text", ""),
    ]


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", "graph_path", required=True, metavar="GRAPH",
              help="Graph file (.ttl .trig .nt .nq .jsonld) or store directory.")
@click.option("--append", is_flag=True, help="Merge into the existing graph instead of replacing it.")
@extraction_options
@_fail_on_kgraph_errors
def build(inputs: tuple[str, ...], graph_path: str, append: bool, lang: str, date: str | None, strict: bool,
          untargeted: bool, model_fr: str | None, model_en: str | None) -> None:
    """Extract events and merge them into an RDF graph.

    The same event built twice, or reported by two articles, is one node
    (with one mention per report): --append never duplicates.

    \b
    Example:
      kgraph build examples/ -o events.ttl
      kgraph build more_news.jsonl -o events.ttl --append
      kgraph build news/ -o store/            # a store directory
    """
    from .graph import GraphBuilder, write_graph
    from .graph.store import graph_format

    graph_format(graph_path)  # fail early on an unknown extension
    articles = _read(inputs, lang=lang, date=date, strict=strict)
    extractor = _extractor(lang, model_fr, model_en, untargeted)
    builder = GraphBuilder(models=extractor.models)
    mentions = builder.add_results(_results(articles, extractor, "building"))
    before, after = write_graph(builder.graph, graph_path, append=append)
    click.echo(
        f"kgraph: {len(articles)} articles, {mentions} event mentions, "
        f"{after} triples ({after - before:+d}) -> {graph_path}",
        err=True,
    )


@cli.command()
@click.argument("graph_path", metavar="GRAPH", required=False)
@click.argument("query_text", metavar="QUERY", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(exists=True, dir_okay=False), help="Read the query from a .rq file.")
@click.option("--name", help="Run a query shipped with kgraph (see --list).")
@click.option("--list", "list_", is_flag=True, help="List the shipped queries and exit.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@_fail_on_kgraph_errors
def query(graph_path: str | None, query_text: str | None, query_file: str | None, name: str | None, list_: bool, fmt: str) -> None:
    """Run a SPARQL 1.1 query over a graph file or store.

    The prefixes kg:, actor:, rel:, cameo:, event:, skos:, rdfs:, prov: and
    xsd: are predeclared.

    \b
    Example:
      kgraph query events.ttl "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
      kgraph query events.ttl "SELECT ?t WHERE { actor:USA rel:reduceRelations ?t }"
      kgraph query events.ttl --name dyads --format csv
      kgraph query --list
    """
    from .graph import open_graph
    from .graph.query import format_result, run_query, shipped_queries, shipped_query

    if list_:
        for key, description in shipped_queries().items():
            click.echo(f"{key:22} {description}")
        return
    if graph_path is None:
        raise click.UsageError("missing GRAPH")
    given = [q for q in (query_text, query_file, name) if q]
    if len(given) != 1:
        raise click.UsageError("give exactly one of QUERY, -f FILE or --name NAME")
    if query_file:
        text = Path(query_file).read_text(encoding="utf-8")
    elif name:
        text = shipped_query(name)
    else:
        text = query_text or ""
    with open_graph(graph_path) as graph:
        result = run_query(graph, text)
        click.echo(format_result(result, fmt))


def _validate_day(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    import datetime

    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)") from None


@cli.command(name="export")
@click.argument("graph_path", metavar="GRAPH")
@click.option("--to", "fmt", required=True, metavar="FORMAT",
              help="gexf (alias gephi), graphml, gdelt, gdelt-mentions, csv, png, svg, html, ttl, trig, nt, nq, jsonld.")
@click.option("-o", "--output", required=True, metavar="FILE")
@click.option("--level", type=click.Choice(["country", "actor"]), default="country", show_default=True,
              help="Network nodes: countries (sectors merged) or actors (TURGOV, TURMIL apart).")
@click.option("--label-lang", default="en", show_default=True, metavar="LANG", help="Language of node labels (en, fr).")
@click.option("--dynamic", is_flag=True, help="gexf: weights over time for Gephi's Timeline.")
@click.option("--bin", "bin_", type=click.Choice(["day", "week", "month"]), default="day", show_default=True,
              help="Time bin of --dynamic weights.")
@click.option("--bipartite", is_flag=True, help="gexf: actor and event nodes instead of actor-to-actor edges.")
@click.option("--min-weight", type=float, default=0, metavar="N", help="Drop network edges with fewer than N events.")
@click.option("--roots", metavar="LIST", help="Keep only these CAMEO roots, e.g. 16,17.")
@click.option("--since", callback=_validate_day, metavar="YYYY-MM-DD", help="Keep events on or after this date.")
@click.option("--until", callback=_validate_day, metavar="YYYY-MM-DD", help="Keep events on or before this date.")
@click.option("--top", type=click.IntRange(min=0), default=0, metavar="N",
              help="Keep the N busiest actors (pictures default to 50).")
@click.option("--header", is_flag=True, help="gdelt, gdelt-mentions: write a header line (GDELT publishes none).")
@_fail_on_kgraph_errors
def export_cmd(graph_path: str, fmt: str, output: str, level: str, label_lang: str, dynamic: bool, bin_: str,
               bipartite: bool, min_weight: float, roots: str | None, since: str | None, until: str | None,
               top: int, header: bool) -> None:
    """Export a graph for Gephi, GDELT tools, pandas, browsers or other RDF tools.

    \b
    Example:
      kgraph export events.ttl --to gexf -o events.gexf
      kgraph export events.ttl --to gexf --dynamic --bin month -o timeline.gexf
      kgraph export events.ttl --to gexf --roots 16,17 --since 2020-01-01 -o conflict.gexf
      kgraph export events.ttl --to gdelt --header -o events.tsv
      kgraph export events.ttl --to png --top 30 -o network.png
      kgraph export events.ttl --to html -o network.html
      kgraph export events.ttl --to nq -o events.nq
    """
    from .export import export, resolve_format
    from .export.sparql import open_export_graph

    name = resolve_format(fmt.lower())
    options = dict(level=level, label_lang=label_lang, dynamic=dynamic, bin=bin_, bipartite=bipartite,
                   min_weight=min_weight, roots=roots, since=since, until=until, top=top, header=header)
    with open_export_graph(graph_path) as graph:
        try:
            export(graph, name, output, **options)
        except OSError as err:
            raise UserError(f"{output}: cannot write: {err.strerror or err}") from err
    click.echo(f"kgraph: wrote {output}", err=True)


@cli.command()
@click.argument("graph_path", metavar="GRAPH")
@_fail_on_kgraph_errors
def validate(graph_path: str) -> None:
    """Validate a graph against the SHACL shapes in ontology/shapes.ttl.

    \b
    Example:
      kgraph validate events.ttl
    """
    from .graph import load_graph, validate_graph

    report = validate_graph(load_graph(graph_path))  # a store is copied: pySHACL needs an in-memory graph
    if report.conforms:
        click.echo(f"{graph_path}: conforms to the kgraph shapes")
        return
    click.echo(report.text, err=True)
    raise UserError(f"{graph_path}: {report.violations} SHACL violation{'s' if report.violations != 1 else ''}")


@cli.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--pred", type=click.Path(exists=True, dir_okay=False), help="Score these predicted records (JSONL) instead of extracting.")
@click.option("--save-pred", type=click.Path(dir_okay=False), help="Also write the predicted records (JSONL) here.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", is_flag=True, help="List missed and spurious events per sentence.")
@click.option("--untargeted", is_flag=True, help="Also keep events whose recipient was not found.")
@click.option("--model-fr", envvar="KGRAPH_MODEL_FR", metavar="NAME", help="spaCy model for French.")
@click.option("--model-en", envvar="KGRAPH_MODEL_EN", metavar="NAME", help="spaCy model for English.")
@_fail_on_kgraph_errors
def evaluate(gold: str, pred: str | None, save_pred: str | None, as_json: bool, errors: bool, untargeted: bool,
             model_fr: str | None, model_en: str | None) -> None:
    """Precision, recall and F1 of extraction against a gold file (CONTRACT §4).

    GOLD is kgraph gold JSONL, PLOVER gold-record JSON or PETRARCH validation XML.

    \b
    Example:
      kgraph evaluate ../shared/benchmarks/seed_fr_gold.jsonl
      kgraph evaluate ../shared/benchmarks/plover_gsr_public.json --errors
      kgraph evaluate gold.jsonl --pred predictions.jsonl --json
    """
    from .evaluate import read_gold_with_warnings, read_predictions, score

    items, warnings = read_gold_with_warnings(gold)
    if warnings:
        click.echo(f"kgraph: {len(warnings)} gold warnings (first: {warnings[0]})", err=True)
    if pred:
        predictions = read_predictions(pred)
    else:
        extractor = _extractor("auto", model_fr, model_en, untargeted)
        articles = [Article(doc_id=i.id, text=i.text, lang=i.lang, date=i.date, origin=gold) for i in items if i.text.strip()]
        predictions = {}
        for result in _results(articles, extractor, "extracting"):
            predictions[result.article.doc_id] = [e.to_record() for e in result.events]
        if save_pred:
            with _output(save_pred) as out:
                for records in predictions.values():
                    for record in records:
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    report = score(items, predictions)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
        return
    click.echo(f"{gold}: {len(items)} items")
    click.echo(report.format_table())
    if errors:
        for item in report.items:
            if item.missed or item.spurious:
                click.echo(f"\n{item.id}: missed {_tuples(item.missed)}; spurious {_tuples(item.spurious)}")


def _tuples(values: Iterable[Any]) -> str:
    return ", ".join(str(v) for v in values) or "-"


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def info(as_json: bool) -> None:
    """Show the version and the spaCy model used for each language.

    \b
    Example:
      kgraph info --json
    """
    models = model_names()
    if as_json:
        click.echo(json.dumps({"version": __version__, "models": models}))
        return
    click.echo(f"kgraph {__version__}")
    for lang, name in models.items():
        click.echo(f"  {lang}: {name}")


def main() -> None:
    """Entry point of the ``kgraph`` command."""
    cli(prog_name="kgraph")


if __name__ == "__main__":
    main()
