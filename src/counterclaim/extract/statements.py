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

The rules are split by concern: :mod:`counterclaim.extract.statement_base` (:class:`RawStatement`, the
per-document context, shared word lists), :mod:`counterclaim.extract.sources` (cue spans, sources),
:mod:`counterclaim.extract.contents` (content spans), :mod:`counterclaim.extract.verbs` (cue verbs and
the statement of each), :mod:`counterclaim.extract.forms` (``according to``, headlines, quotations
over sentences) and :mod:`counterclaim.extract.learned_spans` (the boundary rankers). This module runs
them (:func:`find_raw_statements`) and resolves the speakers (:func:`extract_statements`).

The names code, tests and ``training/`` use are re-exported here. Module-level flags
(``RELATIVE_CUES``, ``MISLABELLED_SUBJECTS``, ``PRECEDING_QUOTES``, ``TRAILING_PARTICIPLE_CUT``,
``DROP_SOURCE_RELATIVES``, ...) are read at call time from the module that defines them: toggle one by
assignment on that module (``counterclaim.extract.verbs.TRAILING_PARTICIPLE_CUT = False``); assigning
the copy re-exported here has no effect.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Optional

from counterclaim.extract.boundaries import BOUNDARIES, load_boundary_models
from counterclaim.extract.contents import (
    CLAUSE_OPENERS,
    COMPLEMENTISERS,
    CONNECTIVES,
    CONTENT_EXT_DEPS,
    CONTENT_OBL_CASES,
    EXTEND_RIGHT_RULES,
    FINITE_TAGS,
    MEDIUM_NOUNS,
    NAMING_VERBS,
    OBJ_STOP_PUNCT,
    PASSIVE_CONTENT_CASES,
    PRONOUN_CONTENTS,
    STOP_DEPS,
    SUBJECT_PRONOUNS,
    THAT_WINDOW,
    TRAILING_ATTRIBUTION_RE,
    _clean_content,
)
from counterclaim.extract.cues import CueModel, load_cue_model
from counterclaim.extract.forms import (
    CONTINUATION_MAX_GAP,
    HEADLINE_MAX_SOURCE_TOKENS,
    PRECEDING_QUOTES,
    RULE_CONFIDENCE,
    _close_open_quotes,
    _continuations,
    _headline_statements,
    _layout_statements,
    _mixed_lead_in,
    _preceding_quotes,
)
from counterclaim.extract.learned_spans import (
    LEARNED_CONTENT_RULES,
    LEARNED_SOURCE_RULES,
    BoundaryTask,
    _apply_boundary,
    boundary_marks,
    boundary_task,
)
from counterclaim.extract.sources import (
    ADJ_PUNCT,
    APPOS_MAX_TOKENS,
    CUE_LEFT_ADVERBS,
    CUE_LEFT_DEPS,
    CUE_TIME_WORDS,
    DROP_SOURCE_RELATIVES,
    MISLABELLED_SUBJECTS,
    NAME_ABBREVIATIONS,
    NP_POS,
    REGION_DEPS,
    SOURCE_KEEPS_CLOSING_COMMA,
    _quote_adjacent,
    source_closing_mark,
)
from counterclaim.extract.speech_acts import ANSWER_LEMMAS, act_lemma, load_acts, speech_act
from counterclaim.extract.statement_base import (
    ADDRESSEE_VERBS,
    DATE_WORDS,
    HEADLINE_ROLES,
    PASS_SUBJ_DEPS,
    SKIP_ROLES,
    SUBJ_DEPS,
    RawStatement,
    _Ctx,
    _subtree_span,
    after_comma,
    token_at,
    _trim,
)
from counterclaim.extract.verbs import (
    CLAIM_NOUNS,
    LEXICON_ONLY_CONFIDENCE,
    RELATIVE_CUE_ACTS,
    RELATIVE_CUES,
    RELATIVE_WORDS,
    REMAINDER_CONTENT,
    TRAILING_PARTICIPLE_CUT,
    USE_POS_FALLBACK,
    _verb_statements,
)
from counterclaim.extract import light_objects
from counterclaim.model import Actor, Document, Span, Statement, make_id
from counterclaim.nlp.spaces import plain_spaces

