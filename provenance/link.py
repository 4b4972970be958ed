"""Cross-article links between statements: same quote, same figure, conflicts, updates.

Candidates are blocked by indexed keys, never all pairs, and capped per
statement: claims by event kind, subject class and scope in articles sharing
story terms; quotes by the speaker's surname and by signature keys (pairs of
their longest words). Candidates arrive as light rows; cheap prefilters
(speaker, numbers, shared words) run before rapidfuzz. Figures become intervals
``[low, high]`` from value and qualifier;
two figures for the same event, compatible subject and the same scope whose
intervals cannot both hold conflict, unless the later, larger one comes from
the same origin (then it *updates* the earlier toll).

Every match is found, but the links *written* per new statement are capped
(:func:`bounded_links`), or a statement repeated by N articles would cost N²/2
links: same-as goes to each matched cluster's representative (its earliest stored
member) and the :data:`MAX_RECENT_SAME_AS` best, most recent matches;
conflicts-with and updates go to one figure per matched cluster. Copies of a
statement are therefore connected, not pairwise linked: queries walk same-as
components (:func:`provenance.query.same_as_closure`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import combinations

from rapidfuzz import fuzz

from provenance.entities import canonical, normalise, same_entity
from provenance.extract.chains import YEAR_SETTING, countries_named, main_country
from provenance.models import Chain, Claim, Document, Extraction, Quote
from provenance.serialize import claim_record, quote_record
from provenance.store.base import (
    Hop,
    LinkRecord,
    NewStatement,
    QuoteRow,
    StatementRecord,
    Store,
)

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be been before being
but by can could did do does doing down during each few for from further had has have having
he her here hers him his how i if in into is it its itself just me more most my no nor not now
of off on once only or other our out over own same she should so some such than that the their
them then there these they this those through to too under until up very was we were what when
where which while who whom why will with would you your said says say told according
""".split())

TERM_STOP = frozenset("""
one two three four five six seven eight nine ten north south east west new man woman
officers officer department county city state sheriff office home national local world
anyone everyone someone nobody street avenue road drive park
the a an in on at of and but for he she it they we i this that these those there his her its
their our after before during while when as if according police president government minister
ministry monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december mr mrs ms dr read more share comments
news agency reuters afp ap tass
""".split())

EVENT_KEYS: dict[str, str] = {
    "killed": "killed", "deaths": "killed", "wounded": "wounded", "injured": "wounded",
    "hospitalized": "wounded", "arrested": "arrested", "detained": "arrested",
    "attackers": "attackers", "troops": "troops",
}

SUBJECT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("security", re.compile(r"\b(?:polic|security|officer|law[- ]enforcement|soldier|troop|"
                            r"servicem[ae]n|military|guards?\b|cops?\b|gendarm)", re.I)),
    ("hostile", re.compile(r"\b(?:protest|demonstrat|riot|attack|criminal|bandit|militant|terror|"
                           r"extremis|rebel|insurg|gunm[ae]n|loot|assailant|shooter)", re.I)),
    ("civilians", re.compile(r"\b(?:civilian|resident|bystander|child|student|passer)", re.I)),
    ("all", re.compile(r"\b(?:people|persons?\b|individuals|victims|dead\b|total|deaths)", re.I)),
)
_AGENT_PHRASE = re.compile(r"\b(?:by|from)\b.*$", re.I)
_PART_OF = re.compile(r"\s+of\s+(?:the|them|those|these|whom)\b", re.I)
_PLACE_IN = re.compile(r"\b(?:in|near|across)\s+((?:[A-Z][\w'-]+\s?)+)")
_NON_WORD = re.compile(r"[\W_]+")
_NUMBER = re.compile(r"\d[\d,.]*")
_CAP = re.compile(r"\b[A-Z][\w'’-]{2,}")
_POSSESSIVE = re.compile(r"['’]s$")

