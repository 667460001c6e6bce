"""The CLI: `counterclaim analyze` output shapes, exit codes, errors, the text report.

These tests replace the NLP stages with a stub (no model needed): `nlp.parse_many` returns the
documents themselves and `pipeline.analyze_parsed` returns a hand-built analysis, so what is
tested is the CLI and the batch runner around it. The real pipeline is run in test_contract.py
(marked `model`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import counterclaim.nlp
import counterclaim.pipeline
from counterclaim import __version__
from counterclaim.cli import main
from counterclaim.model import Analysis, Document
from counterclaim.report import render_error, render_text
from test_contract import check_output, sample_analysis

FIXTURES = Path(__file__).parent / "fixtures"
WIRE = FIXTURES / "article_wire.txt"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def fake_analyze_parsed(document: Document, doc) -> Analysis:
    if "FAIL" in document.text:
        raise ValueError("stub failure")
    sample = sample_analysis()
    if document.text == sample.document.text:
        return Analysis(document, sample.statements, sample.actors, sample.timexes, sample.events, sample.disputes)
    return Analysis(document)


@pytest.fixture
def stub_pipeline(monkeypatch):
    monkeypatch.setattr(counterclaim.nlp, "parse_many", lambda docs, **kw: iter(list(docs)), raising=False)
    monkeypatch.setattr(counterclaim.pipeline, "analyze_parsed", fake_analyze_parsed)


def run(*args, input=None, env=None):
    return CliRunner().invoke(main, list(args), input=input, env=env)


def test_version_and_help_document_exit_codes():
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output
    result = run("analyze", "--help")
    assert result.exit_code == 0
    assert "0 all ok, 1 some documents failed, 2 all failed" in result.output
    assert "Example: counterclaim analyze" in result.output


def test_single_article_prints_one_json_object(stub_pipeline):
    result = run("analyze", str(WIRE), "--published", "5 March 2024", "--format", "json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    check_output(record)
    assert record["document"]["text"] == WIRE.read_text("utf-8")
    assert record["document"]["published"] == "2024-03-05"
    assert len(record["statements"]) == 5


def test_collection_prints_json_lines_in_order_and_goes_on_past_a_bad_line(stub_pipeline):
    result = run("analyze", str(FIXTURES / "collection.jsonl"), "--format", "json")
    assert result.exit_code == 1  # some failed
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["document"]["id"] for r in records] == ["wire-1", "wire-2", "line 3", "wire-4"]
    for r in records:
        check_output(r)
    assert records[2] == {"document": {"id": "line 3"}, "error": records[2]["error"]} and "E010" in records[2]["error"]
    assert "line 3" in result.stderr and "analysed 4 documents" in result.stderr and "1 failed" in result.stderr


def test_quiet_hides_warnings_and_summary(stub_pipeline):
    result = run("analyze", str(FIXTURES / "collection.jsonl"), "--format", "json", "--quiet")
    assert result.exit_code == 1 and result.stderr == ""


def test_published_is_the_default_for_jsonl_lines_without_one(stub_pipeline):
    result = run("analyze", str(FIXTURES / "collection.jsonl"), "--format", "json", "-q", "--published", "2024-03-01")
    dates = [json.loads(line)["document"].get("published") for line in result.stdout.splitlines()]
    assert dates == ["2024-03-05", "2024-03-01", None, "2024-03-05"]


def test_several_files_and_stdin(stub_pipeline):
    result = run("analyze", str(WIRE), str(FIXTURES / "article.html"), "--format", "json", "-q")
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["document"]["source_format"] for r in records] == ["text", "html"]
    result = run("analyze", "-", "--format", "json", input="Headline\n\nThe minister said it was false.\n")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["document"]["text"] == "Headline\n\nThe minister said it was false.\n"


def test_all_failed_exits_2(stub_pipeline, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "FAIL here"}\n{broken\n', encoding="utf-8")
    result = run("analyze", str(bad), "--format", "json", "-q")
    assert result.exit_code == 2
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["document"]["id"] for r in records] == ["a", "line 2"]
    assert "ValueError: stub failure" in records[0]["error"]


def test_binary_single_file_is_an_error_object_and_exit_2(stub_pipeline, tmp_path):
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4\x00\x00\x00")
    result = run("analyze", str(pdf), "--format", "json")
    assert result.exit_code == 2
    record = json.loads(result.stdout)
    assert record["document"]["id"] == str(pdf) and "NUL bytes" in record["error"]
    assert "E002" in result.stderr


def test_usage_errors_exit_2(stub_pipeline, tmp_path):
    assert run("analyze", str(tmp_path / "missing.txt")).exit_code == 2
    result = run("analyze", str(WIRE), "--published", "yesterday")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output
    assert run("analyze", str(WIRE), "--format", "xml").exit_code == 2
    assert run("analyze").exit_code == 2


def test_too_long_document_fails_clearly(stub_pipeline):
    result = run("analyze", str(WIRE), "--format", "json", env={"COUNTERCLAIM_MAX_CHARS": "100"})
    assert result.exit_code == 2 and "E009" in json.loads(result.stdout)["error"]


def test_missing_model_is_reported_with_the_fix(monkeypatch):
    def no_model(docs, **kw):
        raise RuntimeError("counterclaim NLP pipeline not found at /nowhere")

    monkeypatch.setattr(counterclaim.nlp, "parse_many", no_model, raising=False)
    result = run("analyze", str(WIRE), "--format", "json")
    assert result.exit_code == 2
    assert "E040" in result.stderr and "COUNTERCLAIM_PIPELINE" in result.stderr and "/nowhere" in result.stderr


def test_text_report_is_plain_when_piped_and_coloured_on_request(stub_pipeline):
    result = run("analyze", str(WIRE), "--published", "2024-03-05")
    assert result.exit_code == 0
    assert not ANSI.search(result.stdout)
    assert "Statements (5)" in result.stdout and "Tomas Reyl" in result.stdout
    coloured = run("analyze", str(WIRE), "--published", "2024-03-05", env={"COUNTERCLAIM_COLOR": "always"})
    assert ANSI.search(coloured.stdout)
    assert ANSI.sub("", coloured.stdout) == result.stdout


def test_text_report_sections():
    report = ANSI.sub("", render_text(sample_analysis(), width=100))
    lines = report.splitlines()
    assert lines[0].startswith("Coastal militia says port blast")
    assert "published 2024-03-05" in lines[1]
    # statements grouped by speaker, with act and quote
    reyl = lines.index(next(l for l in lines if l.startswith("Tomas Reyl")))
    assert "Coastal Brigades" in lines[reyl] and lines[reyl + 1].lstrip().startswith("threat")
    assert "“a message to those who raided our homes … will strike again" in report
    assert any(l.lstrip().startswith("no_comment") for l in lines)
    # dispute positions side by side
    row = next(l for l in lines if "militia attack" in l)
    assert "|" in row and "gas valve fault" in row
    # timeline: dated events first, then undated
    dated = next(i for i, l in enumerate(lines) if "2024-03-01" in l and "ASSAULT" in l)
    undated = next(i for i, l in enumerate(lines) if "(undated)" in l and "THREATEN" in l)
    assert dated < undated and "[alleged]" in lines[dated]
    assert "last month = 2024-02" in report
    # actors with affiliation
    assert any("Tomas Reyl (person, spokesman) ← Coastal Brigades" in l for l in lines)


def test_empty_analysis_and_error_render():
    text = ANSI.sub("", render_text(Analysis(Document("d1", "Just text."))))
    assert "(untitled)" in text and "No statements, events or actors found." in text
    assert ANSI.sub("", render_error("line 3", "[E010] bad")) == "✗ line 3: [E010] bad\n"


def test_feed_is_a_collection(stub_pipeline):
    result = run("analyze", str(FIXTURES / "feed.rss"), "--format", "json", "-q")
    assert result.exit_code == 1  # the third entry has no text
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["document"]["id"] for r in records] == ["https://example.org/blast", "courier-2", "courier-3"]
    assert "E016" in records[2]["error"]


def test_paragraphs_command_shows_roles_and_rules():
    result = run("paragraphs", str(WIRE))
    assert result.exit_code == 0, result.output
    assert "(text, 15 paragraphs)" in result.stdout
    assert re.search(r"caption\s+Dock workers", result.stdout) and "CAPTION_CREDIT_PATTERN" in result.stdout
    assert re.search(r"boilerplate\s+Most Popular", result.stdout)


def test_error_catalogue_messages_format_and_say_what_to_do():
    import string

    from counterclaim.errors import CounterclaimError, Errors

    codes = [c for c in vars(Errors) if re.fullmatch(r"E\d{3}", c)]
    assert len(codes) >= 20
    for code in codes:
        fields = {name: 0 for _, name, _, _ in string.Formatter().parse(getattr(Errors, code)) if name}
        message = str(CounterclaimError(code, **fields))
        assert message.startswith(f"[{code}] ") and len(message) > 60, code
    with pytest.raises(KeyError):
        CounterclaimError("E999")


def test_text_report_names_who_reported_a_nested_statement():
    import dataclasses

    a = sample_analysis()
    outer = a.statements[0]  # the militia's statement
    a = dataclasses.replace(a, statements=tuple(
        dataclasses.replace(s, nested_in=outer.id) if s.act == "denial" else s for s in a.statements))
    lines = ANSI.sub("", render_text(a, width=100)).splitlines()
    denial = next(i for i, l in enumerate(lines) if l.lstrip().startswith("denial"))
    tag = next(l for l in lines[denial:] if l.lstrip().startswith("["))
    assert "as reported by Coastal Brigades" in tag
    assert sum("as reported by" in l for l in lines) == 1
