"""Speaker resolution: the actor a statement's source refers to, with its affiliation chain.

A source that overlaps an actor mention is that actor (the mention that contains the source's
syntactic head wins: in "IRGC spokesman Ramazan Sharif" the head is "Sharif", not "IRGC").
Pronouns and descriptions are resolved to the most recent compatible actor, the way an
entity-centric coreference sieve does it (Lee et al. 2013, "Deterministic Coreference Resolution
Based on Entity-Centric, Precision-Ranked Rules", Computational Linguistics): "he"/"she" to the most
recent salient person (the speaker of the previous statement first, then the subject of the previous
sentence, then the nearest person mention), "it"/"they"/"the terror group"/"the ministry" to the most
recent actor whose type fits the head noun (``speaker_nouns.tsv``), across sentences and paragraphs.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from typing import Any, NamedTuple, Optional

from counterclaim.extract.actor_base import _phrase_at
from counterclaim.extract.gazetteer import load_first_names, load_knowledge, load_name_genders, load_speaker_nouns
from counterclaim.extract.quotes import document_quotes
from counterclaim.extract.statement_base import token_at
from counterclaim.model import Actor, Document, Speaker

__all__ = ["resolve_speakers", "load_speaker_nouns", "PERSON_PRONOUNS", "GROUP_PRONOUNS"]

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i"})
GROUP_PRONOUNS = frozenset({"it", "they", "we", "them"})
#: Actor types a plural "they" may refer to besides groups.
PLURAL_TYPES = ("group", "organization", "country", "media", "person")
NONPERSON_TYPES = ("group", "organization", "country", "media", "other")
#: How many earlier speakers a pronoun or description may go back to.
SPEAKER_HISTORY = 3
#: How far back (characters) a pronoun or description may look for its actor.
MAX_LOOKBACK = 6000


class _Index:
    """Actor mentions sorted by position."""

    def __init__(self, actors: Sequence[Actor]):
        self.by_id = {a.id: a for a in actors}
        ments = []
        for a in actors:
            for m in a.mentions:
                ments.append((m.start, m.end, a))
        ments.sort(key=lambda x: (x[0], x[1]))
        self.ments = ments
        self.starts = [m[0] for m in ments]
        self._genders: Optional[dict[str, str]] = None
        #: the actor each pronoun source resolved to so far, by the pronoun's start
        self.resolved_at: dict[int, Actor] = {}
        #: quotations of the text (start, end), set by :func:`resolve_speakers`
        self.quoted: list[tuple[int, int]] = []

    def overlapping(self, s: int, e: int) -> list[tuple[int, int, Actor]]:
        i = bisect.bisect_left(self.starts, e)
        return [m for m in self.ments[max(0, i - 50):i] if m[0] < e and s < m[1]]

    def before(self, pos: int) -> list[tuple[int, int, Actor]]:
        """Mentions ending before ``pos``, nearest first, within :data:`MAX_LOOKBACK`."""
        i = bisect.bisect_left(self.starts, pos)
        out = []
        for m in reversed(self.ments[:i]):
            if m[1] > pos:
                continue
            if pos - m[1] > MAX_LOOKBACK:
                break
            out.append(m)
        return out

    def gender(self, actor: Actor, doc: Any) -> str:
        """ "m", "f" or "" for a person, from the text around its mentions (:func:`_person_genders`),
        else from the first name (:func:`first_name_gender`)."""
        if self._genders is None:
            self._genders = _person_genders(self, doc)
        g = self._genders.get(actor.id, "")
        if not g and FIRST_NAME_GENDER and actor.type == "person":
            g = first_name_gender((actor.name,) + tuple(actor.aliases))
        return g

    def chain(self, actor: Actor) -> tuple[str, ...]:
        names = [actor.name]
        seen = {actor.id}
        cur = actor
        while cur.affiliation and cur.affiliation in self.by_id and cur.affiliation not in seen:
            cur = self.by_id[cur.affiliation]
            seen.add(cur.id)
            names.append(cur.name)
        return tuple(names)


def resolve_speakers(raws: Sequence[Any], doc: Any, document: Document, actors: Sequence[Actor]) -> list[Optional[Speaker]]:
    """One :class:`Speaker` (or ``None`` without a source) per raw statement, in order."""
    text = document.text
    index = _Index(actors)
    if QUOTED_SUBJECTS_OUT:
        index.quoted = [(q.start, q.end) for q in document_quotes(document)]
    nouns = load_speaker_nouns()
    out: list[Optional[Speaker]] = []
    history: list[Actor] = []  # resolved speakers so far, most recent last
    order = sorted(range(len(raws)), key=lambda k: raws[k].cue[0])
    resolved: dict[int, Optional[Speaker]] = {}
    first_person: list[int] = []
    unnamed: list[_Prior] = []  # earlier sources no actor stands for
    last: Optional[_Prior] = None  # the latest source, whatever it resolved to
    outer: Optional[_Prior] = None  # the latest source not inside what the one before it said
    by_source: dict[tuple[int, int], list[int]] = {}  # statements by source span
    for k in order:
        r = raws[k]
        if r.source is None:
            resolved[k] = None
            continue
        s, e = r.source
        if SAME_SOURCE_SAME_SPEAKER:
            same = next((j for j in by_source.get((s, e), ()) if j in resolved), None)
            by_source.setdefault((s, e), []).append(k)
            if same is not None:  # "He dismissed X, saying: …": one source, one speaker for both cues
                resolved[k] = resolved[same]
                continue
        name = text[s:e]
        head = _source_head(doc, s, e) or r.src_head
        if FIRST_PERSON_FROM_QUOTE and head is not None and head.lower_ in FIRST_PERSON and head.pos_ == "PRON":
            first_person.append(k)  # resolved below, once the statements that quote them are
            continue
        if head is not None and head.lower_ in ("who", "which", "that") and head.head.dep_ in ("acl:relcl", "relcl"):
            # "the Times, which writes ...": a relative pronoun speaks for its antecedent
            ante = head.head.head
            if RELATIVE_NEEDS_NOUN_ANTECEDENT and (ante.pos_ in ("VERB", "AUX", "SYM", "PUNCT", "ADP") or ante.i > head.i
                                                   or ante.lower_ in ("what", "whatever", "which", "that", "it", "this")):
                # "the breadth of what the device can do, which includes …": no one to speak for
                resolved[k] = None
                continue
            left = [t for t in ante.subtree if t.i <= ante.i and not (t.dep_ == "case" and t.head.i == ante.i)]
            e_a = ante.idx + len(ante)
            if RELATIVE_APPOSITION_NAME:
                if ante.dep_ == "appos" and ante.head.i < ante.i and ante.head.pos_ == "PROPN":
                    # "Chad Doe, a watch expert who claims …": the expert is Chad Doe (the name's own words)
                    ante = ante.head
                    lo = hi = ante.i
                    while lo - 1 >= ante.sent.start and doc[lo - 1].text[:1].isupper() \
                            and doc[lo - 1].pos_ in ("PROPN", "ADJ", "NOUN"):
                        lo -= 1  # "Big Bank Hank": capitalised words before the name's head
                    while hi + 1 < len(doc) and (doc[hi + 1].pos_ == "PROPN" and doc[hi + 1].text[:1].isupper()
                                                 or doc[hi + 1].text == "-" and hi + 2 < len(doc)
                                                 and doc[hi + 2].text[:1].isupper()):
                        hi += 1  # "Iyad Allawi", "Abdel-Majed Abdel Bary": the name's words after its head
                    left = list(doc[lo:hi + 1])
                    e_a = max(t.idx + len(t) for t in left)
                left = sorted(left, key=lambda t: t.i)
                while len(left) > 1 and (left[0].is_punct or left[0].dep_ in ("cc", "case", "fixed", "mark")
                                         or left[0].lower_ in ("according", "including")):
                    left = left[1:]  # ", according to the report, which …": the report
            a0 = min(t.idx for t in left)
            s_a, head = a0, ante
            actor = _direct(index, head, s_a, e_a)
            name = text[s_a:e_a]  # named after the antecedent ("anyone who disclosed ...") when no actor
            if UNNAMED_SOURCE_CHAINS and actor is None:
                s, e = s_a, e_a  # the antecedent is the source a later "the source" refers back to
        else:
            actor = _direct(index, head, s, e)
        if actor is None and HEAD_WORD_ACTORS and head is not None and s == head.idx and e == head.idx + len(head):
            actor = _head_word_actor(index, head)
        earlier = None
        if actor is None and UNNAMED_SOURCE_CHAINS and head is not None:
            earlier = _referred_back(head, s, e, doc, unnamed, last, nouns, index, tuple(r.content),
                                     outer if NESTED_SOURCE_SECOND and outer is not last else None)
        if earlier is not None:
            resolved[k] = earlier
            last = _prior(s, e, head, earlier, r, doc)
            outer = _outer(outer, last)
            if earlier.actor_id and earlier.actor_id in index.by_id:
                history.append(index.by_id[earlier.actor_id])
            continue
        if actor is None and actors and not (NEW_REFERENT_DESCRIPTIONS and _new_referent(head)) \
                and not (UNNAMED_ANTECEDENT and head is not None and _unnamed_antecedent(head)) and not (
                RELATIONAL_HEADS_NOT_RELATIVE and head is not None and head.lemma_.lower() in RELATIONAL_HEADS
                and any(m[2].type == "person" for m in index.overlapping(s, e))):
            # "Trump's lawyer": the unnamed lawyer, of Trump's (below), not another person
            own = tuple(r.content) if OWN_CONTENT_NOT_ANTECEDENT else ()
            actor = _anaphor(index, head, s, history, nouns, doc, e, own)
        if actor is None:
            cuts = [i for i in (name.find(", "), name.find("\u2014"), name.find("\u2013")) if i > 0]
            comma = min(cuts) if cuts else -1
            if comma > 0 and head is not None and head.idx < s + comma:
                # "Kenneth Baer, a former official who ...", "Snopes.com—the premier debunker …—": named
                # without the appositive
                name = name[:comma].rstrip()
            # "Iran's state-owned Press TV": not an actor itself, but it belongs to one named inside it
            owner = _owner(index, s, e)
            chain = (name,) + index.chain(owner) if owner is not None else ()
            resolved[k] = Speaker(name=name, actor_id=None, chain=chain)
            last = _prior(s, e, head, resolved[k], r, doc)
            outer = _outer(outer, last)
            if head is not None and head.pos_ in ("NOUN", "PROPN"):
                unnamed.append(last)
            continue
        chain = index.chain(actor)
        if actor.type == "person" and len(chain) == 1:
            group = _possessor_group(index, doc, s, e, actor, history, nouns)
            if group is not None:
                chain = (actor.name,) + index.chain(group)
        history.append(actor)
        if head is not None and head.pos_ == "PRON":
            index.resolved_at[head.idx] = actor
        resolved[k] = Speaker(name=actor.name, actor_id=actor.id, chain=chain)
        last = _prior(s, e, head, resolved[k], r, doc)
        outer = _outer(outer, last)
    interviewee = _interviewee(document, index) if INTERVIEW_FIRST_PERSON and first_person else None
    for k in first_person:
        resolved[k] = _first_person_speaker(k, raws, resolved, index, text, document, interviewee)
    for k in range(len(raws)):
        out.append(resolved[k])
    return out


#: a source that is an organisation's head word alone, capitalised ("Ministry: Blast was sabotage" over a
#: story on "Caldera's Interior Ministry"), is the one organisation of the document named with it
HEAD_WORD_ACTORS = True


def _head_word_actor(index: _Index, head: Any) -> Optional[Actor]:
    """See :data:`HEAD_WORD_ACTORS`."""
    if not head.text[:1].isupper() or not load_knowledge().org_head(head.text):
        return None
    named = {a.id: a for _s, _e, a in index.ments
             if a.type in ("organization", "media", "group") and len(a.name.split()) > 1
             and a.name.split()[-1] == head.text}
    return next(iter(named.values())) if len(named) == 1 else None


#: statements that share a source span (a cue and the participle after it: "He dismissed X, saying …")
#: share its speaker
SAME_SOURCE_SAME_SPEAKER = True
#: a relative pronoun speaks for its antecedent ("the Times, which writes", "those who say", "some who question"),
#: but not for "what", "it", a symbol or a clause
RELATIVE_NEEDS_NOUN_ANTECEDENT = True


class _Prior(NamedTuple):
    """A source resolved earlier in the article: its span, head token, speaker, content pieces, and the
    lower-case words of the span."""

    start: int
    end: int
    head: Any
    speaker: Speaker
    content: tuple[tuple[int, int], ...]
    words: frozenset[str]


def _prior(s: int, e: int, head: Any, speaker: Speaker, r: Any, doc: Any) -> _Prior:
    span = doc.char_span(s, e, alignment_mode="expand") or ()
    return _Prior(s, e, head, speaker, tuple(r.content), frozenset(t.lower_ for t in span))


def _within(pos: int, pieces: Sequence[tuple[int, int]]) -> bool:
    """Whether character ``pos`` lies inside one of ``pieces`` (what a statement said)."""
    return any(ps <= pos < pe for ps, pe in pieces)


def _nationality_noun(t: Any) -> bool:
    """A singular nationality used as a noun for a person ("An American who is fighting …"), whatever
    the recogniser or the actor stage made of it."""
    if not NATIONALITY_NOUNS or not any(c.dep_ == "det" for c in t.children):
        return False
    dem = load_knowledge().demonym(t.text)
    return dem is not None and not dem[1]


#: a singular nationality with a determiner is a person ("An American who …, he said")
NATIONALITY_NOUNS = True


def _person_word(t: Any, nouns: dict[str, tuple[str, ...]]) -> bool:
    """A word that names a person: a person noun of speaker_nouns.tsv or :data:`HUMAN_HEADS`, a person's
    name, or a nationality ("An American who …")."""
    return (t.lemma_.lower() in HUMAN_HEADS or "person" in nouns.get(t.lower_, ())
            or t.ent_type_ in ("NORP", "PERSON"))


#: sources no actor stands for ("a senior Kurdish source", "An American who is fighting with the Kurds")
#: are referred back to: a later description with the same head and no other words ("The source added
#: …", "the monitoring group said" after "the monitoring group SITE said") is the same speaker, and so is
#: "he", "she" or "they" right after one, when no actor has been the subject of a clause in between
UNNAMED_SOURCE_CHAINS = True
#: the same for a named speaker: "An American fighter told the station that Rosenberg was not there.
#: “…,” he said": "he" is the American, not Rosenberg, the subject inside what he said
PREVIOUS_SPEAKER_FIRST = True
#: … also when the pronoun's sentence opens the next paragraph ("… Saad Maan told Reuters.\n\n“…,” he said.")
PREVIOUS_SPEAKER_ACROSS_PARAGRAPHS = True
#: head nouns of unnamed sources that are people ("a senior source", "one witness"), besides the person
#: nouns of speaker_nouns.tsv ("spokesman", "official") and nationality words ("An American who …"):
#: _person_word. (Not in speaker_nouns.tsv, which makes a description resolve to the last person named.)
HUMAN_HEADS = frozenset({"source", "witness", "resident", "analyst", "expert", "aide", "adviser", "advisor",
                         "lawmaker", "legislator", "activist", "diplomat", "doctor", "lawyer", "attorney",
                         "soldier", "fighter", "survivor", "relative", "neighbor", "neighbour", "journalist",
                         "reporter", "student", "teacher", "researcher", "scientist", "economist", "investor",
                         "voter", "worker", "employee", "executive", "member", "supporter", "critic", "insider"})
#: determiners a description may add to the earlier source's words ("the source" after "a … source")
_DESCRIPTION_FUNCTION_WORDS = frozenset({"the", "a", "an", "this", "that", "these", "those", "same"})


#: a relative pronoun whose antecedent is an apposition to a name ("Chad Doe, a watch expert who claims …")
#: speaks for the name; the antecedent's words never open with a punctuation mark (the speaker had been
#: ", a watch expert")
RELATIVE_APPOSITION_NAME = True


#: "The authors say the results confirm X. They call for …": a pronoun refers back to the source of the
#: reporting clause before it rather than to one inside what that clause reported, when both would agree
NESTED_SOURCE_SECOND = True


def _outer(outer: Optional[_Prior], new: _Prior) -> _Prior:
    """The latest source outside what the source before it said (see :data:`NESTED_SOURCE_SECOND`)."""
    if outer is not None and _within(new.start, outer.content):
        return outer
    return new


def _referred_back(head: Any, s: int, e: int, doc: Any, unnamed: list[_Prior], last: Optional[_Prior],
                   nouns: dict[str, tuple[str, ...]], index: _Index,
                   own: tuple[tuple[int, int], ...] = (), outer: Optional[_Prior] = None) -> Optional[Speaker]:
    """The speaker a source refers back to, or None: for a description ("The source"), the latest earlier
    source no actor stands for with the same head and all its words; for "he", "she" or "they", the
    speaker of the statement just before (``last``, named or not) when it is of the pronoun's kind, in
    the same or the previous sentence, and no actor outside what was said was a subject in between."""
    word = head.lower_
    if head.pos_ == "NOUN" and not _new_referent(head):
        words = [t.lower_ for t in doc.char_span(s, e, alignment_mode="expand") or ()
                 if t.is_alpha and t.lower_ not in _DESCRIPTION_FUNCTION_WORDS]
        for prior in reversed(unnamed):
            if s - prior.end > MAX_LOOKBACK:
                break
            if prior.end > s:
                continue
            # the same head, or the head of the earlier one is a name after it ("the monitoring group SITE")
            same_head = prior.head.lower_ == word or (prior.head.text[:1].isupper() and word in prior.words)
            if same_head and all(w in prior.words for w in words):
                return prior.speaker
        return None
    if word not in ("he", "she", "they") and not (IT_REFERS_BACK and word == "it"):
        return None
    found = _from_last(word, s, doc, outer, nouns, index, own) if outer is not None else None
    if found is None and last is not None:
        found = _from_last(word, s, doc, last, nouns, index, own)
    if found is None and word == "they" and PLURAL_SUBJECT_NOUNS:
        found = _plural_subject(s, doc, index)
    return found


#: "it" right after a statement of an unnamed singular thing ("a report by the UN found … It also found …") is
#: that thing, not an actor further back
IT_REFERS_BACK = True


#: sentences of the statement's own quotation between a pronoun and the source before it do not keep them apart
OWN_QUOTE_NOT_BETWEEN = True


#: "he" does not refer back to an unnamed source whose words show the other gender ("the spokeswoman")
GENDERED_NOUN_AGREEMENT = True


#: "his political opponents had a field day. They warned that …": "they" right after a plural noun
#: subject that no actor stands for is that noun phrase, not an actor mentioned further back
PLURAL_SUBJECT_NOUNS = True


#: "they" after a plural subject that names a group ("Scientology officials went to the station, where
#: they claimed …") is that group (the agent group "Scientology officials" or the church itself)
PLURAL_SUBJECT_ACTORS = True


def _noun_phrase(t: Any) -> tuple[int, int]:
    """Character span of the noun phrase a subject noun heads, without clauses: its words up to the noun
    and the modifiers after it ("his political opponents", "members of Congress"), not "who came to …"."""
    toks = [x for x in t.subtree if x.i <= t.i and not x.is_punct]
    for c in t.children:
        if c.i > t.i and c.dep_ in ("nmod", "compound", "amod"):
            toks += [x for x in c.subtree if not x.is_punct]
    return min(x.idx for x in toks), max(x.idx + len(x) for x in toks)


def _plural_subject(s: int, doc: Any, index: _Index) -> Optional[Speaker]:
    here = token_at(doc, s)
    if here is None:
        return None
    for t in reversed(doc[_window_start(doc, here):here.i]):
        if t.dep_ in ("nsubj", "nsubj:pass") and t.pos_ == "NOUN" and t.tag_ == "NNS":
            a, b = _noun_phrase(t)
            ov = index.overlapping(a, b)
            if ov:  # an actor is named in it ("Scientology officials", "Hamas fighters")
                if not PLURAL_SUBJECT_ACTORS:
                    return None
                def modifies(m: tuple[int, int, Actor]) -> bool:  # contains the noun, or hangs on it directly
                    span = doc.char_span(m[0], m[1], alignment_mode="expand")
                    return m[0] <= t.idx < m[1] or (span is not None and span.root.head.i == t.i)

                groups = [m for m in ov if m[2].type in NONPERSON_TYPES and m[2].type != "other" and modifies(m)]
                if not groups:
                    return None
                actor = max(groups, key=lambda m: m[1] - m[0])[2]
                return Speaker(name=actor.name, actor_id=actor.id, chain=index.chain(actor))
            return Speaker(name=doc.char_span(a, b, alignment_mode="expand").text, actor_id=None, chain=())
        if t.dep_ in ("nsubj", "nsubj:pass") and t.i < here.i and t.pos_ in ("PROPN", "PRON"):
            return None  # a nearer subject of another kind: the other rules decide
    return None


def _from_last(word: str, s: int, doc: Any, last: _Prior, nouns: dict[str, tuple[str, ...]], index: _Index,
               own: tuple[tuple[int, int], ...]) -> Optional[Speaker]:
    ls, le, lhead, speaker, content = last.start, last.end, last.head, last.speaker, last.content
    if lhead is None or le > s:
        return None
    if word == "it" and (speaker.actor_id is not None or lhead.pos_ != "NOUN"):
        return None  # a named "it" is the actor stage's to find ("The ministry said … It said …")
    if speaker.actor_id is not None:  # a named speaker: of the pronoun's kind, and gender
        actor = index.by_id.get(speaker.actor_id)
        if not PREVIOUS_SPEAKER_FIRST or actor is None:
            return None
        # a person by the actor stage, or by a word of the source ("ministry spokesman … Saad Maan", typed otherwise)
        src_toks = doc.char_span(ls, le, alignment_mode="expand") or [lhead]
        person = actor.type == "person" or any(_person_word(t, nouns) or _nationality_noun(t) for t in src_toks)
        if word == "they" and actor.type not in PLURAL_TYPES or word != "they" and not person:
            return None
        g = index.gender(actor, doc) if word != "they" else ""
        if g and g != PRONOUN_GENDER[word]:
            return None
    elif lhead.pos_ == "PROPN":  # a name the actor stage left out ("Maan said …. “…,” he said")
        if word == "they" or lhead.ent_type_ not in ("PERSON", ""):
            return None
    else:
        if lhead.pos_ != "NOUN":
            return None
        plural = lhead.tag_ in ("NNS", "NNPS") or "group" in nouns.get(lhead.lower_, ())
        if (word == "they") != plural:
            return None
        if word == "it":
            if _person_word(lhead, nouns):
                return None  # "it" is no person
        elif word != "they" and not _person_word(lhead, nouns):
            return None  # "According to hagiography, … he": "he" needs a person
        if word in ("he", "she") and GENDERED_NOUN_AGREEMENT:
            src_words = {t.lower_ for t in doc.char_span(ls, le, alignment_mode="expand") or [lhead]}
            if src_words & (FEMALE_WORDS if word == "he" else MALE_WORDS):
                return None  # "The spokeswoman said … “…,” he said": someone else
    here, there = token_at(doc, s), token_at(doc, ls)
    if here is None or there is None:
        return None
    between = doc[there.i:here.i]
    if here.sent.start != there.sent.start and any(
            not t.is_space and not (OWN_QUOTE_NOT_BETWEEN and _within(t.idx, own))
            for t in doc[there.sent.end:here.sent.start]):
        return None  # only from the same sentence or the one right before it (what this one says aside:
        # 'The band members … . "So sad … . Rest in peace," they said.')
    if not PREVIOUS_SPEAKER_ACROSS_PARAGRAPHS and any("\n" in t.text_with_ws for t in between):
        return None  # and within the paragraph
    for ms, me, actor in index.before(s):  # an actor that was a subject in between takes the pronoun,
        if ms < le:                        # unless it was one inside what the earlier source said
            break
        if _within(ms, content + own):
            continue  # inside what was said, before or now ("“The wives of al-Baghdadi are …,” he said")
        span = doc.char_span(ms, me, alignment_mode="expand")
        if span is not None and span.root.dep_ in ("nsubj", "nsubj:pass"):
            return None
    return speaker


#: first-person pronouns as sources
FIRST_PERSON = frozenset({"i", "me", "we", "us"})
#: a first-person source ("I think …", "we will …") speaks for whoever says the quotation it stands in:
#: "I" is that statement's speaker, "we" the group the speaker belongs to (or the speaker); outside any
#: quotation it is the writer, whom the article does not name, and stays unresolved
FIRST_PERSON_FROM_QUOTE = True


def _first_person_speaker(k: int, raws: Sequence[Any], resolved: dict[int, Optional[Speaker]], index: _Index,
                          text: str, document: Optional[Document] = None,
                          interviewee: Optional[Actor] = None) -> Speaker:
    r = raws[k]
    s, e = r.source
    name = text[s:e]
    best, size = None, None
    for j, other in enumerate(raws):
        if j == k or resolved.get(j) is None or other.kind not in ("direct", "mixed"):
            continue
        for ps, pe in other.content:
            if ps <= s and e <= pe and (size is None or pe - ps < size):
                best, size = j, pe - ps
    if best is None:
        if interviewee is not None and name.lower() in ("i", "me") and document is not None:
            par = document.paragraph_at(s)
            if par is not None and par.role == "body" and not text[par.start:par.end].rstrip().endswith("?"):
                return Speaker(name=interviewee.name, actor_id=interviewee.id, chain=index.chain(interviewee))
        return Speaker(name=name, actor_id=None, chain=())
    quoting = resolved[best]
    if name.lower() in ("we", "us") and quoting.actor_id:
        actor = index.by_id.get(quoting.actor_id)
        group = index.by_id.get(actor.affiliation) if actor is not None and actor.affiliation else None
        if group is not None:
            return Speaker(name=group.name, actor_id=group.id, chain=index.chain(group))
    return quoting


#: in an interview ("Wikinews interviews Jane Doe, …", "Interview with …", "Q&A: …"), an "I" outside any
#: quotation in an answer (a body paragraph that is no question) is the person the headline names
INTERVIEW_FIRST_PERSON = True
INTERVIEW_HEADLINE = re.compile(r"\b(?:interviews?|interviewed|Q\s*&\s*A)\b(?:\s+with)?[\s:,–—-]+", re.I)


def _interviewee(document: Document, index: _Index) -> Optional[Actor]:
    """The person an interview's headline names after "interviews"/"interview with"/"Q&A", or None."""
    for par in document.paragraphs:
        if par.role != "headline":
            continue
        m = INTERVIEW_HEADLINE.search(document.text, par.start, par.end)
        if m is None:
            return None
        for s, e, actor in index.ments:
            if m.end() <= s and e <= par.end and actor.type == "person":
                return actor
        return None
    return None


