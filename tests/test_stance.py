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