__all__ = ["extract_statements", "nesting", "load_acts", "RawStatement", "find_raw_statements"]
#: Re-exported for code written against the single module (tests, ``training/statements.py``): the
#: constants and flags of the rule modules, and the helpers outside code uses. Set a flag on the module
#: that defines it (see the module docstring).
__all__ += [
    "act_lemma", "speech_act", "_Ctx", "_trim", "_subtree_span", "_clean_content", "_quote_adjacent",
    "BoundaryTask", "boundary_task", "boundary_marks",
    "SKIP_ROLES", "HEADLINE_ROLES", "SUBJ_DEPS", "PASS_SUBJ_DEPS", "ADDRESSEE_VERBS", "DATE_WORDS",
    "CUE_TIME_WORDS", "CUE_LEFT_DEPS", "CUE_LEFT_ADVERBS", "REGION_DEPS", "NP_POS", "NAME_ABBREVIATIONS",
    "APPOS_MAX_TOKENS", "ADJ_PUNCT", "SOURCE_KEEPS_CLOSING_COMMA", "MISLABELLED_SUBJECTS",
    "DROP_SOURCE_RELATIVES",
    "CONTENT_EXT_DEPS", "CONTENT_OBL_CASES", "PASSIVE_CONTENT_CASES", "NAMING_VERBS", "MEDIUM_NOUNS",
    "SUBJECT_PRONOUNS", "COMPLEMENTISERS", "THAT_WINDOW", "EXTEND_RIGHT_RULES", "STOP_DEPS", "CLAUSE_OPENERS",
    "OBJ_STOP_PUNCT", "CONNECTIVES", "PRONOUN_CONTENTS", "TRAILING_ATTRIBUTION_RE",
    "HEADLINE_MAX_SOURCE_TOKENS", "RULE_CONFIDENCE", "CONTINUATION_MAX_GAP", "PRECEDING_QUOTES",
    "LEXICON_ONLY_CONFIDENCE", "CLAIM_NOUNS", "ANSWER_LEMMAS", "RELATIVE_CUES", "RELATIVE_CUE_ACTS",
    "USE_POS_FALLBACK", "REMAINDER_CONTENT", "TRAILING_PARTICIPLE_CUT",
    "LEARNED_CONTENT_RULES", "LEARNED_SOURCE_RULES",
]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
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
    raws = _headline_statements(ctx) + _layout_statements(ctx) + _verb_statements(ctx, model)
    raws = _dedupe(raws)
    if boundaries:
        marks = boundary_marks(raws)
        views: dict = {}  # sentence start -> SentenceView, read once per sentence
        for r in raws:
            for name in BOUNDARIES:
                if name in boundaries:
                    _apply_boundary(r, ctx, name, boundaries[name], marks, views)
    if BASE_CONJUNCT_IN_CONTENT:
        _base_conjuncts_into_content(raws, ctx)
    if ADDRESSEE_NOT_CONTENT:
        _addressees_out_of_content(raws, ctx)
    if light_objects.OBJECTS_INTO_CUE:
        light_objects.objects_into_cue(raws, ctx, model)
    if light_objects.CHAINS_INTO_CUE:
        light_objects.chains_into_cue(raws, ctx, model)
    if COORDINATED_CUES_SPLIT:
        _split_coordinated_cues(raws, ctx)
    if PARTICIPLE_TAKES_HEAD_SOURCE:
        _participles_take_head_source(raws, ctx.text)
    if NAME_BEFORE_SUBJECTLESS_CUE:
        _names_before_subjectless_cues(raws, ctx)
    if ROOT_NOUN_IS_SUBJECT:
        _root_nouns_as_subjects(raws, ctx)
    _continuations(raws, ctx)
    _mixed_lead_in(raws, ctx)
    _preceding_quotes(raws, ctx)
    _close_open_quotes(raws, ctx)
    if COLON_ELABORATION:
        _colon_elaborations(raws, ctx)
    if RELATIVE_WORD_IN_CONTENT:
        _relative_words_into_content(raws, ctx)
    for r in raws:
        r.content = sorted({_trim(ctx.text, s, e) for s, e in r.content if e > s})
        if SOURCE_LEAD_CUT and r.source is not None:
            r.source = _without_lead(ctx.text, *r.source)
        if HYPHENATED_SOURCE_WORDS and r.source is not None:
            ws, we = _whole_hyphenated_words(ctx.text, *r.source)
            if not any(ps < we and ws < pe for ps, pe in [r.cue, *r.content]):
                r.source = (ws, we)
        if r.source is not None and not any(ch.isalnum() for ch in ctx.text[r.source[0]:r.source[1]]):
            r.source = None  # a source without a word in it is no source (whatever rule left it)
    if WORDLESS_CONTENT_OUT:
        text = ctx.text
        for r in raws:  # a stray quotation mark or dash is no content ('Stories about " …': content '"')
            r.content = [(s, e) for s, e in r.content if any(ch.isalnum() for ch in text[s:e])]
        raws = [r for r in raws if r.content]
    if CONNECTIVES_OUT:
        raws = _without_connectives(raws, ctx)
    if WRAPPING_CLAUSE_CUT:
        _cut_at_wrapping_clauses(raws, ctx.text)
    if SOURCE_RELATIVE_CLIP:
        _clip_to_enclosing_sources(raws, ctx.text)
    if OTHER_CUE_PIECES_OUT:
        cue_starts = {r.cue[0] for r in raws}
        for r in raws:  # "“…,” he said, according to the Daily Record": the last piece is another report
            if len(r.content) > 1:
                r.content = [(ps, pe) for ps, pe in r.content if ps not in cue_starts or ps < r.cue[0]]
    if SOURCE_ENDS_BEFORE_INNER_STATEMENT:
        _sources_end_before_inner_statements(raws, ctx.text)
    return raws


