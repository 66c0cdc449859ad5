"""References: the "Căn cứ …" / "Thực hiện …" lists and numbers mentioned in the body."""

from __future__ import annotations

import re

from .codes import NumberMatch, find_dates, find_numbers, kind_at, kind_before, kind_from_code
from .model import Reference, Relation
from .textutil import clean_space, fold_same, tokens

# Markers at the start of a reference item, on folded text, tolerant of OCR ("Cén ctir",
# "Thyc hién", "Cian ctr").
_BASED_ON = re.compile(r"^[-+•*\s]*(?:c\S{1,2}n\s+c\S{0,3}|x\S?et)\b[\s:]*")
_IMPLEMENTS = re.compile(
    r"^[-+•*\s]*(?:(?:ti\S{1,2}p\s+t\S{1,2}c\s+)?th\S{1,3}\s+hi\S{1,3}n|tri\S{1,2}n\s+kh\S{1,2}i)\b[\s:]*"
)
_OF = re.compile(r"^c\S{0,3}a$")  # của: "cua", "ciia", "ctia", "cla", "cta", "ctua"
_ABOUT = re.compile(r"^v[e&8]{1,2}'?$")  # về: "ve", "vé", "v&", "veé"
# Verbs that end an issuer's name ("của Thủ tướng Chính phủ phê duyệt …").
_STOP_PAIRS = {("quy", "dinh"), ("phe", "duyet"), ("ban", "hanh"), ("huong", "dan"), ("ve", "viec")}
# After a comma, a new organisation starts a new clause ("của Bộ Chính trị, Ủy ban nhân dân tỉnh ban hành").
_ORG_START = {"uy", "ubnd", "ban", "bo", "so", "dang", "hoi", "tinh", "thanh", "chinh"}
_STOP = re.compile(r"^(?:nh\S{0,2}m|ng\S{0,2}y|tai|theo|tr\S{1,2}n|de|ban)$")


def relation_marker(folded_line: str) -> tuple[Relation, int] | None:
    """(relation, length of the marker) when a line starts a reference item."""
    m = _BASED_ON.match(folded_line)
    if m:
        return "based_on", m.end()
    m = _IMPLEMENTS.match(folded_line)
    if m:
        return "implements", m.end()
    return None


