"""What was said: the content span of a cue verb and its clean-up.

The content comes from the cue's dependents in the parse, by the first that applies: a complement
clause, a passive's subject and infinitive (``was believed by Israel to ...``), the noun a relative
clause modifies (``an airstrike Iran has blamed on Israel``), an infinitive, an object with the
dependents that extend it (``called X an act of terror``, ``tied X to Y``), a naming verb's predicate
or a prepositional object (``talked about X``). Then the pieces are cleaned (no sentence full stop, no
trailing ``according to X``), grown to the right over what the parse attached elsewhere, snapped to
the double quotes they cover, given the words before a reporting clause set off inside them as a first
piece (``The weapons, he added, are ...``) and cut before a closing participle clause (``..., referring
to ...``).
"""

from __future__ import annotations

import re
from typing import Any, Optional

from counterclaim.extract.quotes import Quote
from counterclaim.extract.sources import _agent, _experiencer, _is_passive, _region, _title_before_name
from counterclaim.extract.statement_base import ADDRESSEE_VERBS, DATE_WORDS, PASS_SUBJ_DEPS, SUBJ_DEPS, _Ctx, _is_time, _subtree_span, _trim

#: "have vowed to take steps and imposed sanctions": after a perfect cue, "and" + an -ed form ends an
#: infinitive content even when the parse reads the participle as an adjective
PERFECT_COORDINATION_CUT = True
#: a subject relative clause ("who has complained about X") takes its content like a main clause
SUBJECT_RELATIVES_NORMAL = True
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
#: Dependents after the verb that extend an object content ("called X an act", "tied X to Y").
CONTENT_EXT_DEPS = frozenset({"obj", "iobj", "xcomp", "ccomp", "obl", "advcl", "nmod", "dep"})
CONTENT_OBL_CASES = frozenset({"to", "of", "on", "as", "for", "with", "about", "in", "from", "against", "over"})
#: the preposition that opens a passive cue's content: "was accused of X", "is criticized for X"
PASSIVE_CONTENT_CASES = frozenset({"of", "for", "over", "about", "as", "with"})
#: Verbs that name or characterise ("called it X", "what it described as X"): their content is the predicate.
NAMING_VERBS = frozenset({"call", "label", "term", "dub", "name", "describe", "brand"})
#: nouns of the occasion or medium of a statement: "tied X to Y in remarks he made", "said X in an
#: interview". An oblique headed by one belongs to the reporting clause, never to the content.
MEDIUM_NOUNS = frozenset({"remark", "remarks", "statement", "statements", "interview", "interviews", "speech",
                          "speeches", "tweet", "tweets", "post", "posts", "briefing", "conference", "address",
                          "letter", "op-ed", "video", "message", "testimony", "hearing", "broadcast", "appearance",
                          "email", "e-mail", "memo", "communique", "communiqué", "call", "rally", "podcast"})
#: Subject-case pronouns: an "object" in this form starts a clause ("saying he would").
SUBJECT_PRONOUNS = frozenset({"i", "he", "she", "we", "they"})
#: Words that introduce a complement clause and belong to the content.
COMPLEMENTISERS = frozenset({"that", "how", "what", "whether", "why", "if", "when", "who", "where"})
#: How many tokens after the cue a complementiser "that" may stand (addressee, time, place between).
THAT_WINDOW = 8
#: … and, right after the comma that closes the cue's adjuncts, up to :data:`THAT_AFTER_COMMA_WINDOW` tokens
THAT_AFTER_COMMA = True
THAT_AFTER_COMMA_WINDOW = 20
#: Content rules whose right-hand content grows to the end of its sentence (PolNeAR annotates whole
#: clauses; the parse often attaches their tail elsewhere).
EXTEND_RIGHT_RULES = frozenset({"ccomp", "remainder", "obj"})
#: Dependents of the cue that start a new clause and so end an extended content.
STOP_DEPS = frozenset({"conj", "parataxis", "advcl", "ccomp", "xcomp", "obl", "dep", "list"})
#: Words that open a new clause after a comma and end a content grown to the right.
CLAUSE_OPENERS = frozenset({"which", "who", "whom", "whose", "while", "although", "though", "whereas"})
#: Punctuation that ends an object content grown to the right ("questioning X, encouraging ...").
OBJ_STOP_PUNCT = frozenset({",", ";", ":", "—"})
#: Sentence connectives PolNeAR leaves out of a content ("However, ..., he said").
CONNECTIVES = frozenset({"however", "meanwhile", "still", "instead", "moreover", "furthermore", "indeed",
                         "nevertheless", "nonetheless", "yet", "also", "besides", "meantime", "in addition",
                         "in fact", "of course", "on the other hand", "for example", "for instance", "otherwise",
                         "similarly", "likewise", "thus", "therefore", "then", "now", "again"})
