"""Disputes: the positions of different sides on the same question, side by side, with the explicit rebuttals.

A *question* is a relation about a subject: the motive of event E, who is responsible for E, or
whether what a statement asserts is so. Claims (``extract/claims.py``) are grouped into questions:

- by event: claims linked to the same event (``Claim.event``) ask the same question (``SAME_EVENT``);
- by subject words (with or without an event, since one article's event mentions are not always merged): subjects sharing a content word ("Oct. 7 attack", "Hamas's
  October attack") (``SHARED_SUBJECT_WORD``);
- a pronoun or generic subject ("it was launched in retaliation for ...") joins the question spoken
  to just before, within :data:`CONTEXT_REACH` characters; any other claim of a side that has just
  rebutted a question ("X denied the claim and said all ... actions are a response to ...") joins
  that question (``NEARBY_CONTEXT``) — the discourse rule that a pronoun refers to
  something recently mentioned (Grosz, Joshi & Weinstein 1995, centering).

Claims of a question are grouped into positions by side (the root of the speaker's affiliation chain,
:func:`counterclaim.reconcile.rebuttals.speaker_group`). A question is a dispute when two sides give
different answers (different objects, or opposite polarity) or one side explicitly rebuts the other
(``Statement.replies_to``); rebuttals that answer a statement outside any motive/responsibility
question make a dispute of their own about that statement's assertion.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Optional

from counterclaim.extract.claims import is_generic_subject
from counterclaim.model import Actor, Claim, Dispute, Document, Event, Position, Statement, make_id
from counterclaim.reconcile.rebuttals import SpeakerGroup, speaker_group

__all__ = ["find_disputes", "format_dispute", "QUESTION_RELATIONS"]

QUESTION_RELATIONS = ("motive", "responsibility")
#: how far (characters) a pronoun subject reaches back for its question
CONTEXT_REACH = 450
#: two answers are the same when this share of the shorter one's content words is shared
SAME_ANSWER_OVERLAP = 0.5
TOPIC_TEMPLATES = {
    "motive": "Motive of {subject}",
    "responsibility": "Who is responsible for {subject}",
    "assertion": "Whether {subject}",
}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_STOP = frozenset(
    "the a an of to in on for and or that this it its is was were are be been by with as at from has have "
    "had not no what which who he she they their his her our we all one another some any over".split()
)


def content_words(text: str) -> set[str]:
    """Lower-cased content words, with a crude plural/past stemming ("attacked", "attacks" -> "attack")."""
    out = set()
    for w in _WORD.findall(text):
        w = w.lower().replace("’", "'")
        w = re.sub(r"'s$", "", w)
        if w in _STOP or len(w) < 3:
            continue
        out.add(re.sub(r"(?:ed|s)$", "", w) if len(w) > 5 else w)
    return out


@dataclass
class _Question:
    relation: str
    event: Optional[str]
    claims: list[Claim] = field(default_factory=list)
    keywords: set[str] = field(default_factory=set)
    last_end: int = -1


def _group_questions(claims: Sequence[Claim], st_by_id: dict[str, Statement], groups: dict[str, SpeakerGroup],
                     rebuttal_reach: dict[str, list[tuple[int, str]]]) -> list[_Question]:
    questions: list[_Question] = []
    by_event: dict[tuple[str, str], _Question] = {}
    for c in sorted(claims, key=lambda c: st_by_id[c.statement].cue.start if c.statement in st_by_id else 0):
        if c.relation not in QUESTION_RELATIONS or c.statement not in st_by_id:
            continue
        st = st_by_id[c.statement]
        pos = min([st.cue.start] + [s.start for s in st.content])
        end = max([st.cue.end] + [s.end for s in st.content])
        q: Optional[_Question] = None
        if c.event:
            q = by_event.get((c.relation, c.event))
        subj = c.subject.text if c.subject else ""
        generic = is_generic_subject(subj)
        words = set() if generic else content_words(subj)
        if q is None and words:
            # events of one article are not always merged by the events stage: shared subject words still join
            shared = [x for x in questions if x.relation == c.relation and x.keywords & words]
            q = shared[-1] if shared else None
        if q is None:
            # nearby context: the side's latest question or the question its rebuttal answered
            near: list[tuple[int, _Question]] = []
            rebutted = rebuttal_reach.get(groups[st.id].key, ())
            for x in questions:
                if x.relation != c.relation:
                    continue
                members = {cl.statement for cl in x.claims}
                if generic and 0 <= pos - x.last_end <= CONTEXT_REACH:
                    near.append((x.last_end, x))
                elif any(cid in members and 0 <= pos - at <= CONTEXT_REACH for at, cid in rebutted):
                    near.append((x.last_end, x))
            if near:
                q = max(near, key=lambda t: t[0])[1]
                words = set()  # joined by context: its words do not define the question
        if q is None:
            q = _Question(c.relation, c.event)
            questions.append(q)
        if c.event:
            by_event.setdefault((c.relation, c.event), q)
        q.claims.append(c)
        q.keywords |= words
        q.last_end = max(q.last_end, end)
    return questions


def _same_answer(a: Claim, b: Claim) -> bool:
    if a.polarity != b.polarity:
        return False
    wa, wb = content_words(a.object.text if a.object else ""), content_words(b.object.text if b.object else "")
    if not wa or not wb:
        return not wa and not wb
    return len(wa & wb) / min(len(wa), len(wb)) >= SAME_ANSWER_OVERLAP


def _topic(q_relation: str, claims: Sequence[Claim], events_by_id: dict[str, Event]) -> str:
    ev = next((events_by_id[c.event] for c in claims if c.event in events_by_id), None)
    subs = [c.subject.text for c in claims if c.subject and not is_generic_subject(c.subject.text)]
    subs = [s for s in subs if len(s.split()) <= 14] or subs
    if subs:  # the article's own words for the subject
        subject = max(subs, key=lambda s: len(content_words(s)))
    else:
        subject = (ev.summary or ev.trigger.text) if ev else "the event"
    return TOPIC_TEMPLATES[q_relation].format(subject=subject.strip(" “”\"'"))


def _answer(c: Claim, text: str) -> str:
    """The position's answer as written: cue + object ("revenge for the slaying of Soleimani")."""
    if c.object is None:
        return c.text
    if c.relation == "responsibility":
        return _balance_quotes(c.object.text)
    start = c.subject.end if c.subject else c.object.start
    out = text[start:c.object.end].strip(" ,“”\"'")
    out = re.sub(r"^(?:was|were|is|are)\s+", "", out)
    out = _NAMING_CLAUSE.sub("", out)
    return _balance_quotes(out)


