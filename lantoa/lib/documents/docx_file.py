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
    numbering = _Numbering(document)
    for block in document.iter_inner_content():  # type: ignore[attr-defined]
        if hasattr(block, "rows"):
            yield from _table_lines(block)
        else:
            yield numbering.label(block) + block.text


_ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _format(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt in ("lowerLetter", "upperLetter"):
        letter = "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26]
        return letter.upper() if fmt == "upperLetter" else letter
    return str(n)


class _Numbering:
    """Word's automatic numbering, rendered as the text it shows ("I.", "1.", "a)", "-").

    python-docx returns a paragraph's text without its list label, and plans number their
    sections and items that way ("I. MỤC ĐÍCH, YÊU CẦU" typed as a numbered list); without
    the labels the structure parser would see no sections at all.
    """

    def __init__(self, document: object) -> None:
        from docx.oxml.ns import qn

        self.qn = qn
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element  # type: ignore[attr-defined]
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = (
                    fmt.get(qn("w:val"), "decimal") if fmt is not None else "decimal",
                    text.get(qn("w:val"), "") if text is not None else "",
                    int(start.get(qn("w:val"), "1")) if start is not None else 1,
                )
            abstract[node.get(qn("w:abstractNumId"), "")] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None:
                self.levels[num.get(qn("w:numId"), "")] = abstract.get(ref.get(qn("w:val"), ""), {})

    def _num_pr(self, paragraph: object) -> tuple[str, int] | None:
        qn = self.qn
        candidates = [paragraph._p]  # type: ignore[attr-defined]
        style = getattr(paragraph, "style", None)
        while style is not None:  # numbering set on the style ("List Number") or its bases
            candidates.append(style.element)
            style = style.base_style
        for element in candidates:
            ppr = element.find(qn("w:pPr"))
            num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
            if num_pr is None:
                continue
            num_id = num_pr.find(qn("w:numId"))
            ilvl = num_pr.find(qn("w:ilvl"))
            if num_id is None:
                return None
            return num_id.get(qn("w:val"), ""), int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0
        return None

    def label(self, paragraph: object) -> str:
        if not self.levels:
            return ""
        found = self._num_pr(paragraph)
        if found is None or found[0] not in self.levels or found[0] == "0":
            return ""
        num_id, ilvl = found
        levels = self.levels[num_id]
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        fmt, text, start = levels[ilvl]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else start
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = 0
        if fmt == "bullet" or not text:
            return "- "
        label = text
        for level in range(ilvl + 1):
            value = counters[level] or levels.get(level, ("decimal", "", 1))[2]
            label = label.replace(f"%{level + 1}", _format(value, levels.get(level, ("decimal", "", 1))[0]))
        return label + " "


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
