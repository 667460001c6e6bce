"""Actors: every person, organisation, country, group and media outlet an article mentions, clustered.

``extract_actors(doc, document)`` finds mentions (NER entities PERSON/ORG/GPE/LOC/NORP plus longest-match
lookups in the shipped Phoenix/PETRARCH actor dictionary), cleans them (determiners, possessives and
titles such as "Brig. Gen." stripped), reads roles and affiliations off the noun phrase around them
("IRGC spokesman Ramazan Sharif", "Iran's Islamic Revolutionary Guard Corps", "Hamas's military commander
Muhammad Deif"), turns demonyms and capitals that stand for a state into that state ("Iranian officials",
"Tehran responded"), and clusters the mentions into actors with a canonical name and aliases.

Design choices (documented here because readers of the output rely on them):

* "Iranian officials" / "US soldiers" (a demonym or country followed by an agent noun from the Phoenix agent
  dictionary) become a *group* actor named as written, with ``role`` the agent phrase, ``country`` the state
  and ``affiliation`` the state's actor: speakers quoted as "Iranian officials" are not the state itself,
  but the chain ("Iranian officials", "Iran") keeps the link.
* A bare demonym adjective ("the Iranian claim", "top Iranian commander") is a mention of the country.
* A capital stands for its state only where it acts: subject, possessor or agent ("Tehran responded",
  "Tehran's efforts"); elsewhere it is a place (type ``other``, with its country).
* Clustering: same dictionary entry (when the surface forms are compatible), same normalised name,
  acronym = initials ("IRGC" ~ "Islamic Revolutionary Guard Corps"), a shorter organisation name inside a
  longer one ("Revolutionary Guard"), a surname or trailing part of a person's name ("Mousavi" ~ "Razi
  Mousavi", the nearest preceding match wins), one actor per country.

Heuristics follow event-data actor coding (Schrodt, "CAMEO Conflict and Mediation Event Observations
Codebook", 2012; the PETRARCH2 coder, Norris, Schrodt & Beieler 2017) and the name-matching practice of
within-document entity clustering (Bagga & Baldwin 1998).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Optional

from counterclaim.extract.gazetteer import Entry, Knowledge, key, load_knowledge
from counterclaim.model import Actor, Document, Span, make_id

__all__ = ["extract_actors", "actor_at", "affiliation_chain", "ACTOR_LABELS"]

#: NER labels that name actors or places.
ACTOR_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP")
#: dependency relations in which a place acts (capital metonymy: "Tehran responded").
ACTING_DEPS = ("nsubj", "nsubj:pass", "nmod:poss", "obl:agent", "poss")
#: tokens removed from the edges of a mention.
POSSESSIVE = ("'s", "’s", "'", "’")
EDGE_WORDS = ("the", "a", "an")
TRAILING_WORDS = ("of", "and", "the")
#: words skipped when making initials ("Islamic Revolutionary Guard Corps" -> IRGC).
INITIALS_SKIP = ("of", "the", "and", "for", "in", "on", "&", "al", "el")
#: type priority when two sources disagree; "most specific" for :func:`actor_at` uses chain depth first.
TYPE_RANK = {"person": 5, "media": 4, "organization": 3, "group": 2, "country": 1, "other": 0}
ORGLIKE = ("organization", "group", "media")
MAX_AGENT_WORDS = 4
#: paragraphs whose names are not the article's actors.
SKIP_ROLES = ("boilerplate", "byline")
#: capitalised words at the start of a sentence that the NER or the proper-noun fallback can take for names
NOT_NAMES = frozenset({"however", "meanwhile", "moreover", "furthermore", "nevertheless", "nonetheless",
                       "instead", "still", "yet", "thus", "therefore", "hence", "indeed", "also", "besides",
                       "otherwise", "then", "now", "today", "yesterday", "later", "earlier", "finally",
                       "additionally", "separately", "similarly", "likewise", "overall", "file"})
HYPHENS = ("-", "‐", "–")
#: lower-case particles inside names ("Abu Mahdi al-Muhandis").
PRONOUN_WORDS = ("he", "she", "it", "they", "his", "her", "its", "their", "we", "our", "i", "you", "him", "them")
#: words that make the persons after them members of the group before them.
MEMBER_WORDS = ("including", "among", "like")
NAME_PARTICLES = ("al", "el", "bin", "ibn", "abu", "bint", "ben", "van", "von", "de", "da", "di")


@dataclass
class _M:
    """A mention under construction (token range [s, e) into the Doc)."""

    s: int
    e: int
    text: str
    kind: str
    rule: str
    country: Optional[str] = None
    entry: Optional[Entry] = None
    role: Optional[str] = None
    affil: Optional["_M"] = None
    affil_country: Optional[str] = None
    sector: Optional[str] = None
    cluster: int = -1
    start: int = 0
    end: int = 0
    extra: dict = field(default_factory=dict)


# --------------------------------------------------------------------------- helpers


def _cap(tok) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit()


def _tokens_key(doc, s: int, e: int) -> str:
    return key(" ".join(t.text for t in doc[s:e]))


def _phrase_at(doc, i: int, table: dict, max_words: int = 3, forward: bool = True) -> int:
    """Length (in tokens) of the longest phrase of ``table`` starting (or ending) at token ``i``; 0 if none."""
    for n in range(max_words, 0, -1):
        s, e = (i, i + n) if forward else (i - n + 1, i + 1)
        if s < 0 or e > len(doc):
            continue
        if _tokens_key(doc, s, e) in table:
            return n
    return 0


def _initials(text: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", text) if w and w.lower() not in INITIALS_SKIP]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def _is_acronym(text: str) -> bool:
    bare = text.replace(".", "")
    return 2 <= len(bare) <= 6 and bare.isupper() and bare.isalpha()


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9\-]+", key(text)) if w not in INITIALS_SKIP and len(w) > 2}


def _similar(a: str, b: str) -> bool:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, key(a), key(b)).ratio() >= 0.75


# --------------------------------------------------------------------------- mentions


def _trim(doc, s: int, e: int) -> tuple[int, int]:
    while e > s and (doc[e - 1].text in POSSESSIVE or doc[e - 1].is_punct or doc[e - 1].lower_ in TRAILING_WORDS):
        e -= 1
    while s < e and (doc[s].lower_ in EDGE_WORDS or doc[s].is_punct):
        s += 1
    return s, e


def _strip_titles(doc, s: int, e: int, k: Knowledge) -> tuple[int, list[str], Optional[tuple[int, int]]]:
    """Strip leading titles/roles from a person span; return (new start, role words, prefix actor range)."""
    roles: list[str] = []
    last_agent = -1
    i = s
    while i < e - 1:
        n = _phrase_at(doc, i, k.titles) or _phrase_at(doc, i, k.agents)
        if n and i + n < e:
            last_agent = i + n
            i += n
            continue
        i += 1
    if last_agent < 0:
        return s, roles, None
    prefix = None
    i = s
    first_agent = None
    while i < last_agent:
        n = _phrase_at(doc, i, k.titles) or _phrase_at(doc, i, k.agents)
        if n:
            first_agent = i if first_agent is None else first_agent
            phrase = _tokens_key(doc, i, i + n)
            kind = k.titles.get(phrase, ("role", ""))[0]
            if kind == "role":
                roles.append(doc[i:i + n].text)
            i += n
        else:
            i += 1
    if first_agent is not None and first_agent > s:
        ps, pe = _trim(doc, s, first_agent)
        if pe > ps and _cap(doc[ps]):
            prefix = (ps, pe)
    if not any(_cap(t) for t in doc[last_agent:e]):
        return s, [], None
    return last_agent, roles, prefix


def _dict_candidates(doc, k: Knowledge) -> list[tuple[int, int, Entry]]:
    out = []
    n_tok = len(doc)
    for i in range(n_tok):
        if not _cap(doc[i]) or doc[i].is_punct:
            continue
        for n in range(min(k.max_words, n_tok - i), 0, -1):
            last = doc[i + n - 1]
            if last.is_punct and n > 1:
                continue
            kk = _tokens_key(doc, i, i + n)
            entry = k.entries.get(kk)
            if entry is None:
                continue
            toks = doc[i:i + n]
            if n == 1 and not (doc[i].pos_ in ("PROPN", "ADJ") or doc[i].is_upper or not doc[i].pos_):
                continue
            if not all(_cap(t) or t.lower_ in INITIALS_SKIP or t.is_punct for t in toks):
                continue
            out.append((i, i + n, entry))
            break
    return out


def _classify(doc, m: _M, label: str, k: Knowledge) -> Optional[_M]:
    """Type, country and entry of a mention from its label and the knowledge; None if it names no actor."""
    text = m.text
    entry = k.lookup(text)
    dem = k.demonym(text)
    if dem is None and text.endswith(("'s", "’s")):
        dem = None
    if label == "NORP" or (entry is None and dem) or (dem and entry and entry.type == "country" and label != "GPE"):
        if dem:
            iso3, plural = dem
            if plural:
                m.kind, m.country, m.affil_country, m.rule = "group", iso3, iso3, "demonym_plural"
            else:
                m.kind, m.country, m.rule = "country", iso3, "demonym"
            return m
        if key(text) in k.group_demonyms:
            if k.group_demonyms[key(text)]:
                m.kind, m.rule = "group", "group_demonym"
                return m
            return None
        if entry is None:
            return None
    if entry is not None and entry.type == "person" and label in ("GPE", "LOC", "ORG", "NORP"):
        entry = None  # the NER's reading of a non-person beats a same-named person in the dictionary
    if entry is not None and entry.type in ORGLIKE and label in ("GPE", "LOC") and \
            (k.place(text) is not None or k.name_type(text) == "place"):
        m.kind, m.country, m.rule = "other", entry.country, m.rule + "+place"  # "Gaza Strip": a place
        return m
    if entry is not None:
        m.entry = entry
        m.country = entry.country
        m.kind = entry.type
        if label == "PERSON" and entry.type in ORGLIKE and key(text) != entry.key and len(text.split()) >= 2:
            m.kind, m.entry = "person", None  # a person listed under a group's block (Phoenix lists leaders so)
            m.affil_country = None
        if m.kind == "country":
            place = k.place(text)
            if place is not None and place.kind == "city":
                m.kind, m.rule = "other", m.rule + "+place"
        return m
    place = k.place(text) if label in ("GPE", "LOC", "DICT") else None
    if label in ("GPE", "LOC") or place is not None:
        if place is not None and place.kind == "country":
            m.kind, m.country = "country", place.country
        else:
            m.kind, m.country = "other", place.country if place else None
        return m
    if label == "PERSON":
        m.kind = "person"
        return m
    if label == "ORG":
        m.kind = "organization"
        return m
    return None


def _skip_paragraph(document: Document, offset: int) -> bool:
    return document.role_at(offset) in SKIP_ROLES


def _credit_spans(document: Document) -> list[tuple[int, int]]:
    """Photo credits and "FILE –" marks of the caption paragraphs: not where actors are named."""
    from counterclaim.ingest.text import caption_credit_spans

    out: list[tuple[int, int]] = []
    for p in document.paragraphs:
        if p.role == "caption":
            out += caption_credit_spans(document.text, p.start, p.end)
    return out


def _in_other_ent(doc, i: int, ent) -> bool:
    t = doc[i]
    return bool(t.ent_type_) and not (ent.start <= i < ent.end)


def _extend(doc, s: int, e: int, label: str, k: Knowledge) -> tuple[int, int]:
    """Grow an entity over the proper nouns it cuts off: "Razi" + "Mousavi", "Revolutionary Guard" + "Corps",
    "Hossein Amir" + "-Abdollahian", "Qassem" + "Soleimani" (tagged LOC on its own)."""
    n = len(doc)
    j = e
    while j < n and not (doc[j].is_sent_start and (doc[j - 1].is_punct or doc[j - 1].whitespace_ != " ")):
        t = doc[j]
        if doc[j - 1].whitespace_ == "" and t.text in HYPHENS and j + 1 < n and _cap(doc[j + 1]) and not t.whitespace_:
            j += 2
            continue
        if t.lower_ in NAME_PARTICLES and j + 1 < n and (doc[j + 1].text in HYPHENS or _cap(doc[j + 1])):
            j += 1
            continue
        name_like = t.pos_ == "PROPN" or (label == "PERSON" and t.is_alpha and not _phrase_at(doc, j, k.titles, 1)
                                           and not _phrase_at(doc, j, k.agents, 1) and not k.lookup(t.text))
        if _cap(t) and name_like and t.text not in POSSESSIVE:
            if t.ent_type_ and t.ent_iob_ == "B":
                other = next((x for x in doc.ents if x.start == j), None)
                if other is None or label != "PERSON" or other.label_ in ("DATE", "TIME") or len(other) > 1 \
                        or k.place(other.text) or k.lookup(other.text):
                    break
            elif t.ent_type_:
                break
            j += 1
            continue
        break
    i = s
    if label in ("ORG",):
        while i > 0 and not doc[i].is_sent_start:
            t = doc[i - 1]
            if t.ent_type_ or not _cap(t) or t.pos_ not in ("PROPN", "ADJ") or t.text in POSSESSIVE:
                break
            if _phrase_at(doc, i - 1, k.titles, 1):
                break
            i -= 1
    return i, j


def _propn_runs(doc, taken: list[bool]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised proper nouns outside entities (names the NER missed)."""
    out, i, n = [], 0, len(doc)
    while i < n:
        t = doc[i]
        if taken[i] or t.ent_type_ or not (_cap(t) and t.pos_ == "PROPN"):
            i += 1
            continue
        j = i + 1
        while j < n and not taken[j] and not doc[j].ent_type_ and not doc[j].is_sent_start:
            u = doc[j]
            if _cap(u) and u.pos_ == "PROPN":
                j += 1
            elif u.text in HYPHENS and not doc[j - 1].whitespace_ and j + 1 < n and _cap(doc[j + 1]):
                j += 2
            elif u.lower_ == "of" and j + 1 < n and _cap(doc[j + 1]) and doc[j + 1].pos_ == "PROPN":
                j += 1
            else:
                break
        out.append((i, j))
        i = j
    return out


