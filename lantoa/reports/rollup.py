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

from django.db import connection
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

Totals = dict[int, tuple[Any, int]]  # indicator id → (sum as int/float/Decimal, count of reporting units)


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


class Finisher:
    """Applies each indicator's aggregation rule to (sum, count) totals keyed by indicator id. Built once per page
    and called per row: a drill-down finishes hundreds of rows × dozens of indicators."""

    def __init__(self, indicators: Iterable[Indicator]) -> None:
        indicators = list(indicators)
        by_code = {i.code: i.pk for i in indicators}
        self.plan: list[tuple[str, int, str, int | None, int | None, bool]] = []
        for ind in indicators:
            rule = Aggregation.NONE if ind.value_type == ValueType.TEXT else ind.aggregation
            self.plan.append((ind.code, ind.pk, rule, by_code.get(ind.numerator), by_code.get(ind.denominator),
                              ind.value_type == ValueType.PERCENT))

    def __call__(self, totals: Totals) -> dict[str, Decimal | None]:
        out: dict[str, Decimal | None] = {}
        for code, pk, rule, num, den, percent in self.plan:
            if rule == Aggregation.NONE:
                out[code] = None
            elif rule == Aggregation.RATIO:
                n_total = totals[num][0] if num in totals else None
                d_total = totals[den][0] if den in totals else None
                out[code] = ratio(n_total, d_total, percent=percent)
            else:
                cell = totals.get(pk)
                if cell is None or not cell[1]:
                    out[code] = None
                elif rule == Aggregation.AVERAGE:
                    out[code] = (_dec(cell[0]) / cell[1]).quantize(Decimal("0.01"))
                else:  # sum, and count of yes (yes is stored as 1)
                    out[code] = _dec(cell[0])
        return out


def _dec(value: Any) -> Decimal:
    # Raw database sums are int or float on SQLite and Decimal on PostgreSQL; exact up to 4 decimals either way.
    return value if isinstance(value, Decimal) else Decimal(str(value)).quantize(Decimal("0.0001"))


def finish(indicators: Iterable[Indicator], totals: Totals) -> dict[str, Decimal | None]:
    return Finisher(indicators)(totals)


def _fetch(queryset: Any) -> list[tuple[Any, ...]]:
    """Run a values_list() GROUP BY without Django's per-value converters (the bulk of a drill-down's time);
    callers treat sums as plain numbers."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _group_totals(rows: Iterable[tuple[Any, ...]]) -> dict[Any, Totals]:
    """Rows of (group key, indicator id, sum, count) → {group key: {indicator id: (sum, count)}}."""
    grouped: dict[Any, Totals] = defaultdict(dict)
    for key, indicator_id, total, n in rows:
        grouped[key][indicator_id] = (total or 0, int(n or 0))
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
    if all(k == v for k, v in mapping.items()) and all(k in mapping for k in totals):
        return totals  # one form version: nothing to merge
    out: dict[int, tuple[Decimal, int]] = {}
    for pk, (total, n) in totals.items():
        target = mapping.get(pk)
        if target is None:
            continue
        old_total, old_n = out.get(target, (0, 0))
        out[target] = (old_total + total, old_n + n)
    return out


def totals_by_province(requests: list[ReportRequest], indicators: list[Indicator]) -> dict[Any, Totals]:
    """Per province (0 = central units), from the running roll-up cells: one small query."""
    mapping = _equivalent_ids(indicators, requests)
    rows = _fetch(
        RollupCell.objects.filter(request__in=[r.pk for r in requests])
        .values_list("province_key", "indicator_id")
        .annotate(total=Sum("total"), n=Sum("count"))
        .order_by()
    )
    return {k: _remap(v, mapping) for k, v in _group_totals(rows).items()}


def totals_by_unit_kind(
    requests: list[ReportRequest], indicators: list[Indicator], province_id: int | None = None
) -> dict[Any, Totals]:
    mapping = _equivalent_ids(indicators, requests)
    cells = RollupCell.objects.filter(request__in=[r.pk for r in requests])
    if province_id is not None:
        cells = cells.filter(province_key=province_id)
    rows = _fetch(cells.values_list("unit_kind", "indicator_id").annotate(total=Sum("total"), n=Sum("count"))
                  .order_by())
    return {k: _remap(v, mapping) for k, v in _group_totals(rows).items()}


def totals_by_request(requests: list[ReportRequest], indicators: list[Indicator],
                      province_id: int | None = None) -> dict[Any, Totals]:
    """Per request (the time series), optionally within one province."""
    mapping = _equivalent_ids(indicators, requests)
    cells = RollupCell.objects.filter(request__in=[r.pk for r in requests])
    if province_id is not None:
        cells = cells.filter(province_key=province_id)
    rows = _fetch(cells.values_list("request_id", "indicator_id").annotate(total=Sum("total"), n=Sum("count"))
                  .order_by())
    return {k: _remap(v, mapping) for k, v in _group_totals(rows).items()}


def totals_by_commune(
    requests: list[ReportRequest], indicators: list[Indicator], province_id: int
) -> dict[Any, Totals]:
    """One province's drill-down by commune, straight from the flattened values (partial index on counted).
    Key None holds the province-level units' own values."""
    mapping = _equivalent_ids(indicators, requests)
    rows = _fetch(
        ReportValue.objects.filter(province_id=province_id, request_id__in=[r.pk for r in requests], counted=True)
        .values_list("commune_id", "indicator_id")
        .annotate(total=Sum("number"), n=Count("number"))
        .order_by()
    )
    return {k: _remap(v, mapping) for k, v in _group_totals(rows).items()}


def totals_by_commune_year(
    requests: list[ReportRequest], indicators: list[Indicator], province_id: int
) -> dict[Any, Totals]:
    """Like ``totals_by_commune`` for a whole year of one form's periodic requests of one frequency (what
    dashboard.year_requests returns), from the year cells. Key None: the province-level units."""
    first = requests[0]
    mapping = _equivalent_ids(indicators, requests)
    rows = _fetch(
        YearCell.objects.filter(form_id=first.form_version.form_id, year=first.period_start.year,
                                frequency=first.frequency, province_key=province_id)
        .values_list("commune_key", "indicator_id")
        .annotate(total=Sum("total"), n=Sum("count"))
        .order_by()
    )
    return {(k or None): _remap(v, mapping) for k, v in _group_totals(rows).items()}


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


def rates_cube(requests: list[ReportRequest], province_id: int | None = None) -> dict[Any, Rates]:
    """One pass over the expected reports: (area, request, unit kind) → rates, where area is the province (or the
    commune within ``province_id``). Pages fold it into per-area, area × period and per-kind tables."""
    reports = Report.objects.filter(request__in=[r.pk for r in requests])
    if province_id is not None:
        return _rates_query(reports.filter(province_id=province_id), "commune_id", "request_id", "unit_kind")
    return _rates_query(reports, "province_id", "request_id", "unit_kind")


def fold_rates(cube: dict[Any, Rates], *positions: int) -> dict[Any, Rates]:
    """Sum a cube's rates over the key positions not kept (one position → plain keys, several → tuples)."""
    out: dict[Any, Rates] = {}
    for key, rates in cube.items():
        kept = key[positions[0]] if len(positions) == 1 else tuple(key[p] for p in positions)
        out.setdefault(kept, Rates()).add(rates)
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
