"""Build extractions from hand-located spans and run the chain stage on them (test helper)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from provenance.evaluation.matching import chains_equal
from provenance.extract import chains, metadata
from provenance.ingest.text import document_from_text
from provenance.models import Claim, Extraction, Quote, Span


def build(text: str, claims: Sequence[tuple[str, str, int]] = (),
          quotes: Sequence[tuple[str, str | None]] = ()) -> Extraction:
    """An extraction of ``text`` with claims given as (figure, event, occurrence) and quotes."""
    doc = document_from_text(text, id="t.txt")
    qs = []
    for qt, speaker in quotes:
        s = text.index(qt)
        qs.append(Quote(span=Span.of(text, s, s + len(qt)), speaker=speaker))
    cs = []
    for fig, ev, nth in claims:
        s = -1
        for _ in range(nth + 1):
            s = text.index(fig, s + 1)
        v: float | None
        try:
            v = float(fig.replace(",", ""))
        except ValueError:
            v = None
        fspan = Span.of(text, s, s + len(fig))
        cs.append(Claim(sentence=fspan, figure=fspan, value=v, low=24 if v is None else None,
                        event=ev))  # type: ignore[arg-type]
    ex = Extraction(document=doc, quotes=qs, claims=cs)
    return chains.run(metadata.run(ex))


def names(ex: Extraction, kind: str = "claims") -> list[list[str | list[str]]]:
    items = ex.claims if kind == "claims" else ex.quotes
    return [it.sources.names() for it in items]


def same(pred: list[str | list[str]], gold: list[Any]) -> bool:
    return chains_equal(gold, pred)
