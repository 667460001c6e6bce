"""Who speaks and which words report it: the cue span and the source of a cue.

The cue is the verb with the auxiliaries, adverbs, particles and bare day words PolNeAR puts in it
(``has also said Friday``); the source is the verb's subject, the agent of a passive or a subject
inherited over coordination, as the whole noun phrase without time phrases, participle clauses and
non-restrictive relative clauses. When the parse gives no subject, the name phrase next to the cue is
found by part of speech (``Donna Brazile, the interim chairwoman of the DNC, said``, ``“…,” said X``).
Also here: the extent of the reporting clause and the double quote right before or after it.

The flags ``MISLABELLED_SUBJECTS``, ``DROP_SOURCE_RELATIVES`` and ``SOURCE_KEEPS_CLOSING_COMMA`` are read
from this module at call time: to toggle one, set it here, not on :mod:`counterclaim.extract.statements`.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any, Optional

from counterclaim.extract.cues import CueModel, cue_key
from counterclaim.extract.gazetteer import data_lines, load_speaker_nouns
from counterclaim.extract.speech_acts import act_lemma, load_ambiguous
from counterclaim.extract.statement_base import (
    ADDRESSEE_VERBS, DATE_WORDS, PASS_SUBJ_DEPS, SUBJ_DEPS, _Ctx, _is_time, _trim, after_comma, token_at,
)

#: a bare time word right after the cue verb is part of the cue ("said Friday"; PolNeAR train: 91 of 156)
CUE_TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                            "today", "yesterday", "tonight", "overnight"})
#: Left dependents of the cue verb that belong to the cue (PolNeAR: "has said", "was believed").
CUE_LEFT_DEPS = frozenset({"aux", "aux:pass"})
#: Adverbs directly before the verb that PolNeAR puts inside the cue ("also said").
CUE_LEFT_ADVERBS = frozenset({"also", "not", "never", "repeatedly", "publicly", "previously", "later",
                              "recently", "further", "reportedly", "once", "again", "already", "since",
                              "first", "even", "still", "often", "swiftly", "quickly", "immediately",
                              "privately", "openly", "explicitly", "falsely", "wrongly", "specifically",
                              "widely", "frequently", "consistently", "long", "flatly", "initially"})
#: Dependents of the cue that belong to the reporting clause, not to the content.
REGION_DEPS = frozenset({"aux", "aux:pass", "advmod", "obl", "obl:tmod", "obl:npmod", "nmod:tmod", "punct_", "compound:prt", "cc"})
#: Parts of speech of a name phrase for the POS fallback source.
NP_POS = ("PROPN", "NOUN", "ADJ", "DET", "NUM", "PRON")
#: Abbreviations whose full stop belongs to a name ("Mr. Rubio", "Sen. McCaskill").
NAME_ABBREVIATIONS = frozenset({"Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt",
                                "Adm", "Maj", "Brig", "Prof", "Rev", "St", "Jr", "Sr", "Co", "Corp", "Inc", "Ltd",
                                "U.S", "U.N", "D", "R"})
#: Longest apposition the part-of-speech fallback walks over.
APPOS_MAX_TOKENS = 16
#: What may stand between a quote and its reporting clause.
ADJ_PUNCT = " ,—–-\n\t"
#: PolNeAR includes the comma that closes an apposition in the source.
SOURCE_KEEPS_CLOSING_COMMA = True
#: a clause-opening noun phrase the parse labelled as an unmarked oblique is taken for the subject
MISLABELLED_SUBJECTS = True
#: drop a non-restrictive relative clause from a source (PolNeAR leaves it out)
DROP_SOURCE_RELATIVES = True
#: the full stop of an abbreviation that ends a source stays in it ("the F.B.I.")
KEEP_ABBREVIATION_STOP = True
#: a name after the cue runs on over "of" and a capitalised place or organisation ("said Sen. Tom Carper of
#: Delaware")
NAME_OF_PLACE = True
#: the source ends before a participle or time phrase left out of it (a comma after that phrase does not bring
#: it back)
SOURCE_ENDS_AT_DROPPED = True


#: a cue never reaches back over a quotation mark for an auxiliary or adverb the parse hung on it
CUE_OUTSIDE_QUOTES = True


def _cue_span(tok: Any, model: CueModel) -> tuple[int, int]:
    doc = tok.doc
    start = tok.i
    for c in tok.children:
        if c.i < tok.i and c.dep_ in CUE_LEFT_DEPS:
            if CUE_OUTSIDE_QUOTES and any(doc[k].is_quote for k in range(c.i + 1, tok.i)):
                continue  # "… things Bill Clinton did as president,'' said X": "did" is not the cue's
            start = min(start, c.i)
    # contiguous adverbs, negation and auxiliaries right before the verb group ("later said", "would have loved")
    while start > 0 and (doc[start - 1].lower_ in CUE_LEFT_ADVERBS or (
            doc[start - 1].head.i == tok.i and (doc[start - 1].pos_ in ("ADV", "AUX", "PART")
                                                 and doc[start - 1].dep_ in ("advmod", "aux", "aux:pass", "cop")))) \
            and doc[start - 1].head.i == tok.i and doc[start - 1].sent.start == tok.sent.start:
        start -= 1
    end = tok.i
    parts = model.particles.get(cue_key(tok), {})
    j = tok.i + 1
    while j < len(doc) and j <= tok.i + 3:
        w = doc[j]
        if w.dep_ == "compound:prt" and w.head.i == tok.i:
            end = j
        elif w.lower_ in parts and parts[w.lower_] >= 0.5 and w.dep_ in ("case", "mark", "punct", "compound:prt", "fixed", "advmod", "obl"):
            end = j
        elif w.lower_ in CUE_TIME_WORDS and w.head.i == tok.i:
            end = j  # "said Friday that ...": PolNeAR keeps a bare day word after the verb in the cue
        else:
            break
        j += 1
    first, last = doc[start], doc[end]
    return first.idx, last.idx + len(last)


def _is_passive(tok: Any) -> bool:
    """A passive verb: labelled so, or a past participle with a form of "be" and no "have" before it
    ("Japan's economy is forecast to grow", which the parse may give a copula and an active subject)."""
    kids = list(tok.children)
    if any(c.dep_ == "aux:pass" for c in kids) and _nominal_aux_subject(tok) is None:
        return True
    if any(c.dep_ in ("nsubj:pass", "csubj:pass") for c in kids):
        # "Trump called for …", "Trump has called for …": a past tense or perfect the parse labelled passive
        return not (MISLABELLED_PASSIVES and (tok.tag_ == "VBD" or any(
            c.dep_ == "aux" and c.lemma_.lower() == "have" for c in kids)))
    return (tok.tag_ == "VBN" and any(c.dep_ in ("aux", "cop") and c.lemma_.lower() == "be" and c.i < tok.i for c in kids)
            and not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in kids))


#: a name the parse labelled an auxiliary is the verb's subject (_nominal_aux_subject)
NOMINAL_AUX_SUBJECTS = True


def _nominal_aux_subject(tok: Any) -> Optional[Any]:
    """A name, noun or pronoun right before verb ``tok`` (adverbs between) that the parse labelled its
    auxiliary ("Ware" in "“…,” Ware added."): no auxiliary is one, so it is the verb's subject."""
    if not NOMINAL_AUX_SUBJECTS:
        return None
    for c in tok.children:
        if c.i < tok.i and c.dep_ in ("aux", "aux:pass") and c.pos_ in ("PROPN", "NOUN", "PRON") \
                and all(t.pos_ in ("ADV", "AUX", "PART") for t in tok.doc[max(x.i for x in c.subtree) + 1:tok.i]) \
                and not any(x.text == "," for x in c.subtree):
            return c
    return None


