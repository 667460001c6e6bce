"""Statements of cue verbs: which tokens are cues, and one statement per cue from its parse.

A token is a cue when the learned cue model (:mod:`counterclaim.extract.cues`) scores it over its
threshold, or, for an unambiguous speech-act verb, when the structure speaks for it whatever the score:
a passive with its agent, a clause in a headline, a verb of blame in a relative clause, a refusal to
comment (``did not respond to requests for comment``). :func:`_build` puts the statement together: the
cue span and source from :mod:`counterclaim.extract.sources`, the content from
:mod:`counterclaim.extract.contents`, or an adjacent quote, the sentence left of a clause-final
reporting clause, or the rest of the sentence; and its kind (direct, mixed, indirect, nominal).

The flags ``RELATIVE_CUES``, ``USE_POS_FALLBACK``, ``REMAINDER_CONTENT`` and ``TRAILING_PARTICIPLE_CUT``
are read from this module at call time: to toggle one, set it here, not on
:mod:`counterclaim.extract.statements`.
"""

from __future__ import annotations

from typing import Any, Optional

from counterclaim.extract.contents import (
    _clean_content,
    _clause_final,
    _content_from_children,
    _content_is_speech,
    _cut_trailing_participle,
    _extend_right,
    _medial_left_piece,
    _overlaps_any,
    _sentence_bounds,
    _skip_cue_modifiers,
    _snap_to_quotes,
    _strip_connective,
    _that_clause,
)
from counterclaim.extract.cues import CueModel, cue_features, cue_key
from counterclaim.extract.forms import _according, _in_poll
from counterclaim.extract import sources as _sources
from counterclaim.extract.sources import (
    _agent,
    _bare_passive_participle,
    _clause_subject,
    _coordinated_report,
    _cue_span,
    _experiencer,
    _extend_left_over_nouns,
    _fallback_source,
    _inverted_subject,
    _is_passive,
    _outside_quotes,
    _quote_adjacent,
    _reduced_relative,
    _region,
    _source_span,
    _subject,
    _title_before_name,
    load_experiencer_verbs,
)
from counterclaim.extract.speech_acts import (
    ANSWER_LEMMAS,
    NO_COMMENT_LEMMAS,
    NON_COMMUNICATION_CONTENT_RULES,
    act_lemma,
    predicative_blame,
    load_acts,
    load_ambiguous,
    load_noncommunication,
    is_negated,
    unconfirmed,
    unreachable,
)
from counterclaim.extract.statement_base import (ADDRESSEE_VERBS, FINDING_NOUNS, HEADLINE_ROLES, SKIP_ROLES, PASS_SUBJ_DEPS, SUBJ_DEPS, RawStatement, _Ctx,
                                                  _subtree_span, _trim, token_at)

#: Confidence of a cue found by the speech-act lexicon alone (a form unseen in training).
LEXICON_ONLY_CONFIDENCE = 0.6
#: ... and not under a modal ("would assert", "could deny"): on PolNeAR train and dev such lexicon-only
#: cues were attributions 3 times in 19
LEXICON_NEEDS_FACT = True
#: Head nouns of an object that refers to a claim ("denied the Iranian claim"): kind nominal.
CLAIM_NOUNS = frozenset({"claim", "claims", "report", "reports", "allegation", "allegations", "accusation",
                         "accusations", "charge", "charges", "statement", "statements", "assertion",
                         "remark", "remarks", "suggestion", "rumor", "rumors", "rumour", "story",
                         "account", "version", "assessment", "comment", "comments", "idea", "notion"})
#: an unambiguous verb of blame or denial in a relative clause with its own subject is a cue ("an airstrike
#: Iran has blamed on Israel", "Saudi Arabia, which has strongly denied any involvement") whatever the cue
#: classifier says: who holds whom responsible, and who denies it, matter most to disputes. (All speech acts
#: this way cost 0.002 exact F1 on PolNeAR dev and train; denials added +0.0004 dev, +0.0001 train whole.)
RELATIVE_CUES = True
RELATIVE_CUE_ACTS = frozenset({"accusation", "denial"})
#: When the parse gives no subject, take the name phrase next to the cue by part of speech.
USE_POS_FALLBACK = True
#: Without a complement in the parse, take the rest of the sentence as content.
REMAINDER_CONTENT = True
#: end a content before a closing ", VBG ..." participle clause
TRAILING_PARTICIPLE_CUT = True
#: content rules after which a medial reporting clause is looked for ("The weapons, he added, are ...";
#: '“One reason,” he said, “is …”')
MEDIAL_RULES = frozenset({"ccomp", "remainder", "quote"})
#: raising verbs: "X seems to Y" is an impression of X's, with X and "to Y" as the content and no source
RAISING_CONTENT = True
RAISING_LEMMAS = frozenset({"seem", "appear"})
#: ... whatever the complement the parse gave ("The returns seemed a distraction", "seemed like a stunt"; not the
#: clause of "It seems that …": RAISING_EXPLETIVE)
RAISING_ANY_COMPLEMENT = True
#: "it" before such a verb is the empty subject of "it seems that …", never a source
RAISING_EXPLETIVE = True
#: "it" before a predicate adjective or noun with an extraposed clause ("It is unknown what …") is no source
EXTRAPOSED_IT = True
#: "In the latest poll, X" (forms._in_poll)
IN_POLL = True
#: a participle cue with no subject of its own takes the one of the clause it closes or opens
#: (sources._clause_subject: ", saying …", "Citing X, Trump accused …")
CLAUSE_PARTICIPLES = True
#: a content before its reporting clause ends in a comma, dash, colon or quotation mark ("X, he said")
LEFT_NEEDS_BREAK = True
LEFT_BREAKS = (",", "”", '"', "'", "’", "—", "―", "--", "-", ":", ";")
#: a quotation right before a reporting clause is its content, not the oblique or the rest after the cue
QUOTE_BEFORE_OBLIQUE = True


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
            if IN_POLL and tok.lower_ == "in":
                st = _in_poll(tok, ctx)
                if st is not None:
                    out.append(st)
                    continue
            if POSSESSIVE_CLAIMS and tok.pos_ == "NOUN" and tok.lower_ in SAYING_NOUNS:
                st = _possessive_claim(tok, ctx)
                if st is not None:
                    out.append(st)
                    continue
            if not model.is_candidate(tok) and not predicative_blame(tok):
                # a speech-act verb in a form the training data never had as a cue ("tied X to Y"):
                # the lexicon decides, with a fixed confidence, when the verb has a subject and a complement
                al = act_lemma(tok)
                if _unreachable(tok):
                    st = _build(tok, LEXICON_ONLY_CONFIDENCE, ctx, model, None)
                    if st is not None:
                        out.append(st)
                    continue
                if tok.pos_ != "VERB" or al is None or al in load_ambiguous():
                    continue
                not_confirmed = _unconfirmed(tok)
                kids = {c.dep_ for c in tok.children}
                if not not_confirmed and (not kids & set(SUBJ_DEPS) or not kids & {"ccomp", "obj", "xcomp"}):
                    continue
                if LEXICON_NEEDS_FACT and not not_confirmed and any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children):
                    continue  # "would emphasize", "could add", "should condemn": not something said
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
                if not _forced_cue(tok, role):
                    continue
                p = LEXICON_ONLY_CONFIDENCE
            st = _build(tok, p, ctx, model, adj)
            if st is not None:
                out.append(st)
    return out


