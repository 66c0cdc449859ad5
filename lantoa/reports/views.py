"""Reporting pages. Each view: access check → form → service → render."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lantoa.areas.models import AdminArea, national_area
from lantoa.reports import access, services
from lantoa.reports.dashboard import build_overview, rate_class, year_requests
from lantoa.reports.evidence import suggestions_for
from lantoa.reports.exports import (
    DOCX_MIME,
    XLSX_MIME,
    UploadInvalid,
    pivot_xlsx,
    read_template_upload,
    report_docx,
    template_xlsx,
)
from lantoa.reports.forms import RequestForm, ReturnForm, UploadForm
from lantoa.reports.models import Report, ReportAttachment, ReportForm, ReportRequest, ReportSchedule
from lantoa.reports.targets import targets_vs_actuals
from lantoa.reports.values import is_entered
from lantoa.units.access import require, scope_for, staff_required


@staff_required
def index(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request)
    mine = (Report.objects.filter(unit_id__in=scope.member_unit_ids, request__is_open=True)
            .select_related("unit", "request").order_by("request__deadline")[:50])
    to_approve = (Report.objects.visible_to(scope)
                  .filter(status__in=[Report.Status.SUBMITTED, Report.Status.RESUBMITTED])
                  .exclude(unit_id__in=scope.member_unit_ids)
                  .select_related("unit", "request").order_by("submitted_at")[:50])
    requests = (ReportRequest.objects.filter(
        Q(issuer_id__in=scope.member_unit_ids) | scope.supervised_area_q("target_area")
        if not scope.supervises_nation else Q())
        .select_related("form_version__form", "issuer")[:30])
    return render(request, "reports/index.html", {
        "mine": mine, "to_approve": to_approve, "requests": requests, "forms": ReportForm.objects.all(),
        "can_issue": bool(access.issuing_units(scope)),
    })


@staff_required
def request_create(request: HttpRequest) -> HttpResponse:
    issuers = access.issuing_units(scope_for(request))
    require(bool(issuers))
    form = RequestForm(request.POST or None, issuers=issuers)
    if request.method == "POST" and form.is_valid():
        req = _open_from_form(form.cleaned_data)
        messages.success(request, _("Đã mở yêu cầu báo cáo; %(n)d đơn vị phải nộp.") % {"n": req.reports.count()})
        return redirect("reports:request", pk=req.pk)
    return render(request, "reports/request_form.html", {"form": form})


def _open_from_form(data: dict[str, Any]) -> ReportRequest:
    issuer, schedule = data["issuer"], None
    if data["kind"] == ReportRequest.Kind.PERIODIC and data["repeat"]:
        schedule = ReportSchedule.objects.create(
            title=data["title"], form=data["form"], issuer=issuer, frequency=data["frequency"],
            days_after_period=data["days_after_period"], target_area=issuer.area, target_level=data["target_level"],
            target_kinds=data["target_kinds"],
        )
    deadline = data["deadline"] if data["kind"] == ReportRequest.Kind.ADHOC else None
    return services.request_open(
        title=data["title"], form_version=data["form"].current_version(), issuer=issuer,
        period_start=data["period_start"], period_end=data["period_end"], target_area=issuer.area,
        target_level=data["target_level"], target_kinds=data["target_kinds"], kind=data["kind"],
        frequency=data["frequency"] if data["kind"] == ReportRequest.Kind.PERIODIC else "",
        days_after_period=data["days_after_period"], deadline=deadline, schedule=schedule,
    )


def _rollup_area(request: HttpRequest, default: AdminArea) -> AdminArea | None:
    """The area asked for (?area=code), or the widest one the user supervises; None if they supervise none."""
    scope = scope_for(request)
    code = request.GET.get("area", "").strip()
    if code:
        return access.area_for_rollup(request, get_object_or_404(AdminArea, code=code))
    if scope.supervises_area(default):
        return default
    return next(iter(sorted(scope.supervised_areas, key=lambda a: a.level != "national")), None)


@staff_required
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    req = access.request_for_view(request, pk)
    scope = scope_for(request)
    area = _rollup_area(request, req.target_area)
    overview = None
    if area is not None:
        indicators = list(req.form_version.indicators.all())
        overview = build_overview(area=area, requests=[req], indicators=indicators,
                                  shown_codes=_shown_codes(request))
    own = req.reports.filter(unit_id__in=scope.member_unit_ids).select_related("unit")
    return render(request, "reports/request_detail.html", {
        "req": req, "overview": overview, "own_reports": own, "keep_params": _keep_params(request),
        "can_manage": scope.is_superuser or req.issuer_id in scope.editable_unit_ids,
    })


@staff_required
@require_POST
def request_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    req = access.request_for_manage(request, pk)
    services.request_set_open(request=req, is_open=not req.is_open)
    messages.success(request, _("Đã mở lại yêu cầu.") if req.is_open else _("Đã đóng yêu cầu, không nhận thêm."))
    return redirect("reports:request", pk=req.pk)


def _dashboard_scope(request: HttpRequest) -> tuple[list[ReportRequest], ReportForm | None, int]:
    """The requests a roll-up page covers: one request (?request=) or a form's year (?form=&year=)."""
    if request.GET.get("request", "").isdigit():
        req = access.request_for_view(request, int(request.GET["request"]))
        return [req], req.form_version.form, req.period_start.year
    forms = ReportForm.objects.all()
    form = forms.filter(code=request.GET.get("form", "")).first() or forms.first()
    year = int(request.GET["year"]) if request.GET.get("year", "").isdigit() else timezone.localdate().year
    requests = year_requests(form, year, request.GET.get("frequency", "")) if form else []
    return requests, form, year


