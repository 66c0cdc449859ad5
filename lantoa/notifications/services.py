"""Send notifications: in-app rows for every user, plus one email each when asked."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail

from lantoa.notifications.models import Notification
from lantoa.units.models import Membership, Unit


def notify_users(
    *, users: Iterable[object], title: str, body: str = "", url: str = "", kind: str = "", email: bool = True
) -> list[Notification]:
    user_list = list(users)
    created = Notification.objects.bulk_create(
        [Notification(user=u, title=title, body=body, url=url, kind=kind) for u in user_list]  # type: ignore[misc]
    )
    if email:
        link = f"\n\n{settings.SITE_URL}{url}" if url else ""
        messages = [
            (title, f"{body}{link}", settings.DEFAULT_FROM_EMAIL, [u.email])  # type: ignore[attr-defined]
            for u in user_list
            if getattr(u, "email", "")
        ]
        if messages:
            send_mass_mail(messages, fail_silently=True)
    return created


def notify_unit(
    *, unit: Unit, title: str, body: str = "", url: str = "", kind: str = "", email: bool = True,
    roles: Iterable[str] = Membership.EDITING_ROLES,
) -> list[Notification]:
    """Notify the unit's officers (by default those who can act on it)."""
    users = get_user_model().objects.filter(
        memberships__unit=unit, memberships__role__in=list(roles), is_active=True
    ).distinct()
    return notify_users(users=users, title=title, body=body, url=url, kind=kind, email=email)
