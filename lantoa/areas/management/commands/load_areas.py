from django.core.management.base import BaseCommand

from lantoa.areas.models import AdminArea
from lantoa.areas.services import areas_load_official


class Command(BaseCommand):
    help = "Nạp danh sách 34 tỉnh/thành phố và 3.321 xã/phường/đặc khu hiện hành (từ 01/7/2025)."

    def handle(self, *args: object, **options: object) -> None:
        result = areas_load_official()
        current = AdminArea.objects.current()
        self.stdout.write(
            f"Tỉnh/thành phố: {current.provinces().count()}, xã/phường/đặc khu: {current.communes().count()} "
            f"(thêm {result.created}, cập nhật {result.updated}, giữ nguyên {result.unchanged})."
        )
