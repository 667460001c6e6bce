"""Normalisation of matched temporal expressions to TIMEX3 types and values.

One branch per rule kind of :mod:`counterclaim.extract.timex_rules`; deictic expressions are
resolved against the publication date, anaphoric ones ("a year earlier", "the next day",
"later that year") against the last date mentioned (Mani & Wilson 2000, "Robust temporal
processing of news", ACL), and underspecified ones (weekdays, months without a year) by the
tense of the sentence (:mod:`counterclaim.extract.timex_tense`). Without a publication date,
relative values stay unresolved ("XXXX-10-07", "XXXX-WXX-1").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Optional

from counterclaim.extract import timex_rules as R
from counterclaim.extract.timex_rules import day_value as _day
from counterclaim.extract.timex_rules import duration_value as _dur
from counterclaim.extract.timex_rules import unit_code as _unit_code
from counterclaim.extract.timex_rules import quarter_value as _quarter
from counterclaim.extract.timex_rules import shift_quarter as _shift_quarter
from counterclaim.extract.timex_rules import weekday_date as _weekday_date
from counterclaim.extract.timex_rules import season_year as _season_year
from counterclaim.extract.timex_rules import rel_offset as _rel_offset
from counterclaim.extract.timex_rules import unit_value as _unit_value
from counterclaim.extract.timex_rules import parse_ref_any as _parse_ref_any
from counterclaim.extract.timex_rules import parse_ref_date as _parse_ref_date
from counterclaim.extract.timex_tense import IMMEDIATE_PAST_RE, tense_at

__all__ = ["Context", "normalise"]

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


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z]+)[^A-Za-z\n]{0,2}$", text[max(0, start - 25):start])
    return m.group(1).lower() if m else ""


class Context:
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


def _implied_year(ctx: Context, month: int, day: Optional[int], start: int, end: int, mod: str = "") -> Optional[int]:
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


def _resolve_weekday(ctx: Context, wd: int, mod: str, start: int, end: int) -> Optional[dt.date]:
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


def normalise(rule: R.Rule, m: re.Match, ctx: Context) -> Optional[tuple[str, str]]:
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
    raise ValueError(f"[T002] rule {rule.name!r} has unknown kind {kind!r}; add a branch to normalise()")


def _normalise_quarter(g: dict, ctx: Context) -> Optional[tuple[str, str]]:
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


def _normalise_clock(g: dict, ctx: Context, start: int, end: int) -> Optional[tuple[str, str]]:
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


def _normalise_ago(g: dict, ctx: Context, start: int) -> Optional[tuple[str, str]]:
    numw = g["num"]
    n = R.num_value(numw)
    direction = g["dir"].lower().split()[0]
    sign = -1 if direction in ("ago", "earlier", "before", "back", "prior") else 1
    code = _unit_code(g["unit"])
    if numw.lower() in ("a", "an") and code in ("Q", "S"):
        return None
    deictic = direction in ("ago", "from", "hence", "back")
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


def _normalise_duration(g: dict, ctx: Context, start: int, end: int) -> Optional[tuple[str, str]]:
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


def _normalise_holiday(g: dict, ctx: Context, start: int, end: int) -> Optional[tuple[str, str]]:
    code = R.HOLIDAYS[re.sub(r"\s+", " ", g["hol"].lower().replace("’", "'"))]
    month = int(code[:2]) if code[:2].isdigit() else 0  # 0: a movable feast (Easter)

    def on(year: int) -> dt.date:
        rest = code[3:]
        if rest in ("EA", "GF"):
            return R.easter(year) - dt.timedelta(days=2 if rest == "GF" else 0)
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
        return "DATE", f"XXXX-{code}" if code[3:].isdigit() else (f"XXXX-{month:02d}-XX" if month else "XXXX-XX-XX")
    mod = (g["hmod"] or "").lower()
    this = on(a.year)
    if mod == "this":
        return "DATE", _day(this)
    future = mod == "next" or (not mod and ctx.tense(start, end) == "future")
    if future:
        return "DATE", _day(this if this >= a else on(a.year + 1))
    return "DATE", _day(this if this <= a else on(a.year - 1))
