"""TempEval-3-style evaluation of temporal expressions (issue 5).

Reads TimeML files (TimeBank, AQUAINT, the TempEval-3 ``tbaq-cleaned`` release:
``<DCT><TIMEX3 ... value="1998-01-08T18:30">`` and inline ``<TIMEX3 type= value=>``
inside ``<TEXT>``), runs an extractor over the plain text of ``<TEXT>`` anchored
to the creation date, and scores it the way TempEval-3 did (UzZaman et al. 2013,
"SemEval-2013 Task 1: TempEval-3", SemEval):

* relaxed span P/R/F1: a system timex matches a gold one when they overlap
  (one-to-one, greedy by overlap length);
* strict span P/R/F1: same start and end;
* type accuracy and value F1 on the relaxed matches, with TempEval-3's
  attribute F1: P = correct values / system timexes, R = correct values / gold timexes.

The extractor is any callable ``(text, published) -> iterable of (start, end, type, value)``;
:func:`counterclaim_system` wraps :func:`counterclaim.extract.time.extract_timexes` and
:func:`dateparser_system` the dateparser peer.
"""

from __future__ import annotations

import html
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

__all__ = [
    "GoldTimex",
    "TimeMLDoc",
    "Scores",
    "read_timeml",
    "load_corpus",
    "score",
    "evaluate",
    "counterclaim_system",
    "dateparser_system",
    "SYSTEMS",
    "markdown_table",
]

TEXT_RE = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
DCT_RE = re.compile(r"<DCT>\s*<TIMEX3[^>]*\bvalue=\"([^\"]+)\"", re.S)
TAG_RE = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
ATTR_RE = re.compile(r"(\w+)=\"([^\"]*)\"")


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class TimeMLDoc:
    id: str
    text: str
    published: Optional[str]  # YYYY-MM-DD of the DCT
    timexes: tuple[GoldTimex, ...]


def read_timeml(path: Path | str) -> TimeMLDoc:
    """One TimeML file: the plain text of ``<TEXT>`` (tags removed, entities unescaped) and its gold TIMEX3s."""
    path = Path(path)
    raw = path.read_text(encoding="utf-8")
    m = TEXT_RE.search(raw)
    if not m:
        raise ValueError(f"{path}: no <TEXT> element; is this a TimeML file?")
    body = m.group(1)
    dct = DCT_RE.search(raw)
    published = dct.group(1)[:10] if dct and re.match(r"\d{4}-\d\d-\d\d", dct.group(1)) else None
    out: list[str] = []
    pos = 0
    length = 0
    open_timex: Optional[tuple[int, dict]] = None
    timexes: list[GoldTimex] = []

    def emit(chunk: str) -> None:
        nonlocal length
        chunk = html.unescape(chunk)
        out.append(chunk)
        length += len(chunk)

    for t in TAG_RE.finditer(body):
        emit(body[pos:t.start()])
        pos = t.end()
        closing, name, attrs = t.group(1), t.group(2), t.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(ATTR_RE.findall(attrs)))
        elif open_timex is not None:
            start, a = open_timex
            timexes.append(GoldTimex(start, length, "", a.get("type", ""), a.get("value", "")))
            open_timex = None
    emit(body[pos:])
    text = "".join(out)
    timexes = [GoldTimex(g.start, g.end, text[g.start:g.end], g.type, g.value) for g in timexes]
    return TimeMLDoc(path.stem, text, published, tuple(timexes))


def load_corpus(root: Path | str) -> list[TimeMLDoc]:
    """Every ``*.tml`` under ``root`` (recursively), sorted by path."""
    root = Path(root)
    files = sorted(root.rglob("*.tml"))
    if not files:
        raise FileNotFoundError(f"no .tml files under {root}; pass the tbaq-cleaned folder (TimeBank/, AQUAINT/)")
    docs, seen = [], set()
    for f in files:  # the release repeats one TimeBank file under testpipeline/: keep each document once
        d = read_timeml(f)
        if d.id not in seen:
            seen.add(d.id)
            docs.append(d)
    return docs


