#!/usr/bin/env python
"""Recipe: a first-name gender lexicon, learnt by distant supervision from public-domain news.

    python training/names.py --data ../shared/data             # writes src/counterclaim/data/first_names.tsv
    python training/names.py --data ../shared/data --evaluate  # also scores it against GUM's coreference

Speaker resolution checks that "she" does not resolve to a man. The text often shows a person's gender
(a title, "Mr.", an apposition "a spokeswoman", a reflexive), but most often it shows nothing but the
name: "Bill Nelson … she said" then resolved "she" to Bill. This recipe learns which first names stand
for men and which for women from how news refers back to the people it names.

Sources: the Groningen Meaning Bank NER layer (``ner/gmb_kaggle/ner_dataset.csv``: Voice of America news,
public-domain texts, 1.05M tokens, person spans tagged ``per``), WikiGold (CC BY 4.0) and UniversalNER's EWT
train (CC BY-SA 4.0), read the same way. Each person span that has a first name
(two or more words once titles are stripped: "President George Bush" -> "George") casts votes:

- a gendered title inside or right before the span ("Mr.", "Mrs.", "spokeswoman", "King") casts one;
- gendered pronouns (he / him / his / himself, she / her / hers / herself) in the rest of its sentence
  and in the next sentence cast one, when they are all of one gender and no other person is named in
  that window (so the pronoun can only refer to this person or to nobody named).

Votes are kept per person (first name and surname). A first name is kept when it has at least
``--min-votes`` votes, at least ``--min-share`` of them agree, and they come from at least
``--min-people`` people or number at least ``--strong`` (one "Terry" shows little about the name).
Only first names and the two counts leave the recipe (derived statistics, no text).

``--evaluate`` reads GUM (dev and test, ``ud/gum``): every entity whose chain holds a name of two or more
words and gendered pronouns (all of one gender) gives a gold first-name gender. It prints how many of
those first names the lexicon covers and how many it gets right.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from counterclaim.extract.gazetteer import load_knowledge
from counterclaim.extract.speakers import FEMALE_WORDS, MALE_WORDS

OUT_DEFAULT = Path(__file__).resolve().parents[1] / "src" / "counterclaim" / "data" / "first_names.tsv"

MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
#: gendered words inside or right before a person's name: the ones speaker resolution reads
MALE_TITLES = MALE_WORDS
FEMALE_TITLES = FEMALE_WORDS


def _title_words() -> frozenset[str]:
    """Words stripped from the front of a person span before its first name is read: the shipped titles
    (:attr:`Knowledge.titles`, from ``data/agents_titles.tsv``) plus the gendered words above."""
    words = set(MALE_TITLES | FEMALE_TITLES)
    for phrase in load_knowledge().titles:
        for w in phrase.split():
            words.update((w, w.rstrip(".")))
    return frozenset(words)


def first_name(words: list[str], titles: frozenset[str]) -> str | None:
    """The first name of a person span, or None: the first word after any titles, when a surname follows
    it and it looks like a given name (capitalised, letters, not an initial or a run of capitals)."""
    i = 0
    while i < len(words) and (words[i].lower() in titles or words[i].lower().rstrip(".") in titles):
        i += 1
    rest = words[i:]
    if len(rest) < 2:
        return None
    w = rest[0]
    if not (w[:1].isupper() and w[1:].islower() and w.isalpha() and len(w) >= 2):
        return None
    if not rest[-1][:1].isupper():
        return None
    return w.lower()


def read_gmb(path: Path) -> list[list[tuple[str, str]]]:
    """GMB sentences as lists of (word, tag), in corpus order."""
    sents: list[list[tuple[str, str]]] = []
    with path.open(encoding="latin-1", newline="") as fh:
        reader = csv.reader(fh)
        next(reader)
        for row in reader:
            if len(row) < 4:
                continue
            if row[0].startswith("Sentence"):
                sents.append([])
            if sents:
                sents[-1].append((row[1], row[3]))
    return sents


def read_iob(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences of a CoNLL-style NER file (word first, tag last; UniversalNER's ``.iob2`` with ``#``
    comments, or WikiGold's IO tags), person tags as GMB's (``B-per``/``I-per``); an empty sentence
    separates documents (``# newdoc``, ``-DOCSTART-``)."""
    sents: list[list[tuple[str, str]]] = [[]]
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# newdoc") or line.startswith("-DOCSTART-"):
                sents += [[], []]
                continue
            if not line.strip():
                if sents[-1]:
                    sents.append([])
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t") if "\t" in line else line.split(" ")
            word, tag = (cols[1], cols[2]) if "\t" in line else (cols[0], cols[-1])
            prev = sents[-1][-1][1] if sents[-1] else "O"
            if tag.endswith("PER"):
                tag = "B-per" if tag.startswith("B-") or prev == "O" else "I-per"
            else:
                tag = "O"
            sents[-1].append((word, tag))
    return sents


