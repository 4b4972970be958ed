"""Entity names: aliases, transliterations, kinds, and the user's own alias file."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance import entities
from provenance.entities import canonical, known_kind, normalise, same_entity, same_person


@pytest.mark.parametrize(("a", "b"), [
    ("Khabar 24", "Khabar-24"), ("Khabar 24", "Chabar-24"), ("RIA Novosti", "Ria Novosti"),
    ("ODKB", "CSTO"), ("Tokayev", "Tokaev"), ("Toqaev", "Kassym-Jomart Tokayev"),
    ("Azirbek", "Azirbeková"), ("AFP", "Agence France-Presse"), ("the Associated Press", "AP"),
    ("Interior Ministry in Kazakhstan", "Interior Ministry of Kazakhstan"),
])
def test_same_entity(a: str, b: str) -> None:
    assert same_entity(a, b)


@pytest.mark.parametrize(("a", "b"), [
    ("TASS", "AFP"), ("Reuters", "RIA Novosti"), ("Ned Price", "Nikol Pashinyan"),
    ("European Pravda", "Ukrainska Pravda"), ("Police", "Interior Ministry"),
])
def test_different_entities(a: str, b: str) -> None:
    assert not same_entity(a, b)


def test_none_only_matches_none() -> None:
    assert same_entity(None, None)
    assert not same_entity(None, "AFP")


def test_normalise_folds_case_accents_punctuation_and_article() -> None:
    assert normalise("The  Azirbeková-News!") == "azirbekova news"


def test_kinds_from_the_table() -> None:
    assert known_kind("Reuters") == "outlet"
    assert known_kind("chabar 24") == "outlet"
    assert known_kind("ODKB") == "body"
    assert known_kind("Tokaev") == "person"
    assert known_kind("Nobody Known") is None


def test_same_person_matches_surname_and_inflection_not_strangers() -> None:
    assert same_person("Mirziyoyev", "Shavkat Mirziyoyev")
    assert same_person("Novakova", "Jana Novak")
    assert not same_person("Anna Novak", "Peter Novak")
    assert not same_person("Li", "Li Wei Chen")


def test_user_alias_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "mine.tsv"
    f.write_text("# mine\nSteppe Courier\tThe Steppe Courier\tSC\t@outlet\n", encoding="utf-8")
    monkeypatch.setenv("PROVENANCE_ALIASES", str(f))
    entities.reload_aliases()
    try:
        assert canonical("SC") == "Steppe Courier"
        assert known_kind("the steppe courier") == "outlet"
        assert same_entity("SC", "Steppe Courier")
    finally:
        monkeypatch.delenv("PROVENANCE_ALIASES")
        entities.reload_aliases()
    assert canonical("SC") == "SC"
