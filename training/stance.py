"""Train the stance model shipped in src/counterclaim/data/stance_model.{npz,vocab.json}.

Recipe:
    OMP_NUM_THREADS=1 nice -n 5 python training/stance.py --data ../shared/data --out src/counterclaim/data/

Data: FNC-1 training pairs (headline, body, agree/disagree/discuss/unrelated) and Emergent's training
pairs (claim, article headline, for/against/observing -> agree/disagree/discuss), from
``DATA/stance/fnc1`` and ``DATA/stance/emergent``. Their test labels are not used.

Model: UCL's FNC-1 design (Riedel et al. 2017): TF vectors of claim and text over the 5,000 most
frequent non-stop words + TF-IDF cosine, plus hand features (counterclaim.reconcile.stance.DENSE_FEATURES),
one hidden layer of 100 ReLUs, softmax over the four labels. Fitted with scikit-learn's MLPClassifier
(Adam, L2), exported as plain arrays: inference is numpy only (counterclaim.reconcile.stance).
Short texts (headlines) get a second model trained on Emergent alone, which splits the perceptron's
related probability into agree/disagree/discuss: NB-LR over counterclaim.reconcile.stance.headline_terms
+ the dense features (fit_headline).
The cross-validation that measures it is bench/stance_cv.py, which reuses the functions here.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from counterclaim.reconcile import stance as S

VOCAB_SIZE = 5000
HIDDEN = 100
ALPHA = 1e-3  # L2 penalty
EPOCHS = 12
BATCH = 256
LEARNING_RATE = 1e-3
EMERGENT_REPEAT = 4  # Emergent pairs are few (2k vs 50k): repeat them so the short-text regime is learned
EMERGENT_UNRELATED = 1  # synthetic unrelated claim-headline pairs per Emergent pair
SEED = 0
HEAD_C = 0.3  # inverse L2 strength of the headline model (logistic regressions)
HEAD_NB_ALPHA = 1.0  # smoothing of the headline model's log-count ratios (NB-LR, Wang & Manning 2012)
HEAD_MIN_DF = 2
HEAD_BLEND = 1.0  # short texts: weight of the headline model vs the perceptron's agree/disagree/discuss split
EMERGENT_MAP = {"for": "agree", "against": "disagree", "observing": "discuss"}


def load_fnc(data: Path) -> list[dict]:
    d = data / "stance" / "fnc1"
    csv.field_size_limit(sys.maxsize)
    with open(d / "train_bodies.csv", encoding="utf-8", newline="") as fh:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(fh)}
    out = []
    with open(d / "train_stances.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out.append({"claim": row["Headline"], "text": bodies[row["Body ID"]], "label": row["Stance"],
                        "group": "fnc:" + row["Body ID"], "source": "fnc"})
    return out


def load_emergent(data: Path) -> list[dict]:
    out = []
    with open(data / "stance" / "emergent" / "emergent_train.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out.append({"claim": row["claimHeadline"], "text": row["articleHeadline"],
                        "label": EMERGENT_MAP[row["articleHeadlineStance"]],
                        "group": "em:" + row["claimId"], "source": "emergent"})
    return out


class Featurizer:
    """Vocabulary + IDF fitted on the training texts only; text statistics cached per distinct text."""

    def __init__(self) -> None:
        self.lex = S.load_lexicons()
        self.cache: dict[str, S.TextStats] = {}

    def stats(self, s: str) -> S.TextStats:
        st = self.cache.get(s)
        if st is None:
            st = self.cache[s] = S.text_stats(s, self.lex)
        return st

    def fit_vocab(self, rows: list[dict], size: int = VOCAB_SIZE) -> tuple[list[str], np.ndarray]:
        texts = {r["claim"] for r in rows} | {r["text"] for r in rows}
        tf: Counter = Counter()
        df: Counter = Counter()
        for t in texts:
            st = self.stats(t)
            for w, n in st.counts.items():
                if w in self.lex.stopwords:
                    continue
                tf[w] += n
                df[w] += 1
        vocab = [w for w, _ in sorted(tf.items(), key=lambda kv: (-kv[1], kv[0]))[:size]]
        n = len(texts)
        idf = np.array([math.log((1 + n) / (1 + df[w])) + 1 for w in vocab])
        return vocab, idf

    def matrix(self, rows: list[dict], vocab: list[str], idf: np.ndarray):
        from scipy import sparse

        index = {w: i for i, w in enumerate(vocab)}
        indptr, indices, values, dense = [0], [], [], []
        for r in rows:
            idx, val, d = S.pair_features(self.stats(r["claim"]), self.stats(r["text"]), index, idf, self.lex)
            indices.append(idx)
            values.append(val)
            indptr.append(indptr[-1] + len(idx))
            dense.append(d)
        sp = sparse.csr_matrix(
            (np.concatenate(values), np.concatenate(indices), np.array(indptr)), shape=(len(rows), 2 * len(vocab))
        )
        return sp, np.vstack(dense)


def assemble(sp, dense, mean, scale):
    from scipy import sparse

    return sparse.hstack([sp, sparse.csr_matrix((dense - mean) / scale)], format="csr")


def unrelated_headlines(em: list[dict], seed: int = SEED) -> list[dict]:
    """Short texts are never unrelated in Emergent, so the perceptron would learn "short means related".
    As FNC-1 built its unrelated pairs, pair each claim with the headline of an article about another
    claim (``EMERGENT_UNRELATED`` per claim-headline pair, drawn from the same training rows)."""
    rng = np.random.default_rng(seed)
    out = []
    if len({r["group"] for r in em}) < 2:
        return out
    for r in em:
        for _ in range(EMERGENT_UNRELATED):
            o = em[int(rng.integers(len(em)))]
            while o["group"] == r["group"]:
                o = em[int(rng.integers(len(em)))]
            out.append({"claim": r["claim"], "text": o["text"], "label": "unrelated", "group": r["group"],
                        "source": "emergent_unrelated"})
    return out


def fit(feat: Featurizer, rows: list[dict], *, epochs: int = EPOCHS, seed: int = SEED, verbose: bool = False):
    """Fit on ``rows``; returns (weights dict, meta dict) ready for counterclaim's StanceModel."""
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    em = [r for r in rows if r["source"] == "emergent"]
    train = [r for r in rows if r["source"] != "emergent"] + (em + unrelated_headlines(em, seed)) * EMERGENT_REPEAT
    vocab, idf = feat.fit_vocab(rows)
    sp, dense = feat.matrix(train, vocab, idf)
    mean = dense.mean(axis=0)
    scale = dense.std(axis=0)
    scale[scale == 0] = 1.0
    X = assemble(sp, dense, mean, scale)
    y = np.array([S.LABELS.index(r["label"]) for r in train])
    clf = MLPClassifier(
        hidden_layer_sizes=(HIDDEN,), alpha=ALPHA, batch_size=BATCH, learning_rate_init=LEARNING_RATE,
        max_iter=epochs, shuffle=True, random_state=seed, verbose=verbose,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        clf.fit(X, y)
    head_weights, head_meta = fit_headline(feat, [r for r in rows if r["source"] == "emergent"], vocab, idf)
    classes = [S.LABELS[c] for c in clf.classes_]
    weights = {
        "W1": clf.coefs_[0].astype(np.float32), "b1": clf.intercepts_[0].astype(np.float32),
        "W2": clf.coefs_[1].astype(np.float32), "b2": clf.intercepts_[1].astype(np.float32),
    }
    weights.update(head_weights)
    meta = {
        "headline": head_meta,
        "labels": classes, "vocab": vocab, "idf": [round(float(x), 6) for x in idf],
        "dense_features": list(S.DENSE_FEATURES),
        "dense_mean": [float(x) for x in mean], "dense_scale": [float(x) for x in scale],
        "model": {"hidden": HIDDEN, "alpha": ALPHA, "epochs": epochs, "batch": BATCH, "lr": LEARNING_RATE,
                  "emergent_repeat": EMERGENT_REPEAT, "emergent_unrelated": EMERGENT_UNRELATED, "seed": seed},
        "trained_on": {"fnc1_pairs": sum(r["source"] == "fnc" for r in rows),
                       "emergent_pairs": sum(r["source"] == "emergent" for r in rows)},
        "recipe": "python training/stance.py --data ../shared/data --out src/counterclaim/data/",
        "cite": "Riedel et al. 2017 (arXiv:1707.03264); Ferreira & Vlachos 2016 (NAACL)",
    }
    return weights, meta


def fit_headline(feat: Featurizer, rows: list[dict], vocab, idf):
    """NB-LR (Wang & Manning 2012, "Baselines and bigrams") over headline terms + the dense features, on
    claim–headline pairs (Emergent): for each class, the binary term features are scaled by their
    log-count ratio (class vs the rest, add-``HEAD_NB_ALPHA`` smoothing) and a one-vs-rest logistic
    regression is fitted on them and the standardised dense features. The ratio is folded into the
    exported term weights, so inference is a sum of weights as before, then a sigmoid per class, normalised."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    if not rows:
        return {}, None
    docs = [S.headline_terms(r["claim"], r["text"], feat.lex) for r in rows]
    df: Counter = Counter(t for d in docs for t in set(d))
    terms = sorted(t for t, n in df.items() if n >= HEAD_MIN_DF)
    index = {t: i for i, t in enumerate(terms)}
    indptr, indices = [0], []
    for d in docs:
        ix = sorted({index[t] for t in d if t in index})
        indices += ix
        indptr.append(len(indices))
    B = sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(terms)))
    _, dense = feat.matrix(rows, vocab, idf)
    mean, scale = dense.mean(axis=0), dense.std(axis=0)
    scale[scale == 0] = 1.0
    Z = sparse.csr_matrix((dense - mean) / scale)
    y = np.array([r["label"] for r in rows])
    labels = sorted(set(y))
    HW = np.zeros((len(terms) + dense.shape[1], len(labels)), dtype=np.float64)
    Hb = np.zeros(len(labels), dtype=np.float64)
    for k, lab in enumerate(labels):
        yk = y == lab
        p = HEAD_NB_ALPHA + np.asarray(B[yk].sum(axis=0)).ravel()
        q = HEAD_NB_ALPHA + np.asarray(B[~yk].sum(axis=0)).ravel()
        ratio = np.log((p / p.sum()) / (q / q.sum()))
        X = sparse.hstack([B.multiply(ratio).tocsr(), Z], format="csr")
        clf = LogisticRegression(C=HEAD_C, max_iter=3000).fit(X, yk)
        w = clf.coef_[0]
        HW[: len(terms), k] = w[: len(terms)] * ratio
        HW[len(terms):, k] = w[len(terms):]
        Hb[k] = clf.intercept_[0]
    weights = {"HW": HW.astype(np.float32), "Hb": Hb.astype(np.float32)}
    meta = {"kind": "nblr", "terms": terms, "labels": [str(c) for c in labels],
            "dense_mean": [float(x) for x in mean], "dense_scale": [float(x) for x in scale],
            "C": HEAD_C, "nb_alpha": HEAD_NB_ALPHA, "min_df": HEAD_MIN_DF, "blend": HEAD_BLEND}
    return weights, meta


def export(weights: dict, meta: dict, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    w = {k: (v.astype(np.float16) if k == "W1" else v) for k, v in weights.items()}
    np.savez_compressed(out / S.MODEL_FILE, **w)
    (out / S.VOCAB_FILE).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True, help="the shared data folder (holds stance/fnc1, stance/emergent)")
    ap.add_argument("--out", type=Path, required=True, help="where to write stance_model.npz and stance_model.vocab.json")
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    args = ap.parse_args(argv)
    t0 = time.time()
    rows = load_fnc(args.data) + load_emergent(args.data)
    feat = Featurizer()
    weights, meta = fit(feat, rows, epochs=args.epochs, verbose=True)
    export(weights, meta, args.out)
    print(f"wrote {args.out / S.MODEL_FILE} and {args.out / S.VOCAB_FILE} in {time.time() - t0:.0f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
