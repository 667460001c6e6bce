"""Merging event mentions into events (Lee et al. 2012, here by rules): compatibility of times, agents, targets
and places, the group of mentions, its score against another group, and the ``Event`` built from a group."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from counterclaim.extract.event_args import _place_of
from counterclaim.extract.event_base import LOC_CASES, _add, _case, _Ctx, _EM
from counterclaim.extract.event_mode import MODE_ORDER
from counterclaim.model import Event, EventTime, Location, Span, make_id

#: PLOVER types that make sense without a target (Halterman et al. 2023: monadic events).
MONADIC_TYPES = ("ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION", "RETREAT")
#: modes of a mention that does not present the event as happening (an aim, a plan, a condition, a negation).
IRREALIS_MODES = ("negated", "hypothetical", "future")


def _modified_place(ctx: _Ctx, g: "_Group", aid: str) -> Optional[Location]:
    """When the target ``aid`` only modifies what is attacked ("US bases in Iraq") and that has a place of its own,
    the place: the modifier says whose, not where."""
    doc = ctx.doc
    for e in g.ems:
        for t in doc[e.i].sent:
            if ctx.tok_actor.get(t.i) != aid or t.dep_ not in ("compound", "amod", "nmod:poss"):
                continue
            head = t.head
            for c in head.children:
                if c.dep_ in ("obl", "nmod") and _case(c) in LOC_CASES:
                    loc = _place_of(ctx, c)
                    if loc is not None:
                        return loc
    return None


def _times_compatible(a: Optional[str], b: Optional[str]) -> Optional[int]:
    """None if incompatible; 2 equal, 1 one contains the other, 0 unknown (one missing)."""
    if not a or not b:
        return 0
    if a == b:
        return 2
    if a.startswith(b) or b.startswith(a):
        return 1
    wk = re.match(r"^(\d{4})-W(\d{2})$", a) or re.match(r"^(\d{4})-W(\d{2})$", b)
    day = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", b if wk and wk.string == a else a)
    if wk and day:
        y, w, _ = dt.date(int(day[1]), int(day[2]), int(day[3])).isocalendar()
        if (y, w) == (int(wk[1]), int(wk[2])):
            return 1
    return None


def _related(actors: dict, a: str, b: str) -> bool:
    """Same actor, or a group in the other's affiliation chain ("Hamas terrorists" ~ "Hamas"); a person is
    not the same party as his organisation or state here."""
    if a == b:
        return True
    for x, y in ((a, b), (b, a)):
        if x in actors and actors[x].type == "person":
            continue
        cur, seen = x, set()
        while cur and cur in actors and cur not in seen:
            seen.add(cur)
            if cur == y:
                return True
            cur = actors[cur].affiliation
    return False


def _overlap(actors: dict, xs: list[str], ys: list[str]) -> Optional[int]:
    if not xs or not ys:
        return 0
    if any(_related(actors, x, y) for x in xs for y in ys):
        return 1
    return None


class _Group:
    def __init__(self, ems: list[_EM]):
        self.ems = ems

    def agents(self):
        out: list[str] = []
        for e in self.ems:
            _add(out, e.agents)
        return out

    def targets(self):
        out: list[str] = []
        for e in self.ems:
            _add(out, e.targets)
        return [t for t in out if t not in self.agents()]

    def time(self) -> Optional[str]:
        """The most specific attached time, else the most specific time taken from the narrative context."""
        vals = [e.time[0].value for e in self.ems if e.time and e.time[1] != "time_from_context"] or \
            [e.time[0].value for e in self.ems if e.time]
        return max(vals, key=len) if vals else None

    def time_from_context(self) -> bool:
        """Only a narrative-context time (the previous event's), no timex of its own."""
        return any(e.time for e in self.ems) and all(e.time is None or e.time[1] == "time_from_context"
                                                     for e in self.ems)

    def location(self) -> Optional[Location]:
        locs = [e.location for e in self.ems if e.location and (e.agents or e.targets)]
        if not locs:
            return None
        return max(locs, key=lambda l: (l.lat is not None, len(l.name)))


def _score(actors: dict, a: _Group, b: _Group) -> Optional[int]:
    ta = _times_compatible(a.time(), b.time())
    ag = _overlap(actors, a.agents(), b.agents())
    tg = _overlap(actors, a.targets(), b.targets())
    if ta is None and (a.time_from_context() or b.time_from_context()) and \
            any(actors[t].type == "person" for t in set(a.targets()) & set(b.targets())):
        ta = 0  # a time inferred from the previous event does not outweigh a shared person target ("the killing of X")
    if ta is None or ag is None or tg is None:
        return None
    la, lb = a.location(), b.location()
    if la and lb and la.country and lb.country and la.country != lb.country:
        return None
    score = ta + ag + tg
    if tg and any(actors[t].type == "person" for t in a.targets() + b.targets()
                  if t in a.targets() and t in b.targets()):
        score += 1
    if la and lb and la.name == lb.name:
        score += 1
    fam_a = {e.trig.family for e in a.ems}
    if any(e.trig.family in fam_a for e in b.ems):
        score += 1
    return score


def _event(ctx: _Ctx, g: _Group) -> Optional[Event]:
    doc, document = ctx.doc, ctx.document
    agents, targets = g.agents(), g.targets()
    has_time = any(e.time for e in g.ems)
    if not agents and not targets and not (has_time and all(e.pos == "NOUN" for e in g.ems)):
        return None
    if not agents and targets and all(ctx.actors[a].type == "other" for a in targets) and not has_time:
        return None
    if not targets and g.ems[0].trig.type not in MONADIC_TYPES:
        return None  # "X supported", "Y commemorated": no one on the receiving end, no dyadic event
    if not agents and all(e.pos == "NOUN" and e.plural for e in g.ems):
        return None  # "sorties against ...": several unattributed events, nothing to anchor them

    def richness(e: _EM):
        # a mention that reports the event as taking place beats one of its aim or prospect ("a campaign aimed at
        # destroying X": the campaign is the event, destroying X its declared goal), then the best-informed one
        realis = e.mode not in IRREALIS_MODES
        return (e.narrator, realis, len(e.agents) + len(e.targets) + bool(e.time) + bool(e.location), -e.i)

    rep = max(g.ems, key=richness)
    t = doc[rep.i]
    trigger = Span.of(document.text, t.idx, t.idx + len(t.text))
    mentions: list[Span] = []
    for e in sorted(g.ems, key=lambda e: e.i):
        if e is not rep:
            x = doc[e.i]
            mentions.append(Span.of(document.text, x.idx, x.idx + len(x.text)))
        for s, en in e.names:
            sp = doc[s:en]
            mentions.append(Span.of(document.text, sp.start_char, sp.end_char))
    # time: the most specific attached value, else a contextual one
    timed = [e for e in g.ems if e.time]
    attached = [e for e in timed if e.time[1] != "time_from_context"] or timed
    time = None
    if attached:
        e = max(attached, key=lambda e: (len(e.time[0].value), e.narrator))
        tx = e.time[0]
        time = EventTime(value=tx.value, text=tx.text, span=Span.of(document.text, tx.start, tx.end))
    # mode: agents asserted by the narrator make it asserted; otherwise the claims' mode
    with_agents = [e for e in g.ems if e.agents] or g.ems
    if any(e.narrator and e.mode == "asserted" for e in with_agents):
        mode = "asserted"
    else:
        modes = [e.mode if not (e.mode == "asserted" and not e.narrator) else "alleged" for e in with_agents]
        mode = min(modes, key=lambda m: (-modes.count(m), MODE_ORDER.index(m)))
    claimed: list[str] = []
    for e in g.ems:
        _add(claimed, e.statements)
    names = [ctx.actors[a].name for a in agents]
    tnames = [ctx.actors[a].name for a in targets]
    summary = f"{', '.join(names) or '?'} {rep.trig.type} {', '.join(tnames) or '?'}"
    loc = g.location()
    if loc is None:
        # "the attack on Israel": an attack on a state or place happens there
        place = next((a for a in targets if ctx.actors[a].type in ("country", "other")), None)
        if place is not None:
            # "missiles at US bases in Iraq": the bases' own place; "an attack on a Libyan airport": Libya
            where = _modified_place(ctx, g, place)
            if where is not None:
                loc, place = where, None
        if place is not None and rep.trig.type == "ASSAULT":
            a = ctx.actors[place]
            p = ctx.k.place(a.name)
            loc = Location(name=a.name, country=a.country or (p.country if p else None),
                           lat=p.lat if p else None, lon=p.lon if p else None)
    if loc is not None:
        summary += f" in {loc.name}"
    if time is not None:
        summary += f" ({time.value})"
    rules = sorted({r for e in g.ems for r in e.rules} | {e.time[1] for e in timed})
    return Event(
        id=make_id("e", document.id, trigger.start), type=rep.trig.type, trigger=trigger,
        agents=tuple(agents), targets=tuple(targets), location=loc, time=time, mode=mode,
        claimed_by=tuple(claimed), mentions=tuple(mentions), summary=summary, rule="+".join(rules),
    )
