"""Plan pages: list, create, edit (header + inline items), read, issue, implement, cascade, compliance, DOCX."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lantoa.lib.text import fold
from lantoa.plans import access, forms, services
from lantoa.plans.cascade import plan_compliance, plan_tree
from lantoa.plans.docx_export import plan_docx
from lantoa.plans.models import Plan, PlanAttachment, PlanReference
from lantoa.units.access import require, scope_for, staff_required
from lantoa.units.models import Unit

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SECTION_KINDS = ("reference", "theme", "channel", "phase", "target", "audience", "budget", "assignment", "recipient")
# Lazy: evaluated per request in the user's language, not once at import.
SECTION_TITLES = {
    "reference": gettext_lazy("Căn cứ, thực hiện"),
    "theme": gettext_lazy("II. Nội dung tuyên truyền"),
    "channel": gettext_lazy("III. Hình thức, kênh truyền thông"),
    "phase": gettext_lazy("IV. Lộ trình, giai đoạn"),
    "target": gettext_lazy("Chỉ tiêu"),
    "audience": gettext_lazy("Đối tượng tuyên truyền"),
    "budget": gettext_lazy("Kinh phí"),
    "assignment": gettext_lazy("V. Tổ chức thực hiện: phân công"),
    "recipient": gettext_lazy("Nơi nhận"),
}


def _editable_units(request: HttpRequest) -> object:
    scope = scope_for(request)
    if scope.is_superuser:
        return Unit.objects.active()
    return Unit.objects.filter(pk__in=scope.editable_unit_ids)


@staff_required
def index(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request)
    plans = access.visible_plans(request).select_related("unit__area").annotate(
        n_children=Count("children", filter=~Q(children__status=Plan.Status.DRAFT)))
    status = request.GET.get("trang-thai", "")
    if status in Plan.Status.values:
        plans = plans.filter(status=status)
    query = request.GET.get("q", "").strip()[:100]
    if query:
        key = fold(query)
        plans = plans.filter(
            Q(number__icontains=query) | Q(unit__name_folded__contains=key) | Q(title__icontains=query))
    mine = bool(request.GET.get("cua-toi"))
    if mine:
        plans = plans.filter(unit_id__in=scope.member_unit_ids)
    context = {"plans": plans.order_by("depth", "-issued_on", "-pk")[:200], "status": status, "query": query,
               "statuses": Plan.Status.choices, "mine": mine,
               "can_create": bool(scope.editable_unit_ids or scope.is_superuser)}
    return render(request, "plans/index.html", context)


@staff_required
def plan_create(request: HttpRequest) -> HttpResponse:
    units = _editable_units(request)
    require(units.exists())  # type: ignore[attr-defined]
    form = forms.PlanCreateForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k in services.PLAN_FIELDS}
        try:
            plan = services.plan_create(unit=form.cleaned_data["unit"], by=request.user, **data)
        except ValidationError as exc:
            forms.apply_errors(form, exc)
        else:
            messages.success(request, _("Đã tạo dự thảo kế hoạch. Bổ sung nội dung các phần bên dưới."))
            return redirect("plans:edit", pk=plan.pk)
    return render(request, "plans/plan_create.html", {"form": form})


@staff_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = access.plan_for_view(request, pk)
    scope = scope_for(request)
    context = {
        "plan": plan,
        "doc": _document(plan),
        "can_edit": access.can_edit_plan(scope, plan),
        "can_supervise": scope.is_member(plan.unit) or scope.supervises_unit(plan.unit),
        "can_implement": access.can_implement_from(scope, plan),
        "issue_form": forms.IssueForm(initial={"number": plan.number, "issued_on": plan.issued_on}),
        "implementing": access.visible_plans(request).filter(parent=plan).select_related("unit")[:50],
    }
    return render(request, "plans/plan_detail.html", context)


def _document(plan: Plan) -> dict[str, object]:
    """Everything the document page shows, read in a fixed number of queries."""
    themes = list(plan.themes.all())
    top = [t for t in themes if t.parent_id is None]
    for t in top:
        t.sub = [c for c in themes if c.parent_id == t.pk]  # type: ignore[attr-defined]
    assignments = list(plan.assignments.select_related("unit", "channel"))
    channels = list(plan.channels.all())
    for c in channels:
        c.units = [a for a in assignments if a.channel_id == c.pk]  # type: ignore[attr-defined]
    return {
        "references": list(plan.references.select_related("target")),
        "themes": top,
        "channels": channels,
        "phases": list(plan.phases.all()),
        "targets": list(plan.targets.select_related("phase")),
        "audiences": list(plan.audiences.all()),
        "budget": list(plan.budget_items.all()),
        "assignments": [a for a in assignments if a.channel_id is None],
        "recipients": list(plan.recipients.all()),
        "attachments": list(plan.attachments.all()),
    }


@staff_required
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = access.plan_for_edit(request, pk)
    form = forms.PlanForm(request.POST or None, instance=plan, initial={"version": plan.version})
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k in services.PLAN_FIELDS}
        try:
            services.plan_update(plan=plan, by=request.user, version=form.cleaned_data["version"] or 0, **data)
        except ValidationError as exc:
            forms.apply_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu kế hoạch."))
            return redirect("plans:edit", pk=plan.pk)
    plan.refresh_from_db(fields=["version"]) if request.method == "POST" else None
    sections = [_section(request, plan, kind) for kind in SECTION_KINDS]
    return render(request, "plans/plan_edit.html", {"plan": plan, "form": form, "sections": sections})


def _section(request: HttpRequest, plan: Plan, kind: str, form: forms.ItemForm | None = None,
             editing: int | None = None) -> dict[str, object]:
    model = services.ITEM_MODELS[kind]
    qs = model.objects.filter(plan=plan)  # type: ignore[attr-defined]
    if kind == "assignment":
        qs = qs.select_related("unit", "channel")
    elif kind == "reference":
        qs = qs.select_related("target")
    elif kind == "theme":
        qs = qs.select_related("parent")
    return {"kind": kind, "title": SECTION_TITLES[kind], "items": list(qs), "form": form, "editing": editing}


def _item_form(request: HttpRequest, plan: Plan, kind: str, instance: object = None) -> forms.ItemForm:
    form_class = forms.ITEM_FORMS[kind]
    kwargs: dict[str, object] = {"plan": plan, "instance": instance}
    if kind == "reference":
        # Plans are implemented downwards: offer the issued plans of national and provincial bodies and the
        # unit's own, not every commune plan in the country.
        kwargs["targets"] = access.visible_plans(request).issued().filter(
            ~Q(unit__area__level="commune") | Q(unit_id=plan.unit_id))
    return form_class(request.POST or None, request.FILES or None, **kwargs)  # type: ignore[arg-type]


def _section_response(request: HttpRequest, plan: Plan, section: dict[str, object]) -> HttpResponse:
    if request.htmx:  # type: ignore[attr-defined]
        plan.refresh_from_db(fields=["version"])
        return render(request, "plans/_section.html", {"plan": plan, "section": section, "oob_version": True})
    return redirect(reverse("plans:edit", kwargs={"pk": plan.pk}) + f"#muc-{section['kind']}")


def _kind(kind: str) -> str:
    if kind not in services.ITEM_MODELS:
        raise Http404
    return kind


@staff_required
def item_add(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    plan = access.plan_for_edit(request, pk)
    form = _item_form(request, plan, _kind(kind))
    if request.method == "POST" and form.is_valid():
        try:
            services.item_save(plan=plan, by=request.user, item=form.instance)
        except ValidationError as exc:
            forms.apply_errors(form, exc)
        else:
            return _section_response(request, plan, _section(request, plan, kind))
    return _section_response(request, plan, _section(request, plan, kind, form=form)) if request.htmx else render(  # type: ignore[attr-defined]
        request, "plans/item_form.html", {"plan": plan, "form": form, "kind": kind, "title": SECTION_TITLES[kind]})


def _item(plan: Plan, kind: str, item_pk: int) -> object:
    return get_object_or_404(services.ITEM_MODELS[_kind(kind)].objects, plan=plan, pk=item_pk)  # type: ignore[attr-defined]


@staff_required
def item_edit(request: HttpRequest, pk: int, kind: str, item_pk: int) -> HttpResponse:
    plan = access.plan_for_edit(request, pk)
    item = _item(plan, kind, item_pk)
    form = _item_form(request, plan, kind, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            services.item_save(plan=plan, by=request.user, item=form.instance)
        except ValidationError as exc:
            forms.apply_errors(form, exc)
        else:
            return _section_response(request, plan, _section(request, plan, kind))
    if request.htmx:  # type: ignore[attr-defined]
        return _section_response(request, plan, _section(request, plan, kind, form=form, editing=item_pk))
    return render(request, "plans/item_form.html",
                  {"plan": plan, "form": form, "kind": kind, "title": SECTION_TITLES[kind], "item": item})


@staff_required
@require_POST
def item_delete(request: HttpRequest, pk: int, kind: str, item_pk: int) -> HttpResponse:
    plan = access.plan_for_edit(request, pk)
    services.item_delete(item=_item(plan, kind, item_pk), by=request.user)  # type: ignore[arg-type]
    return _section_response(request, plan, _section(request, plan, kind))


@staff_required
@require_POST
def item_move(request: HttpRequest, pk: int, kind: str, item_pk: int) -> HttpResponse:
    plan = access.plan_for_edit(request, pk)
    services.item_move(item=_item(plan, kind, item_pk), by=request.user,
                       up=request.POST.get("direction") != "down")
    return _section_response(request, plan, _section(request, plan, kind))


@staff_required
@require_POST
def plan_issue(request: HttpRequest, pk: int) -> HttpResponse:
    plan = access.plan_for_edit(request, pk)
    form = forms.IssueForm(request.POST)
    if form.is_valid():
        try:
            services.plan_issue(plan=plan, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            forms.apply_errors(form, exc)
    if form.errors:
        for error in form.errors.values():
            messages.error(request, " ".join(str(e) for e in error))
    else:
        messages.success(request, _("Đã ban hành kế hoạch %(number)s.") % {"number": plan.number})
    return redirect("plans:detail", pk=plan.pk)


@staff_required
@require_POST
def plan_close(request: HttpRequest, pk: int) -> HttpResponse:
    plan = access.plan_for_edit(request, pk)
    try:
        services.plan_close(plan=plan, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã kết thúc kế hoạch."))
    return redirect("plans:detail", pk=plan.pk)


@staff_required
def plan_implement(request: HttpRequest, pk: int) -> HttpResponse:
    parent = access.plan_for_view(request, pk)
    scope = scope_for(request)
    require(access.can_implement_from(scope, parent))
    units = _editable_units(request)
    form = forms.ImplementForm(request.POST or None, units=units, initial={"title": parent.title})
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_create_implementing(parent=parent, unit=form.cleaned_data["unit"], by=request.user,
                                                     title=form.cleaned_data["title"])
        except ValidationError as exc:
            forms.apply_errors(form, exc)
        else:
            messages.success(request, _("Đã tạo dự thảo kế hoạch thực hiện; nội dung đã được sao từ kế hoạch cấp "
                                        "trên để điều chỉnh."))
            return redirect("plans:edit", pk=plan.pk)
    return render(request, "plans/plan_implement.html", {"parent": parent, "form": form})


@staff_required
def plan_tree_view(request: HttpRequest, pk: int) -> HttpResponse:
    plan = access.plan_for_supervision(request, pk)
    tree = plan_tree(plan, visible_q=access.plans_visible_q(scope_for(request)))
    template = "plans/_tree_rows.html" if request.htmx else "plans/plan_tree.html"  # type: ignore[attr-defined]
    return render(request, template, {"plan": plan, "tree": tree})


@staff_required
def plan_compliance_view(request: HttpRequest, pk: int) -> HttpResponse:
    plan = access.plan_for_supervision(request, pk)
    scope = scope_for(request)
    compliance = plan_compliance(plan)
    show_all = request.GET.get("tat-ca") == "1"
    rows = compliance.rows if show_all else compliance.rows[:100]
    form = forms.ExpectationForm(plan=plan) if scope.can_edit_unit(plan.unit) else None
    rules = plan.expectation_rules.select_related("area")
    return render(request, "plans/compliance.html", {
        "plan": plan, "c": compliance, "rows": rows, "truncated": len(rows) < len(compliance.rows),
        "form": form, "rules": rules})


@staff_required
@require_POST
def expectation_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = access.plan_for_edit(request, pk)
    form = forms.ExpectationForm(request.POST, plan=plan)
    if form.is_valid():
        services.expectation_add(plan=plan, by=request.user, **form.cleaned_data)
        messages.success(request, _("Đã thêm quy tắc đơn vị phải xây dựng kế hoạch."))
    else:
        messages.error(request, _("Quy tắc chưa hợp lệ: %(e)s") % {"e": form.errors.as_text()})
    return redirect("plans:compliance", pk=plan.pk)


@staff_required
def plan_export_docx(request: HttpRequest, pk: int) -> HttpResponse:
    plan = access.plan_for_view(request, pk)
    data = plan_docx(plan)
    filename = f"ke-hoach-{plan.number or plan.pk}".replace("/", "-")
    response = HttpResponse(data, content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{fold(filename).replace(" ", "-")}.docx"'
    return response


@staff_required
@require_POST
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = access.plan_for_edit(request, pk)
    form = forms.AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        services.attachment_add(plan=plan, by=request.user, **form.cleaned_data)
        messages.success(request, _("Đã đính kèm tệp."))
    else:
        messages.error(request, _("Chưa đính kèm được: %(e)s") % {"e": form.errors.as_text()})
    return redirect("plans:detail", pk=plan.pk)


@staff_required
def attachment_download(request: HttpRequest, pk: int, att_pk: int) -> HttpResponse:
    plan = access.plan_for_view(request, pk)
    attachment = get_object_or_404(PlanAttachment, plan=plan, pk=att_pk)
    return FileResponse(attachment.file.open("rb"), as_attachment=True,  # type: ignore[return-value]
                        filename=attachment.file.name.rsplit("/")[-1])


# Used by templates to show which references already point at a plan in the system.
IMPLEMENTS = PlanReference.Relation.IMPLEMENTS
