from __future__ import annotations

from django.apps import apps
from django.db.models import Model
from django.http import Http404, HttpRequest

from lantoa.units.access import require, scope_for


def object_for_history(request: HttpRequest, app_label: str, model_name: str, pk: int) -> Model:
    """Access helper for history pages: audited objects, seen by the supervisors of their unit.

    The owning unit's own approvers and admins supervise it too; objects without a unit (areas) are
    open to any supervisor.
    """
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as exc:
        raise Http404 from exc
    if not model.__module__.startswith("lantoa.") or not hasattr(model, "history"):
        raise Http404
    obj = model._default_manager.filter(pk=pk).first()
    if obj is None:
        raise Http404
    scope = scope_for(request)
    unit = getattr(obj, "owning_unit", None)
    if unit is None:
        require(bool(scope.supervised_areas) or scope.is_superuser)
    else:
        require(scope.supervises_unit(unit))
    return obj
