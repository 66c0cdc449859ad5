"""Answering over the demo knowledge base: statuses, citations, storage, commands, staff loop, LLM path."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from lantoa.assistant.models import KnowledgeDoc, Question
from lantoa.assistant.services import ask, faq_answer, kb_add_document
from lantoa.lib.text import fold

pytestmark = pytest.mark.django_db

VNEID = "Hướng dẫn kích hoạt tài khoản định danh điện tử mức độ 2 trên ứng dụng VNeID"


def test_answer_quotes_the_guide_with_a_citation(demo_kb: object) -> None:
    answer = ask(question="Kích hoạt tài khoản VNeID mức 2 như thế nào?")
    assert answer.status == "answered"
    source = next(s for s in answer.sources if s["heading"] == "Các bước kích hoạt tài khoản trên điện thoại")
    assert source["document"] == VNEID
    assert str(source["link"]).startswith("/cong-thong-tin/huong-dan/") and "#doan-" in str(source["link"])
    assert "Bước 1: Tải ứng dụng VNeID" in answer.text and "[1]" in answer.text
    stored = Question.objects.get()
    assert stored.status == "answered" and source in stored.sources
    assert stored.latency_ms >= 0 and stored.composer == "extractive"


def test_question_without_tone_marks_finds_the_same_passage(demo_kb: object) -> None:
    marked = ask(question="Quên mật khẩu VNeID thì lấy lại thế nào?", store=False)
    unmarked = ask(question=fold("Quên mật khẩu VNeID thì lấy lại thế nào?"), store=False)
    assert marked.status == unmarked.status == "answered"
    assert marked.sources[0]["heading"] == unmarked.sources[0]["heading"] == "Quên mật khẩu hoặc mã bảo vệ passcode"


@pytest.mark.parametrize(("question", "status"), [
    ("Xin chào", "greeting"),
    ("tài khoản", "needs_clarification"),
    ("Lệ phí cấp hộ chiếu phổ thông là bao nhiêu?", "unanswerable"),
    ("Giá vàng hôm nay bao nhiêu?", "out_of_scope"),
    ("tk vneid bi khoa phai lam sao", "answered"),
])
def test_routing_statuses_on_the_demo_base(demo_kb: object, question: str, status: str) -> None:
    answer = ask(question=question)
    assert answer.status == status
    if status != "answered":
        assert answer.sources == [] and answer.text  # a refusal says why, and cites nothing
    if status == "needs_clarification":
        assert answer.suggestions


def test_unanswerable_questions_become_faq_candidates_and_staff_answers_enter_the_base(
    demo_kb: object, world: object
) -> None:
    question = "Lệ phí cấp hộ chiếu phổ thông là bao nhiêu?"
    first = ask(question=question)
    assert first.status == "unanswerable"
    assert list(Question.objects.candidates()) == [first.question]
    doc = faq_answer(question=first.question, question_text=question,  # type: ignore[arg-type]
                     answer_text="Lệ phí cấp hộ chiếu phổ thông theo Thông tư số 25/2021/TT-BTC; hỏi Công an tỉnh.",
                     unit=world.unit, user=world.users["owner"])  # type: ignore[attr-defined]
    assert doc.kind == KnowledgeDoc.Kind.FAQ and not Question.objects.candidates().exists()
    again = ask(question=question)
    assert again.status == "answered" and again.sources[0]["document"] == doc.title


def test_greetings_are_not_candidates(demo_kb: object) -> None:
    ask(question="Xin chào")
    ask(question="Giá vàng hôm nay bao nhiêu?")
    assert not Question.objects.candidates().exists()


def test_empty_question_is_refused_and_not_stored(demo_kb: object) -> None:
    with pytest.raises(ValueError, match="chưa nhập"):
        ask(question="   <b></b>  ")
    assert not Question.objects.exists()


def test_ask_command_prints_json(demo_kb: object) -> None:
    out = StringIO()
    call_command("ask", "dang nhap cong dich vu cong quoc gia bang gi", "--json", stdout=out)
    payload = json.loads(out.getvalue())
    assert set(payload) == {"status", "answer", "sources", "latency_ms"}
    assert payload["status"] == "answered"
    assert set(payload["sources"][0]) == {"document", "heading", "score"}
    assert payload["sources"][0]["heading"] == "Đăng nhập Cổng Dịch vụ công quốc gia"


def test_kb_import_reads_files_and_folders(db: object, embedding_model: object, tmp_path: Path) -> None:
    import docx

    folder = tmp_path / "kho"
    folder.mkdir()
    (folder / "huong-dan.txt").write_text("Hướng dẫn thử\n1. Đăng ký\nĐến Công an xã mang theo thẻ căn cước.\n",
                                          encoding="utf-8")
    document = docx.Document()
    document.add_paragraph("Cách nộp thuế đất trực tuyến")
    document.add_paragraph("Người dân nộp thuế đất qua Cổng Dịch vụ công quốc gia, mục thanh toán nghĩa vụ tài chính.")
    document.save(str(folder / "thue-dat.docx"))
    (folder / "anh.png").write_bytes(b"not imported")
    out = StringIO()
    call_command("kb_import", str(folder), stdout=out)
    names = set(KnowledgeDoc.objects.values_list("name", flat=True))
    assert names == {"huong-dan.txt", "thue-dat.docx"}
    assert "Đã nhập 2 tài liệu" in out.getvalue()
    # Re-import replaces, never duplicates.
    call_command("kb_import", str(folder / "huong-dan.txt"), stdout=StringIO())
    assert KnowledgeDoc.objects.count() == 2
    with pytest.raises(CommandError, match="Không tìm thấy"):
        call_command("kb_import", str(tmp_path / "khong-co.pdf"), stdout=StringIO())


# The LLM path: a fake OpenAI-compatible endpoint on 127.0.0.1 ------------------------------------------------

class _FakeLLM(BaseHTTPRequestHandler):
    reply = ""
    requests: list[dict[str, object]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append({"path": self.path, "body": body})
        data = json.dumps({"choices": [{"message": {"role": "assistant", "content": type(self).reply}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def fake_llm(settings: object) -> Iterator[type[_FakeLLM]]:
    server = HTTPServer(("127.0.0.1", 0), _FakeLLM)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.ASSISTANT_LLM_URL = f"http://127.0.0.1:{server.server_port}/v1"  # type: ignore[attr-defined]
    _FakeLLM.requests = []
    yield _FakeLLM
    server.shutdown()


def test_llm_rephrasing_keeps_only_supported_sentences(demo_kb: object, fake_llm: type[_FakeLLM]) -> None:
    fake_llm.reply = ("Bạn đến Công an cấp xã mang theo thẻ căn cước và điện thoại có số thuê bao chính chủ [1]. "
                      "Việc đăng ký tài khoản định danh điện tử không mất phí. "
                      "Lệ phí làm hộ chiếu là 200.000 đồng và nộp tại ngân hàng.")
    answer = ask(question="Đăng ký tài khoản định danh mức 2 ở đâu, cần mang gì?")
    assert answer.status == "answered"
    assert "Công an cấp xã" in answer.text and "không mất phí" in answer.text
    assert "200.000" not in answer.text and "hộ chiếu" not in answer.text
    assert answer.question is not None and answer.question.composer == "llm"
    request = fake_llm.requests[0]
    assert request["path"] == "/v1/chat/completions"
    assert "Công an cấp xã" in json.dumps(request["body"], ensure_ascii=False)  # the passages were sent


def test_llm_answer_with_nothing_supported_falls_back_to_quotes(demo_kb: object, fake_llm: type[_FakeLLM]) -> None:
    fake_llm.reply = "Theo tôi, bạn nên thuê dịch vụ làm hộ với giá 300.000 đồng cho nhanh."
    answer = ask(question="Đăng ký tài khoản định danh mức 2 ở đâu, cần mang gì?")
    assert answer.question is not None and answer.question.composer == "extractive"
    assert "300.000" not in answer.text and "Công an cấp xã" in answer.text


def test_llm_endpoint_down_still_answers(demo_kb: object, settings: object) -> None:
    settings.ASSISTANT_LLM_URL = "http://127.0.0.1:9/v1"  # type: ignore[attr-defined]
    settings.ASSISTANT_LLM_TIMEOUT = 1  # type: ignore[attr-defined]
    answer = ask(question="Tài khoản VNeID bị khóa phải làm sao?")
    assert answer.status == "answered" and answer.question is not None
    assert answer.question.composer == "extractive"


def test_changes_to_the_base_reach_the_index(demo_kb: object) -> None:
    question = "Lịch tiếp công dân của Chủ tịch xã Thanh Thủy vào ngày nào?"
    assert ask(question=question, store=False).status == "unanswerable"
    kb_add_document(name="tiep-cong-dan.md", kind=KnowledgeDoc.Kind.FAQ,
                    text="# Hỏi đáp xã Thanh Thủy\n## Lịch tiếp công dân của Chủ tịch xã Thanh Thủy?\n"
                         "Chủ tịch Ủy ban nhân dân xã tiếp công dân định kỳ vào sáng thứ Năm tuần thứ hai "
                         "hằng tháng.\n")
    answer = ask(question=question, store=False)
    assert answer.status == "answered" and "sáng thứ Năm" in answer.text


def test_internal_documents_never_answer_citizens(db: object, embedding_model: object) -> None:
    from lantoa.assistant import engine

    engine.reset()
    kb_add_document(name="noi-bo.md", is_public=False,
                    text="# Tài liệu nội bộ\n## Lịch họp Ban Chỉ đạo\n"
                         "Ban Chỉ đạo họp vào thứ Hai đầu tiên của tháng.\n")
    assert ask(question="Ban Chỉ đạo họp vào ngày nào trong tháng?", store=False).status != "answered"
    engine.reset()


@pytest.mark.parametrize("question", [
    # On the topic of a guide, in its own words, but asking what it never says (dev questions of the bench).
    "Lớp Bình dân học vụ số có cấp chứng chỉ không?",
    "Tổ công nghệ số cộng đồng có bao nhiêu thành viên?",
    "Cấp phiếu lý lịch tư pháp trực tuyến bao lâu thì có kết quả?",
    fold("Phí đăng ký khai sinh trực tuyến là bao nhiêu?"),
])
def test_questions_on_a_topic_the_base_does_not_answer_are_refused(demo_kb: object, question: str) -> None:
    answer = ask(question=question, store=False)
    assert answer.status == "unanswerable" and answer.sources == []


@pytest.mark.parametrize(("question", "heading"), [
    ("Địa chỉ mới sau sáp nhập ghi như thế nào?", "Địa chỉ mới sau sắp xếp ghi thế nào"),  # citizen's word
    (fold("Số tổng đài hỗ trợ cổng dịch vụ công là bao nhiêu?"), "Được hỗ trợ khi gặp khó khăn"),  # a number
])
def test_answerable_questions_pass_the_answerability_checks(demo_kb: object, question: str, heading: str) -> None:
    answer = ask(question=question, store=False)
    assert answer.status == "answered" and answer.sources[0]["heading"] == heading
