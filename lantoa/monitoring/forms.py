"""Forms. Each form only offers units the user may act for; services do the writing."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lantoa.areas.models import AdminArea
from lantoa.lib.monitoring.query import QueryError, parse
from lantoa.monitoring.models import Case, Kind, Source, Tone, Watch
from lantoa.units.models import Unit


def _check_query(value: str) -> str:
    if value.strip():
        try:
            parse(value)
        except QueryError as exc:
            raise forms.ValidationError(_("Truy vấn chưa đúng: %(error)s"), params={"error": exc}) from exc
    return value


class UnitChoiceMixin:
    def set_units(self, units: Any) -> None:
        field: Any = self.fields["unit"]  # type: ignore[attr-defined]
        field.queryset = units
        if units.count() == 1:
            field.initial = units.first()


class SourceForm(UnitChoiceMixin, forms.ModelForm):
    unit = forms.ModelChoiceField(Unit.objects.none(), label=_("Đơn vị quản lý"))
    area = forms.ModelChoiceField(AdminArea.objects.exclude(level=AdminArea.Level.COMMUNE), required=False,
                                  label=_("Địa bàn"))

    class Meta:
        model = Source
        fields = ["unit", "name", "outlet", "kind", "format", "url", "area", "poll_minutes", "is_active"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("format") in Source.POLLED_FORMATS and not data.get("url"):
            self.add_error("url", _("Nguồn RSS, sitemap hay trang chuyên mục cần địa chỉ."))
        return data


class WatchForm(UnitChoiceMixin, forms.ModelForm):
    unit = forms.ModelChoiceField(Unit.objects.none(), label=_("Đơn vị"))

    class Meta:
        model = Watch
        fields = ["unit", "name", "query", "description", "plan_theme", "is_theme", "notify", "spike_threshold",
                  "is_active"]
        widgets = {"query": forms.Textarea(attrs={"rows": 2}), "description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"query": _('Không phân biệt dấu. Ví dụ: "chuyển đổi số" AND (vneid OR "dịch vụ công") '
                                 'NOT "lừa đảo"; "dich vu cong" NEAR/5 "truc tuyen".')}

    def __init__(self, *args: Any, themes: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        theme_field: Any = self.fields["plan_theme"]
        theme_field.queryset = themes if themes is not None else theme_field.queryset.none()
        theme_field.required = False

    def clean_query(self) -> str:
        return _check_query(self.cleaned_data["query"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        theme = data.get("plan_theme")
        if theme is not None and not data.get("description"):
            data["description"] = theme.text
        if not data.get("query") and not data.get("description"):
            raise forms.ValidationError(_("Cần truy vấn hoặc mô tả chủ đề."))
        return data


class ExportUploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp CSV hoặc JSON xuất từ trang"))


class ManualItemForm(forms.Form):
    url = forms.URLField(label=_("Đường dẫn"), max_length=1000, assume_scheme="https")
    title = forms.CharField(label=_("Tiêu đề"), max_length=500, required=False)
    text = forms.CharField(label=_("Nội dung (nếu có, hệ thống sẽ không tải lại trang)"), widget=forms.Textarea,
                           required=False)
    note = forms.CharField(label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class CaseForm(UnitChoiceMixin, forms.Form):
    unit = forms.ModelChoiceField(Unit.objects.none(), label=_("Đơn vị xử lý"))
    claim = forms.CharField(label=_("Nội dung thông tin sai lệch"), widget=forms.Textarea(attrs={"rows": 3}))
    query = forms.CharField(label=_("Truy vấn theo dõi nội dung này (không bắt buộc)"), required=False,
                            max_length=500)
    due_at = forms.DateTimeField(label=_("Hạn xử lý"), required=False,
                                 widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))

    def clean_query(self) -> str:
        return _check_query(self.cleaned_data["query"])


class CaseTransitionForm(forms.Form):
    status = forms.ChoiceField(choices=Case.Status.choices)
    answer_url = forms.URLField(label=_("Đường dẫn thông tin đính chính"), required=False, assume_scheme="https")
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Từ khoá"), required=False, max_length=300)
    start = forms.DateField(label=_("Từ ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Đến ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    source = forms.ModelChoiceField(Source.objects.none(), label=_("Nguồn"), required=False)
    kind = forms.ChoiceField(label=_("Loại"), choices=[("", "—"), *Kind.choices], required=False)
    watch = forms.ModelChoiceField(Watch.objects.none(), label=_("Chủ đề"), required=False)
    tone = forms.ChoiceField(label=_("Sắc thái"), choices=[("", "—"), *Tone.choices], required=False)
    area = forms.CharField(label=_("Địa bàn (mã)"), required=False, max_length=10)

    def __init__(self, *args: Any, sources: Any, watches: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["source"].queryset = sources
        fields["watch"].queryset = watches


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("Từ ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Đến ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    watch = forms.ModelChoiceField(Watch.objects.none(), label=_("Chủ đề"), required=False)

    def __init__(self, *args: Any, watches: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["watch"].queryset = watches
