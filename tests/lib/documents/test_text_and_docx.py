from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest

from lantoa.lib.documents import DocumentError, Limits, read_document, read_document_bytes
from lantoa.lib.documents.text_file import decode_text

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: vowel letters precomposed, tone marks combining."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        nfd = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
        out += (base + "".join(c for c in nfd if c in _TONES)).encode("cp1258")
    return bytes(out)


PLAN = "KẾ HOẠCH\nTuyên truyền chuyển đổi số\nCăn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1258"])
def test_text_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(cp1258(PLAN) if encoding == "cp1258" else PLAN.encode(encoding))
    doc = read_document(path)
    assert doc.kind == "txt"
    assert doc.text.strip() == PLAN.strip()


def test_cp1258_is_preferred_over_cp1252_for_vietnamese() -> None:
    text, encoding = decode_text(cp1258("Đảng uỷ phường; Ban Chỉ đạo; đổi mới"))
    assert encoding == "cp1258"
    assert "Đảng" in text and "đổi mới" in text


def test_empty_and_missing_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(DocumentError) as err:
        read_document(empty)
    assert err.value.code == "empty"
    assert "rỗng" in err.value.message
    with pytest.raises(DocumentError) as err:
        read_document(tmp_path / "none.pdf")
    assert err.value.code == "not_found"


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 5000)
    with pytest.raises(DocumentError) as err:
        read_document(path, limits=Limits(max_bytes=1000))
    assert err.value.code == "too_large"


def _plan_docx(path: Path) -> None:
    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = "Số: 88/KH-UBND"
    header.cell(1, 1).text = "Lâm Đồng, ngày 02 tháng 3 năm 2026"
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Tuyên truyền chuyển đổi số năm 2026")
    document.add_paragraph("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;")
    document.add_paragraph("I. NỘI DUNG TUYÊN TRUYỀN")
    document.add_paragraph("1. Dịch vụ công trực tuyến.")
    tasks = document.add_table(rows=4, cols=4)
    for r, row in enumerate(
        [
            ["TT", "Nhiệm vụ", "Chủ trì", "Thời gian"],
            ["1", "Chuyên mục trên báo", "Báo Lâm Đồng", "Quý I/2026"],
            ["2", "Video ngắn", "Sở Khoa học và Công nghệ", "Quý II/2026"],
            ["3", "Hội nghị báo cáo viên", "Ban Tuyên giáo", "Quý III/2026"],
        ]
    ):
        for c, value in enumerate(row):
            tasks.cell(r, c).text = value
    document.add_paragraph("II. TỔ CHỨC THỰC HIỆN")
    document.save(str(path))


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    _plan_docx(path)
    doc = read_document(path)
    assert doc.kind == "docx"
    text = doc.text
    order = [
        "ỦY BAN NHÂN DÂN",
        "TỈNH LÂM ĐỒNG",
        "Số: 88/KH-UBND",
        "KẾ HOẠCH",
        "Căn cứ",
        "Chuyên mục trên báo | Báo Lâm Đồng",
        "II. TỔ CHỨC THỰC HIỆN",
    ]
    positions = [text.index(s) for s in order]
    assert positions == sorted(positions)
    # The layout table is read cell by cell: issuer lines stay together.
    assert "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG" in text


