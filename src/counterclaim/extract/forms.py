"""Attribution forms beside the cue verb: ``according to X``, headlines, quotations over sentences.

* ``..., according to Iran's Press TV``: the noun phrase after "according to" is the source, the rest
  of the sentence the content (rule ``according``);
* ``Iran: Oct. 7 attack was revenge...; Hamas: No it wasn't`` in headlines and subheads (rule
  ``headline``);
* a direct quote's continuations: the quotes after its reporting sentence (``“A,” he said. “B.”``) and
  the paragraphs that go on with it, and the quoted sentences before it (``“A.” “B,” she said``).

The flag ``PRECEDING_QUOTES`` is read from this module at call time: to toggle it, set it here, not on
:mod:`counterclaim.extract.statements`.
"""

from __future__ import annotations

import bisect
from typing import Any, Optional

from counterclaim.extract.contents import _clean_content, _snap_to_quotes
from counterclaim.extract.sources import _np_right
from counterclaim.extract.statement_base import HEADLINE_ROLES, RawStatement, _Ctx, _trim

#: A headline source: at most this many tokens before ":".
HEADLINE_MAX_SOURCE_TOKENS = 6
#: Confidence of structural rules without a learned score.
RULE_CONFIDENCE = {"headline": 0.8, "according": 0.9}
#: Longest rest of a reporting clause between a quote and its continuation (characters).
CONTINUATION_MAX_GAP = 100
#: sentences of a quotation before its reporting sentence join the content
PRECEDING_QUOTES = True


def _according(tok: Any, p: float, ctx: _Ctx) -> Optional[RawStatement]:
    text = ctx.text
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    cue = (tok.idx, nxt.idx + len(nxt))
    # the source is the noun phrase "according to" marks
    src_tok = tok.head if tok.dep_ in ("case", "mark") else None
    if src_tok is None or src_tok.i <= nxt.i:
        cands = [t for t in doc[nxt.i + 1: min(len(doc), nxt.i + 8)] if t.pos_ in ("NOUN", "PROPN", "PRON")]
        src_tok = cands[0] if cands else None
    if src_tok is None:
        return None
    toks = [t for t in src_tok.subtree if t.i > nxt.i]
    s_lo = min(t.idx for t in toks)
    s_hi = max(t.idx + len(t) for t in toks)
    np = _np_right(doc, nxt.i + 1, tok.sent.end)
    if np is not None:  # the parse may cut "Iran's state-owned Press TV": take the whole name phrase
        s_hi = max(s_hi, doc[np[1] - 1].idx + len(doc[np[1] - 1]))
    source = _trim(text, s_lo, s_hi, ",.;")
    sent = tok.sent
    before = _clean_content(text, sent.start_char, cue[0])
    after = _clean_content(text, source[1], sent.end_char)
    pieces = [pc for pc in (before, after) if pc[1] - pc[0] > 2]
    if not pieces:
        return None
    pieces, _, used = _snap_to_quotes(pieces, ctx)
    st = RawStatement(cue, source, pieces, "according_to", "according", max(p, RULE_CONFIDENCE["according"]),
                      head=tok, src_head=src_tok, lemma="according")
    st.quote_ids = used
    return st


def _headline_statements(ctx: _Ctx) -> list[RawStatement]:
    """``Iran: Oct. 7 attack was revenge...; Hamas: No it wasn't`` in headlines and subheads."""
    doc, text = ctx.doc, ctx.text
    out = []
    # whole headline paragraphs, not sentences: the splitter may cut "Hamas: | No it wasn't"
    units = [doc.char_span(p.start, p.end, alignment_mode="expand") for p in ctx.document.paragraphs
             if p.role in HEADLINE_ROLES]
    for sent in units:
        if sent is None or len(sent) == 0:
            continue
        seg_start = sent.start
        toks = list(sent)
        for k, t in enumerate(toks):
            if t.text in (";", "|", ".", "?", "!") and t.i < sent.end - 1:
                seg_start = t.i + 1
                continue
            if t.text != ":" or t.i == seg_start:
                continue
            src = doc[seg_start:t.i]
            if len(src) > HEADLINE_MAX_SOURCE_TOKENS or not any(w.pos_ in ("PROPN", "NOUN") or w.text[:1].isupper() for w in src):
                continue
            if any(w.pos_ in ("VERB", "AUX") and w.text[:1].islower() for w in src):
                continue
            # a speaker before the colon is a name or a noun phrase ("Iran:", "US officials:"), not a title
            # phrase ("Cold as ice: ...", "A lesson from X: ...")
            if not any(w.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for w in src) and \
                    not all(w.pos_ in ("PROPN", "NOUN", "ADJ", "DET", "NUM", "PUNCT") for w in src):
                continue
            end_i = t.i + 1
            while end_i < sent.end and doc[end_i].text not in (";", "|") and not (
                    doc[end_i].text in (".", "?", "!") and end_i + 1 < sent.end and doc[end_i + 1].text[:1].isupper()
                    and any(w.text == ":" for w in doc[end_i + 1:min(sent.end, end_i + 8)])):
                end_i += 1
            if end_i == t.i + 1:
                continue
            c_lo = doc[t.i + 1].idx
            c_hi = doc[end_i - 1].idx + len(doc[end_i - 1])
            content = _clean_content(text, c_lo, c_hi)
            source = _trim(text, src.start_char, src.end_char)
            if content[1] <= content[0]:
                continue
            out.append(RawStatement((t.idx, t.idx + 1), source, [content], "headline", "headline",
                                    RULE_CONFIDENCE["headline"], head=t, src_head=src.root, lemma=":"))
            seg_start = end_i
    return out


