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
