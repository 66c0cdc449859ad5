"""Writes of the assistant: knowledge documents in, questions answered and stored, the staff loop."""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lantoa.assistant import embedding, engine, llm
from lantoa.assistant.models import KnowledgeDoc, Passage, Question
from lantoa.lib.qa.compose import Source, check_support, extractive_answer
from lantoa.lib.qa.passages import split_passages
from lantoa.lib.qa.pipeline import Result, normalise
from lantoa.lib.text import fold
from lantoa.units.models import Unit

logger = logging.getLogger(__name__)

KB_SUFFIXES = {".txt", ".md", ".docx", ".pdf"}


def _unique_slug(name: str) -> str:
    base = slugify(fold(Path(name).stem))[:100] or "tai-lieu"
    slug, n = base, 2
    while KnowledgeDoc.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def kb_add_document(*, name: str, text: str, kind: str = KnowledgeDoc.Kind.GUIDE, unit: Unit | None = None,
                    title: str = "", source_url: str = "", is_public: bool = True) -> KnowledgeDoc:
    """Add or replace (same file name and unit) a document: split into passages, embed, store."""
    doc_title, chunks = split_passages(text, title=title or Path(name).stem)
    if not chunks:
        raise ValueError(_("Tài liệu không có nội dung để đưa vào hỏi đáp."))
    digest = hashlib.sha256(text.encode()).hexdigest()
    doc = KnowledgeDoc.objects.filter(name=name, unit=unit).first()
    if doc is None:
        doc = KnowledgeDoc(name=name, unit=unit, slug=_unique_slug(name))
    doc.title = (title or doc_title)[:500]
    doc.kind, doc.source_url, doc.is_public, doc.body = kind, source_url, is_public, text
    changed = doc.content_hash != digest
    doc.content_hash = digest
    doc.save()
    if changed or not doc.passages.exists():
        vectors = embedding.embed_passages([embedding.passage_text(doc.title, c.heading, c.text) for c in chunks])
        doc.passages.all().delete()
        Passage.objects.bulk_create(
            Passage(document=doc, position=c.anchor, heading=c.heading[:500], text=c.text,
                    vector=vectors[i].tobytes())
            for i, c in enumerate(chunks)
        )
    return doc


def kb_read_file(path: Path) -> str:
    """Text of a txt/md/docx/pdf file through the document readers (limits, encodings, zip-bomb check)."""
    from lantoa.lib.documents import read_document

    return read_document(path).text


def kb_import_paths(*, paths: list[Path], unit: Unit | None = None, kind: str | None = None
                    ) -> list[KnowledgeDoc]:
    """Import files and folders (recursively); each file becomes one document named by its file name."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in KB_SUFFIXES))
        else:
            files.append(path)
    docs = []
    for f in files:
        # The file name is the document's identity: without --unit, a file already in the base keeps its unit.
        existing = KnowledgeDoc.objects.filter(name=f.name).first()
        owner = unit if unit is not None else (existing.unit if existing else None)
        doc_kind = kind or (existing.kind if existing else KnowledgeDoc.Kind.GUIDE)
        docs.append(kb_add_document(name=f.name, text=kb_read_file(f), unit=owner, kind=doc_kind))
    return docs


@transaction.atomic
def kb_delete_document(*, document: KnowledgeDoc) -> None:
    document.delete()


# Answering ----------------------------------------------------------------------------------------------

@dataclass
class Answer:
    question: Question | None
    status: str
    text: str
    sources: list[dict[str, object]]
    suggestions: list[dict[str, str]]
    latency_ms: int


def refusal_text(status: str) -> str:
    messages: dict[str, str] = {
        Question.Status.GREETING: _("Xin chào! Tôi là trợ lý hỏi đáp về chuyển đổi số và dịch vụ công trực tuyến. "
                                    "Bạn hãy đặt câu hỏi, ví dụ: “Kích hoạt tài khoản VNeID mức 2 như thế nào?”"),
        Question.Status.NEEDS_CLARIFICATION: _("Câu hỏi còn quá ngắn. Bạn muốn hỏi cụ thể điều gì? "
                                               "Có thể bạn quan tâm các mục dưới đây."),
        Question.Status.UNANSWERABLE: _("Xin lỗi, các tài liệu chính thống hiện có chưa trả lời được câu hỏi này. "
                                        "Câu hỏi đã được ghi lại để cán bộ bổ sung. Bạn có thể gửi ý kiến "
                                        "hoặc hỏi tại Trung tâm Phục vụ hành chính công cấp xã."),
        Question.Status.OUT_OF_SCOPE: _("Trợ lý chỉ trả lời câu hỏi về chuyển đổi số, dịch vụ công trực tuyến, "
                                        "tài khoản VNeID, phong trào “Bình dân học vụ số” và chính quyền địa "
                                        "phương hai cấp."),
    }
    return messages[status]


LLM_PROMPT = (
    "Bạn là trợ lý của cơ quan nhà nước. Chỉ diễn đạt lại ngắn gọn, dễ hiểu nội dung các đoạn trích dưới đây "
    "để trả lời câu hỏi. Không thêm thông tin không có trong đoạn trích. Giữ số hiệu trích dẫn [1], [2]."
)


def _compose(result: Result) -> tuple[str, str]:
    """Extractive answer, or the LLM's rephrasing of it with unsupported sentences removed."""
    sources = [Source(p.document, p.heading, p.text, p.link) for p in result.passages]
    extractive = extractive_answer(result.question, sources)
    if not llm.enabled():
        return extractive, "extractive"
    quoted = "\n\n".join(f"[{n}] {s.document} › {s.heading}\n{s.text}" for n, s in enumerate(sources, start=1))
    try:
        draft = llm.chat([
            {"role": "system", "content": LLM_PROMPT},
            {"role": "user", "content": f"Đoạn trích:\n{quoted}\n\nCâu hỏi: {result.question}"},
        ])
    except llm.LLMError:
        return extractive, "extractive"
    kept, removed = check_support(draft, sources)
    if removed:
        logger.info("LLM sentences removed as unsupported: %d", len(removed))
    if not kept.strip():
        return extractive, "extractive"
    return kept, "llm"


