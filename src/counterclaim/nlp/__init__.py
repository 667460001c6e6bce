"""counterclaim's English news pipeline: loading (issue 2).

``load_pipeline()`` returns the spaCy pipeline shipped in ``counterclaim/nlp/models/en_counterclaim_news``
(tokenizer tuned for news typography, paragraph-aware sentence starts, tagger, morphologizer, trainable
lemmatizer, UD dependency parser, entity_ruler + NER with labels PERSON, ORG, GPE, LOC, NORP, DATE, TIME,
EVENT). Set ``COUNTERCLAIM_PIPELINE`` to a directory to load another pipeline instead.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path

from . import components  # noqa: F401  (registers "paragraph_sentences")
from . import weights
from .parse import ParseError, parse, parse_many  # noqa: E402
from .spaces import SpaceNormalisingTokenizer
from .tokenizer import keep_name_like_words

#: the parser reads typographic spaces (no-break, thin …) as plain spaces (nlp/spaces.py)
PLAIN_SPACES = True

MODEL_NAME = "en_counterclaim_news"
MODEL_DIR = Path(__file__).resolve().parent / "models" / MODEL_NAME
ENV_VAR = "COUNTERCLAIM_PIPELINE"


class PipelineNotFoundError(RuntimeError):
    pass


def pipeline_path() -> Path:
    override = os.environ.get(ENV_VAR)
    return Path(override).expanduser() if override else MODEL_DIR


@functools.lru_cache(maxsize=4)
def _load(path: str, disable: tuple[str, ...]):
    import spacy

    nlp = spacy.load(path, disable=list(disable))
    keep_name_like_words(nlp.tokenizer)  # nlp/tokenizer.py: "Jony Ive" is no "I've"
    weights.widen(nlp)  # stored as float16 (nlp/weights.py), computed in float32
    if PLAIN_SPACES:
        nlp.tokenizer = SpaceNormalisingTokenizer(nlp.tokenizer)  # nlp/spaces.py
    return nlp


def load_pipeline(disable: tuple[str, ...] | list[str] = ()):
    """Load (once per process) the shipped news pipeline, offline.

    ``disable``: component names to switch off, e.g. ``("trainable_lemmatizer",)`` for speed.
    """
    path = pipeline_path()
    if not (path / "config.cfg").exists():
        where = f"${ENV_VAR}={path}" if os.environ.get(ENV_VAR) else str(path)
        raise PipelineNotFoundError(
            f"counterclaim NLP pipeline not found at {where}. Fix: reinstall counterclaim from a checkout that "
            f"contains src/counterclaim/nlp/models/{MODEL_NAME}/, or rebuild it with "
            f"`python training/pipeline.py all --data <shared data dir> --out build/pipeline` "
            f"(see training/README.md), or point {ENV_VAR} at a pipeline directory."
        )
    return _load(str(path), tuple(disable))


__all__ = ["parse", "parse_many", "ParseError", "load_pipeline", "pipeline_path", "PipelineNotFoundError", "MODEL_DIR", "ENV_VAR"]
