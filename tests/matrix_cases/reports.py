"""Permission cases for every reporting URL (see tests/matrix.py)."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from lantoa.reports.models import ReportAttachment
from lantoa.reports.services import report_submit
from tests.matrix import EVERYONE, Case
from tests.reports.factories import VALUES, setup_reports


def _draft(w: Any) -> dict[str, Any]:
    return {"pk": setup_reports(w).report.pk}


def _submitted_report(w: Any) -> Any:
    report = setup_reports(w).report
    return report_submit(report=report, user=w.users["owner"], expected_version=report.version, values=VALUES)


def _submitted(w: Any) -> dict[str, Any]:
    return {"pk": _submitted_report(w).pk}


def _request(w: Any) -> dict[str, Any]:
    return {"pk": setup_reports(w).request.pk}


def _attachment(w: Any) -> dict[str, Any]:
    report = _submitted_report(w)
    path = settings.MEDIA_ROOT / "reports" / "ma-tran.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("tệp thử")
    item = ReportAttachment.objects.create(report=report, file="reports/ma-tran.txt", name="ma-tran.txt")
    return {"pk": item.pk}


def _form(w: Any) -> dict[str, Any]:
    return {"pk": setup_reports(w).form.pk}


def _with_form(w: Any) -> dict[str, Any]:
    setup_reports(w)
    return {}


CASES = [
    Case("reports:index", allowed=EVERYONE),
    Case("reports:dashboard", allowed={"supervisor"}, kwargs=_with_form),
    Case("reports:pivot", allowed={"supervisor"}, kwargs=_with_form),
    Case("reports:report_list", allowed=EVERYONE, kwargs=_with_form),
    Case("reports:request_create", allowed={"supervisor"}),
    Case("reports:request", allowed={"owner", "supervisor", "sibling"}, kwargs=_request),
    Case("reports:request_toggle", allowed={"supervisor"}, kwargs=_request, method="post", ok_status=(302,)),
    # A draft is its unit's alone; once submitted the province sees it too.
    Case("reports:report", allowed={"owner"}, kwargs=_draft),
    Case("reports:report", allowed={"owner", "supervisor"}, kwargs=_submitted),
    Case("reports:edit", allowed={"owner"}, kwargs=_draft),
    Case("reports:accept", allowed={"supervisor"}, kwargs=_submitted, method="post", ok_status=(302,)),
    Case("reports:return", allowed={"supervisor"}, kwargs=_submitted, method="post", ok_status=(302,),
         data=lambda w: {"reason": "Thiếu số liệu"}),
    Case("reports:docx", allowed={"owner", "supervisor"}, kwargs=_submitted),
    Case("reports:template", allowed={"owner"}, kwargs=_draft),
    Case("reports:upload", allowed={"owner"}, kwargs=_draft, method="post", ok_status=(302,)),
    Case("reports:attachment", allowed={"owner", "supervisor"}, kwargs=_attachment),
    Case("reports:form", allowed=EVERYONE, kwargs=_form),
]
