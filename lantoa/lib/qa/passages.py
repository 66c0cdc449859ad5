"""Split a document's text into passages that keep their headings.

Each passage carries the path of headings above it ("Hướng dẫn … › Các bước kích hoạt"), so a citation
says where the quote comes from and retrieval sees the topic even when the paragraph never names it.
Headings are recognised in Markdown ("# ", "## "), as numbered or Roman-numbered lines ("2.", "II.",
"Điều 3.") and as short unpunctuated lines before a paragraph, as DOCX and PDF text arrives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CHARS = 1200
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")
_NUMBERED = re.compile(
    r"^(?:[IVXLC]+[.\-]|\d{1,2}(?:\.\d{1,2})*\.|Điều\s+\d+\.?|Chương\s+[IVXLC\d]+|Phần\s+[IVXLC\d]+)\s+\S"
)


@dataclass(frozen=True)
class Chunk:
    heading: str  # "Section › Subsection" (empty for text before the first heading)
    text: str
    anchor: int  # order in the document, used for links (#doan-3)


def _heading_level(line: str, next_line: str, *, markdown: bool) -> tuple[int, str] | None:
    match = _MD_HEADING.match(line)
    if match:
        return len(match.group(1)), match.group(2).strip()
    if markdown:  # a Markdown file marks its headings; guessing would split its numbered steps
        return None
    if len(line) > 120 or (line.endswith((".", ";", ",", ":")) and not _NUMBERED.match(line)):
        return None
    if _NUMBERED.match(line) and len(line) <= 120 and not line.endswith((".", ";")):
        return (2 if re.match(r"^[IVXLC]+[.\-]", line) else 3), line
    # A short line in sentence or upper case, ending without punctuation, followed by a longer paragraph.
    if len(line) <= 90 and line[:1].isupper() and len(next_line) > len(line) and not line.endswith(("?", "!")):
        return 3, line
    if line.endswith("?") and len(line) <= 160:
        return 3, line  # FAQ entries: the question heads its answer
    return None


def split_passages(text: str, *, title: str = "", max_chars: int = MAX_CHARS) -> tuple[str, list[Chunk]]:
    """Return the document title (first top heading, else ``title``) and its passages."""
    lines = [ln.strip() for ln in text.replace("\r\n", "\n").replace("\f", "\n").split("\n")]
    markdown = any(_MD_HEADING.match(ln) for ln in lines)
    doc_title = ""
    path: list[tuple[int, str]] = []
    sections: list[tuple[str, list[str]]] = [("", [])]
    for i, line in enumerate(lines):
        if not line:
            continue
        next_line = next((ln for ln in lines[i + 1 :] if ln), "")
        found = _heading_level(line, next_line, markdown=markdown)
        if found and found[0] == 1 and not doc_title:
            doc_title = found[1]
            continue
        if found:
            level, heading = found
            path = [(lv, h) for lv, h in path if lv < level] + [(level, heading)]
            sections.append((" › ".join(h for _, h in path), []))
            continue
        sections[-1][1].append(line)
    chunks: list[Chunk] = []
    for heading, body in sections:
        if not body:
            continue
        current: list[str] = []
        size = 0
        for line in body:
            if current and size + len(line) > max_chars:
                chunks.append(Chunk(heading, "\n".join(current), len(chunks) + 1))
                current, size = [], 0
            current.append(line)
            size += len(line) + 1
        if current:
            chunks.append(Chunk(heading, "\n".join(current), len(chunks) + 1))
    return doc_title or title or "Tài liệu", chunks
