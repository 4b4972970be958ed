"""provenance: quotes, numeric claims and their attribution chains, linked across articles.

The library API::

    from provenance import extract_text, extract_document
    ex = extract_text(open("article.txt").read(), id="article.txt")
    for q in ex.quotes: print(q.text, q.speaker, q.sources.names())
"""

from __future__ import annotations

__version__ = "0.1.0"

from provenance.models import Chain, Claim, Document, Extraction, Quote, Source, Span
from provenance.pipeline import extract_document, extract_text, extractor_version

__all__ = [
    "Chain",
    "Claim",
    "Document",
    "Extraction",
    "Quote",
    "Source",
    "Span",
    "__version__",
    "extract_document",
    "extract_text",
    "extractor_version",
]
