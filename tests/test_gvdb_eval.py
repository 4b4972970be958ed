"""The GVDB scorer: victim counts implied by claims against a tiny hand-made TSV."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.errors import InputError
from provenance.evaluation import gvdb
from provenance.models import Claim, Span

HEADER = "Article id\tArticle url\tArticle title\tFull text\tJson\tWorker\n"


def _victims(*outcomes: list[str]) -> str:
    return json.dumps({"victim-section": [{"victim-was": o} for o in outcomes]})


def _row(aid: str, text: str, victims: str) -> str:
    return f"{aid}\thttp://example.org/{aid}\tTitle {aid}\t{text}\t{victims}\tw1\n"


@pytest.fixture()
def tsv(tmp_path: Path) -> Path:
    rows = [
        _row("1", "Two men were shot and killed outside a bar on Friday, police said.",
             _victims(["killed"], ["killed"])),
        _row("2", "Three people were wounded in a shooting near the park; one was hospitalized.",
             _victims(["injured"], ["injured", "hospitalized"], ["injured"])),
        _row("3", "A man was shot in the leg on Main Street.", _victims(["injured"])),
        _row("4", "Police said 4 people were killed and 2 injured at the mall.",
             _victims(["killed"], ["killed"], ["killed"], ["injured"])),
    ]
    p = tmp_path / "dev.tsv"
    p.write_text(HEADER + "".join(rows), encoding="utf-8")
    return p


def test_load_counts_victims(tsv: Path) -> None:
    arts = list(gvdb.load(tsv))
    assert [(a.id, a.killed, a.injured) for a in arts] == [
        ("1", 2, 0), ("2", 0, 3), ("3", 0, 1), ("4", 3, 1)]
    assert arts[0].text.startswith("Two men")


def _claim(event: str, value: float | None, low: float | None = None) -> Claim:
    s = Span(start=0, end=1, text="x")
    return Claim(sentence=s, figure=s, value=value, low=low, event=event)  # type: ignore[arg-type]


def test_implied_counts_take_the_largest_figure_per_outcome() -> None:
    claims = [_claim("killed", 2), _claim("deaths", 5), _claim("wounded", None, 24),
              _claim("arrested", 300)]
    assert gvdb.implied_counts(claims) == (5, 24)
    assert gvdb.implied_counts([]) == (None, None)


def test_score(tsv: Path) -> None:
    result = gvdb.score(gvdb.load(tsv))
    assert result["articles"] == 4
    # killed: 2 (right), 0 (right), 0 (right), 4 vs gold 3 (wrong)
    assert result["killed"]["correct"] == 3
    assert result["killed"]["claimed"] == 2
    assert result["killed"]["claimed_accuracy"] == 0.5
    # injured: 3 (right), 0 vs 1 (no figure: "a man"), 2 vs 1 (wrong), 0 (right)
    assert result["injured"]["correct"] == 2
    assert {e["article"] for e in result["errors"]} == {"3", "4"}


def test_not_a_gvdb_file_is_an_input_error(tmp_path: Path) -> None:
    p = tmp_path / "x.tsv"
    p.write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(InputError):
        list(gvdb.load(p))
    with pytest.raises(InputError):
        list(gvdb.load(tmp_path / "missing.tsv"))


def test_bad_json_rows_are_skipped(tmp_path: Path) -> None:
    p = tmp_path / "x.tsv"
    p.write_text(HEADER + _row("1", "Text.", "{not json") + _row("2", "Text.", "{}"),
                 encoding="utf-8")
    assert [a.id for a in gvdb.load(p)] == ["2"]


def test_cli_gvdb(tsv: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["evaluate", "--gvdb", str(tsv), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["gvdb"]["killed"]["correct"] == 3
    result = runner.invoke(app, ["evaluate", "--gvdb", str(tmp_path / "nope.tsv")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
