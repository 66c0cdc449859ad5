from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lantoa.assistant.models import KnowledgeDoc
from lantoa.assistant.services import kb_import_paths
from lantoa.lib.documents import DocumentError
from lantoa.units.models import Unit


class Command(BaseCommand):
    help = "Đưa tài liệu (txt, md, docx, pdf; tệp hoặc thư mục) vào kho hỏi đáp; mỗi tệp là một tài liệu."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--unit", type=int, help="mã (id) đơn vị quản lý tài liệu")
        parser.add_argument("--kind", choices=KnowledgeDoc.Kind.values,
                            help="guide (mặc định cho tài liệu mới), faq, official, plan")

    def handle(self, *args: Any, **options: Any) -> None:
        missing = [str(p) for p in options["paths"] if not p.exists()]
        if missing:
            raise CommandError(f"Không tìm thấy: {', '.join(missing)}")
        unit = Unit.objects.filter(pk=options["unit"]).first() if options["unit"] else None
        if options["unit"] and unit is None:
            raise CommandError(f"Không có đơn vị mã {options['unit']}")
        try:
            docs = kb_import_paths(paths=options["paths"], unit=unit, kind=options["kind"])
        except DocumentError as exc:
            raise CommandError(exc.message) from exc
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        for doc in docs:
            self.stdout.write(f"  {doc.name}: {doc.title} ({doc.passages.count()} đoạn)")
        self.stdout.write(f"Đã nhập {len(docs)} tài liệu.")
