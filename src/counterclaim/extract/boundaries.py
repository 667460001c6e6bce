"""Where an indirect content ends: a learned choice among the token boundaries of its sentence.

The rules of :mod:`counterclaim.extract.statements` give a content span from the parse (the cue's
complement clause or object, grown to the end of its clause). Where that end should be is a matter of
convention as much as of syntax: PolNeAR (Newell et al. 2018) leaves out a trailing apposition
(", the existing military alliance"), a trailing time or place of the cue ("on Thursday", "on
Twitter"), a semicolon clause, a coordinated clause with its own subject; it keeps a coordinated
complement ("and that he is incapable ..."). A logistic-regression ranker scores every token end of
the sentence around the rule's end with features of the words on both sides of the cut, the parse
arcs it would break and its distance from the rule's end; the best-scoring end replaces the rule's
when it wins by the margin chosen on PolNeAR dev.

The model is learned by ``training/statements.py bounds`` and shipped as JSON
(``data/statement_bounds.json``: feature weights, bias, margin). Without that file the rules' ends
are kept.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

__all__ = ["EndModel", "load_end_model", "end_candidates", "end_features", "MODEL_FILE", "MAX_SHIFT"]

MODEL_FILE = "statement_bounds.json"
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
#: how far (in tokens) from the rule's end a candidate end may lie
MAX_SHIFT = 30


def _word(t: Any) -> str:
    """A token as a feature value: function words and punctuation by form, others by part of speech."""
    if t.is_punct or t.is_stop or t.pos_ in ("ADP", "CCONJ", "SCONJ", "DET", "PRON", "AUX", "PART"):
        return t.lower_
    return t.pos_


def _bucket(d: int) -> str:
    if d < -7:
        return "<-7"
    if d > 7:
        return ">7"
    return str(d)


def end_candidates(doc: Any, s_i: int, rule_k: int) -> list[int]:
    """Token indices ``k`` such that the content may end after ``doc[k]``: within the sentence of the
    content's first token, from its first token to the sentence's last, at most :data:`MAX_SHIFT` from
    the rule's end ``rule_k``."""
    sent = doc[s_i].sent
    lo = max(s_i, rule_k - MAX_SHIFT)
    hi = min(sent.end - 1, rule_k + MAX_SHIFT)
    out = [k for k in range(lo, hi + 1) if not doc[k].is_space]
    if rule_k not in out:
        out.append(rule_k)
    return out


def end_features(doc: Any, s_i: int, k: int, rule_k: int, how: str, in_quote: bool = False) -> list[str]:
    """Features of ending a content that starts at token ``s_i`` after token ``k``."""
    n = len(doc)
    sent_end = doc[s_i].sent.end
    d = k - rule_k
    t = doc[k]
    nx = doc[k + 1] if k + 1 < sent_end else None
    nx2 = doc[k + 2] if k + 2 < sent_end else None
    f = ["bias_c", "d=" + _bucket(d), "how=" + how, "how_d=" + how + _bucket(d), "w=" + _word(t)]
    if d == 0:
        f.append("rule")
        f.append("rule|" + how)
    if nx is None or (k + 2 >= sent_end and nx.is_punct):
        f.append("sent_end")
        f.append("sent_end|" + how)
    else:
        n1 = _word(nx)
        f += ["n1=" + n1, "n1d=" + nx.dep_, "w_n1=" + _word(t) + "|" + n1, "how_n1=" + how + "|" + n1]
        if nx2 is not None:
            n2 = _word(nx2)
            f += ["n1_n2=" + n1 + "|" + n2, "n2=" + n2]
        # the word after the cut: is it attached inside the content (the cut breaks the phrase) or outside?
        f.append("n1_head_in" if s_i <= nx.head.i <= k else "n1_head_out")
        if nx.ent_type_:
            f.append("n1e=" + nx.ent_type_)
    # arcs the cut breaks: content tokens whose head lies after the cut, later tokens attached into it
    cross_out = sum(1 for j in range(s_i, k + 1) if doc[j].head.i > k)
    cross_in = sum(1 for j in range(k + 1, min(sent_end, k + 25)) if s_i <= doc[j].head.i <= k)
    f.append("xo=" + str(min(cross_out, 2)))
    f.append("xi=" + str(min(cross_in, 3)))
    if t.ent_type_ and k + 1 < n and doc[k + 1].ent_type_ == t.ent_type_ and doc[k + 1].ent_iob_ == "I":
        f.append("inside_entity")
    if in_quote:
        f.append("in_quote")
    return f


@dataclass
class EndModel:
    """Feature weights of the end ranker; :meth:`choose` returns the token after which a content ends."""

    weights: dict[str, float]
    bias: float = 0.0
    margin: float = 0.0
    meta: dict[str, Any] = field(default_factory=dict)

    def score(self, feats: list[str]) -> float:
        return self.bias + sum(self.weights.get(x, 0.0) for x in feats)

    def choose(self, doc: Any, s_i: int, rule_k: int, how: str, inside_quote=None,
               max_end: Optional[int] = None) -> int:
        """The token after which the content starting at ``s_i`` ends (``rule_k``: the rules' choice).
        ``inside_quote(offset)`` tells whether a character offset lies inside a double quote; no end
        beyond character ``max_end`` is considered."""
        best_k, best = rule_k, None
        rule_score = None
        for k in end_candidates(doc, s_i, rule_k):
            if max_end is not None and k != rule_k and doc[k].idx + len(doc[k]) > max_end:
                continue
            inq = inside_quote is not None and inside_quote(doc[k].idx + len(doc[k])) is not None
            sc = self.score(end_features(doc, s_i, k, rule_k, how, inq))
            if k == rule_k:
                rule_score = sc
            if best is None or sc > best:
                best_k, best = k, sc
        if rule_score is not None and best is not None and best - rule_score < self.margin:
            return rule_k
        return best_k

    def probability(self, feats: list[str]) -> float:
        z = self.score(feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@functools.lru_cache(maxsize=1)
def load_end_model() -> Optional[EndModel]:
    """The shipped end ranker, or None when ``statement_bounds.json`` is absent (rules' ends are kept)."""
    path = DATA_DIR / MODEL_FILE
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return EndModel(weights=data["weights"], bias=float(data.get("bias", 0.0)),
                    margin=float(data.get("margin", 0.0)), meta=data.get("meta", {}))
