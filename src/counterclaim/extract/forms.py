"""Attribution forms beside the cue verb: ``according to X``, headlines, quotations over sentences.

* ``..., according to Iran's Press TV``: the noun phrase after "according to" is the source, the rest
  of the sentence the content (rule ``according``);
* ``Iran: Oct. 7 attack was revenge...; Hamas: No it wasn't`` in headlines and subheads (rule
  ``headline``);
* a direct quote's continuations: the quotes after its reporting sentence (``“A,” he said. “B.”``) and
  the paragraphs that go on with it, and the quoted sentences before it (``“A.” “B,” she said``);
* layout forms without a verb: the speaker labels of a transcript (``WALLACE: Let's start ...``; rule
  ``transcript``) and a quotation credited after a dash (``“…” ― Sonya Herridge``; rule ``dash_credit``);
* a fronted poll (``In the latest Post-ABC poll, Clinton led ...``; rule ``in_poll``).

The flag ``PRECEDING_QUOTES`` is read from this module at call time: to toggle it, set it here, not on
:mod:`counterclaim.extract.statements`.
"""

from __future__ import annotations

import bisect
import re
from typing import Any, Optional

from counterclaim.extract.contents import _clean_content, _snap_to_quotes, _strip_connective
from counterclaim.extract.gazetteer import load_knowledge, load_speaker_nouns
from counterclaim.extract import sources
from counterclaim.extract.sources import _np_right
from counterclaim.extract.speech_acts import act_lemma, load_ambiguous
from counterclaim.extract.statement_base import FINDING_NOUNS, HEADLINE_ROLES, RawStatement, _Ctx, _trim, token_at

#: A headline source: at most this many tokens before ":".
HEADLINE_MAX_SOURCE_TOKENS = 6
#: Confidence of structural rules without a learned score.
RULE_CONFIDENCE = {"headline": 0.8, "according": 0.9, "transcript": 0.8, "dash_credit": 0.8}
#: Longest rest of a reporting clause between a quote and its continuation (characters): long enough for
#: the source's appositive ('“…,” said Douglas Holtz-Eakin, an economist who served as director of the
#: Congressional Budget Office and is now president of …. “…”'; 100 -> 200: PolNeAR content F1 +0.0006
#: dev, +0.0004 train; 300 gives the same).
CONTINUATION_MAX_GAP = 200
#: a paragraph opening with a quotation right after a direct statement's paragraph continues it
NEXT_PARAGRAPH_QUOTES = True
#: a quotation after an indirect statement whose reporting clause closes its sentence ("X, Schiff said.
#: “The other factor …”") continues its content
INDIRECT_CONTINUES = True
#: a continuation quote that ends its sentence inside the marks may be followed by other text
CLOSED_QUOTE_CONTINUES = True
#: a quotation that goes on after a medial reporting clause ending in a comma ("“…,” he said, but “…”",
#: "“…,” Schiff told X on Wednesday, “but …”") continues the content, with its connective
MEDIAL_CLAUSE_CONTINUES = True
_MEDIAL_GAP = re.compile(r"^[^“”\"\n.;:!?]*,\s*((?:and|but|or|yet)(?:\s+(?:still|also|then|not))?\s+)?$")
#: the lower-case words right after an "according to" source that is a plain noun phrase (no comma or
#: dash), with no comma between, are the source's: its participle or relative ("a poll released
#: Thursday", "data available from the FBI", "reports Mr. Schoen filed as a lobbyist"). A clause after
#: a comma opened by a conjunction ("…, according to X, but …") stays content: PolNeAR dev has it so,
#: train not.
ACCORDING_SOURCE_TAIL = True
#: a fronted "According to X," runs to its comma (_according)
ACCORDING_FRONTED_COMMA = True
#: a fronted "according to" phrase (after "But," too) ends at its first comma where a clause follows it ("According
#: to the budget office, the rise in deficits ''is mainly attributable …''", not an apposition of the source)
ACCORDING_MAIN_CLAUSE = True
_OPENING_CONNECTIVE = re.compile(r"(?i)(?:and|but|yet|so|still|however|meanwhile|also|now|instead)\s*,?")


def _clause_after(doc: Any, comma_i: int, ctx: _Ctx) -> bool:
    """Whether a finite verb follows the comma at ``comma_i`` before the next comma or the sentence's end, outside
    a relative clause ("the rise in annual deficits is …"; not "a spokesman, who said …" nor "a spokesman,")."""
    sent_end = doc[comma_i].sent.end
    for t in doc[comma_i + 1:sent_end]:
        if t.text in (",", ";", "—", "–") or t.lower_ in ("who", "which", "that", "whose"):
            return False
        if t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBZ", "VBP", "VBD", "MD"):
            return True
    return False