#: A content that is only one of these is no statement ("He is hailed as ..." gives content "He").
PRONOUN_CONTENTS = frozenset({"i", "he", "she", "we", "they", "it", "him", "her", "us", "them", "me", "you",
                              "this", "these", "those"})
#: … but an object pronoun or a demonstrative is what a stance is about ("Obama endorsed her", "Democrats opposed
#: it", "Politicians know this": PolNeAR annotates these), so only a subject-case pronoun alone is turned away
OBJECT_PRONOUN_CONTENTS = True
#: A trailing nested attribution ("…, according to Iran's Press TV") is a statement of its own, not content.
TRAILING_ATTRIBUTION_RE = re.compile(r",?\s+according to\b")


#: a passive cue with no other complement takes its predicate noun phrase ("was announced the winner")
PASSIVE_PREDICATE = True
#: a relative clause with its own object, or an adverbial one ("where …"), is read as a main clause; a
#: relative object pronoun's predicate after the verb joins the content ("which he described as X")
RELATIVE_GAPS = True
#: verbs of request whose object belongs with the infinitive ("asked the court to delay the trial": the
#: court delaying is what was asked); PolNeAR train has the object in 18 of 24 such contents of "ask"
REQUEST_OBJECT_VERBS = frozenset({"ask"})


#: "was accused by several women of sexual assault": the parse hangs the charge ("of" phrase) of a verb of
#: charging on its agent; it is the content, and no part of the source (sources._source_span)
AGENT_THEN_CHARGE = True
CHARGE_VERBS = frozenset({"accuse", "suspect", "convict", "charge", "acquit", "clear", "absolve"})


def _agent_charge(tok: Any) -> Optional[Any]:
    """The "of" phrase the parse hung on the agent of a passive verb of charging, or None."""
    if tok.lemma_.lower() not in CHARGE_VERBS:
        return None
    for c in tok.children:
        if c.dep_ in ("obl:agent", "nmod:agent") and c.i > tok.i:
            for g in c.children:
                if g.dep_ == "nmod" and g.i > c.i and any(x.dep_ == "case" and x.lower_ == "of" for x in g.children):
                    return g
    return None


#: see _content_from_children: ", X said." hung on a noun as a reduced relative clause is no relative
COMMA_ENDS_REDUCED_RELATIVE = True


#: objects of a verb that together make one phrase ("told Agence France-Presse", parsed as two objects
#: "France" and "Presse") are one addressee
SPLIT_NAME_OBJECTS = True


def _one_phrase(objs: list[Any]) -> bool:
    """Whether the objects are one phrase: a single object, or names whose subtrees follow each other
    with nothing but a hyphen or an apostrophe between them."""
    if len(objs) == 1:
        return True
    if not SPLIT_NAME_OBJECTS or not all(o.pos_ == "PROPN" for o in objs):
        return False
    spans = sorted((min(t.i for t in o.subtree), max(t.i for t in o.subtree)) for o in objs)
    doc = objs[0].doc
    return all(all(doc[k].text in ("-", "'", "’") for k in range(a_hi + 1, b_lo))
               for (_a_lo, a_hi), (b_lo, _b_hi) in zip(spans, spans[1:]))


#: an object of the cue right before its complement clause, when that clause has no subject and opens
#: with a quotation mark, is the clause's subject ("says voter fraud “would be one hell of a way to lose”":
#: the parse made "fraud" the object of "says"); not for verbs whose object is the addressee ("told")
SUBJECT_TAKEN_FOR_OBJECT = True


