"""JSON and JSON Lines records: ``text`` plus optional metadata fields.

A ``.json`` file holds one record or a list of records; a ``.jsonl`` file holds
one record per line. ``Document.text`` is the record's ``text`` unchanged, so
offsets are true to it; a header block at its top is read as for ``.txt``, and
the record's fields win over it. A bad record yields an :class:`InputError`
naming it, and the other records go on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from provenance.errors import InputError
from provenance.ingest.furniture import Furniture
from provenance.ingest.text import has_content, parse_text
from provenance.models import Document

FIELDS = ("title", "outlet", "published", "url")
_DATE_PREFIX = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ][^\n]{0,40})?")

Parsed = tuple[Document, list[Furniture]] | InputError


def parse_record(rec: Any, where: str, default_id: str, path: str | None) -> Parsed:
    """One record as a document (and its furniture), or the error that explains why not."""
    if not isinstance(rec, dict):
        return InputError(where, f"record is a JSON {_kind(rec)}, not an object",
                          kind="malformed")
    text = rec.get("text")
    if not isinstance(text, str):
        return InputError(where, "record has no \"text\" string", kind="malformed")
    rid = rec.get("id")
    doc_id = str(rid) if isinstance(rid, str | int) and not isinstance(rid, bool) \
        and str(rid).strip() else default_id
    if "\x00" in text:
        return InputError(where, "record text holds binary data", kind="binary")
    doc, furniture = parse_text(text, id=doc_id, path=path)
    if not text.strip() or not has_content(doc):
        return InputError(where, "record text is empty" if not text.strip()
                          else "record holds only page furniture", kind="empty")
    update: dict[str, Any] = {}
    for key in FIELDS:
        value = rec.get(key)
        if isinstance(value, str) and value.strip():
            update[key] = " ".join(value.split())
    if "published" in update:
        m = _DATE_PREFIX.fullmatch(update["published"])
        update["published"] = m.group(1) if m else None
    return (doc.model_copy(update=update) if update else doc), furniture


def _kind(value: Any) -> str:
    return {list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), "number")


def iter_json(text: str, name: str, path: str | None, id: str | None = None) -> Iterator[Parsed]:
    """The records of a ``.json`` document: one object or a list of objects.

    ``name`` labels errors; a record without an ``id`` is named after ``id``
    (default ``name``): ``a.json`` alone, ``a.json#2`` in a list.
    """
    base = id or name
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        where = f" at line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else ""
        yield InputError(name, f"malformed JSON ({msg}{where})", kind="malformed")
        return
    if isinstance(data, list):
        if not data:
            yield InputError(name, "empty JSON list", kind="empty")
        for i, rec in enumerate(data, 1):
            yield parse_record(rec, f"{name}[{i}]", f"{base}#{i}", path)
    else:
        yield parse_record(data, name, base, path)


def iter_jsonl(text: str, name: str, path: str | None, id: str | None = None) -> Iterator[Parsed]:
    """The records of a JSON Lines document, one per non-blank line (default id ``a.jsonl:3``)."""
    base = id or name
    seen = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        seen = True
        where = f"{name}:{lineno}"
        try:
            rec = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            yield InputError(where, f"malformed JSON line ({msg})", kind="malformed")
            continue
        yield parse_record(rec, where, f"{base}:{lineno}", path)
    if not seen:
        yield InputError(name, "empty file", kind="empty")


def sniff_json(text: str) -> str | None:
    """``"json"`` or ``"jsonl"`` when ``text`` parses as such, else ``None``."""
    head = text.lstrip()
    if not head.startswith(("{", "[")):
        return None
    try:
        json.loads(text)
        return "json"
    except (json.JSONDecodeError, RecursionError):
        pass
    first = head.split("\n", 1)[0]
    try:
        return "jsonl" if isinstance(json.loads(first), dict) else None
    except (json.JSONDecodeError, RecursionError):
        return None
