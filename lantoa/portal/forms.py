from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lantoa.areas.models import AdminArea
from lantoa.lib.qa.pipeline import MAX_QUESTION_CHARS
from lantoa.lib.text import fold
from lantoa.portal.models import Practice, Topic
from lantoa.units.models import Unit

QUESTION_ERRORS = {
    "required": _("Bạn chưa nhập câu hỏi."),
    "max_length": _("Câu hỏi quá dài: tối đa %(limit_value)d ký tự, bạn đã nhập %(show_value)d ký tự."),
}


class AskForm(forms.Form):
    q = forms.CharField(label=_("Câu hỏi của bạn"), max_length=MAX_QUESTION_CHARS, error_messages=QUESTION_ERRORS,
                        widget=forms.TextInput(attrs={"autocomplete": "off", "maxlength": MAX_QUESTION_CHARS}))

    def clean_q(self) -> str:
        value = " ".join(self.cleaned_data["q"].split())
        if not any(ch.isalnum() for ch in value):
            raise forms.ValidationError(QUESTION_ERRORS["required"])
        return value


class FeedbackForm(forms.Form):
    topic = forms.ChoiceField(label=_("Chủ đề"), choices=[("", _("— chọn chủ đề —")), *Topic.choices])
    province = forms.ModelChoiceField(label=_("Tỉnh, thành phố"), queryset=AdminArea.objects.none(),
                                      empty_label=_("— chọn tỉnh, thành phố —"))
    commune = forms.CharField(label=_("Xã, phường, đặc khu (gõ có dấu hoặc không dấu)"), max_length=100,
                              required=False)
    message = forms.CharField(
        label=_("Nội dung ý kiến, kiến nghị"), min_length=10, max_length=2000, widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"min_length": _("Nội dung quá ngắn (ít nhất %(limit_value)d ký tự)."),
                        "max_length": _("Nội dung quá dài: tối đa %(limit_value)d ký tự.")},
    )
    contact = forms.CharField(
        label=_("Thông tin liên hệ (không bắt buộc: số điện thoại hoặc thư điện tử)"), max_length=200, required=False,
        help_text=_("Chỉ đơn vị xử lý được xem, và được xoá sau khi ý kiến đã giải quyết xong."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = AdminArea.objects.current().provinces()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        province, name = data.get("province"), (data.get("commune") or "").strip()
        if province is None:
            return data
        if not name:
            data["area"] = province
            return data
        candidates = list(AdminArea.objects.current().communes().filter(province=province).search(name)[:20])
        exact = [a for a in candidates if fold(a.name) in {fold(name), fold(f"xã {name}"), fold(f"phường {name}")}]
        matches = exact or candidates
        if len(matches) != 1:
            self.add_error("commune", _("Không tìm thấy đúng một xã, phường có tên “%(name)s” trong %(province)s.")
                           % {"name": name, "province": province.name})
        else:
            data["area"] = matches[0]
        return data


class NewsForm(forms.Form):
    unit: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Đơn vị đăng"), queryset=Unit.objects.none())
    title = forms.CharField(label=_("Tiêu đề"), max_length=255)
    summary = forms.CharField(label=_("Tóm tắt"), max_length=2000, required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))
    link = forms.URLField(label=_("Đường dẫn bài viết"), max_length=500, required=False, assume_scheme="https")

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]


class PracticeForm(NewsForm):
    kind = forms.ChoiceField(label=_("Loại"), choices=Practice.Kind.choices)
    year = forms.IntegerField(label=_("Năm"), min_value=2020, max_value=2100, initial=2026)
    summary = forms.CharField(label=_("Mô tả"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))


class ReplyForm(forms.Form):
    reply = forms.CharField(label=_("Trả lời công khai"), max_length=4000, required=False,
                            widget=forms.Textarea(attrs={"rows": 5}))
    close = forms.BooleanField(label=_("Đã giải quyết xong, kết thúc"), required=False)