@staff_required
def dashboard(request: HttpRequest) -> HttpResponse:
    requests, form, year = _dashboard_scope(request)
    area = _rollup_area(request, national_area())
    require(area is not None)
    assert area is not None
    indicators = list(requests[-1].form_version.indicators.all()) if requests else []
    overview = build_overview(area=area, requests=requests, indicators=indicators,
                              whole_year="request" not in request.GET, shown_codes=_shown_codes(request))
    return render(request, "reports/dashboard.html", {
        "overview": overview, "form": form, "year": year, "forms": ReportForm.objects.all(),
        "years": range(timezone.localdate().year - 3, timezone.localdate().year + 2),
        "targets": targets_vs_actuals(overview), "query": request.GET.urlencode(),
        "keep_params": _keep_params(request),
        "breadcrumbs": area.ancestors(), "total_class": rate_class(
            overview.total.rates.completeness if overview.total else None),
    })


def _shown_codes(request: HttpRequest) -> list[str] | None:
    """?chi_tieu=<code>&chi_tieu=…: the indicators shown on screen; ?chi_tieu=tat-ca: all of them."""
    codes = [c[:40] for c in request.GET.getlist("chi_tieu")][:100]
    return ["*"] if "tat-ca" in codes else (codes or None)


def _keep_params(request: HttpRequest) -> list[tuple[str, str]]:
    """The page's other filters, carried by the indicator chooser."""
    return [(k, str(v)) for k, v in request.GET.items() if k != "chi_tieu"]


@staff_required
def pivot(request: HttpRequest) -> HttpResponse:
    requests, form, year = _dashboard_scope(request)
    area = _rollup_area(request, national_area())
    require(area is not None and form is not None)
    assert area is not None and form is not None
    indicators = list(requests[-1].form_version.indicators.all()) if requests else []
    overview = build_overview(area=area, requests=requests, indicators=indicators)
    title = requests[0].title if len(requests) == 1 else f"{form.title} — {year}"
    response = HttpResponse(pivot_xlsx(overview, title), content_type=XLSX_MIME)
    response["Content-Disposition"] = f'attachment; filename="tong-hop-{area.code}-{year}.xlsx"'
    return response


@staff_required
def report_list(request: HttpRequest) -> HttpResponse:
    """The reports behind a number: same filters as the roll-up links (request or form+year, area, kind, unit)."""
    reports = Report.objects.visible_to(scope_for(request)).select_related("unit__area", "request")
    params = request.GET
    reports = _filter_reports(reports, params)
    indicator = params.get("indicator", "")
    page = Paginator(reports.order_by("province_id", "commune_id", "unit__name", "request__period_start"),
                     100).get_page(params.get("page"))
    values: dict[int, str] = {}
    if indicator:
        from lantoa.reports.models import ReportValue

        for value in ReportValue.objects.filter(report__in=list(page.object_list), indicator__code=indicator) \
                .select_related("indicator"):
            values[value.report_id] = value.display
    rows = [(r, values.get(r.pk, "")) for r in page.object_list]
    return render(request, "reports/report_list.html", {
        "page": page, "rows": rows, "indicator": indicator,
        "filters": {k: v for k, v in params.items() if k != "page"},
    })


