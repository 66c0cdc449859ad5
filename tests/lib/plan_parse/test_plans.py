"""Whole plans in the layouts real plans arrive in (tests/fixtures/plans)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lantoa.lib.plan_parse import PlanDraft, parse_plan
from lantoa.lib.text import fold

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "plans"

CONTRACT_KEYS = [
    "doc_type",
    "number",
    "issued_on",
    "issued_on_parts",
    "place",
    "issuer",
    "title",
    "references",
    "themes",
    "channels",
    "phases",
    "targets",
    "assignments",
    "budget",
    "signer",
    "recipients",
    "uncertain",
]


def load(name: str) -> PlanDraft:
    return parse_plan((FIXTURES / name).read_text(encoding="utf-8"))


def refs(draft: PlanDraft, relation: str | None = None) -> list[tuple]:
    return [(r.kind, r.number, r.date) for r in draft.references if relation in (None, r.relation)]


def test_json_contract() -> None:
    payload = load("ubnd_tinh_pipe_header.txt").to_json()
    assert list(payload) == CONTRACT_KEYS
    assert set(payload["references"][0]) == {"relation", "kind", "number", "date", "issuer"}
    assert set(payload["phases"][0]) == {"name", "start", "end"}
    assert set(payload["assignments"][0]) == {"unit", "role", "duties"}
    assert payload["issued_on"] == "2026-03-05"
    assert "details" in load("ubnd_tinh_pipe_header.txt").to_json(details=True)


def test_state_plan_with_pipe_header() -> None:
    d = load("ubnd_tinh_pipe_header.txt")
    assert (d.doc_type, d.number, d.issued_on, d.place) == ("Kế hoạch", "125/KH-UBND", date(2026, 3, 5), "Quảng Trị")
    assert d.issuer == "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ"
    assert refs(d, "based_on") == [
        ("Luật", None, date(2025, 6, 16)),
        ("Nghị định", "42/2022/NĐ-CP", date(2022, 6, 24)),
        ("Quyết định", "06/QĐ-TTg", date(2022, 1, 6)),
        ("Công văn", "4338/BTTTT-CĐSQG", date(2024, 10, 15)),
    ]
    assert refs(d, "implements") == [("Kế hoạch", "18-KH/TU", date(2026, 1, 20))]
    assert len(d.themes) == 4 and len(d.channels) == 3
    assert [(p.start, p.end) for p in d.phases] == [
        (date(2026, 3, 1), date(2026, 6, 30)),
        (date(2026, 7, 1), date(2026, 12, 31)),
    ]
    assert len(d.targets) == 3 and all("%" in t for t in d.targets)
    assert d.budget is not None and "ngân sách tỉnh năm 2026" in d.budget
    assert [(a.unit, a.role) for a in d.assignments] == [
        ("Sở Khoa học và Công nghệ", "lead"),
        ("Báo và Phát thanh, Truyền hình Quảng Trị", "coordinating"),
        ("Ủy ban nhân dân các xã, phường, đặc khu", "lead"),
    ]
    assert d.signer == "Hoàng Văn Nam"
    assert d.signer_title == "KT. CHỦ TỊCH PHÓ CHỦ TỊCH"
    assert d.recipients[0] == "Bộ Khoa học và Công nghệ (b/c)" and len(d.recipients) == 6
    assert d.uncertain == [] and d.is_plan


def test_ministry_plan_in_layout_columns() -> None:
    d = load("bo_columns_layout.txt")
    assert (d.number, d.issued_on, d.place) == ("3512/KH-BVHTTDL", date(2025, 9, 5), "Hà Nội")
    assert d.issuer == "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH"
    assert d.title == (
        "Truyền thông chính sách về chuyển đổi số trong lĩnh vực văn hóa, thể thao và du lịch năm 2025 - 2026"
    )
    assert [r.number for r in d.references] == ["57-NQ/TW", "03/NQ-CP", "43/2025/NĐ-CP", "02-KH/BCĐTW"]
    assert [r.issuer for r in d.references] == ["Bộ Chính trị", "Chính phủ", "Chính phủ", "Ban Chỉ đạo Trung ương"]
    assert d.audiences[0].startswith("Cán bộ, công chức")
    assert [(p.start, p.end) for p in d.phases] == [
        (date(2025, 9, 15), date(2025, 12, 31)),
        (date(2026, 1, 1), date(2026, 6, 30)),
    ]
    assert [a.unit for a in d.assignments] == [
        "Trung tâm Công nghệ thông tin",
        "Văn phòng Bộ",
        "Các cơ quan báo chí thuộc Bộ",
    ]
    assert d.assignments[2].duties == [
        "Phối hợp đăng tải tin, bài; dành thời lượng phù hợp cho chuyên mục chuyển đổi số."
    ]
    assert d.signer == "Trịnh Thị Thủy"
    assert d.recipients == ["Bộ trưởng (để b/c)", "Các Thứ trưởng", "Các cơ quan, đơn vị thuộc Bộ", "Lưu: VT, TTCNTT"]


def test_web_page_copy() -> None:
    d = load("web_copy.txt")
    assert (d.number, d.issued_on, d.place, d.doc_type) == ("15-KH/TU", date(2026, 1, 10), "Nghệ An", "Kế hoạch")
    assert d.issuer == "TỈNH ỦY NGHỆ AN"
    assert refs(d, "implements") == [
        ("Kế hoạch", "02-KH/BCĐTW", date(2025, 6, 19)),
        ("Hướng dẫn", "12-HD/BTGDVTW", date(2025, 12, 5)),
    ]
    assert d.signer == "Nguyễn Đức Trung"
    assert len(d.themes) == 2 and len(d.channels) == 2 and len(d.assignments) == 2
    assert d.recipients[0] == "Ban Tuyên giáo và Dân vận Trung ương"


def test_draft_with_blank_number_and_day() -> None:
    d = load("draft_blank_number.txt")
    assert d.number is None and d.number_symbol == "-KH/BTGDVTU"
    assert d.issued_on is None and d.issued_on_parts == {"day": None, "month": 1, "year": 2026}
    assert {"number", "issued_on"} <= set(d.uncertain)
    assert d.to_json()["number"] is None
    assert d.issuer == "BAN TUYÊN GIÁO VÀ DÂN VẬN" and d.issuer_parent == "ĐẢNG BỘ TỈNH QUẢNG NINH"
    assert [(p.start, p.end) for p in d.phases] == [
        (date(2026, 1, 1), date(2026, 3, 31)),
        (date(2026, 4, 1), date(2026, 9, 30)),
        (date(2026, 10, 1), date(2026, 12, 31)),
    ]
    assert d.assignments[0].unit == "các đảng ủy trực thuộc Tỉnh ủy"
    assert (d.assignments[1].unit, d.assignments[1].role) == ("Trung tâm Truyền thông tỉnh", "coordinating")
    assert d.signer == "Phạm Thị Hồng Hạnh"
    assert any("chưa điền số" in w for w in d.warnings)


def test_unaccented_plan_parses_and_is_restored_when_the_core_is_there() -> None:
    d = load("unaccented_commune.txt")
    assert d.text_condition == "unaccented"
    assert (d.number, d.issued_on) == ("45/KH-UBND", date(2025, 10, 3))
    assert refs(d, "implements") == [("Kế hoạch", "210/KH-UBND", date(2025, 9, 15))]
    assert [(p.start, p.end) for p in d.phases] == [(date(2025, 10, 5), date(2025, 12, 31))]
    assert fold(d.signer) == "tran van binh"
    assert fold(d.place) == "an binh"
    assert [fold(a.unit) for a in d.assignments] == ["van phong hdnd va ubnd xa", "cong an xa"]
    assert [a.role for a in d.assignments] == ["lead", "coordinating"]
    if d.repaired:
        assert d.signer == "Trần Văn Bình"


def test_plan_attached_to_a_decision() -> None:
    d = load("qd_kem_ke_hoach.txt")
    assert (d.doc_type, d.number, d.issued_on) == ("Kế hoạch", "318/QĐ-UBND", date(2025, 11, 20))
    assert d.title == 'Tuyên truyền chuyển đổi số và phong trào "Bình dân học vụ số" trên địa bàn phường năm 2026'
    assert any("kèm theo Quyết định số 318/QĐ-UBND" in w for w in d.warnings)
    assert refs(d) == [("Luật", None, date(2025, 6, 16)), ("Kế hoạch", "95/KH-UBND", date(2025, 11, 3))]
    assert len(d.themes) == 3 and len(d.channels) == 2
    assert [(p.start, p.end) for p in d.phases] == [(date(2026, 1, 1), date(2026, 12, 31))]
    assert [(a.unit, a.role) for a in d.assignments] == [
        ("Phòng Văn hóa - Xã hội", "lead"),
        ("Công an phường", "coordinating"),
        ("Các tổ dân phố", "lead"),
    ]
    # Page numbers ("- 2 -") do not leak into the items.
    assert d.themes[2] == "Phòng, chống lừa đảo qua điện thoại và mạng xã hội."
    assert (d.signer, d.signer_title) == ("Đỗ Minh Khôi", "CHỦ TỊCH")
    assert d.recipients == ["Như Điều 3", "UBND tỉnh (b/c)", "Lưu: VT, VHXH"]


def test_department_plan_with_basis_section_and_task_table() -> None:
    d = load("so_can_cu_phu_luc.txt")
    assert (d.number, d.issued_on, d.place) == ("12/KH-SKHCN", date(2026, 3, 5), "Đà Nẵng")
    assert (d.issuer_parent, d.issuer) == ("UBND THÀNH PHỐ ĐÀ NẴNG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ")
    assert d.title == "TUYÊN TRUYỀN CHUYỂN ĐỔI SỐ NĂM 2026"
    assert refs(d, "based_on") == [
        ("Nghị quyết", "57-NQ/TW", date(2024, 12, 22)),
        ("Kế hoạch", "02-KH/BCĐTW", date(2025, 6, 19)),
    ]
    assert len(d.themes) == 2
    units = [(a.unit, a.role) for a in d.assignments]
    assert units[:3] == [
        ("Sở Khoa học và Công nghệ", "lead"),
        ("Sở Văn hóa và Thể thao", "coordinating"),
        ("Ủy ban nhân dân các phường, xã", "lead"),
    ]
    # The appendix table adds its units and tasks.
    assert ("Báo và Phát thanh, Truyền hình Đà Nẵng", "lead") in units
    assert ("Đoàn Thanh niên", "coordinating") in units
    assert d.assignments[0].duties == ["Chủ trì tổng hợp, báo cáo kết quả.", "Video ngắn hướng dẫn dịch vụ công"]
    assert (d.signer, d.recipients) == ("Lê Văn Tám", ["UBND thành phố (b/c)", "Lưu: VT, VP"])


def test_text_that_is_not_a_plan_gives_a_partial_draft() -> None:
    d = load("not_a_plan.txt")
    assert not d.is_plan
    assert d.doc_type is None and d.number is None
    assert any("không giống một kế hoạch" in w for w in d.warnings)
    assert d.to_json()["themes"] == []


def test_signer_glued_to_the_last_recipient() -> None:
    d = parse_plan(
        "KẾ HOẠCH\nabc\n\nI. NỘI DUNG\n1. Một.\n\nKT. BỘ TRƯỞNG\nNơi nhận: THỨ TRƯỞNG\n"
        "- Bộ trưởng (để b/c);\n- Lưu: VT, TTCNTT. Trịnh Thị Thủy"
    )
    assert fold(d.signer) == "trinh thi thuy"  # "Thủy"/"Thuỷ": tone placement is not the point here
    assert d.recipients == ["Bộ trưởng (để b/c)", "Lưu: VT, TTCNTT"]
    assert d.signer_title == "KT. BỘ TRƯỞNG THỨ TRƯỞNG"


@pytest.mark.parametrize("text", ["", "   \n\n", "KẾ HOẠCH", "I. NỘI DUNG\n1.\n2.", "Nơi nhận:\n-", "\x00\x01"])
def test_degenerate_input(text: str) -> None:
    assert isinstance(parse_plan(text).to_json(details=True), dict)


def test_windows_with_one_end_and_phases_named_before_they_have_dates() -> None:
    draft = parse_plan(
        "UBND XÃ TÂN LẬP\nSố: 20/KH-UBND\nTân Lập, ngày 02 tháng 3 năm 2026\n\nKẾ HOẠCH\nTuyên truyền chuyển đổi số\n\n"
        "I. HÌNH THỨC TUYÊN TRUYỀN\n1. Tuyên truyền trên loa truyền thanh\n"
        "- Thời gian thực hiện: đến hết ngày 30/6/2026.\n"
        "- Đơn vị thực hiện: Ban Chỉ đạo xã về phát triển KHCN, ĐMST&CĐS.\n"
        "2. Tuyên truyền trực quan\n- Thời gian thực hiện: từ ngày 15/3/2026.\n"
        "II. LỘ TRÌNH THỰC HIỆN\n1. Giai đoạn chuẩn bị\n2. Giai đoạn triển khai (từ 01/4/2026 đến 31/12/2026)\n"
    )
    radio, visual = draft.channels
    assert (radio.start, radio.end) == (None, date(2026, 6, 30))
    assert (visual.start, visual.end) == (date(2026, 3, 15), None)
    assert radio.lead_units == ["Ban Chỉ đạo xã về phát triển KHCN, ĐMST&CĐS"]
    assert [(p.name, p.start, p.end) for p in draft.phases] == [
        ("Giai đoạn chuẩn bị", None, None),
        ("Giai đoạn triển khai (từ 01/4/2026 đến 31/12/2026)", date(2026, 4, 1), date(2026, 12, 31))]