#: Actor types a possessor description may give a person as affiliation ("the group's commander X").
POSSESSOR_GROUP_TYPES = ("group", "organization", "media")


def _possessor_group(index: _Index, doc: Any, s: int, e: int, person: Actor, history: list[Actor],
                     nouns: dict[str, tuple[str, ...]]) -> Optional[Actor]:
    """The organisation a possessor inside a person's source phrase stands for, when the actors stage gave
    the person no affiliation: "the terror group's military commander Muhammad Deif" -> the group that
    "the terror group" resolves to (a named possessor, or a description resolved like any anaphor)."""
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return None
    for t in span:
        if t.dep_ != "nmod:poss" or not (span.start <= t.head.i < span.end) or t.pos_ not in ("NOUN", "PROPN"):
            continue
        ps = min(x.idx for x in t.subtree)
        pe = max(x.idx + len(x) for x in t.subtree if x.dep_ != "case")
        actor = _direct(index, t, ps, pe)
        if actor is None and t.pos_ == "NOUN":
            actor = _anaphor(index, t, ps, history, nouns, doc, pe)
        if actor is not None and actor.id != person.id and actor.type in POSSESSOR_GROUP_TYPES:
            return actor
    return None


def _source_head(doc: Any, s: int, e: int) -> Optional[Any]:
    """The head noun of a source phrase: the last noun or pronoun before any apposition, relative
    clause or prepositional phrase ("Iran's state-owned Press TV" -> TV; "Iranian officials, including
    ..." -> officials; "the group's military commander Muhammad Deif" -> Deif)."""
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return None
    head = None
    for t in span:
        if t.text in (",", "(", "—", "–") or t.lower_ in ("who", "which", "that") or (t.pos_ == "ADP" and head is not None):
            break
        if t.pos_ in ("NOUN", "PROPN", "PRON"):
            head = t
    return head


