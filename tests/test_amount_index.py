"""The helpers behind the fast amount scan agree with plain rescans of the text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.extract.numbers import (
    TRIGGERS,
    find_amounts,
    index_text,
    last_char,
    tail_words,
)
from provenance.extract.patterns import trie

_PIECES = st.sampled_from(["one", "Two", "twenty", "tens", "often", "5", "12", "3,000", "a ",
                           "half a ", "dozen", "several", " ", "\n", ",", "-", "(", "“", "x",
                           "é", "İ", "ß", "_", "money", "5million"])


def test_trie_matches_what_the_flat_alternation_matches() -> None:
    words = ["shot", "shot dead", "shot to death", "held", "held at", "dead"]
    flat = re.compile(r"\b(" + "|".join(sorted(words, key=len, reverse=True)) + r")\b")
    tree = re.compile(r"\b(" + trie(words) + r")\b")
    for text in ["shot dead", "shot at", "held at dawn", "dead", "shot to death x", "held"]:
        a, b = flat.search(text), tree.search(text)
        assert (a and a.group(1)) == (b and b.group(1))


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_index_hints_are_digit_runs_and_whole_trigger_words(text: str) -> None:
    index = index_text(text)
    if index is None:
        return
    low = text.lower()
    digits = [m.start() for m in re.finditer(r"[0-9]+", low)]
    words = [m.start() for m in re.finditer(r"[a-z]+", low) if m.group() in TRIGGERS]
    assert index.digits == digits
    assert index.words == words
    assert index.hints == sorted(digits + words)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join), st.data())
def test_holding_amounts_is_may_hold_amounts_and_the_index_changes_nothing(
        text: str, data: st.DataObject) -> None:
    index = index_text(text)
    if index is None:
        return
    spans = []
    for _ in range(5):
        s = data.draw(st.integers(0, len(text)))
        spans.append((0, s, data.draw(st.integers(s, len(text)))))
    assert index.holding_amounts(spans) == [(s, e) for _, s, e in spans
                                            if index.may_hold_amounts(s, e)]
    for _, s, e in spans:
        assert find_amounts(text, s, e, 40, index) == find_amounts(text, s, e, 40)


def test_last_char_is_where_the_last_tail_word_ends() -> None:
    text = 'police killed "26" ( '
    assert last_char(text, len(text)) == "6"
    assert tail_words(text, len(text))[-1].endswith(last_char(text, len(text)))
    assert last_char("  “ ", 4) == ""
