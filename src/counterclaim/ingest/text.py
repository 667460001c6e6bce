"""Plain text to a :class:`~counterclaim.model.Document`: paragraphs and their roles.

The text is kept exactly as given (no normalisation that moves a character), so
every offset the later stages produce also indexes the input. What this module adds
is structure: paragraphs (:class:`~counterclaim.model.Paragraph`) with a role —
``headline``, ``subhead``, ``byline``, ``caption``, ``boilerplate`` or ``body`` — because
a photo caption or a "Most Popular" list must not yield statements attributed to the
article's sources, and a headline "Iran: ..." yields a ``kind="headline"`` statement.

The rules are the module constants below, applied in this order: boilerplate (page
furniture, patterns in ``data/boilerplate.txt``), captions, headline, byline, subhead,
body. They follow what boilerplate-removal work found to separate furniture from
article text — short blocks, link-like lines, repeated blocks, credit lines
(Kohlschütter, Fankhauser & Nejdl 2010, "Boilerplate Detection using Shallow Text
Features", WSDM; Pomikálek 2011, jusText) — reduced to what survives in plain text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Optional

from counterclaim.errors import IngestError
from counterclaim.model import Document, Paragraph, make_id

__all__ = [
    "from_text", "split_paragraphs", "assign_roles", "explain_roles", "explain",
    "HEADLINE_MAX_WORDS", "SUBHEAD_MAX_WORDS", "STANDFIRST_MAX_WORDS", "DATELINE_PATTERN", "BYLINE_PATTERN", "CAPTION_CREDIT_PATTERN",
    "AGENCY_DATELINE_PATTERN", "dateline_end",
    "CAPTION_PREFIX_PATTERN", "CAPTION_REPEAT_MIN_CHARS", "BOILERPLATE_PATTERNS_FILE", "caption_credit_spans",
]

# --------------------------------------------------------------------------- paragraph splitting

#: Characters that end a sentence, for the "final period" tests (closing quotes and brackets are skipped first).
TERMINAL_PUNCTUATION = ".!?…"
#: Closing quotes and brackets skipped before looking at a paragraph's last character.
CLOSERS = "\"'”’»)]*"
#: Hard-wrapped text (a paragraph broken into lines of similar width) is re-joined into one
#: paragraph when a block of >= WRAP_MIN_LINES lines has all but its last line between
#: WRAP_MIN_WIDTH and WRAP_MAX_WIDTH characters, within WRAP_MAX_SPREAD of each other, and most of
#: them do not end a sentence. Otherwise every line is its own paragraph (news sites put one
#: paragraph per line, and captions are often repeated on consecutive lines).
WRAP_MIN_LINES = 3
WRAP_MIN_WIDTH = 40
WRAP_MAX_WIDTH = 100
WRAP_MAX_SPREAD = 25
#: Two lines are also joined when the first (at least WRAP_MIN_WIDTH long) does not end a sentence
#: and the second starts in lower case.
CONTINUATION_START = re.compile(r"^[a-z]")

# --------------------------------------------------------------------------- roles

#: A first paragraph is the headline when it equals the given title, or (no title given) when it
#: has at most this many words and does not end with a period (so a body-only text gets no headline).
#: When a different title is given, a short unpunctuated first paragraph is a subhead (standfirst).
HEADLINE_MAX_WORDS = 30
#: A sentence boundary inside a paragraph ("... last year. Now ..."): a headline is one sentence
#: (a colon-separated "Iran: ...; Hamas: ..." is one; "Oct. 7" is no boundary: a digit follows).
SENTENCE_BREAK = re.compile(r"[a-z)]{2}[.!?][\"”’']? [A-Z][a-z]")
#: The paragraph after the headline (and byline) is a subhead / standfirst when it has at most
#: this many words and does not end with a period.
SUBHEAD_MAX_WORDS = 70
#: A dateline opens the body proper of a wire report: "VELDHAVEN (Wire) —", "JERUSALEM, March 5 (Reuters) -",
#: "LONDON —", "WASHINGTON ―" (a horizontal bar, as HuffPost sets it). A short paragraph ending with a period between the headline and a byline or a
#: dateline is a standfirst (subhead) too, if it has at most STANDFIRST_MAX_WORDS words.
DATELINE_PATTERN = re.compile(
    r"^[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,4}(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?\s*(?:\([^()]{1,40}\))?\s*[—–―-]{1,2}\s"
)
#: A dateline that is only the agency: "(Reuters) -".
AGENCY_DATELINE_PATTERN = re.compile(r"^\([A-Z][A-Za-z .]{1,40}\)\s*[—–―-]{1,2}\s")
STANDFIRST_MAX_WORDS = 45
#: Byline: "By Jane Doe", "BY JANE DOE and JOHN ROE, Associated Press", "By Jane Doe | Reuters".
BYLINE_PATTERN = re.compile(r"^by\s+[A-Z][\w.'’-]*(?:[\s,|&]+[\w.'’-]+){0,12}\s*$", re.I)
#: Bylines are looked for among the first paragraphs only.
BYLINE_MAX_INDEX = 4
#: A photo caption ends with a credit in parentheses: "(Atta Kenare/AFP)", "(via Tasnim News
#: Agency)", "(AP Photo/Hussein Malla)", "(Kan TV screenshot; ...)", "(Courtesy of ...)",
#: or with "Photo: Name/Agency" / "Credit: ...".
CAPTION_CREDIT_PATTERN = re.compile(
    r"""(?:
        \(\s*(?:
            via\s[^()]{2,120}                                   # (via Tasnim News Agency)
          | [^()/]{2,80}/\s?[^()/]{2,80}(?:/[^()/]{2,40})?       # (Atta Kenare/AFP), (AP Photo/Name)
          | [^()]{0,80}\b(?:photo|photograph|screenshot|screengrab|courtesy|credit|file|handout|illustration|image)\b[^()]{0,120}
        )\)
      | \b(?:photo|photograph|picture|image|credit|photo\s+credit)s?\s?:\s?[^.()]{2,80}
    )\s*$""",
    re.I | re.X,
)
#: A caption starts "FILE –", "FILE PHOTO:", "In this photo ...", "This image ...".
CAPTION_PREFIX_PATTERN = re.compile(
    r"^(?:FILE(?:\s+PHOTO)?\s*[-–—:]|(?:in\s+)?this\s+(?:(?:undated|handout|file)\s+)?(?:photo|image|picture|photograph|frame\s+grab|video\s+grab)\b)",
    re.I,
)
#: A paragraph repeated verbatim (a caption shown twice: under the photo and in the gallery)
#: is a caption if it has at least this many characters and the copies are adjacent or one of
#: them has a caption mark (credit, "FILE –"). The first copy is the caption; a copy right after
#: another is a duplicate and becomes boilerplate, so its dates and names are not counted twice
#: (a copy elsewhere, under another photo, stays a caption). Copies far apart without caption
#: marks are a pull quote or teaser repeating the body: the first stays body, the rest are boilerplate.
CAPTION_REPEAT_MIN_CHARS = 30
#: Captions are at most this many words (a long paragraph ending in "(...)" is body text).
CAPTION_MAX_WORDS = 90
#: Boilerplate patterns (one regex per line; "block:" marks the start of a list of furniture).
BOILERPLATE_PATTERNS_FILE = "boilerplate.txt"
#: Boilerplate paragraphs are short: a paragraph with more words is never boilerplate.
BOILERPLATE_MAX_WORDS = 40
#: Items of a furniture block ("Most Popular" then headlines): short, no final period.
BLOCK_ITEM_MAX_WORDS = 20


@lru_cache(maxsize=1)
def caption_credit_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Character spans of a caption's credit ("(Atta Kenare/AFP)", "Photo: Reuters") and "FILE –" prefix,
    for the caption paragraph ``text[start:end]``: names there are the photographer's and the agency's,
    not actors of the story."""
    para = text[start:end]
    out = []
    m = CAPTION_PREFIX_PATTERN.match(para)
    if m:
        out.append((start, start + m.end()))
    m = CAPTION_CREDIT_PATTERN.search(para)
    if m:
        out.append((start + m.start(), start + m.end()))
    return out


