"""Word alignment of OCR output with the clean text it came from.

Used by the benchmark (seed 000 against seed 001) and by the channel-model build (synthetic OCR of our
own text against that text). difflib anchors on words whose folded forms agree; between anchors a small
Needleman-Wunsch pairs words by character similarity, so "dbi" pairs with "đổi".
"""

from __future__ import annotations

import difflib
import re

from lantoa.lib.text import fold
from lantoa.lib.vn.normalize import normalize

_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$", re.UNICODE)
#: Digits OCR writes for letters ("s6" for "số", "13" for "là").
DIGIT_AS_LETTER = str.maketrans({"6": "o", "0": "o", "9": "o", "1": "l", "4": "a", "8": "e", "3": "e", "5": "s"})
#: Aligned pairs less alike than this (folded, digits read as letters) are misalignments, not damage.
MIN_PAIR_SIMILARITY = 0.34


def words(text: str) -> list[str]:
    """Whitespace words with surrounding punctuation removed (empty ones dropped)."""
    out = []
    for raw in text.split():
        word = _EDGE_PUNCT.sub("", raw)
        if word:
            out.append(word)
    return out


def same_word(a: str, b: str) -> bool:
    """Exact match after NFC and canonical tone placement (hoà = hòa); case-sensitive."""
    return normalize(a) == normalize(b)


def plausible_pair(ocr: str, true: str) -> bool:
    """Whether an aligned (OCR word, clean word) pair can be damage of one word, not two lines side by side.

    The channel builds count only such pairs: "13"/"là" and "dbi"/"đổi" pass, "hoach"/"định" does not.
    """
    ratio = difflib.SequenceMatcher(None, fold(ocr.translate(DIGIT_AS_LETTER)), fold(true), autojunk=False).ratio()
    return ratio >= MIN_PAIR_SIMILARITY


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, fold(a), fold(b), autojunk=False).ratio()


def align(source: list[str], target: list[str]) -> list[tuple[int | None, int | None]]:
    """Word alignment of OCR ``source`` to clean ``target``: (i, j) pairs, None for a gap.

    difflib anchors on words whose folded forms agree; inside the blocks between anchors a small
    Needleman-Wunsch pairs words by character similarity, so "dbi" pairs with "đổi".
    """
    sm = difflib.SequenceMatcher(None, [fold(w) for w in source], [fold(w) for w in target], autojunk=False)
    pairs: list[tuple[int | None, int | None]] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            pairs.extend(zip(range(i1, i2), range(j1, j2), strict=True))
        elif tag == "delete":
            pairs.extend((i, None) for i in range(i1, i2))
        elif tag == "insert":
            pairs.extend((None, j) for j in range(j1, j2))
        else:
            pairs.extend(_nw(source, target, i1, i2, j1, j2))
    return pairs


def _nw(
    source: list[str], target: list[str], i1: int, i2: int, j1: int, j2: int
) -> list[tuple[int | None, int | None]]:
    n, m = i2 - i1, j2 - j1
    if n * m > 250_000:  # pathological block: give up pairing
        return [(i, None) for i in range(i1, i2)] + [(None, j) for j in range(j1, j2)]
    gap = -0.4
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        score[i][0], move[i][0] = gap * i, 1
    for j in range(1, m + 1):
        score[0][j], move[0][j] = gap * j, 2
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            sim = _similarity(source[i1 + i - 1], target[j1 + j - 1])
            options = (
                (score[i - 1][j - 1] + (sim - 0.35) * 2, 0),
                (score[i - 1][j] + gap, 1),
                (score[i][j - 1] + gap, 2),
            )
            score[i][j], move[i][j] = max(options)
    out: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i or j:
        step = move[i][j]
        if step == 0:
            out.append((i1 + i - 1, j1 + j - 1))
            i, j = i - 1, j - 1
        elif step == 1:
            out.append((i1 + i - 1, None))
            i -= 1
        else:
            out.append((None, j1 + j - 1))
            j -= 1
    out.reverse()
    return out
