"""Scans done with ``str.find`` or white-space chunks find exactly what the regex they
replace finds (sentence ends, quotation marks, word counts, year digits, unattributed cues)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.extract import attribution, chains, quotes, segment
from provenance.extract import sources_lexicon as lex
from provenance.extract.patterns import char_positions, char_runs

PIECES = st.sampled_from(["Said", "U.S.", "don't", "well-known", "a_b", "é", "2019", "1850",
                          "20", "9", " ", "  ", "\n", ".", "...", "!?", "…", ",", "''", "'",
                          "\"", "“", "”", "‘", "’", "«", "»", "„", "—", "–", "-", "%", "(",
                          "x"])
TEXTS = st.lists(PIECES, max_size=40).map("".join)


@st.composite
def text_and_range(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(TEXTS)
    start = draw(st.integers(0, len(text)))
    return text, start, draw(st.integers(start, len(text)))


@settings(max_examples=400, deadline=None)
@given(text_and_range())
def test_char_runs_are_what_a_character_class_finds(case: tuple[str, int, int]) -> None:
    text, s, e = case
    chars = segment._SENT_END_CHARS
    runs = re.compile("[" + re.escape(chars) + "]+")
    assert char_runs(text, chars, s, e) == [m.span() for m in runs.finditer(text, s, e)]
    one = re.compile("[" + re.escape(chars) + "]")
    assert char_positions(text, chars, s, e) == [m.start() for m in one.finditer(text, s, e)]


@settings(max_examples=400, deadline=None)
@given(text_and_range())
def test_quote_marks_are_what_the_mark_regex_finds(case: tuple[str, int, int]) -> None:
    text, s, e = case
    assert quotes._mark_spans(text, s, e) == [m.span() for m in quotes._MARK.finditer(text, s, e)]


def test_a_doubled_apostrophe_is_one_mark_taken_left_to_right() -> None:
    assert quotes._mark_spans("'''", 0, 3) == [(0, 2), (2, 3)]
    assert quotes._mark_spans("''''", 0, 4) == [(0, 2), (2, 4)]
    assert quotes._mark_spans("a''", 0, 2) == [(1, 2)]  # the range cuts the pair


def _regex_count(text: str, s: int, e: int) -> int:
    return min(len(quotes._WORD.findall(text, s, e)), quotes._WORD_CAP)


@settings(max_examples=400, deadline=None)
@given(text_and_range())
def test_word_count_is_the_regex_count_up_to_the_cap(case: tuple[str, int, int]) -> None:
    text, s, e = case
    assert quotes._count_words(text, s, e) == _regex_count(text, s, e)


def test_word_count_past_the_window_counts_it_all() -> None:
    long_words = " ".join(["x" * 60] * 12)  # 12 words, fewer than the cap in the window
    assert quotes._count_words(long_words, 0, len(long_words)) == quotes._WORD_CAP
    few = "x" * 500 + " y"
    assert quotes._count_words(few, 0, len(few)) == 2
    assert quotes._count_words("U.S. officials didn't say", 0, 25) == 6
    assert all(re.match(r"\w", c) is None for c in quotes._EDGE_MARKS)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_year_digits_hold_every_year_the_setting_names(text: str) -> None:
    starts = chains._year_digits(text)
    assert starts == sorted(starts)
    for m in chains.YEAR_SETTING.finditer(text):
        assert m.start(2) in starts
    for p in starts:
        assert text[p:p + 2] in chains._CENTURIES and text[p + 2:p + 4].isdecimal()


CUE_PIECES = st.sampled_from(["is ", "are ", "was ", "were ", "said to", "believed to",
                              "thought to", "reportedly", "allegedly", " ", "x", "s", "."])


@settings(max_examples=400, deadline=None)
@given(st.lists(CUE_PIECES, max_size=30).map("".join))
def test_cue_spans_are_every_occurrence_of_every_cue(text: str) -> None:
    expected = sorted((m.start(), m.start() + len(cue)) for cue in lex.UNATTRIBUTED_CUES
                      for m in re.finditer(f"(?={re.escape(cue)})", text))
    assert attribution._cue_spans(text) == expected


def test_cue_spans_find_overlapping_and_leading_cues() -> None:
    text = "was said to is said to reportedly"
    assert attribution._cue_spans(text) == [(0, 11), (12, 22), (23, 33)]
    assert attribution._cue_spans("s said to") == []  # "is said to" needs its whole lead
