"""Event time: the timex attached to a trigger in the parse (never one that modifies another event nominal) or
inside its noun phrase, and the plain sentence splitter used for narrative time (Reichenbach's reference time)."""
from __future__ import annotations

import re
from typing import Optional

from counterclaim.extract.event_base import OBJ, OBLIQUE, PASSIVE_SUBJ, _Ctx, _EM, _in_sequence
from counterclaim.model import Timex


def _time(ctx: _Ctx, em: _EM, t, same: frozenset = frozenset()) -> Optional[tuple[Timex, str]]:
    """A timex whose head path reaches the trigger (or its light/governing verb, or its conjunct head) without
    passing through another event nominal, which it modifies instead: "the October attack came after the killing"
    does not date the killing; nor does the governing verb's time date a nominal it places before or after its own
    event, "met on Friday after the bombing"). A nominal linked to this trigger as the same event (``same``: "a strike in January
    killed X") does not stop the path. (Verbal triggers do not stop it: a time on an elaborating or purpose clause,
    "attacked the mall, killing 67 people a year ago", is mostly the main event's too.)"""
    anchors = {t.i}
    # in a photo caption the main clause's time is when the picture was taken ("Iranians lift flags on January 3,
    # 2022, commemorating the killing of X in a US raid"): it dates the scene, not the events the caption names
    caption = ctx.document.role_at(t.idx) == "caption"
    if em.pos == "NOUN" and t.head is not t and not _in_sequence(t) and not caption:
        if t.dep_ in OBJ + OBLIQUE + PASSIVE_SUBJ:
            anchors.add(t.head.i)
    if t.dep_ == "conj" and t.head.pos_ in ("VERB",):
        anchors.add(t.head.i)
    if em.pos == "VERB":
        for c in t.children:
            if c.dep_ in OBLIQUE and c.i in ctx.trig_tokens:
                anchors.add(c.i)
    best = None
    for tx, root in ctx.timex_root:
        r = ctx.doc[root]
        if r.sent.start != t.sent.start:
            continue
        x, steps = r, 0
        while steps < 6:
            if x.i in anchors:
                dist = abs(root - t.i)
                if best is None or dist < best[0]:
                    best = (dist, tx)
                break
            if x.head is x or (x.dep_ in ("acl:relcl", "ccomp", "parataxis") and steps > 0):
                break
            if x.i in ctx.nominal_triggers and x.i != t.i and x.i not in same:
                break  # the timex modifies another event nominal
            x = x.head
            steps += 1
    if best is not None:
        return best[1], "time_attached"
    # a timex inside the trigger's own noun phrase ("the Oct. 7 attack", "the 2020 assassination")
    for tx, root in ctx.timex_root:
        if t.left_edge.idx <= tx.start and tx.end <= t.idx + len(t.text) and em.pos == "NOUN":
            return tx, "time_in_np"
    return None


SENTENCE_END_RE = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])|\n")


def _sentence_chars(text: str, offset: int) -> tuple[int, int]:
    """Character bounds of the sentence around ``offset`` (a plain splitter, independent of the parser)."""
    start = 0
    for m in SENTENCE_END_RE.finditer(text, 0, offset):
        start = m.end()
    m = SENTENCE_END_RE.search(text, offset)
    return start, (m.start() if m else len(text))
