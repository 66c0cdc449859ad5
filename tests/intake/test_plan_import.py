"""Upload → processing → review beside the source → a draft plan linked to plans already in the system."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lantoa.intake.models import PlanImport
from lantoa.plans.models import Plan, PlanReference
from tests.conftest import World, shared_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "plans"


def upload(world: World, who: str, name: str, data: bytes, capture: object) -> object:
    client = world.client(who)
    with capture(execute=True):  # type: ignore[operator]
        response = client.post("/nhap-van-ban/tai-len/", {
            "unit": world.unit.pk, "file": SimpleUploadedFile(name, data)})
    return response


def test_text_plan_becomes_a_reviewable_draft_and_then_a_plan(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    data = (FIXTURES / "ubnd_tinh_pipe_header.txt").read_bytes()
    response = upload(world, "owner", "ke-hoach.txt", data, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    job = PlanImport.objects.get()
    assert job.status == PlanImport.Status.READY, job.error
    client = world.client("owner")
    page = client.get(f"/nhap-van-ban/{job.pk}/").content.decode()
    assert "125/KH-UBND" in page and "05/03/2026" in page
    assert "Văn bản gốc" in page and "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ" in page

    form = {key: value for key, value in _initial(client, job.pk).items()}
    response = client.post(f"/nhap-van-ban/{job.pk}/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    plan = Plan.objects.get()
    assert plan.status == Plan.Status.DRAFT and plan.unit == world.unit
    assert plan.number == "125/KH-UBND"
    assert plan.references.filter(doc_number="42/2022/NĐ-CP").exists()
    assert plan.themes.filter(parent__isnull=True).count() == len(job.draft["themes"]) > 0
    assert plan.attachments.count() == 1
    job.refresh_from_db()
    assert job.status == PlanImport.Status.SAVED and job.plan == plan
    # A second submit (another tab, a double click) does not create a second plan.
    client.post(f"/nhap-van-ban/{job.pk}/", form)
    assert Plan.objects.count() == 1


def _initial(client: object, pk: int) -> dict[str, str]:
    """The review form exactly as the page renders it (what a user who changes nothing submits)."""
    from lantoa.intake.forms import ReviewForm

    job = PlanImport.objects.get(pk=pk)
    form = ReviewForm(initial=ReviewForm.initial_from_draft(job.draft))
    values = {}
    for field in form:
        value = field.value()
        values[field.name] = value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else (value or "")
    return values


def _review(world: World, name: str, data: bytes, capture: object) -> tuple[Any, PlanImport, dict[str, str]]:
    """Upload as the owner and open the review: (client, import, the form as the page renders it)."""
    upload(world, "owner", name, data, capture)
    job = PlanImport.objects.get()
    client = world.client("owner")
    return client, job, _initial(client, job.pk)


def test_references_link_to_plans_already_in_the_system(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    from lantoa.plans.services import plan_create, plan_issue

    cited = plan_create(unit=world.province_unit, by=None, title="Kế hoạch của tỉnh")
    plan_issue(plan=cited, by=None, number="88/KH-UBND", issued_on=__import__("datetime").date(2026, 1, 15))
    text = (
        "UBND XÃ THANH THUỶ\nSố: 12/KH-UBND\nThanh Thuỷ, ngày 20 tháng 01 năm 2026\n\nKẾ HOẠCH\n"
        "Tuyên truyền chuyển đổi số năm 2026\n\nThực hiện Kế hoạch số 88/KH-UBND ngày 15/01/2026 của UBND tỉnh "
        "về tuyên truyền chuyển đổi số, UBND xã xây dựng Kế hoạch như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n"
        "1. Mục đích\n- Nâng cao nhận thức của người dân về chuyển đổi số.\n\nII. NỘI DUNG TUYÊN TRUYỀN\n"
        "1. Tuyên truyền về dịch vụ công trực tuyến.\n2. Tuyên truyền về phong trào Bình dân học vụ số.\n"
    )
    client, job, form = _review(world, "xa.txt", text.encode(), django_capture_on_commit_callbacks)
    assert client.post(f"/nhap-van-ban/{job.pk}/", form).status_code == 302
    plan = Plan.objects.exclude(pk=cited.pk).get()
    ref = plan.references.get(doc_number="88/KH-UBND")
    assert ref.relation == PlanReference.Relation.IMPLEMENTS and ref.target == cited
    assert plan.parent == cited  # placed in the cascade under the plan it implements


def test_wrong_kind_of_file_is_refused_in_vietnamese_and_nothing_is_stored(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    response = upload(world, "owner", "virus.exe", b"MZ\x90\x00", django_capture_on_commit_callbacks)
    assert response.status_code == 400
    assert "Chỉ nhận tệp .txt, .docx, .pdf" in response.content.decode()
    assert not PlanImport.objects.exists()


def test_corrupt_pdf_fails_with_a_clear_message_and_keeps_the_upload(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    upload(world, "owner", "hong.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 50, django_capture_on_commit_callbacks)
    job = PlanImport.objects.get()
    assert job.status == PlanImport.Status.FAILED
    assert job.error and job.file.size > 0
    body = world.client("owner").get(f"/nhap-van-ban/{job.pk}/").content.decode()
    assert job.error in body


def test_review_errors_name_the_line_and_save_nothing(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    client, job, form = _review(world, "ke-hoach.txt", (FIXTURES / "draft_blank_number.txt").read_bytes(),
                                django_capture_on_commit_callbacks)
    form["phases"] = "Quý I/2026 | 01/01/2026 | 31/03/2026\nQuý II/2026 | 31/02/2026 | 30/06/2026"
    form["assignments"] = "Ban Xây dựng Đảng | lãnh đạo | Tham mưu"
    response = client.post(f"/nhap-van-ban/{job.pk}/", form)
    body = response.content.decode()
    assert response.status_code == 400
    assert "Giai đoạn, dòng 2: ngày “31/02/2026” không hợp lệ" in body
    assert "Phân công, dòng 1: vai trò “lãnh đạo”" in body
    assert not Plan.objects.exists()


def test_blank_number_and_day_come_through_as_blank_and_flagged(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    upload(world, "owner", "du-thao.txt", (FIXTURES / "draft_blank_number.txt").read_bytes(),
           django_capture_on_commit_callbacks)
    job = PlanImport.objects.get()
    assert job.draft["number"] is None and job.draft["issued_on"] is None
    assert job.draft["issued_on_parts"]["month"] == 1
    assert "cần kiểm tra" in world.client("owner").get(f"/nhap-van-ban/{job.pk}/").content.decode()


def test_other_units_never_see_an_import(world: World, django_capture_on_commit_callbacks: object) -> None:
    upload(world, "owner", "ke-hoach.txt", b"KE HOACH\nTuyen truyen", django_capture_on_commit_callbacks)
    job = PlanImport.objects.get()
    for who in ("sibling", "outsider", "supervisor"):
        assert world.client(who).get(f"/nhap-van-ban/{job.pk}/").status_code == 403


@pytest.mark.slow
def test_seed_003_garbled_ocr_imports_through_the_web(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    data = shared_path("seeds", "003_5914ef3477fec97f.txt").read_bytes()
    upload(world, "owner", "003.txt", data, django_capture_on_commit_callbacks)
    job = PlanImport.objects.get()
    assert job.status == PlanImport.Status.READY
    numbers = {r["number"] for r in job.draft["references"]}
    assert {"13/KH-SVHTTDL", "02-KH/BCĐTW", "01-KHHĐ/BCĐ"} <= numbers
    assert len(job.draft["themes"]) == 8


def test_sub_items_of_a_theme_are_kept_as_its_children(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    text = (
        "UBND XÃ THANH THUỶ\nSố: 14/KH-UBND\nThanh Thuỷ, ngày 20 tháng 01 năm 2026\n\nKẾ HOẠCH\n"
        "Tuyên truyền chuyển đổi số năm 2026\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Nâng cao nhận thức.\n\n"
        "II. NỘI DUNG TUYÊN TRUYỀN\n1. Tuyên truyền về dịch vụ công trực tuyến, gồm:\n"
        "- Hướng dẫn nộp hồ sơ trực tuyến;\n- Thanh toán phí, lệ phí không dùng tiền mặt.\n"
        "2. Tuyên truyền về phong trào Bình dân học vụ số.\n"
    )
    client, job, form = _review(world, "xa.txt", text.encode(), django_capture_on_commit_callbacks)
    assert "\n- Hướng dẫn nộp hồ sơ trực tuyến;" in form["themes"]
    assert client.post(f"/nhap-van-ban/{job.pk}/", form).status_code == 302
    first = Plan.objects.get().themes.get(parent__isnull=True, text__startswith="Tuyên truyền về dịch vụ công")
    assert [t.text for t in first.children.order_by("order")] == [
        "Hướng dẫn nộp hồ sơ trực tuyến;", "Thanh toán phí, lệ phí không dùng tiền mặt."]


def test_units_named_on_a_channel_block_become_its_assignments(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    text = (
        "UBND XÃ THANH THUỶ\nSố: 15/KH-UBND\nThanh Thuỷ, ngày 15 tháng 3 năm 2026\n\nKẾ HOẠCH\n"
        "Tuyên truyền chuyển đổi số năm 2026\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức về chuyển đổi số.\n\n"
        "II. HÌNH THỨC TUYÊN TRUYỀN\n1. Tuyên truyền trên hệ thống truyền thanh cơ sở\n"
        "- Thời gian thực hiện: Từ ngày 01/4/2026 đến hết ngày 30/6/2026.\n"
        "- Đơn vị thực hiện: Trung tâm Dịch vụ tổng hợp xã.\n"
        "- Đơn vị phối hợp: Đoàn Thanh niên xã, Hội Phụ nữ xã.\n"
        "2. Tuyên truyền trực quan\n- Đơn vị thực hiện: Văn phòng HĐND và UBND xã.\n"
    )
    client, job, form = _review(world, "xa.txt", text.encode(), django_capture_on_commit_callbacks)
    assert "Trung tâm Dịch vụ tổng hợp xã | Đoàn Thanh niên xã; Hội Phụ nữ xã" in form["channels"]
    # The officer adds a partner to the second block before saving.
    form["channels"] = form["channels"].replace("Văn phòng HĐND và UBND xã", "Văn phòng HĐND và UBND xã | Công an xã")
    assert client.post(f"/nhap-van-ban/{job.pk}/", form).status_code == 302, form["channels"]
    plan = Plan.objects.get()
    radio, visual = plan.channels.order_by("order")
    assert (radio.start, radio.end) == (dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    assert {(a.unit_name, a.role) for a in plan.assignments.filter(channel=radio)} == {
        ("Trung tâm Dịch vụ tổng hợp xã", "lead"), ("Đoàn Thanh niên xã", "coordinating"),
        ("Hội Phụ nữ xã", "coordinating")}
    assert {(a.unit_name, a.role) for a in plan.assignments.filter(channel=visual)} == {
        ("Văn phòng HĐND và UBND xã", "lead"), ("Công an xã", "coordinating")}
