"""The answerability checks: focus words a passage must contain, and the kind of value a question asks for."""

from __future__ import annotations

from lantoa.lib.qa.answerability import (
    COUNT,
    DURATION,
    MONEY,
    PERCENT,
    PHONE,
    SCHEDULE,
    FocusIndex,
    expected_answer,
    focus_words,
    satisfies,
)
from lantoa.lib.qa.routing import ANSWERED, UNANSWERABLE, Hit, Thresholds, route

LEXICON = {"chứng chỉ", "bình dân", "học vụ", "tổ dân phố", "thí mạng", "số học", "điện thoại", "thông minh"}


def test_focus_words_keep_dictionary_words_whole_and_drop_question_frames() -> None:
    focus = focus_words("Lớp Bình dân học vụ số có cấp chứng chỉ không?", LEXICON)
    assert "chung chi" in focus.words  # one word, not the common syllables "chứng" and "chỉ"
    assert not {"co", "khong"} & set(focus.words)
    assert focus_words("Phường Vĩnh Tuy có bao nhiêu tổ dân phố?", LEXICON).words[-1] == "to dan pho"


def test_a_dictionary_match_through_a_function_word_is_not_taken() -> None:
    # "thì mang" restored as "thí mạng" (a real word) must not become a focus word the guide lacks.
    assert "thi mang" not in focus_words("mở khoá tài khoản thí mạng gì", LEXICON, typed_marks=False).words
    # With typed marks the marked form decides: "chỉ" is not the pronoun "chị".
    assert "chung chi" in focus_words("có cấp chứng chỉ không", LEXICON, typed_marks=True).words


def test_context_clauses_are_marked() -> None:
    focus = focus_words("Tôi ở quê, muốn học dùng điện thoại thông minh thì đăng ký ở đâu?", LEXICON)
    assert [focus.words[k] for k in sorted(focus.context)] == ["que"]


GUIDES = [
    "Bình dân học vụ số là gì\nPhong trào toàn dân học tập kiến thức và kỹ năng số.",
    "Tham gia Bình dân học vụ số › Học những gì\nNội dung học gồm kỹ năng số thiết yếu: dùng điện thoại thông "
    "minh, cài ứng dụng VNeID.",
    "Địa chỉ mới sau sắp xếp\nĐịa chỉ ghi theo hai cấp: xã, phường và tỉnh.",
    "Giấy tờ\nThẻ căn cước, giấy khai sinh đã cấp vẫn có giá trị.",
]


def test_missing_focus_share_tells_topic_from_answer() -> None:
    index = FocusIndex(GUIDES)
    certificate = index.words("Lớp Bình dân học vụ số có cấp chứng chỉ không?")
    share, absent = index.missing(certificate, 0)
    assert "chung chi" in absent and share > Thresholds().max_missing
    learn = index.words("Tham gia bình dân học vụ số học những gì?")
    # "số học" (arithmetic) is another reading of "học vụ số" + "học những": not a missing word.
    assert index.missing(learn, 1)[0] <= Thresholds().max_missing


def test_citizen_words_and_borrowed_words() -> None:
    index = FocusIndex(GUIDES)
    share, absent = index.missing(index.words("Địa chỉ mới sau sáp nhập ghi như thế nào?"), 2)
    assert share == 0 and absent == []  # "sáp nhập" is what the guide calls "sắp xếp"
    assert index.weight("scan") == 0  # a borrowed word the base never uses proves nothing
    assert index.weight("chung chi") == max(index.weight(w) for w in ("xa", "chung chi", "ky nang"))


def test_expected_answer_types() -> None:
    assert expected_answer("Cấp phiếu lý lịch tư pháp bao lâu thì có kết quả?").kind == DURATION  # type: ignore[union-attr]
    assert expected_answer("Mã OTP có hiệu lực mấy phút?").kind == DURATION  # type: ignore[union-attr]
    assert expected_answer("Phí đăng ký khai sinh trực tuyến là bao nhiêu?").kind == MONEY  # type: ignore[union-attr]
    assert expected_answer("Được giảm bao nhiêu phần trăm lệ phí?").kind == PERCENT  # type: ignore[union-attr]
    assert expected_answer("Số điện thoại của Công an xã là gì?").kind == PHONE  # type: ignore[union-attr]
    assert expected_answer("Trung tâm có làm việc thứ Bảy không?").kind == SCHEDULE  # type: ignore[union-attr]
    count = expected_answer("Phường có bao nhiêu tổ dân phố?")
    assert count is not None and count.kind == COUNT and count.noun == "to dan"
    # Asking about a phone number, not for one; explaining, not counting.
    assert expected_answer("Đổi số điện thoại thì tài khoản có phải cập nhật không?") is None
    assert expected_answer("Bình dân học vụ số là gì?") is None


def test_a_passage_must_hold_the_value_asked_for() -> None:
    count = expected_answer("Cả nước có bao nhiêu tỉnh thành?")
    assert count is not None and satisfies(count, "Cả nước có 34 tỉnh, thành phố và 3.321 xã.")
    assert not satisfies(count, "Quý I/2026: quán triệt. Quý II/2026: triển khai.")
    money = expected_answer("Đăng ký tài khoản định danh mất bao nhiêu tiền?")
    assert money is not None and satisfies(money, "Việc đăng ký không mất phí.")
    assert not satisfies(money, "Bước 1: tải ứng dụng. Bước 2: nhập số định danh 12 số.")
    duration = expected_answer("Bao lâu thì có kết quả?")
    assert duration is not None and satisfies(duration, "Kết quả trả trong 15 ngày làm việc.")
    assert not satisfies(duration, "Bước 7: bấm Nộp hồ sơ.")
    # An FAQ entry written for the same kind of question answers it, whatever its wording.
    assert satisfies(money, "Theo Thông tư của Bộ Tài chính; hỏi Công an tỉnh.",
                     heading="Lệ phí cấp hộ chiếu là bao nhiêu?")


def test_routing_refuses_a_passage_on_the_topic_that_does_not_answer() -> None:
    def hit(**kw: object) -> Hit:
        return Hit(key=0, fused=0.03, dense=0.93, lexical=5.0, coverage=1.0, **kw)  # type: ignore[arg-type]

    question = "Lớp Bình dân học vụ số có cấp chứng chỉ không?"
    assert route(question, n_terms=6, domain_share=1, hits=[hit()]).status == ANSWERED
    assert route(question, n_terms=6, domain_share=1, hits=[hit(missing=0.6)]).status == UNANSWERABLE
    assert route(question, n_terms=6, domain_share=1, hits=[hit(type_ok=False)]).status == UNANSWERABLE
