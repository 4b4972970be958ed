"""The cap on links per new statement: copies of one statement are linked to their
cluster's representative and a few recent copies, not to every copy, and the queries
still see every copy."""

from __future__ import annotations

import random

import networkx as nx
from _corpus_data import _chain, _claim

from provenance.corpus import ingest_extraction
from provenance.ingest.text import document_from_text
from provenance.link import MAX_RECENT_SAME_AS
from provenance.models import Extraction, Quote
from provenance.query import conflicts, same_as_closure, secondhand, who_said
from provenance.store import Store, open_store

QUOTE = "We will rebuild every school in the valley before the winter comes"


def _copy(i: int, day: int, figure: str = "26", origin: str = "Riverton fire service",
          quote: bool = True) -> Extraction:
    """Article ``i`` repeating the mayor's quote (and a death toll) on 2023-03-``day``."""
    text = (f"Title: Riverton flood update {i}\nOutlet: Valley Wire {i}\n"
            f"Published: 2023-03-{day:02d}\n\n"
            f"\"{QUOTE},\" Mayor Maria Lopez said in Riverton, according to Delta Radio.\n\n"
            f"{figure} people were killed in the flood, the {origin} said.\n")
    doc = document_from_text(text, id=f"copy-{i:03d}.txt")
    start = doc.text.index(QUOTE)
    quotes = [Quote(span=doc.span(start, start + len(QUOTE)), speaker="Maria Lopez",
                    sources=_chain("Delta Radio", origin_kind="outlet"))] if quote else []
    claims = [_claim(doc, figure, float(figure), "exact", "people", "killed", _chain(origin))]
    return Extraction(document=doc, extractor="test", quotes=quotes, claims=claims)


def _same_as(store: Store) -> list[tuple[int, int]]:
    return [(lk.a, lk.b) for lk in store.links("same-as")]


def _quote_ids(store: Store) -> list[int]:
    return [st.id for st in store.iter_statements("quote")]


def test_copies_of_a_quote_get_linear_links_one_cluster_and_a_representative(
        db: str) -> None:
    n = 40
    with open_store(db) as store:
        for i in range(n):
            ingest_extraction(store, _copy(i, 1 + i % 28))
        quotes = _quote_ids(store)
        assert len(quotes) == n
        pairs = [p for p in _same_as(store) if p[0] in quotes]
        # every pair would be n(n-1)/2 = 780 links
        assert len(pairs) <= (MAX_RECENT_SAME_AS + 1) * n
        g: nx.Graph[int] = nx.Graph(pairs)
        assert nx.number_connected_components(g) == 1 and set(g.nodes) == set(quotes)
        first = min(quotes)  # each copy is linked to the cluster's earliest member
        assert all(g.has_edge(first, q) for q in quotes if q != first)
        assert store.same_as_roots(quotes) == {q: first for q in quotes}
        assert same_as_closure(store, [max(quotes)]) == set(quotes)


def test_who_said_lists_every_copy_and_the_earliest_first(db: str) -> None:
    n = 30
    order = list(range(n))
    random.Random(3).shuffle(order)  # the earliest article is not the first stored
    assert order[0] != 0
    with open_store(db) as store:
        for i in order:
            ingest_extraction(store, _copy(i, 1 + i % 28, quote=True))
        assert len(_same_as(store)) < n * (n - 1) // 2
        res = who_said(store, QUOTE)
        assert res["speaker"] == "Maria Lopez"
        assert res["first"]["article"] == "copy-000.txt"
        assert res["first"]["date"] == "2023-03-01"
        assert len(res["appearances"]) == n
        assert not res["undated"]
        single = [f for f in secondhand(store) if f["finding"] == "single-intermediary"
                  and f["kind"] == "quote"]
        assert len(single) == 1 and len(single[0]["ids"]) == n


def test_conflict_found_between_two_figures_with_many_copies(db: str) -> None:
    # story terms count only while in at most 10 articles (link.STORY_MIN_DF): 5 + 5 copies
    n = 10
    with open_store(db) as store:
        for i in range(n):
            fig, origin = ("26", "Riverton fire service") if i % 2 else ("30", "Red Cross")
            ingest_extraction(store, _copy(i, 1 + i, figure=fig, origin=origin, quote=False))
        bad = store.links("conflicts-with")
        # linked to every copy of the other figure: 25 conflict links; one per figure cluster
        assert 0 < len(bad) < n
        groups = conflicts(store, "killed")
        assert len(groups) == 1
        values = sorted(f["value"] for f in groups[0]["figures"])
        assert values == [26] * 5 + [30] * 5
        assert groups[0]["conflicts"]


def test_few_matches_are_all_linked(db: str) -> None:
    n = MAX_RECENT_SAME_AS + 2  # the last copy matches MAX_RECENT_SAME_AS + 1 earlier ones
    with open_store(db) as store:
        for i in range(n):
            ingest_extraction(store, _copy(i, 1 + i, quote=True))
        quotes = _quote_ids(store)
        pairs = {p for p in _same_as(store) if p[0] in quotes}
        assert len(pairs) == n * (n - 1) // 2
