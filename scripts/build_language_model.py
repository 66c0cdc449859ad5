"""Build the Vietnamese syllable trigram model shipped in ``lantoa/lib/vn/data/syllable_lm.pkl.gz``.

Run: ``.venv/bin/python scripts/build_language_model.py`` (about 20 s, deterministic).

Sources, all of which the project may ship (see docs/text-core.md):
- underthesea's bundled VLSP 2013 tagged sentences (legal and news prose) and its Viet74K word list;
- the names of the 3,321 communes and 34 provinces in the ``vietnam-provinces`` package;
- Django's Vietnamese translation catalogues;
- administrative text written for this project (``lantoa/lib/vn/data/corpus/*.txt``);
- legal-reference sentences generated here from templates (legal documents are not copyrighted).

Never ``../shared/data`` or ``../shared/seeds``: those are evaluation data only.
"""

from __future__ import annotations

import json
import math
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from lantoa.lib.vn.lm import (  # noqa: E402
    BOS,
    EOS,
    MODEL_PATH,
    SPECIALS,
    UNK,
    SyllableLM,
    fold_syllable,
    lm_segments,
    save_model,
)
from lantoa.lib.vn.normalize import normalize  # noqa: E402

OWN_TEXT_WEIGHT = 3


def _site_packages() -> Path:
    import underthesea

    return Path(underthesea.__file__).resolve().parent.parent


def vlsp_sentences() -> Iterator[str]:
    """Sentences of the VLSP 2013 test output bundled with underthesea's POS model."""
    path = _site_packages() / "underthesea/pipeline/pos_tag/models/pos_crf_vlsp2013_20230303/test_output.txt"
    words: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                yield " ".join(words)
            words = []
            continue
        words.append(line.split("\t")[0])
    if words:
        yield " ".join(words)


def dictionary_words() -> Iterator[str]:
    """Entries of underthesea's Viet74K word list: within-word syllable pairs."""
    path = _site_packages() / "underthesea/corpus/data/Viet74K.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.strip()
        if word and "-" not in word:
            yield word


def place_names() -> Iterator[str]:
    """Official commune/ward and province names (2025), as they appear in documents."""
    import vietnam_provinces

    rows = json.loads(Path(vietnam_provinces.FLAT_DIVISIONS_JSON_PATH).read_text(encoding="utf-8"))
    provinces = set()
    for row in rows:
        yield f"{row['name']}, {row['province_name']}"
        provinces.add(row["province_name"])
    for name in sorted(provinces):
        short = name.replace("Thành phố ", "").replace("Tỉnh ", "")
        yield f"Tỉnh uỷ {short}"
        yield f"Uỷ ban nhân dân {name.lower().split()[0]} {short}"


def django_catalogue() -> Iterator[str]:
    import django

    root = Path(django.__file__).resolve().parent
    for po in root.rglob("locale/vi/LC_MESSAGES/*.po"):
        for line in po.read_text(encoding="utf-8").splitlines():
            if line.startswith('msgstr "') and len(line) > 12:
                yield line[8:-1].replace("\\n", " ")


def own_text() -> Iterator[str]:
    for path in sorted((REPO / "lantoa/lib/vn/data/corpus").glob("*.txt")):
        yield from path.read_text(encoding="utf-8").splitlines()


# --- spelling ------------------------------------------------------------------------------------------
# VLSP's text writes final i where administrative documents write y ("xử lí", "kì họp", "kĩ thuật";
# official text: "xử lý", "kỳ họp", "kỹ thuật"). Both are correct Vietnamese, but a model that has seen
# mostly "lí" restores and repairs "ly" as "lí" in documents that never use it.
_I_TO_Y = {"í": "ý", "ì": "ỳ", "ỉ": "ỷ", "ĩ": "ỹ", "ị": "ỵ"}
_ADMIN_Y = {}
for _onset in ("l", "k", "m"):
    for _i, _y in _I_TO_Y.items():
        if _onset + _i == "lì":
            continue  # "lì" (stubborn) is written with i
        for _form in (str.lower, str.capitalize, str.upper):
            _ADMIN_Y[_form(_onset + _i)] = _form(_onset + _y)
