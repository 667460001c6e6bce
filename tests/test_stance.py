"""The stance model (issue 6): numpy inference, the packaged artefact, the JSONL API and CLI."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest
from click.testing import CliRunner

from counterclaim.reconcile import stance as S


def test_tokenize_keeps_negation():
    assert S.tokenize("No it wasn’t") == ["no", "it", "was", "not"]
    assert S.tokenize("Didn't!") == ["did", "not"]


def test_features_see_overlap_refutation_and_hedging():
    lex = S.load_lexicons()
    vocab = {"burger": 0, "hoax": 1, "oldest": 2}
    idf = np.ones(3)
    claim = S.text_stats("World's oldest burger found", lex)
    text = S.text_stats("The oldest burger story is a hoax, reportedly", lex)
    idx, val, dense = S.pair_features(claim, text, vocab, idf, lex)
    f = dict(zip(S.DENSE_FEATURES, dense))
    assert f["tfidf_cosine"] > 0.5
    assert f["refute_text"] > 0 and f["hedge_text"] > 0 and f["refute_near_overlap"] > 0
    assert f["short_text"] == 1.0
    assert set(idx) <= set(range(6))  # indices into [claim TF | text TF]


def _tiny_model(seed=0):
    rng = np.random.default_rng(seed)
    vocab = ["attack", "revenge", "denied", "weather"]
    d_in = 2 * len(vocab) + len(S.DENSE_FEATURES)
    meta = {
        "labels": list(S.LABELS), "vocab": vocab, "idf": [1.0] * 4,
        "dense_mean": [0.0] * len(S.DENSE_FEATURES), "dense_scale": [1.0] * len(S.DENSE_FEATURES),
    }
    weights = {"W1": rng.normal(size=(d_in, 5)), "b1": rng.normal(size=5), "W2": rng.normal(size=(5, 4)), "b2": rng.normal(size=4)}
    return S.StanceModel(weights, meta), weights, meta


def test_numpy_inference_equals_the_dense_computation():
    model, w, meta = _tiny_model()
    pairs = [("the attack was revenge", "they denied the attack was revenge"), ("attack", "weather today")]
    got = model.proba(pairs)
    lex = S.load_lexicons()
    for row, (c, t) in zip(got, pairs):
        idx, val, dense = S.pair_features(S.text_stats(c, lex), S.text_stats(t, lex), model.vocab, model.idf, lex)
        x = np.zeros(w["W1"].shape[0])
        x[idx] = val
        x[8:] = dense
        h = np.maximum(x @ w["W1"] + w["b1"], 0)
        z = h @ w["W2"] + w["b2"]
        p = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
        assert np.allclose(row, p, atol=1e-4)
    assert np.allclose(got.sum(axis=1), 1.0)


def test_headline_terms_leave_out_the_claim_words_and_keep_punctuation():
    assert S.headline_tokens("the mayor resigned", "Rumour: mayor resigned, aide says") == ["rumour", ":", "aide", "says"]
    assert S.headline_tokens("the mayor resigned", "“Mayor” didn’t resign – report") == ['"', '"', "did", "not", "resign", "-", "report"]
    terms = S.headline_terms("the mayor resigned", "Mayor resigned? Aide: no!")
    assert {"aide", ":", "no", "!", "aide :", "aide : no", ": no !", "QMARK"} <= set(terms)
    assert not any("mayor" in t or "resigned" in t for t in terms)


def _tiny_headline_model(kind):
    model, w, meta = _tiny_model()
    terms = ["hoax", "reportedly", ":"]
    rng = np.random.default_rng(1)
    head_labels = ["agree", "disagree", "discuss"]
    w = dict(w, HW=rng.normal(size=(len(terms) + len(S.DENSE_FEATURES), 3)), Hb=rng.normal(size=3))
    head = {"terms": terms, "labels": head_labels, "dense_mean": [0.0] * len(S.DENSE_FEATURES),
            "dense_scale": [1.0] * len(S.DENSE_FEATURES)}
    if kind:
        head["kind"] = kind
    return S.StanceModel(w, dict(meta, headline=head)), w, terms, head_labels


@pytest.mark.parametrize("kind", ["nblr", None])
def test_headline_model_splits_the_related_mass_of_short_texts(kind):
    model, w, terms, head_labels = _tiny_headline_model(kind)
    claim, text = "the attack was revenge", "Attack revenge story a hoax: reportedly"
    lex = S.load_lexicons()
    _, _, dense = S.pair_features(S.text_stats(claim, lex), S.text_stats(text, lex), model.vocab, model.idf, lex)
    logits = w["Hb"] + w["HW"][[0, 1, 2]].sum(axis=0) + dense @ w["HW"][3:]  # all three terms occur
    if kind == "nblr":  # one-vs-rest scores: sigmoid per class, normalised
        hp = 1 / (1 + np.exp(-logits))
    else:  # older artefacts: multinomial logistic regression
        hp = np.exp(logits - logits.max())
    hp /= hp.sum()
    assert np.allclose(model._headline_proba(claim, text, dense, lex), hp, atol=1e-4)
    plain, *_ = _tiny_model()
    p_plain = plain.proba([(claim, text)])[0]
    p = model.proba([(claim, text)])[0]
    ui = S.LABELS.index("unrelated")
    assert p[ui] == pytest.approx(p_plain[ui], abs=1e-6)  # the perceptron still decides related/unrelated
    cols = [model.labels.index(lab) for lab in head_labels]
    assert np.allclose(p[cols], (1 - p_plain[ui]) * hp, atol=1e-4)
    # a long text is left to the perceptron alone
    long_text = " ".join(["attack revenge hoax reportedly"] * 20)
    assert np.allclose(model.proba([(claim, long_text)]), plain.proba([(claim, long_text)]), atol=1e-6)


def test_mismatched_artefact_is_a_clear_error():
    model, w, meta = _tiny_model()
    w = dict(w, W1=w["W1"][:-1])
    with pytest.raises(S.StanceModelError, match="retrain"):
        S.StanceModel(w, meta)


def test_packaged_artefact_is_small_and_not_pickled():
    base = resources.files("counterclaim").joinpath("data")
    npz = base.joinpath(S.MODEL_FILE)
    vocab = base.joinpath(S.VOCAB_FILE)
    size = len(npz.read_bytes()) + len(vocab.read_bytes())
    assert size <= 10 * 1024 * 1024
    with npz.open("rb") as fh:
        arrays = np.load(fh, allow_pickle=False)
        assert {"W1", "b1", "W2", "b2"} <= set(arrays.files)
    meta = json.loads(vocab.read_text("utf-8"))
    assert sorted(meta["labels"]) == sorted(S.LABELS) and len(meta["vocab"]) > 1000
    head = meta["headline"]
    assert head["kind"] == "nblr" and head["labels"] == ["agree", "disagree", "discuss"]
    with npz.open("rb") as fh:
        assert np.load(fh, allow_pickle=False)["HW"].shape == (len(head["terms"]) + len(S.DENSE_FEATURES), 3)


def test_packaged_model_on_clear_cases():
    claim = "A giant spider was found living in a man's ear in Australia"
    labels = S.predict_stances([
        (claim, "Parliament passed the budget on Tuesday after a long debate over farm subsidies and tax credits for small firms."),
        (claim, "Spider in man's ear story is a hoax, doctors say it never happened"),
    ])
    assert labels[0] == "unrelated"
    assert labels[1] == "disagree"
    # a short text (headline) can be unrelated too
    assert S.predict_stance(claim, "Oslo weather: cold and windy this weekend") == "unrelated"
    assert S.predict_stance(claim, claim) in {"agree", "discuss"}
    assert S.predict_stances([]) == []
    assert set(S.predict_proba([(claim, claim)])[0]) == set(S.LABELS)


def test_stance_jsonl_keeps_order_and_reports_bad_lines():
    lines = [
        json.dumps({"id": "a", "claim": "X was revenge for Y", "text": "X was revenge for Y, officials said"}),
        "{not json",
        json.dumps({"id": "c", "claim": "only a claim"}),
        "",
        json.dumps({"id": 4, "claim": "c", "text": "t"}),
    ]
    out = list(S.stance_jsonl(lines))
    assert [r["id"] for r in out] == ["a", None, "c", 4]
    assert out[0]["stance"] in S.LABELS and out[3]["stance"] in S.LABELS
    assert "error" in out[1] and "line 2" in out[1]["error"]
    assert "text" in out[2]["error"]


def test_cli_stance(tmp_path):
    from counterclaim.cli import main

    f = tmp_path / "pairs.jsonl"
    f.write_text(json.dumps({"id": "p1", "claim": "The mayor resigned", "text": "The mayor denied he resigned."}) + "\n"
                 + "oops\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["stance", str(f)])
    rows = [json.loads(x) for x in res.output.strip().splitlines()]
    assert rows[0]["id"] == "p1" and rows[0]["stance"] in S.LABELS
    assert "error" in rows[1]
    assert res.exit_code == 1  # some lines failed