# ------------------------------------------------------------------ scoring

System = Callable[[str, Optional[str]], Iterable[tuple[int, int, str, str]]]


@dataclass
class Scores:
    gold: int = 0
    system: int = 0
    relaxed: int = 0  # relaxed (overlap) matches
    strict: int = 0  # exact-span matches
    type_ok: int = 0  # among relaxed matches
    value_ok: int = 0  # among relaxed matches
    seconds: float = 0.0
    errors: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # doc, text, gold value, sys value, kind

    @staticmethod
    def _f(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def prf(self, correct: int) -> tuple[float, float, float]:
        p = correct / self.system if self.system else 0.0
        r = correct / self.gold if self.gold else 0.0
        return p, r, self._f(p, r)

    def as_dict(self) -> dict[str, float]:
        rp, rr, rf = self.prf(self.relaxed)
        sp, sr, sf = self.prf(self.strict)
        vp, vr, vf = self.prf(self.value_ok)
        tp, tr, tf = self.prf(self.type_ok)
        return {
            "gold": self.gold, "system": self.system,
            "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
            "strict_p": sp, "strict_r": sr, "strict_f1": sf,
            "type_f1": tf, "type_accuracy": self.type_ok / self.relaxed if self.relaxed else 0.0,
            "value_p": vp, "value_r": vr, "value_f1": vf,
            "value_accuracy": self.value_ok / self.relaxed if self.relaxed else 0.0,
            "seconds": self.seconds,
        }


def _match(gold: list[GoldTimex], system: list[tuple[int, int, str, str]]) -> list[tuple[int, int]]:
    """One-to-one relaxed matching: pairs (gold index, system index), largest overlaps first."""
    cands = []
    for gi, g in enumerate(gold):
        for si, (s, e, _t, _v) in enumerate(system):
            ov = min(g.end, e) - max(g.start, s)
            if ov > 0:
                cands.append((-ov, gi, si))
    cands.sort()
    used_g, used_s, pairs = set(), set(), []
    for _ov, gi, si in cands:
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            pairs.append((gi, si))
    return pairs


def norm_value(value: str) -> str:
    """TempEval-3 compares values as strings after trivial clean-up (case, surrounding space)."""
    return value.strip().upper()


def score(docs: Iterable[TimeMLDoc], system: System, *, keep_errors: bool = False) -> Scores:
    """Run ``system`` on every document and accumulate TempEval-3 counts."""
    sc = Scores()
    for d in docs:
        t0 = time.perf_counter()
        pred = [tuple(p) for p in system(d.text, d.published)]
        sc.seconds += time.perf_counter() - t0
        gold = list(d.timexes)
        sc.gold += len(gold)
        sc.system += len(pred)
        pairs = _match(gold, pred)
        sc.relaxed += len(pairs)
        matched_s = set()
        for gi, si in pairs:
            g, (s, e, ty, val) = gold[gi], pred[si]
            matched_s.add(si)
            if (g.start, g.end) == (s, e):
                sc.strict += 1
            if g.type == ty:
                sc.type_ok += 1
            if norm_value(g.value) == norm_value(val):
                sc.value_ok += 1
            elif keep_errors:
                sc.errors.append((d.id, f"{g.text!r} / {d.text[s:e]!r}", g.value, val, "value"))
        if keep_errors:
            matched_g = {gi for gi, _ in pairs}
            for gi, g in enumerate(gold):
                if gi not in matched_g:
                    sc.errors.append((d.id, repr(g.text), g.value, "", "missed"))
            for si, (s, e, ty, val) in enumerate(pred):
                if si not in matched_s:
                    sc.errors.append((d.id, repr(d.text[s:e]), "", val, "spurious"))
    return sc


# ------------------------------------------------------------------ systems


def counterclaim_system(text: str, published: Optional[str]) -> list[tuple[int, int, str, str]]:
    """counterclaim's rule-based extractor (no spaCy Doc: text only)."""
    from counterclaim.extract.time import extract_timexes
    from counterclaim.model import Document

    doc = Document(id="eval", text=text, published=published)
    return [(t.start, t.end, t.type, t.value) for t in extract_timexes(doc)]


_DP_TYPES = {"DATE", "TIME"}


def dateparser_system(text: str, published: Optional[str]) -> list[tuple[int, int, str, str]]:
    """The peer: ``dateparser.search.search_dates`` anchored to the DCT, preferring past dates.

    dateparser returns (matched text, datetime) pairs without offsets; offsets are found by
    searching the text left to right. To give it a fair value score, each matched string is
    re-parsed with ``DateDataParser.get_date_data`` to learn its granularity (``period``:
    year, month, week, day, time), and the datetime is written as a TIMEX3 value at that
    granularity (2020, 2020-01, 2023-W52, 2023-12-25, 2023-12-25T08:30). dateparser has no
    notion of durations, sets or PAST_REF-style values, so those are scored as what it outputs.
    """
    import datetime as dt

    from dateparser.search import search_dates

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(published)
    try:
        found = search_dates(text, languages=["en"], settings=settings) or []
    except Exception:  # dateparser raises on some inputs; score as nothing found
        found = []
    ddp = _dateparser_ddp(settings)
    out, pos = [], 0
    for s, when in found:
        i = text.find(s, pos)
        if i < 0:
            i = text.find(s)
            if i < 0:
                continue
        else:
            pos = i + len(s)
        try:
            period = ddp.get_date_data(s).period or "day"
        except Exception:
            period = "day"
        if period == "time":
            out.append((i, i + len(s), "TIME", when.strftime("%Y-%m-%dT%H:%M")))
        elif period == "year":
            out.append((i, i + len(s), "DATE", f"{when.year:04d}"))
        elif period == "month":
            out.append((i, i + len(s), "DATE", f"{when.year:04d}-{when.month:02d}"))
        elif period == "week":
            y, w, _ = when.isocalendar()
            out.append((i, i + len(s), "DATE", f"{y:04d}-W{w:02d}"))
        else:
            out.append((i, i + len(s), "DATE", when.strftime("%Y-%m-%d")))
    return out


def _dateparser_ddp(settings: dict):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings=settings)


