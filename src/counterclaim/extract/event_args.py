"""Event arguments read off the UD parse: agents and targets of verbal and nominal triggers (subjects, objects,
"by X", "on/against X", possessives, light verbs, "blamed on X", "dubbed ..."), pronoun resolution, and the place
of an event ("in/at X", resolved by the gazetteer)."""
from __future__ import annotations

from typing import Optional

from counterclaim.extract.event_base import (
    LOC_CASES, OBJ, OBLIQUE, OF_TARGET_FAMILIES, PASSIVE_SUBJ, RELATIVE_PRONOUNS, SUBJ, TARGET_CASES, _add, _case,
    _Ctx, _EM, _in_sequence,
)
from counterclaim.extract.event_triggers import _is, _lemma
from counterclaim.model import Location

AGENT_CASES = ("by",)
LIGHT_CASES = ("with", "by", "in")
QUANTITY_HEADS = ("thousands", "hundreds", "dozens", "members", "some", "many", "scores", "group", "fighters")
CLAUSE_DEPS = ("acl:relcl", "ccomp", "parataxis", "csubj", "advcl", "xcomp", "conj", "acl")
INHERIT_SUBJ_DEPS = ("xcomp", "advcl", "conj", "acl")
PRONOUNS = {"he": "person", "him": "person", "she": "person", "it": "thing", "they": "any", "them": "any"}


def _actor_of(ctx: _Ctx, tok, depth: int = 0) -> list[str]:
    """Actors named by the noun phrase headed by ``tok`` (conjuncts included)."""
    if tok.i in ctx.tok_actor:
        out = [ctx.tok_actor[tok.i]]
    elif tok.lower_ in PRONOUNS and tok.pos_ == "PRON":
        r = _resolve_pronoun(ctx, tok)
        out = [r] if r else []
    elif SPEAKERS_ITS and depth == 0 and tok.lower_ == "its" and tok.dep_ == "nmod:poss":
        r = _speakers_its(ctx, tok)
        out = [r] if r else []
    else:
        out = []
        if depth < 2:
            found: list[str] = []
            for c in tok.children:
                if c.dep_ in ("compound", "flat", "nmod:poss", "amod", "appos") or \
                        (c.dep_ == "nmod" and (tok.lower_ in QUANTITY_HEADS or tok.pos_ == "NUM") and _case(c) == "of"):
                    _add(found, _actor_of(ctx, c, depth + 1))
            persons = [a for a in found if ctx.actors[a].type == "person"]
            out = persons[:1] or found[:1]
    if depth == 0:
        for c in tok.children:
            if c.dep_ == "conj":
                out += [a for a in _actor_of(ctx, c, 1) if a not in out]
    return out


#: "its" inside what a speaker says is the organisation or country acting before it in the content
#: ("ISIL said … unless the U.S. stops its attacks": the U.S.), else the speaker's organisation: the
#: speaker itself when not a person, or the organisation the person speaks for ("the spokesman said the
#: assassination would not hinder its campaign": the IRGC's campaign), when the content is a clause with
#: a subject of its own before "its" and no singular noun subject there could be what "its" means ("if the
#: government stops its raids"; an event noun such as "the assassination" cannot). Elsewhere "its" stays
#: unresolved.
SPEAKERS_ITS = True


