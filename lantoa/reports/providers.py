"""Built-in evidence provider: the activity log of the plans app ("activity:<kinds>[:<metric>]").

``activity:news,series`` counts the unit's news and series activities dated in the period;
``activity:loudspeaker:minutes`` sums their minutes; ``activity:conference:attendees`` sums attendees.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.apps import apps
from django.urls import NoReverseMatch, reverse

from lantoa.reports.evidence import EvidenceRecord, Suggestion
from lantoa.reports.models import Indicator
from lantoa.units.models import Unit

MAX_RECORDS = 20


def _activity_url(pk: int) -> str:
    try:
        return reverse("plans:activity", args=[pk])
    except NoReverseMatch:  # the plans app has no per-activity page (yet): link the activity list
        try:
            return reverse("plans:activities")
        except NoReverseMatch:
            return ""


def activity_provider(unit: Unit, start: dt.date, end: dt.date, indicators: list[Indicator]) -> list[Suggestion]:
    activity = apps.get_model("plans", "Activity")
    metrics = set(getattr(activity, "METRICS", ()))
    found: list[Suggestion] = []
    base = activity.objects.filter(unit=unit, date__gte=start, date__lte=end).order_by("date", "pk")
    for ind in indicators:
        parts = ind.evidence_key.split(":")
        kinds = [k for k in (parts[1].split(",") if len(parts) > 1 else []) if k and k != "*"]
        metric = parts[2] if len(parts) > 2 and parts[2] in metrics else ""
        rows = base.filter(kind__in=kinds) if kinds else base
        items = list(rows.only("pk", "title", "date", *([metric] if metric else [])))
        if not items:
            continue
        value = sum((Decimal(getattr(a, metric) or 0) for a in items), Decimal(0)) if metric else Decimal(len(items))
        records = [EvidenceRecord(label=a.title + (f" ({getattr(a, metric)})" if metric else ""),
                                  url=_activity_url(a.pk), date=a.date) for a in items[:MAX_RECORDS]]
        found.append(Suggestion(indicator_code=ind.code, value=value, source="activity", records=records))
    return found
