"""Where a content or a source starts and ends: learned choices among the token boundaries of a sentence.

The rules of :mod:`counterclaim.extract.statements` give spans from the parse (the cue's complement
clause or object, grown to the end of its clause; the subject noun phrase). Where exactly a span should
stop is a matter of convention as much as of syntax: PolNeAR (Newell et al. 2018) leaves out of a
content a trailing apposition (", the existing military alliance"), a trailing time or place of the cue
("on Thursday", "on Twitter") or a semicolon clause, and keeps a coordinated complement ("and that he is
incapable ..."); it keeps a title before a source's name ("Republican vice-presidential nominee Mike
Pence") and leaves out a participle after it ("Trump, speaking to veterans,").

For each boundary (content, source and cue; start and end) a linear ranker scores every token boundary
of the sentence near the rules' choice, with features of the words on both sides of the cut, the parse
arcs it would break and its distance from the rules' boundary; the best boundary replaces the rules'
when it wins by a margin chosen on PolNeAR dev. The weights are those of a
conditional logit (a softmax over the candidates of one boundary, trained to put the gold boundary
first), the objective that matches choosing one candidate among them.

The models are learned by ``training/statements.py bounds`` and shipped as JSON
(``data/statement_bounds.json``: per boundary, feature weights, bias and margin). Without that file the
rules' boundaries are kept.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

from counterclaim.extract.speech_acts import act_lemma

__all__ = ["BoundaryModel", "SentenceView", "load_boundary_models", "sentence_view", "candidates", "features",
           "BOUNDARIES", "MODEL_FILE", "MAX_SHIFT"]

MODEL_FILE = "statement_bounds.json"
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
#: the boundaries a model can decide: (span, side)
BOUNDARIES = ("content_end", "content_start", "source_end", "source_start", "cue_end", "cue_start")
#: how far (in tokens) from the rules' boundary a candidate may lie
MAX_SHIFT = 30


def _word(t: Any) -> str:
    """A token as a feature value: function words and punctuation by form, others by part of speech."""
    if t.is_punct or t.is_stop or t.pos_ in ("ADP", "CCONJ", "SCONJ", "DET", "PRON", "AUX", "PART"):
        return t.lower_
    return t.pos_


_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "csubj", "csubj:pass", "expl"})
_PUNCT_WORDS = frozenset(".,;:!?…\"'“”‘’()[]-–—")


def _bucket(d: int) -> str:
    if d < -7:
        return "<-7"
    if d > 7:
        return ">7"
    return str(d)


@dataclass(frozen=True)
class SentenceView:
    """What the features need from one sentence, read from the spaCy tokens once: plain lists indexed
    by ``token.i - start``."""

    start: int
    end: int
    heads: list[int]
    words: list[str]
    deps: list[str]
    ent_types: list[str]
    ent_iobs: list[str]
    idx: list[int]
    ends: list[int]
    spaces: list[bool]
    subjects: frozenset[int]  # tokens (doc indices) with a subject among their children
    speech: frozenset[int] = frozenset()  # verbs of the speech-act lexicon (doc indices)


def sentence_view(doc: Any, i: int) -> SentenceView:
    """The :class:`SentenceView` of the sentence of token ``i``."""
    sent = doc[i].sent
    toks = list(sent)
    return SentenceView(
        start=sent.start, end=sent.end, heads=[t.head.i for t in toks], words=[_word(t) for t in toks],
        deps=[t.dep_ for t in toks], ent_types=[t.ent_type_ for t in toks], ent_iobs=[t.ent_iob_ for t in toks],
        idx=[t.idx for t in toks], ends=[t.idx + len(t) for t in toks], spaces=[t.is_space for t in toks],
        subjects=frozenset(t.head.i for t in toks if t.dep_ in _SUBJECTS and t.head.i != t.i),
        speech=frozenset(t.i for t in toks if t.pos_ == "VERB" and act_lemma(t) is not None),
    )


def candidates(doc: Any, fixed_i: int, rule_k: int, side: str, view: Optional[SentenceView] = None) -> list[int]:
    """Token indices ``k`` where a span may end (``side="end"``: after ``doc[k]``, the span starting at
    ``fixed_i``) or start (``side="start"``: at ``doc[k]``, the span ending at ``fixed_i``): within the
    sentence of ``fixed_i``, at most :data:`MAX_SHIFT` tokens from the rules' boundary ``rule_k``."""
    v = view or sentence_view(doc, fixed_i)
    if side == "end":
        lo, hi = max(fixed_i, rule_k - MAX_SHIFT), min(v.end - 1, rule_k + MAX_SHIFT)
    else:
        lo, hi = max(v.start, rule_k - MAX_SHIFT), min(fixed_i, rule_k + MAX_SHIFT)
    out = [k for k in range(lo, hi + 1) if not v.spaces[k - v.start]]
    if rule_k not in out:
        out.append(rule_k)
    return out


