"""Run the benchmark and write ``docs/benchmarks.md``.

    .venv/bin/python -m bench.run [--shared ../shared] [--scale full|small] [--out FILE]

Every figure is the median of several runs. Measurements whose API is not
there yet (store, linker, query) are reported as "not measured" with the reason.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import platform
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from bench import backends, compiled, corpus, stages
from provenance.ingest.text import document_from_text
from provenance.models import Document
from provenance.parallel import extract_many

ROOT = Path(__file__).resolve().parent.parent

# The floor for any extractor: find every quotation mark and attribution cue word
# (the look-ahead only lets the regex engine skip positions faster; same matches).
BARE_SCAN = re.compile(
    r"(?=[\"“”«»„stacr])"
    r"(?:[\"“”«»„]|\b(?:said|says|told|according|added|stated|announced|reported|claimed)\b)"
)

# extraction/bare-scan pairs timed for the ratio (each extraction between two scans)
RATIO_PAIRS = 5

SCALES: dict[str, dict[str, int]] = {
    # synthetic articles extracted / run through the CLI; ingest sizes for the linking
    # growth (the two largest store and link replayed extractions of link_large
    # articles); statements for who-said
    "full": {"extract": 2_000, "cli": 1_000, "link_small": 1_000, "link_mid": 4_000,
             "link_large": 10_000, "link_huge": 100_000, "statements": 1_000_000,
             "repeat": 3, "real_step": 1, "postgres": 2_000},
    "small": {"extract": 500, "cli": 300, "link_small": 200, "link_mid": 800,
              "link_large": 2_000, "link_huge": 10_000, "statements": 100_000, "repeat": 3,
              "real_step": 4, "postgres": 300},
    "seeds": {"extract": 0, "cli": 0, "link_small": 0, "link_mid": 0, "link_large": 0,
              "link_huge": 0, "statements": 0, "repeat": 5, "real_step": 1, "postgres": 0},
}


@dataclass
class Report:
    """Rows of figures, notes and profiles, rendered as markdown."""

    rows: list[tuple[str, str, str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    profiles: list[tuple[str, str]] = field(default_factory=list)

    def add(self, what: str, value: str, target: str = "", verdict: str = "") -> None:
        self.rows.append((what, value, target, verdict))
        print(f"  {what}: {value}  {target} {verdict}".rstrip(), file=sys.stderr, flush=True)

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"  note: {text}", file=sys.stderr, flush=True)


def _cpu() -> float:
    """CPU seconds of this process and its reaped children (the pool's workers)."""
    t = os.times()
    return time.process_time() + t.children_user + t.children_system


def median_time(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The median wall time of ``repeat`` calls, and the last call's result."""
    wall, _, out = median_times(fn, repeat)
    return wall, out


def median_times(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """The median wall and CPU seconds of ``repeat`` calls, and the last call's result.

    CPU time (self + reaped workers) is what a shared, loaded machine cannot inflate
    much, so per-core targets are judged on it; wall time is reported beside it.
    """
    walls, cpus = [], []
    out: Any = None
    for _ in range(repeat):
        c, t = _cpu(), time.perf_counter()
        out = fn()
        walls.append(time.perf_counter() - t)
        cpus.append(_cpu() - c)
    return statistics.median(walls), statistics.median(cpus), out


def paired_ratio(fn: Callable[[], Any], base: Callable[[], Any], repeat: int
                 ) -> tuple[float, float, float, float]:
    """The median wall and CPU seconds of ``fn``, the median CPU seconds of ``base``, and
    the median ratio of the two CPU times.

    Each ``fn`` call is timed between two ``base`` calls and set against their mean, so a
    drift of the machine's speed during the run (this one's moves by 10 % and more)
    moves both sides of a ratio alike, instead of a run of ``base`` calls landing in a
    fast minute and a run of ``fn`` calls in a slow one.
    """
    walls, fns, bases, ratios = [], [], [], []
    c = _cpu()
    base()
    before = _cpu() - c
    for _ in range(repeat):
        c, t = _cpu(), time.perf_counter()
        fn()
        walls.append(time.perf_counter() - t)
        spent = _cpu() - c
        c = _cpu()
        base()
        after = _cpu() - c
        mean = (before + after) / 2
        fns.append(spent)
        bases.append(after)
        ratios.append(spent / mean if mean > 0 else float("inf"))
        before = after
    return (statistics.median(walls), statistics.median(fns), statistics.median(bases),
            statistics.median(ratios))


def verdict(ok: bool) -> str:
    return "met" if ok else "**MISSED**"


# The extraction targets are judged on the build ``pip install .`` installs (compiled);
# the pure-Python build (the editable dev install, and the fallback without a C compiler)
# is measured beside it, its figures in full, and its verdict says which build it is.
FALLBACK_TARGET = "none: the pure fallback"


def fallback_verdict(ok: bool) -> str:
    """The verdict of a pure-build figure against the target the installed build answers."""
    return "would meet" if ok else "short of the installed build's target"


def pooled_figures(n: int, mb: float, wall: float, cpu: float) -> str:
    """Throughput of ``n`` articles (``mb`` MB) extracted by a worker pool in ``wall``
    seconds and ``cpu`` CPU seconds, the workers' included."""
    return (f"{n / wall:,.0f} articles/s, {mb / wall:.2f} MB/s wall ({wall:.1f} s; "
            f"{n / max(cpu, 1e-9):,.0f} articles per CPU-s incl. workers)")


def bare_scan(texts: list[str]) -> int:
    """Count quotation marks and cue words over ``texts``."""
    return sum(1 for t in texts for _ in BARE_SCAN.finditer(t))


def extract_all(docs: list[Document], jobs: int) -> int:
    """Extract every document; how many failed."""
    return sum(1 for x in extract_many(docs, jobs) if not hasattr(x, "document"))


def profile_extraction(docs: list[Document], top: int = 15) -> str:
    """cProfile of one in-process extraction pass: the functions that dominate."""
    prof = cProfile.Profile()
    prof.enable()
    extract_all(docs, 1)
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).strip_dirs().sort_stats("tottime").print_stats(top)
    return "\n".join(line for line in buf.getvalue().splitlines() if line.strip())[-6000:]


def stage_shares(docs: list[Document]) -> str:
    """CPU seconds and share of each registered pipeline stage over ``docs``, one process."""
    from provenance.extract import registry
    from provenance.models import Extraction
    from provenance.pipeline import STAGES, extractor_version

    spent = dict.fromkeys(STAGES, 0.0)
    version = extractor_version()
    for doc in docs:
        ex = Extraction(document=doc, extractor=version)
        for stage in STAGES:
            t = time.process_time()
            ex = registry.get(stage).func(ex)
            spent[stage] += time.process_time() - t
    total = sum(spent.values()) or 1.0
    return "\n".join(f"{stage:<10} {registry.get(stage).name:<22} {sec:7.2f} CPU-s "
                     f"{100 * sec / total:4.0f}%" for stage, sec in spent.items())


def bench_extraction(report: Report, label: str, texts: list[str], repeat: int,
                     jobs_list: tuple[int, ...], profile: bool) -> None:
    """Articles/s, MB/s, and the ratio to a bare regex scan over the same texts."""
    docs = [document_from_text(t, id=f"{label}-{i}") for i, t in enumerate(texts)]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    n = len(docs)
    failed = 0

    def one_process() -> None:
        nonlocal failed
        failed = extract_all(docs, 1)

    t1, cpu1, scan_cpu, ratio = paired_ratio(one_process, lambda: bare_scan(texts),
                                             max(repeat, RATIO_PAIRS))
    cpu_rate = n / cpu1 if cpu1 > 0 else float("inf")
    for jobs in jobs_list:
        if jobs == 1:
            t, cpu = t1, cpu1
        else:
            t, cpu, failed = median_times(lambda j=jobs: extract_all(docs, j), repeat)  # type: ignore[misc]
        rate = n / t
        if jobs == 1:
            report.add(f"extraction, {label} ({n:,} articles, {mb:.1f} MB), pure Python "
                       "(the editable dev install), one process",
                       f"{cpu_rate:,.0f} articles per CPU-s, {mb / cpu:.2f} MB per CPU-s "
                       f"(wall: {rate:,.0f} articles/s, {t:.1f} s)", FALLBACK_TARGET,
                       fallback_verdict(cpu_rate >= 500) if n >= 200
                       else "too few articles to judge")
        else:
            report.add(f"extraction, {label}, --jobs {jobs}", pooled_figures(n, mb, t, cpu))
        if failed:
            report.note(f"{failed} of {n} {label} articles failed extraction (--jobs {jobs})")
    report.add(f"extraction / bare scan (CPU time), {label}, pure Python",
               f"{ratio:,.1f}× (median of {max(repeat, RATIO_PAIRS)} extractions, each against "
               f"the scans before and after it; ratio of the medians "
               f"{cpu1 / max(scan_cpu, 1e-9):,.1f}×; "
               f"scan: {n / max(scan_cpu, 1e-9):,.0f} articles per CPU-s)",
               FALLBACK_TARGET, fallback_verdict(ratio <= 20))
    if profile and (cpu_rate < 500 or ratio > 20):
        sample = docs[:: max(1, n // 500)]
        report.profiles.append((f"extraction, {label}, CPU time per stage ({len(sample)} "
                                "articles, one process)", stage_shares(sample)))
        report.profiles.append((f"extraction, {label}, one process (top by own time)",
                                profile_extraction(sample)))


def bench_compiled(report: Report, shared: Path, step: int, repeat: int,
                   texts: list[str], jobs: int) -> None:
    """The same real-article extraction with the mypyc-compiled build (what ``pip install .``
    installs; ``make compiled``), in a child process; its output must be identical to the
    pure build's."""
    with tempfile.TemporaryDirectory(prefix="provenance-compiled-") as tmp:
        site, why = compiled.build(Path(tmp))
        got: dict[str, Any] = (compiled.measure(site, shared, step, repeat, jobs) if site
                               else {"error": why})
    if "error" in got or not got.get("compiled"):
        report.note(f"compiled build not measured: {got.get('error', 'modules not compiled')}")
        return
    n, cpu, mb = got["articles"], got["cpu"], got["mb"]
    if n != len(texts):
        report.note(f"compiled build not measured: it read {n} articles, the pure build "
                    f"{len(texts)}")
        return
    rate = n / cpu if cpu > 0 else float("inf")
    ratio = got["ratio"]
    report.add(f"extraction, real ({n:,} articles), compiled build (what `pip install .` "
               "installs), one process",
               f"{rate:,.0f} articles per CPU-s, {mb / cpu:.2f} MB per CPU-s",
               "≥ 500/s per core", verdict(rate >= 500))
    if got.get("jobs", 1) > 1:
        report.add(f"extraction, real, compiled build, --jobs {got['jobs']}",
                   pooled_figures(n, mb, got["jobs_wall"], got["jobs_cpu"]))
    report.add("extraction / bare scan (CPU time), real, compiled build",
               f"{ratio:,.1f}× (median of {max(repeat, RATIO_PAIRS)} paired runs as above; "
               f"ratio of the medians {cpu / max(got['scan_cpu'], 1e-9):,.1f}×; "
               f"scan: {n / max(got['scan_cpu'], 1e-9):,.0f} articles per CPU-s)", "≤ 20×",
               verdict(ratio <= 20))
    docs = [document_from_text(t, id=f"real-{i}") for i, t in enumerate(texts)]
    same = compiled.digest(docs) == got["digest"]
    report.add(f"compiled build's output vs the pure build's ({n:,} articles)",
               "identical" if same else "DIFFERENT", "identical", verdict(same))


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def parallel_headroom(report: Report, jobs: int, n: int = 3_000_000) -> None:
    """Speed-up of a pure-Python loop on ``jobs`` processes: the parallelism the machine
    actually offers right now (other load on a shared machine shows up here)."""
    from concurrent.futures import ProcessPoolExecutor

    t = time.perf_counter()
    for _ in range(2 * jobs):
        _burn(n)
    serial = time.perf_counter() - t
    with ProcessPoolExecutor(jobs) as pool:
        pool.submit(_burn, 1).result()  # start-up is not what is measured
        t = time.perf_counter()
        list(pool.map(_burn, [n] * (2 * jobs)))
        par = time.perf_counter() - t
    report.add(f"calibration: CPU-bound loop on {jobs} processes vs one",
               f"{serial / par:.2f}× speed-up (ideal {jobs}×; lower means other load)")


def bench_cli(report: Report, corpus_dir: Path, n: int, jobs: int, repeat: int) -> None:
    """The end-to-end command, as a user runs it (reading files, writing ndjson)."""
    exe = Path(sys.executable).parent / "provenance"  # the running venv's entry point
    cmd = [str(exe if exe.exists() else "provenance"), "extract", str(corpus_dir),
           "-f", "ndjson", "--jobs", str(jobs)]

    def run() -> None:
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)

    t, _ = median_time(run, repeat)
    report.add(f"`provenance extract DIR -f ndjson --jobs {jobs}` ({n} files)",
               f"{n / t:,.0f} articles/s ({t:.2f} s wall, incl. start-up)")


def machine() -> list[str]:
    """What the figures were measured on."""
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 2**20:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return [
        f"- date: {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}; load average "
        f"at the end {load} (on a shared machine wall times suffer; CPU times much less)",
        f"- machine: `nproc` = {os.cpu_count()}, {cpu}{mem}, {platform.system()} "
        f"{platform.release()}",
        f"- Python {platform.python_version()} ({platform.python_implementation()})",
    ]


def peak_rss(report: Report) -> None:
    """Peak resident set size of this process and of its (waited-for) children."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    peak = max(own, kids)
    report.add("peak RSS (getrusage ru_maxrss: bench process / largest child)",
               f"{own:,.0f} MB / {kids:,.0f} MB", "< 2 GB", verdict(peak < 2048))


def render(report: Report, command: str, scale: str, sources: str) -> str:
    """The markdown of ``docs/benchmarks.md``."""
    out = ["# Benchmarks", "",
           "Generated by `bench/run.py`; do not edit by hand. Re-run with:", "",
           f"    {command}", "",
           *machine(),
           f"- scale: `{scale}`; each figure is the median of several runs",
           f"- corpora: {sources}", "",
           "| measurement | result | target | |", "|---|---|---|---|"]
    out += [f"| {w} | {v} | {t} | {d} |" for w, v, t, d in report.rows]
    if report.notes:
        out += ["", "## Notes", ""] + [f"- {n}" for n in report.notes]
    for title, text in report.profiles:
        out += ["", f"## Profile: {title}", "", "```", text, "```"]
    return "\n".join(out) + "\n"


def _articles_texts(articles: Iterator[corpus.Article]) -> list[str]:
    return [a.text for a in articles]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.environ.get("SHARED", str(ROOT.parent / "shared")))
    ap.add_argument("--scale", default=os.environ.get("BENCH_SCALE", "full"),
                    choices=sorted(SCALES))
    ap.add_argument("--out", default=None,
                    help="markdown report (default: docs/benchmarks.md at full scale, else stdout)")
    ap.add_argument("--jobs", type=int, default=2, help="parallel run to compare with one process")
    ap.add_argument("--no-profile", action="store_true")
    ap.add_argument("--no-compiled", action="store_true",
                    help="skip building and measuring the mypyc-compiled build")
    ap.add_argument("--budget", type=float, default=float(os.environ.get("BENCH_BUDGET", 480)),
                    help="seconds the largest ingest may take (else it is projected)")
    ap.add_argument("--postgres", default=os.environ.get("PROVENANCE_BENCH_POSTGRES", ""),
                    metavar="URL", help="also measure the PostgreSQL store on this server")
    args = ap.parse_args(argv)

    shared = Path(args.shared)
    scale = args.scale
    if not shared.is_dir():
        print(f"bench: {shared} is missing; benchmarking on the seeds only", file=sys.stderr)
        scale = "seeds"
    cfg = SCALES[scale]
    repeat = cfg["repeat"]
    report = Report()
    command = "make bench" + ("" if scale == "full" else f"  # BENCH_SCALE={scale}")
    jobs_list = (1, args.jobs) if args.jobs > 1 else (1,)
    started = time.perf_counter()

    real = corpus.real_articles(shared if scale != "seeds" else None)
    sources = (f"{len(real)} real articles (seeds" +
               (", PolNeAR train+dev, GVDB dev+test)" if scale != "seeds" else ")"))
    print(f"bench: scale={scale}, {len(real)} real articles", file=sys.stderr)
    if args.jobs > 1:
        parallel_headroom(report, args.jobs)
    if cfg["real_step"] > 1:
        sources += f"; every {cfg['real_step']}th real article for extraction"
    real_texts = [a.text for a in real[:: cfg["real_step"]]]
    bench_extraction(report, "real", real_texts, repeat, jobs_list, not args.no_profile)
    if not args.no_compiled and scale != "seeds":
        bench_compiled(report, shared, cfg["real_step"], repeat, real_texts, args.jobs)

    with tempfile.TemporaryDirectory(prefix="provenance-bench-") as tmp:
        work = Path(tmp)
        if cfg["extract"]:
            pool = corpus.paragraph_pool(real)
            n = cfg["extract"]
            sources += f"; synthetic articles recombined from their {len(pool):,} paragraphs"
            texts = _articles_texts(corpus.synthetic_articles(pool, n))
            bench_extraction(report, "synthetic", texts, repeat, jobs_list, False)
            del texts
            corpus_dir = work / "synthetic"
            corpus.write_corpus(corpus.synthetic_articles(pool, cfg["cli"]), corpus_dir)
            bench_cli(report, corpus_dir, cfg["cli"], args.jobs, repeat)
            stages.bench_store(report, work, pool, cfg, args.jobs, args.budget)
            if args.postgres and cfg["postgres"]:
                backends.bench_backends(report, work, pool, args.postgres, cfg["postgres"],
                                        args.jobs)
        shutil.rmtree(work, ignore_errors=True)

    peak_rss(report)
    report.note(f"total bench time {time.perf_counter() - started:,.0f} s")
    text = render(report, command, scale, sources)
    if args.out is None and scale != "full":
        print(text)
        return 0
    out = Path(args.out or ROOT / "docs" / "benchmarks.md")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"bench: wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
