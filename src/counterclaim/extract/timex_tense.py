"""Tense of the sentence around a temporal expression: where a weekday or a bare month falls.

HeidelTime (Strötgen & Gertz 2013, "Multilingual and cross-domain temporal tagging", LRE 47,
sec. 4.2) places underspecified expressions in news by the tense of the sentence. Here the
governing verb of a spaCy ``Doc`` decides when one is given; otherwise the nearest tense cue in
the sentence (a future auxiliary or cue word vs. a past form) does.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["tense_at", "sentence_bounds", "IMMEDIATE_PAST_RE"]

FUTURE_CUE_RE = re.compile(
    r"\b(?:will|shall|won't|going\s+to|scheduled|expected\s+to|due\s+to|set\s+to|plans?\s+to|planning\s+to|intends?\s+to|"
    r"(?:is|are)\s+to|upcoming|next(?!\s+to\b)|tomorrow|would|as\s+soon\s+as|until|till|effective)\b|'ll\b",
    re.I,
)
PAST_CUE_RE = re.compile(
    r"\b(?:was|were|had|did|said|told|ago|last|yesterday|earlier|went|came|met|took|began|made|gave|saw|held|fell|"
    r"rose|won|lost|left|sent|broke|fought|struck|shot|began|became|[a-z]{2,}ed)\b",
    re.I,
)
SENTENCE_END_RE = re.compile(r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|No|vs))[.!?](?=\s+[A-Z\"'“])|\n")
# A past-tense verb right before a date without a year ("ended Jan. 31", "began in May") puts it in the past.
IMMEDIATE_PAST_RE = re.compile(r"\b(?:ended|began|was|were|had|happened|occurred|started|closed|expired|died|took\s+place)\s+(?:on\s+|in\s+)?$", re.I)
# Reporting verbs date the report, not the event reported: they say nothing about where a bare month falls.
REPORTING_PAST = frozenset({"said", "told", "reported", "announced", "added", "stated", "noted"})
PAST_EED = frozenset({"agreed", "freed", "guaranteed", "decreed", "disagreed", "refereed"})
NOT_PAST = frozenset({"expected", "scheduled", "planned", "need", "indeed", "red", "bed", "speed", "proceed", "seed", "united"})


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    s = 0
    for m in SENTENCE_END_RE.finditer(text, max(0, start - 400), start):
        s = m.end()
    m = SENTENCE_END_RE.search(text, end, end + 400)
    return s, (m.start() if m else min(len(text), end + 400))


def tense_at(text: str, start: int, end: int, doc: Any = None, *, default: str = "past") -> str:
    """``"future"`` or ``"past"``: the tense that places a timex at ``text[start:end]``.

    ``default`` is returned when nothing in the sentence says (pass ``"unknown"`` to tell).

    With a spaCy ``doc`` the governing verb decides (an auxiliary "will"/"shall"/"'ll" or
    "going to" makes it future); otherwise, and when the parse says nothing, the nearest
    tense cue in the sentence (a future auxiliary or cue word vs. a past form) decides.
    News defaults to the past (Strötgen & Gertz 2013, sec. 4.2).
    """
    if doc is not None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            tok = span.root.head
            for _ in range(4):
                if tok.pos_ in ("VERB", "AUX"):
                    break
                if tok.head is tok:
                    break
                tok = tok.head
            if tok.pos_ in ("VERB", "AUX"):
                kids = [c.lower_ for c in tok.children if c.dep_.startswith("aux")]
                if any(k in ("will", "shall", "'ll", "wo", "ll") for k in kids) or tok.lower_ == "will":
                    return "future"
                if "Past" in tok.morph.get("Tense") or any(c.lower_ in ("had", "did", "was", "were") for c in tok.children):
                    return "past"
    s, e = sentence_bounds(text, start, end)
    best, best_d = default, 10**9
    for rx, label in ((FUTURE_CUE_RE, "future"), (PAST_CUE_RE, "past")):
        for m in rx.finditer(text, s, e):
            word = m.group(0).lower()
            if label == "past" and (word in NOT_PAST or (default == "unknown" and word in REPORTING_PAST)
                                    or (word.endswith("eed") and word not in PAST_EED)
                                    or (word.endswith("ed") and text.startswith(" by ", m.end()))):
                continue  # not a finite past verb ("untouched by the crisis" is a participle)
            if start <= m.start() < end:
                continue
            d = start - m.end() if m.end() <= start else m.start() - end
            if d < best_d or (d == best_d and label == "past"):
                best, best_d = label, d
    return best