def _mentions(doc, document: Document, k: Knowledge) -> list[_M]:
    cands: list[tuple[int, int, str, str, tuple[str, ...]]] = []  # s, e, label, rule, roles
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS or _skip_paragraph(document, ent.start_char):
            continue
        s, e = _extend(doc, ent.start, ent.end, ent.label_, k)
        s, e = _trim(doc, s, e)
        s = _strip_leading_titles(doc, s, e, k) if ent.label_ != "PERSON" else s
        if e <= s:
            continue
        roles: tuple[str, ...] = ()
        if ent.label_ == "PERSON":
            s2, rl, prefix = _strip_titles(doc, s, e, k)
            if prefix:
                lab = "DICT" if k.lookup(doc[prefix[0]:prefix[1]].text) or k.demonym(doc[prefix[0]:prefix[1]].text) else "ORG"
                cands.append((prefix[0], prefix[1], lab, "ner_split", ()))
            s, roles = s2, tuple(rl)
            s = _strip_leading_titles(doc, s, e, k)
            if e <= s:
                continue
        cands.append((s, e, ent.label_, "ner", roles))
    for s, e, _entry in _dict_candidates(doc, k):
        s, e = _trim(doc, s, e)
        if e > s and not _skip_paragraph(document, doc[s].idx):
            cands.append((s, e, "DICT", "dict", ()))
    # longest first; at equal length NER before dictionary
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[3] not in ("ner", "ner_split"), c[0]))
    taken = [False] * len(doc)
    out: list[_M] = []

    credits = _credit_spans(document)

    def add(s: int, e: int, label: str, rule: str, roles: tuple[str, ...]) -> None:
        if all(t.pos_ == "PRON" or t.lower_ in PRONOUN_WORDS for t in doc[s:e]):
            return  # "His", "They" tagged as names
        if e - s == 1 and doc[s].lower_ in NOT_NAMES:
            return  # "However," at the start of a sentence tagged as a name
        if any(cs <= doc[s].idx < ce for cs, ce in credits):
            return  # "(Atta Kenare/AFP)", "FILE –"
        m = _M(s, e, doc[s:e].text, "other", rule)
        m.start, m.end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
        if roles:
            m.role = " ".join(roles)
        ner_label = label
        if rule == "dict":
            # a dictionary match inside an NER entity keeps the entity's label
            ner_label = next((x.label_ for x in doc.ents if x.start <= s and e <= x.end), "DICT")
        got = _classify(doc, m, ner_label, k)
        if got is None:
            return
        if got.entry is None or got.entry.type in ORGLIKE:
            nt = k.name_type(got.text)
            if nt == "place" and got.entry is None:
                got.kind = "other"
            elif nt == "media" and got.kind in ("organization", "person", "other") and got.entry is None:
                got.kind = "media"
            elif nt == "organization" and got.kind in ("person", "other") and got.entry is None:
                got.kind = "organization"
        if got.kind in ORGLIKE and got.entry is None:
            _inherit_partial(doc, got, k)
        for i in range(s, e):
            taken[i] = True
        out.append(got)

    for s, e, label, rule, roles in cands:
        if not any(taken[s:e]):
            add(s, e, label, rule, roles)
    # proper-noun runs the NER missed, typed by their words or by a title before them
    for s, e in _propn_runs(doc, taken):
        if _skip_paragraph(document, doc[s].idx):
            continue
        s, e = _trim(doc, s, e)
        s = _strip_leading_titles(doc, s, e, k)
        if e <= s:
            continue
        text = doc[s:e].text
        nt = k.name_type(text)
        titled = s > 0 and (_phrase_at(doc, s - 1, k.titles, 3, forward=False) or
                            _phrase_at(doc, s - 1, k.agents, MAX_AGENT_WORDS, forward=False))
        if nt in ("media", "organization"):
            add(s, e, "ORG", "propn", ())
        elif nt == "place":
            add(s, e, "LOC", "propn", ())
        elif titled and e - s >= 2:
            add(s, e, "PERSON", "propn", ())
        elif k.lookup(text) is None and k.place(text) is None:
            add(s, e, "PERSON", "propn_name", ())  # kept only if it names a person found elsewhere
    out.sort(key=lambda m: m.s)
    return out


