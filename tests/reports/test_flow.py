"""Submit → accept (locked) and submit → return(reason) → resubmit, through the HTTP interface."""

from __future__ import annotations

from decimal import Decimal

from lantoa.reports.models import Report, ReportValue
from tests.reports.factories import VALUES, setup_reports, submit


def _number(report: Report, code: str) -> Decimal | None:
    return ReportValue.objects.get(report=report, indicator__code=code).number


def test_save_draft_then_submit_then_accept_locks_the_data(world):
    s = setup_reports(world)
    owner, supervisor = world.client("owner"), world.client("supervisor")
    page = owner.get(f"/bao-cao/{s.report.pk}/sua/")
    assert page.status_code == 200 and "Số tin, bài" in page.content.decode()
    assert submit(owner, s.report).status_code == 302
    s.report.refresh_from_db()
    assert s.report.status == Report.Status.SUBMITTED and s.report.counted
    assert _number(s.report, "ty_le") == Decimal("90.00")  # ratio computed: 18 / 20
    assert supervisor.post(f"/bao-cao/{s.report.pk}/duyet/").status_code == 302
    s.report.refresh_from_db()
    assert s.report.status == Report.Status.ACCEPTED and s.report.is_locked
    # Locked: the edit page refuses, a forged POST changes nothing, a second decision is refused.
    response = owner.post(f"/bao-cao/{s.report.pk}/sua/", {**{f"v_{k}": v for k, v in VALUES.items()},
                                                          "v_tin_bai": "999", "version": s.report.version,
                                                          "action": "save"}, follow=True)
    assert "đã được duyệt và khoá" in response.content.decode()
    assert _number(s.report, "tin_bai") == 12
    supervisor.post(f"/bao-cao/{s.report.pk}/tra-lai/", {"reason": "Sửa lại"})
    s.report.refresh_from_db()
    assert s.report.status == Report.Status.ACCEPTED


def test_returned_report_is_fixed_and_resubmitted(world):
    s = setup_reports(world)
    owner, supervisor = world.client("owner"), world.client("supervisor")
    submit(owner, s.report)
    # Submitted reports wait for a decision: the unit cannot edit them meanwhile.
    assert "đang chờ duyệt" in submit(owner, s.report, follow=True).content.decode()
    supervisor.post(f"/bao-cao/{s.report.pk}/tra-lai/", {"reason": "Số người dự chưa khớp biên bản"})
    s.report.refresh_from_db()
    assert s.report.status == Report.Status.RETURNED and not s.report.counted
    detail = owner.get(f"/bao-cao/{s.report.pk}/").content.decode()
    assert "Số người dự chưa khớp biên bản" in detail
    submit(owner, s.report, {**VALUES, "nguoi_du": "80"})
    s.report.refresh_from_db()
    assert s.report.status == Report.Status.RESUBMITTED and s.report.counted
    assert _number(s.report, "nguoi_du") == 80
    supervisor.post(f"/bao-cao/{s.report.pk}/duyet/")
    s.report.refresh_from_db()
    assert s.report.status == Report.Status.ACCEPTED
    history = list(s.report.history.order_by("history_date").values_list("status", flat=True))
    assert history[-4:] == ["submitted", "returned", "resubmitted", "accepted"]


def test_return_needs_a_reason(world):
    s = setup_reports(world)
    submit(world.client("owner"), s.report)
    world.client("supervisor").post(f"/bao-cao/{s.report.pk}/tra-lai/", {"reason": "  "})
    s.report.refresh_from_db()
    assert s.report.status == Report.Status.SUBMITTED


def test_visibility_sibling_draft_hidden_province_sees_submitted(world):
    s = setup_reports(world)
    sibling, supervisor, outsider = world.client("sibling"), world.client("supervisor"), world.client("outsider")
    assert sibling.get(f"/bao-cao/{s.report.pk}/").status_code == 404
    assert supervisor.get(f"/bao-cao/{s.report.pk}/").status_code == 404  # a draft is the unit's alone
    submit(world.client("owner"), s.report)
    submit(sibling, s.sibling_report)
    assert supervisor.get(f"/bao-cao/{s.report.pk}/").status_code == 200
    assert sibling.get(f"/bao-cao/{s.report.pk}/").status_code == 404  # siblings never see each other
    assert outsider.get(f"/bao-cao/{s.report.pk}/").status_code == 404
    listing = supervisor.get(f"/bao-cao/danh-sach/?request={s.request.pk}").content.decode()
    assert world.unit.name in listing and world.sibling_unit.name in listing
    own_listing = world.client("owner").get(f"/bao-cao/danh-sach/?request={s.request.pk}&status=all").content.decode()
    assert world.unit.name in own_listing and world.sibling_unit.name not in own_listing


def test_composed_province_report_aggregates_accepted_communes_per_rule(world):
    s = setup_reports(world)
    owner, sibling, supervisor = world.client("owner"), world.client("sibling"), world.client("supervisor")
    submit(owner, s.report, VALUES, narrative={"noi_bat": "Thanh Thủy làm tốt", "kien_nghi": "Cấp loa"})
    submit(sibling, s.sibling_report, {**VALUES, "tin_bai": "8", "cb_quan_triet": "10", "cb_tong": "20",
                                       "ty_le_dvc": "50", "co_ke_hoach": "0"},
           narrative={"noi_bat": "Hoà Bình có mô hình hay", "kien_nghi": ""})
    supervisor.post(f"/bao-cao/{s.report.pk}/duyet/")
    supervisor.post(f"/bao-cao/{s.sibling_report.pk}/duyet/")
    # The province gathers its communes' narratives to edit, then submits with its own numbers.
    gathered = supervisor.get(f"/bao-cao/{s.province_report.pk}/sua/?gather=1").content.decode()
    assert "Thanh Thủy làm tốt" in gathered and "Hoà Bình có mô hình hay" in gathered
    submit(supervisor, s.province_report, {"tin_bai": "5", "cb_quan_triet": "0", "cb_tong": "0"})
    s.province_report.refresh_from_db()
    totals = s.province_report.composed["totals"]
    assert totals["tin_bai"] == ["25.0000", 3]            # 12 + 8 + own 5
    page = supervisor.get(f"/bao-cao/{s.province_report.pk}/").content.decode()
    assert "Tổng hợp (gồm cấp dưới đã duyệt)" in page
    from lantoa.reports.services import composed_values

    values = composed_values(s.province_report, s.province_report.composed)
    assert values["tin_bai"] == 25
    assert values["ty_le"] == Decimal("70.00")           # ratio of sums: 28 / 40
    assert values["ty_le_dvc"] == Decimal("60.00")       # average of the two communes
    assert values["co_ke_hoach"] == 1                    # count of yes
    assert values["mo_hinh"] is None                     # text is not aggregated


def test_composition_ignores_communes_not_yet_accepted(world):
    s = setup_reports(world)
    submit(world.client("owner"), s.report)
    submit(world.client("supervisor"), s.province_report, {"tin_bai": "5"})
    s.province_report.refresh_from_db()
    assert s.province_report.composed["totals"]["tin_bai"] == ["5.0000", 1]
