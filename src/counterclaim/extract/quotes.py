"""Quotation marks paired into quote spans, across paragraphs when news style continues a quote.

News convention (AP Stylebook, "quotation marks"): a quote that runs over several paragraphs has no
closing mark at the end of each paragraph but reopens at the start of the next. Curly (“ ”), straight
(") and doubled-apostrophe ('') double quotes open and close direct quotes; single curly quotes (‘ ’)
mark scare quotes and headline quotes ("IRGC says it is ‘very aware’").

Everything here works on characters, so it runs before and independently of the parse.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from counterclaim.model import Document

__all__ = ["Quote", "find_quotes", "document_quotes"]

#: Opening and closing double quotation marks; a straight quote toggles.
OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
STRAIGHT_DOUBLE = ('"', "''", "``")
#: A single curly quote opens only after a space, line start or bracket; it closes before a non-letter.
SINGLE_OPEN_RE = re.compile(r"(?:(?<=^)|(?<=[\s(\[“\"—–-]))‘")
SINGLE_CLOSE_RE = re.compile(r"’(?=[\s.,;:!?)\]”\"—–-]|$)")


@dataclass(frozen=True, slots=True)
class Quote:
    """Characters ``start:end`` including the marks; ``single`` for ‘…’ quotes; ``continued`` when an
    unclosed quote runs on into the next paragraph (then ``end`` is the end of this paragraph's part)."""

    start: int
    end: int
    single: bool = False
    continued: bool = False
    opened: bool = True  # False: a continuation piece that starts a paragraph


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        out.append((m.start(), m.end()))
    return out


def _double_marks(par: str) -> list[tuple[int, int, str]]:
    """(offset, length, kind) with kind 'open', 'close' or 'toggle' for the double marks of a paragraph."""
    marks = []
    i = 0
    n = len(par)
    while i < n:
        c = par[i]
        if c in OPEN_DOUBLE:
            marks.append((i, 1, "open"))
        elif c in CLOSE_DOUBLE:
            marks.append((i, 1, "close"))
        elif c == '"':
            marks.append((i, 1, "toggle"))
        elif par.startswith("''", i) or par.startswith("``", i):
            marks.append((i, 2, "open" if c == "`" else "toggle"))
            i += 2
            continue
        i += 1
    return marks


def find_quotes(text: str, bounds: list[tuple[int, int]] | None = None) -> list[Quote]:
    """All quote spans of ``text`` (sorted by start), double and single.

    ``bounds`` are paragraph (start, end) offsets; by default blank-line or newline separated blocks.
    """
    bounds = bounds if bounds is not None else _paragraph_bounds(text)
    quotes: list[Quote] = []
    carry = False  # the previous paragraph ended inside an open quote
    for pstart, pend in bounds:
        par = text[pstart:pend]
        lead = len(par) - len(par.lstrip())
        marks = _double_marks(par)
        open_at: int | None = None
        reopened = carry and bool(marks) and marks[0][0] == lead and marks[0][2] in ("open", "toggle")
        carry = False
        for off, length, kind in marks:
            if open_at is None:
                if kind in ("open", "toggle"):
                    open_at = off
            elif kind in ("close", "toggle"):
                quotes.append(Quote(pstart + open_at, pstart + off + length, opened=not (reopened and open_at == lead)))
                open_at = None
            elif kind == "open" and off > open_at:
                # an opening mark while open: the earlier one was never closed; restart here
                open_at = off
        if open_at is not None:
            end = len(par.rstrip())
            if end - open_at > 1:
                quotes.append(Quote(pstart + open_at, pstart + end, continued=True,
                                    opened=not (reopened and open_at == lead)))
                carry = True
        # single quotes, only where no double quote is open around them
        for m in SINGLE_OPEN_RE.finditer(par):
            c = SINGLE_CLOSE_RE.search(par, m.end() + 1)
            if c and c.start() - m.end() < 200:
                quotes.append(Quote(pstart + m.start(), pstart + c.end(), single=True))
    quotes.sort(key=lambda q: (q.start, -q.end))
    return quotes


@functools.lru_cache(maxsize=8)
def document_quotes(document: Document) -> tuple[Quote, ...]:
    """The quotes of a document within its paragraphs, found once for all the stages that read them
    (statements and speakers): the document is frozen, so it keys the cache."""
    pars = [(p.start, p.end) for p in document.paragraphs] or None
    return tuple(find_quotes(document.text, pars))

