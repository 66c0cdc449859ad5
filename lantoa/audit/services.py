from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Model


@dataclass
class HistoryEntry:
    when: Any
    who: str
    action: str
    changes: list[tuple[str, str, str]]


_ACTIONS = {"+": "Tạo mới", "~": "Sửa", "-": "Xoá"}


def object_history(obj: Model, *, limit: int = 200) -> list[HistoryEntry]:
    """Newest-first change list of one object: who, when, and each field's old → new value."""
    records = list(obj.history.select_related("history_user").order_by("-history_date")[: limit + 1])  # type: ignore[attr-defined]
    entries = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes: list[tuple[str, str, str]] = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous)
            for change in delta.changes:
                field = record.instance_type._meta.get_field(change.field)
                changes.append((str(field.verbose_name), str(change.old), str(change.new)))
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=str(record.history_user or "hệ thống"),
                action=_ACTIONS.get(record.history_type, record.history_type),
                changes=changes,
            )
        )
    return entries
