"""Documentation stays in step with the code."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from typer.main import get_command

from provenance.cli import app

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _commands() -> list[str]:
    group = get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_every_command_is_documented() -> None:
    documented = set(re.findall(r"^### `provenance ([a-z-]+)", (DOCS / "cli.md").read_text(),
                                re.M))
    missing = [c for c in _commands() if c not in documented]
    assert not missing, f"commands missing from docs/cli.md: {missing}"
    stale = documented - set(_commands())
    assert not stale, f"docs/cli.md documents commands that do not exist: {stale}"


def test_importing_the_library_does_not_load_the_cli() -> None:
    code = "import provenance, sys; sys.exit(int('typer' in sys.modules or 'rich' in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
