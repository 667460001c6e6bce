"""Cross-validation of the stance model (training/stance.py) on the FNC-1 and Emergent training data.

    OMP_NUM_THREADS=1 nice -n 5 python bench/stance_cv.py --data ../shared/data [--folds 5]

Splits (no test labels are used anywhere):
- FNC-1: GroupKFold by body id (default, ``--split body``), so no article body appears in both the
  training and the test fold (the realistic setting; the FNC-1 competition test also had unseen bodies).
  Headlines (claims) recur across folds there, which the competition test did not allow, so we also
  report ``--split headline``: no headline in both folds (bodies then recur). A split with neither is
  impossible: the unrelated pairs connect every headline and body into one component.
- Emergent: GroupKFold by claim id, so no claim appears in both folds (as in the paper's split).
Fold k holds out FNC fold k and Emergent fold k together; one model is fitted per fold on everything else
(vocabulary and IDF refitted on the training fold only).

Metrics: FNC score = 0.25 per correct related/unrelated decision + 0.75 more per correct
agree/disagree/discuss on related pairs, as a percentage of the best possible (the FNC-1 "relative score");
macro-F1 over the four classes (Hanselowski et al. 2018); Emergent accuracy over its three classes, both
as predicted (an "unrelated" answer counts as wrong) and with the argmax restricted to agree/disagree/discuss.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def _recipe():
    spec = importlib.util.spec_from_file_location("stance_recipe", ROOT / "training" / "stance.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def fnc_score(gold: list[str], pred: list[str]) -> float:
    """Relative FNC-1 score in percent."""
    score = best = 0.0
    for g, p in zip(gold, pred):
        best += 0.25 if g == "unrelated" else 1.0
        if (g == "unrelated") == (p == "unrelated"):
            score += 0.25
            if g != "unrelated" and g == p:
                score += 0.75
    return 100.0 * score / best


def macro_f1(gold: list[str], pred: list[str], labels) -> float:
    f1s = []
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return 100.0 * sum(f1s) / len(f1s)


def group_folds(groups: list[str], k: int, seed: int = 0) -> list[int]:
    """Fold of each row: groups shuffled and dealt to folds balancing row counts (like GroupKFold)."""
    rng = np.random.default_rng(seed)
    sizes: dict[str, int] = {}
    for g in groups:
        sizes[g] = sizes.get(g, 0) + 1
    order = list(sizes)
    rng.shuffle(order)
    order.sort(key=lambda g: -sizes[g])
    load = [0] * k
    fold_of = {}
    for g in order:
        f = int(np.argmin(load))
        fold_of[g] = f
        load[f] += sizes[g]
    return [fold_of[g] for g in groups]




def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=None)
    ap.add_argument("--max-folds", type=int, default=None, help="run only the first N folds (quick checks)")
    ap.add_argument("--split", choices=("body", "headline"), default="body", help="FNC-1 folds grouped by body id or by headline")
    ap.add_argument("--blends", default="", help="also score Emergent with these headline-model blends, e.g. 0.7,0.5")
    args = ap.parse_args(argv)
    blends = [float(x) for x in args.blends.split(",") if x]
    by_blend: dict[float, list[bool]] = {b: [] for b in blends}
    R = _recipe()
    from counterclaim.reconcile.stance import LABELS, StanceModel

    fnc, em = R.load_fnc(args.data), R.load_emergent(args.data)
    fnc_groups = [r["group"] for r in fnc] if args.split == "body" else ["h:" + r["claim"] for r in fnc]
    ff = group_folds(fnc_groups, args.folds)
    ef = group_folds([r["group"] for r in em], args.folds)
    feat = R.Featurizer()
    epochs = args.epochs or R.EPOCHS
    gold_f, pred_f, gold_e, pred_e, pred_e3 = [], [], [], [], []
    t0 = time.time()
    for k in range(args.max_folds or args.folds):
        train = [r for r, f in zip(fnc, ff) if f != k] + [r for r, f in zip(em, ef) if f != k]
        test_f = [r for r, f in zip(fnc, ff) if f == k]
        test_e = [r for r, f in zip(em, ef) if f == k]
        weights, meta = R.fit(feat, train, epochs=epochs, seed=k)
        model = StanceModel({k2: v.astype(np.float32) for k2, v in weights.items()}, meta)
        pf = model.predict([(r["claim"], r["text"]) for r in test_f])
        pe_proba = model.proba([(r["claim"], r["text"]) for r in test_e])
        pe = [model.labels[i] for i in pe_proba.argmax(axis=1)]
        keep = [model.labels.index(x) for x in ("agree", "disagree", "discuss")]
        pe3 = [model.labels[keep[i]] for i in pe_proba[:, keep].argmax(axis=1)]
        gf, ge = [r["label"] for r in test_f], [r["label"] for r in test_e]
        for b in blends:
            model.head_blend = b
            by_blend[b] += [g == p for g, p in zip(ge, model.predict([(r["claim"], r["text"]) for r in test_e]))]
        gold_f += gf; pred_f += pf; gold_e += ge; pred_e += pe; pred_e3 += pe3
        print(f"fold {k}: FNC {fnc_score(gf, pf):.2f}  Emergent acc {100*np.mean([a == b for a, b in zip(ge, pe)]):.1f}"
              f" (3-way {100*np.mean([a == b for a, b in zip(ge, pe3)]):.1f})  [{time.time() - t0:.0f}s]", file=sys.stderr)
    result = {
        "split": f"FNC-1 grouped by {args.split}"
        + f", Emergent grouped by claim id, {args.folds} folds",
        "folds_run": args.max_folds or args.folds,
        "fnc_pairs": len(gold_f),
        "fnc_score": round(fnc_score(gold_f, pred_f), 2),
        "fnc_macro_f1": round(macro_f1(gold_f, pred_f, LABELS), 2),
        "fnc_per_class_f1": {lab: round(macro_f1(gold_f, pred_f, [lab]), 2) for lab in LABELS},
        "emergent_pairs": len(gold_e),
        "emergent_accuracy": round(100 * float(np.mean([a == b for a, b in zip(gold_e, pred_e)])), 2),
        "emergent_accuracy_3way": round(100 * float(np.mean([a == b for a, b in zip(gold_e, pred_e3)])), 2),
        "emergent_accuracy_by_blend": {str(b): round(100 * float(np.mean(v)), 2) for b, v in by_blend.items()},
        "seconds": round(time.time() - t0),
        "epochs": epochs,
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
