"""Stage: article metadata (outlet, published date, title) read from the text itself.

Values from a header block (set by the ingest stage) are kept; this stage fills
what is missing from the page: a date bar or dateline near the top ("date
2024-11-22", "Friday, 22 November 2024, 10:20", "10.01.2022, Moscow"), a title
suffix naming the outlet ("... – TVNOVINY.sk") and a closing credit line
("Source: Rossa Primavera News Agency"). A date without a year is not a date:
undated articles stay undated.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from provenance.entities import known_kind
from provenance.extract.attribution import Context, classify, tokenize
from provenance.extract.registry import register
from provenance.extract.segment import paragraphs_of
from provenance.extract.sources_lexicon import MONTHS, WEEKDAYS
from provenance.modelkit import replaced
from provenance.models import Document, Extraction

_MONTH: Final = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                 r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_ISO: Final = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_YMD_SLASH: Final = re.compile(r"(?<!\d)(\d{4})/(\d{1,2})/(\d{1,2})(?!\d)")
# (patterns opening on a character class, or on a look-ahead for one, are scanned faster)
_DMY_NAMED: Final = re.compile(r"(\d(?<!\d\d)\d?)(?:st|nd|rd|th)?\.?[ \t]+" + _MONTH
                               + r"\.?,?[ \t]+(\d{4})(?!\d)", re.I)
_MDY_NAMED: Final = re.compile(r"(?=[adfjmnos])\b" + _MONTH
                               + r"\.?[ \t]+(\d{1,2})(?:st|nd|rd|th)?,?[ \t]+(\d{4})(?!\d)", re.I)
_DMY_DOTS: Final = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")
_SLASHED: Final = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
# every date pattern above needs a year: four digits, no digit either side, 1900-2100
_FOUR_DIGITS: Final = re.compile(r"\d\d{3}")
_YEAR: Final = re.compile(r"\d(?<!\d\d)\d{3}(?!\d)")  # four digits, no digit either side
_DATE_LINE_CUE: Final = re.compile(
    r"^\W*(?:published|posted|updated|date[d]?|last updated)\b", re.I)
_CREDIT: Final = re.compile(r"^(?:source|sources|via|originally published (?:by|in|at|on)|credit)"
                            r"[ \t]*[:\-–][ \t]*(\S.*)$", re.I)
_WIRE: Final = re.compile(r"\(([^()\n]{2,40})\)[ \t]*[-–—]")  # "ALMATY (Reuters) - ..."
_TITLE_SEP: Final = (" – ", " — ", " | ", " - ", " :: ")
_NAV_WORDS: Final = frozenset("""home menu search share sections all login subscribe skip content
    news world politics sport sports business latest tweet print email follow us navigation
    main close open""".split())
_DOMAIN: Final = re.compile(r"\w\.(?:[a-z]{2}|com|net|org|info|news|online)\b", re.I)
_CLOCK: Final = re.compile(r"\d{1,2}:\d{2}")
_TOP: Final = 8  # paragraphs from the top that may hold a date bar or the headline


def _valid(y: int, m: int, d: int) -> str | None:
    if not 1900 <= y <= 2100:
        return None
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def find_date(line: str) -> str | None:
    """The first full date (with a year) in ``line`` as ``YYYY-MM-DD``, or None."""
    if _FOUR_DIGITS.search(line) is None or not any(
            1900 <= int(y) <= 2100 for y in _YEAR.findall(line)):
        return None  # the common case: no year, so no date
    best: tuple[int, str] | None = None

    def offer(pos: int, iso: str | None) -> None:
        nonlocal best
        if iso and (best is None or pos < best[0]):
            best = (pos, iso)

    # the numeric forms are only looked for where their separator occurs
    for m in _ISO.finditer(line) if "-" in line else ():
        offer(m.start(), _valid(int(m[1]), int(m[2]), int(m[3])))
    for m in _YMD_SLASH.finditer(line) if "/" in line else ():
        offer(m.start(), _valid(int(m[1]), int(m[2]), int(m[3])))
    for m in _DMY_NAMED.finditer(line):
        offer(m.start(), _valid(int(m[3]), MONTHS[m[2].casefold()[:3]], int(m[1])))
    for m in _MDY_NAMED.finditer(line):
        offer(m.start(), _valid(int(m[3]), MONTHS[m[1].casefold()[:3]], int(m[2])))
    for m in _DMY_DOTS.finditer(line) if "." in line else ():
        offer(m.start(), _valid(int(m[3]), int(m[2]), int(m[1])))
    for m in _SLASHED.finditer(line) if "/" in line else ():
        a, b = int(m[1]), int(m[2])
        if a > 12 >= b:  # only when unambiguous: 22/11/2024 day first
            offer(m.start(), _valid(int(m[3]), b, a))
        elif b > 12 >= a:  # 11/22/2024 month first
            offer(m.start(), _valid(int(m[3]), a, b))
    return best[1] if best else None


def _date_bar(text: str, s: int, e: int) -> str | None:
    """The date a date bar, dateline or "Published:" line states, if ``text[s:e]`` is one."""
    line = text[s:min(e, s + 300)]  # date bars and datelines are short, or open their paragraph
    date = find_date(line)
    if date is None:
        return None
    words = line.split()
    if len(words) <= 12 or _DATE_LINE_CUE.match(line):
        return date
    # a dateline opening a paragraph: "10.01.2022, Moscow. The threat ..."
    return date if find_date(" ".join(words[:4])) == date else None


def _is_date_or_nav(line: str) -> bool:
    line = line[:400]
    words = [w.strip(",.;:|").casefold() for w in line.split()]
    words = [w for w in words if w]
    if not words:
        return True
    if find_date(line) is not None and len(words) <= 12:
        return True
    if len(words) > 30:
        return False
    rest = [w for w in words if not (w in WEEKDAYS or w[:3] in MONTHS or w.isdigit()
                                     or (":" in w and _CLOCK.fullmatch(w)))]
    if not rest:
        return True  # "Wednesday, January 19", "10:20"
    return all(w in _NAV_WORDS for w in rest)


def _looks_like_headline(line: str) -> bool:
    if len(line) > 400:
        return False
    words = line.split()
    if not 3 <= len(words) <= 30 or _is_date_or_nav(line):
        return False
    if line.casefold().startswith(("by ", "photo", "source:", "image", "quote:")):
        return False
    if len(words) <= 4:
        letters = [c for c in line if c.isalpha()]
        if letters and all(c.isupper() for c in letters):
            return False  # an all-caps byline
    return line[-1] not in ".?!" or len(words) <= 20


def _outlet_like(name: str) -> bool:
    name = name.strip()
    if not name or len(name.split()) > 6:
        return False
    if known_kind(name) == "outlet" or _DOMAIN.search(name):
        return True
    toks = tokenize(name, 0, len(name))
    found = classify(name, toks, Context())
    return len(found) == 1 and found[0].kind == "outlet"


def split_title(title: str) -> tuple[str, str | None]:
    """A headline without a trailing outlet name ("... – TVNOVINY.sk"), and that outlet."""
    for sep in _TITLE_SEP:
        k = title.rfind(sep)
        if k > 0:
            suffix = title[k + len(sep):].strip()
            if _outlet_like(suffix):
                return title[:k].rstrip(), suffix
    return title, None


def _title(doc: Document, paras: list[tuple[int, int]]) -> str | None:
    for s, e in paras[:_TOP]:
        line = doc.text[s:e]
        if _looks_like_headline(line):
            return line
        if len(line.split(maxsplit=30)) > 30:
            break  # body text reached before any headline (more than 30 words)
    return None


def _credit_name(value: str) -> bool:
    """A short brand-like name on a closing credit line: "Charter 97", "BNS"."""
    words = value.split()
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return False
    found = classify(value, tokenize(value, 0, len(value)), Context())
    if len(found) != 1 or found[0].kind in ("body", "outlet") or found[0].name != value:
        return False  # a role, a medium, or more than a name
    return any(any(c.isdigit() for c in w) or (len(w) >= 2 and w.isupper()) for w in words)


def _last_lines(text: str, n: int) -> list[str]:
    """The last ``n`` non-blank lines of ``text``, trimmed, last first."""
    out: list[str] = []
    end = len(text)
    while end >= 0 and len(out) < n:
        nl = text.rfind("\n", 0, end)
        line = text[nl + 1:end].strip()
        if line:
            out.append(line)
        end = nl
    return out


def _credit_outlet(closing: list[str]) -> str | None:
    """An outlet credited on a closing line: "Source: Rossa Primavera News Agency".

    ``closing`` is :func:`_last_lines` of the text.
    """
    for line in closing:
        m = _CREDIT.match(line)
        if m:
            value = m[1].strip().rstrip(".")
            if _outlet_like(value) or _credit_name(value):
                return value
    return None


def _wire_credit(doc: Document, paras: list[tuple[int, int]]) -> str | None:
    """The agency of a wire dateline opening the body: "ALMATY, Jan 5 (Reuters) - ..."."""
    for s, e in paras[:_TOP]:
        m = _WIRE.search(doc.text, s, min(e, s + 120))
        if m and _outlet_like(m[1]):
            return m[1].strip()
    return None


_BYLINE: Final = re.compile(r"^By\s+[^,\n]{3,60},\s*([A-Z][^,\n]{1,60}?)\s*$")
_PUBLISHED_BY: Final = re.compile(r"\bpublished (?:by|in)\s+((?:[A-Z][\w'’&.-]*\s?){1,5}?)"
                                  r"\s*(?:on\b|,|\.|$)")
_EDITION: Final = re.compile(r"^(.{2,60}?)\s+[-–—|]\s+(?:English|international|online|web|digital)"
                             r"\s+edition\s*$", re.I)


_CREDIT_WORDS: Final = frozenset({"by", "posted", "written", "updated", "published", "photo",
                                  "reporting", "editing", "words"})


def _name_like(value: str) -> bool:
    """A short capitalised name ("Wiener Abendpost"), not a section or navigation word."""
    words = value.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words if len(w) > 3) \
        and words[0].casefold() not in _CREDIT_WORDS \
        and not all(w.strip(",.;:").casefold() in _NAV_WORDS for w in words)


def _masthead_outlet(doc: Document, paras: list[tuple[int, int]],
                     title: str | None) -> str | None:
    """The outlet a page names at its top: a masthead line ("THE LAKESIDE HERALD",
    "TerraPulse Digest", "Corriere del Canale – English edition"), a date bar's first
    part ("Wiener Abendpost | World | 10.02.2026") or a byline ("By A. Writer, Outlet")."""
    for k, (s, e) in enumerate(paras[:_TOP]):
        if e - s > 120:  # (paragraphs are trimmed) too long for a masthead
            continue
        line = doc.text[s:e].strip()
        if not line or line == title or len(line) > 120 or line[-1] in ".:;!?" \
                or "://" in line:
            continue
        m = _EDITION.match(line) or _BYLINE.match(line)
        if m and _name_like(m[1].strip()):
            return m[1].strip()
        parts = [x.strip() for x in line.split("|")]
        if len(parts) > 1 and any(find_date(x) for x in parts[1:]) and _name_like(parts[0]) \
                and find_date(parts[0]) is None:
            return parts[0]
        name = line.title() if line.isupper() else line
        if k < 3 and len(name.split()) <= 5 and _outlet_like(name):
            return name
    return None


def _published_by(closing: list[str]) -> tuple[str | None, str | None]:
    """The outlet and date of a closing line "This article was published by North Africa
    Monitor on 15 April 2026", each None when not given (``closing``: the last lines)."""
    for line in closing:
        m = _PUBLISHED_BY.search(line) if "published " in line else None
        if m:
            name = m[1].strip()
            return (name if _name_like(name) else None), find_date(line)
    return None, None