#: a source headed by a noun of kinship or service is not the person named inside it ("The sister of
#: photojournalist Luke Somers has said", "Trump's lawyer said"); the possessor group rules still apply
RELATIONAL_HEADS_NOT_RELATIVE = True
RELATIONAL_HEADS = frozenset({
    "sister", "brother", "mother", "father", "son", "daughter", "wife", "husband", "widow", "widower", "partner",
    "girlfriend", "boyfriend", "fiancée", "fiancee", "fiancé", "cousin", "uncle", "aunt", "niece", "nephew",
    "grandmother", "grandfather", "grandson", "granddaughter", "parent", "child", "family", "relative", "friend",
    "neighbor", "neighbour", "colleague", "lawyer", "attorney", "aide", "adviser", "advisor", "assistant",
    "spokesman", "spokeswoman", "spokesperson", "representative", "agent", "manager", "publicist", "doctor",
    "biographer", "chief of staff"})

#: a kind noun right after an actor's name names that actor ("the Haaretz daily"), when the noun can stand
#: for actors of its type (speaker_nouns.tsv)
KIND_NOUN_AFTER_NAME = True


#: a name in the "of" phrase of a source's head ("the Archbishop of Varno") is not the speaker
OF_PHRASE_NOT_SPEAKER = True


def _of_head(h: Any, m: tuple) -> bool:
    """Whether mention ``m`` is the "of" phrase of head ``h`` ("Archbishop of <m>")."""
    span = h.doc.char_span(m[0], m[1], alignment_mode="expand")
    if span is None:
        return False
    if span.start > h.i + 1 and _phrase_at(h.doc, h.i, load_knowledge().titles, 4) == span.start - h.i:
        return False  # "Chief of Staff Denis McDonough": the "of" is inside a title, the name is the person's
    root = span.root
    return root.head.i == h.i and root.i > h.i and any(c.dep_ == "case" and c.lower_ == "of" for c in root.children)


