"""The stores (SQLite, and PostgreSQL where a server is given): schema, idempotence,
versions, transactions, concurrency, kills."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from _corpus_data import article_a, article_b, build_db, corpus, wire_article

from provenance.corpus import content_hash, ingest_extraction
from provenance.errors import NotFoundError, StoreError
from provenance.ingest.text import document_from_text
from provenance.models import Extraction
from provenance.store import NewStatement, open_store
from provenance.store.sqlite import MIGRATIONS, SQLiteStore

ROOT = Path(__file__).resolve().parent.parent


def test_schema_is_migrated_once(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    with open_store(db) as store:
        assert isinstance(store, SQLiteStore)
        assert store.schema_version == len(MIGRATIONS)
    with SQLiteStore(db) as again:
        assert again.schema_version == len(MIGRATIONS)
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(MIGRATIONS)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_open_waits_for_a_writer_before_switching_to_wal(tmp_path: Path) -> None:
    """The WAL switch reads, then upgrades to a write lock, and SQLite does not wait on
    that upgrade: a writer holding a rollback-journal file must delay the open, not fail it
    (two processes opening a new store at once are in just this position)."""
    db = tmp_path / "p.db"
    writer = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    writer.execute("CREATE TABLE t (x)")
    writer.execute("BEGIN IMMEDIATE")  # holds a reserved lock
    writer.execute("INSERT INTO t VALUES (1)")
    release = threading.Timer(0.3, lambda: writer.execute("COMMIT"))
    release.start()
    try:
        with SQLiteStore(db) as store:
            assert store.schema_version == len(MIGRATIONS)
    finally:
        release.join()
        writer.close()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("SELECT x FROM t").fetchall() == [(1,)]


def test_open_missing_without_create_is_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        open_store(tmp_path / "missing.db", create=False)


def test_not_a_database_is_store_error(tmp_path: Path) -> None:
    bad = tmp_path / "junk.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError):
        open_store(bad)


def test_reingesting_same_content_adds_nothing(db: str) -> None:
    with open_store(db) as store:
        first, _ = ingest_extraction(store, article_a())
        assert first is not None and first.status == "added"
        before = store.stats()
        again, links = ingest_extraction(store, article_a(doc_id="other-name.txt"))
        assert again is None and links == 0
        assert store.stats() == before


def test_changed_content_under_same_url_is_a_new_version(db: str) -> None:
    ex = article_a()
    doc = ex.document
    changed = Extraction(document=doc.model_copy(update={"text": doc.text + "\nCorrection.\n"}),
                         extractor="test", quotes=ex.quotes, claims=ex.claims)
    with open_store(db) as store:
        ingest_extraction(store, ex)
        res, _ = ingest_extraction(store, changed)
        assert res is not None and res.status == "version" and res.article.version == 2
        stats = store.stats()
        assert stats["articles"] == 1 and stats["versions"] == 2
        old = [a for a in store.articles(current_only=False) if not a.current]
        assert len(old) == 1 and old[0].content_hash == content_hash(doc)


def test_stored_statements_keep_offsets_and_chains(db: str) -> None:
    with open_store(db) as store:
        res, _ = ingest_extraction(store, article_a())
        assert res is not None
        doc = store.document(res.article.id)
        quote = next(s for s in res.statements if s.kind == "quote")
        assert doc.text[quote.start:quote.end] == quote.text
        assert quote.chain_names() == ["Dana Ospanova", ["Channel Seven", "Interfax"]]
        claim = next(s for s in res.statements if s.kind == "claim")
        assert claim.chain_names() == ["Defence Ministry", "Channel Seven"]
        assert doc.text[claim.start:claim.end] == claim.figure
        assert store.statement(quote.id).text == quote.text


def test_missing_statement_is_not_found(db: str) -> None:
    with open_store(db) as store, pytest.raises(NotFoundError):
        store.statement(12345)


def test_fulltext_search_survives_query_syntax(db: str) -> None:
    build_db(db)
    with open_store(db) as store:
        hits = store.search(["eliminated", "identified"])
        assert hits and all("eliminated" in h.text for h in hits)
        for nasty in (['"', "*"], ["NEAR(", "AND", "OR"], ["-", ":"]):
            store.search(nasty)  # no exception


def test_failed_transaction_leaves_nothing(db: str) -> None:
    ex = article_b()
    bad = NewStatement(kind="quote", text="x", start=0, end=1)
    bad.record = {"unserialisable": object()}
    with open_store(db) as store:
        with pytest.raises(TypeError):
            store.add_document(ex.document, "h1", "k", "test", [bad], ["karaganda"])
        assert store.is_empty()
        assert store.stats()["quotes"] == 0


def test_replace_statements_and_outdated(db: str) -> None:
    with open_store(db) as store:
        for ex in corpus():
            ingest_extraction(store, ex)
        assert len(store.outdated("test")) == 0
        assert len(store.outdated("newer")) == 3
        art = store.articles()[0]
        store.replace_statements(art.id, "newer", [])
        assert [a.id for a in store.outdated("newer")] == [a.id for a in store.articles()[1:]]
        assert all(lk.a != art.id for lk in store.links())


def _write_articles(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"wire_{i:04d}.txt").write_text(wire_article(i), encoding="utf-8")


def _ingest_cmd(folder: Path, db: Path, jobs: int = 1) -> list[str]:
    return [sys.executable, "-m", "provenance", "ingest", str(folder), "--db", str(db),
            "--jobs", str(jobs)]


def _consistent(db: Path) -> tuple[int, int]:
    """(articles, articles whose statement count matches what was recorded)."""
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = con.execute("SELECT a.n_statements, (SELECT count(*) FROM statements s "
                       "WHERE s.article_id = a.id) FROM articles a").fetchall()
    dupes = con.execute("SELECT count(*) FROM (SELECT content_hash FROM articles "
                        "GROUP BY content_hash HAVING count(*) > 1)").fetchone()[0]
    con.close()
    assert dupes == 0
    return len(rows), sum(1 for want, have in rows if want == have)


def test_killed_ingest_leaves_db_consistent_and_rerun_completes(tmp_path: Path) -> None:
    folder, db = tmp_path / "in", tmp_path / "p.db"
    n = 150
    _write_articles(folder, n)
    proc = subprocess.Popen(_ingest_cmd(folder, db), cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            con = sqlite3.connect(db, timeout=5)
            stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            con.close()
        except sqlite3.OperationalError:
            stored = 0
        if stored >= 3:
            break
        time.sleep(0.01)
    proc.kill()
    proc.wait()
    total, ok = _consistent(db)
    assert total == ok
    rerun = subprocess.run(_ingest_cmd(folder, db), cwd=ROOT, capture_output=True, text=True,
                           timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"skipped {total}" in rerun.stdout
    total, ok = _consistent(db)
    assert total == ok == n


def test_two_concurrent_ingests_both_succeed_without_duplicates(tmp_path: Path) -> None:
    folder, db = tmp_path / "in", tmp_path / "p.db"
    n = 60
    _write_articles(folder, n)
    procs = [subprocess.Popen(_ingest_cmd(folder, db, jobs), cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for jobs in (1, 2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    counts = [int(out.split()[1]) for out, _ in outs]  # "ingested N ..."
    assert sum(counts) == n
    total, ok = _consistent(db)
    assert total == ok == n


def test_document_roundtrip_keeps_regions(db: str) -> None:
    doc = document_from_text(wire_article(3), id="w3.txt")
    with open_store(db) as store:
        res, _ = ingest_extraction(store, Extraction(document=doc, extractor="test"))
        assert res is not None
        back = store.document(res.article.id)
        assert back.text == doc.text and back.regions == doc.regions
        assert back.outlet == doc.outlet and back.published == doc.published


def test_search_texts_all_words_first_then_any(db: str) -> None:
    build_db(db)
    with open_store(db) as store:
        both = store.search_texts(["attackers", "eliminated"])
        assert both and all("eliminated" in t for _, t in both)
        anyw = store.search_texts(["eliminated", "zzzunknownword"])
        assert anyw and all("eliminated" in t for _, t in anyw)
        assert store.search_texts([]) == []


def test_quote_candidates_by_key_as_light_rows(db: str) -> None:
    from provenance.link import quote_keys

    with open_store(db) as store:
        for ex in corpus():
            ingest_extraction(store, ex)
        quotes = list(store.iter_statements("quote"))
        last = quotes[-1]
        assert last.article is not None
        rows = store.quote_candidates(quote_keys(last.text, last.speaker_key), last.article.id)
        assert {r.id for r in rows} == {q.id for q in quotes[:-1]}
        assert all(r.article_id != last.article.id for r in rows)
        assert store.quote_candidates([], last.article.id) == []


def test_term_counts_follow_current_versions(db: str) -> None:
    with open_store(db) as store:
        for i, text in enumerate(("One Almaty story.", "Another Almaty story.")):
            doc = document_from_text(text, id="same.txt")
            store.add_document(doc, content_hash(doc), "same.txt", "t", [], ["almaty", f"t{i}"])
        assert store.term_counts(["almaty", "t0", "t1"]) == {"almaty": 1, "t1": 1}
