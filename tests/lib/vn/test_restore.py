"""Tone-mark restoration on sentences written for these tests (never the seeds)."""

from __future__ import annotations

import pytest

from lantoa.lib.vn.align import same_word
from lantoa.lib.vn.normalize import strip_marks
from lantoa.lib.vn.restore import restore_marks

SENTENCES = [
    "chuyển đổi số cấp xã",
    "Uỷ ban nhân dân phường tổ chức tuyên truyền về dịch vụ công trực tuyến",
    "Người dân cần hỗ trợ đăng ký tài khoản định danh điện tử",
    "Kế hoạch thực hiện Nghị quyết của Bộ Chính trị về phát triển khoa học và công nghệ",
    "Các cơ quan báo chí mở chuyên mục về kinh tế số và xã hội số",
    "Đoàn thanh niên hướng dẫn người cao tuổi sử dụng điện thoại thông minh",
]


def test_issue_example() -> None:
    assert restore_marks("chuyen doi so cap xa") == "chuyển đổi số cấp xã"


def test_sentences_mostly_restored() -> None:
    correct = total = 0
    for sentence in SENTENCES:
        restored = restore_marks(strip_marks(sentence)).split()
        expected = sentence.split()
        assert len(restored) == len(expected)
        correct += sum(same_word(a, b) for a, b in zip(restored, expected, strict=True))
        total += len(expected)
    assert correct / total >= 0.9


def test_case_and_layout_kept() -> None:
    text = "UY BAN NHAN DAN\nKe hoach so 41-KH/DU, ngay 12/02/2026:\n  - Tuyen truyen."
    restored = restore_marks(text)
    assert restored.split("\n")[0] == "UỶ BAN NHÂN DÂN"
    assert "41-KH/DU" in restored and "12/02/2026" in restored
    assert restored.count("\n") == 2
    assert restored.endswith("  - Tuyên truyền.")


def test_marked_words_are_left_alone() -> None:
    assert restore_marks("sở tư pháp") == "sở tư pháp"


@pytest.mark.parametrize("text", ["", "   ", "123 456", "https://example.vn/a?b=c", "??"])
def test_degenerate_input(text: str) -> None:
    assert restore_marks(text) == text