def _direct(index: _Index, h: Any, s: int, e: int) -> Optional[Actor]:
    """An actor with a mention inside the source, preferring the one containing the source's head."""
    ov = index.overlapping(s, e)
    if not ov:
        return None
    if h is not None:
        # the head of the source phrase, following flat name parts to the last one
        hs, he = h.idx, h.idx + len(h)
        for m in ov:
            if m[0] <= hs and he <= m[1]:
                return m[2]
        if KIND_NOUN_AFTER_NAME and h.pos_ == "NOUN" and h.i > 0:
            # "the Daily Mail newspaper", "the Hamas movement": a noun saying what kind of actor the name
            # right before it is names that actor
            types = load_speaker_nouns().get(h.lemma_.lower(), ())
            prev = h.doc[h.i - 1]
            for m in ov:
                if m[1] == prev.idx + len(prev) and m[2].type in types:
                    return m[2]
        if RELATIONAL_HEADS_NOT_RELATIVE and h.lemma_.lower() in RELATIONAL_HEADS:
            # "The sister of … Luke Somers", "Trump's lawyer": someone else than the name inside, unless
            # the name is in apposition ("Foley's mother, Diane Foley,")
            for m in ov:
                span = h.doc.char_span(m[0], m[1], alignment_mode="expand")
                if m[2].type == "person" and span is not None and (
                        (span.root.dep_ == "appos" and span.root.head.i == h.i)
                        or (h.dep_ == "appos" and h.head.i == span.root.i)
                        or (m[0] > h.idx and span.start > 0 and h.doc[span.start - 1].text in (",", "—", "–"))
                        or span.start == h.i + 1):  # "WHO spokesman Christy Feig"
                    return m[2]
            return None
        if h.pos_ == "PRON" or (h.lemma_.lower() in load_speaker_nouns() and not h.text[:1].isupper()):
            # "the group's military commander": the head is a description; let anaphora decide unless a
            # person mention sits inside the phrase
            persons = [m for m in ov if m[2].type == "person"]
            return persons[-1][2] if persons else None
        # the head is outside every mention: the source is something an actor owns or leads
        # ("Iran's state-owned Press TV"), not that actor; a person mention inside still names the speaker,
        # unless it is what the head is "of" ("the Archbishop of Camerino", a place taken for a name)
        persons = [m for m in ov if m[2].type == "person" and not (OF_PHRASE_NOT_SPEAKER and _of_head(h, m))]
        return persons[-1][2] if persons else None
    persons = [m for m in ov if m[2].type == "person"]
    if persons:
        return persons[-1][2]
    return max(ov, key=lambda m: m[1] - m[0])[2]


