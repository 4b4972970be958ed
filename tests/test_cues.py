"""The prefiltered cue searches find exactly what their regexes find."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.extract.cues import (
    DESCRIBE_RE,
    NAMING_RE,
    describing_in,
    naming_before,
)
from provenance.extract.patterns import first_chars

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# every verb form the two patterns name, in a clause before a short quote
PHRASES = [
    "He called the mine ", "She calls this sum ", "they dubbed him ", "critics labelled it ",
    "was branded a ", "described them as ", "characterised the move as ",
    "denounced the plan as ", "dismissed it as ", "named the ship ", "termed it ",
    "he spoke of ", "she speaks of ", "speaking of ", "talked of ", "referred to it as ",
    "He said ", "a play called ", "coined the term ", "called for ",
]


def _windows() -> list[tuple[str, int, int]]:
    out = []
    for text in [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]:
        for i, c in enumerate(text):
            if c in "\"“«„" or i % 20 == 0:  # before each opening mark, and anywhere
                out.append((text, max(0, i - 80), i))
    out += [(p, 0, len(p)) for p in PHRASES]
    return out


@pytest.mark.parametrize(("fast", "regex"), [(naming_before, NAMING_RE),
                                              (describing_in, DESCRIBE_RE)])
def test_prefiltered_search_equals_the_regex(fast, regex) -> None:  # type: ignore[no-untyped-def]
    windows = _windows()
    assert len(windows) > 500
    found = 0
    for text, lo, hi in windows:
        want = regex.search(text, lo, hi)
        got = fast(text, lo, hi)
        assert (got and got.span()) == (want and want.span()), text[lo:hi]
        found += want is not None
    assert found >= 5  # the phrases exercise the patterns, not only the stem check


def test_first_chars_admits_every_word_and_rejects_others() -> None:
    import re

    lead = re.compile(first_chars(["said", "told", "according to"]))
    assert [bool(lead.match(w)) for w in ("said", "told", "according", "claimed")] \
        == [True, True, True, False]
