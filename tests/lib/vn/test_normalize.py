"""Normalisation: one spelling per word, layout kept."""

from __future__ import annotations

import unicodedata

import pytest

from lantoa.lib.text import fold
from lantoa.lib.vn.normalize import canonical_syllable, normalize, place_tone, split_tone, strip_marks


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("hòa", "hoà"),
        ("Hòa", "Hoà"),
        ("thủy", "thuỷ"),
        ("khỏe", "khoẻ"),
        ("hóa", "hoá"),
        ("Ủy", "Uỷ"),
        ("hoàn", "hoàn"),
        ("quả", "quả"),
        ("giữ", "giữ"),
        ("gì", "gì"),
        ("người", "người"),
        ("khuỷu", "khuỷu"),
        ("QUẢ", "QUẢ"),
        ("NGHỊ", "NGHỊ"),
        ("tuyển", "tuyển"),
        ("mía", "mía"),
        ("thuở", "thuở"),
    ],
)
def test_canonical_tone_placement_is_new_style(given: str, expected: str) -> None:
    assert canonical_syllable(given) == expected


def test_canonical_placement_keeps_fold_key() -> None:
    for word in ["hòa", "Thủy", "khỏe", "Ủy"]:
        assert fold(canonical_syllable(word)) == fold(word)


def test_nfd_input_becomes_nfc_canonical() -> None:
    decomposed = unicodedata.normalize("NFD", "Hòa Bình và Thủy")
    assert normalize(decomposed) == "Hoà Bình và Thuỷ"


def test_quotes_dashes_and_spaces() -> None:
    text = 'Phong trào  "Bình dân học vụ số" , giai đoạn 2026—2028 ( năm đầu )'
    assert normalize(text) == "Phong trào “Bình dân học vụ số”, giai đoạn 2026 – 2028 (năm đầu)"


def test_hyphenated_line_break_is_joined_but_codes_are_not() -> None:
    assert normalize("công tác tuyên truy-\nền về chuyển đổi số") == "công tác tuyên truyền về chuyển đổi số"
    assert normalize("Nghị quyết 57-\nNQ/TW") == "Nghị quyết 57-\nNQ/TW"


def test_line_structure_is_kept() -> None:
    text = "I. MỤC ĐÍCH\n\n\n\n1. Mục đích   \n  - Tuyên truyền"
    assert normalize(text) == "I. MỤC ĐÍCH\n\n1. Mục đích\n- Tuyên truyền"


def test_zero_width_and_nbsp() -> None:
    assert normalize("chuyển\u00a0đổi\u200b số\u00ad") == "chuyển đổi số"


def test_strip_marks_keeps_case_and_layout() -> None:
    assert strip_marks("Đảng Cộng sản Việt Nam,\nHÀ NỘI") == "Dang Cong san Viet Nam,\nHA NOI"


def test_split_and_place_tone_round_trip() -> None:
    base, tone = split_tone("đổi")
    assert (base, tone) == ("đôi", "r")
    assert place_tone(base, tone) == "đổi"


def test_empty() -> None:
    assert normalize("") == ""