def _agent(tok: Any) -> Optional[Any]:
    for c in tok.children:
        if c.dep_ in ("obl:agent", "obl", "nmod:agent") and any(g.dep_ == "case" and g.lower_ == "by" for g in c.children):
            return c
    return None


#: a verb with a "passive subject" but no passive auxiliary, in the past tense or after "have", is active
MISLABELLED_PASSIVES = True
#: a participle or coordinated cue inherits its head's subject even when that stands after the head
INHERIT_INVERTED = True
#: of several subjects before a cue, the nearest is the source
NEAREST_SUBJECT = True


#: a passive verb of feeling or believing takes its passive subject as the source, not its "by" phrase
#: ("Mr. Ackman is convinced that …", "Sanders isn't impressed by the agreement"; data/experiencer_verbs.txt)
EXPERIENCER_PASSIVES = True


@functools.lru_cache(maxsize=1)
def load_experiencer_verbs() -> frozenset[str]:
    """``experiencer_verbs.txt``: lemmas of verbs whose object feels or believes ("convince", "concern")."""
    return frozenset(row[0].strip().lower() for row in data_lines("experiencer_verbs.txt") if row and row[0].strip())


def _experiencer(tok: Any) -> Optional[Any]:
    """The passive subject of a passive verb of feeling or believing (see :data:`EXPERIENCER_PASSIVES`)."""
    if not EXPERIENCER_PASSIVES or not _is_passive(tok):
        return None
    lemma = tok.lemma_.lower()
    verbs = load_experiencer_verbs()
    if lemma not in verbs and not (lemma.endswith("ed") and (lemma[:-1] in verbs or lemma[:-2] in verbs)):
        return None  # (the lemmatizer keeps some participles: "enamored")
    if _agent(tok) is not None and act_lemma(tok) is not None:
        return None  # a verb of telling with its teller: "Stan had been assured by the phone company that …"
    return next((c for c in tok.children if c.dep_ in PASS_SUBJ_DEPS + SUBJ_DEPS and c.i < tok.i), None)


def _subject(tok: Any, depth: int = 0, experiencer_ok: bool = True) -> Optional[Any]:
    """The source token of a cue verb: its subject, the passive agent, or an inherited subject.
    ``experiencer_ok``: whether a passive verb of feeling hands its subject down (to a verb coordinated
    with it: "officials were angered by the deal and predicted …"; not to a participle hung on it)."""
    experiencer = _experiencer(tok) if experiencer_ok else None
    if experiencer is not None:
        return experiencer
    if _is_passive(tok) or tok.morph.get("VerbForm") == ["Part"] and tok.dep_ in ("acl", "amod"):
        a = _agent(tok)
        if a is not None:
            return a
        if _is_passive(tok):
            return None
    subj_deps = SUBJ_DEPS + PASS_SUBJ_DEPS if MISLABELLED_PASSIVES else SUBJ_DEPS  # active here (checked above)
    subjects = [c for c in tok.children if c.dep_ in subj_deps and c.i < tok.i]
    # a "subject" after the verb is the subject of a complement the parse flattened ("vowed the response
    # will be ..."); quote inversion ("…,” said X") is handled by the caller. Of two, the nearer one
    # speaks: "The average weekly benefit, it says, ..." (the parse makes "benefit" an outer subject)
    if subjects:
        return subjects[-1] if NEAREST_SUBJECT else subjects[0]
    if MISLABELLED_SUBJECTS:
        named_aux = _nominal_aux_subject(tok)  # "“…,” Ware added.": the parse made the name an auxiliary
        for c in tok.children:
            if c == named_aux:
                return c
            # "The GOP nominee complained ...": a bare noun phrase opening the clause, labelled as an
            # unmarked oblique, is the subject the parse missed (never a time phrase: "Monday he said")
            if c.i < tok.i and c.dep_ in ("obl:unmarked", "nmod:unmarked", "obl:npmod", "dep") \
                    and c.pos_ in ("NOUN", "PROPN") and not _is_time(c) and not c.ent_type_ in ("DATE", "TIME") \
                    and min(t.i for t in c.subtree) == tok.sent.start \
                    and not any(x.dep_ == "case" for x in c.children):
                return c
    if depth == 0 and _coordinated_report(tok):
        # "He said X killed Y but asserted that ...": the parse hung the second reporting verb on a verb
        # of the first one's content; it shares the subject of that reporting verb, not of the content
        for anc in tok.head.ancestors:
            if _reporting(anc):
                return _subject(anc, depth + 1, experiencer_ok=False)
    if CONTENT_CONJUNCT_OUTER_SUBJECT and depth == 0 and _conjunct_of_content(tok):
        return _subject(tok.head.head, depth + 1)
    if OUTER_PARTICIPLE_SUBJECT and depth == 0:
        outer = _outer_clause_of_participle(tok)
        if outer is not None:
            return _subject(outer, depth + 1)
    if _bare_passive_participle(tok):
        return _agent(tok)  # "Asked about the leak, Clinton said …": Clinton was asked; the asker is unnamed
    if depth < 3 and tok.dep_ in ("conj", "xcomp", "advcl") and tok.head is not tok:
        if RELATIVE_CONJUNCT_MAIN_SUBJECT and tok.dep_ == "conj":
            main = _main_verb_of_relative(tok)
            if main is not None:
                return _subject(main, depth + 1)
        if RELATIVE_CLOSED_BY_COMMA and tok.dep_ == "conj":
            antecedent = _antecedent_before_main_verb(tok)
            if antecedent is not None:
                return antecedent
        inherited = _subject(tok.head, depth + 1, experiencer_ok=tok.dep_ == "conj")
        if inherited is None and INHERIT_INVERTED:
            # "“…,” said Baer, adding that …": the head's subject stands after it, before this verb
            inherited = next((c for c in tok.head.children if c.dep_ in SUBJ_DEPS and tok.head.i < c.i < tok.i), None)
        return inherited
    return None


#: "Mr. Schultz supported Democrats during his time on MSNBC, which let him go in 2015, and said …": a verb after
#: ", and" that the parse coordinated with a relative clause's verb belongs to the main clause, and takes its subject
RELATIVE_CONJUNCT_MAIN_SUBJECT = True
_RELATIVE_PRONOUNS = frozenset({"which", "that", "who"})


def _relative_verb_before(head: Any, tok: Any, pronouns: Any) -> bool:
    """Whether ``head``, the verb ``tok`` was coordinated with, is a relative clause's verb before ``tok`` whose
    subject is one of the relative ``pronouns``."""
    return head.dep_ in ("acl:relcl", "relcl") and head.i < tok.i and any(
        c.dep_ in SUBJ_DEPS and c.lower_ in pronouns for c in head.children)


def _main_verb_of_relative(tok: Any) -> Optional[Any]:
    """The verb of the clause a relative clause hangs in, when ``tok`` follows ", and" (or ", but") and the
    parse coordinated it with that relative clause's verb, whose subject is the relative pronoun."""
    head = tok.head
    if not _relative_verb_before(head, tok, _RELATIVE_PRONOUNS):
        return None
    doc = tok.doc
    cc = next((c for c in tok.children if c.dep_ == "cc" and c.i < tok.i), None)
    if cc is None or cc.lower_ not in ("and", "but") or cc.i == 0 or doc[cc.i - 1].text != ",":
        return None
    x = head.head  # the antecedent; then up to the verb of its clause
    for _ in range(4):
        if x.pos_ in ("VERB", "AUX") and x.i < head.i:
            return x
        if x.head is x:
            return None
        x = x.head
    return None


