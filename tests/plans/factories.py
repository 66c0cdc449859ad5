"""Small builders for plan tests and the permission matrix (they go through the services, like users do)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.base import ContentFile

from lantoa.plans import services
from lantoa.plans.models import Activity, Assignment, Plan, PlanReference, Theme
from lantoa.units.models import Unit

START, END = dt.date(2025, 8, 28), dt.date(2025, 12, 31)


def make_plan(unit: Unit, *, number: str = "", issued: bool = False, parent: Plan | None = None,
              title: str = "Kế hoạch tuyên truyền chuyển đổi số", issued_on: dt.date | None = None,
              **fields: Any) -> Plan:
    fields.setdefault("period_start", START)
    fields.setdefault("period_end", END)
    if issued:
        fields.setdefault("issued_on", issued_on or dt.date(2025, 8, 28))
    plan = services.plan_create(unit=unit, by=None, title=title, number=number, **fields)
    if parent is not None:
        services.reference_add(plan=plan, by=None, target=parent, relation=PlanReference.Relation.IMPLEMENTS)
    Theme.objects.create(plan=plan, order=1, text="Tuyên truyền về chuyển đổi số")
    if issued:
        services.plan_issue(plan=plan, by=None, number=number or f"{plan.pk}-KH/TEST",
                            issued_on=issued_on or dt.date(2025, 8, 28))
    plan.refresh_from_db()
    return plan


def owner_draft(w: Any) -> Plan:
    return make_plan(w.unit, title="Dự thảo kế hoạch của xã")


def owner_issued(w: Any) -> Plan:
    return make_plan(w.unit, number="12-KH/UBND", issued=True)


def province_issued(w: Any) -> Plan:
    return make_plan(w.province_unit, number="13/KH-SVHTTDL", issued=True,
                     period_start=dt.date(2025, 7, 1), period_end=dt.date(2025, 12, 31))


def owner_assignment(w: Any) -> Assignment:
    plan = owner_issued(w)
    return Assignment.objects.create(plan=plan, unit=w.unit, role="lead", duties="Đăng tin", start=START, end=END)


def owner_activity(w: Any, *, with_file: bool = True) -> Activity:
    activity = services.activity_record(unit=w.unit, by=None, kind="news", title="Tin bài mẫu",
                                        date=dt.date(2025, 9, 1))
    if with_file:
        activity.file.save("tin-bai.txt", ContentFile(b"noi dung"), save=True)
    return activity


def owner_attachment(w: Any) -> tuple[Plan, int]:
    plan = owner_issued(w)
    att = services.attachment_add(plan=plan, by=None, file=ContentFile(b"%PDF-1.4", name="ban-ky.pdf"),
                                  kind="signed")
    return plan, att.pk
