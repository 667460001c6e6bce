#!/usr/bin/env python
"""How differently two builds of the NLP pipeline analyse the same texts, token by token.

    python bench/pipeline_diff.py OLD_DIR NEW_DIR --texts ../shared/data/polnear/dev.jsonl \
        --texts ../shared/data/news/fnc1_bodies.jsonl --limit 200

For a change that should not move the analyses (float16 storage of the weights, a re-assembled pipeline,
a spaCy upgrade): prints load time, parse time, and the number and share of tokens whose tag, UPOS,
morphology, lemma, head, dependency label, entity (IOB + type) or sentence start differ. Both pipelines are
loaded as counterclaim loads them (float16 weights widened to float32). Texts: JSONL files with a "text" field
(``--limit`` applies per file). Tokenization must agree; a token count mismatch is reported per document.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

FIELDS = ("tag", "pos", "morph", "lemma", "head", "dep", "ent", "sent")


def read_texts(paths: list[str], limit: int) -> list[str]:
    texts = []
    for p in paths:
        n = 0
        with open(p, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                t = json.loads(line).get("text") or ""
                if t.strip():
                    texts.append(t)
                    n += 1
                if limit and n >= limit:
                    break
    return texts


def analyse(path: str, texts: list[str]):
    import spacy

    from counterclaim.nlp import weights

    t0 = time.perf_counter()
    nlp = spacy.load(path)
    weights.widen(nlp)
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    return docs, load_s, time.perf_counter() - t0


def token_values(t) -> tuple:
    return (t.tag_, t.pos_, str(t.morph), t.lemma_, t.head.i, t.dep_, (t.ent_iob_, t.ent_type_), bool(t.is_sent_start))


def compare(a_docs, b_docs) -> tuple[int, dict[str, int], int]:
    n = 0
    diff = dict.fromkeys(FIELDS, 0)
    mismatched = 0
    for da, db in zip(a_docs, b_docs):
        if len(da) != len(db):
            mismatched += 1
            continue
        for x, y in zip(da, db):
            n += 1
            for field, u, v in zip(FIELDS, token_values(x), token_values(y)):
                diff[field] += u != v
    return n, diff, mismatched


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--texts", action="append", required=True, help="JSONL with a 'text' field (repeatable)")
    ap.add_argument("--limit", type=int, default=0, help="at most N texts per file (0: all)")
    args = ap.parse_args(argv)
    texts = read_texts(args.texts, args.limit)
    a, a_load, a_parse = analyse(args.old, texts)
    b, b_load, b_parse = analyse(args.new, texts)
    n, diff, mismatched = compare(a, b)
    print(f"{len(texts)} texts, {n} tokens compared; documents with different tokenization: {mismatched}")
    print(f"load {a_load:.1f} s -> {b_load:.1f} s; parse {a_parse:.1f} s -> {b_parse:.1f} s")
    print("| field | tokens that differ | share |")
    print("|---|---|---|")
    for field in FIELDS:
        print(f"| {field} | {diff[field]} | {100 * diff[field] / max(n, 1):.4f} % |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