#: a source whose words after it lack a subject gives back what follows its first comma (_according)
ACCORDING_SUBJECT_BACK = True
#: ... also when the parse made the source phrase the sentence's root, and over a relative clause after it
ACCORDING_ROOT_SOURCE = True
#: a quotation's sentence that leads into it is part of the content (_mixed_lead_in)
MIXED_LEAD_IN = True
#: a lead-in is taken also when the quotation goes on after the reporting clause ("The summit
#: accomplished “too little,” he added. “Without …”"): it joins the first piece
LEAD_IN_BEFORE_CONTINUATIONS = True
#: a lead-in drops its opening topic phrase ("As for X,", "X aside,"). (Dropping a connective too,
#: "Yet,", "Still,": dev content +0.0003 more, but train whole -0.0001: PolNeAR keeps them as often.)
LEAD_IN_TOPIC_PHRASE = True
_TOPIC_PHRASE = re.compile(r"(?:As for|As to|Asked about|Asked whether)\b[^,“”\"]{1,80},\s*|[^,“”\"]{1,40}\baside,\s*")
#: sentences of a quotation before its reporting sentence join the content
PRECEDING_QUOTES = True


#: an "according to" source ends on a word: no colon, dash or unmatched parenthesis after it ("HuffPo:", "the
#: National Academies report -", "exit polls)"), and it keeps an abbreviation's own full stop ("U.S.")
ACCORDING_SOURCE_PUNCT = True
_SOURCE_END_MARKS = ",.;:-–—("


#: "But HarperCollins declined ..., according to X": the opening conjunction or connective is not content
ACCORDING_CONNECTIVES = True
OPENING_CONJUNCTIONS = ("and ", "but ", "so ", "yet ", "or ")


