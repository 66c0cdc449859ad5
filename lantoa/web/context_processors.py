from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from lantoa.notifications.models import Notification
from lantoa.units.access import scope_for


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    prefix: str


# The sections of the internal interface, in the order officials work through a campaign.
STAFF_NAVIGATION = (
    NavItem(_("Kế hoạch"), "plans:index", "/ke-hoach/"),
    NavItem(_("Báo cáo"), "reports:index", "/bao-cao/"),
    NavItem(_("Theo dõi báo chí - mạng xã hội"), "monitoring:index", "/theo-doi/"),
    NavItem(_("Hỏi đáp"), "assistant:index", "/hoi-dap/"),
    NavItem(_("Địa bàn và đơn vị"), "web:areas", "/dia-ban/"),
)
PUBLIC_NAVIGATION = (NavItem(_("Cổng thông tin công khai"), "portal:index", "/cong-thong-tin/"),)


def navigation(request: HttpRequest) -> dict[str, object]:
    scope = scope_for(request)
    items = list(STAFF_NAVIGATION if scope.is_staff_user else ()) + list(PUBLIC_NAVIGATION)
    nav = [
        {"label": item.label, "url": reverse(item.url_name), "active": request.path.startswith(item.prefix)}
        for item in items
    ]
    unread = 0
    if request.user.is_authenticated:
        unread = Notification.objects.for_user(request.user).unread().count()
    return {"nav_items": nav, "unread_notifications": unread, "lantoa_scope": scope}
