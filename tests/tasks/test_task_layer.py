from __future__ import annotations

from lantoa.tasks import HUEY, crontab, periodic_task, task

calls: list[str] = []


@task()
def _record(value: str) -> str:
    calls.append(value)
    return value.upper()


@periodic_task(crontab(hour="7", minute="0"))
def _every_morning() -> None:
    calls.append("morning")


def test_tasks_run_synchronously_in_tests() -> None:
    calls.clear()
    result = _record("xin chào")
    assert calls == ["xin chào"]
    assert result() == "XIN CHÀO"


def test_periodic_schedule_fires_at_seven_in_the_morning() -> None:
    import datetime as dt

    due_at_seven = {t.name for t in HUEY.read_periodic(dt.datetime(2026, 1, 5, 7, 0))}
    due_at_eight = {t.name for t in HUEY.read_periodic(dt.datetime(2026, 1, 5, 8, 0))}
    assert any(name.endswith("_every_morning") for name in due_at_seven)
    assert not any(name.endswith("_every_morning") for name in due_at_eight)


def test_worker_command_is_available() -> None:
    from django.core.management import get_commands, load_command_class

    assert get_commands()["worker"] == "lantoa.tasks"
    assert "tác vụ nền" in load_command_class("lantoa.tasks", "worker").help
