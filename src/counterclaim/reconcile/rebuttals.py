"""Explicit rebuttals: link a statement that denies, rejects, dismisses or answers "no" to the
statement(s) it answers (``Statement.replies_to``).

A statement is a rebuttal when its act is ``denial``, its cue is a rebuttal verb (data:
``claim_patterns.json`` ``rebuttal_cues``: deny, reject, dismiss, refute, dispute ...), or its content is
a bare negative answer ("No it wasn't", "not true"). What it answers is found by these rules, in order
(cf. the reply/attack relations of argument mining, Peldszus & Stede 2013):

1. ``REFERENCED_SOURCE``: the rebuttal names whose claim it rejects ("denied the Iranian claim",
   "rejected Israel's accusations"): the statements of the speakers matching that name or demonym.
2. ``ELLIPTIC_ANSWER``: a bare "no" answers the statement just before it in the same paragraph or
   headline ("Iran: ... ; Hamas: No it wasn't").
3. ``CONTENT_OVERLAP``: the rebuttal repeats words of an earlier statement's content.
4. ``GENERIC_CLAIM_NOUN``: "denied the claim/report/allegations" with no name: the nearest earlier
   claim by another speaker.
Among the matches of rule 1 and 4, statements whose claims are motive or responsibility links are
preferred: those are the assertions rebuttals answer in news. A statement never answers itself nor
a statement of its own side.
"""

from __future__ import annotations

import csv
import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional, Sequence

from counterclaim.extract.claims import _data as _patterns
from counterclaim.extract.claims import _negative_reply
from counterclaim.model import Actor, Claim, Document, Statement

__all__ = ["link_rebuttals", "is_rebuttal", "SpeakerGroup", "speaker_group", "REBUTTAL_ACTS"]

REBUTTAL_ACTS = frozenset({"denial"})
#: acts of statements that can be rebutted
ANSWERABLE_ACTS = frozenset({"claim", "accusation", "report", "belief", "confirmation", "admission", "condemnation", "other", "threat"})
#: share of the rebuttal's content words found in a statement for rule 3
OVERLAP_MIN = 0.5
#: at most this many statements answered by one rebuttal
MAX_TARGETS = 4
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_STOP = frozenset("the a an of to in on for and or that this it its is was were are be been by with as at from has have had not no".split())


@dataclass(frozen=True)
class SpeakerGroup:
    """The side a statement speaks for: the root of its speaker's affiliation chain."""

    key: str
    label: str
    actor_ids: tuple[str, ...]
    names: frozenset[str]  # lower-cased names, aliases, chain members, country codes


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """demonym (lower) -> place or group name, from data/demonyms.tsv."""
    out: dict[str, str] = {}
    text = resources.files("counterclaim").joinpath("data", "demonyms.tsv").read_text("utf-8")
    for row in csv.reader((ln for ln in text.splitlines() if ln and not ln.startswith("#")), delimiter="\t"):
        if len(row) >= 3:
            out[row[0].lower()] = row[2]
            if row[1] and row[1] != "-":
                out[row[1].lower()] = row[2]
    return out


@lru_cache(maxsize=256)
def _country_code(name: str) -> Optional[str]:
    try:
        import pycountry

        return pycountry.countries.lookup(name).alpha_3
    except (LookupError, ImportError):
        return None


def speaker_group(st: Statement, actors_by_id: dict[str, Actor]) -> SpeakerGroup:
    """Follow the speaker's actor up its affiliations (spokesman -> IRGC -> Iran); fall back to the chain."""
    sp = st.speaker
    if sp is None:
        return SpeakerGroup("unknown:" + st.id, "unknown source", (), frozenset())
    names = {n.lower() for n in (sp.name, *sp.chain) if n}
    path: list[Actor] = []
    a = actors_by_id.get(sp.actor_id) if sp.actor_id else None
    while a is not None and a not in path:
        path.append(a)
        a = actors_by_id.get(a.affiliation) if a.affiliation else None
    for a in path:
        names.add(a.name.lower())
        names.update(x.lower() for x in a.aliases)
        if a.country:
            names.add(a.country.lower())
    for n in list(names):
        code = _country_code(n) if len(n) > 3 else None
        if code:
            names.add(code.lower())
    if path:
        root = path[-1]
        return SpeakerGroup("actor:" + root.id, root.name, tuple(a.id for a in path), frozenset(names))
    root_name = (sp.chain[-1] if sp.chain else sp.name) or "unknown source"
    return SpeakerGroup("name:" + root_name.lower(), root_name, (), frozenset(names))


