"""SQLite backend of the store (the default): one file, FTS5 full-text search where the library has it."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Optional

from counterclaim.store.errors import StoreError

__all__ = ["SQLiteBackend", "fts5_available"]

#: Milliseconds a writer waits for another connection's lock before giving up.
BUSY_TIMEOUT_MS = 10_000
#: Pragmas for a writable database file: write-ahead logging lets `counterclaim serve` read while an
#: ingest writes, and ``synchronous=NORMAL`` syncs at checkpoints rather than at every commit (a power
#: cut may lose the last documents, never corrupt the file; re-ingesting them is idempotent).
WRITE_PRAGMAS = ("PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL")

_FTS5: Optional[bool] = None


def fts5_available() -> bool:
    """Whether this Python's SQLite library was built with FTS5."""
    global _FTS5
    if _FTS5 is None:
        con = sqlite3.connect(":memory:")
        try:
            con.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
            _FTS5 = True
        except sqlite3.OperationalError:
            _FTS5 = False
        finally:
            con.close()
    return _FTS5


class SQLiteBackend:
    dialect = "sqlite"
    integrity_errors: tuple[type[Exception], ...] = (sqlite3.IntegrityError,)

    def __init__(self, path: str, *, readonly: bool = False) -> None:
        self.path = path
        self.where = path  # for messages
        self.readonly = readonly
        self.capabilities = {"fulltext"} if fts5_available() else set()
        try:
            if path == ":memory:":
                if readonly:
                    raise StoreError("a read-only store cannot be in memory; give the path of a database file")
                self.con = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            elif readonly:
                p = Path(path)
                if not p.exists():
                    raise StoreError(
                        f"no database at {path}; create one with `counterclaim ingest ARTICLES... --db {path}`"
                    )
                # Opened read-write but with query_only set: unlike mode=ro, the connection can tidy the
                # write-ahead log away when it closes, and SQLite still opens a file it cannot write.
                self.con = sqlite3.connect(str(p), isolation_level=None, check_same_thread=False)
                self.con.execute("PRAGMA query_only = ON")
            else:
                parent = Path(path).parent
                if not parent.exists():
                    raise StoreError(f"cannot create {path}: directory {parent} does not exist")
                self.con = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open SQLite database {path}: {exc}") from exc
        self.con.row_factory = sqlite3.Row
        self.con.execute("PRAGMA foreign_keys = ON")
        self.con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not readonly and path != ":memory:":
            for pragma in WRITE_PRAGMAS:
                self._execute_waiting(pragma)
        self._depth = 0

    def _execute_waiting(self, sql: str) -> None:
        """Execute, retrying for up to :data:`BUSY_TIMEOUT_MS` while the database is locked.

        Switching a new file to WAL needs an exclusive lock and SQLite reports "database is locked"
        at once, without the busy handler, when another connection is opening the same file.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                self.con.execute(sql)
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() >= deadline:
                    raise
                time.sleep(0.01)

    def __repr__(self) -> str:
        return f"<SQLiteBackend {self.path}{' (read-only)' if self.readonly else ''}>"

    # ----------------------------------------------------------------- queries

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.con.execute(sql, tuple(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.con.executemany(sql, rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return [dict(r) for r in self.con.execute(sql, tuple(params)).fetchall()]

    def iterate(self, sql: str, params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
        cur = self.con.execute(sql, tuple(params))
        for r in cur:
            yield dict(r)

    def script(self, sql: str) -> None:
        """Run several ``;``-separated statements (inside the current transaction)."""
        # executescript() would COMMIT first; split instead, keeping trigger bodies whole.
        buf = ""
        for piece in sql.split(";"):
            buf += piece
            if sqlite3.complete_statement(buf + ";"):
                if buf.strip():
                    self.con.execute(buf)
                buf = ""
            else:
                buf += ";"
        if buf.strip():
            self.con.execute(buf)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.con.execute("BEGIN" if self.readonly else "BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        else:
            self.con.execute("COMMIT")
        finally:
            self._depth = 0

    def lock_migrations(self) -> None:
        """Nothing to take: a writable transaction is ``BEGIN IMMEDIATE``, which already holds the
        database's write lock, so other writers (threads or processes) wait for it to commit."""
        if not self._depth or self.readonly:
            raise StoreError("lock_migrations() needs a write transaction (BEGIN IMMEDIATE)")

    def table_exists(self, name: str) -> bool:
        return bool(self.query("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)))

    # ----------------------------------------------------------------- full text

    @staticmethod
    def fts_query(q: str) -> str:
        """An FTS5 MATCH expression from free text: every word must occur; the last may be a prefix."""
        import re

        words = re.findall(r"\w+", q)
        if not words:
            return ""
        parts = [f'"{w}"' for w in words]
        if q.rstrip() == q and q[-1:].isalnum():
            parts[-1] += "*"
        return " ".join(parts)

    def statement_fulltext(self, alias: str, q: str) -> tuple[str, list[Any]]:
        match = self.fts_query(q)
        if not match:
            return "1 = 1", []
        return f"{alias}.rowid IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)", [match]

    def document_fulltext(self, alias: str, q: str) -> tuple[str, list[Any]]:
        match = self.fts_query(q)
        if not match:
            return "1 = 1", []
        return f"{alias}.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)", [match]

    def close(self) -> None:
        self.con.close()