#: a participle set off by a comma after a complement clause tells what the reporter did, not what the
#: clause's subject did: "Trump is insisting that he has expanded the party, claiming that …" (the parse hangs
#: "claiming" on "expanded"; PolNeAR train: the outer subject 24 times, the inner one 2)
OUTER_PARTICIPLE_SUBJECT = True
#: the comma may stand inside a closing quotation mark before the participle ('… has “expanded the party,”
#: claiming …')
PARTICIPLE_AFTER_QUOTED_COMMA = True


def _outer_clause_of_participle(tok: Any) -> Optional[Any]:
    """The verb whose complement clause ``tok``, an -ing participle after a comma and without a subject of
    its own, was hung on by the parse; None otherwise."""
    if tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "conj", "xcomp"):
        return None
    inner = tok.head
    if inner.dep_ != "ccomp" or inner.i > tok.i or inner.head.i > inner.i or inner.head is inner:
        return None
    if any(c.dep_ in SUBJ_DEPS + PASS_SUBJ_DEPS for c in tok.children):
        return None
    k = tok.i - 1
    while k > inner.i and tok.doc[k].pos_ == "ADV":
        k -= 1
    return inner.head if after_comma(tok.doc[k + 1], PARTICIPLE_AFTER_QUOTED_COMMA) else None


#: "Trump, who also campaigned in the state this week, tweeted …": a verb right after the comma that closes a
#: relative clause is the main verb of the clause the relative hangs in, whose subject is the antecedent, even
#: where the parse coordinated it with the relative clause's verb (then its subject would be "who")
RELATIVE_CLOSED_BY_COMMA = True


def _antecedent_before_main_verb(tok: Any) -> Optional[Any]:
    """The antecedent of the relative clause whose verb the parse coordinated ``tok`` with, when ``tok`` comes
    right after the comma that closes that clause, with no conjunction ("X, who …, tweeted"); else None."""
    head = tok.head
    if not _relative_verb_before(head, tok, ("who", "which")) or head.head.i >= head.i:
        return None
    if any(c.dep_ == "cc" and c.i < tok.i for c in tok.children):
        return None
    doc = tok.doc
    k = tok.i - 1
    while k > head.i and (doc[k].pos_ in ("ADV", "AUX", "PART") or doc[k].dep_ in ("aux", "advmod", "neg")):
        k -= 1  # "…, later said", "…, has said"
    antecedent = head.head
    if doc[k].text != "," or antecedent.pos_ not in ("PROPN", "NOUN"):
        return None
    # a non-restrictive relative clause right after the antecedent's own phrase: ", who" follows a word of
    # the name ("Police Commissioner Richard Ross, who …"), not of a phrase hung on it by a conjunction
    first = min(t.i for t in head.subtree if t.dep_ != "punct")
    if first < 2 or doc[first - 1].text != ",":
        return None
    last = doc[first - 2]
    while last.i != antecedent.i and last.dep_ in ("flat", "compound", "appos", "nmod", "punct") and last.head.i != last.i:
        last = last.head
    return antecedent if last.i == antecedent.i else None


#: "A poll conducted last week found …", "emails released this week showed …": the parse read the participle as the
#: main verb (past tense) and the cue as a clause hung on it; the participle phrase belongs to the source
PARTICIPLE_READ_AS_VERB = True


def _participle_read_as_verb(tok: Any) -> Optional[tuple[Any, Any]]:
    """First and last token of the source "NP participle adjuncts" when the parse made the participle (an
    "-ed" form without object or complement) the verb whose clause ``tok``, a finite cue with no subject,
    marker or conjunction of its own, hangs on with nothing but the participle's adjuncts between; else None."""
    x = tok.head
    if tok.dep_ not in ("advcl", "conj", "parataxis", "ccomp") or x.i >= tok.i or x.tag_ != "VBD" \
            or not x.lower_.endswith("ed") or tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if any(c.dep_ in ("mark", "cc", "expl") + SUBJ_DEPS + PASS_SUBJ_DEPS for c in tok.children if c.i < tok.i):
        return None
    if any(c.dep_ in ("obj", "iobj", "ccomp", "xcomp", "cc") for c in x.children):
        return None
    subj = next((c for c in x.children if c.dep_ == "nsubj" and c.i < x.i), None)
    if subj is None:
        return None
    doc = tok.doc
    under_x = {t.i for t in x.subtree}
    between = [t for t in doc[x.i + 1:tok.i] if not t.is_space and not (t.head.i == tok.i and t.pos_ == "ADV")]
    if any(t.i not in under_x or t.is_punct or t.dep_ == "mark" for t in between):
        return None
    last = tok.i - 1
    while last > x.i and (doc[last].pos_ == "ADV" or doc[last].is_space):
        last -= 1  # "… released last week actually showed": the adverb is the cue's
    return doc[subj.left_edge.i], doc[last]


#: a participle after one of these subordinators takes the subject of the clause it modifies too
MARKED_PARTICIPLES = True
PARTICIPLE_MARKS = frozenset({"after", "before", "while", "when", "by", "upon", "without", "since", "in"})


#: a past participle opening an adverbial clause with no auxiliary ("Asked about the leak, Clinton said",
#: "When pressed by reporters, he added") is passive: the main clause's subject is the one asked, not the
#: asker, so the cue takes its "by" agent or no source
BARE_PASSIVE_PARTICIPLES = True


def _bare_passive_participle(tok: Any) -> bool:
    """See :data:`BARE_PASSIVE_PARTICIPLES` (False when it is off)."""
    if not BARE_PASSIVE_PARTICIPLES:
        return False
    # hung on the verb after it: as an adverbial clause, or as a complement the parse fronted ("Asked about
    # the leak, Clinton said": "Asked" a ccomp of "said")
    if tok.dep_ not in ("advcl", "ccomp", "xcomp") or tok.tag_ not in ("VBN", "VBD") or tok.head.i <= tok.i:
        return False
    if any(c.dep_ in ("aux", "aux:pass", "cop") + SUBJ_DEPS + PASS_SUBJ_DEPS for c in tok.children):
        return False
    # a past tense without a subject is a participle the tagger misread only where a participle clause opens:
    # the sentence's first word ("Asked about …, Clinton said") or after its subordinator ("When asked by …")
    return tok.tag_ == "VBN" or tok.i == tok.sent.start or any(c.dep_ == "mark" and c.i == tok.i - 1 for c in tok.children)


def _clause_participle(tok: Any) -> bool:
    """A present participle set off by a comma, with no subject of its own, hung on a verb, noun or
    clause before it (", saying …", ", arguing …", ", calling for …")."""
    if tok.tag_ != "VBG" or tok.i == 0 or tok.dep_ not in ("acl", "advcl", "conj", "xcomp") or tok.head.i >= tok.i:
        return False
    doc = tok.doc
    prev = doc[tok.i - 1]
    if prev.lower_ in ("and", "or") and tok.i > 1:
        prev = doc[tok.i - 2]
    if any(c.dep_ in SUBJ_DEPS + PASS_SUBJ_DEPS for c in tok.children):
        return False
    if MARKED_PARTICIPLES and prev.lower_ in PARTICIPLE_MARKS and prev.head.i == tok.i:
        return True  # "charged X after determining that …", "while saying …"
    return prev.text == ","