def features(doc: Any, fixed_i: int, k: int, rule_k: int, side: str, how: str, in_quote: bool = False,
             view: Optional[SentenceView] = None, lemma: str = "", report_phrase: bool = False) -> list[str]:
    """Features of the span [fixed_i, k] (end) or [k, fixed_i] (start): the words at the cut, on both
    sides of it, the parse arcs it breaks, where the phrase just outside it attaches (:func:`_attachment`)
    and, with ``report_phrase``, whether a verb of saying heads that phrase, the distance from the rules'
    boundary and the rule; for a cue span, its verb's ``lemma`` beside the word after the cut
    ("criticize|for").
    ``view`` is the :func:`sentence_view` of the sentence, built here when not given."""
    v = view or sentence_view(doc, fixed_i)
    s0, s1, hd = v.start, v.end, v.heads
    step = 1 if side == "end" else -1  # direction from inside the span to outside
    lo, hi = (fixed_i, k) if side == "end" else (k, fixed_i)
    d = (k - rule_k) * step  # > 0: longer than the rules' span
    w = v.words[k - s0]
    o1_i, o2_i = k + step, k + 2 * step
    f = ["bias_c", "d=" + _bucket(d), "how=" + how, "how_d=" + how + _bucket(d), "w=" + w]
    if d == 0:
        f += ["rule", "rule|" + how]
    o1_in = s0 <= o1_i < s1
    o2_in = s0 <= o2_i < s1
    if not o1_in or (side == "end" and not o2_in and v.words[o1_i - s0] in _PUNCT_WORDS):
        f += ["edge", "edge|" + how]
    else:
        j1 = o1_i - s0
        n1 = v.words[j1]
        f += ["n1=" + n1, "n1d=" + v.deps[j1], "w_n1=" + w + "|" + n1, "how_n1=" + how + "|" + n1]
        if lemma:
            f += ["lem_n1=" + lemma + "|" + n1]
        if o2_in:
            n2 = v.words[o2_i - s0]
            f += ["n1_n2=" + n1 + "|" + n2, "n2=" + n2]
        f.append("n1_head_in" if lo <= hd[j1] <= hi else "n1_head_out")
        if ATTACHMENT_FEATURES:
            att, top = _attachment(v, o1_i, lo, hi, step)
            own = "s" if top in v.subjects else ""  # the phrase has a subject of its own: a new clause
            f += ["att=" + att, "att_dep=" + att + "|" + v.deps[top - s0] + own, "att_n1=" + att + "|" + n1,
                  "att_how=" + att + "|" + how]
            if report_phrase and top in v.speech:  # the phrase outside is itself a report ("…, and warned X")
                f += ["att_sp=" + att + own, "att_sp_how=" + att + own + "|" + how]
        et = v.ent_types[j1]
        if et:
            f.append("n1e=" + et)
            inner_iob = v.ent_iobs[j1] if side == "end" else v.ent_iobs[k - s0]
            if et == v.ent_types[k - s0] and inner_iob == "I":
                f.append("inside_entity")
    # arcs the cut breaks: span tokens whose head lies outside on the cut's side, outside tokens attached in
    span_heads = hd[lo - s0:hi - s0 + 1]
    if side == "end":
        cross_out = sum(1 for h in span_heads if h > hi)
        cross_in = sum(1 for h in hd[hi + 1 - s0:hi + 25 - s0] if lo <= h <= hi)
    else:
        cross_out = sum(1 for h in span_heads if h < lo)
        cross_in = sum(1 for h in hd[max(0, lo - 25 - s0):lo - s0] if lo <= h <= hi)
    f += ["xo=" + str(min(cross_out, 2)), "xi=" + str(min(cross_in, 3))]
    if in_quote:
        f.append("in_quote")
    return f


