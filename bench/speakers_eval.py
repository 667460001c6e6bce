"""Speaker resolution against GUM's gold coreference (issue 4, item 3).

A statement's source is often a pronoun ("he said") or a description ("the group's commander said");
counterclaim resolves it to an actor (``speaker.actor_id``). GUM (UD English GUM, ``../shared/data/ud/gum``)
marks every mention of every entity, so it can referee that: for each statement counterclaim extracts from
a GUM document, the gold mention that is its source gives the gold entity, and the resolution is right
when one of the resolved actor's mentions is a mention of that entity (the actor mention ends where the
gold mention ends, but for a possessive "'s", and lies inside it, or the other way round: "Obama" in
"President Obama"). A pronoun or description must reach a mention other than itself; a name may be the
mention of its own actor. A source resolved to an earlier source that no actor stands for ("The source
added" → "a senior Kurdish source") counts as resolved, and is right when that earlier source is a gold
mention of the same entity.

Sources are grouped by the part of speech of their head in counterclaim's parse: pronouns, descriptions
(a common noun) and names. Per group: statements whose source matches a gold mention of an entity with
at least one other mention (n), how many got an actor (resolved), how many the right one (correct);
accuracy = correct / n, precision = correct / resolved.

    python bench/speakers_eval.py ../shared/data/ud/gum                 # dev + test documents
    python bench/speakers_eval.py ../shared/data/ud/gum --split train   # GUM train (the parser's training data)
    python bench/speakers_eval.py ../shared/data/ud/gum --show 30       # print errors

The pipeline's parser and entity recogniser were trained on GUM train, so dev and test are the held-out
figures. Documents of all genres are read; ``--genres news,interview`` restricts them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

SPLIT_FILES = {"dev": ["en_gum-ud-dev.conllu"], "test": ["en_gum-ud-test.conllu"],
               "heldout": ["en_gum-ud-dev.conllu", "en_gum-ud-test.conllu"],
               "train": ["en_gum-ud-train.rebuilt.conllu"]}
_CLOSE = re.compile(r"(\d+)\)")


@dataclass
class GumDoc:
    id: str
    text: str = ""
    #: gold mentions: (start char, end char, entity id)
    mentions: list[tuple[int, int, str]] = field(default_factory=list)


def _entity_events(value: str) -> list[tuple[str, str]]:
    """("open"|"close", entity id) events of a CorefUD ``Entity=`` value, in order."""
    out, i = [], 0
    while i < len(value):
        if value[i] == "(":
            j = i + 1
            while j < len(value) and value[j] not in "()":
                j += 1
            eid = value[i + 1:j].split("-", 1)[0]
            out.append(("open", eid))
            if j < len(value) and value[j] == ")":
                out.append(("close", eid))
                j += 1
            i = j
        else:
            m = _CLOSE.match(value, i)
            if m is None:
                raise ValueError(f"unreadable Entity value {value!r} at {i}")
            out.append(("close", m.group(1)))
            i = m.end()
    return out


def read_gum(path: Path) -> list[GumDoc]:
    """GUM documents with their text rebuilt from the tokens (SpaceAfter, paragraphs at ``# newpar``) and
    their gold mentions as character offsets into it."""
    docs: list[GumDoc] = []
    parts: list[str] = []
    cur: GumDoc | None = None
    open_: dict[str, list[int]] = defaultdict(list)
    pos = 0
    range_end = 0  # last word id covered by a multiword token line
    range_span = (0, 0)
    sent_start = True

    def finish():
        if cur is not None:
            cur.text = "".join(parts).rstrip()

    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id"):
                finish()
                cur = GumDoc(id=line.split("=", 1)[1].strip())
                docs.append(cur)
                parts, pos, open_ = [], 0, defaultdict(list)
                continue
            if cur is None:
                continue
            if line.startswith("# newpar") and not line.startswith("# newpar_block"):
                if parts:
                    parts[-1] = parts[-1].rstrip(" ")
                    pos = sum(len(p) for p in parts)
                    parts.append("\n\n")
                    pos += 2
                continue
            if not line or line.startswith("#"):
                if not line:
                    sent_start, range_end = True, 0
                continue
            cols = line.split("\t")
            if "-" in cols[0]:  # a multiword token: its surface form is the text
                range_end = int(cols[0].split("-")[1])
                if sent_start and parts and not parts[-1].endswith((" ", "\n")):
                    parts.append(" ")
                    pos += 1
                sent_start = False
                form = cols[1]
                range_span = (pos, pos + len(form))
                parts.append(form)
                pos += len(form)
                if "SpaceAfter=No" not in cols[9]:
                    parts.append(" ")
                    pos += 1
                continue
            if "." in cols[0]:
                continue
            wid = int(cols[0])
            if wid <= range_end:  # a word inside a multiword token takes the token's span
                start, end = range_span
            else:
                if sent_start and parts and not parts[-1].endswith((" ", "\n")):
                    parts.append(" ")
                    pos += 1
                sent_start = False
                form = cols[1]
                start, end = pos, pos + len(form)
                parts.append(form)
                pos += len(form)
                if "SpaceAfter=No" not in cols[9]:
                    parts.append(" ")
                    pos += 1
            for item in cols[9].split("|"):
                if item.startswith("Entity="):
                    for kind, eid in _entity_events(item[len("Entity="):]):
                        if kind == "open":
                            open_[eid].append(start)
                        elif open_[eid]:
                            cur.mentions.append((open_[eid].pop(), end, eid))
    finish()
    return docs


def _head_pos(doc, s: int, e: int) -> str:
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or not len(span):
        return "other"
    root = span.root
    if root.pos_ == "PRON":
        return "pronoun"
    if root.pos_ == "PROPN":
        return "name"
    if root.pos_ == "NOUN":
        return "description"
    return "other"


def _gold_mention(mentions: list[tuple[int, int, str]], s: int, e: int):
    """The gold mention that best matches a source span: most overlap, then least extra length."""
    best, key = None, None
    for ms, me, eid in mentions:
        ov = min(e, me) - max(s, ms)
        if ov <= 0:
            continue
        k = (ov, -abs((me - ms) - (e - s)))
        if key is None or k > key:
            best, key = (ms, me, eid), k
    if best is None or key[0] < 0.5 * (e - s):
        return None
    return best


def _same_mention(a: tuple[int, int], g: tuple[int, int], text: str) -> bool:
    """An actor mention ``a`` names gold mention ``g``: they end together (but for a possessive ending of
    the gold mention, "Thomas'") and one lies inside the other."""
    end_ok = a[1] == g[1] or (a[1] < g[1] and text[a[1]:g[1]] in ("'", "’", "'s", "’s"))
    return end_ok and (g[0] <= a[0] < g[1] or a[0] <= g[0] < a[1])


def main(argv=None) -> int:
    from counterclaim.evaluation.attribution import parse_documents
    from counterclaim.ingest.text import from_text
    from counterclaim.pipeline import analyze_parsed

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gum", type=Path, help="the GUM folder (../shared/data/ud/gum)")
    ap.add_argument("--split", choices=sorted(SPLIT_FILES), default="heldout",
                    help="heldout = dev + test (default); train is the parser's training data")
    ap.add_argument("--genres", default="", help="comma-separated GUM genres to keep (default: all)")
    ap.add_argument("--cache", default=None, help="parse cache folder")
    ap.add_argument("--show", type=int, default=0, help="print this many wrong or unresolved sources")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON only")
    ap.add_argument("--dump", default=None, help="write every judged source as a JSON line to this file")
    args = ap.parse_args(argv)
    files = [args.gum / f for f in SPLIT_FILES[args.split]]
    missing = [str(f) for f in files if not f.exists()]
    if missing:
        ap.error(f"not found: {', '.join(missing)}; pass the GUM folder (../shared/data/ud/gum)")
    gum = [d for f in files for d in read_gum(f)]
    if args.genres:
        keep = set(args.genres.split(","))
        gum = [d for d in gum if d.id.split("_")[1] in keep]
    documents = [from_text(g.text, id=g.id) for g in gum]
    t0 = time.perf_counter()
    parsed, parse_s = parse_documents([d.text for d in documents], cache_dir=args.cache)
    counts: dict[str, Counter] = defaultdict(Counter)
    errors = []
    judged = []
    n_statements = 0
    for g, d, doc in zip(gum, documents, parsed):
        analysis = analyze_parsed(d, doc)
        actors = {a.id: a for a in analysis.actors}
        chains: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for ms, me, eid in g.mentions:
            chains[eid].append((ms, me))
        for st in analysis.statements:
            n_statements += 1
            if st.source is None:
                continue
            s, e = st.source.start, st.source.end
            gm = _gold_mention(g.mentions, s, e)
            if gm is None or len(chains[gm[2]]) < 2:
                continue
            group = _head_pos(doc, s, e)
            c = counts[group]
            c["n"] += 1
            actor = actors.get(st.speaker.actor_id) if st.speaker and st.speaker.actor_id else None
            earlier = -1
            if actor is None and st.speaker and st.speaker.name != st.source.text:
                # resolved to an earlier source no actor stands for ("The source" -> "a senior source")
                earlier = d.text.rfind(st.speaker.name, 0, s)
            if earlier >= 0:
                c["resolved"] += 1
                em = _gold_mention(g.mentions, earlier, earlier + len(st.speaker.name))
                ok = em is not None and em[2] == gm[2]
                verdict = "correct" if ok else "wrong"
                c["correct"] += int(ok)
            elif actor is None:
                verdict = "unresolved"
            else:
                c["resolved"] += 1
                gold_spans = chains[gm[2]]
                # a name may be its own actor's mention; a pronoun or description must reach another one
                ok = any(_same_mention((m.start, m.end), gs, d.text) for m in actor.mentions for gs in gold_spans
                         if group == "name" or not (m.start == s and m.end == e))
                verdict = "correct" if ok else "wrong"
                c["correct"] += int(ok)
            judged.append({"doc": g.id, "source": [s, e], "text": st.source.text, "group": group,
                           "verdict": verdict, "actor": actor.name if actor else (st.speaker.name if earlier >= 0 else None)})
            if verdict != "correct":
                errors.append((group, verdict, g.id, st.source.text,
                               actor.name if actor else (st.speaker.name if earlier >= 0 else None),
                               d.text[max(0, s - 150):e + 60].replace("\n", " ")))
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in judged)
    report = {"split": args.split, "documents": len(gum), "statements": n_statements,
              "parse_seconds": round(parse_s, 1), "seconds": round(time.perf_counter() - t0, 1), "groups": {}}
    total = Counter()
    for group in ("pronoun", "description", "name", "other"):
        c = counts.get(group, Counter())
        total.update(c)
        if c["n"]:
            report["groups"][group] = _figures(c)
    report["groups"]["all"] = _figures(total)
    if args.json:
        print(json.dumps(report, indent=1))
        return 0
    print(f"GUM {args.split}: {len(gum)} documents, {n_statements} statements, parse {parse_s:.1f} s")
    print(f"{'source':12} {'n':>5} {'resolved':>9} {'correct':>8} {'accuracy':>9} {'precision':>10}")
    for group, f in report["groups"].items():
        print(f"{group:12} {f['n']:5d} {f['resolved']:9d} {f['correct']:8d} {f['accuracy']:9.3f} {f['precision']:10.3f}")
    for err in errors[:args.show]:
        print(" | ".join(str(x) for x in err))
    return 0


def _figures(c: Counter) -> dict:
    n, res, cor = c["n"], c["resolved"], c["correct"]
    return {"n": n, "resolved": res, "correct": cor, "accuracy": round(cor / n, 3) if n else 0.0,
            "precision": round(cor / res, 3) if res else 0.0}


if __name__ == "__main__":
    sys.exit(main())
