"""Shared pieces of the event stage: dependency-relation constants, the mention record (``_EM``), the per-document
context (``_Ctx``: actor per token, timex roots, lexicon) and small token helpers."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional, Sequence

from counterclaim.extract.actors import affiliation_depth
from counterclaim.extract.event_triggers import Trigger, load_triggers
from counterclaim.extract.gazetteer import load_knowledge
from counterclaim.model import Actor, Document, Location, Statement, Timex

#: dependency relations by role (UD v2).
SUBJ = ("nsubj",)
PASSIVE_SUBJ = ("nsubj:pass",)
OBJ = ("obj", "iobj")
OBLIQUE = ("obl", "nmod", "obl:arg")
TARGET_CASES = ("on", "against", "at", "into", "upon", "toward", "towards", "through")
OF_TARGET_FAMILIES = ("strike", "attack", "abduction", "campaign")
LOC_CASES = ("in", "at", "near", "inside", "outside", "across", "into", "throughout", "over", "around")
NP_MODIFIERS = ("compound", "flat", "nmod:poss", "amod", "appos", "nmod", "conj")
RELATIVE_PRONOUNS = ("that", "which", "who", "whom")
#: prepositions that place an event nominal before or after the clause's own event ("trained in Iran ahead of
#: the assault", "met in Cairo after the bombing"): the clause's time and place are not the nominal's.
SEQUENCE_CASES = frozenset({"before", "after", "ahead", "since", "until", "till", "following", "prior", "preceding",
                            "pending"})
TIME_VALUE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2}|-Q\d)?")


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


def _in_sequence(tok) -> bool:
    """``tok`` is an oblique introduced by a preposition of sequence (:data:`SEQUENCE_CASES`)."""
    return any(c.dep_ in ("case", "mark") and c.i < tok.i and c.lower_ in SEQUENCE_CASES for c in tok.children)


def _add(lst: list[str], ids: list[str]) -> None:
    for a in ids:
        if a not in lst:
            lst.append(a)
