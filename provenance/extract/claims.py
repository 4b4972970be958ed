"""Stage: numeric claims: every count or amount about the world, sentence by sentence.

For each amount :mod:`provenance.extract.numbers` finds in a sentence (dates,
times, ages, durations, years and identifiers set aside) this stage reads:

* the qualifier right before it ("at least", "more than", "between X and Y", ...);
* the counted subject after it (``what``: "members of the security forces"); an
  amount without one that follows "and" takes the previous subject ("26 killed
  and 18 wounded"), otherwise people are meant when an event concerns people;
* the event (:mod:`provenance.extract.events`); an amount with no event of its
  own that is coordinated with the next one shares its predicate ("dozens of
  protesters and 18 policemen were killed");
* the scope: ``place`` ("in Almaty") and ``as_of`` ("as of January 10").

What counts as a claim: an amount tied to an event (killed, arrested, troops,
...); or, for digits, one that counts a plural noun, money or a percentage;
for number words, one that counts people; for a multiplier ("doubling"), a price
or another amount. Vague amounts ("dozens", "several") count only when tied to
an event, so "several official buildings" and "several days" are not claims.
``sources`` is left empty for the chains stage.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from provenance.extract import events
from provenance.extract.build import empty_chain, span_of
from provenance.extract.numbers import (
    Amount,
    TextIndex,
    find_amounts,
    index_text,
    last_char,
    non_count,
    tail_words,
)
from provenance.extract.patterns import trie
from provenance.extract.registry import register
from provenance.extract.segment import doc_sentences
from provenance.extract.triggers import lowered_hits
from provenance.modelkit import built, replaced
from provenance.models import Claim, Event, Extraction, Qualifier, Span

MAX_SENTENCE: Final = 1500  # longer "sentences" (unsegmentable text) are read in pieces this long
MAX_AMOUNTS: Final = 40  # amounts read per sentence: more is a table or garbage, not prose
MAX_CLAIMS: Final = 2000  # claims per document: a guard against pathological input
_RIGHT_REACH: Final = 120

PERSON_EVENTS: Final = frozenset({"killed", "wounded", "injured", "arrested", "detained", "deaths",
                                  "hospitalized"})

_QUALIFIERS: Final[dict[str, Qualifier]] = {
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "a minimum of": "at_least", "not less than": "at_least", "not fewer than": "at_least",
    "more than": "more_than", "over": "more_than", "just over": "more_than",
    "upwards of": "more_than", "in excess of": "more_than", "above": "more_than",
    "well over": "more_than", "over than": "more_than",
    "approximately": "approximately", "about": "approximately", "around": "approximately",
    "some": "approximately", "roughly": "approximately", "nearly": "approximately",
    "almost": "approximately", "an estimated": "approximately", "estimated": "approximately",
    "close to": "approximately", "circa": "approximately", "approx.": "approximately",
    "an approximate": "approximately", "as much as": "up_to", "as many as": "up_to",
    "up to": "up_to", "at most": "up_to", "no more than": "up_to", "not more than": "up_to",
    "a maximum of": "up_to", "fewer than": "fewer_than", "less than": "fewer_than",
    "under": "fewer_than", "below": "fewer_than", "just under": "fewer_than",
}
_QUALIFIER_ENDS: Final = frozenset(q.rpartition(" ")[2] for q in _QUALIFIERS)  # their last words
_QUAL_AFTER: Final = re.compile(r"(?i:\s*(?:\+|or more\b|or so\b|plus\b|(or less|or fewer)\b))")
_CURRENCY_SIGNS: Final = "$€£¥₽₸₴"
_CURRENCY_CODES: Final = frozenset("usd eur gbp rub kzt us$ a$ c$".split())
_CODE_ENDS: Final = frozenset(c[-1] for c in _CURRENCY_CODES)
_BEFORE_AMOUNT: Final = _CURRENCY_SIGNS + " \u00a0"  # what a qualifier may stand before
# Currency words after an amount ("30,000 lari", "one million CFA francs"); "won", "real",
# "rand" and the like are left out where the word is more often something else.
_CURRENCIES: Final = [
    *"""dollar dollars euro euros cent cents pound pounds pence ruble rubles rouble roubles kopeck
    kopecks tenge yuan renminbi yen hryvnia hryvnias hryvnya hryvnyas hryvni franc francs lari
    tetri taka lei leu leva lev rupee rupees rupiah paise naira kobo zloty zlotys zlotych groszy
    forint forints koruna korunas koruny crowns kronor kroner kronur krona krone peso pesos reais
    rands shilling shillings dinar dinars dirham dirhams riyal riyals rial rials lira liras lire
    manat manats dram drams tugrik tugriks togrog togrogs baht dong ringgit kwacha kwachas cedi
    cedis birr pula afghani afghanis soles bolivar bolivars bolivares quetzales quetzal quetzals
    lempira lempiras colones guaranies guarani guaranis rubel kyat kyats riel riels ariary leone
    leones dalasi dalasis rufiyaa ouguiya ouguiyas somoni denar denars
    usd eur gbp rub kzt inr cny jpy chf uah pln ron gel bdt xaf xof ngn""".split(),
    "cfa franc", "cfa francs", "swiss franc", "swiss francs"]
# one word at most fits at a place, so the prefix tree finds what the flat alternation does
_CURRENCY_AFTER: Final = re.compile(r"(?i:[ \u00a0]*(" + trie(_CURRENCIES) + r")\b)")
_PARTITIVE: Final = re.compile(
    r"(?i:\s+of\s+(?:(them|those|whom|these)|the\s+(dead|injured|wounded|killed|victims|missing"
    r"|deceased|detainees|detained|arrested|hostages|casualties))\b)")
# a share of people named before: "four of them were children", "90 of those held",
# not "four of those states"
_PEOPLE_PARTITIVE: Final = re.compile(
    r"(?i:\s+of\s+(?:them|(?:those|these)(?=\s+(?:who\b|[a-z]+ed\b|"
    r"[a-z]+en\b|held\b|hurt\b|shot\b|caught\b))|whom))")
_INJURY_AFTER: Final = re.compile(
    r"(?i:[^,;.]{0,30}?\b(?:injur|wound|burns|critical|serious condition"
    r"|hospital))")
_CROWD_NOUNS: Final = frozenset("crowd audience congregation gathering workforce turnout".split())
_TOLL_REACH: Final = 120
# A toll or "number of <outcome>" whose new value the amount is: "the death toll ... rose to",
# "the number of people killed in the floods has risen to", "the number of dead is between".
_TOLL_BEFORE: Final = re.compile(
    r"(?i:\b(?:toll|number\s+of\s+(?:people\s+|those\s+)?(dead|killed|deaths|fatalities"
    r"|injured|wounded|arrested|arrests|detained|detentions|missing|victims)\b)"
    r"[^.;:!?]{0,90}?\s(?:rose|rises|risen|rising|climbed|climbs|climbing|jumped|jumps"
    r"|increased|increases|reached|reaches|hit|hits|stands|stood|is|was|has|had|now|passed"
    r"|exceeded|topped|grew|grown)(?:\s+(?:to|at|between|by))?\s*$)")
_ELLIPTIC_VERB: Final = re.compile(r"(?i:\s+(?:had|have|has|were|are|was|is|remain|remained|still"
                                   r"|fled|left|lost)\b)")
_AND_BEFORE: Final = re.compile(r"(?i:\band\s*$)")
_PERCENT_AFTER: Final = re.compile(r"(?i:[ \u00a0]*(?:%|percent\b|per cent\b))")
# (the look-ahead for the words' first letters only saves time)
_CLAUSE_BREAK: Final = re.compile(r"[;:(]|\s[–—]\s|(?=[abhmtwABHMTW])\b(?i:(?:" + trie(
    "while but whereas although though however meanwhile".split()) + r")\b)")
_AMOUNT_NOUN: Final = re.compile(r"(?i:\b(?:price|prices|cost|costs|tariffs?|fares?|rates?|wages?"
                                 r"|salar(?:y|ies)|budget|toll|number|numbers|tax|taxes|output"
                                 r"|production|value|spending|sales|imports?|exports?)\b)")
_WORD: Final = re.compile(r"[\s\"'“”«»‘’]*([A-Za-z][\w'’-]*)[\"'“”«»‘’]?")
_QUOTE_MARKS: Final = re.compile(r"[\"“”«»‘’]")
_STOP: Final = frozenset(
    """in on at by during after before from for with to among across near since as into under
    including and or but while who which that whom whose where when were was are is have has had
    been be being will would could should may might must can reportedly also still now more
    than said says say according the a an this these those it they he she we there here
    yesterday today tonight overnight last""".split()
)
_AUX: Final = (
    r"were|was|are|is|have|has|had|been|be|being|said|to|reportedly|reported|believed|thought"
    r"|feared|confirmed|known|all|both|later|also|now|already|since|allegedly|apparently"
    r"|left|found|critically|seriously|badly|slightly|gravely|mortally|lightly|each"
    r"|subsequently|eventually|ultimately|initially|then|in total|so far|more|others?"
    r"|people|persons|of them|of those|among them|among the|still")
_GAP_PUNCT: Final = r"[\s,\"'“”«»‘’]*"
_AUX_GAP: Final = re.compile(
    _GAP_PUNCT
    + r"(?:,[\s\"'“”]*(?i:including|among them|of whom|who|whom)\b[^,;:]{1,60},"
    # ", including X,", ", who survived,"
    + _GAP_PUNCT + r")?"
    # "and a civilian (were killed)"
    + r"(?:(?i:and|or|as well as)(?:\s+[\w'’-]+){1,3}?\s+(?=(?i:" + _AUX + r")\b))?"
    + r"(?:(?i:" + _AUX + r")\b" + _GAP_PUNCT + r")*")
_SINGULAR_AUX: Final = re.compile(r"(?i:\b(?:was|is|has)\b)")
_COORDINATION: Final = re.compile(r"[\s\"'“”«»‘’]*(?:,[\s\"'“”«»‘’]*)?(?:and|or|as well as|plus|,"
                          r"|including|among them)[\s\"'“”«»‘’]*")
_PLACE: Final = re.compile(
    r"\b(?:in|across|near|outside)\s+(?:the\s+(?:city|town|region|province|village|state|"
    r"district|capital)\s+of\s+)?((?:[A-Z][\w'’-]+)(?:[ -](?:[A-Z][\w'’-]+))*)"
)
# a sentence opening on its place: "In neighbouring Moldova, the government said two ..."
_LEAD_PLACE: Final = re.compile(
    r"(?:In|Across|Near|Outside)\s+(?:(?:neighbou?ring|nearby|northern|southern|eastern|"
    r"western|central|the\s+(?:city|town|region|province|village|state|district|capital)"
    r"\s+of)\s+)?((?:[A-Z][\w'’-]+)(?:[ -](?:[A-Z][\w'’-]+))*)(?=[\s,])"
)
# the gap before an amount compared with the one before it ("down from about 14,000")
_COMPARED: Final = re.compile(r"(?:compared (?:with|to)|down from|up from|versus|vs\.?|against)"
                              r"(?:\s+(?:about|around|some|roughly|nearly|almost|just|over|"
                              r"more than|fewer than|less than))?\s*$")
_NOT_PLACES: Final = frozenset(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An""".split()
)
_AS_OF: Final = re.compile(
    r"(?i:\bas (?:of|at)\s+)((?:[A-Z][a-z]+\.?\s+\d{1,2}(?:,?\s+\d{4})?)|(?:\d{1,2}\s+[A-Z][a-z]+"
    r"(?:\s+\d{4})?)|\d{4}-\d{2}-\d{2}|(?i:today|yesterday|tonight|this morning|[a-z]+day"
    r"(?: (?:morning|afternoon|evening|night))?))"
)


