"""Plain-text reading with encoding detection.

Plans reach us as UTF-8 (web copies, OCR output), UTF-16 (Notepad "Unicode"), or
Windows-1258 (old Vietnamese Windows installs). Windows-1258 writes tone marks as
combining characters, so its output is NFC-normalised.
"""

from __future__ import annotations

import codecs
import unicodedata

from .errors import document_error


def _is_viet_letter(ch: str) -> bool:
    # ă â đ ơ ư and every toned vowel (U+1EA0–U+1EF9) lie above Latin-1, so a Windows-1252
    # misreading of Vietnamese bytes can never produce them.
    code = ord(ch)
    return 0x1EA0 <= code <= 0x1EF9 or ch in "ăâđơưĂÂĐƠƯ"


def _score(text: str) -> float:
    """Share of Vietnamese-only letters minus control/replacement noise."""
    if not text:
        return 0.0
    letters = sum(ch.isalpha() for ch in text) or 1
    viet = sum(_is_viet_letter(ch) for ch in text)
    noise = sum(
        ch == "\ufffd" or unicodedata.combining(ch) > 0 or (unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
        for ch in text
    )
    return (viet - 5 * noise) / letters


def decode_text(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` for the bytes of a text file; raises DocumentError."""
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return unicodedata.normalize("NFC", data.decode(enc)), enc
            except UnicodeDecodeError:
                break
    try:
        return unicodedata.normalize("NFC", data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    sample = data[:4096]
    # UTF-16 without a BOM: every other byte of ASCII-range text is NUL.
    if sample and sample.count(0) > len(sample) // 4:
        even_nuls = sample[0::2].count(0)
        enc = "utf-16-be" if even_nuls > len(sample) // 4 else "utf-16-le"
        try:
            return unicodedata.normalize("NFC", data.decode(enc)), enc
        except UnicodeDecodeError:
            pass
    candidates: list[tuple[float, str, str]] = []
    for enc in ("cp1258", "cp1252"):
        try:
            text = unicodedata.normalize("NFC", data.decode(enc))
        except UnicodeDecodeError:
            continue
        candidates.append((_score(text), enc, text))
    try:  # charset_normalizer arrives with httpx/requests; used only as a tie-breaker.
        import charset_normalizer
    except ImportError:  # pragma: no cover - optional
        charset_normalizer = None  # type: ignore[assignment]
    if charset_normalizer is not None and not any(score > 0.01 for score, _, _ in candidates):
        best = charset_normalizer.from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            try:
                text = unicodedata.normalize("NFC", data.decode(best.encoding))
                candidates.append((_score(text) + 0.001, best.encoding, text))
            except (UnicodeDecodeError, LookupError):
                pass
    if not candidates:
        raise document_error("undecodable")
    _, enc, text = max(candidates, key=lambda c: c[0])
    return text, enc