def boilerplate_patterns() -> tuple[tuple[re.Pattern, ...], tuple[re.Pattern, ...]]:
    """(line patterns, block-start patterns) from ``data/boilerplate.txt``."""
    text = resources.files("counterclaim").joinpath("data", BOILERPLATE_PATTERNS_FILE).read_text(encoding="utf-8")
    lines, blocks = [], []
    for raw in text.splitlines():
        raw = raw.strip()
        if not raw or raw.startswith("#"):
            continue
        if raw.startswith("block:"):
            blocks.append(re.compile(raw[len("block:"):], re.I))
        else:
            lines.append(re.compile(raw, re.I))
    return tuple(lines), tuple(blocks)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without its line break (\\n, \\r\\n or \\r)."""
    out = []
    for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text):
        if m.start() == len(text) and m.end() == len(text) and out:
            break
        line = m.group(0).rstrip("\r\n")
        out.append((m.start(), m.start() + len(line)))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def ends_sentence(s: str, marks: str = TERMINAL_PUNCTUATION) -> bool:
    s = s.rstrip().rstrip(CLOSERS).rstrip()
    return bool(s) and s[-1] in marks


def _is_wrapped(widths: list[int], enders: list[bool]) -> bool:
    if len(widths) < WRAP_MIN_LINES:
        return False
    body, body_enders = widths[:-1], enders[:-1]
    return (
        min(body) >= WRAP_MIN_WIDTH
        and max(body) <= WRAP_MAX_WIDTH
        and max(body) - min(body) <= WRAP_MAX_SPREAD
        and sum(body_enders) * 2 <= len(body_enders)
    )


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, whitespace trimmed: non-blank lines, re-joined when hard-wrapped."""
    blocks: list[list[tuple[int, int]]] = [[]]
    for start, end in _lines(text):
        s, e = _strip(text, start, end)
        if s == e:
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append((s, e))
    out: list[tuple[int, int]] = []
    for block in blocks:
        if not block:
            continue
        strings = [text[s:e] for s, e in block]
        enders = [ends_sentence(x, TERMINAL_PUNCTUATION + ":;") for x in strings]
        if _is_wrapped([len(x) for x in strings], enders):
            out.append((block[0][0], block[-1][1]))
            continue
        cur = list(block[0])
        for i in range(1, len(block)):
            if not enders[i - 1] and len(strings[i - 1]) >= WRAP_MIN_WIDTH and CONTINUATION_START.match(strings[i]):
                cur[1] = block[i][1]
            else:
                out.append((cur[0], cur[1]))
                cur = list(block[i])
        out.append((cur[0], cur[1]))
    return out


