"""Shared fixtures: the seed articles and their gold annotations."""

from __future__ import annotations

import json
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
