"""Fact-checker queries over a corpus store: who said it, conflicting figures, secondhand
sourcing, and the chain of one statement. Each returns plain records for
:func:`provenance.serialize.render`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx
from rapidfuzz import fuzz

from provenance.entities import normalise
from provenance.errors import NotFoundError
from provenance.link import claim_interval, content_words, event_key, fold
from provenance.store.base import LinkRecord, StatementRecord, Store

MIN_MATCH = 60.0
APPEARANCE_MATCH = 85.0


# -- records ----------------------------------------------------------------------------


def chain_text(names: list[str | list[str]]) -> str:
    """A chain as ``A → B → C + D``."""
    return " → ".join(n if isinstance(n, str) else " + ".join(n) for n in names)


def appearance(st: StatementRecord, score: float | None = None) -> dict[str, Any]:
    """One statement where it appears: article, outlet, date and chain."""
    art = st.article
    rec: dict[str, Any] = {
        "id": st.id, "kind": st.kind, "text": st.text, "speaker": st.origin or st.speaker,
        "speaker_role": st.speaker_role, "chain": st.chain_names(),
        "outlet": art.outlet if art else None, "date": art.published if art else None,
        "article": art.doc_id if art else None, "title": art.title if art else None,
        "url": art.url if art else None,
    }
    if st.kind == "claim":
        iv = claim_interval(st)
        value = int(st.value) if st.value is not None and st.value.is_integer() else st.value
        rec.update(figure=st.figure, value=value, interval=iv.show() if iv else None,
                   qualifier=st.qualifier, what=st.what, event=st.event, subject=st.subject,
                   scope=st.scope, as_of=st.as_of)
    if score is not None:
        rec["score"] = round(score, 1)
    return rec


# -- who said -----------------------------------------------------------------------------


def match_score(query: str, text: str) -> float:
    """0–100: how well ``text`` contains or paraphrases ``query``."""
    nq, nt = fold(query), fold(text)
    if not nq or not nt:
        return 0.0
    scores = [fuzz.token_set_ratio(nq, nt) * (0.9 if len(nt) > 2 * len(nq) else 1.0)]
    if len(nq) <= len(nt):
        scores.append(fuzz.partial_ratio(nq, nt))
    return float(max(scores))


def best_matches(store: Store, text: str, limit: int = 10) -> list[tuple[float, StatementRecord]]:
    """Statements matching ``text``: full-text candidates reranked with rapidfuzz."""
    words = content_words(text) or normalise(text).split()
    scored = [(match_score(text, t), i) for i, t in store.search_texts(words)]
    scored = sorted((p for p in scored if p[0] >= MIN_MATCH), key=lambda p: (-p[0], p[1]))
    top = dict((i, sc) for sc, i in scored[: limit * 2])
    records = store.statements(list(top))
    ranked = sorted(((top[st.id], st) for st in records),
                    key=lambda p: (-p[0], p[1].kind != "quote", p[1].id))
    return ranked[:limit]


def same_as_closure(store: Store, ids: Iterable[int]) -> set[int]:
    """``ids`` and every statement connected to them through same-as links.

    The linker links a new copy of a statement to its cluster's earliest member and a
    few recent copies, not to every copy (:data:`provenance.link.MAX_RECENT_SAME_AS`),
    so the copies are found by walking the links, not by one hop.
    """
    seen = set(ids)
    frontier = sorted(seen)
    while frontier:
        found = {x for lk in store.links("same-as", frontier) for x in (lk.a, lk.b)}
        frontier = sorted(found - seen)
        seen |= found
    return seen


def _date_key(rec: dict[str, Any]) -> tuple[str, int]:
    return (rec["date"] or "", rec["id"])


def who_said(store: Store, text: str) -> dict[str, Any]:
    """Who said ``text``: the best statement, its origin and chain, first and every appearance.

    ``first`` is the earliest dated appearance; undated appearances are listed
    apart and never ranked first.
    """
    matches = best_matches(store, text, limit=20)
    if not matches:
        raise NotFoundError(f"no stored statement matches {text!r}")
    top_score, best = matches[0]
    found: dict[int, tuple[float | None, StatementRecord]] = {best.id: (top_score, best)}
    for score, st in matches[1:]:
        if score >= max(APPEARANCE_MATCH, top_score - 10) and st.kind == best.kind:
            found.setdefault(st.id, (score, st))
    linked = same_as_closure(store, found)
    for st in store.statements(sorted(linked - set(found))):
        found[st.id] = (None, st)
    apps = [appearance(st, score) for score, st in found.values()]
    dated = sorted((a for a in apps if a["date"]), key=_date_key)
    undated = sorted((a for a in apps if not a["date"]), key=lambda a: a["id"])
    others = [{"id": st.id, "score": round(score, 1), "speaker": st.origin, "text": st.text}
              for score, st in matches[1:] if st.id not in found][:5]
    return {
        "query": text, "score": round(top_score, 1), "id": best.id, "kind": best.kind,
        "statement": best.text, "speaker": best.origin or best.speaker,
        "speaker_role": best.speaker_role, "chain": best.chain_names(),
        "first": dated[0] if dated else None, "appearances": dated, "undated": undated,
        "other_matches": others,
    }


# -- conflicts -----------------------------------------------------------------------------


def _components(links: list[LinkRecord]) -> list[set[int]]:
    g: nx.Graph[int] = nx.Graph()
    for lk in links:
        g.add_edge(lk.a, lk.b)
    return [set(c) for c in nx.connected_components(g)]


def conflicts(store: Store, event: str | None = None) -> list[dict[str, Any]]:
    """Groups of figures that cannot all hold (and updated tolls), with every figure's source."""
    key = event_key(event) if event else None
    if event and key is None:
        key = event
    bad = store.links("conflicts-with") + store.links("updates")
    # a group: figures joined by conflicts/updates, copies of one figure (same-as) with them
    joined: nx.Graph[int] = nx.Graph()
    for lk in bad:
        joined.add_edge(lk.a, lk.b)
    clustered: set[int] = set()
    for node in list(joined.nodes):
        if node not in clustered:
            copies = same_as_closure(store, [node])
            clustered |= copies
            joined.add_edges_from((node, x) for x in copies if x != node)
    comps = [set(c) for c in nx.connected_components(joined)]
    where = {x: i for i, comp in enumerate(comps) for x in comp}
    inside: list[list[LinkRecord]] = [[] for _ in comps]
    for lk in bad:
        inside[where[lk.a]].append(lk)
    groups: list[dict[str, Any]] = []
    for comp, inner in zip(comps, inside, strict=True):
        sts = store.statements(sorted(comp))
        if key and not any(s.event_key == key for s in sts):
            continue
        first = sts[0]
        groups.append({
            "event": first.event_key, "subject": first.subject, "scope": first.scope,
            "figures": sorted((appearance(s) for s in sts),
                              key=lambda r: (r["interval"] or [0])[0]),
            "conflicts": [[lk.a, lk.b] for lk in inner if lk.kind == "conflicts-with"],
            "updates": [{"earlier": lk.a, "later": lk.b, "dates": [lk.detail["a"]["date"],
                                                                  lk.detail["b"]["date"]]}
                        for lk in inner if lk.kind == "updates"],
        })
    groups.sort(key=lambda g: (g["event"] or "", g["subject"] or "", g["figures"][0]["id"]))
    for i, g in enumerate(groups, start=1):
        g["group"] = i
    return groups


