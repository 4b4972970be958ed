"""Stage: attribution chains for every quote and claim.

Rules (gold/FORMAT.md): a chain runs from the origin to the intermediary nearest
the publishing outlet, the outlet itself excluded. A quote's origin is its
speaker, so its chain holds only the intermediaries (outlets) after the speaker;
a claim's chain starts with the person or body it is attributed to, and a claim
inside a quote starts with the quote's speaker. Beyond the sentence itself:

* a sentence without a source takes the chain of the last attributed sentence
  of its paragraph, and an outlet that frames a paragraph ("TASS recalled that
  ...") is appended to the chains of the paragraph's following sentences;
* a sentence that names earlier figures ("The death toll ... is reported by X,
  writes Y") adds its sources to those figures and to figures stated with them;
* "X was quoted by A and B" / "X said ..., A reported" passes A and B to X's
  later quotes; "The AFP agency informed about it." passes AFP to the quotes of
  the rest of its section;
* the same figure stated again (the headline, a repeated lead) shares the most
  informative chain given for it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from operator import itemgetter
from typing import Final

from provenance.entities import known_kind, normalise, same_entity, same_person
from provenance.extract import sources_lexicon as lex
from provenance.extract.attribution import (
    Attribution,
    Context,
    Found,
    TriggerIndex,
    attribute,
    classify,
    np_backward,
    np_forward,
    tokenize,
    trigger_index,
)
from provenance.extract.build import chain_of, source_of
from provenance.extract.registry import register
from provenance.extract.segment import doc_sentences, paragraphs
from provenance.extract.triggers import lowered_hits
from provenance.modelkit import replaced
from provenance.models import Claim, Document, Extraction, Quote, Source

Hops = list[list[Source]]
_SECOND: Final = itemgetter(1)
_CAPWORD: Final = re.compile(r"[A-Z]\w*(?:\.\w+)*")
_TERMINAL: Final = ".!?…\"”»’:)"
_SPLIT_GAP: Final = 200  # characters of attribution between the two halves of a split quote
_MAX_FRAMES: Final = 32  # speaker and section frames kept per document
_MAX_BACKREFS: Final = 16  # sentences naming earlier figures, per document
_ZONE: Final = 300  # characters around a quote searched for who relayed it
_MAX_DONORS: Final = 8  # same-figure chains compared per claim
_FRAME_REACH: Final = 4  # sentences after "TASS recalled that ..." that its frame reaches
# a sentence set in a year ("In 1987 ...", "since 2019"): the preposition and the year
YEAR_SETTING: Final = re.compile(r"\b([Ii]n|[Ss]ince|[Dd]uring)\s+(?:early\s+|late\s+|mid-)?"
                                 r"((?:1[89]|20)\d\d)\b")
# the first two digits of every year YEAR_SETTING can name
_CENTURIES: Final = ("18", "19", "20")


@dataclass(init=False)  # a written __init__: mypyc compiles it, not a generated one
class _Sentence:
    para: int
    start: int
    end: int
    att: Attribution
    has_quote: bool
    chain: Hops
    locked: bool
    other_time: bool  # "In 2018 a blast at the same mine killed six"

    def __init__(self, para: int, start: int, end: int, att: Attribution,
                 has_quote: bool) -> None:
        self.para = para
        self.start = start
        self.end = end
        self.att = att
        self.has_quote = has_quote
        self.chain = []
        self.locked = False
        self.other_time = False


# folded words that may name a country, alone or as the first of two ("south africa")
_COUNTRY_WORDS: Final = frozenset(lex.DEMONYMS) | frozenset(lex.ADJECTIVE_COUNTRY) | frozenset(
    k.split()[0] for k in lex.DEMONYMS if " " in k)


def _countries_in(words: list[str]) -> list[str]:
    """The countries a run of capitalised words names, in order."""
    lows = "\n".join(words).casefold().split("\n")  # one fold for all words
    if _COUNTRY_WORDS.isdisjoint(lows):
        return []
    out = []
    for k in [k for k, w in enumerate(lows) if w in _COUNTRY_WORDS]:
        w = lows[k]
        if k + 1 < len(lows) and f"{w} {lows[k + 1]}" in lex.DEMONYMS:
            out.append(f"{w} {lows[k + 1]}")
        elif w in lex.DEMONYMS:
            out.append(w)
        elif w in lex.ADJECTIVE_COUNTRY:
            out.append(lex.ADJECTIVE_COUNTRY[w])
    return out


def country_context(doc: Document) -> Context:
    """The countries an article names (by name or adjective) and the one it is mostly about."""
    counts: dict[str, int] = {}  # a plain dict: Counter's methods are interpreted
    for rs, re_ in doc.content_regions():
        for c in _countries_in(_CAPWORD.findall(doc.text, rs, min(re_, rs + 50_000))):
            counts[c] = counts.get(c, 0) + 1
    main = None
    if counts:  # the most named, the first named among equals (as Counter.most_common)
        country, n = max(counts.items(), key=_SECOND)
        main = country if n >= 2 else None
    return Context(country=main, text=doc.text)


def countries_named(text: str) -> list[str]:
    """The countries ``text`` names by name or adjective ("Moldova", "Romanian"), in order."""
    return _countries_in(_CAPWORD.findall(text))


def main_country(doc: Document) -> str | None:
    """The country an article is mostly about: the most mentioned by name or adjective."""
    return country_context(doc).country


def _kind_of(name: str) -> str:
    known = known_kind(name)
    if known:
        return known
    words = normalise(name).split()
    if any(w in lex.BODY_WORDS or w in ("authorities", "government") for w in words):
        return "body"
    return "person"


def _is_outlets(hops: Hops) -> bool:
    return bool(hops) and all(s.kind == "outlet" for hop in hops for s in hop)


def _contains(hops: Hops, src: Source) -> bool:
    return any(same_entity(src.name, s.name) for hop in hops for s in hop)


def _append(base: Hops, extra: Hops) -> Hops:
    """``base`` followed by the hops of ``extra`` it does not already hold."""
    out = [list(h) for h in base]
    for hop in extra:
        if not any(_contains(out, s) for s in hop):
            out.append(list(hop))
    return out


def _subsumed(small: Hops, big: Hops) -> bool:
    return all(_contains(big, s) for hop in small for s in hop)


def _vaguer(small: Hops, big: Hops) -> bool:
    """Whether a headline's chain is a vaguer form of ``big``: a country's authorities
    ("Kazakhstan says") standing for the body the article names, with nothing new after it."""
    if len(big) < len(small) or not small or not big:
        return False
    o_small, o_big = small[0][0], big[0][0]
    generic = o_small.kind == "body" and (normalise(o_small.name).endswith(
        ("authorities", "officials", "government", "sources"))
        or (o_small.name.islower() and " " not in o_small.name  # "..., ministry says"
            and o_small.name in normalise(o_big.name).split()))
    return generic and o_big.kind == "body" and _subsumed(small[1:], big)


def _without_outlet(hops: Hops, outlet: str | None) -> Hops:
    """The chain without the publishing outlet itself (it is never an intermediary)."""
    if not outlet:
        return hops
    out = [[s for s in hop if not (s.kind == "outlet" and same_entity(s.name, outlet))]
           for hop in hops]
    return [hop for hop in out if hop]


def _origin(hops: Hops) -> Source | None:
    return None if not hops or _is_outlets(hops[:1]) else hops[0][0]


def _compatible(existing: Hops, new: Hops) -> bool:
    """Whether ``new`` can extend ``existing``: it names no origin, or the same one.

    A later sentence confirming a figure from another origin corroborates it; it does
    not say where the first report came from.
    """
    a, b = _origin(existing), _origin(new)
    return a is None or b is None or same_entity(a.name, b.name)


def merge(existing: Hops, new: Hops) -> Hops:
    """Combine two chains for one figure: one origin, then the union of intermediaries."""
    if not existing:
        return [list(h) for h in new]
    if not new:
        return existing
    e_origin = [] if _is_outlets(existing[:1]) else existing[:1]
    n_origin = [] if _is_outlets(new[:1]) else new[:1]
    origin = e_origin or n_origin
    e_rest = existing[len(e_origin):]
    n_rest = new[len(n_origin):]
    if _subsumed(e_rest, n_rest):
        rest = n_rest
    elif _subsumed(n_rest, e_rest):
        rest = e_rest
    else:
        rest = _append(e_rest, n_rest)
    return _append(origin, rest)


class _Names:
    """Person names of the document: surnames and pronouns resolve to a full name."""

    LIMIT = 200

    def __init__(self, text: str = "") -> None:
        self.full: list[str] = []
        self.by_surname: dict[str, str] = {}
        self.text = text

    def _expand(self, surname: str) -> str | None:
        """The first "Firstname Surname" the text prints for ``surname``, role words dropped."""
        pos = self.text.find(surname)
        tries = 0
        while pos >= 0 and tries < 50:
            tries += 1
            end = pos + len(surname)
            if not self.text[end:end + 1].isalnum() and (pos == 0 or self.text[pos - 1] == " "):
                words = self.text[max(0, pos - 80):pos].split()
                given: list[str] = []
                for w in reversed(words[-3:]):
                    if not w[:1].isupper() or not w.replace("-", "").isalpha() \
                            or w.casefold() in lex.ROLE_WORDS \
                            or w.casefold() in lex.ADJECTIVE_COUNTRY:
                        break
                    given.insert(0, w)
                if given:
                    return " ".join([*given, surname])
            pos = self.text.find(surname, end)
        return None

    def add(self, name: str) -> None:
        words = normalise(name).split()
        if len(words) >= 2 and len(self.full) < self.LIMIT and words[-1] not in self.by_surname:
            self.full.append(name)
            self.by_surname[words[-1]] = name

    def resolve(self, name: str) -> str:
        words = normalise(name).split()
        if len(words) != 1:
            return name
        hit = self.by_surname.get(words[0])
        if hit is not None:
            return hit
        for full in self.full:
            if same_person(name, full):
                return full
        expanded = self._expand(name) if name[:1].isupper() else None
        if expanded is not None:
            self.by_surname[words[0]] = expanded
            return expanded
        return name


def _resolve(att: Attribution, names: _Names, last_person: Source | None,
             last_body: Source | None, last_outlet: Source | None,
             last_org: Source | None = None,
             prev_subject: Callable[[], Source | None] | None = None,
             fuller: Callable[[Source], Source | None] | None = None) -> None:
    """Replace pronoun subjects, "the agency", "the company" and bare surnames in ``att``
    in place. "He"/"she" is the person the previous sentence opens with, else the last
    person who spoke."""
    found: list[Found] = []
    for f in att.found:
        s = f.source
        if s.kind == "unknown" and s.name.casefold() in lex.OUTLET_WORDS:
            if last_outlet is None:
                continue
            s = source_of(name=last_outlet.name, kind="outlet", mention=s.mention)
        elif s.kind == "unknown" and s.name.casefold() in lex.PRONOUNS:
            low = s.name.casefold()
            ref = last_body if low == "it" else None
            if low in ("he", "she"):
                ref = (prev_subject() if prev_subject else None) or last_person
            if ref is None:
                continue
            s = source_of(name=ref.name, kind=ref.kind, mention=s.mention)
        elif s.kind == "person":
            s = source_of(name=names.resolve(s.name), kind="person", mention=s.mention)
        elif (s.kind == "body" and last_body is not None and s.name.islower()
              and " " not in s.name and s.name in normalise(last_body.name).split()):
            s = source_of(name=last_body.name, kind="body", mention=s.mention)  # "the ministry"
        elif (s.kind == "body" and last_org is not None and s.name.casefold() in lex.ORG_HEADS
              and " " not in s.name):
            s = source_of(name=last_org.name, kind="body", mention=s.mention)  # "the company"
        elif (s.kind == "body" and s.name in _ANAPHOR_HEADS and s.mention is not None
              and fuller is not None):
            s = fuller(s) or s  # "the union": the "miners' union" named just before
        found.append(Found(s, f.pos, f.group, f.role))
    att.found = found
    if att.speaker is not None and att.speaker.kind == "person":
        att.speaker = source_of(name=names.resolve(att.speaker.name), kind="person",
                             mention=att.speaker.mention)


_ANAPHOR_HEADS: Final = frozenset(
    """union association federation organisation organization committee council commission
    foundation institute league alliance coalition""".split())


def _fuller_name(text: str, src: Source, *, ctx: Context) -> Source | None:
    """The fuller name a bare "the union" stands for: the last "X union" named in the
    400 characters before it."""
    if src.mention is None:
        return None
    pos = src.mention.start
    toks = tokenize(text, max(0, pos - 400), pos)
    for k in range(len(toks) - 1, 0, -1):
        if toks[k].low == src.name and toks[k - 1].word and toks[k - 1].low not in (
                "the", "a", "an", "this", "that"):
            rng = np_backward(toks, k)
            if rng is None:
                return None
            found = classify(text, toks[rng[0]:rng[1]], ctx)
            if len(found) == 1 and found[0].kind == "body" and " " in found[0].name:
                return source_of(name=found[0].name, kind="body", mention=src.mention)
            return None
    return None


def _named_org(name: str) -> bool:
    """A body named by a proper name alone ("Eastline Coaches"), not "the health ministry"."""
    words = name.split()
    return all(w[:1].isupper() for w in words) and not any(
        w.casefold() in lex.BODY_WORDS or w.casefold() in lex.OUTLET_WORDS for w in words)


def _opening_person(text: str, st: _Sentence | None, ctx: Context,
                    names: _Names) -> Source | None:
    """The person a sentence opens with ("Prime Minister Ana Lopes visited ..."), if any."""
    if st is None or not text[st.start:st.start + 1].isupper():
        return None  # opens with a quote, a digit or lower case: no name to read
    toks = tokenize(text, st.start, min(st.end, st.start + 80))
    rng = np_forward(toks, 0)
    if rng is None:
        return None
    found = classify(text, toks[rng[0]:rng[1]], ctx)
    if len(found) == 1 and found[0].kind == "person" and len(found[0].name.split()) >= 2:
        return source_of(name=names.resolve(found[0].name), kind="person")
    return None


def _masks_in(masks: Sequence[tuple[int, int]], starts: Sequence[int],
              s: int, e: int) -> list[tuple[int, int]]:
    k = max(0, bisect.bisect_right(starts, s) - 1)
    out = []
    while k < len(masks) and masks[k][0] < e:
        if masks[k][1] > s:
            out.append(masks[k])
        k += 1
    return out


def _headings(doc: Document, paras: list[tuple[int, int]]) -> list[int]:
    """Paragraphs that look like section headings (short, no closing punctuation)."""
    text = doc.text
    return [i for i, (s, e) in enumerate(paras)
            if text[e - 1] not in _TERMINAL and 1 <= len(text[s:e].split()) <= 15]


def _title_para(doc: Document, paras: list[tuple[int, int]]) -> int | None:
    if doc.title:
        for i, (s, e) in enumerate(paras[:6]):
            if doc.title in doc.text[s:e]:
                return i
    return None


_HEADLINE_SEP: Final = (" - ", " – ", " — ")


def _headline_suffix(doc: Document, paras: list[tuple[int, int]], sents: list[_Sentence],
                     ctx: Context) -> None:
    """A headline ending in its source ("... 19 dead - police", "... – coast guard")
    attributes the headline's figures to that source."""
    tp = _title_para(doc, paras)
    if tp is None:
        return
    ps, pe = paras[tp]
    line = doc.text[ps:pe].rstrip()
    k = max(line.rfind(sep) for sep in _HEADLINE_SEP)
    if k <= 0 or len(line) - k > 50:
        return
    s0 = ps + k + 3
    toks = tokenize(doc.text, s0, ps + len(line))
    if not toks or not all(t.word for t in toks) or len(toks) > 5:
        return
    found = classify(doc.text, toks, ctx)
    if len(found) != 1 or found[0].kind not in ("body", "person"):
        return
    for st in sents:
        if st.para == tp and not st.att.found:
            st.att.found.append(Found(found[0], len(toks), 1, "subject"))