def test_docx_from_bytes(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    _plan_docx(path)
    doc = read_document_bytes(path.read_bytes(), filename="ke-hoach.docx")
    assert "88/KH-UBND" in doc.text


def _zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def test_docx_zip_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    # 20 MB of zeros compresses to about 20 KB: a ratio of about 1000.
    _zip(path, {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\0" * (20 * 1024 * 1024)})
    assert path.stat().st_size < 100_000
    with pytest.raises(DocumentError) as err:
        read_document(path, limits=Limits(zip_ratio_floor=1024 * 1024))
    assert err.value.code == "zip_bomb"
    with pytest.raises(DocumentError) as err:
        read_document(path, limits=Limits(max_docx_uncompressed=10 * 1024 * 1024))
    assert err.value.code == "zip_bomb"
    assert "DOCX" in err.value.message


def test_docx_with_too_many_entries(tmp_path: Path) -> None:
    path = tmp_path / "many.docx"
    _zip(path, {f"word/media/{i}.xml": b"x" for i in range(60)} | {"word/document.xml": b"<x/>"})
    with pytest.raises(DocumentError) as err:
        read_document(path, limits=Limits(max_zip_entries=50))
    assert err.value.code == "zip_bomb"


@pytest.mark.parametrize("payload", [b"PK\x03\x04 not really a zip", b"PK\x03\x04" + b"\0" * 200])
def test_corrupt_docx(tmp_path: Path, payload: bytes) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(payload)
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.code == "corrupt_docx"


def test_zip_that_is_not_word(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    _zip(path, {"hello.txt": b"hi"})
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.code == "corrupt_docx"


def test_legacy_doc_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert ".docx" in err.value.message


def _set_level_format(document: docx.document.Document, style: str, fmt: str, text: str) -> None:
    """Make the numbering behind ``style`` print ``text`` in ``fmt`` (e.g. upperRoman "%1.")."""
    from docx.oxml.ns import qn

    num_id = document.styles[style].element.pPr.numPr.numId.val
    root = document.part.numbering_part.element
    num = next(n for n in root.findall(qn("w:num")) if n.get(qn("w:numId")) == str(num_id))
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in root.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id)
    level = next(lv for lv in abstract.findall(qn("w:lvl")) if lv.get(qn("w:ilvl")) == "0")
    level.find(qn("w:numFmt")).set(qn("w:val"), fmt)
    level.find(qn("w:lvlText")).set(qn("w:val"), text)


def test_docx_automatic_numbering_is_rendered(tmp_path: Path) -> None:
    """Sections typed as a Word numbered list keep their "I." labels, items their "1.", bullets "-"."""
    from lantoa.lib.plan_parse import parse_plan

    document = docx.Document()
    _set_level_format(document, "List Number", "upperRoman", "%1.")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Tuyên truyền chuyển đổi số")
    document.add_paragraph("NỘI DUNG TUYÊN TRUYỀN", style="List Number")
    for text in ("Dịch vụ công trực tuyến.", "Kỹ năng số cho người dân."):
        document.add_paragraph(text, style="List Number 2")
    document.add_paragraph("HÌNH THỨC TUYÊN TRUYỀN", style="List Number")
    document.add_paragraph("Đài truyền thanh cơ sở.", style="List Bullet")
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    text = read_document(path).text
    assert "I. NỘI DUNG TUYÊN TRUYỀN" in text and "II. HÌNH THỨC TUYÊN TRUYỀN" in text
    assert "- Đài truyền thanh cơ sở." in text
    draft = parse_plan(text)
    assert draft.themes == ["Dịch vụ công trực tuyến.", "Kỹ năng số cho người dân."]
    assert draft.channels[0].name == "Đài truyền thanh cơ sở."


WEB_PAGE = """<!DOCTYPE html>
<html lang="vi"><head><title>Kế hoạch 15-KH/TU</title><script>var x = "Số hiệu: 99-KH/XX";</script></head>
<body><nav>Trang chủ | Văn bản</nav>
<table class="thuoc-tinh">
<tr><td>Số hiệu:</td><td>15-KH/TU</td><td>Loại văn bản:</td><td>Kế hoạch</td></tr>
<tr><td>Nơi ban hành:</td><td>Tỉnh ủy Nghệ An</td><td>Người ký:</td><td>Nguyễn Đức Trung</td></tr>
<tr><td>Ngày ban hành:</td><td>10/01/2026</td><td>Ngày hiệu lực:</td><td>Đã biết</td></tr>
</table>
<div class="noi-dung">
<p align="center"><b>KẾ HOẠCH</b><br>tuyên truyền chuyển đổi số năm 2026</p>
<p>Thực hiện Kế hoạch số 02-KH/BCĐTW, ngày 19/6/2025 của Ban Chỉ đạo Trung ương,</p>
<p><b>I. NỘI DUNG TUYÊN TRUYỀN</b></p>
<p>1. Kết quả thực hiện Nghị quyết số 57-NQ/TW.</p><p>2. Chính quyền hai cấp.</p>
</div><!-- quảng cáo --></body></html>"""


def test_saved_web_page(tmp_path: Path) -> None:
    from lantoa.lib.plan_parse import parse_plan

    path = tmp_path / "van-ban.html"
    path.write_text(WEB_PAGE, encoding="utf-8")
    doc = read_document(path)
    assert doc.kind == "html"
    assert "Số hiệu: | 15-KH/TU | Loại văn bản: | Kế hoạch" in doc.text
    assert "99-KH/XX" not in doc.text and "Trang chủ" not in doc.text
    draft = parse_plan(doc.text)
    assert (draft.number, str(draft.issued_on), draft.doc_type) == ("15-KH/TU", "2026-01-10", "Kế hoạch")
    assert draft.signer == "Nguyễn Đức Trung"
    assert [r.number for r in draft.references] == ["02-KH/BCĐTW", "57-NQ/TW"]
    assert len(draft.themes) == 2


@pytest.mark.parametrize(
    "payload", [b"{\\rtf1\\ansi Ke hoach}", b"MZ\x90\x00binary", bytes(range(256)) * 20, b"\x1f\x8b\x08gzip"]
)
def test_files_that_are_not_documents(tmp_path: Path, payload: bytes) -> None:
    path = tmp_path / "file.bin"
    path.write_bytes(payload)
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.code in ("unsupported", "undecodable")
