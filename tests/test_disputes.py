"""Rebuttal links, disputes in one article, and disputes across articles (issue 6), from hand-built records."""

from __future__ import annotations

from pathlib import Path

import pytest

from counterclaim.extract.claims import extract_claims
from counterclaim.model import Actor, Analysis, Speaker, Statement
from counterclaim.reconcile.cross import cross_article_disputes
from counterclaim.reconcile.disputes import find_disputes, format_dispute
from counterclaim.reconcile.rebuttals import is_rebuttal, link_rebuttals, speaker_group
from test_claims import TEXT, _claims, document, statement

FIXTURES = Path(__file__).parent / "fixtures"


def _linked():
    doc, sts, claims = _claims()
    return doc, link_rebuttals(doc, sts, claims, ()), claims


def test_bare_no_answers_the_headline_claim_before_it():
    _, sts, _ = _linked()
    assert sts[1].replies_to == (sts[0].id,)
    assert "rebuttals.elliptic_answer" in sts[1].rule


def test_denial_naming_a_side_answers_that_sides_motive_claims():
    _, sts, _ = _linked()
    # "The army denied the rebel claim" -> the rebels' statements with motive claims
    assert set(sts[3].replies_to) == {sts[0].id, sts[2].id}
    assert "rebuttals.referenced_source" in sts[3].rule


def test_statements_that_rebut_nothing_are_unchanged():
    doc, sts, claims = _claims()
    linked = link_rebuttals(doc, sts, claims, ())
    assert len(linked) == len(sts)
    for before, after in zip(sts, linked):
        if not is_rebuttal(before):
            assert after == before


def test_demonym_resolves_through_actor_affiliation():
    text = "Title\n\nThe spokesman said the fire was revenge for the strike.\n\nThe Front denied the Iranian claim."
    doc = document(text)
    iran = Actor(id="a_iran", name="Iran", type="country", country="IRN")
    corps = Actor(id="a_corps", name="the Corps", type="organization", affiliation="a_iran")
    s1 = statement(doc, "said", "the fire was revenge for the strike", ("spokesman",), actor_id="a_corps")
    s2 = statement(doc, "denied", "the Iranian claim", ("Front",), act="denial")
    claims = extract_claims(None, doc, [s1, s2], (), ())
    linked = link_rebuttals(doc, [s1, s2], claims, [iran, corps])
    assert linked[1].replies_to == (s1.id,)
    assert speaker_group(s1, {a.id: a for a in (iran, corps)}).label == "Iran"


def test_motive_dispute_has_both_sides_and_the_explicit_denials():
    doc, sts, claims = _linked()
    disputes = find_disputes(doc, sts, claims, (), ())
    motive = [d for d in disputes if d.topic.startswith("Motive of")]
    assert len(motive) == 1
    d = motive[0]
    assert "bridge" in d.topic
    sides = {p.summary.split(":")[0]: p for p in d.positions}
    assert set(sides) == {"Rebels", "Army"}
    assert set(sides["Rebels"].statements) == {sts[0].id, sts[2].id}
    assert {sts[1].id, sts[3].id, sts[4].id} <= set(sides["Army"].statements)
    assert set(d.explicit) == {sts[1].id, sts[3].id}
    assert "raid on Kesh" in sides["Rebels"].stance
    assert "smuggling" in sides["Army"].stance
    assert d.documents == (doc.id,)
    # deterministic id, and the text report shows both sides
    assert d.id == find_disputes(doc, sts, claims, (), ())[0].id
    report = format_dispute(d, sts, (), doc.text)
    assert "Rebels" in report and "Army" in report and "explicit rebuttal" in report


def test_one_sided_questions_are_not_disputes():
    doc, sts, claims = _linked()
    disputes = find_disputes(doc, sts, claims, (), ())
    assert not any(d.topic.startswith("Who is responsible") for d in disputes)


def test_empty_inputs():
    doc = document("Nothing here.")
    assert find_disputes(doc, (), (), (), ()) == ()
    assert link_rebuttals(doc, (), (), ()) == ()


def test_rebuttal_outside_any_question_is_an_assertion_dispute():
    text = "Title\n\nThe mayor said the bridge was safe.\n\nEngineers rejected the mayor's statement."
    doc = document(text)
    s1 = statement(doc, "said", "the bridge was safe", ("mayor",))
    s2 = statement(doc, "rejected", "the mayor's statement", ("Engineers",), act="denial")
    claims = extract_claims(None, doc, [s1, s2], (), ())
    linked = link_rebuttals(doc, [s1, s2], claims, ())
    disputes = find_disputes(doc, linked, claims, (), ())
    assert len(disputes) == 1 and disputes[0].explicit == (s2.id,)
    assert {p.stance for p in disputes[0].positions} == {"asserts", "denies"}


