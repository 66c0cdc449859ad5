"""The end of a plan: recipients ("Nơi nhận"), the signer block, digital-signature lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .codes import parse_signed_at
from .model import DigitalSignature
from .sections import NOI_NHAN
from .textutil import clean_space, fold_same, upper_ratio

# Signature titles: "T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ TRƯỞNG BAN".
_ROLE_START = re.compile(r"(?:^|\s)(?:t\s*/\s*m|tm\s*\.|k\s*/\s*t|kt\s*\.|q\s*\.|tl\s*\.|tuq\s*\.)\s", re.IGNORECASE)
_ROLE_WORDS = {
    "chu",
    "tich",
    "pho",
    "truong",
    "ban",
    "bi",
    "thu",
    "giam",
    "doc",
    "thuong",
    "vu",
    "uy",
    "nhan",
    "dan",
    "tm",
    "kt",
    "t/m",
    "k/t",
    "ky",
    "thay",
    "quyen",
    "chanh",
    "van",
    "phong",
    "tong",
    "cuc",
    "vien",
    "chi",
    "dao",
    "bo",
}
_SIG_AGENCY = re.compile(r"^\W*c\S{0,2}\s*quan\s*:\s*", re.IGNORECASE)
_SIG_DATE = re.compile(r"^\W*(?:ng\S{1,2}y\s+k\S{1,2}|th\S{1,2}i\s+gian\s+k\S{1,2})\s*:\s*")
_SIG_OTHER = re.compile(r"^\W*(?:email|nguoi\s+ky|ky\s+boi|chuc\s+vu)\s*:")
_URL = re.compile(r"https?:/|www\.|\S+@\S+\.\S+")


@dataclass
class Tail:
    recipients: list[str] = field(default_factory=list)
    signer: str | None = None
    signer_title: str | None = None
    signature: DigitalSignature | None = None
    body_end: int = 0


def _strip_role(text: str) -> tuple[str, str | None]:
    """Split "- Thường trực Tỉnh uỷ, , PHÓ TRƯỞNG BAN" into the recipient and the role."""
    m = _ROLE_START.search(text)
    if m:
        return text[: m.start()].rstrip(" ,;"), clean_space(text[m.start() :])
    words = text.split()
    k = len(words)
    while k > 0:
        w = words[k - 1]
        letters = [c for c in w if c.isalpha()]
        caps = bool(letters) and all(c.isupper() for c in letters)
        role_word = caps and fold_same(w).strip(".,") in _ROLE_WORDS
        if role_word or w in {",", ";"}:
            k -= 1
        else:
            break
    if k < len(words) and len(words) - k >= 2:
        return " ".join(words[:k]).rstrip(" ,;"), " ".join(words[k:]).strip(" ,;")
    return text, None


def _looks_like_name(line: str) -> bool:
    """A person's name: 2–6 words, capitalised, no digits, not a title or an organisation."""
    words = line.split()
    if not 2 <= len(words) <= 6 or any(c.isdigit() for c in line) or ":" in line:
        return False
    if _URL.search(line) or line.lstrip().startswith(("-", "+", "(")):
        return False
    folded = [fold_same(w).strip(".,") for w in words]
    if sum(f in _ROLE_WORDS for f in folded) >= 2:
        return False
    if any(len(f) < 2 for f in folded):
        return False
    # The first word may be OCR debris ("I’¢ Hoai Trung"); the others must be names.
    rest = words[1:]
    if not all(w[:1].isupper() and (w[1:].islower() or w.isupper()) for w in rest):
        return False
    if upper_ratio(line) > 0.9 and len(words) > 4:
        return False
    return sum(c.isalpha() for c in line) >= 6


