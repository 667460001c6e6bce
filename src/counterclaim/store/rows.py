"""Flat rows from an :class:`~counterclaim.model.Analysis`: one dict per table row.

The store writes these rows to SQL tables and the CSV export writes them to one
file per record type, so both share one definition of the columns. Offsets are
named ``start_char`` / ``end_char`` (``end`` is a reserved word in SQL); every span
column group keeps its text beside the offsets so a row can be read on its own.

Nested lists (actor ids, statement ids, aliases...) become JSON arrays in a TEXT
column, as sqlite-utils does, so the tables stay plain and Datasette shows them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from typing import Any, Optional

from counterclaim.model import Analysis, Span, make_id, to_dict

__all__ = ["TABLES", "COLUMNS", "rows_for", "canonical_json", "analysis_hash", "with_document_id", "CONTENT_JOINER"]

#: Pieces of a discontinuous statement content are joined with this in ``statements.content_text``.
CONTENT_JOINER = " … "

#: Every table holding records of a document, parents before children; ``documents`` comes first.
TABLES = (
    "documents",
    "paragraphs",
    "actors",
    "mentions",
    "timexes",
    "statements",
    "statement_spans",
    "events",
    "claims",
    "disputes",
    "positions",
)

#: The columns of each table, in order (the CSV header and the SQL insert both use this).
COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": (
        "id", "title", "published", "url", "author", "source_format", "text", "version",
        "n_words", "n_statements", "n_actors", "n_events", "n_disputes", "analysis_hash", "analysis",
    ),
    "paragraphs": ("document_id", "idx", "start_char", "end_char", "role"),
    "actors": (
        "document_id", "id", "name", "type", "country", "affiliation", "role", "code",
        "aliases", "n_mentions", "rule",
    ),
    "mentions": ("document_id", "actor_id", "idx", "start_char", "end_char", "text"),
    "timexes": ("document_id", "idx", "start_char", "end_char", "text", "type", "value", "rule"),
    "statements": (
        "document_id", "id", "idx", "kind", "act", "paragraph_role",
        "source_start", "source_end", "source_text",
        "cue_start", "cue_end", "cue_text",
        "content_start", "content_end", "content_text",
        "speaker_name", "speaker_actor_id", "speaker_chain",
        "confidence", "negated", "replies_to", "nested_in", "rule", "record",
    ),
    "statement_spans": ("document_id", "statement_id", "role", "idx", "start_char", "end_char", "text"),
    "events": (
        "document_id", "id", "type", "mode", "trigger_start", "trigger_end", "trigger_text",
        "agents", "targets", "location_name", "location_country", "location_lat", "location_lon",
        "time_value", "time_text", "claimed_by", "summary", "rule",
    ),
    "claims": (
        "document_id", "id", "statement_id", "relation", "polarity",
        "subject_start", "subject_end", "subject_text",
        "object_start", "object_end", "object_text",
        "event_id", "text",
    ),
    "disputes": ("document_id", "id", "topic", "subject_event", "explicit", "documents", "n_positions"),
    "positions": ("document_id", "dispute_id", "idx", "stance", "actors", "statements", "summary"),
}


def canonical_json(data: Any) -> str:
    """JSON with sorted keys and no spaces: the same analysis always gives the same string."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def analysis_hash(analysis: Analysis) -> str:
    """A content hash of the whole analysis: equal hashes mean nothing to write."""
    return hashlib.sha1(canonical_json(analysis.to_dict()).encode("utf-8")).hexdigest()


def with_document_id(analysis: Analysis) -> Analysis:
    """The analysis unchanged if its document has an id, else with ``make_id("doc", text)`` as id."""
    if analysis.document.id:
        return analysis
    return replace(analysis, document=replace(analysis.document, id=make_id("doc", analysis.document.text)))


def _json_list(values: Any) -> str:
    return json.dumps(list(values or ()), ensure_ascii=False)


def _span(prefix: str, span: Optional[Span]) -> dict[str, Any]:
    if span is None:
        return {f"{prefix}_start": None, f"{prefix}_end": None, f"{prefix}_text": None}
    return {f"{prefix}_start": span.start, f"{prefix}_end": span.end, f"{prefix}_text": span.text}


