"""Knowledge base (documents → passages with vectors) and the questions citizens asked."""

from __future__ import annotations

import numpy as np
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lantoa.lib.qa import routing
from lantoa.units.models import Unit


class KnowledgeDocQuerySet(models.QuerySet["KnowledgeDoc"]):
    def public(self) -> KnowledgeDocQuerySet:
        return self.filter(is_public=True)


class KnowledgeDoc(models.Model):
    class Kind(models.TextChoices):
        GUIDE = "guide", _("Hướng dẫn")
        FAQ = "faq", _("Hỏi đáp")
        OFFICIAL = "official", _("Văn bản chính thức")
        PLAN = "plan", _("Kế hoạch (phần công khai)")

    name = models.CharField(_("tên tệp"), max_length=255)
    title = models.CharField(_("tiêu đề"), max_length=500)
    slug = models.SlugField(_("đường dẫn"), max_length=120, unique=True)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices, default=Kind.GUIDE)
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị quản lý"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="knowledge_docs")
    source_url = models.URLField(_("nguồn gốc"), max_length=500, blank=True)
    body = models.TextField(_("nội dung"))
    content_hash = models.CharField(max_length=64, editable=False)
    # Public documents are shown in full on the portal, cited with a link and used to answer citizens.
    # Internal ones stay in the base for staff (a draft, a text marked for Party agencies only).
    is_public = models.BooleanField(_("công khai, dùng để trả lời người dân"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["body"])

    objects = KnowledgeDocQuerySet.as_manager()

    class Meta:
        verbose_name = _("tài liệu hỏi đáp")
        verbose_name_plural = _("tài liệu hỏi đáp")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    @property
    def owning_unit(self) -> Unit | None:
        return self.unit

    def get_public_url(self) -> str:
        return reverse("portal:guide", kwargs={"slug": self.slug})


class Passage(models.Model):
    document = models.ForeignKey(KnowledgeDoc, on_delete=models.CASCADE, related_name="passages")
    position = models.PositiveIntegerField()
    heading = models.CharField(max_length=500, blank=True)
    text = models.TextField()
    # float32 embedding (384 values) of "passage: <title> › <heading>\n<text>"; searched in-process.
    vector = models.BinaryField()

    class Meta:
        ordering = ["document_id", "position"]
        constraints = [models.UniqueConstraint(fields=["document", "position"], name="passage_unique_position")]

    def __str__(self) -> str:
        return f"{self.document.title} › {self.heading}"

    @property
    def anchor(self) -> str:
        return f"doan-{self.position}"

    def get_public_url(self) -> str:
        return f"{self.document.get_public_url()}#{self.anchor}"

    def as_array(self) -> np.ndarray:
        return np.frombuffer(bytes(self.vector), dtype=np.float32)


class QuestionQuerySet(models.QuerySet["Question"]):
    def candidates(self) -> QuestionQuerySet:
        """FAQ candidates: refused in-domain questions and answers citizens rated unhelpful."""
        refused = models.Q(status__in=[Question.Status.UNANSWERABLE, Question.Status.NEEDS_CLARIFICATION])
        disliked = models.Q(feedback=Question.Feedback.NOT_HELPFUL)
        return self.filter(refused | disliked).filter(review=Question.Review.OPEN)


class Question(models.Model):
    """One question as asked: no name, no IP address, nothing that identifies the citizen."""

    class Status(models.TextChoices):
        ANSWERED = routing.ANSWERED, _("Đã trả lời")
        NEEDS_CLARIFICATION = routing.NEEDS_CLARIFICATION, _("Cần hỏi rõ hơn")
        UNANSWERABLE = routing.UNANSWERABLE, _("Chưa có câu trả lời")
        OUT_OF_SCOPE = routing.OUT_OF_SCOPE, _("Ngoài phạm vi")
        GREETING = routing.GREETING, _("Lời chào")

    class Feedback(models.TextChoices):
        HELPFUL = "helpful", _("Hữu ích")
        NOT_HELPFUL = "not_helpful", _("Chưa hữu ích")

    class Review(models.TextChoices):
        OPEN = "open", _("Chờ xử lý")
        ANSWERED = "answered", _("Đã bổ sung vào hỏi đáp")
        DISMISSED = "dismissed", _("Bỏ qua")

    text = models.CharField(_("câu hỏi"), max_length=500)
    prepared = models.CharField(_("câu hỏi đã chuẩn hoá"), max_length=1000, blank=True)
    status = models.CharField(_("kết quả"), max_length=24, choices=Status.choices, db_index=True)
    answer = models.TextField(_("câu trả lời"), blank=True)
    composer = models.CharField(max_length=12, default="extractive")  # or "llm"
    # [{"passage": pk, "document": title, "heading": …, "score": …, "link": …}]
    sources = models.JSONField(default=list, blank=True)
    latency_ms = models.PositiveIntegerField(default=0)
    feedback = models.CharField(_("đánh giá"), max_length=12, choices=Feedback.choices, blank=True)
    review = models.CharField(_("xử lý"), max_length=10, choices=Review.choices, default=Review.OPEN,
                              db_index=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    faq_document = models.ForeignKey(KnowledgeDoc, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="from_questions")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def owning_unit(self) -> None:
        return None
