"""The models the stages build by the thousand, made without an interpreted frame.

``Span.of``, ``Source.of`` and ``Chain.of`` in :mod:`provenance.models` are the public way
to build these; they are classmethods of pure-Python (pydantic) classes, so each call
from a compiled stage enters the interpreter. These functions build the same validated
models from compiled code (``setup.py`` compiles this module with the stages).
"""

from __future__ import annotations

from provenance.modelkit import validated
from provenance.models import Chain, Source, Span


def span_of(text: str, start: int, end: int) -> Span:
    """``Span.of(text, start, end)``: the span of ``text[start:end]``, validated."""
    return validated(Span, {"start": start, "end": end, "text": text[start:end]})


def source_of(name: str, kind: str = "unknown", mention: Span | None = None) -> Source:
    """``Source.of(name, kind, mention)``, validated."""
    return validated(Source, {"name": name, "kind": kind, "mention": mention})


def chain_of(hops: list[list[Source]]) -> Chain:
    """``Chain.of(hops)``, validated."""
    return validated(Chain, {"hops": hops})
