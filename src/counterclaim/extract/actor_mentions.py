"""Finding actor mentions: NER entities (grown over the proper nouns they cut off), longest matches in the
actor dictionary and proper-noun runs the NER missed, with edges, titles and roles stripped."""
from __future__ import annotations

from typing import Optional

from counterclaim.extract.actor_base import (INITIALS_SKIP, MAX_AGENT_WORDS, ORGLIKE, OUTLET_WORDS, POSSESSIVE, _M,
                                             _cap, _phrase_at, _tokens_key)
from counterclaim.extract.actor_types import _classify, _inherit_partial, _looks_like_person
from counterclaim.extract.gazetteer import NAME_PARTICLES, Entry, Knowledge, load_speaker_nouns
from counterclaim.model import Document

#: NER labels that name actors or places.
ACTOR_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP")
EDGE_WORDS = ("the", "a", "an")
TRAILING_WORDS = ("of", "and", "the")
#: paragraphs whose names are not the article's actors.
SKIP_ROLES = ("boilerplate", "byline")
#: capitalised words at the start of a sentence that the NER or the proper-noun fallback can take for names
NOT_NAMES = frozenset({"however", "meanwhile", "moreover", "furthermore", "nevertheless", "nonetheless",
                       "instead", "still", "yet", "thus", "therefore", "hence", "indeed", "also", "besides",
                       "otherwise", "then", "now", "today", "yesterday", "later", "earlier", "finally",
                       "additionally", "separately", "similarly", "likewise", "overall"})
HYPHENS = ("-", "‐", "–")
PRONOUN_WORDS = ("he", "she", "it", "they", "his", "her", "its", "their", "we", "our", "i", "you", "him", "them")


# --------------------------------------------------------------------------- mentions


def _trim(doc, s: int, e: int) -> tuple[int, int]:
    while e > s and (doc[e - 1].text in POSSESSIVE or doc[e - 1].is_punct or doc[e - 1].is_space
                     or doc[e - 1].lower_ in TRAILING_WORDS):
        e -= 1  # whitespace tokens too: "Warren  said" (two spaces) is no actor named "Warren  "
    while s < e and (doc[s].lower_ in EDGE_WORDS or doc[s].is_punct or doc[s].is_space):
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


#: a one-word dictionary name that is the first part of a longer name the dictionary does not know
#: ("South America", "Trump Tower", "Iran Air") is not a mention of itself
NAME_PART_NOT_ALONE = True


def _part_of_longer_name(doc, i: int, k: Knowledge) -> bool:
    """Token i modifies the capitalised proper noun right after it, which is no title or agent word."""
    t = doc[i]
    if i + 1 >= len(doc) or t.dep_ not in ("compound", "flat") or t.head.i != i + 1 or t.whitespace_ != " ":
        return False
    nxt = doc[i + 1]
    if not _cap(nxt) or nxt.pos_ != "PROPN":
        return False
    return not (_phrase_at(doc, i + 1, k.titles, 3) or _phrase_at(doc, i + 1, k.agents, 3))


#: a name the knowledge does not know, right after or right before a word for a news outlet, is media
OUTLET_WORD_MEDIA = True


def _outlet_word_next(doc, s: int, e: int) -> bool:
    """"the Iraqi newspaper al Sabaah", "news website Rudaw", "the Haaretz daily": an outlet word (see
    :data:`~counterclaim.extract.actor_base.OUTLET_WORDS`) right before or right after the name."""
    before = doc[s - 1].lower_ if s > 0 else ""
    after = doc[e].lower_ if e < len(doc) else ""
    return before in OUTLET_WORDS or after in OUTLET_WORDS


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
            if n == 1 and NAME_PART_NOT_ALONE and _part_of_longer_name(doc, i, k):
                break  # "South" in "South America" is not South Korea, "Trump" in "Trump Tower" no person
            if not all(_cap(t) or t.lower_ in INITIALS_SKIP or t.is_punct for t in toks):
                continue
            out.append((i, i + n, entry))
            break
    return out


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


