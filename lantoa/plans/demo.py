"""Demo plans: the four seed plans, written here as structured data from ../shared/seeds (never parsed at
start-up), in their real cascade, plus generated communes of Phú Thọ with and without plans.

Cascade as the documents state it:
  02-KH/BCĐTW (Ban Chỉ đạo TW, 19/6/2025; entered as a stub: title only)
    ├─ 03-KH/BCĐTW  communication plan (seed 000/001; internal: "thuộc sở hữu của các cơ quan Đảng")
    └─ 13/KH-SVHTTDL  Sở VHTTDL Phú Thọ, 15/8/2025 (stub)
         ├─ xã Thanh Thủy, 28/8/2025 (seed 003)
         └─ generated communes of Phú Thọ (some issued, one draft, some without a plan)
  08-KH/TU, 22-KH/TU  Tỉnh uỷ Lâm Đồng (stubs)
    └─ Ban Tuyên giáo và Dân vận Tỉnh uỷ Lâm Đồng, 01/2026 (seed 002; number and day blank in the scan: draft)
  22-KH/BTGDVTU  Ban Tuyên giáo và Dân vận Thành uỷ Hà Nội, 26/01/2026 (stub)
    └─ 41-KH/ĐU  Đảng uỷ phường Vĩnh Tuy, 12/02/2026 (seed 004)
The seed 001 note applies: 03-KH/BCĐTW stays internal (visibility INTERNAL), so no public page shows it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction

from lantoa.areas.models import AdminArea
from lantoa.plans import services
from lantoa.plans.models import (
    Activity,
    Assignment,
    Audience,
    BudgetItem,
    Channel,
    ExpectationRule,
    Phase,
    Plan,
    PlanReference,
    Recipient,
    Target,
    Theme,
)
from lantoa.units.demo import PHU_THO, THANH_THUY, demo_unit
from lantoa.units.models import Unit

D = dt.date
C = Channel.Kind
IMPL, BASED = PlanReference.Relation.IMPLEMENTS, PlanReference.Relation.BASED_ON


def _ref(plan: Plan, relation: str, kind: str, number: str, date: dt.date | None, issuer: str,
         subject: str = "") -> None:
    target = Plan.objects.filter(number=number).first() if kind == "Kế hoạch" else None
    services.reference_add(plan=plan, by=None, target=target, relation=relation, doc_kind=kind, doc_number=number,
                           doc_date=date, doc_issuer=issuer, doc_subject=subject)


def _plan(unit: Unit, number: str, title: str, **fields: Any) -> tuple[Plan, bool]:
    """Get the plan if a previous run made it (by issuer and title), else create it."""
    existing = Plan.objects.filter(unit=unit, title=title).first()
    if existing:
        return existing, False
    return services.plan_create(unit=unit, by=None, title=title, number=number, **fields), True


def _issue(plan: Plan, on: dt.date, number: str | None = None) -> None:
    if plan.is_draft:
        services.plan_issue(plan=plan, by=None, issued_on=on, number=number)


def _themes(plan: Plan, items: list[str | tuple[str, list[str]]]) -> None:
    for i, item in enumerate(items, start=1):
        text, subs = (item, []) if isinstance(item, str) else item
        theme = Theme.objects.create(plan=plan, order=i, text=text)
        for j, sub in enumerate(subs, start=1):
            Theme.objects.create(plan=plan, order=j, text=sub, parent=theme)


def _recipients(plan: Plan, names: list[str]) -> None:
    Recipient.objects.bulk_create([Recipient(plan=plan, order=i, name=n) for i, n in enumerate(names, start=1)])


def _duty(plan: Plan, key_or_name: str, duties: list[str], **fields: Any) -> Assignment:
    """A duty of a demo unit (by key) or of a body named only in the text (by name)."""
    try:
        unit: Unit | None = demo_unit(key_or_name)
        name = ""
    except (StopIteration, Unit.DoesNotExist):
        unit, name = None, key_or_name
    return Assignment.objects.create(plan=plan, unit=unit, unit_name=name, duties="\n".join(duties), **fields)


# 02-KH/BCĐTW and 03-KH/BCĐTW (seed 000/001) ------------------------------------------------------------------

BCD_TITLE = ("về thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả đáp ứng yêu cầu sắp xếp tổ chức "
             "bộ máy của hệ thống chính trị")
CENTRAL_THEMES: list[str | tuple[str, list[str]]] = [
    "Tuyên truyền sâu rộng về ý nghĩa, tầm quan trọng và tác động của việc triển khai Kế hoạch số 02, nhấn mạnh "
    "yêu cầu chuyển đổi số liên thông, đồng bộ trong hệ thống chính trị nhằm đổi mới phương thức lãnh đạo, điều "
    "hành, nâng cao hiệu quả phục vụ người dân, doanh nghiệp.",
    "Tuyên truyền thường xuyên tiến độ thực hiện các nhóm nhiệm vụ trọng tâm tại Kế hoạch số 02, gồm: Thể chế; hạ "
    "tầng kỹ thuật, công nghệ; dữ liệu; các nền tảng, ứng dụng phục vụ người dân, doanh nghiệp và hoạt động trong "
    "các cơ quan hệ thống chính trị; nhân lực cho chuyển đổi số; nguồn lực tài chính; bảo đảm an toàn, an ninh "
    "thông tin và bảo mật.",
    "Tuyên truyền về công tác kiểm tra, đôn đốc thực hiện Kế hoạch số 02 tại các bộ, ngành, địa phương; phản ánh "
    "vai trò của người đứng đầu trong chỉ đạo tổ chức thực hiện nhiệm vụ được giao đúng tiến độ, bảo đảm chất lượng.",
    "Tuyên truyền các điển hình tiên tiến, mô hình hiệu quả, sáng kiến đổi mới sáng tạo trong thực hiện các nhiệm "
    "vụ của Kế hoạch số 02.",
    "Tuyên truyền về kết quả triển khai dịch vụ công trực tuyến toàn trình, liên thông giữa các cấp chính quyền; "
    "hướng dẫn người dân, doanh nghiệp tiếp cận và sử dụng thuận tiện các dịch vụ công trên môi trường số.",
    "Giới thiệu các giải pháp công nghệ mới được áp dụng, như: Nền tảng tờ khai điện tử, trí tuệ nhân tạo trong "
    "cung cấp dịch vụ công, các hệ thống cảnh báo sớm và hỗ trợ ra quyết định.",
    "Phát hành các tài liệu truyền thông đơn giản, dễ hiểu, dễ tiếp cận (infographic, video clip, hướng dẫn sử "
    "dụng dịch vụ công...), phù hợp với từng nhóm đối tượng.",
    "Tuyên truyền kết quả sơ kết, tổng kết giai đoạn triển khai Kế hoạch số 02.",
    "Kịp thời phát hiện, chủ động đấu tranh phản bác thông tin xấu độc, các quan điểm sai trái, thù địch, nhận "
    "thức lệch lạc về quá trình sắp xếp, tinh gọn tổ chức bộ máy và chuyển đổi số trong hệ thống chính trị.",
]


def _central() -> tuple[Plan, Plan]:
    bcd = demo_unit("bcd_tw")
    stub, created = _plan(bcd, "02-KH/BCĐTW", f"Kế hoạch {BCD_TITLE}", issued_on=D(2025, 6, 19),
                          place="Hà Nội", visibility=Plan.Visibility.PUBLIC_SUMMARY)
    _issue(stub, D(2025, 6, 19))
    plan, created = _plan(
        bcd, "03-KH/BCĐTW", "Kế hoạch truyền thông thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả "
        "đáp ứng yêu cầu sắp xếp tổ chức bộ máy của hệ thống chính trị",
        doc_type=Plan.DocType.COMMUNICATION_PLAN, issuer_parent="BAN CHẤP HÀNH TRUNG ƯƠNG",
        place="Hà Nội", issued_on=D(2025, 7, 28), period_start=D(2025, 7, 20), period_end=D(2025, 12, 31),
        signer_capacity="T/M BAN CHỈ ĐẠO", signer_title="", signer_name="Lê Hoài Trung",
        visibility=Plan.Visibility.INTERNAL,
        preamble="Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số ban "
                 "hành Kế hoạch truyền thông thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả đáp ứng yêu "
                 "cầu sắp xếp tổ chức bộ máy của hệ thống chính trị, cụ thể như sau:",
        purpose="Tuyên truyền kịp thời, đầy đủ, chính xác về mục tiêu, nội dung, tiến độ, giải pháp của Kế hoạch số "
                "02-KH/BCĐTW nhằm tạo sự thống nhất, đồng bộ trong nhận thức, hành động của toàn hệ thống chính trị.\n"
                "Nâng cao nhận thức, trách nhiệm của các cấp uỷ, chính quyền, Mặt trận Tổ quốc, các đoàn thể, các "
                "doanh nghiệp và Nhân dân về thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả.\n"
                "Tạo sự đồng thuận xã hội, huy động sự tham gia tích cực của các cơ quan báo chí, doanh nghiệp công "
                "nghệ, các tổ chức chính trị - xã hội và các tầng lớp Nhân dân.\n"
                "Kịp thời phát hiện, chủ động đấu tranh, phản bác thông tin xấu độc, quan điểm sai trái, thù địch.",
        requirements="Việc tuyên truyền phải được thực hiện thường xuyên, liên tục, đồng bộ giữa các cấp, các ngành, "
                     "phù hợp với từng giai đoạn triển khai Kế hoạch số 02.\n"
                     "Nội dung tuyên truyền bảo đảm tính chính xác, kịp thời, dễ hiểu, dễ tiếp cận, phù hợp với từng "
                     "nhóm đối tượng.\n"
                     "Sử dụng linh hoạt, hiệu quả các hình thức, phương tiện truyền thông: báo chí, phát thanh - "
                     "truyền hình, nền tảng số, bản tin nội bộ, tài liệu tuyên truyền trực quan.",
        organisation="Trong quá trình triển khai, nếu có khó khăn, vướng mắc phát sinh, đề nghị các cơ quan, đơn vị "
                     "kịp thời báo cáo Văn phòng Trung ương Đảng (Cơ quan Thường trực Ban Chỉ đạo) để xem xét, điều "
                     "chỉnh cho phù hợp.",
    )
    if not created:
        return stub, plan
    for number, day, kind, issuer, subject in [
        ("57-NQ/TW", D(2024, 12, 22), "Nghị quyết", "Bộ Chính trị",
         "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"),
        ("229-QĐ/TW", D(2025, 1, 10), "Quyết định", "Bộ Chính trị", "về thành lập Ban Chỉ đạo Trung ương"),
        ("230-QĐ/TW", D(2025, 1, 10), "Quy định", "Bộ Chính trị", "về chức năng, nhiệm vụ của Ban Chỉ đạo"),
        ("259-QĐ/TW", D(2025, 1, 24), "Quyết định", "Bộ Chính trị", "về Văn phòng Trung ương Đảng"),
        ("01-QC/BCĐTW", D(2025, 2, 28), "Quy chế làm việc", "Ban Chỉ đạo Trung ương", ""),
        ("01-KH/BCĐTW", D(2025, 6, 2), "Kế hoạch", "Ban Chỉ đạo Trung ương",
         "về hành động chiến lược triển khai Nghị quyết số 57-NQ/TW"),
    ]:
        _ref(plan, BASED, kind, number, day, issuer, subject)
    # The plan's whole purpose is communicating 02-KH/BCĐTW: recorded as "implements" so it sits in that tree.
    services.reference_add(plan=plan, by=None, target=stub, relation=IMPL, doc_kind="Kế hoạch",
                           doc_subject=BCD_TITLE)
    _themes(plan, CENTRAL_THEMES)
    window = {"start": D(2025, 7, 20), "end": D(2025, 12, 31)}
    blocks = [
        (C.PRESS, "Khối cơ quan báo chí chủ lực và các cơ quan báo chí Trung ương",
         "Xây dựng chuyên trang, chuyên mục; thường xuyên đăng tin, bài về Kế hoạch số 02.\n"
         "Tổ chức các chương trình chuyên đề (talkshow, toạ đàm, giao lưu trực tuyến).\n"
         "Thực hiện các tuyến bài, phóng sự phản ánh thực tiễn triển khai Kế hoạch số 02.\n"
         "Sản xuất các sản phẩm truyền thông đa phương tiện (clip ngắn, phóng sự, bản tin thời sự).",
         ["bao_nhan_dan", "tap_chi_cong_san", "ttxvn", "vtv", "vov", "cong_dang", "cong_chinh_phu", "bao_qdnd",
          "bao_cand", "bao_dbnd"]),
        (C.PRESS, "Khối báo điện tử, báo chuyên ngành, tạp chí chuyên đề",
         "Tuyên truyền sâu các nội dung chuyển đổi số theo từng ngành, lĩnh vực, địa phương.\n"
         "Sản xuất các sản phẩm truyền thông số: infographic, video ngắn, podcast, ảnh đồ hoạ.", []),
        (C.BROADCAST, "Khối cơ quan báo chí, truyền thông địa phương",
         "Chủ động tuyên truyền việc triển khai Kế hoạch số 02 gắn với tình hình thực tế địa phương.\n"
         "Hướng dẫn người dân sử dụng dịch vụ công trực tuyến, ứng dụng công nghệ, nền tảng số mới.", []),
        (C.DIGITAL, "Các nền tảng số của hệ thống chính trị",
         "Hệ thống VNeID, các ứng dụng dịch vụ công trực tuyến, cổng thông tin điện tử tạo Banner, Landing Page "
         "chuyên đề.\nHuy động tối đa các kênh truyền thông trên mạng xã hội (Facebook, YouTube, TikTok, Zalo...).",
         []),
    ]
    for i, (kind, name, desc, units) in enumerate(blocks, start=1):
        channel = Channel.objects.create(plan=plan, order=i, kind=kind, name=name, description=desc, **window)
        for j, key in enumerate(units, start=1):
            _duty(plan, key, [], channel=channel, order=j, **window)
    duties = [
        ("vp_tw", ["Chủ trì triển khai công tác truyền thông trên Cổng Thông tin điện tử Đảng Cộng sản Việt Nam.",
                   "Phát hành các tài liệu truyền thông về chuyển đổi số dễ hiểu, dễ lan toả (infographic, video...).",
                   "Tổng hợp kết quả năm 2025 về thực hiện các hoạt động truyền thông để báo cáo Ban Chỉ đạo."]),
        ("Các cơ quan báo chí, các cổng thông tin điện tử, trang thông tin điện tử",
         ["Căn cứ Kế hoạch này, chủ động xây dựng kế hoạch tuyên truyền cụ thể của cơ quan, đơn vị mình.",
          "Chủ động cập nhật và báo cáo kết quả tuyên truyền định kỳ (hoặc đột xuất theo yêu cầu)."]),
        ("bcd35_tw", ["Chỉ đạo tăng cường theo dõi, rà quét, nắm bắt tình hình; đấu tranh phản bác thông tin xấu "
                      "độc."]),
        ("btgdv_tw", ["Chỉ đạo, định hướng công tác thông tin, tuyên truyền về Kế hoạch số 02 trên các cơ quan báo "
                      "chí; nắm bắt, phân tích dư luận xã hội."]),
        ("bo_vhttdl", ["Chỉ đạo, hướng dẫn các cơ quan báo chí, hệ thống thông tin cơ sở trong cả nước thực hiện "
                       "hiệu quả công tác tuyên truyền về Kế hoạch."]),
        ("bo_ca", ["Theo dõi sát tình hình thông tin, dư luận trên không gian mạng; kịp thời phát hiện, đấu tranh, "
                   "phản bác các luận điệu sai trái, xuyên tạc."]),
    ]
    for i, (key, lines) in enumerate(duties, start=1):
        status = Assignment.Status.IN_PROGRESS if key == "vp_tw" else Assignment.Status.NOT_STARTED
        _duty(plan, key, lines, order=100 + i, status=status, **window)
    _recipients(plan, ["Đồng chí Tổng Bí thư, Trưởng Ban Chỉ đạo Trung ương (để báo cáo)",
                       "Thành viên Ban Chỉ đạo Trung ương", "Ban Chỉ đạo 35 Trung ương",
                       "Ban Tuyên giáo và Dân vận Trung ương", "Bộ Văn hoá, Thể thao và Du lịch", "Bộ Công an",
                       "Các cơ quan báo chí Trung ương", "Các bộ, ngành, địa phương",
                       "Các đảng uỷ trực thuộc Trung ương", "Tỉnh uỷ, thành uỷ", "Cục Chuyển đổi số - Cơ yếu"])
    _issue(plan, D(2025, 7, 28))
    # Every provincial Ban Tuyên giáo và Dân vận is expected to issue its own communication plan.
    services.expectation_add(plan=plan, by=None, area=bcd.area, area_level=AdminArea.Level.PROVINCE,
                             unit_kind=Unit.Kind.PARTY_BOARD, name_contains="tuyen giao", due_on=D(2025, 9, 30))
    return stub, plan


# 13/KH-SVHTTDL and xã Thanh Thủy (seed 003) ------------------------------------------------------------------

def _phu_tho(stub: Plan) -> Plan:
    so = demo_unit("svhttdl_phutho")
    plan, created = _plan(
        so, "13/KH-SVHTTDL", "Kế hoạch tuyên truyền thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả đáp "
        "ứng yêu cầu sắp xếp tổ chức bộ máy của hệ thống chính trị", issuer_parent="UBND TỈNH PHÚ THỌ",
        place="Phú Thọ", issued_on=D(2025, 8, 15), period_start=D(2025, 8, 15), period_end=D(2025, 12, 31),
        visibility=Plan.Visibility.PUBLIC_SUMMARY)
    if created:
        services.reference_add(plan=plan, by=None, target=stub, relation=IMPL, doc_kind="Kế hoạch",
                               doc_subject=BCD_TITLE)
        _themes(plan, CENTRAL_THEMES[:8])
        _issue(plan, D(2025, 8, 15))
        services.expectation_add(plan=plan, by=None, area=so.area, area_level=AdminArea.Level.COMMUNE,
                                 unit_kind=Unit.Kind.PEOPLES_COMMITTEE, due_on=D(2025, 8, 31))
    return plan


def _thanh_thuy(parent: Plan) -> Plan:
    ubnd = demo_unit("ubnd_thanhthuy")
    plan, created = _plan(
        ubnd, "", "Kế hoạch tuyên truyền thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả đáp ứng yêu cầu "
        "sắp xếp tổ chức bộ máy của hệ thống chính trị trên địa bàn xã Thanh Thủy",
        issuer_parent="", place="Thanh Thủy", issued_on=D(2025, 8, 28), period_start=D(2025, 8, 28),
        period_end=D(2025, 12, 31), signer_capacity="TM. UỶ BAN NHÂN DÂN\nKT. CHỦ TỊCH", signer_title="PHÓ CHỦ TỊCH",
        signer_name="Nguyễn Anh Tuấn", visibility=Plan.Visibility.PUBLIC,
        preamble="UBND xã Thanh Thủy xây dựng Kế hoạch tuyên truyền thúc đẩy chuyển đổi số liên thông, đồng bộ, "
                 "nhanh, hiệu quả đáp ứng yêu cầu sắp xếp tổ chức bộ máy của hệ thống chính trị trên địa bàn xã, cụ "
                 "thể như sau:",
        purpose="Tuyên truyền kịp thời, đầy đủ, chính xác về mục tiêu, nội dung, tiến độ, giải pháp của Kế hoạch số "
                "02-KH/BCĐTW và Kế hoạch hành động số 01-KHHĐ/BCĐ ngày 22/7/2025 của Ban Chỉ đạo tỉnh.\n"
                "Tuyên truyền, phổ biến rộng rãi, tạo sự đồng thuận và huy động sự tham gia tích cực của toàn xã "
                "hội trong quá trình triển khai Kế hoạch.\n"
                "Kịp thời phát hiện, chủ động đấu tranh, phản bác thông tin xấu độc, các quan điểm sai trái, thù "
                "địch.",
        requirements="Công tác tuyên truyền phải được thực hiện thường xuyên, liên tục, đồng bộ, có trọng tâm, "
                     "trọng điểm; hình thức đa dạng qua báo chí, hệ thống đài truyền thanh cơ sở, tuyên truyền trực "
                     "quan, các nền tảng số.\n"
                     "Bám sát tình hình thực tiễn, phản ánh kịp thời kết quả, mô hình hay, cách làm sáng tạo.",
        organisation="Đề nghị các cơ quan, đơn vị triển khai thực hiện, báo cáo kết quả định kỳ (hoặc đột xuất) về "
                     "UBND xã (qua phòng Văn hoá - Xã hội) để tổng hợp, báo cáo theo quy định.",
    )
    if not created:
        return plan
    services.reference_add(plan=plan, by=None, target=parent, relation=IMPL, doc_kind="Kế hoạch",
                           doc_issuer="Sở Văn hoá, Thể thao và Du lịch tỉnh Phú Thọ")
    _themes(plan, [str(t) if i != 2 else str(t).replace("các bộ, ngành, địa phương", "các phòng, ban, đơn vị")
                   for i, t in enumerate(CENTRAL_THEMES[:4] + CENTRAL_THEMES[4:6] + CENTRAL_THEMES[7:9])])
    window = {"start": D(2025, 8, 28), "end": D(2025, 12, 31)}
    forms = [
        (C.LOUDSPEAKER, "Tuyên truyền trên hệ thống thông tin cơ sở",
         "Tuyên truyền trên hệ thống truyền thanh của xã; Cổng thông tin điện tử; mạng xã hội; bảng tin công cộng; "
         "tuyên truyền trực tiếp qua tuyên truyền viên cơ sở.", ["ttdv_thanhthuy"], []),
        (C.SOCIAL, "Tuyên truyền trên các nền tảng số của cơ quan, đơn vị",
         "Phát huy tối đa hệ thống kênh truyền thông trên các nền tảng mạng xã hội phổ biến (Facebook, YouTube, "
         "TikTok, Zalo...) để lan toả thông tin tích cực, truyền thông chính sách.",
         ["vhxh_thanhthuy", "ttdv_thanhthuy"], ["Các phòng, đơn vị trực thuộc UBND", "ca_thanhthuy"]),
        (C.DIGITAL, "Rà quét, quản lý thông tin trên báo chí và mạng xã hội",
         "Tổ chức quản lý, theo dõi, rà quét thông tin trên báo chí và mạng xã hội; kịp thời phát hiện, xử lý các "
         "nội dung thông tin phản ánh thiếu chính xác.",
         ["vhxh_thanhthuy", "ttdv_thanhthuy"], ["Các phòng, đơn vị trực thuộc UBND", "ca_thanhthuy"]),
    ]
    for i, (kind, name, desc, leads, coords) in enumerate(forms, start=1):
        channel = Channel.objects.create(plan=plan, order=i, kind=kind, name=name, description=desc, **window)
        for j, key in enumerate(leads, start=1):
            _duty(plan, key, [], channel=channel, order=j, **window)
        for j, key in enumerate(coords, start=10):
            _duty(plan, key, [], channel=channel, order=j, role=Assignment.Role.COORDINATING, **window)
    BudgetItem.objects.create(plan=plan, order=1, source="Ngân sách xã năm 2025")
    for i, (key, lines, status) in enumerate([
        ("vhxh_thanhthuy", ["Tham mưu UBND xã xây dựng Kế hoạch tuyên truyền.",
                            "Chủ động cập nhật và báo cáo kết quả công tác tuyên truyền định kỳ (hoặc đột xuất) theo "
                            "yêu cầu của Sở Văn hoá, Thể thao và Du lịch."], Assignment.Status.DONE),
        ("ttdv_thanhthuy", ["Chủ trì tổ chức tuyên truyền các nội dung trên tất cả các phương tiện thông tin: Đài "
                            "truyền thanh cơ sở, cổng thông tin điện tử, các nền tảng mạng xã hội."],
         Assignment.Status.IN_PROGRESS),
        ("ca_thanhthuy", ["Tăng cường kiểm soát, bảo đảm tuân thủ các quy định của pháp luật trong hoạt động đăng "
                          "tải thông tin trên Internet, mạng xã hội; ngăn chặn, bóc gỡ kịp thời thông tin sai sự "
                          "thật."], Assignment.Status.NOT_STARTED),
        ("mttq_thanhthuy", ["Tuyên truyền, lan toả thông tin tích cực; chia sẻ tin, bài đấu tranh phản bác thông tin "
                            "xấu độc đến cán bộ, đoàn viên, hội viên."], Assignment.Status.NOT_STARTED),
        ("Trưởng các Khu dân cư", ["Tích cực tuyên truyền phổ biến về chuyển đổi số đến từng hộ dân; vận động, hướng "
                                   "dẫn sử dụng dịch vụ công trực tuyến."], Assignment.Status.NOT_STARTED),
    ], start=1):
        _duty(plan, key, lines, order=100 + i, status=status, **window)
    _recipients(plan, ["Sở VHTTDL (b/c)", "TTĐU, TT HĐND xã", "CT, các PCT UBND xã", "Các cơ quan, đơn vị liên quan",
                       "CVP, PCVP"])
    _issue(plan, D(2025, 8, 28), number="…/KH-UBND")  # the number is not legible in the scan
    return plan


def _generated_communes(parent: Plan) -> int:
    """UBND of a dozen Phú Thọ communes: six issued (two late), one draft, the rest without a plan yet."""
    areas = list(AdminArea.objects.filter(province__code=PHU_THO, level=AdminArea.Level.COMMUNE)
                 .exclude(code=THANH_THUY).order_by("code")[:11])
    made = 0
    for i, area in enumerate(areas):
        name = f"UBND {area.name.replace('Xã', 'xã').replace('Phường', 'phường')}"
        unit, _ = Unit.objects.get_or_create(area=area, name=name, defaults={"kind": Unit.Kind.PEOPLES_COMMITTEE})
        if i >= 7 or Plan.objects.filter(unit=unit).exists():
            continue
        plan = services.plan_create_implementing(parent=parent, unit=unit, by=None,
                                                 title=f"{parent.title} trên địa bàn {area.name.lower()}")
        if i < 6:
            day = D(2025, 8, 20) + dt.timedelta(days=4 * i)  # the last two after the 31/8 deadline
            services.plan_issue(plan=plan, by=None, number=f"{20 + i}/KH-UBND", issued_on=day)
        made += 1
    return made


# Lâm Đồng (seed 002) -----------------------------------------------------------------------------------------

def _lam_dong() -> Plan:
    tu = demo_unit("tu_lamdong")
    stubs = []
    for number, day, title in [
        ("08-KH/TU", D(2025, 8, 29), "Kế hoạch hành động về việc thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị"),
        ("22-KH/TU", D(2026, 1, 14), "Kế hoạch triển khai thực hiện Nghị quyết số 57-NQ/TW năm 2026 trên địa bàn "
                                     "tỉnh Lâm Đồng"),
    ]:
        stub, _ = _plan(tu, number, title, issued_on=day, place="Lâm Đồng", issuer_parent="ĐẢNG BỘ TỈNH LÂM ĐỒNG",
                        visibility=Plan.Visibility.PUBLIC_SUMMARY)
        _issue(stub, day)
        stubs.append(stub)
    plan, created = _plan(
        demo_unit("btgdv_lamdong"), "", "Kế hoạch tuyên truyền Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính "
        "trị; Phong trào “Bình dân học vụ số” và Đề án chuyển đổi số trong các cơ quan Đảng",
        issuer_parent="TỈNH UỶ LÂM ĐỒNG", place="Lâm Đồng", period_start=D(2026, 1, 1), period_end=D(2028, 12, 31),
        signer_capacity="K/T TRƯỞNG BAN", signer_title="PHÓ TRƯỞNG BAN", signer_name="Lê Ngọc Quang",
        visibility=Plan.Visibility.PUBLIC,
        preamble="Ban Tuyên giáo và Dân vận Tỉnh uỷ ban hành kế hoạch tuyên truyền trên địa bàn tỉnh, cụ thể như sau:",
        purpose="Tạo sự thống nhất trong nhận thức và hành động từ các cấp uỷ, chính quyền, mặt trận, các tổ chức "
                "đoàn thể chính trị - xã hội, của cán bộ, đảng viên và các tầng lớp Nhân dân về vai trò của phát "
                "triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.\n"
                "Phát huy vai trò nêu gương của cán bộ, đảng viên trong học tập, ứng dụng công nghệ số; lan toả Phong "
                "trào “Bình dân học vụ số”, từng bước phổ cập tri thức, kỹ năng số cho Nhân dân.\n"
                "Tăng cường sự phối hợp giữa các cơ quan trong hệ thống chính trị, các cơ quan báo chí, truyền thông.",
        requirements="Công tác tuyên truyền cần được triển khai thường xuyên, kịp thời, có trọng tâm, trọng điểm; "
                     "phù hợp với từng nhóm đối tượng và điều kiện thực tiễn của địa phương, đơn vị.\n"
                     "Phát huy ưu thế của các nền tảng số, phương thức truyền thông hiện đại.\n"
                     "Bảo đảm an toàn thông tin, an ninh dữ liệu trong quá trình tổ chức các hoạt động tuyên truyền.",
        organisation="Kế hoạch này là căn cứ để các địa phương, cơ quan, đơn vị tổ chức triển khai công tác tuyên "
                     "truyền. Định kỳ báo cáo kết quả thực hiện về Ban Tuyên giáo và Dân vận Tỉnh uỷ.",
    )
    if not created:
        return plan
    for stub in stubs:
        services.reference_add(plan=plan, by=None, target=stub, relation=IMPL, doc_kind="Kế hoạch")
    _ref(plan, IMPL, "Kế hoạch", "13-KH/TU", D(2025, 9, 15), "Ban Thường vụ Tỉnh uỷ",
         "về việc triển khai Phong trào “Bình dân học vụ số” trên địa bàn tỉnh")
    _ref(plan, IMPL, "Kế hoạch", "13-KH/TU", D(2025, 12, 8), "Ban Thường vụ Tỉnh uỷ",
         "về việc triển khai thực hiện Đề án chuyển đổi số trong các cơ quan đảng tỉnh giai đoạn 2025 - 2028")
    _ref(plan, IMPL, "Kế hoạch", "01-KH/BCĐ", D(2025, 12, 12), "Ban Chỉ đạo tỉnh",
         "về việc phát động thi đua trong triển khai Phong trào “Bình dân học vụ số”")
    _themes(plan, [
        ("Tuyên truyền Nghị quyết số 57-NQ/TW của Bộ Chính trị", [
            "Chủ trương, quan điểm của Đảng, chính sách, pháp luật của Nhà nước về phát triển khoa học, công nghệ, "
            "đổi mới sáng tạo và chuyển đổi số quốc gia.",
            "Kết quả bước đầu, mô hình, cách làm hay, điển hình tiên tiến trên địa bàn tỉnh.",
            "Xây dựng văn hoá số, quy tắc ứng xử trên môi trường số; bảo đảm an toàn, an ninh thông tin."]),
        ("Tuyên truyền Phong trào “Bình dân học vụ số”", [
            "Mục tiêu, ý nghĩa của Phong trào; phổ cập tri thức cơ bản về chuyển đổi số, kỹ năng số cho Nhân dân.",
            "Vận động cán bộ, đảng viên, công chức, viên chức và Nhân dân tích cực tham gia học tập.",
            "Giới thiệu, nhân rộng các mô hình lan toả kỹ năng số cho cộng đồng; vai trò của tổ công nghệ số "
            "cộng đồng."]),
        ("Tuyên truyền Đề án chuyển đổi số trong các cơ quan Đảng", [
            "Quan điểm, mục tiêu, nhiệm vụ và lộ trình thực hiện Đề án giai đoạn 2025 - 2028.",
            "Trách nhiệm của cấp uỷ, tổ chức đảng, vai trò nêu gương của người đứng đầu.",
            "Biểu dương, giới thiệu các mô hình hay, cách làm hiệu quả."]),
    ])
    for i, (kind, name, desc) in enumerate([
        (C.PRESS, "Tuyên truyền qua báo chí", "Đăng tải tin tức, bài viết; ưu tiên thời lượng trên bản tin thời sự "
         "hằng tuần.\nSản xuất các chương trình đối thoại, toạ đàm, phỏng vấn chuyên gia.\nXây dựng kênh truyền thông "
         "chuyên biệt về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số."),
        (C.DIGITAL, "Tuyên truyền trên các nền tảng số", "Cổng thông tin điện tử của tỉnh, các sở, ban, ngành và địa "
         "phương.\nMạng xã hội và các nền tảng số (Facebook, Zalo, YouTube, hỏi - đáp trực tuyến, livestream...) "
         "để lan toả thông tin, video clip, infographic.\nỨng dụng trí tuệ nhân tạo, chatbot hỗ trợ hỏi đáp về "
         "chuyển đổi số."),
        (C.CONFERENCE, "Hội nghị, hội thảo, toạ đàm", "Sinh hoạt chi bộ, sinh hoạt chuyên đề, sinh hoạt của các tổ "
         "chức chính trị - xã hội.\nHội nghị, hội thảo chuyên đề; toạ đàm với doanh nghiệp, startup."),
        (C.VISUAL, "Tuyên truyền trực quan", "Áp phích, pano, băng rôn tại các cơ quan, trung tâm hành chính, khu "
         "công nghiệp.\nMàn hình LED công cộng trình chiếu video tuyên truyền."),
    ], start=1):
        Channel.objects.create(plan=plan, order=i, kind=kind, name=name, description=desc)
    for i, (name, start, end, goals) in enumerate([
        ("Giai đoạn 1 - năm 2026: Triển khai đồng bộ, lan toả Phong trào", D(2026, 1, 1), D(2026, 12, 31),
         "Tập trung tuyên truyền, quán triệt sâu rộng Nghị quyết số 57-NQ/TW; tạo chuyển biến rõ nét về nhận thức."),
        ("Giai đoạn 2 - năm 2027: Nâng cao chất lượng, đi vào chiều sâu", D(2027, 1, 1), D(2027, 12, 31),
         "Chuyển mạnh từ nâng cao nhận thức sang thúc đẩy hành động cụ thể."),
        ("Giai đoạn 3 - năm 2028: Tổng kết, đánh giá", D(2028, 1, 1), D(2028, 12, 31),
         "Tổng kết việc thực hiện Nghị quyết số 57-NQ/TW và Đề án giai đoạn 2025 - 2028."),
    ], start=1):
        Phase.objects.create(plan=plan, order=i, name=name, start=start, end=end, goals=goals)
    for i, (key, lines) in enumerate([
        ("Các đảng uỷ trực thuộc Tỉnh uỷ", ["Định hướng thông tin và tổ chức tuyên truyền qua đội ngũ báo cáo viên, "
                                            "tuyên truyền viên cấp cơ sở, hệ thống đài truyền thanh cơ sở."]),
        ("mttq_lamdong", ["Chỉ đạo, hướng dẫn các cấp hội tổ chức tốt các hoạt động thông tin, tuyên truyền cho cán "
                          "bộ, hội viên, đoàn viên và Nhân dân."]),
        ("bao_lamdong", ["Xây dựng kế hoạch tuyên truyền đậm nét các hoạt động liên quan; chủ động đăng tải các bài "
                         "viết đấu tranh, phản bác các quan điểm sai trái."]),
    ], start=1):
        _duty(plan, key, lines, order=i, start=D(2026, 1, 1), end=D(2028, 12, 31))
    _recipients(plan, ["Thường trực Tỉnh uỷ (b/c)", "Ban Chỉ đạo tỉnh về phát triển KHCN, ĐMST&CĐS (b/c)",
                       "Các cơ quan tham mưu, giúp việc Tỉnh uỷ", "UB MTTQ Việt Nam tỉnh và các tổ chức CT-XH tỉnh",
                       "Báo và Phát thanh, Truyền hình tỉnh", "Các đảng uỷ trực thuộc Tỉnh uỷ"])
    return plan  # number and day are blank in the scan: kept as a draft awaiting its number


# phường Vĩnh Tuy (seed 004) ----------------------------------------------------------------------------------

def _vinh_tuy() -> Plan:
    btg = demo_unit("btgdv_hanoi")
    stub, _ = _plan(btg, "22-KH/BTGDVTU", "Kế hoạch thông tin, truyền thông triển khai Kế hoạch hành động thực hiện "
                    "Nghị quyết số 57-NQ/TW trên địa bàn thành phố Hà Nội năm 2026", issued_on=D(2026, 1, 26),
                    place="Hà Nội", issuer_parent="THÀNH UỶ HÀ NỘI", visibility=Plan.Visibility.PUBLIC_SUMMARY,
                    period_start=D(2026, 1, 1), period_end=D(2026, 12, 31))
    _issue(stub, D(2026, 1, 26))
    q = [(D(2026, 1, 1), D(2026, 3, 31)), (D(2026, 4, 1), D(2026, 6, 30)), (D(2026, 7, 1), D(2026, 9, 30)),
         (D(2026, 10, 1), D(2026, 12, 31))]
    plan, created = _plan(
        demo_unit("du_vinhtuy"), "41-KH/ĐU", "Kế hoạch thông tin, tuyên truyền triển khai Kế hoạch thực hiện Nghị "
        "quyết số 57-NQ/TW của Bộ Chính trị về “đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển "
        "đổi số” trên địa bàn phường Vĩnh Tuy năm 2026", issuer_parent="ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", place="Vĩnh Tuy",
        issued_on=D(2026, 2, 12), period_start=D(2026, 1, 1), period_end=D(2026, 12, 31),
        signer_capacity="T/M BAN THƯỜNG VỤ", visibility=Plan.Visibility.PUBLIC,
        purpose="Quán triệt, tuyên truyền sâu rộng, kịp thời, chính xác nội dung Nghị quyết số 57-NQ/TW và các văn "
                "bản chỉ đạo của Trung ương, Thành uỷ Hà Nội, Ban Thường vụ Đảng uỷ phường.\n"
                "Góp phần chuyển biến mạnh mẽ nhận thức về vai trò đột phá chiến lược của khoa học, công nghệ, đổi "
                "mới sáng tạo và chuyển đổi số.\n"
                "Tổ chức hoạt động thông tin tuyên truyền chủ động, có trọng tâm; bảo đảm mỗi cơ quan, đơn vị đều có "
                "kế hoạch và sản phẩm truyền thông cụ thể.",
        requirements="Bám sát sự lãnh đạo, chỉ đạo của Thành uỷ, Đảng uỷ, UBND phường; tập trung các nhiệm vụ có "
                     "thời hạn rõ ràng, các kết quả đầu ra cụ thể.\n"
                     "Nội dung truyền thông có trọng tâm, trọng điểm; coi trọng cung cấp thông tin bằng số liệu.\n"
                     "Kết hợp hài hoà giữa “xây” và “chống”.",
    )
    if not created:
        return plan
    services.reference_add(plan=plan, by=None, target=stub, relation=IMPL, doc_kind="Kế hoạch",
                           doc_issuer="Ban Tuyên giáo và Dân vận Thành uỷ")
    _ref(plan, IMPL, "Kế hoạch hành động", "09-KH/BCĐ57", D(2026, 2, 6),
         "Ban Chỉ đạo thực hiện Nghị quyết số 57 Đảng uỷ phường Vĩnh Tuy")
    T = Target.Metric
    for i, (text, metric, value, label, how, kind) in enumerate([
        ("100% cán bộ chủ chốt, đội ngũ báo cáo viên, tuyên truyền viên trên địa bàn phường được quán triệt đầy "
         "đủ, kịp thời các nội dung trọng tâm của Kế hoạch", T.PERCENT, 100, "%", "Số người dự hội nghị quán triệt "
         "/ tổng số cán bộ chủ chốt, báo cáo viên, tuyên truyền viên", ""),
        ("Đạt tỷ lệ 100% các tin, bài phản ánh trên các kênh truyền thông liên quan đến công tác chuyển đổi số của "
         "phường được theo dõi, tổng hợp, xử lý, định hướng thông tin kịp thời", T.PERCENT, 100, "%",
         "Từ phân hệ theo dõi báo chí, mạng xã hội", ""),
        ("Bảo đảm 100% các đơn vị cấp uỷ, chính quyền, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội phường "
         "xây dựng kế hoạch thông tin, tuyên truyền riêng", T.PERCENT, 100, "%",
         "Tỷ lệ đơn vị có kế hoạch thực hiện riêng (theo dõi ban hành)", ""),
        ("Xây dựng, sản xuất các tin, bài, infographic, video ngắn, bài phân tích, câu hỏi giải đáp thắc mắc",
         T.COUNT, None, "sản phẩm", "Đếm từ nhật ký hoạt động", ""),
        ("Nâng cao hiệu quả công tác theo dõi, nắm bắt, phân tích dư luận xã hội", T.OTHER, None, "", "", ""),
    ], start=1):
        Target.objects.create(plan=plan, order=i, text=text, metric=metric, unit_label=label, measured_how=how,
                              target_value=Decimal(value) if value is not None else None, activity_kind=kind)
    for i, (name, desc) in enumerate([
        ("Cấp uỷ, tổ chức Đảng, chính quyền, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội",
         "trước hết là người đứng đầu, cán bộ chủ chốt, thành viên Ban Chỉ đạo chuyển đổi số phường; cán bộ, công "
         "chức, viên chức."),
        ("Doanh nghiệp, doanh nhân, hợp tác xã, hộ sản xuất kinh doanh trên địa bàn", ""),
        ("Nhân dân trong toàn phường", "nhất là học sinh, sinh viên, thanh niên, người lao động."),
    ], start=1):
        Audience.objects.create(plan=plan, order=i, name=name, description=desc)
    _themes(plan, [
        ("Tuyên truyền, quán triệt đầy đủ nội dung Nghị quyết 57-NQ/TW và các văn bản chỉ đạo của Trung ương, Thành "
         "phố, phường", ["Phương châm “Hành động đột phá, lan toả kết quả”: năm 2026 là năm bản lề."]),
        ("Tuyên truyền các nhiệm vụ trọng tâm năm 2026", [
            "Tập trung cao độ và đổi mới trong công tác chỉ đạo, điều hành; vai trò của người đứng đầu.",
            "Nâng cao năng lực số của đảng viên, cán bộ, công chức, viên chức, người lao động.",
            "Cải cách thủ tục hành chính “không giấy tờ - không tiếp xúc - không trung gian”.",
            "Chuyển đổi số các dịch vụ thiết yếu: giáo dục, y tế, an sinh xã hội.",
            "Phát triển kinh tế số, xã hội số bền vững."]),
        "Tuyên truyền mô hình hay, cách làm hiệu quả, điển hình tiên tiến",
        "Định hướng dư luận, đấu tranh phản bác thông tin sai lệch",
    ])
    for i, (kind, name, desc) in enumerate([
        (C.PRESS, "Thực hiện công tác phát ngôn, cung cấp và xử lý thông tin báo chí", ""),
        (C.DIGITAL, "Kiểm soát và định hướng thông tin", "Theo dõi các kênh báo chí, mạng xã hội, nền tảng số; phát "
         "hiện sớm các thông tin sai lệch, xuyên tạc."),
        (C.PRESS, "Phối hợp truyền thông với các cơ quan báo chí", "Cập nhật thường xuyên trên Trang thông tin điện "
         "tử và các trang mạng xã hội phường; tăng thời lượng phát thanh."),
        (C.LOUDSPEAKER, "Phát thanh: chuyên mục, chuyên đề", ""),
        (C.SOCIAL, "Mạng xã hội: video ngắn, infographic, nội dung tương tác", ""),
        (C.CONFERENCE, "Thông tin cơ sở: hội nghị, sinh hoạt chi bộ, đối thoại trực tiếp", ""),
    ], start=1):
        Channel.objects.create(plan=plan, order=i, kind=kind, name=name, description=desc)
    for i, ((start, end), (name, goals, forms)) in enumerate(zip(q, [
        ("Quý I/2026 - Quán triệt, thống nhất nhận thức, tạo nền tảng triển khai",
         "Quán triệt sâu sắc mục tiêu, quan điểm chỉ đạo; tạo sự thống nhất cao về nhận thức.",
         "Hội nghị quán triệt; sinh hoạt chi bộ; hội nghị báo cáo viên, tuyên truyền viên."),
        ("Quý II/2026 - Tuyên truyền triển khai cơ chế, chính sách và chuyển đổi số trong hệ thống chính trị",
         "Làm rõ quyết tâm chính trị; tạo đồng thuận xã hội đối với các giải pháp chuyển đổi số.",
         "Hệ thống truyền thanh phường; trang thông tin điện tử, Fanpage “Phường Vĩnh Tuy”, Zalo UBND phường."),
        ("Quý III/2026 - Lan toả kết quả bước đầu, mô hình hay, cách làm hiệu quả",
         "Khẳng định hiệu quả bước đầu; tạo niềm tin xã hội.",
         "Hệ thống truyền thanh phường; trang thông tin điện tử, Fanpage, Zalo, các hội nghị."),
        ("Quý IV/2026 - Tổng kết, đánh giá, định hướng giai đoạn tiếp theo",
         "Tổng kết, đánh giá kết quả; tạo tiền đề triển khai nhiệm vụ năm 2027.", "Chuyên đề tổng kết; báo cáo "
         "phân tích."),
    ], strict=True), start=1):
        Phase.objects.create(plan=plan, order=i, name=name, start=start, end=end, goals=goals, forms=forms)
    for i, (key, lines) in enumerate([
        ("bxdd_vinhtuy", ["Chủ trì tham mưu, chỉ đạo và định hướng công tác thông tin, tuyên truyền.",
                          "Nắm bắt, phân tích, dự báo dư luận xã hội; theo dõi chặt chẽ thông tin báo chí, mạng xã "
                          "hội.",
                          "Tham mưu sơ kết, tổng kết, đánh giá hiệu quả công tác tuyên truyền khi kết thúc năm 2026."]),
        ("ubnd_vinhtuy", ["Chỉ đạo các phòng, ban, đơn vị trực thuộc phối hợp triển khai các hoạt động tuyên truyền, "
                          "thông tin cơ sở và cổ động trực quan.",
                          "Chủ động xây dựng các tin, bài phản ánh đầy đủ kết quả thực hiện Nghị quyết."]),
        ("mttq_vinhtuy", ["Tăng cường tuyên truyền, vận động đoàn viên, hội viên và Nhân dân.",
                          "Chủ động nắm bắt tình hình Nhân dân, kịp thời tập hợp, phản ánh tâm tư, nguyện vọng, kiến "
                          "nghị chính đáng của Nhân dân."]),
    ], start=1):
        _duty(plan, key, lines, order=i, start=D(2026, 2, 12), end=D(2026, 12, 31))
    _recipients(plan, ["Ban TG&DV Thành uỷ", "Thường trực Đảng uỷ phường", "Thường trực HĐND, UBND phường",
                       "Thành viên Ban Chỉ đạo 57 của ĐU phường", "Các cơ quan tham mưu Đảng uỷ phường",
                       "MTTQ và các tổ chức CT-XH phường", "Các phòng, ban, đơn vị thuộc phường",
                       "Các tổ chức Đảng trực thuộc"])
    _issue(plan, D(2026, 2, 12))
    # Target 3 of the plan itself: every party, government and front body of the ward has its own plan.
    services.expectation_add(plan=plan, by=None, area=plan.unit.area, units=[
        demo_unit("ubnd_vinhtuy"), demo_unit("mttq_vinhtuy"), demo_unit("bxdd_vinhtuy")], due_on=D(2026, 3, 15))
    return plan


def _activities(central: Plan, thanh_thuy: Plan) -> int:
    if Activity.objects.filter(plan__in=[central, thanh_thuy]).exists():
        return 0
    vp = demo_unit("vp_tw")
    themes = list(central.themes.filter(parent__isnull=True).order_by("order"))
    duty = central.assignments.filter(unit=vp).first()
    services.activity_record(unit=vp, by=None, kind=Activity.Kind.INFOGRAPHIC, date=D(2025, 8, 5), plan=central,
                             assignment=duty, themes=themes[4:5], is_shared=True, views=18500, shares=2300,
                             title="Infographic: 5 bước nộp hồ sơ dịch vụ công trực tuyến toàn trình",
                             description="Tài liệu tuyên truyền chính thống, các địa phương sử dụng lại.")
    services.activity_record(unit=vp, by=None, kind=Activity.Kind.SHORT_VIDEO, date=D(2025, 8, 20), plan=central,
                             assignment=duty, themes=themes[6:7], is_shared=True, views=42000,
                             title="Video hướng dẫn sử dụng VNeID cho người cao tuổi")
    ttdv = demo_unit("ttdv_thanhthuy")
    tt_duty = thanh_thuy.assignments.filter(unit=ttdv, channel__isnull=True).first()
    loud = thanh_thuy.channels.filter(kind=Channel.Kind.LOUDSPEAKER).first()
    for i, day in enumerate([D(2025, 9, 3), D(2025, 9, 17), D(2025, 10, 1)]):
        services.activity_record(unit=ttdv, by=None, kind=Activity.Kind.LOUDSPEAKER, date=day, plan=thanh_thuy,
                                 channel=loud, assignment=tt_duty, minutes=15 + 5 * i,
                                 title=f"Chuyên mục chuyển đổi số trên đài truyền thanh xã, kỳ {i + 1}")
    services.activity_record(unit=ttdv, by=None, kind=Activity.Kind.SOCIAL_POST, date=D(2025, 9, 10),
                             plan=thanh_thuy, assignment=tt_duty, views=3200, shares=140,
                             title="Hướng dẫn cài đặt ứng dụng dịch vụ công trên Zalo UBND xã")
    return 6


@transaction.atomic
def load() -> list[str]:
    stub, central = _central()
    so = _phu_tho(stub)
    tt = _thanh_thuy(so)
    generated = _generated_communes(so)
    ld = _lam_dong()
    vt = _vinh_tuy()
    made = _activities(central, tt)
    lines = [f"Kế hoạch: {Plan.objects.count()} (trong đó {generated} của xã sinh thêm ở Phú Thọ lần này)"]
    for plan in (stub, central, so, tt, ld, vt):
        lines.append(f"  {plan.number or '(chưa số)':<16} {plan.unit.name} — {plan.get_status_display()}")
    if made:
        lines.append(f"  {made} hoạt động mẫu; thư viện: {Activity.objects.shared().count()} tài liệu chia sẻ")
    rules = ExpectationRule.objects.count()
    lines.append(f"  {rules} quy tắc theo dõi ban hành kế hoạch thực hiện")
    return lines