# --------------------------------------------------------------------------- roles


def dateline_end(text: str, start: int = 0) -> Optional[int]:
    """Where the dateline that opens the paragraph at ``start`` ends ("SANA, Yemen — ", "BOSTON (AP) - ",
    "(Reuters) - ": :data:`DATELINE_PATTERN`, :data:`AGENCY_DATELINE_PATTERN`), or None: when ``start``
    opens no paragraph, or no sentence starts after the dash ("NATO - the alliance - said" is no dateline)."""
    if start > 0 and text[start - 1] != "\n":
        return None
    head = text[start:start + 120]
    m = DATELINE_PATTERN.match(head) or AGENCY_DATELINE_PATTERN.match(head)
    if m is None:
        return None
    end = start + m.end()
    while end < len(text) and text[end] in " \t\xa0":
        end += 1
    if end >= len(text) or not (text[end].isupper() or text[end] in "\"“‘'"):
        return None
    return end


def _words(s: str) -> int:
    return len(s.split())


#: punctuation a title may end with in one copy and not the other ("Lawmaker urges retaliation on Russia;")
TITLE_END = " .;:,"


def _key(s: str) -> str:
    return " ".join(s.split()).casefold()


def _boilerplate(paras: list[str]) -> list[Optional[str]]:
    """For each paragraph, the boilerplate rule that matched it (``None``: not boilerplate)."""
    lines, blocks = boilerplate_patterns()
    n = len(paras)
    out: list[Optional[str]] = [None] * n
    is_block_start = [False] * n
    for i, p in enumerate(paras):
        if _words(p) > BOILERPLATE_MAX_WORDS:
            continue
        hit = next((b for b in blocks if b.match(p)), None)
        if hit is not None:
            out[i] = f"boilerplate block start /{hit.pattern}/"
            is_block_start[i] = True
            continue
        hit = next((pat for pat in lines if pat.match(p)), None)
        if hit is not None:
            out[i] = f"boilerplate /{hit.pattern}/"
    # A block ("Most Popular" + list of headlines) covers the short, unpunctuated paragraphs after
    # its start, but only when they run up to the end of the text or to other furniture: a "Most
    # Popular" box at the top must not swallow the headline of the article below it.
    for i in range(n):
        if not is_block_start[i]:
            continue
        j = i + 1
        while j < n and out[j] is None and _words(paras[j]) <= BLOCK_ITEM_MAX_WORDS and not ends_sentence(paras[j], "."):
            j += 1
        if j == n or out[j] is not None:
            for k in range(i + 1, j):
                out[k] = "boilerplate block item (BLOCK_ITEM_MAX_WORDS)"
    return out


