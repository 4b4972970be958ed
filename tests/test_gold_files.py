"""Every gold file in the repository is well formed: it names an article that exists, and
each annotated quote and claim sentence stands in that article (whitespace folded)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from provenance.evaluation.gold import load_gold
from provenance.models import Event

ROOT = Path(__file__).resolve().parent.parent
SETS = [("gold/seeds", "seeds"), ("gold/dev", "corpus/dev"), ("gold/dev2", "corpus/dev2")]
QUALIFIERS = {"exact", "at_least", "more_than", "approximately", "up_to", "fewer_than",
              "vague", "range"}


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[\"“”„«»‘’']", "", text).split())


@pytest.mark.parametrize(("gold_dir", "articles"), SETS)
def test_gold_records_stand_in_their_articles(gold_dir: str, articles: str) -> None:
    gold = load_gold(ROOT / gold_dir)
    assert gold, gold_dir
    events = set(Event.__args__)  # type: ignore[attr-defined]
    for name, rec in gold.items():
        text = _fold((ROOT / articles / name).read_text(encoding="utf-8"))
        for q in rec["quotes"]:
            # a multi-paragraph quote is annotated with its paragraphs joined
            assert _fold(q["text"]) in text, (name, q["text"][:40])
        for c in rec["claims"]:
            assert _fold(c["sentence"]) in text, (name, c["sentence"][:40])
            assert c["qualifier"] in QUALIFIERS and c["event"] in events, (name, c)
