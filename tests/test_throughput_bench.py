"""bench/throughput.py: the report and the docs section it writes (no model: the run itself is not tested here)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench" / "throughput.py"


def _load():
    spec = importlib.util.spec_from_file_location("throughput_bench", BENCH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


RESULT = {
    "version": "0.1.0", "spacy": "3.8", "python": "3.11", "cpus": 2, "docs": 10, "skipped_lines": 1, "words": 5000,
    "chars": 30000, "analysed": 9, "analysed_words": 4500, "load_s": 2.0, "warm_s": 0.5, "store_s": 0.1,
    "counts": {"statements": 30, "statement_spans": 90, "actors": 20, "mentions": 40, "timexes": 5, "events": 3,
               "claims": 4, "disputes": 1},
    "pipes": ["tok2vec", "parser"], "batch_size": 32,
    "runs": [
        {"n_process": 1, "parsed": 10, "parse_s": 2.0, "e2e_s": 4.0, "analysed": 9, "failed": 1, "errors": ["x: boom"],
         "stages": {"actors": 1.0, "time": 0.5, "statements": 0.5, "events": 0.0, "claims": 0.0, "rebuttals": 0.0,
                    "disputes": 0.0}},
        {"n_process": 2, "parsed": 10, "parse_s": 1.0, "e2e_s": 2.5, "analysed": 9, "failed": 1, "errors": ["x: boom"],
         "stages": {"actors": 1.0}},
    ],
}


def test_report_rates_are_computed_from_the_timings():
    mod = _load()
    text = mod.report(RESULT, "python bench/throughput.py data.jsonl --limit 10", "2026-11-25")
    assert text.startswith(mod.SECTION + "\n")
    assert "Command (run 2026-11-25): `python bench/throughput.py data.jsonl --limit 10`" in text
    assert "| 1 | 10 | 5,000 | 2.0 | 5.00 | 2,500 |" in text  # parse only: 10 articles / 2 s
    assert "| 1 | 10 | 5,000 | 4.0 | 2.50 | 1,250 |" in text  # end to end, failures included
    assert "| 2 | 10 | 5,000 | 2.5 | 4.00 | 2,000 |" in text  # end to end with two processes
    assert "| – | 9 | 4,500 | 0.1 | 90.00 | 45,000 |" in text  # store
    assert "| actors | 1.00 | 100.0 | 50 % |" in text
    assert "Failed documents (n_process 1): 1 (first: x: boom)." in text
    assert "end to end with n_process 2: 1.60x the speed with n_process 1." in text


def test_write_docs_replaces_only_its_section(tmp_path, monkeypatch):
    mod = _load()
    docs = tmp_path / "benchmarks.md"
    monkeypatch.setattr(mod, "DOCS", docs)
    mod.write_docs(mod.SECTION + "\n\nfirst\n")
    assert docs.read_text() == "# Benchmarks\n\n" + mod.SECTION + "\n\nfirst\n"
    docs.write_text("# Benchmarks\n\n## Parser (issue 2)\n\nkeep me\n\n" + mod.SECTION + "\n\nold\n\n## Time (issue 4)\n\nkeep too\n")
    mod.write_docs(mod.SECTION + "\n\nnew\n")
    text = docs.read_text()
    assert "old" not in text and "new" in text
    assert text.index("keep me") < text.index("new") < text.index("keep too")
