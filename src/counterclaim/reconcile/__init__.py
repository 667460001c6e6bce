"""Reconciling what sources say (issue 6).

- :mod:`~counterclaim.reconcile.rebuttals`: ``link_rebuttals`` — which statement a denial answers.
- :mod:`~counterclaim.reconcile.disputes`: ``find_disputes`` — positions of different sides on one question.
- :mod:`~counterclaim.reconcile.cross`: ``cross_article_disputes`` — the same, across articles.
- :mod:`~counterclaim.reconcile.stance`: ``predict_stance`` / ``predict_stances`` — agree, disagree,
  discuss or unrelated, for a claim and a text (numpy model in ``data/stance_model.*``).

Claims themselves are extracted in :mod:`counterclaim.extract.claims`.
"""

from __future__ import annotations

from typing import Any

__all__ = ["link_rebuttals", "find_disputes", "cross_article_disputes", "predict_stance", "predict_stances"]

_HOME = {
    "link_rebuttals": "rebuttals",
    "find_disputes": "disputes",
    "cross_article_disputes": "cross",
    "predict_stance": "stance",
    "predict_stances": "stance",
}


def __getattr__(name: str) -> Any:  # lazy: importing the package loads no model
    if name in _HOME:
        from importlib import import_module

        return getattr(import_module(f"counterclaim.reconcile.{_HOME[name]}"), name)
    raise AttributeError(f"module 'counterclaim.reconcile' has no attribute {name!r}")
