"""DOCX reading: paragraphs and tables in document order, after a zip-bomb check."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from .errors import document_error
from .limits import Limits


def check_zip(path: Path, limits: Limits) -> None:
    """Refuse archives whose declared content is too big or too compressed.

    zipfile never returns more than a member's declared ``file_size`` (it stops there and
    checks the CRC), so bounding the declared sizes bounds what python-docx can inflate.
    python-docx parses XML with ``resolve_entities=False``, so entity expansion is off too.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise document_error("corrupt_docx") from exc
    if len(infos) > limits.max_zip_entries:
        raise document_error("zip_bomb")
    declared = sum(info.file_size for info in infos)
    compressed = sum(info.compress_size for info in infos) or 1
    if declared > limits.max_docx_uncompressed:
        raise document_error("zip_bomb")
    if declared > limits.zip_ratio_floor and declared / compressed > limits.max_zip_ratio:
        raise document_error("zip_bomb")
    if not any(info.filename == "word/document.xml" for info in infos):
        raise document_error("corrupt_docx")


def _cell_text(cell: object) -> list[str]:
    lines: list[str] = []
    for block in cell.iter_inner_content():  # type: ignore[attr-defined]
        if hasattr(block, "rows"):
            lines.extend(_table_lines(block))
        else:
            lines.append(block.text)
    return lines


def _is_layout_table(table: object) -> bool:
    """Small tables with at most three columns are page layout, not data.

    Vietnamese official documents put the two-column header (issuer | national motto,
    number | place and date) and the signature block (recipients | signer) in
    borderless tables. Reading those cell by cell keeps each column's lines together,
    which is what the header parser expects; real data tables are read row by row.
    """
    rows = table.rows  # type: ignore[attr-defined]
    return len(rows) <= 3 and all(len(row.cells) <= 3 for row in rows)


def _table_lines(table: object) -> list[str]:
    lines: list[str] = []
    layout = _is_layout_table(table)
    for row in table.rows:  # type: ignore[attr-defined]
        seen: set[int] = set()
        cells = []
        for cell in row.cells:
            # Merged cells repeat the same underlying element; read each once.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(_cell_text(cell))
        if layout:
            for cell_lines in cells:
                lines.extend(cell_lines)
                lines.append("")
        else:
            lines.append(" | ".join(" ".join(t.strip() for t in c if t.strip()) for c in cells))
    return lines


def _blocks(document: object) -> Iterator[str]:
    for block in document.iter_inner_content():  # type: ignore[attr-defined]
        if hasattr(block, "rows"):
            yield from _table_lines(block)
        else:
            yield block.text


def read_docx(path: Path, limits: Limits) -> str:
    check_zip(path, limits)
    import docx  # python-docx; imported here so text-only callers do not pay for it

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many types for a broken package
        raise document_error("corrupt_docx") from exc
    lines: list[str] = []
    size = 0
    for line in _blocks(document):
        size += len(line) + 1
        if size > limits.max_text_chars:
            raise document_error("too_much_text", limit=limits.max_text_chars)
        lines.append(line)
    return "\n".join(lines)