def _split_segments(text: str) -> list[str]:
    """Split on ";" outside quotation marks (subjects are often quoted)."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "“«":
            depth += 1
        elif ch in "”»" and depth:
            depth -= 1
        elif ch == ";" and depth == 0:
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    return [s for s in (x.strip() for x in out) if s]


def _issuer_after(text: str) -> tuple[str | None, str | None]:
    """("Bộ Chính trị", "subject...") from text that follows a number and its date."""
    words = text.split()
    folded = [fold_same(w).strip('.,;:()“”"') for w in words]
    i = 0
    while i < len(words) and (not folded[i] or re.fullmatch(r"ng\S{0,2}y|[\d/.\-]+", folded[i])):
        i += 1
    issuer: str | None = None
    if i < len(words) and _OF.match(folded[i]):
        j = i + 1
        out: list[str] = []
        while j < len(words) and len(out) < 16:
            f = folded[j]
            nxt = folded[j + 1] if j + 1 < len(folded) else ""
            if _ABOUT.match(f) or (out and _STOP.match(f) and f not in ("ban",)) or re.match(r"\d+/\d+", f):
                break
            if out and words[j][:1].islower() and (f, nxt) in _STOP_PAIRS:
                break
            if out and out[-1].endswith(",") and f in _ORG_START and words[j][:1].isupper():
                out[-1] = out[-1].rstrip(",")
                break
            out.append(words[j])
            if words[j].endswith((";", ".")):
                break
            j += 1
        if len(out) >= 16 and any(w.endswith(",") for w in out):
            cut = next(k for k, w in enumerate(out) if w.endswith(","))
            out = out[: cut + 1]
        issuer = clean_space(" ".join(out)).strip(" ,.;:") or None
        i = j
    subject = None
    if i < len(words) and _ABOUT.match(folded[i]):
        subject = clean_space(" ".join(words[i + 1 :])).strip(" ,.;:") or None
    return issuer, subject


def _reference_from(segment: str, match: NumberMatch | None, next_start: int, relation: Relation) -> Reference:
    if match is not None:
        code_kind = kind_from_code(match)
        kind = kind_before(segment[max(0, match.start - 80) : match.start], code_kind=code_kind) or code_kind
        after_start = match.end
        number = match.number
    else:
        toks = tokens(fold_same(segment))
        kind = next((hit[0] for i in range(min(4, len(toks))) if (hit := kind_at(toks, i))), None)
        after_start = 0
        number = None
    dates = find_dates(segment[after_start:next_start])
    when = dates[0][2] if dates else None
    if match is not None:
        # Only a date right after the number shifts where the issuer is looked for.
        date_end = after_start + dates[0][1] if dates and dates[0][0] < 25 else after_start
        issuer, subject = _issuer_after(segment[date_end:next_start])
    else:
        # "Căn cứ Luật Báo chí, ngày 05/4/2016 của Quốc hội": no number, but the issuer follows the date.
        issuer = _issuer_after(segment[after_start + dates[0][0] : next_start])[0] if dates else None
        subject = clean_space(segment)
    return Reference(relation=relation, kind=kind, number=number, date=when, issuer=issuer, subject=subject)


def parse_reference_items(lines: list[str]) -> tuple[list[Reference], list[tuple[str, int]]]:
    """References from the preamble lines; also returns the segments' text for mentions."""
    items: list[tuple[Relation, list[str]]] = []
    current: list[str] | None = None
    relation: Relation | None = None
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        folded = fold_same(stripped)
        marker = relation_marker(folded)
        if marker:
            relation = marker[0]
            current = [stripped[marker[1] :]]
            items.append((relation, current))
        elif relation is not None and stripped[:1] in "-+•" and stripped[1:2].isspace():
            current = [stripped.lstrip("-+• ")]
            items.append((relation, current))
        elif current is not None:
            current.append(stripped)
    refs: list[Reference] = []
    rest: list[tuple[str, int]] = []
    for relation_, item_lines in items:
        text = clean_space(" ".join(item_lines))
        for segment in _split_segments(text):
            numbers = find_numbers(segment)
            if numbers:
                nxt = numbers[1].start if len(numbers) > 1 else len(segment)
                refs.append(_reference_from(segment, numbers[0], nxt, relation_))
                # Numbers inside the subject are mentions, not items of the list.
                if len(numbers) > 1:
                    rest.append((segment, numbers[1].start))
            else:
                ref = _reference_from(segment, None, len(segment), relation_)
                if ref.kind is not None:
                    refs.append(ref)
    return refs, rest


def find_mentions(text: str, relation: Relation = "mentions") -> list[Reference]:
    """Numbered documents cited anywhere in ``text`` ("… Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025")."""
    text = clean_space(text)
    numbers = find_numbers(text)
    out = []
    for k, match in enumerate(numbers):
        nxt = numbers[k + 1].start if k + 1 < len(numbers) else len(text)
        window_end = min(nxt, match.end + 160)
        ref = _reference_from(text, match, window_end, relation)
        # A date far from the number belongs to something else.
        dates = find_dates(text[match.end : window_end])
        if not dates or dates[0][0] > 40:
            ref.date = None
            ref.issuer, ref.subject = _issuer_after(text[match.end : window_end])
        ref.subject = None
        out.append(ref)
    return out


def merge_references(refs: list[Reference], own_number: str | None) -> list[Reference]:
    """Drop the document's own number and repeats; keep the first, most explicit relation.

    Two citations are the same document when the numbers agree and the dates agree or one
    is missing; "13-KH/TU" of 15/9/2025 and of 08/12/2025 are two documents.
    """
    out: list[Reference] = []
    for ref in refs:
        if ref.number is not None and ref.number == own_number:
            continue
        same = None
        for kept in out:
            if ref.number is None or kept.number != ref.number:
                continue
            if kept.date is None or ref.date is None or kept.date == ref.date:
                same = kept
                break
        if same is None:
            out.append(ref)
            continue
        same.date = same.date or ref.date
        same.issuer = same.issuer or ref.issuer
        same.kind = same.kind or ref.kind
    return out
