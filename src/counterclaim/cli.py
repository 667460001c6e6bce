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
import os
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
    return getattr(item, "source_format", "") in ("jsonl", "feed")


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
@click.option("--quiet", "-q", is_flag=True,
              help="No progress bar, summary or per-document warnings on stderr. (The bar shows on collections "
                   "only when stderr is a terminal and stdout is redirected.)")
def analyze(paths: tuple[str, ...], published: Optional[str], fmt: str, quiet: bool) -> None:
    """Analyse articles: statements, actors, dates, events and disputes.

    PATH is a text (.txt) or HTML (.html) article, a JSONL collection (one
    {"id", "text", "title"?, "published"?, "url"?} per line), an RSS/Atom feed
    (.rss/.atom), a directory of these, or - for standard input. One article prints one JSON object (--format json);
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
    if config.log_level == "WARNING":  # each failed document is reported below; don't log it twice
        logging.getLogger("counterclaim.pipeline").setLevel(logging.ERROR)
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

    def next_result() -> Any:
        try:
            return next(results)
        except StopIteration:
            return None
        except (ImportError, ModelError, RuntimeError, OSError) as exc:
            # not one document's failure (those come back as items): the NLP pipeline cannot run at all
            if bar is not None:
                bar.render_finish()
            click.echo(str(exc) if isinstance(exc, ModelError) else str(ModelError("E040", reason=f"{type(exc).__name__}: {exc}")), err=True)
            sys.exit(EXIT_ALL_FAILED)

    try:
        if bar is not None:
            bar.__enter__()
        while (result := next_result()) is not None:
            if result.ok:
                ok += 1
            else:
                failed += 1
                if not quiet and not single:
                    clear = "\r\x1b[K" if bar is not None else ""  # wipe the bar's line first
                    click.echo(f"{clear}counterclaim: {result.id}: {result.error}", err=True)
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
    except BrokenPipeError:
        # the reader went away (`| head`): stop quietly, as Python's documentation recommends
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_SOME_FAILED)
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


# --------------------------------------------------------------------------- store, web UI, exports (counterclaim.store/web/export)

_DB_HELP = "SQLite file or postgresql:// URL; default $COUNTERCLAIM_DB (config key db), else counterclaim.db."


def _open_store(db: Optional[str], *, readonly: bool) -> Any:
    from counterclaim.store import StoreError, open_store

    try:
        return open_store(db, readonly=readonly)
    except StoreError as exc:
        click.echo(f"counterclaim: {exc}", err=True)
        sys.exit(EXIT_ALL_FAILED)


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--db", default=None, metavar="PATH|URL", help=_DB_HELP)
@click.option("--published", callback=_published, metavar="DATE",
              help="Publication date (YYYY-MM-DD) for inputs that carry none; anchors relative dates.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary on stderr (failures are still reported).")
def ingest_command(paths: tuple[str, ...], db: Optional[str], published: Optional[str], quiet: bool) -> None:
    """Analyse articles and store every record (statements, actors, events, disputes...) in a database.

    One transaction per document; ids are content hashes, so ingesting the same
    articles again changes nothing. A document that fails is reported and the run
    goes on. Exit codes: 0 all stored, 1 some failed, 2 all failed.

    Example: counterclaim ingest articles/ collection.jsonl --db counterclaim.db
    """
    from counterclaim import ingest
    from counterclaim.config import get_config
    from counterclaim.errors import IngestError, ModelError
    from counterclaim.store.loader import ingest_paths

    config = get_config()
    try:
        total = ingest.count_inputs(paths)
    except (IngestError, OSError) as exc:
        raise click.UsageError(str(exc)) from None
    show_bar = not quiet and config.progress and sys.stderr.isatty() and bool(total)
    with _open_store(db, readonly=False) as store:
        bar = click.progressbar(length=total, label="ingesting", file=sys.stderr) if show_bar else None

        def on_done(doc_id: str, error: Optional[str]) -> None:
            if error is not None:
                click.echo(f"counterclaim: {doc_id}: {error}", err=True)
            if bar is not None:
                bar.update(1)

        try:
            if bar is not None:
                bar.__enter__()
            report = ingest_paths(store, paths, published=published, max_chars=config.max_chars, on_done=on_done,
                                  batch_size=config.batch_size, n_process=config.n_process)
        except IngestError as exc:
            raise click.UsageError(str(exc)) from None
        except (ImportError, ModelError, RuntimeError, OSError) as exc:
            click.echo(str(exc) if isinstance(exc, ModelError) else str(ModelError("E040", reason=f"{type(exc).__name__}: {exc}")), err=True)
            sys.exit(EXIT_ALL_FAILED)
        finally:
            if bar is not None:
                bar.__exit__(None, None, None)
        if not quiet:
            click.echo(f"counterclaim: {report.summary()} -> {store.where}", err=True)
    sys.exit(report.exit_code)


@main.command("statements")
@click.option("--speaker", metavar="NAME", help="Resolved speaker name or source words (case-insensitive substring).")
@click.option("--act", type=click.Choice(["claim", "denial", "threat", "vow", "accusation", "condemnation", "admission",
                                          "confirmation", "report", "no_comment", "demand", "belief", "other"]),
              help="Speech act.")
@click.option("--kind", type=click.Choice(["direct", "indirect", "mixed", "headline", "according_to", "nominal", "other"]),
              help="Statement kind.")
@click.option("--document", "document_id", metavar="ID", help="Only statements of this document.")
@click.option("--search", "-s", "q", metavar="WORDS", help="Full-text search in what was said.")
@click.option("--top-level", is_flag=True,
              help="Only statements no other statement reports: leave out those an article relays inside another "
                   "(\"according to X, Y said …\": Y's statement).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many statements.")
@click.option("--db", default=None, metavar="PATH|URL", help=_DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: readable lines; json: JSON Lines, one contract statement (with its document) per line.")
def statements_command(speaker: Optional[str], act: Optional[str], kind: Optional[str], document_id: Optional[str],
                       q: Optional[str], top_level: bool, limit: Optional[int], db: Optional[str], fmt: str) -> None:
    """Find stored statements by speaker, speech act, document or words.

    Example: counterclaim statements --speaker hamas --act denial --db counterclaim.db
    """
    from counterclaim.store.render import format_hits

    with _open_store(db, readonly=True) as store:
        hits = store.statements(speaker=speaker, act=act, document=document_id, q=q, kind=kind, top_level=top_level,
                                limit=limit)
    if fmt == "json":
        for h in hits:
            click.echo(json.dumps(h.to_dict(), ensure_ascii=False))
    else:
        click.echo(format_hits(hits))


@main.command("show")
@click.argument("doc_id")
@click.option("--db", default=None, metavar="PATH|URL", help=_DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: the readable report; json: the stored analysis (the contract object).")
def show_command(doc_id: str, db: Optional[str], fmt: str) -> None:
    """Show the stored analysis of one document.

    Example: counterclaim show fnc1-train-0 --db counterclaim.db --format json
    """
    from counterclaim.config import get_config
    from counterclaim.report import render_text
    from counterclaim.store import DocumentNotFound

    with _open_store(db, readonly=True) as store:
        try:
            analysis = store.document(doc_id)
        except DocumentNotFound as exc:
            click.echo(f"counterclaim: {exc}", err=True)
            sys.exit(EXIT_ALL_FAILED)
    if fmt == "json":
        click.echo(analysis.to_json(indent=2))
    else:
        click.echo(render_text(analysis), color=_color(get_config()), nl=False)


@main.command("serve")
@click.option("--db", default=None, metavar="PATH|URL", help=_DB_HELP)
@click.option("--host", default=None, help="Address to listen on; default config key web_host (127.0.0.1).")
@click.option("--port", type=click.IntRange(0, 65535), default=None, help="Port; default config key web_port (8000).")
def serve_command(db: Optional[str], host: Optional[str], port: Optional[int]) -> None:
    """Serve a read-only web UI and JSON API over the store (documents, highlighted statements, disputes).

    Example: counterclaim serve --db counterclaim.db --port 8000
    """
    from counterclaim.config import get_config
    from counterclaim.store import StoreError
    from counterclaim.web import serve

    config = get_config()
    try:
        serve(db, host or config.web_host, config.web_port if port is None else port)
    except (StoreError, OSError) as exc:
        click.echo(f"counterclaim: {exc}", err=True)
        sys.exit(EXIT_ALL_FAILED)


@main.command("export")
@click.option("--db", default=None, metavar="PATH|URL", help=_DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "metadata"]), default="jsonl", show_default=True,
              help="jsonl: analyses.jsonl of contract objects; csv: one file per record type with offsets, "
                   "plus metadata.json; metadata: only Datasette's metadata.json.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Directory to write into (created).")
def export_command(db: Optional[str], fmt: str, out_dir: str) -> None:
    """Export the store as JSON Lines or CSV files (or Datasette metadata).

    Example: counterclaim export --db counterclaim.db --format csv --out export/
    """
    import os

    from counterclaim.export import export

    with _open_store(db, readonly=True) as store:
        name = os.path.splitext(os.path.basename(db))[0] if db and "://" not in db else "counterclaim"
        counts = export(store, fmt, out_dir, database=name)
    for fname, n in counts.items():
        click.echo(f"{os.path.join(out_dir, fname)}\t{n}")


@main.command("stance")
@click.argument("path", type=click.File("r", encoding="utf-8"))
def stance_command(path: Any) -> None:
    """Stance of texts toward claims: agree, disagree, discuss or unrelated.

    PATH is a JSONL file (or - for stdin), one {"id", "claim", "text"} per line; prints JSON Lines
    {"id", "stance"} in input order. A bad line prints {"id", "error"} and the run goes on.

    Example: counterclaim stance pairs.jsonl > stances.jsonl
    """
    from counterclaim.reconcile.stance import StanceModelError, stance_jsonl

    ok = failed = 0
    try:
        for row in stance_jsonl(path):
            click.echo(json.dumps(row, ensure_ascii=False))
            ok, failed = (ok + 1, failed) if "stance" in row else (ok, failed + 1)
    except StanceModelError as exc:
        click.echo(f"counterclaim: {exc}", err=True)
        sys.exit(EXIT_ALL_FAILED)
    if failed:
        sys.exit(EXIT_ALL_FAILED if not ok else EXIT_SOME_FAILED)


@main.command("disputes")
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--db", default=None, metavar="PATH|URL", help="Read the analyses from this store (" + _DB_HELP + ")")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: positions side by side; json: one dispute object per line (JSON Lines).")
@click.option("--within", is_flag=True, help="Also list each article's own disputes, not only those across articles.")
def disputes_command(paths: tuple[str, ...], db: Optional[str], fmt: str, within: bool) -> None:
    """Disputes across articles: the same question answered differently by different sides.

    Reads the analyses from the store (--db), or analyses the article FILES given.

    Example: counterclaim disputes --db counterclaim.db --format json
    """
    from counterclaim.model import to_dict
    from counterclaim.reconcile.cross import analyze_files, cross_article_disputes, format_disputes

    errors: list[str] = []
    if paths:
        analyses, errors = analyze_files(paths)
    else:
        with _open_store(db, readonly=True) as store:
            analyses = list(store.iter_analyses())
    for err in errors:
        click.echo(f"counterclaim: {err}", err=True)
    from counterclaim.reconcile.stance import StanceModelError

    try:
        found = list(cross_article_disputes(analyses))
    except StanceModelError as exc:
        click.echo(f"counterclaim: {exc}", err=True)
        sys.exit(EXIT_ALL_FAILED)
    if within:
        found += [d for a in analyses for d in a.disputes]
    if fmt == "json":
        for d in found:
            click.echo(json.dumps(to_dict(d), ensure_ascii=False))
    elif found:
        click.echo(format_disputes(found, analyses))
    else:
        click.echo(f"no disputes across {len(analyses)} articles", err=True)
    if errors:
        sys.exit(EXIT_ALL_FAILED if not analyses else EXIT_SOME_FAILED)


@main.command("timeline")
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--published", default=None, metavar="YYYY-MM-DD", help="Publication date for inputs that carry none.")
@click.option("--db", default=None, metavar="PATH|URL", help="Without PATHS: read the analyses from this store (" + _DB_HELP + ")")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: one block per event; json: one event row per line (JSON Lines).")
def timeline_command(paths: tuple[str, ...], published: Optional[str], db: Optional[str], fmt: str) -> None:
    """Events of the articles (or of the store) in date order: who did what to whom, where, how sure, who claims it.

    Example: counterclaim timeline article.txt --published 2023-12-27
    """
    from counterclaim.extract.events import format_timeline, timeline, timeline_paths

    if paths:
        rows, errors = timeline_paths(paths, published=published)
    else:
        with _open_store(db, readonly=True) as store:
            rows, errors = timeline(store.iter_analyses()), []
    for err in errors:
        click.echo(f"counterclaim: {err}", err=True)
    if fmt == "json":
        for r in rows:
            click.echo(json.dumps(r.to_dict(), ensure_ascii=False))
    elif rows:
        click.echo(format_timeline(rows))
    else:
        click.echo("no events found", err=True)
    if errors:
        sys.exit(EXIT_SOME_FAILED if rows else EXIT_ALL_FAILED)


@main.command("paragraphs")
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--published", callback=_published, metavar="DATE", help="Publication date for inputs that carry none.")
def paragraphs_command(paths: tuple[str, ...], published: Optional[str]) -> None:
    """Show how articles are read: each paragraph's role (headline, subhead, byline, caption,
    body, boilerplate) and the rule that gave it. Captions and boilerplate yield no statements.

    Example: counterclaim paragraphs article.txt
    """
    from counterclaim import ingest
    from counterclaim.errors import IngestError
    from counterclaim.ingest.text import explain

    try:
        stream = ingest.load(list(paths), published=published)
    except IngestError as exc:
        raise click.UsageError(str(exc)) from None
    ok = failed = 0
    color = _color(_config())
    for item in stream:
        if isinstance(item, IngestError):
            failed += 1
            click.echo(f"counterclaim: {item.id}: {item}", err=True)
            continue
        ok += 1
        title = item.title if item.source_format != "text" else None
        click.echo(click.style(f"{item.id}  ({item.source_format}, {len(item.paragraphs)} paragraphs)", bold=True), color=color)
        for start, end, role, rule in explain(item.text, title):
            excerpt = " ".join(item.text[start:end].split())
            excerpt = excerpt if len(excerpt) <= 60 else excerpt[:59] + "…"
            click.echo(f"  {start:>6}-{end:<6} {click.style(f'{role:<11}', fg=_ROLE_COLORS.get(role))} {excerpt}", color=color)
            click.echo(click.style(f"{'':16}{rule}", dim=True), color=color)
    if failed:
        sys.exit(EXIT_ALL_FAILED if not ok else EXIT_SOME_FAILED)


_ROLE_COLORS = {"headline": "green", "subhead": "green", "byline": "cyan", "caption": "yellow", "boilerplate": "bright_black"}


def _config() -> Any:
    from counterclaim.config import get_config

    return get_config()


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


@eval_group.command("attribution")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=int, default=None, help="Only the first N articles.")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False), default=None,
              help="Cache parsed documents (spaCy DocBin) in this folder, e.g. build/statements.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def eval_attribution_command(gold: str, limit: Optional[int], cache_dir: Optional[str], fmt: str) -> None:
    """Exact and overlap P/R/F1 of source, cue and content spans, and whole-attribution F1, on PolNeAR-format gold.

    Example: counterclaim eval attribution ../shared/data/polnear/dev.jsonl --cache build/statements
    """
    from counterclaim.evaluation.attribution import evaluate_file, format_scores

    try:
        result = evaluate_file(gold, limit=limit, cache_dir=cache_dir)
    except (ValueError, RuntimeError) as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(json.dumps(result, indent=2) if fmt == "json" else format_scores(result))


if __name__ == "__main__":  # pragma: no cover
    main()
