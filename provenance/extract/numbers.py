"""Amounts in running text: digits, number words, vague amounts and multipliers.

:func:`find_amounts` finds every amount with its offsets and parsed value;
:func:`non_count` says when an amount is not a count about the world (a date,
time of day, age, duration, year, address, identifier). Every regex here is
linear: each repetition consumes a fixed separator before its next item, so no
input makes them backtrack catastrophically.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal, NamedTuple

from provenance.extract.patterns import WordScan, trie

Kind = Literal["digits", "words", "vague", "multiplier"]

UNITS: Final[dict[str, int]] = {
    w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split())
}
TENS: Final[dict[str, int]] = {
    w: 10 * (i + 2) for i, w in enumerate(
        "twenty thirty forty fifty sixty seventy eighty ninety".split())
}
SCALES: Final[dict[str, float]] = {
    "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "mln": 1e6, "mn": 1e6, "m": 1e6, "bln": 1e9, "bn": 1e9, "b": 1e9, "tn": 1e12,
    "dozen": 12,
}
# Vague amounts and the lower bound each implies (dozens = at least two dozen).
VAGUE_LOW: Final[dict[str, float]] = {
    "dozens": 24, "hundreds": 200, "thousands": 2000, "millions": 2e6, "billions": 2e9,
    "scores": 40, "several": 3, "a few": 2, "a handful": 2, "a couple": 2,
    "tens of thousands": 20_000, "hundreds of thousands": 200_000, "dozens of thousands": 24_000,
    "tens of millions": 2e7, "hundreds of millions": 2e8,
}
MULTIPLIERS: Final[dict[str, float]] = {"doubl": 2, "tripl": 3, "quadrupl": 4}

_WORD: Final = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_WSCALE: Final = "hundred|thousand|million|billion|trillion|dozen"
# Digits start with a plain character class so the scan skips non-digits in C.
_DIGITS_RE: Final = re.compile(
    r"[0-9](?:[0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])"     # 3,000  1,234.5
    r"|[0-9]{0,2}(?:\.[0-9]{3})+(?:,[0-9]+)?(?![0-9.])"            # 2.500 (European)
    r"|[0-9]{0,2}(?:[ \u00a0\u202f][0-9]{3})+(?![0-9.,][0-9])"      # 3 000
    r"|[0-9]*(?:[.,][0-9]+)?)"
    r"(?:[ \u00a0]?(?P<scale>(?i:thousand|million|billion|trillion|bln|mln|bn|mn|tn))"
    r"(?![A-Za-z])|(?P<sscale>[kmbKMB])(?![A-Za-z]))?"
)
_WORDS_RE: Final = re.compile(
    r"(?P<vague>\b(?i:(?:tens|hundreds|dozens) of (?:thousands|millions)"
    r"|(?:several|a few) (?:dozen|hundred|thousand|million)"
    r"|dozens|hundreds|thousands|millions|billions|scores|several|a few|a handful|a couple)\b)"
    r"|(?P<words>\b(?i:(?:half )?an? (?:" + _WSCALE + r")"
    r"|(?:" + _WORD + r")(?:[ -](?:and )?(?:" + _WORD + "|" + _WSCALE + r"))*)\b)"
    r"|(?P<mult>\b(?i:doubl|tripl|quadrupl)(?i:ed|ing|es)\b)"
)
_LETTERS: Final = re.compile(r"[a-z]+")
_WORD_SEPARATORS: Final = re.compile(r"[ -]+")
# Any of these words in a sentence sends it through the (slower) number-word scan.
TRIGGERS: Final = frozenset(
    [*UNITS, *TENS, *_WSCALE.split("|"), "dozens", "hundreds", "thousands", "millions",
     "billions", "scores", "several", "few", "handful", "couple", "tens", "doubled", "doubling",
     "doubles", "tripled", "tripling", "triples", "quadrupled", "quadrupling", "quadruples"]
)


# trigger words standing whole in lower-cased text
_TRIGGER_SCAN: Final = WordScan(TRIGGERS, "[a-z]", "[^a-z]")
_ASCII_DIGITS: Final = "0123456789"
_SEPARATORS: Final = "./:-"
_PHONE_AFTER: Final = re.compile(r"\)[ \u00a0]?[0-9]{3}[ .-][0-9]{4}(?![0-9])")
_LOCAL_PHONE: Final = re.compile(r"[0-9]{3}-[0-9]{4}")


class Amount(NamedTuple):
    """An amount found in text: where it is and what it is worth (a tuple: cheap to make)."""

    start: int
    end: int
    kind: Kind
    value: float | None = None
    low: float | None = None
    high: float | None = None


@lru_cache(maxsize=4096)
def parse_digits(s: str, scale: str | None = None) -> float | None:
    """The value of a digit string such as ``3,000``, ``3 000``, ``2.500`` or ``1.1`` (+ scale).

    A dot followed by exactly three digits is a European thousands separator
    unless a scale word follows (``1.100 billion`` is 1.1 billion).
    """
    s = s.replace("\u00a0", " ").replace("\u202f", " ")
    if " " in s:
        s = s.replace(" ", "")
    elif "," in s and "." in s:
        s = s.replace(".", "").replace(",", ".") if s.index(".") < s.index(",") \
            else s.replace(",", "")
    elif "," in s:
        groups = s.split(",")
        s = s.replace(",", "") if all(len(g) == 3 for g in groups[1:]) else s.replace(",", ".")
    elif "." in s:
        groups = s.split(".")
        if not scale and len(groups) >= 2 and all(len(g) == 3 for g in groups[1:]):
            s = s.replace(".", "")
        elif len(groups) > 2:
            return None
    try:
        value = float(s)
    except ValueError:
        return None
    if scale:
        value *= SCALES.get(scale.casefold(), 1)
    return value


@lru_cache(maxsize=1024)
def parse_words(s: str) -> float | None:
    """The value of number words: ``twenty thousand``, ``a thousand``, ``two hundred and five``."""
    total, current, seen = 0.0, 0.0, False
    for w in _WORD_SEPARATORS.split(s.casefold()):
        if w in ("and", "half"):
            continue
        if w in ("a", "an"):
            current, seen = 1.0, True
        elif w in UNITS:
            current, seen = current + UNITS[w], True
        elif w in TENS:
            current, seen = current + TENS[w], True
        elif w in ("hundred", "dozen"):
            current = (current or 1) * SCALES[w]
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0.0
        else:
            return None
        seen = True
    if not seen:
        return None
    value = total + current
    return value / 2 if s.casefold().startswith("half ") else value


def _digit_token_end(text: str, start: int, limit: int) -> int:
    """The end of the run of digits and ``./:-`` separators that starts at ``start``."""
    j = start
    while j < limit and (text[j].isdigit() or text[j] in _SEPARATORS):
        j += 1
    return j


def _not_an_amount(text: str, s: int, e: int, limit: int) -> int:
    """0 if ``text[s:e]`` may be an amount, else where the non-amount token ends.

    Digits glued to letters (``COVID-19``, ``21st``, ``1980s``), inside URLs or
    e-mail addresses, and dates, times, phone numbers and versions are not amounts.
    """
    prev = text[s - 1] if s else " "
    if prev.isalnum() or prev in "_.,/" or (prev == "-" and s > 1 and text[s - 2].isalpha()):
        return _digit_token_end(text, s, limit)
    nxt = text[e] if e < limit else " "
    if nxt.isalpha() or nxt == "_":
        return _digit_token_end(text, s, limit)
    if prev == "(" and _PHONE_AFTER.match(text, e, limit):  # (555) 123-4567
        return e
    if prev not in " \n\t":  # what the amount is glued to: part of a URL or an address?
        window = text[max(0, s - 80):s]
        cut = max(window.rfind(" "), window.rfind("\n"), window.rfind("\t"))
        glued = window[cut + 1:]
        if "/" in glued or "@" in glued or "www." in glued:
            return _digit_token_end(text, s, limit)
    if nxt in _SEPARATORS and e + 1 < limit and text[e + 1].isdigit():
        j = _digit_token_end(text, s, limit)
        token = text[s:j].rstrip(_SEPARATORS)
        seps = sum(token.count(c) for c in _SEPARATORS)
        if ":" in token or "/" in token or seps >= 2 or _LOCAL_PHONE.fullmatch(token):
            return j
    return 0


@dataclass(frozen=True, slots=True)
class TextIndex:
    """What :func:`find_amounts` needs of a whole document, computed once for all its sentences.

    ``low`` is the lower-cased text (offsets preserved); ``digits`` and ``words`` are
    the sorted starts of its runs of ASCII digits and of its trigger words (whole runs
    of lower-case letters), ``hints`` both together.
    """

    low: str
    hints: list[int]
    digits: list[int]
    words: list[int]

    def cuts_run(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` begins or ends inside a run of ASCII letters or digits."""
        low = self.low
        return (start > 0 and _in_run(low[start - 1:start + 1])) \
            or (end > 0 and _in_run(low[end - 1:end + 1]))

    def may_hold_amounts(self, start: int, end: int) -> bool:
        """False only if :func:`find_amounts` surely finds nothing in ``[start, end)``."""
        hints = self.hints
        i = bisect_left(hints, start)
        return (i < len(hints) and hints[i] < end) or self.cuts_run(start, end)

    def holding_amounts(self, spans: Iterable[tuple[int, int, int]]) -> list[tuple[int, int]]:
        """The ``(start, end)`` of the ``(_, start, end)`` spans that may hold amounts."""
        return [(s, e) for _, s, e in spans if self.may_hold_amounts(s, e)]


