from provenance.ingest.text import document_from_text


def test_header_block_is_metadata_and_offsets_stay_true() -> None:
    text = "Title: Toll rises\nOutlet: Example News\nPublished: 2022-01-07\n\nBody says 12."
    doc = document_from_text(text, id="a.txt")
    assert (doc.title, doc.outlet, doc.published) == ("Toll rises", "Example News", "2022-01-07")
    (ts, te), (bs, be) = doc.regions
    assert text[ts:te] == "Toll rises"
    assert text[bs:be] == "Body says 12."


def test_text_without_header_is_all_content() -> None:
    text = "Police said: nothing.\n\nMore text."
    doc = document_from_text(text)
    assert doc.regions == []
    assert doc.content_regions() == [(0, len(text))]


def test_a_colon_line_that_is_not_a_header_key_is_body() -> None:
    doc = document_from_text("Lukashenka: We are sending troops\n\nBody.")
    assert doc.title is None and doc.regions == []


def test_bom_is_dropped() -> None:
    assert document_from_text("\ufeffTitle: X\n\nY").title == "X"
