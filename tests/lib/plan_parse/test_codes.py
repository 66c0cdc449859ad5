from __future__ import annotations

from datetime import date

import pytest

from lantoa.lib.plan_parse.codes import find_dates, find_numbers, kind_before, kind_from_code


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Kế hoạch số 03-KH/BCĐTW", "03-KH/BCĐTW"),
        ("Sé 03-KH/BCDTW", "03-KH/BCĐTW"),  # OCR: Đ read as D
        ("Quyét dinh sb 118- QD/TW, ngay", "118-QĐ/TW"),  # space after the hyphen
        ("Quy dinh so 124-Qb/TW", "124-QĐ/TW"),
        ("S6 41 - KH/PU", "41-KH/ĐU"),  # Đảng uỷ read as PU
        ("s6 01-KHHD/BCD ngay", "01-KHHĐ/BCĐ"),
        ("s6 01-KHHP/BCD", "01-KHHĐ/BCĐ"),
        ("K¢é hoach s6 06-KH/BCP,", "06-KH/BCĐ"),
        ("sé 09-\nKH/BCDB57", "09-KH/BCĐ57"),
        ("57-NO/TW ngay 22/12/2024", "57-NQ/TW"),
        ("57-NQ/TWciia Bộ Chính trị", "57-NQ/TW"),  # next word glued on
        ("Kế hoạch số 27/KH-SVHTTDL ngày 02/10/2025", "27/KH-SVHTTDL"),
        ("Nghị định số 42/2022/NĐ-CP", "42/2022/NĐ-CP"),
        ("Công văn 4338/BTTTT-CĐSQG", "4338/BTTTT-CĐSQG"),
        ("Quyết định số 06/QĐ-TTg", "06/QĐ-TTg"),
        ("Luật số 20/2023/QH15", "20/2023/QH15"),
        ("Số: 125/KH-UBND", "125/KH-UBND"),
        ("Hướng dẫn số 12-HD/BTGDVTW", "12-HD/BTGDVTW"),
    ],
)
def test_numbers(text: str, number: str) -> None:
    assert [m.number for m in find_numbers(text.replace("\n", " "))] == [number]


@pytest.mark.parametrize(
    "text",
    [
        "ngày 22/12/2024",
        "Quý I/2026",
        "1/2026",
        "Olr-KHHD/BCD",
        "tỷ lệ 100%",
        "giai đoạn 2025 - 2028",
        "Số    -KH/BTGDVTU",
    ],
)
def test_not_numbers(text: str) -> None:
    assert find_numbers(text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("57-NQ/TW", "Nghị quyết"),
        ("42/2022/NĐ-CP", "Nghị định"),
        ("4338/BTTTT-CĐSQG", "Công văn"),
        ("20/2023/QH15", "Luật"),
        ("01-KHHĐ/BCĐ", "Kế hoạch"),
        ("200-TB/TU", "Thông báo"),
    ],
)
def test_kind_from_code(text: str, kind: str) -> None:
    assert kind_from_code(find_numbers(text)[0]) == kind


def test_kind_before_prefers_the_phrase_matching_the_code() -> None:
    assert kind_before("Thong bao Két luan s6", code_kind="Thông báo") == "Thông báo"
    assert kind_before("Quy che lam viée s6") == "Quy chế"
    assert kind_before("Ké hoach hanh dong sd") == "Kế hoạch"
    assert kind_before("Cin clr Quyét dinh sb") == "Quyết định"
    assert kind_before("Can ctr Quy dinh so") == "Quy định"


def test_dates() -> None:
    found = [
        d
        for _, _, d in find_dates(
            "ngay 22/12/2024; Hà Nội, ngày 05 tháng 3 năm 2026; ngdy 28 thang 7 nam 2025; 31/02/2025"
        )
    ]
    assert found == [date(2024, 12, 22), date(2026, 3, 5), date(2025, 7, 28)]
