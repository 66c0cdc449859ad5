"""Units (cơ quan, đơn vị) and who acts for them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lantoa.areas.models import AdminArea
from lantoa.lib.text import fold


class UnitQuerySet(models.QuerySet["Unit"]):
    def active(self) -> UnitQuerySet:
        return self.filter(is_active=True)

    def in_area(self, area: AdminArea) -> UnitQuerySet:
        """Units located in ``area`` or any area below it."""
        if area.level == AdminArea.Level.NATIONAL:
            return self.all()
        if area.level == AdminArea.Level.PROVINCE:
            return self.filter(area__province_id=area.pk)
        return self.filter(area_id=area.pk)

    def search(self, query: str) -> UnitQuerySet:
        key = fold(query)
        return self.filter(name_folded__contains=key) if key else self


class Unit(models.Model):
    class Kind(models.TextChoices):
        PARTY_COMMITTEE = "party_committee", _("Cấp uỷ Đảng")
        PARTY_BOARD = "party_board", _("Ban, cơ quan của cấp uỷ")
        STEERING_COMMITTEE = "steering_committee", _("Ban Chỉ đạo")
        PEOPLES_COMMITTEE = "peoples_committee", _("Uỷ ban nhân dân")
        MINISTRY = "ministry", _("Bộ, ngành")
        DEPARTMENT = "department", _("Sở, phòng, cơ quan chuyên môn")
        PRESS = "press", _("Cơ quan báo chí")
        FRONT = "front", _("Mặt trận Tổ quốc và đoàn thể")
        POLICE = "police", _("Công an")
        PUBLIC_SERVICE = "public_service", _("Trung tâm, đơn vị sự nghiệp")
        RESIDENTIAL_GROUP = "residential_group", _("Tổ dân phố, thôn")

    name = models.CharField(_("tên đơn vị"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=60, blank=True)
    name_folded = models.CharField(max_length=255, db_index=True, editable=False)
    kind = models.CharField(_("loại đơn vị"), max_length=30, choices=Kind.choices, db_index=True)
    area = models.ForeignKey(AdminArea, verbose_name=_("địa bàn"), on_delete=models.PROTECT, related_name="units")
    parent = models.ForeignKey(
        "self", verbose_name=_("đơn vị cấp trên"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="children",
    )
    email = models.EmailField(_("thư điện tử"), blank=True)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    history = HistoricalRecords()

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["area__code", "name"]
        constraints = [models.UniqueConstraint(fields=["area", "name"], name="unit_unique_name_in_area")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def owning_unit(self) -> Unit:
        return self


class Membership(models.Model):
    class Role(models.TextChoices):
        VIEWER = "viewer", _("Xem")
        OFFICER = "officer", _("Cán bộ")
        APPROVER = "approver", _("Lãnh đạo duyệt")
        ADMIN = "admin", _("Quản trị")

    EDITING_ROLES = (Role.OFFICER, Role.APPROVER, Role.ADMIN)
    SUPERVISING_ROLES = (Role.APPROVER, Role.ADMIN)

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("vai trò"), max_length=10, choices=Role.choices, default=Role.OFFICER)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thành viên đơn vị")
        verbose_name_plural = _("thành viên đơn vị")
        constraints = [models.UniqueConstraint(fields=["user", "unit"], name="membership_unique_user_unit")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.unit} ({self.get_role_display()})"

    @property
    def can_edit(self) -> bool:
        return self.role in self.EDITING_ROLES

    @property
    def supervises(self) -> bool:
        return self.role in self.SUPERVISING_ROLES

    @property
    def owning_unit(self) -> Unit:
        return self.unit
