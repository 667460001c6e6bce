"""Publication dates to ``YYYY-MM-DD``: :func:`normalise_date`.

The publication date anchors relative dates ("Monday", "earlier this week"), so a
wrong one silently moves every event: an unreadable or ambiguous date is an error
(``E020``/``E021``/``E022``), never a guess. Local dates are kept as written: a
datetime with a time zone gives the date in that zone, not in UTC.
"""

from __future__ import annotations

import datetime as _dt
import email.utils
import re
from typing import Union

from counterclaim.errors import IngestError

__all__ = ["normalise_date", "MONTHS"]

#: Month names and abbreviations (English) to month numbers.
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

#: ISO 8601 date, optionally followed by a time: 2023-12-27, 2023-12-27T10:30:00Z, 2023-12-27 10:30.
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[T\s_]\d{1,2}(?::?\d{2}){0,2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2}|\s*UTC|\s*GMT)?)?$", re.I)
#: Year first with slashes or dots: 2023/12/27, 2023.12.27.
YMD_SEPARATED = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[T\s].*)?$")
#: Compact ISO: 20231227.
YMD_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
#: Day and month in either order with a four-digit year: 27/12/2023, 12-27-2023 (ambiguous unless a part > 12).
DMY_OR_MDY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[T\s].*)?$")
#: A token that is a day of the month, with an optional ordinal suffix: 27, 27th, 1st.
DAY_TOKEN = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$", re.I)
YEAR_TOKEN = re.compile(r"^\d{4}$")


def _make(value: str, y: int, m: int, d: int) -> str:
    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError as exc:
        raise IngestError("E022", id=None, value=value, reason=str(exc)) from None


def _from_words(s: str) -> tuple[int, int, int] | None:
    """'27 December 2023', 'Dec. 27, 2023', 'Wednesday, December 27th 2023 10:30 AM'."""
    tokens = [t for t in re.split(r"[\s,]+", s.replace(".", " ").strip()) if t]
    month_at = [i for i, t in enumerate(tokens) if t.lower() in MONTHS]
    years = [i for i, t in enumerate(tokens) if YEAR_TOKEN.match(t)]
    if len(month_at) != 1 or not years:
        return None
    mi = month_at[0]
    month = MONTHS[tokens[mi].lower()]
    year_i = years[0]
    for di in (mi - 1, mi + 1):  # day before ("27 December") or after ("December 27") the month
        if 0 <= di < len(tokens) and di != year_i:
            m = DAY_TOKEN.match(tokens[di])
            if m:
                return int(tokens[year_i]), month, int(m.group(1))
    return None


def normalise_date(s: Union[str, _dt.date, _dt.datetime]) -> str:
    """A publication date as ``YYYY-MM-DD``.

    Accepts ``date``/``datetime`` objects, ISO dates and datetimes (``2023-12-27``,
    ``2023-12-27T10:30:00+02:00``), ``2023/12/27``, ``20231227``, dates with month names
    (``27 December 2023``, ``Dec. 27, 2023``, ``Wednesday, December 27, 2023``), RFC 2822
    (``Wed, 27 Dec 2023 10:30:00 +0000``, as in RSS feeds), and day/month/year with slashes when
    unambiguous (``27/12/2023``). Raises :class:`~counterclaim.errors.IngestError` (a
    ``ValueError``) with code E020 (unreadable), E021 (ambiguous) or E022 (no such date).

    >>> normalise_date("Dec. 27, 2023")
    '2023-12-27'
    """
    if isinstance(s, _dt.datetime):
        return s.date().isoformat()
    if isinstance(s, _dt.date):
        return s.isoformat()
    if not isinstance(s, str):
        raise IngestError("E020", value=s)
    value = s.strip()
    if not value:
        raise IngestError("E020", value=s)
    for pattern in (ISO_DATE, YMD_SEPARATED, YMD_COMPACT):
        m = pattern.match(value)
        if m:
            return _make(s, int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = DMY_OR_MDY.match(value)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if a > 12 >= b:
            return _make(s, y, b, a)
        if b > 12 >= a:
            return _make(s, y, a, b)
        if a == b:
            return _make(s, y, a, b)
        raise IngestError("E021", value=s)
    if re.search(r"\d{1,2}:\d{2}", value) and re.match(r"^[A-Za-z]{3},", value):
        try:
            return email.utils.parsedate_to_datetime(value).date().isoformat()
        except (TypeError, ValueError):
            pass
    ymd = _from_words(value)
    if ymd:
        return _make(s, *ymd)
    raise IngestError("E020", value=s)
