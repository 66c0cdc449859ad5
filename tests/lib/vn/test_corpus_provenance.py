"""The language model's own text (lantoa/lib/vn/data/corpus) is written for the project, not taken from the
seed plans: the model may ship, the seeds may not, and a benchmark on the seeds would mean nothing if
their sentences were in the model.

Official names and fixed formulae are shared by every document of the field (the title of a resolution,
the steering committee's name, the list of central press agencies); they are removed from both sides
before comparing. What remains may not share a run of ``RUN`` words with any seed.
"""

from __future__ import annotations

import re
from pathlib import Path

from lantoa.lib.text import fold
from tests.conftest import shared_path

CORPUS = Path(__file__).resolve().parents[3] / "lantoa" / "lib" / "vn" / "data" / "corpus"
RUN = 10
FORMULAE = [
    "khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
    "khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06",
    "Thông tấn xã Việt Nam, Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, Báo Nhân Dân",
    "Báo Quân đội nhân dân, Báo Công an nhân dân",
    "đấu tranh, phản bác các quan điểm sai trái, thù địch",
    "chức năng, nhiệm vụ, quyền hạn, chế độ làm việc, quan hệ công tác",
    "tổ chức bộ máy của hệ thống chính trị",
    "đường lối của Đảng và chính sách, pháp luật của Nhà nước",
]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def _without_formulae(words: list[str]) -> list[list[str]]:
    """``words`` split into the stretches between official formulae."""
    text = " " + " ".join(words) + " "
    for formula in FORMULAE:
        text = text.replace(" " + " ".join(_words(formula)) + " ", " | ")
    return [part.split() for part in text.split("|")]


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def test_own_corpus_shares_no_run_of_words_with_the_seed_plans() -> None:
    seeds = sorted(shared_path("seeds").glob("*.txt"))
    seed_runs: set[tuple[str, ...]] = set()
    for seed in seeds:
        for stretch in _without_formulae(_words(seed.read_text(encoding="utf-8"))):
            seed_runs |= _runs(stretch)
    shared = []
    for path in sorted(CORPUS.glob("*.txt")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for stretch in _without_formulae(_words(line)):
                if _runs(stretch) & seed_runs:
                    shared.append(f"{path.name}:{number}: {line[:80]}")
                    break
    assert not shared, "\n".join(shared)
