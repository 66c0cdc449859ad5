"""Scanned images: a size check from the file header, then the OCR wrapper."""

from __future__ import annotations

import struct
from pathlib import Path

from . import ocr
from .errors import document_error
from .limits import Limits

IMAGE_MAGIC: dict[bytes, str] = {
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpeg",
    b"II*\x00": "tiff",
    b"MM\x00*": "tiff",
    b"BM": "bmp",
    b"GIF87a": "gif",
    b"GIF89a": "gif",
}


def sniff_image(head: bytes) -> str | None:
    for magic, kind in IMAGE_MAGIC.items():
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


def image_size(data: bytes, kind: str) -> tuple[int, int] | None:
    """Width and height read from the header, without decoding pixels (no Pillow here).

    Returns None when the header is not understood (TIFF, WebP): tesseract's own limits
    and the byte limit apply then.
    """
    try:
        if kind == "png":
            width, height = struct.unpack(">II", data[16:24])
            return width, height
        if kind == "gif":
            width, height = struct.unpack("<HH", data[6:10])
            return width, height
        if kind == "bmp":
            width, height = struct.unpack("<ii", data[18:26])
            return abs(width), abs(height)
        if kind == "jpeg":
            i = 2
            while i + 9 < len(data):
                if data[i] != 0xFF:
                    i += 1
                    continue
                marker = data[i + 1]
                if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                    i += 2
                    continue
                (length,) = struct.unpack(">H", data[i + 2 : i + 4])
                # SOF0..SOF15 except DHT (C4), JPG (C8), DAC (CC) carry the frame size.
                if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                    height, width = struct.unpack(">HH", data[i + 5 : i + 9])
                    return width, height
                i += 2 + length
    except struct.error as exc:
        raise document_error("corrupt_image") from exc
    return None


def tiff_page_count(data: bytes, cap: int) -> int:
    """Pages (IFDs) of a TIFF, counted by walking the IFD chain; stops past ``cap``."""
    if len(data) < 8:
        raise document_error("corrupt_image")
    endian = "<" if data[:2] == b"II" else ">"
    (offset,) = struct.unpack(endian + "I", data[4:8])
    seen: set[int] = set()
    count = 0
    while offset and count <= cap and offset not in seen and offset + 2 <= len(data):
        seen.add(offset)
        (entries,) = struct.unpack(endian + "H", data[offset : offset + 2])
        count += 1
        nxt = offset + 2 + 12 * entries
        if nxt + 4 > len(data):
            break
        (offset,) = struct.unpack(endian + "I", data[nxt : nxt + 4])
    return count


def read_image(path: Path, data: bytes, kind: str, limits: Limits) -> str:
    if kind == "tiff":
        # A multi-page TIFF is a scan too: the page limit applies before tesseract runs.
        pages = tiff_page_count(data, limits.max_pages)
        if pages > limits.max_pages:
            raise document_error("too_many_pages", pages=f"hơn {limits.max_pages}", limit=limits.max_pages)
    size = image_size(data, kind)
    if kind != "tiff" and kind != "webp" and size is None:
        raise document_error("corrupt_image")
    if size is not None:
        pixels = size[0] * size[1]
        if pixels > limits.max_image_pixels:
            raise document_error(
                "image_too_large", pixels=round(pixels / 1e6), limit=round(limits.max_image_pixels / 1e6)
            )
        if pixels == 0:
            raise document_error("corrupt_image")
    return ocr.image_to_text(path, lang=limits.ocr_lang, timeout=limits.ocr_page_timeout)