def _strip_leading_titles(doc, s: int, e: int, k: Knowledge) -> int:
    """Drop leading ranks and honorifics ("Brig. Gen.") from a span; a span of titles only becomes empty."""
    while s < e:
        n = _phrase_at(doc, s, k.titles, 3)
        if n and k.titles.get(_tokens_key(doc, s, s + n), ("",))[0] in ("title", "modifier") and (s + n < e or e - s == n):
            s += n
            continue
        break
    return s


def _inherit_partial(doc, m: _M, k: Knowledge) -> None:
    """An unknown organisation name containing a known one over half its words inherits its code."""
    n = m.e - m.s
    for length in range(n - 1, 0, -1):
        if length * 2 < n:
            break
        for i in range(m.s, m.e - length + 1):
            entry = k.entries.get(_tokens_key(doc, i, i + length))
            if entry is not None and entry.type in ORGLIKE:
                m.country = m.country or entry.country
                m.extra["partial"] = entry
                if entry.type != "organization" and m.kind == "organization":
                    m.kind = entry.type
                m.rule += "+dict_partial"
                return


# --------------------------------------------------------------------------- roles and groups


def _agent_after(doc, i: int, k: Knowledge) -> int:
    """Length of an agent phrase starting at token i (lower-case words only: "officials", "military commander")."""
    if i >= len(doc) or doc[i].text[:1].isupper():
        return 0
    return _phrase_at(doc, i, k.agents, MAX_AGENT_WORDS)


