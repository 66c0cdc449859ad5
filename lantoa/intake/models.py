"""Plan documents uploaded for import: the file, its progress through OCR and parsing, and the draft."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lantoa.units.models import Unit


def upload_path(instance: PlanImport, filename: str) -> str:
    return f"intake/{instance.unit_id}/{filename[-120:]}"


class PlanImportQuerySet(models.QuerySet["PlanImport"]):
    def for_units(self, unit_ids: set[int]) -> PlanImportQuerySet:
        return self.filter(unit_id__in=unit_ids)


class PlanImport(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ xử lý")
        RUNNING = "running", _("Đang xử lý")
        READY = "ready", _("Đã có bản nháp")
        FAILED = "failed", _("Không đọc được")
        SAVED = "saved", _("Đã lưu thành kế hoạch")

    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="plan_imports")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    file = models.FileField(_("tệp"), upload_to=upload_path)
    filename = models.CharField(_("tên tệp"), max_length=255)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    stage = models.CharField(_("bước"), max_length=120, blank=True)
    pages_done = models.PositiveIntegerField(default=0)
    pages_total = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(_("lỗi"), blank=True)
    source_kind = models.CharField(max_length=20, blank=True)  # txt, docx, pdf, pdf-ocr, image-ocr
    source_text = models.TextField(_("văn bản gốc"), blank=True)
    text_condition = models.CharField(max_length=20, blank=True)  # clean, unaccented, garbled, not_vietnamese
    draft: models.JSONField[Any, Any] = models.JSONField(_("bản nháp"), default=dict, blank=True)
    seconds = models.FloatField(null=True, blank=True)
    plan = models.ForeignKey("plans.Plan", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["source_text", "draft", "stage", "pages_done"])

    objects = PlanImportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("văn bản nhập")
        verbose_name_plural = _("văn bản nhập")

    def __str__(self) -> str:
        return self.filename

    @property
    def owning_unit(self) -> Unit:
        return self.unit

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.READY, self.Status.FAILED, self.Status.SAVED)

    @property
    def percent(self) -> int:
        """Progress for the bar: reading and OCR take most of the time, parsing the last tenth."""
        if self.is_finished:
            return 100
        if self.pages_total:
            return min(90, int(90 * self.pages_done / self.pages_total))
        return 5 if self.status == self.Status.QUEUED else 50

    @property
    def uncertain(self) -> list[str]:
        return list(self.draft.get("uncertain", []))
