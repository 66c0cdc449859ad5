from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from lantoa.audit.access import object_for_history
from lantoa.audit.services import object_history
from lantoa.units.access import staff_required


@staff_required
def history(request: HttpRequest, app_label: str, model_name: str, pk: int) -> HttpResponse:
    obj = object_for_history(request, app_label, model_name, pk)
    return render(request, "audit/history.html", {"object": obj, "entries": object_history(obj)})
