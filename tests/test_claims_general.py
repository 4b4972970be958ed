"""General constructs the seeds did not test: non-casualty counts, currencies, partitives,
toll verbs, European numbers, headline verbs and page furniture.

Every excerpt is written for this file (not taken from any corpus); each test names the
construct it checks.
"""

from __future__ import annotations

from typing import Any

import pytest

from provenance.extract.claims import run
from provenance.models import Claim, Document, Extraction


def claims_of(text: str) -> list[Claim]:
    return run(Extraction(document=Document(id="t", text=text))).claims


def by_figure(text: str) -> dict[str, tuple[Any, Any, Any, str, str]]:
    return {c.figure.text: (c.value, c.low, c.high, c.qualifier, c.event)
            for c in claims_of(text)}


# --- vague amounts of people without a casualty event ------------------------------------

@pytest.mark.parametrize(("text", "figure", "low"), [
    ("Hundreds of mourners assembled outside the cathedral on Friday.", "Hundreds", 200),
    ("Tens of thousands of teachers marched through the capital.", "Tens of thousands", 20_000),
    ("Several hundred villagers and farmers blocked the highway.", "Several hundred", 300),
    ("Thousands of supporters had waited at the airport since dawn.", "Thousands", 2000),
    ("Dozens of families are still sleeping in a sports hall.", "Dozens", 24),
])
def test_large_vague_amount_of_people_is_a_claim(text: str, figure: str, low: float) -> None:
    assert by_figure(text) == {figure: (None, low, None, "vague", "other")}


@pytest.mark.parametrize("text", [
    "Rioters set fire to several official buildings downtown.",
    "Several officials declined to comment.",
    "A few neighbours said they had heard nothing.",
    "Hundreds of buildings lost power overnight.",
])
def test_small_vague_or_non_people_amounts_stay_out(text: str) -> None:
    assert claims_of(text) == []


# --- trapped / missing / unaccounted for / hostages / rescued ----------------------------

@pytest.mark.parametrize(("text", "figure", "value"), [
    ("Crews pulled 52 survivors from the water, leaving 19 unaccounted for.", "19", 19),
    ("Quarry collapse kills 3, 7 still trapped", "7", 7),
    ("Four nurses were reportedly held hostage for most of the night.", "Four", 4),
    ("Twelve climbers were brought down alive on Tuesday.", "Twelve", 12),
    ("The bus was carrying 48 pilgrims and 3 crew when it overturned.", "3", 3),
])
def test_other_person_counts(text: str, figure: str, value: float) -> None:
    found = by_figure(text)
    assert figure in found, found
    assert found[figure][0] == value
    assert found[figure][4] == "other"


# --- money in any currency word; qualifiers across the currency sign ----------------------

@pytest.mark.parametrize(("text", "figure", "value"), [
    ("The council will pay 45,000 rupees to each household.", "45,000", 45_000),
    ("Vendors earn about 900 naira a day.", "900", 900),
    ("The fine was set at 20,000 hryvnias.", "20,000", 20_000),
    ("Each family is to receive two million CFA francs.", "two million", 2e6),
    ("A kilo of rice now costs 14 zlotys.", "14", 14),
    ("The ministry offered 8.000 lei in compensation.", "8.000", 8000),
])
def test_money_in_currency_words(text: str, figure: str, value: float) -> None:
    found = by_figure(text)
    assert figure in found, found
    assert found[figure][0] == value
    assert found[figure][4] == "other"


def test_money_for_the_injured_is_money_not_an_injury_count() -> None:
    found = by_figure("Relatives of the victims get 20.000 leva, and those injured 7.000 leva.")
    assert found["20.000"][4] == "other"
    assert found["7.000"][4] == "other"


def test_qualifier_before_a_currency_sign() -> None:
    found = by_figure("The insurer will pay 40,000 pesos (roughly $2,300) per claim.")
    assert found["2,300"][3] == "approximately"
    found = by_figure("\"The blockade costs exporters up to $80 million a week,\" he said.")
    assert found["80 million"][3] == "up_to"


# --- European thousands -------------------------------------------------------------------

def test_european_thousands_after_a_coordinated_count() -> None:
    found = by_figure("14 people died and more than 3.400 had to abandon their houses.")
    assert found["3.400"][:2] == (3400, None)
    assert found["3.400"][3] == "more_than"


# --- partitives ---------------------------------------------------------------------------

def test_partitive_of_the_dead() -> None:
    found = by_figure("The mayor said that six of the dead were children from one school.")
    assert found["six"][0] == 6
    assert found["six"][4] in ("killed", "deaths")


