"""Benchmark plan import: parse time of a 20-page text plan, and OCR seconds per page.

    .venv/bin/python bench/import_plan.py            # both figures
    .venv/bin/python bench/import_plan.py --no-ocr   # parsing only
    .venv/bin/python bench/import_plan.py --quick    # what `make bench` runs

The 20-page plan is built from the test plans in tests/fixtures/plans (repeated themes,
forms, phases and units, as a long provincial plan has), about 3,000 characters a page.
OCR renders a page of that plan to PDF with LibreOffice, rasterises it with pdftoppm at
300 dpi and runs tesseract -l vie through lantoa.lib.documents.ocr.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lantoa.lib.documents import ocr  # noqa: E402
from lantoa.lib.plan_parse import parse_plan  # noqa: E402
from lantoa.lib.text import fold  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "plans" / "ubnd_tinh_pipe_header.txt"
PAGE_CHARS = 3000


def make_long_plan(pages: int = 20) -> str:
    """A clean plan of about ``pages`` pages with every section long."""
    base = FIXTURE.read_text(encoding="utf-8")
    head, _, rest = base.partition("III. NỘI DUNG TUYÊN TRUYỀN")
    _, _, tail = rest.partition("Trên đây là")
    themes, forms, phases, units = [], [], [], []
    n = 1
    while sum(map(len, themes + forms + phases + units)) + len(head) + len(tail) < pages * PAGE_CHARS:
        themes.append(
            f"{n}. Tuyên truyền nhiệm vụ số {n} về chuyển đổi số, dữ liệu số và dịch vụ công trực "
            f"tuyến toàn trình; hướng dẫn người dân, doanh nghiệp tiếp cận và sử dụng thuận tiện "
            f"các nền tảng số, bảo đảm an toàn, an ninh thông tin trên môi trường mạng."
        )
        forms.append(
            f"{n}. Hình thức số {n}: chuyên mục trên báo chí, đài truyền thanh cơ sở, mạng xã hội.\n"
            f"- Thời gian thực hiện: Từ ngày 01/3/2026 đến hết ngày 31/12/2026.\n"
            f"- Đơn vị thực hiện: Sở Khoa học và Công nghệ, Báo và Phát thanh, Truyền hình tỉnh."
        )
        phases.append(
            f"{n}. Đợt {n}: Từ ngày {1 + n % 27:02d}/{1 + n % 12:02d}/2026 đến ngày "
            f"{1 + n % 27:02d}/{1 + n % 12:02d}/2027."
        )
        units.append(
            f"{n}. Sở, ngành số {n}\n- Chủ trì xây dựng nội dung tuyên truyền thuộc lĩnh vực quản lý; "
            f"phối hợp cung cấp thông tin cho báo chí.\n- Báo cáo kết quả trước ngày 15/12/2026."
        )
        n += 1
    return (
        head
        + "III. NỘI DUNG TUYÊN TRUYỀN\n"
        + "\n".join(themes)
        + "\n\nIV. HÌNH THỨC TUYÊN TRUYỀN\n"
        + "\n".join(forms)
        + "\n\nV. THỜI GIAN THỰC HIỆN\n"
        + "\n".join(phases)
        + "\n\nVI. TỔ CHỨC THỰC HIỆN\n"
        + "\n".join(units)
        + "\n\nTrên đây là"
        + tail
    )


def bench_parse(pages: int = 20, runs: int = 5) -> dict[str, float]:
    text = make_long_plan(pages)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        draft = parse_plan(text)
        timings.append(time.perf_counter() - start)
    assert draft.number == "125/KH-UBND" and len(draft.themes) > 20
    return {
        "pages": pages,
        "chars": len(text),
        "seconds_median": statistics.median(timings),
        "seconds_max": max(timings),
        "themes": len(draft.themes),
        "assignments": len(draft.assignments),
    }


SEEDS = ROOT.parent / "shared" / "seeds"


def bench_seeds() -> list[tuple[str, int, float, float]]:
    """(name, chars, seconds without repair, seconds with repair) per seed plan, if present."""
    out = []
    for path in sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []:
        text = path.read_text(encoding="utf-8")
        parse_plan(text)  # load the repair model once, outside the timing
        start = time.perf_counter()
        parse_plan(text, repair=False)
        plain = time.perf_counter() - start
        start = time.perf_counter()
        parse_plan(text)
        out.append((path.name[:3], len(text), plain, time.perf_counter() - start))
    return out


def bench_ocr(pages: int = 2) -> dict[str, float] | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not (soffice and ocr.available()):
        return None
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "plan.txt"
        src.write_text(make_long_plan(pages), encoding="utf-8")
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(src)],
            check=True,
            capture_output=True,
            timeout=180,
        )
        pdf = Path(tmp) / "plan.pdf"
        seconds, words_ok, words = [], 0, 0
        reference = fold(src.read_text(encoding="utf-8")).split()
        ref_set = set(reference)
        for page in range(1, pages + 1):
            start = time.perf_counter()
            image = ocr.render_pdf_page(pdf, page, Path(tmp), dpi=300, max_side=4200, timeout=60)
            text = ocr.image_to_text(image, lang="vie", timeout=120, page=page)
            seconds.append(time.perf_counter() - start)
            got = fold(text).split()
            words += len(got)
            words_ok += sum(w in ref_set for w in got)
        return {
            "pages": pages,
            "seconds_per_page": statistics.mean(seconds),
            "words_recognised": words_ok / max(words, 1),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--ocr-pages", type=int, default=2)
    parser.add_argument("--no-ocr", action="store_true")
    parser.add_argument("--quick", action="store_true", help="fewer runs and one OCR page (make bench)")
    args = parser.parse_args()
    if args.quick:
        args.ocr_pages = 1
    parse = bench_parse(args.pages, runs=3 if args.quick else 5)
    print(
        f"parse_plan: {parse['pages']}-page text plan ({parse['chars']:,} chars): "
        f"{parse['seconds_median']:.3f} s median, {parse['seconds_max']:.3f} s max "
        f"({parse['themes']} themes, {parse['assignments']} assignments); target < 2 s"
    )
    for name, chars, plain, repaired in bench_seeds():
        print(f"seed {name} ({chars:,} chars): {plain:.3f} s structure only, {repaired:.3f} s with repair")
    if args.no_ocr:
        return
    result = bench_ocr(args.ocr_pages)
    if result is None:
        print("OCR: skipped (soffice, pdftoppm or tesseract missing)")
        return
    print(
        f"OCR (pdftoppm 300 dpi + tesseract -l vie, 1 thread): {result['seconds_per_page']:.2f} s/page "
        f"over {result['pages']} pages; {result['words_recognised']:.1%} of recognised words found in "
        f"the source"
    )


if __name__ == "__main__":
    main()
