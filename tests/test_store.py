"""The store: migrations, idempotent ingest, queries, full-text search, SQLite and (if a server can start) PostgreSQL."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from _pg import reset_pg
from _store_sample import relayed_analysis, sample_analysis, second_analysis
from counterclaim.model import Analysis, Document, Span, Statement
from counterclaim.store import DocumentNotFound, StoreError, open_store
from counterclaim.store.migrations import MIGRATIONS
from counterclaim.store.rows import TABLES

@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    """A database location for each backend (PostgreSQL skipped when no server can start)."""
    if request.param == "sqlite":
        return str(tmp_path / "cc.db")
    url = request.getfixturevalue("pg_url")
    reset_pg(url)
    return url


# --------------------------------------------------------------------------- both backends


def _snapshot(store):
    return {t: sorted(json.dumps(r, sort_keys=True, default=str) for r in store.rows(t)) for t in TABLES}


def test_migrations_are_named_and_recorded_once(db):
    with open_store(db) as store:
        names = store.migrations()
        assert names[0] == "0001_initial"
        assert "0002_fulltext" in names  # FTS5 (SQLite) or tsvector (PostgreSQL)
    with open_store(db) as store:  # reopening applies nothing twice
        assert store.migrations() == names
        assert names == [m.name for m in MIGRATIONS if m.name in names]


def test_second_ingest_changes_nothing(db):
    a = sample_analysis()
    with open_store(db) as store:
        assert store.add(a) is True
        counts = store.counts()
        snap = _snapshot(store)
        assert store.add(a) is False
        assert store.add(Analysis.from_json(a.to_json())) is False  # same content from JSON
        assert store.counts() == counts
        assert _snapshot(store) == snap
    with open_store(db) as store:
        assert store.add(a) is False
        assert store.counts() == counts
    assert counts["documents"] == 1
    assert counts["statements"] == 4
    assert counts["actors"] == 4
    assert counts["mentions"] == 6
    assert counts["statement_spans"] == 4 + 4 + 5  # source + cue per statement, 5 content pieces
    assert counts["events"] == counts["claims"] == counts["disputes"] == counts["timexes"] == 1
    assert counts["positions"] == 2


def test_changed_analysis_replaces_rows(db):
    a = sample_analysis()
    fewer = replace(a, statements=a.statements[:2], version="test2")
    with open_store(db) as store:
        store.add(a)
        assert store.add(fewer) is True
        assert store.counts()["statements"] == 2
        assert store.document(a.document.id) == fewer
        assert len(store.statements(document=a.document.id)) == 2


def test_round_trip_rebuilds_the_analysis(db):
    a, b = sample_analysis(), second_analysis()
    with open_store(db) as store:
        store.add_many([a, b])
        assert store.document("ruritania-1") == a
        assert {x.document.id: x for x in store.iter_analyses()} == {"ruritania-1": a, "osterlich-2": b}
        assert [x.document.id for x in store.iter_analyses()] == ["ruritania-1", "osterlich-2"]  # newest first
        with pytest.raises(DocumentNotFound, match="nope"):
            store.document("nope")


def test_statement_filters(db):
    with open_store(db) as store:
        store.add_many([sample_analysis(), second_analysis()])
        by_firefly = store.statements(speaker="firefly")
        assert [h.statement.speaker.name for h in by_firefly] == ["Rufus Firefly"]
        assert by_firefly[0].statement.content[1].text == "absurd"
        assert by_firefly[0].document_id == "ruritania-1"
        # the speaker filter also matches the source as written, case-insensitively
        assert {h.statement.act for h in store.statements(speaker="FREEDONIA")} == {"denial"}
        assert len(store.statements(speaker="freedonia")) == 2
        assert [h.statement.act for h in store.statements(speaker="officials in")] == ["vow"]
        assert len(store.statements(act="denial")) == 2
        assert len(store.statements(speaker="ministry", act="claim")) == 1
        assert store.statements(speaker="100%") == []  # LIKE wildcards are escaped
        assert len(store.statements(document="osterlich-2")) == 1
        assert store.count_statements(act="denial") == 2
        hit = store.statements(speaker="petrova")[0].to_dict()
        assert hit["document"] == {"id": "ruritania-1", "title": "Harbour fire", "published": "2024-03-05"}
        assert hit["speaker"]["name"] == "Ana Petrova" and hit["cue"]["text"] == "told"
        assert dict(store.acts())["denial"] == 2
        assert ("Rufus Firefly", 1) in store.speakers()


def test_fulltext_search(db):
    with open_store(db) as store:
        store.add_many([sample_analysis(), second_analysis()])
        assert [h.statement.kind for h in store.search("proof")] == ["direct"]
        assert [h.statement.act for h in store.statements(q="reopen bridge")] == ["vow"]
        # stemming: "involved" finds "involvement"... only with stemmers; "agents" is exact
        assert [h.statement.act for h in store.statements(q="agents")] == ["accusation"]
        assert store.statements(q="zzzunknown") == []
        assert [d.id for d in store.documents(q="harbour")] == ["ruritania-1"]
        assert [d.id for d in store.documents()] == ["ruritania-1", "osterlich-2"]
        assert store.count_documents(q="bridge") == 1


def test_delete(db):
    with open_store(db) as store:
        store.add(sample_analysis())
        assert store.delete("ruritania-1") is True
        assert store.delete("ruritania-1") is False
        assert all(n == 0 for n in store.counts().values())


# --------------------------------------------------------------------------- SQLite specifics


def test_sqlite_file_is_plain_tables_with_foreign_keys(tmp_path):
    path = tmp_path / "cc.db"
    with open_store(path) as store:
        store.add(sample_analysis())
    con = sqlite3.connect(path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert set(TABLES) | {"migrations", "statements_fts"} <= tables
    fks = {r[2] for r in con.execute("PRAGMA foreign_key_list(statements)")}
    assert fks == {"documents"}
    row = con.execute("SELECT cue_text, speaker_name, act, content_text FROM statements WHERE kind = 'mixed'").fetchone()
    assert row == ("denied", "Rufus Firefly", "denial", "any involvement … absurd")
    start, end, text = con.execute(
        "SELECT start_char, end_char, text FROM statement_spans WHERE role = 'content' AND text = 'absurd'").fetchone()
    doc_text = con.execute("SELECT text FROM documents").fetchone()[0]
    assert doc_text[start:end] == text
    con.close()


def test_document_without_id_gets_content_hash(tmp_path):
    text = "Nobody said anything.\n"
    a = Analysis(document=Document(id="", text=text))
    with open_store(tmp_path / "cc.db") as store:
        assert store.add(a) is True
        assert store.add(a) is False
        (doc_id,) = store.document_ids()
        assert doc_id.startswith("doc_") and store.document(doc_id).document.text == text


def test_duplicate_record_ids_fail_clearly_and_roll_back(tmp_path):
    a = sample_analysis()
    bad = replace(a, statements=(a.statements[0], a.statements[0]))
    with open_store(tmp_path / "cc.db") as store:
        with pytest.raises(StoreError, match="ruritania-1.*statements"):
            store.add(bad)
        assert store.counts()["documents"] == 0  # the transaction rolled back
        assert store.add(a) is True


def test_readonly_store(tmp_path):
    path = tmp_path / "cc.db"
    with pytest.raises(StoreError, match="no database"):
        open_store(path, readonly=True)
    assert not path.exists()
    with open_store(path) as store:
        store.add(sample_analysis())
    with open_store(path, readonly=True) as store:
        assert len(store) == 1
        with pytest.raises(StoreError, match="read-only"):
            store.add(second_analysis())
    plain = tmp_path / "other.db"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(StoreError, match="not a counterclaim store"):
        open_store(plain, readonly=True)


def test_bad_urls_say_how_to_fix(tmp_path):
    with pytest.raises(StoreError, match="postgresql://"):
        open_store("mysql://localhost/x")
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "missing-dir" / "cc.db")
    store = open_store(f"sqlite:///{tmp_path / 'u.db'}")
    store.close()
    assert (tmp_path / "u.db").exists()


def test_like_fallback_without_fulltext(tmp_path, monkeypatch):
    from counterclaim.store import sqlite as sqlite_backend

    monkeypatch.setattr(sqlite_backend, "_FTS5", False)
    with open_store(tmp_path / "cc.db") as store:
        assert store.fulltext is False and "0002_fulltext" not in store.migrations()
        store.add_many([sample_analysis(), second_analysis()])
        assert [h.statement.kind for h in store.search("PROOF")] == ["direct"]
        assert [d.id for d in store.documents(q="bridge")] == ["osterlich-2"]
    monkeypatch.setattr(sqlite_backend, "_FTS5", True)
    with open_store(tmp_path / "cc.db") as store:  # the FTS migration runs later and indexes existing rows
        assert store.fulltext is True
        assert [h.statement.kind for h in store.search("proof")] == ["direct"]


def test_statements_never_lose_spans(tmp_path):
    a = sample_analysis()
    with open_store(tmp_path / "cc.db") as store:
        store.add(a)
        for hit in store.statements():
            s: Statement = hit.statement
            for sp in (s.cue, s.source, *s.content):
                assert isinstance(sp, Span) and sp.check(a.document.text)


# --------------------------------------------------------------------------- ingest runner and CLI (stubbed NLP)

FIXTURES = Path(__file__).parent / "fixtures"


def _stub_analyze_parsed(document, doc):
    from counterclaim.model import Speaker, make_id

    if "FAIL" in document.text:
        raise ValueError("stub failure")
    first = document.text.split("\n", 1)[0]
    cut = first.find(" ")
    st = Statement(id=make_id("s", document.id, 0), cue=Span.of(document.text, 0, cut),
                   content=(Span.of(document.text, cut, len(first)),), kind="other", act="claim",
                   speaker=Speaker(document.title or "stub speaker"), rule="stub")
    return Analysis(document=document, statements=(st,), version="stub")


@pytest.fixture
def stub_pipeline(monkeypatch):
    import counterclaim.nlp
    import counterclaim.pipeline

    monkeypatch.setattr(counterclaim.nlp, "parse_many", lambda docs, **kw: iter(list(docs)), raising=False)
    monkeypatch.setattr(counterclaim.pipeline, "analyze_parsed", _stub_analyze_parsed)


def test_ingest_paths_reports_failures_and_goes_on(tmp_path, stub_pipeline):
    from counterclaim.store.loader import ingest_paths

    seen = []
    with open_store(tmp_path / "cc.db") as store:
        report = ingest_paths(store, [FIXTURES / "collection.jsonl"], on_done=lambda i, e: seen.append((i, e is None)))
        assert (report.added, report.unchanged, report.failed) == (3, 0, 1)
        assert report.exit_code == 1 and report.errors[0][0] == "line 3" and "E010" in report.errors[0][1]
        assert seen == [("wire-1", True), ("wire-2", True), ("line 3", False), ("wire-4", True)]
        assert sorted(store.document_ids()) == ["wire-1", "wire-2", "wire-4"]
        assert store.document("wire-1").document.published == "2024-03-05"
        report = ingest_paths(store, [FIXTURES / "collection.jsonl"])
        assert (report.added, report.unchanged, report.failed) == (0, 3, 1)
        report = ingest_paths(store, [FIXTURES / "article_wire.txt"], max_chars=10)
        assert report.exit_code == 2 and "E009" in report.errors[0][1]


def test_cli_ingest_twice_changes_nothing_then_query(tmp_path, stub_pipeline):
    from click.testing import CliRunner

    from counterclaim.cli import main

    db = str(tmp_path / "cc.db")
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(FIXTURES / "collection.jsonl"), str(FIXTURES / "article_wire.txt"), "--db", db])
    assert first.exit_code == 1, first.output  # one bad JSONL line: some failed
    assert "line 3" in first.stderr and "4 added or changed, 0 unchanged, 1 failed" in first.stderr
    with open_store(db) as store:
        counts, snap = store.counts(), _snapshot(store)
    assert counts["documents"] == 4 and counts["statements"] == 4
    second = runner.invoke(main, ["ingest", str(FIXTURES / "collection.jsonl"), str(FIXTURES / "article_wire.txt"), "--db", db, "-q"])
    assert second.exit_code == 1 and "unchanged" not in second.stderr  # quiet: no summary, failure still shown
    assert "line 3" in second.stderr
    with open_store(db) as store:
        assert store.counts() == counts and _snapshot(store) == snap

    out = runner.invoke(main, ["statements", "--speaker", "minister denies", "--db", db, "--format", "json"])
    assert out.exit_code == 0, out.output
    (hit,) = [json.loads(line) for line in out.stdout.splitlines()]
    assert hit["document"]["id"] == "wire-1" and hit["speaker"]["name"] == "Minister denies role in port blast"
    text = runner.invoke(main, ["statements", "--act", "claim", "--db", db])
    assert text.exit_code == 0 and "wire-2" in text.stdout and "[claim, other]" in text.stdout

    shown = runner.invoke(main, ["show", "wire-1", "--db", db, "--format", "json"])
    assert shown.exit_code == 0 and Analysis.from_json(shown.stdout).document.id == "wire-1"
    shown = runner.invoke(main, ["show", "wire-1", "--db", db])
    assert shown.exit_code == 0 and "Minister denies role in port blast" in shown.stdout
    missing = runner.invoke(main, ["show", "nope", "--db", db])
    assert missing.exit_code == 2 and "no document 'nope'" in missing.stderr
    nodb = runner.invoke(main, ["statements", "--db", str(tmp_path / "none.db")])
    assert nodb.exit_code == 2 and "counterclaim ingest" in nodb.stderr
    for cmd in ("ingest", "statements", "show", "serve", "export"):
        helped = runner.invoke(main, [cmd, "--help"])
        assert helped.exit_code == 0 and "Example: counterclaim " + cmd in helped.output


def test_cli_ingest_missing_path_is_a_usage_error(tmp_path):
    from click.testing import CliRunner

    from counterclaim.cli import main

    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "cc.db")])
    assert result.exit_code == 2 and "E001" in result.output


@pytest.mark.model
def test_real_article_ingested_twice_is_unchanged(tmp_path):
    from click.testing import CliRunner

    from counterclaim.cli import main

    article = Path(__file__).parent.parent / "examples" / "harbor_blast.txt"
    db = str(tmp_path / "cc.db")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(article), "--db", db, "-q"]).exit_code == 0
    with open_store(db) as store:
        counts, snap = store.counts(), _snapshot(store)
        (analysis,) = list(store.iter_analyses())
    assert counts["documents"] == 1 and counts["statements"] >= 1
    assert analysis.document.text == article.read_text("utf-8")
    assert runner.invoke(main, ["ingest", str(article), "--db", db, "-q"]).exit_code == 0
    with open_store(db) as store:
        assert store.counts() == counts and _snapshot(store) == snap


def test_datasette_finds_the_fulltext_tables(tmp_path):
    """Datasette's detect_fts looks for content="<table>" (double quotes) in the FTS table's SQL."""
    path = tmp_path / "cc.db"
    open_store(path).close()
    con = sqlite3.connect(path)
    for table in ("statements", "documents"):
        found = con.execute(
            "SELECT name FROM sqlite_master WHERE rootpage = 0 AND sql LIKE ?",
            (f'%VIRTUAL TABLE%USING FTS%content="{table}"%',),
        ).fetchall()
        assert found == [(f"{table}_fts",)]
    con.close()


def test_a_store_from_before_nesting_is_upgraded_in_place(db, monkeypatch):
    import counterclaim.store as store_module
    from counterclaim.store.rows import COLUMNS

    old_columns = tuple(c for c in COLUMNS["statements"] if c != "nested_in")
    with monkeypatch.context() as m:  # what a version before 0003_statement_nesting wrote
        m.setattr(store_module, "MIGRATIONS", MIGRATIONS[:2])
        m.setitem(COLUMNS, "statements", old_columns)
        with open_store(db) as store:
            assert store.add(sample_analysis()) is True
            assert "0003_statement_nesting" not in store.migrations()
    with open_store(db) as store:
        assert "0003_statement_nesting" in store.migrations()
        assert {r["nested_in"] for r in store.rows("statements")} == {None}  # old rows read NULL
        a = relayed_analysis()
        assert store.add(a) is True
        told = [r for r in store.rows("statements") if r["cue_text"] == "told"]
        assert [r["nested_in"] for r in told] == [a.statements[1].id]
        assert json.loads(told[0]["record"])["nested_in"] == a.statements[1].id


def test_nesting_survives_the_round_trip(db):
    a = relayed_analysis()
    with open_store(db) as store:
        store.add(a)
        back = store.document(a.document.id)
    assert back == a


def test_top_level_leaves_out_relayed_statements(db):
    a = relayed_analysis()
    with open_store(db) as store:
        store.add(a)
        every = [h.statement.cue.text for h in store.statements()]
        top = [h.statement.cue.text for h in store.statements(top_level=True)]
        assert "told" in every and "told" not in top and len(top) == len(every) - 1
        assert store.count_statements(top_level=True) == len(top)


def test_cli_statements_top_level(tmp_path):
    from click.testing import CliRunner

    from counterclaim.cli import main

    db = str(tmp_path / "cc.db")
    with open_store(db) as store:
        store.add(relayed_analysis())
    runner = CliRunner()
    every = runner.invoke(main, ["statements", "--db", db, "--format", "json"])
    top = runner.invoke(main, ["statements", "--top-level", "--db", db, "--format", "json"])
    assert every.exit_code == 0 and top.exit_code == 0
    cues = lambda out: [json.loads(line)["cue"]["text"] for line in out.splitlines() if line.strip()]
    assert "told" in cues(every.output) and "told" not in cues(top.output)
