"""Values memoised across articles are atomic (numbers, strings), so the garbage collector
stops tracking them instead of traversing them at every full collection."""

from __future__ import annotations

import gc

from provenance.extract import names, segment

PARAGRAPH = ("Police said 12 people were killed. Dr. Smith arrived at 5 p.m. on Monday. "
             "“It was terrible,” he said! Nobody else spoke.")


def test_cached_sentences_are_one_flat_tuple_of_offsets() -> None:
    flat = segment._sentences_cached(PARAGRAPH, 0, len(PARAGRAPH))
    assert all(type(x) is int for x in flat)
    assert list(zip(flat[::2], flat[1::2], strict=True)) == segment.sentences(
        PARAGRAPH, 0, len(PARAGRAPH))
    assert segment.sentences(PARAGRAPH, 0, len(PARAGRAPH)) == segment._split_sentences(
        PARAGRAPH, 0, len(PARAGRAPH))
    gc.collect()
    assert not gc.is_tracked(flat)


def test_cached_phrase_facts_are_strings() -> None:
    facts = names._phrase_facts("Interior Minister Ruslan Zhaksylykov")
    assert all(x is None or type(x) is str for x in facts)
    gc.collect()
    assert not gc.is_tracked(facts)


def test_analyse_gives_offsets_and_the_phrase_facts() -> None:
    text = "said the spokesman of the ministry, Luca Bernardini, on Monday"
    s, e = text.index("Luca"), text.index(", on")
    m = names.analyse(text, s, e)
    assert (m.start, m.end, m.kind, m.name) == (s, e, "person", "Luca Bernardini")
    whole = names.analyse_phrase("Luca Bernardini")
    assert (whole.start, whole.end, whole.kind, whole.name) == (0, 15, "person",
                                                                "Luca Bernardini")
