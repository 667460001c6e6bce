"""Named regular-expression rules and calendar arithmetic for :mod:`counterclaim.extract.time`.

The rule inventory follows the two systems that set the bar on TempEval-3:
HeidelTime (Strötgen & Gertz 2010, 2013: "HeidelTime: High quality rule-based extraction
and normalization of temporal expressions", SemEval; "Multilingual and cross-domain temporal
tagging", LRE 47) — one named pattern per expression class, normalised by a function that
reads the document creation time (DCT) and the tense of the sentence — and SUTime
(Chang & Manning 2012, LREC) for composing times with days ("10 p.m. Wednesday").
Span conventions follow TimeML/TIMEX3 (Pustejovsky et al. 2003; TimeML annotation
guidelines 1.2.1): determiners and modifiers such as "the", "last", "nearly", "ago" are
inside the span; prepositions ("on", "in") are outside.

Word lists are data: ``counterclaim/data/time_lexicon.json``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from typing import Optional
from functools import lru_cache
from importlib import resources

__all__ = [
    "LEXICON", "RULES", "Rule", "num_value", "add_months", "iso_week", "nth_weekday", "easter",
    "day_value", "duration_value", "unit_code", "quarter_value", "shift_quarter", "weekday_date", "season_year", "rel_offset", "unit_value", "parse_ref_any", "parse_ref_date",
]


@lru_cache(maxsize=1)
def _load_lexicon() -> dict:
    path = resources.files("counterclaim") / "data" / "time_lexicon.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:  # pragma: no cover - packaging error
        raise FileNotFoundError(
            f"[T001] time lexicon missing at {path}; reinstall counterclaim (pip install -e .) so package data is present"
        ) from exc


LEXICON = _load_lexicon()
MONTHS: dict[str, int] = LEXICON["months"]
WEEKDAYS: dict[str, int] = LEXICON["weekdays"]
NUMBERS: dict[str, float] = LEXICON["numbers"]
ORDINALS: dict[str, int] = LEXICON["ordinals"]
UNITS: dict[str, str] = LEXICON["units"]
SEASONS: dict[str, str] = LEXICON["seasons"]
PARTS_OF_DAY: dict[str, str] = LEXICON["parts_of_day"]
SETS: dict[str, str] = LEXICON["sets"]
REFS: dict[str, str] = LEXICON["refs"]
HOLIDAYS: dict[str, str] = LEXICON["holidays"]
FUZZY: list[str] = LEXICON["fuzzy_numbers"]


def _alt(words, *, cap: bool = False) -> str:
    """An alternation of ``words``, longest first; ``cap`` makes it case-sensitive and capitalised."""
    ws = sorted(set(words), key=len, reverse=True)
    if cap:  # "election day" -> "Election Day"
        ws = [" ".join(p[0].upper() + p[1:] for p in w.split(" ")) for w in ws]
        return "(?-i:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws) + ")"
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws) + ")"


# ------------------------------------------------------------------ sub-patterns

_ABBR = [k for k in MONTHS if len(k) <= 4 and k != "may" and k not in ("june", "july")]
MONTH = (
    r"(?P<month>(?-i:"
    + "|".join(sorted((k.capitalize() for k in MONTHS if k not in _ABBR), key=len, reverse=True))
    + "|"
    + "|".join(sorted((k.capitalize() + r"\." for k in _ABBR), key=len, reverse=True))
    + "|"
    + "|".join(sorted((k.capitalize() for k in _ABBR), key=len, reverse=True))
    + r")(?![A-Za-z]))"
)
WEEKDAY = r"(?P<wd>" + _alt(WEEKDAYS, cap=True) + r")"
DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:.,]\d|\d|[-–]\d)"
YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d|\s*(?:percent|points?)\b)"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
NUMWORD = rf"(?:(?:{_TENS})[- ](?:{_ONES})|" + _alt(k for k in NUMBERS if k not in ("a", "an")) + ")"
NUM = (
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?(?:\s+\d/\d)?|" + NUMWORD + r"(?:\s+and\s+a\s+half)?|"
    + _alt(FUZZY) + r"|an?(?:\s+half)?)"
)
UNIT = r"(?P<unit>second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ies)|millenni(?:um|a))(?P<plural>s)?(?![A-Za-z])"
APPROX = (
    r"(?P<approx>(?:nearly|almost|about|around|approximately|roughly|some|over|under|more\s+than|less\s+than|"
    r"fewer\s+than|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|just|only|barely|"
    r"well\s+over|just\s+over|just\s+under|the\s+better\s+part\s+of)\s+)?"
)
TZ = r"(?:\s+(?:(?-i:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|IST|JST)|local\s+time|\(\d{3,4}\s+(?-i:GMT|UTC)\)|\(\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?\s+(?-i:[ECMP][SD]T|GMT|UTC)\))){0,2}"
CLOCK = (
    r"(?P<clock>(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ampm>[ap])\.?\s?m\b\.?"
    r"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?![\d:])"
    r"|(?P<h3>1[0-2]|[1-9])\s+o'clock"
    r"|(?P<h4>1[0-2]|[1-9])\s+in\s+the\s+(?P<pod4>morning|afternoon|evening)"
    r"|(?P<word>noon|midnight|midday))"
)
POD = r"(?P<pod>morning|afternoon|evening|night)"
REL_DAY = r"(?P<rel>today|yesterday|tomorrow|tonight)"
DAYREF = rf"(?:{WEEKDAY}|{REL_DAY}|{MONTH}\s+{DAY})"


class Rule:
    """A named pattern: ``name`` goes into ``Timex.rule``; ``kind`` picks the normaliser."""

    __slots__ = ("name", "kind", "regex", "priority")

    def __init__(self, name: str, kind: str, pattern: str, priority: int = 0, flags: int = re.I) -> None:
        self.name, self.kind, self.priority = name, kind, priority
        self.regex = re.compile(r"(?<![\w'])" + pattern + r"(?!\w)", flags)


MONMOD = r"(?P<mmod>early|mid|late|last|next|this(?:\s+past|\s+coming)?|the\s+(?:end|middle|beginning|start)\s+of|the\s+(?:first|second)\s+half\s+of)"
YEARMOD = r"(?P<ymod>early|mid|late|fiscal|calendar|the\s+(?:end|middle|beginning|start)\s+of|the\s+(?:first|second)\s+half\s+of|the\s+(?:summer|spring|fall|autumn|winter)\s+of)"
QORD = r"(?P<qord>first|second|third|fourth|1st|2nd|3rd|4th|final|latest|current|previous|past|year-earlier|year-ago|comparable|same|last|next|recent|most\s+recent|just-ended|just\s+ended)"
QPRE = r"(?P<qpre>the|this|its|their|that|last|next|this\s+year's|last\s+year's|next\s+year's|(?:the\s+)?(?P<qyear0>1[5-9]\d\d|20\d\d)(?:'s)?|the\s+(?:comparable\s+)?(?P<qago>year-earlier|year-ago|year\s+earlier|year\s+ago|comparable|same))"
REL_UNITMOD = (
    r"(?P<rmod>this|last|next|this\s+past|this\s+coming|the\s+past|the\s+previous|the\s+following|the\s+coming|"
    r"the\s+current|earlier\s+this|later\s+this|early\s+this|early\s+next|early\s+last|late\s+last|late\s+this|late\s+next|"
    r"later\s+next|the\s+end\s+of\s+(?:this|last|next|the)|the\s+beginning\s+of\s+(?:this|last|next|the)|"
    r"the\s+(?:start|middle|rest)\s+of\s+(?:this|last|next|the))"
)
SEASON = r"(?P<season>spring|summer|fall|autumn|winter)"

RULES: tuple[Rule, ...] = (
    Rule("iso_date", "iso", r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<hh>[0-2]\d):(?P<mm>[0-5]\d))?", 9),
    Rule("us_slash_date", "slash", r"(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4}|\d{2})", 9),
    Rule("month_day_year", "mdy", rf"(?:{WEEKDAY},?\s+)?(?:(?P<dmod>early|late)\s+)?(?:(?P<mdmod>last|next|this)\s+)?{MONTH}\s+{DAY}(?:,?\s+{YEAR})?", 8),
    Rule("day_month_year", "dmy", rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH}(?:,?\s+{YEAR})?", 8),
    Rule("month_year", "month_year", rf"(?:{MONMOD}[\s-]+)?{MONTH},?\s+(?:of\s+)?{YEAR}", 7),
    Rule("month", "month", rf"(?:{MONMOD}[\s-]+)?{MONTH}(?:\s+(?P<myrel>this|last|next)\s+year)?", 5),
    Rule("year", "year", rf"(?:{YEARMOD}[\s-]+)?{YEAR}", 4),
    Rule("spelled_year", "spelled_year", rf"(?:the\s+year\s+)?(?P<sycent>nineteen|twenty|two\s+thousand)(?:\s+(?:and\s+)?(?P<sy2>(?:{_TENS})[- ](?:{_ONES})|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|{_TENS}|{_ONES}))?(?=[\s,.;:)]|$)(?!\s+(?:people|years|months|days|weeks|hours|percent|of|more|others|men|women|persons|and)\b)", 4),
    Rule("decade", "decade", r"(?:the\s+)?(?:(?P<dmod>early|mid|late)[\s-]+)?(?:(?P<dec>1[5-9]\d|20\d)0'?s|'(?P<dec2>\d)0s|(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))", 6),
    Rule("century", "century", r"(?:the\s+)?(?P<cent>\d{1,2})(?:st|nd|rd|th)\s+century", 6),
    Rule("quarter", "quarter", rf"(?:{QPRE}\s+)?(?:(?:fiscal|calendar)\s+)?(?:{QORD}[\s-]+)?(?:(?:fiscal|calendar)[\s-]+)?quarter(?:\s+of\s+(?P<qyear>1[5-9]\d\d|20\d\d)|\s+(?P<qyear2>1[5-9]\d\d|20\d\d))?(?!\s+of\s+(?:a|an|the|its|their)\b|\s+(?:point|mile|century)|-\w)", 6),
    Rule("year_earlier", "year_earlier", r"(?:(?P<yedet>the|a)\s+)?(?:comparable\s+)?(?:year-earlier|year-ago|prior-year|year\s+earlier)(?:\s+(?P<yeunit>period|quarter|months|results|figures|level))?(?![\w-])", 5),
    Rule("year_period", "year_period", r"the\s+(?P<year>1[5-9]\d\d|20\d\d)\s+(?:period|quarter)", 7),
    Rule("year_end", "year_end", r"(?:(?P<yepre>the)\s+(?:full|entire|whole)\s+year|(?:this\s+|last\s+|next\s+)?year[-\s]end|(?:this\s+|last\s+|next\s+)?year's\s+end)(?![\w-])", 5),
    Rule("year_ended", "year_ended", r"the\s+(?:fiscal\s+|financial\s+|calendar\s+)?year(?=\s+(?:ended|ending|that\s+ended|that\s+ends|to)\s)", 5),
    Rule("half_year", "half", r"(?:(?P<hpre>the|this\s+year's|last\s+year's|next\s+year's)\s+)?(?P<hord>first|second|last)[\s-]+half(?:\s+of\s+(?P<hyear>1[5-9]\d\d|20\d\d|the\s+year|this\s+year|next\s+year|last\s+year))?", 6),
    Rule("time_of_day", "clock", rf"(?:(?P<cmod>about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after)|at\s+about)\s+)?{CLOCK}{TZ}(?:,?\s+(?:on\s+)?(?:{WEEKDAY}|{REL_DAY}|{MONTH}\s+{DAY}))?", 9),
    Rule("week_of", "week_of", rf"the\s+week\s+of\s+{MONTH}\s+{DAY}(?:,?\s+{YEAR})?", 9),
    Rule("pod_relday", "pod_relday", r"(?:(?P<pdmod>early|mid|late)[\s-]*)?(?P<pod2>morning|afternoon|evening)\s+(?P<rel3>yesterday|today|tomorrow)", 8),
    Rule("relative_day", "relday", rf"(?:(?P<dmod>early|late|earlier|later)\s+)?(?:the\s+day\s+(?P<rel2>before\s+yesterday|after\s+tomorrow)|{REL_DAY}(?:\s+{POD})?)", 7),
    Rule("part_of_day", "pod", rf"(?P<pmod>this|last|early\s+this|late\s+this|later\s+this|earlier\s+this|the)\s+{POD}", 5),
    Rule("weekday", "weekday", rf"(?:(?P<wmod>last|next|this(?:\s+past|\s+coming)?|early|late|earlier|later|each|every|the\s+previous|the\s+following|the\s+next|the\s+prior)\s+)?{WEEKDAY}(?P<wpl>s)?(?:\s+{POD})?", 7),
    Rule("weekend", "weekend", rf"(?:{REL_UNITMOD}|the)\s+week-?end", 6),
    Rule("relative_unit", "relunit", rf"{REL_UNITMOD}\s+(?P<runit>week|month|year|decade|century)(?![\w-])", 6),
    Rule("season", "season", rf"(?:(?P<smod>{REL_UNITMOD}|the|early|late|mid)[\s-]+)?{SEASON}(?:,?\s+(?:of\s+)?{YEAR})?", 6),
    Rule("ago", "ago", rf'{APPROX}{NUM}\s+(?:more\s+)?{UNIT}\s+(?P<dir>ago|earlier(?!\s+than)|later(?!\s+than)|from\s+now|hence|back|(?:before|after|prior)(?=\s*[,.;:!?)\"\'\u2014\u2013]|\s*$))', 8),
    Rule("anaphoric_unit", "anaunit", r"(?:(?P<aumod>earlier|later|early|late)\s+(?:in\s+)?)?that\s+(?:same\s+)?(?P<auunit>year|month|week)(?![\w-])", 6),
    Rule("anaphoric_day", "anaday", r"(?:(?P<amod>earlier|later|early|late)\s+)?(?P<adet>that|the\s+same|the\s+next|the\s+following|the\s+previous|the\s+prior|the\s+preceding)\s+(?P<apod>day|morning|afternoon|evening|night)|the\s+day\s+(?P<adir>before|after)(?=[\s,.;:])(?!\s+(?:the|a|an|his|her|its|their|yesterday|tomorrow)\b)", 6),
    Rule("duration", "duration", rf"{APPROX}(?:(?P<det>the|each\s+of\s+the|another|an\s+additional|the\s+next|the\s+past|the\s+last|the\s+first|the\s+latest|the\s+previous|the\s+final|the\s+remaining|the\s+coming|the\s+same|past|last|next|first|latest|previous|final|remaining|coming)\s+)?{NUM}(?:\s+(?:more|additional|straight|consecutive|full|long|trading|business|working|calendar))?[\s-]+{UNIT}(?:[\s-]+(?P<long>long|old))?", 5),
    Rule("duration_the_unit", "duration1", r"(?:(?P<det1>the)\s+)?(?P<dmod1>past|last|next|previous|coming|preceding)\s+(?P<unit1>decade|century|year|month|week|fortnight|quarter)(?![\w-])", 5),
    Rule("duration_plural", "duration_x", r"(?P<lead>(?:for|over|within|in|after|take|takes|took|taken|lasting|last|lasted|spent|spend|spending)\s+)(?P<unitx>years|months|weeks|days|decades|hours|minutes|centuries)(?![\w-])", 3),
    Rule("recent_units", "duration_x", r"(?:the\s+)?(?:most\s+)?recent\s+(?P<unitx>years|months|weeks|days|decades|hours)(?![\w-])", 4),
    Rule("decades_long", "duration_x", r"(?P<unitx>years|months|weeks|days|decades|hours|centuries)-long", 3),
    Rule("set_every", "set", r"(?P<sdet>every|each|per|a|an)\s+(?:(?P<sother>other)\s+)?(?:(?P<snum>\d+|two|three|four|five|six|ten|twelve)\s+)?(?P<sunit>second|minute|hour|day|night|week|month|quarter|year|decade|morning|evening)s?(?![\w-])", 4),
    Rule("set_adverb", "setword", _alt(SETS), 4),
    Rule("ref", "ref", _alt(REFS), 3),
    Rule("holiday", "holiday", r"(?:(?P<hmod>last|next|this)\s+)?(?P<hol>" + _alt(HOLIDAYS, cap=True).replace("'", "['’]") + r")(?:,?\s+" + YEAR + ")?", 6),
)


# ------------------------------------------------------------------ calendar arithmetic


def num_value(text: str) -> float | None:
    """The number in ``text`` ("two", "30", "2 1/2", "twenty-five", "a", "1,000"); None when fuzzy ("several")."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    half = 0.0
    if t.endswith(" and a half"):
        t, half = t[: -len(" and a half")], 0.5
    if t in ("a half", "an half"):
        return 0.5
    m = re.fullmatch(r"(\d+(?:,\d{3})*(?:\.\d+)?)(?: (\d)/(\d))?", t)
    if m:
        v = float(m.group(1).replace(",", ""))
        if m.group(2):
            v += int(m.group(2)) / int(m.group(3))
        return v + half
    m = re.fullmatch(rf"({_TENS})[- ]({_ONES})", t)
    if m:
        return NUMBERS[m.group(1)] + NUMBERS[m.group(2)] + half
    if t in NUMBERS:
        return NUMBERS[t] + half
    return None


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` (1 = Monday) of a month; ``n = -1`` for the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = ((h + l - 7 * m + 114) % 31) + 1
    return dt.date(year, month, day)


# ------------------------------------------------------------------ TIMEX3 values


def day_value(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def duration_value(n: Optional[float], unit: str) -> str:
    """TIMEX3 duration of ``n`` units (``"TM"`` is minutes); ``n`` None is unspecified.

    ``duration_value(3, "Y") == "P3Y"``, ``duration_value(None, "W") == "PXW"``,
    ``duration_value(1.5, "H") == "PT1H30M"``, ``duration_value(2, "10Y") == "P20Y"`` (decades).
    """
    time_unit = unit in ("H", "TM", "S")
    u = "M" if unit == "TM" else unit
    if unit.endswith("0Y"):  # decade, century, millennium
        return "PXY" if n is None else duration_value(n * int(unit[:-1]), "Y")
    if unit == "2W":  # fortnight
        return "PXW" if n is None else duration_value(n * 2, "W")
    if n is None:
        return f"PTX{u}" if time_unit else f"PX{u}"
    lower = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "TM"), "TM": (60, "S"), "Q": (3, "M")}
    if n != int(n) and unit in lower:  # 2 1/2 years -> P2Y6M
        whole = int(n)
        k, lower_unit = lower[unit]
        rest = duration_value((n - whole) * k, lower_unit)
        if whole == 0:
            return rest
        head = f"PT{whole}{u}" if time_unit else f"P{whole}{u}"
        return head + (rest[2:] if time_unit else rest[1:])
    n = round(n)
    return f"PT{n}{u}" if time_unit else f"P{n}{u}"


def unit_code(word: str) -> str:
    w = word.lower()
    w = {"centuries": "century", "millennia": "millennium"}.get(w, w)
    w = w[:-1] if w.endswith("s") and w[:-1] in UNITS else w
    return UNITS.get(w, "X")


def quarter_value(d: dt.date, shift: int = 0) -> str:
    q = (d.month - 1) // 3 + shift
    y, q = d.year + q // 4, q % 4
    return f"{y:04d}-Q{q + 1}"


def shift_quarter(value: str, shift: int) -> str:
    y, q = int(value[:4]), int(value[6])
    return quarter_value(dt.date(y, 3 * q - 2, 1), shift)


def weekday_date(anchor: dt.date, wd: int, direction: str) -> dt.date:
    """The nearest ``wd`` (1 = Monday) on or before (``past``) / on or after (``future``) the anchor."""
    diff = wd - anchor.isoweekday()
    if direction == "future":
        return anchor + dt.timedelta(days=diff % 7)
    return anchor - dt.timedelta(days=(-diff) % 7)


def season_year(anchor: dt.date, code: str, rel: int) -> int:
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


def rel_offset(mod: str) -> Optional[int]:
    mod = re.sub(r"\s+", " ", (mod or "").lower())
    if mod in CURRENT_MODS:
        return 0
    if mod in PREVIOUS_MODS:
        return -1
    if mod in NEXT_MODS:
        return 1
    return None


def unit_value(anchor: Optional[dt.date], unit: str, off: int) -> str:
    """The calendar ``unit`` ("week", "month", "year", "decade", "century") ``off`` steps from the anchor."""
    if anchor is None:
        return {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX", "decade": "XXX", "century": "XX"}[unit]
    if unit == "week":
        return iso_week(anchor + dt.timedelta(weeks=off))
    if unit == "month":
        d = add_months(anchor, off)
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "year":
        return f"{anchor.year + off:04d}"
    if unit == "decade":
        return f"{anchor.year // 10 + off:03d}"
    return f"{anchor.year // 100 + off:02d}"


def parse_ref_any(value: str) -> Optional[dt.date]:
    """The first day of a DATE value at any calendar granularity (2021-03-04, 2021-03, 2021), else None."""
    d = parse_ref_date(value)
    if d is not None:
        return d
    m = re.fullmatch(r"(\d{4})(?:-(\d\d))?", value)
    if m and (not m.group(2) or 1 <= int(m.group(2)) <= 12):
        return dt.date(int(m.group(1)), int(m.group(2) or 1), 1)
    return None


def parse_ref_date(value: str) -> Optional[dt.date]:
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", value)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return None