def _in_run(pair: str) -> bool:
    """Whether ``pair`` is two ASCII letters or digits (a range edge between them cuts a run)."""
    return pair.isalnum() and pair.isascii() and len(pair) == 2


def index_text(text: str,
               lowered: tuple[str, list[tuple[int, int]]] | None = None) -> TextIndex | None:
    """The :class:`TextIndex` of ``text``, or ``None`` if lower-casing would shift offsets.

    ``lowered`` (:func:`triggers.lowered_hits` of ``text``) spares the scan: its hits
    include those of :data:`_TRIGGER_SCAN`."""
    if lowered is None:
        low = text.lower()
        if len(low) != len(text):
            return None
        lowered = low, _TRIGGER_SCAN.spans(low)
    low, hits = lowered
    words = [s for s, e in hits if low[s:e] in TRIGGERS]
    digits = _digit_runs(low)
    return TextIndex(low, sorted(digits + words) if digits else words, digits, words)


def _digit_runs(text: str) -> list[int]:
    """The sorted starts of the runs of ASCII digits in ``text`` (``str.find`` is fastest)."""
    out: list[int] = []
    for d in _ASCII_DIGITS:
        i = text.find(d)
        while i >= 0:
            if i == 0 or text[i - 1] not in _ASCII_DIGITS:
                out.append(i)
            i = text.find(d, i + 1)
    out.sort()
    return out


