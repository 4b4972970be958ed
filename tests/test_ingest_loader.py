"""The loader: formats by suffix or sniffing, directories, stdin, limits, notes."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from provenance.errors import InputError
from provenance.ingest.loader import iter_documents, read_path
from provenance.models import Document

HTML = Path(__file__).parent / "data" / "html" / "news_page.html"
RU = ("Министерство внутренних дел сообщило, что 26 вооружённых преступников убиты, "
      "а более трёх тысяч человек задержаны. По словам представителя ведомства, ситуация "
      "в городе остаётся напряжённой, однако полиция контролирует все административные здания.")


def tree(tmp_path: Path) -> Path:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Police said 5 died.", encoding="utf-8")
    (tmp_path / "sub" / "b.html").write_bytes(HTML.read_bytes())
    (tmp_path / "sub" / "c.jsonl").write_text(
        json.dumps({"text": "Officials said 3 were hurt."}) + "\n", encoding="utf-8")
    (tmp_path / "sub" / "d.json").write_text(json.dumps([{"text": "X said 4 fled."}]),
                                             encoding="utf-8")
    (tmp_path / "skip.png").write_bytes(b"\x89PNG\x00\x00")
    (tmp_path / "e.txt").write_bytes(RU.encode("cp1251"))
    return tmp_path


def test_directory_walk_picks_article_suffixes_only(tmp_path: Path) -> None:
    items = list(iter_documents([str(tree(tmp_path))]))
    assert all(isinstance(i, Document) for i in items)
    assert [i.id for i in items if isinstance(i, Document)] == [
        "a.txt", "e.txt", "b.html", "c.jsonl:1", "d.json#1"]


def test_legacy_encoding_is_decoded_and_noted(tmp_path: Path) -> None:
    notes: list[str] = []
    (doc,) = list(iter_documents([str(tree(tmp_path) / "e.txt")], notes=notes.append))
    assert isinstance(doc, Document) and doc.text == RU
    assert any("cp1251" in n and "detected" in n for n in notes)


def test_furniture_is_noted(tmp_path: Path) -> None:
    p = tmp_path / "f.txt"
    p.write_text("Police said 5 died.\n\nLeave a Reply\n\nYour email address will not be "
                 "published.", encoding="utf-8")
    notes: list[str] = []
    list(iter_documents([str(p)], notes=notes.append))
    assert any("comments at" in n for n in notes)


def test_one_bad_file_does_not_stop_the_rest(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01" * 100)
    (tmp_path / "good.txt").write_text("Police said 5 died.", encoding="utf-8")
    items = list(iter_documents([str(tmp_path / "missing.txt"), str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["InputError", "InputError", "Document"]


def test_size_limit_refuses_before_reading(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text("Police said 5 died. " * 1000, encoding="utf-8")
    (err,) = list(iter_documents([str(p)], max_bytes=1000))
    assert isinstance(err, InputError) and err.kind == "too-large"
    assert "--max-bytes" in str(err)


@pytest.mark.parametrize("data,kind", [
    (b'{"text": "Police said 5 died.", "title": "T"}', "json"),
    (b'{"text": "A said 5 died."}\n{"text": "B said 6 died."}\n', "jsonl"),
    (HTML.read_bytes(), "html"),
    (b"Police said 5 died.", "text"),
])
def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch, data: bytes, kind: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    docs = read_path("-")
    assert docs
    if kind == "html":
        assert docs[0].outlet == "Valley Courier"
    elif kind == "jsonl":
        assert len(docs) == 2
    elif kind == "json":
        assert docs[0].title == "T"
    else:
        assert docs[0].text == "Police said 5 died." and docs[0].id == "-"


def test_stdin_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 5000)))
    with pytest.raises(InputError) as info:
        read_path("-", max_bytes=100)
    assert info.value.kind == "too-large"


def test_unknown_suffix_given_explicitly_is_sniffed(tmp_path: Path) -> None:
    p = tmp_path / "page.php"
    p.write_bytes(HTML.read_bytes())
    (doc,) = read_path(str(p))
    assert doc.title and doc.title.startswith("Flood toll")


def test_input_error_survives_pickling() -> None:
    import pickle

    err = pickle.loads(pickle.dumps(InputError("a.txt", "empty file", kind="empty")))
    assert (err.path, err.reason, err.kind, str(err)) == ("a.txt", "empty file", "empty",
                                                          "a.txt: empty file")