_ADMIN_Y_RE = re.compile(r"(?<!\w)(" + "|".join(_ADMIN_Y) + r")(?!\w)")


def admin_spelling(text: str) -> str:
    """Final i after l, k, m written y, as in administrative documents: "lí" → "lý", "kì" → "kỳ"."""
    return _ADMIN_Y_RE.sub(lambda match: _ADMIN_Y[match.group(1)], text)


# --- generated legal references ---------------------------------------------------------------------
KINDS = [
    ("Nghị quyết", "NQ"),
    ("Quyết định", "QĐ"),
    ("Quy định", "QĐ"),
    ("Quy chế làm việc", "QC"),
    ("Kế hoạch", "KH"),
    ("Chỉ thị", "CT"),
    ("Kết luận", "KL"),
    ("Thông báo", "TB"),
    ("Công văn", "CV"),
    ("Hướng dẫn", "HD"),
    ("Kế hoạch hành động", "KHHĐ"),
]
ISSUERS = [
    "Bộ Chính trị",
    "Ban Bí thư",
    "Ban Chấp hành Trung ương",
    "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
    "Ban Thường vụ Tỉnh uỷ",
    "Ban Chấp hành Đảng bộ tỉnh",
    "Ban Tuyên giáo và Dân vận Trung ương",
    "Ban Tuyên giáo và Dân vận Tỉnh uỷ",
    "Ban Chỉ đạo tỉnh",
    "Uỷ ban nhân dân tỉnh",
    "Chính phủ",
    "Thủ tướng Chính phủ",
    "Sở Văn hoá, Thể thao và Du lịch",
    "Sở Khoa học và Công nghệ",
    "Đảng uỷ phường",
    "Đảng uỷ xã",
    "Văn phòng Trung ương Đảng",
    "Ban Thường vụ Đảng uỷ",
]
SUBJECTS = [
    "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
    "thành lập Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
    "chức năng, nhiệm vụ, quyền hạn, chế độ làm việc của Ban Chỉ đạo",
    "thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả",
    "triển khai Phong trào “Bình dân học vụ số” trên địa bàn tỉnh",
    "thực hiện Đề án chuyển đổi số trong các cơ quan đảng",
    "tăng cường công tác thông tin, tuyên truyền về chuyển đổi số",
    "sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả",
    "phát động thi đua lập thành tích trong triển khai chuyển đổi số",
    "phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia",
    "hành động chiến lược triển khai Nghị quyết của Bộ Chính trị",
    "tổ chức bộ máy của Văn phòng",
    "công tác tuyên truyền năm 2026",
    "xây dựng chính quyền số, kinh tế số, xã hội số",
]
VERBS = ["Căn cứ", "Thực hiện", "Triển khai", "Theo", "Quán triệt"]


def _word_list(text: str) -> list[str]:
    return text.split()


SURNAMES = _word_list(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đào Trịnh Mai Lương "
    "Cao Tạ Hà Vương Chu Lâm Triệu Kiều Thái Tô Quách Nông Hứa Lưu Âu Khổng"
)
MIDDLE_NAMES = _word_list(
    "Văn Thị Hữu Đức Minh Ngọc Thanh Quang Hoài Anh Xuân Thu Hồng Kim Đình Công Quốc Trọng Bá Mạnh "
    "Tiến Thành Phương Thuý Diệu Bảo Gia Khánh Nhật Trung Việt Hải"
)
GIVEN_NAMES = _word_list(
    "An Bình Cường Dũng Giang Hà Hải Hạnh Hiếu Hoa Hùng Hương Khánh Lan Linh Long Mai Minh Nam Nga "
    "Ngọc Nhung Phong Phúc Phương Quang Quân Sơn Tâm Thắng Thảo Thành Thu Thuỷ Trang Trung Tuấn Tùng "
    "Vân Việt Yến Hoà Huy Khoa Lâm Lực Nghĩa Tú Hiền Đạt Đông Định Chính Thưởng Huệ Duy Hưng Vinh "
    "Thịnh Toàn Hậu"
)
TITLES = [
    "Bí thư Đảng uỷ",
    "Phó Bí thư Thường trực",
    "Chủ tịch Uỷ ban nhân dân",
    "Phó Chủ tịch Uỷ ban nhân dân",
    "Chủ tịch Uỷ ban Mặt trận Tổ quốc",
    "Trưởng Ban Tuyên giáo và Dân vận",
    "Chánh Văn phòng",
    "Giám đốc Sở",
    "Trưởng phòng Văn hoá - Xã hội",
    "Bí thư Chi bộ",
    "Tổ trưởng tổ dân phố",
]


