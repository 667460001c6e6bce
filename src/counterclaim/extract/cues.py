"""Attribution cues: which tokens introduce reported speech, belief or a source.

A candidate cue is a token whose lemma was seen as the head of a gold attribution cue in PolNeAR
train (Newell et al. 2018); a logistic-regression model over lexical and dependency features of the
token (its lemma, dependency label, children, position to quotation marks) decides whether it is
one here. The lexicon (lemma → times a cue / times seen) and the weights are learned by
``training/statements.py`` and shipped as JSON in ``counterclaim/data/statement_cues.json``;
without that file a fallback uses the hand-made lemma list of ``speech_acts.tsv``.

The feature design follows the cue classifiers of Pareti (2016, "PARC 3.0: A Corpus of Attribution
Relations", LREC) and Scheible et al. (2016, "Model Architectures for Quotation Detection", ACL):
the verb lemma plus the syntactic frame it appears in.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

__all__ = ["CueModel", "load_cue_model", "cue_features", "cue_key", "CANDIDATE_MIN_COUNT", "MODEL_FILE"]

MODEL_FILE = "statement_cues.json"
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
#: A lemma is a candidate cue when it headed at least this many gold cues in training.
CANDIDATE_MIN_COUNT = 2
#: Dependency labels of children that tell a reporting frame (Scheible et al. 2016).
FRAME_DEPS = frozenset({
    "ccomp", "xcomp", "obj", "iobj", "nsubj", "nsubj:pass", "csubj", "csubj:pass", "aux:pass",
    "mark", "parataxis", "obl", "obl:agent", "advcl", "compound:prt", "expl", "nmod:poss", "acl", "case",
})
_NEG_LEMMAS = frozenset({"not", "never", "n't", "no"})


def cue_key(tok: Any) -> str:
    """The lexicon key of a token: its lower-cased form. Forms, not lemmas, so that the lexicon does not
    depend on the lemmatizer of the pipeline it was trained with ("said", "says" and "saying" are
    separate entries; PolNeAR train has enough of each)."""
    return tok.lower_


def _prec_bucket(n_cue: float, n_total: float) -> str:
    if n_total <= 0:
        return "pb=na"
    p = (n_cue + 0.1) / (n_total + 1.0)
    return f"pb={min(9, int(p * 10))}"


def cue_features(tok: Any, in_quote: bool, sent_has_quote: bool, quote_adjacent: bool,
                 counts: Optional[tuple[float, float]] = None) -> list[str]:
    """Features of a candidate cue token (a spaCy Token) as strings, for a linear model."""
    lem = cue_key(tok)
    dep = tok.dep_
    f = ["bias", "lemma=" + tok.lemma_.lower(), "lem=" + lem, "pos=" + tok.pos_, "dep=" + dep, "ld=" + lem + "|" + dep, "lp=" + lem + "|" + tok.pos_]
    child_deps = set()
    for c in tok.children:
        d = c.dep_
        if d in FRAME_DEPS:
            child_deps.add(d)
        if c.lemma_.lower() in _NEG_LEMMAS:
            f.append("neg")
        if d in ("nsubj", "nsubj:pass"):
            f.append("subj=" + c.pos_)
            if c.ent_type_:
                f.append("subjent=" + c.ent_type_)
    for d in child_deps:
        f.append("ch=" + d)
        if d in ("ccomp", "xcomp", "obj", "nsubj", "parataxis", "obl:agent", "nsubj:pass"):
            f.append("lc=" + lem + "|" + d)
    if not child_deps & {"ccomp", "xcomp", "obj", "parataxis"}:
        f.append("nocomp|" + lem)
    if in_quote:
        f.append("inq")
    if sent_has_quote:
        f.append("sq")
    if quote_adjacent:
        f.append("qadj")
        f.append("qadj|" + lem)
    vf = tok.morph.get("VerbForm")
    if vf:
        f.append("vf=" + vf[0])
    if dep in ("xcomp", "conj", "advcl", "acl", "relcl", "acl:relcl", "parataxis", "ccomp"):
        f.append("hl=" + tok.head.lemma_.lower() + "|" + dep)
    doc = tok.doc
    if tok.i + 1 < len(doc):
        f.append("nx=" + doc[tok.i + 1].lower_)
    if tok.i > 0:
        f.append("pv=" + doc[tok.i - 1].lower_)
    if counts is not None:
        f.append(_prec_bucket(*counts))
    return f


@dataclass
class CueModel:
    """Lemma counts and logistic-regression weights; :meth:`prob` scores a candidate token."""

    lemmas: dict[str, tuple[float, float]]
    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    threshold: float = 0.5
    particles: dict[str, dict[str, float]] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    #: {"verbs": {form: [object in cue, seen]}, "nouns": {object lemma: [...]}} (extract/light_objects.py)
    objects: dict[str, dict[str, list[int]]] = field(default_factory=dict)

    def is_candidate(self, tok: Any) -> bool:
        if self.meta.get("fallback"):
            from counterclaim.extract.speech_acts import act_lemma

            return act_lemma(tok) is not None
        c = self.lemmas.get(cue_key(tok))
        return c is not None and c[0] >= CANDIDATE_MIN_COUNT

    def prob(self, feats: list[str]) -> float:
        if not self.weights:  # fallback: lexicon only
            return 0.9
        z = self.bias + sum(self.weights.get(x, 0.0) for x in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _fallback() -> CueModel:
    from counterclaim.extract.speech_acts import load_acts

    return CueModel(lemmas={lem: (10.0, 10.0) for lem in load_acts()}, meta={"fallback": True})


@functools.lru_cache(maxsize=1)
def load_cue_model() -> CueModel:
    """The shipped cue model, or the lexicon fallback when ``statement_cues.json`` is absent."""
    path = DATA_DIR / MODEL_FILE
    if not path.exists():
        return _fallback()
    raw = path.read_text(encoding="utf-8")
    data = json.loads(raw)
    return CueModel(
        lemmas={k: (float(v[0]), float(v[1])) for k, v in data["lemmas"].items()},
        weights=data.get("weights", {}),
        bias=float(data.get("bias", 0.0)),
        threshold=float(data.get("threshold", 0.5)),
        particles=data.get("particles", {}),
        meta=data.get("meta", {}),
        objects=data.get("objects", {}),
    )