def _groups_and_roles(doc, ms: list[_M], k: Knowledge) -> list[_M]:
    at = {}
    for m in ms:
        for i in range(m.s, m.e):
            at[i] = m
    new: list[_M] = []
    for m in ms:
        if m.kind not in ("country", "group", *ORGLIKE):
            continue
        j = m.e
        if j < len(doc) and doc[j].text in POSSESSIVE:
            j += 1
        while j < len(doc) and doc[j].lower_ in ("top", "senior", "former", "state-owned", "elite"):
            j += 1
        n = _agent_after(doc, j, k)
        if not n or any(i in at for i in range(j, j + n)):
            continue
        nxt = j + n
        if nxt < len(doc) and doc[nxt].pos_ in ("NOUN", "PROPN") and nxt not in at:
            continue  # the agent word is a modifier ("terrorist rulers"), not the head
        if nxt < len(doc) and nxt in at and at[nxt].kind == "person":
            continue  # a role before a name: handled below
        phrase = doc[j:j + n].text
        s = m.s
        g = _M(s, nxt, doc[s:nxt].text, "group", "agent_group")
        g.start, g.end = doc[s].idx, doc[nxt - 1].idx + len(doc[nxt - 1].text)
        g.role = phrase
        g.sector = k.agents.get(key(phrase))
        g.country = m.country
        if m.kind == "country":
            g.affil_country = m.country
        else:
            g.affil = m
        if not doc[j + n - 1].tag_.endswith("S") and not key(phrase).endswith("s") and m.kind != "country":
            g.kind = "person"
        new.append(g)
    # a group replaces the mention it grew from when that mention is a bare demonym
    grown = {id(g.affil) for g in new if g.affil is not None}
    drop = set()
    for g in new:
        for m in ms:
            if m.s == g.s and m.kind == "country" and m.rule == "demonym":
                drop.add(id(m))
    ms = [m for m in ms if id(m) not in drop] + new
    ms.sort(key=lambda m: (m.s, -m.e))
    del grown
    # roles and affiliations of persons from the words before them
    at = {}
    for m in ms:
        for i in range(m.s, m.e):
            at.setdefault(i, m)
    for m in ms:
        if m.kind != "person" or m.rule == "agent_group":
            continue
        roles: list[str] = []
        affil: Optional[_M] = None
        i = m.s - 1
        while i >= 0:
            tok = doc[i]
            if i in at and at[i] is not m:
                other = at[i]
                if other.kind in ("country", *ORGLIKE, "group") and other.rule != "agent_group":
                    affil = affil or other
                    i = other.s - 1
                    continue
                break
            n = _phrase_at(doc, i, k.agents, MAX_AGENT_WORDS, forward=False) or \
                _phrase_at(doc, i, k.titles, 3, forward=False)
            if n and not tok.text[:1].isupper() or (n and key(doc[i - n + 1:i + 1].text) in k.titles):
                phrase = doc[i - n + 1:i + 1].text
                if k.titles.get(key(phrase), ("role",))[0] == "role":
                    roles.insert(0, phrase)
                i -= n
                continue
            if tok.text in POSSESSIVE or tok.lower_ in ("top", "senior", "former", "late", "then", "military", "the"):
                i -= 1
                continue
            break
        if affil is None:
            affil = _member_of(doc, m, at, k)
        if roles and not m.role:
            m.role = " ".join(roles)
        if affil is not None:
            if affil.kind == "country":
                m.affil_country = affil.country
            else:
                m.affil = affil
    # organisations: "Iran's X", "Iranian X", "IRGC Quds Force" (adjacent), "X of Y"
    for m in ms:
        if m.kind not in ORGLIKE or m.affil is not None or m.affil_country:
            continue
        i = m.s - 1
        if i >= 0 and doc[i].text in POSSESSIVE:
            i -= 1
        if i >= 0 and i in at and at[i] is not m and at[i].kind in ("country", *ORGLIKE):
            left = at[i]
            if left.kind == "country":
                m.affil_country = left.country
            elif left.rule != "agent_group":
                m.affil = left
            continue
        j = m.e
        if j + 1 < len(doc) and doc[j].lower_ == "of":
            j += 1
            if j in at and at[j].kind == "country" and at[j].e < len(doc) and doc[at[j].e].text in POSSESSIVE:
                j = at[j].e + 1
            if j in at and at[j].kind in ORGLIKE:
                m.affil = at[j]
    return ms


