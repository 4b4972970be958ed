"""Victim counts implied by our claims against GVDB's crowd-sourced victim lists.

GVDB (Gun Violence Database) labels each article with its victims and, for
each, whether they were killed, injured or hospitalized. Per article we compare:

* gold killed = victims marked ``killed``; gold injured = victims marked
  ``injured`` or ``hospitalized`` and not ``killed``;
* implied killed = the largest figure among the article's claims with event
  ``killed`` or ``deaths``; implied injured = the largest among ``wounded``,
  ``injured`` and ``hospitalized`` (a figure is ``value``, else ``low``); 0 when
  no such claim. Most GVDB victims are singular ("a man was shot") and carry no
  numeric claim, so accuracy over *all* articles is a floor.

Reported: accuracy over all articles; accuracy where we claimed a figure
(precision-like); and accuracy where gold counts two or more (where a numeric
claim is most expected). Labels come from one crowd worker each and are noisy.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from provenance.errors import InputError
from provenance.models import Claim, Document

KILLED = frozenset({"killed", "deaths"})
INJURED = frozenset({"wounded", "injured", "hospitalized"})


@dataclass(frozen=True)
class GvdbArticle:
    """One GVDB article and its gold victim counts."""

    id: str
    title: str
    text: str
    killed: int
    injured: int

    def document(self) -> Document:
        """The article as a document (GVDB glues the title onto the text; it stays as is)."""
        return Document(id=self.id, text=self.text, title=self.title or None)


def _gold_counts(raw: str) -> tuple[int, int]:
    data = json.loads(raw) if raw.strip() else {}
    victims = data.get("victim-section") or [] if isinstance(data, dict) else []
    killed = injured = 0
    for v in victims:
        was = set(v.get("victim-was") or []) if isinstance(v, dict) else set()
        if "killed" in was:
            killed += 1
        elif was & {"injured", "hospitalized"}:
            injured += 1
    return killed, injured


def load(path: str | Path) -> Iterator[GvdbArticle]:
    """The articles of a GVDB TSV (columns Article id, Article title, Full text, Json)."""
    p = Path(path)
    try:
        fh = p.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(str(p), f"cannot read GVDB file ({exc.strerror})") from exc
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        need = {"Article id", "Full text", "Json"}
        if not reader.fieldnames or not need <= set(reader.fieldnames):
            raise InputError(str(p), "not a GVDB TSV (needs columns Article id, Full text, Json)")
        for row in reader:
            try:
                killed, injured = _gold_counts(row.get("Json") or "")
            except (json.JSONDecodeError, AttributeError, TypeError):
                continue  # a row whose labels cannot be read is not scored
            yield GvdbArticle(id=row.get("Article id") or "", title=row.get("Article title") or "",
                              text=row.get("Full text") or "", killed=killed, injured=injured)


def _figure(c: Claim) -> float:
    return c.value if c.value is not None else (c.low if c.low is not None else c.high or 0.0)


def implied_counts(claims: Iterable[Claim]) -> tuple[int | None, int | None]:
    """(killed, injured) implied by an article's claims: the largest figure of each, or None."""
    killed: float | None = None
    injured: float | None = None
    for c in claims:
        if c.event in KILLED:
            killed = max(killed or 0.0, _figure(c))
        elif c.event in INJURED:
            injured = max(injured or 0.0, _figure(c))
    return (None if killed is None else int(killed), None if injured is None else int(injured))


@dataclass
class _Tally:
    all_ok: int = 0
    claimed: int = 0
    claimed_ok: int = 0
    multi: int = 0
    multi_ok: int = 0

    def add(self, gold: int, pred: int | None) -> None:
        ok = gold == (pred or 0)
        self.all_ok += ok
        if pred is not None:
            self.claimed += 1
            self.claimed_ok += ok
        if gold >= 2:
            self.multi += 1
            self.multi_ok += ok

    def as_dict(self, n: int) -> dict[str, Any]:
        def acc(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0

        return {"accuracy": acc(self.all_ok, n), "correct": self.all_ok, "total": n,
                "claimed_accuracy": acc(self.claimed_ok, self.claimed), "claimed": self.claimed,
                "multi_accuracy": acc(self.multi_ok, self.multi), "multi": self.multi}


def score(articles: Iterable[GvdbArticle], limit: int | None = None) -> dict[str, Any]:
    """Killed and injured count accuracy of our claims over GVDB ``articles``."""
    from provenance.pipeline import extract_document

    killed, injured = _Tally(), _Tally()
    n = 0
    errors: list[dict[str, Any]] = []
    for art in articles:
        if limit is not None and n >= limit:
            break
        n += 1
        pk, pi = implied_counts(extract_document(art.document()).claims)
        killed.add(art.killed, pk)
        injured.add(art.injured, pi)
        if art.killed != (pk or 0) or art.injured != (pi or 0):
            errors.append({"article": art.id, "kind": "gvdb_counts", "title": art.title[:60],
                           "gold": [art.killed, art.injured], "pred": [pk, pi]})
    return {"articles": n, "killed": killed.as_dict(n), "injured": injured.as_dict(n),
            "errors": errors}
