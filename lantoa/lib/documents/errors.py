"""The one exception every document reader raises.

Callers (the import command, the upload view, the task that OCRs a scan) show ``message`` to
the user as is, so it is written in Vietnamese; ``code`` is a stable English key for logic
and tests.
"""

from __future__ import annotations


class DocumentError(Exception):
    """A document that cannot be read, with a Vietnamese message for the user."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return self.message


# Messages live in one place so the UI, the CLI and the tests say the same thing.
MESSAGES: dict[str, str] = {
    "empty": "Tệp rỗng, không có nội dung để đọc",
    "too_large": "Tệp quá lớn (giới hạn {limit} MB)",
    "not_found": "Không tìm thấy tệp {name}",
    "unsupported": "Định dạng tệp không được hỗ trợ (chỉ nhận .txt, .docx, .pdf hoặc ảnh quét)",
    "legacy_doc": "Tệp Word cũ (.doc) chưa được hỗ trợ, hãy lưu lại thành .docx hoặc PDF",
    "encrypted": "Tệp PDF bị mã hoá, không đọc được",
    "corrupt_pdf": "Tệp PDF bị hỏng, không đọc được",
    "corrupt_docx": "Tệp DOCX bị hỏng hoặc không đúng định dạng Word",
    "zip_bomb": "Tệp DOCX có nội dung nén bất thường (vượt giới hạn giải nén), đã từ chối để an toàn",
    "too_many_pages": "Tài liệu có {pages} trang, vượt giới hạn {limit} trang",
    "image_too_large": "Ảnh quá lớn ({pixels} triệu điểm ảnh, giới hạn {limit} triệu)",
    "corrupt_image": "Tệp ảnh bị hỏng hoặc không đúng định dạng",
    "ocr_unavailable": "Máy chủ chưa cài công cụ nhận dạng chữ (tesseract, poppler-utils)",
    "ocr_failed": "Nhận dạng chữ thất bại ở trang {page}",
    "ocr_timeout": "Nhận dạng chữ quá thời gian cho phép ở trang {page}",
    "no_text": "Không nhận dạng được chữ nào trong tài liệu (ảnh trống hoặc quá mờ)",
    "undecodable": "Không xác định được bảng mã của tệp văn bản",
    "too_much_text": "Văn bản quá dài (giới hạn {limit} ký tự)",
}


def document_error(code: str, **params: object) -> DocumentError:
    """Build the error for ``code`` with its Vietnamese message filled in."""
    return DocumentError(MESSAGES[code].format(**params), code=code)
