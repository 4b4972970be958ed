"""Stage: direct quotes — text inside quotation marks or opened by a dash that someone said.

Marks: straight ``"…"``/``'…'``, typographic ``“…”``/``‘…’``, ``«…»`` and ``„…“``; a
paragraph that opens a quote without closing it continues into the next paragraph
when that one opens with a mark again; a closing mark misprinted as an opening one
after a comma (``rights, “said``) still closes; an unclosed quote runs to the end of
its paragraph. Dash quotes (``– We are watching …``, at a paragraph or sentence start)
end where their attribution starts (``, X said`` or `` – X said``).

A candidate is kept when a cue verb attaches it to a speaker (right after it,
earlier in its sentence, or at the end of the previous paragraph ``X said:``), when
a ``Quote:`` label introduces it, or when it continues an attributed quote. Quotes of
one or two words need an explicit speaker ("described them as 'armed bandits'"),
else they are scare quotes. Every mark is visited once: linear time on any input.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Final

from provenance.extract import names, segment
from provenance.extract.build import empty_chain, span_of
from provenance.extract.cues import (
    CUE_RE,
    ORG_WORDS,
    ROLE_WORDS,
    describing_in,
    naming_before,
)
from provenance.extract.patterns import char_positions
from provenance.extract.registry import register
from provenance.modelkit import built, replaced
from provenance.models import Document, Extraction, Quote

_MARK: Final = re.compile(r"''|[\"“”„«»‘’']")  # '' is a double mark in some archives
_MARK_CHARS: Final = "\"“”„«»‘’'"
# a dash opening a quote; a hyphen only at the very start of the text. Two patterns: with
# "^" in an alternation the engine would try every position instead of skipping to a dash
_DASH: Final = re.compile(r"[–—]\s+")
_LEAD_HYPHEN: Final = re.compile(r"-\s+")
_SECOND_DASH: Final = re.compile(r"\s[–—]\s+")
_WORD: Final = re.compile(r"\w+")
_LABEL: Final = re.compile(r"(?:Quote|Quotation|Citation)\s*:\s*$")
# what a describing verb applies a short quote to: "described it as", "called them the"
_AS_OBJECT: Final = re.compile(r"(?:\bas|\bit|\bthem|\bhim|\bher|\bthis)(?:\s+(?:a|an|the))?\s*$")
_SEP: Final = re.compile(r"[\s,.!?;:–—-]*")
_LEFT_BOUND: Final = "([{—–-/:…"
_RIGHT_BOUND: Final = ".,;:!?)]}—–-…"
_OPENERS: Final = {"D": "“\"”", "G": "„", "A": "«", "S": "‘'"}
_STANDALONE_WORDS: Final = 8
_TITLE_WORDS: Final = 9  # the most words a title has
_WORD_CAP: Final = 10  # words are counted up to here: every threshold is below it
_COUNT_WINDOW: Final = 400  # characters that nearly always hold _WORD_CAP words
_EDGE_MARKS: Final = ".,;:!?…\"'“”„«»‘’()[]—–-"  # no word character among them
_MINOR: Final = frozenset("a an the and or nor but of for to in on at by with from into over as is "
                          "it its up off via per vs than".split())
_MAX_LEFT: Final = 400  # characters of a sentence searched for a cue before a quote
_STOP: Final = re.compile(r"[!?;“”\"«»„]")
_PERIOD: Final = re.compile(r"\.\s+[A-Z]")
_LAST_WORD: Final = re.compile(r"[^\W\d_]+$")
_DASH_TAG: Final = re.compile(
    r"\s*([―—–])\s*(?=[A-Z][\w’'\-]*(?: [A-Z][\w’'\-.]*){0,3}\s*(?:[.,(]|$))", re.M)
_COMMA_CUE: Final = re.compile(r",\s+(said|says|added|adds|wrote|writes|explained|noted|told)\s+"
                               r"(?=[A-Z]|the\b|a\b|an\b)")
_SUBJECT_STARTS: Final = frozenset("the a an he she they we i it his her their its our one".split())


@dataclass(init=False)  # a written __init__: mypyc compiles it, not a generated one
class _Cand:
    start: int  # inner text, trimmed
    end: int
    para: int
    open_pos: int  # the opening mark (or dash)
    close_end: int  # just after the closing mark (or where the attribution starts)
    dash: bool
    cue: tuple[int, int] | None

    def __init__(self, start: int, end: int, para: int, open_pos: int, close_end: int,
                 dash: bool = False, cue: tuple[int, int] | None = None) -> None:
        self.start = start
        self.end = end
        self.para = para
        self.open_pos = open_pos
        self.close_end = close_end
        self.dash = dash
        self.cue = cue


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return s, e


def _opens(text: str, p: int, q: int, ps: int, pe: int) -> str | None:
    """The kind of quote the mark ``text[p:q]`` can open, if any."""
    ch = '"' if q - p == 2 else text[p]
    prev = text[p - 1] if p > ps else " "
    nxt = text[q] if q < pe else " "
    left = prev.isspace() or prev in _LEFT_BOUND or prev in "\"“„«‘'"
    if ch == "„":
        return "G"
    if ch == "«":
        return "A"
    if ch in "“\"”" and left and not nxt.isspace():
        return "D"
    if ch in "‘'" and left and nxt.isalpha():
        return "S"
    return None


def _mark_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the quotation marks in ``text[start:end]``: what ``_MARK.finditer`` finds
    (a doubled ``''`` is one mark, taken left to right)."""
    out: list[tuple[int, int]] = []
    taken = -1  # the second half of a doubled mark
    for p in char_positions(text, _MARK_CHARS, start, end):
        if p == taken:
            continue
        if text[p] == "'" and p + 1 < end and text[p + 1] == "'":
            out.append((p, p + 2))
            taken = p + 1
        else:
            out.append((p, p + 1))
    return out


