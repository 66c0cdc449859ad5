"""Decoding, highlighting, dedup, spikes, areas, extraction and tone — the plain pieces."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import numpy as np
import pytest

from lantoa.lib.monitoring import dedup, spikes, tone
from lantoa.lib.monitoring.areas import AreaMatcher, AreaRef, core_name, normalise_text
from lantoa.lib.monitoring.decode import decode_bytes
from lantoa.lib.monitoring.extract import ExtractError, hash_handle, parse_feed, parse_social_export
from lantoa.lib.monitoring.highlight import highlight

VIET = "Thông báo: xã Thanh Thủy hướng dẫn người dân sử dụng dịch vụ công trực tuyến."


def test_decode_utf8_even_when_declared_latin1():
    text, codec = decode_bytes(VIET.encode("utf-8"), "text/html; charset=iso-8859-1")
    assert text == VIET and codec == "utf-8"


def test_decode_windows_1258_with_wrong_declaration():
    # The fixture page: cp1258 bytes (tones as combining marks) under a Latin-1 label in header and <meta>.
    raw = (Path(__file__).resolve().parents[2] / "fixtures" / "monitoring" / "bai" / "cong-xa-cu.html").read_bytes()
    text, codec = decode_bytes(raw, "text/html; charset=iso-8859-1")
    assert codec == "cp1258"
    assert unicodedata.normalize("NFC", text) == text
    assert "Thanh Thủy" in text and "dịch vụ công trực tuyến" in text


def test_decode_never_raises():
    text, _ = decode_bytes(b"\xff\xfe\x81 <meta charset='khong-ton-tai'>", None)
    assert isinstance(text, str)


def test_highlight_in_original_text():
    out = highlight("Xã Thanh Thủy & chuyển đổi số", [("thanh", "thuy"), ("chuyen", "doi", "so")])
    assert out == "Xã <mark>Thanh Thủy</mark> &amp; <mark>chuyển đổi số</mark>"
    assert "<script>" not in highlight("<script>x</script> vneid", [("vneid",)])
    # A character that folds to two ("ো" → "ে" + "া") must not shift the marks that follow it.
    out = highlight("তো: Thanh Thủy", [("thanh", "thuy")])
    assert out == "তো: <mark>Thanh Thủy</mark>"


def test_canonical_url_drops_tracking_and_www():
    a = dedup.canonical_url("HTTP://www.BaoPhuTho.vn/bai/x.html/?utm_source=rss&b=2&a=1#binh-luan")
    assert a == "https://baophutho.vn/bai/x.html?a=1&b=2"
    assert dedup.url_hash("https://baophutho.vn/bai/x.html?fbclid=1") == dedup.url_hash("http://baophutho.vn/bai/x.html")


ARTICLE = (
    "Sau bốn tháng vận hành chính quyền địa phương hai cấp, xã Thanh Thủy đã đưa dịch vụ công trực tuyến đến gần "
    "hơn với người dân. Bộ phận một cửa của xã đã tiếp nhận hơn 3.200 hồ sơ, trong đó 95% được nộp qua cổng dịch "
    "vụ công trực tuyến. Xã thành lập 12 tổ công nghệ số cộng đồng tại các thôn, hướng dẫn bà con cài đặt VNeID."
)


def test_near_duplicates_share_band_keys_and_differ_from_others():
    edited = ARTICLE.replace("Thanh Thủy", "Thanh Thuỷ").replace("hơn 3.200", "gần 3.200") + " (Theo Báo Phú Thọ)"
    a, b = dedup.signature(ARTICLE), dedup.signature(edited)
    assert dedup.similarity(a, b) >= 0.6
    assert set(dedup.band_keys(a)) & set(dedup.band_keys(b))
    other = dedup.signature("Không khí lạnh tăng cường, miền Bắc trời rét về đêm và sáng, vùng núi dưới 10 độ.")
    assert dedup.similarity(a, other) < 0.2
    assert not set(dedup.band_keys(a)) & set(dedup.band_keys(other))


def test_spike_detection():
    assert spikes.detect(15, [2, 3, 1, 2, 4, 2, 3]).is_spike
    assert not spikes.detect(4, [2, 3, 1, 2, 4, 2, 3]).is_spike
    assert not spikes.detect(1, [0] * 14).is_spike  # one item after silence is not a spike
    flat = spikes.detect(6, [0] * 14)
    assert flat.is_spike and flat.std == 1.0


def test_area_mentions_resolve_by_context_or_stay_ambiguous():
    refs = [AreaRef(1, "Phú Thọ", "province", 1), AreaRef(2, "Xã Thanh Thuỷ", "commune", 1),
            AreaRef(3, "Lâm Đồng", "province", 3), AreaRef(4, "Xã Thanh Thủy", "commune", 3),
            AreaRef(5, "Phường Vĩnh Tuy", "commune", 6), AreaRef(6, "Hà Nội", "province", 6),
            AreaRef(7, "Xã Hòa Bình", "commune", 1)]
    matcher = AreaMatcher(refs)
    found = {(m.area_id, m.ambiguous) for m in matcher.find("Xã Thanh Thủy (tỉnh Phú Thọ) làm tốt")}
    assert found == {(2, False), (1, False)}
    alone = {(m.area_id, m.ambiguous) for m in matcher.find("xa thanh thuy lam tot")}
    assert alone == {(2, True), (4, True)}
    assert {m.area_id for m in matcher.find("phuong Vinh Tuy")} == {5}
    assert matcher.find("vì hòa bình thế giới") == []  # bare commune names are ordinary words
    assert core_name("Thành phố Hà Nội") == "ha noi"


def test_normalise_text():
    assert normalise_text("  a\u200b b \n\n\n c ") == "a b \n\n c"
    assert normalise_text("a\tb\r\nc  d \fe\vf") == "a b \nc d e f"
    assert normalise_text("một dòng\nhai dòng") == "một dòng\nhai dòng"


def test_feed_parsing_drops_authors():
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
    <item><title>Tin</title><link>/bai/1.html</link><author>a@b.vn (Nguyen Van A)</author></item></channel></rss>"""
    entries, warning = parse_feed(feed, base_url="https://bao.vn/rss")
    assert entries[0].url == "https://bao.vn/bai/1.html" and not warning
    assert "Nguyen" not in repr(entries[0])


