"""Store-side measurements: ingest into SQLite, linking growth, who-said latency.

They run against the public APIs of ``provenance.corpus``, ``provenance.link``,
``provenance.store`` and ``provenance.query``; a missing API is reported as
"not measured" instead of failing the bench.
"""

from __future__ import annotations

import cProfile
import importlib
import inspect
import io
import math
import pstats
import random
import re
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from bench import corpus
from provenance.extract.segment import sentences
from provenance.ingest.text import document_from_text
from provenance.models import Document

_FIRST = ("Amal", "Boris", "Chen", "Dana", "Emeka", "Farah", "Goran", "Hana", "Ivan", "Juana",
          "Kofi", "Lena", "Marek", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sami", "Tomas")
_LAST = ("Adeyemi", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad",
         "Ivanova", "Jensen", "Kowalski", "Lopez", "Moreau", "Novak", "Okafor", "Petrov",
         "Quispe", "Rossi", "Sato", "Tanaka", "Usman", "Volkov", "Weber", "Yilmaz", "Zhou")
_EVENTS = ("killed", "wounded", "arrested", "detained", "deaths")


class Sink(Protocol):
    profiles: list[tuple[str, str]]

    def add(self, what: str, value: str, target: str = "", verdict: str = "") -> None: ...
    def note(self, text: str) -> None: ...


def profiled(fn: Callable[[], Any], top: int = 20) -> str:
    """cProfile of ``fn()`` in this process: the top functions by cumulative time."""
    prof = cProfile.Profile()
    prof.enable()
    try:
        fn()
    finally:
        prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).strip_dirs().sort_stats("cumulative").print_stats(top)
    return "\n".join(line for line in buf.getvalue().splitlines() if line.strip())


def _verdict(ok: bool) -> str:
    return "met" if ok else "**MISSED**"


def _optional(module: str, *names: str) -> list[Any] | None:
    """The named attributes of ``module``, or None when any is missing."""
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return None
    if not all(hasattr(mod, n) for n in names):
        return None
    return [getattr(mod, n) for n in names]


