"""The storage interface: what the rest of the package may ask of a corpus store.

Callers (corpus, link, query, cite, export) speak only this interface, so a
PostgreSQL backend can follow :class:`provenance.store.sqlite.SQLiteStore`
without touching them. Records are plain dataclasses.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from provenance.models import Document

StatementKind = Literal["quote", "claim"]
LinkKind = Literal["same-as", "conflicts-with", "updates"]
LINK_KINDS: tuple[str, ...] = ("same-as", "conflicts-with", "updates")


@dataclass(frozen=True)
class Hop:
    """One source at one hop of a chain: its canonical name and kind."""

    name: str
    kind: str = "unknown"


@dataclass
class NewStatement:
    """A quote or claim of one article, with the keys the linker blocks on.

    ``hops`` is the chain as extracted: for a quote the intermediaries after the
    speaker, for a claim the origin first (gold/FORMAT.md).
    """

    kind: StatementKind
    text: str
    start: int
    end: int
    hops: list[list[Hop]] = field(default_factory=list)
    speaker: str | None = None
    speaker_role: str | None = None
    origin: str | None = None
    speaker_key: str | None = None
    figure: str | None = None
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    what: str | None = None
    event: str | None = None
    event_key: str | None = None
    subject: str | None = None
    scope: str | None = None
    place: str | None = None
    as_of: str | None = None
    record: dict[str, Any] = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ArticleRecord:
    """A stored article version (without its text)."""

    id: int
    doc_id: str
    key: str
    version: int
    current: bool
    content_hash: str
    extractor: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    path: str | None = None

    @property
    def label(self) -> str:
        """The outlet, or the document id when the outlet is unknown."""
        return self.outlet or self.doc_id


@dataclass
class StatementRecord(NewStatement):
    """A stored statement and the article it appears in."""

    id: int = 0
    article: ArticleRecord | None = None

    @property
    def chain(self) -> list[list[Hop]]:
        """The full chain, origin first, ending with the nearest intermediary.

        For a quote the speaker is prepended as the origin hop.
        """
        if self.kind == "quote" and self.speaker:
            return [[Hop(self.origin or self.speaker, "person")], *self.hops]
        return list(self.hops)

    def chain_names(self) -> list[str | list[str]]:
        """The full chain as names, a list for parallel hops."""
        out: list[str | list[str]] = []
        for hop in self.chain:
            names = [h.name for h in hop]
            out.append(names[0] if len(names) == 1 else names)
        return out

    def intermediaries(self) -> list[list[Hop]]:
        """The hops after the origin."""
        chain = self.chain
        return chain[1:] if self.origin and chain else chain


class QuoteRow(NamedTuple):
    """A light quote candidate: what quote scoring needs, nothing decoded (a tuple:
    millions are built while linking a large corpus)."""

    id: int
    article_id: int
    text: str
    speaker_key: str | None
    origin: str | None


@dataclass(frozen=True)
class LinkRecord:
    """A typed edge between two statements (``a`` → ``b``), with why it was made."""

    kind: str
    a: int
    b: int
    score: float = 1.0
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AddResult:
    """What storing one document did: ``added``, ``skipped`` (same content) or ``version``."""

    status: Literal["added", "skipped", "version"]
    article: ArticleRecord
    statements: list[StatementRecord]


class Store(ABC):
    """A corpus of articles, their statements, sources and links."""

    path: str

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """One atomic, exclusive unit of work (nested calls join the outer one)."""

    @abstractmethod
    def add_document(self, doc: Document, content_hash: str, key: str, extractor: str,
                     statements: Sequence[NewStatement], terms: Sequence[str]) -> AddResult:
        """Store ``doc`` unless its content hash is already stored."""

    @abstractmethod
    def has_hash(self, content_hash: str) -> bool:
        """Whether an article with this content is stored."""

    @abstractmethod
    def replace_statements(self, article_id: int, extractor: str,
                           statements: Sequence[NewStatement]) -> list[StatementRecord]:
        """Swap an article's statements (and drop their links) for freshly extracted ones."""

    @abstractmethod
    def document(self, article_id: int) -> Document:
        """The stored document of an article."""

    @abstractmethod
    def articles(self, current_only: bool = True) -> list[ArticleRecord]:
        """Stored articles, oldest first."""

    @abstractmethod
    def statement(self, statement_id: int) -> StatementRecord:
        """One statement; :class:`provenance.errors.NotFoundError` when there is none."""

    @abstractmethod
    def statements(self, ids: Sequence[int]) -> list[StatementRecord]:
        """The statements with these ids (missing ids are left out)."""

    @abstractmethod
    def iter_statements(self, kind: str | None = None,
                        unattributed: bool = False) -> Iterator[StatementRecord]:
        """Every statement of current articles (only those with no origin if ``unattributed``)."""

    @abstractmethod
    def search_texts(self, words: Sequence[str], limit: int = 200) -> list[tuple[int, str]]:
        """Full-text candidates as ``(id, text)``, best first: cheap, for reranking."""

    @abstractmethod
    def search(self, words: Sequence[str], limit: int = 200) -> list[StatementRecord]:
        """Full-text candidates containing any of ``words``, best first."""

    @abstractmethod
    def claim_candidates(self, event_key: str, terms: Sequence[str], exclude_article: int,
                         min_shared: int = 1, limit: int = 500, subject: str | None = None,
                         scope: str | None = None) -> list[StatementRecord]:
        """Claims of the same event kind (and ``subject``/``scope`` when a subject is given)
        in other articles sharing ``min_shared`` topic terms, newest first.

        The records are *light*: key fields and the article's date, no chain (``hops``)
        and no ``record``; fetch :meth:`statements` for the full ones.
        """

    @abstractmethod
    def term_counts(self, terms: Sequence[str]) -> dict[str, int]:
        """In how many current articles each topic term occurs (a maintained count)."""

    @abstractmethod
    def article_count(self) -> int:
        """How many current articles are stored."""

    @abstractmethod
    def quote_candidates(self, keys: Sequence[str], exclude_article: int,
                         limit: int = 100) -> list[QuoteRow]:
        """Quotes of current articles other than ``exclude_article`` sharing a blocking key
        (:attr:`NewStatement.keys`), at most ``limit`` per key, newest first, as light rows."""

    @abstractmethod
    def same_as_roots(self, ids: Sequence[int]) -> dict[int, int]:
        """For each statement, the representative of its same-as cluster as the linker left
        it: the lowest id it was linked same-as to when it was stored (the linker links
        each new statement to its clusters' earliest members), else the statement itself.

        One indexed lookup per id, bounded by the links written for that statement, never
        by the size of its cluster.
        """

    @abstractmethod
    def add_links(self, links: Sequence[LinkRecord]) -> int:
        """Store links (duplicates ignored); how many were new."""

    @abstractmethod
    def links(self, kind: str | None = None,
              statement_ids: Sequence[int] | None = None) -> list[LinkRecord]:
        """Links between current statements, optionally of one kind or touching some ids."""

    @abstractmethod
    def outdated(self, extractor: str) -> list[ArticleRecord]:
        """Current articles extracted by another extractor version."""

    @abstractmethod
    def is_empty(self) -> bool:
        """Whether no article is stored."""

    @abstractmethod
    def stats(self) -> dict[str, int]:
        """Counts of articles, versions, quotes, claims, sources, links and each link kind."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
