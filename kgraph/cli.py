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
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import Any

import click

from . import __version__
from .config import SUPPORTED_LANGS, model_names
from .errors import KGraphError
from .reader import Article, Skipped, parse_date, read_inputs
from .safeio import DEFAULT_LOCK_TIMEOUT, atomic_open, check_output

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


def _store_verbs(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> None:
    ctx.meta["kgraph.verbs"] = tuple(value)


#: ``--verbs FILE``: a user verb lexicon (verbs.tsv format, e.g. from tools/import_petrarch_verbs.py).
verbs_option = click.option(
    "--verbs", multiple=True, type=click.Path(exists=True, dir_okay=False), metavar="FILE", expose_value=False,
    callback=_store_verbs, help="Add a verb lexicon file of your own (verbs.tsv format; its rows come first). Repeatable.",
)


def extraction_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by every command that reads articles."""
    options = [
        verbs_option,
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


def actor_file_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--actors FILE`` / ``--agents FILE``: extra actor and agent dictionaries (repeatable)."""
    func = click.option("--agents", "agents", multiple=True, type=click.Path(exists=True, dir_okay=False), metavar="FILE",
                        help="Extra agent (role noun) dictionary: PETRARCH .agents or kgraph agent table; repeatable.")(func)
    return click.option("--actors", "actors", multiple=True, type=click.Path(exists=True, dir_okay=False), metavar="FILE",
                        help="Extra actor dictionary (PETRARCH .actors or kgraph actor table), winning over the "
                             "built-in one; repeatable.")(func)


def _check_dictionaries(actors: tuple[str, ...], agents: tuple[str, ...]) -> None:
    """Fail before any output on a malformed --actors/--agents file (the error names file and line)."""
    from .actors.dictionary import ActorDictionary

    if actors or agents:
        ActorDictionary("en", str.split, actors=actors, agents=agents, builtin=False)


def jobs_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--jobs N``: worker processes parsing at once (default: the available cores, at most 8)."""
    return click.option(
        "-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N", envvar="KGRAPH_JOBS",
        help="Worker processes parsing at once; output is the same for every N "
             "[default: the number of cores, at most 8; env KGRAPH_JOBS].",
    )(func)


def _jobs(jobs: int | None) -> int:
    from .extract.parallel import default_jobs

    return jobs if jobs is not None else default_jobs()


def _progress(items: Iterable[Any], label: str) -> contextlib.AbstractContextManager[Iterable[Any]]:
    if sys.stderr.isatty() and not (isinstance(items, list) and len(items) < 2):
        return click.progressbar(items, label=label, file=sys.stderr, show_pos=True)
    return contextlib.nullcontext(items)


class _Articles:
    """The readable articles of the inputs, read lazily (never all held at once).

    Bad items (and unsupported languages) are reported on stderr as they are met,
    and their count once the inputs are exhausted; :attr:`read` counts the articles
    handed on so far. :meth:`any` reads ahead to the first article, so a command can
    refuse to start (and leave its output untouched) when there is none.
    """

    def __init__(self, items: Iterable[Any]) -> None:
        self._items = iter(items)
        self._ahead: list[Article] = []
        self.read = 0
        self.skipped = 0
        self._reported = False

    def _next(self) -> Article | None:
        for item in self._items:
            if isinstance(item, Skipped):
                self.skipped += 1
                click.echo(f"kgraph: skipped {item.message()}", err=True)
                continue
            return item
        if self.skipped and not self._reported:
            self._reported = True
            click.echo(f"kgraph: {self.skipped} input item{'s' if self.skipped != 1 else ''} skipped", err=True)
        return None

    def any(self) -> bool:
        """Whether there is at least one article (reads ahead to it)."""
        if not self._ahead:
            article = self._next()
            if article is not None:
                self._ahead.append(article)
        return bool(self._ahead)

    def __iter__(self) -> Iterator[Article]:
        while self._ahead or self.any():
            self.read += 1
            yield self._ahead.pop()


def _read(inputs: tuple[str, ...], extractor: Any, *, lang: str, date: str | None, strict: bool) -> _Articles:
    """The inputs' articles, read lazily; bad items (and unsupported languages) reported on stderr.

    With --strict every input is read first (and held), so that nothing is written when any item is bad.
    """
    items = extractor.screen(read_inputs(inputs, date=date, lang=None if lang == "auto" else lang))
    if not strict:
        return _Articles(items)
    held = list(items)
    skipped = [item for item in held if isinstance(item, Skipped)]
    for item in skipped:
        click.echo(f"kgraph: skipped {item.message()}", err=True)
    if skipped:
        click.echo(f"kgraph: {len(skipped)} input item{'s' if len(skipped) != 1 else ''} skipped", err=True)
        raise UserError("--strict: unreadable input, nothing written")
    return _Articles(held)


def _read_records(paths: list[str], *, strict: bool) -> list[Any]:
    """Read event-record files; report bad lines on stderr like bad articles."""
    results, skipped = [], 0
    from .records import read_records  # (loads the extraction pipeline, and spaCy: not for every command)

    for item in read_records(paths):
        if isinstance(item, Skipped):
            skipped += 1
            click.echo(f"kgraph: skipped {item.message()}", err=True)
        else:
            results.append(item)
    if skipped:
        click.echo(f"kgraph: {skipped} event record{'s' if skipped != 1 else ''} skipped", err=True)
        if strict:
            raise UserError("--strict: unreadable event records, nothing written")
    return results


def _extractor(lang: str, model_fr: str | None, model_en: str | None, untargeted: bool = False,
               actors: tuple[str, ...] = (), agents: tuple[str, ...] = (), *, trace: bool = False, jobs: int | None = 1):
    from .extract import Extractor

    _check_dictionaries(actors, agents)
    context = click.get_current_context(silent=True)
    verbs = context.meta.get("kgraph.verbs", ()) if context is not None else ()
    return Extractor(lang=lang, models={"fr": model_fr, "en": model_en}, untargeted=untargeted, trace=trace, verbs=verbs,
                     actors=actors, agents=agents, jobs=_jobs(jobs))


def _results(articles: Iterable[Article], extractor: Any, label: str) -> Iterator[Any]:
    with _progress(articles, label) as bar:
        yield from extractor.extract_many(bar)


def _output(path: str | None) -> contextlib.AbstractContextManager[io.TextIOBase]:
    """stdout (``None`` or ``-``), or a file written to a temporary name and renamed on success."""
    if path not in (None, "-"):
        check_output(path)  # fail before any work on a path that cannot be written
    return atomic_open(path, "w")


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
@click.option("--explain", is_flag=True,
              help="Add to each record the lexicon row and rules that made it, and print on stderr every "
                   "trigger considered, how each actor was resolved and why no event was made.")
@extraction_options
@actor_file_options
@jobs_option
@_fail_on_kgraph_errors
def extract(inputs: tuple[str, ...], output: str | None, fmt: str, explain: bool, lang: str, date: str | None, strict: bool,
            untargeted: bool, model_fr: str | None, model_en: str | None, actors: tuple[str, ...] = (),
            agents: tuple[str, ...] = (), jobs: int | None = None) -> None:
    """Extract events from news text, one record per line.

    INPUT is a .txt article, a .jsonl file (one article a line), a directory
    (read recursively) or - for stdin.

    \b
    Example:
      kgraph extract examples/rt_fr_turquie_s400.txt
      kgraph extract news/ --format tsv -o events.tsv
      echo "Russia condemned the US strike on Syria." | kgraph extract - --lang en
      kgraph extract news.txt --explain          # why each event was (or was not) found
      kgraph extract news.jsonl --actors my.actors.txt --agents my.agents.txt
      kgraph extract news/ --jobs 2 -o events.jsonl
    """
    from .records import record_of

    extractor = _extractor(lang, model_fr, model_en, untargeted, actors, agents, trace=explain, jobs=jobs)
    out_cm = _output(output)
    articles = _read(inputs, extractor, lang=lang, date=date, strict=strict)
    if not articles.any():
        raise UserError(f"no article could be read from {', '.join(inputs)}")
    count = 0
    try:
        with out_cm as out:
            writer = csv.writer(out, delimiter="\t", lineterminator="\n") if fmt == "tsv" else None
            if writer:
                writer.writerow(TSV_COLUMNS)
            for result in _results(articles, extractor, "extracting"):
                if explain:
                    for candidate in result.candidates:
                        click.echo(f"kgraph: explain {result.article.doc_id} {candidate.describe()}", err=True)
                for event in result.events:
                    record = record_of(event, result.article, result.lang, explain=explain)
                    count += 1
                    if writer:
                        writer.writerow(_tsv_row(record))
                    else:
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    except BrokenPipeError:  # `kgraph extract … | head`
        sys.stderr.close()
        os._exit(0)
    click.echo(f"kgraph: {count} events from {articles.read} articles", err=True)


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
              help="Graph file (.ttl .trig .nt .nq .jsonld), store directory, or - for Turtle on stdout.")
@click.option("--append", is_flag=True, help="Merge into the existing graph instead of replacing it.")
@click.option("--allow-empty", is_flag=True, help="Allow replacing an existing graph with one that has no event.")
@click.option("--lock-timeout", type=click.FloatRange(min=0), default=DEFAULT_LOCK_TIMEOUT, show_default=True,
              metavar="SECONDS", help="How long to wait while another kgraph process writes the same graph.")
@extraction_options
@actor_file_options
@jobs_option
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine's processes (--jobs); dask: a Dask distributed cluster.")
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="With --engine dask: the scheduler of a running cluster (default: a local cluster of --jobs workers).")
@_fail_on_kgraph_errors
def build(inputs: tuple[str, ...], graph_path: str, append: bool, allow_empty: bool, lock_timeout: float, lang: str,
          date: str | None, strict: bool, untargeted: bool, model_fr: str | None, model_en: str | None,
          actors: tuple[str, ...] = (), agents: tuple[str, ...] = (), jobs: int | None = None, engine: str = "local",
          scheduler: str | None = None) -> None:
    """Extract events and merge them into an RDF graph.

    INPUT is read as for extract; a .jsonl file of event records (what
    extract writes, recognised by its event_id and action fields) is built
    without parsing again.

    The same event built twice, or reported by two articles, is one node
    (with one mention per report): --append never duplicates. Two builds of
    the same graph at once take turns (a lock beside the graph). A directory
    is used only if it is a kgraph store; an existing graph is never replaced
    when no article could be read, nor by a graph without events unless
    --allow-empty.

    \b
    Example:
      kgraph build examples/ -o events.ttl
      kgraph build more_news.jsonl -o events.ttl --append
      kgraph build news/ -o store/            # a store directory
      kgraph build news/ -o - | head          # Turtle on stdout
      kgraph extract news/ -o events.jsonl && kgraph build events.jsonl -o events.ttl
      kgraph build news/ -o store/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    from .graph import GraphBuilder, write_graph
    from .graph.store import TEXT_FORMATS, graph_format

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    graph_format(graph_path)  # fail early on an unknown extension or a foreign directory
    if graph_path != "-" and graph_format(graph_path) != "store":
        check_output(graph_path)
    from .records import is_record_file

    record_files = [i for i in inputs if is_record_file(i)]  # event records: built without parsing
    texts = tuple(i for i in inputs if i not in record_files)
    extractor = _extractor(lang, model_fr, model_en, untargeted, actors, agents, jobs=jobs)
    articles = _read(texts, extractor, lang=lang, date=date, strict=strict)
    built = _read_records(record_files, strict=strict)
    if not articles.any() and not built:
        raise UserError(f"no article could be read from {', '.join(inputs)}; {graph_path} left untouched")
    if built and engine == "dask":
        raise UserError("--engine dask parses articles; build event-record files without it")
    builder = GraphBuilder(models=extractor.models if texts else None)
    notify = lambda message: click.echo(f"kgraph: {message}", err=True)  # noqa: E731
    if engine == "dask":
        before, after, mentions = _build_on_cluster(articles, extractor, builder, graph_path, append=append,
                                                    allow_empty=allow_empty, lock_timeout=lock_timeout,
                                                    notify=notify, scheduler=scheduler, workers=_jobs(jobs))
    elif graph_format(graph_path) == "store" and not append:  # streamed: batches bulk-loaded as they come
        from .graph.store import stream_store
        from .graph.writer import BATCH_ARTICLES, QuadWriter

        # N-Quads text straight from the events, no rdflib graph; no tally of every event (memory would grow
        # with the corpus): the dyad summaries are recounted from the store once it is loaded
        writer = QuadWriter(models=builder.models, tally=False)
        batches = writer.batches(chain(built, _results(articles, extractor, "building")), size=BATCH_ARTICLES)
        before, after = stream_store(batches, graph_path, allow_empty=allow_empty, lock_timeout=lock_timeout,
                                     notify=notify)
        mentions = writer.mentions
    elif graph_format(graph_path) in TEXT_FORMATS and not append:  # Turtle, N-Triples, N-Quads, TriG: no rdflib graph
        from .graph.store import write_text
        from .graph.writer import QuadWriter

        writer = QuadWriter(models=builder.models)
        mentions = writer.add_results(chain(built, _results(articles, extractor, "building")))
        before, after = write_text(writer, graph_path, allow_empty=allow_empty, lock_timeout=lock_timeout,
                                   notify=notify)
    else:
        mentions = builder.add_results(built)
        mentions += builder.add_results(_results(articles, extractor, "building"))
        before, after = write_graph(builder.graph, graph_path, append=append, allow_empty=allow_empty,
                                    lock_timeout=lock_timeout, notify=notify)
    click.echo(
        f"kgraph: {articles.read + len(built)} articles, {mentions} event mentions, "
        f"{after} triples ({after - before:+d}) -> {graph_path}",
        err=True,
    )


def _build_on_cluster(articles: Iterable[Article], extractor: Any, builder: Any, graph_path: str, *, append: bool,
                      allow_empty: bool, lock_timeout: float, notify: Callable[[str], None], scheduler: str | None,
                      workers: int) -> tuple[int, int, int]:
    """``build --engine dask``: shards from the cluster, bulk-loaded into a store or gathered for a file."""
    from .graph import new_graph, write_graph
    from .graph.builder import recount
    from .graph.cluster import cluster_shards
    from .graph.dyads import EventTally, summarise_dyads
    from .graph.named import add_nquads
    from .graph.store import graph_format, stream_store

    mentions = 0
    tally = EventTally()  # the shards' dyad tallies, joined

    def shards() -> Iterator[bytes]:
        nonlocal mentions
        for shard in cluster_shards(extractor, articles, models=builder.models, scheduler=scheduler, workers=workers):
            mentions += shard.mentions
            tally.merge(shard.dyads)
            yield shard.nquads

    if graph_format(graph_path) == "store" and not append:
        # the summaries from the joined tallies, read once every shard is in (else recomputed over the store)
        before, after = stream_store(shards(), graph_path, allow_empty=allow_empty, lock_timeout=lock_timeout,
                                     notify=notify, dyads=tally)
        return before, after, mentions
    graph = new_graph()
    for data in shards():
        add_nquads(graph, data)
    recount(graph)  # an event or a pair of actors reported in two shards: counts and summaries over all of them
    summarise_dyads(graph)
    before, after = write_graph(graph, graph_path, append=append, allow_empty=allow_empty, lock_timeout=lock_timeout,
                                notify=notify)
    return before, after, mentions


@cli.command()
@click.argument("graph_path", metavar="GRAPH", required=False)
@click.argument("query_text", metavar="QUERY", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(exists=True, dir_okay=False), help="Read the query from a .rq file.")
@click.option("--name", help="Run a query shipped with kgraph (see --list).")
@click.option("--list", "list_", is_flag=True, help="List the shipped queries and exit.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Set a parameter the query declares (# @param lines; see --list). Repeatable.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="table rounds numbers for reading; csv and json keep them exact.")
@click.option("--engine", type=click.Choice(["auto", "rdflib", "oxigraph"]), default="auto", show_default=True,
              help="auto: Oxigraph for stores and for graph files of 1 MB or more, rdflib for smaller files.")
@_fail_on_kgraph_errors
def query(graph_path: str | None, query_text: str | None, query_file: str | None, name: str | None, list_: bool,
          params: tuple[str, ...], fmt: str, engine: str) -> None:
    """Run a SPARQL 1.1 query over a graph file or store.

    The prefixes kg:, actor:, rel:, cameo:, event:, skos:, rdfs:, prov: and
    xsd: are predeclared.

    \b
    Example:
      kgraph query events.ttl "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
      kgraph query events.ttl "SELECT ?t WHERE { actor:USA rel:reduceRelations ?t }"
      kgraph query events.ttl --name dyads --format csv
      kgraph query events.ttl --name between --param a=RUS --param b=UKR
      kgraph query --list
    """
    from .graph.query import SavedQuery, bind_params, format_result, parse_params, shipped_queries, shipped_query
    from .graph.store import query_graph

    if list_:
        for key, description in shipped_queries().items():
            click.echo(f"{key:22} {description}")
            for param in SavedQuery.parse(shipped_query(key), key).params.values():
                click.echo(f"{'':24}--param {param.name}=<{param.type}>  (default {param.default}) {param.doc}")
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
    text = bind_params(text, parse_params(params), name or query_file or "query")
    result = query_graph(graph_path, text, engine=engine)
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
@click.option("-o", "--output", required=True, metavar="FILE", help="Output file, or - for stdout.")
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
    if output != "-":
        check_output(output)  # fail before reading the graph
    options = dict(level=level, label_lang=label_lang, dynamic=dynamic, bin=bin_, bipartite=bipartite,
                   min_weight=min_weight, roots=roots, since=since, until=until, top=top, header=header)
    from .export.rdf import stream_file

    try:  # an N-Triples or Turtle file to nt, ttl or jsonld: straight from the parser, no store
        streamed = stream_file(graph_path, name, output)
    except OSError as err:
        raise UserError(f"{output}: cannot write: {err.strerror or err}") from err
    if streamed:
        click.echo(f"kgraph: wrote {output}", err=True)
        return
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
@click.option("--by-rule", is_flag=True,
              help="Precision of each extraction rule, lexicon-row kind and actor-resolution route of the "
                   "explain trace, weakest first (with --pred: records written by 'kgraph extract --explain'; "
                   "with --save-pred the records keep that trace).")
@click.option("--untargeted", is_flag=True, help="Also keep events whose recipient was not found.")
@click.option("--article-context", is_flag=True,
              help="Read consecutive lines of one article (same language and date, ids differing only after "
                   "their last '-', like seed-01, seed-02) as that article, so pronouns and titles carry over.")
@click.option("--model-fr", envvar="KGRAPH_MODEL_FR", metavar="NAME", help="spaCy model for French.")
@click.option("--model-en", envvar="KGRAPH_MODEL_EN", metavar="NAME", help="spaCy model for English.")
@verbs_option
@actor_file_options
@jobs_option
@_fail_on_kgraph_errors
def evaluate(gold: str, pred: str | None, save_pred: str | None, as_json: bool, errors: bool, untargeted: bool,
             model_fr: str | None, model_en: str | None, actors: tuple[str, ...] = (), agents: tuple[str, ...] = (),
             jobs: int | None = None, article_context: bool = False, by_rule: bool = False) -> None:
    """Precision, recall and F1 of extraction against a gold file (CONTRACT §4).

    GOLD is kgraph gold JSONL, PLOVER gold-record JSON or PETRARCH validation XML.

    \b
    Example:
      kgraph evaluate ../shared/benchmarks/seed_fr_gold.jsonl --article-context
      kgraph evaluate ../shared/benchmarks/plover_gsr_public.json --errors
      kgraph evaluate gold.jsonl --pred predictions.jsonl --json
      kgraph evaluate gold.jsonl --by-rule                # which rules make the false positives
      kgraph evaluate PETR.UnitTest.records.xml --actors PETR.Validate.actors.txt --agents PETR.Validate.agents.txt
    """
    from .evaluate import read_gold_with_warnings, read_predictions, score
    from .evaluate.analysis import analyse
    from .evaluate.predict import predict

    candidates: dict[str, Any] = {}
    items, warnings = read_gold_with_warnings(gold)
    if warnings:
        click.echo(f"kgraph: {len(warnings)} gold warnings (first: {warnings[0]})", err=True)
    if pred:
        predictions = read_predictions(pred)
    else:
        extractor = _extractor("auto", model_fr, model_en, untargeted, actors, agents, trace=errors, jobs=jobs)
        out_cm = _output(save_pred) if save_pred else None
        predictions, candidates = predict(items, extractor, origin=gold, context=article_context, explain=by_rule,
                                          progress=lambda articles: _results(articles, extractor, "extracting"))
        if out_cm is not None:
            with out_cm as out:
                for records in predictions.values():
                    for record in records:
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    report = score(items, predictions)
    analysis = analyse(items, report, candidates)
    rule_rows = _by_rule(items, predictions) if by_rule else None
    if as_json:
        extra = {"by_rule": [row.to_dict() for row in rule_rows]} if rule_rows is not None else {}
        click.echo(json.dumps({**report.to_dict(), "analysis": analysis.to_dict(), **extra}, ensure_ascii=False, indent=1))
        return
    click.echo(f"{gold}: {len(items)} items")
    click.echo(report.format_table())
    click.echo(f"predictions per sentence {analysis.per_sentence:.2f}; false alarms on sentences without gold "
               f"events {analysis.false_alarms}/{analysis.empty_items} ({analysis.false_alarm_rate:.1%})")
    click.echo("\nper CAMEO root (gold tuples by their first root, predictions by theirs):")
    click.echo(analysis.format_roots())
    if rule_rows is not None:
        from .evaluate.byrule import format_by_rule

        click.echo("\nby rule (scored predictions each rule, lexicon-row kind or actor route took part in; "
                   "weakest first):")
        click.echo(format_by_rule(rule_rows))
    if errors:
        _print_errors(report, analysis, {item.id: item.text for item in items})


def _by_rule(items: Any, predictions: dict[str, Any]) -> list[Any]:
    """The rows of ``--by-rule``, with a note on stderr when the records carry no explain trace."""
    from .evaluate.byrule import by_rule

    known = {item.id for item in items}
    records = [r for doc_id, rs in predictions.items() if doc_id in known for r in rs]
    if records and not any("explain" in r for r in records):
        click.echo("kgraph: the predicted records have no explain trace (write them with 'kgraph extract "
                   "--explain'): only the actor routes are counted", err=True)
    return by_rule(items, predictions)


def _tuples(values: Iterable[Any]) -> str:
    return ", ".join(str(v) for v in values) or "-"


def _gold_str(tup: Any) -> str:
    return f"{tup.source} —{'/'.join(tup.roots)}→ {tup.target or '∅'}"


def _print_errors(report: Any, analysis: Any, texts: dict[str, str]) -> None:
    """Misses grouped by cause (with the triggers the rules considered), then spurious predictions."""
    causes = analysis.causes()
    click.echo("\nmisses by cause: " + ", ".join(f"{cause} {n}" for cause, n in causes.most_common()))
    for cause, _ in causes.most_common():
        click.echo(f"\n== {cause}")
        for miss in (m for m in analysis.misses if m.cause == cause):
            click.echo(f"{miss.item}: missed {_gold_str(miss.gold)} | {miss.text}")
            for candidate in miss.candidates:
                click.echo(f"    {candidate.describe()}")
    spurious = [(item.id, p) for item in report.items for p in item.spurious]
    click.echo(f"\n== spurious {len(spurious)}")
    for item_id, pred in spurious:
        click.echo(f"{item_id}: {pred.source} —{pred.root}→ {pred.target or '∅'} | {texts.get(item_id, '')}")


@cli.group()
def actors() -> None:
    """Actor dictionaries: check how names and phrases resolve.

    \b
    Example:
      kgraph actors lookup "la police turque" "Nato" --lang fr
    """


@actors.command(name="lookup")
@click.argument("texts", nargs=-1, required=True, metavar="TEXT...")
@click.option("--date", "date", callback=_validate_date, metavar="YYYY-MM-DD",
              help="Resolve people by the office they held on this date.")
@click.option("--lang", type=click.Choice(["auto", *SUPPORTED_LANGS]), default="auto", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object a line instead of a table.")
@click.option("--model-fr", envvar="KGRAPH_MODEL_FR", metavar="NAME", help="spaCy model for French.")
@click.option("--model-en", envvar="KGRAPH_MODEL_EN", metavar="NAME", help="spaCy model for English.")
@actor_file_options
@_fail_on_kgraph_errors
def actors_lookup(texts: tuple[str, ...], date: str | None, lang: str, as_json: bool, model_fr: str | None,
                  model_en: str | None, actors: tuple[str, ...] = (), agents: tuple[str, ...] = ()) -> None:
    """How actor phrases resolve: code, country, sector, label, Wikidata id, rule.

    TEXT - reads JSON lines {"text", "lang", "date"} from stdin and writes one
    JSON result a line; an unresolvable phrase gives "code": null.

    \b
    Example:
      kgraph actors lookup "Donald Tusk" --date 2017-05-01
      kgraph actors lookup "la police turque" "les étudiants à Ankara" --lang fr --json
      echo '{"text": "Nato", "lang": "en"}' | kgraph actors lookup -
    """
    from .actors.lookup import ActorLookup

    lookup = ActorLookup(_extractor(lang, model_fr, model_en, False, actors, agents))
    if texts == ("-",):
        for number, line in enumerate(sys.stdin, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                if not isinstance(item, dict):
                    raise ValueError("not a JSON object")
            except ValueError as err:
                raise UserError(f"<stdin>:{number}: not a JSON object with a 'text' ({err})") from None
            item_date = item.get("date") or date
            try:
                item_date = parse_date(item_date) if item_date else None
            except ValueError as err:
                raise UserError(f"<stdin>:{number}: {err}") from None
            result = lookup.lookup(str(item.get("text") or ""), lang=item.get("lang") or lang, date=item_date)
            click.echo(json.dumps(result.to_record(), ensure_ascii=False))
        return
    for text in texts:
        result = lookup.lookup(text, lang=lang, date=date)
        if as_json:
            click.echo(json.dumps(result.to_record(), ensure_ascii=False))
        else:
            click.echo(f"{text}\t{result.code or '-'}\t{result.label or ''}\t{result.rule or 'unresolved'}")


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


def _terminate(signum: int, frame: Any) -> None:
    """SIGTERM: unwind like Ctrl-C, so temporary files are removed and nothing is left half-written."""
    raise SystemExit(128 + signum)


def main() -> None:
    """Entry point of the ``kgraph`` command."""
    signal.signal(signal.SIGTERM, _terminate)
    cli(prog_name="kgraph")


if __name__ == "__main__":
    main()
