"""Highlight folded query terms inside the original (accented) text."""

from __future__ import annotations

import functools
import html
import unicodedata

from lantoa.lib.monitoring.query import TOKEN
from lantoa.lib.text import fold

SCAN_CHARS = 3000


@functools.lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)).lower()
    return base or ch


class _FoldTable(dict[int, str]):
    """str.translate table folding one character at a time, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if len(self) < 8192:  # bounded like the lru_cache above: a text of rare characters cannot grow it
            self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def _word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) for each word of ``text``, offsets into the original string."""
    folded = text.translate(_FOLD_TABLE)
    if len(folded) == len(text):
        # Every character folded to exactly one (no character folds to none), so offsets carry over.
        return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(folded)]
    folded_chars: list[str] = []
    owners: list[int] = []
    for index, ch in enumerate(text):
        for piece in _fold_char(ch):
            folded_chars.append(piece)
            owners.append(index)
    folded = "".join(folded_chars)
    return [(owners[m.start()], owners[m.end() - 1] + 1, m.group()) for m in TOKEN.finditer(folded)]


def highlight(text: str, terms: list[tuple[str, ...]], *, limit: int | None = None, context: int = 120) -> str:
    """HTML-escaped ``text`` with <mark> around each occurrence of a folded term (phrases included).

    With ``limit`` the result is a snippet of about ``limit`` characters around the first hit.
    """
    if limit is not None:
        text = text[:SCAN_CHARS]  # a snippet shows the first hit; scanning a whole long article costs time
    words = _word_spans(text)
    marks: list[tuple[int, int]] = []
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for term in terms:
        if term:
            folded = tuple(fold(w) for w in term)
            by_first.setdefault(folded[0], []).append(folded)
    for i, (start_offset, _end, word) in enumerate(words):
        for term in by_first.get(word, ()):
            n = len(term)
            if tuple(w[2] for w in words[i:i + n]) == term:
                marks.append((start_offset, words[i + n - 1][1]))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(marks):
        # "chuyển đổi số" typed without quotes marks three words: show them as one run.
        if merged and (a <= merged[-1][1] or not text[merged[-1][1]:a].strip()):
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    marks = merged
    start, end = 0, len(text)
    if limit is not None:
        first = marks[0][0] if marks else 0
        start = max(0, first - context)
        end = min(len(text), start + limit)
    out: list[str] = ["…" if start > 0 else ""]
    cursor = start
    for a, b in sorted(marks):
        if a < cursor or b > end:
            continue
        out.append(html.escape(text[cursor:a]))
        out.append(f"<mark>{html.escape(text[a:b])}</mark>")
        cursor = b
    out.append(html.escape(text[cursor:end]))
    if end < len(text):
        out.append("…")
    return "".join(out)
