"""Custom pipeline components for counterclaim's news pipeline (issue 2)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


# Abbreviations that precede a name or a number and never end a sentence in news text.
NO_BREAK_AFTER = frozenset("""
Adm. Brig. Capt. Cmdr. Col. Cpl. Gen. Gov. Lt. Maj. Pvt. Sgt. Spc. Sen. Sens. Rep. Reps. Amb. Atty. Supt. Insp.
Det. Prof. Dr. Mr. Mrs. Ms. Messrs. Rev. Hon. Pres. Gens. Lt.Col. St. Ft. Mt. No. Nos.
Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.
""".split())


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence at every token that follows a whitespace token containing a newline.

    Articles separate paragraphs with newlines; sentences must never cross a paragraph. The parser respects
    preset sentence starts (``is_sent_start = True``) and only adds further boundaries. Also forbids a
    sentence start right after a title or month abbreviation ("Brig. Gen. ...", "Oct. 5").
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
    return doc


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
LEADING_DETERMINERS = frozenset({"the", "The", "THE"})


@Language.component("entity_cleanup")
def entity_cleanup(doc: Doc) -> Doc:
    """Trim titles off PERSON spans and a leading "the" off other spans; drop spans left empty."""
    new = []
    changed = False
    for ent in doc.ents:
        start, end = ent.start, ent.end
        if ent.label_ == "PERSON":
            while start < end and (doc[start].text in PERSON_TITLE_WORDS or doc[start].is_punct):
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
    if changed:
        doc.set_ents(new, default="outside")
    return doc


def _span(doc: Doc, start: int, end: int, label: str):
    from spacy.tokens import Span

    return Span(doc, start, end, label=label)
