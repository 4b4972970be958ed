"""The corpus store: articles, statements, chains, sources and links, behind one interface."""

from __future__ import annotations

import os
from pathlib import Path

from provenance.store.base import (
    AddResult,
    ArticleRecord,
    Hop,
    LinkRecord,
    NewStatement,
    StatementRecord,
    Store,
)

DEFAULT_DB = "provenance.db"

__all__ = [
    "AddResult",
    "ArticleRecord",
    "Hop",
    "LinkRecord",
    "NewStatement",
    "StatementRecord",
    "Store",
    "default_db",
    "open_store",
]


def default_db() -> str:
    """``$PROVENANCE_DB``, or ``provenance.db`` in the working directory."""
    return os.environ.get("PROVENANCE_DB") or DEFAULT_DB


def open_store(path: str | Path | None = None, create: bool = True) -> Store:
    """Open (and migrate) the store at ``path``: a ``postgresql://`` URL or a SQLite file;
    with ``create=False`` it must already exist."""
    location = str(path or default_db())
    if location.startswith(("postgresql://", "postgres://")):
        from provenance.store.postgres import PostgresStore

        return PostgresStore(location, create=create)
    from provenance.store.sqlite import SQLiteStore

    return SQLiteStore(location, create=create)
