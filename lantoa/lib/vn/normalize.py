"""Vietnamese text normalisation: one canonical spelling for every word before it is stored or compared.

Text reaches the platform from scans, Word files, web pages and people typing on phones. The same word
arrives as NFC or NFD, with the tone mark on either vowel ("hòa"/"hoà"), with typographic or ASCII
quotes and dashes, and with words split across lines by a hyphen. ``normalize`` removes all of those
differences so that later steps (search, parsing, the language model) see one form.

Canonical tone placement is the *new style* ("hoà", "khoẻ", "thuỷ"): in an open syllable ending in
"oa", "oe" or "uy" the tone sits on the second vowel. It is what the central plans (seed 001) use and what
the 2018 orthography rules of the Ministry of Education prescribe. ``fold()`` ignores placement anyway,
so matching is unaffected by the choice.
"""

from __future__ import annotations

import re
import unicodedata

# Combining tone marks (one per syllable at most) and vowel marks (part of the letter).
TONE_MARKS = {"\u0300": "f", "\u0301": "s", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
_VOWEL_MARKS = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn
_VOWELS = set("aăâeêioôơuưy")
_D_TABLE = str.maketrans({"đ": "d", "Đ": "D"})

#: One Vietnamese-script word: letters (any script-Latin with marks) possibly joined by nothing else.
WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


def strip_marks(text: str) -> str:
    """Remove every tone and vowel mark and turn đ into d, keeping case and everything else.

    Unlike ``fold()`` it keeps case, punctuation and spacing, so the result lines up character for
    character with the input; restoration and the benchmark rely on that.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_D_TABLE))
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def split_tone(syllable: str) -> tuple[str, str]:
    """Split a syllable into (syllable without tone, tone letter in Telex: '', f, s, r, x, j)."""
    decomposed = unicodedata.normalize("NFD", syllable)
    tone = ""
    kept = []
    for ch in decomposed:
        if ch in TONE_MARKS:
            tone = TONE_MARKS[ch]
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)), tone


_TONE_BY_LETTER = {v: k for k, v in TONE_MARKS.items()}


def _tone_position(base: str) -> int | None:
    """Index in ``base`` (a toneless NFC syllable) of the vowel that carries the tone, new style."""
    lower = base.lower()
    start = 0
    if (lower.startswith("qu") and len(lower) > 2 and lower[2] in _VOWELS) or (
        lower.startswith("gi") and len(lower) > 2 and unicodedata.normalize("NFD", lower[2])[0] in _VOWELS
    ):
        start = 2
    positions = [i for i in range(start, len(lower)) if unicodedata.normalize("NFD", lower[i])[0] in _VOWELS]
    if not positions:
        # "gì", "gìn": the i of gi is the only vowel.
        if start == 2 and lower.startswith("gi"):
            return 1
        return None
    # Keep only the first contiguous vowel cluster.
    cluster = [positions[0]]
    for pos in positions[1:]:
        if pos == cluster[-1] + 1:
            cluster.append(pos)
        else:
            break
    marked = [i for i in cluster if lower[i] in "ăâêôơư"]
    if marked:
        return marked[-1]
    if len(cluster) == 1:
        return cluster[0]
    if len(cluster) >= 3:
        return cluster[1]
    has_final = cluster[-1] < len(lower) - 1
    if has_final:
        return cluster[1]
    pair = lower[cluster[0]] + lower[cluster[1]]
    if pair in {"oa", "oe", "uy"}:
        return cluster[1]
    return cluster[0]


def place_tone(base: str, tone: str) -> str:
    """Put Telex ``tone`` (f, s, r, x, j or '') on the right vowel of toneless ``base``, new style."""
    if not tone:
        return base
    pos = _tone_position(base)
    if pos is None:
        return base
    mark = _TONE_BY_LETTER[tone]
    return unicodedata.normalize("NFC", base[:pos] + base[pos] + mark + base[pos + 1 :])


def canonical_syllable(syllable: str) -> str:
    """Return ``syllable`` (NFC) with its tone mark moved to the canonical, new-style position.

    Words that are not Vietnamese syllables (no vowel, or more than one tone) are returned unchanged.
    """
    decomposed = unicodedata.normalize("NFD", syllable)
    if sum(1 for ch in decomposed if ch in TONE_MARKS) != 1:
        return syllable
    base, tone = split_tone(syllable)
    return place_tone(base, tone)


_QUOTES = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u00b4": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u00ad": "",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u200b": "",
        "\ufeff": "",
        "\u2026": "...",
    }
)
_DASHES = re.compile(r"[ \t]*[\u2013\u2014\u2015\u2212][ \t]*")
_STRAIGHT_QUOTES = re.compile(r'"([^"\n]*)"')
# Only lowercase letters on both sides: "57-\nNQ/TW" is a code broken at its own hyphen, keep it.
_HYPHEN_BREAK = re.compile(r"([^\W\d_])-[ \t]*\n[ \t]*([^\W\d_])")
_SPACES = re.compile(r"[ \t\f\v]+")
_SPACE_BEFORE_PUNCT = re.compile(r"[ \t]+([,.;:!?)\]])")
_SPACE_AFTER_OPEN = re.compile(r"([(\[])[ \t]+")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
_ANY_WORD = re.compile(r"\w+", re.UNICODE)


def _join_hyphenated(match: re.Match[str]) -> str:
    left, right = match.group(1), match.group(2)
    if left.islower() and right.islower():
        return left + right
    return match.group(0)


def normalize(text: str) -> str:
    """Return ``text`` in the one form the platform stores and compares.

    - Unicode NFC, zero-width characters and soft hyphens dropped, non-breaking spaces made plain;
    - every syllable's tone mark in the canonical new-style position ("hòa" → "hoà", "Thủy" → "Thuỷ");
    - quotes become Vietnamese typographic quotes “…”; en/em dashes between words become " – ";
    - words split by a hyphen at a line break are joined ("chuyển đổi tuyên truy-\\nền" → "tuyên truyền")
      but "Hà Nội - Hải Phòng" style hyphens between words are kept;
    - runs of spaces collapse, spaces before punctuation go, lines are stripped, at most one blank line.

    Line breaks are otherwise kept: they carry structure (headings, list items) for the plan parser.
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.translate(_QUOTES)
    text = _HYPHEN_BREAK.sub(_join_hyphenated, text)
    text = _DASHES.sub(" – ", text)
    text = _STRAIGHT_QUOTES.sub("\u201c\\1\u201d", text)
    text = _SPACES.sub(" ", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _SPACE_AFTER_OPEN.sub(r"\1", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    text = _ANY_WORD.sub(lambda m: canonical_syllable(m.group(0)), text)
    return text.strip()