@register("metadata", "metadata.rules.v1")
def run(ex: Extraction) -> Extraction:
    """Fill the document's missing outlet, published date and title from its text."""
    doc = ex.document
    paras = paragraphs_of(doc.text, tuple(doc.content_regions()))
    title, outlet, published = doc.title, doc.outlet, doc.published
    found = _title(doc, paras) if title is None else None
    if found is not None:
        title, suffix = split_title(found)
        outlet = outlet or suffix
    elif title is not None and outlet is None:
        outlet = split_title(title)[1]
    if published is not None and not _ISO.fullmatch(published):
        published = find_date(published) or published
    if published is None:
        for s, e in paras[:_TOP]:
            if _FOUR_DIGITS.search(doc.text, s, min(e, s + 300)) is None:
                continue  # no year, so no date bar (what _date_bar would find)
            published = _date_bar(doc.text, s, e)
            if published:
                break
    closing = _last_lines(doc.text, 8)
    closing_outlet, closing_date = _published_by(closing[:4])
    if outlet is None:
        outlet = _credit_outlet(closing) or _wire_credit(doc, paras) \
            or _masthead_outlet(doc, paras, title) or closing_outlet
    published = published or closing_date
    if (title, outlet, published) == (doc.title, doc.outlet, doc.published):
        return ex
    new_doc = replaced(doc, title=title, outlet=outlet, published=published)
    return replaced(ex, document=new_doc)
