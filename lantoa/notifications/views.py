from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from lantoa.notifications.models import Notification
from lantoa.units.access import staff_required


@staff_required
def notification_list(request: HttpRequest) -> HttpResponse:
    notifications = Notification.objects.for_user(request.user)[:100]
    return render(request, "notifications/list.html", {"notifications": notifications})


@require_POST
@staff_required
def notification_mark_all_read(request: HttpRequest) -> HttpResponse:
    Notification.objects.for_user(request.user).unread().update(read_at=timezone.now())
    return redirect("notifications:list")
