"""PDF reading: the text layer through pypdf, scanned pages through the OCR wrapper."""

from __future__ import annotations

import logging
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from . import ocr
from .errors import DocumentError, document_error
from .limits import Limits

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


def _open(path: Path) -> object:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            # Many official PDFs carry only an owner password (printing/copy flags);
            # they open with the empty user password and are readable.
            try:
                ok = reader.decrypt("")
            except Exception as exc:  # missing crypto backend or bad encryption dict
                raise document_error("encrypted") from exc
            if not ok:
                raise document_error("encrypted")
        return reader
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError, IndexError, RecursionError) as exc:
        raise document_error("corrupt_pdf") from exc


# Letters of the legacy Vietnamese font encodings (TCVN3/ABC ".VnTime", VNI) as a Unicode
# reader shows them: "KÕ ho¹ch" for "Kế hoạch". No Vietnamese word contains these.
_LEGACY = set("¸¹»¼½¾®ª«¬¯µ¶·¤¥¦§¨©¢£ÆÇËÎÏÐÑ×ØÞßæçëîïðñ÷øþ")
_WORDS = re.compile(r"\S+")


def unreadable(text: str) -> bool:
    """True when a text layer is there but not usable text.

    Private-use glyph codes (fonts without a Unicode map), "(cid:123)" escapes and the
    legacy Vietnamese font encodings all extract as junk that repair cannot fix; those pages
    are better read by OCR.
    """
    chars = [c for c in text if not c.isspace()]
    if len(chars) < 20:
        return False
    junk = sum(1 for c in chars if "\ue000" <= c <= "\uf8ff" or c == "\ufffd")
    if junk / len(chars) > 0.2 or text.count("(cid:") > 5:
        return True
    words = _WORDS.findall(text)
    legacy = sum(1 for w in words if any(c in _LEGACY for c in w))
    return legacy / max(len(words), 1) > 0.15


def page_count(path: Path) -> int:
    reader = _open(path)
    try:
        return len(reader.pages)  # type: ignore[attr-defined]
    except Exception as exc:
        raise document_error("corrupt_pdf") from exc


def read_pdf(path: Path, limits: Limits, progress: Progress | None = None) -> tuple[str, int, bool]:
    """Return ``(text, pages, used_ocr)``.

    The page limit is checked on the page count alone, before any text extraction or
    rendering, so a 500-page scan is refused in milliseconds.
    """
    reader: object | None = None
    info = ocr.pdf_info(path, timeout=limits.render_timeout)
    if info is not None:
        # poppler first: a subprocess with a timeout, so a hostile file cannot hang us.
        if "error" in info:
            raise document_error("encrypted" if "password" in info["error"].lower() else "corrupt_pdf")
        try:
            pages = int(info.get("Pages", "0"))
        except ValueError as exc:
            raise document_error("corrupt_pdf") from exc
    else:
        reader = _open(path)
        try:
            pages = len(reader.pages)  # type: ignore[attr-defined]
        except Exception as exc:
            raise document_error("corrupt_pdf") from exc
    if pages > limits.max_pages:
        raise document_error("too_many_pages", pages=pages, limit=limits.max_pages)
    if pages == 0:
        raise document_error("empty")
    # UTF-8 Vietnamese is at most 3 bytes a character (4 for the rare supplementary plane).
    texts = ocr.pdf_text_layer(path, timeout=limits.render_timeout, max_bytes=4 * limits.max_text_chars)
    if texts is None or len(texts) != pages:
        texts = _pypdf_text(reader if reader is not None else _open(path), path)
    if sum(len(t) for t in texts) > limits.max_text_chars:
        raise document_error("too_much_text", limit=limits.max_text_chars)
    scanned = [
        i
        for i, t in enumerate(texts, start=1)
        if len("".join(t.split())) < limits.min_text_chars_per_page or unreadable(t)
    ]
    # Mostly text layer: trust it (blank pages and a scanned signature page are normal).
    if len(scanned) * 2 <= pages:
        return "\n\f\n".join(texts), pages, False
    ocr_texts = ocr_pdf(path, scanned, limits, progress=progress)
    for number, text in ocr_texts.items():
        texts[number - 1] = text
    return "\n\f\n".join(texts), pages, True


def _pypdf_text(reader: object, path: Path) -> list[str]:
    texts: list[str] = []
    for number, page in enumerate(reader.pages, start=1):  # type: ignore[attr-defined]
        try:
            texts.append(page.extract_text() or "")
        except Exception:  # a damaged content stream on one page: OCR may still read it
            log.warning("pypdf could not extract page %s of %s", number, path)
            texts.append("")
    return texts


def ocr_pdf(path: Path, page_numbers: list[int], limits: Limits, *, progress: Progress | None = None) -> dict[int, str]:
    """OCR the given 1-based pages one at a time; each page image is deleted after use."""
    out: dict[int, str] = {}
    with tempfile.TemporaryDirectory(prefix="lantoa-ocr-") as tmp:
        for done, number in enumerate(page_numbers, start=1):
            image = ocr.render_pdf_page(
                path, number, Path(tmp), dpi=limits.ocr_dpi, max_side=limits.ocr_max_side, timeout=limits.render_timeout
            )
            try:
                out[number] = ocr.image_to_text(
                    image, lang=limits.ocr_lang, timeout=limits.ocr_page_timeout, page=number
                )
            finally:
                image.unlink(missing_ok=True)
            if progress is not None:
                progress(done, len(page_numbers))
    return out
