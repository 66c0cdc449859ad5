from __future__ import annotations

from django.http import Http404, HttpRequest

from lantoa.intake.models import PlanImport
from lantoa.units.access import require, scope_for
from lantoa.units.models import Unit


def importing_units(request: HttpRequest) -> list[Unit]:
    """Units the user may import plans for: those whose data they edit."""
    scope = scope_for(request)
    return list(Unit.objects.filter(pk__in=scope.editable_unit_ids).order_by("name"))


def plan_import_for_edit(request: HttpRequest, pk: int) -> PlanImport:
    """An import is a working draft of its unit: only that unit's editors see it."""
    job = PlanImport.objects.select_related("unit__area").filter(pk=pk).first()
    if job is None:
        raise Http404
    require(scope_for(request).can_edit_unit(job.unit))
    return job
