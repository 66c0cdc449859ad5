"""Monitoring pages. Short views: access → form → service → render."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lantoa.areas.models import AdminArea
from lantoa.lib.monitoring.query import QueryError
from lantoa.monitoring import access, charts, exports, services
from lantoa.monitoring.coverage import Coverage, coverage
from lantoa.monitoring.forms import (
    CaseForm,
    CaseTransitionForm,
    ExportUploadForm,
    ManualItemForm,
    PeriodForm,
    SearchForm,
    SourceForm,
    WatchForm,
)
from lantoa.monitoring.models import Alert, Case, Item, Source, Story, Watch
from lantoa.monitoring.search import Filters, search_items, suggestion
from lantoa.units.access import require, staff_required

PAGE = 20


def _period(request: HttpRequest) -> tuple[date, date, Any, PeriodForm]:
    watches = access.visible(request, Watch)
    form = PeriodForm(request.GET or None, watches=watches)
    end = timezone.localdate()
    start = end - timedelta(days=29)
    if form.is_valid():
        end = form.cleaned_data["end"] or end
        start = form.cleaned_data["start"] or end - timedelta(days=29)
        if form.cleaned_data["watch"]:
            watches = watches.filter(pk=form.cleaned_data["watch"].pk)
    start, end = min(start, end), max(start, end)
    return start, min(end, start + timedelta(days=366)), watches, form


def _charts(cov: Coverage) -> dict[str, Any]:
    return {
        "time": charts.line_chart(
            [(_("Tất cả"), charts.COLOURS["bar"], cov.by_day), (_("Tiêu cực"), charts.COLOURS["neg"],
                                                               cov.by_day_negative)],
            title=_("Số tin, bài theo ngày")),
        "theme": charts.bar_chart(cov.by_theme, title=_("Theo chủ đề")),
        "voice": charts.bar_chart(cov.share_of_voice, title=_("Tỷ trọng giữa các chủ đề"), unit="%"),
        "tone": charts.bar_chart(cov.by_tone, title=_("Theo sắc thái"),
                                 colours=[charts.COLOURS["pos"], charts.COLOURS["neu"], charts.COLOURS["neg"]]),
        "outlet": charts.bar_chart(cov.by_outlet, title=_("Theo nguồn")),
        "kind": charts.bar_chart(cov.by_kind, title=_("Theo loại")),
        "area": charts.bar_chart(cov.by_area, title=_("Theo địa bàn")),
    }


@staff_required
def index(request: HttpRequest) -> HttpResponse:
    start, end, watches, form = _period(request)
    cov = coverage(watches=watches, start=start, end=end)
    alerts = Alert.objects.filter(watch__in=access.visible(request, Watch)) | Alert.objects.filter(
        case__in=access.visible(request, Case))
    return render(request, "monitoring/index.html", {
        "cov": cov, "charts": _charts(cov), "form": form, "query_string": request.GET.urlencode(),
        "alerts": alerts.select_related("watch", "case")[:10],
        "open_cases": access.visible(request, Case).filter(status__in=Case.OPEN_STATUSES)[:10],
    })


@staff_required
def export_xlsx(request: HttpRequest) -> HttpResponse:
    start, end, watches, _form = _period(request)
    body = exports.coverage_xlsx(coverage(watches=watches, start=start, end=end))
    response = HttpResponse(body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="theo-doi-{start:%Y%m%d}-{end:%Y%m%d}.xlsx"'
    return response


@staff_required
def export_docx(request: HttpRequest) -> HttpResponse:
    start, end, watches, _form = _period(request)
    body = exports.coverage_docx(coverage(watches=watches, start=start, end=end))
    response = HttpResponse(
        body, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    response["Content-Disposition"] = f'attachment; filename="theo-doi-{start:%Y%m%d}-{end:%Y%m%d}.docx"'
    return response


# -- search ---------------------------------------------------------------------------------------------
def _search(request: HttpRequest, *, limit: int) -> tuple[SearchForm, Any, str]:
    form = SearchForm(request.GET, sources=access.visible(request, Source),
                      watches=access.visible(request, Watch))
    if not form.is_valid():
        return form, None, ""
    data = form.cleaned_data
    area = AdminArea.objects.filter(code=data["area"]).first() if data["area"] else None
    filters = Filters(start=data["start"], end=data["end"], source_id=data["source"].pk if data["source"] else None,
                      kind=data["kind"], watch_id=data["watch"].pk if data["watch"] else None, tone=data["tone"],
                      area=area)
    page = max(1, int(request.GET.get("page", "1"))) if request.GET.get("page", "1").isdigit() else 1
    try:
        return form, search_items(query=data["q"], filters=filters, limit=limit, offset=(page - 1) * limit), ""
    except QueryError as exc:
        return form, None, _("Truy vấn chưa đúng: %(error)s") % {"error": exc}


@staff_required
def search(request: HttpRequest) -> HttpResponse:
    form, result, error = _search(request, limit=PAGE)
    query = form.cleaned_data.get("q", "") if form.is_valid() else ""
    did_you_mean = suggestion(query) if result is not None and not result.hits and query else ""
    return render(request, "monitoring/search.html", {"form": form, "result": result, "error": error,
                                                      "query_string": request.GET.urlencode(),
                                                      "did_you_mean": did_you_mean})


@staff_required
def api_items(request: HttpRequest) -> JsonResponse:
    """JSON search for other tools. Content fields only; see docs/privacy.md."""
    form, result, error = _search(request, limit=50)
    if error or result is None:
        return JsonResponse({"error": error or form.errors.get_json_data()}, status=400)
    return JsonResponse({"total": result.total, "total_capped": result.total_capped, "items": [
        {"id": h.item.pk, "title": h.item.title, "url": h.item.url, "outlet": h.item.outlet, "kind": h.item.kind,
         "published_at": h.item.published_at.isoformat(), "tone": h.item.tone, "story": h.item.story_id,
         "reach": h.item.reach, "snippet": h.snippet}
        for h in result.hits
    ]})


@staff_required
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Item.objects.select_related("source", "story"), pk=pk)
    return render(request, "monitoring/item.html", {
        "item": item, "matches": item.matches.filter(watch__in=access.visible(request, Watch)).select_related("watch"),
        "areas": item.area_mentions.select_related("area"),
    })


@staff_required
def story_detail(request: HttpRequest, pk: int) -> HttpResponse:
    story = get_object_or_404(Story, pk=pk)
    return render(request, "monitoring/story.html", {
        "story": story, "items": story.items.order_by("published_at"),
        "cases": access.visible(request, Case).filter(story=story),
        "can_open_case": access.editable_units(request).exists(),
    })


# -- sources --------------------------------------------------------------------------------------------
@staff_required
def source_list(request: HttpRequest) -> HttpResponse:
    sources = access.visible(request, Source).select_related("unit", "area")
    return render(request, "monitoring/sources.html", {"sources": sources,
                                                       "can_add": access.editable_units(request).exists()})


@staff_required
def source_new(request: HttpRequest) -> HttpResponse:
    units = access.editable_units(request)
    require(units.exists())
    form = SourceForm(request.POST or None)
    form.set_units(units)
    if request.method == "POST" and form.is_valid():
        try:
            source = services.source_save(**form.cleaned_data)
        except services.ServiceError as exc:
            form.add_error("url", str(exc))
        else:
            messages.success(request, _("Đã thêm nguồn tin."))
            return redirect("monitoring:source", pk=source.pk)
    return render(request, "monitoring/source_form.html", {"form": form})


@staff_required
def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    source = access.for_view(request, Source, pk)
    editable = access.can_edit(request, source)
    form = SourceForm(request.POST or None, instance=source) if editable else None
    if form is not None:
        form.set_units(access.editable_units(request))
    if request.method == "POST":
        require(editable)
        if form is not None and form.is_valid():
            try:
                services.source_save(source=source, **form.cleaned_data)
            except services.ServiceError as exc:
                form.add_error("url", str(exc))
            else:
                messages.success(request, _("Đã lưu nguồn tin."))
                return redirect("monitoring:source", pk=source.pk)
    items = Paginator(source.items.all(), PAGE).get_page(request.GET.get("page"))
    failed = source.items.exclude(error_code="")[:10]
    return render(request, "monitoring/source.html", {
        "source": source, "form": form, "editable": editable, "items": items, "failed": failed,
        "upload_form": ExportUploadForm(), "manual_form": ManualItemForm(),
    })


@staff_required
@require_POST
def source_fetch(request: HttpRequest, pk: int) -> HttpResponse:
    source = access.for_edit(request, Source, pk)
    new_ids = services.source_poll_now(source=source)
    source.refresh_from_db()
    if source.last_error_code and source.failure_count:
        messages.error(request, source.last_error)
    else:
        messages.success(request, _("Đã lấy tin: %(n)d tin mới.") % {"n": len(new_ids)})
    return redirect("monitoring:source", pk=source.pk)


@staff_required
@require_POST
def source_import(request: HttpRequest, pk: int) -> HttpResponse:
    source = access.for_edit(request, Source, pk)
    form = ExportUploadForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            count = services.source_import_export(source=source, content=upload.read(), filename=upload.name)
        except services.ServiceError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Đã nhập %(n)d bài mới.") % {"n": count})
    else:
        messages.error(request, _("Cần chọn tệp CSV hoặc JSON."))
    return redirect("monitoring:source", pk=source.pk)


@staff_required
@require_POST
def item_new(request: HttpRequest, pk: int) -> HttpResponse:
    source = access.for_edit(request, Source, pk)
    form = ManualItemForm(request.POST)
    if form.is_valid():
        try:
            item = services.item_add_manual(source=source, **form.cleaned_data)
        except services.ServiceError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Đã thêm tin."))
            return redirect("monitoring:item", pk=item.pk)
    else:
        messages.error(request, _("Đường dẫn chưa hợp lệ."))
    return redirect("monitoring:source", pk=source.pk)


# -- watches ----------------------------------------------------------------------------------------------
def _themes(request: HttpRequest) -> Any:
    try:
        from lantoa.plans.access import visible_plans
        from lantoa.plans.models import Theme
    except ImportError:  # plans app absent: watches work without a linked theme
        return None
    return Theme.objects.filter(plan__in=visible_plans(request)).select_related("plan")


@staff_required
def watch_list(request: HttpRequest) -> HttpResponse:
    watches = access.visible(request, Watch).select_related("unit")
    return render(request, "monitoring/watches.html", {"watches": watches,
                                                       "can_add": access.editable_units(request).exists()})


@staff_required
def watch_new(request: HttpRequest) -> HttpResponse:
    units = access.editable_units(request)
    require(units.exists())
    form = WatchForm(request.POST or None, initial={"query": request.GET.get("q", "")}, themes=_themes(request))
    form.set_units(units)
    if request.method == "POST" and form.is_valid():
        watch = services.watch_save(**{k: v for k, v in form.cleaned_data.items() if k != "plan_theme"})
        if form.cleaned_data.get("plan_theme"):
            Watch.objects.filter(pk=watch.pk).update(plan_theme=form.cleaned_data["plan_theme"])
        messages.success(request, _("Đã lưu chủ đề theo dõi."))
        return redirect("monitoring:watch", pk=watch.pk)
    return render(request, "monitoring/watch_form.html", {"form": form})


@staff_required
def watch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    watch = access.for_view(request, Watch, pk)
    editable = access.can_edit(request, watch)
    form = WatchForm(request.POST or None, instance=watch, themes=_themes(request)) if editable else None
    if form is not None:
        form.set_units(access.editable_units(request))
    if request.method == "POST":
        require(editable)
        if form is not None and form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != "plan_theme"}
            services.watch_save(watch=watch, **data)
            Watch.objects.filter(pk=watch.pk).update(plan_theme=form.cleaned_data.get("plan_theme"))
            messages.success(request, _("Đã lưu chủ đề theo dõi."))
            return redirect("monitoring:watch", pk=watch.pk)
    items = Paginator(Item.objects.filter(matches__watch=watch).select_related("story"), PAGE).get_page(
        request.GET.get("page"))
    return render(request, "monitoring/watch.html", {"watch": watch, "form": form, "items": items,
                                                     "alerts": watch.alerts.all()[:10]})


# -- cases ------------------------------------------------------------------------------------------------
@staff_required
def case_list(request: HttpRequest) -> HttpResponse:
    cases = access.visible(request, Case).select_related("unit", "story")
    status = request.GET.get("status", "")
    if status in Case.Status.values:
        cases = cases.filter(status=status)
    page = Paginator(cases, PAGE).get_page(request.GET.get("page"))
    return render(request, "monitoring/cases.html", {"page": page, "status": status,
                                                     "statuses": Case.Status.choices})


@staff_required
def case_new(request: HttpRequest, pk: int) -> HttpResponse:
    story = get_object_or_404(Story, pk=pk)
    units = access.editable_units(request)
    require(units.exists())
    form = CaseForm(request.POST or None, initial={"claim": story.title})
    form.set_units(units)
    if request.method == "POST" and form.is_valid():
        case = services.case_open(story=story, **form.cleaned_data)
        messages.success(request, _("Đã mở vụ việc."))
        return redirect("monitoring:case", pk=case.pk)
    return render(request, "monitoring/case_form.html", {"form": form, "story": story})


@staff_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = access.for_view(request, Case, pk)
    return render(request, "monitoring/case.html", {
        "case": case, "items": case.items.order_by("published_at"), "editable": access.can_edit(request, case),
        "transition_form": CaseTransitionForm(), "alerts": case.alerts.all()[:10],
    })


@staff_required
@require_POST
def case_transition(request: HttpRequest, pk: int) -> HttpResponse:
    case = access.for_edit(request, Case, pk)
    form = CaseTransitionForm(request.POST)
    if form.is_valid():
        try:
            services.case_transition(case=case, **form.cleaned_data)
        except services.ServiceError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Đã cập nhật trạng thái vụ việc."))
    else:
        messages.error(request, _("Dữ liệu chưa hợp lệ."))
    return redirect("monitoring:case", pk=case.pk)


