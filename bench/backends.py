"""The two store backends side by side: the same synthetic articles ingested (and
linked) into SQLite and into PostgreSQL, then the same who-said queries on each.

It runs when ``make bench`` is given a server (``--postgres URL``, or
``$PROVENANCE_BENCH_POSTGRES``; ``make bench`` starts a throwaway local one where
PostgreSQL is installed). The tables go into a schema of their own, dropped after.
"""

from __future__ import annotations

import os
import random
import statistics
import time
from pathlib import Path
from typing import Any

from bench import corpus
from bench.stages import Sink, _ask, _percentile, _perturb, _who_said_fn
from provenance.corpus import ingest_documents
from provenance.ingest.text import document_from_text
from provenance.store import open_store


def with_schema(url: str, schema: str) -> str:
    """``url`` with its tables kept in ``schema`` (libpq's ``options`` parameter)."""
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


def _run(location: str, pool: list[str], n: int, jobs: int,
         n_queries: int) -> tuple[float, dict[str, int], list[float]]:
    """Ingest ``n`` articles into the store at ``location``, then time who-said queries:
    (ingest seconds, store stats, query latencies in ms)."""
    who_said = _who_said_fn()
    docs = (document_from_text(a.text, id=a.name)
            for a in corpus.synthetic_articles(pool, n, seed=11))
    with open_store(location) as store:
        t = time.perf_counter()
        ingest_documents(store, docs, jobs=jobs)
        seconds = time.perf_counter() - t
        stats = store.stats()
        lat: list[float] = []
        if who_said is not None:
            rng = random.Random(5)
            quotes = sorted(s.text for s in store.iter_statements("quote"))
            queries = [_perturb(rng, rng.choice(quotes)) for _ in range(n_queries)] if quotes \
                else []
            for q in queries[:1]:
                _ask(who_said, store, q)  # warm caches once
            for q in queries:
                t = time.perf_counter()
                _ask(who_said, store, q)
                lat.append((time.perf_counter() - t) * 1000)
    return seconds, stats, lat


def _latency(lat: list[float]) -> str:
    if not lat:
        return "not measured"
    return f"p50 {statistics.median(lat):.1f} ms, p95 {_percentile(lat, 95):.1f} ms"


def bench_backends(report: Sink, work: Path, pool: list[str], url: str, n: int,
                   jobs: int, n_queries: int = 200) -> None:
    """SQLite and PostgreSQL on the same ``n`` articles and queries."""
    try:
        import psycopg
    except ImportError:
        report.note("PostgreSQL store: not measured (psycopg is not installed)")
        return
    schema = f"provenance_bench_{os.getpid()}"
    try:
        admin = psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.Error as exc:
        report.note(f"PostgreSQL store: not measured (cannot connect: "
                    f"{str(exc).strip().splitlines()[0]})")
        return
    try:
        admin.execute(f"CREATE SCHEMA {schema}")
        pg = _run(with_schema(url, schema), pool, n, jobs, n_queries)
    finally:
        admin.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        admin.close()
    db = work / "backends.db"
    lite = _run(str(db), pool, n, jobs, n_queries)
    for f in work.glob(db.name + "*"):
        f.unlink()
    version = _server_version(url)
    same = "same" if pg[1] == lite[1] else f"**differ**: SQLite {lite[1]}, PostgreSQL {pg[1]}"
    report.add(f"ingest + link {n:,} synthetic articles, --jobs {jobs}: SQLite vs "
               f"PostgreSQL {version} (server on this machine, sharing its cores)",
               f"SQLite {n / lite[0]:,.0f} articles/s, PostgreSQL {n / pg[0]:,.0f} "
               f"articles/s; statements and links stored: {same}")
    total = lite[1].get("quotes", 0) + lite[1].get("claims", 0)
    report.add(f"who-said latency over those {total:,} statements ({len(pg[2])} stored "
               "quotes, lightly edited): SQLite vs PostgreSQL",
               f"SQLite {_latency(lite[2])}; PostgreSQL {_latency(pg[2])}")


def _server_version(url: str) -> str:
    import psycopg

    with psycopg.connect(url, connect_timeout=10) as conn:
        row: Any = conn.execute("SHOW server_version").fetchone()
    return str(row[0]).split()[0]
