"""Staff pages of the assistant: the knowledge base and the loop from unanswered questions to FAQ."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lantoa.assistant.access import document_for_edit, document_for_view, editing_units
from lantoa.assistant.forms import CandidateAnswerForm, DocumentForm
from lantoa.assistant.models import KnowledgeDoc, Question
from lantoa.assistant.services import faq_answer, kb_add_document, kb_delete_document, kb_read_file, question_dismiss
from lantoa.lib.documents import DocumentError
from lantoa.lib.text import fold
from lantoa.units.access import require, staff_required


@staff_required
def index(request: HttpRequest) -> HttpResponse:
    units = editing_units(request)
    counts = dict(Question.objects.values_list("status").annotate(n=Count("id")).order_by())
    rated = dict(Question.objects.exclude(feedback="").values_list("feedback").annotate(n=Count("id")).order_by())
    return render(request, "assistant/index.html", {
        "documents": KnowledgeDoc.objects.select_related("unit").annotate(n=Count("passages")),
        "form": DocumentForm(units=units) if units.exists() else None,
        "counts": [(label, counts.get(value, 0)) for value, label in Question.Status.choices],
        "rated": [(label, rated.get(value, 0)) for value, label in Question.Feedback.choices],
        "candidates": Question.objects.candidates().count(),
        "recent": Question.objects.all()[:20],
    })


@staff_required
@require_POST
def document_add(request: HttpRequest) -> HttpResponse:
    units = editing_units(request)
    require(units.exists())
    form = DocumentForm(request.POST, request.FILES, units=units)
    if not form.is_valid():
        for error in form.errors.values():
            messages.error(request, " ".join(str(e) for e in error))
        return redirect("assistant:index")
    data = form.cleaned_data
    upload = data["file"]
    try:
        if upload is not None:
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / Path(upload.name).name
                with path.open("wb") as out:
                    for chunk in upload.chunks():
                        out.write(chunk)
                text, name = kb_read_file(path), path.name
        else:
            # Same title, same unit: a new version of that document; no title: a new document each time.
            stem = slugify(fold(data["title"]))[:100] or f"tai-lieu-{int(time.time())}"
            text, name = data["text"], f"{stem}.txt"
        doc = kb_add_document(name=name, text=text, kind=data["kind"], unit=data["unit"], title=data["title"],
                              source_url=data["source_url"], is_public=data["is_public"])
    except DocumentError as exc:
        messages.error(request, exc.message)
        return redirect("assistant:index")
    except ValueError as exc:
        messages.error(request, str(exc))
        return redirect("assistant:index")
    messages.success(request, _("Đã đưa “%(title)s” vào kho hỏi đáp.") % {"title": doc.title})
    return redirect("assistant:document", pk=doc.pk)


@staff_required
def document(request: HttpRequest, pk: int) -> HttpResponse:
    doc = document_for_view(request, pk)
    return render(request, "assistant/document.html", {"document": doc, "passages": doc.passages.all()})


@staff_required
@require_POST
def document_delete(request: HttpRequest, pk: int) -> HttpResponse:
    doc = document_for_edit(request, pk)
    kb_delete_document(document=doc)
    messages.success(request, _("Đã xoá tài liệu khỏi kho hỏi đáp."))
    return redirect("assistant:index")


@staff_required
def candidates(request: HttpRequest) -> HttpResponse:
    page = Paginator(Question.objects.candidates(), 30).get_page(request.GET.get("trang"))
    units = editing_units(request)
    return render(request, "assistant/candidates.html", {"page": page, "can_answer": units.exists(),
                                                         "units": units})


@staff_required
@require_POST
def candidate_answer(request: HttpRequest, pk: int) -> HttpResponse:
    units = editing_units(request)
    require(units.exists())
    question = get_object_or_404(Question.objects.candidates(), pk=pk)
    form = CandidateAnswerForm(request.POST, units=units)
    if not form.is_valid():
        for error in form.errors.values():
            messages.error(request, " ".join(str(e) for e in error))
        return redirect("assistant:candidates")
    faq_answer(question=question, question_text=form.cleaned_data["question"], answer_text=form.cleaned_data["answer"],
               unit=form.cleaned_data["unit"], user=request.user)
    messages.success(request, _("Đã bổ sung câu hỏi vào kho hỏi đáp."))
    return redirect("assistant:candidates")


@staff_required
@require_POST
def candidate_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    require(editing_units(request).exists())
    question = get_object_or_404(Question.objects.candidates(), pk=pk)
    question_dismiss(question=question, user=request.user)
    return redirect("assistant:candidates")