class _Found(NamedTuple):
    """An amount read in context, before it becomes a :class:`Claim`."""

    amount: Amount
    qualifier: Qualifier
    what: str | None
    head: str | None
    event: Event | None
    cue: bool  # an event word ties the amount to something that happened
    kept: bool
    left: int  # where the qualifier (or the amount) starts
    np_end: int  # where the counted subject (or the amount) ends
    clause_end: int  # how far the amount's clause reaches


def _is_range(text: str, a: Amount, b: Amount) -> bool:
    """Whether ``a`` and ``b`` are the ends of one range ("10-15", "between 10 and 15")."""
    raw_gap = text[a.end:b.start].rstrip(_CURRENCY_SIGNS + " ")  # "$30,000 to $60,000"
    gap = raw_gap.strip().casefold()
    lead = a.start
    while lead > 0 and a.start - lead < 4 and text[lead - 1] in _CURRENCY_SIGNS + " ":
        lead -= 1
    tail = tail_words(text, lead, max(0, lead - 20), 1)
    word = tail[-1].casefold() if tail else ""
    if word == "from":  # "rose from 10 to 15" is a change, not a range
        return False
    if word == "between":
        return gap in ("and", "-", "–")
    return gap in ("-", "–", "—", "to") and len(raw_gap) <= 5


