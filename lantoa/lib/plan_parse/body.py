"""Themes, channels, phases, targets, audiences, budget and assignments from the sections."""

from __future__ import annotations

import calendar
import re
from datetime import date

from .codes import find_dates
from .model import Assignment, Channel, Phase, Role
from .sections import Item, Section
from .textutil import clean_space, fold_same, phrase_at, tokens

_QUARTER = re.compile(r"\bq\S{1,2}\s+([ivxl1|]{1,4}|[1-4])\s*(?:/|-|\s+n\S{1,3}m\s+)\s*((?:19|20)\d\d)")
_MONTH_RANGE = re.compile(
    r"th\S{0,3}ng\s*(\d{1,2})(?:\s*/\s*((?:19|20)\d\d))?\s*(?:-|–|den|đến|\S{1,2}n)\s*(?:h\S{1,2}t\s+)?"
    r"(?:th\S{0,3}ng\s*)?(\d{1,2})\s*(?:/|n\S{1,3}m)\s*((?:19|20)\d\d)"
)
_YEAR_RANGE = re.compile(r"((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)")
_YEAR = re.compile(r"(?<![\d/])((?:19|20)\d\d)(?![\d/])")


def _quarter_value(token: str) -> int | None:
    if token.isdigit() and token in "1234" and len(token) == 1:
        return int(token)
    roman = token.upper().replace("1", "I").replace("L", "I").replace("|", "I")
    return {"I": 1, "II": 2, "III": 3, "IV": 4}.get(roman)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def period_of(text: str) -> tuple[date | None, date | None] | None:
    """The time span a phase heading names, most specific form first."""
    folded = fold_same(text)
    dates = find_dates(text)
    if len(dates) >= 2:
        return dates[0][2], dates[1][2]
    quarters = [(q, int(m.group(2))) for m in _QUARTER.finditer(folded) if (q := _quarter_value(m.group(1)))]
    if quarters:
        # "Quý II/2026 - Quý III/2026" spans both quarters.
        (q1, y1), (q2, y2) = quarters[0], quarters[-1]
        return date(y1, 3 * q1 - 2, 1), _month_end(y2, 3 * q2)
    m = _MONTH_RANGE.search(folded)
    if m:
        m1, m2, y2 = int(m.group(1)), int(m.group(3)), int(m.group(4))
        year1 = int(m.group(2)) if m.group(2) else y2
        if 1 <= m1 <= 12 and 1 <= m2 <= 12:
            return date(year1, m1, 1), _month_end(y2, m2)
    if len(dates) == 1:
        return _one_end(text, dates[0])
    m = _YEAR_RANGE.search(folded)
    if m and int(m.group(1)) <= int(m.group(2)):
        return date(int(m.group(1)), 1, 1), date(int(m.group(2)), 12, 31)
    m = _YEAR.search(folded)
    if m:
        year = int(m.group(1))
        return date(year, 1, 1), date(year, 12, 31)
    return None


def window_in(text: str) -> tuple[date | None, date | None] | None:
    """ "từ ngày 28/8/2025 đến hết ngày 31/12/2025" anywhere in ``text``."""
    dates = find_dates(text)
    if len(dates) >= 2:
        return dates[0][2], dates[1][2]
    if len(dates) == 1:
        return _one_end(text, dates[0])
    return None


_UNTIL = re.compile(r"\b(?:den|truoc)\s+(?:het\s+)?(?:ngay\s+)?$")


def _one_end(text: str, found: tuple[int, int, date]) -> tuple[date | None, date | None]:
    """A window with one date: "đến (hết) ngày …" or "trước ngày …" closes it; otherwise it opens it."""
    before = fold_same(text[: found[0]]).rstrip() + " "
    return (None, found[2]) if _UNTIL.search(before) else (found[2], None)


def _heading_has(item: Item, *phrases: str) -> bool:
    toks = tokens(fold_same(item.short_title))[:8]
    # "Hinh thirc" (hình thức) is two edits from "hinh thuc": the first word decides.
    if "hinh thuc" in phrases and toks[:1] == ["hinh"]:
        return True
    return any(phrase_at(toks, i, tuple(p.split())) for p in phrases for i in range(min(3, len(toks))))


