"""Round trip (issue 5 §6): a plan exported to DOCX re-imports to the same structure.

Export with ``plan_docx``, read back with ``read_document_bytes`` and ``parse_plan``, and compare what the
plan states with what the draft reads. "The same structure", field by field:

- number: the plan's number; a number without digits ("…/KH-UBND", illegible in the scan) is blank
  (``None``), as the importer reports blank numbers. issued_on: equal (``None`` for a draft).
- title: equal. issuer and the body above it: equal but for case (the header prints them in capitals).
  place: equal when the plan is dated; an undated draft prints "…, ngày …… tháng …… năm ……", which
  carries no date, and the importer then reports no place either.
- references: the "Căn cứ …"/"Thực hiện …" list, in order, as (relation, number, date), with each kind
  (or its leading words) and issuer (up to a "về" inside it, see ``_issuer``). Numbers the importer finds
  mentioned in the body ("mentions", e.g. 57-NQ/TW inside a title) are not part of it. Subjects are not
  compared: the importer keeps numbers cited in them as mentions.
- themes: the top-level themes in order, each with its sub-themes in order (the plan's nested themes;
  ``draft.theme_children``); a line break inside a theme counts as a space.
- purpose and requirements: their sentences in order.
- channels: (name, start, end) in order; phases: names and windows in order; targets: texts in order,
  after the purpose sentences with a percentage, which the importer counts as targets as well.
- assignments: the set of (unit, role) pairs, from section V and from the units named on each channel
  ("Đơn vị thực hiện / phối hợp", the draft's channel units); per channel the same set; duties of each
  unit of section V in order (a coordinating unit's first duty opens with "Phối hợp: " in the document,
  which is how it says its role).
- budget: every budget line appears in the draft's budget text.
- signer: the name (``None`` when the plan has none), and the lines above it (capacity and title) as one.
  audiences: "name: description". recipients: the "Nơi nhận" lines in order (name and
  note), then the filing line "Lưu VT" that every copy ends with, unless the plan lists one itself.
"""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal
from typing import Any

import pytest

from lantoa.areas.services import areas_load_official
from lantoa.lib.documents import read_document_bytes
from lantoa.lib.plan_parse import PlanDraft, parse_plan
from lantoa.lib.text import fold
from lantoa.plans import demo as plans_demo
from lantoa.plans import services
from lantoa.plans.docx_export import COORDINATES, plan_docx
from lantoa.plans.models import (
    Assignment,
    Audience,
    BudgetItem,
    Channel,
    Phase,
    Plan,
    Recipient,
    Target,
    Theme,
)
from lantoa.units import demo as units_demo
from lantoa.units.models import Unit
from tests.conftest import World

pytestmark = pytest.mark.django_db

D = dt.date


def reimport(plan: Plan) -> PlanDraft:
    plan = Plan.objects.select_related("unit__area").get(pk=plan.pk)
    return parse_plan(read_document_bytes(plan_docx(plan), filename="ke-hoach.docx").text)


def _one_line(text: str) -> str:
    # A line break inside a theme is printed as one (a manual break) and read back as a space.
    return " ".join(text.split())


def _kind(read: str | None, stated: str) -> str | None:
    """The kind read, counted as the stated one when it is its leading words ("Quy chế" for "Quy chế làm
    việc", "Kế hoạch" for "Kế hoạch hành động"): the importer reports the kind of document, not its full name."""
    return stated if read and fold(stated).startswith(fold(read)) else read


def _issuer(name: str) -> str | None:
    # "của <issuer> về <subject>" is split at the first "về": an issuer whose own name contains "về" ("Ban Chỉ
    # đạo Trung ương về phát triển khoa học, …") comes back cut there, as it would from any printed plan.
    return name.split(" về ")[0] or None


