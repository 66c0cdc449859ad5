"""Word segmentation through underthesea, behind one function so the engine can change in one place.

Vietnamese writes one syllable per space-separated token; a *word* may span several ("chuyển đổi số" is
two words: "chuyển_đổi", "số"). Keyword extraction, themes and the assistant want words, not syllables.
underthesea's CRF segmenter works offline and ships with its model; it is imported lazily because the
import costs about a second and most callers of this package never need it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    from underthesea import word_tokenize as underthesea_word_tokenize

    return underthesea_word_tokenize


def word_tokenize(text: str, *, joined: bool = False) -> list[str]:
    """Split ``text`` into Vietnamese words (multi-syllable words keep their inner spaces).

    With ``joined=True`` the syllables of one word are joined by "_" ("chuyển_đổi"), which suits
    bag-of-words indexes that split on spaces.
    """
    if not text or not text.strip():
        return []
    words: list[str] = _segmenter()(text)
    if joined:
        return [word.replace(" ", "_") for word in words]
    return words
