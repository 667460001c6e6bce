"""Hand-built analyses for the store, web and export tests (no NLP model needed).

The article is invented for the tests; offsets are computed from the text, so the
spans are always right.
"""

from __future__ import annotations

from dataclasses import replace

from counterclaim.model import (
    Actor, Analysis, Claim, Dispute, Document, Event, EventTime, Location, Paragraph, Position, Span,
    Speaker, Statement, Timex, make_id,
)

ARTICLE = (
    "Ruritania: Harbour fire was sabotage; Freedonia: No it wasn’t\n"
    "\n"
    "Ruritania’s Interior Ministry said Tuesday that the fire at the port of Zenda was set by Freedonian agents.\n"
    "\n"
    "“We have proof <script>alert(1)</script> & more,” ministry spokeswoman Ana Petrova told reporters.\n"
    "\n"
    "Freedonia’s foreign minister, Rufus Firefly, denied any involvement, calling the accusation “absurd”.\n"
    "\n"
    "Photo: smoke over Zenda harbour (Staff/Wire)\n"
)


def _span(text: str, piece: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return Span(start, start + len(piece), piece)


def _paragraphs(text: str, roles: list[str]) -> tuple[Paragraph, ...]:
    out = []
    pos = 0
    for block, role in zip(text.split("\n\n"), roles):
        start = text.index(block, pos)
        end = start + len(block.rstrip("\n"))
        out.append(Paragraph(start, end, role))
        pos = end
    return tuple(out)


def sample_analysis(doc_id: str = "ruritania-1", published: str = "2024-03-05", title: str = "Harbour fire") -> Analysis:
    t = ARTICLE
    s = lambda piece, nth=0: _span(t, piece, nth)  # noqa: E731
    doc = Document(
        id=doc_id, text=t, title=title, published=published, url="https://example.org/harbour",
        paragraphs=_paragraphs(t, ["headline", "body", "body", "body", "caption"]),
    )
    ministry = Actor(
        id=make_id("a", doc_id, "ministry"), name="Interior Ministry", type="organization", country="RUR",
        mentions=(s("Interior Ministry"), s("ministry")), rule="test",
    )
    petrova = Actor(
        id=make_id("a", doc_id, "petrova"), name="Ana Petrova", type="person", country="RUR",
        affiliation=ministry.id, mentions=(s("Ana Petrova"),), role="spokeswoman", rule="test",
    )
    firefly = Actor(
        id=make_id("a", doc_id, "firefly"), name="Rufus Firefly", type="person", country="FRE",
        mentions=(s("Rufus Firefly"),), role="foreign minister", rule="test",
    )
    freedonia = Actor(
        id=make_id("a", doc_id, "freedonia"), name="Freedonia", type="country", country="FRE",
        mentions=(s("Freedonia"), s("Freedonia", 1)), rule="test",
    )
    st_head = Statement(
        id=make_id("s", doc_id, "head"), source=s("Freedonia"), cue=Span(s("Freedonia").end, s("Freedonia").end + 1, ":"),
        content=(s("No it wasn’t"),), kind="headline", act="denial",
        speaker=Speaker("Freedonia", freedonia.id), confidence=0.8, rule="test.headline",
    )
    st_min = Statement(
        id=make_id("s", doc_id, "ministry"), source=s("Ruritania’s Interior Ministry"), cue=s("said"),
        content=(s("the fire at the port of Zenda was set by Freedonian agents"),), kind="indirect", act="accusation",
        speaker=Speaker("Interior Ministry", ministry.id, ("Interior Ministry", "Ruritania")), rule="test.indirect",
    )
    st_quote = Statement(
        id=make_id("s", doc_id, "quote"), source=s("ministry spokeswoman Ana Petrova"), cue=s("told"),
        content=(s("We have proof <script>alert(1)</script> & more,"),), kind="direct", act="claim",
        speaker=Speaker("Ana Petrova", petrova.id, ("Ana Petrova", "Interior Ministry", "Ruritania")), rule="test.direct",
    )
    st_deny = Statement(
        id=make_id("s", doc_id, "deny"), source=s("Freedonia’s foreign minister, Rufus Firefly"), cue=s("denied"),
        content=(s("any involvement"), s("absurd")), kind="mixed", act="denial",
        speaker=Speaker("Rufus Firefly", firefly.id, ("Rufus Firefly", "Freedonia")), negated=False,
        replies_to=(st_min.id,), rule="test.denial",
    )
    tuesday = s("Tuesday")
    event = Event(
        id=make_id("e", doc_id, "fire"), type="ASSAULT", trigger=s("fire", 0), agents=(freedonia.id,), targets=(),
        location=Location("Zenda", "RUR", 48.1, 16.3, s("Zenda")), time=EventTime("2024-03-05", "Tuesday", tuesday),
        mode="alleged", claimed_by=(st_min.id,), summary="fire at Zenda port", rule="test.event",
    )
    claim = Claim(id=make_id("c", doc_id, "resp"), statement=st_min.id, relation="responsibility",
                  subject=s("Freedonian agents"), object=s("the fire at the port of Zenda"), event=event.id,
                  text="Freedonian agents set the fire")
    dispute = Dispute(
        id=make_id("d", doc_id, "fire"), topic="who set the Zenda harbour fire", subject_event=event.id,
        positions=(
            Position((ministry.id, petrova.id), (st_min.id, st_quote.id), "accuses", "Freedonian agents set it"),
            Position((firefly.id, freedonia.id), (st_deny.id, st_head.id), "denies", "no involvement"),
        ),
        explicit=(st_deny.id,), documents=(doc_id,),
    )
    return Analysis(
        document=doc,
        statements=(st_head, st_min, st_quote, st_deny),
        actors=(ministry, petrova, firefly, freedonia),
        timexes=(Timex(tuesday.start, tuesday.end, "Tuesday", "DATE", "2024-03-05", "test.timex"),),
        events=(event,),
        disputes=(dispute,),
        claims=(claim,),
        version="test",
    )


def relayed_analysis() -> Analysis:
    """:func:`sample_analysis` with the spokeswoman's quotation reported inside the ministry's statement
    (``Statement.nested_in``), for the store, web and query tests of nesting."""
    a = sample_analysis()
    outer = a.statements[1].id  # the ministry's statement
    return replace(a, statements=tuple(replace(s, nested_in=outer) if s.cue.text == "told" else s for s in a.statements))


def second_analysis() -> Analysis:
    """A different, smaller document (another speaker, no disputes)."""
    text = "Officials in Osterlich said on Friday the bridge would reopen next week.\n"
    doc = Document(id="osterlich-2", text=text, title="Bridge", published="2024-02-01",
                   paragraphs=(Paragraph(0, len(text) - 1, "body"),))
    src = _span(text, "Officials in Osterlich")
    st = Statement(id=make_id("s", "osterlich-2", 1), source=src, cue=_span(text, "said"),
                   content=(_span(text, "the bridge would reopen next week"),), kind="indirect", act="vow",
                   speaker=Speaker("Osterlich officials"), rule="test")
    return Analysis(document=doc, statements=(st,), version="test")
