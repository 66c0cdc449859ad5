"""Scheduled work of the plans app (run by `lantoa worker`; immediate in tests)."""

from __future__ import annotations

from lantoa.tasks import crontab, lock_task, periodic_task


@periodic_task(crontab(minute="30", hour="8", day_of_week="1"))
@lock_task("plans-remind-missing")
def plans_remind_missing() -> int:
    """Monday morning: remind units that are expected to issue an implementing plan and have not."""
    from lantoa.plans.services import plan_reminders_send

    return plan_reminders_send()
