"""Attributed statements: source, cue and content spans, kind, speech act and resolved speaker.

``extract_statements(doc, document, actors)`` finds every form of attribution news uses:

* direct quotes, with the speaker before or after and quotes that run over several sentences or
  paragraphs (rule ``quote``);
* indirect speech over the UD parse: a cue verb, its subject as source and its clausal complement
  as content (``said that ...``, ``tied X to Y``, ``called X an 'act of terror'``) (rule ``verb``);
  coordinated and participial cues inherit the subject (``called ... and vowed ...``);
* passives with an agent (``was believed by Israel to ...``), relative clauses (``an airstrike Iran
  has blamed on Israel``), ``according to X`` (rule ``according``), refusals (``declined to
  comment``), nominal references to a claim (``denied the Iranian claim``);
* headline and subhead forms ``Iran: ...; Hamas: No it wasn't`` (rule ``headline``).

Which tokens are cues is learned (see :mod:`counterclaim.extract.cues`); the span boundaries follow
the conventions of PolNeAR (Newell, Margolin & Ruths 2018): the cue includes auxiliaries and
adverbs inside the verb group, the content includes the complementiser ``that`` and the quotation
marks, the source is the whole subject noun phrase. The structural rules follow Pareti (2016) and
the quotation rules of textacy's ``direct_quotations`` (Muzny et al. 2017, "A Two-stage Sieve
Approach for Quote Attribution").
"""

from __future__ import annotations

import re

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from counterclaim.extract.boundaries import BOUNDARIES, load_boundary_models, sentence_view
from counterclaim.extract.cues import CueModel, cue_features, cue_key, load_cue_model
from counterclaim.extract.quotes import Quote, find_quotes
from counterclaim.extract.speech_acts import (  # noqa: F401  (load_acts, speech_act: re-exported)
    NO_COMMENT_LEMMAS,
    act_lemma,
    load_acts,
    load_ambiguous,
    load_noncommunication,
    speech_act,
)
from counterclaim.model import Actor, Document, Span, Statement, make_id

__all__ = ["extract_statements", "load_acts", "RawStatement", "find_raw_statements"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

#: Paragraph roles that never carry statements of the article's sources.
SKIP_ROLES = frozenset({"caption", "boilerplate", "byline"})
#: Roles where ``X: ...`` is an attribution with cue ":".
HEADLINE_ROLES = frozenset({"headline", "subhead"})
#: Left dependents of the cue verb that belong to the cue (PolNeAR: "has said", "was believed").
#: a bare time word right after the cue verb is part of the cue ("said Friday"; PolNeAR train: 91 of 156)
CUE_TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                            "today", "yesterday", "tonight", "overnight"})
CUE_LEFT_DEPS = frozenset({"aux", "aux:pass"})
#: Adverbs directly before the verb that PolNeAR puts inside the cue ("also said").
CUE_LEFT_ADVERBS = frozenset({"also", "not", "never", "repeatedly", "publicly", "previously", "later",
                              "recently", "further", "reportedly", "once", "again", "already", "since",
                              "first", "even", "still", "often", "swiftly", "quickly", "immediately",
                              "privately", "openly", "explicitly", "falsely", "wrongly", "specifically",
                              "widely", "frequently", "consistently", "long", "flatly", "initially"})
#: Subject dependencies (UD), and the passive agent.
SUBJ_DEPS = ("nsubj", "nsubj:outer", "csubj")
PASS_SUBJ_DEPS = ("nsubj:pass", "csubj:pass")
#: Verbs whose object is the addressee, not the content ("told the AP that ...").
ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "assure", "remind", "warn", "urge", "notify",
                             "advise", "brief", "caution", "persuade", "convince", "promise", "email"})
#: Dependents after the verb that extend an object content ("called X an act", "tied X to Y").
CONTENT_EXT_DEPS = frozenset({"obj", "iobj", "xcomp", "ccomp", "obl", "advcl", "nmod", "dep"})
CONTENT_OBL_CASES = frozenset({"to", "of", "on", "as", "for", "with", "about", "in", "from", "against", "over"})
#: Head nouns of an object that refers to a claim ("denied the Iranian claim"): kind nominal.
CLAIM_NOUNS = frozenset({"claim", "claims", "report", "reports", "allegation", "allegations", "accusation",
                         "accusations", "charge", "charges", "statement", "statements", "assertion",
                         "remark", "remarks", "suggestion", "rumor", "rumors", "rumour", "story",
                         "account", "version", "assessment", "comment", "comments", "idea", "notion"})
#: Dependents of the cue that belong to the reporting clause, not to the content.
REGION_DEPS = frozenset({"aux", "aux:pass", "advmod", "obl", "obl:tmod", "obl:npmod", "nmod:tmod", "punct_", "compound:prt", "cc"})
#: Parts of speech of a name phrase for the POS fallback source.
NP_POS = ("PROPN", "NOUN", "ADJ", "DET", "NUM", "PRON")
#: Words that head time phrases (kept out of sources).
DATE_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                        "yesterday", "tonight", "morning", "afternoon", "evening", "night", "week", "weekend",
                        "month", "year", "january", "february", "march", "april", "may", "june", "july",
                        "august", "september", "october", "november", "december"})
#: Abbreviations whose full stop belongs to a name ("Mr. Rubio", "Sen. McCaskill").
NAME_ABBREVIATIONS = frozenset({"Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt",
                                "Adm", "Maj", "Brig", "Prof", "Rev", "St", "Jr", "Sr", "Co", "Corp", "Inc", "Ltd",
                                "U.S", "U.N", "D", "R"})
#: Longest apposition the part-of-speech fallback walks over.
APPOS_MAX_TOKENS = 16
#: When the parse gives no subject, take the name phrase next to the cue by part of speech.
USE_POS_FALLBACK = True
#: What may stand between a quote and its reporting clause.
ADJ_PUNCT = " ,—–-\n\t"
#: Content rules whose right-hand content grows to the end of its sentence (PolNeAR annotates whole
#: clauses; the parse often attaches their tail elsewhere).
EXTEND_RIGHT_RULES = frozenset({"ccomp", "remainder", "obj"})
#: Sentence connectives PolNeAR leaves out of a content ("However, ..., he said").
CONNECTIVES = frozenset({"however", "meanwhile", "still", "instead", "moreover", "furthermore", "indeed",
                         "nevertheless", "nonetheless", "yet", "also", "besides", "meantime", "in addition",
                         "in fact", "of course", "on the other hand", "for example", "for instance", "otherwise",
                         "similarly", "likewise", "thus", "therefore", "then", "now", "again"})
#: Subject-case pronouns: an "object" in this form starts a clause ("saying he would").
SUBJECT_PRONOUNS = frozenset({"i", "he", "she", "we", "they"})
#: A content that is only one of these is no statement ("He is hailed as ..." gives content "He").
PRONOUN_CONTENTS = frozenset({"i", "he", "she", "we", "they", "it", "him", "her", "us", "them", "me", "you",
                              "this", "these", "those"})
#: Dependents of the cue that start a new clause and so end an extended content.
STOP_DEPS = frozenset({"conj", "parataxis", "advcl", "ccomp", "xcomp", "obl", "dep", "list"})
#: Words that introduce a complement clause and belong to the content.
COMPLEMENTISERS = frozenset({"that", "how", "what", "whether", "why", "if", "when", "who", "where"})
#: How many tokens after the cue a complementiser "that" may stand (addressee, time, place between).
THAT_WINDOW = 8
#: Without a complement in the parse, take the rest of the sentence as content.
REMAINDER_CONTENT = True
#: A headline source: at most this many tokens before ":".
HEADLINE_MAX_SOURCE_TOKENS = 6
#: PolNeAR includes the comma that closes an apposition in the source.
SOURCE_KEEPS_CLOSING_COMMA = True
#: Words that open a new clause after a comma and end a content grown to the right.
CLAUSE_OPENERS = frozenset({"which", "who", "whom", "whose", "while", "although", "though", "whereas"})
#: Punctuation that ends an object content grown to the right ("questioning X, encouraging ...").
OBJ_STOP_PUNCT = frozenset({",", ";", ":", "—"})
#: Longest rest of a reporting clause between a quote and its continuation (characters).
CONTINUATION_MAX_GAP = 100
#: Confidence of a cue found by the speech-act lexicon alone (a form unseen in training).
LEXICON_ONLY_CONFIDENCE = 0.6
#: Confidence of structural rules without a learned score.
RULE_CONFIDENCE = {"headline": 0.8, "according": 0.9}
#: Verbs that name or characterise ("called it X", "what it described as X"): their content is the predicate.
#: nouns of the occasion or medium of a statement: "tied X to Y in remarks he made", "said X in an
#: interview". An oblique headed by one belongs to the reporting clause, never to the content.
MEDIUM_NOUNS = frozenset({"remark", "remarks", "statement", "statements", "interview", "interviews", "speech",
                          "speeches", "tweet", "tweets", "post", "posts", "briefing", "conference", "address",
                          "letter", "op-ed", "video", "message", "testimony", "hearing", "broadcast", "appearance",
                          "email", "e-mail", "memo", "communique", "communiqué", "call", "rally", "podcast"})
#: the preposition that opens a passive cue's content: "was accused of X", "is criticized for X"
PASSIVE_CONTENT_CASES = frozenset({"of", "for", "over", "about", "as"})
#: verbs of answering: negated, with a request for comment as object, they make a no_comment
ANSWER_LEMMAS = frozenset({"respond", "reply", "return", "answer", "responded", "replied", "returned", "answered"})
NAMING_VERBS = frozenset({"call", "label", "term", "dub", "name", "describe", "brand"})