#: a bare infinitive the parse coordinated with a finite cue verb is no second act of the source but goes on
#: the content it follows: "wants to triple the size of AmeriCorps, grow the Peace Corps and create …",
#: "pledged to enact judicial reform, fix the campaign finance system" (no subject, no auxiliary of its own)
BASE_CONJUNCT_IN_CONTENT = True
_GAP_MARKS = re.compile(r"[\s,”\"’']*")


def _base_conjuncts_into_content(raws: list[RawStatement], ctx: _Ctx) -> None:
    """See :data:`BASE_CONJUNCT_IN_CONTENT`."""
    text = ctx.text
    for r in raws:
        h = r.head
        if h is None or not r.content or h.tag_ not in ("VBZ", "VBD", "VBP"):
            continue
        ps, pe = r.content[-1]
        if ps < r.cue[1]:
            continue
        for c in h.children:
            if c.dep_ != "conj" or c.tag_ != "VB" or c.idx < pe:
                continue
            if any(x.dep_ in SUBJ_DEPS + PASS_SUBJ_DEPS + ("aux", "aux:pass") for x in c.children):
                break
            toks = list(c.subtree)
            if not _GAP_MARKS.fullmatch(text, pe, toks[0].idx):
                break
            r.content[-1] = _clean_content(text, ps, toks[-1].idx + len(toks[-1]))
            break


#: the one asked, told or warned, subject of a passive cue ("he was asked what happened to the black vote"), is
#: no part of what was said when something else is, save in a request, whose infinitive needs it ("Anyone
#: with information is urged to contact …")
ADDRESSEE_NOT_CONTENT = True
_ADDRESSEE_CUES = ADDRESSEE_VERBS | {"question"}


def _addressees_out_of_content(raws: list[RawStatement], ctx: _Ctx) -> None:
    """See :data:`ADDRESSEE_NOT_CONTENT`."""
    for r in raws:
        h = r.head
        if h is None or len(r.content) < 2 or h.lemma_.lower() not in _ADDRESSEE_CUES:
            continue
        for c in h.children:
            if c.dep_ in PASS_SUBJ_DEPS:
                span = _trim(ctx.text, *_subtree_span(c))
                rest = [p for p in r.content if p != span]
                if rest and not any(ctx.text.startswith("to ", p[0]) for p in rest):
                    r.content = rest  # a request keeps whom it asks: "Anyone with information is urged | to contact"


#: a source that holds another statement ("Weaver, who said there were …, said"; "Salceda, citing data from
#: …, said") ends before it: the speaker is named by what comes before, and the inner statement is its own
#: record. Runs last, after the inner statement's content has been cut at the outer source's end.
SOURCE_ENDS_BEFORE_INNER_STATEMENT = True
#: only where a comma opens the inner statement's clause (a non-restrictive one: "X, who said"), not in "the
#: judges who ruled that …"
INNER_STATEMENT_AFTER_COMMA = True


def _sources_end_before_inner_statements(raws: list[RawStatement], text: str) -> None:
    """See :data:`SOURCE_ENDS_BEFORE_INNER_STATEMENT`."""
    for b in raws:
        if b.source is None or b.kind == "according_to":
            continue  # an "according to" source keeps its clause: SOURCE_RELATIVE_CLIP made that the rule
        bs, be = b.source
        cut = be
        for a in raws:
            if a is b or not (bs < a.cue[0] and a.cue[1] <= be):
                continue
            at = a.cue[0]
            if a.source is not None and bs < a.source[0] < at:
                at = a.source[0]  # the inner statement's own subject ("who") goes with it
            cut = min(cut, at)
        if cut == be:
            continue
        s, e = _trim(text, bs, cut, ",;:-–—(")
        if e <= s or not any(ch.isalnum() for ch in text[s:e]):
            continue
        if INNER_STATEMENT_AFTER_COMMA and "," not in text[e:cut]:
            continue
        b.source = source_closing_mark(text, s, e)  # "Robert Egge, executive director of …," keeps its comma


