"""Forms in the order of the document: header, I. purpose/requirements, II. themes, III. channels,
IV. phases/targets/audiences/budget, V. duties, then recipients and signer."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lantoa.areas.models import AdminArea
from lantoa.plans.models import (
    Activity,
    Assignment,
    Audience,
    BudgetItem,
    Channel,
    ExpectationRule,
    Phase,
    Plan,
    PlanAttachment,
    PlanReference,
    Recipient,
    Target,
    Theme,
)
from lantoa.units.models import Unit

DATE_ATTRS = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"}


def date_widget() -> forms.DateInput:
    return forms.DateInput(attrs=DATE_ATTRS, format="%d/%m/%Y")


def lines_widget(rows: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


def apply_errors(form: forms.BaseForm, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form (field errors where the field exists)."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


class PlanForm(forms.ModelForm):
    """The header and the prose parts; items are edited inline on the same page."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Plan
        fields = [
            "issuer_parent", "doc_type", "number", "place", "issued_on", "title", "period_start", "period_end",
            "preamble", "purpose", "requirements", "organisation", "signer_capacity", "signer_title", "signer_name",
            "visibility",
        ]
        widgets = {
            "issued_on": date_widget(), "period_start": date_widget(), "period_end": date_widget(),
            "title": forms.Textarea(attrs={"rows": 2}), "preamble": lines_widget(3),
            "purpose": lines_widget(6), "requirements": lines_widget(6), "organisation": lines_widget(4),
        }
        help_texts = {
            "purpose": _("Mỗi dòng là một ý."), "requirements": _("Mỗi dòng là một ý."),
            "number": _("Để trống khi còn là dự thảo."),
        }

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        from lantoa.plans.services import number_error, window_error

        unit = data.get("unit") or getattr(self.instance, "unit", None)
        # Reported here with the issuer and year, so the model's generic constraint message never shows.
        if unit is not None and data.get("number"):
            message = number_error(unit=unit, number=data["number"],
                                   on=data.get("issued_on") or data.get("period_start"), exclude_pk=self.instance.pk)
            if message:
                self.add_error("number", message)
        message = window_error(data.get("period_start"), data.get("period_end"))
        if message:
            self.add_error("period_end", message)
        return data

    def validate_unique(self) -> None:
        return None  # the service reports a duplicate number with the issuer and year


class IssueForm(forms.Form):
    number = forms.CharField(label=_("Số, ký hiệu"), max_length=60)
    issued_on = forms.DateField(label=_("Ngày ban hành"), widget=date_widget())


class ImplementForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị xây dựng kế hoạch"), queryset=Unit.objects.none())
    title = forms.CharField(label=_("Trích yếu"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        if units.count() == 1:
            self.fields["unit"].initial = units.first()


class PlanCreateForm(PlanForm):
    unit = forms.ModelChoiceField(label=_("Cơ quan ban hành"), queryset=Unit.objects.none())

    class Meta(PlanForm.Meta):
        fields = ["unit", *PlanForm.Meta.fields]

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        if units.count() == 1:
            self.fields["unit"].initial = units.first()
        self.order_fields(["unit"])


# Items -------------------------------------------------------------------------------------------------------

class ItemForm(forms.ModelForm):
    """Base for item forms; the plan is set by the view, checks that involve the plan run in the service."""

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.instance.plan = plan

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        # Caught here (not only in the service) so the model's generic constraint message never shows.
        from lantoa.plans.services import window_error

        message = window_error(data.get("start"), data.get("end"), phase=self._meta.model is Phase)
        if message:
            self.add_error("end", message)
        return data


class ReferenceForm(ItemForm):
    class Meta:
        model = PlanReference
        fields = ["relation", "target", "doc_kind", "doc_number", "doc_date", "doc_issuer", "doc_subject"]
        widgets = {"doc_date": date_widget(), "doc_subject": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"target": _("Chọn nếu văn bản đã có trong hệ thống; nếu chưa, ghi số hiệu để liên kết sau.")}

    def __init__(self, *args: Any, plan: Plan, targets: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, plan=plan, **kwargs)
        field = self.fields["target"]
        field.queryset = (targets if targets is not None else Plan.objects.none()).exclude(  # type: ignore[attr-defined]
            pk=plan.pk).select_related("unit")
        field.label_from_instance = lambda p: f"{p.number or '—'} · {p.unit.name}"  # type: ignore[attr-defined]


class ThemeForm(ItemForm):
    class Meta:
        model = Theme
        fields = ["text", "parent"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, plan=plan, **kwargs)
        qs = plan.themes.filter(parent__isnull=True)
        if self.instance.pk:
            qs = qs.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = qs  # type: ignore[attr-defined]
        self.fields["parent"].label = _("Thuộc mục")


class ChannelForm(ItemForm):
    class Meta:
        model = Channel
        fields = ["kind", "name", "description", "start", "end"]
        widgets = {"start": date_widget(), "end": date_widget(), "description": lines_widget(4),
                   "name": forms.TextInput()}


class PhaseForm(ItemForm):
    class Meta:
        model = Phase
        fields = ["name", "start", "end", "goals", "focus", "forms"]
        widgets = {"start": date_widget(), "end": date_widget(), "goals": lines_widget(3),
                   "focus": lines_widget(3), "forms": lines_widget(2)}


class TargetForm(ItemForm):
    class Meta:
        model = Target
        fields = ["text", "metric", "target_value", "unit_label", "measured_how", "activity_kind", "phase"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "measured_how": forms.Textarea(attrs={"rows": 2}),
                   "activity_kind": forms.Select(choices=[("", "—"), *Activity.Kind.choices])}

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, plan=plan, **kwargs)
        self.fields["phase"].queryset = plan.phases.all()  # type: ignore[attr-defined]


class AudienceForm(ItemForm):
    class Meta:
        model = Audience
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class BudgetForm(ItemForm):
    class Meta:
        model = BudgetItem
        fields = ["source", "description", "amount"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class AssignmentForm(ItemForm):
    class Meta:
        model = Assignment
        fields = ["unit", "unit_name", "role", "channel", "duties", "start", "end"]
        widgets = {"start": date_widget(), "end": date_widget(), "duties": lines_widget(4)}

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, plan=plan, **kwargs)
        # A plan assigns duties to units in its issuer's area and below (the press for a central plan).
        self.fields["unit"].queryset = Unit.objects.active().in_area(plan.unit.area)  # type: ignore[attr-defined]
        self.fields["channel"].queryset = plan.channels.all()  # type: ignore[attr-defined]


class RecipientForm(ItemForm):
    class Meta:
        model = Recipient
        fields = ["name", "note"]


ITEM_FORMS: dict[str, type[ItemForm]] = {
    "reference": ReferenceForm,
    "theme": ThemeForm,
    "channel": ChannelForm,
    "phase": PhaseForm,
    "target": TargetForm,
    "audience": AudienceForm,
    "budget": BudgetForm,
    "assignment": AssignmentForm,
    "recipient": RecipientForm,
}


MAX_UPLOAD = 20 * 1024 * 1024
DOCUMENT_TYPES = (".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".doc", ".docx", ".odt", ".xlsx", ".xls")
MEDIA_TYPES = (*DOCUMENT_TYPES, ".mp4", ".mp3", ".webm", ".gif", ".svg", ".pptx", ".zip")


def check_upload(f: Any, allowed: tuple[str, ...]) -> Any:
    """Files are kept and served back to other units: known types only, bounded size."""
    if f and not f.name.lower().endswith(allowed):
        raise ValidationError(_("Loại tệp không được nhận. Chấp nhận: %(types)s.") % {"types": ", ".join(allowed)})
    if f and f.size > MAX_UPLOAD:
        raise ValidationError(_("Tệp lớn hơn 20 MB."))
    return f


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = PlanAttachment
        fields = ["kind", "title", "file"]

    def clean_file(self) -> Any:
        return check_upload(self.cleaned_data.get("file"), DOCUMENT_TYPES)


class ExpectationForm(forms.ModelForm):
    class Meta:
        model = ExpectationRule
        fields = ["area", "area_level", "unit_kind", "name_contains", "due_on"]
        widgets = {"due_on": date_widget()}

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        areas = AdminArea.objects.within(plan.unit.area).current()
        if plan.unit.area.level == AdminArea.Level.NATIONAL:
            # A national rule scopes by province; 3,321 commune options would make the page heavy for nothing.
            areas = areas.exclude(level=AdminArea.Level.COMMUNE)
        self.fields["area"].queryset = areas  # type: ignore[attr-defined]
        self.fields["area"].initial = plan.unit.area


class AssignmentReportForm(forms.Form):
    status = forms.ChoiceField(label=_("Tình trạng"), choices=[
        c for c in Assignment.Status.choices if c[0] != Assignment.Status.OVERDUE])
    evidence = forms.CharField(label=_("Kết quả, minh chứng"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ActivityForm(forms.ModelForm):
    link = forms.URLField(label=_("Đường dẫn"), max_length=1000, required=False, assume_scheme="https")

    class Meta:
        model = Activity
        fields = ["unit", "plan", "assignment", "kind", "title", "date", "themes", "channel", "description", "link",
                  "file", *Activity.METRICS, "is_shared"]
        widgets = {"date": date_widget(), "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, units: Any, plans: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        if units.count() == 1:
            self.fields["unit"].initial = units.first()
        self.fields["plan"].queryset = plans  # type: ignore[attr-defined]
        self.fields["assignment"].queryset = Assignment.objects.filter(  # type: ignore[attr-defined]
            unit__in=units, plan__in=plans).select_related("plan")
        self.fields["themes"].queryset = Theme.objects.filter(plan__in=plans)  # type: ignore[attr-defined]
        self.fields["channel"].queryset = Channel.objects.filter(plan__in=plans)  # type: ignore[attr-defined]

    def clean_file(self) -> Any:
        return check_upload(self.cleaned_data.get("file"), MEDIA_TYPES)


class ImportForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    file = forms.FileField(label=_("Tệp Excel (.xlsx) theo mẫu"))

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        if units.count() == 1:
            self.fields["unit"].initial = units.first()

    def clean_file(self) -> Any:
        f = self.cleaned_data["file"]
        if not f.name.lower().endswith(".xlsx"):
            raise ValidationError(_("Chỉ nhận tệp .xlsx (Excel)."))
        if f.size > 5 * 1024 * 1024:
            raise ValidationError(_("Tệp lớn hơn 5 MB."))
        return f

