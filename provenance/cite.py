"""Footnotes: a statement's origin, every intermediary in order, and the citing article."""

from __future__ import annotations

from datetime import date
from typing import Any

from provenance.errors import NotFoundError
from provenance.query import best_matches
from provenance.store.base import StatementRecord, Store

STYLES: tuple[str, ...] = ("chicago", "apa", "ap", "markdown")
_AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
              "Nov.", "Dec.")


def resolve(store: Store, ref: str) -> StatementRecord:
    """A statement by id (digits) or by the best match for its text."""
    ref = ref.strip()
    if not ref:
        raise NotFoundError("empty statement reference")
    if ref.isdigit():
        return store.statement(int(ref))
    matches = best_matches(store, ref, limit=20)
    if not matches:
        raise NotFoundError(f"no stored statement matches {ref!r}")
    top = matches[0][0]
    # among equally good matches, cite the one whose provenance is most complete
    tied = [st for score, st in matches if score >= top - 1.0]
    return max(tied, key=lambda st: (st.origin is not None, len(st.chain), -st.id))


def _parse(d: str | None) -> date | None:
    try:
        return date.fromisoformat(d[:10]) if d else None
    except ValueError:
        return None


def _long_date(d: str | None) -> str:
    p = _parse(d)
    return f"{p:%B} {p.day}, {p.year}" if p else (d or "n.d.")


def _hop(names: list[str]) -> str:
    return " and ".join(names)


def _relay(intermediaries: list[str]) -> str:
    """``via A, via B, as reported by C`` (the nearest intermediary last)."""
    if not intermediaries:
        return ""
    if len(intermediaries) == 1:
        return f"via {intermediaries[0]}"
    return ", ".join(f"via {n}" for n in intermediaries[:-1]) + \
        f", as reported by {intermediaries[-1]}"


def footnote(store: Store, ref: str, style: str = "chicago") -> dict[str, Any]:
    """A citation of one statement in ``style`` (chicago, apa, ap or markdown)."""
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; choose one of {', '.join(STYLES)}")
    st = resolve(store, ref)
    art = st.article
    if art is None:
        raise NotFoundError(f"statement {st.id} has no article")
    origin = st.origin or "unnamed source"
    inter = [_hop([h.name for h in hop]) for hop in st.intermediaries()]
    title = art.title or art.doc_id
    outlet = art.outlet or "unknown outlet"
    relay = _relay(inter)
    url = f" {art.url}" if art.url else ""
    if style == "chicago":
        head = ", ".join(p for p in (origin, relay) if p)
        where = f"{outlet}, {_long_date(art.published)}" + (f",{url}" if url else "")
        text = f"{head}, cited in “{title},” {where}".rstrip(".") + "."
    elif style == "apa":
        p = _parse(art.published)
        when = f"{p.year}, {p:%B} {p.day}" if p else "n.d."
        by = f" ({relay})" if relay else ""
        text = f"{origin}{by}, as cited in {outlet}. ({when}). {title}.{url}"
    elif style == "ap":
        p = _parse(art.published)
        when = f"{_AP_MONTHS[p.month - 1]} {p.day}, {p.year}" if p else "on an unknown date"
        said = f"according to {origin}"
        if inter:
            said += ", " + _relay(inter)
        text = f"{said}, {outlet} reported {'on ' if p else ''}{when} (“{title}”)."
        text = text[0].upper() + text[1:]
    else:
        steps = " → ".join([f"**{origin}**", *inter])
        link = f"[{title}]({art.url})" if art.url else f"“{title}”"
        text = f"{steps} → {link}, *{outlet}*, {art.published or 'n.d.'}"
    return {"id": st.id, "style": style, "footnote": text, "statement": st.text,
            "origin": st.origin, "intermediaries": inter, "outlet": art.outlet, "title": art.title,
            "date": art.published, "url": art.url, "article": art.doc_id}