def _strip_opening_conjunction(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop a coordinating conjunction that opens a content ("But HarperCollins declined ...")."""
    if text[s:e].lower().startswith(OPENING_CONJUNCTIONS):
        return _trim(text, s + text[s:e].index(" ") + 1, e)
    return s, e


#: "according to" a measure or a rule, right after the words it modifies ("segregate according to gender",
#: "vote according to their preference", "according to age groups"), says how, not who said so
ACCORDING_MANNER = True
MANNER_NOUNS = frozenset({"gender", "sex", "age", "ages", "preference", "preferences", "way", "ways", "plan",
                          "schedule", "rules", "rule", "custom", "customs", "tradition", "procedure", "procedures",
                          "protocol", "need", "needs", "size", "height", "weight", "income", "type", "category",
                          "class", "rank", "merit", "ability", "instructions", "script",
                          "order", "priority", "color", "colour", "race", "religion", "region", "location"})


def _according(tok: Any, p: float, ctx: _Ctx) -> Optional[RawStatement]:
    text = ctx.text
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    cue = (tok.idx, nxt.idx + len(nxt))
    # the source is the noun phrase "according to" marks
    src_tok = tok.head if tok.dep_ in ("case", "mark") else None
    if src_tok is not None and sources.SPACE_EDGES_OUT and src_tok.is_space:
        src_tok = None  # "according to  Uzi Arad": the parse hung the phrase on a second space
    if src_tok is None or src_tok.i <= nxt.i:
        cands = [t for t in doc[nxt.i + 1: min(len(doc), nxt.i + 8)] if t.pos_ in ("NOUN", "PROPN", "PRON")
                 and not (sources.SPACE_EDGES_OUT and t.is_space)]
        src_tok = cands[0] if cands else None
    if src_tok is None:
        return None
    if ACCORDING_MANNER and src_tok.lower_ in MANNER_NOUNS and not text[:tok.idx].rstrip().endswith((",", "—", "(")) \
            and text[tok.sent.start_char:tok.idx].strip():
        return None  # "segregate passengers according to gender": how, not who says so
    toks = [t for t in src_tok.subtree if t.i > nxt.i]
    s_lo = min(t.idx for t in toks)
    s_hi = max(t.idx + len(t) for t in toks)
    np = _np_right(doc, nxt.i + 1, tok.sent.end)
    if np is not None:  # the parse may cut "Iran's state-owned Press TV": take the whole name phrase
        s_hi = max(s_hi, doc[np[1] - 1].idx + len(doc[np[1] - 1]))
    sent = tok.sent
    lead = text[sent.start_char:cue[0]].strip(" \t\n\xa0\"“'‘")
    if ACCORDING_FRONTED_COMMA and (not lead or (ACCORDING_MAIN_CLAUSE and _OPENING_CONNECTIVE.fullmatch(lead))):
        # "According to early results of exit polls conducted for the AP, majorities …": a fronted
        # "according to" phrase runs to its comma, whatever the parse hung its modifiers on
        comma = next((t for t in doc[nxt.i + 1:sent.end] if t.text == "," and ctx.quote_at(t.idx) is None), None)
        if comma is not None and comma.idx >= s_hi:
            s_hi = comma.idx
        elif ACCORDING_MAIN_CLAUSE and comma is not None and s_lo < comma.idx < s_hi and _clause_after(doc, comma.i, ctx):
            # "According to the budget office, the rise in annual deficits and debt ''is mainly …'': what follows
            # the comma is the main clause, not an apposition of the source
            s_hi = comma.idx
        elif ACCORDING_ROOT_SOURCE and comma is not None and src_tok.dep_ == "ROOT":
            # the parse made the source the sentence's root ("According to the Mail on Sunday, which said
            # …, X were taken to hospital"): the source ends at its comma, or after its relative clause
            s_hi = comma.idx
            if comma.i + 1 < sent.end and doc[comma.i + 1].lower_ in ("which", "who"):
                nxt_comma = next((t for t in doc[comma.i + 2:sent.end] if t.text == "," and ctx.quote_at(t.idx) is None), None)
                if nxt_comma is not None:
                    s_hi = nxt_comma.idx
    source = sources._without_trailing_marks(text, doc, *_trim(text, s_lo, s_hi), _SOURCE_END_MARKS) \
        if ACCORDING_SOURCE_PUNCT else _trim(text, s_lo, s_hi, ",.;")
    if ACCORDING_SUBJECT_BACK and ", " in text[source[0]:source[1]]:
        # "According to an unverified report, Father John O'Neal, 71, briefly went …": the words after
        # the source have no subject; the parse hung it on the source as an appositive
        first = token_at(doc, _clean_content(text, source[1], sent.end_char)[0])
        if first is not None and first.i < sent.end and first.pos_ in ("VERB", "AUX", "ADV") and first.is_lower:
            comma = text.index(", ", source[0], source[1])
            source = _trim(text, source[0], comma, ",.;")
    before = _clean_content(text, sent.start_char, cue[0])
    if ACCORDING_CONNECTIVES:
        before = _strip_opening_conjunction(text, *_strip_connective(text, *before))
    if ACCORDING_MAIN_CLAUSE and lead and _OPENING_CONNECTIVE.fullmatch(lead):
        before = (cue[0], cue[0])  # "But, according to …": the conjunction alone says nothing
    after = _clean_content(text, source[1], sent.end_char)
    if ACCORDING_SOURCE_PUNCT:  # what the source left behind is no part of the content ("exit polls) … ")
        k = after[0]
        while k < after[1] and text[k] in "-–—):;, \n\t\xa0":
            k += 1
        after = (k, after[1])
    if ACCORDING_SOURCE_TAIL and after[1] > after[0]:
        gap = text[source[1]:after[0]]
        first = token_at(doc, after[0])
        if not gap.strip() and text[after[0]:after[0] + 1].islower() and first is not None \
                and not any(c in text[source[0]:source[1]] + " " for c in (",", "—", "–", " - ")):
            # "according to a poll released Thursday", "… an interview his brother gave to ITV": the words
            # right after the source, with no comma between, still describe the source
            tail_end = next((t.idx for t in doc[first.i:sent.end]
                             if t.text in (",", ";", "—", "–", ":") or t.is_quote), None)
            end = _trim(text, after[0], tail_end if tail_end is not None else after[1], ".")[1]
            if ACCORDING_SOURCE_PUNCT:
                end = sources._without_trailing_marks(text, doc, after[0], end, _SOURCE_END_MARKS)[1]
            source = (source[0], end)
            after = _clean_content(text, end, sent.end_char)
    pieces = [pc for pc in (before, after) if pc[1] - pc[0] > 2]
    if not pieces:
        return None
    pieces, _, used = _snap_to_quotes(pieces, ctx)
    st = RawStatement(cue, source, pieces, "according_to", "according", max(p, RULE_CONFIDENCE["according"]),
                      head=tok, src_head=src_tok, lemma="according")
    st.quote_ids = used
    return st


#: a transcript's speaker label at the start of a paragraph ("WALLACE:", "MR. PENCE:"), after an optional
#: opening quotation mark (transcripts quoted paragraph by paragraph). Interview "Q:"/"A:" labels are
#: left out: they name no one (and PolNeAR leaves them unannotated).
TRANSCRIPT_LABEL_RE = re.compile(r"""[\s"“”'‘]*((?:[A-Z][A-Z.'’\-]*[A-Z.])(?:\s+[A-Z][A-Z.'’\-]*[A-Z.]){0,3})\s*:\s+(?=\S)""")
#: labels that head sections, not speakers ("UPDATE:", "EDITOR'S NOTE:")
NON_SPEAKER_LABELS = frozenset({"UPDATE", "UPDATED", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "EDITORS NOTE",
                                "WATCH", "VIDEO", "PHOTOS", "PHOTO", "READ MORE", "RELATED", "CORRECTION",
                                "ADVERTISEMENT", "SOURCE", "SOURCES", "BREAKING", "BREAKING NEWS", "ALSO READ",
                                "SEE ALSO", "CLARIFICATION", "DISCLAIMER", "WARNING", "LIVE", "ANALYSIS",
                                "OPINION", "FACT CHECK", "TL;DR", "PS", "P.S.", "FILE", "MORE", "LISTEN"})
#: a document is a transcript when its paragraph labels are at least this many different ones ("WALLACE:"
#: and "PENCE:"; one "UPDATE:"-like label is not), of which at least this share name a person known from
#: the text or the NER
TRANSCRIPT_MIN_SPEAKERS = 2
TRANSCRIPT_PERSON_SHARE = 0.5
#: a closing double quotation mark, then on the same line a dash and a name: "“…” ― Sonya Herridge, 24"
#: (the name ends at a comma, a bracket or the end of the line; a dash and name on a line of their own
#: after a paragraph are a byline)
DASH_CREDIT_RE = re.compile(r"""[”"][ \t\xa0]*([―—–])[ \t\xa0]*([A-Z][^\n,;:()\[\]“”"]{1,60}?)[ \t\xa0]*(?=[,;(\[\n]|$)""")
DASH_CREDIT_MAX_WORDS = 6
#: a closing mark, lower-case words and a new opening mark: a reporting clause between two quotations
REPORTING_BETWEEN_QUOTES_RE = re.compile(r"[”\"],?\s+[a-z][^“\n]*“")
#: lower-case words a credited name may contain ("Ludwig van Beethoven", "Ali al-Sistani")
NAME_PARTICLES = frozenset({"de", "da", "del", "della", "der", "di", "du", "la", "le", "van", "von", "bin", "ibn",
                            "al", "el", "y", "dos", "das", "ter", "ten"})


def _layout_statements(ctx: _Ctx) -> list[RawStatement]:
    """Statements that layout marks, not verbs, attribute: transcript speaker labels and dash credits."""
    return _transcript_turns(ctx) + _dash_credits(ctx)


def _transcript_turns(ctx: _Ctx) -> list[RawStatement]:
    """``WALLACE: Let's start with ...`` / ``PENCE: Well, look, ...``: in a document with paragraphs opened
    by capitalised labels and a colon that name at least :data:`TRANSCRIPT_MIN_SPEAKERS` people, each such
    paragraph is a direct statement of the labelled speaker (cue: the colon)."""
    doc, text = ctx.doc, ctx.text
    turns = []
    for par in ctx.document.paragraphs:
        if par.role in HEADLINE_ROLES or par.role == "caption":
            continue
        m = TRANSCRIPT_LABEL_RE.match(text, par.start, par.end)
        if m is None or m.group(1).strip(" .") in NON_SPEAKER_LABELS:
            continue
        turns.append((par, m))
    if len(turns) < TRANSCRIPT_MIN_SPEAKERS:
        return []
    # the labels must name people: a label names a person when its last word is a word of a person named
    # elsewhere in the text ("PENCE" / "Mike Pence") or the NER reads it as a person; teaser and caption
    # labels ("SHOCK LOSS:", "CANBERRA:") do not
    labelled = {(m.start(1), m.end(1)) for _, m in turns}
    person_words = {w.lower_ for e in doc.ents if e.label_ == "PERSON"
                    and not any(s <= e.start_char < t for s, t in labelled) for w in e}

    def names_person(m) -> bool:
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        return span is not None and (span[-1].lower_ in person_words or any(t.ent_type_ == "PERSON" for t in span))

    labels = {m.group(1) for _, m in turns}
    people = {m.group(1) for _, m in turns if names_person(m)}
    if len(labels) < TRANSCRIPT_MIN_SPEAKERS or not people or len(people) < TRANSCRIPT_PERSON_SHARE * len(labels):
        return []
    out = []
    for par, m in turns:
        colon = text.index(":", m.end(1))
        content = _clean_content(text, m.end(), par.end)
        content = _trim(text, *content, "\"“”")
        head = token_at(doc, colon)
        src = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if content[1] - content[0] < 2 or head is None or src is None:
            continue
        out.append(RawStatement((colon, colon + 1), (m.start(1), m.end(1)), [content], "direct", "transcript",
                                RULE_CONFIDENCE["transcript"], head=head, src_head=src.root, lemma=":"))
    return out


def _dash_credits(ctx: _Ctx) -> list[RawStatement]:
    """``“Mr. Trump is clueless …” ― Stephanie Egan``: a quotation followed by a dash and a name is a
    direct statement of that name (cue: the dash) when the quotation is the whole line before the dash
    (its marks need not pair). The content is that line."""
    doc, text = ctx.doc, ctx.text
    out = []
    for m in DASH_CREDIT_RE.finditer(text):
        name = m.group(2).strip().rstrip(".")
        words = name.split()
        if not words or len(words) > DASH_CREDIT_MAX_WORDS or \
                not all(w[:1].isupper() or w.lower().split("-")[0] in NAME_PARTICLES for w in words):
            continue  # "– Ready to quiz Trump" is a headline, not a name
        src = doc.char_span(m.start(2), m.start(2) + len(name), alignment_mode="expand")
        head = token_at(doc, m.start(1))
        if src is None or head is None or not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in src):
            continue
        close = m.start() + 1  # just after the closing mark
        line_start = text.rfind("\n", 0, m.start()) + 1
        lo = _trim(text, line_start, close)[0]
        if text[lo] not in "“”\"`" or REPORTING_BETWEEN_QUOTES_RE.search(text, lo + 1, close - 1):
            continue  # a sentence, or quotes around a reporting clause ("“No,” he said. “It was not.” — X")
        content = (lo, close)  # the line is the quotation (its marks need not pair: ”…” is common)
        if content[1] - content[0] < 3:
            continue
        out.append(RawStatement((m.start(1), m.start(1) + 1), (src.start_char, src.end_char), [content], "direct",
                                "dash_credit", RULE_CONFIDENCE["dash_credit"], head=head, src_head=src.root,
                                lemma=m.group(1)))
    return out