#: a quotation that opens the cue's complement phrase, which goes on after it in the same clause
#: ('reported “2,521 shooting incidents” in the city between January 1 and September 18'), is part of
#: that phrase's content, not the whole of it
QUOTE_OPENS_PHRASE = True


def _phrase_goes_on(text: str, q: Any, piece: tuple[int, int]) -> bool:
    """Whether the complement ``piece`` runs on past quotation ``q`` with words of the same clause: the
    quote is not closed by punctuation (inside or right after the marks), and a lower-case word follows."""
    if piece[1] <= q.end + 1:
        return False
    inner = text[q.start:q.end].rstrip("”\"'’ ")
    if inner[-1:] in (",", ".", "?", "!", ";", ":"):
        return False
    after = text[q.end:piece[1]].lstrip(" \t\xa0")
    return bool(after) and after[:1].isalpha() and after[:1].islower()


#: a reporting clause that ends its paragraph with a colon ("Limbaugh added:") introduces the next
#: paragraph, quoted or set as a block quotation without marks
COLON_BLOCK = True


def _colon_block(tok: Any, cue: tuple[int, int], source: Optional[tuple[int, int]], ctx: _Ctx) -> Optional[tuple[int, int]]:
    """The next paragraph, when the cue's clause ends its own paragraph with a colon and nothing but the
    source and the cue's own words stands between them (see ``COLON_BLOCK``)."""
    paragraphs = ctx.document.paragraphs
    if not paragraphs:
        return None
    k = ctx.paragraph_index(tok.idx)
    if k + 1 >= len(paragraphs):
        return None
    text = ctx.text
    par, nxt = paragraphs[k], paragraphs[k + 1]
    tail = text[max(cue[1], source[1] if source else 0):par.end].rstrip()
    if not tail.endswith(":") or len(tail) > 40 or any(c in tail for c in ".;“”\""):
        return None
    if nxt.role != "body" or nxt.end - nxt.start < 3:
        return None
    return _trim(text, nxt.start, nxt.end)


#: particles that make a cue verb a phrasal verb of action ("call back", "call off"): such a cue needs
#: speech-like content (a complement clause or a quotation), as the action verbs of
#: speech_acts_noncommunication.txt do ("fired back that ...")
NONSPEECH_PARTICLES = frozenset({"back", "off"})


def _forced_cue(tok: Any, role: str) -> bool:
    """Whether a candidate the classifier scores below its threshold is a cue all the same: an
    unambiguous speech-act verb as a passive with its agent ("was believed by Israel to ..."), in display
    text with a subject and a complement (headlines and subheads, which the news-body training data never
    has), or in a relative clause of blame with its own subject ("an airstrike Iran has blamed on
    Israel"); a refusal to answer requests for comment; a predicate of blame ("held him responsible");
    or one of the reporting constructions of :func:`_reporting_construction`."""
    al = act_lemma(tok)
    if al and al not in load_ambiguous():
        kids = {c.dep_ for c in tok.children}
        if _is_passive(tok) and _agent(tok) is not None:
            return True
        if role in HEADLINE_ROLES and kids & set(SUBJ_DEPS) and kids & {"ccomp", "xcomp"}:
            return True
        if (RELATIVE_CUES and tok.dep_ in ("acl:relcl", "relcl") and tok.head.i < tok.i
                and kids & set(SUBJ_DEPS) and tok.head.pos_ in ("NOUN", "PROPN")
                and load_acts().get(al, ("",))[0] in RELATIVE_CUE_ACTS):
            return True
    return _unanswered_request(tok) or predicative_blame(tok) or _reporting_construction(tok) or _unconfirmed(tok) \
        or _unreachable(tok)


#: "could not confirm the deaths", "was unable to verify it": made a statement whatever the classifier says
#: (:func:`counterclaim.extract.speech_acts.unconfirmed`)
UNCONFIRMED_CUES = True
#: "He could not be reached for comment": a statement (no_comment) with the passive subject as source
#: (:func:`counterclaim.extract.speech_acts.unreachable`)
UNREACHABLE_CUES = True


def _unconfirmed(tok: Any) -> bool:
    return UNCONFIRMED_CUES and unconfirmed(tok)


def _unreachable(tok: Any) -> bool:
    return UNREACHABLE_CUES and unreachable(tok)


#: constructions that make a candidate cue a statement whatever the classifier says. On PolNeAR they are
#: neutral (dev/train exact F1 within 0.001: the corpus has few of them); they are here because a reader
#: counts them as statements. ("called on X to Y" as a demand was tried too: the parse too often loses its
#: subject, -0.0004 content F1, so it is left to the classifier.)
MARKED_GERUND_CUES = True
FINDING_CUES = True
#: prepositions and subordinators before a speech verb's gerund: "began by saying he would ...",
#: "was criticised for saying that ...", "after saying her foot was swollen"
GERUND_MARKERS = frozenset({"by", "for", "after", "from", "before", "while", "in", "without", "despite"})
FINDING_LEMMAS = frozenset({"find", "show", "conclude", "estimate", "determine"})
#: a finding's complement: a clause ("found that ..."), or an object ("the poll shows Clinton ahead")
FINDING_COMPLEMENTS = frozenset({"ccomp", "obj"})
#: ... or a finding that closes its sentence after the content ("Support fell to 40 percent, a new poll shows.")
FINDING_AFTER_CONTENT = True


