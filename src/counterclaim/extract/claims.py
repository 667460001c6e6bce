"""Claims: the content of a statement structured into what it asserts about which subject.

Three relations (issue 6):

- ``motive``: a causal or motive link, "X was (in) revenge for Y", "in retaliation for", "a response
  to", "attacked Israel over Y", "the action is to support Hamas". ``subject`` is the thing explained
  (X), ``object`` the reason given (Y).
- ``responsibility``: who is held responsible, "accused Iran of being a key force behind X",
  "held him responsible for X", "X was blamed on Y". ``subject`` is the deed, ``object`` the party blamed.
- ``assertion``: everything else a statement asserts (one per statement), with ``polarity`` negative
  for denials, negated contents and bare "no" answers ("Hamas: No it wasn't").

The cues are regular expressions kept as data (``data/claim_patterns.json``), after the causal
connectives of the Penn Discourse Treebank (Prasad et al. 2008) and Girju (2003) for motives, and
FrameNet's blame frames (Judgment_communication, Responsibility) for responsibility. They run over the
statement's content (and cue, for "held ... responsible"), so they work from records alone;
the spaCy ``doc`` is used, when given, to trim subjects to whole tokens.
A claim is linked to an event when an event's trigger or mention lies in its subject, when the
statement is among the event's ``claimed_by``, or, for a pronoun subject ("it was launched in
retaliation for ..."), to the nearest preceding event within :data:`PRONOUN_EVENT_REACH` characters.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Optional, Sequence

from counterclaim.model import Actor, Claim, Document, Event, Span, Statement, make_id

__all__ = ["extract_claims", "ClaimPattern", "load_patterns", "is_generic_subject", "COMMUNICATION_EVENT_TYPES"]

PATTERN_FILE = "claim_patterns.json"

#: speech acts whose "revenge for ..." is a promise, not an explanation of something that happened
FORWARD_ACTS = frozenset({"vow", "threat", "demand"})
#: acts that yield no assertion claim
NO_ASSERTION_ACTS = frozenset({"no_comment"})
#: event types that are the act of speaking itself (their trigger is the statement's cue), never a claim's subject
COMMUNICATION_EVENT_TYPES = frozenset({"ACCUSE", "REJECT", "THREATEN", "REQUEST", "CONSULT", "AGREE", "SUPPORT", "DISAPPROVE", "COMMENT"})
#: how far back (characters) a pronoun subject looks for the event it refers to
PRONOUN_EVENT_REACH = 700
#: clause boundaries that end a claim's object ("... for Y and was a follow-up of ...")
OBJECT_END_RE = re.compile(r"\s*(?:;|,\s+(?:in\s+which|which|who|whom|where|when)\b|\s(?:and|but|while)\s+(?:was|were|is|are|has|had|said|says|vowed|added|would|will)\b|,?\s+(?:and\s+)?(?:saying|adding|according|referring|citing|calling|describing)\b)", re.I)
#: copulas and participles left at the end of a subject ("X was launched" -> "X")
SUBJECT_TAIL_RE = re.compile(r"(?:\s*\b(?:was|were|is|are|been|be|being|has|have|had|will|would|'s)\b(?:\s+\w+(?:ed|en))?)+\W*$", re.I)
#: "accusations that X were behind ..." -> the party is X
REPORTED_CLAIM_RE = re.compile(r"\s*(?:the\s+)?(?:claims?|accusations?|allegations?|suggestions?|reports?|charges?)\s+(?:that\s+)?", re.I)
#: words before a subordinate "that" left in a content span ("Wednesday that the attack ...")
SUBJECT_LEAD_RE = re.compile(
    r"^\s*(?:(?:[\w’'.-]+\s+){0,2}?that\s+(?=\S)"
    r"|(?:in|on|at|during|after|before|via)\s+(?:[\w’'-]+\s+){1,4}?(?=(?:it|they|he|she|this)\s))", re.I)
#: an accusation verb left before the party blamed ("Israel has accused Iran of being ...")
ACCUSER_LEAD_RE = re.compile(r"^.*?\b(?:accused|accuses|accusing|accuse|blamed|blames|blaming)\s+", re.I)
#: "<deed> <Blamer> has blamed on <party>" (a relative clause without "that")
RELATIVE_DEED_RE = re.compile(
    r"\b((?:an?|the|this|that)\s+(?:(?!(?:in|on|at|of|for|by|with|from|to|into)\b)[\w’'-]+\s+){0,3}?"
    r"(?!(?:in|on|at|of|for|by|with|from|to|into)\b)[a-z][\w’'-]*)\s+(?:that\s+|which\s+)?"
    r"(?:[A-Z][\w’'.-]*\s+){1,3}(?:has\s+|have\s+|had\s+)?(?=blamed\b)")
QUOTE_CHARS = "\"'“”‘’«»„"
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True)
class ClaimPattern:
    name: str
    relation: str
    regex: re.Pattern
    direction: str = ""  # responsibility: where the blamed party is relative to the cue


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return json.loads(resources.files("counterclaim").joinpath("data", PATTERN_FILE).read_text("utf-8"))


@lru_cache(maxsize=1)
def load_patterns() -> tuple[ClaimPattern, ...]:
    """The motive and responsibility cue patterns of ``data/claim_patterns.json``, in file order."""
    out = []
    for relation in ("motive", "responsibility"):
        for p in _data()[relation]:
            out.append(ClaimPattern(p["name"], relation, re.compile(p["cue"], re.I), p.get("direction", "")))
    return tuple(out)


@lru_cache(maxsize=1)
def _negative_reply() -> re.Pattern:
    return re.compile(_data()["negative_reply"], re.I)


@lru_cache(maxsize=1)
def _negation() -> re.Pattern:
    return re.compile(_data()["negation"], re.I)


def is_generic_subject(text: str) -> bool:
    """A pronoun or bare generic noun phrase ("it", "the attack") that needs the context to resolve."""
    t = text.strip(QUOTE_CHARS + " ,.").lower()
    return t in set(_data()["pronoun_subjects"]) or len(_WORD_RE.findall(t)) == 0


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in QUOTE_CHARS + ",:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in QUOTE_CHARS + ",.:;"):
        end -= 1
    return start, end


def _subject_span(text: str, start: int, end: int) -> Optional[Span]:
    """The words before the cue, without trailing copulas ("the attack was" -> "the attack")."""
    lead = SUBJECT_LEAD_RE.match(text[start:end])
    if lead and lead.end() < end - start:
        start += lead.end()
    chunk = text[start:end]
    m = SUBJECT_TAIL_RE.search(chunk)
    if m and m.start() > 0:
        end = start + m.start()
    s, e = _trim(text, start, end)
    if e <= s or not _WORD_RE.search(text[s:e]):
        return None
    return Span(s, e, text[s:e])


def _object_span(text: str, start: int, end: int) -> Optional[Span]:
    m = OBJECT_END_RE.search(text, start, end)
    if m:
        end = m.start()
    s, e = _trim(text, start, end)
    if e <= s or not _WORD_RE.search(text[s:e]):
        return None
    return Span(s, e, text[s:e])


def _match_motive(text: str, span: Span, pattern: ClaimPattern) -> Optional[tuple[Span, Span, Span]]:
    """(subject, cue, object) of a motive cue inside ``span``, or None."""
    m = pattern.regex.search(text, span.start, span.end)
    if not m:
        return None
    cue = Span(m.start(), m.end(), text[m.start():m.end()])
    if pattern.name == "attack_over":
        # "it attacked Israel over Y": the subject is the deed itself, up to the preposition
        subj = _subject_span(text, span.start, m.end() - len(m.group(0).split()[-1]))
    else:
        subj = _subject_span(text, span.start, m.start())
    obj = _object_span(text, m.end(), span.end)
    if subj is None or obj is None:
        return None
    return subj, cue, obj


def _match_responsibility(text: str, span: Span, cue_span: Span, pattern: ClaimPattern) -> Optional[tuple[Span, Span, Optional[Span]]]:
    """(deed, cue, party blamed) of a responsibility cue inside the statement (cue + content)."""
    lo, hi = min(span.start, cue_span.start), max(span.end, cue_span.end)
    m = pattern.regex.search(text, lo, hi)
    if not m:
        return None
    cue = Span(m.start(), m.end(), text[m.start():m.end()])
    content_lo = max(span.start, min(m.start(), span.start))
    if pattern.direction == "agent_after":  # "blamed on Israel", "carried out by X"
        # "an airstrike Iran has blamed on Israel": the deed is the noun phrase the relative clause modifies
        rel = RELATIVE_DEED_RE.search(text, max(0, cue.start - 120), m.end())
        if rel:
            deed = Span(rel.start(1), rel.end(1), rel.group(1))
        else:
            deed = _subject_span(text, content_lo, m.start())
        party = _object_span(text, m.end(), max(span.end, m.end()))
    elif pattern.direction == "agent_inside":  # "held him responsible for X"
        inner = re.search(r"\bhe?ld\s+(.+?)\s+responsib", m.group(0), re.I)
        party = Span(m.start() + inner.start(1), m.start() + inner.end(1), inner.group(1)) if inner else None
        deed = _object_span(text, m.end() + len(re.match(r"\s*(?:for|of)?\s*", text[m.end():hi]).group(0)), span.end)
    elif pattern.direction == "agent_speaker":  # "X claimed responsibility for Y"
        party = None
        deed = _object_span(text, m.end() + len(re.match(r"\s*(?:for|of)?\s*", text[m.end():hi]).group(0)), span.end)
    else:  # "agent_before": "Iran (of being) a key force behind X", "X was responsible for Y"
        before = text[content_lo:m.start()]
        b = re.sub(r"\s*\b(?:of\s+)?(?:being|was|were|is|are|be)\b\s*$", "", before, flags=re.I)
        lead = REPORTED_CLAIM_RE.match(b) or ACCUSER_LEAD_RE.match(b) or SUBJECT_LEAD_RE.match(b)
        skip = lead.end() if lead else 0
        ps, pe = _trim(text, content_lo + skip, content_lo + len(b))
        party = Span(ps, pe, text[ps:pe]) if pe > ps and _WORD_RE.search(text[ps:pe]) else None
        deed = _object_span(text, m.end(), span.end)
    if deed is None:
        return None
    return deed, cue, party


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _event_spans(ev: Event) -> tuple[Span, ...]:
    return (ev.trigger,) + tuple(ev.mentions)


def _link_event(subject: Optional[Span], statement: Statement, events: Sequence[Event]) -> tuple[Optional[str], str]:
    """The event a claim is about, and how it was found."""
    real = [e for e in events if e.type not in COMMUNICATION_EVENT_TYPES and not _overlaps(e.trigger, statement.cue)]
    if subject is not None:
        for ev in real:
            if any(_overlaps(s, subject) for s in _event_spans(ev)):
                return ev.id, "event_in_subject"
    for ev in real:
        if statement.id in ev.claimed_by and subject is not None and any(
            any(s.start >= c.start and s.end <= c.end for c in statement.content) for s in _event_spans(ev)
        ):
            return ev.id, "event_claimed_by"
    if subject is not None and is_generic_subject(subject.text):
        best, best_end = None, -1
        for ev in real:
            for s in _event_spans(ev):
                if s.end <= subject.start and subject.start - s.end <= PRONOUN_EVENT_REACH and s.end > best_end:
                    best, best_end = ev, s.end
        if best is not None:
            return best.id, "event_pronoun_antecedent"
    return None, ""


def _content_polarity(text: str, statement: Statement) -> str:
    content = " ".join(c.text for c in statement.content)
    if statement.act == "denial" or statement.negated or _negative_reply().search(content):
        return "negative"
    return "negative" if _negation().search(content) and len(content.split()) <= 8 else "positive"


def _claim(document: Document, st: Statement, relation: str, subject, obj, event, polarity, text, rule) -> Claim:
    key = (subject.start, subject.end) if subject else (st.content[0].start if st.content else st.cue.start,)
    return Claim(
        id=make_id("c", document.id, st.id, relation, *key),
        statement=st.id, relation=relation, subject=subject, object=obj, event=event,
        polarity=polarity, text=text, rule=rule,
    )


def extract_claims(doc: Any, document: Document, statements: Sequence[Statement], events: Sequence[Event] = (),
                   actors: Sequence[Actor] = ()) -> tuple[Claim, ...]:
    """Claims of every statement, in statement order: motive and responsibility links first, then one assertion.

    ``doc`` (the spaCy Doc of ``document.text``) may be None: the rules read the statement records.
    """
    text = document.text
    out: list[Claim] = []
    patterns = load_patterns()
    for st in statements:
        if not st.content:
            continue
        structured = False
        for span in st.content:
            taken: list[Span] = []
            for p in patterns:
                if p.relation == "motive":
                    if st.act in FORWARD_ACTS:
                        continue
                    region = span
                    if 0 <= span.start - st.cue.end <= 3 and span is st.content[0] and p.regex.match(text, st.cue.start, span.end):
                        region = Span(st.cue.start, span.end, text[st.cue.start:span.end])
                    hit = _match_motive(text, region, p) if p.name == "attack_over" else _match_motive(text, span, p)
                    if hit is None:
                        continue
                    subj, cue, obj = hit
                else:
                    hit2 = _match_responsibility(text, span, st.cue, p)
                    if hit2 is None:
                        continue
                    subj, cue, obj = hit2
                if any(_overlaps(cue, t) for t in taken):
                    continue
                taken.append(cue)
                subj = _snap(doc, subj)
                event, how = _link_event(subj, st, events)
                polarity = "negative" if _negation().search(text[subj.end:cue.start]) or st.act == "denial" else "positive"
                lo = min(subj.start, cue.start, obj.start if obj else cue.start)
                hi = max(cue.end, obj.end if obj else cue.end, subj.end)
                out.append(_claim(document, st, p.relation, subj, obj, event, polarity, text[lo:hi],
                                  f"claims.{p.relation}.{p.name}" + (f"+{how}" if how else "")))
                structured = True
        if st.act in NO_ASSERTION_ACTS:
            continue
        first = st.content[0]
        event, how = _link_event(first, st, events)
        out.append(_claim(document, st, "assertion", first, None, event, _content_polarity(text, st),
                          " … ".join(c.text for c in st.content),
                          "claims.assertion" + ("_after_structured" if structured else "") + (f"+{how}" if how else "")))
    return _dedupe(out)


def _dedupe(claims: list[Claim]) -> tuple[Claim, ...]:
    """One claim per id (statement, relation, subject): when two patterns read the same claim in two
    pieces of a content ("an airstrike | on Israel"), keep the fuller reading (with an object, longer)."""
    best: dict[str, Claim] = {}
    order: list[str] = []
    for c in claims:
        old = best.get(c.id)
        if old is None:
            order.append(c.id)
            best[c.id] = c
        elif (c.object is not None, len(c.text)) > (old.object is not None, len(old.text)):
            best[c.id] = c
    return tuple(best[i] for i in order)


def _snap(doc: Any, span: Span) -> Span:
    """Widen a span to whole tokens of the parse when one is given (offsets never move otherwise)."""
    if doc is None:
        return span
    try:
        sp = doc.char_span(span.start, span.end, alignment_mode="expand")
    except Exception:  # a Doc of another text: keep the record offsets
        return span
    if sp is None or sp.end_char - sp.start_char > 2 * len(span) + 10:
        return span
    return Span(sp.start_char, sp.end_char, sp.text)
