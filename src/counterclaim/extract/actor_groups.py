"""Groups, roles and affiliation of actor mentions: "Iranian officials" as a group of a state, roles and
affiliations of persons from the words before them ("IRGC spokesman Ramazan Sharif"), group membership
("officials, including ...") and the affiliation of organisations ("Iran's X", "X of Y")."""
from __future__ import annotations

from typing import Optional

from counterclaim.extract.actor_base import MAX_AGENT_WORDS, ORGLIKE, OUTLET_WORDS, POSSESSIVE, _M, _phrase_at
from counterclaim.extract.gazetteer import Knowledge, key

#: words that make the persons after them members of the group before them.
MEMBER_WORDS = ("including", "among", "like")


#: an outlet word after an actor's name ("the Apple website", "Hamas's television channel") names that
#: actor's outlet, affiliated to it, not a person or group of its people
OUTLETS_OF_ACTORS = True


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
        if m.kind == "media" and key(phrase) in OUTLET_WORDS:
            continue  # "the Daily Mail newspaper" is the outlet, not someone in it
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
        if OUTLETS_OF_ACTORS and key(phrase) in OUTLET_WORDS:
            g.kind = "media"  # "the Apple website", "the IRGC's news agency": its outlet, not someone in it
        elif not doc[j + n - 1].tag_.endswith("S") and not key(phrase).endswith("s") and m.kind != "country":
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


#: a title's first words before the title-word mention ("Foreign" in "Foreign Minister") do not end a list
#: of members
MEMBER_TITLE_WORDS = True


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
        if not n and MEMBER_TITLE_WORDS and _phrase_at(doc, i, k.titles, 3, forward=True) > 1:
            n = 1  # "Foreign" of "and Foreign Minister X": the first word of a title whose last is a mention
        if n:
            i -= n
            continue
        if tok.lower_ in ("and", ",", "as", "such"):
            i -= 1
            continue
        return None
    return None
