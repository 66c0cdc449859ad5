"""`lantoa import-plan FILE [--json]` end to end (no database needed)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from lantoa.cli import main

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "plans"


def test_json_output() -> None:
    out = io.StringIO()
    call_command("import_plan", str(FIXTURES / "web_copy.txt"), "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["number"] == "15-KH/TU"
    assert data["issued_on"] == "2026-01-10"
    assert data["references"][0] == {
        "relation": "implements",
        "kind": "Kế hoạch",
        "number": "02-KH/BCĐTW",
        "date": "2025-06-19",
        "issuer": "Ban Chỉ đạo Trung ương",
    }


def test_summary_output_is_vietnamese() -> None:
    out = io.StringIO()
    call_command("import_plan", str(FIXTURES / "draft_blank_number.txt"), stdout=out)
    text = out.getvalue()
    assert "Số: -KH/BTGDVTU" in text
    assert "Ngày ban hành: …/1/2026 (Quảng Ninh)" in text
    assert "Người ký: Phạm Thị Hồng Hạnh" in text


def test_console_script_accepts_hyphens(capsys: pytest.CaptureFixture[str]) -> None:
    main(["lantoa", "import-plan", str(FIXTURES / "ubnd_tinh_pipe_header.txt"), "--json"])
    assert json.loads(capsys.readouterr().out)["number"] == "125/KH-UBND"


def test_bad_input_is_a_vietnamese_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nnot really")
    with pytest.raises(CommandError, match="PDF bị hỏng"):
        call_command("import_plan", str(path))


def test_page_limit_option(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(5):
        writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(CommandError, match="vượt giới hạn 3 trang"):
        call_command("import_plan", str(path), "--max-pages", "3")
