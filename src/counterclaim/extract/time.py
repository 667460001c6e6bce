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
from counterclaim.model import Document, Timex

__all__ = ["extract_timexes", "timex_in", "timex_near", "tense_at"]

# Words after which a bare "May"/"a year" reads as time, not as a modal verb or a quantity.
TEMPORAL_PREPOSITIONS = frozenset(
    "in since until till by last next of during from to through before after early late mid this and or "
    "between since around that each every".split()
)
DURATION_LEAD = frozenset(
    "for over within in than after only just lasted last lasting took take takes taken spent spend spending "
    "nearly almost about around of least most some another".split()
)
QUANTITY_WORDS = frozenset("than some nearly almost approximately least about roughly over under".split())
SET_LEAD_RE = re.compile(
    r"(?:\d|%|\$|\b(?:percent|times|twice|once|thrice|million|billion|trillion|dollars|cents|pounds|euros|yen|"
    r"barrels|tons|tonnes|miles|hours|days|shifts|meals|visits|games|rounds|flights|points))\W*$",
    re.I,
)
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


# ------------------------------------------------------------------ helpers


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


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
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
    s, e = _sentence_bounds(text, start, end)
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


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z]+)[^A-Za-z\n]{0,2}$", text[max(0, start - 25):start])
    return m.group(1).lower() if m else ""


def _day(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def _dur(n: Optional[float], unit: str) -> str:
    """TIMEX3 duration: ``_dur(3, "Y") == "P3Y"``, ``_dur(None, "W") == "PXW"``, ``_dur(1.5, "H") == "PT1H30M"``."""
    unit = {"TM": "M"}.get(unit, unit) if unit != "TM" else "TM"
    time_unit = unit in ("H", "TM", "S")
    u = "M" if unit == "TM" else unit
    if unit.endswith("0Y"):  # decade, century, millennium
        mult = int(unit[:-1])
        return "PXY" if n is None else _dur(n * mult, "Y")
    if unit == "2W":
        return "PXW" if n is None else _dur(n * 2, "W")
    if n is None:
        return f"PTX{u}" if time_unit else f"PX{u}"
    if n != int(n):
        lower = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "TM"), "TM": (60, "S"), "Q": (3, "M")}
        whole = int(n)
        if unit in lower:
            k, lu = lower[unit]
            rest = _dur((n - whole) * k, lu)
            if whole == 0:
                return rest
            head = f"PT{whole}{u}" if time_unit else f"P{whole}{u}"
            return head + (rest[2:] if rest.startswith("PT") and time_unit else rest[1:].replace("T", "T") if not time_unit else rest[1:])
        n = round(n)
    return f"PT{int(n)}{u}" if time_unit else f"P{int(n)}{u}"


def _unit_code(word: str) -> str:
    w = word.lower()
    w = {"centuries": "century", "millennia": "millennium"}.get(w, w)
    w = w[:-1] if w.endswith("s") and w[:-1] in R.UNITS else w
    return R.UNITS.get(w, "X")


def _quarter(d: dt.date, shift: int = 0) -> str:
    q = (d.month - 1) // 3 + shift
    y, q = d.year + q // 4, q % 4
    return f"{y:04d}-Q{q + 1}"


def _shift_quarter(value: str, shift: int) -> str:
    y, q = int(value[:4]), int(value[6])
    return _quarter(dt.date(y, 3 * q - 2, 1), shift)


def _weekday_date(anchor: dt.date, wd: int, direction: str) -> dt.date:
    """The nearest ``wd`` (1 = Monday) on or before (``past``) / on or after (``future``) the anchor."""
    diff = wd - anchor.isoweekday()
    if direction == "future":
        return anchor + dt.timedelta(days=diff % 7)
    return anchor - dt.timedelta(days=(-diff) % 7)


def _season_year(anchor: dt.date, code: str, rel: int) -> int:
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    inside = start <= anchor.month < start + 3 or (code == "WI" and anchor.month <= 2)
    if rel == 0:
        return anchor.year - (1 if code == "WI" and anchor.month <= 2 else 0)
    if rel < 0:
        if inside:
            return anchor.year - 1
        return anchor.year if start < anchor.month else anchor.year - 1
    return anchor.year if start > anchor.month else anchor.year + 1


