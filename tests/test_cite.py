"""Footnotes: origin, intermediaries in order, and the citing article, in four styles."""

from __future__ import annotations

import pytest
from _corpus_data import corpus

from provenance.cite import STYLES, footnote
from provenance.corpus import ingest_extraction
from provenance.errors import NotFoundError
from provenance.store import Store, open_store


@pytest.fixture()
def store(db: str) -> Store:
    s = open_store(db)
    for ex in corpus():
        ingest_extraction(s, ex)
    return s


def _quote_id(store: Store) -> int:
    return next(store.iter_statements("quote")).id


@pytest.mark.parametrize("style", STYLES)
def test_footnote_names_origin_intermediaries_and_article(store: Store, style: str) -> None:
    res = footnote(store, str(_quote_id(store)), style)
    note = res["footnote"]
    assert res["origin"] == "Dana Ospanova"
    assert res["intermediaries"] == ["Channel Seven and Interfax"]
    assert note.index("Dana Ospanova") < note.index("Channel Seven") < note.index("Interfax")
    assert "Steppe Daily" in note
    assert "2022" in note
    assert ("https://steppe.example/karaganda-unrest" in note) or style == "ap"


def test_chicago_wording(store: Store) -> None:
    claim = next(s for s in store.iter_statements("claim") if s.value == 12)
    note = footnote(store, str(claim.id), "chicago")["footnote"]
    assert note.startswith("Defence Ministry, via Channel Seven, cited in “Twelve security")
    assert "January 6, 2022" in note


def test_footnote_by_text(store: Store) -> None:
    res = footnote(store, "at least 18 policemen were killed", "markdown")
    assert res["origin"] == "Karaganda health department"
    assert res["footnote"].startswith("**Karaganda health department** → [At least 18")


def test_undated_article_without_url(store: Store) -> None:
    st = next(s for s in store.iter_statements("claim")
              if s.article and s.article.doc_id == "c.txt" and s.origin)
    note = footnote(store, str(st.id), "apa")["footnote"]
    assert "n.d." in note and "Wire Digest" in note


def test_unknown_reference(store: Store) -> None:
    with pytest.raises(NotFoundError):
        footnote(store, "424242")
    with pytest.raises(NotFoundError):
        footnote(store, "   ")
    with pytest.raises(ValueError):
        footnote(store, "1", "mla")