SAME_SPEAKER_RATIO = 78.0
ANY_SPEAKER_RATIO = 92.0
MAX_UPDATE_GAP_DAYS = 60
MAX_STORY_GAP_DAYS = 31
STORY_SHARED = 2  # topic terms two articles must share to be one story
STORY_MIN_DF = 10
STORY_MAX_SHARE = 0.02  # terms in more of the corpus than this are too common to block on
STORY_MAX_DF = 500  # ... and in more articles than this, whatever the corpus size
MAX_CLAIM_CANDIDATES = 300  # per (event, subject, scope) of an article, newest first
MAX_SPEAKER_CANDIDATES = 60  # quotes per speaker key, newest first
MAX_KEY_CANDIDATES = 20  # quotes per signature key, newest first
SIGNATURE_WORDS = 4  # longest words of a quote whose pairs are its signature keys
MAX_OWN_FIGURES = 50  # figures per (event, subject, scope) of one article compared together
MAX_RECENT_SAME_AS = 3
"""same-as links a new statement gets besides one per matched cluster's representative.

A quote repeated by N articles would otherwise be linked to every earlier copy:
N²/2 links, the bulk of the linking time on a large corpus. With the representative
(the cluster's earliest member: who said it first) and a few best, most recent
copies, links grow linearly with copies, components stay connected, and losing one
copy (a re-extracted article) does not split a cluster.
"""


# -- keys ---------------------------------------------------------------------------


def event_key(event: str | None) -> str | None:
    """The event kind a figure is compared within (deaths ~ killed, injured ~ wounded)."""
    return EVENT_KEYS.get(event or "")


def subject_class(what: str | None) -> str | None:
    """security, hostile, civilians or all: what a figure counts (agents after "by" dropped)."""
    if not what:
        return None
    head = _AGENT_PHRASE.sub("", what)
    for name, pattern in SUBJECT_PATTERNS:
        if pattern.search(head):
            return name
    return None


def scope_of(place: str | None, what: str | None, home: str | None = None,
             part: bool = False) -> str | None:
    """Where a figure applies (``None``: the whole story, no narrower place given).

    A place that is only the article's own country (``home``: "40 died in Romania" in a
    story about Romania) narrows nothing; a partitive (``part``: "eight of the dead")
    counts a share of a total, so it is compared only with other shares.
    """
    m = None if place else _PLACE_IN.search(what or "")
    where = place or (m.group(1).strip() if m else None)
    scope = normalise(canonical(where)) or None if where else None
    if scope and home and countries_named(where or "") == [home]:
        scope = None
    return f"part of {scope or 'all'}" if part else scope


def time_scope(c: Claim, year: str | None) -> str | None:
    """"in 1987" when the claim's sentence sets it in another year than the article's
    ("In 1987 the ferry ... sank, killing more than 4,000"), else None."""
    m = YEAR_SETTING.search(c.sentence.text)
    if m is None or m[2] == year:
        return None
    return f"{m[1].casefold()} {m[2]}"


def is_partitive(c: Claim) -> bool:
    """Whether the figure counts part of a group named after it ("eight of the dead")."""
    at = c.figure.end - c.sentence.start
    return _PART_OF.match(c.sentence.text, at) is not None


def fold(text: str) -> str:
    """Case-, accent- and punctuation-folded text (fast path for ASCII)."""
    if text.isascii():
        return " ".join(_NON_WORD.sub(" ", text.casefold()).split())
    return normalise(text)


def content_words(text: str) -> list[str]:
    """Case-folded words that are not stop words or single letters."""
    return [w for w in fold(text).split() if w not in STOPWORDS and len(w) > 1]


def rare_words(text: str, n: int = 6) -> list[str]:
    """The longest distinct content words, a cheap stand-in for the rarest."""
    words = sorted(set(content_words(text)), key=lambda w: (-len(w), w))
    return [w for w in words if not w.isdigit()][:n]


def numbers(text: str) -> set[str]:
    """The digit strings of ``text`` without separators."""
    return {re.sub(r"[,.]", "", m) for m in _NUMBER.findall(text)}


