"""Time expressions (issue 5): TIMEX3 recognition, normalisation against the publication date, the scorer."""

from __future__ import annotations

import pytest

from counterclaim.evaluation.time import Scores, read_timeml, score
from counterclaim.extract.time import extract_timexes, tense_at, timex_in, timex_near
from counterclaim.model import Document, Timex

PUB = "2023-12-27"  # a Wednesday


def run(text: str, published: str | None = PUB) -> list[Timex]:
    return list(extract_timexes(Document(id="t", text=text, published=published)))


def one(text: str, published: str | None = PUB) -> Timex:
    found = run(text, published)
    assert len(found) == 1, found
    return found[0]


# ------------------------------------------------------------------ the examples of issue 5

ISSUE_CASES = [
    # sentence, expected text, type, value with published=2023-12-27, value without a publication date
    ("The army said it struck the building on Monday.", "Monday", "DATE", "2023-12-25", "XXXX-WXX-1"),
    ("Hamas attacked Israel on Oct. 7, killing 1,200 people.", "Oct. 7", "DATE", "2023-10-07", "XXXX-10-07"),
    ("Soleimani was killed in January 2020.", "January 2020", "DATE", "2020-01", "2020-01"),
    ("The Wall Street Journal reported in October that fighters trained in Iran.", "October", "DATE", "2023-10", "XXXX-10"),
    ("Another officer was killed earlier this week in an airstrike.", "earlier this week", "DATE", "2023-W52", "XXXX-WXX"),
    ("Iran has armed the group over the last decade.", "the last decade", "DURATION", "P10Y", "P10Y"),
]


@pytest.mark.parametrize("sentence,text,ttype,value,_unresolved", ISSUE_CASES)
def test_issue_examples_anchored(sentence, text, ttype, value, _unresolved):
    t = one(sentence)
    assert (t.text, t.type, t.value) == (text, ttype, value)
    assert sentence[t.start:t.end] == t.text
    assert t.rule


@pytest.mark.parametrize("sentence,text,ttype,_value,unresolved", ISSUE_CASES)
def test_issue_examples_without_publication_date_stay_unresolved(sentence, text, ttype, _value, unresolved):
    t = one(sentence, None)
    assert (t.text, t.type, t.value) == (text, ttype, unresolved)


def test_the_articles_own_weekday_is_the_publication_date():
    assert one("The Revolutionary Guards said Wednesday that the attack was revenge.").value == "2023-12-27"


def test_future_tense_moves_weekday_forward():
    assert one("The envoy will travel to Cairo on Monday.").value == "2024-01-01"
    assert one("The envoy travelled to Cairo on Monday.").value == "2023-12-25"
    assert one("They met last Wednesday.").value == "2023-12-20"
    assert one("They meet next Monday.").value == "2024-01-01"


@pytest.mark.parametrize(
    "sentence,text,ttype,value",
    [
        ("It happened yesterday.", "yesterday", "DATE", "2023-12-26"),
        ("It happens today.", "today", "DATE", "2023-12-27"),
        ("They vote tomorrow.", "tomorrow", "DATE", "2023-12-28"),
        ("They will speak tonight.", "tonight", "TIME", "2023-12-27TNI"),
        ("Officials met Monday morning.", "Monday morning", "TIME", "2023-12-25TMO"),
        ("The blast came at 8:30 a.m. Tuesday.", "8:30 a.m. Tuesday", "TIME", "2023-12-26T08:30"),
        ("Prices fell last month.", "last month", "DATE", "2023-11"),
        ("Elections are due next year.", "next year", "DATE", "2024"),
        ("The ceasefire collapsed two days ago.", "two days ago", "DATE", "2023-12-25"),
        ("The plant was built in the 1990s.", "the 1990s", "DATE", "199"),
        ("The war has lasted three years.", "three years", "DURATION", "P3Y"),
        ("He was held for 10 days.", "10 days", "DURATION", "P10D"),
        ("The inspectors report every week.", "every week", "SET", "P1W"),
        ("The figures are published daily.", "daily", "SET", "P1D"),
        ("Iran is currently enriching uranium.", "currently", "DATE", "PRESENT_REF"),
        ("The group recently changed its leader.", "recently", "DATE", "PAST_REF"),
        ("The deal was signed on 3 January 2022.", "3 January 2022", "DATE", "2022-01-03"),
        ("The deal was signed on January 3, 2022.", "January 3, 2022", "DATE", "2022-01-03"),
        ("The file is dated 2023-12-27.", "2023-12-27", "DATE", "2023-12-27"),
        ("The file is dated 12/27/2023.", "12/27/2023", "DATE", "2023-12-27"),
        ("Profit rose in the third quarter.", "the third quarter", "DATE", "2023-Q3"),
        ("The truce ended this summer.", "this summer", "DATE", "2023-SU"),
        ("It was first used in nineteen ninety-six.", "nineteen ninety-six", "DATE", "1996"),
    ],
)
def test_expression_classes(sentence, text, ttype, value):
    t = one(sentence)
    assert (t.text, t.type, t.value) == (text, ttype, value)


