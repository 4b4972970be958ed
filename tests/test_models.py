from hypothesis import given
from hypothesis import strategies as st

from provenance.models import Chain, Source, Span


@given(st.text(), st.data())
def test_span_of_round_trips(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    span = Span.of(text, start, end)
    assert text[span.start:span.end] == span.text


def test_chain_names_lists_parallel_hops() -> None:
    chain = Chain(hops=[[Source(name="Chabar-24")], [Source(name="TASS"), Source(name="AFP")]])
    assert chain.names() == ["Chabar-24", ["TASS", "AFP"]]
    assert len(chain) == 2


def test_fast_constructors_build_and_refuse_what_the_models_do() -> None:
    import pytest
    from pydantic import ValidationError

    mention = Span.of("Interfax said", 0, 8)
    assert mention == Span(start=0, end=8, text="Interfax")
    source = Source.of("Interfax", "outlet", mention)
    assert source == Source(name="Interfax", kind="outlet", mention=mention)
    assert hash(source) == hash(Source(name="Interfax", kind="outlet", mention=mention))
    assert Source.of("TASS") == Source(name="TASS")
    assert Chain.of([[source]]) == Chain(hops=[[source]])
    with pytest.raises(ValidationError):
        Source.of("TASS", "agency")  # not a kind
    with pytest.raises(ValidationError):
        Span.of("text", -1, 2)  # offsets are never negative


def test_stage_builders_match_the_model_constructors() -> None:
    import pytest
    from pydantic import ValidationError

    from provenance.extract.build import chain_of, source_of, span_of

    text = "Interfax said"
    assert span_of(text, 0, 8) == Span.of(text, 0, 8)
    mention = span_of(text, 0, 8)
    assert source_of("Interfax", "outlet", mention) == Source.of("Interfax", "outlet", mention)
    assert source_of("TASS").model_fields_set == Source.of("TASS").model_fields_set
    assert chain_of([[source_of("TASS")]]) == Chain.of([[Source.of("TASS")]])
    with pytest.raises(ValidationError):
        source_of("TASS", "agency")
    with pytest.raises(ValidationError):
        span_of(text, -1, 2)
