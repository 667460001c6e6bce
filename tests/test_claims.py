"""Claims (issue 6): motive, responsibility and assertion claims from hand-built statement records.

The helpers here build statements over a text without the spaCy model; test_disputes.py reuses them.
"""

from __future__ import annotations

from counterclaim.extract.claims import extract_claims, is_generic_subject, load_patterns
from counterclaim.model import Document, Event, Paragraph, Span, Speaker, Statement, make_id


def paragraphs(text: str) -> tuple[Paragraph, ...]:
    out, pos = [], 0
    for block in text.split("\n\n"):
        start = text.index(block, pos)
        end = start + len(block)
        out.append(Paragraph(start, end, "headline" if not out else "body"))
        pos = end
    return tuple(out)


def document(text: str, id: str = "doc") -> Document:
    return Document(id=id, text=text, paragraphs=paragraphs(text))


def span(text: str, s: str, after: int = 0) -> Span:
    i = text.index(s, after)
    return Span(i, i + len(s), s)


def statement(doc: Document, cue: str, content: str, chain: tuple[str, ...], act: str = "claim",
              kind: str = "indirect", after: int = 0, actor_id: str | None = None) -> Statement:
    """A statement whose content is the first ``content`` at or after ``after`` and whose cue is the
    nearest ``cue`` before it (or after it, for "..., he said")."""
    text = doc.text
    ct = span(text, content, after)
    i = text.rfind(cue, max(0, ct.start - 90), ct.start)
    if i < 0:
        i = text.index(cue, ct.end)
    c = Span(i, i + len(cue), cue)
    return Statement(id=make_id("s", doc.id, c.start, ct.start), cue=c, content=(ct,), kind=kind, act=act,
                     speaker=Speaker(chain[0], actor_id, chain), rule="test")


HEADLINE = "Rebels: bridge attack was revenge for the raid on Kesh; Army: No it wasn't"
TEXT = HEADLINE + """

The rebel council said the attack on the Tarn bridge was in retaliation for the army raid on Kesh in May.

The army denied the rebel claim and said the rebels attacked the bridge over a dispute about smuggling routes.

The ministry accused the Northern Front of being the force behind the bridge attack.

The governor held the rebels responsible for the deaths of three guards.

Officials vowed revenge for the killing of the guards.
"""


def _claims():
    doc = document(TEXT)
    sts = [
        statement(doc, ":", "bridge attack was revenge for the raid on Kesh", ("Rebels",), kind="headline"),
        statement(doc, ":", "No it wasn't", ("Army",), act="denial", kind="headline", after=40),
        statement(doc, "said", "the attack on the Tarn bridge was in retaliation for the army raid on Kesh in May", ("rebel council", "Rebels")),
        statement(doc, "denied", "the rebel claim", ("Army",), act="denial"),
        statement(doc, "said", "the rebels attacked the bridge over a dispute about smuggling routes", ("Army",)),
        statement(doc, "accused", "the Northern Front of being the force behind the bridge attack", ("ministry",), act="accusation"),
        statement(doc, "held", "the rebels responsible for the deaths of three guards", ("governor",), act="accusation"),
        statement(doc, "vowed", "revenge for the killing of the guards", ("Officials",), act="vow"),
    ]
    return doc, sts, extract_claims(None, doc, sts, (), ())


def test_patterns_load_and_are_named():
    pats = load_patterns()
    assert {p.relation for p in pats} == {"motive", "responsibility"}
    assert all(p.name for p in pats)


def test_motive_claims_have_subject_and_reason():
    doc, sts, claims = _claims()
    motives = [c for c in claims if c.relation == "motive"]
    got = {(c.subject.text, c.object.text) for c in motives}
    assert ("bridge attack", "the raid on Kesh") in got
    assert ("the attack on the Tarn bridge", "the army raid on Kesh in May") in got
    assert ("the rebels attacked the bridge", "a dispute about smuggling routes") in got
    for c in motives:
        assert c.subject.check(doc.text) and c.object.check(doc.text)
        assert c.rule.startswith("claims.motive.")


def test_vow_of_revenge_is_not_a_motive_claim():
    _, sts, claims = _claims()
    vow = sts[-1]
    assert [c.relation for c in claims if c.statement == vow.id] == ["assertion"]


def test_responsibility_claims_name_deed_and_party():
    _, _, claims = _claims()
    resp = {(c.subject.text, c.object.text if c.object else None) for c in claims if c.relation == "responsibility"}
    assert ("the bridge attack", "the Northern Front") in resp
    assert ("the deaths of three guards", "the rebels") in resp


