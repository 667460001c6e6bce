"""Custom pipeline components for counterclaim's news pipeline (issue 2)."""
from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

from counterclaim.extract.speech_acts import _act_lemma
from counterclaim.ingest.text import TERMINAL_PUNCTUATION, dateline_end, ends_sentence


# Abbreviations that precede a name or a number and never end a sentence in news text.
NO_BREAK_AFTER = frozenset("""
Adm. Brig. Capt. Cmdr. Col. Cpl. Gen. Gov. Lt. Maj. Pvt. Sgt. Spc. Sen. Sens. Rep. Reps. Amb. Atty. Supt. Insp.
Det. Prof. Dr. Mr. Mrs. Ms. Messrs. Rev. Hon. Pres. Gens. Lt.Col. St. Ft. Mt. No. Nos.
Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.
""".split())


#: all-capital abbreviations that are names in running text but whose norm is a common word the syntax
#: models know only as that word: "IS" (the Islamic State) read as the verb "is" wrecks the parse of "IS
#: fighters", "an IS advance", "IS media sources alleged". The norm the models see becomes the name's.
ACRONYM_NORMS = {"IS": "isis"}
#: words before which an all-capital "IS" is the verb, stressed ("it IS true", "that IS the point")
_STRESS_SUBJECTS = frozenset({"it", "that", "this", "there", "what", "which", "who", "he", "she", "everything",
                              "nothing", "something", "so", "answer", "truth", "problem", "point"})


def _in_running_text(doc: Doc, i: int, window: int = 8) -> bool:
    """Whether token ``i`` stands among mostly lower-case words (not in an all-capitals line or heading)."""
    words = caps = 0
    for t in doc[max(0, i - window):i + window + 1]:
        if t.i == i or not t.is_alpha or len(t) < 2:
            continue
        if "\n" in t.text:
            continue
        words += 1
        caps += t.is_upper
    return words >= 2 and caps * 2 < words