def _speakers_its(ctx: _Ctx, tok) -> Optional[str]:
    """See :data:`SPEAKERS_ITS`."""
    at = tok.idx
    inner, piece = min(((c.end - c.start, (st, c)) for st in ctx.statements for c in st.content
                        if c.start <= at < c.end), key=lambda x: x[0], default=(0, (None, None)))[1]
    if inner is None or inner.speaker is None or inner.speaker.actor_id not in ctx.actors:
        return None  # (the innermost statement, when reports nest)
    clause = False  # the content is a clause with a subject of its own before "its"
    for j in range(tok.i - 1, -1, -1):  # an organisation or country acting earlier in the content comes first
        t = ctx.doc[j]
        if t.idx < piece.start:
            break
        if t.dep_ in ("nsubj", "nsubj:pass", "nmod:poss") and j in ctx.tok_actor \
                and ctx.actors[ctx.tok_actor[j]].type != "person":
            return ctx.tok_actor[j]
        if t.dep_ in ("nsubj", "nsubj:pass") and t.pos_ in ("NOUN", "PROPN") and j not in ctx.tok_actor \
                and j not in ctx.trig_tokens and t.tag_ not in ("NNS", "NNPS"):
            return None  # "if the government stops its raids": a subject that may be what "its" means
        clause = clause or t.dep_ in ("nsubj", "nsubj:pass")
    if not clause:
        return None  # "footage purporting to show … airstrikes against its forces": no reported clause
    a = ctx.actors[inner.speaker.actor_id]
    if a.type == "person":
        a = ctx.actors.get(a.affiliation) if a.affiliation else None
    return a.id if a is not None and a.type != "person" else None


def _resolve_pronoun(ctx: _Ctx, tok) -> Optional[str]:
    """A subject pronoun -> the nearest preceding subject actor of a compatible type (same or previous sentence)."""
    want = PRONOUNS.get(tok.lower_, "any")
    sent = tok.sent
    start = sent.start
    prev = ctx.doc[start - 1].sent.start if start > 0 else start
    for j in range(tok.i - 1, prev - 1, -1):
        t = ctx.doc[j]
        if t.dep_ not in ("nsubj", "nsubj:pass", "nmod:poss") or j not in ctx.tok_actor:
            continue
        a = ctx.actors[ctx.tok_actor[j]]
        if want == "person" and a.type != "person":
            continue
        if want == "thing" and a.type == "person":
            continue
        return a.id
    return None


def _subject(ctx: _Ctx, v, depth: int = 0):
    """The subject token of verb ``v``, inherited through xcomp/advcl/conj/acl chains (max 3 steps)."""
    for c in v.children:
        if c.dep_ in SUBJ:
            if c.lower_ in RELATIVE_PRONOUNS and v.dep_ == "acl:relcl":
                return v.head
            return c
    if v.dep_ == "acl:relcl":
        return None
    if depth < 3 and v.dep_ in INHERIT_SUBJ_DEPS and v.head is not v:
        h = v.head
        if h.pos_ in ("NOUN", "PROPN") and v.dep_ == "acl":
            if v.tag_ == "VBG":
                return h  # an active participle's subject is the noun it modifies ("the dangers threatening X")
            for c in h.children:
                if c.dep_ == "nmod:poss":
                    return c
            return None
        if h.pos_ not in ("VERB", "AUX"):
            return None
        got = _subject(ctx, h, depth + 1)
        return got if got is None or got.i not in ctx.trig_tokens else None
    return None


def _truly_passive(v) -> bool:
    """Passive voice: an aux:pass, or a past participle after a form of "be"."""
    if any(c.dep_ == "aux:pass" and c.pos_ == "AUX" for c in v.children):
        return True
    if v.tag_ != "VBN":
        return False
    auxes = [c.lower_ for c in v.children if c.dep_.startswith("aux")]
    if any(a in ("was", "were", "been", "being", "is", "are", "be", "get", "got") for a in auxes):
        return True
    if any(a in ("has", "have", "had") for a in auxes):
        return False  # perfect active: "Iran has blamed"
    if any(c.dep_ in PASSIVE_SUBJ for c in v.children) or (
            v.dep_ == "acl" and not any(c.dep_ in SUBJ for c in v.children)):
        return True
    # no auxiliary, a comma between subject and participle, no object: a reduced relative the parse took for the
    # main verb ("Soleimani, killed in a US strike in Baghdad"), passive. Without the comma a bare VBN is as often
    # a mistagged past tense ("Alibaba kicked off the road show"), so it stays active.
    subj = next((c for c in v.children if c.dep_ in SUBJ and c.i < v.i), None)
    return (not auxes and subj is not None and v.i > 0 and v.doc[v.i - 1].text == "," and
            not any(c.dep_ in OBJ for c in v.children))


