"""Document numbers ("57-NQ/TW", "13/KH-SVHTTDL", "42/2022/NĐ-CP"), dates and kinds.

OCR without Vietnamese reads Đ as D, P or B ("BCDTW", "KH/PU", "230-Qb/TW"). Codes are
normalised token by token against the abbreviations Vietnamese documents actually use;
tokens we do not know are kept as printed, so a clean "CĐSQG" stays and nothing is
invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from .textutil import fold_same, tokens, word_matches

# --- document numbers -----------------------------------------------------------------
_L = "A-ZĐƯƠÂĂÊÔÐ"  # Ð (eth) is how some OCR engines print Đ
# Party style: serial-TYPE/ISSUER ("57-NQ/TW", "01-KHHĐ/BCĐ", "09-KH/BCĐ57", "229- QD/TW").
# The issuer part is uppercase only: OCR glues the next word on ("57-NQ/TWciia").
PARTY_NUMBER = re.compile(
    rf"(?<![\w/.])(\d{{1,5}})\s?-\s?([{_L}][{_L}a-z]{{0,6}})\s?/\s?([{_L}0-9][{_L}0-9&]*(?:-[{_L}0-9&]+)*)"
)
# State style: serial/[year/]TYPE-ISSUER ("13/KH-SVHTTDL", "42/2022/NĐ-CP", "20/2023/QH15",
# "4338/BTTTT-CĐSQG", "06/QĐ-TTg"). A letter is required after the slash, so dates never match.
STATE_NUMBER = re.compile(
    rf"(?<![\w/.])(\d{{1,5}})\s?/\s?(?:((?:19|20)\d\d)\s?/\s?)?([{_L}][{_L}a-z0-9]{{0,7}}"
    rf"(?:\s?-\s?[{_L}0-9][{_L}0-9a-z&]{{0,11}})*)(?![\w])"
)
# "Số    -KH/BTGDVTU", "SO - KH/BTGDVTU", "Số: ....../QĐ-UBND": the serial is left blank
# until the document is signed.
BLANK_NUMBER = re.compile(
    rf"^\W*s\S{{0,2}}(?:\s*(?:hi\S{{1,2}}u|k\S\s*hi\S{{1,2}}u))?\s*:?[\s._…]*([-/])\s?([{_L}][{_L}a-z]{{0,6}}"
    rf"(?:[/-][{_L}0-9&]+)+)",
    re.IGNORECASE,
)

# Type abbreviations misread by OCR → the real abbreviation.
_TYPE_FIX = {
    "QD": "QĐ",
    "QB": "QĐ",
    "QP": "QĐ",
    "ND": "NĐ",
    "NP": "NĐ",
    "NO": "NQ",
    "N0": "NQ",
    "KHHD": "KHHĐ",
    "KHHP": "KHHĐ",
    "KHHB": "KHHĐ",
    "TTG": "TTg",
    "TTR": "TTr",
    "CTR": "CTr",
    "DA": "ĐA",
    "PA": "ĐA",
}
_ISSUER_FIX = {
    "PU": "ĐU",
    "DU": "ĐU",
    "BU": "ĐU",
    "HDND": "HĐND",
    "HPND": "HĐND",
    "DUK": "ĐUK",
    "PUK": "ĐUK",
    "TTG": "TTg",
}
_LOWERCASED_ISSUERS = {"TW", "TU", "HU", "QU", "DU", "PU", "ĐU", "BCDTW", "BCĐTW", "VPTW", "BTGTW", "BTGDVTW"}
_BCD = re.compile(r"^BC[DPBĐÐ]{1,2}(TW|\d*)$")
# "QBD", "QĐD": the Đ of QĐ/NĐ/KHHĐ read as one or two of D, P, B.
_TYPE_D = re.compile(r"^(Q|N|KHH)[DPBĐÐ]{1,2}$")

TYPE_KIND = {
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "QC": "Quy chế",
    "KH": "Kế hoạch",
    "KHHĐ": "Kế hoạch",
    "CT": "Chỉ thị",
    "KL": "Kết luận",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "CTr": "Chương trình",
    "ĐA": "Đề án",
    "BC": "Báo cáo",
    "CV": "Công văn",
    "TTr": "Tờ trình",
    "QĐi": "Quy định",
    "TT-BTTTT": "Thông tư",
}


def _fix_type(tok: str) -> str:
    """The type abbreviation of a number ("NQ", "QĐ", "KHHĐ", "TTg") as it should be spelt."""
    key = tok.upper()
    if key in _TYPE_FIX:
        return _TYPE_FIX[key]
    m = _TYPE_D.match(key)
    if m:
        return m.group(1) + "Đ"
    # Unknown mixed-case abbreviations ("QĐi") are kept as printed; the rest in capitals.
    return tok if any(c.islower() for c in tok[1:]) else key


def normalize_number(serial: str, year: str | None, type_part: str, issuer: str | None, style: str) -> str:
    """Canonical spelling of a number; ``style`` is "party" or "state"."""
    type_part = re.sub(r"\s", "", type_part)
    if style == "party":
        t = _fix_type(type_part)
        parts = re.sub(r"\s", "", issuer or "").split("-")
        fixed = [_fix_issuer(p) for p in parts]
        return f"{serial}-{t}/{'-'.join(fixed)}"
    pieces = type_part.split("-")
    head = _fix_type(pieces[0])
    tail = [_fix_issuer(p) for p in pieces[1:]]
    body = "-".join([head, *tail])
    return f"{serial}/{year}/{body}" if year else f"{serial}/{body}"


def _fix_issuer(tok: str) -> str:
    key = tok.upper()
    m = _BCD.match(key)
    if m:
        return "BCĐ" + m.group(1)
    if key in _ISSUER_FIX:
        return _ISSUER_FIX[key]
    return tok


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    number: str
    type_code: str
    style: str


def find_numbers(text: str) -> list[NumberMatch]:
    """Every document number in ``text``, left to right, overlaps resolved."""
    found: list[NumberMatch] = []
    for m in PARTY_NUMBER.finditer(text):
        issuer, end = m.group(3), m.end()
        # "57-NQ/Tw": OCR printed the last letter of a known issuer code in lower case.
        tail = re.match(r"[a-z]{1,2}(?![\w])", text[end:])
        if tail and (issuer + tail.group(0)).upper() in _LOWERCASED_ISSUERS:
            issuer, end = (issuer + tail.group(0)).upper(), end + tail.end()
        number = normalize_number(m.group(1), None, m.group(2), issuer, "party")
        found.append(NumberMatch(m.start(), end, number, number.split("-", 1)[1].split("/")[0], "party"))
    for m in STATE_NUMBER.finditer(text):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        type_part = m.group(3)
        # "22/12/2024" never reaches here; "Quý I/2026" and "1/2026" are not numbers either.
        if not re.search(r"[A-ZĐ]{2}", type_part):
            continue
        number = normalize_number(m.group(1), m.group(2), type_part, None, "state")
        head = number.split("/")[-1].split("-")[0]
        found.append(NumberMatch(m.start(), m.end(), number, head, "state"))
    found.sort(key=lambda f: f.start)
    return found


def kind_from_code(match: NumberMatch) -> str | None:
    if match.type_code in TYPE_KIND:
        return TYPE_KIND[match.type_code]
    if re.fullmatch(r"QH\d*", match.type_code):
        return "Luật"
    if match.style == "state":
        # "4338/BTTTT-CĐSQG": a state number whose first part is an agency is a công văn.
        return "Công văn"
    return None


# --- kinds ----------------------------------------------------------------------------
KIND_PHRASES: list[tuple[tuple[str, ...], str]] = [
    (("ke", "hoach", "hanh", "dong"), "Kế hoạch"),
    (("nghi", "quyet"), "Nghị quyết"),
    (("nghi", "dinh"), "Nghị định"),
    (("quyet", "dinh"), "Quyết định"),
    (("quy", "dinh"), "Quy định"),
    (("quy", "che"), "Quy chế"),
    (("ke", "hoach"), "Kế hoạch"),
    (("chi", "thi"), "Chỉ thị"),
    (("ket", "luan"), "Kết luận"),
    (("thong", "bao"), "Thông báo"),
    (("cong", "van"), "Công văn"),
    (("thong", "tu"), "Thông tư"),
    (("thong", "tri"), "Thông tri"),
    (("huong", "dan"), "Hướng dẫn"),
    (("chuong", "trinh"), "Chương trình"),
    (("de", "an"), "Đề án"),
    (("bao", "cao"), "Báo cáo"),
    (("hien", "phap"), "Hiến pháp"),
    (("luat",), "Luật"),
]
KINDS = sorted({k for _, k in KIND_PHRASES})


def kind_at(toks: list[str], i: int) -> tuple[str, int] | None:
    """The kind whose phrase starts at token ``i`` and its length in tokens."""
    for phrase, kind in KIND_PHRASES:
        if i + len(phrase) <= len(toks) and all(word_matches(toks[i + j], w) for j, w in enumerate(phrase)):
            # "quy" vs "quyet": word_matches allows one edit, so insist on the exact
            # first word for the four-letter-or-shorter look-alikes.
            if phrase[0] in ("quy", "nghi") and toks[i] not in (phrase[0],):
                continue
            return kind, len(phrase)
    return None


def kind_before(text: str, max_tokens: int = 6, code_kind: str | None = None) -> str | None:
    """The kind named in the few words before a number ("Kế hoạch hành động số").

    Phrases are read left to right without overlap ("Thông báo Kết luận" is two phrases,
    not "Thông báo", "Kết luận" and "luận"≈"Luật"); when one of them is the kind the
    number's own code says ("TB" → Thông báo), that one wins, otherwise the last.
    """
    toks = tokens(fold_same(text))[-max_tokens:]
    found: list[str] = []
    i = 0
    while i < len(toks):
        hit = kind_at(toks, i)
        if hit:
            found.append(hit[0])
            i += hit[1]
        else:
            i += 1
    if not found:
        return None
    if code_kind in found:
        return code_kind
    return found[-1]


# --- dates ----------------------------------------------------------------------------
_DIGIT = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})
NUMERIC_DATE = re.compile(r"(?<![\d/])(\d{1,2})\s?[/.\-]\s?(\d{1,2})\s?[/.\-]\s?((?:19|2\d)\d\d)(?!\d)")
# Matched on folded text: "ngày 12 tháng 02 năm 2026", OCR'd as "ngdy", "thdang", "niim";
# any part may be blank in a draft ("ngày   tháng 01 năm 2026").
WORD_DATE = re.compile(
    r"ng\S{0,3}y\s*(\d{1,2}|[.…_]*)\s*th\S{0,3}ng\s*(\d{1,2}|[.…_]*)\s*n\S{0,3}m\s*((?:19|20)\d\d|[.…_]*)"
)
SIGNED_AT = re.compile(
    r"(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d\d)"
    r"(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{2}:?\d{2})?)?"
)


def fix_year(year: int) -> int:
    """2924 → 2024: tesseract reads the 0 of some fonts as 9 or 6, and no plan is dated
    after 2099, so a year 2100–2999 has a misread second digit."""
    return 2000 + year % 100 if 2100 <= year <= 2999 else year


def make_date(day: int | None, month: int | None, year: int | None) -> date | None:
    if not (day and month and year):
        return None
    year = fix_year(year)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, int, date]]:
    """Complete dates in ``text`` as (start, end, date), numeric and spelled out."""
    out: list[tuple[int, int, date]] = []
    for m in NUMERIC_DATE.finditer(text):
        d = make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            out.append((m.start(), m.end(), d))
    folded = fold_same(text)
    for m in WORD_DATE.finditer(folded):
        parts = [int(g) if g and g.isdigit() else None for g in m.groups()]
        d = make_date(*parts)
        if d and not any(s <= m.start() < e for s, e, _ in out):
            out.append((m.start(), m.end(), d))
    out.sort()
    return out


def parse_signed_at(text: str) -> datetime | None:
    m = SIGNED_AT.search(text)
    if not m:
        return None
    d = make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if not d:
        return None
    if m.group(4) is None:
        return datetime(d.year, d.month, d.day)
    tz = None
    if m.group(7):
        sign = 1 if m.group(7)[0] == "+" else -1
        digits = m.group(7)[1:].replace(":", "")
        tz = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    try:
        return datetime(d.year, d.month, d.day, int(m.group(4)), int(m.group(5)), int(m.group(6) or 0), tzinfo=tz)
    except ValueError:
        return datetime(d.year, d.month, d.day)
