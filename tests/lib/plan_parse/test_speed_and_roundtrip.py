from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import docx

from lantoa.lib.documents import read_document
from lantoa.lib.plan_parse import parse_plan

ROOT = Path(__file__).resolve().parents[3]


def _bench_module():  # bench/ is not a package: load the script by path
    spec = importlib.util.spec_from_file_location("bench_import_plan", ROOT / "bench" / "import_plan.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_twenty_page_text_plan_imports_in_under_two_seconds(tmp_path: Path) -> None:
    text = _bench_module().make_long_plan(20)
    assert len(text) >= 60_000
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    draft = parse_plan(read_document(path).text)
    elapsed = time.perf_counter() - start
    assert elapsed < 2.0, f"{elapsed:.2f} s"
    assert draft.number == "125/KH-UBND"
    assert len(draft.themes) > 20 and len(draft.assignments) > 20


def test_plan_written_to_docx_reimports_to_the_same_structure(tmp_path: Path) -> None:
    """The plans issue exports DOCX; a plan laid out like that must parse like its text."""
    source = (ROOT / "tests" / "fixtures" / "plans" / "ubnd_tinh_pipe_header.txt").read_text(encoding="utf-8")
    head, _, body = source.partition("\nKẾ HOẠCH\n")
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    for r, line in enumerate(head.strip().splitlines()):
        left, right = (cell.strip() for cell in line.split("|"))
        table.cell(r, 0).text, table.cell(r, 1).text = left, right
    document.add_paragraph("KẾ HOẠCH")
    for line in body.splitlines():
        document.add_paragraph(line)
    path = tmp_path / "plan.docx"
    document.save(str(path))
    from_docx = parse_plan(read_document(path).text).to_json()
    from_text = parse_plan(source).to_json()
    for key in (
        "number",
        "issued_on",
        "place",
        "issuer",
        "title",
        "references",
        "themes",
        "channels",
        "phases",
        "targets",
        "assignments",
        "budget",
        "signer",
    ):
        assert from_docx[key] == from_text[key], key