#: nouns of measured opinion: "In the latest Post/ABC poll, Clinton led by 5 points" attributes the rest of
#: the clause to the poll
POLL_NOUNS = frozenset({"poll", "polls", "survey", "surveys", "census"})


def _in_poll(tok: Any, ctx: _Ctx) -> Optional[RawStatement]:
    """``In the previous Washington Post/ABC News poll, Clinton led Trump by 5 points``: a sentence-initial
    "in" + a particular poll, set off by a comma, is a cue; the poll phrase is the source and the clause
    without the phrase the content. ("gains in the polls" inside a clause is not: on PolNeAR train that
    reading was right one time in three.)"""
    if tok.lower_ != "in" or tok.dep_ != "case" or tok.head.lower_ not in POLL_NOUNS:
        return None
    noun = tok.head
    verb = noun.head
    if noun.dep_ not in ("obl", "nmod") or verb.pos_ not in ("VERB", "AUX", "ADJ", "NOUN") or verb.i == noun.i:
        return None
    if noun.dep_ == "nmod" and verb.pos_ == "NOUN" and verb.head.pos_ not in ("VERB", "AUX"):
        return None
    doc, text = ctx.doc, ctx.text
    phrase = sorted(t.i for t in noun.subtree)
    if phrase[0] != tok.i or tok.i != tok.sent.start or phrase[-1] + 1 >= len(doc) or doc[phrase[-1] + 1].text != ",":
        return None  # only a fronted phrase set off by a comma: "in the polls" inside a clause is no source
    if not any(c.dep_ in ("compound", "amod", "nmod", "flat", "nummod") for c in noun.children):
        return None  # a particular poll ("a CNN national poll"), not "the polls"
    clause = sorted(t.i for t in (verb.head if noun.dep_ == "nmod" else verb).subtree
                    if not (phrase[0] <= t.i <= phrase[-1]))
    src_lo = doc[tok.i + 1].idx
    source = _trim(text, src_lo, doc[phrase[-1]].idx + len(doc[phrase[-1]]), ",")
    before = [i for i in clause if i < phrase[0]]
    after = [i for i in clause if i > phrase[-1]]
    pieces = []
    for part in (before, after):
        if part:
            pc = _clean_content(text, doc[part[0]].idx, doc[part[-1]].idx + len(doc[part[-1]]))
            pc = _trim(text, *pc, ",")
            if pc[1] - pc[0] > 2:
                pieces.append(pc)
    if not pieces:
        return None
    return RawStatement((tok.idx, tok.idx + len(tok)), source, pieces, "according_to", "in_poll",
                        RULE_CONFIDENCE["according"], head=tok, src_head=noun, lemma="according")