def _triggers(text: str, start: int, end: int,
              index: TextIndex | None) -> tuple[str, int, list[int]]:
    """The lower-cased text, its offset in ``text`` and where the trigger words of
    ``text[start:end]`` start (words cut at its edges count as they stand).

    ``index`` is the text's :class:`TextIndex` if it holds for the range (does not cut a run).
    """
    if index is not None:
        words = index.words
        return index.low, 0, words[bisect_left(words, start):bisect_left(words, end)]
    low = text[start:end].lower()
    return low, start, [start + t.start() for t in _LETTERS.finditer(low)
                        if t.group() in TRIGGERS]


def find_amounts(text: str, start: int = 0, end: int | None = None,
                 limit: int | None = None, index: TextIndex | None = None) -> list[Amount]:
    """Every amount in ``text[start:end]`` (the first ``limit`` of each kind), in order.

    ``index`` (from :func:`index_text` of ``text``) saves re-scanning the words of
    every sentence of one document.
    """
    end = len(text) if end is None else end
    out: list[Amount] = []
    skip_to = first = start
    if index is not None and index.cuts_run(start, end):
        index = None  # the range cuts a word or a number: rescan it
    if index is not None:  # begin at the first digit
        digits = index.digits
        i = bisect_left(digits, start)
        first = digits[i] if i < len(digits) else end
    for m in _DIGITS_RE.finditer(text, first, end):
        if limit is not None and len(out) >= limit:
            break
        s, e = m.span()
        if s < skip_to:
            continue
        stop = _not_an_amount(text, s, e, end)
        if stop:
            skip_to = stop
            continue
        scale_group = m.lastgroup  # "scale", "sscale" or None
        if scale_group is None:
            value = parse_digits(m.group().strip())
        else:
            value = parse_digits(text[s:m.start(scale_group)].strip(), m.group(scale_group))
        if value is not None:
            out.append(Amount(s, e, "digits", value))
    low, offset, triggers = _triggers(text, start, end, index)
    if triggers:
        out += _word_amounts(text, start, end, limit, (low, offset, triggers))
        out.sort(key=lambda a: a.start)
    return out


# words an amount may start with before a trigger
_LEADS: Final = ("half a ", "half an ", "a ", "an ")


