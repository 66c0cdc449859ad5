"""Writes to the administrative-area table: the bundled official list and GSO CSV imports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from lantoa.areas.models import AdminArea, national_area
from lantoa.lib.text import fold

# The 2025 reorganisation took effect on this day; areas loaded from the current list start here.
REORGANISATION_DATE = dt.date(2025, 7, 1)

MAX_REPORTED_ERRORS = 100

_PROVINCE_KIND = {"tỉnh": AdminArea.Kind.PROVINCE, "thành phố trung ương": AdminArea.Kind.CITY}
_COMMUNE_KIND = {"xã": AdminArea.Kind.COMMUNE, "phường": AdminArea.Kind.WARD, "đặc khu": AdminArea.Kind.SPECIAL_ZONE}


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def _upsert(
    *, code: str, name: str, level: str, kind: str, parent: AdminArea | None, valid_from: dt.date | None,
    result: LoadResult, existing: dict[str, AdminArea],
) -> AdminArea:
    area = existing.get(code)
    if area is None:
        area = AdminArea(code=code, name=name, level=level, kind=kind, parent=parent, valid_from=valid_from)
        area.save()
        existing[code] = area
        result.created += 1
        return area
    changed = (area.name, area.kind, area.parent_id, area.valid_to) != (
        name, kind, parent.pk if parent else None, None,
    )
    if changed:
        area.name, area.kind, area.parent, area.valid_to = name, kind, parent, None
        area.save()
        result.updated += 1
    else:
        result.unchanged += 1
    return area


@transaction.atomic
def areas_load_official() -> LoadResult:
    """Load the 34 provinces and 3,321 communes shipped by the `vietnam-provinces` package.

    Idempotent: a second run changes nothing and reports every row as unchanged.
    """
    from vietnam_provinces import Province, Ward

    result = LoadResult()
    nation = national_area()
    existing = {a.code: a for a in AdminArea.objects.all()}
    provinces: dict[int, AdminArea] = {}
    for province in sorted(Province.iter_all(), key=lambda p: int(p.code)):
        provinces[int(province.code)] = _upsert(
            code=f"{int(province.code):02d}", name=province.name, level=AdminArea.Level.PROVINCE,
            kind=_PROVINCE_KIND.get(province.division_type.value, AdminArea.Kind.PROVINCE),
            parent=nation, valid_from=REORGANISATION_DATE, result=result, existing=existing,
        )
    wards = sorted(Ward.iter_all(), key=lambda w: int(w.code))
    if not any(a.level == AdminArea.Level.COMMUNE for a in existing.values()):
        # First load: one bulk insert (with history rows) instead of 3,321 saves.
        bulk_create_with_history(
            [
                AdminArea(
                    code=f"{int(w.code):05d}", name=w.name, name_folded=fold(w.name), level=AdminArea.Level.COMMUNE,
                    kind=_COMMUNE_KIND.get(w.division_type.value, AdminArea.Kind.COMMUNE),
                    parent=provinces[int(w.province_code)], province=provinces[int(w.province_code)],
                    valid_from=REORGANISATION_DATE,
                )
                for w in wards
            ],
            AdminArea,
            batch_size=1000,
        )
        result.created += len(wards)
        return result
    for ward in wards:
        _upsert(
            code=f"{int(ward.code):05d}", name=ward.name, level=AdminArea.Level.COMMUNE,
            kind=_COMMUNE_KIND.get(ward.division_type.value, AdminArea.Kind.COMMUNE),
            parent=provinces[int(ward.province_code)], valid_from=REORGANISATION_DATE, result=result,
            existing=existing,
        )
    return result


class AreaImportError(Exception):
    """An official list that cannot be imported; ``errors`` name each bad line in Vietnamese."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


_HEADER_ALIASES = {
    "code": {"code", "ma", "ma so", "commune_code", "ma xa"},
    "name": {"name", "ten", "commune_name", "ten xa"},
    "province": {"province", "tinh", "province_name", "province_code", "ten tinh", "ma tinh"},
}


_MARKUP = re.compile(r"<[^>]{0,20}>")


def _clean_cell(value: str) -> str:
    """Official lists come converted from PDF/Word: stray "<br>" tags and doubled spaces are common."""
    return " ".join(_MARKUP.sub(" ", value).split())


