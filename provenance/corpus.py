"""The corpus service: read articles, extract, store and link them, one transaction each."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from provenance.errors import InputError, ProvenanceError
from provenance.ingest.loader import iter_documents
from provenance.link import link_statements, statements_of, topic_terms
from provenance.models import Document, Extraction
from provenance.parallel import ExtractionError, extract_many
from provenance.pipeline import extract_document, extractor_version
from provenance.store.base import AddResult, NewStatement, Store


@dataclass
class IngestReport:
    """What an ingest run did, per input."""

    ingested: list[str] = field(default_factory=list)
    versions: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    links: int = 0

    def summary(self) -> dict[str, object]:
        """Counts, and why each failure failed."""
        return {"ingested": len(self.ingested) + len(self.versions),
                "new_versions": len(self.versions), "skipped": len(self.skipped),
                "failed": len(self.failed), "links": self.links,
                "failures": [{"path": p, "reason": r} for p, r in self.failed]}


def content_hash(doc: Document) -> str:
    """The identity of an article's content: SHA-256 of its text."""
    return hashlib.sha256(doc.text.encode("utf-8")).hexdigest()


def article_key(doc: Document) -> str:
    """What makes two contents versions of one article: its URL, else its id (stdin
    input has no stable id, so each content is its own article)."""
    if doc.url:
        return doc.url
    if not doc.id or doc.id.startswith("-"):
        return "sha256:" + content_hash(doc)
    return doc.id


def ingest_extraction(store: Store, ex: Extraction) -> tuple[AddResult | None, int]:
    """Store and link one extraction; ``(None, 0)`` when its content is already stored."""
    doc = ex.document
    return ingest_statements(store, doc, ex.extractor, statements_of(ex), topic_terms(doc))


def ingest_statements(store: Store, doc: Document, extractor: str,
                      statements: list[NewStatement],
                      terms: list[str]) -> tuple[AddResult | None, int]:
    """Store ``doc`` with its statement rows and link them, in one transaction."""
    with store.transaction():
        res = store.add_document(doc, content_hash(doc), article_key(doc), extractor,
                                 statements, terms)
        if res.status == "skipped":
            return None, 0
        return res, store.add_links(link_statements(store, res.statements, terms))


def ingest_document(store: Store, doc: Document) -> tuple[AddResult | None, int]:
    """Extract, store and link one document (extraction is skipped for stored content)."""
    if store.has_hash(content_hash(doc)):
        return None, 0
    return ingest_extraction(store, extract_document(doc))


def _failure(err: ProvenanceError) -> tuple[str, str]:
    if isinstance(err, InputError):
        return err.path, err.reason
    if isinstance(err, ExtractionError):
        return err.doc_id, f"extraction failed: {err.reason}"
    return "-", str(err)


def ingest_documents(store: Store, items: Iterable[Document | InputError], jobs: int = 1,
                     progress: Callable[[str, str], None] | None = None) -> IngestReport:
    """Ingest each document, extracting on ``jobs`` processes (0: every CPU).

    Content already stored is skipped before extraction; a bad input is recorded
    and the rest go on. Storing stays in this process, one transaction per article.
    """
    report = IngestReport()

    def fresh() -> Iterator[Document | ProvenanceError]:
        for item in items:
            if isinstance(item, Document) and store.has_hash(content_hash(item)):
                report.skipped.append(item.path or item.id)
                if progress:
                    progress(item.path or item.id, "skipped")
                continue
            yield item

    for res in extract_many(fresh(), jobs=jobs):
        if isinstance(res, ProvenanceError):
            report.failed.append(_failure(res))
            continue
        name = res.document.path or res.document.id
        try:
            added, n_links = ingest_extraction(store, res)
        except ProvenanceError as exc:
            report.failed.append((name, str(exc)))
            continue
        report.links += n_links
        status = "skipped" if added is None else added.status
        {"skipped": report.skipped, "version": report.versions,
         "added": report.ingested}[status].append(name)
        if progress:
            progress(name, status)
    return report


def ingest_paths(store: Store, paths: Iterable[str], jobs: int = 1) -> IngestReport:
    """Ingest every article under ``paths`` (files, directories, ``-``)."""
    return ingest_documents(store, iter_documents(paths), jobs=jobs)


def reextract(store: Store, force: bool = False) -> IngestReport:
    """Re-run extraction on articles stored by another extractor version (all with ``force``)."""
    version = extractor_version()
    report = IngestReport()
    targets = store.articles() if force else store.outdated(version)
    for art in targets:
        doc = store.document(art.id)
        try:
            ex = extract_document(doc)
        except Exception as exc:  # keep the stored extraction when the new one breaks
            report.failed.append((art.doc_id, f"extraction failed ({type(exc).__name__}: {exc})"))
            continue
        terms = topic_terms(doc)
        with store.transaction():
            records = store.replace_statements(art.id, ex.extractor, statements_of(ex))
            report.links += store.add_links(link_statements(store, records, terms))
        report.ingested.append(art.doc_id)
    return report
