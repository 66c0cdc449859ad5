"""Press and social-media monitoring: sources, items, stories, watches, alerts and clarification cases.

Product rule (DESIGN.md, docs/privacy.md): content, never people. ``Item`` has no author field; a social
post keeps only a salted hash of its handle (for dedup) and no permalink; its text is purged after the
retention period while its counts (tone, themes, areas, story) remain.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lantoa.areas.models import AdminArea
from lantoa.units.models import Unit


class Kind(models.TextChoices):
    PRESS = "press", _("Báo chí")
    PORTAL = "portal", _("Cổng thông tin")
    SOCIAL = "social", _("Mạng xã hội")


class Tone(models.TextChoices):
    POSITIVE = "pos", _("Tích cực")
    NEUTRAL = "neu", _("Trung tính")
    NEGATIVE = "neg", _("Tiêu cực")


class SourceQuerySet(models.QuerySet["Source"]):
    def due(self) -> SourceQuerySet:
        now = timezone.now()
        return self.filter(is_active=True, format__in=Source.POLLED_FORMATS).filter(
            models.Q(next_poll_at__isnull=True) | models.Q(next_poll_at__lte=now)
        )


class Source(models.Model):
    class Format(models.TextChoices):
        FEED = "feed", _("RSS/Atom")
        SITEMAP = "sitemap", _("Sơ đồ trang (sitemap)")
        SECTION = "section", _("Trang chuyên mục")
        EXPORT = "export", _("Tệp xuất từ trang mạng xã hội (CSV/JSON)")
        MANUAL = "manual", _("Nhập tay")

    POLLED_FORMATS = (Format.FEED, Format.SITEMAP, Format.SECTION)

    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị quản lý"), on_delete=models.PROTECT,
                             related_name="monitoring_sources")
    name = models.CharField(_("tên nguồn"), max_length=200)
    outlet = models.CharField(_("cơ quan báo chí / trang"), max_length=200)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices, default=Kind.PRESS)
    format = models.CharField(_("dạng"), max_length=10, choices=Format.choices, default=Format.FEED)
    url = models.CharField(_("địa chỉ"), max_length=1000, blank=True)
    area = models.ForeignKey(AdminArea, verbose_name=_("địa bàn"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    is_active = models.BooleanField(_("đang theo dõi"), default=True)
    poll_minutes = models.PositiveIntegerField(_("chu kỳ lấy tin (phút)"), default=60)
    # Health. Updated on every poll, so kept out of the history table (see ``history`` below).
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    next_poll_at = models.DateTimeField(null=True, blank=True, db_index=True)
    failure_count = models.PositiveIntegerField(default=0)
    last_error_code = models.CharField(max_length=40, blank=True)
    last_error = models.TextField(blank=True)
    disabled_reason = models.TextField(_("lý do tạm dừng"), blank=True)
    etag = models.CharField(max_length=300, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    content_hash = models.CharField(max_length=64, blank=True)
    items_found = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=[
        "last_attempt_at", "last_success_at", "next_poll_at", "failure_count", "last_error_code", "last_error",
        "etag", "last_modified", "content_hash", "items_found",
    ])

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["outlet", "name"]
        verbose_name = _("nguồn tin")
        verbose_name_plural = _("nguồn tin")

    def __str__(self) -> str:
        return self.name

    @property
    def owning_unit(self) -> Unit:
        return self.unit

    @property
    def health(self) -> str:
        """ok / warn / bad / off, for the status tag."""
        if not self.is_active:
            return "off"
        if self.failure_count >= 3:
            return "bad"
        if self.failure_count or self.last_error_code:
            return "warn"
        return "ok" if self.last_success_at or self.format not in self.POLLED_FORMATS else "warn"


class Story(models.Model):
    """A cluster of near-duplicate items: one news story with its syndicated copies."""

    title = models.CharField(_("tiêu đề"), max_length=500)
    first_seen_at = models.DateTimeField(db_index=True)
    last_seen_at = models.DateTimeField()
    item_count = models.PositiveIntegerField(default=0)
    reach = models.PositiveBigIntegerField(default=0)
    tone = models.CharField(max_length=3, choices=Tone.choices, blank=True)

    class Meta:
        ordering = ["-last_seen_at"]
        verbose_name = _("chuỗi tin")
        verbose_name_plural = _("chuỗi tin")

    def __str__(self) -> str:
        return self.title


class ItemQuerySet(models.QuerySet["Item"]):
    def indexed(self) -> ItemQuerySet:
        return self.filter(stage=Item.Stage.INDEXED)

    def between(self, start: object, end: object) -> ItemQuerySet:
        return self.filter(published_at__gte=start, published_at__lt=end)


class Item(models.Model):
    """One publication. Deliberately no author field (product rule: content, never people)."""

    class Stage(models.IntegerChoices):
        DISCOVERED = 0, _("Mới phát hiện")
        FETCHED = 10, _("Đã tải")
        EXTRACTED = 20, _("Đã tách nội dung")
        NORMALISED = 30, _("Đã chuẩn hoá")
        DEDUPED = 40, _("Đã gom chuỗi")
        RELEVANCE = 50, _("Đã xét chủ đề")
        TONE = 60, _("Đã xét sắc thái")
        AREAS = 70, _("Đã xét địa bàn")
        INDEXED = 80, _("Đã lập chỉ mục")

    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="items")
    outlet = models.CharField(_("nguồn"), max_length=200, db_index=True)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices, db_index=True)
    url = models.CharField(_("địa chỉ"), max_length=1000, blank=True)
    url_hash = models.CharField(max_length=40, unique=True)
    title = models.CharField(_("tiêu đề"), max_length=500, blank=True)
    summary = models.TextField(_("tóm tắt"), blank=True)
    text = models.TextField(_("nội dung"), blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    published_at = models.DateTimeField(_("ngày đăng"), db_index=True)
    discovered_at = models.DateTimeField(auto_now_add=True)
    reach = models.PositiveBigIntegerField(_("lượt tiếp cận"), default=0)
    # Salted HMAC of a social handle, for dedup only; never displayed, filtered on or exported.
    handle_hash = models.CharField(max_length=32, blank=True)
    # Pipeline state: each step records how far the item got so a crashed run resumes where it stopped.
    stage = models.PositiveSmallIntegerField(choices=Stage.choices, default=Stage.DISCOVERED, db_index=True)
    needs_fetch = models.BooleanField(default=True)
    raw = models.BinaryField(null=True, blank=True)  # zlib-compressed page, only between fetch and extract
    raw_content_type = models.CharField(max_length=200, blank=True)
    error_code = models.CharField(max_length=40, blank=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    story = models.ForeignKey(Story, null=True, blank=True, on_delete=models.SET_NULL, related_name="items")
    signature = models.BinaryField(null=True, blank=True)
    embedding = models.BinaryField(null=True, blank=True)
    tone = models.CharField(_("sắc thái"), max_length=3, choices=Tone.choices, blank=True, db_index=True)
    tone_score = models.FloatField(default=0.0)
    search_folded = models.TextField(blank=True, editable=False)
    purged_at = models.DateTimeField(null=True, blank=True)

    objects = ItemQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("tin, bài")
        verbose_name_plural = _("tin, bài")

    def __str__(self) -> str:
        return self.title or self.url

    @property
    def display_text(self) -> str:
        return self.text or self.summary


class ItemBand(models.Model):
    """One MinHash LSH band key of an item; items sharing a key are near-duplicate candidates."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="bands")
    key = models.BigIntegerField(db_index=True)

    def __str__(self) -> str:
        return f"{self.item_id}:{self.key}"