def stated(plan: Plan) -> dict[str, Any]:
    """The structure the plan states, in the terms of the draft."""
    themes = list(plan.themes.all())
    assignments = list(plan.assignments.select_related("unit"))
    recipients = [f"{r.name} {r.note}".strip() for r in plan.recipients.all()]
    if not any(fold(r).startswith("luu") for r in recipients):
        recipients.append("Lưu VT")
    duties: dict[tuple[str, str], list[str]] = {}
    for a in assignments:
        if a.channel_id is None:
            duties.setdefault((a.display_unit, a.role), []).extend(a.duty_lines())
    purpose = [line.lstrip("- ") for line in plan.purpose_lines()]
    return {
        "number": plan.number if any(c.isdigit() for c in plan.number) else None,
        "issued_on": plan.issued_on,
        "title": plan.title,
        "issuer": (fold(plan.issuer_parent) or None, fold(plan.unit.name)),
        "place": plan.place if plan.issued_on else None,
        "references": [(r.relation, r.doc_number or None, r.doc_date) for r in plan.references.all()],
        "reference_kinds": [r.doc_kind or None for r in plan.references.all()],
        "reference_issuers": [_issuer(r.doc_issuer) for r in plan.references.all()],
        "themes": [(_one_line(t.text), [_one_line(c.text) for c in themes if c.parent_id == t.pk])
                   for t in themes if t.parent_id is None],
        "channels": [(c.name, c.start, c.end) for c in plan.channels.all()],
        "channel_units": [
            {(a.display_unit, a.role) for a in assignments if a.channel_id == c.pk} for c in plan.channels.all()
        ],
        "phases": [(p.name, p.start, p.end) for p in plan.phases.all()],
        # A purpose sentence with a percentage ("Phấn đấu … 80% …") is read as a target too, ahead of the
        # "Chỉ tiêu" item that follows it in section I.
        "purpose": purpose,
        "requirements": [line.lstrip("- ") for line in plan.requirement_lines()],
        "targets": list(dict.fromkeys([*(p for p in purpose if "%" in p),
                                       *(t.text for t in plan.targets.all())])),
        "assignments": {(a.display_unit, a.role) for a in assignments},
        "duties": duties,
        "budget": [b.source for b in plan.budget_items.all()],
        "signer": plan.signer_name or None,
        "signer_block": " ".join(f"{plan.signer_capacity} {plan.signer_title}".split()) or None,
        "audiences": [f"{a.name}: {a.description}" if a.description else a.name for a in plan.audiences.all()],
        "recipients": recipients,
    }


def _phase_name(name: str) -> str:
    # The document prints the window after the name: "Quý I/2026 - … (từ 01/01/2026 đến 31/03/2026)".
    head, sep, tail = name.rpartition(" (từ ")
    return head if sep and tail.endswith(")") else name


def _duty(text: str) -> str:
    return text.removeprefix(COORDINATES)


def read(draft: PlanDraft, plan: Plan) -> dict[str, Any]:
    """The structure the draft reads, in the same terms as :func:`stated`."""
    refs = [r for r in draft.references if r.relation != "mentions"]
    channel_units = [
        {(u, "lead") for u in c.lead_units} | {(u, "coordinating") for u in c.coordinating_units}
        for c in draft.channels
    ]
    section_v = {(a.unit, a.role) for a in draft.assignments}
    duties = {
        (a.unit, a.role): [_duty(d) for d in a.duties if not (a.role != "lead" and d == "Phối hợp thực hiện.")]
        for a in draft.assignments
    }
    children = draft.theme_children or [[] for _ in draft.themes]
    budget_text = draft.budget or ""
    return {
        "number": draft.number,
        "issued_on": draft.issued_on,
        "title": draft.title,
        "issuer": (fold(draft.issuer_parent or "") or None, fold(draft.issuer or "")),
        "place": draft.place,
        "references": [(r.relation, r.number, r.date) for r in refs],
        "reference_kinds": [_kind(r.kind, p.doc_kind) for r, p in zip(refs, plan.references.all(), strict=False)],
        "reference_issuers": [r.issuer for r in refs],
        "themes": list(zip(draft.themes, children, strict=True)),
        "channels": [(c.name, c.start, c.end) for c in draft.channels],
        "channel_units": channel_units,
        "phases": [(_phase_name(p.name), p.start, p.end) for p in draft.phases],
        "purpose": list(draft.purpose),
        "requirements": list(draft.requirements),
        "targets": list(draft.targets),
        "assignments": section_v.union(*channel_units),
        "duties": duties,
        "budget": [b.source for b in plan.budget_items.all() if b.source in budget_text],
        "signer": draft.signer,
        "signer_block": draft.signer_title,
        "audiences": list(draft.audiences),
        "recipients": list(draft.recipients),
    }