def test_denials_and_bare_no_are_negative_assertions():
    _, sts, claims = _claims()
    by_st = {c.statement: c for c in claims if c.relation == "assertion"}
    assert by_st[sts[1].id].polarity == "negative"  # "No it wasn't"
    assert by_st[sts[3].id].polarity == "negative"  # denied the rebel claim
    assert by_st[sts[2].id].polarity == "positive"


def test_claims_link_to_events_in_their_subject_or_by_pronoun():
    doc = document("Title\n\nThe rebels said the bombing of the depot was revenge for the siege. It was launched in response to the blockade, the rebels said.")
    text = doc.text
    trig = span(text, "bombing")
    ev = Event(id="e_1", type="ASSAULT", trigger=trig)
    s1 = statement(doc, "said", "the bombing of the depot was revenge for the siege", ("rebels",))
    s2 = statement(doc, "said", "It was launched in response to the blockade", ("rebels",))
    claims = extract_claims(None, doc, [s1, s2], [ev], ())
    motives = [c for c in claims if c.relation == "motive"]
    assert len(motives) == 2
    assert all(c.event == "e_1" for c in motives)
    assert "event_pronoun_antecedent" in motives[1].rule


def test_ids_are_deterministic_and_empty_inputs_work():
    _, _, a = _claims()
    _, _, b = _claims()
    assert [c.id for c in a] == [c.id for c in b]
    assert extract_claims(None, document("x"), (), (), ()) == ()
    assert is_generic_subject("it") and not is_generic_subject("the bridge attack")


def test_content_leftovers_are_trimmed_from_subject_and_party():
    text = ("Title\n\nThe Guard said Wednesday that the raid on the port was in revenge for the arrests.\n\n"
            "Hezbollah said Israel has accused Iran of being a key force behind the coordinated attack, in which many died.\n\n"
            "The group attacked the town over the killing of its leader.")
    doc = document(text)
    s1 = statement(doc, "said", "Wednesday that the raid on the port was in revenge for the arrests", ("Guard",))
    s2 = statement(doc, "said", "Israel has accused Iran of being a key force behind the coordinated attack, in which many died", ("Hezbollah",))
    # a parser that took "attacked" for the cue: the deed is still found with the cue verb
    s3 = statement(doc, "attacked", "the town over the killing of its leader", ("group",), act="condemnation")
    claims = extract_claims(None, doc, [s1, s2, s3], (), ())
    got = {(c.relation, c.subject.text, c.object.text if c.object else None) for c in claims if c.relation != "assertion"}
    assert ("motive", "the raid on the port", "the arrests") in got
    assert ("responsibility", "the coordinated attack", "Iran") in got
    assert ("motive", "attacked the town", "the killing of its leader") in got


def test_deed_of_a_relative_blame_clause():
    text = "T\n\nThe officer was killed in an airstrike Iran has blamed on Israel.\n"
    doc = document(text)
    st = statement(doc, "has blamed", "on Israel", ("Iran",), act="accusation")
    (resp,) = [c for c in extract_claims(None, doc, [st], (), ()) if c.relation == "responsibility"]
    assert resp.subject.text == "an airstrike" and resp.object.text == "Israel"


def test_leading_phrase_before_a_pronoun_subject_is_dropped():
    text = "T\n\nThe commander said in a recorded message it was launched in retaliation for the siege.\n"
    doc = document(text)
    st = statement(doc, "said", "in a recorded message it was launched in retaliation for the siege", ("commander",))
    (m,) = [c for c in extract_claims(None, doc, [st], (), ()) if c.relation == "motive"]
    assert m.subject.text == "it" and m.object.text == "the siege"
    text2 = "T\n\nHe was killed this week in an airstrike Iran has blamed on Israel.\n"
    doc2 = document(text2)
    st2 = statement(doc2, "has blamed", "on Israel", ("Iran",), act="accusation")
    assert [c.subject.text for c in extract_claims(None, doc2, [st2], (), ()) if c.relation == "responsibility"] == ["an airstrike"]


def test_one_claim_per_id_when_two_patterns_read_two_pieces_of_a_content():
    doc = document("He died in an airstrike Iran has blamed on Israel.")
    t = doc.text
    cue = span(t, "has blamed")
    st = Statement(id="s_x", cue=cue, content=(span(t, "an airstrike"), span(t, "on Israel")), kind="indirect",
                   act="accusation", speaker=Speaker("Iran", None, ("Iran",)), rule="test")
    claims = extract_claims(None, doc, [st])
    ids = [c.id for c in claims]
    assert len(ids) == len(set(ids))  # the store refuses a document with two records of one id
    blame = [c for c in claims if c.relation == "responsibility"]
    assert len(blame) == 1 and blame[0].object is not None and blame[0].object.text == "Israel"
