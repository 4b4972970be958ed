"""Find the articles behind a list of paths (files, directories, ``-`` for stdin).

Formats by suffix: ``.txt``, ``.html``/``.htm``, ``.json``, ``.jsonl``; stdin and
files with other suffixes are sniffed (JSON / JSON Lines / HTML / text).
Directories are walked recursively for those suffixes only. Files above
``max_bytes`` (default :data:`DEFAULT_MAX_BYTES`) are refused unread. Every
failure is an :class:`~provenance.errors.InputError` *yielded* in the file's
place, so one bad file never stops the rest.

``notes``, when given, receives one line per decision worth reporting: the
encoding of each file and the furniture stripped (``provenance extract --verbose``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from provenance.errors import InputError
from provenance.ingest.encoding import decode
from provenance.ingest.furniture import Furniture
from provenance.ingest.html import declared_charset, looks_like_html, parse_html
from provenance.ingest.jsonl import Parsed, iter_json, iter_jsonl, sniff_json
from provenance.ingest.text import has_content, parse_text
from provenance.models import Document

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
Notes = Callable[[str], None]


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Each path, with directories walked recursively for article files, sorted."""
    for item in _expand(paths):
        if isinstance(item, str):
            yield item


def _expand(paths: Iterable[str]) -> Iterator[str | InputError]:
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        try:
            is_dir = path.is_dir()
        except OSError:
            is_dir = False
        if not is_dir:
            yield p
            continue
        try:
            found = sorted(f for f in path.rglob("*")
                           if f.suffix.lower() in ARTICLE_SUFFIXES and f.is_file())
        except OSError as exc:
            yield InputError(p, f"cannot walk directory ({exc.strerror or exc})",
                             kind="unreadable")
            continue
        yield from (str(f) for f in found)


def _read_bytes(p: str, max_bytes: int) -> bytes:
    if p == "-":
        try:
            raw = sys.stdin.buffer.read(max_bytes + 1)
        except (AttributeError, OSError, ValueError) as exc:  # closed or missing stdin
            raise InputError("-", f"cannot read stdin ({exc})", kind="unreadable") from None
        if len(raw) > max_bytes:
            raise InputError("-", f"stdin is larger than the {_mb(max_bytes)} limit "
                             "(raise it with --max-bytes)", kind="too-large")
        return raw
    path = Path(p)
    try:
        if not path.exists():
            raise InputError(p, "no such file or directory", kind="missing")
        size = path.stat().st_size if path.is_file() else 0  # pipes: read to the limit
        if size > max_bytes:
            raise InputError(p, f"file is {_mb(size)}, above the {_mb(max_bytes)} limit "
                             "(raise it with --max-bytes)", kind="too-large")
        with path.open("rb") as fh:
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(p, f"cannot read ({exc.strerror or exc})", kind="unreadable") from None
    if len(raw) > max_bytes:  # grew while we looked
        raise InputError(p, f"file is above the {_mb(max_bytes)} limit", kind="too-large")
    return raw


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def _format(suffix: str, text: str) -> str:
    if suffix in (".html", ".htm"):
        return "html"
    if suffix in (".json", ".jsonl"):
        return suffix[1:]
    if suffix == ".txt":
        return "text"
    return sniff_json(text) or ("html" if looks_like_html(text) else "text")


def iter_path(p: str, max_bytes: int = DEFAULT_MAX_BYTES,
              notes: Notes | None = None) -> Iterator[Document | InputError]:
    """The documents in one file (or stdin), each bad one as an :class:`InputError`."""
    try:
        raw = _read_bytes(p, max_bytes)
    except InputError as exc:
        yield exc
        return
    name = "-" if p == "-" else Path(p).name
    yield from iter_bytes(raw, name, path=None if p == "-" else p, notes=notes)


def iter_bytes(raw: bytes, name: str, path: str | None = None,
               notes: Notes | None = None) -> Iterator[Document | InputError]:
    """The documents in ``raw``, the content of file ``path`` (``None``: stdin) named ``name``.

    The format follows the suffix of ``name``; without a known one it is sniffed.
    """
    where = path or name
    suffix = Path(name).suffix.lower() if name != "-" else ""
    try:
        html_hint = suffix in (".html", ".htm")
        decoded = decode(raw, where, declared_charset(raw) if html_hint else None)
    except InputError as exc:
        yield exc
        return
    if notes:
        notes(f"{where}: {decoded.describe()}")
    text = decoded.text
    fmt = _format(suffix, text)
    results: Iterable[Parsed]
    if fmt == "html":
        try:
            results = [parse_html(text, id=name, path=path, name=where)]
        except InputError as exc:
            results = [exc]
    elif fmt == "json":
        results = iter_json(text, where, path, id=name)
    elif fmt == "jsonl":
        results = iter_jsonl(text, where, path, id=name)
    else:
        doc, furniture = parse_text(text, id=name, path=path)
        results = [(doc, furniture) if has_content(doc) else InputError(
            where, "no article content (only page furniture)", kind="not-an-article")]
    for item in results:
        if isinstance(item, InputError):
            yield item
            continue
        doc, furniture = item
        if notes and furniture:
            label = where if doc.id == name else f"{where} [{doc.id}]"
            notes(f"{label}: {describe_furniture(furniture)}")
        yield doc


def describe_furniture(furniture: list[Furniture]) -> str:
    """How much furniture of which kinds was stripped from a document, in one line."""
    parts = [f"{f.kind} at {f.start}-{f.end}" for f in furniture]
    total = sum(f.end - f.start for f in furniture)
    return f"stripped {total} chars of furniture ({', '.join(parts)})"


def read_path(p: str, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document]:
    """The documents in one file (or stdin); raises :class:`InputError` when it holds none."""
    docs: list[Document] = []
    first_error: InputError | None = None
    for item in iter_path(p, max_bytes):
        if isinstance(item, InputError):
            first_error = first_error or item
        else:
            docs.append(item)
    if not docs and first_error is not None:
        raise first_error
    return docs


def iter_documents(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES,
                   notes: Notes | None = None) -> Iterator[Document | InputError]:
    """Every document under ``paths``; a bad file yields its error and the rest go on."""
    for p in _expand(paths):
        if isinstance(p, InputError):
            yield p
        else:
            yield from iter_path(p, max_bytes, notes)