CURRENT_MODS = ("this", "earlier this", "later this", "early this", "late this", "the current", "the end of this",
                "the end of the", "the beginning of this", "the beginning of the", "the start of this", "the start of the",
                "the middle of this", "the middle of the", "the rest of this", "the rest of the")
PREVIOUS_MODS = ("last", "early last", "late last", "the end of last", "the beginning of last", "the start of last",
                 "the middle of last", "this past")
NEXT_MODS = ("next", "early next", "late next", "later next", "the end of next", "the beginning of next",
             "the start of next", "the middle of next", "this coming", "the coming")


def _rel_offset(mod: str) -> Optional[int]:
    mod = re.sub(r"\s+", " ", (mod or "").lower())
    if mod in CURRENT_MODS:
        return 0
    if mod in PREVIOUS_MODS:
        return -1
    if mod in NEXT_MODS:
        return 1
    return None


def _unit_value(anchor: Optional[dt.date], unit: str, off: int) -> str:
    """The calendar ``unit`` ("week", "month", "year", "decade", "century") ``off`` steps from the anchor."""
    if anchor is None:
        return {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX", "decade": "XXX", "century": "XX"}[unit]
    if unit == "week":
        return R.iso_week(anchor + dt.timedelta(weeks=off))
    if unit == "month":
        d = R.add_months(anchor, off)
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "year":
        return f"{anchor.year + off:04d}"
    if unit == "decade":
        return f"{anchor.year // 10 + off:03d}"
    return f"{anchor.year // 100 + off:02d}"


def _parse_ref_any(value: str) -> Optional[dt.date]:
    """The first day of a DATE value at any calendar granularity (2021-03-04, 2021-03, 2021), else None."""
    d = _parse_ref_date(value)
    if d is not None:
        return d
    m = re.fullmatch(r"(\d{4})(?:-(\d\d))?", value)
    if m and (not m.group(2) or 1 <= int(m.group(2)) <= 12):
        return dt.date(int(m.group(1)), int(m.group(2) or 1), 1)
    return None


def _parse_ref_date(value: str) -> Optional[dt.date]:
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", value)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return None


# ------------------------------------------------------------------ the normaliser


class _Context:
    def __init__(self, text: str, anchor: Optional[dt.date], doc: Any) -> None:
        self.text, self.anchor, self.doc = text, anchor, doc
        self.ref_value: Optional[str] = None  # last DATE mentioned (for anaphoric expressions)
        self.ref_end = -1
        self.quarter_value: Optional[str] = None  # last fiscal quarter mentioned (financial news compares with it)
        self.quarter_end = -10**9

    def recent_quarter(self, start: int, window: int = 600) -> Optional[str]:
        """The quarter mentioned within ``window`` characters before ``start``: "a year earlier" then means that quarter, a year before."""
        return self.quarter_value if start - self.quarter_end < window else None

    def tense(self, start: int, end: int, default: str = "past") -> str:
        return tense_at(self.text, start, end, self.doc, default=default)

    def ref_date(self) -> Optional[dt.date]:
        return _parse_ref_date(self.ref_value or "") or self.anchor


def _implied_year(ctx: _Context, month: int, day: Optional[int], start: int, end: int, mod: str = "") -> Optional[int]:
    """The year of a month (and day) written without one.

    "last"/"next" pick the previous/next occurrence; otherwise the occurrence closest to the
    publication date (news mostly reports the recent past and announces the near future),
    moved to the next occurrence when the sentence is in the future tense.
    """
    a = ctx.anchor
    if a is None:
        return None
    here, there = (a.month, a.day if day else 0), (month, day or 0)
    if mod in ("last", "this past"):
        return a.year if there < here and month != a.month else a.year - 1
    if mod in ("next", "this coming"):
        return a.year if there > here and month != a.month else a.year + 1
    if mod == "this" or month == a.month:
        return a.year
    if IMMEDIATE_PAST_RE.search(ctx.text[max(0, start - 20):start]):  # "ended Jan. 31": the last occurrence
        return a.year if there <= here else a.year - 1
    tense = ctx.tense(start, end, default="unknown")
    if tense == "future":  # the next occurrence
        return a.year if there >= here else a.year + 1
    # past tense or no cue: the occurrence closest to the publication date (up to 3 months ahead)
    ahead = (month - a.month) % 12  # months forward to reach `month`
    if ahead <= 3:
        return a.year + (1 if month < a.month else 0)
    return a.year - (1 if month > a.month else 0)


def _resolve_weekday(ctx: _Context, wd: int, mod: str, start: int, end: int) -> Optional[dt.date]:
    a = ctx.anchor
    if a is None:
        return None
    mod = re.sub(r"\s+", " ", (mod or "").lower())
    if mod in ("last", "this past"):
        return a - dt.timedelta(days=(a.isoweekday() - wd - 1) % 7 + 1)
    if mod in ("next", "this coming"):
        return a + dt.timedelta(days=(wd - a.isoweekday() - 1) % 7 + 1)
    if mod == "this":
        return a + dt.timedelta(days=wd - a.isoweekday())
    return _weekday_date(a, wd, ctx.tense(start, end))


def _spelled_2(words: str) -> int:
    v = R.num_value(words.replace("-", " ") if " " in words or "-" in words else words)
    return int(v or 0)


def _month_num(word: str) -> int:
    return R.MONTHS[word.rstrip(".").lower()]


def _normalise(rule: R.Rule, m: re.Match, ctx: _Context) -> Optional[tuple[str, str]]:
    """``(type, value)`` for one match, or None when the match is not a temporal expression after all."""
    g = m.groupdict()
    a, text, start, end = ctx.anchor, ctx.text, m.start(), m.end()
    kind = rule.kind
    if kind == "iso":
        try:
            dt.date(int(g["y"]), int(g["m"]), int(g["d"]))
        except ValueError:
            return None
        if g["hh"]:
            return "TIME", f"{g['y']}-{g['m']}-{g['d']}T{g['hh']}:{g['mm']}"
        return "DATE", f"{g['y']}-{g['m']}-{g['d']}"
    if kind == "slash":
        y = int(g["y"])
        y = y + (2000 if y < 50 else 1900) if y < 100 else y
        try:
            return "DATE", _day(dt.date(y, int(g["m"]), int(g["d"])))
        except ValueError:
            return None
    if kind in ("mdy", "dmy"):
        month, day = _month_num(g["month"]), int(g["day"])
        if day > 31 or (g["month"] in ("May", "March") and not g.get("year") and day > 31):
            return None
        mod = re.sub(r"\s+", " ", (g.get("mdmod") or "").lower())
        year = int(g["year"]) if g.get("year") else _implied_year(ctx, month, day, start, end, mod)
        if year is None:
            return "DATE", f"XXXX-{month:02d}-{day:02d}"
        try:
            return "DATE", _day(dt.date(year, month, day))
        except ValueError:
            return None
    if kind == "month_year":
        return "DATE", f"{int(g['year']):04d}-{_month_num(g['month']):02d}"
    if kind == "month":
        word, mod = g["month"], re.sub(r"\s+", " ", (g["mmod"] or "").lower())
        if "." not in word and word.lower() in ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"):
            return None
        if word in ("May", "March") and not mod and not g["myrel"] and _prev_word(text, start) not in TEMPORAL_PREPOSITIONS | {"the"}:
            return None
        month = _month_num(word)
        if g["myrel"]:
            year = None if a is None else a.year + {"this": 0, "last": -1, "next": 1}[g["myrel"].lower()]
        else:
            year = _implied_year(ctx, month, None, start, end, mod)
        return "DATE", f"{'XXXX' if year is None else f'{year:04d}'}-{month:02d}"
    if kind == "year":
        y, mod = int(g["year"]), re.sub(r"\s+", " ", (g["ymod"] or "").lower())
        before = text[max(0, start - 2):start]
        if "$" in before or "#" in before or re.search(r"\b(?:No|Nos|Rule|Section|Article|Flight|Room|Route)\.?\s*$", text[max(0, start - 10):start]):
            return None
        if re.match(r"\s*(?:-|to|and)\s*\d{3,}", text[end:end + 8]) and not re.match(r"\s*-\s*\d{2}\b", text[end:end + 6]):
            pass
        if not mod and _prev_word(text, start) in QUANTITY_WORDS and re.match(r"\s+[a-z]", text[end:end + 2]):
            return None  # "more than 2000 people"
        if y < 1900 and _prev_word(text, start) not in TEMPORAL_PREPOSITIONS | {"year", "the", "circa", "around"} and not mod:
            return None
        if mod.startswith("the first half"):
            return "DATE", f"{y:04d}-H1"
        if mod.startswith("the second half"):
            return "DATE", f"{y:04d}-H2"
        season = re.match(r"the (summer|spring|fall|autumn|winter) of", mod)
        if season:
            return "DATE", f"{y:04d}-{R.SEASONS[season.group(1)]}"
        return "DATE", f"{y:04d}"
    if kind == "spelled_year":
        cent = re.sub(r"\s+", " ", g["sycent"].lower())
        if not g["sy2"]:
            if cent == "two thousand" and (m.group(0).lower().startswith("the year") or _prev_word(text, start) in TEMPORAL_PREPOSITIONS):
                return "DATE", "2000"
            return None
        yy = _spelled_2(g["sy2"])
        if cent == "two thousand":
            return "DATE", f"{2000 + yy:04d}"
        return "DATE", f"{19 if cent == 'nineteen' else 20}{yy:02d}"
    if kind == "decade":
        if g["dec"]:
            return "DATE", g["dec"]
        if g["dec2"]:
            return "DATE", "19" + g["dec2"]
        words = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
        return "DATE", f"19{words.index(g['decw'].lower()) + 2}"
    if kind == "century":
        n = int(g["cent"])
        return ("DATE", f"{n - 1:02d}") if 1 <= n <= 22 else None
    if kind == "quarter":
        return _normalise_quarter(g, ctx)
    if kind == "half":
        n = 1 if g["hord"].lower() == "first" else 2  # second, last
        hy = (g["hyear"] or g["hpre"] or "").lower()
        if re.match(r"\d{4}", hy):
            return "DATE", f"{hy}-H{n}"
        if not g["hpre"] and not g["hyear"]:
            return None
        if a is None:
            return "DATE", f"XXXX-H{n}"
        off = -1 if "last" in hy else 1 if "next" in hy else 0
        year = a.year + off
        if off == 0 and "year" not in hy and n == 2 and a.month <= 6:
            year -= 1
        return "DATE", f"{year:04d}-H{n}"
    if kind == "clock":
        return _normalise_clock(g, ctx, start, end)
    if kind == "relday":
        rel = (g["rel"] or g["rel2"] or "").lower()
        rel = re.sub(r"\s+", " ", rel)
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "before yesterday": -2, "after tomorrow": 2}[rel]
        pod = R.PARTS_OF_DAY.get((g["pod"] or "").lower()) or ("NI" if rel == "tonight" else None)
        base = "XXXX-XX-XX" if a is None else _day(a + dt.timedelta(days=shift))
        return ("TIME", f"{base}T{pod}") if pod else ("DATE", base)
    if kind == "pod":
        mod, pod = re.sub(r"\s+", " ", g["pmod"].lower()), R.PARTS_OF_DAY[g["pod"].lower()]
        if mod == "the" and pod == "NI":
            return None
        base = None if a is None else a - dt.timedelta(days=1 if mod == "last" else 0)
        if mod == "the" and ctx.ref_value and _parse_ref_date(ctx.ref_value):
            base = _parse_ref_date(ctx.ref_value)
        return "TIME", f"{'XXXX-XX-XX' if base is None else _day(base)}T{pod}"
    if kind == "weekday":
        wd = R.WEEKDAYS[g["wd"].lower()]
        mod = re.sub(r"\s+", " ", (g["wmod"] or "").lower())
        pod = R.PARTS_OF_DAY.get((g["pod"] or "").lower())
        if g["wpl"] or mod in ("each", "every"):
            return "SET", f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else "")
        if mod in ("the previous", "the prior", "the following", "the next"):  # relative to the day last mentioned
            ref = _parse_ref_date(ctx.ref_value or "")
            if ref is None:
                d = None if a is None else _weekday_date(a, wd, "past")
            elif mod in ("the previous", "the prior"):
                d = ref - dt.timedelta(days=(ref.isoweekday() - wd - 1) % 7 + 1)
            else:
                d = ref + dt.timedelta(days=(wd - ref.isoweekday() - 1) % 7 + 1)
        else:
            d = _resolve_weekday(ctx, wd, mod, start, end)
        base = f"XXXX-WXX-{wd}" if d is None else _day(d)
        return ("TIME", f"{base}T{pod}") if pod else ("DATE", base)
    if kind == "week_of":
        month, day = _month_num(g["month"]), int(g["day"])
        year = int(g["year"]) if g.get("year") else _implied_year(ctx, month, day, start, end)
        if year is None:
            return "DATE", "XXXX-WXX"
        try:
            return "DATE", R.iso_week(dt.date(year, month, day))
        except ValueError:
            return None
    if kind == "pod_relday":
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[g["rel3"].lower()]
        base = "XXXX-XX-XX" if a is None else _day(a + dt.timedelta(days=shift))
        return "TIME", f"{base}T{R.PARTS_OF_DAY[g['pod2'].lower()]}"
    if kind == "weekend":
        mod = re.sub(r"\s+", " ", (g["rmod"] or "").lower())
        if a is None:
            return "DATE", "XXXX-WXX-WE"
        if mod in ("the past", "the previous"):
            return "DURATION", "P2D"
        off = _rel_offset(mod)
        if off is None:  # "the weekend": the nearest one in the tense's direction
            past = ctx.tense(start, end) == "past"
            off = -1 if past and a.isoweekday() < 6 else 0
        return "DATE", R.iso_week(a + dt.timedelta(weeks=off)) + "-WE"
    if kind == "relunit":
        mod, unit = re.sub(r"\s+", " ", g["rmod"].lower()), g["runit"].lower()
        if g["rmod"][0].isupper() and g["runit"][0].isupper():
            return None  # "This Week", "Next Year": a title, not a time
        if mod == "the past":
            return "DURATION", _dur(1, _unit_code(unit))
        if mod in ("the following", "the previous", "the preceding", "the prior"):
            ref = _parse_ref_any(ctx.ref_value or "") or a
            return "DATE", _unit_value(ref, unit, 1 if mod == "the following" else -1)
        off = _rel_offset(mod)
        return None if off is None else ("DATE", _unit_value(a, unit, off))
    if kind == "season":
        code = R.SEASONS[g["season"].lower()]
        mod = re.sub(r"\s+", " ", (g["smod"] or "").lower())
        if g.get("year"):
            return "DATE", f"{g['year']}-{code}"
        if not mod:
            return None
        if a is None:
            return "DATE", f"XXXX-{code}"
        off = _rel_offset(mod)
        if off is None:
            off = 0 if mod in ("the", "early", "late", "mid") and ctx.tense(start, end) == "past" and _season_year(a, code, 0) == a.year else (1 if ctx.tense(start, end) == "future" else -1)
            if mod in ("the past", "the previous"):
                off = -1
        return "DATE", f"{_season_year(a, code, off) if off else a.year:04d}-{code}"
    if kind == "ago":
        return _normalise_ago(g, ctx, start)
    if kind == "anaunit":  # "later that year": the year of the date last mentioned
        ref = _parse_ref_any(ctx.ref_value or "")
        return "DATE", _unit_value(ref, g["auunit"].lower(), 0)
    if kind == "anaday":
        ref = _parse_ref_date(ctx.ref_value or "") or a
        det = re.sub(r"\s+", " ", (g["adet"] or "").lower())
        shift = {"that": 0, "the same": 0, "the next": 1, "the following": 1, "the previous": -1, "the prior": -1, "the preceding": -1}.get(det)
        if g["adir"]:
            shift = -1 if g["adir"].lower() == "before" else 1
        base = "XXXX-XX-XX" if ref is None else _day(ref + dt.timedelta(days=shift or 0))
        pod = R.PARTS_OF_DAY.get((g["apod"] or "day").lower())
        return ("TIME", f"{base}T{pod}") if pod else ("DATE", base)
    if kind == "duration":
        return _normalise_duration(g, ctx, start, end)
    if kind == "year_earlier":
        prev = ctx.ref_value if (ctx.ref_value and start - ctx.ref_end < 400) else None
        unit = (g["yeunit"] or "").lower()
        if unit == "months":
            return None
        quarter = ctx.recent_quarter(start)
        if quarter:
            return "DATE", _shift_quarter(quarter, -4)
        if unit == "quarter":
            return "DATE", "XXXX-QX" if a is None else _quarter(a, -5)
        if prev and re.match(r"\d{4}", prev):
            return "DATE", f"{int(prev[:4]) - 1:04d}"
        return "DATE", "XXXX" if a is None else f"{a.year - 1:04d}"
    if kind == "year_period":
        quarter = ctx.recent_quarter(start, 1500)
        return "DATE", f"{g['year']}-Q{quarter[-1]}" if quarter else g["year"]
    if kind == "year_end":
        words = m.group(0).lower()
        off = -1 if words.startswith("last") else 1 if words.startswith("next") else 0
        if "end" in words:
            return "DATE", "XXXX-12-31" if a is None else f"{a.year + off:04d}-12-31"
        return "DATE", "XXXX" if a is None else f"{a.year:04d}"
    if kind == "year_ended":
        return "DURATION", "P1Y"
    if kind == "duration1":
        return "DURATION", _dur(1, _unit_code(g["unit1"]))
    if kind == "duration_x":
        code = _unit_code(g["unitx"])
        return "DURATION", _dur(None, code)
    if kind == "set":
        det, unit = g["sdet"].lower(), g["sunit"].lower()
        if det in ("a", "an") and not SET_LEAD_RE.search(text[max(0, start - 30):start]):
            return None
        if det == "per" and unit in ("second", "minute", "hour"):
            return None  # rates ("metres per second"), not recurring times
        n = 2 if g["sother"] else (R.num_value(g["snum"]) if g["snum"] else 1)
        if unit in ("night", "morning", "evening"):
            return "SET", "P1D" if n == 1 else _dur(n, "D")
        return "SET", _dur(n, _unit_code(unit))
    if kind == "setword":
        return "SET", R.SETS[re.sub(r"\s+", " ", m.group(0).lower())]
    if kind == "ref":
        if text[end:end + 1] == "-" or (m.group(0).lower() == "now" and re.match(r"\s+that\b", text[end:end + 6])):
            return None
        return "DATE", R.REFS[re.sub(r"\s+", " ", m.group(0).lower())]
    if kind == "holiday":
        return _normalise_holiday(g, ctx, start, end)
    raise ValueError(f"[T002] rule {rule.name!r} has unknown kind {kind!r}; add a branch to _normalise")


