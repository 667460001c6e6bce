"""Attribution benchmark: counterclaim's statements vs textacy's direct_quotations on PolNeAR-format gold.

    python bench/attribution.py ../shared/data/polnear/dev.jsonl [--cache build/statements]

Both systems read the same spaCy parse of the same articles (counterclaim's shipped pipeline), so the
comparison isolates attribution extraction. Prints, as markdown: exact P/R/F1 per span type (CofeNet
protocol), overlap F1, whole-attribution F1, and time; plus the parse time and extraction time as a
share of it (issue 4 budget: statements may add at most 30% to parsing alone).

textacy (Burton DeWilde et al.): ``textacy.extract.triples.direct_quotations`` finds direct quotes
with a speaker and a reporting verb; it has no indirect speech, so its recall on PolNeAR is bounded.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from counterclaim.evaluation.attribution import (
    SPAN_TYPES,
    Attribution,
    gold_document,
    load_gold,
    parse_documents,
    score,
    statement_to_attribution,
)


def _tok_span(tokens) -> tuple[tuple[int, int], ...]:
    if not tokens:
        return ()
    lo = min(t.idx for t in tokens)
    hi = max(t.idx + len(t) for t in tokens)
    return ((lo, hi),)


def textacy_attributions(doc) -> list[Attribution]:
    from textacy.extract.triples import direct_quotations

    out = []
    try:
        triples = list(direct_quotations(doc))
    except (ValueError, IndexError, AttributeError, KeyError) as exc:  # textacy fails on some inputs
        print(f"textacy failed on a document: {exc}", file=sys.stderr)
        return out
    for tr in triples:
        content = tr.content
        out.append(Attribution(
            source=_tok_span(tr.speaker),
            cue=_tok_span(tr.cue),
            content=((content.start_char, content.end_char),) if content is not None else (),
        ))
    return out


def run(gold: str, cache: str | None, limit: int | None) -> str:
    from counterclaim.extract.statements import extract_statements
    from counterclaim.nlp import load_pipeline

    nlp = load_pipeline()
    arts = load_gold(gold, limit)
    documents = [gold_document(a) for a in arts]
    texts = [d.text for d in documents]
    # parse time alone, always measured (not read from the cache)
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse_s = time.perf_counter() - t0
    if cache:
        parse_documents(texts, nlp=nlp, cache_dir=cache)  # refresh the cache for `eval attribution`
    words = sum(len(d) for d in docs)

    t0 = time.perf_counter()
    ours = [[statement_to_attribution(s, d.text) for s in extract_statements(doc, d, ())] for doc, d in zip(docs, documents)]
    ours_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    theirs = [textacy_attributions(doc) for doc in docs]
    theirs_s = time.perf_counter() - t0

    rows = []
    for name, preds, secs in (("counterclaim", ours, ours_s), ("textacy direct_quotations", theirs, theirs_s)):
        r = score([(a.attributions, p) for a, p in zip(arts, preds)])
        e, o = r["exact"], r["overlap"]
        rows.append(
            f"| {name} | " + " | ".join(f"{e[k]['p']:.3f} / {e[k]['r']:.3f} / **{e[k]['f1']:.3f}**" for k in SPAN_TYPES)
            + " | " + " / ".join(f"{o[k]['f1']:.3f}" for k in SPAN_TYPES)
            + f" | {r['attribution']['f1']:.3f} | {secs:.2f} s ({100 * secs / parse_s:.0f}% of parse) |"
        )
    header = (
        f"{len(arts)} articles, {words:,} tokens, {sum(len(a.attributions) for a in arts):,} gold attributions; "
        f"parse alone {parse_s:.1f} s ({words / parse_s:,.0f} tokens/s)\n\n"
        "| system | source P / R / F1 | cue P / R / F1 | content P / R / F1 | overlap F1 (s / c / t) | whole F1 | extraction time |\n"
        "|---|---|---|---|---|---|---|"
    )
    return header + "\n" + "\n".join(rows)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", help="PolNeAR-format JSONL, e.g. ../shared/data/polnear/dev.jsonl")
    ap.add_argument("--cache", default=None, help="also refresh the parse cache used by `counterclaim eval attribution --cache`")
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    if not Path(args.gold).exists():
        sys.exit(f"bench/attribution.py: {args.gold} not found; pass the PolNeAR dev file (see ../shared/data/README.md)")
    print(run(args.gold, args.cache, args.limit))


if __name__ == "__main__":
    main()
