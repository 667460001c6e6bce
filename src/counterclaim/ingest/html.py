"""HTML pages to a :class:`~counterclaim.model.Document` with trafilatura.

trafilatura (Barbaresi 2021, "Trafilatura: A Web Scraping Library and Command-Line Tool
for Text Discovery and Extraction", ACL demos) finds the main text of a page without its
navigation, related-article lists and footers, and reads the title, date and author from
the page's metadata. ``document.text`` is that extracted text: offsets index it, not the
HTML. The text then goes through :func:`counterclaim.ingest.text.from_text` for paragraph
roles, so furniture that trafilatura kept is still marked ``boilerplate``.

What this module adds: the title is put first (as the headline paragraph) when trafilatura
left it out of the text, so headline statements ("Iran: ...") are not lost; a caption shown
twice (under the photo and in a gallery) is kept once (``DEDUPLICATE_MIN_CHARS``); and an
empty extraction is an error that says why (E006), never an empty document.
"""

from __future__ import annotations

import logging
import warnings
from typing import Optional, Union

from counterclaim.errors import IngestError
from counterclaim.model import Document, make_id

__all__ = ["from_html", "TRAFILATURA_OPTIONS", "DEDUPLICATE_MIN_CHARS", "MIN_ARTICLE_WORDS"]

log = logging.getLogger(__name__)

#: Options passed to ``trafilatura.bare_extraction``: precision over recall (a sidebar sentence
#: attributed to the article's sources is worse than a missed paragraph), no comments, no
#: tables, no image captions, the original publication date rather than the last update.
TRAFILATURA_OPTIONS = {
    "with_metadata": True,
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "favor_precision": True,
    "date_extraction_params": {"original_date": True, "extensive_search": True},
}
#: A paragraph repeated verbatim with at least this many characters is kept only once
#: (captions shown twice; shorter repeats like "Advertisement" are left to the boilerplate rules).
DEDUPLICATE_MIN_CHARS = 30
#: An extraction with fewer words than this is not an article (trafilatura's fallbacks can return a
#: navigation menu, "Home", for a page without main content): error E006 instead of a junk document.
MIN_ARTICLE_WORDS = 10


def _dedupe(lines: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for line in lines:
        key = " ".join(line.split()).casefold()
        if len(key) >= DEDUPLICATE_MIN_CHARS and key in seen:
            continue
        seen.add(key)
        out.append(line)
    return out


def from_html(
    html: Union[str, bytes],
    id: Optional[str] = None,
    url: Optional[str] = None,
    published: Optional[str] = None,
    *,
    title: Optional[str] = None,
    name: Optional[str] = None,
) -> Document:
    """The article in an HTML page: main text (no navigation, lists or footers), title, date, author.

    ``published`` given here wins over the page's own date (it is what the caller knows);
    ``title`` likewise. ``id`` defaults to a hash of the extracted text. ``name`` (a path or URL)
    is only used in error messages. Raises :class:`~counterclaim.errors.IngestError` (E006)
    when the page has no extractable article text.
    """
    import trafilatura

    from counterclaim.ingest.dates import normalise_date
    from counterclaim.ingest.text import from_text

    where = name or url or id or "the HTML input"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        result = trafilatura.bare_extraction(html, url=url, **TRAFILATURA_OPTIONS)
    meta = result.as_dict() if result is not None and hasattr(result, "as_dict") else (result or {})
    body = (meta.get("text") or "").strip()
    if len(body.split()) < MIN_ARTICLE_WORDS:
        raise IngestError("E006", id=id or where, path=where)
    lines = _dedupe([line.strip() for line in body.split("\n") if line.strip()])
    page_title = title or (meta.get("title") or "").strip() or None
    if page_title and " ".join(lines[0].split()).casefold() != " ".join(page_title.split()).casefold():
        lines.insert(0, page_title)
    text = "\n\n".join(lines) + "\n"
    date = published or meta.get("date")
    if date:
        try:
            date = normalise_date(date)
        except IngestError:
            if published:
                raise
            log.info("%s: ignoring the page's unreadable date %r", where, date)
            date = None
    return from_text(
        text,
        id=id if id is not None else make_id("doc", text),
        published=date,
        title=page_title,
        url=url or meta.get("url") or None,
        author=(meta.get("author") or None),
        source_format="html",
    )
