"""Parsing documents: the one place where article text becomes a spaCy ``Doc``.

``parse`` and ``parse_many`` parse ``document.text`` whole, so token offsets (``token.idx``) are
offsets into the document text, and every record made from the ``Doc`` indexes the document.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Union

from counterclaim.model import Document

__all__ = ["parse", "parse_many", "ParseError"]


class ParseError(RuntimeError):
    """A document the pipeline could not parse; the batch goes on without it."""

    def __init__(self, doc_id: str, message: str):
        super().__init__(f"{doc_id}: {message}")
        self.id = doc_id


def _pipeline(nlp: Any) -> Any:
    if nlp is not None:
        return nlp
    from counterclaim.nlp import load_pipeline

    return load_pipeline()


def _check_length(nlp: Any, document: Document) -> None:
    if len(document.text) > nlp.max_length:
        raise ParseError(
            document.id,
            f"text has {len(document.text):,} characters, more than the pipeline's limit of "
            f"{nlp.max_length:,}; split the article or raise the limit with "
            "counterclaim.nlp.load_pipeline().max_length = N (about 1 GB of memory per 100,000 characters)",
        )


def parse(document: Document, nlp: Any = None) -> Any:
    """The spaCy ``Doc`` of ``document.text`` made by the shipped pipeline (or ``nlp``)."""
    nlp = _pipeline(nlp)
    _check_length(nlp, document)
    return nlp(document.text)


def parse_many(
    documents: Iterable[Document], nlp: Any = None, batch_size: int = 32, n_process: int = 1
) -> Iterator[Union[Any, ParseError]]:
    """Parse documents in order with one ``nlp.pipe`` call; yields a ``Doc`` per document, or a :class:`ParseError`.

    A document that fails is yielded as its error (not raised), so the caller keeps the input order and
    loses nothing. When the pipe fails, the documents are parsed one by one to find the bad one. The
    documents are held in memory: the batch runner (``counterclaim.pipeline.analyze_many``) feeds chunks.
    """
    nlp = _pipeline(nlp)
    batch = list(documents)
    good: list[Document] = []
    errors: dict[int, ParseError] = {}
    for j, d in enumerate(batch):
        try:
            _check_length(nlp, d)
            good.append(d)
        except ParseError as exc:
            errors[j] = exc
    try:
        parsed: list[Any] = list(nlp.pipe((d.text for d in good), batch_size=batch_size, n_process=n_process))
    except Exception:  # find the bad document: parse one by one
        parsed = []
        for d in good:
            try:
                parsed.append(nlp(d.text))
            except Exception as exc:  # noqa: BLE001 - handed to the caller, not swallowed
                parsed.append(ParseError(d.id, f"{type(exc).__name__}: {exc}"))
    it = iter(parsed)
    for j in range(len(batch)):
        yield errors[j] if j in errors else next(it)
