"""The store: analyses in SQLite (default) or PostgreSQL (by URL), queryable from Python, the CLI and the web UI.

Python API first::

    >>> from counterclaim.store import open_store
    >>> with open_store("counterclaim.db") as store:
    ...     store.add(analysis)                      # True: written; False: already there, unchanged
    ...     hits = store.statements(speaker="hamas", act="denial")
    ...     again = store.document(analysis.document.id)   # a model.Analysis

Design (after sqlite-utils / Datasette):

* the schema comes from named migrations recorded in a ``migrations`` table
  (:mod:`counterclaim.store.migrations`);
* one transaction per document; ids are content hashes (records carry
  deterministic ids, a document without id gets ``make_id("doc", text)``), and the
  whole analysis is hashed, so adding the same analysis twice writes nothing;
  a changed analysis of the same document replaces the old rows;
* plain tables with foreign keys to ``documents`` (``statements``,
  ``statement_spans``, ``actors``, ``mentions``, ``timexes``, ``events``, ``claims``,
  ``disputes``, ``positions``, ``paragraphs``) so the file reads well in Datasette, plus
  the full analysis JSON per document so :meth:`Store.iter_analyses` rebuilds
  :class:`~counterclaim.model.Analysis` exactly;
* full-text search over statement content and documents (SQLite FTS5 where the
  library has it, else ``LIKE``; PostgreSQL ``tsvector``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Optional, Union

from counterclaim.model import Analysis, Statement, from_dict, to_dict
from counterclaim.store.errors import DocumentNotFound, StoreError
from counterclaim.store.migrations import MIGRATIONS, MIGRATIONS_TABLE
from counterclaim.store.rows import COLUMNS, TABLES, rows_for, with_document_id

__all__ = [
    "open_store", "Store", "StoreError", "DocumentNotFound", "StatementHit", "DocumentSummary",
    "DEFAULT_DB", "ENV_DB", "default_db",
]

#: The database the CLI uses when ``--db`` is not given and ``COUNTERCLAIM_DB`` is not set.
DEFAULT_DB = "counterclaim.db"
#: Environment variable naming the default database (a path or a ``postgresql://`` URL).
ENV_DB = "COUNTERCLAIM_DB"

_POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def default_db() -> str:
    """``$COUNTERCLAIM_DB`` if set, else :data:`DEFAULT_DB`."""
    return os.environ.get(ENV_DB) or DEFAULT_DB


def open_store(url_or_path: Union[str, os.PathLike, None] = None, *, readonly: bool = False) -> "Store":
    """Open (and, unless ``readonly``, create and migrate) a store.

    ``url_or_path``: a SQLite file path, ``sqlite:///path``, ``:memory:``, or a
    ``postgresql://user:pass@host:port/dbname`` URL (needs the ``postgres`` extra).
    ``None`` means :func:`default_db`. A read-only store must already exist.
    """
    target = os.fspath(url_or_path) if url_or_path is not None else default_db()
    if target.startswith(_POSTGRES_SCHEMES):
        from counterclaim.store.postgres import PostgresBackend

        backend: Any = PostgresBackend(target, readonly=readonly)
    else:
        if target.startswith("sqlite:///"):
            target = target[len("sqlite:///"):] or ":memory:"
        elif "://" in target:
            raise StoreError(
                f"unknown database URL {target!r}: give a SQLite file path or a postgresql:// URL"
            )
        from counterclaim.store.sqlite import SQLiteBackend

        backend = SQLiteBackend(target, readonly=readonly)
    return Store(backend)


@dataclass(frozen=True)
class StatementHit:
    """A statement found by :meth:`Store.statements`, with the document it comes from."""

    document_id: str
    document_title: Optional[str]
    published: Optional[str]
    statement: Statement

    def to_dict(self) -> dict[str, Any]:
        """The contract form of the statement, plus ``document`` (id, title, published)."""
        out = to_dict(self.statement)
        out["document"] = {"id": self.document_id, "title": self.document_title, "published": self.published}
        return out


@dataclass(frozen=True)
class DocumentSummary:
    """One line of the document list: id, title, date and how much was found."""

    id: str
    title: Optional[str]
    published: Optional[str]
    url: Optional[str]
    n_words: int
    n_statements: int
    n_actors: int
    n_events: int
    n_disputes: int
    ingested_at: str
    snippet: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def _like(value: str) -> str:
    """A case-insensitive ``LIKE`` pattern for a substring (``%`` and ``_`` escaped)."""
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_SUMMARY_COLUMNS = "d.id, d.title, d.published, d.url, d.n_words, d.n_statements, d.n_actors, d.n_events, d.n_disputes, d.ingested_at, substr(d.text, 1, 240) AS snippet"
# NULL dates last on both SQLite and PostgreSQL.
_BY_DATE = "(d.published IS NULL), d.published DESC, d.id"


class Store:
    """Analyses in a SQL database; get one with :func:`open_store`."""

    def __init__(self, backend: Any) -> None:
        self._b = backend
        self.dialect: str = backend.dialect
        self.readonly: bool = backend.readonly
        #: The database, for messages: a SQLite path or the URL with its password hidden.
        self.where: str = backend.where
        try:
            self._migrate()
        except BaseException:
            backend.close()
            raise

    # ----------------------------------------------------------------- lifecycle

    def __repr__(self) -> str:
        return f"<Store {self._b!r}>"

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self._b.close()

    def _migrate(self) -> None:
        b = self._b
        if self.readonly:
            if not b.table_exists("migrations"):
                raise StoreError(
                    f"{b!r} is not a counterclaim store (no migrations table); "
                    "create it with `counterclaim ingest ARTICLES... --db ...`"
                )
            applied = self.migrations()
            required = [m.name for m in MIGRATIONS if not m.requires and m.sql(self.dialect)]
            missing = [n for n in required if n not in applied]
            if missing:
                raise StoreError(
                    f"{b!r} lacks migrations {missing}; open it once for writing "
                    "(e.g. `counterclaim ingest --db ...`) to upgrade it"
                )
            return
        # Every schema transaction first takes the backend's migration lock (PostgreSQL: an advisory
        # transaction lock; SQLite: the write lock of BEGIN IMMEDIATE), so writers opening one fresh
        # database at once take turns; a migration is re-checked inside the lock, so whoever waited
        # finds it applied and skips it.
        with b.transaction():
            b.lock_migrations()
            b.script(MIGRATIONS_TABLE)
        applied = set(self.migrations())
        for m in MIGRATIONS:
            sql = m.sql(self.dialect)
            if m.name in applied or sql is None:
                continue
            if m.requires and m.requires not in b.capabilities:
                continue
            with b.transaction():
                b.lock_migrations()
                if b.query("SELECT 1 AS x FROM migrations WHERE name = ?", (m.name,)):
                    continue  # applied by another writer while this one waited for the lock
                b.script(sql)
                b.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (m.name, _now()))

    def migrations(self) -> list[str]:
        """Names of the applied migrations, in order."""
        return [r["name"] for r in self._b.query("SELECT name FROM migrations ORDER BY name")]

    @property
    def fulltext(self) -> bool:
        """Whether full-text search is available (else ``q`` falls back to substring match)."""
        return "0002_fulltext" in self.migrations()

    # ----------------------------------------------------------------- writing

    def add(self, analysis: Analysis) -> bool:
        """Write one analysis in one transaction; return ``True`` if anything changed.

        The same analysis twice changes nothing (``False``); a different analysis of a
        document already stored replaces all its rows.
        """
        if self.readonly:
            raise StoreError(f"{self._b!r} was opened read-only")
        analysis = with_document_id(analysis)
        rows = rows_for(analysis)
        doc = rows["documents"][0]
        b = self._b
        with b.transaction():
            old = b.query("SELECT analysis_hash FROM documents WHERE id = ?", (doc["id"],))
            if old and old[0]["analysis_hash"] == doc["analysis_hash"]:
                return False
            if old:
                for table in reversed(TABLES[1:]):
                    b.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc["id"],))
                b.execute("DELETE FROM documents WHERE id = ?", (doc["id"],))
            doc["ingested_at"] = _now()
            for table in TABLES:
                cols = COLUMNS[table] + (("ingested_at",) if table == "documents" else ())
                values = [tuple(r[c] for c in cols) for r in rows[table]]
                if not values:
                    continue
                sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
                try:
                    b.executemany(sql, values)
                except b.integrity_errors as exc:
                    raise StoreError(
                        f"document {doc['id']!r}: cannot write {table}: {exc} "
                        "(two records with the same id? ids must be unique within a document)"
                    ) from exc
        return True

    def add_many(self, analyses: Iterable[Analysis]) -> tuple[int, int]:
        """Add each analysis (one transaction each); return ``(changed, unchanged)`` counts."""
        changed = unchanged = 0
        for a in analyses:
            if self.add(a):
                changed += 1
            else:
                unchanged += 1
        return changed, unchanged

    def delete(self, doc_id: str) -> bool:
        """Remove a document and all its records; ``True`` if it was there."""
        if self.readonly:
            raise StoreError(f"{self._b!r} was opened read-only")
        b = self._b
        with b.transaction():
            if not b.query("SELECT 1 AS x FROM documents WHERE id = ?", (doc_id,)):
                return False
            for table in reversed(TABLES[1:]):
                b.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))
            b.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        return True

    # ----------------------------------------------------------------- reading

    def __contains__(self, doc_id: object) -> bool:
        return bool(self._b.query("SELECT 1 AS x FROM documents WHERE id = ?", (doc_id,)))

    def __len__(self) -> int:
        return int(self._b.query("SELECT COUNT(*) AS n FROM documents")[0]["n"])

    def counts(self) -> dict[str, int]:
        """Rows per table (``documents``, ``statements``...)."""
        return {t: int(self._b.query(f"SELECT COUNT(*) AS n FROM {t}")[0]["n"]) for t in TABLES}

    def document(self, doc_id: str) -> Analysis:
        """The stored analysis of one document, rebuilt as a :class:`~counterclaim.model.Analysis`."""
        rows = self._b.query("SELECT analysis FROM documents WHERE id = ?", (doc_id,))
        if not rows:
            raise DocumentNotFound(doc_id, self.where)
        return Analysis.from_json(rows[0]["analysis"])

    def document_ids(self) -> list[str]:
        """Every document id, newest publication date first."""
        return [r["id"] for r in self._b.query(f"SELECT d.id FROM documents d ORDER BY {_BY_DATE}")]

    def iter_analyses(self, ids: Optional[Iterable[str]] = None) -> Iterator[Analysis]:
        """Every stored analysis (or those of ``ids``), newest first, one at a time."""
        for doc_id in (list(ids) if ids is not None else self.document_ids()):
            yield self.document(doc_id)

    def documents(self, q: Optional[str] = None, *, limit: Optional[int] = 50, offset: int = 0,
                  with_disputes: bool = False) -> list[DocumentSummary]:
        """Document summaries, newest first; ``q`` searches titles and text; ``with_disputes``: only documents with disputes."""
        where, params = self._document_filter(q, with_disputes)
        sql = f"SELECT {_SUMMARY_COLUMNS} FROM documents d WHERE {where} ORDER BY {_BY_DATE}"
        sql, params = _paginate(sql, params, limit, offset)
        return [DocumentSummary(**r) for r in self._b.query(sql, params)]

    def count_documents(self, q: Optional[str] = None, *, with_disputes: bool = False) -> int:
        where, params = self._document_filter(q, with_disputes)
        return int(self._b.query(f"SELECT COUNT(*) AS n FROM documents d WHERE {where}", params)[0]["n"])

    def _document_filter(self, q: Optional[str], with_disputes: bool = False) -> tuple[str, list[Any]]:
        extra = " AND d.n_disputes > 0" if with_disputes else ""
        if not q or not q.strip():
            return "1 = 1" + extra, []
        if self.fulltext:
            sql, params = self._b.document_fulltext("d", q)
            return sql + extra, params
        words = q.split()
        return (
            " AND ".join("(LOWER(d.text) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(d.title, '')) LIKE ? ESCAPE '\\')" for _ in words) + extra,
            [p for w in words for p in (_like(w), _like(w))],
        )

    def statements(
        self,
        speaker: Optional[str] = None,
        act: Optional[str] = None,
        document: Optional[str] = None,
        q: Optional[str] = None,
        *,
        kind: Optional[str] = None,
        top_level: bool = False,
        limit: Optional[int] = None,
        offset: int = 0,
    ) -> list[StatementHit]:
        """Statements matching every filter given, newest document first, in text order within one.

        ``speaker``: case-insensitive substring of the resolved speaker name or of the
        source text as written; ``act``/``kind``: exact speech act / statement kind;
        ``document``: a document id; ``q``: full-text search over the content; ``top_level``: only
        statements no other statement reports (``Statement.nested_in`` empty).
        """
        where, params = self._statement_filter(speaker, act, document, q, kind, top_level)
        sql = (
            "SELECT s.document_id, s.record, d.title, d.published FROM statements s "
            f"JOIN documents d ON d.id = s.document_id WHERE {where} ORDER BY {_BY_DATE}, s.idx"
        )
        sql, params = _paginate(sql, params, limit, offset)
        return [
            StatementHit(r["document_id"], r["title"], r["published"], from_dict(Statement, json.loads(r["record"])))
            for r in self._b.query(sql, params)
        ]

    def count_statements(self, speaker: Optional[str] = None, act: Optional[str] = None,
                         document: Optional[str] = None, q: Optional[str] = None, *, kind: Optional[str] = None,
                         top_level: bool = False) -> int:
        where, params = self._statement_filter(speaker, act, document, q, kind, top_level)
        return int(self._b.query(f"SELECT COUNT(*) AS n FROM statements s WHERE {where}", params)[0]["n"])

    def search(self, q: str, *, limit: Optional[int] = 50) -> list[StatementHit]:
        """Full-text search over statement content (and speaker/source words)."""
        return self.statements(q=q, limit=limit)

    def _statement_filter(self, speaker, act, document, q, kind, top_level=False) -> tuple[str, list[Any]]:
        clauses: list[str] = ["s.nested_in IS NULL"] if top_level else []
        params: list[Any] = []
        if speaker and speaker.strip():
            pat = _like(speaker.strip())
            clauses.append(
                "(LOWER(COALESCE(s.speaker_name, '')) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(s.source_text, '')) LIKE ? ESCAPE '\\')"
            )
            params += [pat, pat]
        if act:
            clauses.append("s.act = ?")
            params.append(act)
        if kind:
            clauses.append("s.kind = ?")
            params.append(kind)
        if document:
            clauses.append("s.document_id = ?")
            params.append(document)
        if q and q.strip():
            if self.fulltext:
                sql, p = self._b.statement_fulltext("s", q)
                clauses.append(sql)
                params += p
            else:
                for w in q.split():
                    clauses.append("LOWER(COALESCE(s.content_text, '')) LIKE ? ESCAPE '\\'")
                    params.append(_like(w))
        return (" AND ".join(clauses) or "1 = 1"), params

    def speakers(self, limit: Optional[int] = 100) -> list[tuple[str, int]]:
        """Resolved speaker names with their statement counts, most frequent first."""
        sql = ("SELECT s.speaker_name AS name, COUNT(*) AS n FROM statements s WHERE s.speaker_name IS NOT NULL "
               "GROUP BY s.speaker_name ORDER BY n DESC, name")
        sql, params = _paginate(sql, [], limit, 0)
        return [(r["name"], int(r["n"])) for r in self._b.query(sql, params)]

    def acts(self) -> list[tuple[str, int]]:
        """Speech acts with their statement counts, most frequent first."""
        rows = self._b.query("SELECT s.act AS act, COUNT(*) AS n FROM statements s GROUP BY s.act ORDER BY n DESC, act")
        return [(r["act"], int(r["n"])) for r in rows]

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Every row of one table as stored (for exports and debugging)."""
        if table not in TABLES:
            raise StoreError(f"unknown table {table!r}; tables: {', '.join(TABLES)}")
        yield from self._b.iterate(f"SELECT * FROM {table}")


def _paginate(sql: str, params: list[Any], limit: Optional[int], offset: int) -> tuple[str, list[Any]]:
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = [*params, int(limit), int(offset)]
    elif offset:
        raise StoreError("offset needs a limit")
    return sql, params


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()
