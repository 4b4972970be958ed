"""The command line: a thin layer over the library. The only package that imports typer.

Each submodule adds its commands to :data:`app`; ``main`` maps library errors
to one clear line on stderr and exit code 1 (usage errors exit 2).
"""

from __future__ import annotations

from provenance.cli import corpus, evaluate, extract, queries  # noqa: F401  (register commands)
from provenance.cli.app import app, main

__all__ = ["app", "main"]
