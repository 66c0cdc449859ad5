"""Demo reporting data: the seeds' report form, requests for Phú Thọ and Hà Nội, reports in every state."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from lantoa.areas.models import AdminArea
from lantoa.reports.models import Aggregation as A
from lantoa.reports.models import Frequency, Report, ReportForm, ReportRequest, ReportSchedule
from lantoa.reports.models import ValueType as T
from lantoa.reports.services import (
    IndicatorSpec,
    form_create,
    report_accept,
    report_return,
    report_save,
    report_submit,
    request_open,
)
from lantoa.units.demo import demo_unit

FORM_CODE = "tuyen-truyen-cds"
FORM_TITLE = "Báo cáo kết quả công tác tuyên truyền chuyển đổi số"

# Drawn from the seeds: 000 §III (products and channels), 003 §III (loudspeakers, social media), 004 §I.2
# (100% key officials briefed; 100% news tracked and handled), 000 §II.5 (online public services) and the
# "Bình dân học vụ số" movement.
INDICATORS = [
    IndicatorSpec("tin_bai", "Số tin, bài đăng trên cổng/trang thông tin điện tử", T.INTEGER, A.SUM, "tin, bài",
                  evidence_key="activity:news,series"),
    IndicatorSpec("chuyen_muc", "Số chuyên trang, chuyên mục", T.INTEGER, A.SUM, "chuyên mục",
                  evidence_key="activity:banner"),
    IndicatorSpec("phong_su", "Số phóng sự, tọa đàm, talkshow", T.INTEGER, A.SUM, "chương trình",
                  evidence_key="activity:feature,talkshow"),
    IndicatorSpec("infographic_video", "Số infographic, video ngắn", T.INTEGER, A.SUM, "sản phẩm",
                  evidence_key="activity:infographic,short_video"),
    IndicatorSpec("truyen_thanh_phut", "Thời lượng phát trên hệ thống truyền thanh cơ sở", T.INTEGER, A.SUM, "phút",
                  evidence_key="activity:loudspeaker:minutes"),
    IndicatorSpec("hoi_nghi", "Số hội nghị quán triệt, sinh hoạt chi bộ chuyên đề", T.INTEGER, A.SUM, "cuộc",
                  evidence_key="activity:conference"),
    IndicatorSpec("hoi_nghi_nguoi", "Số người dự hội nghị quán triệt, sinh hoạt chi bộ", T.INTEGER, A.SUM, "người",
                  evidence_key="activity:conference:attendees"),
    IndicatorSpec("cb_quan_triet", "Số cán bộ chủ chốt, báo cáo viên được quán triệt", T.INTEGER, A.SUM, "người"),
    IndicatorSpec("cb_tong", "Tổng số cán bộ chủ chốt, báo cáo viên", T.INTEGER, A.SUM, "người"),
    IndicatorSpec("ty_le_quan_triet", "Tỷ lệ cán bộ chủ chốt, báo cáo viên được quán triệt", T.PERCENT, A.RATIO, "%",
                  numerator="cb_quan_triet", denominator="cb_tong"),
    IndicatorSpec("tin_theo_doi", "Số tin, bài được theo dõi, tổng hợp, xử lý", T.INTEGER, A.SUM, "tin, bài",
                  evidence_key="monitoring:items_tracked"),
    IndicatorSpec("sai_lech_phat_hien", "Số thông tin sai lệch phát hiện", T.INTEGER, A.SUM, "tin",
                  evidence_key="monitoring:misleading_found"),
    IndicatorSpec("sai_lech_dinh_chinh", "Số thông tin sai lệch đã đính chính", T.INTEGER, A.SUM, "tin",
                  evidence_key="monitoring:misleading_clarified"),
    IndicatorSpec("dvc_huong_dan", "Số lượt người dân được hướng dẫn dịch vụ công trực tuyến", T.INTEGER, A.SUM,
                  "lượt"),
    IndicatorSpec("bdhvs_nguoi", "Số người tham gia “Bình dân học vụ số”", T.INTEGER, A.SUM, "người"),
    IndicatorSpec("ty_le_dvc", "Tỷ lệ hồ sơ dịch vụ công trực tuyến toàn trình", T.PERCENT, A.AVERAGE, "%"),
    IndicatorSpec("co_ke_hoach", "Đơn vị đã ban hành kế hoạch tuyên truyền riêng", T.YESNO, A.COUNT_YES, "đơn vị"),
    IndicatorSpec("mo_hinh_hay", "Mô hình hay, cách làm hiệu quả", T.TEXT, A.NONE),
]
SECTIONS = [
    {"code": "noi_bat", "title": "Kết quả nổi bật"},
    {"code": "ton_tai", "title": "Tồn tại, hạn chế"},
    {"code": "nguyen_nhan", "title": "Nguyên nhân"},
    {"code": "kien_nghi", "title": "Kiến nghị, đề xuất"},
]


def demo_form() -> ReportForm:
    form = ReportForm.objects.filter(code=FORM_CODE).first()
    if form is None:
        form = form_create(code=FORM_CODE, title=FORM_TITLE, issuer=demo_unit("btgdv_tw"), indicators=INDICATORS,
                           sections=SECTIONS)
    return form


def _values(scale: int) -> dict[str, object]:
    return {
        "tin_bai": 12 * scale, "chuyen_muc": 1, "phong_su": scale, "infographic_video": 3 * scale,
        "truyen_thanh_phut": 240 * scale, "hoi_nghi": 2, "hoi_nghi_nguoi": 85 * scale, "cb_quan_triet": 18,
        "cb_tong": 20, "tin_theo_doi": 30 * scale, "sai_lech_phat_hien": scale, "sai_lech_dinh_chinh": scale,
        "dvc_huong_dan": 150 * scale, "bdhvs_nguoi": 320 * scale, "ty_le_dvc": 72 + scale, "co_ke_hoach": "Có",
        "mo_hinh_hay": "Tổ công nghệ số cộng đồng hướng dẫn người dân cài đặt VNeID tại nhà văn hoá.",
    }


NARRATIVE = {
    "noi_bat": "Tổ chức tuyên truyền trên hệ thống truyền thanh cơ sở, trang thông tin điện tử và fanpage.",
    "ton_tai": "Một số thôn chưa có loa truyền thanh thông minh.",
    "nguyen_nhan": "Kinh phí đầu tư hạ tầng còn hạn chế.",
    "kien_nghi": "Đề nghị hỗ trợ tài liệu tuyên truyền về Bình dân học vụ số.",
}


@transaction.atomic
def load() -> list[str]:
    """Idempotent: the form is made once; requests are keyed by title and period."""
    form = demo_form()
    version = form.current_version()
    assert version is not None
    phu_tho, ha_noi = AdminArea.objects.get(code="25"), AdminArea.objects.get(code="01")
    ReportSchedule.objects.get_or_create(
        title="Báo cáo tuyên truyền chuyển đổi số tỉnh Phú Thọ", form=form,
        defaults={"issuer": demo_unit("svhttdl_phutho"), "frequency": Frequency.MONTHLY, "days_after_period": 5,
                  "target_area": phu_tho, "target_level": ReportRequest.Level.ALL},
    )
    today = timezone.localdate()
    lines = []
    made = 0
    for months_back in (3, 2, 1):
        first = (today.replace(day=1) - dt.timedelta(days=31 * months_back)).replace(day=1)
        last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        made += _request(version, demo_unit("svhttdl_phutho"), phu_tho, first, last, "Phú Thọ", months_back)
        made += _request(version, demo_unit("btgdv_hanoi"), ha_noi, first, last, "Hà Nội", months_back)
    if not ReportRequest.objects.filter(kind=ReportRequest.Kind.ADHOC, form_version__form=form).exists():
        request_open(
            title="Báo cáo đột xuất kết quả triển khai phong trào “Bình dân học vụ số”", form_version=version,
            issuer=demo_unit("btgdv_hanoi"), period_start=today.replace(day=1), period_end=today,
            target_area=ha_noi, target_level=ReportRequest.Level.ALL, kind=ReportRequest.Kind.ADHOC,
            deadline=timezone.now() + dt.timedelta(days=7),
        )
        made += 1
    _link_targets(version)
    lines.append(f"  Báo cáo: biểu mẫu “{FORM_TITLE}”, {made} yêu cầu mới (tổng "
                 f"{ReportRequest.objects.filter(form_version__form=form).count()}).")
    return lines


def _link_targets(version: Any) -> None:
    """Link the briefing-rate indicator to phường Vĩnh Tuy's target "100% cán bộ chủ chốt … được quán triệt"
    (seed 004 §I.2) when the plans demo has made it: the targets dashboard of the ward then shows it."""
    from django.apps import apps

    if not apps.is_installed("lantoa.plans"):
        return
    target = apps.get_model("plans", "Target").objects.filter(
        plan__unit__area__code="00283", text__startswith="100% cán bộ chủ chốt").first()
    if target is not None:
        version.indicators.filter(code="ty_le_quan_triet").update(target_id=target.pk)


def _request(version: Any, issuer: Any, area: AdminArea, first: dt.date, last: dt.date, place: str,
             months_back: int) -> int:
    title = f"Báo cáo tuyên truyền chuyển đổi số {place} tháng {first:%m/%Y}"
    if ReportRequest.objects.filter(title=title).exists():
        return 0
    req = request_open(
        title=title, form_version=version, issuer=issuer, period_start=first, period_end=last,
        target_area=area, target_level=ReportRequest.Level.ALL, frequency=Frequency.MONTHLY,
        target_kinds=[], days_after_period=5,
    )
    approver_unit = issuer
    for report in req.reports.select_related("unit").exclude(unit=approver_unit):
        _play(report, months_back, req)
    return 1


def _play(report: Report, months_back: int, req: ReportRequest) -> None:
    """Older months: submitted and accepted; last month: a mix (draft, submitted, returned, resubmitted)."""
    from django.contrib.auth import get_user_model

    officer = get_user_model().objects.filter(memberships__unit=report.unit).first()
    approver = get_user_model().objects.filter(username__in=["phutho", "hanoi", "trunguong"]).first()
    key = report.unit.name
    if months_back == 1 and "MTTQ" in key:
        report_save(report=report, user=officer, expected_version=report.version, values=_values(1),
                    narrative=NARRATIVE)
        return
    on_time = req.deadline - dt.timedelta(days=2) if "Công an" not in key else req.deadline + dt.timedelta(days=1)
    report = report_submit(report=report, user=officer, expected_version=report.version,
                           values=_values(4 - months_back), narrative=NARRATIVE, now=on_time)
    if months_back == 1 and "Trung tâm" in key:
        report_return(report=report, user=approver, reason="Số phút phát thanh chưa khớp với nhật ký đài.")
        return
    if months_back > 1 or "Phòng Văn hoá" in key:
        report_accept(report=report, user=approver)
