"""Build hook for the optional compiled build (metadata lives in pyproject.toml).

A plain install (``pip install .``, the editable dev install of ``make test``) is pure
Python. With ``PROVENANCE_COMPILE=1`` the extraction stages are compiled to C extension
modules with mypyc (part of mypy; needs a C compiler); ``make compiled`` does that, and
``make bench`` measures both builds. The compiled modules behave exactly like the pure
ones: the bench compares their output article by article.
"""

from __future__ import annotations

import os

from setuptools import setup

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


def ext_modules() -> list:  # type: ignore[type-arg]
    """mypyc extension modules when ``PROVENANCE_COMPILE=1``, else none."""
    if os.environ.get("PROVENANCE_COMPILE") != "1":
        return []
    from mypyc.build import mypycify

    return mypycify(COMPILED_MODULES, opt_level="3")


setup(ext_modules=ext_modules())