def differences(plan: Plan) -> list[str]:
    want, got = stated(plan), read(reimport(plan), plan)
    label = plan.number or plan.unit.name
    return [f"{label} · {key}:\n  plan:  {want[key]!r}\n  draft: {got[key]!r}" for key in want if want[key] != got[key]]


def test_every_demo_plan_round_trips() -> None:
    """The seed plans as the demo enters them (nested themes, channel units, blank numbers, drafts)."""
    areas_load_official()
    units_demo.load()
    plans_demo.load()
    plans = list(Plan.objects.order_by("pk"))
    assert len(plans) >= 10
    problems = [line for plan in plans for line in differences(plan)]
    assert not problems, "\n".join(problems)
    # The cases that used to fall apart, checked by count as well as by value above.
    vinh_tuy = stated(Plan.objects.get(number="41-KH/ĐU"))
    assert len(vinh_tuy["themes"]) == 4 and sum(len(c) for _t, c in vinh_tuy["themes"]) == 6
    assert len(vinh_tuy["references"]) == 2
    central = stated(Plan.objects.get(number="03-KH/BCĐTW"))
    assert len(central["assignments"]) == 16
    thanh_thuy = Plan.objects.get(unit__name="UBND xã Thanh Thủy")
    assert len(stated(thanh_thuy)["assignments"]) == 7 and thanh_thuy.assignments.count() == 14
    assert reimport(thanh_thuy).phases == []