def rows_for(analysis: Analysis, *, include_json: bool = True) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table for one analysis (the document must have an id, see :func:`with_document_id`).

    ``include_json=False`` leaves out the bulky ``documents.analysis`` and
    ``statements.record`` columns (the CSV export does not need them).
    """
    doc = analysis.document
    did = doc.id
    if not did:
        raise ValueError("rows_for() needs a document id; call with_document_id(analysis) first")
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    data = analysis.to_dict()
    out["documents"].append({
        "id": did,
        "title": doc.title,
        "published": doc.published,
        "url": doc.url,
        "author": doc.author,
        "source_format": doc.source_format,
        "text": doc.text,
        "version": analysis.version,
        "n_words": len(doc.text.split()),
        "n_statements": len(analysis.statements),
        "n_actors": len(analysis.actors),
        "n_events": len(analysis.events),
        "n_disputes": len(analysis.disputes),
        "analysis_hash": hashlib.sha1(canonical_json(data).encode("utf-8")).hexdigest(),
        "analysis": canonical_json(data) if include_json else None,
    })
    for i, p in enumerate(doc.paragraphs):
        out["paragraphs"].append({"document_id": did, "idx": i, "start_char": p.start, "end_char": p.end, "role": p.role})
    for a in analysis.actors:
        out["actors"].append({
            "document_id": did, "id": a.id, "name": a.name, "type": a.type, "country": a.country,
            "affiliation": a.affiliation, "role": a.role, "code": a.code, "aliases": _json_list(a.aliases),
            "n_mentions": len(a.mentions), "rule": a.rule,
        })
        for j, m in enumerate(a.mentions):
            out["mentions"].append({
                "document_id": did, "actor_id": a.id, "idx": j, "start_char": m.start, "end_char": m.end, "text": m.text,
            })
    for i, t in enumerate(analysis.timexes):
        out["timexes"].append({
            "document_id": did, "idx": i, "start_char": t.start, "end_char": t.end, "text": t.text,
            "type": t.type, "value": t.value, "rule": t.rule,
        })
    for i, s in enumerate(analysis.statements):
        content = tuple(s.content)
        row = {
            "document_id": did, "id": s.id, "idx": i, "kind": s.kind, "act": s.act,
            "paragraph_role": doc.role_at(s.cue.start) if s.cue else None,
        }
        row.update(_span("source", s.source))
        row.update(_span("cue", s.cue))
        row.update({
            "content_start": min((c.start for c in content), default=None),
            "content_end": max((c.end for c in content), default=None),
            "content_text": CONTENT_JOINER.join(c.text for c in content),
            "speaker_name": s.speaker.name if s.speaker else None,
            "speaker_actor_id": s.speaker.actor_id if s.speaker else None,
            "speaker_chain": _json_list(s.speaker.chain) if s.speaker else "[]",
            "confidence": float(s.confidence),
            "negated": int(bool(s.negated)),
            "replies_to": _json_list(s.replies_to),
            "nested_in": s.nested_in,
            "rule": s.rule,
            "record": canonical_json(to_dict(s)) if include_json else None,
        })
        out["statements"].append(row)
        spans: list[tuple[str, int, Span]] = []
        if s.source is not None:
            spans.append(("source", 0, s.source))
        if s.cue is not None:
            spans.append(("cue", 0, s.cue))
        spans.extend(("content", j, c) for j, c in enumerate(content))
        for role, j, sp in spans:
            out["statement_spans"].append({
                "document_id": did, "statement_id": s.id, "role": role, "idx": j,
                "start_char": sp.start, "end_char": sp.end, "text": sp.text,
            })
    for e in analysis.events:
        row = {"document_id": did, "id": e.id, "type": e.type, "mode": e.mode}
        row.update(_span("trigger", e.trigger))
        loc = e.location
        row.update({
            "agents": _json_list(e.agents), "targets": _json_list(e.targets),
            "location_name": loc.name if loc else None, "location_country": loc.country if loc else None,
            "location_lat": loc.lat if loc else None, "location_lon": loc.lon if loc else None,
            "time_value": e.time.value if e.time else None, "time_text": e.time.text if e.time else None,
            "claimed_by": _json_list(e.claimed_by), "summary": e.summary, "rule": e.rule,
        })
        out["events"].append(row)
    for c in analysis.claims:
        row = {"document_id": did, "id": c.id, "statement_id": c.statement, "relation": c.relation, "polarity": c.polarity}
        row.update(_span("subject", c.subject))
        row.update(_span("object", c.object))
        row.update({"event_id": c.event, "text": c.text})
        out["claims"].append(row)
    for d in analysis.disputes:
        out["disputes"].append({
            "document_id": did, "id": d.id, "topic": d.topic, "subject_event": d.subject_event,
            "explicit": _json_list(d.explicit), "documents": _json_list(d.documents), "n_positions": len(d.positions),
        })
        for j, p in enumerate(d.positions):
            out["positions"].append({
                "document_id": did, "dispute_id": d.id, "idx": j, "stance": p.stance,
                "actors": _json_list(p.actors), "statements": _json_list(p.statements), "summary": p.summary,
            })
    return out