def generated_names(count: int = 3000, seed: int = 5) -> Iterator[str]:
    """Signature and assignment lines with Vietnamese personal names (invented combinations).

    Surnames are drawn with their share of the population (``repair.SURNAME_SHARE``), so "Lê" is
    read as the surname it usually is rather than "lễ"; a third of the lines are a name alone, as a
    signer's name stands under the signature.
    """
    from lantoa.lib.vn.repair import SURNAME_SHARE

    rng = random.Random(seed)
    surnames = [s.capitalize() for s in SURNAME_SHARE]
    shares = list(SURNAME_SHARE.values())
    signer_titles = ["BÍ THƯ", "PHÓ BÍ THƯ", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "TRƯỞNG BAN", "GIÁM ĐỐC"]
    for _ in range(count):
        surname = rng.choices(surnames, shares)[0]
        name = f"{surname} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"
        if rng.random() < 0.3:
            name = f"{surname} {rng.choice(GIVEN_NAMES)}"
        yield rng.choice(
            [
                f"Đồng chí {name}, {rng.choice(TITLES)}",
                f"{rng.choice(TITLES)} {name}",
                f"Ông {name} cho biết",
                f"Bà {name} phát biểu",
                f"Người ký: {name}",
                name,
                name,
                f"{rng.choice(signer_titles)}\n{name}",
            ]
        )


def generated_legal_text(count: int = 1500, seed: int = 7) -> Iterator[str]:
    """Reference sentences in the shapes real plans use, with random numbers and dates."""
    rng = random.Random(seed)
    for _ in range(count):
        kind, abbr = rng.choice(KINDS)
        number = f"{rng.randint(1, 350):02d}-{abbr}/{rng.choice(['TW', 'TU', 'ĐU', 'BCĐTW', 'BCĐ'])}"
        date = f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(2018, 2026)}"
        yield (
            f"{rng.choice(VERBS)} {kind} số {number}, ngày {date} của {rng.choice(ISSUERS)} về {rng.choice(SUBJECTS)};"
        )
        place = rng.choice(["Hà Nội", "Lâm Đồng", "Phú Thọ", "Vĩnh Tuy", "Thanh Thuỷ", "Đà Nẵng", "Huế"])
        yield (f"{place}, ngày {rng.randint(1, 28)} tháng {rng.randint(1, 12)} năm {rng.randint(2020, 2026)}")


# --- counting and Kneser-Ney ---
def discounts(counts: Iterable[int]) -> dict[int, float]:
    """Modified Kneser-Ney discounts D1, D2, D3+ from the count-of-counts (Chen and Goodman 1998)."""
    n = Counter(min(c, 5) for c in counts)
    n1, n2, n3, n4 = (max(n[k], 1) for k in (1, 2, 3, 4))
    y = n1 / (n1 + 2 * n2)
    return {
        1: max(0.05, 1 - 2 * y * n2 / n1),
        2: max(0.05, 2 - 3 * y * n3 / n2),
        3: max(0.05, 3 - 4 * y * n4 / n3),
    }


def context_totals(counts: dict[tuple[str, ...], int]) -> Counter[tuple[str, ...]]:
    totals: Counter[tuple[str, ...]] = Counter()
    for gram, n in counts.items():
        totals[gram[:-1]] += n
    return totals


def backoff_weights(counts: dict[tuple[str, ...], int], d: dict[int, float]) -> dict[tuple[str, ...], float]:
    """γ(context) = (D1·N1 + D2·N2 + D3·N3+) / total: the mass the discounts free for the lower order."""
    freed: Counter[tuple[str, ...]] = Counter()
    totals = context_totals(counts)
    for gram, n in counts.items():
        freed[gram[:-1]] += d[min(n, 3)]
    return {ctx: freed[ctx] / totals[ctx] for ctx in totals}


