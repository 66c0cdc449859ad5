"""Writes across monitoring models: typed, keyword-only, one transaction each."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import connection, transaction
from django.utils import timezone

from lantoa.areas.models import AdminArea
from lantoa.lib.monitoring import embed
from lantoa.lib.monitoring.dedup import url_hash
from lantoa.lib.monitoring.extract import Entry, ExtractError, parse_social_export
from lantoa.lib.monitoring.fetch import FetchError, check_url
from lantoa.monitoring import conf, pipeline
from lantoa.monitoring.http import error_message
from lantoa.monitoring.models import Case, Item, ItemBand, Kind, Source, Story, Watch
from lantoa.monitoring.search import FTS_TABLE
from lantoa.units.models import Unit


class ServiceError(Exception):
    """A refusal worth showing to the officer (Vietnamese message)."""


def _refuse_unsafe(url: str) -> None:
    """Refuse non-http(s) and private targets up front. A name that does not resolve right now is accepted:
    the fetch will report it on the source, and every fetch re-checks every hop anyway."""
    try:
        check_url(url, allow_loopback=bool(conf.get("MONITORING_ALLOW_LOOPBACK")))
    except FetchError as exc:
        if exc.code != "dns":
            raise ServiceError(error_message(exc.code)) from exc


# -- sources -------------------------------------------------------------------------------------------
def source_save(
    *, unit: Unit, name: str, outlet: str, kind: str, format: str, url: str = "", area: AdminArea | None = None,
    poll_minutes: int = 60, is_active: bool = True, source: Source | None = None,
) -> Source:
    """Create or update a source. A polled source's address is checked against the SSRF rules up front."""
    if format in Source.POLLED_FORMATS:
        _refuse_unsafe(url)
    source = source or Source(unit=unit)
    reactivated = is_active and not source.is_active
    for field, value in {"name": name, "outlet": outlet, "kind": kind, "format": format, "url": url,
                         "area": area, "poll_minutes": max(5, poll_minutes), "is_active": is_active}.items():
        setattr(source, field, value)
    if reactivated or source.pk is None:
        source.failure_count, source.disabled_reason, source.next_poll_at = 0, "", None
    source.save()
    return source


def source_poll_now(*, source: Source) -> list[int]:
    """Poll a source at once (an officer pressed the button) and run its new items through the pipeline."""
    from lantoa.monitoring.tasks import queue_processing

    new_ids = pipeline.poll_source(source)
    queue_processing(new_ids)
    return new_ids


def source_import_export(*, source: Source, content: bytes, filename: str) -> int:
    """Import a CSV/JSON export of a social page. Returns the number of new items."""
    from lantoa.monitoring.tasks import queue_processing

    try:
        entries = parse_social_export(content, filename=filename, salt=conf.handle_salt())
    except ExtractError as exc:
        pipeline.record_failure(source, code=exc.code, detail=exc.detail)
        raise ServiceError(error_message(exc.code)) from exc
    new_ids = pipeline.ingest_entries(source=source, entries=entries, kind=source.kind)
    pipeline.record_success(source, new_items=len(new_ids))
    queue_processing(new_ids)
    return len(new_ids)


def item_add_manual(*, source: Source, url: str, note: str = "", title: str = "", text: str = "") -> Item:
    """An item an officer saw somewhere: URL and note, optionally the text (no fetch when text is given)."""
    from lantoa.monitoring.tasks import process_item_task

    existing = Item.objects.filter(url_hash=url_hash(url)).first()
    if existing:
        return existing
    if not text:
        _refuse_unsafe(url)
    ids = pipeline.ingest_entries(source=source, entries=[Entry(url=url, title=title, summary=text)], note=note)
    item = Item.objects.get(url_hash=url_hash(url))
    if ids and text:
        Item.objects.filter(pk=item.pk).update(needs_fetch=False, text=text)
    process_item_task(item.pk)
    item.refresh_from_db()
    return item


# -- watches ---------------------------------------------------------------------------------------------
def watch_save(
    *, unit: Unit, name: str, query: str, description: str = "", is_theme: bool = True, notify: bool = True,
    spike_threshold: float = 3.0, is_active: bool = True, watch: Watch | None = None,
) -> Watch:
    watch = watch or Watch(unit=unit)
    description_changed = watch.description != description
    for field, value in {"name": name, "query": query, "description": description, "is_theme": is_theme,
                         "notify": notify, "spike_threshold": spike_threshold, "is_active": is_active}.items():
        setattr(watch, field, value)
    if description_changed or not watch.embedding:
        watch.embedding = (
            embed.to_bytes(embed.queries([description])[0])
            if description.strip() and pipeline.embeddings_enabled() else None
        )
    watch.save()
    pipeline.clear_caches()
    return watch


# -- cases -----------------------------------------------------------------------------------------------
def case_open(*, unit: Unit, claim: str, story: Story | None = None, due_at: datetime | None = None,
              query: str = "", note: str = "") -> Case:
    now = timezone.now()
    with transaction.atomic():
        case = Case.objects.create(
            unit=unit, claim=claim, story=story, query=query, note=note, opened_at=now,
            due_at=due_at or now + timedelta(hours=conf.get("MONITORING_CASE_DUE_HOURS")),
        )
        if story is not None:
            case.items.set(story.items.all())
    return case


def case_transition(*, case: Case, status: str, answer_url: str = "", note: str = "") -> Case:
    if status not in case.allowed_transitions():
        raise ServiceError(f"Không thể chuyển từ “{case.get_status_display()}” sang trạng thái này.")
    if status == Case.Status.ANSWERED and not answer_url:
        raise ServiceError("Cần đường dẫn tới thông tin đính chính đã đăng.")
    now = timezone.now()
    case.status = status
    if status == Case.Status.ANSWERED:
        case.answered_at, case.answer_url = now, answer_url
    if status in (Case.Status.CLOSED, Case.Status.NOT_MISLEADING):
        case.closed_at = now
    if note:
        case.note = f"{case.note}\n{note}".strip()
    case.save()
    return case


# -- retention ------------------------------------------------------------------------------------------
def purge_social_text(*, now: datetime | None = None) -> int:
    """Delete raw social text older than the retention period; the item row and its counts remain."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=conf.get("MONITORING_RETENTION_DAYS"))
    stale = Item.objects.filter(kind=Kind.SOCIAL, purged_at__isnull=True, discovered_at__lt=cutoff)
    ids = list(stale.values_list("pk", flat=True))
    if not ids:
        return 0
    with pipeline.erasing_freed_pages():
        with transaction.atomic():
            ItemBand.objects.filter(item_id__in=ids).delete()
            Item.objects.filter(pk__in=ids).update(
                title="", summary="", text="", note="", url="", raw=None, handle_hash="", search_folded="",
                signature=None, embedding=None, purged_at=now,
            )
            # A story made only of purged social posts carries their text in its title: purge that too.
            Story.objects.filter(items__pk__in=ids).exclude(items__purged_at__isnull=True).update(title="")
        if connection.vendor == "sqlite":
            # FTS5 records a deletion as a new entry and keeps the row's words in older segments until they
            # are merged: merge them all now, so the purged words leave the file.
            with connection.cursor() as cursor:
                cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
    return len(ids)


