"""The PolNeAR-style attribution scorer (counterclaim.evaluation.attribution)."""

import json

import pytest

from counterclaim.evaluation.attribution import (
    Attribution,
    format_scores,
    gold_document,
    load_gold,
    score,
    statement_to_attribution,
)
from counterclaim.model import Span, Statement

TEXT = "Clinton Wins: Poll.\n\nSmith said that taxes rose. \u201cIt is bad,\u201d he added."


def _write(tmp_path, records):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_load_gold_trims_pieces_and_reads_discontinuous(tmp_path):
    s = TEXT.index("Smith")
    rec = {
        "id": "a1", "title": "Clinton Wins: Poll", "text": TEXT,
        "attributions": [
            {"source": [s, s + 6], "cue": [s + 6, s + 10], "content": [[s + 11, s + 32], [s + 33, s + 35]]},
            {"source": None, "cue": [s + 6, s + 10], "content": [s + 11, s + 32]},
        ],
    }
    (art,) = load_gold(_write(tmp_path, [rec]))
    a0, a1 = art.attributions
    assert a0.source == ((s, s + 5),)  # trailing space trimmed
    assert len(a0.content) == 2
    assert a1.source == ()


def test_load_gold_names_the_bad_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.jsonl:1"):
        load_gold(path)


def test_gold_document_marks_the_title_paragraph_as_headline():
    from counterclaim.evaluation.attribution import GoldArticle

    doc = gold_document(GoldArticle("a", TEXT, "Clinton Wins: Poll", "2016-09-12T00:00:00"))
    assert [p.role for p in doc.paragraphs] == ["headline", "body"]
    assert doc.published == "2016-09-12"
    assert TEXT[doc.paragraphs[1].start:doc.paragraphs[1].end].startswith("Smith")


def test_gold_document_reads_single_line_breaks_between_paragraphs_as_the_ingest_does():
    from counterclaim.evaluation.attribution import GoldArticle

    text = ('"You have not been involved in a consequential decision," he said. "You just simply have not."\n'
            'Rubio fired back at Christie over the credit rating of New Jersey, which fell nine times.\n\n'
            'The debate went on for two more hours.')
    doc = gold_document(GoldArticle("b", text, None, None))
    pars = [text[p.start:p.end] for p in doc.paragraphs]
    assert len(pars) == 3 and pars[1].startswith("Rubio") and pars[2].startswith("The debate")
    assert {p.role for p in doc.paragraphs} == {"body"} and doc.text == text


def test_gold_document_reads_a_title_over_two_lines_as_the_headline():
    from counterclaim.evaluation.attribution import GoldArticle

    text = "Lawmaker urges retaliation on Russia;\nMember of panel says U.S. must act\n\nRep. Schiff spoke on Monday."
    title = "Lawmaker urges retaliation on Russia; Member of panel says U.S. must act"
    doc = gold_document(GoldArticle("c", text, title, None))
    assert [p.role for p in doc.paragraphs] == ["headline", "headline", "body"]


def test_score_exact_overlap_and_whole():
    gold = [Attribution(source=((0, 5),), cue=((6, 10),), content=((11, 30),)),
            Attribution(source=((40, 42),), cue=((43, 48),), content=((31, 39),))]
    pred = [Attribution(source=((0, 5),), cue=((6, 10),), content=((11, 30),)),  # all exact
            Attribution(source=((40, 42),), cue=((43, 48),), content=((32, 39),)),  # content off by one
            Attribution(source=(), cue=((60, 64),), content=((65, 70),))]  # spurious
    r = score([(gold, pred)])
    assert r["exact"]["cue"] == {"p": pytest.approx(2 / 3, abs=1e-4), "r": 1.0, "f1": 0.8, "pred": 3, "gold": 2}
    assert r["exact"]["content"]["p"] == pytest.approx(1 / 3, abs=1e-4)
    assert r["overlap"]["content"]["r"] == 1.0  # the off-by-one piece overlaps
    assert r["exact"]["source"]["p"] == 1.0  # a missing source is no prediction
    assert r["attribution"]["f1"] == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2), abs=1e-4)
    assert "whole" in format_scores(r)


def test_statement_to_attribution_trims_whitespace():
    text = "He said  that it rained ."
    st = Statement(id="s", cue=Span(3, 7, "said"), content=(Span(7, 23, text[7:23]),), kind="indirect",
                   act="claim", source=Span(0, 2, "He"))
    a = statement_to_attribution(st, text)
    assert a.content == ((9, 23),)
    assert a.source == ((0, 2),)
