"""Monitoring background work. The worker imports this module; tests run these immediately."""

from __future__ import annotations

from huey.exceptions import TaskLockedException

from lantoa.monitoring import alerts, conf, pipeline, services
from lantoa.monitoring.models import Source
from lantoa.tasks import crontab, lock_task, periodic_task, task


@task()
def process_item_task(item_id: int) -> None:
    pipeline.process_item(item_id)


@task()
def process_items_task(item_ids: list[int]) -> None:
    pipeline.process_items(item_ids)


def queue_processing(item_ids: list[int]) -> None:
    """One task per batch of items (see ``pipeline.process_items`` for why batches, and their size)."""
    size = conf.get("MONITORING_BATCH_SIZE")
    for start in range(0, len(item_ids), size):
        process_items_task(item_ids[start : start + size])


@task()
def poll_source_task(source_id: int) -> None:
    source = Source.objects.filter(pk=source_id, is_active=True).first()
    if source is None:
        return
    # Two workers must not poll one source at once (the second would fight over ETag and health fields).
    try:
        with lock_task(f"monitoring-source-{source_id}"):
            new_ids = pipeline.poll_source(source)
    except TaskLockedException:
        return
    queue_processing(new_ids)


@periodic_task(crontab(minute="*/5"))
def poll_due_sources() -> None:
    for source_id in Source.objects.due().values_list("pk", flat=True):
        poll_source_task(source_id)
    queue_processing(pipeline.pending_items())


@periodic_task(crontab(minute="20"))
def hourly_spike_check() -> None:
    alerts.check_spikes()


@periodic_task(crontab(hour="7", minute="0"))
def daily_digest() -> None:
    alerts.send_digest()


@periodic_task(crontab(hour="2", minute="30"))
def purge_expired_social_text() -> None:
    services.purge_social_text()