def test_not_a_feed():
    with pytest.raises(ExtractError) as exc:
        parse_feed(b"<html><body>404</body></html>", base_url="https://bao.vn/")
    assert exc.value.code == "not_feed"


def test_social_export_hashes_handles_and_drops_people():
    csv = ("Permalink,Page name,Publish time,Message,Reach\n"
           "https://fb.com/trang/posts/1,Nguyễn Văn A,11/20/2025 19:30,Hướng dẫn cài VNeID,1.200\n").encode()
    entries = parse_social_export(csv, filename="x.csv", salt="muoi")
    assert entries[0].reach == 1200 and entries[0].handle_hash == hash_handle("nguyễn văn a", salt="muoi")
    assert "Nguyễn Văn A" not in repr(entries[0])
    assert hash_handle("@abc", salt="1") != hash_handle("@abc", salt="2")


def test_lexicon_tone():
    assert tone.lexicon_label("Người dân bức xúc vì hệ thống lỗi, nộp hồ sơ không được") == "neg"
    assert tone.lexicon_label("Người dân rất hài lòng, thủ tục nhanh gọn, thuận tiện") == "pos"
    assert tone.lexicon_label("UBND xã ban hành kế hoạch năm 2025") == "neu"
    assert tone.lexicon_label("Dịch vụ không hiệu quả") != "pos"


def test_tone_split_is_stable_and_disjoint():
    rows = tone.load_sentences()
    held = [t for _, t in rows if tone.is_held_out(t)]
    assert 0.15 < len(held) / len(rows) < 0.35
    assert {label for label, _ in rows} == set(tone.LABELS)


def test_tone_metrics():
    matrix = tone.confusion([0, 1, 2, 2], [0, 1, 2, 1])
    assert matrix.tolist() == [[1, 0, 0], [0, 1, 0], [0, 1, 1]]
    assert tone.macro_f1(np.eye(3, dtype=int) * 5) == 1.0