def _normalise_quarter(g: dict, ctx: _Context) -> Optional[tuple[str, str]]:
    a = ctx.anchor
    pre = re.sub(r"\s+", " ", (g["qpre"] or "").lower())
    ordw = re.sub(r"[\s-]+", " ", (g["qord"] or "").lower())
    year = g["qyear"] or g["qyear2"] or g["qyear0"]
    if not pre and not ordw:
        return None
    if g["qago"]:
        ordw = ordw or "year ago"
        if ordw in R.ORDINALS and a is not None:
            n = R.ORDINALS[ordw]
            cq = (a.month - 1) // 3 + 1
            return "DATE", f"{(a.year if n <= cq else a.year - 1) - 1:04d}-Q{n}"
    n = R.ORDINALS.get(ordw)
    if year is None and pre in ("this year's", "last year's", "next year's") and a is not None:
        year = str(a.year + {"this year's": 0, "last year's": -1, "next year's": 1}[pre])
    if n is None and year and not g["qago"]:  # "the 1988 quarter": the quarter being reported, in that year
        if a is None:
            return "DATE", f"{year}-QX"
        n = int(_quarter(a, -1)[-1])
    if n is not None:
        if year:
            return "DATE", f"{year}-Q{n}"
        if a is None:
            return "DATE", f"XXXX-Q{n}"
        cq = (a.month - 1) // 3 + 1
        if pre == "next":
            return "DATE", f"{a.year + 1:04d}-Q{n}"
        if pre == "last":
            return "DATE", f"{a.year - 1 if n >= cq else a.year:04d}-Q{n}"
        return "DATE", f"{a.year if n <= cq else a.year - 1:04d}-Q{n}"
    if a is None:
        return "DATE", "XXXX-QX"
    if ordw in ("current",) or (pre == "this" and not ordw):
        return "DATE", _quarter(a)
    if ordw == "next" or (pre == "next" and not ordw):
        return "DATE", _quarter(a, 1)
    if ordw in ("year earlier", "year ago", "comparable", "same"):
        return "DATE", _quarter(a, -5)
    return "DATE", _quarter(a, -1)  # the latest / last / previous / "the quarter": the last one reported


