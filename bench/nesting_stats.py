#!/usr/bin/env python
"""Nested attributions: how PolNeAR annotates them and how many counterclaim finds.

    python bench/nesting_stats.py ../shared/data/polnear/train.jsonl --cache build/statements

A statement is nested when its cue lies inside the content of another statement of the same article
("according to Press TV, Hezbollah said that ..."; ``Statement.nested_in``). Prints, for the gold file, how
many gold cues lie inside another gold attribution's content, and for counterclaim's statements on the same
articles, how many are nested and how many of those have a cue that matches a gold cue exactly.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _inside(piece, pieces) -> bool:
    s, e = piece
    return any(cs <= s and e <= ce for cs, ce in pieces)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", help="PolNeAR-format JSONL (../shared/data/polnear/train.jsonl or dev.jsonl)")
    ap.add_argument("--cache", default=None, help="parse cache folder")
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)

    from counterclaim.evaluation.attribution import gold_document, load_gold, parse_documents, spans_to_attribution
    from counterclaim.extract.statements import find_raw_statements

    arts = load_gold(args.gold, args.limit)
    docs, _ = parse_documents([a.text for a in arts], cache_dir=args.cache)
    gold_cues = gold_nested = pred = pred_nested = pred_nested_gold = 0
    for a, doc in zip(arts, docs):
        for g in a.attributions:
            others = [c for h in a.attributions if h is not g for c in h.content]
            for cue in g.cue:
                gold_cues += 1
                gold_nested += _inside(cue, others)
        cues = {c for g in a.attributions for c in g.cue}
        found = [spans_to_attribution(a.text, r.source, r.cue, r.content)
                 for r in find_raw_statements(doc, gold_document(a))]
        for i, at in enumerate(found):
            if not at.cue:
                continue
            pred += 1
            others = [c for j, o in enumerate(found) if j != i for c in o.content]
            if _inside(at.cue[0], others):
                pred_nested += 1
                pred_nested_gold += at.cue[0] in cues
    print(f"{args.gold}: {len(arts)} articles")
    print(f"gold: {gold_cues} cues, {gold_nested} inside another attribution's content")
    print(f"counterclaim: {pred} statements, {pred_nested} nested in another's content, "
          f"{pred_nested_gold} of those with a cue that matches a gold cue")
    return 0


if __name__ == "__main__":
    sys.exit(main())
