"""Files in and out: the consolidated report as DOCX, the XLSX pivot, and the offline XLSX template.

The XLSX template carries its form version tag in cell B2; an upload whose tag differs is refused before any
value is read, so a commune filling last quarter's template cannot write numbers into the wrong indicators.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter

from lantoa.reports.dashboard import Overview
from lantoa.reports.models import Indicator, Report, ValueType, format_value
from lantoa.reports.services import ReportError, composed_values, gather_narratives, has_subordinates
from lantoa.reports.values import is_entered, parse_one
from lantoa.units.models import Unit

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_UNCOMPRESSED = 30 * 1024 * 1024
SHEET = "BaoCao"
NARRATIVE_SHEET = "ThuyetMinh"
FIRST_ROW = 7  # first indicator row of the template
VALUE_COLUMN = "D"


def _fmt(indicator: Indicator, value: Decimal | None) -> str:
    return format_value(indicator, value) if value is not None else "—"


# DOCX ---------------------------------------------------------------------------------------------------------
def _party(unit: Unit) -> bool:
    return unit.kind in (Unit.Kind.PARTY_COMMITTEE, Unit.Kind.PARTY_BOARD)


def report_docx(report: Report) -> bytes:
    """The official layout (Nghị định 30/2020 for state bodies, Hướng dẫn 36-HD/VPTW for party bodies): heading
    table, number and date, title, indicator table (own / subordinate / total), narrative sections, recipients."""
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    unit, req = report.unit, report.request
    head = doc.add_table(rows=1, cols=2)
    left, right = head.rows[0].cells
    left.text = f"{(unit.parent.name if unit.parent else '').upper()}\n{unit.name.upper()}\n*\n" + _("Số:     -BC")
    right.text = (_("ĐẢNG CỘNG SẢN VIỆT NAM") if _party(unit)
                  else _("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") + "\n" + _("Độc lập - Tự do - Hạnh phúc"))
    day = timezone.localtime(report.submitted_at or timezone.now())
    right.add_paragraph(_("%(place)s, ngày %(d)02d tháng %(m)02d năm %(y)d")
                        % {"place": unit.area.name, "d": day.day, "m": day.month, "y": day.year}).italic = True
    for cell in (left, right):
        for p in cell.paragraphs:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(_("BÁO CÁO") + "\n").bold = True
    title.add_run(req.form_version.form.title + "\n").bold = True
    title.add_run(req.title).italic = True

    indicators = list(req.form_version.indicators.all())
    own = {v.indicator_id: v for v in report.values.all()}
    composed = has_subordinates(report)
    totals = composed_values(report, report.composed or None) if composed else {}
    doc.add_paragraph().add_run(_("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")).bold = True
    headers = [_("TT"), _("Chỉ tiêu"), _("Đơn vị tính"), _("Đơn vị báo cáo")]
    if composed:
        headers += [_("Tổng hợp (gồm cấp dưới đã duyệt)")]
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for n, ind in enumerate((i for i in indicators if i.is_numeric), start=1):
        value = own.get(ind.pk)
        cells = table.add_row().cells
        row = [str(n), ind.name, ind.unit_of_measure, value.display if value else "—"]
        if composed:
            row.append(_fmt(ind, totals.get(ind.code)))
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    narrative = report.narrative
    if composed and not any(narrative.values()):
        narrative = gather_narratives(report)
    for n, section in enumerate(req.form_version.sections, start=2):
        doc.add_paragraph().add_run(f"{_roman(n)}. {section['title'].upper()}").bold = True
        for line in (narrative.get(section["code"]) or "…").splitlines():
            doc.add_paragraph(line)
    text_values = [(i, own.get(i.pk)) for i in indicators if not i.is_numeric]
    for ind, value in text_values:
        if value and value.text:
            doc.add_paragraph().add_run(ind.name).bold = True
            doc.add_paragraph(value.text)
    if composed:
        _docx_appendix(doc, report, indicators)
    sign = doc.add_table(rows=1, cols=2)
    sign.rows[0].cells[0].text = _("Nơi nhận:") + f"\n- {req.issuer.name};\n- " + _("Lưu.")
    sign.rows[0].cells[1].text = (_("T/M ĐƠN VỊ") if not _party(unit) else _("T/M BAN THƯỜNG VỤ")) + "\n\n\n\n" + (
        report.submitted_by.get_full_name() if report.submitted_by else "")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _docx_appendix(doc: Any, report: Report, indicators: list[Indicator]) -> None:
    from lantoa.reports.services import subordinate_reports

    subs = list(subordinate_reports(report).filter(status=Report.Status.ACCEPTED).select_related("unit")
                .prefetch_related("values"))
    if not subs:
        return
    numeric = [i for i in indicators if i.is_numeric]
    doc.add_paragraph().add_run(_("PHỤ LỤC: SỐ LIỆU CÁC ĐƠN VỊ CẤP DƯỚI ĐÃ DUYỆT")).bold = True
    table = doc.add_table(rows=1, cols=1 + len(numeric))
    table.style = "Table Grid"
    table.rows[0].cells[0].text = _("Đơn vị")
    for cell, ind in zip(table.rows[0].cells[1:], numeric, strict=True):
        cell.text = ind.code
    for sub in subs:
        values = {v.indicator_id: v for v in sub.values.all()}
        cells = table.add_row().cells
        cells[0].text = sub.unit.name
        for cell, ind in zip(cells[1:], numeric, strict=True):
            cell.text = values[ind.pk].display if ind.pk in values else ""
    legend = "; ".join(f"{i.code}: {i.name}" for i in numeric)
    doc.add_paragraph(legend).runs[0].italic = True


def _roman(n: int) -> str:
    return ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"][n] if n < 13 else str(n)


# XLSX pivot ---------------------------------------------------------------------------------------------------
def pivot_xlsx(overview: Overview, title: str) -> bytes:
    """Areas × indicators, with completeness and timeliness, like the sheet a provincial office compiles."""
    wb = Workbook()
    ws = wb.active
    ws.title = _("Tổng hợp")[:31]
    ws["A1"] = title
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = _("Địa bàn: %(a)s — xuất lúc %(t)s") % {
        "a": overview.area.name, "t": timezone.localtime().strftime("%H:%M %d/%m/%Y")}
    indicators = overview.numeric_indicators
    header = [_("Địa bàn"), _("Phải nộp"), _("Đã nộp"), _("Đúng hạn"), _("Tỷ lệ nộp (%)"), _("Tỷ lệ đúng hạn (%)")]
    header += [f"{i.code} — {i.name}" + (f" ({i.unit_of_measure})" if i.unit_of_measure else "") for i in indicators]
    ws.append([])
    ws.append(header)
    for cell in ws[4]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.fill = PatternFill("solid", fgColor="EEEEEE")
    rows = [*overview.rows, *([overview.total] if overview.total else [])]
    for row in rows:
        r = row.rates
        line: list[object] = [row.label, r.expected, r.submitted, r.on_time,
                              round(r.completeness, 1) if r.completeness is not None else None,
                              round(r.timeliness, 1) if r.timeliness is not None else None]
        line += [float(v) if (v := row.values.get(i.code)) is not None else None for i in indicators]
        ws.append(line)
    ws.column_dimensions["A"].width = 36
    for col in range(2, len(header) + 1):
        ws.column_dimensions[get_column_letter(col)].width = 14
    ws.freeze_panes = "B5"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


# XLSX template and upload -------------------------------------------------------------------------------------
def template_xlsx(report: Report) -> bytes:
    version = report.request.form_version
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws["A1"] = version.form.title
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"], ws["B2"] = _("Mã mẫu (không sửa)"), version.template_tag
    ws["A3"], ws["B3"] = _("Đơn vị"), report.unit.name
    ws["A4"], ws["B4"] = _("Kỳ báo cáo"), report.request.title
    # xgettext:no-python-format
    ws["A5"] = _("Nhập số liệu vào cột D. Số âm, chữ trong ô số và tỷ lệ trên 100% sẽ bị từ chối.")
    ws.append([_("Mã chỉ tiêu"), _("Chỉ tiêu"), _("Đơn vị tính"), _("Số liệu"), _("Hướng dẫn")])
    for cell in ws[6]:
        cell.font = Font(bold=True)
    current = {v.indicator_id: v for v in report.values.all()}
    for ind in version.indicators.all():
        if not is_entered(ind) or ind.value_type == ValueType.TEXT:
            continue
        value = current.get(ind.pk)
        shown: object = None
        if value is not None and value.number is not None:
            shown = ("Có" if value.number else "Không") if ind.value_type == ValueType.YESNO else float(value.number)
        ws.append([ind.code, ind.name, ind.unit_of_measure, shown,
                   ind.help_text or (_("Có/Không") if ind.value_type == ValueType.YESNO else "")])
        ws[f"{VALUE_COLUMN}{ws.max_row}"].protection = Protection(locked=False)
    ws.protection.sheet = True  # only column D is editable; no password, this guards against slips, not people
    for col, width in zip("ABCDE", (16, 60, 14, 14, 40), strict=True):
        ws.column_dimensions[col].width = width
    notes = wb.create_sheet(NARRATIVE_SHEET)
    notes.append([_("Mã"), _("Phần thuyết minh"), _("Nội dung")])
    for section in version.sections:
        notes.append([section["code"], section["title"], report.narrative.get(section["code"], "")])
        notes[f"C{notes.max_row}"].protection = Protection(locked=False)
        notes[f"C{notes.max_row}"].alignment = Alignment(wrap_text=True, vertical="top")
    for ind in version.indicators.all():
        if ind.value_type == ValueType.TEXT:
            value = current.get(ind.pk)
            notes.append([ind.code, ind.name, value.text if value else ""])
            notes[f"C{notes.max_row}"].protection = Protection(locked=False)
    notes.protection.sheet = True
    notes.column_dimensions["B"].width = 40
    notes.column_dimensions["C"].width = 100
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


@dataclass
class Upload:
    values: dict[str, object]
    narrative: dict[str, str]


class UploadInvalid(ReportError):
    def __init__(self, errors: list[str]) -> None:
        super().__init__(_("Tệp XLSX có lỗi, chưa lưu số liệu nào."))
        self.errors = errors


def read_template_upload(report: Report, data: bytes) -> Upload:
    """Read a filled template; every problem is reported by cell, and nothing is returned unless all are fine."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadInvalid([_("Tệp quá lớn (tối đa 2 MB).")])
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if sum(i.file_size for i in zf.infolist()) > MAX_UNCOMPRESSED:
                raise UploadInvalid([_("Tệp XLSX bất thường (giải nén quá lớn).")])
        wb = load_workbook(io.BytesIO(data), data_only=True)
    except UploadInvalid:
        raise
    except Exception as exc:  # openpyxl raises many types for a damaged or non-XLSX file
        raise UploadInvalid([_("Không đọc được tệp: đây không phải tệp XLSX hợp lệ.")]) from exc
    version = report.request.form_version
    if SHEET not in wb.sheetnames:
        raise UploadInvalid([_("Thiếu trang tính “%(s)s”: đây không phải mẫu báo cáo của Lan Tỏa.") % {"s": SHEET}])
    ws = wb[SHEET]
    tag = str(ws["B2"].value or "").strip()
    if tag != version.template_tag:
        raise UploadInvalid([_("Ô B2: mẫu “%(got)s” không đúng phiên bản biểu mẫu của báo cáo này (“%(want)s”). "
                               "Xin tải mẫu mới và nhập lại.") % {"got": tag or "trống", "want": version.template_tag}])
    indicators = {i.code: i for i in version.indicators.all()}
    values: dict[str, object] = {}
    errors: list[str] = []
    for row in range(FIRST_ROW, ws.max_row + 1):
        code = str(ws[f"A{row}"].value or "").strip()
        if not code:
            continue
        ind = indicators.get(code)
        if ind is None or not is_entered(ind):
            errors.append(_("Dòng %(r)d: mã chỉ tiêu “%(c)s” không có trong biểu mẫu.") % {"r": row, "c": code})
            continue
        raw = ws[f"{VALUE_COLUMN}{row}"].value
        _value, error = parse_one(ind, raw)
        if error:
            errors.append(_("Ô %(cell)s (%(name)s): %(error)s")
                          % {"cell": f"{VALUE_COLUMN}{row}", "name": ind.name, "error": error})
        values[code] = raw
    narrative: dict[str, str] = {}
    if NARRATIVE_SHEET in wb.sheetnames:
        sections = {s["code"] for s in version.sections}
        for code, _title, text in wb[NARRATIVE_SHEET].iter_rows(min_row=2, max_col=3, values_only=True):
            code = str(code or "").strip()
            if code in sections:
                narrative[code] = str(text or "")
            elif code in indicators and indicators[code].value_type == ValueType.TEXT:
                values[code] = str(text or "")
    if errors:
        raise UploadInvalid(errors)
    return Upload(values=values, narrative=narrative)
