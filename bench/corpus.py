"""Benchmark corpora: real article text, and synthetic articles recombined from it.

Real text comes from PolNeAR (train + dev texts), GVDB (dev/test "Full text"
column) under ``shared`` and the repository's ``seeds/``. Nothing of it is ever
written into the repository: synthetic corpora are generated at bench time under
a temporary directory.

:func:`synthetic_articles` is deterministic for a given ``seed``: it recombines
real paragraphs into articles with a header block (title, outlet, date) and
re-draws most figures, so that linking sees many outlets reporting overlapping,
sometimes conflicting, numbers.
"""

from __future__ import annotations

import csv
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from provenance.extract.segment import sentences

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_PLACES = ("Northfield", "Lakeside", "Riverton", "Eastport", "Westbrook", "Hillcrest",
           "Bayview", "Stonebridge", "Fairhaven", "Oakridge", "Kingsford", "Marlow")
_MASTHEADS = ("Times", "Herald", "Post", "Wire", "Daily", "Tribune", "Courier", "Gazette",
              "Observer", "Chronicle", "Ledger", "News")


@dataclass(frozen=True)
class Article:
    """One article's text and a name for it."""

    name: str
    text: str


def polnear_articles(shared: Path) -> Iterator[Article]:
    """PolNeAR train and dev texts, sorted by name."""
    base = shared / "benchmarks" / "polnear" / "data"
    for split in ("train", "dev"):
        for f in sorted((base / split / "text").glob("*.txt")):
            yield Article(f"polnear/{split}/{f.name}", f.read_text(encoding="utf-8"))


def gvdb_articles(shared: Path) -> Iterator[Article]:
    """GVDB dev and test "Full text" column, in file order."""
    csv.field_size_limit(sys.maxsize)
    for split in ("dev", "test"):
        path = shared / "benchmarks" / "gvdb" / f"{split}.tsv"
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            rows = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            for row in rows:
                text = (row.get("Full text") or "").strip()
                if text:
                    yield Article(f"gvdb/{split}/{row.get('Article id', '')}", text)


def seed_articles(seeds: Path = SEEDS) -> Iterator[Article]:
    """The repository's seed articles."""
    for f in sorted(seeds.glob("*.txt")):
        yield Article(f"seeds/{f.name}", f.read_text(encoding="utf-8"))


def real_articles(shared: Path | None) -> list[Article]:
    """Every real article available: the seeds, plus PolNeAR and GVDB when ``shared`` exists."""
    out = list(seed_articles())
    if shared is not None and shared.is_dir():
        out += list(polnear_articles(shared))
        out += list(gvdb_articles(shared))
    return out


def paragraphs(article: Article, max_chars: int = 900) -> list[str]:
    """The article's paragraphs; a run-on text (GVDB) is cut into groups of sentences."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n|\n", article.text):
        para = para.strip()
        if len(para) < 40:
            continue
        if len(para) <= max_chars:
            out.append(para)
            continue
        cur: list[str] = []
        size = 0
        for s, e in sentences(para, 0, len(para)):
            cur.append(para[s:e])
            size += e - s
            if size >= max_chars // 2:
                out.append(" ".join(cur))
                cur, size = [], 0
        if cur:
            out.append(" ".join(cur))
    return out


def paragraph_pool(articles: list[Article]) -> list[str]:
    """Every usable paragraph of ``articles``, de-duplicated, in a stable order."""
    seen: set[str] = set()
    pool: list[str] = []
    for art in articles:
        for p in paragraphs(art):
            if p not in seen:
                seen.add(p)
                pool.append(p)
    return pool


def outlets(n: int = 240) -> list[str]:
    """``n`` made-up outlet names ("Riverton Herald", "Bayview Daily 3")."""
    names = [f"{p} {m}" for p in _PLACES for m in _MASTHEADS]
    return [names[i % len(names)] + ("" if i < len(names) else f" {i // len(names) + 1}")
            for i in range(n)]


def _redraw(rng: random.Random, m: re.Match[str]) -> str:
    """A new figure of similar magnitude; years and most small ordinals stay."""
    tok = m.group()
    digits = tok.replace(",", "")
    value = int(digits)
    if tok.startswith("0") or (len(digits) == 4 and 1900 <= value <= 2099):
        return tok
    if rng.random() < 0.4:
        return tok  # shared figures: other outlets agree
    new = max(1, int(value * rng.uniform(0.6, 1.6)) if value > 3 else rng.randint(1, 9))
    return f"{new:,}" if "," in tok else str(new)


def synthetic_text(rng: random.Random, pool: list[str], titles: list[str],
                   outlet_names: list[str], n: int) -> str:
    """One synthetic article with a header block."""
    day = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
    k = rng.randint(4, 12)
    start = rng.randrange(len(pool))
    # runs of neighbouring paragraphs keep some local coherence (speaker, then quote)
    body = [pool[(start + i) % len(pool)] if rng.random() < 0.7 else rng.choice(pool)
            for i in range(k)]
    body = [_NUMBER.sub(lambda m: _redraw(rng, m), p) for p in body]
    title = rng.choice(titles)
    return (f"Title: {title}\nOutlet: {rng.choice(outlet_names)}\n"
            f"Published: {day.isoformat()}\nURL: https://example.org/{n}\n\n"
            + "\n\n".join(body) + "\n")


def synthetic_articles(pool: list[str], n: int, seed: int = 6) -> Iterator[Article]:
    """``n`` deterministic synthetic articles recombined from ``pool`` (real paragraphs)."""
    if not pool:
        raise ValueError("empty paragraph pool")
    rng = random.Random(seed)
    titles = [p.split(". ")[0][:90] for p in pool[:: max(1, len(pool) // 500)]]
    names = outlets()
    for i in range(n):
        yield Article(f"syn-{i:06d}.txt", synthetic_text(rng, pool, titles, names, i))


def write_corpus(articles: Iterator[Article], out_dir: Path, per_dir: int = 1000) -> int:
    """Write articles as ``.txt`` files under ``out_dir`` (sharded); how many were written."""
    count = 0
    for count, art in enumerate(articles, 1):
        sub = out_dir / f"{(count - 1) // per_dir:04d}"
        if (count - 1) % per_dir == 0:
            sub.mkdir(parents=True, exist_ok=True)
        (sub / art.name).write_text(art.text, encoding="utf-8")
    return count
