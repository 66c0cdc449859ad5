"""Writes of the reporting app: typed, keyword-only, each one transaction.

Report state machine: draft → submitted → accepted | returned(reason) → resubmitted → accepted | returned …
Accepted is final and locks the data. Only drafts and returned reports are edited, so counted values (those in
roll-ups) change only on a transition, and each transition adjusts ``RollupCell`` by delta in its transaction.

Concurrency: every write bumps ``Report.version`` with a conditional UPDATE (``WHERE version = <the version the
user saw>``). The UPDATE takes the row lock, so of two simultaneous writes the second waits, then matches no
row and becomes a ``ReportConflict`` carrying the stored version — never a silent overwrite.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import connection, transaction
from django.db.models import F, QuerySet
from django.db.models.functions import Now
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from lantoa.areas.models import AdminArea
from lantoa.notifications.services import notify_unit
from lantoa.reports.models import (
    Aggregation,
    FormVersion,
    Frequency,
    Indicator,
    Report,
    ReportForm,
    ReportRequest,
    ReportSchedule,
    ReportValue,
    RollupCell,
    ValueType,
    YearCell,
)
from lantoa.reports.values import computed_ratios, parse_values
from lantoa.units.models import Membership, Unit


class ReportError(Exception):
    """A refused write; ``message`` is shown to the user as is (Vietnamese)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ReportConflict(ReportError):
    def __init__(self, current: Report) -> None:
        super().__init__(_("Báo cáo vừa được người khác (hoặc một thẻ trình duyệt khác) thay đổi."))
        self.current = current


class ValuesInvalid(ReportError):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(_("Số liệu chưa hợp lệ, chưa lưu gì. Xin sửa các ô được đánh dấu."))
        self.errors = errors


# Forms --------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    name: str
    value_type: str = ValueType.INTEGER
    aggregation: str = Aggregation.SUM
    unit_of_measure: str = ""
    help_text: str = ""
    numerator: str = ""
    denominator: str = ""
    evidence_key: str = ""
    target_id: int | None = None


def _check_specs(indicators: list[IndicatorSpec]) -> None:
    codes = [i.code for i in indicators]
    if len(set(codes)) != len(codes):
        raise ReportError(_("Mã chỉ tiêu bị trùng."))
    for spec in indicators:
        if spec.aggregation == Aggregation.RATIO and not {spec.numerator, spec.denominator} <= set(codes):
            raise ReportError(_("Chỉ tiêu tỷ lệ %(code)s phải chỉ rõ tử số và mẫu số trong biểu mẫu.")
                              % {"code": spec.code})
        if spec.value_type == ValueType.TEXT and spec.aggregation != Aggregation.NONE:
            raise ReportError(_("Chỉ tiêu văn bản %(code)s không tổng hợp được.") % {"code": spec.code})


def _add_version(form: ReportForm, indicators: list[IndicatorSpec], sections: list[dict[str, str]],
                 note: str) -> FormVersion:
    _check_specs(indicators)
    number = (form.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    version = FormVersion.objects.create(form=form, number=number, sections=sections, note=note)
    for order, spec in enumerate(indicators):
        Indicator.objects.create(version=version, order=order, **spec.__dict__)
    return version


@transaction.atomic
def form_create(*, code: str, title: str, issuer: Unit, indicators: list[IndicatorSpec],
                sections: list[dict[str, str]]) -> ReportForm:
    form = ReportForm.objects.create(code=code, title=title, issuer=issuer)
    _add_version(form, indicators, sections, note=_("Phiên bản đầu"))
    return form


@transaction.atomic
def form_new_version(*, form: ReportForm, indicators: list[IndicatorSpec], sections: list[dict[str, str]],
                     note: str = "") -> FormVersion:
    """A new version; requests and reports already made keep pointing at theirs, so they stay valid."""
    return _add_version(form, indicators, sections, note)


# Requests -----------------------------------------------------------------------------------------------------
def expected_units(*, area: AdminArea, level: str, kinds: Iterable[str] = ()) -> QuerySet[Unit]:
    units = Unit.objects.active().in_area(area)
    if level != ReportRequest.Level.ALL:
        units = units.filter(area__level=level)
    kinds = list(kinds)
    if kinds:
        units = units.filter(kind__in=kinds)
    return units


def period_bounds(frequency: str, on: dt.date) -> tuple[dt.date, dt.date]:
    """The period of ``frequency`` containing ``on``."""
    months = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.SIX_MONTHLY: 6, Frequency.YEARLY: 12}[
        Frequency(frequency)
    ]
    first_month = (on.month - 1) // months * months + 1
    last_month = first_month + months - 1
    return dt.date(on.year, first_month, 1), dt.date(on.year, last_month, calendar.monthrange(on.year, last_month)[1])