#: features of where the phrase just outside the cut attaches (see :func:`_attachment`)
ATTACHMENT_FEATURES = True


def _attachment(v: SentenceView, o: int, lo: int, hi: int, step: int) -> tuple[str, int]:
    """Where the phrase that begins just outside the cut (at token ``o``) attaches: climb from ``o``
    through its heads while they stay outside the span [lo, hi] on the far side of the cut; the last
    such token is the phrase's top, and its head lies inside the span ("in": "the rules[, which the
    court put on hold]" modifies the content), beyond the span's fixed side ("near": "reported her
    presence [on Twitter]" and "said X[, though she acknowledged …]" modify the cue verb), or nowhere
    (the top is the root). Returns the place and the top token's index."""
    s0 = v.start
    top = o
    for _ in range(v.end - s0):
        h = v.heads[top - s0]
        if lo <= h <= hi:
            return "in", top
        if h == top:
            return "root", top
        if (h < lo) if step > 0 else (h > hi):
            return "near", top
        top = h
    return "root", top


@dataclass
class BoundaryModel:
    """Feature weights of one boundary ranker; :meth:`choose` returns the token at the chosen boundary."""

    side: str  # "end" or "start"
    weights: dict[str, float]
    bias: float = 0.0
    margin: float = 0.0
    meta: dict[str, Any] = field(default_factory=dict)

    def score(self, feats: list[str]) -> float:
        return self.bias + sum(self.weights.get(x, 0.0) for x in feats)

    def choose(self, doc: Any, fixed_i: int, rule_k: int, how: str,
               inside_quote: Optional[Callable[[int], Any]] = None, limit: Optional[int] = None,
               view: Optional[SentenceView] = None, lemma: str = "", report_phrase: bool = False) -> int:
        """The boundary token for the span fixed at ``fixed_i`` (``rule_k``: the rules' choice).
        ``inside_quote(offset)`` is not None when a character offset lies inside a double quote; no end
        after character ``limit`` (side "end") or start before it (side "start") is considered."""
        best_k, best, rule_score = rule_k, None, None
        v = view or sentence_view(doc, fixed_i)
        cuts = v.ends if self.side == "end" else v.idx
        for k in candidates(doc, fixed_i, rule_k, self.side, v):
            cut = cuts[k - v.start]
            if limit is not None and k != rule_k and (cut > limit if self.side == "end" else cut < limit):
                continue
            inq = inside_quote is not None and inside_quote(cut) is not None
            sc = self.score(features(doc, fixed_i, k, rule_k, self.side, how, inq, v, lemma, report_phrase))
            if k == rule_k:
                rule_score = sc
            if best is None or sc > best or (sc == best and k == rule_k):
                best_k, best = k, sc  # ties go to the rules
        if rule_score is not None and best is not None and best - rule_score < self.margin:
            return rule_k
        return best_k


@functools.lru_cache(maxsize=1)
def load_boundary_models() -> dict[str, BoundaryModel]:
    """The shipped rankers by boundary name (:data:`BOUNDARIES`); empty when the file is absent."""
    path = DATA_DIR / MODEL_FILE
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    out = {}
    for name, m in data.get("models", {}).items():
        out[name] = BoundaryModel(side=name.rsplit("_", 1)[1], weights=m["weights"], bias=float(m.get("bias", 0.0)),
                                  margin=float(m.get("margin", 0.0)), meta=m.get("meta", {}))
    return out
