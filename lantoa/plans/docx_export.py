"""The plan as the DOCX officials file.

State bodies: Nghị định 30/2020/NĐ-CP (Phụ lục I) — A4, margins top/bottom 20 mm, left 30 mm, right 15 mm;
Times New Roman; quốc hiệu 12–13 pt bold upper case, tiêu ngữ 13–14 pt bold; body 14 pt justified with a
first-line indent; "Nơi nhận" 12 pt bold italic, its lines 11 pt; signer block bold upper case.
Party bodies (cấp uỷ, ban của cấp uỷ, ban chỉ đạo): Hướng dẫn 36-HD/VPTW — "ĐẢNG CỘNG SẢN VIỆT NAM" on the
right instead of the quốc hiệu, the issuing body with a star underneath on the left, "Số 41-KH/ĐU".
"""

from __future__ import annotations

import io
import math
import re

from django.utils import translation
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from lantoa.lib.text import fold
from lantoa.plans.models import Plan, PlanReference

FONT = "Times New Roman"
BODY_PT = 14
# The short rule under the issuer and the title: underlined no-break spaces, drawn in the body font itself
# (a box-drawing character would pull in a fallback font).
RULE = "\u00a0" * 14
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
COORDINATES = "Phối hợp: "
# Sentences that close a plan rather than assign anything ("Trên đây là …", "Trong quá trình triển khai …",
# "Kế hoạch này là căn cứ …"); matched on folded text.
_CLOSING = re.compile(r"^\W*(?:tren day la|trong qua trinh|qua trinh (?:trien khai|thuc hien)|ke hoach nay la)\b")
_COORDINATING = re.compile(r"^\W*phoi hop\b")


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


# A wrapped title line must not start like the text after the title does: a reference ("Căn cứ …",
# "Thực hiện …", "Triển khai …", "Xét …"), a bullet, a parenthesis or a section numeral ("V. …").
_NO_LINE_START = re.compile(r"^(?:can cu|thuc hien|trien khai|xet\b|[-+•(]|[ivxl]{1,4}\s*[.:)\-])")


def _title_lines(title: str, printed: int = 70, most: int = 6) -> list[str]:
    """The title over balanced lines, as officials centre it (manual line breaks).

    One long paragraph is what a reader of the DOCX would otherwise get, and a title line runs to
    140 characters at most in any printed plan: longer, it reads as body text; so does a seventh
    line. About ``printed`` characters of 14 pt bold fill the A4 text width.
    """
    words = title.split()
    count = min(most, max(1, math.ceil(len(title) / printed)))
    width = math.ceil(len(title) / count)
    while True:  # the narrowest width that needs no more than ``count`` lines: lines of even length
        lines: list[str] = []
        for word in words:
            if lines and len(lines[-1]) + 1 + len(word) <= width:
                lines[-1] += " " + word
            else:
                lines.append(word)
        if len(lines) <= count or width >= len(title):
            break
        width += 1
    for k in range(len(lines) - 1, 0, -1):
        while _NO_LINE_START.match(fold(lines[k])) and " " in lines[k]:
            first, lines[k] = lines[k].split(" ", 1)
            lines[k - 1] += " " + first
    return lines


def _fmt(day: object) -> str:
    return day.strftime("%d/%m/%Y") if day else ""  # type: ignore[attr-defined]


def _window(start: object, end: object, day: str = "") -> str:
    """ "từ ngày 28/08/2025 đến ngày 31/12/2025", or the one end a window has."""
    parts = ([f"từ {day}{_fmt(start)}"] if start else []) + ([f"đến {day}{_fmt(end)}"] if end else [])
    return " ".join(parts)


def _place_date(plan: Plan) -> str:
    place = plan.place or "……"
    if plan.issued_on:
        d = plan.issued_on
        # Nghị định 30: days below 10 and months below 3 get a leading zero ("ngày 05 tháng 02").
        day = f"{d.day:02d}"
        month = f"{d.month:02d}" if d.month < 3 else str(d.month)
        return f"{place}, ngày {day} tháng {month} năm {d.year}"
    return f"{place}, ngày …… tháng …… năm ……"


