"""who-said, conflicts, secondhand and chain over a hand-built corpus."""

from __future__ import annotations

import pytest
from _corpus_data import article_a, article_b, corpus

from provenance.corpus import ingest_extraction
from provenance.errors import NotFoundError
from provenance.ingest.text import document_from_text
from provenance.models import Chain, Extraction, Quote, Source
from provenance.query import chain, conflict_rows, conflicts, secondhand, tree_rows, who_said
from provenance.store import Store, open_store


@pytest.fixture()
def store(db: str) -> Store:
    s = open_store(db)
    for ex in corpus():
        ingest_extraction(s, ex)
    return s


def _undated_repeat() -> Extraction:
    text = ("Title: Overnight\n\nThe spokeswoman said: \"Dozens of attackers have been eliminated "
            "and are being identified.\" Channel Seven carried the remarks.\n")
    doc = document_from_text(text, id="undated.txt")
    start = doc.text.index("Dozens of attackers")
    end = doc.text.index(".\"", start)
    return Extraction(document=doc, extractor="t", quotes=[Quote(
        span=doc.span(start, end), speaker="Dana Ospanova",
        sources=Chain(hops=[[Source(name="Channel Seven", kind="outlet")]]))])


def test_who_said_gives_speaker_chain_first_and_appearances(store: Store) -> None:
    res = who_said(store, "dozens of attackers have been eliminated")
    assert res["speaker"] == "Dana Ospanova"
    assert res["chain"] == ["Dana Ospanova", ["Channel Seven", "Interfax"]]
    assert res["first"]["outlet"] == "Steppe Daily" and res["first"]["date"] == "2022-01-06"
    outlets = [a["outlet"] for a in res["appearances"]]
    assert outlets == ["Steppe Daily", "Northern Herald"]  # translation variant linked


def test_undated_appearance_is_listed_apart_never_first(db: str) -> None:
    s = open_store(db)
    ingest_extraction(s, _undated_repeat())  # stored first: lowest id
    ingest_extraction(s, article_b())
    ingest_extraction(s, article_a())
    res = who_said(s, "Dozens of attackers have been eliminated and are being identified")
    assert res["first"]["date"] == "2022-01-06"
    assert [a["article"] for a in res["undated"]] == ["undated.txt"]
    assert all(a["date"] for a in res["appearances"])


def test_who_said_without_match_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError):
        who_said(store, "zebra quantum marmalade")


def test_conflicts_group_shows_both_figures_with_sources(store: Store) -> None:
    groups = conflicts(store, "killed")
    assert len(groups) == 1
    g = groups[0]
    assert (g["event"], g["subject"]) == ("killed", "security")
    values = [(f["value"], f["qualifier"], f["outlet"]) for f in g["figures"]]
    assert (12, "exact", "Steppe Daily") in values
    assert (18, "at_least", "Northern Herald") in values
    eighteen = next(f for f in g["figures"] if f["value"] == 18)
    assert eighteen["chain"] == ["Karaganda health department"]
    assert eighteen["interval"] == [18, None] and eighteen["date"] == "2022-01-07"
    assert len(g["conflicts"]) == 2
    rows = conflict_rows(groups)
    assert {r["group"] for r in rows} == {1} and len(rows) == 3


def test_conflicts_event_filter(store: Store) -> None:
    assert conflicts(store, "arrested") == []
    assert conflicts(store, "deaths")  # deaths and killed are one event kind


def test_secondhand_findings(store: Store) -> None:
    found = secondhand(store)
    no_origin = [f for f in found if f["finding"] == "no-origin"]
    assert {f["figure"] for f in no_origin} == {"40", "Some 300"}
    single = [f for f in found if f["finding"] == "single-intermediary"]
    assert single and all(f["intermediary"] == ["Channel Seven"] for f in single)
    claim = next(f for f in single if f["kind"] == "claim")
    assert claim["outlets"] == ["Steppe Daily", "Wire Digest"]
    assert len(secondhand(store, limit=1)) == 1


def test_chain_tree_branches_on_parallel_hops(store: Store) -> None:
    quote = next(store.iter_statements("quote"))
    res = chain(store, quote.id)
    tree = res["tree"]
    assert tree["name"] == "Dana Ospanova" and tree["role"] == "origin"
    assert [c["name"] for c in tree["children"]] == ["Channel Seven", "Interfax"]
    outlet = tree["children"][0]["children"][0]
    assert outlet["role"] == "outlet" and outlet["name"] == "Steppe Daily"
    assert outlet["children"][0]["role"] == "article"
    names = [r["name"].strip() for r in tree_rows(tree)]
    assert names[:3] == ["Dana Ospanova", "Channel Seven", "Steppe Daily"]


def test_chain_without_origin_says_so(store: Store) -> None:
    st = next(s for s in store.iter_statements("claim") if s.origin is None)
    assert chain(store, st.id)["tree"]["name"] == "(origin not named)"


def test_chain_missing_id(store: Store) -> None:
    with pytest.raises(NotFoundError):
        chain(store, 9999)


def _toll(doc_id: str, published: str, figure: str, value: int) -> Extraction:
    from provenance.models import Claim

    text = (f"Title: Quake toll rises\nOutlet: Valley Post\nPublished: {published}\n\n"
            f"The Mendoza earthquake killed {figure} people, Mendoza civil defence said.\n")
    doc = document_from_text(text, id=doc_id)
    start = doc.text.index(figure, doc.regions[-1][0])
    sent_start = doc.text.index("The Mendoza")
    return Extraction(document=doc, extractor="t", claims=[Claim(
        sentence=doc.span(sent_start, doc.text.index("\n", sent_start)),
        figure=doc.span(start, start + len(figure)), value=value, qualifier="exact",
        what="people", event="killed",
        sources=Chain(hops=[[Source(name="Mendoza civil defence", kind="body")]]))])


def test_later_larger_toll_from_same_origin_is_shown_as_update(db: str) -> None:
    s = open_store(db)
    ingest_extraction(s, _toll("late.txt", "2023-02-09", "164", 164))
    ingest_extraction(s, _toll("early.txt", "2023-02-07", "44", 44))
    groups = conflicts(s)
    assert len(groups) == 1 and groups[0]["conflicts"] == []
    (upd,) = groups[0]["updates"]
    assert upd["dates"] == ["2023-02-07", "2023-02-09"]
    earlier = s.statement(upd["earlier"])
    assert earlier.value == 44


def test_old_versions_are_left_out_of_queries(db: str) -> None:
    s = open_store(db)
    for ex in corpus():
        ingest_extraction(s, ex)
    b = article_b()
    fixed = b.document.model_copy(update={"text": b.document.text + "\nUpdated at 10:00.\n"})
    ingest_extraction(s, Extraction(document=fixed, extractor="t", quotes=b.quotes, claims=[]))
    assert conflicts(s) == []  # the new version no longer gives 18
    assert s.stats()["versions"] == 4