@Language.component("acronym_norms")
def acronym_norms(doc: Doc) -> Doc:
    """Give the all-capital names of :data:`ACRONYM_NORMS` their own norm in running text (before the
    tok2vec layers read the norms): "IS fighters" is the group's fighters, "it IS true" stays a verb."""
    for t in doc:
        norm = ACRONYM_NORMS.get(t.text)
        if norm is None or not _in_running_text(doc, t.i):
            continue
        if t.i > 0 and doc[t.i - 1].lower_ in _STRESS_SUBJECTS:
            continue
        t.norm_ = norm
    return doc


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence at every token that follows a whitespace token containing a newline.

    Articles separate paragraphs with newlines; sentences must never cross a paragraph. The parser respects
    preset sentence starts (``is_sent_start = True``) and only adds further boundaries. Also forbids a
    sentence start right after a title or month abbreviation ("Brig. Gen. ...", "Oct. 5"), and, since
    news is edited prose, right after a word or a comma within a paragraph (the parser split "Donna Brazile
    said | Sunday that …"; web text that ends sentences without punctuation on one line loses by it).
    """
    for i in range(1, len(doc)):
        if doc[i - 1].text in NO_BREAK_AFTER and not doc[i].is_space:
            doc[i].is_sent_start = False
            # "Brig. Gen. Yahya Saree": no break inside the name that follows the title either
            j = i + 1
            while j < min(len(doc), i + 3) and doc[j - 1].text[:1].isupper() and doc[j].text[:1].isupper():
                doc[j].is_sent_start = False
                j += 1
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if prev.is_space and "\n" in prev.text and not doc[i].is_space:
            doc[i].is_sent_start = True
            # the newline itself closes the previous paragraph instead of forming a sentence of its own
            j = i - 1
            while j > 0 and doc[j].is_space:
                doc[j].is_sent_start = False
                j -= 1
    if OPENING_QUOTE_STARTS:
        _opening_quotes(doc)
    if CLOSING_QUOTE_STAYS:
        _closing_quotes(doc)
    if NO_MIDCLAUSE_STARTS:
        _no_midclause_starts(doc)
    _display_semicolons(doc)
    if DATELINE_SENTENCES:
        _dateline_starts(doc)
    return doc


#: a wire-story dateline ("SANA, Yemen —", "BOSTON (AP) -", "(Reuters) -": ingest.text.dateline_end) is a
#: sentence of its own, so the parser reads the paragraph's first sentence without it
DATELINE_SENTENCES = True


def _dateline_starts(doc: Doc) -> None:
    text = doc.text
    for i in range(len(doc)):
        if doc[i].is_space or not (i == 0 or (doc[i - 1].is_space and "\n" in doc[i - 1].text)):
            continue
        end = dateline_end(text, doc[i].idx)
        if end is None:
            continue
        j = next((k for k in range(i + 1, len(doc)) if doc[k].idx >= end), None)
        if j is None or doc[j].idx != end:
            continue
        doc[j].is_sent_start = True
        for k in range(i + 1, j):
            doc[k].is_sent_start = False


#: no sentence starts right after a word or a comma within a paragraph (see _no_midclause_starts)
NO_MIDCLAUSE_STARTS = True


def _no_midclause_starts(doc: Doc) -> None:
    """A sentence of edited prose never starts right after a word or a comma ("pollster | Pat Caddell
    told …", "on Thursday | how surprised …"), only after punctuation that can end one or at a
    paragraph break; starts already set (paragraphs, display lines) stay."""
    for i in range(1, len(doc)):
        prev, t = doc[i - 1], doc[i]
        if not t.is_space and not prev.is_space and (prev.is_alpha or prev.like_num or prev.text == ",") \
                and t.is_sent_start is not True:
            t.is_sent_start = False


#: an opening quotation mark after a sentence's end starts the next sentence (see _opening_quotes)
OPENING_QUOTE_STARTS = True
_SENTENCE_FINAL = frozenset({".", "?", "!"})
_OPENING_MARKS = frozenset({'"', "“", "''", "``"})
_CLOSING_MARKS = frozenset({'"', "”", "''", "’"})


def _opening_quotes(doc: Doc) -> None:
    """A quotation mark that follows the end of a sentence and a space and clings to the next word opens
    the next sentence (``… read widely. "My top adviser …``): the parser tends to leave it at the end of
    the sentence before, so the quotation's first words lose their mark. One that opens a paragraph
    (a sentence start already) keeps its first word in its sentence: the parser tends to make the mark
    a sentence of its own."""
    for i in range(1, len(doc) - 1):
        t, prev = doc[i], doc[i - 1]
        if t.text not in _OPENING_MARKS or t.whitespace_ or doc[i + 1].is_space or doc[i + 1].is_punct:
            continue
        if prev.is_space and "\n" in prev.text:  # a paragraph that opens with a quotation: keep the mark in it
            doc[i + 1].is_sent_start = False
            continue
        if not prev.whitespace_ or prev.is_space:
            continue
        ends = prev.text in _SENTENCE_FINAL or (prev.text in _CLOSING_MARKS and i > 1 and doc[i - 2].text in _SENTENCE_FINAL)
        if not ends or (prev.text in _SENTENCE_FINAL and i > 1 and doc[i - 2].text + prev.text in NO_BREAK_AFTER):
            continue
        t.is_sent_start = True
        doc[i + 1].is_sent_start = False


#: a closing quotation mark stays in the sentence it closes (see _closing_quotes)
CLOSING_QUOTE_STAYS = True
_QUOTE_MARKS = frozenset({'"', "”", "''", "’", "'"})


def _closing_quotes(doc: Doc) -> None:
    """A quotation mark glued to the token before it and followed by a space, a line break, punctuation
    or the end of the text closes the sentence before it (``… a pillow."\n\n``, ``‘Disgusting Fraud.’``):
    the parser tends to start a new sentence at it, cutting the quotation from its closing mark."""
    for i in range(1, len(doc)):
        t, prev = doc[i], doc[i - 1]
        if t.text not in _QUOTE_MARKS or prev.whitespace_ or prev.is_space or t.is_sent_start is True:
            continue
        if t.whitespace_ or i + 1 == len(doc) or doc[i + 1].is_space or doc[i + 1].is_punct:
            t.is_sent_start = False


#: in a display line, no sentence starts right after a colon: "Iran: Oct. 7 was revenge" is one
#: (see _display_semicolons). Not every start in such lines is forbidden: paragraphs of web text without
#: a final full stop look the same (EWT test sentence F fell from 68 to 58 when they were one sentence)
DISPLAY_COLON_JOINS = True


def _display_semicolons(doc: Doc) -> None:
    """In display lines (headlines, subheads: no final full stop, as ingest tells them), a semicolon
    joins two headlines: "Iran: Oct. 7 was revenge; Hamas: No it wasn't". Each part is parsed as a
    sentence of its own, so the second part gets its own subject and verb instead of hanging off the first."""
    start = 0
    n = len(doc)
    for i in range(n + 1):
        if i < n and not (doc[i].is_space and "\n" in doc[i].text):
            continue
        words = [t for t in doc[start:i] if not t.is_space]
        if words and not ends_sentence(doc[start:i].text, TERMINAL_PUNCTUATION + ":"):
            for a, b in zip(words, words[1:]):
                if a.text == ";":
                    b.is_sent_start = True
                elif DISPLAY_COLON_JOINS and a.text == ":" and b.is_sent_start is not True:
                    b.is_sent_start = False  # "Rebels: We won the battle": a credit and its claim, one sentence
        start = i + 1


# Words that news NER data (GMB, re3d) put inside PERSON spans but OntoNotes-style annotation leaves out:
# "[Defense Minister] Ehud Barak" -> PERSON "Ehud Barak".
PERSON_TITLE_WORDS = frozenset("""
President Vice Prime Minister Secretary General Gen. Lt. Col. Maj. Brig. Sgt. Capt. Adm. Cmdr. Sen. Rep. Gov.
Mr. Mrs. Ms. Dr. Prof. Mr Mrs Ms Dr Senator Governor King Queen Prince Princess Pope Chancellor Foreign Defense
Defence Interior Finance Chairman Chairwoman Chief Justice Judge Ambassador Envoy Commander Colonel Lieutenant
Major Captain Sergeant Admiral Brigadier Marshal Representative Congressman Congresswoman Mayor Premier Cardinal
Archbishop Bishop Reverend Rev. Ayatollah Speaker Deputy Spokesman Spokeswoman Former Leader Emir Sultan Crown
Attorney Presidential Senior Defender Striker Midfielder Goalkeeper Coach Manager Director Officer Private
Corporal Inspector Superintendent Detective Minister-President President-elect Sheikh Shaikh Mullah
""".split())
ORG_HEAD_WORDS = frozenset("""
Bank Ministry University Council Association Institute Committee Commission Party Department Court Office Agency
Academy Federation Union League Front Army Navy Parliament Assembly Authority Society College School Museum Church
Chamber Corporation Company Foundation Service Police Guard Forces Organization Organisation Movement Congress
""".split())
LEADING_DETERMINERS = frozenset({"the", "The", "THE"})


@Language.component("entity_cleanup")
def entity_cleanup(doc: Doc) -> Doc:
    """Trim titles off PERSON spans and a leading "the" off other spans; drop spans left empty."""
    new = []
    changed = False
    for ent in doc.ents:
        start, end = ent.start, ent.end
        if all(t.pos_ in ("PRON", "DET") for t in ent):  # "We" tagged as ORG
            start = end
        elif ent.label_ == "PERSON":
            while start < end and (doc[start].text in PERSON_TITLE_WORDS or doc[start].is_punct
                                   or (doc[start].pos_ == "NOUN" and end - start > 2
                                       and doc[start].whitespace_)):  # "Biologist Nick Bos", not "Ming-Chi Kuo"
                # a noun before a single name is more often a first name the tagger missed ("Zack
                # Snyder", "Trip Chowdhry") or a company's first word ("Time Warner") than a title
                start += 1
            while end > start and doc[end - 1].is_punct:
                end -= 1
        elif ent.label_ in ("ORG", "GPE", "LOC", "NORP", "EVENT"):
            while start < end - 1 and doc[start].text in LEADING_DETERMINERS:
                start += 1
        if (start, end) != (ent.start, ent.end):
            changed = True
            if start < end:
                new.append(_span(doc, start, end, ent.label_))
        else:
            new.append(ent)
    # "University of" + "California"(GPE from the ruler) -> one ORG "University of California"
    merged = []
    for ent in new:
        prev = merged[-1] if merged else None
        if (prev is not None and prev.label_ == "ORG" and prev.end == ent.start and ent.label_ in ("GPE", "LOC", "ORG")
                and doc[prev.end - 1].lower_ in ("of", "for", "in", "on", "de", "du")):
            merged[-1] = _span(doc, prev.start, ent.end, "ORG")
            changed = True
        elif (prev is not None and prev.label_ == "ORG" and ent.label_ in ("GPE", "LOC") and prev.end + 1 == ent.start
              and doc[prev.end].lower_ == "of" and doc[prev.end - 1].text in ORG_HEAD_WORDS):
            merged[-1] = _span(doc, prev.start, ent.end, "ORG")  # "Central Bank" of "Iran"
            changed = True
        else:
            merged.append(ent)
    if changed:
        doc.set_ents(merged, default="outside")
    return doc


def _span(doc: Doc, start: int, end: int, label: str):
    from spacy.tokens import Span

    return Span(doc, start, end, label=label)


TIME_NOUNS = frozenset("""
Monday Tuesday Wednesday Thursday Friday Saturday Sunday today yesterday tomorrow tonight week month year
morning afternoon evening night weekend January February March April May June July August September October
November December Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.
""".split())


#: whitespace tokens never head or fill a grammatical relation (see _whitespace_heads)
WHITESPACE_FIX = True


def _whitespace_heads(doc: Doc) -> None:
    """Take whitespace tokens out of the grammatical relations the parser gave them.

    The parser learned on treebanks without whitespace tokens, so the paragraph break that ends a
    paragraph's last sentence is often made its root, with the sentence's real main verb hung on it as
    "amod" or "compound" ("Reid frequently mocked/amod Romney … \n\n/ROOT"), and a no-break space may
    come out as a subject ("\xa0/nsubj said"). Here a whitespace token's largest dependent takes its place
    (its head and relation: "ROOT" when it was the root), its other dependents move to that one with their
    relations, and the whitespace token hangs on it as "dep"; a whitespace leaf in any relation but "dep"
    or "punct" becomes "dep". The tree stays within each sentence, so sentence boundaries do not change.
    """
    for t in doc:
        if not t.is_space:
            continue
        kids = [k for k in t.children]
        if kids:
            new = max(kids, key=lambda k: (k.pos_ in ("VERB", "AUX"), len(list(k.subtree))))
            is_root = t.head.i == t.i
            head, dep = t.head, t.dep_
            for k in kids:
                if k is not new:
                    k.head = new
            new.head = new if is_root else head
            new.dep_ = "ROOT" if is_root else dep
            t.head = new
            t.dep_ = "dep"
        elif t.dep_ not in ("dep", "punct", "ROOT"):
            t.dep_ = "dep"


#: a past-tense verb hung on its sentence's noun root becomes the root (see _noun_roots)
NOUN_ROOT_FIX = True
#: ... also a VBD or VBN verb right after the comma closing the root noun's appositive (see _noun_roots)
APPOSITIVE_ROOT_FIX = True
#: relations inside a noun phrase, climbed from a verb's head to the root noun
_NP_INTERNAL = frozenset({"appos", "nmod", "compound", "flat", "amod", "nmod:poss", "conj", "nmod:desc"})
_SUBJECT_LABELS = frozenset({"nsubj", "nsubj:pass", "csubj", "expl"})


#: ... also a VBN-tagged verb with an object or a complement clause right after the root noun phrase
NOUN_ROOT_ACTIVE_PARTICIPLE = True


def _active_complement(v) -> bool:
    """Whether verb ``v`` has an active verb's complement: an object, a complement clause, or a "to"
    infinitive ("called on Obama to retaliate", which the parse may label "advcl")."""
    return any(c.dep_ in ("obj", "iobj", "ccomp", "xcomp") or (c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ == "to" for m in c.children)) for c in v.children)


def _make_root(v, n, holders, dep: str) -> None:
    """Make verb ``v`` the root with noun ``n`` as its subject (relation ``dep``); the dependents of the
    ``holders`` after the verb move to it."""
    for holder in holders:
        for c in list(holder.children):
            if c.i > v.i:
                c.head = v
    v.head = v
    v.dep_ = "ROOT"
    n.head = v
    n.dep_ = dep


def _np_end(n, v) -> int:
    """The last token of noun ``n``'s phrase before verb ``v``."""
    return max(t.i for t in n.subtree if t.i < v.i)


def _noun_roots(doc: Doc) -> None:
    """Make a past-tense verb that the parser hung as a modifier ("acl", "amod") on the noun it made the
    sentence's root the root itself, with that noun as its subject: "Minyon Moore, a senior adviser to
    the campaign, called/acl the remarks 'a wake-up call'" (the noun phrase is the subject; a past
    participle, tag VBN, stays a modifier: "the plan announced Monday"). Dependents of the old root
    after the verb move to it with their relations.

    With :data:`APPOSITIVE_ROOT_FIX`, also a verb right after the comma that closes the root noun's
    appositive, whether hung on the root or on a noun inside the appositive, and whether tagged VBD or
    VBN ("Keron Blair, executive director of AROS, called/acl for more investment"; "Rep. Adam Schiff,
    the top Democrat on the Committee, called/acl→Committee on Obama to …"): a sentence whose root is a
    noun has no main verb, and the comma shows the noun phrase before it is complete. Not when the verb
    has an auxiliary or a relative pronoun, or the root noun a preposition ("In the poll, conducted in
    May, …")."""
    for v in doc:
        if v.dep_ not in ("acl", "amod") or v.tag_ not in ("VBD", "VBN"):
            continue
        n, path = v.head, []
        while APPOSITIVE_ROOT_FIX and n.dep_ in _NP_INTERNAL and n.head is not n and n.head.i < v.i:
            path.append(n)
            n = n.head
        if n.dep_ != "ROOT" or n.i > v.i or n.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        if any(c.dep_ in _SUBJECT_LABELS for c in v.children):
            continue
        if path or v.tag_ == "VBN":
            # "The senator called/VBN,acl on President Obama to retaliate": right after the noun phrase that
            # is its subject, with no comma (that is the appositive rule's case) and with an active verb's
            # complement (checked below)
            right_after = NOUN_ROOT_ACTIVE_PARTICIPLE and not path and doc[v.i - 1].text != "," \
                and v.i == _np_end(n, v) + 1
            if not right_after and (not APPOSITIVE_ROOT_FIX or v.i == 0 or doc[v.i - 1].text != ","):
                continue
            if any(c.dep_ in ("aux", "aux:pass", "cop") or "Rel" in c.morph.get("PronType") for c in v.children):
                continue
            if v.tag_ == "VBN" and not _active_complement(v):
                continue  # a passive participle: "… Qassem Soleimani, killed in a drone strike"
            if any(c.dep_ == "case" for c in n.children):
                continue
        _make_root(v, n, [n] + path, "nsubj")


#: "Snopes.com—the premier debunker of internet myths—said …": a verb the parse hung as "parataxis" on a
#: noun root, whose subject is the phrase set off by dashes right after that noun, takes the noun as its
#: subject and the dashed phrase as the noun's appositive (see _dash_appositive_roots)
DASH_APPOSITIVE_ROOT = True
_DASHES = frozenset({"—", "–", "--"})


def _dash_appositive_roots(doc: Doc) -> None:
    for v in doc:
        n = v.head
        if v.dep_ != "parataxis" or n.dep_ != "ROOT" or n.i > v.i or n.pos_ not in ("NOUN", "PROPN"):
            continue
        subj = [c for c in v.children if c.dep_ in _SUBJECT_LABELS and c.i < v.i]
        if len(subj) != 1:
            continue
        sj = subj[0]
        lo, hi = min(t.i for t in sj.subtree), max(t.i for t in sj.subtree if not t.is_punct)
        if lo < 1 or doc[lo - 1].text not in _DASHES or doc[lo - 1].i - 1 != max(t.i for t in n.subtree if t.i < lo - 1):
            continue  # the dashed phrase must follow the noun's own words right away
        if hi + 1 >= v.i or doc[hi + 1].text not in _DASHES or hi + 2 != v.i:
            continue  # and close with a dash right before the verb
        _make_root(v, n, [n], sj.dep_)
        sj.head = n
        sj.dep_ = "appos"
        doc[hi + 1].head = sj


#: "The New York Post reports that …", "Clinton plans to …", "Trump avoids condemning …": a plural noun the
#: parser made the root, right after a name or noun and before a complement clause, is a present-tense verb
#: (see _plural_noun_verbs)
PLURAL_NOUN_VERBS = True
_NAME_PHRASE_DEPS = frozenset({"det", "amod", "compound", "flat", "nmod", "nummod", "appos", "punct", "nmod:desc"})


def _plural_noun_verbs(doc: Doc) -> None:
    """A root tagged as a plural noun (NNS) is a verb (VBZ) when the word before it is a name or noun that
    ends the phrase before it, and it has a complement after it: a "that" clause, or any clause when its
    base form is a verb of the speech-act lexicon ("reports", "charges", "denies"), or a "to" infinitive or
    a participle ("plans to call", "avoids condemning"). The noun phrase before it becomes its subject
    (its other words hang on that noun), and the complement its clausal complement."""
    for t in doc:
        if t.dep_ != "ROOT" or t.tag_ != "NNS" or t.i == 0 or not t.lower_.endswith("s"):
            continue
        prev = doc[t.i - 1]
        if prev.pos_ not in ("PROPN", "NOUN") or t.is_sent_start:
            continue
        h, ok = prev, True  # the word before hangs on the root through words before it ("New York Post")
        while h.head.i != t.i:
            if h.head.i > t.i or h.head.i == h.i or h.dep_ not in ("compound", "flat", "amod", "nmod"):
                ok = False
                break
            h = h.head
        if not ok or h.dep_ not in ("compound", "nsubj", "nmod", "flat", "amod"):
            continue
        left = [c for c in t.children if c.i < t.i]
        if any(c.dep_ not in _NAME_PHRASE_DEPS for c in left if c.i != prev.i) or any(
                c.lower_ in ("'s", "’s") for c in left):
            continue  # only a noun phrase before it: no possessive ("Trump's plans"), no "According to X"
        right = [c for c in t.children if c.i > t.i and c.pos_ in ("VERB", "AUX", "NOUN", "ADJ", "PROPN")
                 and c.dep_ in ("acl", "acl:relcl", "ccomp", "dep", "xcomp", "advcl", "parataxis")]
        if not right:
            continue
        comp = right[0]
        first = doc[min(x.i for x in comp.subtree)]
        speech = _act_lemma(t.lower_, t.lower_)  # the speech-act lexicon's verb for the form ("denies" -> "deny")
        that = first.lower_ == "that" and first.i == t.i + 1
        inf = first.lower_ == "to" and first.i == t.i + 1 and comp.pos_ in ("VERB", "AUX")
        ger = comp.tag_ == "VBG" and comp.i == t.i + 1
        if not (that or inf or ger or (speech is not None and first.i == t.i + 1)):
            continue
        prev.head = t
        prev.dep_ = "nsubj"
        for c in left:
            if c.i != prev.i:  # (spaCy makes a new Token object on each access: compare indices)
                c.head = prev
        t.tag_, t.pos_, t.lemma_ = "VBZ", "VERB", speech or t.lemma_  # a plural noun's lemma is the verb's base
        t.set_morph("Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin")
        comp.dep_ = "xcomp" if (inf or ger) else "ccomp"


@Language.component("reporting_clause_fix")
def reporting_clause_fix(doc: Doc) -> Doc:
    """Repair the parse where news text trips it: whitespace tokens in grammatical relations
    (:func:`_whitespace_heads`), a past-tense main verb hung on a noun root (:func:`_noun_roots`), and
    a "that"-clause the parser hung on a time expression, which goes back to the verb governing it.

    "The spokesman said on Tuesday that the convoy had been stopped": the CNN parser often makes "stopped"
    an acl of "Tuesday"; the clause is the ccomp of "said". Only fires when the time word is an oblique
    dependent of a verb and the clause is introduced by "that".
    """
    if WHITESPACE_FIX:
        _whitespace_heads(doc)
    if NOUN_ROOT_FIX:
        _noun_roots(doc)
    if DASH_APPOSITIVE_ROOT:
        _dash_appositive_roots(doc)
    if PLURAL_NOUN_VERBS:
        _plural_noun_verbs(doc)
    for v in doc:
        h = v.head
        if h is v or v.dep_ not in ("acl", "acl:relcl", "ccomp", "advcl"):
            continue
        if h.text not in TIME_NOUNS and not (h.like_num and h.i > 0 and doc[h.i - 1].text in TIME_NOUNS):
            continue
        if h.dep_ in ("nsubj", "nsubj:pass", "ROOT") or h.head.pos_ not in ("VERB", "AUX"):
            continue
        gov = h.head
        if not any(c.dep_ == "mark" and c.lower_ == "that" and c.i < v.i for c in v.children):
            continue
        if not (h.i < v.i and gov.i < h.i):
            continue
        v.head = gov
        v.dep_ = "ccomp"
    return doc


# ------------------------------------------------------------------------------------ tokenized_entity_ruler


class TokenizedEntityRuler(EntityRuler):
    """An entity_ruler whose phrase patterns are made by the tokenizer alone.

    spaCy's entity_ruler turns phrase patterns into Docs by running every component before it. For a ruler
    after the statistical models (the norp_ruler, after `ner`) that runs the parser and NER on each phrase
    at load time, and on weights still stored as float16 (`counterclaim.nlp.weights`). Matching on ORTH
    needs only the tokens, so this ruler tokenizes, and keeps the PhraseMatcher: token patterns for the
    same phrases match the same spans but made the ruler 80 times slower.
    """

    def add_patterns(self, patterns):
        phrases = [p for p in patterns if isinstance(p.get("pattern"), str)]
        others = [p for p in patterns if not isinstance(p.get("pattern"), str)]
        if others:
            super().add_patterns(others)
        if self.phrase_matcher_attr not in (None, "ORTH", "TEXT"):
            return super().add_patterns(phrases)  # other attributes need the analysis
        for entry in phrases:
            label = entry["label"]
            if "id" in entry:
                ent_label = label
                label = self._create_label(label, entry["id"])
                self._ent_ids[self.matcher._normalize_key(label)] = (ent_label, entry["id"])
            doc = self.nlp.make_doc(entry["pattern"])
            self.phrase_patterns[label].append(doc)
            self.phrase_matcher.add(label, [doc])


@Language.factory(
    "tokenized_entity_ruler",
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
    default_config={
        "phrase_matcher_attr": None,
        "matcher_fuzzy_compare": {"@misc": "spacy.levenshtein_compare.v1"},
        "validate": False,
        "overwrite_ents": False,
        "ent_id_sep": "||",
        "scorer": {"@scorers": "spacy.entity_ruler_scorer.v1"},
    },
)
def make_tokenized_entity_ruler(nlp, name, phrase_matcher_attr, matcher_fuzzy_compare, validate, overwrite_ents,
                                ent_id_sep, scorer):
    return TokenizedEntityRuler(
        nlp, name, phrase_matcher_attr=phrase_matcher_attr, matcher_fuzzy_compare=matcher_fuzzy_compare,
        validate=validate, overwrite_ents=overwrite_ents, ent_id_sep=ent_id_sep, scorer=scorer)