def ask(*, question: str, store: bool = True) -> Answer:
    """Answer ``question`` from the knowledge base and (unless ``store`` is False) keep a record of it."""
    started = time.perf_counter()
    text = normalise(question)
    if not text:
        raise ValueError(_("Bạn chưa nhập câu hỏi."))
    result = engine.get_index().answer(text)
    status = result.status
    if status == Question.Status.ANSWERED:
        answer_text, composer = _compose(result)
    else:
        answer_text, composer = refusal_text(status), "none"
    sources = [
        {"passage": p.key, "document": p.document, "heading": p.heading, "score": round(result.score_of(p.key), 3),
         "link": p.link}
        for p in (result.passages if status == Question.Status.ANSWERED else [])
    ]
    suggestions = ([{"heading": p.heading or p.document, "document": p.document, "link": p.link}
                    for p in result.suggestions] if status == Question.Status.NEEDS_CLARIFICATION else [])
    latency = int((time.perf_counter() - started) * 1000)
    record = None
    if store:
        record = Question.objects.create(
            text=text[:500], prepared=result.prepared[:1000], status=status, answer=answer_text,
            composer=composer, sources=sources, latency_ms=latency,
            # Greetings and out-of-scope questions are not gaps in the knowledge base.
            review=Question.Review.OPEN if status in (Question.Status.UNANSWERABLE,
                                                       Question.Status.NEEDS_CLARIFICATION,
                                                       Question.Status.ANSWERED) else Question.Review.DISMISSED,
        )
    return Answer(record, status, answer_text, sources, suggestions, latency)


def question_feedback(*, question: Question, helpful: bool) -> Question:
    question.feedback = Question.Feedback.HELPFUL if helpful else Question.Feedback.NOT_HELPFUL
    question.save(update_fields=["feedback"])
    return question


@transaction.atomic
def faq_answer(*, question: Question, question_text: str, answer_text: str, unit: Unit,
               user: Any) -> KnowledgeDoc:
    """Staff answer a candidate: the pair joins the unit's FAQ document and the index at once."""
    name = f"hoi-dap-bo-sung-{unit.pk}.md"
    existing = KnowledgeDoc.objects.filter(name=name, unit=unit).first()
    body = existing.body if existing else f"# Hỏi đáp bổ sung — {unit.name}\n"
    heading = " ".join(question_text.split())[:300]
    if not heading.endswith("?"):
        heading += "?"
    body = f"{body.rstrip()}\n\n## {heading}\n{answer_text.strip()}\n"
    doc = kb_add_document(name=name, text=body, kind=KnowledgeDoc.Kind.FAQ, unit=unit,
                          title=f"Hỏi đáp bổ sung — {unit.name}")
    question.review, question.reviewed_by, question.faq_document = Question.Review.ANSWERED, user, doc
    question.save(update_fields=["review", "reviewed_by", "faq_document"])
    return doc


def question_dismiss(*, question: Question, user: Any) -> Question:
    question.review, question.reviewed_by = Question.Review.DISMISSED, user
    question.save(update_fields=["review", "reviewed_by"])
    return question
