"""Score direct quotes and their speakers against PolNeAR (brat stand-off annotations).

Layout: ``DIR/attributions/<article>_<annotator>.ann`` beside ``DIR/text/<article>.txt``
(or both in ``DIR``). Articles annotated by several annotators use the first
annotator file by name. Offsets are code points into the ``.txt``; ``T`` spans may be
discontinuous (``start end;start end``); ``E`` lines tie Content, Cue and Source.

Definitions (the ones the figures mean):

* A gold direct quote is an attribution whose Content opens with a quotation mark
  (after white space). Its text is the concatenation of its fragments.
* Predicted quotes are assigned to the gold direct quote their characters overlap
  most; the quotes assigned to one gold quote are joined in text order and match it
  when their token overlap (:func:`provenance.evaluation.matching.overlap`) is ≥ 0.5.
  A matched gold quote is a true positive. A prediction is a false positive only
  when it is assigned to no gold direct quote and less than half of its characters
  lie inside any Content span (indirect or partial quotes are attributed material,
  so predicting them is not an error; nor is it credited).
* Named-speaker accuracy is measured over matched gold quotes whose Source ends in
  a capitalised word that is not a pronoun ("Donald Trump", "Sen. Tim Kaine", "The
  New York Times"; not "he", "a source" or "the Republican nominee"). The predicted
  speaker is right when its last word (accent-, case- and possessive-folded) is one
  of the Source span's words. No speaker counts as wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from provenance.errors import InputError
from provenance.evaluation.matching import PRF, Accuracy, overlap
from provenance.extract.names import fold
from provenance.ingest.text import document_from_text
from provenance.models import Quote
from provenance.pipeline import extract_document

QUOTE_MATCH = 0.5
_OPENING = "\"“‘'«„”"
_ANNOTATOR = re.compile(r"_[0-9a-f]{4}$")
_WORD = re.compile(r"[^\W_][\w\-]*")
_PRONOUNS = frozenset("he she they we i it you him her them us me".split())

Fragments = list[tuple[int, int]]


@dataclass
class Attribution:
    """One PolNeAR attribution: its content fragments and its source fragments."""

    content: Fragments
    source: Fragments = field(default_factory=list)


def parse_ann(ann: str) -> list[Attribution]:
    """The attributions of a brat ``.ann`` text (text-bound and event lines)."""
    spans: dict[str, Fragments] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, offsets = parts[1].partition(" ")
            try:
                frags = [(int(a), int(b)) for a, b in
                         (piece.split() for piece in offsets.split(";"))]
            except ValueError:
                continue
            spans[parts[0]] = frags
            if label not in ("Source", "Cue", "Content"):
                spans.pop(parts[0])
        elif parts[0].startswith("E"):
            roles = dict(r.split(":", 1) for r in parts[1].split() if ":" in r)
            events.append(roles)
    out = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if not content:
            continue
        out.append(Attribution(sorted(content), sorted(spans.get(roles.get("Source", ""), []))))
    return out


def article_files(root: Path) -> list[tuple[Path, Path]]:
    """``(text, annotation)`` pairs, one annotator per article (the first by name)."""
    ann_dir = root / "attributions" if (root / "attributions").is_dir() else root
    txt_dir = root / "text" if (root / "text").is_dir() else root
    if not ann_dir.is_dir():
        raise InputError(str(root), "not a PolNeAR directory", "missing")
    chosen: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        stem = _ANNOTATOR.sub("", ann.stem)
        chosen.setdefault(stem, ann)
    pairs = [(txt_dir / f"{stem}.txt", ann) for stem, ann in sorted(chosen.items())]
    pairs = [(t, a) for t, a in pairs if t.is_file()]
    if not pairs:
        raise InputError(str(root), "no brat .ann files with their .txt", "missing")
    return pairs


def _text(text: str, frags: Fragments) -> str:
    return " ".join(text[a:b] for a, b in frags)


def _inside(frags: Fragments, s: int, e: int) -> int:
    return sum(max(0, min(b, e) - max(a, s)) for a, b in frags)


def _named(source: str) -> bool:
    words = _WORD.findall(source)
    return bool(words) and words[-1][:1].isupper() and words[-1].casefold() not in _PRONOUNS


def _word_key(w: str) -> str:
    w = fold(w)
    return w[:-2] if w.endswith("'s") or w.endswith("’s") else w


def speaker_ok(pred: str | None, source: str) -> bool:
    """Whether a predicted speaker name is the gold Source (by its last word)."""
    if not pred:
        return False
    pw = _WORD.findall(pred)
    if not pw:
        return False
    return _word_key(pw[-1]) in {_word_key(w) for w in _WORD.findall(source)}


def score_article(text: str, attributions: list[Attribution], quotes: list[Quote],
                  name: str = "") -> dict[str, Any]:
    """Counts for one article: true/false positives, gold quotes, speaker results, errors."""
    direct = [a for a in attributions if text[a.content[0][0]:a.content[0][1]].lstrip()[:1]
              in _OPENING]
    assigned: dict[int, list[Quote]] = {}
    fp: list[Quote] = []
    for q in quotes:
        s, e = q.span.start, q.span.end
        best, best_chars = -1, 0
        for gi, g in enumerate(direct):
            chars = _inside(g.content, s, e)
            if chars > best_chars:
                best, best_chars = gi, chars
        if best >= 0:
            assigned.setdefault(best, []).append(q)
        elif not any(2 * _inside(a.content, s, e) >= max(1, e - s) for a in attributions):
            fp.append(q)
    tp = 0
    speaker = Accuracy()
    errors: list[dict[str, Any]] = []
    for gi, g in enumerate(direct):
        gold_text = _text(text, g.content)
        preds = sorted(assigned.get(gi, []), key=lambda q: q.span.start)
        if not preds or overlap(gold_text, " ".join(q.text for q in preds)) < QUOTE_MATCH:
            errors.append({"article": name, "kind": "quote_missed", "text": gold_text[:80]})
            continue
        tp += 1
        source = _text(text, g.source)
        if g.source and _named(source):
            who = next((q.speaker for q in preds if q.speaker), None)
            ok = speaker_ok(who, source)
            speaker.add(ok)
            if not ok:
                errors.append({"article": name, "kind": "speaker", "text": gold_text[:60],
                               "gold": source, "pred": who})
    errors += [{"article": name, "kind": "quote_spurious", "text": q.text[:80]} for q in fp]
    return {"tp": tp, "fp": len(fp), "gold": len(direct), "speaker": speaker, "errors": errors}


def score_dir(root: str | Path) -> dict[str, Any]:
    """Quote P/R/F1 and named-speaker accuracy of the pipeline on a PolNeAR split."""
    quotes = PRF()
    speaker = Accuracy()
    errors: list[dict[str, Any]] = []
    pairs = article_files(Path(root))
    for txt, ann in pairs:
        text = txt.read_text(encoding="utf-8")
        atts = parse_ann(ann.read_text(encoding="utf-8"))
        ex = extract_document(document_from_text(text, id=txt.name, path=str(txt)))
        r = score_article(text, atts, ex.quotes, txt.name)
        quotes.tp += r["tp"]
        quotes.n_pred += r["tp"] + r["fp"]
        quotes.n_gold += r["gold"]
        speaker.correct += r["speaker"].correct
        speaker.total += r["speaker"].total
        errors += r["errors"]
    return {"articles": len(pairs), "quotes": quotes.as_dict(),
            "speaker": speaker.as_dict(), "errors": errors}
