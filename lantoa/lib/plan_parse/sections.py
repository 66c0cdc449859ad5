"""Sections (I–X) of a plan and the numbered items, sub-items and bullets inside them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .textutil import clean_space, fold_same, phrase_at, tokens, upper_ratio

_ROMAN_VALUES = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
# "I1I- HINH THUC", "V.TO CHUC", "II1. HINH THU'C", "TTT. NỘI DUNG": OCR reads I as 1, l, |
# or (in serif fonts) T.
_ROMAN_HEAD = re.compile(
    r"^\s*(?:ph\S{1,2}n\s+(?:th\S{1,2}\s+)?)?([IVXl1|T]{1,4}|\d{1,2})\s*[.\-–—:)]\s*(\S.*)$", re.IGNORECASE
)
_TOP_ITEM = re.compile(r"^\s*(\d{1,2})\s*[.)]\s*(?![\d/])(.*)$")
_SUB_ITEM = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.?\s*(?!\d)(.*)$")
_LETTER_ITEM = re.compile(r"^\s*([a-gđ])\s*\)\s*(.+)$")
_BULLET = re.compile(r"^\s*[-–—+•*·]\s*(.+)$")
# Closing paragraphs that end the last section: "Trên đây là …", "Trong quá trình …",
# "Kế hoạch này là …".
_CLOSING = re.compile(
    r"^\W*(?:tr\S{1,2}n\s+d\S{1,2}y\s+l\S|trong\s+qu\S\s+tr\S{1,2}nh|k\S{1,3}\s+ho\S{1,2}ch\s+n\S{1,2}y\s+l\S)"
)
NOI_NHAN = re.compile(r"^\W*n\S{1,2}i\s+nh\S{1,2}n\s*:?")

SECTION_KINDS: list[tuple[str, list[tuple[str, ...]]]] = [
    ("purpose", [("muc", "dich"), ("muc", "tieu"), ("yeu", "cau"), ("quan", "diem")]),
    ("audiences", [("doi", "tuong")]),
    ("themes", [("noi", "dung")]),
    ("channels", [("hinh", "thuc"), ("kenh",), ("phuong", "thuc")]),
    (
        "phases",
        [("thoi", "gian"), ("lo", "trinh"), ("tien", "do"), ("giai", "doan"), ("dinh", "huong"), ("phan", "ky")],
    ),
    ("budget", [("kinh", "phi")]),
    ("organisation", [("to", "chuc", "thuc", "hien"), ("trach", "nhiem"), ("phan", "cong")]),
    ("targets", [("chi", "tieu")]),
    ("tasks", [("nhiem", "vu"), ("giai", "phap")]),
    ("basis", [("can", "cu")]),
]


def kinds_of(title: str) -> set[str]:
    toks = tokens(fold_same(title))
    found: set[str] = set()
    for kind, phrases in SECTION_KINDS:
        for phrase in phrases:
            # One-word phrases must match exactly: "kinh" (phí) is one edit from "kenh".
            if (phrase[0] in toks) if len(phrase) == 1 else any(phrase_at(toks, i, phrase) for i in range(len(toks))):
                found.add(kind)
    if "organisation" in found:
        # "TỔ CHỨC THỰC HIỆN" is never about timing or channels.
        found -= {"phases", "channels"}
    return found


def roman_value(token: str) -> int | None:
    if token.isdigit():
        # "1. MỤC ĐÍCH, YÊU CẦU": some commune plans number their sections in digits.
        return int(token) if 1 <= int(token) <= 10 else None
    token = token.upper().replace("1", "I").replace("L", "I").replace("|", "I").replace("T", "I")
    return _ROMAN_VALUES.get(token)


@dataclass
class Block:
    """A paragraph or bullet: its lines joined later."""

    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return clean_space("\n".join(self.lines))


@dataclass
class Item:
    label: str
    head: Block = field(default_factory=Block)
    # Lines of the heading paragraph up to its first blank line: the short name of an
    # item whose heading runs straight into its body.
    head_first: list[str] = field(default_factory=list)
    head_closed: bool = False
    bullets: list[Block] = field(default_factory=list)
    paragraphs: list[Block] = field(default_factory=list)
    children: list[Item] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.head.text

    @property
    def short_title(self) -> str:
        full = self.head.text
        first = clean_space("\n".join(self.head_first))
        if len(full) > 200 and first and len(first) < len(full):
            return first
        return full

    def body_texts(self) -> list[str]:
        return [b.text for b in self.bullets if b.text] + [p.text for p in self.paragraphs if p.text]


@dataclass
class Section:
    number: int
    title: str
    kinds: set[str]
    start: int
    end: int
    lines: list[str]
    intro: Item = field(default_factory=lambda: Item(label=""))
    items: list[Item] = field(default_factory=list)

    def all_items(self) -> list[Item]:
        out: list[Item] = []
        stack = list(reversed(self.items))
        while stack:
            item = stack.pop()
            out.append(item)
            stack.extend(reversed(item.children))
        return out


def find_sections(lines: list[str], start: int, end: int) -> list[Section]:
    """Roman-numbered sections between line ``start`` and ``end``."""
    heads: list[tuple[int, int, str]] = []
    last = 0
    style: bool | None = None  # digits or roman numerals: a plan keeps to one
    for i in range(start, end):
        m = _ROMAN_HEAD.match(lines[i])
        if not m:
            continue
        token, title = m.group(1), m.group(2).strip()
        value = roman_value(token)
        if value is None or value != last + 1:
            # One stray character ("IIIT." for "III."): drop it if that gives the next numeral.
            for variant in (token[:-1], token[1:]):
                if variant and roman_value(variant) == last + 1 and upper_ratio(title) >= 0.6:
                    value = last + 1
                    break
        if value is None:
            continue
        kinds = kinds_of(title)
        caps = upper_ratio(title) >= 0.6
        if token.isdigit() and not caps:
            continue  # "1. Mục đích" is an item, not section I
        if style is not None and token.isdigit() != style:
            continue  # "1. TUYÊN TRUYỀN …" in capitals under "II." is an item
        if not (caps or kinds):
            continue
        if value == last + 1 or (value == last + 2 and kinds and caps) or (last == 0 and value <= 2 and caps):
            heads.append((i, value, title))
            last = value
            style = token.isdigit()
    sections = []
    for k, (i, value, title) in enumerate(heads):
        stop = heads[k + 1][0] if k + 1 < len(heads) else end
        # A heading may wrap onto a second all-caps line ("II. NỘI DUNG" / "TUYÊN TRUYỀN").
        body_start = i + 1
        if (
            body_start < stop
            and lines[body_start].strip()
            and upper_ratio(lines[body_start]) > 0.85
            and not _TOP_ITEM.match(lines[body_start])
            and len(lines[body_start]) < 80
        ):
            title = title + " " + lines[body_start].strip()
            body_start += 1
        section = Section(value, clean_space(title), kinds_of(title), i, stop, lines[body_start:stop])
        _parse_items(section)
        sections.append(section)
    return sections


def _is_continuation(text: str, previous: str) -> bool:
    """A "- xã hội tỉnh" line that merely wraps the heading above it."""
    return bool(text[:1].islower()) and not previous.rstrip().endswith((".", ";", ":"))


def _parse_items(section: Section) -> None:
    expected = 1
    letters_on_top = False
    current: Item = section.intro
    top: Item | None = None
    open_block: Block = current.head
    in_head = True
    blank_seen = False
    previous = ""
    # Numbers of the lines that look like items, to forgive one OCR misread ("4." for "1.")
    # when the next item carries the number that follows.
    numbered = [
        (i, int(m.group(1)))
        for i, raw in enumerate(section.lines)
        if (m := _TOP_ITEM.match(raw)) and not _SUB_ITEM.match(raw)
    ]
    for index, raw in enumerate(section.lines):
        line = raw.strip()
        if not line:
            blank_seen = True
            continue
        folded = fold_same(line)
        if _CLOSING.match(folded) or NOI_NHAN.match(folded):
            break
        if line.count("|") >= 2:
            continue  # a table row: read by body.table_assignments, not glued into an item
        m_sub = _SUB_ITEM.match(line)
        m_top = _TOP_ITEM.match(line)
        m_letter = _LETTER_ITEM.match(line)
        m_bullet = _BULLET.match(line)
        if m_sub and top is not None and int(m_sub.group(1)) == int(top.label or 0):
            current = Item(label=f"{m_sub.group(1)}.{m_sub.group(2)}")
            top.children.append(current)
            open_block, in_head = current.head, True
            _add(current, open_block, m_sub.group(3), in_head)
        elif m_top and (int(m_top.group(1)) == expected or _misread(numbered, index, expected)):
            top = current = Item(label=m_top.group(1))
            section.items.append(current)
            expected += 1
            open_block, in_head = current.head, True
            _add(current, open_block, m_top.group(2), in_head)
        elif m_letter and len(m_letter.group(2)) > 3:
            current = Item(label=m_letter.group(1))
            if top is None or letters_on_top:
                # "a) b) c)" directly under a section are its items.
                letters_on_top = True
                section.items.append(current)
            else:
                top.children.append(current)
            open_block, in_head = current.head, True
            _add(current, open_block, m_letter.group(2), in_head)
        elif m_bullet and not _is_continuation(m_bullet.group(1), previous):
            open_block, in_head = Block([m_bullet.group(1)]), False
            current.bullets.append(open_block)
        else:
            starts_paragraph = (not in_head and previous.rstrip().endswith(".") and line[:1].isupper()) or (
                in_head and current is section.intro and blank_seen and bool(open_block.lines)
            )
            if starts_paragraph:
                open_block, in_head = Block([line]), False
                current.paragraphs.append(open_block)
            else:
                _add(current, open_block, line, in_head, blank_seen)
        previous = line
        blank_seen = False


def _misread(numbered: list[tuple[int, int]], index: int, expected: int) -> bool:
    later = [n for i, n in numbered if i > index]
    return bool(later) and later[0] == expected + 1


def _add(item: Item, block: Block, text: str, in_head: bool, blank_before: bool = False) -> None:
    text = text.strip()
    if not text:
        return
    block.lines.append(text)
    if in_head and block is item.head:
        # The first blank line inside a heading paragraph ends its short name.
        if blank_before and item.head_first:
            item.head_closed = True
        if not item.head_closed:
            item.head_first.append(text)
