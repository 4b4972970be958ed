"""Stage: speakers — who the article says said each quote, in the fullest form it gives.

The subject of the quote's cue verb is parsed (``X said``, ``said X``, ``according
to X``, appositives, ``Tokayev's spokesman``) and resolved: a pronoun to the nearest
person mentioned before it; a role ("the spokesman", "the Russian leader") to the
nearest person with that role, else the nearest person; "the government"/"the
ministry" to the nearest organisation; "the statement" to the last speaker; a news
agency ("AFP was quoted as saying") to the speaker it relays. A quote without a cue
takes the speaker of a ``Source:`` line above it, or of the quote it continues.
A short name takes the article's fullest form of it ("Tokayev" → "Kassym-Jomart
Tokayev", "Azirbeková" → "Saltanat Azirbek").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from operator import attrgetter
from typing import Final

from rapidfuzz import fuzz

from provenance.extract import names, segment
from provenance.extract.build import span_of
from provenance.extract.cues import (
    AGENCY_WORDS,
    ARTICLES,
    CUE_RE,
    NON_NAME_CAPS,
    ORG_WORDS,
    ROLE_WORDS,
)
from provenance.extract.names import (
    PARTICLES,
    Mention,
    analyse,
    analyse_phrase,
    fold,
    np_left,
    np_right,
)
from provenance.extract.registry import register
from provenance.modelkit import replaced
from provenance.models import Document, Extraction, Quote, Span

_WORD: Final = re.compile(r"[^\W\d_][\w’'\-]*")
# A run of capitalised words. The first character is matched by a plain range before the
# look-behinds (a letter, not after a word character) so the engine can skip ahead fast;
# it is the same as ``(?<![\w’'\-])[^\W\d_a-z]``.
_CAP_RUN: Final = re.compile(r"[A-Z\x80-\U0010FFFF](?<=[^\W\d_])(?<![\w’'\-].)[\w’'\-]*"
                             r"(?: [^\W\d_a-z][\w’'\-]*)*")
_SOURCE_LINE: Final = re.compile(r"(?:Source|Sources|Via)\s*:\s*")
_PREP_CUT: Final = re.compile(r"\s+(?:on|in|at|via|through|during|to)\s+[A-Z\w]")
_LAST: Final = re.compile(r"[^\W\d_]+$")
_MARKS: Final = " \t\n,.!?;:–—―-\"“”„«»‘’'"
# bodies of the state that "the government" style references stand for
_STATE_WORDS: Final = frozenset("""government authorities administration ministry cabinet presidency
office department kremlin secretariat directorate bureau""".split())
_TOLD: Final = re.compile(r"(?:told|tells?|telling)$")
# "said the mayor of Las Encinas, Hector Sanhueza." — the name after a role phrase
_APPOSITIVE_NAME: Final = re.compile(
    r"[^,.;:!?\"“”«»„\n]{0,80}?,\s+((?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+)(?=\s*(?:[,.;:]|$))")
_RELATIVE: Final = re.compile(r"\b(?:who|which|whom|that)\s*$")
# lower-case words that can stand before a name inside a speaker phrase
_NP_WORDS: Final = ROLE_WORDS | ORG_WORDS | names.FUNCTION_WORDS | PARTICLES


@dataclass(order=True, init=False)  # a written __init__: mypyc compiles it
class _Person:
    pos: int
    name: str = field(compare=False)
    role: str | None = field(compare=False)

    def __init__(self, pos: int, name: str, role: str | None = None) -> None:
        self.pos = pos
        self.name = name
        self.role = role


_POS: Final = attrgetter("pos")  # the sort key of a _Person, faster than its generated __lt__


@dataclass
class _Index:
    """The people and organisations the article mentions, by position."""

    persons: list[_Person] = field(default_factory=list)
    orgs: list[_Person] = field(default_factory=list)
    full_names: list[_Person] = field(default_factory=list)
    # (folded last name, full names ending in it) by the last name's initial
    _by_initial: dict[str, list[tuple[str, list[_Person]]]] = field(default_factory=dict)
    _forms: dict[str, list[_Person]] = field(default_factory=dict)
    _longest: dict[str, list[_Person]] = field(default_factory=dict)

    def before(self, items: list[_Person], pos: int, limit: int = 50) -> list[_Person]:
        """Up to ``limit`` items positioned before ``pos``, nearest first."""
        i = bisect_left(items, pos, key=_POS)
        return items[max(0, i - limit):i][::-1]

    def finish(self) -> None:
        """Sort every list by position and index the full names by last name."""
        self.persons.sort(key=_POS)
        self.orgs.sort(key=_POS)
        self.full_names.sort(key=_POS)
        by_last: dict[str, list[_Person]] = {}
        self._forms = {}
        self._longest = {}
        for p in self.full_names:
            by_last.setdefault(_last(p.name), []).append(p)
        self._by_initial = {}
        for key, ps in by_last.items():
            self._by_initial.setdefault(key[:1], []).append((key, ps))

    def longest_forms(self, name: str) -> list[_Person]:
        """The full names longer than ``name`` that it can stand for, those with the most
        words only, in text order."""
        got = self._longest.get(name)
        if got is None:
            n = len(name.split())
            longer = [p for p in self.forms(_last(name)) if len(p.name.split()) > n]
            most = max((len(p.name.split()) for p in longer), default=0)
            got = [p for p in longer if len(p.name.split()) == most]
            self._longest[name] = got
        return got

    def forms(self, last: str) -> list[_Person]:
        """Full names whose last word is (a spelling of) ``last``, in text order."""
        got = self._forms.get(last)
        if got is None:
            groups = [ps for key, ps in self._by_initial.get(last[:1], ())
                      if _same_last(key, last)]
            got = groups[0] if len(groups) == 1 else sorted(chain(*groups), key=_POS)
            self._forms[last] = got
        return got


@lru_cache(maxsize=8192)
def _last(name: str) -> str:
    toks = name.split()
    return fold(toks[-1]) if toks else ""


def _same_last(a: str, b: str) -> bool:
    """Whether two folded last names are spellings of one name (not memoised: most pairs
    are new, and the check costs less than a cache look-up)."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 5 and long_.startswith(short):
        return True  # Azirbek / Azirbeková
    return len(short) >= 4 and fuzz.ratio(a, b) >= 85  # Tokaev / Tokayev


