"""Events: which time belongs to which event, merging of dated and undated mentions, the trigger of a merged event.

Hand-built parses (``make_doc``) of invented sentences, so no trained pipeline is needed.
"""
from __future__ import annotations

from test_events import run


def _with_target(events, names, name):
    return [e for e in events if e.type == "ASSAULT" and name in [names[a] for a in e.targets]]


def test_time_of_another_event_nominal_does_not_date_the_killing():
    # "October" modifies "raid", not "killing": the killing is the one dated January 2020 in the next sentence
    text = ("Zorvan Front ’s October raid was revenge for the killing of Omar Haddad . "
            "Turkey killed Omar Haddad in January 2020 .")
    _d, _doc, _a, events, names = run(
        text, ents=[(0, 2, "ORG"), (3, 4, "DATE"), (11, 13, "PERSON"), (14, 15, "GPE"), (16, 18, "PERSON"),
                    (19, 21, "DATE")],
        pos={5: "AUX", 6: "NOUN", 15: "VERB", 20: "NUM"}, tags={15: "VBD"}, lemmas={15: "kill"},
        deps={0: ("compound", 1), 1: ("nmod:poss", 4), 2: ("case", 1), 3: ("compound", 4), 4: ("nsubj", 6),
              5: ("cop", 6), 6: ("ROOT", 6), 7: ("case", 9), 8: ("det", 9), 9: ("nmod", 6), 10: ("case", 11),
              11: ("nmod", 9), 12: ("flat", 11), 13: ("punct", 6),
              14: ("nsubj", 15), 16: ("obj", 15), 17: ("flat", 16), 18: ("case", 19), 19: ("obl", 15),
              20: ("nummod", 19), 21: ("punct", 15)},
        timexes=[("October", "2023-10"), ("January 2020", "2020-01")])
    killings = _with_target(events, names, "Omar Haddad")
    assert len(killings) == 1, [(e.trigger.text, e.time) for e in events]
    ev = killings[0]
    assert ev.time.value == "2020-01"
    assert {ev.trigger.text, *(m.text for m in ev.mentions)} == {"killing", "killed"}
    assert [names[a] for a in ev.agents] == ["Turkey"]
    raid = [e for e in events if e.trigger.text == "raid"]
    assert len(raid) == 1 and raid[0].time.value == "2023-10" and raid[0].targets == ()


def test_timex_on_a_linked_nominal_still_dates_the_verb():
    # "a strike in January killed X": the strike is the killing, its time is the killing's
    text = "A Turkish strike in January killed Omar Haddad ."
    _d, _doc, _a, events, names = run(
        text, ents=[(1, 2, "NORP"), (4, 5, "DATE"), (6, 8, "PERSON")],
        pos={1: "ADJ", 5: "VERB"}, tags={5: "VBD"}, lemmas={5: "kill"},
        deps={0: ("det", 2), 1: ("amod", 2), 2: ("nsubj", 5), 3: ("case", 4), 4: ("nmod", 2), 5: ("ROOT", 5),
              6: ("obj", 5), 7: ("flat", 6), 8: ("punct", 5)},
        timexes=[("January", "2024-01")])
    (ev,) = _with_target(events, names, "Omar Haddad")
    assert ev.time.value == "2024-01"
    assert {ev.trigger.text, *(m.text for m in ev.mentions)} == {"strike", "killed"}


