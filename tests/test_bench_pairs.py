"""The bench's extraction/bare-scan ratio sets each extraction against the scans timed
just before and after it (a fake clock: no timing in unit tests)."""

from __future__ import annotations

import pytest

from bench import run


def test_each_run_is_set_against_the_mean_of_its_neighbouring_scans(
        monkeypatch: pytest.MonkeyPatch) -> None:
    now = [0.0]
    calls: list[str] = []
    scan_costs = iter([1.0, 3.0, 1.0, 1.0])  # the machine slows down, then recovers

    def scan() -> None:
        calls.append("scan")
        now[0] += next(scan_costs)

    def extract() -> None:
        calls.append("extract")
        now[0] += 20.0

    monkeypatch.setattr(run, "_cpu", lambda: now[0])
    _, extract_cpu, scan_cpu, ratio = run.paired_ratio(extract, scan, 3)
    assert calls == ["scan", "extract", "scan", "extract", "scan", "extract", "scan"]
    assert extract_cpu == 20.0
    assert scan_cpu == 1.0  # the median of the scans after each run: 3, 1, 1
    # ratios 20/2, 20/2, 20/1: the median is 10, where 20 / median scan would say 20
    assert ratio == 10.0
