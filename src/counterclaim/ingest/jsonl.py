"""JSON Lines collections: one article per line, ``{"id", "text", "title"?, "published"?, "url"?}``.

A line that cannot become a document does not stop the collection: :func:`read_jsonl`
yields an :class:`~counterclaim.errors.IngestError` object for it (with ``id`` the line's
id when it could be read, else ``"line N"``), in input order, and goes on.

Accepted fields: ``id`` (string or number; defaults to a hash of the text), ``text`` (the article
as plain text) or ``html`` (the page), ``title``, ``published`` (or ``date``, as in common news
datasets; any format :func:`~counterclaim.ingest.normalise_date` reads), ``url``, ``author``.
Other fields are ignored. Blank lines are skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, Optional, Union

from counterclaim.errors import IngestError
from counterclaim.model import Document

__all__ = ["read_jsonl", "parse_line", "DATE_FIELDS", "STRING_FIELDS"]

#: Fields read as the publication date, first present wins.
DATE_FIELDS = ("published", "date")
#: Optional fields that must be strings (or null) when present.
STRING_FIELDS = ("title", "url", "author")


def _type_name(value: Any) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), "number" if isinstance(value, (int, float)) else type(value).__name__
    )


def parse_line(line: str, line_no: int, *, source: str = "<jsonl>", published: Optional[str] = None) -> Document:
    """One JSONL line to a Document; raises :class:`IngestError` with the line's id (or ``"line N"``)."""
    from counterclaim.ingest.html import from_html
    from counterclaim.ingest.text import from_text

    where = f"line {line_no} of {source}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestError("E010", line=line_no, where=where, reason=f"{exc.msg}: column {exc.colno}") from None
    if not isinstance(record, dict):
        raise IngestError("E011", line=line_no, where=where, found=_type_name(record))
    raw_id = record.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, (str, int, float))):
        raise IngestError("E013", line=line_no, where=where, found=_type_name(raw_id))
    doc_id = str(raw_id) if raw_id is not None else None
    where = f"{where} (id {doc_id!r})" if doc_id is not None else where
    for field in STRING_FIELDS:
        if record.get(field) is not None and not isinstance(record[field], str):
            raise IngestError("E014", id=doc_id, line=line_no, where=where, field=field, found=_type_name(record[field]))
    date = next((record[f] for f in DATE_FIELDS if record.get(f)), None) or published
    if date is not None and not isinstance(date, str):
        raise IngestError("E014", id=doc_id, line=line_no, where=where, field="published", found=_type_name(date))
    text, html = record.get("text"), record.get("html")
    try:
        if isinstance(text, str) and text.strip():
            return from_text(text, id=doc_id, published=date, title=record.get("title") or None,
                             url=record.get("url"), author=record.get("author"), source_format="jsonl")
        if isinstance(html, str) and html.strip():
            return from_html(html, id=doc_id, url=record.get("url"), published=date,
                             title=record.get("title") or None, name=where)
    except IngestError as exc:  # a bad date or an empty page: report it under this line's id
        raise IngestError(exc.code, id=doc_id, line=line_no, **{**exc.fields, "path": where}) from None
    raise IngestError("E012", id=doc_id, line=line_no, where=where)


def read_jsonl(lines: Iterable[str], *, source: str = "<jsonl>", published: Optional[str] = None) -> Iterator[Union[Document, IngestError]]:
    """Documents (or IngestError objects for bad lines) from JSON Lines, in input order.

    ``published`` is the default date for lines without one.
    """
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield parse_line(line, n, source=source, published=published)
        except IngestError as exc:
            yield exc
