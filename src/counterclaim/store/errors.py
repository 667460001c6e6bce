"""Errors of the store; each message says what went wrong and how to fix it."""

from __future__ import annotations

__all__ = ["StoreError", "DocumentNotFound"]


class StoreError(Exception):
    """The store cannot do what was asked (bad URL, missing database, schema too old...)."""


class DocumentNotFound(StoreError, KeyError):
    """No document with that id in the store."""

    def __init__(self, doc_id: str, where: str = "the store") -> None:
        self.doc_id = doc_id
        super().__init__(
            f"no document {doc_id!r} in {where}; list the ids with `counterclaim statements --db ...` "
            "or GET /api/documents"
        )

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])
