"""Administrative areas of Vietnam (national → province → commune) with their history."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lantoa.lib.text import fold


class AreaQuerySet(models.QuerySet["AdminArea"]):
    def current(self) -> AreaQuerySet:
        return self.filter(valid_to__isnull=True)

    def provinces(self) -> AreaQuerySet:
        return self.filter(level=AdminArea.Level.PROVINCE)

    def communes(self) -> AreaQuerySet:
        return self.filter(level=AdminArea.Level.COMMUNE)

    def search(self, query: str) -> AreaQuerySet:
        """Tone-insensitive name search ("thanh thuy" finds "Thanh Thủy" and "Thanh Thuỷ")."""
        key = fold(query)
        return self.filter(name_folded__contains=key) if key else self

    def within(self, area: AdminArea) -> AreaQuerySet:
        """The area itself and every area below it."""
        if area.level == AdminArea.Level.NATIONAL:
            return self.all()
        if area.level == AdminArea.Level.PROVINCE:
            return self.filter(models.Q(pk=area.pk) | models.Q(province_id=area.pk))
        return self.filter(pk=area.pk)


class AdminArea(models.Model):
    class Level(models.TextChoices):
        NATIONAL = "national", _("Toàn quốc")
        PROVINCE = "province", _("Tỉnh/thành phố")
        COMMUNE = "commune", _("Xã/phường/đặc khu")

    class Kind(models.TextChoices):
        NATION = "quoc_gia", _("Quốc gia")
        PROVINCE = "tinh", _("Tỉnh")
        CITY = "thanh_pho", _("Thành phố trực thuộc trung ương")
        COMMUNE = "xa", _("Xã")
        WARD = "phuong", _("Phường")
        SPECIAL_ZONE = "dac_khu", _("Đặc khu")

    code = models.CharField(_("mã"), max_length=10, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    name_folded = models.CharField(max_length=200, db_index=True, editable=False)
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices, db_index=True)
    kind = models.CharField(_("loại"), max_length=12, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("trực thuộc"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="children",
    )
    # Flattened for scope checks and roll-ups: the province an area belongs to (itself for a province).
    province = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hết hiệu lực"), null=True, blank=True)
    history = HistoricalRecords()

    objects = AreaQuerySet.as_manager()

    class Meta:
        verbose_name = _("địa bàn hành chính")
        verbose_name_plural = _("địa bàn hành chính")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_folded = fold(self.name)
        if self.level == self.Level.PROVINCE:
            self.province = self if self.pk else None
        elif self.level == self.Level.COMMUNE and self.parent_id:
            self.province_id = self.parent_id
        super().save(*args, **kwargs)  # type: ignore[arg-type]
        if self.level == self.Level.PROVINCE and self.province_id != self.pk:
            type(self).objects.filter(pk=self.pk).update(province_id=self.pk)
            self.province_id = self.pk

    @property
    def is_current(self) -> bool:
        return self.valid_to is None

    def ancestors(self) -> list[AdminArea]:
        """From the top (national) down to the parent; used by breadcrumbs."""
        chain: list[AdminArea] = []
        node = self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return list(reversed(chain))

    def contains(self, other: AdminArea) -> bool:
        """True when ``other`` is this area or lies below it."""
        if self.level == self.Level.NATIONAL:
            return True
        if self.level == self.Level.PROVINCE:
            return other.pk == self.pk or other.province_id == self.pk
        return other.pk == self.pk


NATIONAL_CODE = "VN"


def national_area() -> AdminArea:
    area, _created = AdminArea.objects.get_or_create(
        code=NATIONAL_CODE,
        defaults={"name": "Việt Nam", "level": AdminArea.Level.NATIONAL, "kind": AdminArea.Kind.NATION},
    )
    return area
