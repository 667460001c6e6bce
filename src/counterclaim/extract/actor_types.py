"""Classifying and typing actor mentions: type, country and dictionary entry from the NER label and the
knowledge, partial dictionary matches inside unknown organisation names, and capital metonymy."""
from __future__ import annotations

import re
from typing import Optional

from counterclaim.extract.actor_base import ORGLIKE, POSSESSIVE, _M, _tokens_key
from counterclaim.extract.gazetteer import NAME_PARTICLES, Knowledge, key

#: dependency relations in which a place acts (capital metonymy: "Tehran responded").
ACTING_DEPS = ("nsubj", "nsubj:pass", "nmod:poss", "obl:agent", "poss")


def _classify(doc, m: _M, label: str, k: Knowledge) -> Optional[_M]:
    """Type, country and entry of a mention from its label and the knowledge; None if it names no actor."""
    text = m.text
    entry = k.media_caps.get(text) or k.lookup(text)
    company = False
    if entry is None and COMPANY_WITHOUT_SUFFIX and label in ("PERSON", "ORG", "DICT", "") \
            and any(ch.islower() for ch in text) \
            and not (label == "PERSON" and (len(text.split()) < 2 or _looks_like_person(text, k))):
        entry = k.company(text)  # "Time Warner" for "Time Warner Inc", whatever the recogniser said
        company = entry is not None
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
        if label == "PERSON" and entry.type in ORGLIKE and key(text) != entry.key and len(text.split()) >= 2 \
                and not company:
            m.kind, m.entry = "person", None  # a person listed under a group's block (Phoenix lists leaders so)
            m.affil_country = None
        if m.kind == "country":
            place = k.place(text)
            if place is not None and place.kind == "city":
                m.kind, m.rule = "other", m.rule + "+place"
        return m
    place = k.place(text) if label in ("GPE", "LOC", "DICT") else None
    if PEOPLE_BY_FIRST_NAME and label in ("ORG", "GPE", "LOC") and place is None and _looks_like_person(text, k):
        m.kind, m.rule = "person", m.rule + "+first_name"
        return m
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


#: a name the dictionaries list only with a company's legal suffix ("Time Warner" as "Time Warner Inc") is that
#: company, unless the recogniser read a person's name in it (one word, or a given name first: "Michael Dell");
#: not an abbreviation, which names too many things ("CDC" is no "CDC Corporation")
COMPANY_WITHOUT_SUFFIX = True


#: a name the recogniser took for an organisation or a place, that the dictionaries and gazetteers do not
#: know, is a person when it reads as a first name and a surname ("Saad Maan", "David Haines")
PEOPLE_BY_FIRST_NAME = True
_NAME_WORD = re.compile(r"^(?:[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*|(?:%s)(?:-[A-Z][a-z]+)?)$" % "|".join(NAME_PARTICLES))


def _looks_like_person(text: str, k: Knowledge) -> bool:
    """Two to four capitalised name words (name particles allowed inside), the first of them a given name
    (:attr:`Knowledge.given_names`), and no word that types the name as media, an organisation or a place."""
    words = text.split()
    if not 2 <= len(words) <= 4 or words[0].lower() not in k.given_names:
        return False
    if not all(_NAME_WORD.match(w) for w in words) or not words[0][:1].isupper() or not words[-1][:1].isupper():
        return False
    return k.name_type(text) is None


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
