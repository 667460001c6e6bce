"""Speech acts: what a statement does (claim, denial, threat, vow, accusation, no_comment, ...).

The act comes from the cue's lemma in ``data/speech_acts.tsv`` (lemma, act, act when negated), refined
by the content ("declined to comment" is no_comment, "called X an act of terror" a condemnation) and by
negation ("did not confirm"). ``speech_acts_ambiguous.txt`` lists lemmas that are cues only with the
learned model's support; ``speech_acts_noncommunication.txt`` lists verbs that usually name actions
("attacked", "responded to") and make a statement only with speech-like content.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Optional

__all__ = ["load_acts", "act_lemma", "load_ambiguous", "load_noncommunication", "speech_act",
           "NON_COMMUNICATION_CONTENT_RULES", "NO_COMMENT_LEMMAS", "ANSWER_LEMMAS", "CONDEMN_WORDS",
           "predicative_blame", "BLAME_FRAME_VERBS", "BLAME_PREDICATES"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

#: Content lemmas that turn a refusal into no_comment ("declined to comment").
NO_COMMENT_LEMMAS = frozenset({"comment", "respond", "confirm", "discuss", "elaborate", "say", "answer",
                               "speak", "specify", "reply", "interview", "request", "question", "detail"})
#: Verbs of answering: negated, with a request for comment as content, they make a no_comment.
ANSWER_LEMMAS = frozenset({"respond", "reply", "return", "answer"})
#: Content words that make "called X ..." a condemnation.
CONDEMN_WORDS = frozenset({"terror", "terrorism", "terrorist", "crime", "crimes", "atrocity", "massacre",
                           "aggression", "violation", "shameful", "outrageous", "disgraceful", "barbaric",
                           "criminal", "heinous", "cowardly", "murder", "genocide", "war crime", "brutal",
                           "unacceptable", "illegal", "act of war", "provocation", "outrage", "despicable"})
#: Verbs that ascribe a property to their object ("held him responsible", "deems Iran accountable") and
#: the predicates that make that ascription a charge: :func:`predicative_blame`.
BLAME_FRAME_VERBS = frozenset({"hold", "deem", "consider", "find", "judge", "declare"})
BLAME_PREDICATES = frozenset({"responsible", "accountable", "culpable", "guilty", "liable", "complicit"})
#: Content rules that give speech-like content (a complement clause, a quote, the sentence around a
#: clause-final reporting clause); a cue whose lemma is in ``speech_acts_noncommunication.txt`` makes a
#: statement only with one of them, or with quoted content ("responded to X", "attacked along Y" do not).
NON_COMMUNICATION_CONTENT_RULES = frozenset({"ccomp", "quote", "left"})


@functools.lru_cache(maxsize=1)
def load_acts() -> dict[str, tuple[str, str]]:
    """``speech_acts.tsv``: lemma → (act, act when negated; "" = same act, negated)."""
    out: dict[str, tuple[str, str]] = {}
    path = DATA_DIR / "speech_acts.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            raise ValueError(f"{path}: bad line {line!r}; expected 'lemma<TAB>act[<TAB>negated_act]'")
        out.setdefault(parts[0].strip(), (parts[1].strip(), parts[2].strip() if len(parts) > 2 else ""))
    return out


#: Regular English verb endings, tried in order to find a lexicon lemma from a word form.
SUFFIX_RULES = (("ied", "y"), ("ies", "y"), ("ing", "e"), ("ing", ""), ("ed", "e"), ("ed", ""), ("es", ""),
                ("s", ""), ("d", ""))


def act_lemma(tok: Any) -> Optional[str]:
    """The ``speech_acts.tsv`` lemma of a token: its lemma if listed, else its form with a regular
    ending removed ("declined" → "decline", "admitted" → "admit", "tied" → "tie"); None if unlisted.
    Independent of the lemmatizer's mistakes on rare verbs."""
    return _act_lemma(tok.lemma_.lower(), tok.lower_)


@functools.lru_cache(maxsize=65536)
def _act_lemma(lem: str, w: str) -> Optional[str]:
    acts = load_acts()
    if lem in acts:
        return lem
    if w in acts:
        return w
    for suf, rep in SUFFIX_RULES:
        if w.endswith(suf) and len(w) > len(suf) + 2:
            base = w[: -len(suf)] + rep
            if base in acts:
                return base
            if rep == "" and len(base) > 3 and base[-1] == base[-2] and base[:-1] in acts:
                return base[:-1]  # admitted -> admit
    return None


