"""The training recipes' own learning code (run without ../shared: synthetic data only)."""

import importlib.util
from pathlib import Path

import numpy as np
import pytest

scipy_sparse = pytest.importorskip("scipy.sparse")

RECIPE = Path(__file__).resolve().parent.parent / "training" / "statements.py"


@pytest.fixture(scope="module")
def recipe():
    spec = importlib.util.spec_from_file_location("cc_training_statements", RECIPE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _ranking_problem(n_groups=300, k=6, seed=0):
    """Groups of k candidates; feature 0 is higher for the gold one (with noise), feature 1 is a
    per-group constant that a ranker must ignore, feature 2 is noise."""
    rng = np.random.default_rng(seed)
    rows, y, group = [], [], []
    for g in range(n_groups):
        gold = rng.integers(k)
        shift = rng.normal() * 3
        for j in range(k):
            rows.append([(1.5 if j == gold else 0.0) + rng.normal() * 0.5, shift, rng.normal()])
            y.append(int(j == gold))
            group.append(g)
    return scipy_sparse.csr_matrix(np.array(rows)), np.array(y), np.array(group)


def _top1(scores, y, group):
    hits = 0
    for g in np.unique(group):
        ix = np.flatnonzero(group == g)
        hits += int(y[ix[np.argmax(scores[ix])]] == 1)
    return hits / len(np.unique(group))


def test_listwise_ranker_puts_gold_first(recipe):
    A, y, group = _ranking_problem()
    w, b = recipe._listwise_fit(A, y, group, C=1.0)
    assert b == 0.0
    assert w[0] > 1.0  # the informative feature carries the ranking
    assert abs(w[0]) > 5 * abs(w[2])
    A2, y2, g2 = _ranking_problem(seed=1)  # held-out groups
    assert _top1(A2 @ w, y2, g2) > 0.9


def test_listwise_regularisation_shrinks_weights(recipe):
    A, y, group = _ranking_problem()
    strong, _ = recipe._listwise_fit(A, y, group, C=0.01)
    weak, _ = recipe._listwise_fit(A, y, group, C=10.0)
    assert np.linalg.norm(strong) < np.linalg.norm(weak)


def test_listwise_needs_grouped_instances(recipe):
    A, y, group = _ranking_problem(n_groups=3)
    with pytest.raises(ValueError, match="grouped"):
        recipe._listwise_fit(A, y, group[::-1].copy(), C=1.0)
