"""Speaker noun phrases without a tagger: capitalised-token chunks, role and organisation words.

``np_left``/``np_right`` find the noun phrase that is the subject of a cue verb, and
``analyse`` splits it into a name and a role ("Kazakh President" + "Kassym-Jomart
Tokayev") and says what kind of speaker it is (person, organisation, pronoun, or a
role-only description to resolve against the article).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal

from provenance.extract.cues import (
    AGENCY_WORDS,
    ARTICLES,
    AUX_ADVERBS,
    FUNCTION_WORDS,
    NON_NAME_CAPS,
    ORG_WORDS,
    PRONOUNS,
    ROLE_WORDS,
    STATEMENT_WORDS,
)
from provenance.extract.numbers import TENS, UNITS, VAGUE_LOW

_TOKEN: Final = re.compile(r"[^\W_][\w\-’']*|[^\w\s]")
_POSSESSIVE: Final = re.compile(r"[’']s?$")
_POSSESSIVE_ENDS: Final = ("'", "’", "'s", "’s")  # what _POSSESSIVE finds at the end of a token
_ABBREV: Final = frozenset("mr mrs ms dr sen rep gov gen col lt sgt capt st jr sr prof u.s".split())
_WINDOW: Final = 100
_SHORT_WINDOW: Final = 48  # characters tokenised first by np_left
_DETS: Final = frozenset("the a an our its his her their this".split())
_SURNAME_ROLES: Final = frozenset("king bishop judge mayor speaker cardinal prince host".split())
_HONORIFICS: Final = frozenset("mr mrs ms dr mr. mrs. ms. dr. sir dame".split())
PARTICLES: Final = frozenset("de van von der den al bin la le da di du del dos das ibn ter".split())
_OBJECT_PRONOUNS: Final = frozenset("her him them it us me".split())
# role words that are titles before a name ("President X"), not modifiers ("Foreign")
_TITLES: Final = ROLE_WORDS - frozenset(
    "foreign state vice deputy high interior defense defence press prime".split())
_MAX_TOKENS: Final = 14
_RIGHT_TOKENS: Final = _MAX_TOKENS + 8  # np_right looks at most 7 tokens past its 14th
# lower-case words that never describe a speaker ("said in Manila", "the head of it on Monday")
_NOT_DESCRIPTORS: Final = frozenset("""
in on at by with from to for of and or nor but that which who whom
whose when while after before during since as than if because although though yesterday today
tonight tomorrow earlier later also again then there here it its this these those not only just
still into onto over under about against between among amid via per so yet
he she they we i you him her them us me is was were are be been has had have will would
said says told tells added""".split())
# words opening a comma-delimited aside after a subject: "X, a farmer, said", "X, 41, said",
# "X, for his part, said", "X, in a statement, said"
_APPOSITIVE_OPENERS: Final = frozenset("a an the one for in however meanwhile though too".split())


def _plain_lower(tok: str) -> bool:
    """A lower-case word that can describe a speaker ("passenger", "crisis", "national")."""
    return tok[:1].isalpha() and tok.islower() and tok not in _NOT_DESCRIPTORS


def _in_complement(words: list[str], j: int, partial: bool = False) -> bool:
    """Whether lower-case word ``j`` ends the complement of a role or organisation word
    ("the commissioner for crisis management"): up to three plain words after of/for.
    With ``partial`` (``words`` may start mid-sentence), raise :class:`_Truncated` where
    the words before ``words`` could change the answer."""
    if not _plain_lower(words[j]):
        return False
    k = j - 1
    while k > j - 4:
        if k < 0:
            if partial:
                raise _Truncated
            return False
        w = words[k]
        if w in ("of", "for"):
            if k == 0 and partial:
                raise _Truncated
            return k > 0 and _np_word(words[k - 1]) and not _is_cap(words[k - 1])
        if w not in _DETS and not _plain_lower(w):
            return False
        k -= 1
    return False


def _modifier(words: list[str], j: int, head: str, partial: bool = False) -> bool:
    """Whether lower-case word ``j`` modifies an organisation or role head after a determiner
    ("the national water agency"); ``partial`` as for :func:`_in_complement`."""
    b = _base(head.casefold())
    if b not in ORG_WORDS and b not in ROLE_WORDS:
        return False
    k = j
    while k > j - 4:
        if k < 0:
            if partial:
                raise _Truncated
            return False
        w = words[k]
        if w.casefold() in _DETS:
            return k < j
        if not _plain_lower(w):
            return False
        k -= 1
    return False

Kind = Literal["person", "org", "pronoun", "nominal", "org_nominal", "statement", "agency"]


@dataclass(init=False)
class Mention:
    """A speaker noun phrase, analysed. Treat it as immutable: :func:`analyse_phrase` hands
    the same one to every caller.

    Not a frozen dataclass, and with a written ``__init__``: the one ``dataclass``
    generates is interpreted even in the compiled build (ten times a native one's cost).
    """

    start: int
    end: int
    kind: Kind
    name: str | None  # the name as printed (persons, organisations), else None
    role: str | None
    head: str  # the head word, lower-cased ("spokesman", "ministry", "he")
    possessor: str | None  # "Tokayev" in "Tokayev's spokesman"

    def __init__(self, start: int, end: int, kind: Kind, name: str | None, role: str | None,
                 head: str, possessor: str | None = None) -> None:
        self.start = start
        self.end = end
        self.kind = kind
        self.name = name
        self.role = role
        self.head = head
        self.possessor = possessor


@lru_cache(maxsize=8192)
def fold(s: str) -> str:
    """Lower-cased, accent-free form for comparing name tokens."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _base(tok: str) -> str:
    """``tok`` without a possessive ending ("Tokayev's" → "Tokayev")."""
    if len(tok) <= 2:
        return tok
    if tok.endswith(("'s", "’s")):
        return tok[:-2]
    return tok[:-1] if tok.endswith(("'", "’")) else tok


@lru_cache(maxsize=65536)
def _np_word(tok: str) -> bool:
    """Whether a token can belong to a speaker noun phrase (memoised: tokens repeat)."""
    low = tok.casefold()
    if _is_cap(tok):
        return tok not in NON_NAME_CAPS or tok in ("The", "A", "An")
    b = _base(low)
    return b in ROLE_WORDS or b in ORG_WORDS or b in STATEMENT_WORDS or low in FUNCTION_WORDS \
        or low in PARTICLES


def _words(text: str, lo: int, hi: int) -> list[str]:
    """``_TOKEN.findall(text, lo, hi)``, mostly without the regex: tokens never cross white
    space, and most chunks between white space are one word (letters and digits only) or a
    word and one mark ("said,")."""
    out: list[str] = []
    for chunk in text[lo:hi].split():
        if chunk.isalnum():
            out.append(chunk)
            continue
        last = chunk[-1]
        if (len(chunk) > 1 and chunk[:-1].isalnum() and not last.isalnum()
                and last not in "_-’'"):  # those four may continue a token
            out.append(chunk[:-1])
            out.append(last)
        else:
            out += _TOKEN.findall(chunk)
    return out


def _tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """The tokens of ``text[lo:hi]`` with their offsets. Only white space and underscores
    separate tokens and none opens on either, so each is found where it first occurs after
    the previous one."""
    out: list[tuple[int, int, str]] = []
    pos = lo
    for w in _words(text, lo, hi):
        s = text.find(w, pos)
        pos = s + len(w)
        out.append((s, pos, w))
    return out


def _start_of(text: str, words: list[str], k: int, j: int, pos: int) -> int:
    """The offset of token ``words[k]`` given that ``words[j]`` (``j >= k``) ends at or
    just before ``pos`` (only white space and underscores after it).

    Walks back with ``rfind``: only white space and underscores lie between tokens, and no
    token holds those at its edges, so each last occurrence is the token itself."""
    for i in range(j, k - 1, -1):
        pos = text.rfind(words[i], 0, pos)
    return pos


def _end_of(text: str, words: list[str], k: int, pos: int) -> int:
    """The end offset of token ``words[k]`` given that ``words[0]`` starts at ``pos``
    (the forward twin of :func:`_start_of`)."""
    for i in range(k + 1):
        pos = text.find(words[i], pos) + len(words[i])
    return pos


class _Truncated(Exception):
    """A scan over a shortened token window reached its first tokens."""


def np_left(text: str, end: int, lo: int, appositive: bool = True) -> tuple[int, int] | None:
    """The subject noun phrase ending just before ``end`` (a cue verb), within ``[lo, end)``;
    with ``appositive``, one descriptive appositive before ``end`` is skipped to the name."""
    bound = lo  # an appositive may push the phrase further back than the window
    lo = max(lo, end - _WINDOW)
    # Most phrases are short: tokenise the last few words first. Tokens after a space are
    # the same wherever tokenising starts, so the answer is the same unless the backward
    # scan reaches the first tokens of the short window.
    cut = text.rfind(" ", lo, end - _SHORT_WINDOW) if end - _SHORT_WINDOW > lo else -1
    if cut < 0:
        return _np_left_in(text, bound, end, _words(text, lo, end), False, appositive)
    short = _words(text, cut + 1, end)
    try:
        return _np_left_in(text, bound, end, short, True, appositive)
    except _Truncated:  # the whole window: the tokens before the space, then the same ones
        return _np_left_in(text, bound, end, _words(text, lo, cut + 1) + short,
                           False, appositive)


def _np_left_in(text: str, lo: int, end: int, words: list[str],
                partial: bool, appositive: bool) -> tuple[int, int] | None:
    """:func:`np_left` over the tokens ``words`` of the window ending at ``end``; with
    ``partial``, raise :class:`_Truncated` where tokens before ``words`` could change the
    answer."""
    i = len(words) - 1
    while i >= 0 and words[i].casefold() in AUX_ADVERBS:
        i -= 1
    if partial and (i < 0 or (i == 0 and words[0] == ",")):
        raise _Truncated
    if appositive and i > 0 and words[i] == ",":
        opened = _appositive_open(words, i, partial)
        if opened is not None:  # "Anna Berg, a farmer from Lindvik, told": the name before
            at = _start_of(text, words, opened, len(words) - 1, end)
            got = np_left(text, at, lo, appositive=False)
            if got is not None and _is_cap(text[got[0]:got[1]]):
                return got
    if i > 0 and words[i] == "," and (_is_cap(words[i - 1]) or words[i - 1] == ")"):
        i -= 1  # closing comma of an appositive: "The spokesman ..., Saltanat Azirbek, said"
    if i < 0:
        return None
    first = words[i]
    if first.casefold() in PRONOUNS and first.casefold() not in ("her", "him", "them", "it"):
        s = _start_of(text, words, i, len(words) - 1, end)
        return s, s + len(first)
    stop = i
    j = i
    n = 0
    np_word = _np_word
    while j >= 0 and n < _MAX_TOKENS:
        tok = words[j]
        if partial and j < 2:
            raise _Truncated  # every rule below may look up to two tokens back
        if np_word(tok):  # the common case (no punctuation mark is one)
            j -= 1
            n += 1
            continue
        if tok == ")":  # a parenthesis inside the phrase: "Rep. Gwen Moore (D-Wis.)"
            k = j - 1
            while k >= 0 and k > j - 8 and words[k] != "(":
                k -= 1
            if k < 0 or words[k] != "(":
                break
            if j == stop:
                stop = k - 1
            j = k - 1
            continue
        if tok == ".":
            prev = words[j - 1] if j > 0 else ""
            if prev.casefold() in _ABBREV or (len(prev) == 1 and prev.isupper()):
                j -= 1
                continue
            break
        if tok == ",":
            # an appositive: "<role phrase>, <Name>" — only when what follows is a name
            seg = words[j + 1: stop + 1]
            prev_w = words[j - 1] if j > 0 else ""
            if seg and all(_is_cap(t) for t in seg) and j > 0 and not _is_cap(prev_w) and (
                    _np_word(prev_w) or _in_complement(words, j - 1, partial)):
                j -= 1
                continue
            break
        if not tok.islower():
            break
        p1 = words[j - 1] if j > 0 else ""
        p2 = words[j - 2] if j > 1 else ""
        if not (p1 in ("of", "for") or (p1 in _DETS and p2 in ("of", "for"))) and not (
                _in_complement(words, j, partial) or _modifier(words, j, words[stop], partial)):
            break
        j -= 1
        n += 1
    if partial and j < 0 and n < _MAX_TOKENS:
        raise _Truncated
    start_i = j + 1
    while start_i <= stop and words[start_i].casefold() in ("of", "for", "and", ","):
        start_i += 1
    if start_i > stop:
        return None
    stop_s = _start_of(text, words, stop, len(words) - 1, end)
    return _start_of(text, words, start_i, stop, stop_s + len(words[stop])), \
        stop_s + len(words[stop])


def _appositive_open(words: list[str], i: int, partial: bool) -> int | None:
    """The comma opening an appositive that the comma ``words[i]`` closes, when the
    appositive is a description or an aside ("a 70-year-old pensioner", "the head of the
    council", "41", "for his part") after a name; else None."""
    c = i - 1
    while c > 0 and i - c <= _MAX_TOKENS:
        t = words[c]
        if t in (".", ";", ":", "!", "?") or t in "\"“”«»„":
            return None
        if t == ",":
            first = words[c + 1]
            if c + 1 < i and (first.casefold() in _APPOSITIVE_OPENERS or first[:1].isdigit()) \
                    and _is_cap(words[c - 1]):
                return c
            return None
        c -= 1
    if partial and c <= 0:
        raise _Truncated
    return None


def np_right(text: str, start: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase starting at ``start`` (after an inverted cue: "said the spokesman")."""
    words = _words(text, start, min(hi, start + _WINDOW))[:_RIGHT_TOKENS]
    if not words:
        return None
    if words[0] in ("of", "for", "and", ",", "."):
        return None
    first = text.find(words[0], start)  # only white space and underscores before it
    if words[0].casefold() in PRONOUNS:
        if words[0].casefold() in _OBJECT_PRONOUNS:
            return None
        return first, first + len(words[0])
    end_i = -1
    skip_to = -1
    # lower-case descriptors before a name: "said passenger Rodel Manalo", "a local resident"
    d0 = 1 if words[0].casefold() in ARTICLES else 0
    d = d0
    while d < len(words) and d < d0 + 3 and _plain_lower(words[d]) and not _np_word(words[d]):
        d += 1
    descr_end = d if d > d0 and d < len(words) and (
        (_is_cap(words[d]) and words[d] not in NON_NAME_CAPS) or _np_word(words[d])) else -1
    for k, tok in enumerate(words[:_MAX_TOKENS]):
        if k <= skip_to:
            continue
        if k < descr_end:
            end_i = k
            continue
        if tok == "(":  # "Rep. Gwen Moore (D-Wis.) said"
            close = next((i for i in range(k + 1, min(len(words), k + 8)) if words[i] == ")"),
                         -1)
            if close < 0:
                break
            skip_to = close
            continue
        if tok == ".":
            prev = words[k - 1] if k else ""
            if prev.casefold() in _ABBREV or (len(prev) == 1 and prev.isupper()):
                continue
            break
        if tok == ",":
            nxt = words[k + 1] if k + 1 < len(words) else ""
            if end_i >= 0 and not _is_cap(words[end_i]) and _is_cap(nxt) \
                    and nxt not in NON_NAME_CAPS:
                continue  # "said the spokesman, John Smith"
            break
        if not _np_word(tok) and not (tok.islower() and k > 0 and (
                words[k - 1] in ("of", "for") or (
                    k > 1 and words[k - 1] in _DETS and words[k - 2] in ("of", "for"))
                or _in_complement(words, k))):
            break  # unless the head of a complement: "the head of the mission"
        if tok in ("of", "for") and k > 0 and _is_cap(words[k - 1]) \
                and _base(words[k - 1].casefold()) not in ROLE_WORDS \
                and _base(words[k - 1].casefold()) not in ORG_WORDS:
            break  # "Cameron Easley for Morning Consult"
        if tok.casefold() not in FUNCTION_WORDS:
            end_i = k
    if end_i < 0:
        return None
    return first, _end_of(text, words, end_i, first)


def _surname_role(words: list[str], low: list[str], i: int) -> bool:
    """Whether role word ``i`` is a surname: "Charlie King", "Mr. King"."""
    if i < 1 or low[i] not in _SURNAME_ROLES:
        return False
    prev, lp = words[i - 1], low[i - 1]
    return lp in _HONORIFICS or (_is_cap(prev) and lp not in ROLE_WORDS and lp not in ORG_WORDS
                                 and prev not in NON_NAME_CAPS and lp not in FUNCTION_WORDS)


def analyse(text: str, start: int, end: int) -> Mention:
    """What kind of speaker the noun phrase ``text[start:end]`` names."""
    kind, name, role, head, possessor = _phrase_facts(text[start:end])
    return Mention(start, end, kind, name, role, head, possessor)


def analyse_phrase(phrase: str) -> Mention:
    """:func:`analyse` of a whole phrase (offsets relative to it)."""
    return analyse(phrase, 0, len(phrase))


_Facts = tuple[Kind, str | None, str | None, str, str | None]


@lru_cache(maxsize=32768)
def _phrase_facts(phrase: str) -> _Facts:
    """What :func:`_analyse` finds in ``phrase`` but its offsets, memoised: phrases repeat
    within and across articles. A tuple of strings, which the garbage collector stops
    tracking, where a cached ``Mention`` would be traversed by every full collection."""
    m = _analyse(phrase, 0, len(phrase))
    return m.kind, m.name, m.role, m.head, m.possessor


# capitalised only at a sentence start: "The Sfax coast", "Three Tunisians were arrested"
# ("One" does open names: "One Direction", "Day One")
_NEVER_IN_NAMES: Final = frozenset({"the", "a", "an", "many", "some", *TENS,
                                    *(w for w in UNITS if w not in ("zero", "one")),
                                    *(w for w in VAGUE_LOW if " " not in w)})


def _analyse(text: str, start: int, end: int) -> Mention:
    toks = [t for t in _tokens(text, start, end) if t[2] not in (",", ".")]
    words = [t[2] for t in toks]
    low = [_base(w.casefold()) for w in words]
    if not words:
        return Mention(start, end, "nominal", None, None, "")
    if len(words) == 1 and low[0] in PRONOUNS:
        return Mention(start, end, "pronoun", None, None, low[0])
    # the head: the last word before a complement ("head of our diplomacy ...")
    cut = next((k for k, w in enumerate(low) if w in ("of", "for") and k > 0), len(low))
    # a name: the trailing run of capitalised, non-role, non-org words
    k = len(words)
    while k > 0:
        w = words[k - 1]
        if not _is_cap(w):  # a particle inside a name: "Lula da Silva", "van Klaveren"
            if not (low[k - 1] in PARTICLES and k < len(words) and k > 1
                    and _is_cap(words[k - 2])):
                break
        elif (low[k - 1] in ROLE_WORDS or low[k - 1] in ORG_WORDS or w in NON_NAME_CAPS
              or low[k - 1] in AGENCY_WORDS or low[k - 1] in _NEVER_IN_NAMES) and not (
                k == len(words) and _surname_role(words, low, k - 1)):
            break
        k -= 1
    run = words[k:]
    before = low[k - 1] if k > 0 else ""
    possessor = next((_base(w) for w in words if w.endswith(_POSSESSIVE_ENDS) and _is_cap(w)),
                     None)
    before_ok = k == 0 or not _is_cap(words[k - 1]) or before in _TITLES or (
        before == "state" and k > 1 and low[k - 2] == "of")
    appositive = k > 0 and "," in text[toks[k - 1][1]:toks[k][0]] if k < len(toks) else False
    if run and before_ok and before not in FUNCTION_WORDS and (
            appositive or before not in ORG_WORDS) and not (
            k > 0 and words[k - 1].endswith(_POSSESSIVE_ENDS)):
        name_s, name_e = toks[k][0], toks[-1][1]
        if _POSSESSIVE.search(text, name_e - 2, name_e) and text[name_e - 1] in "s’'":
            name_e -= 2 if text[name_e - 1] == "s" else 1  # "Donald Trump’s" → the name
        role_toks = toks[:k]
        while role_toks and role_toks[0][2].casefold() in ARTICLES:
            role_toks = role_toks[1:]
        role = text[role_toks[0][0]:role_toks[-1][1]].rstrip(" ,") if role_toks else None
        return Mention(start, end, "person", text[name_s:name_e], role, fold(run[-1]))
    head = low[cut - 1] if cut > 0 else low[-1]
    body = toks
    while body and body[0][2].casefold() in ARTICLES:
        body = body[1:]
    if not body:
        return Mention(start, end, "nominal", None, None, head)
    phrase = text[body[0][0]:body[-1][1]]
    has_cap = any(_is_cap(t[2]) for t in body)
    if any(w in AGENCY_WORDS for w in low) and len(low) <= 3:
        return Mention(start, end, "agency", phrase, None, head)
    if head in STATEMENT_WORDS:
        return Mention(start, end, "statement", None, None, head, possessor)
    if head in ORG_WORDS or (has_cap and head not in ROLE_WORDS):
        if has_cap:
            return Mention(start, end, "org", phrase, None, head, possessor)
        return Mention(start, end, "org_nominal", None, None, head, possessor)
    if head.endswith("s") and head in ROLE_WORDS:  # "officials", "witnesses": a group
        return Mention(start, end, "org", phrase, None, head, possessor)
    return Mention(start, end, "nominal", None, phrase, head, possessor)
