"""Direct quotes: marks, dashes, split and multi-paragraph quotes, scare quotes, bad input."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.extract.quotes import find_quotes
from provenance.extract.speakers import attribute
from provenance.models import Document, Quote


def quotes_of(text: str, regions: list[tuple[int, int]] | None = None) -> list[Quote]:
    doc = Document(id="t", text=text, regions=regions or [])
    return attribute(doc, find_quotes(doc))


def texts(text: str) -> list[str]:
    return [q.text for q in quotes_of(text)]


def test_straight_marks_and_trailing_comma_dropped() -> None:
    text = '"We will rebuild the bridge by spring," the mayor of Tulsa, Anna Berg, said.'
    assert texts(text) == ["We will rebuild the bridge by spring"]


def test_typographic_marks_keep_final_period() -> None:
    text = "Berg added: “The money is already there. Work starts in March.”"
    assert texts(text) == ["The money is already there. Work starts in March."]


def test_single_guillemet_and_low_marks() -> None:
    assert texts("Ivanov said: ‘The border stays closed for now.’") == [
        "The border stays closed for now."]
    assert texts("Ivanov told reporters: «The border stays closed for now.»") == [
        "The border stays closed for now."]
    assert texts("„We stay here until Monday“, Müller said, and left.") == [
        "We stay here until Monday"]


def test_double_apostrophe_marks() -> None:
    text = "''The plan is fiscally responsible,'' said Mark Zandi, an economist."
    assert texts(text) == ["The plan is fiscally responsible"]


def test_apostrophes_are_not_quotes() -> None:
    text = "The minister's aide said the city's schools will reopen in the '90s style."
    assert texts(text) == []


def test_dash_quote_ends_at_comma_attribution() -> None:
    text = ("The talks went on until dawn. – We spoke twice with the prime minister and "
            "agreed on a ceasefire, Karimov said.")
    assert texts(text) == ["We spoke twice with the prime minister and agreed on a ceasefire"]


def test_dash_quote_ends_at_second_dash() -> None:
    text = ("– We are following the deployment of troops closely – NATO Secretary General "
            "Mark Rutte said on Monday.")
    qs = quotes_of(text)
    assert [q.text for q in qs] == ["We are following the deployment of troops closely"]
    assert qs[0].speaker == "Mark Rutte"


def test_hyphen_opens_a_quote_only_at_the_start_of_the_text() -> None:
    said = "We are following the deployment of troops closely, Rutte said."
    assert texts("- " + said) == ["We are following the deployment of troops closely"]
    assert texts("Rutte spoke.\n\n- " + said) == []


def test_dash_quote_with_bare_cue_after_dash() -> None:
    text = ("Rutte spoke in Vilnius.\n\n– Whatever happens, the alliance will stay united "
            "– stressed, quoted by the agency LRT.")
    qs = quotes_of(text)
    assert [q.text for q in qs] == ["Whatever happens, the alliance will stay united"]
    assert qs[0].cue is not None and qs[0].cue.text == "stressed"


def test_dash_without_attribution_is_not_a_quote() -> None:
    assert texts("Prices rose sharply.\n\n– bread\n– milk and eggs\n") == []


def test_split_quote_gives_two_quotes_same_speaker() -> None:
    text = '"The vote is secure," Garcia said. "Every ballot will be counted."'
    qs = quotes_of(text)
    assert [q.text for q in qs] == ["The vote is secure", "Every ballot will be counted."]
    assert {q.speaker for q in qs} == {"Garcia"}


def test_multi_paragraph_quote_is_one_quote() -> None:
    text = ("Sen. Maria Lopez said: “The first part of the plan is about schools.\n\n"
            "“The second part is about roads and bridges.”\n\nThe vote is on Friday.")
    qs = quotes_of(text)
    assert len(qs) == 1
    assert qs[0].text.startswith("The first part") and qs[0].text.endswith("bridges.")
    assert qs[0].speaker == "Maria Lopez"


def test_misprinted_closing_mark() -> None:
    text = ("“Dialogue, not force, is the way forward for the region, “said the foreign "
            "minister Petra Nováková after the meeting.")
    qs = quotes_of(text)
    assert [q.text for q in qs] == ["Dialogue, not force, is the way forward for the region"]
    assert qs[0].speaker == "Petra Nováková"


def test_unclosed_quote_is_best_effort() -> None:
    text = "Lopez said: “We will not give up on this city\n\nThe meeting ended at noon."
    assert texts(text) == ["We will not give up on this city"]


def test_scare_quotes_are_not_quotes() -> None:
    text = ("Officials said 12 “militants” were killed near the “buffer zone” on Sunday, "
            "the army said.")
    assert texts(text) == []


def test_short_quote_counts_when_a_speaker_uses_it() -> None:
    text = "Governor Ruiz described the protesters as “paid agitators” on Monday."
    qs = quotes_of(text)
    assert [q.text for q in qs] == ["paid agitators"]
    assert qs[0].speaker == "Ruiz"


def test_partial_quote_in_indirect_speech() -> None:
    text = "He added that troops would stay “for as long as it takes” in the north."
    assert texts(text) == ["for as long as it takes"]


def test_title_counts_like_body_and_furniture_is_skipped() -> None:
    text = ("Mayor: “We are ready for the storm,” Berg says\n\nBody text.\n\n"
            "1 comment on “Mayor: We are ready for the storm, Berg says”\n")
    body_end = text.index("1 comment")
    qs = quotes_of(text, regions=[(0, body_end)])
    assert [q.text for q in qs] == ["We are ready for the storm"]


def test_spans_round_trip() -> None:
    text = "“A long enough quote here,” she said. – And a dash one too, Smith said."
    doc = Document(id="t", text=text)
    for q in attribute(doc, find_quotes(doc)):
        assert text[q.span.start:q.span.end] == q.span.text
        assert q.cue is None or text[q.cue.start:q.cue.end] == q.cue.text


def test_a_million_quote_marks_do_not_hang() -> None:
    start = time.perf_counter()
    for text in ("“" * 1_000_000, '"' * 1_000_000, "– " * 300_000, "'a " * 300_000,
                 "“a, “said " * 20_000):
        quotes_of(text)
    assert time.perf_counter() - start < 60  # only catastrophic backtracking could exceed


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("\"“”„«»‘’'–—-,. :\nabcXYZsaid ")), max_size=200)
       | st.text(max_size=200))
def test_never_raises_and_spans_round_trip(text: str) -> None:
    doc = Document(id="h", text=text)
    for q in attribute(doc, find_quotes(doc)):
        assert text[q.span.start:q.span.end] == q.span.text
        if q.speaker_mention is not None:
            m = q.speaker_mention
            assert text[m.start:m.end] == m.text


def test_show_titles_are_not_quotes() -> None:
    text = "Pence told “Fox News Sunday” that the campaign was confident."
    assert texts(text) == []


def test_horizontal_bar_signature() -> None:
    text = "“We need more buses on this route.” ― Maria Gonzalez, Phoenix."
    qs = quotes_of(text)
    assert [q.text for q in qs] == ["We need more buses on this route."]
    assert qs[0].speaker == "Maria Gonzalez"


def test_long_quoted_paragraph_without_cue_is_a_quote() -> None:
    text = ("Voters in Dayton were split.\n\n"
            "“He speaks his mind, and I think that might be what the country needs right now.”")
    assert texts(text) == [
        "He speaks his mind, and I think that might be what the country needs right now."]


def test_short_uncued_paragraph_quote_is_not() -> None:
    assert texts("Headline news.\n\n“Stay tuned.”\n") == []


def test_inverted_cue_after_an_aside() -> None:
    text = ("''The consumer has been resilient,'' despite the recent volatility of markets, "
            "said Richard Curtin, the chief economist of the survey.")
    qs = quotes_of(text)
    assert [q.text for q in qs] == ["The consumer has been resilient"]
    assert qs[0].speaker == "Richard Curtin"