#: a headline that ends with a comma, a name and a verb of saying ("Trade War Could Hurt Farmers, Graham
#: Says") is a statement: the name is the source, the words before the comma the content
HEADLINE_CREDIT = True


def _headline_credit(unit: Any, text: str) -> Optional[RawStatement]:
    """The statement of a headline ``<content>, <Name> <Says|Warns|…>`` (see ``HEADLINE_CREDIT``)."""
    toks = [t for t in unit if not t.is_space]
    while toks and toks[-1].is_punct and toks[-1].text in (".", "!"):
        toks.pop()
    if len(toks) < 4:
        return None
    verb = toks[-1]
    lem = act_lemma(verb)
    if lem is None or lem in load_ambiguous() or not verb.text[:1].isupper():
        return None
    comma = next((k for k in range(len(toks) - 2, 0, -1) if toks[k].text == ","), None)
    if comma is None or not 1 <= len(toks) - 1 - comma - 1 <= HEADLINE_MAX_SOURCE_TOKENS:
        return None
    src = toks[comma + 1:-1]
    if not all(w.text[:1].isupper() or w.text in ("’s", "'s", "-", ".") for w in src):
        return None
    content = _clean_content(text, toks[0].idx, toks[comma].idx)
    if content[1] - content[0] < 3:
        return None
    source = _trim(text, src[0].idx, src[-1].idx + len(src[-1]))
    return RawStatement((verb.idx, verb.idx + len(verb)), source, [content], "headline", "headline",
                        RULE_CONFIDENCE["headline"], head=verb, src_head=src[-1], lemma=lem)


