"""Product rule: content, never people. No monitoring page, export or API response carries a personal field."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.urls import reverse

from lantoa.monitoring import services
from lantoa.monitoring.models import Item, Kind, Source, Story
from tests.monitoring.helpers import make_source, make_watch
from tests.monitoring.server import FIXTURES

pytestmark = pytest.mark.django_db

# Names that appear in the fixtures only as feed authors, <meta name="author">, bylines and social handles.
PEOPLE = ["Nguyễn Văn Phóng Viên", "Trần Thị Biên Tập", "Lê Văn Cộng Tác", "Phạm Văn Điều Tra",
          "Nguyễn Thị Người Dùng", "Hoàng Thị Bình Luận", "Đỗ Văn Quản Trị", "nguoi.dung.ca.nhan",
          "phongvien@baophutho.example", "congtac@hanoimoi.example"]
FIELDS = ["author", "handle", "tac_gia", "creator", "byline"]


def _texts_of(response) -> str:
    content_type = response.get("Content-Type", "")
    if "openxmlformats" in content_type:
        with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
            return "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist()
                             if n.endswith(".xml"))
    return response.content.decode("utf-8", "replace")


def test_model_has_no_author_field():
    names = {f.name for f in Item._meta.get_fields()}
    assert not {"author", "authors", "byline", "creator", "handle", "username"} & names


def test_no_page_export_or_api_contains_a_person(world, fixture_server):
    make_watch(world)
    for path in ("feeds/baophutho.rss", "feeds/malformed.rss", "feeds/hanoimoi.atom"):
        services.source_poll_now(source=make_source(world, fixture_server, path))
    social = Source.objects.create(unit=world.unit, name="Trang xã", outlet="Facebook", kind=Kind.SOCIAL,
                                   format=Source.Format.EXPORT)
    for name in ("trang-xa.csv", "trang-phuong.json"):
        services.source_import_export(source=social, content=(FIXTURES / "social" / name).read_bytes(), filename=name)
    story = Story.objects.filter(item_count__gte=2).first()
    case = services.case_open(unit=world.unit, claim="Thu phí cài VNeID", story=story)
    assert Item.objects.filter(kind=Kind.SOCIAL).count() == 5
    hashes = [h for h in Item.objects.values_list("handle_hash", flat=True) if h]
    assert len(hashes) == 5

    client = world.client("owner")
    urls = [reverse("monitoring:index"), reverse("monitoring:search"), reverse("monitoring:search") + "?q=vneid",
            reverse("monitoring:api_items"), reverse("monitoring:api_items") + "?q=vneid&kind=social",
            reverse("monitoring:export_xlsx"), reverse("monitoring:export_docx"), reverse("monitoring:sources"),
            reverse("monitoring:source", args=[social.pk]), reverse("monitoring:watches"),
            reverse("monitoring:cases"), reverse("monitoring:case", args=[case.pk])]
    urls += [reverse("monitoring:item", args=[pk]) for pk in Item.objects.values_list("pk", flat=True)]
    urls += [reverse("monitoring:story", args=[pk]) for pk in Story.objects.values_list("pk", flat=True)]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = _texts_of(response)
        for person in PEOPLE:
            assert person not in text, f"{url} chứa tên người: {person}"
        for value in hashes:
            assert value not in text, f"{url} lộ mã băm tài khoản"
        if url.startswith(reverse("monitoring:api_items")):
            keys = set().union(*(set(i) for i in response.json()["items"])) if response.json()["items"] else set()
            assert not any(field in key for key in keys for field in FIELDS)


def test_stored_items_hold_no_person(world, fixture_server):
    for path in ("feeds/baophutho.rss", "feeds/hanoimoi.atom"):
        services.source_poll_now(source=make_source(world, fixture_server, path))
    for item in Item.objects.all():
        stored = " ".join(str(getattr(item, f.attname)) for f in Item._meta.concrete_fields)
        for person in PEOPLE:
            assert person not in stored, f"{item.url}: {person}"
