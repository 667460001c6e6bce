"""The learned content-end ranker (counterclaim.extract.boundaries)."""

from spacy.lang.en import English
from spacy.tokens import Doc

from counterclaim.extract.boundaries import EndModel, end_candidates, end_features, load_end_model

VOCAB = English().vocab


def _doc():
    # He said the plan failed, the minister added .   (one sentence)
    words = ["He", "said", "the", "plan", "failed", ",", "the", "minister", "added", "."]
    heads = [1, 1, 3, 4, 1, 8, 7, 8, 1, 1]
    deps = ["nsubj", "ROOT", "det", "nsubj", "ccomp", "punct", "det", "nsubj", "parataxis", "punct"]
    pos = ["PRON", "VERB", "DET", "NOUN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos,
              spaces=[True, True, True, True, False, True, True, True, False, False])
    return doc


def test_candidates_stay_in_the_sentence_and_include_the_rule_end():
    doc = _doc()
    cands = end_candidates(doc, 2, 8)
    assert cands[0] == 2 and cands[-1] == 9 and 8 in cands


def test_features_describe_the_cut():
    doc = _doc()
    f = end_features(doc, 2, 4, 4, "ccomp")
    assert "rule" in f and "n1=," in f and "d=0" in f
    g = end_features(doc, 2, 8, 4, "ccomp")
    assert "rule" not in g and "d=4" in g


def test_choose_takes_the_best_end_unless_the_margin_or_limit_forbids_it():
    doc = _doc()
    model = EndModel(weights={"n1=,": 3.0, "rule": 1.0})  # prefers ending before a comma
    assert model.choose(doc, 2, 8, "ccomp") == 4  # "the plan failed"
    model.margin = 5.0
    assert model.choose(doc, 2, 8, "ccomp") == 8  # not better by the margin: the rule's end stays
    model.margin = 0.0
    assert model.choose(doc, 2, 3, "ccomp", max_end=doc[3].idx + len(doc[3])) == 3  # cannot pass max_end


def test_shipped_model_loads_and_scores():
    model = load_end_model()
    assert model is not None and model.weights and model.meta.get("trained_on") == "PolNeAR train"
    doc = _doc()
    k = model.choose(doc, 2, 8, "ccomp")
    assert k in end_candidates(doc, 2, 8)