#: a source starts after what the sentence splitter left before it: a dateline ("Washington (AFP) – Democrat Hillary
#: Clinton"), the end of the previous sentence ("Washington D.C. He"), a leading dash ("-Nate Cohn")
SOURCE_LEAD_CUT = True
#: words that open a sentence and, after a full stop, cannot go on a name before them
_SENTENCE_OPENERS = ("He", "She", "They", "We", "It", "You", "The")
_DATELINE = re.compile(r"\)\s*[-–—]+\s*")


def _without_lead(text: str, s: int, e: int) -> tuple[int, int]:
    """``[s, e)`` without a leading dash, a dateline that ends in an agency's name in parentheses and a dash,
    or words before a capitalised pronoun (or "The") that follows a full stop: a sentence start the splitter
    missed after an abbreviation ("U.S. He said")."""
    span = text[s:e]
    m = _DATELINE.search(span)
    if m is not None and m.end() < len(span) and "(" in span[:m.start()]:
        s += m.end()
        span = text[s:e]
    for w in _SENTENCE_OPENERS:
        i = span.find(". " + w + " ")
        if i < 0 and span.endswith(". " + w):
            i = len(span) - len(w) - 2
        if i >= 0:
            s += i + 2
            span = text[s:e]
            break
    while s < e and text[s] in "-–—" and (s + 1 < e and text[s + 1] not in "-–—"):
        s += 1
    return _trim(text, s, e)


#: a source never ends or starts inside a hyphenated word ("President Park Geun-hye": the parse hung "hye" on the
#: verb)
HYPHENATED_SOURCE_WORDS = True


def _whole_hyphenated_words(text: str, s: int, e: int) -> tuple[int, int]:
    """``[s, e)`` widened so that a word joined to its edge by a hyphen without spaces ("Geun-hye") is whole."""
    while e + 1 < len(text) and text[e] in "-‐" and text[e + 1].isalnum() and e > s and text[e - 1].isalnum():
        e += 1
        while e < len(text) and text[e].isalnum():
            e += 1
    while s - 2 >= 0 and text[s - 1] in "-‐" and text[s - 2].isalnum() and s < e and text[s].isalnum():
        s -= 1
        while s - 1 >= 0 and text[s - 1].isalnum():
            s -= 1
    return s, e


#: when statement B's cue lies in a content piece of A after A's cue, and B's content, wholly before B's cue,
#: holds A's cue, B is a clause-final reporting clause wrapping A ("X was also said to have been wounded, the paper added"): A's piece ends
#: before B's source and cue
WRAPPING_CLAUSE_CUT = True
#: … and when A's cue lies in B's source before B's cue, A's piece ends with that source
SOURCE_CLAUSE_CUT = True


def _cut_at_wrapping_clauses(raws: list[RawStatement], text: str) -> None:
    """See :data:`WRAPPING_CLAUSE_CUT`."""
    for a in raws:
        if not a.content:
            continue
        pieces = []
        for ps, pe in a.content:
            for b in raws:
                if b is a or not (ps < b.cue[0] < pe) or ps < a.cue[0]:
                    continue
                if SOURCE_CLAUSE_CUT and b.source is not None and b.source[0] <= a.cue[0] < b.source[1] <= b.cue[0]:
                    # A speaks inside B's source ("Mr. Leenders, who estimated that …, said he …"): A's piece
                    # ends where B's source does, never over B's cue
                    pe = _trim(text, ps, b.source[1], ",;:-–—")[1]
                    continue
                if not any(bs <= a.cue[0] < be for bs, be in b.content) or any(be > b.cue[0] for _bs, be in b.content):
                    continue  # B's content must hold A's cue and lie wholly before B's cue
                gap = text[max(be for _bs, be in b.content):b.cue[0]]
                if b.source is not None and b.source[1] <= b.cue[0]:
                    gap = text[max(be for _bs, be in b.content):b.source[0]] + text[b.source[1]:b.cue[0]]
                if any(ch.isalnum() for ch in gap) or not any(ch in gap for ch in ",—–\"”"):
                    continue  # and only a comma (dash, closing quote) and B's source stand between: "…, the paper added"
                cut = b.cue[0]
                if b.source is not None and ps < b.source[0] < cut:
                    cut = b.source[0]
                pe = _trim(text, ps, cut, ",;:-–—")[1]
            if pe > ps:
                pieces.append((ps, pe))
        a.content = pieces
    raws[:] = [r for r in raws if r.content]


#: a statement whose cue lies inside the source of an "according to" (a relative clause: "According to the
#: Mail on Sunday, which said its source was a nurse, X …") says nothing beyond that source (other sources
#: are not clipped: their ends are less sure than the statements' own content)
SOURCE_RELATIVE_CLIP = True


