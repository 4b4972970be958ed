"""Decoding: UTF-8 with or without BOM, legacy encodings detected, noise refused."""

from __future__ import annotations

import codecs
import os

import pytest

from provenance.errors import InputError
from provenance.ingest.encoding import decode

RU = ("Министерство внутренних дел сообщило, что 26 вооружённых преступников убиты, "
      "а более трёх тысяч человек задержаны. По словам представителя ведомства, ситуация "
      "в городе остаётся напряжённой, однако полиция контролирует все административные здания.")
FR = ("Le ministère de l'Intérieur a déclaré vendredi que 26 « criminels armés » avaient été "
      "tués et 18 blessés, tandis que plus de 3 000 personnes ont été arrêtées. « Nous ne "
      "négocierons pas », a-t-il déclaré à la télévision. La situation à Almaty reste très "
      "tendue, selon l'agence, qui cite la chaîne de télévision locale.")
SK = ("Polícia v kazašskom meste zabila vo štvrtok v noci desiatky demonštrantov, ktorí "
      "zaútočili na viaceré úradné budovy. Ministerstvo zahraničných vecí Slovenskej republiky "
      "s veľkým znepokojením sleduje aktuálny vývoj. Podľa informácií ministerstva nie sú medzi "
      "zranenými občania Slovenska. Niekoľko kňazov a rehoľných sestier pôsobí v krajine.")


def test_utf8_plain_and_with_bom() -> None:
    assert decode("Zürich “said” 3".encode(), "a").encoding == "utf-8"
    d = decode(codecs.BOM_UTF8 + "Zürich".encode(), "a")
    assert d.text == "Zürich" and d.how == "bom"


def test_utf16_with_bom() -> None:
    assert decode("Police said 5 died.".encode("utf-16"), "a").text == "Police said 5 died."


@pytest.mark.parametrize("text,enc", [(RU, "cp1251"), (FR, "latin-1"), (SK, "cp1250")])
def test_legacy_encodings_are_detected(text: str, enc: str) -> None:
    d = decode(text.encode(enc), "a")
    assert d.text == text
    assert d.how.startswith("detected")
    assert codecs.lookup(d.encoding).name in {codecs.lookup(e).name for e in
                                              (enc, "cp1252", "iso8859_2", "cp1250")}


def test_declared_charset_wins_over_detection() -> None:
    d = decode(FR.encode("cp1252"), "a", declared="windows-1252")
    assert d.text == FR and d.how == "declared"


def test_a_few_bad_bytes_in_utf8_are_replaced() -> None:
    raw = "Zürich “said” München".encode() + b"\xff" + " Köln".encode()
    d = decode(raw, "a")
    assert d.encoding == "utf-8" and "\ufffd" in d.text and "München" in d.text


@pytest.mark.parametrize("raw,kind", [
    (b"", "empty"), (b"  \n\t ", "empty"), (b"abc\x00def" * 10, "binary"),
    (bytes(range(128, 256)) * 20, "encoding"), (b"abc \xff\xfe\xfd\xfc\xfb" * 50, "encoding"),
    (b"\x01\x02\x03\x04 text " * 50, "binary"),
])
def test_non_text_is_refused_with_a_kind(raw: bytes, kind: str) -> None:
    with pytest.raises(InputError) as info:
        decode(raw, "f.txt")
    assert info.value.kind == kind
    assert str(info.value).startswith("f.txt: ")
    assert "\n" not in str(info.value)


def test_random_bytes_are_refused() -> None:
    with pytest.raises(InputError):
        decode(os.urandom(4096), "r")
