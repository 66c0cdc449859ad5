"""The two thin management commands: stdin or FILE in, fixed text out, line breaks kept (no DB)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command


def run(name: str, *args: str, stdin: str = "", monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    out = io.StringIO()
    call_command(name, *args, stdout=out)
    return out.getvalue()


def test_restore_marks_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("restore_marks", stdin="chuyen doi so cap xa\n\nUY BAN", monkeypatch=monkeypatch) == (
        "chuyển đổi số cấp xã\n\nUỶ BAN"
    )


def test_repair_text_from_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "ocr.txt"
    source.write_text("tuyén truyén\nchuyén dbi s6\n", encoding="utf-8")
    assert run("repair_text", str(source), monkeypatch=monkeypatch) == "tuyên truyền\nchuyển đổi số\n"


def test_missing_file_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        run("repair_text", "/no/such/file.txt", monkeypatch=monkeypatch)