def _scan_marks(text: str, paras: list[tuple[int, int]]) -> list[_Cand]:
    """Quote candidates delimited by quotation marks, across paragraphs when continued."""
    out: list[_Cand] = []
    kind: str | None = None
    start = open_pos = depth = 0
    first_para = 0
    for pi, (ps, pe) in enumerate(paras):
        marks = _mark_spans(text, ps, pe)
        skip_first = False
        if kind is not None:  # a quote continued from the previous paragraph
            skip_first = bool(marks) and marks[0][0] == ps
        for mi, (p, q) in enumerate(marks):
            if skip_first and mi == 0:
                continue
            ch = '"' if q - p == 2 else text[p]
            if kind == "S" and ch in "“\"„«" and _opens(text, p, q, ps, pe) not in (None, "S"):
                kind = None  # an apostrophe taken for an opening mark: give it up
            if kind is None:
                kind = _opens(text, p, q, ps, pe)
                if kind is not None:
                    start, open_pos, depth, first_para = q, p, 1, pi
                continue
            prev = text[p - 1] if p > ps else " "
            nxt = text[q] if q < pe else " "
            right = nxt.isspace() or nxt in _RIGHT_BOUND or q >= pe
            close = False
            if kind == "D":
                if ch in "”\"":
                    close = True
                elif ch == "“":
                    before = text[p - 2] if p - 2 >= ps else " "
                    if prev in ",.!?…" or (prev == " " and before in ",.!?…") or right:
                        close = True  # a misprinted closing mark
                    else:  # an unclosed quote, then a new one
                        _emit(text, out, start, p, first_para, open_pos, p)
                        start, open_pos, first_para = q, p, pi
                        continue
            elif kind == "G":
                close = ch in "“”\""
            elif kind == "A":
                if ch == "«":
                    depth += 1
                elif ch == "»":
                    depth -= 1
                    close = depth == 0
            elif kind == "S":
                close = ch in "’'" and right and not prev.isspace()
            if close:
                _emit(text, out, start, p, first_para, open_pos, q)
                kind = None
        if kind is not None:
            nxt_para = paras[pi + 1] if pi + 1 < len(paras) else None
            if nxt_para is not None and kind != "S" and text[nxt_para[0]] in _OPENERS[kind]:
                continue  # the quote goes on in the next paragraph
            if kind != "S":  # unclosed: best effort, to the end of the paragraph
                _emit(text, out, start, pe, first_para, open_pos, pe)
            kind = None
    return out