#: "Trump's claim that there have been ...": a noun of saying with a possessor and a "that" clause is a
#: statement of the possessor (the noun -> the speech_acts.tsv lemma that gives its act)
POSSESSIVE_CLAIMS = True
SAYING_NOUNS = {"claim": "claim", "claims": "claim", "assertion": "assert", "assertions": "assert",
                "allegation": "allege", "allegations": "allege", "accusation": "accuse", "accusations": "accuse",
                "insistence": "insist", "argument": "argue", "contention": "contend", "suggestion": "suggest",
                "warning": "warn", "warnings": "warn", "promise": "promise", "promises": "promise",
                "pledge": "pledge", "vow": "vow", "threat": "threaten", "threats": "threaten", "denial": "deny",
                "admission": "admit", "belief": "believe", "charge": "charge", "charges": "charge",
                "announcement": "announce", "statement": "state", "remark": "remark", "comment": "comment"}
POSSESSIVE_CLAIM_CONFIDENCE = 0.7
#: the "that" clause of a possessive claim counts where the parse attached it away from the noun
POSSESSIVE_CLAIM_DETACHED_CLAUSE = True


def _possessive_claim(tok: Any, ctx: _Ctx) -> Optional[RawStatement]:
    """ "Donald Trump's claim that there have been thousands of shootings", "Israel's accusation that it hid
    weapons": the possessor is the source, the noun the cue, the complement clause ("that" as a
    complementiser, not a relative pronoun) the content."""
    doc = tok.doc
    poss = next((c for c in tok.children if c.dep_ in ("nmod:poss", "poss") and c.i < tok.i), None)
    if poss is None or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "that" or doc[tok.i + 1].dep_ != "mark":
        return None
    clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "acl:relcl", "appos", "dep")
                   and c.i > tok.i and min(t.i for t in c.subtree) == tok.i + 1), None)
    if clause is None and POSSESSIVE_CLAIM_DETACHED_CLAUSE:
        # the parse hung the clause elsewhere ("seized on Trump's claim that there have been …" with "been"
        # a parataxis of "seized"): the clause that "that" opens, when it starts right after the noun
        head = doc[tok.i + 1].head
        if head.i > tok.i + 1 and head.pos_ in ("VERB", "AUX", "ADJ", "NOUN") and tok not in head.subtree \
                and min(t.i for t in head.subtree) == tok.i + 1:
            clause = head
    if clause is None:
        return None
    src = list(poss.subtree)
    source = _trim(ctx.text, src[0].idx, src[-1].idx + len(src[-1]))
    last = max(t.i for t in clause.subtree)
    content = _clean_content(ctx.text, doc[tok.i + 1].idx, doc[last].idx + len(doc[last]))
    if content[1] - content[0] < 3:
        return None
    return RawStatement((tok.idx, tok.idx + len(tok)), source, [content], "indirect", "noun:possessive",
                        POSSESSIVE_CLAIM_CONFIDENCE, head=tok, src_head=poss, lemma=SAYING_NOUNS[tok.lower_])


#: a source after its cue takes its appositive to the end of the sentence ('“…,” said Kenneth Baer, a
#: former Obama administration official who runs Crosscut Strategies.'), as PolNeAR does
INVERTED_APPOSITIVE = True
APPOSITIVE_MAX_CHARS = 200


def _with_appositive(source: tuple[int, int], tok: Any, pieces: list[tuple[int, int]], ctx: _Ctx) -> tuple[int, int]:
    """The source grown over ", <appositive>" to the end of its sentence, when nothing else follows."""
    text = ctx.text
    end = tok.sent.end_char
    rest = text[source[1]:end]
    if not rest.startswith(",") or len(rest) > APPOSITIVE_MAX_CHARS or any(c in rest for c in "“”\"") \
            or any(source[1] < ps < end for ps, _ in pieces):
        return source
    words = rest[1:].split()
    if not words or not (words[0][:1].isupper() or words[0].lower() in ("a", "an", "the", "who", "whose")):
        return source  # "…,” said X, adding that …": a new clause, not an appositive
    return source[0], _trim(text, source[1], end, " .,;:!?")[1]


def _reporting_construction(tok: Any) -> bool:
    """A construction that reports speech or a finding whatever the classifier's score: a speech verb's
    gerund after a preposition with a complement clause ("began by saying he would ..."), a finding of a
    study, court or panel ("one study found Trump would raise taxes")."""
    kids = list(tok.children)
    deps = {c.dep_ for c in kids}
    al = act_lemma(tok)
    if MARKED_GERUND_CUES and tok.tag_ == "VBG" and al and al not in load_ambiguous() and "ccomp" in deps \
            and any(c.dep_ in ("mark", "case") and c.lower_ in GERUND_MARKERS and c.i < tok.i for c in kids):
        return True
    if FINDING_CUES and tok.lemma_.lower() in FINDING_LEMMAS and (deps & FINDING_COMPLEMENTS or (
            FINDING_AFTER_CONTENT and _closes_sentence_after_comma(tok, kids))):
        subj = next((c for c in kids if c.dep_ in SUBJ_DEPS), None)
        if subj is not None and subj.lemma_.lower() in FINDING_NOUNS:
            return True
    if QUOTED_AS_SAYING and QUOTED_AS_SAYING_FORCED and _quoted_as_saying(tok) is not None:
        return True  # "X was quoted as saying": a report of speech however the sentence runs
    return False


def _closes_sentence_after_comma(tok: Any, kids: list) -> bool:
    """``tok`` and its subject close the sentence after a comma, with no complement: "…, a new poll shows."."""
    doc = tok.doc
    left = tok.left_edge.i
    comma = doc[left].text == "," or (left > 0 and doc[left - 1].text == ",")
    return (comma and tok.i + 1 < tok.sent.end and all(doc[j].is_punct for j in range(tok.i + 1, tok.sent.end))
            and not any(c.dep_ in ("ccomp", "obj", "xcomp") for c in kids))


def _unanswered_request(tok: Any) -> bool:
    """ "did not (immediately) respond to requests for comment", "has not replied to a request for an
    interview": a negated answering verb whose oblique asks for comment is a refusal to comment."""
    if (act_lemma(tok) or tok.lemma_.lower()) not in ANSWER_LEMMAS:
        return False
    if not is_negated(tok):
        return False
    for c in tok.children:
        if c.i > tok.i and c.dep_ in ("obl", "obj", "advcl"):
            if any(t.lemma_.lower() in NO_COMMENT_LEMMAS or t.lower_ in ("comment", "comments") for t in c.subtree if t.i != c.i) \
                    or c.lemma_.lower() in ("request", "inquiry", "question", "call", "message", "email"):
                return True
    return False


def _ends_in_particle(doc: Any, cue: tuple[int, int]) -> bool:
    """Whether the cue span ends in a preposition it took as a particle ("concerned about", "called for")."""
    last = token_at(doc, cue[1] - 1)
    return last is not None and last.pos_ == "ADP"