def conflict_rows(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One table row per figure of each conflict group."""
    return [{"group": g["group"], "id": f["id"], "figure": f["figure"], "interval": f["interval"],
             "qualifier": f["qualifier"], "what": f["what"], "scope": f["scope"],
             "chain": chain_text(f["chain"]), "outlet": f["outlet"], "date": f["date"],
             "article": f["article"]} for g in groups for f in g["figures"]]


# -- secondhand ----------------------------------------------------------------------------


def secondhand(store: Store, limit: int | None = None) -> list[dict[str, Any]]:
    """Statements with no identified origin, and figures or quotes repeated by several
    outlets that all trace back to one intermediary."""
    out: list[dict[str, Any]] = []
    for st in store.iter_statements(unattributed=True):
        if st.origin is None:
            rec = appearance(st)
            rec["finding"] = "no-origin"
            rec["why"] = ("unattributed" if not st.hops
                          else "relayed by " + chain_text(st.chain_names()) + ", origin not named")
            out.append(rec)
            if limit and len(out) >= limit:
                return out
    for comp in _components(store.links("same-as")):
        sts = store.statements(sorted(comp))
        articles = {s.article.id for s in sts if s.article}
        if len(articles) < 2:
            continue
        via = [{h.name for hop in s.intermediaries() for h in hop} for s in sts]
        common = set.intersection(*via) if via else set()
        if not common:
            continue
        out.append({
            "finding": "single-intermediary", "intermediary": sorted(common),
            "origin": sorted({s.origin for s in sts if s.origin}),
            "text": sts[0].text, "kind": sts[0].kind, "ids": [s.id for s in sts],
            "outlets": sorted({s.article.label for s in sts if s.article}),
            "why": f"{len(articles)} articles repeat it, all via {', '.join(sorted(common))}",
        })
    return out[:limit] if limit else out


# -- chain ---------------------------------------------------------------------------------


def _tree(hops: list[list[str]], tail: dict[str, Any], depth: int = 0) -> list[dict[str, Any]]:
    if depth == len(hops):
        return [tail]
    role = "origin" if depth == 0 else "intermediary"
    return [{"name": n, "role": role, "children": _tree(hops, tail, depth + 1)}
            for n in hops[depth]]


def chain(store: Store, statement_id: int) -> dict[str, Any]:
    """The chain of one statement as a tree: origin → intermediaries → outlet → article."""
    st = store.statement(statement_id)
    art = st.article
    if art is None:
        raise NotFoundError(f"statement {statement_id} has no article")
    article_node: dict[str, Any] = {"name": art.title or art.doc_id, "role": "article",
                                    "id": art.doc_id, "date": art.published, "url": art.url,
                                    "children": []}
    tail = {"name": art.label, "role": "outlet", "children": [article_node]}
    hops = [[h.name for h in hop] for hop in st.chain]
    if not st.origin:
        hops = [["(origin not named)"], *hops]
    rec = appearance(st)
    rec["tree"] = _tree(hops, tail)[0]
    return rec


def tree_rows(node: dict[str, Any], depth: int = 0) -> list[dict[str, Any]]:
    """A chain tree flattened to indented table rows."""
    rows = [{"depth": depth, "name": "  " * depth + node["name"], "role": node["role"]}]
    for child in node.get("children", []):
        rows += tree_rows(child, depth + 1)
    return rows
