"""Configurable limits that keep every reader bounded in time, memory and disk.

The defaults suit one laptop serving a commune; a deployment overrides them with
``dataclasses.replace(DEFAULT_LIMITS, max_pages=500)`` (e.g. from Django settings in the
intake app) — this module reads no settings itself so it stays Django-free.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    # Whole file on disk; also bounds what pypdf and python-docx hold in memory.
    max_bytes: int = 50 * 1024 * 1024
    # Pages of a PDF (text or scan) or frames of a TIFF; checked before any OCR runs.
    max_pages: int = 200
    # Sum of the declared uncompressed sizes in a DOCX. zipfile never reads past a
    # member's declared size, so this bounds memory even when headers lie.
    max_docx_uncompressed: int = 100 * 1024 * 1024
    # Compression ratio above which a DOCX larger than ``zip_ratio_floor`` is a bomb.
    max_zip_ratio: float = 150.0
    zip_ratio_floor: int = 5 * 1024 * 1024
    max_zip_entries: int = 5000
    # Decoded image size; a 300 dpi A3 page is about 17 million pixels.
    max_image_pixels: int = 60_000_000
    # Extracted text; a 200-page plan is well under one million characters.
    max_text_chars: int = 3_000_000
    # OCR: pages are rendered at this resolution, long side capped in pixels.
    ocr_dpi: int = 300
    ocr_max_side: int = 4200
    ocr_lang: str = "vie"
    ocr_page_timeout: float = 120.0
    render_timeout: float = 60.0
    # A PDF page with fewer extracted characters than this is treated as a scan.
    min_text_chars_per_page: int = 40


DEFAULT_LIMITS = Limits()
