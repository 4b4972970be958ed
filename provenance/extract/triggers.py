"""The trigger words of the claim and attribution stages, found in one scan per document.

Both stages first look for whole words of their own lists in the document: number words
in the lower-cased text (:func:`numbers.index_text`), speech verbs in the case-folded
text (:func:`attribution.trigger_index`). For almost every text the two foldings are the
same string, so one scan for the union of both lists serves both; each stage keeps the
hits of its own list. The scan is memoised for the last few texts, as the stages run one
after the other over the same document.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from provenance.extract.attribution import TRIGGERS as SPEECH_TRIGGERS
from provenance.extract.numbers import TRIGGERS as NUMBER_TRIGGERS
from provenance.extract.patterns import WordScan

# every word of both lists: runs of lower-case ASCII letters, so a word stands whole when no
# such letter touches it
_SCAN: Final = WordScan(SPEECH_TRIGGERS | NUMBER_TRIGGERS, "[a-z]", "[^a-z]")


@lru_cache(maxsize=4)
def lowered_hits(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """``text.lower()`` and the ``(start, end)`` of every word of either list standing whole
    in it, or None if lower-casing shifts offsets."""
    low = text.lower()
    if len(low) != len(text):
        return None
    return low, _SCAN.spans(low)
