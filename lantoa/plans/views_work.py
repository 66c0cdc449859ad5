"""The work under plans: the duties board, the activity log with its XLSX import, the content library."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lantoa.lib.text import fold
from lantoa.plans import access, forms, services
from lantoa.plans.models import Activity, Assignment, Plan
from lantoa.plans.xlsx import template_xlsx
from lantoa.units.access import require, scope_for, staff_required
from lantoa.units.models import Unit


def _editable_units(request: HttpRequest) -> QuerySet[Unit]:
    scope = scope_for(request)
    if scope.is_superuser:
        return Unit.objects.active()
    return Unit.objects.filter(pk__in=scope.editable_unit_ids)


# Duties board ------------------------------------------------------------------------------------------------

@staff_required
def duties(request: HttpRequest) -> HttpResponse:
    """Mine: duties of my units in plans I can read. Below: duties of units I supervise (issued plans)."""
    scope = scope_for(request)
    below = request.GET.get("pham-vi") == "cap-duoi" and bool(scope.supervised_areas or scope.is_superuser)
    qs = Assignment.objects.filter(unit__isnull=False).select_related("plan__unit", "unit__area", "channel")
    if below:
        qs = qs.filter(scope.supervised_area_q("unit__area")).exclude(plan__status=Plan.Status.DRAFT)
    else:
        mine = Q(unit_id__in=scope.member_unit_ids)
        # A draft plan's duties are visible only inside the unit writing it.
        qs = qs.filter(mine).filter(~Q(plan__status=Plan.Status.DRAFT) | Q(plan__unit_id__in=scope.member_unit_ids))
    status = request.GET.get("tinh-trang", "")
    today = timezone.localdate()
    if status == Assignment.Status.OVERDUE:
        qs = qs.overdue(today)
    elif status in Assignment.Status.values:
        qs = qs.filter(status=status)
    qs = qs.order_by("end", "start", "plan__issued_on", "pk")
    page = Paginator(qs, 100).get_page(request.GET.get("trang"))
    editable = scope.editable_unit_ids
    for a in page.object_list:
        a.can_report = scope.is_superuser or a.unit_id in editable or a.plan.unit_id in editable
    return render(request, "plans/duties.html", {
        "page": page, "below": below, "status": status, "statuses": Assignment.Status.choices,
        "can_supervise": bool(scope.supervised_areas or scope.is_superuser),
        "report_form": forms.AssignmentReportForm(),
    })


@staff_required
@require_POST
def assignment_report(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = access.assignment_for_update(request, pk)
    form = forms.AssignmentReportForm(request.POST)
    if form.is_valid():
        services.assignment_report(assignment=assignment, by=request.user, **form.cleaned_data)
        if not request.htmx:  # type: ignore[attr-defined]
            messages.success(request, _("Đã cập nhật tình trạng nhiệm vụ."))
    elif not request.htmx:  # type: ignore[attr-defined]
        messages.error(request, _("Tình trạng không hợp lệ."))
    if request.htmx:  # type: ignore[attr-defined]
        assignment.can_report = True  # type: ignore[attr-defined]
        return render(request, "plans/_duty_row.html", {"a": assignment, "report_form": form})
    return redirect("plans:duties")


# Activity log ------------------------------------------------------------------------------------------------

def _plans_for_activities(request: HttpRequest) -> QuerySet[Plan]:
    """Plans an activity may be filed under: the user's own units' plans and plans naming them, non-draft or own."""
    scope = scope_for(request)
    if scope.is_superuser:
        return Plan.objects.all()
    ids = scope.member_unit_ids
    return Plan.objects.filter(
        Q(unit_id__in=ids) | (Q(assignments__unit_id__in=ids) & ~Q(status=Plan.Status.DRAFT))
    ).distinct()


@staff_required
def activity_list(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request)
    qs = Activity.objects.filter(access.activities_visible_q(scope)).select_related("unit", "plan")
    kind = request.GET.get("loai", "")
    if kind in Activity.Kind.values:
        qs = qs.filter(kind=kind)
    query = request.GET.get("q", "").strip()[:100]
    if query:
        qs = qs.filter(Q(title__icontains=query) | Q(unit__name_folded__contains=fold(query)))
    page = Paginator(qs, 50).get_page(request.GET.get("trang"))
    return render(request, "plans/activities.html", {
        "page": page, "kind": kind, "kinds": Activity.Kind.choices, "query": query,
        "can_record": bool(scope.editable_unit_ids or scope.is_superuser), "editable": scope.editable_unit_ids,
    })


@staff_required
def activity_create(request: HttpRequest) -> HttpResponse:
    units = _editable_units(request)
    require(units.exists())
    plans = _plans_for_activities(request)
    form = forms.ActivityForm(request.POST or None, request.FILES or None, units=units, plans=plans,
                              initial={"date": timezone.localdate(), "plan": request.GET.get("ke-hoach"),
                                       "assignment": request.GET.get("nhiem-vu")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        metrics = {k: data[k] for k in Activity.METRICS}
        try:
            services.activity_record(
                unit=data["unit"], by=request.user, kind=data["kind"], title=data["title"], date=data["date"],
                plan=data["plan"], themes=list(data["themes"]), channel=data["channel"],
                assignment=data["assignment"], link=data["link"], file=data["file"],
                description=data["description"], is_shared=data["is_shared"], **metrics,
            )
        except ValidationError as exc:
            forms.apply_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi nhận hoạt động."))
            return redirect("plans:activities")
    return render(request, "plans/activity_form.html", {"form": form})


@staff_required
def activity_import(request: HttpRequest) -> HttpResponse:
    units = _editable_units(request)
    require(units.exists())
    form = forms.ImportForm(request.POST or None, request.FILES or None, units=units)
    result = None
    if request.method == "POST" and form.is_valid():
        result = services.activities_import_xlsx(unit=form.cleaned_data["unit"], by=request.user,
                                                 data=form.cleaned_data["file"].read(),
                                                 plans=_plans_for_activities(request))
        if result.ok:
            messages.success(request, _("Đã nhập %(n)s hoạt động.") % {"n": len(result.created)})
            return redirect("plans:activities")
    status = 422 if result is not None and not result.ok else 200
    return render(request, "plans/activity_import.html", {"form": form, "result": result}, status=status)


@staff_required
def activity_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(template_xlsx(),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-hoat-dong.xlsx"'
    return response


@staff_required
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = access.activity_for_view(request, pk)
    can_edit = scope_for(request).can_edit_unit(activity.unit)
    return render(request, "plans/activity_detail.html", {"x": activity, "can_edit": can_edit})


@staff_required
def activity_file(request: HttpRequest, pk: int) -> HttpResponse:
    activity = access.activity_for_view(request, pk)
    if not activity.file:
        raise Http404
    # FileResponse streams; staff_required is typed for HttpResponse.
    return FileResponse(activity.file.open("rb"), as_attachment=True,  # type: ignore[return-value]
                        filename=activity.file.name.rsplit("/")[-1])


@staff_required
@require_POST
def activity_share(request: HttpRequest, pk: int) -> HttpResponse:
    activity = access.activity_for_view(request, pk)
    require(scope_for(request).can_edit_unit(activity.unit))
    services.activity_share(activity=activity, by=request.user, shared=request.POST.get("shared") == "1")
    nxt = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()})
    return redirect(nxt if nxt and safe else "plans:activities")


# Content library ---------------------------------------------------------------------------------------------

@staff_required
def library(request: HttpRequest) -> HttpResponse:
    """Official communication materials shared by units above (and by one's own units), for reuse."""
    scope = scope_for(request)
    qs = Activity.objects.filter(access.library_q(scope)).select_related("unit__area", "plan").prefetch_related(
        "themes")
    kind = request.GET.get("loai", "")
    if kind in Activity.Kind.values:
        qs = qs.filter(kind=kind)
    query = request.GET.get("q", "").strip()[:100]
    if query:
        qs = qs.filter(Q(title__icontains=query) | Q(description__icontains=query))
    page = Paginator(qs, 30).get_page(request.GET.get("trang"))
    context: dict[str, Any] = {"page": page, "kind": kind, "kinds": Activity.Kind.choices, "query": query}
    return render(request, "plans/library.html", context)
