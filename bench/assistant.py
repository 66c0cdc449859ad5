"""Evaluate the citizen Q&A assistant on a question set written from the demo knowledge base.

    .venv/bin/python bench/assistant.py            # full table
    .venv/bin/python bench/assistant.py --split dev

Each answerable question names the passage that answers it (document file, heading) and is asked twice:
with tone marks and folded without them. Some carry typos and abbreviations ("tk", "dvc", "cccd").
Unanswerable questions (in the domain but not in the base, or off-topic) must be refused.
Questions are split: "dev" was used to calibrate the routing thresholds, "held" never was — its rows are
the honest estimate for questions the assistant has not seen.

Reports recall@5 and MRR of retrieval (does the right passage reach the top 5), the routing outcome
(answered with the right passage among its sources), the share of unanswerable questions refused, and
p50/p95 latency of the whole answering pipeline (normalise → restore marks → BM25 + dense → RRF → route).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lantoa.settings")

import django

django.setup()

import numpy as np  # noqa: E402

from lantoa.assistant import embedding  # noqa: E402
from lantoa.assistant.demo import KB_DIR  # noqa: E402
from lantoa.lib.qa.passages import split_passages  # noqa: E402
from lantoa.lib.qa.pipeline import KnowledgeIndex, Passage  # noqa: E402
from lantoa.lib.text import fold  # noqa: E402

V, N, B, H, P = "vneid", "nop-ho-so", "binh-dan", "chinh-quyen", "ke-hoach"
F = "hoi-dap"

# (question, document prefix, heading fragment(s) separated by "|", split)
ANSWERABLE: list[tuple[str, str, str, str]] = [
    # VNeID
    ("Tài khoản định danh điện tử là gì?", V, "là gì", "dev"),
    ("Tài khoản VNeID mức 1 và mức 2 khác nhau thế nào?", V, "Khác nhau", "dev"),
    ("Đăng ký tài khoản định danh mức 2 ở đâu?", V, "Đăng ký tài khoản", "dev"),
    ("Đi đăng ký VNeID mức 2 cần mang giấy tờ gì?", V, "Đăng ký tài khoản", "held"),
    ("Làm tk định danh điện tử mức 2 có mất tiền không?", V, "Đăng ký tài khoản", "held"),
    ("Cách kích hoạt tài khoản định danh điện tử trên điện thoại", V, "Các bước kích hoạt", "dev"),
    ("kích hoạt vneid mức 2 như thế nào", V, "Các bước kích hoạt", "dev"),
    ("Kick hoạt tài khoản VNeID thế nào?", V, "Các bước kích hoạt", "held"),
    ("Tôi đã có mã kích hoạt trong tin nhắn, giờ làm gì tiếp?", V, "Các bước kích hoạt|Không nhận được", "held"),
    ("Mã passcode gồm mấy số?", V, "Các bước kích hoạt|Quên mật khẩu", "dev"),
    ("Không nhận được tin nhắn mã kích hoạt VNeID thì làm sao?", V, "Không nhận được", "dev"),
    ("Mã kích hoạt bị hết hạn phải làm gì?", V, "Không nhận được", "held"),
    ("Quên mật khẩu VNeID thì lấy lại thế nào?", V, "Quên mật khẩu", "dev"),
    ("quên mk vneid", V, "Quên mật khẩu", "held"),
    ("Tôi quên passcode đăng nhập ứng dụng", V, "Quên mật khẩu", "held"),
    ("Tài khoản VNeID bị khóa phải làm sao?", V, "bị khóa", "dev"),
    ("Nhập sai mật khẩu nhiều lần bị khoá tk thì mở thế nào?", V, "bị khóa", "held"),
    ("Đổi số điện thoại thì tài khoản định danh điện tử có phải cập nhật không?", V, "Đổi số điện thoại", "dev"),
    ("Mua điện thoại mới thì đăng nhập VNeID thế nào?", V, "Đổi số điện thoại", "held"),
    ("Tài khoản VNeID mức 2 dùng để làm gì?", V, "Dùng tài khoản|Khác nhau", "dev"),
    ("Có được đưa mã OTP cho người gọi điện xưng là công an không?", V, "Dùng tài khoản|phân biệt", "held"),
    # Cổng DVC quốc gia
    ("Cổng dịch vụ công quốc gia là gì?", N, "là gì", "dev"),
    ("Dịch vụ công trực tuyến toàn trình là gì?", N, "là gì", "held"),
    ("Đăng nhập cổng dvc quốc gia bằng gì?", N, "Đăng nhập", "dev"),
    ("Cách đăng nhập dichvucong.gov.vn bằng tài khoản VNeID", N, "Đăng nhập", "held"),
    ("Các bước nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia", N, "Các bước nộp", "dev"),
    ("Làm sao để nộp hồ sơ đăng ký khai sinh trên mạng?", N, "Các bước nộp", "dev"),
    ("Nộp hs online trên dvc thế nào?", N, "Các bước nộp", "held"),
    ("Đính kèm giấy tờ khi nộp hồ sơ trực tuyến định dạng gì?", N, "Các bước nộp", "held"),
    ("Thanh toán lệ phí trực tuyến như thế nào?", N, "Thanh toán", "dev"),
    ("Nộp phí online bằng ví điện tử được không?", N, "Thanh toán", "held"),
    ("Làm sao biết hồ sơ đã nộp đang được xử lý đến đâu?", N, "Theo dõi", "dev"),
    ("Tra cứu tình trạng hồ sơ bằng mã hồ sơ", N, "Theo dõi", "held"),
    ("Kết quả điện tử có giá trị như bản giấy không?", N, "Theo dõi", "dev"),
    ("Hồ sơ bị yêu cầu bổ sung thì có phải nộp lại từ đầu không?", N, "bổ sung", "dev"),
    ("Hồ sơ của tôi bị từ chối thì sao?", N, "bổ sung", "held"),
    ("Số tổng đài hỗ trợ cổng dịch vụ công là bao nhiêu?", N, "hỗ trợ", "dev"),
    ("Ai hướng dẫn tôi nộp hồ sơ trực tuyến khi không biết làm?", N, "hỗ trợ|Người cao tuổi", "held"),
    # Bình dân học vụ số
    ("Bình dân học vụ số là gì?", B, "là gì", "dev"),
    ("Phong trào bình dân học vụ số được phát động để làm gì?", B, "Mục tiêu|là gì", "held"),
    ("Mục tiêu của phong trào Bình dân học vụ số", B, "Mục tiêu", "dev"),
    ("Tham gia bình dân học vụ số học những gì?", B, "Học những gì", "dev"),
    ("Học kỹ năng số gồm những nội dung nào?", B, "Học những gì", "held"),
    ("Làm sao để tham gia phong trào bdhvs?", B, "Tham gia", "dev"),
    ("Đăng ký lớp học kỹ năng số ở đâu, có mất phí không?", B, "Tham gia", "held"),
    ("Tổ công nghệ số cộng đồng là gì?", B, "Tổ công nghệ", "dev"),
    ("Muốn được tổ công nghệ số hướng dẫn tại nhà thì liên hệ ai?", B, "Tổ công nghệ", "held"),
    ("Tôi muốn làm tình nguyện viên hướng dẫn kỹ năng số", B, "tình nguyện", "dev"),
    ("Sinh viên có thể tham gia hướng dẫn người già dùng điện thoại không?", B, "tình nguyện|Người cao tuổi", "held"),
    # Chính quyền hai cấp
    ("Chính quyền địa phương hai cấp là gì?", H, "là gì", "dev"),
    ("Từ 1/7/2025 còn cấp huyện không?", H, "là gì", "held"),
    ("Cả nước hiện có bao nhiêu tỉnh thành sau sắp xếp?", H, "là gì", "held"),
    ("Không còn huyện thì làm thủ tục hành chính ở đâu?", H, "Làm thủ tục", "dev"),
    ("Có được nộp hồ sơ ở xã khác trong tỉnh không?", H, "Làm thủ tục", "held"),
    ("Sáp nhập xã thì có phải đổi căn cước không?", H, "Giấy tờ", "dev"),
    ("Giấy tờ cấp trước 1/7/2025 còn giá trị không?", H, "Giấy tờ", "held"),
    ("Sổ đỏ ghi địa chỉ huyện cũ có phải làm lại không?", H, "Giấy tờ", "held"),
    ("Địa chỉ mới sau sáp nhập ghi như thế nào?", H, "Địa chỉ mới", "dev"),
    ("Có cần đi cập nhật địa chỉ trên VNeID sau sáp nhập không?", H, "Địa chỉ mới", "held"),
    ("Ủy ban xã bây giờ có những phòng nào?", H, "Cơ quan nào", "dev"),
    ("Thủ tục cư trú, căn cước do cơ quan nào ở xã giải quyết?", H, "Cơ quan nào", "held"),
    ("Gặp khó khăn khi làm thủ tục sau sắp xếp thì phản ánh ở đâu?", H, "Phản ánh|Gửi phản ánh", "dev"),
    # FAQ
    ("Chuyển đổi số có lợi gì cho người dân?", F, "Chuyển đổi số là gì", "dev"),
    ("Chuyển đổi số là gì?", F, "Chuyển đổi số là gì", "held"),
    ("Nghị quyết 57 nói về cái gì?", F, "Nghị quyết 57", "dev"),
    ("Nghị quyết 57-NQ/TW ban hành ngày nào?", F, "Nghị quyết 57", "held"),
    ("Bố mẹ tôi già không biết dùng smartphone thì làm sao làm thủ tục?", F, "Người cao tuổi", "dev"),
    ("Người già không dùng được điện thoại có được nộp hồ sơ giấy không?", F, "Người cao tuổi", "held"),
    ("Nộp hồ sơ trực tuyến có mất phí không?", F, "mất phí", "dev"),
    ("Nộp hồ sơ online có rẻ hơn nộp trực tiếp không?", F, "mất phí|Thanh toán", "held"),
    ("Làm sao biết ứng dụng VNeID giả mạo?", F, "giả mạo", "dev"),
    ("Có người gửi link bảo cài VNeID, có nên cài không?", F, "giả mạo", "held"),
    ("Dùng căn cước điện tử thay thẻ căn cước được không?", F, "căn cước điện tử", "dev"),
    ("Đi máy bay có dùng căn cước trên VNeID được không?", F, "căn cước điện tử", "held"),
    ("Đi khám bệnh quên thẻ bhyt thì sao?", F, "bảo hiểm y tế", "dev"),
    ("Khám chữa bệnh bảo hiểm y tế bằng cccd được không?", F, "bảo hiểm y tế", "held"),
    ("Gửi kiến nghị về chuyển đổi số ở phường mình ở đâu?", F, "Gửi phản ánh|Phản ánh", "dev"),
    # Plans (public parts)
    ("Kế hoạch tuyên truyền chuyển đổi số nhằm mục đích gì?", P, "Mục đích", "dev"),
    ("Phường Vĩnh Tuy tuyên truyền chuyển đổi số năm 2026 theo những giai đoạn nào?", P, "giai đoạn", "dev"),
    ("Quý III năm 2026 phường Vĩnh Tuy tuyên truyền nội dung gì?", P, "giai đoạn", "held"),
    ("Theo dõi tin tức chuyển đổi số của phường Vĩnh Tuy ở đâu?", P, "Kênh thông tin", "dev"),
    ("Lâm Đồng tuyên truyền chuyển đổi số như thế nào?", P, "Lâm Đồng", "held"),
    ("Các mô hình hay về chuyển đổi số được khen thưởng thế nào?", P, "Mô hình hay", "dev"),
]

UNANSWERABLE: list[tuple[str, str]] = [
    # In the domain, not in the base
    ("Lệ phí cấp hộ chiếu phổ thông là bao nhiêu?", "dev"),
    ("Thủ tục đăng ký kết hôn cần giấy tờ gì?", "dev"),
    ("Làm lại bằng lái xe bị mất ở đâu?", "dev"),
    ("Mức đóng bảo hiểm xã hội tự nguyện năm nay là bao nhiêu?", "dev"),
    ("Thời gian cấp thẻ căn cước mới mất bao lâu?", "dev"),
    ("Làm sao đăng ký thường trú cho con mới sinh?", "dev"),
    ("Chữ ký số cá nhân mua ở đâu?", "dev"),
    ("Cách nộp thuế thu nhập cá nhân online?", "dev"),
    ("Đăng ký xe máy mới trên dịch vụ công mất bao lâu?", "held"),
    ("Tiền trợ cấp cho người cao tuổi trên 80 tuổi là bao nhiêu?", "held"),
    ("Hồ sơ xin giấy phép xây dựng nhà ở gồm những gì?", "held"),
    ("Mất sổ hộ khẩu thì làm lại thế nào?", "held"),
    ("Chủ tịch UBND xã Thanh Thủy tên là gì?", "held"),
    ("Lương giáo viên mầm non năm 2026 là bao nhiêu?", "held"),
    ("Cách chuyển trường cho con học lớp 6?", "held"),
    ("Đổi giấy phép lái xe sang thẻ PET hết bao nhiêu tiền?", "held"),
    # Off-topic
    ("Giá vàng hôm nay bao nhiêu?", "dev"),
    ("Thời tiết Đà Lạt cuối tuần này thế nào?", "dev"),
    ("Công thức nấu phở bò ngon", "dev"),
    ("Đội tuyển Việt Nam đá trận tiếp theo khi nào?", "held"),
    ("Viết giúp tôi bài thơ về mùa thu", "held"),
    ("Tỷ giá đô la Mỹ hôm nay", "held"),
    ("Làm sao để giảm cân nhanh?", "held"),
    ("Mua điện thoại nào tốt trong tầm giá 5 triệu?", "held"),
    # Hard, in the base's own words: written after calibration and never tuned on; a focus-term
    # check tried on the dev ones did not separate them (see the report), so they stay as a known weakness.
    ("Cổng Dịch vụ công quốc gia bảo trì vào giờ nào?", "dev"),
    ("Lớp Bình dân học vụ số có cấp chứng chỉ không?", "dev"),
    ("Số điện thoại của Công an xã Thanh Thủy là gì?", "dev"),
    ("Cấp phiếu lý lịch tư pháp trực tuyến bao lâu thì có kết quả?", "dev"),
    ("Phường Vĩnh Tuy có bao nhiêu tổ dân phố?", "dev"),
    ("Tài khoản định danh điện tử mức độ 2 có thời hạn sử dụng bao lâu?", "dev"),
    ("Ứng dụng VNeID có chạy trên máy tính bảng không?", "dev"),
    ("Tỉnh Lâm Đồng sau sắp xếp có bao nhiêu xã?", "dev"),
    ("Giờ làm việc của Trung tâm Phục vụ hành chính công xã Thanh Thủy?", "held"),
    ("Trẻ em dưới 14 tuổi đăng ký tài khoản VNeID thế nào?", "held"),
    ("Cổng Dịch vụ công quốc gia có ứng dụng trên điện thoại không?", "held"),
    ("Tổ công nghệ số cộng đồng được trả phụ cấp bao nhiêu?", "held"),
]

FIRST_HARD = next(i for i, (q, _) in enumerate(UNANSWERABLE) if q.startswith("Cổng Dịch vụ công quốc gia bảo trì"))
_FIRST_OFF_TOPIC = next(i for i, (q, _) in enumerate(UNANSWERABLE) if q.startswith("Giá vàng"))
OFF_TOPIC = set(range(_FIRST_OFF_TOPIC, FIRST_HARD))

TYPO_ABBREV = [
    ("tk vneid bi khoa phai lam sao", V, "bị khóa", "held"),
    ("kich hoat tk dinh danh muc 2 ntn", V, "Các bước kích hoạt", "held"),
    ("dang nhap dvc bang tk vneid", N, "Đăng nhập", "held"),
    ("lam cccd xong dang ky vneid muc 2 o dau", V, "Đăng ký tài khoản", "held"),
    ("nop ho so tren cong dvc qg", N, "Các bước nộp", "held"),
    ("sap nhap xa co phai doi cccd k", H, "Giấy tờ", "held"),
    ("binh dan hoc vu so la j", B, "là gì", "held"),
    ("quen pass vneid", V, "Quên mật khẩu", "held"),
    ("ko nhan dc ma otp kich hoat", V, "Không nhận được", "held"),
    ("kham benh bang cccd dc ko", F, "bảo hiểm y tế", "held"),
]


def build_index() -> tuple[KnowledgeIndex, dict[int, tuple[str, str]]]:
    passages: list[Passage] = []
    labels: dict[int, tuple[str, str]] = {}
    texts: list[str] = []
    for path in sorted(KB_DIR.glob("*.md")):
        title, chunks = split_passages(path.read_text(encoding="utf-8"), title=path.stem)
        for chunk in chunks:
            key = len(passages)
            passages.append(Passage(key, title, chunk.heading, chunk.text))
            labels[key] = (path.name, chunk.heading)
            texts.append(embedding.passage_text(title, chunk.heading, chunk.text))
    # The demo base ships its vectors (lantoa/assistant/kb/vectors.npz); edited guides are embedded again.
    vectors = embedding.embed_passages(texts)
    return KnowledgeIndex(passages, vectors, embed=embedding.embed_query), labels


def matches(label: tuple[str, str], doc: str, headings: str) -> bool:
    name, heading = label
    return name.startswith(doc) and any(fold(h) in fold(heading) for h in headings.split("|"))


def pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=["dev", "held", "all"], default="all")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    t0 = time.perf_counter()
    index, labels = build_index()
    print(f"Kho: {len(labels)} đoạn, dựng chỉ mục {time.perf_counter() - t0:.1f} s")
    index.answer("khởi động")  # load the models once, as a running server would have
    latencies: list[float] = []
    rows: list[tuple[str, str, int, float, float, float]] = []
    misses: list[str] = []

    def run(items: list[tuple[str, str, str, str]], variant: str) -> None:
        by_split: dict[str, list[tuple[int, float, int]]] = {}
        for question, doc, headings, split in items:
            if args.split != "all" and split != args.split:
                continue
            q = fold(question) if variant == "không dấu" else question
            start = time.perf_counter()
            result = index.answer(q)
            latencies.append((time.perf_counter() - start) * 1000)
            ranking = result.ranking[:5]
            rank = next((i + 1 for i, key in enumerate(ranking) if matches(labels[key], doc, headings)), 0)
            answered_right = int(
                result.status == "answered" and any(matches(labels[p.key], doc, headings) for p in result.passages)
            )
            by_split.setdefault(split, []).append((rank, 1.0 / rank if rank else 0.0, answered_right))
            if (not rank or not answered_right) and args.verbose:
                misses.append(
                    f"  [{split}/{variant}] rank={rank} status={result.status} {q!r} → "
                    f"{[labels[k][1][:40] for k in ranking[:3]]} "
                    f"{[(round(h.dense, 3), round(h.coverage, 2)) for h in result.decision.hits[:2]]}"
                )
        for split, values in sorted(by_split.items()):
            n = len(values)
            rows.append(
                (
                    variant,
                    split,
                    n,
                    sum(1 for r, _, _ in values if r) / n,
                    sum(m for _, m, _ in values) / n,
                    sum(a for _, _, a in values) / n,
                )
            )

    run(ANSWERABLE, "có dấu")
    run(ANSWERABLE, "không dấu")
    run(TYPO_ABBREV, "viết tắt, lỗi gõ")
    print()
    print(f"{'câu hỏi':<20} {'tập':<5} {'số câu':>6} {'recall@5':>9} {'MRR':>6} {'trả lời đúng':>13}")
    for variant, split, n, recall, mrr, answered in rows:
        print(f"{variant:<20} {split:<5} {n:>6} {recall:>9.3f} {mrr:>6.3f} {answered:>13.3f}")
    print()
    refused: dict[tuple[str, str], list[int]] = {}
    for n, (question, split) in enumerate(UNANSWERABLE):
        if args.split != "all" and split != args.split:
            continue
        kind = "lạc đề" if n in OFF_TOPIC else "khó (lời của kho)" if n >= FIRST_HARD else "ngoài kho"
        for q in (question, fold(question)):
            start = time.perf_counter()
            result = index.answer(q)
            latencies.append((time.perf_counter() - start) * 1000)
            refused.setdefault((kind, split), []).append(int(result.status != "answered"))
            refused.setdefault(("tất cả", split), []).append(int(result.status != "answered"))
            if result.status == "answered" and args.verbose:
                misses.append(
                    f"  [{split}] NOT REFUSED {q!r} → {result.passages[0].heading[:50]} "
                    f"{[(round(h.dense, 3), round(h.coverage, 2)) for h in result.decision.hits[:2]]}"
                )
    print(f"{'không trả lời được':<20} {'tập':<5} {'số câu':>6} {'từ chối đúng':>13}")
    for (kind, split), values in sorted(refused.items()):
        print(f"{kind:<20} {split:<5} {len(values):>6} {sum(values) / len(values):>13.3f}")
    print()
    print(
        f"Độ trễ toàn bộ pipeline ({len(latencies)} câu): p50 {statistics.median(latencies):.0f} ms, "
        f"p95 {pct(latencies, 0.95):.0f} ms, max {max(latencies):.0f} ms"
    )
    if misses:
        print("\n".join(["", "Sai lệch:", *misses]))


if __name__ == "__main__":
    np.set_printoptions(precision=3)
    main()