def _clause_subject(tok: Any) -> Optional[Any]:
    """The subject a participle cue takes from the clause it closes or opens, when it has none of its
    own and inherits none (see :func:`_clause_participle`):

    - "A judge has rejected a request to make the file public, saying …": the nearest clause above the
      participle that has a subject, however the parse hung it (on "make", on "request");
    - "Citing a conspiracy theory, Trump accused …": the subject of the clause after the opening phrase.
    """
    doc = tok.doc
    if _clause_participle(tok):
        for anc in tok.ancestors:
            found = next((c for c in anc.children if c.dep_ in SUBJ_DEPS and c.i < anc.i), None)
            # a subject with a quotation mark between it and the participle speaks inside the quote
            if found is not None and not any(doc[k].is_quote for k in range(found.i + 1, tok.i)):
                return found
    if tok.tag_ == "VBG" and tok.i == tok.sent.start:
        comma = next((t for t in tok.sent if t.i > tok.i and t.text == ","), None)
        if comma is not None:
            return next((t for t in tok.sent if t.i > comma.i and t.dep_ in SUBJ_DEPS and t.head.i > t.i), None)
    return None


def _reduced_relative(tok: Any) -> bool:
    """A past participle right after a noun, with no auxiliary and no subject of its own, whatever label
    the parse gave it ("sanctions on individuals accused of taking part"): it modifies that noun and
    inherits no subject from the verb it hangs on."""
    if tok.tag_ != "VBN" or tok.i == 0 or tok.dep_ not in ("advcl", "conj", "xcomp", "acl", "amod"):
        return False
    prev = tok.doc[tok.i - 1]
    return prev.pos_ in ("NOUN", "PROPN") and not any(
        c.dep_ in ("aux", "aux:pass", "cop") + SUBJ_DEPS + PASS_SUBJ_DEPS for c in tok.children)


def _reporting(tok: Any) -> bool:
    """A verb of an unambiguous speech act (``speech_acts.tsv`` minus ``speech_acts_ambiguous.txt``)."""
    al = act_lemma(tok)
    return tok.pos_ == "VERB" and al is not None and al not in load_ambiguous()


#: a cue the parse coordinated with the verb of another cue's complement clause, that clause having a subject
#: of its own, shares the outer cue's subject: "Sandoval said that he had voted for Rubio, but cautioned
#: against …", "She said she admires his determination and highlighted …" (on PolNeAR train the gold source
#: is the outer subject for 34 of the 37 such cues that have one, the inner subject for none)
CONTENT_CONJUNCT_OUTER_SUBJECT = True


def _conjunct_of_content(tok: Any) -> bool:
    """``tok``, with no subject of its own, is coordinated with the verb of a complement clause that comes
    before it and has its own active subject, under a verb before that (a passive clause without an agent
    hands down no subject, and :data:`counterclaim.extract.statements.COORDINATED_CUES_SPLIT` gives the cue
    the reporter's source: "suggested X be fired and defended Trump")."""
    inner = tok.head
    return (tok.dep_ == "conj" and inner.dep_ == "ccomp" and inner.i < tok.i and inner.head.i < inner.i
            and not any(c.dep_ in SUBJ_DEPS + PASS_SUBJ_DEPS for c in tok.children)
            and any(c.dep_ in SUBJ_DEPS for c in inner.children) and not _is_passive(inner))


def _coordinated_report(tok: Any) -> bool:
    """A reporting verb coordinated under a non-reporting verb, with a complement clause and no subject
    of its own ("said the IRGC knew why Israel killed X but asserted that ...")."""
    return (tok.dep_ == "conj" and _reporting(tok) and not _reporting(tok.head) and tok.head.i < tok.i
            and any(c.dep_ == "ccomp" for c in tok.children)
            and not any(c.dep_ in SUBJ_DEPS + PASS_SUBJ_DEPS for c in tok.children))


def _outside_quotes(subj: Optional[Any], tok: Any, ctx: _Ctx) -> Optional[Any]:
    """A subject inside a quote the cue is not in belongs to the quoted speech, not to the cue; a
    subject across a semicolon belongs to another clause ("...; Gaza's rulers insist ...")."""
    if subj is None:
        return None
    if subj.dep_ in SUBJ_DEPS and any(c.dep_ == "case" and c.pos_ == "ADP" for c in subj.children):
        return None  # a prepositional phrase the parse took for a subject ("does not, as a rule, comment")
    lo, hi = sorted((subj.i, tok.i))
    if any(t.text == ";" for t in tok.doc[lo:hi]):
        return None
    qs = ctx.quote_at(subj.idx)
    if qs is not None and qs != ctx.quote_at(tok.idx):
        return None
    return subj


#: a time phrase at the end of a source is no part of it, whatever the parse made of it ("Priebus later
#: Thursday told …", "Sean Spicer on Thursday evening said …", with the time word as the subject; "Nigerian
#: officials Friday announced …" found by part of speech)
TIME_TAIL_CUT = True
MONTH_NAMES = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december"})
TIME_LEADERS = frozenset({"on", "later", "earlier", "last", "this", "late", "early", "that", "next"})


def _time_word(t: Any) -> bool:
    """A word of a time phrase (:func:`_is_time`) that cannot be read as a name: not a month ("Theresa May"),
    a word in capitals ("USA TODAY") or a proper noun the recogniser put in a date."""
    if not _is_time(t) or t.lower_ in MONTH_NAMES or (t.is_upper and len(t) > 1):
        return False
    return t.lower_ in DATE_WORDS or t.pos_ != "PROPN"


def _time_tail_start(doc: Any, lo: int, end: int) -> int:
    """Where the time phrase that ends right before token ``end`` starts (time words, their leaders "on",
    "later", numbers), not before token ``lo``; ``end`` when no time phrase ends there."""
    k = end
    while k - 1 >= lo and (_time_word(doc[k - 1]) or doc[k - 1].lower_ in TIME_LEADERS or doc[k - 1].pos_ == "NUM"):
        k -= 1
    return k if any(_time_word(doc[x]) for x in range(k, end)) else end


def _without_time_tail(toks: list[Any], head: Any) -> list[Any]:
    """``toks`` (a source's tokens, in order) without the time phrase of its head, a time word the parse took
    for the subject."""
    if not toks or (toks[-1].i != head.i and any(t.i > head.i and not t.is_punct for t in toks)):
        return toks  # the time word is not where the source ends
    k = _time_tail_start(head.doc, toks[0].i, head.i + 1)
    return [t for t in toks if t.i < k]


#: a comparison set off by commas after a named source is no part of it ("Hillary Clinton, like Obama,")
COMPARISON_OUT = True
#: a phrase set off by commas after the source's head that says how, when or in what spirit it spoke ("Mike
#: Huckabee, for his part,", "Corey Lewandowski, in a statement released …,", "Grandpa Bern, as he's known,")
#: is no part of the source; a member list ("Jeb Bush and Hillary Clinton, among others,") or a place ("Tom
#: Miller, at a consulting firm") stays
INTERRUPTION_OUT = True
#: prepositions that open such an interruption (PolNeAR train: "in", "for", "after", "over", "to" phrases
#: there are all left out of the source; "like", "among", "along with", "of", "at" ones are kept)
INTERRUPTION_PREPS = frozenset({"in", "for", "to", "after", "over", "during", "despite", "amid", "since", "before"})
INTERRUPTION_MARKS = frozenset({"as", "while", "when", "although", "though"})


def _comparison(subj: Any, c: Any) -> bool:
    """Whether ``c``, a dependent after the named source ``subj``, is a comparison set off by a comma ("Hillary
    Clinton, like Obama, has encouraged …"; not "Republicans, like Mr. Ryan," which names members, nor "Rubio,
    like Tilton, oppose …", the two with a plural verb)."""
    return subj.pos_ == "PROPN" and c.dep_ in ("nmod", "obl") and subj.head.tag_ != "VBP" \
        and any(k.dep_ == "case" and k.lower_ in ("like", "unlike") for k in c.children) \
        and "," in (c.doc[c.left_edge.i].text, c.doc[max(0, c.left_edge.i - 1)].text)


