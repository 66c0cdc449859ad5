"""Bulk import of activities from the XLSX template the app provides.

All-or-nothing: a file with any bad row imports nothing and lists every problem by row and column. Units
fill the template over weeks and upload it whole; importing the good rows would make the corrected file,
uploaded again, double them (or force the user to delete rows they already fixed). One file = one
transaction keeps the log equal to the file. A row identical to one already recorded (same unit, date, kind
and title) is also an error, so uploading the same file twice cannot double the figures either.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.lib.text import fold
from lantoa.plans.models import Activity, Plan, Theme
from lantoa.units.models import Unit

MAX_ROWS = 5000
# (header, key, width); the header text is what users see, the key what the parser uses.
COLUMNS: list[tuple[str, str, int]] = [
    ("Ngày (dd/mm/yyyy)", "date", 14),
    ("Loại sản phẩm, hoạt động", "kind", 26),
    ("Tên, tiêu đề", "title", 48),
    ("Số, ký hiệu kế hoạch", "plan", 20),
    ("Nội dung số (ví dụ 1;3)", "themes", 16),
    ("Đường dẫn", "link", 36),
    ("Lượt xem", "views", 10),
    ("Lượt chia sẻ", "shares", 10),
    ("Người tham dự", "attendees", 10),
    ("Số phút", "minutes", 10),
    ("Số bản", "copies", 10),
    ("Mô tả", "description", 36),
    ("Chia sẻ vào thư viện (có/không)", "is_shared", 14),
]
REQUIRED = ("date", "kind", "title")
YES = {"co", "x", "yes", "1", "true", "dung"}
NO = {"", "khong", "no", "0", "false"}


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ImportResult:
    rows: int = 0
    created: list[Activity] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def template_xlsx() -> bytes:
    """The template: one sheet to fill, one listing the accepted kinds."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = "Hoạt động"
    for col, (header, _key, width) in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=col, value=header)
        cell.font = Font(bold=True)
        ws.column_dimensions[cell.column_letter].width = width
    ws.freeze_panes = "A2"
    ws.append(["15/09/2025", str(Activity.Kind.NEWS.label), "Ví dụ: Xã triển khai Bình dân học vụ số",
               "", "1", "https://example.vn/bai-viet", 1200, 35, None, None, None, "", "không"])
    kinds = wb.create_sheet("Danh mục")
    kinds.append(["Loại", "Mã"])
    for value, label in Activity.Kind.choices:
        kinds.append([str(label), value])
    kinds.column_dimensions["A"].width = 36
    dv = DataValidation(type="list", formula1=f"='Danh mục'!$A$2:$A${len(Activity.Kind.choices) + 1}",
                        allow_blank=True)
    ws.add_data_validation(dv)
    dv.add(f"B2:B{MAX_ROWS + 1}")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _kinds() -> dict[str, str]:
    table = {}
    for value, label in Activity.Kind.choices:
        table[fold(str(label))] = value
        table[fold(value)] = value
    return table


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def _count(value: Any) -> int | None:
    if value is None or str(value).strip() == "":
        return None
    number = float(str(value).replace(".", "").replace(",", ".")) if isinstance(value, str) else float(value)
    if number < 0 or number != int(number):
        raise ValueError(value)
    return int(number)


