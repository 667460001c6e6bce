"""Actors (issue 5): mentions, titles, roles, demonyms, capitals, affiliation, clustering, user overrides.

The Docs are built by hand (tokens, POS, a few dependencies, entities) so these tests need no trained
pipeline; one test marked ``model`` runs the shipped pipeline on a fixture of our own.
"""
from __future__ import annotations

import textwrap

import pytest
import spacy
from spacy.tokens import Doc, Span as SpacySpan

from counterclaim.extract.actors import actor_at, affiliation_chain, extract_actors
from counterclaim.extract.gazetteer import ActorsFileError, load_knowledge, read_actors_file
from counterclaim.model import Document

_VOCAB = spacy.blank("en").vocab


def make_doc(text: str, ents=(), pos=None, deps=None, tags=None, lemmas=None):
    """A Doc from a pre-tokenised text (tokens separated by single spaces; ``_`` glues a token to the next).

    ents: (first token, end token, label); pos/tags/lemmas: {token index: value}; deps: {i: (dep, head)}.
    Tokens without a dependency hang from their sentence's first verb (or first token) as ``dep``;
    sentences end at ``.`` tokens.
    """
    raw = text.split(" ")
    words, spaces = [], []
    for w in raw:
        glue = w.endswith("_") and len(w) > 1
        words.append(w[:-1] if glue else w)
        spaces.append(not glue)
    spaces[-1] = False
    pos, deps, tags, lemmas = pos or {}, deps or {}, tags or {}, lemmas or {}
    p = []
    for i, w in enumerate(words):
        if i in pos:
            p.append(pos[i])
        elif w in (".", ",", ":", "’s", "'s"):
            p.append("PUNCT" if w in ".,:" else "PART")
        elif w[:1].isupper():
            p.append("PROPN")
        elif w.lower() in ("the", "a", "an"):
            p.append("DET")
        elif w.lower() in ("in", "on", "of", "at", "by", "with", "against", "to", "into"):
            p.append("ADP")
        else:
            p.append("NOUN")
    # sentence roots
    sents, start = [], 0
    for i, w in enumerate(words):
        if w == "." or i == len(words) - 1:
            sents.append((start, i + 1))
            start = i + 1
    heads, dl = [0] * len(words), [""] * len(words)
    for s, e in sents:
        root = next((i for i in range(s, e) if deps.get(i, ("",))[0] == "ROOT"), None)
        if root is None:
            root = next((i for i in range(s, e) if p[i] == "VERB"), s)
        for i in range(s, e):
            dep, head = deps.get(i, ("dep", root))
            if i == root:
                dep, head = "ROOT", i
            heads[i], dl[i] = head, dep
    doc = Doc(_VOCAB, words=words, spaces=spaces, pos=p, heads=heads, deps=dl,
              tags=[tags.get(i, "") for i in range(len(words))],
              lemmas=[lemmas.get(i, w.lower()) for i, w in enumerate(words)],
              sent_starts=[i in {s for s, _e in sents} for i in range(len(words))])
    doc.ents = [SpacySpan(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def analyse(text, **kw):
    doc = make_doc(text, **kw)
    document = Document(id="fixture", text=doc.text)
    return doc, document, extract_actors(doc, document)


def by_name(actors, name):
    found = [a for a in actors if a.name == name]
    assert found, f"no actor {name!r} in {[a.name for a in actors]}"
    return found[0]


def test_acronym_alias_title_and_role_affiliation_chain():
    text = ("Syria ’s National Highland Guard Corps said that NHGC spokesman Karim Haddad met Brig. Gen. Samir Nassar . "
            "Nassar later left .")
    doc, document, actors = analyse(text, ents=[(0, 1, "GPE"), (2, 6, "ORG"), (8, 9, "ORG"), (10, 12, "PERSON"),
                                                (13, 17, "PERSON"), (18, 19, "PERSON")],
                                    pos={6: "VERB", 7: "SCONJ", 9: "NOUN", 12: "VERB", 20: "VERB", 19: "ADV"})
    corps = by_name(actors, "National Highland Guard Corps")
    assert "NHGC" in corps.aliases and len(corps.mentions) == 2
    assert corps.type == "organization"
    syria = by_name(actors, "Syria")
    assert syria.type == "country" and syria.country == "SYR"
    assert corps.affiliation == syria.id and corps.country == "SYR"
    haddad = by_name(actors, "Karim Haddad")
    assert haddad.role == "spokesman" and haddad.affiliation == corps.id
    assert affiliation_chain(actors, haddad.id) == ("Karim Haddad", "National Highland Guard Corps", "Syria")
    nassar = by_name(actors, "Samir Nassar")  # "Brig. Gen." stripped, surname clustered
    assert [m.text for m in nassar.mentions] == ["Samir Nassar", "Nassar"]
    for a in actors:
        for m in a.mentions:
            assert m.check(document.text)


def test_demonym_group_capital_metonymy_and_media():
    text = ("Iranian officials met in Tehran . Tehran responded . The Caspian Daily Times reported it .")
    doc, document, actors = analyse(text, ents=[(0, 1, "NORP"), (4, 5, "GPE"), (6, 7, "GPE"), (10, 13, "ORG")],
                                    pos={2: "VERB", 7: "VERB", 13: "VERB", 14: "PRON", 1: "NOUN"},
                                    tags={1: "NNS"}, deps={6: ("nsubj", 7), 4: ("obl", 2)})
    officials = by_name(actors, "Iranian officials")
    iran = by_name(actors, "Iran")
    assert officials.type == "group" and officials.country == "IRN" and officials.role == "officials"
    assert officials.affiliation == iran.id and officials.code == "IRNGOV"
    # the acting capital is Iran; the capital as a place is a place
    assert any(m.text == "Tehran" and m.start == text.index("Tehran responded") for m in iran.mentions)
    place = by_name(actors, "Tehran")
    assert place.type == "other" and place.country == "IRN"
    media = by_name(actors, "Caspian Daily Times")
    assert media.type == "media"


def test_dictionary_variants_cluster_and_ids_are_deterministic():
    text = "Hizbullah fighters and Hezbollah ’s leaders met . Lebanon ’s Hezbollah said ."
    kw = dict(ents=[(3, 4, "ORG"), (8, 9, "GPE"), (10, 11, "ORG")], pos={6: "VERB", 11: "VERB"})
    _d, document, a1 = analyse(text, **kw)
    _d, _doc, a2 = analyse(text, **kw)
    assert [a.id for a in a1] == [a.id for a in a2]
    hez = [a for a in a1 if a.type == "group" and a.country == "LBN" and a.name in ("Hezbollah", "Hizbullah")]
    assert len(hez) == 1 and len(hez[0].mentions) == 3  # Phoenix variant spellings are one actor
    assert hez[0].code == "LBNREB"


def test_actor_at_prefers_the_most_specific():
    text = "Syria ’s National Highland Guard Corps spokesman Karim Haddad said ."
    doc, document, actors = analyse(text, ents=[(0, 1, "GPE"), (2, 6, "ORG"), (7, 9, "PERSON")],
                                    pos={9: "VERB", 6: "NOUN"})
    whole = actor_at(actors, 0, len("Syria ’s National Highland Guard Corps spokesman Karim Haddad"))
    assert whole is not None and whole.name == "Karim Haddad"
    corps_only = actor_at(actors, 0, len("Syria ’s National Highland Guard Corps"))
    assert corps_only.name == "National Highland Guard Corps"
    assert actor_at(actors, len(text) - 1, len(text)) is None


def test_user_actors_file_yaml_and_csv(tmp_path, monkeypatch):
    y = tmp_path / "actors.yaml"
    y.write_text(textwrap.dedent("""\
        - name: Northern Valley Front
          type: group
          country: SYR
          aliases: [NVF, the Valley Front]
        """), encoding="utf-8")
    text = "NVF fighters said . The Northern Valley Front left ."
    doc = make_doc(text, ents=[(0, 1, "ORG"), (5, 8, "ORG")], pos={2: "VERB", 8: "VERB"})
    document = Document(id="fx", text=doc.text)
    actors = extract_actors(doc, document, actors_file=str(y))
    nvf = [a for a in actors if a.name == "Northern Valley Front"]
    assert len(nvf) == 1 and len(nvf[0].mentions) == 2 and nvf[0].country == "SYR"
    fighters = by_name(actors, "NVF fighters")  # agent word after a known group: a group of it
    assert fighters.affiliation == nvf[0].id
    c = tmp_path / "actors.csv"
    c.write_text("name,type,country,aliases\nValley Watch,media,,VW\n", encoding="utf-8")
    (entry,) = read_actors_file(c)
    assert entry.type == "media" and entry.aliases == ("vw",)
    monkeypatch.setenv("COUNTERCLAIM_ACTORS", str(c))
    assert load_knowledge().lookup("VW").name == "Valley Watch"


def test_bad_actors_file_says_how_to_fix(tmp_path):
    bad = tmp_path / "a.yaml"
    bad.write_text("- name: X\n  type: army\n", encoding="utf-8")
    with pytest.raises(ActorsFileError, match="use one of"):
        read_actors_file(bad)
    with pytest.raises(ActorsFileError, match="does not exist"):
        read_actors_file(tmp_path / "missing.csv")


def test_shipped_knowledge_has_countries_places_agents():
    k = load_knowledge()
    assert k.lookup("Israel").country == "ISR" and k.lookup("Israel").type == "country"
    assert k.lookup("Hamas").type == "group"
    assert k.place("Damascus").country == "SYR" and k.place("Damascus").lat is not None
    assert k.place("Lebanon").kind == "country"  # not the town in Tennessee
    assert k.demonym("Iraqis") == ("IRQ", True)
    assert k.agents["spokesman"]
    assert k.name_type("Press TV") == "media" and k.name_type("Al-Aqsa Mosque") == "place"
    assert k.name_type("The Hollywood Reporter") == "media" and k.name_type("Des Moines Register") == "media"


@pytest.mark.model
def test_pipeline_fixture_article():
    from counterclaim.nlp import load_pipeline

    text = ("Lebanon's Hezbollah said on Tuesday that its fighters attacked an Israeli army post. "
            "Israeli officials said the army struck back. Hezbollah spokesman Ali Haidar denied it.")
    document = Document(id="fx-model", text=text, published="2024-01-10")
    actors = extract_actors(load_pipeline()(text), document)
    names = {a.name: a for a in actors}
    assert "Hezbollah" in names and names["Hezbollah"].country == "LBN"
    assert "Israeli officials" in names and names["Israeli officials"].country == "ISR"
    haidar = [a for a in actors if a.type == "person" and "Haidar" in a.name]
    assert haidar and haidar[0].role == "spokesman"


def test_sentence_initial_connectives_and_photo_credits_are_not_actors():
    from counterclaim.model import Paragraph

    text = "However , Karim Haddad spoke . Karim Haddad waves ( Lina Obeid/AFP )"
    doc = make_doc(text, ents=[(0, 1, "GPE"), (2, 4, "PERSON"), (6, 8, "PERSON"), (10, 12, "PERSON")],
                   pos={4: "VERB", 8: "VERB"})
    first = doc[6].idx
    document = Document(id="fixture", text=doc.text, paragraphs=(
        Paragraph(0, first - 1, "body"), Paragraph(first, len(doc.text), "caption")))
    names = [a.name for a in extract_actors(doc, document)]
    assert "Karim Haddad" in names  # named in the body and in the caption itself
    assert "However" not in names
    assert not any("Lina Obeid" in n for n in names)  # the photographer in the credit


def test_a_capital_that_is_a_persons_surname_is_that_person():
    text = "Valeska Paris left . Paris claims abuse ."
    doc, document, actors = analyse(text, ents=[(0, 2, "PERSON"), (4, 5, "GPE")],
                                    pos={2: "VERB", 5: "VERB"}, deps={4: ("nsubj", 5)})
    names = {a.name: a for a in actors}
    assert "France" not in names  # no capital metonymy
    assert names["Valeska Paris"].type == "person" and len(names["Valeska Paris"].mentions) == 2


@pytest.mark.parametrize("on", [True, False])
def test_a_name_taken_for_an_organisation_that_reads_as_a_first_name_and_surname_is_a_person(monkeypatch, on):
    from counterclaim.extract import actor_types

    monkeypatch.setattr(actor_types, "PEOPLE_BY_FIRST_NAME", on)
    text = "David Quorn spoke . Al Brisk spoke . Daily Varn Agency spoke ."
    doc, document, actors = analyse(text, ents=[(0, 2, "ORG"), (4, 6, "ORG"), (8, 11, "ORG")],
                                    pos={2: "VERB", 6: "VERB", 11: "VERB"})
    types = {a.name: a.type for a in actors}
    assert types["David Quorn"] == ("person" if on else "organization")
    assert types["Al Brisk"] == "organization"  # "Al" joins names: no first name on its own
    assert types["Daily Varn Agency"] == "media"  # its head word types it


@pytest.mark.parametrize("on", [True, False])
def test_a_given_name_the_recogniser_cut_off_a_person_is_put_back(monkeypatch, on):
    from counterclaim.extract import actor_mentions

    monkeypatch.setattr(actor_mentions, "PERSON_FIRST_WORD_LEFT", on)
    text = "Saad Quorn spoke . General Quorn spoke ."  # "Saad" tagged as a common noun, as happens
    doc, document, actors = analyse(text, ents=[(1, 2, "PERSON"), (5, 6, "PERSON")],
                                    pos={0: "NOUN", 2: "VERB", 4: "PROPN", 6: "VERB"})
    names = {a.name for a in actors}
    assert ("Saad Quorn" in names) == on
    assert "General Quorn" not in names  # a title is no first name


def test_news_outlets_are_media_even_where_the_recogniser_reads_a_demonym_or_a_date():
    text = "The New Yorker claimed it . The Mail on Sunday reported it . IRNA said it ."
    doc, document, actors = analyse(text, ents=[(1, 3, "NORP"), (7, 8, "ORG"), (9, 10, "DATE")],
                                    pos={3: "VERB", 10: "VERB", 14: "VERB"})
    types = {a.name: a for a in actors}
    assert types["New Yorker"].type == "media"  # not a New York demonym
    assert types["Mail on Sunday"].type == "media"  # not "Mail" and a date
    irna = types["Islamic Republic News Agency"]
    assert irna.type == "media" and types[next(n for n, a in types.items() if a.id == irna.affiliation)].type == "country"


@pytest.mark.parametrize("word, grouped", [("newspaper", False), ("reporters", True)])
def test_an_outlet_word_after_a_media_name_is_the_outlet_itself(word, grouped):
    text = f"The Daily Mail {word} said it ."
    doc, document, actors = analyse(text, ents=[(1, 3, "ORG")], pos={3: "NOUN", 4: "VERB"})
    names = {a.name for a in actors}
    assert ("Daily Mail " + word in names) == grouped  # its reporters are people of the outlet; the newspaper is it


def test_words_that_open_place_names_are_no_given_names():
    from counterclaim.extract.gazetteer import load_knowledge

    k = load_knowledge()
    assert "le" not in k.given_names and "san" not in k.given_names and "jose" in k.given_names
    doc, document, actors = analyse("They went to Le Marche .", ents=[(3, 5, "LOC")], pos={1: "VERB"})
    assert {a.name: a.type for a in actors}["Le Marche"] != "person"


@pytest.mark.parametrize("on", [True, False])
def test_a_one_word_dictionary_name_inside_a_longer_name_is_not_a_mention(monkeypatch, on):
    from counterclaim.extract import actor_mentions

    monkeypatch.setattr(actor_mentions, "NAME_PART_NOT_ALONE", on)
    # "South" is a dictionary alias of South Korea; here it opens a name the dictionary does not know
    text = "They met in South Quornland . The South said no ."
    doc, document, actors = analyse(text, deps={3: ("compound", 4)}, pos={1: "VERB", 8: "VERB"})
    mentions = [m.text for a in actors if a.name == "South Korea" for m in a.mentions]
    assert mentions == (["South"] if on else ["South", "South"])  # "The South said" stays


@pytest.mark.parametrize("on", [True, False])
def test_an_unknown_name_next_to_an_outlet_word_is_media(monkeypatch, on):
    from counterclaim.extract import actor_mentions

    monkeypatch.setattr(actor_mentions, "OUTLET_WORD_MEDIA", on)
    text = "The newspaper Quorn Brisk said it . Varn Holdings said it ."
    doc, document, actors = analyse(text, ents=[(2, 4, "ORG"), (7, 9, "ORG")], pos={4: "VERB", 9: "VERB"})
    types = {a.name: a.type for a in actors}
    assert types["Quorn Brisk"] == ("media" if on else "organization")
    assert types["Varn Holdings"] == "organization"  # no outlet word next to it


@pytest.mark.parametrize("on", [True, False])
def test_a_given_name_alone_is_the_person_named_in_full_with_it(monkeypatch, on):
    from counterclaim.extract import actor_clusters

    monkeypatch.setattr(actor_clusters, "FIRST_NAME_MENTIONS", on)
    text = "John Quorn left . John spoke . Quorn agreed ."
    doc, document, actors = analyse(text, ents=[(0, 2, "PERSON"), (4, 5, "PERSON"), (7, 8, "PERSON")],
                                    pos={2: "VERB", 5: "VERB", 8: "VERB"})
    people = {a.name: [m.text for m in a.mentions] for a in actors}
    assert people["John Quorn"] == (["John Quorn", "John", "Quorn"] if on else ["John Quorn", "Quorn"])


def test_country_abbreviations_are_the_countries():
    from counterclaim.extract.gazetteer import load_knowledge

    k = load_knowledge()
    assert k.lookup("UK").country == "GBR" and k.lookup("UK").type == "country"  # not the British Virgin Islands
    assert k.lookup("DRC").country == "COD" and k.lookup("UAE").country == "ARE"


def test_agent_phrases_do_not_end_in_a_preposition():
    from counterclaim.extract.gazetteer import load_knowledge

    agents = load_knowledge().agents
    assert "embassy" in agents and "embassy in" not in agents  # "the North Korean embassy in London"
    text = "The North Korean embassy in London denied it ."
    doc, document, actors = analyse(text, pos={1: "ADJ", 2: "ADJ", 3: "NOUN", 6: "VERB"})
    assert "North Korean embassy in" not in {a.name for a in actors}


@pytest.mark.parametrize("on", [True, False])
def test_a_name_run_opening_with_a_role_word_is_a_person_with_that_role(monkeypatch, on):
    from counterclaim.extract import actor_mentions

    monkeypatch.setattr(actor_mentions, "RUN_OPENING_ROLE", on)
    text = "Ambassador Quorn Brisk spoke . Ambassador Brisk left ."  # names the recogniser missed
    doc, document, actors = analyse(text, pos={3: "VERB", 7: "VERB"})
    people = {a.name: a for a in actors if a.type == "person"}
    if on:
        assert [m.text for m in people["Quorn Brisk"].mentions] == ["Quorn Brisk", "Brisk"]
        assert people["Quorn Brisk"].role == "Ambassador"
    else:
        assert "Quorn Brisk" not in people


def test_british_honorifics_without_a_full_stop_are_titles():
    text = "John Quorn left . Mr Quorn spoke ."
    doc, document, actors = analyse(text, ents=[(0, 2, "PERSON"), (5, 6, "PERSON")], pos={2: "VERB", 6: "VERB"})
    (quorn,) = [a for a in actors if a.type == "person"]
    assert [m.text for m in quorn.mentions] == ["John Quorn", "Quorn"]


@pytest.mark.parametrize("on", [True, False])
def test_a_name_entity_ends_before_a_lower_case_word(monkeypatch, on):
    from counterclaim.extract import actor_mentions

    monkeypatch.setattr(actor_mentions, "PERSON_ENDS_AT_LOWERCASE", on)
    text = "Jane Quorn for Varn Holdings spoke . John Brisk for Brisk Holdings left . Ludwig van Varn sang ."
    doc, document, actors = analyse(text, ents=[(0, 5, "PERSON"), (7, 12, "ORG"), (14, 17, "PERSON")],
                                    pos={5: "VERB", 12: "VERB", 17: "VERB"})
    types = {a.name: a.type for a in actors}
    if on:
        assert types["Jane Quorn"] == "person" and types["John Brisk"] == "person"
        assert types["Brisk Holdings"] == "organization"
    else:
        assert "Jane Quorn for Varn Holdings" in types and "John Brisk for Brisk Holdings" in types
    assert types["Ludwig van Varn"] == "person"  # a name particle is no end


def test_an_outlet_abbreviation_in_capitals_is_the_outlet_not_a_place_of_that_name():
    text = "SANA said it . Fighting went on in Sana ."
    doc, document, actors = analyse(text, ents=[(0, 1, "ORG"), (8, 9, "GPE")], pos={1: "VERB", 5: "VERB"})
    by_mention = {m.text: a for a in actors for m in a.mentions}
    assert by_mention["SANA"].type == "media" and by_mention["SANA"].name == "Syrian Arab News Agency"
    assert by_mention["Sana"].type != "media"  # Yemen's capital


def test_a_name_head_stands_before_its_first_connective():
    from counterclaim.extract import gazetteer

    k = gazetteer.load_knowledge()
    assert k.name_type("Committee to Protect Journalists") == "organization"
    assert k.name_type("Institute for the Study of War") == "organization"
    assert k.name_type("Quorn Times of Varn") == "media"
    assert k.name_type("Committee") == "organization"  # a bare head word
    assert k.name_type("Mary Quorn") is None


@pytest.mark.parametrize("on", [True, False])
def test_an_organisations_head_word_alone_is_a_mention_of_it(monkeypatch, on):
    from counterclaim.extract import actor_clusters

    monkeypatch.setattr(actor_clusters, "HEAD_WORD_MENTIONS", on)
    text = "Varnian Interior Ministry spoke . Ministry spoke ."
    doc, document, actors = analyse(text, ents=[(0, 3, "ORG"), (5, 6, "ORG")], pos={3: "VERB", 6: "VERB"})
    ministry = [a for a in actors if a.name.endswith("Ministry")]
    assert [a.name for a in ministry][0] == "Varnian Interior Ministry"
    assert len(ministry) == (1 if on else 2)
    assert len(ministry[0].mentions) == (2 if on else 1)


@pytest.mark.parametrize("on", [True, False])
def test_an_acronym_may_stand_for_a_hyphenated_name(monkeypatch, on):
    from counterclaim.extract import actor_clusters

    monkeypatch.setattr(actor_clusters, "HYPHEN_ACRONYMS", on)
    text = "Quorn-Varnett spoke . QV spoke ."
    doc, document, actors = analyse(text, ents=[(0, 1, "ORG"), (3, 4, "ORG")], pos={1: "VERB", 4: "VERB"})
    named = {a.name: len(a.mentions) for a in actors}
    assert named.get("Quorn-Varnett") == (2 if on else 1)


@pytest.mark.parametrize("on", [True, False])
def test_a_name_after_a_noun_of_organisations_is_an_organisation(monkeypatch, on):
    from counterclaim.extract import actor_mentions

    monkeypatch.setattr(actor_mentions, "RUN_AFTER_ORG_NOUN", on)
    text = "His company Quorn Plumbing spoke . His spokesman Omar Varn spoke ."
    doc, document, actors = analyse(text, pos={2: "PROPN", 3: "PROPN", 4: "VERB", 8: "PROPN", 9: "PROPN", 10: "VERB"})
    types = {a.name: a.type for a in actors}
    assert types.get("Quorn Plumbing") == ("organization" if on else "person")
    assert types.get("Omar Varn") == "person"  # after a person noun: a person


def test_an_actor_name_never_ends_in_whitespace():
    from counterclaim import ingest
    from counterclaim.pipeline import analyze

    # two spaces after the name: the tokenizer makes a whitespace token of the second
    analysis = analyze(ingest.from_text("In reply, (Army spokesman Col. Omar) Varno  said the talks had failed."))
    assert "Varno" in [a.name for a in analysis.actors]
    assert all(a.name == a.name.strip() for a in analysis.actors)
    assert all(s.speaker is None or s.speaker.name == s.speaker.name.strip() for s in analysis.statements)


@pytest.mark.model
@pytest.mark.parametrize("on", [True, False])
def test_multiword_title_is_not_part_of_a_name(monkeypatch, on):
    """"US Secretary of State Antony Blinken said": the title of several words ends the country's name and is the
    person's title, not a first name nor the dictionary's office."""
    from counterclaim import ingest
    from counterclaim.extract import actor_mentions
    from counterclaim.pipeline import analyze

    monkeypatch.setattr(actor_mentions, "TITLES_END_NAMES", on)
    analysis = analyze(ingest.from_text("US Secretary of State Antony Blinken said the talks would go on."))
    names = {a.name for a in analysis.actors}
    (st,) = analysis.statements
    if on:
        assert "Antony Blinken" in names and st.speaker.name == "Antony Blinken"
        assert not any("Secretary" in n for n in names)
    else:
        assert "Antony Blinken" not in names  # the title's last word was taken for a first name
    # the recogniser cut the title in two: "White House Chief" and "Staff Denis Marlow"
    analysis = analyze(ingest.from_text("White House Chief of Staff Denis Marlow said on Sunday that the talks would go on."))
    names = {a.name for a in analysis.actors}
    (st,) = analysis.statements
    if on:
        assert {"White House", "Denis Marlow"} <= names and st.speaker.name == "Denis Marlow"
    else:
        assert "White House Chief" in names and "Denis Marlow" not in names


@pytest.mark.model
@pytest.mark.parametrize("on", [True, False])
def test_the_words_of_an_operation_name_are_no_actor(monkeypatch, on):
    from counterclaim.extract import actor_mentions

    monkeypatch.setattr(actor_mentions, "OPERATION_NAMES_OUT", on)
    from counterclaim import analyze

    a = analyze("The offensive, which the army dubbed “Operation Iraqi Freedom,” was condemned by Hamas.")
    mentions = {m.text for x in a.actors for m in x.mentions}
    assert "Hamas" in mentions
    assert ("Iraqi" in mentions) is not on  # the demonym would make Iraq an actor
    if on:
        assert not any("Operation" in m for m in mentions)


@pytest.mark.parametrize("on", [True, False])
def test_every_member_of_an_including_list_belongs_to_the_group(monkeypatch, on):
    from counterclaim.extract import actor_groups

    monkeypatch.setattr(actor_groups, "MEMBER_TITLE_WORDS", on)
    # the second member's title has two words ("Foreign Minister"): its first is no end of the list
    text = ("Iranian officials , including President Ali Tavakoli and Foreign Minister Reza Karimi , vowed revenge .")
    _, _, actors = analyse(text, ents=[(0, 1, "NORP"), (5, 7, "PERSON"), (10, 12, "PERSON")],
                           pos={1: "NOUN", 4: "PROPN", 8: "ADJ", 9: "PROPN", 13: "VERB", 14: "NOUN"}, tags={1: "NNS"})
    officials = by_name(actors, "Iranian officials")
    assert by_name(actors, "Ali Tavakoli").affiliation == officials.id
    karimi = by_name(actors, "Reza Karimi")
    assert karimi.affiliation == (officials.id if on else None)


@pytest.mark.parametrize("on", [True, False])
def test_a_countrys_institution_is_the_dictionary_actor_with_its_code(monkeypatch, on):
    from counterclaim.extract import actor_clusters

    monkeypatch.setattr(actor_clusters, "INSTITUTION_GROUPS", on)
    text = "The Israel Defense Forces declined to comment . Israel ’s military does not comment . Israeli soldiers left ."
    _, _, actors = analyse(text, ents=[(1, 4, "ORG"), (8, 9, "GPE"), (15, 16, "NORP")],
                           pos={4: "VERB", 11: "AUX", 12: "PART", 13: "VERB", 17: "VERB", 10: "NOUN", 16: "NOUN"},
                           tags={16: "NNS"})
    idf = by_name(actors, "Israel Defense Forces")
    assert idf.code == "ISRMIL"
    military = [a for a in actors if a.name == "Israel ’s military"]
    if on:
        assert not military and "Israel ’s military" in idf.aliases and len(idf.mentions) == 2
    else:
        assert len(military) == 1 and military[0].code == "ISRMIL" and len(idf.mentions) == 1
    # soldiers are people of the army, not the army: they stay a group of their own either way
    assert by_name(actors, "Israeli soldiers").id != idf.id


def test_a_countrys_institution_stays_a_group_when_two_dictionary_actors_share_the_code():
    # the White House and the National Security Council are both USAGOV: "the US government" is neither
    text = ("The White House declined to comment . The National Security Council said nothing . "
            "The US government left .")
    _, _, actors = analyse(text, ents=[(1, 3, "ORG"), (8, 11, "ORG"), (15, 16, "GPE")],
                           pos={3: "VERB", 11: "VERB", 12: "PRON", 17: "VERB", 16: "NOUN"})
    white_house, council = by_name(actors, "White House"), by_name(actors, "National Security Council")
    government = by_name(actors, "US government")
    assert government.code == white_house.code == council.code == "USAGOV"
    assert len({white_house.id, council.id, government.id}) == 3


@pytest.mark.parametrize("on", [True, False])
def test_a_company_named_without_its_legal_suffix_is_that_company(monkeypatch, on):
    from counterclaim.extract import actor_types

    monkeypatch.setattr(actor_types, "COMPANY_WITHOUT_SUFFIX", on)
    # the dictionaries list "Time Warner Inc"; the recogniser read a person's name in "Time Warner"
    text = "Time Warner cut jobs . Michael Warner spoke ."
    doc, document, actors = analyse(text, ents=[(0, 2, "PERSON"), (5, 7, "PERSON")],
                                    pos={2: "VERB", 7: "VERB"})
    types = {a.name: a.type for a in actors}
    company = next(n for n in types if n.startswith("Time Warner"))
    assert types[company] == ("organization" if on else "person")
    assert types["Michael Warner"] == "person"  # a given name first: a person whatever the dictionaries say


@pytest.mark.parametrize("on", [True, False])
def test_an_outlet_word_after_a_country_or_organisation_is_its_outlet(monkeypatch, on):
    from counterclaim.extract import actor_groups

    monkeypatch.setattr(actor_groups, "OUTLETS_OF_ACTORS", on)
    text = "An Italian newspaper said it . The Red Cross website said it ."
    doc, document, actors = analyse(text, ents=[(1, 2, "NORP"), (7, 9, "ORG")],
                                    pos={2: "NOUN", 3: "VERB", 9: "NOUN", 10: "VERB"})
    types = {a.name: a.type for a in actors}
    assert types["Italian newspaper"] == ("media" if on else "group")
    assert types["Red Cross website"] == ("media" if on else "person")