def _person_spans(sent: list[tuple[str, str]]) -> list[tuple[int, int]]:
    spans, start = [], None
    for i, (_, tag) in enumerate(sent + [("", "O")]):
        if start is not None and tag != "I-per":
            spans.append((start, i))
            start = None
        if tag == "B-per":
            start = i
    return spans


def corpus_votes(paths: list[Path], titles: frozenset[str], limit: int = 0) -> dict[str, Counter]:
    """Votes from JSONL articles (a ``text`` field per line), read with the shipped pipeline. Its parse
    allows stricter evidence than GMB's flat tags: a person entity that is the subject of a clause casts a
    vote when a "he"/"she" (or "himself"/"herself") is the subject, or a reflexive, of a clause under
    that clause's verb with no other person named between them ("Jane Doe said she …"), or when the next
    sentence opens with "He"/"She" and the sentence names no other person; and a gendered title right
    before it casts one."""
    import json

    from counterclaim.nlp import load_pipeline

    texts = []
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh if line.strip())
    if limit:
        texts = texts[:limit]
    nlp = load_pipeline()
    votes: dict[str, Counter] = defaultdict(Counter)
    for doc in nlp.pipe(texts, batch_size=32):
        sents = list(doc.sents)
        for k, sent in enumerate(sents):
            people = [e for e in sent.ents if e.label_ == "PERSON"]
            for ent in people:
                name = first_name([t.text for t in ent], titles)
                if name is None:
                    continue
                name = f"{name} {ent[-1].lower_}"  # votes are kept per person, first name and surname
                before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
                words = {t.lower_ for t in ent} | {before}
                if words & MALE_TITLES and not words & FEMALE_TITLES:
                    votes[name]["m"] += 1
                elif words & FEMALE_TITLES and not words & MALE_TITLES:
                    votes[name]["f"] += 1
                root = ent.root
                if root.dep_ not in ("nsubj", "nsubj:pass"):
                    continue
                verb = root.head
                others = [e for e in people if e is not ent]
                for t in verb.subtree:
                    if t.i <= ent.end - 1 or t.lower_ not in SUBJECT_PRONOUNS:
                        continue
                    if t.lower_ in ("he", "she") and t.dep_ not in ("nsubj", "nsubj:pass"):
                        continue
                    if any(ent.end <= o.start < t.i for o in others):
                        break
                    votes[name]["m" if t.lower_ in MALE_PRONOUNS else "f"] += 1
                    break
                if verb.dep_ == "ROOT" and len(people) == 1 and k + 1 < len(sents):
                    first = sents[k + 1][0]
                    if first.lower_ in ("he", "she") and first.dep_ in ("nsubj", "nsubj:pass"):
                        votes[name]["m" if first.lower_ == "he" else "f"] += 1
    return votes


#: the pronouns whose reference the corpus evidence trusts: subjects and reflexives, not possessives
#: or objects ("Sanders attacked her record" says nothing of Sanders)
SUBJECT_PRONOUNS = frozenset({"he", "she", "himself", "herself"})