def _continuations(raws: list[RawStatement], ctx: _Ctx) -> None:
    """Add the quotes that go on after a direct quote's reporting sentence: ``“A,” he said. “B.”``,
    and paragraphs that continue it (each paragraph one piece), until another statement's cue."""
    used = {qi for r in raws for qi in r.quote_ids}
    cue_starts = sorted(r.cue[0] for r in raws)
    text = ctx.text
    for r in raws:
        if r.kind not in ("direct", "mixed") or not r.quote_ids or r.head is None:
            continue
        last = max(r.quote_ids)
        anchor = max(ctx.double[last].end, r.cue[1], r.source[1] if r.source else 0)
        sent_end = r.head.sent.end_char
        j = last + 1
        while j < len(ctx.double):
            q = ctx.double[j]
            if j in used or q.start < anchor:
                break
            gap = text[anchor:q.start]
            if q.start > sent_end and anchor <= sent_end:
                # the rest of the reporting sentence ("in a statement on Tuesday."), then the new quote
                gap = text[sent_end:q.start]
            prev = ctx.double[j - 1]
            if "\n" in gap and not (prev.continued and not gap.strip()):
                break
            if gap.strip(" .,;:\t"):
                # the rest of the reporting clause ("said in a statement on Tuesday. “…”") may stand between
                k0 = bisect.bisect_left(cue_starts, anchor)
                own_cue = k0 < len(cue_starts) and cue_starts[k0] < q.start
                if own_cue or len(gap) > CONTINUATION_MAX_GAP or "\n" in gap or not gap.rstrip().endswith(".") \
                        or any(c in gap for c in "“”\""):
                    break
            k = bisect.bisect_left(cue_starts, q.start)
            if k < len(cue_starts) and cue_starts[k] < q.end:
                break  # the quote has its own cue
            nxt = text[q.end:q.end + 40].lstrip(" ")
            if nxt and nxt[:1] not in "\n“\"'" and not q.continued:
                break  # text follows in the paragraph: a new reporting clause ("…,” she added.)
            r.content.append((q.start, q.end))
            r.quote_ids.append(j)
            used.add(j)
            anchor = q.end
            sent_end = q.end
            j += 1


def _preceding_quotes(raws: list[RawStatement], ctx: _Ctx) -> None:
    """A quotation that runs over sentences before its reporting clause (``“A.” “B,” she said``): the
    sentences before, in the same paragraph, that open with a quotation mark and have no cue of their own
    are pieces of the same content."""
    cue_starts = sorted(r.cue[0] for r in raws)
    text = ctx.text
    taken = sorted((s, e) for r in raws for s, e in r.content)
    for r in raws:
        if r.kind not in ("direct", "mixed") or not r.quote_ids or r.head is None:
            continue
        first_q = ctx.double[min(r.quote_ids)]
        if first_q.end > r.cue[0]:
            continue  # the reporting clause comes first
        sent = ctx.doc.char_span(first_q.start, first_q.start + 1, alignment_mode="expand")
        if sent is None or sent[0].sent.start_char != first_q.start:
            continue  # the quote does not open its sentence
        par = ctx.paragraph_index(first_q.start)
        i = sent[0].sent.start - 1
        added = []
        while i > 0:
            prev = ctx.doc[i].sent
            s, e = _trim(text, prev.start_char, prev.end_char)
            if e <= s or ctx.paragraph_index(s) != par or text[s] not in "“\"" or "\n" in text[s:e]:
                break
            k = bisect.bisect_left(cue_starts, s)
            if k < len(cue_starts) and cue_starts[k] < e:
                break  # it has its own reporting clause
            if any(ts < e and s < te for ts, te in taken):
                break
            added.append((s, e))
            i = prev.start - 1
        if added and PRECEDING_QUOTES:
            r.content = sorted(added) + r.content
