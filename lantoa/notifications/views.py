from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from lantoa.units.access import staff_required


@staff_required
def notification_list(request: HttpRequest) -> HttpResponse:
    notifications = request.user.notifications.all()[:100]  # type: ignore[union-attr]
    return render(request, "notifications/list.html", {"notifications": notifications})


@require_POST
@staff_required
def notification_mark_all_read(request: HttpRequest) -> HttpResponse:
    request.user.notifications.unread().update(read_at=timezone.now())  # type: ignore[union-attr]
    return redirect("notifications:list")
