"""Who a sentence attributes its content to: sources and their order, origin first.

One left-to-right pass over the sentence's tokens finds attribution phrases
("according to X", "X said", "X told Y", "quoted by X and Y", "citing X",
", writes X", "X reports that ...") and reads the noun phrase each names with a
bounded token walk, so the cost stays linear in the sentence length. Quoted
words are masked: what a quote says never names who relayed it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from provenance.entities import known_kind, normalise, same_entity
from provenance.extract import sources_lexicon as lex
from provenance.extract.build import source_of, span_of
from provenance.extract.patterns import WordScan, trie
from provenance.models import Source, Span

# a word with inner apostrophes, dots and hyphens ("U.S", "Kassym-Jomart"), or one symbol;
# the classes alternate, so each match is read once (no backtracking); a plural
# possessive keeps its apostrophe ("Farmers' associations")
_TOKEN: Final = re.compile(r"\w+(?:['’.\-]+\w+)*(?:(?<=s)['’](?= \w))?|[^\w\s]")
QUOTE_MARK: Final = "\x00"  # the token standing for a masked quotation
_DETERMINERS: Final = frozenset({"the", "a", "an"})
_CONNECTORS: Final = frozenset({
    "of", "for", "in", "and", "de", "la", "van", "von", "der", "al", "bin", "&", "du", "del", "el"})
_MODIFIERS: Final = frozenset({
    "state", "local", "regional", "federal", "national", "foreign", "interior", "official",
    "military", "senior", "provincial", "city", "government", "security", "public", "independent",
    "international", "western", "russian", "news", "press", "tv"})
_EXTRA_HEADS: Final = frozenset({
    "media", "officials", "witnesses", "residents", "experts", "analysts", "family", "relatives",
    "witness", "neighbors", "neighbours", "investigators", "detectives", "deputies", "troopers",
    "officers", "coroner", "lawyer", "lawyers", "attorney", "prosecutors", "rescuers", "activists",
    "doctors", "medics", "organizers", "organisers", "observers", "monitors", "insurers",
    "associations", "unions", "groups", "operators", "survivors"})
_MAX_NP: Final = 12  # tokens; names are short, and the bound keeps every walk O(1)
_MAX_FOUND: Final = 16  # sources per sentence; real chains are short, and this keeps chain() cheap
_LONG: Final = 4000  # characters: longer "sentences" are read only around their trigger words
_WINDOW: Final = 200  # characters either side of a trigger word in a long sentence
_ALPHA: Final = re.compile(r"[^\W\d_]+")
_CAPWORD: Final = re.compile(r"[A-Z]\w*(?:\.\w+)*")
# "The provincial office gave a toll of 38 dead", "Police put the number at 12": giving a
# figure names its source, though neither verb is one of speech
_FIGURE_VERBS: Final = frozenset({"gave", "gives", "give", "giving", "put", "puts", "putting"})
_FIGURE_WORDS: Final = frozenset({"toll", "figure", "count", "tally", "number", "estimate"})
TRIGGERS: Final = lex.SPEECH_VERBS | _FIGURE_VERBS | {
    "citing", "interview", "interviews", "comments", "speaking", "talking"}


# a trigger word standing alone in folded text: no letter either side (digits may touch it,
# as they split letter runs); a bounded prefix tree, so the scan stays linear
_TRIGGER_WORD: Final = re.compile(r"(?<![^\W\d_])(?:" + trie(sorted(TRIGGERS)) + r")(?![^\W\d_])")
# Over a document: the trigger words no lower-case ASCII letter touches (an ASCII class
# is a cheap range test); those no other letter touches either are the standing ones
_TRIGGER_SCAN: Final = WordScan(TRIGGERS, "[a-z]", "[^a-z]")
_LETTER: Final = re.compile(r"[^\W\d_]")
_STRONG_OUTLET: Final = frozenset({
    "news", "channel", "tv", "television", "radio", "portal", "newspaper", "broadcaster", "outlet",
    "website", "daily", "weekly", "magazine", "wire", "newswire", "gazette", "times", "post",
    "journal", "herald", "tribune", "telegraph", "novosti", "pravda", "media", "press", "star",
    "sun", "mirror", "observer", "chronicle", "courier", "express", "independent", "guardian",
    "globe", "mail", "standard", "inquirer", "monitor", "sentinel", "examiner", "bulletin",
    "dispatch", "reporter", "today", "insider", "broadcasting", "digest"})
_LEADING_OUTLET: Final = frozenset({"radio", "tv", "television", "channel"})
_CAMEL_OUTLET: Final = re.compile(r"[A-Z][A-Za-z]*[a-z](?:News|TV|Radio|FM)\d*$")
_DOMAIN: Final = re.compile(r"\w\.(?:[a-z]{2}|com|net|org|info|news|online)$", re.I)
_BACKREF: Final = frozenset((
    ("about", "it"), ("about", "this"), ("about", "that"), ("reported", "it"), ("reported", "this"),
    ("reports", "it"), ("reported", "so"), ("said", "so"), ("this", "was"), ("it", "was"),
    ("wrote", "about"), ("writes", "about")))


class Tok:
    """A token of the document: text, offsets, and its folded form."""

    __slots__ = ("cap", "end", "low", "start", "text", "word")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.low, self.cap, self.word = _TOK_KINDS.get(text) or _tok_kinds(text)

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start}, {self.end})"


# token text → (folded, capitalised or a number, a word), memoised: tokens repeat
_TOK_KINDS: Final[dict[str, tuple[str, bool, bool]]] = {}
_TOK_KINDS_MAX: Final = 65536


def _tok_kinds(text: str) -> tuple[str, bool, bool]:
    """A token's folded form, whether it opens capitalised (or with a digit), and whether
    it opens with a letter or digit (:data:`QUOTE_MARK` does not)."""
    if len(_TOK_KINDS) >= _TOK_KINDS_MAX:
        _TOK_KINDS.clear()  # a bound on memory, not an eviction policy
    c = text[0]
    kinds = _TOK_KINDS[text] = (text.casefold(), c.isupper() or c.isdigit(), c.isalnum())
    return kinds


@dataclass(init=False)  # a written __init__: mypyc compiles it, not a generated one
class Found:
    """A source named in a sentence, with what the phrase says about its place in the chain."""

    source: Source
    pos: int
    group: int  # 0 cited by someone, 1 plain, 2 subject of a "that" clause (outermost)
    role: str  # subject, according, relay, told, citing, inverted

    def __init__(self, source: Source, pos: int, group: int, role: str) -> None:
        self.source = source
        self.pos = pos
        self.group = group
        self.role = role


@dataclass(init=False)
class Attribution:
    """What one sentence says about where its content came from."""

    found: list[Found]
    unattributed: bool  # "are said to", "reportedly"
    backref: bool  # "The AFP agency informed about it."
    figure_events: frozenset[str] | None  # "The death toll ... reported by X"
    speaker: Source | None  # named subject of a speech verb

    def __init__(self, found: list[Found] | None = None, unattributed: bool = False,
                 backref: bool = False, figure_events: frozenset[str] | None = None,
                 speaker: Source | None = None) -> None:
        self.found = [] if found is None else found
        self.unattributed = unattributed
        self.backref = backref
        self.figure_events = figure_events
        self.speaker = speaker

    def chain(self) -> list[list[Source]]:
        """Hops ordered origin first: people and bodies, then outlets, outer frames last."""
        if not self.found:
            return []
        ordered = sorted(self.found, key=lambda f: (f.source.kind == "outlet", f.group, f.pos))
        hops: list[list[Source]] = []
        for f in ordered:
            if any(same_entity(f.source.name, s.name) for hop in hops for s in hop):
                continue
            if hops and f.role == "relay" and ordered and _parallel_with(hops[-1], f, ordered):
                hops[-1].append(f.source)
                continue
            hops.append([f.source])
        return hops

    def outlets(self) -> list[list[Source]]:
        """The outlet hops only (the intermediaries of a quote)."""
        return [hop for hop in self.chain() if all(s.kind == "outlet" for s in hop)]


def _parallel_with(hop: list[Source], f: Found, ordered: list[Found]) -> bool:
    prev = next((o for o in ordered if o.source is hop[-1]), None)
    return prev is not None and prev.role == "relay" and prev.pos == f.pos


def tokenize(text: str, start: int, end: int,
             masks: Sequence[tuple[int, int]] = ()) -> list[Tok]:
    """Tokens of ``text[start:end]``; each masked range becomes one :data:`QUOTE_MARK` token."""
    toks: list[Tok] = []
    pos = start
    for ms, me in sorted(masks):
        if me <= pos or ms >= end:
            continue
        _append_tokens(text, pos, max(pos, ms), toks)
        toks.append(Tok(QUOTE_MARK, max(ms, start), min(me, end)))
        pos = min(me, end)
    _append_tokens(text, pos, end, toks)
    return toks


def _append_tokens(text: str, start: int, end: int, toks: list[Tok]) -> None:
    """Append the tokens of ``text[start:end]``.

    Tokens never cross white space, so the range is cut at white space first (in C) and
    each chunk found at the first place it occurs after the previous one. Most chunks are
    one word (letters and digits only) or a word and one mark ("said,"): those need no
    regex. The rest go through :data:`_TOKEN`, which may look two characters past a chunk
    (a possessive before " x")."""
    pos = start
    for chunk in text[start:end].split():
        s = text.find(chunk, pos)
        pos = s + len(chunk)
        if chunk.isalnum():
            toks.append(Tok(chunk, s, pos))
            continue
        last = chunk[-1]
        if (len(chunk) > 1 and chunk[:-1].isalnum() and not last.isalnum()
                and last not in "_'’"):  # "said," (an apostrophe may end a possessive)
            toks.append(Tok(chunk[:-1], s, pos - 1))
            toks.append(Tok(last, pos - 1, pos))
            continue
        at = s
        for word in _TOKEN.findall(text, s, min(end, pos + 2)):
            w = text.find(word, at)
            if w >= pos:
                break  # a token of the next chunk, seen through the look-ahead
            at = w + len(word)
            toks.append(Tok(word, w, at))


# ---------------------------------------------------------------- noun phrases


def _admissible(t: Tok) -> bool:
    if not t.word:
        return False
    low = t.low
    if low in lex.CLAUSE_WORDS:
        return False
    if t.cap and low not in _DETERMINERS:
        return True
    return (low in lex.BODY_WORDS or low in lex.OUTLET_WORDS or low in lex.PERSON_ROLE_HEADS
            or low in _EXTRA_HEADS or low in _MODIFIERS or low in lex.DOC_HEADS
            or low.endswith(("'s", "’s", "s'", "s’"))
            or (len(low) >= 4 and not low.isalpha() and low.isalnum()))  # "newsline24"


def _head(t: Tok) -> bool:
    return not t.cap and (t.low in lex.BODY_WORDS or t.low in lex.OUTLET_WORDS
                          or t.low in _EXTRA_HEADS)


def _plain(t: Tok) -> bool:
    low = t.low
    return (t.word and not t.cap and t.text.isalpha() and not low.endswith(("ed", "ing"))
            and low not in lex.SPEECH_VERBS and low not in lex.AUX_ADVERBS
            and low not in _DETERMINERS and low not in _CONNECTORS
            and low not in lex.CLAUSE_WORDS
            and low not in ("that", "who", "which", "to", "by", "as", "is", "are", "was"))


def _modifier(t: Tok, nxt: Tok | None) -> bool:
    """A lower-case word before a head noun: "health ministry", "regional police"."""
    return nxt is not None and _head(nxt) and _plain(t)


def _modifier_run(toks: list[Tok], j: int) -> int:
    """Length of a run of up to three plain words from ``j`` that ends at a head noun
    ("human rights centre"), or 0."""
    for k in range(j, min(len(toks), j + 4)):
        if _head(toks[k]) or toks[k].low in lex.PERSON_ROLE_HEADS:
            return k - j if k > j else 0
        if not _plain(toks[k]):
            return 0
    return 0


def np_backward(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """The noun phrase ending at token ``i`` (inclusive), as a token range, or None."""
    j = i
    lo = max(-1, i - _MAX_NP)
    while j > lo:
        t = toks[j]
        if _admissible(t) or (j < i and (_modifier(t, toks[j + 1])
                                         or (_plain(t) and _modifier_run(toks, j) > 0))):
            j -= 1
            continue
        if t.low in _CONNECTORS and j > 0 and j < i:
            j -= 1
            continue
        if t.low == "the" and j > 0 and toks[j - 1].low in ("of", "for") and j < i:
            j -= 1
            continue
        break
    s = j + 1
    while s <= i and (toks[s].low in _CONNECTORS or toks[s].low == "the"):
        s += 1
    if s > i:
        return None
    if _only_modifiers(toks, s, i + 1):
        return None
    if j >= 0 and toks[j].low in _DETERMINERS:
        s = j
    return s, i + 1


def _only_modifiers(toks: list[Tok], s: int, e: int) -> bool:
    return all(not t.cap and t.low in _MODIFIERS and t.low not in lex.BODY_WORDS
               for t in toks[s:e] if t.low not in _DETERMINERS)


def np_forward(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """The noun phrase starting at token ``i``, as a token range, or None."""
    if i >= len(toks):
        return None
    s = i
    j = i
    if toks[j].low in _DETERMINERS:
        j += 1
    hi = min(len(toks), i + _MAX_NP)
    last = -1
    while j < hi:
        t = toks[j]
        if _admissible(t) or _modifier(t, toks[j + 1] if j + 1 < len(toks) else None):
            last = j
            j += 1
            continue
        run = _modifier_run(toks, j)
        if run:
            j += run
            continue
        if t.low in _CONNECTORS or (t.low == "the" and toks[j - 1].low in ("of", "for")):
            j += 1
            continue
        break
    if last < 0 or _only_modifiers(toks, s, last + 1):
        return None
    return s, _qualified_end(toks, last + 1)


_QUALIFIED: Final = frozenset({"sources", "source", "officials", "people", "investigators",
                               "relatives", "families"})


def _qualified_end(toks: list[Tok], e: int) -> int:
    """The end of "sources in the investigation", "officials close to the talks": a
    prepositional phrase that belongs to a vague source's name."""
    if e >= len(toks) or toks[e - 1].low not in _QUALIFIED:
        return e
    k = e
    if toks[k].low in ("close", "familiar") and k + 1 < len(toks) \
            and toks[k + 1].low in ("to", "with"):
        k += 2
    elif toks[k].low in ("in", "within", "at") or (
            toks[k].low == "of" and toks[e - 1].low in ("relatives", "families")):
        k += 1
    else:
        return e
    if k < len(toks) and toks[k].low in _DETERMINERS:
        k += 1
    n = 0
    while k < len(toks) and n < 3 and toks[k].word and toks[k].text.isalpha() \
            and toks[k].low not in lex.SPEECH_VERBS and toks[k].low not in _CONNECTORS:
        k += 1
        n += 1
    return k if n else e


