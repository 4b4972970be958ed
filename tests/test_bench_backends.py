"""The bench's SQLite-vs-PostgreSQL rows: the schema it works in, an unreachable server
reported as not measured, and (with a test server) both backends storing the same."""

from __future__ import annotations

from pathlib import Path

from bench import backends
from provenance.store import open_store

ARTICLE = ("A police spokesman said 12 people were killed in the attack on Monday.\n\n"
           '"We will find those responsible," Mayor Ana Costa told reporters.\n')


class Sink:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str]] = []
        self.notes: list[str] = []
        self.profiles: list[tuple[str, str]] = []

    def add(self, what: str, value: str, target: str = "", verdict: str = "") -> None:
        self.rows.append((what, value))

    def note(self, text: str) -> None:
        self.notes.append(text)


def test_schema_goes_into_the_url_options() -> None:
    assert backends.with_schema("postgresql://u@h/db", "b1") == \
        "postgresql://u@h/db?options=-csearch_path%3Db1"
    assert backends.with_schema("postgresql://u@h/db?sslmode=require", "b1") == \
        "postgresql://u@h/db?sslmode=require&options=-csearch_path%3Db1"


def test_unreachable_server_is_a_note_not_a_failure(tmp_path: Path) -> None:
    sink = Sink()
    backends.bench_backends(sink, tmp_path, [ARTICLE], "postgresql://x@127.0.0.1:1/db", 5, 1)
    assert sink.rows == [] and len(sink.notes) == 1
    assert sink.notes[0].startswith("PostgreSQL store: not measured (cannot connect")


def test_both_backends_store_the_same(pg_url: str, tmp_path: Path) -> None:
    sink = Sink()
    backends.bench_backends(sink, tmp_path, [ARTICLE, ARTICLE.replace("12", "14")],
                            pg_url, 6, 1, n_queries=5)
    assert sink.notes == []
    ingest, who_said = sink.rows
    assert ingest[1].endswith("statements and links stored: same"), ingest
    assert "PostgreSQL p50" in who_said[1] and "SQLite p50" in who_said[1]
    with open_store(pg_url) as store:  # the bench's own schema is gone, not this one
        assert store.is_empty()
