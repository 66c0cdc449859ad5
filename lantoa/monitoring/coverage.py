"""Coverage numbers: by theme, outlet, kind, tone and area over time; share of voice; top stories; the
seed-004 KPI. Every grouping is by content (theme, outlet, area…), never by author (product rule)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from lantoa.monitoring.models import AreaMention, Case, Item, ItemMatch, Kind, Story, Tone, Watch
from lantoa.units.models import Unit


@dataclass
class Kpi:
    relevant: int = 0
    tracked: int = 0
    negative: int = 0
    handled_in_time: int = 0

    @property
    def tracked_pct(self) -> float:
        return 100.0 * self.tracked / self.relevant if self.relevant else 100.0

    @property
    def handled_pct(self) -> float:
        return 100.0 * self.handled_in_time / self.negative if self.negative else 100.0


@dataclass
class Coverage:
    start: date
    end: date
    total: int = 0
    by_theme: list[tuple[str, int]] = field(default_factory=list)
    share_of_voice: list[tuple[str, float]] = field(default_factory=list)
    by_outlet: list[tuple[str, int]] = field(default_factory=list)
    by_kind: list[tuple[str, int]] = field(default_factory=list)
    by_tone: list[tuple[str, int]] = field(default_factory=list)
    by_area: list[tuple[str, int]] = field(default_factory=list)
    by_day: list[tuple[date, int]] = field(default_factory=list)
    by_day_negative: list[tuple[date, int]] = field(default_factory=list)
    top_stories: list[Story] = field(default_factory=list)
    kpi: Kpi = field(default_factory=Kpi)


def day_start(day: date) -> datetime:
    """Midnight that begins ``day`` in the current time zone: days are the officers' local days."""
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_current_timezone())


def bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """[start, end] as whole local days: [midnight of start, midnight after end)."""
    return day_start(start), day_start(end + timedelta(days=1))


def scoped_items(watches: QuerySet[Watch], start: date, end: date) -> QuerySet[Item]:
    """Items in the period matched by the watches (all items when there are no watches)."""
    lo, hi = bounds(start, end)
    items = Item.objects.filter(published_at__gte=lo, published_at__lt=hi)
    if watches.exists():
        items = items.filter(pk__in=ItemMatch.objects.filter(watch__in=watches).values("item_id"))
    return items


def kpi(*, watches: QuerySet[Watch], start: date, end: date) -> Kpi:
    """Seed 004: "100% tin, bài … được theo dõi, tổng hợp, xử lý".

    tracked: relevant items that went through the whole pipeline (classified, indexed, searchable);
    handled in time: negative relevant items attached to a case that was answered, or closed as not
    misleading, before its due time.
    """
    items = scoped_items(watches, start, end)
    negative_ids = set(items.filter(tone=Tone.NEGATIVE).values_list("pk", flat=True))
    handled: set[int] = set()
    for case in Case.objects.filter(items__pk__in=negative_ids).distinct().prefetch_related("items"):
        if case.handled_in_time:
            handled |= {i.pk for i in case.items.all()}
    return Kpi(relevant=items.count(), tracked=items.filter(stage=Item.Stage.INDEXED).count(),
               negative=len(negative_ids), handled_in_time=len(negative_ids & handled))


def coverage(*, watches: QuerySet[Watch], start: date, end: date, top: int = 10) -> Coverage:
    items = scoped_items(watches, start, end)
    result = Coverage(start=start, end=end, total=items.count())
    lo, hi = bounds(start, end)
    themes = (
        ItemMatch.objects.filter(watch__in=watches, item__published_at__gte=lo, item__published_at__lt=hi)
        .values("watch__name").annotate(n=Count("item_id", distinct=True)).order_by("-n")
    )
    result.by_theme = [(r["watch__name"], r["n"]) for r in themes]
    voice_total = sum(n for _, n in result.by_theme)
    result.share_of_voice = [(name, 100.0 * n / voice_total) for name, n in result.by_theme] if voice_total else []
    result.by_outlet = [(r["outlet"] or "—", r["n"]) for r in
                        items.values("outlet").annotate(n=Count("id")).order_by("-n")[:15]]
    kinds = dict(Kind.choices)
    result.by_kind = [(str(kinds.get(r["kind"], r["kind"])), r["n"]) for r in
                      items.values("kind").annotate(n=Count("id")).order_by("-n")]
    tones = dict(Tone.choices)
    tone_counts = Counter(dict(items.exclude(tone="").values_list("tone").annotate(n=Count("id"))))
    result.by_tone = [(str(tones[t]), tone_counts.get(t, 0)) for t in (Tone.POSITIVE, Tone.NEUTRAL, Tone.NEGATIVE)]
    areas = (
        AreaMention.objects.filter(item__in=items, ambiguous=False).values("area__name")
        .annotate(n=Count("item_id", distinct=True)).order_by("-n")[:15]
    )
    result.by_area = [(r["area__name"], r["n"]) for r in areas]
    tz = timezone.get_current_timezone()
    daily = dict(items.annotate(day=TruncDate("published_at", tzinfo=tz)).values_list("day")
                 .annotate(n=Count("id")).values_list("day", "n"))
    daily_neg = dict(items.filter(tone=Tone.NEGATIVE).annotate(day=TruncDate("published_at", tzinfo=tz))
                     .values_list("day").annotate(n=Count("id")).values_list("day", "n"))
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    result.by_day = [(d, daily.get(d, 0)) for d in days]
    result.by_day_negative = [(d, daily_neg.get(d, 0)) for d in days]
    result.top_stories = list(
        Story.objects.filter(items__in=items).annotate(period_reach=Sum("items__reach"), period_items=Count("items"))
        .order_by("-reach", "-item_count")[:top]
    )
    result.kpi = kpi(watches=watches, start=start, end=end)
    return result


def coverage_counts(*, unit: Unit, start: date, end: date) -> dict[str, int | float]:
    """Numbers for report auto-fill: what the unit's watches found in the period and what it did about it."""
    watches = Watch.objects.filter(unit=unit)
    numbers = kpi(watches=watches, start=start, end=end)
    lo, hi = bounds(start, end)
    cases = Case.objects.filter(unit=unit)
    return {
        "items_tracked": numbers.tracked,
        "items_relevant": numbers.relevant,
        "items_negative": numbers.negative,
        "misleading_found": cases.filter(opened_at__gte=lo, opened_at__lt=hi)
        .exclude(status=Case.Status.NOT_MISLEADING).count(),
        "misleading_clarified": cases.filter(answered_at__gte=lo, answered_at__lt=hi).count(),
        "tracked_pct": round(numbers.tracked_pct, 1),
        "handled_in_time_pct": round(numbers.handled_pct, 1),
    }
