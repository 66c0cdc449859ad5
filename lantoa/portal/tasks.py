"""Periodic work of the portal: erase citizens' contact details after closing + retention."""

from __future__ import annotations

from lantoa.portal.services import feedback_erase_contacts
from lantoa.tasks import crontab, periodic_task


@periodic_task(crontab(minute="17", hour="2"))
def erase_feedback_contacts() -> int:
    return feedback_erase_contacts()
