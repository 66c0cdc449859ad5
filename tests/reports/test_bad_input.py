"""Bad input gets clear Vietnamese errors and nothing is saved half."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from lantoa.reports.models import Report, ReportValue
from tests.reports.factories import VALUES, post_data, setup_reports, submit


def _post(world, report, values, action="save"):
    report.refresh_from_db()
    return world.client("owner").post(f"/bao-cao/{report.pk}/sua/", post_data(report, values, action=action))


def test_text_negative_and_percent_over_100_are_refused_and_nothing_saved(world):
    s = setup_reports(world)
    response = _post(world, s.report, {**VALUES, "tin_bai": "mười hai", "nguoi_du": "-3", "ty_le_dvc": "120",
                                       "co_ke_hoach": "có lẽ"}, action="submit")
    assert response.status_code == 400
    page = response.content.decode()
    assert "không phải là số" in page
    assert "Không được nhập số âm" in page
    assert "không được vượt quá 100" in page
    assert "không phải Có/Không" in page
    assert "mười hai" in page  # the user's input is kept for correction
    assert not ReportValue.objects.filter(report=s.report).exists()
    s.report.refresh_from_db()
    assert s.report.status == Report.Status.DRAFT and s.report.version == 1


def test_one_bad_cell_keeps_the_earlier_draft_intact(world):
    s = setup_reports(world)
    _post(world, s.report, VALUES)
    _post(world, s.report, {**VALUES, "tin_bai": "99", "thoi_luong": "1,5,5"})
    assert ReportValue.objects.get(report=s.report, indicator__code="tin_bai").number == 12


def test_vietnamese_number_formats_are_accepted(world):
    s = setup_reports(world)
    _post(world, s.report, {**VALUES, "tin_bai": "1.234", "thoi_luong": "2,75"})
    values = dict(ReportValue.objects.filter(report=s.report).values_list("indicator__code", "number"))
    assert values["tin_bai"] == 1234 and str(values["thoi_luong"]) == "2.7500"


def test_submission_after_close_is_refused(world):
    s = setup_reports(world)
    assert world.client("supervisor").post(f"/bao-cao/yeu-cau/{s.request.pk}/dong-mo/").status_code == 302
    response = submit(world.client("owner"), s.report, follow=True)
    assert "Yêu cầu báo cáo đã đóng" in response.content.decode()
    s.report.refresh_from_db()
    assert s.report.status == Report.Status.DRAFT
    assert not ReportValue.objects.filter(report=s.report).exists()


def _template(world, report) -> bytes:
    response = world.client("owner").get(f"/bao-cao/{report.pk}/mau-xlsx/")
    assert response.status_code == 200
    return response.content


def _upload(world, report, data: bytes):
    report.refresh_from_db()
    upload = io.BytesIO(data)
    upload.name = "bao-cao.xlsx"
    return world.client("owner").post(f"/bao-cao/{report.pk}/nhap-xlsx/", {"file": upload,
                                                                          "version": report.version})


def _fill(data: bytes, values: dict[str, object], tag: str | None = None) -> bytes:
    wb = load_workbook(io.BytesIO(data))
    ws = wb["BaoCao"]
    for row in range(7, ws.max_row + 1):
        code = ws[f"A{row}"].value
        if code in values:
            ws[f"D{row}"] = values[code]
    if tag is not None:
        ws["B2"] = tag
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_xlsx_template_round_trip(world):
    s = setup_reports(world)
    data = _fill(_template(world, s.report), {"tin_bai": 7, "ty_le_dvc": 55.5, "co_ke_hoach": "Có"})
    response = _upload(world, s.report, data)
    assert response.status_code == 302
    values = dict(ReportValue.objects.filter(report=s.report).values_list("indicator__code", "number"))
    assert values["tin_bai"] == 7 and values["co_ke_hoach"] == 1 and str(values["ty_le_dvc"]) == "55.5000"


def test_xlsx_cell_errors_name_the_cell_and_save_nothing(world):
    s = setup_reports(world)
    data = _fill(_template(world, s.report), {"tin_bai": "nhiều", "nguoi_du": -5, "ty_le_dvc": 150})
    response = _upload(world, s.report, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ô D7 (Số tin, bài)" in page and "không phải là số" in page
    assert "Ô D8" in page and "số âm" in page
    assert "vượt quá 100" in page
    assert not ReportValue.objects.filter(report=s.report).exists()


def test_xlsx_of_another_form_version_is_refused(world):
    s = setup_reports(world)
    data = _fill(_template(world, s.report), {"tin_bai": 7}, tag="tt-cds@v0")
    response = _upload(world, s.report, data)
    assert response.status_code == 400
    assert "không đúng phiên bản biểu mẫu" in response.content.decode()
    assert not ReportValue.objects.filter(report=s.report).exists()


def test_a_file_that_is_not_xlsx_is_refused(world):
    s = setup_reports(world)
    response = _upload(world, s.report, b"day khong phai xlsx")
    assert response.status_code == 400
    assert "không phải tệp XLSX hợp lệ" in response.content.decode()
