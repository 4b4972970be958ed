"""The compiled build (``PROVENANCE_COMPILE=1``, see ``setup.py``), measured beside the pure one.

The bench installs the package with its extraction stages compiled by mypyc into a scratch
directory, then runs this module there as a child process (``python -m bench.compiled``):
it extracts the same real articles, times them against the same bare scan, and prints its
figures and a digest of its output as JSON, so the parent can check that both builds
extract exactly the same thing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def build(dest: Path) -> tuple[Path | None, str]:
    """Install the compiled build into ``dest/site``: (its path, "") or (None, why not)."""
    site = dest / "site"
    env = {**os.environ, "PROVENANCE_COMPILE": "1"}
    cmd = [sys.executable, "-m", "pip", "install", "--quiet", "--no-build-isolation",
           "--no-deps", "--target", str(site), str(ROOT)]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        lines = [ln.strip() for ln in proc.stderr.splitlines() if "error" in ln.lower()]
        return None, (lines or [f"pip exited with status {proc.returncode}"])[-1]
    return site, ""


def measure(site: Path, shared: Path, step: int, repeat: int, jobs: int = 1) -> dict[str, Any]:
    """Run this module against ``site`` in a child process; its figures, or ``{"error"}``."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join((str(site), str(ROOT)))}
    # absolute: the child runs elsewhere, where a relative ``../shared`` is not there
    cmd = [sys.executable, "-m", "bench.compiled", "--shared", str(shared.resolve()), "--step",
           str(step), "--repeat", str(repeat), "--jobs", str(jobs)]
    # run from the scratch directory: ``-m`` puts the working directory first on sys.path
    proc = subprocess.run(cmd, env=env, cwd=site.parent, capture_output=True, text=True,
                          check=False)
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-1:] or [f"status {proc.returncode}"]
        return {"error": tail[0]}
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def digest(docs: list[Any]) -> str:
    """A fingerprint of what the running build extracts from ``docs``."""
    from provenance.pipeline import extract_document
    from provenance.serialize import extraction_record

    h = hashlib.sha256()
    for doc in docs:
        record = extraction_record(extract_document(doc))
        record.pop("extractor", None)
        h.update(json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


def _child(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="measure the build found first on sys.path")
    ap.add_argument("--shared", type=Path, required=True)
    ap.add_argument("--step", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=1, help="also time this many worker processes")
    args = ap.parse_args(argv)

    from bench import corpus
    from bench.run import RATIO_PAIRS, bare_scan, extract_all, median_times, paired_ratio
    from provenance.extract import attribution
    from provenance.ingest.text import document_from_text

    texts = [a.text for a in corpus.real_articles(args.shared)[:: args.step]]
    docs = [document_from_text(t, id=f"real-{i}") for i, t in enumerate(texts)]
    _, cpu, scan_cpu, ratio = paired_ratio(lambda: extract_all(docs, 1), lambda: bare_scan(texts),
                                           max(args.repeat, RATIO_PAIRS))
    jobs_wall = jobs_cpu = 0.0
    if args.jobs > 1:
        jobs_wall, jobs_cpu, _ = median_times(lambda: extract_all(docs, args.jobs), args.repeat)
    print(json.dumps({
        "compiled": not attribution.__file__.endswith(".py"),
        "articles": len(docs),
        "mb": sum(len(t.encode("utf-8")) for t in texts) / 1e6,
        "cpu": cpu,
        "scan_cpu": scan_cpu,
        "ratio": ratio,
        "jobs": args.jobs,
        "jobs_wall": jobs_wall,
        "jobs_cpu": jobs_cpu,
        "digest": digest(docs),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(_child())
