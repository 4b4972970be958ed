"""Page furniture: the parts of a scraped page that are not the article.

Author bios, related-article teasers, comment sections, share/subscribe lines,
bare spam links and photo captions/credits are found line by line with general
CMS patterns (no site- or article-specific strings). :func:`find_furniture`
returns the stripped ranges with their kind; :func:`content_minus` turns a
document's content regions into the regions left once they are cut out, so
offsets into the original text stay true.

Every pattern is anchored, bounded and free of nested quantifiers, and each line
is matched at most a fixed number of times: linear in the size of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from provenance.textrange import append_trimmed

MAX_LINE = 2000  # longer lines are article prose, never furniture


@dataclass(frozen=True)
class Furniture:
    """A stripped range ``[start, end)`` of the text and what it was."""

    start: int
    end: int
    kind: str  # comments, bio, related, share, credit, link


class _Line(NamedTuple):
    start: int
    end: int
    text: str
    gap_before: bool  # a blank line (or the region start) separates it from the previous line


_I = re.IGNORECASE
# A comment section starts here and runs to the end of the text.
_COMMENTS = re.compile(
    r"(?:leave|post|add|write|submit|cancel) (?:a |your )?(?:reply|comment|response)"
    r"(?: to [^\n]{1,300})?[.:!]?"
    r"|(?:\d{1,6}|one|no) (?:thoughts?|comments?|responses?|replies|reactions?)"
    r"(?: (?:on|to) [“\"«‘'][^\n]{1,300}[”\"»’'])?[.:]?|comments?:?"
    r"|comments? ?\(\d{1,6}\)|(?:show|view|load|read) (?:all )?\d{0,6} ?comments?"
    r"|comments are (?:closed|disabled)\.?"
    r"|your email address will not be published\.?[^\n]{0,200}"
    r"|you must be (?:logged in|registered) to post a comment\.?"
    r"|join the (?:conversation|discussion)\.?|discussion(?: \(\d{1,6}\))?:?",
    _I,
)
# "About <Name>": an author-bio header, followed by the bio paragraph.
_BIO = re.compile(r"about (?:the )?author:?|About(?: [A-Z][\w'’.-]{0,30}){1,4}")
# A teaser block header on a line of its own; teaser headlines follow.
_RELATED_HEAD = re.compile(
    r"(?:check also|read also|also read|see also|read more|read next|related"
    r"(?: articles?| stories| posts?| news| content| coverage| reading)?"
    r"|more (?:news|stories|articles) ?(?:from|on|about)?[^\n]{0,60}"
    r"|you (?:may|might) (?:also )?(?:like|be interested in|have missed)"
    r"|recommended(?: for you| stories| articles| reading)?|more stories|most (?:read|popular)"
    r"|trending(?: now)?|popular (?:posts|stories)|editor'?s picks|don'?t miss|latest news)"
    r"[:.]?",
    _I,
)
# A teaser on one line: "Read also: <headline>".
_RELATED_LINE = re.compile(
    r"(?:check also|read also|also read|see also|read more|read next|related(?: article| story)?"
    r"|recommended|more on this(?: story| topic)?|watch|listen|also on [\w .-]{1,40})"
    r" ?[:|»>–—-] ?[^\n]{1,250}",
    _I,
)
_SHARE = re.compile(
    r"(?:share(?: this)?(?: article| story| post| page)?(?: on [\w ]{1,30}| via [\w ]{1,30})?"
    r"|click to (?:share|email|print)[^\n]{0,80}|like this|like loading\.{3}"
    r"|subscribe(?: now| today| to (?:our|the) [^\n]{1,80})?"
    r"|sign up (?:for|to) [^\n]{0,60}(?:newsletter|alerts|updates)[^\n]{0,60}"
    r"|follow us(?: on [^\n]{1,80})?|(?:get|receive) our [^\n]{0,40}newsletter[^\n]{0,60}"
    r"|advertisement|sponsored(?: content)?|skip to (?:main )?content|scroll to top"
    r"|(?:tags?|filed under|posted in|categories|category|topics)\s?:[^\n]{0,200})[.!:]?",
    _I,
)
_SHARE_WORDS = frozenset(
    "share facebook twitter x whatsapp telegram linkedin email e-mail mail print reddit "
    "pinterest vk viber messenger copy link tweet pin it flipboard tumblr pocket".split()
)
# "Photo: AP Photo / Name", "Stock photo: Getty Images", "Image credit: ...".
_CREDIT_LINE = re.compile(
    r"\(?(?:(?:stock|file|main|top|header|featured|cover|lead|title) )?"
    r"(?:photo(?:graph)?|image|picture|pic|foto|illustration|video|graphic|source image)s?"
    r"(?: credits?| by| courtesy(?: of)?| source)? ?[:/©|] ?[^\n]{1,150}",
    _I,
)
# The same credit at the end of a short caption line: "A boat in a street. Photo: Name".
_CREDIT_TAIL = re.compile(
    r"(?:^|[.!?)”\"] )(?:(?:stock|file) )?(?:photo(?:graph)?|image|picture|foto|illustration)s?"
    r"(?: credits?| by)? ?: ?[^.!?\n]{1,100}$",
    _I,
)
_AGENCY_CREDIT = re.compile(
    r"(?:\(|^)(?:[\w .,'-]{0,80} ?/ ?)?(?:ap photo|getty images|reuters|afp|epa|shutterstock"
    r"|alamy|anadolu|tass|ria novosti|sputnik|xinhua)(?: via getty images)?(?: ?/ ?[\w .'-]{1,60})?"
    r"\)?$",
    _I,
)
_LINK = re.compile(r"(?:\d{1,3}[.)] ?|[-*•·] ?)?(?:https?://|www\.)\S{1,2000}")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s?[^\n]{0,150}", _I)
_SENTENCE_END = re.compile(r"[.!?][\"'”’»)]?$")
_ELLIPSIS_END = re.compile(r"(?:…|\.{3}|\[…\]|\[\.\.\.\]|»)$")
_QUOTE_MARKS = frozenset("\"“”„«»")


def _lines(text: str, start: int, end: int) -> list[_Line]:
    """Non-blank lines of ``text[start:end]``, trimmed, noting blank-line gaps."""
    out: list[_Line] = []
    pos, gap = start, True
    for raw in text[start:end].split("\n"):
        body = raw.strip()
        if body:
            s = pos + len(raw) - len(raw.lstrip())
            out.append(_Line(s, s + len(body), body if len(body) <= MAX_LINE else "", gap))
            gap = False
        else:
            gap = True
        pos += len(raw) + 1
    return out


_SHARE_SPLIT = re.compile(r"[\s|•·,/]+")


def _is_share_row(t: str) -> bool:
    if len(t) > 150:
        return False
    words = [w for w in _SHARE_SPLIT.split(t.casefold()) if w]
    return 2 <= len(words) <= 12 and all(w in _SHARE_WORDS for w in words)


@lru_cache(maxsize=4096)
def _single_kind(t: str) -> str | None:
    """The kind of furniture a line is on its own, or ``None``."""
    if not t or len(t) > 400:
        return None
    if _LINK.fullmatch(t):
        return "link"
    if _SHARE.fullmatch(t) or _is_share_row(t) or _COPYRIGHT.fullmatch(t):
        return "share"
    if _RELATED_LINE.fullmatch(t) and not _SENTENCE_END.search(t):
        return "related"
    if len(t) <= 250 and (_CREDIT_LINE.fullmatch(t) or _CREDIT_TAIL.search(t)
                          or (_AGENCY_CREDIT.search(t) and len(t) <= 120)):
        return "credit"
    return None


def _is_teaser(t: str) -> bool:
    """A teaser headline or snippet: short, and not ending like a sentence (or cut off)."""
    if not t or len(t) > 300:
        return False
    return bool(_ELLIPSIS_END.search(t)) or not _SENTENCE_END.search(t)


def _classify(lines: list[_Line]) -> list[str | None]:
    kinds: list[str | None] = [None] * len(lines)
    i = 0
    while i < len(lines):
        t = lines[i].text
        if t and len(t) <= 400 and _COMMENTS.fullmatch(t):
            for j in range(i, len(lines)):
                kinds[j] = "comments"
            break
        if t and len(t) <= 100 and _RELATED_HEAD.fullmatch(t):
            kinds[i] = "related"
            j = i + 1
            while j < len(lines) and j - i <= 8 and _is_teaser(lines[j].text) and not (
                    _COMMENTS.fullmatch(lines[j].text) or _BIO.fullmatch(lines[j].text)):
                kinds[j] = "related"
                j += 1
            i = j
            continue
        kinds[i] = _single_kind(t)
        if kinds[i] == "credit" and i > 0 and kinds[i - 1] is None and not lines[i].gap_before:
            prev = lines[i - 1].text
            # a caption printed right above its credit line, the two set apart as a block
            if i >= 2 and _CREDIT_LINE.fullmatch(t) and prev and len(prev) <= 250 and lines[
                    i - 1].gap_before and not _QUOTE_MARKS & set(prev):
                kinds[i - 1] = "credit"
        i += 1
    # Author bios: "About <Name>" and its paragraph, only where nothing but furniture follows.
    tail_clear = True
    for i in range(len(lines) - 1, -1, -1):
        if kinds[i] is not None:
            continue
        t = lines[i].text
        if tail_clear and i >= 1 and kinds[i - 1] is None and lines[i - 1].text \
                and len(lines[i - 1].text) <= 60 and _BIO.fullmatch(lines[i - 1].text):
            kinds[i - 1] = kinds[i] = "bio"
            continue
        if tail_clear and t and len(t) <= 60 and _BIO.fullmatch(t):
            kinds[i] = "bio"
            continue
        tail_clear = False
    return kinds


def find_furniture(text: str, regions: list[tuple[int, int]] | None = None) -> list[Furniture]:
    """Furniture ranges inside ``regions`` (default: the whole text), in order, merged."""
    out: list[list[int | str]] = []  # [start, end, kind], merged while scanning
    for rs, re_ in regions or [(0, len(text))]:
        lines = _lines(text, rs, re_)
        kinds = _classify(lines)
        for line, kind in zip(lines, kinds, strict=True):
            if kind is None:
                continue
            end = re_ if kind == "comments" else line.end
            if out and out[-1][2] == kind and not text[int(out[-1][1]):line.start].strip():
                out[-1][1] = end
            else:
                out.append([line.start, end, kind])
            if kind == "comments":
                break
    return [Furniture(int(s), int(e), str(k)) for s, e, k in out]


def content_minus(text: str, regions: list[tuple[int, int]],
                  furniture: list[Furniture]) -> list[tuple[int, int]]:
    """``regions`` with the furniture ranges cut out, trimmed of white space at both ends."""
    cuts = sorted((f.start, f.end) for f in furniture)
    out: list[tuple[int, int]] = []
    k = 0
    for rs, re_ in sorted(regions):
        while k < len(cuts) and cuts[k][1] <= rs:
            k += 1
        pos, j = rs, k
        while j < len(cuts) and cuts[j][0] < re_:
            cs, ce = cuts[j]
            if cs > pos:
                append_trimmed(text, pos, cs, out)
            pos = max(pos, ce)
            j += 1
        if pos < re_:
            append_trimmed(text, pos, re_, out)
    return out


