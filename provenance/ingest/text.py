"""Plain-text articles, with an optional header block of metadata.

A header block is a run of ``Key: value`` lines at the very top (``Title``,
``Outlet``, ``Published``, ``URL``, ``ID``) ended by a blank line. The
document text keeps the header; ``regions`` point at the title value and the
body so that offsets stay true to the file. Page furniture (see
:mod:`provenance.ingest.furniture`) is cut out of the regions and recorded in
``Document.furniture``.
"""

from __future__ import annotations

import re

from provenance.ingest.furniture import Furniture, content_minus, find_furniture
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


def with_furniture_stripped(doc: Document) -> tuple[Document, list[Furniture]]:
    """``doc`` with page furniture cut out of its content regions, and what was cut.

    When furniture is all there is, ``regions`` becomes ``[(0, 0)]``: no content.
    """
    base = doc.content_regions()
    found = find_furniture(doc.text, base)
    if not found:
        return doc, []
    regions = content_minus(doc.text, base, found) or [(0, 0)]
    update = {"regions": regions, "furniture": [(f.start, f.end) for f in found]}
    return doc.model_copy(update=update), found


def has_content(doc: Document) -> bool:
    """Whether any content region holds more than white space."""
    return any(doc.text[s:e].strip() for s, e in doc.content_regions())


def parse_text(text: str, id: str = "-", path: str | None = None,
               strip: bool = True) -> tuple[Document, list[Furniture]]:
    """Like :func:`document_from_text`, also returning the furniture that was cut."""
    if text.startswith("\ufeff"):
        text = text[1:]
    fields, body_start = _parse_header(text)
    meta = {k: text[s:e] or None for k, (s, e) in fields.items()}
    regions: list[tuple[int, int]] = []
    if fields:
        if "title" in fields:
            regions.append(fields["title"])
        regions.append((body_start, len(text)))
    doc = Document(
        id=id,
        text=text,
        title=meta.get("title"),
        outlet=meta.get("outlet"),
        published=meta.get("published"),
        url=meta.get("url"),
        path=path,
        regions=regions,
    )
    return with_furniture_stripped(doc) if strip else (doc, [])


def document_from_text(text: str, id: str = "-", path: str | None = None,
                       strip: bool = True) -> Document:
    """A document from article text, reading a leading header block as metadata.

    With ``strip`` (the default) page furniture is left out of ``regions``.
    """
    return parse_text(text, id=id, path=path, strip=strip)[0]
