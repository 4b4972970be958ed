"""Page furniture is cut out of the content regions; article text never is."""

from __future__ import annotations

from typing import Any

import pytest

from provenance.ingest.furniture import content_minus, find_furniture
from provenance.ingest.text import document_from_text, parse_text
from provenance.models import Document

ARTICLE = (
    "Floods kill 12 in northern province\n\n"
    "At least 12 people died and more than 400 were evacuated, the regional governor said.\n\n"
    "Rescue workers on a flooded road.\nPhoto: Maria Stone / Reuters\n\n"
    "\"We are doing everything we can,\" the governor told local television.\n\n"
)


def content(doc: Document) -> str:
    return "\n".join(doc.text[s:e] for s, e in doc.content_regions())


def kinds(text: str) -> list[str]:
    return [f.kind for f in find_furniture(text)]


def test_comment_section_runs_to_the_end() -> None:
    text = ARTICLE + "3 thoughts on “Floods kill 12 in northern province”\n\nGreat, 50 stars!\n"
    doc = document_from_text(text)
    assert "Great, 50" not in content(doc)
    assert "We are doing everything we can" in content(doc)
    assert doc.furniture and text[doc.furniture[-1][0]:].startswith("3 thoughts on")


@pytest.mark.parametrize("line", [
    "Leave a Reply", "Leave a comment", "Comments are closed.", "Comments",
    "Your email address will not be published. Required fields are marked *",
    "You must be logged in to post a comment.", "12 Comments", "Join the discussion",
])
def test_comment_headers(line: str) -> None:
    assert kinds(ARTICLE + line + "\n\nSomeone wrote 300 words.") == ["credit", "comments"]


def test_author_bio_at_the_end_is_furniture() -> None:
    text = ARTICLE + "About Jane Q. Doe\n\nJane has covered 30 wars in 20 years for the paper.\n"
    doc = document_from_text(text)
    assert "30 wars" not in content(doc)
    assert [f.kind for f in parse_text(text)[1]] == ["credit", "bio"]


def test_about_heading_followed_by_article_is_kept() -> None:
    text = ("About Town\n\nThe council said 40 homes were damaged.\n\n"
            "The mayor said 3 schools would close.")
    doc = document_from_text(text)
    assert doc.furniture == []
    assert content(doc) == text


def test_related_teasers_stop_at_a_sentence() -> None:
    text = ("Police said 5 people were arrested.\n\nRelated\n\nStorm leaves 20,000 homes dark\n"
            "Mayor promises new barriers …\n\nThe arrests followed a week of protests.")
    doc = document_from_text(text)
    assert "20,000" not in content(doc)
    assert "The arrests followed a week of protests." in content(doc)
    assert "5 people were arrested" in content(doc)


@pytest.mark.parametrize("line,kind", [
    ("Read also: Dam operator rejects blame for spring floods", "related"),
    ("READ MORE: Ministry says 300 detained", "related"),
    ("https://spam.example.org/casino-slots-cheats", "link"),
    ("  1. https://spam.example.org/x", "link"),
    ("Share this:", "share"),
    ("Facebook Twitter WhatsApp Email", "share"),
    ("Subscribe to our newsletter", "share"),
    ("Tags: floods, weather, province", "share"),
    ("Photo: AP Photo / John Smith", "credit"),
    ("Stock photo: Getty Images", "credit"),
    ("The governor and the mayor. Photo: Press office", "credit"),
    ("(Photo by Jane Roe/AFP via Getty Images)", "credit"),
    ("© 2023 Example Media. All rights reserved.", "share"),
])
def test_single_line_furniture(line: str, kind: str) -> None:
    text = f"Police said 5 people were arrested.\n\n{line}\n\nThe arrests followed protests."
    found = find_furniture(text)
    assert [f.kind for f in found] == [kind]
    assert text[found[0].start:found[0].end] == line.strip()


@pytest.mark.parametrize("line", [
    "Read also the ministry's statement, which said 300 people were detained.",
    "Photographs of the scene showed at least 20 burned cars, police said.",
    "\"Leave a reply to the ministry,\" he said.",
    "About 3,000 people were arrested, the ministry said.",
    "Related: police said 12 officers were injured.",
    "300 comments on the proposal were received, the ministry said.",
    "The mayor shared the video on Facebook and Twitter.",
])
def test_article_sentences_are_not_furniture(line: str) -> None:
    text = f"Police said 5 people were arrested.\n\n{line}\n\nThe arrests followed protests."
    assert find_furniture(text) == []


def test_caption_above_its_credit_goes_with_it() -> None:
    found = find_furniture(ARTICLE)
    assert len(found) == 1
    assert ARTICLE[found[0].start:found[0].end] == (
        "Rescue workers on a flooded road.\nPhoto: Maria Stone / Reuters")


def test_offsets_stay_true_and_regions_exclude_furniture() -> None:
    text = ARTICLE + "Leave a Reply\n\nYour email address will not be published."
    doc = document_from_text(text)
    assert doc.text == text
    for s, e in doc.furniture:
        for rs, re_ in doc.regions:
            assert e <= rs or s >= re_
    assert doc.regions[0][0] == 0


def test_header_block_regions_are_kept_apart_from_furniture() -> None:
    text = "Title: Floods kill 12\nOutlet: Example\n\nBody says 12 died.\n\nLeave a Reply"
    doc = document_from_text(text)
    assert [doc.text[s:e] for s, e in doc.regions] == ["Floods kill 12", "Body says 12 died."]


def test_only_furniture_leaves_no_content() -> None:
    doc = document_from_text("Leave a Reply\n\nYour email address will not be published.")
    assert all(not doc.text[s:e].strip() for s, e in doc.content_regions())


def test_strip_can_be_turned_off() -> None:
    doc = document_from_text(ARTICLE + "Leave a Reply", strip=False)
    assert doc.furniture == [] and doc.regions == []


def test_content_minus_is_linear_in_many_cuts() -> None:
    text = "https://x.example/a\n" * 20000 + "Police said 5 died."
    found = find_furniture(text)
    assert len(found) == 1  # adjacent links merge into one range
    assert [text[s:e] for s, e in content_minus(text, [(0, len(text))], found)] == [
        "Police said 5 died."]


def test_seed_gold_statements_survive_stripping(seed_paths, seed_gold: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    for path in seed_paths:
        doc = document_from_text(path.read_text(encoding="utf-8"), id=path.name)
        gold = seed_gold[path.name]
        kept = content(doc)
        for q in gold["quotes"]:
            assert q["text"].rstrip(".") in kept, (path.name, q["text"])
        for c in gold["claims"]:
            assert c["sentence"] in kept, (path.name, c["sentence"])


def test_seed_furniture_is_stripped(seed_paths) -> None:  # type: ignore[no-untyped-def]
    texts = {p.name[:3]: document_from_text(p.read_text(encoding="utf-8")) for p in seed_paths}
    assert "myget.org" not in content(texts["004"])
    assert "Comments are closed." not in content(texts["004"])
    assert "Videogames" not in content(texts["001"])       # the author bio
    assert "hamsters" not in content(texts["001"])         # the related teaser
    assert "Getty Images" not in content(texts["000"])     # the photo credit
    assert "Leave a Reply" not in content(texts["003"])


def test_caption_rule_spares_paragraphs_without_blank_lines() -> None:
    text = "Officials said 12 people died.\nPhoto: Maria Stone / Reuters\nThe toll may rise."
    found = find_furniture(text)
    assert [text[f.start:f.end] for f in found] == ["Photo: Maria Stone / Reuters"]
