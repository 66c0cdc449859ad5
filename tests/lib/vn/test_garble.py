"""The garble detector tells intake which step a text needs."""

from __future__ import annotations

from lantoa.lib.vn.garble import classify_text

CLEAN = (
    "Uỷ ban nhân dân xã xây dựng kế hoạch tuyên truyền về chuyển đổi số, hướng dẫn người dân sử dụng "
    "dịch vụ công trực tuyến và bảo đảm an toàn thông tin trên không gian mạng."
)
UNACCENTED = (
    "Uy ban nhan dan xa xay dung ke hoach tuyen truyen ve chuyen doi so, huong dan nguoi dan su dung "
    "dich vu cong truc tuyen va bao dam an toan thong tin tren khong gian mang."
)
GARBLED = (
    "Uy ban nhén dan xa xéy dung ké hoach tuyén truyén vé chuyén dbi s6, huéng din ngudi dan str dung "
    "dich vu cong truc tuyén va bao dam an toan théng tin trén khong gian mang."
)
ENGLISH = "The commune committee publishes a plan to explain the digital transformation programme to citizens."


def test_clean() -> None:
    result = classify_text(CLEAN)
    assert result.label == "clean"
    assert result.score < 0.1


def test_unaccented() -> None:
    assert classify_text(UNACCENTED).label == "unaccented"


def test_garbled() -> None:
    result = classify_text(GARBLED)
    assert result.label == "garbled"
    assert result.score > classify_text(CLEAN).score


def test_not_vietnamese() -> None:
    assert classify_text(ENGLISH).label == "not_vietnamese"
    assert classify_text("").label == "not_vietnamese"
    assert classify_text("12345 67/89").label == "not_vietnamese"


def test_fix_text_applies_the_right_step() -> None:
    from lantoa.lib.vn.fix import fix_text

    assert fix_text(CLEAN).step == "none"
    assert fix_text(UNACCENTED).step == "restore_marks"
    fixed = fix_text(GARBLED)
    assert fixed.step == "repair_text"
    assert "chuyển đổi số" in fixed.text
    assert fix_text(ENGLISH).text == ENGLISH
