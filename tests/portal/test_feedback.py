"""Citizen feedback: routing by rule table, public status, contact only for the handling unit, retention."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lantoa.notifications.models import Notification
from lantoa.portal.models import Feedback, FeedbackRoute
from lantoa.portal.services import feedback_erase_contacts, feedback_route, feedback_topics_by_area
from lantoa.portal.tasks import erase_feedback_contacts
from lantoa.units.models import Unit
from tests.conftest import World
from tests.portal.conftest import old_token

pytestmark = pytest.mark.django_db

FEEDBACK = reverse("portal:feedback")


def form(world: World, **overrides: object) -> dict[str, object]:
    data = {"topic": "dich_vu_cong", "province": world.province.pk, "commune": "thanh thuy",
            "message": "Xin hướng dẫn nộp hồ sơ trực tuyến cho người cao tuổi ở thôn.", "contact": "0912 345 678",
            "ts": old_token(), "website": ""}
    data.update(overrides)
    return data


def test_feedback_is_routed_by_rule_and_the_unit_is_notified(world: World,
                                                             django_capture_on_commit_callbacks: object) -> None:
    FeedbackRoute.objects.create(topic="dich_vu_cong", area=world.commune, unit=world.unit)
    FeedbackRoute.objects.create(topic="", area=world.province, unit=world.province_unit)
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        response = Client().post(FEEDBACK, form(world))
    item = Feedback.objects.get()
    assert response.status_code == 302 and response["Location"] == item.get_status_url()
    assert item.unit == world.unit and item.area == world.commune
    assert Notification.objects.filter(user=world.users["owner"]).exists()
    # Another topic from the same commune falls to the province's catch-all rule.
    assert feedback_route(topic="ha_tang", area=world.commune) == world.province_unit


def test_without_a_rule_the_peoples_committee_of_the_area_handles_it(world: World) -> None:
    committee = Unit.objects.create(name="UBND xã Thanh Thuỷ", kind=Unit.Kind.PEOPLES_COMMITTEE, area=world.commune)
    assert feedback_route(topic="vneid", area=world.commune) == committee
    assert feedback_route(topic="vneid", area=world.sibling_commune) == world.sibling_unit


def test_public_status_shows_the_reply_but_never_the_contact_or_message(world: World) -> None:
    FeedbackRoute.objects.create(topic="", area=world.commune, unit=world.unit)
    Client().post(FEEDBACK, form(world))
    item = Feedback.objects.get()
    owner = world.client("owner")
    detail = reverse("portal:feedback_detail", kwargs={"pk": item.pk})
    assert "0912 345 678" in owner.get(detail).content.decode()
    # The supervisor sees the case, not the citizen's phone number.
    supervisor_page = world.client("supervisor").get(detail).content.decode()
    assert "Xin hướng dẫn" in supervisor_page and "0912 345 678" not in supervisor_page
    assert world.client("supervisor").post(detail, {"reply": "x", "close": "on"}).status_code == 403
    owner.post(detail, {"reply": "Tổ công nghệ số cộng đồng sẽ đến hướng dẫn tại nhà.", "close": "on"})
    item.refresh_from_db()
    assert item.status == Feedback.Status.CLOSED and item.closed_at is not None
    public = Client().get(item.get_status_url()).content.decode()
    assert "Tổ công nghệ số cộng đồng sẽ đến" in public
    assert "0912" not in public and "Xin hướng dẫn nộp" not in public


def test_contact_is_erased_after_closing_plus_retention_and_never_kept_in_history(world: World) -> None:
    item = Feedback.objects.create(topic="vneid", area=world.commune, message="Ý kiến", contact="a@b.vn",
                                   unit=world.unit, status=Feedback.Status.CLOSED,
                                   closed_at=timezone.now() - dt.timedelta(days=31))
    fresh = Feedback.objects.create(topic="vneid", area=world.commune, message="Ý kiến", contact="c@d.vn",
                                    unit=world.unit, status=Feedback.Status.CLOSED, closed_at=timezone.now())
    still_open = Feedback.objects.create(topic="vneid", area=world.commune, message="Ý kiến", contact="e@f.vn",
                                         unit=world.unit)
    assert erase_feedback_contacts.call_local() == 1
    item.refresh_from_db(), fresh.refresh_from_db(), still_open.refresh_from_db()
    assert item.contact == "" and item.contact_erased_at is not None
    assert fresh.contact == "c@d.vn" and still_open.contact == "e@f.vn"
    assert not hasattr(item.history.first(), "contact")
    assert feedback_erase_contacts(now=timezone.now() + dt.timedelta(days=40)) == 1


@pytest.mark.parametrize(("overrides", "message"), [
    ({"message": "ngắn"}, "Nội dung quá ngắn"),
    ({"message": "x" * 2001}, "Nội dung quá dài"),
    ({"commune": "không có xã này"}, "Không tìm thấy đúng một xã"),
    ({"topic": ""}, "This field is required"),
])
def test_bad_feedback_gets_a_clear_message_and_is_not_stored(world: World, overrides: dict[str, object],
                                                             message: str) -> None:
    response = Client().post(FEEDBACK, form(world, **overrides))
    assert response.status_code == 200 and not Feedback.objects.exists()
    html = response.content.decode()
    assert message in html or "Trường này là bắt buộc" in html


def test_bots_are_refused_by_honeypot_timing_and_rate_limit(world: World, settings: object) -> None:
    client = Client(REMOTE_ADDR="198.51.100.9")
    assert client.post(FEEDBACK, form(world, website="spam")).status_code == 400
    assert client.post(FEEDBACK, form(world, ts=old_token(0))).status_code == 400  # faster than a person types
    assert client.post(FEEDBACK, form(world, ts="giả-mạo")).status_code == 400
    assert not Feedback.objects.exists()
    settings.FEEDBACK_RATE_LIMIT = "2/3600"  # type: ignore[attr-defined]
    codes = [client.post(FEEDBACK, form(world)).status_code for _ in range(4)]
    assert codes == [302, 302, 429, 429] and Feedback.objects.count() == 2


def test_script_in_feedback_is_escaped_for_staff(world: World) -> None:
    FeedbackRoute.objects.create(topic="", area=world.commune, unit=world.unit)
    Client().post(FEEDBACK, form(world, message="<script>alert(1)</script> Mạng yếu ở thôn Đồng Xuân"))
    item = Feedback.objects.get()
    html = world.client("owner").get(reverse("portal:feedback_detail", kwargs={"pk": item.pk})).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_topics_are_aggregated_by_area_without_personal_data(world: World) -> None:
    for topic in ("vneid", "vneid", "ha_tang"):
        Feedback.objects.create(topic=topic, area=world.commune, message="Ý kiến", contact="x@y.vn", unit=world.unit)
    rows = feedback_topics_by_area()
    assert [(r["area__code"], r["topic"], r["n"]) for r in rows] == [("08674", "ha_tang", 1), ("08674", "vneid", 2)]
    assert all("contact" not in r and "message" not in r for r in rows)
    page = world.client("supervisor").get(reverse("portal:feedback_stats")).content.decode()
    assert "Tài khoản VNeID, căn cước" in page
    assert world.client("outsider").get(reverse("portal:feedback_inbox")).content.decode().count("08674") == 0
