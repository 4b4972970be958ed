"""The PostgreSQL store: picked by URL, one-line errors, the same answers as SQLite, and
concurrent ingests. The store behaviour shared with SQLite runs in test_store.py and the
query tests, once per backend (the ``db`` fixture)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from _corpus_data import wire_article
from typer.testing import CliRunner

from provenance.cli import app
from provenance.errors import StoreError
from provenance.store import open_store
from provenance.store.postgres import PostgresStore, fold_words, redacted

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
# nothing listens on port 1: the connection is refused at once
UNREACHABLE = "postgresql://ana:s3cret@127.0.0.1:1/news"


def test_redacted_hides_only_the_password() -> None:
    assert redacted(UNREACHABLE) == "postgresql://ana:***@127.0.0.1:1/news"
    assert redacted("postgresql://ana@db/news?sslmode=require") == \
        "postgresql://ana@db/news?sslmode=require"


def test_folded_words_drop_case_and_diacritics() -> None:
    assert fold_words("Ñuble São Paulo ÉCOLE") == "nuble sao paulo ecole"


def test_unreachable_server_is_one_store_error_without_the_password() -> None:
    with pytest.raises(StoreError) as err:
        open_store(UNREACHABLE)
    message = str(err.value)
    assert "cannot connect" in message and "\n" not in message
    assert "s3cret" not in message and "127.0.0.1:1" in message


def test_cli_unreachable_server_is_one_line_and_exit_1() -> None:
    result = runner.invoke(app, ["stats", "--db", UNREACHABLE])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "s3cret" not in lines[0]


def test_missing_driver_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import raises ImportError
    with pytest.raises(StoreError, match=r"needs psycopg: pip install 'provenance\[postgres\]'"):
        open_store(UNREACHABLE)


def test_sqlite_store_does_not_load_the_driver() -> None:
    code = ("import sys; from provenance.store import open_store; "
            "open_store(':memory:').close(); print('psycopg' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "False"


def test_empty_schema_without_create_is_store_error(pg_url: str) -> None:
    with pytest.raises(StoreError, match="no provenance store"):
        open_store(pg_url, create=False)
    with open_store(pg_url) as store:
        assert isinstance(store, PostgresStore) and store.is_empty()
    with open_store(pg_url, create=False) as again:  # migrated once, opened again
        assert again.schema_version == 1


def _answers(db: str) -> list[object]:
    """What every query command answers on the seeds stored at ``db``."""
    seeds = str(ROOT / "seeds")
    assert runner.invoke(app, ["ingest", seeds, "--db", db, "--jobs", "1"]).exit_code == 0
    out = []
    for args in (["stats"], ["conflicts"], ["secondhand"],
                 ["who-said", "dozens of attackers have been eliminated"],
                 ["footnote", "26 armed criminals have been killed", "--style", "chicago"],
                 ["chain", "12"], ["export", "--format", "json"]):
        result = runner.invoke(app, [*args, "--db", db, "--format", "json"]
                               if args[0] != "export" else [*args, "--db", db])
        assert result.exit_code == 0, (args, result.output)
        out.append(json.loads(result.stdout))
    return out


def test_seed_queries_answer_as_on_sqlite(pg_url: str, tmp_path: Path) -> None:
    assert _answers(pg_url) == _answers(str(tmp_path / "seeds.db"))


def test_two_concurrent_ingests_store_each_article_once(pg_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    n = 40
    for i in range(n):
        (folder / f"wire_{i:04d}.txt").write_text(wire_article(i), encoding="utf-8")
    cmd = [sys.executable, "-m", "provenance", "ingest", str(folder), "--db", pg_url,
           "--jobs", "1"]
    procs = [subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert sum(int(out.split()[1]) for out, _ in outs) == n  # "ingested N ..."
    with open_store(pg_url) as store:
        arts = store.articles()
        assert len(arts) == n == len({a.content_hash for a in arts})
        stats = store.stats()
        assert stats["quotes"] == n  # one quote and three claims per article
        assert stats["claims"] == 3 * n


def _word_counts(store: PostgresStore) -> dict[str, int]:
    """Statements per indexed word, counted afresh from the statements table."""
    return {str(w): int(n) for w, n in store._q(
        "SELECT u.lexeme, count(*) FROM statements s CROSS JOIN LATERAL unnest(s.words) u "
        "GROUP BY u.lexeme")}


def test_word_counts_follow_added_and_replaced_statements(pg_url: str) -> None:
    seeds = str(ROOT / "seeds")
    assert runner.invoke(app, ["ingest", seeds, "--db", pg_url, "--jobs", "1"]).exit_code == 0
    with open_store(pg_url) as store:
        assert isinstance(store, PostgresStore)

        def kept() -> dict[str, int]:
            return {str(w): int(n) for w, n in store._q(
                "SELECT word, df FROM word_df WHERE df > 0")}

        assert kept() == _word_counts(store) and kept()
        first = store.articles()[0]
        store.replace_statements(first.id, "newer", [])  # its statements are gone
        assert kept() == _word_counts(store)
        counts = _word_counts(store)
        words = sorted(counts, key=lambda w: (counts[w], w))
        rare, common = words[0], words[-1]
        assert store._rarest([common, rare, "zzzunknownword"], 2) == [rare, common]
