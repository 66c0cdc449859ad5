"""The upload form and the review form: every field of the draft, editable, one item per line."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lantoa.intake.services import RELATIONS, doc_type_from_text
from lantoa.lib.text import fold
from lantoa.plans.models import Assignment, Plan
from lantoa.units.models import Unit

_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
ROLE_LABELS = {"lead": "chủ trì", "coordinating": "phối hợp"}
RELATION_LABELS = {"implements": "thực hiện", "based_on": "căn cứ", "mentions": "dẫn chiếu"}


class UploadForm(forms.Form):
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=gettext_lazy("Đơn vị ban hành"))
    file = forms.FileField(label=gettext_lazy("Tệp kế hoạch (.txt, .docx, .pdf, ảnh quét)"))

    def __init__(self, *args: Any, units: list[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["unit"]
        field.queryset = Unit.objects.filter(pk__in=[u.pk for u in units])  # type: ignore[attr-defined]
        if len(units) == 1:
            field.initial = units[0].pk


def _date(text: str, where: str) -> dt.date | None:
    text = text.strip()
    if not text or text in {"…", "..."}:
        return None
    match = _DATE.match(text) or _ISO.match(text)
    if match:
        parts = [int(p) for p in match.groups()]
        day, month, year = parts if _DATE.match(text) else (parts[2], parts[1], parts[0])
        try:
            return dt.date(year, month, day)
        except ValueError:
            pass
    raise forms.ValidationError(
        _("%(where)s: ngày “%(text)s” không hợp lệ (viết dạng ngày/tháng/năm, ví dụ 28/08/2025).")
        % {"where": where, "text": text})


def _fmt(value: str | None) -> str:
    return dt.date.fromisoformat(value).strftime("%d/%m/%Y") if value else ""


def _padded(values: list[Any], length: int) -> list[Any]:
    return (list(values) + [None] * length)[:length]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _cells(line: str, count: int) -> list[str]:
    """Split "a | b | c" into exactly ``count`` parts; extra bars stay in the last part."""
    cells = [c.strip() for c in line.split("|")]
    if len(cells) <= count:
        return (cells + [""] * count)[:count]
    return [*cells[: count - 1], " | ".join(cells[count - 1:])]


def _parts(cell: str) -> list[str]:
    """ "a; b; c" → ["a", "b", "c"]: several units or duties in one cell."""
    return [part.strip() for part in cell.split(";") if part.strip()]


class ReviewForm(forms.Form):
    """The draft as the officer corrects it. Lists are one item per line; parts of a line are split by "|"."""

    LINE_HELP = gettext_lazy("Mỗi dòng một mục.")

    doc_type = forms.ChoiceField(label=gettext_lazy("Loại văn bản"), choices=Plan.DocType.choices)
    number = forms.CharField(label=gettext_lazy("Số, ký hiệu"), required=False, max_length=60,
                             help_text=gettext_lazy("Để trống nếu văn bản chưa có số."))
    issued_on = forms.DateField(label=gettext_lazy("Ngày ban hành"), required=False,
                                help_text=gettext_lazy("ngày/tháng/năm; để trống nếu văn bản để trống ngày."))
    place = forms.CharField(label=gettext_lazy("Địa danh"), required=False, max_length=120)
    issuer_parent = forms.CharField(label=gettext_lazy("Cơ quan chủ quản"), required=False, max_length=255)
    issuer = forms.CharField(label=gettext_lazy("Cơ quan ban hành (theo văn bản)"), required=False, max_length=255)
    title = forms.CharField(label=gettext_lazy("Trích yếu"), max_length=500)
    period_start = forms.DateField(label=gettext_lazy("Thời gian thực hiện từ"), required=False)
    period_end = forms.DateField(label=gettext_lazy("đến"), required=False)
    references = forms.CharField(
        label=gettext_lazy("Căn cứ, thực hiện"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("Mỗi dòng: quan hệ (thực hiện/căn cứ/dẫn chiếu) | loại | số, ký hiệu | ngày | cơ quan | "
                        "trích yếu."))
    purpose = forms.CharField(label=gettext_lazy("Mục đích"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
                              help_text=LINE_HELP)
    requirements = forms.CharField(label=gettext_lazy("Yêu cầu"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 4}), help_text=LINE_HELP)
    themes = forms.CharField(label=gettext_lazy("Nội dung tuyên truyền"), required=False,
                             widget=forms.Textarea(attrs={"rows": 8}),
                             help_text=gettext_lazy("Mỗi dòng một nội dung; dòng bắt đầu bằng “- ” là ý con "
                                             "của nội dung ngay trên."))
    channels = forms.CharField(label=gettext_lazy("Hình thức, kênh"), required=False,
                               widget=forms.Textarea(attrs={"rows": 4}),
                               help_text=gettext_lazy("Mỗi dòng: tên | từ ngày | đến ngày | đơn vị chủ trì | đơn vị "
                                               "phối hợp; nhiều đơn vị ngăn cách bằng dấu chấm phẩy."))
    phases = forms.CharField(label=gettext_lazy("Giai đoạn, lộ trình"), required=False,
                             widget=forms.Textarea(attrs={"rows": 4}),
                             help_text=gettext_lazy("Mỗi dòng: tên giai đoạn | từ ngày | đến ngày."))
    targets = forms.CharField(label=gettext_lazy("Chỉ tiêu"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
                              help_text=LINE_HELP)
    audiences = forms.CharField(label=gettext_lazy("Đối tượng"), required=False,
                                widget=forms.Textarea(attrs={"rows": 3}), help_text=LINE_HELP)
    assignments = forms.CharField(
        label=gettext_lazy("Tổ chức thực hiện (phân công)"), required=False, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy("Mỗi dòng: đơn vị | chủ trì hoặc phối hợp | các nhiệm vụ, ngăn cách bằng dấu chấm "
                               "phẩy."))
    budget = forms.CharField(label=gettext_lazy("Kinh phí"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    signer_name = forms.CharField(label=gettext_lazy("Người ký"), required=False, max_length=120)
    signer_title = forms.CharField(label=gettext_lazy("Chức vụ người ký"), required=False, max_length=120)
    recipients = forms.CharField(label=gettext_lazy("Nơi nhận"), required=False,
                                 widget=forms.Textarea(attrs={"rows": 4}), help_text=LINE_HELP)

    @classmethod
    def initial_from_draft(cls, draft: dict[str, Any]) -> dict[str, Any]:
        details = draft.get("details", {})
        period = details.get("period", {})
        channels = details.get("channels") or [{"name": n, "start": None, "end": None} for n in draft["channels"]]
        channel_lines = (
            " | ".join([c["name"], _fmt(c.get("start")), _fmt(c.get("end")), "; ".join(c.get("lead_units") or []),
                        "; ".join(c.get("coordinating_units") or [])]).rstrip(" |")
            for c in channels)
        return {
            "doc_type": doc_type_from_text(draft.get("doc_type")),
            "number": draft.get("number") or "",
            "issued_on": draft.get("issued_on") and dt.date.fromisoformat(draft["issued_on"]),
            "place": draft.get("place") or "",
            "issuer_parent": details.get("issuer_parent") or "",
            "issuer": draft.get("issuer") or "",
            "title": draft.get("title") or "",
            "period_start": period.get("start") and dt.date.fromisoformat(period["start"]),
            "period_end": period.get("end") and dt.date.fromisoformat(period["end"]),
            "references": "\n".join(
                " | ".join([RELATION_LABELS.get(r["relation"], "căn cứ"), r.get("kind") or "", r.get("number") or "",
                            _fmt(r.get("date")), r.get("issuer") or "", subject or ""]).rstrip(" |")
                for r, subject in zip(draft.get("references", []), _padded(details.get("reference_subjects", []),
                                                                           len(draft.get("references", []))),
                                      strict=True)
            ),
            "purpose": "\n".join(details.get("purpose", [])),
            "requirements": "\n".join(details.get("requirements", [])),
            "themes": "\n".join(
                "\n".join([theme, *(f"- {child}" for child in children)])
                for theme, children in zip(draft.get("themes", []),
                                           _padded(details.get("theme_children", []), len(draft.get("themes", []))),
                                           strict=True)
                for children in [children or []]
            ),
            "channels": "\n".join(channel_lines),
            "phases": "\n".join(
                " | ".join([p["name"], _fmt(p.get("start")), _fmt(p.get("end"))]).rstrip(" |")
                for p in draft.get("phases", [])),
            "targets": "\n".join(draft.get("targets", [])),
            "audiences": "\n".join(details.get("audiences", [])),
            "assignments": "\n".join(
                " | ".join([a["unit"], ROLE_LABELS[a["role"]], "; ".join(d.rstrip(";") for d in a["duties"])])
                for a in draft.get("assignments", [])),
            "budget": draft.get("budget") or "",
            "signer_name": draft.get("signer") or "",
            "signer_title": details.get("signer_title") or "",
            "recipients": "\n".join(draft.get("recipients", [])),
        }

    # List fields: each becomes a list of values; errors name the line.
    def clean_purpose(self) -> list[str]:
        return _lines(self.cleaned_data["purpose"])

    def clean_requirements(self) -> list[str]:
        return _lines(self.cleaned_data["requirements"])

    def clean_themes(self) -> list[dict[str, Any]]:
        """Themes with their sub-items: a line starting with "-" or "+" belongs to the theme above it."""
        themes: list[dict[str, Any]] = []
        for line in _lines(self.cleaned_data["themes"]):
            if line[0] in "-+•" and themes:
                child = line[1:].strip()
                if child:
                    themes[-1]["children"].append(child)
            else:
                themes.append({"text": line.lstrip("-+• ").strip() or line, "children": []})
        return themes

    def clean_targets(self) -> list[str]:
        return _lines(self.cleaned_data["targets"])

    def clean_audiences(self) -> list[str]:
        return _lines(self.cleaned_data["audiences"])

    def clean_recipients(self) -> list[str]:
        return _lines(self.cleaned_data["recipients"])

    def _windows(self, field: str, label: str, *, with_units: bool = False) -> list[dict[str, Any]]:
        items, errors = [], []
        for index, line in enumerate(_lines(self.cleaned_data[field]), start=1):
            name, start, end, lead, coordinating = _cells(line, 5) if with_units else [*_cells(line, 3), "", ""]
            where = _("%(label)s, dòng %(n)s") % {"label": label, "n": index}
            try:
                start_date, end_date = _date(start, where), _date(end, where)
            except forms.ValidationError as exc:
                errors.extend(exc.messages)
                continue
            if start_date and end_date and end_date < start_date:
                errors.append(_("%(where)s: ngày kết thúc trước ngày bắt đầu.") % {"where": where})
                continue
            if not name:
                errors.append(_("%(where)s: thiếu tên.") % {"where": where})
                continue
            item: dict[str, Any] = {"name": name, "start": start_date, "end": end_date}
            if with_units:
                item["lead_units"], item["coordinating_units"] = _parts(lead), _parts(coordinating)
            items.append(item)
        if errors:
            raise forms.ValidationError(errors)
        return items

    def clean_channels(self) -> list[dict[str, Any]]:
        return self._windows("channels", _("Hình thức"), with_units=True)

    def clean_phases(self) -> list[dict[str, Any]]:
        return self._windows("phases", _("Giai đoạn"))

    def clean_references(self) -> list[dict[str, Any]]:
        items, errors = [], []
        for index, line in enumerate(_lines(self.cleaned_data["references"]), start=1):
            relation, kind, number, day, issuer, subject = _cells(line, 6)
            where = _("Căn cứ, dòng %(n)s") % {"n": index}
            rel = RELATIONS.get(fold(relation))
            if rel is None:
                errors.append(_("%(where)s: quan hệ “%(text)s” phải là “thực hiện”, “căn cứ” hoặc “dẫn chiếu”.")
                              % {"where": where, "text": relation})
                continue
            try:
                date = _date(day, where)
            except forms.ValidationError as exc:
                errors.extend(exc.messages)
                continue
            if not number and not subject:
                errors.append(_("%(where)s: cần số, ký hiệu hoặc trích yếu của văn bản.") % {"where": where})
                continue
            items.append({"relation": rel, "kind": kind[:60], "number": number[:60], "date": date,
                          "issuer": issuer[:255], "subject": subject})
        if errors:
            raise forms.ValidationError(errors)
        return items

    def clean_assignments(self) -> list[dict[str, Any]]:
        items, errors = [], []
        roles = {"chu tri": Assignment.Role.LEAD, "phoi hop": Assignment.Role.COORDINATING, "": Assignment.Role.LEAD}
        for index, line in enumerate(_lines(self.cleaned_data["assignments"]), start=1):
            unit, role, duties = _cells(line, 3)
            where = _("Phân công, dòng %(n)s") % {"n": index}
            if fold(role) not in roles:
                errors.append(_("%(where)s: vai trò “%(text)s” phải là “chủ trì” hoặc “phối hợp”.")
                              % {"where": where, "text": role})
                continue
            if not unit:
                errors.append(_("%(where)s: thiếu tên đơn vị.") % {"where": where})
                continue
            items.append({"unit": unit, "role": roles[fold(role)],
                          "duties": _parts(duties)})
        if errors:
            raise forms.ValidationError(errors)
        return items

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("Thời gian kết thúc trước thời gian bắt đầu."))
        return data
