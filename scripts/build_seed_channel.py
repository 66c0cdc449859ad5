"""Learn OCR confusions from the *dev* part of the seed 000 ↔ 001 alignment (issue #5 allows it).

Run: ``.venv/bin/python scripts/build_seed_channel.py`` (a second or two; needs ``../shared/seeds``).
Writes ``lantoa/lib/vn/data/ocr_channel_seed_dev.json``; ``repair.py`` adds its counts, weighted, to the
synthetic channel of ``scripts/build_ocr_channel.py``.

Seed 000 is a real scan of the plan whose first half is seed 001, read by an English OCR engine. The two
are aligned exactly as ``bench/repair.py`` aligns them, and only pairs whose 001 word lies in the
benchmark's *dev* part (the first ``DEV_FRACTION`` of 001) are counted, so the held-out part stays
unseen. What is written is statistics only (how often a true syllable came out as an OCR token, and
character edit counts), not the text. Pairs the alignment put side by side that share too little
(lines the OCR moved) are skipped.

``--start S --upto F`` learns from the share S to F of 001 only (inside the dev part): with ``--out`` this
gives channels for choosing the merge weight by cross-validation inside the dev part.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "bench"))

from build_ocr_channel import ChannelCounts  # noqa: E402
from repair import DEV_FRACTION, SEEDS, missing_runs, overlap  # noqa: E402

from lantoa.lib.vn.align import align, words  # noqa: E402

OUT = REPO / "lantoa/lib/vn/data/ocr_channel_seed_dev.json"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--start", type=float, default=0.0, help="learn from this share of 001 on")
    parser.add_argument("--upto", type=float, default=DEV_FRACTION, help="… up to this share")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if args.upto > DEV_FRACTION:
        raise SystemExit(f"--upto must stay inside the dev part (≤ {DEV_FRACTION})")
    ocr_words = words(sorted(SEEDS.glob("000_*.txt"))[0].read_text(encoding="utf-8"))
    clean_words = words(sorted(SEEDS.glob("001_*.txt"))[0].read_text(encoding="utf-8"))
    pairs = overlap(align(ocr_words, clean_words))
    absent = missing_runs(pairs)
    first, limit = int(len(clean_words) * args.start), int(len(clean_words) * args.upto)
    counts = ChannelCounts()
    skipped = 0
    for i, j in pairs:
        if i is None or j is None or not first <= j < limit or j in absent or not clean_words[j].isalpha():
            continue
        if not counts.add(clean_words[j], ocr_words[i]):
            skipped += 1
    payload = counts.payload(
        "OCR channel counts from the dev part of the seed 000/001 alignment (statistics only)",
        **{"from": args.start, "upto": args.upto},
    )
    args.out.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{counts.aligned} word pairs from {args.start:.0%}–{args.upto:.0%} of 001 ({skipped} misaligned skipped)")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e3:.0f} kB)")


if __name__ == "__main__":
    main()
