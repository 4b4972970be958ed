"""Entity names: one canonical form for the spellings and transliterations of a source.

Aliases live in a data file (``provenance/data/aliases.tsv``; extend it, or set
``$PROVENANCE_ALIASES`` to a file of your own in the same format), and names not
in the table are compared with rapidfuzz after normalisation.

File format: one entity per line, tab-separated, canonical name first, then its
aliases; an optional field ``@outlet``, ``@body`` or ``@person`` gives its kind.
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

ALIAS_FILE = Path(__file__).parent / "data" / "aliases.tsv"
KINDS = frozenset({"person", "body", "outlet"})
_ARTICLE = re.compile(r"^(?:the)\s+", re.I)
_NON_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """Case-, accent- and punctuation-folded form of a name, without a leading article."""
    s = name
    if not s.isascii():  # ASCII has no accents or compatibility forms to fold
        s = unicodedata.normalize("NFKD", s)
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = _ARTICLE.sub("", s.strip().casefold())
    s = _NON_WORD.sub(" ", s)
    return " ".join(s.split())


def _read_alias_file(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(normalised alias → canonical name, normalised alias → kind) from one file."""
    table: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t") if f.strip()]
        kind = next((f[1:] for f in fields if f.startswith("@") and f[1:] in KINDS), None)
        names = [f for f in fields if not f.startswith("@")]
        if not names:
            continue
        for n in names:
            key = normalise(n)
            if not key:
                continue
            table[key] = names[0]
            if kind:
                kinds[key] = kind
    return table, kinds


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    table, kinds = _read_alias_file(ALIAS_FILE)
    extra = os.environ.get("PROVENANCE_ALIASES")
    if extra and Path(extra).is_file():
        more, more_kinds = _read_alias_file(Path(extra))
        table.update(more)
        kinds.update(more_kinds)
    return table, kinds


def alias_table() -> dict[str, str]:
    """Normalised alias → canonical name, from the built-in file and ``$PROVENANCE_ALIASES``."""
    return _tables()[0]


def reload_aliases() -> None:
    """Forget the cached tables (after ``$PROVENANCE_ALIASES`` changed)."""
    _tables.cache_clear()
    _canonical_norm.cache_clear()


def canonical(name: str) -> str:
    """The canonical name for ``name`` (itself when the alias table does not know it)."""
    return alias_table().get(normalise(name), name)


def known_kind(name: str) -> str | None:
    """The kind the alias table gives ``name`` (``outlet``, ``body``, ``person``), if any."""
    return _tables()[1].get(normalise(name))


@lru_cache(maxsize=65536)
def _canonical_norm(name: str) -> str:
    return normalise(canonical(name))


def same_entity(a: str | None, b: str | None, threshold: float = 88.0) -> bool:
    """Whether two names denote the same source (alias table, then fuzzy match)."""
    if a is None or b is None:
        return a is b
    na, nb = _canonical_norm(a), _canonical_norm(b)
    if na == nb:
        return True
    return fuzz.ratio(na, nb) >= threshold


def same_person(a: str, b: str) -> bool:
    """Looser match for people: same entity, or one name's surname begins the other's.

    Covers "Tokayev" / "Kassym-Jomart Tokayev" and inflected surnames
    ("Azirbek" / "Azirbeková") without merging unrelated short names.
    """
    if same_entity(a, b):
        return True
    ta, tb = normalise(a).split(), normalise(b).split()
    if not ta or not tb:
        return False
    la, lb = ta[-1], tb[-1]
    if len(la) < 4 or len(lb) < 4:
        return False
    short, long_ = sorted((la, lb), key=len)
    if not long_.startswith(short) or len(long_) - len(short) > 3:
        return False
    # first names, when both are given, must agree too; a title may precede one of them
    # ("Commissioner Edwin Kalua" / "Edwin Kalua")
    if len(ta) == 1 or len(tb) == 1:
        return True
    fewer, more = sorted((ta, tb), key=len)
    return any(fuzz.ratio(fewer[0], w) >= 80 for w in more[:len(more) - len(fewer) + 1])