def _counts(text: str, amounts: list[Amount], s: int) -> list[Amount]:
    """The amounts that may be counts; the far end of a non-count range goes too ("ages 16-19")."""
    out: list[Amount] = []
    prev: Amount | None = None
    for a in amounts:
        reason = non_count(text, a, s)
        if reason is None and not (
                prev is not None and text[prev.end:a.start].strip() in ("and", "to", "-", "–")):
            out.append(a)
        prev = a if reason is not None else None
    return out


def _merge_ranges(text: str, amounts: list[Amount]) -> list[Amount]:
    """``10-15``, ``10 to 15`` and ``between 10 and 15`` as one amount with bounds."""
    if len(amounts) < 2:
        return amounts
    out: list[Amount] = []
    i = 0
    while i < len(amounts):
        a = amounts[i]
        if i + 1 < len(amounts):
            b = amounts[i + 1]
            if a.kind == b.kind and a.kind in ("digits", "words") and a.value is not None \
                    and b.value is not None and a.value < b.value and _is_range(text, a, b):
                out.append(Amount(a.start, b.end, a.kind, None, a.value, b.value))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _noun_phrase(text: str, pos: int, end: int,
                 kind: str) -> tuple[str | None, str | None, int]:
    """The counted subject after an amount, its head word and where it ends.

    ``("members of the security forces", "members", end)``; ``(None, None, pos)`` if none.
    """
    words: list[tuple[int, int]] = []
    head: str | None = None
    p = pos
    m = _WORD.match(text, p, end)  # always the word at ``p``
    if m and m.group(1).casefold() == "more":  # "hundreds more injured"
        p = m.end()
        m = _WORD.match(text, p, end)
    if m and m.group(1).casefold() == "of" and kind in ("vague", "digits", "words"):
        p = m.end()
        m = _WORD.match(text, p, end)
        if m and m.group(1).casefold() == "the":
            p = m.end()
            m = _WORD.match(text, p, end)
    while len(words) < 8 and m:
        w = m.group(1).casefold()
        if w == "of" and words:
            after_of = m.end()
            nxt = _WORD.match(text, after_of, end)
            if nxt and nxt.group(1).casefold() == "the":
                after_of = nxt.end()
                nxt = _WORD.match(text, after_of, end)
            if not nxt or nxt.group(1).casefold() in _STOP or events.is_predicate(nxt.group(1)):
                break
            head = head or text[words[-1][0]:words[-1][1]]
            p, m = after_of, nxt
            continue
        if w in _STOP or events.is_predicate(w) or w.endswith("ly"):
            break
        words.append((m.start(1), m.end(1)))
        p = m.end()
        m = _WORD.match(text, p, end)
        # the head noun, unless a compound goes on ("police officers")
        if _is_plural(w) and (not m or (m.group(1).casefold() != "of"
                                        and not _is_plural(m.group(1)))):
            break
    if not words:
        return None, None, pos
    what = _QUOTE_MARKS.sub("", text[words[0][0]:words[-1][1]]).strip()
    return what, head or text[words[-1][0]:words[-1][1]], words[-1][1]