def _label_value(text: str, *labels: str) -> str | None:
    """Value after "Thời gian thực hiện:" style labels (OCR-tolerant)."""
    head, sep, value = text.partition(":")
    if not sep or len(head) > 40:
        return None
    toks = tokens(fold_same(head))
    for label in labels:
        if phrase_at(toks, 0, tuple(label.split())):
            return value.strip()
    return None


def _units(value: str) -> list[str]:
    """Unit names from a list cell: ";" always separates; "," only between names.

    Names carry commas of their own ("Báo và Phát thanh, Truyền hình", "Sở Văn hóa, Thể
    thao và Du lịch"): a list whose pieces contain "và" is one name, and a piece starting in
    lower case continues the one before ("Các phòng, đơn vị trực thuộc UBND").
    """
    out: list[str] = []
    for group in value.split(";"):
        pieces = [clean_space(p).strip(" .") for p in group.split(",")]
        pieces = [p for p in pieces if p]
        if any(" va " in f" {fold_same(p)} " for p in pieces) and len(pieces) > 1:
            out.append(clean_space(group).strip(" .,"))
            continue
        for piece in pieces:
            if out and (piece[:1].islower() or _continues_subject(out[-1], piece)):
                out[-1] = f"{out[-1]}, {piece}"
            else:
                out.append(piece)
    return [u for u in out if u]


def _continues_subject(previous: str, piece: str) -> bool:
    """ "Ban Chỉ đạo về phát triển KHCN, ĐMST&CĐS": abbreviations after a name that lists its subjects
    ("về …") or joined by "&" are more of that name, not another unit."""
    if any(ch.islower() for ch in piece) or not previous.split():
        return False
    last = previous.split()[-1]
    ends_abbreviated = len(last) >= 2 and not any(ch.islower() for ch in last)
    return ends_abbreviated and ("&" in piece or " ve " in f" {fold_same(previous)} ")


def extract_channels(sections: list[Section]) -> list[Channel]:
    out: list[Channel] = []
    for section in sections:
        if "channels" not in section.kinds or "organisation" in section.kinds:
            continue
        items = section.items or []
        if not items:
            for bullet in section.intro.bullets:
                out.append(Channel(name=bullet.text))
            continue
        for item in items:
            if item.children:
                for child in item.children:
                    out.append(_channel(child))
            elif item.bullets and _heading_has(item, "hinh thuc") and all(":" in b.text[:40] for b in item.bullets):
                out.extend(Channel(name=b.text) for b in item.bullets)
            else:
                out.append(_channel(item))
    return out


def _channel(item: Item) -> Channel:
    channel = Channel(name=item.short_title)
    for text in item.body_texts():
        when = _label_value(text, "thoi gian thuc hien", "thoi gian")
        if when is not None:
            window = window_in(when)
            if window:
                channel.start, channel.end = window
            continue
        lead = _label_value(text, "don vi thuc hien", "don vi chu tri", "co quan chu tri", "chu tri")
        if lead is not None:
            channel.lead_units.extend(_units(lead))
            continue
        coord = _label_value(text, "don vi phoi hop", "co quan phoi hop", "phoi hop")
        if coord is not None:
            channel.coordinating_units.extend(_units(coord))
    return channel


def extract_phases(sections: list[Section]) -> list[Phase]:
    phases: list[Phase] = []
    for section in sections:
        if not section.kinds and _dated_items(section):
            # A heading OCR garbled past recognition ("TIZN PO THUC HIEN") whose items are
            # dated periods is a phase section all the same.
            section.kinds = {"phases"}
        if "phases" not in section.kinds or "organisation" in section.kinds:
            continue
        for item in section.items:
            span = period_of(item.short_title)
            if span is None:
                # "Giai đoạn chuẩn bị": a stage the plan names before it has dates is a phase all the same.
                if _heading_has(item, "giai doan", "buoc", "dot"):
                    phases.append(Phase(name=item.short_title, start=None, end=None))
                continue
            phases.append(Phase(name=item.short_title, start=span[0], end=span[1]))
        if not section.items:
            text = clean_space(" ".join(section.lines))
            window = window_in(text) or period_of(text)
            if window:
                phases.append(Phase(name=section.title, start=window[0], end=window[1]))
    return phases


def _dated_items(section: Section) -> bool:
    """Most items name an explicit period: two dates, or a quarter."""
    if not section.items:
        return False
    dated = sum(
        1
        for item in section.items
        if len(find_dates(item.short_title)) >= 2 or _QUARTER.search(fold_same(item.short_title))
    )
    return dated * 2 > len(section.items)


