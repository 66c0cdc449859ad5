from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from lantoa.units.access import staff_required


@staff_required
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "intake/index.html")