def _interruption(c: Any) -> bool:
    """Whether ``c``, a dependent after a source's head, heads a comma-bounded phrase of manner, time or
    stance (:data:`INTERRUPTION_OUT`)."""
    if c.dep_ not in ("nmod", "obl", "advcl", "acl"):
        return False
    doc = c.doc
    words = [t.i for t in c.subtree if not t.is_punct]  # the parse may hang either comma on the phrase
    if not words:
        return False
    lo, hi = words[0], words[-1]
    if lo == 0 or hi + 1 >= len(doc) or doc[lo - 1].text != "," or doc[hi + 1].text != ",":
        return False
    first = doc[lo]
    if c.dep_ in ("nmod", "obl") and first.head.i == c.i and first.dep_ == "case":
        return first.lower_ in INTERRUPTION_PREPS
    if c.dep_ in ("advcl", "acl") and first.head.i == c.i and first.dep_ == "mark":
        return first.lower_ in INTERRUPTION_MARKS
    return False


def _source_span(text: str, subj: Any, before: Optional[int] = None) -> Optional[tuple[int, int]]:
    """The source phrase of subject token ``subj``: its subtree (up to token ``before`` when given)."""
    toks = [t for t in subj.subtree if before is None or t.i < before]
    if REGION_FROM_OPENING_MARK:
        # a quotation the parse hung on the name before it ("“Bad, bad things …,” Trump warned") is not the source
        closes = [t.i for t in toks if t.i < subj.i and t.text in ("”", "''", '"') and t.i > 0
                  and t.doc[t.i - 1].text in (",", ".", "?", "!")]  # ',”' ends a quoted sentence; '“Daily Show” host' stays
        if closes:
            toks = [t for t in toks if t.i > max(closes)] or toks
    if subj.dep_ in ("obl:agent", "obl"):
        toks = [t for t in toks if not (t.head.i == subj.i and t.dep_ == "case")]
    # leading conjunctions, adverbs and quote marks are not part of the name ("and Democrats", "Perhaps ...")
    while len(toks) > 1 and toks[0].i < subj.i and (toks[0].dep_ in ("cc", "advmod", "punct", "mark") or toks[0].is_quote):
        toks = toks[1:]
    # a relative clause or apposition after the name stays; a time phrase or a participle clause
    # ("Trump, speaking to a veterans group,", "The Times on Saturday") does not
    drop = set()
    cut = set()  # left out as an interruption (participle, time phrase), not as a relative clause
    for c in subj.children:
        if c.i < subj.i:
            continue
        if (c.dep_ in ("acl", "advcl") and c.morph.get("VerbForm") in (["Ger"], ["Part"]) and c.tag_ != "VBN") \
                or (c.dep_ in ("nmod", "obl", "nmod:tmod", "obl:tmod", "nmod:npmod") and
                    (c.ent_type_ in ("DATE", "TIME") or c.lower_ in DATE_WORDS)) \
                or (COMPARISON_OUT and _comparison(subj, c)) or (INTERRUPTION_OUT and _interruption(c)):
            drop.update(t.i for t in c.subtree)
            cut.update(t.i for t in c.subtree)
        elif DROP_SOURCE_RELATIVES and c.dep_ in ("acl:relcl", "relcl") and c.i > 0 and any(
                t.text in (",", "―", "—", "--") and t.i < c.i for t in c.subtree):
            # "Mr. Kamin, who emphasized that ..., said": a non-restrictive relative clause is not the source
            sub = [t.i for t in c.subtree]
            comma = subj.doc[min(sub) - 1]
            drop.update(sub)
            if comma.text in (",", "―", "—", "--"):
                drop.add(comma.i)
    if subj.dep_ in ("obl:agent", "nmod:agent"):
        from counterclaim.extract import contents  # (contents imports this module)

        charge = contents._agent_charge(subj.head) if contents.AGENT_THEN_CHARGE else None
        if charge is not None:  # "by several women | of sexual assault": the charge, not the source
            drop.update(t.i for t in charge.subtree)
    toks = [t for t in toks if t.i not in drop]
    if TIME_TAIL_CUT and _time_word(subj):
        toks = _without_time_tail(toks, subj)
        if not toks:
            return None  # "Tuesday said …": a time phrase the parse took for the subject names no one
    if SOURCE_ENDS_AT_DROPPED:
        # a source is one stretch of text: it ends where a participle or time phrase left out after its head
        # begins, so the comma that closed that phrase ("Trump, speaking to a veterans group, said") does not pull
        # it back in. (A relative clause between commas stays then: PolNeAR keeps it about as often as not.)
        gap = min((i for i in cut if i > subj.i), default=None)
        if gap is not None:
            toks = [t for t in toks if t.i < gap] or toks
    lo = min(t.idx for t in toks)
    hi = max(t.idx + len(t) for t in toks)
    # drop trailing punctuation except a comma that closes an apposition or relative clause, and the full stop
    # of an abbreviation ("the F.B.I.", "Joseph R. Biden Jr.", "of Jacksonville, Fla.")
    s, e = source_closing_mark(text, *_without_trailing_marks(text, subj.doc, *_trim(text, lo, hi, ""), ".;:—–-\"“”"))
    while s < e and text[s] in ",;:—–-":
        s += 1
    return _trim(text, s, e)


def source_closing_mark(text: str, s: int, e: int) -> tuple[int, int]:
    """A source's last comma or dash as PolNeAR has it: kept where it closes an apposition or relative clause
    opened inside the source ("Brian Fallon, a spokesman for the campaign,"; "Jason Sims — a teacher —"),
    dropped after a bare name ("Fallon,")."""
    if e > s and text[e - 1] == ",":
        if "," not in text[s:e - 1]:
            e -= 1
    elif SOURCE_KEEPS_CLOSING_COMMA and "," in text[s:e] and text[e:e + 1] == ",":
        e += 1
    elif SOURCE_KEEPS_CLOSING_DASH:
        m = _CLOSING_DASH.match(text, e)
        lead = len(text[s:e]) - len(text[s:e].lstrip(" —–-"))  # not a dash that opens the source ("— Rep. X")
        if m and _OPENING_DASH[m.group(1)].search(text, s + lead, e):
            e = m.end()  # "Jason Sims — a teacher from Mount Pleasant —" closes its dashes as well
    return s, e


#: ... and the dash that closes an apposition opened by a dash inside the source (PolNeAR: 47 of 49 on train)
SOURCE_KEEPS_CLOSING_DASH = True
_CLOSING_DASH = re.compile(r"\s*(—|--|–|-)(?=\s)")
_OPENING_DASH = {"—": re.compile("—"), "--": re.compile("--"), "–": re.compile(r"\s–\s"), "-": re.compile(r"\s-\s")}


def _without_trailing_marks(text: str, doc: Any, s: int, e: int, marks: str) -> tuple[int, int]:
    """``[s, e)`` without the trailing characters in ``marks`` and an unmatched closing parenthesis ("exit
    polls)"), keeping the full stop of an abbreviation that ends it (:func:`_abbreviation`: "the U.S.")."""
    while e > s:
        ch = text[e - 1]
        if ch not in marks and not (ch == ")" and text.count("(", s, e) < text.count(")", s, e)):
            break
        if ch == ".":
            last = token_at(doc, e - 1)
            if last is not None and last.idx + len(last) == e and _abbreviation(last):
                break
        e -= 1
        s, e = _trim(text, s, e)
    return s, e


