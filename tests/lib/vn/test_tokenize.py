"""The underthesea wrapper returns words, multi-syllable words kept together."""

from __future__ import annotations

from lantoa.lib.vn.tokenize import word_tokenize


def test_words() -> None:
    words = word_tokenize("Ban Chỉ đạo ban hành kế hoạch chuyển đổi số.")
    assert "kế hoạch" in words
    assert "chuyển đổi" in words


def test_joined() -> None:
    assert "kế_hoạch" in word_tokenize("kế hoạch tuyên truyền", joined=True)


def test_blank() -> None:
    assert word_tokenize("   ") == []