def extract_themes(
    sections: list[Section], children: list[list[str]] | None = None
) -> tuple[list[str], list[str]]:
    """(themes, audiences) from the content sections.

    ``children``, when given, receives the sub-items (bullets) of each theme, index for index with
    the themes: a nested theme ("1. …" with "- …" under it) keeps its sub-items.
    """
    themes: list[str] = []
    subs: list[list[str]] = []
    audiences: list[str] = []
    for section in sections:
        if "themes" not in section.kinds and "audiences" not in section.kinds:
            continue
        for item in section.items:
            if _heading_has(item, "doi tuong"):
                audiences.extend(item.body_texts() or [item.title])
            elif item.children:
                themes.extend(child.short_title for child in item.children)
                subs.extend([b.text for b in child.bullets if b.text] for child in item.children)
            elif "themes" in section.kinds:
                themes.append(item.title)
                subs.append([b.text for b in item.bullets if b.text])
        if not section.items:
            target = themes if "themes" in section.kinds else audiences
            target.extend(b.text for b in section.intro.bullets)
            if target is themes:
                subs.extend([] for _ in section.intro.bullets)
    if not themes:
        # Plans without a "NỘI DUNG" section list their work under "NHIỆM VỤ".
        for section in sections:
            if "tasks" in section.kinds and not section.kinds & {"organisation", "purpose"}:
                themes.extend(item.title for item in section.items)
                subs.extend([] for _ in section.items)
    if children is not None:
        children.extend(subs)
    return themes, audiences


_PERCENT = re.compile(r"\d+([.,]\d+)?\s*%")


def extract_purpose(sections: list[Section]) -> tuple[list[str], list[str], list[str]]:
    """(purpose, requirements, targets)."""
    purpose: list[str] = []
    requirements: list[str] = []
    targets: list[str] = []
    for section in sections:
        if "purpose" in section.kinds or "targets" in section.kinds:
            for item in section.items:
                body = item.body_texts() or ([item.title] if len(item.title) > 40 else [])
                if _heading_has(item, "muc tieu cu the", "chi tieu", "cac chi tieu"):
                    targets.extend(body)
                elif _heading_has(item, "yeu cau"):
                    requirements.extend(body)
                else:
                    purpose.extend(body)
                    targets.extend(t for t in body if _PERCENT.search(t))
            if "targets" in section.kinds and not section.items:
                targets.extend(b.text for b in section.intro.bullets)
    return purpose, requirements, list(dict.fromkeys(targets))


def extract_budget(sections: list[Section]) -> str | None:
    for section in sections:
        if "budget" in section.kinds:
            text = clean_space(" ".join(line for line in section.lines if line.strip()))
            if text:
                return text
    for section in sections:
        for item in section.all_items():
            if _heading_has(item, "kinh phi"):
                _, _, rest = item.title.partition(":")
                parts = [rest.strip()] if rest.strip() else []
                parts += item.body_texts()
                if parts:
                    return clean_space(" ".join(parts))
    return None


# Verbs that end a unit's name in a heading ("UBND phường chỉ đạo các phòng ...").
_VERBS = [
    ("chi", "dao"),
    ("chu", "tri"),
    ("phoi", "hop"),
    ("co", "trach", "nhiem"),
    ("thuc", "hien"),
    ("tham", "muu"),
    ("huong", "dan"),
    ("chiu", "trach", "nhiem"),
    ("to", "chuc"),
    ("trien", "khai"),
]
_REQUEST = re.compile(r"^\s*(?:\S\S?\s+ngh\S{1,2}|giao|y\S{0,2}u\s+c\S{1,2}u)\s+", re.IGNORECASE)
_GENERIC = re.compile(r"^(?:cac\s+)?(?:co\s+quan|don\s+vi|dia\s+phuong|so\s*,?\s+ban|nganh)\b")


