"""Exports: JSON Lines of contract objects, CSV per record type with offsets, Datasette metadata."""

from __future__ import annotations

import csv
import json

import pytest

from _store_sample import sample_analysis, second_analysis
from counterclaim.export import CSV_COLUMNS, datasette_metadata, export
from counterclaim.model import Analysis
from counterclaim.store import open_store
from counterclaim.store.rows import COLUMNS, TABLES


@pytest.fixture()
def store(tmp_path):
    with open_store(tmp_path / "cc.db") as s:
        s.add_many([sample_analysis(), second_analysis()])
        yield s


def test_jsonl_is_the_contract_objects(store, tmp_path):
    counts = export(store, "jsonl", tmp_path / "out")
    assert counts == {"analyses.jsonl": 2}
    lines = (tmp_path / "out" / "analyses.jsonl").read_text(encoding="utf-8").splitlines()
    objs = [json.loads(line) for line in lines]
    assert [o["document"]["id"] for o in objs] == ["ruritania-1", "osterlich-2"]
    assert Analysis.from_dict(objs[0]) == sample_analysis()
    assert "“absurd”" in lines[0]  # UTF-8, not \u escapes


def test_csv_one_file_per_record_type_with_offsets(store, tmp_path):
    out = tmp_path / "csv"
    counts = export(store, "csv", out)
    assert counts["statements.csv"] == 5 and counts["actors.csv"] == 4 and counts["positions.csv"] == 2
    assert counts["statement_spans.csv"] == 13 + 3
    for t in TABLES:
        with open(out / f"{t}.csv", encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            assert tuple(reader.fieldnames) == CSV_COLUMNS[t]
            assert sum(1 for _ in reader) == counts[f"{t}.csv"]
    with open(out / "documents.csv", encoding="utf-8", newline="") as fh:
        docs = {r["id"]: r for r in csv.DictReader(fh)}
    assert "analysis" not in CSV_COLUMNS["documents"]
    text = docs["ruritania-1"]["text"]
    assert text == sample_analysis().document.text  # newlines survive CSV quoting
    with open(out / "statement_spans.csv", encoding="utf-8", newline="") as fh:
        spans = list(csv.DictReader(fh))
    for r in spans:
        doc_text = docs[r["document_id"]]["text"]
        assert doc_text[int(r["start_char"]):int(r["end_char"])] == r["text"]
    with open(out / "statements.csv", encoding="utf-8", newline="") as fh:
        st = [r for r in csv.DictReader(fh) if r["act"] == "denial" and r["kind"] == "mixed"][0]
    assert st["cue_text"] == "denied" and text[int(st["cue_start"]):int(st["cue_end"])] == "denied"
    assert st["speaker_name"] == "Rufus Firefly" and json.loads(st["replies_to"]) == [sample_analysis().statements[1].id]
    assert json.loads((out / "metadata.json").read_text())["databases"]["counterclaim"]["tables"]["statements"]


def test_every_column_is_documented():
    meta = datasette_metadata("cc")["databases"]["cc"]["tables"]
    for t in TABLES:
        assert meta[t]["description"]
        for c in COLUMNS[t]:
            assert meta[t]["columns"][c], f"{t}.{c} lacks a description"


def test_metadata_only_and_bad_format(store, tmp_path):
    assert export(store, "metadata", tmp_path / "m") == {"metadata.json": len(TABLES)}
    assert (tmp_path / "m" / "metadata.json").exists()
    with pytest.raises(ValueError, match="jsonl, csv"):
        export(store, "xml", tmp_path / "x")


def test_cli_export(tmp_path):
    from click.testing import CliRunner

    from counterclaim.cli import main

    db = tmp_path / "news.db"
    with open_store(db) as s:
        s.add_many([sample_analysis(), second_analysis()])
    runner = CliRunner()
    result = runner.invoke(main, ["export", "--db", str(db), "--format", "csv", "--out", str(tmp_path / "csv")])
    assert result.exit_code == 0, result.output
    assert f"{tmp_path / 'csv' / 'statements.csv'}\t5" in result.stdout
    meta = json.loads((tmp_path / "csv" / "metadata.json").read_text())
    assert "news" in meta["databases"]  # named after the database file, as Datasette names it
    result = runner.invoke(main, ["export", "--db", str(db), "--out", str(tmp_path / "j")])
    assert result.exit_code == 0 and (tmp_path / "j" / "analyses.jsonl").exists()
    result = runner.invoke(main, ["export", "--db", str(tmp_path / "none.db"), "--out", str(tmp_path / "k")])
    assert result.exit_code == 2 and "no database" in result.stderr
