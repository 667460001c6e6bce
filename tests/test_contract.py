"""The JSON output contract (CONTRACT.md): schema, enums and offsets.

The schema (src/counterclaim/schema/contract.schema.json) is written from CONTRACT.md; it allows
extra fields. Offsets are checked outside the schema: every span's text must equal
document.text[start:end]. Without the NLP model the schema is tested on hand-built records; the
`model` tests run the real CLI on the fixtures.
"""

from __future__ import annotations

import copy
import json
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

import jsonschema
import pytest
from click.testing import CliRunner

from counterclaim import ingest, model
from counterclaim.cli import main
from counterclaim.model import (
    Actor, Analysis, Dispute, Event, EventTime, Location, Position, Span, Speaker, Statement, Timex, make_id,
)
from counterclaim.pipeline import BatchItem

FIXTURES = Path(__file__).parent / "fixtures"


def schema() -> dict:
    return json.loads(resources.files("counterclaim").joinpath("schema", "contract.schema.json").read_text("utf-8"))


VALIDATOR = jsonschema.Draft202012Validator(schema())


def iter_spans(obj: Any) -> Iterator[dict]:
    """Every JSON object with integer start/end and a text: spans, timexes, mentions, triggers."""
    if isinstance(obj, dict):
        if isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int) and isinstance(obj.get("text"), str):
            yield obj
        for v in obj.values():
            yield from iter_spans(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from iter_spans(v)


def check_output(record: dict) -> None:
    """Assert one printed object meets the contract: schema, offsets, and references between records."""
    errors = sorted(VALIDATOR.iter_errors(record), key=lambda e: list(e.path))
    assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    if "error" in record:
        return
    text = record["document"]["text"]
    for span in iter_spans({k: v for k, v in record.items() if k != "document"}):
        assert 0 <= span["start"] <= span["end"] <= len(text), span
        assert text[span["start"]:span["end"]] == span["text"], span
    statement_ids = {s["id"] for s in record["statements"]}
    actor_ids = {a["id"] for a in record["actors"]}
    event_ids = {e["id"] for e in record["events"]}
    for s in record["statements"]:
        if s["speaker"] and s["speaker"]["actor_id"] is not None:
            assert s["speaker"]["actor_id"] in actor_ids
    for e in record["events"]:
        assert set(e["agents"]) <= actor_ids and set(e["targets"]) <= actor_ids
        assert set(e["claimed_by"]) <= statement_ids
    for d in record["disputes"]:
        assert d["subject_event"] is None or d["subject_event"] in event_ids
        assert set(d["explicit"]) <= statement_ids
        for p in d["positions"]:
            assert set(p["statements"]) <= statement_ids and set(p["actors"]) <= actor_ids


# --------------------------------------------------------------------------- hand-built records


def _span(text: str, piece: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return Span(start, start + len(piece), piece)


def sample_analysis() -> Analysis:
    """A full analysis of tests/fixtures/article_wire.txt built by hand (every record type, every field)."""
    document = ingest.from_text((FIXTURES / "article_wire.txt").read_text("utf-8"), published="2024-03-05")
    t = document.text
    did = document.id
    brigades = Actor(make_id("a", did, "brigades"), "Coastal Brigades", "group", None, None,
                     (_span(t, "Coastal Brigades"),), rule="test")
    reyl = Actor(make_id("a", did, "reyl"), "Tomas Reyl", "person", None, brigades.id, (_span(t, "Tomas Reyl"),),
                 role="spokesman", rule="test")
    varga = Actor(make_id("a", did, "varga"), "Helena Varga", "person", "XVH", None,
                  (_span(t, "Helena Varga"), _span(t, "Varga", 1), _span(t, "she")), rule="test")
    s1 = Statement(
        id=make_id("s", did, 1), cue=_span(t, "said", 0),
        content=(_span(t, "the explosion at the port of Veldhaven was retaliation for a police raid on its camp last month"),),
        kind="indirect", act="claim", source=_span(t, "The Coastal Brigades militia"),
        speaker=Speaker("Coastal Brigades", brigades.id, ("Coastal Brigades",)), confidence=0.9, rule="test")
    s2 = Statement(
        id=make_id("s", did, 2), cue=_span(t, "told reporters"),
        content=(_span(t, "a message to those who raided our homes"), _span(t, "will strike again if the raids continue.")),
        kind="mixed", act="threat", source=_span(t, "Brigades spokesman Tomas Reyl"),
        speaker=Speaker("Tomas Reyl", reyl.id, ("Tomas Reyl", "Coastal Brigades")), confidence=0.8, rule="test")
    s3 = Statement(
        id=make_id("s", did, 3), cue=_span(t, "denied"),
        content=(_span(t, "the militia had any role in the explosion"),), kind="indirect", act="denial",
        source=_span(t, "Interior Minister Helena Varga"), speaker=Speaker("Helena Varga", varga.id), confidence=0.95,
        rule="test", replies_to=(make_id("s", did, 1),))
    s4 = Statement(
        id=make_id("s", did, 4), cue=_span(t, "declined to comment"), content=(), kind="other", act="no_comment",
        source=_span(t, "The port authority"), speaker=Speaker("port authority", None), confidence=0.7, rule="test")
    s5 = Statement(
        id=make_id("s", did, 5), cue=_span(t, "according to"), content=(_span(t, "Investigators are expected to publish their findings next week"),),
        kind="according_to", act="report", source=None, speaker=None, confidence=0.5, rule="test")
    blast = Event(
        id=make_id("e", did, "blast"), type="ASSAULT", trigger=_span(t, "explosion", 1), agents=(brigades.id,), targets=(),
        location=Location("Veldhaven", None, 53.1, 4.2, _span(t, "Veldhaven", 1)),
        time=EventTime("2024-03-01", "on March 2, 2024, a day after"), mode="alleged", claimed_by=(s1.id,), rule="test")
    warning = Event(
        id=make_id("e", did, "warn"), type="THREATEN", trigger=_span(t, "strike again"), agents=(brigades.id,),
        mode="future", claimed_by=(s2.id,), rule="test")
    timexes = (
        Timex(*_tx(t, "Tuesday"), "DATE", "2024-03-05", rule="test"),
        Timex(*_tx(t, "last month"), "DATE", "2024-02", rule="test"),
        Timex(*_tx(t, "next week"), "DATE", "2024-W11", rule="test"),
    )
    dispute = Dispute(
        id=make_id("d", did, "blast"), topic="who caused the Veldhaven port explosion", subject_event=blast.id,
        positions=(Position((brigades.id, reyl.id), (s1.id, s2.id), "militia attack"),
                   Position((varga.id,), (s3.id,), "gas valve fault")),
        explicit=(s3.id,))
    return Analysis(document, (s1, s2, s3, s4, s5), (brigades, reyl, varga), timexes, (blast, warning), (dispute,),
                    version="test")


def _tx(text: str, piece: str, nth: int = 0) -> tuple[int, int, str]:
    s = _span(text, piece, nth)
    return s.start, s.end, s.text


def test_hand_built_analysis_meets_the_contract():
    record = json.loads(sample_analysis().to_json())
    check_output(record)
    assert record["statements"][1]["kind"] == "mixed" and len(record["statements"][1]["content"]) == 2


def test_every_contract_field_name_is_produced_by_the_model():
    """model.Analysis.to_dict() uses the contract's field names (extras allowed)."""
    record = sample_analysis().to_dict()
    defs = schema()["$defs"]
    assert set(defs["analysis"]["required"]) <= set(record)
    assert set(defs["document"]["required"]) <= set(record["document"])
    assert set(defs["statement"]["required"]) <= set(record["statements"][0])
    assert set(defs["statement"]["properties"]["speaker"]["oneOf"][1]["required"]) <= set(record["statements"][0]["speaker"])
    assert set(defs["actor"]["required"]) <= set(record["actors"][0])
    assert set(defs["timex"]["allOf"][1]["required"]) | {"start", "end", "text"} <= set(record["timexes"][0])
    assert set(defs["event"]["required"]) <= set(record["events"][0])
    assert set(defs["event"]["properties"]["location"]["oneOf"][1]["required"]) <= set(record["events"][0]["location"])
    assert set(defs["dispute"]["required"]) <= set(record["disputes"][0])
    assert set(defs["position"]["required"]) <= set(record["disputes"][0]["positions"][0])


def test_schema_enums_match_the_model_vocabularies():
    defs = schema()["$defs"]
    assert tuple(defs["statement"]["properties"]["kind"]["enum"]) == model.STATEMENT_KINDS
    assert tuple(defs["statement"]["properties"]["act"]["enum"]) == model.SPEECH_ACTS
    assert tuple(defs["actor"]["properties"]["type"]["enum"]) == model.ACTOR_TYPES
    assert tuple(defs["timex"]["allOf"][1]["properties"]["type"]["enum"]) == model.TIMEX_TYPES
    assert tuple(defs["event"]["properties"]["mode"]["enum"]) == model.EVENT_MODES


def test_error_object_meets_the_contract():
    check_output(BatchItem(id="line 3", error="[E010] line 3 is not valid JSON").to_dict())
    assert not VALIDATOR.is_valid({"document": {"id": "x"}})  # no error text and no analysis


@pytest.mark.parametrize(
    "path, value",
    [
        (("statements", 0, "kind"), "quote"),
        (("statements", 0, "act"), "said"),
        (("actors", 0, "type"), "militia"),
        (("timexes", 0, "type"), "DAY"),
        (("events", 0, "mode"), "maybe"),
        (("document", "published"), "05/03/2024"),
        (("actors", 2, "country"), "XV"),
        (("statements", 0, "cue"), {"start": 1, "end": 2}),
        (("statements", 0, "content"), {"start": 1, "end": 2, "text": "x"}),
        (("statements", 0, "confidence"), 1.5),
    ],
)
def test_schema_rejects_what_the_contract_forbids(path, value):
    record = sample_analysis().to_dict()
    target = record
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert not VALIDATOR.is_valid(record)


@pytest.mark.parametrize("field", ["statements", "actors", "timexes", "events", "disputes"])
def test_schema_requires_every_top_level_list(field):
    record = sample_analysis().to_dict()
    del record[field]
    assert not VALIDATOR.is_valid(record)


def test_schema_allows_extra_fields():
    record = sample_analysis().to_dict()
    record["claims"] = [{"anything": 1}]
    record["statements"][0]["rule"] = "cue-verb"
    record["document"]["source_format"] = "text"
    assert VALIDATOR.is_valid(record)


def test_offset_check_catches_a_wrong_span():
    record = sample_analysis().to_dict()
    record["statements"][0]["cue"]["start"] += 1
    with pytest.raises(AssertionError):
        check_output(record)


# --------------------------------------------------------------------------- the real CLI (needs the model)


@pytest.mark.model
def test_cli_json_on_an_article_meets_the_contract():
    result = CliRunner().invoke(main, ["analyze", str(FIXTURES / "article_wire.txt"), "--published", "2024-03-05",
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    check_output(record)
    text = (FIXTURES / "article_wire.txt").read_text("utf-8")
    assert record["document"]["text"] == text
    assert record["document"]["published"] == "2024-03-05"
    assert record["statements"], "no statements found in a wire report full of quotes"
    # captions and boilerplate yield no statements (docs/architecture.md)
    paragraphs = record["document"]["paragraphs"]
    roles = {p["role"] for p in paragraphs}
    assert {"headline", "caption", "boilerplate", "body"} <= roles
    for st in record["statements"]:
        role = next((p["role"] for p in paragraphs if p["start"] <= st["cue"]["start"] < p["end"]), "body")
        assert role not in ("caption", "boilerplate"), st
    # relative dates are anchored to --published
    assert any(t["value"].startswith("2024") for t in record["timexes"])


@pytest.mark.model
def test_cli_json_lines_on_a_collection_meet_the_contract():
    result = CliRunner().invoke(main, ["analyze", str(FIXTURES / "collection.jsonl"), "--format", "json", "--quiet"])
    assert result.exit_code == 1, result.output  # one bad line: some failed
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["document"]["id"] for r in records] == ["wire-1", "wire-2", "line 3", "wire-4"]
    for r in records:
        check_output(r)
    assert "error" in records[2] and "E010" in records[2]["error"]
    assert all("error" not in r for r in records[:2] + records[3:])
    assert records[0]["document"]["published"] == "2024-03-05" and records[3]["document"]["published"] == "2024-03-05"