def _fullest(idx: _Index, name: str, pos: int) -> tuple[str, str | None]:
    """The article's fullest form of a person's name (and a role given with it)."""
    cands = idx.longest_forms(name)
    if not cands:
        return name, None
    i = bisect_right(cands, pos, key=_POS)  # the last one mentioned at or before ``pos``
    best = cands[i - 1] if i else cands[0]
    return best.name, best.role


def _fullest_org(idx: _Index, name: str) -> str:
    key = names.fold(name)
    best = name
    for o in idx.orgs:
        f = names.fold(o.name)
        if f != key and f.endswith(" " + key) and len(o.name) > len(best):
            best = o.name
    return best


def _base_word(w: str) -> str:
    w = w.casefold()
    return w[:-2] if w.endswith(("'s", "’s")) else w


def _is_headline(text: str, ps: int, pe: int) -> bool:
    """A short paragraph in Title Case ("Francois Hollande Says Donald Trump Is ...")."""
    if pe - ps > 200 or text[pe - 1] in ".!?:\"”" or ":" in text[ps:ps + 12]:
        return False
    words = [w for w in text[ps:pe].split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 5 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


def _np_before(text: str, k: int, lo: int) -> bool:
    """Whether the lower-case word ending at ``k`` can belong to a speaker phrase."""
    sp = text.rfind(" ", lo, k)
    word = text[sp + 1 if sp >= 0 else lo:k + 1]
    if not (word.isalpha() or word.replace("-", "").replace("’", "").replace("'", "").isalpha()):
        j = k  # a word not delimited by a space: scan back to its start
        while j > lo and (text[j - 1].isalpha() or text[j - 1] in "-’'"):
            j -= 1
        word = text[j:k + 1]
    return _is_np_word(word)


@lru_cache(maxsize=16384)
def _is_np_word(word: str) -> bool:
    """Whether a lower-case word can belong to a speaker phrase (memoised: words repeat)."""
    return _base_word(word) in _NP_WORDS


@lru_cache(maxsize=16384)
def _single_name(word: str) -> str | None:
    """A one-word run as a name to look up ("Tokayev's" → "Tokayev"), unless it is a role,
    organisation or agency word."""
    if word.endswith(("’s", "'s")):
        word = word[:-2]
    low = _base_word(word)
    if low in ORG_WORDS or low in ROLE_WORDS or low in AGENCY_WORDS:
        return None
    return word


def _name_runs(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Runs of capitalised words, split at words that never name anyone, as
    ``(start, end, paragraph start)``; Title Case headlines are skipped."""
    runs: list[tuple[int, int, int]] = []
    for ps, pe in paras:
        if _is_headline(text, ps, pe):
            continue  # Title Case headlines make names of every word
        for m in _CAP_RUN.finditer(text, ps, pe):
            g = m.group()
            s = m.start()
            if " " not in g:
                if g not in NON_NAME_CAPS:
                    runs.append((s, s + len(g), ps))
                continue
            words = g.split(" ")  # each word of a run is one _WORD
            if NON_NAME_CAPS.isdisjoint(words):
                runs.append((s, s + len(g), ps))
            else:
                _split_run(s, words, ps, runs)
    return runs


def _split_run(start: int, words: list[str], ps: int, runs: list[tuple[int, int, int]]) -> None:
    """Append the parts of the run of ``words`` at ``start`` between words that never name
    anyone."""
    s = pos = start
    for w in words:
        if w in NON_NAME_CAPS:
            if pos > s:
                runs.append((s, pos - 1, ps))
            s = pos + len(w) + 1
        pos += len(w) + 1
    if s < pos - 1:
        runs.append((s, pos - 1, ps))


def _role_word_before(text: str, s: int, ps: int) -> bool:
    """Whether a lower-case speaker-phrase word ("spokesman", "of") stands before ``s``."""
    k = s - 1
    while k > ps and text[k] == " ":
        k -= 1
    if k <= ps:
        return False
    c = text[k]
    return c.islower() and c.isalpha() and _np_before(text, k, ps)


def _build_index(doc: Document) -> _Index:
    """Persons (role + name runs, names seen before, cue subjects) and organisations."""
    text = doc.text
    idx = _Index()
    singles: list[tuple[int, str]] = []
    for s, e, ps in _name_runs(text, segment.paragraphs(doc)):
        role_before = _role_word_before(text, s, ps)
        if not role_before:
            run = text[s:e]
            if " " not in run:
                name = _single_name(run)
                if name is not None:
                    singles.append((s, name))
                continue
        elif (np := np_left(text, e, ps)) is not None and np[1] == e:
            s = np[0]  # a lower-case role word before the name
        _add_phrase(idx, singles, s, analyse_phrase(text[s:e]))
    idx.finish()
    for pos, name in singles:
        if idx.forms(fold(name)):  # memoised per last name by the index
            full, role = _fullest(idx, name, pos)
            idx.persons.append(_Person(pos, full, role))
    idx.persons.sort(key=_POS)
    return idx


def _add_phrase(idx: _Index, singles: list[tuple[int, str]], pos: int, men: Mention) -> None:
    """Index an analysed name phrase at ``pos``: a full name, a one-word name to look up
    later, or an organisation."""
    if men.kind == "person" and men.name:
        if len(men.name.split()) > 1 or men.role:
            idx.full_names.append(_Person(pos, men.name, men.role))
            idx.persons.append(_Person(pos, men.name, men.role))
        else:
            singles.append((pos, men.name))
    elif men.kind == "org" and men.name:
        idx.orgs.append(_Person(pos, men.name))


def _appositive_name(text: str, np: tuple[int, int]
                     ) -> tuple[tuple[int, int], str | None]:
    """The name an inverted role phrase is followed by ("said the spokesman of the agency
    in Italy, Luca Bernardini, quoted by ...") and the role, else the phrase itself."""
    men = analyse(text, np[0], np[1])
    if men.kind != "nominal" or men.head not in ROLE_WORDS:
        return np, None
    m = _APPOSITIVE_NAME.match(text, np[1], min(len(text), np[1] + 160))
    if m is None or analyse(text, m.start(1), m.end(1)).kind != "person":
        return np, None
    return (m.start(1), m.end(1)), men.role


def _subject(text: str, q: Quote, para_lo: int) -> tuple[int, int] | None:
    """The noun phrase the quote's cue verb attaches to."""
    assert q.cue is not None
    cs, ce = q.cue.start, q.cue.end
    cue = text[cs:ce]
    if cue == ":":
        return np_left(text, cs, para_lo)
    if cue.casefold() == "according to":
        return np_right(text, ce, ce + 160)
    if cs >= q.span.end:
        gap = text[q.span.end:cs]
        if not gap.strip(_MARKS) or cue in "―—–":
            return np_right(text, ce, ce + 160)
        lead = len(gap) - len(gap.lstrip(_MARKS))
        np = np_right(text, q.span.end + lead, cs)
        if np is not None and analyse(text, np[0], np[1]).kind != "nominal":
            return np
        if gap.rstrip().endswith(",") and not _TOLD.match(cue):
            # "'' like the recent volatility, said Richard Curtin" -- but "told X" names the
            # listener: "– ... – one of the miners, Giorgi Beridze (44), told the TV channel X"
            after = np_right(text, ce, ce + 160)
            if after is not None:
                return after
        return np_left(text, cs, q.span.end) or np
    gerund = cue.endswith("ing")
    np = None if gerund and text[max(para_lo, cs - 3):cs].rstrip().endswith(",") \
        else np_left(text, cs, para_lo)
    if np is None and gerund:  # "Blige sings ..., asking her, “...”"
        earlier = [m for m in CUE_RE.finditer(text, max(para_lo, cs - 300), cs)]
        for m in earlier[::-1]:
            np = np_left(text, m.start(), para_lo)
            if np is not None:
                return np
        np = _sentence_subject(text, para_lo, cs)
        if np is not None:
            return np
    if np is None:
        rel = _RELATIVE.search(text, max(para_lo, cs - 12), cs)
        if rel:
            np = np_left(text, rel.start(), para_lo)
    if np is None:
        end = text.find(",", ce, q.span.start)
        np = np_right(text, ce, end if end >= 0 else q.span.start)
    return np


def _sentence_subject(text: str, lo: int, pos: int) -> tuple[int, int] | None:
    """The subject at the start of the sentence holding ``pos`` (after an opening phrase)."""
    end = pos
    while True:
        dot = text.rfind(". ", lo, end)
        w = _LAST.search(text, max(lo, dot - 6), dot) if dot >= 0 else None
        if dot < 0 or not w or w.group().casefold() not in segment.ABBREVIATIONS:
            break
        end = dot
    s0 = dot + 2 if dot >= 0 else lo
    first = _WORD.match(text, s0, pos)
    if first and (first.group() in NON_NAME_CAPS or first.group().islower()):
        comma = text.find(", ", s0, pos)
        if comma < 0:
            return None
        s0 = comma + 2
    np = np_right(text, s0, pos)
    if np is not None and analyse(text, np[0], np[1]).kind in ("person", "org", "pronoun"):
        return np
    return None


def _last_subject(text: str, para: tuple[int, int]) -> tuple[int, int] | None:
    """The subject of the last cue verb in a paragraph (a person or organisation)."""
    ps, pe = para
    last = None
    for m in CUE_RE.finditer(text, max(ps, pe - 400), pe):
        last = m
    if last is None:
        return None
    np = np_left(text, last.start(), ps) or np_right(text, last.end(), pe)
    if np is not None and analyse(text, np[0], np[1]).kind in ("person", "org"):
        return np
    return None


def _source_line(text: str, paras: list[tuple[int, int]], pi: int) -> tuple[int, int] | None:
    """The speaker phrase of a ``Source: X on Facebook`` line shortly above paragraph ``pi``."""
    for ps, pe in paras[max(0, pi - 3):pi][::-1]:
        m = _SOURCE_LINE.match(text, ps, pe)
        if m:
            cut = _PREP_CUT.search(text, m.end(), pe)
            end = cut.start() if cut else pe
            return m.end(), end
    return None


def _nearest(idx: _Index, speakers: list[_Person], pos: int, limit: int = 50) -> list[_Person]:
    """Persons mentioned (or quoted) before ``pos``, nearest first."""
    a = idx.before(idx.persons, pos, limit)
    b = idx.before(speakers, pos, limit)
    return sorted(a + b, key=lambda p: -p.pos)[:limit]


def _resolve(idx: _Index, text: str, men: Mention, prev: Quote | None,
             speakers: list[_Person]) -> tuple[str | None, str | None]:
    """A speaker name and role for a mention."""
    pos = men.start
    if men.kind == "person" and men.name:
        full, role = _fullest(idx, men.name, pos)
        return full, men.role or role
    if men.kind == "org" and men.name:
        return _fullest_org(idx, men.name), None
    if men.kind == "agency":
        if prev is not None and prev.speaker:
            return prev.speaker, prev.speaker_role
        return men.name, None
    if men.kind == "statement":
        earlier = idx.before(speakers, pos + 1)
        if earlier:
            return earlier[0].name, earlier[0].role
        cands = _nearest(idx, speakers, pos)
        return (cands[0].name, cands[0].role) if cands else (None, None)
    if men.kind == "org_nominal":
        orgs = idx.before(idx.orgs, pos)
        for o in orgs:
            if men.head in fold(o.name).split():
                return _fullest_org(idx, o.name), None
        # no organisation of that kind named before: "the government" is the state body
        # the article named; a qualified or non-state one is itself ("the national
        # meteorological administration", "the opposition")
        words = text[men.start:men.end].strip(_MARKS).split()
        if words and words[0].casefold() in ARTICLES:
            words = words[1:]
        if orgs and (not words or (len(words) == 1 and men.head in _STATE_WORDS)):
            return _fullest_org(idx, orgs[0].name), None
        return (" ".join(words), None) if words else (None, None)
    if men.kind == "pronoun":
        if men.head in ("it",):
            orgs = idx.before(idx.orgs, pos)
            return (orgs[0].name, None) if orgs else (None, None)
        cands = _nearest(idx, speakers, pos)
        return (cands[0].name, cands[0].role) if cands else (None, None)
    # a role: the nearest person with that role, else the nearest person
    cands = _nearest(idx, speakers, pos)
    if men.possessor:
        own = fold(men.possessor)
        cands = [c for c in cands if not _same_last(_last(c.name), own)]
    for c in cands:
        if c.role and men.head in fold(c.role).split():
            return c.name, men.role or c.role
    if men.head in ROLE_WORDS and men.head not in ORG_WORDS and cands:
        return cands[0].name, men.role or cands[0].role
    return (cands[0].name, cands[0].role) if cands else (None, men.role)


def attribute(doc: Document, quotes: list[Quote]) -> list[Quote]:
    """The quotes with ``speaker``, ``speaker_role``, ``speaker_mention`` and ``cue`` set."""
    if not quotes:
        return []
    text = doc.text
    paras = segment.paragraphs(doc)
    starts = [p[0] for p in paras]
    idx = _build_index(doc)
    out: list[Quote] = []
    speakers: list[_Person] = []
    prev: Quote | None = None
    for q in quotes:
        pi = max(0, bisect_left(starts, q.span.start + 1) - 1)
        para_lo = paras[pi][0] if paras else 0
        np: tuple[int, int] | None = None
        apposed_role: str | None = None
        if q.cue is not None:
            lo = para_lo
            if q.cue.start < para_lo:  # "X responded:" closing the paragraph before
                lo = paras[max(0, bisect_left(starts, q.cue.start + 1) - 1)][0]
            np = _subject(text, q, lo)
            if np is not None and np[0] >= q.cue.end:
                np, apposed_role = _appositive_name(text, np)
        else:
            np = _source_line(text, paras, pi)
            if np is None and pi > 0 and (prev is None or prev.span.end < paras[pi - 1][0]):
                np = _last_subject(text, paras[pi - 1])  # "..., said Jane Doe, a nurse."
        name: str | None = None
        role: str | None = None
        mention: Span | None = None
        if np is not None and np[1] > np[0]:
            men = analyse(text, np[0], np[1])
            name, role = _resolve(idx, text, men, prev, speakers)
            role = role or apposed_role
            mention = span_of(doc.text, np[0], np[1])
        elif q.cue is not None:  # a cue without a subject: the person the passage is about
            cands = _nearest(idx, speakers, q.cue.start, 1)
            if cands:
                name, role = cands[0].name, cands[0].role
        if name is None and prev is not None and prev.speaker:
            name, role = prev.speaker, prev.speaker_role
        q = replaced(q, speaker=name, speaker_role=role, speaker_mention=mention)
        if name:
            insort(speakers, _Person(mention.start if mention else q.span.start, name, role),
                   key=_POS)
        out.append(q)
        prev = q
    return out


@register("speakers", "speakers.rules.v1")
def run(ex: Extraction) -> Extraction:
    """Set each quote's speaker, role, mention and cue."""
    return replaced(ex, quotes=attribute(ex.document, ex.quotes))