def _set_run_font(run: object, size: float, *, bold: bool = False, italic: bool = False,
                  underline: bool = False) -> None:
    run.font.name = FONT  # type: ignore[attr-defined]
    run.font.size = Pt(size)  # type: ignore[attr-defined]
    run.font.bold = bold  # type: ignore[attr-defined]
    run.font.italic = italic  # type: ignore[attr-defined]
    run.font.underline = underline  # type: ignore[attr-defined]
    rpr = run._element.get_or_add_rPr()  # type: ignore[attr-defined]
    rfonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)


def _para(container: object, text: str = "", *, size: float = BODY_PT, bold: bool = False, italic: bool = False,
          underline: bool = False, align: int | None = WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = True,
          before: float = 0, after: float = 6) -> Paragraph:
    p = container.add_paragraph()  # type: ignore[attr-defined]
    if align is not None:
        p.alignment = align
    fmt = p.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.line_spacing = 1.15
    if indent:
        fmt.first_line_indent = Mm(12.7)
    if text:
        _set_run_font(p.add_run(text), size, bold=bold, italic=italic, underline=underline)
    return p


def _cell_para(cell: _Cell, text: str, *, size: float, bold: bool = False, italic: bool = False,
               underline: bool = False, first: bool = False) -> Paragraph:
    p = cell.paragraphs[0] if first else cell.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.space_before = Pt(0)
    if text:
        _set_run_font(p.add_run(text), size, bold=bold, italic=italic, underline=underline)
    return p


def _no_borders(table: object) -> None:
    tbl_pr = table._tbl.tblPr  # type: ignore[attr-defined]
    borders = tbl_pr.makeelement(qn("w:tblBorders"), {})
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(borders.makeelement(qn(f"w:{edge}"), {qn("w:val"): "nil"}))
    tbl_pr.append(borders)


def _widths(table: object, *widths: object) -> None:
    """Set column widths where Word and LibreOffice both read them (grid and every cell)."""
    table.autofit = False  # type: ignore[attr-defined]
    for column, width in zip(table.columns, widths, strict=True):  # type: ignore[attr-defined]
        column.width = width
        for cell in column.cells:
            cell.width = width


def _header(doc: object, plan: Plan) -> None:
    table = doc.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    _widths(table, Mm(62), Mm(103))  # the quốc hiệu must fit on one line at 12 pt bold
    left, right = table.rows[0].cells
    issuer = plan.unit.name.upper()
    if plan.is_party_body:
        _cell_para(left, plan.issuer_parent.upper(), size=14, first=True)
        _cell_para(left, issuer, size=14, bold=True)
        _cell_para(left, "*", size=14)
        _cell_para(left, f"Số {plan.number or '…'}", size=14)
        _cell_para(right, "ĐẢNG CỘNG SẢN VIỆT NAM", size=15, bold=True, underline=True, first=True)
        _cell_para(right, "", size=14)
        _cell_para(right, _place_date(plan), size=14, italic=True)
    else:
        _cell_para(left, plan.issuer_parent.upper(), size=13, first=True)
        _cell_para(left, issuer, size=13, bold=True)
        _cell_para(left, RULE, size=13, underline=True)
        _cell_para(left, f"Số: {plan.number or '…'}", size=13)
        _cell_para(right, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True, first=True)
        _cell_para(right, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True, underline=True)
        _cell_para(right, "", size=13)
        _cell_para(right, _place_date(plan), size=13, italic=True)


def _reference_line(ref: PlanReference) -> str:
    verb = "Thực hiện" if ref.relation == PlanReference.Relation.IMPLEMENTS else "Căn cứ"
    parts = [f"- {verb} {ref.doc_kind or 'văn bản'}".rstrip()]
    if ref.doc_number:
        parts.append(f"số {ref.doc_number}")
    line = " ".join(parts)
    if ref.doc_date:
        line += f", ngày {_fmt(ref.doc_date)}"
    if ref.doc_issuer:
        line += f" của {ref.doc_issuer}"
    if ref.doc_subject:
        line += f" về {ref.doc_subject}" if not ref.doc_subject.lower().startswith("về ") else f" {ref.doc_subject}"
    return line + ";"