def _member_of(doc, m: _M, at: dict, k: Knowledge) -> Optional[_M]:
    """"Iranian officials, including President Ebrahim Raisi and ..." -> the person belongs to the group."""
    i = m.s - 1
    while i >= 0 and m.s - i < 40:
        tok = doc[i]
        if i in at and at[i] is not m:
            if at[i].kind == "person":
                i = at[i].s - 1
                continue
            return None
        if tok.lower_ in MEMBER_WORDS:
            j = i - 1
            if j >= 0 and doc[j].text == ",":
                j -= 1
            return at.get(j) if j in at and at[j].kind in ("group", *ORGLIKE) else None
        n = _phrase_at(doc, i, k.titles, 3, forward=False) or _phrase_at(doc, i, k.agents, 3, forward=False)
        if n:
            i -= n
            continue
        if tok.lower_ in ("and", ",", "as", "such"):
            i -= 1
            continue
        return None
    return None


def _metonymy(doc, ms: list[_M], k: Knowledge) -> None:
    """A capital that acts (subject, possessor) stands for its state, unless a person of the article
    bears its name ("Valeska Paris ... Paris claims"): then it is that person."""
    surnames = {m.text.split()[-1] for m in ms if m.kind == "person" and len(m.text.split()) > 1}
    for m in ms:
        if m.kind != "other":
            continue
        if m.text in surnames:
            m.kind, m.country, m.rule = "person", None, m.rule + "+surname"
            continue
        place = k.place(m.text)
        if place is None or not place.capital or not place.country:
            continue
        head = doc[m.s:m.e].root
        poss = m.e < len(doc) and doc[m.e].text in POSSESSIVE
        if head.dep_ in ACTING_DEPS or poss:
            m.kind, m.country, m.rule = "country", place.country, m.rule + "+capital_metonymy"


