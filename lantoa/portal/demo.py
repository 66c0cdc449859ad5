"""Demo portal: landing pages for the Vĩnh Tuy and Thanh Thủy plans, news, model practices, routing rules."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from lantoa.portal.models import FeedbackRoute, NewsPost, Practice, Topic
from lantoa.portal.services import campaign_save
from lantoa.units.demo import demo_unit


def _plan_of(unit_key: str) -> object | None:
    from lantoa.plans.models import Plan

    # The unit's own public plan; seed 001's central plan is internal and never gets a landing page.
    return (Plan.objects.filter(unit=demo_unit(unit_key)).exclude(visibility=Plan.Visibility.INTERNAL)
            .order_by("-issued_on").first())


@transaction.atomic
def load() -> list[str]:
    vinh_tuy = campaign_save(
        unit=demo_unit("du_vinhtuy"), slug="vinh-tuy-chuyen-doi-so-2026", plan=_plan_of("du_vinhtuy"),
        title="Phường Vĩnh Tuy: năm 2026 hành động đột phá, lan tỏa kết quả chuyển đổi số",
        tagline="Mỗi người dân biết dùng dịch vụ công trực tuyến",
        summary="Giúp người dân, doanh nghiệp trên địa bàn phường hiểu đúng và tham gia chuyển đổi số: dùng tài "
                "khoản VNeID, nộp hồ sơ trực tuyến, học kỹ năng số; lan tỏa mô hình hay, cách làm hiệu quả.",
    )
    thanh_thuy = campaign_save(
        unit=demo_unit("ubnd_thanhthuy"), slug="thanh-thuy-binh-dan-hoc-vu-so", plan=_plan_of("ubnd_thanhthuy"),
        title="Xã Thanh Thủy: Bình dân học vụ số đến từng thôn", tagline="Không để ai bị bỏ lại phía sau",
        summary="Tổ công nghệ số cộng đồng hướng dẫn từng hộ dân kích hoạt tài khoản định danh điện tử, nộp hồ sơ "
                "trực tuyến và thanh toán không dùng tiền mặt.",
    )
    news = [
        (vinh_tuy, "du_vinhtuy",
         "Phường Vĩnh Tuy quán triệt Kế hoạch thông tin, tuyên truyền về chuyển đổi số năm 2026", dt.date(2026, 2, 20)),
        (thanh_thuy, "ubnd_thanhthuy", "Ra quân phong trào Bình dân học vụ số tại 12 thôn", dt.date(2025, 9, 5)),
    ]
    for campaign, unit_key, title, day in news:
        NewsPost.objects.get_or_create(title=title, defaults={"campaign": campaign, "unit": demo_unit(unit_key),
                                                              "published_on": day})
    practices = [
        ("vhxh_thanhthuy", Practice.Kind.PRACTICE, "Tổ công nghệ số cộng đồng thôn Đồng Xuân",
         "Mỗi tối thứ Bảy, đoàn viên thanh niên hướng dẫn người cao tuổi kích hoạt VNeID và nộp hồ sơ trực tuyến "
         "ngay tại nhà văn hoá thôn."),
        ("mttq_vinhtuy", Practice.Kind.PRACTICE, "Góc hỗ trợ dịch vụ công trực tuyến tại tổ dân phố",
         "Tình nguyện viên trực cuối tuần giúp người dân nộp hồ sơ, thanh toán lệ phí trực tuyến."),
        ("du_vinhtuy", Practice.Kind.COMMENDATION, "Chi bộ khu dân cư số 5 — tập thể tiêu biểu năm 2025",
         "Được Đảng uỷ phường biểu dương vì 100% hộ gia đình có tài khoản định danh điện tử mức độ 2."),
    ]
    for unit_key, kind, title, summary in practices:
        unit = demo_unit(unit_key)
        Practice.objects.get_or_create(title=title, defaults={"unit": unit, "area": unit.area, "kind": kind,
                                                              "summary": summary, "year": 2025})
    rules = [
        ("ubnd_vinhtuy", ""),
        ("ubnd_thanhthuy", ""),
        ("ca_thanhthuy", Topic.VNEID),
        ("vhxh_thanhthuy", Topic.DIGITAL_SKILLS),
    ]
    for unit_key, topic in rules:
        unit = demo_unit(unit_key)
        FeedbackRoute.objects.update_or_create(topic=topic, area=unit.area, defaults={"unit": unit})
    return [f"Cổng thông tin: 2 trang chiến dịch, {NewsPost.objects.count()} tin, {Practice.objects.count()} mô hình, "
            f"{FeedbackRoute.objects.count()} quy tắc chuyển ý kiến"]