#: a bare noun phrase the parse hung as the "ccomp" of a cue that follows a comma or a closing quote, and
#: that ends the sentence, is the inverted speaker ("…, said one GOP source in the room.")
INVERTED_NOMINAL = True


#: verbs of saying that take no nominal object of their own: "…, said one GOP source." with the speaker
#: parsed as an object is still the inverted speaker (not "told reporters", whose object is the addressee)
INVERTED_OBJECT_LEMMAS = frozenset({"say", "add", "write", "state", "explain", "note", "continue", "insist"})
#: ... and verbs that do take objects, when the object after the comma is a name ("…, reports the Telegraph.")
INVERTED_NAMED_OBJECT_LEMMAS = frozenset({"report", "confirm"})


def _nominal_after_comma(tok: Any) -> Optional[Any]:
    """The noun phrase head of ``tok``'s "ccomp" (or "obj", for :data:`INVERTED_OBJECT_LEMMAS`) when that phrase is a bare noun phrase (no verb, no
    quotation mark, at most 15 tokens, not opening with "that") that starts right after the cue, runs to
    the end of the sentence, and the cue follows a comma or a closing quotation mark; else None."""
    doc = tok.doc
    if tok.i == 0 or doc[tok.i - 1].text not in (",", "”", '"', "''", "’"):
        return None
    for c in tok.children:
        if c.i < tok.i or c.pos_ not in ("NOUN", "PROPN"):
            continue
        if c.dep_ != "ccomp" and not (c.dep_ == "obj" and (tok.lemma_.lower() in INVERTED_OBJECT_LEMMAS or (
                tok.lemma_.lower() in INVERTED_NAMED_OBJECT_LEMMAS and any(t.pos_ == "PROPN" for t in c.subtree)))):
            continue
        sub = list(c.subtree)
        if any(t.pos_ in ("VERB", "AUX") or t.dep_ in ("mark", "nsubj", "cop") for t in sub):
            return None
        if sub[0].i != tok.i + 1 or sub[0].lower_ == "that" or len(sub) > 15:
            return None
        if any(t.is_quote for t in sub):
            return None  # ', saying "The fewer guns, the better."': a verbless quotation is the content
        end = sub[-1].i + 1
        if any(not (t.is_punct or t.is_space) for t in doc[end:tok.sent.end]):
            return None
        return c
    return None


#: a cue in a clause that opens its sentence ("In explaining why X, Clinton described …") has its content
#: end with that clause
FRONTED_CLAUSE_CAP = True


#: the relative or interrogative word opening a cue's clause, hung on the cue, is a piece of its
#: content ("which officials said | will go into effect", "what he called | “a disgrace”")
RELATIVE_PRONOUN_CONTENT = True
#: relative and free-relative words that can stand for what is said (also statements.RELATIVE_WORD_IN_CONTENT)
RELATIVE_WORDS = frozenset({"which", "that", "who", "whom", "what"})


def _relative_pronoun(tok: Any, subj: Optional[Any]) -> Optional[Any]:
    """The relative word that opens ``tok``'s clause and depends on it (not as its subject), or None."""
    words = [t for t in tok.subtree if not (t.is_punct or t.is_space)]
    if not words:
        return None
    first = min(words, key=lambda t: t.i)
    if first.i >= tok.i or first.lower_ not in RELATIVE_WORDS or first.head.i != tok.i:
        return None
    if first.dep_ in SUBJ_DEPS or (subj is not None and first.i == subj.i):
        return None
    if first.lower_ == "that" and first.dep_ in ("mark", "det"):
        return None  # "the fact that he refuses …", "that reform": a complementizer or a demonstrative
    return first


#: "X was quoted as saying …" (PolNeAR: cue "was quoted as saying", source X, content the words quoted)
QUOTED_AS_SAYING = True


#: "X was quoted as saying" is a statement whatever the classifier says (it scored "quoted" low after a quotation
#: with the parse's "quoted" a parataxis of the quoted sentence)
QUOTED_AS_SAYING_FORCED = True
#: "by X" right after "quoted as saying" names who quoted, whatever the parse hung it on: no content there
QUOTED_BY_AFTER_SAYING = True


def _quoted_as_saying(tok: Any) -> Optional[Any]:
    """The "saying" of a passive "quoted (by Y) as saying" with a subject, or None."""
    if tok.lemma_.lower() != "quote" or not any(c.dep_ in PASS_SUBJ_DEPS for c in tok.children):
        return None
    for c in tok.children:
        if c.i > tok.i and c.lower_ in ("saying", "telling", "writing") and c.dep_ in ("advcl", "xcomp", "ccomp") \
                and any(m.lower_ == "as" and m.dep_ == "mark" for m in c.children):
            return c
    return None


#: a source right after a quotation that closes with a comma runs back to the quotation's closing mark
#: ("“…,” one of Giglio's sources, a former rebel fighter, said": the parse left "one of Giglio's sources"
#: out of the source and in the content)
QUOTE_CLOSED_SOURCE = True
_NP_WALK_POS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "ADP", "NUM", "PART", "PRON", "PUNCT"})


def _source_from_closing_quote(doc: Any, source: tuple[int, int], ctx: _Ctx) -> tuple[int, int]:
    """See :data:`QUOTE_CLOSED_SOURCE`: the source start moved back over a noun phrase (at most 12 tokens,
    no verb) to just after a closing quotation mark whose quotation ends in a comma."""
    first = token_at(doc, source[0])
    if first is None or first.lower_ in ("which", "who", "whom", "that"):
        return source  # a relative pronoun speaks for what it follows, not with it
    k = first.i - 1
    lo = max(first.sent.start, first.i - 12)
    while k >= lo and not doc[k].is_quote and doc[k].pos_ in _NP_WALK_POS and not doc[k].is_space:
        k -= 1
    if k < lo or k == first.i - 1 or not doc[k].is_quote or k == 0 or doc[k - 1].text != ",":
        return source
    if not any(q.end == doc[k].idx + len(doc[k]) for q in ctx.double):
        return source  # the mark must close a quotation
    start = doc[k + 1]
    return (start.idx, source[1])


#: the object of a verb of telling or asking is whom it addressed, never its source ("Htay Oo … told the
#: Reuters news agency simply, “We lost.”", with the parse's subject lost; "Will urged the electorate to …")
ADDRESSEE_NOT_SOURCE = True


#: a reduced relative takes its "by" agent as the source ("a practice criticized by Miller", "an allegation
#: rejected by a series of congressional inquiries"); without one it has no source ("individuals accused of …")
REDUCED_RELATIVE_AGENTS = True


