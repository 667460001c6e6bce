"""Writers opening the same fresh store at once: migrations are serialized and applied once.

PostgreSQL migrations take a transaction-level advisory lock, SQLite ones run under
``BEGIN IMMEDIATE``; both re-read the ``migrations`` table inside the lock. The tests
start several threads (or two processes) on one fresh database, release them into
``open_store`` at the same moment (a barrier), and check that every one succeeds,
every migration is recorded exactly once, and the schema works afterwards. Without
the lock these fail ("table ... already exists", duplicate ``pg_type`` keys).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import sqlite3
import threading

import pytest

from _store_sample import sample_analysis
from counterclaim.store import open_store
from counterclaim.store.migrations import MIGRATION_LOCK_KEY, MIGRATIONS
from _pg import reset_pg

WRITERS = 4
SQLITE_ROUNDS = 30  # the race needs a few tries to show on SQLite; a round takes milliseconds
PG_ROUNDS = 3


def _open_together(db: str, n: int = WRITERS) -> list[list[str]]:
    """Open ``db`` for writing from ``n`` threads released together; return each one's migration list."""
    barrier = threading.Barrier(n)
    results: list = [None] * n
    errors: list = [None] * n

    def worker(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            with open_store(db) as store:
                results[i] = store.migrations()
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors[i] = exc

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a writer hung while migrating"
    assert errors == [None] * n, f"concurrent open failed: {[repr(e) for e in errors if e is not None]}"
    return results


def _recorded_counts_sqlite(path: str) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        return dict(con.execute("SELECT name, COUNT(*) FROM migrations GROUP BY name").fetchall())
    finally:
        con.close()


def _recorded_counts_pg(url: str) -> dict[str, int]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as con:
        return dict(con.execute("SELECT name, COUNT(*) FROM migrations GROUP BY name").fetchall())


def _check_schema_works(db: str, expected: list[str]) -> None:
    a = sample_analysis()
    with open_store(db) as store:
        assert store.migrations() == expected
        assert store.add(a) is True
        assert store.add(a) is False
        assert len(store) == 1
        assert store.document(a.document.id) == a
        hits = store.statements(speaker="petrova")
        assert hits and all(h.document_id == a.document.id for h in hits)
        assert store.statements(q="proof")  # full-text (or LIKE fallback) over the content


def _expected_migrations(db_alone: str) -> list[str]:
    """What one writer alone records on a fresh database (0002 depends on the backend's capabilities)."""
    with open_store(db_alone) as store:
        names = store.migrations()
    assert names[0] == "0001_initial"
    assert names == [m.name for m in MIGRATIONS if m.name in names]
    return names


def test_sqlite_concurrent_open_of_a_fresh_file(tmp_path):
    expected = _expected_migrations(str(tmp_path / "alone.db"))
    for r in range(SQLITE_ROUNDS):
        db = str(tmp_path / f"shared{r}.db")
        results = _open_together(db)
        assert results == [expected] * WRITERS
        assert _recorded_counts_sqlite(db) == {name: 1 for name in expected}
        _check_schema_works(db, expected)


def test_postgres_concurrent_open_of_a_fresh_database(pg_url):
    reset_pg(pg_url)
    expected = _expected_migrations(pg_url)
    assert "0002_fulltext" in expected
    for _ in range(PG_ROUNDS):
        reset_pg(pg_url)
        results = _open_together(pg_url)
        assert results == [expected] * WRITERS
        assert _recorded_counts_pg(pg_url) == {name: 1 for name in expected}
        _check_schema_works(pg_url, expected)




def _open_in_process(db: str, barrier, queue) -> None:
    try:
        barrier.wait(timeout=60)
        with open_store(db) as store:
            queue.put(("ok", store.migrations()))
    except BaseException as exc:  # noqa: BLE001 - sent to the parent, which asserts on it
        queue.put(("error", repr(exc)))


def _open_in_two_processes(db: str) -> list:
    ctx = multiprocessing.get_context("spawn")
    barrier, queue = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=_open_in_process, args=(db, barrier, queue)) for _ in range(2)]
    for p in procs:
        p.start()
    try:
        results = [queue.get(timeout=120) for _ in procs]
    finally:
        for p in procs:
            p.join(timeout=30)
            if p.is_alive():
                p.kill()
    assert [p.exitcode for p in procs] == [0, 0]
    return results


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_two_processes_open_a_fresh_database_at_once(backend, tmp_path, request):
    if backend == "sqlite":
        expected = _expected_migrations(str(tmp_path / "alone.db"))
        db = str(tmp_path / "shared.db")
    else:
        db = request.getfixturevalue("pg_url")
        reset_pg(db)
        expected = _expected_migrations(db)
        reset_pg(db)
    assert _open_in_two_processes(db) == [("ok", expected), ("ok", expected)]
    counts = _recorded_counts_sqlite(db) if backend == "sqlite" else _recorded_counts_pg(db)
    assert counts == {name: 1 for name in expected}
    _check_schema_works(db, expected)


def test_migration_lock_key_is_fixed():
    digest = hashlib.sha256(b"counterclaim.migrations").digest()
    assert MIGRATION_LOCK_KEY == int.from_bytes(digest[:8], "big", signed=True) == -4230298069829542667


def test_postgres_writer_waits_for_the_migration_lock(pg_url):
    """While another session holds the advisory lock, opening a fresh database blocks, then migrates."""
    import psycopg

    reset_pg(pg_url)
    expected = _expected_migrations(pg_url)
    reset_pg(pg_url)
    done = threading.Event()
    outcome: dict = {}

    def writer() -> None:
        try:
            with open_store(pg_url) as store:
                outcome["migrations"] = store.migrations()
        except BaseException as exc:  # noqa: BLE001 - asserted on below
            outcome["error"] = exc
        finally:
            done.set()

    with psycopg.connect(pg_url) as holder:  # not autocommit: the lock lasts until this transaction ends
        holder.execute("SELECT pg_advisory_xact_lock(%s::bigint)", (MIGRATION_LOCK_KEY,))
        t = threading.Thread(target=writer)
        t.start()
        assert not done.wait(1.0), "the writer did not wait for the migration lock"
        assert holder.execute("SELECT to_regclass('migrations') IS NULL").fetchone()[0], \
            "the writer created tables without holding the lock"
        holder.rollback()  # release the lock
    assert done.wait(60)
    t.join()
    assert "error" not in outcome, outcome.get("error")
    assert outcome["migrations"] == expected
