"""Amount finding and parsing: digits in every notation, number words, vague amounts."""

from __future__ import annotations

import pytest

from provenance.extract.numbers import (
    Amount,
    find_amounts,
    non_count,
    parse_digits,
    parse_words,
    tail_words,
)


def _amounts(text: str) -> list[tuple[str, str, float | None, float | None]]:
    return [(text[a.start:a.end], a.kind, a.value, a.low) for a in find_amounts(text)]


def _only(text: str) -> Amount:
    found = find_amounts(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("raw", "scale", "value"), [
    ("3,000", None, 3000), ("3 000", None, 3000), ("3\u00a0000", None, 3000),
    ("2.500", None, 2500), ("1,234.5", None, 1234.5), ("1.234,5", None, 1234.5),
    ("1.1", "billion", 1.1e9), ("1.100", "billion", 1.1e9), ("3,5", "million", 3.5e6),
    ("1", "bln", 1e9), ("20", "thousand", 20_000), ("5", "k", 5000), ("12.5", None, 12.5),
])
def test_parse_digits(raw: str, scale: str | None, value: float) -> None:
    assert parse_digits(raw, scale) == value


@pytest.mark.parametrize(("words", "value"), [
    ("twelve", 12), ("twenty thousand", 20_000), ("a thousand", 1000), ("two", 2),
    ("two hundred and fifty-five", 255), ("half a million", 500_000), ("a dozen", 12),
    ("three million", 3e6), ("forty-two", 42),
])
def test_parse_words(words: str, value: float) -> None:
    assert parse_words(words) == value


def test_digits_in_every_notation_are_found_with_their_scale() -> None:
    text = ("About 3,000 fled, 3 000 stayed, 2.500 were held; the deal was worth 1.1 billion "
            "dollars, or $1bln, and fuel costs 28 cents.")
    assert [(t, v) for t, _, v, _ in _amounts(text)] == [
        ("3,000", 3000), ("3 000", 3000), ("2.500", 2500), ("1.1 billion", 1.1e9),
        ("1bln", 1e9), ("28", 28)]


def test_number_words_and_vague_amounts() -> None:
    text = ("Twelve died, twenty thousand marched, a thousand were hurt, dozens were held, "
            "hundreds fled, several were shot and tens of thousands rallied.")
    assert _amounts(text) == [
        ("Twelve", "words", 12, None), ("twenty thousand", "words", 20_000, None),
        ("a thousand", "words", 1000, None), ("dozens", "vague", None, 24),
        ("hundreds", "vague", None, 200), ("several", "vague", None, 3),
        ("tens of thousands", "vague", None, 20_000)]


def test_vague_scaled_amounts_imply_their_lower_bound() -> None:
    assert _only("several hundred people").low == 300
    assert _only("a few thousand people").low == 2000
    assert _only("thousands of people").low == 2000


def test_multiplier() -> None:
    a = _only("after the doubling of fuel prices")
    assert (a.kind, a.value) == ("multiplier", 2)


@pytest.mark.parametrize("text", [
    "The video was posted at https://example.org/2022/01/10/story-123 yesterday.",
    "Write to desk99@example.com today.",
    "Call 555-123-4567 or (555) 123-4567 or 555-1234.",
    "The COVID-19 wave and the MH17 crash.",
    "He finished 21st in the 1990s.",
    "It happened on 10.01.2022 and on 2024-11-22 and on 1/27/16.",
    "Shots were heard at 10:20 and again at 23:00.",
])
def test_tokens_that_are_not_amounts_are_skipped(text: str) -> None:
    assert find_amounts(text) == []


@pytest.mark.parametrize(("text", "figure"), [
    ("Protests began on 2 January in the west.", "2"),
    ("Protests began on January 10 in the west.", "10"),
    ("A 5-year-old boy was hurt.", "5"),
    ("Jassely Lupoe, 5, was killed.", "5"),
    ("Carlos, then 18, was shot.", "18"),
    ("The unrest lasted several days.", "several"),
    ("Two days later the riots spread.", "Two"),
    ("He has ruled for almost 30 years.", "30"),
    ("He finishes the game in less than 5 minutes.", "5"),
    ("See page 5 for details.", "5"),
    ("It happened in the 800 block of Cadillac Drive.", "800"),
    ("The shop at 2810 West Arkansas Road was hit.", "2810"),
    ("In 2019 police arrested him.", "2019"),
    ("He was shot 7 times.", "7"),
    ("The gunman fired 42 shots.", "42"),
    ("A curfew runs from 23 h to dawn.", "23"),
    ("Watch ABC 6 tonight.", "6"),
    ("When he was only 3, his father died.", "3"),
    ("They stopped at kilometre 20 km from the border.", "20"),
    ("It was about the two Slavic peoples.", "two"),
    ("No one was hurt.", "one"),
])
def test_non_counts(text: str, figure: str) -> None:
    amount = next(a for a in find_amounts(text) if text[a.start:a.end] == figure)
    assert non_count(text, amount) is not None


@pytest.mark.parametrize(("text", "figure"), [
    ("Approximately 2000 were arrested.", "2000"),
    ("The toll was 26.", "26"),
    ("In Almaty, 26 people were killed.", "26"),
    ("Two men were arrested.", "Two"),
])
def test_counts_are_not_mistaken_for_dates_or_ages(text: str, figure: str) -> None:
    amount = next(a for a in find_amounts(text) if text[a.start:a.end] == figure)
    assert non_count(text, amount) is None


def test_ranges_keep_both_ends() -> None:
    assert [t for t, *_ in _amounts("Police detained 12-15 protesters.")] == ["12", "15"]


def test_tail_words_strip_quotes_but_keep_commas() -> None:
    text = "Police killed “dozens"
    assert tail_words(text, text.index("dozens")) == ["Police", "killed"]
    text = "they were killed, 26"
    assert tail_words(text, text.index("26"))[-1] == "killed,"


def test_limit_bounds_the_scan() -> None:
    assert len(find_amounts("1 2 3 4 5 6 7 8", limit=3)) == 3
