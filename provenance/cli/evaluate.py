"""``provenance evaluate``: score extraction against gold annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from provenance.cli.app import app, emit, fail
from provenance.evaluation import gold as gold_eval
from provenance.ingest.loader import iter_documents
from provenance.models import Document
from provenance.pipeline import extract_document
from provenance.serialize import extraction_record


def _summary_rows(name: str, scores: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for key, val in scores.items():
        if isinstance(val, dict) and ("f1" in val or "accuracy" in val):
            figure = val.get("f1", val.get("accuracy"))
            kind = "f1" if "f1" in val else "accuracy"
            detail = {k: v for k, v in val.items() if k not in ("f1", "accuracy")}
            rows.append({"set": name, "measure": f"{key} {kind}", "value": figure,
                         "detail": detail})
    return rows


@app.command()
def evaluate(
    gold_dir: Path = typer.Argument(None, help="Directory of gold JSON files (gold/FORMAT.md)."),
    pred: Path = typer.Option(None, "--pred", help="Predictions (JSON list or NDJSON); "
                              "default: extract the articles beside the gold."),
    articles: Path = typer.Option(None, "--articles", help="Where the gold's articles are "
                                  "(default: ../../seeds relative to gold, or the gold dir)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    errors: bool = typer.Option(False, "--errors", help="List every mismatch."),
    gvdb: Path = typer.Option(None, "--gvdb", help="A GVDB TSV: killed/injured counts our "
                              "claims imply vs its victim lists (secondary, noisy labels)."),
    polnear: Path = typer.Option(None, "--polnear", help="A PolNeAR split directory (brat): "
                                 "direct-quote P/R/F1 and named-speaker accuracy."),
) -> None:
    """Score extraction: quote P/R/F1, speaker and chain accuracy, claim scores."""
    rows: list[dict[str, Any]] = []
    result: dict[str, Any] = {}
    if gold_dir is not None:
        if not gold_dir.is_dir():
            fail(f"{gold_dir}: not a directory of gold files")
        gold = gold_eval.load_gold(gold_dir)
        if pred is not None:
            text = pred.read_text(encoding="utf-8").strip()
            preds = json.loads(text) if text.startswith("[") else [
                json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            where = articles or _default_articles(gold_dir)
            wanted = set(gold)
            docs = [d for d in iter_documents([str(where)])
                    if isinstance(d, Document) and d.id in wanted]
            preds = [extraction_record(extract_document(d)) for d in docs]
        scores = gold_eval.score(gold, preds)
        result["gold"] = scores
        rows += _summary_rows(str(gold_dir), scores)
        if errors and fmt == "table":
            for e in scores["errors"]:
                typer.echo(json.dumps(e, ensure_ascii=False), err=True)
    if polnear is not None:
        from provenance.evaluation import polnear as polnear_eval

        if not polnear.is_dir():
            fail(f"{polnear}: not a PolNeAR directory")
        pn = polnear_eval.score_dir(polnear)
        result["polnear"] = pn
        rows += _summary_rows(f"polnear:{polnear.name}", pn)
        if errors and fmt == "table":
            for e in pn["errors"]:
                typer.echo(json.dumps(e, ensure_ascii=False), err=True)
    if gvdb is not None:
        from provenance.evaluation import gvdb as gvdb_eval

        if not gvdb.is_file():
            fail(f"{gvdb}: no such GVDB file")
        gv = gvdb_eval.score(gvdb_eval.load(gvdb))
        result["gvdb"] = gv
        rows += _summary_rows(f"gvdb:{gvdb.name}", gv)
        if errors and fmt == "table":
            for e in gv["errors"]:
                typer.echo(json.dumps(e, ensure_ascii=False), err=True)
    if not result:
        fail("nothing to evaluate: give a gold directory, --polnear or --gvdb", code=2)
    if fmt == "json":
        emit(result, "json")
    else:
        emit(rows, "table", ["set", "measure", "value", "detail"])


def _default_articles(gold_dir: Path) -> Path:
    for cand in (gold_dir.parent.parent / gold_dir.name, gold_dir.parent.parent / "seeds",
                 gold_dir):
        if cand.is_dir() and any(cand.glob("*.txt")):
            return cand
    return gold_dir
