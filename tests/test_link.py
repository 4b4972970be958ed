"""Linking: intervals, subject classes, scope, same quote, same figure, conflicts, updates."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from _corpus_data import article_a, article_b, article_c, corpus

from provenance.corpus import ingest_extraction
from provenance.ingest.text import document_from_text
from provenance.link import (
    Interval,
    compare_claims,
    compare_quotes,
    interval,
    quote_similarity,
    scope_of,
    statements_of,
    subject_class,
    topic_terms,
)
from provenance.models import Chain, Claim, Extraction, Source
from provenance.pipeline import extract_document
from provenance.store import ArticleRecord, Hop, StatementRecord, open_store


@pytest.mark.parametrize(("qualifier", "value", "low", "high", "want"), [
    ("exact", 12, None, None, Interval(12, 12)),
    ("at_least", 18, None, None, Interval(18, math.inf)),
    ("more_than", 3000, None, None, Interval(3000, math.inf, low_open=True)),
    ("approximately", 2000, None, None, Interval(1800, 2200)),
    ("up_to", 50, None, None, Interval(0, 50)),
    ("fewer_than", 10, None, None, Interval(0, 10, high_open=True)),
    ("vague", None, 24, None, Interval(24, math.inf)),
    ("range", None, 5, 9, Interval(5, 9)),
])
def test_interval_from_value_and_qualifier(qualifier: str, value: float | None,
                                           low: float | None, high: float | None,
                                           want: Interval) -> None:
    got = interval(qualifier, value, low, high)
    assert got is not None
    assert got.low == pytest.approx(want.low) and got.high == pytest.approx(want.high)
    assert (got.low_open, got.high_open) == (want.low_open, want.high_open)


def test_interval_without_number_is_none() -> None:
    assert interval("vague", None) is None


@pytest.mark.parametrize(("a", "b", "overlap"), [
    (Interval(12, 12), Interval(18, math.inf), False),
    (Interval(26, 26), Interval(24, math.inf), True),
    (Interval(10, 10), Interval(10, math.inf, low_open=True), False),
    (Interval(0, 10, high_open=True), Interval(10, 10), False),
    (Interval(1800, 2200), Interval(2100, 2100), True),
])
def test_interval_overlap(a: Interval, b: Interval, overlap: bool) -> None:
    assert a.overlaps(b) is overlap and b.overlaps(a) is overlap


@pytest.mark.parametrize(("what", "cls"), [
    ("members of the security forces", "security"),
    ("policemen", "security"),
    ("law enforcement officers", "security"),
    ("armed criminals", "hostile"),
    ("rioters", "hostile"),
    ("people who attacked official buildings", "hostile"),
    ("civilians", "civilians"),
    ("people", "all"),
    ("people injured by security forces", "all"),
    ("tonnes of grain", None),
    (None, None),
])
def test_subject_class(what: str | None, cls: str | None) -> None:
    assert subject_class(what) == cls


def test_scope_from_place_or_what() -> None:
    assert scope_of(None, "people in Almaty") == "almaty"
    assert scope_of("Almaty", "people") == "almaty"
    assert scope_of(None, "policemen") is None


def test_the_article_s_own_country_narrows_nothing() -> None:
    assert scope_of("Romania", "people", home="romania") is None
    assert scope_of("Moldova", "people", home="romania") == "moldova"
    assert scope_of("Galati", "people", home="romania") == "galati"  # a county, not a country


def _scopes(text: str, published: str | None = None) -> dict[str, str | None]:
    doc = document_from_text(text, id="t")
    if published:
        doc = doc.model_copy(update={"published": published})
    ex = extract_document(doc)
    return {st.figure or "": st.scope for st in statements_of(ex) if st.kind == "claim"}


def test_statement_scopes_set_apart_shares_other_places_and_other_years() -> None:
    text = ("Floods in Romania killed at least 40 people, the Romanian Interior Ministry said. "
            "In Romania, 31 people were injured. Eight of the dead were from one village. "
            "In neighbouring Moldova, the government said two people were killed. "
            "In 2005, floods in Romania killed 76 people.")
    got = _scopes(text, published="2025-10-14")
    assert got["40"] is None and got["31"] is None  # the story's own country
    assert got["Eight"] == "part of all"
    assert got["two"] == "moldova"
    assert got["76"] == "all in 2005"
    assert _scopes("In 2025, floods killed 76 people.", published="2025-10-14")["76"] is None


ART = ArticleRecord(id=1, doc_id="x", key="x", version=1, current=True, content_hash="h",
                    extractor="t", published="2022-01-06")
ART2 = ArticleRecord(id=2, doc_id="y", key="y", version=1, current=True, content_hash="g",
                     extractor="t", published="2022-01-09")


def _claim(sid: int, value: float | None, qualifier: str, what: str, origin: str | None,
           art: ArticleRecord = ART, event: str = "killed", low: float | None = None,
           scope: str | None = None) -> StatementRecord:
    return StatementRecord(
        kind="claim", text=f"{value} {what}", start=0, end=1, id=sid, article=art,
        hops=[[Hop(origin, "body")]] if origin else [], origin=origin, value=value,
        qualifier=qualifier, what=what, event=event, event_key="killed", low=low,
        subject=subject_class(what), scope=scope)


def test_exact_12_vs_at_least_18_conflict() -> None:
    lk = compare_claims(_claim(1, 12, "exact", "security officers", "Defence Ministry"),
                        _claim(2, 18, "at_least", "policemen", None, art=ART2))
    assert lk is not None and lk.kind == "conflicts-with"
    assert lk.detail["a"]["interval"] == [12, 12] and lk.detail["b"]["interval"] == [18, None]
    assert lk.detail["a"]["date"] == "2022-01-06"


def test_compatible_figures_do_not_conflict() -> None:
    assert compare_claims(_claim(1, 26, "exact", "armed criminals", "Ministry"),
                          _claim(2, None, "vague", "protesters", None, art=ART2, low=24)) is None


def test_different_subject_or_scope_is_not_compared() -> None:
    assert compare_claims(_claim(1, 12, "exact", "policemen", "A"),
                          _claim(2, 164, "exact", "people", "B", art=ART2)) is None
    assert compare_claims(_claim(1, 12, "exact", "policemen", "A", scope="almaty"),
                          _claim(2, 18, "exact", "policemen", "B", art=ART2)) is None


def test_later_larger_toll_from_same_origin_is_an_update() -> None:
    lk = compare_claims(_claim(5, 164, "exact", "people", "Health Ministry", art=ART2),
                        _claim(3, 44, "exact", "people", "health ministry"))
    assert lk is not None and lk.kind == "updates"
    assert (lk.a, lk.b) == (3, 5)
    assert lk.detail["a"]["date"] < lk.detail["b"]["date"]


def test_later_smaller_figure_from_same_origin_still_conflicts() -> None:
    lk = compare_claims(_claim(5, 40, "exact", "people", "Health Ministry", art=ART2),
                        _claim(3, 44, "exact", "people", "Health Ministry"))
    assert lk is not None and lk.kind == "conflicts-with"


def test_same_value_is_same_figure() -> None:
    lk = compare_claims(_claim(1, 12, "exact", "security officers", "Defence Ministry"),
                        _claim(2, 12, "exact", "members of the security forces", "Defence Ministry",
                               art=ART2))
    assert lk is not None and lk.kind == "same-as"


def _quote(sid: int, text: str, speaker: str | None, art: ArticleRecord = ART) -> StatementRecord:
    from provenance.entities import normalise
    return StatementRecord(kind="quote", text=text, start=0, end=len(text), id=sid, article=art,
                           speaker=speaker, origin=speaker,
                           speaker_key=normalise(speaker) if speaker else None)


def test_translation_variant_is_same_quote() -> None:
    a = _quote(1, "We will not negotiate with the terrorists who attacked our cities", "A. Nurlan")
    b = _quote(2, "We are not going to negotiate with terrorists that attacked our cities",
               "Nurlan", art=ART2)
    assert quote_similarity(a.text, b.text) > 80
    lk = compare_quotes(a, b)
    assert lk is not None and lk.kind == "same-as"


def test_different_speakers_or_numbers_are_not_same_quote() -> None:
    a = _quote(1, "The curfew in the capital will last until 19 January at least", "Nurlan")
    b = _quote(2, "The curfew in the capital will last until 19 January at least", "Petrova",
               art=ART2)
    assert compare_quotes(a, b) is None
    c = _quote(3, "The curfew in the capital will last until 25 January at least", "Nurlan",
               art=ART2)
    assert compare_quotes(a, c) is None


def test_short_label_quotes_need_exact_text_and_speaker() -> None:
    assert compare_quotes(_quote(1, "armed bandits", "X"), _quote(2, "armed bandits", None)) is None
    lk = compare_quotes(_quote(1, "armed bandits", "X"), _quote(2, "Armed bandits", "X", ART2))
    assert lk is not None


def test_ingested_corpus_links(db: str) -> None:
    with open_store(db) as store:
        for ex in corpus():
            ingest_extraction(store, ex)
        kinds = sorted(lk.kind for lk in store.links())
        assert kinds == ["conflicts-with", "conflicts-with", "same-as", "same-as"]
        quotes = [s for s in store.iter_statements("quote")]
        same = store.links("same-as", [quotes[0].id])
        assert {same[0].a, same[0].b} == {q.id for q in quotes}


def test_unrelated_story_is_blocked_out(db: str) -> None:
    text = ("Title: Harbour strike in Valparaiso\nOutlet: Coast News\nPublished: 2022-01-07\n\n"
            "At least 30 policemen were killed in Valparaiso clashes, Chilean officials said.\n")
    doc = document_from_text(text, id="v.txt")
    start = doc.text.index("At least 30", doc.regions[-1][0])
    fig = doc.span(start, start + len("At least 30"))
    sent_end = doc.text.index("\n", start)
    claim = Claim(sentence=doc.span(start, sent_end), figure=fig, value=30, qualifier="at_least",
                  what="policemen", event="killed",
                  sources=Chain(hops=[[Source(name="Chilean officials", kind="body")]]))
    with open_store(db) as store:
        ingest_extraction(store, article_a())
        ingest_extraction(store, Extraction(document=doc, extractor="t", claims=[claim]))
        assert "valparaiso" in topic_terms(doc)
        assert store.links("conflicts-with") == []
        ingest_extraction(store, article_b())
        ingest_extraction(store, article_c())
        assert len(store.links("conflicts-with")) == 2


def test_equal_vague_figures_alone_are_not_same_figure() -> None:
    a = _claim(1, None, "vague", "protesters", "Interior Ministry", low=24)
    b = _claim(2, None, "vague", "protesters", "Witnesses", art=ART2, low=24)
    assert compare_claims(a, b) is None
    same = _claim(3, None, "vague", "protesters", "interior ministry", art=ART2, low=24)
    lk = compare_claims(a, same)
    assert lk is not None and lk.kind == "same-as"


def test_quote_keys_share_a_pair_for_near_copies() -> None:
    from provenance.link import quote_keys

    a = quote_keys("We will not negotiate with the terrorists who attacked our cities", "a nurlan")
    b = quote_keys("We will not negotiate with terrorists who attacked our cities", None)
    assert "s:nurlan" in a and not any(k.startswith("s:") for k in b)
    assert {k for k in a if k.startswith("p:")} & set(b)
    assert quote_keys("armed bandits", "x") == ["s:x"]


def _ingest_text(tmp_path: Path, text: str) -> list[tuple[str, str | None, str | None]]:
    """Ingest one article; its conflict links as (kind, origin a, origin b)."""
    from provenance.pipeline import extract_text

    with open_store(tmp_path / "own.db") as store:
        ingest_extraction(store, extract_text(text, id="own.txt"))
        by_id = {st.id: st for st in store.iter_statements("claim")}
        return [(lk.kind, by_id[lk.a].origin, by_id[lk.b].origin)
                for lk in store.links("conflicts-with")]


def test_two_named_sources_disagreeing_in_one_article_conflict(tmp_path: Path) -> None:
    text = ("Published: 2024-05-02\n\nThe coast guard said 27 people were killed when the "
            "ferry capsized off Mindoro. Governor Humerlito Dolor said 41 people were killed.\n")
    assert _ingest_text(tmp_path, text) == [
        ("conflicts-with", "coast guard", "Humerlito Dolor")]


def test_one_source_telling_a_toll_grow_is_no_conflict(tmp_path: Path) -> None:
    text = ("Published: 2024-05-02\n\nOn Monday the coast guard said 27 people were killed "
            "when the ferry capsized off Mindoro. On Tuesday the coast guard said 41 people "
            "were killed.\n")
    assert _ingest_text(tmp_path, text) == []