def _every_kind_of_item(world: World) -> Plan:
    """A state-layout plan with one of everything the exporter writes, built through the plans services."""
    unit = world.unit
    police = Unit.objects.create(name="Công an xã Thanh Thủy", kind=Unit.Kind.POLICE, area=world.commune)
    parent = services.plan_create(unit=world.province_unit, by=None, number="13/KH-SVHTTDL",
                                  title="Kế hoạch tuyên truyền chuyển đổi số năm 2025", issued_on=D(2025, 8, 15),
                                  place="Phú Thọ")
    services.plan_issue(plan=parent, by=None, issued_on=D(2025, 8, 15))
    plan = services.plan_create(
        unit=unit, by=None, number="45/KH-VHXH", title="Kế hoạch tuyên truyền chuyển đổi số trên địa bàn xã",
        issuer_parent="UBND xã Thanh Thủy", place="Thanh Thủy", issued_on=D(2025, 9, 3),
        period_start=D(2025, 9, 1), period_end=D(2025, 12, 31),
        signer_capacity="KT. TRƯỞNG PHÒNG", signer_title="PHÓ TRƯỞNG PHÒNG", signer_name="Hà Thị Minh",
        preamble="Phòng Văn hoá - Xã hội xã Thanh Thủy xây dựng Kế hoạch, cụ thể như sau:",
        purpose="Nâng cao nhận thức của cán bộ và Nhân dân về chuyển đổi số.\nTạo sự đồng thuận xã hội.\n"
                "Phấn đấu 100% hộ gia đình được tiếp cận thông tin về dịch vụ công trực tuyến.",
        requirements="Tuyên truyền thường xuyên, liên tục, phù hợp với từng nhóm đối tượng.",
        organisation="Các đơn vị báo cáo kết quả về Phòng Văn hoá - Xã hội trước ngày 15 hằng tháng.\n"
                     "Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị phản ánh về Phòng để tổng hợp.",
    )
    services.reference_add(plan=plan, by=None, relation="based_on", doc_kind="Nghị quyết", doc_number="57-NQ/TW",
                           doc_date=D(2024, 12, 22), doc_issuer="Bộ Chính trị",
                           doc_subject="về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số")
    services.reference_add(plan=plan, by=None, relation="based_on", doc_kind="Nghị định",
                           doc_number="42/2022/NĐ-CP", doc_date=D(2022, 6, 24), doc_issuer="Chính phủ")
    services.reference_add(plan=plan, by=None, relation="implements", target=parent)
    services.reference_add(plan=plan, by=None, relation="implements", doc_kind="Công văn",
                           doc_number="4338/BTTTT-CĐSQG", doc_date=D(2025, 8, 20),
                           doc_issuer="Bộ Thông tin và Truyền thông")

    def save(item: Any) -> Any:
        return services.item_save(plan=plan, by=None, item=item)

    for name in ("Cán bộ, công chức xã", "Nhân dân trên địa bàn xã"):
        save(Audience(name=name))
    first = save(Theme(text="Tuyên truyền Nghị quyết số 57-NQ/TW của Bộ Chính trị"))
    save(Theme(text="Chủ trương, quan điểm của Đảng về chuyển đổi số.", parent=first))
    save(Theme(text="Kết quả bước đầu, mô hình hay trên địa bàn xã.", parent=first))
    save(Theme(text="Hướng dẫn người dân sử dụng dịch vụ công trực tuyến"))
    third = save(Theme(text="Phòng, chống lừa đảo trên không gian mạng"))
    save(Theme(text="Nhận diện các thủ đoạn lừa đảo qua điện thoại.", parent=third))
    loud = save(Channel(kind=Channel.Kind.LOUDSPEAKER, name="Tuyên truyền trên hệ thống truyền thanh cơ sở",
                        description="Phát chuyên mục chuyển đổi số hằng tuần.", start=D(2025, 9, 1),
                        end=D(2025, 12, 31)))
    save(Channel(kind=Channel.Kind.SOCIAL, name="Tuyên truyền trên mạng xã hội",
                 description="Trang Zalo, Facebook của xã."))
    for kwargs in ({"unit": unit}, {"unit_name": "Sở Văn hoá, Thể thao và Du lịch tỉnh Phú Thọ"},
                   {"unit": police, "role": Assignment.Role.COORDINATING},
                   {"unit_name": "Các thôn, tổ dân phố", "role": Assignment.Role.COORDINATING}):
        save(Assignment(channel=loud, start=D(2025, 9, 1), end=D(2025, 12, 31), **kwargs))
    save(Phase(name="Giai đoạn 1 - Quán triệt", start=D(2025, 9, 1), end=D(2025, 9, 30),
               goals="Quán triệt kế hoạch.", focus="Nghị quyết 57.", forms="Hội nghị."))
    save(Phase(name="Giai đoạn 2 - Triển khai", start=D(2025, 10, 1), end=D(2025, 12, 31)))
    save(Theme(text="Chuyển đổi số trong giáo dục,\ny tế và an sinh xã hội"))
    save(Target(text="100% cán bộ, công chức xã được quán triệt", target_value=Decimal(100)))
    save(Target(text="Ít nhất 12 chuyên mục phát thanh về chuyển đổi số", metric=Target.Metric.COUNT,
                target_value=Decimal(12)))
    save(BudgetItem(source="Ngân sách xã năm 2025", description="chi cho sản xuất chuyên mục",
                    amount=Decimal(15_000_000)))
    save(Assignment(unit=unit, duties="Tham mưu triển khai Kế hoạch.\nTổng hợp kết quả, báo cáo UBND xã."))
    save(Assignment(unit=police, role=Assignment.Role.COORDINATING,
                    duties="Theo dõi, xử lý thông tin sai sự thật trên mạng xã hội."))
    save(Assignment(unit_name="Đoàn Thanh niên xã", role=Assignment.Role.COORDINATING,
                    duties="Phối hợp hướng dẫn người dân cài đặt ứng dụng."))
    save(Assignment(unit_name="Hội Phụ nữ xã", role=Assignment.Role.COORDINATING))
    save(Assignment(unit_name="Trưởng các thôn", duties="Vận động các hộ dân tham gia."))
    save(Recipient(name="UBND xã", note="(b/c)"))
    save(Recipient(name="Các đơn vị liên quan"))
    plan.refresh_from_db()
    return plan


