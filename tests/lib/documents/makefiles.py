"""Build test documents in memory: tiny PDFs (text layer or page images) and PNGs.

Written by hand rather than with a PDF library so the tests need nothing beyond pypdf and
python-docx, and so each file is exactly as broken or as large as a test wants.
"""

from __future__ import annotations

import struct
import zlib


def _pdf(objects: list[bytes]) -> bytes:
    """Assemble numbered objects (1-based, object 1 is the catalog) into a PDF file."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _escape(text: str) -> bytes:
    raw = text.encode("latin-1", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def text_pdf(pages: list[list[str]]) -> bytes:
    """A PDF whose pages carry ``pages`` as a text layer (Helvetica, Latin-1 text only)."""
    count = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(count))
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
    ]
    font_obj = 3 + 2 * count
    for lines in pages:
        stream = bytearray(b"BT /F1 11 Tf 14 TL 56 800 Td\n")
        for line in lines:
            stream += b"(" + _escape(line) + b") Tj T*\n"
        stream += b"ET"
        page_no = len(objects) + 1
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {page_no + 1} 0 R "
            f"/Resources << /Font << /F1 {font_obj} 0 R >> >> >>".encode()
        )
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + bytes(stream) + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    return _pdf(objects)


def blank_pdf(count: int) -> bytes:
    """``count`` empty A4 pages: what a scan looks like to a page counter, built in milliseconds."""
    kids = " ".join(f"{3 + i} 0 R" for i in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode()]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * count
    return _pdf(objects)


def image_pdf(pages: list[tuple[int, int, bytes]]) -> bytes:
    """A scan: each page is one 8-bit grayscale image (width, height, raw pixels)."""
    count = len(pages)
    kids = " ".join(f"{3 + 3 * i} 0 R" for i in range(count))
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
    ]
    for width, height, pixels in pages:
        page_no = len(objects) + 1
        content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
        data = zlib.compress(pixels)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {page_no + 1} 0 R "
            f"/Resources << /XObject << /Im0 {page_no + 2} 0 R >> >> >>".encode()
        )
        objects.append(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream")
        objects.append(
            f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray "
            f"/BitsPerComponent 8 /Filter /FlateDecode /Length {len(data)} >>\nstream\n".encode()
            + data
            + b"\nendstream"
        )
    return _pdf(objects)


def blank_pixels(width: int, height: int, value: int = 255) -> bytes:
    return bytes([value]) * (width * height)


def pgm_pixels(pgm: bytes) -> tuple[int, int, bytes]:
    """(width, height, pixels) of a binary PGM as ``pdftoppm -gray`` writes it."""
    parts = pgm.split(maxsplit=4)
    width, height = int(parts[1]), int(parts[2])
    return width, height, parts[4][: width * height]


def png(width: int, height: int, pixels: bytes | None = None) -> bytes:
    """An 8-bit grayscale PNG; white when no pixels are given."""
    if pixels is None:
        pixels = blank_pixels(width, height)
    rows = b"".join(b"\x00" + pixels[y * width : (y + 1) * width] for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def tiff_pages(count: int) -> bytes:
    """A little-endian TIFF of ``count`` empty IFDs: enough for the page counter."""
    out = bytearray(b"II*\x00" + struct.pack("<I", 8))
    for i in range(count):
        nxt = 8 + 6 * (i + 1) if i + 1 < count else 0
        out += struct.pack("<H", 0) + struct.pack("<I", nxt)
    return bytes(out)


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims a huge size; the reader must refuse it from the header alone."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    ihdr = struct.pack(">I", 13) + b"IHDR" + header + struct.pack(">I", zlib.crc32(b"IHDR" + header))
    return b"\x89PNG\r\n\x1a\n" + ihdr
