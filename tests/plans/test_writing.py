"""Writing plans through the pages: implementing plan, edits, bad input, concurrent edits, issuing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from lantoa.plans import services
from lantoa.plans.models import Assignment, Phase, Plan, PlanReference, Theme
from tests.plans.factories import make_plan, province_issued

pytestmark = pytest.mark.django_db


def _header(plan: Plan, **changes: object) -> dict[str, object]:
    data = {
        "issuer_parent": plan.issuer_parent, "doc_type": plan.doc_type, "number": plan.number, "place": plan.place,
        "issued_on": plan.issued_on.strftime("%d/%m/%Y") if plan.issued_on else "", "title": plan.title,
        "period_start": plan.period_start.strftime("%d/%m/%Y") if plan.period_start else "",
        "period_end": plan.period_end.strftime("%d/%m/%Y") if plan.period_end else "",
        "preamble": "", "purpose": plan.purpose, "requirements": plan.requirements, "organisation": "",
        "signer_capacity": "", "signer_title": "", "signer_name": "", "visibility": plan.visibility,
        "version": plan.version,
    }
    data.update(changes)
    return data


def test_commune_officer_implements_the_province_plan_and_edits_it(world) -> None:
    parent = province_issued(world)
    Theme.objects.create(plan=parent, order=2, text="Nội dung thứ hai")
    Phase.objects.create(plan=parent, order=1, name="Quý III/2025", start=dt.date(2025, 7, 1),
                         end=dt.date(2025, 9, 30))
    client = world.client("owner")
    response = client.post(reverse("plans:implement", args=[parent.pk]),
                           {"unit": world.unit.pk, "title": "Kế hoạch tuyên truyền của xã Thanh Thủy"})
    plan = Plan.objects.get(unit=world.unit)
    assert response.status_code == 302 and response["Location"] == reverse("plans:edit", args=[plan.pk])
    assert plan.parent_id == parent.pk and plan.is_draft
    assert plan.references.get().relation == PlanReference.Relation.IMPLEMENTS
    assert [t.derived_from_id for t in plan.themes.all()] == [t.pk for t in parent.themes.all()]
    assert plan.phases.get().derived_from.plan_id == parent.pk

    before = plan.version
    response = client.post(reverse("plans:edit", args=[plan.pk]), _header(plan, title="Kế hoạch đã sửa"))
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.title == "Kế hoạch đã sửa" and plan.version == before + 1

    # Inline add through htmx returns the section with the new item and the new version out of band.
    response = client.post(reverse("plans:item_add", args=[plan.pk, "theme"]), {"text": "Nội dung riêng của xã"},
                           HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Nội dung riêng của xã" in body and 'hx-swap-oob="true"' in body
    last = plan.themes.order_by("-order").first()
    client.post(reverse("plans:item_move", args=[plan.pk, "theme", last.pk]), {"direction": "up"})
    assert list(plan.themes.order_by("order").values_list("text", flat=True))[1] == "Nội dung riêng của xã"


def test_commune_officer_cannot_edit_the_province_plan(world) -> None:
    parent = province_issued(world)
    client = world.client("owner")
    assert client.get(reverse("plans:detail", args=[parent.pk])).status_code == 200
    assert client.get(reverse("plans:edit", args=[parent.pk])).status_code == 403
    response = client.post(reverse("plans:edit", args=[parent.pk]), _header(parent, title="Sửa trái phép"))
    assert response.status_code == 403
    response = client.post(reverse("plans:item_add", args=[parent.pk, "theme"]), {"text": "x"})
    assert response.status_code == 403
    parent.refresh_from_db()
    assert parent.title != "Sửa trái phép" and parent.themes.count() == 1


def test_duplicate_number_for_same_issuer_and_year_is_refused(world) -> None:
    make_plan(world.unit, number="12-KH/UBND", issued=True, issued_on=dt.date(2025, 8, 28))
    client = world.client("owner")
    response = client.post(reverse("plans:create"), {
        "unit": world.unit.pk, "doc_type": "ke_hoach", "number": "12-kh/ubnd", "title": "Kế hoạch khác",
        "issued_on": "01/10/2025", "visibility": "internal"})
    assert response.status_code == 200
    assert "đã được Phòng Văn hoá - Xã hội xã Thanh Thủy dùng cho một kế hoạch khác năm 2025" in \
        response.content.decode()
    assert "Constraint" not in response.content.decode()
    assert Plan.objects.filter(unit=world.unit).count() == 1
    # Another year, or another issuer, may reuse the number.
    make_plan(world.unit, number="12-KH/UBND", issued=True, issued_on=dt.date(2026, 1, 5))
    make_plan(world.sibling_unit, number="12-KH/UBND", issued=True)


def test_cycle_in_implements_is_refused(world) -> None:
    top = province_issued(world)
    mid = make_plan(world.province_unit, number="14/KH-SVHTTDL", issued=True, parent=top)
    leaf = make_plan(world.unit, number="5-KH/UBND", issued=True, parent=mid)
    client = world.client("supervisor")  # approver of the province unit may edit the province plan
    response = client.post(reverse("plans:item_add", args=[top.pk, "reference"]),
                           {"relation": "implements", "target": mid.pk, "doc_kind": "Kế hoạch"})
    assert response.status_code == 200
    assert "vòng lặp" in response.content.decode()
    assert not top.references.exists()
    for target in (top, leaf):  # itself, or a plan two steps below
        with pytest.raises(services.ValidationError):
            services.reference_add(plan=top, by=None, target=target, relation="implements")
    assert not top.references.exists() and top.parent is None


def test_phase_ending_before_it_starts_is_refused(world) -> None:
    plan = make_plan(world.unit)
    response = world.client("owner").post(reverse("plans:item_add", args=[plan.pk, "phase"]), {
        "name": "Giai đoạn 1", "start": "30/09/2025", "end": "01/09/2025"})
    assert response.status_code == 200
    assert "Giai đoạn kết thúc ngày 01/09/2025, trước ngày bắt đầu 30/09/2025." in response.content.decode()
    assert not Phase.objects.filter(plan=plan).exists()


def test_assignment_window_outside_the_plan_period_is_refused(world) -> None:
    plan = make_plan(world.unit)  # 28/08/2025 – 31/12/2025
    response = world.client("owner").post(reverse("plans:item_add", args=[plan.pk, "assignment"]), {
        "unit": world.unit.pk, "role": "lead", "duties": "Tuyên truyền", "start": "01/09/2025",
        "end": "15/01/2026"})
    assert response.status_code == 200
    assert "nằm ngoài thời gian của kế hoạch (28/08/2025 – 31/12/2025)" in response.content.decode()
    assert not Assignment.objects.filter(plan=plan).exists()


def test_concurrent_edit_is_detected_not_overwritten(world) -> None:
    plan = make_plan(world.unit)
    opened_version = plan.version
    services.plan_update(plan=plan, by=None, version=opened_version, title="Sửa bởi đồng nghiệp")
    response = world.client("owner").post(reverse("plans:edit", args=[plan.pk]),
                                          _header(plan, title="Sửa của tôi", version=opened_version))
    assert response.status_code == 200
    assert "vừa được người khác sửa" in response.content.decode()
    plan.refresh_from_db()
    assert plan.title == "Sửa bởi đồng nghiệp"


def test_issue_needs_number_and_date_then_shows_to_the_supervisor(world) -> None:
    plan = make_plan(world.unit)
    owner, supervisor = world.client("owner"), world.client("supervisor")
    assert supervisor.get(reverse("plans:detail", args=[plan.pk])).status_code == 404
    owner.post(reverse("plans:issue", args=[plan.pk]), {"number": "", "issued_on": ""})
    plan.refresh_from_db()
    assert plan.is_draft
    owner.post(reverse("plans:issue", args=[plan.pk]), {"number": "7-KH/UBND", "issued_on": "05/09/2025"})
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ISSUED and plan.issued_on == dt.date(2025, 9, 5)
    assert supervisor.get(reverse("plans:detail", args=[plan.pk])).status_code == 200
    assert world.client("sibling").get(reverse("plans:detail", args=[plan.pk])).status_code == 403


def test_external_reference_is_linked_when_the_cited_plan_is_entered(world) -> None:
    commune = make_plan(world.unit)
    services.reference_add(plan=commune, by=None, relation="implements", doc_kind="Kế hoạch",
                           doc_number="13/KH-SVHTTDL", doc_date=dt.date(2025, 8, 15))
    assert commune.references.get().target is None
    province = make_plan(world.province_unit, number="13/KH-SVHTTDL", issued=True, issued_on=dt.date(2025, 8, 15))
    commune.refresh_from_db()
    assert commune.references.get().target_id == province.pk
    assert commune.parent_id == province.pk and commune.path == f"{province.pk}/{commune.pk}/"


def test_document_and_editor_pages_read_in_constant_queries(world, django_assert_max_num_queries) -> None:
    from lantoa.plans.models import Channel, Recipient, Target

    plan = make_plan(world.unit, number="12-KH/UBND", issued=True)
    top = plan.themes.first()
    for i in range(25):
        Theme.objects.create(plan=plan, order=i + 2, text=f"Nội dung {i}", parent=top if i % 2 else None)
        channel = Channel.objects.create(plan=plan, order=i, name=f"Kênh {i}")
        Assignment.objects.create(plan=plan, unit=world.unit, channel=channel)
        Assignment.objects.create(plan=plan, unit=world.sibling_unit, duties=f"Nhiệm vụ {i}")
        Target.objects.create(plan=plan, order=i, text=f"Chỉ tiêu {i}")
        Recipient.objects.create(plan=plan, order=i, name=f"Nơi nhận {i}")
    client = world.client("owner")
    with django_assert_max_num_queries(18):
        assert client.get(reverse("plans:detail", args=[plan.pk])).status_code == 200
    with django_assert_max_num_queries(18):
        assert client.get(reverse("plans:edit", args=[plan.pk])).status_code == 200
