"""Folded terms for lexical matching, with the abbreviations citizens type on phones expanded.

Everything is matched on ``fold()`` keys so "tài khoản", "tai khoan" and "TÀI KHOẢN" are one term.
Vietnamese words are mostly two syllables ("tài khoản", "dịch vụ"), so the index also keeps syllable
bigrams: "khoan" alone is ambiguous (khoản, khoan, khoán), "tai khoan" is not.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from lantoa.lib.text import fold

# Abbreviation (folded) → marked expansion. Applied to the raw question before tone restoration so both
# the lexical and the dense side see the full words. Only unambiguous forms seen in citizen questions.
ABBREVIATIONS: dict[str, str] = {
    "tk": "tài khoản",
    "tkdd": "tài khoản định danh",
    "dddt": "định danh điện tử",
    "dvc": "dịch vụ công",
    "dvctt": "dịch vụ công trực tuyến",
    "cdvcqg": "Cổng Dịch vụ công quốc gia",
    "cccd": "căn cước công dân",
    "cmnd": "chứng minh nhân dân",
    "cmt": "chứng minh thư",
    "ubnd": "Ủy ban nhân dân",
    "hdnd": "Hội đồng nhân dân",
    "tthc": "thủ tục hành chính",
    "bdhvs": "Bình dân học vụ số",
    "cds": "chuyển đổi số",
    "sdt": "số điện thoại",
    "sđt": "số điện thoại",
    "dt": "điện thoại",
    "đt": "điện thoại",
    "mk": "mật khẩu",
    "pass": "mật khẩu",
    "password": "mật khẩu",
    "hs": "hồ sơ",
    "ko": "không",
    "k": "không",
    "kh": "không",
    "khg": "không",
    "hok": "không",
    "dc": "được",
    "đc": "được",
    "ntn": "như thế nào",
    "vs": "với",
    "j": "gì",
    "mn": "mọi người",
    "bhyt": "bảo hiểm y tế",
    "bhxh": "bảo hiểm xã hội",
    "gplx": "giấy phép lái xe",
    "otp": "mã OTP",
    "vneid": "VNeID",
    "vne-id": "VNeID",
    "app": "ứng dụng",
    "mucdo2": "mức độ 2",
}

# Words that carry no topic: pronouns, question particles, connectives (folded). Kept short on purpose;
# "so" (số), "cap" (cấp), "tu" (tự/từ/tư) stay because they carry meaning in this domain.
_STOPWORD_TEXT = """
    a ah a oi oi nhe nha nhi vay the thi la gi nao sao nhu ma va voi cua cho o trong ngoai
    toi minh em anh chi ban ad admin chung ta cac mot nhung nay do kia day dau ay
    co khong duoc can phai nen hay hoac ve den roi da dang se van cung rat qua lai
    nhieu bao it khi neu vi bi boi muon xin hoi giup duoc voi cho e c ak u ko
"""
STOPWORDS: frozenset[str] = frozenset(_STOPWORD_TEXT.split())

_TOKEN = re.compile(r"[a-z0-9]+")
_RAW_WORD = re.compile(r"[\w\-]+", re.UNICODE)


def expand_abbreviations(text: str) -> str:
    """Replace whole-word abbreviations ("tk", "dvc", "cccd") by their marked expansion."""

    def repl(match: re.Match[str]) -> str:
        word = match.group(0)
        expansion = ABBREVIATIONS.get(fold(word))
        if expansion is None or (word.isupper() and len(word) == 1):
            return word
        return expansion

    return _RAW_WORD.sub(repl, text)


def tokens(text: str) -> list[str]:
    """All folded syllables of ``text`` in order (stopwords included)."""
    return _TOKEN.findall(fold(text))


def content_terms(text: str) -> list[str]:
    """Folded syllables that carry topic: stopwords and one-letter noise removed."""
    return [t for t in tokens(text) if t not in STOPWORDS and (len(t) > 1 or t.isdigit())]


def index_terms(syllables: list[str]) -> list[str]:
    """Unigrams (without stopwords) plus bigrams of adjacent syllables unless both are stopwords.

    Stopwords are folded, so "co" is both có (filler) and cơ (cơ quan): the bigram keeps the second.
    """
    out = [t for t in syllables if t not in STOPWORDS and (len(t) > 1 or t.isdigit())]
    for left, right in itertools.pairwise(syllables):
        if left not in STOPWORDS or right not in STOPWORDS:
            out.append(f"{left}_{right}")
    return out


_MARKED_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)


def _canonical(syllable: str) -> str:
    try:
        from lantoa.lib.vn.normalize import canonical_syllable
    except ImportError:  # the text core is optional here; "khóa"/"khoá" then stay two spellings
        return syllable
    return canonical_syllable(syllable)


def marked_terms(text: str) -> list[str]:
    """Content syllables with their tone marks (lowercase, canonical tone placement).

    Folding merges words that differ only by marks ("mật khẩu" / "mất … khẩu", "hộ chiếu" / "hồ sơ"):
    fine for finding candidates, too coarse for deciding that a passage really answers.
    """
    out = []
    for word in _MARKED_WORD.findall(unicodedata.normalize("NFC", text.lower())):
        folded = fold(word)
        if folded in STOPWORDS or (len(word) == 1 and not word.isdigit()):
            continue
        out.append(_canonical(word))
    return out