def _owner(index: _Index, s: int, e: int) -> Optional[Actor]:
    ov = index.overlapping(s, e)
    return max(ov, key=lambda m: m[1] - m[0])[2] if ov else None


#: descriptions that introduce someone rather than refer back: an indefinite one ("a man said", "one
#: official said") and a person noun pinned down by its own modifier ("the man in the video", "the woman
#: who filmed it"); they are resolved only to an actor named inside them
NEW_REFERENT_DESCRIPTIONS = True
INDEFINITE_DETERMINERS = frozenset({"a", "an", "another", "one", "some", "several", "many", "few", "two", "three"})
GENERIC_PERSON_NOUNS = frozenset({"man", "woman", "men", "women", "person", "people", "boy", "girl", "child",
                                  "children", "resident", "residents", "witness", "witnesses", "someone"})


def _new_referent(head: Any) -> bool:
    if head is None or head.pos_ not in ("NOUN", "PRON"):
        return False
    kids = list(head.children)
    if any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE_DETERMINERS and c.i < head.i for c in kids):
        return True
    return head.lower_ in GENERIC_PERSON_NOUNS and any(
        c.i > head.i and c.dep_ in ("nmod", "acl", "acl:relcl", "relcl", "prep") for c in kids)


#: "the drunk man" after "a drunk man grows increasingly belligerent": a definite person description whose
#: noun (with the same modifiers) was brought in earlier with an indefinite article and no name in its sentence
#: refers to that unnamed person, not to a named actor (an earlier unnamed source it refers back to, "a
#: resident said … the resident added", is still found first)
UNNAMED_ANTECEDENT = True


