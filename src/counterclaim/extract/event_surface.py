"""Surface fallbacks for event arguments the parse missed (Riloff-style lexico-syntactic patterns): the actor
before a nominal trigger, prepositional phrases after it, the nearest subject before a verb, word order, and
"blamed on" / "dubbed" / "in X" within a few tokens."""
from __future__ import annotations

from typing import Optional

from counterclaim.extract.event_args import _actor_of, _is_light, _place_of, _truly_passive
from counterclaim.extract.event_base import (
    LOC_CASES, OF_TARGET_FAMILIES, RELATIVE_PRONOUNS, TARGET_CASES, _add, _Ctx, _EM,
)
from counterclaim.extract.event_triggers import NP_GLUE_TEXT, _is, _lemma

#: tokens that may sit between an actor and a nominal trigger in one noun phrase ("Hamas's October attack").
NP_GLUE_POS = ("ADJ", "NOUN", "PROPN", "NUM", "PART")
LINEAR_WINDOW = 12


def _np_prefix_actor(ctx: _Ctx, t) -> Optional[str]:
    """The actor right before a nominal trigger inside its noun phrase: "a US raid", "Hamas's October attack",
    "the coordinated Hamas attack", "Iran's missile barrage" (surface fallback when the parse misses it)."""
    j, steps = t.i - 1, 0
    sent_start = t.sent.start
    while j >= sent_start and steps < 6:
        x = ctx.doc[j]
        if j in ctx.tok_actor:
            return ctx.tok_actor[j]
        if x.pos_ in NP_GLUE_POS or x.text in NP_GLUE_TEXT or x.tag_ in ("VBG", "VBN"):
            j -= 1
            steps += 1
            continue
        return None
    return None


def _first_tok(ctx: _Ctx, aid: str, t) -> Optional[int]:
    """The nearest token of actor ``aid`` in the trigger's sentence."""
    toks = [j for j in range(t.sent.start, t.sent.end) if ctx.tok_actor.get(j) == aid]
    return min(toks, key=lambda j: abs(j - t.i)) if toks else None


def _pp_scan(ctx: _Ctx, t, cases: tuple[str, ...], places: bool = False) -> list[str]:
    """Actors in the prepositional phrases right after token ``t`` introduced by ``cases`` (surface scan,
    stopping at a verb, a clause boundary or punctuation)."""
    doc = ctx.doc
    out: list[str] = []
    j, end = t.i + 1, min(len(doc), t.i + 1 + LINEAR_WINDOW)
    active = False
    while j < end:
        x = doc[j]
        if x.is_punct and x.text not in NP_GLUE_TEXT or x.pos_ in ("VERB", "AUX", "SCONJ") or "\n" in x.text or \
                x.lower_ in RELATIVE_PRONOUNS:
            break
        if x.pos_ == "ADP" or x.dep_ == "case":
            active = x.lower_ in cases
        elif active and j in ctx.tok_actor:
            aid = ctx.tok_actor[j]
            typ = ctx.actors[aid].type
            if places:
                k = j
                while k + 1 < len(doc) and ctx.tok_actor.get(k + 1) == aid:
                    k += 1
                if k + 1 < len(doc) and doc[k + 1].pos_ in ("NOUN", "PROPN", "AUX", "VERB") and \
                        doc[k + 1].i not in ctx.tok_actor:
                    j = k + 1
                    continue
            if places == (typ in ("other", "country")) or (not places and typ == "country"):
                _add(out, [aid])
        j += 1
    persons = [a for a in out if ctx.actors[a].type == "person"]
    return persons or out


def _linear_subject(ctx: _Ctx, v) -> Optional[str]:
    """Nearest actor before the verb in its sentence that is not inside a prepositional phrase or a possessive."""
    doc = ctx.doc
    j = v.i - 1
    while j >= v.sent.start:
        x = doc[j]
        if x.text == ",":
            # skip a parenthetical relative clause: "Mousavi, who was close to Soleimani, was killed"
            k = j - 1
            while k > v.sent.start and doc[k].text != ",":
                k -= 1
            if k > v.sent.start and doc[k + 1].lower_ in RELATIVE_PRONOUNS:
                j = k - 1
                continue
        if x.text in (":", ";") or x.lower_ in RELATIVE_PRONOUNS:
            return None
        if x.dep_ in ("nsubj", "nsubj:pass") and j not in ctx.tok_actor:
            # "thousands of Hamas-led terrorists": an actor inside the subject phrase
            ids = _actor_of(ctx, x)
            if not ids:
                for k in range(x.left_edge.i, min(x.right_edge.i + 1, x.i + 8)):
                    if k in ctx.tok_actor and ctx.actors[ctx.tok_actor[k]].type != "other":
                        ids = [ctx.tok_actor[k]]
                        break
            return ids[0] if ids else None
        if x.pos_ == "VERB" and x.dep_ != "amod" and not (v.dep_ == "conj" and x.i == v.head.i) and \
                x not in list(v.ancestors):
            return None
        if j in ctx.tok_actor:
            aid = ctx.tok_actor[j]
            k = j
            while k > v.sent.start and doc[k - 1].i in ctx.tok_actor and ctx.tok_actor[doc[k - 1].i] == aid:
                k -= 1
            prev = doc[k - 1] if k > v.sent.start else None
            nxt = doc[j + 1] if j + 1 < len(doc) else None
            while prev is not None and prev.pos_ in ("DET", "ADJ") and prev.i > v.sent.start:
                prev = doc[prev.i - 1]
            in_pp = prev is not None and prev.pos_ == "ADP"
            poss = nxt is not None and nxt.text in ("'s", "’s")
            if not in_pp and not poss and ctx.actors[aid].type not in ("other",):
                return aid
            j = k - 1
            continue
        j -= 1
    return None


