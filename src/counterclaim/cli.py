"""The ``counterclaim`` command line: a thin click layer over the Python API.

Each command parses its options, calls one function of the library and prints
the result. The logic lives in the library modules, never here.

Exit codes (all commands):

    0  every input was processed
    1  some inputs failed (each failure is reported; the run went on)
    2  every input failed, or the command was used wrongly
"""

from __future__ import annotations

import json
import logging
import sys
import time
from itertools import islice
from typing import Any, Optional

import click

from counterclaim import __version__

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_ALL_FAILED = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="counterclaim")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Configuration file (TOML or YAML); default $COUNTERCLAIM_CONFIG. See `counterclaim config`.")
def main(config_path: Optional[str]) -> None:
    """counterclaim: who claimed what, who denied it, when and where.

    Reads news articles and prints a sourced record: attributed statements,
    actors, dates, events and disputes, each with character offsets into the text.

    Exit codes: 0 all ok, 1 some documents failed, 2 all failed or usage error.

    Example: counterclaim analyze article.txt --published 2023-12-27
    """
    from counterclaim.config import load_config, set_config
    from counterclaim.errors import ConfigError

    try:
        config = load_config(config_path)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    set_config(config)
    config.export_environment()
    logging.basicConfig(level=getattr(logging, config.log_level), format="counterclaim: %(levelname)s: %(message)s")


def _color(config: Any) -> Optional[bool]:
    """click.echo's ``color``: None lets click decide (colours only on a terminal)."""
    return {"always": True, "never": False}.get(config.color)