def _args_verbal(ctx: _Ctx, em: _EM, v, links: list[tuple[int, int]], trig_at: dict[int, _EM]) -> None:
    passive = _truly_passive(v)
    subj = _subject(ctx, v)
    if subj is not None:
        if subj.i in trig_at and subj.i != v.i:
            links.append((subj.i, v.i))  # "A US airstrike killed Soleimani"; "the strike that killed Mousavi"
        elif v.dep_ == "acl:relcl" and subj is v.head and subj.pos_ in ("NOUN", "PROPN") and subj.i not in ctx.tok_actor:
            pass
        elif passive:
            _add(em.targets, _actor_of(ctx, subj))  # "X had been captured", "X had to be restrained"
        else:
            _add(em.agents, _actor_of(ctx, subj))
    for c in v.children:
        if c.dep_ in PASSIVE_SUBJ and not passive:
            _add(em.agents, _actor_of(ctx, c))  # the parser's nsubj:pass on an active past ("rampaged")
        elif c.dep_ in PASSIVE_SUBJ or c.dep_ in OBJ:
            if c.i in trig_at:
                links.append((v.i, c.i))
            else:
                _add(em.targets, _actor_of(ctx, c))
        elif c.dep_ in OBLIQUE or c.dep_ == "obl:agent":
            case = _case(c)
            if c.i in trig_at and case in ("in", "by", "with", "during", "through"):
                links.append((v.i, c.i))  # "killed in a strike"
            elif case in AGENT_CASES and (passive or c.dep_ == "obl:agent"):
                _add(em.agents, _actor_of(ctx, c))
            elif case in TARGET_CASES:
                _add(em.targets, _actor_of(ctx, c))


def _is_light(ctx: _Ctx, n) -> bool:
    """Is the nominal trigger the event of a light verb ("launched a barrage", "responded with a campaign")?"""
    h = n.head
    return h is not n and _is(h, ctx.cues.get("light", ())) and (
        n.dep_ in OBJ + PASSIVE_SUBJ or (n.dep_ in OBLIQUE and _case(n) in LIGHT_CASES))


def _args_nominal(ctx: _Ctx, em: _EM, n, links: list[tuple[int, int]], trig_at: dict[int, _EM]) -> None:
    for c in n.children:
        if c.dep_ == "nmod:poss":
            _add(em.agents, _actor_of(ctx, c))
        elif c.dep_ in ("compound", "amod"):
            ids = _actor_of(ctx, c)
            if not ids and c.dep_ == "compound":
                for cc in c.children:  # "a US drone strike"
                    if cc.dep_ in ("compound", "amod"):
                        ids += _actor_of(ctx, cc)
            persons = [a for a in ids if ctx.actors[a].type == "person"]
            if persons and em.trig.family in ("strike", "abduction"):
                _add(em.targets, persons)  # "the Soleimani assassination"
                ids = [a for a in ids if a not in persons]
            _add(em.agents, ids)
        elif c.dep_ in ("nmod", "acl") or c.dep_.startswith("nmod"):
            case = _case(c)
            if case in AGENT_CASES:
                _add(em.agents, _actor_of(ctx, c))
            elif case in TARGET_CASES or (case == "of" and em.trig.family in OF_TARGET_FAMILIES):
                _add(em.targets, _actor_of(ctx, c))
    # "the killing ... in an airstrike", "campaign aimed at destroying Hamas": same-type triggers inside
    for c in n.children:
        if c.i in trig_at and trig_at[c.i].trig.type == em.trig.type and c.dep_ in ("nmod", "obl") \
                and _case(c) in ("in", "by", "with", "during"):
            links.append((n.i, c.i))
        if c.dep_ == "acl":
            for cc in [c, *[x for x in c.children if x.dep_ in ("xcomp", "advcl")]]:
                if cc.i in trig_at and trig_at[cc.i].trig.type == em.trig.type and \
                        not any(x.dep_ in SUBJ for x in cc.children):
                    links.append((n.i, cc.i))
    # light verb: "launched a barrage", "responded with a campaign", "imposed sanctions"
    h = n.head
    if _is_light(ctx, n):
        em.rules.append("light_verb")
        subj = _subject(ctx, h)
        if subj is not None and n.dep_ not in PASSIVE_SUBJ:
            _add(em.agents, _actor_of(ctx, subj))
        for c in h.children:
            if c.dep_ in OBLIQUE and c.i != n.i and _case(c) in TARGET_CASES:
                _add(em.targets, _actor_of(ctx, c))
    # "an airstrike Iran has blamed on Israel"; "blamed the attack on X"
    blamer = None
    if n.dep_ == "acl:relcl" or any(c.dep_ == "acl:relcl" for c in n.children):
        blamer = next((c for c in n.children if c.dep_ == "acl:relcl" and _is(c, ctx.cues.get("blame", ()))), None)
    if blamer is None and n.dep_ in OBJ + PASSIVE_SUBJ and _is(h, ctx.cues.get("blame", ())):
        blamer = h
    if blamer is not None:
        for c in blamer.children:
            if c.dep_ in OBLIQUE and _case(c) in ("on", "to"):
                _add(em.agents, _actor_of(ctx, c))
        em.mode, em.cue = "alleged", _lemma(blamer)
        em.rules.append("blamed_on")
    # "the attack, which Hamas dubbed 'Operation Al-Aqsa Deluge'"
    for c in n.children:
        if c.dep_ == "acl:relcl" and _is(c, ctx.cues.get("naming", ())):
            for cc in c.children:
                if cc.dep_ in ("xcomp", "obj", "obl", "dep") and cc.i > c.i and cc.pos_ in ("PROPN", "NOUN"):
                    em.names.append(_name_extent(cc))
            em.rules.append("named")