def _clip_to_enclosing_sources(raws: list[RawStatement], text: str) -> None:
    """See :data:`SOURCE_RELATIVE_CLIP`."""
    for a in raws:
        for b in raws:
            if b is a or b.kind != "according_to" or b.source is None \
                    or not (b.source[0] <= a.cue[0] and a.cue[1] <= b.source[1]):
                continue
            lo, hi = b.source
            pieces = []
            for ps, pe in a.content:
                if ps >= lo and pe > hi:
                    pe = _trim(text, ps, hi, ",;:")[1]
                if pe > ps:
                    pieces.append((ps, pe))
            a.content = pieces
    raws[:] = [r for r in raws if r.content]


#: a content piece after the cue that starts where another statement's cue starts is that statement, not
#: part of this one's content
OTHER_CUE_PIECES_OUT = True


#: content pieces without a letter or digit are dropped, and a statement left without content with them
WORDLESS_CONTENT_OUT = True

#: a discourse connective that opens a sentence with a verb of saying ("That said,", "That being said,",
#: "Having said that,", "Needless to say,") reports nobody: its verb is no cue and it is no content
CONNECTIVES_OUT = True
CONNECTIVE = re.compile(r"(?:(?:that|this)(?: being)? said|having said (?:that|this)|with (?:that|this)(?: being)? "
                        r"said|needless to say|suffice(?: it)? to say|that is to say)\s*,\s*", re.I)


def _without_connectives(raws: list[RawStatement], ctx: _Ctx) -> list[RawStatement]:
    """See :data:`CONNECTIVES_OUT`: statements whose cue is in a sentence-opening connective go; a content
    piece loses the connective it starts with, and goes if nothing else is in it."""
    text = ctx.text
    spans = []
    for sent in ctx.doc.sents:
        first = sent[0]
        if first.is_punct and len(sent) > 1:
            first = sent[1]
        m = CONNECTIVE.match(text, first.idx)
        if m is not None:
            spans.append((m.start(), m.end()))
    if not spans:
        return raws
    out = []
    for r in raws:
        if any(cs <= r.cue[0] < ce for cs, ce in spans):
            continue
        content = []
        for ps, pe in r.content:
            for cs, ce in spans:
                if cs <= ps < ce:
                    ps = ce
            if pe > ps:
                content.append((ps, pe))
        r.content = content
        if content:
            out.append(r)
    return out


#: a cue coordinated with the verb of another statement's content, with no subject of its own, is a
#: second report by the same source ("suggested X be fired and defended Trump"): the content stops
#: before it and it takes that source
COORDINATED_CUES_SPLIT = True


def _split_coordinated_cues(raws: list[RawStatement], ctx: _Ctx) -> None:
    """See :data:`COORDINATED_CUES_SPLIT`: the outer content is cut before the inner cue's clause (its
    coordinator included) and the inner statement takes the outer one's source."""
    text = ctx.text
    for inner in raws:
        h = inner.head
        if h is None or inner.source is not None or h.dep_ != "conj" or h.head.i >= h.i:
            continue
        if any(c.dep_ in SUBJ_DEPS + PASS_SUBJ_DEPS for c in h.children):
            continue
        first = min(t.i for t in h.subtree if t.i > h.head.i and not t.is_punct)  # "and defended …"
        for outer in raws:
            if outer is inner or outer.source is None or outer.head is None or not outer.content:
                continue
            n = next((k for k, (ps, pe) in enumerate(outer.content) if ps <= h.head.idx < pe and ps <= inner.cue[0] < pe), None)
            if n is None:
                continue
            ps, pe = outer.content[n]
            cut = _trim(text, ps, ctx.doc[first].idx, ",;")
            if cut[1] <= cut[0]:
                continue
            outer.content[n] = cut
            inner.source, inner.src_head = outer.source, outer.src_head
            break


#: "…,” the mayor said, adding that …": a participle cue set off by a comma, without a subject of its own, hung on
#: the cue verb of another statement, has that statement's source, however the parse attached that source
PARTICIPLE_TAKES_HEAD_SOURCE = True
_PARTICIPLE_DEPS = ("advcl", "ccomp", "conj", "xcomp", "acl", "parataxis")


#: ... and so does such a participle right after a reporting clause that follows its quotation, whatever
#: the parse hung it on ("“…,” she said in the Oval Office, emphasizing it was time …")
PARTICIPLE_AFTER_REPORTING_CLAUSE = True
#: what may stand between the reporting clause and the participle: a short phrase without a verb of its own
_REPORTING_TAIL = re.compile(r"^[^\"“”.;:!?\n]{0,60},\s*$")


#: a participle after a quotation that closes with its comma (', "adding that …') follows a comma as well
COMMA_INSIDE_QUOTE = True


def _after_comma(h: Any) -> bool:
    return after_comma(h, COMMA_INSIDE_QUOTE)


