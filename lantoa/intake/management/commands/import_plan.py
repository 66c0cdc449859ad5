"""``lantoa import-plan FILE [--json]``: read a plan document and print its structured draft.

FILE may be .txt, .docx, .pdf (text layer or scan) or an image. Reading and parsing are
plain-Python library calls (``lantoa.lib.documents``, ``lantoa.lib.plan_parse``); this
command only wires them to the console. Limits come from ``settings.LANTOA_DOCUMENT_LIMITS``
(a dict of :class:`~lantoa.lib.documents.Limits` fields) when defined, then the options.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from lantoa.lib.documents import DEFAULT_LIMITS, DocumentError, Limits, read_document
from lantoa.lib.plan_parse import PlanDraft, parse_plan


def _limits(max_pages: int | None) -> Limits:
    overrides: dict[str, Any] = dict(getattr(settings, "LANTOA_DOCUMENT_LIMITS", {}) or {})
    if max_pages is not None:
        overrides["max_pages"] = max_pages
    return dataclasses.replace(DEFAULT_LIMITS, **overrides)


def _date(value: Any) -> str:
    return value.strftime("%d/%m/%Y") if value else "—"


def summary(draft: PlanDraft) -> list[str]:
    """The draft as short Vietnamese lines for a terminal."""
    parts = draft.issued_on_parts
    if draft.issued_on:
        issued = _date(draft.issued_on)
    elif any(parts.values()):
        issued = "/".join(str(parts[k]) if parts[k] else "…" for k in ("day", "month", "year"))
    else:
        issued = "—"
    out = [
        f"Loại văn bản: {draft.doc_type or '—'}",
        f"Số: {draft.number or draft.number_symbol or '—'}",
        f"Ngày ban hành: {issued}" + (f" ({draft.place})" if draft.place else ""),
        f"Cơ quan ban hành: {draft.issuer or '—'}",
        f"Trích yếu: {draft.title or '—'}",
        f"Căn cứ / thực hiện ({len(draft.references)}):",
    ]
    relation = {"based_on": "căn cứ", "implements": "thực hiện", "mentions": "dẫn chiếu"}
    for ref in draft.references:
        out.append(
            f"  - [{relation[ref.relation]}] {ref.kind or ''} {ref.number or ''} {_date(ref.date)}"
            f" {ref.issuer or ''}".rstrip()
        )
    out.append(f"Nội dung tuyên truyền ({len(draft.themes)}):")
    out += [f"  {i}. {t[:120]}" for i, t in enumerate(draft.themes, 1)]
    out.append(f"Hình thức ({len(draft.channels)}):")
    for i, ch in enumerate(draft.channels, 1):
        window = f" [{_date(ch.start)} – {_date(ch.end)}]" if ch.start or ch.end else ""
        out.append(f"  {i}. {ch.name[:120]}{window}")
    out.append(f"Giai đoạn ({len(draft.phases)}):")
    out += [f"  - {p.name[:100]}: {_date(p.start)} – {_date(p.end)}" for p in draft.phases]
    out.append(f"Chỉ tiêu ({len(draft.targets)}):")
    out += [f"  - {t[:120]}" for t in draft.targets]
    out.append(f"Phân công ({len(draft.assignments)}):")
    role = {"lead": "chủ trì", "coordinating": "phối hợp"}
    out += [f"  - {a.unit} ({role[a.role]}, {len(a.duties)} nhiệm vụ)" for a in draft.assignments]
    out.append(f"Kinh phí: {draft.budget or '—'}")
    out.append(f"Người ký: {draft.signer or '—'}")
    out.append(f"Nơi nhận ({len(draft.recipients)}): " + "; ".join(draft.recipients))
    if draft.uncertain:
        out.append("Cần kiểm tra: " + ", ".join(draft.uncertain))
    out += [f"Lưu ý: {w}" for w in draft.warnings]
    return out


class Command(BaseCommand):
    help = "Đọc một kế hoạch (.txt, .docx, .pdf, ảnh quét) và in bản nháp có cấu trúc"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Tệp kế hoạch")
        parser.add_argument("--json", action="store_true", help="In JSON theo mẫu nhập kế hoạch")
        parser.add_argument("--details", action="store_true", help="Thêm các trường chi tiết vào JSON")
        parser.add_argument("--no-repair", action="store_true", help="Không sửa lỗi dấu của văn bản OCR")
        parser.add_argument("--max-pages", type=int, default=None, help="Giới hạn số trang")

    def handle(self, *args: Any, **options: Any) -> None:
        def progress(done: int, total: int) -> None:
            self.stderr.write(f"Nhận dạng chữ: trang {done}/{total}")

        try:
            document = read_document(options["file"], limits=_limits(options["max_pages"]), progress=progress)
        except DocumentError as exc:
            raise CommandError(exc.message) from exc
        draft = parse_plan(document.text, repair=not options["no_repair"])
        if options["json"] or options["details"]:
            payload = draft.to_json(details=options["details"])
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            self.stdout.write("\n".join(summary(draft)))
