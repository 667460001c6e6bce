"""End-to-end: analyze() and the batch runner on the example article (loads the shipped pipeline)."""
from __future__ import annotations

from pathlib import Path

import pytest

import counterclaim
from counterclaim.model import Analysis, Document
from counterclaim.pipeline import BatchStats, analyze_many

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "harbor_blast.txt"

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def example() -> Analysis:
    return counterclaim.analyze(EXAMPLE.read_text(encoding="utf-8"), published="2024-03-06")


def test_text_is_unchanged_and_every_span_indexes_it(example: Analysis) -> None:
    assert example.document.text == EXAMPLE.read_text(encoding="utf-8")
    spans = example.spans()
    assert len(spans) > 20
    for span in spans:
        assert example.document.text[span.start:span.end] == span.text, span


def test_ids_are_deterministic(example: Analysis) -> None:
    again = counterclaim.analyze(EXAMPLE.read_text(encoding="utf-8"), published="2024-03-06")
    assert again.to_json() == example.to_json()


def test_ids_are_unique_per_record_type(example: Analysis) -> None:
    # the store keys every record by (document, id): a repeated id loses the whole document
    for name in ("statements", "actors", "events", "claims", "disputes"):
        ids = [r.id for r in getattr(example, name)]
        assert len(ids) == len(set(ids)), name


def test_json_round_trip(example: Analysis) -> None:
    assert Analysis.from_json(example.to_json()) == example


def test_statements_found_with_speakers_and_acts(example: Analysis) -> None:
    acts = {s.act for s in example.statements}
    assert {"claim", "denial"} <= acts
    assert "no_comment" in acts
    # the quote after which "she warned" stands is a threat by the spokeswoman
    warned = [s for s in example.statements if s.cue.text == "warned"]
    assert warned and warned[0].speaker is not None
    assert "Belmonte" in warned[0].speaker.name
    # nothing comes out of the photo caption
    roles = [example.document.role_at(s.cue.start) for s in example.statements]
    assert "caption" not in roles and "boilerplate" not in roles
    paragraph_roles = [p.role for p in example.document.paragraphs]
    assert paragraph_roles.count("caption") == 1  # the caption printed twice is kept once
    # ... so its date is counted once
    caption = next(p for p in example.document.paragraphs if p.role == "caption")
    in_captions = [t.text for t in example.timexes if t.start >= caption.start]
    assert in_captions.count("March 4, 2024") == 1


def test_relative_dates_are_anchored(example: Analysis) -> None:
    values = {t.text: t.value for t in example.timexes}
    assert values.get("Tuesday") == "2024-03-05"
    assert values.get("Monday") == "2024-03-04"


class BadLine(ValueError):
    """What a reader yields for an unreadable input line: an error that carries the line's id."""

    id = "line-2"


def batch_with_a_bad_line(*more: Document) -> list:
    return [
        Document(id="a", text="The mayor said the bridge would reopen on Friday."),
        BadLine("line 2 is not valid JSON; fix the line or remove it"),
        Document(id="c", text="Police denied that anyone had been arrested."),
        *more,
    ]


def test_batch_goes_on_past_a_bad_document() -> None:
    docs = batch_with_a_bad_line()
    stats = BatchStats()
    items = list(analyze_many(docs, stats=stats))
    assert [i.id for i in items] == ["a", "line-2", "c"]
    assert items[0].ok and items[2].ok and not items[1].ok
    assert "not valid JSON" in items[1].error
    assert items[1].to_dict() == {"document": {"id": "line-2"}, "error": items[1].error}
    assert stats.done == 2 and stats.failed == 1


def test_descriptions_resolve_by_head_noun(example: Analysis) -> None:
    """"The ministry has vowed" is the Interior Ministry, "The board said" the Harbor Safety Board."""
    by_source = {s.source.text: s.speaker for s in example.statements if s.source is not None}
    assert by_source["The ministry"].name == "Interior Ministry"
    assert by_source["The board"].name == "Harbor Safety Board"


def test_two_processes_give_the_same_records_in_order() -> None:
    docs = batch_with_a_bad_line(Document(id="d", text="“We will not pay,” the union leader said on Monday."))
    one = [i.to_dict() for i in analyze_many(docs, batch_size=1)]
    stats = BatchStats()
    two = [i.to_dict() for i in analyze_many(docs, batch_size=1, n_process=2, stats=stats)]
    assert two == one
    assert [d["document"]["id"] for d in two] == ["a", "line-2", "c", "d"]
    assert stats.done == 3 and stats.failed == 1


def test_pronoun_prefers_the_subject_of_the_previous_sentence() -> None:
    text = (
        "The Harbor Workers Union said on Monday that the strike would go on.\n\n"
        "At the same time, the Meridian Port Authority has closed the northern terminal. "
        "It says the closure will last a week."
    )
    result = counterclaim.analyze(text, published="2024-05-08")
    says = [s for s in result.statements if s.cue.text == "says"]
    assert says and says[0].speaker is not None
    assert says[0].speaker.name == "Meridian Port Authority"