def _content_is_speech(pieces: list[tuple[int, int]], source: Optional[tuple[int, int]], text: str) -> bool:
    """False for a content that is only a pronoun ("He is hailed as ...") or repeats the source."""
    words = " ".join(text[s:e] for s, e in pieces).strip(" “”\"'‘’,.").lower()
    if not words or words in PRONOUN_CONTENTS:
        return False
    if source is not None and words == text[source[0]:source[1]].strip(" “”\"'‘’,.").lower():
        return False
    return True


# --------------------------------------------------------------------------- raw statements


class RawStatement:
    """A statement before ids and speakers: token-level facts plus character spans."""

    __slots__ = ("cue", "source", "content", "kind", "rule", "conf", "head", "negated", "src_head", "lemma", "quote_ids")

    def __init__(self, cue, source, content, kind, rule, conf, head=None, negated=False, src_head=None, lemma=""):
        self.cue: tuple[int, int] = cue
        self.source: Optional[tuple[int, int]] = source
        self.content: list[tuple[int, int]] = content
        self.kind = kind
        self.rule = rule
        self.conf = conf
        self.head = head  # cue head Token
        self.negated = negated
        self.src_head = src_head  # Token
        self.lemma = lemma
        self.quote_ids: list[int] = []


def _trim(text: str, s: int, e: int, punct: str = "") -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in punct):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in punct):
        e -= 1
    return s, e


def _subtree_span(tok: Any, exclude: Sequence[Any] = ()) -> tuple[int, int]:
    """Character span of ``tok``'s subtree, leaving out the subtrees of ``exclude`` at its edges."""
    toks = [t for t in tok.subtree]
    if exclude:
        ex = set()
        for e in exclude:
            ex.update(t.i for t in e.subtree)
        toks = [t for t in toks if t.i not in ex]
        # keep contiguous part around tok
        if not toks:
            return tok.idx, tok.idx + len(tok)
    lo = min(t.idx for t in toks)
    hi = max(t.idx + len(t) for t in toks)
    return lo, hi


class _Ctx:
    """Per-document lookups: quotes by character, paragraph roles."""

    def __init__(self, doc: Any, document: Document):
        self.doc = doc
        self.text = document.text
        self.document = document
        pars = [(p.start, p.end) for p in document.paragraphs] or None
        self.quotes: list[Quote] = [q for q in find_quotes(self.text, pars)]
        self.double = [q for q in self.quotes if not q.single]
        self.dstarts = [q.start for q in self.double]
        self.par_starts = [p.start for p in document.paragraphs]

    def role(self, offset: int) -> str:
        if not self.document.paragraphs:
            return "body"
        i = bisect.bisect_right(self.par_starts, offset) - 1
        if i < 0:
            return "body"
        p = self.document.paragraphs[i]
        return p.role if offset < p.end or i == len(self.par_starts) - 1 else "body"

    def paragraph_index(self, offset: int) -> int:
        return bisect.bisect_right(self.par_starts, offset) - 1

    def quote_at(self, offset: int) -> Optional[int]:
        """Index in ``double`` of the double quote strictly containing ``offset``."""
        i = bisect.bisect_right(self.dstarts, offset) - 1
        while i >= 0:
            q = self.double[i]
            if q.start < offset < q.end - 1:
                return i
            if q.end < offset - 2000:
                break
            i -= 1
        return None


# --------------------------------------------------------------------------- cue spans


def _cue_span(tok: Any, model: CueModel) -> tuple[int, int]:
    doc = tok.doc
    start = tok.i
    for c in tok.children:
        if c.i < tok.i and c.dep_ in CUE_LEFT_DEPS:
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
    return any(c.dep_ in ("aux:pass", "nsubj:pass", "csubj:pass") for c in tok.children)


def _agent(tok: Any) -> Optional[Any]:
    for c in tok.children:
        if c.dep_ in ("obl:agent", "obl", "nmod:agent") and any(g.dep_ == "case" and g.lower_ == "by" for g in c.children):
            return c
    return None


def _subject(tok: Any, depth: int = 0) -> Optional[Any]:
    """The source token of a cue verb: its subject, the passive agent, or an inherited subject."""
    if _is_passive(tok) or tok.morph.get("VerbForm") == ["Part"] and tok.dep_ in ("acl", "amod"):
        a = _agent(tok)
        if a is not None:
            return a
        if _is_passive(tok):
            return None
    for c in tok.children:
        # a "subject" after the verb is the subject of a complement the parse flattened ("vowed the
        # response will be ..."); quote inversion ("…,” said X") is handled by the caller
        if c.dep_ in SUBJ_DEPS and c.i < tok.i:
            return c
    if MISLABELLED_SUBJECTS:
        for c in tok.children:
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
                return _subject(anc, depth + 1)
    if depth < 3 and tok.dep_ in ("conj", "xcomp", "advcl") and tok.head is not tok:
        return _subject(tok.head, depth + 1)
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


def _coordinated_report(tok: Any) -> bool:
    """A reporting verb coordinated under a non-reporting verb, with a complement clause and no subject
    of its own ("said the IRGC knew why Israel killed X but asserted that ...")."""
    return (tok.dep_ == "conj" and _reporting(tok) and not _reporting(tok.head) and tok.head.i < tok.i
            and any(c.dep_ == "ccomp" for c in tok.children)
            and not any(c.dep_ in SUBJ_DEPS + PASS_SUBJ_DEPS for c in tok.children))


#: an unambiguous verb of blame in a relative clause with its own subject is a cue ("an airstrike Iran
#: has blamed on Israel") whatever the cue classifier says: who holds whom responsible matters most to
#: disputes. (All speech acts this way cost 0.002 exact F1 on PolNeAR dev and train.)
RELATIVE_CUES = True
RELATIVE_CUE_ACTS = frozenset({"accusation"})
#: a clause-opening noun phrase the parse labelled as an unmarked oblique is taken for the subject
MISLABELLED_SUBJECTS = True
#: sentences of a quotation before its reporting sentence join the content
PRECEDING_QUOTES = True
#: end a content before a closing ", VBG ..." participle clause
TRAILING_PARTICIPLE_CUT = True
#: drop a non-restrictive relative clause from a source (PolNeAR leaves it out)
DROP_SOURCE_RELATIVES = True


def _source_span(text: str, subj: Any) -> tuple[int, int]:
    toks = [t for t in subj.subtree]
    if subj.dep_ in ("obl:agent", "obl"):
        toks = [t for t in toks if not (t.head.i == subj.i and t.dep_ == "case")]
    # leading conjunctions, adverbs and quote marks are not part of the name ("and Democrats", "Perhaps ...")
    while len(toks) > 1 and toks[0].i < subj.i and (toks[0].dep_ in ("cc", "advmod", "punct", "mark") or toks[0].is_quote):
        toks = toks[1:]
    # a relative clause or apposition after the name stays; a time phrase or a participle clause
    # ("Trump, speaking to a veterans group,", "The Times on Saturday") does not
    drop = set()
    for c in subj.children:
        if c.i < subj.i:
            continue
        if (c.dep_ in ("acl", "advcl") and c.morph.get("VerbForm") in (["Ger"], ["Part"]) and c.tag_ != "VBN") \
                or (c.dep_ in ("nmod", "obl", "nmod:tmod", "obl:tmod", "nmod:npmod") and
                    (c.ent_type_ in ("DATE", "TIME") or c.lower_ in DATE_WORDS)):
            drop.update(t.i for t in c.subtree)
        elif DROP_SOURCE_RELATIVES and c.dep_ in ("acl:relcl", "relcl") and c.i > 0 and any(
                t.text in (",", "―", "—", "--") and t.i < c.i for t in c.subtree):
            # "Mr. Kamin, who emphasized that ..., said": a non-restrictive relative clause is not the source
            sub = [t.i for t in c.subtree]
            comma = subj.doc[min(sub) - 1]
            drop.update(sub)
            if comma.text in (",", "―", "—", "--"):
                drop.add(comma.i)
    toks = [t for t in toks if t.i not in drop]
    lo = min(t.idx for t in toks)
    hi = max(t.idx + len(t) for t in toks)
    s, e = _trim(text, lo, hi, "")
    # drop trailing punctuation except a comma that closes an apposition or relative clause
    while e > s and text[e - 1] in ".;:—–-\"“”":
        e -= 1
        s, e = _trim(text, s, e)
    if e > s and text[e - 1] == ",":
        if "," not in text[s:e - 1]:
            e -= 1
    elif SOURCE_KEEPS_CLOSING_COMMA and "," in text[s:e] and text[e:e + 1] == ",":
        e += 1  # "Brian Fallon, a spokesman for the campaign," (PolNeAR keeps the closing comma)
    while s < e and text[s] in ",;:—–-":
        s += 1
    return _trim(text, s, e)


# --------------------------------------------------------------------------- content


def _title_before_name(tok: Any) -> Optional[Any]:
    """The title noun of "the group's military commander Muhammad Deif said ..." when the parse made the
    cue a relative clause of the title ("commander [Muhammad Deif said]"): the clause's subject is a
    proper name right after a speaker noun (``speaker_nouns.tsv``), so title and name are one source."""
    if tok.dep_ not in ("relcl", "acl:relcl") or tok.head.i >= tok.i or tok.head.pos_ != "NOUN":
        return None
    from counterclaim.extract.speakers import load_speaker_nouns

    if tok.head.lower_ not in load_speaker_nouns() and tok.head.lemma_.lower() not in load_speaker_nouns():
        return None
    subj = [c for c in tok.children if c.dep_ in SUBJ_DEPS and tok.head.i < c.i < tok.i]
    if not subj or subj[0].pos_ != "PROPN" or min(t.i for t in subj[0].subtree) != tok.head.i + 1:
        return None
    return tok.head


