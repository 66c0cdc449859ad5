from __future__ import annotations

from datetime import date

from lantoa.lib.plan_parse import parse_references
from lantoa.lib.text import fold


def _key(refs: list) -> list[tuple]:
    return [(r.relation, r.kind, r.number, r.date) for r in refs]


def test_garbled_can_cu_list() -> None:
    refs = parse_references(
        "- Cén cir Nghi quyét sb 52-NQ/TW, ngay 27/9/2019 cua Bo Chinh tri vé\nmot s6 chu truong;\n\n"
        "- Can clr Quyét dinh sb 118- QD/TW, ngay 03/3/2023 cla B6 Chinh tri\nv& thanh l4p to cong tac;\n\n"
        "- Cian ctr Quy dinh so 124-Qb/TW, ngay 03/3/2023 cia B Chinh tri vé ché d6;\n"
        "- Cén ctir Quy che lam viée s6 02-QC/BCDTW, ngay 15/4/2025 ctia Ban\nChi dao Trung uong v& hoat dong;\n"
        "- Cén ct Ké hoach s6 04-KH/BCDTW, ngay 07/8/2025 cia Ban Chi dao\nTrung uong vé trién khai "
        "Nghi quyet s0 52-NQ/TW, ngay\n27/9/2019 cta B Chinh tri;"
    )
    assert _key(refs) == [
        ("based_on", "Nghị quyết", "52-NQ/TW", date(2019, 9, 27)),
        ("based_on", "Quyết định", "118-QĐ/TW", date(2023, 3, 3)),
        ("based_on", "Quy định", "124-QĐ/TW", date(2023, 3, 3)),
        ("based_on", "Quy chế", "02-QC/BCĐTW", date(2025, 4, 15)),
        ("based_on", "Kế hoạch", "04-KH/BCĐTW", date(2025, 8, 7)),
    ]
    assert fold(refs[0].issuer) == "bo chinh tri"
    assert fold(refs[3].issuer) == "ban chi dao trung uong"


def test_semicolon_list_after_thuc_hien() -> None:
    refs = parse_references(
        "Thực hiện Kế hoạch số 13-KH/TU, ngày 15/9/2025 của Ban Thường vụ Tỉnh ủy về triển khai Phong trào "
        "“Bình dân học vụ số; năm 2025”; Kế hoạch số 13-KH/TU, ngày 08/12/2025 của Ban Thường vụ Tỉnh ủy về "
        "thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị; Hướng dẫn số 12-HD/BTGDVTW ngày "
        "05/12/2025 của Ban Tuyên giáo và Dân vận Trung ương,\nBan Thường vụ ban hành Kế hoạch như sau:"
    )
    assert _key(refs) == [
        ("implements", "Kế hoạch", "13-KH/TU", date(2025, 9, 15)),
        ("implements", "Kế hoạch", "13-KH/TU", date(2025, 12, 8)),  # same number, another plan
        ("implements", "Hướng dẫn", "12-HD/BTGDVTW", date(2025, 12, 5)),
        ("mentions", "Nghị quyết", "57-NQ/TW", date(2024, 12, 22)),
    ]
    assert refs[2].issuer == "Ban Tuyên giáo và Dân vận Trung ương"


def test_state_references_and_laws_without_number() -> None:
    refs = parse_references(
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
        "Căn cứ Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ quy định về việc cung cấp thông tin;\n"
        "Căn cứ Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án;\n"
        "Xét đề nghị của Giám đốc Sở Khoa học và Công nghệ."
    )
    assert _key(refs) == [
        ("based_on", "Luật", None, date(2025, 6, 16)),
        ("based_on", "Nghị định", "42/2022/NĐ-CP", date(2022, 6, 24)),
        ("based_on", "Quyết định", "06/QĐ-TTg", date(2022, 1, 6)),
    ]
    assert [r.issuer for r in refs[1:]] == ["Chính phủ", "Thủ tướng Chính phủ"]


def test_date_after_issuer() -> None:
    refs = parse_references(
        "Thue hién K& hoach hanh dong s6 05-KH/BCD57 cia Ban Chi dao thuc hién Nghi quyét s6 57 Pang uy "
        "xa Tan Lap, ngay 11/3/2026 vé “Ké hoach hanh dong”"
    )
    assert _key(refs) == [("implements", "Kế hoạch", "05-KH/BCĐ57", date(2026, 3, 11))]


def test_inline_mentions_in_the_body_are_references_too() -> None:
    refs = parse_references(
        "- Tuyên truyền kịp thời mục tiêu của Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung "
        "ương (Kế hoạch số 02), Kế hoạch hành động số 01-KHHĐ/BCĐ ngày 22/7/2025 của Ban Chỉ đạo tỉnh."
    )
    assert _key(refs) == [
        ("mentions", "Kế hoạch", "02-KH/BCĐTW", date(2025, 6, 19)),
        ("mentions", "Kế hoạch", "01-KHHĐ/BCĐ", date(2025, 7, 22)),
    ]


def test_heading_then_bullets() -> None:
    refs = parse_references(
        "Căn cứ:\n- Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị;\n"
        "- Công văn số 123/UBND-VX ngày 02-01-2026 của UBND tỉnh về việc tuyên truyền;\n"
        "Thực hiện:\n+ Kết luận số 123-KL/TW ngày 22 tháng 12 năm 2025 của Ban Bí thư."
    )
    assert _key(refs) == [
        ("based_on", "Chỉ thị", "05-CT/TW", date(2016, 5, 15)),
        ("based_on", "Công văn", "123/UBND-VX", date(2026, 1, 2)),
        ("implements", "Kết luận", "123-KL/TW", date(2025, 12, 22)),
    ]
    assert [r.issuer for r in refs] == ["Bộ Chính trị", "UBND tỉnh", "Ban Bí thư"]
