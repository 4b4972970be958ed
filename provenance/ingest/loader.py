"""Find the articles behind a list of paths (files, directories, ``-`` for stdin)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from provenance.errors import InputError
from provenance.ingest.text import document_from_text
from provenance.models import Document

ARTICLE_SUFFIXES = (".txt",)


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Each path, with directories walked recursively for article files, sorted."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES:
                    yield str(f)
        else:
            yield p


def read_path(p: str) -> list[Document]:
    """The documents in one file (or stdin); raises :class:`InputError` when it holds none."""
    if p == "-":
        raw = sys.stdin.buffer.read()
        name = "-"
    else:
        path = Path(p)
        if not path.exists():
            raise InputError(p, "no such file or directory")
        raw = path.read_bytes()
        name = path.name
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(p, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    if not text.strip():
        raise InputError(p, "empty file")
    return [document_from_text(text, id=name, path=None if p == "-" else p)]


def iter_documents(paths: Iterable[str]) -> Iterator[Document | InputError]:
    """Every document under ``paths``; a bad file yields its error and the rest go on."""
    for p in expand_paths(paths):
        try:
            yield from read_path(p)
        except InputError as exc:
            yield exc
