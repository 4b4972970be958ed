"""Paragraphs and sentences with character offsets, shared by every stage.

Linear-time scans only (no backtracking regexes), so adversarial input stays fast.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import chain
from typing import Final

from provenance.extract.patterns import char_runs
from provenance.models import Document
from provenance.textrange import append_trimmed

# Abbreviations after which a period does not end a sentence.
ABBREVIATIONS: Final = frozenset(
    """mr mrs ms dr prof sen rep gov gen col lt sgt capt st jr sr inc ltd co corp vs etc
    jan feb mar apr jun jul aug sep sept oct nov dec no nos fig approx est dept univ
    u.s u.n u.k e.g i.e a.m p.m d.c""".split()
)
_LONGEST_ABBREVIATION: Final = max(map(len, ABBREVIATIONS))
_CLOSERS: Final = "\"'”’»“)]"
_SENT_END_CHARS: Final = ".!?…"  # a run of these may end a sentence


def paragraphs(doc: Document) -> list[tuple[int, int]]:
    """Non-blank lines (paragraphs) inside the document's content regions, trimmed."""
    return paragraphs_of(doc.text, tuple(doc.content_regions()))


@lru_cache(maxsize=64)
def paragraphs_of(text: str, regions: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """Non-blank lines of ``text`` within ``regions``, trimmed of surrounding white space."""
    out: list[tuple[int, int]] = []
    for rs, re_ in regions:
        pos = rs
        while pos < re_:
            nl = text.find("\n", pos, re_)
            end = re_ if nl == -1 else nl
            append_trimmed(text, pos, end, out)
            pos = end + 1
    return out


def _is_abbreviation(text: str, dot: int, start: int) -> bool:
    """Whether the period at ``dot`` closes an abbreviation or an initial."""
    j = dot
    # abbreviations are short: a longer word is none (and "a.a.a.…" stays linear)
    floor = max(start, dot - _LONGEST_ABBREVIATION - 1)
    while j > floor and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].casefold()
    if not word or len(word) > _LONGEST_ABBREVIATION:
        return False
    if word in ABBREVIATIONS:
        return True
    return len(word) == 1 and text[j].isupper()  # an initial: "John F. Kennedy"


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence ranges of ``text[start:end]`` (a paragraph), trimmed.

    Memoised: every stage splits the same paragraphs, so each is split once.
    """
    bounds = iter(_sentences_cached(text, start, end))
    return list(zip(bounds, bounds, strict=True))


@lru_cache(maxsize=8192)
def _sentences_cached(text: str, start: int, end: int) -> tuple[int, ...]:
    """:func:`sentences` as one flat tuple ``(start, end, start, end, ...)``: immutable, for
    the cache, and of numbers only, so the garbage collector stops tracking it (a tuple of
    pairs may reach the oldest generation still tracked, and be traversed by every full
    collection)."""
    return tuple(chain.from_iterable(_split_sentences(text, start, end)))


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split the paragraph ``text[start:end]`` into trimmed sentence ranges."""
    out: list[tuple[int, int]] = []
    s = start
    for ms, e in char_runs(text, _SENT_END_CHARS, start, end):
        dot = e - ms == 1 and text[ms] == "."
        if dot and _is_abbreviation(text, ms, s):
            continue
        while e < end and text[e] in _CLOSERS:
            e += 1
        # a decimal or a thousands separator ("2.500", "1.1 billion") is not an end
        if dot and e < end and text[e].isdigit():
            continue
        nxt = e
        while nxt < end and text[nxt] == " ":
            nxt += 1
        if nxt < end and not (text[nxt].isupper() or text[nxt].isdigit()
                              or text[nxt] in "\"“«„‘'–—-("):
            continue
        append_trimmed(text, s, e, out)
        s = e
    append_trimmed(text, s, end, out)
    return out


def doc_sentences(doc: Document) -> list[tuple[int, int, int]]:
    """Every sentence of the document as ``(paragraph index, start, end)`` (memoised)."""
    return list(_doc_sentences_of(doc.text, tuple(doc.content_regions())))


@lru_cache(maxsize=64)
def _doc_sentences_of(text: str, regions: tuple[tuple[int, int], ...]
                      ) -> tuple[tuple[int, int, int], ...]:
    """:func:`doc_sentences` of ``text`` within ``regions``, as a cacheable tuple."""
    return tuple((i, s, e) for i, (ps, pe) in enumerate(paragraphs_of(text, regions))
                 for s, e in sentences(text, ps, pe))
