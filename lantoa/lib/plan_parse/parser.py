"""``parse_plan``: text of a plan (clean, unaccented or garbled OCR) → :class:`PlanDraft`."""

from __future__ import annotations

import re

from .body import (
    extract_assignments,
    extract_budget,
    extract_channels,
    extract_phases,
    extract_purpose,
    extract_themes,
    table_assignments,
    window_in,
)
from .header import Header, attachment_title, doc_type_of, parse_header, strip_mottos
from .model import Assignment, Phase, PlanDraft
from .polish import Polisher
from .references import find_mentions, merge_references, parse_reference_items
from .sections import find_sections
from .signature import parse_tail
from .textutil import clean_space, fold_same, has_phrase, prepare_text, sentence_case, upper_ratio

# Fields whose text comes from the document (and so can be garbled).
_TEXT_FIELDS = (
    "place",
    "issuer",
    "title",
    "references",
    "themes",
    "channels",
    "phases",
    "targets",
    "assignments",
    "budget",
    "signer",
    "recipients",
)


def parse_plan(text: str, *, repair: bool = True) -> PlanDraft:
    """Extract the structure of a plan from its text.

    Never raises on odd input: what cannot be found stays empty and is listed in
    ``draft.uncertain``. ``repair=False`` skips the text core (tests, benchmarks).
    """
    prepared = prepare_text(text)
    # Page numbers ("- 2 -", "Trang 3/5") between pages would be glued into items; blank
    # them, keeping the line count so indexes stay valid.
    lines = ["" if _PAGE_NUMBER.match(fold_same(line)) else line for line in prepared.split("\n")]
    polisher = Polisher(prepared, use_core=repair)
    draft = PlanDraft(text_condition=polisher.condition)
    header = parse_header(lines)
    draft.doc_type = header.doc_type
    draft.number = header.number
    draft.number_symbol = header.number_symbol
    draft.issued_on_parts = {"day": header.day, "month": header.month, "year": header.year}
    draft.issued_on = header.issued_on
    draft.place, draft.issuer, draft.issuer_parent = header.place, header.issuer, header.issuer_parent
    draft.title = header.title

    body_start = header.title_end if header.type_line is not None else header.header_end
    # Appendices ("PHỤ LỤC", usually task tables after the signature) are read for
    # assignments only; everything else stops where they start.
    all_lines = lines
    lines = lines[: _appendix_start(lines, body_start)]
    attached = _attached_plan(lines, header)
    if attached is not None:
        # A decision that issues the plan as its attachment: number, date and signer are the
        # decision's, the structure is the attachment's.
        plan_start, plan_title, plan_body = attached
        draft.warnings.append(f"Kế hoạch ban hành kèm theo {header.doc_type} số {header.number or '…'}")
        draft.doc_type, draft.title = "Kế hoạch", plan_title or draft.title
        decision_end = plan_start
        while decision_end > body_start and (
            not lines[decision_end - 1].strip() or upper_ratio(strip_mottos(lines[decision_end - 1])) > 0.6
        ):
            decision_end -= 1  # the attachment repeats the issuer's header above "KẾ HOẠCH"
        decision_tail = parse_tail(lines[:decision_end], body_start)
        sections = find_sections(lines, plan_body, len(lines))
        tail = parse_tail(lines, sections[-1].start if sections else plan_body)
        if tail.signer is None and not tail.recipients:
            tail.recipients, tail.signer = decision_tail.recipients, decision_tail.signer
            tail.signer_title, tail.signature = decision_tail.signer_title, decision_tail.signature
        first_section = min(plan_start, decision_tail.body_end)
    else:
        sections = find_sections(lines, body_start, len(lines))
        first_section = sections[0].start if sections else min(len(lines), body_start + 40)
        tail = parse_tail(lines, sections[-1].start if sections else body_start)
    if tail.body_end < len(lines):
        # Again without the signature block, so the last unit does not get "KT. BỘ TRƯỞNG".
        start = sections[0].start if sections else body_start
        sections = find_sections(lines, start, tail.body_end)

    refs, _ = parse_reference_items(lines[body_start:first_section])
    for section in sections:
        if "basis" in section.kinds:
            # "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH" followed by the list: the same references.
            refs += parse_reference_items(["Căn cứ:", *section.lines])[0]
    if draft.issuer is None:
        draft.issuer = _issuer_from_preamble(lines[body_start:first_section])
        if draft.issuer:
            draft.flag("issuer")
    mention_from = (header.type_line + 1) if header.type_line is not None else body_start
    mentions = find_mentions("\n".join(lines[mention_from : tail.body_end]))
    draft.references = merge_references(refs + mentions, draft.number)

    draft.themes, draft.audiences = extract_themes(sections, children=draft.theme_children)
    draft.channels = extract_channels(sections)
    draft.phases = extract_phases(sections)
    if not draft.phases:
        _fallback_window(lines[body_start : tail.body_end], draft)
    draft.purpose, draft.requirements, draft.targets = extract_purpose(sections)
    draft.budget = extract_budget(sections)
    draft.assignments = extract_assignments(sections)
    _merge_assignments(draft, table_assignments(all_lines[body_start:]))
    draft.recipients = tail.recipients
    draft.signer = tail.signer or header.meta_signer
    draft.signer_title = tail.signer_title
    draft.digital_signature = tail.signature
    if draft.issued_on is None and header.year is None and tail.signature and tail.signature.signed_at:
        # No date in the header (the 003 layout): the signing date is the best guess.
        signed = tail.signature.signed_at.date()
        draft.issued_on = signed
        draft.issued_on_parts = {"day": signed.day, "month": signed.month, "year": signed.year}
        draft.flag("issued_on")

    _polish(draft, polisher)
    _tidy(draft)
    _flag(draft, polisher, header.number_blank)
    return draft


