"""``lantoa repair-text [FILE]``: print FILE (or stdin) with OCR-mangled Vietnamese repaired."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from lantoa.intake.management.commands.restore_marks import read_input
from lantoa.lib.vn.repair import repair_text


class Command(BaseCommand):
    help = "Sửa văn bản tiếng Việt bị OCR làm hỏng dấu (FILE hoặc stdin); giữ nguyên xuống dòng."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", nargs="?", help="Tệp văn bản UTF-8; bỏ trống để đọc từ stdin.")

    def handle(self, *args: Any, **options: Any) -> None:
        text = read_input(options.get("file"))
        self.stdout.write(repair_text(text), ending="")
