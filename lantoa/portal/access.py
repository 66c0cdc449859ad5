"""Who may see and handle citizen feedback and publish on the portal (built on lantoa.units.access)."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from lantoa.portal.models import Feedback
from lantoa.units.access import require, scope_for
from lantoa.units.models import Unit


def feedback_visible(request: object) -> QuerySet[Feedback]:
    """Feedback of the user's units, plus (read-only) feedback from areas they supervise."""
    scope = scope_for(request)
    if scope.supervises_nation:
        return Feedback.objects.all()
    return Feedback.objects.filter(Q(unit_id__in=scope.member_unit_ids) | scope.supervised_area_q("area"))


def feedback_for_view(request: object, pk: int) -> Feedback:
    feedback = get_object_or_404(Feedback.objects.select_related("area", "unit"), pk=pk)
    if not feedback_visible(request).filter(pk=pk).exists():
        raise Http404
    return feedback


def can_see_contact(request: object, feedback: Feedback) -> bool:
    """Contact details: the handling unit's members only, not supervisors, not the superuser's curiosity."""
    return feedback.unit_id is not None and feedback.unit_id in scope_for(request).member_unit_ids


def feedback_for_handle(request: object, pk: int) -> Feedback:
    feedback = feedback_for_view(request, pk)
    require(feedback.unit is not None and scope_for(request).can_edit_unit(feedback.unit))
    return feedback


def publishing_units(request: object) -> QuerySet[Unit]:
    """Units the user may publish news and practices for (officers, approvers, admins)."""
    scope = scope_for(request)
    if scope.is_superuser:
        return Unit.objects.active()
    return Unit.objects.filter(pk__in=scope.editable_unit_ids)