# ---------------------------------------------------------------- classification


@dataclass(frozen=True)
class Context:
    """Document facts that name resolution needs."""

    country: str | None = None  # the article's main country, e.g. "kazakhstan"
    text: str = ""  # the document, for looking back from a mention

    def country_at(self, pos: int) -> str | None:
        """The country named last before ``pos`` ("the country's ..."), else the main one."""
        words = _CAPWORD.findall(self.text, max(0, pos - 3000), pos)
        return _last_country(words, adjectives=True) or self.country

    def country_near(self, pos: int) -> str | None:
        """A country named just before ``pos`` in the same sentence ("In neighbouring
        Moldova, the government ..."), else the main one."""
        lo = max(0, pos - 80)
        cut = self.text.rfind(". ", lo, pos)
        words = _CAPWORD.findall(self.text, cut + 1 if cut >= 0 else lo, pos)
        return _last_country(words, adjectives=False) or self.country


def _last_country(words: list[str], adjectives: bool) -> str | None:
    """The country the last of ``words`` to name one names ("South Korea", "Moldova";
    with ``adjectives`` also "Romanian")."""
    for k in range(len(words) - 1, -1, -1):
        w = words[k].casefold()
        pair = f"{w} {words[k + 1].casefold()}" if k + 1 < len(words) else ""
        if pair in lex.DEMONYMS:
            return pair
        if w in lex.DEMONYMS:
            return w
        if adjectives and w in lex.ADJECTIVE_COUNTRY:
            return lex.ADJECTIVE_COUNTRY[w]
    return None


