"""HTML pages: main text and metadata via trafilatura, furniture dropped, nothing fetched."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from provenance.errors import InputError
from provenance.ingest.html import document_from_html, looks_like_html, parse_html

HTML = Path(__file__).parent / "data" / "html"


@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network touched")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def page() -> str:
    return (HTML / "news_page.html").read_text(encoding="utf-8")


def test_metadata_from_the_page(no_network: None) -> None:
    doc = document_from_html(page(), id="p.html")
    assert doc.title == "Flood toll rises to 41 in river valley, officials say"
    assert doc.outlet == "Valley Courier"
    assert doc.published == "2023-04-18"
    assert doc.url == "https://valley-courier.example/news/2023/04/18/flood-toll-rises"


def test_main_text_without_page_chrome(no_network: None) -> None:
    doc, furniture = parse_html(page(), id="p.html")
    kept = "\n".join(doc.text[s:e] for s, e in doc.content_regions())
    assert "more than 1,200 have been evacuated" in kept
    assert "We have never seen anything like this" in kept
    assert doc.text.startswith(doc.title or "")
    for chrome in ("Politics", "thoughts on", "100 houses", "spam.example", "12 countries",
                   "20,000 homes", "All rights reserved", "Dam operator rejects blame"):
        assert chrome not in kept, chrome
    assert [f.kind for f in furniture] == ["related"]  # the in-text "Read also" teaser
    for s, e in doc.content_regions():
        assert doc.text[s:e].strip()


def test_title_is_prepended_when_the_body_lacks_it() -> None:
    html = ("<html><head><title>Police: 7 held after riot</title></head><body><article>"
            "<p>Police said seven people were held after the riot in the old town on Sunday "
            "night, and two officers were hurt.</p></article></body></html>")
    doc = document_from_html(html)
    assert doc.text.splitlines()[0] == "Police: 7 held after riot"
    assert "seven people were held" in doc.text


def test_navigation_only_page_is_not_an_article() -> None:
    with pytest.raises(InputError) as info:
        parse_html((HTML / "nav_only.html").read_text(encoding="utf-8"), name="nav.html")
    assert info.value.kind == "not-an-article"


@pytest.mark.parametrize("html", [
    "<html><body><p>unclosed <b>bold <div><p>" * 3,
    "<<<>>><!-- <html <body",
    "<html><body>" + "<div>" * 5000 + "</body>",
    "",
])
def test_malformed_html_is_an_input_error_not_a_crash(html: str) -> None:
    with pytest.raises(InputError):
        parse_html(html, name="bad.html")


def test_malformed_but_readable_html_still_yields_its_text() -> None:
    html = ("<html><body><p>Officials said 40 people were injured in the blast at the port, "
            "and at least 3 are in critical condition, according to the health ministry."
            "<p>Rescue work continued overnight <b>in the harbour district")
    doc = document_from_html(html)
    assert "40 people were injured" in doc.text


def test_sniffing() -> None:
    assert looks_like_html("  <!DOCTYPE html><html>")
    assert looks_like_html("<div class=x><p>Hi</p></div>")
    assert not looks_like_html("<3 the police said 5 died")
    assert not looks_like_html("Police said 5 died.")


def test_pathologically_large_markup_is_refused_quickly() -> None:
    with pytest.raises(InputError) as info:
        parse_html("<html><body>" + "<p><b><i>x " * 40_000, name="tags.html")
    assert info.value.kind == "too-large"
