"""Who may see and change plans, their items, duties and activities. Built on ``lantoa.units.access``.

Reading: a unit's members see its plans, drafts included; supervisors see the non-draft plans of units in
their areas. Plans travel downwards too: an issued plan of a central body is readable by every unit, a
province's issued plan by every unit in that province (the commune must read the plan it implements), and
an issued plan naming a unit in its duties is readable by that unit. Nobody sees another unit's drafts.
Writing: officers, approvers and admins of the issuing unit.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from lantoa.areas.models import AdminArea
from lantoa.plans.models import Activity, Assignment, Plan
from lantoa.units.access import Scope, require, scope_for


def _member_area_keys(scope: Scope) -> tuple[set[int], set[int]]:
    """Areas of the user's units and the provinces they lie in (for plans that flow downwards)."""
    areas = {m.unit.area_id for m in scope.memberships}
    provinces = {m.unit.area.province_id for m in scope.memberships if m.unit.area.province_id}
    return areas, provinces


def plans_visible_q(scope: Scope) -> Q:
    """A filter over Plan rows this user may read."""
    if scope.is_superuser:
        return Q()
    issued = ~Q(status=Plan.Status.DRAFT)
    own = Q(unit_id__in=scope.member_unit_ids)
    if scope.supervises_nation:
        return own | issued
    areas, provinces = _member_area_keys(scope)
    downwards = (
        Q(unit__area__level=AdminArea.Level.NATIONAL)
        | Q(unit__area_id__in=areas | provinces)
        | Q(assignments__unit_id__in=scope.member_unit_ids)
    )
    return own | (issued & (scope.supervised_area_q("unit__area") | downwards))


def visible_plans(request: Any) -> Any:
    scope = scope_for(request)
    if not scope.is_staff_user:
        return Plan.objects.none()
    # Filtering through the assignments join can repeat rows; an id subquery keeps the outer query clean.
    ids = Plan.objects.filter(plans_visible_q(scope)).values("pk")
    return Plan.objects.filter(pk__in=ids)


def can_view_plan(scope: Scope, plan: Plan) -> bool:
    if scope.can_view_unit(plan.unit, draft=plan.is_draft):
        return True
    if plan.is_draft:
        return False
    return Plan.objects.filter(plans_visible_q(scope), pk=plan.pk).exists()


def can_edit_plan(scope: Scope, plan: Plan) -> bool:
    return scope.can_edit_unit(plan.unit) and plan.status != Plan.Status.CLOSED


def plan_for_view(request: Any, pk: int) -> Plan:
    plan = get_object_or_404(Plan.objects.select_related("unit__area", "parent"), pk=pk)
    scope = scope_for(request)
    if plan.is_draft and not scope.is_member(plan.unit):
        # Another unit's draft does not exist as far as this user can tell.
        raise Http404
    require(can_view_plan(scope, plan))
    return plan


def plan_for_edit(request: Any, pk: int) -> Plan:
    plan = plan_for_view(request, pk)
    require(can_edit_plan(scope_for(request), plan))
    return plan


def plan_for_supervision(request: Any, pk: int) -> Plan:
    """Cascade and compliance pages: the issuing unit's members and its supervisors."""
    plan = plan_for_view(request, pk)
    scope = scope_for(request)
    require(scope.is_member(plan.unit) or scope.supervises_unit(plan.unit))
    return plan


def can_implement_from(scope: Scope, parent: Plan) -> bool:
    """Any unit that can read an issued plan and edits a unit of its own may implement it."""
    return not parent.is_draft and bool(scope.editable_unit_ids or scope.is_superuser)


def assignment_for_update(request: Any, pk: int) -> Assignment:
    """The named unit records progress on its duty; the issuing unit may too."""
    assignment = get_object_or_404(Assignment.objects.select_related("plan__unit__area", "unit__area"), pk=pk)
    scope = scope_for(request)
    plan = assignment.plan
    named = assignment.unit is not None and scope.can_edit_unit(assignment.unit) and not plan.is_draft
    require(named or scope.can_edit_unit(plan.unit))
    return assignment


def activities_visible_q(scope: Scope) -> Q:
    return scope.units_q("unit")


def library_q(scope: Scope) -> Q:
    """Shared products of the user's own units, of every unit above them, and of units they supervise."""
    if scope.supervises_nation:
        return Q(is_shared=True)
    areas, provinces = _member_area_keys(scope)
    above = Q(unit__area__level=AdminArea.Level.NATIONAL) | Q(unit__area_id__in=areas | provinces)
    return Q(is_shared=True) & (above | scope.units_q("unit"))


def activity_for_view(request: Any, pk: int) -> Activity:
    activity = get_object_or_404(Activity.objects.select_related("unit__area"), pk=pk)
    scope = scope_for(request)
    allowed = Activity.objects.filter(Q(pk=pk) & (activities_visible_q(scope) | library_q(scope))).exists()
    require(allowed)
    return activity
