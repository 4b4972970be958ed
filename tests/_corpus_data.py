# ruff: noqa: E501
"""Hand-built extractions for the store, link and query tests (no extractor needed).

Three short wire-style articles about one story that disagree on the toll among
security forces, repeat one quote in two translations, and relay one figure
through the same intermediary.
"""

from __future__ import annotations

from provenance.ingest.text import document_from_text
from provenance.models import Chain, Claim, Document, Extraction, Quote, Source, Span

A_TEXT = """Title: Twelve security officers killed in Karaganda unrest
Outlet: Steppe Daily
Published: 2022-01-06
URL: https://steppe.example/karaganda-unrest

Twelve security officers killed in Karaganda unrest

According to the Defence Ministry, 12 security officers were killed in the clashes, Channel Seven reported.

"Dozens of attackers have been eliminated and are being identified," police spokeswoman Dana Ospanova said, quoted by Channel Seven and Interfax.

Karaganda residents said shops stayed closed on Temirtau Avenue.
"""

B_TEXT = """Title: At least 18 policemen dead as Karaganda protests spread
Outlet: Northern Herald
Published: 2022-01-07
URL: https://herald.example/karaganda

At least 18 policemen were killed, the Karaganda health department said.

"Dozens of the attackers were eliminated and they are now being identified," Ospanova told Channel Seven.

In Temirtau, 40 people were detained.
"""

C_TEXT = """Title: Karaganda toll
Outlet: Wire Digest

12 security officers were killed in Karaganda, the Defence Ministry said according to Channel Seven.

Some 300 people were injured.
"""


def _span(doc: Document, text: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(text, start + 1)
    return doc.span(start, start + len(text))


def _sentence_of(doc: Document, figure: Span) -> Span:
    start = doc.text.rfind("\n", 0, figure.start) + 1
    end = doc.text.find("\n", figure.end)
    return doc.span(start, end if end != -1 else len(doc.text))


def _chain(*hops: str | tuple[str, ...], origin_kind: str = "body") -> Chain:
    out: list[list[Source]] = []
    for i, hop in enumerate(hops):
        names = hop if isinstance(hop, tuple) else (hop,)
        kind = origin_kind if i == 0 else "outlet"
        out.append([Source(name=n, kind=kind) for n in names])  # type: ignore[arg-type]
    return Chain(hops=out)


def _claim(doc: Document, figure: str, value: float | None, qualifier: str, what: str,
           event: str, chain: Chain, low: float | None = None, place: str | None = None,
           occurrence: int = 0) -> Claim:
    fig = _span(doc, figure, occurrence)
    return Claim(sentence=_sentence_of(doc, fig), figure=fig, value=value, low=low,
                 qualifier=qualifier, what=what, event=event, place=place,  # type: ignore[arg-type]
                 sources=chain)


def article_a(doc_id: str = "a.txt") -> Extraction:
    doc = document_from_text(A_TEXT, id=doc_id)
    q = _span(doc, "Dozens of attackers have been eliminated and are being identified,")
    q = doc.span(q.start, q.end - 1)
    return Extraction(document=doc, extractor="test", quotes=[
        Quote(span=q, speaker="Dana Ospanova", speaker_role="police spokeswoman",
              sources=_chain(("Channel Seven", "Interfax"), origin_kind="outlet")),
    ], claims=[
        _claim(doc, "12", 12, "exact", "security officers", "killed",
               _chain("Defence Ministry", "Channel Seven"), occurrence=0),
        _claim(doc, "Dozens", None, "vague", "attackers", "killed",
               _chain("Dana Ospanova", ("Channel Seven", "Interfax"), origin_kind="person"),
               low=24),
    ])


def article_b(doc_id: str = "b.txt") -> Extraction:
    doc = document_from_text(B_TEXT, id=doc_id)
    q = _span(doc, "Dozens of the attackers were eliminated and they are now being identified,")
    q = doc.span(q.start, q.end - 1)
    return Extraction(document=doc, extractor="test", quotes=[
        Quote(span=q, speaker="Ospanova", sources=_chain("Channel Seven")),
    ], claims=[
        _claim(doc, "At least 18", 18, "at_least", "policemen", "killed",
               _chain("Karaganda health department"), occurrence=1),
        _claim(doc, "40", 40, "exact", "people in Temirtau", "detained", Chain()),
    ])


def article_c(doc_id: str = "c.txt") -> Extraction:
    doc = document_from_text(C_TEXT, id=doc_id)
    return Extraction(document=doc, extractor="test", claims=[
        _claim(doc, "12", 12, "exact", "security officers", "killed",
               _chain("Defence Ministry", "Channel Seven")),
        _claim(doc, "Some 300", 300, "approximately", "people", "injured", Chain()),
    ])


def corpus() -> list[Extraction]:
    """The three articles, in publication order (the undated one last)."""
    return [article_a(), article_b(), article_c()]


def build_db(path: str) -> None:
    """A store at ``path`` holding the three articles, linked."""
    from provenance.corpus import ingest_extraction
    from provenance.store import open_store

    with open_store(path) as store:
        for ex in corpus():
            ingest_extraction(store, ex)


def wire_article(i: int) -> str:
    """A short plausible wire article, different for every ``i`` (for bulk ingest tests)."""
    return (f"Title: Flood update {i}\nOutlet: Wire {i % 7}\nPublished: 2023-03-{1 + i % 28:02d}\n\n"
            f"At least {10 + i} people were evacuated from Riverside district {i}, the regional "
            f"emergency service said, according to Channel {i % 5}.\n\n"
            f"\"We are moving families to school {i} and the sports hall,\" rescue chief "
            f"Marta Kovac {i} told reporters. About {200 + i} homes were flooded.\n")
