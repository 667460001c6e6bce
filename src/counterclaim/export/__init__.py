"""Exports of a store: JSON Lines of contract objects, CSV per record type, Datasette metadata.

* :func:`export_jsonl` — ``analyses.jsonl``: one contract object (``Analysis.to_dict()``) per document;
* :func:`export_csv` — one CSV per record type (``documents.csv``, ``statements.csv``,
  ``statement_spans.csv``, ``actors.csv``, ``mentions.csv``, ``timexes.csv``, ``events.csv``,
  ``claims.csv``, ``disputes.csv``, ``positions.csv``, ``paragraphs.csv``), with character
  offsets (``start_char``/``end_char``, ``cue_start``...) into ``documents.text``, plus
  ``metadata.json`` describing every column;
* :func:`datasette_metadata` — the same descriptions as Datasette metadata
  (``datasette counterclaim.db -m metadata.json``).

The CSV columns are those of the store's tables (:data:`counterclaim.store.rows.COLUMNS`)
without the bulky JSON copies; lists (actor ids, statement ids) are JSON arrays in one cell.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any, Optional, Union

from counterclaim.store import Store
from counterclaim.store.rows import COLUMNS, TABLES, rows_for

__all__ = ["export", "export_jsonl", "export_csv", "datasette_metadata", "write_metadata", "FORMATS",
           "CSV_COLUMNS", "COLUMN_DOCS", "TABLE_DOCS"]

#: Formats of :func:`export` (``metadata`` writes only ``metadata.json``).
FORMATS = ("jsonl", "csv", "metadata")
#: Columns of the store left out of the CSV files (whole-record JSON copies).
CSV_SKIP = ("analysis", "record")
CSV_COLUMNS = {t: tuple(c for c in COLUMNS[t] if c not in CSV_SKIP) for t in TABLES}

TABLE_DOCS = {
    "documents": "One row per article: text, metadata, counts, and the full analysis JSON (the contract object).",
    "paragraphs": "Blocks of the article text with their role (headline, subhead, byline, caption, body, boilerplate).",
    "actors": "People, organisations, countries and groups the article names, resolved within the document.",
    "mentions": "Every place an actor is named in the text.",
    "timexes": "Dates, times, durations and sets, normalised to TIMEX3 values anchored to the publication date.",
    "statements": "Attributed statements: who (source, resolved speaker) said what (content) with which cue and speech act.",
    "statement_spans": "The spans of each statement (source, cue, content pieces) as rows, for highlighting.",
    "events": "Events (PLOVER types) with trigger, agents, targets, place, time and mode (asserted, alleged, denied...).",
    "claims": "Statement contents structured: what is asserted about which subject (motive, responsibility...).",
    "disputes": "Disagreements: a topic on which actors take opposing positions.",
    "positions": "The positions of each dispute: actors, their statements, their stance.",
}

_COMMON = {
    "document_id": "Id of the document (documents.id).",
    "id": "Deterministic content-hash id of the record (the same article analysed twice gives the same ids).",
    "idx": "Position of the row within its parent, from 0.",
    "start_char": "Start offset (Python str index) into documents.text.",
    "end_char": "End offset (exclusive) into documents.text.",
    "text": "The characters documents.text[start_char:end_char].",
    "rule": "Which rule or model produced the record (provenance).",
    "type": "Record type.",
    "role": "Role.",
}

COLUMN_DOCS: dict[str, dict[str, str]] = {
    "documents": {
        "id": "Document id: the input id, else a content hash of the text.",
        "title": "Title (from the input or the HTML).", "published": "Publication date, YYYY-MM-DD.",
        "url": "Where the article came from.", "author": "Byline author when known.",
        "source_format": "Input format: text, html or jsonl.", "text": "The article text all offsets index.",
        "version": "counterclaim version that produced the analysis.", "n_words": "Whitespace-separated words.",
        "n_statements": "Statements found.", "n_actors": "Actors found.", "n_events": "Events found.",
        "n_disputes": "Disputes found.", "analysis_hash": "SHA-1 of the canonical analysis JSON (unchanged hash: nothing rewritten).",
        "analysis": "The whole analysis as the contract JSON object.", "ingested_at": "When this version was written (UTC).",
    },
    "paragraphs": {"role": "headline, subhead, byline, caption, body or boilerplate."},
    "actors": {
        "name": "Canonical name.", "type": "person, organization, country, group, media or other.",
        "country": "ISO 3166 alpha-3 country code where known.",
        "affiliation": "Id of the actor this one belongs to (spokesman -> IRGC -> Iran).",
        "role": "Role or title (spokesman, military commander...).", "code": "CAMEO/Phoenix actor code where known.",
        "aliases": "Other names used for the actor (JSON array).", "n_mentions": "Number of mentions.",
    },
    "mentions": {"actor_id": "Id of the actor mentioned (actors.id)."},
    "timexes": {"type": "DATE, TIME, DURATION or SET.", "value": "TIMEX3 value (2023-12-25, 2023-W52, P10Y, PRESENT_REF...)."},
    "statements": {
        "kind": "direct, indirect, mixed, headline, according_to, nominal or other.",
        "act": "Speech act: claim, denial, threat, vow, accusation, condemnation, admission, confirmation, report, no_comment, demand, belief, other.",
        "paragraph_role": "Role of the paragraph holding the cue.",
        "source_start": "Start offset of the source (the words naming the speaker).",
        "source_end": "End offset of the source.", "source_text": "The source as written (\"he\", \"the terror group\").",
        "cue_start": "Start offset of the cue.", "cue_end": "End offset of the cue.",
        "cue_text": "The cue (\"said\", \"denied\", \"according to\", \":\" in a headline).",
        "content_start": "Start offset of the first content piece.", "content_end": "End offset of the last content piece.",
        "content_text": "What was said; discontinuous pieces joined with \" … \" (pieces in statement_spans).",
        "speaker_name": "Resolved speaker name.", "speaker_actor_id": "Resolved speaker (actors.id) when known.",
        "speaker_chain": "Speaker and affiliations outward (JSON array).", "confidence": "Confidence, 0 to 1.",
        "negated": "1 if the statement is negated (\"did not say\").",
        "replies_to": "Ids of statements this one rebuts or answers (JSON array).",
        "nested_in": "Id of the statement whose content reports this one (\"according to X, Y said …\": Y's "
                     "statement is nested in X's); empty for a statement the article makes itself.",
        "record": "The statement as contract JSON.",
    },
    "statement_spans": {"statement_id": "Id of the statement (statements.id).", "role": "source, cue or content."},
    "events": {
        "type": "PLOVER event type (ASSAULT, THREATEN, ACCUSE, REJECT...).",
        "mode": "asserted, alleged, denied, future, hypothetical or negated.",
        "trigger_start": "Start offset of the trigger word(s).", "trigger_end": "End offset of the trigger.",
        "trigger_text": "The trigger as written.", "agents": "Actor ids of the agents (JSON array).",
        "targets": "Actor ids of the targets (JSON array).", "location_name": "Where it happened.",
        "location_country": "ISO alpha-3 country of the location.", "location_lat": "Latitude.", "location_lon": "Longitude.",
        "time_value": "When, as a TIMEX3 value.", "time_text": "When, as written.",
        "claimed_by": "Ids of the statements that report the event (JSON array).", "summary": "Short summary.",
    },
    "claims": {
        "statement_id": "Id of the statement the claim structures.",
        "relation": "motive, responsibility, assertion...", "polarity": "positive or negative.",
        "subject_start": "Start offset of the subject.", "subject_end": "End offset of the subject.", "subject_text": "The subject.",
        "object_start": "Start offset of the object.", "object_end": "End offset of the object.", "object_text": "The object.",
        "event_id": "Id of the event the claim is about.", "text": "The claim in words.",
    },
    "disputes": {
        "topic": "What the dispute is about.", "subject_event": "Id of the event in dispute.",
        "explicit": "Ids of statements that rebut another position outright (JSON array).",
        "documents": "Ids of the documents the dispute spans (JSON array).", "n_positions": "Number of positions.",
    },
    "positions": {
        "dispute_id": "Id of the dispute (disputes.id).", "stance": "The position's stance (accuses, denies...).",
        "actors": "Actor ids holding the position (JSON array).", "statements": "Statement ids expressing it (JSON array).",
        "summary": "Short summary.",
    },
}


def _describe(table: str, column: str) -> str:
    return COLUMN_DOCS.get(table, {}).get(column) or _COMMON[column]


def datasette_metadata(database: str = "counterclaim") -> dict[str, Any]:
    """Datasette metadata for a store file named ``<database>.db``: table and column descriptions, facets, labels."""
    tables: dict[str, Any] = {}
    for t in TABLES:
        cols = COLUMNS[t] + (("ingested_at",) if t == "documents" else ())
        tables[t] = {"description": TABLE_DOCS[t], "columns": {c: _describe(t, c) for c in cols}}
    tables["documents"]["label_column"] = "title"
    tables["documents"]["sort_desc"] = "published"
    tables["statements"]["facets"] = ["act", "kind", "speaker_name"]
    tables["actors"]["facets"] = ["type", "country"]
    tables["events"]["facets"] = ["type", "mode"]
    tables["actors"]["label_column"] = "name"
    return {
        "title": "counterclaim",
        "description": "Who claimed what, who denied it, when and where: attributed statements, actors, events and "
                       "disputes extracted from news articles, each with character offsets into documents.text.",
        "databases": {database: {"tables": tables}},
    }


def write_metadata(out_dir: Union[str, os.PathLike], database: str = "counterclaim") -> Path:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "metadata.json"
    path.write_text(json.dumps(datasette_metadata(database), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def export_jsonl(store: Store, out_dir: Union[str, os.PathLike]) -> dict[str, int]:
    """Write ``analyses.jsonl`` (one contract object per document, newest first); return ``{"analyses.jsonl": n}``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(out / "analyses.jsonl", "w", encoding="utf-8", newline="\n") as fh:
        for a in store.iter_analyses():
            fh.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return {"analyses.jsonl": n}


