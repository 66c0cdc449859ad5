from __future__ import annotations

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from lantoa.areas.models import AdminArea
from lantoa.areas.services import AreaImportError, areas_import_csv, areas_load_official
from tests.conftest import shared_path


@pytest.mark.django_db
def test_load_official_list_gives_34_provinces_and_3321_communes_and_is_idempotent() -> None:
    first = areas_load_official()
    assert AdminArea.objects.provinces().count() == 34
    assert AdminArea.objects.communes().count() == 3321
    assert first.created == 34 + 3321
    second = areas_load_official()
    assert (second.created, second.updated) == (0, 0)
    thanh_thuy = AdminArea.objects.get(code="08674")
    assert thanh_thuy.parent.name == "Phú Thọ"
    assert thanh_thuy.province_id == thanh_thuy.parent_id


@pytest.mark.django_db
def test_official_gso_list_in_shared_data_matches_the_bundled_list() -> None:
    path = shared_path("data", "dvhcvn_20250701", "gso_1027_communes.csv")
    areas_load_official()
    text = path.read_text(encoding="utf-8")
    result = areas_import_csv(text=text, retire_missing=True)
    # The GSO list carries "<br>" from its PDF origin and "Tp" abbreviations; both must import cleanly.
    assert result.lines == 3321
    # The package and GSO 1027/CTK-CSCL give 113 communes different codes: the official code wins and the
    # package's row is retired, not deleted, so anything linked to it keeps its area.
    assert result.created == result.retired == 113
    current = AdminArea.objects.communes().current()
    assert current.count() == 3321
    assert set(current.values_list("code", flat=True)) == {
        row["commune_code"].zfill(5) for row in csv.DictReader(io.StringIO(text))
    }


def _provinces() -> None:
    areas_load_official()


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["code", "name", "province"])
    writer.writerows(rows)
    return buffer.getvalue()


@pytest.mark.django_db
def test_import_renames_an_area_and_keeps_its_history() -> None:
    _provinces()
    areas_import_csv(text=_csv([["08674", "Xã Thanh Thủy Mới", "Phú Thọ"]]))
    area = AdminArea.objects.get(code="08674")
    assert area.name == "Xã Thanh Thủy Mới"
    assert [h.name for h in area.history.order_by("history_date")][-2:] == ["Xã Thanh Thuỷ", "Xã Thanh Thủy Mới"]


@pytest.mark.django_db
def test_import_with_unknown_province_and_duplicate_code_names_each_line_and_changes_nothing() -> None:
    _provinces()
    before = list(AdminArea.objects.order_by("code").values_list("code", "name"))
    text = _csv([
        ["08674", "Xã Đổi Tên", "Phú Thọ"],
        ["99999", "Xã Ma", "Tỉnh Không Có"],
        ["08674", "Xã Trùng", "Phú Thọ"],
        ["12AB", "Xã Sai Mã", "Phú Thọ"],
    ])
    with pytest.raises(AreaImportError) as excinfo:
        areas_import_csv(text=text)
    errors = excinfo.value.errors
    assert any(e.startswith("Dòng 3:") and "Tỉnh Không Có" in e for e in errors)
    assert any(e.startswith("Dòng 4:") and "trùng với dòng 2" in e for e in errors)
    assert any(e.startswith("Dòng 5:") and "không hợp lệ" in e for e in errors)
    assert list(AdminArea.objects.order_by("code").values_list("code", "name")) == before


@pytest.mark.django_db
def test_import_command_reports_vietnamese_errors(tmp_path: object) -> None:
    _provinces()
    bad = tmp_path / "sai.csv"  # type: ignore[operator]
    bad.write_text("ma,ten\n1,Xã A\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="cơ sở dữ liệu không thay đổi"):
        call_command("import_areas", str(bad), stderr=err)
    assert "thiếu cột tỉnh" in err.getvalue()


@pytest.mark.django_db
def test_retire_missing_closes_communes_absent_from_the_list() -> None:
    _provinces()
    keep = AdminArea.objects.communes().order_by("code")[:3]
    rows = [[a.code, a.name, a.parent.name] for a in keep]
    result = areas_import_csv(text=_csv(rows), retire_missing=True)
    assert result.retired == 3321 - 3
    assert AdminArea.objects.communes().current().count() == 3
