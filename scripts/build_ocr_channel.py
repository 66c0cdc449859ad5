"""Learn the OCR channel (how an English-only OCR engine mangles Vietnamese) from synthetic scans.

Run: ``.venv/bin/python scripts/build_ocr_channel.py [--pages N]`` (needs ``text2image`` and
``tesseract`` with the ``eng`` data, installed by ``scripts/install-system-packages.sh``; 7–11 minutes
on two cores, deterministic). Writes ``lantoa/lib/vn/data/ocr_channel.json``.

Clean Vietnamese text the project may ship (our own administrative text, generated legal references and
underthesea's VLSP sentences) is rendered to page images in several fonts, sizes, resolutions and
exposures, read back with ``tesseract -l eng``, and aligned word by word with the source. What is kept is
only statistics: how often each true syllable came out as each OCR token, and character-level edit
counts. No seed document is used, so the benchmark on seeds 000/001 stays a fair test.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from build_language_model import generated_legal_text, own_text, vlsp_sentences  # noqa: E402

from lantoa.lib.vn.align import align, plausible_pair, words  # noqa: E402
from lantoa.lib.vn.normalize import normalize  # noqa: E402

OUT = REPO / "lantoa/lib/vn/data/ocr_channel.json"
# Fonts with full Vietnamese coverage (text2image silently drops words the font cannot render, which
# rules out the Liberation 1.x fonts). Official documents are set in Times New Roman: TeX Gyre Termes
# (Debian fonts-texgyre) and FreeSerif (fonts-freefont-ttf) are its closest free relatives and give
# the damage seen in real scans ("cia", "phudng", "x4y"); fonts that are not installed are skipped.
FONTS = ["TeX Gyre Termes", "FreeSerif", "TeX Gyre Termes", "DejaVu Serif", "Noto Serif", "FreeSans"]
FONTS_DIR = "/usr/share/fonts"
WORDS_PER_PAGE = 220
#: Scan conditions, drawn per page: (dpi, text2image's --distort_image: noise, blur, inversion). Real
#: scans of printed plans are often low resolution and blurred, which is where an English engine turns
#: "ộ" into "6"/"9"/"b", drops marked vowels ("dy" for "đẩy") and reads "là" as "1a"; clean 300 dpi
#: renders alone never show that damage.
SCANS = [(300, False), (300, False), (200, False), (150, False), (200, True), (150, True), (150, True), (120, True)]


def source_pages(count: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    lines = [line for line in own_text() if line.strip()]
    lines += list(generated_legal_text(count=1200, seed=seed))
    vlsp = list(vlsp_sentences())
    rng.shuffle(vlsp)
    lines += vlsp[:3000]
    rng.shuffle(lines)
    pages: list[str] = []
    page: list[str] = []
    size = 0
    for line in lines:
        text = normalize(line)
        if rng.random() < 0.15:
            text = text.upper()
        page.append(text)
        size += len(text.split())
        if size >= WORDS_PER_PAGE:
            pages.append("\n".join(page))
            page, size = [], 0
            if len(pages) >= count:
                break
    return pages


def available_fonts() -> list[str]:
    """The fonts of ``FONTS`` that fontconfig knows (family names, in order, repeats kept)."""
    listed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=True).stdout
    families = {name.strip() for line in listed.splitlines() for name in line.split(",")}
    found = [font for font in FONTS if font in families]
    if not found:
        raise SystemExit("none of the fonts in FONTS is installed (see scripts/build_ocr_channel.py)")
    return found


def ocr_page(args: tuple[int, str]) -> tuple[str, str]:
    index, text = args
    rng = random.Random(index)
    fonts = available_fonts()
    font = fonts[index % len(fonts)]
    dpi, distort = rng.choice(SCANS)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "page.txt"
        src.write_text(text, encoding="utf-8")
        base = Path(tmp) / "page"
        subprocess.run(
            [
                "text2image",
                f"--text={src}",
                f"--outputbase={base}",
                f"--font={font}",
                f"--fonts_dir={FONTS_DIR}",
                f"--ptsize={rng.choice([11, 12, 13, 14, 14])}",
                f"--resolution={dpi}",
                f"--exposure={rng.choice([-1, 0, 0, 1] if not distort else [-1, 0, 0])}",
                f"--distort_image={'true' if distort else 'false'}",
                "--xsize=2550",
                "--ysize=3300",
                "--margin=120",
            ],
            check=True,
            capture_output=True,
            cwd=tmp,  # text2image writes a fonts.conf into its working directory
        )
        result = subprocess.run(
            ["tesseract", f"{base}.tif", "-", "-l", "eng"],
            check=True,
            capture_output=True,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
    return text, result.stdout.decode("utf-8", "replace")


def char_ops(true: str, ocr: str) -> list[tuple[str, str]]:
    """Unit-cost Levenshtein alignment of two words: (true char or '', ocr char or '') pairs."""
    n, m = len(true), len(ocr)
    dist = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        dist[i][0] = i
    for j in range(m + 1):
        dist[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            sub = 0 if true[i - 1] == ocr[j - 1] else 1
            dist[i][j] = min(dist[i - 1][j - 1] + sub, dist[i - 1][j] + 1, dist[i][j - 1] + 1)
    ops: list[tuple[str, str]] = []
    i, j = n, m
    while i or j:
        if i and j and dist[i][j] == dist[i - 1][j - 1] + (0 if true[i - 1] == ocr[j - 1] else 1):
            ops.append((true[i - 1], ocr[j - 1]))
            i, j = i - 1, j - 1
        elif i and dist[i][j] == dist[i - 1][j] + 1:
            ops.append((true[i - 1], ""))
            i -= 1
        else:
            ops.append(("", ocr[j - 1]))
            j -= 1
    ops.reverse()
    return ops


class ChannelCounts:
    """Word-pair and character-edit counts of aligned (true word, OCR token) pairs, as repair.py loads them."""

    def __init__(self) -> None:
        self.pairs: Counter[tuple[str, str]] = Counter()
        self.chars: Counter[tuple[str, str]] = Counter()
        self.aligned = 0

    def add(self, true: str, seen: str) -> bool:
        """Count one pair; False when the alignment put two different words side by side (moved lines)."""
        if not plausible_pair(seen, true):
            return False
        self.aligned += 1
        self.pairs[(true.lower(), seen.lower())] += 1
        # Characters keep their case: "Đ" becomes "P" or "D", "đ" becomes "d".
        self.chars.update(char_ops(true, seen))
        return True

    def payload(self, about: str, **extra: object) -> dict[str, object]:
        return {
            "about": about,
            **extra,
            "aligned_words": self.aligned,
            "pairs": sorted([t, o, n] for (t, o), n in self.pairs.items()),
            "chars": sorted([t, o, n] for (t, o), n in self.chars.items()),
        }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    pages = source_pages(args.pages)
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(ocr_page, enumerate(pages)))
    counts = ChannelCounts()
    for clean, ocr in results:
        clean_words, ocr_words = words(clean), words(ocr)
        for i, j in align(ocr_words, clean_words):
            if i is not None and j is not None and clean_words[j].isalpha():
                counts.add(clean_words[j], ocr_words[i])
    payload = counts.payload(
        "OCR channel statistics from synthetic tesseract -l eng scans of shippable text", pages=len(pages)
    )
    args.out.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    exact = sum(n for (t, o), n in counts.pairs.items() if t == o)
    print(f"{len(pages)} pages, {counts.aligned} aligned words, {exact / max(counts.aligned, 1):.1%} read exactly")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e3:.0f} kB)")


if __name__ == "__main__":
    main()
