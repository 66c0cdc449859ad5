"""Communication plans (kế hoạch tuyên truyền) and what units do under them.

A plan follows the order of the document officials sign: header (number, issuer, place and date), the
"Căn cứ / Thực hiện" references, I. purpose and requirements, II. content themes, III. channels/forms,
IV. phases, targets, audiences and budget, V. duties per unit, then recipients and signer. Plans cascade:
a province's plan implements the central one, a commune's implements the province's. ``parent`` and
``path`` flatten that cascade so a whole subtree is one indexed query (see ``PlanQuerySet.subtree``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lantoa.areas.models import AdminArea
from lantoa.units.models import Unit


class PlanQuerySet(models.QuerySet["Plan"]):
    def issued(self) -> PlanQuerySet:
        """Issued or closed: the plans that exist as signed documents."""
        return self.filter(status__in=(Plan.Status.ISSUED, Plan.Status.CLOSED))

    def drafts(self) -> PlanQuerySet:
        return self.filter(status=Plan.Status.DRAFT)

    def subtree(self, plan: Plan) -> PlanQuerySet:
        """The plan and every plan implementing it, at any depth (one query, thanks to ``path``)."""
        return self.filter(path__startswith=plan.path)

    def implementing(self, plan: Plan) -> PlanQuerySet:
        """Plans that declare they implement ``plan`` (directly), whatever their place in the tree."""
        return self.filter(references__relation=PlanReference.Relation.IMPLEMENTS, references__target=plan).distinct()


class Plan(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        ISSUED = "issued", _("Đã ban hành")
        CLOSED = "closed", _("Đã kết thúc")

    class DocType(models.TextChoices):
        PLAN = "ke_hoach", _("Kế hoạch")
        COMMUNICATION_PLAN = "ke_hoach_truyen_thong", _("Kế hoạch truyền thông")
        PROGRAMME = "chuong_trinh", _("Chương trình")
        GUIDANCE = "huong_dan", _("Hướng dẫn")

    class Visibility(models.TextChoices):
        # Some plans (seed 001) are marked as property of Party agencies: never on the public portal.
        INTERNAL = "internal", _("Nội bộ")
        PUBLIC_SUMMARY = "summary", _("Công khai tóm tắt")
        PUBLIC = "public", _("Công khai toàn văn")

    unit = models.ForeignKey(Unit, verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="plans")
    doc_type = models.CharField(_("loại văn bản"), max_length=30, choices=DocType.choices, default=DocType.PLAN)
    # "03-KH/BCĐTW", "41-KH/ĐU", "13/KH-SVHTTDL"; blank in drafts (numbers are given at issue).
    number = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    year = models.PositiveSmallIntegerField(_("năm"), editable=False, db_index=True)
    title = models.CharField(_("trích yếu"), max_length=500)
    issuer_parent = models.CharField(
        _("cơ quan chủ quản"), max_length=255, blank=True,
        help_text=_("Dòng trên tên cơ quan ban hành, ví dụ “ĐẢNG BỘ TỈNH LÂM ĐỒNG”."),
    )
    place = models.CharField(_("địa danh"), max_length=120, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)
    signer_capacity = models.CharField(
        _("thẩm quyền ký"), max_length=120, blank=True, help_text=_("Ví dụ “T/M BAN THƯỜNG VỤ”, “KT. CHỦ TỊCH”.")
    )
    signer_title = models.CharField(_("chức vụ người ký"), max_length=120, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT,
                              db_index=True)
    period_start = models.DateField(_("thời gian từ"), null=True, blank=True)
    period_end = models.DateField(_("thời gian đến"), null=True, blank=True)
    preamble = models.TextField(_("lời dẫn"), blank=True,
                                help_text=_("Đoạn “… ban hành Kế hoạch … cụ thể như sau:”."))
    # Ordered paragraphs, one per line: they read as the bullets of section I.
    purpose = models.TextField(_("mục đích"), blank=True)
    requirements = models.TextField(_("yêu cầu"), blank=True)
    organisation = models.TextField(_("tổ chức thực hiện (chung)"), blank=True)
    visibility = models.CharField(_("công khai"), max_length=10, choices=Visibility.choices,
                                  default=Visibility.INTERNAL)
    # The cascade, flattened: the plan this one primarily implements and the chain of ids from the root
    # ("12/45/678/"). Maintained by services.plan_set_parent; never edited by hand.
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children",
                               editable=False)
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    # Optimistic locking: every edit of the plan's header passes the version it started from.
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["path", "depth"])

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["-issued_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "number"], condition=~Q(number=""),
                                    name="plan_unique_number_issuer_year"),
        ]

    def __str__(self) -> str:
        return f"{self.number} — {self.title}" if self.number else self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.year = (self.issued_on or self.period_start or timezone.localdate()).year
        super().save(*args, **kwargs)
        if not self.path:
            # A root until services attach it: its own id is the whole path.
            self.path = f"{self.pk}/"
            type(self).objects.filter(pk=self.pk).update(path=self.path)

    @property
    def owning_unit(self) -> Unit:
        return self.unit

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_party_body(self) -> bool:
        """Party bodies sign with the party layout (ĐẢNG CỘNG SẢN VIỆT NAM) instead of Nghị định 30."""
        return self.unit.kind in (Unit.Kind.PARTY_COMMITTEE, Unit.Kind.PARTY_BOARD, Unit.Kind.STEERING_COMMITTEE)

    def purpose_lines(self) -> list[str]:
        return [line.strip() for line in self.purpose.splitlines() if line.strip()]

    def requirement_lines(self) -> list[str]:
        return [line.strip() for line in self.requirements.splitlines() if line.strip()]

    def organisation_lines(self) -> list[str]:
        return [line.strip() for line in self.organisation.splitlines() if line.strip()]

    def contains_date(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        if self.period_start and day < self.period_start:
            return False
        return not (self.period_end and day > self.period_end)


class PlanItem(models.Model):
    """Common to the ordered parts of a plan."""

    plan: models.ForeignKey[Plan, Plan]
    order = models.PositiveIntegerField(_("thứ tự"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    @property
    def owning_unit(self) -> Unit:
        return self.plan.unit


class PlanReference(PlanItem):
    """A "Căn cứ …" or "Thực hiện …" line: a plan in the system, or an external document to link later."""

    class Relation(models.TextChoices):
        IMPLEMENTS = "implements", _("Thực hiện")
        BASED_ON = "based_on", _("Căn cứ")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="references")
    relation = models.CharField(_("quan hệ"), max_length=12, choices=Relation.choices, default=Relation.BASED_ON)
    target = models.ForeignKey(Plan, verbose_name=_("kế hoạch trong hệ thống"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="referenced_by")
    doc_kind = models.CharField(_("loại văn bản"), max_length=60, blank=True)  # Nghị quyết, Kế hoạch, Quyết định…
    doc_number = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    doc_date = models.DateField(_("ngày"), null=True, blank=True)
    doc_issuer = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)
    doc_subject = models.TextField(_("trích yếu"), blank=True)
    history = HistoricalRecords()

    class Meta(PlanItem.Meta):
        verbose_name = _("văn bản căn cứ")
        verbose_name_plural = _("văn bản căn cứ")

    def __str__(self) -> str:
        return f"{self.get_relation_display()} {self.doc_kind} {self.doc_number}".strip()


class Theme(PlanItem):
    """A numbered content theme (II. Nội dung tuyên truyền); may nest and may come from a parent plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="themes")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    text = models.TextField(_("nội dung"))
    derived_from = models.ForeignKey("self", verbose_name=_("lấy từ nội dung"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="derived")
    history = HistoricalRecords()

    class Meta(PlanItem.Meta):
        verbose_name = _("nội dung tuyên truyền")
        verbose_name_plural = _("nội dung tuyên truyền")

    def __str__(self) -> str:
        return self.text[:80]


class Channel(PlanItem):
    """A form/channel block (III. Hình thức): what, when, who (its units are assignments with ``channel``)."""

    class Kind(models.TextChoices):
        PRESS = "press", _("Báo chí")
        BROADCAST = "broadcast", _("Phát thanh, truyền hình")
        DIGITAL = "digital", _("Cổng thông tin, nền tảng số")
        SOCIAL = "social", _("Mạng xã hội")
        CONFERENCE = "conference", _("Hội nghị, sinh hoạt chi bộ")
        VISUAL = "visual", _("Trực quan: áp phích, pano, màn hình LED")
        LOUDSPEAKER = "loudspeaker", _("Hệ thống truyền thanh cơ sở")
        DIRECT = "direct", _("Tuyên truyền trực tiếp")
        OTHER = "other", _("Khác")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="channels")
    kind = models.CharField(_("loại kênh"), max_length=12, choices=Kind.choices, default=Kind.OTHER)
    name = models.CharField(_("tên"), max_length=500)
    description = models.TextField(_("mô tả"), blank=True)
    start = models.DateField(_("từ ngày"), null=True, blank=True)
    end = models.DateField(_("đến ngày"), null=True, blank=True)
    derived_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="derived")
    history = HistoricalRecords()

    class Meta(PlanItem.Meta):
        verbose_name = _("hình thức, kênh")
        verbose_name_plural = _("hình thức, kênh")

    def __str__(self) -> str:
        return self.name

    def description_lines(self) -> list[str]:
        return [line.strip() for line in self.description.splitlines() if line.strip()]