def _predicate_gap_ok(gap: str, a: Amount) -> bool:
    """Whether only auxiliaries stand between the subject and its predicate, in agreement."""
    if not _AUX_GAP.fullmatch(gap):
        return False
    plural = a.kind == "vague" or a.low is not None or (a.value or 0) > 1
    return not (plural and _SINGULAR_AUX.search(gap))


def _is_plural(head: str) -> bool:
    h = head.casefold()
    return h in events.PERSON_NOUNS or (h.endswith("s") and not h.endswith("ss") and len(h) > 3)


def _read(text: str, a: Amount, s: int, e: int, left_bound: int, right_bound: int) -> _Found:
    """Qualifier, subject and event of the amount ``a`` in the sentence ``[s, e)``."""
    if a.kind == "vague":
        qualifier: Qualifier = "vague"
        left = a.start
    elif a.low is not None:
        qualifier, left = "range", a.start
    else:
        qualifier, left = _qualifier(text, a, e, left_bound)
    reach = min(right_bound, a.end + _RIGHT_REACH)
    brk = _CLAUSE_BREAK.search(text, a.end, reach)
    clause_end = brk.start() if brk else reach
    cm = _CURRENCY_AFTER.match(text, a.end, e)
    percent = _PERCENT_AFTER.match(text, a.end, e) is not None
    if percent or cm or _currency_before(text, a.start, left_bound):
        what = "percent" if percent else (cm.group(1).casefold() if cm else "money")
        return _Found(a, qualifier, what, None, "other", True, True, left, a.end, clause_end)
    partitive = _PARTITIVE.match(text, a.end, clause_end)
    if partitive:  # "three of them", "eight of the dead"
        np_end = partitive.end()
        what = head = partitive.group(1) or partitive.group(2)
    else:
        what, head, np_end = _noun_phrase(text, a.end, clause_end, a.kind)
    outcome = events.outcome_noun(head) if head else None
    event: Event | None = outcome
    if event is None:
        event = events.event_before(tail_words(text, left, left_bound))
    if event is None:
        event = _toll_event(text, left, left_bound)
    if event is None:
        found = events.event_after(text, np_end, clause_end)
        if found and _predicate_gap_ok(text[np_end:found[1]], a) \
                and not (found[0] == "attackers" and text[np_end:found[1]].strip()):
            event = found[0]  # "20,000 bandits attacked", but not "3 were attacked"
    if event is None and partitive and _INJURY_AFTER.match(text, np_end, clause_end):
        event = "injured"  # "four of them with serious injuries", "in critical condition"
    cue = event is not None
    if event is None and what:
        event = events.role_noun(what) or events.role_after(text, np_end, clause_end)
        cue = event is not None
    if event is not None and outcome:
        what = None  # "several deaths": the people are counted, not the deaths
    if a.kind == "multiplier":
        kept = bool(_AMOUNT_NOUN.search(text, max(s, a.start - 60), min(e, a.end + 60)))
        return _Found(a, "exact", _multiplied(text, a, e), None, "other", kept, kept, left,
                      a.end, clause_end)
    people = bool(head and (head.casefold() in events.PERSON_NOUNS or (
        partitive is not None and _PEOPLE_PARTITIVE.match(text, a.end, clause_end))))
    if a.kind == "vague":  # "hundreds of relatives gathered", but not "several officials"
        kept = cue or (people and (a.low or 0) >= 24)
    elif a.kind == "words":
        kept = cue or people
    else:
        kept = cue or people or bool(head and _is_plural(head))
    if not kept and what is None and a.kind in ("digits", "words"):
        crowd = tail_words(text, left, left_bound, 2)
        if len(crowd) == 2 and crowd[1].casefold() == "of" \
                and crowd[0].casefold() in _CROWD_NOUNS:  # "a crowd of about 50,000"
            what, kept = crowd[0].casefold(), True
    return _Found(a, qualifier, what, head, event, cue, kept, left, np_end, clause_end)