def default_deadline(period_end: dt.date, days_after_period: int) -> dt.datetime:
    """DHIS2's "days after period end to qualify for timely submission", ending at 23:59 local time."""
    day = period_end + dt.timedelta(days=days_after_period)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(23, 59)))


def period_label(frequency: str, start: dt.date, end: dt.date) -> str:
    if frequency == Frequency.MONTHLY:
        return _("tháng %(m)02d/%(y)d") % {"m": start.month, "y": start.year}
    if frequency == Frequency.QUARTERLY:
        return _("quý %(q)d/%(y)d") % {"q": (start.month - 1) // 3 + 1, "y": start.year}
    if frequency == Frequency.SIX_MONTHLY:
        return _("6 tháng %(h)s năm %(y)d") % {"h": _("đầu") if start.month == 1 else _("cuối"), "y": start.year}
    if frequency == Frequency.YEARLY:
        return _("năm %(y)d") % {"y": start.year}
    return f"{start:%d/%m/%Y} – {end:%d/%m/%Y}"


@transaction.atomic
def request_open(
    *, title: str, form_version: FormVersion, issuer: Unit, period_start: dt.date, period_end: dt.date,
    target_area: AdminArea, target_level: str = ReportRequest.Level.COMMUNE, target_kinds: Iterable[str] = (),
    kind: str = ReportRequest.Kind.PERIODIC, frequency: str = "", days_after_period: int = 5,
    deadline: dt.datetime | None = None, schedule: ReportSchedule | None = None,
) -> ReportRequest:
    """Open a request and materialise one report (status draft) per expected unit, so expected = row count."""
    if period_end < period_start:
        raise ReportError(_("Ngày kết thúc kỳ báo cáo phải sau ngày bắt đầu."))
    request = ReportRequest.objects.create(
        title=title, form_version=form_version, issuer=issuer, kind=kind, frequency=frequency,
        period_start=period_start, period_end=period_end, days_after_period=days_after_period,
        deadline=deadline or default_deadline(period_end, days_after_period), target_area=target_area,
        target_level=target_level, target_kinds=list(target_kinds), schedule=schedule,
    )
    units = expected_units(area=target_area, level=target_level, kinds=target_kinds).select_related("area")
    reports = []
    for unit in units:
        report = Report(request=request, unit=unit)
        report.fill_flat_columns()
        reports.append(report)
    bulk_create_with_history(reports, Report, batch_size=500)
    return request


def request_set_open(*, request: ReportRequest, is_open: bool) -> ReportRequest:
    request.is_open = is_open
    request.save(update_fields=["is_open"])
    return request


def schedules_open_due(*, today: dt.date | None = None) -> list[ReportRequest]:
    """Open the current period's request of every active schedule that has none yet (run daily)."""
    today = today or timezone.localdate()
    opened = []
    for schedule in ReportSchedule.objects.filter(is_active=True).select_related("form", "target_area", "issuer"):
        start, end = period_bounds(schedule.frequency, today)
        if schedule.requests.filter(period_start=start).exists():
            continue
        version = schedule.form.current_version()
        if version is None:
            continue
        opened.append(request_open(
            title=f"{schedule.title} {period_label(schedule.frequency, start, end)}", form_version=version,
            issuer=schedule.issuer, period_start=start, period_end=end, target_area=schedule.target_area,
            target_level=schedule.target_level, target_kinds=schedule.target_kinds, frequency=schedule.frequency,
            days_after_period=schedule.days_after_period, schedule=schedule,
        ))
    return opened


# Reports ------------------------------------------------------------------------------------------------------
def _lock_for_write(report: Report, expected_version: int) -> Report:
    """Bump the version if it is still the one the user saw; otherwise a conflict with the stored report."""
    bumped = Report.objects.filter(pk=report.pk, version=expected_version).update(
        version=F("version") + 1, updated_at=Now()
    )
    if not bumped:
        raise ReportConflict(Report.objects.select_related("request", "unit").get(pk=report.pk))
    return Report.objects.select_related("request__form_version", "unit__area").get(pk=report.pk)


def _check_writable(report: Report, *, now: dt.datetime) -> None:
    if report.is_locked:
        raise ReportError(_("Báo cáo đã được duyệt và khoá; không sửa được nữa."))
    if report.status not in (Report.Status.DRAFT, Report.Status.RETURNED):
        raise ReportError(_("Báo cáo đã nộp, đang chờ duyệt; không sửa được."))
    if not report.request.is_open:
        raise ReportError(_("Yêu cầu báo cáo đã đóng, không nhận số liệu nữa."))


def _write_values(report: Report, indicators: list[Indicator], raw: Mapping[str, object],
                  user: object | None) -> None:
    parsed = parse_values(indicators, dict(raw))
    if not parsed.ok:
        raise ValuesInvalid(parsed.errors)
    numbers: dict[str, Decimal | None] = dict(parsed.numbers)
    numbers.update(computed_ratios(indicators, numbers))
    existing = {v.indicator_id: v for v in report.values.all()}
    to_create, to_update = [], []
    for ind in indicators:
        number = numbers.get(ind.code)
        text = parsed.texts.get(ind.code, "")
        value = existing.get(ind.pk)
        if value is None:
            if number is None and not text:
                continue
            to_create.append(ReportValue(
                report=report, indicator=ind, number=number, text=text, request_id=report.request_id,
                province_id=report.province_id, commune_id=report.commune_id, unit_kind=report.unit_kind,
            ))
        elif value.number != number or value.text != text:
            value.number, value.text = number, text
            to_update.append(value)
    if to_create:
        bulk_create_with_history(to_create, ReportValue, default_user=user)
    if to_update:
        bulk_update_with_history(to_update, ReportValue, ["number", "text"], default_user=user)


def _rollup_apply(report: Report, sign: int) -> None:
    """Add (sign=1) or remove (sign=-1) a report's numbers to the running roll-up cells: one upsert statement
    (INSERT … ON CONFLICT DO UPDATE, same syntax on SQLite ≥ 3.24 and PostgreSQL), atomic per cell under
    concurrent submissions because the database does the addition."""
    numbers = [
        (indicator_id, number)
        for indicator_id, number in ReportValue.objects.filter(report=report, number__isnull=False)
        .values_list("indicator_id", "number")
        if number is not None
    ]
    if not numbers:
        return
    province_key = report.province_id or 0
    cells = [(report.request_id, province_key, report.unit_kind, i, sign * n, sign) for i, n in numbers]
    with connection.cursor() as cursor:
        _upsert(cursor, RollupCell, ("request_id", "province_key", "unit_kind", "indicator_id"), cells)
        request = report.request
        if request.kind == ReportRequest.Kind.PERIODIC:
            key = (request.form_version.form_id, request.period_start.year, request.frequency, province_key,
                   report.commune_id or 0, report.unit_kind)
            _upsert(cursor, YearCell, ("form_id", "year", "frequency", "province_key", "commune_key", "unit_kind",
                                       "indicator_id"), [(*key, i, sign * n, sign) for i, n in numbers])


def _upsert(cursor: Any, model: Any, key: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """Add (total, count) deltas to running cells keyed by ``key`` (INSERT … ON CONFLICT DO UPDATE)."""
    table = model._meta.db_table
    columns = (*key, "total", "count")
    values = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * len(rows))
    cursor.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values} ON CONFLICT ({', '.join(key)}) DO UPDATE SET "
        f"total = {table}.total + excluded.total, count = {table}.count + excluded.count",
        [v for row in rows for v in row],
    )