def _content_from_children(tok: Any, text: str, ctx: _Ctx) -> tuple[list[tuple[int, int]], str]:
    """Content pieces from the dependents of a cue verb, and the dependency that gave them."""
    kids = list(tok.children)
    lemma = tok.lemma_.lower()
    ccomp = [c for c in kids if c.dep_ in ("ccomp", "csubj:pass") or (c.dep_ == "parataxis" and c.i < tok.i)]
    if ccomp:
        c = ccomp[0]
        s, e = _subtree_span(c)
        return [(s, e)], "ccomp"
    xcomp = [c for c in kids if c.dep_ == "xcomp"]
    objs = [c for c in kids if c.dep_ in ("obj", "iobj") and c.i > tok.i]
    if _is_passive(tok) and any(c.dep_ == "aux:pass" for c in kids) and tok.tag_ in ("VBN", "") :
        subj = [c for c in kids if c.dep_ in PASS_SUBJ_DEPS and c.i < tok.i and c.pos_ in ("NOUN", "PROPN", "PRON")]
        if not subj and tok.dep_ == "conj":  # "Mousavi was responsible ... and was believed by Israel to ..."
            subj = [c for c in tok.head.children if c.dep_ in SUBJ_DEPS + PASS_SUBJ_DEPS and c.i < tok.head.i]
        if not xcomp:  # "to have been involved", whatever label the parse gave it
            xcomp = [c for c in kids if c.i > tok.i and c.dep_ in ("advcl", "ccomp")
                     and tok.doc[min(t.i for t in c.subtree)].lower_ == "to"]
        if not xcomp:  # "was accused of using ...", "was criticized for ...": the oblique after the verb
            for c in kids:
                if c.i > tok.i and c.dep_ in ("obl", "advcl"):
                    case = [g for g in c.children if g.dep_ in ("case", "mark") and g.i < c.i]
                    if case and case[0].i == tok.i + 1 and case[0].lower_ in PASSIVE_CONTENT_CASES:
                        xcomp = [c]
                    break
        pieces = []
        if subj:
            toks = [t for t in subj[0].subtree]
            while len(toks) > 1 and toks[0].pos_ in ("CCONJ", "SCONJ") and toks[0].i < subj[0].i:
                toks = toks[1:]  # "And peacekeepers", "When ..."
            pieces.append((toks[0].idx, max(t.idx + len(t) for t in toks)))
        if xcomp:
            x = xcomp[0]
            case = [g for g in x.children if g.dep_ in ("case", "mark") and g.i == tok.i + 1
                    and g.lower_ in PASSIVE_CONTENT_CASES]
            pieces.append(_subtree_span(x, exclude=case))
        if pieces:
            return pieces, "passive"
    rel_subj = [c for c in kids if c.dep_ in SUBJ_DEPS and tok.head.i < c.i < tok.i]
    rel_obj = [c for c in kids if c.dep_ == "obj" and c.i < tok.i and c.lower_ in ("which", "that", "what", "whom")]
    if tok.dep_ in ("relcl", "acl:relcl", "acl") and tok.head.i < tok.i and tok.head.pos_ in ("NOUN", "PROPN", "PRON") \
            and (rel_subj or rel_obj) and _title_before_name(tok) is None and not any(c.dep_ in ("ccomp",) for c in kids):
        rel = [c for c in kids if c.dep_ in ("obj",) and c.i < tok.i]
        pieces = [(c.idx, c.idx + len(c)) for c in rel]
        if not rel and tok.dep_ != "acl":
            # "an airstrike Iran has blamed on Israel": the modified noun phrase is what was said about;
            # "what it described as ...": the pronoun alone
            first_rel = min(t.idx for t in tok.subtree)
            head_toks = [t for t in tok.head.subtree if not (t.head.i == tok.head.i and t.dep_ == "case")]
            lo = min(t.idx for t in head_toks)
            if tok.head.lower_ in ("what", "which", "that", "whatever"):
                pieces.append((tok.head.idx, tok.head.idx + len(tok.head)))
            elif lo < first_rel:
                pieces.append((lo, first_rel))  # the noun phrase without its preposition ("in an airstrike")
            for c in kids:
                if c.i > tok.i and c.dep_ in ("obl", "xcomp", "ccomp"):
                    pieces.append(_subtree_span(c))
                    break
        elif xcomp:
            pieces.append(_subtree_span(xcomp[0]))
        if pieces:
            return pieces, "relcl"
    if xcomp and lemma not in NAMING_VERBS:
        x = xcomp[0]
        start_tok = x
        if objs and objs[0].i < x.i and lemma not in ADDRESSEE_VERBS:
            start_tok = objs[0]
        lo = min(t.idx for t in start_tok.subtree)
        hi = max(t.idx + len(t) for t in x.subtree)
        if x.tag_ == "VB":
            # "have vowed to take steps and imposed sanctions": a participle or past form cannot be
            # coordinated with the infinitive; it continues the cue's own verb group, not the content
            for c in x.children:
                if c.dep_ == "conj" and c.i > x.i and c.tag_ in ("VBN", "VBD"):
                    first = min(t.i for t in c.subtree)
                    while first > x.i and tok.doc[first - 1].pos_ in ("CCONJ", "PUNCT"):
                        first -= 1
                    hi = min(hi, tok.doc[first - 1].idx + len(tok.doc[first - 1]))
                    break
        return [(lo, hi)], "xcomp"
    if objs and _clausal_object(objs[0]):
        # "says it would depress revenue": the parse took the clause's subject for an object
        lo = min(t.idx for t in objs[0].subtree)
        return [(lo, max(t.idx + len(t) for t in objs[0].subtree))], "ccomp"
    if objs and not (lemma in ADDRESSEE_VERBS and len(objs) == 1 and not xcomp):
        first = objs[0]
        last = first
        # a coordinated verb of the cue starts a clause of its own ("called X an “act of terror” and
        # vowed ..."): the object content never grows past it, whatever the parse attached beyond
        conj_starts = [min(t.i for t in c.subtree) for c in kids
                       if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > first.i]
        cap_i = min(conj_starts) if conj_starts else len(tok.doc)
        for c in kids:
            if c.i <= first.i or c.dep_ not in CONTENT_EXT_DEPS or c.i >= cap_i:
                continue
            if c.dep_ in ("obl", "nmod"):
                case = [g.lower_ for g in c.children if g.dep_ == "case"]
                if not case or case[0] not in CONTENT_OBL_CASES or _is_time(c) or c.lower_ in MEDIUM_NOUNS:
                    continue
            if c.dep_ == "advcl" and not c.lemma_ in ("be",):
                continue
            last = c if c.i > last.i else last
        doc = tok.doc
        lo_i = min(t.i for t in first.subtree)
        hi_i = min(max(t.i for t in last.subtree), cap_i - 1)
        # an object content ends before a non-restrictive clause (", which ...", ", saying ...") and
        # before a time phrase of the cue ("endorsed X on Thursday")
        for k in range(lo_i + 1, hi_i + 1):
            if _clause_break(doc, k, hi_i + 1):
                hi_i = k - 1
                break
        while hi_i > lo_i and (doc[hi_i].ent_type_ in ("DATE", "TIME") or doc[hi_i].lower_ in DATE_WORDS) \
                and doc[hi_i].head.i != first.i:
            hi_i -= 1
            while hi_i > lo_i and (doc[hi_i].ent_type_ in ("DATE", "TIME") or doc[hi_i].pos_ in ("ADP", "DET")
                                   or doc[hi_i].lower_ in DATE_WORDS):
                hi_i -= 1
        return [(doc[lo_i].idx, doc[hi_i].idx + len(doc[hi_i]))], "obj"
    # the predicate of a naming verb without an object after it: "what it described as “the dangers ...”"
    if lemma in NAMING_VERBS:
        for c in kids:
            case = [g for g in c.children if g.dep_ == "case"]
            if c.i > tok.i and c.dep_ == "obl" and case and case[0].i == tok.i + 1 and case[0].lower_ == "as":
                doc = tok.doc
                toks = sorted((t for t in c.subtree if t.i != case[0].i), key=lambda t: t.i)
                hi_i = toks[-1].i
                for t in toks[1:]:
                    if t.text != ",":
                        continue
                    k = t.i + 1
                    while k <= hi_i and doc[k].text in "”\"’'":
                        k += 1
                    if k <= hi_i and (doc[k].pos_ == "CCONJ" or doc[k].lower_ in CLAUSE_OPENERS
                                      or (doc[k].pos_ == "VERB" and doc[k].tag_ in ("VBG", ""))
                                      and doc[k].morph.get("VerbForm") in (["Ger"], ["Part"], [])):
                        hi_i = k - 1
                        break
                end = doc[hi_i]
                return [(toks[0].idx, end.idx + len(end))], "obl"
    # prepositional content: "talked about X", "pointed to X"
    for c in kids:
        if c.i > tok.i and c.dep_ in ("obl", "advcl"):  # advcl: "admitted to conducting ..."
            case = [g for g in c.children if g.dep_ in ("case", "mark")]
            if case and case[0].i == tok.i + 1 and case[0].lower_ in ("about", "to", "for", "on", "of", "with", "against"):
                toks = [t for t in c.subtree if t.i != case[0].i]
                return [(min(t.idx for t in toks), max(t.idx + len(t) for t in toks))], "obl"
    return [], ""


