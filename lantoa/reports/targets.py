"""Targets vs actuals: plan targets (plans.Target) linked from indicators, compared with roll-up values.

Read through the app registry so reporting keeps working on an install without the plans app.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.apps import apps

from lantoa.reports.dashboard import Overview
from lantoa.reports.models import Aggregation, ValueType


@dataclass
class TargetRow:
    indicator: Any
    target: Any
    actual: Decimal | None
    periods: int
    area: Any = None

    @property
    def progress(self) -> float | None:
        goal = self.target.target_value
        if self.actual is None or not goal:
            return None
        return min(999.0, float(self.actual) / float(goal) * 100)

    @property
    def progress_width(self) -> int:
        return int(min(100.0, self.progress or 0))


def targets_vs_actuals(overview: Overview) -> list[TargetRow]:
    """One row per linked target whose plan's unit lies in the viewed area, compared with the actual of that
    unit's area: the viewed area itself (over the periods inside the target's phase, all periods when it has
    none; counts add up over periods, rates and averages take the latest period), or one of its child rows
    (provinces of the nation, communes of a province; over all periods shown)."""
    linked = [i for i in overview.indicators if i.target_id]
    if not linked or not apps.is_installed("lantoa.plans") or not overview.requests:
        return []
    target_model = apps.get_model("plans", "Target")
    targets = {t.pk: t for t in target_model.objects.filter(pk__in=[i.target_id for i in linked])
               .select_related("phase", "plan__unit__area")}
    child_rows = {row.key: row for row in overview.rows}
    series = {s["indicator"].code: s["points"] for s in overview.series}
    requests = sorted(overview.requests, key=lambda r: r.period_start)
    rows = []
    for ind in linked:
        target = targets.get(ind.target_id)
        if target is None:
            continue
        plan_area = target.plan.unit.area
        if plan_area.pk != overview.area.pk:
            row = child_rows.get(plan_area.pk)
            if row is not None:
                rows.append(TargetRow(indicator=ind, target=target, actual=row.values.get(ind.code),
                                      periods=len(requests), area=plan_area))
            continue
        phase = target.phase
        inside = [
            i for i, r in enumerate(requests)
            if phase is None or ((phase.start is None or r.period_end >= phase.start)
                                 and (phase.end is None or r.period_start <= phase.end))
        ]
        points = series.get(ind.code) or []
        values = [points[i]["value"] for i in inside if i < len(points) and points[i]["value"] is not None]
        if len(requests) == 1 and overview.total is not None:
            values = [v for v in [overview.total.values.get(ind.code)] if v is not None]
        cumulative = ind.aggregation in (Aggregation.SUM, Aggregation.COUNT_YES) and ind.value_type != ValueType.PERCENT
        actual = (sum(values, Decimal(0)) if cumulative else values[-1]) if values else None
        rows.append(TargetRow(indicator=ind, target=target, actual=actual, periods=len(values), area=plan_area))
    return rows