#: a cue verb the parse hung as a participle on an apposition ("Robert E. Rubin, the former Treasury secretary,
#: opined on …": "opined" an "acl" of "secretary") is the main verb, and the name with its apposition its
#: subject, unless its form is a past participle only ("the bill, known as …": a reduced relative)
APPOSITION_IS_SUBJECT = True
PARTICIPLE_ONLY_ENDINGS = ("en", "wn")


def _main_verb_after_apposition(tok: Any) -> bool:
    """See :data:`APPOSITION_IS_SUBJECT`: ``tok`` follows the comma that closes an apposition it hangs on."""
    doc = tok.doc
    if tok.dep_ not in ("acl", "acl:relcl") or tok.i < 2 or doc[tok.i - 1].text != "," or tok.head.i >= tok.i:
        return False
    if tok.tag_ == "VBG" or tok.lower_.endswith(PARTICIPLE_ONLY_ENDINGS) or any(c.dep_ in SUBJ_DEPS for c in tok.children):
        return False  # a gerund's source is the clause's (CLAUSE_PARTICIPLES)
    # hung on the apposition ("secretary") or on the name that has it ("Schiff")
    appos = tok.head if tok.head.dep_ == "appos" else next(
        (c for c in reversed(list(tok.head.children)) if c.dep_ == "appos" and c.i < tok.i), None)
    if appos is None or appos.head.pos_ not in ("NOUN", "PROPN"):
        return False
    words = [t.i for t in appos.subtree if t.i < tok.i and not t.is_punct]
    return bool(words) and max(words) == tok.i - 2 and doc[min(words) - 1].text == ","


#: after a quote, the parse's subject phrase after the cue wins over the name phrase found by part of speech when
#: it starts there and goes on ("said a source close to the campaign")
INVERTED_SUBJECT_SUBTREE = True


#: a title quoted after "of" or "as" in the speaker's phrase after a quote is part of it ("said Steven Brill, author
#: of “America's Bitter Pill,”"), where a quotation mark otherwise ends that phrase
TITLE_IN_SOURCE = True


def _inverted_subject_end(doc: Any, start: int, lo: int, hi: int, text: str) -> int:
    """Where the parse's subject phrase after a quote and its cue ends, between the end ``lo`` of the name phrase
    found by part of speech (which starts at ``start``) and the end ``hi`` of the parse's phrase: before a
    participle or a preposition other than "of" after a comma (", echoing comments …", ", via email", ", with
    …"), or before a preposition other than "of" right after the name, which is the verb's ("Robby Mook in a
    statement", "said Bolden to the gathered crowd"; not further on: "pastor at Servant House Baptist Church in
    Ft. Worth"), or at a quotation mark; a comma that closes an apposition before stays."""
    span = doc.char_span(lo, hi, alignment_mode="expand")
    title_end = -1  # the closing mark of a title quoted after "author of", "known as"
    for t in (span if span is not None else ()):
        if t.idx < lo or t.text == "," or t.i <= title_end:
            continue
        prev = doc[t.i - 1] if t.i > 0 else None
        cut = None
        if t.is_quote and TITLE_IN_SOURCE and prev is not None and prev.lower_ in ("of", "as") \
                and t.idx + len(t) < hi:
            close = next((x.i for x in doc[t.i + 1:span.end] if x.is_quote), None)
            if close is not None:  # "Steven Brill, author of “America's Bitter Pill,” a history of …"
                title_end = close
                continue
        if t.is_quote:
            cut = t.idx
        elif prev is not None and prev.text == "," and ((t.pos_ == "ADP" and t.lower_ != "of") or _verbal_participle(t)):
            cut = prev.idx + 1 if "," in text[start:prev.idx] else prev.idx
        elif t.pos_ == "ADP" and t.lower_ != "of" and prev is not None \
                and (prev.pos_ == "PROPN" or prev.text == ")") and prev.idx < lo:
            cut = t.idx
        if cut is not None:
            return max(lo, _trim(text, start, cut)[1])
    return hi


def _verbal_participle(t: Any) -> bool:
    """A participle used as a verb ("echoing comments", "asking for anonymity"), not as a modifier ("managing
    director")."""
    doc = t.doc
    return t.tag_ in ("VBG", "VBN") and (
        any(c.dep_ in ("obj", "obl", "obl:agent", "ccomp", "xcomp", "advmod") for c in t.children)
        or not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ in ("NOUN", "PROPN")))


#: "labor unions, environmental groups, and many Democratic lawmakers claim": where the parse split a list of
#: subjects into two subjects of the verb with the conjunction on the verb, the source is the whole list
SPLIT_SUBJECT_LISTS = True


def _split_subject_list_start(tok: Any, subj: Any) -> Optional[Any]:
    """The first token of the list a subject ends, when the verb ``tok`` has another subject before ``subj``
    and a coordinating conjunction of its own right before ``subj``'s phrase ("[labor unions, environmental
    groups,] and [many Democratic lawmakers] claim")."""
    first_of_subj = min(t.i for t in subj.subtree)
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < subj.i]
    if not subjects:
        return None
    cc = [c for c in tok.children if c.dep_ == "cc" and c.i < first_of_subj and c.i > subjects[-1].i]
    between = tok.doc[max(t.i for t in subjects[-1].subtree) + 1:first_of_subj]
    if not cc or any(not (t.text == "," or t.i in {x.i for x in cc}) for t in between):
        return None  # only a comma and the conjunction between the two ("… Sotloff — and the group says": no list)
    start = subjects[-1]
    lo = min(t.i for t in start.subtree)
    while lo < start.i and (tok.doc[lo].dep_ in ("cc", "punct", "advmod") or tok.doc[lo].is_quote):
        lo += 1  # "But labor unions": the opening conjunction is no part of the list
    if any(t.pos_ in ("VERB", "AUX") for t in tok.doc[lo:first_of_subj]):
        return None  # "…, it's not, and Dayton says": a clause before, not a list of names
    return tok.doc[lo]


def _clause_opened_by_pronoun(tok: Any) -> Optional[Any]:
    """The complement clause of ``tok`` that starts right after it with a pronoun subject ("said he was …")."""
    doc = tok.doc
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].pos_ != "PRON" or doc[tok.i + 2].pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in tok.children if c.dep_ == "ccomp" and c.left_edge.i == tok.i + 1), None)