def topic_terms(doc: Document, n: int = 8) -> list[str]:
    """The article's most frequent names: capitalised words inside sentences (sentence
    openers do not count), which block figures by story."""
    parts = [doc.text[s:e] for s, e in doc.content_regions()]
    text = (doc.title or "") + "\n" + "\n".join(parts)[:6000]
    counts: Counter[str] = Counter()
    for m in _CAP.finditer(text):
        before = text[:m.start()].rstrip(" \t\"“‘'(")
        if not before or before[-1] in ".!?:\n":
            continue
        word = normalise(_POSSESSIVE.sub("", m.group()))
        if word and word not in TERM_STOP and not word.isdigit():
            counts[word] += 1
    return [w for w, _ in counts.most_common(n)]


def story_terms(store: Store, terms: list[str]) -> tuple[list[str], int]:
    """The terms rare enough in the corpus to identify a story, and how many must be shared."""
    n_articles = max(1, store.article_count())
    cap = min(max(STORY_MIN_DF, STORY_MAX_SHARE * n_articles), STORY_MAX_DF)
    counts = store.term_counts(terms)
    keep = [t for t in terms if counts.get(t, 0) <= cap]
    return keep, min(STORY_SHARED, len(keep))


# -- statements from an extraction --------------------------------------------------


def _hops(chain: Chain) -> list[list[Hop]]:
    return [[Hop(canonical(s.name), s.kind) for s in hop] for hop in chain.hops if hop]


def _origin(hops: list[list[Hop]]) -> str | None:
    if not hops or all(h.kind == "outlet" for h in hops[0]):
        return None
    return " / ".join(h.name for h in hops[0])


def quote_keys(text: str, speaker_key: str | None) -> list[str]:
    """Blocking keys of a quote: ``s:`` the speaker's surname, and ``p:`` each pair of its
    longest words (a near-identical quote shares at least one pair)."""
    keys = [f"s:{speaker_key.split()[-1]}"] if speaker_key and speaker_key.split() else []
    if len(content_words(text)) >= 4:
        words = sorted(rare_words(text, SIGNATURE_WORDS))
        keys += [f"p:{a} {b}" for a, b in combinations(words, 2)]
    return keys


def statement_keys(kind: str, text: str, speaker_key: str | None, *_: object) -> list[str]:
    """The blocking keys stored for a statement (claims block on columns and story terms)."""
    return quote_keys(text, speaker_key) if kind == "quote" else []


def quote_statement(q: Quote) -> NewStatement:
    """A quote as a statement row."""
    origin = canonical(q.speaker) if q.speaker else None
    key = normalise(origin) if origin else None
    return NewStatement(
        kind="quote", text=q.span.text, start=q.span.start, end=q.span.end, hops=_hops(q.sources),
        speaker=q.speaker, speaker_role=q.speaker_role, origin=origin,
        speaker_key=key, record=quote_record(q), keys=quote_keys(q.span.text, key))


def claim_statement(c: Claim, home: str | None = None, year: str | None = None
                    ) -> NewStatement:
    """A claim as a statement row, with its blocking keys; ``home`` is the article's
    main country (see :func:`scope_of`) and ``year`` its year of publication."""
    hops = _hops(c.sources)
    origin = _origin(hops)
    scope = scope_of(c.place, c.what, home, is_partitive(c))
    when = time_scope(c, year)
    if when:
        scope = f"{scope or 'all'} {when}"
    return NewStatement(
        kind="claim", text=c.sentence.text, start=c.figure.start, end=c.figure.end, hops=hops,
        speaker=origin, origin=origin, speaker_key=normalise(origin) if origin else None,
        figure=c.figure.text, value=c.value, low=c.low, high=c.high, qualifier=c.qualifier,
        what=c.what, event=c.event, event_key=event_key(c.event), subject=subject_class(c.what),
        scope=scope, place=c.place, as_of=c.as_of,
        record=claim_record(c))


