"""``provenance extract``: quotes and claims of articles, printed."""

from __future__ import annotations

from typing import Any

import typer

from provenance.cli.app import FORMAT_HELP, app, check_format, emit, warn
from provenance.errors import InputError
from provenance.ingest.loader import iter_documents
from provenance.pipeline import extract_document
from provenance.serialize import extraction_record, iter_ndjson

TABLE_COLUMNS = ["article", "kind", "text", "speaker", "sources"]


def _table_rows(rec: dict[str, Any]) -> list[dict[str, Any]]:
    rows = [{"article": rec["article"], "kind": "quote", "text": q["text"],
             "speaker": q["speaker"], "sources": q["sources"]} for q in rec["quotes"]]
    rows += [{"article": rec["article"], "kind": f"claim:{c['event']}",
              "text": f"{c['figure']} {c['what'] or ''}".strip(),
              "speaker": c["qualifier"], "sources": c["sources"]} for c in rec["claims"]]
    return rows


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, directories (recursive) or - for stdin."),
    fmt: str = typer.Option("json", "--format", "-f", help=FORMAT_HELP),
) -> None:
    """Extract quotes and numeric claims, with speakers and attribution chains."""
    check_format(fmt)
    records = []
    bad = 0
    for item in iter_documents(paths):
        if isinstance(item, InputError):
            warn(f"error: {item}")
            bad += 1
            continue
        rec = extraction_record(extract_document(item))
        if fmt == "ndjson":
            for line in iter_ndjson([rec]):
                typer.echo(line)
        else:
            records.append(rec)
    if fmt == "json":
        emit(records, "json")
    elif fmt == "table":
        emit([row for rec in records for row in _table_rows(rec)], "table", TABLE_COLUMNS)
    if bad:
        raise typer.Exit(1)
