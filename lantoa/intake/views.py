from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lantoa.intake.access import importing_units, plan_import_for_edit
from lantoa.intake.forms import ReviewForm, UploadForm
from lantoa.intake.models import PlanImport
from lantoa.intake.services import plan_import_save, plan_import_start
from lantoa.units.access import require, scope_for, staff_required


@staff_required
def index(request: HttpRequest) -> HttpResponse:
    units = importing_units(request)
    imports = PlanImport.objects.for_units(scope_for(request).editable_unit_ids).select_related("unit", "plan")[:50]
    return render(request, "intake/index.html", {"form": UploadForm(units=units), "imports": imports,
                                                 "can_upload": bool(units)})


@require_POST
@staff_required
def upload(request: HttpRequest) -> HttpResponse:
    units = importing_units(request)
    require(bool(units))
    form = UploadForm(request.POST, request.FILES, units=units)
    if form.is_valid():
        try:
            job = plan_import_start(unit=form.cleaned_data["unit"], by=request.user, upload=form.cleaned_data["file"])
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            return redirect("intake:detail", pk=job.pk)
    imports = PlanImport.objects.for_units(scope_for(request).editable_unit_ids).select_related("unit", "plan")[:50]
    return render(request, "intake/index.html", {"form": form, "imports": imports, "can_upload": True}, status=400)


@staff_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = plan_import_for_edit(request, pk)
    form = None
    if request.method == "POST":
        require(job.status == PlanImport.Status.READY or job.status == PlanImport.Status.SAVED)
        form = ReviewForm(request.POST)
        if form.is_valid():
            try:
                plan = plan_import_save(job=job, by=request.user, data=form.cleaned_data)
            except ValidationError as exc:
                for field, errors in exc.message_dict.items() if hasattr(exc, "error_dict") else [(None, exc.messages)]:
                    for error in errors:
                        form.add_error(field if field in form.fields else None, error)
            else:
                messages.success(request, _("Đã lưu kế hoạch (dự thảo) từ văn bản nhập."))
                return redirect("plans:detail", pk=plan.pk)
    elif job.status == PlanImport.Status.READY:
        form = ReviewForm(initial=ReviewForm.initial_from_draft(job.draft))
    return render(request, "intake/detail.html", {"job": job, "form": form, "uncertain": set(job.uncertain)},
                  status=400 if form is not None and form.errors else 200)


@staff_required
def progress(request: HttpRequest, pk: int) -> HttpResponse:
    job = plan_import_for_edit(request, pk)
    response = render(request, "intake/_progress.html", {"job": job})
    if job.is_finished and request.htmx:  # type: ignore[attr-defined]
        # Reload the whole page once so the review form replaces the progress bar.
        response["HX-Refresh"] = "true"
    return response
