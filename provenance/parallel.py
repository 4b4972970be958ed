"""Extract many documents on a process pool, in input order, with bounded memory.

::

    from provenance.parallel import extract_many
    for item in extract_many(iter_documents(paths), jobs=4):
        if isinstance(item, ProvenanceError): print(item)   # a bad input, as a value
        else: store(item)                                     # an Extraction

Input is consumed lazily in chunks; at most ``2 * jobs`` chunks run at once and
``8 * jobs`` are held, so a corpus of any size streams through in constant memory.
``jobs=1`` runs in this process (no pickling); results are identical for every
``jobs``. A failing
document (or an error value already in the input, e.g. from
:func:`provenance.ingest.loader.iter_documents`) comes out in its place as a
:class:`~provenance.errors.ProvenanceError`; nothing raises mid-stream.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any

from provenance.errors import ProvenanceError
from provenance.models import Document, Extraction

Progress = Callable[[int], None]
"""Called with the number of documents just finished (an increment, like ``rich``'s advance)."""

Result = Extraction | ProvenanceError

DEFAULT_CHUNK = 32


class ExtractionError(ProvenanceError):
    """Extraction failed on one document; carries the document id and the reason."""

    def __init__(self, doc_id: str, reason: str) -> None:
        super().__init__(f"{doc_id}: extraction failed: {reason}")
        self.doc_id = doc_id
        self.reason = reason

    def __reduce__(self) -> tuple[Any, ...]:
        return (ExtractionError, (self.doc_id, self.reason))


def default_jobs() -> int:
    """The number of CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _extract_one(doc: Document) -> Result:
    from provenance.pipeline import extract_document

    try:
        return extract_document(doc)
    except ProvenanceError as exc:
        return ExtractionError(doc.id, str(exc))
    except Exception as exc:  # a bug in a stage must not take the batch down
        return ExtractionError(doc.id, f"{type(exc).__name__}: {exc}")


def _extract_chunk(docs: list[Document]) -> list[Result]:
    return [_extract_one(d) for d in docs]


def _pending(chunk: list[Document | ProvenanceError]) -> list[Document]:
    return [d for d in chunk if isinstance(d, Document)]


def _merge(chunk: list[Document | ProvenanceError], done: list[Result]) -> list[Result]:
    """The chunk's results in input order: pass-through errors and extracted documents."""
    it = iter(done)
    return [item if isinstance(item, ProvenanceError) else next(it) for item in chunk]


def _lost(docs: list[Document], reason: str) -> list[Result]:
    return [ExtractionError(d.id, reason) for d in docs]


def extract_many(
    docs: Iterable[Document | ProvenanceError],
    jobs: int | None = None,
    *,
    chunk_size: int = DEFAULT_CHUNK,
    progress: Progress | None = None,
) -> Iterator[Result]:
    """Each document's :class:`Extraction` (or error), in input order.

    ``jobs``: worker processes (``None`` or ``0``: every available CPU; ``1``:
    in this process). ``chunk_size``: documents sent to a worker at a time.
    ``progress``: called with the count of documents finished since the last call.
    """
    if jobs is not None and jobs < 0:
        raise ValueError("jobs must be >= 0")
    if chunk_size < 1:
        raise ValueError("chunk_size must be >= 1")
    n_jobs = jobs or default_jobs()
    items = iter(docs)
    if n_jobs == 1:
        yield from _serial(items, progress)
    else:
        yield from _pooled(items, n_jobs, chunk_size, progress)


def _serial(
    items: Iterator[Document | ProvenanceError], progress: Progress | None
) -> Iterator[Result]:
    for item in items:
        yield item if isinstance(item, ProvenanceError) else _extract_one(item)
        if progress is not None:
            progress(1)


def _submit(
    pool: ProcessPoolExecutor, chunk: list[Document | ProvenanceError]
) -> Future[list[Result]] | None:
    todo = _pending(chunk)
    if not todo:
        return None
    try:
        return pool.submit(_extract_chunk, todo)
    except BrokenProcessPool as exc:  # the pool broke since the last result: handled at the head
        broken: Future[list[Result]] = Future()
        broken.set_exception(exc)
        return broken


def _pooled(
    items: Iterator[Document | ProvenanceError],
    jobs: int,
    chunk_size: int,
    progress: Progress | None,
) -> Iterator[Result]:
    # Chunks in input order. Up to ``2 * jobs`` run at once and finished ones wait for
    # the head, so one slow chunk does not idle the other workers; ``8 * jobs`` chunks
    # at most are held, which bounds memory.
    window: deque[tuple[list[Document | ProvenanceError], Future[list[Result]] | None]] = deque()
    pool = ProcessPoolExecutor(max_workers=jobs)
    try:
        exhausted = False
        while True:
            running = [f for _, f in window if f is not None and not f.done()]
            while not exhausted and len(window) < 8 * jobs and len(running) < 2 * jobs:
                chunk = list(islice(items, chunk_size))
                if not chunk:
                    exhausted = True
                    break
                fut = _submit(pool, chunk)
                window.append((chunk, fut))
                if fut is not None:
                    running.append(fut)
            if not window:
                return
            chunk, head = window[0]
            if head is not None and not head.done():
                wait(running, return_when=FIRST_COMPLETED)
                continue
            window.popleft()
            if head is None:
                done: list[Result] = []
            else:
                try:
                    done = head.result()
                except BrokenProcessPool:
                    # A worker died (killed, out of memory, a crash in C code). Every future
                    # in flight is lost: retry this chunk alone to find out whether it is the
                    # culprit, then resubmit the rest on a fresh pool.
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = ProcessPoolExecutor(max_workers=jobs)
                    try:
                        done = pool.submit(_extract_chunk, _pending(chunk)).result()
                    except BrokenProcessPool:
                        done = _lost(_pending(chunk), "worker process died")
                        pool.shutdown(wait=False, cancel_futures=True)
                        pool = ProcessPoolExecutor(max_workers=jobs)
                    window = deque((c, _resubmit(pool, c, f)) for c, f in window)
                except Exception as exc:  # e.g. a result that cannot be pickled back
                    done = _lost(_pending(chunk), f"{type(exc).__name__}: {exc}")
            results = _merge(chunk, done)
            yield from results
            if progress is not None:
                progress(len(results))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _resubmit(
    pool: ProcessPoolExecutor,
    chunk: list[Document | ProvenanceError],
    fut: Future[list[Result]] | None,
) -> Future[list[Result]] | None:
    """Keep a result that finished before the pool broke; submit the chunk again otherwise."""
    if fut is not None and fut.done() and not fut.cancelled() and fut.exception() is None:
        return fut
    return _submit(pool, chunk)
