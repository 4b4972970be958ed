"""Fact-checker queries: ``who-said``, ``conflicts``, ``secondhand``, ``chain``, ``footnote``
and ``export``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from provenance.cite import STYLES, footnote
from provenance.cli.app import app, check_format, emit, fail
from provenance.cli.corpus import DB_HELP, opened
from provenance.export import FORMATS as EXPORT_FORMATS
from provenance.export import export as export_corpus
from provenance.query import chain as chain_of
from provenance.query import chain_text, conflict_rows, conflicts, secondhand, tree_rows, who_said

FMT = ("json", "table")
FMT_HELP = "json or table."


def _appearance_row(a: dict[str, Any], mark: str = "") -> dict[str, Any]:
    return {"": mark, "id": a["id"], "date": a["date"] or "undated", "outlet": a["outlet"],
            "speaker": a["speaker"], "chain": chain_text(a["chain"]), "text": a["text"],
            "article": a["article"]}


@app.command("who-said")
def who_said_cmd(
    text: str = typer.Argument(..., help="Words of the quote or claim to look up."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    fmt: str = typer.Option("json", "--format", "-f", help=FMT_HELP),
) -> None:
    """Who said TEXT: its origin and chain, its first appearance, and every appearance."""
    check_format(fmt, FMT)
    if not text.strip():
        fail("give the words to look up", 2)
    with opened(db) as store:
        res = who_said(store, text)
    if fmt == "json":
        emit(res, "json")
        return
    typer.echo(f"{res['speaker'] or '(speaker unknown)'}: “{res['statement']}”")
    typer.echo(f"chain: {chain_text(res['chain']) or '(none)'}")
    first = res["first"]
    rows = [_appearance_row(a, "first" if first and a["id"] == first["id"] else "")
            for a in res["appearances"]]
    rows += [_appearance_row(a, "undated") for a in res["undated"]]
    emit(rows, "table")


@app.command("conflicts")
def conflicts_cmd(
    event: str = typer.Option(None, "--event", help="Only this event kind (killed, wounded, "
                              "arrested, ...)."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    fmt: str = typer.Option("json", "--format", "-f", help=FMT_HELP),
) -> None:
    """Groups of figures that cannot all be true, with each figure's source, outlet and date."""
    check_format(fmt, FMT)
    with opened(db) as store:
        groups = conflicts(store, event)
    emit(groups if fmt == "json" else conflict_rows(groups), fmt)


@app.command("secondhand")
def secondhand_cmd(
    db: str = typer.Option(None, "--db", help=DB_HELP),
    limit: int = typer.Option(None, "--limit", help="At most this many findings."),
    fmt: str = typer.Option("json", "--format", "-f", help=FMT_HELP),
) -> None:
    """Statements with no named origin, and repeats that all pass through one intermediary."""
    check_format(fmt, FMT)
    with opened(db) as store:
        found = secondhand(store, limit)
    if fmt == "json":
        emit(found, "json")
        return
    emit([{"finding": f["finding"], "id": f.get("id", f.get("ids")), "text": f["text"],
           "why": f["why"], "outlet": f.get("outlet", f.get("outlets"))} for f in found],
         "table")


def _statement_id(ref: str) -> int:
    if not ref.strip().isdigit():
        fail(f"{ref!r} is not a statement id (a number, as in `who-said` output)", 2)
    return int(ref)


@app.command("chain")
def chain_cmd(
    statement_id: str = typer.Argument(..., metavar="ID", help="Statement id."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    fmt: str = typer.Option("json", "--format", "-f", help=FMT_HELP),
) -> None:
    """The attribution chain of one statement, as a tree."""
    check_format(fmt, FMT)
    sid = _statement_id(statement_id)
    with opened(db) as store:
        res = chain_of(store, sid)
    if fmt == "json":
        emit(res, "json")
        return
    typer.echo(f"[{res['id']}] {res['text']}")
    emit(tree_rows(res["tree"]), "table", ["name", "role"])


@app.command("footnote")
def footnote_cmd(
    ref: str = typer.Argument(..., metavar="ID-OR-TEXT", help="Statement id or words of it."),
    style: str = typer.Option("chicago", "--style", help="chicago, apa, ap or markdown."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    fmt: str = typer.Option("json", "--format", "-f", help="json, or table for the note."),
) -> None:
    """A footnote for one statement: origin, each intermediary in order, and the article."""
    check_format(fmt, FMT)
    if style not in STYLES:
        raise typer.BadParameter(f"{style!r} is not one of {', '.join(STYLES)}",
                                 param_hint="--style")
    with opened(db) as store:
        res = footnote(store, ref, style)
    if fmt == "json":
        emit(res, "json")
    else:
        typer.echo(res["footnote"])


@app.command("export")
def export_cmd(
    fmt: str = typer.Option("json", "--format", "-f",
                            help="json, graphml, prov-jsonld or claimreview."),
    output: Path = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Export the corpus graph (node-link JSON, GraphML, PROV-O or ClaimReview JSON-LD)."""
    check_format(fmt, EXPORT_FORMATS)
    with opened(db) as store:
        text = export_corpus(store, fmt)
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"{output}: cannot write ({exc.strerror})")
