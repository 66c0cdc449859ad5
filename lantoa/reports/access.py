"""Who may see and do what with reports; every view goes through these helpers."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from lantoa.areas.models import AdminArea
from lantoa.reports.models import Report, ReportRequest
from lantoa.units.access import Scope, require, scope_for
from lantoa.units.models import Unit


def report_for_view(request: object, pk: int) -> Report:
    """Own unit's report (drafts too); supervisors see non-draft reports below them; no sibling drafts."""
    report = get_object_or_404(
        Report.objects.select_related("unit__area", "request__form_version__form", "request__issuer"), pk=pk
    )
    scope = scope_for(request)
    if not scope.can_view_unit(report.unit, draft=report.is_draft):
        # A draft exists for every expected unit: hide it from non-members rather than confirm it exists.
        raise Http404
    return report


def report_for_edit(request: object, pk: int) -> Report:
    report = report_for_view(request, pk)
    require(scope_for(request).can_edit_unit(report.unit))
    return report


def report_for_decision(request: object, pk: int) -> Report:
    report = report_for_view(request, pk)
    require(scope_for(request).can_approve_for(report.unit))
    return report


def can_see_request(scope: Scope, req: ReportRequest) -> bool:
    """The issuer's members, supervisors of its area or of the targeted area, and every expected unit."""
    if scope.is_superuser or scope.is_member(req.issuer) or scope.supervises_area(req.target_area):
        return True
    if scope.supervises_unit(req.issuer):
        return True
    return req.reports.filter(unit_id__in=scope.member_unit_ids).exists()


def request_for_view(request: object, pk: int) -> ReportRequest:
    req = get_object_or_404(
        ReportRequest.objects.select_related("form_version__form", "issuer__area", "target_area"), pk=pk
    )
    if not can_see_request(scope_for(request), req):
        raise Http404
    return req


def request_for_manage(request: object, pk: int) -> ReportRequest:
    req = request_for_view(request, pk)
    scope = scope_for(request)
    require(scope.is_superuser or (req.issuer_id in scope.editable_unit_ids))
    return req


def area_for_rollup(request: object, area: AdminArea) -> AdminArea:
    """Roll-ups over an area are for those who supervise it."""
    require(scope_for(request).supervises_area(area))
    return area


def issuing_units(scope: Scope) -> list[Unit]:
    """Units the user may issue requests for: units they edit that supervise an area (approver/admin role)."""
    return [m.unit for m in scope.memberships if m.supervises]
