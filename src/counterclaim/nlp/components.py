"""Custom pipeline components for counterclaim's news pipeline (issue 2)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence at every token that follows a whitespace token containing a newline.

    Articles separate paragraphs with newlines; sentences must never cross a paragraph. The parser respects
    preset sentence starts (``is_sent_start = True``) and only adds further boundaries.
    """
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