#: a capitalised proper noun right before a person entity, outside any entity and no title, agent word,
#: known actor or place, is the person's first name
PERSON_FIRST_WORD_LEFT = True
#: a title of several words ("Secretary of State", agents_titles.tsv) is not grown into a place's name after it
#: nor into a person's name before it, and before a person it is that person's title, not the dictionary's office
TITLES_END_NAMES = True


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
        if TITLES_END_NAMES and label in ("GPE", "LOC", "NORP") and _phrase_at(doc, j, k.titles, 4) > 1:
            break  # "US | Secretary of State Antony Blinken": a title of several words starts after a place
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
    if PERSON_FIRST_WORD_LEFT and label == "PERSON" and i > 0:
        t = doc[i - 1]  # "Saad" + "Maan": the recogniser cut the first name off at the sentence start
        if not t.ent_type_ and _cap(t) and (t.pos_ == "PROPN" or t.lower_ in k.given_names) and t.is_alpha \
                and not t.is_upper \
                and not _phrase_at(doc, i - 1, k.titles, 1) and not _phrase_at(doc, i - 1, k.agents, 1) \
                and not (TITLES_END_NAMES and _phrase_at(doc, i - 1, k.titles, 4, forward=False) > 1) \
                and not k.lookup(t.text) and not k.place(t.text) and t.whitespace_ == " ":
            i -= 1  # (not the last word of "Secretary of State" before "Antony Blinken")
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
        if ent.label_ == "ORG" and PERSON_ENDS_AT_LOWERCASE:
            # "Lydia Buchtmann for Food Standards Australia" tagged as one organisation: a person, then it
            cut = next((i for i in range(s + 2, e - 1) if doc[i].is_alpha and doc[i].is_lower), None)
            if cut is not None and _looks_like_person(doc[s:cut].text, k):
                cands.append((s, cut, "PERSON", "ner_split", ()))
                s = cut + 1
        if ent.label_ == "PERSON" and PERSON_ENDS_AT_LOWERCASE:
            # "Lydia Buchtmann for Food Standards Australia": a name ends before a lower-case word that
            # is no name particle
            cut = next((i for i in range(s + 1, e) if doc[i].is_alpha and doc[i].is_lower
                        and doc[i].lower_ not in NAME_PARTICLES), None)
            if cut is not None:
                e = cut
        if TITLES_END_NAMES and ent.label_ == "PERSON":
            # "White House Chief of | Staff Denis McDonough": the recogniser began the name inside a title of
            # several words; the name starts after it
            for m in range(min(e - 1, s + 3), s - 1, -1):
                n = _phrase_at(doc, m, k.titles, 4, forward=False)
                if n > 1 and m - n + 1 < s:
                    s = m + 1
                    break
        if TITLES_END_NAMES and ent.label_ != "PERSON" and e < len(doc):
            # "White House | Chief of Staff": an organisation's name stops before a title of several words that
            # runs past it
            for m in range(s + 1, e):
                n = _phrase_at(doc, m, k.titles, 4)
                if n > 1 and m + n > e:
                    e = m
                    break
        if e <= s:
            continue
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
        if TITLES_END_NAMES and e < len(doc) and doc[e].ent_type_ == "PERSON" and doc[e].ent_iob_ == "B" \
                and _tokens_key(doc, s, e) in k.titles:
            continue  # "Secretary of State Antony Blinken": the dictionary's office is the person's title here
        if e > s and not _skip_paragraph(document, doc[s].idx):
            cands.append((s, e, "DICT", "dict", ()))
    # longest first; at equal length NER before dictionary
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[3] not in ("ner", "ner_split"), c[0]))
    taken = [False] * len(doc)
    out: list[_M] = []

    credits = _credit_spans(document)
    operations = _operation_names(doc) if OPERATION_NAMES_OUT else []

    def add(s: int, e: int, label: str, rule: str, roles: tuple[str, ...]) -> None:
        if all(t.pos_ == "PRON" or t.lower_ in PRONOUN_WORDS for t in doc[s:e]):
            return  # "His", "They" tagged as names
        if any(os_ <= s and e <= oe for os_, oe in operations):
            return  # "Operation Al-Aqsa Deluge", "Operation Iraqi Freedom": the name of an operation
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
        if OUTLET_WORD_MEDIA and got.entry is None and got.kind in ("organization", "other") and _outlet_word_next(doc, s, e):
            got.kind = "media"  # "the Iraqi newspaper al Sabaah", "the Haaretz daily"
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
        run_roles: tuple[str, ...] = ()
        n = _phrase_at(doc, s, k.titles, 3) if RUN_OPENING_ROLE else 0
        if n and e - (s + n) >= 1 and k.titles.get(_tokens_key(doc, s, s + n), ("",))[0] == "role":
            run_roles, s = (doc[s:s + n].text,), s + n  # "Ambassador Hamdullah Mohib": the role and the name
        text = doc[s:e].text
        nt = k.name_type(text)
        titled = bool(run_roles) or s > 0 and (_phrase_at(doc, s - 1, k.titles, 3, forward=False) or
                                           _phrase_at(doc, s - 1, k.agents, MAX_AGENT_WORDS, forward=False))
        if nt in ("media", "organization") or (titled and RUN_AFTER_ORG_NOUN and _after_org_noun(doc, s)):
            add(s, e, "ORG", "propn", ())  # "his company Mark-1 Plumbing": an organisation noun, not a title
        elif nt == "place":
            add(s, e, "LOC", "propn", ())
        elif titled and e - s >= 2:
            add(s, e, "PERSON", "propn", run_roles)
        elif k.lookup(text) is None and k.place(text) is None:
            add(s, e, "PERSON", "propn_name", ())  # kept only if it names a person found elsewhere
    out.sort(key=lambda m: m.s)
    return out


