"""Entity names: one canonical form for the spellings and transliterations of a source.

Aliases live in a data file (``provenance/data/aliases.tsv``; extend it, or set
``$PROVENANCE_ALIASES`` to a file of your own in the same format), and names not
in the table are compared with rapidfuzz after normalisation.
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

ALIAS_FILE = Path(__file__).parent / "data" / "aliases.tsv"
_ARTICLE = re.compile(r"^(?:the)\s+", re.I)


def normalise(name: str) -> str:
    """Case-, accent- and punctuation-folded form of a name, without a leading article."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = _ARTICLE.sub("", s.strip().casefold())
    s = re.sub(r"[\W_]+", " ", s)
    return " ".join(s.split())


def _read_alias_file(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        names = [n.strip() for n in line.split("\t") if n.strip()]
        for n in names:
            table[normalise(n)] = names[0]
    return table


@lru_cache(maxsize=1)
def alias_table() -> dict[str, str]:
    """Normalised alias → canonical name, from the built-in file and ``$PROVENANCE_ALIASES``."""
    table = _read_alias_file(ALIAS_FILE)
    extra = os.environ.get("PROVENANCE_ALIASES")
    if extra and Path(extra).is_file():
        table.update(_read_alias_file(Path(extra)))
    return table


def canonical(name: str) -> str:
    """The canonical name for ``name`` (itself when the alias table does not know it)."""
    return alias_table().get(normalise(name), name)


def same_entity(a: str | None, b: str | None, threshold: float = 88.0) -> bool:
    """Whether two names denote the same source (alias table, then fuzzy match)."""
    if a is None or b is None:
        return a is b
    na, nb = normalise(canonical(a)), normalise(canonical(b))
    if na == nb:
        return True
    return fuzz.ratio(na, nb) >= threshold
