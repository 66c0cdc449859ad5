"""Roll-up reads: per-indicator aggregates, completeness and timeliness, by area level and by unit kind.

Every function is a small number of GROUP BY queries over flattened columns (see models.py) and returns plain
data the views render; numbers are finished per indicator rule in Python from (sum, count) pairs, which is what
makes sum, average, count-of-yes and ratio-of-sums all derivable from the same running totals.

Definitions (DHIS2 "reporting rate" and "reporting rate on time"):
- expected  = reports the request expects (one per expected unit);
- submitted = reports submitted, resubmitted or accepted (a returned report is back with its unit);
- completeness = submitted / expected; timeliness = submitted on time / expected.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, Sum

from lantoa.reports.models import (
    Aggregation,
    Indicator,
    Report,
    ReportRequest,
    ReportValue,
    RollupCell,
    ValueType,
    YearCell,
)
from lantoa.reports.values import ratio

Totals = dict[int, tuple[Decimal, int]]  # indicator id → (sum, count of reporting units)


@dataclass
class Rates:
    expected: int = 0
    submitted: int = 0
    on_time: int = 0

    @property
    def completeness(self) -> float | None:
        return 100.0 * self.submitted / self.expected if self.expected else None

    @property
    def timeliness(self) -> float | None:
        return 100.0 * self.on_time / self.expected if self.expected else None

    def add(self, other: Rates) -> None:
        self.expected += other.expected
        self.submitted += other.submitted
        self.on_time += other.on_time


@dataclass
class Row:
    """One line of a roll-up table: a group (area, unit kind, request) with finished values per indicator."""

    key: object
    label: str
    values: dict[str, Decimal | None] = field(default_factory=dict)
    rates: Rates = field(default_factory=Rates)
    link: str = ""
    extra: dict[str, object] = field(default_factory=dict)


def finish(indicators: Iterable[Indicator], totals: Totals) -> dict[str, Decimal | None]:
    """Apply each indicator's aggregation rule to (sum, count) totals keyed by indicator id."""
    indicators = list(indicators)
    by_code = {i.code: i for i in indicators}
    out: dict[str, Decimal | None] = {}
    for ind in indicators:
        total, count = totals.get(ind.pk, (Decimal(0), 0))
        if ind.aggregation == Aggregation.NONE or ind.value_type == ValueType.TEXT:
            out[ind.code] = None
        elif ind.aggregation == Aggregation.RATIO:
            num, den = by_code.get(ind.numerator), by_code.get(ind.denominator)
            n_total = totals.get(num.pk, (None, 0))[0] if num else None
            d_total = totals.get(den.pk, (None, 0))[0] if den else None
            out[ind.code] = ratio(n_total, d_total, percent=ind.value_type == ValueType.PERCENT)
        elif count == 0:
            out[ind.code] = None
        elif ind.aggregation == Aggregation.AVERAGE:
            out[ind.code] = (Decimal(total) / count).quantize(Decimal("0.01"))
        else:  # sum, and count of yes (yes is stored as 1)
            out[ind.code] = Decimal(total)
    return out


def _group_totals(rows: Iterable[dict[str, Any]], key: str) -> dict[Any, Totals]:
    grouped: dict[Any, Totals] = defaultdict(dict)
    for r in rows:
        grouped[r[key]][r["indicator_id"]] = (Decimal(r["total"] or 0), int(r["n"]))
    return grouped


def _equivalent_ids(indicators: list[Indicator], requests: list[ReportRequest]) -> dict[int, int]:
    """Map indicator ids of every version used by ``requests`` onto ``indicators`` by code (forms are versioned;
    an indicator keeps its code across versions, so a year can mix versions)."""
    version_ids = {r.form_version_id for r in requests}
    by_code = {i.code: i.pk for i in indicators}
    return {
        pk: by_code[code]
        for pk, code in Indicator.objects.filter(version_id__in=version_ids).values_list("pk", "code")
        if code in by_code
    }


def _remap(totals: Totals, mapping: dict[int, int]) -> Totals:
    out: dict[int, tuple[Decimal, int]] = {}
    for pk, (total, n) in totals.items():
        target = mapping.get(pk)
        if target is None:
            continue
        old_total, old_n = out.get(target, (Decimal(0), 0))
        out[target] = (old_total + total, old_n + n)
    return out


def totals_by_province(requests: list[ReportRequest], indicators: list[Indicator]) -> dict[Any, Totals]:
    """Per province (0 = central units), from the running roll-up cells: one small query."""
    mapping = _equivalent_ids(indicators, requests)
    rows = (
        RollupCell.objects.filter(request__in=[r.pk for r in requests])
        .values("province_key", "indicator_id")
        .annotate(total=Sum("total"), n=Sum("count"))
        .order_by()
    )
    return {k: _remap(v, mapping) for k, v in _group_totals(rows, "province_key").items()}