def _filter_reports(reports: Any, params: Any) -> Any:
    if params.get("request", "").isdigit():
        reports = reports.filter(request_id=int(params["request"]))
    elif params.get("form") and params.get("year", "").isdigit():
        reports = reports.filter(request__form_version__form__code=params["form"],
                                 period_start__year=int(params["year"]),
                                 request__kind=ReportRequest.Kind.PERIODIC)
    if params.get("area"):
        area = AdminArea.objects.filter(code=params["area"]).first()
        if area is None:
            raise Http404
        if area.level == AdminArea.Level.PROVINCE:
            reports = reports.filter(province_id=area.pk)
            if params.get("level") == "own":
                reports = reports.filter(commune__isnull=True)
        elif area.level == AdminArea.Level.COMMUNE:
            reports = reports.filter(commune_id=area.pk)
        elif params.get("level") == "own":
            reports = reports.filter(province__isnull=True)
    if params.get("kind"):
        reports = reports.filter(unit_kind=params["kind"])
    if params.get("unit", "").isdigit():
        reports = reports.filter(unit_id=int(params["unit"]))
    status = params.get("status", "counted")
    if status == "counted":
        reports = reports.filter(counted=True)
    elif status in Report.Status.values:
        reports = reports.filter(status=status)
    return reports


@staff_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.report_for_view(request, pk)
    scope = scope_for(request)
    indicators = list(report.request.form_version.indicators.all())
    values = {v.indicator_id: v for v in report.values.all()}
    composed = services.composed_values(report, report.composed or None) \
        if services.has_subordinates(report) else None
    sections = [(s, report.narrative.get(s["code"], "")) for s in report.request.form_version.sections]
    return render(request, "reports/report_detail.html", {
        "report": report, "rows": [(i, values.get(i.pk), (composed or {}).get(i.code)) for i in indicators],
        "composed": composed is not None, "sections": sections,
        "can_edit": scope.can_edit_unit(report.unit) and report.status in Report.EDITABLE_STATUSES,
        "can_decide": scope.can_approve_for(report.unit) and report.can_be_decided,
        "return_form": ReturnForm(), "attachments": report.attachments.all(),
        "subordinates": services.subordinate_reports(report).select_related("unit") if composed is not None else [],
    })


@staff_required
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.report_for_edit(request, pk)
    if request.method != "POST":
        narrative = services.gather_narratives(report) if request.GET.get("gather") else report.narrative
        current = _current_raw(report)
        if request.GET.get("suggest"):  # fill empty cells with the evidence suggestions; the officer edits them
            for code, suggestion in suggestions_for(report).items():
                if not str(current.get(code, "")).strip():
                    current[code] = f"{suggestion.value.normalize():f}"
        return _render_edit(request, report, current, narrative)
    raw: dict[str, object] = {k[2:]: str(v) for k, v in request.POST.items() if k.startswith("v_")}
    narrative = {k[2:]: str(v) for k, v in request.POST.items() if k.startswith("n_")}
    version = int(request.POST.get("version") or 0)
    try:
        if request.POST.get("action") == "submit":
            report = services.report_submit(report=report, user=request.user, expected_version=version,
                                            values=raw, narrative=narrative)
            messages.success(request, _("Đã nộp báo cáo.") if report.on_time
                             else _("Đã nộp báo cáo (sau hạn)."))
        else:
            report = services.report_save(report=report, user=request.user, expected_version=version,
                                          values=raw, narrative=narrative)
            messages.success(request, _("Đã lưu bản nháp."))
        _save_attachments(request, report)
    except services.ReportConflict as conflict:
        return _render_conflict(request, report, conflict.current, raw, narrative)
    except services.ValuesInvalid as invalid:
        return _render_edit(request, report, raw, narrative, errors=invalid.errors, message=invalid.message,
                            version=version)
    except services.ReportError as error:
        messages.error(request, error.message)
        return redirect("reports:report", pk=report.pk)
    return redirect("reports:report", pk=report.pk)


def _current_raw(report: Report) -> dict[str, object]:
    out: dict[str, object] = {}
    for value in report.values.select_related("indicator"):
        out[value.indicator.code] = value.text if value.indicator.value_type == "text" else (
            "" if value.number is None else f"{value.number.normalize():f}")
    return out


def _render_edit(request: HttpRequest, report: Report, raw: dict[str, object], narrative: dict[str, str], *,
                 errors: dict[str, str] | None = None, message: str = "", version: int | None = None,
                 status: int = 200) -> HttpResponse:
    errors = errors or {}
    suggestions = suggestions_for(report)
    fields = [
        {"indicator": i, "value": raw.get(i.code, ""), "error": errors.get(i.code), "entered": is_entered(i),
         "suggestion": suggestions.get(i.code)}
        for i in report.request.form_version.indicators.all()
    ]
    sections = [(s, narrative.get(s["code"], "")) for s in report.request.form_version.sections]
    return render(request, "reports/report_edit.html", {
        "report": report, "fields": fields, "sections": sections, "message": message,
        "version": report.version if version is None else version,
        "can_gather": services.has_subordinates(report), "has_suggestions": bool(suggestions),
    }, status=400 if errors else status)