def _clausal_object(obj: Any) -> bool:
    """An object that is really the subject of a complement clause: a subject pronoun, or a noun
    phrase followed directly by a finite verb or auxiliary outside its subtree."""
    if obj.lower_ in SUBJECT_PRONOUNS:
        return True
    last = max(t.i for t in obj.subtree)
    doc = obj.doc
    if last + 1 >= len(doc) or last + 1 >= obj.sent.end:
        return False
    nxt = doc[last + 1]
    return nxt.pos_ in ("VERB", "AUX") and nxt.head.i != obj.i and (
        nxt.pos_ == "AUX" or "Fin" in nxt.morph.get("VerbForm"))


#: A trailing nested attribution ("…, according to Iran's Press TV") is a statement of its own, not content.
TRAILING_ATTRIBUTION_RE = re.compile(r",?\s+according to\b")


def _clean_content(text: str, s: int, e: int) -> tuple[int, int]:
    s, e = _trim(text, s, e)
    m = TRAILING_ATTRIBUTION_RE.search(text, s, e)
    if m is not None and m.start() > s and not _open_quote(text[s:m.start()]):
        e = m.start()
    # a content never ends with the sentence's own full stop or a comma, unless closed by a quote
    while e > s and text[e - 1] in ",.;:—–" and not _open_quote(text[s:e]):
        e -= 1
        s, e = _trim(text, s, e)
    while s < e and text[s] in ",;:—–.":
        s += 1
        s, e = _trim(text, s, e)
    return s, e


def _open_quote(piece: str) -> bool:
    return (piece.count("“") + piece.count("”") + piece.count('"')) % 2 == 1


def _snap_to_quotes(pieces: list[tuple[int, int]], ctx: _Ctx) -> tuple[list[tuple[int, int]], bool, list[int]]:
    """Extend pieces that cover most of a double quote to the quote's marks; report quotes used."""
    out = []
    quoted = False
    used: list[int] = []
    for s, e in pieces:
        for qi, q in enumerate(ctx.double):
            if q.end <= s or q.start >= e + 3:
                if q.start > e + 3:
                    break
                continue
            inner = max(0, min(e, q.end) - max(s, q.start))
            if inner >= 0.6 * (q.end - q.start) or (q.start <= s and e <= q.end):
                if q.start <= s + 3 and e - 3 <= q.end:
                    s, e = min(s, q.start), max(e, q.end)
                    quoted = True
                used.append(qi)
        out.append((s, e))
    return out, quoted, used


# --------------------------------------------------------------------------- main passes


def _verb_statements(ctx: _Ctx, model: CueModel) -> list[RawStatement]:
    doc = ctx.doc
    out: list[RawStatement] = []
    for sent in doc.sents:
        role = ctx.role(sent.start_char)
        if role in SKIP_ROLES:
            continue
        sent_has_quote = any(q.start < sent.end_char and sent.start_char < q.end for q in ctx.double[:] if q.start < sent.end_char) if ctx.double else False
        for tok in sent:
            if tok.is_punct:
                continue
            if not model.is_candidate(tok):
                # a speech-act verb in a form the training data never had as a cue ("tied X to Y"):
                # the lexicon decides, with a fixed confidence, when the verb has a subject and a complement
                al = act_lemma(tok)
                if tok.pos_ != "VERB" or al is None or al in load_ambiguous():
                    continue
                kids = {c.dep_ for c in tok.children}
                if not kids & set(SUBJ_DEPS) or not kids & {"ccomp", "obj", "xcomp"}:
                    continue
                st = _build(tok, LEXICON_ONLY_CONFIDENCE, ctx, model, _quote_adjacent(tok, ctx))
                if st is not None:
                    st.rule += "+lexicon"
                    out.append(st)
                continue
            qi = ctx.quote_at(tok.idx)
            adj = _quote_adjacent(tok, ctx)
            counts = model.lemmas.get(cue_key(tok))
            p = model.prob(cue_features(tok, qi is not None, sent_has_quote, adj is not None, counts))
            if p < model.threshold:
                # a passive with its agent ("was believed by Israel to ...") is an attribution when the
                # verb is an unambiguous speech act, whatever the classifier thinks
                # likewise in display text (headline, subhead), which the news-body training data never
                # has: an unambiguous speech-act verb with a subject and a complement clause is a cue
                al = act_lemma(tok)
                unambiguous = bool(al) and al not in load_ambiguous()
                passive_with_agent = _is_passive(tok) and _agent(tok) is not None
                kids = {c.dep_ for c in tok.children}
                display_clause = (role in HEADLINE_ROLES and bool(kids & set(SUBJ_DEPS))
                                  and bool(kids & {"ccomp", "xcomp"}))
                # "an airstrike Iran has blamed on Israel": a speech-act verb in a relative clause, with its
                # own subject, says something about the noun it modifies
                relative = (RELATIVE_CUES and tok.dep_ in ("acl:relcl", "relcl") and tok.head.i < tok.i
                            and bool(kids & set(SUBJ_DEPS)) and tok.head.pos_ in ("NOUN", "PROPN")
                            and load_acts().get(al, ("",))[0] in RELATIVE_CUE_ACTS)
                if not (unambiguous and (passive_with_agent or display_clause or relative)) \
                        and not _unanswered_request(tok):
                    continue
                p = LEXICON_ONLY_CONFIDENCE
            st = _build(tok, p, ctx, model, adj)
            if st is not None:
                out.append(st)
    return out


def _unanswered_request(tok: Any) -> bool:
    """ "did not (immediately) respond to requests for comment", "has not replied to a request for an
    interview": a negated answering verb whose oblique asks for comment is a refusal to comment."""
    if tok.lemma_.lower() not in ANSWER_LEMMAS and tok.lower_ not in ANSWER_LEMMAS:
        return False
    if not any(c.dep_ in ("advmod", "neg") and c.lemma_.lower() in ("not", "never", "n't") for c in tok.children):
        return False
    for c in tok.children:
        if c.i > tok.i and c.dep_ in ("obl", "obj", "advcl"):
            if any(t.lemma_.lower() in NO_COMMENT_LEMMAS or t.lower_ in ("comment", "comments") for t in c.subtree if t.i != c.i) \
                    or c.lemma_.lower() in ("request", "inquiry", "question", "call", "message", "email"):
                return True
    return False


def _region(tok: Any, subj: Optional[Any], cue: tuple[int, int]) -> tuple[int, int]:
    """Characters of the reporting clause: cue, source and the cue's non-content modifiers."""
    lo, hi = cue
    if subj is not None:
        st = list(subj.subtree)
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


def _quote_adjacent(tok: Any, ctx: _Ctx, subj: Optional[Any] = None) -> Optional[int]:
    """A double quote right before the reporting clause ("“…,” he said") or right after it ("said: “…”")."""
    text = ctx.text
    if subj is None:
        subj = _outside_quotes(_subject(tok), tok, ctx)
    if ctx.quote_at(tok.idx) is not None:
        return None
    lo, hi = _region(tok, subj, (tok.idx, tok.idx + len(tok)))
    lo = _extend_left_over_nouns(tok.doc, lo, ctx)
    par = ctx.paragraph_index(tok.idx)
    i = bisect.bisect_right(ctx.dstarts, lo) - 1
    while i >= 0:
        q = ctx.double[i]
        if q.end <= lo:
            if ctx.paragraph_index(q.start) == par and not text[q.end:lo].strip(ADJ_PUNCT):
                return i
            break
        i -= 1
    j = bisect.bisect_left(ctx.dstarts, hi)
    if j < len(ctx.double):
        q = ctx.double[j]
        between = text[hi:q.start]
        if ctx.paragraph_index(q.start) == par and len(between) < 40 and not between.strip(ADJ_PUNCT + ":"):
            return j
    return None


def _extend_left_over_nouns(doc: Any, lo: int, ctx: _Ctx) -> int:
    """Move ``lo`` left over nouns the parse split off a name ("spokesman | Ramazan Sharif")."""
    span = doc.char_span(lo, lo + 1, alignment_mode="expand")
    if span is None:
        return lo
    i = span.start
    while i > 0 and doc[i - 1].pos_ in ("NOUN", "PROPN") and not doc[i - 1].is_quote \
            and ctx.paragraph_index(doc[i - 1].idx) == ctx.paragraph_index(lo):
        i -= 1
    return doc[i].idx if i < span.start else lo


def _inverted_subject(tok: Any) -> Optional[Any]:
    """The subject after the cue in ``“…,” said the Rev. Peter Wherry`` (parsed as obj or nsubj)."""
    for c in tok.children:
        if c.i > tok.i and c.dep_ in ("nsubj", "obj", "appos", "dep") and c.pos_ in ("PROPN", "NOUN", "PRON"):
            return c
    return None


