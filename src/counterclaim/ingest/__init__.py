"""Ingest: articles (text, HTML, JSON Lines; files, directories, stdin) to :class:`~counterclaim.model.Document`.

- :func:`from_text` — plain text, kept unchanged, with paragraph roles;
- :func:`from_html` — an HTML page through trafilatura (main text, title, date, author);
- :func:`load` — paths to a stream of documents; a bad input yields an
  :class:`~counterclaim.errors.IngestError` *object* (not raised) so a batch goes on;
- :func:`read_feed` — RSS/Atom feeds, one document per entry;
- :func:`normalise_date` — publication dates to ``YYYY-MM-DD``.

Example::

    >>> from counterclaim import ingest
    >>> for item in ingest.load(["article.txt", "collection.jsonl"]):
    ...     if isinstance(item, ingest.IngestError):
    ...         print("skipped", item.id, item)
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Optional, Union

from counterclaim.errors import IngestError
from counterclaim.ingest.dates import normalise_date
from counterclaim.ingest.html import from_html
from counterclaim.ingest.feeds import FEED_STARTS, read_feed
from counterclaim.ingest.jsonl import read_jsonl
from counterclaim.ingest.text import from_text
from counterclaim.model import Document

__all__ = [
    "from_text", "from_html", "read_feed", "load", "load_bytes", "normalise_date", "expand_paths", "count_inputs",
    "IngestError", "TEXT_SUFFIXES", "HTML_SUFFIXES", "JSONL_SUFFIXES", "FEED_SUFFIXES", "BINARY_SNIFF_BYTES",
]

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
FEED_SUFFIXES = (".rss", ".atom")
#: Input whose first this-many bytes hold a NUL byte is binary (PDF, DOCX, images): error E002.
BINARY_SNIFF_BYTES = 8192
#: Content starting (after whitespace and a BOM) with one of these is read as HTML whatever the file name.
HTML_STARTS = (b"<!doctype", b"<html", b"<?xml", b"<head", b"<body", b"<article", b"<div", b"<p>", b"<meta", b"<!--")

PathLike = Union[str, os.PathLike]


def _sniff(data: bytes, suffix: str) -> str:
    """'text', 'html' or 'jsonl' from the file suffix, else from the content."""
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in FEED_SUFFIXES:
        return "feed"
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if suffix not in TEXT_SUFFIXES and head.startswith(b"<") and any(
        tag.encode() in data[:2048].lower() for tag in FEED_STARTS
    ):
        return "feed"
    if suffix not in TEXT_SUFFIXES and head.startswith(HTML_STARTS):
        return "html"
    if suffix not in TEXT_SUFFIXES and head.startswith(b"{"):
        first = data.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0].strip()
        if first.endswith(b"}"):
            return "jsonl"
    return "text"


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError("E003", path=name, byte=data[exc.start], offset=exc.start) from None


def load_bytes(data: bytes, name: str = "<stdin>", *, suffix: str = "", published: Optional[str] = None) -> Iterator[Union[Document, IngestError]]:
    """Documents from the bytes of one input (a file's content, stdin); errors are yielded."""
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        yield IngestError("E002", path=name)
        return
    kind = _sniff(data, suffix.lower())
    try:
        if kind == "html":
            yield from_html(data, published=published, name=name)
        elif kind == "feed":
            yield from read_feed(data, source=name, published=published)
        elif kind == "jsonl":
            yield from read_jsonl(_decode(data, name).splitlines(), source=name, published=published)
        else:
            text = _decode(data, name)
            if not text.strip():
                raise IngestError("E004", path=name)
            yield from_text(text, published=published)
    except IngestError as exc:
        yield exc


def expand_paths(paths: Iterable[PathLike]) -> list[str]:
    """Files to read, in order: directories give their .txt/.html/.htm/.jsonl files (recursively,
    sorted, hidden files skipped); "-" stays "-" (stdin). Raises IngestError for a missing path."""
    out: list[str] = []
    for p in paths:
        p = os.fspath(p)
        if p == "-":
            out.append(p)
            continue
        path = Path(p)
        if path.is_dir():
            found = sorted(
                str(f) for f in path.rglob("*")
                if f.is_file()
                and not any(part.startswith(".") for part in f.relative_to(path).parts)
                and f.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + FEED_SUFFIXES
            )
            if not found:
                raise IngestError("E007", path=p)
            out.extend(found)
        elif path.is_file():
            out.append(p)
        elif not path.exists():
            raise IngestError("E001", path=p)
        else:
            raise IngestError("E005", path=p)
    return out


def count_inputs(paths: Iterable[PathLike]) -> Optional[int]:
    """How many documents :func:`load` will yield (non-blank JSONL lines count one each); None for stdin."""
    total = 0
    for p in expand_paths(paths):
        if p == "-":
            return None
        if p.lower().endswith(JSONL_SUFFIXES):
            with open(p, "rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            total += 1
    return total


def load(
    path_or_paths: Union[PathLike, Iterable[PathLike]],
    *,
    published: Optional[str] = None,
    stdin: Optional[BinaryIO] = None,
) -> Iterator[Union[Document, IngestError]]:
    """Documents from files, directories or ``"-"`` (standard input), in input order.

    ``.txt`` is plain text, ``.html``/``.htm`` HTML, ``.jsonl`` one article per line, ``.rss``/``.atom``
    one article per feed entry; other names are sniffed (an ``<rss``/``<feed`` root is a feed, other
    content starting with ``<`` is HTML, with ``{`` JSON Lines). ``published``
    is the date for inputs that carry none. A bad input (binary, not UTF-8, empty, a bad JSONL
    line) is *yielded* as an :class:`IngestError` with ``.id``, so the stream goes on; a path that
    does not exist raises IngestError (E001) at once, before anything is read.
    """
    if published:
        published = normalise_date(published)
    if isinstance(path_or_paths, (str, os.PathLike)):
        path_or_paths = [path_or_paths]
    files = expand_paths(path_or_paths)

    def generate() -> Iterator[Union[Document, IngestError]]:
        for f in files:
            if f == "-":
                stream = stdin if stdin is not None else sys.stdin.buffer
                yield from load_bytes(stream.read(), "<stdin>", published=published)
                continue
            try:
                data = Path(f).read_bytes()
            except OSError as exc:
                yield IngestError("E008", path=f, reason=exc.strerror or str(exc))
                continue
            yield from load_bytes(data, f, suffix=Path(f).suffix, published=published)

    return generate()