def test_narrative_context_time_does_not_keep_a_killing_apart_from_its_dated_mention():
    # the second sentence has no timex: "the killing" takes Monday from the attack before it (narrative time),
    # but the third sentence dates the killing of the same person: one event, dated January 2020
    text = ("Zorvan Front attacked Kabul on Monday . Crowds grieved over the killing of Omar Haddad . "
            "Turkey killed Omar Haddad in January 2020 .")
    _d, _doc, _a, events, names = run(
        text, ents=[(0, 2, "ORG"), (3, 4, "GPE"), (5, 6, "DATE"), (13, 15, "PERSON"), (16, 17, "GPE"),
                    (18, 20, "PERSON"), (21, 23, "DATE")],
        pos={2: "VERB", 9: "VERB", 17: "VERB", 5: "PROPN", 22: "NUM"}, tags={2: "VBD", 9: "VBD", 17: "VBD"},
        lemmas={2: "attack", 9: "grieve", 17: "kill"},
        deps={0: ("compound", 1), 1: ("nsubj", 2), 3: ("obj", 2), 4: ("case", 5), 5: ("obl", 2), 6: ("punct", 2),
              8: ("nsubj", 9), 10: ("case", 12), 11: ("det", 12), 12: ("obl", 9), 13: ("nmod", 12),
              14: ("flat", 13), 15: ("punct", 9),
              16: ("nsubj", 17), 18: ("obj", 17), 19: ("flat", 18), 20: ("case", 21), 21: ("obl", 17),
              22: ("nummod", 21), 23: ("punct", 17)},
        timexes=[("Monday", "2024-01-08"), ("January 2020", "2020-01")])
    killings = _with_target(events, names, "Omar Haddad")
    assert len(killings) == 1, [(e.trigger.text, e.time) for e in events]
    assert killings[0].time.value == "2020-01"
    assert {killings[0].trigger.text, *(m.text for m in killings[0].mentions)} == {"killing", "killed"}
    (attack,) = [e for e in events if e.trigger.text == "attacked"]
    assert attack.time.value == "2024-01-08" and [names[a] for a in attack.targets] == ["Kabul"]


def test_incompatible_attached_dates_keep_two_killings_apart():
    text = "Turkey killed Omar Haddad in January 2020 . Turkey killed Omar Haddad in May 2021 ."
    _d, _doc, _a, events, names = run(
        text, ents=[(0, 1, "GPE"), (2, 4, "PERSON"), (5, 7, "DATE"), (8, 9, "GPE"), (10, 12, "PERSON"),
                    (13, 15, "DATE")],
        pos={1: "VERB", 9: "VERB", 6: "NUM", 14: "NUM"}, tags={1: "VBD", 9: "VBD"}, lemmas={1: "kill", 9: "kill"},
        deps={0: ("nsubj", 1), 2: ("obj", 1), 3: ("flat", 2), 4: ("case", 5), 5: ("obl", 1), 6: ("nummod", 5),
              8: ("nsubj", 9), 10: ("obj", 9), 11: ("flat", 10), 12: ("case", 13), 13: ("obl", 9),
              14: ("nummod", 13)},
        timexes=[("January 2020", "2020-01"), ("May 2021", "2021-05")])
    assert sorted(e.time.value for e in _with_target(events, names, "Omar Haddad")) == ["2020-01", "2021-05"]


def test_realis_mention_is_the_trigger_not_the_aim():
    # "a campaign aimed at destroying X": the campaign happened, destroying X is its goal (mode future)
    text = "Israel responded with a campaign aimed at destroying Hamas ."
    _d, _doc, _a, events, names = run(
        text, ents=[(0, 1, "GPE"), (8, 9, "ORG")],
        pos={1: "VERB", 5: "VERB", 6: "SCONJ", 7: "VERB"}, tags={1: "VBD", 5: "VBN", 7: "VBG"},
        lemmas={1: "respond", 5: "aim", 7: "destroy"},
        deps={0: ("nsubj", 1), 1: ("ROOT", 1), 2: ("case", 4), 3: ("det", 4), 4: ("obl", 1), 5: ("acl", 4),
              6: ("mark", 7), 7: ("advcl", 5), 8: ("obj", 7), 9: ("punct", 1)})
    (ev,) = [e for e in events if e.type == "ASSAULT"]
    assert ev.trigger.text == "campaign"
    assert [m.text for m in ev.mentions] == ["destroying"]
    assert [names[a] for a in ev.agents] == ["Israel"] and [names[a] for a in ev.targets] == ["Hamas"]
    assert ev.mode == "asserted"
