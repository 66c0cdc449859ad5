"""Coverage exports (XLSX, DOCX). Only content groupings: no author, no handle, no per-person column."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _

from lantoa.monitoring.coverage import Coverage


def _sections(cov: Coverage) -> list[tuple[str, list[str], list[list[object]]]]:
    return [
        (_("Theo chủ đề"), [_("Chủ đề"), _("Số tin, bài"), _("Tỷ trọng (%)")],
         [[name, n, round(pct, 1)] for (name, n), (_n, pct) in zip(cov.by_theme, cov.share_of_voice, strict=False)]),
        (_("Theo nguồn"), [_("Nguồn"), _("Số tin, bài")], [list(r) for r in cov.by_outlet]),
        (_("Theo loại"), [_("Loại"), _("Số tin, bài")], [list(r) for r in cov.by_kind]),
        (_("Theo sắc thái"), [_("Sắc thái"), _("Số tin, bài")], [list(r) for r in cov.by_tone]),
        (_("Theo địa bàn"), [_("Địa bàn"), _("Số tin, bài")], [list(r) for r in cov.by_area]),
        (_("Theo ngày"), [_("Ngày"), _("Số tin, bài"), _("Tiêu cực")],
         [[d.strftime("%d/%m/%Y"), n, neg] for (d, n), (_d, neg) in zip(cov.by_day, cov.by_day_negative,
                                                                          strict=True)]),
        (_("Chuỗi tin nổi bật"), [_("Tiêu đề"), _("Số bản tin"), _("Lượt tiếp cận"), _("Sắc thái")],
         [[s.title or _("(đã xoá theo thời hạn lưu trữ)"), s.item_count, s.reach, s.get_tone_display()]
          for s in cov.top_stories]),
    ]


def _summary(cov: Coverage) -> list[tuple[str, object]]:
    return [
        (_("Từ ngày"), cov.start.strftime("%d/%m/%Y")),
        (_("Đến ngày"), cov.end.strftime("%d/%m/%Y")),
        (_("Tổng số tin, bài"), cov.total),
        (_("Tin, bài được theo dõi, tổng hợp (%)"), round(cov.kpi.tracked_pct, 1)),
        (_("Tin tiêu cực được xử lý đúng hạn (%)"), round(cov.kpi.handled_pct, 1)),
    ]


def coverage_xlsx(cov: Coverage) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = _("Tổng hợp")[:31]
    sheet.append([_("Báo cáo theo dõi báo chí - mạng xã hội")])
    sheet["A1"].font = Font(bold=True, size=13)
    for label, value in _summary(cov):
        sheet.append([label, value])
    sheet.column_dimensions["A"].width = 45
    for title, header, rows in _sections(cov):
        ws = book.create_sheet(title[:31])
        ws.append(header)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows:
            ws.append(row)
        ws.column_dimensions["A"].width = 50
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def coverage_docx(cov: Coverage) -> bytes:
    from docx import Document

    document = Document()
    document.add_heading(_("Báo cáo theo dõi báo chí - mạng xã hội"), level=1)
    for label, value in _summary(cov):
        document.add_paragraph(f"{label}: {value}")
    for title, header, rows in _sections(cov):
        document.add_heading(title, level=2)
        table = document.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = str(text)
        for row in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                cell.text = str(value)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
