"""The document header: issuing body, number, place and date, document type and title.

Handles the layouts plans arrive in: the two-column party/state header flattened by OCR
("TINH UY LAM DONG DANG CQNG SAN VIET NAM"), table-like copies with "|" or wide gaps
between the columns, web-page copies with a "Số hiệu / Ngày ban hành" block, and drafts
whose number and day are still blank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .codes import BLANK_NUMBER, WORD_DATE, find_dates, find_numbers, make_date, normalize_number
from .textutil import clean_space, fold_same, phrase_at, tokens, upper_ratio, word_matches

DOC_TYPES: list[tuple[tuple[str, ...], str]] = [
    (("ke", "hoach"), "Kế hoạch"),
    (("quyet", "dinh"), "Quyết định"),
    (("nghi", "quyet"), "Nghị quyết"),
    (("chi", "thi"), "Chỉ thị"),
    (("ket", "luan"), "Kết luận"),
    (("thong", "bao"), "Thông báo"),
    (("huong", "dan"), "Hướng dẫn"),
    (("chuong", "trinh"), "Chương trình"),
    (("bao", "cao"), "Báo cáo"),
    (("de", "an"), "Đề án"),
    (("quy", "che"), "Quy chế"),
    (("quy", "dinh"), "Quy định"),
    (("cong", "van"), "Công văn"),
    (("to", "trinh"), "Tờ trình"),
    (("thong", "tri"), "Thông tri"),
]

# National mottos printed in the right-hand column; OCR glues them onto the issuer line.
# A narrow column wraps them ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT" / "NAM"), so the country
# name is optional and a line left holding only "NAM" is dropped.
_MOTTOS = [
    re.compile(r"[dpb]\S?ang\s+c\S{1,3}ng\s+s\S{1,2}n(?:\s+vi\S{1,2}t(?:\s+nam)?)?\b"),
    re.compile(r"c\S{1,3}ng\s+h\S{1,3}\s+x\S{1,2}\s+h\S{1,3}\s+ch\S{1,2}\s+ngh\S{1,3}(?:\s+vi\S{1,2}t(?:\s+nam)?)?\b"),
    re.compile(r"\S{1,2}\S{0,2}c\s+l\S{1,2}p\s*[-–]\s*t\S{1,2}\s+do\s*[-–]\s*h\S{1,2}nh\s+ph\S{1,2}c"),
]
_HEADER_NUMERIC_DATE = re.compile(r",\s*ng\S{0,3}y\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*((?:19|20)\d\d)")
_AUTHORITY = re.compile(
    r"^(?:chu\s+tich|bo\s+truong|giam\s+doc|ban\s+thuong\s+vu|uy\s+ban\s+nhan\s+dan|truong\s+ban)\b"
)
_SO_BEFORE = re.compile(r"(?:^|[\s|:,(])(?:s\S{0,2}|so\s+hieu|so\s+ky\s+hieu)\s*:?\s*$")
_REF_START = re.compile(
    r"^[-+•*\s]*(c\S{1,2}n\s+c\S{0,3}\b|th\S{1,3}\s+hi\S{1,3}n\b|tri\S{1,2}n\s+kh\S{1,2}i\b|x\S?et\b)"
)
ROMAN_START = re.compile(r"^\s*(?:ph\S{1,2}n\s+)?[ivxl1|]{1,4}\s*[.\-–—:)]\s*\S")
# First words of an organisation's name: a header line starting otherwise continues the
# line above ("BAN CHỈ ĐẠO TRUNG ƯƠNG" / "VỀ PHÁT TRIỂN ..." / "ĐỔI MỚI SÁNG TẠO ...").
_ORG_WORDS = (
    "ban",
    "so",
    "phong",
    "dang",
    "bo",
    "cuc",
    "vu",
    "vien",
    "van",
    "trung",
    "hoi",
    "doan",
    "uy",
    "ubnd",
    "hdnd",
    "cong",
    "chi",
    "tinh",
    "thanh",
    "huyen",
    "quan",
    "xa",
    "phuong",
    "mat",
    "hoc",
    "truong",
    "benh",
    "bao",
    "dai",
    "tong",
    "toa",
    "kiem",
    "ngan",
    "quoc",
    "chinh",
    "lien",
    "thi",
    "dac",
    "to",
    "nha",
    "tap",
    "ky",
    "hoi",
    "thong",
    "tt",
)
_ADMIN_CONT = re.compile(r"^(tinh|thanh pho|xa|phuong|huyen|quan|thi xa|thi tran|dac khu)\b(?!\s+uy)")
_META = {
    "number": re.compile(r"^\W*(?:so\s+hieu|so\s+ky\s+hieu|so\s+van\s+ban)\s*:\s*"),
    "date": re.compile(r"^\W*(?:ngay\s+ban\s+hanh|ngay\s+van\s+ban)\s*:\s*"),
    "type": re.compile(r"^\W*loai\s+van\s+ban\s*:\s*"),
    "issuer": re.compile(r"^\W*(?:co\s+quan\s+ban\s+hanh|noi\s+ban\s+hanh)\s*:\s*"),
    "signer": re.compile(r"^\W*nguoi\s+ky\s*:\s*"),
    "title": re.compile(r"^\W*trich\s+yeu(?:\s+noi\s+dung)?\s*:\s*"),
}


@dataclass
class Header:
    doc_type: str | None = None
    type_line: int | None = None
    title_end: int = 0
    number: str | None = None
    number_symbol: str | None = None
    number_blank: bool = False
    day: int | None = None
    month: int | None = None
    year: int | None = None
    place: str | None = None
    issuer: str | None = None
    issuer_parent: str | None = None
    title: str | None = None
    meta_signer: str | None = None
    draft: bool = False
    header_end: int = 0
    issuer_lines: list[str] = field(default_factory=list)

    @property
    def issued_on(self) -> date | None:
        return make_date(self.day, self.month, self.year)


def doc_type_of(line: str) -> tuple[str, str] | None:
    """(type, rest of the line) when ``line`` is an all-caps type line like "KẾ HOẠCH"."""
    if upper_ratio(line) < 0.7:
        return None
    words = line.split()
    folded = [tokens(fold_same(w)) for w in words]
    first = next((i for i, f in enumerate(folded) if f), None)
    if first is None:
        return None
    toks = [t for f in folded[first:] for t in f]
    for phrase, kind in DOC_TYPES:
        if phrase_at(toks, 0, phrase):
            if phrase[0] in ("quy", "nghi", "de", "to") and toks[0] != phrase[0]:
                continue
            return kind, " ".join(words[first + len(phrase) :])
    return None


def strip_mottos(cell: str) -> str:
    folded = fold_same(cell)
    for motto in _MOTTOS:
        m = motto.search(folded)
        if m:
            cell = cell[: m.start()] + " " + cell[m.end() :]
            folded = fold_same(cell)
    return cell


def _cells(line: str) -> list[str]:
    return [c.strip() for c in re.split(r"\s*\|\s*|\s{3,}", line) if c.strip()]


def _metadata(lines: list[str], header: Header) -> None:
    """Web-page copies: "Số hiệu: 41-KH/ĐU", "Ngày ban hành: 12/02/2026", ..."""
    for line in lines[:120]:
        cells = _cells(line)
        for k, cell in enumerate(cells):
            if len(cell) > 300:
                continue
            folded = fold_same(cell)
            for key, pattern in _META.items():
                m = pattern.match(folded)
                if not m:
                    continue
                # The value is after the colon, or in the next cell of a table row.
                value = cell[m.end() :].strip() or (cells[k + 1] if k + 1 < len(cells) else "")
                if key == "number" and header.number is None:
                    nums = find_numbers(value)
                    if nums:
                        header.number = nums[0].number
                elif key == "date" and header.year is None:
                    dates = find_dates(value)
                    if dates:
                        d = dates[0][2]
                        header.day, header.month, header.year = d.day, d.month, d.year
                elif key == "type" and header.doc_type is None:
                    hit = doc_type_of(value.upper())
                    if hit:
                        header.doc_type = hit[0]
                elif key == "issuer" and header.issuer is None and value:
                    header.issuer = value
                elif key == "signer" and header.meta_signer is None and value:
                    header.meta_signer = value
                elif key == "title" and header.title is None and value:
                    header.title = value


def _group_issuer(lines: list[str]) -> tuple[str | None, str | None]:
    """Split header lines into (parent body, issuing body).

    The convention is parent on the first line, issuer below it ("TỈNH UỶ LÂM ĐỒNG" /
    "BAN TUYÊN GIÁO VÀ DÂN VẬN"); a line continues the previous one when it starts with
    an administrative level ("UỶ BAN NHÂN DÂN" / "TỈNH QUẢNG TRỊ"), with "về"/"và", or
    when the previous line ended with a comma.
    """
    groups: list[list[str]] = []
    for line in lines:
        toks = tokens(fold_same(line))
        folded = " ".join(toks)
        # OCR-tolerant: "SG KHOA HỌC" is "SỞ KHOA HỌC", "PANG UY" is "ĐẢNG UỶ".
        org = bool(toks) and any(word_matches(toks[0], w) for w in _ORG_WORDS)
        cont = bool(groups) and (
            not org
            or _ADMIN_CONT.match(folded) is not None
            or re.match(r"^(v[e&]|va|cua|ve)\b", folded) is not None
            or groups[-1][-1].rstrip().endswith((",", "-", "VÀ", "VA"))
        )
        if cont:
            groups[-1].append(line)
        else:
            groups.append([line])
    if not groups:
        return None, None
    names = [clean_space(" ".join(g)).strip(" ,.-*") for g in groups]
    issuer = names[-1] or None
    parent = " ".join(names[:-1]).strip() or None
    return parent, issuer


def parse_header(text_lines: list[str]) -> Header:
    """Parse the header of a document given as prepared lines."""
    header = Header()
    lines = text_lines
    folded_lines = [fold_same(line) for line in lines]
    # The type line ("KẾ HOẠCH") closes the header block.
    type_idx = None
    for i, line in enumerate(lines[:60]):
        if not line.strip() or ROMAN_START.match(folded_lines[i]):
            continue
        hit = doc_type_of(line)
        if hit:
            type_idx = i
            header.doc_type, rest = hit
            header.type_line = i
            break
        if _REF_START.match(folded_lines[i]) and i > 3:
            break
    if type_idx is None:
        zone_end = 0
        for i, f in enumerate(folded_lines[:15]):
            if _REF_START.match(f) or ROMAN_START.match(f):
                break
            zone_end = i + 1
        rest = ""
    else:
        zone_end = type_idx
    header.header_end = zone_end
    issuer_lines: list[str] = []
    zone = list(lines[:zone_end])
    for i in range(len(zone) - 1):
        # "…, ngày 05 tháng 9 năm" / "2025 …": the year wrapped onto the next line.
        m = re.match(r"\s*((?:19|20)\d\d)\b", zone[i + 1])
        if m and re.search(r"n\S{0,3}m\s*$", fold_same(zone[i])):
            zone[i] = zone[i].rstrip() + " " + m.group(1)
            zone[i + 1] = zone[i + 1][m.end() :]
    for line in zone:
        # Number and date first, on the whole line: a blank number ("Số     -KH/…") or a
        # blank day ("ngày   tháng 01") has the same wide gap that separates columns.
        line = _take_date(_take_number(line, header), header)
        for cell in _cells(line):
            cell = strip_mottos(cell).strip()
            if not cell:
                continue
            cell = _take_number(cell, header)
            if fold_same(cell).strip(" .*-") in ("du thao", "ban du thao"):
                header.draft = True
                continue
            if fold_same(cell).strip(" .*-") in ("nam", "viet nam"):
                continue  # the tail of a wrapped motto
            # A trailing comma is kept: it tells _group_issuer the name goes on.
            leftover = cell.strip(" .;:*-_=()").lstrip(",")
            letters = sum(c.isalpha() for c in leftover)
            if letters >= 3 and upper_ratio(leftover) >= 0.6:
                issuer_lines.append(leftover)
    header.issuer_lines = issuer_lines
    parent, issuer = _group_issuer(issuer_lines)
    header.issuer_parent, header.issuer = parent, issuer
    if type_idx is not None:
        _title(lines, folded_lines, type_idx, rest, header)
    _metadata(lines, header)
    if header.year is None:
        # Some copies put "Hà Nội, ngày ... " after the title or at the end of the text.
        for line in lines[:80]:
            if WORD_DATE.search(fold_same(line)) and "," in line:
                _take_date(line, header)
                if header.year:
                    break
    return header


def _take_number(cell: str, header: Header) -> str:
    if header.number is not None or header.number_blank:
        # The number already came from a "Số hiệu:" block; drop its repeat in the header.
        for match in find_numbers(cell):
            if match.number == header.number:
                return cell[: match.start] + " " + cell[match.end :]
        return cell
    for match in find_numbers(cell):
        if _SO_BEFORE.search(fold_same(cell[: match.start])) or not cell[: match.start].strip(" :"):
            header.number = match.number
            return cell[: match.start] + " " + cell[match.end :]
    blank = BLANK_NUMBER.search(cell)
    if blank:
        header.number_blank = True
        symbol = blank.group(2).replace(" ", "")
        type_part, _, issuer = symbol.partition("/")
        if issuer:
            header.number_symbol = normalize_number("", None, type_part, issuer, "party")
        else:
            header.number_symbol = "/" + normalize_number("", None, symbol, None, "state").lstrip("/")
        return cell[: blank.start()] + " " + cell[blank.end() :]
    return cell


def _take_date(cell: str, header: Header) -> str:
    if header.year is not None or header.month is not None:
        return cell
    folded = fold_same(cell)
    # "Hà Nội, ngày 05 tháng 3 năm 2026", or in digits after the place ("Hà Nội, ngày 05/3/2026").
    m = WORD_DATE.search(folded) or _HEADER_NUMERIC_DATE.search(folded)
    if not m:
        return cell
    parts = [int(g) if g and g.isdigit() else None for g in m.groups()]
    if not any(parts):
        return cell
    header.day, header.month, header.year = parts
    before = cell[: m.start()].rstrip(" ,")
    segments = [s for s in re.split(r",|\||\s{3,}", before)]
    place = segments[-1] if segments else ""
    place = re.sub(r"^[^\wÀ-ỹ]+", "", place).strip()
    if place and sum(c.isalpha() for c in place) >= 2 and len(place.split()) <= 6:
        header.place = place
        before = before[: len(before) - len(segments[-1])]
    return before + " " + cell[m.end() :]


def attachment_title(lines: list[str], type_idx: int) -> tuple[str | None, int]:
    """Title of a plan attached to a decision, and the line after it."""
    hit = doc_type_of(lines[type_idx])
    header = Header()
    _title(lines, [fold_same(line) for line in lines], type_idx, hit[1] if hit else "", header)
    end = header.title_end
    while end < len(lines) and (
        not lines[end].strip()
        or lines[end].lstrip().startswith("(")
        or "kem theo" in fold_same(lines[end])
        or lines[end].rstrip().endswith(")")
    ):
        end += 1
        if end - header.title_end > 4:
            break
    return header.title, end


def _title(lines: list[str], folded: list[str], type_idx: int, rest: str, header: Header) -> None:
    parts: list[str] = []
    rest = rest.strip(" -:_.*~|=")  # OCR debris after "KẾ HOẠCH" ("KẾ HOẠCH  _")
    if sum(c.isalpha() for c in rest) >= 2:
        parts.append(rest.lower())
    i = type_idx + 1
    taken = 0
    while i < len(lines) and taken < 6:
        line = lines[i].strip()
        f = folded[i].strip()
        if not line:
            i += 1
            continue
        if re.fullmatch(r"[-_=*.~\s]+", line):
            i += 1
            break
        if _REF_START.match(f) or ROMAN_START.match(f) or line.startswith(("-", "+", "•")):
            break
        if len(line) > 140:
            break
        caps = upper_ratio(line) > 0.8 and len(line) > 12
        title_caps = bool(parts) and upper_ratio(parts[-1]) > 0.8
        if parts and (line.startswith("(") or (caps and (not title_caps or _AUTHORITY.match(f)))):
            # "(Ban hành kèm theo …)" or the authority line of a decision
            # ("CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG …") ends the title; a title printed all in
            # capitals goes on over its lines.
            break
        parts.append(line)
        taken += 1
        i += 1
    header.title_end = i
    title = clean_space(" ".join(parts))
    if title:
        header.title = title[:1].upper() + title[1:]
