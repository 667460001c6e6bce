"""Recipe: learn the attribution-cue model of counterclaim from PolNeAR (issue 4).

    python training/statements.py parse --data ../shared/data/polnear --cache build/statements
    python training/statements.py train --data ../shared/data/polnear --cache build/statements \
        --out src/counterclaim/data/statement_cues.json

Steps
1. parse train and dev with the shipped pipeline (cached as DocBins under ``--cache``);
2. count, per lemma, how often it heads a gold cue and how often it occurs (the cue lexicon), and
   which words right after a cue verb PolNeAR puts inside the cue ("called for", "said:"), and, per verb form
   and object noun, how often a cue verb's object is inside the cue ("issued a statement calling") rather
   than the content (:mod:`counterclaim.extract.light_objects`; ``objects`` recounts only that, in place);
3. train a logistic regression on :func:`counterclaim.extract.cues.cue_features` of every candidate
   token (label: the token heads a gold cue);
4. choose C and the decision threshold together: those that maximise the mean of the full extractor's
   exact source, cue and content F1 and whole-attribution F1 on dev;
5. write lexicon, weights (non-zero only) and threshold as JSON (no pickles).

    python training/statements.py bounds --data ../shared/data/polnear --cache build/statements \
        --out src/counterclaim/data/statement_bounds.json

trains the span-boundary rankers (:mod:`counterclaim.extract.boundaries`: content end and start, source
end and start): for every statement of train whose cue matches a gold attribution and whose span agrees
with the gold one on the other side, each token boundary of the sentence around the rules' one is a
candidate, the gold boundary the positive; a conditional-logit ranker (softmax over each boundary's
candidates, ``--objective listwise``, the default) or a logistic regression per candidate (``pointwise``)
scores them; C and the margin by which a candidate must beat the rules' boundary are chosen by ranking
accuracy on dev (or, with ``--select end2end``, by the whole extractor's dev F1 with the rankers chosen
before it), and a ranker that does not beat the rules there is not shipped.

PolNeAR: Newell, Margolin & Ruths (2018), "An Attribution Relations Corpus for Political News", LREC.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from counterclaim.extract.cues import CANDIDATE_MIN_COUNT, cue_key
from counterclaim.evaluation.attribution import gold_document, load_gold, parse_documents, score


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


def _object_lexicon(arts, docs) -> dict:
    """For gold cues headed by a verb with an object after it: per verb form and per object lemma, how often the
    object is inside the cue ("issued a statement calling | …") against inside the content ("accused | Holt of
    …"); and per verb form with an infinitive, how often that is in the cue ("continued to call for | …")
    against in the content ("urged | to …"). Read by :mod:`counterclaim.extract.light_objects`."""
    verbs: dict = defaultdict(lambda: [0, 0])
    nouns: dict = defaultdict(lambda: [0, 0])
    chains: dict = defaultdict(lambda: [0, 0])
    for a, doc in zip(arts, docs):
        for at in a.attributions:
            if not at.cue:
                continue
            h = _cue_head(doc, at.cue[0][0], at.cue[0][1])
            if h is None or h.pos_ not in ("VERB", "AUX"):
                continue
            x = next((c for c in h.children if c.dep_ == "xcomp" and c.i > h.i and c.pos_ == "VERB"), None)
            if x is not None:
                x_in_cue = at.cue[0][0] <= x.idx < at.cue[-1][1]
                if x_in_cue or any(s <= x.idx < e for s, e in at.content):
                    chains[cue_key(h)][0] += int(x_in_cue)
                    chains[cue_key(h)][1] += 1
            obj = next((c for c in h.children if c.dep_ == "obj" and c.i > h.i), None)
            if obj is None:
                continue
            in_cue = at.cue[0][0] <= obj.idx < at.cue[-1][1]
            if not in_cue and not any(s <= obj.idx < e for s, e in at.content):
                continue
            for table, key in ((verbs, cue_key(h)), (nouns, obj.lemma_.lower())):
                table[key][0] += int(in_cue)
                table[key][1] += 1
    return {"verbs": dict(sorted(verbs.items())), "nouns": dict(sorted(nouns.items())),
            "chains": dict(sorted(chains.items()))}


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
                if t.is_punct or c is None or c[0] < CANDIDATE_MIN_COUNT:
                    continue
                lab = int(t.i in hs)
                n_cue, n_tot = c
                if loo:
                    n_cue, n_tot = n_cue - lab, n_tot - 1
                f = cue_features(t, ctx.quote_at(t.idx) is not None, sq, _quote_adjacent(t, ctx) is not None, (n_cue, n_tot))
                X.append({k: 1 for k in f})
                y.append(lab)
    return X, y


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
    objects = _object_lexicon(tr_arts, tr_docs)  # C and threshold are chosen with the whole extractor
    vec = DictVectorizer()
    A = _int32(vec.fit_transform(Xtr))
    best = None  # (mean dev F1, C, threshold, model)
    for C in args.C:
        clf = LogisticRegression(C=C, max_iter=2000, solver="liblinear")
        clf.fit(A, ytr)
        names = vec.get_feature_names_out()
        weights = {str(n): round(float(w), 4) for n, w in zip(names, clf.coef_[0]) if abs(w) > 1e-4}
        model = CueModel(lemmas={k: (float(v[0]), float(v[1])) for k, v in lemmas.items()}, weights=weights,
                         bias=float(clf.intercept_[0]), threshold=0.5, particles=particles, objects=objects)
        for th in args.thresholds:
            model.threshold = th
            res = _evaluate_with(dv_arts, dv_in, dv_docs, model)
            e = res["exact"]
            mean = _mean_f1(res)
            print(f"C={C} threshold {th}: source {e['source']['f1']:.3f} cue {e['cue']['f1']:.3f} "
                  f"content {e['content']['f1']:.3f} whole {res['attribution']['f1']:.3f}", file=sys.stderr)
            if best is None or mean > best[0]:
                best = (mean, C, th, model, weights)
    _, C, th, model, weights = best
    model.threshold = th
    out = {
        "meta": {"trained_on": "PolNeAR train", "tuned_on": "PolNeAR dev", "C": C, "recipe": "training/statements.py",
                 "n_train_examples": len(ytr)},
        "threshold": model.threshold,
        "bias": round(model.bias, 4),
        "lemmas": {k: [int(v[0]), int(v[1])] for k, v in sorted(lemmas.items())},
        "particles": particles,
        "objects": objects,
        "weights": dict(sorted(weights.items())),
    }
    Path(args.out).write_text(json.dumps(out, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"wrote {args.out}: {len(weights)} weights, threshold {model.threshold}", file=sys.stderr)


def cmd_objects(args) -> None:
    """Recount the object lexicon (:func:`_object_lexicon`) into an existing cue model file, leaving its
    classifier weights as they are; prints dev scores without and with it."""
    from counterclaim.extract.cues import load_cue_model

    data, cache = Path(args.data), Path(args.cache)
    tr_arts, _, tr_docs = _parsed("train", data, cache, args.limit)
    dv_arts, dv_in, dv_docs = _parsed("dev", data, cache, None)
    objects = _object_lexicon(tr_arts, tr_docs)
    model = load_cue_model()
    for name, lex in (("without", {}), ("with", objects)):
        model.objects = lex
        res = _evaluate_with(dv_arts, dv_in, dv_docs, model)
        e = res["exact"]
        print(f"dev {name} the object lexicon: source {e['source']['f1']:.4f} cue {e['cue']['f1']:.4f} "
              f"content {e['content']['f1']:.4f} whole {res['attribution']['f1']:.4f}", file=sys.stderr)
    path = Path(args.out)
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["objects"] = objects
    path.write_text(json.dumps(raw, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"wrote the object lexicon into {path}: {len(objects['verbs'])} verb forms, {len(objects['nouns'])} "
          f"object nouns, {len(objects['chains'])} chain verb forms", file=sys.stderr)


def _boundary_instances(name: str, arts, docs_in, docs):
    """Ranking instances for one boundary ranker (``name`` in boundaries.BOUNDARIES): for every statement
    whose cue matches a gold attribution and whose span agrees with the gold span on the other side,
    the candidate boundaries around the rules' one, labelled with the gold boundary."""
    from counterclaim.evaluation.attribution import _trim as trim_piece
    from counterclaim.extract.boundaries import candidates, features, sentence_view
    from counterclaim.extract.statements import _Ctx, boundary_marks, boundary_task, find_raw_statements

    side = name.rsplit("_", 1)[1]
    X, y, group, rule = [], [], [], []
    n = 0
    for a, d, doc in zip(arts, docs_in, docs):
        ctx = _Ctx(doc, d)
        gold = {g.cue: g for g in a.attributions if g.cue}
        raws = find_raw_statements(doc, d, boundaries=None)
        marks = boundary_marks(raws)
        for r in raws:
            cue = trim_piece(a.text, *r.cue)
            g = gold.get((cue,)) if cue else None
            if name.startswith("cue") and cue:  # the cue itself is in question: a gold cue overlapping it
                g = next((x for x in a.attributions if len(x.cue) == 1
                          and x.cue[0][0] < cue[1] and cue[0] < x.cue[0][1]), None)
            task = boundary_task(r, ctx, name, marks) if g is not None else None
            if task is None:
                continue
            span = r.cue if task.piece == -2 else r.source if task.piece < 0 else r.content[task.piece]
            tp = trim_piece(a.text, *span)
            if tp is None:
                continue
            golds = g.cue if task.piece == -2 else g.source if task.piece < 0 else g.content
            if side == "end":
                wanted = [pe for ps, pe in golds if ps == tp[0]]
            else:
                wanted = [ps for ps, pe in golds if pe == tp[1]]
            if not wanted:
                continue
            view = sentence_view(doc, task.fixed_i)
            cands = candidates(doc, task.fixed_i, task.rule_k, side, view)
            cut = (lambda k: doc[k].idx + len(doc[k])) if side == "end" else (lambda k: doc[k].idx)
            labels = [int(cut(k) == wanted[0]) for k in cands]
            if sum(labels) != 1:
                continue
            for k, lab in zip(cands, labels):
                inq = ctx.quote_at(cut(k)) is not None
                X.append({f: 1 for f in features(doc, task.fixed_i, k, task.rule_k, side, task.how, inq, view, task.lemma,
                                                    task.report_phrase)})
                y.append(lab)
                group.append(n)
                rule.append(int(k == task.rule_k))
            n += 1
    return X, y, group, rule


def _ranking_accuracy(scores, y, group, rule, margin: float) -> tuple[float, float]:
    """Share of instances whose chosen end is the gold one: (ranker with margin, rules alone)."""
    import numpy as np

    scores, y, group, rule = map(np.asarray, (scores, y, group, rule))
    ok = base = 0
    n = int(group.max()) + 1 if len(group) else 0
    order = np.argsort(group, kind="stable")
    bounds = np.searchsorted(group[order], np.arange(n + 1))
    for i in range(n):
        ix = order[bounds[i]:bounds[i + 1]]
        r = ix[rule[ix] == 1][0]
        b = ix[np.argmax(scores[ix])]
        pick = b if scores[b] - scores[r] >= margin else r
        ok += int(y[pick] == 1)
        base += int(y[r] == 1)
    return ok / max(n, 1), base / max(n, 1)


def _listwise_fit(A, y, group, C: float, max_iter: int = 500):
    """Weights and bias of a conditional-logit ranker: the softmax over each group's candidates of
    their linear scores, trained to put the gold candidate first (negative log-likelihood of the gold
    candidate plus an L2 penalty ``|w|^2 / (2C)``, the scale liblinear's C has), with L-BFGS.
    Pointwise logistic regression labels every candidate on its own; the ranker only ever compares the
    candidates of one boundary, and this is the objective that matches that use."""
    import numpy as np
    from scipy.optimize import minimize

    y = np.asarray(y, dtype=float)
    group = np.asarray(group)
    if np.any(np.diff(group) < 0):
        raise ValueError("listwise instances must come grouped")
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    sizes = np.diff(np.r_[starts, len(group)])  # candidates per group
    At = A.T.tocsr()

    def loss(w):
        s = A @ w
        m = np.maximum.reduceat(s, starts)
        e = np.exp(s - np.repeat(m, sizes))
        z = np.add.reduceat(e, starts)
        lse = np.log(z) + m
        nll = lse.sum() - (s * y).sum()
        p = e / np.repeat(z, sizes)
        g = At @ (p - y)
        return nll + (w @ w) / (2 * C), g + w / C

    w0 = np.zeros(A.shape[1])
    res = minimize(loss, w0, jac=True, method="L-BFGS-B", options={"maxiter": max_iter})
    return res.x, 0.0  # a constant shifts every candidate's score alike: no bias


#: boundary-ranker weights smaller than this are dropped from the artefact (same dev figures, 40% of the size)
BOUNDS_PRUNE = 0.01


def cmd_bounds(args) -> None:
    """Train the span-boundary rankers (counterclaim.extract.boundaries) on train; C and margin on dev."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from counterclaim.extract.boundaries import BOUNDARIES, BoundaryModel
    from counterclaim.extract.cues import load_cue_model

    data, cache = Path(args.data), Path(args.cache)
    tr_arts, tr_in, tr_docs = _parsed("train", data, cache, args.limit)
    dv_arts, dv_in, dv_docs = _parsed("dev", data, cache, None)
    cue_model = load_cue_model()
    base = _evaluate_with(dv_arts, dv_in, dv_docs, cue_model, {})["exact"]
    print("extractor on dev, rules only: " + " ".join(f"{k} {v['f1']:.4f}" for k, v in base.items()), file=sys.stderr)
    models, out = {}, {"models": {}}
    for name in (args.only or BOUNDARIES):
        t0 = time.time()
        Xtr, ytr, gtr, rtr = _boundary_instances(name, tr_arts, tr_in, tr_docs)
        Xdv, ydv, gdv, rdv = _boundary_instances(name, dv_arts, dv_in, dv_docs)
        if not gtr or not gdv:
            print(f"{name}: no instances", file=sys.stderr)
            continue
        print(f"{name}: train {max(gtr) + 1} instances ({len(ytr)} candidates), dev {max(gdv) + 1} "
              f"({len(ydv)}) [{time.time() - t0:.0f}s]", file=sys.stderr)
        vec = DictVectorizer()
        A = _int32(vec.fit_transform(Xtr))
        B = _int32(vec.transform(Xdv))
        names = vec.get_feature_names_out()
        side = name.rsplit("_", 1)[1]

        def as_model(coef, intercept, margin):
            weights = {str(n): round(float(w), 3) for n, w in zip(names, coef) if abs(w) >= BOUNDS_PRUNE}
            return BoundaryModel(side=side, weights=weights, bias=round(intercept, 4), margin=margin)

        best = None  # (selection score, C, margin, model, dev ranking accuracy, rules' accuracy)
        incumbent = _end_to_end(dv_arts, dv_in, dv_docs, cue_model, models) if args.select == "end2end" else None
        for C in args.C:
            if args.objective == "listwise":
                coef, intercept = _listwise_fit(A, ytr, gtr, C)
            else:
                clf = LogisticRegression(C=C, max_iter=3000, solver="liblinear").fit(A, ytr)
                coef, intercept = clf.coef_[0], float(clf.intercept_[0])
            sdv = B @ coef + intercept
            for margin in args.margins:
                acc, rules = _ranking_accuracy(sdv, ydv, gdv, rdv, margin)
                model = as_model(coef, intercept, margin)
                if args.select == "end2end":
                    sel = _end_to_end(dv_arts, dv_in, dv_docs, cue_model, {**models, name: model})
                    msg = f", extractor mean F1 {sel:.4f} (without this ranker {incumbent:.4f})"
                else:
                    sel, msg = acc, ""
                print(f"  C={C} margin={margin}: dev accuracy {acc:.4f} (rules {rules:.4f}){msg}", file=sys.stderr)
                if best is None or sel > best[0]:
                    best = (sel, C, margin, model, acc, rules)
        sel, C, margin, model, acc, rules = best
        if acc <= rules or (incumbent is not None and sel <= incumbent):
            print(f"{name}: the ranker does not beat the rules on dev; not shipped", file=sys.stderr)
            continue
        models[name] = model
        weights = model.weights
        out["models"][name] = {
            "meta": {"trained_on": "PolNeAR train", "tuned_on": "PolNeAR dev", "C": C, "margin": margin,
                     "objective": args.objective, "selected_by": args.select,
                     "dev_accuracy": round(acc, 4), "dev_accuracy_rules": round(rules, 4),
                     "n_train_instances": int(max(gtr) + 1), "recipe": "training/statements.py bounds"},
            "bias": models[name].bias, "margin": margin, "weights": dict(sorted(weights.items())),
        }
        res = _evaluate_with(dv_arts, dv_in, dv_docs, cue_model, models)["exact"]
        print(f"  extractor on dev with {', '.join(models)}: " + " ".join(f"{k} {v['f1']:.4f}" for k, v in res.items()),
              file=sys.stderr)
    Path(args.out).write_text(json.dumps(out, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"wrote {args.out}: {', '.join(models) or 'no models'}", file=sys.stderr)


def _mean_f1(res: dict) -> float:
    """The mean of exact source, cue and content F1 and whole-attribution F1 of a :func:`_evaluate_with`
    result: what the cue model's C and threshold are chosen by, and the rankers' with ``--select
    end2end``. Whole-attribution F1 counts too: a statement is only useful when all three are right."""
    e = res["exact"]
    return (e["source"]["f1"] + e["cue"]["f1"] + e["content"]["f1"] + res["attribution"]["f1"]) / 4


def _end_to_end(arts, docs_in, docs, cue_model, boundaries) -> float:
    return _mean_f1(_evaluate_with(arts, docs_in, docs, cue_model, boundaries))


def _evaluate_with(arts, docs_in, docs, cue_model, boundaries: Any = "shipped") -> dict:
    """Exact/overlap scores of the raw statements found with ``cue_model`` and the boundary rankers
    ``boundaries`` (the shipped ones by default; ``{}`` for the rules alone)."""
    from counterclaim.evaluation.attribution import spans_to_attribution
    from counterclaim.extract.statements import find_raw_statements

    extra = {} if boundaries == "shipped" else {"boundaries": boundaries}
    pairs = []
    for a, d, doc in zip(arts, docs_in, docs):
        raws = find_raw_statements(doc, d, model=cue_model, **extra)
        pairs.append((a.attributions, [spans_to_attribution(a.text, r.source, r.cue, r.content) for r in raws]))
    return score(pairs)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("parse", "train", "bounds", "objects"):
        p = sub.add_parser(name)
        p.add_argument("--data", required=True, help="folder with PolNeAR train.jsonl and dev.jsonl")
        p.add_argument("--cache", default="build/statements", help="where parsed DocBins are cached")
        p.add_argument("--limit", type=int, default=None, help="only the first N train articles")
        if name in ("train", "objects"):
            p.add_argument("--out", default="src/counterclaim/data/statement_cues.json")
        if name == "train":
            p.add_argument("--C", type=float, nargs="+", default=[0.1, 0.3, 1.0])
            p.add_argument("--thresholds", type=float, nargs="+", default=[0.4, 0.5, 0.55, 0.6, 0.65, 0.7])
        if name == "bounds":
            p.add_argument("--out", default="src/counterclaim/data/statement_bounds.json")
            p.add_argument("--C", type=float, nargs="+", default=[0.3, 1.0, 3.0, 10.0])
            p.add_argument("--margins", type=float, nargs="+", default=[0.0, 0.5, 1.0])
            p.add_argument("--objective", choices=("pointwise", "listwise"), default="listwise",
                           help="pointwise: logistic regression per candidate; listwise: softmax over each "
                                "boundary's candidates")
            p.add_argument("--only", nargs="+", default=None, help="train only these boundaries (e.g. content_end)")
            p.add_argument("--select", choices=("ranking", "end2end"), default="ranking",
                           help="choose C and margin by the ranker's dev ranking accuracy, or by the whole "
                                "extractor's dev F1 (mean of exact source, cue, content and whole) with the "
                                "rankers chosen before it; a ranker ships only if it beats the rules either way")
    args = ap.parse_args(argv)
    {"parse": cmd_parse, "train": cmd_train, "bounds": cmd_bounds, "objects": cmd_objects}[args.cmd](args)


if __name__ == "__main__":
    main()