def _unnamed_antecedent(head: Any) -> bool:
    """Whether the definite person description headed by ``head`` takes up an unnamed "a …" mention before it."""
    if head.lower_ not in GENERIC_PERSON_NOUNS or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") and c.i < head.i for c in head.children):
        return False
    doc = head.doc
    mods = _modifiers(head)
    for t in doc[max(0, head.i - 400):head.i]:
        if t.lemma_ == head.lemma_ and t.pos_ == "NOUN" and mods <= _modifiers(t) and any(
                c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in t.children) and not any(
                x.pos_ == "PROPN" for x in t.subtree) and not any(
                x.ent_type_ == "PERSON" for x in t.sent if x.i > t.i):
            return True  # and no name after it in its sentence ("a kneeling man … who is purported to be James Foley")
    return False


def _modifiers(t: Any) -> frozenset:
    """The lemmas of the words that modify noun ``t`` before it ("drunk", "masked", "kneeling")."""
    return frozenset(c.lemma_.lower() for c in t.children if c.i < t.i and c.dep_ in ("amod", "compound"))


#: a plural description does not head-match a country or a person whose name ends in that word ("the
#: states ask this Court" is not the United States)
PLURAL_HEADS_NOT_SINGLE_ACTORS = True


#: a source is never resolved to a name inside its own statement's content ("“… this American citizen,
#: Obama, depends on your next decision,” the man in the video said": the man is not Obama)
OWN_CONTENT_NOT_ANTECEDENT = True


