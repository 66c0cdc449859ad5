"""Read plan documents (.txt, .html, .docx, .pdf with or without a text layer, scanned images).

Plain Python, no Django. One entry point::

    from lantoa.lib.documents import read_document, DocumentError, Limits
    doc = read_document(path, limits=Limits(max_pages=50))
    doc.text  # the document's text, pages separated by form feeds

Everything that can go wrong raises :class:`DocumentError` with a Vietnamese ``message``.
OCR goes through :mod:`lantoa.lib.documents.ocr`, which tests replace.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DocumentError, document_error
from .limits import DEFAULT_LIMITS, Limits

__all__ = ["DEFAULT_LIMITS", "DocumentError", "DocumentText", "Limits", "read_document", "read_document_bytes"]

Progress = Callable[[int, int], None]


@dataclass
class DocumentText:
    text: str
    # "txt", "html", "docx", "pdf" (text layer), "pdf-ocr", "image-ocr"
    kind: str
    pages: int | None = None
    encoding: str | None = None
    ocr: bool = False
    warnings: list[str] = field(default_factory=list)


def _kind(path: Path, head: bytes) -> str:
    from .image_file import sniff_image

    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "legacy_doc"
    if head.startswith((b"{\\rtf", b"MZ", b"\x7fELF", b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf")):
        return "unsupported"  # RTF, executables, archives: not a plan we can read
    image = sniff_image(head)
    if image:
        return "image:" + image
    from .html_file import looks_like_html

    suffix = path.suffix.lower()
    if suffix in (".html", ".htm") or looks_like_html(head):
        return "html"
    if suffix in (".pdf", ".docx"):
        # Named like a PDF/DOCX but without its signature: damaged.
        return "corrupt_" + suffix[1:]
    return "text"


def read_document(
    path: str | Path, *, limits: Limits = DEFAULT_LIMITS, progress: Progress | None = None
) -> DocumentText:
    """Read ``path`` and return its text; the format is sniffed from the content.

    ``progress(done, total)`` is called after each OCR'd page so the task layer can
    show a progress bar.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise document_error("not_found", name=path.name) from exc
    if size == 0:
        raise document_error("empty")
    if size > limits.max_bytes:
        raise document_error("too_large", limit=limits.max_bytes // (1024 * 1024))
    with path.open("rb") as fh:
        head = fh.read(64 * 1024)
    kind = _kind(path, head)
    if kind in ("legacy_doc", "corrupt_pdf", "corrupt_docx", "unsupported"):
        raise document_error(kind)
    if kind == "pdf":
        from .pdf_file import read_pdf

        text, pages, used_ocr = read_pdf(path, limits, progress)
        result = DocumentText(text=text, kind="pdf-ocr" if used_ocr else "pdf", pages=pages, ocr=used_ocr)
    elif kind == "docx":
        from .docx_file import read_docx

        result = DocumentText(text=read_docx(path, limits), kind="docx")
    elif kind == "html":
        from .html_file import html_to_text

        text = html_to_text(path.read_bytes())
        if len(text) > limits.max_text_chars:
            raise document_error("too_much_text", limit=limits.max_text_chars)
        result = DocumentText(text=text, kind="html")
    elif kind.startswith("image:"):
        from .image_file import read_image

        text = read_image(path, path.read_bytes(), kind.split(":", 1)[1], limits)
        if progress is not None:
            progress(1, 1)
        result = DocumentText(text=text, kind="image-ocr", pages=1, ocr=True)
    else:
        from .text_file import decode_text

        text, encoding = decode_text(path.read_bytes())
        controls = sum(1 for c in text[:100_000] if c < " " and c not in "\n\r\t\f")
        if controls > len(text[:100_000]) // 50:
            raise document_error("unsupported")  # binary data, not text
        if len(text) > limits.max_text_chars:
            raise document_error("too_much_text", limit=limits.max_text_chars)
        result = DocumentText(text=text, kind="txt", encoding=encoding)
    if not result.text.strip():
        raise document_error("no_text" if result.ocr or kind == "pdf" else "empty")
    return result


def read_document_bytes(
    data: bytes, *, filename: str = "upload", limits: Limits = DEFAULT_LIMITS, progress: Progress | None = None
) -> DocumentText:
    """Same as :func:`read_document` for an upload held in memory."""
    if len(data) > limits.max_bytes:
        raise document_error("too_large", limit=limits.max_bytes // (1024 * 1024))
    suffix = Path(filename).suffix[:10]
    with tempfile.TemporaryDirectory(prefix="lantoa-doc-") as tmp:
        target = Path(tmp) / ("document" + suffix)
        target.write_bytes(data)
        return read_document(target, limits=limits, progress=progress)
