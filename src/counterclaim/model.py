"""Immutable records that pass between the stages of counterclaim.

Every record that points into an article does so with character offsets into
``Document.text`` (Python ``str`` indices), so every output can be traced back to
the characters it came from. No spaCy object ever appears here: the NLP stage
keeps those to itself and hands these records on.

The JSON form of :class:`Analysis` is the contract in ``CONTRACT.md``; records
may carry more fields than the contract names (``rule``, ``paragraph``...), never fewer.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from dataclasses import dataclass
from typing import Any, Optional

__all__ = [
    "Span",
    "Paragraph",
    "Document",
    "Speaker",
    "Statement",
    "Actor",
    "Timex",
    "Location",
    "EventTime",
    "Event",
    "Claim",
    "Position",
    "Dispute",
    "Analysis",
    "make_id",
    "STATEMENT_KINDS",
    "SPEECH_ACTS",
    "ACTOR_TYPES",
    "TIMEX_TYPES",
    "EVENT_MODES",
    "PARAGRAPH_ROLES",
]

STATEMENT_KINDS = ("direct", "indirect", "mixed", "headline", "according_to", "nominal", "other")
SPEECH_ACTS = (
    "claim", "denial", "threat", "vow", "accusation", "condemnation", "admission",
    "confirmation", "report", "no_comment", "demand", "belief", "other",
)
ACTOR_TYPES = ("person", "organization", "country", "group", "media", "other")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
EVENT_MODES = ("asserted", "alleged", "denied", "future", "hypothetical", "negated")
PARAGRAPH_ROLES = ("headline", "subhead", "byline", "caption", "body", "boilerplate")


def make_id(prefix: str, *parts: object) -> str:
    """A short, deterministic id from content: the same input always gives the same id.

    ``make_id("s", "doc1", 10, 14)`` is ``"s_776d766692"`` on every machine and every run.
    """
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:10]}"


# --------------------------------------------------------------------------- spans


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``text[start:end]`` of a document; ``text`` is kept for readability and checks."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, document_text: str, start: int, end: int, *, trim: bool = True) -> "Span":
        """The span of ``document_text[start:end]``, with surrounding whitespace trimmed."""
        if trim:
            while start < end and document_text[start].isspace():
                start += 1
            while end > start and document_text[end - 1].isspace():
                end -= 1
        return cls(start, end, document_text[start:end])

    def check(self, document_text: str) -> bool:
        return 0 <= self.start <= self.end <= len(document_text) and document_text[self.start:self.end] == self.text

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of the article text and its role: headline, subhead, byline, caption, body, boilerplate."""

    start: int
    end: int
    role: str = "body"


@dataclass(frozen=True, slots=True)
class Document:
    """An article. For plain-text input ``text`` is the input unchanged."""

    id: str
    text: str
    title: Optional[str] = None
    published: Optional[str] = None  # YYYY-MM-DD
    url: Optional[str] = None
    author: Optional[str] = None
    source_format: str = "text"  # text | html | jsonl
    paragraphs: tuple[Paragraph, ...] = ()

    def paragraph_at(self, offset: int) -> Optional[Paragraph]:
        for p in self.paragraphs:
            if p.start <= offset < p.end:
                return p
        return None

    def role_at(self, offset: int) -> str:
        p = self.paragraph_at(offset)
        return p.role if p else "body"


# --------------------------------------------------------------------------- statements and actors


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a statement's source refers to, resolved; ``chain`` lists affiliation names outward."""

    name: str
    actor_id: Optional[str] = None
    chain: tuple[str, ...] = ()  # e.g. ("Ramazan Sharif", "IRGC", "Iran")