def _name_extent(head) -> tuple[int, int]:
    """Token range of the name a naming verb gives ("dubbed “Operation Al-Aqsa Deluge,”"): the head's phrase, up to
    its closing quotation mark when it opens with one, else up to the first comma, so that a clause the parse hung
    under the name ("…,” the group's commander said") is not part of it."""
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    while start < head.i and doc[start].is_punct and not doc[start].is_quote:
        start += 1
    quoted = doc[start].is_quote
    j = start
    while quoted and j < end and doc[j].is_quote:  # the opening mark, doubled in some feeds: "““Operation …”"
        j += 1
    for j in range(j, end):
        if quoted and doc[j].is_quote:
            return start, j + 1
        if not quoted and doc[j].text in (",", ";", ":") and j > head.i:
            return start, j
    return start, end


def _place_of(ctx: _Ctx, tok) -> Optional[Location]:
    aid = ctx.tok_actor.get(tok.i)
    if aid is None:
        return None
    a = ctx.actors[aid]
    if a.type not in ("other", "country"):
        return None
    span = next((m for m in a.mentions if m.start <= tok.idx < m.end), None)
    if span is None:
        return None  # a noun the actor owns, not a place it names: "at US bases" is not in the United States
    name = span.text
    p = ctx.k.place(name) or ctx.k.place(a.name)
    if p is not None:
        return Location(name=name, country=p.country or a.country, lat=p.lat, lon=p.lon, span=span)
    return Location(name=name, country=a.country, span=span)


def _location(ctx: _Ctx, em: _EM, t) -> Optional[Location]:
    """A place under the trigger (or its light verb / governing verb) introduced by in/at/near ..."""
    heads = [t]
    if em.pos == "NOUN" and t.head is not t and t.head.pos_ in ("VERB", "AUX") and not _in_sequence(t):
        heads.append(t.head)  # not "trained in Iran ahead of the assault": the training's place
    best = None
    for h in heads:
        frontier = [(h, 0)]
        while frontier:
            x, d = frontier.pop(0)
            for c in x.children:
                if c.dep_ in CLAUSE_DEPS and x is h and c.dep_ != "conj":
                    continue
                if c.dep_ in OBLIQUE and _case(c) in LOC_CASES:
                    loc = _place_of(ctx, c)
                    if loc is not None and (best is None or (best.lat is None and loc.lat is not None)):
                        best = loc
                if d < 2 and c.dep_ in OBLIQUE + ("compound",):
                    frontier.append((c, d + 1))
    return best
