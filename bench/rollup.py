"""Roll-up benchmark at national scale.

    .venv/bin/python bench/rollup.py [--quick] [--db sqlite|postgres] [--repeat N]

Builds a throwaway database (a temporary SQLite file, or the PostgreSQL database ``lantoa_bench`` on
postgres://postgres@127.0.0.1:5432, dropped afterwards): the official hierarchy (34 provinces, 3,321 communes),
one reporting unit per commune, 12 monthly requests × 50 integer indicators, every unit submitting (~2M values,
bulk-inserted; the roll-up cells are then built with one INSERT … SELECT, which is what the per-submission
deltas maintain). Then it times the reads the dashboards make and one submission, and prints p50/p95.
``--quick`` uses 4 provinces, 3 months and 20 indicators.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
PG_BENCH_URL = "postgres://postgres@127.0.0.1:5432/lantoa_bench"


def _prepare_database(kind: str, tmp: Path) -> None:
    """Point Django at a fresh database before it is imported."""
    os.environ["LANTOA_VAR_DIR"] = str(tmp)
    os.environ["DEBUG"] = "0"
    os.environ["SECRET_KEY"] = "bench"
    os.environ["LOG_LEVEL"] = "WARNING"
    if kind == "sqlite":
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
        return
    import psycopg

    with psycopg.connect(PG_ADMIN_URL.replace("postgres://", "postgresql://"), autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS lantoa_bench")
        conn.execute("CREATE DATABASE lantoa_bench")
    os.environ["DATABASE_URL"] = PG_BENCH_URL


def _drop_postgres() -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL.replace("postgres://", "postgresql://"), autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS lantoa_bench WITH (FORCE)")


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    """(p50, p95) of wall-clock ms, and the p50 of this process's CPU ms (unaffected by other processes'
    load; on PostgreSQL it leaves out the server's share)."""
    fn()  # warm caches and connections once
    samples, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return statistics.median(samples), p95, statistics.median(cpu)


