"""Instructions executed by extraction, counted by valgrind: a speed figure that load on a
shared machine cannot blur (CPU seconds there swing by a third from run to run).

    .venv/bin/python -m bench.instructions [--shared ../shared] [--step 20] [--root DIR]

Extracts every ``step``-th PolNeAR article and GVDB dev article under
``valgrind --tool=cachegrind``, once with no articles and once with all of them, and
prints the difference: the instructions the extraction itself took. ``--root`` measures
another tree or build (for instance a scratch copy compiled with mypyc).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _sample(shared: Path, step: int) -> list[str]:
    from bench import corpus

    polnear = list(corpus.polnear_articles(shared))[::step]
    gvdb = list(corpus.gvdb_articles(shared))[::step]
    return [a.text for a in polnear + gvdb]


def _child(shared: Path, step: int, n: int) -> None:
    """Extract the first ``n`` articles of the sample, after one warm-up article."""
    from provenance.ingest.text import document_from_text
    from provenance.pipeline import extract_document

    docs = [document_from_text(t, id=str(i)) for i, t in enumerate(_sample(shared, step))]
    extract_document(docs[0])  # compiled regexes and lexicons are not what is measured
    for doc in docs[1:1 + n]:
        extract_document(doc)


def count(root: Path, shared: Path, step: int, n: int) -> int:
    """Instructions of one child process extracting ``n`` articles with ``root`` first on
    the path."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join((str(root), str(ROOT)))}
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no",
           "--cachegrind-out-file=/dev/null", sys.executable, __file__,
           "--child", str(n), "--shared", str(shared), "--step", str(step)]
    # run as a script: its own folder, not the working directory, comes first on sys.path
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    m = re.search(r"I\s+refs:\s+([\d,]+)", out.stderr)
    if m is None:
        raise RuntimeError("valgrind printed no instruction count")
    return int(m.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path,
                    default=Path(os.environ.get("SHARED", str(ROOT.parent / "shared"))))
    ap.add_argument("--step", type=int, default=20)
    ap.add_argument("--root", type=Path, default=ROOT, help="the tree (or build) to measure")
    ap.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child is not None:
        _child(args.shared, args.step, args.child)
        return 0
    if shutil.which("valgrind") is None:
        print("bench.instructions: valgrind is not installed", file=sys.stderr)
        return 1
    n = len(_sample(args.shared, args.step)) - 1
    base = count(args.root, args.shared, args.step, 0)
    total = count(args.root, args.shared, args.step, n)
    print(f"{args.root}: {(total - base) / 1e9:.3f} G instructions to extract {n} articles "
          f"({(total - base) / n / 1e6:.1f} M per article)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