def _qualifier(text: str, a: Amount, e: int, left_bound: int) -> tuple[Qualifier, int]:
    """The qualifier of the single amount ``a`` and where it starts ("at least", "or more")."""
    q_end = a.start  # "(about $11,000)", "up to US$ 50 million": read past the currency
    while q_end > left_bound and text[q_end - 1] in _BEFORE_AMOUNT:
        q_end -= 1
    words = [w.casefold() for w in tail_words(text, q_end, left_bound, 4)]
    if words and words[-1] in _CURRENCY_CODES:
        words.pop()
    if words and words[-1] in _QUALIFIER_ENDS:
        words = words[-3:]
        for k in (3, 2, 1):
            phrase = " ".join(words[-k:])
            if len(words) >= k and phrase in _QUALIFIERS:
                found_at = _rfind_word(text, words[-k], max(left_bound, a.start - 60), a.start)
                return _QUALIFIERS[phrase], found_at if found_at >= 0 else a.start
    qa = _QUAL_AFTER.match(text, a.end, e)
    if qa:
        return ("up_to" if qa.group(1) else "at_least"), a.start
    return "exact", a.start


def _toll_event(text: str, left: int, left_bound: int) -> Event | None:
    """The event of a toll the amount is the new value of ("the toll has risen to 41",
    "the number of people killed ... climbs to", "the number of dead is between")."""
    lo = max(left_bound, left - _TOLL_REACH)
    window = text[lo:left].lower()
    if "toll" not in window and "number" not in window:  # what every match holds
        return None
    m = _TOLL_BEFORE.search(text, lo, left)
    if not m:
        return None
    noun = m.group(1)
    if noun is None:
        return "deaths"
    event = events.outcome_noun(noun)
    if event is None:
        after = events.event_after(noun, 0, len(noun))
        event = after[0] if after else None
    return event


