"""Turn page bytes into text, for Vietnamese sites whose charset declarations cannot be trusted.

Order of trust: a strict UTF-8 decode wins (valid multi-byte UTF-8 almost never happens by accident), then
the declared charset (HTTP header, then <meta>), then Windows-1258 — the legacy Vietnamese code page still
served by old provincial portals — and finally Windows-1252 with replacement so nothing ever raises.
Windows-1258 writes tones as combining marks, so the result is NFC-normalised: "Thủy" from a cp1258 page
compares equal to "Thủy" from a UTF-8 one.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", re.IGNORECASE)
# Declarations that Vietnamese sites get wrong most often: a Latin-1 family label on cp1258 bytes.
_LATIN_FAMILY = {"latin-1", "iso8859-1", "cp1252", "ascii"}


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        return codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None


def declared_charsets(content: bytes, content_type: str | None) -> list[str]:
    found: list[str] = []
    if content_type:
        match = _HEADER_CHARSET.search(content_type)
        if match and (name := _codec(match.group(1))):
            found.append(name)
    meta = _META_CHARSET.search(content[:4096])
    if meta and (name := _codec(meta.group(1).decode("ascii", "ignore"))):
        found.append(name)
    return found


def decode_bytes(content: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return (text, codec used). Never raises."""
    if content.startswith(codecs.BOM_UTF8):
        content = content[len(codecs.BOM_UTF8):]
    try:
        return unicodedata.normalize("NFC", content.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = [c for c in declared_charsets(content, content_type) if c != "utf-8"]
    # A Latin-1 family label on a page that is not UTF-8 is, on Vietnamese sites, nearly always cp1258.
    if not candidates or candidates[0] in _LATIN_FAMILY:
        candidates.insert(0, "cp1258")
    for name in [*candidates, "cp1258"]:
        try:
            return unicodedata.normalize("NFC", content.decode(name)), name
        except (UnicodeDecodeError, LookupError):
            continue
    return unicodedata.normalize("NFC", content.decode("cp1252", errors="replace")), "cp1252"
