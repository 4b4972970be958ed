"""HTML pages: main text and metadata via trafilatura, offline.

``Document.text`` is the main text trafilatura extracts (boilerplate, comments
and navigation already dropped), preceded by the page title on its own line
when the main text does not already start with it, so that the headline counts
as content. Metadata: title, date (``published``), site name (``outlet``) and
canonical URL (``url``). Nothing is fetched: trafilatura only parses the string.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from provenance.errors import InputError
from provenance.ingest.furniture import Furniture
from provenance.ingest.text import has_content, with_furniture_stripped
from provenance.models import Document

MIN_WORDS = 12  # fewer words of main text than this is a navigation or error page
MAX_TAGS = 100_000  # a news page has a few thousand; parsing cost grows with the count
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset=[\"']?([A-Za-z0-9_-]{1,40})", re.I)
_HTML_SNIFF = re.compile(r"<(?:!doctype html|html|head|body|article|div|p|meta|title)\b", re.I)


def declared_charset(raw: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag near its top, if any."""
    m = _META_CHARSET.search(raw[:4096])
    return m.group(1).decode("ascii") if m else None


def looks_like_html(text: str) -> bool:
    """Whether ``text`` (the start of an input) is markup rather than prose."""
    head = text[:2048].lstrip()
    return head.startswith("<") and bool(_HTML_SNIFF.search(head))


def _extract(html: str) -> dict[str, Any] | None:
    import trafilatura  # heavy; loaded only when an HTML page is read

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False,
        )
    if result is None:
        return None
    return result if isinstance(result, dict) else result.as_dict()


def parse_html(html: str, id: str = "-", path: str | None = None,
               name: str | None = None) -> tuple[Document, list[Furniture]]:
    """A document from an HTML page, and the furniture cut from its main text.

    Raises :class:`InputError` when the page is malformed beyond parsing or holds
    no article (a navigation-only or error page).
    """
    where = name or path or id
    if "\x00" in html:
        raise InputError(where, "binary data, not HTML", kind="binary")
    if html.count("<") > MAX_TAGS:
        raise InputError(where, f"HTML has more than {MAX_TAGS:,} tags; not a news page",
                         kind="too-large")
    try:
        data = _extract(html)
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise InputError(where, f"malformed HTML ({type(exc).__name__})",
                         kind="malformed") from None
    body = ((data or {}).get("text") or "").strip()
    if len(body.split()) < MIN_WORDS:
        raise InputError(where, "no article text found (navigation or empty page)",
                         kind="not-an-article")
    assert data is not None
    title = _clean(data.get("title"))
    text = body
    regions: list[tuple[int, int]] = []
    if title and body.split("\n", 1)[0].strip() != title:
        text = f"{title}\n{body}"
    date = data.get("date")
    doc = Document(
        id=id,
        text=text,
        title=title,
        outlet=_clean(data.get("sitename")),
        published=date if isinstance(date, str) and _DATE.fullmatch(date) else None,
        url=_clean(data.get("url")),
        path=path,
        regions=regions,
    )
    doc, furniture = with_furniture_stripped(doc)
    if not has_content(doc):
        raise InputError(where, "no article text found (only page furniture)",
                         kind="not-an-article")
    return doc, furniture


def document_from_html(html: str, id: str = "-", path: str | None = None) -> Document:
    """A document from an HTML page (see :func:`parse_html`)."""
    return parse_html(html, id=id, path=path)[0]


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
