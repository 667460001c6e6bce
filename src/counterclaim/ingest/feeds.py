"""RSS 2.0 and Atom feeds: one :class:`~counterclaim.model.Document` per entry.

An entry's article is its full content when the feed carries it (``content:encoded`` in RSS,
``<content>`` in Atom), else its summary (``<description>``/``<summary>``); HTML content goes
through :func:`~counterclaim.ingest.html.from_html`, plain text through
:func:`~counterclaim.ingest.text.from_text`. The entry's title, link and date become the
document's ``title``, ``url`` and ``published``; the id is the entry's ``guid``/``id`` when it has
one, else a hash of the text. An entry that cannot become a document is yielded as an
:class:`~counterclaim.errors.IngestError` with the entry's id, like a bad JSONL line.

Feeds often carry only a summary: analyse the linked pages (saved as HTML) for full articles.
"""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Optional, Union

from counterclaim.errors import IngestError
from counterclaim.model import Document

__all__ = ["read_feed", "FEED_STARTS"]

#: Root elements of a feed (after the XML declaration), used to sniff feeds by content.
FEED_STARTS = ("<rss", "<feed", "<rdf:rdf")
ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
#: Text starting like markup is read as HTML.
HTML_HINT = ("<", "&lt;")


def _text(el: Optional[ET.Element]) -> Optional[str]:
    if el is None:
        return None
    value = "".join(el.itertext()) if len(el) else (el.text or "")
    return value.strip() or None


def _entries(root: ET.Element) -> Iterator[dict]:
    if root.tag == f"{ATOM}feed":
        for e in root.iter(f"{ATOM}entry"):
            link = next((l.get("href") for l in e.findall(f"{ATOM}link") if l.get("rel", "alternate") == "alternate"), None)
            content = e.find(f"{ATOM}content")
            body = _text(content) if content is not None else _text(e.find(f"{ATOM}summary"))
            yield {
                "id": _text(e.find(f"{ATOM}id")), "title": _text(e.find(f"{ATOM}title")), "url": link,
                "published": _text(e.find(f"{ATOM}published")) or _text(e.find(f"{ATOM}updated")),
                "author": _text(e.find(f"{ATOM}author/{ATOM}name")), "body": body,
            }
    else:  # RSS 2.0, and RSS 1.0 (RDF) whose items use the same child names in their namespace
        for e in root.iter():
            if e.tag not in ("item", f"{RSS1}item"):
                continue

            def get(name: str) -> Optional[str]:
                return _text(e.find(name)) or _text(e.find(f"{RSS1}{name}"))

            yield {
                "id": get("guid") or e.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"),
                "title": get("title"), "url": get("link"),
                "published": get("pubDate") or _text(e.find(DC_DATE)),
                "author": _text(e.find(DC_CREATOR)) or get("author"),
                "body": _text(e.find(CONTENT)) or get("description"),
            }


def read_feed(data: Union[str, bytes], *, source: str = "<feed>", published: Optional[str] = None) -> Iterator[Union[Document, IngestError]]:
    """Documents (or IngestError objects) for the entries of an RSS or Atom feed, in feed order."""
    from counterclaim.ingest.dates import normalise_date
    from counterclaim.ingest.html import from_html
    from counterclaim.ingest.text import from_text

    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        yield IngestError("E015", path=source, reason=str(exc))
        return
    for n, entry in enumerate(_entries(root), start=1):
        entry_id = entry["id"] or None
        where = f"entry {n} of {source}"
        try:
            date = entry["published"] or published
            if date:
                try:
                    date = normalise_date(date)
                except IngestError:
                    date = normalise_date(published) if published else None
            body = entry["body"]
            if not body:
                raise IngestError("E016", id=entry_id or where, path=where)
            if body.lstrip().startswith(HTML_HINT):
                try:
                    doc = from_html(body, id=entry_id, url=entry["url"], published=date, title=entry["title"], name=where)
                    yield dataclasses.replace(doc, source_format="feed", author=doc.author or entry["author"])
                    continue
                except IngestError:  # a short HTML summary: trafilatura finds no "article" in it
                    import trafilatura

                    body = (trafilatura.html2txt(body) or "").strip()
                    if not body:
                        raise
            text = f"{entry['title']}\n\n{body}\n" if entry["title"] else body
            yield from_text(text, id=entry_id, published=date, title=entry["title"], url=entry["url"],
                            author=entry["author"], source_format="feed")
        except IngestError as exc:
            exc.id, exc.line = entry_id or where, n  # ``line``: the entry's position in the feed
            yield exc