def parse_rows(*, unit: Unit, data: bytes, plans: QuerySet[Plan]) -> tuple[list[dict[str, Any]], list[RowError]]:
    """Read and check every row; return the rows ready to save and the errors (row numbers as in Excel)."""
    from openpyxl import load_workbook

    errors: list[RowError] = []
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for a non-xlsx or damaged file
        return [], [RowError(0, "", _("Không đọc được tệp: không phải tệp Excel .xlsx hợp lệ."))]
    ws = wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = next(rows, None)
    if header is None:
        return [], [RowError(1, "", _("Tệp trống."))]
    by_header = {fold(str(h or "")): i for i, h in enumerate(header)}
    index: dict[str, int] = {}
    for title, key, _w in COLUMNS:
        i = by_header.get(fold(title))
        if i is None and key in REQUIRED:
            errors.append(RowError(1, title, _("Thiếu cột “%(col)s” (hãy dùng tệp mẫu).") % {"col": title}))
        if i is not None:
            index[key] = i
    if errors:
        return [], errors
    kinds = _kinds()
    plan_by_number = {fold(p.number).replace(" ", ""): p for p in plans.exclude(number="")}
    theme_cache: dict[int, list[Theme]] = {}
    existing = set(Activity.objects.filter(unit=unit).values_list("date", "kind", "title"))
    today = timezone.localdate()
    out: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    for n, values in enumerate(rows, start=2):
        if n > MAX_ROWS + 1:
            errors.append(RowError(n, "", _("Quá %(max)s dòng; hãy chia thành nhiều tệp.") % {"max": MAX_ROWS}))
            break
        cell = {key: values[i] if i < len(values) else None for key, i in index.items()}
        if all(v is None or str(v).strip() == "" for v in cell.values()):
            continue  # blank line
        row_errors: list[RowError] = []

        def err(key: str, message: str, n: int = n, row_errors: list[RowError] = row_errors) -> None:
            row_errors.append(RowError(n, next(t for t, k, _w in COLUMNS if k == key), message))

        item: dict[str, Any] = {"unit": unit}
        for key in REQUIRED:
            if cell.get(key) is None or str(cell[key]).strip() == "":
                err(key, _("Bắt buộc, đang để trống."))
        if cell.get("date") not in (None, ""):
            try:
                item["date"] = _date(cell["date"])
                if item["date"] > today:
                    err("date", _("Ngày %(d)s ở tương lai.") % {"d": item["date"].strftime("%d/%m/%Y")})
            except ValueError:
                err("date", _("“%(v)s” không phải ngày dạng dd/mm/yyyy.") % {"v": cell["date"]})
        if cell.get("kind") not in (None, ""):
            kind = kinds.get(fold(str(cell["kind"])))
            if kind is None:
                err("kind", _("Loại “%(v)s” không có trong danh mục (xem trang “Danh mục”).") % {"v": cell["kind"]})
            item["kind"] = kind
        title = str(cell.get("title") or "").strip()
        if len(title) > 500:
            err("title", _("Tiêu đề dài quá 500 ký tự."))
        item["title"] = title
        plan = None
        if cell.get("plan") not in (None, ""):
            plan = plan_by_number.get(fold(str(cell["plan"])).replace(" ", ""))
            if plan is None:
                err("plan", _("Không thấy kế hoạch số “%(v)s” trong các kế hoạch của đơn vị.") % {"v": cell["plan"]})
        item["plan"] = plan
        item["themes"] = []
        if cell.get("themes") not in (None, ""):
            if plan is None:
                err("themes", _("Ghi số nội dung thì phải ghi số kế hoạch."))
            else:
                if plan.pk not in theme_cache:
                    theme_cache[plan.pk] = list(plan.themes.filter(parent__isnull=True).order_by("order", "pk"))
                themes = theme_cache[plan.pk]
                for part in str(cell["themes"]).replace(",", ";").split(";"):
                    part = part.strip().rstrip(".")
                    if not part:
                        continue
                    if not part.isdigit() or not 1 <= int(part) <= len(themes):
                        err("themes", _("Nội dung số “%(v)s” không có trong kế hoạch (có %(n)s nội dung).")
                            % {"v": part, "n": len(themes)})
                    else:
                        item["themes"].append(themes[int(part) - 1])
        link = str(cell.get("link") or "").strip()
        if link and not link.startswith(("http://", "https://")):
            err("link", _("Đường dẫn phải bắt đầu bằng http:// hoặc https://."))
        item["link"] = link
        for key in Activity.METRICS:
            try:
                item[key] = _count(cell.get(key))
            except (ValueError, TypeError):
                err(key, _("“%(v)s” không phải số nguyên không âm.") % {"v": cell.get(key)})
        item["description"] = str(cell.get("description") or "").strip()
        shared = fold(str(cell.get("is_shared") or ""))
        if shared not in YES | NO:
            err("is_shared", _("Ghi “có” hoặc “không”."))
        item["is_shared"] = shared in YES
        same = (item.get("date"), item.get("kind"), title)
        if not row_errors and same in existing:
            err("title", _("Hoạt động này (cùng ngày, loại, tiêu đề) đã được ghi nhận trước đây."))
        elif not row_errors and same in seen:
            err("title", _("Trùng với một dòng phía trên trong tệp."))
        seen.add(same)
        errors.extend(row_errors)
        if not row_errors:
            out.append(item)
    return out, errors


def import_activities(*, unit: Unit, by: Any, data: bytes, plans: QuerySet[Plan]) -> ImportResult:
    items, errors = parse_rows(unit=unit, data=data, plans=plans)
    result = ImportResult(rows=len(items) + len({e.row for e in errors}), errors=errors)
    if errors or not items:
        if not items and not errors:
            result.errors.append(RowError(2, "", _("Tệp không có dòng dữ liệu nào.")))
        return result
    with transaction.atomic():
        for item in items:
            themes = item.pop("themes")
            activity = Activity.objects.create(created_by=by, **item)
            if themes:
                activity.themes.set(themes)
            result.created.append(activity)
    return result
