"""Opening requests through the page: expected units by rule, ad hoc deadline, periodic schedule."""

from __future__ import annotations

from django.utils import timezone

from lantoa.reports.models import Report, ReportRequest, ReportSchedule
from tests.reports.factories import make_form


def _data(world, form, **extra):
    data = {"issuer": world.province_unit.pk, "form": form.pk, "title": "Báo cáo đột xuất về Bình dân học vụ số",
            "kind": "adhoc", "frequency": "", "period_start": "01/03/2026", "period_end": "15/03/2026",
            "days_after_period": "3", "deadline": "17:00 20/03/2026", "target_level": "commune"}
    data.update(extra)
    return data


def test_ad_hoc_request_expects_every_commune_unit_of_the_province(world):
    form = make_form(world)
    response = world.client("supervisor").post("/bao-cao/yeu-cau/moi/", _data(world, form))
    assert response.status_code == 302
    req = ReportRequest.objects.get()
    assert req.kind == "adhoc" and timezone.localtime(req.deadline).strftime("%H:%M %d/%m/%Y") == "17:00 20/03/2026"
    assert set(req.reports.values_list("unit_id", flat=True)) == {world.unit.pk, world.sibling_unit.pk}
    assert Report.objects.filter(request=req, status="draft").count() == 2
    # The commune officer sees it on the reporting home page.
    assert req.title in world.client("owner").get("/bao-cao/").content.decode()


def test_ad_hoc_needs_a_deadline_and_periodic_a_frequency(world):
    form = make_form(world)
    client = world.client("supervisor")
    response = client.post("/bao-cao/yeu-cau/moi/", _data(world, form, deadline=""))
    assert response.status_code == 200 and "cần hạn nộp" in response.content.decode()
    response = client.post("/bao-cao/yeu-cau/moi/", _data(world, form, kind="periodic"))
    assert "cần chọn chu kỳ" in response.content.decode()
    response = client.post("/bao-cao/yeu-cau/moi/", _data(world, form, period_end="01/02/2026"))
    assert "phải sau ngày bắt đầu" in response.content.decode()
    assert not ReportRequest.objects.exists()


def test_periodic_request_with_repeat_creates_a_schedule_and_kind_filter(world):
    form = make_form(world)
    response = world.client("supervisor").post("/bao-cao/yeu-cau/moi/", _data(
        world, form, kind="periodic", frequency="monthly", repeat="on", period_end="31/03/2026", deadline="",
        target_level="all", target_kinds=["department"]))
    assert response.status_code == 302
    req = ReportRequest.objects.get()
    assert ReportSchedule.objects.get().frequency == "monthly" and req.schedule is not None
    # Departments at every level of the province: the province department and both commune departments.
    assert req.reports.count() == 3
    assert timezone.localtime(req.deadline).strftime("%H:%M %d/%m/%Y") == "23:59 03/04/2026"


def test_only_approvers_open_requests(world):
    assert world.client("owner").get("/bao-cao/yeu-cau/moi/").status_code == 403