def _normalise_clock(g: dict, ctx: _Context, start: int, end: int) -> Optional[tuple[str, str]]:
    a = ctx.anchor
    if g["word"]:
        hh, mm = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[g["word"].lower()], None
        hh, mm = hh
    elif g["h"] is not None:
        hh, mm = int(g["h"]), int(g["mi"] or 0)
        if hh > 12 or hh == 0:
            return None
        hh = hh % 12 + (12 if g["ampm"].lower() == "p" else 0)
    elif g["h2"] is not None:
        hh, mm = int(g["h2"]), int(g["mi2"])
    elif g["h3"] is not None:
        hh, mm = int(g["h3"]), 0
    else:
        hh, mm = int(g["h4"]) % 12 + (0 if g["pod4"].lower() == "morning" else 12), 0
    if g["wd"]:
        d = _resolve_weekday(ctx, R.WEEKDAYS[g["wd"].lower()], "", start, end)
        base = f"XXXX-WXX-{R.WEEKDAYS[g['wd'].lower()]}" if d is None else _day(d)
    elif g["rel"]:
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[g["rel"].lower()]
        base = "XXXX-XX-XX" if a is None else _day(a + dt.timedelta(days=shift))
    elif g["month"]:
        month, day = _month_num(g["month"]), int(g["day"])
        year = _implied_year(ctx, month, day, start, end)
        base = f"XXXX-{month:02d}-{day:02d}" if year is None else f"{year:04d}-{month:02d}-{day:02d}"
    else:  # a bare clock time belongs to the day last talked about, else to the publication day
        ref = _parse_ref_date(ctx.ref_value or "") if ctx.ref_value and start - ctx.ref_end < 300 else None
        ref = ref or a
        base = "XXXX-XX-XX" if ref is None else _day(ref)
    return "TIME", f"{base}T{hh:02d}:{mm:02d}"