def _np_left(doc: Any, end_i: int, lo_i: int) -> Optional[tuple[int, int]]:
    """Token range [i, end_i) of a name phrase ending before ``end_i`` (POS only, for bad parses):
    ``Donna Brazile, the interim chairwoman of the DNC,`` or ``Mr. McKinley``."""
    j = end_i - 1
    appos_end = None
    if j >= lo_i and doc[j].text == ",":
        appos_end = j
        j -= 1
    k = j
    while k >= lo_i and (_name_part(doc, k) or doc[k].text in ("(", ")")):
        k -= 1
    if k == j:
        return None
    start = k + 1
    if appos_end is not None:
        # an apposition: "<Name>, <description>," — the name before the first comma; the description
        # may list names ("Iranian officials, including President Raisi and Foreign Minister X,")
        while k >= lo_i and k > appos_end - APPOS_MAX_TOKENS and (doc[k].pos_ in NP_POS + ("CCONJ", "ADP", "VERB", "PUNCT")
                                                                  and doc[k].text not in (",", ";", ".", ":") and not doc[k].is_quote):
            k -= 1
        if k >= lo_i and doc[k].text == ",":
            m = k - 1
            while m >= lo_i and (doc[m].pos_ in ("PROPN", "NOUN", "ADJ", "DET") or doc[m].text in ("’s", "'s")) and not doc[m].is_quote:
                m -= 1
            if m < k - 1 and any(doc[x].pos_ in ("PROPN", "NOUN") for x in range(m + 1, k)):
                return (m + 1, appos_end + 1)
        return None
    if not any(doc[x].pos_ in ("PROPN", "NOUN", "PRON") for x in range(start, j + 1)):
        return None
    return (start, j + 1)


def _name_part(doc: Any, k: int) -> bool:
    """Token ``k`` can be inside a name phrase: a noun-phrase word, a possessive, a hyphen, or the full
    stop of an abbreviation ("Mr.", "Donald J.", "Sen.")."""
    t = doc[k]
    if t.is_quote:
        return False
    if t.pos_ in NP_POS or t.text in ("’s", "'s", "-", "–"):
        return True
    return t.text == "." and k > 0 and doc[k - 1].text in NAME_ABBREVIATIONS or (
        t.text == "." and k > 0 and len(doc[k - 1].text) == 1 and doc[k - 1].text.isupper())


def _np_right(doc: Any, start_i: int, hi_i: int) -> Optional[tuple[int, int]]:
    """Token range of a name phrase right after the cue: ``said David Wasserman, House editor for the
    Cook Political Report``, ``said Sen. Claire McCaskill (D-Mo.)``, ``said Victor Cha, who served ...``."""
    k = start_i
    while k < hi_i and _name_part(doc, k) and not (doc[k].text == "." and k + 1 < hi_i and doc[k + 1].is_space):
        k += 1
    if k == start_i or not any(doc[x].pos_ in ("PROPN", "NOUN", "PRON") for x in range(start_i, k)):
        return None
    if k < hi_i and doc[k].text == "(":  # "(D-Mo.)"
        close = next((m for m in range(k + 1, min(hi_i, k + 8)) if doc[m].text == ")"), None)
        if close is not None:
            k = close + 1
    end = k
    while end < hi_i and doc[end].text == ",":
        m = end + 1
        if m < hi_i and doc[m].lower_ in ("who", "whose"):
            # a relative clause about the speaker runs to the end of the sentence
            while m < hi_i and not (doc[m].is_punct and doc[m].text in (".", ";", "?", "!")) and not doc[m].is_quote:
                m += 1
            return (start_i, m)
        while m < hi_i and (_name_part(doc, m) or doc[m].pos_ in ("ADP", "CCONJ") or doc[m].text in ("(", ")")):
            m += 1
        if m > end + 1 and (m >= hi_i or doc[m].is_punct):
            end = m
            continue
        break
    return (start_i, end)


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
    if left is not None and ctx.quote_at(doc[left[0]].idx) is None:
        return _trim(ctx.text, doc[left[0]].idx, doc[left[1] - 1].idx + len(doc[left[1] - 1]))
    before = ctx.text[sent.start_char:cue[0]].rstrip()
    if before.endswith((",", "”", '"', "''", ",”", ',"')) or not before:
        right = _np_right(doc, cs.end, par_span.end if par_span is not None else sent.end)
        if right is not None:
            s, e = doc[right[0]].idx, doc[right[1] - 1].idx + len(doc[right[1] - 1])
            return _trim(ctx.text, s, e, ".")
    return None


def _sentence_bounds(tok: Any, ctx: _Ctx) -> tuple[int, int]:
    sent = tok.sent
    return sent.start_char, sent.end_char


def _that_clause(tok: Any, cue: tuple[int, int]) -> Optional[Any]:
    """The "that" opening a complement clause shortly after the cue (``said Wednesday that ...``,
    ``told reporters on Monday that ...``), whatever the parse made of it."""
    doc = tok.doc
    k = doc.char_span(cue[0], cue[1], alignment_mode="expand").end
    for j in range(k, min(k + THAT_WINDOW, tok.sent.end)):
        w = doc[j]
        if w.lower_ == "that" and w.pos_ in ("SCONJ", "PRON", "DET") and j + 1 < len(doc) and doc[j + 1].pos_ not in ("VERB", "AUX", "PUNCT", "ADP"):
            return w
        if w.pos_ in ("VERB", "AUX") or (w.is_punct and w.text not in (",",)) or w.is_quote:
            return None
    return None


def _clause_final(tok: Any, subj: Optional[Any], cue: tuple[int, int], ctx: _Ctx) -> bool:
    """``..., he said.``: nothing but punctuation follows the reporting clause in its sentence."""
    if tok.i <= tok.sent.start + 1:
        return False
    lo, hi = _region(tok, subj, cue)
    return not ctx.text[hi:tok.sent.end_char].strip(" .,;:!?\"'”’)\n")


def _extend_right(tok: Any, piece: tuple[int, int], ctx: _Ctx, how: str) -> tuple[int, int]:
    """Grow a right-hand content over tokens the parse left outside it, up to the sentence end, stopping
    at the cue's own other dependents (a coordinated verb, ", adding ...") and at an open quote's end."""
    text = ctx.text
    s, e = piece
    doc = tok.doc
    if how in EXTEND_RIGHT_RULES:
        sent_end = tok.sent.end
        own = set()
        for c in tok.children:
            # a coordinated clause of the cue ("..., but he said that ...") ends the content
            if c.i > tok.i and c.dep_ in ("obl", "nmod") and c.lower_ in MEDIUM_NOUNS and not (s <= c.idx < e):
                own.update(t.i for t in c.subtree)  # "... in remarks he made": the occasion, not the content
            elif c.i > tok.i and not (s <= c.idx < e) and (c.dep_ in STOP_DEPS):
                first = min(t.i for t in c.subtree)
                if first > 0 and (doc[first - 1].text in (",", ";", "—", "–") or doc[first].pos_ == "CCONJ"
                                  or doc[first - 1].pos_ == "CCONJ"):
                    own.update(t.i for t in c.subtree)
                    own.add(first - 1)
        j = doc.char_span(s, e, alignment_mode="expand")
        if j is not None:
            k = j.end
            while k < sent_end and k not in own and not (how == "obj" and doc[k].text in OBJ_STOP_PUNCT) \
                    and not _clause_break(doc, k, sent_end):
                k += 1
            last = k - 1
            if last >= j.end:
                e = max(e, _clean_content(text, s, doc[last].idx + len(doc[last]))[1])
    # the complementiser belongs to the content ("said that ..."), even when the parse left it out
    j = doc.char_span(s, e, alignment_mode="expand")
    if j is not None and j.start > tok.i + 1 and doc[j.start - 1].lower_ in COMPLEMENTISERS:
        s = doc[j.start - 1].idx
    # a piece must not stop inside a quote
    qi = ctx.quote_at(e - 1)
    if qi is not None and ctx.double[qi].start >= s:
        e = max(e, ctx.double[qi].end)
    for q in ctx.quotes:  # single scare quotes too ("it is ‘very aware’")
        if q.single and s <= q.start < e < q.end:
            e = q.end
    return s, e


def _is_time(tok: Any) -> bool:
    return tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in DATE_WORDS


def _clause_break(doc: Any, k: int, end: int) -> bool:
    """A new clause starts at token ``k`` of a content grown to the right: a semicolon, or a comma
    before a conjunction, a relative pronoun or a participle (", but", ", which", ", saying")."""
    t = doc[k]
    if t.text == ";":
        return True
    nxt = doc[k + 1] if k + 1 < end else None
    if nxt is None or t.text != ",":
        return False
    return nxt.pos_ == "CCONJ" or nxt.lower_ in CLAUSE_OPENERS or (nxt.pos_ == "VERB" and nxt.tag_ == "VBG")


def _skip_cue_modifiers(tok: Any, piece: tuple[int, int], ctx: _Ctx) -> tuple[int, int]:
    """Drop leading time words and adverbs that modify the cue ("announced Friday the arrest")."""
    s, e = piece
    doc = tok.doc
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return piece
    k = span.start
    while k < span.end - 1:
        t = doc[k]
        top = t
        while top.head.i != top.i and top.head.i != tok.i and span.start <= top.head.i < span.end:
            top = top.head
        sub = list(top.subtree)
        if top.head.i == tok.i and top.dep_ in ("obl:tmod", "obl:npmod", "nmod:tmod", "advmod", "obl", "punct") \
                and top.i < span.end - 1 and len(sub) <= 4 and sub[0].i == k \
                and not any(x.lower_ in COMPLEMENTISERS for x in sub):
            k = max(x.i for x in top.subtree) + 1
            continue
        if t.ent_type_ in ("DATE", "TIME") and t.head.i == tok.i:
            k += 1
            continue
        break
    if k >= span.end:
        return piece
    return _trim(ctx.text, doc[k].idx, e, ",;:")


