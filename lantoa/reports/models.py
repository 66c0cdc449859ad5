"""Periodic and ad-hoc reporting (báo cáo định kỳ / đột xuất), modelled on DHIS2.

A ``ReportForm`` is versioned: each ``FormVersion`` owns its indicators and narrative sections, so changing a
form never invalidates reports already made on an earlier version. A ``ReportRequest`` asks a set of units
(chosen by a rule, materialised as one ``Report`` row per expected unit when the request opens) for one period.

Roll-ups must show a submission at once (DHIS2 waits for an analytics run). Two things make that cheap on
SQLite and PostgreSQL alike:
- every ``Report`` and ``ReportValue`` carries flattened columns (province, commune, unit kind, period start,
  ``counted``) written with the row, so drill-downs are single-table GROUP BYs on an index;
- ``RollupCell`` keeps running sums per (request, province, unit kind, indicator), changed by delta in the same
  transaction as the submission, so the national view reads a few thousand rows instead of two million.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lantoa.areas.models import AdminArea
from lantoa.units.models import Unit


class ValueType(models.TextChoices):
    INTEGER = "integer", _("Số nguyên")
    DECIMAL = "decimal", _("Số thập phân")
    PERCENT = "percent", _("Tỷ lệ phần trăm")
    YESNO = "yesno", _("Có/Không")
    TEXT = "text", _("Văn bản")


class Aggregation(models.TextChoices):
    SUM = "sum", _("Cộng tổng")
    AVERAGE = "average", _("Trung bình")
    RATIO = "ratio", _("Tỷ lệ giữa hai chỉ tiêu")
    COUNT_YES = "count_yes", _("Đếm số đơn vị trả lời Có")
    NONE = "none", _("Không tổng hợp")


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Hằng tháng")
    QUARTERLY = "quarterly", _("Hằng quý")
    SIX_MONTHLY = "six_monthly", _("6 tháng")
    YEARLY = "yearly", _("Hằng năm")


class ReportForm(models.Model):
    """A report template (biểu mẫu báo cáo) issued by a unit; its content lives in versions."""

    code = models.SlugField(_("mã biểu mẫu"), max_length=40, unique=True)
    title = models.CharField(_("tên biểu mẫu"), max_length=255)
    issuer = models.ForeignKey(Unit, verbose_name=_("đơn vị ban hành"), on_delete=models.PROTECT,
                               related_name="report_forms")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("biểu mẫu báo cáo")
        verbose_name_plural = _("biểu mẫu báo cáo")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    @property
    def owning_unit(self) -> Unit:
        return self.issuer

    def current_version(self) -> FormVersion | None:
        return self.versions.order_by("-number").first()


class FormVersion(models.Model):
    form = models.ForeignKey(ReportForm, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("phiên bản"))
    # Narrative sections: [{"code": "noi_bat", "title": "Kết quả nổi bật"}, ...] in display order.
    sections = models.JSONField(_("các phần thuyết minh"), default=list, blank=True)
    note = models.CharField(_("ghi chú thay đổi"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("phiên bản biểu mẫu")
        verbose_name_plural = _("phiên bản biểu mẫu")
        ordering = ["form", "number"]
        constraints = [models.UniqueConstraint(fields=["form", "number"], name="formversion_unique_number")]

    def __str__(self) -> str:
        return f"{self.form.title} (v{self.number})"

    @property
    def owning_unit(self) -> Unit:
        return self.form.issuer

    @property
    def template_tag(self) -> str:
        """Written into exported XLSX templates; an upload must carry the same tag."""
        return f"{self.form.code}@v{self.number}"


class Indicator(models.Model):
    version = models.ForeignKey(FormVersion, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(_("mã chỉ tiêu"), max_length=40)
    name = models.CharField(_("tên chỉ tiêu"), max_length=300)
    value_type = models.CharField(_("kiểu số liệu"), max_length=10, choices=ValueType.choices)
    aggregation = models.CharField(_("cách tổng hợp"), max_length=10, choices=Aggregation.choices)
    # For a ratio: codes of the numerator and denominator indicators of the same version.
    numerator = models.CharField(_("tử số (mã)"), max_length=40, blank=True)
    denominator = models.CharField(_("mẫu số (mã)"), max_length=40, blank=True)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=40, blank=True)
    help_text = models.CharField(_("hướng dẫn"), max_length=500, blank=True)
    # Where auto-fill finds evidence, e.g. "activity:article" or "monitoring:items_tracked" (see evidence.py).
    evidence_key = models.CharField(_("nguồn gợi ý số liệu"), max_length=80, blank=True)
    # Optional link to a plan target (plans.Target primary key); kept as a plain id so a form outlives plans.
    target_id = models.PositiveBigIntegerField(_("chỉ tiêu kế hoạch liên kết"), null=True, blank=True)
    order = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("chỉ tiêu báo cáo")
        verbose_name_plural = _("chỉ tiêu báo cáo")
        ordering = ["version", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="indicator_unique_code")]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    @property
    def owning_unit(self) -> Unit:
        return self.version.form.issuer

    @property
    def is_numeric(self) -> bool:
        return self.value_type != ValueType.TEXT


class RequestQuerySet(models.QuerySet["ReportRequest"]):
    def open(self) -> RequestQuerySet:
        return self.filter(is_open=True)

    def in_year(self, year: int) -> RequestQuerySet:
        return self.filter(period_start__year=year)


class ReportRequest(models.Model):
    """One call for reports: a period, a deadline and the units expected to answer."""

    class Kind(models.TextChoices):
        PERIODIC = "periodic", _("Định kỳ")
        ADHOC = "adhoc", _("Đột xuất")

    class Level(models.TextChoices):
        COMMUNE = "commune", _("Cấp xã")
        PROVINCE = "province", _("Cấp tỉnh")
        NATIONAL = "national", _("Cấp trung ương")
        ALL = "all", _("Mọi cấp")

    title = models.CharField(_("tiêu đề"), max_length=255)
    form_version = models.ForeignKey(FormVersion, verbose_name=_("biểu mẫu"), on_delete=models.PROTECT,
                                     related_name="requests")
    issuer = models.ForeignKey(Unit, verbose_name=_("đơn vị yêu cầu"), on_delete=models.PROTECT,
                               related_name="issued_report_requests")
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices, default=Kind.PERIODIC)
    frequency = models.CharField(_("chu kỳ"), max_length=12, choices=Frequency.choices, blank=True)
    period_start = models.DateField(_("từ ngày"))
    period_end = models.DateField(_("đến ngày"))
    days_after_period = models.PositiveSmallIntegerField(_("số ngày sau kỳ được tính đúng hạn"), default=5)
    deadline = models.DateTimeField(_("hạn nộp"))
    is_open = models.BooleanField(_("đang nhận báo cáo"), default=True)
    # The rule for expected units; materialised into Report rows by services.request_open().
    target_area = models.ForeignKey(AdminArea, verbose_name=_("địa bàn"), on_delete=models.PROTECT,
                                    related_name="+")
    target_level = models.CharField(_("cấp đơn vị"), max_length=10, choices=Level.choices, default=Level.COMMUNE)
    target_kinds = models.JSONField(_("loại đơn vị"), default=list, blank=True)
    schedule = models.ForeignKey("ReportSchedule", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="requests")
    reminded_before = models.BooleanField(default=False, editable=False)
    reminded_overdue = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = RequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("yêu cầu báo cáo")
        verbose_name_plural = _("yêu cầu báo cáo")
        ordering = ["-period_start", "title"]
        constraints = [
            models.UniqueConstraint(fields=["schedule", "period_start"], name="request_unique_schedule_period"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def owning_unit(self) -> Unit:
        return self.issuer

    def is_on_time(self, when: dt.datetime) -> bool:
        """DHIS2 timeliness: on time up to and including the deadline minute, late after it."""
        return when.replace(second=0, microsecond=0) <= self.deadline.replace(second=0, microsecond=0)

    @property
    def is_overdue(self) -> bool:
        return timezone.now() > self.deadline


class ReportSchedule(models.Model):
    """A periodic request series; the scheduler opens one ReportRequest per period (tasks.py)."""

    title = models.CharField(_("tiêu đề"), max_length=255)
    form = models.ForeignKey(ReportForm, on_delete=models.PROTECT, related_name="schedules")
    issuer = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="report_schedules")
    frequency = models.CharField(_("chu kỳ"), max_length=12, choices=Frequency.choices)
    days_after_period = models.PositiveSmallIntegerField(_("số ngày sau kỳ"), default=5)
    target_area = models.ForeignKey(AdminArea, on_delete=models.PROTECT, related_name="+")
    target_level = models.CharField(max_length=10, choices=ReportRequest.Level.choices,
                                    default=ReportRequest.Level.COMMUNE)
    target_kinds = models.JSONField(default=list, blank=True)
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("lịch báo cáo định kỳ")
        verbose_name_plural = _("lịch báo cáo định kỳ")

    def __str__(self) -> str:
        return self.title

    @property
    def owning_unit(self) -> Unit:
        return self.issuer


class ReportQuerySet(models.QuerySet["Report"]):
    def counted(self) -> ReportQuerySet:
        return self.filter(counted=True)

    def visible_to(self, scope: object) -> ReportQuerySet:
        """Own unit's reports (drafts too) and non-draft reports of supervised units; never a sibling's draft."""
        from lantoa.units.access import Scope

        assert isinstance(scope, Scope)
        if scope.is_superuser:
            return self.all()
        own = models.Q(unit_id__in=scope.member_unit_ids)
        supervised = scope.supervised_area_q("unit__area") if scope.supervised_areas else models.Q(pk__in=[])
        return self.filter(own | (supervised & ~models.Q(status=Report.Status.DRAFT)))


class Report(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Chưa nộp")
        SUBMITTED = "submitted", _("Đã nộp")
        RETURNED = "returned", _("Bị trả lại")
        RESUBMITTED = "resubmitted", _("Đã nộp lại")
        ACCEPTED = "accepted", _("Đã duyệt")

    COUNTED_STATUSES = (Status.SUBMITTED, Status.RESUBMITTED, Status.ACCEPTED)
    EDITABLE_STATUSES = (Status.DRAFT, Status.RETURNED)

    request = models.ForeignKey(ReportRequest, on_delete=models.CASCADE, related_name="reports")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="reports")
    status = models.CharField(_("trạng thái"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    # Optimistic lock: every write bumps it; a write carrying an older number is a conflict, never an overwrite.
    version = models.PositiveIntegerField(default=1)
    narrative = models.JSONField(_("thuyết minh"), default=dict, blank=True)
    # For a unit with subordinate reports: the accepted sub-reports aggregated per indicator, frozen at submit.
    composed = models.JSONField(default=dict, blank=True, editable=False)
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    decided_at = models.DateTimeField(_("duyệt/trả lúc"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Flattened, written on save: roll-ups and completeness never join through units and areas.
    province = models.ForeignKey(AdminArea, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    commune = models.ForeignKey(AdminArea, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    unit_kind = models.CharField(max_length=30)
    period_start = models.DateField()
    counted = models.BooleanField(default=False)
    on_time = models.BooleanField(default=False)
    history = HistoricalRecords(excluded_fields=["composed"])

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")
        ordering = ["request", "unit__area__code", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["request", "unit"], name="report_unique_unit_request")]
        indexes = [
            # Completeness/timeliness matrices: GROUP BY province (and request) over one form's requests.
            models.Index(fields=["request", "province", "counted", "on_time"], name="report_rate_idx"),
            models.Index(fields=["province", "period_start"], name="report_province_period_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.request}"

    @property
    def owning_unit(self) -> Unit:
        return self.unit

    @property
    def is_locked(self) -> bool:
        return self.status == self.Status.ACCEPTED

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def can_be_submitted(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    @property
    def can_be_decided(self) -> bool:
        return self.status in (self.Status.SUBMITTED, self.Status.RESUBMITTED)

    def fill_flat_columns(self) -> None:
        area = self.unit.area
        self.unit_kind = self.unit.kind
        self.period_start = self.request.period_start
        self.province_id = area.province_id
        self.commune_id = area.pk if area.level == AdminArea.Level.COMMUNE else None


class ReportValue(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="values")
    # Numbers (yes/no as 1/0) in ``number``; text indicators in ``text``.
    number = models.DecimalField(max_digits=18, decimal_places=4, null=True, blank=True)
    text = models.TextField(blank=True)
    # Flattened copies of the report's columns, maintained by the services on every write.
    request = models.ForeignKey(ReportRequest, on_delete=models.CASCADE, related_name="+")
    province = models.ForeignKey(AdminArea, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    commune = models.ForeignKey(AdminArea, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    unit_kind = models.CharField(max_length=30)
    counted = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("số liệu báo cáo")
        verbose_name_plural = _("số liệu báo cáo")
        constraints = [models.UniqueConstraint(fields=["report", "indicator"], name="value_unique_indicator")]
        indexes = [
            # One province's drill-down by commune: ordered by (commune, indicator) so GROUP BY streams without
            # a sort, with request and number inside so both databases answer from the index alone.
            models.Index(fields=["province", "commune", "indicator", "request", "number"], name="value_drill_idx",
                         condition=models.Q(counted=True)),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code}={self.number if self.number is not None else self.text}"

    @property
    def owning_unit(self) -> Unit:
        return self.report.unit

    @property
    def display(self) -> str:
        return format_value(self.indicator, self.number, self.text)


def format_value(indicator: Indicator, number: Decimal | float | None, text: str = "") -> str:
    if indicator.value_type == ValueType.TEXT:
        return text
    if number is None:
        return ""
    if indicator.value_type == ValueType.YESNO:
        return str(_("Có")) if number else str(_("Không"))
    value = Decimal(str(number))
    if indicator.value_type == ValueType.INTEGER:
        return f"{int(value):,}".replace(",", ".")
    text_value = f"{value.normalize():f}".replace(".", ",")
    return f"{text_value}%" if indicator.value_type == ValueType.PERCENT else text_value


class RollupCell(models.Model):
    """Running totals of counted values per (request, province, unit kind, indicator); changed by deltas."""

    request = models.ForeignKey(ReportRequest, on_delete=models.CASCADE, related_name="+")
    # The province's id, 0 for central units: a plain integer so the unique key has no NULL (NULLs never
    # collide in a unique index on either database, which would let two cells for one key appear).
    province_key = models.IntegerField()
    unit_kind = models.CharField(max_length=30)
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    total = models.DecimalField(max_digits=22, decimal_places=4, default=0)
    count = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["request", "province_key", "unit_kind", "indicator"], name="rollup_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.request_id}/{self.province_key}/{self.unit_kind}/{self.indicator_id}: {self.total}"


class YearCell(models.Model):
    """Running totals of counted values of a form's periodic requests per (year, frequency, commune, unit kind,
    indicator). A province's year drill-down by commune reads communes × indicators rows from here instead of
    every value of twelve months."""

    form = models.ForeignKey(ReportForm, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    frequency = models.CharField(max_length=12)
    province_key = models.IntegerField()  # 0 for central units
    commune_key = models.IntegerField()   # 0 for units above commune level
    unit_kind = models.CharField(max_length=30)
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    total = models.DecimalField(max_digits=22, decimal_places=4, default=0)
    count = models.IntegerField(default=0)

    class Meta:
        constraints = [
            # Its leading columns (form, year, frequency, province) are also the drill-down's lookup index.
            models.UniqueConstraint(
                fields=["form", "year", "frequency", "province_key", "commune_key", "unit_kind", "indicator"],
                name="yearcell_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.form_id}/{self.year}/{self.commune_key}/{self.indicator_id}: {self.total}"


class ReportAttachment(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="reports/%Y/%m/")
    name = models.CharField(max_length=255)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tệp đính kèm báo cáo")
        verbose_name_plural = _("tệp đính kèm báo cáo")

    def __str__(self) -> str:
        return self.name

    @property
    def owning_unit(self) -> Unit:
        return self.report.unit
