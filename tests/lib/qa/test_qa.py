"""The plain-Python retrieval pieces: terms, BM25, fusion, routing, passages, composer and support check."""

from __future__ import annotations

from lantoa.lib.qa.bm25 import BM25Index
from lantoa.lib.qa.compose import Source, check_support, extractive_answer, split_sentences
from lantoa.lib.qa.fusion import rrf
from lantoa.lib.qa.passages import split_passages
from lantoa.lib.qa.pipeline import has_marks, normalise
from lantoa.lib.qa.routing import (
    ANSWERED,
    GREETING,
    NEEDS_CLARIFICATION,
    OUT_OF_SCOPE,
    UNANSWERABLE,
    Hit,
    is_greeting,
    route,
)
from lantoa.lib.qa.tokens import content_terms, expand_abbreviations, index_terms, marked_terms, tokens


def test_abbreviations_citizens_type_are_expanded() -> None:
    assert expand_abbreviations("quên mk tk vneid") == "quên mật khẩu tài khoản VNeID"
    assert expand_abbreviations("nộp hs trên dvc bằng cccd") == "nộp hồ sơ trên dịch vụ công bằng căn cước công dân"
    # Whole words only: "tk" inside another word stays.
    assert expand_abbreviations("tkb lớp 6") == "tkb lớp 6"


def test_terms_are_folded_and_bigrams_survive_ambiguous_stopwords() -> None:
    assert tokens("Tài khoản ĐỊNH DANH") == ["tai", "khoan", "dinh", "danh"]
    assert "tai_khoan" in index_terms(tokens("tài khoản"))
    # "hồ sơ" folds to "ho so": neither syllable may be lost as filler.
    assert "ho_so" in index_terms(tokens("nộp hồ sơ"))
    assert content_terms("VNeID là gì?") == ["vneid"]
    assert marked_terms("Khóa tài khoản") == marked_terms("khoá TÀI KHOẢN")


def test_bm25_finds_the_passage_and_tolerates_one_typo() -> None:
    index = BM25Index.build(["Kích hoạt tài khoản định danh điện tử", "Nộp hồ sơ trực tuyến", "Thanh toán lệ phí"])
    assert index.search(index.query_terms("kich hoat tai khoan"))[0][0] == 0
    assert index.correct("kick") == "kich"
    assert index.search(index.query_terms("kick hoat"))[0][0] == 0
    assert index.search(index.query_terms("giá vàng")) == []


def test_rrf_rewards_agreement_between_rankings() -> None:
    fused = rrf([["a", "b", "c"], ["b", "c", "a"]])
    assert fused[0][0] == "b"
    assert {item for item, _ in fused} == {"a", "b", "c"}


def hit(dense: float, coverage: float, key: int = 0) -> Hit:
    return Hit(key=key, fused=0.03, dense=dense, lexical=5.0, coverage=coverage)


def test_routing_statuses() -> None:
    assert route("Xin chào!", n_terms=1, domain_share=1, hits=[hit(0.95, 1)]).status == GREETING
    assert is_greeting("chao ban") and not is_greeting("chào, cho hỏi cách kích hoạt VNeID")
    assert route("tài khoản", n_terms=2, domain_share=1, hits=[hit(0.9, 1)]).status == NEEDS_CLARIFICATION
    assert route("VNeID là gì?", n_terms=1, domain_share=1, hits=[hit(0.93, 1)]).status == ANSWERED
    answered = route("kích hoạt VNeID mức 2", n_terms=4, domain_share=1, hits=[hit(0.93, 0.9), hit(0.80, 0.1, 1)])
    assert answered.status == ANSWERED and [h.key for h in answered.hits] == [0]
    assert route("lệ phí hộ chiếu", n_terms=4, domain_share=0.8, hits=[hit(0.84, 0.3)]).status == UNANSWERABLE
    assert route("giá vàng hôm nay", n_terms=4, domain_share=0.1, hits=[hit(0.80, 0.0)]).status == OUT_OF_SCOPE


