from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lantoa.areas.services import AreaImportError, areas_import_csv


class Command(BaseCommand):
    help = "Nhập danh sách đơn vị hành chính theo mẫu của Tổng cục Thống kê (cột: mã, tên, tỉnh)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--retire-missing", action="store_true",
                            help="Đánh dấu hết hiệu lực các xã không có trong danh sách.")

    def handle(self, *args: object, **options: object) -> None:
        path: Path = options["file"]  # type: ignore[assignment]
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError as exc:
            raise CommandError(f"Không tìm thấy tệp {path}.") from exc
        except UnicodeDecodeError as exc:
            raise CommandError(f"Tệp {path} không phải văn bản UTF-8 (CSV).") from exc
        try:
            result = areas_import_csv(text=text, retire_missing=bool(options["retire_missing"]))
        except AreaImportError as exc:
            for error in exc.errors:
                self.stderr.write(error)
            raise CommandError(f"Không nhập được: {len(exc.errors)} lỗi, cơ sở dữ liệu không thay đổi.") from exc
        self.stdout.write(
            f"Đã nhập {result.lines} dòng: thêm {result.created}, cập nhật {result.updated}, "
            f"giữ nguyên {result.unchanged}, hết hiệu lực {result.retired}."
        )