def _demonym_authorities(country: str | None, head: str) -> str | None:
    if country is None or country not in lex.DEMONYMS:
        return None
    return f"{lex.DEMONYMS[country]} {head}"


def _span(text: str, toks: Sequence[Tok]) -> Span:
    return span_of(text, toks[0].start, toks[-1].end)


def _outlet_name(toks: list[Tok]) -> list[Tok] | None:
    """The name inside an outlet phrase with a lower-case descriptor ("the TV channel X")."""
    desc = [k for k, t in enumerate(toks) if t.low in lex.OUTLET_WORDS and not t.cap]
    if not desc:
        return None
    first, last = desc[0], desc[-1]
    while first > 0 and (toks[first - 1].low in ("tv", "radio", "news", "state", "private")
                         or toks[first - 1].low in lex.ADJECTIVE_COUNTRY):
        first -= 1
    # the descriptor stands before the name, or after it ("REGNUM news agency")
    rest = toks[last + 1:] if last + 1 < len(toks) else toks[:first]
    while rest and (rest[0].low in _DETERMINERS or rest[0].low in _CONNECTORS):
        rest = rest[1:]
    rest = _drop_possessor([t for t in rest if t.cap or t.low in _CONNECTORS
                            or (not t.low.isalpha() and t.low.isalnum())])
    return rest or None


