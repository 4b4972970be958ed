"""The mypyc build (setup.py): what it compiles, when, and the pure fallback."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from setuptools import Distribution, Extension

ROOT = Path(__file__).resolve().parent.parent


def _setup_module() -> ModuleType:
    """setup.py imported under another name: its functions, without running the build."""
    spec = importlib.util.spec_from_file_location("setup_under_test", ROOT / "setup.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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


@pytest.mark.parametrize(("mode", "argv", "compiled"), [
    ("auto", ["setup.py", "bdist_wheel", "--dist-dir", "d"], True),  # pip install .
    ("auto", ["setup.py", "editable_wheel", "--dist-dir", "d"], False),  # pip install -e .
    ("auto", ["setup.py", "egg_info"], False),  # metadata only
    ("auto", ["setup.py", "develop"], False),
    ("0", ["setup.py", "bdist_wheel"], False),
    ("1", ["setup.py", "editable_wheel"], True),
    ("1", ["setup.py", "egg_info"], True),
])
def test_when_the_build_compiles(mode: str, argv: list[str], compiled: bool) -> None:
    assert _setup_module().wants_compiled(mode, argv) is compiled


def test_the_mode_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    setup = _setup_module()
    monkeypatch.delenv("PROVENANCE_COMPILE", raising=False)
    assert setup.compile_mode() == "auto"
    monkeypatch.setenv("PROVENANCE_COMPILE", " 1 ")
    assert setup.compile_mode() == "1"
    monkeypatch.setenv("PROVENANCE_COMPILE", "yes")
    with pytest.raises(SystemExit, match="PROVENANCE_COMPILE must be one of"):
        setup.compile_mode()


def test_editable_install_compiles_nothing() -> None:
    # the dev install: edits take effect without a rebuild; mypyc is not even imported
    assert _setup_module().ext_modules("auto", ["setup.py", "editable_wheel"]) == []


def test_without_mypyc_auto_falls_back_and_1_fails(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    setup = _setup_module()
    monkeypatch.setitem(sys.modules, "mypyc.build", None)  # import raises ImportError
    assert setup.ext_modules("auto", ["setup.py", "bdist_wheel"]) == []
    assert "builds as pure Python" in capsys.readouterr().err
    with pytest.raises(ImportError):
        setup.ext_modules("1", ["setup.py", "bdist_wheel"])


def _failing_build(tmp_path: Path, setup: ModuleType) -> tuple[Any, Path, list[str]]:
    """A build_ext over two extensions: one that builds (faked) and one whose C is broken;
    the list gets the name of an extension that compiled when it should not have."""
    broken = tmp_path / "broken.c"
    broken.write_text("this is not C;\n", encoding="utf-8")
    dist = Distribution({"name": "x", "ext_modules": [Extension("good", ["good.c"]),
                                                      Extension("broken", [str(broken)])]})
    cmd = setup.BuildExt(dist)
    cmd.build_lib = str(tmp_path / "lib")
    cmd.build_temp = str(tmp_path / "temp")
    cmd.ensure_finalized()
    built = Path(cmd.get_ext_fullpath("good"))
    wrongly_built: list[str] = []

    def build_extension(ext: Extension) -> None:
        if ext.name == "good":  # as if compiled before the broken one failed
            built.parent.mkdir(parents=True, exist_ok=True)
            built.write_bytes(b"\x7fELF")
            return
        setup.build_ext.build_extension(cmd, ext)  # the real compiler on broken C: raises
        wrongly_built.append(ext.name)

    cmd.build_extension = build_extension
    return cmd, built, wrongly_built


def test_a_failed_c_build_leaves_the_pure_package(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    setup = _setup_module()
    monkeypatch.delenv("PROVENANCE_COMPILE", raising=False)
    cmd, built, wrongly_built = _failing_build(tmp_path, setup)
    cmd.run()
    assert not wrongly_built
    assert not built.exists()  # no half-built set of modules
    assert "the C build failed" in capsys.readouterr().err


def test_a_failed_c_build_is_an_error_when_compiling_is_asked_for(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    setup = _setup_module()
    monkeypatch.setenv("PROVENANCE_COMPILE", "1")
    cmd, _, wrongly_built = _failing_build(tmp_path, setup)
    with pytest.raises(Exception):  # noqa: B017 (the compiler's own error class)
        cmd.run()
    assert not wrongly_built
