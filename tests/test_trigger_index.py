"""The document-level trigger index gives every range the answer a rescan of it gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.extract.attribution import _TRIGGER_WORD, Context, attribute, trigger_index
from provenance.extract.numbers import index_text
from provenance.extract.patterns import WordScan
from provenance.extract.triggers import lowered_hits

TEXT = ("Police said 12 people were killed. The death toll reportedly rose, "
        "according to TASS. Unsaid words stay unsaid; the mayor's aides are said to "
        "disagree. Saidov arrived.")

PIECES = st.sampled_from(["said", "Said", "unsaid", "saidov", "according", "to", "told",
                          "reportedly", "is said to", "are believed to", "ß", "İ", "12",
                          " ", ". ", ", ", "\n", "X", "the ministry"])


def _same(text: str, start: int, end: int) -> None:
    index = trigger_index(text)
    ctx = Context(text=text)
    with_index = attribute(text, start, end, ctx, (), index)
    rescanned = attribute(text, start, end, ctx)
    assert with_index == rescanned


def test_index_finds_triggers_and_cues_inside_ranges() -> None:
    index = trigger_index(TEXT)
    assert index is not None
    first = TEXT.index(".") + 1
    assert index.has_trigger(0, first)  # "said"
    assert not index.has_trigger(TEXT.index("Unsaid"), TEXT.index(";"))  # inside a word
    assert index.unattributed(first, TEXT.index("according"))  # "reportedly"
    assert not index.unattributed(0, first)


def test_index_refuses_ranges_cutting_a_word() -> None:
    index = trigger_index(TEXT)
    assert index is not None
    cut = TEXT.index("Saidov") + 4
    assert not index.decides(TEXT.index("Saidov"), cut)  # "Said|ov": the edge cuts a word
    assert index.decides(0, TEXT.index(".") + 1)


def test_no_index_when_case_folding_shifts_offsets() -> None:
    assert trigger_index("Die Straße sagte, said the mayor.") is None


def test_every_range_of_an_excerpt_reads_the_same() -> None:
    # a range starting inside "Unsaid" reads "said the ministry" (an inverted attribution)
    text = "Unsaid the ministry. Police said 12 died, reportedly. Saidov told TASS."
    for start in range(len(text)):
        for end in range(start, len(text) + 1):
            _same(text, start, end)


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join), st.data())
def test_index_agrees_with_a_rescan_on_any_range(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    _same(text, start, end)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES | st.sampled_from(["_", "2", "é", "'", "saidsaid", "told2"]),
                max_size=30).map("".join))
def test_index_finds_exactly_the_standalone_trigger_words(text: str) -> None:
    index = trigger_index(text)
    if index is None:
        return
    # the reference: every trigger word standing alone (no letter either side)
    expected = [p for m in _TRIGGER_WORD.finditer(index.folded) for p in m.span()]
    assert index.triggers == expected


def test_word_scan_finds_words_at_the_start_and_after_non_letters_only() -> None:
    scan = WordScan(["said", "says"], r"[^\W\d_]", r"[\W\d_]")
    text = "said it; unsaid, 2said says_ saidov (says)"
    assert [text[s:e] for s, e in scan.spans(text)] == ["said", "said", "says", "says"]
    assert [s for s, _ in scan.spans(text)] == [0, 18, 23, 37]


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES | st.sampled_from(["_", "2", "é", "Ä", "'", "saidsaid", "told2", "twelve",
                                          "few", "killed", "gave", "dozens", "ﬁ"]),
                max_size=30).map("".join))
def test_the_shared_scan_gives_both_indexes_their_own_scans(text: str) -> None:
    # one scan for the speech and the number words, each stage keeping its own hits
    lowered = lowered_hits(text)
    assert trigger_index(text, lowered) == trigger_index(text)
    assert index_text(text, lowered) == index_text(text)


def test_the_shared_scan_keeps_letters_beyond_ascii_apart() -> None:
    text = "ésaid, saidé and said2 twelve, 2twelve; Said so"
    index = trigger_index(text, lowered_hits(text))
    assert index is not None
    hits = [text[s:e] for s, e in zip(index.triggers[::2], index.triggers[1::2], strict=True)]
    assert hits == ["said", "Said"]  # of "said2" (a digit is no letter) and "Said"; not "ésaid"
