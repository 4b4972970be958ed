"""extract_many: input order, jobs=1 equals jobs=2, errors come out as values."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import provenance.pipeline
from provenance.errors import InputError, ProvenanceError
from provenance.ingest.loader import iter_documents
from provenance.ingest.text import document_from_text
from provenance.models import Document, Extraction
from provenance.parallel import ExtractionError, default_jobs, extract_many

ARTICLE = (
    "Title: Clashes in the north\nOutlet: Example Wire\nPublished: 2024-03-0{n}\n\n"
    'At least {n}2 people were killed, the Health Ministry said. "We are overwhelmed," '
    "said Dr. Amal Haddad, a hospital director. Police said more than 1,{n}00 people were "
    "arrested, according to the state news agency.\n"
)


def _docs(n: int) -> list[Document]:
    return [document_from_text(ARTICLE.format(n=i % 10), id=f"doc-{i:03d}") for i in range(n)]


def _records(items: list[Extraction | ProvenanceError]) -> list[object]:
    return [i.model_dump() if isinstance(i, Extraction) else str(i) for i in items]


def test_keeps_input_order_across_chunks() -> None:
    docs = _docs(23)
    out = list(extract_many(docs, jobs=2, chunk_size=3))
    assert [x.document.id for x in out if isinstance(x, Extraction)] == [d.id for d in docs]


def test_jobs_1_and_2_give_identical_extractions(seed_paths: list[Path]) -> None:
    docs = [d for d in iter_documents([str(p) for p in seed_paths]) if isinstance(d, Document)]
    docs += _docs(7)
    one = list(extract_many(docs, jobs=1))
    two = list(extract_many(docs, jobs=2, chunk_size=2))
    assert _records(one) == _records(two)
    direct = [provenance.pipeline.extract_document(d) for d in docs]
    assert _records(one) == _records(list(direct))


def test_input_errors_pass_through_in_place() -> None:
    docs = _docs(5)
    bad = InputError("broken.txt", "empty file")
    items: list[Document | ProvenanceError] = [docs[0], bad, *docs[1:3], bad, *docs[3:]]
    for jobs in (1, 2):
        out = list(extract_many(items, jobs=jobs, chunk_size=2))
        assert len(out) == len(items)
        assert out[1] is bad and out[4] is bad
        assert [x.document.id for x in out if isinstance(x, Extraction)] == [d.id for d in docs]


def test_only_errors_in_a_chunk() -> None:
    bad = InputError("a.txt", "not UTF-8 text")
    out = list(extract_many([bad, bad, bad], jobs=2, chunk_size=2))
    assert out == [bad, bad, bad]


def _raise_on_bad(doc: Document) -> Extraction:
    if "bad" in doc.id:
        raise RuntimeError("stage blew up")
    return Extraction(document=doc)


@pytest.mark.parametrize("jobs", [1, 2])
def test_stage_exception_becomes_error_value(monkeypatch: pytest.MonkeyPatch, jobs: int) -> None:
    monkeypatch.setattr(provenance.pipeline, "extract_document", _raise_on_bad)
    docs = _docs(4)
    docs.insert(2, Document(id="bad-one", text="x"))
    out = list(extract_many(docs, jobs=jobs, chunk_size=2))
    assert len(out) == 5
    err = out[2]
    assert isinstance(err, ExtractionError)
    assert err.doc_id == "bad-one" and "RuntimeError: stage blew up" in err.reason
    assert all(isinstance(x, Extraction) for i, x in enumerate(out) if i != 2)


def _die_on_bad(doc: Document) -> Extraction:
    if "bad" in doc.id:
        os._exit(3)  # a worker killed mid-chunk (OOM killer, segfault)
    return Extraction(document=doc)


@pytest.mark.skipif(sys.platform != "linux", reason="relies on fork inheriting the patch")
def test_dead_worker_fails_only_its_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(provenance.pipeline, "extract_document", _die_on_bad)
    docs = _docs(9)
    docs.insert(4, Document(id="bad-killer", text="x"))
    out = list(extract_many(docs, jobs=2, chunk_size=1))
    assert len(out) == 10
    assert isinstance(out[4], ExtractionError) and "died" in out[4].reason
    assert [x.document.id for x in out if isinstance(x, Extraction)] == [d.id for d in docs
                                                                          if d.id != "bad-killer"]


def _unpicklable_on_bad(doc: Document) -> object:
    if "bad" in doc.id:
        return lambda: None  # cannot travel back from a worker
    return Extraction(document=doc)


@pytest.mark.skipif(sys.platform != "linux", reason="relies on fork inheriting the patch")
def test_result_that_cannot_come_back_fails_its_chunk_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(provenance.pipeline, "extract_document", _unpicklable_on_bad)
    docs = _docs(6)
    docs.insert(3, Document(id="bad-pickle", text="x"))
    out = list(extract_many(docs, jobs=2, chunk_size=1))
    assert isinstance(out[3], ExtractionError) and out[3].doc_id == "bad-pickle"
    assert sum(isinstance(x, Extraction) for x in out) == 6


def test_progress_counts_every_document() -> None:
    seen: list[int] = []
    items: list[Document | ProvenanceError] = [*_docs(10), InputError("x", "empty file")]
    for jobs in (1, 2):
        seen.clear()
        list(extract_many(items, jobs=jobs, chunk_size=4, progress=seen.append))
        assert sum(seen) == 11 and all(n > 0 for n in seen)


def test_input_is_consumed_lazily_with_bounded_lookahead() -> None:
    pulled = 0

    def gen() -> Iterator[Document]:
        nonlocal pulled
        for d in _docs(300):
            pulled += 1
            yield d

    ahead = []
    for n, x in enumerate(extract_many(gen(), jobs=2, chunk_size=5), 1):
        assert isinstance(x, Extraction)
        ahead.append(pulled - n)
    assert len(ahead) == 300
    assert max(ahead) <= 8 * 2 * 5  # at most 8 * jobs chunks held, never the whole corpus


def test_empty_input_and_bad_arguments() -> None:
    assert list(extract_many([], jobs=2)) == []
    assert list(extract_many([], jobs=1)) == []
    with pytest.raises(ValueError):
        list(extract_many(_docs(1), jobs=-1))
    with pytest.raises(ValueError):
        list(extract_many(_docs(1), chunk_size=0))
    assert default_jobs() >= 1


def test_extraction_error_pickles() -> None:
    err = ExtractionError("doc-1", "boom")
    back = pickle.loads(pickle.dumps(err))
    assert isinstance(back, ExtractionError) and back.doc_id == "doc-1" and str(back) == str(err)


def test_importing_provenance_loads_neither_typer_nor_rich() -> None:
    code = ("import sys, provenance, provenance.parallel; "
            "print('typer' in sys.modules, 'rich' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_cli_jobs_output_is_the_same_and_bad_jobs_is_usage(seed_paths: list[Path],
                                                           tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from provenance.cli import app

    runner = CliRunner()
    (tmp_path / "empty.txt").write_text("")
    args = ["extract", str(seed_paths[0].parent), str(tmp_path), "-f", "ndjson"]
    one = runner.invoke(app, [*args, "--jobs", "1"])
    two = runner.invoke(app, [*args, "-j", "2"])
    assert one.exit_code == two.exit_code == 1  # the empty file is reported, the rest go on
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) == len(seed_paths)
    assert "empty file" in two.stderr and "Traceback" not in two.output
    assert runner.invoke(app, [*args, "--jobs", "-2"]).exit_code == 2