def _build(tok: Any, p: float, ctx: _Ctx, model: CueModel, adj: Optional[int]) -> Optional[RawStatement]:
    """One statement for a cue token: source, then content by the first rule that applies —
    a complement to the right (ccomp/xcomp/obj), an adjacent quote, the sentence left of a clause-final
    reporting clause, or the rest of the sentence."""
    text = ctx.text
    lem = act_lemma(tok) or tok.lemma_.lower()
    if tok.lower_ == "according":
        return _according(tok, p, ctx)
    cue = _cue_span(tok, model)
    subj = None if _reduced_relative(tok) else _outside_quotes(_subject(tok), tok, ctx)
    negated = any(c.lemma_.lower() in ("not", "never", "n't") and c.dep_ in ("advmod", "neg") for c in tok.children)
    pieces, how = _content_from_children(tok, text, ctx)
    that = _that_clause(tok, cue)
    if that is not None and (not pieces or how != "ccomp" or pieces[0][0] > that.idx):
        pieces, how = [(that.idx, that.idx + len(that))], "ccomp"
    right = bool(pieces) and (pieces[0][0] >= cue[1] or how in ("relcl", "passive"))
    if not right:
        pieces, how = [], ""
    q = ctx.double[adj] if adj is not None else None
    source = None
    if q is not None and q.end <= cue[0] and (subj is None or subj.i > tok.i):
        # "“…,” said the Rev. Peter Wherry, a ...": the phrase after the cue is the source, the quote the content
        inv = subj or _inverted_subject(tok)
        if inv is not None and pieces and pieces[0][0] <= inv.idx < pieces[0][1]:
            pieces, how = [], ""
        source = _fallback_source(tok, cue, ctx)
        if source is not None:
            span = tok.doc.char_span(source[0], source[1], alignment_mode="expand")
            subj = span.root if span is not None else inv
        else:
            subj = inv
    if q is not None and q.end <= cue[0] and how == "relcl":
        pieces, how = [], ""  # "“…,” spokesman X threatened": the parse made the cue a relative clause
    if source is None and subj is not None:
        source = _source_span(text, subj)
        if source is not None and q is not None and q.end <= source[0]:
            source = (_extend_left_over_nouns(tok.doc, source[0], ctx), source[1])
        if source is not None and source[1] <= cue[0] and subj.sent.start == min(t.i for t in subj.subtree):
            source = (_extend_left_over_nouns(tok.doc, source[0], ctx), source[1])
    title = _title_before_name(tok)
    if title is not None and source is not None:
        # "the terror group's military commander Muhammad Deif said": the title belongs to the source
        toks = [t for t in title.subtree if t.i < title.i or t.i == title.i]
        while toks and (toks[0].is_punct or toks[0].is_space):
            toks = toks[1:]
        if toks:
            source = (min(source[0], toks[0].idx), source[1])
    reduced = (tok.dep_ in ("acl", "amod") and tok.morph.get("VerbForm") == ["Part"]) or _reduced_relative(tok)  # "individuals accused of"
    if source is None and not _is_passive(tok) and not reduced and USE_POS_FALLBACK:
        source = _fallback_source(tok, cue, ctx)
    if source is not None and subj is None:
        span = tok.doc.char_span(source[0], source[1], alignment_mode="expand")
        subj = span.root if span is not None else None
    kind = "indirect"
    quote_ids: list[int] = []
    if q is not None and (not pieces or (q.start >= cue[1] and _overlaps_any(pieces, q) and q.start <= pieces[0][0] + 1)):
        pieces, quote_ids, kind, how = [(q.start, q.end)], [adj], "direct", "quote"
    elif not pieces and not reduced and (tok.dep_ == "parataxis" and tok.head.i < tok.i or _clause_final(tok, subj, cue, ctx)
                         or any(c.dep_ in ("ccomp", "parataxis") and c.i < tok.i for c in tok.children)):
        lo, hi = _region(tok, subj, cue)
        if source:
            lo, hi = min(lo, source[0]), max(hi, source[1])
        s0, e0 = _sentence_bounds(tok, ctx)
        left = _strip_connective(text, *_clean_content(text, s0, lo))
        right_piece = _clean_content(text, hi, e0)
        rtext = text[right_piece[0]:right_piece[1]]
        ltext = text[left[0]:left[1]]
        # after the reporting clause: a new quote, or the rest of a sentence it interrupts
        # ("The museum, he said, celebrated ..."), not its own modifiers ("..., he said after the meeting")
        keep_right = rtext[:1] in "“\"'" or (not ltext.endswith(("”", '"', "'")) and text[hi:right_piece[0]].strip().startswith(","))
        pieces = [pc for pc in (left, right_piece if keep_right else (0, 0)) if pc[1] - pc[0] > 1]
        how = "left"
    elif not pieces and REMAINDER_CONTENT and tok.i < tok.sent.end - 2:
        # the parse gave no complement: the rest of the sentence after the reporting clause
        lo, hi = _region(tok, subj, cue)
        if source and source[0] > cue[0]:
            hi = max(hi, source[1])
        rest = _clean_content(text, max(hi, cue[1]), _sentence_bounds(tok, ctx)[1])
        if rest[1] - rest[0] > 1:
            pieces, how = [rest], "remainder"
    if kind != "direct" and pieces:
        pieces = [_clean_content(text, s, e) for s, e in pieces]
        if how in ("ccomp", "xcomp", "obj", "remainder") and pieces[-1][0] > cue[0]:
            pieces[-1] = _extend_right(tok, pieces[-1], ctx, how)
            pieces = [_skip_cue_modifiers(tok, pc, ctx) for pc in pieces]
        pieces, quoted, used = _snap_to_quotes(pieces, ctx)
        quote_ids = used
        if quoted and len(pieces) == 1 and any(ctx.double[u].start == pieces[0][0] and ctx.double[u].end == pieces[0][1] for u in used):
            kind = "direct"
        elif used:
            kind = "mixed"
    if kind != "direct" and how in ("ccomp", "remainder") and pieces:
        pieces = _medial_left_piece(tok, subj, source, cue, pieces, ctx)
    if kind != "direct" and pieces and TRAILING_PARTICIPLE_CUT:
        pieces = [_cut_trailing_participle(tok.doc, pc, ctx) for pc in pieces]
    # a reporting verb coordinated inside the content ("said X ... but asserted that Y") is a statement
    # of its own: the content stops before it
    cut = []
    for ps, pe in pieces:
        for t in tok.doc.char_span(ps, pe, alignment_mode="expand") or ():
            if t.i > tok.i and _coordinated_report(t) and ps < t.idx:
                first = min(x.idx for x in t.subtree)
                if first > ps:
                    ps, pe = _clean_content(text, ps, first)
                break
        cut.append((ps, pe))
    pieces = cut
    # the content must not contain the cue or the source
    pieces = [pc for pc in pieces if pc[1] > pc[0] and not (pc[0] <= cue[0] and cue[1] <= pc[1])]
    if not pieces:
        return None
    if source and any(pc[0] <= source[0] and source[1] <= pc[1] for pc in pieces):
        source = None
    if not _content_is_speech(pieces, source, text):
        return None
    if source is None and act_lemma(tok) is None and how in ("obl", "obj") and tok.tag_ == "VBG" \
            and tok.dep_ in ("advcl", "xcomp", "acl"):
        # "..., referring to the key Islamic site": a participle with no source of its own, no speech-act
        # verb and only a noun phrase after it is the writer's gloss, not an attribution
        return None
    nc = load_noncommunication()
    allowed = nc.get(tok.lemma_.lower(), nc.get(lem))
    if allowed is not None and how not in allowed and kind == "indirect" and not _unanswered_request(tok):
        return None
    if how == "obj" and kind == "indirect":
        heads = [c for c in tok.children if c.dep_ == "obj"]
        if heads and heads[0].lower_ in CLAIM_NOUNS:
            kind = "nominal"
    st = RawStatement(cue, source, sorted(pieces), kind, "quote" if how == "quote" else f"verb:{how}", p,
                      head=tok, negated=negated, src_head=subj, lemma=lem)
    st.quote_ids = quote_ids
    return st


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


def _cut_trailing_participle(doc: Any, piece: tuple[int, int], ctx: _Ctx) -> tuple[int, int]:
    """A content ends before a participle clause that closes it after a comma: "that it attacked Israel
    over X, referring to the key site ..." (the writer's gloss or the speaker's own act, not what was
    said). A parenthetical participle the sentence resumes after ("the men, fearing arrest, fled") stays."""
    span = doc.char_span(piece[0], piece[1], alignment_mode="expand")
    if span is None:
        return piece
    for t in span[1:]:
        if t.tag_ != "VBG" or t.i < span.start + 2:
            continue
        before = doc[t.i - 1]
        if before.is_quote and before.text in "”\"'’" and doc[t.i - 2].text == ",":
            before = doc[t.i - 1]  # 'described as “the dangers …,” referring to': keep the closing mark
            cut_at = before.idx + len(before)
        elif before.text == ",":
            cut_at = before.idx
        else:
            continue
        if t.dep_ not in ("acl", "advcl", "xcomp", "conj"):
            continue
        last = max(x.i for x in t.subtree)
        if last >= span.end - 1 or all(doc[j].is_punct for j in range(last + 1, span.end)):
            if ctx.quote_at(doc[t.i - 1].idx) is not None:
                return piece  # inside a quotation: the speaker's own words
            return _clean_content(ctx.text, piece[0], cut_at)
    return piece


