#!/usr/bin/env python
"""Accuracy and speed of the shipped English news pipeline (issue 2).

    python bench/nlp_accuracy.py --data ../shared/data [--pipeline DIR] [--json out.json] [--speed-docs 400]

Syntax (from raw text, so tokenization errors count): UD EWT test, GUM test, PUD -- token F, UPOS, XPOS,
morph, lemma, UAS, LAS, sentence F (spaCy Scorer).

NER, compared on a common PER/ORG/LOC scheme (gold tokenization):
  * UNER EWT test and UNER PUD (PER, ORG, LOC; OTH ignored),
  * CoNLL++ test (conllpp_test.txt, Reuters 1996, never used for training) as news-like held-out text:
    gold PER, ORG, LOC; MISC ignored.
  Our labels map as PERSON->PER, ORG->ORG, GPE+LOC->LOC; NORP/DATE/TIME/EVENT predictions are dropped.
  Predicted spans that overlap an ignored gold span (OTH/MISC) are not counted as false positives.
  Exact span match.

Speed: words/s (non-space tokens) of nlp.pipe over news/fnc1_bodies.jsonl with n_process=1 and 2.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def load(pipeline: str | None):
    from counterclaim.nlp import pipeline_path  # also registers the pipeline's components

    path = pipeline or str(pipeline_path())
    return _spacy_load(path), path


def _spacy_load(path: str):
    """spacy.load, with the float16-stored weights widened as counterclaim.nlp.load_pipeline does."""
    import spacy

    from counterclaim.nlp import weights  # also registers the pipeline's components

    nlp = spacy.load(path)
    weights.widen(nlp)
    return nlp


# ------------------------------------------------------------------------------------------ syntax


def ud_examples(nlp, path: Path):
    from spacy.training import Example
    from spacy.training.converters import conllu_to_docs

    text = path.read_text(encoding="utf8")
    docs = list(conllu_to_docs(text, n_sents=10, merge_subtokens=False, no_print=True))
    exs = []
    for d in docs:
        ref = d
        exs.append(Example(nlp.make_doc(ref.text), ref))
    return exs


def eval_syntax(nlp, path: Path):
    from spacy.scorer import Scorer

    exs = ud_examples(nlp, path)
    t0 = time.time()
    preds = list(nlp.pipe([e.predicted for e in exs], batch_size=64))
    dt = time.time() - t0
    from spacy.training import Example

    exs = [Example(p, e.reference) for p, e in zip(preds, exs)]
    sc = Scorer(nlp)
    s = {}
    s.update(Scorer.score_tokenization(exs))
    s.update(Scorer.score_token_attr(exs, "pos"))
    s.update(Scorer.score_token_attr(exs, "tag"))
    s.update(Scorer.score_token_attr(exs, "lemma"))
    s.update(Scorer.score_token_attr(exs, "morph"))
    s.update(Scorer.score_deps(exs, "dep", ignore_labels=("p", "punct")))
    s.update(Scorer.score_spans(exs, "sents", has_annotation=lambda doc: doc.has_annotation("SENT_START")))
    words = sum(len(e.reference) for e in exs)
    return {
        "sentences": sum(len(list(e.reference.sents)) for e in exs),
        "words": words,
        "token_f": s["token_f"], "upos": s["pos_acc"], "xpos": s["tag_acc"], "morph": s["morph_acc"],
        "lemma": s["lemma_acc"], "uas": s["dep_uas"], "las": s["dep_las"], "sent_f": s["sents_f"],
        "words_per_s": words / dt,
    }


# ------------------------------------------------------------------------------------------ NER

MAP_OURS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


def read_iob(path: Path, word_col: int, tag_col: int, sep=None):
    sents, w, t = [], [], []
    for line in path.read_text(encoding="utf8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if w:
                sents.append((w, t))
            w, t = [], []
            continue
        p = line.split(sep)
        if p[0] == "-DOCSTART-":
            continue
        if sep == "\t" and ("-" in p[0] or "." in p[0]):
            continue
        w.append(p[word_col])
        tag = p[tag_col]
        if tag in ("B-O", "I-O"):
            tag = "O"
        t.append(tag)
    if w:
        sents.append((w, t))
    return sents


def iob_spans(tags):
    spans, start, label = [], None, None
    for i, t in enumerate(list(tags) + ["O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != label):
            if start is not None:
                spans.append((start, i, label))
            start, label = (i, t[2:]) if t != "O" else (None, None)
    return spans


def eval_ner(nlp, sents, gold_map, batch=8, sample_errors=0):
    """gold_map: gold label -> PER/ORG/LOC, or None for ignored labels."""
    from spacy.tokens import Doc

    tp, fp, fn = Counter(), Counter(), Counter()
    errors = []
    # group sentences into small docs (context helps) but keep sentence offsets
    docs, offsets = [], []
    for i in range(0, len(sents), batch):
        chunk = sents[i: i + batch]
        words, gold, off = [], [], 0
        for w, t in chunk:
            for s, e, lab in iob_spans(t):
                gold.append((off + s, off + e, lab))
            words.extend(w)
            off += len(w)
        sent_starts = []
        o = 0
        for w, _ in chunk:
            sent_starts.extend([True] + [False] * (len(w) - 1))
        doc = Doc(nlp.vocab, words=words, sent_starts=sent_starts)
        docs.append(doc)
        offsets.append(gold)
    names = [n for n, _ in nlp.pipeline]
    for doc, gold in zip(nlp.pipe(docs, batch_size=32), offsets):
        g = {(s, e, gold_map.get(lab)) for s, e, lab in gold if gold_map.get(lab)}
        ignored = [(s, e) for s, e, lab in gold if not gold_map.get(lab)]
        p = set()
        for ent in doc.ents:
            lab = MAP_OURS.get(ent.label_)
            if not lab:
                continue
            if any(ent.start < e and s < ent.end for s, e in ignored):
                continue
            p.add((ent.start, ent.end, lab))
        for x in p & g:
            tp[x[2]] += 1
        for x in p - g:
            fp[x[2]] += 1
            if len(errors) < sample_errors:
                errors.append(("FP", doc[x[0]:x[1]].text, x[2]))
        for x in g - p:
            fn[x[2]] += 1
            if len(errors) < sample_errors:
                errors.append(("FN", doc[x[0]:x[1]].text, x[2]))
    out = {}
    for lab in ["PER", "ORG", "LOC", "ALL"]:
        if lab == "ALL":
            a, b, c = sum(tp.values()), sum(fp.values()), sum(fn.values())
        else:
            a, b, c = tp[lab], fp[lab], fn[lab]
        pr = a / (a + b) if a + b else 0.0
        rc = a / (a + c) if a + c else 0.0
        f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        out[lab] = {"p": pr, "r": rc, "f": f, "n_gold": a + c}
    if errors:
        out["error_sample"] = errors
    return out


# ------------------------------------------------------------------------------------------ speed


def news_texts(data: Path, n: int):
    texts = []
    with open(data / "news" / "fnc1_bodies.jsonl", encoding="utf8") as f:
        for line in f:
            t = json.loads(line).get("text") or ""
            if t.strip():
                texts.append(t)
            if len(texts) >= n:
                break
    return texts


def speed(path: str, texts, n_process: int):
    nlp = _spacy_load(path)
    list(nlp.pipe(texts[:5]))
    t0 = time.time()
    words = 0
    for doc in nlp.pipe(texts, n_process=n_process, batch_size=32):
        words += sum(1 for t in doc if not t.is_space)
    dt = time.time() - t0
    return {"words": words, "seconds": dt, "words_per_s": words / dt}


def markdown(res) -> str:
    """Tables for docs/benchmarks.md."""
    lines = []
    if "syntax" in res:
        lines += ["| test set | sentences | words | token F | UPOS | XPOS | morph | lemma | UAS | LAS | sentence F |",
                  "|---|---|---|---|---|---|---|---|---|---|---|"]
        for name, r in res["syntax"].items():
            lines.append(f"| {name} | {r['sentences']} | {r['words']} | " + " | ".join(
                f"{100 * r[k]:.1f}" for k in ("token_f", "upos", "xpos", "morph", "lemma", "uas", "las", "sent_f")) + " |")
        lines.append("")
    if "ner" in res:
        lines += ["| NER test set | PER P/R/F | ORG P/R/F | LOC (GPE+LOC) P/R/F | all P/R/F |", "|---|---|---|---|---|"]
        for name, r in res["ner"].items():
            cells = []
            for lab in ("PER", "ORG", "LOC", "ALL"):
                x = r[lab]
                cells.append(f"{100 * x['p']:.1f} / {100 * x['r']:.1f} / **{100 * x['f']:.1f}** (n={x['n_gold']})")
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        lines.append("")
    if "speed" in res:
        lines += ["| nlp.pipe on news/fnc1_bodies.jsonl | words | seconds | words/s |", "|---|---|---|---|"]
        for name, r in res["speed"].items():
            lines.append(f"| {name} | {r['words']} | {r['seconds']:.1f} | {r['words_per_s']:.0f} |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True)
    ap.add_argument("--pipeline", default=None, help="pipeline dir (default: the shipped one)")
    ap.add_argument("--json", default=None)
    ap.add_argument("--speed-docs", type=int, default=400)
    ap.add_argument("--skip", nargs="*", default=[], help="any of: syntax ner speed")
    args = ap.parse_args()
    data = Path(args.data)
    nlp, path = load(args.pipeline)
    res = {"pipeline": path, "meta_version": nlp.meta.get("version"), "pipe_names": nlp.pipe_names}
    size = sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())
    res["size_mb"] = size / 1e6
    if "syntax" not in args.skip:
        res["syntax"] = {}
        for name, p in [("EWT test", data / "ud/ewt/en_ewt-ud-test.conllu"),
                        ("GUM test", data / "ud/gum/en_gum-ud-test.conllu"),
                        ("PUD", data / "ud/pud/en_pud-ud-test.conllu")]:
            res["syntax"][name] = eval_syntax(nlp, p)
            print(name, json.dumps(res["syntax"][name]), flush=True)
    if "ner" not in args.skip:
        res["ner"] = {}
        uner_map = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
        conll_map = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
        for name, sents, gm in [
            ("UNER EWT test", read_iob(data / "ner/uner/en_ewt-ud-test.iob2", 1, 2, "\t"), uner_map),
            ("UNER PUD", read_iob(data / "ner/uner/uner_en_pud-ud-test.iob2", 1, 2, "\t"), uner_map),
            ("CoNLL++ test", read_iob(data / "ner/conll2003-eval-only/conllpp_test.txt", 0, 3, " "), conll_map),
        ]:
            res["ner"][name] = eval_ner(nlp, sents, gm, sample_errors=40 if "CoNLL" in name else 0)
            print(name, json.dumps({k: v for k, v in res["ner"][name].items() if k != "error_sample"}), flush=True)
    if "speed" not in args.skip:
        texts = news_texts(data, args.speed_docs)
        res["speed"] = {}
        for n in (1, 2):
            res["speed"][f"n_process={n}"] = speed(path, texts, n)
            print("speed", n, res["speed"][f"n_process={n}"], flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2))
    print(markdown(res))
    return res


if __name__ == "__main__":
    main()