def _render_conflict(request: HttpRequest, report: Report, current: Report, raw: dict[str, object],
                     narrative: dict[str, str]) -> HttpResponse:
    """Both versions side by side; the user keeps theirs (re-posted with the stored version number) or the
    stored one."""
    theirs = _current_raw(current)
    rows = [{"indicator": i, "mine": raw.get(i.code, ""), "theirs": theirs.get(i.code, ""),
             "differs": str(raw.get(i.code, "")).strip() != str(theirs.get(i.code, "")).strip()}
            for i in current.request.form_version.indicators.all() if is_entered(i)]
    sections = [{"section": s, "mine": narrative.get(s["code"], ""), "theirs": current.narrative.get(s["code"], "")}
                for s in current.request.form_version.sections]
    return render(request, "reports/conflict.html", {
        "report": current, "rows": rows, "sections": sections, "action": request.POST.get("action", "save"),
        "editable": current.status in Report.EDITABLE_STATUSES,
    }, status=409)


def _save_attachments(request: HttpRequest, report: Report) -> None:
    for upload in request.FILES.getlist("attachments")[:10]:
        if upload.size and upload.size <= 10 * 1024 * 1024:
            ReportAttachment.objects.create(report=report, file=upload, name=(upload.name or "tep")[:255])


@staff_required
@require_POST
def report_accept(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.report_for_decision(request, pk)
    try:
        services.report_accept(report=report, user=request.user)
        messages.success(request, _("Đã duyệt báo cáo; số liệu đã khoá."))
    except services.ReportError as error:
        messages.error(request, error.message)
    return redirect("reports:report", pk=report.pk)


@staff_required
@require_POST
def report_return(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.report_for_decision(request, pk)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Xin ghi lý do trả lại báo cáo."))
        return redirect("reports:report", pk=report.pk)
    try:
        services.report_return(report=report, user=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("Đã trả lại báo cáo cho đơn vị."))
    except services.ReportError as error:
        messages.error(request, error.message)
    return redirect("reports:report", pk=report.pk)


@staff_required
def report_docx_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.report_for_view(request, pk)
    response = HttpResponse(report_docx(report), content_type=DOCX_MIME)
    response["Content-Disposition"] = f'attachment; filename="bao-cao-{report.pk}.docx"'
    return response


@staff_required
def report_template(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.report_for_edit(request, pk)
    response = HttpResponse(template_xlsx(report), content_type=XLSX_MIME)
    response["Content-Disposition"] = (
        f'attachment; filename="mau-{report.request.form_version.template_tag.replace("@", "-")}-{report.pk}.xlsx"')
    return response


@staff_required
@require_POST
def report_upload(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.report_for_edit(request, pk)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Xin chọn tệp XLSX."))
        return redirect("reports:edit", pk=report.pk)
    try:
        upload = read_template_upload(report, form.cleaned_data["file"].read())
        services.report_save(report=report, user=request.user, expected_version=form.cleaned_data["version"],
                             values={**_current_raw(report), **upload.values},
                             narrative={**report.narrative, **upload.narrative})
    except UploadInvalid as invalid:
        return render(request, "reports/upload_errors.html", {"report": report, "errors": invalid.errors,
                                                              "message": invalid.message}, status=400)
    except services.ValuesInvalid as invalid:
        errors = [f"{code}: {text}" for code, text in invalid.errors.items()]
        return render(request, "reports/upload_errors.html", {"report": report, "errors": errors,
                                                              "message": invalid.message}, status=400)
    except services.ReportError as error:
        messages.error(request, error.message)
        return redirect("reports:report", pk=report.pk)
    messages.success(request, _("Đã nhập số liệu từ tệp XLSX (bản nháp)."))
    return redirect("reports:edit", pk=report.pk)


@staff_required
def attachment(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(ReportAttachment.objects.select_related("report"), pk=pk)
    access.report_for_view(request, item.report_id)
    # A streaming response; staff_required is typed for HttpResponse only.
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.name)  # type: ignore[return-value]


@staff_required
def form_detail(request: HttpRequest, pk: int) -> HttpResponse:
    form = get_object_or_404(ReportForm.objects.select_related("issuer"), pk=pk)
    versions = form.versions.prefetch_related("indicators").order_by("-number")
    return render(request, "reports/form_detail.html", {"form": form, "versions": versions,
                                                        "today": dt.date.today()})
