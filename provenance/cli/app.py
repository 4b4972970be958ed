"""The typer application and the helpers every command shares."""

from __future__ import annotations

import sys
from typing import Any, NoReturn

import typer

from provenance.errors import ProvenanceError
from provenance.serialize import render

app = typer.Typer(
    name="provenance",
    help="Quotes, numeric claims and their attribution chains, linked across news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

FORMAT_HELP = "Output format: json, ndjson or table."


def _print_version(value: bool) -> None:
    if value:
        from provenance import __version__
        from provenance.pipeline import compiled_stages

        build = "compiled with mypyc" if compiled_stages() else "pure Python"
        typer.echo(f"provenance {__version__} (extraction stages: {build})")
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(False, "--version", is_eager=True, callback=_print_version,
                                 help="Print the version and whether extraction is compiled."),
) -> None:
    """Quotes, numeric claims and their attribution chains, linked across news articles."""


def check_format(fmt: str, allowed: tuple[str, ...] = ("json", "ndjson", "table")) -> str:
    """``fmt`` if allowed, else a usage error (exit 2)."""
    if fmt not in allowed:
        raise typer.BadParameter(
            f"{fmt!r} is not one of {', '.join(allowed)}", param_hint="--format"
        )
    return fmt


def emit(data: Any, fmt: str, columns: list[str] | None = None) -> None:
    """Write ``data`` to stdout in ``fmt``."""
    typer.echo(render(data, fmt, columns))


def warn(message: str) -> None:
    """One line on stderr."""
    typer.echo(message, err=True)


def fail(message: str, code: int = 1) -> NoReturn:
    """One line on stderr, then exit with ``code``."""
    warn(f"error: {message}")
    raise typer.Exit(code)


def main() -> None:
    """Console entry point: run the app, turning library errors into one line."""
    try:
        app()
    except ProvenanceError as exc:
        warn(f"error: {exc}")
        sys.exit(1)
    except KeyboardInterrupt:
        warn("interrupted")
        sys.exit(130)