def _name_phrase_then_pronoun_clause(tok: Any, left: tuple[int, int], cue: tuple[int, int],
                                     text: str) -> Optional[tuple[tuple[int, int], list[tuple[int, int]], str]]:
    """Source, content and rule when the words ``left`` of the cue, up to a comma, are who spoke and a pronoun's
    clause after the cue what was said ("Another delegate on the slate, Jim Poolman, said he was only leaning
    Cruz": the parse took the name phrase for a clause; :data:`sources.PRONOUN_OPENS_CONTENT`); else None."""
    opened = _clause_opened_by_pronoun(tok)
    if opened is None or text[left[1]:cue[0]].strip() != ",":
        return None
    doc = tok.doc
    lead = next((t for t in tok.sent if not (t.is_punct or t.is_space or t.dep_ in ("cc", "advmod"))), tok)
    if lead.dep_ == "mark":
        # "While some officers said …, others, who …, said they …": after the clause that opens the sentence
        # (its verb and complements; the parse may hang more on it)
        v = lead.head
        end = max([c.right_edge.i for c in v.children if c.i > v.i and c.dep_ in ("ccomp", "obj", "xcomp", "obl")]
                  + [v.i])
        comma = next((k for k in range(end + 1, tok.i) if doc[k].text == ","), None)
        if comma is not None and comma + 1 < tok.i - 1:
            lead = doc[comma + 1]
    source = (lead.idx, left[1])
    if _sources.SOURCE_KEEPS_CLOSING_COMMA and "," in text[source[0]:source[1]]:
        source = (source[0], text.index(",", source[1]) + 1)  # "…, Jim Poolman," as PolNeAR has it
    return source, [_subtree_span(opened)], "ccomp"


