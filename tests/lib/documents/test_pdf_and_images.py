from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from lantoa.lib.documents import DocumentError, Limits, read_document
from lantoa.lib.documents.image_file import tiff_page_count
from lantoa.lib.documents.pdf_file import unreadable

from .conftest import FakeOcr
from .makefiles import blank_pdf, blank_pixels, image_pdf, png, png_header_only, text_pdf, tiff_pages

LINES = [
    "UY BAN NHAN DAN XA AN BINH",
    "So: 45/KH-UBND",
    "KE HOACH",
    "Tuyen truyen chuyen doi so tren dia ban xa nam 2025",
]


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_pdf_text_layer(tmp_path: Path, no_ocr: None) -> None:
    path = _write(tmp_path, "plan.pdf", text_pdf([LINES, ["Trang 2: noi dung tuyen truyen chuyen doi so"]]))
    doc = read_document(path)
    assert doc.kind == "pdf" and doc.pages == 2 and not doc.ocr
    assert "45/KH-UBND" in doc.text
    assert "Trang 2" in doc.text


def test_pdf_with_owner_password_only_is_readable(tmp_path: Path, no_ocr: None) -> None:
    writer = PdfWriter(clone_from=io.BytesIO(text_pdf([LINES])))
    writer.encrypt(user_password="", owner_password="chu-so-huu", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    doc = read_document(_write(tmp_path, "owner.pdf", buf.getvalue()))
    assert "45/KH-UBND" in doc.text


def test_encrypted_pdf_is_refused(tmp_path: Path, no_ocr: None) -> None:
    writer = PdfWriter(clone_from=io.BytesIO(text_pdf([LINES])))
    writer.encrypt(user_password="mat-khau", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(DocumentError) as err:
        read_document(_write(tmp_path, "secret.pdf", buf.getvalue()))
    assert err.value.code == "encrypted"
    assert err.value.message == "Tệp PDF bị mã hoá, không đọc được"


@pytest.mark.parametrize(
    "payload",
    [
        b"%PDF-1.4\n garbage garbage",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
        b"not a pdf at all",
    ],
)
def test_corrupt_pdf(tmp_path: Path, payload: bytes, no_ocr: None) -> None:
    with pytest.raises(DocumentError) as err:
        read_document(_write(tmp_path, "broken.pdf", payload))
    assert err.value.code in ("corrupt_pdf", "empty", "no_text")


def test_truncated_pdf(tmp_path: Path, no_ocr: None) -> None:
    data = text_pdf([LINES] * 3)
    with pytest.raises(DocumentError):
        read_document(_write(tmp_path, "cut.pdf", data[: len(data) // 3]))


def test_500_page_scan_is_refused_before_ocr(tmp_path: Path, no_ocr: None) -> None:
    path = _write(tmp_path, "scan500.pdf", blank_pdf(500))
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.code == "too_many_pages"
    assert "500 trang" in err.value.message and "200" in err.value.message
    with pytest.raises(DocumentError):
        read_document(path, limits=Limits(max_pages=499))


def test_scanned_pdf_goes_through_the_ocr_wrapper_page_by_page(tmp_path: Path, fake_ocr: FakeOcr) -> None:
    fake_ocr.text = "KẾ HOẠCH\nSố: 12/KH-UBND\n"
    path = _write(tmp_path, "scan.pdf", image_pdf([(60, 80, blank_pixels(60, 80))] * 3))
    seen: list[tuple[int, int]] = []
    doc = read_document(path, progress=lambda done, total: seen.append((done, total)))
    assert doc.kind == "pdf-ocr" and doc.ocr and doc.pages == 3
    assert fake_ocr.rendered == [1, 2, 3]
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert doc.text.count("12/KH-UBND") == 3
    # Page images are temporary: nothing is left behind.
    assert not any(p.exists() for p in fake_ocr.images)


def test_scan_with_no_text(tmp_path: Path, fake_ocr: FakeOcr) -> None:
    path = _write(tmp_path, "blank.pdf", image_pdf([(60, 80, blank_pixels(60, 80))]))
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.code == "no_text"


def test_image_goes_through_ocr(tmp_path: Path, fake_ocr: FakeOcr) -> None:
    fake_ocr.text = "KẾ HOẠCH\n"
    doc = read_document(_write(tmp_path, "scan.png", png(40, 30)))
    assert doc.kind == "image-ocr" and doc.text.startswith("KẾ HOẠCH")


def test_image_with_no_text(tmp_path: Path, fake_ocr: FakeOcr) -> None:
    with pytest.raises(DocumentError) as err:
        read_document(_write(tmp_path, "blank.png", png(40, 30)))
    assert err.value.code == "no_text"
    assert "Không nhận dạng được chữ" in err.value.message


def test_huge_image_is_refused_from_its_header(tmp_path: Path, no_ocr: None) -> None:
    with pytest.raises(DocumentError) as err:
        read_document(_write(tmp_path, "huge.png", png_header_only(100_000, 100_000)))
    assert err.value.code == "image_too_large"


def test_500_page_tiff_is_refused_before_ocr(tmp_path: Path, no_ocr: None) -> None:
    with pytest.raises(DocumentError) as err:
        read_document(_write(tmp_path, "scan.tif", tiff_pages(500)))
    assert err.value.code == "too_many_pages"
    assert tiff_page_count(tiff_pages(7), 200) == 7


def test_text_pdf_fixture_is_well_formed() -> None:
    reader = PdfReader(io.BytesIO(text_pdf([LINES])))
    assert len(reader.pages) == 1


def test_text_layer_in_a_legacy_vietnamese_font_is_ocrd(tmp_path: Path, fake_ocr: FakeOcr) -> None:
    """TCVN3 (.VnTime) PDFs extract as "KÕ ho¹ch"; those pages go to OCR instead."""
    fake_ocr.text = "KẾ HOẠCH\nTuyên truyền chuyển đổi số\n"
    legacy = [
        "KÕ ho¹ch tuyªn truyÒn chuyÓn ®æi sè",
        "C¨n cø NghÞ quyÕt sè 57-NQ/TW ngµy 22/12/2024",
        "cña Bé ChÝnh trÞ vÒ ®ét ph¸ ph¸t triÓn khoa häc",
    ]
    doc = read_document(_write(tmp_path, "vntime.pdf", text_pdf([legacy])))
    assert doc.ocr and fake_ocr.rendered == [1]
    assert doc.text.startswith("KẾ HOẠCH")


def test_unicode_text_layer_is_not_mistaken_for_junk() -> None:
    assert not unreadable("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển")
    assert not unreadable("UY BAN NHAN DAN XA AN BINH So: 45/KH-UBND KE HOACH tuyen truyen chuyen doi so")
    assert unreadable(" ".join(chr(0xE000 + i) * 5 for i in range(8)))


def test_external_tool_output_and_time_are_capped() -> None:
    from lantoa.lib.documents.ocr import _run_capped

    with pytest.raises(DocumentError) as err:
        _run_capped(["yes", "chuyển đổi số"], timeout=10, max_bytes=100_000)
    assert err.value.code == "too_much_text"
    with pytest.raises(DocumentError) as err:
        _run_capped(["sleep", "5"], timeout=0.2, max_bytes=1000)
    assert err.value.code == "ocr_timeout"
    assert _run_capped(["printf", "KẾ HOẠCH"], timeout=5, max_bytes=1000) == (0, "KẾ HOẠCH".encode())


def test_text_layer_larger_than_the_limit_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "long.pdf", text_pdf([LINES * 20] * 3))
    with pytest.raises(DocumentError) as err:
        read_document(path, limits=Limits(max_text_chars=500))
    assert err.value.code == "too_much_text"


def test_pypdf_fallback_without_poppler(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_ocr: None) -> None:
    """Without poppler the same checks run on pypdf: text layer, encryption, page limit."""
    from lantoa.lib.documents import ocr

    monkeypatch.setattr(ocr, "pdf_info", lambda *a, **k: None)
    monkeypatch.setattr(ocr, "pdf_text_layer", lambda *a, **k: None)
    assert "45/KH-UBND" in read_document(_write(tmp_path, "plan.pdf", text_pdf([LINES]))).text
    writer = PdfWriter(clone_from=io.BytesIO(text_pdf([LINES])))
    writer.encrypt(user_password="mat-khau", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(DocumentError) as err:
        read_document(_write(tmp_path, "secret.pdf", buf.getvalue()))
    assert err.value.code == "encrypted"
    with pytest.raises(DocumentError) as err:
        read_document(_write(tmp_path, "big.pdf", text_pdf([LINES] * 5)), limits=Limits(max_pages=3))
    assert err.value.code == "too_many_pages"