# --------------------------------------------------------------------------- across articles


def _article(name: str, build) -> Analysis:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    doc = document(text, id=name.removesuffix(".txt"))
    sts = build(doc)
    claims = extract_claims(None, doc, sts, (), ())
    sts = link_rebuttals(doc, sts, claims, ())
    return Analysis(document=doc, statements=tuple(sts), claims=claims,
                    disputes=find_disputes(doc, sts, claims, (), ()))


def _norland(doc):
    return [
        statement(doc, "said", "Sudovian agents were responsible for the explosion at the port of Velm on March 3", ("interior ministry", "Norland")),
        statement(doc, "said", "the blast was revenge for the arrest of two Sudovian diplomats in February", ("Anna Berg", "Norland")),
    ]


def _sudovia(doc, act="denial"):
    return [
        statement(doc, "rejected", "accusations that its agents were behind the explosion at the port of Velm", ("foreign ministry", "Sudovia"), act=act),
        statement(doc, "said", "the explosion at the port was caused by a gas leak in an old fuel depot", ("Petr Novak", "Sudovia")),
    ]


def test_cross_article_dispute_on_responsibility():
    a = _article("cross_article_1.txt", _norland)
    b = _article("cross_article_2.txt", _sudovia)
    # neither article alone holds a dispute
    assert a.disputes == () and b.disputes == ()
    disputes = cross_article_disputes([a, b], stance=lambda pairs: ["discuss"] * len(pairs))
    assert len(disputes) == 1
    d = disputes[0]
    assert d.documents == ("cross_article_1", "cross_article_2")
    assert d.topic.startswith("Who is responsible for") and "Velm" in d.topic
    labels = [p.summary.split(" [")[0] for p in d.positions]
    assert labels == ["Norland", "Sudovia"]
    assert "Sudovian agents" in d.positions[0].stance
    assert d.positions[1].statements[0] == b.statements[0].id
    assert b.statements[0].id in d.explicit  # the rejection is the explicit rebuttal
    assert "explicit rebuttal" in d.positions[0].summary


def test_cross_article_stance_model_decides_without_explicit_rebuttal():
    a = _article("cross_article_1.txt", _norland)
    b = _article("cross_article_2.txt", lambda doc: _sudovia(doc)[1:])  # only "caused by a gas leak"
    seen = []

    def disagree(pairs):
        seen.extend(pairs)
        return ["disagree"] * len(pairs)

    d = cross_article_disputes([a, b], stance=disagree)
    assert len(d) == 1 and d[0].explicit == ()
    assert seen and "stance model: disagree" in d[0].positions[0].summary

    agreeing = cross_article_disputes([a, b], stance=lambda pairs: ["agree"] * len(pairs))
    assert agreeing == ()  # the stance model says they support each other: no dispute


def test_cross_article_needs_two_articles():
    a = _article("cross_article_1.txt", _norland)
    assert cross_article_disputes([a], stance=lambda p: ["disagree"] * len(p)) == ()
    assert cross_article_disputes([], stance=lambda p: []) == ()


# --------------------------------------------------------------------------- the whole pipeline (spaCy model)


