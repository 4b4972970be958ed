"""Plain-text articles, with an optional header block of metadata.

A header block is a run of ``Key: value`` lines at the very top (``Title``,
``Outlet``, ``Published``, ``URL``, ``ID``) ended by a blank line. The
document text keeps the header; ``regions`` point at the title value and the
body so that offsets stay true to the file.
"""

from __future__ import annotations

import re

from provenance.models import Document

HEADER_KEYS = {"title": "title", "outlet": "outlet", "published": "published", "url": "url",
               "date": "published", "source": "outlet"}
_HEADER_LINE = re.compile(r"([A-Za-z]{1,20})[ \t]*:[ \t]*([^\n]*)")


def _parse_header(text: str) -> tuple[dict[str, tuple[int, int]], int]:
    """Header fields as value ranges, and where the body starts (0 when there is no header)."""
    fields: dict[str, tuple[int, int]] = {}
    pos = 0
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl == -1 else nl
        line = text[pos:line_end]
        if not line.strip():
            return (fields, line_end + 1 if nl != -1 else line_end) if fields else ({}, 0)
        m = _HEADER_LINE.fullmatch(line.rstrip("\r"))
        if not m or m.group(1).lower() not in HEADER_KEYS:
            return {}, 0
        value_start = pos + m.start(2)
        value_end = pos + m.end(2)
        while value_end > value_start and text[value_end - 1] in " \t\r":
            value_end -= 1
        fields[HEADER_KEYS[m.group(1).lower()]] = (value_start, value_end)
        if nl == -1:
            break
        pos = nl + 1
    return {}, 0


def document_from_text(text: str, id: str = "-", path: str | None = None) -> Document:
    """A document from article text, reading a leading header block as metadata."""
    if text.startswith("\ufeff"):
        text = text[1:]
    fields, body_start = _parse_header(text)
    meta = {k: text[s:e] or None for k, (s, e) in fields.items()}
    regions: list[tuple[int, int]] = []
    if fields:
        if "title" in fields:
            regions.append(fields["title"])
        regions.append((body_start, len(text)))
    return Document(
        id=id,
        text=text,
        title=meta.get("title"),
        outlet=meta.get("outlet"),
        published=meta.get("published"),
        url=meta.get("url"),
        path=path,
        regions=regions,
    )
