"""Character-range helpers shared by ingest and extraction (no other dependencies)."""

from __future__ import annotations


def append_trimmed(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    """Append ``(s, e)`` to ``out`` with surrounding white space trimmed, unless it is blank."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))
