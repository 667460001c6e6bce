"""Event mode from cue words (Sauri & Pustejovsky 2009, FactBank): alleged, denied, future, hypothetical,
negated or asserted, on the trigger or on the verb that governs it."""
from __future__ import annotations

from typing import Optional

from counterclaim.extract.event_base import OBJ, PASSIVE_SUBJ, _Ctx, _EM
from counterclaim.extract.event_triggers import _lemma

MODE_ORDER = ("denied", "negated", "hypothetical", "future", "alleged", "asserted")


def _mode(ctx: _Ctx, em: _EM, t) -> tuple[str, str]:
    if em.mode != "asserted":
        return em.mode, em.cue
    cues = ctx.cues
    kinds = ("alleged", "denied", "future", "hypothetical", "negated")

    def own(x) -> Optional[tuple[str, str]]:
        found = []
        for c in x.children:
            w = c.lower_
            if c.dep_ in ("advmod", "aux", "neg", "mark", "det") or c.dep_.startswith("advmod"):
                if c.dep_ == "det" and w != "no":
                    continue
                for k in ("negated", "hypothetical", "future", "alleged", "denied"):
                    if w in cues.get(k, ()) and not (k == "negated" and c.dep_ == "det" and x.pos_ == "VERB"):
                        found.append((MODE_ORDER.index(k), k, w))
        return min(found)[1:] if found else None

    got = own(t)
    if got:
        return got
    x, steps = t, 0
    while steps < 3 and x.head is not x:
        rel = x.dep_
        if em.pos == "NOUN" and steps == 0 and rel not in OBJ + PASSIVE_SUBJ:
            break
        if em.pos == "VERB" and rel not in ("xcomp", "ccomp", "conj", "advcl") and steps == 0:
            break
        h = x.head
        lem = _lemma(h)
        for k in kinds:
            if lem in cues.get(k, ()) and h.pos_ in ("VERB", "AUX"):
                if k == "future" and rel == "conj":
                    continue
                return k, lem
        got = own(h) if rel in ("xcomp", "ccomp") else None
        if got:
            return got
        if rel not in ("xcomp", "ccomp"):
            break
        x = h
        steps += 1
    return "asserted", ""