def statements_of(ex: Extraction) -> list[NewStatement]:
    """Every quote and claim of an extraction as statement rows."""
    home = main_country(ex.document) if ex.claims else None
    year = ex.document.published[:4] if ex.document.published else None
    return [quote_statement(q) for q in ex.quotes] + [claim_statement(c, home, year)
                                                      for c in ex.claims]


# -- figures --------------------------------------------------------------------------


@dataclass(frozen=True)
class Interval:
    """The values a figure allows; open ends exclude their bound."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def overlaps(self, other: Interval) -> bool:
        """Whether some value satisfies both."""
        lo, hi = max(self.low, other.low), min(self.high, other.high)
        if lo != hi:
            return lo < hi
        return not any((iv.low == lo and iv.low_open) or (iv.high == hi and iv.high_open)
                       for iv in (self, other))

    def show(self) -> list[float | None]:
        """``[low, high]`` for output (whole numbers as ints), ``None`` for an open top."""
        return [_num(self.low), None if math.isinf(self.high) else _num(self.high)]


def _num(v: float) -> float:
    return int(v) if float(v).is_integer() else round(v, 3)


def interval(qualifier: str | None, value: float | None, low: float | None = None,
             high: float | None = None) -> Interval | None:
    """The interval a figure claims, or ``None`` when it gives no number."""
    inf = math.inf
    if qualifier in ("range", "vague") or value is None:
        if low is None and high is None:
            if value is None:
                return None
            return Interval(value, value)
        return Interval(low if low is not None else 0.0, high if high is not None else inf)
    if qualifier == "at_least":
        return Interval(value, inf)
    if qualifier == "more_than":
        return Interval(value, inf, low_open=True)
    if qualifier == "approximately":
        return Interval(value * 0.9, value * 1.1)
    if qualifier == "up_to":
        return Interval(0.0, value)
    if qualifier == "fewer_than":
        return Interval(0.0, value, high_open=True)
    return Interval(value, value)


def claim_interval(st: StatementRecord | NewStatement) -> Interval | None:
    """The interval of a stored claim."""
    return interval(st.qualifier, st.value, st.low, st.high)


def claim_date(st: StatementRecord) -> str | None:
    """When a figure was given: its as-of date, else its article's publication date."""
    d = st.as_of or (st.article.published if st.article else None)
    return d if d and _parse_date(d) else None


def _parse_date(d: str) -> date | None:
    try:
        return date.fromisoformat(d[:10])
    except ValueError:
        return None


def comparable(a: StatementRecord, b: StatementRecord) -> bool:
    """Same event kind, compatible subject class and the same scope."""
    return (a.event_key is not None and a.event_key == b.event_key
            and a.subject is not None and a.subject == b.subject and a.scope == b.scope)


def same_origin(a: StatementRecord, b: StatementRecord) -> bool:
    """Whether both figures trace back to the same identified origin."""
    return a.origin is not None and same_entity(a.origin, b.origin)


def compare_claims(a: StatementRecord, b: StatementRecord) -> LinkRecord | None:
    """same-as, conflicts-with or updates between two claims, or ``None``."""
    if not comparable(a, b):
        return None
    ia, ib = claim_interval(a), claim_interval(b)
    if ia is None or ib is None:
        return None
    detail = {"event": a.event_key, "subject": a.subject, "scope": a.scope,
              "a": {"interval": ia.show(), "date": claim_date(a)},
              "b": {"interval": ib.show(), "date": claim_date(b)}}
    if ia.overlaps(ib):
        if ia == ib and a.qualifier == b.qualifier == "vague" and not same_origin(a, b):
            return None  # "dozens" and "dozens" from different origins: not one figure
        if ia == ib:
            lo, hi = sorted((a.id, b.id))
            return LinkRecord("same-as", lo, hi, 1.0, detail)
        return None
    da, db = _parse_date(claim_date(a) or ""), _parse_date(claim_date(b) or "")
    if same_origin(a, b) and da and db and da != db and abs((db - da).days) <= MAX_UPDATE_GAP_DAYS:
        early, late = (a, b) if da < db else (b, a)
        ie, il = (ia, ib) if early is a else (ib, ia)
        if il.low >= ie.high:
            detail["a"], detail["b"] = ((detail["a"], detail["b"]) if early is a
                                        else (detail["b"], detail["a"]))
            return LinkRecord("updates", early.id, late.id, 1.0, detail)
    lo, hi = sorted((a.id, b.id))
    if lo != a.id:
        detail["a"], detail["b"] = detail["b"], detail["a"]
    return LinkRecord("conflicts-with", lo, hi, 1.0, detail)