def _subject_taken_for_object(tok: Any, clause: Any, kids: list[Any]) -> Optional[Any]:
    """See :data:`SUBJECT_TAKEN_FOR_OBJECT`: the object token, or None."""
    if any(c.dep_ in ("nsubj", "nsubj:pass", "expl", "csubj") for c in clause.children):
        return None
    objs = [c for c in kids if c.dep_ in ("obj", "iobj") and tok.i < c.i < clause.i]
    if len(objs) != 1:
        return None
    doc = tok.doc
    obj_end = max(t.i for t in objs[0].subtree)
    clause_start = min(t.i for t in clause.subtree)
    between = doc[obj_end + 1:clause_start]
    if clause_start != obj_end + 1 and not (len(between) and all(t.text in _DOUBLE_MARKS or t.is_space for t in between)):
        return None
    if not (doc[clause_start].text in _DOUBLE_MARKS or any(t.text in _DOUBLE_MARKS for t in between)):
        return None
    return objs[0]


_DOUBLE_MARKS = frozenset({"“", '"', "''", "``", "„", "«"})


def _content_from_children(tok: Any, text: str, ctx: _Ctx) -> tuple[list[tuple[int, int]], str]:
    """Content pieces from the dependents of a cue verb, and the dependency that gave them."""
    kids = list(tok.children)
    lemma = tok.lemma_.lower()
    ccomp = [c for c in kids if c.dep_ in ("ccomp", "csubj:pass") or (c.dep_ == "parataxis" and c.i < tok.i)]
    if ccomp:
        c = ccomp[0]
        s, e = _subtree_span(c)
        if SUBJECT_TAKEN_FOR_OBJECT and c.i > tok.i and lemma not in ADDRESSEE_VERBS:
            subj = _subject_taken_for_object(tok, c, kids)
            if subj is not None:
                s = min(t.idx for t in subj.subtree)
        return [(s, e)], "ccomp"
    xcomp = [c for c in kids if c.dep_ == "xcomp"]
    objs = [c for c in kids if c.dep_ in ("obj", "iobj") and c.i > tok.i]
    if _experiencer(tok) is not None:
        # "advocates were outraged by the raids": the subject feels, the raids are what it is about (the
        # "by" joins the cue, verbs._build); without a "by" phrase the complements below give the content
        agent = _agent(tok)
        if agent is not None and not xcomp:
            return [_subtree_span(agent, exclude=[g for g in agent.children if g.dep_ == "case"])], "obl"
    elif _is_passive(tok) and any(c.dep_ in ("aux:pass", "aux", "cop") for c in kids) and tok.tag_ in ("VBN", ""):
        subj = [c for c in kids if c.dep_ in PASS_SUBJ_DEPS + ("nsubj",) and c.i < tok.i
                and c.pos_ in ("NOUN", "PROPN", "PRON")]
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
        agent_pp = _agent_charge(tok) if not xcomp and AGENT_THEN_CHARGE else None
        if not xcomp and PASSIVE_PREDICATE and agent_pp is None:  # "Sanders was announced the second-place winner"
            xcomp = [c for c in kids if c.dep_ in ("obj", "iobj") and c.i > tok.i][:1]
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
        elif agent_pp is not None:
            pieces.append(_subtree_span(agent_pp, exclude=[g for g in agent_pp.children if g.dep_ == "case"]))
        if pieces:
            return pieces, "passive"
    rel_subj = [c for c in kids if c.dep_ in SUBJ_DEPS and tok.head.i < c.i < tok.i]
    if SUBJECT_RELATIVES_NORMAL and any(c.lower_ in RELATIVE_PRONOUNS for c in rel_subj):
        # "Obama, who has often complained about X": the relative pronoun is the speaker; the content
        # comes from the verb's own complements, as in a main clause, not from the noun modified
        rel_subj = []
    rel_obj = [c for c in kids if c.dep_ == "obj" and c.i < tok.i and c.lower_ in ("which", "that", "what", "whom")]
    if RELATIVE_GAPS and (any(c.dep_ in ("obj", "xcomp") and c.i > tok.i for c in kids)
                          or any(c.dep_ == "advmod" and c.lower_ in ("where", "when", "why") and c.i < tok.i for c in kids)):
        # "where authorities reported at least 20 victims", "the time he said it": the clause has its own
        # object (no gap for the modified noun to fill) or is adverbial: its complements are the content
        rel_subj, rel_obj = [], []
    if COMMA_ENDS_REDUCED_RELATIVE and rel_subj and not rel_obj and not any(c.lower_ in RELATIVE_PRONOUNS for c in kids):
        first = min(tok.subtree, key=lambda t: t.i)
        comma = tok.doc[first.i - 1] if first.i > 0 else None
        last = max(tok.subtree, key=lambda t: t.i)
        closes = all(t.is_punct or t.is_space for t in tok.doc[last.i + 1:tok.sent.end])
        complement = any(c.i > tok.i and c.dep_ in ("ccomp", "xcomp", "obj", "parataxis") for c in kids) or any(
            t.i > tok.i and t.pos_ in ("VERB", "AUX") for t in tok.subtree)  # only adverbials after the verb
        # a quotation after the verb, or one that opens inside the words before it: the quote rules decide
        left_quotes = [t for t in tok.doc[tok.sent.start:first.i] if t.is_quote]
        quoted = any(t.is_quote for t in tok.doc[tok.i:tok.sent.end]) or (
            bool(left_quotes) and left_quotes[0].i > tok.sent.start)
        if comma is not None and comma.text == "," and comma.i > tok.sent.start and closes and not complement \
                and not quoted:
            # "…, unconfirmed reports claimed.": a relative clause without a relative word is never set off
            # by a comma; this is a reporting clause after its content (the sentence up to the comma),
            # which the parse hung on a noun
            return [_strip_connective(text, *_clean_content(text, tok.sent.start_char, comma.idx))], "left"
    if tok.dep_ in ("relcl", "acl:relcl", "acl") and tok.head.i < tok.i and tok.head.pos_ in ("NOUN", "PROPN", "PRON") \
            and (rel_subj or rel_obj) and _title_before_name(tok) is None and not any(c.dep_ in ("ccomp",) for c in kids):
        rel = [c for c in kids if c.dep_ in ("obj",) and c.i < tok.i]
        pieces = [(c.idx, c.idx + len(c)) for c in rel]
        if rel and RELATIVE_GAPS:
            # "which he described as his second home": the predicate after the verb is content too
            after = next((c for c in kids if c.i > tok.i and c.dep_ in ("obl", "xcomp", "ccomp", "advcl")), None)
            if after is not None:
                pieces.append(_subtree_span(after))
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
                if c.i > tok.i and (c.dep_ in ("obl", "xcomp", "ccomp") or (
                        c.dep_ == "advcl" and tok.doc[min(t.i for t in c.subtree)].lower_ == "as")):
                    # "what it described as “the dangers threatening …”", however the parse labelled the as-phrase
                    pieces.append(_subtree_span(c))
                    break
        elif xcomp:
            pieces.append(_subtree_span(xcomp[0]))
        if pieces:
            return pieces, "relcl"
    if xcomp and lemma not in NAMING_VERBS:
        x = xcomp[0]
        start_tok = x
        if objs and objs[0].i < x.i and (lemma not in ADDRESSEE_VERBS or lemma in REQUEST_OBJECT_VERBS):
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
            else:
                # the parse may take the participle for an adjective ("have vowed to take further steps and
                # imposed sanctions": "imposed" as a modifier of "sanctions"); after a perfect cue, "and" +
                # an -ed form still continues the cue's verb group
                perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in kids)
                if PERFECT_COORDINATION_CUT and perfect:
                    doc = tok.doc
                    for t in x.subtree:
                        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
                        if t.i > x.i and t.lower_ in ("and", "but") and nxt is not None and nxt.lower_.endswith("ed") \
                                and nxt.tag_ in ("VBN", "VBD", "JJ") and ctx.quote_at(nxt.idx) is None:
                            hi = min(hi, doc[t.i - 1].idx + len(doc[t.i - 1]))
                            break
        return [(lo, hi)], "xcomp"
    if objs and _clausal_object(objs[0]):
        # "says it would depress revenue": the parse took the clause's subject for an object
        lo = min(t.idx for t in objs[0].subtree)
        return [(lo, max(t.idx + len(t) for t in objs[0].subtree))], "ccomp"
    if objs and not (lemma in ADDRESSEE_VERBS and _one_phrase(objs) and not xcomp):
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
            if _clause_break(doc, k, hi_i + 1) or (COMMA_SUBJECT_BREAK and doc[k].text == "," and k + 1 <= hi_i
                                                   and _main_clause_as_relative(doc, k + 1, hi_i + 1)):
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
            if OBLIQUE_NOT_WHEN_OR_WHERE and (_is_time(c) or (c.lower_ in MEDIUM_NOUNS and case and case[0].lower_ in (
                    "on", "in", "at", "during", "via"))):
                continue  # "said on Sunday", "said on the call": when and where it was said ("apologized for his statements" stays)
            if case and _right_after_cue(tok, case[0]) and case[0].lower_ in OBLIQUE_CONTENT_CASES:
                toks = [t for t in c.subtree if t.i != case[0].i]
                hi = max(t.idx + len(t) for t in toks)
                if OBLIQUE_INFINITIVE:
                    inf = _infinitive_after(tok, max(t.i for t in toks))
                    if inf is not None:  # "called on X to resign": X and what X is to do
                        hi = max(t.idx + len(t) for t in inf.subtree)
                return [(min(t.idx for t in toks), hi)], "obl"
    if PRO_FORM_SO:
        so = next((c for c in kids if c.i == tok.i + 1 and c.lower_ == "so" and c.dep_ == "advmod"
                   and not any(g.dep_ in ("ccomp", "advcl") for g in c.children)), None)
        nxt = tok.doc[tok.i + 2] if so is not None and tok.i + 2 < len(tok.doc) else None
        if so is not None and (nxt is None or nxt.is_punct or nxt.lower_ in ("too", "either", "again")):
            return [(so.idx, so.idx + len(so))], "obj"  # "Ted Cruz apparently thinks so": "so" stands for a clause
    return [], ""


