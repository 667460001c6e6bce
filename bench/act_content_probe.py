"""Does a statement's content tell its speech act? A probe for a learned act model (issue 4, item 2).

The lexicon (``data/speech_acts.tsv``) gives the act from the cue; it falls short where the cue is neutral
("said", "told": lexicon act "claim") and the content does something else ("said Israel would pay a heavy
price"). A model for that case can only be trained by distant supervision, as no corpus here labels acts:
the contents of cues that name their act ("threatened", "vowed", "denied", "accused", "condemned",
"urged") are examples of that act, neutral cues' contents examples of "claim". This script trains such a
model (logistic regression over the content's word lemmas, its head lemma and negation) on PolNeAR train
and the FNC-1 training bodies, and measures it on PolNeAR dev and the FNC-1 competition-test bodies:
macro F1 over the non-claim acts, and how often switching a neutral statement away from "claim" would be
right at each threshold (a lower bound: some neutral statements are threats).

    python bench/act_content_probe.py --data ../shared/data --cache build/statements [--show-flips 40]

Result (docs/benchmarks.md): the content alone does not carry the act well enough to override the
lexicon, so no such model ships. Parses are cached under ``--cache`` (FNC-1 bodies: about 2.5 minutes).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from counterclaim.evaluation.attribution import (
    gold_document,
    load_gold,
    parse_documents,
)
from counterclaim.extract import speech_acts as SA
from counterclaim.extract.statements import find_raw_statements
from counterclaim.ingest.text import from_text

#: The acts told apart: what a neutral cue ("said") could do besides claiming.
CONTENT_ACTS = ("claim", "threat", "vow", "denial", "accusation", "condemnation", "demand")
#: Parts of speech whose lemmas are features (names, pronouns, modals and function words are not: they say
#: who and when, and the cues learned from put them in different places: "vowed to X", "said he would X").
FEATURE_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
NEGATORS = frozenset({"not", "n't", "never", "no", "nothing", "nobody", "neither", "nor"})


def neutral_lemma(lemma) -> bool:
    """A cue lemma that names no act beyond saying: its lexicon act is "claim" ("say", "tell", "add")."""
    return lemma is not None and SA.load_acts().get(lemma, ("", ""))[0] == "claim"


def act_features(doc, pieces) -> list[str]:
    """The lemmas of the content's words, the lemma of each piece's head, and negation."""
    feats: set[str] = set()
    for s, e in pieces:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or not len(span):
            continue
        for t in span:
            if t.pos_ in FEATURE_POS and t.is_alpha and not t.is_stop:
                feats.add("w=" + t.lemma_.lower())
            if t.dep_ == "neg" or t.lower_ in NEGATORS:
                feats.add("neg")
        root = span.root
        if root.is_alpha:
            feats.add("head=" + root.lemma_.lower())
            if any(c.dep_ == "neg" or c.lower_ in NEGATORS for c in root.children):
                feats.add("head_neg")
    return sorted(feats)


def corpora(data: Path) -> list[tuple[list, list[str]]]:
    """The corpora, each as (documents, split of each document: "train" or "heldout")."""
    out = []
    for name, split in (("train", "train"), ("dev", "heldout")):
        docs = [gold_document(a) for a in load_gold(data / "polnear" / f"{name}.jsonl")]
        out.append((docs, [split] * len(docs)))
    docs, splits = [], []
    with (data / "news" / "fnc1_bodies.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            docs.append(from_text(r["text"], id=r["id"]))
            splits.append("train" if r.get("split") == "train" else "heldout")
    out.append((docs, splits))
    return out


def examples(data: Path, cache: str) -> dict[str, list[dict]]:
    """Per split, one example per statement with a lexicon act the model learns: features, label, context."""
    out: dict[str, list[dict]] = {"train": [], "heldout": []}
    for documents, splits in corpora(data):
        parsed, _ = parse_documents([d.text for d in documents], cache_dir=cache)
        for d, doc, split in zip(documents, parsed, splits):
            for r in find_raw_statements(doc, d):
                if r.head is None or not r.content or r.negated or r.kind == "headline":
                    continue
                act = SA.speech_act(r, d.text)
                if act not in CONTENT_ACTS or (act == "claim" and not neutral_lemma(r.lemma)):
                    continue
                feats = act_features(doc, r.content)
                if not feats:
                    continue
                out[split].append({"y": act, "x": feats, "doc": d.id, "lemma": r.lemma,
                                   "text": " | ".join(d.text[s:e] for s, e in r.content),
                                   "cue": d.text[r.cue[0]:r.cue[1]]})
    return out


def fit(train: list[dict], C: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    X = vec.fit_transform([{f: 1 for f in e["x"]} for e in train])
    y = [e["y"] for e in train]
    clf = LogisticRegression(C=C, max_iter=2000, class_weight="balanced")
    clf.fit(X, y)
    return vec, clf


def evaluate(vec, clf, held: list[dict]) -> tuple[dict, np.ndarray]:
    from sklearn.metrics import precision_recall_fscore_support

    P = clf.predict_proba(vec.transform([{f: 1 for f in e["x"]} for e in held]))
    classes = list(clf.classes_)
    pred = [classes[i] for i in P.argmax(1)]
    gold = [e["y"] for e in held]
    labels = [c for c in classes if c != "claim"]
    p, r, f, n = precision_recall_fscore_support(gold, pred, labels=labels, zero_division=0)
    per = {c: {"p": round(float(a), 3), "r": round(float(b), 3), "f1": round(float(x), 3), "n": int(k)}
           for c, a, b, x, k in zip(labels, p, r, f, n)}
    return {"macro_f1": round(float(np.mean(f)), 4), "per_act": per}, P


def switch_precision(P: np.ndarray, classes: list[str], held: list[dict], threshold: float) -> tuple[float, int, float]:
    """Of the held-out statements the model would switch away from "claim" at ``threshold``: how often the
    new act is the cue-derived one; how many; and the share of non-claim statements recovered."""
    ci = classes.index("claim")
    Q = P.copy()
    Q[:, ci] = -1
    best = Q.argmax(1)
    top = Q.max(1)
    switched = [(classes[b], e["y"]) for b, t, e in zip(best, top, held) if t >= threshold]
    right = sum(a == g for a, g in switched)
    nonclaim = sum(e["y"] != "claim" for e in held)
    return (right / len(switched) if switched else 1.0), len(switched), right / max(1, nonclaim)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, type=Path, help="the shared data folder (polnear/, news/)")
    ap.add_argument("--cache", default="build/statements", help="parse cache folder")
    ap.add_argument("--C", type=float, nargs="+", default=[0.1, 0.3, 1.0, 3.0])
    ap.add_argument("--precision", type=float, default=0.8,
                    help="held-out precision a switch away from 'claim' must reach (default 0.8)")
    ap.add_argument("--show-flips", type=int, default=0,
                    help="print this many held-out neutral-cue statements the model switches, for review")
    args = ap.parse_args(argv)
    if not (args.data / "polnear" / "train.jsonl").exists():
        ap.error(f"{args.data}/polnear/train.jsonl not found: pass the shared data folder as --data")
    t0 = time.time()
    ex = examples(args.data, args.cache)
    for k, v in ex.items():
        print(f"{k}: {len(v)} examples", dict(Counter(e['y'] for e in v)), file=sys.stderr)
    best = None
    for C in args.C:
        vec, clf = fit(ex["train"], C)
        rep, P = evaluate(vec, clf, ex["heldout"])
        print(f"C={C}: held-out macro F1 (non-claim acts) {rep['macro_f1']}", file=sys.stderr)
        if best is None or rep["macro_f1"] > best[0]["macro_f1"]:
            best = (rep, C, vec, clf, P)
    rep, C, vec, clf, P = best
    classes = list(clf.classes_)
    threshold = None
    for th in [x / 100 for x in range(30, 100)]:
        prec, n, rec = switch_precision(P, classes, ex["heldout"], th)
        if n and prec >= args.precision:
            threshold = th
            break
    if threshold is None:
        threshold = 1.01
    prec, n, rec = switch_precision(P, classes, ex["heldout"], threshold)
    neutral = [(e, p) for e, p in zip(ex["heldout"], P) if e["y"] == "claim"]
    ci = classes.index("claim")
    flips = []
    for e, p in neutral:
        q = p.copy()
        q[ci] = -1
        if q.max() >= threshold:
            flips.append((classes[int(q.argmax())], float(q.max()), e))
    curve = {th: [round(x, 3) for x in switch_precision(P, classes, ex["heldout"], th)]
             for th in (0.5, 0.6, 0.7, 0.8, 0.9)}
    report = {"C": C, "threshold": threshold, "switch_precision_by_threshold": curve, "heldout": rep,
              "switch_precision": round(prec, 3), "switched": n, "nonclaim_recall": round(rec, 3),
              "neutral_heldout": len(neutral), "neutral_switched": len(flips),
              "neutral_switched_by_act": dict(Counter(a for a, _, _ in flips)),
              "examples": {k: len(v) for k, v in ex.items()}, "seconds": round(time.time() - t0, 1)}
    print(json.dumps(report, indent=1))
    for act, pr, e in sorted(flips, key=lambda x: -x[1])[:args.show_flips]:
        print(f"{act:13} {pr:.2f} {e['doc']}: {e['cue']!r} | {e['text'][:160]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