#: the words before a headline's colon name a speaker: a named entity or proper noun (not in capitals), a known
#: actor, a name the article's entities end in, a noun that describes speakers ("Officials:", "Police:") or a
#: document ("Poll:"); not a label ("The Latest:", "BYLINE:", "EXCLUSIVE:", "Delegate Update:", "WARNING:")
HEADLINE_SOURCE_NAMES_SPEAKER = True


def _names_speaker(src: Any) -> bool:
    """Whether the span ``src`` before a headline's colon names a speaker (:data:`HEADLINE_SOURCE_NAMES_SPEAKER`)."""
    if any(w.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or w.pos_ == "PROPN" and not w.is_upper for w in src):
        return True
    head, nouns = src.root, load_speaker_nouns()
    if head.lemma_.lower() in nouns or head.lower_ in nouns or head.lemma_.lower() in FINDING_NOUNS:
        return True
    if load_knowledge().lookup(src.text) is not None:
        return True
    # a name the headline's parse missed that the article names ("Pence: …" over a story on Mike Pence)
    last = src[-1].text
    return last[:1].isupper() and any(
        e.label_ in ("PERSON", "ORG", "GPE", "NORP") and e.start >= src.end and e[-1].text == last for e in src.doc.ents)


def _headline_statements(ctx: _Ctx) -> list[RawStatement]:
    """``Iran: Oct. 7 attack was revenge...; Hamas: No it wasn't`` in headlines and subheads, and the
    trailing credit ``Iran Will Respond, IRGC Warns`` (:func:`_headline_credit`)."""
    doc, text = ctx.doc, ctx.text
    out = []
    # whole headline paragraphs, not sentences: the splitter may cut "Hamas: | No it wasn't"
    units = [doc.char_span(p.start, p.end, alignment_mode="expand") for p in ctx.document.paragraphs
             if p.role in HEADLINE_ROLES]
    for sent in units:
        if sent is None or len(sent) == 0:
            continue
        credit = _headline_credit(sent, text) if HEADLINE_CREDIT else None
        if credit is not None:
            out.append(credit)
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
            # a speaker before the colon is a name or a noun phrase ("Iran:", "US officials:"), not a title
            # phrase ("Cold as ice: ...", "A lesson from X: ...")
            if not any(w.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for w in src) and \
                    not all(w.pos_ in ("PROPN", "NOUN", "ADJ", "DET", "NUM", "PUNCT") for w in src):
                continue
            if HEADLINE_SOURCE_NAMES_SPEAKER and not _names_speaker(src):
                continue  # "The Latest:", "BYLINE:", "Breaking:", "Delegate Update:": a label, not a speaker
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


#: a short quoted title inside the reporting clause ("said on CBS's “Face the Nation” Sunday. “…”") does not
#: stop the quotation going on after the clause
TITLES_IN_REPORTING_CLAUSE = True
TITLE_MAX_WORDS = 6


