"""Public pages (no login, no personal data) and the staff pages that handle citizen feedback."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lantoa.assistant import conf
from lantoa.assistant.models import KnowledgeDoc, Passage, Question
from lantoa.assistant.services import ask, question_feedback
from lantoa.portal import abuse
from lantoa.portal.access import (
    can_see_contact,
    feedback_for_handle,
    feedback_for_view,
    feedback_visible,
    publishing_units,
)
from lantoa.portal.forms import AskForm, FeedbackForm, NewsForm, PracticeForm, ReplyForm
from lantoa.portal.models import Campaign, Feedback, NewsPost, Practice
from lantoa.portal.services import (
    feedback_reply,
    feedback_submit,
    feedback_topics_by_area,
    news_publish,
    practice_publish,
)
from lantoa.units.access import require, scope_for, staff_required

SESSION_QUESTIONS = "portal_questions"


def _faq(limit: int = 8) -> list[Passage]:
    return list(Passage.objects.filter(document__kind=KnowledgeDoc.Kind.FAQ, document__is_public=True)
                .select_related("document").order_by("document__title", "position")[:limit])


def _ask_context() -> dict[str, object]:
    return {"ask_form": AskForm(), "form_ts": abuse.form_token()}


def index(request: HttpRequest) -> HttpResponse:
    context = {
        "campaigns": Campaign.objects.published().select_related("unit")[:6],
        "news": NewsPost.objects.published().select_related("unit")[:5],
        "guides": KnowledgeDoc.objects.public().exclude(kind=KnowledgeDoc.Kind.FAQ),
        "practices": Practice.objects.published().select_related("area")[:3],
        "faq": _faq(),
        **_ask_context(),
    }
    return render(request, "portal/index.html", context)


def campaign(request: HttpRequest, slug: str) -> HttpResponse:
    page = get_object_or_404(Campaign.objects.published().select_related("unit", "plan"), slug=slug)
    plan = page.plan
    # Seed 001 is the property of Party agencies: an internal plan shows nothing beyond the campaign's own text.
    plan_public = plan is not None and plan.visibility != plan.Visibility.INTERNAL
    library = []
    if plan_public:
        from lantoa.plans.models import Activity

        library = list(Activity.objects.shared().filter(plan=plan).exclude(kind=Activity.Kind.NEWS)
                       .select_related("unit")[:12])
    context = {
        "page": page,
        "plan": plan if plan_public else None,
        "phases": list(plan.phases.all()) if plan_public else [],
        "news": page.news.published().select_related("unit")[:10],
        "library": library,
        "guides": KnowledgeDoc.objects.public().exclude(kind=KnowledgeDoc.Kind.FAQ),
        "faq": _faq(),
        **_ask_context(),
    }
    return render(request, "portal/campaign.html", context)


def guide(request: HttpRequest, slug: str) -> HttpResponse:
    document = get_object_or_404(
        KnowledgeDoc.objects.public().prefetch_related(Prefetch("passages", Passage.objects.order_by("position"))),
        slug=slug,
    )
    return render(request, "portal/guide.html", {"document": document, **_ask_context()})


def practices(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("loai", "")
    items = Practice.objects.published().select_related("area", "unit")
    if kind in Practice.Kind.values:
        items = items.filter(kind=kind)
    page = Paginator(items, 20).get_page(request.GET.get("trang"))
    return render(request, "portal/practices.html", {"page": page, "kind": kind, "kinds": Practice.Kind.choices})


@require_http_methods(["GET", "POST"])
def ask_view(request: HttpRequest) -> HttpResponse:
    """The assistant box: a plain form that htmx upgrades to an in-place answer."""
    template = "portal/_answer.html" if request.htmx else "portal/ask.html"  # type: ignore[attr-defined]
    if request.method != "POST":
        return render(request, "portal/ask.html", _ask_context())
    form = AskForm(request.POST)
    context: dict[str, object] = {"ask_form": form, "form_ts": abuse.form_token()}
    if abuse.looks_automated(request.POST, min_seconds=1):
        context["error"] = _("Không gửi được câu hỏi. Vui lòng tải lại trang và thử lại.")
        return render(request, template, context, status=400)
    if abuse.rate_limited(request, "ask", conf.get("ASSISTANT_RATE_LIMIT")):
        context["error"] = _("Bạn đã hỏi quá nhiều câu trong thời gian ngắn. Vui lòng đợi một phút rồi hỏi tiếp.")
        return render(request, template, context, status=429)
    if not form.is_valid():
        context["error"] = " ".join(str(e) for errors in form.errors.values() for e in errors)
        return render(request, template, context, status=400)
    answer = ask(question=form.cleaned_data["q"])
    if answer.question is not None:
        # Only the browser that asked may rate the answer: the ids live in its session, not in the page.
        request.session[SESSION_QUESTIONS] = [*request.session.get(SESSION_QUESTIONS, [])[-19:], answer.question.pk]
    context.update({"answer": answer, "asked": form.cleaned_data["q"]})
    return render(request, template, context)


@require_POST
def answer_feedback(request: HttpRequest, pk: int) -> HttpResponse:
    if pk not in request.session.get(SESSION_QUESTIONS, []):
        return render(request, "portal/_thanks.html", {"error": _("Không tìm thấy câu hỏi.")}, status=404)
    question = get_object_or_404(Question, pk=pk)
    question_feedback(question=question, helpful=request.POST.get("helpful") == "1")
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "portal/_thanks.html", {})
    messages.success(request, _("Cảm ơn bạn đã đánh giá câu trả lời."))
    return redirect("portal:ask")


@require_http_methods(["GET", "POST"])
def feedback(request: HttpRequest) -> HttpResponse:
    form = FeedbackForm(request.POST or None)
    context: dict[str, object] = {"form": form, "form_ts": abuse.form_token()}
    if request.method == "POST":
        if abuse.looks_automated(request.POST):
            context["error"] = _("Không gửi được ý kiến. Vui lòng đợi vài giây, tải lại trang và gửi lại.")
            return render(request, "portal/feedback.html", context, status=400)
        if abuse.rate_limited(request, "feedback", conf.get("FEEDBACK_RATE_LIMIT")):
            context["error"] = _("Bạn đã gửi nhiều ý kiến trong thời gian ngắn. Vui lòng thử lại sau.")
            return render(request, "portal/feedback.html", context, status=429)
        if form.is_valid():
            data = form.cleaned_data
            item = feedback_submit(topic=data["topic"], area=data["area"], message=data["message"],
                                   contact=data["contact"])
            messages.success(request, _("Đã nhận ý kiến của bạn. Hãy lưu mã tra cứu để xem trả lời."))
            return redirect(item.get_status_url())
    return render(request, "portal/feedback.html", context)


def feedback_status(request: HttpRequest, code: str) -> HttpResponse:
    item = get_object_or_404(Feedback.objects.select_related("area", "unit"), code=code[:16])
    return render(request, "portal/feedback_status.html", {"item": item})


# Staff ----------------------------------------------------------------------------------------------------

@staff_required
def feedback_inbox(request: HttpRequest) -> HttpResponse:
    items = feedback_visible(request).select_related("area", "unit")
    status = request.GET.get("trang_thai", "")
    if status in Feedback.Status.values:
        items = items.filter(status=status)
    page = Paginator(items, 30).get_page(request.GET.get("trang"))
    return render(request, "portal/feedback_inbox.html",
                  {"page": page, "status": status, "statuses": Feedback.Status.choices})


@staff_required
@require_http_methods(["GET", "POST"])
def feedback_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = feedback_for_view(request, pk)
    can_handle = item.unit is not None and scope_for(request).can_edit_unit(item.unit)
    form = ReplyForm(request.POST or None, initial={"reply": item.public_reply})
    if request.method == "POST":
        item = feedback_for_handle(request, pk)
        if form.is_valid():
            feedback_reply(feedback=item, reply=form.cleaned_data["reply"], close=form.cleaned_data["close"],
                           user=request.user)  # type: ignore[arg-type]
            messages.success(request, _("Đã lưu trả lời."))
            return redirect("portal:feedback_detail", pk=item.pk)
    return render(request, "portal/feedback_detail.html", {
        "item": item, "form": form, "can_handle": can_handle, "show_contact": can_see_contact(request, item),
    })


@staff_required
def feedback_stats(request: HttpRequest) -> HttpResponse:
    rows = feedback_topics_by_area(queryset=feedback_visible(request))
    return render(request, "portal/feedback_stats.html", {"rows": rows})


@staff_required
@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest) -> HttpResponse:
    """Publish official news and model practices for the user's units."""
    units = publishing_units(request)
    action = request.POST.get("action", "")
    news_form = NewsForm(request.POST if action == "news" else None, units=units, prefix="news")
    practice_form = PracticeForm(request.POST if action == "practice" else None, units=units, prefix="practice")
    if request.method == "POST":
        require(units.exists())
        if action == "news" and news_form.is_valid():
            news_publish(**{k: news_form.cleaned_data[k] for k in ("unit", "title", "summary", "link")})
            messages.success(request, _("Đã đăng tin."))
            return redirect("portal:manage")
        if action == "practice" and practice_form.is_valid():
            data = practice_form.cleaned_data
            practice_publish(unit=data["unit"], area=data["unit"].area, kind=data["kind"], title=data["title"],
                             summary=data["summary"], link=data["link"], year=data["year"])
            messages.success(request, _("Đã giới thiệu mô hình."))
            return redirect("portal:manage")
    unit_ids = list(units.values_list("pk", flat=True))
    return render(request, "portal/manage.html", {
        "news_form": news_form, "practice_form": practice_form, "can_publish": bool(unit_ids),
        "news": NewsPost.objects.filter(unit_id__in=unit_ids).select_related("unit")[:20],
        "practices": Practice.objects.filter(unit_id__in=unit_ids).select_related("unit")[:20],
    })
