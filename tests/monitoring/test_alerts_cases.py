"""Spike alerts, case alerts, the case workflow, the seed-004 KPI, the digest and retention."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from lantoa.monitoring import alerts, services
from lantoa.monitoring.coverage import coverage, coverage_counts, kpi
from lantoa.monitoring.models import Alert, Case, Item, ItemBand, Kind, Source, Story, Watch
from lantoa.notifications.models import Notification
from tests.monitoring.helpers import make_item, make_watch, manual_source

pytestmark = pytest.mark.django_db


def test_spike_alert_once_per_day(world):
    watch = make_watch(world, name="VNeID", query="vneid")
    source = manual_source(world)
    now = timezone.now()
    for day in range(1, 8):  # a quiet baseline: one item every other day
        if day % 2:
            make_item(source, f"Hướng dẫn VNeID {day}", "Cài đặt VNeID tại xã.", published_at=now - timedelta(days=day))
    assert alerts.check_spikes() == []
    for n in range(8):
        make_item(source, f"Tin đồn về VNeID số {n}", f"Bài {n} về phí cài VNeID.", published_at=now)
    created = alerts.check_spikes()
    assert len(created) == 1 and created[0].watch == watch and created[0].count == 8
    assert "Tăng đột biến" in created[0].title
    assert Notification.objects.filter(user=world.users["owner"], kind="monitoring_spike").count() == 1
    assert len(mail.outbox) == 1
    assert alerts.check_spikes() == []  # same day again: no second alert


def test_case_workflow_and_time_to_answer(world):
    source = manual_source(world)
    first = make_item(source, "Tin đồn thu phí cài VNeID 200.000 đồng là bịa đặt",
                      "Thông tin sai sự thật về việc thu phí cài đặt VNeID lan truyền trên mạng, có dấu hiệu lừa đảo.")
    story = Story.objects.get(pk=first.story_id)
    case = services.case_open(unit=world.unit, claim="Phải nộp 200.000 đồng để cài VNeID", story=story,
                              query='"cai vneid" OR "phi cai dat"')
    assert case.status == Case.Status.NEW and list(case.items.all()) == [first]
    assert case.due_at - case.opened_at == timedelta(hours=48)
    with pytest.raises(services.ServiceError):
        services.case_transition(case=case, status=Case.Status.ANSWERED, answer_url="https://x.vn/a")
    services.case_transition(case=case, status=Case.Status.VERIFYING)
    with pytest.raises(services.ServiceError):  # answering needs the link to the published clarification
        services.case_transition(case=case, status=Case.Status.ANSWERED)
    services.case_transition(case=case, status=Case.Status.ANSWERED, answer_url="https://thanhthuy.phutho.gov.vn/dc")
    assert case.time_to_answer is not None and case.handled_in_time
    services.case_transition(case=case, status=Case.Status.CLOSED)
    assert case.closed_at and not case.is_open
    with pytest.raises(services.ServiceError):
        services.case_transition(case=case, status=Case.Status.VERIFYING)
    assert case.history.count() >= 4


def test_closed_as_not_misleading(world):
    case = services.case_open(unit=world.unit, claim="Phản ánh hệ thống chậm")
    services.case_transition(case=case, status=Case.Status.NOT_MISLEADING, note="Phản ánh đúng, đã chuyển xử lý")
    assert case.handled_in_time and "chuyển xử lý" in case.note


def test_new_negative_item_on_open_case_alerts_and_attaches(world):
    source = manual_source(world)
    first = make_item(source, "Tin đồn thu phí cài VNeID là bịa đặt",
                      "Thông tin sai sự thật về thu phí cài đặt VNeID, có dấu hiệu lừa đảo chiếm đoạt tiền.")
    case = services.case_open(unit=world.unit, claim="Thu phí cài VNeID", story=Story.objects.get(pk=first.story_id),
                              query='"phi cai" OR "thu phi"')
    later = make_item(source, "Lại xuất hiện tin đồn thu phí cài đặt VNeID",
                      "Nhiều người bức xúc, lo ngại vì tin giả về thu phí, đối tượng lừa đảo gọi điện.")
    assert later.tone == "neg"
    assert case.items.filter(pk=later.pk).exists()
    alert = Alert.objects.get(kind=Alert.Kind.CASE_NEGATIVE, case=case)
    assert Notification.objects.filter(kind="monitoring_case", url__contains=f"/{case.pk}/").exists()
    neutral = make_item(source, "UBND xã thông báo lịch thu phí vệ sinh", "Lịch thu phí vệ sinh môi trường tháng 12.")
    assert not case.items.filter(pk=neutral.pk).exists()
    services.case_transition(case=case, status=Case.Status.NOT_MISLEADING)
    make_item(source, "Tin giả thu phí cài VNeID tiếp tục lan truyền", "Bức xúc vì lừa đảo thu phí, tin giả.")
    assert Alert.objects.filter(case=case).count() == 1 == len([alert])  # closed cases no longer alert


def test_kpi_tracked_and_handled_in_time(world):
    watch = make_watch(world, name="VNeID", query="vneid")
    source = manual_source(world)
    neg1 = make_item(source, "Lừa đảo cài VNeID", "Người dân bức xúc vì lừa đảo, tin giả về VNeID.")
    neg2 = make_item(source, "VNeID lỗi, dân than phiền", "Ứng dụng VNeID lỗi, người dân than phiền, bức xúc.")
    make_item(source, "Hướng dẫn cài VNeID", "Người dân được hướng dẫn cài đặt VNeID tại xã.")
    Item.objects.filter(pk=neg2.pk).update(stage=Item.Stage.AREAS)  # not fully processed: not tracked yet
    in_time = services.case_open(unit=world.unit, claim="Lừa đảo", story=Story.objects.get(pk=neg1.story_id))
    services.case_transition(case=in_time, status=Case.Status.VERIFYING)
    services.case_transition(case=in_time, status=Case.Status.ANSWERED, answer_url="https://x.gov.vn/dc")
    late = services.case_open(unit=world.unit, claim="Lỗi", story=Story.objects.get(pk=neg2.story_id),
                              due_at=timezone.now() - timedelta(hours=1))
    services.case_transition(case=late, status=Case.Status.VERIFYING)
    services.case_transition(case=late, status=Case.Status.ANSWERED, answer_url="https://x.gov.vn/dc2")
    today = timezone.localdate()
    numbers = kpi(watches=Watch.objects.filter(pk=watch.pk), start=today - timedelta(days=1), end=today)
    assert (numbers.relevant, numbers.tracked, numbers.negative, numbers.handled_in_time) == (3, 2, 2, 1)
    assert numbers.handled_pct == 50.0
    counts = coverage_counts(unit=world.unit, start=today - timedelta(days=1), end=today)
    assert counts["misleading_found"] == 2 and counts["misleading_clarified"] == 2
    cov = coverage(watches=Watch.objects.filter(pk=watch.pk), start=today - timedelta(days=6), end=today)
    assert cov.total == 3 and cov.by_theme == [("VNeID", 3)] and cov.share_of_voice == [("VNeID", 100.0)]
    assert dict(cov.by_tone)["Tiêu cực"] == 2 and len(cov.by_day) == 7


def test_digest_in_app_and_email(world):
    make_watch(world, name="VNeID", query="vneid")
    source = manual_source(world)
    make_item(source, "Hướng dẫn cài VNeID", "Cài VNeID tại xã.", published_at=timezone.now() - timedelta(days=1))
    assert alerts.send_digest() == 1
    note = Notification.objects.get(user=world.users["owner"], kind="monitoring_digest")
    assert "1 tin, bài" in note.body
    assert mail.outbox and "hằng ngày" in mail.outbox[-1].subject


def test_retention_purges_social_text_and_keeps_counts(world, settings):
    settings.MONITORING_RETENTION_DAYS = 90
    source = Source.objects.create(unit=world.unit, name="Trang xã", outlet="Facebook", kind=Kind.SOCIAL,
                                   format=Source.Format.EXPORT)
    watch = make_watch(world, name="VNeID", query="vneid")
    csv = ("Permalink,Page name,Publish time,Message,Reach\n"
           "https://fb.com/x/posts/1,Nguyễn Văn A,11/20/2025 19:30,Bực mình vì lừa đảo cài VNeID,500\n"
           "https://fb.com/x/posts/2,Trang xã,11/21/2025 19:30,Hướng dẫn cài VNeID miễn phí tại xã,900\n").encode()
    assert services.source_import_export(source=source, content=csv, filename="trang.csv") == 2
    posts = Item.objects.filter(kind=Kind.SOCIAL)
    assert all(p.stage == Item.Stage.INDEXED and p.url == "" and len(p.handle_hash) == 32 for p in posts)
    tones = sorted(posts.values_list("tone", flat=True))
    assert services.purge_social_text() == 0  # too recent
    Item.objects.filter(kind=Kind.SOCIAL).update(discovered_at=timezone.now() - timedelta(days=91))
    press = make_item(manual_source(world), "Báo viết về VNeID", "Bài báo về VNeID.")
    assert services.purge_social_text() == 2
    for post in Item.objects.filter(kind=Kind.SOCIAL):
        assert (post.text, post.title, post.summary, post.handle_hash, post.search_folded) == ("", "", "", "", "")
        assert post.purged_at and not ItemBand.objects.filter(item=post).exists()
        assert not Story.objects.get(pk=post.story_id).title
    assert sorted(Item.objects.filter(kind=Kind.SOCIAL).values_list("tone", flat=True)) == tones  # counts remain
    assert watch.matches.count() == 3
    press.refresh_from_db()
    assert press.text  # press text is not social and stays
    assert services.purge_social_text() == 0  # idempotent


def test_purged_social_text_leaves_no_copy_in_the_sqlite_file(world, settings):
    """Cleared columns are not enough: SQLite keeps freed pages' old bytes unless told to overwrite them (the
    pipeline runs with secure_delete=FAST), and the full-text index keeps a deleted row's words until its
    segments are merged. The purge must leave neither."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the database image is read through sqlite3's serialize()")
    settings.MONITORING_RETENTION_DAYS = 90
    source = Source.objects.create(unit=world.unit, name="Trang xã", outlet="Facebook", kind=Kind.SOCIAL,
                                   format=Source.Format.EXPORT)
    marker = "zqxvbmarker"
    # Long enough to spill onto overflow pages, which are what a purge frees.
    message = " ".join(f"{marker}{k} người dân phản ánh cài VNeID bị thu phí" for k in range(400))
    csv = f"Permalink,Publish time,Message,Reach\nhttps://fb.com/x/posts/9,11/20/2025 19:30,{message},500\n"
    services.source_import_export(source=source, content=csv.encode(), filename="trang.csv")
    item = Item.objects.get(kind=Kind.SOCIAL)
    assert item.stage == Item.Stage.INDEXED and marker in item.search_folded
    connection.ensure_connection()
    assert marker.encode() in connection.connection.serialize()
    Item.objects.filter(pk=item.pk).update(discovered_at=timezone.now() - timedelta(days=91))
    assert services.purge_social_text() == 1
    assert marker.encode() not in connection.connection.serialize()
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA secure_delete")
        assert cursor.fetchone()[0] == 2  # back to FAST for everything else
