"""Stage: metadata (placeholder until its issue lands)."""

from __future__ import annotations

from provenance.extract.registry import register
from provenance.models import Extraction


@register("metadata", "metadata.none.v0")
def run(ex: Extraction) -> Extraction:
    """Placeholder: passes the extraction through unchanged."""
    return ex