SYSTEMS: dict[str, System] = {"counterclaim": counterclaim_system, "dateparser": dateparser_system}


def evaluate(root: Path | str, systems: Iterable[str] = ("counterclaim", "dateparser"), *, keep_errors: bool = False) -> dict[str, Scores]:
    """Score each named system in :data:`SYSTEMS` on the TimeML corpus under ``root``."""
    docs = load_corpus(root)
    results = {}
    for name in systems:
        if name not in SYSTEMS:
            raise ValueError(f"unknown system {name!r}; choose from {', '.join(SYSTEMS)}")
        results[name] = score(docs, SYSTEMS[name], keep_errors=keep_errors)
    return results


def markdown_table(results: dict[str, Scores]) -> str:
    """The scores of each system as a Markdown table (percentages)."""
    head = ("| system | gold | sys | relaxed P | relaxed R | relaxed F1 | strict F1 | type acc. | value P | value R | value F1 | seconds |\n"
            "|---|---|---|---|---|---|---|---|---|---|---|---|")
    rows = [head]
    for name, sc in results.items():
        d = sc.as_dict()
        rows.append(
            f"| {name} | {d['gold']} | {d['system']} | {100 * d['relaxed_p']:.2f} | {100 * d['relaxed_r']:.2f} | "
            f"{100 * d['relaxed_f1']:.2f} | {100 * d['strict_f1']:.2f} | {100 * d['type_accuracy']:.2f} | "
            f"{100 * d['value_p']:.2f} | {100 * d['value_r']:.2f} | {100 * d['value_f1']:.2f} | {d['seconds']:.2f} |"
        )
    return "\n".join(rows)