class Watch(models.Model):
    """A saved tone-insensitive query, optionally a campaign theme with a description for semantic matching."""

    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT,
                             related_name="monitoring_watches")
    name = models.CharField(_("tên"), max_length=200)
    query = models.TextField(_("truy vấn"), blank=True)
    description = models.TextField(
        _("mô tả chủ đề"), blank=True,
        help_text=_("Dùng để so khớp theo nghĩa (không bắt buộc). Ví dụ: nội dung tuyên truyền trong kế hoạch."),
    )
    is_theme = models.BooleanField(_("là chủ đề tuyên truyền"), default=True)
    plan_theme = models.ForeignKey(
        "plans.Theme", verbose_name=_("nội dung tuyên truyền trong kế hoạch"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="monitoring_watches",
    )
    notify = models.BooleanField(_("gửi cảnh báo"), default=True)
    spike_threshold = models.FloatField(_("ngưỡng đột biến (độ lệch chuẩn)"), default=3.0)
    is_active = models.BooleanField(_("đang dùng"), default=True)
    embedding = models.BinaryField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["embedding"])

    class Meta:
        ordering = ["name"]
        verbose_name = _("chủ đề theo dõi")
        verbose_name_plural = _("chủ đề theo dõi")

    def __str__(self) -> str:
        return self.name

    @property
    def owning_unit(self) -> Unit:
        return self.unit


