"""Bytes to text without mangling: BOMs honoured, legacy encodings detected.

News files arrive as UTF-8, UTF-16 with a BOM, or Windows-1251 from older
Russian and Ukrainian sites.  Guessing wrong turns Cyrillic into mojibake that
no later stage can repair, so detection happens once, here.
"""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from eventwire.errors import Errors, InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
BINARY_SNIFF_BYTES = 8192


def decode_bytes(data: bytes, source: str) -> str:
    """Return the text of ``data`` or raise InputError saying why it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise InputError(Errors.E205.format(source=source))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise InputError(Errors.E206.format(source=source))
    return data.decode(best.encoding, errors="replace")
