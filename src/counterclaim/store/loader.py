"""Ingest articles into a store: read (``counterclaim.ingest.load``), analyse
(``counterclaim.pipeline.analyze_many``), write (:meth:`Store.add`, one transaction per document).

A document that cannot be read, analysed or written is reported and counted, and
the run goes on (trafilatura's "some failed" vs "all failed" exit codes)::

    >>> from counterclaim.store import open_store
    >>> from counterclaim.store.loader import ingest_paths
    >>> with open_store("counterclaim.db") as store:
    ...     report = ingest_paths(store, ["articles/"])
    >>> report.summary()
    '12 documents: 12 added or changed, 0 unchanged, 0 failed'
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Optional

from counterclaim.store import Store

__all__ = ["IngestReport", "ingest_paths", "ingest_items"]

log = logging.getLogger(__name__)

#: Exit codes shared with the rest of the CLI (see ``counterclaim.cli``).
EXIT_OK, EXIT_SOME_FAILED, EXIT_ALL_FAILED = 0, 1, 2


@dataclass
class IngestReport:
    """What an ingest run did: counts, failures (id, message) and time."""

    added: int = 0
    unchanged: int = 0
    failed: int = 0
    words: int = 0
    seconds: float = 0.0
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.added + self.unchanged + self.failed

    @property
    def exit_code(self) -> int:
        """0 all ok, 1 some failed, 2 all failed (or nothing to ingest)."""
        if self.failed == 0 and self.total:
            return EXIT_OK
        return EXIT_ALL_FAILED if self.failed == self.total else EXIT_SOME_FAILED

    def summary(self) -> str:
        rate = f" in {self.seconds:.1f}s ({self.total / self.seconds:.2f} docs/s)" if self.seconds > 0 else ""
        return (f"{self.total} documents: {self.added} added or changed, {self.unchanged} unchanged, "
                f"{self.failed} failed{rate}")

    def to_dict(self) -> dict[str, Any]:
        return {"added": self.added, "unchanged": self.unchanged, "failed": self.failed, "total": self.total,
                "words": self.words, "seconds": round(self.seconds, 3),
                "errors": [{"id": i, "error": e} for i, e in self.errors]}


def ingest_items(
    store: Store,
    items: Iterable[Any],
    *,
    analyzer: Optional[Callable[..., Iterator[Any]]] = None,
    on_done: Optional[Callable[[str, Optional[str]], None]] = None,
    **analyze_options: Any,
) -> IngestReport:
    """Analyse ``items`` (Documents, or ingest errors passed through) and add each analysis to ``store``.

    ``analyzer`` defaults to :func:`counterclaim.pipeline.analyze_many` (it yields
    ``BatchItem``s with ``.analysis`` or ``.error``); ``analyze_options`` go to it
    (``n_process``, ``batch_size``, ``nlp``). ``on_done(id, error_or_None)`` is called
    after each document (progress bars, error messages).
    """
    if analyzer is None:
        from counterclaim.pipeline import analyze_many as analyzer
    report = IngestReport()
    t0 = time.perf_counter()
    for item in analyzer(items, **analyze_options):
        error = item.error
        if error is None and item.analysis is not None:
            try:
                if store.add(item.analysis):
                    report.added += 1
                else:
                    report.unchanged += 1
                report.words += len(item.analysis.document.text.split())
            except Exception as exc:  # a document that cannot be written is reported; the run goes on
                log.warning("cannot store %s: %s", item.id, exc)
                error = f"{type(exc).__name__}: {exc}"
        elif error is None:
            error = "no analysis and no error (analyzer bug)"
        if error is not None:
            report.failed += 1
            report.errors.append((item.id or "?", error))
        if on_done is not None:
            on_done(item.id, error)
    report.seconds = time.perf_counter() - t0
    return report


def ingest_paths(
    store: Store,
    paths: Iterable[Any],
    *,
    published: Optional[str] = None,
    max_chars: Optional[int] = None,
    on_done: Optional[Callable[[str, Optional[str]], None]] = None,
    analyzer: Optional[Callable[..., Iterator[Any]]] = None,
    **analyze_options: Any,
) -> IngestReport:
    """Read files/directories/JSONL (``counterclaim.ingest.load``), analyse and store them.

    A path that does not exist raises :class:`~counterclaim.errors.IngestError` before
    anything is read; a bad document inside is reported in the returned report, and so
    is a document longer than ``max_chars`` (error E009) when it is given.
    """
    from counterclaim import ingest
    from counterclaim.errors import IngestError
    from counterclaim.model import Document

    def checked(items: Iterable[Any]) -> Iterator[Any]:
        for item in items:
            if max_chars is not None and isinstance(item, Document) and len(item.text) > max_chars:
                item = IngestError("E009", id=item.id, path=item.id, chars=len(item.text), max_chars=max_chars)
            yield item

    items = checked(ingest.load(list(paths), published=published))
    return ingest_items(store, items, analyzer=analyzer, on_done=on_done, **analyze_options)
