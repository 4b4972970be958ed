"""Shared fixtures: the seed articles and their gold annotations."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "gold" / "seeds"


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, dict[str, Any]]:
    return {json.loads(f.read_text())["article"]: json.loads(f.read_text())
            for f in sorted(GOLD.glob("*.json"))}


def postgres_url(base: str, schema: str) -> str:
    """``base`` with its tables in ``schema`` (libpq's ``options`` parameter)."""
    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"


@contextmanager
def postgres_schema() -> Iterator[str]:
    """The URL of a new, empty schema on the server at ``$PROVENANCE_TEST_POSTGRES``,
    dropped afterwards; the test is skipped without a server (``.ci/run`` starts one)."""
    base = os.environ.get("PROVENANCE_TEST_POSTGRES")
    if not base:
        pytest.skip("PROVENANCE_TEST_POSTGRES is not set: no PostgreSQL server to test on")
    import psycopg

    schema = f"test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(base, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {schema}")
    try:
        yield postgres_url(base, schema)
    finally:
        with psycopg.connect(base, autocommit=True) as con:
            con.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture()
def pg_url() -> Iterator[str]:
    """An empty PostgreSQL store location (skipped without a server)."""
    with postgres_schema() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgres"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store location for each backend: a new SQLite file, or an empty PostgreSQL schema."""
    if request.param == "sqlite":
        yield str(tmp_path / "p.db")
        return
    with postgres_schema() as url:
        yield url