#: "thinks so", "said so": the pro-form stands for the clause that was said or thought
PRO_FORM_SO = True


#: a time or medium oblique right after the cue ("said on Sunday in a statement") is no prepositional content
OBLIQUE_NOT_WHEN_OR_WHERE = True
#: prepositions that open what a cue verb is about ("talked about X", "pointed to X", "railed against X")
OBLIQUE_CONTENT_CASES = ("about", "to", "for", "on", "of", "with", "against")
#: … also after an adverb of the verb ("spoke affectionately of X", "talked openly about X")
OBLIQUE_AFTER_ADVERB = True


def _right_after_cue(tok: Any, case: Any) -> bool:
    """Whether preposition ``case`` follows cue verb ``tok`` directly, or only after its adverbs."""
    if case.i == tok.i + 1:
        return True
    return OBLIQUE_AFTER_ADVERB and case.i > tok.i and all(
        t.pos_ == "ADV" and t.head.i == tok.i and t.lower_ not in _PARTICLE_ADVERBS for t in tok.doc[tok.i + 1:case.i])


#: adverbs that make a phrasal verb with the cue ("look forward to", "came back to"), not a manner of speaking
_PARTICLE_ADVERBS = frozenset({"forward", "back", "out", "up", "down", "off", "away", "over", "in", "on", "around",
                               "ahead", "along", "together"})