class ItemMatch(models.Model):
    class Via(models.TextChoices):
        QUERY = "query", _("Từ khoá")
        SEMANTIC = "semantic", _("Theo nghĩa")

    # No index of its own: the unique (item, watch) constraint's index leads with the item.
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="matches", db_index=False)
    watch = models.ForeignKey(Watch, on_delete=models.CASCADE, related_name="matches")
    via = models.CharField(max_length=10, choices=Via.choices)
    score = models.FloatField(default=1.0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "watch"], name="monitoring_match_unique")]

    def __str__(self) -> str:
        return f"{self.item_id} ∈ {self.watch_id}"


class AreaMention(models.Model):
    # No index of its own: the unique (item, area) constraint's index leads with the item.
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="area_mentions", db_index=False)
    area = models.ForeignKey(AdminArea, on_delete=models.CASCADE, related_name="+")
    ambiguous = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "area"], name="monitoring_mention_unique")]

    def __str__(self) -> str:
        return f"{self.item_id} @ {self.area_id}"


class Case(models.Model):
    """A misleading claim and its clarification (Meedan Check style): verify, answer, close."""

    class Status(models.TextChoices):
        NEW = "new", _("Mới")
        VERIFYING = "verifying", _("Đang xác minh")
        ANSWERED = "answered", _("Đã đính chính")
        CLOSED = "closed", _("Đã đóng")
        NOT_MISLEADING = "not_misleading", _("Đóng - không sai lệch")

    OPEN_STATUSES = (Status.NEW, Status.VERIFYING)
    TRANSITIONS = {
        Status.NEW: (Status.VERIFYING, Status.NOT_MISLEADING),
        Status.VERIFYING: (Status.ANSWERED, Status.NOT_MISLEADING),
        Status.ANSWERED: (Status.CLOSED,),
        Status.CLOSED: (),
        Status.NOT_MISLEADING: (),
    }

    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị xử lý"), on_delete=models.PROTECT,
                             related_name="monitoring_cases")
    claim = models.TextField(_("nội dung thông tin sai lệch"))
    query = models.CharField(_("truy vấn theo dõi nội dung"), max_length=500, blank=True)
    story = models.ForeignKey(Story, null=True, blank=True, on_delete=models.SET_NULL, related_name="cases")
    items = models.ManyToManyField(Item, blank=True, related_name="cases")
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.NEW,
                              db_index=True)
    opened_at = models.DateTimeField(_("mở lúc"), default=timezone.now)
    due_at = models.DateTimeField(_("hạn xử lý"))
    answered_at = models.DateTimeField(_("đính chính lúc"), null=True, blank=True)
    answer_url = models.URLField(_("đường dẫn thông tin đính chính"), max_length=1000, blank=True)
    closed_at = models.DateTimeField(_("đóng lúc"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("vụ việc đính chính")
        verbose_name_plural = _("vụ việc đính chính")

    def __str__(self) -> str:
        return self.claim[:80]

    @property
    def owning_unit(self) -> Unit:
        return self.unit

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def handled_at(self) -> datetime | None:
        return self.answered_at or (self.closed_at if self.status == self.Status.NOT_MISLEADING else None)

    @property
    def time_to_answer(self) -> timedelta | None:
        handled = self.handled_at
        return handled - self.opened_at if handled else None

    @property
    def handled_in_time(self) -> bool:
        handled = self.handled_at
        return bool(handled and handled <= self.due_at)

    @property
    def is_overdue(self) -> bool:
        return self.is_open and timezone.now() > self.due_at

    def allowed_transitions(self) -> tuple[str, ...]:
        return tuple(self.TRANSITIONS[self.Status(self.status)])


class Alert(models.Model):
    class Kind(models.TextChoices):
        SPIKE = "spike", _("Tăng đột biến")
        CASE_NEGATIVE = "case_negative", _("Tin tiêu cực mới về vụ việc")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    watch = models.ForeignKey(Watch, null=True, blank=True, on_delete=models.CASCADE, related_name="alerts")
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.CASCADE, related_name="alerts")
    story = models.ForeignKey(Story, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)
    z = models.FloatField(default=0.0)
    title = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # One alert per watch per day and per case per story: re-running detection is harmless.
            models.UniqueConstraint(fields=["kind", "watch", "day"], condition=models.Q(kind="spike"),
                                    name="monitoring_alert_spike_once"),
            models.UniqueConstraint(fields=["kind", "case", "story"], condition=models.Q(kind="case_negative"),
                                    name="monitoring_alert_case_story_once"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def owning_unit(self) -> Unit | None:
        if self.watch_id:
            return self.watch.unit  # type: ignore[union-attr]
        return self.case.unit if self.case_id else None  # type: ignore[union-attr]