@dataclass(frozen=True, slots=True)
class Statement:
    id: str
    cue: Span
    content: tuple[Span, ...]
    kind: str  # one of STATEMENT_KINDS
    act: str  # one of SPEECH_ACTS
    source: Optional[Span] = None
    speaker: Optional[Speaker] = None
    confidence: float = 1.0
    rule: str = ""  # which rule or model produced it (provenance)
    negated: bool = False
    replies_to: tuple[str, ...] = ()  # statement ids this one rebuts or answers
    # id of the statement that reports this one in its content ("according to Press TV, Hezbollah said …":
    # Hezbollah's statement is nested in Press TV's); None for a statement the article makes itself
    nested_in: Optional[str] = None


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    type: str  # one of ACTOR_TYPES
    country: Optional[str] = None  # ISO 3166 alpha-3
    affiliation: Optional[str] = None  # id of the actor this one belongs to
    mentions: tuple[Span, ...] = ()
    aliases: tuple[str, ...] = ()
    role: Optional[str] = None  # "spokesman", "military commander" ...
    code: Optional[str] = None  # CAMEO/Phoenix code where known, e.g. IRNMIL
    rule: str = ""


# --------------------------------------------------------------------------- time and events


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    span: Optional[Span] = None


@dataclass(frozen=True, slots=True)
class EventTime:
    value: str
    text: str
    span: Optional[Span] = None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: str  # PLOVER event type
    trigger: Span
    agents: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    location: Optional[Location] = None
    time: Optional[EventTime] = None
    mode: str = "asserted"  # one of EVENT_MODES
    claimed_by: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()  # other mentions of the same event, merged
    summary: str = ""
    rule: str = ""


# --------------------------------------------------------------------------- claims and disputes


@dataclass(frozen=True, slots=True)
class Claim:
    """The content of a statement structured: what it asserts about which subject."""

    id: str
    statement: str  # statement id
    relation: str  # "motive" | "responsibility" | "assertion" | ...
    subject: Optional[Span] = None
    object: Optional[Span] = None
    event: Optional[str] = None  # event id
    polarity: str = "positive"  # positive | negative
    text: str = ""
    rule: str = ""  # which rule produced it (provenance)


@dataclass(frozen=True, slots=True)
class Position:
    actors: tuple[str, ...]
    statements: tuple[str, ...]
    stance: str
    summary: str = ""


@dataclass(frozen=True, slots=True)
class Dispute:
    id: str
    topic: str
    positions: tuple[Position, ...]
    subject_event: Optional[str] = None
    explicit: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()  # more than one when the dispute spans articles


# --------------------------------------------------------------------------- the analysis


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything counterclaim found in one document."""

    document: Document
    statements: tuple[Statement, ...] = ()
    actors: tuple[Actor, ...] = ()
    timexes: tuple[Timex, ...] = ()
    events: tuple[Event, ...] = ()
    disputes: tuple[Dispute, ...] = ()
    claims: tuple[Claim, ...] = ()
    version: str = ""

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    def to_json(self, **kwargs: Any) -> str:
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Analysis":
        return from_dict(cls, data)

    @classmethod
    def from_json(cls, text: str) -> "Analysis":
        return cls.from_dict(json.loads(text))

    def actor(self, actor_id: Optional[str]) -> Optional[Actor]:
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None

    def statement(self, statement_id: str) -> Optional[Statement]:
        for s in self.statements:
            if s.id == statement_id:
                return s
        return None

    def spans(self) -> list[Span]:
        """Every span in the analysis (for checks that offsets index ``document.text``)."""
        out: list[Span] = []

        def walk(obj: Any) -> None:
            if isinstance(obj, Span):
                out.append(obj)
            elif dataclasses.is_dataclass(obj):
                for f in dataclasses.fields(obj):
                    walk(getattr(obj, f.name))
            elif isinstance(obj, (tuple, list)):
                for item in obj:
                    walk(item)

        walk(self)
        return out


# --------------------------------------------------------------------------- JSON round-trip


def to_dict(obj: Any) -> Any:
    """Records to plain JSON-ready values (tuples become lists)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(args[0], value) if len(args) == 1 else value
    if origin is tuple:
        (inner, *_rest) = typing.get_args(tp)
        return tuple(_convert(inner, v) for v in value)
    if dataclasses.is_dataclass(tp):
        return from_dict(tp, value)
    return value


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    """Rebuild a record (and its nested records) from :func:`to_dict` output; unknown keys are ignored."""
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)