def _drop_possessor(toks: list[Tok]) -> list[Tok]:
    """An outlet name without a leading possessor: "Russia's TASS" → "TASS"."""
    if len(toks) > 1 and toks[0].low.endswith(("'s", "’s")):
        return toks[1:]
    return toks


def _is_outlet_name(toks: Sequence[Tok]) -> bool:
    name = " ".join(t.text for t in toks)
    if known_kind(name) == "outlet":
        return True
    if any(_DOMAIN.search(t.text) for t in toks):
        return True
    if len(toks) >= 2 and toks[0].cap and toks[0].low in _LEADING_OUTLET:
        return True  # "Radio Cooperativa", "Channel 4 News"
    if len(toks) == 1 and _CAMEL_OUTLET.match(toks[0].text):
        return True  # "RaiNews24", "FoxNews"
    return any(t.cap and t.low in _STRONG_OUTLET for t in toks[1:]) and len(toks) >= 2


def _split_and(toks: list[Tok]) -> list[list[Tok]]:
    parts: list[list[Tok]] = [[]]
    for t in toks:
        if t.low in ("and", "&"):
            parts.append([])
        else:
            parts[-1].append(t)
    return [p for p in parts if p]


def _not_a_name(t: Tok) -> bool:
    return (t.low in lex.TIME_WORDS or t.low in lex.MONTHS or t.text[:1].isdigit()
            or t.low in _DETERMINERS or t.low in _CONNECTORS)


