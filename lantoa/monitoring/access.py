"""Who may see and change monitoring records. Built on ``lantoa.units.access``.

Items and stories are shared content: every staff user may read them. Sources, watches and cases belong to
a unit: its members see them and its officers edit them; supervisors see (not edit) those of units below.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from lantoa.monitoring.models import Case, Source, Watch
from lantoa.units.access import require, scope_for
from lantoa.units.models import Unit

M = TypeVar("M", Source, Watch, Case)


def visible(request: Any, model: type[M]) -> QuerySet[M]:
    scope = scope_for(request)
    if not scope.is_staff_user:
        return model.objects.none()
    return model.objects.filter(scope.units_q("unit"))


def for_view(request: Any, model: type[M], pk: int) -> M:
    obj: M = get_object_or_404(model.objects.select_related("unit__area"), pk=pk)
    require(scope_for(request).can_view_unit(obj.unit))
    return obj


def for_edit(request: Any, model: type[M], pk: int) -> M:
    obj: M = get_object_or_404(model.objects.select_related("unit__area"), pk=pk)
    require(scope_for(request).can_edit_unit(obj.unit))
    return obj


def can_edit(request: Any, obj: Source | Watch | Case) -> bool:
    return scope_for(request).can_edit_unit(obj.unit)


def editable_units(request: Any) -> QuerySet[Unit]:
    """Units the user may create monitoring records for."""
    scope = scope_for(request)
    if scope.is_superuser:
        return Unit.objects.all()
    return Unit.objects.filter(pk__in=scope.editable_unit_ids)
