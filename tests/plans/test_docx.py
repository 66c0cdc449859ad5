"""The official DOCX: read back with python-docx; a slow test renders it with LibreOffice."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from docx import Document

from lantoa.plans import services
from lantoa.plans.docx_export import plan_docx
from lantoa.plans.models import Assignment, BudgetItem, Channel, Phase, Plan, Recipient, Target, Theme
from lantoa.units.models import Unit
from tests.plans.factories import END, START, make_plan

pytestmark = pytest.mark.django_db


def _full_plan(unit: Unit, **fields: object) -> Plan:
    plan = make_plan(unit, number="12/KH-UBND", issued=True, place="Thanh Thủy",
                     signer_capacity="TM. UỶ BAN NHÂN DÂN", signer_title="PHÓ CHỦ TỊCH", signer_name="Nguyễn Anh Tuấn",
                     purpose="Tuyên truyền kịp thời, đầy đủ, chính xác.\nTạo sự đồng thuận xã hội.",
                     requirements="Thường xuyên, liên tục, đồng bộ.", **fields)
    services.reference_add(plan=plan, by=None, relation="implements", doc_kind="Kế hoạch",
                           doc_number="13/KH-SVHTTDL", doc_issuer="Sở Văn hoá, Thể thao và Du lịch tỉnh Phú Thọ")
    Theme.objects.create(plan=plan, order=2, text="Giới thiệu các giải pháp công nghệ mới được áp dụng")
    channel = Channel.objects.create(plan=plan, order=1, kind="loudspeaker", start=START, end=END,
                                     name="Tuyên truyền trên hệ thống thông tin cơ sở",
                                     description="Tuyên truyền trên hệ thống truyền thanh của xã")
    Assignment.objects.create(plan=plan, channel=channel, unit=unit, role="lead", start=START, end=END)
    Assignment.objects.create(plan=plan, unit_name="Công an xã", role="lead", duties="Tăng cường kiểm soát")
    Phase.objects.create(plan=plan, order=1, name="Quý IV/2025", start=START, end=END, goals="Quán triệt")
    Target.objects.create(plan=plan, order=1, text="100% cán bộ chủ chốt được quán triệt", target_value=100)
    BudgetItem.objects.create(plan=plan, order=1, source="Ngân sách xã năm 2025", amount=15000000)
    Recipient.objects.create(plan=plan, order=1, name="Sở VHTTDL", note="(b/c)")
    return plan


def _text(doc: Document) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for cell in table._cells:
            parts += [p.text for p in cell.paragraphs]
    return "\n".join(parts)


def test_state_layout_round_trip(world) -> None:
    plan = _full_plan(world.unit)
    response = world.client("owner").get(reverse("plans:docx", args=[plan.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    doc = Document(io.BytesIO(response.content))
    text = _text(doc)
    for expected in ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 12/KH-UBND",
                     "Thanh Thủy, ngày 28 tháng 8 năm 2025", "KẾ HOẠCH", plan.title,
                     "- Thực hiện Kế hoạch số 13/KH-SVHTTDL của Sở Văn hoá, Thể thao và Du lịch tỉnh Phú Thọ;",
                     "I. MỤC ĐÍCH, YÊU CẦU", "- Tạo sự đồng thuận xã hội.", "II. NỘI DUNG TUYÊN TRUYỀN",
                     "2. Giới thiệu các giải pháp công nghệ mới được áp dụng", "III. HÌNH THỨC TUYÊN TRUYỀN",
                     "- Thời gian thực hiện: từ ngày 28/08/2025 đến ngày 31/12/2025.",
                     f"- Đơn vị thực hiện: {world.unit.name}.", "1. Quý IV/2025 (từ 28/08/2025 đến 31/12/2025)",
                     "- Ngân sách xã năm 2025 — 15.000.000 đồng", "V. TỔ CHỨC THỰC HIỆN", "1. Công an xã",
                     "Nơi nhận:", "- Sở VHTTDL (b/c);", "TM. UỶ BAN NHÂN DÂN", "Nguyễn Anh Tuấn"):
        assert expected in text, expected
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in text
    section = doc.sections[0]
    size = [round(x.mm) for x in (section.page_width, section.page_height, section.left_margin,
                                  section.right_margin, section.top_margin, section.bottom_margin)]
    assert size == [210, 297, 30, 15, 20, 20]
    fonts = {run.font.name for p in doc.paragraphs for run in p.runs}
    sizes = {run.font.size.pt for p in doc.paragraphs for run in p.runs if run.font.size}
    assert fonts == {"Times New Roman"} and sizes <= {13.0, 14.0}


def test_party_layout(world) -> None:
    party = Unit.objects.create(name="Đảng uỷ phường Vĩnh Tuy", kind=Unit.Kind.PARTY_COMMITTEE, area=world.commune)
    plan = make_plan(party, number="41-KH/ĐU", issued=True, issuer_parent="Đảng bộ thành phố Hà Nội",
                     signer_capacity="T/M BAN THƯỜNG VỤ")
    text = _text(Document(io.BytesIO(plan_docx(plan))))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in text
    assert "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI" in text and "Số 41-KH/ĐU" in text and "T/M BAN THƯỜNG VỤ" in text


def test_docx_reads_in_constant_queries(world, django_assert_max_num_queries) -> None:
    plan = _full_plan(world.unit)
    for i in range(30):
        Theme.objects.create(plan=plan, order=10 + i, text=f"Nội dung {i}")
        Assignment.objects.create(plan=plan, unit_name=f"Đơn vị {i}", duties="Thực hiện")
    plan = Plan.objects.select_related("unit__area").get(pk=plan.pk)
    with django_assert_max_num_queries(12):
        plan_docx(plan)


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice không có trên máy này")
def test_libreoffice_renders_a4_pdf_in_times_or_its_substitute(world, tmp_path: Path) -> None:
    from pypdf import PdfReader

    plan = _full_plan(world.unit)
    for i in range(40):  # long enough for a second page
        Theme.objects.create(plan=plan, order=10 + i, text=f"Nội dung số {i + 3}: " + "chuyển đổi số " * 12)
    source = tmp_path / "ke-hoach.docx"
    source.write_bytes(plan_docx(plan))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=120)
    pdf = tmp_path / "ke-hoach.pdf"
    reader = PdfReader(pdf)
    assert 2 <= len(reader.pages) <= 6
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)
    # pdftotext keeps Vietnamese marks together (pypdf splits the combining ones).
    text = subprocess.run(["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "KẾ HOẠCH" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    # Times New Roman itself, or on a Debian box without Microsoft fonts its metric-compatible substitute
    # (Liberation Serif), whose older builds lack Vietnamese letters: fontconfig then picks another serif
    # (a Times clone such as TeX Gyre Termes, or Noto/DejaVu Serif), never a sans font.
    names = [line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:]]
    assert any(n.startswith(("TimesNewRoman", "LiberationSerif")) for n in names), fonts
    serif = ("TimesNewRoman", "LiberationSerif", "TeXGyreTermes", "NimbusRom", "FreeSerif", "NotoSerif", "DejaVuSerif")
    assert all(n.startswith(serif) for n in names), fonts


def test_docx_is_vietnamese_whatever_the_interface_language(world) -> None:
    plan = _full_plan(world.unit)
    client = world.client("owner")
    client.cookies["django_language"] = "en"
    text = _text(Document(io.BytesIO(client.get(reverse("plans:docx", args=[plan.pk])).content)))
    assert "\nKẾ HOẠCH\n" in text and "PLANS" not in text.upper().replace("PLANS:", "")
    body = client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert "KẾ HOẠCH<br>" in body


def test_attachment_types_are_checked(world) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    plan = _full_plan(world.unit)
    client = world.client("owner")
    client.post(reverse("plans:attachment_add", args=[plan.pk]),
                {"kind": "signed", "file": SimpleUploadedFile("virus.exe", b"MZ")})
    assert not plan.attachments.exists()
    client.post(reverse("plans:attachment_add", args=[plan.pk]),
                {"kind": "signed", "file": SimpleUploadedFile("ban-ky.pdf", b"%PDF-1.4")})
    assert plan.attachments.get().title == "ban-ky.pdf"
    response = client.get(reverse("plans:attachment", args=[plan.pk, plan.attachments.get().pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4"