_NAME_CONTEXT = "Đồng chí "
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$|^\s*(?:trang|page)\s+\d{1,3}(?:\s*/\s*\d{1,3})?\s*$")


def _attached_plan(lines: list[str], header: Header) -> tuple[int, str | None, int] | None:
    """(line of "KẾ HOẠCH", its title, first body line) of a plan attached to a decision."""
    if header.doc_type in (None, "Kế hoạch"):
        return None
    for i in range(header.title_end, len(lines)):
        hit = doc_type_of(lines[i])
        if hit and hit[0] == "Kế hoạch" and not hit[1].strip(" .:"):
            near = " ".join(fold_same(line) for line in lines[i + 1 : i + 8])
            if "kem theo" in near:
                title, body = attachment_title(lines, i)
                return i, title, body
    return None


# "UBND xã Thanh Thủy xây dựng Kế hoạch …", "Ban Thường vụ Tỉnh ủy ban hành Kế hoạch …"
_ISSUES = re.compile(r"\s(?:ban\s+h\S{1,2}nh|x\S{1,2}y\s+d\S{1,2}ng)\s+k\S{1,3}\s+ho\S{1,2}ch\b")


_ORG_FIRST = {
    "ban",
    "uy",
    "ubnd",
    "so",
    "bo",
    "dang",
    "tinh",
    "thanh",
    "van",
    "phong",
    "trung",
    "hoi",
    "huyen",
    "xa",
    "phuong",
    "cuc",
    "chi",
    "doan",
    "mat",
    "hdnd",
    "cong",
}


def _issuer_from_preamble(lines: list[str]) -> str | None:
    """The issuing body named in the preamble, for plans whose header was not captured."""
    text = clean_space(" ".join(line for line in lines if line.strip()))
    folded = fold_same(text)
    for m in _ISSUES.finditer(folded):
        # The subject starts after a clause break before the verb; names contain commas
        # ("Ban Chỉ đạo … về khoa học, công nghệ, đổi mới …"), so walk back break by break
        # to the first one followed by an organisation's name.
        breaks = [i for i in range(m.start() - 1, max(-1, m.start() - 400), -1) if text[i] in ".;,:"]
        for i in [*breaks, -1]:
            subject = text[i + 1 : m.start()].strip()
            words = subject.split()
            if len(words) > 30:
                break
            if len(words) > 1 and words[0][:1].isupper() and fold_same(words[0]) in _ORG_FIRST:
                return subject
    return None


_APPENDIX = re.compile(r"^\W*ph\S{1,2}\s+l\S{1,2}c\b")


def _appendix_start(lines: list[str], start: int) -> int:
    for i in range(start, len(lines)):
        if _APPENDIX.match(fold_same(lines[i])) and upper_ratio(lines[i]) > 0.7:
            return i
    return len(lines)


def _merge_assignments(draft: PlanDraft, extra: list[Assignment]) -> None:
    """Add units from task tables (often an appendix after the signature) to the draft."""
    index = {(fold_same(a.unit), a.role): a for a in draft.assignments}
    for assignment in extra:
        kept = index.get((fold_same(assignment.unit), assignment.role))
        if kept is None:
            draft.assignments.append(assignment)
            index[(fold_same(assignment.unit), assignment.role)] = assignment
        else:
            kept.duties.extend(d for d in assignment.duties if d not in kept.duties)


