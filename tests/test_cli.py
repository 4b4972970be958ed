import json

from typer.testing import CliRunner

from provenance.cli import app

runner = CliRunner()


def test_extract_json_parses_and_names_every_seed(seed_paths) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["extract", str(seed_paths[0].parent)])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [r["article"] for r in records] == [p.name for p in seed_paths]


def test_extract_stdin() -> None:
    result = runner.invoke(app, ["extract", "-", "--format", "ndjson"],
                           input="Police said \"we are watching\".")
    assert result.exit_code == 0
    assert json.loads(result.stdout.splitlines()[0])["article"] == "-"


def test_missing_path_is_one_line_and_exit_1(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "no such file" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_format_is_usage_error(seed_paths) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["extract", str(seed_paths[0]), "--format", "xml"])
    assert result.exit_code == 2


def test_version_names_the_build(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from provenance import __version__, pipeline

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"provenance {__version__} (extraction stages: pure Python)"
    # a module loaded from a compiled extension: the wheel build
    monkeypatch.setattr(pipeline.claims, "__file__", "/x/claims.cpython-311-x86_64-linux-gnu.so")
    assert "compiled with mypyc" in runner.invoke(app, ["--version"]).stdout