def export_csv(store: Store, out_dir: Union[str, os.PathLike], database: str = "counterclaim") -> dict[str, int]:
    """Write one CSV per record type (UTF-8, header row) and ``metadata.json``; return rows per file."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    handles = {t: open(out / f"{t}.csv", "w", encoding="utf-8", newline="") for t in TABLES}
    counts = {f"{t}.csv": 0 for t in TABLES}
    try:
        writers = {t: csv.DictWriter(handles[t], fieldnames=CSV_COLUMNS[t], extrasaction="ignore") for t in TABLES}
        for w in writers.values():
            w.writeheader()
        for a in store.iter_analyses():
            for t, rows in rows_for(a, include_json=False).items():
                writers[t].writerows(rows)
                counts[f"{t}.csv"] += len(rows)
    finally:
        for h in handles.values():
            h.close()
    write_metadata(out, database)
    return counts


def export(store: Store, fmt: str, out_dir: Union[str, os.PathLike], *, database: Optional[str] = None) -> dict[str, int]:
    """Export in ``fmt`` (one of :data:`FORMATS`) into ``out_dir``; return rows written per file."""
    database = database or "counterclaim"
    if fmt == "jsonl":
        return export_jsonl(store, out_dir)
    if fmt == "csv":
        return export_csv(store, out_dir, database)
    if fmt == "metadata":
        write_metadata(out_dir, database)
        return {"metadata.json": len(TABLES)}
    raise ValueError(f"unknown export format {fmt!r}; one of: {', '.join(FORMATS)}")