@pytest.mark.parametrize("text", [
    "Xã Thanh Thủy, THANH THUỶ, Đắk Lắk — “chuyển đổi số” …", "Hoà Hòa HOÀ", "İstanbul ǅ ß ﬁ", "Ελληνικά ά",
    "1 ≠ 2", "ガ ギ", "a\u20d0b", "tổng︠ hợp", "a\u034fb", "שָׁלוֹם", "नमस्ते", "Ðà Đà đà ð",
    unicodedata.normalize("NFD", "Nguyễn Đức Thuận"), "  nhiều   khoảng\ttrắng\n", "",
])
def test_fold_fast_equals_fold(text):
    from lantoa.lib.monitoring.textkey import fold_fast
    from lantoa.lib.text import fold

    assert fold_fast(text) == fold(text)


def test_fold_fast_equals_fold_for_every_character():
    from lantoa.lib.monitoring.textkey import fold_fast
    from lantoa.lib.text import fold

    # Each character alone; marks and decomposable characters also after a Vietnamese letter.
    chars = [chr(cp) for cp in range(0x80, 0x110000) if not 0xD800 <= cp < 0xE000]
    texts = chars + [f"ư{ch}x" for ch in chars if unicodedata.combining(ch) or unicodedata.decomposition(ch)]
    differ = [text for text in texts if fold_fast.__wrapped__(text) != fold(text)]
    assert not differ, differ[:10]


def test_fold_fast_on_fixture_pages():
    from lantoa.lib.monitoring.textkey import fold_fast
    from lantoa.lib.text import fold

    for page in (Path(__file__).resolve().parents[2] / "fixtures" / "monitoring" / "bai").glob("*.html"):
        text = decode_bytes(page.read_bytes())[0]
        assert fold_fast(text) == fold(text), page.name


@pytest.mark.parametrize("text", [
    "Chuyển đổi số: “Bình dân học vụ số” – 100% xã, phường… (đợt 1)", "snake_case và a-b/c", "Straße øre ½ x²",
    "Ελληνικά 123", "ガ ギ ٣", "", "   ",
])
def test_word_tokens_are_the_letters_and_digits_of_the_folded_text(text):
    from lantoa.lib.monitoring.query import TOKEN, tokens
    from lantoa.lib.text import fold

    assert tokens(text) == TOKEN.findall(fold(text))
    assert tokens("Thủy, THUỶ; thuỷ") == ["thuy", "thuy", "thuy"]


@pytest.mark.parametrize("text", [
    "", "một", "một hai ba", "Xã Thanh Thủy đẩy mạnh chuyển đổi số, hướng dẫn người dân cài đặt VNeID",
    " ".join(f"từ{i} số {i % 7}" for i in range(900)), "một hai ba bốn", "Ελληνικά λέξεις και ガ ギ 123 năm",
    "số số số số số số số số",
])
def test_signature_equals_datasketch_minhash(text):
    """Signatures already stored were made by datasketch itself: the faster path must give the same values."""
    from datasketch import MinHash

    expected = MinHash(num_perm=dedup.NUM_PERM, seed=57)
    found = dedup.shingles(text)
    if found:
        expected.update_batch([shingle.encode() for shingle in found])
    assert dedup.signature(text).tolist() == expected.hashvalues.astype(np.uint32).tolist()


@pytest.mark.parametrize("query", [
    '"chuyen doi so" OR "dich vu cong"', 'vneid AND NOT "lua dao"', '"hai cap" NEAR/3 "chinh quyen"',
    '(thanh thuy OR "vinh tuy") AND chuyen doi so', "-vneid",
])
def test_document_limited_to_the_query_words_matches_the_same_spans(query):
    from lantoa.lib.monitoring.query import Document, first_words, parse, spans

    node = parse(query)
    for text in ["Xã Thanh Thủy đẩy mạnh chuyển đổi số, hướng dẫn cài VNeID; chính quyền hai cấp vận hành",
                 "Cảnh báo lừa đảo qua VNeID", "Dịch vụ công trực tuyến ở phường Vĩnh Tuy", "Thu hoạch lúa"]:
        assert spans(node, Document(text, vocabulary=first_words(node))) == spans(node, Document(text))
