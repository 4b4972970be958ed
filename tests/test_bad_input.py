"""Bad input through the CLI: one line on stderr per bad file, non-zero exit, no traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance.cli import app

runner = CliRunner()
HTML = Path(__file__).parent / "data" / "html"
GOOD = "Police said 5 people died and 12 were injured in the blast on Sunday."


def run(*args: str, input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["extract", *args], input=input)


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error: ")]


def make(tmp_path: Path, name: str, data: bytes) -> str:
    p = tmp_path / name
    p.write_bytes(data)
    return str(p)


BAD_FILES = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"\n \n\t\n", "empty file"),
    "binary.txt": (bytes(range(256)) * 40, "binary"),
    "noise.txt": (bytes(range(128, 256)) * 40, "no known encoding"),
    "nav.html": ((HTML / "nav_only.html").read_bytes(), "no article text"),
    "broken.html": (b"<html><body><div><p>" * 3 + b"\x00\x00", "binary"),
    "furniture.txt": (b"Leave a Reply\n\nYour email address will not be published.",
                      "only page furniture"),
    "bad.json": (b'{"text": "unterminated', "malformed JSON"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_each_bad_file_is_one_line_and_exit_1(tmp_path: Path, name: str) -> None:
    data, reason = BAD_FILES[name]
    path = make(tmp_path, name, data)
    result = run(path)
    assert result.exit_code == 1
    (line,) = error_lines(result.stderr)
    assert line.startswith(f"error: {path}") and reason in line
    assert "Traceback" not in result.output + result.stderr


def test_missing_path(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert error_lines(result.stderr) == [f"error: {tmp_path / 'nope.txt'}: no such file or "
                                          "directory"]


def test_fifty_megabyte_file_is_refused_unread(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:
        fh.write((GOOD + "\n").encode() * (50 * 1024 * 1024 // (len(GOOD) + 1) + 1))
    result = run(str(p))
    assert result.exit_code == 1
    (line,) = error_lines(result.stderr)
    assert "above the 10.0 MB limit" in line and "--max-bytes" in line


def test_max_bytes_option(tmp_path: Path) -> None:
    path = make(tmp_path, "a.txt", GOOD.encode())
    assert run(path, "--max-bytes", "10").exit_code == 1
    assert run(path, "--max-bytes", "1000").exit_code == 0
    assert run(path, "--max-bytes", "0").exit_code == 2


def test_bad_files_do_not_stop_the_rest_and_a_summary_is_printed(tmp_path: Path) -> None:
    for name, (data, _) in BAD_FILES.items():
        make(tmp_path, name, data)
    make(tmp_path, "good.txt", GOOD.encode())
    make(tmp_path, "good.jsonl", (json.dumps({"text": GOOD, "id": "r1"}) + "\nnot json\n")
         .encode())
    result = run(str(tmp_path), str(tmp_path / "missing.txt"), "-f", "json")
    assert result.exit_code == 1
    assert {r["article"] for r in json.loads(result.stdout)} == {"good.txt", "r1"}
    assert len(error_lines(result.stderr)) == len(BAD_FILES) + 2
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith(f"summary: 2 extracted, {len(BAD_FILES) + 2} failed (")
    assert "missing" in summary and "empty" in summary
    assert "Traceback" not in result.stderr


def test_stdin_binary_and_empty() -> None:
    for data in (b"", b"\x00\x01\x02" * 50):
        result = run("-", input=data)
        assert result.exit_code == 1
        assert len(error_lines(result.stderr)) == 1


def test_verbose_reports_encoding_and_furniture(tmp_path: Path) -> None:
    text = ("Министерство сообщило, что 26 человек погибли, а более трёх тысяч задержаны. "
            "Представитель ведомства сказал, что ситуация остаётся напряжённой.\n\nLeave a Reply")
    path = make(tmp_path, "ru.txt", text.encode("cp1251"))
    result = run(path, "--verbose", "-f", "json")
    assert result.exit_code == 0
    assert "cp1251" in result.stderr and "comments at" in result.stderr
    assert json.loads(result.stdout)[0]["article"] == "ru.txt"
    quiet = run(path, "-f", "json")
    assert quiet.stderr == ""


def test_unreadable_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads everything")
    path = make(tmp_path, "locked.txt", GOOD.encode())
    os.chmod(path, 0)
    result = run(path)
    assert result.exit_code == 1 and "cannot read" in result.stderr


@pytest.mark.parametrize("text", [
    '"' * 1_000_000,                                   # a million quotation marks
    "“" * 20_000 + "Police said 5 died." + "”" * 3,     # unbalanced
    "«" * 5000 + "„" * 5000 + "‘" * 5000 + "x" + "»" * 5000,  # deeply nested
])
def test_hostile_text_is_read_and_extracted_without_a_crash(tmp_path: Path, text: str) -> None:
    path = make(tmp_path, "hostile.txt", text.encode())
    result = run(path, "-f", "ndjson", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert json.loads(result.stdout.splitlines()[0])["article"] == "hostile.txt"