#: "called on X to Y", "appealed to X to Y": the infinitive after the oblique is content too
OBLIQUE_INFINITIVE = True


def _infinitive_after(tok: Any, last_i: int) -> Optional[Any]:
    """The infinitive clause of ``tok`` ("to" + verb, an "advcl" or "xcomp" child) that starts right
    after token ``last_i``, or None."""
    doc = tok.doc
    if last_i + 2 >= len(doc) or doc[last_i + 1].lower_ != "to":
        return None
    for c in tok.children:
        if c.dep_ in ("advcl", "xcomp") and c.pos_ in ("VERB", "AUX") and min(t.i for t in c.subtree) == last_i + 1:
            return c
    return None


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


def _that_clause(tok: Any, cue: tuple[int, int]) -> Optional[Any]:
    """The "that" opening a complement clause shortly after the cue (``said Wednesday that ...``,
    ``told reporters on Monday that ...``), whatever the parse made of it."""
    doc = tok.doc
    k = doc.char_span(cue[0], cue[1], alignment_mode="expand").end
    window = max(THAT_WINDOW, THAT_AFTER_COMMA_WINDOW) if THAT_AFTER_COMMA else THAT_WINDOW
    for j in range(k, min(k + window, tok.sent.end)):
        w = doc[j]
        if j >= k + THAT_WINDOW and not (w.lower_ == "that" and w.tag_ == "IN" and doc[j - 1].text == ","):
            # further on only a complementizer right after the comma that closes the cue's adjuncts ("said Thursday
            # during a taping of a town hall in Buffalo, New York, that …"), not a relative "that"
            if w.pos_ in ("VERB", "AUX") or (w.is_punct and w.text not in (",",)) or w.is_quote:
                return None
            continue
        if w.lower_ == "that" and w.pos_ in ("SCONJ", "PRON", "DET") and j + 1 < len(doc) and doc[j + 1].pos_ not in ("VERB", "AUX", "PUNCT", "ADP"):
            return w
        if w.pos_ in ("VERB", "AUX") or (w.is_punct and w.text not in (",",)) or w.is_quote:
            return None
    return None