def _title_before_name(tok: Any) -> Optional[Any]:
    """The title noun of "the group's military commander Muhammad Deif said ..." when the parse made the
    cue a relative clause of the title ("commander [Muhammad Deif said]"): the clause's subject is a
    proper name right after a speaker noun (``speaker_nouns.tsv``), so title and name are one source."""
    if tok.dep_ not in ("relcl", "acl:relcl") or tok.head.i >= tok.i or tok.head.pos_ != "NOUN":
        return None
    if tok.head.lower_ not in load_speaker_nouns() and tok.head.lemma_.lower() not in load_speaker_nouns():
        return None
    subj = [c for c in tok.children if c.dep_ in SUBJ_DEPS and tok.head.i < c.i < tok.i]
    if not subj or subj[0].pos_ != "PROPN" or min(t.i for t in subj[0].subtree) != tok.head.i + 1:
        return None
    return tok.head


#: the reporting clause takes of a subject before the cue only what stands before the cue (the parse may hang
#: the cue itself under the subject: "X, who …, tweeted" with "tweeted" coordinated in the relative clause)
REGION_SUBJECT_BEFORE_CUE = True


def _region(tok: Any, subj: Optional[Any], cue: tuple[int, int]) -> tuple[int, int]:
    """Characters of the reporting clause: cue, source and the cue's non-content modifiers."""
    lo, hi = cue
    if subj is not None:
        # a subject before its cue ends before it, whatever the parse hung under it (_source_span)
        st = [t for t in subj.subtree if not REGION_SUBJECT_BEFORE_CUE or subj.i > tok.i or t.i < tok.i] or [subj]
        lo = min(lo, min(t.idx for t in st))
        hi = max(hi, max(t.idx + len(t) for t in st))
    for c in tok.children:
        if c.dep_ in REGION_DEPS or (c.dep_ in ("obj", "iobj") and tok.lemma_.lower() in ADDRESSEE_VERBS):
            clausal = set()
            for g in c.children:
                if g.dep_ in ("acl", "acl:relcl", "relcl", "ccomp", "advcl", "parataxis") and g.i > c.i:
                    clausal.update(t.i for t in g.subtree)
            st = [t for t in c.subtree if t.i not in clausal]
            if c.i > tok.i:
                hi = max(hi, max(t.idx + len(t) for t in st))
            else:
                lo = min(lo, min(t.idx for t in st))
    return lo, hi


#: a reporting clause never starts inside a quotation that ends before its cue (_quote_adjacent)
REGION_OUTSIDE_QUOTES = True
#: ... nor at the opening mark of such a quotation ("“Bad, bad things are going to happen,” Trump warned",
#: with "Bad" parsed as an adjective of "Trump")
REGION_FROM_OPENING_MARK = True
#: a reporting clause that ends its paragraph with a colon introduces the quotation that opens the next one
COLON_NEXT_PARAGRAPH = True


#: a quotation inside a phrase ("With the help of “Flip the Script”, the actor asked …") is a title, not
#: what the reporting clause after it reports
TITLE_QUOTES = True


def _title_quote(doc: Any, start: int) -> bool:
    """Whether the quotation opening at character ``start`` follows a preposition, determiner or
    possessive of its own sentence, so that it is a name or title inside a phrase."""
    t = token_at(doc, start)
    if t is None or t.i == 0 or t.i == t.sent.start:
        return False
    prev = doc[t.i - 1]
    return prev.pos_ in ("ADP", "DET") or prev.tag_ == "POS"


def _quote_adjacent(tok: Any, ctx: _Ctx, subj: Optional[Any] = None) -> Optional[int]:
    """A double quote right before the reporting clause ("“…,” he said") or right after it ("said: “…”")."""
    text = ctx.text
    par = ctx.paragraph_index(tok.idx)
    if par not in ctx.quote_paragraphs and not (COLON_NEXT_PARAGRAPH and par + 1 in ctx.quote_paragraphs):
        return None  # both cases need a quote that starts in this paragraph (or, after a colon, the next)
    if subj is None:
        subj = _outside_quotes(_subject(tok), tok, ctx)
    if ctx.quote_at(tok.idx) is not None:
        return None
    lo, hi = _region(tok, subj, (tok.idx, tok.idx + len(tok)))
    lo = _extend_left_over_nouns(tok.doc, lo, ctx)
    inside = ctx.quote_at(lo) if REGION_OUTSIDE_QUOTES else None
    if inside is None and REGION_FROM_OPENING_MARK and REGION_OUTSIDE_QUOTES and lo < len(text) - 1:
        inside = ctx.quote_at(lo + 1)  # the parse hung the whole quotation, opening mark and all, on the source
        if inside is not None and ctx.double[inside].start != lo:
            inside = None
    if inside is not None and ctx.double[inside].end <= tok.idx:
        # "“Now is the time …,” said Don Fowler": the parse hung a word of the quotation ("Now") on the
        # cue; the reporting clause starts after the quotation
        lo = ctx.double[inside].end
    i = bisect.bisect_right(ctx.dstarts, lo) - 1
    while i >= 0:
        q = ctx.double[i]
        if q.end <= lo:
            if ctx.paragraph_index(q.start) == par and not text[q.end:lo].strip(ADJ_PUNCT) \
                    and not (TITLE_QUOTES and _title_quote(tok.doc, q.start)) \
                    and not (INTRODUCED_QUOTES and _introduced_sentence(text, q, ctx)):
                if CLOSED_SENTENCE_QUOTE_YIELDS and _SENTENCE_CLOSED.search(text, q.start, q.end):
                    # "“… money.” Another source …, telling BuzzFeed, “This is business.”": a quoted whole
                    # sentence before the clause is not its content when a quotation right after the cue is
                    right = _right_quote(tok, hi, par, ctx)
                    if right is not None:
                        return right
                return i
            break
        i -= 1
    return _right_quote(tok, hi, par, ctx)


#: a quotation that is a whole sentence (closing with . ? ! inside its marks) right before a reporting
#: clause gives way to a quotation right after the cue
CLOSED_SENTENCE_QUOTE_YIELDS = True
_SENTENCE_CLOSED = re.compile(r"[.?!][\"”’']+$")


def _right_quote(tok: Any, hi: int, par: int, ctx: _Ctx) -> Optional[int]:
    """A double quote right after the reporting clause ("said: “…”"), or None."""
    text = ctx.text
    j = bisect.bisect_left(ctx.dstarts, hi)
    if j < len(ctx.double):
        q = ctx.double[j]
        between = text[hi:q.start]
        if ctx.paragraph_index(q.start) == par and len(between) < 40 and not between.strip(ADJ_PUNCT + ":"):
            return j
        if COLON_NEXT_PARAGRAPH and ctx.paragraph_index(q.start) == par + 1 and between.strip() == ":" \
                and "\n" in between:
            return j  # "Dr. Ward stated:\n\n“…”": the quotation is the next paragraph
        if COLON_AFTER_ADJUNCTS and ctx.paragraph_index(q.start) == par and _adjuncts_then_colon(tok, hi, q.start, text):
            return j  # "Thomas wrote on Facebook: “…”", "she said in a statement on Friday: “…”"
    return None


#: a quotation after a colon that closes the reporting clause, with only the cue's own adjuncts between
#: ("wrote on Facebook: “…”"), is its content, as right after the cue ("said: “…”")
COLON_AFTER_ADJUNCTS = True
ADJUNCT_DEPS = frozenset({"obl", "obl:tmod", "obl:npmod", "obl:unmarked", "advmod", "nmod:tmod", "obj", "iobj"})