def _set_counted(report: Report, counted: bool) -> None:
    ReportValue.objects.filter(report=report).update(counted=counted)
    if counted != report.counted:
        _rollup_apply(report, 1 if counted else -1)
    report.counted = counted


def _clean_narrative(report: Report, narrative: Mapping[str, str]) -> dict[str, str]:
    codes = [s["code"] for s in report.request.form_version.sections]
    return {code: str(narrative.get(code, "")).strip()[:20000] for code in codes}


def report_save(*, report: Report, user: object, expected_version: int, values: Mapping[str, object],
                narrative: Mapping[str, str]) -> Report:
    """Save a draft (or a returned report being fixed). Nothing is written if any value is invalid."""
    indicators = list(report.request.form_version.indicators.all())
    with transaction.atomic():
        locked = _lock_for_write(report, expected_version)
        _check_writable(locked, now=timezone.now())
        _write_values(locked, indicators, values, user)
        locked.narrative = _clean_narrative(locked, narrative)
        locked._change_reason = _("Lưu bản nháp")  # type: ignore[attr-defined]
        locked.save(update_fields=["narrative", "updated_at"])
    return locked


def report_submit(
    *, report: Report, user: object, expected_version: int, values: Mapping[str, object] | None = None,
    narrative: Mapping[str, str] | None = None, now: dt.datetime | None = None,
) -> Report:
    """Submit (or resubmit after a return): counted in every roll-up from this commit on."""
    now = now or timezone.now()
    indicators = list(report.request.form_version.indicators.all())
    with transaction.atomic():
        locked = _lock_for_write(report, expected_version)
        _check_writable(locked, now=now)
        if values is not None:
            _write_values(locked, indicators, values, user)
        if narrative is not None:
            locked.narrative = _clean_narrative(locked, narrative)
        locked.composed = report_compose(locked) if has_subordinates(locked) else {}
        locked.status = (Report.Status.RESUBMITTED if locked.status == Report.Status.RETURNED
                         else Report.Status.SUBMITTED)
        locked.submitted_at, locked.submitted_by = now, user  # type: ignore[assignment]
        locked.on_time = locked.request.is_on_time(now)
        _set_counted(locked, True)
        locked._change_reason = _("Nộp báo cáo")  # type: ignore[attr-defined]
        locked.save()
        transaction.on_commit(lambda: _notify_submitted(locked))
    return locked