def _quoted_title(text: str, q: Any, sent_end: int) -> bool:
    """Quotation ``q`` is a short title in the sentence that ends at ``sent_end``: a few capitalised words,
    no punctuation of its own, a word of the sentence right after it."""
    inner = text[q.start:q.end].strip("“”\"'‘’ ")
    words = inner.split()
    after = text[q.end:q.end + 2]
    return (q.start < sent_end and 0 < len(words) <= TITLE_MAX_WORDS and words[0][:1].isupper()
            and not any(c in inner for c in ".,;:!?") and after[:1] == " " and after[1:].isalnum())


def _continuations(raws: list[RawStatement], ctx: _Ctx) -> None:
    """Add the quotes that go on after a direct quote's reporting sentence: ``“A,” he said. “B.”``,
    and paragraphs that continue it (each paragraph one piece), until another statement's cue."""
    used = {qi for r in raws for qi in r.quote_ids}
    cue_starts = sorted(r.cue[0] for r in raws)
    text = ctx.text
    for r in raws:
        if r.head is None:
            continue
        if r.kind in ("direct", "mixed") and r.quote_ids:
            last = max(r.quote_ids)
            anchor = max(ctx.double[last].end, r.cue[1], r.source[1] if r.source else 0)
            j = last + 1
        elif (INDIRECT_CONTINUES and r.kind == "indirect" and r.content and not r.quote_ids
              and r.content[-1][1] <= r.cue[0]
              and ctx.text[r.content[-1][1]:min(r.cue[0], r.source[0] if r.source else r.cue[0])].strip() == ","):
            # "X, Schiff said. “The other factor …”": a fronted indirect content, the reporting clause
            # closing the sentence, then a quotation
            anchor = max(r.cue[1], r.source[1] if r.source else 0)
            j = bisect.bisect_left(ctx.dstarts, anchor)
            if j >= len(ctx.double) or (j > 0 and ctx.double[j - 1].end > r.content[0][0]):
                continue  # no quotation after it, or one inside the content: not this form
            last = j - 1
        else:
            continue
        sent_end = r.head.sent.end_char
        title: Optional[Any] = None  # a quoted title passed over in the reporting clause
        while j < len(ctx.double):
            q = ctx.double[j]
            if j in used or q.start < anchor:
                break
            if TITLES_IN_REPORTING_CLAUSE and title is None and _quoted_title(text, q, sent_end):
                title = q  # '… said during an interview on CBS's “Face the Nation” Sunday. “…”'
                j += 1
                continue
            gap = text[anchor:q.start]
            if title is not None:  # its marks are no quotation of the gap's
                gap = gap.replace(text[title.start:title.end], " " * (title.end - title.start))
            if q.start > sent_end and anchor <= sent_end:
                # the rest of the reporting sentence ("in a statement on Tuesday."), then the new quote
                gap = text[sent_end:q.start]
            prev = ctx.double[j - 1] if j > 0 else None
            if "\n" in gap and not (prev is not None and prev.continued and not gap.strip()):
                # a paragraph that opens with a quotation right after the reporting one goes on with the
                # same speaker ("“…,” Collins told MSNBC.\n\n“So the best way …”"), unless it has a cue;
                # what stands before the break is the rest of the reporting sentence
                head, _, tail = gap.rpartition("\n")
                if not (NEXT_PARAGRAPH_QUOTES and r.kind == "direct" and not tail.strip()
                        and ctx.paragraph_index(q.start) == ctx.paragraph_index(anchor) + 1
                        and (not head.strip() or head.rstrip().endswith("."))):
                    break
                gap = head.replace("\n", " ")
                crossed = True
            else:
                crossed = False
            lead = None  # "…,” he said, but “…”: the connective before the continuation is in its piece
            if gap.strip(" .,;:\t\xa0"):
                # the rest of the reporting clause ("said in a statement on Tuesday. “…”") may stand between
                k0 = bisect.bisect_left(cue_starts, anchor)
                own_cue = k0 < len(cue_starts) and cue_starts[k0] < q.start
                medial = (MEDIAL_CLAUSE_CONTINUES and not crossed and not own_cue and len(gap) <= CONTINUATION_MAX_GAP
                          and r.quote_ids and r.cue[0] >= ctx.double[last].end and _MEDIAL_GAP.match(gap))
                if medial and (medial.group(1) or text[q.start + 1:q.start + 2].islower()):
                    # "…,” Schiff told X on Wednesday, “but the attempt …”": the quoted sentence goes on
                    lead = q.start - len(medial.group(1) or "")
                elif own_cue or len(gap) > CONTINUATION_MAX_GAP or "\n" in gap or not gap.rstrip().endswith(".") \
                        or any(c in gap for c in "“”\""):
                    break
            k = bisect.bisect_left(cue_starts, q.start)
            if k < len(cue_starts) and cue_starts[k] < q.end:
                break  # the quote has its own cue
            nxt = text[q.end:q.end + 40].lstrip(" \t\xa0\u2009\u202f")
            ends_sentence = CLOSED_QUOTE_CONTINUES and text[q.start:q.end].rstrip("”\"'’ ")[-1:] in (".", "?", "!")
            if nxt and nxt[:1] not in "\n“\"'" and not q.continued and not ends_sentence:
                break  # text follows in the paragraph: a new reporting clause ("…,” she added.)
            if crossed and nxt and nxt[:1] != "\n":
                break  # a quotation in the next paragraph continues only when it is the whole paragraph
            r.content.append((lead if lead is not None else q.start, q.end))
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
        opener = token_at(ctx.doc, first_q.start)
        if opener is None or opener.sent.start_char != first_q.start:
            continue  # the quote does not open its sentence
        par = ctx.paragraph_index(first_q.start)
        i = opener.sent.start - 1
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