def _source_for_speaker(q: Quote) -> Source:
    assert q.speaker is not None
    return source_of(name=q.speaker, kind=_kind_of(q.speaker),
                  mention=q.speaker_mention)


@register("chains", "chains.rules.v1")
def run(ex: Extraction) -> Extraction:
    """Fill ``sources`` on every quote and claim."""
    doc = ex.document
    text = doc.text
    ctx = country_context(doc)
    masks = sorted((q.span.start, q.span.end) for q in ex.quotes)
    mstarts = [m[0] for m in masks]
    paras = paragraphs(doc)
    index = trigger_index(text, lowered_hits(text))
    sents: list[_Sentence] = []
    for pi, s, e in doc_sentences(doc):
        local = _masks_in(masks, mstarts, s, e) if masks else []
        sents.append(_Sentence(pi, s, e, attribute(text, s, e, ctx, local, index),
                               bool(local)))
    starts = [s.start for s in sents]
    _mark_other_years(text, sents, doc.published[:4] if doc.published else None)
    _headline_suffix(doc, paras, sents, ctx)

    names = _Names(text)
    for q in ex.quotes:
        if q.speaker and _kind_of(q.speaker) == "person":
            names.add(q.speaker)
    for st in sents:
        for f in st.att.found:
            if f.source.kind == "person":
                names.add(f.source.name)

    quote_ends = sorted((q.span.end, i) for i, q in enumerate(ex.quotes))
    qe = 0
    last_person: Source | None = None
    last_body: Source | None = None
    last_outlet: Source | None = None
    last_org: Source | None = None
    fuller = partial(_fuller_name, text, ctx=ctx)
    for si, st in enumerate(sents):
        if st.att.found or st.att.speaker is not None:
            prev = sents[si - 1] if si and sents[si - 1].para == st.para else None
            _resolve(st.att, names, last_person, last_body, last_outlet, last_org,
                     partial(_opening_person, text, prev, ctx, names), fuller)
        for f in st.att.found:
            if f.source.kind == "outlet":
                last_outlet = f.source
            elif f.source.kind == "body":
                last_body = f.source
                if _named_org(f.source.name):
                    last_org = f.source
        sp = st.att.speaker
        if sp is not None and sp.kind == "person" and sp.name[:1].isupper():
            last_person = sp
        elif sp is not None and sp.kind == "body":
            last_body = sp
        while qe < len(quote_ends) and quote_ends[qe][0] <= st.end:
            q = ex.quotes[quote_ends[qe][1]]
            if q.speaker and _kind_of(q.speaker) == "person":
                last_person = source_of(name=q.speaker, kind="person")
            qe += 1

    with_figures = {k for c in ex.claims
                    if (k := _sentence_at(starts, sents, c.figure.start)) is not None}
    _sentence_chains(sents, with_figures)
    quotes = _quote_chains(ex, sents, starts, paras, masks, mstarts, ctx, index)
    claims = _claim_chains(ex, quotes, sents, starts, paras)
    return replaced(ex, quotes=quotes, claims=claims)


