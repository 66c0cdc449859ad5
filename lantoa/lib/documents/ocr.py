"""The one wrapper around the external OCR tools (poppler's ``pdftoppm``, ``tesseract``).

Every OCR call in the project goes through the three functions below, so tests replace
them with ``monkeypatch.setattr(ocr, "image_to_text", fake)`` and never need the binaries.
Each call is a subprocess with a timeout: a hung or pathological page costs at most
``timeout`` seconds and the subprocess' memory is released when it exits.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from pathlib import Path

from .errors import document_error

TESSERACT = "tesseract"
PDFTOPPM = "pdftoppm"


def available() -> bool:
    """True when both tools are on PATH (the set-up script installs them)."""
    return shutil.which(TESSERACT) is not None and shutil.which(PDFTOPPM) is not None


def _env() -> dict[str, str]:
    env = dict(os.environ)
    # One thread per tesseract: pages are OCR'd one at a time by the task layer, and
    # OpenMP's thread pool makes small pages slower, not faster.
    env.setdefault("OMP_THREAD_LIMIT", "1")
    return env


def render_pdf_page(pdf_path: Path, page: int, out_dir: Path, *, dpi: int, max_side: int, timeout: float) -> Path:
    """Render one page (1-based) of ``pdf_path`` to a grayscale PNG in ``out_dir``.

    ``-scale-to`` caps the long side so a page with absurd dimensions cannot produce an
    image that exhausts memory in tesseract.
    """
    if shutil.which(PDFTOPPM) is None:
        raise document_error("ocr_unavailable")
    stem = out_dir / f"page-{page:04d}"
    cmd = [
        PDFTOPPM,
        "-f",
        str(page),
        "-l",
        str(page),
        "-r",
        str(dpi),
        "-gray",
        "-png",
        "-singlefile",
        "-scale-to",
        str(max_side),
        str(pdf_path),
        str(stem),
    ]
    try:
        subprocess.run(cmd, check=True, capture_output=True, timeout=timeout, env=_env())
    except subprocess.TimeoutExpired as exc:
        raise document_error("ocr_timeout", page=page) from exc
    except subprocess.CalledProcessError as exc:
        raise document_error("ocr_failed", page=page) from exc
    return stem.with_suffix(".png")


def image_to_text(image_path: Path, *, lang: str, timeout: float, page: int = 1) -> str:
    """OCR one image file with tesseract and return its text (may be empty)."""
    if shutil.which(TESSERACT) is None:
        raise document_error("ocr_unavailable")
    # --psm 4: a single column of text of variable sizes, which is how a plan page is
    # laid out; the default (3) splits the two-column header into odd blocks.
    cmd = [TESSERACT, str(image_path), "stdout", "-l", lang, "--psm", "4"]
    try:
        done = subprocess.run(cmd, check=True, capture_output=True, timeout=timeout, env=_env())
    except subprocess.TimeoutExpired as exc:
        raise document_error("ocr_timeout", page=page) from exc
    except subprocess.CalledProcessError as exc:
        raise document_error("ocr_failed", page=page) from exc
    return done.stdout.decode("utf-8", errors="replace")


PDFTOTEXT = "pdftotext"


def _run_capped(cmd: list[str], *, timeout: float, max_bytes: int) -> tuple[int, bytes]:
    """Run ``cmd`` and return (exit code, stdout), never holding more than ``max_bytes``.

    A small PDF can inflate to an enormous text layer; reading with a cap and killing the
    process past it keeps memory bounded whatever the input.
    """
    killed = threading.Event()
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=_env()) as proc:

        def kill() -> None:
            killed.set()
            proc.kill()

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            assert proc.stdout is not None
            data = proc.stdout.read(max_bytes + 1)
            if len(data) > max_bytes:
                proc.kill()
                raise document_error("too_much_text", limit=max_bytes)
            code = proc.wait()
        finally:
            timer.cancel()
    if killed.is_set():
        raise document_error("ocr_timeout", page=0)
    return code, data


def pdf_text_layer(pdf_path: Path, *, timeout: float, max_bytes: int = 64 * 1024 * 1024) -> list[str] | None:
    """The text layer of every page via poppler's ``pdftotext``; None when not installed.

    Preferred over pypdf because pypdf scrambles the Vietnamese stacked marks that
    LibreOffice and Word write as separately positioned glyphs ("K  HO CHẾ Ạ" for
    "KẾ HOẠCH"); poppler reassembles them.
    """
    if shutil.which(PDFTOTEXT) is None:
        return None
    cmd = [PDFTOTEXT, "-enc", "UTF-8", "-q", str(pdf_path), "-"]
    code, out = _run_capped(cmd, timeout=timeout, max_bytes=max_bytes)
    if code != 0:
        return None
    pages = out.decode("utf-8", errors="replace").split("\f")
    # pdftotext ends every page with a form feed, so the last piece is empty.
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


PDFINFO = "pdfinfo"


def pdf_info(pdf_path: Path, *, timeout: float) -> dict[str, str] | None:
    """``pdfinfo`` fields ("Pages", "Encrypted", …); None when poppler is not installed.

    Run as a subprocess with a timeout so a hostile PDF costs at most ``timeout`` seconds
    before anything else reads it. A PDF that poppler cannot open yields {"error": …}.
    """
    if shutil.which(PDFINFO) is None:
        return None
    try:
        done = subprocess.run([PDFINFO, str(pdf_path)], capture_output=True, timeout=timeout, env=_env())
    except subprocess.TimeoutExpired as exc:
        raise document_error("corrupt_pdf") from exc
    if done.returncode != 0:
        return {"error": done.stderr.decode("utf-8", errors="replace")[:500]}
    info: dict[str, str] = {}
    for line in done.stdout.decode("utf-8", errors="replace").splitlines():
        key, sep, value = line.partition(":")
        if sep:
            info[key.strip()] = value.strip()
    return info