def _medial_left_piece(tok: Any, subj: Optional[Any], source: Optional[tuple[int, int]], cue: tuple[int, int],
                       pieces: list[tuple[int, int]], ctx: _Ctx) -> list[tuple[int, int]]:
    """A reporting clause set off by commas inside its content ("The weapons, he added, are like bombs";
    "which, he says, he is doing"): the words before it are the content's first piece, from the
    sentence start or from a relative pronoun right before the comma."""
    text = ctx.text
    if source is None or source[0] >= cue[0]:
        return pieces
    lo, hi = _region(tok, subj, cue)
    lo = min(lo, source[0])
    before = text[:lo].rstrip()
    after = text[hi:pieces[0][0]].strip()
    if not before.endswith(",") or not after.startswith(",") or pieces[0][0] < hi:
        return pieces
    s0, _ = _sentence_bounds(tok, ctx)
    comma = len(before) - 1
    if comma <= s0:
        return pieces
    span = tok.doc.char_span(s0, comma, alignment_mode="contract")
    if span is None or len(span) == 0:
        return pieces
    start = s0
    if span[-1].tag_ in ("WDT", "WP") or span[-1].lower_ in ("which", "who", "whom"):
        start = span[-1].idx
    left = _strip_connective(text, *_clean_content(text, start, comma))
    if left[1] - left[0] <= 1 or any(q[0] < left[1] and left[0] < q[1] for q in pieces):
        return pieces
    return [left] + pieces


