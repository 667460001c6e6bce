"""Parsing sees typographic spaces as plain spaces.

A no-break space between two words ("The governor\\u00a0added:") is, for spaCy's tokenizer, a token of its
own: only U+0020 can be a token's trailing whitespace. The tagger, trained on treebanks without such tokens,
calls it a noun, and the parser hangs words on it ("The" as the subject, "governor" a compound of "The").
:class:`SpaceNormalisingTokenizer` replaces each typographic space character by one plain space before
tokenizing. Each replacement is one character for one, so every offset into the parsed text is the same
offset into the article's text, which is never changed (``token.idx`` still indexes ``document.text``).
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator

#: typographic spaces read as U+0020 by the parser: no-break, figure, thin, narrow no-break, hair, en/em spaces
TYPOGRAPHIC_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
_TABLE = str.maketrans({c: " " for c in TYPOGRAPHIC_SPACES})

__all__ = ["SpaceNormalisingTokenizer", "TYPOGRAPHIC_SPACES", "plain_spaces"]


def plain_spaces(text: str) -> str:
    """``text`` with each typographic space replaced by one plain space (same length, same offsets)."""
    return text.translate(_TABLE)


class SpaceNormalisingTokenizer:
    """Wraps a spaCy tokenizer: tokenizes :func:`plain_spaces` of the text. Everything else (special cases,
    serialization) is the wrapped tokenizer's."""

    #: recorded in parse caches, so parses made before and after this change are not mixed
    normalisation = "plain_spaces/1"

    def __init__(self, tokenizer: Any):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Any:
        return self.tokenizer(plain_spaces(text))

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Any]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        if name == "tokenizer":  # not set yet (unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.tokenizer, name)
