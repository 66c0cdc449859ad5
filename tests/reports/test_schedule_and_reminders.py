"""Periodic requests opened by the scheduler; reminders before the deadline and when overdue."""

from __future__ import annotations

import datetime as dt

from django.core import mail
from django.utils import timezone

from lantoa.notifications.models import Notification
from lantoa.reports.models import ReportRequest, ReportSchedule
from lantoa.reports.services import period_bounds, reports_send_reminders, schedules_open_due
from tests.reports.factories import make_form, setup_reports, submit


def test_period_bounds():
    day = dt.date(2026, 8, 17)
    assert period_bounds("monthly", day) == (dt.date(2026, 8, 1), dt.date(2026, 8, 31))
    assert period_bounds("quarterly", day) == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    assert period_bounds("six_monthly", day) == (dt.date(2026, 7, 1), dt.date(2026, 12, 31))
    assert period_bounds("yearly", day) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def test_scheduler_opens_each_period_once(world):
    form = make_form(world)
    ReportSchedule.objects.create(title="Báo cáo quý", form=form, issuer=world.province_unit, frequency="quarterly",
                                  days_after_period=10, target_area=world.province, target_level="commune")
    opened = schedules_open_due(today=dt.date(2026, 5, 3))
    assert len(opened) == 1
    req = opened[0]
    assert req.title == "Báo cáo quý quý 2/2026"
    assert (req.period_start, req.period_end) == (dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    assert timezone.localtime(req.deadline).strftime("%H:%M %d/%m/%Y") == "23:59 10/07/2026"
    assert req.reports.count() == 2  # the two commune units
    assert schedules_open_due(today=dt.date(2026, 5, 20)) == []
    assert len(schedules_open_due(today=dt.date(2026, 7, 1))) == 1


def test_periodic_task_runs_through_the_task_layer(world):
    from lantoa.reports.tasks import reports_open_periodic

    form = make_form(world)
    ReportSchedule.objects.create(title="Báo cáo tháng", form=form, issuer=world.province_unit,
                                  frequency="monthly", target_area=world.province, target_level="commune")
    reports_open_periodic.call_local()
    assert ReportRequest.objects.filter(schedule__isnull=False).count() == 1


def test_reminders_before_deadline_and_when_overdue_once_each(world):
    now = timezone.now()
    s = setup_reports(world, deadline=now + dt.timedelta(days=2))
    submit(world.client("sibling"), s.sibling_report)
    mail.outbox.clear()
    assert reports_send_reminders(now=now) == 2  # owner's commune unit and the province unit
    owner_notes = Notification.objects.filter(user=world.users["owner"], kind="report_reminder")
    assert owner_notes.count() == 1 and "Sắp đến hạn" in owner_notes[0].title
    assert not Notification.objects.filter(user=world.users["sibling"], kind="report_reminder").exists()
    assert any("Sắp đến hạn" in m.subject for m in mail.outbox)
    assert reports_send_reminders(now=now) == 0
    later = now + dt.timedelta(days=3)
    assert reports_send_reminders(now=later) == 2
    assert Notification.objects.filter(user=world.users["owner"], kind="report_overdue").count() == 1
    assert reports_send_reminders(now=later) == 0