# -- quotes ---------------------------------------------------------------------------


@dataclass(frozen=True)
class QuoteText:
    """What scoring needs of a quote's text, computed once."""

    folded: str
    words: frozenset[str]
    n_words: int
    numbers: frozenset[str]


def quote_text(text: str) -> QuoteText:
    """Fold ``text`` once for :func:`quote_similarity` and :func:`compare_quotes`."""
    folded = fold(text)
    words = [w for w in folded.split() if w not in STOPWORDS and len(w) > 1]
    return QuoteText(folded, frozenset(words), len(words), frozenset(numbers(text)))


_quote_text_cached = lru_cache(maxsize=32768)(quote_text)  # candidates recur across quotes


def _similarity(a: QuoteText, b: QuoteText, cutoff: float = 0.0) -> float:
    """The score of :func:`quote_similarity`; below ``cutoff`` any lower value may come back
    (rapidfuzz then stops early)."""
    na, nb = a.folded, b.folded
    if not na or not nb:
        return 0.0
    if na == nb:
        return 100.0
    if a.numbers and b.numbers and a.numbers != b.numbers:
        return 0.0
    wa, wb = a.words, b.words
    best = 100.0 * len(wa & wb) / min(len(wa), len(wb)) * 0.9 if wa and wb else 0.0
    short, long_ = sorted((na, nb), key=len)
    best = max(best, fuzz.token_set_ratio(na, nb, score_cutoff=max(cutoff, best)))
    best = max(best, fuzz.token_sort_ratio(na, nb, score_cutoff=max(cutoff, best)))
    if len(short.split()) >= 6:
        best = max(best, fuzz.partial_ratio(short, long_, score_cutoff=max(cutoff, best)))
    return float(best)


def quote_similarity(a: str, b: str) -> float:
    """0–100: how likely two quotes are one statement in different wording or translation."""
    return _similarity(quote_text(a), quote_text(b))


@lru_cache(maxsize=65536)
def same_speaker(a: str, b: str) -> bool:
    """Same entity, or one name is the other's surname / a subset of its words."""
    if same_entity(a, b):
        return True
    ta, tb = normalise(canonical(a)).split(), normalise(canonical(b)).split()
    short, long_ = sorted((ta, tb), key=len)
    return bool(short) and short[-1] == long_[-1] and set(short) <= set(long_)


def compare_quotes(a: StatementRecord | QuoteRow, b: StatementRecord | QuoteRow,
                   ta: QuoteText | None = None,
                   tb: QuoteText | None = None, prefilter: bool = False) -> LinkRecord | None:
    """A same-as link when two quotes are the same statement, else ``None``.

    ``ta``/``tb`` are the texts folded in advance; ``prefilter`` skips rapidfuzz for
    pairs with differing numbers or no shared content word (candidate screening).
    """
    if a.speaker_key and b.speaker_key and not same_speaker(a.speaker_key, b.speaker_key):
        return None
    ta = ta or quote_text(a.text)
    tb = tb or quote_text(b.text)
    known = bool(a.speaker_key and b.speaker_key)
    if min(ta.n_words, tb.n_words) < 4:
        ok = known and normalise(a.text) == normalise(b.text)
        score = 100.0 if ok else 0.0
    else:
        need = SAME_SPEAKER_RATIO if known else ANY_SPEAKER_RATIO
        if prefilter and ta.folded != tb.folded and (
                (ta.numbers and tb.numbers and ta.numbers != tb.numbers)
                or 4 * len(ta.words & tb.words) < min(len(ta.words), len(tb.words))):
            return None  # screening: a quarter of the content words at least in common
        score = _similarity(ta, tb, need if prefilter else 0.0)
        ok = score >= need
    if not ok:
        return None
    return _same_quote_link(a, b, round(score, 1))


