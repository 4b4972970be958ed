"""The stages' model builders: the same models the validator builds, its errors for bad values."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from provenance.extract.build import chain_of, empty_chain, source_of, span_of
from provenance.models import Chain, Source, Span


def test_builders_equal_validated_models() -> None:
    text = "Police said 12 were killed."
    span = span_of(text, 0, 6)
    assert span == Span(start=0, end=6, text="Police")
    src = source_of("Police", "body", span)
    assert src == Source(name="Police", kind="body", mention=span)
    assert hash(src) == hash(Source(name="Police", kind="body", mention=span))
    hops = [[src]]
    chain = chain_of(hops)
    assert chain == Chain(hops=[[src]])
    hops[0].append(src)  # the chain owns copies of the hop lists, as the validator's does
    assert len(chain.hops[0]) == 1
    assert empty_chain() == Chain() and empty_chain() is not empty_chain()
    assert span.model_dump() == {"start": 0, "end": 6, "text": "Police"}


def test_builders_refuse_what_the_validator_refuses() -> None:
    with pytest.raises(ValidationError):
        span_of("abc", -1, 2)
    with pytest.raises(ValidationError):
        source_of("X", "planet")
    with pytest.raises(ValidationError):
        chain_of([["not a source"]])  # type: ignore[list-item]


def test_extracted_models_set_every_field() -> None:
    """``built`` takes every field from its caller (no defaults are filled in): each
    model the stages make from the seeds holds all of its class's fields."""
    from pathlib import Path

    from pydantic import BaseModel

    from provenance.ingest.text import document_from_text
    from provenance.pipeline import extract_document

    def walk(m: object) -> list[BaseModel]:
        if isinstance(m, BaseModel):
            return [m, *(x for v in m.__dict__.values() for x in walk(v))]
        if isinstance(m, list):
            return [x for v in m for x in walk(v)]
        return []

    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    seen: set[str] = set()
    for path in seeds:
        ex = extract_document(document_from_text(path.read_text(encoding="utf-8"), id=path.stem))
        for m in walk(ex):
            assert list(m.__dict__) == list(type(m).model_fields), type(m).__name__
            seen.add(type(m).__name__)
    assert {"Quote", "Claim", "Span", "Source", "Chain"} <= seen
