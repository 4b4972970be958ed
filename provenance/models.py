"""Data models shared by every stage of the pipeline.

Every span carries character offsets into ``Document.text`` and the invariant
``doc.text[span.start:span.end] == span.text`` holds for everything extracted.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from provenance.modelkit import replaced, trusted, validated

__all__ = ["replaced", "trusted", "validated"]  # re-exported: the model toolkit

Qualifier = Literal[
    "exact", "at_least", "more_than", "approximately", "up_to", "fewer_than", "range", "vague"
]
Event = Literal[
    "killed",
    "wounded",
    "injured",
    "arrested",
    "detained",
    "attackers",
    "troops",
    "deaths",
    "hospitalized",
    "other",
]
SourceKind = Literal["person", "body", "outlet", "unknown"]


class Span(BaseModel):
    """A half-open character range ``[start, end)`` of a document and the text it covers."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text[start:end]``, validated (see :func:`validated`)."""
        return validated(cls, {"start": start, "end": end, "text": text[start:end]})


class Document(BaseModel):
    """One article: its text and what is known about where it came from.

    ``regions`` are the ranges of ``text`` that carry article content (title and
    body); everything outside them is header block or page furniture. An empty
    list means the whole text is content.
    """

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    url: str | None = None
    path: str | None = None
    regions: list[tuple[int, int]] = Field(default_factory=list)
    furniture: list[tuple[int, int]] = Field(default_factory=list)

    def content_regions(self) -> list[tuple[int, int]]:
        """The content ranges, or the whole text when none were recorded."""
        return self.regions or [(0, len(self.text))]

    def span(self, start: int, end: int) -> Span:
        """A span of this document's text."""
        return Span.of(self.text, start, end)


class Source(BaseModel):
    """A person, body or outlet that said or relayed something."""

    model_config = ConfigDict(frozen=True)

    name: str
    kind: SourceKind = "unknown"
    mention: Span | None = None

    @classmethod
    def of(cls, name: str, kind: str = "unknown", mention: Span | None = None) -> Source:
        """``Source(name=..., kind=..., mention=...)``, validated (see :func:`validated`)."""
        return validated(cls, {"name": name, "kind": kind, "mention": mention})


class Chain(BaseModel):
    """An attribution chain: hops from the origin towards the publishing outlet.

    Each hop is a list of sources; more than one source in a hop means parallel
    intermediaries ("quoted by the TASS and AFP agencies").
    """

    hops: list[list[Source]] = Field(default_factory=list)

    @classmethod
    def of(cls, hops: list[list[Source]]) -> Chain:
        """``Chain(hops=hops)``, validated (see :func:`validated`)."""
        return validated(cls, {"hops": hops})

    def names(self) -> list[str | list[str]]:
        """The chain in the gold format: a name per hop, a list for parallel hops."""
        out: list[str | list[str]] = []
        for hop in self.hops:
            names = [s.name for s in hop]
            out.append(names[0] if len(names) == 1 else names)
        return out

    def __len__(self) -> int:
        return len(self.hops)


class Quote(BaseModel):
    """A direct quote: the quoted words and who the article says said them."""

    span: Span
    speaker: str | None = None
    speaker_role: str | None = None
    speaker_mention: Span | None = None
    cue: Span | None = None
    sources: Chain = Field(default_factory=Chain)

    @property
    def text(self) -> str:
        return self.span.text


class Claim(BaseModel):
    """A numeric claim: a figure, what it counts, and where it came from."""

    sentence: Span
    figure: Span
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier = "exact"
    what: str | None = None
    event: Event = "other"
    place: str | None = None
    as_of: str | None = None
    sources: Chain = Field(default_factory=Chain)


class Extraction(BaseModel):
    """Everything extracted from one document."""

    document: Document
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    extractor: str = ""