def _decide(report: Report, user: object, expected_version: int | None) -> Report:
    locked = _lock_for_write(report, report.version if expected_version is None else expected_version)
    if not locked.can_be_decided:
        raise ReportError(_("Chỉ duyệt hoặc trả lại được báo cáo đang chờ duyệt."))
    locked.decided_at, locked.decided_by = timezone.now(), user  # type: ignore[assignment]
    return locked


def report_accept(*, report: Report, user: object, expected_version: int | None = None) -> Report:
    """Accept: the data is locked for good and feeds the supervising unit's composed report."""
    with transaction.atomic():
        locked = _decide(report, user, expected_version)
        locked.status = Report.Status.ACCEPTED
        locked.return_reason = ""
        locked._change_reason = _("Duyệt báo cáo")  # type: ignore[attr-defined]
        locked.save()
        transaction.on_commit(lambda: notify_unit(
            unit=locked.unit, title=_("Báo cáo đã được duyệt: %(t)s") % {"t": locked.request.title},
            url=reverse("reports:report", args=[locked.pk]), kind="report_accepted", email=False,
        ))
    return locked


def report_return(*, report: Report, user: object, reason: str, expected_version: int | None = None) -> Report:
    """Send back with a reason: the report leaves the roll-ups until it is resubmitted."""
    reason = reason.strip()
    if not reason:
        raise ReportError(_("Xin ghi lý do trả lại báo cáo."))
    with transaction.atomic():
        locked = _decide(report, user, expected_version)
        locked.status = Report.Status.RETURNED
        locked.return_reason = reason[:2000]
        _set_counted(locked, False)
        locked.on_time = False
        locked._change_reason = _("Trả lại: %(r)s") % {"r": reason[:200]}  # type: ignore[attr-defined]
        locked.save()
        transaction.on_commit(lambda: notify_unit(
            unit=locked.unit, title=_("Báo cáo bị trả lại: %(t)s") % {"t": locked.request.title}, body=reason,
            url=reverse("reports:report", args=[locked.pk]), kind="report_returned",
        ))
    return locked


def _notify_submitted(report: Report) -> None:
    notify_unit(
        unit=report.request.issuer, title=_("%(u)s đã nộp báo cáo: %(t)s") % {"u": report.unit, "t": report.request},
        url=reverse("reports:report", args=[report.pk]), kind="report_submitted", email=False,
        roles=Membership.SUPERVISING_ROLES,
    )


# Composition (bottom-up) --------------------------------------------------------------------------------------
def subordinate_reports(report: Report) -> QuerySet[Report]:
    """Reports of the same request one level below the report's unit: communes of a province, provinces of the
    nation. Accepted or not; callers filter."""
    area = report.unit.area
    same = Report.objects.filter(request_id=report.request_id).exclude(pk=report.pk)
    if area.level == AdminArea.Level.PROVINCE:
        return same.filter(province_id=area.pk, commune__isnull=False)
    if area.level == AdminArea.Level.NATIONAL:
        return same.filter(province__isnull=False, commune__isnull=True)
    return same.none()


