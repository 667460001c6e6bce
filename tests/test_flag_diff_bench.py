"""bench/flag_diff.py and bench/nesting_stats.py on invented texts (they load the shipped pipeline)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _load(name):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_an_unknown_flag_is_a_usage_error(tmp_path, capsys):
    texts = tmp_path / "t.jsonl"
    texts.write_text(json.dumps({"text": "It seems that the plan failed."}) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        _load("flag_diff").main([str(texts), "extract.verbs:NO_SUCH_FLAG"])
    assert "no such flag" in capsys.readouterr().err


@pytest.mark.model
def test_flag_diff_shows_what_a_rule_changes_and_restores_it(tmp_path, capsys):
    from counterclaim.extract import verbs

    texts = tmp_path / "t.jsonl"
    texts.write_text("\n".join(json.dumps({"text": t}) for t in (
        "It seems that the plan failed, officials said on Monday.", "The minister said the port was closed.")) + "\n",
        encoding="utf-8")
    assert _load("flag_diff").main([str(texts), "extract.verbs:RAISING_EXPLETIVE", "--limit", "0"]) == 0
    out = capsys.readouterr().out
    assert "OFF It | seems" in out and "ON  - | seems" in out
    assert "2 texts, 1 statements changed" in out
    assert verbs.RAISING_EXPLETIVE is True  # put back as shipped


@pytest.mark.model
def test_nesting_stats_counts_gold_and_found_nesting(tmp_path, capsys):
    text = "According to the radio, the league said that it regards the vote as a fraud."
    record = {"id": "a1", "title": None, "publication_date": None, "text": text, "attributions": [
        {"eid": "e1", "type": "Attribution", "source": [text.index("the radio"), text.index("the radio") + 9],
         "cue": [0, 12], "content": [text.index("the league"), len(text) - 1]}]}
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert _load("nesting_stats").main([str(gold)]) == 0
    out = capsys.readouterr().out
    assert "gold: 1 cues, 0 inside another attribution's content" in out
    nested = int(out.split("statements, ")[1].split(" nested")[0])
    assert nested >= 1  # "said" (and "regards") lie in the content of "according to"