def _adjuncts_then_colon(tok: Any, hi: int, q_start: int, text: str) -> bool:
    between = text[hi:q_start]
    if len(between) > 80 or not between.rstrip().endswith(":") or between.count(":") != 1:
        return False
    colon = hi + between.index(":")
    covered = set()
    for c in tok.children:
        if c.i > tok.i and c.dep_ in ADJUNCT_DEPS:
            covered.update(t.i for t in c.subtree if t.idx < colon)
    for t in tok.doc[tok.i + 1:]:
        if t.idx >= colon:
            return True
        if t.idx >= hi and not t.is_space and t.i not in covered:
            return False
    return False


#: a quoted sentence that an earlier clause introduces ("The reporter asked, “Will you resign?” He did not
#: reply.") is that clause's, not the content of a reporting clause after it
INTRODUCED_QUOTES = True


def _introduced_sentence(text: str, q: Any, ctx: _Ctx) -> bool:
    """Whether quotation ``q`` is a whole sentence (it closes with . ? or ! inside its marks) that a
    clause before it in its paragraph introduces with a comma or colon."""
    if text[q.start:q.end].rstrip("”\"'’ ")[-1:] not in (".", "?", "!"):
        return False
    par = ctx.document.paragraphs[ctx.paragraph_index(q.start)] if ctx.document.paragraphs else None
    before = text[par.start if par is not None else 0:q.start].rstrip()
    return before.endswith((",", ":")) and any(ch.isalpha() for ch in before)


def _extend_left_over_nouns(doc: Any, lo: int, ctx: _Ctx) -> int:
    """Move ``lo`` left over nouns the parse split off a name ("spokesman | Ramazan Sharif")."""
    first = token_at(doc, lo)
    if first is None:
        return lo
    i = first.i
    while i > 0 and doc[i - 1].pos_ in ("NOUN", "PROPN") and not doc[i - 1].is_quote \
            and ctx.paragraph_index(doc[i - 1].idx) == ctx.paragraph_index(lo):
        i -= 1
    return doc[i].idx if i < first.i else lo


def _inverted_subject(tok: Any) -> Optional[Any]:
    """The subject after the cue in ``“…,” said the Rev. Peter Wherry`` (parsed as obj or nsubj)."""
    for c in tok.children:
        if c.i <= tok.i or c.dep_ not in ("nsubj", "obj", "appos", "dep") or (SPACE_EDGES_OUT and c.is_space):
            continue  # (a line break the parse hung on the verb is no subject)
        if c.pos_ in ("PROPN", "NOUN", "PRON") or (
                INVERTED_NUMERAL_SUBJECTS and c.dep_ == "nsubj" and c.pos_ in ("NUM", "DET")):
            return c
    return None


#: a numeral or determiner the parse made the subject after a quote is the source ("“…,” said one of those
#: advisers", "“…,” tweeted another")
INVERTED_NUMERAL_SUBJECTS = True


#: a space token (a second space in a row; the tagger may call it a pronoun) at the edge of a name phrase
#: found by part of speech is no part of it
SPACE_EDGES_OUT = True


#: a name before an apposition may end in a parenthesis ("Rep. Jim Jordan (R-Ohio), an oversight panel member,")
APPOSITION_NAME_PARENTHESES = True


def _np_left(doc: Any, end_i: int, lo_i: int) -> Optional[tuple[int, int]]:
    """Token range [i, end_i) of a name phrase ending before ``end_i`` (POS only, for bad parses):
    ``Donna Brazile, the interim chairwoman of the DNC,`` or ``Mr. McKinley``."""
    j = end_i - 1
    while SPACE_EDGES_OUT and j >= lo_i and doc[j].is_space:
        j -= 1  # "chemistry,''  said": the second space is a token, and no name
    appos_end = None
    if j >= lo_i and doc[j].text == ",":
        appos_end = j
        j -= 1
    k = j
    while k >= lo_i and (_name_part(doc, k) or doc[k].text in ("(", ")")) and not (doc[k].is_space and "\n" in doc[k].text):
        k -= 1
    if k == j:
        return None
    start = k + 1
    while start <= j and (doc[start].text == ")" or SPACE_EDGES_OUT and doc[start].is_space):
        start += 1  # the close of a parenthesis before the name, or a space token
    if start > j:
        return None
    if appos_end is not None:
        # an apposition: "<Name>, <description>," — the name before the first comma; the description
        # may list names ("Iranian officials, including President Raisi and Foreign Minister X,")
        while k >= lo_i and k > appos_end - APPOS_MAX_TOKENS and (doc[k].pos_ in NP_POS + ("CCONJ", "ADP", "VERB", "PUNCT")
                                                                  and doc[k].text not in (",", ";", ".", ":") and not doc[k].is_quote):
            k -= 1
        if k >= lo_i and doc[k].text == ",":
            m = k - 1
            while m >= lo_i and not doc[m].is_quote:
                if doc[m].pos_ in ("PROPN", "NOUN", "ADJ", "DET") or doc[m].text in ("’s", "'s"):
                    m -= 1
                elif APPOSITION_NAME_PARENTHESES and doc[m].text == ")":
                    # "Sen. Bernie Sanders (Vt.), who lost …, identified", "Rep. Jim Jordan (R-Ohio), an …,"
                    opening = next((x for x in range(m - 1, max(lo_i, m - 8) - 1, -1) if doc[x].text == "("), None)
                    if opening is None:
                        break
                    m = opening - 1
                else:
                    break
            if m < k - 1 and doc[m + 1].text != "(" and any(doc[x].pos_ in ("PROPN", "NOUN") for x in range(m + 1, k)):
                return (m + 1, appos_end + 1)
        return None
    if not any(doc[x].pos_ in ("PROPN", "NOUN", "PRON") for x in range(start, j + 1)):
        return None
    return (start, j + 1)


#: a capitalised word inside a sentence can be part of a name whatever its tag (_capitalised_word)
CAPITALISED_NAME_PARTS = True


def _abbreviation(t: Any) -> bool:
    """A token whose final full stop is its own: "F.B.I.", "U.S.", "Jr.", "Fla." (the tokenizer split no
    sentence stop off it). Kept at the end of a source, as PolNeAR does."""
    return KEEP_ABBREVIATION_STOP and len(t.text) > 1 and t.text.endswith(".") and t.text[-2].isalpha()


def _capitalised_word(doc: Any, k: int) -> bool:
    """Token ``k`` is a capitalised word that does not open its sentence: a name the tagger may have
    taken for a verb, adjective or conjunction ("Suckling", "Cuban", "ACLU")."""
    t = doc[k]
    return CAPITALISED_NAME_PARTS and t.is_alpha and t.text[:1].isupper() and k > t.sent.start \
        and not t.is_stop


def _name_part(doc: Any, k: int) -> bool:
    """Token ``k`` can be inside a name phrase: a noun-phrase word, a possessive, a hyphen, or the full
    stop of an abbreviation ("Mr.", "Donald J.", "Sen.")."""
    t = doc[k]
    if t.is_quote:
        return False
    if t.pos_ in NP_POS or t.text in ("’s", "'s", "-", "–"):
        return True
    if _capitalised_word(doc, k):
        return True  # a name the tagger took for a verb or conjunction ("says Suckling", "said ACLU …")
    return t.text == "." and k > 0 and doc[k - 1].text in NAME_ABBREVIATIONS or (
        t.text == "." and k > 0 and len(doc[k - 1].text) == 1 and doc[k - 1].text.isupper())


#: after a name following its cue, a phrase set off by a comma that opens with a preposition ("in a statement",
#: "at a later press gaggle") is no apposition of the name
ADJUNCT_NOT_APPOSITION = True