def classify(text: str, toks: list[Tok], ctx: Context) -> list[Source]:
    """The sources a noun phrase names ([] for a medium, a pronoun or nothing at all)."""
    while toks and toks[0].low in _DETERMINERS:
        toks = toks[1:]
    if not toks or all(_not_a_name(t) for t in toks):
        return []  # "Wednesday", "27", "March 3"
    for k in range(1, len(toks) - 2):  # "the Romanian service of Radio X": the broadcaster
        if toks[k].low in ("service", "edition", "desk") and toks[k + 1].low == "of" \
                and not toks[k].cap and toks[k + 2].cap:
            return [source_of(name=s.name, kind="outlet", mention=s.mention)
                    for s in classify(text, toks[k + 2:], ctx)]
    last = toks[-1]
    if len(toks) > 1 and last.cap and last.low.endswith(("'s", "’s")) and len(last.text) > 2:
        toks = [*toks[:-1], Tok(last.text[:-2], last.start, last.end - 2)]
    full = " ".join(t.text for t in toks)
    lows = [t.low for t in toks]
    kind = known_kind(full)
    if kind in ("outlet", "body", "person"):
        return [source_of(name=text[toks[0].start:toks[-1].end], kind=kind,
                       mention=_span(text, toks))]
    # outlets: "the TV channel Khabar 24", "REGNUM news agency", "the TASS and AFP agencies"
    named = _outlet_name(toks)
    if named is not None:
        parts = _split_and(named)
        strong = any(lw in _STRONG_OUTLET for lw in lows if lw not in ("press", "media")) \
            or (lows[0] in ("agency", "agencies") and not toks[0].cap) \
            or any(lows[k] in ("agency", "agencies") and (
                lows[k - 1] in ("state", "news", "press") or lows[k - 1] in lex.ADJECTIVE_COUNTRY)
                for k in range(1, len(lows)))  # "the agencies X and Y", "the state agency X"
        if all(known_kind(" ".join(t.text for t in p)) == "outlet" or strong for p in parts):
            return [source_of(name=text[p[0].start:p[-1].end], kind="outlet",
                           mention=_span(text, p)) for p in parts]
    if len(toks) > 1 and "and" in lows:
        parts = _split_and(toks)
        if all(known_kind(" ".join(t.text for t in p)) == "outlet" for p in parts):
            return [source_of(name=text[p[0].start:p[-1].end], kind="outlet",
                           mention=_span(text, p)) for p in parts]
    if _is_outlet_name(toks):
        return [source_of(name=full if len(toks) == 1 else text[toks[0].start:toks[-1].end],
                       kind="outlet", mention=_span(text, toks))]
    if len(toks) == 2 and toks[0].cap and toks[1].text == "agency" \
            and len(toks[0].text) >= 4:  # "the Agerpres agency" (not "the UN agency")
        return [source_of(name=toks[0].text, kind="outlet", mention=_span(text, toks[:1]))]
    head = lows[-1]
    if head in lex.DOC_HEADS:  # "official data", "the ship's manifest"; not bare "figures"
        if len(toks) < 2 or toks[-1].cap:
            return []
        owner = toks[:-1]
        if owner[-1].low.endswith(("'s", "’s", "s'", "s’")):
            o = owner[-1]
            cut = 2 if o.low.endswith("s") else 1
            owner = [*owner[:-1], Tok(o.text[:-cut], o.start, o.end - cut)]
        if not (len(owner) == 1 and not owner[0].cap and owner[0].low in _MODIFIERS):
            owned = [x for x in classify(text, owner, ctx) if x.kind in ("body", "outlet")]
            if owned:  # "police figures", "Health Ministry data": the body
                return owned
        return [source_of(name=text[toks[0].start:toks[-1].end], kind="body",
                       mention=_span(text, toks))]
    if head == "media":
        if len(toks) == 1:
            return []
        return [source_of(name=text[toks[0].start:toks[-1].end], kind="outlet",
                       mention=_span(text, toks))]
    if len(toks) == 1 and head in lex.OUTLET_WORDS and head not in lex.BARE_MEDIUM_OUTLET \
            and not toks[0].cap:  # "the agency reported": the outlet named before
        return [source_of(name=toks[0].text, kind="unknown", mention=_span(text, toks))]
    if len(toks) == 1 and (head in lex.MEDIUM_WORDS or head in lex.PRONOUNS):
        return []
    if head in lex.MEDIUM_WORDS and not toks[-1].cap:
        return []
    # people: "Kazakh President Kassym-Jomart Tokayev", "spokesman Ned Price"
    roles = [k for k, lw in enumerate(lows) if lw in lex.PERSON_ROLE_HEADS]
    if roles:
        after = toks[roles[-1] + 1:]
        if after and all(t.cap for t in after) and not any(
                t.low in lex.BODY_WORDS or t.low in lex.OUTLET_WORDS for t in after):
            return [source_of(name=text[after[0].start:after[-1].end], kind="person",
                           mention=_span(text, after))]
    if any(lw in lex.BODY_WORDS or lw in _EXTRA_HEADS for lw in lows):
        name = text[toks[0].start:toks[-1].end]
        if len(toks) == 1 and head in ("authorities", "government"):
            name = _demonym_authorities(ctx.country_near(toks[0].start), head) or name
        elif lows[0] in ("country's", "country’s") and len(toks) > 1:
            name = _demonym_authorities(ctx.country_at(toks[0].start),
                                        text[toks[1].start:toks[-1].end]) or name
        elif not toks[0].cap and toks[-1].cap:  # "the human rights centre Viasna"
            k = len(toks)
            while k > 0 and toks[k - 1].cap:
                k -= 1
            if toks[k - 1].low in lex.BODY_WORDS or toks[k - 1].low in _EXTRA_HEADS:
                name = text[toks[k].start:toks[-1].end]
                return [source_of(name=name, kind="body", mention=_span(text, toks[k:]))]
        return [source_of(name=name, kind="body", mention=_span(text, toks))]
    if roles:  # an unnamed role: "Tokayev's spokesman", "the president"
        return [source_of(name=text[toks[0].start:toks[-1].end], kind="person",
                       mention=_span(text, toks))]
    country = normalise(full)
    if country in lex.DEMONYMS:
        return [source_of(name=f"{lex.DEMONYMS[country]} authorities", kind="body",
                       mention=_span(text, toks))]
    caps = [t for t in toks if t.cap]
    if not caps:
        return []
    # strip leading role and demonym words: "Russian leader Vladimir Putin"
    k = 0
    while k < len(toks) - 1 and (toks[k].low in lex.ROLE_WORDS or toks[k].low in lex.AUX_ADVERBS
                                 or toks[k].low in lex.ADJECTIVE_COUNTRY):
        k += 1
    rest = toks[k:]
    return [source_of(name=text[rest[0].start:rest[-1].end], kind="person",
                   mention=_span(text, rest))]


# ---------------------------------------------------------------- the sentence scan