def _anaphor(index: _Index, h: Any, s: int, history: list[Actor], nouns: dict[str, tuple[str, ...]], doc: Any,
             e: int = 0, own: tuple[tuple[int, int], ...] = ()) -> Optional[Actor]:
    word = h.lower_ if h is not None else ""
    pronoun_gender = PRONOUN_GENDER.get(word, "") if GENDER_AGREEMENT else ""

    def before(pos: int) -> list[tuple[int, int, Actor]]:  # earlier mentions, none inside the own content
        return [m for m in index.before(pos) if not _within(m[0], own)]

    if word in PERSON_PRONOUNS:
        types: tuple[str, ...] = ("person",)
    elif word in GROUP_PRONOUNS:
        types = PLURAL_TYPES if word in ("they", "them", "we") else NONPERSON_TYPES
    else:
        types = nouns.get(word, ())
    # 0. a description with a place as possessor ("Gaza's terrorist rulers"): the most recent actor of
    #    that place's country, other than the place itself
    owner = _owner(index, s, e) if e > s else None
    if owner is not None and owner.type in ("country", "other") and owner.country:
        for prev in reversed(history):
            if prev.type in types and prev.country == owner.country and prev.id != owner.id:
                return prev
        for m in before(s):
            if m[2].type in types and m[2].country == owner.country and m[2].id != owner.id:
                return m[2]
    # 0b. head match (the strict-head-match sieve of Lee et al. 2013): a description whose head noun is
    #     a word of an earlier actor's name ("the ministry" -> "Interior Ministry", "the board" ->
    #     "Harbor Safety Board"): the most recent such speaker, else the nearest such mention
    if word and h.pos_ == "NOUN" and word not in PERSON_PRONOUNS and word not in GROUP_PRONOUNS:
        plural = h.morph.get("Number") == ["Plur"] or h.tag_ == "NNS"

        def head_match(actor: Actor) -> bool:
            if PLURAL_HEADS_NOT_SINGLE_ACTORS and plural and actor.type in ("country", "person"):
                return False  # "the states" are not the United States
            names = (actor.name,) + tuple(actor.aliases)
            return any(word in n.lower().replace("’", "'").split() for n in names)

        for prev in reversed(history):
            if head_match(prev):
                return prev
        for m in before(s):
            if head_match(m[2]):
                return m[2]
    if not types:
        return None
    # 0c. a pronoun whose sentence or the sentence before has a compatible actor as subject takes the
    #     nearest such subject ("Hezbollah has attacked ... It says ..."): the subject of the previous
    #     clause outranks older speakers (Lee et al. 2013, pronoun sieve: nearby subjects first)
    def agrees(actor: Actor) -> bool:  # "she" is no man known as one, "he" no woman
        if not pronoun_gender or actor.type != "person":
            return True
        g = index.gender(actor, doc)
        return not g or g == pronoun_gender

    if word in PERSON_PRONOUNS or word in GROUP_PRONOUNS:
        subject = _recent_subject(index, doc, s, types, agrees, own, word)
        if subject is not None:
            return subject
    # 1. the most recent earlier speaker of a compatible type (news goes on quoting the same person:
    #    "Sharif said ... He also said ... “…,” he threatened")
    for prev in reversed(history[-SPEAKER_HISTORY:]):
        if prev.type in types and agrees(prev):
            return prev
    # 2. the nearest earlier mention of a compatible actor (nearby subjects were tried in 0c); not for
    #    "they", which far more often stands for people no actor names ("Doctors and police officers
    #    combed the area … They believe …") than for a country or group mentioned in passing
    if THEY_NEEDS_SUBJECT_OR_SPEAKER and word in ("they", "them"):
        return None
    for m in before(s):
        if m[2].type in types and agrees(m[2]):
            return m[2]
    return None


THEY_NEEDS_SUBJECT_OR_SPEAKER = True


def _window_start(doc: Any, tok: Any) -> int:
    """The first token of the window a pronoun looks back into: its sentence and, within the same
    paragraph, the sentence before it."""
    sent = tok.sent
    if sent.start > 0:
        prev = doc[sent.start - 1].sent
        between = doc[prev.end - 1].whitespace_ + doc[prev.end:sent.start].text_with_ws  # no doc.text: O(n)
        if "\n" not in between and "\n" not in prev.text.strip():
            return prev.start
    return sent.start


def _recent_subject(index: _Index, doc: Any, s: int, types: tuple[str, ...],
                    agrees: Any = None, own: tuple[tuple[int, int], ...] = (), word: str = "",
                    depth: int = 0) -> Optional[Actor]:
    """The nearest actor of a compatible type that is the subject of a clause earlier in the pronoun's
    sentence or in the sentence before it (same paragraph), or None.

    With :data:`PRONOUN_SUBJECT_CHAINS`, a nearer subject that is the same pronoun ("he" for "he") stands
    for whoever that pronoun stands for: the speaker it was resolved to if it is a source, else the
    subject before it, and so on back ("Otto Jespersen was born … He was inspired by Rasmus Rask … He
    entered … he shifted … He supported himself": not Rask)."""
    tok = token_at(doc, s)
    if tok is None:
        return None
    start = _window_start(doc, tok)
    lo = doc[start].idx
    found = None
    for m in index.before(s):
        if m[0] < lo:
            break
        if m[2].type not in types or (agrees is not None and not agrees(m[2])) or _within(m[0], own):
            continue
        if QUOTED_SUBJECTS_OUT and _within(m[0], index.quoted):
            continue  # "“Regardless of the fact Kai was left …,” he said": a subject in someone's words
        span = doc.char_span(m[0], m[1], alignment_mode="expand")
        if span is not None and span.root.dep_ in ("nsubj", "nsubj:pass"):
            found = m
            break
    if PRONOUN_SUBJECT_CHAINS and word in PRONOUN_GENDER and depth < MAX_CHAIN:
        for i in range(tok.i - 1, start - 1, -1):
            p = doc[i]
            if found is not None and p.idx < found[1]:
                break
            if p.lower_ == word and p.dep_ in ("nsubj", "nsubj:pass") and not _within(p.idx, own) \
                    and p.head.dep_ in MAIN_CLAUSE_DEPS:
                actor = index.resolved_at.get(p.idx)
                if actor is None:
                    actor = _recent_subject(index, doc, p.idx, types, agrees, own, word, depth + 1)
                if actor is not None:
                    return actor
                break
    return found[2] if found is not None else None


#: the subject of a clause inside a quotation is no antecedent for a nearby-subject pronoun
QUOTED_SUBJECTS_OUT = True
#: a pronoun subject whose nearest earlier subject is the same pronoun refers to what that one refers to
PRONOUN_SUBJECT_CHAINS = True
#: only the subject of a main clause continues a chain, not one in a clause of time or condition ("If he
#: doesn't come, I'll ask Dan. I'm going with Ed, but haven't heard from him since he walked me back")
MAIN_CLAUSE_DEPS = frozenset({"ROOT", "conj", "parataxis"})
#: how many such pronouns back a chain is followed
MAX_CHAIN = 8


