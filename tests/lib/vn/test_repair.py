"""OCR repair on garbled samples written for these tests, and what it must never touch."""

from __future__ import annotations

import pytest

from lantoa.lib.vn.repair import repair_code, repair_text


@pytest.mark.parametrize(
    ("garbled", "expected"),
    [
        ("chuyén dbi s6", "chuyển đổi số"),
        ("tuyén truyén", "tuyên truyền"),
        ("ngdy 28 thang 7 nam 2025", "ngày 28 tháng 7 năm 2025"),
    ],
)
def test_issue_examples(garbled: str, expected: str) -> None:
    assert repair_text(garbled) == expected


def test_words_in_context() -> None:
    repaired = repair_text("Ban Chi dao Trung wong vé phat trién khoa hoc, cong nghé, d6i méi sang tao")
    assert repaired == "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo"


def test_party_and_ministry() -> None:
    assert repair_text("Ban Chap hanh Trung uong Pang") == "Ban Chấp hành Trung ương Đảng"
    assert repair_text("Bj Vin hod, Thé thao va Du lich") == "Bộ Văn hoá, Thể thao và Du lịch"


@pytest.mark.parametrize(
    "token",
    ["57-NQ/TW", "22/12/2024", "2025", "https://dichvucong.gov.vn", "17:14:14", "100%", "I", "IV"],
)
def test_numbers_codes_dates_urls_untouched(token: str) -> None:
    repaired = repair_text(f"theo {token} cua tinh")
    assert token in repaired.split(" ")


def test_codes_get_their_d_back() -> None:
    assert repair_code("03-KH/BCDTW") == "03-KH/BCĐTW"
    assert repair_code("230-Qb/TW") == "230-QĐ/TW"
    assert repair_code("57-NQ/TW") == "57-NQ/TW"
    assert "03-KH/BCĐTW" in repair_text("Ké hoach s6 03-KH/BCDTW")


def test_correct_vietnamese_is_left_alone() -> None:
    clean = "Đảng uỷ phường ban hành kế hoạch tuyên truyền về chuyển đổi số."
    assert repair_text(clean) == clean


def test_line_breaks_and_spacing_preserved() -> None:
    text = "KE HOACH\n\n  - Can ctr Nghi quyét s6 57-NQ/TW;\r\nva cac van ban"
    repaired = repair_text(text)
    assert repaired.count("\n") == text.count("\n")
    assert repaired.startswith("KẾ HOẠCH\n\n  - ")
    assert "57-NQ/TW;" in repaired


@pytest.mark.parametrize("text", ["", " \n ", "|||", "— • —", "12 34"])
def test_degenerate_input(text: str) -> None:
    assert repair_text(text) == text


def test_roman_section_numbers_read_as_letters() -> None:
    repaired = repair_text("Ill. TO CHUC THUC HIEN\nIl- NOI DUNG\nIV. KINH PHI")
    assert repaired.splitlines() == ["III. TỔ CHỨC THỰC HIỆN", "II- NỘI DUNG", "IV. KINH PHÍ"]


def test_abbreviations_keep_their_capitals() -> None:
    assert repair_text("Chu tich UBND xa").split()[2] == "UBND"


def test_abbreviations_inside_a_sentence_are_not_read_as_syllables() -> None:
    # No Vietnamese syllable is spelt "TTDT" or "HDND": these are abbreviations, and only their Đ comes back.
    words = repair_text("Cong TTDT cua tinh va HDND xa, MTTQ").replace(",", "").split()
    assert words[1] == "TTĐT" and words[5] == "HĐND" and words[7] == "MTTQ"
    # A heading in capitals is still repaired word by word.
    assert repair_text("BAN CHAP HANH TRUNG UONG PANG") == "BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG"


@pytest.mark.parametrize(
    ("garbled", "surname"),
    [
        ("I’¢ Van Nam", "Lê"),  # a capital L read as I, its ê as symbols
        ("Le Thi Lan", "Lê"),  # the surname Lê, not the word "lễ"
        ("Đồng chí Tran Minh Duc", "Trần"),
        ("Nguyen Thanh Long", "Nguyễn"),
    ],
)
def test_name_lines_read_the_surname(garbled: str, surname: str) -> None:
    words = repair_text(garbled).split()
    assert words[2 if garbled.startswith("Đồng") else 0] == surname


def test_a_place_alone_on_a_line_is_not_a_surname() -> None:
    assert repair_text("Ha Noi") == "Hà Nội"
    assert repair_text("phuong Vinh Tuy").split()[0] == "phường"


def test_a_capital_inside_a_sentence_that_was_a_marked_vowel_is_lowered() -> None:
    # An English engine reads the tall "ứ" as "Ui": between lowercase words that capital is no name.
    assert repair_text("hiéu qua dap Uing yéu cau") == "hiệu quả đáp ứng yêu cầu"
    assert repair_text("tuyén truyén vé Uy ban") == "tuyên truyền về Uỷ ban"  # plain U: kept


def test_a_capital_i_inside_a_sentence_may_be_a_small_l() -> None:
    # "Iy" is how an English engine reads "lý"; documents write "xử lý", not "xử lí".
    assert repair_text("kip thoi xir Iy cac vi pham") == "kịp thời xử lý các vi phạm"


def test_a_marked_vowel_read_as_two_letters_is_found() -> None:
    # "ủ" came out as "ii": the reading is two edits away while "chùi" is one.
    assert repair_text("kip thoi phat hién chii ddng d4u tranh") == "kịp thời phát hiện chủ động đấu tranh"


@pytest.mark.parametrize("word", ["logo", "pano", "slogan", "media", "clip"])
def test_loanwords_are_kept(word: str) -> None:
    # Several sit one or two edits from a syllable ("logo" → "lời", "pano" → "dân" without the list).
    assert repair_text(f"ddng tai {word} 1én mang") == f"đăng tải {word} lên mạng"


def test_marks_read_as_quotes_inside_a_word() -> None:
    # English OCR splits "ố" into a letter and quote marks: "th(\")ng", "ce“'tp". Quotes around a word stay.
    assert repair_text('nhim tao su th(")ng nhét') == "nhằm tạo sự thống nhất"
    assert repair_text("phbi hop gifta cac ce“'tp cac nganh") == "phối hợp giữa các cấp các ngành"
    assert repair_text('Nghị quyết "57" và “chuyển đổi số”') == 'Nghị quyết "57" và “chuyển đổi số”'


def test_a_short_token_may_have_lost_a_letter() -> None:
    # "Mt": "mu" reads cheaper letter for letter, but the word is "Mặt" with its vowel lost.
    assert repair_text("chinh quyén, Mt trin Td quéc, cac doan thé") == "chính quyền, Mặt trận Tổ quốc, các đoàn thể"
