#!/usr/bin/env python
"""Actor mentions against gold named entities (CoNLL-2003 format), and actor-stage speed.

    python bench/actors_eval.py --data ../shared/data [--split conllpp_dev.txt] [--limit N]

Each CoNLL document (``-DOCSTART-``) is rebuilt as one text (tokens joined by spaces, one sentence per line),
parsed by the shipped pipeline and run through ``extract_actors``. Every actor mention is mapped to a CoNLL
type: person -> PER; organization, group, media -> ORG; country, other -> LOC; a mention that is a demonym
("German") -> MISC. PER/ORG/LOC are scored (exact span, exact type; and span-only), MISC is left out, as
are gold MISC entities. The baseline row scores the pipeline's own NER entities with the same mapping
(what the actor stage adds or loses: title stripping, dictionary names, demonyms, agent groups). The CoNLL data is for evaluation only: nothing here trains on it.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

TYPE_MAP = {"person": "PER", "organization": "ORG", "group": "ORG", "media": "ORG", "country": "LOC", "other": "LOC"}


def read_conll(path: Path):
    docs, toks, tags, cur = [], [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            if toks:
                docs.append((toks, tags))
            toks, tags = [], []
            continue
        if not line.strip():
            if toks and toks[-1] != "\n":
                toks.append("\n")
                tags.append("O")
            continue
        parts = line.split()
        toks.append(parts[0])
        tags.append(parts[-1])
    if toks:
        docs.append((toks, tags))
    return docs


def build(toks, tags):
    """Text and gold (start, end, type) spans from IOB tokens."""
    text, gold, off = [], [], 0
    cur = None
    for tok, tag in zip(toks, tags):
        if tok == "\n":
            if text and text[-1] == " ":
                text.pop()
                off -= 1
            text.append("\n")
            off += 1
            if cur:
                gold.append(tuple(cur))
                cur = None
            continue
        start = off
        text.append(tok)
        text.append(" ")
        off += len(tok) + 1
        if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[2] != tag[2:])):
            if cur:
                gold.append(tuple(cur))
            cur = [start, start + len(tok), tag[2:]]
        elif tag.startswith("I-") and cur:
            cur[1] = start + len(tok)
        else:
            if cur:
                gold.append(tuple(cur))
            cur = None
    if cur:
        gold.append(tuple(cur))
    return "".join(text).rstrip(), [g for g in gold if g[2] != "MISC"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, type=Path, help="shared data directory (contains ner/conll2003-eval-only)")
    ap.add_argument("--split", default="conllpp_dev.txt")
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    path = args.data / "ner" / "conll2003-eval-only" / args.split
    if not path.exists():
        ap.error(f"{path} not found: pass --data pointing at the shared data directory")
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from counterclaim.extract.actors import extract_actors
    from counterclaim.extract.gazetteer import load_knowledge
    from counterclaim.model import Document
    from counterclaim.nlp import load_pipeline

    nlp, k = load_pipeline(), load_knowledge()
    docs = read_conll(path)[: args.limit]
    tp, fp, fn = Counter(), Counter(), Counter()
    span_tp = span_fp = span_fn = 0
    ner_tp = ner_fp = ner_fn = 0  # baseline: the pipeline's own entities, same mapping
    NER_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
    t_parse = t_actors = 0.0
    words = 0
    for n, (toks, tags) in enumerate(docs):
        text, gold = build(toks, tags)
        document = Document(id=f"conll{n}", text=text)
        t0 = time.perf_counter()
        doc = nlp(text)
        t1 = time.perf_counter()
        actors = extract_actors(doc, document)
        t2 = time.perf_counter()
        t_parse += t1 - t0
        t_actors += t2 - t1
        words += len([t for t in toks if t != "\n"])
        pred = set()
        for a in actors:
            for m in a.mentions:
                typ = "MISC" if k.demonym(m.text) else TYPE_MAP.get(a.type, "LOC")
                if typ != "MISC":
                    pred.add((m.start, m.end, typ))
        goldset = set(gold)
        for g in goldset:
            (tp if g in pred else fn)[g[2]] += 1
        for p in pred - goldset:
            fp[p[2]] += 1
        ner = {(e.start_char, e.end_char, NER_MAP[e.label_]) for e in doc.ents if e.label_ in NER_MAP}
        ner_tp += len(ner & goldset)
        ner_fp += len(ner - goldset)
        ner_fn += len(goldset - ner)
        gs, ps = {g[:2] for g in goldset}, {p[:2] for p in pred}
        span_tp += len(gs & ps)
        span_fp += len(ps - gs)
        span_fn += len(gs - ps)

    def prf(t, f_p, f_n):
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        return round(p, 3), round(r, 3), round(2 * p * r / (p + r) if p + r else 0.0, 3)

    out = {"split": args.split, "documents": len(docs), "words": words}
    for typ in ("PER", "ORG", "LOC"):
        out[typ] = prf(tp[typ], fp[typ], fn[typ])
    out["all_typed"] = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    out["all_span_only"] = prf(span_tp, span_fp, span_fn)
    out["baseline_ner_only_typed"] = prf(ner_tp, ner_fp, ner_fn)
    out["parse_words_per_s"] = round(words / t_parse) if t_parse else None
    out["actors_words_per_s"] = round(words / t_actors) if t_actors else None
    out["actors_ms_per_doc"] = round(1000 * t_actors / max(1, len(docs)), 1)
    if args.json:
        print(json.dumps(out))
    else:
        for key, val in out.items():
            print(f"{key:>20}: {val}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