# --------------------------------------------------------------------------- clustering


def _compatible_kinds(a: str, b: str) -> bool:
    if a == b:
        return True
    return a in ORGLIKE and b in ORGLIKE


def _same(m: _M, c: dict) -> bool:
    if not _compatible_kinds(m.kind, c["kind"]):
        return False
    if m.kind == "country":
        return m.country is not None and m.country == c["country"]
    mk = key(m.text)
    if mk in c["keys"]:
        return True
    m_cw, m_init = _content_words(m.text), _initials(m.text)
    m_bare = m.text.replace(".", "").upper()
    if m.entry is not None and any(x is m.entry for x in c["entries"]):
        for t, cw, init in c["forms"]:
            if cw & m_cw or init == m_bare or m_init == t.replace(".", "").upper() or _similar(t, m.text):
                return True
    if m.kind == "person" or (m.kind == "other" and c["kind"] == "person"):
        words = mk.split()
        for t in c["keys"]:
            tw = t.split()
            if len(words) < len(tw) and tw[-len(words):] == words:
                return True
        return False
    if m.kind in ORGLIKE:
        acro = _is_acronym(m.text)
        mw = mk.split()
        for t, cw, init in c["forms"]:
            if acro and init == m_bare and len(t.split()) > 1:
                return True
            if _is_acronym(t) and m_init == t.replace(".", "").upper() and len(mw) > 1:
                return True
            tw = key(t).split()
            if 1 < len(mw) < len(tw) and any(tw[i:i + len(mw)] == mw for i in range(len(tw) - len(mw) + 1)):
                return True
    return False


