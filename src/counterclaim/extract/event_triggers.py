"""Event triggers: the PLOVER trigger lexicon and cue words (``data/event_triggers*.tsv``) and the token tests
that decide whether a word is a trigger (lemma and de-inflected forms, a verb used as a noun, a "by"-gerund)."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from counterclaim.extract.gazetteer import data_lines

#: tokens that may sit between an actor and a nominal trigger in one noun phrase ("Hamas's October attack").
NP_GLUE_TEXT = ("'s", "’s", "'", "’", "-", "–", "“", "”", '"')


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


# --------------------------------------------------------------------------- token forms


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


def _by_action(doc, t) -> bool:
    """Is the trigger (or the verb it is the object of) a "by"-gerund: "responded by launching a barrage"?"""
    j = t.i - 1
    while j > t.sent.start and t.i - j <= 4 and doc[j].pos_ in ("DET", "ADJ", "NUM", "NOUN"):
        j -= 1
    v = doc[j] if doc[j].tag_ == "VBG" else t if t.tag_ == "VBG" else None
    return v is not None and v.i > 0 and doc[v.i - 1].lower_ == "by"
