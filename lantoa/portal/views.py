from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def index(request: HttpRequest) -> HttpResponse:
    """Public: no login, no personal data."""
    return render(request, "portal/index.html")