def _cluster(ms: list[_M], k: Knowledge) -> list[dict]:
    clusters: list[dict] = []
    order = sorted(range(len(ms)), key=lambda i: (-len(ms[i].text.split()), ms[i].kind != "person", ms[i].s))
    for i in order:
        m = ms[i]
        if m.rule == "propn_name":
            matches = [c for c in clusters if c["kind"] == "person" and _same(m, c)]
            if matches:
                _join(min(matches, key=lambda c: min(abs(x.s - m.s) for x in c["members"])), m, clusters)
            continue
        if m.kind == "other" and k.place(m.text) is None:
            # an unknown "place" may be a surname the NER mistook ("Soleimani" as LOC)
            pass
        elif m.kind == "other":
            m_cands = [c for c in clusters if c["kind"] == "other" and key(m.text) in c["keys"]]
            c = m_cands[0] if m_cands else None
            if c is None:
                c = _new_cluster(m)
                clusters.append(c)
            _join(c, m, clusters)
            continue
        matches = [c for c in clusters if _same(m, c)]
        if m.kind == "other" and not matches:
            matches = [c for c in clusters if c["kind"] == "person" and _same(_as_person(m), c)]
        if matches:
            # nearest preceding mention wins (Bagga & Baldwin style within-document linking)
            def dist(c):
                before = [x.s for x in c["members"] if x.s <= m.s]
                return (0, m.s - max(before)) if before else (1, min(x.s for x in c["members"]) - m.s)
            c = min(matches, key=dist)
        else:
            c = _new_cluster(m)
            clusters.append(c)
        _join(c, m, clusters)
    return clusters


def _as_person(m: _M) -> _M:
    return _M(m.s, m.e, m.text, "person", m.rule)


def _new_cluster(m: _M) -> dict:
    return {"kind": m.kind, "country": m.country, "texts": [], "keys": set(), "forms": [], "entries": [], "members": []}


def _join(c: dict, m: _M, clusters: list[dict]) -> None:
    if c["kind"] == "person" and m.kind == "other":
        m.kind, m.rule = "person", m.rule + "+surname"
    c["members"].append(m)
    c["texts"].append(m.text)
    mk = key(m.text)
    if mk not in c["keys"]:
        c["keys"].add(mk)
        c["forms"].append((m.text, _content_words(m.text), _initials(m.text)))
    if m.entry is not None and not any(x is m.entry for x in c["entries"]):
        c["entries"].append(m.entry)
    if TYPE_RANK.get(m.kind, 0) > TYPE_RANK.get(c["kind"], 0) and m.kind != "person" and c["kind"] != "person":
        c["kind"] = m.kind
    c["country"] = c["country"] or m.country
    m.cluster = clusters.index(c)


def _canonical(c: dict, k: Knowledge) -> tuple[str, tuple[str, ...]]:
    texts = []
    for t in c["texts"]:
        if t not in texts:
            texts.append(t)
    if c["kind"] == "country" and c["country"]:
        name = k.country_name(c["country"])
    else:
        full = [t for t in texts if not _is_acronym(t)]
        pool = full or texts
        name = max(pool, key=lambda t: (len(t.split()), len(t), -texts.index(t)))
        if not full and c["entries"]:
            name = c["entries"][0].name if len(c["entries"][0].name.split()) > 1 else name
    aliases = tuple(t for t in texts if key(t) != key(name))
    seen, out = set(), []
    for a in aliases:
        if key(a) not in seen:
            seen.add(key(a))
            out.append(a)
    return name, tuple(out)


# --------------------------------------------------------------------------- the stage