def _word_matches(text: str, start: int, end: int,
                  triggers: tuple[str, int, list[int]]) -> Iterator[re.Match[str]]:
    """Number-word matches, tried only where a trigger word stands (or "a"/"half a" before it).

    ``triggers`` is what :func:`_triggers` returns for ``text[start:end]``.
    """
    low, offset, starts = triggers
    covered = start
    for p in starts:
        if p < covered:
            continue
        cands = [p]
        # every lead ends in "a " or "an ": look for them only then
        if p - 2 >= covered and low[p - 1 - offset] == " " and low[p - 2 - offset] in "an":
            for lead in _LEADS:
                q = p - len(lead)
                if q >= covered and low.startswith(lead, q - offset):
                    cands.insert(0, q)
        for c in cands:
            m = _WORDS_RE.match(text, c, end)
            if m and m.end() > p:
                covered = m.end()
                yield m
                break


def _word_amounts(text: str, start: int, end: int, limit: int | None,
                  triggers: tuple[str, int, list[int]]) -> list[Amount]:
    out: list[Amount] = []
    for m in _word_matches(text, start, end, triggers):
        if limit is not None and len(out) >= limit:
            break
        group = m.lastgroup  # "vague", "words" or "mult"
        if group == "vague":
            key = " ".join(m.group("vague").casefold().split())
            low = VAGUE_LOW.get(key)
            if low is None:  # "several hundred", "a few thousand"
                first, _, scale = key.rpartition(" ")
                low = VAGUE_LOW.get(first, 2) * SCALES.get(scale, 1)
            out.append(Amount(m.start(), m.end(), "vague", None, low))
        elif group == "words":
            value = parse_words(m.group("words"))
            if value is not None:
                out.append(Amount(m.start(), m.end(), "words", value))
        elif group == "mult":
            word = m.group("mult").casefold()
            stem = next(s for s in MULTIPLIERS if word.startswith(s))
            out.append(Amount(m.start(), m.end(), "multiplier", MULTIPLIERS[stem]))
    return out


# --- what an amount is not -------------------------------------------------------------

# word lists as prefix trees (see :func:`trie`)
_MONTHS: Final = trie("""
    jan january feb february mar march apr april may jun june jul july aug august
    sep sept september oct october nov november dec december""".split())
_DURATION: Final = trie("""
    millisecond milliseconds second seconds sec secs minute minutes min mins hour
    hours hr hrs day days night nights week weeks month months year years yr yrs decade decades
    century centuries weekend weekends generation generations""".split())
_MEASURES: Final = trie("""
    km kilometer kilometers kilometre kilometres mile miles mi meter meters metre
    metres feet ft inches cm mm degree degrees ° kph mph km/h""".split())
MONTH_WORDS: Final = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split())
# a word right before an amount that makes it a date, an identifier or an age
_ID_WORDS: Final = frozenset(
    """page pages p. pp. no. nos. no number article section chapter paragraph room flight route
    highway interstate channel apt apt. apartment suite unit block district level grade class
    round episode season vol vol. volume part item line row seat gate platform code zone sector
    phase stage step version aged age ages year covid top rank ranked turned turns turning then
    # u.s.""".split())
_YEAR_WORDS: Final = frozenset("""
    in since until till of by from during early late mid before after the
    year summer winter spring autumn fall""".split())
_THE_WORDS: Final = frozenset("the these those its their his her our every".split())
_COPULAS: Final = frozenset("was is were are be been".split())
_FIRED_WORDS: Final = frozenset(
    "fired fires fire firing heard hear hearing returned squeezed".split())
_TOTAL_WORDS: Final = frozenset("toll total number figure tally count sum".split())
_COUNT_LEADS: Final = frozenset("""
    about approximately around some nearly almost over than least roughly
    estimated circa""".split())
_COUNT_AFTER: Final = re.compile(r"(?i:\s+(?:people|persons|men|women|children|were|are|have|had"
                                 r"|protesters|demonstrators|troops|soldiers|police|officers)\b)")
_QUOTES: Final = "\"'“”«»‘’„()[]"


def tail_words(text: str, pos: int, limit: int = 0, n: int = 4) -> list[str]:
    """Up to ``n`` words right before ``pos`` (not before ``limit``), quotes and brackets stripped.

    Other punctuation stays attached, so ``killed,`` is not ``killed``.
    """
    lo = pos - 48
    if lo > limit:
        toks = text[lo:pos].split()
        if toks and not text[lo - 1].isspace():
            del toks[0]  # cut mid-word
    else:
        toks = text[limit:pos].split()
    return [w for t in toks[-n - 2:] if (w := t.strip(_QUOTES))][-n:]


