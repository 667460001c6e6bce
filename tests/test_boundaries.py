"""The learned span-boundary rankers (counterclaim.extract.boundaries)."""

from spacy.lang.en import English
from spacy.tokens import Doc

from counterclaim.extract.boundaries import BOUNDARIES, BoundaryModel, candidates, features, load_boundary_models

VOCAB = English().vocab


def _doc():
    # Senior aide Jo Lee said the plan failed , the minister added .   (one sentence)
    words = ["Senior", "aide", "Jo", "Lee", "said", "the", "plan", "failed", ",", "the", "minister", "added", "."]
    heads = [1, 3, 3, 4, 4, 6, 7, 4, 11, 10, 11, 4, 4]
    deps = ["amod", "compound", "compound", "nsubj", "ROOT", "det", "nsubj", "ccomp", "punct", "det", "nsubj",
            "parataxis", "punct"]
    pos = ["ADJ", "NOUN", "PROPN", "PROPN", "VERB", "DET", "NOUN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos,
               spaces=[True] * 7 + [False, True, True, True, False, False])


def test_candidates_stay_in_the_sentence_and_include_the_rule_boundary():
    doc = _doc()
    ends = candidates(doc, 5, 11, "end")
    assert ends[0] == 5 and ends[-1] == 12 and 11 in ends
    starts = candidates(doc, 3, 2, "start")
    assert starts == [0, 1, 2, 3]


def test_features_describe_the_cut_on_either_side():
    doc = _doc()
    f = features(doc, 5, 7, 7, "end", "ccomp")
    assert "rule" in f and "n1=," in f and "d=0" in f
    g = features(doc, 5, 11, 7, "end", "ccomp")
    assert "rule" not in g and "d=4" in g
    h = features(doc, 3, 0, 2, "start", "verb|nsubj")
    assert "d=2" in h and "edge" in h  # two tokens longer than the rule's, starting the sentence


def test_features_tell_where_the_phrase_after_the_cut_attaches():
    doc = _doc()
    # content "the plan" (5-6) of "said": "failed" outside attaches to "said", before the span, and has a subject
    f = features(doc, 5, 6, 7, "end", "ccomp")
    assert "att=near" in f and "att_dep=near|ccomps" in f
    # content "the plan failed" (5-7): ", the minister added" hangs on "said" too ("," is attached to "added")
    g = features(doc, 5, 7, 7, "end", "ccomp")
    assert "att=near" in g and "att_dep=near|parataxiss" in g
    # source "aide Jo Lee" (1-3): "Senior" before it modifies "aide", inside the span
    assert "att=in" in features(doc, 3, 1, 2, "start", "verb|nsubj")
    # source "Senior aide" (0-1) cut before "Jo": "Jo" hangs on "Lee", which hangs on the root "said"
    assert "att=root" in features(doc, 0, 1, 3, "end", "verb|nsubj")


def test_content_features_tell_when_the_phrase_after_the_cut_is_another_report():
    doc = _doc()
    # content "the plan failed" (5-7) of "said": ", the minister added" is a report of its own, with a subject
    f = features(doc, 5, 7, 7, "end", "ccomp", report_phrase=True)
    assert "att_sp=nears" in f and "att_sp_how=nears|ccomp" in f
    # only for contents: a source's ranker would see its own cue there
    assert not any(x.startswith("att_sp") for x in features(doc, 5, 7, 7, "end", "ccomp"))
    # content "the plan" (5-6): "failed" after the cut is no verb of saying
    assert not any(x.startswith("att_sp") for x in features(doc, 5, 6, 7, "end", "ccomp", report_phrase=True))


def test_a_cue_task_carries_the_verbs_lemma_into_lexical_features():
    doc = _doc()
    # the cue "said" (4) of "Jo Lee said the plan failed": its end ranker sees "say" beside the next word
    f = features(doc, 4, 4, 4, "end", "verb|VERB|ROOT", lemma="say")
    assert "lem_n1=say|the" in f and "how=verb|VERB|ROOT" in f
    assert not any(x.startswith("lem_") for x in features(doc, 4, 4, 4, "end", "verb|VERB|ROOT"))


def test_choose_takes_the_best_boundary_unless_the_margin_or_limit_forbids_it():
    doc = _doc()
    end = BoundaryModel(side="end", weights={"n1=,": 3.0, "rule": 1.0})  # prefers ending before a comma
    assert end.choose(doc, 5, 11, "ccomp") == 7  # "the plan failed"
    end.margin = 5.0
    assert end.choose(doc, 5, 11, "ccomp") == 11  # not better by the margin: the rules' end stays
    end.margin = 0.0
    assert end.choose(doc, 5, 6, "ccomp", limit=doc[6].idx + len(doc[6])) == 6  # cannot pass the limit
    start = BoundaryModel(side="start", weights={"edge": 2.0})  # prefers starting the sentence
    assert start.choose(doc, 3, 2, "verb|nsubj") == 0  # "Senior aide Jo Lee"
    assert start.choose(doc, 3, 2, "verb|nsubj", limit=doc[1].idx) == 2  # "Senior" is out of bounds: a tie, rules win


def test_shipped_models_load_and_score():
    models = load_boundary_models()
    assert models and set(models) <= set(BOUNDARIES)
    for name, m in models.items():
        assert m.weights and m.meta.get("trained_on") == "PolNeAR train"
        assert m.meta["dev_accuracy"] > m.meta["dev_accuracy_rules"]
    doc = _doc()
    if "content_end" in models:
        assert models["content_end"].choose(doc, 5, 11, "ccomp") in candidates(doc, 5, 11, "end")
