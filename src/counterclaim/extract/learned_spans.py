"""The learned span-boundary rankers applied to raw statements.

The rules give each span's boundaries from the parse; the rankers of
:mod:`counterclaim.extract.boundaries` may move a boundary to another token of the sentence.
:func:`boundary_task` says which boundary of a statement a ranker decides (the token that stays, the
rules' boundary, the rule and the limit it may not cross: another statement's source or cue, the cue's
own dependents); :func:`_apply_boundary` asks the ranker and moves the span, never to stop or start
inside a quote. ``training/statements.py bounds`` builds its training data with the same tasks.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, Optional

from counterclaim.extract.boundaries import sentence_view
from counterclaim.extract.contents import MEDIUM_NOUNS
from counterclaim.extract.statement_base import RawStatement, _Ctx, _trim, token_at

#: content rules whose span the learned rankers may move (quotes are bounded by their marks)
LEARNED_CONTENT_RULES = frozenset({"ccomp", "xcomp", "obj", "obl", "remainder", "relcl", "passive"})
#: the cue rankers see the cue verb's lemma (boundaries.features: "lem_n1=criticize|for")
CUE_LEMMA_FEATURES = True
#: content rankers see whether a verb of saying heads the phrase beyond a cut (not the source's: there it is the cue)
REPORT_PHRASE_FEATURES = True
#: rules whose source the learned rankers may move (headline and "according to" sources have their own)
LEARNED_SOURCE_RULES = frozenset({"verb", "quote"})


class Marks(NamedTuple):
    """Where statements' sources and cues start, and where their cues end: a span never grows over
    another statement's source or cue ("... but asserted that", "..., according to X", "X said it
    regretted ... while BP declined": the source of "declined" does not reach back over "said")."""

    starts: list[int]
    cue_ends: list[int]


def boundary_marks(raws: Sequence[RawStatement]) -> Marks:
    return Marks(sorted({p for r in raws for p in ((r.cue[0],) + ((r.source[0],) if r.source else ()))}),
                 sorted({r.cue[1] for r in raws}))


def _last_end_before(marks: Optional[Marks], offset: int) -> int:
    """The end of the last other cue that ends at or before ``offset`` (0 when none)."""
    if not marks:
        return 0
    j = bisect.bisect_right(marks.cue_ends, offset) - 1
    return marks.cue_ends[j] if j >= 0 else 0


@dataclass(frozen=True)
class BoundaryTask:
    """One span boundary a ranker decides: the token that stays (``fixed_i``), the rules' boundary token
    (``rule_k``), the rule (``how``), which piece of the content (``piece``, -1 for the source), the
    character ``limit`` the boundary may not cross, for a cue, its verb's ``lemma`` and, for a content,
    ``report_phrase``: whether a verb of saying heading the phrase beyond the cut is a feature ("said X,
    and warned Y" ends X before the second report)."""

    fixed_i: int
    rule_k: int
    how: str
    piece: int
    limit: Optional[int]
    lemma: str = ""
    report_phrase: bool = False