#: a content keeps the full stop of a dotted abbreviation that ends it ("poses to the U.S.")
KEEP_ABBREVIATION_STOP = True
ABBREVIATION_END_RE = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Jr|Sr|Inc|Corp|Co|Ltd|Bros)\.)$")


def _clean_content(text: str, s: int, e: int) -> tuple[int, int]:
    s, e = _trim(text, s, e)
    m = TRAILING_ATTRIBUTION_RE.search(text, s, e)
    if m is not None and m.start() > s and not _open_quote(text[s:m.start()]):
        e = m.start()
    # a content never ends with the sentence's own full stop or a comma, unless closed by a quote; the full stop
    # of a dotted abbreviation ("the U.S.", "Biden Jr.") is the abbreviation's own
    while e > s and text[e - 1] in ",.;:—–" and not _open_quote(text[s:e]):
        if KEEP_ABBREVIATION_STOP and text[e - 1] == "." and ABBREVIATION_END_RE.search(text, s, e):
            break
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


def _overlaps_any(pieces, q: Quote) -> bool:
    return any(s < q.end and q.start < e for s, e in pieces)


def _content_is_speech(pieces: list[tuple[int, int]], source: Optional[tuple[int, int]], text: str,
                       cue: Optional[tuple[int, int]] = None) -> bool:
    """False for a content that is only a pronoun ("He is hailed as ...") or repeats the source; an object
    pronoun after the cue of a statement with a source passes (:data:`OBJECT_PRONOUN_CONTENTS`), not the "it"
    of "It has been reported" nor "Mind you"."""
    words = " ".join(text[s:e] for s, e in pieces).strip(" “”\"'‘’,.").lower()
    if not words:
        return False
    if words in PRONOUN_CONTENTS and not (OBJECT_PRONOUN_CONTENTS and words not in SUBJECT_PRONOUNS
                                          and source is not None and cue is not None and pieces[0][0] >= cue[1]):
        return False
    if source is not None and words == text[source[0]:source[1]].strip(" “”\"'‘’,.").lower():
        return False
    return True


def _sentence_bounds(tok: Any, ctx: _Ctx) -> tuple[int, int]:
    sent = tok.sent
    return sent.start_char, sent.end_char


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
                    and not _clause_break(doc, k, sent_end) and not (OBJ_CLAUSE_STOP and how in CLAUSE_STOP_RULES and _new_clause(doc, k, sent_end)):
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


#: an object content grown to the right stops where a new clause starts without a comma: "and" + a finite
#: verb ("spotted a sign in the crowd and asked …") or a subordinator + clause ("attacked his personal
#: life after Mrs. Clinton accused him …")
OBJ_CLAUSE_STOP = True
CLAUSE_STOP_RULES = frozenset({"obj"})
CLAUSE_SUBORDINATORS = frozenset({"after", "before", "when", "while", "because", "as", "since", "until", "although",
                                  "though", "if", "unless", "whereas"})


def _new_clause(doc: Any, k: int, end: int) -> bool:
    """Token ``k`` opens a clause of its own: "and"/"but" + a finite verb, or a subordinator whose clause
    has its own subject (:data:`OBJ_CLAUSE_STOP`)."""
    t = doc[k]
    if t.lower_ in ("and", "but") and t.pos_ == "CCONJ":
        j = k + 1
        while j < end and doc[j].pos_ == "ADV":
            j += 1
        return j < end and (doc[j].tag_ in ("VBD", "VBZ", "VBP")
                            or (doc[j].pos_ == "AUX" and doc[j].tag_ == "MD"))
    if t.lower_ in CLAUSE_SUBORDINATORS and t.dep_ in ("mark", "case"):
        # a clause follows: the next verb has its subject between the subordinator and itself
        v = next((doc[j] for j in range(k + 1, min(end, k + 12)) if doc[j].pos_ in ("VERB", "AUX")), None)
        return v is not None and any(c.dep_ in ("nsubj", "nsubj:pass", "expl") and k < c.i < v.i for c in v.children)
    return False


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