def _normalise_ago(g: dict, ctx: _Context, start: int) -> Optional[tuple[str, str]]:
    numw = g["num"]
    n = R.num_value(numw)
    direction = g["dir"].lower().split()[0]
    sign = -1 if direction in ("ago", "earlier", "before", "back", "prior") else 1
    code = _unit_code(g["unit"])
    if numw.lower() in ("a", "an") and code in ("Q", "S"):
        return None
    deictic = direction in ("ago", "from", "hence", "back")
    prev = ctx.ref_value if (ctx.ref_value and start - ctx.ref_end < 250) else None
    base = ctx.anchor if deictic else ctx.ref_date()
    if n is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    if code in ("H", "TM", "S"):
        return "DURATION", _dur(n, code)
    quarter = ctx.recent_quarter(start)
    if code == "Y" and n == 1 and quarter:
        return "DATE", _shift_quarter(quarter, sign * 4)
    if base is None:
        return "DATE", {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "2W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX"}.get(code, "XXXX")
    if code == "D":
        return "DATE", _day(base + dt.timedelta(days=sign * round(n)))
    if code in ("W", "2W"):
        return "DATE", R.iso_week(base + dt.timedelta(weeks=sign * round(n * (2 if code == "2W" else 1))))
    if code == "M":
        d = R.add_months(base, sign * round(n))
        return "DATE", f"{d.year:04d}-{d.month:02d}"
    if code == "Q":
        return "DATE", _quarter(base, sign * round(n))
    years = n * (int(code[:-1]) if code.endswith("0Y") else 1)
    if years != int(years):
        d = R.add_months(base, sign * round(12 * years))
        return "DATE", f"{d.year:04d}-{d.month:02d}"
    return "DATE", f"{base.year + sign * int(years):04d}"