@pytest.mark.model
def test_pipeline_cross_article_dispute_on_the_fixtures():
    import counterclaim
    from counterclaim import ingest

    analyses = [
        counterclaim.analyze(ingest.from_text((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"), id=name, published=date))
        for name, date in (("cross_article_1", "2026-03-05"), ("cross_article_2", "2026-03-06"))
    ]
    assert all(a.claims for a in analyses)
    disputes = cross_article_disputes(analyses)
    spanning = [d for d in disputes if d.documents == ("cross_article_1", "cross_article_2")]
    assert spanning, [d.topic for d in disputes]
    d = spanning[0]
    assert "explosion" in d.topic and len(d.positions) >= 2
    by_doc = {a.document.id: {s.id for s in a.statements} for a in analyses}
    sides_docs = [{doc for doc, ids in by_doc.items() if set(p.statements) & ids} for p in d.positions]
    assert {"cross_article_1"} in sides_docs and {"cross_article_2"} in sides_docs


def test_cli_disputes_reads_the_store(tmp_path):
    import json

    from click.testing import CliRunner

    from counterclaim.cli import main
    from counterclaim.store import open_store

    db = tmp_path / "cc.db"
    with open_store(str(db)) as store:
        store.add(_article("cross_article_1.txt", _norland))
        store.add(_article("cross_article_2.txt", _sudovia))
    res = CliRunner().invoke(main, ["disputes", "--db", str(db), "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in res.output.strip().splitlines()]
    assert len(rows) == 1
    assert rows[0]["documents"] == ["cross_article_1", "cross_article_2"]
    assert {"id", "topic", "positions", "explicit", "subject_event"} <= set(rows[0])
    text = CliRunner().invoke(main, ["disputes", "--db", str(db)])
    assert "Who is responsible" in text.output and "Sudovia" in text.output


def test_sides_giving_the_same_answer_share_one_position():
    text = ("Rebels: depot fire was revenge for the Kesh raid\n\n"
            "The Northern Front said the fire at the depot was in revenge for the raid on Kesh.\n\n"
            "The army said the fire at the depot was caused by a fuel leak, referring to a report by engineers.\n\n"
            "The army also said the fire at the depot was a response to a smuggling feud, citing police.")
    doc = document(text)
    sts = [
        statement(doc, ":", "depot fire was revenge for the Kesh raid", ("Rebels",), kind="headline"),
        statement(doc, "said", "the fire at the depot was in revenge for the raid on Kesh", ("Northern Front",)),
        statement(doc, "said", "the fire at the depot was a response to a smuggling feud, citing police", ("army",)),
    ]
    claims = extract_claims(None, doc, sts, (), ())
    assert any(c.object and c.object.text == "a smuggling feud" for c in claims)  # ", citing ..." is cut off
    disputes = find_disputes(doc, link_rebuttals(doc, sts, claims, ()), claims, (), ())
    assert len(disputes) == 1
    d = disputes[0]
    assert len(d.positions) == 2
    assert d.positions[0].summary.startswith("Rebels / Northern Front:")
    assert set(d.positions[0].statements) == {sts[0].id, sts[1].id}
    assert d.explicit == ()


def test_cross_article_questions_join_by_matching_events():
    from counterclaim.model import Actor, Event, EventTime

    def build(doc_id, text, content, chain, trigger_word):
        doc = document(text, id=doc_id)
        st = statement(doc, "said", content, chain)
        trig = text.index(trigger_word)
        from counterclaim.model import Span

        ev = Event(id=f"e_{doc_id}", type="ASSAULT", trigger=Span(trig, trig + len(trigger_word), trigger_word),
                   agents=(f"a_{doc_id}",), time=EventTime("2026-05-01", "May 1"))
        actors = (Actor(id=f"a_{doc_id}", name="Northern Front", type="group"),)
        claims = extract_claims(None, doc, [st], [ev], actors)
        return Analysis(document=doc, statements=(st,), claims=claims, events=(ev,), actors=actors)

    a = build("d1", "T\n\nThe army said the raid was revenge for the ambush at Orl.", "the raid was revenge for the ambush at Orl", ("army",), "raid")
    b = build("d2", "T\n\nThe Front said the operation in Kesh was a response to years of shelling.", "the operation in Kesh was a response to years of shelling", ("Front",), "operation")
    assert a.claims[0].event == "e_d1" and b.claims[0].event == "e_d2"
    disputes = cross_article_disputes([a, b], stance=lambda pairs: ["discuss"] * len(pairs))
    assert len(disputes) == 1 and disputes[0].documents == ("d1", "d2")
    assert "different answers" in disputes[0].positions[0].summary


def test_generic_and_overlap_rebuttal_rules():
    text = ("T\n\nThe minister said the dam was safe.\n\nThe union said the dam had cracks in the spillway.\n\n"
            "The minister rejected the report.\n\nEngineers disputed that the dam had cracks in the spillway.")
    doc = document(text)
    s1 = statement(doc, "said", "the dam was safe", ("minister",))
    s2 = statement(doc, "said", "the dam had cracks in the spillway", ("union",))
    s3 = statement(doc, "rejected", "the report", ("minister",), act="denial")
    s4 = statement(doc, "disputed", "that the dam had cracks in the spillway", ("Engineers",), act="denial")
    claims = extract_claims(None, doc, [s1, s2, s3, s4], (), ())
    linked = link_rebuttals(doc, [s1, s2, s3, s4], claims, ())
    assert linked[2].replies_to == (s2.id,) and "generic_claim_noun" in linked[2].rule  # not its own side's s1
    assert linked[3].replies_to == (s2.id,) and "content_overlap" in linked[3].rule


@pytest.mark.model
def test_pipeline_motive_dispute_with_explicit_denial_in_the_json_contract():
    import json

    import counterclaim
    from counterclaim import ingest

    text = (
        "Rebels: bridge attack was revenge for Kesh raid; Army: No it wasn't\n\n"
        "The Northern Front said on Monday that the attack on the Tarn bridge was in revenge for the army raid on Kesh in May.\n\n"
        "However, the army swiftly denied the rebel claim and said the rebels attacked the bridge over a dispute about smuggling routes.\n\n"
        "Repair crews began work on the bridge on Tuesday.\n"
    )
    analysis = counterclaim.analyze(ingest.from_text(text, id="rebels", published="2026-06-02"))
    data = json.loads(analysis.to_json())
    disputes = [d for d in data["disputes"] if d["topic"].startswith("Motive of")]
    assert len(disputes) == 1, data["disputes"]
    d = disputes[0]
    assert "bridge" in d["topic"] and len(d["positions"]) >= 2
    statements = {s["id"]: s for s in data["statements"]}
    assert d["explicit"]
    for sid in d["explicit"]:  # "swiftly denied the rebel claim", and the headline's "No it wasn't" when it is extracted
        st = statements[sid]
        assert st["act"] == "denial" or st["cue"]["text"].endswith("denied") or st["content"][0]["text"].startswith("No")
    # the denial sits in a different position from the rebels' revenge claim
    revenge = next(p for p in d["positions"] if "revenge" in p["stance"])
    assert not set(d["explicit"]) & set(revenge["statements"])
    assert any(set(statements[sid]["replies_to"]) & set(revenge["statements"]) for sid in d["explicit"])


def test_an_agreeing_side_joins_the_rebutting_side_but_not_a_rebutted_one():
    text = ("T\n\nThe council said the blast at the mill was revenge for the arrest of the elders.\n\n"
            "The guild denied the council claim and said the blast at the mill was a response to the closure of the Orl mosque.\n\n"
            "A guild commander, Sava Ort, said the blast was in retaliation for the closure of the mosque at Orl.")
    doc = document(text)
    sts = [
        statement(doc, "said", "the blast at the mill was revenge for the arrest of the elders", ("council",)),
        statement(doc, "denied", "the council claim", ("guild",), act="denial"),
        statement(doc, "said", "the blast at the mill was a response to the closure of the Orl mosque", ("guild",)),
        statement(doc, "said", "the blast was in retaliation for the closure of the mosque at Orl", ("Sava Ort",)),
    ]
    claims = extract_claims(None, doc, sts, (), ())
    linked = link_rebuttals(doc, sts, claims, ())
    (d,) = find_disputes(doc, linked, claims, (), ())
    assert [p.summary.split(":")[0] for p in d.positions] == ["council", "guild / Sava Ort"]
    assert d.explicit == (sts[1].id,)


def test_a_rebuttal_joins_only_the_question_its_side_answers():
    text = ("T\n\nThe council said the blast at the mill was revenge for the arrest of the elders.\n\n"
            "The council said the guild was responsible for the flood at the dam.\n\n"
            "The guild denied the council claims and said the blast at the mill was a response to the closure of the mosque.")
    doc = document(text)
    sts = [
        statement(doc, "said", "the blast at the mill was revenge for the arrest of the elders", ("council",)),
        statement(doc, "said", "the guild was responsible for the flood at the dam", ("council",)),
        statement(doc, "denied", "the council claims", ("guild",), act="denial"),
        statement(doc, "said", "the blast at the mill was a response to the closure of the mosque", ("guild",)),
    ]
    claims = extract_claims(None, doc, sts, (), ())
    linked = link_rebuttals(doc, sts, claims, ())
    assert set(linked[2].replies_to) == {sts[0].id, sts[1].id}
    disputes = find_disputes(doc, linked, claims, (), ())
    assert [d.topic.split(" ")[0] for d in disputes] == ["Motive"]
    assert disputes[0].explicit == (sts[2].id,)


def test_answer_drops_the_naming_clause_around_the_sides_own_words():
    from counterclaim.model import Claim, Span
    from counterclaim.reconcile.disputes import _answer

    text = "it attacked over what it described as “the dangers to the shrine” and left"
    obj_start = text.index("over")
    obj_end = text.index("” and") + 1
    c = Claim(id="c1", statement="s1", relation="motive", subject=Span.of(text, 0, 2),
              object=Span.of(text, obj_start, obj_end))
    assert _answer(c, text) == "attacked over “the dangers to the shrine”"
    plain = Claim(id="c2", statement="s1", relation="motive", subject=Span.of(text, 0, 2),
                  object=Span.of(text, obj_start, text.index(" what")))
    assert _answer(plain, text) == "attacked over"