def build(quick: bool) -> dict[str, object]:
    from django.db import connection, transaction
    from django.utils import timezone

    from lantoa.areas.models import AdminArea
    from lantoa.areas.services import areas_load_official
    from lantoa.lib.text import fold
    from lantoa.reports.models import Report, ReportRequest, ReportValue, ValueType
    from lantoa.reports.services import IndicatorSpec, default_deadline, form_create
    from lantoa.units.models import Unit

    t0 = time.perf_counter()
    areas_load_official()
    provinces = list(AdminArea.objects.provinces().order_by("code"))
    if quick:
        provinces = provinces[:4]
    communes = list(AdminArea.objects.communes().filter(parent__in=provinces))
    months = 3 if quick else 12
    n_ind = 20 if quick else 50
    central = Unit.objects.create(name="Ban Tuyên giáo và Dân vận Trung ương", kind=Unit.Kind.PARTY_BOARD,
                                  area=AdminArea.objects.get(level="national"))
    units = Unit.objects.bulk_create([
        Unit(name=f"Phòng Văn hoá - Xã hội {a.name}", name_folded=fold(f"Phòng Văn hoá - Xã hội {a.name}"),
             kind=Unit.Kind.DEPARTMENT, area=a)
        for a in communes
    ], batch_size=1000)
    area_of = {a.pk: a for a in communes}
    form = form_create(
        code="bench", title="Báo cáo kết quả công tác tuyên truyền chuyển đổi số", issuer=central,
        indicators=[IndicatorSpec(f"ct{n:02d}", f"Chỉ tiêu {n}", ValueType.INTEGER) for n in range(n_ind)],
        sections=[],
    )
    version = form.current_version()
    indicator_ids = list(version.indicators.values_list("pk", flat=True))
    rng = random.Random(57)
    requests = []
    for month in range(1, months + 1):
        start = dt.date(2026, month, 1)
        end = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        requests.append(ReportRequest.objects.create(
            title=f"Tháng {month:02d}/2026", form_version=version, issuer=central, frequency="monthly",
            period_start=start, period_end=end, deadline=default_deadline(end, 5),
            target_area=AdminArea.objects.get(level="national"), target_level="commune",
        ))
    t_setup = time.perf_counter() - t0
    # Reports: every unit submits every month, ~85% on time; in the last month 50 stay drafts for the
    # submission timing below.
    reports = []
    for req in requests:
        for unit in units:
            area = area_of[unit.area_id]
            on_time = rng.random() < 0.85
            when = req.deadline - dt.timedelta(days=2) if on_time else req.deadline + dt.timedelta(days=3)
            reports.append(Report(
                request=req, unit=unit, status="submitted", submitted_at=when, on_time=on_time, counted=True,
                province_id=area.province_id, commune_id=area.pk, unit_kind=unit.kind, period_start=req.period_start,
            ))
    drafts = set(range(len(reports) - 50, len(reports)))
    for n in drafts:
        r = reports[n]
        r.status, r.counted, r.on_time, r.submitted_at = "draft", False, False, None
    with transaction.atomic():
        Report.objects.bulk_create(reports, batch_size=2000)
    t1 = time.perf_counter()
    report_rows = list(Report.objects.filter(counted=True).values_list(
        "pk", "request_id", "province_id", "commune_id", "unit_kind"))
    columns = ("report_id", "indicator_id", "number", "text", "request_id", "province_id", "commune_id",
               "unit_kind", "counted")
    table = ReportValue._meta.db_table
    total = 0
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:  # type: ignore[attr-defined]
                for pk, req, prov, com, kind in report_rows:
                    for ind in indicator_ids:
                        copy.write_row((pk, ind, rng.randint(0, 500), "", req, prov, com, kind, True))
                        total += 1
        else:
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
            batch: list[tuple[object, ...]] = []
            for pk, req, prov, com, kind in report_rows:
                for ind in indicator_ids:
                    batch.append((pk, ind, rng.randint(0, 500), "", req, prov, com, kind, True))
                if len(batch) >= 50_000:
                    cursor.executemany(sql, batch)
                    total += len(batch)
                    batch = []
            cursor.executemany(sql, batch)
            total += len(batch)
        cursor.execute(
            "INSERT INTO reports_rollupcell (request_id, province_key, unit_kind, indicator_id, total, count) "
            f"SELECT request_id, COALESCE(province_id, 0), unit_kind, indicator_id, SUM(number), COUNT(number) "
            f"FROM {table} WHERE counted GROUP BY request_id, COALESCE(province_id, 0), unit_kind, indicator_id"
        )
        cursor.execute(
            "INSERT INTO reports_yearcell (form_id, year, frequency, province_key, commune_key, unit_kind, "
            "indicator_id, total, count) "
            f"SELECT {form.pk}, 2026, 'monthly', COALESCE(province_id, 0), COALESCE(commune_id, 0), unit_kind, "
            f"indicator_id, SUM(number), COUNT(number) FROM {table} WHERE counted "
            "GROUP BY COALESCE(province_id, 0), COALESCE(commune_id, 0), unit_kind, indicator_id"
        )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    t_values = time.perf_counter() - t1
    draft_pks = list(Report.objects.filter(status="draft").values_list("pk", flat=True))
    biggest = max(provinces, key=lambda p: sum(1 for c in communes if c.province_id == p.pk))
    return {
        "requests": requests, "indicators": list(version.indicators.all()), "drafts": draft_pks,
        "province": biggest, "n_communes": len(communes), "n_values": total, "n_reports": len(reports),
        "n_provinces": len(provinces), "setup_s": t_setup, "values_s": t_values, "now": timezone.now(),
        "n_province_communes": sum(1 for c in communes if c.province_id == biggest.pk),
    }