def test_partitive_of_them_takes_its_whole() -> None:
    found = by_figure("Another 21 people were injured, two of them seriously.")
    assert found["two"][0] == 2
    assert found["two"][4] == "injured"
    found = by_figure("Some 40 workers were rescued, five of them with severe burns.")
    assert found["five"][0] == 5


def test_partitive_among_the_dead() -> None:
    found = by_figure("Eleven students were on the bus, and at least four of them are among "
                      "the dead.")
    assert found["four"][:1] == (4,)
    assert found["four"][3] == "at_least"
    assert found["four"][4] in ("killed", "deaths")


# --- tolls and headline verbs -------------------------------------------------------------

@pytest.mark.parametrize(("text", "figure", "event"), [
    ("Death toll from landslide in the north climbs to 63, officials say", "63", "deaths"),
    ("The number of people killed in the storm has risen to 17, the agency said.", "17",
     "killed"),
    ("Army arrests over 60 after clashes in border town", "60", "arrested"),
    ("Earthquake kills 12, injures dozens in coastal province", "12", "killed"),
])
def test_toll_and_headline_verbs(text: str, figure: str, event: str) -> None:
    found = by_figure(text)
    assert figure in found, found
    assert found[figure][4] == event


def test_range_without_a_noun() -> None:
    found = by_figure("Local groups say the number of dead is between 12 and 15.")
    assert "12 and 15" in found, found
    assert found["12 and 15"][1:4] == (12, 15, "range")


# --- detentions and deployments -----------------------------------------------------------

def test_detained_after_a_relative_clause() -> None:
    found = by_figure("The pilot and three mechanics, who were unhurt, have been detained by "
                      "police.")
    assert found["three"][4] == "detained"


def test_picked_up_is_an_arrest() -> None:
    found = by_figure("\"More than 80 of our activists have been picked up,\" she said.")
    assert found["80"][4] == "arrested"


def test_police_and_soldiers_are_troops() -> None:
    found = by_figure("Around 1,500 police officers and soldiers were deployed to the border.")
    assert found["1,500"][4] == "troops"


# --- page furniture -----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Posted by Maria Keller | March 3, 2024 | 12 Comments",
    "7 comments",
    "5 Responses to \"Floodwaters recede\"",
])
def test_comment_counts_are_not_claims(text: str) -> None:
    assert claims_of(text) == []


# --- the place a sentence opens on ---------------------------------------------------------

@pytest.mark.parametrize(("text", "place"), [
    ("In neighbouring Slovenia, officials said four people drowned.", "Slovenia"),
    ("In Tarnow's old town, rescuers counted 11 dead.", "Tarnow"),
    ("In the province of Lodz, 30 homes were evacuated.", "Lodz"),
    ("Across Upper Silesia, 200 people were evacuated overnight.", "Upper Silesia"),
    ("In March, 12 people were killed in clashes.", None),  # a month, not a place
    ("Police said 5 people were arrested in Gdansk.", "Gdansk"),  # the clause's own place
])
def test_place_from_the_sentence_opening(text: str, place: str | None) -> None:
    assert [c.place for c in claims_of(text)][:1] == [place]


# --- events and counts found on the second blind set (invented excerpts) -------------------

@pytest.mark.parametrize(("text", "figure", "event"), [
    ("At least 14 fishermen drowned off the cape on Sunday.", "14", "deaths"),
    ("Another 31 people were treated for burns at the district hospital.", "31", "injured"),
    ("About 120 protesters are being held at the central jail.", "120", "detained"),
    ("Rescuers recovered the bodies of 9 people from the river.", "9", "deaths"),
    ("Some 400 firefighters were battling the blaze on Monday.", "400", "other"),
])
def test_event_predicates(text: str, figure: str, event: str) -> None:
    assert by_figure(text)[figure][4] == event


def test_a_compared_amount_counts_what_the_first_one_counts() -> None:
    got = {c.figure.text: (c.what, c.event) for c in claims_of(
        "The ministry says 6,400 migrants landed this year, down from about 9,100 a year "
        "earlier.")}
    assert got == {"6,400": ("migrants", "other"), "9,100": ("migrants", "other")}


def test_a_share_of_people_named_before_is_a_claim_but_not_a_share_of_things() -> None:
    assert "Three" in by_figure("Twelve bodies were found. Three of them were children.")
    assert "90" in by_figure("A court official said 90 of those held would be charged.")
    assert "four" not in by_figure("The senator won four of those states in March.")
