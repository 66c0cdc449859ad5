"""Permission cases of the assistant's staff pages (the public ask box lives in the portal's cases)."""

from __future__ import annotations

from typing import Any

from tests.matrix import EVERYONE, Case


def _document(w: Any) -> dict[str, Any]:
    from lantoa.assistant.models import KnowledgeDoc

    doc, _ = KnowledgeDoc.objects.get_or_create(slug="tai-lieu-thu", defaults={
        "name": "tai-lieu-thu.md", "title": "Tài liệu thử", "body": "Nội dung", "unit": w.unit})
    return {"pk": doc.pk}


def _candidate(w: Any) -> dict[str, Any]:
    from lantoa.assistant.models import Question

    question = Question.objects.create(text="Lệ phí hộ chiếu bao nhiêu?", status="unanswerable")
    return {"pk": question.pk}


CASES = [
    Case("assistant:index", allowed=EVERYONE),
    # An empty form is refused with a message and a redirect: what matters is who gets that far.
    Case("assistant:document_add", allowed=EVERYONE, method="post", ok_status=(302,)),
    Case("assistant:document", allowed=EVERYONE, kwargs=_document),
    Case("assistant:document_delete", allowed={"owner"}, method="post", kwargs=_document, ok_status=(302,)),
    Case("assistant:candidates", allowed=EVERYONE),
    Case("assistant:candidate_answer", allowed=EVERYONE, method="post", kwargs=_candidate, ok_status=(302,)),
    # The first officer to dismiss it wins; later ones find it gone (404), which is also a refusal-free path.
    Case("assistant:candidate_dismiss", allowed=EVERYONE, method="post", kwargs=_candidate, ok_status=(302, 404)),
]
