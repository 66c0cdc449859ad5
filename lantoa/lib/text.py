"""Vietnamese text folding: the one tone-insensitive key used by every search and match.

Imports nothing from Django so it can be tested and benchmarked on its own.
"""

from __future__ import annotations

import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")
# đ/Đ are separate letters, not a d with a combining mark, so NFD leaves them alone.
_D_TABLE = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def fold(text: str | None) -> str:
    """Return the tone-insensitive form of ``text``.

    Lowercase, all diacritics removed (tone and vowel marks), đ→d, whitespace collapsed.
    Because every mark is removed, old and new tone placement ("Hoà"/"Hòa",
    "Thuỷ"/"Thủy") fold to the same key without a placement table.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_TABLE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = stripped.lower().translate(_D_TABLE)
    return _WHITESPACE.sub(" ", folded).strip()


def fold_contains(haystack: str | None, needle: str | None) -> bool:
    """True when ``needle`` occurs in ``haystack`` ignoring tone marks and case."""
    return fold(needle) in fold(haystack)