def _participles_take_head_source(raws: list[RawStatement], text: str) -> None:
    """See :data:`PARTICIPLE_TAKES_HEAD_SOURCE` (``text``: the document's)."""
    by_head = {r.head.i: r for r in raws if r.head is not None and r.source is not None}
    for r in raws:
        h = r.head
        if r.source is not None or h is None or h.tag_ != "VBG" or h.dep_ not in _PARTICIPLE_DEPS or h.i == 0:
            continue
        if h.head.i >= h.i or not _after_comma(h) or any(c.dep_ in SUBJ_DEPS + PASS_SUBJ_DEPS for c in h.children):
            continue
        outer = by_head.get(h.head.i)
        if outer is not None and outer.source[1] <= h.idx:
            r.source, r.src_head = outer.source, outer.src_head
    if not PARTICIPLE_AFTER_REPORTING_CLAUSE:
        return
    done = sorted((r for r in raws if r.source is not None and r.head is not None), key=lambda r: r.cue[1])
    for r in raws:
        h = r.head
        if r.source is not None or h is None or h.tag_ != "VBG" or h.i == 0 or not _after_comma(h):
            continue
        if any(c.dep_ in SUBJ_DEPS + PASS_SUBJ_DEPS for c in h.children):
            continue
        # the parse may hang the participle on a word of the quotation before the reporting clause
        # ("“…,” she said in the Oval Office, emphasizing …"): take the statement whose reporting
        # clause ends right before it, in the same sentence
        sent = h.sent
        ends = {id(o): max([o.cue[1], o.source[1]] + [e for _, e in o.content if e <= h.idx]) for o in done}
        before = [o for o in done if sent.start_char <= o.cue[0] and ends[id(o)] <= h.idx]
        if not before:
            continue
        outer = max(before, key=lambda o: ends[id(o)])
        tail = text[ends[id(outer)]:h.idx]
        # '… Peabody said: "…," adding that …': the quotation that ends the statement closed on its comma
        if _REPORTING_TAIL.match(tail) or (COMMA_INSIDE_QUOTE and not tail.strip() and h.doc[h.i - 1].text != ","):
            r.source, r.src_head = outer.source, outer.src_head


#: a finite cue verb the parse left without a subject takes the capitalised words right before it, when
#: they open the sentence or follow a comma ("In a statement, Husted said …" with "Husted" tagged a verb;
#: "One Republican threatened …" with "Republican" an adjective of the verb)
NAME_BEFORE_SUBJECTLESS_CUE = True
_NAME_LEFT_EDGES = frozenset({",", ":", ";", "”", '"', "''", "—", "–"})


def _names_before_subjectless_cues(raws: list[RawStatement], ctx: _Ctx) -> None:
    """See :data:`NAME_BEFORE_SUBJECTLESS_CUE`."""
    doc = ctx.doc
    for r in raws:
        h = r.head
        if r.source is not None or h is None or not r.rule.startswith("verb"):
            continue
        if any(c.dep_ in SUBJ_DEPS + PASS_SUBJ_DEPS for c in h.children):
            continue
        if not (h.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "aux:pass") and c.tag_ in FINITE_TAGS for c in h.children)):
            continue
        first = token_at(doc, r.cue[0])
        if first is None:
            continue
        sent_start = first.sent.start
        i = first.i - 1
        while i >= sent_start and doc[i].pos_ == "ADV" and doc[i].text.islower() and first.i - i <= 2:
            i -= 1  # "One Republican also threatened"
        end = i
        while i >= sent_start and doc[i].text[:1].isupper() and not doc[i].is_punct:
            i -= 1
        if i == end:
            continue
        if i >= sent_start and doc[i].text not in _NAME_LEFT_EDGES:
            continue
        words = doc[i + 1:end + 1]
        if all(t.is_stop for t in words):
            continue  # "But", "And", "The"
        span = (words[0].idx, words[-1].idx + len(words[-1]))
        if any(s < span[1] and span[0] < e for s, e in r.content):
            continue
        r.source, r.src_head = span, words[-1]


#: a sentence the parse rooted in a noun has no main verb, so a cue verb hung on that noun as a clause
#: after a comma is the main verb, and the noun phrase before it its subject ("Keron Blair, executive
#: director of the group, called for more investment": "called" as a clause modifying "Blair")
ROOT_NOUN_IS_SUBJECT = True
#: ... when that noun phrase is short: a long one is more likely a clause the parse misread
ROOT_NOUN_MAX_TOKENS = 15


