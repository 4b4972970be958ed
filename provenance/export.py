"""Corpus export: node-link JSON, GraphML, PROV-O JSON-LD and ClaimReview-style JSON-LD."""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from provenance.graph import build_graph, statement_node
from provenance.query import appearance
from provenance.store.base import StatementRecord, Store

FORMATS: tuple[str, ...] = ("json", "graphml", "prov-jsonld", "claimreview")
BASE = "urn:provenance:"


def _stringify(g: nx.MultiDiGraph[str]) -> nx.MultiDiGraph[str]:
    """A copy whose attribute values GraphML can hold (str, int, float, bool)."""
    h: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    ok = (str, int, float, bool)

    def conv(attrs: dict[str, Any]) -> dict[str, Any]:
        return {k: v if isinstance(v, ok) else json.dumps(v, ensure_ascii=False)
                for k, v in attrs.items() if v is not None}

    for n, attrs in g.nodes(data=True):
        h.add_node(n, **conv(attrs))
    for a, b, attrs in g.edges(data=True):
        h.add_edge(a, b, **conv(attrs))
    return h


def to_json(store: Store) -> dict[str, Any]:
    """The graph as networkx node-link JSON."""
    data: dict[str, Any] = nx.node_link_data(build_graph(store), edges="links")
    return data


def to_graphml(store: Store) -> str:
    """The graph as GraphML (loads in networkx and Gephi)."""
    return "\n".join(nx.generate_graphml(_stringify(build_graph(store)))) + "\n"


def _agent(name: str, kind: str = "unknown") -> dict[str, Any]:
    types = {"person": "prov:Person", "outlet": "prov:Organization", "body": "prov:Organization"}
    return {"@id": f"{BASE}source:{name}", "@type": ["prov:Agent", types.get(kind, "prov:Agent")],
            "prov:label": name}


def _ref(node: str) -> dict[str, str]:
    return {"@id": BASE + node}


def to_prov(store: Store) -> dict[str, Any]:
    """PROV-O JSON-LD: each statement, the reports it passed through, and who made them."""
    graph: list[dict[str, Any]] = []
    agents: dict[str, dict[str, Any]] = {}
    for art in store.articles():
        ent: dict[str, Any] = {"@id": f"{BASE}article:{art.id}", "@type": "prov:Entity",
                               "prov:label": art.title or art.doc_id}
        if art.url:
            ent["prov:atLocation"] = art.url
        if art.published:
            ent["prov:generatedAtTime"] = art.published
        if art.outlet:
            agents.setdefault(art.outlet, _agent(art.outlet, "outlet"))
            ent["prov:wasAttributedTo"] = _ref(f"source:{art.outlet}")
        graph.append(ent)
    same: dict[int, list[int]] = {}
    for lk in store.links("same-as"):
        same.setdefault(lk.b, []).append(lk.a)
    for st in store.iter_statements():
        node = statement_node(st)
        ent = {"@id": BASE + node, "@type": "prov:Entity", "prov:value": st.text,
               "prov:wasDerivedFrom": [_ref(f"article:{st.article.id}")] if st.article else []}
        prev: str | None = None
        for i, hop in enumerate(st.chain):
            report = f"{node}/hop/{i}"
            for h in hop:
                agents.setdefault(h.name, _agent(h.name, h.kind))
            rep: dict[str, Any] = {
                "@id": BASE + report, "@type": "prov:Entity",
                "prov:wasAttributedTo": [_ref(f"source:{h.name}") for h in hop]}
            if prev:
                rep["prov:wasDerivedFrom"] = _ref(prev)
                rep["prov:hadPrimarySource"] = _ref(f"{node}/hop/0")
            graph.append(rep)
            prev = report
        if st.origin and st.chain:
            ent["prov:wasAttributedTo"] = _ref(f"source:{st.chain[0][0].name}")
            ent["prov:hadPrimarySource"] = _ref(f"{node}/hop/0")
        if prev:
            key = "prov:wasQuotedFrom" if st.kind == "quote" else "prov:wasDerivedFrom"
            if key == "prov:wasDerivedFrom":
                ent[key].append(_ref(prev))
            else:
                ent[key] = _ref(prev)
        for other in same.get(st.id, []):
            ent["prov:wasDerivedFrom"].append(_ref(f"{st.kind}:{other}"))
        graph.append(ent)
    return {"@context": {"prov": "http://www.w3.org/ns/prov#",
                         "xsd": "http://www.w3.org/2001/XMLSchema#"},
            "@graph": list(agents.values()) + graph}


def _work(st: StatementRecord) -> dict[str, Any]:
    art = st.article
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if art:
        work.update({k: v for k, v in (("url", art.url), ("headline", art.title),
                                       ("datePublished", art.published)) if v})
        if art.outlet:
            work["publisher"] = {"@type": "Organization", "name": art.outlet}
        work["identifier"] = art.doc_id
    return work


def to_claimreview(store: Store) -> list[dict[str, Any]]:
    """ClaimReview-style JSON-LD: one item per statement cluster (same-as), with its
    first appearance (earliest dated) and every appearance."""
    groups: dict[int, set[int]] = {}
    g: nx.Graph[int] = nx.Graph()
    for lk in store.links("same-as"):
        g.add_edge(lk.a, lk.b)
    for comp in nx.connected_components(g):
        for x in comp:
            groups[x] = comp
    out: list[dict[str, Any]] = []
    done: set[int] = set()
    for st in store.iter_statements():
        if st.id in done:
            continue
        ids = groups.get(st.id, {st.id})
        done |= ids
        members = store.statements(sorted(ids)) if len(ids) > 1 else [st]
        dated = sorted((m for m in members if m.article and m.article.published),
                       key=lambda m: (m.article.published if m.article else "", m.id))
        first = dated[0] if dated else None
        author = st.origin
        item: dict[str, Any] = {
            "@context": "https://schema.org", "@type": "ClaimReview",
            "claimReviewed": st.text,
            "itemReviewed": {
                "@type": "Claim",
                "appearance": [_work(m) for m in members],
            },
            "provenance": [appearance(m) for m in members],
        }
        if author:
            item["itemReviewed"]["author"] = {"@type": "Thing", "name": author}
        if first:
            item["itemReviewed"]["firstAppearance"] = _work(first)
        out.append(item)
    return out


def export(store: Store, fmt: str) -> str:
    """The corpus in ``fmt`` (json, graphml, prov-jsonld or claimreview) as text."""
    if fmt == "graphml":
        return to_graphml(store)
    if fmt == "json":
        data: Any = to_json(store)
    elif fmt == "prov-jsonld":
        data = to_prov(store)
    elif fmt == "claimreview":
        data = to_claimreview(store)
    else:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return json.dumps(data, ensure_ascii=False, indent=2)
