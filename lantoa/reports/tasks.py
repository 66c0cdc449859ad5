"""Scheduled work of the reporting app (run by `lantoa worker`; immediate in tests)."""

from __future__ import annotations

from lantoa.tasks import crontab, lock_task, periodic_task


@periodic_task(crontab(minute="10", hour="0"))
@lock_task("reports-open-periodic")
def reports_open_periodic() -> int:
    """Open the new period's request of every active schedule (monthly, quarterly, six-monthly, yearly)."""
    from lantoa.reports.services import schedules_open_due

    return len(schedules_open_due())


@periodic_task(crontab(minute="0", hour="8"))
@lock_task("reports-remind")
def reports_remind() -> int:
    """Remind units before the deadline and when overdue (once each), at the start of the working day."""
    from lantoa.reports.services import reports_send_reminders

    return reports_send_reminders()
