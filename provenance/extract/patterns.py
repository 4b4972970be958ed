"""Regex building blocks shared by the stages: word lists as prefix trees, and whole words
found by the character before them.

Python's ``re`` tries a match at every position unless a pattern opens on a literal or a
character class; both helpers keep the per-character work of a full-document scan low.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie(words: Iterable[str]) -> str:
    """An alternation of ``words`` factored by common prefixes (far faster to scan in ``re``).

    Like the flat alternation of the words longest first, it matches the longest word
    that lets the rest of the pattern match.
    """
    heads: dict[str, list[str]] = {}
    for w in words:
        heads.setdefault(w[0], []).append(w[1:])
    parts = []
    for c, rests in sorted(heads.items()):
        tails = [r for r in rests if r]
        if not tails:
            parts.append(re.escape(c))
        else:
            parts.append(re.escape(c) + "(?:" + trie(tails) + ")" + ("?" if "" in rests else ""))
    return "|".join(parts)


def first_chars(words: Iterable[str]) -> str:
    """A look-ahead for the characters ``words`` open with, to put before a pattern that
    opens on ``\\b`` (which ``re`` tries at every position): most positions fail it at
    once, about 30 % off the search time over a word list. Put it inside the pattern's
    ``(?i:...)``, if any, so that it folds case exactly as the words do."""
    return "(?=[" + "".join(re.escape(c) for c in sorted({w[0] for w in words})) + "])"


class WordScan:
    """Where the words of a list stand whole in a text: no ``letter`` either side.

    Each word is found by the non-letter just before it (or at the start of the text): a
    pattern opening on a character class lets the engine skip ahead in C, where a
    look-behind would make it try every position.
    """

    def __init__(self, words: Iterable[str], letter: str, non_letter: str) -> None:
        body = "(" + trie(sorted(words)) + f")(?!{letter})"
        self._first = re.compile(body)
        self._after = re.compile(non_letter + body)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The ``(start, end)`` of every standing word, in text order."""
        first = self._first.match(text)
        out = [first.span(1)] if first else []
        out += [m.span(1) for m in self._after.finditer(text)]
        return out


def char_positions(text: str, chars: str, start: int, end: int) -> list[int]:
    """Sorted offsets in ``text[start:end]`` of any character of ``chars``.

    One ``str.find`` loop per character (a ``memchr`` in C): far cheaper than a regex
    character class, which the engine tests at every position, when the characters are
    rare in the text.
    """
    out: list[int] = []
    for c in chars:
        i = text.find(c, start, end)
        while i >= 0:
            out.append(i)
            i = text.find(c, i + 1, end)
    if len(chars) > 1:
        out.sort()
    return out


def char_runs(text: str, chars: str, start: int, end: int) -> list[tuple[int, int]]:
    """The maximal runs of ``chars`` in ``text[start:end]`` as ``(start, end)``, in order:
    what ``re.finditer("[chars]+")`` finds, found by :func:`char_positions`."""
    out: list[tuple[int, int]] = []
    s = e = -1
    for i in char_positions(text, chars, start, end):
        if i != e:
            if s >= 0:
                out.append((s, e))
            s = i
        e = i + 1
    if s >= 0:
        out.append((s, e))
    return out
