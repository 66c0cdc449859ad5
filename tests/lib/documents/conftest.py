from __future__ import annotations

from pathlib import Path

import pytest

from lantoa.lib.documents import ocr


class FakeOcr:
    """Stands in for tesseract/pdftoppm: records calls, returns canned text."""

    def __init__(self, text: str = "") -> None:
        self.text = text
        self.rendered: list[int] = []
        self.images: list[Path] = []

    def render_pdf_page(self, pdf_path: Path, page: int, out_dir: Path, **_: object) -> Path:
        self.rendered.append(page)
        image = out_dir / f"page-{page}.png"
        image.write_bytes(b"fake")
        return image

    def image_to_text(self, image_path: Path, **_: object) -> str:
        self.images.append(image_path)
        return self.text


@pytest.fixture
def fake_ocr(monkeypatch: pytest.MonkeyPatch) -> FakeOcr:
    fake = FakeOcr()
    monkeypatch.setattr(ocr, "render_pdf_page", fake.render_pdf_page)
    monkeypatch.setattr(ocr, "image_to_text", fake.image_to_text)
    return fake


@pytest.fixture
def no_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if anything reaches the OCR tools."""

    def refuse(*args: object, **kwargs: object) -> str:
        raise AssertionError("OCR must not run for this input")

    monkeypatch.setattr(ocr, "render_pdf_page", refuse)
    monkeypatch.setattr(ocr, "image_to_text", refuse)