def _published(ctx: click.Context, param: click.Parameter, value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    from counterclaim.ingest import normalise_date

    try:
        return normalise_date(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _is_collection_item(item: Any) -> bool:
    from counterclaim.errors import IngestError

    if isinstance(item, IngestError):
        return item.line is not None
    return getattr(item, "source_format", "") == "jsonl"


def _too_long(item: Any, max_chars: int) -> Any:
    """A document longer than ``max_chars`` becomes an error item (spaCy would fail on it later, less clearly)."""
    from counterclaim.errors import IngestError
    from counterclaim.model import Document

    if isinstance(item, Document) and len(item.text) > max_chars:
        return IngestError("E009", id=item.id, path=item.id, chars=len(item.text), max_chars=max_chars)
    return item


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--published", callback=_published, metavar="DATE",
              help="Publication date (YYYY-MM-DD) of a single article, and the default for JSONL lines without one; anchors relative dates.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: a readable report; json: the analysis contract (one object, or JSON Lines for collections).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, summary or per-document warnings on stderr.")
def analyze(paths: tuple[str, ...], published: Optional[str], fmt: str, quiet: bool) -> None:
    """Analyse articles: statements, actors, dates, events and disputes.

    PATH is a text (.txt) or HTML (.html) article, a JSONL collection (one
    {"id", "text", "title"?, "published"?, "url"?} per line), a directory of these,
    or - for standard input. One article prints one JSON object (--format json);
    a collection prints JSON Lines, one object per input document in input order;
    a document that fails prints {"document": {"id": ...}, "error": ...} and the run goes on.

    Exit codes: 0 all ok, 1 some documents failed, 2 all failed or usage error.

    Example: counterclaim analyze article.txt --published 2023-12-27 --format json
    """
    from counterclaim import ingest
    from counterclaim.config import get_config
    from counterclaim.errors import IngestError, ModelError
    from counterclaim.pipeline import BatchStats, analyze_many
    from counterclaim.report import render_error, render_text

    config = get_config()
    color = _color(config)
    try:
        stream = ingest.load(list(paths), published=published)
        files = ingest.expand_paths(paths)
    except IngestError as exc:
        raise click.UsageError(str(exc)) from None
    stream = (_too_long(item, config.max_chars) for item in stream)
    head = list(islice(stream, 2))
    single = len(head) == 1 and len(files) == 1 and not _is_collection_item(head[0])
    if not head:
        raise click.UsageError("no documents to analyse in " + ", ".join(paths))

    def items():
        yield from head
        yield from stream

    show_bar = (not single and not quiet and config.progress and sys.stderr.isatty() and not sys.stdout.isatty())
    total = None
    if show_bar:
        try:
            total = ingest.count_inputs(paths)
        except (IngestError, OSError):
            total = None
    stats = BatchStats()
    ok = failed = 0
    t0 = time.perf_counter()
    results = analyze_many(items(), batch_size=config.batch_size, n_process=config.n_process, stats=stats)
    bar = click.progressbar(length=total, label="analysing", file=sys.stderr) if show_bar and total else None
    try:
        if bar is not None:
            bar.__enter__()
        for result in results:
            if result.ok:
                ok += 1
            else:
                failed += 1
                if not quiet and not single:
                    click.echo(f"counterclaim: {result.id}: {result.error}", err=True)
            if fmt == "json":
                record = result.to_dict()
                click.echo(json.dumps(record, ensure_ascii=False, indent=2 if single else None))
            elif result.ok:
                if not single:
                    click.echo(click.style("─" * 60, dim=True), color=color)
                click.echo(render_text(result.analysis), color=color, nl=False)
            else:
                click.echo(render_error(result.id, result.error or ""), color=color, nl=False)
            if bar is not None:
                bar.update(1)
    except (ImportError, ModelError, RuntimeError, OSError) as exc:
        # the NLP pipeline itself could not be loaded: nothing can be analysed
        if bar is not None:
            bar.__exit__(None, None, None)
            bar = None
        click.echo(str(exc) if isinstance(exc, ModelError) else str(ModelError("E040", reason=f"{type(exc).__name__}: {exc}")), err=True)
        sys.exit(EXIT_ALL_FAILED)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    if single and failed:
        click.echo(f"counterclaim: {stats.errors[0] if stats.errors else 'analysis failed'}", err=True)
    elif not single and not quiet:
        dt = time.perf_counter() - t0
        click.echo(f"counterclaim: analysed {ok + failed} documents in {dt:.1f} s"
                   + (f", {failed} failed" if failed else ""), err=True)
    if failed and not ok:
        sys.exit(EXIT_ALL_FAILED)
    if failed:
        sys.exit(EXIT_SOME_FAILED)


@main.command("config")
def config_command() -> None:
    """Show every configuration key, its value and where the value came from.

    Values come from the defaults, then the --config file (or $COUNTERCLAIM_CONFIG),
    then COUNTERCLAIM_<KEY> environment variables.

    Example: COUNTERCLAIM_BATCH_SIZE=64 counterclaim config
    """
    from counterclaim.config import get_config

    for key, value, source, doc in get_config().explain():
        click.echo(f"{key} = {value!r}  [{source}]")
        click.echo(f"    {doc}")


@main.group("eval")
def eval_group() -> None:
    """Score counterclaim's stages against gold data (the data path is an argument; nothing is bundled).

    Example: counterclaim eval time /path/to/tbaq-cleaned
    """


@eval_group.command("time")
@click.argument("data", type=click.Path(exists=True, file_okay=False))
@click.option("--systems", default="counterclaim,dateparser", show_default=True,
              help="Comma-separated systems to score: counterclaim, dateparser (the peer).")
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True)
def eval_time_command(data: str, systems: str, fmt: str) -> None:
    """TempEval-3 scores for time expressions on TimeML files (relaxed/strict span F1, type, value F1).

    Example: counterclaim eval time ../shared/data/time/tbaq-cleaned --systems counterclaim
    """
    from counterclaim.evaluation.time import evaluate, markdown_table

    try:
        results = evaluate(data, [s.strip() for s in systems.split(",") if s.strip()])
    except (ValueError, FileNotFoundError) as exc:
        raise click.UsageError(str(exc)) from None
    if fmt == "json":
        click.echo(json.dumps({name: sc.as_dict() for name, sc in results.items()}, indent=2))
    else:
        click.echo(markdown_table(results))


if __name__ == "__main__":  # pragma: no cover
    main()