def _np_right(doc: Any, start_i: int, hi_i: int) -> Optional[tuple[int, int]]:
    """Token range of a name phrase right after the cue: ``said David Wasserman, House editor for the
    Cook Political Report``, ``said Sen. Claire McCaskill (D-Mo.)``, ``said Victor Cha, who served ...``."""
    k = start_i
    while SPACE_EDGES_OUT and k < hi_i and doc[k].is_space and "\n" not in doc[k].text:
        k += 1  # "according to  Uzi Arad": a second space is a token of its own
    start_i = k
    while k < hi_i and _name_part(doc, k) and not (doc[k].text == "." and k + 1 < hi_i and doc[k + 1].is_space):
        k += 1
    if k == start_i or not any(doc[x].pos_ in ("PROPN", "NOUN", "PRON") or _capitalised_word(doc, x)
                               for x in range(start_i, k)):
        return None
    if k < hi_i and doc[k].text == "(":  # "(D-Mo.)"
        close = next((m for m in range(k + 1, min(hi_i, k + 8)) if doc[m].text == ")"), None)
        if close is not None:
            k = close + 1
    if NAME_OF_PLACE and k + 1 < hi_i and doc[k].lower_ == "of":
        # "said Sen. Tom Carper of Delaware", "said David French of the National Retail Federation"
        m = k + 1 + (doc[k + 1].lower_ == "the")
        n = m
        while n < hi_i and _capitalised_word(doc, n) and not doc[n].is_quote:
            n += 1
        if n > m:
            k = n
    end = k
    while end < hi_i and doc[end].text == ",":
        m = end + 1
        if m < hi_i and doc[m].lower_ in ("who", "whose"):
            # a relative clause about the speaker runs to the end of the sentence
            while m < hi_i and not (doc[m].is_punct and doc[m].text in (".", ";", "?", "!")) and not doc[m].is_quote:
                m += 1
            return (start_i, m)
        if ADJUNCT_NOT_APPOSITION and m < hi_i and doc[m].pos_ == "ADP" and doc[m].lower_ != "of":
            # "…,” said Rep. Elijah Cummings, the top Democrat …, in a statement": how he said it; the comma
            # that closes an apposition stays with it, as PolNeAR keeps it
            if any(doc[x].text == "," for x in range(start_i, end)):
                end += 1
            break
        while m < hi_i and (_name_part(doc, m) or doc[m].pos_ in ("ADP", "CCONJ") or doc[m].text in ("(", ")")):
            m += 1
        if m > end + 1 and (m >= hi_i or doc[m].is_punct):
            end = m
            continue
        break
    return (start_i, end)


#: a share of those polled right before a subjectless cue is its source ("26% say", "About three in 10 said",
#: "Just shy of half, 49%, say"), where the parse hung the numbers elsewhere (_share_left)
SHARE_SOURCES = True
#: words that name a share of a group
SHARE_WORDS = frozenset({"%", "percent", "half", "third", "thirds", "quarter", "quarters", "fifth", "fifths",
                         "majority", "plurality", "minority", "two-thirds", "three-quarters", "most"})
#: words that may join numbers and shares in such a phrase ("about 4 in 10", "just shy of half", "more than a third")
SHARE_LINKS = frozenset({"in", "of", "a", "an", "about", "nearly", "almost", "roughly", "around", "approximately",
                         "just", "only", "some", "over", "under", "more", "than", "fewer", "less", "shy", "barely",
                         "well", "per", "cent", "out"})


def _share_word(t: Any) -> bool:
    return t.lower_ in SHARE_WORDS or t.lower_ in SHARE_LINKS or t.like_num


def _share_left(doc: Any, end_i: int, lo_i: int) -> Optional[tuple[int, int]]:
    """Token range [i, end_i) of a share of people right before ``end_i`` that opens its clause: "26%",
    "About three in 10", "Nearly a third", "Just shy of half, 49%," (a share and its figure in apposition).
    It must name a share (a percentage, "N in M", a fraction word) and begin the sentence or follow a
    clause break, so that "in 2016" or "the 3" is never one."""
    j = end_i - 1
    while j >= lo_i and doc[j].is_space:
        j -= 1
    appos = j >= lo_i and doc[j].text == ","
    k = j - 1 if appos else j
    while k >= lo_i and _share_word(doc[k]):
        k -= 1
    if appos:  # "…, 49%," : the share phrase before the figure, up to the comma that opens it
        if k < lo_i or doc[k].text != "," or k == j - 1:
            return None
        k -= 1
        while k >= lo_i and (_share_word(doc[k]) or doc[k].pos_ in ("NOUN", "ADJ", "PROPN")):
            k -= 1
    start = k + 1
    if start >= (j if appos else j + 1):
        return None
    words = [doc[x] for x in range(start, j + 1) if not doc[x].is_punct or doc[x].text == "%"]
    if not words or words[0].lower_ in ("in", "of", "than", "per", "cent", "out"):
        return None
    lows = [t.lower_ for t in words]
    has_share = any(w in SHARE_WORDS for w in lows) or any(
        lows[x] in ("in", "of") and words[x - 1].like_num and words[x + 1].like_num for x in range(1, len(lows) - 1))
    if not has_share:
        return None
    if start > lo_i:
        before = doc[start - 1]
        if not (before.text in (",", ";", ":", "—", "–", "(") or before.pos_ == "CCONJ" or before.is_space):
            return None
    return (start, j + 1)


#: a pronoun right after the cue and before a verb is the subject of what was said, never the speaker
PRONOUN_OPENS_CONTENT = True


def _fallback_source(tok: Any, cue: tuple[int, int], ctx: _Ctx) -> Optional[tuple[int, int]]:
    """Source by part of speech when the parse gives no subject: the name phrase before the cue, or
    after it when a quote precedes (``“…,” said X``)."""
    doc = tok.doc
    sent = tok.sent
    cs = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if cs is None:
        return None
    par = ctx.document.paragraphs[ctx.paragraph_index(tok.idx)] if ctx.document.paragraphs else None
    par_span = doc.char_span(par.start, par.end, alignment_mode="expand") if par is not None else None
    left = _np_left(doc, cs.start, par_span.start if par_span is not None else sent.start)
    if SHARE_SOURCES:
        share = _share_left(doc, cs.start, sent.start)
        if share is not None and (left is None or share[0] < left[0]):
            left = share  # "26% say": the figure, not the percent sign, names who says
    if left is not None and TIME_TAIL_CUT:  # "Navarro County officials Tuesday rejected …": a name stays
        left = (left[0], _time_tail_start(doc, left[0] + 1, left[1]))
    if left is not None and ctx.quote_at(doc[left[0]].idx) is None:
        return _trim(ctx.text, doc[left[0]].idx, doc[left[1] - 1].idx + len(doc[left[1] - 1]))
    before = ctx.text[sent.start_char:cue[0]].rstrip()
    if before.endswith((",", "”", '"', "''", ",”", ',"')) or not before:
        right = _np_right(doc, cs.end, par_span.end if par_span is not None else sent.end)
        if PRONOUN_OPENS_CONTENT and right is not None and right[1] - right[0] == 1 and doc[right[0]].pos_ == "PRON" \
                and right[1] < len(doc) and doc[right[1]].pos_ in ("VERB", "AUX"):
            right = None  # "Jim Poolman, said he was only leaning Cruz": "he" opens what was said
        if right is not None:
            s, e = doc[right[0]].idx, doc[right[1] - 1].idx + len(doc[right[1] - 1])
            if _abbreviation(doc[right[1] - 1]):
                return _trim(ctx.text, s, e)
            return _trim(ctx.text, s, e, ".")
    return None