def _year_digits(text: str) -> list[int]:
    """Where every four digits YEAR_SETTING could read as a year start, in order (with more
    that it would not: the sentences holding none of them need no search)."""
    out: list[int] = []
    last = len(text) - 4
    for lead in _CENTURIES:
        i = text.find(lead)
        while 0 <= i <= last:
            if text[i + 2:i + 4].isdecimal():
                out.append(i)
            i = text.find(lead, i + 1)
    out.sort()
    return out


def _mark_other_years(text: str, sents: list[_Sentence], this_year: str | None) -> None:
    """Mark the sentences set in a year other than the article's ("In 2018 ...").

    The year's digits are found by ``str.find`` over the document; only the sentences
    holding them are searched for the preposition before it.
    """
    years = _year_digits(text)
    for st in sents:
        k = bisect.bisect_left(years, st.start)
        if k < len(years) and years[k] + 4 <= st.end:
            m = YEAR_SETTING.search(text, st.start, st.end)
            st.other_time = m is not None and m[2] != this_year


def _sentence_chains(sents: list[_Sentence], with_figures: set[int]) -> None:
    """Each sentence's own chain, with carry-over and framing outlets within a paragraph.

    A sentence without a source continues the figures of the sentence just before it
    ("According to X, 12 were killed. About 2,000 were arrested."), when that one
    states figures and quotes no one; an outlet framing a paragraph ("TASS recalled
    that ...") reaches the paragraph's next few sentences (a scraped page may be one
    long paragraph).
    """
    para = -1
    carry: Hops = []
    frame: Hops = []
    last_own: Hops = []
    frame_left = 0
    for k, st in enumerate(sents):
        if st.para != para:
            para, carry, frame, last_own = st.para, [], [], []
        if frame_left <= 0:
            frame = []
        frame_left -= 1
        own = st.att.chain()
        if (st.att.unattributed or st.other_time) and not own:
            st.chain, st.locked = [], True
            carry = frame
            continue
        if own and len(own) == 1 and not _is_outlets(own) and last_own \
                and len(last_own) > 1 and _origin(last_own) is not None \
                and same_entity(own[0][0].name, last_own[0][0].name):
            own = _append(own, last_own[1:])  # "X said, quoted by A. According to X, ..."
        if own:
            # only relays ("quoted by A") pass on; an outlet that reported it does not
            last_own = own if any(f.role == "relay" for f in st.att.found) else []
            chain = own if _is_outlets(own) or not frame else _append(own, frame)
            if _is_outlets(own) and not st.att.backref and (
                    k not in with_figures or not _names_origin(sents, k + 1)) and any(
                    f.role in ("subject", "inverted", "according") for f in st.att.found):
                frame, frame_left = own, _FRAME_REACH  # the outlet itself tells the story
        else:
            chain = carry
        st.chain = chain
        carry = chain if k in with_figures and not st.has_quote and chain else frame


