"""Stance of a text toward a claim: agree, disagree, discuss or unrelated.

The model follows UCL's FNC-1 system (Riedel, Augenstein, Spithourakis & Riedel 2017,
"A simple but tough-to-beat baseline for the Fake News Challenge stance detection task",
arXiv:1707.03264): term-frequency vectors of claim and text over a fixed vocabulary plus
their TF-IDF cosine, fed to a one-hidden-layer perceptron. We add the hand features of the
FNC-1 baseline and of Ferreira & Vlachos (2016, "Emergent: a novel data-set for stance
classification", NAACL): word/bigram overlap, refuting and hedging lexicons, question marks,
negation near the start of the text, and a "short text" flag so one model serves both
claim–body pairs (FNC-1) and claim–headline pairs (Emergent).

Inference is plain numpy: the artefact is ``data/stance_model.npz`` (weights) and
``data/stance_model.vocab.json`` (vocabulary, IDF, scaling, lexicons), written by
``training/stance.py``. No pickled objects are loaded.

    >>> predict_stance("Hamas attacked Israel to avenge Soleimani",
    ...                "Hamas denied the claim that the attack avenged Soleimani")  # doctest: +SKIP
    'disagree'
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

import numpy as np

__all__ = [
    "LABELS",
    "StanceModel",
    "StanceModelError",
    "load_model",
    "predict_stance",
    "predict_stances",
    "predict_proba",
    "tokenize",
    "TextStats",
    "text_stats",
    "pair_features",
    "DENSE_FEATURES",
    "stance_jsonl",
]

LABELS = ("agree", "disagree", "discuss", "unrelated")

MODEL_FILE = "stance_model.npz"
VOCAB_FILE = "stance_model.vocab.json"
LEXICON_FILE = "stance_model_lexicons.json"

#: texts with at most this many tokens are treated as headlines (Emergent-style pairs)
SHORT_TEXT_TOKENS = 40
#: the "lead" of a body, where refutations and hedges matter most (FNC-1 baseline looks at the whole body;
#: Riedel et al. note that stance is usually signalled early)
LEAD_TOKENS = 120

DENSE_FEATURES = (
    "tfidf_cosine",
    "jaccard",
    "claim_cover",
    "claim_cover_lead",
    "bigram_cover",
    "bigram_cover_lead",
    "refute_text",
    "refute_lead",
    "refute_claim",
    "hedge_text",
    "hedge_lead",
    "hedge_claim",
    "negation_lead",
    "question_claim",
    "question_text",
    "short_text",
    "log_len_text",
    "log_len_claim",
    "support_lead",
    "refute_near_overlap",
)

_TOKEN_RE = re.compile(r"[a-z0-9]+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


class StanceModelError(RuntimeError):
    """The stance model artefact is missing or unreadable."""


def _normalise(text: str) -> str:
    """NFKC, straight apostrophes, lower case, and "n't" as " not" so negation survives."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).lower()
    return re.sub(r"n't\b", " not", text)


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens; "n't" becomes "not" so negation survives ("wasn't" -> "was", "not")."""
    return _TOKEN_RE.findall(_normalise(text))


@dataclass(frozen=True)
class Lexicons:
    refute: frozenset[str]
    hedge: frozenset[str]
    negation: frozenset[str]
    support: frozenset[str]
    stopwords: frozenset[str]


@lru_cache(maxsize=1)
def load_lexicons() -> Lexicons:
    """The refuting/hedging/negation/support word lists (``data/stance_model_lexicons.json``)."""
    raw = json.loads(resources.files("counterclaim").joinpath("data", LEXICON_FILE).read_text("utf-8"))
    return Lexicons(**{k: frozenset(raw[k]) for k in ("refute", "hedge", "negation", "support", "stopwords")})


@dataclass(frozen=True)
class TextStats:
    """What the features need from one text, computed once per text (bodies repeat in FNC-1)."""

    tokens: tuple[str, ...]
    content: frozenset[str]  # tokens minus stopwords
    lead: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    lead_bigrams: frozenset[tuple[str, str]]
    counts: dict
    question: bool


def text_stats(text: str, lex: Optional[Lexicons] = None) -> TextStats:
    lex = lex or load_lexicons()
    toks = tokenize(text)
    content = [t for t in toks if t not in lex.stopwords]
    lead_content = [t for t in toks[:LEAD_TOKENS] if t not in lex.stopwords]
    bigr = set(zip(content, content[1:]))
    lead_bigr = set(zip(lead_content, lead_content[1:]))
    return TextStats(
        tokens=tuple(toks),
        content=frozenset(content),
        lead=frozenset(lead_content),
        bigrams=frozenset(bigr),
        lead_bigrams=frozenset(lead_bigr),
        counts=Counter(toks),
        question="?" in text,
    )


def _count(tokens: Iterable[str], words: frozenset[str]) -> int:
    return sum(1 for t in tokens if t in words)


def dense_features(c: TextStats, t: TextStats, lex: Lexicons, cosine: float) -> np.ndarray:
    """The hand features (order of :data:`DENSE_FEATURES`)."""
    ccont, tcont = c.content, t.content
    union = ccont | tcont
    lead_toks = t.tokens[:LEAD_TOKENS]
    cover = len(ccont & tcont) / len(ccont) if ccont else 0.0
    cover_lead = len(ccont & t.lead) / len(ccont) if ccont else 0.0
    cbig = c.bigrams
    # refuting words within a few tokens of a claim word: "denied ... attack", "hoax ... burger"
    near = 0
    if ccont:
        pos = [i for i, w in enumerate(lead_toks) if w in ccont]
        for i, w in enumerate(lead_toks):
            if w in lex.refute and any(abs(i - j) <= 8 for j in pos):
                near += 1
    return np.array(
        [
            cosine,
            len(ccont & tcont) / len(union) if union else 0.0,
            cover,
            cover_lead,
            len(cbig & t.bigrams) / len(cbig) if cbig else 0.0,
            len(cbig & t.lead_bigrams) / len(cbig) if cbig else 0.0,
            np.log1p(_count(t.tokens, lex.refute)),
            np.log1p(_count(lead_toks, lex.refute)),
            np.log1p(_count(c.tokens, lex.refute)),
            np.log1p(_count(t.tokens, lex.hedge)),
            np.log1p(_count(lead_toks, lex.hedge)),
            np.log1p(_count(c.tokens, lex.hedge)),
            np.log1p(_count(lead_toks, lex.negation)),
            float(c.question),
            float(t.question),
            float(len(t.tokens) <= SHORT_TEXT_TOKENS),
            np.log1p(len(t.tokens)),
            np.log1p(len(c.tokens)),
            np.log1p(_count(lead_toks, lex.support)),
            np.log1p(near),
        ],
        dtype=np.float64,
    )


def tf_vector(stats: TextStats, vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """L2-normalised term frequencies over the vocabulary, as (indices, values)."""
    items = sorted((vocab[w], n) for w, n in stats.counts.items() if w in vocab)
    if not items:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    idx = np.array([i for i, _ in items], dtype=np.int64)
    val = np.array([n for _, n in items], dtype=np.float64)
    return idx, val / np.linalg.norm(val)


def tfidf_cosine(ci: np.ndarray, cv: np.ndarray, ti: np.ndarray, tv: np.ndarray, idf: np.ndarray) -> float:
    a = np.zeros(len(idf))
    b = np.zeros(len(idf))
    a[ci] = cv * idf[ci]
    b[ti] = tv * idf[ti]
    na, nb = np.linalg.norm(a), np.linalg.norm(b)
    return float(a @ b / (na * nb)) if na and nb else 0.0


def _stem(w: str) -> str:
    return w[:-1] if len(w) > 4 and w.endswith("s") else w


#: punctuation kept in headline terms: attribution colons ("Senator: ..."), quotes, dashes ("... -CNBC"), "!"
_HEAD_TOKEN_RE = re.compile(r"[a-z0-9]+|[:\"'|!-]")
_HEAD_PUNCT = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def headline_tokens(claim: str, text: str, lex: Optional[Lexicons] = None) -> list[str]:
    """The short text's words (light-stemmed) and punctuation marks, without the words it shares with the claim
    (how much of the claim it repeats is in the dense overlap features), so n-grams bridge over the topic:
    claim "the mayor resigned", text "Rumour: mayor resigned, aide says" -> rumour, ":", aide, says."""
    lex = lex or load_lexicons()
    claim_words = {_stem(w) for w in tokenize(claim)} - lex.stopwords
    text = _normalise(text).translate(_HEAD_PUNCT)
    out = []
    for t in _HEAD_TOKEN_RE.findall(text):
        if t[0].isalnum():
            t = _stem(t)
            if t in claim_words:
                continue
        out.append(t)
    return out


def headline_terms(claim: str, text: str, lex: Optional[Lexicons] = None) -> list[str]:
    """Terms of a short text for the headline model (Ferreira & Vlachos 2016: bag of words of the
    article headline + question mark). Words shared with the claim are left out so the model learns the
    stance words around the topic ("is a hoax", "reportedly") rather than the topic: uni-, bi- and trigrams
    over the remaining words and punctuation (:func:`headline_tokens`)."""
    toks = headline_tokens(claim, text, lex)
    out = toks + [f"{a} {b}" for a, b in zip(toks, toks[1:])] + [f"{a} {b} {c}" for a, b, c in zip(toks, toks[1:], toks[2:])]
    if "?" in text:
        out.append("QMARK")
    return out


def pair_features(
    c: TextStats, t: TextStats, vocab: dict[str, int], idf: np.ndarray, lex: Lexicons
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sparse part (indices into [claim TF | text TF], values) and dense part of one pair's features.

    The full input vector is ``[tf(claim) (V) | tf(text) (V) | dense (D)]``.
    """
    ci, cv = tf_vector(c, vocab)
    ti, tv = tf_vector(t, vocab)
    cos = tfidf_cosine(ci, cv, ti, tv, idf)
    return np.concatenate([ci, ti + len(vocab)]), np.concatenate([cv, tv]), dense_features(c, t, lex, cos)