def _same_quote_link(a: StatementRecord | QuoteRow, b: StatementRecord | QuoteRow,
                     score: float) -> LinkRecord:
    lo, hi = sorted((a.id, b.id))
    return LinkRecord("same-as", lo, hi, score, {"speaker": a.origin or b.origin})


# -- linking a new article ------------------------------------------------------------


def link_statements(store: Store, statements: list[StatementRecord],
                    terms: list[str]) -> list[LinkRecord]:
    """Links from freshly stored statements to blocked, capped candidates in other articles.

    Every match is found, but the links written per statement are bounded
    (:func:`bounded_links`): copies of one statement are linked to their cluster's
    representative and a few recent copies, not to every copy.
    """
    links: list[LinkRecord] = []
    by_key: dict[tuple[str, str, str | None], list[StatementRecord]] = {}
    own: dict[tuple[str, str, str | None], list[StatementRecord]] = {}  # this article's
    story: tuple[list[str], int] | None = None
    for st in statements:
        if st.article is None:
            continue
        matches: list[LinkRecord] = []
        if st.kind == "claim" and st.event_key and st.subject:
            if story is None:
                story = story_terms(store, terms)
            key = (st.event_key, st.subject, st.scope)
            if key not in by_key:
                by_key[key] = [
                    c for c in store.claim_candidates(
                        st.event_key, story[0], st.article.id, min_shared=story[1],
                        limit=MAX_CLAIM_CANDIDATES, subject=st.subject, scope=st.scope)
                    if _near_in_time(c, st)]
            for cand in by_key[key]:
                lk = compare_claims(cand, st)
                if lk:
                    matches.append(lk)
            links += _disagreements_within(own.setdefault(key, []), st)
        elif st.kind == "quote":
            keys = st.keys or quote_keys(st.text, st.speaker_key)
            cands = store.quote_candidates([k for k in keys if k.startswith("s:")],
                                           st.article.id, MAX_SPEAKER_CANDIDATES)
            seen = {c.id for c in cands}
            cands += [c for c in store.quote_candidates(
                [k for k in keys if not k.startswith("s:")], st.article.id, MAX_KEY_CANDIDATES)
                if c.id not in seen]
            mine = quote_text(st.text)
            # copies of one quote (wire copy) are scored once: same text, same speaker key
            scored: dict[tuple[str, str | None], LinkRecord | None] = {}
            for row in cands:
                if (row.speaker_key and st.speaker_key
                        and not same_speaker(row.speaker_key, st.speaker_key)):
                    continue
                copy = (row.text, row.speaker_key)
                if copy in scored:
                    lk = _same_score(scored[copy], row, st)
                else:
                    lk = scored[copy] = compare_quotes(
                        row, st, ta=_quote_text_cached(row.text), tb=mine, prefilter=True)
                if lk:
                    matches.append(lk)
        links += bounded_links(store, st, matches)
    return links


def _disagreements_within(earlier: list[StatementRecord],
                          st: StatementRecord) -> list[LinkRecord]:
    """Conflicts between ``st`` and the article's own earlier figures for the same event,
    subject and scope, when two different named origins give them ("the coast guard
    said 27 ... the provincial office gave a toll of 38"). One source's own figures in
    one article are left alone: an article often tells how a toll grew."""
    out: list[LinkRecord] = []
    if st.origin is not None and len(earlier) < MAX_OWN_FIGURES:
        for e in earlier:
            if e.origin is not None and not same_entity(e.origin, st.origin):
                lk = compare_claims(e, st)
                if lk is not None and lk.kind == "conflicts-with":
                    out.append(lk)
    earlier.append(st)
    return out