def parse_tail(lines: list[str], body_start: int) -> Tail:
    tail = Tail(body_end=len(lines))
    folded = [fold_same(line) for line in lines]
    noi_nhan = None
    for i in range(len(lines) - 1, body_start - 1, -1):
        if NOI_NHAN.match(folded[i]):
            noi_nhan = i
            break
    # Digital-signature block, anywhere in the last lines.
    agency: list[str] = []
    signed_at = None
    zone = range(max(body_start, len(lines) - 60), len(lines))
    for i in zone:
        m = _SIG_AGENCY.match(folded[i])
        if m and noi_nhan is not None and i > noi_nhan - 3:
            agency = [lines[i][m.end() :].strip()]
            j = i + 1
            while (
                j < len(lines)
                and lines[j].strip()
                and not _SIG_DATE.match(folded[j])
                and upper_ratio(lines[j]) > 0.8
                and len(agency) < 3
            ):
                agency.append(lines[j].strip())
                j += 1
        d = _SIG_DATE.match(folded[i])
        if d:
            signed_at = parse_signed_at(lines[i][d.end() :])
    if agency or signed_at:
        tail.signature = DigitalSignature(agency=clean_space(" ".join(agency)) or None, signed_at=signed_at)
    if noi_nhan is None:
        tail.signer = _find_signer(lines, folded, max(body_start, len(lines) - 15), len(lines))
        return tail
    tail.body_end = noi_nhan
    roles: list[str] = []
    names: list[str] = []
    # Lines just above "Nơi nhận": the signer's title printed first ("KT. BỘ TRƯỞNG"), and
    # sometimes the recipient list itself when OCR read the columns out of order — but
    # only after the closing line ("… theo quy định./."), never a bullet of the body.
    start = noi_nhan
    k = noi_nhan - 1
    block: list[int] = []
    while k > body_start and (not lines[k].strip() or lines[k].lstrip().startswith("-") or _is_role_line(lines[k])):
        if lines[k].strip():
            block.append(k)
        k -= 1
    closed = k >= 0 and bool(re.search(r"/\.\s*\S{0,2}$|\./\s*$", lines[k].strip()))
    for i in block:
        if closed or _is_role_line(lines[i]):
            start = min(start, i)
    tail.body_end = start
    first_rest = lines[noi_nhan][NOI_NHAN.match(folded[noi_nhan]).end() :]  # type: ignore[union-attr]
    recipients: list[list[str]] = []
    for i in range(start, len(lines)):
        raw = first_rest if i == noi_nhan else lines[i]
        if not raw.strip() or _URL.search(raw) or _SIG_AGENCY.match(folded[i]) or _SIG_DATE.match(folded[i]):
            continue
        cells = [c.strip() for c in re.split(r"\s*\|\s*|\s{3,}", raw.strip()) if c.strip()]
        if not cells:
            continue
        # Right-hand cells of a two-column tail are the signature block.
        left, right = cells[0], cells[1:]
        if i == noi_nhan:
            left, right = "", cells
        for cell in right:
            (names if _looks_like_name(cell) else roles).append(cell)
        line = left
        if not line:
            continue
        glued = _glued_name(line)
        if glued:
            # "- Lưu: VT, TTCNTT. Trịnh Thị Thủy": OCR joined the signer to the last recipient.
            names.append(glued)
            line = line[: line.rindex(glued)].rstrip()
        if glued or line.startswith(("-", "+", "•")):
            text, role = _strip_role(line.lstrip("-+• "))
            if role:
                roles.append(role)
            if text:
                recipients.append([text])
        elif recipients and (line[:1].islower() or line.startswith("(")):
            text, role = _strip_role(line)
            if role:
                roles.append(role)
            recipients[-1].append(text)
        elif _looks_like_name(line):
            names.append(line)
        elif recipients and upper_ratio(line) < 0.6 and not recipients[-1][-1].rstrip().endswith((";", ".")):
            recipients[-1].append(line)
        elif upper_ratio(line) < 0.6 and line.rstrip().endswith((";", ",", ".")) and len(line) < 160:
            # OCR often drops the small dashes: "Bộ trưởng (để b/c);" is still a recipient.
            recipients.append([line])
        elif upper_ratio(line) >= 0.6:
            roles.append(line)
    tail.recipients = [r for r in (clean_space(" ".join(x)).strip(" ,;.") for x in recipients) if r]
    tail.signer_title = clean_space(" ".join(roles)).strip(" |") or None
    # A name in Title Case beats an all-caps line that merely looks like one.
    names.sort(key=lambda n: upper_ratio(n) > 0.9)
    tail.signer = clean_space(names[0]) if names else None
    if tail.signer is None:
        tail.signer = _find_signer(lines, folded, noi_nhan + 1, len(lines))
    if tail.signer is None:
        # Right column OCR'd first: the name sits between the closing paragraph and "Nơi nhận".
        tail.signer = _find_signer(lines, folded, max(body_start, start - 8), start)
    return tail


def _glued_name(line: str) -> str | None:
    words = line.split()
    for k in range(2, 6):
        if k + 1 > len(words) or not words[-k - 1].endswith((".", ";", ",")):
            continue
        candidate = words[-k:]
        if all(w[:1].isupper() and w[1:].islower() for w in candidate) and _looks_like_name(" ".join(candidate)):
            return " ".join(candidate)
    return None


def _is_role_line(line: str) -> bool:
    text = line.strip()
    if not text or upper_ratio(text) < 0.8:
        return False
    if _ROLE_START.search(" " + text):
        return True
    words = [fold_same(w).strip(".,") for w in text.split()]
    return sum(w in _ROLE_WORDS for w in words) >= max(1, len(words) - 1)


def _find_signer(lines: list[str], folded: list[str], start: int, end: int) -> str | None:
    for i in range(end - 1, start - 1, -1):
        line = lines[i].strip()
        if (
            not line
            or _URL.search(line)
            or _SIG_AGENCY.match(folded[i])
            or _SIG_DATE.match(folded[i])
            or _SIG_OTHER.match(folded[i])
        ):
            continue
        if _looks_like_name(line):
            return clean_space(line)
    return None
