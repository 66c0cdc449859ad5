"""The one place that decides who may see and do what.

A user acts for the units they are a member of. Members see their unit's data, drafts included; officers,
approvers and admins edit it. Approvers and admins supervise: they see the non-draft data of every unit in
their unit's area and the areas below it (a province's Ban Tuyên giáo sees its communes; a central body
sees all). Nobody sees another unit's drafts. Every app's access helpers are built on these functions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, wraps
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse

from lantoa.areas.models import AdminArea
from lantoa.units.models import Membership, Unit, UnitQuerySet


@dataclass
class Scope:
    """What one user may reach, computed once per request (see ``scope_for``)."""

    user: AbstractBaseUser | AnonymousUser

    @cached_property
    def memberships(self) -> list[Membership]:
        if not self.user.is_authenticated:
            return []
        return list(Membership.objects.filter(user_id=self.user.pk).select_related("unit__area"))

    @cached_property
    def member_unit_ids(self) -> set[int]:
        return {m.unit_id for m in self.memberships}

    @cached_property
    def editable_unit_ids(self) -> set[int]:
        return {m.unit_id for m in self.memberships if m.can_edit}

    @cached_property
    def supervised_areas(self) -> list[AdminArea]:
        return [m.unit.area for m in self.memberships if m.supervises]

    @property
    def is_staff_user(self) -> bool:
        """Any member of any unit: may use the internal pages at all."""
        return bool(self.memberships) or bool(getattr(self.user, "is_superuser", False))

    @property
    def is_superuser(self) -> bool:
        return bool(getattr(self.user, "is_superuser", False))

    @cached_property
    def supervises_nation(self) -> bool:
        return self.is_superuser or any(a.level == AdminArea.Level.NATIONAL for a in self.supervised_areas)

    def supervises_area(self, area: AdminArea) -> bool:
        return self.supervises_nation or any(s.contains(area) for s in self.supervised_areas)

    def supervised_area_q(self, prefix: str = "area") -> Q:
        """A filter over rows with an area FK at ``prefix`` that the user supervises."""
        if self.supervises_nation:
            return Q()
        q = Q(pk__in=[])
        for area in self.supervised_areas:
            if area.level == AdminArea.Level.PROVINCE:
                q |= Q(**{f"{prefix}__province_id": area.pk})
            else:
                q |= Q(**{f"{prefix}_id": area.pk})
        return q

    # Unit-level decisions -------------------------------------------------------------------------
    def is_member(self, unit: Unit) -> bool:
        return unit.pk in self.member_unit_ids or self.is_superuser

    def can_edit_unit(self, unit: Unit) -> bool:
        return unit.pk in self.editable_unit_ids or self.is_superuser

    def supervises_unit(self, unit: Unit) -> bool:
        return self.supervises_area(unit.area)

    def can_view_unit(self, unit: Unit, *, draft: bool = False) -> bool:
        """Drafts are for the unit's own members; everything else also for its supervisors."""
        if self.is_member(unit):
            return True
        return not draft and self.supervises_unit(unit)

    def can_approve_for(self, unit: Unit) -> bool:
        """Approvers accept data of units below them, never their own submissions."""
        return self.supervises_unit(unit) and not (unit.pk in self.member_unit_ids and not self.is_superuser)

    def visible_units(self) -> UnitQuerySet:
        if not self.is_staff_user:
            return Unit.objects.none()
        if self.supervises_nation:
            return Unit.objects.all()
        return Unit.objects.filter(Q(pk__in=self.member_unit_ids) | self.supervised_area_q("area"))

    def units_q(self, prefix: str = "unit") -> Q:
        """Filter for rows owned by a unit at ``prefix`` that the user may see (drafts aside)."""
        if self.supervises_nation:
            return Q()
        return Q(**{f"{prefix}_id__in": self.member_unit_ids}) | self.supervised_area_q(f"{prefix}__area")


def scope_for(request_or_user: object) -> Scope:
    """The scope of a request (cached on it) or of a user."""
    user = getattr(request_or_user, "user", request_or_user)
    cache_holder = request_or_user if hasattr(request_or_user, "user") else None
    if cache_holder is not None:
        cached = getattr(cache_holder, "_lantoa_scope", None)
        if cached is not None and cached.user is user:
            return cached
    scope = Scope(user=user)  # type: ignore[arg-type]
    if cache_holder is not None:
        cache_holder._lantoa_scope = scope  # type: ignore[attr-defined]
    return scope


def require(condition: bool) -> None:
    """Raise 403 unless ``condition``; keeps access checks one line in views."""
    if not condition:
        raise PermissionDenied


def staff_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Internal pages: log in first, then be a member of at least one unit."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        require(scope_for(request).is_staff_user)
        return view(request, *args, **kwargs)

    return wrapper


def unit_for_view(request: object, unit: Unit) -> Unit:
    """Access helper for unit pages: members and supervisors only."""
    require(scope_for(request).can_view_unit(unit))
    return unit
