"""Named schema migrations, recorded in the ``migrations`` table (the sqlite-utils / Datasette way).

Each migration has a name (``0001_initial``...) and SQL for SQLite and for
PostgreSQL; most of it is shared (plain ``TEXT``/``INTEGER``/``DOUBLE PRECISION``
columns), the full-text part is per dialect. A migration runs once, in its own
transaction, and its name is written to ``migrations`` in that transaction, so a
store opened twice, by an old or a new version, never applies one twice.

Writers opening the same database at once are serialized: on PostgreSQL each
migration transaction first takes ``pg_advisory_xact_lock(MIGRATION_LOCK_KEY)``, on
SQLite it is a ``BEGIN IMMEDIATE`` transaction (the database write lock); inside the
lock the store re-reads ``migrations``, so a writer that waited finds the work done
and applies nothing.

Add a migration by appending to :data:`MIGRATIONS`; never edit one that has shipped.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Optional

__all__ = ["Migration", "MIGRATIONS", "MIGRATIONS_TABLE", "MIGRATION_LOCK_NAME", "MIGRATION_LOCK_KEY"]

#: What the PostgreSQL advisory lock that serializes migrations is named after.
MIGRATION_LOCK_NAME = "counterclaim.migrations"
#: The lock's fixed 64-bit key: the first 8 bytes of SHA-256(MIGRATION_LOCK_NAME), signed big-endian
#: (-4230298069829542667); every version of counterclaim must use the same key.
MIGRATION_LOCK_KEY = int.from_bytes(hashlib.sha256(MIGRATION_LOCK_NAME.encode()).digest()[:8], "big", signed=True)

MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS migrations (
    name TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
)
"""

_INITIAL = """
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT,
    published TEXT,
    url TEXT,
    author TEXT,
    source_format TEXT,
    text TEXT NOT NULL,
    version TEXT,
    n_words INTEGER,
    n_statements INTEGER,
    n_actors INTEGER,
    n_events INTEGER,
    n_disputes INTEGER,
    analysis_hash TEXT NOT NULL,
    analysis TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_published ON documents (published);

CREATE TABLE paragraphs (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    role TEXT NOT NULL,
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE actors (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT,
    country TEXT,
    affiliation TEXT,
    role TEXT,
    code TEXT,
    aliases TEXT,
    n_mentions INTEGER,
    rule TEXT,
    PRIMARY KEY (document_id, id)
);
CREATE INDEX actors_name ON actors (name);

CREATE TABLE mentions (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT,
    PRIMARY KEY (document_id, actor_id, idx),
    FOREIGN KEY (document_id, actor_id) REFERENCES actors (document_id, id) ON DELETE CASCADE
);

CREATE TABLE timexes (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT,
    type TEXT,
    value TEXT,
    rule TEXT,
    PRIMARY KEY (document_id, idx)
);

CREATE TABLE statements (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    kind TEXT,
    act TEXT,
    paragraph_role TEXT,
    source_start INTEGER,
    source_end INTEGER,
    source_text TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    cue_text TEXT,
    content_start INTEGER,
    content_end INTEGER,
    content_text TEXT,
    speaker_name TEXT,
    speaker_actor_id TEXT,
    speaker_chain TEXT,
    confidence DOUBLE PRECISION,
    negated INTEGER,
    replies_to TEXT,
    rule TEXT,
    record TEXT NOT NULL,
    PRIMARY KEY (document_id, id)
);
CREATE INDEX statements_act ON statements (act);
CREATE INDEX statements_speaker ON statements (speaker_name);

CREATE TABLE statement_spans (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    statement_id TEXT NOT NULL,
    role TEXT NOT NULL,
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT,
    PRIMARY KEY (document_id, statement_id, role, idx),
    FOREIGN KEY (document_id, statement_id) REFERENCES statements (document_id, id) ON DELETE CASCADE
);

CREATE TABLE events (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    type TEXT,
    mode TEXT,
    trigger_start INTEGER,
    trigger_end INTEGER,
    trigger_text TEXT,
    agents TEXT,
    targets TEXT,
    location_name TEXT,
    location_country TEXT,
    location_lat DOUBLE PRECISION,
    location_lon DOUBLE PRECISION,
    time_value TEXT,
    time_text TEXT,
    claimed_by TEXT,
    summary TEXT,
    rule TEXT,
    PRIMARY KEY (document_id, id)
);
CREATE INDEX events_type ON events (type);

CREATE TABLE claims (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    statement_id TEXT,
    relation TEXT,
    polarity TEXT,
    subject_start INTEGER,
    subject_end INTEGER,
    subject_text TEXT,
    object_start INTEGER,
    object_end INTEGER,
    object_text TEXT,
    event_id TEXT,
    text TEXT,
    PRIMARY KEY (document_id, id)
);

CREATE TABLE disputes (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    topic TEXT,
    subject_event TEXT,
    explicit TEXT,
    documents TEXT,
    n_positions INTEGER,
    PRIMARY KEY (document_id, id)
);

CREATE TABLE positions (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    dispute_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    stance TEXT,
    actors TEXT,
    statements TEXT,
    summary TEXT,
    PRIMARY KEY (document_id, dispute_id, idx),
    FOREIGN KEY (document_id, dispute_id) REFERENCES disputes (document_id, id) ON DELETE CASCADE
)
"""