#: a lead-in may hold whole quotations of its own (only stray quotation marks keep it out)
LEAD_IN_WHOLE_QUOTES = True


def _mixed_lead_in(raws: list[RawStatement], ctx: _Ctx) -> None:
    """A quotation that its sentence leads into, with the reporting clause after it (``The country
    “has made dramatic changes,” McConnell said``, ``Not paying taxes ''makes me smart,'' Trump
    said``): the words before the quote are the speaker's too, paraphrased, and the content is mixed.
    The lead-in is the sentence up to the quote (the pipeline starts a sentence at an opening mark
    after a sentence's end), within the paragraph and after a semicolon; it is not taken when it has
    another statement's source or cue, another quotation, or a colon that frames the quote."""
    if not MIXED_LEAD_IN:
        return
    text = ctx.text
    marks = sorted(p for r in raws for p in ((r.cue,) + ((r.source,) if r.source else ())))
    for r in raws:
        if r.kind != "direct" or r.rule != "quote" or not r.content or not r.quote_ids:
            continue
        qs, qe = r.content[0]
        first = ctx.double[min(r.quote_ids)]
        if (qs, qe) != (first.start, first.end) or (len(r.content) > 1 and not LEAD_IN_BEFORE_CONTINUATIONS):
            continue  # the content opens with something else than its first quotation
        if qe > r.cue[0]:
            continue  # the reporting clause comes first
        opener = token_at(ctx.doc, qs)
        if opener is None:
            continue
        lo = max(opener.sent.start_char, ctx.document.paragraphs[ctx.paragraph_index(qs)].start
                 if ctx.document.paragraphs else 0)
        lead = text[lo:qs]
        if ";" in lead:  # "…; the party “will respond,” he said": the clause after the semicolon
            lo += lead.rfind(";") + 1
            lead = text[lo:qs]
        if LEAD_IN_WHOLE_QUOTES:  # 'The reports are "incorrect" and "unfounded," a spokesman said'
            for q in ctx.double:
                if lo <= q.start and q.end <= qs:
                    lead = lead[:q.start - lo] + " " * (q.end - q.start) + lead[q.end - lo:]
        if not lead.strip() or ":" in lead or any(c in lead for c in "“”\"\n") or "''" in lead:
            continue
        if any(ms < qs and lo < me for ms, me in marks):
            continue
        s, _ = _trim(text, lo, qs)
        if LEAD_IN_TOPIC_PHRASE:
            topic = _TOPIC_PHRASE.match(text, s, qs)
            if topic:  # "As for complexity, “…”", "Details aside, …": the writer's frame, not the speaker's words
                s = _trim(text, topic.end(), qs)[0]
        r.content = [(s, qe)] + r.content[1:]
        r.kind = "mixed"


#: a content that stops inside a quotation it opened runs on to the quotation's close
QUOTE_CLOSES_CONTENT = True


def _close_open_quotes(raws: list[RawStatement], ctx: _Ctx) -> None:
    """A content piece that opens a quotation and stops before its close (the sentence ended inside it:
    ``wired, "Dear Jack, Don't buy a single vote … I'll be damned …"``) runs on to the closing mark,
    within its paragraph, when no other statement's span lies in between."""
    if not QUOTE_CLOSES_CONTENT:
        return
    spans = [sp for r in raws for sp in [r.cue] + ([r.source] if r.source else []) + list(r.content)]
    for r in raws:
        for n, (s, e) in enumerate(r.content):
            qi = ctx.quote_at(e - 1)
            if qi is None:
                continue
            q = ctx.double[qi]
            if not (s <= q.start and e < q.end) or ctx.paragraph_index(q.end - 1) != ctx.paragraph_index(s):
                continue
            if any(a < q.end and e < b and (a, b) != (s, e) for a, b in spans):
                continue
            r.content[n] = (s, q.end)
