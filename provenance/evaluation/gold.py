"""Score extractions against gold files in the format of ``gold/FORMAT.md``.

Quotes match on token overlap (≥ 0.5 of the longer text); claims match on
sentence overlap (≥ 0.5) and the same figure (value, or low/high for vague
amounts). Speaker, chain, event and qualifier accuracy are measured over the
matched pairs. Every mismatch is listed so a run shows *why* it scored what it did.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from provenance.entities import same_entity
from provenance.evaluation.matching import (
    PRF,
    Accuracy,
    chains_equal,
    greedy_match,
    names_match,
    overlap,
)

QUOTE_MATCH = 0.5
CLAIM_SENTENCE_MATCH = 0.5


def load_gold(gold_dir: str | Path) -> dict[str, dict[str, Any]]:
    """Gold records by article name."""
    out = {}
    for f in sorted(Path(gold_dir).glob("*.json")):
        rec = json.loads(f.read_text(encoding="utf-8"))
        out[rec.get("article") or f.stem + ".txt"] = rec
    return out


def _same_figure(g: dict[str, Any], p: dict[str, Any]) -> bool:
    if g.get("value") is not None:
        return p.get("value") is not None and float(p["value"]) == float(g["value"])
    same_bounds = g.get("low") == p.get("low") and g.get("high") == p.get("high")
    return p.get("value") is None and same_bounds


def _claim_score(g: dict[str, Any], p: dict[str, Any]) -> float:
    if not _same_figure(g, p):
        return 0.0
    return overlap(g["sentence"], p["sentence"])


def score(gold: dict[str, dict[str, Any]], pred: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Scores of ``pred`` (extraction records) against ``gold`` (by article)."""
    preds = {p["article"]: p for p in pred}
    quotes, claims = PRF(), PRF()
    speaker, q_chain = Accuracy(), Accuracy()
    event, qualifier, c_chain = Accuracy(), Accuracy(), Accuracy()
    outlet, published = Accuracy(), Accuracy()
    errors: list[dict[str, Any]] = []
    for article, g in gold.items():
        p = preds.get(article, {"quotes": [], "claims": []})
        outlet.add(same_entity(g.get("outlet"), p.get("outlet")))
        published.add(g.get("published") == p.get("published"))
        gq, pq = g.get("quotes", []), p.get("quotes", [])
        pairs = greedy_match(gq, pq, lambda a, b: overlap(a["text"], b["text"]), QUOTE_MATCH)
        quotes.tp += len(pairs)
        quotes.n_gold += len(gq)
        quotes.n_pred += len(pq)
        for gi, pi in pairs:
            ok = names_match(gq[gi]["speaker"], pq[pi]["speaker"])
            speaker.add(ok)
            if not ok:
                errors.append({"article": article, "kind": "speaker", "text": gq[gi]["text"][:60],
                               "gold": gq[gi]["speaker"], "pred": pq[pi]["speaker"]})
            ok = chains_equal(gq[gi]["sources"], pq[pi]["sources"])
            q_chain.add(ok)
            if not ok:
                errors.append({"article": article, "kind": "quote_chain",
                               "text": gq[gi]["text"][:60],
                               "gold": gq[gi]["sources"], "pred": pq[pi]["sources"]})
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        errors += [{"article": article, "kind": "quote_missed", "text": q["text"][:80]}
                   for i, q in enumerate(gq) if i not in matched_g]
        errors += [{"article": article, "kind": "quote_spurious", "text": q["text"][:80]}
                   for i, q in enumerate(pq) if i not in matched_p]

        gc, pc = g.get("claims", []), p.get("claims", [])
        pairs = greedy_match(gc, pc, _claim_score, CLAIM_SENTENCE_MATCH)
        claims.tp += len(pairs)
        claims.n_gold += len(gc)
        claims.n_pred += len(pc)
        for gi, pi in pairs:
            for acc, key in ((event, "event"), (qualifier, "qualifier")):
                ok = gc[gi][key] == pc[pi][key]
                acc.add(ok)
                if not ok:
                    errors.append({"article": article, "kind": key, "sentence":
                                   gc[gi]["sentence"][:60], "gold": gc[gi][key],
                                   "pred": pc[pi][key]})
            ok = chains_equal(gc[gi]["sources"], pc[pi]["sources"])
            c_chain.add(ok)
            if not ok:
                errors.append({"article": article, "kind": "claim_chain",
                               "sentence": gc[gi]["sentence"][:60],
                               "gold": gc[gi]["sources"], "pred": pc[pi]["sources"]})
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        errors += [{"article": article, "kind": "claim_missed", "sentence": c["sentence"][:60],
                    "value": c.get("value"), "low": c.get("low")}
                   for i, c in enumerate(gc) if i not in matched_g]
        errors += [{"article": article, "kind": "claim_spurious", "sentence": c["sentence"][:60],
                    "value": c.get("value"), "low": c.get("low")}
                   for i, c in enumerate(pc) if i not in matched_p]
    return {
        "articles": len(gold),
        "quotes": quotes.as_dict(),
        "speaker": speaker.as_dict(),
        "quote_chain": q_chain.as_dict(),
        "claims": claims.as_dict(),
        "event": event.as_dict(),
        "qualifier": qualifier.as_dict(),
        "claim_chain": c_chain.as_dict(),
        "outlet": outlet.as_dict(),
        "published": published.as_dict(),
        "errors": errors,
    }
