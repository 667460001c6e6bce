"""Clustering actor mentions into actors (same entry, same name, acronym = initials, a name inside a longer
one, a surname of a person) and choosing each actor's canonical name and aliases."""
from __future__ import annotations

import re
from typing import Optional

from counterclaim.extract.actor_base import INITIALS_SKIP, ORGLIKE, TYPE_RANK, _M
from counterclaim.extract.gazetteer import Knowledge, key


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


# --------------------------------------------------------------------------- clustering


#: a person's given name alone is a mention of the person named in full with it ("Yasir Abdulla … Yasir
#: vows"), when it is a given name (:attr:`Knowledge.given_names`)
FIRST_NAME_MENTIONS = True


#: an acronym may stand for a hyphenated name ("HP" for "Hewlett-Packard")
HYPHEN_ACRONYMS = True
#: an organisation's head word alone ("Ministry", "Agency") is a mention of an organisation named with it
HEAD_WORD_MENTIONS = True


#: "Israel's military" is the actor the dictionary knows as "Israel Defense Forces" when the dictionary gives that
#: one the code of the country and the group's sector (ISR + MIL): for a group named by a word for one institution
INSTITUTION_GROUPS = True
_ARMED = ("defense forces", "defence forces", "defense force", "defence force", "armed forces", "army", "military")
#: agent words that name one institution of a country, not people in it ("soldiers", "officials" stay groups), with
#: the words the dictionary's name for that institution holds ("Israel Defense Forces", not "Central Command")
INSTITUTION_WORDS = {"military": _ARMED, "army": _ARMED, "armed forces": _ARMED, "navy": ("navy",),
                     "air force": ("air force",), "police": ("police",), "police force": ("police",),
                     "government": ("government",), "cabinet": ("cabinet",), "coast guard": ("coast guard",)}


def _institution_code(m: _M) -> Optional[str]:
    """The code a dictionary actor must have to be the institution the group mention ``m`` names."""
    if m.rule != "agent_group" or not m.sector or not m.country or not m.role:
        return None
    return m.country + m.sector if key(m.role) in INSTITUTION_WORDS else None


def _names_institution(x: _M, group: _M) -> bool:
    """Mention ``x`` of a dictionary organisation says in its own words that it is what ``group`` names ("Israel
    Defense Forces" for "Israel's military"; not "Pentagon", which the dictionary files under the same entry as
    the US military, nor "U.S. Central Command")."""
    words = INSTITUTION_WORDS.get(key(group.role or ""), ())
    text = " " + key(x.text) + " "
    return x.entry is not None and x.entry.type in ORGLIKE and any(" " + w + " " in text for w in words)


def _same_institution(m: _M, c: dict, unique_codes: frozenset) -> bool:
    """``m`` and cluster ``c`` name one institution: a group ("Israel's military") and a mention of the dictionary
    actor with its country's code for that sector that names it so ("Israel Defense Forces", ISRMIL), in either
    order, when no other dictionary actor of the document has that code."""
    code = _institution_code(m)
    if code is not None and code in unique_codes and any(
            x.entry is not None and x.entry.code == code and _names_institution(x, m) for x in c["members"]):
        return True
    if m.entry is not None and m.entry.code in unique_codes:
        return any(_institution_code(x) == m.entry.code and _names_institution(m, x) for x in c["members"])
    return False


def _unique_codes(ms: list[_M]) -> frozenset:
    """Codes that exactly one dictionary actor among the mentions ``ms`` has."""
    by_code: dict[str, set] = {}
    for m in ms:
        if m.entry is not None and m.entry.code:
            by_code.setdefault(m.entry.code, set()).add(m.entry.key)
    return frozenset(code for code, keys in by_code.items() if len(keys) == 1)


def _compatible_kinds(a: str, b: str) -> bool:
    if a == b:
        return True
    return a in ORGLIKE and b in ORGLIKE


def _same(m: _M, c: dict, k: Optional[Knowledge] = None, unique_codes: frozenset = frozenset()) -> bool:
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
            if FIRST_NAME_MENTIONS and k is not None and len(words) == 1 and len(tw) >= 2 and tw[0] == words[0] \
                    and words[0] in k.given_names:
                return True  # "Yasir Abdulla … Yasir, who returned to the UK": a feature story's first name
        return False
    if m.kind in ORGLIKE:
        acro = _is_acronym(m.text)
        mw = mk.split()
        for t, cw, init in c["forms"]:
            if acro and init == m_bare and len(re.split(r"[\s\-]+" if HYPHEN_ACRONYMS else r"\s+", t.strip("-"))) > 1:
                return True  # "HP" for "Hewlett-Packard" as for "Huffington Post": the nearest earlier one wins
            if _is_acronym(t) and m_init == t.replace(".", "").upper() and len(mw) > 1:
                return True
            tw = key(t).split()
            if 1 < len(mw) < len(tw) and any(tw[i:i + len(mw)] == mw for i in range(len(tw) - len(mw) + 1)):
                return True
            if HEAD_WORD_MENTIONS and k is not None and len(mw) == 1 < len(tw) and tw[-1] == mw[0] \
                    and k.org_head(m.text):
                return True  # "Ministry: Blast was sabotage" in a story about "Caldera's Interior Ministry"
        if INSTITUTION_GROUPS and _same_institution(m, c, unique_codes):
            return True
    return False


def _cluster(ms: list[_M], k: Knowledge) -> list[dict]:
    clusters: list[dict] = []
    unique_codes = _unique_codes(ms) if INSTITUTION_GROUPS else frozenset()
    order = sorted(range(len(ms)), key=lambda i: (-len(ms[i].text.split()), ms[i].kind != "person", ms[i].s))
    for i in order:
        m = ms[i]
        if m.rule == "propn_name":
            matches = [c for c in clusters if c["kind"] == "person" and _same(m, c, k)]
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
        matches = [c for c in clusters if _same(m, c, k, unique_codes)]
        if m.kind == "other" and not matches:
            matches = [c for c in clusters if c["kind"] == "person" and _same(_as_person(m), c, k)]
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
        if c["entries"]:  # a group merged into a dictionary actor ("Israel's military") does not name it
            grouped = {m.text for m in c["members"] if _institution_code(m) is not None}
            full = [t for t in full if t not in grouped] or full
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
