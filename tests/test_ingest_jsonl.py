"""JSON and JSON Lines records."""

from __future__ import annotations

import json

from provenance.errors import InputError
from provenance.ingest.jsonl import iter_json, iter_jsonl, sniff_json
from provenance.models import Document

BODY = "Police said 12 people were arrested on Sunday.\n\nLeave a Reply"


def docs(items: list) -> list[Document]:  # type: ignore[type-arg]
    return [i[0] for i in items if not isinstance(i, InputError)]


def test_one_record_with_metadata() -> None:
    rec = {"text": BODY, "title": "12 held", "outlet": "Example  News",
           "published": "2022-01-07T10:00:00Z", "url": "https://x.example/a", "id": "a1"}
    (doc,) = docs(list(iter_json(json.dumps(rec), "a.json", "a.json")))
    assert (doc.id, doc.title, doc.outlet, doc.published, doc.url) == (
        "a1", "12 held", "Example News", "2022-01-07", "https://x.example/a")
    assert doc.text == BODY  # offsets are true to the record's text
    assert doc.furniture and "Leave a Reply" not in doc.text[slice(*doc.regions[0])]


def test_a_list_of_records_with_a_bad_one() -> None:
    data = [{"text": "Officials said 3 died."}, {"title": "no text"}, 7, {"text": "  "}]
    items = list(iter_json(json.dumps(data), "l.json", None))
    assert [type(i).__name__ for i in items] == ["tuple", "InputError", "InputError",
                                                 "InputError"]
    assert docs(items)[0].id == "l.json#1"
    assert "l.json[2]" in str(items[1])


def test_unparseable_json_is_one_error() -> None:
    (err,) = list(iter_json('{"text": "x"', "b.json", None))
    assert isinstance(err, InputError) and err.kind == "malformed"


def test_deeply_nested_json_is_an_error_not_a_crash() -> None:
    items = list(iter_json("[" * 100000 + "]" * 100000, "deep.json", None))
    assert all(isinstance(i, InputError) for i in items)


def test_jsonl_lines_with_one_broken() -> None:
    text = '{"text": "A said 5 died.", "id": 1}\n\nnot json\n{"text": "B said 6 died."}\n'
    items = list(iter_jsonl(text, "r.jsonl", None))
    assert [d.id for d in docs(items)] == ["1", "r.jsonl:4"]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1 and str(errors[0]).startswith("r.jsonl:3: ")


def test_sniff() -> None:
    assert sniff_json('{"text": "a"}') == "json"
    assert sniff_json('[{"text": "a"}]') == "json"
    assert sniff_json('{"text": "a"}\n{"text": "b"}') == "jsonl"
    assert sniff_json("[Update] Police said 5 died.") is None
    assert sniff_json("Police said.") is None
