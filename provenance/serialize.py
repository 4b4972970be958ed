"""One output serializer: every command renders its records through :func:`render`.

Formats: ``json`` (one JSON document: a list, or an object), ``ndjson`` (one
JSON object per line, streamable) and ``table`` (aligned plain text columns).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Literal

from provenance.models import Claim, Extraction, Quote

Format = Literal["json", "ndjson", "table"]
FORMATS: tuple[str, ...] = ("json", "ndjson", "table")


def quote_record(q: Quote) -> dict[str, Any]:
    """A quote in the gold schema, with its offsets and how it was attributed."""
    return {
        "text": q.span.text,
        "speaker": q.speaker,
        "speaker_role": q.speaker_role,
        "sources": q.sources.names(),
        "start": q.span.start,
        "end": q.span.end,
        "speaker_mention": q.speaker_mention.model_dump() if q.speaker_mention else None,
        "cue": q.cue.text if q.cue else None,
    }


def _num(v: float | None) -> int | float | None:
    return int(v) if v is not None and float(v).is_integer() else v


def claim_record(c: Claim) -> dict[str, Any]:
    """A claim in the gold schema, with the figure's offsets and its scope."""
    return {
        "sentence": c.sentence.text,
        "value": _num(c.value),
        "low": _num(c.low),
        "high": _num(c.high),
        "qualifier": c.qualifier,
        "what": c.what,
        "event": c.event,
        "sources": c.sources.names(),
        "figure": c.figure.text,
        "start": c.figure.start,
        "end": c.figure.end,
        "sentence_start": c.sentence.start,
        "sentence_end": c.sentence.end,
        "place": c.place,
        "as_of": c.as_of,
    }


def extraction_record(ex: Extraction) -> dict[str, Any]:
    """One article's extraction in the schema of gold/FORMAT.md."""
    d = ex.document
    return {
        "article": d.id,
        "outlet": d.outlet,
        "published": d.published,
        "title": d.title,
        "url": d.url,
        "quotes": [quote_record(q) for q in ex.quotes],
        "claims": [claim_record(c) for c in ex.claims],
        "extractor": ex.extractor,
    }


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return str(v).replace("\n", " ")


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None,
          max_width: int = 60) -> str:
    """Rows as aligned text columns, long cells cut to ``max_width``."""
    if not rows:
        return "(no rows)"
    cols = list(columns or rows[0].keys())
    cells = [[_cell(r.get(c)) for c in cols] for r in rows]
    cells = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in row] for row in cells]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
              for row in cells]
    return "\n".join(lines)


def render(data: Any, fmt: str = "json", columns: Sequence[str] | None = None) -> str:
    """``data`` (a record or a list of records) in ``fmt``."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2)
    rows = data if isinstance(data, list) else [data]
    if fmt == "ndjson":
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    if fmt == "table":
        return table(rows, columns)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def iter_ndjson(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """One line per record, for streaming output."""
    for r in records:
        yield json.dumps(r, ensure_ascii=False)