def _build(tok: Any, p: float, ctx: _Ctx, model: CueModel, adj: Optional[int]) -> Optional[RawStatement]:
    """One statement for a cue token: source, then content by the first rule that applies —
    a complement to the right (ccomp/xcomp/obj), an adjacent quote, the sentence left of a clause-final
    reporting clause, or the rest of the sentence."""
    text = ctx.text
    lem = act_lemma(tok) or tok.lemma_.lower()
    if tok.lower_ == "according":
        return _according(tok, p, ctx)
    cue = _cue_span(tok, model)
    reduced_relative = _reduced_relative(tok)  # "individuals accused of": no subject of its own
    if reduced_relative:  # "a call echoed by Japan", "an allegation rejected by congressional inquiries"
        subj = _agent(tok) if REDUCED_RELATIVE_AGENTS and tok.lemma_.lower() not in load_experiencer_verbs() else None
    else:
        subj = _outside_quotes(_subject(tok), tok, ctx)
    clause_subject = False  # the source is only the subject of the clause a participle closes or opens
    if subj is None and CLAUSE_PARTICIPLES and not reduced_relative:
        subj = _outside_quotes(_clause_subject(tok), tok, ctx)
        clause_subject = subj is not None
    negated = is_negated(tok)
    pieces, how = _content_from_children(tok, text, ctx)
    inverted = False  # the speaker comes after the cue, whatever the parse made of the words before it
    if _unreachable(tok):  # "He could not be reached for comment": he is the source
        subj = next((c for c in tok.children if c.dep_ in PASS_SUBJ_DEPS + SUBJ_DEPS), subj)
        clause_subject = False
        obl = next(c for c in tok.children if c.dep_ == "obl" and any(g.lower_ == "for" for g in c.children))
        pieces, how = [_subtree_span(obl, exclude=[g for g in obl.children if g.dep_ == "case"])], "obl"
    saying = _quoted_as_saying(tok) if QUOTED_AS_SAYING else None
    if saying is not None:  # "X was quoted as saying …": X is the source, what "saying" takes the content
        subj = next(c for c in tok.children if c.dep_ in PASS_SUBJ_DEPS)
        clause_subject = False
        cue = (cue[0], saying.idx + len(saying))
        lem = act_lemma(saying) or "say"  # the act is the saying's, not the quoting's (a report)
        pieces, how = _content_from_children(saying, text, ctx)
        if QUOTED_BY_AFTER_SAYING and saying.i + 1 < len(tok.doc) and tok.doc[saying.i + 1].lower_ == "by":
            pieces, how = [], ""  # "“…,” X was quoted as saying by the Beacon": who quoted, not what was said
        if adj is None:  # "“…,” X was quoted as saying": adjacent once X is the reporting clause's
            adj = _quote_adjacent(tok, ctx, subj)
    if INVERTED_NOMINAL and how in ("ccomp", "obj") and not reduced_relative:
        inv_np = _nominal_after_comma(tok)
        if inv_np is not None:  # "…, said one GOP source in the room.": the parse made the speaker a ccomp
            pieces, how, subj, clause_subject = [], "", inv_np, False
            inverted = True
    if reduced_relative and subj is not None and tok.head.i < tok.i:
        # "a call echoed by Japan": Japan echoed the call; the noun phrase it modifies is what was echoed
        np = tok.head
        while np.dep_ == "nmod" and np.head.i < np.i and np.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            np = np.head  # "a number of arrests documented by …"
        first = min(t.i for t in np.subtree)
        while first < np.i and tok.doc[first].dep_ in ("case", "mark", "cc", "punct"):
            first += 1  # "including a number of arrests": the noun phrase, not its preposition
        if first < tok.i:
            pieces, how = [_trim(text, tok.doc[first].idx, tok.doc[tok.i - 1].idx + len(tok.doc[tok.i - 1]), ",;:-–—")], "passive"
    that = _that_clause(tok, cue)
    if that is not None and (not pieces or how != "ccomp" or pieces[0][0] > that.idx):
        pieces, how = [(that.idx, that.idx + len(that))], "ccomp"
    right = bool(pieces) and (pieces[0][0] >= cue[1] or how in ("relcl", "passive", "left"))
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
        if INVERTED_SUBJECT_SUBTREE and source is not None and inv is not None and inv.dep_ in ("nsubj", "nsubj:pass"):
            # "“…,” said a source close to the campaign", "said the former top aide to President George W. Bush":
            # the parse's subject phrase goes on where the name phrase by part of speech stopped
            whole = _source_span(text, inv)
            if whole is not None and whole[0] <= source[0] < whole[1] and whole[1] > source[1]:
                whole = (whole[0], _inverted_subject_end(tok.doc, source[0], source[1], whole[1], text))
                if whole[1] > source[1] and whole[1] <= inv.sent.end_char \
                        and not any(ps < whole[1] and whole[0] < pe for ps, pe in pieces):
                    source = whole
        if source is not None:
            span = tok.doc.char_span(source[0], source[1], alignment_mode="expand")
            subj = span.root if span is not None else inv
        else:
            subj = inv
    if q is not None and q.end <= cue[0] and how == "relcl":
        pieces, how = [], ""  # "“…,” spokesman X threatened": the parse made the cue a relative clause
    if QUOTE_BEFORE_OBLIQUE and q is not None and q.end <= cue[0] and how in ("obl", "remainder") \
            and not _ends_in_particle(tok.doc, cue):
        # "“…,” McFaul said of RT", "“…,” he said on Saturday at the gala": the quote is what was said (not
        # after a cue that takes its preposition: "“…” Democrats weren't too concerned about this shift")
        pieces, how = [], ""
    if source is None and subj is not None:
        # a source before its cue ends before it, whatever the parse hung under the subject
        source = _source_span(text, subj, before=tok.i if subj.i < tok.i else None)
        if source is not None and q is not None and q.end <= source[0]:
            source = (_extend_left_over_nouns(tok.doc, source[0], ctx), source[1])
        if source is not None and source[1] <= cue[0] and subj.sent.start == min(t.i for t in subj.subtree):
            source = (_extend_left_over_nouns(tok.doc, source[0], ctx), source[1])
        if _sources.PARTICIPLE_READ_AS_VERB and source is not None:
            phrase = _sources._participle_read_as_verb(tok)
            if phrase is not None and phrase[0].idx <= source[0] < phrase[1].idx:
                source = (source[0], phrase[1].idx + len(phrase[1]))
        if SPLIT_SUBJECT_LISTS and source is not None:
            first = _split_subject_list_start(tok, subj)
            if first is not None:
                source = (min(source[0], first.idx), source[1])
    title = _title_before_name(tok)
    if title is not None and source is not None:
        # "the terror group's military commander Muhammad Deif said": the title belongs to the source
        toks = [t for t in title.subtree if t.i < title.i or t.i == title.i]
        while toks and (toks[0].is_punct or toks[0].is_space):
            toks = toks[1:]
        if toks:
            source = (min(source[0], toks[0].idx), source[1])
    reduced = (tok.dep_ in ("acl", "amod") and tok.morph.get("VerbForm") == ["Part"]) or reduced_relative
    if reduced and APPOSITION_IS_SUBJECT and _main_verb_after_apposition(tok):
        reduced = False  # the name phrase before the apposition is the subject (_fallback_source)
    bare_passive = _bare_passive_participle(tok)
    if bare_passive:
        reduced = True  # "Asked about X, Clinton said": passive; no name around it is the asker
    if source is None and not _is_passive(tok) and not reduced and USE_POS_FALLBACK:
        source = _fallback_source(tok, cue, ctx)
    if QUOTE_CLOSED_SOURCE and source is not None and source[1] <= cue[0]:
        source = _source_from_closing_quote(tok.doc, source, ctx)
    if source is not None and subj is None:
        span = tok.doc.char_span(source[0], source[1], alignment_mode="expand")
        subj = span.root if span is not None else None
    if RAISING_EXPLETIVE and subj is not None and subj.lower_ == "it" and lem in RAISING_LEMMAS:
        source, subj = None, None  # "it seems that …", "it appears …": the writer's impression, no one's words
    if EXTRAPOSED_IT and subj is not None and subj.lower_ == "it" and subj.i < tok.i and tok.pos_ in ("ADJ", "NOUN") \
            and any(c.dep_ == "cop" for c in tok.children) and not (tok.lower_.endswith("ing") and act_lemma(tok)) \
            and any(c.dep_ in ("ccomp", "csubj") and c.i > tok.i for c in tok.children):
        # "It is unknown what caused the fire", "It's unclear if the mayor knew …": the empty subject of an
        # extraposed clause, no one's words; it opens the cue, as PolNeAR marks it (not a speech verb the
        # tagger took for an adjective: "It's denouncing what it calls …")
        cue = (min(cue[0], subj.idx), cue[1])
        source, subj = None, None
    if ADDRESSEE_NOT_SOURCE and subj is not None and subj.head.i == tok.i and subj.dep_ in ("obj", "iobj") \
            and subj.i > tok.i and tok.lemma_.lower() in ADDRESSEE_VERBS:
        source, subj = None, None  # "told the Reuters news agency", "urged the electorate": the one addressed
    if COLON_BLOCK and not any(text[ps:pe].strip(" :\n\t\xa0") for ps, pe in pieces):
        block = _colon_block(tok, cue, source, ctx)
        if block is not None:  # "Limbaugh added:\n\nAnd from a supposed front-runner, …"
            pieces, how = [block], "colon"
    kind = "indirect"
    quote_ids: list[int] = []
    if _sources.COLON_AFTER_ADJUNCTS and q is not None and pieces and how in ("obl", "obj", "remainder") and q.start >= cue[1] \
            and text[max(pe for _, pe in pieces):q.start].strip() == ":":
        pieces = []  # "wrote on Facebook: “…”": the adjunct before the colon is where, the quotation what
    if q is not None and (not pieces or (q.start >= cue[1] and _overlaps_any(pieces, q) and q.start <= pieces[0][0] + 1)):
        if QUOTE_OPENS_PHRASE and pieces and _phrase_goes_on(text, q, pieces[0]):
            kind = "mixed"  # 'reported “2,521 shooting incidents” in the city between …': the quote opens the phrase
        else:
            pieces, quote_ids, kind, how = [(q.start, q.end)], [adj], "direct", "quote"
    elif not pieces and not reduced and (tok.dep_ == "parataxis" and tok.head.i < tok.i or _clause_final(tok, subj, cue, ctx)
                         or any(c.dep_ in ("ccomp", "parataxis") and c.i < tok.i for c in tok.children)):
        lo, hi = _region(tok, subj, cue)
        if inverted:
            lo = cue[0]
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
        if LEFT_NEEDS_BREAK and not text[s0:lo].rstrip().endswith(LEFT_BREAKS) and right_piece[1] - right_piece[0] > 1:
            # "Nine in 10 voters say they think …": words before the reporting clause that no comma, dash or
            # quotation mark sets off are part of its own clause (a subject the parse cut, a fronted phrase);
            # what follows the cue is the content
            pieces, how = [right_piece], "remainder"
        else:
            pieces = [pc for pc in (left, right_piece if keep_right else (0, 0)) if pc[1] - pc[0] > 1]
            how = "left"
            if _sources.PRONOUN_OPENS_CONTENT and source is None and len(pieces) == 1:
                swapped = _name_phrase_then_pronoun_clause(tok, pieces[0], cue, text)
                if swapped is not None:
                    source, pieces, how = swapped
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
    if MEDIAL_AFTER_SUBJECT and source is not None and pieces:
        name = _name_after_subject(text, source, cue, pieces)
        if name is not None:  # "Trump, Sexton said, has created …": "Sexton" says, "Trump" is said of
            source = name
            span = tok.doc.char_span(source[0], source[1], alignment_mode="expand")
            subj = span.root if span is not None else None
    if how in MEDIAL_RULES and pieces:
        n = len(pieces)
        pieces = _medial_left_piece(tok, subj, source, cue, pieces, ctx, direct=kind == "direct")
        if kind == "direct" and len(pieces) > n and ctx.quote_at(pieces[0][0] + 1) is None:
            kind = "mixed"  # "An economic downturn, he said, “could be a good time …”"
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
    if RAISING_CONTENT and lem in RAISING_LEMMAS and (how == "xcomp" or RAISING_ANY_COMPLEMENT and not (
            how == "ccomp" and subj is not None and subj.lower_ == "it")) \
            and source is not None and source[1] <= cue[0] \
            and subj is not None and subj.i < tok.i and pieces:
        # "Melania seems to have vanished": the writer's impression of the subject, not the subject's
        # words; PolNeAR gives the subject and the predicate as the content and no source
        pieces = [source] + pieces
        source = None
    if FRONTED_CLAUSE_CAP and tok.head.i > tok.i and tok.dep_ in ("advcl", "acl", "csubj", "ccomp") and kind != "direct":
        # "In explaining why X, Clinton described …": a content of a clause that opens its sentence ends
        # with that clause, never in the main clause it leads into
        last = max(t.i for t in tok.subtree)
        cap = tok.doc[last].idx + len(tok.doc[last])
        pieces = [_clean_content(text, ps, min(pe, cap)) if ps < cap else (ps, pe) for ps, pe in pieces]
    # the content must not contain the cue or the source
    pieces = [pc for pc in pieces if pc[1] > pc[0] and not (pc[0] <= cue[0] and cue[1] <= pc[1])]
    if not pieces:
        return None
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ in NONSPEECH_PARTICLES and how not in NON_COMMUNICATION_CONTENT_RULES \
            and kind == "indirect":
        return None  # "is calling back 17,815 cars", "called off the talks": a phrasal verb of action
    if subj is not None and subj.lower_ == "you" and ctx.text[tok.sent.start_char:tok.sent.end_char].rstrip(" \n\"'”’").endswith("?"):
        return None  # "Do you attribute that success to ...?": an interviewer's question, not a statement
    if source and any(pc[0] <= source[0] and source[1] <= pc[1] for pc in pieces):
        source = None
    if not _content_is_speech(pieces, source, text, cue):
        return None
    if act_lemma(tok) is None and how in ("obl", "obj") and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "acl") \
            and (source is None or clause_subject):
        # "..., referring to the key Islamic site": a participle with no source of its own (or only the one
        # of the clause it closes), no speech-act verb and only a noun phrase after it is the writer's
        # gloss, not an attribution
        return None
    if ASPECTUAL_NEEDS_SPEECH and tok.lemma_.lower() in ASPECTUAL_VERBS and how in ("xcomp", "remainder"):
        x = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        if x is not None and act_lemma(x) is None and not model.is_candidate(x):
            # "the mark continued to grow": an aspect verb says something only of a verb that can (a speech
            # act, or a word PolNeAR has as a cue: "continued to question", "to portray")
            return None
    nc = load_noncommunication()
    allowed = nc.get(tok.lemma_.lower(), nc.get(lem))
    if allowed is not None and kind == "indirect" and not _unanswered_request(tok) and (
            how not in allowed or (how == "obl" and not _ends_in_particle(tok.doc, cue))):
        return None  # an oblique content needs the cue's preposition: "agreed with the analysis", not "agreed a deal"
    if how == "obj" and kind == "indirect":
        heads = [c for c in tok.children if c.dep_ == "obj"]
        if heads and heads[0].lower_ in CLAIM_NOUNS:
            kind = "nominal"
    if INVERTED_APPOSITIVE and source is not None and source[0] >= cue[1] and not bare_passive:
        source = _with_appositive(source, tok, pieces, ctx)  # (an agent in a fronted participle clause ends it)
    if RELATIVE_PRONOUN_CONTENT and pieces:
        rel = _relative_pronoun(tok, subj)
        if rel is not None and not any(ps <= rel.idx < pe for ps, pe in pieces) \
                and not (source and source[0] <= rel.idx < source[1]):
            # "which officials said will go into effect": the relative word stands for what was said
            pieces = [(rel.idx, rel.idx + len(rel))] + pieces
    if pieces and _experiencer(tok) is not None:
        # "were angered by the deal": what caused the feeling is the content; its "by" joins the cue
        first = min(pieces)
        between = text[cue[1]:first[0]]
        if between.strip().lower() == "by":
            cue = (cue[0], cue[1] + between.lower().index("by") + 2)
    st = RawStatement(cue, source, sorted(pieces), kind, "quote" if how == "quote" else f"verb:{how}", p,
                      head=tok, negated=negated, src_head=subj, lemma=lem)
    st.quote_ids = quote_ids
    return st


