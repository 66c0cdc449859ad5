from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from lantoa.areas.models import AdminArea
from lantoa.units.access import scope_for, staff_required
from lantoa.units.models import Unit


def home(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request)
    context: dict[str, object] = {}
    if scope.is_staff_user:
        context["memberships"] = scope.memberships
    return render(request, "web/home.html", context)


@staff_required
def area_list(request: HttpRequest) -> HttpResponse:
    """Provinces, or every area matching a tone-insensitive query."""
    query = request.GET.get("q", "").strip()[:100]
    if query:
        areas = AdminArea.objects.current().exclude(level=AdminArea.Level.NATIONAL).search(query)
        page = Paginator(areas.select_related("parent"), 50).get_page(request.GET.get("page"))
    else:
        page = Paginator(AdminArea.objects.current().provinces(), 50).get_page(1)
    template = "web/_area_results.html" if request.htmx else "web/area_list.html"  # type: ignore[attr-defined]
    return render(request, template, {"page": page, "query": query})


@staff_required
def area_detail(request: HttpRequest, code: str) -> HttpResponse:
    area = get_object_or_404(AdminArea.objects.select_related("parent__parent"), code=code)
    query = request.GET.get("q", "").strip()[:100]
    children = area.children.current().search(query)
    page = Paginator(children, 60).get_page(request.GET.get("page"))
    units = Unit.objects.filter(area=area).active().order_by("kind", "name")
    return render(
        request, "web/area_detail.html",
        {"area": area, "breadcrumbs": area.ancestors(), "page": page, "units": units, "query": query},
    )
