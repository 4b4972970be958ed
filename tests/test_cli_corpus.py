"""CLI: ingest, stats, reextract and the query commands; exit codes and JSON output.

The last tests are the seed acceptance tests: they need the real extractors.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from _corpus_data import build_db
from typer.testing import CliRunner

from provenance.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "corpus.db")
    build_db(path)
    return path


def _json(args: list[str]) -> object:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _dump(path: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    rows = []
    for table in ("articles", "statements", "hops", "sources", "links"):
        rows += con.execute(f"SELECT * FROM {table}").fetchall()
    con.close()
    return rows


def test_ingest_summary_and_idempotence(tmp_path: Path) -> None:
    art = tmp_path / "a.txt"
    art.write_text("Title: Storm\nOutlet: Coast News\n\nAt least 12 people were hurt, officials "
                   "said. \"We are clearing the roads,\" mayor Ana Diaz said.\n", encoding="utf-8")
    path = str(tmp_path / "p.db")
    first = runner.invoke(app, ["ingest", str(art), "--db", path])
    assert first.exit_code == 0, first.output
    assert "ingested 1" in first.stdout
    again = _json(["ingest", str(art), "--db", path, "--format", "json"])
    assert again == {"ingested": 0, "new_versions": 0, "skipped": 1, "failed": 0, "links": 0,
                     "failures": []}


def test_bad_input_fails_and_leaves_db_unchanged(db: str, tmp_path: Path) -> None:
    before = _dump(db)
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20)
    result = runner.invoke(app, ["ingest", str(empty), str(binary), str(tmp_path / "none.txt"),
                                 "--db", db])
    assert result.exit_code == 1
    assert "failed 3" in result.stdout
    assert "Traceback" not in result.output
    assert result.stderr.count("error:") == 3
    assert _dump(db) == before


def test_one_bad_file_does_not_stop_the_rest(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Officials said 4 people were detained on Monday.\n", encoding="utf-8")
    path = str(tmp_path / "p.db")
    result = runner.invoke(app, ["ingest", str(tmp_path / "missing.txt"), str(good), "--db", path,
                                 "-f", "json"])
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert summary["ingested"] == 1 and summary["failed"] == 1
    assert "no such file" in summary["failures"][0]["reason"]


def test_stats_json(db: str) -> None:
    stats = _json(["stats", "--db", db, "--format", "json"])
    assert isinstance(stats, dict)
    assert stats["articles"] == 3 and stats["quotes"] == 2 and stats["claims"] == 6
    assert stats["conflicts"] == 2 and stats["links"] == 4 and stats["sources"] >= 4


def test_stats_table_and_bad_format(db: str) -> None:
    assert "articles" in runner.invoke(app, ["stats", "--db", db]).stdout
    assert runner.invoke(app, ["stats", "--db", db, "-f", "xml"]).exit_code == 2


def test_who_said_json_and_table(db: str) -> None:
    res = _json(["who-said", "dozens of attackers have been eliminated", "--db", db, "-f", "json"])
    assert isinstance(res, dict) and res["speaker"] == "Dana Ospanova"
    table = runner.invoke(app, ["who-said", "dozens of attackers", "--db", db])
    assert table.exit_code == 0 and "first" in table.stdout and "Steppe Daily" in table.stdout


def test_conflicts_json_and_table(db: str) -> None:
    groups = _json(["conflicts", "--event", "killed", "--db", db, "-f", "json"])
    assert isinstance(groups, list) and len(groups) == 1
    table = runner.invoke(app, ["conflicts", "--db", db])
    assert table.exit_code == 0 and "Northern Herald" in table.stdout


def test_secondhand_json(db: str) -> None:
    found = _json(["secondhand", "--db", db, "-f", "json"])
    assert isinstance(found, list)
    assert {f["finding"] for f in found} == {"no-origin", "single-intermediary"}
    assert runner.invoke(app, ["secondhand", "--db", db]).exit_code == 0


def test_chain_and_footnote(db: str) -> None:
    res = _json(["chain", "1", "--db", db, "-f", "json"])
    assert isinstance(res, dict) and res["tree"]["role"] == "origin"
    table = runner.invoke(app, ["chain", "1", "--db", db])
    assert table.exit_code == 0 and "Interfax" in table.stdout
    note = runner.invoke(app, ["footnote", "1", "--style", "ap", "--db", db])
    assert note.exit_code == 0 and "Dana Ospanova" in note.stdout
    res = _json(["footnote", "at least 18 policemen", "--db", db, "-f", "json"])
    assert isinstance(res, dict) and res["origin"] == "Karaganda health department"


@pytest.mark.parametrize("fmt", ["json", "prov-jsonld", "claimreview"])
def test_export_json_formats_parse(db: str, fmt: str) -> None:
    _json(["export", "--format", fmt, "--db", db])


def test_export_graphml_to_file(db: str, tmp_path: Path) -> None:
    import networkx as nx

    out = tmp_path / "g.graphml"
    result = runner.invoke(app, ["export", "-f", "graphml", "-o", str(out), "--db", db])
    assert result.exit_code == 0
    assert nx.read_graphml(out).number_of_nodes() > 0


@pytest.mark.parametrize("args", [
    ["chain", "999"], ["footnote", "999"], ["who-said", "zebra quantum marmalade"],
])
def test_missing_ids_are_one_line_exit_1(db: str, args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0 and result.stderr.startswith("error:")


@pytest.mark.parametrize("args", [
    ["chain", "abc"], ["footnote", "1", "--style", "mla"], ["export", "-f", "csv"],
    ["who-said", "  "],
])
def test_usage_errors_exit_2(db: str, args: list[str]) -> None:
    assert runner.invoke(app, [*args, "--db", db]).exit_code == 2


@pytest.mark.parametrize("args", [["conflicts"], ["secondhand"], ["export"], ["chain", "1"]])
def test_missing_or_empty_db(tmp_path: Path, args: list[str]) -> None:
    missing = runner.invoke(app, [*args, "--db", str(tmp_path / "nope.db")])
    assert missing.exit_code == 1 and "no database" in missing.stderr
    assert not (tmp_path / "nope.db").exists()
    empty = str(tmp_path / "empty.db")
    runner.invoke(app, ["stats", "--db", empty])  # missing: error, creates nothing
    from provenance.store import open_store
    open_store(empty).close()
    result = runner.invoke(app, [*args, "--db", empty])
    assert result.exit_code == 1 and "empty" in result.stderr


def test_db_from_environment(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROVENANCE_DB", db)
    stats = _json(["stats", "-f", "json"])
    assert isinstance(stats, dict) and stats["articles"] == 3


def test_reextract_updates_outdated_articles(db: str) -> None:
    res = _json(["reextract", "--db", db, "-f", "json"])
    assert isinstance(res, dict) and res["ingested"] == 3  # stored by extractor "test"
    again = _json(["reextract", "--db", db, "-f", "json"])
    assert isinstance(again, dict) and again["ingested"] == 0


# -- seed acceptance (need the extractors) ------------------------------------------------


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    result = runner.invoke(app, ["ingest", str(ROOT / "seeds"), "--db", path])
    assert result.exit_code == 0, result.output
    return path


def test_seed_conflict_12_security_forces_vs_at_least_18_policemen(seed_db: str) -> None:
    groups = _json(["conflicts", "--event", "killed", "--db", seed_db, "-f", "json"])
    assert isinstance(groups, list)
    found = False
    for g in groups:
        figs = g["figures"]
        twelve = [f for f in figs if f["value"] == 12 and f["article"].startswith("001_")]
        eighteen = [f for f in figs if f["value"] == 18 and f["qualifier"] == "at_least"
                    and f["article"].startswith("002_")]
        if twelve and eighteen:
            found = True
            assert any("authorities" in json.dumps(f["chain"]).lower() for f in twelve)
    assert found, groups


def test_seed_who_said_dozens_of_attackers(seed_db: str) -> None:
    res = _json(["who-said", "dozens of attackers have been eliminated", "--db", seed_db,
                 "-f", "json"])
    assert isinstance(res, dict)
    assert res["speaker"] == "Saltanat Azirbek"
    flat = json.dumps(res["chain"])
    assert "Khabar 24" in flat or "Chabar" in flat


def test_seed_footnote_26_armed_criminals(seed_db: str) -> None:
    res = _json(["footnote", "26 armed criminals have been killed", "--db", seed_db,
                 "-f", "json"])
    assert isinstance(res, dict)
    note = res["footnote"]
    assert "Interior Ministry" in note
    assert note.index("Interior Ministry") < note.index("Khabar 24") < note.index("RIA Novosti")


def test_stdin_articles_are_separate_articles_not_versions(tmp_path: Path) -> None:
    path = str(tmp_path / "p.db")
    for n in (3, 5):
        result = runner.invoke(app, ["ingest", "-", "--db", path],
                               input=f"Officials said {n} people were hurt in the fire.\n")
        assert result.exit_code == 0, result.output
    stats = _json(["stats", "--db", path, "-f", "json"])
    assert isinstance(stats, dict) and stats["articles"] == stats["versions"] == 2


def test_library_modules_do_not_load_typer() -> None:
    import subprocess
    import sys

    code = ("import sys, provenance.corpus, provenance.query, provenance.cite, "
            "provenance.export, provenance.graph, provenance.store.sqlite; "
            "sys.exit('typer' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0