def _names_origin(sents: list[_Sentence], k: int) -> bool:
    """Whether sentence ``k`` (in the same paragraph as the one before) names an origin of
    its own: then an outlet's report of a figure just before it frames nothing."""
    return k < len(sents) and sents[k].para == sents[k - 1].para and any(
        f.source.kind in ("person", "body") and f.role == "subject" for f in sents[k].att.found)


def _sentence_at(starts: list[int], sents: list[_Sentence], pos: int) -> int | None:
    k = bisect.bisect_right(starts, pos) - 1
    if k < 0 or pos >= sents[k].end:
        return None
    return k


def _quote_chains(ex: Extraction, sents: list[_Sentence], starts: list[int],
                  paras: list[tuple[int, int]], masks: list[tuple[int, int]],
                  mstarts: list[int], ctx: Context,
                  index: TriggerIndex | None = None) -> list[Quote]:
    doc = ex.document
    headings = _headings(doc, paras)
    # speaker frames: (position, speaker, outlets) from sentences without quotes
    speaker_frames: list[tuple[int, Source, Hops, bool]] = []
    section_frames: list[tuple[int, int, Hops]] = []  # (start, end of section, outlets)
    seen: set[tuple[str, ...]] = set()
    for st in sents:
        if st.has_quote or not st.att.found:
            continue
        outlets = st.att.outlets()
        if not outlets:
            continue
        sp = st.att.speaker
        key = tuple(normalise(s.name) for hop in outlets for s in hop)
        if sp is not None and sp.kind == "person" and sp.name[:1].isupper():
            key = (normalise(sp.name), *key)
            if key not in seen and len(speaker_frames) < _MAX_FRAMES:
                seen.add(key)
                relayed = any(f.role == "relay" and f.source.kind == "outlet"
                              for f in st.att.found)
                speaker_frames.append((st.start, sp, outlets, relayed))
        elif st.att.backref and len(section_frames) < _MAX_FRAMES:
            h = bisect.bisect_right(headings, st.para)
            nxt = paras[headings[h]][0] if h < len(headings) else len(doc.text)
            section_frames.append((st.start, nxt, outlets))
    out: list[Quote] = []
    for q in ex.quotes:
        s0 = _sentence_at(starts, sents, q.span.start)
        s1 = _sentence_at(starts, sents, max(q.span.start, q.span.end - 1))
        lo = max(sents[s0].start if s0 is not None else q.span.start, q.span.start - _ZONE)
        hi = min(sents[s1].end if s1 is not None else q.span.end, q.span.end + _ZONE)
        cut = max(doc.text.rfind(". ", lo, q.span.start - 1),
                  doc.text.rfind("? ", lo, q.span.start - 1))
        if cut >= 0 and doc.text[cut + 2:q.span.start].strip()[:1] not in ("", ",", ":"):
            lo = cut + 2  # a sentence before the quote that segmentation did not split off
        if s0 is not None and s0 > 0 and lo == sents[s0].start \
                and doc.text[max(0, lo - 3):lo].rstrip().endswith(":"):
            lo = sents[s0 - 1].start  # "X said in an interview with Y:" then the quote
        # the zone runs on to the end of the sentence the quote closes in
        if s1 is not None and q.span.end >= sents[s1].end - 2 and s1 + 1 < len(sents) \
                and sents[s1 + 1].para == sents[s1].para \
                and not sents[s1 + 1].has_quote and _starts_with_attribution(
                    ex.document.text, sents[s1 + 1].start):
            hi = min(sents[s1 + 1].end, q.span.end + _ZONE)
        if s0 is not None and s0 == s1 and (lo, hi) == (sents[s0].start, sents[s0].end):
            att = sents[s0].att  # the quote's own sentence, already read
        else:
            att = attribute(doc.text, lo, hi, ctx, _masks_in(masks, mstarts, lo, hi), index)
        hops: Hops = []
        for hop in att.outlets():
            kept = [s for s in hop if not (q.speaker and same_entity(q.speaker, s.name))]
            if kept:
                hops.append(kept)
        if q.speaker:
            own = bool(hops)
            for pos, sp, outlets, relayed in speaker_frames:
                # "X was quoted by A" reaches X's later quotes; "Local media write that X
                # admitted ..." only those whose own attribution names no relay
                if pos < q.span.start and same_person(sp.name, q.speaker) \
                        and (relayed or not own):
                    hops = _append(hops, outlets)
        for s, e, outlets in section_frames:
            if s < q.span.start < e:
                hops = _append(hops, outlets)
        hops = _without_outlet(hops, doc.outlet)
        if not hops and out and _continues(doc.text, out[-1], q):
            hops = [list(h) for h in out[-1].sources.hops]  # the split quote's second half
        out.append(replaced(q, sources=chain_of(hops=hops)))
    return out


