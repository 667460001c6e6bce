"""Recipe: learn the attribution-cue model of counterclaim from PolNeAR (issue 4).

    python training/statements.py parse --data ../shared/data/polnear --cache build/statements
    python training/statements.py train --data ../shared/data/polnear --cache build/statements \
        --out src/counterclaim/data/statement_cues.json

Steps
1. parse train and dev with the shipped pipeline (cached as DocBins under ``--cache``);
2. count, per lemma, how often it heads a gold cue and how often it occurs (the cue lexicon), and
   which words right after a cue verb PolNeAR puts inside the cue ("called for", "said:");
3. train a logistic regression on :func:`counterclaim.extract.cues.cue_features` of every candidate
   token (label: the token heads a gold cue), C chosen on dev;
4. choose the decision threshold that maximises exact cue F1 of the full extractor on dev;
5. write lexicon, weights (non-zero only) and threshold as JSON (no pickles).

PolNeAR: Newell, Margolin & Ruths (2018), "An Attribution Relations Corpus for Political News", LREC.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from counterclaim.extract.cues import cue_key
from counterclaim.evaluation.attribution import gold_document, load_gold, parse_documents, score, statement_to_attribution


def _cue_head(doc, s: int, e: int):
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    heads = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    if not heads:
        return None
    for t in heads:
        if t.pos_ in ("VERB", "NOUN", "ADJ"):
            return t
    return heads[0]


def _parsed(split: str, data: Path, cache: Path, limit=None):
    arts = load_gold(data / f"{split}.jsonl", limit)
    docs_in = [gold_document(a) for a in arts]
    t0 = time.time()
    docs, secs = parse_documents([d.text for d in docs_in], cache_dir=cache)
    print(f"{split}: {len(docs)} articles parsed in {secs:.1f}s (wall {time.time() - t0:.1f}s)", file=sys.stderr)
    return arts, docs_in, docs


def cmd_parse(args) -> None:
    for split in ("dev", "train"):
        _parsed(split, Path(args.data), Path(args.cache), args.limit)


def _lexicon(arts, docs):
    cue = Counter()
    total = Counter()
    after_in = defaultdict(Counter)
    after_all = defaultdict(Counter)
    heads = []
    for a, doc in zip(arts, docs):
        hs = set()
        for at in a.attributions:
            if not at.cue:
                continue
            s, e = at.cue[0]
            h = _cue_head(doc, s, e)
            if h is None:
                continue
            hs.add(h.i)
            cue[cue_key(h)] += 1
            if h.i + 1 < len(doc):
                nx = doc[h.i + 1]
                after_in[cue_key(h)][nx.lower_] += int(nx.idx < e)
        heads.append(hs)
        for t in doc:
            total[cue_key(t)] += 1
    # second pass: how often a word after a cue lemma is outside gold cues
    for a, doc, hs in zip(arts, docs, heads):
        for i in hs:
            t = doc[i]
            if i + 1 < len(doc):
                after_all[cue_key(t)][doc[i + 1].lower_] += 1
    particles = {}
    for lem, c in after_in.items():
        for w, n_in in c.items():
            n = after_all[lem][w]
            if n_in >= 3 and n_in / n >= 0.5 and not w.isalpha() or (n_in >= 3 and n_in / n >= 0.5 and w in
                                                                     ("for", "on", "of", "about", "to", "with", "out", "up", "in", "by", "as", "against", "into", "at", "from", "over", "back", "down", "off")):
                particles.setdefault(lem, {})[w] = round(n_in / n, 3)
    lemmas = {k: [cue[k], total[k]] for k in cue if cue[k] >= 1}
    return lemmas, particles, heads


def _examples(arts, docs, heads, lemmas, loo: bool):
    from counterclaim.extract.cues import cue_features
    from counterclaim.extract.statements import _Ctx, _quote_adjacent, SKIP_ROLES

    X, y = [], []
    for a, doc, hs in zip(arts, docs, heads):
        ctx = _Ctx(doc, gold_document(a))
        for sent in doc.sents:
            if ctx.role(sent.start_char) in SKIP_ROLES:
                continue
            sq = any(q.start < sent.end_char and sent.start_char < q.end for q in ctx.double)
            for t in sent:
                c = lemmas.get(cue_key(t))
                if t.is_punct or c is None or c[0] < 2:
                    continue
                lab = int(t.i in hs)
                n_cue, n_tot = c
                if loo:
                    n_cue, n_tot = n_cue - lab, n_tot - 1
                f = cue_features(t, ctx.quote_at(t.idx) is not None, sq, _quote_adjacent(t, ctx) is not None, (n_cue, n_tot))
                X.append({k: 1 for k in f})
                y.append(lab)
    return X, y


def _evaluate(arts, docs_in, docs, model) -> dict:
    from counterclaim.extract.statements import extract_statements, load_acts  # noqa: F401
    import counterclaim.extract.cues as cues

    cues.load_cue_model.cache_clear()
    orig = cues.load_cue_model
    cues.load_cue_model = lambda: model  # type: ignore[assignment]
    import counterclaim.extract.statements as st

    st.load_cue_model = cues.load_cue_model
    try:
        pairs = []
        for a, d, doc in zip(arts, docs_in, docs):
            preds = extract_statements(doc, d, ())
            pairs.append((a.attributions, [statement_to_attribution(s, a.text) for s in preds]))
    finally:
        cues.load_cue_model = orig
        st.load_cue_model = orig
    return score(pairs)


def _int32(m):
    """liblinear wants 32-bit sparse indices."""
    import numpy as np
    import scipy.sparse as sp

    m = sp.csr_matrix(m)
    m.indices = m.indices.astype(np.int32)
    m.indptr = m.indptr.astype(np.int32)
    return m


def cmd_train(args) -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from counterclaim.extract.cues import CueModel

    data, cache = Path(args.data), Path(args.cache)
    tr_arts, _, tr_docs = _parsed("train", data, cache, args.limit)
    dv_arts, dv_in, dv_docs = _parsed("dev", data, cache, None)
    lemmas, particles, tr_heads = _lexicon(tr_arts, tr_docs)
    print(f"lexicon: {len(lemmas)} lemmas, particles for {len(particles)}", file=sys.stderr)
    _, _, dv_heads = _lexicon(dv_arts, dv_docs)
    Xtr, ytr = _examples(tr_arts, tr_docs, tr_heads, lemmas, loo=True)
    Xdv, ydv = _examples(dv_arts, dv_docs, dv_heads, lemmas, loo=False)
    print(f"examples: train {len(ytr)} ({sum(ytr)} cues), dev {len(ydv)} ({sum(ydv)} cues)", file=sys.stderr)
    vec = DictVectorizer()
    A = _int32(vec.fit_transform(Xtr))
    B = _int32(vec.transform(Xdv))
    best = None
    for C in args.C:
        clf = LogisticRegression(C=C, max_iter=2000, solver="liblinear")
        clf.fit(A, ytr)
        p = clf.predict_proba(B)[:, 1]
        f1s = []
        for th in (0.3, 0.4, 0.5, 0.6):
            tp = sum(1 for pi, yi in zip(p, ydv) if pi >= th and yi)
            fp = sum(1 for pi, yi in zip(p, ydv) if pi >= th and not yi)
            fn = sum(1 for pi, yi in zip(p, ydv) if pi < th and yi)
            f1s.append(2 * tp / (2 * tp + fp + fn))
        print(f"C={C}: dev head-token F1 {max(f1s):.4f}", file=sys.stderr)
        if best is None or max(f1s) > best[0]:
            best = (max(f1s), C, clf)
    _, C, clf = best
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 4) for n, w in zip(names, clf.coef_[0]) if abs(w) > 1e-4}
    model = CueModel(lemmas={k: (float(v[0]), float(v[1])) for k, v in lemmas.items()}, weights=weights,
                     bias=float(clf.intercept_[0]), threshold=0.5, particles=particles)
    best_t = None
    for th in args.thresholds:
        model.threshold = th
        res = _evaluate(dv_arts, dv_in, dv_docs, model)
        e = res["exact"]
        mean = (e["source"]["f1"] + e["cue"]["f1"] + e["content"]["f1"]) / 3
        print(f"threshold {th}: source {e['source']['f1']:.3f} cue {e['cue']['f1']:.3f} content {e['content']['f1']:.3f}", file=sys.stderr)
        if best_t is None or mean > best_t[0]:
            best_t = (mean, th)
    model.threshold = best_t[1]
    out = {
        "meta": {"trained_on": "PolNeAR train", "tuned_on": "PolNeAR dev", "C": C, "recipe": "training/statements.py",
                 "n_train_examples": len(ytr)},
        "threshold": model.threshold,
        "bias": round(model.bias, 4),
        "lemmas": {k: [int(v[0]), int(v[1])] for k, v in sorted(lemmas.items())},
        "particles": particles,
        "weights": dict(sorted(weights.items())),
    }
    Path(args.out).write_text(json.dumps(out, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"wrote {args.out}: {len(weights)} weights, threshold {model.threshold}", file=sys.stderr)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("parse", "train"):
        p = sub.add_parser(name)
        p.add_argument("--data", required=True, help="folder with PolNeAR train.jsonl and dev.jsonl")
        p.add_argument("--cache", default="build/statements", help="where parsed DocBins are cached")
        p.add_argument("--limit", type=int, default=None, help="only the first N train articles")
        if name == "train":
            p.add_argument("--out", default="src/counterclaim/data/statement_cues.json")
            p.add_argument("--C", type=float, nargs="+", default=[0.1, 0.3, 1.0])
            p.add_argument("--thresholds", type=float, nargs="+", default=[0.3, 0.4, 0.5, 0.6])
    args = ap.parse_args(argv)
    {"parse": cmd_parse, "train": cmd_train}[args.cmd](args)


if __name__ == "__main__":
    main()
