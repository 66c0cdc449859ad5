"""Plan import: an uploaded document → text (OCR when scanned) → structured draft → a draft plan."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from lantoa.intake.models import PlanImport
from lantoa.lib.documents import DEFAULT_LIMITS, DocumentError, Limits, read_document
from lantoa.lib.plan_parse import parse_plan
from lantoa.lib.text import fold
from lantoa.plans.models import (
    Assignment,
    Audience,
    BudgetItem,
    Channel,
    Phase,
    Plan,
    PlanReference,
    Recipient,
    Target,
    Theme,
)
from lantoa.plans.services import attachment_add, item_save, plan_create, reference_add
from lantoa.units.models import Unit

logger = logging.getLogger(__name__)

ALLOWED_SUFFIXES = {".txt", ".docx", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"}


def document_limits() -> Limits:
    """Reader limits, overridable per deployment with settings.LANTOA_DOCUMENT_LIMITS (a dict)."""
    overrides: dict[str, Any] = dict(getattr(settings, "LANTOA_DOCUMENT_LIMITS", {}) or {})
    return dataclasses.replace(DEFAULT_LIMITS, **overrides)


def plan_import_start(*, unit: Unit, by: Any, upload: UploadedFile) -> PlanImport:
    """Keep the upload and queue its processing; refuse what can never be read before storing it."""
    name = Path(upload.name or "tep-tai-len").name
    if Path(name).suffix.lower() not in ALLOWED_SUFFIXES:
        raise ValidationError(_("Chỉ nhận tệp .txt, .docx, .pdf hoặc ảnh quét (.png, .jpg, .tif)."))
    limit = document_limits().max_bytes
    if upload.size and upload.size > limit:
        raise ValidationError(_("Tệp quá lớn (tối đa %(mb)s MB).") % {"mb": limit // (1024 * 1024)})
    if not upload.size:
        raise ValidationError(_("Tệp trống."))
    job = PlanImport.objects.create(unit=unit, created_by=by, file=upload, filename=name[:255])
    from lantoa.intake.tasks import plan_import_task

    transaction.on_commit(lambda: plan_import_task(job.pk))
    return job


def plan_import_run(*, job_id: int) -> PlanImport:
    """Read, OCR, repair and parse one upload. Safe to run again: a finished job is left as it is."""
    job = PlanImport.objects.get(pk=job_id)
    if job.is_finished:
        return job
    started = time.monotonic()
    PlanImport.objects.filter(pk=job.pk).update(status=PlanImport.Status.RUNNING, stage=_("Đang đọc tệp"), error="")

    def progress(done: int, total: int) -> None:
        PlanImport.objects.filter(pk=job.pk).update(
            pages_done=done, pages_total=total,
            stage=_("Đang nhận dạng chữ (OCR) trang %(done)s/%(total)s") % {"done": done, "total": total},
        )

    try:
        document = read_document(job.file.path, limits=document_limits(), progress=progress)
        PlanImport.objects.filter(pk=job.pk).update(stage=_("Đang phục hồi dấu và phân tích cấu trúc"))
        draft = parse_plan(document.text)
    except DocumentError as exc:
        return _finish(job, status=PlanImport.Status.FAILED, error=exc.message, started=started)
    except Exception:  # a reader or parser bug must not lose the upload or kill the worker
        logger.exception("plan import %s failed", job.pk)
        return _finish(job, status=PlanImport.Status.FAILED, started=started, error=_(
            "Có lỗi không mong đợi khi xử lý tệp. Tệp vẫn được lưu; hãy thử lại hoặc báo quản trị hệ thống."))
    job.source_kind, job.source_text = document.kind, document.text
    job.text_condition = draft.text_condition
    job.draft = draft.to_json(details=True)
    if not draft.is_plan:
        job.draft.setdefault("details", {}).setdefault("warnings", []).insert(
            0, _("Văn bản này có vẻ không phải là một kế hoạch: chỉ những phần tìm thấy được điền sẵn."))
    return _finish(job, status=PlanImport.Status.READY, started=started)


def _finish(job: PlanImport, *, status: str, started: float, error: str = "") -> PlanImport:
    job.status, job.error, job.stage = status, error, ""
    job.seconds = round(time.monotonic() - started, 2)
    job.save()
    return job


# Saving the reviewed draft ---------------------------------------------------------------------------------

DOC_TYPES = {fold(str(label)): value for value, label in Plan.DocType.choices}


def doc_type_from_text(text: str | None) -> str:
    return DOC_TYPES.get(fold(text or ""), Plan.DocType.PLAN)


_CHANNEL_KINDS = [
    ("truyen thanh", Channel.Kind.LOUDSPEAKER), ("thong tin co so", Channel.Kind.LOUDSPEAKER),
    ("mang xa hoi", Channel.Kind.SOCIAL), ("bao chi", Channel.Kind.PRESS), ("phat thanh", Channel.Kind.BROADCAST),
    ("truyen hinh", Channel.Kind.BROADCAST), ("nen tang so", Channel.Kind.DIGITAL),
    ("cong thong tin", Channel.Kind.DIGITAL), ("hoi nghi", Channel.Kind.CONFERENCE),
    ("sinh hoat chi bo", Channel.Kind.CONFERENCE), ("truc quan", Channel.Kind.VISUAL), ("pano", Channel.Kind.VISUAL),
    ("truc tiep", Channel.Kind.DIRECT),
]


def channel_kind(name: str) -> str:
    key = fold(name)
    return next((kind for needle, kind in _CHANNEL_KINDS if needle in key), Channel.Kind.OTHER)


def find_plan(number: str, on: dt.date | None) -> Plan | None:
    """A plan in the system cited by number (and date when given): the link the import records."""
    key = fold(number).replace(" ", "")
    if not key:
        return None
    for plan in Plan.objects.filter(number__iexact=number.strip()).select_related("unit"):
        if fold(plan.number).replace(" ", "") == key and (on is None or plan.issued_on in (None, on)):
            return plan
    return None


def _unit_named(name: str, near: Unit) -> Unit | None:
    key = fold(name)
    candidates = Unit.objects.filter(area__province_id=near.area.province_id) if near.area.province_id else (
        Unit.objects.filter(area=near.area))
    return next((u for u in candidates.filter(name_folded__contains=key) if u.name_folded == key), None)


@transaction.atomic
def plan_import_save(*, job: PlanImport, by: Any, data: dict[str, Any]) -> Plan:
    """Create the draft plan from the reviewed fields, linking references to plans already in the system."""
    job = PlanImport.objects.select_for_update().get(pk=job.pk)
    if job.status == PlanImport.Status.SAVED and job.plan_id:
        # A second click or a second tab: the plan exists already; never create it twice.
        return job.plan  # type: ignore[return-value]
    if job.status != PlanImport.Status.READY:
        raise ValidationError(_("Văn bản chưa xử lý xong, chưa thể lưu."))
    plan = plan_create(
        unit=job.unit, by=by, title=data["title"], doc_type=data["doc_type"], number=data["number"],
        issued_on=data["issued_on"], place=data["place"], issuer_parent=data["issuer_parent"],
        signer_name=data["signer_name"], signer_title=data["signer_title"], period_start=data["period_start"],
        period_end=data["period_end"], purpose="\n".join(data["purpose"]),
        requirements="\n".join(data["requirements"]),
    )
    for ref in data["references"]:
        target = find_plan(ref["number"], ref["date"]) if ref["number"] else None
        reference_add(plan=plan, by=by, target=target, relation=ref["relation"], doc_kind=ref["kind"],
                      doc_number=ref["number"], doc_date=ref["date"], doc_issuer=ref["issuer"],
                      doc_subject=ref["subject"] or (ref["kind"] if not ref["number"] else ""))
    for theme in data["themes"]:
        parent = Theme(text=theme["text"])
        item_save(plan=plan, by=by, item=parent)
        for child in theme["children"]:
            item_save(plan=plan, by=by, item=Theme(text=child, parent=parent))
    for channel in data["channels"]:
        block = Channel(name=channel["name"][:500], kind=channel_kind(channel["name"]), start=channel["start"],
                        end=channel["end"])
        item_save(plan=plan, by=by, item=block)
        # The units a channel block names ("Đơn vị thực hiện / phối hợp") are assignments tied to it, as the
        # plan editor stores them, so they reach the units' task lists.
        for role, names in ((Assignment.Role.LEAD, channel.get("lead_units", [])),
                            (Assignment.Role.COORDINATING, channel.get("coordinating_units", []))):
            for name in names:
                item_save(plan=plan, by=by, item=Assignment(
                    channel=block, unit=_unit_named(name, job.unit), unit_name=name[:255], role=role))
    for phase in data["phases"]:
        item_save(plan=plan, by=by, item=Phase(name=phase["name"][:255], start=phase["start"], end=phase["end"]))
    for text in data["targets"]:
        item_save(plan=plan, by=by, item=Target(text=text, metric=Target.Metric.OTHER))
    for name in data["audiences"]:
        item_save(plan=plan, by=by, item=Audience(name=name[:255]))
    if data["budget"]:
        item_save(plan=plan, by=by, item=BudgetItem(source=data["budget"][:255], description=data["budget"]))
    for assignment in data["assignments"]:
        item_save(plan=plan, by=by, item=Assignment(
            unit=_unit_named(assignment["unit"], job.unit), unit_name=assignment["unit"][:255],
            role=assignment["role"], duties="\n".join(assignment["duties"])))
    for name in data["recipients"]:
        item_save(plan=plan, by=by, item=Recipient(name=name[:255]))
    job.file.open("rb")
    try:
        attachment_add(plan=plan, by=by, file=job.file, kind="signed", title=job.filename)
    finally:
        job.file.close()
    job.status, job.plan = PlanImport.Status.SAVED, plan
    job.save(update_fields=["status", "plan", "updated_at"])
    return plan


RELATIONS = {"thuc hien": PlanReference.Relation.IMPLEMENTS, "can cu": PlanReference.Relation.BASED_ON,
             "dan chieu": PlanReference.Relation.BASED_ON}
