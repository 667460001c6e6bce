"""Half-precision storage of the shipped pipeline's weights (issue 2: at most 40 MB on disk).

The pipeline's weights (the two tok2vec embedding tables, the parser and NER layers, the static vectors) are
written to disk as float16, which halves the package, and widened back to float32 when the pipeline is loaded:
thinc's CPU kernels compute in float32. Rounding a weight to float16 changes it by at most 1 part in 2,048,
which moves a parse or an entity only where two analyses were already tied to that precision;
docs/benchmarks.md ("NLP pipeline") measures it on the held-out sets.

``compact(nlp)`` narrows a loaded pipeline before ``nlp.to_disk`` (``python training/pipeline.py compact``);
``widen(nlp)`` is what :func:`counterclaim.nlp.load_pipeline` runs after ``spacy.load``. A pipeline loaded with
plain ``spacy.load`` must go through ``widen`` before use.
"""
from __future__ import annotations

from typing import Iterator

import numpy

STORAGE_DTYPE = "float16"
META_KEY = "weights_dtype"


def _models(nlp) -> Iterator:
    seen: set[int] = set()
    for _name, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if id(node) in seen:
                continue
            seen.add(id(node))
            yield node


def _cast(nlp, source: str, target: str) -> int:
    """Cast every parameter (and the static vectors) of dtype ``source`` to ``target``; return how many."""
    n = 0
    for node in _models(nlp):
        for name in node.param_names:
            if not node.has_param(name):
                continue
            value = node.get_param(name)
            if getattr(value, "dtype", None) == numpy.dtype(source):
                node.set_param(name, node.ops.asarray(value, dtype=target))
                n += 1
    vectors = nlp.vocab.vectors
    if vectors.shape[0] and vectors.data.dtype == numpy.dtype(source):
        vectors.data = vectors.data.astype(target)
        n += 1
    return n


def compact(nlp) -> int:
    """Narrow the float32 weights of ``nlp`` to float16 for storage and record it in ``nlp.meta``."""
    n = _cast(nlp, "float32", STORAGE_DTYPE)
    nlp.meta.setdefault("counterclaim", {})[META_KEY] = STORAGE_DTYPE
    return n


def widen(nlp) -> int:
    """Widen float16 weights of a loaded pipeline back to float32 (a no-op on a float32 pipeline)."""
    return _cast(nlp, STORAGE_DTYPE, "float32")


def dtypes(nlp) -> set[str]:
    """The dtypes of all parameters and vectors of ``nlp`` (for tests and checks)."""
    out = {str(node.get_param(name).dtype) for node in _models(nlp) for name in node.param_names
           if node.has_param(name)}
    if nlp.vocab.vectors.shape[0]:
        out.add(str(nlp.vocab.vectors.data.dtype))
    return out
