"""Throughput of counterclaim on a news collection: parsing alone, the whole analysis, per stage, and the store.

Usage::

    python bench/throughput.py DATA.jsonl [--limit 300] [--n-process 1 [2]] [--batch-size 32] [--write-docs]

``DATA.jsonl`` has one article per line with ``id`` and ``text`` (``title``, ``date``
or ``published`` optional; ``date`` is read as the publication date), e.g. the FNC-1
bodies in the shared data. Prints a markdown report; ``--write-docs`` also writes it
into the section "## Throughput (issue 3)" of docs/benchmarks.md (with the command
and the date), replacing that section only.

What is measured, on the same documents, in this order:

1. loading the spaCy pipeline (once);
2. parsing alone: ``counterclaim.nlp.parse_many`` (spaCy ``nlp.pipe``);
3. (after a warm-up analysis of the first article, not counted) end to end: ``counterclaim.pipeline.analyze_many`` (parse + every extraction stage),
   with the time of each extraction stage (the stage functions are wrapped with timers;
   with ``--n-process 2`` parsing runs in worker processes, extraction in this one);
4. writing the analyses to a fresh SQLite store (``Store.add``, one transaction each).
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import re
import shlex
import sys
import tempfile
import time
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs" / "benchmarks.md"
SECTION = "## Throughput (issue 3)"

#: The extraction stages of pipeline.analyze_parsed: (module, function), timed by wrapping.
STAGE_FUNCTIONS = (
    ("actors", "counterclaim.extract.actors", "extract_actors"),
    ("time", "counterclaim.extract.time", "extract_timexes"),
    ("statements", "counterclaim.extract.statements", "extract_statements"),
    ("events", "counterclaim.extract.events", "extract_events"),
    ("claims", "counterclaim.extract.claims", "extract_claims"),
    ("rebuttals", "counterclaim.reconcile.rebuttals", "link_rebuttals"),
    ("disputes", "counterclaim.reconcile.disputes", "find_disputes"),
)


def read_documents(path: str, limit: int | None):
    """The first ``limit`` documents of a JSONL collection through ``counterclaim.ingest.load``
    (``date`` or ``published`` is the publication date); unreadable lines are counted and skipped."""
    from counterclaim.ingest import load
    from counterclaim.model import Document

    docs, skipped = [], 0
    for item in load(path):
        if limit is not None and len(docs) >= limit:
            break
        if isinstance(item, Document):
            docs.append(item)
        else:
            skipped += 1
    return docs, skipped


def wrap_stages(timings: dict[str, float]) -> list[tuple[object, str, object]]:
    """Replace each stage function by a timed wrapper; return what to restore."""
    restore = []
    for stage, module_name, func_name in STAGE_FUNCTIONS:
        try:
            module = importlib.import_module(module_name)
            func = getattr(module, func_name)
        except (ImportError, AttributeError):
            continue

        def timed(*args, __f=func, __s=stage, **kwargs):
            t0 = time.perf_counter()
            try:
                return __f(*args, **kwargs)
            finally:
                timings[__s] += time.perf_counter() - t0

        setattr(module, func_name, timed)
        restore.append((module, func_name, func))
    return restore


def timed_run(docs, nlp, batch_size: int, n_process: int) -> dict:
    """Parse-only, then end-to-end with per-stage timers, for one ``n_process``."""
    from counterclaim.nlp import parse_many
    from counterclaim.pipeline import analyze_many

    t0 = time.perf_counter()
    n_parsed = sum(1 for _ in parse_many(docs, nlp=nlp, batch_size=batch_size, n_process=n_process))
    parse_s = time.perf_counter() - t0

    timings: dict[str, float] = defaultdict(float)
    restore = wrap_stages(timings)
    analyses, errors = [], []
    try:
        t0 = time.perf_counter()
        for item in analyze_many(docs, nlp=nlp, batch_size=batch_size, n_process=n_process):
            if item.analysis is not None:
                analyses.append(item.analysis)
            else:
                errors.append(f"{item.id}: {item.error}")
        e2e_s = time.perf_counter() - t0
    finally:
        for module, name, func in restore:
            setattr(module, name, func)
    return {
        "n_process": n_process, "parsed": n_parsed, "parse_s": parse_s, "e2e_s": e2e_s,
        "analysed": len(analyses), "failed": len(errors), "errors": errors[:5], "analyses": analyses,
        "stages": {s: timings.get(s, 0.0) for s, _, _ in STAGE_FUNCTIONS},
    }


def run(args: argparse.Namespace) -> dict:
    import spacy

    from counterclaim import __version__
    from counterclaim.nlp import load_pipeline, parse_many
    from counterclaim.pipeline import analyze_parsed
    from counterclaim.store import open_store

    docs, skipped = read_documents(args.data, args.limit)
    if not docs:
        sys.exit(f"no documents read from {args.data}")

    t0 = time.perf_counter()
    nlp = load_pipeline()
    load_s = time.perf_counter() - t0

    # Warm-up on the first article (not counted): lexicons and gazetteers load on first use.
    t0 = time.perf_counter()
    try:
        analyze_parsed(docs[0], next(iter(parse_many(docs[:1], nlp=nlp))))
    except Exception as exc:  # reported in the failures of the timed run anyway
        print(f"warm-up failed: {type(exc).__name__}: {exc}", file=sys.stderr)
    warm_s = time.perf_counter() - t0

    runs = [timed_run(docs, nlp, args.batch_size, n) for n in args.n_process]
    analyses = runs[0].pop("analyses")
    for r in runs[1:]:
        r.pop("analyses")

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(os.path.join(tmp, "bench.db"))
        t0 = time.perf_counter()
        for a in analyses:
            store.add(a)
        store_s = time.perf_counter() - t0
        counts = store.counts()
        store.close()

    return {
        "version": __version__, "spacy": spacy.__version__, "python": platform.python_version(),
        "cpus": os.cpu_count(), "docs": len(docs), "skipped_lines": skipped,
        "words": sum(len(d.text.split()) for d in docs), "chars": sum(len(d.text) for d in docs),
        "analysed": len(analyses), "analysed_words": sum(len(a.document.text.split()) for a in analyses),
        "load_s": load_s, "warm_s": warm_s, "store_s": store_s, "counts": counts, "runs": runs,
        "pipes": list(nlp.pipe_names), "batch_size": args.batch_size,
    }


def _row(label: str, n_process: object, n: int, words: int, seconds: float) -> str:
    rate = f"{n / seconds:.2f}" if seconds > 0 else "–"
    wrate = f"{words / seconds:,.0f}" if seconds > 0 else "–"
    return f"| {label} | {n_process} | {n} | {words:,} | {seconds:.1f} | {rate} | {wrate} |"


def report(r: dict, command: str, date: str) -> str:
    lines = [
        SECTION,
        "",
        f"Command (run {date}): `{command}`",
        "",
        f"{r['docs']} articles ({r['words']:,} words, {r['chars']:,} characters; {r['skipped_lines']} unreadable lines skipped), "
        f"counterclaim {r['version']}, spaCy {r['spacy']}, Python {r['python']}, {r['cpus']} CPUs shared with other jobs "
        f"(`nice -n 5`, OMP_NUM_THREADS=1), batch size {r['batch_size']}. "
        f"Pipeline components: {', '.join(r['pipes'])}; loading it took {r['load_s']:.1f} s and a warm-up analysis of "
        f"the first article (lexicons load on first use) {r['warm_s']:.1f} s, neither counted below. "
        "Wall-clock times on a machine shared with other jobs: differences of 10-20 % between runs are noise, "
        "and a second process only helps when both cores are free.",
        "",
        "| measure | n_process | articles | words | seconds | articles/s | words/s |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for run in r["runs"]:
        n = run["analysed"] + run["failed"]
        lines.append(_row("parse only (`nlp.parse_many`, spaCy `nlp.pipe`)", run["n_process"], run["parsed"], r["words"], run["parse_s"]))
        lines.append(_row("analyze end to end (`pipeline.analyze_many`: parse + all stages)", run["n_process"], n, r["words"], run["e2e_s"]))
    lines.append(_row("store: `Store.add` into SQLite (one transaction per article)", "–", r["analysed"], r["analysed_words"], r["store_s"]))
    lines.append("")
    if len(r["runs"]) > 1 and r["runs"][0]["e2e_s"] > 0:
        base = r["runs"][0]
        lines += [", ".join(f"end to end with n_process {run['n_process']}: {base['e2e_s'] / run['e2e_s']:.2f}x "
                            f"the speed with n_process {base['n_process']}" for run in r["runs"][1:] if run["e2e_s"] > 0) + ".", ""]
    for run in r["runs"]:
        lines.append(f"Failed documents (n_process {run['n_process']}): {run['failed']}"
                     + (f" (first: {'; '.join(run['errors'][:2])})" if run["errors"] else "") + ".")
    first = r["runs"][0]
    extract_s = sum(first["stages"].values())
    n = max(1, first["analysed"] + first["failed"])
    lines += [
        "",
        f"Extraction stages (end-to-end run with n_process {first['n_process']}; the rest of it is parsing and batching):",
        "",
        "| stage | seconds | ms/article | share of extraction |",
        "|---|---:|---:|---:|",
    ]
    for stage, sec in first["stages"].items():
        share = f"{100 * sec / extract_s:.0f} %" if extract_s > 0 else "–"
        lines.append(f"| {stage} | {sec:.2f} | {1000 * sec / n:.1f} | {share} |")
    if first["e2e_s"] > 0:
        lines.append(f"| **all extraction** | {extract_s:.2f} | {1000 * extract_s / n:.1f} | "
                     f"{100 * extract_s / first['e2e_s']:.0f} % of end to end |")
    c = r["counts"]
    lines += [
        "",
        f"Records written: {c['statements']} statements ({c['statement_spans']} spans), {c['actors']} actors "
        f"({c['mentions']} mentions), {c['timexes']} timexes, {c['events']} events, {c['claims']} claims, "
        f"{c['disputes']} disputes.",
        "",
    ]
    return "\n".join(lines)


def write_docs(section: str) -> None:
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda m: section.rstrip("\n") + "\n\n", text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + section.rstrip("\n") + "\n"
    DOCS.parent.mkdir(parents=True, exist_ok=True)
    DOCS.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog="Example: python bench/throughput.py /work/shared/data/news/fnc1_bodies.jsonl --limit 300")
    p.add_argument("data", help="JSONL collection: id, text, title?, date|published?")
    p.add_argument("--limit", type=int, default=300, help="articles to use (default 300; 0 = all)")
    p.add_argument("--n-process", type=int, nargs="+", default=[1], choices=(1, 2),
                   help="spaCy worker processes for parsing; several values (e.g. 1 2) measure each in turn")
    p.add_argument("--batch-size", type=int, default=32, help="documents per spaCy batch")
    p.add_argument("--write-docs", action="store_true", help=f"write the report into '{SECTION}' of docs/benchmarks.md")
    args = p.parse_args(argv)
    args.limit = args.limit or None
    r = run(args)
    given = argv if argv is not None else sys.argv[1:]
    command = "nice -n 5 python bench/throughput.py " + " ".join(shlex.quote(a) for a in given if a != "--write-docs")
    date = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    section = report(r, command, date)
    print(section)
    if args.write_docs:
        write_docs(section)
        print(f"(written to {DOCS.relative_to(REPO)})", file=sys.stderr)


if __name__ == "__main__":
    main()