def _fallback_window(lines: list[str], draft: PlanDraft) -> None:
    """ "Thời gian thực hiện: từ ngày … đến ngày …" in a plan without a phase section."""
    for i, line in enumerate(lines):
        if has_phrase(fold_same(line), "thoi gian thuc hien"):
            start, end = window_in(clean_space(" ".join(lines[i : i + 3]))) or (None, None)
            # Both ends: a lone date near the words is as often a deadline of something else.
            if start and end and not any(c.start == start and c.end == end for c in draft.channels):
                draft.phases.append(Phase(name="Thời gian thực hiện", start=start, end=end))
                return


def _polish(draft: PlanDraft, polisher: Polisher) -> None:
    """Send every text field through the repair in one batch and put the results back."""
    if not polisher.needed or polisher.fixer is None:
        return
    slots: list[tuple[object, str | int]] = []
    values: list[str] = []

    def add(owner: object, key: str | int, value: str | None) -> None:
        if value:
            slots.append((owner, key))
            values.append(value)

    for name in ("place", "issuer", "issuer_parent", "title", "budget", "signer_title"):
        add(draft, name, getattr(draft, name))
    # A name alone gives the language model no context; "Đồng chí" is how running text
    # introduces one, and it steers "Nguyén" to the surname "Nguyễn" rather than "Nguyên".
    add(draft, "signer", _NAME_CONTEXT + draft.signer if draft.signer else None)
    for ref in draft.references:
        add(ref, "issuer", ref.issuer)
        add(ref, "subject", ref.subject)
    lists = (draft.themes, draft.targets, draft.recipients, draft.purpose, draft.requirements, draft.audiences)
    for lst in (*lists, *draft.theme_children):
        for k, value in enumerate(lst):
            add(lst, k, value)
    for channel in draft.channels:
        add(channel, "name", channel.name)
        for lst in (channel.lead_units, channel.coordinating_units):
            for k, value in enumerate(lst):
                add(lst, k, value)
    for phase in draft.phases:
        add(phase, "name", phase.name)
    for assignment in draft.assignments:
        add(assignment, "unit", assignment.unit)
        for k, value in enumerate(assignment.duties):
            add(assignment.duties, k, value)
    if draft.digital_signature:
        add(draft.digital_signature, "agency", draft.digital_signature.agency)
    fixed = polisher.polish_many(values)
    for (owner, key), value in zip(slots, fixed, strict=True):
        if isinstance(owner, list):
            owner[key] = value  # type: ignore[index]
        else:
            setattr(owner, key, value)  # type: ignore[arg-type]
    if draft.signer:
        words = draft.signer.split()
        if fold_same(" ".join(words[:2])) == "dong chi":
            draft.signer = " ".join(words[2:])
    draft.repaired = True


def _tidy(draft: PlanDraft) -> None:
    """All-caps headings used as names read better in sentence case ("Thời gian thực hiện")."""
    for phase in draft.phases:
        phase.name = sentence_case(phase.name)
    for channel in draft.channels:
        channel.name = sentence_case(channel.name)


def _flag(draft: PlanDraft, polisher: Polisher, number_blank: bool) -> None:
    if not polisher.readable:
        for name in _TEXT_FIELDS:
            if getattr(draft, name):
                draft.flag(name)
        draft.warnings.append("Văn bản nhận dạng (OCR) bị lỗi dấu và chưa được sửa; cần kiểm tra lại các trường")
    elif polisher.needed:
        # Repaired text is a best guess: names and places are the likeliest to be wrong.
        for name in ("signer", "place", "issuer", "title"):
            if getattr(draft, name):
                draft.flag(name)
    if draft.number is None:
        draft.flag("number")
        if number_blank:
            draft.warnings.append("Văn bản chưa điền số (bản dự thảo hoặc chưa ký)")
    if draft.issued_on is None:
        draft.flag("issued_on")
    for name in ("doc_type", "signer", "title"):
        if getattr(draft, name) is None:
            draft.flag(name)
    if any(r.date is None or r.kind is None for r in draft.references if r.relation != "mentions"):
        draft.flag("references")
    found = sum(bool(x) for x in (draft.themes, draft.channels, draft.phases, draft.assignments))
    draft.is_plan = draft.doc_type == "Kế hoạch" or found >= 2
    if not draft.is_plan:
        draft.warnings.append("Văn bản này không giống một kế hoạch; chỉ trích được một phần thông tin")
