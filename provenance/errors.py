"""One exception per kind of failure. The library raises these; only the CLI prints them."""

from __future__ import annotations

from typing import Any


class ProvenanceError(Exception):
    """Base class: a failure the user can act on, shown as one line."""


class InputError(ProvenanceError):
    """An input that cannot be read as an article (empty, binary, malformed, too large).

    ``kind`` names the failure for summaries: ``missing``, ``unreadable``, ``empty``,
    ``binary``, ``encoding``, ``too-large``, ``malformed``, ``not-an-article``.
    """

    def __init__(self, path: str, reason: str, kind: str = "unreadable") -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.kind = kind

    def __reduce__(self) -> tuple[Any, ...]:
        # picklable across process pools despite the custom constructor
        return (type(self), (self.path, self.reason, self.kind))


class StoreError(ProvenanceError):
    """The database could not be opened, migrated or written."""


class NotFoundError(ProvenanceError):
    """A statement, article or source that the user named does not exist."""
