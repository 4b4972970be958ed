"""Metadata stage: outlet, published date and title read from article text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.entities import same_entity
from provenance.extract import metadata
from provenance.extract.metadata import find_date, split_title
from provenance.ingest.text import document_from_text
from provenance.models import Document, Extraction

ROOT = Path(__file__).resolve().parent.parent


def meta(text: str) -> Document:
    return metadata.run(Extraction(document=document_from_text(text, id="t.txt"))).document


@pytest.mark.parametrize(("line", "iso"), [
    ("date 2023-03-05 All Sections", "2023-03-05"),
    ("Tuesday, 7 March 2023, 18:45", "2023-03-07"),
    ("March 7, 2023", "2023-03-07"),
    ("Published 7th Mar. 2023", "2023-03-07"),
    ("07.03.2023, Kyiv.", "2023-03-07"),
    ("2023/03/07", "2023-03-07"),
    ("25/12/2021", "2021-12-25"),
    ("Wednesday, January 19", None),
    ("05/06/2021", None),  # day or month first? not guessed
    ("31.02.2022", None),  # no such day
    ("at 10:20 on 21 November", None),
])
def test_find_date(line: str, iso: str | None) -> None:
    assert find_date(line) == iso


def test_date_bar_and_byline_date() -> None:
    doc = meta(" date 2023-03-05 Menu\nFloods sweep the south after record rain\n\n"
               "JANE DOEMonday, 6 March 2023, 09:10\nThe rain began on 1 March.")
    assert doc.published == "2023-03-05"
    assert doc.title == "Floods sweep the south after record rain"


def test_dateline_opening_the_body() -> None:
    doc = meta("Miners strike over pay\n\n14.02.2021, Karaganda. Thousands of miners stopped work "
               "on Sunday to demand higher pay and better safety, union leaders said.")
    assert doc.published == "2021-02-14"


def test_a_date_deep_in_the_body_is_not_the_publication_date() -> None:
    body = " ".join(["The talks went on."] * 10)
    doc = meta(f"Talks resume\n\n{body} The treaty was signed on 5 May 1995 in Minsk "
               "after long and difficult negotiations between the parties involved.")
    assert doc.published is None


def test_weekday_date_bar_without_year_is_not_a_date_and_not_the_title() -> None:
    doc = meta("Monday, March 6\n\nRiot police clear the main square\n\nPolice moved in at dawn.")
    assert doc.published is None
    assert doc.title == "Riot police clear the main square"


def test_title_suffix_names_the_outlet() -> None:
    doc = meta("Strikes hit three cities – The Astana Times\n\nBody text here.")
    assert doc.title == "Strikes hit three cities"
    assert doc.outlet == "The Astana Times"


def test_title_suffix_with_domain() -> None:
    assert split_title("Storm damage mounts | NOVINY.cz") == ("Storm damage mounts", "NOVINY.cz")
    assert split_title("War in Ukraine – day 300 of the invasion") == (
        "War in Ukraine – day 300 of the invasion", None)


def test_closing_source_line_names_the_outlet() -> None:
    doc = meta("Grain deal extended\n\nThe deal was extended on Friday.\n\n"
               "Source: Interfax-Ukraine\n\nLeave a Reply")
    assert doc.outlet is not None and same_entity(doc.outlet, "Interfax-Ukraine")


def test_closing_source_line_with_a_brand_name() -> None:
    doc = meta("Grain deal extended\n\nThe deal was extended on Friday.\n\nSource: Charter 97")
    assert doc.outlet == "Charter 97"


def test_wire_dateline_names_the_outlet() -> None:
    doc = meta("Fuel protests spread\n\nALMATY, Jan 5 (Reuters) - Protesters stormed the mayor's "
               "office on Wednesday.")
    assert doc.outlet == "Reuters"
    assert doc.published is None  # "Jan 5" has no year


def test_source_line_naming_a_person_is_not_an_outlet() -> None:
    doc = meta("Minister resigns\n\nSource: the minister's aide on Facebook\n\nShe left today.")
    assert doc.outlet is None


def test_header_values_are_kept() -> None:
    doc = meta("Title: Header title\nOutlet: Header News\nPublished: 2020-01-02\n\n"
               "Other headline – TVNOVINY.sk\n\n2021-05-05\n\nSource: Reuters")
    assert (doc.title, doc.outlet, doc.published) == ("Header title", "Header News",
                                                      "2020-01-02")


def test_header_date_in_words_is_normalised() -> None:
    assert meta("Title: T\nPublished: January 7, 2022\n\nBody.").published == "2022-01-07"


def test_undated_article_stays_null() -> None:
    doc = meta("Talks collapse\n\nNegotiators walked out on Thursday.")
    assert doc.published is None and doc.outlet is None


@pytest.mark.parametrize("path", sorted((ROOT / "seeds").glob("*.txt")), ids=lambda p: p.stem)
def test_seed_outlet_and_date_match_gold(path: Path) -> None:
    gold = json.loads((ROOT / "gold" / "seeds" / f"{path.stem}.json").read_text("utf-8"))
    doc = meta(path.read_text(encoding="utf-8"))
    assert doc.published == gold["published"]
    assert same_entity(doc.outlet, gold["outlet"])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_metadata_never_raises(text: str) -> None:
    doc = meta(text or " ")
    if doc.published is not None:
        assert len(doc.published) == 10


BODY = ("Floodwater reached the town hall on Sunday, officials said, and at least 12 people "
        "were evacuated from the lower streets as the river kept rising through the night.")


@pytest.mark.parametrize(("text", "outlet", "published"), [
    (f"River floods the old town\n\nNORDSTAD COURIER\n\n{BODY}", "Nordstad Courier", None),
    (f"River floods the old town\n\nValley Ledger Digest\nNews from the valley\n\n{BODY}",
     "Valley Ledger Digest", None),
    (f"River floods the old town\n\nGazzetta del Lago – English edition\n\n{BODY}",
     "Gazzetta del Lago", None),
    (f"River floods the old town\n\nAlpenblatt | World | 03.05.2026, 10:15\n\n{BODY}",
     "Alpenblatt", "2026-05-03"),
    (f"River floods the old town\n\nBy Jana Horak, Danube Monitor\n\n{BODY}",
     "Danube Monitor", None),
    (f"River floods the old town\n\n{BODY}\n\nThis article was published by Danube Monitor on "
     "4 May 2026.", "Danube Monitor", "2026-05-04"),
    (f"River floods the old town\n\nPosted by Jana Horak | May 4, 2026 | 3 Comments\n\n{BODY}",
     None, "2026-05-04"),
])
def test_outlet_from_masthead_date_bar_byline_or_closing_line(
        text: str, outlet: str | None, published: str | None) -> None:
    doc = meta(text)
    assert doc.outlet == outlet
    if published:
        assert doc.published == published
