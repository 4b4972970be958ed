"""The claims stage: figures, qualifiers, subjects, events and scope on real-looking text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.evaluation import gold as gold_eval
from provenance.extract.claims import run, sentence_claims
from provenance.models import Claim, Document, Extraction
from provenance.pipeline import extract_text
from provenance.serialize import extraction_record


def claims_of(text: str) -> list[Claim]:
    return run(Extraction(document=Document(id="t", text=text))).claims


def one(text: str) -> Claim:
    found = claims_of(text)
    assert len(found) == 1, [(c.figure.text, c.event) for c in found]
    return found[0]


def summary(text: str) -> list[tuple[str, Any, Any, str, str | None, str]]:
    return [(c.figure.text, c.value, c.low, c.qualifier, c.what, c.event)
            for c in claims_of(text)]


# --- figures ------------------------------------------------------------------------------

def test_digits_with_separators() -> None:
    assert [c.value for c in claims_of(
        "More than 3,000 people were detained. Some 3 000 protesters were arrested. "
        "About 2.500 demonstrators were detained in the capital.")] == [3000, 3000, 2500]


def test_scaled_money_and_cents() -> None:
    c = one("The government pledged 1.1 billion dollars to rebuild the city.")
    assert (c.value, c.what, c.event) == (1.1e9, "dollars", "other")
    assert one("The company paid $1bln in fines.").value == 1e9
    c = one("A litre of gas now costs 28 cents.")
    assert (c.figure.text, c.value, c.what) == ("28", 28, "cents")


def test_percentages_are_claims() -> None:
    c = one("Fuel prices rose by 12.5% in January.")
    assert (c.value, c.what) == (12.5, "percent")


def test_number_words() -> None:
    assert summary("Twelve soldiers were killed and twenty thousand people fled.")[0][:2] == (
        "Twelve", 12)
    c = one("According to UN agencies, more than a thousand people were injured.")
    assert (c.figure.text, c.value, c.qualifier, c.event) == (
        "a thousand", 1000, "more_than", "injured")
    c = one("Two policemen were wounded in the clashes.")
    assert (c.value, c.what, c.event) == (2, "policemen", "wounded")


@pytest.mark.parametrize(("text", "figure", "low"), [
    ("Dozens of protesters were killed overnight.", "Dozens", 24),
    ("Hundreds were injured in the clashes.", "Hundreds", 200),
    ("Authorities reported several deaths.", "several", 3),
    ("Tens of thousands of troops were deployed.", "Tens of thousands", 20_000),
    ("Thousands were arrested after the riots.", "Thousands", 2000),
])
def test_vague_amounts_have_null_value_and_their_lower_bound(text: str, figure: str,
                                                            low: float) -> None:
    c = one(text)
    assert (c.figure.text, c.value, c.low, c.high, c.qualifier) == (figure, None, low, None,
                                                                   "vague")


def test_doubling_of_a_price() -> None:
    c = one("After the doubling of the price of liquefied gas, residents took to the streets.")
    assert (c.value, c.event, c.qualifier) == (2, "other", "exact")
    assert c.what and "price" in c.what


# --- qualifiers ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "qualifier"), [
    ("At least 40 people were killed.", "at_least"),
    ("More than 300 people were injured.", "more_than"),
    ("Over 300 people were injured.", "more_than"),
    ("Nearly 50 people were arrested.", "approximately"),
    ("Approximately 2,000 were arrested in the city.", "approximately"),
    ("About 70 people were detained.", "approximately"),
    ("Some 300 people were hospitalized.", "approximately"),
    ("Up to 500 soldiers were deployed.", "up_to"),
    ("Fewer than 20 people were wounded.", "fewer_than"),
    ("Exactly 26 gunmen were killed.", "exact"),
])
def test_qualifiers(text: str, qualifier: str) -> None:
    assert one(text).qualifier == qualifier


def test_between_and_dash_ranges() -> None:
    c = one("Between 10 and 15 people were detained on Monday.")
    assert (c.figure.text, c.value, c.low, c.high, c.qualifier) == (
        "10 and 15", None, 10, 15, "range")
    c = one("Police arrested 12-15 protesters.")
    assert (c.low, c.high, c.qualifier, c.event) == (12, 15, "range", "arrested")


def test_trailing_qualifiers_and_money_ranges() -> None:
    text = "Voters making $100,000 or more backed her, while donors gave $200 or less."
    assert [(c.value, c.qualifier) for c in claims_of(text)] == [
        (100_000, "at_least"), (200, "up_to")]
    c = one("Staff were making between $30,000 and $60,000 a year.")
    assert (c.low, c.high, c.qualifier, c.what) == (30_000, 60_000, "range", "money")


def test_bare_years_are_not_counts_but_bare_thousands_are() -> None:
    assert claims_of("The paper obtained his 1995 state income tax filings.") == []
    assert [c.value for c in claims_of("Emissions fell 32 percent below 2005 levels.")] == [32]
    assert one("Approximately 2000 were arrested.").event == "arrested"


def test_a_qualifier_applies_to_its_own_number_only() -> None:
    assert summary("At least 8 people were killed and 317 injured.") == [
        ("8", 8, None, "at_least", "people", "killed"),
        ("317", 317, None, "exact", "people", "injured")]


# --- subject, coordination, events --------------------------------------------------------

def test_elliptical_coordination() -> None:
    text = ("26 “armed criminals” have been killed and 18 wounded, while more than 3,000 "
            "have been arrested, the Interior Ministry said.")
    assert summary(text) == [
        ("26", 26, None, "exact", "armed criminals", "killed"),
        ("18", 18, None, "exact", "armed criminals", "wounded"),
        ("3,000", 3000, None, "more_than", "people", "arrested")]


def test_subject_with_of_phrase_and_inherited_subject() -> None:
    text = ("According to officials, 12 members of the security forces were killed and 353 "
            "were injured.")
    assert summary(text) == [
        ("12", 12, None, "exact", "members of the security forces", "killed"),
        ("353", 353, None, "exact", "members of the security forces", "injured")]


def test_coordinated_subjects_share_the_predicate() -> None:
    text = "Dozens of protesters and at least 18 policemen were killed, and hundreds injured."
    assert summary(text) == [
        ("Dozens", None, 24, "vague", "protesters", "killed"),
        ("18", 18, None, "at_least", "policemen", "killed"),
        ("hundreds", None, 200, "vague", "people", "injured")]


@pytest.mark.parametrize(("text", "event"), [
    ("Police said dozens of rioters have been eliminated.", "killed"),
    ("Officials said 14 people are dead.", "deaths"),
    ("Two men were shot dead near the market.", "killed"),
    ("Police killed “dozens” of protesters on Thursday night.", "killed"),
    ("The blast left 9 dead.", "deaths"),
    ("The attack killed 5 and injured 10.", "killed"),
    ("Three officers were wounded.", "wounded"),
    ("Seven people were hospitalized.", "hospitalized"),
    ("Police arrested 40 people.", "arrested"),
    ("Authorities detained 300 protesters.", "detained"),
    ("The city was attacked by 20,000 “bandits”.", "attackers"),
    ("Moscow sent 3,000 troops to the region.", "troops"),
    ("Authorities reported several deaths.", "deaths"),
    ("At least 12 people died in the fire.", "deaths"),
    ("The death toll rose to 164, the health ministry said.", "deaths"),
    ("Four police officers and a civilian were killed.", "killed"),
    ("Tokayev said 20,000 bandits attacked Almaty.", "attackers"),
])
def test_events(text: str, event: str) -> None:
    assert claims_of(text)[0].event == event


def test_attackers_noun_yields_to_a_predicate() -> None:
    c = one("Dozens of attackers have been eliminated and are being identified.")
    assert (c.what, c.event) == ("attackers", "killed")


def test_a_subset_shares_the_event_of_its_whole() -> None:
    text = "The fighting killed at least 30 people, including 12 children, and injured 80 others."
    assert [(c.value, c.qualifier, c.event) for c in claims_of(text)] == [
        (30, "at_least", "killed"), (12, "exact", "killed"), (80, "exact", "injured")]
    text = "Authorities said 5,800 people, including many foreigners, had been detained."
    assert one(text).event == "detained"


def test_each_clause_keeps_its_event() -> None:
    text = "Police killed 5 attackers and detained 10 others."
    assert [(c.value, c.event) for c in claims_of(text)] == [(5, "killed"), (10, "detained")]


def test_predicate_of_another_subject_is_not_borrowed() -> None:
    # "was killed" agrees with "A man", not with "two handguns"
    c = claims_of("A man wielding two handguns was shot and killed at a store.")
    assert all(x.event == "other" for x in c)
    assert claims_of("Two small children were not hurt.")[0].event == "other"
    assert one("Three journalists were attacked near the square.").event == "other"


def test_place_and_as_of() -> None:
    c = one("As of January 10, 164 people had died in Almaty, officials said.")
    assert (c.value, c.event, c.place, c.as_of) == (164, "deaths", "Almaty", "January 10")
    c = one("Approximately 2,000 were arrested in Almaty.")
    assert c.place == "Almaty"


def test_headline_counts_like_body_text() -> None:
    c = claims_of("Kazakhstan says 26 “armed criminals” have been killed\n\nMore text here.")[0]
    assert (c.value, c.what, c.event) == (26, "armed criminals", "killed")
    assert c.sentence.text == "Kazakhstan says 26 “armed criminals” have been killed"


def test_claim_inside_a_quote() -> None:
    c = one("“There are dozens of people killed and casualties among the forces,” he added.")
    assert (c.low, c.event) == (24, "killed")


# --- not claims ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Protests began on 2 January. Two days later the riots spread.",
    "The curfew is valid from 23:00 in the evening until 07:00 in the morning.",
    "A 5-year-old girl was found at 8:20 a.m. on Jan. 27.",
    "He has ruled for almost 30 years and finished in less than 5 minutes.",
    "The constitutional order was restored after several days of unrest.",
    "Militants attacked several official buildings in the city.",
    "Several Slovak priests and nuns have been working in the country.",
    "See page 12 of the 2019 report, chapter 3.",
    "Kazakhstan has advocated ending hostilities between the two Slavic peoples.",
    "Those forces pursued one goal, the president said.",
    "Visit https://example.org/news/2022/01/07/article-12345 for more.",
    "1 thought on this article",
    "He was shot 3 times and the gunman fired 12 shots.",
    "No one was hurt.",
    "Two cars were shot at on Friday.",
])
def test_not_claims(text: str) -> None:
    assert claims_of(text) == []


def test_only_content_regions_are_read() -> None:
    text = "Body: 5 people were killed.\nAbout the author: 7 people were arrested."
    cut = text.index("\n")
    doc = Document(id="t", text=text, regions=[(0, cut)], furniture=[(cut + 1, len(text))])
    claims = run(Extraction(document=doc)).claims
    assert [c.value for c in claims] == [5]


# --- the seeds ----------------------------------------------------------------------------

def test_seeds_against_gold(seed_paths: list[Path], seed_gold: dict[str, Any]) -> None:
    preds = [extraction_record(extract_text(p.read_text(encoding="utf-8"), id=p.name))
             for p in seed_paths]
    scores = gold_eval.score(seed_gold, preds)
    assert scores["claims"]["f1"] >= 0.92, scores["errors"]
    assert scores["event"]["accuracy"] >= 0.9
    assert scores["qualifier"]["accuracy"] >= 0.9


def test_seed_claims_hold_their_offsets(seed_paths: list[Path]) -> None:
    for p in seed_paths:
        ex = extract_text(p.read_text(encoding="utf-8"), id=p.name)
        for c in ex.claims:
            assert ex.document.text[c.figure.start:c.figure.end] == c.figure.text
            assert ex.document.text[c.sentence.start:c.sentence.end] == c.sentence.text
            assert c.sentence.start <= c.figure.start < c.figure.end <= c.sentence.end
            assert c.sources.hops == [] or ex.extractor  # filled later by the chains stage


# --- properties ---------------------------------------------------------------------------

_PIECES = st.sampled_from([
    "26", "3,000", "3 000", "2.500", "1.1 billion", "$5", "12%", "dozens", "several", "twenty",
    "a thousand", "tens of thousands", "at least", "more than", "between", "and", "-", "to",
    " people", " were killed", " wounded", " arrested", " troops", ",", ".", "“", "”", "\n",
    " in Almaty", " as of January 10", "COVID-19", "10:20", "2022-01-10", " ", "of", "(", ")",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_figures_round_trip_to_their_offsets(text: str) -> None:
    for c in claims_of(text):
        assert text[c.figure.start:c.figure.end] == c.figure.text
        assert text[c.sentence.start:c.sentence.end] == c.sentence.text
        assert c.qualifier in ("exact", "at_least", "more_than", "approximately", "up_to",
                               "fewer_than", "range", "vague")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    for c in claims_of(text):
        assert text[c.figure.start:c.figure.end] == c.figure.text


def test_overlong_sentence_is_read_in_pieces() -> None:
    text = "5 people were killed and " * 400  # one 10,000-character "sentence"
    claims = sentence_claims(text, 0, len(text))
    assert claims and all(len(c.sentence.text) <= 1500 for c in claims)
    assert all(text[c.figure.start:c.figure.end] == c.figure.text for c in claims)
