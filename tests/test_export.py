"""Exports: node-link JSON, GraphML (networkx round trip), PROV-O and ClaimReview JSON-LD."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest
from _corpus_data import corpus

from provenance.corpus import ingest_extraction
from provenance.export import export
from provenance.graph import build_graph
from provenance.store import Store, open_store


@pytest.fixture()
def store(db: str) -> Store:
    s = open_store(db)
    for ex in corpus():
        ingest_extraction(s, ex)
    return s


def _edges(g: nx.MultiDiGraph, kind: str) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(a, b) for a, b, k in g.edges(data="kind") if k == kind]


def test_graph_nodes_and_edges(store: Store) -> None:
    g = build_graph(store)
    types = {d["type"] for _, d in g.nodes(data=True)}
    assert types == {"article", "outlet", "source", "quote", "claim"}
    assert len(_edges(g, "conflicts-with")) == 2
    assert len(_edges(g, "same-as")) == 2
    quote = next(store.iter_statements("quote"))
    relayed = [b for a, b in _edges(g, "relayed-by") if a == f"quote:{quote.id}"]
    assert sorted(relayed) == ["source:Channel Seven", "source:Interfax"]
    assert (f"quote:{quote.id}", "source:Dana Ospanova") in _edges(g, "said-by")


def test_graphml_loads_back_in_networkx(store: Store) -> None:
    text = export(store, "graphml")
    g = nx.read_graphml(io.BytesIO(text.encode("utf-8")), force_multigraph=True)
    assert g.is_directed() and g.is_multigraph()
    original = build_graph(store)
    assert g.number_of_nodes() == original.number_of_nodes()
    assert g.number_of_edges() == original.number_of_edges()


def test_json_is_node_link(store: Store) -> None:
    data = json.loads(export(store, "json"))
    g = nx.node_link_graph(data, edges="links")
    assert g.number_of_edges() == build_graph(store).number_of_edges()


def test_prov_jsonld_terms(store: Store) -> None:
    data = json.loads(export(store, "prov-jsonld"))
    assert data["@context"]["prov"] == "http://www.w3.org/ns/prov#"
    text = json.dumps(data)
    for term in ("prov:wasQuotedFrom", "prov:wasAttributedTo", "prov:hadPrimarySource",
                 "prov:wasDerivedFrom"):
        assert term in text
    ids = {n["@id"] for n in data["@graph"]}
    refs = [v["@id"] for n in data["@graph"] for key, v in n.items()
            if key.startswith("prov:") and isinstance(v, dict)]
    assert set(refs) <= ids  # every reference resolves


def test_claimreview_first_and_every_appearance(store: Store) -> None:
    items = json.loads(export(store, "claimreview"))
    assert all(i["@type"] == "ClaimReview" for i in items)
    twelve = next(i for i in items if "12 security officers" in i["claimReviewed"])
    reviewed = twelve["itemReviewed"]
    assert reviewed["author"]["name"] == "Defence Ministry"
    assert reviewed["firstAppearance"]["datePublished"] == "2022-01-06"
    assert {a["identifier"] for a in reviewed["appearance"]} == {"a.txt", "c.txt"}


def test_unknown_format(store: Store) -> None:
    with pytest.raises(ValueError):
        export(store, "csv")
