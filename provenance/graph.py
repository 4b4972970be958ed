"""The corpus as a networkx MultiDiGraph.

Nodes: ``article:ID``, ``outlet:NAME``, ``source:NAME``, ``quote:ID``, ``claim:ID``.
Edges (attribute ``kind``): published-in (statement → article → outlet), said-by
(statement → origin), relayed-by (statement → each intermediary, one edge per
hop source, so parallel hops are parallel edges), same-as, conflicts-with, updates.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from provenance.store.base import StatementRecord, Store


def statement_node(st: StatementRecord) -> str:
    """The node id of a statement."""
    return f"{st.kind}:{st.id}"


def _clean(attrs: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in attrs.items() if v is not None}


def build_graph(store: Store) -> nx.MultiDiGraph[str]:
    """Every current article, outlet, source, statement and link of ``store``."""
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for art in store.articles():
        g.add_node(f"article:{art.id}", **_clean({
            "type": "article", "label": art.title or art.doc_id, "doc_id": art.doc_id,
            "title": art.title, "published": art.published, "url": art.url,
            "version": art.version}))
        if art.outlet:
            g.add_node(f"outlet:{art.outlet}", type="outlet", label=art.outlet)
            g.add_edge(f"article:{art.id}", f"outlet:{art.outlet}", kind="published-in")
    kinds: dict[int, str] = {}
    for st in store.iter_statements():
        node = statement_node(st)
        kinds[st.id] = st.kind
        g.add_node(node, **_clean({
            "type": st.kind, "label": st.text[:80], "text": st.text, "speaker": st.origin,
            "figure": st.figure, "value": st.value, "qualifier": st.qualifier, "what": st.what,
            "event": st.event, "subject": st.subject, "scope": st.scope}))
        if st.article:
            g.add_edge(node, f"article:{st.article.id}", kind="published-in")
        if st.origin:
            src = f"source:{st.origin}"
            g.add_node(src, type="source", label=st.origin,
                       kind=st.chain[0][0].kind if st.chain else "unknown")
            g.add_edge(node, src, kind="said-by")
        for i, hop in enumerate(st.intermediaries(), start=1):
            for h in hop:
                g.add_node(f"source:{h.name}", type="source", label=h.name, kind=h.kind)
                g.add_edge(node, f"source:{h.name}", kind="relayed-by", hop=i,
                           parallel=len(hop) > 1)
    for lk in store.links():
        if lk.a in kinds and lk.b in kinds:
            g.add_edge(f"{kinds[lk.a]}:{lk.a}", f"{kinds[lk.b]}:{lk.b}", kind=lk.kind,
                       score=lk.score)
    return g
