#!/usr/bin/env python
"""Static word vectors for the syntax tok2vec, trained here on unlabelled text (no model hub offline).

    python training/vectors.py --data ../shared/data --out build/vectors

Steps:
1. ``corpus``: one tokenised paragraph or sentence per line, from the texts the project may use for
   training and ship derived artefacts of:
   - FNC-1 article bodies (``news/fnc1_bodies.jsonl``; research data, already used by the name lexicon),
   - PolNeAR train articles (``polnear/train.jsonl``; dev is left out, it is where we tune),
   - the UD EWT and GUM train sentences (GUM's non-commercial genres left out),
   - the Groningen Meaning Bank sentences (``ner/gmb_kaggle``) and WikiGold (UNER EWT is the EWT text
     again).
   Left out: the BBC articles (non-commercial), every dev and test split, CoNLL-2003.
   Raw texts are tokenised with counterclaim's own tokenizer, so the vector keys are the tokens the
   pipeline sees; case is kept (spaCy looks vectors up by ORTH).
2. ``train``: floret (fastText with Bloom-hashed subwords, ``pip install floret``) in floret mode, so
   every word, seen or not, gets a vector from a small table: ``--bucket`` rows x ``--dim`` columns.
3. ``init``: ``spacy init vectors en … --mode floret`` into ``OUT/spacy_vectors``; the syntax config
   ``configs/syn_vectors.cfg`` reads it as ``paths.vectors``.

Nothing from the data directory is committed; the vectors ship inside the pipeline (``vocab/vectors``).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))

NONCOMMERCIAL_GUM_GENRES = {"whow", "fiction", "essay", "letter", "podcast"}


def _conllu_sentences(path: Path, drop_genres=frozenset()):
    """Token forms of each sentence of a CoNLL-U file (multiword-token lines skipped)."""
    from pipeline import read_conllu_docs

    for _doc_id, chunk in read_conllu_docs(path, drop_genres):
        words = []
        for line in chunk.splitlines():
            if not line.strip():
                if words:
                    yield words
                words = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            words.append(cols[1])
        if words:
            yield words


def _jsonl_texts(path: Path):
    with open(path, encoding="utf8") as f:
        for line in f:
            line = line.strip()
            if line:
                text = json.loads(line).get("text") or ""
                if text.strip():
                    yield text


def build_corpus(data: Path, out: Path) -> dict:
    from pipeline import read_columns, read_gmb

    from counterclaim.ingest.text import split_paragraphs
    from counterclaim.nlp.tokenizer import customize_tokenizer
    import spacy

    nlp = spacy.blank("en")
    customize_tokenizer(nlp)
    counts: dict[str, int] = {}
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf8") as f:

        def emit(name, words):
            words = [w.replace(" ", "_") for w in words if w.strip()]
            if words:
                f.write(" ".join(words) + "\n")
                counts[name] = counts.get(name, 0) + len(words)

        for name, path in (("fnc1", data / "news" / "fnc1_bodies.jsonl"),
                           ("polnear_train", data / "polnear" / "train.jsonl")):
            for text in _jsonl_texts(path):
                for start, end in split_paragraphs(text):
                    emit(name, [t.text for t in nlp.tokenizer(text[start:end])])
        for name, path, drop in (("ud_ewt_train", data / "ud" / "ewt" / "en_ewt-ud-train.rebuilt.conllu", frozenset()),
                                 ("ud_gum_train", data / "ud" / "gum" / "en_gum-ud-train.rebuilt.conllu",
                                  NONCOMMERCIAL_GUM_GENRES)):
            for words in _conllu_sentences(path, drop):
                emit(name, words)
        for words, _tags in read_gmb(data / "ner" / "gmb_kaggle" / "ner_dataset.csv"):
            emit("gmb", words)
        for words, _tags in read_columns(data / "ner" / "wikigold" / "wikigold.conll.txt", 0, 1, sep=" "):
            emit("wikigold", words)
    return counts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--out", default=str(ROOT / "build" / "vectors"))
    ap.add_argument("--steps", nargs="+", default=["corpus", "train", "init"], choices=["corpus", "train", "init"])
    ap.add_argument("--dim", type=int, default=64)
    ap.add_argument("--bucket", type=int, default=32768)
    ap.add_argument("--epoch", type=int, default=10)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    corpus = out / "corpus.txt"
    if "corpus" in args.steps:
        t0 = time.time()
        counts = build_corpus(Path(args.data), corpus)
        (out / "corpus_stats.json").write_text(json.dumps(counts, indent=2))
        print(f"corpus: {sum(counts.values()):,} tokens {counts} ({time.time() - t0:.0f} s)", flush=True)
    if "train" in args.steps:
        import floret

        t0 = time.time()
        # seed: floret is deterministic with one thread; with more, word order in Hogwild updates varies
        model = floret.train_unsupervised(
            str(corpus), model="cbow", mode="floret", hashCount=2, bucket=args.bucket, dim=args.dim,
            minn=3, maxn=5, minCount=args.min_count, epoch=args.epoch, thread=args.threads, verbose=1,
        )
        model.save_floret_vectors(str(out / "vectors.floret"))
        print(f"floret: dim {args.dim}, bucket {args.bucket}, {len(model.words):,} words "
              f"({time.time() - t0:.0f} s)", flush=True)
        for w in ("said", "denied", "Hamas", "Tehran", "spokesman"):
            nn = model.get_nearest_neighbors(w, k=5)
            print(f"  {w}: " + ", ".join(x for _s, x in nn), flush=True)
    if "init" in args.steps:
        cmd = [sys.executable, "-m", "spacy", "init", "vectors", "en", str(out / "vectors.floret"),
               str(out / "spacy_vectors"), "--mode", "floret"]
        print(" ".join(cmd), flush=True)
        subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()
