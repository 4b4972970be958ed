"""Hypothesis fuzzing: arbitrary bytes and text never raise anything but InputError,
and every extracted span round-trips to the document text."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from provenance.errors import InputError
from provenance.ingest.loader import iter_bytes
from provenance.models import Document, Span
from provenance.pipeline import extract_document

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Text built from the characters the stages care about, so the fuzzing reaches them.
ALPHABET = st.sampled_from(list(
    "aAbBzZ019 ,.;:!?\n\n\t\"'“”„«»‘’–—-()[]{}…%$€/\\@#*&<>=|ьЖéč\u00a0\u200b\ufeff"))
WORDS = st.sampled_from([
    "said", "according to", "Police", "Interior Ministry", "told", "quoted by", "killed",
    "more than", "dozens", "3,000", "12", "at least", "– ", "“", "”", "\"", "\n\n",
    "Leave a Reply", "Photo: ", "About Jane Doe", "Read also: ", "http://x.example/a",
    "Title: ", "Outlet: ", "Published: ", "reported", "wrote", "citing", "and",
])
ARTICLE_TEXT = st.lists(st.one_of(WORDS, st.text(ALPHABET, max_size=12)), max_size=60).map(
    " ".join)


def check_spans(obj: Any, text: str) -> None:
    """Every Span anywhere in ``obj`` covers exactly its text."""
    if isinstance(obj, Span):
        assert 0 <= obj.start <= obj.end <= len(text)
        assert text[obj.start:obj.end] == obj.text
    elif isinstance(obj, list | tuple):
        for item in obj:
            check_spans(item, text)
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            check_spans(getattr(obj, name), text)


def run_all(raw: bytes, name: str) -> None:
    for item in iter_bytes(raw, name):
        if isinstance(item, InputError):
            assert str(item).strip() and "\n" not in str(item).strip()
            continue
        assert isinstance(item, Document)
        for s, e in item.content_regions():
            assert 0 <= s <= e <= len(item.text)
        for s, e in item.furniture:
            assert 0 <= s <= e <= len(item.text)
        ex = extract_document(item)
        check_spans(ex.quotes, item.text)
        check_spans(ex.claims, item.text)


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.html", "a.json", "a.jsonl", "-"]))
def test_arbitrary_bytes(raw: bytes, name: str) -> None:
    run_all(raw, name)


@FUZZ
@given(ARTICLE_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "cp1251", "utf-16"]))
def test_article_like_text_in_any_encoding(text: str, enc: str) -> None:
    run_all(text.encode(enc, errors="replace"), "a.txt")


@FUZZ
@given(ARTICLE_TEXT)
def test_article_like_text_as_html_and_json(text: str) -> None:
    html = "<html><body><article><p>" + text.replace("\n\n", "</p><p>") + "</p></article>"
    run_all(html.encode(), "a.html")
    run_all(json.dumps({"text": text, "title": text[:30], "published": text[:12]}).encode(),
            "a.json")
    run_all((json.dumps({"text": text}) + "\n" + text[:40]).encode(), "a.jsonl")
