"""Disputes across articles: claims from different articles about the same question, grouped.

1. Per article, claims are grouped into questions exactly as in :mod:`counterclaim.reconcile.disputes`
   (same event, shared subject words, nearby context).
2. Questions of different articles are merged when they have the same relation and
   - their events match (``SAME_EVENT``: same PLOVER type and the same date, or the same type and a
     shared agent/target name), or
   - their subjects share enough content words (``SHARED_SUBJECT``: at least
     :data:`MIN_SHARED_WORDS` words and :data:`MIN_SUBJECT_OVERLAP` of the smaller set).
3. Sides are the roots of the speakers' affiliation chains, matched across articles by name.
4. Two sides contradict each other when one explicitly rebuts (a denial/rejection in the question,
   or ``replies_to``) — else the stance model (:mod:`counterclaim.reconcile.stance`) decides between
   their claim texts: ``disagree`` is a contradiction, ``agree`` support; when it says
   ``discuss``/``unrelated``, different answers (objects) to the same motive/responsibility question
   count as a contradiction (``DIFFERENT_ANSWERS``).
A merged question with claims from two or more articles and at least one contradiction between sides
is a dispute; its ``documents`` lists the articles. Each position's ``summary`` says how its relation
to the other sides was decided.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Optional

from counterclaim.model import Analysis, Claim, Dispute, Event, Position, Statement, make_id
from counterclaim.reconcile.disputes import QUESTION_RELATIONS, _answer, _group_questions, _same_answer, _topic
from counterclaim.reconcile.rebuttals import SpeakerGroup, is_rebuttal, speaker_group

__all__ = ["cross_article_disputes", "format_disputes", "analyze_files", "MIN_SHARED_WORDS", "MIN_SUBJECT_OVERLAP"]

MIN_SHARED_WORDS = 2
MIN_SUBJECT_OVERLAP = 0.4


@dataclass
class _Item:
    doc: str
    claim: Claim
    statement: Statement
    side: SpeakerGroup
    event: Optional[Event]
    text: str  # the statement's content, for the stance model
    rebuttal: bool


@dataclass
class _Q:
    relation: str
    items: list[_Item]
    keywords: set[str]
    events: list[Event]


def _event_match(a: Event, b: Event) -> bool:
    if a.type != b.type:
        return False
    if a.time and b.time and a.time.value and a.time.value == b.time.value:
        return True
    return bool(set(a.agents + a.targets) & set(b.agents + b.targets))


def _event_names(ev: Event, analysis: Analysis) -> Event:
    """The event with actor names instead of per-article ids, so events compare across articles."""
    from dataclasses import replace

    def name(aid: str) -> str:
        a = analysis.actor(aid)
        return a.name.lower() if a else aid

    return replace(ev, agents=tuple(map(name, ev.agents)), targets=tuple(map(name, ev.targets)))


def _questions(analysis: Analysis) -> list[_Q]:
    doc = analysis.document
    actors_by_id = {a.id: a for a in analysis.actors}
    st_by_id = {s.id: s for s in analysis.statements}
    groups = {s.id: speaker_group(s, actors_by_id) for s in analysis.statements}
    events = {e.id: _event_names(e, analysis) for e in analysis.events}
    reach: dict[str, list[tuple[int, str]]] = {}
    for s in analysis.statements:
        for t in s.replies_to:
            reach.setdefault(groups[s.id].key, []).append((s.cue.start, t))
    out = []
    for q in _group_questions(analysis.claims, st_by_id, groups, reach):
        items = []
        for c in q.claims:
            st = st_by_id[c.statement]
            items.append(_Item(doc.id, c, st, groups[st.id], events.get(c.event) if c.event else None,
                               " ".join(x.text for x in st.content), is_rebuttal(st) or c.polarity == "negative"))
        out.append(_Q(q.relation, items, set(q.keywords), [i.event for i in items if i.event]))
    return out


def _same_question(a: _Q, b: _Q) -> bool:
    if a.relation != b.relation:
        return False
    if any(_event_match(x, y) for x in a.events for y in b.events):
        return True
    shared = a.keywords & b.keywords
    small = min(len(a.keywords), len(b.keywords)) or 1
    return len(shared) >= MIN_SHARED_WORDS and len(shared) / small >= MIN_SUBJECT_OVERLAP


def _side_key(g: SpeakerGroup) -> str:
    """Sides match across articles by name; statements with no resolved speaker stay apart."""
    return g.key if g.key.startswith("unknown:") else g.label.lower()


def _relation(a: list[_Item], b: list[_Item], stance: Callable[[list[tuple[str, str]]], list[str]]) -> tuple[str, str]:
    """('contradicts'|'supports'|'', basis) between two sides' items."""
    if any(i.rebuttal for i in a) != any(i.rebuttal for i in b):
        return "contradicts", "explicit rebuttal"
    replied = {i.statement.id for i in a} & {r for i in b for r in i.statement.replies_to}
    replied |= {i.statement.id for i in b} & {r for i in a for r in i.statement.replies_to}
    if replied:
        return "contradicts", "explicit rebuttal"
    pairs = [(x.claim.text or x.text, y.text) for x in a for y in b]
    labels = stance(pairs) if pairs else []
    if "disagree" in labels:
        return "contradicts", "stance model: disagree"
    if "agree" in labels:
        return "supports", "stance model: agree"
    ca = [i.claim for i in a if i.claim.relation in QUESTION_RELATIONS]
    cb = [i.claim for i in b if i.claim.relation in QUESTION_RELATIONS]
    if ca and cb and not any(_same_answer(x, y) for x in ca for y in cb):
        return "contradicts", "different answers (stance model: " + "/".join(sorted(set(labels))) + ")"
    return "", "stance model: " + "/".join(sorted(set(labels)))