#: "over what it described as “the dangers …”": the answer is the thing named, in the side's own words
_NAMING_CLAUSE = re.compile(
    r"\bwhat\s+(?:it|he|she|they|we|the\s+\w+)\s+(?:has\s+|had\s+|have\s+)?"
    r"(?:described|describes|called|calls|termed|terms|labell?ed|dubbed|branded|referred\s+to)(?:\s+as)?\s+")


def _balance_quotes(s: str) -> str:
    """Close a quotation the answer opens but the claim's object cut off."""
    if s.count("“") > s.count("”"):
        s += "”"
    return s


def _merge_agreeing_sides(sides: dict[str, dict], explicit: list[str], replies: dict[str, tuple[str, ...]]) -> None:
    """A side that gives the same answer as an earlier side, rebuts no one and is rebutted by no one,
    joins that side's position ("Rebels" and "the Northern Front": revenge for the raid), so a dispute
    shows positions, not a list of speakers."""
    keys = sorted(sides, key=lambda k: sides[k]["first"])
    for i, kb in enumerate(keys):
        b = sides[kb]
        if not b["claims"] or set(b["statements"]) & set(explicit):
            continue
        for ka in keys[:i]:
            a = sides.get(ka)
            if a is None or not a["claims"]:
                continue
            answered = {t for sid in a["statements"] for t in replies.get(sid, ())}
            if answered & set(b["statements"]):
                continue
            if all(any(_same_answer(x, y) for x in a["claims"]) for y in b["claims"]):
                for f in ("actors", "statements", "claims"):
                    a[f] += b[f]
                a["labels"] = a.get("labels", [ka]) + [kb]
                del sides[kb]
                break


