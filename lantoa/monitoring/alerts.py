"""Alerts: spikes per watch (today against a trailing baseline) and new negative items on an open case."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db import IntegrityError, connection, transaction
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lantoa.lib.monitoring import spikes
from lantoa.lib.monitoring.query import QueryError, matches, parse
from lantoa.monitoring.coverage import day_start
from lantoa.monitoring.models import Alert, Case, Item, ItemMatch, Tone, Watch
from lantoa.notifications.services import notify_unit

BASELINE_DAYS = 14


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = day_start(day)
    return start, start + timedelta(days=1)


def daily_counts(watch: Watch, *, end_day: date, days: int) -> list[int]:
    """Matched items per local day for ``days`` days ending with ``end_day`` (oldest first)."""
    start, _ = _day_bounds(end_day - timedelta(days=days - 1))
    _, end = _day_bounds(end_day)
    rows = (
        ItemMatch.objects.filter(watch=watch, item__published_at__gte=start, item__published_at__lt=end)
        .annotate(day=TruncDate("item__published_at", tzinfo=timezone.get_current_timezone()))
        .values("day").annotate(n=Count("item_id", distinct=True))
    )
    by_day = {r["day"]: r["n"] for r in rows}
    return [by_day.get(end_day - timedelta(days=offset), 0) for offset in range(days - 1, -1, -1)]


def check_spikes(*, day: date | None = None) -> list[Alert]:
    """One alert per watch and day at most; run as often as you like."""
    day = day or timezone.localdate()
    created = []
    for watch in Watch.objects.filter(is_active=True, notify=True).select_related("unit"):
        counts = daily_counts(watch, end_day=day, days=BASELINE_DAYS + 1)
        result = spikes.detect(counts[-1], counts[:-1], threshold=watch.spike_threshold)
        if not result.is_spike:
            continue
        title = _("Tăng đột biến: “%(name)s” có %(n)d tin hôm nay (trung bình %(mean).1f, z = %(z).1f)") % {
            "name": watch.name, "n": result.today, "mean": result.mean, "z": result.z,
        }
        try:
            with transaction.atomic():
                alert = Alert.objects.create(kind=Alert.Kind.SPIKE, watch=watch, day=day, count=result.today,
                                             z=result.z, title=title[:300])
        except IntegrityError:
            continue
        notify_unit(unit=watch.unit, title=alert.title, url=reverse("monitoring:watch", args=[watch.pk]),
                    kind="monitoring_spike")
        created.append(alert)
    return created


def _any_open_case() -> bool:
    """Whether any case is open: one indexed lookup in plain SQL. Most negative items arrive while no case is
    open, and building the ORM query for the cases cost more than the database answering it. Asked afresh
    for every item, so a case opened a moment ago is seen by the next item."""
    quote = connection.ops.quote_name
    table, column = quote(Case._meta.db_table), quote(Case._meta.get_field("status").column)
    marks = ", ".join(["%s"] * len(Case.OPEN_STATUSES))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {table} WHERE {column} IN ({marks}) LIMIT 1",
                       [str(status) for status in Case.OPEN_STATUSES])
        return cursor.fetchone() is not None


def check_case_claims(item: Item) -> list[Alert]:
    """A new negative item on the claim of an open case (same story, or matching the case's query)."""
    if item.tone != Tone.NEGATIVE or item.story_id is None or not _any_open_case():
        return []
    created = []
    text = f"{item.title}\n{item.summary}\n{item.text}"
    for case in Case.objects.filter(status__in=Case.OPEN_STATUSES).select_related("unit"):
        hit = case.story_id == item.story_id
        if not hit and case.query:
            try:
                hit = matches(parse(case.query), text)
            except QueryError:
                hit = False
        if not hit or case.items.filter(pk=item.pk).exists():
            continue
        case.items.add(item)
        title = _("Tin tiêu cực mới liên quan vụ việc: %(title)s") % {"title": item.title[:200]}
        try:
            with transaction.atomic():
                alert = Alert.objects.create(kind=Alert.Kind.CASE_NEGATIVE, case=case, story_id=item.story_id,
                                             day=timezone.localdate(), count=1, title=title[:300])
        except IntegrityError:
            continue  # this story already alerted this case; the item is attached all the same
        notify_unit(unit=case.unit, title=alert.title, url=reverse("monitoring:case", args=[case.pk]),
                    kind="monitoring_case")
        created.append(alert)
    return created


def send_digest(*, day: date | None = None) -> int:
    """Yesterday's coverage per unit with watches: in-app and email. Returns the number of units notified."""
    day = day or timezone.localdate() - timedelta(days=1)
    start, end = _day_bounds(day)
    sent = 0
    units = {w.unit for w in Watch.objects.filter(is_active=True).select_related("unit")}
    units |= {c.unit for c in Case.objects.filter(status__in=Case.OPEN_STATUSES).select_related("unit")}
    for unit in units:
        matched = Item.objects.filter(matches__watch__unit=unit, published_at__gte=start, published_at__lt=end)
        total = matched.distinct().count()
        negative = matched.filter(tone=Tone.NEGATIVE).distinct().count()
        open_cases = Case.objects.filter(unit=unit, status__in=Case.OPEN_STATUSES).count()
        overdue = Case.objects.filter(unit=unit, status__in=Case.OPEN_STATUSES, due_at__lt=timezone.now()).count()
        alerts = Alert.objects.filter(created_at__gte=start, created_at__lt=end, watch__unit=unit).count()
        if not (total or open_cases or alerts):
            continue
        body = _(
            "Ngày %(day)s: %(total)d tin, bài về các chủ đề theo dõi (%(neg)d tiêu cực); %(alerts)d cảnh báo; "
            "%(open)d vụ việc đang xử lý, %(overdue)d quá hạn."
        ) % {"day": day.strftime("%d/%m/%Y"), "total": total, "neg": negative, "alerts": alerts,
             "open": open_cases, "overdue": overdue}
        notify_unit(unit=unit, title=_("Bản tin theo dõi báo chí - mạng xã hội hằng ngày"), body=body,
                    url=reverse("monitoring:index"), kind="monitoring_digest")
        sent += 1
    return sent