def has_subordinates(report: Report) -> bool:
    return report.unit.area.level != AdminArea.Level.COMMUNE and subordinate_reports(report).exists()


def _own_totals(report: Report) -> dict[str, list[Any]]:
    return {
        code: [str(number), 1]
        for code, number in ReportValue.objects.filter(report=report, number__isnull=False)
        .values_list("indicator__code", "number")
    }


def report_compose(report: Report) -> dict[str, Any]:
    """The unit's own numbers plus its accepted sub-reports' (their own composed totals when they have them),
    as raw (sum, count) per indicator code so any level above can aggregate again per indicator rule."""
    totals: dict[str, list[Any]] = {}

    def add(code: str, total: Decimal, count: int) -> None:
        current = totals.setdefault(code, [Decimal(0), 0])
        current[0] += total
        current[1] += count

    for code, (total, count) in _own_totals(report).items():
        add(code, Decimal(total), count)
    subs = list(subordinate_reports(report).filter(status=Report.Status.ACCEPTED).select_related("unit"))
    for sub in subs:
        source = sub.composed.get("totals") if sub.composed else None
        for code, (total, count) in (source or _own_totals(sub)).items():
            add(code, Decimal(total), int(count))
    return {
        "totals": {code: [str(t), n] for code, (t, n) in totals.items()},
        "accepted": [s.pk for s in subs],
        "composed_at": timezone.now().isoformat(),
    }


def composed_values(report: Report, composed: dict[str, Any] | None = None) -> dict[str, Decimal | None]:
    """Finished values (per indicator rule) of a composition, for display and export."""
    from lantoa.reports.rollup import finish

    composed = composed if composed is not None else report_compose(report)
    indicators = list(report.request.form_version.indicators.all())
    ids = {i.code: i.pk for i in indicators}
    totals = {ids[c]: (Decimal(t), int(n)) for c, (t, n) in composed.get("totals", {}).items() if c in ids}
    return finish(indicators, totals)


def gather_narratives(report: Report) -> dict[str, str]:
    """Each section: the unit's own text, then each accepted sub-report's, headed by the unit name — a starting
    point the officer edits before submitting upward."""
    subs = list(subordinate_reports(report).filter(status=Report.Status.ACCEPTED).select_related("unit"))
    out: dict[str, str] = {}
    for section in report.request.form_version.sections:
        code = section["code"]
        parts = [report.narrative.get(code, "").strip()]
        parts += [f"- {s.unit.name}: {s.narrative.get(code, '').strip()}" for s in subs if s.narrative.get(code)]
        out[code] = "\n".join(p for p in parts if p)
    return out


# Reminders ----------------------------------------------------------------------------------------------------
def reports_send_reminders(*, now: dt.datetime | None = None, days_before: int = 3) -> int:
    """Remind units with unsubmitted reports once before the deadline and once when overdue."""
    now = now or timezone.now()
    sent = 0
    soon = ReportRequest.objects.open().filter(reminded_before=False, deadline__gt=now,
                                              deadline__lte=now + dt.timedelta(days=days_before))
    overdue = ReportRequest.objects.open().filter(reminded_overdue=False, deadline__lt=now)
    for request, overdue_now in [(r, False) for r in soon] + [(r, True) for r in overdue]:
        pending = request.reports.filter(status__in=[Report.Status.DRAFT, Report.Status.RETURNED]).select_related(
            "unit")
        deadline = timezone.localtime(request.deadline).strftime("%H:%M %d/%m/%Y")
        for report in pending:
            title = (_("Quá hạn nộp báo cáo: %(t)s (hạn %(d)s)") if overdue_now
                     else _("Sắp đến hạn nộp báo cáo: %(t)s (hạn %(d)s)")) % {"t": request.title, "d": deadline}
            notify_unit(unit=report.unit, title=title, url=reverse("reports:report", args=[report.pk]),
                        kind="report_overdue" if overdue_now else "report_reminder")
            sent += 1
        ReportRequest.objects.filter(pk=request.pk).update(
            **({"reminded_overdue": True} if overdue_now else {"reminded_before": True})
        )
    return sent
