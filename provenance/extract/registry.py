"""A registry of versioned extraction components.

Built-in stages register themselves exactly as a plug-in would::

    @register("quotes", "quotes.rules.v1")
    def find_quotes(ex: Extraction) -> Extraction: ...

A pipeline is an ordered list of stage names; each resolves to the component
registered for it (the newest registration wins unless a name is pinned).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from provenance.models import Extraction

Component = Callable[[Extraction], Extraction]


@dataclass(frozen=True)
class Registered:
    stage: str
    name: str
    func: Component


_REGISTRY: dict[str, dict[str, Registered]] = {}
_DEFAULT: dict[str, str] = {}


def register(stage: str, name: str) -> Callable[[Component], Component]:
    """Register ``func`` as component ``name`` (e.g. ``quotes.rules.v1``) for ``stage``."""

    def deco(func: Component) -> Component:
        _REGISTRY.setdefault(stage, {})[name] = Registered(stage, name, func)
        _DEFAULT[stage] = name
        return func

    return deco


def get(stage: str, name: str | None = None) -> Registered:
    """The component registered for ``stage`` (by ``name``, or the default)."""
    try:
        comps = _REGISTRY[stage]
        return comps[name or _DEFAULT[stage]]
    except KeyError as exc:
        raise KeyError(f"no component {name or ''!s} registered for stage {stage!r}") from exc


def available() -> dict[str, list[str]]:
    """Every stage and the component names registered for it."""
    return {stage: sorted(comps) for stage, comps in _REGISTRY.items()}