def _strip_connective(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop a sentence connective before a comma at the start of a left content ("However, ...")."""
    head = text[s:min(e, s + 20)]
    word, comma, _ = head.partition(",")
    if comma and word.strip().lower() in CONNECTIVES:
        return _trim(text, s + len(word) + 1, e)
    return s, e


def _overlaps_any(pieces, q: Quote) -> bool:
    return any(s < q.end and q.start < e for s, e in pieces)


def _according(tok: Any, p: float, ctx: _Ctx) -> Optional[RawStatement]:
    text = ctx.text
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    cue = (tok.idx, nxt.idx + len(nxt))
    # the source is the noun phrase "according to" marks
    src_tok = tok.head if tok.dep_ in ("case", "mark") else None
    if src_tok is None or src_tok.i <= nxt.i:
        cands = [t for t in doc[nxt.i + 1: min(len(doc), nxt.i + 8)] if t.pos_ in ("NOUN", "PROPN", "PRON")]
        src_tok = cands[0] if cands else None
    if src_tok is None:
        return None
    toks = [t for t in src_tok.subtree if t.i > nxt.i]
    s_lo = min(t.idx for t in toks)
    s_hi = max(t.idx + len(t) for t in toks)
    np = _np_right(doc, nxt.i + 1, tok.sent.end)
    if np is not None:  # the parse may cut "Iran's state-owned Press TV": take the whole name phrase
        s_hi = max(s_hi, doc[np[1] - 1].idx + len(doc[np[1] - 1]))
    source = _trim(text, s_lo, s_hi, ",.;")
    sent = tok.sent
    before = _clean_content(text, sent.start_char, cue[0])
    after = _clean_content(text, source[1], sent.end_char)
    pieces = [pc for pc in (before, after) if pc[1] - pc[0] > 2]
    if not pieces:
        return None
    pieces, _, used = _snap_to_quotes(pieces, ctx)
    st = RawStatement(cue, source, pieces, "according_to", "according", max(p, RULE_CONFIDENCE["according"]),
                      head=tok, src_head=src_tok, lemma="according")
    st.quote_ids = used
    return st


def _headline_statements(ctx: _Ctx) -> list[RawStatement]:
    """``Iran: Oct. 7 attack was revenge...; Hamas: No it wasn't`` in headlines and subheads."""
    doc, text = ctx.doc, ctx.text
    out = []
    # whole headline paragraphs, not sentences: the splitter may cut "Hamas: | No it wasn't"
    units = [doc.char_span(p.start, p.end, alignment_mode="expand") for p in ctx.document.paragraphs
             if p.role in HEADLINE_ROLES]
    for sent in units:
        if sent is None or len(sent) == 0:
            continue
        seg_start = sent.start
        toks = list(sent)
        for k, t in enumerate(toks):
            if t.text in (";", "|", ".", "?", "!") and t.i < sent.end - 1:
                seg_start = t.i + 1
                continue
            if t.text != ":" or t.i == seg_start:
                continue
            src = doc[seg_start:t.i]
            if len(src) > HEADLINE_MAX_SOURCE_TOKENS or not any(w.pos_ in ("PROPN", "NOUN") or w.text[:1].isupper() for w in src):
                continue
            if any(w.pos_ in ("VERB", "AUX") and w.text[:1].islower() for w in src):
                continue
            end_i = t.i + 1
            while end_i < sent.end and doc[end_i].text not in (";", "|") and not (
                    doc[end_i].text in (".", "?", "!") and end_i + 1 < sent.end and doc[end_i + 1].text[:1].isupper()
                    and any(w.text == ":" for w in doc[end_i + 1:min(sent.end, end_i + 8)])):
                end_i += 1
            if end_i == t.i + 1:
                continue
            c_lo = doc[t.i + 1].idx
            c_hi = doc[end_i - 1].idx + len(doc[end_i - 1])
            content = _clean_content(text, c_lo, c_hi)
            source = _trim(text, src.start_char, src.end_char)
            if content[1] <= content[0]:
                continue
            out.append(RawStatement((t.idx, t.idx + 1), source, [content], "headline", "headline",
                                    RULE_CONFIDENCE["headline"], head=t, src_head=src.root, lemma=":"))
            seg_start = end_i
    return out


def _continuations(raws: list[RawStatement], ctx: _Ctx) -> None:
    """Add the quotes that go on after a direct quote's reporting sentence: ``“A,” he said. “B.”``,
    and paragraphs that continue it (each paragraph one piece), until another statement's cue."""
    used = {qi for r in raws for qi in r.quote_ids}
    cue_starts = sorted(r.cue[0] for r in raws)
    text = ctx.text
    for r in raws:
        if r.kind not in ("direct", "mixed") or not r.quote_ids or r.head is None:
            continue
        last = max(r.quote_ids)
        anchor = max(ctx.double[last].end, r.cue[1], r.source[1] if r.source else 0)
        sent_end = r.head.sent.end_char
        j = last + 1
        while j < len(ctx.double):
            q = ctx.double[j]
            if j in used or q.start < anchor:
                break
            gap = text[anchor:q.start]
            if q.start > sent_end and anchor <= sent_end:
                # the rest of the reporting sentence ("in a statement on Tuesday."), then the new quote
                gap = text[sent_end:q.start]
            prev = ctx.double[j - 1]
            if "\n" in gap and not (prev.continued and not gap.strip()):
                break
            if gap.strip(" .,;:\t"):
                # the rest of the reporting clause ("said in a statement on Tuesday. “…”") may stand between
                k0 = bisect.bisect_left(cue_starts, anchor)
                own_cue = k0 < len(cue_starts) and cue_starts[k0] < q.start
                if own_cue or len(gap) > CONTINUATION_MAX_GAP or "\n" in gap or not gap.rstrip().endswith(".") \
                        or any(c in gap for c in "“”\""):
                    break
            k = bisect.bisect_left(cue_starts, q.start)
            if k < len(cue_starts) and cue_starts[k] < q.end:
                break  # the quote has its own cue
            nxt = text[q.end:q.end + 40].lstrip(" ")
            if nxt and nxt[:1] not in "\n“\"'" and not q.continued:
                break  # text follows in the paragraph: a new reporting clause ("…,” she added.)
            r.content.append((q.start, q.end))
            r.quote_ids.append(j)
            used.add(j)
            anchor = q.end
            sent_end = q.end
            j += 1


def _preceding_quotes(raws: list[RawStatement], ctx: _Ctx) -> None:
    """A quotation that runs over sentences before its reporting clause (``“A.” “B,” she said``): the
    sentences before, in the same paragraph, that open with a quotation mark and have no cue of their own
    are pieces of the same content."""
    cue_starts = sorted(r.cue[0] for r in raws)
    text = ctx.text
    taken = sorted((s, e) for r in raws for s, e in r.content)
    for r in raws:
        if r.kind not in ("direct", "mixed") or not r.quote_ids or r.head is None:
            continue
        first_q = ctx.double[min(r.quote_ids)]
        if first_q.end > r.cue[0]:
            continue  # the reporting clause comes first
        sent = ctx.doc.char_span(first_q.start, first_q.start + 1, alignment_mode="expand")
        if sent is None or sent[0].sent.start_char != first_q.start:
            continue  # the quote does not open its sentence
        par = ctx.paragraph_index(first_q.start)
        i = sent[0].sent.start - 1
        added = []
        while i > 0:
            prev = ctx.doc[i].sent
            s, e = _trim(text, prev.start_char, prev.end_char)
            if e <= s or ctx.paragraph_index(s) != par or text[s] not in "“\"" or "\n" in text[s:e]:
                break
            k = bisect.bisect_left(cue_starts, s)
            if k < len(cue_starts) and cue_starts[k] < e:
                break  # it has its own reporting clause
            if any(ts < e and s < te for ts, te in taken):
                break
            added.append((s, e))
            i = prev.start - 1
        if added and PRECEDING_QUOTES:
            r.content = sorted(added) + r.content


_SHIPPED = object()


def find_raw_statements(doc: Any, document: Document, model: Optional[CueModel] = None,
                        boundaries: Any = _SHIPPED) -> list[RawStatement]:
    """All statements of a parsed document as :class:`RawStatement` (no ids, no speakers).

    ``model`` is the cue model (default: the shipped one); ``boundaries`` the span-boundary rankers of
    :mod:`counterclaim.extract.boundaries` by name (default: the shipped ones; None or {} keeps the
    rules' spans)."""
    model = model or load_cue_model()
    if boundaries is _SHIPPED:
        boundaries = load_boundary_models()
    ctx = _Ctx(doc, document)
    raws = _headline_statements(ctx) + _verb_statements(ctx, model)
    raws = _dedupe(raws)
    if boundaries:
        marks = boundary_marks(raws)
        views: dict = {}  # sentence start -> SentenceView, read once per sentence
        for r in raws:
            for name in BOUNDARIES:
                if name in boundaries:
                    _apply_boundary(r, ctx, name, boundaries[name], marks, views)
    _continuations(raws, ctx)
    _preceding_quotes(raws, ctx)
    for r in raws:
        r.content = sorted({_trim(ctx.text, s, e) for s, e in r.content if e > s})
    return raws


#: content rules whose span the learned rankers may move (quotes are bounded by their marks)
LEARNED_CONTENT_RULES = frozenset({"ccomp", "xcomp", "obj", "obl", "remainder", "relcl", "passive"})
#: rules whose source the learned rankers may move (headline and "according to" sources have their own)
LEARNED_SOURCE_RULES = frozenset({"verb", "quote"})


def boundary_marks(raws: Sequence[RawStatement]) -> list[int]:
    """Where statements' sources and cues start: a content never grows over another statement's source
    or cue ("... but asserted that", "..., according to X")."""
    return sorted({p for r in raws for p in ((r.cue[0],) + ((r.source[0],) if r.source else ()))})


@dataclass(frozen=True)
class BoundaryTask:
    """One span boundary a ranker decides: the token that stays (``fixed_i``), the rules' boundary token
    (``rule_k``), the rule (``how``), which piece of the content (``piece``, -1 for the source) and the
    character ``limit`` the boundary may not cross."""

    fixed_i: int
    rule_k: int
    how: str
    piece: int
    limit: Optional[int]


def boundary_task(r: RawStatement, ctx: _Ctx, name: str, marks: Sequence[int] = ()) -> Optional[BoundaryTask]:
    """The boundary ``name`` (see :data:`counterclaim.extract.boundaries.BOUNDARIES`) of statement ``r``,
    or None when no ranker should touch it."""
    doc = ctx.doc
    if name.startswith("content"):
        if r.kind not in ("indirect", "mixed", "nominal") or not r.rule.startswith("verb:") or not r.content:
            return None
        how = r.rule.split(":", 1)[1].split("+")[0]
        if how not in LEARNED_CONTENT_RULES:
            return None
        idx = max(range(len(r.content)), key=lambda i: r.content[i][0])
        s, e = r.content[idx]
        if s < r.cue[1]:
            return None
        span = _token_range(doc, s, e)
        if span is None:
            return None
        s_i, e_i = span
        if name == "content_end":
            j = bisect.bisect_right(marks, s)
            limit = marks[j] if j < len(marks) else None
            if r.head is not None:  # nor over the cue's own dependents ("tied X to Y | in remarks he made")
                own = [min(t.idx for t in c.subtree) for c in r.head.children if c.i > e_i
                       and (c.dep_ in ("conj", "parataxis", "advcl") or c.lower_ in MEDIUM_NOUNS)]
                if own:
                    limit = min(own) if limit is None else min(limit, min(own))
            return BoundaryTask(s_i, e_i, how, idx, None if limit is None else max(limit, e))
        floor = max([r.cue[1]] + [pe for ps, pe in r.content if pe <= s] +
                    ([r.source[1]] if r.source and r.source[1] <= s else []))
        return BoundaryTask(e_i, s_i, how, idx, min(floor, s))
    rule = r.rule.split(":", 1)[0]
    if name.startswith("cue"):
        if rule not in LEARNED_SOURCE_RULES or r.head is None:
            return None
        span = _token_range(doc, *r.cue)
        if span is None:
            return None
        a_i, b_i = span
        how = rule + "|" + r.head.pos_ + "|" + r.head.dep_
        others = [p for p in ([r.source] if r.source else []) + list(r.content)]
        if name == "cue_end":
            after = [ps for ps, pe in others if ps >= r.cue[1]]
            return BoundaryTask(a_i, b_i, how, -2, min(after) if after else None)
        before = [pe for ps, pe in others if pe <= r.cue[0]]
        return BoundaryTask(b_i, a_i, how, -2, max(before) if before else doc[a_i].sent.start_char)
    # the source: before the cue in its sentence ("X said ..."), found by a verb or quote rule
    if r.source is None or rule not in LEARNED_SOURCE_RULES or r.source[1] > r.cue[0]:
        return None
    span = _token_range(doc, *r.source)
    cue_tok = doc.char_span(r.cue[0], r.cue[0] + 1, alignment_mode="expand")
    if span is None or cue_tok is None or doc[span[0]].sent.start != doc[cue_tok.start].sent.start:
        return None
    a_i, b_i = span
    how = rule + "|" + (r.src_head.dep_ if r.src_head is not None else "none")
    if name == "source_end":
        return BoundaryTask(a_i, b_i, how, -1, max(r.cue[0], r.source[1]))
    floor = max([pe for ps, pe in r.content if pe <= r.source[0]] + [doc[a_i].sent.start_char])
    return BoundaryTask(b_i, a_i, how, -1, min(floor, r.source[0]))


def _token_range(doc: Any, s: int, e: int) -> Optional[tuple[int, int]]:
    """First and last token of characters [s, e) when both lie in one sentence."""
    first = doc.char_span(s, s + 1, alignment_mode="expand")
    last = doc.char_span(e - 1, e, alignment_mode="expand")
    if first is None or last is None or len(first) == 0 or len(last) == 0:
        return None
    a, b = first.start, last.end - 1
    if doc[a].sent.start != doc[b].sent.start:
        return None
    return a, b


def _apply_boundary(r: RawStatement, ctx: _Ctx, name: str, ranker: Any, marks: Sequence[int],
                    views: dict) -> None:
    task = boundary_task(r, ctx, name, marks)
    if task is None:
        return
    doc, text = ctx.doc, ctx.text
    start = doc[task.fixed_i].sent.start
    view = views.get(start)
    if view is None:
        view = views[start] = sentence_view(doc, task.fixed_i)
    k = ranker.choose(doc, task.fixed_i, task.rule_k, task.how, inside_quote=ctx.quote_at, limit=task.limit, view=view)
    if k == task.rule_k:
        return
    s, e = r.cue if task.piece == -2 else r.source if task.piece < 0 else r.content[task.piece]
    if name.endswith("_end"):
        e = doc[k].idx + len(doc[k])
        qi = ctx.quote_at(e - 1)  # never stop inside a quote that opened inside the span
        if qi is not None and ctx.double[qi].start >= s:
            e = max(e, ctx.double[qi].end)
    else:
        s = doc[k].idx
        qi = ctx.quote_at(s)  # never start inside a quote that closes inside the span
        if qi is not None and ctx.double[qi].end <= e and (task.limit is None or ctx.double[qi].start >= task.limit):
            s = min(s, ctx.double[qi].start)
    s, e = _trim(text, s, e)
    if task.piece == -2:
        if e > s and not any(ps < e and s < pe for ps, pe in ([r.source] if r.source else []) + list(r.content)):
            r.cue = (s, e)
        return
    if e <= s or (s < r.cue[1] and r.cue[0] < e):
        return
    if task.piece < 0:
        r.source = (s, e)
    else:
        r.content[task.piece] = (s, e)


def _dedupe(raws: list[RawStatement]) -> list[RawStatement]:
    """One statement per cue; when cue spans overlap keep the more confident."""
    raws.sort(key=lambda r: (r.cue[0], -r.conf))
    out: list[RawStatement] = []
    for r in raws:
        if out and out[-1].cue[0] < r.cue[1] and r.cue[0] < out[-1].cue[1]:
            if r.conf > out[-1].conf:
                out[-1] = r
            continue
        out.append(r)
    return out


# --------------------------------------------------------------------------- public API


def same_text(doc: Any, text: str) -> bool:
    """Whether ``doc`` is a parse of ``text``: same length and the same characters under a sample of its
    tokens (comparing ``doc.text`` itself would rebuild the whole string on every call)."""
    if len(doc) == 0:
        return not text.strip()
    last = doc[-1]
    if last.idx + len(last.text_with_ws) != len(text):
        return False
    step = max(1, len(doc) // 64)
    return all(text[t.idx:t.idx + len(t.text)] == t.text for t in (doc[i] for i in range(0, len(doc), step)))


def extract_statements(doc: Any, document: Document, actors: Sequence[Actor] = ()) -> tuple[Statement, ...]:
    """Attributed statements of a parsed document, with resolved speakers.

    ``doc`` is the spaCy Doc of ``document.text``; ``actors`` come from
    :func:`counterclaim.extract.actors.extract_actors` and may be empty (then a speaker is the
    source text as written, with no ``actor_id``).
    """
    if not same_text(doc, document.text):
        raise ValueError(
            "extract_statements: doc.text differs from document.text; parse the document with "
            "counterclaim.nlp.parse(document) so that token offsets index document.text"
        )
    from counterclaim.extract.speakers import resolve_speakers

    text = document.text
    raws = find_raw_statements(doc, document)
    speakers = resolve_speakers(raws, doc, document, tuple(actors or ()))
    out = []
    for r, spk in zip(raws, speakers):
        cue = Span.of(text, *r.cue)
        out.append(Statement(
            id=make_id("s", document.id, cue.start, cue.end),
            cue=cue,
            content=tuple(Span.of(text, s, e) for s, e in r.content),
            kind=r.kind,
            act=speech_act(r, text),
            source=Span.of(text, *r.source) if r.source else None,
            speaker=spk,
            confidence=round(float(r.conf), 3),
            rule=r.rule,
            negated=r.negated,
        ))
    return tuple(out)
