"""Classes built by the thousand per article keep a written ``__init__``.

``dataclass`` generates ``__init__`` from source text at import time; mypyc leaves that
one interpreted, at several times the cost of a compiled one (``bench.instructions``).
"""

from __future__ import annotations

import pytest

from provenance.extract.attribution import Attribution, Found
from provenance.extract.chains import _Sentence
from provenance.extract.names import Mention
from provenance.extract.quotes import _Cand
from provenance.extract.speakers import _Person
from provenance.models import Source


@pytest.mark.parametrize("cls", [Found, Attribution, _Sentence, Mention, _Cand, _Person])
def test_init_is_written_not_generated(cls: type) -> None:
    code = getattr(cls.__init__, "__code__", None)  # none in the compiled build
    assert code is None or code.co_filename.endswith(".py")  # generated: "<string>"


def test_defaults_equality_and_order_still_hold() -> None:
    a, b = Attribution(), Attribution()
    assert a == b and a.found is not b.found  # a fresh list each
    a.found.append(Found(Source(name="TASS", kind="outlet"), 3, 1, "relay"))
    assert a != b
    assert _Sentence(0, 1, 5, b, False).chain == []
    assert _Person(3, "Anna Berg") < _Person(7, "Ben Ode", "mayor")  # ordered by position
    assert _Person(3, "Anna Berg") == _Person(3, "Someone Else")  # names do not compare
    assert Mention(0, 4, "person", "Anna", None, "anna") == Mention(0, 4, "person", "Anna",
                                                                   None, "anna", None)
    assert _Cand(1, 2, 0, 0, 3).cue is None
