"""``provenance ingest``, ``stats`` and ``reextract``: build and maintain the corpus store."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer

from provenance.cli.app import app, check_format, emit, fail, warn
from provenance.corpus import IngestReport, ingest_paths, reextract
from provenance.errors import ProvenanceError
from provenance.store import Store, default_db, open_store

DB_HELP = ("SQLite database file or postgresql:// URL (default: $PROVENANCE_DB or "
           "./provenance.db).")


@contextmanager
def opened(db: str | None, create: bool = False, need_data: bool = True) -> Iterator[Store]:
    """The store at ``db``; library errors become one line on stderr and exit 1."""
    path = db or default_db()
    try:
        store = open_store(path, create=create)
    except ProvenanceError as exc:
        fail(str(exc))
    try:
        if need_data and store.is_empty():
            fail(f"database {store.path} is empty; run `provenance ingest PATH...` first")
        yield store
    except ProvenanceError as exc:
        fail(str(exc))
    finally:
        store.close()


def _report(report: IngestReport, fmt: str, verb: str = "ingested") -> None:
    for path, reason in report.failed:
        warn(f"error: {path}: {reason}" if not reason.startswith(path) else f"error: {reason}")
    summary = report.summary()
    if fmt == "json":
        emit(summary, "json")
    elif verb == "ingested":
        typer.echo(f"ingested {summary['ingested']} ({summary['new_versions']} new versions), "
                   f"skipped {summary['skipped']} (already stored), failed {summary['failed']}, "
                   f"{summary['links']} new links")
    else:
        typer.echo(f"{verb} {summary['ingested']}, failed {summary['failed']}, "
                   f"{summary['links']} new links")
    if report.failed:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, directories (recursive) or - for stdin."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    fmt: str = typer.Option("table", "--format", "-f", help="Summary format: table or json."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0,
                             help="Extraction processes (0: every CPU); storing stays serial."),
) -> None:
    """Extract articles and store them, their statements, chains and links (idempotent)."""
    check_format(fmt, ("json", "table"))
    with opened(db, create=True, need_data=False) as store:
        report = ingest_paths(store, paths, jobs=jobs)
    _report(report, fmt)


@app.command("reextract")
def reextract_cmd(
    db: str = typer.Option(None, "--db", help=DB_HELP),
    force: bool = typer.Option(False, "--all", help="Re-extract every article, not only "
                               "those stored by another extractor version."),
    fmt: str = typer.Option("table", "--format", "-f", help="Summary format: table or json."),
) -> None:
    """Re-run extraction on articles whose extractor version differs from the current one."""
    check_format(fmt, ("json", "table"))
    with opened(db) as store:
        report = reextract(store, force=force)
    _report(report, fmt, verb="re-extracted")


@app.command()
def stats(
    db: str = typer.Option(None, "--db", help=DB_HELP),
    fmt: str = typer.Option("json", "--format", "-f", help="json or table."),
) -> None:
    """Counts of articles, quotes, claims, sources, links and conflicts."""
    check_format(fmt, ("json", "table"))
    with opened(db, need_data=False) as store:
        counts = store.stats()
    if fmt == "json":
        emit(counts, "json")
    else:
        emit([{"what": k, "count": v} for k, v in counts.items()], "table")
