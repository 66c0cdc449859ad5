import pytest

from lantoa.lib.text import fold, fold_contains


@pytest.mark.parametrize(
    ("old_style", "new_style"),
    [
        ("Thuỷ", "Thủy"), ("Hoà Bình", "Hòa Bình"), ("Khánh Hoà", "Khánh Hòa"), ("Thanh Hoá", "Thanh Hóa"),
        ("Quỳ Hợp", "Quỳ Hợp"), ("Thuý", "Thúy"), ("Hoè", "Hòe"), ("Tuỳ", "Tùy"), ("Xoà", "Xòa"),
    ],
)
def test_old_and_new_tone_placement_fold_to_the_same_key(old_style: str, new_style: str) -> None:
    assert fold(old_style) == fold(new_style)


def test_fold_removes_marks_lowercases_and_maps_d() -> None:
    assert fold("Chuyển đổi số") == "chuyen doi so"
    assert fold("ĐẢNG CỘNG SẢN VIỆT NAM") == "dang cong san viet nam"
    assert fold("Phường Đống Đa") == "phuong dong da"


def test_fold_normalises_composed_and_decomposed_input() -> None:
    decomposed = "Thu\u0309y"  # "Thuỷ" typed with a combining hook above
    assert fold(decomposed) == fold("Thủy") == "thuy"


def test_fold_collapses_whitespace_and_handles_empty() -> None:
    assert fold("  xã   Thanh\tThủy \n") == "xa thanh thuy"
    assert fold("") == ""
    assert fold(None) == ""


def test_fold_contains_matches_unaccented_queries() -> None:
    assert fold_contains("Kế hoạch tuyên truyền chuyển đổi số cấp xã", "chuyen doi so")
    assert fold_contains("Xã Thanh Thuỷ, tỉnh Phú Thọ", "thanh thủy")
    assert not fold_contains("Xã Thanh Sơn", "thanh thuy")