def test_a_plan_with_every_kind_of_item_round_trips(world: World) -> None:
    plan = _every_kind_of_item(world)
    want = stated(plan)
    # The fixture really has one of everything.
    assert len(want["references"]) == 4 and {r[0] for r in want["references"]} == {"based_on", "implements"}
    assert [len(c) for _t, c in want["themes"]] == [2, 0, 1, 0]
    assert {role for _u, role in want["assignments"]} == {"lead", "coordinating"}
    start = time.perf_counter()
    draft = reimport(plan)
    elapsed = time.perf_counter() - start
    assert differences(plan) == []
    assert elapsed < 5, f"{elapsed:.1f} s"
    assert draft.issuer_parent is None or fold(draft.issuer_parent) == fold(plan.issuer_parent)
    assert draft.audiences == ["Cán bộ, công chức xã", "Nhân dân trên địa bàn xã"]
    assert draft.budget and "15.000.000 đồng" in draft.budget


def test_party_layout_and_a_blank_draft_round_trip(world: World) -> None:
    party = Unit.objects.create(name="Đảng uỷ xã Thanh Thủy", kind=Unit.Kind.PARTY_COMMITTEE, area=world.commune)
    issued = services.plan_create(unit=party, by=None, number="07-KH/ĐU", title="Kế hoạch tuyên truyền năm 2026",
                                  issuer_parent="Đảng bộ tỉnh Phú Thọ", place="Thanh Thủy",
                                  issued_on=D(2026, 1, 5), signer_capacity="T/M BAN THƯỜNG VỤ",
                                  signer_title="BÍ THƯ", signer_name="Nguyễn Văn An")
    draft_plan = services.plan_create(unit=party, by=None, title="Dự thảo kế hoạch tuyên truyền")
    for plan in (issued, draft_plan):
        services.item_save(plan=plan, by=None, item=Theme(text="Tuyên truyền về chuyển đổi số"))
        assert differences(plan) == []
    assert reimport(draft_plan).number is None and reimport(draft_plan).issued_on is None


def test_a_reimported_plan_exports_to_the_same_document(world: World) -> None:
    """Export → import → save → export: the second document has the same structure (no 'Lưu VT' twice)."""
    plan = _every_kind_of_item(world)
    draft = reimport(plan)
    copy = services.plan_create(unit=world.sibling_unit, by=None, title=plan.title, number=draft.number or "",
                                issued_on=draft.issued_on, signer_name=draft.signer or "")
    for text in draft.recipients:
        services.item_save(plan=copy, by=None, item=Recipient(name=text))
    for text, children in zip(draft.themes, draft.theme_children, strict=True):
        parent = services.item_save(plan=copy, by=None, item=Theme(text=text))
        for child in children:
            services.item_save(plan=copy, by=None, item=Theme(text=child, parent=parent))
    again = reimport(copy)
    assert again.recipients == draft.recipients and again.recipients.count("Lưu VT") == 1
    assert (again.themes, again.theme_children) == (draft.themes, draft.theme_children)


def test_the_cases_that_used_to_be_lost_come_back(world: World) -> None:
    """Each once lost for a reason in the importer rather than in the document:

    - a window with one end only ("từ ngày 01/09/2025"): read as the start; "đến ngày …" as the end;
    - a phase without dates ("Giai đoạn chuẩn bị"): named stages under the phase section are phases;
    - a unit whose name has a comma and no "và" ("… KHCN, ĐMST&CĐS"): abbreviations after a "về …" name
      continue it;
    - the issuer of a reference without a number ("Căn cứ Luật Báo chí, ngày … của Quốc hội").
    """
    plan = services.plan_create(unit=world.unit, by=None, number="46/KH-VHXH", title="Kế hoạch tuyên truyền",
                                place="Thanh Thủy", issued_on=D(2025, 9, 3))
    services.reference_add(plan=plan, by=None, relation="based_on", doc_kind="Luật", doc_subject="Báo chí",
                           doc_date=D(2016, 4, 5), doc_issuer="Quốc hội")
    services.item_save(plan=plan, by=None, item=Theme(text="Tuyên truyền về chuyển đổi số"))
    channel = services.item_save(plan=plan, by=None, item=Channel(name="Tuyên truyền trực quan",
                                                                    start=D(2025, 9, 1)))
    services.item_save(plan=plan, by=None, item=Assignment(
        channel=channel, unit_name="Ban Chỉ đạo xã về phát triển KHCN, ĐMST&CĐS"))
    services.item_save(plan=plan, by=None, item=Phase(name="Giai đoạn chuẩn bị"))
    assert differences(plan) == []