def _continues(text: str, before: Quote, q: Quote) -> bool:
    """Whether ``q`` goes on with ``before`` after its attribution, with no cue of its
    own (« ... », X told Y. « ... »): a split quote, whose halves share a chain."""
    return (q.cue is None and before.speaker is not None and q.speaker == before.speaker
            and 0 <= q.span.start - before.span.end <= _SPLIT_GAP
            and "\n" not in text[before.span.end:q.span.start])


def _clause_chain(st: _Sentence, pos: int) -> Hops:
    """The sentence's chain for a figure at ``pos``; where two clauses name two origins
    ("X said 20 ..., and Y estimated 90 ..."), the origin of the figure's own clause:
    the last one speaking before it, else the first one after it."""
    origins: list[Source] = []
    for f in st.att.found:
        s = f.source
        if f.role == "subject" and s.kind in ("person", "body") and s.mention is not None \
                and not any(same_entity(s.name, o.name) for o in origins):
            origins.append(s)
    chain = [list(h) for h in st.chain]
    if len(origins) < 2:
        return chain
    origins.sort(key=lambda o: o.mention.start if o.mention else 0)
    before = [o for o in origins if o.mention and o.mention.end <= pos]
    pick = before[-1] if before else origins[0]
    rest = [h for h in chain if not any(same_entity(s.name, o.name) for s in h for o in origins)]
    return _append([[pick]], rest)


