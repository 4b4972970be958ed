"""One exception per kind of failure. The library raises these; only the CLI prints them."""

from __future__ import annotations


class ProvenanceError(Exception):
    """Base class: a failure the user can act on, shown as one line."""


class InputError(ProvenanceError):
    """An input that cannot be read as an article (empty, binary, malformed, too large)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class StoreError(ProvenanceError):
    """The database could not be opened, migrated or written."""


class NotFoundError(ProvenanceError):
    """A statement, article or source that the user named does not exist."""