def test_passages_keep_their_headings() -> None:
    title, chunks = split_passages("# Hướng dẫn\n## Bước đăng ký\nĐến Công an xã.\n## Kích hoạt\nMở ứng dụng.\n",
                                   title="x.md")
    assert title == "Hướng dẫn"
    assert [(c.heading, c.text) for c in chunks] == [("Bước đăng ký", "Đến Công an xã."), ("Kích hoạt", "Mở ứng dụng.")]
    # DOCX/PDF text has no Markdown: numbered headings nest.
    _, chunks = split_passages("I. MỤC ĐÍCH\n1. Mục đích chung\n- Nâng cao nhận thức người dân về chuyển đổi số.\n")
    assert chunks[0].heading == "I. MỤC ĐÍCH › 1. Mục đích chung"


def test_long_sections_are_split_with_the_heading_repeated() -> None:
    body = "\n".join(f"Dòng thứ {i} nói về thủ tục hành chính trên môi trường số." for i in range(60))
    _, chunks = split_passages(f"# T\n## Mục dài\n{body}", max_chars=500)
    assert len(chunks) > 3 and all(c.heading == "Mục dài" and len(c.text) <= 560 for c in chunks)


def test_extractive_answer_only_quotes_with_citations() -> None:
    sources = [Source("Hướng dẫn VNeID", "Kích hoạt", "Bước 1: Tải ứng dụng VNeID."),
               Source("Hỏi đáp", "Phí", "Đăng ký không mất phí.")]
    answer = extractive_answer("kích hoạt", sources)
    assert answer == "Bước 1: Tải ứng dụng VNeID. [1]\n\nĐăng ký không mất phí. [2]"


def test_support_check_removes_invented_sentences() -> None:
    text = "Công dân đến Công an cấp xã để đăng ký tài khoản mức độ 2, không mất phí."
    sources = [Source("Hướng dẫn", "Đăng ký", text)]
    text = ("Bạn đến Công an cấp xã để đăng ký tài khoản mức độ 2 [1]. Việc đăng ký không mất phí. "
            "Phí làm thẻ là 50.000 đồng. Nên mang theo sổ hộ khẩu và giấy khai sinh bản gốc.")
    kept, removed = check_support(text, sources)
    assert "Công an cấp xã" in kept and "không mất phí" in kept
    assert removed == ["Phí làm thẻ là 50.000 đồng.", "Nên mang theo sổ hộ khẩu và giấy khai sinh bản gốc."]
    assert split_sentences("Một. Hai!\nBa") == ["Một.", "Hai!", "Ba"]


def test_normalise_strips_markup_and_masks_personal_numbers() -> None:
    text = normalise("<b>SĐT</b> 0912 345 678, CCCD 001203004005, a.b@mail.vn — ngày 1/7/2025 mức 2\x00")
    assert "<b>" not in text and "0912" not in text and "001203004005" not in text and "@" not in text
    assert "1/7/2025" in text and "mức 2" in text
    assert len(normalise("a" * 10_000)) == 500
    assert has_marks("đăng ký") and has_marks("Tài khoản") and not has_marks("tai khoan VNeID")


def test_a_quantity_question_needs_a_number_in_its_answer() -> None:
    from lantoa.lib.qa.routing import asks_quantity

    assert asks_quantity("Tổ công nghệ số được trả phụ cấp bao nhiêu?") and asks_quantity("mat bao lau")
    assert not asks_quantity("Đổi số điện thoại thì có phải cập nhật không?")
    no_number = Hit(key=0, fused=0.03, dense=0.95, lexical=5.0, coverage=1.0, has_number=False)
    assert route("Phụ cấp bao nhiêu?", n_terms=3, domain_share=1, hits=[no_number]).status == UNANSWERABLE
    assert route("Phụ cấp là gì?", n_terms=3, domain_share=1, hits=[no_number]).status == ANSWERED
