"""Activity log, XLSX import (all rows or none), duties board and the content library."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from lantoa.plans import services
from lantoa.plans.models import Activity, Assignment, Plan
from lantoa.plans.xlsx import COLUMNS
from tests.plans.factories import END, START, make_plan, province_issued

pytestmark = pytest.mark.django_db
HEADERS = [c[0] for c in COLUMNS]


def _xlsx(rows: list[list[object]]) -> SimpleUploadedFile:
    wb = Workbook()
    ws = wb.active
    ws.append(HEADERS)
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return SimpleUploadedFile("hoat-dong.xlsx", buf.getvalue())


def _row(**values: object) -> list[object]:
    keys = [c[1] for c in COLUMNS]
    base = {"date": "15/09/2025", "kind": "Tin bài", "title": "Tin bài về chuyển đổi số"}
    base.update(values)
    return [base.get(k) for k in keys]


def test_template_download(world) -> None:
    response = world.client("owner").get(reverse("plans:activity_template"))
    assert response.status_code == 200
    wb = load_workbook(io.BytesIO(response.content))
    assert [c.value for c in wb.worksheets[0][1]] == HEADERS
    assert "Phát trên loa truyền thanh" in [r[0] for r in wb["Danh mục"].iter_rows(values_only=True)]


def test_good_file_is_imported_with_plan_and_themes(world) -> None:
    plan = make_plan(world.unit, number="12-KH/UBND", issued=True)
    services.item_save(plan=plan, by=None, item=plan.themes.model(text="Nội dung thứ hai"))
    upload = _xlsx([
        _row(plan="12-KH/UBND", themes="1;2", views=1200, link="https://thanhthuy.phutho.gov.vn/tin-1"),
        _row(kind="phat tren loa truyen thanh", title="Chuyên mục kỳ 1", minutes="15", is_shared="có"),
        [None] * len(HEADERS),  # blank lines are skipped
        _row(date=dt.datetime(2025, 9, 20), kind="social_post", title="Bài đăng Zalo", shares=30),
    ])
    response = world.client("owner").post(reverse("plans:activity_import"), {"unit": world.unit.pk, "file": upload})
    assert response.status_code == 302
    activities = list(Activity.objects.filter(unit=world.unit).order_by("date", "pk"))
    assert [a.kind for a in activities] == ["news", "loudspeaker", "social_post"]
    assert activities[0].plan == plan and activities[0].themes.count() == 2 and activities[0].views == 1200
    assert activities[1].minutes == 15 and activities[1].is_shared


def test_bad_rows_are_each_reported_and_nothing_is_imported(world) -> None:
    upload = _xlsx([
        _row(),
        _row(date="31/02/2025", title="Ngày sai"),
        _row(kind="Bài hát", views="-3"),
        _row(title="", plan="99-KH/KHONGCO", themes="2"),
        _row(date="15/09/2025", kind="Tin bài", title="Tin bài về chuyển đổi số"),  # same as row 2
        _row(link="thanhthuy.gov.vn", is_shared="có lẽ"),
    ])
    response = world.client("owner").post(reverse("plans:activity_import"), {"unit": world.unit.pk, "file": upload})
    assert response.status_code == 422
    body = response.content.decode()
    for row, message in [
        (3, "“31/02/2025” không phải ngày dạng dd/mm/yyyy."),
        (4, "Loại “Bài hát” không có trong danh mục"),
        (4, "“-3” không phải số nguyên không âm."),
        (5, "Bắt buộc, đang để trống."),
        (5, "Không thấy kế hoạch số “99-KH/KHONGCO”"),
        (6, "Trùng với một dòng phía trên trong tệp."),
        (7, "Đường dẫn phải bắt đầu bằng http:// hoặc https://."),
        (7, "Ghi “có” hoặc “không”."),
    ]:
        assert f'<td class="num">{row}</td>' in body and message in body, (row, message)
    assert "chưa nhập dòng nào" in body
    assert not Activity.objects.exists()


def test_the_same_file_twice_does_not_double_the_log(world) -> None:
    client = world.client("owner")
    client.post(reverse("plans:activity_import"), {"unit": world.unit.pk, "file": _xlsx([_row()])})
    response = client.post(reverse("plans:activity_import"), {"unit": world.unit.pk, "file": _xlsx([_row()])})
    assert response.status_code == 422 and "đã được ghi nhận trước đây" in response.content.decode()
    assert Activity.objects.count() == 1


def test_not_an_xlsx(world) -> None:
    response = world.client("owner").post(reverse("plans:activity_import"), {
        "unit": world.unit.pk, "file": SimpleUploadedFile("hoat-dong.xlsx", b"khong phai excel")})
    assert response.status_code == 422 and "không phải tệp Excel .xlsx hợp lệ" in response.content.decode()


def test_cannot_import_for_another_unit(world) -> None:
    response = world.client("owner").post(reverse("plans:activity_import"),
                                          {"unit": world.sibling_unit.pk, "file": _xlsx([_row()])})
    assert response.status_code == 200 and not Activity.objects.exists()


def test_recording_an_activity_for_a_duty_moves_it_in_progress(world) -> None:
    plan = make_plan(world.unit, number="12-KH/UBND", issued=True)
    duty = Assignment.objects.create(plan=plan, unit=world.unit, duties="Đăng tin", start=START, end=END)
    response = world.client("owner").post(reverse("plans:activity_create"), {
        "unit": world.unit.pk, "plan": plan.pk, "assignment": duty.pk, "kind": "news", "title": "Tin số 1",
        "date": "01/09/2025", "themes": [plan.themes.first().pk], "views": "300"})
    assert response.status_code == 302
    duty.refresh_from_db()
    assert duty.status == Assignment.Status.IN_PROGRESS and duty.activities.get().views == 300


def test_duties_board_mine_and_supervisor(world, django_assert_max_num_queries) -> None:
    province = province_issued(world)
    overdue = Assignment.objects.create(plan=province, unit=world.unit, duties="Báo cáo quý III",
                                        start=dt.date(2025, 7, 1), end=dt.date(2025, 9, 30))
    draft = make_plan(world.province_unit, title="Dự thảo của tỉnh")
    Assignment.objects.create(plan=draft, unit=world.unit, duties="Nhiệm vụ trong dự thảo")
    Assignment.objects.create(plan=province, unit=world.sibling_unit, duties="Nhiệm vụ của xã bên")
    body = world.client("owner").get(reverse("plans:duties")).content.decode()
    assert "Báo cáo quý III" in body and "row-overdue" in body and "Quá hạn" in body
    assert "Nhiệm vụ trong dự thảo" not in body and "Nhiệm vụ của xã bên" not in body
    client = world.client("supervisor")
    with django_assert_max_num_queries(10):
        body = client.get(reverse("plans:duties") + "?pham-vi=cap-duoi").content.decode()
    assert "Báo cáo quý III" in body and "Nhiệm vụ của xã bên" in body and "Nhiệm vụ trong dự thảo" not in body
    # The named unit reports progress; the sibling cannot.
    assert world.client("sibling").post(reverse("plans:assignment_report", args=[overdue.pk]),
                                        {"status": "done"}).status_code == 403
    response = world.client("owner").post(reverse("plans:assignment_report", args=[overdue.pk]),
                                          {"status": "done", "evidence": "Đã đăng 5 tin"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "Đã hoàn thành" in response.content.decode()
    overdue.refresh_from_db()
    assert overdue.status == "done" and overdue.evidence == "Đã đăng 5 tin" and not overdue.is_overdue


def test_content_library_flows_down_not_sideways(world) -> None:
    central = services.activity_record(unit=world.central_unit, by=None, kind="infographic", date=dt.date(2025, 8, 5),
                                       title="Infographic dịch vụ công", is_shared=True)
    services.activity_record(unit=world.central_unit, by=None, kind="news", date=dt.date(2025, 8, 5),
                             title="Tin nội bộ trung ương")
    services.activity_record(unit=world.sibling_unit, by=None, kind="news", date=dt.date(2025, 8, 5),
                             title="Tài liệu của xã bên", is_shared=True)
    body = world.client("owner").get(reverse("plans:library")).content.decode()
    assert "Infographic dịch vụ công" in body
    assert "Tin nội bộ trung ương" not in body and "Tài liệu của xã bên" not in body
    assert world.client("owner").get(reverse("plans:activity", args=[central.pk])).status_code == 200
    # The supervisor's library also holds what the communes below it shared.
    assert "Tài liệu của xã bên" in world.client("supervisor").get(reverse("plans:library")).content.decode()


def test_plan_list_shows_what_the_user_may_read(world) -> None:
    make_plan(world.unit, title="Dự thảo của tôi")
    make_plan(world.sibling_unit, title="Dự thảo của xã bên")
    make_plan(world.sibling_unit, number="3-KH/UBND", issued=True, title="Kế hoạch đã ban hành của xã bên")
    province_issued(world)
    body = world.client("owner").get(reverse("plans:index")).content.decode()
    assert "Dự thảo của tôi" in body and "13/KH-SVHTTDL" in body
    assert "Dự thảo của xã bên" not in body and "Kế hoạch đã ban hành của xã bên" not in body
    # Tone-insensitive search on the issuer: the supervisor finds the sibling's issued plan, no drafts.
    body = world.client("supervisor").get(reverse("plans:index") + "?q=hoa binh").content.decode()
    assert "Kế hoạch đã ban hành của xã bên" in body and "Dự thảo của" not in body
    assert Plan.objects.count() == 4
