"""Read-side assembly for the roll-up pages: turns rollup.py's groups into rows, tiles and series.

The query count of these functions does not grow with the number of areas, units or reports (pinned in
tests/reports/test_rollup_pages.py): each roll-up is a fixed handful of GROUP BYs plus one query for labels.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from lantoa.areas.models import AdminArea
from lantoa.reports import rollup
from lantoa.reports.models import Indicator, ReportForm, ReportRequest
from lantoa.reports.rollup import Rates, Row
from lantoa.units.models import Unit


@dataclass
class Overview:
    area: AdminArea
    requests: list[ReportRequest]
    indicators: list[Indicator]
    rows: list[Row] = field(default_factory=list)       # one per child area (province or commune)
    kind_rows: list[Row] = field(default_factory=list)  # one per unit kind
    total: Row | None = None
    matrix: list[dict[str, Any]] = field(default_factory=list)  # child area × request completeness
    series: list[dict[str, Any]] = field(default_factory=list)  # per indicator: [(label, value, link)]
    # Codes chosen for the on-screen tables and charts (None: the first DEFAULT_SHOWN); exports show all.
    shown_codes: list[str] | None = None

    @property
    def numeric_indicators(self) -> list[Indicator]:
        return [i for i in self.indicators if i.is_numeric and i.aggregation != "none"]

    @property
    def shown_indicators(self) -> list[Indicator]:
        """A province has up to ~170 communes: 50 indicator columns of links would make a 1.5 MB page on a
        commune office's connection, so the screen shows a chosen few and the XLSX pivot has them all."""
        numeric = self.numeric_indicators
        if self.shown_codes is None:
            return numeric[:DEFAULT_SHOWN]
        if "*" in self.shown_codes:
            return numeric
        chosen = [i for i in numeric if i.code in self.shown_codes]
        return chosen or numeric[:DEFAULT_SHOWN]

    @property
    def shown_series(self) -> list[dict[str, Any]]:
        codes = {i.code for i in self.shown_indicators}
        return [s for s in self.series if s["indicator"].code in codes]


DEFAULT_SHOWN = 8


def rate_class(value: float | None) -> str:
    """Tile colour band by completeness (CSS classes in reports.css)."""
    if value is None:
        return "rate-none"
    if value >= 90:
        return "rate-4"
    if value >= 70:
        return "rate-3"
    if value >= 40:
        return "rate-2"
    if value > 0:
        return "rate-1"
    return "rate-0"


@lru_cache(maxsize=4)
def _url(name: str) -> str:
    # A roll-up page builds thousands of links; reverse() once per name, not per link.
    return reverse(name)


def reports_link(**params: Any) -> str:
    """The list of reports behind a number."""
    clean = {k: v for k, v in params.items() if v not in (None, "")}
    return f"{_url('reports:report_list')}?{urlencode(clean)}"


def _filter_key(requests: list[ReportRequest]) -> dict[str, Any]:
    if len(requests) == 1:
        return {"request": requests[0].pk}
    first = requests[0]
    return {"form": first.form_version.form.code, "year": first.period_start.year}


def build_overview(*, area: AdminArea, requests: list[ReportRequest], indicators: list[Indicator],
                   whole_year: bool = False, shown_codes: list[str] | None = None) -> Overview:
    """Roll-up of ``requests`` over the children of ``area`` (provinces of the nation, communes of a province);
    for a commune, its own units. ``whole_year``: the requests are ``year_requests(...)``, so a province's
    drill-down may read the year cells."""
    ov = Overview(area=area, requests=requests, indicators=indicators, shown_codes=shown_codes)
    if not requests:
        return ov
    fin = rollup.Finisher(indicators)
    key = _filter_key(requests)
    if area.level == AdminArea.Level.NATIONAL:
        children = list(AdminArea.objects.current().provinces().only("pk", "code", "name"))
        totals = rollup.totals_by_province(requests, indicators)
        cube = rollup.rates_cube(requests)
        rates, matrix = rollup.fold_rates(cube, 0), rollup.fold_rates(cube, 0, 1)
        kind_totals = rollup.totals_by_unit_kind(requests, indicators)
        kind_rates = rollup.fold_rates(cube, 2)
        series_totals = rollup.totals_by_request(requests, indicators)
        province_id = None
        central = Row(key=None, label=_("Đơn vị trung ương"), values=fin(totals.get(0, {})),
                      rates=rates.get(None, Rates()))
    elif area.level == AdminArea.Level.PROVINCE:
        children = list(AdminArea.objects.current().filter(parent=area).only("pk", "code", "name"))
        totals = (rollup.totals_by_commune_year if whole_year and len(requests) > 1 else rollup.totals_by_commune)(
            requests, indicators, area.pk)
        cube = rollup.rates_cube(requests, province_id=area.pk)
        rates, matrix = rollup.fold_rates(cube, 0), rollup.fold_rates(cube, 0, 1)
        kind_totals = rollup.totals_by_unit_kind(requests, indicators, province_id=area.pk)
        kind_rates = rollup.fold_rates(cube, 2)
        series_totals = rollup.totals_by_request(requests, indicators, province_id=area.pk)
        province_id = area.pk
        central = Row(key=None, label=_("Đơn vị cấp tỉnh"), values=fin(totals.get(None, {})),
                      rates=rates.get(None, Rates()))
    else:
        return _commune_overview(ov, area, requests, indicators)

    for child in children:
        row = Row(key=child.pk, label=child.name, values=fin(totals.get(child.pk, {})),
                  rates=rates.get(child.pk, Rates()))
        row.link = f"{_url('reports:dashboard')}?{urlencode({**_page_key(requests), 'area': child.code})}"
        row.extra = {"code": child.code, "class": rate_class(row.rates.completeness),
                     "reports": reports_link(**key, area=child.code)}
        ov.rows.append(row)
    if central.rates.expected or any(v is not None for v in central.values.values()):
        central.extra = {"code": "", "class": rate_class(central.rates.completeness),
                         "reports": reports_link(**key, area=area.code, level="own")}
        ov.rows.append(central)
    all_totals = _sum_totals(totals.values())
    ov.total = Row(key="total", label=_("Tổng cộng"), values=fin(all_totals),
                   rates=rollup.total_rates(rates))
    ov.total.extra = {"reports": reports_link(**key, area=area.code)}
    kinds: dict[Any, Any] = dict(Unit.Kind.choices)
    for kind, kind_rate in sorted(kind_rates.items(), key=lambda kv: str(kinds.get(kv[0], kv[0]))):
        row = Row(key=kind, label=str(kinds.get(kind, kind)),
                  values=fin(kind_totals.get(kind, {})), rates=kind_rate)
        row.extra = {"reports": reports_link(**key, area=area.code, kind=kind)}
        ov.kind_rows.append(row)
    _fill_matrix(ov, children, matrix, key)
    _fill_series(ov, series_totals, province_id)
    return ov