class Phase(PlanItem):
    """A stage of the roadmap: a year (002), a quarter (004) or the single window (000, 003)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="phases")
    name = models.CharField(_("tên giai đoạn"), max_length=255)
    start = models.DateField(_("bắt đầu"), null=True, blank=True)
    end = models.DateField(_("kết thúc"), null=True, blank=True)
    goals = models.TextField(_("mục tiêu"), blank=True)
    focus = models.TextField(_("nội dung trọng tâm"), blank=True)
    forms = models.TextField(_("hình thức"), blank=True)
    derived_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="derived")
    history = HistoricalRecords()

    class Meta(PlanItem.Meta):
        verbose_name = _("giai đoạn")
        verbose_name_plural = _("giai đoạn")
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="phase_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Target(PlanItem):
    """A measurable target (chỉ tiêu, 004 §I.2). ``activity_kind``/``metric`` let actuals come from the log."""

    class Metric(models.TextChoices):
        PERCENT = "percent", _("Tỷ lệ (%)")
        COUNT = "count", _("Số sản phẩm, hoạt động")
        VIEWS = "views", _("Lượt xem")
        SHARES = "shares", _("Lượt chia sẻ")
        ATTENDEES = "attendees", _("Người tham dự")
        MINUTES = "minutes", _("Phút phát sóng")
        COPIES = "copies", _("Số bản")
        OTHER = "other", _("Khác")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    text = models.TextField(_("chỉ tiêu"))
    metric = models.CharField(_("đại lượng"), max_length=10, choices=Metric.choices, default=Metric.PERCENT)
    target_value = models.DecimalField(_("giá trị mục tiêu"), max_digits=14, decimal_places=2, null=True, blank=True)
    unit_label = models.CharField(_("đơn vị tính"), max_length=40, blank=True)
    measured_how = models.TextField(_("cách đo"), blank=True)
    # For COUNT..COPIES: which activities count towards the actual (blank = all kinds).
    activity_kind = models.CharField(_("loại hoạt động tính vào"), max_length=20, blank=True)
    phase = models.ForeignKey(Phase, verbose_name=_("giai đoạn"), null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="targets")
    derived_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="derived")
    history = HistoricalRecords()

    class Meta(PlanItem.Meta):
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")

    def __str__(self) -> str:
        return self.text[:80]


class Audience(PlanItem):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="audiences")
    name = models.CharField(_("đối tượng"), max_length=255)
    description = models.TextField(_("mô tả"), blank=True)
    history = HistoricalRecords()

    class Meta(PlanItem.Meta):
        verbose_name = _("đối tượng tuyên truyền")
        verbose_name_plural = _("đối tượng tuyên truyền")

    def __str__(self) -> str:
        return self.name


class BudgetItem(PlanItem):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="budget_items")
    source = models.CharField(_("nguồn kinh phí"), max_length=255)
    description = models.TextField(_("nội dung"), blank=True)
    amount = models.DecimalField(_("số tiền (đồng)"), max_digits=16, decimal_places=0, null=True, blank=True)
    history = HistoricalRecords()

    class Meta(PlanItem.Meta):
        verbose_name = _("kinh phí")
        verbose_name_plural = _("kinh phí")

    def __str__(self) -> str:
        return self.source


class AssignmentQuerySet(models.QuerySet["Assignment"]):
    def overdue(self, today: dt.date | None = None) -> AssignmentQuerySet:
        today = today or timezone.localdate()
        return self.exclude(status=Assignment.Status.DONE).filter(end__lt=today)

    def for_units(self, unit_ids: set[int] | list[int]) -> AssignmentQuerySet:
        return self.filter(unit_id__in=unit_ids)


class Assignment(PlanItem):
    """A duty of one unit under a plan (V. Tổ chức thực hiện), or a unit named on a channel block (003 §III)."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Chủ trì")
        COORDINATING = "coordinating", _("Phối hợp")

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Chưa thực hiện")
        IN_PROGRESS = "in_progress", _("Đang thực hiện")
        DONE = "done", _("Đã hoàn thành")
        OVERDUE = "overdue", _("Quá hạn")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="assignments")
    # The name as written in the plan, for units not (yet) in the system ("Các chi bộ, tổ dân phố").
    unit_name = models.CharField(_("tên đơn vị (theo văn bản)"), max_length=255, blank=True)
    role = models.CharField(_("vai trò"), max_length=12, choices=Role.choices, default=Role.LEAD)
    channel = models.ForeignKey(Channel, verbose_name=_("hình thức, kênh"), null=True, blank=True,
                                on_delete=models.CASCADE, related_name="assignments")
    duties = models.TextField(_("nhiệm vụ"), blank=True)
    start = models.DateField(_("từ ngày"), null=True, blank=True)
    end = models.DateField(_("đến ngày"), null=True, blank=True)
    status = models.CharField(_("tình trạng"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED,
                              db_index=True)
    evidence = models.TextField(_("kết quả, minh chứng"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = AssignmentQuerySet.as_manager()

    class Meta(PlanItem.Meta):
        verbose_name = _("phân công")
        verbose_name_plural = _("phân công")

    def __str__(self) -> str:
        return f"{self.display_unit} ({self.get_role_display()})"

    @property
    def display_unit(self) -> str:
        return self.unit.name if self.unit_id and self.unit else self.unit_name

    @property
    def effective_status(self) -> str:
        """Stored status, except that an unfinished duty past its window is overdue."""
        if self.status != self.Status.DONE and self.end and self.end < timezone.localdate():
            return self.Status.OVERDUE
        return self.status

    @property
    def is_overdue(self) -> bool:
        return self.effective_status == self.Status.OVERDUE

    def effective_status_label(self) -> str:
        return str(self.Status(self.effective_status).label)

    def duty_lines(self) -> list[str]:
        return [line.strip() for line in self.duties.splitlines() if line.strip()]


class Recipient(PlanItem):
    """A "Nơi nhận" line."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="recipients")
    name = models.CharField(_("nơi nhận"), max_length=255)
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    note = models.CharField(_("ghi chú"), max_length=120, blank=True)  # "(để báo cáo)", "(để thực hiện)"
    history = HistoricalRecords()

    class Meta(PlanItem.Meta):
        verbose_name = _("nơi nhận")
        verbose_name_plural = _("nơi nhận")

    def __str__(self) -> str:
        return self.name


def attachment_path(instance: PlanAttachment, filename: str) -> str:
    return f"plans/{instance.plan_id}/{filename}"


class PlanAttachment(PlanItem):
    class Kind(models.TextChoices):
        SIGNED_SCAN = "signed", _("Bản ký (scan)")
        APPENDIX = "appendix", _("Phụ lục")
        OTHER = "other", _("Khác")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices, default=Kind.SIGNED_SCAN)
    title = models.CharField(_("tên tệp"), max_length=255, blank=True)
    file = models.FileField(_("tệp"), upload_to=attachment_path)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta(PlanItem.Meta):
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def __str__(self) -> str:
        return self.title or self.file.name


class ExpectationRule(models.Model):
    """Which units are expected to issue their own plan implementing ``plan`` (for compliance).

    E.g. every commune people's committee in Lâm Đồng (area=Lâm Đồng, area_level=commune,
    unit_kind=peoples_committee) or every provincial Ban Tuyên giáo (area=national, area_level=province,
    unit_kind=party_board, name_contains="tuyen giao"). Units named in ``units`` are expected as well.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="expectation_rules")
    area = models.ForeignKey(AdminArea, verbose_name=_("trong địa bàn"), on_delete=models.PROTECT, related_name="+")
    area_level = models.CharField(_("cấp địa bàn của đơn vị"), max_length=10, choices=AdminArea.Level.choices,
                                  blank=True)
    unit_kind = models.CharField(_("loại đơn vị"), max_length=30, choices=Unit.Kind.choices, blank=True)
    # Tone-insensitive fragment of the unit name (compared with Unit.name_folded).
    name_contains = models.CharField(_("tên đơn vị có chứa"), max_length=120, blank=True)
    units = models.ManyToManyField(Unit, verbose_name=_("các đơn vị cụ thể"), blank=True, related_name="+")
    due_on = models.DateField(_("hạn ban hành"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("quy tắc đơn vị phải xây dựng kế hoạch")
        verbose_name_plural = _("quy tắc đơn vị phải xây dựng kế hoạch")

    def __str__(self) -> str:
        return f"{self.plan}: {self.get_unit_kind_display() or '*'} @ {self.area}"

    @property
    def owning_unit(self) -> Unit:
        return self.plan.unit


class ActivityQuerySet(models.QuerySet["Activity"]):
    def shared(self) -> ActivityQuerySet:
        return self.filter(is_shared=True)



def activity_path(instance: Activity, filename: str) -> str:
    return f"activities/{instance.unit_id}/{filename}"


class Activity(models.Model):
    """A communication product or event a unit actually delivered, with its reach.

    ``is_shared`` puts it in the content library ("tài liệu tuyên truyền chính thống", 000 §V.2) that units
    below the owner may browse and reuse.
    """

    class Kind(models.TextChoices):
        NEWS = "news", _("Tin bài")
        SERIES = "series", _("Loạt bài")
        FEATURE = "feature", _("Phóng sự, ký sự")
        TALKSHOW = "talkshow", _("Tọa đàm, talkshow")
        INFOGRAPHIC = "infographic", _("Infographic")
        SHORT_VIDEO = "short_video", _("Video ngắn")
        PODCAST = "podcast", _("Podcast")
        BANNER = "banner", _("Banner, trang chuyên đề")
        POSTER = "poster", _("Áp phích, pano, màn hình LED")
        LOUDSPEAKER = "loudspeaker", _("Phát trên loa truyền thanh")
        CONFERENCE = "conference", _("Hội nghị, sinh hoạt chi bộ")
        SOCIAL_POST = "social_post", _("Bài đăng mạng xã hội")
        ONLINE_QA = "online_qa", _("Hỏi đáp trực tuyến")
        LEAFLET = "leaflet", _("Tờ rơi, tài liệu")

    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="activities")
    plan = models.ForeignKey(Plan, verbose_name=_("kế hoạch"), null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="activities")
    assignment = models.ForeignKey(Assignment, verbose_name=_("nhiệm vụ"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="activities")
    themes = models.ManyToManyField(Theme, verbose_name=_("nội dung"), blank=True, related_name="activities")
    channel = models.ForeignKey(Channel, verbose_name=_("hình thức, kênh"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="activities")
    kind = models.CharField(_("loại sản phẩm, hoạt động"), max_length=20, choices=Kind.choices, db_index=True)
    title = models.CharField(_("tên, tiêu đề"), max_length=500)
    date = models.DateField(_("ngày"), db_index=True)
    description = models.TextField(_("mô tả"), blank=True)
    link = models.URLField(_("đường dẫn"), max_length=1000, blank=True)
    file = models.FileField(_("tệp"), upload_to=activity_path, blank=True)
    views = models.PositiveIntegerField(_("lượt xem"), null=True, blank=True)
    shares = models.PositiveIntegerField(_("lượt chia sẻ"), null=True, blank=True)
    attendees = models.PositiveIntegerField(_("người tham dự"), null=True, blank=True)
    minutes = models.PositiveIntegerField(_("số phút"), null=True, blank=True)
    copies = models.PositiveIntegerField(_("số bản"), null=True, blank=True)
    is_shared = models.BooleanField(_("chia sẻ vào thư viện"), default=False, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = ActivityQuerySet.as_manager()

    METRICS = ("views", "shares", "attendees", "minutes", "copies")

    class Meta:
        verbose_name = _("hoạt động tuyên truyền")
        verbose_name_plural = _("hoạt động tuyên truyền")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def owning_unit(self) -> Unit:
        return self.unit