class StanceModel:
    """A one-hidden-layer perceptron over the pair features, in numpy."""

    def __init__(self, weights: dict[str, np.ndarray], meta: dict) -> None:
        self.vocab: dict[str, int] = {w: i for i, w in enumerate(meta["vocab"])}
        self.idf = np.asarray(meta["idf"], dtype=np.float64)
        self.labels: tuple[str, ...] = tuple(meta["labels"])
        self.mean = np.asarray(meta["dense_mean"], dtype=np.float64)
        self.scale = np.asarray(meta["dense_scale"], dtype=np.float64)
        self.W1 = weights["W1"].astype(np.float32)  # (2V + D, H)
        self.b1 = weights["b1"].astype(np.float32)
        self.W2 = weights["W2"].astype(np.float32)  # (H, K)
        self.b2 = weights["b2"].astype(np.float32)
        self.meta = meta
        head = meta.get("headline")
        self.head_terms: dict[str, int] = {w: i for i, w in enumerate(head["terms"])} if head else {}
        self.head_labels: tuple[str, ...] = tuple(head["labels"]) if head else ()
        self.head_mean = np.asarray(head["dense_mean"]) if head else None
        self.head_scale = np.asarray(head["dense_scale"]) if head else None
        self.head_blend = float(head.get("blend", 1.0)) if head else 1.0
        # "nblr": one-vs-rest NB-LR scores (Wang & Manning 2012), sigmoid per class then normalised;
        # "lr" (older artefacts): one multinomial logistic regression, softmax
        self.head_kind = head.get("kind", "lr") if head else "lr"
        self.HW = weights["HW"].astype(np.float32) if head else None
        self.Hb = weights["Hb"].astype(np.float32) if head else None
        if self.W1.shape[0] != 2 * len(self.vocab) + len(DENSE_FEATURES):
            raise StanceModelError(
                f"stance model input size {self.W1.shape[0]} does not match vocabulary "
                f"({len(self.vocab)} words) and {len(DENSE_FEATURES)} dense features; "
                "retrain with: python training/stance.py --data ../shared/data --out src/counterclaim/data/"
            )

    def proba(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Class probabilities (rows follow ``pairs``, columns follow :attr:`labels`)."""
        lex = load_lexicons()
        cache: dict[str, TextStats] = {}

        def stats(s: str) -> TextStats:
            if s not in cache:
                cache[s] = text_stats(s, lex)
            return cache[s]

        n_sparse = 2 * len(self.vocab)
        H = np.empty((len(pairs), self.W1.shape[1]), dtype=np.float32)
        short: list[tuple[int, np.ndarray]] = []
        for r, (claim, text) in enumerate(pairs):
            ts = stats(text)
            idx, val, dense = pair_features(stats(claim), ts, self.vocab, self.idf, lex)
            z = (dense - self.mean) / self.scale
            h = self.b1 + val.astype(np.float32) @ self.W1[idx] + z.astype(np.float32) @ self.W1[n_sparse:]
            H[r] = h
            if self.HW is not None and len(ts.tokens) <= SHORT_TEXT_TOKENS:
                short.append((r, self._headline_proba(claim, text, dense, lex)))
        H = np.maximum(H, 0.0)
        P = _softmax(H @ self.W2 + self.b2)
        # Short texts (headlines): the perceptron decides related/unrelated, the headline model
        # (trained on Emergent's claim-headline pairs) splits the related mass into agree/disagree/discuss.
        ui = self.labels.index("unrelated")
        cols = [self.labels.index(lab) for lab in self.head_labels]
        for r, hp in short:
            related = 1.0 - P[r, ui]
            mlp = P[r, cols] / max(float(P[r, cols].sum()), 1e-9)
            P[r, cols] = related * (self.head_blend * hp + (1.0 - self.head_blend) * mlp)
        return P

    def _headline_proba(self, claim: str, text: str, dense: np.ndarray, lex: Lexicons) -> np.ndarray:
        idx = sorted({self.head_terms[t] for t in headline_terms(claim, text, lex) if t in self.head_terms})
        z = ((dense - self.head_mean) / self.head_scale).astype(np.float32)
        n = len(self.head_terms)
        logits = self.Hb + self.HW[idx].sum(axis=0) + z @ self.HW[n:]
        if self.head_kind == "nblr":
            p = 1.0 / (1.0 + np.exp(-logits.astype(np.float64)))
            return p / p.sum()
        return _softmax(logits[None, :])[0]

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[str]:
        if not pairs:
            return []
        return [self.labels[i] for i in self.proba(pairs).argmax(axis=1)]


def _softmax(logits: np.ndarray) -> np.ndarray:
    logits = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(logits)
    return e / e.sum(axis=1, keepdims=True)


@lru_cache(maxsize=1)
def load_model() -> StanceModel:
    """The packaged stance model (``data/stance_model.npz`` + ``data/stance_model.vocab.json``)."""
    base = resources.files("counterclaim").joinpath("data")
    try:
        meta = json.loads(base.joinpath(VOCAB_FILE).read_text("utf-8"))
        with base.joinpath(MODEL_FILE).open("rb") as fh:
            npz = np.load(fh, allow_pickle=False)
            weights = {k: npz[k] for k in npz.files}
    except FileNotFoundError as exc:
        raise StanceModelError(
            f"stance model not found ({exc.filename}); build it with: "
            "python training/stance.py --data ../shared/data --out src/counterclaim/data/"
        ) from exc
    return StanceModel(weights, meta)


def _check_pair(claim: object, text: object) -> tuple[str, str]:
    if not isinstance(claim, str) or not isinstance(text, str):
        raise TypeError(f"stance needs two strings (claim, text), got {type(claim).__name__} and {type(text).__name__}")
    return claim, text


def predict_stances(pairs: Iterable[tuple[str, str]]) -> list[str]:
    """Stance of each ``text`` toward its ``claim``: agree, disagree, discuss or unrelated."""
    pairs = [_check_pair(c, t) for c, t in pairs]
    return load_model().predict(pairs)


def predict_proba(pairs: Iterable[tuple[str, str]]) -> list[dict[str, float]]:
    """Like :func:`predict_stances` but with the probability of every label."""
    pairs = [_check_pair(c, t) for c, t in pairs]
    if not pairs:
        return []
    model = load_model()
    return [dict(zip(model.labels, map(float, row))) for row in model.proba(pairs)]


def predict_stance(claim: str, text: str) -> str:
    """How ``text`` (an article body or headline) stands toward ``claim``."""
    return predict_stances([(claim, text)])[0]


#: pairs scored per batch by :func:`stance_jsonl`
JSONL_BATCH = 256


def stance_jsonl(lines: Iterable[str]) -> "Iterable[dict]":
    """``counterclaim stance``: JSON Lines ``{"id", "claim", "text"}`` in, ``{"id", "stance"}`` out, in order.

    A line that cannot be read yields ``{"id": ..., "error": ...}`` (id null when unknown) and the run goes on.
    """
    buffer: list[tuple[int, object, Optional[str], Optional[tuple[str, str]]]] = []

    def flush():
        pairs = [p for *_, p in buffer if p is not None]
        labels = iter(predict_stances(pairs)) if pairs else iter(())
        for n, id_, err, pair in buffer:
            yield {"id": id_, "error": err} if pair is None else {"id": id_, "stance": next(labels)}
        buffer.clear()

    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        id_: object = None
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError("a line must be a JSON object")
            id_ = obj.get("id")
            missing = [k for k in ("claim", "text") if not isinstance(obj.get(k), str)]
            if missing:
                raise ValueError(f"line {n}: {' and '.join(missing)} missing or not a string "
                                 '(expected {"id": ..., "claim": "...", "text": "..."})')
            buffer.append((n, id_, None, (obj["claim"], obj["text"])))
        except ValueError as exc:  # json.JSONDecodeError is a ValueError
            msg = str(exc) if str(exc).startswith("line ") else f"line {n}: {exc}"
            buffer.append((n, id_, msg, None))
        if len(buffer) >= JSONL_BATCH:
            yield from flush()
    yield from flush()
