"""The bench's compiled-build child reads the same corpus as the parent: it runs in a
scratch directory, so the corpus path it is given must not be relative."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from bench import compiled


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The command and working directory of the child the bench would start; the child
    "prints" ``{"articles": 1}``."""
    seen: dict[str, Any] = {}

    def fake_run(cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        seen["cmd"], seen["cwd"] = cmd, kwargs["cwd"]
        return subprocess.CompletedProcess(cmd, 0, stdout='{"articles": 1}\n', stderr="")

    monkeypatch.setattr(compiled.subprocess, "run", fake_run)
    return seen


def test_child_gets_an_absolute_corpus_path(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path, seen: dict[str, Any]) -> None:
    monkeypatch.chdir(tmp_path)
    assert compiled.measure(tmp_path / "scratch" / "site", Path("../shared"), 1, 1) == \
        {"articles": 1}
    given = Path(seen["cmd"][seen["cmd"].index("--shared") + 1])
    assert given.is_absolute() and given == (tmp_path / "../shared").resolve()
    assert Path(seen["cwd"]) == tmp_path / "scratch"


def test_child_is_asked_for_the_worker_count(tmp_path: Path, seen: dict[str, Any]) -> None:
    assert compiled.measure(tmp_path / "site", tmp_path, 1, 1, jobs=2) == {"articles": 1}
    assert seen["cmd"][seen["cmd"].index("--jobs") + 1] == "2"
