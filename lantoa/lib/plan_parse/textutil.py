"""Line preparation and OCR-tolerant matching helpers shared by the plan parsers.

Every structural match runs on a *same-length* folded copy of the text (lowercase, marks
stripped, đ→d, exactly one output character per input character), so a regex span found
in the folded copy cuts the same span out of the original. ``lantoa.lib.text.fold`` also
collapses whitespace, which would break that correspondence; otherwise the two agree.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# A tab is a column gap in text copied from a table: keep it visible as three spaces.
_SPACES = str.maketrans(
    {
        "\t": "   ",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u3000": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2009": " ",
    }
)
_MULTISPACE = re.compile(r"[ ]{3,}")
_GLUED_CODE = re.compile(r"(/[A-ZĐ]{2,})([a-zđ]{3,})")


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    if ch in "đĐðÐ":
        return "d"
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    if len(base) != 1:
        return ch.lower()[:1] or " "
    low = base.lower()
    return low if len(low) == 1 else base


def fold_same(text: str) -> str:
    """Tone-insensitive lowercase copy of ``text`` with exactly the same length."""
    return "".join([_fold_char(c) for c in text])


def prepare_text(text: str) -> str:
    """NFC, unified spaces and line ends, invisible characters removed.

    Runs of three or more spaces (column gaps) are kept as exactly three.
    Combining marks left over after NFC cannot belong to a Vietnamese letter (NFC would
    have composed them); they are OCR debris and are dropped so folding stays 1:1.
    """
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH).translate(_SPACES)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = "".join(c for c in text if not unicodedata.combining(c))
    # OCR glues the next word onto a code ("57-NQ/TWciia Bộ Chính trị"); codes end in
    # capitals or digits, so three or more lowercase letters after "/CAPS" are a new word.
    text = _GLUED_CODE.sub(r"\1 \2", text)
    return "\n".join(_MULTISPACE.sub("   ", line).rstrip() for line in text.split("\n"))


def clean_space(text: str) -> str:
    """Collapse whitespace and strip; join words hyphenated across a line break."""
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text) if "-\n" in text else text
    return " ".join(text.split())


def within_one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one insertion, deletion or substitution."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


_TOKEN = re.compile(r"\S+")


def tokens(folded: str) -> list[str]:
    """Folded words with surrounding punctuation removed (OCR debris kept inside)."""
    out = []
    for tok in _TOKEN.findall(folded):
        tok = tok.strip(".,;:()[]{}\"'“”‘’«»!?*|")
        if tok:
            out.append(tok)
    return out


def word_matches(token: str, word: str) -> bool:
    """OCR-tolerant comparison of one folded token with one folded dictionary word.

    Short words must agree on the first letter ("ke" ~ "k&", never "ve"); longer words
    allow one edit ("pich" ~ "dich", "thu'c" ~ "thuc").
    """
    if token == word:
        return True
    if len(word) <= 2:
        # D is read as P or B (Đ has no glyph in English OCR): "po" ~ "do", "bu" ~ "du".
        first = "d" if token[:1] in ("p", "b") and word[:1] == "d" else token[:1]
        return len(token) <= 3 and first == word[:1] and within_one_edit(first + token[1:], word)
    if len(word) == 3:
        return within_one_edit(token, word) and (token[:1] == word[:1] or token[1:] == word[1:])
    return within_one_edit(token, word)


def phrase_at(toks: list[str], start: int, phrase: tuple[str, ...]) -> bool:
    if start + len(phrase) > len(toks):
        return False
    return all(word_matches(toks[start + i], w) for i, w in enumerate(phrase))


def find_phrase(toks: list[str], phrase: tuple[str, ...]) -> int:
    """Index of the first token where ``phrase`` matches, or -1."""
    for i in range(len(toks) - len(phrase) + 1):
        if phrase_at(toks, i, phrase):
            return i
    return -1


def has_phrase(folded: str, phrase: str) -> bool:
    return find_phrase(tokens(folded), tuple(phrase.split())) >= 0


def upper_ratio(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(c.isupper() for c in letters) / len(letters)


def sentence_case(text: str) -> str:
    """ "KẾ HOẠCH TRUYỀN THÔNG" → "Kế hoạch truyền thông"; mixed-case text is left alone."""
    if upper_ratio(text) < 0.8:
        return text
    low = text.lower()
    return low[:1].upper() + low[1:]


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