def _rfind_word(text: str, word: str, lo: int, hi: int) -> int:
    """Where the last case-insensitive occurrence of ``word`` in ``text[lo:hi]`` starts, or -1."""
    i = text[lo:hi].casefold().rfind(word)
    return lo + i if i >= 0 else -1


def _currency_before(text: str, pos: int, limit: int) -> bool:
    """Whether a currency sign or code stands right before ``pos`` ("$5", "US$ 5", "EUR 5")."""
    j = pos
    while j > limit and text[j - 1] in " \u00a0":
        j -= 1
    if j > limit and text[j - 1] in _CURRENCY_SIGNS:
        return True
    if last_char(text, pos, limit).casefold()[-1:] not in _CODE_ENDS:
        return False  # the word before cannot be a currency code
    words = tail_words(text, pos, limit, 1)
    return bool(words) and words[-1].casefold() in _CURRENCY_CODES


_MULTIPLIED: Final = re.compile(
    r"\s+of\s+(?:the\s+)?([\w\s'-]{1,60}?)(?=[,.;]|\s+(?:in|for|and|after"
    r"|took)\b)")


def _multiplied(text: str, a: Amount, e: int) -> str | None:
    m = _MULTIPLIED.match(text[a.end:min(e, a.end + 80)] + ".")
    return m.group(1).strip() if m else None


def _place(text: str, a: Amount, clause_end: int, sentence_start: int) -> str | None:
    """The place a count is scoped to: named in its clause ("were arrested in Almaty"),
    else where its sentence opens ("In neighbouring Moldova, two people were killed")."""
    for m in _PLACE.finditer(text, a.end, min(clause_end, a.end + 150)):
        name = m.group(1)
        if name.split()[0] not in _NOT_PLACES:
            return name
    lead = _LEAD_PLACE.match(text, sentence_start, a.start)
    if lead and lead.group(1).split()[0] not in _NOT_PLACES:
        return _before_possessive(lead.group(1))
    return None


def _before_possessive(name: str) -> str:
    """A place name up to a possessive ("Nevada's Republican caucuses" → "Nevada")."""
    words: list[str] = []
    for w in name.split():
        if w.endswith(("'s", "’s")):
            words.append(w[:-2])
            break
        words.append(w)
    return " ".join(words)


def _as_of(text: str, s: int, e: int) -> str | None:
    """The date a sentence's counts are given as of ("as of January 10"), if any."""
    low = text[s:e].casefold()
    if "as of" not in low and "as at" not in low:
        return None
    m = _AS_OF.search(text, s, e)
    return m.group(1) if m else None