def _default_stance(pairs: list[tuple[str, str]]) -> list[str]:
    from counterclaim.reconcile.stance import predict_stances

    return predict_stances(pairs)


def cross_article_disputes(analyses: Iterable[Analysis], *,
                           stance: Optional[Callable[[list[tuple[str, str]]], list[str]]] = None) -> tuple[Dispute, ...]:
    """Disputes whose positions come from two or more of ``analyses`` (the same question, different answers).

    ``stance`` maps (claim, text) pairs to stance labels; by default the packaged stance model.
    """
    stance = stance or _default_stance
    analyses = list(analyses)
    texts = {a.document.id: a.document.text for a in analyses}
    merged: list[_Q] = []
    # inverted index (relation, subject word | event type) -> merged questions, so a store of many
    # articles is not compared question by question
    index: dict[tuple[str, str], set[int]] = {}

    def keys(q: _Q) -> set[tuple[str, str]]:
        return {(q.relation, "w:" + w) for w in q.keywords} | {(q.relation, "e:" + e.type) for e in q.events}

    for analysis in analyses:
        for q in _questions(analysis):
            cands = sorted({i for k in keys(q) for i in index.get(k, ())})
            home_i = next((i for i in cands if _same_question(merged[i], q)), None)
            if home_i is None:
                merged.append(_Q(q.relation, list(q.items), set(q.keywords), list(q.events)))
                home_i = len(merged) - 1
            else:
                home = merged[home_i]
                home.items += q.items
                home.keywords |= q.keywords
                home.events += q.events
            for k in keys(merged[home_i]):
                index.setdefault(k, set()).add(home_i)
    out: list[Dispute] = []
    for q in merged:
        docs = sorted({i.doc for i in q.items})
        if len(docs) < 2:
            continue
        sides: dict[str, list[_Item]] = {}
        for i in q.items:
            sides.setdefault(_side_key(i.side), []).append(i)
        if len(sides) < 2:
            continue
        keys = list(sides)
        basis: dict[str, list[str]] = {k: [] for k in keys}
        contradiction = False
        explicit: list[str] = []
        for n, k1 in enumerate(keys):
            for k2 in keys[n + 1:]:
                if {i.doc for i in sides[k1]} == {i.doc for i in sides[k2]} and len({i.doc for i in sides[k1]}) == 1:
                    continue  # same single article: find_disputes covers it
                rel, why = _relation(sides[k1], sides[k2], stance)
                if rel:
                    basis[k1].append(f"{rel} {sides[k2][0].side.label} ({why})")
                    basis[k2].append(f"{rel} {sides[k1][0].side.label} ({why})")
                if rel == "contradicts":
                    contradiction = True
                    if why == "explicit rebuttal":
                        explicit += [i.statement.id for i in sides[k1] + sides[k2] if i.rebuttal]
        if not contradiction:
            continue
        positions = []
        for k in sorted(keys, key=lambda k: (docs.index(sides[k][0].doc), sides[k][0].statement.cue.start)):
            items = sides[k]
            lead = next((i for i in items if i.claim.relation in QUESTION_RELATIONS and i.claim.object), items[0])
            answer = _answer(lead.claim, texts[lead.doc])
            if lead.rebuttal and lead.claim.polarity == "negative":
                answer = "denies: " + (lead.claim.text or answer)
            actor_ids = [i.statement.speaker.actor_id for i in items if i.statement.speaker and i.statement.speaker.actor_id]
            actor_ids += [i.side.actor_ids[-1] for i in items if i.side.actor_ids]
            positions.append(Position(
                actors=tuple(dict.fromkeys(actor_ids)),
                statements=tuple(dict.fromkeys(i.statement.id for i in items)),
                stance=answer,
                summary=f"{items[0].side.label} [{', '.join(sorted({i.doc for i in items}))}]: {answer}"
                + (f"; {'; '.join(basis[k])}" if basis[k] else ""),
            ))
        event = next((i.claim.event for i in q.items if i.claim.event), None)
        all_claims = [i.claim for i in q.items]
        out.append(Dispute(
            id=make_id("d", "cross", q.relation, *sorted(i.claim.id for i in q.items)),
            topic=_topic(q.relation, all_claims, {}),
            positions=tuple(positions),
            subject_event=event,
            explicit=tuple(dict.fromkeys(explicit)),
            documents=tuple(docs),
        ))
    return tuple(out)


def format_disputes(disputes: Sequence[Dispute], analyses: Sequence[Analysis]) -> str:
    """Disputes as text, positions side by side with their statements (for ``counterclaim disputes``)."""
    from counterclaim.reconcile.disputes import format_dispute

    statements = [s for a in analyses for s in a.statements]
    actors = [x for a in analyses for x in a.actors]
    return "\n\n".join(format_dispute(d, statements, actors) for d in disputes)


def analyze_files(paths: Sequence[str]) -> tuple[list[Analysis], list[str]]:
    """Analyse article files (text, HTML, JSONL, directories) for ``counterclaim disputes FILES``:
    the analyses, and an error message per input that failed."""
    from counterclaim import ingest
    from counterclaim.pipeline import analyze_many

    analyses, errors = [], []
    for item in analyze_many(ingest.load(list(paths))):
        if item.ok:
            analyses.append(item.analysis)
        else:
            errors.append(f"{item.id}: {item.error}")
    return analyses, errors
