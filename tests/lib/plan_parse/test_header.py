from __future__ import annotations

from datetime import date

import pytest

from lantoa.lib.plan_parse import parse_header_text
from lantoa.lib.text import fold

# The garbled strings below are written for these tests in the style of English-OCR
# damage (Đ→P/D, ố→6/é, ư→w); they are not taken from the seed plans.


def test_party_header_flattened_by_ocr() -> None:
    header = parse_header_text(
        "TINH UY GIA LAI DANG CQNG SAN VIET NAM\nBAN TUYEN GIAO VA DAN VAN\n\n*\n\n"
        ") Gia Lai, ngday  thdang 03 nam 2026\nSO - KH/BTGDVTU\n\nKE HOACH\n"
        "tuyén truyén ky nang s6 cho nguoi dan\n\nThyc hién Ké hoach sd 31-KH/TU"
    )
    assert header.doc_type == "Kế hoạch"
    assert header.number is None and header.number_blank
    assert header.number_symbol == "-KH/BTGDVTU"
    assert (header.day, header.month, header.year) == (None, 3, 2026)
    assert header.issued_on is None
    assert fold(header.issuer) == "ban tuyen giao va dan van"
    assert fold(header.issuer_parent) == "tinh uy gia lai"
    assert header.place == "Gia Lai"
    assert fold(header.title).startswith("tuyen truyen ky nang s6")


def test_issuer_name_continues_over_lines() -> None:
    header = parse_header_text(
        " TINH UY KHANH HOA PANG CONG SAN VIET NAM\n\nBAN CHi PAO TINH . .\n\n"
        "VE CHUYEN POI SO VA CAI CACH, Nha Trang, ngdy 14 thang 9 nam 2025\n"
        "HANH CHINH\n\nSé 07-KH/BCD\n\nKE HOACH TRUYEN THONG\nvé dich vu cong truc tuyén"
    )
    assert header.number == "07-KH/BCĐ"
    assert header.issued_on == date(2025, 9, 14)
    assert header.place == "Nha Trang"
    assert header.issuer_parent == "TINH UY KHANH HOA"
    assert header.issuer == "BAN CHi PAO TINH VE CHUYEN POI SO VA CAI CACH, HANH CHINH"
    assert fold(header.title).startswith("truyen thong ve dich vu")


@pytest.mark.parametrize(
    "header_text",
    [
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH QUẢNG TRỊ | Độc lập - Tự do - Hạnh phúc\n"
        "Số: 125/KH-UBND | Quảng Trị, ngày 05 tháng 3 năm 2026\n\nKẾ HOẠCH\nTuyên truyền chuyển đổi số",
        "ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH QUẢNG TRỊ          Độc lập - Tự do - "
        "Hạnh phúc\nSố: 125/KH-UBND          Quảng Trị, ngày 05 tháng 3 năm 2026\nKẾ HOẠCH\nTuyên truyền chuyển đổi số",
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH QUẢNG TRỊ\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 125/KH-UBND\tQuảng Trị, ngày 05 tháng 3 năm 2026\nKẾ HOẠCH\nTuyên truyền chuyển đổi số",
    ],
)
def test_state_header_in_columns(header_text: str) -> None:
    header = parse_header_text(header_text)
    assert header.number == "125/KH-UBND"
    assert header.issued_on == date(2026, 3, 5)
    assert header.place == "Quảng Trị"
    assert header.issuer == "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ"
    assert header.issuer_parent is None
    assert header.title == "Tuyên truyền chuyển đổi số"


def test_web_copy_metadata_block() -> None:
    header = parse_header_text(
        "Văn bản: Kế hoạch tuyên truyền năm 2026\nSố hiệu: 41-KH/ĐU | Loại văn bản: Kế hoạch\n"
        "Nơi ban hành: Đảng ủy phường Vĩnh Tuy | Người ký: Nguyễn Văn An\nNgày ban hành: 12/02/2026\n"
        "Trích yếu: Thông tin, tuyên truyền năm 2026\n\nNội dung văn bản..."
    )
    assert header.number == "41-KH/ĐU"
    assert header.issued_on == date(2026, 2, 12)
    assert header.doc_type == "Kế hoạch"
    assert header.issuer == "Đảng ủy phường Vĩnh Tuy"
    assert header.meta_signer == "Nguyễn Văn An"
    assert header.title == "Thông tin, tuyên truyền năm 2026"


@pytest.mark.parametrize(
    ("line", "number", "symbol"),
    [
        ("Số    -KH/BTGDVTU", None, "-KH/BTGDVTU"),
        ("Số:      /KH-UBND", None, "/KH-UBND"),
        ("Số: ......./QĐ-UBND", None, "/QĐ-UBND"),
        ("S6 41 - KH/PU", "41-KH/ĐU", None),
    ],
)
def test_number_lines(line: str, number: str | None, symbol: str | None) -> None:
    header = parse_header_text(f"ĐẢNG ỦY PHƯỜNG AN KHÁNH\n{line}\nAn Khánh, ngày   tháng 02 năm 2026\n\nKẾ HOẠCH\nabc")
    assert header.number == number
    assert header.number_symbol == symbol
    assert (header.day, header.month, header.year) == (None, 2, 2026)


def test_wrapped_motto_and_year() -> None:
    header = parse_header_text(
        "BỘ VĂN HÓA, THỂ THAO CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\nNAM\nVÀ DU LỊCH Độc lập - Tự do - Hạnh phúc\n"
        "Số: 3512/KH-BVHTTDL Hà Nội, ngày 05 tháng 9 năm\n2025\n\nKẾ HOẠCH\nTruyền thông chính sách"
    )
    assert header.issuer == "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH"
    assert header.issued_on == date(2025, 9, 5)
    assert header.place == "Hà Nội"


def test_no_header_at_all() -> None:
    header = parse_header_text(
        " KE HOACH\n\nTuyén truyen ky nang s0 cho nguoi dan\n\nThuc hién Ké hoach sé 21/KH-SKHCN"
    )
    assert header.doc_type == "Kế hoạch"
    assert header.number is None and header.issuer is None
    assert header.title is not None and fold(header.title).startswith("tuyen truyen")


@pytest.mark.parametrize(
    ("date_line", "parts"),
    [
        ("Hà Nội, ngày    tháng    năm 2026", (None, None, 2026)),
        ("Hà Nội, ngày …. tháng …. năm 2026", (None, None, 2026)),
        ("Hà Nội, ngày 5 tháng 3 năm 2026", (5, 3, 2026)),
        ("Hà Nội, ngày 05/3/2026", (5, 3, 2026)),
        ("Ha Noi, ngdy 28 thang 7 nam 2025", (28, 7, 2025)),
    ],
)
def test_date_lines(date_line: str, parts: tuple) -> None:
    header = parse_header_text(f"BỘ NỘI VỤ\nS6:12/KH-BNV\n{date_line}\n\nKẾ HOẠCH\nabc")
    assert (header.day, header.month, header.year) == parts
    assert header.number == "12/KH-BNV"
    assert fold(header.place) == "ha noi"