def _chunks(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """``[s, e)``, cut at white space into pieces of at most ``MAX_SENTENCE`` characters."""
    out: list[tuple[int, int]] = []
    while e - s > MAX_SENTENCE:
        cut = max(text.rfind(" ", s, s + MAX_SENTENCE), text.rfind("\n", s, s + MAX_SENTENCE))
        if cut <= s:
            cut = s + MAX_SENTENCE
        out.append((s, cut))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if e > s:
        out.append((s, e))
    return out


def sentence_claims(text: str, s: int, e: int, index: TextIndex | None = None) -> list[Claim]:
    """The claims in the sentence ``text[s:e]`` (an overlong one is read in pieces).

    ``index`` is :func:`~provenance.extract.numbers.index_text` of ``text``, shared
    by the sentences of one document.
    """
    if e - s > MAX_SENTENCE:
        return [c for cs, ce in _chunks(text, s, e) for c in sentence_claims(text, cs, ce, index)]
    amounts = _counts(text, find_amounts(text, s, e, MAX_AMOUNTS, index)[:MAX_AMOUNTS], s)
    if not amounts:
        return []
    amounts = _merge_ranges(text, amounts)
    found: list[_Found] = []
    for i, a in enumerate(amounts):
        left_bound = amounts[i - 1].end if i else s
        right_bound = amounts[i + 1].start if i + 1 < len(amounts) else e
        found.append(_read(text, a, s, e, left_bound, right_bound))
    # coordination: "dozens of protesters and at least 18 policemen were killed"
    for i in range(len(found) - 2, -1, -1):
        f, nxt = found[i], found[i + 1]
        if f.cue or not nxt.cue or f.amount.kind == "multiplier" or nxt.event is None:
            continue
        if _COORDINATION.fullmatch(text, f.np_end, nxt.left):
            found[i] = f._replace(event=nxt.event, cue=True, kept=True)
    # a subset: "killed 30 people, including 12 children"; "21 were injured, two of them"
    for i in range(1, len(found)):
        f, prv = found[i], found[i - 1]
        if f.cue or f.amount.kind == "multiplier":
            continue
        if prv.cue and prv.event in PERSON_EVENTS:
            tail = tail_words(text, f.left, prv.amount.end, 2)
            if tail and tail[-1].casefold() in ("including", "among", "of"):
                found[i] = f._replace(event=prv.event, cue=True, kept=True)
                continue
        if prv.kept and _PARTITIVE.match(text, f.amount.end, f.clause_end):
            found[i] = f._replace(event=prv.event, cue=prv.cue, kept=True)
        elif prv.kept and not f.kept and f.head is None and prv.what \
                and _ELLIPTIC_VERB.match(text, f.amount.end, f.clause_end) \
                and _AND_BEFORE.search(text, prv.np_end, f.left):
            # "14 people died and more than 3.400 had to leave": the subject is shared
            found[i] = f._replace(what=prv.what, event="other", kept=True)
        elif prv.kept and not f.kept and f.head is None and prv.amount.kind != "multiplier" \
                and _COMPARED.search(text, prv.amount.end, f.amount.start) \
                and not _CLAUSE_BREAK.search(text, prv.amount.end, f.left):
            # "412 deaths ..., compared with 268 in 2025": the same count at another time
            found[i] = f._replace(what=prv.what, head=prv.head, event=prv.event, cue=prv.cue,
                               kept=True)
    out: list[Claim] = []
    prev: tuple[int, str | None] | None = None  # the last kept amount's end and subject
    sentence: Span | None = None
    as_of: str | None = None
    for f in found:
        if not f.kept:
            prev = None
            continue
        a = f.amount
        what = f.what
        if what is None and f.head is None and prev is not None and prev[1] \
                and f.event in PERSON_EVENTS:
            gap = text[prev[0]:f.left].rstrip()
            if (gap.endswith(" and") or gap.endswith("\u00a0and")) and "," not in gap \
                    and len(gap) < _RIGHT_REACH and not _CLAUSE_BREAK.search(gap):
                what = prev[1]
        if what is None and f.event in PERSON_EVENTS:
            what = "people"
        if sentence is None:
            sentence = span_of(text, s, e)
            as_of = _as_of(text, s, e)
        out.append(built(Claim, {
            "sentence": sentence, "figure": span_of(text, a.start, a.end),
            "value": a.value, "low": a.low, "high": a.high, "qualifier": f.qualifier,
            "what": what, "event": f.event or "other",
            "place": _place(text, a, f.clause_end, s), "as_of": as_of,
            "sources": empty_chain()}))
        prev = (a.end, what)
    return out


@register("claims", "claims.rules.v1")
def run(ex: Extraction) -> Extraction:
    """Fill ``ex.claims`` with every numeric claim in the document's content."""
    text = ex.document.text
    claims: list[Claim] = []
    index = index_text(text, lowered_hits(text))
    spans = doc_sentences(ex.document)
    ranges = index.holding_amounts(spans) if index is not None else [(s, e) for _, s, e in spans]
    for s, e in ranges:
        claims += sentence_claims(text, s, e, index)
        if len(claims) >= MAX_CLAIMS:
            del claims[MAX_CLAIMS:]
            break
    return replaced(ex, claims=claims)
