"""The pages through HTTP: forms call services, access stays within the unit."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lantoa.monitoring.models import Case, Item, Source, Story, Watch
from tests.monitoring.helpers import make_item, make_watch, manual_source
from tests.monitoring.server import FIXTURES

pytestmark = pytest.mark.django_db


def test_create_source_and_refuse_private_address(world):
    client = world.client("owner")
    data = {"unit": world.unit.pk, "name": "Báo Phú Thọ", "outlet": "Báo Phú Thọ", "kind": "press",
            "format": "feed", "url": "http://10.0.0.1/rss", "poll_minutes": 60, "is_active": "on"}
    response = client.post(reverse("monitoring:source_new"), data)
    assert response.status_code == 200 and "SSRF" in response.content.decode()
    data["url"] = "https://baophutho.vn/rss/chuyen-doi-so.rss"
    response = client.post(reverse("monitoring:source_new"), data)
    source = Source.objects.get()
    assert response.status_code == 302 and source.unit == world.unit
    # The sibling cannot create a source for the owner's unit.
    data["name"] = "Lấn quyền"
    response = world.client("sibling").post(reverse("monitoring:source_new"), data)
    assert response.status_code == 200 and Source.objects.count() == 1


def test_supervisor_sees_but_cannot_edit(world):
    source = manual_source(world)
    client = world.client("supervisor")
    page = client.get(reverse("monitoring:source", args=[source.pk]))
    assert page.status_code == 200 and "Sửa nguồn" not in page.content.decode()
    assert client.post(reverse("monitoring:source", args=[source.pk]), {"name": "x"}).status_code == 403


def test_import_export_file_and_manual_item(world):
    source = Source.objects.create(unit=world.unit, name="Trang xã", outlet="Facebook", kind="social",
                                   format=Source.Format.EXPORT)
    client = world.client("owner")
    upload = SimpleUploadedFile("trang-xa.csv", (FIXTURES / "social" / "trang-xa.csv").read_bytes())
    response = client.post(reverse("monitoring:source_import", args=[source.pk]), {"file": upload}, follow=True)
    assert "Đã nhập 3 bài mới" in response.content.decode()
    bad = SimpleUploadedFile("x.json", b"{khong phai json")
    response = client.post(reverse("monitoring:source_import", args=[source.pk]), {"file": bad}, follow=True)
    assert "không đọc được" in response.content.decode()
    manual = manual_source(world)
    response = client.post(reverse("monitoring:item_new", args=[manual.pk]), {
        "url": "https://baophutho.vn/bai/1.html", "title": "Tin nhập tay về VNeID",
        "text": "Người dân phản ánh về VNeID.", "note": "Cán bộ xã phát hiện"})
    item = Item.objects.get(url="https://baophutho.vn/bai/1.html")
    assert response.status_code == 302 and item.note == "Cán bộ xã phát hiện" and item.stage == Item.Stage.INDEXED


def test_watch_from_search_and_dashboard(world):
    source = manual_source(world)
    make_item(source, "Xã Thanh Thủy đẩy mạnh chuyển đổi số", "Hướng dẫn cài VNeID cho người dân.")
    client = world.client("owner")
    page = client.get(reverse("monitoring:search"), {"q": "chuyen doi so"})
    text = page.content.decode()
    assert "<mark>chuyển đổi số</mark>" in text and "Lưu thành chủ đề theo dõi" in text
    assert client.get(reverse("monitoring:search"), {"q": '("a'}).status_code == 200  # error shown, no crash
    form = client.get(reverse("monitoring:watch_new"), {"q": "chuyen doi so"})
    assert "chuyen doi so" in form.content.decode()
    response = client.post(reverse("monitoring:watch_new"), {
        "unit": world.unit.pk, "name": "Chuyển đổi số", "query": "chuyen doi so", "spike_threshold": 3,
        "is_theme": "on", "notify": "on", "is_active": "on"})
    watch = Watch.objects.get()
    assert response.status_code == 302
    make_item(source, "Chuyển đổi số ở phường Vĩnh Tuy", "Phường Vĩnh Tuy ra mắt mô hình chuyển đổi số.")
    assert watch.matches.count() == 1
    dashboard = client.get(reverse("monitoring:index")).content.decode()
    assert "<svg" in dashboard and "Chuyển đổi số" in dashboard and "<script" not in dashboard.split("</header>")[1]
    bad = client.post(reverse("monitoring:watch_new"), {"unit": world.unit.pk, "name": "x", "query": "(a",
                                                        "spike_threshold": 3})
    assert "Truy vấn chưa đúng" in bad.content.decode()


def test_case_pages(world):
    source = manual_source(world)
    item = make_item(source, "Tin đồn thu phí cài VNeID", "Thông tin sai sự thật, lừa đảo thu phí.")
    story = Story.objects.get(pk=item.story_id)
    client = world.client("owner")
    response = client.post(reverse("monitoring:case_new", args=[story.pk]), {
        "unit": world.unit.pk, "claim": "Phải nộp phí cài VNeID", "query": ""})
    case = Case.objects.get()
    assert response.status_code == 302 and list(case.items.all()) == [item]
    url = reverse("monitoring:case_transition", args=[case.pk])
    client.post(url, {"status": "verifying"})
    response = client.post(url, {"status": "answered"}, follow=True)
    assert "Cần đường dẫn" in response.content.decode()
    client.post(url, {"status": "answered", "answer_url": "https://thanhthuy.phutho.gov.vn/dinh-chinh"})
    case.refresh_from_db()
    assert case.status == "answered" and case.answered_at
    assert world.client("supervisor").post(url, {"status": "closed"}).status_code == 403
    assert world.client("sibling").get(reverse("monitoring:case", args=[case.pk])).status_code == 403


def test_exports(world):
    make_watch(world, name="VNeID", query="vneid")
    make_item(manual_source(world), "Hướng dẫn cài VNeID", "Cài VNeID tại xã Thanh Thủy.")
    client = world.client("owner")
    xlsx = client.get(reverse("monitoring:export_xlsx"))
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK" and "attachment" in xlsx["Content-Disposition"]
    docx = client.get(reverse("monitoring:export_docx"))
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(xlsx.content))
    assert "Theo chủ đề" in book.sheetnames and book["Theo chủ đề"]["A2"].value == "VNeID"


def test_sibling_lists_show_only_their_records(world):
    manual_source(world)
    make_watch(world)
    client = world.client("sibling")
    assert "Nhập tay" not in client.get(reverse("monitoring:sources")).content.decode()
    assert "Chuyển đổi số" not in client.get(reverse("monitoring:watches")).content.decode()


@pytest.mark.slow  # loads the text core's repair model
def test_did_you_mean_repairs_garbled_query(world):
    pytest.importorskip("lantoa.lib.vn")
    make_item(manual_source(world), "Xã Thanh Thủy đẩy mạnh chuyển đổi số", "Hướng dẫn cài VNeID.")
    page = world.client("owner").get(reverse("monitoring:search"), {"q": '"chuyén dbi s6"'}).content.decode()
    assert "Có phải bạn muốn tìm" in page and "chuyển đổi số" in page


def test_watch_linked_to_plan_theme_takes_its_text(world):
    plans = pytest.importorskip("lantoa.plans.models")
    plan = plans.Plan.objects.create(unit=world.unit, title="Kế hoạch tuyên truyền chuyển đổi số năm 2025")
    theme = plans.Theme.objects.create(plan=plan, text="Tuyên truyền về dịch vụ công trực tuyến và VNeID")
    client = world.client("owner")
    form = client.get(reverse("monitoring:watch_new")).content.decode()
    assert "Tuyên truyền về dịch vụ công trực tuyến" in form
    client.post(reverse("monitoring:watch_new"), {"unit": world.unit.pk, "name": "DVC", "query": "",
                                                  "plan_theme": theme.pk, "spike_threshold": 3, "is_active": "on"})
    watch = Watch.objects.get()
    assert watch.plan_theme == theme and watch.description == theme.text