#: a named military operation ("Operation Al-Aqsa Deluge", "Operation Iraqi Freedom") is no actor, nor are
#: its words, though a dictionary knows one of them ("Al-Aqsa", "Iraqi")
OPERATION_NAMES_OUT = True
OPERATION_WORDS = frozenset({"Operation", "Op."})


def _operation_names(doc) -> list[tuple[int, int]]:
    """Token ranges [s, e) of "Operation" and the capitalised words of its name after it."""
    out = []
    for t in doc:
        if t.text not in OPERATION_WORDS or t.i + 1 >= len(doc):
            continue
        j = t.i + 1
        while j < len(doc) and (_cap(doc[j]) or (doc[j].text in HYPHENS and j + 1 < len(doc) and _cap(doc[j + 1]))):
            j += 1
        if j > t.i + 1:
            out.append((t.i, j))
    return out


#: a proper-noun run right after a noun that names organisations only ("his company Mark-1 Plumbing", "the
#: firm Acme Global") is an organisation, though the noun is an agent word
RUN_AFTER_ORG_NOUN = True


def _after_org_noun(doc, s: int) -> bool:
    if s == 0:
        return False
    types = set(load_speaker_nouns().get(doc[s - 1].lower_, ()))
    return bool(types) and "person" not in types and bool(types & {"organization", "media", "group"})


#: a person entity ends before a lower-case word that is no name particle ("Lydia Buchtmann for Food
#: Standards Australia New Zealand, says …")
PERSON_ENDS_AT_LOWERCASE = True
#: a proper-noun run the recogniser missed that opens with a role word ("Ambassador Hamdullah Mohib") is
#: a person named after the role, with the role
RUN_OPENING_ROLE = True


def _strip_leading_titles(doc, s: int, e: int, k: Knowledge) -> int:
    """Drop leading ranks and honorifics ("Brig. Gen.") from a span; a span of titles only becomes empty."""
    while s < e:
        n = _phrase_at(doc, s, k.titles, 3)
        if n and k.titles.get(_tokens_key(doc, s, s + n), ("",))[0] in ("title", "modifier") and (s + n < e or e - s == n):
            s += n
            continue
        break
    return s