def _starts_with_attribution(text: str, pos: int) -> bool:
    """Whether a sentence opens as a trailing attribution (", AFP reported." split off)."""
    return text[pos:pos + 1] in ",–—-"


def _claim_chains(ex: Extraction, quotes: list[Quote], sents: list[_Sentence],
                  starts: list[int], paras: list[tuple[int, int]]) -> list[Claim]:
    doc = ex.document
    qspans = sorted((q.span.start, q.span.end, i) for i, q in enumerate(quotes))
    qstarts = [s for s, _, _ in qspans]
    chains: list[Hops] = []
    locked: list[bool] = []
    in_quote: list[bool] = []
    where: list[int | None] = []
    for c in ex.claims:
        pos = c.figure.start
        k = bisect.bisect_right(qstarts, pos) - 1
        q = quotes[qspans[k][2]] if k >= 0 and pos < qspans[k][1] else None
        si = _sentence_at(starts, sents, pos)
        where.append(si)
        if q is not None and q.speaker:
            chains.append(_append([[_source_for_speaker(q)]], q.sources.hops))
            locked.append(False)
            in_quote.append(True)
            continue
        st = sents[si] if si is not None else None
        chains.append(_clause_chain(st, pos) if st else [])
        locked.append(bool(st and st.locked))
        in_quote.append(False)

    # a later sentence naming earlier figures ("The death toll ... reported by X")
    claim_sents = {w for w in where if w is not None}
    by_sentence: dict[int, list[int]] = {}
    for i, w in enumerate(where):
        if w is not None:
            by_sentence.setdefault(w, []).append(i)
    backrefs = 0
    for si, st in enumerate(sents):
        events = st.att.figure_events
        if events is None or si in claim_sents or not st.chain or backrefs >= _MAX_BACKREFS:
            continue
        backrefs += 1
        targets = {i for i, c in enumerate(ex.claims) if c.figure.start < st.start
                   and not locked[i] and not in_quote[i] and (not events or c.event in events)}
        for w in {where[i] for i in targets}:
            if w is not None:
                targets |= {i for i in by_sentence[w] if not locked[i] and not in_quote[i]}
        targets = {i for i in targets if ex.claims[i].figure.start < st.start}
        for i in targets:
            if _compatible(chains[i], st.chain):
                chains[i] = merge(chains[i], st.chain)
    # "The AFP agency informed about it." adds AFP to the previous sentence's figures
    for si, st in enumerate(sents):
        if st.att.backref and si > 0 and sents[si - 1].para == st.para:
            for i in by_sentence.get(si - 1, []):
                if not locked[i] and not in_quote[i]:
                    chains[i] = merge(chains[i], st.att.outlets())

    # the same figure stated again shares the most informative chain
    title = _title_para(doc, paras)
    in_title = [w is not None and sents[w].para == title for w in where]
    groups: dict[tuple[object, ...], list[int]] = {}
    for i, c in enumerate(ex.claims):
        event = "deaths" if c.event == "killed" else c.event  # "12 dead" / "12 were killed"
        groups.setdefault((event, c.value, c.low, c.high), []).append(i)
    final = [list(ch) for ch in chains]
    for members in groups.values():
        if len(members) < 2:
            continue
        donors = sorted((j for j in members if not locked[j] and not in_title[j] and chains[j]),
                        key=lambda j: (-len(chains[j]), j))
        for i in members:
            if locked[i]:
                continue
            for j in donors[:_MAX_DONORS]:
                cj = chains[j]
                if j != i and (not chains[i] or (in_title[i] and _vaguer(chains[i], cj))
                               or (len(cj) > len(chains[i]) and _subsumed(chains[i], cj))):
                    final[i] = [list(h) for h in cj]
                    break
    return [replaced(c, sources=chain_of(hops=_without_outlet(final[i], doc.outlet)))
            for i, c in enumerate(ex.claims)]
