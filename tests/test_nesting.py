"""Statements reported inside other statements (``Statement.nested_in``)."""

from __future__ import annotations

import pytest

from counterclaim.extract.statements import nesting
from counterclaim.model import Span, Statement

TEXT = "According to the radio, the league said that it regards the vote as a fraud."


def _span(piece: str) -> Span:
    start = TEXT.index(piece)
    return Span(start, start + len(piece), piece)


def _statement(sid: str, cue: str, content: str) -> Statement:
    return Statement(id=sid, cue=_span(cue), content=(_span(content),), kind="indirect", act="claim")


def test_each_statement_nests_in_the_innermost_content_that_holds_its_cue():
    radio = _statement("radio", "According to", "the league said that it regards the vote as a fraud")
    league = _statement("league", "said", "that it regards the vote as a fraud")
    regards = _statement("regards", "regards", "the vote as a fraud")
    assert nesting([radio, league, regards]) == {"league": "radio", "regards": "league"}


def test_contents_that_hold_each_others_cues_make_no_cycle():
    # two statements whose (misread) contents hold each other's cue: the link through the longer content goes
    a = _statement("a", "said", "the league said that it regards")
    b = _statement("b", "regards", "said that it regards the vote as a fraud")
    assert nesting([a, b]) == {"b": "a"}


def test_a_statement_outside_every_content_is_not_nested():
    radio = _statement("radio", "According to", "the league")
    league = _statement("league", "said", "that it regards the vote as a fraud")
    assert nesting([radio, league]) == {}


@pytest.mark.model
def test_the_analysis_links_a_reported_statement_to_its_reporter():
    from counterclaim import analyze

    text = "According to the state broadcaster, the rebel commander said that his fighters had fired the shells."
    a = analyze(text, "2024-03-05")
    (said,) = [s for s in a.statements if s.cue.text == "said"]
    outer = a.statement(said.nested_in)
    assert outer is not None and outer.kind == "according_to"
    assert any(c.start <= said.cue.start and said.cue.end <= c.end for c in outer.content)
    assert outer.nested_in is None