#: aspect verbs ("continued to insist", "began to question") are cues only with a verb of saying as their
#: complement: "the mark continued to grow" says nothing
ASPECTUAL_NEEDS_SPEECH = True
ASPECTUAL_VERBS = frozenset({"continue", "begin", "start", "keep", "stop", "cease", "resume"})


#: a reporting clause set off by commas right after the subject of the sentence it interrupts ("Trump,
#: Sexton said, has created …"): the parse takes "Trump, Sexton" as the source; the name before the cue
#: is the source, and the words before its comma become the content's first piece as for any medial
#: reporting clause (contents._medial_left_piece)
MEDIAL_AFTER_SUBJECT = True


def _name_after_subject(text: str, source: tuple[int, int], cue: tuple[int, int],
                        pieces: list[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """The name in a source ``X, Name`` right before its cue when a comma follows the cue and the content
    comes after it (``X, Name said, <verb phrase>``; Name at most four capitalised words), or None."""
    src = text[source[0]:source[1]]
    if "," not in src or source[1] > cue[0] or text[source[1]:cue[0]].strip() or text[cue[1]:cue[1] + 1] != ",":
        return None
    if min(ps for ps, _ in pieces) < cue[1]:
        return None
    head, _, name = src.rpartition(",")
    words = name.split()
    if not head.strip() or not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return None
    return _trim(text, source[0] + len(head) + 1, source[1])