def is_rebuttal(st: Statement) -> bool:
    content = " ".join(c.text for c in st.content)
    cue_words = {w.lower() for w in _WORD.findall(st.cue.text)}
    return (
        st.act in REBUTTAL_ACTS
        or bool(cue_words & set(_patterns()["rebuttal_cues"]) - {"no", "insist", "insisted", "insists"})
        or bool(_negative_reply().search(content))
    )


def _stem(w: str) -> str:
    w = re.sub(r"(?:’s|'s|’|')$", "", w.lower())
    return w[:-1] if len(w) > 3 and w.endswith("s") else w


def _referenced_names(text: str) -> set[str]:
    """Names, demonyms and other words of a rebuttal ("the Iranian claim" -> iranian, iran, irn; "the rebel
    claim" -> rebel), stemmed, to match against the names of the sides (:func:`_side_matches`)."""
    out: set[str] = set()
    dem = _demonyms()
    for w in _WORD.findall(text):
        low = re.sub(r"(?:’s|'s|’|')$", "", w.lower())
        if low in _STOP or low in set(_patterns()["claim_nouns"]):
            continue
        out.add(_stem(low))
        if low in dem:
            place = dem[low]
            out.add(_stem(place))
            code = _country_code(place)
            if code:
                out.add(code.lower())
    return out


def _name_words(names: frozenset[str]) -> set[str]:
    out = set()
    for n in names:
        out.add(_stem(n))
        out.update(_stem(w) for w in _WORD.findall(n) if w.lower() not in _STOP)
    return out


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - _STOP


def _prefer_structured(cands: list[Statement], claims_by_st: dict[str, list[Claim]]) -> list[Statement]:
    strong = [s for s in cands if any(c.relation in ("motive", "responsibility") for c in claims_by_st.get(s.id, ()))]
    return strong or cands


def _targets(r: Statement, statements: Sequence[Statement], groups: dict[str, SpeakerGroup],
             claims_by_st: dict[str, list[Claim]], document: Document) -> tuple[list[Statement], str]:
    mine = groups[r.id]
    others = [s for s in statements if s.id != r.id and groups[s.id].key != mine.key
              and s.act in ANSWERABLE_ACTS and not is_rebuttal(s)]
    content = " ".join(c.text for c in r.content)
    # 1. the rebuttal names the source it answers
    refs = _referenced_names(content) - _name_words(mine.names)
    if refs:
        named = [s for s in others if _name_words(groups[s.id].names) & refs]
        if named:
            named = _prefer_structured(named, claims_by_st)
            before = [s for s in named if s.cue.start < r.cue.start] or named
            return before[:MAX_TARGETS], "rebuttals.referenced_source"
    # 2. a bare "no" answers the statement just before it, in the same paragraph
    if _negative_reply().search(content):
        para = document.paragraph_at(r.cue.start)
        prev = [s for s in others if s.cue.start < r.cue.start
                and (para is None or document.paragraph_at(s.cue.start) == para)]
        if prev:
            return [max(prev, key=lambda s: s.cue.start)], "rebuttals.elliptic_answer"
    # 3. the rebuttal repeats an earlier statement's words
    rw = _words(content)
    if len(rw) >= 2:
        scored = []
        for s in others:
            sw = _words(" ".join(c.text for c in s.content))
            share = len(rw & sw) / len(rw)
            if share >= OVERLAP_MIN:
                scored.append((share, s))
        if scored:
            best = max(x for x, _ in scored)
            return [s for x, s in scored if x == best][:MAX_TARGETS], "rebuttals.content_overlap"
    # 4. "denied the claim": the nearest earlier claim of another side
    if _words(content) & set(_patterns()["claim_nouns"]):
        prev = _prefer_structured([s for s in others if s.cue.start < r.cue.start], claims_by_st)
        if prev:
            return [max(prev, key=lambda s: s.cue.start)], "rebuttals.generic_claim_noun"
    return [], ""


def link_rebuttals(document: Document, statements: Sequence[Statement], claims: Sequence[Claim] = (),
                   actors: Sequence[Actor] = ()) -> tuple[Statement, ...]:
    """The statements, in the same order, with ``replies_to`` filled for explicit rebuttals.

    Existing ``replies_to`` values are kept (merged with what is found here)."""
    actors_by_id = {a.id: a for a in actors}
    groups = {s.id: speaker_group(s, actors_by_id) for s in statements}
    claims_by_st: dict[str, list[Claim]] = {}
    for c in claims:
        claims_by_st.setdefault(c.statement, []).append(c)
    out = []
    for st in statements:
        if is_rebuttal(st):
            targets, rule = _targets(st, statements, groups, claims_by_st, document)
            if targets:
                ids = tuple(dict.fromkeys((*st.replies_to, *(t.id for t in targets))))
                st = dataclasses.replace(st, replies_to=ids, rule=(st.rule + " " if st.rule else "") + rule)
        out.append(st)
    return tuple(out)
