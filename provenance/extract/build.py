"""The models the stages build by the thousand, made without an interpreted frame.

``Span.of``, ``Source.of`` and ``Chain.of`` in :mod:`provenance.models` are the public way
to build these; they are classmethods of pure-Python (pydantic) classes, so each call
from a compiled stage enters the interpreter. These functions build the same validated
models from compiled code (``setup.py`` compiles this module with the stages).
"""

from __future__ import annotations

from typing import Final, get_args

from provenance.modelkit import built, validated
from provenance.models import Chain, Source, SourceKind, Span

_SOURCE_KINDS: Final = frozenset(get_args(SourceKind))


def span_of(text: str, start: int, end: int) -> Span:
    """``Span.of(text, start, end)``: the span of ``text[start:end]``.

    Checked here (the arguments' types are declared, so only the bounds are left to
    check) rather than by the model's validator, which costs half as much again; values
    the validator would refuse still go to it, for its error."""
    values = {"start": start, "end": end, "text": text[start:end]}
    return built(Span, values) if start >= 0 and end >= 0 else validated(Span, values)


def source_of(name: str, kind: str = "unknown", mention: Span | None = None) -> Source:
    """``Source.of(name, kind, mention)``, checked as :func:`span_of` is: a ``kind`` the
    validator would refuse goes to it, for its error."""
    values = {"name": name, "kind": kind, "mention": mention}
    return built(Source, values) if kind in _SOURCE_KINDS else validated(Source, values)


def chain_of(hops: list[list[Source]]) -> Chain:
    """``Chain.of(hops)``, checked as :func:`span_of` is: hops of anything but sources go
    to the validator. The hop lists are copied, as the validator copies them."""
    for hop in hops:
        for s in hop:
            if type(s) is not Source:
                return validated(Chain, {"hops": hops})
    return built(Chain, {"hops": [list(hop) for hop in hops]})


def empty_chain() -> Chain:
    """``Chain()``: a chain of no hops."""
    return built(Chain, {"hops": []})