def _percentile(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    k = max(0, min(len(xs) - 1, math.ceil(p / 100 * len(xs)) - 1))
    return xs[k]


# -- ingest and linking ------------------------------------------------------------------


class LinkTimer:
    """Wraps ``provenance.corpus.link_statements`` to add up the time spent linking
    (wall seconds, and CPU seconds of this thread: what other load cannot inflate)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.cpu = 0.0
        self._mod: Any = None
        self._orig: Callable[..., Any] | None = None

    def __enter__(self) -> LinkTimer:
        self._mod = importlib.import_module("provenance.corpus")
        orig = self._orig = self._mod.link_statements

        def timed(*args: Any, **kwargs: Any) -> Any:
            t, c = time.perf_counter(), time.thread_time()
            try:
                return orig(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - t
                self.cpu += time.thread_time() - c

        self._mod.link_statements = timed
        return self

    def __exit__(self, *exc: object) -> None:
        self._mod.link_statements = self._orig


def _ingest(store: Any, docs: Iterator[Document], jobs: int) -> Any:
    """Ingest through the corpus service, in parallel when it takes ``jobs``."""
    ingest_documents: Callable[..., Any] = importlib.import_module(
        "provenance.corpus").ingest_documents
    if "jobs" in inspect.signature(ingest_documents).parameters:
        return ingest_documents(store, docs, jobs=jobs)
    return ingest_documents(store, docs)  # an ingest without parallel extraction


def ingest_run(work: Path, pool: list[str], n: int, jobs: int, seed: int) -> dict[str, float]:
    """Ingest ``n`` synthetic articles into a fresh store: seconds total and linking, counts."""
    from provenance.store import open_store

    db = work / f"ingest-{n}-{seed}.db"
    docs = (document_from_text(a.text, id=a.name)
            for a in corpus.synthetic_articles(pool, n, seed=seed))
    store = open_store(db)
    try:
        with LinkTimer() as lt:
            t, c = time.perf_counter(), time.process_time()
            rep = _ingest(store, docs, jobs)
            total, main_cpu = time.perf_counter() - t, time.process_time() - c
        stats = store.stats()
    finally:
        store.close()
    return _run_figures(work, db, stats, total, main_cpu, lt, len(rep.failed))


def _run_figures(work: Path, db: Path, stats: dict[str, int], total: float, main_cpu: float,
                 lt: LinkTimer, failed: int) -> dict[str, float]:
    """The figures of one ingest run; the store's files are removed."""
    size = db.stat().st_size
    for f in work.glob(db.name + "*"):
        f.unlink()
    return {"seconds": total, "link": lt.seconds, "link_cpu": lt.cpu, "main_cpu": main_cpu,
            "failed": failed, "statements": stats.get("quotes", 0) + stats.get("claims", 0),
            "links": stats.get("links", 0), "mb": size / 1e6}


@dataclass
class Extracted:
    """One extracted article as the store takes it: document, statement rows, topic terms."""

    doc: Document
    extractor: str
    statements: list[Any]
    terms: list[str]


def extract_pool(pool: list[str], n: int, jobs: int, seed: int = 16) -> list[Extracted]:
    """``n`` synthetic articles extracted once, to be replayed by :func:`replay_run`."""
    from provenance.link import statements_of, topic_terms
    from provenance.models import Extraction
    from provenance.parallel import extract_many

    docs = (document_from_text(a.text, id=a.name)
            for a in corpus.synthetic_articles(pool, n, seed=seed))
    return [Extracted(x.document, x.extractor, statements_of(x), topic_terms(x.document))
            for x in extract_many(docs, jobs=jobs) if isinstance(x, Extraction)]


_WORD = re.compile(r"\b[A-Za-z]{4,}\b")


def _letters(i: int) -> str:
    out = ""
    while True:
        i, r = divmod(i, 26)
        out += chr(97 + r)
        if not i:
            return out


def _variant(item: Extracted, i: int, seed: int) -> Extracted:
    """Copy ``i`` of an extracted article as another, similar article: 70 % of its words and
    half its topic terms renamed (so it is not a duplicate, yet shares keys with the original and
    its other copies), figures redrawn 60 % of the time, speakers and chains kept, a date
    within ±3 years, a new id and URL."""
    from dataclasses import replace
    from datetime import date, timedelta

    from provenance.link import quote_keys

    rng = random.Random(seed * 1_000_003 + i)
    tag = _letters(i)
    renamed: dict[str, str] = {}

    def word(m: re.Match[str]) -> str:
        w = m.group()
        if w not in renamed:
            renamed[w] = w + tag if rng.random() < 0.7 else w
        return renamed[w]

    sts = []
    for st in item.statements:
        text = _WORD.sub(word, st.text)
        new = replace(st, text=text, record={})
        if st.kind == "quote":
            new.keys = quote_keys(text, st.speaker_key)
        elif st.value is not None and rng.random() < 0.6:
            f = rng.uniform(0.6, 1.6)
            new.value = float(max(1, round(st.value * f)))
            new.low = None if st.low is None else float(max(0, round(st.low * f)))
            new.high = None if st.high is None else float(round(st.high * f))
        sts.append(new)
    terms = [t if rng.random() < 0.5 else t + tag for t in item.terms]
    doc = item.doc
    day = doc.published
    if day:
        day = (date.fromisoformat(day[:10]) + timedelta(days=rng.randint(-1095, 1095))).isoformat()
    copy = doc.model_copy(update={
        "id": f"{doc.id}~{i}", "url": f"https://example.org/replay/{i}", "published": day,
        "text": doc.text + f"\n(copy {i})\n"})
    return Extracted(copy, item.extractor, sts, terms)


def replay_run(work: Path, pool_ex: list[Extracted], n: int, seed: int = 6) -> dict[str, float]:
    """Store and link ``n`` articles built from already extracted ones (no extraction):
    the store and linking cost at corpus sizes whose extraction would not fit the bench.
    The first ``len(pool_ex)`` are the extracted articles, the rest :func:`_variant` copies;
    each goes through ``provenance.corpus.ingest_statements`` (one transaction each)."""
    from provenance.store import open_store

    ingest_statements = importlib.import_module("provenance.corpus").ingest_statements
    db = work / f"replay-{n}.db"
    store = open_store(db)
    try:
        with LinkTimer() as lt:
            t, c = time.perf_counter(), time.process_time()
            for i in range(n):
                item = pool_ex[i % len(pool_ex)]
                if i >= len(pool_ex):
                    item = _variant(item, i, seed)
                ingest_statements(store, item.doc, item.extractor, item.statements, item.terms)
            total, main_cpu = time.perf_counter() - t, time.process_time() - c
        stats = store.stats()
    finally:
        store.close()
    return _run_figures(work, db, stats, total, main_cpu, lt, 0)


def bench_ingest_link(report: Sink, work: Path, pool: list[str], cfg: dict[str, int],
                      jobs: int, budget_s: float) -> None:
    """Ingest throughput, and linking time measured at four corpus sizes.

    The two smaller sizes are whole ingests (extraction in ``jobs`` workers, store and
    link here). The two larger ones extract ``link_large`` articles once, then store and
    link ``link_large`` and ``link_huge`` articles from them (:func:`replay_run`: beyond
    the extracted ones, renamed variants), so linking at 100k is measured, not projected,
    without 100k extractions. Linking is judged on CPU seconds inside ``link_statements``.
    """
    if _optional("provenance.corpus", "ingest_documents", "ingest_statements") is None:
        report.note("ingest and linking: not measured (no provenance.corpus.ingest_statements)")
        return
    small, mid = cfg["link_small"], cfg["link_mid"]
    large, huge = cfg["link_large"], cfg["link_huge"]
    r = _median_run([ingest_run(work, pool, small, jobs, seed) for seed in (6, 7, 8)])
    report.add(f"ingest into SQLite, {small:,} synthetic articles, --jobs {jobs} "
               "(extract + store + link; median of 3)",
               f"{small / r['seconds']:,.0f} articles/s ({r['seconds']:.1f} s; "
               f"{r['statements']:,.0f} statements, {r['links']:,.0f} links, "
               f"{r['mb']:.0f} MB file)")
    report.add(f"linking, {small:,} articles (inside link_statements)", _link_figures(r))
    m = ingest_run(work, pool, mid, jobs, 6)
    report.add(f"ingest into SQLite, {mid:,} synthetic articles, --jobs {jobs} (one run)",
               f"{mid / m['seconds']:,.0f} articles/s ({m['seconds']:.1f} s; "
               f"{m['statements']:,.0f} statements, {m['links']:,.0f} links, "
               f"{m['mb']:.0f} MB file)")
    report.add(f"linking, {mid:,} articles", _link_figures(m))
    for res, n in ((r, small), (m, mid)):
        if res["failed"]:
            report.note(f"{res['failed']:.0f} of {n} articles failed to ingest")
    k = _exponent(r, small, m, mid)
    report.add(f"linking growth exponent k, {small:,} → {mid:,} (CPU time ∝ articles^k)",
               f"{k:.2f}", "clearly < 2", _verdict(k < 1.6))
    missed = k >= 1.6
    t, c = time.perf_counter(), _cpu_all()
    extracted = extract_pool(pool, large, jobs)
    ex_wall, ex_cpu = time.perf_counter() - t, _cpu_all() - c
    report.add(f"extraction of {large:,} synthetic articles for the large runs, --jobs {jobs}",
               f"{ex_wall:.0f} s wall ({ex_cpu:.0f} CPU-s incl. workers)")
    last, last_n = m, mid
    for n in (large, huge):
        res = replay_run(work, extracted, n)
        target = "< 10 min at 100k on 2 cores" if n >= 100_000 else ""
        whole = (f"; whole ingest ≈ {_minutes(ex_wall + res['seconds'])} with the extraction"
                 if n == large else "")
        report.add(f"store + link, {n:,} articles (replayed extractions; one transaction each)",
                   f"{n / res['seconds']:,.0f} articles/s ({res['seconds']:.0f} s wall, "
                   f"{res['main_cpu']:.0f} CPU-s; {res['statements']:,.0f} statements, "
                   f"{res['links']:,.0f} links, {res['mb']:,.0f} MB file{whole})")
        report.add(f"linking, {n:,} articles", _link_figures(res), target,
                   _verdict(res["link_cpu"] < 600) if target else "")
        k2 = _exponent(last, last_n, res, n)
        report.add(f"linking growth exponent k, {last_n:,} → {n:,}", f"{k2:.2f}",
                   "clearly < 2", _verdict(k2 < 1.6))
        missed = missed or k2 >= 1.6 or bool(target and res["link_cpu"] >= 600)
        last, last_n = res, n
    del extracted
    if missed:
        report.profiles.append((
            f"ingest of {small:,} articles, main process (store + link; extraction runs in "
            "the workers), top by cumulative time",
            profiled(lambda: ingest_run(work, pool, small, jobs, 6))))


def _cpu_all() -> float:
    import os

    t = os.times()
    return time.process_time() + t.children_user + t.children_system


def _link_figures(res: dict[str, float]) -> str:
    return f"{res['link_cpu']:.1f} CPU-s ({res['link']:.1f} s wall)"


def _exponent(a: dict[str, float], na: int, b: dict[str, float], nb: int) -> float:
    if a["link_cpu"] <= 0 or b["link_cpu"] <= 0:
        return float("nan")
    return math.log(b["link_cpu"] / a["link_cpu"]) / math.log(nb / na)


def _minutes(seconds: float) -> str:
    return f"{seconds:,.0f} s" if seconds < 120 else f"{seconds / 60:,.0f} min"


def _median_run(runs: list[dict[str, float]]) -> dict[str, float]:
    return sorted(runs, key=lambda x: x["seconds"])[len(runs) // 2]


# -- who-said ----------------------------------------------------------------------------


def quote_sentences(pool: list[str], limit: int = 200_000) -> list[str]:
    """Sentences of the real paragraphs that read like quotable statements."""
    out: list[str] = []
    for p in pool:
        for s, e in sentences(p, 0, len(p)):
            if 40 <= e - s <= 300:
                out.append(p[s:e])
        if len(out) >= limit:
            break
    return out


_DIGITS = re.compile(r"\d+")


def _statement_docs(sents: list[str], n_statements: int, per_doc: int,
                    seed: int) -> Iterator[tuple[Document, list[Any]]]:
    """Synthetic articles of ``per_doc`` statements each, ``n_statements`` in all."""
    from provenance.entities import normalise
    from provenance.store.base import Hop, NewStatement

    rng = random.Random(seed)
    speakers = [f"{f} {m} {last}" for f in _FIRST for m in "ABCDE" for last in _LAST]
    outlets = corpus.outlets()
    made = 0
    i = 0
    while made < n_statements:
        k = min(per_doc, n_statements - made)
        picked = [_DIGITS.sub(lambda m: str(rng.randint(2, 999)), rng.choice(sents))
                  for _ in range(k)]
        text = "\n\n".join(picked)
        outlet = rng.choice(outlets)
        doc = Document(id=f"stmt-{i:07d}", text=text, outlet=outlet, url=f"https://ex.org/s/{i}")
        sts = []
        pos = 0
        for sent in picked:
            start, end = pos, pos + len(sent)
            pos = end + 2
            who = rng.choice(speakers)
            hops = [[Hop(outlet, "outlet")]]
            if rng.random() < 0.75:
                sts.append(NewStatement(kind="quote", text=sent, start=start, end=end, hops=hops,
                                        speaker=who, origin=who, speaker_key=normalise(who)))
            else:
                ev = rng.choice(_EVENTS)
                v = float(rng.randint(1, 5000))
                sts.append(NewStatement(kind="claim", text=sent, start=start, end=end,
                                        hops=[[Hop(who, "person")], *hops], speaker=who,
                                        origin=who, speaker_key=normalise(who), figure=str(int(v)),
                                        value=v, qualifier="exact", event=ev, event_key=ev))
        yield doc, sts
        made += k
        i += 1


def load_statements(store: Any, sents: list[str], n_statements: int, seed: int = 6,
                    per_doc: int = 10, batch: int = 500) -> float:
    """Bulk-load synthetic statements through ``Store.add_document``; seconds taken."""
    from provenance.corpus import article_key, content_hash

    t = time.perf_counter()
    it = _statement_docs(sents, n_statements, per_doc, seed)
    done = False
    while not done:
        with store.transaction():  # one transaction per batch of articles: the bulk path
            for _ in range(batch):
                nxt = next(it, None)
                if nxt is None:
                    done = True
                    break
                doc, sts = nxt
                store.add_document(doc, content_hash(doc), article_key(doc), "bench:synthetic",
                                   sts, [])
    return time.perf_counter() - t


def _who_said_fn() -> Callable[[Any, str], Any] | None:
    found = _optional("provenance.query", "who_said")
    return found[0] if found else None


def bench_who_said(report: Sink, work: Path, pool: list[str], cfg: dict[str, int],
                   n_queries: int = 300) -> None:
    """who-said latency p50/p95 over a store of ``cfg['statements']`` statements."""
    who_said = _who_said_fn()
    if who_said is None:
        report.note("who-said latency: not measured (no provenance.query.who_said)")
        return
    from provenance.store import open_store

    n = cfg["statements"]
    sents = quote_sentences(pool)
    db = work / "who-said.db"
    store = open_store(db)
    try:
        load_s = load_statements(store, sents, n)
        stats = store.stats()
        total = stats.get("quotes", 0) + stats.get("claims", 0)
        report.add(f"bulk load {total:,} synthetic statements (Store.add_document, "
                   "500 articles per transaction)",
                   f"{total / load_s:,.0f} statements/s ({load_s:.0f} s, "
                   f"{db.stat().st_size / 1e6:,.0f} MB)")
        rng = random.Random(9)
        queries = [_perturb(rng, rng.choice(sents)) for _ in range(n_queries)]
        queries += [" ".join(rng.sample(rng.choice(sents).split(), 5)) for _ in range(30)]
        _ask(who_said, store, queries[0])  # warm the page cache once
        lat = []
        found = 0
        for q in queries:
            t = time.perf_counter()
            found += _ask(who_said, store, q)
            lat.append((time.perf_counter() - t) * 1000)
        p50, p95 = statistics.median(lat), _percentile(lat, 95)
        if p95 >= 100:
            slow = [q for q, ms in zip(queries, lat, strict=True) if ms >= p50][:40]
            report.profiles.append((
                f"who-said, the {len(slow)} slower queries, top by cumulative time",
                profiled(lambda: [_ask(who_said, store, q) for q in slow])))
        report.add(f"who-said latency over {total:,} statements ({len(queries)} queries: "
                   "stored quotes, lightly edited, and word salads)",
                   f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {max(lat):.0f} ms "
                   f"({found} answered)",
                   "p95 < 100 ms at ≥ 1M", _verdict(p95 < 100) if total >= 1_000_000 else "")
    finally:
        store.close()
        for f in work.glob(db.name + "*"):
            f.unlink()


def _ask(who_said: Callable[[Any, str], Any], store: Any, text: str) -> bool:
    """Run one who-said query; whether it found a statement (not found is an answer too)."""
    from provenance.errors import NotFoundError

    try:
        who_said(store, text)
    except NotFoundError:
        return False
    return True


def _perturb(rng: random.Random, s: str) -> str:
    """A stored sentence as a user pastes it: maybe truncated, a word dropped, case changed."""
    words = s.split()
    if len(words) > 8 and rng.random() < 0.5:
        del words[rng.randrange(len(words))]
    if len(words) > 12 and rng.random() < 0.5:
        words = words[: rng.randint(8, len(words))]
    out = " ".join(words)
    return out.lower() if rng.random() < 0.2 else out


def bench_store(report: Sink, work: Path, pool: list[str], cfg: dict[str, int],
                jobs: int = 2, budget_s: float = 480) -> None:
    """Every store-side measurement that the current APIs allow."""
    if _optional("provenance.store", "open_store") is None:
        report.note("store measurements: not measured (no provenance.store.open_store)")
        return
    bench_ingest_link(report, work, pool, cfg, jobs, budget_s)
    bench_who_said(report, work, pool, cfg)
