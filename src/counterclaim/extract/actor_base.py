"""Shared pieces of the actors stage: the mention under construction (``_M``), constants several of its
modules read, and token helpers (capitalisation, phrase lookup in a knowledge table)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from counterclaim.extract.gazetteer import Entry, key

#: tokens removed from the edges of a mention.
POSSESSIVE = ("'s", "’s", "'", "’")
#: words skipped when making initials ("Islamic Revolutionary Guard Corps" -> IRGC).
INITIALS_SKIP = ("of", "the", "and", "for", "in", "on", "&", "al", "el")
#: type priority when two sources disagree; "most specific" for :func:`actor_at` uses chain depth first.
TYPE_RANK = {"person": 5, "media": 4, "organization": 3, "group": 2, "country": 1, "other": 0}
ORGLIKE = ("organization", "group", "media")
MAX_AGENT_WORDS = 4
#: words that say what kind of outlet a media name next to them is ("the Haaretz daily", "newspaper al Sabaah")
OUTLET_WORDS = frozenset({"newspaper", "daily", "paper", "weekly", "magazine", "tabloid", "broadcaster",
                          "channel", "network", "agency", "news agency", "website", "site", "outlet",
                          "radio", "television", "tv", "station", "news channel", "news website"})


@dataclass
class _M:
    """A mention under construction (token range [s, e) into the Doc)."""

    s: int
    e: int
    text: str
    kind: str
    rule: str
    country: Optional[str] = None
    entry: Optional[Entry] = None
    role: Optional[str] = None
    affil: Optional["_M"] = None
    affil_country: Optional[str] = None
    sector: Optional[str] = None
    cluster: int = -1
    start: int = 0
    end: int = 0
    extra: dict = field(default_factory=dict)


# --------------------------------------------------------------------------- helpers


def _cap(tok) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit()


def _tokens_key(doc, s: int, e: int) -> str:
    return key(" ".join(t.text for t in doc[s:e]))


def _phrase_at(doc, i: int, table: dict, max_words: int = 3, forward: bool = True) -> int:
    """Length (in tokens) of the longest phrase of ``table`` starting (or ending) at token ``i``; 0 if none."""
    for n in range(max_words, 0, -1):
        s, e = (i, i + n) if forward else (i - n + 1, i + 1)
        if s < 0 or e > len(doc):
            continue
        if _tokens_key(doc, s, e) in table:
            return n
    return 0