# SQLite FTS5 tables over statements and documents, kept in sync by triggers
# (the external-content pattern of sqlite-utils' enable_fts; Datasette finds them by content="<table>",
# double-quoted, and then offers a search box on the table).
_FTS_SQLITE = """
CREATE VIRTUAL TABLE statements_fts USING fts5(
    content_text, speaker_name, source_text,
    content="statements", tokenize='porter unicode61'
);
CREATE TRIGGER statements_fts_ai AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts (rowid, content_text, speaker_name, source_text)
    VALUES (new.rowid, new.content_text, new.speaker_name, new.source_text);
END;
CREATE TRIGGER statements_fts_ad AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, content_text, speaker_name, source_text)
    VALUES ('delete', old.rowid, old.content_text, old.speaker_name, old.source_text);
END;
CREATE TRIGGER statements_fts_au AFTER UPDATE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, content_text, speaker_name, source_text)
    VALUES ('delete', old.rowid, old.content_text, old.speaker_name, old.source_text);
    INSERT INTO statements_fts (rowid, content_text, speaker_name, source_text)
    VALUES (new.rowid, new.content_text, new.speaker_name, new.source_text);
END;
INSERT INTO statements_fts (rowid, content_text, speaker_name, source_text)
    SELECT rowid, content_text, speaker_name, source_text FROM statements;

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text,
    content="documents", tokenize='porter unicode61'
);
CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_fts_au AFTER UPDATE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
INSERT INTO documents_fts (rowid, title, text) SELECT rowid, title, text FROM documents
"""

# PostgreSQL: expression GIN indexes that the store's to_tsvector(...) @@ queries use.
_FTS_POSTGRESQL = """
CREATE INDEX statements_fts ON statements USING GIN (
    to_tsvector('english', coalesce(content_text, '') || ' ' || coalesce(speaker_name, '') || ' ' || coalesce(source_text, ''))
);
CREATE INDEX documents_fts ON documents USING GIN (
    to_tsvector('english', coalesce(title, '') || ' ' || text)
)
"""


_NESTING = """
ALTER TABLE statements ADD COLUMN nested_in TEXT;
CREATE INDEX statements_nested_in ON statements (document_id, nested_in)
"""


@dataclass(frozen=True)
class Migration:
    """One named schema change; ``sqlite``/``postgresql`` is the SQL for that dialect (``None``: not for it)."""

    name: str
    sqlite: Optional[str]
    postgresql: Optional[str]
    requires: str = ""  # a capability the backend must have ("fts5"); skipped (not recorded) otherwise

    def sql(self, dialect: str) -> Optional[str]:
        return getattr(self, dialect)


#: Every migration, in the order they run.
MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial", sqlite=_INITIAL, postgresql=_INITIAL),
    Migration("0002_fulltext", sqlite=_FTS_SQLITE, postgresql=_FTS_POSTGRESQL, requires="fulltext"),
    # the statement whose content reports this one (Statement.nested_in); rows written before it read NULL
    Migration("0003_statement_nesting", sqlite=_NESTING, postgresql=_NESTING),
)