def _skip_back(toks: list[Tok], j: int) -> int:
    """Step back over auxiliaries, adverbs and time phrases between a subject and its verb."""
    lo = max(-1, j - 8)
    while j > lo:
        t = toks[j]
        if t.low in lex.AUX_ADVERBS or t.low in lex.TIME_WORDS or (
                t.text.isdigit() and len(t.text) <= 4 and j > 0
                and (toks[j - 1].low in lex.MONTHS or toks[j - 1].low in ("on", "at", "in"))):
            j -= 1
            continue
        break
    return j


def _skip_aside(toks: list[Tok], j: int) -> int:
    """Step back over an acronym in brackets ("... Situations (IGSU) said"), a relative
    clause between commas ("A ministry official, who spoke on condition ..., said") or a
    citing aside ("Broadcaster X, citing the prefect, reported") or a description of a
    name ("The X Forum, a coalition of rights groups, said")."""
    if j > 1 and toks[j].text == ")" and toks[j - 2].text == "(":
        return j - 3
    if j > 0 and toks[j].text == ",":
        for k in range(j - 1, max(0, j - 40), -1):
            t = toks[k]
            if t.text in ".;!?" or t.text == QUOTE_MARK:
                break
            if t.low in ("who", "which", "citing") and toks[k - 1].text == ",":
                return k - 2
            if t.low in ("a", "an") and k > 1 and toks[k - 1].text == "," and toks[k - 2].cap:
                return k - 2  # "The X Forum, a coalition of rights groups, said"
    return j


def _negated(toks: list[Tok], j: int, i: int) -> bool:
    return any(toks[k].low in lex.NEGATIONS for k in range(max(0, j + 1), i))


def _has_that(toks: list[Tok], i: int) -> bool:
    for t in toks[i + 1:i + 12]:
        if t.low == "that" or t.text == ":":
            return True
        if t.text in ",;.!?" or t.text == QUOTE_MARK:
            return False
    return False


def _passive(toks: list[Tok], i: int) -> bool:
    if i + 1 < len(toks) and toks[i + 1].low == "by":  # "a statement quoted by TASS"
        return True
    j = i - 1
    while j >= max(0, i - 4) and toks[j].low in ("also", "previously", "widely", "later", "being",
                                     "been", "first", "reportedly"):
        j -= 1
    return j >= 0 and toks[j].low in ("was", "were", "is", "are", "be", "been", "being",
                                      ",", "as")


_SAID_TO: Final = frozenset({"said", "says", "say", "spoke", "speaks", "explained", "declared"})


def _outlet_backref(s: Source) -> bool:
    """An outlet named before, referred to by its kind ("the agency", "the station")."""
    return s.kind == "unknown" and s.name.casefold() in lex.OUTLET_WORDS \
        and s.name.casefold() not in lex.BARE_MEDIUM_OUTLET


def _to_after(toks: list[Tok], i: int) -> int | None:
    """The "to" of "said [the speaker, an aside,] to <outlet>" within the clause, if any."""
    for k in range(i + 1, min(len(toks) - 1, i + 20)):
        t = toks[k]
        if t.low == "to":
            return k
        if t.text in (".", ";", QUOTE_MARK) or t.low in ("that", "and", "but"):
            return None
    return None


def _by_after(toks: list[Tok], i: int) -> int | None:
    for k in range(i + 1, min(len(toks), i + 9)):
        t = toks[k]
        if t.low == "by":
            return k
        if not t.word:
            return None
    return None


def _np_sources(text: str, toks: list[Tok], rng: tuple[int, int] | None,
                ctx: Context) -> list[Source]:
    if rng is None:
        return []
    return classify(text, toks[rng[0]:rng[1]], ctx)


def _acronym(s: Source) -> bool:
    """An all-capitals name ("TVR"): an organisation, never a person."""
    return s.kind == "person" and len(s.name) >= 2 and s.name.isupper() and s.name.isalpha()


def _as_outlet(s: Source) -> Source:
    return s if s.kind == "outlet" else source_of(name=s.name, kind="outlet", mention=s.mention)


def _add(out: Attribution, sources: list[Source], pos: int, group: int, role: str) -> None:
    for s in sources:
        if len(out.found) < _MAX_FOUND:
            out.found.append(Found(s, pos, group, role))


def _figure_events(toks: list[Tok], upto: int) -> frozenset[str] | None:
    events: set[str] = set()
    hit = False
    for t in toks[:upto]:
        if t.low in lex.FIGURE_NOUNS:
            hit = True
            events |= lex.FIGURE_NOUNS[t.low]
    return frozenset(events) if hit else None


def _tokens_near_triggers(text: str, start: int, end: int,
                          masks: Sequence[tuple[int, int]]) -> list[Tok]:
    """Tokens of the stretches around the first trigger words of a very long "sentence"."""
    windows: list[tuple[int, int]] = []
    for m in _ALPHA.finditer(text, start, end):
        if m.group().casefold() in TRIGGERS:
            ws, we = max(start, m.start() - _WINDOW), min(end, m.end() + _WINDOW)
            if windows and ws <= windows[-1][1]:
                windows[-1] = (windows[-1][0], we)
            else:
                windows.append((ws, we))
            if len(windows) >= _MAX_FOUND:
                break
    toks: list[Tok] = []
    for ws, we in windows:
        toks += tokenize(text, ws, we, masks)
        toks.append(Tok(".", we, we))  # a stop between stretches
    return toks