def plan_docx(plan: Plan) -> bytes:
    """The plan as a .docx file (bytes); reads the plan in a fixed number of queries."""
    # The document is the Vietnamese official text whatever language the user's interface is in.
    with translation.override("vi"):
        return _plan_docx(plan)


def _plan_docx(plan: Plan) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)

    _header(doc, plan)
    _para(doc, "", after=6)
    doc_type = plan.get_doc_type_display()
    if plan.doc_type == Plan.DocType.COMMUNICATION_PLAN and fold(plan.title).startswith(fold(doc_type)):
        # "Kế hoạch truyền thông …" in the title already: the document type is then plain "KẾ HOẠCH" (as in
        # seed 001), not "KẾ HOẠCH TRUYỀN THÔNG" above a title that says it again.
        doc_type = str(Plan.DocType.PLAN.label)
    _para(doc, doc_type.upper(), size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=0)
    title = _para(doc, "", size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=0)
    run = title.add_run()
    _set_run_font(run, 14, bold=True)
    for k, line in enumerate(_title_lines(plan.title)):
        if k:
            run.add_break()
        run.add_text(line)
    _para(doc, RULE, size=14, underline=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, after=12)

    for ref in plan.references.all():
        _para(doc, _reference_line(ref))
    if plan.preamble:
        _para(doc, plan.preamble)

    sections: list[tuple[str, list[tuple[str, bool]]]] = []

    part1: list[tuple[str, bool]] = []
    if plan.purpose_lines():
        part1.append(("1. Mục đích", True))
        part1 += [(f"- {line.lstrip('- ')}", False) for line in plan.purpose_lines()]
    if plan.requirement_lines():
        part1.append((f"{2 if plan.purpose_lines() else 1}. Yêu cầu", True))
        part1 += [(f"- {line.lstrip('- ')}", False) for line in plan.requirement_lines()]
    targets = list(plan.targets.all())
    if targets:
        part1.append((f"{sum(1 for _t, h in part1 if h) + 1}. Chỉ tiêu", True))
        for t in targets:
            part1.append((f"- {t.text}", False))
    sections.append(("MỤC ĐÍCH, YÊU CẦU", part1))

    part2: list[tuple[str, bool]] = []
    audiences = list(plan.audiences.all())
    if audiences:
        part2.append(("1. Đối tượng tuyên truyền", True))
        part2 += [(f"- {a.name}{': ' + a.description if a.description else ''}", False) for a in audiences]
        part2.append(("2. Nội dung tuyên truyền", True))
    themes = list(plan.themes.all())
    top = [t for t in themes if t.parent_id is None]
    for i, theme in enumerate(top, start=1):
        part2.append((f"{i}. {theme.text}" if not audiences else f"2.{i}. {theme.text}", False))
        part2 += [(f"- {sub.text}", False) for sub in themes if sub.parent_id == theme.pk]
    sections.append(("NỘI DUNG TUYÊN TRUYỀN", part2))

    assignments = list(plan.assignments.select_related("unit"))
    part3: list[tuple[str, bool]] = []
    for i, channel in enumerate(plan.channels.all(), start=1):
        part3.append((f"{i}. {channel.name}", True))
        part3 += [(f"- {line.lstrip('- ')}", False) for line in channel.description_lines()]
        if channel.start or channel.end:
            part3.append((f"- Thời gian thực hiện: {_window(channel.start, channel.end, 'ngày ')}.", False))
        leads = [a.display_unit for a in assignments if a.channel_id == channel.pk and a.role == "lead"]
        coords = [a.display_unit for a in assignments if a.channel_id == channel.pk and a.role != "lead"]
        # Names carry commas of their own ("Sở Văn hoá, Thể thao và Du lịch"): ";" separates them.
        if leads:
            part3.append((f"- Đơn vị thực hiện: {'; '.join(_unique(leads))}.", False))
        if coords:
            part3.append((f"- Đơn vị phối hợp: {'; '.join(_unique(coords))}.", False))
    sections.append(("HÌNH THỨC TUYÊN TRUYỀN", part3))

    phases = list(plan.phases.all())
    part4: list[tuple[str, bool]] = []
    for i, phase in enumerate(phases, start=1):
        window = f" ({_window(phase.start, phase.end)})" if phase.start or phase.end else ""
        part4.append((f"{i}. {phase.name}{window}", True))
        for label, text in (("Mục tiêu", phase.goals), ("Nội dung trọng tâm", phase.focus),
                            ("Hình thức", phase.forms)):
            if text:
                part4.append((f"- {label}: {text}", False))
    budget = [
        f"- {b.source}{': ' + b.description if b.description else ''}"
        + (f" — {b.amount:,.0f} đồng".replace(",", ".") if b.amount is not None else "")
        for b in plan.budget_items.all()
    ]
    if phases and budget:
        # A numbered item after the phases, not a "KINH PHÍ" section title: a section named after the budget
        # is read whole as the budget, phases included. Five sections, as the standard layout has.
        part4.append((f"{len(phases) + 1}. Kinh phí thực hiện", True))
        part4 += [(line, False) for line in budget]
        sections.append(("LỘ TRÌNH THỰC HIỆN", part4))
    elif phases:
        sections.append(("LỘ TRÌNH THỰC HIỆN", part4))
    elif budget:
        # Only the budget: a heading without "lộ trình", or its year ("năm 2025") reads as a phase.
        sections.append(("KINH PHÍ THỰC HIỆN", [(line, False) for line in budget]))

    # General lines of V go before the units, except from the first closing sentence on ("Trong quá trình
    # triển khai …", "Kế hoạch này là …"): a reader stops a section there, so the units must come first.
    general = plan.organisation_lines()
    cut = next((k for k, line in enumerate(general) if _CLOSING.match(fold(line))), len(general))
    part5: list[tuple[str, bool]] = [(line, False) for line in general[:cut]]
    duty_units: dict[tuple[str, str], list[str]] = {}
    for a in assignments:
        if a.channel_id is None:
            duty_units.setdefault((a.display_unit, a.role), []).extend(a.duty_lines())
    for i, ((unit_name, role), duties) in enumerate(duty_units.items(), start=1):
        part5.append((f"{i}. {unit_name}", True))
        texts = [d.lstrip("- ") for d in duties if d.lstrip("- ")]
        if role != "lead":
            # A coordinating unit says so in its first duty ("Phối hợp …"), the way plans write it and the
            # way a reader tells the role; a duty that already starts that way is left as it is.
            if not texts:
                texts = ["Phối hợp thực hiện."]
            elif not _COORDINATING.match(fold(texts[0])):
                texts[0] = COORDINATES + texts[0]
        part5 += [(f"- {d}", False) for d in texts]
    part5 += [(line, False) for line in general[cut:]]
    sections.append(("TỔ CHỨC THỰC HIỆN", part5))

    for n, (heading, lines) in enumerate(sections):
        _para(doc, f"{ROMAN[n]}. {heading}", bold=True, before=6)
        for text, bold in lines:
            _para(doc, text, bold=bold)

    _signature(doc, plan)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _signature(doc: object, plan: Plan) -> None:
    table = doc.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
    _no_borders(table)
    _widths(table, Mm(85), Mm(80))
    left, right = table.rows[0].cells
    p = left.paragraphs[0]
    p.paragraph_format.space_after = Pt(0)
    _set_run_font(p.add_run("Nơi nhận:"), 12, bold=True, italic=True)
    recipients = list(plan.recipients.all())
    for r in recipients:
        q = left.add_paragraph()
        q.paragraph_format.space_after = Pt(0)
        _set_run_font(q.add_run(f"- {r.name}{' ' + r.note if r.note else ''};"), 11)
    if not any(fold(r.name).startswith("luu") for r in recipients):
        # The filing line every signed copy ends with, unless the plan lists it (an imported plan does).
        q = left.add_paragraph()
        _set_run_font(q.add_run("- Lưu VT."), 11)
    _cell_para(right, plan.signer_capacity.upper(), size=14, bold=True, first=True)
    _cell_para(right, plan.signer_title.upper(), size=14, bold=True)
    for _i in range(3):
        _cell_para(right, "", size=14)
    _cell_para(right, plan.signer_name, size=14, bold=True)
