"""The cascade tree and compliance on a generated province: 100 communes, 60 issued plans, 10 drafts."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from lantoa.areas.models import AdminArea
from lantoa.plans import services
from lantoa.plans.cascade import plan_compliance, plan_tree
from lantoa.plans.models import Plan, PlanReference
from lantoa.units.models import Unit
from tests.plans.factories import make_plan

pytestmark = pytest.mark.django_db
DUE = dt.date(2025, 9, 15)
TODAY = dt.date(2025, 10, 15)


@pytest.fixture
def province(world):
    """The province plan of the world's province unit with 100 communes under it."""
    plan = make_plan(world.province_unit, number="13/KH-SVHTTDL", issued=True, issued_on=dt.date(2025, 8, 15))
    services.expectation_add(plan=plan, by=None, area=world.province, area_level=AdminArea.Level.COMMUNE,
                             unit_kind=Unit.Kind.PEOPLES_COMMITTEE, due_on=DUE)
    areas = AdminArea.objects.bulk_create([
        AdminArea(code=f"9{i:04d}", name=f"Xã Thử {i}", name_folded=f"xa thu {i}", level="commune", kind="xa",
                  parent=world.province, province=world.province) for i in range(100)
    ])
    units = Unit.objects.bulk_create([
        Unit(name=f"UBND xã Thử {i}", name_folded=f"ubnd xa thu {i}", kind=Unit.Kind.PEOPLES_COMMITTEE, area=a)
        for i, a in enumerate(areas)
    ])
    for i, unit in enumerate(units[:70]):
        child = Plan.objects.create(unit=unit, title=f"Kế hoạch xã {i}", period_start=plan.period_start,
                                    period_end=plan.period_end)
        PlanReference.objects.create(plan=child, relation="implements", target=plan)
        services.plan_set_parent(plan=child, parent=plan)
        if i < 60:
            # 40 on time, 20 late by 1..20 days.
            day = DUE - dt.timedelta(days=10) if i < 40 else DUE + dt.timedelta(days=i - 39)
            Plan.objects.filter(pk=child.pk).update(status=Plan.Status.ISSUED, number=f"{i}/KH-UBND", issued_on=day)
    return plan


def test_compliance_numbers(province, world) -> None:
    c = plan_compliance(province, today=TODAY)
    assert (c.expected, c.issued, c.missing, c.percent) == (100, 60, 40, 60.0)
    # 20 issued late + 40 not issued with the deadline 30 days past.
    assert c.late == 60
    assert sum(r.days_late for r in c.rows if r.has_plan) == sum(range(1, 21))
    assert {r.days_late for r in c.missing_rows()} == {30}
    assert c.rows[0].has_plan is False  # the ones to chase come first
    # Restricted to one commune's area (what a dashboard of that area asks).
    one = AdminArea.objects.get(code="90000")
    assert plan_compliance(province, area=one, today=TODAY).percent == 100.0


def test_tree_numbers(province, world) -> None:
    tree = plan_tree(province)
    assert (tree.total, tree.issued) == (70, 60)
    assert tree.by_depth == {1: (70, 60)}
    assert tree.rows[0].pk == province.pk and len(tree.rows) == 71


def test_pages_for_the_supervisor(province, world, django_assert_max_num_queries) -> None:
    client = world.client("supervisor")
    with django_assert_max_num_queries(12):
        response = client.get(reverse("plans:tree", args=[province.pk]))
    body = response.content.decode()
    # The supervisor does not see the ten drafts.
    assert re.search(r'id="tree-total">60<', body) and re.search(r'id="tree-issued">60<', body)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("plans:compliance", args=[province.pk]))
    body = response.content.decode()
    assert 'id="c-issued">60/100<' in body and 'id="c-missing">40<' in body
    assert re.search(r'id="c-percent">60[,.]0%<', body)


def test_query_count_does_not_grow_with_the_tree(province, world, django_assert_max_num_queries) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = world.client("supervisor")
    counts = []
    for _round in range(2):  # 60 then 70 issued plans
        with CaptureQueriesContext(connection) as ctx:
            client.get(reverse("plans:tree", args=[province.pk]))
            client.get(reverse("plans:compliance", args=[province.pk]))
        counts.append(len(ctx.captured_queries))
        for i in range(10):  # ten more plans between the two rounds
            extra = make_plan(Unit.objects.get(name=f"UBND xã Thử {70 + i + 10 * _round}"), parent=province)
            services.plan_issue(plan=extra, by=None, number=f"{i}/KH-UBND", issued_on=TODAY)
    assert counts[0] == counts[1]


def test_sibling_and_outsider_cannot_open_the_cascade(province, world) -> None:
    for who in ("sibling", "outsider"):
        assert world.client(who).get(reverse("plans:tree", args=[province.pk])).status_code == 403
        assert world.client(who).get(reverse("plans:compliance", args=[province.pk])).status_code == 403


def test_reminder_goes_to_units_without_a_plan_once(province, world) -> None:
    from django.contrib.auth import get_user_model
    from django.core import mail

    from lantoa.notifications.models import Notification
    from lantoa.units.models import Membership

    missing = Unit.objects.get(name="UBND xã Thử 80")
    user = get_user_model().objects.create_user("xa80", email="xa80@example.vn", password="x")
    Membership.objects.create(user=user, unit=missing, role=Membership.Role.OFFICER)
    issued = Unit.objects.get(name="UBND xã Thử 5")
    other = get_user_model().objects.create_user("xa5", email="xa5@example.vn", password="x")
    Membership.objects.create(user=other, unit=issued, role=Membership.Role.OFFICER)
    assert services.plan_reminders_send(today=TODAY) == 1  # the only missing unit with officers
    note = Notification.objects.get(user=user)
    assert "chưa ban hành kế hoạch thực hiện" in note.body and "quá hạn 30 ngày" in note.body
    assert not Notification.objects.filter(user=other).exists()
    assert any("xa80@example.vn" in m.to for m in mail.outbox)
    assert services.plan_reminders_send(today=TODAY) == 0  # the same week: nothing again


def test_plans_under_a_hidden_draft_hang_from_a_placeholder(world) -> None:
    from lantoa.plans.access import plans_visible_q
    from lantoa.units.access import scope_for

    central = make_plan(world.central_unit, number="03-KH/BCĐTW", issued=True)
    hidden = make_plan(world.sibling_unit, parent=central, title="Dự thảo của xã bên")
    leaf = make_plan(world.unit, number="8-KH/UBND", issued=True, parent=hidden)
    tree = plan_tree(central, visible_q=plans_visible_q(scope_for(world.users["supervisor"])))
    assert [(n.pk, n.is_hidden, n.depth) for n in tree.rows] == [(central.pk, False, 0), (0, True, 1)]
    assert tree.rows[1].children[0].pk == leaf.pk and tree.rows[1].below_issued == 1
    assert (tree.total, tree.issued) == (1, 1)  # the draft itself is neither counted nor named
