"""Shared matching helpers for the scorers."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from provenance.entities import normalise, same_entity

_TOKEN = re.compile(r"\w+", re.UNICODE)
G = TypeVar("G")
P = TypeVar("P")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens."""
    return [t.casefold() for t in _TOKEN.findall(text)]


def overlap(a: str, b: str) -> float:
    """Token overlap of two texts: shared tokens over the longer text's tokens (0..1)."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    counts: dict[str, int] = {}
    for t in ta:
        counts[t] = counts.get(t, 0) + 1
    shared = 0
    for t in tb:
        if counts.get(t, 0) > 0:
            counts[t] -= 1
            shared += 1
    return shared / max(len(ta), len(tb))


def greedy_match(gold: Sequence[G], pred: Sequence[P],
                 score: Callable[[G, P], float], threshold: float) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index), best-scoring first, above ``threshold``."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            s = score(g, p)
            if s >= threshold:
                cands.append((s, gi, pi))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


_GENERIC = frozenset({"of", "in", "the", "for", "and", "s"})


def names_match(gold: str | None, pred: str | None) -> bool:
    """Whether a predicted name denotes the gold source.

    Same entity (alias table, fuzzy spelling), or one name's words contained in the
    other's where the shorter keeps at least two content words, or one capitalised
    word that ends the longer name (a surname): "health ministry" names the
    "Cameroon health ministry", "Armand Balilo" the "Rear Admiral Armand Balilo";
    "union" alone does not name the "miners' union".
    """
    if same_entity(gold, pred):
        return True
    if gold is None or pred is None:
        return False
    g, p = normalise(gold).split(), normalise(pred).split()
    short, long_ = (g, p) if len(g) <= len(p) else (p, g)
    content = [w for w in short if w not in _GENERIC]
    if not content or not set(short) <= set(long_):
        return False
    if len(content) >= 2:
        return True
    raw_short = gold if short is g else pred
    return raw_short.strip()[:1].isupper() and long_[-1] == content[0]


def chains_equal(gold: Sequence[object], pred: Sequence[object]) -> bool:
    """Two chains in gold format are equal hop by hop (names compared as entities)."""
    if len(gold) != len(pred):
        return False
    for g, p in zip(gold, pred, strict=True):
        gl = g if isinstance(g, list) else [g]
        pl = p if isinstance(p, list) else [p]
        if len(gl) != len(pl):
            return False
        if not all(any(names_match(str(x), str(y)) for y in pl) for x in gl):
            return False
    return True


@dataclass
class PRF:
    """Precision, recall and F1 from counts."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "pred": self.n_pred, "gold": self.n_gold}


@dataclass
class Accuracy:
    """Correct over total."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"accuracy": round(self.value, 4), "correct": self.correct, "total": self.total}
