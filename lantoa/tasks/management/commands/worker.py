from typing import Any, cast

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from lantoa.tasks import share_cores


class Command(BaseCommand):
    help = "Chạy tiến trình xử lý tác vụ nền (thu thập tin, nhập văn bản, OCR, nhắc việc, lập báo cáo)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--workers", "-w", type=int, default=None, help="Số luồng/tiến trình xử lý.")

    def handle(self, *args: object, **options: object) -> None:
        # run_huey imports every installed app's `tasks` module, registering its tasks and schedules.
        extra = {"workers": options["workers"]} if options["workers"] else {}
        huey = cast(dict[str, Any], settings.HUEY)
        share_cores(int(str(options["workers"] or huey["consumer"]["workers"])))
        call_command("run_huey", **extra)