def _page_key(requests: list[ReportRequest]) -> dict[str, Any]:
    if len(requests) == 1:
        return {"request": requests[0].pk}
    return {"form": requests[0].form_version.form.code, "year": requests[0].period_start.year}


def _sum_totals(items: Any) -> rollup.Totals:
    out: dict[int, tuple[Decimal, int]] = {}
    for totals in items:
        for pk, (t, n) in totals.items():
            old_t, old_n = out.get(pk, (0, 0))
            out[pk] = (old_t + t, old_n + n)
    return out


def _fill_matrix(ov: Overview, children: list[AdminArea], matrix: dict[Any, Rates], key: dict[str, Any]) -> None:
    if len(ov.requests) < 2:
        return
    for child in children:
        cells = []
        for req in ov.requests:
            r = matrix.get((child.pk, req.pk), Rates())
            cells.append({"rates": r, "class": rate_class(r.completeness),
                          "link": reports_link(request=req.pk, area=child.code)})
        ov.matrix.append({"area": child, "cells": cells})


def _fill_series(ov: Overview, series_totals: dict[Any, rollup.Totals], province_id: int | None) -> None:
    fin = rollup.Finisher(ov.indicators)
    finished = {req.pk: fin(series_totals.get(req.pk, {})) for req in ov.requests}
    ordered = sorted(ov.requests, key=lambda r: r.period_start)
    for ind in ov.numeric_indicators:
        points = [
            {"label": f"{r.period_start:%m/%Y}", "value": finished[r.pk].get(ind.code),
             "link": reports_link(request=r.pk, area=ov.area.code, indicator=ind.code)}
            for r in ordered
        ]
        ov.series.append({"indicator": ind, "points": points})


def _commune_overview(ov: Overview, area: AdminArea, requests: list[ReportRequest],
                      indicators: list[Indicator]) -> Overview:
    """A commune: one row per unit of the commune, from the values themselves (a handful of units)."""
    from lantoa.reports.models import Report, ReportValue

    key = _filter_key(requests)
    fin = rollup.Finisher(indicators)
    reports = list(Report.objects.filter(request__in=requests, commune=area).select_related("unit"))
    values = ReportValue.objects.filter(report__in=[r.pk for r in reports if r.counted]).values_list(
        "report__unit_id", "indicator_id", "number")
    per_unit: dict[int, dict[int, tuple[Decimal, int]]] = {}
    for unit_id, ind_id, number in values:
        if number is None:
            continue
        t, n = per_unit.setdefault(unit_id, {}).get(ind_id, (0, 0))
        per_unit[unit_id][ind_id] = (t + number, n + 1)
    mapping = rollup._equivalent_ids(indicators, requests)
    units = {r.unit_id: r.unit for r in reports}
    for unit_id, unit in sorted(units.items(), key=lambda kv: kv[1].name):
        mine = [r for r in reports if r.unit_id == unit_id]
        rates = Rates(len(mine), sum(r.counted for r in mine), sum(r.counted and r.on_time for r in mine))
        row = Row(key=unit_id, label=unit.name, rates=rates,
                  values=fin(rollup._remap(per_unit.get(unit_id, {}), mapping)))
        row.extra = {"class": rate_class(rates.completeness),
                     "reports": reports_link(**key, unit=unit_id)}
        ov.rows.append(row)
    all_totals = _sum_totals(rollup._remap(t, mapping) for t in per_unit.values())
    ov.total = Row(key="total", label=_("Tổng cộng"), values=fin(all_totals),
                   rates=rollup.total_rates({r.key: r.rates for r in ov.rows}))
    ov.total.extra = {"reports": reports_link(**key, area=area.code)}
    return ov


FREQUENCY_PREFERENCE = ("monthly", "quarterly", "six_monthly", "yearly")


def year_requests(form: ReportForm, year: int, frequency: str = "") -> list[ReportRequest]:
    """The periodic requests of one form in a year, of one frequency (monthly first): mixing a month with the
    quarter containing it would count the same work twice."""
    requests = list(
        ReportRequest.objects.filter(form_version__form=form, period_start__year=year,
                                     kind=ReportRequest.Kind.PERIODIC)
        .select_related("form_version__form")
        .order_by("period_start", "pk")
    )
    present = {r.frequency for r in requests}
    chosen = frequency if frequency in present else next((f for f in FREQUENCY_PREFERENCE if f in present), "")
    return [r for r in requests if r.frequency == chosen]
