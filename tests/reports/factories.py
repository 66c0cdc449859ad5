"""Reporting objects on top of the shared test world (tests/conftest.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from lantoa.reports.models import Aggregation as A
from lantoa.reports.models import Report, ReportForm, ReportRequest
from lantoa.reports.models import ValueType as T
from lantoa.reports.services import IndicatorSpec, form_create, request_open

INDICATORS = [
    IndicatorSpec("tin_bai", "Số tin, bài", T.INTEGER, A.SUM, "tin, bài"),
    IndicatorSpec("nguoi_du", "Số người dự hội nghị", T.INTEGER, A.SUM, "người"),
    IndicatorSpec("cb_quan_triet", "Cán bộ được quán triệt", T.INTEGER, A.SUM, "người"),
    IndicatorSpec("cb_tong", "Tổng số cán bộ", T.INTEGER, A.SUM, "người"),
    IndicatorSpec("ty_le", "Tỷ lệ cán bộ được quán triệt", T.PERCENT, A.RATIO, "%", numerator="cb_quan_triet",
                  denominator="cb_tong"),
    IndicatorSpec("ty_le_dvc", "Tỷ lệ dịch vụ công trực tuyến", T.PERCENT, A.AVERAGE, "%"),
    IndicatorSpec("co_ke_hoach", "Đã có kế hoạch riêng", T.YESNO, A.COUNT_YES),
    IndicatorSpec("thoi_luong", "Thời lượng phát thanh", T.DECIMAL, A.SUM, "giờ"),
    IndicatorSpec("mo_hinh", "Mô hình hay", T.TEXT, A.NONE),
]
SECTIONS = [{"code": "noi_bat", "title": "Kết quả nổi bật"}, {"code": "kien_nghi", "title": "Kiến nghị, đề xuất"}]


@dataclass
class Setup:
    form: ReportForm
    request: ReportRequest
    report: Report           # the owner's commune unit
    sibling_report: Report   # the sibling commune unit
    province_report: Report  # the supervisor's province unit


def make_form(world: Any, code: str = "tt-cds") -> ReportForm:
    return form_create(code=code, title="Báo cáo kết quả tuyên truyền chuyển đổi số", issuer=world.central_unit,
                       indicators=INDICATORS, sections=SECTIONS)


def setup_reports(world: Any, *, deadline: dt.datetime | None = None, start: dt.date = dt.date(2026, 1, 1),
                  form: ReportForm | None = None) -> Setup:
    form = form or make_form(world)
    version = form.current_version()
    assert version is not None
    end = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    request = request_open(
        title=f"Báo cáo tháng {start:%m/%Y}", form_version=version, issuer=world.province_unit,
        period_start=start, period_end=end, target_area=world.province, target_level=ReportRequest.Level.ALL,
        frequency="monthly", deadline=deadline or timezone.now() + dt.timedelta(days=10),
    )
    reports = {r.unit_id: r for r in request.reports.all()}
    return Setup(form=form, request=request, report=reports[world.unit.pk],
                 sibling_report=reports[world.sibling_unit.pk], province_report=reports[world.province_unit.pk])


VALUES = {"tin_bai": "12", "nguoi_du": "85", "cb_quan_triet": "18", "cb_tong": "20", "ty_le_dvc": "70",
          "co_ke_hoach": "1", "thoi_luong": "2,5", "mo_hinh": "Tổ công nghệ số cộng đồng"}


def post_data(report: Report, values: dict[str, str] | None = None, action: str = "save",
              narrative: dict[str, str] | None = None) -> dict[str, str]:
    data = {"version": str(report.version), "action": action}
    data.update({f"v_{k}": v for k, v in (VALUES if values is None else values).items()})
    data.update({f"n_{k}": v for k, v in (narrative or {"noi_bat": "Làm tốt", "kien_nghi": ""}).items()})
    return data


def submit(client: Any, report: Report, values: dict[str, str] | None = None, *, follow: bool = False,
           **kw: Any) -> Any:
    report.refresh_from_db()
    return client.post(f"/bao-cao/{report.pk}/sua/", post_data(report, values, action="submit", **kw),
                       follow=follow)
