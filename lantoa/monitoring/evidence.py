"""Report auto-fill provider: evidence keys "monitoring:<what>" (see lantoa.reports.evidence)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from lantoa.monitoring.coverage import coverage_counts
from lantoa.units.models import Unit

KEYS = {
    "items_tracked": "items_tracked", "items_relevant": "items_relevant", "items_negative": "items_negative",
    "misleading_found": "misleading_found", "misleading_clarified": "misleading_clarified",
    "tracked_pct": "tracked_pct", "handled_in_time_pct": "handled_in_time_pct",
}


def monitoring_provider(unit: Unit, start: dt.date, end: dt.date, indicators: list[Any]) -> list[Any]:
    from lantoa.reports.evidence import EvidenceRecord, Suggestion

    counts = coverage_counts(unit=unit, start=start, end=end)
    link = f"{reverse('monitoring:index')}?start={start.isoformat()}&end={end.isoformat()}"
    out = []
    for indicator in indicators:
        what = indicator.evidence_key.split(":", 1)[1] if ":" in indicator.evidence_key else ""
        if what not in KEYS:
            continue
        out.append(Suggestion(
            indicator_code=indicator.code, value=Decimal(str(counts[KEYS[what]])),
            source=_("Theo dõi báo chí - mạng xã hội"),
            records=[EvidenceRecord(label=_("Bảng theo dõi %(start)s - %(end)s") % {
                "start": start.strftime("%d/%m/%Y"), "end": end.strftime("%d/%m/%Y")}, url=link)],
        ))
    return out