@dataclass(frozen=True, slots=True)
class TriggerIndex:
    """Where a whole document holds trigger words and unattributed cues, found in one pass.

    Built only when case-folding keeps every offset, so a sentence's hits are the hits
    lying inside its range; :func:`attribute` rescans a range whose edges cut a word.
    """

    folded: str
    triggers: list[int]  # (start, end) of each trigger word, flattened and sorted
    cues: list[int]  # starts of the unattributed cues, sorted
    cue_ends: list[int]  # the matching ends, in the same order

    def decides(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` begins and ends between words (its hits are exact)."""
        f = self.folded
        return not ((start > 0 and f[start - 1].isalpha()) or (end < len(f) and f[end].isalpha()))

    def has_trigger(self, start: int, end: int) -> bool:
        t = self.triggers
        k = bisect_left(t, start)
        # even positions are starts: the first hit at or after ``start`` must end by ``end``
        if k % 2:
            k += 1
        return k + 1 < len(t) and t[k + 1] <= end

    def unattributed(self, start: int, end: int) -> bool:
        c = self.cues
        return any(self.cue_ends[k] <= end
                   for k in range(bisect_left(c, start), bisect_left(c, end)))


def trigger_index(text: str,
                  lowered: tuple[str, list[tuple[int, int]]] | None = None) -> TriggerIndex | None:
    """The :class:`TriggerIndex` of ``text``, or None if case-folding shifts offsets.

    ``lowered`` (:func:`triggers.lowered_hits` of ``text``) spares the scan when the
    lower-cased text is the case-folded one: its hits include those of
    :data:`_TRIGGER_SCAN`."""
    folded = text.casefold()
    n = len(folded)
    if n != len(text):
        return None
    hits = lowered[1] if lowered is not None and lowered[0] == folded \
        else _TRIGGER_SCAN.spans(folded)
    triggers = [p for s, e in hits if folded[s:e] in TRIGGERS
                and (s == 0 or _LETTER.match(folded, s - 1) is None)
                and (e == n or _LETTER.match(folded, e) is None) for p in (s, e)]
    cues = _cue_spans(folded)
    return TriggerIndex(folded, triggers, [s for s, _ in cues], [e for _, e in cues])


def _cue_anchors(cues: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """The cues grouped by what follows their first word: "said to" ← "are ", "is ", ...
    (a one-word cue is its own anchor, with an empty lead)."""
    out: dict[str, tuple[str, ...]] = {}
    for cue in cues:
        lead, sep, rest = cue.partition(" ")
        anchor, lead = (rest, lead + sep) if sep else (cue, "")
        out[anchor] = (*out.get(anchor, ()), lead)
    return out


_CUE_ANCHORS: Final = _cue_anchors(lex.UNATTRIBUTED_CUES)


def _cue_spans(folded: str) -> list[tuple[int, int]]:
    """The sorted ``(start, end)`` of every occurrence of an unattributed cue in ``folded``:
    one ``str.find`` scan per anchor instead of one per cue."""
    spans: list[tuple[int, int]] = []
    for anchor, leads in _CUE_ANCHORS.items():
        for i in _occurrences(folded, anchor):
            for lead in leads:
                s = i - len(lead)
                if s >= 0 and folded.startswith(lead, s):
                    spans.append((s, i + len(anchor)))
    spans.sort()
    return spans


def _occurrences(text: str, sub: str) -> list[int]:
    out: list[int] = []
    i = text.find(sub)
    while i >= 0:
        out.append(i)
        i = text.find(sub, i + 1)
    return out


def attribute(text: str, start: int, end: int, ctx: Context,
              masks: Sequence[tuple[int, int]] = (),
              index: TriggerIndex | None = None) -> Attribution:
    """The attribution of ``text[start:end]`` (a sentence or a quote's neighbourhood);
    ``index``, the document's :class:`TriggerIndex`, spares rescanning the range."""
    out = Attribution()
    if index is not None and index.decides(start, end):
        out.unattributed = index.unattributed(start, end)
        if not index.has_trigger(start, end):
            return out
    else:
        lowered = text[start:end].casefold()
        out.unattributed = _unattributed(lowered)
        if _TRIGGER_WORD.search(lowered) is None:
            return out  # the common case, decided at C speed
    if end - start > _LONG:
        toks = _tokens_near_triggers(text, start, end, masks)
    else:
        toks = tokenize(text, start, end, masks)
    n = len(toks)
    relay_seen = False
    for i in [i for i, t in enumerate(toks) if t.low in TRIGGERS]:
        if len(out.found) >= _MAX_FOUND:
            break
        low = toks[i].low
        if low == "according" and i + 1 < n and toks[i + 1].low == "to":
            rng = np_forward(toks, i + 2)
            srcs = _np_sources(text, toks, rng, ctx)
            if not srcs:  # "according to a statement from X", "... data released by X"
                for k in range(i + 2, min(n, i + 8)):
                    if toks[k].low in ("from", "by", "of") and k > i + 2:
                        srcs = _np_sources(text, toks, np_forward(toks, k + 1), ctx)
                        break
                    if not toks[k].word or toks[k].cap:
                        break
            _add(out, srcs, i, 1, "according")
            continue
        if low in ("interview", "interviews", "comments", "speaking", "talking") and i + 1 < n \
                and toks[i + 1].low in ("with", "to"):  # "in an interview with the BBC"
            obj = [s for s in _np_sources(text, toks, np_forward(toks, i + 2), ctx)
                   if s.kind == "outlet" or _acronym(s)]
            cited = "citing" in (toks[i - 1].low if i > 0 else "",
                                 toks[i - 2].low if i > 1 else "")
            _add(out, [_as_outlet(s) for s in obj], i + 2, 0 if cited else 1, "told")
            continue
        if low == "citing":
            _add(out, _np_sources(text, toks, np_forward(toks, i + 1), ctx), i, 0, "citing")
            continue
        if low in _FIGURE_VERBS:
            if (i > 0 and toks[i - 1].low == "to") or not any(
                    t.low in _FIGURE_WORDS for t in toks[i + 1:i + 5]):
                continue  # "To put that number in context" gives no figure
        elif low not in lex.SPEECH_VERBS or low == "according":
            continue
        if low in lex.PASSIVE_RELAY and _passive(toks, i):
            by = _by_after(toks, i)
            if by is not None:
                srcs = _np_sources(text, toks, np_forward(toks, by + 1), ctx)
                _add(out, srcs, by, 1, "relay")
                if not relay_seen and srcs:
                    relay_seen = True
                    out.figure_events = _figure_events(toks, i)
            if low in ("quoted", "cited"):  # "X was quoted as saying": X spoke
                j = _skip_back(toks, i - 1)
                if j >= 0 and toks[j].text == "," and j > 0 and toks[j - 1].cap:
                    j = _skip_back(toks, j - 1)
                said = _np_sources(text, toks, np_backward(toks, j) if j >= 0 else None, ctx)
                _add(out, said, j, 1, "subject")
                if said and said[0].kind == "person" and out.speaker is None:
                    out.speaker = said[0]
            if by is not None or low in ("quoted", "cited") or toks[i - 1].text != ",":
                continue
            # ", said 9 were ...": an active verb after an aside, read on below
        j = _skip_back(toks, i - 1)
        if _negated(toks, j, i):
            continue  # "a figure the ministry has not confirmed"
        j = _skip_back(toks, _skip_aside(toks, j))
        subj: list[Source] = []
        org = False
        if j > 0 and toks[j].text == "," and toks[j - 1].cap and (
                low in ("told", "tells") or not _np_sources(
                    text, toks, np_forward(toks, i + 1), ctx)):
            rng = np_backward(toks, j - 1)  # an appositive: "..., Olga Chemodanova, told"
            if rng is not None and rng[0] > 0 and toks[rng[0] - 1].text == ",":
                j -= 1
                org = rng[0] > 1 and toks[rng[0] - 2].low in lex.ORG_HEADS
        if j >= 0 and toks[j].word:
            subj = _np_sources(text, toks, np_backward(toks, j), ctx)
            if org:  # "The ferry's owner, Acme Lines, said": a company
                subj = [source_of(name=x.name, kind="body", mention=x.mention)
                        if x.kind == "person" else x for x in subj]
            if not subj and toks[j].low in lex.PRONOUNS:
                subj = [source_of(name=toks[j].text, kind="unknown",
                               mention=span_of(text, toks[j].start, toks[j].end))]
        that = _has_that(toks, i)
        if subj:
            _add(out, subj, j, 2 if that else 1, "subject")
            if subj[0].kind in ("person", "body") and out.speaker is None:
                out.speaker = subj[0]
        elif (j < 0 or not toks[j].word) and low not in ("told", "tell", "tells"):
            # inverted: ", writes Ria Novosti", "– said X"
            k = i + 1
            rng = np_forward(toks, k)
            srcs = _np_sources(text, toks, rng, ctx)
            if not srcs:  # appositive after junk: "writes it state, Russian news agency X"
                for k2 in range(k, min(n, k + 5)):
                    if toks[k2].text == ",":
                        srcs = _np_sources(text, toks, np_forward(toks, k2 + 1), ctx)
                        break
            _add(out, srcs, i, 1, "inverted")
        if low in ("quoted", "quotes", "cited", "cites"):  # "Interfax quoted the ministry as"
            _add(out, _np_sources(text, toks, np_forward(toks, i + 1), ctx), i + 1, 0, "citing")
        if low in ("told", "tell", "tells", "telling"):
            obj = [s for s in _np_sources(text, toks, np_forward(toks, i + 1), ctx)
                   if s.kind == "outlet" or _outlet_backref(s)]  # "told the agency"
            _add(out, obj, i + 1, 1, "told")
        elif low in _SAID_TO:  # "said Luis Parra (58), a farmer, to the TV station X"
            to = _to_after(toks, i)
            if to is not None:
                obj = [s for s in _np_sources(text, toks, np_forward(toks, to + 1), ctx)
                       if s.kind == "outlet"]
                _add(out, obj, to + 1, 1, "told")
    out.backref = bool(out.found) and all(f.source.kind == "outlet" for f in out.found) \
        and _has_backref(toks)
    return out


def _unattributed(lowered: str) -> bool:
    """Whether a folded sentence says its content has no named source ("reportedly")."""
    if "edly" not in lowered and "d to" not in lowered and "t to" not in lowered:
        return False  # every cue holds one of these: the common case in three scans
    return any(cue in lowered for cue in lex.UNATTRIBUTED_CUES)


def _has_backref(toks: list[Tok]) -> bool:
    """Whether two adjacent tokens refer back to what was said ("about it", "reported so")."""
    return any((toks[k].low, toks[k + 1].low) in _BACKREF for k in range(len(toks) - 1))
