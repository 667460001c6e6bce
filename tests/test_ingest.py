"""Ingest: text kept unchanged, paragraph roles, HTML extraction, JSONL and file loading, dates."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from counterclaim import ingest
from counterclaim.errors import IngestError
from counterclaim.ingest.text import assign_roles, explain, split_paragraphs
from counterclaim.model import make_id

FIXTURES = Path(__file__).parent / "fixtures"
WIRE = (FIXTURES / "article_wire.txt").read_text("utf-8")


def roles(document):
    return [(p.role, document.text[p.start:p.end]) for p in document.paragraphs]


# --------------------------------------------------------------------------- text kept unchanged


@pytest.mark.parametrize(
    "text",
    [
        WIRE,
        "Headline here\r\n\r\nBody line one.\r\nBody line two.\r\n",
        "  Leading spaces\u00a0and NBSP\u2009thin space.\n\n\n\tTabbed “quotes” — dash…",
        "No trailing newline at all",
        "Line one.\rOld Mac line two.\r",
    ],
)
def test_text_is_kept_unchanged_and_paragraphs_index_it(text):
    document = ingest.from_text(text)
    assert document.text == text
    assert document.paragraphs
    for p in document.paragraphs:
        piece = text[p.start:p.end]
        assert piece and piece == piece.strip()
    starts = [p.start for p in document.paragraphs]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(document.paragraphs, document.paragraphs[1:]))


def test_default_id_is_the_content_hash_and_explicit_values_are_kept():
    assert ingest.from_text(WIRE).id == make_id("doc", WIRE) == ingest.from_text(WIRE).id
    d = ingest.from_text(WIRE, id="abc", published="March 5, 2024", title="Given title")
    assert (d.id, d.published, d.title, d.source_format) == ("abc", "2024-03-05", "Given title", "text")


def test_empty_text_is_an_error_not_an_empty_document():
    with pytest.raises(IngestError) as exc:
        ingest.from_text(" \n\n ")
    assert exc.value.code == "E004"
    with pytest.raises(TypeError, match="decode"):
        ingest.from_text(b"bytes")


# --------------------------------------------------------------------------- roles


def test_roles_of_a_wire_report():
    document = ingest.from_text(WIRE)
    got = [r for r, _ in roles(document)]
    assert got == [
        "headline", "subhead", "caption", "boilerplate",
        "body", "body", "body", "body", "body",
        "caption", "body",
        "boilerplate", "boilerplate", "boilerplate", "boilerplate",
    ]
    assert document.title == WIRE.splitlines()[0]


def test_caption_printed_twice_back_to_back_is_kept_once():
    caption = "Crowds gather in the main square on Friday to mark the anniversary of the founding of the city"
    text = f"Headline\n\n{caption}\n{caption}\n\nThe mayor said the celebrations would go on all week.\n"
    document = ingest.from_text(text)
    assert [r for r, _ in roles(document)] == ["headline", "caption", "boilerplate", "body"]
    assert "right after itself" in explain(text)[2][3]


def test_repeated_caption_far_apart_stays_a_caption_each_time():
    caption = "Rescue teams search the rubble of the market (Lee Park/Wire)"
    text = (f"Headline\n\n{caption}\n\nThe mayor said the search would go on all week.\n\n"
            f"{caption}\n\nOfficials said three people were missing.\n")
    document = ingest.from_text(text)
    assert [r for r, _ in roles(document)] == ["headline", "caption", "body", "caption", "body"]


@pytest.mark.parametrize(
    "caption",
    [
        "A protester waves a flag outside the parliament building. (Jan Kowal/Agency)",
        "The minister arrives for talks in the capital (via State News Agency)",
        "FILE – Soldiers patrol the border crossing on a quiet morning",
        "FILE PHOTO: Ships wait outside the harbour",
        "In this photo released by the ministry, officials inspect the damage.",
        "Smoke rises over the industrial district. Photo: Ana Silva/Wire",
        "Rescue teams search the rubble (AP Photo/Lee Park)",
    ],
)
def test_caption_heuristics(caption):
    text = f"Headline of the story\n\nThe first paragraph of the story ends here.\n\n{caption}\n\nMore body text follows here.\n"
    assert [r for r, _ in roles(ingest.from_text(text))][2] == "caption"


@pytest.mark.parametrize(
    "paragraph",
    [
        "The ministry said the talks (held in Geneva) would resume.",
        "Prices rose 3 percent in the year to March, the statistics office said.",
        "He said the figure, up from 1,200 last year (when the survey began), was a record.",
    ],
)
def test_body_paragraphs_are_not_captions(paragraph):
    text = f"Headline of the story\n\nThe first paragraph of the story ends here.\n\n{paragraph}\n"
    assert [r for r, _ in roles(ingest.from_text(text))][2] == "body"


@pytest.mark.parametrize(
    "furniture",
    ["Most Popular", "read more:", "Agencies contributed to this report.", "Share this", "Sign up for our newsletter",
     "Advertisement", "Reuters contributed to this report.", "Copyright 2024 The Courier. All rights reserved.",
     "Reporting by Jane Roe; Editing by John Doe"],
)
def test_boilerplate_patterns(furniture):
    text = f"Headline of the story\n\nThe first paragraph of the story ends here.\n\n{furniture}\n\nThe last paragraph.\n"
    assert [r for r, _ in roles(ingest.from_text(text))][2] == "boilerplate"


def test_most_popular_block_at_the_end_takes_its_list_along():
    text = "Headline\n\nBody text of the story.\n\nMost Popular\nFirst popular story\nSecond popular story\n"
    assert [r for r, _ in roles(ingest.from_text(text))] == ["headline", "body"] + ["boilerplate"] * 3


def test_most_popular_box_at_the_top_does_not_swallow_the_headline():
    text = "Most Popular\n\nMinister denies role in port blast\n\nThe minister denied the claim on Tuesday.\n"
    assert [r for r, _ in roles(ingest.from_text(text))] == ["boilerplate", "headline", "body"]


def test_body_only_text_gets_no_headline():
    document = ingest.from_text("The minister denied the claim on Tuesday.\n\nShe said it was false.\n")
    assert [p.role for p in document.paragraphs] == ["body", "body"]
    assert document.title is None


def test_given_title_and_standfirst():
    text = "Brewers turn to beer alternatives as taxes rise\n\nBeer is heavily taxed, the industry said.\n"
    document = ingest.from_text(text, title="Japan turns to beer alternatives")
    assert [p.role for p in document.paragraphs] == ["subhead", "body"]
    document = ingest.from_text("Japan turns to beer alternatives\n\nBody.\n", title="Japan turns to beer alternatives")
    assert document.paragraphs[0].role == "headline"


def test_byline():
    text = "Headline of the story\n\nBy Jane Roe and John Doe, Wire Service\n\nThe first paragraph of the story.\n"
    assert [p.role for p in ingest.from_text(text).paragraphs] == ["headline", "byline", "body"]


def test_hard_wrapped_paragraphs_are_rejoined_but_one_line_paragraphs_are_not():
    wrapped = (
        "The committee met on Tuesday to discuss the proposal, which would\n"
        "raise the tax on imported fuel by two cents a litre from next year,\n"
        "and several members said they would oppose it in the final vote.\n"
    )
    assert len(split_paragraphs(wrapped)) == 1
    lines = "The minister spoke first.\nThe opposition leader replied at length.\nThe session ended at noon.\n"
    assert len(split_paragraphs(lines)) == 3


def test_roles_are_one_per_paragraph():
    paras = ["Head", "Sub without period", "Body text here."]
    assert assign_roles(paras) == ["headline", "subhead", "body"]


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "value",
    ["2024-03-05", "2024-03-05T23:30:00-05:00", "2024-03-05T10:00:00Z", "2024-03-05 10:00", "2024/03/05", "20240305",
     "5 March 2024", "March 5, 2024", "Mar. 5, 2024", "Tuesday, March 5th, 2024", "2024.03.05",
     "Tue, 05 Mar 2024 10:30:00 +0000", dt.date(2024, 3, 5), dt.datetime(2024, 3, 5, 23, 59)],
)
def test_normalise_date_accepts_common_formats(value):
    assert ingest.normalise_date(value) == "2024-03-05"


def test_normalise_date_day_month_order_when_unambiguous():
    assert ingest.normalise_date("25/12/2023") == "2023-12-25"
    assert ingest.normalise_date("12/25/2023") == "2023-12-25"


@pytest.mark.parametrize("value, code", [("yesterday", "E020"), ("", "E020"), ("03/04/2024", "E021"),
                                         ("2024-02-30", "E022"), ("2024-13-01", "E022"), ("March 2024", "E020")])
def test_normalise_date_errors_say_how_to_fix(value, code):
    with pytest.raises(ValueError) as exc:
        ingest.normalise_date(value)
    assert exc.value.code == code and "YYYY-MM-DD" in str(exc.value)


# --------------------------------------------------------------------------- HTML


def test_html_extraction():
    document = ingest.from_html((FIXTURES / "article.html").read_text("utf-8"), url="https://example.org/blast")
    text = document.text
    assert document.source_format == "html"
    assert document.title == "Militia says port blast was payback for raid"
    assert document.published == "2024-03-05"
    assert document.author == "Jana Petrova"
    assert document.url == "https://example.org/blast"
    assert text.startswith(document.title) and document.paragraphs[0].role == "headline"
    assert "retaliation for a police raid" in text and "declined to comment" in text
    for furniture in ("Home", "Sport", "Subscribe", "Most Popular", "Five things to know", "Copyright", "Privacy"):
        assert furniture not in text, furniture
    assert text.count("Dock workers clear debris") <= 1
    assert document.id == make_id("doc", text)


def test_html_published_argument_wins_and_empty_page_is_an_error():
    html = (FIXTURES / "article.html").read_text("utf-8")
    assert ingest.from_html(html, published="2024-03-06").published == "2024-03-06"
    with pytest.raises(IngestError) as exc:
        ingest.from_html("<html><body><nav><a href='/'>Home</a></nav></body></html>", id="empty")
    assert exc.value.code == "E006" and exc.value.id == "empty"


# --------------------------------------------------------------------------- JSONL and files


def test_jsonl_bad_lines_are_yielded_in_order_and_the_batch_goes_on():
    items = list(ingest.load(FIXTURES / "collection.jsonl", published="2024-03-04"))
    assert [i.id for i in items] == ["wire-1", "wire-2", "line 3", "wire-4"]
    assert isinstance(items[2], IngestError) and items[2].code == "E010" and items[2].line == 3
    assert [i.published for i in (items[0], items[1], items[3])] == ["2024-03-05", "2024-03-04", "2024-03-05"]
    assert items[1].url == "https://example.org/wire-2" and items[0].title == "Minister denies role in port blast"
    assert all(i.source_format == "jsonl" for i in (items[0], items[1], items[3]))


@pytest.mark.parametrize(
    "line, code, id_",
    [
        ('["not", "an", "object"]', "E011", "line 1"),
        ('{"id": "x"}', "E012", "x"),
        ('{"id": "x", "text": 5}', "E012", "x"),
        ('{"id": {"a": 1}, "text": "t"}', "E013", "line 1"),
        ('{"id": "x", "text": "t", "title": 5}', "E014", "x"),
        ('{"id": "x", "text": "t", "published": "someday"}', "E020", "x"),
        ('{"id": "x", "text": "   "}', "E012", "x"),
    ],
)
def test_jsonl_line_errors(line, code, id_, tmp_path):
    (tmp_path / "one.jsonl").write_text(line + "\n", encoding="utf-8")
    (item,) = list(ingest.load(tmp_path / "one.jsonl"))
    assert isinstance(item, IngestError) and item.code == code and item.id == id_


def test_jsonl_accepts_numeric_ids_date_alias_and_html_field():
    lines = [
        json.dumps({"id": 7, "text": "Body text.", "date": "2024-03-05"}),
        "",
        json.dumps({"id": "h", "html": (FIXTURES / "article.html").read_text("utf-8")}),
    ]
    items = list(ingest.load("-", stdin=io.BytesIO("\n".join(lines).encode())))
    assert [(i.id, i.published) for i in items] == [("7", "2024-03-05"), ("h", "2024-03-05")]
    assert items[1].title == "Militia says port blast was payback for raid"


def test_binary_and_undecodable_inputs_say_what_to_do(tmp_path):
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.7\x00\x00\x01binary")
    (tmp_path / "latin.txt").write_bytes("Caf\u00e9 au lait.".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("  \n")
    bin_err, = ingest.load(tmp_path / "doc.pdf")
    assert bin_err.code == "E002" and "NUL bytes" in str(bin_err) and "UTF-8 text, HTML or JSONL" in str(bin_err)
    assert bin_err.id == str(tmp_path / "doc.pdf")
    latin_err, = ingest.load(tmp_path / "latin.txt")
    assert latin_err.code == "E003" and "iconv" in str(latin_err)
    empty_err, = ingest.load(tmp_path / "empty.txt")
    assert empty_err.code == "E004"


def test_directories_stdin_and_sniffing(tmp_path):
    (tmp_path / "b.txt").write_text("Second story\n\nBody.\n", encoding="utf-8")
    (tmp_path / "a.htm").write_text((FIXTURES / "article.html").read_text("utf-8"), encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    items = list(ingest.load(tmp_path))
    assert [i.source_format for i in items] == ["html", "text"]
    assert ingest.count_inputs([tmp_path, FIXTURES / "collection.jsonl"]) == 6
    (tmp_path / "page").write_text("  <!DOCTYPE html>" + (FIXTURES / "article.html").read_text("utf-8")[15:])
    assert next(ingest.load(tmp_path / "page")).source_format == "html"
    from_stdin = list(ingest.load("-", stdin=io.BytesIO("\ufeffHeadline\n\nBody.\n".encode("utf-8"))))
    assert from_stdin[0].text == "Headline\n\nBody.\n"  # BOM dropped, nothing else touched


def test_missing_path_and_empty_directory_raise_at_once(tmp_path):
    with pytest.raises(IngestError) as exc:
        ingest.load([FIXTURES / "article_wire.txt", tmp_path / "nope.txt"])
    assert exc.value.code == "E001"
    (tmp_path / "empty").mkdir()
    with pytest.raises(IngestError) as exc:
        ingest.load(tmp_path / "empty")
    assert exc.value.code == "E007"


@pytest.mark.parametrize(
    "junk",
    [
        "apple-watch-the-burning-could-be-in-the-game-as-sur-trial-" * 8,
        " ".join(["Word"] * 39) + " x",
        "A" * 3000,
        "Sign up " + "now " * 38,
    ],
)
def test_boilerplate_patterns_do_not_backtrack_on_long_junk(junk):
    """Regression: a nested quantifier in a pattern took 0.9 s on one FNC-1 paragraph."""
    import time

    from counterclaim.ingest.text import boilerplate_patterns

    lines, blocks = boilerplate_patterns()
    for pattern in lines + blocks:
        t0 = time.perf_counter()
        pattern.match(junk)
        assert time.perf_counter() - t0 < 0.05, pattern.pattern


# --------------------------------------------------------------------------- feeds


def test_rss_feed_entries_become_documents_and_a_bad_entry_is_yielded():
    items = list(ingest.load(FIXTURES / "feed.rss"))
    assert [i.id for i in items] == ["https://example.org/blast", "courier-2", "courier-3"]
    full, summary, empty = items
    assert (full.title, full.published, full.url, full.author) == (
        "Militia says port blast was payback for raid", "2024-03-05", "https://example.org/blast", "Jana Petrova")
    assert "faulty gas valve" in full.text and full.paragraphs[0].role == "headline"
    assert summary.text == "Port reopens after inspection\n\nThe port of Veldhaven reopened on Wednesday, the port authority said.\n"
    assert [p.role for p in summary.paragraphs] == ["headline", "body"]
    assert isinstance(empty, IngestError) and empty.code == "E016" and empty.line == 3
    assert {i.source_format for i in (full, summary)} == {"feed"}


def test_atom_feed_is_sniffed_by_content():
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>X</title>'
        '<entry><id>tag:x,2024:1</id><title>Minister denies claim</title><link href="https://x/1"/>'
        "<published>2024-03-05T10:00:00Z</published><author><name>A. Writer</name></author>"
        "<summary>The minister denied the claim on Tuesday, calling it an invention.</summary></entry></feed>"
    )
    (doc,) = list(ingest.load("-", stdin=io.BytesIO(atom.encode())))
    assert (doc.id, doc.title, doc.published, doc.url, doc.author) == (
        "tag:x,2024:1", "Minister denies claim", "2024-03-05", "https://x/1", "A. Writer")
    (bad,) = list(ingest.read_feed("<rss><channel><item>", source="broken.rss"))
    assert bad.code == "E015"


def test_standfirst_with_a_final_period_before_a_byline_or_dateline():
    text = ("Minister denies role in port blast\n\nThe government says the militia's claim is invented.\n\n"
            "By Jane Roe\n\nVELDHAVEN (Wire) — The interior minister denied on Tuesday that the militia caused it.\n")
    assert [p.role for p in ingest.from_text(text).paragraphs] == ["headline", "subhead", "byline", "body"]
    text = ("Minister denies role in port blast\n\nThe government says the militia's claim is invented.\n\n"
            "LONDON, March 5 (Wire) - The interior minister denied on Tuesday that the militia caused it.\n")
    assert [p.role for p in ingest.from_text(text).paragraphs] == ["headline", "subhead", "body"]
    # without a byline or dateline after it, a first paragraph with a period is the body's lead
    text = "Minister denies role in port blast\n\nThe minister denied the claim on Tuesday.\n\nShe said it was false.\n"
    assert [p.role for p in ingest.from_text(text).paragraphs] == ["headline", "body", "body"]
    # a dateline paragraph is never the standfirst
    text = "Minister denies role\n\nLONDON (Wire) — The minister denied it\n\nMore text.\n"
    assert [p.role for p in ingest.from_text(text).paragraphs] == ["headline", "body", "body"]


def test_repeated_pull_quote_far_apart_is_kept_once_as_body():
    quote = "'Two of our four boats were hit by gunfire, including the one I was in,' he told the radio station."
    text = (f"Headline of the story\n\n{quote}\n\nThe navy said no boats had been hit.\n\n"
            f"A spokesman repeated that on Monday.\n\n{quote}\n")
    assert [p.role for p in ingest.from_text(text).paragraphs] == ["headline", "body", "body", "body", "boilerplate"]


def test_first_paragraph_ending_with_a_colon_or_holding_two_sentences_is_not_a_headline():
    assert ingest.from_text("Early on Sunday the website broke the news:\n\nThe actor is alive.\n").paragraphs[0].role == "body"
    text = "Crabbing is popular in summer. Does this photo show a giant crab\n\nExperts said no.\n"
    assert ingest.from_text(text).paragraphs[0].role == "body"


def test_explain_names_the_rule_behind_every_role():
    from counterclaim.ingest.text import explain

    explained = explain(WIRE)
    document = ingest.from_text(WIRE)
    assert [(s, e, r) for s, e, r, _ in explained] == [(p.start, p.end, p.role) for p in document.paragraphs]
    rules = [rule for *_, rule in explained]
    assert "CAPTION_CREDIT_PATTERN" in rules[2] and "CAPTION_PREFIX_PATTERN" in rules[9]
    assert "contributed to this report" in rules[11] and "block start" in rules[12] and "block item" in rules[13]
    assert rules[4] == "default"


def test_a_first_line_repeating_the_title_with_end_punctuation_is_the_headline():
    d = ingest.from_text("Lawmaker urges retaliation on Russia;\n\nThe senator said on Monday that the country must respond.",
                  title="Lawmaker urges retaliation on Russia")
    assert [p.role for p in d.paragraphs] == ["headline", "body"]