def _captions(paras: list[str], skip: list[bool]) -> tuple[list[Optional[str]], list[Optional[str]]]:
    """(caption rule or None, duplicate rule or None) for each paragraph.

    The duplicate rule names why a later copy of a repeated paragraph is boilerplate.
    """
    by_rule: list[Optional[str]] = []
    for p, s in zip(paras, skip):
        rule = None
        if not s and _words(p) <= CAPTION_MAX_WORDS:
            if CAPTION_PREFIX_PATTERN.match(p):
                rule = "caption prefix (CAPTION_PREFIX_PATTERN)"
            elif CAPTION_CREDIT_PATTERN.search(p):
                rule = "caption credit (CAPTION_CREDIT_PATTERN)"
        by_rule.append(rule)
    copies: dict[str, list[int]] = {}
    for i, (p, s) in enumerate(zip(paras, skip)):
        if not s and len(p) >= CAPTION_REPEAT_MIN_CHARS and _words(p) <= CAPTION_MAX_WORDS:
            copies.setdefault(_key(p), []).append(i)
    caption: list[Optional[str]] = list(by_rule)
    duplicate: list[Optional[str]] = [None] * len(paras)
    for idx in copies.values():
        if len(idx) < 2:
            continue
        adjacent = any(b - a == 1 for a, b in zip(idx, idx[1:]))
        if adjacent or any(by_rule[i] for i in idx):
            for prev, i in zip([None, *idx], idx):
                if prev is not None and i - prev == 1:
                    duplicate[i] = "caption repeated right after itself (CAPTION_REPEAT_MIN_CHARS)"
                else:
                    caption[i] = caption[i] or "caption repeated verbatim (CAPTION_REPEAT_MIN_CHARS)"
        else:
            # repeated far apart, no caption marks: a pull quote or teaser repeating the body
            for i in idx[1:]:
                duplicate[i] = "repeated paragraph far from its first copy (pull quote)"
    return caption, duplicate


def assign_roles(paras: list[str], title: Optional[str] = None) -> list[str]:
    """The role of each paragraph (see the module docstring for the rules and their order)."""
    return [role for role, _rule in explain_roles(paras, title)]


def explain_roles(paras: list[str], title: Optional[str] = None) -> list[tuple[str, str]]:
    """(role, rule that gave it) for each paragraph — the provenance of :func:`assign_roles`."""
    roles = ["body"] * len(paras)
    rules = ["default"] * len(paras)

    def set_role(i: int, role: str, rule: str) -> None:
        roles[i], rules[i] = role, rule

    boiler = _boilerplate(paras)
    for i, b in enumerate(boiler):
        if b:
            set_role(i, "boilerplate", b)
    caption, duplicate = _captions(paras, [b is not None for b in boiler])
    for i in range(len(paras)):
        if duplicate[i]:
            set_role(i, "boilerplate", duplicate[i])
        elif caption[i]:
            set_role(i, "caption", caption[i])
    first = next((i for i, r in enumerate(roles) if r != "boilerplate"), None)
    if first is None:
        return list(zip(roles, rules))
    nxt = first
    if roles[first] == "body":
        p = paras[first]
        if title and _key(p).rstrip(TITLE_END) == _key(title).rstrip(TITLE_END):
            set_role(first, "headline", "headline equals the title")
            nxt = first + 1
        elif title:
            # the title came separately (JSONL, HTML metadata) and the text starts after it: a short
            # unpunctuated first paragraph is a standfirst (BBC style), not a second headline
            if _words(p) <= SUBHEAD_MAX_WORDS and not ends_sentence(p, "."):
                set_role(first, "subhead", "standfirst before the body, title given (SUBHEAD_MAX_WORDS)")
        elif _words(p) <= HEADLINE_MAX_WORDS and not ends_sentence(p, ".:") and not SENTENCE_BREAK.search(p):
            set_role(first, "headline", "first paragraph, one short sentence without a period (HEADLINE_MAX_WORDS)")
            nxt = first + 1
    # bylines near the top
    for i in range(first, min(len(paras), first + BYLINE_MAX_INDEX + 1)):
        if roles[i] == "body" and BYLINE_PATTERN.match(paras[i]) and _words(paras[i]) <= 15:
            set_role(i, "byline", "byline (BYLINE_PATTERN)")
    if roles[first] == "headline":
        while nxt < len(paras) and roles[nxt] in ("byline", "boilerplate"):
            nxt += 1
        if nxt < len(paras) and roles[nxt] == "body" and _is_standfirst(paras, roles, nxt):
            set_role(nxt, "subhead", "standfirst after the headline (SUBHEAD_MAX_WORDS, DATELINE_PATTERN)")
    return list(zip(roles, rules))


