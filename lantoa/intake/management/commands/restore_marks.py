"""``lantoa restore-marks [FILE]``: print FILE (or stdin) with Vietnamese tone marks restored."""

from __future__ import annotations

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from lantoa.lib.vn.restore import restore_marks


class Command(BaseCommand):
    help = "Khôi phục dấu tiếng Việt cho văn bản không dấu (FILE hoặc stdin)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", nargs="?", help="Tệp văn bản UTF-8; bỏ trống để đọc từ stdin.")

    def handle(self, *args: Any, **options: Any) -> None:
        text = read_input(options.get("file"))
        self.stdout.write(restore_marks(text), ending="")


def read_input(path: str | None) -> str:
    """Text of ``path`` (UTF-8, undecodable bytes replaced), or all of stdin when no path is given."""
    if not path or path == "-":
        return sys.stdin.read()
    file = Path(path)
    if not file.is_file():
        raise CommandError(f"Không tìm thấy tệp: {path}")
    return file.read_bytes().decode("utf-8", errors="replace")