def extract_actors(doc: Any, document: Document, *, actors_file: Optional[str] = None) -> tuple[Actor, ...]:
    """Actors of ``document`` (``doc`` is the spaCy Doc of ``document.text``), clustered, with affiliation.

    ``actors_file`` (or ``$COUNTERCLAIM_ACTORS``): a YAML or CSV file of extra or overriding actors.
    """
    k = load_knowledge(actors_file)
    ms = _mentions(doc, document, k)
    _metonymy(doc, ms, k)
    ms = _groups_and_roles(doc, ms, k)
    clusters = _cluster(ms, k)
    ms = [m for m in ms if m.cluster >= 0]
    names = [_canonical(c, k) for c in clusters]
    # one actor per country; a country needed by an affiliation but never named is added without mentions
    by_country = {c["country"]: i for i, c in enumerate(clusters) if c["kind"] == "country" and c["country"]}

    def country_cluster(iso3: str) -> int:
        if iso3 not in by_country:
            clusters.append({"kind": "country", "country": iso3, "texts": [], "keys": set(), "forms": [],
                             "entries": [], "members": [], "implied": True})
            names.append((k.country_name(iso3), ()))
            by_country[iso3] = len(clusters) - 1
        return by_country[iso3]

    affil: dict[int, int] = {}
    for ci, c in enumerate(clusters):
        votes: Counter = Counter()
        for m in c["members"]:
            if m.affil is not None and m.affil.cluster != ci and m.affil.cluster >= 0:
                votes[m.affil.cluster] += 2
            elif m.affil_country:
                votes[("c", m.affil_country)] += 1
        if not votes and c["kind"] != "country":
            entries = c["entries"] or [m.extra["partial"] for m in c["members"] if "partial" in m.extra]
            state = next((e for e in entries if e.is_state_institution), None)
            if state is not None and state.country:
                votes[("c", state.country)] += 1
            user = next((e.affiliation for e in entries if e.affiliation), None)
            if user:
                target = next((j for j, (n, al) in enumerate(names) if key(n) == key(user)
                               or key(user) in {key(a) for a in al}), None)
                if target is not None:
                    votes[target] += 3
        if not votes:
            continue
        best = votes.most_common(1)[0][0]
        target = country_cluster(best[1]) if isinstance(best, tuple) else best
        if target == ci:
            continue
        # no cycles
        j, seen = target, {ci}
        while j in affil and j not in seen:
            seen.add(j)
            j = affil[j]
        if j in seen:
            continue
        affil[ci] = target

    ids = []
    used: dict[str, int] = {}
    for ci, (name, _al) in enumerate(names):
        aid = make_id("a", document.id, name)
        if aid in used:
            aid = make_id("a", document.id, name, ci)
        used[aid] = ci
        ids.append(aid)

    def country_of(ci: int, depth: int = 0) -> Optional[str]:
        c = clusters[ci]
        if c["country"] or depth > 6:
            return c["country"]
        return country_of(affil[ci], depth + 1) if ci in affil else None

    actors = []
    for ci, c in enumerate(clusters):
        name, aliases = names[ci]
        members = sorted(c["members"], key=lambda m: m.start)
        mentions, seen_spans = [], set()
        for m in members:
            if (m.start, m.end) not in seen_spans:
                seen_spans.add((m.start, m.end))
                mentions.append(Span.of(document.text, m.start, m.end))
        role = next((m.role for m in members if m.role), None)
        entries = c["entries"] or [m.extra["partial"] for m in members if "partial" in m.extra]
        code = entries[0].code if entries else None
        if code is None and c["country"] and any(m.sector for m in members):
            code = c["country"] + next(m.sector for m in members if m.sector)
        rules = sorted({m.rule for m in members}) or ["implied_by_affiliation"]
        actors.append(Actor(
            id=ids[ci], name=name, type=c["kind"], country=country_of(ci),
            affiliation=ids[affil[ci]] if ci in affil else None,
            mentions=tuple(mentions), aliases=aliases, role=role, code=code, rule="+".join(rules),
        ))
    actors.sort(key=lambda a: (a.mentions[0].start if a.mentions else len(document.text), a.name))
    return tuple(actors)


# --------------------------------------------------------------------------- helpers for other stages


def affiliation_depth(actors_by_id: dict, actor_id: Optional[str]) -> int:
    """How many links the affiliation chain of ``actor_id`` has (itself included)."""
    n, seen = 0, set()
    while actor_id and actor_id in actors_by_id and actor_id not in seen:
        seen.add(actor_id)
        actor_id = actors_by_id[actor_id].affiliation
        n += 1
    return n


def actor_at(actors, start: int, end: int) -> Optional[Actor]:
    """The actor with a mention overlapping ``[start, end)``; the most specific one when several do.

    Most specific = deepest in its affiliation chain (a spokesman before his organisation before its state),
    then the largest overlap, then the person/media/organisation type order.
    """
    by_id = {a.id: a for a in actors}
    best, best_key = None, None
    for a in actors:
        for sp in a.mentions:
            ov = min(end, sp.end) - max(start, sp.start)
            if ov <= 0 and not (start == end and sp.start <= start < sp.end):
                continue
            kk = (affiliation_depth(by_id, a.id), max(ov, 0), TYPE_RANK.get(a.type, 0))
            if best_key is None or kk > best_key:
                best, best_key = a, kk
    return best


def affiliation_chain(actors, actor_id: Optional[str]) -> tuple[str, ...]:
    """Names from the actor outward through its affiliations: ("Ramazan Sharif", "IRGC", "Iran")."""
    by_id = {a.id: a for a in actors}
    out: list[str] = []
    seen = set()
    while actor_id and actor_id in by_id and actor_id not in seen:
        seen.add(actor_id)
        a = by_id[actor_id]
        out.append(a.name)
        actor_id = a.affiliation
    return tuple(out)