def count_votes(sents: list[list[tuple[str, str]]], titles: frozenset[str]) -> dict[str, Counter]:
    """Per first name, a Counter of "m" and "f" votes."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for k, sent in enumerate(sents):
        spans = _person_spans(sent)
        nxt = sents[k + 1] if k + 1 < len(sents) else []
        for j, (s, e) in enumerate(spans):
            words = [w for w, _ in sent[s:e]]
            name = first_name(words, titles)
            if name is None:
                continue
            name = f"{name} {words[-1].lower()}"  # votes are kept per person, first name and surname
            before = sent[s - 1][0].lower() if s > 0 else ""
            title_words = {w.lower() for w in words} | {before}
            if title_words & MALE_TITLES and not title_words & FEMALE_TITLES:
                votes[name]["m"] += 1
            elif title_words & FEMALE_TITLES and not title_words & MALE_TITLES:
                votes[name]["f"] += 1
            if len(spans) > 1 or _person_spans(nxt):
                continue  # another person named in the window: the pronouns may be theirs
            window = [w.lower() for w, _ in sent[e:]] + [w.lower() for w, _ in nxt]
            m = sum(w in MALE_PRONOUNS for w in window if w in SUBJECT_PRONOUNS)
            f = sum(w in FEMALE_PRONOUNS for w in window if w in SUBJECT_PRONOUNS)
            if m and not f:
                votes[name]["m"] += 1
            elif f and not m:
                votes[name]["f"] += 1
    return votes


def decide(votes: dict[str, Counter], min_votes: int, min_share: float, min_people: int = 2,
           strong: int = 5) -> dict[str, tuple[str, int, int, int]]:
    """First name -> (gender, male votes, female votes, people) from votes per person ("terry strada").

    A first name is kept when its votes reach ``min_votes`` and ``min_share`` of them agree, and they
    come from at least ``min_people`` people of that gender, or number at least ``strong``: the few votes
    for one "Terry" or "Leslie" say more about that person than about the name."""
    by_name: dict[str, list[tuple[str, Counter]]] = defaultdict(list)
    for person, c in votes.items():
        by_name[person.split(" ", 1)[0]].append((person, c))
    out = {}
    for name, people in by_name.items():
        m = sum(c["m"] for _, c in people)
        f = sum(c["f"] for _, c in people)
        if m + f < min_votes:
            continue
        for g, n in (("m", m), ("f", f)):
            if n / (m + f) >= min_share:
                k = sum(1 for _, c in people if c[g] > c["mf".replace(g, "")])
                if k >= min_people or n >= strong:
                    out[name] = (g, m, f, k)
    return out


def gum_gold(gum_dir: Path, splits: tuple[str, ...] = ("dev", "test")) -> dict[str, str]:
    """First name -> gender from GUM's gold coreference (see the module docstring)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from speakers_eval import SPLIT_FILES, read_gum  # noqa: E402

    titles = _title_words()
    gold: dict[str, Counter] = defaultdict(Counter)
    for split in splits:
        for fname in SPLIT_FILES[split]:
            for doc in read_gum(gum_dir / fname):
                chains: dict[str, list[str]] = defaultdict(list)
                for s, e, eid in doc.mentions:
                    chains[eid].append(doc.text[s:e])
                for texts in chains.values():
                    low = [t.lower() for t in texts]
                    m = sum(t in MALE_PRONOUNS for t in low)
                    f = sum(t in FEMALE_PRONOUNS for t in low)
                    if bool(m) == bool(f):
                        continue
                    names = {first_name(t.split(), titles) for t in texts if " " in t and "\n" not in t}
                    for n in names - {None}:
                        gold[n]["m" if m else "f"] += 1
    return {n: c.most_common(1)[0][0] for n, c in gold.items() if len(c) == 1}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, type=Path, help="the shared data directory")
    ap.add_argument("--out", type=Path, default=OUT_DEFAULT)
    ap.add_argument("--min-votes", type=int, default=1)
    ap.add_argument("--min-share", type=float, default=0.9)
    ap.add_argument("--corpus", type=Path, nargs="*", default=[],
                    help="JSONL articles (a 'text' field) read with the shipped pipeline's entity recogniser "
                         "as further evidence")
    ap.add_argument("--votes-cache", type=Path, default=None,
                    help="keep the corpus votes in this JSON file and reuse them (parsing takes minutes)")
    ap.add_argument("--limit", type=int, default=0, help="read at most this many corpus articles")
    ap.add_argument("--min-people", type=int, default=2)
    ap.add_argument("--strong", type=int, default=5)
    ap.add_argument("--evaluate", action="store_true", help="score the lexicon against GUM dev + test")
    args = ap.parse_args(argv)

    gmb = args.data / "ner" / "gmb_kaggle" / "ner_dataset.csv"
    if not gmb.exists():
        ap.error(f"{gmb} not found: pass the shared data directory with --data")
    titles = _title_words()
    votes = count_votes(read_gmb(gmb), titles)
    for extra_path in (args.data / "ner" / "wikigold" / "wikigold.conll.txt",
                       args.data / "ner" / "uner" / "en_ewt-ud-train.v0-0c7ce0d.iob2"):
        if extra_path.exists():
            for name, c in count_votes(read_iob(extra_path), titles).items():
                votes.setdefault(name, Counter()).update(c)
    if args.corpus:
        cache = args.votes_cache
        if cache is not None and cache.exists():
            extra = {n: Counter(c) for n, c in json.loads(cache.read_text(encoding="utf-8")).items()}
        else:
            extra = corpus_votes(args.corpus, titles, args.limit)
            if cache is not None:
                cache.write_text(json.dumps(extra, sort_keys=True), encoding="utf-8")
        for name, c in extra.items():
            votes.setdefault(name, Counter()).update(c)
    lexicon = decide(votes, args.min_votes, args.min_share, args.min_people, args.strong)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write("# first name\tgender\tmale votes\tfemale votes\tpeople of that gender\n")
        fh.write("# Built by training/names.py from the NER layers of GMB (Voice of America news, public domain),\n")
        corpora = " ".join(p.name for p in args.corpus) or "none"
        fh.write(f"# WikiGold and UniversalNER EWT train; further corpora: {corpora}; --min-votes {args.min_votes} --min-share "
                 f"{args.min_share} --min-people {args.min_people} --strong {args.strong}. Derived counts only: no text of any corpus is kept.\n")
        for name in sorted(lexicon):
            g, m, f, k = lexicon[name]
            fh.write(f"{name}\t{g}\t{m}\t{f}\t{k}\n")
    n_m = sum(v[0] == "m" for v in lexicon.values())
    print(f"{len(votes)} first names with votes, {len(lexicon)} kept ({n_m} male, {len(lexicon) - n_m} female)"
          f" -> {args.out}")
    if args.evaluate:
        print(gum_report({n: v[0] for n, v in lexicon.items()}, args.data))
    return 0


def gum_report(genders: dict[str, str], data: Path) -> str:
    """How a first name -> "m"/"f" lexicon fares against GUM's gold first names (:func:`gum_gold`, all splits;
    GUM builds neither lexicon): coverage, accuracy and the names it gets wrong."""
    gold = gum_gold(data / "ud" / "gum", ("dev", "test", "train"))
    covered = [n for n in gold if n in genders]
    right = sum(genders[n] == gold[n] for n in covered)
    wrong = sorted(n for n in covered if genders[n] != gold[n])
    return (f"GUM (all splits; none of it built the lexicon): {len(gold)} gold first names, {len(covered)} covered "
            f"({len(covered) / max(len(gold), 1):.2f}), {right} right "
            f"(accuracy {right / max(len(covered), 1):.3f}); wrong: {', '.join(wrong) or 'none'}")


if __name__ == "__main__":
    sys.exit(main())
