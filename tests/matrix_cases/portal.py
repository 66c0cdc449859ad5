"""Permission cases of the portal: public pages for everyone, feedback handling for the routed unit."""

from __future__ import annotations

from typing import Any

from tests.matrix import EVERYONE, Case


def _campaign(w: Any) -> dict[str, Any]:
    from lantoa.portal.models import Campaign

    Campaign.objects.get_or_create(slug="chuyen-doi-so-2026", defaults={
        "title": "Chuyển đổi số 2026", "unit": w.unit, "is_published": True})
    return {"slug": "chuyen-doi-so-2026"}


def _guide(w: Any) -> dict[str, Any]:
    from lantoa.assistant.models import KnowledgeDoc, Passage

    doc, _ = KnowledgeDoc.objects.get_or_create(slug="huong-dan-thu", defaults={
        "name": "huong-dan-thu.md", "title": "Hướng dẫn thử", "body": "Nội dung", "unit": w.unit})
    Passage.objects.get_or_create(document=doc, position=1, defaults={"text": "Nội dung", "vector": b"\0" * 1536})
    return {"slug": doc.slug}


def _feedback(w: Any) -> Any:
    from lantoa.portal.models import Feedback

    return Feedback.objects.create(topic="dich_vu_cong", area=w.commune, message="Ý kiến thử nghiệm",
                                   contact="0912000000", unit=w.unit)


CASES = [
    Case("portal:index", public=True, allowed=EVERYONE),
    Case("portal:campaign", public=True, allowed=EVERYONE, kwargs=_campaign),
    Case("portal:guide", public=True, allowed=EVERYONE, kwargs=_guide),
    Case("portal:practices", public=True, allowed=EVERYONE),
    Case("portal:ask", public=True, allowed=EVERYONE),
    # Only the browser session that asked may rate an answer: without one, nobody finds the question.
    Case("portal:answer_feedback", public=True, allowed=EVERYONE, method="post", kwargs=lambda w: {"pk": 1},
         data=lambda w: {"helpful": "1"}, ok_status=(404,)),
    Case("portal:feedback", public=True, allowed=EVERYONE),
    Case("portal:feedback_status", public=True, allowed=EVERYONE, kwargs=lambda w: {"code": _feedback(w).code}),
    Case("portal:feedback_inbox", allowed=EVERYONE),
    Case("portal:feedback_detail", allowed={"owner", "supervisor"}, kwargs=lambda w: {"pk": _feedback(w).pk}),
    Case("portal:feedback_stats", allowed=EVERYONE),
    Case("portal:manage", allowed=EVERYONE),
]
