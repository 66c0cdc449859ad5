from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lantoa.reports.models import Frequency, ReportForm, ReportRequest
from lantoa.units.models import Unit


class RequestForm(forms.Form):
    """Open a request: ad hoc with its own deadline, or periodic (optionally repeating on a schedule)."""

    issuer = forms.ModelChoiceField(label=_("Đơn vị yêu cầu"), queryset=Unit.objects.none())
    form = forms.ModelChoiceField(label=_("Biểu mẫu"), queryset=ReportForm.objects.all())
    title = forms.CharField(label=_("Tiêu đề"), max_length=255)
    kind = forms.ChoiceField(label=_("Loại"), choices=ReportRequest.Kind.choices)
    frequency = forms.ChoiceField(label=_("Chu kỳ (báo cáo định kỳ)"), choices=[("", "—"), *Frequency.choices],
                                  required=False)
    repeat = forms.BooleanField(label=_("Tự động mở yêu cầu cho các kỳ sau"), required=False)
    period_start = forms.DateField(label=_("Từ ngày (dd/mm/yyyy)"))
    period_end = forms.DateField(label=_("Đến ngày (dd/mm/yyyy)"))
    days_after_period = forms.IntegerField(label=_("Số ngày sau kỳ được tính đúng hạn"), min_value=0,
                                           max_value=90, initial=5)
    deadline = forms.DateTimeField(label=_("Hạn nộp (đột xuất; hh:mm dd/mm/yyyy)"), required=False)
    target_level = forms.ChoiceField(label=_("Đơn vị phải báo cáo: cấp"), choices=ReportRequest.Level.choices)
    target_kinds = forms.MultipleChoiceField(label=_("Loại đơn vị (bỏ trống: mọi loại)"), choices=Unit.Kind.choices,
                                             required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, issuers: list[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["issuer"].queryset = Unit.objects.filter(pk__in=[u.pk for u in issuers])  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
            self.add_error("period_end", _("Ngày kết thúc phải sau ngày bắt đầu."))
        if data.get("kind") == ReportRequest.Kind.ADHOC and not data.get("deadline"):
            self.add_error("deadline", _("Báo cáo đột xuất cần hạn nộp."))
        if data.get("kind") == ReportRequest.Kind.PERIODIC and not data.get("frequency"):
            self.add_error("frequency", _("Báo cáo định kỳ cần chọn chu kỳ."))
        form = data.get("form")
        if form is not None and form.current_version() is None:
            self.add_error("form", _("Biểu mẫu chưa có phiên bản nào."))
        return data


class ReturnForm(forms.Form):
    reason = forms.CharField(label=_("Lý do trả lại"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp XLSX đã điền"))
    version = forms.IntegerField(widget=forms.HiddenInput)