#: person pronouns and the gender they refer to
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
#: pronouns agree in gender with the person they resolve to, where the text shows it
GENDER_AGREEMENT = True
#: a gendered word shows a person's gender only right before the name, or before a title's full stop or
#: an appositive's comma
TITLE_RIGHT_BEFORE = True
#: words right before a person's name that show gender ("Mr. Tellier", "spokeswoman Jane Doe")
MALE_WORDS = frozenset({"mr", "mr.", "sir", "lord", "king", "prince", "father", "son", "brother", "husband",
                        "spokesman", "chairman", "congressman", "businessman", "councilman", "assemblyman",
                        "uncle", "nephew", "grandfather", "boyfriend", "sheikh", "emir", "pope", "cardinal"})
FEMALE_WORDS = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "queen", "princess", "mother",
                          "daughter", "sister", "wife", "spokeswoman", "chairwoman", "congresswoman",
                          "businesswoman", "councilwoman", "assemblywoman", "aunt", "niece", "grandmother",
                          "girlfriend", "actress"})
TITLE_WORDS = MALE_WORDS | FEMALE_WORDS


#: a person the text shows no gender for takes the gender of their first name, where the first-name
#: lexicon (``first_names.tsv``, built by ``training/names.py``) knows it ("Bill Nelson … she said" is
#: not Bill)
FIRST_NAME_GENDER = True
#: ... and, for a first name that lexicon lacks, the reference list of common one-sided names
#: (``name_genders.tsv``, built by ``training/name_genders.py`` from nomquamgender, MIT): "Mary Chaworth"
REFERENCE_NAME_GENDER = True


def first_name_gender(names: Sequence[str]) -> str:
    """The gender the lexicons give the first name of a person's name or aliases ("Mary Chaworth" → "f"),
    "" when they know none or the names disagree. A name of one word is a surname and shows nothing. The
    project's own lexicon (learnt from news) comes first, the reference list after it."""
    own = load_first_names()
    reference = load_name_genders() if REFERENCE_NAME_GENDER else {}
    found = set()
    for name in names:
        words = name.split()
        if len(words) >= 2:
            first = words[0].lower()
            g = own.get(first) or reference.get(first)
            if g:
                found.add(g)
    return found.pop() if len(found) == 1 else ""


#: reflexive pronouns that show the gender of their clause's subject ("Jane Doe defended herself"); not
#: possessives, which often point elsewhere ("Clinton attacked his record")
GENDER_FROM_OWN_CLAUSE = True
OWN_CLAUSE_GENDER = {"himself": "m", "herself": "f"}


def _person_genders(index: _Index, doc: Any) -> dict[str, str]:
    """Gender of person actors as the text shows it: a title right before a mention ("Mr.", "Mrs.",
    "spokeswoman"), a title in apposition after it ("Jane Doe, a spokeswoman,"), or a pronoun subject of
    the clause a mention's verb reports ("Sharif said he …").
    An actor with evidence both ways gets none."""
    votes: dict[str, set[str]] = {}
    for s, e, actor in index.ments:
        if actor.type != "person":
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        for j in (span.start - 1, span.start - 2):
            if TITLE_RIGHT_BEFORE and j == span.start - 2 and (j < 0 or doc[j + 1].text not in (".", ",")):
                break  # "Mrs . Clinton", "his father, Albert", not "the spokeswoman disputed Hunter's claim"
            if j >= 0 and doc[j].lower_ in MALE_WORDS:
                votes.setdefault(actor.id, set()).add("m")
            elif j >= 0 and doc[j].lower_ in FEMALE_WORDS:
                votes.setdefault(actor.id, set()).add("f")
        if span[0].lower_ in TITLE_WORDS:  # the title inside the mention
            votes.setdefault(actor.id, set()).add("m" if span[0].lower_ in MALE_WORDS else "f")
        root = span.root
        for c in root.children:  # an apposition that shows it ("Jane Doe, a spokeswoman, …")
            if c.dep_ == "appos" and c.i > root.i and c.lower_ in TITLE_WORDS:
                votes.setdefault(actor.id, set()).add("m" if c.lower_ in MALE_WORDS else "f")
        if root.dep_ in ("nsubj", "nsubj:pass"):
            for c in root.head.children:
                if c.dep_ == "ccomp":
                    for g in c.children:
                        if g.dep_ in ("nsubj", "nsubj:pass") and g.lower_ in ("he", "she"):
                            votes.setdefault(actor.id, set()).add(PRONOUN_GENDER[g.lower_])
                elif GENDER_FROM_OWN_CLAUSE and c.i > root.i and c.dep_ in ("obj", "obl", "iobj"):
                    # "Jane Doe defended herself": a reflexive in the subject's own clause (not in a
                    # clause below it) is the subject's
                    for g in c.subtree:
                        if g.lower_ in OWN_CLAUSE_GENDER and (g.head == c or g == c):
                            votes.setdefault(actor.id, set()).add(OWN_CLAUSE_GENDER[g.lower_])
    return {a: next(iter(v)) for a, v in votes.items() if len(v) == 1}


def affiliations_from_speakers(actors: Sequence[Actor], statements: Sequence[Any]) -> tuple[Actor, ...]:
    """Actors with the affiliations that speaker resolution found and the actors stage did not: a
    person named after a possessive description ("the terror group's military commander Muhammad
    Deif said") belongs to the group the description resolved to. A person who already has an
    affiliation, or a chain whose group name is ambiguous among the actors, is left as it is."""
    by_name: dict[str, list[Actor]] = {}
    for a in actors:
        by_name.setdefault(a.name, []).append(a)
    found: dict[str, Actor] = {}
    for st in statements:
        sp = getattr(st, "speaker", None)
        if sp is None or sp.actor_id is None or len(sp.chain) < 2:
            continue
        groups = by_name.get(sp.chain[1], [])
        if len(groups) == 1 and groups[0].id != sp.actor_id:
            found.setdefault(sp.actor_id, groups[0])
    if not found:
        return tuple(actors)
    out = []
    for a in actors:
        g = found.get(a.id)
        if g is not None and a.type == "person" and a.affiliation is None:
            a = dataclasses.replace(a, affiliation=g.id, country=a.country or g.country)
        out.append(a)
    return tuple(out)

