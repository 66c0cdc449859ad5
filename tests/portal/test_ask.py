"""The public assistant box: answers with citations, bad input, HTML, floods, rating an answer."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from lantoa.assistant.models import Question
from tests.portal.conftest import old_token

pytestmark = pytest.mark.django_db

ASK = reverse("portal:ask")


def post(client: Client, question: str, **extra: object) -> object:
    return client.post(ASK, {"q": question, "ts": old_token(), "website": "", **extra}, **{"HTTP_HX_REQUEST": "true"})


def test_unaccented_question_gets_an_answer_with_a_citation(demo_kb: object) -> None:
    response = post(Client(), "quen mat khau vneid thi lay lai the nao")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Quên mật khẩu" in html and "/cong-thong-tin/huong-dan/vneid-tai-khoan-dinh-danh-muc-2/#doan-" in html
    assert "<html" not in html  # htmx gets the fragment only
    assert Question.objects.get().status == "answered"


def test_without_htmx_the_whole_page_comes_back(demo_kb: object) -> None:
    response = Client().post(ASK, {"q": "Bình dân học vụ số là gì?", "ts": old_token()})
    assert response.status_code == 200 and "<html" in response.content.decode()
    assert "Nguồn" in response.content.decode()


@pytest.mark.parametrize(("question", "message"), [
    ("", "Bạn chưa nhập câu hỏi."),
    ("   ", "Bạn chưa nhập câu hỏi."),
    ("?!…", "Bạn chưa nhập câu hỏi."),
    ("a" * 10_000, "Câu hỏi quá dài: tối đa 500 ký tự"),
])
def test_bad_questions_get_a_clear_message_and_nothing_is_stored(demo_kb: object, question: str, message: str) -> None:
    response = post(Client(), question)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Question.objects.exists()


def test_html_in_a_question_is_never_rendered_and_not_stored(demo_kb: object) -> None:
    response = post(Client(), "<script>alert('x')</script><img src=x onerror=alert(1)> cách kích hoạt VNeID?")
    html = response.content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html  # the asked text is shown escaped
    stored = Question.objects.get()
    assert "<" not in stored.text and "script" not in stored.text.split("alert")[0]


def test_honeypot_and_missing_token_refuse_without_storing(demo_kb: object) -> None:
    client = Client()
    assert post(client, "Bình dân học vụ số là gì?", website="http://spam").status_code == 400
    response = client.post(ASK, {"q": "Bình dân học vụ số là gì?"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400 and "tải lại trang" in response.content.decode()
    assert not Question.objects.exists()


def test_a_flood_of_questions_is_rate_limited_per_ip(demo_kb: object, settings: object) -> None:
    settings.ASSISTANT_RATE_LIMIT = "3/60"  # type: ignore[attr-defined]
    client = Client(REMOTE_ADDR="203.0.113.7")
    codes = [post(client, "Xin chào").status_code for _ in range(6)]
    assert codes == [200, 200, 200, 429, 429, 429]
    assert Question.objects.count() == 3
    assert "quá nhiều câu" in post(client, "Xin chào").content.decode()
    # Another citizen is not punished for the flood.
    assert post(Client(REMOTE_ADDR="203.0.113.8"), "Xin chào").status_code == 200


def test_only_the_asker_may_rate_the_answer(demo_kb: object) -> None:
    client = Client()
    post(client, "Tài khoản VNeID bị khóa phải làm sao?")
    question = Question.objects.get()
    url = reverse("portal:answer_feedback", kwargs={"pk": question.pk})
    assert Client().post(url, {"helpful": "0"}).status_code == 404
    response = client.post(url, {"helpful": "0"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "Cảm ơn" in response.content.decode()
    question.refresh_from_db()
    assert question.feedback == "not_helpful"
    assert list(Question.objects.candidates()) == [question]  # a badly rated answer goes to staff


def test_the_ask_page_and_box_work_without_javascript(demo_kb: object) -> None:
    html = Client().get(ASK).content.decode()
    assert 'action="/cong-thong-tin/hoi-dap/"' in html and 'name="ts"' in html and 'name="website"' in html
    assert "<script>" not in html.replace('<script src="', "")  # no inline scripts under the CSP
