#!/usr/bin/env python
"""What one rule changes on real articles: statements with a rule flag on and off, side by side.

    python bench/flag_diff.py ../shared/data/news/fnc1_bodies.jsonl extract.sources:BARE_PASSIVE_PARTICIPLES \
        --limit 1000 --cache build/fnc_cache
    python bench/flag_diff.py ../shared/data/news/fnc1_bodies.jsonl extract.speakers:REFERENCE_NAME_GENDER \
        --limit 1500 --speakers
    python bench/flag_diff.py ../shared/data/news/fnc1_bodies.jsonl extract.actor_types:COMPANY_WITHOUT_SUFFIX \
        --limit 1500 --cache build/fnc_cache --actors

Every rule of the statement extractor has a module-level flag (see ``counterclaim.extract.statements``). This
reads the first ``--limit`` texts of a JSONL file (a "text" field; FNC-1 bodies, BBC, Wikinews ...), parses
them once (``--cache`` keeps the parse), and extracts statements with the flag (an on/off one) on and off,
putting it back as shipped afterwards. It prints each statement that differs as ``ON`` / ``OFF`` lines (source | cue | content), or with
``--speakers`` each statement whose resolved speaker differs, or with ``--actors`` each actor (name, type,
country, affiliation) found only one way, and the count. Reading these lines is how a rule
is checked on text that neither trained nor tuned it; the counts in docs/benchmarks.md come from here.
"""
from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _texts(path: str, limit: int) -> list[str]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line)["text"])
            if limit and len(out) >= limit:
                break
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("texts", help="JSONL file with a 'text' field per line")
    ap.add_argument("flag", help="module:FLAG under counterclaim, e.g. extract.verbs:ADDRESSEE_NOT_SOURCE")
    ap.add_argument("--limit", type=int, default=1000, help="first N texts (0: all)")
    ap.add_argument("--cache", default=None, help="parse cache folder")
    ap.add_argument("--speakers", action="store_true", help="compare resolved speakers instead of spans")
    ap.add_argument("--actors", action="store_true", help="compare the actors found instead of statements")
    args = ap.parse_args(argv)

    from counterclaim import ingest
    from counterclaim.evaluation.attribution import parse_documents
    from counterclaim.pipeline import analyze_parsed

    module_name, _, flag = args.flag.partition(":")
    module = importlib.import_module("counterclaim." + module_name)
    if not flag or not hasattr(module, flag):
        ap.error(f"{args.flag}: no such flag (give module:FLAG, e.g. extract.verbs:ADDRESSEE_NOT_SOURCE)")
    if not isinstance(getattr(module, flag), bool):
        ap.error(f"{args.flag} is not an on/off rule flag")
    texts = _texts(args.texts, args.limit)
    docs, _ = parse_documents(texts, cache_dir=args.cache)
    documents = [ingest.from_text(t) for t in texts]

    def run() -> list[dict]:
        out = []
        for d, doc in zip(documents, docs):
            a = analyze_parsed(d, doc)
            if args.actors:
                names = {x.id: x.name for x in a.actors}
                out.append({(x.name, x.type, x.country or "-", names.get(x.affiliation or "", "-")): 1
                            for x in a.actors})
            elif args.speakers:
                out.append({(s.cue.start, s.source.text if s.source else None): s.speaker.name if s.speaker else None
                            for s in a.statements})
            else:
                out.append({(s.source.text if s.source else "-", s.cue.text, " ‖ ".join(c.text for c in s.content)): 1
                            for s in a.statements})
        return out

    shipped = getattr(module, flag)
    setattr(module, flag, True)
    on = run()
    setattr(module, flag, False)
    off = run()
    setattr(module, flag, shipped)
    changed = 0
    for a, b in zip(on, off):
        if args.speakers and not args.actors:
            for key, who in a.items():
                if key in b and b[key] != who:
                    changed += 1
                    print(f"{key[1]!r}: OFF {b[key]!r} -> ON {who!r}")
        else:
            for key in sorted(set(a) - set(b)):
                changed += 1
                print("ON ", " | ".join(key)[:300].replace("\n", " "))
            for key in sorted(set(b) - set(a)):
                print("OFF", " | ".join(key)[:300].replace("\n", " "))
    what = "actors" if args.actors else "statements"
    print(f"{len(texts)} texts, {changed} {what} changed ({args.flag} on vs off)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
