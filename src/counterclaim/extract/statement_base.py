"""Shared pieces of the statement rules: the raw statement, the per-document context, span helpers.

:class:`RawStatement` is a statement before ids and speakers, as the rules of
:mod:`counterclaim.extract.verbs` and :mod:`counterclaim.extract.forms` build it; :class:`_Ctx` holds
the per-document lookups every rule reads (quotes by character, paragraph roles). The constants here
are the paragraph roles, dependency labels and word lists that more than one of the rule modules uses.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any, Optional

from counterclaim.extract.quotes import Quote, document_quotes
from counterclaim.model import Document

#: Paragraph roles that never carry statements of the article's sources.
SKIP_ROLES = frozenset({"caption", "boilerplate", "byline"})
#: Roles where ``X: ...`` is an attribution with cue ":".
HEADLINE_ROLES = frozenset({"headline", "subhead"})
#: Subject dependencies (UD), and the passive agent.
SUBJ_DEPS = ("nsubj", "nsubj:outer", "csubj")
PASS_SUBJ_DEPS = ("nsubj:pass", "csubj:pass")
#: Verbs whose object is the addressee, not the content ("told the AP that ...").
ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "assure", "remind", "warn", "urge", "notify",
                             "advise", "brief", "caution", "persuade", "convince", "promise", "email"})
#: subjects whose "found that ..." / "showed that ..." is a reported finding (verbs), and documents that speak
#: in a headline ("Poll: …"; forms)
FINDING_NOUNS = frozenset({"study", "studies", "report", "survey", "surveys", "poll", "polls", "average",
                           "analysis", "research", "review", "audit", "investigation", "inquiry", "judge", "court",
                           "panel", "probe", "researcher", "researchers", "paper", "data", "assessment",
                           "estimate", "commission", "jury"})
#: Words that head time phrases (kept out of sources).
DATE_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                        "yesterday", "tonight", "morning", "afternoon", "evening", "night", "week", "weekend",
                        "month", "year", "january", "february", "march", "april", "may", "june", "july",
                        "august", "september", "october", "november", "december"})


class RawStatement:
    """A statement before ids and speakers: token-level facts plus character spans."""

    __slots__ = ("cue", "source", "content", "kind", "rule", "conf", "head", "negated", "src_head", "lemma", "quote_ids")

    def __init__(self, cue, source, content, kind, rule, conf, head=None, negated=False, src_head=None, lemma=""):
        self.cue: tuple[int, int] = cue
        self.source: Optional[tuple[int, int]] = source
        self.content: list[tuple[int, int]] = content
        self.kind = kind
        self.rule = rule
        self.conf = conf
        self.head = head  # cue head Token
        self.negated = negated
        self.src_head = src_head  # Token
        self.lemma = lemma
        self.quote_ids: list[int] = []


#: closing quotation marks: a comma inside one ends the clause before it as a bare comma would
CLOSING_MARKS = frozenset({'"', "”", "''", "’"})


def after_comma(h: Any, inside_quote: bool = True) -> bool:
    """Token ``h`` follows a comma, or (``inside_quote``) a closing quotation mark right after one ('… ago,"
    adding that …')."""
    doc = h.doc
    if h.i > 0 and doc[h.i - 1].text == ",":
        return True
    return inside_quote and h.i > 1 and doc[h.i - 1].text in CLOSING_MARKS and doc[h.i - 2].text == ","


def _trim(text: str, s: int, e: int, punct: str = "") -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in punct):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in punct):
        e -= 1
    return s, e


def _subtree_span(tok: Any, exclude: Sequence[Any] = ()) -> tuple[int, int]:
    """Character span of ``tok``'s subtree, leaving out the subtrees of ``exclude`` at its edges."""
    toks = [t for t in tok.subtree]
    if exclude:
        ex = set()
        for e in exclude:
            ex.update(t.i for t in e.subtree)
        toks = [t for t in toks if t.i not in ex]
        # keep contiguous part around tok
        if not toks:
            return tok.idx, tok.idx + len(tok)
    lo = min(t.idx for t in toks)
    hi = max(t.idx + len(t) for t in toks)
    return lo, hi


class _Ctx:
    """Per-document lookups: quotes by character, paragraph roles."""

    def __init__(self, doc: Any, document: Document):
        self.doc = doc
        self.text = document.text
        self.document = document
        self.quotes: list[Quote] = list(document_quotes(document))
        self.double = [q for q in self.quotes if not q.single]
        self.dstarts = [q.start for q in self.double]
        self.par_starts = [p.start for p in document.paragraphs]
        #: paragraphs in which a double quote starts
        self.quote_paragraphs = frozenset(self.paragraph_index(q.start) for q in self.double)

    def role(self, offset: int) -> str:
        if not self.document.paragraphs:
            return "body"
        i = bisect.bisect_right(self.par_starts, offset) - 1
        if i < 0:
            return "body"
        p = self.document.paragraphs[i]
        return p.role if offset < p.end or i == len(self.par_starts) - 1 else "body"

    def paragraph_index(self, offset: int) -> int:
        return bisect.bisect_right(self.par_starts, offset) - 1

    def quote_at(self, offset: int) -> Optional[int]:
        """Index in ``double`` of the double quote strictly containing ``offset``."""
        i = bisect.bisect_right(self.dstarts, offset) - 1
        while i >= 0:
            q = self.double[i]
            if q.start < offset < q.end - 1:
                return i
            if q.end < offset - 2000:
                break
            i -= 1
        return None


def token_at(doc: Any, offset: int) -> Optional[Any]:
    """The token of ``doc`` that contains character ``offset`` (None in whitespace or out of range)."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _is_time(tok: Any) -> bool:
    return tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in DATE_WORDS