def _modifies_noun(v) -> bool:
    """An active participle modifying a noun ("the dangers threatening the mosque"): its subject is that noun,
    even when the noun names no actor, so the nearest clause subject is not its agent."""
    return v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN")


def _surface(ctx: _Ctx, em: _EM, t) -> None:
    """Surface fallbacks for what the parse missed (Riloff-style lexico-syntactic patterns)."""
    doc = ctx.doc
    if em.pos == "NOUN":
        pre = _np_prefix_actor(ctx, t)
        if pre is not None and pre not in em.agents + em.targets:
            if ctx.actors[pre].type == "person" and em.trig.family in ("strike", "abduction"):
                em.targets.append(pre)
            elif ctx.actors[pre].type != "other":
                em.agents.insert(0, pre)
            em.rules.append("np_prefix")
        if em.trig.family in ("strike", "abduction"):
            persons = [a for a in _pp_scan(ctx, t, ("of",)) if ctx.actors[a].type == "person"]
            if persons:
                chains = set()
                for a in persons:
                    cur = ctx.actors[a].affiliation
                    while cur and cur in ctx.actors and cur not in chains:
                        chains.add(cur)
                        cur = ctx.actors[cur].affiliation
                em.targets[:] = persons + [a for a in em.targets if a not in persons and a not in chains]
        if not em.targets:
            cases = TARGET_CASES + (("of",) if em.trig.family in OF_TARGET_FAMILIES else ())
            got = [a for a in _pp_scan(ctx, t, cases) if a not in em.agents]
            if got:
                _add(em.targets, got)
                em.rules.append("pp_target")
        h = t.head if _is_light(ctx, t) else t
        if not em.agents and not _is_light(ctx, t):
            j = t.i - 1
            while j > t.sent.start and t.i - j <= 4 and doc[j].pos_ in ("DET", "ADJ", "NUM", "NOUN"):
                j -= 1
            if doc[j].pos_ == "VERB" and _is(doc[j], ctx.cues.get("light", ())):
                h = doc[j]
        if not em.agents and h is not t and _is(h, ctx.cues.get("light", ())):
            subj = _linear_subject(ctx, h)
            if subj and subj not in em.targets:
                em.agents.append(subj)
                em.rules.append("light_verb_subject")
        # "an airstrike Iran has blamed on Israel"
        if em.mode == "asserted":
            for j in range(t.i + 1, min(t.sent.end, t.i + 7)):
                if _is(doc[j], ctx.cues.get("blame", ())) and doc[j].pos_ == "VERB":
                    got = _pp_scan(ctx, doc[j], ("on", "to"))
                    if got:
                        em.agents[:] = [a for a in got] + [a for a in em.agents if a not in got]
                        em.mode, em.cue = "alleged", _lemma(doc[j])
                        em.rules.append("blamed_on")
                    break
        # "the attack, which Hamas dubbed "Operation Al-Aqsa Deluge""
        if not em.names:
            for j in range(t.i + 1, min(t.sent.end, t.i + 8)):
                if _is(doc[j], ctx.cues.get("naming", ())) and doc[j].pos_ == "VERB":
                    k = j + 1
                    while k < t.sent.end and (doc[k].is_quote or doc[k].is_punct) and doc[k].text not in (",", "."):
                        k += 1
                    e = k
                    while e < t.sent.end and (doc[e].text[:1].isupper() or doc[e].text in ("-", "–")):
                        e += 1
                    if e > k:
                        em.names.append((k, e))
                        em.rules.append("named")
                    break
    else:
        passive = _truly_passive(t)
        if not passive:
            before = [a for a in em.targets if _first_tok(ctx, a, t) is not None and _first_tok(ctx, a, t) < t.i]
            if before and not em.agents:
                em.agents.extend(before)
                em.rules.append("svo_order")
            em.targets[:] = [a for a in em.targets if a not in before]
        elif not em.targets:
            subj = _linear_subject(ctx, t)
            if subj:
                em.targets.append(subj)
                em.rules.append("linear_passive_subject")
        if not em.agents and not passive and not _modifies_noun(t):
            subj = _linear_subject(ctx, t)
            if subj and subj not in em.targets:
                em.agents.append(subj)
                em.rules.append("linear_subject")
        if not em.targets:
            j = t.i + 1
            while j < t.sent.end and doc[j].pos_ in ("DET", "ADJ", "ADV"):
                j += 1
            if j < t.sent.end and j in ctx.tok_actor and ctx.tok_actor[j] not in em.agents:
                em.targets.append(ctx.tok_actor[j])
                em.rules.append("linear_object")
            else:
                got = [a for a in _pp_scan(ctx, t, TARGET_CASES) if a not in em.agents]
                if got:
                    _add(em.targets, got)
                    em.rules.append("pp_target")
    if em.location is None:
        cands = _pp_scan(ctx, t, LOC_CASES, places=True)
        cands = [a for a in cands if a not in em.targets] or cands
        for aid in cands:
            a = ctx.actors[aid]
            tok = next((j for j in range(t.i + 1, min(t.sent.end, t.i + 1 + LINEAR_WINDOW))
                        if ctx.tok_actor.get(j) == aid), None)
            if tok is not None:
                em.location = _place_of(ctx, doc[tok])
                em.rules.append("pp_location")
                break
