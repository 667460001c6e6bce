"""PostgreSQL backend of the store, by URL (``postgresql://user@host/db``), through psycopg 3.

Install with ``pip install 'counterclaim[postgres]'``. The schema is the same as
SQLite's (same named migrations); full-text search uses ``to_tsvector('english', ...)``
with GIN expression indexes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from counterclaim.store.errors import StoreError
from counterclaim.store.migrations import MIGRATION_LOCK_KEY

__all__ = ["PostgresBackend", "redact"]

#: The text the ``statements_fts`` GIN index covers (must match migration 0002 exactly to use the index).
STATEMENT_TSVECTOR = (
    "to_tsvector('english', coalesce({a}.content_text, '') || ' ' || coalesce({a}.speaker_name, '') "
    "|| ' ' || coalesce({a}.source_text, ''))"
)
DOCUMENT_TSVECTOR = "to_tsvector('english', coalesce({a}.title, '') || ' ' || {a}.text)"


def redact(url: str) -> str:
    """The URL with any password replaced by ``***`` (for messages and logs)."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


def _placeholders(sql: str) -> str:
    # The store writes qmark-style SQL ("?") for both dialects; psycopg wants %s.
    return sql.replace("?", "%s")


class PostgresBackend:
    dialect = "postgresql"

    def __init__(self, url: str, *, readonly: bool = False) -> None:
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise StoreError(
                "PostgreSQL stores need psycopg 3: pip install 'counterclaim[postgres]'"
            ) from exc
        self.url = url
        self.where = redact(url)  # for messages: never the password
        self.readonly = readonly
        self.capabilities = {"fulltext"}
        self.integrity_errors = (psycopg.errors.IntegrityError,)
        try:
            self.con = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {redact(url)}: {str(exc).strip()}") from exc
        if readonly:
            self.con.execute("SET default_transaction_read_only = on")

    def __repr__(self) -> str:
        return f"<PostgresBackend {redact(self.url)}{' (read-only)' if self.readonly else ''}>"

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.con.execute(_placeholders(sql), tuple(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.con.cursor() as cur:
            cur.executemany(_placeholders(sql), rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return list(self.con.execute(_placeholders(sql), tuple(params)).fetchall())

    def iterate(self, sql: str, params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
        yield from self.query(sql, params)

    def script(self, sql: str) -> None:
        # Without parameters psycopg sends the text as one simple query: several statements are fine.
        self.con.execute(sql)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.con.transaction():
            yield

    def lock_migrations(self) -> None:
        """Wait for the migration advisory lock; it is held until the current transaction ends."""
        self.execute("SELECT pg_advisory_xact_lock(?::bigint)", (MIGRATION_LOCK_KEY,))

    def table_exists(self, name: str) -> bool:
        return bool(self.query("SELECT to_regclass(?) IS NOT NULL AS ok", (name,))[0]["ok"])

    def statement_fulltext(self, alias: str, q: str) -> tuple[str, list[Any]]:
        if not re.search(r"\w", q):
            return "1 = 1", []
        return f"{STATEMENT_TSVECTOR.format(a=alias)} @@ plainto_tsquery('english', ?)", [q]

    def document_fulltext(self, alias: str, q: str) -> tuple[str, list[Any]]:
        if not re.search(r"\w", q):
            return "1 = 1", []
        return f"{DOCUMENT_TSVECTOR.format(a=alias)} @@ plainto_tsquery('english', ?)", [q]

    def close(self) -> None:
        self.con.close()