def _same_score(scored: LinkRecord | None, row: QuoteRow,
                st: StatementRecord) -> LinkRecord | None:
    """The link :func:`compare_quotes` gives ``row``, a copy of a quote it already scored."""
    return None if scored is None else _same_quote_link(row, st, scored.score)


def _other(lk: LinkRecord, st: StatementRecord) -> int:
    """The end of a link of ``st`` that is not ``st``."""
    return lk.b if lk.a == st.id else lk.a


def bounded_links(store: Store, st: StatementRecord,
                  matches: list[LinkRecord]) -> list[LinkRecord]:
    """The links to write for the new statement ``st`` out of all its ``matches``.

    same-as: one link to the representative of each matched cluster (its earliest
    stored member, :meth:`Store.same_as_roots`; when the representative itself no
    longer matches, the cluster's earliest match instead) plus the
    :data:`MAX_RECENT_SAME_AS` best, most recent matches. conflicts-with and updates:
    one link per kind and matched cluster (its earliest match). Connected components of
    same-as edges are the ones linking every match would give, since each matched
    cluster gets a link; with few matches everything is linked, as before.
    """
    same = [lk for lk in matches if lk.kind == "same-as"]
    other = [lk for lk in matches if lk.kind != "same-as"]
    if len(same) <= MAX_RECENT_SAME_AS + 1 and len(other) <= 1:
        return matches
    roots = store.same_as_roots([_other(lk, st) for lk in matches])
    out: list[LinkRecord] = []
    if len(same) > MAX_RECENT_SAME_AS + 1:
        out += _same_as_capped(store, st, same, roots)
    else:
        out += same
    if len(other) > 1:
        first: dict[tuple[str, int], LinkRecord] = {}
        for lk in other:
            cid = _other(lk, st)
            group = (lk.kind, roots.get(cid, cid))
            if group not in first or cid < _other(first[group], st):
                first[group] = lk
        out += first.values()
    else:
        out += other
    return out


def _same_as_capped(store: Store, st: StatementRecord, same: list[LinkRecord],
                    roots: dict[int, int]) -> list[LinkRecord]:
    """Representatives of the matched clusters, then the best, most recent matches."""
    by_id = {_other(lk, st): lk for lk in same}
    earliest: dict[int, int] = {}  # root -> its cluster's earliest match
    for cid in sorted(by_id):
        earliest.setdefault(roots.get(cid, cid), cid)
    missing = [r for r in earliest if r not in by_id]
    fetched = {r.id: r for r in store.statements(missing)} if missing else {}
    keep: dict[int, LinkRecord] = {}
    for root, cid in earliest.items():
        lk = by_id.get(root) or _root_link(fetched.get(root), st, same[0])
        keep[root if lk else cid] = lk or by_id[cid]
    for lk in sorted(same, key=lambda x: (-x.score, -_other(x, st)))[:MAX_RECENT_SAME_AS]:
        keep.setdefault(_other(lk, st), lk)
    return list(keep.values())


def _root_link(root: StatementRecord | None, st: StatementRecord,
               like: LinkRecord) -> LinkRecord | None:
    """A same-as link between ``st`` and a representative outside its candidates, when
    they still match directly (paraphrases drift; a far date is not one event)."""
    if root is None or root.article is None or not root.article.current:
        return None
    if st.kind == "quote":
        lk = compare_quotes(root, st, prefilter=True)
    else:
        lk = compare_claims(root, st) if _near_in_time(root, st) else None
    return lk if lk is not None and lk.kind == like.kind else None


def _near_in_time(a: StatementRecord, b: StatementRecord) -> bool:
    """False only when both articles are dated and far apart (then not one event)."""
    da = _parse_date(a.article.published or "") if a.article else None
    db = _parse_date(b.article.published or "") if b.article else None
    return da is None or db is None or abs((da - db).days) <= MAX_STORY_GAP_DAYS