def _root_nouns_as_subjects(raws: list[RawStatement], ctx: _Ctx) -> None:
    """See :data:`ROOT_NOUN_IS_SUBJECT`."""
    doc = ctx.doc
    for r in raws:
        h = r.head
        if r.source is not None or h is None or not r.rule.startswith("verb") or h.dep_ not in ("acl", "acl:relcl"):
            continue
        if h.tag_ == "VBG":
            continue  # "X points to Y, noting …" with "points" taken for a noun: a participle is no main verb
        opener = token_at(doc, r.content[0][0]) if r.content else None
        if opener is not None and opener.tag_ in FINITE_TAGS:
            continue  # "Hank, known as “…”, rapped …": the content's own verb is the main verb
        root = h.head
        if root.dep_ != "ROOT" or root.pos_ not in ("NOUN", "PROPN") or root.i >= h.i:
            continue
        if any(c.dep_ in SUBJ_DEPS + PASS_SUBJ_DEPS for c in h.children) or doc[h.i - 1].text != ",":
            continue
        if any(t.pos_ in ("VERB", "AUX") and t.dep_ != "acl" and t.i < h.i and t.head.i == root.i for t in root.children):
            continue
        first = min(t.i for t in root.subtree)
        if h.i - 1 <= first or h.i - first > ROOT_NOUN_MAX_TOKENS or any(
                t.pos_ == "VERB" or t.tag_ in FINITE_TAGS for t in doc[first:h.i - 1]):
            continue  # a verb before the cue: not a plain noun phrase
        last = doc[h.i - 2]
        if any(t.text == "," for t in doc[first:h.i - 1]):
            last = doc[h.i - 1]  # an apposition keeps its closing comma, as sources set off by commas do
        span = (doc[first].idx, last.idx + len(last))
        if any(s < span[1] and span[0] < e for s, e in r.content):
            continue
        r.source, r.src_head = span, root


#: a relative or free-relative pronoun right before the source stands for what is said and goes on the
#: content: "a tax, which critics say | could drive firms away" (content "which ‖ could drive …"), "what
#: aides called | “a landmark speech”", "what the senators said | was a giveaway" (content "what ‖ was a
#: giveaway"); a pronoun after a preposition ("in which he said") is an adverbial and stays out. This reads
#: the words, for the parses that hang the pronoun elsewhere than on the cue (``verbs.RELATIVE_PRONOUN_CONTENT``
#: takes one hung on it)
RELATIVE_WORD_IN_CONTENT = True
_RELATIVE_TAGS = frozenset({"WDT", "WP"})
RELATIVE_SOURCE_MAX_TOKENS = 8


def _relative_words_into_content(raws: list[RawStatement], ctx: _Ctx) -> None:
    """See :data:`RELATIVE_WORD_IN_CONTENT`. The pronoun fills a gap after the cue: the missing subject of
    a finite clause ("which critics say | could …") or the object of a naming verb ("what aides called |
    X"); the source between them is a plain noun phrase."""
    doc, text = ctx.doc, ctx.text
    for r in raws:
        if r.source is None or not r.content or not r.rule.startswith("verb"):
            continue
        first = token_at(doc, r.source[0])
        if first is None or text[r.source[1]:r.cue[0]].strip():
            continue
        last = token_at(doc, r.source[1] - 1)
        if last is None:
            continue
        src = list(doc[first.i:last.i + 1])
        if len(src) > RELATIVE_SOURCE_MAX_TOKENS or any(t.is_punct and t.text not in (".", "'s", "’s") for t in src):
            continue  # a clause, list or apposition before the cue: no plain source
        if first.lower_ in RELATIVE_WORDS and first.tag_ in _RELATIVE_TAGS:
            if len(src) < 2:
                continue  # "who said …": the pronoun is the source
            rel, new_source = first, (src[1].idx, r.source[1])
        elif first.i > 0 and doc[first.i - 1].lower_ in RELATIVE_WORDS and (
                doc[first.i - 1].tag_ in _RELATIVE_TAGS or doc[first.i - 1].lower_ == "that"):
            rel, new_source = doc[first.i - 1], r.source  # "that" the tagger took for a conjunction: the gap decides
        else:
            continue
        if rel.lower_ != "what" and rel.i > 0 and doc[rel.i - 1].pos_ == "ADP":
            continue  # "in which he said …": the clause says where, not what
        piece = (rel.idx, rel.idx + len(rel))
        after = next((t for t in doc[r.head.i + 1:] if t.idx >= r.cue[1] and not t.is_space), None) \
            if r.head is not None else None
        if after is None or after.is_punct or r.cue[1] != r.head.idx + len(r.head):
            continue  # "the men that he referred to | were …": the pronoun goes with the preposition
        # "… say | could leave", "what he said | was a giveaway"; a participle or bare form right after the
        # cue is the tagger's reading of a finite verb ("laws that courts said | discriminated")
        gap_subject = after.tag_ in FINITE_TAGS or (after.tag_ in ("VBN", "VB") and r.lemma not in NAMING_VERBS)
        # a naming verb alone ("called", not "is calling"): its object is the pronoun
        naming = r.lemma in NAMING_VERBS and not gap_subject and r.cue[0] == r.head.idx
        if not (gap_subject or naming):
            continue
        rest = [(s, e) for s, e in r.content if s >= r.cue[1]]
        if r.content == [piece] and gap_subject:
            # "what the senators said was X": the parse hung the clause on the pronoun's head
            end = after.sent.end_char
            for t in doc[after.i + 1:after.sent.end]:
                if t.text in (";", "—", "--") or (t.text == "," and t.i + 1 < len(doc)
                                                   and doc[t.i + 1].pos_ in ("CCONJ", "SCONJ")):
                    end = t.idx  # ", but …": the clause is over
                    break
            rest = [_trim(text, after.idx, end, ".;:!?")]
        elif len(rest) != len(r.content) or not rest or rest[0][0] != after.idx:
            continue  # content elsewhere, or not right after the cue
        r.content = [piece] + rest
        r.source = new_source