def unit_name(head: str) -> tuple[str, str]:
    """("UBND phường", "chỉ đạo các phòng, ban, đơn vị trực thuộc") from an item heading."""
    text = clean_space(head)
    m = _REQUEST.match(text)
    if m and fold_same(m.group(0)).split()[-1].startswith(("ngh", "giao", "y")):
        text = text[m.end() :]
    head_part, sep, after = text.partition(":")
    if sep and len(head_part) <= 120:
        return head_part.strip(" .,"), after.strip()
    words = text.split()
    toks = [fold_same(w).strip(".,;:()") for w in words]
    for i in range(1, len(words)):
        if toks[i - 1] == "ban":
            continue  # "Ban Chỉ đạo", "Ban Tổ chức" are names
        # Exact words: one-edit tolerance turns "phường, đặc khu" into "hướng dẫn".
        if any(tuple(toks[i : i + len(verb)]) == verb for verb in _VERBS):
            return " ".join(words[:i]).strip(" .,"), " ".join(words[i:])
    return text.strip(" .,"), ""


def _role(duties: list[str], head_rest: str) -> Role:
    first = fold_same((duties[0] if duties else head_rest)[:30])
    toks = tokens(first)
    return "coordinating" if toks[:2] and phrase_at(toks, 0, ("phoi", "hop")) else "lead"


_TASK_HEADS = ("noi dung", "nhiem vu", "cong viec", "hoat dong", "ten san pham", "san pham")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("|")]


def table_assignments(lines: list[str]) -> list[Assignment]:
    """Task tables ("TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian").

    DOCX tables arrive as rows joined with " | "; a header row naming the task and the
    lead-unit columns tells which cell is which.
    """
    out: dict[tuple[str, str], Assignment] = {}
    task_col = lead_col = coord_col = None
    for line in lines:
        if line.count("|") < 2:
            task_col = lead_col = coord_col = None if line.strip() else task_col
            continue
        cells = _cells(line)
        folded = [" ".join(tokens(fold_same(c))) for c in cells]
        task_head = next((i for i, f in enumerate(folded) if f.startswith(_TASK_HEADS)), None)
        lead_head = next((i for i, f in enumerate(folded) if "chu tri" in f), None)
        if lead_head is None:
            lead_head = next(
                (i for i, f in enumerate(folded) if f.startswith(("don vi", "co quan")) and "phoi hop" not in f), None
            )
        if task_head is not None and lead_head is not None:
            task_col, lead_col = task_head, lead_head
            coord_col = next((i for i, f in enumerate(folded) if "phoi hop" in f), None)
            continue
        if task_col is None or lead_col is None or len(cells) <= max(task_col, lead_col):
            continue
        task = clean_space(cells[task_col])
        if not task:
            continue
        columns: list[tuple[int | None, Role]] = [(lead_col, "lead"), (coord_col, "coordinating")]
        for col, role in columns:
            if col is None or col >= len(cells):
                continue
            for unit in _units(cells[col]):
                key = (unit, role)
                out.setdefault(key, Assignment(unit=unit, role=role)).duties.append(task)
    return list(out.values())


def extract_assignments(sections: list[Section]) -> list[Assignment]:
    out: list[Assignment] = []
    for section in sections:
        if "organisation" not in section.kinds:
            continue
        items: list[Item] = []
        for item in section.items:
            # "1. Trách nhiệm của các sở, ngành" with the units as 1.1, 1.2 …
            generic = _GENERIC.match(" ".join(tokens(fold_same(item.short_title))))
            if item.children and (generic or _heading_has(item, "trach nhiem", "phan cong", "giao")):
                items.extend(item.children)
            else:
                items.append(item)
        for item in items:
            title = item.title
            first = clean_space(" ".join(item.head_first))
            name_source = first if first and len(first) < len(title) else title
            unit, rest = unit_name(name_source)
            if name_source is not title:
                rest = clean_space(title[len(first) :]) if title.startswith(first) else rest
            duties = item.body_texts()
            folded_unit = " ".join(tokens(fold_same(unit)))
            if _GENERIC.match(folded_unit) and duties and all(":" in d[:90] for d in duties):
                # "3. Các cơ quan, đơn vị" followed by "- Ban Chỉ đạo 35 Trung ương: …".
                for duty in duties:
                    name, _, task = duty.partition(":")
                    out.append(Assignment(unit=name.strip(), role=_role([task.strip()], ""), duties=[task.strip()]))
                continue
            if rest and (not duties or len(rest.split()) > 12):
                duties = [rest, *duties]
            if not unit:
                continue
            out.append(Assignment(unit=unit, role=_role(duties, rest), duties=duties))
    return out
