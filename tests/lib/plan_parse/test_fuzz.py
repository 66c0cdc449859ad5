"""Hypothesis fuzzing of the header and reference parsers: odd input never raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lantoa.lib.plan_parse import find_numbers, parse_header_text, parse_plan, parse_references

# Pieces real headers and reference lists are made of, clean and garbled, so the fuzzer
# spends its time near the patterns instead of in random Unicode.
PIECES = [
    "Số",
    "Sé",
    "S6",
    "SO",
    "số",
    "sb",
    "Số:",
    "Số hiệu:",
    "-KH/",
    "/KH-",
    "KH/BCDTW",
    "QĐ-TTg",
    "/TW",
    "-",
    "/",
    "03",
    "57",
    "229",
    "2025",
    "2026",
    "12",
    "01",
    "I",
    "II",
    "I1I",
    "IV",
    "V.",
    "1.",
    "2.1.",
    "a)",
    "*",
    "|",
    "ngày",
    "ngdy",
    "ngay",
    "tháng",
    "thdang",
    "năm",
    "niim",
    ",",
    ";",
    ":",
    "“",
    "”",
    "(",
    ")",
    ".",
    "./.",
    "Căn cứ",
    "Cén ctir",
    "Thực hiện",
    "Thyc hién",
    "Kế hoạch",
    "Ké hoach",
    "K&",
    "Nghị quyết",
    "Quyết định",
    "Quy chế",
    "Luật",
    "của",
    "ciia",
    "về",
    "vé",
    "Bộ Chính trị",
    "Ban Chỉ đạo",
    "KẾ HOẠCH",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Nơi nhận:",
    "T/M",
    "KT.",
    "Quý",
    "Giai đoạn",
    "từ",
    "đến",
    "hết",
    "Cơ quan:",
    "Ngày ký:",
    "28-08-2025 17:14:14 +07:00",
    "\n",
    "\n\n",
    "   ",
    "\t",
    "%",
    "100%",
]
text_from_pieces = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=80).map(" ".join)
anything = st.one_of(text_from_pieces, st.text(max_size=400))

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(anything)
def test_header_never_raises(text: str) -> None:
    header = parse_header_text(text)
    assert header.number is None or isinstance(header.number, str)
    if header.day and header.month and header.year:
        assert header.issued_on is None or header.issued_on.year == header.year


@FUZZ
@given(anything)
def test_references_never_raise(text: str) -> None:
    for ref in parse_references(text):
        assert ref.relation in ("based_on", "implements", "mentions")
        assert ref.number is None or ref.number.strip() == ref.number


@FUZZ
@given(anything)
def test_numbers_never_raise(text: str) -> None:
    for match in find_numbers(text):
        assert 0 <= match.start < match.end <= len(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(anything)
def test_whole_parser_never_raises(text: str) -> None:
    payload = parse_plan(text, repair=False).to_json(details=True)
    assert payload["references"] is not None