def test_closest_year_for_a_date_without_one():
    # December article: a January date is the coming January, a June date the past June.
    assert one("The trial opens on Jan. 10.").value == "2024-01-10"
    assert one("The trial opened on June 10.").value == "2023-06-10"


def test_holidays_fixed_and_movable():
    found = {t.text: t.value for t in run("Pilgrims came at Easter and on Good Friday 2024; Thanksgiving was quiet.")}
    assert found == {"Easter": "2023-04-09", "Good Friday 2024": "2024-03-29", "Thanksgiving": "2023-11-23"}
    assert one("They met on Christmas Day.", None).value == "XXXX-12-25"


def test_anaphoric_expressions_follow_the_last_date_mentioned():
    found = run("The envoy arrived on March 3, 2021. A day earlier, talks had failed. The next day he left.")
    values = [(t.text, t.value) for t in found]
    assert ("A day earlier", "2021-03-02") in values
    assert ("The next day", "2021-03-04") in values


def test_things_that_are_not_times():
    assert run("The company has 1,500 employees and paid $2000 for it.") == []
    assert run("You may go. Troops march.") == []
    assert run("The 6-year-old boy was rescued.") == []
    assert run("Three-quarters of the voters agreed.") == []


def test_offsets_index_the_text():
    text = "On Monday, 8:30 a.m., the IRGC said\nthat Oct. 7 was revenge; talks lasted three years."
    found = run(text)
    assert len(found) >= 3
    for t in found:
        assert text[t.start:t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_bad_publication_date_is_a_clear_error():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        run("on Monday", "27/12/2023")


def test_timex_in_and_near():
    text = "Iran said on Monday that Hamas attacked on Oct. 7. It will answer next year."
    found = run(text)
    first_sentence = timex_in(found, 0, text.index(".") + 1 + len(" 7."))
    assert [t.text for t in first_sentence] == ["Monday", "Oct. 7"]
    near = timex_near(found, text.index("attacked") + len("attacked"))
    assert near is not None and near.text == "Oct. 7"
    assert timex_near(found, 0, window=2) is None


def test_tense_cues():
    text = "He will go to Gaza on Monday."
    assert tense_at(text, text.index("Monday"), len(text) - 1) == "future"
    text = "He went to Gaza on Monday."
    assert tense_at(text, text.index("Monday"), len(text) - 1) == "past"


# ------------------------------------------------------------------ the scorer

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-06" temporalFunction="false" functionInDocument="CREATION_TIME">1998-02-06</TIMEX3></DCT>
<TEXT>
The minister said <TIMEX3 tid="t1" type="DATE" value="1998-02-05">yesterday</TIMEX3> that A&amp;B had grown for <TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3> and would report on <TIMEX3 tid="t3" type="DATE" value="1998-02-09">Monday</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_read_timeml(tmp_path):
    f = tmp_path / "T1.tml"
    f.write_text(TIMEML, encoding="utf-8")
    d = read_timeml(f)
    assert d.published == "1998-02-06"
    assert "A&B" in d.text
    assert [(g.text, g.type, g.value) for g in d.timexes] == [
        ("yesterday", "DATE", "1998-02-05"), ("three years", "DURATION", "P3Y"), ("Monday", "DATE", "1998-02-09")]
    for g in d.timexes:
        assert d.text[g.start:g.end] == g.text


def test_score_counts_relaxed_matches_and_values(tmp_path):
    f = tmp_path / "T1.tml"
    f.write_text(TIMEML, encoding="utf-8")
    d = read_timeml(f)
    y, m = d.text.index("yesterday"), d.text.index("Monday")

    def system(text, published):
        # right value on a partial span, wrong value, one spurious, one missed
        return [(y, y + 5, "DATE", "1998-02-05"), (m, m + 6, "DATE", "1998-02-02"), (0, 3, "DATE", "PRESENT_REF")]

    sc = score([d], system)
    assert (sc.gold, sc.system, sc.relaxed, sc.strict, sc.value_ok, sc.type_ok) == (3, 3, 2, 1, 1, 2)
    r = sc.as_dict()
    assert r["relaxed_f1"] == pytest.approx(2 / 3)
    assert r["value_f1"] == pytest.approx(1 / 3)


def test_our_system_on_the_fixture(tmp_path):
    f = tmp_path / "T1.tml"
    f.write_text(TIMEML, encoding="utf-8")
    from counterclaim.evaluation.time import counterclaim_system

    sc: Scores = score([read_timeml(f)], counterclaim_system)
    assert sc.as_dict()["value_f1"] == pytest.approx(1.0)


@pytest.mark.model
def test_with_the_parsed_doc_the_governing_verb_sets_the_tense():
    from counterclaim.nlp import load_pipeline

    nlp = load_pipeline()
    text = "The envoy will travel to Cairo on Monday. The army said Wednesday that it struck the site on Monday."
    doc = nlp(text)
    found = extract_timexes(Document(id="t", text=text, published=PUB), doc)
    assert [(t.text, t.value) for t in found] == [
        ("Monday", "2024-01-01"), ("Wednesday", "2023-12-27"), ("Monday", "2023-12-25")]