def fmt(d: dict[int, float]) -> str:
    return "/".join(f"{d[k]:.2f}" for k in (1, 2, 3))


# -----------------------------------------------------------------------
def build() -> SyllableLM:
    sources: list[tuple[str, int, Iterator[str]]] = [
        ("vlsp2013", 1, vlsp_sentences()),
        ("viet74k", 1, dictionary_words()),
        ("places", 1, place_names()),
        ("django-vi", 1, django_catalogue()),
        ("own-text", OWN_TEXT_WEIGHT, own_text()),
        ("generated-legal", 1, generated_legal_text()),
        ("generated-names", 1, generated_names()),
    ]
    c1: Counter[str] = Counter()
    c3: Counter[tuple[str, str, str]] = Counter()
    for name, weight, lines in sources:
        tokens = 0
        for line in lines:
            for seg in lm_segments(admin_spelling(normalize(line))):
                seq = [BOS, BOS, *seg, EOS]
                tokens += len(seg)
                for syl in seg:
                    c1[syl] += weight
                for i in range(2, len(seq)):
                    c3[(seq[i - 2], seq[i - 1], seq[i])] += weight
        print(f"{name:16} {tokens:8} syllables (weight {weight})")

    vocab = list(SPECIALS) + sorted(s for s in c1 if s not in SPECIALS)
    ids = {s: i for i, s in enumerate(vocab)}
    size = len(vocab)

    # Continuation counts for the lower orders.
    cc2: Counter[tuple[str, str]] = Counter()
    for _u, v, w in c3:
        cc2[(v, w)] += 1
    cc1: Counter[str] = Counter()
    for _v, w in cc2:
        cc1[w] += 1
    total_cc1 = sum(cc1.values())

    uni = [-99.0] * size
    floor = 0.5 / total_cc1
    for s, i in ids.items():
        uni[i] = math.log10((cc1.get(s, 0) + floor) / (total_cc1 + floor * size))
    uni[ids[BOS]] = -99.0

    # Bigram level (continuation counts), then trigram level (raw counts).
    d2 = discounts(cc2.values())
    gamma1 = backoff_weights(cc2, d2)
    bow1 = [0.0] * size
    for (v,), gamma in gamma1.items():
        bow1[ids[v]] = math.log10(gamma)
    bi: dict[int, float] = {}
    totals2 = context_totals(cc2)
    for (v, w), n in cc2.items():
        p = (n - d2[min(n, 3)]) / totals2[(v,)] + gamma1[(v,)] * 10 ** uni[ids[w]]
        bi[ids[v] * size + ids[w]] = math.log10(p)

    d3 = discounts(c3.values())
    gamma2 = backoff_weights(c3, d3)
    bow2 = {ids[u] * size + ids[v]: math.log10(gamma) for (u, v), gamma in gamma2.items()}
    totals3 = context_totals(c3)
    tri: dict[int, float] = {}
    for (u, v, w), n in c3.items():
        p2 = 10 ** bi[ids[v] * size + ids[w]]
        p = (n - d3[min(n, 3)]) / totals3[(u, v)] + gamma2[(u, v)] * p2
        tri[(ids[u] * size + ids[v]) * size + ids[w]] = math.log10(p)
    print(f"discounts: bigram {fmt(d2)}, trigram {fmt(d3)}")

    candidates: dict[str, list[int]] = defaultdict(list)
    for s in sorted(vocab[len(SPECIALS) :], key=lambda s: -c1[s]):
        if s.isalpha():
            candidates[fold_syllable(s)].append(ids[s])
    counts = [c1.get(s, 0) for s in vocab]
    print(f"vocab {size}, bigrams {len(bi)}, trigrams {len(tri)}, folded keys {len(candidates)}")
    return SyllableLM(
        vocab=vocab,
        ids=ids,
        uni=uni,
        bow1=bow1,
        bi=bi,
        bow2=bow2,
        tri=tri,
        candidates=dict(candidates),
        counts=counts,
    )


def main() -> None:
    model = build()
    assert UNK in model.ids
    save_model(model, MODEL_PATH)
    print(f"wrote {MODEL_PATH.relative_to(REPO)} ({MODEL_PATH.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
