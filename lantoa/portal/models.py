"""Public portal: campaign landing pages, official news, model practices, citizen feedback."""

from __future__ import annotations

import secrets

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lantoa.areas.models import AdminArea
from lantoa.units.models import Unit


class PublishedQuerySet(models.QuerySet):  # type: ignore[type-arg,unused-ignore]
    def published(self) -> PublishedQuerySet:
        return self.filter(is_published=True)


class Campaign(models.Model):
    """A campaign's landing page ("Banner, Landing Page chuyên đề", seed 000 §III.4), usually for one plan."""

    slug = models.SlugField(_("đường dẫn"), max_length=80, unique=True)
    title = models.CharField(_("tên chiến dịch"), max_length=255)
    tagline = models.CharField(_("khẩu hiệu trên banner"), max_length=255, blank=True)
    summary = models.TextField(_("mục đích (công khai)"), blank=True)
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị phụ trách"), on_delete=models.PROTECT,
                             related_name="campaigns")
    plan = models.ForeignKey("plans.Plan", verbose_name=_("kế hoạch"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="campaigns")
    is_published = models.BooleanField(_("công khai"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = PublishedQuerySet.as_manager()

    class Meta:
        verbose_name = _("trang chiến dịch")
        verbose_name_plural = _("trang chiến dịch")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("portal:campaign", kwargs={"slug": self.slug})

    @property
    def owning_unit(self) -> Unit:
        return self.unit


class NewsPost(models.Model):
    """Official news posted by a unit on the portal (title, short summary, link to the full article)."""

    campaign = models.ForeignKey(Campaign, verbose_name=_("chiến dịch"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="news")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị đăng"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("tiêu đề"), max_length=255)
    summary = models.TextField(_("tóm tắt"), max_length=2000, blank=True)
    link = models.URLField(_("đường dẫn bài viết"), max_length=500, blank=True)
    published_on = models.DateField(_("ngày đăng"), default=timezone.localdate)
    is_published = models.BooleanField(_("công khai"), default=True)
    history = HistoricalRecords()

    objects = PublishedQuerySet.as_manager()

    class Meta:
        verbose_name = _("tin chính thức")
        verbose_name_plural = _("tin chính thức")
        ordering = ["-published_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def owning_unit(self) -> Unit:
        return self.unit


class Practice(models.Model):
    """A model practice or a commendation chosen by a unit (seed 000 §II.4, 004 §V.1)."""

    class Kind(models.TextChoices):
        PRACTICE = "practice", _("Mô hình hay, cách làm hiệu quả")
        COMMENDATION = "commendation", _("Điển hình tiên tiến, khen thưởng")

    kind = models.CharField(_("loại"), max_length=14, choices=Kind.choices, default=Kind.PRACTICE)
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị giới thiệu"), on_delete=models.PROTECT, related_name="+")
    area = models.ForeignKey(AdminArea, verbose_name=_("địa bàn"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("tên mô hình, tập thể được khen"), max_length=255)
    summary = models.TextField(_("mô tả"), max_length=4000)
    link = models.URLField(_("đường dẫn"), max_length=500, blank=True)
    year = models.PositiveSmallIntegerField(_("năm"), default=2026)
    is_published = models.BooleanField(_("công khai"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = PublishedQuerySet.as_manager()

    class Meta:
        verbose_name = _("mô hình hay, khen thưởng")
        verbose_name_plural = _("mô hình hay, khen thưởng")
        ordering = ["-year", "-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def owning_unit(self) -> Unit:
        return self.unit


class Topic(models.TextChoices):
    PUBLIC_SERVICES = "dich_vu_cong", _("Dịch vụ công trực tuyến")
    VNEID = "vneid", _("Tài khoản VNeID, căn cước")
    DIGITAL_SKILLS = "ky_nang_so", _("Bình dân học vụ số, kỹ năng số")
    LOCAL_GOVERNMENT = "chinh_quyen", _("Chính quyền địa phương hai cấp")
    INFRASTRUCTURE = "ha_tang", _("Internet, sóng di động, hạ tầng số")
    SAFETY = "an_toan", _("Lừa đảo, an toàn thông tin")
    OTHER = "khac", _("Khác")


class FeedbackRoute(models.Model):
    """Rule table: feedback on ``topic`` (blank = any) from ``area`` (and below) goes to ``unit``."""

    topic = models.CharField(_("chủ đề"), max_length=14, choices=Topic.choices, blank=True)
    area = models.ForeignKey(AdminArea, verbose_name=_("địa bàn"), on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị xử lý"), on_delete=models.CASCADE, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("quy tắc chuyển ý kiến")
        verbose_name_plural = _("quy tắc chuyển ý kiến")
        constraints = [models.UniqueConstraint(fields=["topic", "area"], name="feedback_route_unique")]

    def __str__(self) -> str:
        return f"{self.get_topic_display() or '*'} @ {self.area} → {self.unit}"

    @property
    def owning_unit(self) -> Unit:
        return self.unit


def _new_code() -> str:
    return secrets.token_urlsafe(9)


class FeedbackQuerySet(models.QuerySet["Feedback"]):
    def open(self) -> FeedbackQuerySet:
        return self.exclude(status=Feedback.Status.CLOSED)


class Feedback(models.Model):
    """A citizen's concern or petition (tâm tư, nguyện vọng, kiến nghị; seed 004 §V.3)."""

    class Status(models.TextChoices):
        NEW = "new", _("Mới tiếp nhận")
        IN_PROGRESS = "in_progress", _("Đang xử lý")
        CLOSED = "closed", _("Đã trả lời, kết thúc")

    code = models.CharField(_("mã tra cứu"), max_length=16, unique=True, default=_new_code, editable=False)
    topic = models.CharField(_("chủ đề"), max_length=14, choices=Topic.choices)
    area = models.ForeignKey(AdminArea, verbose_name=_("xã, phường"), on_delete=models.PROTECT, related_name="+")
    message = models.TextField(_("nội dung"), max_length=2000)
    # Personal data: visible to the handling unit only, erased after closing + retention (tasks.py).
    contact = models.CharField(_("thông tin liên hệ"), max_length=200, blank=True)
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị xử lý"), null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="feedback")
    status = models.CharField(_("trạng thái"), max_length=12, choices=Status.choices, default=Status.NEW,
                              db_index=True)
    public_reply = models.TextField(_("trả lời công khai"), max_length=4000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    replied_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    contact_erased_at = models.DateTimeField(null=True, blank=True)
    # The contact never enters the audit history, or erasing it would not erase it.
    history = HistoricalRecords(excluded_fields=["contact"])

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("ý kiến người dân")
        verbose_name_plural = _("ý kiến người dân")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.code} · {self.get_topic_display()}"

    @property
    def owning_unit(self) -> Unit | None:
        return self.unit

    def get_status_url(self) -> str:
        return reverse("portal:feedback_status", kwargs={"code": self.code})
