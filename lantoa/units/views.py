from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from lantoa.units.access import scope_for, staff_required, unit_for_view
from lantoa.units.models import Unit


@staff_required
def unit_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    units = scope_for(request).visible_units().search(query).select_related("area")[:200]
    return render(request, "units/unit_list.html", {"units": units, "query": query})


@staff_required
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = unit_for_view(request, get_object_or_404(Unit.objects.select_related("area", "parent"), pk=pk))
    members = unit.memberships.select_related("user").order_by("role", "user__username")
    return render(request, "units/unit_detail.html", {"unit": unit, "members": members})