def measure(data: dict[str, object], repeat: int) -> list[tuple[str, float, float, float, str]]:
    from lantoa.areas.models import national_area
    from lantoa.reports import rollup
    from lantoa.reports.dashboard import build_overview
    from lantoa.reports.models import Report
    from lantoa.reports.services import report_submit

    requests = data["requests"]
    indicators = data["indicators"]
    province = data["province"]
    nation = national_area()

    def national() -> object:
        totals = rollup.totals_by_province(requests, indicators)  # type: ignore[arg-type]
        return {k: rollup.finish(indicators, v) for k, v in totals.items()}  # type: ignore[arg-type]

    def matrix() -> object:
        return rollup.rates_matrix(requests)  # type: ignore[arg-type]

    def drill() -> object:
        totals = rollup.totals_by_commune_year(requests, indicators, province.pk)  # type: ignore[arg-type, attr-defined]
        rates = rollup.rates_by_commune(requests, province.pk)  # type: ignore[arg-type, attr-defined]
        return {k: rollup.finish(indicators, v) for k, v in totals.items()}, rates  # type: ignore[arg-type]

    def drill_values() -> object:
        totals = rollup.totals_by_commune(requests, indicators, province.pk)  # type: ignore[arg-type, attr-defined]
        rates = rollup.rates_by_commune(requests, province.pk)  # type: ignore[arg-type, attr-defined]
        return {k: rollup.finish(indicators, v) for k, v in totals.items()}, rates  # type: ignore[arg-type]

    def drill_month() -> object:
        last = requests[-1:]  # type: ignore[index]
        totals = rollup.totals_by_commune(last, indicators, province.pk)  # type: ignore[arg-type, attr-defined]
        return {k: rollup.finish(indicators, v) for k, v in totals.items()}  # type: ignore[arg-type]

    def dashboard_national() -> object:
        return build_overview(area=nation, requests=requests, indicators=indicators)  # type: ignore[arg-type]

    def dashboard_province() -> object:
        return build_overview(area=province, requests=requests, indicators=indicators,  # type: ignore[arg-type]
                              whole_year=True)

    drafts = list(data["drafts"])  # type: ignore[call-overload]
    values = {i.code: str(random.Random(i.pk).randint(0, 500)) for i in indicators}  # type: ignore[attr-defined]

    def submit() -> object:
        report = Report.objects.select_related("request__form_version", "unit__area").get(pk=drafts.pop())
        return report_submit(report=report, user=None, expected_version=report.version, values=values)

    n_submit = min(len(drafts) - 1, max(5, repeat))
    rows = [
        ("Toàn quốc theo tỉnh, cả năm (số liệu theo chỉ tiêu)", *timed(national, repeat), "34 tỉnh × chỉ tiêu"),
        ("Ma trận tỷ lệ nộp/đúng hạn tỉnh × tháng", *timed(matrix, repeat), "34 × 12"),
        (f"Một tỉnh theo xã, cả năm ({province})", *timed(drill, repeat),
         f"{data['n_province_communes']} xã, ô theo năm + tỷ lệ nộp"),
        ("  — cùng phép tính, cộng thẳng từ số liệu (không dùng ô năm)", *timed(drill_values, repeat),
         "đối chiếu"),
        ("Một tỉnh theo xã, một tháng (từ số liệu)", *timed(drill_month, repeat), "kỳ gần nhất"),
        ("Trang tổng hợp toàn quốc (mọi bảng + chuỗi thời gian)", *timed(dashboard_national, repeat), "build_overview"),
        ("Trang tổng hợp một tỉnh (mọi bảng + chuỗi thời gian)", *timed(dashboard_province, repeat), "build_overview"),
        ("Nộp một báo cáo (ghi số liệu + cập nhật tổng hợp)", *timed(submit, n_submit),
         f"{len(indicators)} chỉ tiêu"),  # type: ignore[arg-type]
    ]
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="lantoa-bench-") as tmp:
        _prepare_database(args.db, Path(tmp))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lantoa.settings")
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        try:
            call_command("migrate", verbosity=0)
            data = build(args.quick)
            load_before = os.getloadavg()[0]
            rows = measure(data, args.repeat)
            load_after = os.getloadavg()[0]
        finally:
            connection.close()
            if args.db == "postgres":
                _drop_postgres()
    target = 100 if args.db == "postgres" else 250
    print(f"\nLan Tỏa — bench/rollup.py ({args.db}{', quick' if args.quick else ''}, {args.repeat} lần đo)")
    print(f"{data['n_provinces']} tỉnh, {data['n_communes']} xã/đơn vị, {len(data['requests'])} kỳ, "  # type: ignore[arg-type]
          f"{len(data['indicators'])} chỉ tiêu, {data['n_reports']:,} báo cáo, {data['n_values']:,} số liệu "  # type: ignore[arg-type]
          f"(dựng {data['setup_s']:.0f}s + nạp {data['values_s']:.0f}s)")
    print(f"Mục tiêu: tổng hợp p95 < {target} ms; nộp báo cáo < 50 ms")
    # The machine may be shared: a load average above the core count inflates every figure.
    print(f"Tải máy (load average 1 phút) khi đo: {load_before:.1f} → {load_after:.1f} trên {os.cpu_count()} lõi\n")
    print(f"| {'Phép đo':<60} | {'p50 ms':>8} | {'p95 ms':>8} | {'CPU p50':>8} | Ghi chú")
    print(f"|{'-' * 62}|{'-' * 10}|{'-' * 10}|{'-' * 10}|{'-' * 24}")
    for name, p50, p95, cpu, note in rows:
        print(f"| {name:<60} | {p50:8.1f} | {p95:8.1f} | {cpu:8.1f} | {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