def _positions(sides: dict[str, dict], groups_by_key: dict[str, SpeakerGroup],
               order: Optional[dict[str, int]] = None) -> tuple[Position, ...]:
    out = []
    order = order or {}
    for key, side in sorted(sides.items(), key=lambda kv: kv[1]["first"]):
        g = groups_by_key[key]
        stance = side["stance"] or "rejects the other position"
        out.append(Position(
            actors=tuple(dict.fromkeys(side["actors"])) or tuple(g.actor_ids),
            statements=tuple(sorted(dict.fromkeys(side["statements"]), key=lambda sid: order.get(sid, 0))),
            stance=stance,
            summary=f"{' / '.join(dict.fromkeys(groups_by_key[k].label for k in side.get('labels', [key])))}: {stance}",
        ))
    return tuple(out)


def find_disputes(document: Document, statements: Sequence[Statement], claims: Sequence[Claim] = (),
                  events: Sequence[Event] = (), actors: Sequence[Actor] = ()) -> tuple[Dispute, ...]:
    """The disputes of one document, in order of first mention."""
    actors_by_id = {a.id: a for a in actors}
    st_by_id = {s.id: s for s in statements}
    groups = {s.id: speaker_group(s, actors_by_id) for s in statements}
    groups_by_key = {g.key: g for g in groups.values()}
    events_by_id = {e.id: e for e in events}
    # where each side rebutted which statement: (position of the rebuttal, answered statement id)
    rebuttal_reach: dict[str, list[tuple[int, str]]] = {}
    for s in statements:
        for t in s.replies_to:
            rebuttal_reach.setdefault(groups[s.id].key, []).append((s.cue.start, t))
    order = {s.id: s.cue.start for s in statements}
    questions = _group_questions(claims, st_by_id, groups, rebuttal_reach)
    # a rebuttal answering statements of several questions belongs to those its own side also speaks to
    # ("Hamas denied the Iranian claim and said it attacked over Al-Aqsa": the motive question)
    home: dict[str, set[int]] = {}
    for s in statements:
        if not s.replies_to:
            continue
        answered = {i for i, q in enumerate(questions) if set(s.replies_to) & {c.statement for c in q.claims}}
        own = {i for i in answered if any(groups[c.statement].key == groups[s.id].key for c in questions[i].claims)}
        home[s.id] = own or answered
    covered: set[str] = set()
    disputes: list[tuple[int, Dispute]] = []
    for qi, q in enumerate(questions):
        sides: dict[str, dict] = {}
        q_statements = {c.statement for c in q.claims}
        for c in q.claims:
            st = st_by_id[c.statement]
            g = groups[st.id]
            side = sides.setdefault(g.key, {"actors": [], "statements": [], "claims": [], "stance": "", "first": st.cue.start})
            side["claims"].append(c)
            side["statements"].append(st.id)
            if st.speaker and st.speaker.actor_id:
                side["actors"].append(st.speaker.actor_id)
            side["actors"].extend(g.actor_ids[-1:])
            if not side["stance"]:
                side["stance"] = _answer(c, document.text)
            side["first"] = min(side["first"], st.cue.start)
        explicit = []
        for s in statements:
            if set(s.replies_to) & q_statements and qi in home.get(s.id, ()):
                g = groups[s.id]
                side = sides.setdefault(g.key, {"actors": [], "statements": [], "claims": [], "stance": "", "first": s.cue.start})
                side["statements"].append(s.id)
                if s.speaker and s.speaker.actor_id:
                    side["actors"].append(s.speaker.actor_id)
                side["actors"].extend(g.actor_ids[-1:])
                side["first"] = min(side["first"], s.cue.start)
                explicit.append(s.id)
        _merge_agreeing_sides(sides, explicit, {st.id: st.replies_to for st in statements})
        if len(sides) < 2:
            continue
        keys = list(sides)
        differ = any(
            not any(_same_answer(a, b) for a in sides[k1]["claims"] for b in sides[k2]["claims"])
            for i, k1 in enumerate(keys) for k2 in keys[i + 1:]
            if sides[k1]["claims"] and sides[k2]["claims"]
        )
        if not differ and not explicit:
            continue
        positions = _positions(sides, groups_by_key, order)
        event = next((c.event for c in q.claims if c.event), None)
        first = min(s["first"] for s in sides.values())
        disputes.append((first, Dispute(
            id=make_id("d", document.id, q.relation, event or q.claims[0].id),
            topic=_topic(q.relation, q.claims, events_by_id),
            positions=positions,
            subject_event=event,
            explicit=tuple(dict.fromkeys(explicit)),
            documents=(document.id,),
        )))
        covered |= {sid for p in positions for sid in p.statements}
    # rebuttals outside any question: a dispute about the assertion they answer
    for s in statements:
        targets = [t for t in s.replies_to if t in st_by_id and t not in covered]
        if not targets or s.id in covered:
            continue
        target = st_by_id[targets[0]]
        sides = {}
        for t in targets:
            g = groups[t]
            side = sides.setdefault(g.key, {"actors": [], "statements": [], "claims": [], "stance": "asserts", "first": st_by_id[t].cue.start})
            side["statements"].append(t)
            side["actors"].extend([st_by_id[t].speaker.actor_id] if st_by_id[t].speaker and st_by_id[t].speaker.actor_id else [])
            side["actors"].extend(g.actor_ids[-1:])
        g = groups[s.id]
        sides.setdefault(g.key, {"actors": [], "statements": [], "claims": [], "stance": "denies", "first": s.cue.start})
        sides[g.key]["statements"].append(s.id)
        sides[g.key]["actors"].extend(([s.speaker.actor_id] if s.speaker and s.speaker.actor_id else []) + list(g.actor_ids[-1:]))
        if len(sides) < 2:
            continue
        event = next((c.event for c in claims if c.statement == target.id and c.event), None)
        content = " … ".join(c.text for c in target.content)
        disputes.append((target.cue.start, Dispute(
            id=make_id("d", document.id, "assertion", target.id),
            topic=TOPIC_TEMPLATES["assertion"].format(subject=f"{groups[target.id].label} is right that {content}".strip()),
            positions=_positions(sides, groups_by_key, order),
            subject_event=event,
            explicit=(s.id,),
            documents=(document.id,),
        )))
        covered |= {s.id, *targets}
    return tuple(d for _, d in sorted(disputes, key=lambda t: t[0]))


def format_dispute(dispute: Dispute, statements: Sequence[Statement] = (), actors: Sequence[Actor] = (),
                   document_text: str = "") -> str:
    """A dispute as text, positions side by side with their statements' words (for the text report)."""
    st_by_id = {s.id: s for s in statements}
    names = {a.id: a.name for a in actors}
    lines = [f"DISPUTE {dispute.id}: {dispute.topic}"]
    if len(dispute.documents) > 1:
        lines.append(f"  across articles: {', '.join(dispute.documents)}")
    for i, p in enumerate(dispute.positions, 1):
        who = ", ".join(dict.fromkeys(names.get(a, a) for a in p.actors)) or p.summary.split(":")[0]
        lines.append(f"  [{i}] {who} — {p.stance}")
        for sid in p.statements:
            s = st_by_id.get(sid)
            if s is None:
                lines.append(f"      {sid}")
                continue
            mark = " (explicit rebuttal)" if sid in dispute.explicit else ""
            speaker = s.speaker.name if s.speaker else "?"
            lines.append(f"      {speaker} {s.cue.text}: “{' … '.join(c.text for c in s.content)}”{mark}")
    return "\n".join(lines)