#: an object content ends at a comma before a subject and its finite verb that the parse made a
#: relative clause: a relative clause after a comma opens with a relative word, so this is the
#: sentence's main clause hung on the object ("Citing an unfounded theory, Trump accused …": "accused"
#: as a relative clause of "theory")
COMMA_SUBJECT_BREAK = True
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _main_clause_as_relative(doc: Any, k: int, end: int) -> bool:
    """The words from token ``k`` are a subject phrase followed by its finite verb, within ``end``, and
    the parse made that verb a relative clause (see :data:`COMMA_SUBJECT_BREAK`)."""
    subj = doc[k]
    while subj.dep_ not in ("nsubj", "nsubj:pass") and subj.head.i != subj.i and k <= subj.head.i < end:
        subj = subj.head  # from the first word of the phrase up to its head
    if subj.dep_ not in ("nsubj", "nsubj:pass") or min(t.i for t in subj.subtree if not t.is_punct) != k:
        return False
    verb = subj.head
    if not (subj.i < verb.i < end) or verb.dep_ != "acl:relcl":
        return False
    finite = verb.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "aux:pass") and c.tag_ in FINITE_TAGS
                                             for c in verb.children)
    return finite


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


#: the medial reporting clause starts at its source, not at the leftmost dependent of the cue
MEDIAL_FROM_SOURCE = True
#: a quotation split by a medial reporting clause gives both quoted parts as pieces
MEDIAL_QUOTES = True
CLOSING_MARKS = ("”", '"', "''", "’’")
#: words before a medial reporting clause go on a direct quotation after it too ("In cases of abortion, it
#: said, “the woman is a victim.”")
MEDIAL_BEFORE_QUOTE = True


def _medial_left_piece(tok: Any, subj: Optional[Any], source: Optional[tuple[int, int]], cue: tuple[int, int],
                       pieces: list[tuple[int, int]], ctx: _Ctx, direct: bool = False) -> list[tuple[int, int]]:
    """A reporting clause set off by commas inside its content ("The weapons, he added, are like bombs";
    "which, he says, he is doing"): the words before it are the content's first piece, from the
    sentence start or from a relative pronoun right before the comma."""
    text = ctx.text
    if source is None or source[0] >= cue[0]:
        return pieces
    lo, hi = _region(tok, subj, cue)
    if MEDIAL_FROM_SOURCE:
        # the reporting clause starts at its source: the parse may hang the words before it on the cue
        # ("The average weekly benefit, it says, would be $300": "benefit" as the cue's outer subject)
        lo = source[0]
    else:
        lo = min(lo, source[0])
    mark = max(text.rfind("”", lo, cue[0]), text.rfind('"', lo, cue[0]))
    if mark >= 0:  # '“Judge,” Brafman said, “…”': the parse hung the quotation's word on the source
        lo = _trim(text, mark + 1, cue[0])[0]
    before = text[:lo].rstrip()
    after = text[hi:pieces[0][0]].strip()
    quote_end = None  # '“One of the reasons …,” Mr. Obama said, “is that …”': a quotation split by the clause
    if MEDIAL_QUOTES and before.endswith(CLOSING_MARKS):
        core = before[:-1].rstrip("”\"'’")  # up to the comma inside the closing marks
        if core.endswith(","):
            quote_end, before = len(before), core
    if direct and quote_end is None and not (MEDIAL_BEFORE_QUOTE and _continues_sentence(text, pieces[0])):
        return pieces  # a direct quote's content is the quote
    if not before.endswith(",") or not after.startswith(",") or pieces[0][0] < hi:
        return pieces
    s0, _ = _sentence_bounds(tok, ctx)
    comma = len(before) - 1
    if comma <= s0:
        return pieces
    if quote_end is not None:
        left = (_trim(text, s0, comma)[0], quote_end)
        if any(q[0] < left[1] and left[0] < q[1] for q in pieces) or left[1] - left[0] <= 2:
            return pieces
        return [left] + pieces
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


def _continues_sentence(text: str, piece: tuple[int, int]) -> bool:
    """A quotation that opens in lower case carries on a sentence begun before it."""
    head = text[piece[0]:piece[1]].lstrip("“\"'‘ ")
    return bool(head) and head[0].islower()


def _strip_connective(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop a sentence connective before a comma at the start of a left content ("However, ...")."""
    head = text[s:min(e, s + 20)]
    word, comma, _ = head.partition(",")
    if comma and word.strip().lower() in CONNECTIVES:
        return _trim(text, s + len(word) + 1, e)
    return s, e
