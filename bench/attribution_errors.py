"""Where statement extraction loses recall on PolNeAR-style gold (issue 4 diagnosis).

    python bench/attribution_errors.py ../shared/data/polnear/dev.jsonl --cache build/statements \\
        [--train ../shared/data/polnear/train.jsonl]

Prints, for gold attributions: how many have an exactly matching predicted cue; for gold cues that no
predicted cue overlaps, why (the head word is punctuation, was never seen heading a cue in the lexicon,
or is a candidate the cue classifier scores below its threshold, or scores above it but no statement was
built); and, for attributions whose cue is right, how often the content is exactly right.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter


def cue_head(doc, s: int, e: int):
    """The token of a gold cue span whose head lies outside the span (a verb, noun or adjective first)."""
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    heads = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    return next((t for t in heads if t.pos_ in ("VERB", "NOUN", "ADJ")), heads[0] if heads else None)


def main(argv=None) -> None:
    from counterclaim.evaluation.attribution import gold_document, load_gold, parse_documents, statement_to_attribution
    from counterclaim.extract.cues import cue_features, cue_key, load_cue_model
    from counterclaim.extract.statements import extract_statements

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("--cache", default=None, help="DocBin cache folder (as for `counterclaim eval attribution`)")
    ap.add_argument("--top", type=int, default=25, help="how many missed cue words to list")
    args = ap.parse_args(argv)
    arts = load_gold(args.gold)
    documents = [gold_document(a) for a in arts]
    docs, _ = parse_documents([d.text for d in documents], cache_dir=args.cache)
    model = load_cue_model()
    c: Counter = Counter()
    unseen: Counter = Counter()
    low: Counter = Counter()
    for a, d, doc in zip(arts, documents, docs):
        pred = [statement_to_attribution(s, a.text) for s in extract_statements(doc, d, ())]
        by_cue = {p.cue: p for p in pred}
        pcues = [q for p in pred for q in p.cue]
        for g in a.attributions:
            c["gold"] += 1
            p = by_cue.get(g.cue)
            if p is not None:
                c["cue_exact"] += 1
                c["content_exact_given_cue"] += int(p.content == g.content)
                continue
            if not g.cue or any(q[0] < g.cue[0][1] and g.cue[0][0] < q[1] for q in pcues):
                c["cue_overlap_only"] += 1
                continue
            c["cue_missed"] += 1
            h = cue_head(doc, *g.cue[0])
            if h is None or h.is_punct:
                c["missed_punct_or_unaligned"] += 1
            elif not model.is_candidate(h):
                c["missed_unseen_word"] += 1
                unseen[h.lower_] += 1
            elif model.prob(cue_features(h, False, False, False, model.lemmas.get(cue_key(h)))) < model.threshold:
                c["missed_below_threshold"] += 1
                low[h.lower_] += 1
            else:
                c["missed_no_statement_built"] += 1
    out = dict(c)
    out["distinct_unseen_words"] = len(unseen)
    out["top_unseen"] = unseen.most_common(args.top)
    out["top_below_threshold"] = low.most_common(args.top)
    print(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
