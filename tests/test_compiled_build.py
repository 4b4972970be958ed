"""The optional mypyc build (setup.py): what it compiles; a plain install compiles nothing."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _compiled_modules() -> list[str]:
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "COMPILED_MODULES" for t in node.targets):
            value: list[str] = ast.literal_eval(node.value)
            return value
    raise AssertionError("setup.py has no COMPILED_MODULES list")


def test_compiled_modules_exist_and_hold_no_pydantic_models() -> None:
    modules = _compiled_modules()
    assert modules
    for rel in modules:
        source = (ROOT / rel).read_text(encoding="utf-8")
        # mypyc compiles classes to native ones; pydantic models must stay interpreted
        assert not re.search(r"class \w+\((?:BaseModel|.*Model)\)", source), rel


def test_the_hot_stages_are_compiled() -> None:
    modules = set(_compiled_modules())
    for stage in ("attribution", "chains", "claims", "names", "quotes", "speakers"):
        assert f"provenance/extract/{stage}.py" in modules


def test_plain_install_compiles_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROVENANCE_COMPILE", raising=False)
    source = (ROOT / "setup.py").read_text(encoding="utf-8").replace(
        "setup(ext_modules=ext_modules())", "")  # define, do not run, the build
    scope: dict[str, object] = {"__name__": "setup_under_test"}
    exec(compile(source, "setup.py", "exec"), scope)
    ext_modules = scope["ext_modules"]
    assert callable(ext_modules)
    assert ext_modules() == []
