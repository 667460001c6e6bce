"""The error catalogue: every error counterclaim raises on purpose, with a code and the fix.

Modelled on spaCy's ``Errors`` catalogue: a message says what went wrong, names the
input it concerns and says how to fix it, and carries a stable code (``E001``) that
users can search for. A few named exception classes group the codes by stage:

- :class:`IngestError` (input files, lines, dates) — also a ``ValueError``;
- :class:`ConfigError` (configuration files and environment variables) — a ``ValueError``;
- :class:`ModelError` (the NLP pipeline cannot be found or loaded) — a ``RuntimeError``.

Raise one with its code and the fields of its message::

    raise IngestError("E002", id="notes.pdf", path="notes.pdf")

In a batch, :func:`counterclaim.ingest.load` *yields* :class:`IngestError` objects instead of
raising them, so that one bad input never stops a run; their ``id`` says which input failed.
"""

from __future__ import annotations

from typing import Any, Optional

__all__ = ["Errors", "CounterclaimError", "IngestError", "ConfigError", "ModelError"]


class Errors:
    """Message templates by code. Each says what went wrong and how to fix it."""

    # ---- ingest: paths and bytes
    E001 = "No such file or directory: '{path}'. Check the path, or pass '-' to read from standard input."
    E002 = (
        "'{path}' looks binary (NUL bytes); pass a UTF-8 text, HTML or JSONL file "
        "(convert PDFs or word-processor files to text first, e.g. with pdftotext)."
    )
    E003 = (
        "'{path}' is not valid UTF-8 (byte 0x{byte:02x} at offset {offset}); convert it first, "
        "e.g. `iconv -f latin1 -t utf-8 '{path}' > out.txt`."
    )
    E004 = "'{path}' has no text (the document is empty or only whitespace); pass an article with text."
    E005 = "'{path}' is neither a file nor a directory; pass text (.txt), HTML (.html/.htm) or JSONL (.jsonl) files or directories."
    E006 = (
        "No article text could be extracted from the HTML of '{path}' (trafilatura found no main content); "
        "check that the page contains the article itself (not a login wall or a script-only page), "
        "or pass the article text as a .txt file."
    )
    E008 = "Cannot read '{path}': {reason}. Check that the file is readable (permissions, not a broken link)."
    E009 = (
        "Document '{path}' has {chars} characters, more than max_chars={max_chars}; split it into articles, "
        "or raise the limit (configuration key max_chars, environment variable COUNTERCLAIM_MAX_CHARS)."
    )
    E007 = "Directory '{path}' holds no .txt, .html, .htm, .jsonl, .rss or .atom files; pass a directory of articles or the files themselves."
    # ---- ingest: JSON Lines
    E010 = (
        "{where} is not valid JSON ({reason}); each line must be one JSON object such as "
        '{{"id": "a1", "text": "...", "published": "2024-03-06"}}.'
    )
    E011 = (
        "{where} is a JSON {found}, not an object; each line must be one JSON object such as "
        '{{"id": "a1", "text": "..."}}.'
    )
    E012 = "{where} has no \"text\" field (or it is not a string); give each line the article text in \"text\" (or the page in \"html\")."
    E013 = "{where} has an \"id\" that is a {found}; use a string (or a number) as the id."
    E014 = "{where}: field \"{field}\" must be a string or null, not a {found}; write it as a JSON string or leave it out."
    E015 = "'{path}' is not a well-formed RSS/Atom feed ({reason}); save the feed's XML as it was served, or pass the articles as HTML files."
    E016 = "{path} has no content or description; this entry carries no article text (save the linked page as HTML instead)."
    # ---- dates
    E020 = (
        "Cannot read the date {value!r}; write it as YYYY-MM-DD (e.g. 2023-12-27). Also accepted: "
        "ISO datetimes (2023-12-27T10:30:00Z), '27 December 2023', 'Dec. 27, 2023', '2023/12/27', "
        "RFC 2822 ('Wed, 27 Dec 2023 10:30:00 +0000')."
    )
    E021 = (
        "The date {value!r} is ambiguous (day/month or month/day?); write it as YYYY-MM-DD."
    )
    E022 = "The date {value!r} does not exist ({reason}); write a real date as YYYY-MM-DD."
    # ---- config
    E030 = "Unknown configuration key '{key}' in {source}. Known keys: {known}. Run `counterclaim config` to list them with their documentation."
    E031 = "Configuration key '{key}' in {source} must be {expected}, not {value!r}; `counterclaim config` lists the keys and their documentation."
    E032 = "Cannot read configuration file '{path}': {reason}. Write it as TOML (.toml) or YAML (.yaml/.yml) with keys from `counterclaim config`."
    E033 = "Configuration file '{path}' has an unknown extension; name it *.toml, *.yaml or *.yml."
    # ---- model
    E040 = (
        "The NLP pipeline could not be loaded ({reason}). Reinstall counterclaim "
        "(`pip install -e .`) so its model ships with it, or set the configuration key 'pipeline' "
        "(environment variable COUNTERCLAIM_PIPELINE) to the path of a spaCy pipeline."
    )


class CounterclaimError(Exception):
    """Base of counterclaim's errors: ``code`` (e.g. ``"E002"``) and a message with the fix."""

    def __init__(self, code: str, **fields: Any) -> None:
        template = getattr(Errors, code, None)
        if template is None:
            raise KeyError(f"unknown error code {code!r}; add it to counterclaim.errors.Errors")
        self.code = code
        self.fields = fields
        super().__init__(f"[{code}] " + template.format(**fields))

    @property
    def message(self) -> str:
        return str(self)


class IngestError(CounterclaimError, ValueError):
    """An input that cannot become a :class:`~counterclaim.model.Document`.

    ``id`` names the input: the document id when it was readable, else ``"line N"`` for a
    JSONL line, else the path. ``path`` and ``line`` say where it came from when known
    (``line`` is the line of a JSONL file, or the entry's position in a feed).
    """

    def __init__(self, code: str, *, id: Optional[str] = None, path: Optional[str] = None,
                 line: Optional[int] = None, **fields: Any) -> None:
        if path is not None:
            fields.setdefault("path", path)
        super().__init__(code, **fields)
        self.id = id if id is not None else (f"line {line}" if line is not None else (path or ""))
        self.path = path
        self.line = line


class ConfigError(CounterclaimError, ValueError):
    """A configuration file or environment variable that cannot be used."""


class ModelError(CounterclaimError, RuntimeError):
    """The NLP pipeline cannot be found or loaded."""
