"""Temporal expressions: every TIMEX3 (DATE, TIME, DURATION, SET) with its value anchored to the publication date.

``extract_timexes(document, doc=None)`` runs the named rules of
:mod:`counterclaim.extract.timex_rules` over ``document.text`` (pure regex; a spaCy ``Doc`` is
optional and only sharpens the tense used to place weekdays and bare months), keeps the longest
non-overlapping matches, and normalises each in text order, HeidelTime-style (Strötgen & Gertz
2010, 2013): deictic expressions ("yesterday", "on Monday", "in October", "two days ago",
"earlier this week") are resolved against the document creation time (``document.published``);
anaphoric ones ("a year earlier", "the next day", "the following year") against the last
date mentioned before them (Mani & Wilson 2000, "Robust temporal processing of news", ACL).
Weekdays and months without a year go to the nearest past occurrence unless the sentence is
in the future tense ("will ... on Monday"), where they go to the nearest future one; the
article's own weekday is the publication date itself.

Without a publication date, relative expressions keep an unresolved value ("XXXX-10-07",
"XXXX-WXX-1", "XXXX-XX-XX") rather than a guessed one; absolute dates and durations are
unaffected.

``timex_in(timexes, start, end)`` finds the timexes inside a character range (for events).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterable, Optional

from counterclaim.extract import timex_rules as R
from counterclaim.extract.timex_normalise import Context, normalise
from counterclaim.extract.timex_tense import tense_at
from counterclaim.model import Document, Timex

__all__ = ["extract_timexes", "timex_in", "timex_near", "tense_at"]


def timex_in(timexes: Iterable[Timex], start: int, end: int) -> tuple[Timex, ...]:
    """The timexes lying wholly inside ``[start, end)`` (character offsets into ``document.text``), in text order.

    For the events stage: ``timex_in(timexes, sent.start_char, sent.end_char)`` gives the
    times mentioned in a sentence.
    """
    return tuple(sorted((t for t in timexes if start <= t.start and t.end <= end), key=lambda t: t.start))


def timex_near(timexes: Iterable[Timex], offset: int, window: int = 150) -> Optional[Timex]:
    """The DATE/TIME timex closest to character ``offset`` within ``window`` characters, or None if there is none."""
    best, best_d = None, window + 1
    for t in timexes:
        if t.type not in ("DATE", "TIME"):
            continue
        d = 0 if t.start <= offset < t.end else min(abs(t.start - offset), abs(t.end - offset))
        if d < best_d:
            best, best_d = t, d
    return best


# ------------------------------------------------------------------ the stage

ANAPHORIC_KINDS = frozenset({"ref", "year_earlier", "ago", "anaday", "anaunit"})


def _candidates(text: str) -> list[tuple[int, int, R.Rule, re.Match]]:
    out = []
    for rule in R.RULES:
        for m in rule.regex.finditer(text):
            if m.end() > m.start():
                out.append((m.start(), m.end(), rule, m))
    return out


def _span_of(rule: R.Rule, m: re.Match) -> tuple[int, int]:
    start, end = m.start(), m.end()
    if rule.kind == "duration_x" and m.groupdict().get("lead"):
        start = m.start("unitx")
    if re.match(r"over\s+the\s", m.string[start:start + 10], re.I):
        start += len(re.match(r"over\s+", m.string[start:start + 10], re.I).group(0))
    while end > start and m.string[end - 1] in " ,":
        end -= 1
    return start, end


#: Paragraph roles whose dates are page furniture, not the story's: boilerplate (including the
#: second copy of a caption printed twice) yields no timexes.
SKIP_ROLES = frozenset({"boilerplate"})


def extract_timexes(document: Document, doc: Any = None) -> tuple[Timex, ...]:
    """Every temporal expression in ``document.text`` with its TIMEX3 type and value.

    ``document.published`` ("YYYY-MM-DD") anchors relative expressions; when it is None they
    keep unresolved values (``XXXX-10-07``, ``XXXX-WXX-1``). ``doc`` (the spaCy Doc of
    ``document.text``) is optional: with it, the governing verb's tense places weekdays and
    months; without it, tense cues in the sentence do. ``Timex.rule`` names the rule that fired.
    """
    text = document.text
    anchor = None
    if document.published:
        try:
            anchor = dt.date.fromisoformat(document.published[:10])
        except ValueError as exc:
            raise ValueError(
                f"[T003] document {document.id!r} has published={document.published!r}; use YYYY-MM-DD or None"
            ) from exc
    ctx = Context(text, anchor, doc)
    valid = []
    skipped = [(p.start, p.end) for p in document.paragraphs if p.role in SKIP_ROLES]
    for start, end, rule, m in _candidates(text):
        if any(a <= start < b for a, b in skipped):
            continue
        if normalise(rule, m, ctx) is not None:
            valid.append((start, end, rule, m))
    valid.sort(key=lambda c: (-(c[1] - c[0]), -c[2].priority, c[0]))
    chosen: list[tuple[int, int, R.Rule, re.Match]] = []
    taken = bytearray(len(text) + 1)
    for c in valid:
        if not any(taken[c[0]:c[1]]):
            chosen.append(c)
            taken[c[0]:c[1]] = b"\x01" * (c[1] - c[0])
    chosen.sort(key=lambda c: c[0])
    out: list[Timex] = []
    for start, end, rule, m in chosen:
        res = normalise(rule, m, ctx)
        if res is None:
            continue
        ttype, value = res
        s, e = _span_of(rule, m)
        out.append(Timex(s, e, text[s:e], ttype, value, rule.name))
        if ttype in ("DATE", "TIME") and re.match(r"\d{4}", value) and rule.kind not in ANAPHORIC_KINDS:
            ctx.ref_value, ctx.ref_end = value, e
        if re.fullmatch(r"\d{4}-Q\d", value) and rule.kind == "quarter":
            ctx.quarter_value, ctx.quarter_end = value, e
    return tuple(out)
