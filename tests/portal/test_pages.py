"""Landing pages, guides, model practices and the staff publishing page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from lantoa.plans.models import Activity, Phase, Plan
from lantoa.portal.models import Campaign, NewsPost, Practice
from tests.conftest import World

pytestmark = pytest.mark.django_db


def make_campaign(world: World, visibility: str) -> Campaign:
    plan = Plan.objects.create(unit=world.unit, title="Kế hoạch tuyên truyền chuyển đổi số năm 2026", number="41-KH/ĐU",
                               issued_on=dt.date(2026, 2, 12), status=Plan.Status.ISSUED, visibility=visibility,
                               purpose="Quán triệt Nghị quyết 57")
    Phase.objects.create(plan=plan, name="Quý I/2026 - Quán triệt, thống nhất nhận thức", order=1,
                         start=dt.date(2026, 1, 1), end=dt.date(2026, 3, 31))
    Activity.objects.create(unit=world.unit, plan=plan, kind=Activity.Kind.SHORT_VIDEO, title="Video hướng dẫn VNeID",
                            date=dt.date(2026, 3, 1), link="https://example.vn/video", is_shared=True)
    Activity.objects.create(unit=world.unit, plan=plan, kind=Activity.Kind.INFOGRAPHIC, title="Bản nháp nội bộ",
                            date=dt.date(2026, 3, 1), is_shared=False)
    campaign = Campaign.objects.create(slug="cds-2026", title="Chuyển đổi số vì người dân", unit=world.unit,
                                       plan=plan, tagline="Mỗi người dân một tài khoản số",
                                       summary="Giúp người dân dùng dịch vụ số.", is_published=True)
    NewsPost.objects.create(unit=world.unit, campaign=campaign, title="Ra quân Bình dân học vụ số")
    return campaign


def test_landing_page_shows_banner_phases_news_library_faq_and_assistant(world: World, demo_kb: object) -> None:
    campaign = make_campaign(world, Plan.Visibility.PUBLIC_SUMMARY)
    html = Client().get(campaign.get_absolute_url()).content.decode()
    for text in ("Mỗi người dân một tài khoản số", "Giúp người dân dùng dịch vụ số", "Quý I/2026",
                 "Ra quân Bình dân học vụ số", "Video hướng dẫn VNeID", "Câu hỏi thường gặp", 'id="ask-q"',
                 "Hướng dẫn kích hoạt tài khoản định danh điện tử"):
        assert text in html, text
    assert "Bản nháp nội bộ" not in html  # only what the unit shared
    assert "owner" not in html and "@example.vn" not in html  # no personal data


def test_an_internal_plan_shows_nothing_beyond_the_campaign_text(world: World) -> None:
    campaign = make_campaign(world, Plan.Visibility.INTERNAL)
    html = Client().get(campaign.get_absolute_url()).content.decode()
    assert "Quý I/2026" not in html and "Video hướng dẫn VNeID" not in html and "41-KH" not in html
    assert "Chuyển đổi số vì người dân" in html


def test_unpublished_campaign_is_not_found(world: World) -> None:
    Campaign.objects.create(slug="nhap", title="Nháp", unit=world.unit)
    assert Client().get(reverse("portal:campaign", kwargs={"slug": "nhap"})).status_code == 404


def test_guide_page_has_an_anchor_per_passage(demo_kb: object) -> None:
    html = Client().get(reverse("portal:guide", kwargs={"slug": "vneid-tai-khoan-dinh-danh-muc-2"})).content.decode()
    assert 'id="doan-4"' in html and "Các bước kích hoạt tài khoản trên điện thoại" in html


def test_units_publish_news_and_practices_for_their_own_units_only(world: World) -> None:
    owner = world.client("owner")
    response = owner.post(reverse("portal:manage"), {
        "action": "practice", "practice-unit": world.unit.pk, "practice-kind": "practice", "practice-year": 2026,
        "practice-title": "Tổ công nghệ số cộng đồng thôn Đồng Xuân", "practice-summary": "Hướng dẫn 300 hộ dân.",
    })
    assert response.status_code == 302
    practice = Practice.objects.get()
    assert practice.area == world.commune
    # A unit the user does not belong to is not a valid choice.
    owner.post(reverse("portal:manage"), {"action": "news", "news-unit": world.sibling_unit.pk,
                                          "news-title": "Tin giả danh"})
    assert not NewsPost.objects.exists()
    owner.post(reverse("portal:manage"), {"action": "news", "news-unit": world.unit.pk, "news-title": "Tin thật"})
    assert NewsPost.objects.get().unit == world.unit
    html = Client().get(reverse("portal:practices") + "?loai=practice").content.decode()
    assert "Tổ công nghệ số cộng đồng thôn Đồng Xuân" in html and "Xã Thanh Thuỷ" in html
    assert "Tổ công nghệ số" not in Client().get(reverse("portal:practices") + "?loai=commendation").content.decode()


def test_portal_home_is_small_and_public(demo_kb: object) -> None:
    response = Client().get(reverse("portal:index"))
    assert response.status_code == 200
    assert len(response.content) < 40_000  # a slow connection still gets it in a couple of seconds
    assert "Content-Security-Policy" in response
