import pytest

from provenance.evaluation.matching import chains_equal, names_match, overlap


@pytest.mark.parametrize(("gold", "pred"), [
    ("Cameroon health ministry", "health ministry"),
    ("Armand Balilo", "Rear Admiral Armand Balilo"),
    ("Interior Ministry of Kazakhstan", "Interior Ministry in Kazakhstan"),
    ("Khabar 24", "Chabar-24"),
    ("Kassym-Jomart Tokayev", "Tokayev"),
])
def test_names_that_denote_the_same_source(gold: str, pred: str) -> None:
    assert names_match(gold, pred)


@pytest.mark.parametrize(("gold", "pred"), [
    ("miners' union", "union"),
    ("Interior Ministry", "Foreign Ministry"),
    ("Saltanat Azirbek", "Ned Price"),
    ("Police", None),
])
def test_names_that_do_not(gold: str, pred: str | None) -> None:
    assert not names_match(gold, pred)


def test_chains_compare_hop_by_hop_with_parallel_hops() -> None:
    assert chains_equal(["Chabar-24", ["TASS", "AFP"]], ["Khabar 24", ["TASS", "AFP"]])
    assert not chains_equal(["Chabar-24", ["TASS", "AFP"]], ["Khabar 24", "TASS"])
    assert not chains_equal(["AFP"], [])


def test_overlap_is_shared_tokens_over_the_longer_text() -> None:
    assert overlap("dozens of attackers", "Dozens of attackers have been eliminated") == 0.5
    assert overlap("", "x") == 0.0
