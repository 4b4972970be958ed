"""Bytes to text: UTF-8 (with or without BOM), else a legacy encoding (charset-normalizer).

:func:`decode` returns the text and a :class:`Decoded` record of the decision, so
callers can report it (``provenance extract --verbose``). Input that no encoding
explains (binary data, random bytes) raises :class:`~provenance.errors.InputError`.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

from provenance.errors import InputError

# Legacy encodings news pages actually come in; charset-normalizer picks among these
# (an unrestricted search happily "explains" noise as EBCDIC or Big5).
LEGACY_ENCODINGS: tuple[str, ...] = (
    "cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r", "koi8_u",
    "iso8859_5", "cp1253", "iso8859_7", "cp1254", "iso8859_9", "cp1257", "iso8859_13",
    "mac_roman", "cp866",
)
MAX_CHAOS = 0.25  # charset-normalizer's mess ratio above which a decoding is rejected
_SNIFF_BYTES = 64 * 1024
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Decoded:
    """Decoded text and how it was decoded."""

    text: str
    encoding: str
    how: str  # "bom", "utf-8", "declared", "detected" or "utf-8 with replacements"

    def describe(self) -> str:
        """A short human-readable account of the decision."""
        return f"encoding {self.encoding}" + ("" if self.how == self.encoding else f" ({self.how})")


def _control_ratio(text: str) -> float:
    """Share of characters that are control characters other than ordinary white space."""
    sample = text[:_SNIFF_BYTES]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if (ch < " " and ch not in "\t\n\r\f\v") or ch == "\x7f")
    return bad / len(sample)


def _looks_binary(raw: bytes) -> bool:
    head = raw[:_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 11, 12, 13, 27))
    return ctrl > len(head) * 0.02


def _mostly_utf8(raw: bytes) -> int | None:
    """How many bytes are invalid when ``raw`` is otherwise clearly UTF-8, else ``None``."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - raw.decode("utf-8", errors="ignore").count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    return bad if good >= 3 and bad * 4 <= good else None


def decode(raw: bytes, name: str, declared: str | None = None) -> Decoded:
    """Decode ``raw`` (the bytes of input ``name``), raising :class:`InputError` if it is not text.

    ``declared`` is an encoding the container names (an HTML ``<meta charset>``);
    it is tried right after UTF-8.
    """
    if not raw.strip():
        raise InputError(name, "empty file", kind="empty")
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                return _checked(raw.decode(enc), enc.replace("-sig", "") + " with BOM", "bom", name)
            except UnicodeDecodeError as exc:
                raise InputError(name, f"invalid {enc} after its byte-order mark "
                                 f"(byte {exc.start})", kind="encoding") from None
    if _looks_binary(raw):
        raise InputError(name, "binary data, not text", kind="binary")
    try:
        return _checked(raw.decode("utf-8"), "utf-8", "utf-8", name)
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if declared:
        try:
            if codecs.lookup(declared).name not in ("utf-8", "utf-16", "utf-32"):
                return _checked(raw.decode(declared), codecs.lookup(declared).name,
                                "declared", name)
        except (LookupError, UnicodeDecodeError):
            pass
    bad = _mostly_utf8(raw)
    if bad is not None:
        text = raw.decode("utf-8", errors="replace")
        return _checked(text, "utf-8", f"utf-8 with {bad} invalid bytes replaced", name)
    found = _detect(raw)
    if found is None:
        raise InputError(name, f"not UTF-8 (invalid byte 0x{raw[first_bad]:02x} at offset "
                         f"{first_bad}) and no known encoding explains it", kind="encoding")
    encoding, chaos = found
    return _checked(raw.decode(encoding), encoding, f"detected, mess {chaos:.2f}", name)


def _detect(raw: bytes) -> tuple[str, float] | None:
    """The legacy encoding charset-normalizer finds most plausible, with its mess ratio."""
    best = from_bytes(raw, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is not None and best.chaos <= MAX_CHAOS:
        return best.encoding, best.chaos
    # charset-normalizer sometimes drops every candidate of a batch that it would
    # accept one at a time (seen with iso8859_2 beside cp1250); ask singly.
    sample = raw[: 4 * _SNIFF_BYTES]
    scored: list[tuple[float, float, str]] = []
    for enc in LEGACY_ENCODINGS:
        m = from_bytes(sample, cp_isolation=[enc]).best()
        if m is not None and m.chaos <= MAX_CHAOS:
            try:
                raw.decode(enc)
            except UnicodeDecodeError:
                continue
            scored.append((m.chaos, -m.coherence, enc))
    if not scored:
        return None
    chaos, _, enc = min(scored)
    return enc, chaos


def _checked(text: str, encoding: str, how: str, name: str) -> Decoded:
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError(name, "empty file", kind="empty")
    if _control_ratio(text) > 0.02:
        raise InputError(name, "binary data, not text", kind="binary")
    return Decoded(text=text, encoding=encoding, how=how)
