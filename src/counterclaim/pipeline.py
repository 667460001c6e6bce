"""``analyze(document)`` and the batch runner.

The stages run in a fixed order, each a function from the parsed document (and
the records of earlier stages) to immutable records:

    ingest -> parse -> actors -> time -> statements -> events -> claims -> rebuttals -> disputes

The spaCy ``Doc`` is made here by :func:`counterclaim.nlp.parse` and handed to the
extractors; only records leave :func:`analyze`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Optional, Union

from counterclaim import __version__
from counterclaim.model import Analysis, Document

log = logging.getLogger(__name__)

__all__ = ["analyze", "analyze_parsed", "analyze_many", "BatchItem", "STAGES"]

STAGES = ("actors", "time", "statements", "events", "claims", "rebuttals", "disputes")


def _as_document(text_or_document: Union[str, Document], published: Optional[str]) -> Document:
    from counterclaim import ingest

    if isinstance(text_or_document, Document):
        doc = text_or_document
        if published and not doc.published:
            from dataclasses import replace

            doc = replace(doc, published=ingest.normalise_date(published))
        return doc
    if isinstance(text_or_document, str):
        return ingest.from_text(text_or_document, published=published)
    raise TypeError(
        f"analyze() takes a str or a counterclaim.Document, not {type(text_or_document).__name__}; "
        "for files use counterclaim.ingest.load(path)"
    )


def analyze(text_or_document: Union[str, Document], published: Optional[str] = None, *, nlp: Any = None) -> Analysis:
    """Analyse one article and return its :class:`~counterclaim.model.Analysis`.

    ``published`` (YYYY-MM-DD) anchors relative dates; it overrides nothing the
    document already carries.
    """
    from counterclaim.nlp import parse

    document = _as_document(text_or_document, published)
    return analyze_parsed(document, parse(document, nlp=nlp))


def analyze_parsed(document: Document, doc: Any) -> Analysis:
    """Run the extraction stages on an already parsed document (``doc`` is the spaCy Doc of ``document.text``)."""
    from counterclaim.extract.actors import extract_actors
    from counterclaim.extract.claims import extract_claims
    from counterclaim.extract.events import extract_events
    from counterclaim.extract.speakers import affiliations_from_speakers
    from counterclaim.extract.statements import extract_statements
    from counterclaim.extract.time import extract_timexes
    from counterclaim.reconcile.disputes import find_disputes
    from counterclaim.reconcile.rebuttals import link_rebuttals

    actors = extract_actors(doc, document)
    timexes = extract_timexes(document, doc)
    statements = extract_statements(doc, document, actors)
    actors = affiliations_from_speakers(actors, statements)
    events = extract_events(doc, document, actors, timexes, statements)
    claims = extract_claims(doc, document, statements, events, actors)
    statements = link_rebuttals(document, statements, claims, actors)
    disputes = find_disputes(document, statements, claims, events, actors)
    return Analysis(
        document=document,
        statements=tuple(statements),
        actors=tuple(actors),
        timexes=tuple(timexes),
        events=tuple(events),
        disputes=tuple(disputes),
        claims=tuple(claims),
        version=__version__,
    )


@dataclass(frozen=True)
class BatchItem:
    """One input of a batch: its analysis, or why it could not be analysed."""

    id: str
    analysis: Optional[Analysis] = None
    error: Optional[str] = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        if self.analysis is not None:
            return self.analysis.to_dict()
        return {"document": {"id": self.id}, "error": self.error}


@dataclass
class BatchStats:
    done: int = 0
    failed: int = 0
    words: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


def _analyze_chunk(items: list[Union[Document, Exception]], nlp: Any, batch_size: int) -> list[BatchItem]:
    """Parse and analyse one chunk in this process; every input gives exactly one item, in order."""
    from counterclaim.nlp import parse_many

    docs = [d for d in items if isinstance(d, Document)]
    parsed = iter(parse_many(docs, nlp=nlp, batch_size=batch_size, n_process=1))
    out: list[BatchItem] = []
    for item in items:
        if not isinstance(item, Document):
            out.append(BatchItem(id=str(getattr(item, "id", "") or ""), error=str(item)))
            continue
        t0 = time.perf_counter()
        spacy_doc = next(parsed)
        if isinstance(spacy_doc, Exception):
            out.append(BatchItem(id=item.id, error=str(spacy_doc)))
            continue
        try:
            analysis = analyze_parsed(item, spacy_doc)
        except Exception as exc:  # a batch goes on past a bad document
            log.debug("document %s failed", item.id, exc_info=True)
            out.append(BatchItem(id=item.id, error=f"{type(exc).__name__}: {exc}"))
            continue
        out.append(BatchItem(id=item.id, analysis=analysis, seconds=time.perf_counter() - t0))
    return out


# The pipeline handed to worker processes: set before the pool forks, so workers inherit it.
_WORKER_NLP: Any = None


def _worker_init() -> None:
    global _WORKER_NLP
    if _WORKER_NLP is None:
        from counterclaim.nlp import load_pipeline

        _WORKER_NLP = load_pipeline()


def _worker_run(args: tuple[list[Union[Document, tuple[str, str]]], int]) -> list[BatchItem]:
    items, batch_size = args
    # ingest errors travel as (id, message): exception classes need not pickle
    restored: list[Union[Document, Exception]] = [
        it if isinstance(it, Document) else _InputError(*it) for it in items
    ]
    return _analyze_chunk(restored, _WORKER_NLP, batch_size)


class _InputError(Exception):
    def __init__(self, id: str, message: str):
        super().__init__(message)
        self.id = id


def _chunks(items: Iterable[Union[Document, Exception]], size: int) -> Iterator[list[Union[Document, Exception]]]:
    buffer: list[Union[Document, Exception]] = []
    for item in items:
        buffer.append(item)
        if len(buffer) >= size:
            yield buffer
            buffer = []
    if buffer:
        yield buffer


def analyze_many(
    items: Iterable[Union[Document, Exception]],
    *,
    nlp: Any = None,
    batch_size: int = 32,
    n_process: int = 1,
    stats: Optional[BatchStats] = None,
) -> Iterator[BatchItem]:
    """Analyse a stream of documents in input order; a bad one yields a :class:`BatchItem` with ``error`` and the run goes on.

    ``items`` may contain exceptions (from ingest, e.g. an undecodable JSONL line):
    they pass through as error items, so nothing is lost and the order is kept.
    The exceptions need an ``id`` attribute to be reported under the input's id.

    With ``n_process > 1`` whole chunks of ``batch_size`` documents — parse and every extraction
    stage — run in worker processes (forked, each with the pipeline loaded once); results come back
    in input order.
    """
    stats = stats if stats is not None else BatchStats()

    def account(item: BatchItem) -> BatchItem:
        if item.ok:
            stats.done += 1
            stats.words += len(item.analysis.document.text.split()) if item.analysis else 0
            stats.seconds += item.seconds
        else:
            stats.failed += 1
            stats.errors.append(f"{item.id}: {item.error}")
        return item

    if n_process <= 1:
        for chunk in _chunks(items, batch_size):
            for item in _analyze_chunk(chunk, nlp, batch_size):
                yield account(item)
        return

    import multiprocessing

    global _WORKER_NLP
    _WORKER_NLP = nlp
    context = multiprocessing.get_context("fork")

    def payloads() -> Iterator[tuple[list[Union[Document, tuple[str, str]]], int]]:
        for chunk in _chunks(items, batch_size):
            yield ([d if isinstance(d, Document) else (str(getattr(d, "id", "") or ""), str(d)) for d in chunk],
                   batch_size)

    try:
        with context.Pool(n_process, initializer=_worker_init) as pool:
            for result in pool.imap(_worker_run, payloads(), chunksize=1):
                for item in result:
                    yield account(item)
    finally:
        _WORKER_NLP = None
