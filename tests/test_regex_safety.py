"""Adversarial ~1 MB inputs through ingest and every pipeline stage: no catastrophic backtracking.

The bound is generous (seconds, not milliseconds): only super-linear blow-ups exceed it.
A failure names the slow stage and the input that shows it.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import pytest

from provenance.extract import registry
from provenance.ingest.encoding import decode
from provenance.ingest.furniture import find_furniture
from provenance.ingest.loader import iter_documents
from provenance.ingest.text import document_from_text
from provenance.models import Document, Extraction
from provenance.pipeline import STAGES, extract_document, extractor_version

BOUND = float(os.environ.get("PROVENANCE_SAFETY_BOUND", "20"))  # seconds per case and stage
MB = 1_000_000


def _fill(unit: str, size: int = MB) -> str:
    return unit * (size // len(unit))


CASES: dict[str, str] = {
    "straight-quotes": _fill('"'),
    "curly-quotes": _fill("“"),
    "alternating-curly": _fill("“”"),
    "nested-guillemets": "«" * (MB // 2) + "»" * (MB // 2),
    "unbalanced-open-quote": 'He said "' + _fill("word, ", MB - 10),
    "quote-said-runs": _fill('"We are here," he said. '),
    "dashes": _fill("– "),
    "dash-lines": _fill("– We are watching – he said\n"),
    "em-dash-run": _fill("—"),
    "digits-with-separators": _fill("1,000,000,"),
    "dotted-digits": _fill("1.2.3.4."),
    "spaced-digits": _fill("3 000 000 "),
    "according-to-chain": _fill("according to X, "),
    "according-to-names": _fill("according to the Interior Ministry, citing Ria Novosti, "),
    "capitalised-names": _fill("John Smith Of The Interior Ministry "),
    "nested-parens": "(" * (MB // 2) + ")" * (MB // 2),
    "nested-brackets": _fill("[(") + _fill(")]", 10),
    "no-newline-words": _fill("police said dozens were killed "),
    "newlines-only": "\n" * MB,
    "short-sentences": _fill("A b.\n"),
    "more-than-runs": _fill("more than 3,000 more than dozens of hundreds "),
    "colons": _fill("Police: "),
}


T = TypeVar("T")


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (the regex engine checks for signals)."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError

    old = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _timed(func: Callable[[], T], what: str) -> T:
    """``func()``, failing the test when it runs past :data:`BOUND`."""
    t0 = time.perf_counter()
    try:
        with _deadline(BOUND):
            result = func()
    except TimeoutError:
        pytest.fail(f"{what}: still running after {BOUND:.0f}s", pytrace=False)
    assert time.perf_counter() - t0 < BOUND, what
    return result


def _run_stages(doc: Document, name: str) -> None:
    ex = Extraction(document=doc, extractor=extractor_version())
    for stage in STAGES:
        func = registry.get(stage).func
        ex = _timed(lambda f=func, e=ex: f(e), f"stage {stage!r} on input {name!r}")  # type: ignore[misc]


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_stage_is_fast_on_adversarial_text(name: str) -> None:
    doc = _timed(lambda: document_from_text(CASES[name], id=name), f"ingest on {name!r}")
    _run_stages(doc, name)


def test_whole_pipeline_entry_point_on_a_mixed_adversarial_text() -> None:
    text = "\n".join(CASES[k][: MB // len(CASES)] for k in sorted(CASES))  # 1 MB in all
    _timed(lambda: extract_document(document_from_text(text)), "extract_document on a mix")


@pytest.mark.parametrize("unit", [
    "Leave a Reply ", "About A B C D E F ", "Photo: ", "https://x.example/", "Read also: ",
    "1 thought on “", "Share on Facebook ", "© ", "(Reuters/AP Photo/", "Comments (",
])
def test_furniture_patterns_on_long_lines_and_many_lines(unit: str) -> None:
    for text in (_fill(unit), _fill(unit + "\n"), _fill(unit[:-1] + "\n\n")):
        _timed(lambda t=text: find_furniture(t), f"find_furniture on {unit!r}")  # type: ignore[misc]


def test_decoding_a_megabyte_of_legacy_bytes(tmp_path: Path) -> None:
    raw = _fill("Мир, труд, май. ").encode("cp1251")
    assert _timed(lambda: decode(raw, "ru"), "decode").encoding == "cp1251"
    p = tmp_path / "ru.txt"
    p.write_bytes(raw)
    assert len(_timed(lambda: list(iter_documents([str(p)])), "iter_documents")) == 1