def _is_standfirst(paras: list[str], roles: list[str], i: int) -> bool:
    """Paragraph ``i`` (right after the headline) is a standfirst: short, and either without a final
    period, or followed by the start of the body proper (a byline or a dateline)."""
    p = paras[i]
    if _words(p) > SUBHEAD_MAX_WORDS or DATELINE_PATTERN.match(p):
        return False
    if not ends_sentence(p, "."):
        return True
    if _words(p) > STANDFIRST_MAX_WORDS:
        return False
    j = i + 1
    while j < len(paras) and roles[j] in ("caption", "boilerplate"):
        j += 1
    return j < len(paras) and (roles[j] == "byline" or bool(DATELINE_PATTERN.match(paras[j])))


def from_text(
    text: str,
    id: Optional[str] = None,
    published: Optional[str] = None,
    title: Optional[str] = None,
    *,
    url: Optional[str] = None,
    author: Optional[str] = None,
    source_format: str = "text",
) -> Document:
    """An article from plain text, kept unchanged, with its paragraphs and their roles.

    ``id`` defaults to a hash of the text (``make_id("doc", text)``), so the same text always
    gets the same id. ``published`` is normalised to ``YYYY-MM-DD`` (see
    :func:`~counterclaim.ingest.normalise_date`). ``title`` defaults to the headline paragraph.

    >>> d = from_text("Iran: it was revenge\\n\\nThe IRGC said on Wednesday that it was revenge.\\n")
    >>> [p.role for p in d.paragraphs], d.title
    (['headline', 'body'], 'Iran: it was revenge')
    """
    from counterclaim.ingest.dates import normalise_date

    if isinstance(text, (bytes, bytearray)):
        raise TypeError("from_text() takes str, not bytes; decode it first (text = data.decode('utf-8')) or use counterclaim.ingest.load(path)")
    if not isinstance(text, str):
        raise TypeError(f"from_text() takes str, not {type(text).__name__}")
    doc_id = str(id) if id is not None else make_id("doc", text)
    if not text.strip():
        raise IngestError("E004", id=doc_id, path=doc_id)
    spans = split_paragraphs(text)
    roles = assign_roles([text[s:e] for s, e in spans], title)
    paragraphs = tuple(Paragraph(s, e, r) for (s, e), r in zip(spans, roles))
    if title is None:
        title = next((text[p.start:p.end] for p in paragraphs if p.role == "headline"), None)
    return Document(
        id=doc_id,
        text=text,
        title=title,
        published=normalise_date(published) if published else None,
        url=url,
        author=author,
        source_format=source_format,
        paragraphs=paragraphs,
    )


def explain(text: str, title: Optional[str] = None) -> list[tuple[int, int, str, str]]:
    """(start, end, role, rule) of every paragraph of ``text``: which rule gave each paragraph its role.

    >>> explain("Advertisement")
    [(0, 13, 'boilerplate', 'boilerplate /advertisement$/')]
    """
    spans = split_paragraphs(text)
    return [(s, e, role, rule) for (s, e), (role, rule) in zip(spans, explain_roles([text[s:e] for s, e in spans], title))]
