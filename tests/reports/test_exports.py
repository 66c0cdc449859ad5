"""Consolidated DOCX: official heading, indicator table with composed totals, narrative from sub-reports."""

from __future__ import annotations

import io

from docx import Document

from tests.reports.factories import VALUES, setup_reports, submit


def _docx_text(content: bytes) -> tuple[str, list[list[str]]]:
    doc = Document(io.BytesIO(content))
    text = "\n".join(p.text for p in doc.paragraphs)
    tables = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    return text, tables


def test_consolidated_docx_of_the_province(world):
    s = setup_reports(world)
    owner, sibling, supervisor = world.client("owner"), world.client("sibling"), world.client("supervisor")
    submit(owner, s.report, VALUES, narrative={"noi_bat": "Thanh Thủy phát 240 phút", "kien_nghi": "Cấp loa"})
    submit(sibling, s.sibling_report, {**VALUES, "tin_bai": "8"}, narrative={"noi_bat": "Hoà Bình có mô hình",
                                                                            "kien_nghi": ""})
    supervisor.post(f"/bao-cao/{s.report.pk}/duyet/")
    supervisor.post(f"/bao-cao/{s.sibling_report.pk}/duyet/")
    # The province submits without writing its own narrative: the export assembles the communes'.
    submit(supervisor, s.province_report, {"tin_bai": "5"}, narrative={"noi_bat": "", "kien_nghi": ""})
    response = supervisor.get(f"/bao-cao/{s.province_report.pk}/docx/")
    assert response.status_code == 200
    assert response["Content-Type"].endswith("wordprocessingml.document")
    text, rows = _docx_text(response.content)
    assert "BÁO CÁO" in text and "KẾT QUẢ NỔI BẬT" in text
    assert "Thanh Thủy phát 240 phút" in text and "Hoà Bình có mô hình" in text
    flat = [" | ".join(r) for r in rows]
    assert any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in r for r in flat)
    tin_bai = next(r for r in rows if r[1] == "Số tin, bài")
    assert tin_bai[3] == "5" and tin_bai[4] == "25"  # own, and own + accepted communes
    assert any(world.unit.name in r for r in flat)  # appendix by sub-unit


def test_commune_docx_has_its_own_values(world):
    s = setup_reports(world)
    submit(world.client("owner"), s.report)
    text, rows = _docx_text(world.client("owner").get(f"/bao-cao/{s.report.pk}/docx/").content)
    assert next(r for r in rows if r[1] == "Số tin, bài")[3] == "12"
    assert "Làm tốt" in text
