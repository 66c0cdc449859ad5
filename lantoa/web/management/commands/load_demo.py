from importlib import import_module

from django.core.management.base import BaseCommand

from lantoa.areas.models import AdminArea
from lantoa.areas.services import areas_load_official

# Each module has `load() -> list[str]` (lines to print) and is safe to run again. Order matters:
# units before plans, plans before reports, and so on.
DEMO_MODULES = [
    "lantoa.units.demo",
    "lantoa.plans.demo",
    "lantoa.assistant.demo",
    "lantoa.portal.demo",
    "lantoa.reports.demo",
    "lantoa.monitoring.demo",
]


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu dựng từ các kế hoạch thật (có thể chạy lại nhiều lần)."

    def handle(self, *args: object, **options: object) -> None:
        if not AdminArea.objects.provinces().exists():
            areas_load_official()
        for name in DEMO_MODULES:
            module = import_module(name)
            for line in module.load():
                self.stdout.write(line)
        from lantoa.units.demo import DEMO_PASSWORD

        self.stdout.write(f"Mật khẩu của mọi tài khoản mẫu: {DEMO_PASSWORD}")