#: an indirect content that ends at a colon goes on over what the colon introduces, to the end of its
#: sentence or of the quotation it opens ("he is left with only two options: vote for Clinton or …",
#: "said of his fiancée: “I'm going to marry her. …”"), unless another statement starts there
COLON_ELABORATION = True


def _colon_elaborations(raws: list[RawStatement], ctx: _Ctx) -> None:
    """See :data:`COLON_ELABORATION`."""
    doc, text = ctx.doc, ctx.text
    starts = {p for r in raws for p in ((r.cue[0],) + ((r.source[0],) if r.source else ()))}
    for r in raws:
        if not r.content or not (r.rule.startswith("verb:") or r.rule.startswith("according")) \
                or r.rule.startswith("verb:obl"):
            continue  # an oblique ("wrote on Facebook:") is where or to whom it was said, not what
        last = max(range(len(r.content)), key=lambda k: r.content[k][1])
        e = r.content[last][1]
        gap = text[e:e + 4]
        colon = e + len(gap) - len(gap.lstrip(" \t"))
        if text[colon:colon + 1] != ":":
            continue
        nxt = token_at(doc, colon)
        nxt = doc[nxt.i + 1] if nxt is not None and nxt.i + 1 < len(doc) else None
        if nxt is None or "\n" in text[colon:nxt.idx] or nxt.is_space:
            continue
        qi = ctx.quote_at(nxt.idx + 1) if nxt.is_quote else None
        if qi is not None and ctx.double[qi].start == nxt.idx:
            end = ctx.double[qi].end
        else:
            end = nxt.sent.end_char
        if any(colon < p < end for p in starts):
            continue
        piece = _clean_content(text, r.content[last][0], end)
        if piece[1] > e:
            r.content[last] = piece


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
    tokens (comparing ``doc.text`` itself would rebuild the whole string on every call). The parser reads
    typographic spaces as plain ones (:mod:`counterclaim.nlp.spaces`), so those compare equal."""
    if len(doc) == 0:
        return not text.strip()
    last = doc[-1]
    if last.idx + len(last.text_with_ws) != len(text):
        return False
    step = max(1, len(doc) // 64)
    return all(plain_spaces(text[t.idx:t.idx + len(t.text)]) == plain_spaces(t.text)
               for t in (doc[i] for i in range(0, len(doc), step)))


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
    parents = nesting(out)
    return tuple(dataclasses.replace(st, nested_in=parents[st.id]) if st.id in parents else st for st in out)


def nesting(statements: Sequence[Statement]) -> dict[str, str]:
    """Which statement reports which: statement id -> the id of the statement whose content holds its cue
    (the innermost when contents nest: "according to Press TV, Hezbollah said that it regards …" nests
    "regards" in Hezbollah's statement and that in Press TV's). Never a cycle: where contents hold each
    other's cues, the link through the longer content goes."""
    links: dict[str, tuple[str, int]] = {}
    for st in statements:
        best: Optional[tuple[int, str]] = None
        for other in statements:
            if other.id == st.id:
                continue
            for c in other.content:
                if c.start <= st.cue.start and st.cue.end <= c.end:
                    if best is None or c.end - c.start < best[0]:
                        best = (c.end - c.start, other.id)
        if best is not None:
            links[st.id] = (best[1], best[0])
    for sid in list(links):  # break cycles at their longest link
        path, cur = [], sid
        while cur in links and cur not in path:
            path.append(cur)
            cur = links[cur][0]
        if cur in path:
            cycle = path[path.index(cur):]
            del links[max(cycle, key=lambda k: (links[k][1], k))]
    return {k: v for k, (v, _) in links.items()}