def _emit(text: str, out: list[_Cand], s: int, e: int, para: int, open_pos: int,
          close_end: int) -> None:
    s, e = _trim(text, s, e)
    if e > s and _WORD.search(text, s, e):
        out.append(_Cand(s, e, para, open_pos, close_end))


def _crosses_sentence(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` holds a sentence end or a quotation mark."""
    if _STOP.search(text, a, b):
        return True
    for m in _PERIOD.finditer(text, a, b):
        w = _LAST_WORD.search(text, max(a, m.start() - 12), m.start())
        word = w.group() if w else ""
        if not (len(word) == 1 or word.casefold() in segment.ABBREVIATIONS):
            return True
    return False


def _attribution_after(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """A cue attached right after ``pos``: ``, X said`` / ``, said X`` / ``X, the ..., said``."""
    r = _SEP.match(text, pos, hi)
    r_pos = r.end() if r else pos
    if r_pos - pos > 4:
        return None
    dash = _DASH_TAG.match(text, pos, hi)
    if dash:  # "” ― Steve Quinlan."
        return dash.start(1), dash.end(1)
    m = CUE_RE.match(text, r_pos, hi)
    if m:
        return m.start(), m.end()
    first = _WORD.match(text, r_pos, hi)
    if not first:
        return None
    fw = first.group().casefold()
    second = _WORD.match(text, first.end() + 1, hi) if text[first.end():first.end() + 1] == " " \
        else None
    if not (first.group()[:1].isupper() or fw in _SUBJECT_STARTS or fw in ROLE_WORDS
            or fw in ORG_WORDS or (second is not None and second.group()[:1].isupper())):
        return _comma_cue(text, r_pos, hi)
    m = CUE_RE.search(text, first.end(), min(hi, r_pos + 200))
    if m is None or _crosses_sentence(text, r_pos, m.start()):
        return _comma_cue(text, r_pos, hi)
    return m.start(), m.end()


def _after_aside(text: str, close_end: int, cue_start: int) -> bool:
    """Whether the cue after a quote follows a lower-case aside and a comma (``“…” since
    2015, writes Z``) rather than the quote itself (``“…,” Z said``)."""
    sep = _SEP.match(text, close_end, cue_start)
    first = _WORD.match(text, sep.end() if sep else close_end, cue_start)
    return first is not None and first.group()[:1].islower() \
        and text[close_end:cue_start].rstrip().endswith(",")


def _tag_between(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` is only an attribution sentence: ``, union leader X said.``"""
    if b - a > 120 or _MARK.search(text, a, b):
        return False
    last = None
    for m in CUE_RE.finditer(text, a, b):
        last = m
    if last is None:
        return False
    rest = text[last.end():b].strip()  # "." or "Ana Ruiz, a nurse." (an inverted subject)
    return rest == "." or (rest.endswith(".") and len(rest.split()) <= 5 and (
        rest[:1].isupper() or rest.split()[0] in ("the", "a", "an")))


def _comma_cue(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """An inverted cue after an aside: ``'' like the recent volatility, said Richard Curtin``."""
    m = _COMMA_CUE.search(text, pos, min(hi, pos + 160))
    if m is None or _crosses_sentence(text, pos, m.start()):
        return None
    return m.start(1), m.end(1)


def _dash_quotes(text: str, paras: list[tuple[int, int]], taken: list[_Cand]) -> list[_Cand]:
    """Quotes opened by a dash at a paragraph or sentence start, ended by their attribution."""
    out: list[_Cand] = []
    by_para: dict[int, list[_Cand]] = {}
    for c in taken:
        by_para.setdefault(c.para, []).append(c)
    for pi, (ps, pe) in enumerate(paras):
        if text.find("–", ps, pe) < 0 and text.find("—", ps, pe) < 0 and ps != 0:
            continue  # no dash, and "^-" only matches at the very start of the text
        inside = sorted(by_para.get(pi, []), key=lambda c: c.open_pos)
        opens = [c.open_pos for c in inside]
        pos = ps
        while pos < pe:
            m = (_LEAD_HYPHEN.match(text, 0, pe) if pos == 0 else None) \
                or _DASH.search(text, pos, pe)
            if not m:
                break
            d = m.start()
            pos = m.end()
            if d != ps:
                k = d - 1
                while k > ps and text[k] == " ":
                    k -= 1
                if text[k] not in ".!?…”\"»":
                    continue
            i = bisect_right(opens, d)
            if i > 0 and d < inside[i - 1].close_end:
                continue  # inside a quote
            limit = opens[i] if i < len(opens) else pe
            found = _dash_end(text, m.end(), limit)
            if found is None:
                prev_colon = pi > 0 and d == ps and text[paras[pi - 1][1] - 1] == ":"
                last = out[-1] if out else None
                # "– … – Zapata said. – Those responsible …": the quote goes on after its tag
                split = last is not None and last.para == pi and last.cue is not None \
                    and last.cue[1] <= d and "." not in text[last.cue[1]:d].rstrip()[:-1] \
                    and text[last.cue[1]:d].rstrip().endswith(".")
                if not (prev_colon or split):
                    continue
                end, cue = limit, None
            else:
                end, cue = found
            s, e = _trim(text, m.end(), end)
            if e > s and _WORD.search(text, s, e):
                out.append(_Cand(s, e, pi, d, end, dash=True, cue=cue))
            pos = max(pos, end)
    return out


def _dash_end(text: str, q0: int, hi: int) -> tuple[int, tuple[int, int] | None] | None:
    """Where a dash quote starting at ``q0`` ends, and its cue."""
    best: tuple[int, tuple[int, int] | None] | None = None
    sd = _SECOND_DASH.search(text, q0, hi)
    if sd:
        cue = _attribution_after(text, sd.end(), min(hi, sd.end() + 120))
        if cue:
            best = (sd.start(), cue)
    for m in CUE_RE.finditer(text, q0, best[0] if best else hi):
        comma = text.rfind(",", max(q0, m.start() - 100), m.start())
        if comma < 0:
            continue
        between = text[comma + 1:m.start()].strip()
        if between:
            np = names.np_left(text, m.start(), comma + 1)
            if np is None or text[np[0]:np[1]] != between.rstrip(","):
                continue
        return comma, (m.start(), m.end())
    return best


def _sentence_start(starts: list[int], pos: int) -> int:
    """The start of the sentence holding ``pos``, given the paragraph's sentence starts."""
    i = bisect_right(starts, pos) - 1
    return starts[i] if i >= 0 else pos


def _left_cue(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    last = None
    for m in CUE_RE.finditer(text, max(lo, hi - _MAX_LEFT), hi):
        last = m
    return (last.start(), last.end()) if last else None


def _attach(doc: Document, cands: list[_Cand], paras: list[tuple[int, int]]) -> list[Quote]:
    text = doc.text
    out: list[Quote] = []
    prev_kept: _Cand | None = None
    sent_starts: dict[int, list[int]] = {}
    para_starts = [p[0] for p in paras]
    for c in sorted(cands, key=lambda c: c.start):
        ps, pe = paras[c.para]
        last_pe = paras[max(c.para, bisect_right(para_starts, c.end) - 1)][1]
        n_words = _count_words(text, c.start, c.end)
        if c.para not in sent_starts:
            sent_starts[c.para] = [a for a, _ in segment.sentences(text, ps, pe)]
        sent_lo = max(_sentence_start(sent_starts[c.para], c.open_pos), c.open_pos - _MAX_LEFT)
        left = text[sent_lo:c.open_pos].rstrip()
        cue = c.cue
        label = split_tail = False
        if cue is None and not c.dash:
            cue = _attribution_after(text, c.close_end, last_pe)
            right_attached = cue is not None
            lc = _left_cue(text, sent_lo, c.open_pos)
            adjacent = lc is not None and not text[lc[1]:c.open_pos].strip(" ,:")
            # "X told Y that ... “every year” since 2015, writes Z": the aside's cue is the
            # outlet's, the sentence's own cue is the speaker's
            aside = cue is not None and _after_aside(text, c.close_end, cue[0])
            if lc is not None and (cue is None or adjacent or aside):
                cue = lc
            naming = None
            if cue is None or n_words <= 2:
                naming = naming_before(text, max(sent_lo, c.open_pos - 80), c.open_pos)
                if naming is not None:  # "called the mine «a mass grave»", "spoke of „…“"
                    verb = _WORD.match(text, naming.start())
                    assert verb is not None
                    cue = (verb.start(), verb.end())
            label = left.endswith(":") and _LABEL.search(left) is not None
            if cue is None and left.endswith(":") and not label and (
                    n_words >= 3 or names.np_left(text, sent_lo + len(left) - 1, sent_lo)):
                cue = (sent_lo + len(left) - 1, sent_lo + len(left))
            if cue is None and c.open_pos == ps and c.para > 0:
                pps, ppe = paras[c.para - 1]
                if text[ppe - 1] == ":":
                    cue = _left_cue(text, pps, ppe)
            if n_words <= 2:
                desc = describing_in(text, max(sent_lo, c.open_pos - 80), c.open_pos)
                as_ok = desc is not None and _AS_OBJECT.search(left) is not None
                whole = right_attached and not left.strip(" –—-")
                split_tail = (prev_kept is not None and prev_kept.para == c.para and not left
                              and _tag_between(text, prev_kept.close_end, c.open_pos))
                if as_ok and desc is not None and naming is None:
                    cue = (desc.start(), desc.end())
                elif not (whole or adjacent or naming is not None or split_tail):
                    continue  # "Nobody listened." after '“…,” X said.' is the quote going on
        if n_words <= _TITLE_WORDS and _is_title(text, c.start, c.end):
            continue
        continued = prev_kept is not None and (
            prev_kept.para == c.para or (prev_kept.para == c.para - 1 and c.open_pos == ps))
        # a quoted passage that opens its paragraph is speech even without a cue
        continued = continued or (c.open_pos == ps and n_words >= _STANDALONE_WORDS)
        if cue is None and not label and not continued:
            continue
        if cue is None and n_words <= 2 and not split_tail:
            continue
        out.append(built(Quote, {
            "span": span_of(doc.text, c.start, c.end), "speaker": None, "speaker_role": None,
            "speaker_mention": None,
            "cue": span_of(doc.text, cue[0], cue[1]) if cue else None,
            "sources": empty_chain()}))
        prev_kept = c
    return out


def _count_words(text: str, s: int, e: int) -> int:
    """The number of words (``\\w+`` runs) in ``text[s:e]``, counted up to ``_WORD_CAP`` (all
    callers need).

    Counted by white-space chunk: a chunk that is letters and digits once its edge marks
    are stripped is one word; only the others ("don't", "U.S.") go through the regex.
    """
    hi = min(e, s + _COUNT_WINDOW)
    n = 0
    for chunk in text[s:hi].split():
        core = chunk.strip(_EDGE_MARKS)
        if core.isalnum():
            n += 1
        elif core:
            n += len(_WORD.findall(core))
        if n >= _WORD_CAP:
            return _WORD_CAP
    if hi < e:  # the window may have cut the count short: count it all
        n = min(len(_WORD.findall(text, s, e)), _WORD_CAP)
    return n


def _is_title(text: str, s: int, e: int) -> bool:
    """A short Title Case phrase ("Face the Nation"): the name of a show, book or slogan."""
    words = _WORD.findall(text, s, e)
    if not 2 <= len(words) <= 9 or "," in text[s:e]:
        return False
    big = [w for i, w in enumerate(words) if i == 0 or w.casefold() not in _MINOR]
    return all(w[:1].isupper() for w in big) and sum(w[:1].isupper() for w in words) >= 2


def find_quotes(doc: Document) -> list[Quote]:
    """Every direct quote in the document's content regions, in text order."""
    paras = segment.paragraphs(doc)
    if not paras:
        return []
    marked = _scan_marks(doc.text, paras)
    dashed = _dash_quotes(doc.text, paras, marked)
    return _attach(doc, marked + dashed, paras)


@register("quotes", "quotes.rules.v1")
def run(ex: Extraction) -> Extraction:
    """Fill ``ex.quotes`` with the document's direct quotes and their cue verbs."""
    return replaced(ex, quotes=find_quotes(ex.document))
