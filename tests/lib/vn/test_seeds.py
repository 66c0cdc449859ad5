"""Regression guard on the seed plans (read from ../shared/seeds, skipped when absent, never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lantoa.lib.vn.align import align, same_word, words
from lantoa.lib.vn.garble import classify_text
from lantoa.lib.vn.repair import repair_text

SEEDS = Path(__file__).resolve().parents[4] / "shared" / "seeds"


def seed(prefix: str) -> str:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    if not found:
        pytest.skip(f"seed {prefix} not found under {SEEDS}")
    return found[0].read_text(encoding="utf-8")


def test_seed_classes() -> None:
    assert classify_text(seed("001")).label == "clean"
    for prefix in ("000", "002", "003", "004"):
        assert classify_text(seed(prefix)).label == "garbled"


@pytest.mark.slow  # word alignment of two whole documents takes a few seconds
def test_repair_of_000_mostly_matches_001() -> None:
    ocr, clean = seed("000"), seed("001")
    repaired = repair_text(ocr)
    assert repaired.count("\n") == ocr.count("\n")
    assert "03-KH/BCĐTW" in repaired
    ocr_words, clean_words, out_words = words(ocr), words(clean), words(repaired)
    assert len(out_words) == len(ocr_words)
    pairs = [(i, j) for i, j in align(ocr_words, clean_words) if i is not None and j is not None]
    correct = sum(same_word(out_words[i], clean_words[j]) for i, j in pairs)
    assert correct / len(pairs) > 0.9


def test_clean_seed_passes_through_repair_unchanged() -> None:
    clean = seed("001")
    assert repair_text(clean) == clean