def _province_key(name: str) -> str:
    key = fold(name).replace(".", " ")
    key = " ".join(key.split())
    for prefix in ("thanh pho ", "tp ", "tinh "):
        if key.startswith(prefix):
            return key[len(prefix):]
    return key


def _commune_kind(name: str) -> str:
    key = fold(name)
    if key.startswith("phuong "):
        return AdminArea.Kind.WARD
    if key.startswith("dac khu "):
        return AdminArea.Kind.SPECIAL_ZONE
    return AdminArea.Kind.COMMUNE


@dataclass
class _Row:
    line: int
    code: str
    name: str
    province: str


@dataclass
class ImportResult(LoadResult):
    retired: int = 0
    lines: int = 0
    errors: list[str] = field(default_factory=list)


def _read_rows(text: str) -> tuple[list[_Row], list[str]]:
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = next(reader)
    except StopIteration:
        return [], ["Tệp trống: cần dòng tiêu đề với các cột mã, tên, tỉnh."]
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        for key, aliases in _HEADER_ALIASES.items():
            if fold(title).replace("_", " ") in {a.replace("_", " ") for a in aliases} and key not in columns:
                columns[key] = index
    missing = [k for k in ("code", "name", "province") if k not in columns]
    if missing:
        names = {"code": "mã", "name": "tên", "province": "tỉnh"}
        return [], [
            "Dòng 1: thiếu cột " + ", ".join(names[m] for m in missing)
            + " (cần các cột: mã, tên, tỉnh theo mẫu của Tổng cục Thống kê)."
        ]
    rows, errors = [], []
    for line_no, record in enumerate(reader, start=2):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) <= max(columns.values()):
            errors.append(f"Dòng {line_no}: thiếu cột (có {len(record)} cột).")
            continue
        rows.append(_Row(line_no, _clean_cell(record[columns["code"]]), _clean_cell(record[columns["name"]]),
                         _clean_cell(record[columns["province"]])))
    return rows, errors


@transaction.atomic
def areas_import_csv(*, text: str, retire_missing: bool = False, effective: dt.date | None = None) -> ImportResult:
    """Import an official commune list (GSO layout: code, name, province) all or nothing.

    Renames and moves are recorded in the history table; with ``retire_missing`` communes absent from the
    list get ``valid_to`` set instead of being deleted, so old reports keep their area.
    """
    effective = effective or timezone.localdate()
    rows, errors = _read_rows(text)
    provinces = list(AdminArea.objects.provinces().current())
    by_code = {p.code: p for p in provinces}
    by_name = {_province_key(p.name): p for p in provinces}
    seen: dict[str, int] = {}
    resolved: list[tuple[_Row, AdminArea]] = []
    for row in rows:
        if not row.code.isdigit() or len(row.code) > 5:
            errors.append(f"Dòng {row.line}: mã “{row.code}” không hợp lệ (mã xã gồm tối đa 5 chữ số).")
            continue
        code = row.code.zfill(5)
        if code in seen:
            errors.append(f"Dòng {row.line}: mã {code} trùng với dòng {seen[code]}.")
            continue
        seen[code] = row.line
        if not row.name:
            errors.append(f"Dòng {row.line}: thiếu tên đơn vị hành chính.")
            continue
        province = by_code.get(row.province.zfill(2)) if row.province.isdigit() else by_name.get(
            _province_key(row.province)
        )
        if province is None:
            errors.append(f"Dòng {row.line}: không tìm thấy tỉnh/thành phố “{row.province}”.")
            continue
        resolved.append((row, province))
    if not rows and not errors:
        errors.append("Tệp không có dòng dữ liệu nào.")
    if errors:
        shown = errors[:MAX_REPORTED_ERRORS]
        if len(errors) > len(shown):
            shown.append(f"… và {len(errors) - len(shown)} lỗi khác.")
        raise AreaImportError(shown)

    result = ImportResult(lines=len(rows))
    existing = {a.code: a for a in AdminArea.objects.communes()}
    for row, province in resolved:
        _upsert(code=row.code.zfill(5), name=row.name, level=AdminArea.Level.COMMUNE,
                kind=_commune_kind(row.name), parent=province, valid_from=effective, result=result,
                existing=existing)
    if retire_missing:
        for area in AdminArea.objects.communes().current().exclude(code__in=seen.keys()):
            area.valid_to = effective
            area.save()
            result.retired += 1
    return result