def last_char(text: str, pos: int, limit: int = 0) -> str:
    """The last character before ``pos`` (not before ``limit``) that is neither white space
    nor a quote or bracket, or ``""``: where the last of :func:`tail_words` ends, if any."""
    j = pos
    while j > limit and (text[j - 1].isspace() or text[j - 1] in _QUOTES):
        j -= 1
    return text[j - 1] if j > limit else ""


# context after an amount that makes it a duration, a date, a time, an age or a measure
_AFTER_NON_COUNT: Final = re.compile(
    r"(?i:[\s-]*(?:" + _DURATION + r")[\s-]old\b|[\s-]*year-olds?\b"
    r"|[\s-]+(?:" + _DURATION + r")\b"
    r"|\.?,?\s+(?:" + _MONTHS + r")\b"
    r"|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|gmt\b|utc\b|hrs\b|h\b)"
    r"|\s*(?:" + _MEASURES + r")\b"
    r"|\s+(?:blocks?|times|counts? of|rounds|bullets|shell casings|calibers?)\b"
    r"|\s+(?:comments?|replies|responses|likes)\b"  # page furniture: "4 Comments"
    r"|-?(?:st|nd|rd|th)\b|\s*-?(?:caliber|calibre|mm)\b)"
)
_ADDRESS: Final = re.compile(
    r"\s+(?:[NSEW]\.?\s|(?:North|South|East|West)\s)?(?:[A-Z][\w'.-]*\s){1,2}"
    r"(?:St|Street|Ave|Avenue|Rd|Road|Drive|Dr|Blvd|Boulevard|Lane|Ln|Way"
    r"|Court|Ct|Place|Pl|Highway|Hwy)\b")
_AGE_AFTER: Final = re.compile(r"\s*[,)\-–—;]")
_ONE_AFTER: Final = re.compile(r"(?i:\s+(?:of|another|day|time|way|thing|side|hand|more|less)\b)")
_COPULA_AFTER: Final = re.compile(
    r"\s*(?:[,.;)!?]|$|(?i:\s(?:when|at the time|and|at|in|years?)\b))")


def non_count(text: str, a: Amount, left_limit: int = 0) -> str | None:
    """Why the amount ``a`` is not a count about the world, or ``None`` when it may be one.

    ``left_limit`` bounds how far back context is read (the sentence start).
    """
    after = text[a.end:a.end + 60]
    if _AFTER_NON_COUNT.match(after):
        return "duration, date, time, age or measure"
    if a.kind in ("vague", "multiplier"):
        return None
    words = tail_words(text, a.start, left_limit)
    last = words[-1] if words else ""
    low = last.casefold()
    if low.rstrip(".") in MONTH_WORDS or low in _ID_WORDS \
            or (len(last) >= 2 and last.isalpha() and last.isupper()) \
            or (low == "of" and len(words) >= 2 and words[-2].casefold() in ("age", "ages")):
        return "date, identifier or age"
    raw = text[a.start:a.end]
    if low in _FIRED_WORDS:
        return "shots fired"
    if (low in _COPULAS or (low in ("only", "just") and len(words) > 1
                            and words[-2].casefold() in _COPULAS)) \
            and _COPULA_AFTER.match(after) \
            and _TOTAL_WORDS.isdisjoint(w.casefold().strip(",.") for w in words):
        return "age or score"
    if raw == "911":
        return "emergency number"
    if a.kind == "words":
        if low in _THE_WORDS:
            return "definite reference"
        if raw.casefold() == "one" and _ONE_AFTER.match(after):
            return "not a count"
        return None
    if _ADDRESS.match(after):
        return "address"
    if raw.isdigit() and len(raw) == 4 and a.value is not None and 1800 <= a.value <= 2100 \
            and (low in _YEAR_WORDS or not (low in _COUNT_LEADS or _COUNT_AFTER.match(after))):
        return "year"  # "in 2019", "1995 tax filings"; but "about 2000 people", "2000 were"
    if raw.isdigit() and len(raw) <= 3 and _AGE_AFTER.match(after) and (
            (last.endswith(",") and last[:-1].isalpha()) or text[a.start - 1:a.start] == "("):
        return "age"
    return None
