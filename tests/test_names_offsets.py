"""Token offsets recovered from token strings, and name runs split at non-name words."""

from __future__ import annotations

import pytest

from provenance.extract.names import _TOKEN, _end_of, _start_of, _tokens, _words
from provenance.extract.speakers import _CAP_RUN, _WORD, _split_run

TEXTS = [
    "said the spokesman, John Smith (D-Wis.), on Monday.",
    "a__b  _c ’s '' — – x_ y_y  ,,, Rep. Gwen Moore",
    "aa aaa a aa, a-a a’a 'a",
    "Kassym-Jomart Tokayev’s spokesman Saltanat Azirbek",
]

QUOTED = "“We won’t,” the ministry’s head said.\t_x_ 3.5-4 s’ s' x"
# chunks the fast paths take ("said,", "(AP") and those they hand to the regex ("U.S.",
# "Jones'" before a word, "a_b", "x²y"), with non-breaking and thin spaces between
MIXED = "(AP) Jones' said, “U.S.” a_b x²y 5½\u00a0said… Smith-\nJones’\u2009rep. s'"


@pytest.mark.parametrize("text", [*TEXTS, MIXED])
def test_words_match_the_token_regex(text: str) -> None:
    for lo in range(len(text) + 1):
        for hi in range(lo, len(text) + 1):
            assert _words(text, lo, hi) == _TOKEN.findall(text, lo, hi)


@pytest.mark.parametrize("text", [*TEXTS, MIXED])
def test_offsets_match_the_tokenizer(text: str) -> None:
    for lo in range(len(text) + 1):
        for hi in range(lo, len(text) + 1):
            toks = _tokens(text, lo, hi)
            assert toks == [(m.start(), m.end(), m[0]) for m in _TOKEN.finditer(text, lo, hi)]
            words = _TOKEN.findall(text, lo, hi)
            assert words == [t[2] for t in toks]
            for k, (s, e, _) in enumerate(toks):
                assert _start_of(text, words, k, len(words) - 1, hi) == s
                assert _end_of(text, words, k, toks[0][0]) == e


def _split_reference(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The original splitting of a run at non-name words, with the word regex."""
    from provenance.extract.cues import NON_NAME_CAPS

    out = []
    s = start
    for w in _WORD.finditer(text, start, end):
        if w.group() in NON_NAME_CAPS:
            if w.start() > s:
                out.append((s, w.start() - 1))
            s = w.end() + 1
    if s < end:
        out.append((s, end))
    return out


@pytest.mark.parametrize("text", [
    "Then John Smith Said Monday That Mary Jones",
    "Monday Tuesday",
    "Anna Berg Monday",
    "Monday Anna",
    "Ólafur Ragnar Grímsson And Jean-Pierre O’Brien",
])
def test_split_run_matches_word_scan(text: str) -> None:
    for m in _CAP_RUN.finditer(text):
        runs: list[tuple[int, int, int]] = []
        _split_run(m.start(), m.group().split(" "), 0, runs)
        assert [(s, e) for s, e, _ in runs] == _split_reference(text, m.start(), m.end())


def _attribution_reference(text: str, start: int, end: int,
                           masks: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """The attribution tokenizer as first written: one match object per token."""
    from provenance.extract.attribution import _TOKEN as ATT_TOKEN
    from provenance.extract.attribution import QUOTE_MARK

    out: list[tuple[str, int, int]] = []
    pos = start
    for ms, me in sorted(masks):
        if me <= pos or ms >= end:
            continue
        out += [(m[0], *m.span()) for m in ATT_TOKEN.finditer(text, pos, max(pos, ms))]
        out.append((QUOTE_MARK, max(ms, start), min(me, end)))
        pos = min(me, end)
    out += [(m[0], *m.span()) for m in ATT_TOKEN.finditer(text, pos, end)]
    return out


@pytest.mark.parametrize("text", [*TEXTS, QUOTED, MIXED])
def test_attribution_tokens_keep_their_offsets(text: str) -> None:
    from provenance.extract.attribution import tokenize

    masks = [(3, 9), (12, 14)]
    for lo in range(len(text) + 1):
        for hi in range(lo, len(text) + 1):
            for m in ([], masks):
                got = [(t.text, t.start, t.end) for t in tokenize(text, lo, hi, m)]
                assert got == _attribution_reference(text, lo, hi, m)
                assert all(text[s:e] == w for w, s, e in got if w != "\x00")
