from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lantoa.assistant.models import KnowledgeDoc
from lantoa.units.models import Unit

MAX_UPLOAD = 10 * 1024 * 1024


class DocumentForm(forms.Form):
    unit: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Đơn vị quản lý"), queryset=Unit.objects.none())
    kind = forms.ChoiceField(label=_("Loại tài liệu"), choices=KnowledgeDoc.Kind.choices)
    file = forms.FileField(label=_("Tệp (txt, md, docx, pdf)"), required=False)
    title = forms.CharField(label=_("Tiêu đề (khi dán nội dung)"), max_length=300, required=False)
    text = forms.CharField(label=_("Hoặc dán nội dung"), max_length=200_000, required=False,
                           widget=forms.Textarea(attrs={"rows": 8}))
    source_url = forms.URLField(label=_("Đường dẫn nguồn"), max_length=500, required=False, assume_scheme="https")
    is_public = forms.BooleanField(label=_("Công khai trên cổng thông tin và dùng để trả lời người dân"),
                                   required=False, initial=True)

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("file")
        if upload is None and not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Chọn một tệp hoặc dán nội dung."))
        if upload is not None:
            if upload.size > MAX_UPLOAD:
                raise forms.ValidationError(_("Tệp quá lớn (tối đa 10 MB)."))
            if not upload.name.lower().endswith((".txt", ".md", ".docx", ".pdf")):
                raise forms.ValidationError(_("Chỉ nhận tệp .txt, .md, .docx, .pdf."))
        return data


class CandidateAnswerForm(forms.Form):
    unit: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Đơn vị trả lời"), queryset=Unit.objects.none())
    question = forms.CharField(label=_("Câu hỏi (có thể sửa cho rõ)"), max_length=300)
    answer = forms.CharField(label=_("Câu trả lời chính thức"), max_length=5000,
                             widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