def totals_by_unit_kind(
    requests: list[ReportRequest], indicators: list[Indicator], province_id: int | None = None
) -> dict[Any, Totals]:
    mapping = _equivalent_ids(indicators, requests)
    cells = RollupCell.objects.filter(request__in=[r.pk for r in requests])
    if province_id is not None:
        cells = cells.filter(province_key=province_id)
    rows = cells.values("unit_kind", "indicator_id").annotate(total=Sum("total"), n=Sum("count")).order_by()
    return {k: _remap(v, mapping) for k, v in _group_totals(rows, "unit_kind").items()}


def totals_by_request(requests: list[ReportRequest], indicators: list[Indicator],
                      province_id: int | None = None) -> dict[Any, Totals]:
    """Per request (the time series), optionally within one province."""
    mapping = _equivalent_ids(indicators, requests)
    cells = RollupCell.objects.filter(request__in=[r.pk for r in requests])
    if province_id is not None:
        cells = cells.filter(province_key=province_id)
    rows = cells.values("request_id", "indicator_id").annotate(total=Sum("total"), n=Sum("count")).order_by()
    return {k: _remap(v, mapping) for k, v in _group_totals(rows, "request_id").items()}


def totals_by_commune(
    requests: list[ReportRequest], indicators: list[Indicator], province_id: int
) -> dict[Any, Totals]:
    """One province's drill-down by commune, straight from the flattened values (partial index on counted).
    Key None holds the province-level units' own values."""
    mapping = _equivalent_ids(indicators, requests)
    rows = (
        ReportValue.objects.filter(province_id=province_id, request_id__in=[r.pk for r in requests], counted=True)
        .values("commune_id", "indicator_id")
        .annotate(total=Sum("number"), n=Count("number"))
        .order_by()
    )
    return {k: _remap(v, mapping) for k, v in _group_totals(rows, "commune_id").items()}


def totals_by_commune_year(
    requests: list[ReportRequest], indicators: list[Indicator], province_id: int
) -> dict[Any, Totals]:
    """Like ``totals_by_commune`` for a whole year of one form's periodic requests of one frequency (what
    dashboard.year_requests returns), from the year cells. Key None: the province-level units."""
    first = requests[0]
    mapping = _equivalent_ids(indicators, requests)
    rows = (
        YearCell.objects.filter(form_id=first.form_version.form_id, year=first.period_start.year,
                                frequency=first.frequency, province_key=province_id)
        .values("commune_key", "indicator_id")
        .annotate(total=Sum("total"), n=Sum("count"))
        .order_by()
    )
    return {(k or None): _remap(v, mapping) for k, v in _group_totals(rows, "commune_key").items()}


def _rates_query(reports: Any, *keys: str) -> dict[Any, Rates]:
    rows = (
        reports.values(*keys)
        .annotate(expected=Count("pk"), submitted=Count("pk", filter=Q(counted=True)),
                  on_time=Count("pk", filter=Q(counted=True, on_time=True)))
        .order_by()
    )
    out: dict[Any, Rates] = {}
    for r in rows:
        key = r[keys[0]] if len(keys) == 1 else tuple(r[k] for k in keys)
        out[key] = Rates(r["expected"], r["submitted"], r["on_time"])
    return out


def rates_by_province(requests: list[ReportRequest]) -> dict[Any, Rates]:
    return _rates_query(Report.objects.filter(request__in=[r.pk for r in requests]), "province_id")


def rates_matrix(requests: list[ReportRequest]) -> dict[Any, Rates]:
    """(province id, request id) → rates: the completeness/timeliness matrix, province × period."""
    return _rates_query(Report.objects.filter(request__in=[r.pk for r in requests]), "province_id", "request_id")


def rates_by_commune(requests: list[ReportRequest], province_id: int) -> dict[Any, Rates]:
    return _rates_query(
        Report.objects.filter(request__in=[r.pk for r in requests], province_id=province_id), "commune_id"
    )


def rates_matrix_communes(requests: list[ReportRequest], province_id: int) -> dict[Any, Rates]:
    return _rates_query(
        Report.objects.filter(request__in=[r.pk for r in requests], province_id=province_id), "commune_id",
        "request_id",
    )


def rates_by_request(requests: list[ReportRequest], province_id: int | None = None) -> dict[Any, Rates]:
    reports = Report.objects.filter(request__in=[r.pk for r in requests])
    if province_id is not None:
        reports = reports.filter(province_id=province_id)
    return _rates_query(reports, "request_id")


def rates_by_unit_kind(requests: list[ReportRequest], province_id: int | None = None) -> dict[Any, Rates]:
    reports = Report.objects.filter(request__in=[r.pk for r in requests])
    if province_id is not None:
        reports = reports.filter(province_id=province_id)
    return _rates_query(reports, "unit_kind")


def total_rates(rates: dict[Any, Rates]) -> Rates:
    out = Rates()
    for r in rates.values():
        out.add(r)
    return out