@functools.lru_cache(maxsize=1)
def load_ambiguous() -> frozenset[str]:
    """``speech_acts_ambiguous.txt``: speech-act lemmas that are not cues on the lexicon alone."""
    path = DATA_DIR / "speech_acts_ambiguous.txt"
    return frozenset(w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#"))


@functools.lru_cache(maxsize=1)
def load_noncommunication() -> dict[str, frozenset[str]]:
    """``speech_acts_noncommunication.txt``: cue lemmas that name actions, not communication, in most
    uses → content rules accepted for them besides :data:`NON_COMMUNICATION_CONTENT_RULES` (second
    column, comma-separated: "attack<TAB>obj" keeps the verbal attack "attacked the plan as ...")."""
    path = DATA_DIR / "speech_acts_noncommunication.txt"
    out: dict[str, frozenset[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, _, extra = line.partition("\t")
        out[lemma.strip()] = NON_COMMUNICATION_CONTENT_RULES | {x.strip() for x in extra.split(",") if x.strip()}
    return out


def predicative_blame(tok: Any) -> bool:
    """ "The US held him responsible for the deaths", "deemed Iran accountable": a verb that ascribes a
    predicate of blame to its object (object, then an adjectival small-clause predicate) charges the
    object — an accusation whatever the verb's own sense ("held talks" is no statement)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in BLAME_FRAME_VERBS:
        return False
    obj = next((c for c in tok.children if c.dep_ == "obj" and c.i > tok.i), None)
    if obj is None:
        return False
    for c in tok.children:
        if c.dep_ in ("xcomp", "oprd") and c.i > obj.i and c.lower_ in BLAME_PREDICATES:
            return True
    return False


#: "warned that <clause>" (or a quotation, or the clause before "…, he warned") is a threat only when it
#: says what the speaker's side will do ("warned that it would respond", "warned that we will retaliate")
#: or what will be done in response; otherwise it warns of a risk, a claim
WARNING_OF_RISK = True
SPEAKER_SIDE_WORDS = frozenset({"we", "i", "us", "it", "they", "our", "its", "their"})
FUTURE_WORDS = frozenset({"will", "would", "'ll", "shall", "going"})
#: … or what someone will do in response ("Iran Will Respond to Killing, IRGC Warns")
RESPONSE_STEMS = ("respond", "response", "retaliat", "reveng", "aveng", "strike", "hit", "attack", "punish",
                  "pay", "consequence", "war", "destroy", "crush", "kill")
#: a negated cue of saying ("did not say") is no denial: the speaker declined to say, or said nothing
NEGATED_CLAIM_IS_DENIAL = False
#: a negated cue of saying whose content opens with one of these, or holds one of the next words, is a
#: refusal to say ("isn't saying if …", "would not answer questions", "haven't said much about …")
WH_WORDS = frozenset({"if", "whether", "when", "why", "how", "what", "who", "where", "which"})
UNANSWERED_WORDS = frozenset({"question", "questions", "queries", "query", "messages", "message", "request",
                              "requests", "much", "anything", "comment", "details"})


#: words that negate the verb they hang on
NEGATORS = frozenset({"not", "never", "n't"})


def is_negated(tok: Any) -> bool:
    """Whether "not", "n't" or "never" hangs on ``tok`` or on one of its auxiliaries (the parse may hang it
    there: "does not, as a rule, comment")."""
    kids = list(tok.children)
    kids += [g for a in kids if a.dep_ == "aux" for g in a.children]
    return any(c.dep_ in ("advmod", "neg") and (c.lower_ in NEGATORS or c.lemma_.lower() in NEGATORS) for c in kids)


#: verbs whose negation with an object or clause is a no_comment ("could not confirm the deaths")
CONFIRM_LEMMAS = frozenset({"confirm", "verify"})
#: modals of "could not confirm", "won't confirm" (others recommend: "should not confirm")
ABILITY_MODALS = frozenset({"could", "can", "ca", "would", "will", "wo"})


def unconfirmed(tok: Any) -> bool:
    """Whether ``tok`` is a negated "confirm"/"verify" with a subject and an object or clause ("could not
    confirm the deaths", "did not immediately confirm the report"), or one under "unable"/"not able"
    ("was unable to verify the photo"): a source that will not or cannot confirm something is on record
    about it, and the act is a no_comment."""
    if tok.lemma_.lower() not in CONFIRM_LEMMAS or tok.pos_ != "VERB":
        return False
    kids = list(tok.children)
    if not any(c.dep_ in ("obj", "ccomp") for c in kids):
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ not in ABILITY_MODALS for c in kids):
        return False  # "the Senate should not confirm a replacement": a recommendation
    if is_negated(tok):
        return any(c.dep_ in ("nsubj", "nsubj:outer", "csubj") for c in kids)
    # "was unable to verify the photo", "could not independently verify": the negation is on the head
    head = tok.head
    if tok.dep_ != "xcomp" or head.lemma_.lower() not in ("unable", "able"):
        return False
    return is_negated(head) if head.lemma_.lower() == "able" else not is_negated(head)


#: "could not be reached for comment", "was not available for comment": a source on record as silent
UNREACHABLE_LEMMAS = frozenset({"reach", "contact"})


def unreachable(tok: Any) -> bool:
    """Whether ``tok`` is a negated passive "reach"/"contact" with a subject and "for comment" ("He could
    not be reached for comment by the Herald"): a no_comment."""
    if tok.lemma_.lower() not in UNREACHABLE_LEMMAS or tok.pos_ != "VERB":
        return False
    kids = list(tok.children)
    if not any(c.dep_ == "aux:pass" for c in kids) or not any(c.dep_ in ("nsubj:pass", "nsubj") for c in kids):
        return False
    if not is_negated(tok):
        return False
    return any(c.dep_ == "obl" and c.lemma_.lower() in NO_COMMENT_LEMMAS | {"comment"}
               and any(g.dep_ == "case" and g.lower_ == "for" for g in c.children) for c in kids)


def speech_act(r: Any, text: str) -> str:
    """The speech act of a raw statement (its ``kind``, ``lemma``, ``head``, ``negated`` and ``content``
    pieces) from the cue lemma, negation and content words (``speech_acts.tsv``)."""
    acts = load_acts()
    if r.kind == "headline" and r.lemma == ":":  # "Hamas: No it wasn't" (a credit, "…, IRGC Warns", has its verb)
        content = " ".join(text[s:e] for s, e in r.content).lower()
        if content.startswith(("no ", "no,", "not ")) or " denies" in content:
            return "denial"
        return "claim"
    if r.rule in ("transcript", "dash_credit"):  # layout forms: what the speaker said, or asked
        last = text[r.content[-1][0]:r.content[-1][1]].rstrip("\"”’' ") if r.content else ""
        return "other" if last.endswith("?") else "claim"
    if r.head is not None and predicative_blame(r.head):
        return "accusation"
    if r.head is not None and (unconfirmed(r.head) or unreachable(r.head)):
        return "no_comment"
    lemma = r.lemma
    key = lemma
    if r.head is not None:
        nxt = r.head.doc[r.head.i + 1] if r.head.i + 1 < len(r.head.doc) else None
        if nxt is not None and f"{lemma}_{nxt.lower_}" in acts:
            key = f"{lemma}_{nxt.lower_}"
    act, neg_act = acts.get(key, ("other", ""))
    content_words = " ".join(text[s:e] for s, e in r.content).lower()
    words = set(content_words.replace("“", " ").replace("”", " ").split())
    if r.negated and lemma in ANSWER_LEMMAS and (
            words & NO_COMMENT_LEMMAS or any(w.startswith(("comment", "request", "inquir")) for w in words)):
        return "no_comment"  # "did not respond to requests for comment"
    if lemma in ("decline", "refuse"):
        if words & NO_COMMENT_LEMMAS or any(w.startswith(tuple(NO_COMMENT_LEMMAS)) for w in list(words)[:4]):
            return "no_comment"
        return "denial" if lemma == "refuse" else "other"
    if WARNING_OF_RISK and act == "threat" and lemma == "warn" and not r.negated \
            and not r.rule.startswith(("verb:xcomp", "verb:obj", "verb:obl", "verb:passive")) \
            and not (words & FUTURE_WORDS and (words & SPEAKER_SIDE_WORDS or any(w.startswith(RESPONSE_STEMS) for w in words))):
        return "claim"  # "experts warned that the workouts could do more harm than good": a warning of a risk
    if lemma in ("call", "label", "term", "brand", "describe", "dub") and any(w in content_words for w in CONDEMN_WORDS):
        return "condemnation"
    if r.negated:
        if neg_act:
            return neg_act
        if act == "claim":
            if not NEGATED_CLAIM_IS_DENIAL:
                # "would not answer questions", "isn't saying if …", "have not said when …": declining to
                # say; "didn't suggest retaliation": nothing said. A denial says something is not so
                first = content_words.lstrip("“\"'‘ ").split(" ", 1)[0]
                if first in WH_WORDS or words & UNANSWERED_WORDS:
                    return "no_comment"
                return "other"
            return "denial"
    return act
