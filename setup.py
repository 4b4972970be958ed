"""Build hook: the extraction stages compiled to C by mypyc (metadata lives in pyproject.toml).

``PROVENANCE_COMPILE`` picks the build:

- unset or ``auto``: a wheel build (``pip install .``, ``python -m build``) compiles
  :data:`COMPILED_MODULES` with mypyc, and falls back to the pure-Python package, with a
  warning, when it cannot (no C compiler or Python headers, mypyc refusing a module). An
  editable install (``pip install -e .``, the dev install of ``make test``) stays pure, so
  an edited module takes effect at once;
- ``1``: compile, and fail the build if that is not possible (``make compiled``, the bench);
- ``0``: never compile.

The compiled modules extract exactly what the pure ones do (``make bench`` compares them
article by article); the ``.py`` files ship beside them either way.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The per-token hot paths and what they call per phrase (names, model building). Modules
# defining pydantic models or doing I/O in bulk stay pure Python.
COMPILED_MODULES = [
    "provenance/textrange.py",
    "provenance/modelkit.py",
    "provenance/entities.py",
    "provenance/extract/build.py",
    "provenance/extract/attribution.py",
    "provenance/extract/chains.py",
    "provenance/extract/claims.py",
    "provenance/extract/cues.py",
    "provenance/extract/events.py",
    "provenance/extract/metadata.py",
    "provenance/extract/names.py",
    "provenance/extract/numbers.py",
    "provenance/extract/patterns.py",
    "provenance/extract/quotes.py",
    "provenance/extract/segment.py",
    "provenance/extract/sources_lexicon.py",
    "provenance/extract/speakers.py",
    "provenance/extract/triggers.py",
]

MODES = ("auto", "0", "1")
# setup.py commands that build what gets installed; ``editable_wheel`` (pip install -e)
# and ``develop`` are not among them, nor are the metadata ones (egg_info, dist_info)
BUILD_COMMANDS = frozenset({"bdist_wheel", "build", "build_ext", "install"})


def compile_mode() -> str:
    """``PROVENANCE_COMPILE``: auto (the default), 0 or 1."""
    mode = os.environ.get("PROVENANCE_COMPILE", "auto").strip().lower() or "auto"
    if mode not in MODES:
        sys.exit(f"error: PROVENANCE_COMPILE must be one of {', '.join(MODES)}, not {mode!r}")
    return mode


def wants_compiled(mode: str, argv: list[str]) -> bool:
    """Whether this ``setup.py`` run should compile: always with 1, never with 0, and with
    auto only for a build of what gets installed (not an editable install)."""
    if mode != "auto":
        return mode == "1"
    commands = set(argv[1:])
    return bool(commands & BUILD_COMMANDS) and "editable_wheel" not in commands


def _fall_back(why: str) -> None:
    print(f"warning: provenance builds as pure Python (slower extraction): {why}",
          file=sys.stderr)


def ext_modules(mode: str, argv: list[str]) -> list:  # type: ignore[type-arg]
    """The mypyc extension modules, or none (pure Python)."""
    if not wants_compiled(mode, argv):
        return []
    try:
        from mypyc.build import mypycify

        return mypycify(COMPILED_MODULES, opt_level="3")
    except (Exception, SystemExit) as err:  # mypyc reports refused modules by exiting
        if mode == "1":
            raise
        _fall_back(f"mypyc refused the extraction stages ({err or type(err).__name__})")
        return []


class BuildExt(build_ext):
    """``build_ext`` that, in auto mode, leaves the pure modules when compiling fails."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as err:
            if compile_mode() == "1":
                raise
            for ext in self.extensions:  # no half-built set: a stray module fails to import
                Path(self.get_ext_fullpath(ext.name)).unlink(missing_ok=True)
            _fall_back(f"the C build failed ({type(err).__name__}; see the compiler's output)")


if __name__ == "__main__":
    setup(ext_modules=ext_modules(compile_mode(), sys.argv), cmdclass={"build_ext": BuildExt})