def boundary_task(r: RawStatement, ctx: _Ctx, name: str, marks: Optional[Marks] = None) -> Optional[BoundaryTask]:
    """The boundary ``name`` (see :data:`counterclaim.extract.boundaries.BOUNDARIES`) of statement ``r``,
    or None when no ranker should touch it."""
    doc = ctx.doc
    if name.startswith("content"):
        if r.kind not in ("indirect", "mixed", "nominal") or not r.rule.startswith("verb:") or not r.content:
            return None
        how = r.rule.split(":", 1)[1].split("+")[0]
        if how not in LEARNED_CONTENT_RULES:
            return None
        idx = max(range(len(r.content)), key=lambda i: r.content[i][0])
        s, e = r.content[idx]
        if s < r.cue[1]:
            return None
        span = _token_range(doc, s, e)
        if span is None:
            return None
        s_i, e_i = span
        if name == "content_end":
            starts = marks.starts if marks else []
            j = bisect.bisect_right(starts, s)
            limit = starts[j] if j < len(starts) else None
            if r.head is not None:  # nor over the cue's own dependents ("tied X to Y | in remarks he made")
                own = [min(t.idx for t in c.subtree) for c in r.head.children if c.i > e_i
                       and (c.dep_ in ("conj", "parataxis", "advcl") or c.lower_ in MEDIUM_NOUNS)]
                if own:
                    limit = min(own) if limit is None else min(limit, min(own))
            return BoundaryTask(s_i, e_i, how, idx, None if limit is None else max(limit, e),
                                report_phrase=REPORT_PHRASE_FEATURES)
        floor = max([r.cue[1], _last_end_before(marks, s)] + [pe for ps, pe in r.content if pe <= s] +
                    ([r.source[1]] if r.source and r.source[1] <= s else []))
        return BoundaryTask(e_i, s_i, how, idx, min(floor, s), report_phrase=REPORT_PHRASE_FEATURES)
    rule = r.rule.split(":", 1)[0]
    if name.startswith("cue"):
        if rule not in LEARNED_SOURCE_RULES or r.head is None:
            return None
        span = _token_range(doc, *r.cue)
        if span is None:
            return None
        a_i, b_i = span
        how = rule + "|" + r.head.pos_ + "|" + r.head.dep_
        lemma = r.head.lemma_.lower() if CUE_LEMMA_FEATURES else ""  # "criticized for", "said in"
        others = [p for p in ([r.source] if r.source else []) + list(r.content)]
        if name == "cue_end":
            after = [ps for ps, pe in others if ps >= r.cue[1]]
            return BoundaryTask(a_i, b_i, how, -2, min(after) if after else None, lemma)
        before = [pe for ps, pe in others if pe <= r.cue[0]] + [_last_end_before(marks, r.cue[0])]
        return BoundaryTask(b_i, a_i, how, -2, max(before + [doc[a_i].sent.start_char]), lemma)
    # the source: before the cue in its sentence ("X said ..."), found by a verb or quote rule
    if r.source is None or rule not in LEARNED_SOURCE_RULES or r.source[1] > r.cue[0]:
        return None
    span = _token_range(doc, *r.source)
    cue_tok = token_at(doc, r.cue[0])
    if span is None or cue_tok is None or doc[span[0]].sent.start != cue_tok.sent.start:
        return None
    a_i, b_i = span
    how = rule + "|" + (r.src_head.dep_ if r.src_head is not None else "none")
    if name == "source_end":
        return BoundaryTask(a_i, b_i, how, -1, max(r.cue[0], r.source[1]))
    floor = max([pe for ps, pe in r.content if pe <= r.source[0]] + [doc[a_i].sent.start_char,
                                                                      _last_end_before(marks, r.source[0])])
    return BoundaryTask(b_i, a_i, how, -1, min(floor, r.source[0]))


def _token_range(doc: Any, s: int, e: int) -> Optional[tuple[int, int]]:
    """First and last token of characters [s, e) when both lie in one sentence."""
    first = doc.char_span(s, s + 1, alignment_mode="expand")
    last = doc.char_span(e - 1, e, alignment_mode="expand")
    if first is None or last is None or len(first) == 0 or len(last) == 0:
        return None
    a, b = first.start, last.end - 1
    if doc[a].sent.start != doc[b].sent.start:
        return None
    return a, b


#: a learned cue boundary may not leave the cue's head word out of the cue
CUE_KEEPS_HEAD = True


def _apply_boundary(r: RawStatement, ctx: _Ctx, name: str, ranker: Any, marks: Marks,
                    views: dict) -> None:
    task = boundary_task(r, ctx, name, marks)
    if task is None:
        return
    doc, text = ctx.doc, ctx.text
    start = doc[task.fixed_i].sent.start
    view = views.get(start)
    if view is None:
        view = views[start] = sentence_view(doc, task.fixed_i)
    k = ranker.choose(doc, task.fixed_i, task.rule_k, task.how, inside_quote=ctx.quote_at, limit=task.limit, view=view,
                      lemma=task.lemma, report_phrase=task.report_phrase)
    if k == task.rule_k:
        return
    s, e = r.cue if task.piece == -2 else r.source if task.piece < 0 else r.content[task.piece]
    if name.endswith("_end"):
        e = doc[k].idx + len(doc[k])
        qi = ctx.quote_at(e - 1)  # never stop inside a quote that opened inside the span
        if qi is not None and ctx.double[qi].start >= s:
            e = max(e, ctx.double[qi].end)
    else:
        s = doc[k].idx
        qi = ctx.quote_at(s)  # never start inside a quote that closes inside the span
        if qi is not None and ctx.double[qi].end <= e and (task.limit is None or ctx.double[qi].start >= task.limit):
            s = min(s, ctx.double[qi].start)
    s, e = _trim(text, s, e)
    if task.piece == -2:
        head = r.head
        if CUE_KEEPS_HEAD and head is not None and not (s <= head.idx and head.idx + len(head) <= e):
            return  # "does not, as a rule, comment": a cue span never leaves out its own verb
        if e > s and not any(ps < e and s < pe for ps, pe in ([r.source] if r.source else []) + list(r.content)):
            r.cue = (s, e)
        return
    if e <= s or (s < r.cue[1] and r.cue[0] < e):
        return
    if task.piece < 0:
        r.source = (s, e)
    else:
        r.content[task.piece] = (s, e)