def _normalise_duration(g: dict, ctx: _Context, start: int, end: int) -> Optional[tuple[str, str]]:
    numw = g["num"].lower()
    code = _unit_code(g["unit"])
    n = R.num_value(numw)
    det = (g["det"] or "").lower()
    bare_article = numw in ("a", "an") and not g["approx"] and not det
    if numw in ("a", "an", "one", "a half", "an half") and code in ("Q", "S"):
        return None
    if numw in ("some", "many") and not g["plural"]:
        return None
    if bare_article and _prev_word(ctx.text, start) not in DURATION_LEAD and not g["long"]:
        return None
    if (g["long"] or "").lower() == "old" or re.match(r"\s+old\b", ctx.text[end:end + 5]):
        return None  # ages ("a 6-year-old") are not TIMEX3s in TimeBank
    if code == "Q" and re.match(r"\s+of\b", ctx.text[end:end + 4]):
        return None  # "three-quarters of" is a fraction
    if n is not None and n > 1 and not g["plural"] and not re.search(r"-", ctx.text[start:start + len(g["num"]) + 2 + (len(g["approx"] or "") + len(g["det"] or "") + 1)]):
        pass  # "two year" (no plural) is still a duration
    return "DURATION", _dur(n, code)


def _normalise_holiday(g: dict, ctx: _Context, start: int, end: int) -> Optional[tuple[str, str]]:
    code = R.HOLIDAYS[re.sub(r"\s+", " ", g["hol"].lower().replace("’", "'"))]
    month = int(code[:2])

    def on(year: int) -> dt.date:
        rest = code[3:]
        if rest == "TH4":
            return R.nth_weekday(year, 11, 4, 4)
        if rest == "MO1":
            return R.nth_weekday(year, month, 1, 1)
        if rest == "MOL":
            return R.nth_weekday(year, month, 1, -1)
        if rest == "EL":
            return R.nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)
        return dt.date(year, month, int(rest))

    if g.get("year"):
        return "DATE", _day(on(int(g["year"])))
    a = ctx.anchor
    if a is None:
        return "DATE", f"XXXX-{code}" if code[3:].isdigit() else f"XXXX-{month:02d}-XX"
    mod = (g["hmod"] or "").lower()
    this = on(a.year)
    if mod == "this":
        return "DATE", _day(this)
    future = mod == "next" or (not mod and ctx.tense(start, end) == "future")
    if future:
        return "DATE", _day(this if this >= a else on(a.year + 1))
    return "DATE", _day(this if this <= a else on(a.year - 1))


# ------------------------------------------------------------------ the stage

# Kinds whose value is computed from the previous reference; they do not become the reference themselves.
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
    ctx = _Context(text, anchor, doc)
    valid = []
    for start, end, rule, m in _candidates(text):
        if _normalise(rule, m, ctx) is not None:
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
        res = _normalise(rule, m, ctx)
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
