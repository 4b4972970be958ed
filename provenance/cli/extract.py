"""``provenance extract``: quotes and claims of articles, printed."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import typer

from provenance.cli.app import FORMAT_HELP, app, check_format, emit, warn
from provenance.errors import ProvenanceError
from provenance.ingest.loader import DEFAULT_MAX_BYTES, expand_paths, iter_documents
from provenance.parallel import extract_many
from provenance.serialize import extraction_record, iter_ndjson

TABLE_COLUMNS = ["article", "kind", "text", "speaker", "sources"]


def _table_rows(rec: dict[str, Any]) -> list[dict[str, Any]]:
    rows = [{"article": rec["article"], "kind": "quote", "text": q["text"],
             "speaker": q["speaker"], "sources": q["sources"]} for q in rec["quotes"]]
    rows += [{"article": rec["article"], "kind": f"claim:{c['event']}",
              "text": f"{c['figure']} {c['what'] or ''}".strip(),
              "speaker": c["qualifier"], "sources": c["sources"]} for c in rec["claims"]]
    return rows


@contextmanager
def progress_bar(total: int | None, label: str) -> Iterator[Callable[[int], None] | None]:
    """A rich progress bar on stderr, advanced by the callback; none when stderr is no terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    # no refresh thread (auto_refresh=False): worker processes are forked meanwhile
    with Progress(console=Console(stderr=True), transient=True, redirect_stdout=False,
                  auto_refresh=False) as bar:
        task = bar.add_task(label, total=total)

        def advance(n: int) -> None:
            bar.advance(task, n)
            bar.refresh()

        yield advance


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, directories (recursive) or - for stdin."),
    fmt: str = typer.Option("json", "--format", "-f", help=FORMAT_HELP),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Worker processes (0: all cores)."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1,
                                  help="Refuse input files larger than this."),
    verbose: bool = typer.Option(False, "--verbose", "-v",
                                 help="Report encodings and stripped page furniture on stderr."),
) -> None:
    """Extract quotes and numeric claims, with speakers and attribution chains."""
    check_format(fmt)
    records = []
    done, failed = 0, Counter[str]()
    total = None if "-" in paths or not sys.stderr.isatty() else len(list(expand_paths(paths)))
    with progress_bar(total, "extracting") as advance:
        docs = iter_documents(paths, max_bytes=max_bytes, notes=warn if verbose else None)
        for item in extract_many(docs, jobs, progress=advance):
            if isinstance(item, ProvenanceError):
                warn(f"error: {item}")
                failed[getattr(item, "kind", "extraction")] += 1
                continue
            done += 1
            rec = extraction_record(item)
            if fmt == "ndjson":
                for line in iter_ndjson([rec]):
                    typer.echo(line)
            else:
                records.append(rec)
    if fmt == "json":
        emit(records, "json")
    elif fmt == "table":
        emit([row for rec in records for row in _table_rows(rec)], "table", TABLE_COLUMNS)
    if failed:
        why = ", ".join(f"{n} {kind}" for kind, n in failed.most_common())
        warn(f"summary: {done} extracted, {sum(failed.values())} failed ({why})")
        raise typer.Exit(1)
